"""Share links: the absolute address of a quiz or a class join page, and its QR code.

The QR code is drawn on the server as inline SVG by segno (no external service sees the link).
"""

from __future__ import annotations

import segno
from flask import url_for
from markupsafe import Markup

from quizapp.models import Classroom, Quiz


def qr_svg(url: str, label: str = "QR code") -> Markup:
    """An inline SVG QR code for the address, with a title for screen readers."""
    code = segno.make(url, error="m")
    # segno escapes the title; the SVG holds no script and no style attribute (strict CSP).
    return Markup(code.svg_inline(scale=4, omitsize=True, title=label, dark="#000"))


def quiz_link(quiz: Quiz) -> str:
    """The quiz's absolute address."""
    return url_for("quiz.detail", slug=quiz.slug, _external=True)


def join_link(classroom: Classroom) -> str:
    """The join page's absolute address with the class code filled in."""
    return url_for("enrolment.join", code=classroom.join_code, _external=True)
