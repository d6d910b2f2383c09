"""Students take quizzes: attempts, autosave, server-side scoring and results."""

from flask import Blueprint

# cli_group=None: `flask close-expired`, not `flask quiz close-expired`.
bp = Blueprint("quiz", __name__, cli_group=None)

from quizapp.quiz import cli, paging, views  # noqa: E402,F401  (routes register on import)
from quizapp.quiz.summary import extra_explanation  # noqa: E402

bp.cli.add_command(cli.close_expired_command)
bp.add_app_template_filter(extra_explanation)
