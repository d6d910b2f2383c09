"""The review page's filters: by kind (fill-in-the-blank counted apart) and by linter flag."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from quizapp.bank.flags import flag_reasons, label
from quizapp.kinds import KIND_FILTERS, kind_key
from quizapp.models import Question

ANY_FLAG = "any"
NO_FLAG = "none"
UNCODED = "other"


@dataclass(frozen=True)
class ReviewFilters:
    """What the teacher asked to see: a kind key and a flag code ("" for everything)."""

    kind: str = ""
    flag: str = ""

    def admits(self, question: Question) -> bool:
        """Whether the question passes both filters."""
        if self.kind and kind_key(question) != self.kind:
            return False
        codes = flag_codes(question)
        if self.flag == ANY_FLAG:
            return bool(codes)
        if self.flag == NO_FLAG:
            return not codes
        return not self.flag or self.flag in codes

    @property
    def active(self) -> bool:
        """Whether anything is filtered out."""
        return bool(self.kind or self.flag)


def flag_codes(question: Question) -> set[str]:
    """The linter codes on a question (a reason without a code counts as "other")."""
    return {r.code or UNCODED for r in flag_reasons(question.flag)}


def review_filters(args: Mapping[str, str]) -> ReviewFilters:
    """The filters from the query string; unknown values mean "everything"."""
    kind = args.get("kind", "")
    flag = args.get("flag", "") or (ANY_FLAG if args.get("flagged") == "1" else "")
    ok_flag = flag in (ANY_FLAG, NO_FLAG, UNCODED) or flag.replace("_", "").isalnum()
    return ReviewFilters(kind if kind in KIND_FILTERS else "", flag[:40] if ok_flag else "")


def kind_options(questions: list[Question]) -> list[tuple[str, str, int]]:
    """(key, label, count) for each kind present on the page."""
    counts = Counter(kind_key(q) for q in questions)
    return [(key, name, counts[key]) for key, name in KIND_FILTERS.items() if counts[key]]


def flag_options(questions: list[Question]) -> list[tuple[str, str, int]]:
    """(code, label, count) for each linter code present, most frequent first."""
    counts = Counter(code for q in questions for code in flag_codes(q))
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [(code, "Other" if code == UNCODED else label(code), n) for code, n in ordered]
