"""Precision and recall per kind against the hand-labelled key.

Run: python -m tests.generate.evaluate seeds/canada-mexico-2025.txt
"""

from __future__ import annotations

import sys
import unicodedata
from dataclasses import dataclass

from quizapp.generate import DraftQuestion, generate

from . import seed_key as key


def norm(s: str) -> str:
    """Casefold and straighten quotes/dashes so fragments match prompts."""
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("–", "-"), ("—", "-")):
        s = s.replace(a, b)
    return " ".join(s.casefold().split())


@dataclass
class Score:
    """Counts for one kind."""

    asked: int = 0
    correct: int = 0
    wrong: int = 0
    expected: int = 0
    found: int = 0

    @property
    def precision(self) -> float:
        """Share of asked questions that the key confirms."""
        return self.correct / self.asked if self.asked else 1.0

    @property
    def recall(self) -> float:
        """Share of key items asked correctly."""
        return self.found / self.expected if self.expected else 1.0


def score_quotes(qs: list[DraftQuestion]) -> Score:
    """who_said: right speaker for each key quote; wrong speakers counted separately."""
    s = Score(expected=len(key.QUOTES) - len(key.SPLIT_PAIRS))
    hit: set[int] = set()
    for q in qs:
        s.asked += 1
        matches = [i for i, (frag, _) in enumerate(key.QUOTES) if norm(frag) in norm(q.prompt)]
        if not matches:
            continue
        if all(key.QUOTES[i][1] == q.answer for i in matches):
            s.correct += 1
            hit.update(matches)
        else:
            s.wrong += 1
    for a, b in key.SPLIT_PAIRS:
        if a in hit and b in hit:
            hit.discard(b)
        elif b in hit:
            hit.discard(b)
            hit.add(a)
    s.found = len(hit)
    return s


def score_pairs(qs: list[DraftQuestion], items: list[tuple[str, str]], where: str) -> Score:
    """Generic (context fragment, answer) matching on prompt or source."""
    s = Score(expected=len(items))
    hit: set[int] = set()
    for q in qs:
        s.asked += 1
        text = norm(q.prompt if where == "prompt" else q.prompt + " " + q.source)
        ok = [i for i, (a, b) in enumerate(items) if _match(q, text, a, b)]
        if ok:
            s.correct += 1
            hit.update(ok)
    s.found = len(hit)
    return s


def _match(q: DraftQuestion, text: str, first: str, second: str) -> bool:
    # Items are (fragment, answer) for years and (answer, fragment) for ranks/numbers.
    for frag, answer in ((first, second), (second, first)):
        if q.answer == answer and norm(frag) in text:
            return True
    return False


def score_people(qs: list[DraftQuestion]) -> Score:
    """who_is: person->role answers contain the key role; role->person answers match."""
    s = Score(expected=len(key.PEOPLE))
    hit: set[str] = set()
    for q in qs:
        s.asked += 1
        for name, role in key.PEOPLE.items():
            if q.prompt == f"Who is {name}?" and norm(role) in norm(q.answer):
                s.correct += 1
                hit.add(name)
                break
            if q.answer == name and norm(role) in norm(q.prompt):
                s.correct += 1
                break
        else:
            s.wrong += 1
    s.found = len(hit)
    return s


def evaluate(text: str) -> dict[str, Score]:
    """Scores per kind for the seed article."""
    qs = generate(text).questions
    by = {
        k: [q for q in qs if q.kind == k]
        for k in ("who_said", "which_year", "which_rank", "number", "who_is")
    }
    return {
        "who_said": score_quotes(by["who_said"]),
        "which_year": score_pairs(by["which_year"], key.YEARS, "source"),
        "which_rank": score_pairs(by["which_rank"], key.RANKS, "prompt"),
        "number": score_pairs(by["number"], key.NUMBERS, "prompt"),
        "who_is": score_people(by["who_is"]),
    }


def main(argv: list[str]) -> int:
    """Print precision/recall per kind for the article given on the command line."""
    path = argv[1] if len(argv) > 1 else "seeds/canada-mexico-2025.txt"
    with open(path, encoding="utf-8") as fh:
        scores = evaluate(fh.read())
    print(f"{'kind':<11} {'asked':>5} {'prec':>6} {'recall':>6} {'wrong':>5}")
    for kind, s in scores.items():
        print(f"{kind:<11} {s.asked:>5} {s.precision:>6.0%} {s.recall:>6.0%} {s.wrong:>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
