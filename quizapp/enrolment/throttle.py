"""Limits on join-code guesses, so a class's code cannot be found by trying (see auth.throttle)."""

from __future__ import annotations

from collections.abc import Callable

from flask import current_app, g
from flask_login import current_user
from limits import parse
from werkzeug.wrappers import Response

from quizapp.ratelimit import client_address


def too_many_codes(name: str) -> Callable[[], str]:
    """The 429 message of a join-code limit, saying how long to wait."""

    def message() -> str:
        minutes = max(1, round(parse(current_app.config[name]).get_expiry() / 60))
        return (
            f"Too many wrong join codes. Wait {minutes} minutes, then try the code your teacher "
            "gave you again."
        )

    return message


def wrong_join_code(response: Response) -> bool:
    """Whether this request sent a join code that no class has."""
    return bool(g.get("wrong_join_code"))


def join_account_key() -> str:
    """Wrong join codes sent by one signed-in account."""
    # The id, not get_id(): that is the session token, which a new login changes. The check
    # runs before login_required, so an anonymous visitor (sent to log in) has a key too.
    return f"join-account:{getattr(current_user, 'id', 'anonymous')}"


def join_address_key() -> str:
    """Wrong join codes sent from one address."""
    return "join-address:" + client_address()
