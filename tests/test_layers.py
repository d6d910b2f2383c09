"""The packages of quizapp depend one way: no package imports back into one that imports it."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import quizapp

ROOT = Path(quizapp.__file__).parent

Graph = dict[str, dict[str, list[str]]]


def _unit(path: Path) -> str:
    """The package (quizapp/<name>/) or top-level module (quizapp/<name>.py) a file belongs to."""
    first = path.relative_to(ROOT).parts[0]
    return first.removesuffix(".py")


def _imported(node: ast.AST) -> list[str]:
    """The quizapp units an import statement names (`from quizapp import x` names x)."""
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        if node.module == "quizapp":
            return [a.name for a in node.names]
        names = [node.module]
    else:
        return []
    return [n.split(".")[1] for n in names if n.startswith("quizapp.")]


def import_graph() -> Graph:
    """Unit → the units it imports → where, from every import in quizapp/ (deferred ones too)."""
    graph: Graph = defaultdict(lambda: defaultdict(list))
    for path in sorted(ROOT.rglob("*.py")):
        # The app factory wires every blueprint together: it is the one place allowed to.
        if path == ROOT / "__init__.py":
            continue
        unit = _unit(path)
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            for target in _imported(node):
                if target != unit:
                    where = f"{path.relative_to(ROOT.parent)}:{getattr(node, 'lineno', 0)}"
                    graph[unit][target].append(where)
    return graph


def find_cycle(graph: Graph) -> list[str] | None:
    """A cycle of units (first unit repeated at the end), or None when the graph is acyclic."""
    state: dict[str, str] = {}  # "open" while on the current path, "done" once explored
    path: list[str] = []

    def visit(unit: str) -> list[str] | None:
        state[unit] = "open"
        path.append(unit)
        for target in sorted(graph.get(unit, {})):
            if state.get(target) == "open":
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[unit] = "done"
        return None

    for unit in sorted(graph):
        if unit not in state and (cycle := visit(unit)):
            return cycle
    return None


def test_packages_import_one_way() -> None:
    graph = import_graph()
    cycle = find_cycle(graph)
    if cycle:
        pairs = zip(cycle, cycle[1:], strict=False)
        steps = [f"{a} -> {b} ({', '.join(graph[a][b])})" for a, b in pairs]
        raise AssertionError("import cycle between quizapp packages:\n" + "\n".join(steps))


def test_graph_sees_the_imports_it_checks() -> None:
    # Guards the check above against passing on an empty or misparsed graph.
    graph = import_graph()
    assert "quiz" in graph["teach"]
    assert "models" in graph["reports"]
    assert "teach" not in graph["reports"]


def test_find_cycle_reports_a_back_import() -> None:
    looped: Graph = {"a": {"b": ["a.py:1"]}, "b": {"c": ["b.py:1"]}, "c": {"a": ["c.py:1"]}}
    assert find_cycle(looped) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b": ["a.py:1"]}, "b": {}}) is None
