"""The named states of the data model: each a StrEnum, so a member is also its stored string.

The models' CHECK constraints, the forms' choices and the queries all take their values from
here; a value written as a bare string elsewhere is a value these enums no longer vouch for.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Role(StrEnum):
    """What an account may do."""

    STUDENT = "student"
    TEACHER = "teacher"
    ADMIN = "admin"


class Status(StrEnum):
    """Where a question stands: only published ones reach students and draws."""

    DRAFT = "draft"
    PUBLISHED = "published"
    RETIRED = "retired"


class Format(StrEnum):
    """How a question is answered: by choosing an option, typing text, or typing a number."""

    CHOICE = "choice"
    TEXT = "text"
    NUMERIC = "numeric"


class Grading(StrEnum):
    """Which attempt's score is a student's grade for a quiz."""

    HIGHEST = "highest"
    LAST = "last"
    AVERAGE = "average"


class GradeAction(StrEnum):
    """What a grading-history entry records: a corrected key, or one response's manual mark."""

    REGRADE = "regrade"
    OVERRIDE = "override"


class Feedback(StrEnum):
    """When a quiz shows the right answers."""

    IMMEDIATE = "immediate"
    AFTER_CLOSE = "after_close"


class Layout(StrEnum):
    """How the take page shows the questions: one per page or N per page (with a navigator), or
    all at once."""

    PAGED = "paged"
    MULTI = "multi"
    SINGLE = "single"


def sql_in(column: str, values: Iterable[str]) -> str:
    """A CHECK constraint's text: the column holds one of these values (an enum's, in order)."""
    return f"{column} IN ({', '.join(repr(str(value)) for value in values)})"
