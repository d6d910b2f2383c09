"""Students join a teacher's class with its code."""

from flask import Blueprint

bp = Blueprint("classes", __name__, url_prefix="/classes")

from quizapp.classes import views  # noqa: E402,F401  (routes register on import)
