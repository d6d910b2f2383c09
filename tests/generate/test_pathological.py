"""Issue 13 (2): no text makes the generator quadratic or makes it copy whole sentences.

Not timed (machines are noisy): the work is counted as executed lines of Python, and the
output is measured in characters. Timings and peak memory are in benchmarks/generator.py.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable

import pytest

from quizapp.generate import generate, pipeline

from .helpers import check_invariants
from .pathological import PATHOLOGICAL, ordinary

CASES = {**PATHOLOGICAL, "ordinary": ordinary}
SMALL = 4_000


def executed_lines(text: str) -> int:
    """Lines of Python run by generate(text): a measure of work that no other load disturbs."""
    count = 0

    def tracer(frame, event, arg):  # noqa: ANN001, ANN202
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        generate(text)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("make", CASES.values(), ids=CASES.keys())
def test_work_grows_linearly_with_the_text(make: Callable[[int], str]) -> None:
    # Imports, compiled patterns and the lazily loaded name lists are not the text's work.
    generate(make(SMALL // 2))  # not the same text: compiled patterns would be cached
    small, large = executed_lines(make(SMALL)), executed_lines(make(4 * SMALL))
    # Four times the text: four times the work (and some slack), not sixteen.
    assert large <= 4.6 * small, (small, large)


@pytest.mark.parametrize("make", CASES.values(), ids=CASES.keys())
def test_output_is_bounded_by_the_text(make: Callable[[int], str]) -> None:
    text = make(40_000)
    result = generate(text)
    check_invariants(text, result)
    copied = sum(len(q.prompt) + len(q.source) + len(q.explanation) for q in result.questions)
    # Each question quotes a bounded stretch of text, never a whole giant "sentence" again.
    assert copied <= 20 * len(text) + 100_000
    assert all(len(q.source) <= 1500 for q in result.questions)
    assert len(result.questions) <= pipeline.MAX_QUESTIONS


def test_an_article_gives_at_most_max_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    text = PATHOLOGICAL["short paragraphs"](20_000)
    # Every line's year is 1999: lift the per-year limit to count questions of every kind.
    monkeypatch.setattr("quizapp.generate.pipeline.MAX_PER_YEAR", 10**6)
    assert len(generate(text).questions) > 50
    monkeypatch.setattr("quizapp.generate.pipeline.MAX_QUESTIONS", 50)
    assert len(generate(text).questions) == 50


def test_a_spent_budget_stops_the_builders(monkeypatch: pytest.MonkeyPatch) -> None:
    # Short paragraphs give candidates of several kinds (the name list, whose people share a
    # surname and a role, gives no fair question at all).
    text = CASES["short paragraphs"](4 * SMALL)
    generate(CASES["short paragraphs"](SMALL))  # warm-up, as above
    full = executed_lines(text)
    monkeypatch.setattr(pipeline, "MAX_CANDIDATES", 6)  # one candidate per builder
    # No source, prompt or distractors are prepared for a question the budget would refuse.
    assert executed_lines(text) < 0.55 * full  # 0.71 when builders went on to the end


def test_one_kind_cannot_take_the_whole_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "MAX_CANDIDATES", 12)
    result = generate(CASES["short paragraphs"](4 * SMALL))
    # Every paragraph has a quote: before the budget was shared, who-said questions took it all.
    assert {q.kind for q in result.questions} >= {"who_said", "which_year"}


def test_generation_pauses_the_collector_and_leaves_no_cycles_behind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # generate() runs with the cyclic collector off (its passes cost a fifth of the time on
    # 1 MB): that is only safe while the generator makes no reference cycles.
    text = CASES["short paragraphs"](SMALL)
    generate(CASES["short paragraphs"](SMALL // 2))  # warm-up: imports make cycles of their own
    collecting, run = [], pipeline.run
    monkeypatch.setattr(pipeline, "run", lambda t: collecting.append(gc.isenabled()) or run(t))
    gc.collect()
    assert generate(text).questions and gc.isenabled() and collecting == [False]
    assert gc.collect() == 0
