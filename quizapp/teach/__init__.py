"""The teacher side: dashboard, article import and review, questions, quizzes, classes."""

from flask import Blueprint

from quizapp.auth.guards import teachers_only

bp = Blueprint("teach", __name__, url_prefix="/teach")
bp.before_request(teachers_only)


from quizapp.teach import (  # noqa: E402,F401  (routes register on import)
    admin,
    articles,
    classrooms,
    dashboard,
    grading,
    overrides,
    questions,
    quizzes,
    roster_views,
    undo_views,
)
