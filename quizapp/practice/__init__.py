"""Spaced practice: due questions first, then new ones, scheduled with FSRS."""

from flask import Blueprint

bp = Blueprint("practice", __name__, url_prefix="/practice")

from quizapp.practice import views  # noqa: E402,F401  (routes register on import)
