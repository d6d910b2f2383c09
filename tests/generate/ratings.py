"""A teacher's ratings of drafts (the rubric's one line per question), carried over between runs.

The file is a TSV with the columns of FIELDS. A draft keeps its rating while its article, kind,
prompt and answer stay the same, so after a generator change only new or changed drafts need a
teacher's reading: `--unrated OUT` writes them, with empty verdicts, in the same format.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.generate import KINDS, DraftQuestion

FIELDS = ("article", "index", "kind", "correct", "fluent", "worthwhile", "reason")
FIELDS += ("prompt", "answer")
Row = dict[str, str]
# No quote character: a prompt's straight quotes ("…") are text, not CSV quoting.
_DIALECT = {"delimiter": "\t", "quoting": csv.QUOTE_NONE, "quotechar": None}


def _key(article: str, kind: str, prompt: str, answer: str) -> tuple[str, str, str, str]:
    return article, kind, _flat(prompt), _flat(answer)


def _flat(s: str) -> str:
    return " ".join(s.split())  # a TSV cell holds no tab or newline


def read(path: Path) -> dict[tuple[str, str, str, str], Row]:
    """Rated drafts by (article, kind, prompt, answer)."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, **_DIALECT)
        return {_key(r["article"], r["kind"], r["prompt"], r["answer"]): r for r in rows}


def acceptable(row: Row) -> bool:
    """Correct, fluent and worthwhile, as the rubric asks."""
    return row["correct"] == row["fluent"] == row["worthwhile"] == "Y"


@dataclass
class Tally:
    """Acceptable and rated drafts per kind and per article; drafts with no rating yet."""

    known: dict[tuple[str, str, str, str], Row]
    good: Counter[str] = field(default_factory=Counter)
    rated: Counter[str] = field(default_factory=Counter)
    unrated: list[Row] = field(default_factory=list)

    def add(self, article: str, qs: list[DraftQuestion]) -> None:
        """Look up each draft of one article."""
        for i, q in enumerate(qs):
            row = self.known.get(_key(article, q.kind, q.prompt, q.answer))
            if row is None:
                blank = dict.fromkeys(FIELDS, "")
                blank.update(article=article, index=str(i), kind=q.kind)
                blank.update(prompt=_flat(q.prompt), answer=_flat(q.answer))
                self.unrated.append(blank)
                continue
            for name in (q.kind, article, "all"):
                self.rated[name] += 1
                self.good[name] += acceptable(row)

    def report(self, unrated_path: Path | None = None) -> None:
        """Print the acceptable rate per kind and overall; write the drafts still to rate."""
        print("teacher ratings (drafts unchanged since they were rated):")
        for name in (*KINDS, "all"):
            n = self.rated[name]
            rate = f"{self.good[name] / n:.0%}" if n else "-"
            print(f"  {name:<11} {self.good[name]:>4}/{n:<4} acceptable {rate}")
        print(f"  not rated yet (new or changed drafts): {len(self.unrated)}")
        if unrated_path:
            with unrated_path.open("w", encoding="utf-8", newline="") as fh:
                out = csv.DictWriter(fh, FIELDS, **_DIALECT)
                out.writeheader()
                out.writerows(self.unrated)
