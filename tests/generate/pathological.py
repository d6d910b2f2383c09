"""Texts that once made the generator quadratic, built to any size (all in our own words)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import count, product
from pathlib import Path

SEED = (Path(__file__).resolve().parents[2] / "seeds" / "canada-mexico-2025.txt").read_text(
    encoding="utf-8"
)
_SYLLABLES = ["ba", "ko", "ri", "ten", "lo", "mar", "vi", "sen", "da", "gu", "fel", "no"]


def _fill(pieces: Callable[[int], str], size: int, sep: str = " ") -> str:
    """Join pieces(0), pieces(1), … until the text reaches size characters."""
    out, total = [], 0
    for i in count():
        piece = pieces(i)
        out.append(piece)
        total += len(piece) + len(sep)
        if total >= size:
            return sep.join(out)
    raise AssertionError("unreachable")


def _names() -> list[str]:
    """Invented capitalised names, all different: "Baba Bababa", "Baba Babako", …"""
    given = ["".join(p).capitalize() for p in product(_SYLLABLES, repeat=2)]
    family = ["".join(p).capitalize() for p in product(_SYLLABLES, repeat=3)]
    return [f"{a} {b}" for b, a in product(family, given)]


_NAMES = _names()


def bare_years(size: int) -> str:
    """ "1999 2000 2001 …": one paragraph, one sentence, a year every five characters."""
    return _fill(lambda i: str(1900 + i % 125), size)


def hello(size: int) -> str:
    """The same attributed quotation over and over, in one paragraph."""
    return _fill(lambda i: '"Hello," said John Smith.', size)


def unattributed_quotes(size: int) -> str:
    """One speaker named once, then quote after quote in the same paragraph with no verb."""
    unit = '"Hello there my good friend." Smith smiled.'
    return "John Smith said: " + _fill(lambda i: unit, size)


def no_full_stops(size: int) -> str:
    """The seed as one giant paragraph without a single full stop."""
    flat = SEED.replace(".", "").replace("\n", " ")
    return _fill(lambda i: flat, size)


def short_paragraphs(size: int) -> str:
    """Thousands of one-line paragraphs, each with a speaker, a year and a figure (and words of
    their own: a sentence quoted from several people is not asked)."""
    return _fill(
        lambda i: f"“We will open {i + 2} new schools,” said {_NAMES[i]}, a teacher, in 1999.",
        size,
        sep="\n",
    )


def name_list(size: int) -> str:
    """One paragraph listing thousands of different people, each with an honorific and a role."""
    return _fill(lambda i: f"Dr. {_NAMES[i]}, a professor of law,", size) + " said so."


def rankings(size: int) -> str:
    """Many sentences ranking invented places after others."""
    return _fill(
        lambda i: (
            f"{_NAMES[i].split()[1]} is the third-largest port in the region, after "
            f"{_NAMES[i + 1].split()[1]} and {_NAMES[i + 2].split()[1]}."
        ),
        size,
    )


def ordinary(size: int) -> str:
    """The seed repeated: a long but ordinary article."""
    return _fill(lambda i: SEED, size, sep="\n")


PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "bare years": bare_years,
    "hello said": hello,
    "unattributed": unattributed_quotes,
    "no full stops": no_full_stops,
    "short paragraphs": short_paragraphs,
    "name list": name_list,
    "rankings": rankings,
}
