"""Students take quizzes: attempts, autosave, server-side scoring and results."""

from flask import Blueprint

bp = Blueprint("quiz", __name__)

from quizapp.quiz import paging, views  # noqa: E402,F401  (routes register on import)
from quizapp.quiz.summary import extra_explanation  # noqa: E402
from quizapp.quiz.taking import nav_squares, placeholders  # noqa: E402

bp.add_app_template_filter(extra_explanation)
bp.add_app_template_global(nav_squares)
bp.add_app_template_global(placeholders)
