"""The data model of the whole product, one module a feature; invariants live in the database.

Every model is imported here so the mappers and Alembic's metadata see all tables at once.
"""

from quizapp.models.bank import Article, Choice, Question
from quizapp.models.base import KIND_LABELS, KINDS, Model, UTCDateTime, new_session_token, utcnow
from quizapp.models.people import Assignment, Classroom, Enrollment, Invitation, User
from quizapp.models.quizzes import (
    Attempt,
    GradeChange,
    Quiz,
    QuizOverride,
    QuizQuestion,
    Response,
)
from quizapp.models.state import MemoryState, RateLimit, UndoAction

__all__ = [
    "KINDS",
    "KIND_LABELS",
    "Article",
    "Assignment",
    "Attempt",
    "Choice",
    "Classroom",
    "Enrollment",
    "GradeChange",
    "Invitation",
    "MemoryState",
    "Model",
    "Question",
    "Quiz",
    "QuizOverride",
    "QuizQuestion",
    "RateLimit",
    "Response",
    "UTCDateTime",
    "UndoAction",
    "User",
    "new_session_token",
    "utcnow",
]
