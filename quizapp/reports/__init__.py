"""Teacher reports: gradebooks, item statistics, score exports and bank interchange pages."""

from flask import Blueprint

from quizapp.auth.guards import teachers_only

bp = Blueprint("reports", __name__, url_prefix="/teach/reports")
bp.before_request(teachers_only)

from quizapp.reports import views  # noqa: E402,F401  (routes register on import)
