"""Request guards shared by blueprints."""

from __future__ import annotations

from flask import abort
from flask_login import current_user
from werkzeug.wrappers import Response

from quizapp.extensions import login_manager


def teachers_only() -> Response | None:
    """A before-request hook: anonymous visitors log in first, students are refused (403)."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not current_user.is_teacher:
        abort(403)
    return None
