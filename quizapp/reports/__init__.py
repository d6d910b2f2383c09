"""Teacher reports: gradebooks, item statistics, score exports and bank interchange pages."""

from flask import Blueprint

from quizapp.auth.guards import teachers_only

# The blueprint's commands live under `flask scores …`.
bp = Blueprint("reports", __name__, url_prefix="/teach/reports", cli_group="scores")
bp.before_request(teachers_only)

from quizapp.reports import cli, views  # noqa: E402,F401  (routes and commands register on import)
