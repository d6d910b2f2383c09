"""Two blanks in one list: "25 points, _____ rebounds and 10 assists" beside "25 points, 11
rebounds and _____ assists", or "$39,014, up from _____ a year ago". The second shows the first
one's answer and asks the same thing again; one blank per list is enough."""

from __future__ import annotations

import regex as re

from quizapp.generate.cloze import BLANK, LEAD
from quizapp.generate.types import DraftQuestion
from quizapp.generate.verbs import AUXILIARIES, PAST_TO_BASE

# At most this many words between two figures of one form make them one list or comparison;
# a verb between them makes two facts ("opened in 1934 and was expanded in 1972").
MAX_GAP_WORDS = 6
_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")
_WORD = re.compile(r"[\p{L}'’-]+")
_CONTEXT = 24  # characters before a blank that find it in the source sentence


def form(answer: str) -> str:
    """What kind of figure answer is: a year, a percentage, money or a count."""
    if _YEAR.match(answer):
        return "year"
    if answer.endswith("%"):
        return "percent"
    if answer[:1] in "$€£¥":
        return "money"
    return "count"


def blank_offset(q: DraftQuestion) -> int | None:
    """Where q's blank sits in its source sentence (None when q is no cloze or it is lost)."""
    if not q.prompt.startswith(LEAD) or BLANK not in q.prompt:
        return None
    before = q.prompt.removeprefix(LEAD).split(BLANK, 1)[0]
    tail = before[-_CONTEXT:]
    at = q.source.find(tail)
    if tail and at >= 0:
        return at + len(tail)
    # The cloze dropped an aside "(of 88,933 births)": the answer itself, if it is there once.
    figure = q.answer.rstrip("%")
    at = q.source.find(figure)
    return at if at >= 0 and q.source.count(figure) == 1 else None


def _is_verb(word: str) -> bool:
    if not word.islower():
        return False  # "through May": a month, not the modal
    return word in AUXILIARIES or word in PAST_TO_BASE or (word.endswith("ed") and len(word) > 4)


def same_list(a: DraftQuestion, b: DraftQuestion) -> bool:
    """True when clozes a and b blank two figures of one form a few words apart, with no verb
    between them, in one sentence."""
    if a.source != b.source or a.kind != b.kind or form(a.answer) != form(b.answer):
        return False
    i, j = blank_offset(a), blank_offset(b)
    if i is None or j is None:
        return False
    between = a.source[min(i, j) : max(i, j)]
    gap = _WORD.findall(between)
    listed = "," in between or " and " in between
    if form(a.answer) == "percent" and listed and len(gap) <= 2 * MAX_GAP_WORDS:
        return True  # "77 percent were aged 26 or above, 65 percent were white": one breakdown
    return len(gap) <= MAX_GAP_WORDS + 1 and not any(map(_is_verb, gap))
