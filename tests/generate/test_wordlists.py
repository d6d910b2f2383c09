"""The generator's word lists (quizapp/generate/data/*.txt): tidy, used, and not redundant."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest

from quizapp.generate import lexicon

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "quizapp" / "generate" / "data"
FILES = sorted(DATA.glob("*.txt"))


def test_there_are_word_lists():
    assert len(FILES) >= 10


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_list_is_sorted_without_duplicates_or_blanks(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "" and "" not in lines[:-1], "one entry per line, no blank lines"
    entries = lines[:-1]
    assert all(e == e.strip() for e in entries), "no surrounding spaces"
    assert len(set(entries)) == len(entries), "duplicates"
    assert entries == sorted(entries), "not sorted"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_list_is_read_by_the_generator(path):
    sources = "".join(p.read_text(encoding="utf-8") for p in DATA.parent.glob("*.py"))
    assert f'"{path.stem}"' in sources


def test_extra_person_nouns_are_ones_nameparser_and_the_suffix_rule_miss():
    supplied = lexicon.NAMEPARSER_NOUNS - lexicon.NOT_PERSON_NOUNS
    needless = [
        w for w in lexicon.EXTRA_PERSON_NOUNS if w in supplied or lexicon.has_person_suffix(w)
    ]
    assert not needless


def test_not_person_nouns_are_ones_the_rules_would_otherwise_accept():
    needless = [
        w
        for w in lexicon.NOT_PERSON_NOUNS
        if w not in lexicon.NAMEPARSER_NOUNS and not lexicon.has_person_suffix(w)
    ]
    assert not needless


def test_no_honorific_is_also_a_title_word():
    assert not set(lexicon.HONORIFICS) & lexicon.TITLE_WORDS


def test_the_lists_ship_with_the_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["quizapp"]
    for path in FILES:
        relative = path.relative_to(ROOT / "quizapp").as_posix()
        assert any(fnmatch(relative, p) for p in patterns), relative
