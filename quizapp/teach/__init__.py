"""The teacher side: dashboard, article import and review, questions, quizzes, classes."""

from flask import Blueprint, abort
from flask_login import current_user

from quizapp.extensions import login_manager

bp = Blueprint("teach", __name__, url_prefix="/teach")


@bp.before_request
def _teachers_only():  # type: ignore[no-untyped-def]
    """Every teaching page: anonymous visitors log in first, students are refused."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not current_user.is_teacher:
        abort(403)
    return None


from quizapp.teach import (  # noqa: E402,F401  (routes register on import)
    admin,
    articles,
    classes,
    dashboard,
    questions,
    quizzes,
)
