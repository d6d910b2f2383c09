"""Accounts: registration, login, logout and the create-user command."""

from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/auth")

from quizapp.auth import account, views  # noqa: E402,F401  (routes register on import)
