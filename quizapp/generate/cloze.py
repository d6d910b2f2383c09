"""Cloze (fill-in-the-blank) prompts: "Fill in the blank: The council approved the plan in _____."

A cloze item keeps its kind (which_year, number, …); only its prompt differs: it starts with
the lead below and holds exactly one blank.
"""

from __future__ import annotations

import re

BLANK = "_____"
LEAD = "Fill in the blank: "
_BLANKS = re.compile(r"_{5,}")


def split_blank(prompt: str) -> tuple[str, str] | None:
    """The text before and after the prompt's one blank (lead removed), or None if not one."""
    text = prompt.removeprefix(LEAD)
    blanks = list(_BLANKS.finditer(text))
    if len(blanks) != 1:
        return None
    return text[: blanks[0].start()], text[blanks[0].end() :]
