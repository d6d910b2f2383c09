"""Students take quizzes: attempts, autosave, server-side scoring and results."""

from flask import Blueprint

bp = Blueprint("quiz", __name__)

from quizapp.quiz import paging, views  # noqa: E402,F401  (routes register on import)
