"""The lockfiles agree with pyproject.toml: every dependency pinned, hashed, in range, and alike.

Regenerate both after changing dependencies (see the README's "Development" section).
"""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")
DIRECT = "quizapp (pyproject.toml)"


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _requirements(*extras: str) -> dict[str, Requirement]:
    """pyproject's requirements (the runtime ones plus the named extras) by canonical name."""
    project = _project()
    lines = list(project["dependencies"])
    for extra in extras:
        lines += project["optional-dependencies"][extra]
    return {canonicalize_name(r.name): r for r in map(Requirement, lines)}


def _lock(name: str) -> dict[str, tuple[Version, int, bool]]:
    """A pip-compile lockfile: name -> (version, number of hashes, required by pyproject)."""
    pins: dict[str, tuple[Version, int, bool]] = {}
    current = ""
    for line in (ROOT / name).read_text().splitlines():
        if match := PIN.match(line):
            current = canonicalize_name(match[1])
            pins[current] = (Version(match[2].rstrip("\\ ")), 0, False)
        elif current and "--hash=sha256:" in line:
            version, hashes, direct = pins[current]
            pins[current] = (version, hashes + 1, direct)
        elif current and DIRECT in line:
            version, hashes, _ = pins[current]
            pins[current] = (version, hashes, True)
    return pins


LOCKS = {"requirements.txt": (), "requirements-dev.txt": ("test", "dev")}


@pytest.mark.parametrize(("lockfile", "extras"), LOCKS.items())
def test_every_dependency_is_pinned_within_its_range(lockfile, extras):
    pins = _lock(lockfile)
    for name, requirement in _requirements(*extras).items():
        assert name in pins, f"{name} is in pyproject.toml but not in {lockfile}"
        version = pins[name][0]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{lockfile} pins {name}=={version}, outside pyproject's {requirement}"
        )


@pytest.mark.parametrize(("lockfile", "extras"), LOCKS.items())
def test_the_lock_names_no_direct_dependency_pyproject_dropped(lockfile, extras):
    wanted = set(_requirements(*extras))
    direct = {name for name, (_, _, is_direct) in _lock(lockfile).items() if is_direct}
    assert direct == wanted


@pytest.mark.parametrize("lockfile", LOCKS)
def test_every_pin_carries_hashes(lockfile):
    pins = _lock(lockfile)
    assert pins
    assert [name for name, (_, hashes, _) in pins.items() if not hashes] == []


def test_production_and_development_pin_the_same_versions():
    production, development = _lock("requirements.txt"), _lock("requirements-dev.txt")
    assert set(production) <= set(development)
    differ = {n: (production[n][0], development[n][0]) for n in production}
    assert {n: v for n, v in differ.items() if v[0] != v[1]} == {}
