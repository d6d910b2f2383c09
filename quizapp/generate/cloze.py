"""Cloze (fill-in-the-blank) items: "Fill in the blank: The council approved the plan in _____."

A cloze item keeps its kind (which_year, number, …); only its prompt differs: it starts with
the lead below and holds exactly one blank.
"""

from __future__ import annotations

import re

BLANK = "_____"
LEAD = "Fill in the blank: "
# Imported files may draw the blank longer than ours; any run of five or more is one blank.
_BLANKS = re.compile(r"_{5,}")


_RELATIVE_OPENERS = frozenset(["which", "who", "whose", "whom"])


_OPENING_TYPO = re.compile(r"(?:(?<=\s)|^)”(?=\w)")


def make_cloze(before: str, after: str) -> str | None:
    """The cloze prompt for a clause whose answer sits between before and after."""
    # "were ”dwindling.”": a closing mark typed where the quotation opens is an opening one
    before = _OPENING_TYPO.sub("“", " ".join(before.split()))
    after = _OPENING_TYPO.sub("“", " ".join(after.split()))
    if BLANK in before or BLANK in after:
        return None
    if before.split(" ", 1)[0].lower() in _RELATIVE_OPENERS:
        return None  # "which contains about _____ tons": an aside cut from its noun
    glue = "" if not after or after[0] in ",.;:!?)'’\"”-" else " "  # "_____-a-month"
    lead = "" if before.endswith("-") else " "  # "since the mid-_____"
    body = f"{before}{lead}{BLANK}{glue}{after}".strip()
    body = body.rstrip(" ,;:-?!")
    if body.count("“") > body.count("”"):
        body += "”"
    if body.count('"') % 2:
        body += '"'
    if not body.endswith((".", ".”", '."')):
        body += "."
    return LEAD + body[:1].upper() + body[1:]


def is_cloze(prompt: str) -> bool:
    """True for a prompt written as a cloze item."""
    return prompt.startswith(LEAD) and prompt.count(BLANK) == 1


def split_blank(prompt: str) -> tuple[str, str] | None:
    """The text before and after the prompt's one blank (lead removed), or None if not one."""
    text = prompt.removeprefix(LEAD)
    blanks = list(_BLANKS.finditer(text))
    if len(blanks) != 1:
        return None
    return text[: blanks[0].start()], text[blanks[0].end() :]
