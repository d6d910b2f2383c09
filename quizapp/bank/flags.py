"""Why a teacher should look at a question again: the linter's reasons, stored and shown.

A draft carries reasons like "TOO_LONG: the question has 34 words"; the question keeps them
joined in its `flag` column, and the review page shows each with a readable label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

FLAG_SIZE = 300  # Question.flag is String(300)
SEPARATOR = "; "
_CODE = re.compile(r"^([A-Z][A-Z0-9_]*[A-Z0-9]):\s*(.*)$", re.DOTALL)
# Splits joined reasons at "; CODE:" only, so a reason's own semicolons stay inside it.
_SPLIT = re.compile(r";\s+(?=[A-Z][A-Z0-9_]*[A-Z0-9]:)")
# Codes whose words alone read badly; any other code is shown as its words ("TOO_LONG": "Too long").
LABELS = {
    "WH_IN_PHRASE": "Question word inside a phrase",
    "NO_ANTECEDENT": "Unclear reference",
    "CONTEXT": "Needs the article's context",
    "CUT": "Text cut in the wrong place",
    "SHORT_QUOTE": "Quote too short",
    "FRAGMENT": "Not a full sentence",
    "VAGUE_KEY": "Vague answer",
    "AMBIGUOUS": "More than one answer fits",
    "CLOZE": "Fill-in-the-blank item",
}


@dataclass(frozen=True)
class Reason:
    """One reason to look again: its code (may be empty), a label and the detail."""

    code: str
    label: str
    detail: str


def flag_text(reasons: Iterable[str]) -> str | None:
    """The reasons joined for the flag column: whole reasons while they fit, else one cut short."""
    kept: list[str] = []
    for reason in (" ".join(r.split()) for r in reasons):
        if not reason:
            continue
        joined = SEPARATOR.join([*kept, reason])
        if len(joined) <= FLAG_SIZE:
            kept.append(reason)
        elif not kept:
            kept.append(reason[: FLAG_SIZE - 1].rstrip() + "…")
            break
        else:
            break
    return SEPARATOR.join(kept) or None


def label(code: str) -> str:
    """A readable label for a linter code."""
    return LABELS.get(code) or code.replace("_", " ").capitalize()


def flag_reasons(flag: str | None) -> list[Reason]:
    """A stored flag split back into its reasons (a flag without a code is one plain reason)."""
    out = []
    for part in _SPLIT.split(flag or ""):
        part = part.strip()
        if not part:
            continue
        match = _CODE.match(part)
        if match:
            out.append(Reason(match.group(1), label(match.group(1)), match.group(2)))
        else:
            out.append(Reason("", "Check again", part))
    return out
