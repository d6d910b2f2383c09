"""Throttling of guesses (passwords, join codes) that a stranger cannot turn against an owner.

Only failures count (a 400 answer), so a school's hundreds of students behind one address can
all log in. Logins are counted per (account, address), per address and per account across all
addresses; a browser the account has logged in from before (a signed cookie) is counted on its
own instead, so wrong passwords sent from elsewhere never lock the owner out of it.
"""

from __future__ import annotations

import secrets
from typing import Any

from flask import current_app, g, request
from itsdangerous import BadSignature, URLSafeSerializer
from werkzeug.wrappers import Response

from quizapp.auth.services import normalise_username
from quizapp.ratelimit import client_address

KNOWN_BROWSER_COOKIE = "known_browser"
KNOWN_ACCOUNTS = 10  # a shared school computer remembers the last ten accounts used on it
ONE_YEAR = 365 * 24 * 3600


def tried_account() -> str:
    """The account a login names, folded as usernames are (case variants are one account)."""
    return normalise_username(request.form.get("username", ""))[:40]


def login_address_key() -> str:
    """Failed logins from one address, whatever the account."""
    return "login-address:" + client_address()


def login_account_key() -> str:
    """Failed logins for one account, from every address."""
    return "login-account:" + tried_account()


def login_account_address_key() -> str:
    """Failed logins for one account from one address."""
    return f"login-account-address:{tried_account()}:{client_address()}"


def login_browser_key() -> str:
    """Failed logins for one account from one browser it has logged in from before."""
    return f"login-browser:{tried_account()}:{_known_browser().get('b', '')}"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=KNOWN_BROWSER_COOKIE)


def _known_browser() -> dict[str, Any]:
    """The signed cookie's content: a browser id and the accounts logged in from it."""
    if "known_browser" not in g:
        try:
            data = _serializer().loads(request.cookies.get(KNOWN_BROWSER_COOKIE, ""))
        except BadSignature:
            data = {}
        g.known_browser = data if isinstance(data, dict) else {}
    return g.known_browser


def is_known_browser() -> bool:
    """Whether the account being tried has logged in from this browser before."""
    accounts = _known_browser().get("a")
    return isinstance(accounts, list) and tried_account() in accounts


def is_unknown_browser() -> bool:
    """The opposite of is_known_browser (Flask-Limiter wants a function)."""
    return not is_known_browser()


def remember_browser(response: Response, username: str) -> None:
    """After a successful login, mark this browser as known to the account."""
    known = _known_browser()
    browser = known.get("b") if isinstance(known.get("b"), str) else secrets.token_urlsafe(12)
    accounts = [a for a in known.get("a") or [] if isinstance(a, str) and a != username]
    value = _serializer().dumps({"b": browser, "a": [username, *accounts][:KNOWN_ACCOUNTS]})
    response.set_cookie(
        KNOWN_BROWSER_COOKIE,
        value,
        max_age=ONE_YEAR,
        httponly=True,
        samesite="Lax",
        secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")),
        path=current_app.config.get("APPLICATION_ROOT") or "/",
    )
