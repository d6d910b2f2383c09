"""Accounts: registration, login, logout and the create-user command."""

from flask import Blueprint

# cli_group=None: `flask create-user`, not `flask auth create-user`.
bp = Blueprint("auth", __name__, url_prefix="/auth", cli_group=None)

from quizapp.auth import account, cli, views  # noqa: E402,F401  (routes and commands register on import)
