"""Showing a cloze prompt's blank: a styled gap that screen readers announce as "blank"."""

from __future__ import annotations

from markupsafe import Markup, escape

from quizapp.generate.cloze import LEAD, split_blank

_GAP = Markup('<span class="blank"><span class="visually-hidden">blank</span></span>')


def cloze(prompt: str | None) -> Markup:
    """Escape a prompt and draw its one blank, if it has one, as a visible gap."""
    prompt = prompt or ""
    parts = split_blank(prompt)
    if parts is None:
        return escape(prompt)
    lead = LEAD if prompt.startswith(LEAD) else ""
    return escape(lead + parts[0]) + _GAP + escape(parts[1])
