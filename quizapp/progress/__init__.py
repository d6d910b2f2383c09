"""Each student's progress: history, mastery per kind and article, most-missed questions."""

from flask import Blueprint

bp = Blueprint("progress", __name__, url_prefix="/progress")

from quizapp.progress import views  # noqa: E402,F401  (routes register on import)
