"""Cloze items: "Fill in the blank: …" prompts with exactly one visible blank."""

from __future__ import annotations

BLANK = "_____"
LEAD = "Fill in the blank: "


def make_cloze(before: str, after: str) -> str | None:
    """The cloze prompt for a clause whose answer sits between before and after."""
    before = " ".join(before.split())
    after = " ".join(after.split())
    if BLANK in before or BLANK in after:
        return None
    glue = "" if not after or after[0] in ",.;:!?)'’\"”" else " "
    body = f"{before} {BLANK}{glue}{after}".strip()
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
    """(text before, text after) the blank, without the "Fill in the blank: " lead."""
    if not is_cloze(prompt):
        return None
    before, after = prompt[len(LEAD) :].split(BLANK)
    return before, after
