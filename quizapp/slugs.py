"""Quiz addresses: a slug made from a title, kept unique by the database, not by a look-up."""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Iterable

from quizapp.extensions import db
from quizapp.models import Quiz
from quizapp.transactions import inserted

RETRIES = 20


def slugify(value: str, max_length: int = 80) -> str:
    """Make a URL-safe slug from a title."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "quiz"


def add_quiz(quiz: Quiz, first: Iterable[str] = ()) -> Quiz:
    """Store a new quiz under the first free slug: `first`, else its title's, then numbered.

    Each try is an insert in a savepoint: the unique index settles races between two
    teachers saving quizzes of the same title, which a look-up first could not.
    """
    base = slugify(quiz.title)
    numbered = [base] + [f"{base}-{n}" for n in range(2, RETRIES + 1)]
    for slug in dict.fromkeys([*first, *numbered]):
        quiz.slug = slug
        if inserted(quiz):
            return quiz
    quiz.slug = f"{base}-{secrets.token_hex(4)}"
    db.session.add(quiz)
    db.session.flush()
    return quiz
