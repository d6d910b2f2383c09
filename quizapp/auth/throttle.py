"""Throttling of guesses (passwords, join codes) that a stranger cannot turn against an owner.

Only failures count (a 400 answer), so a school's hundreds of students behind one address can
all log in. Logins are counted per (account, address), per address and per account across all
addresses; a browser the account has logged in from before (a signed cookie) is counted on its
own instead, so wrong passwords sent from elsewhere never lock the owner out of it.
"""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Callable
from typing import Any

from flask import current_app, g, request
from flask_login import current_user
from itsdangerous import BadSignature, URLSafeSerializer
from limits import parse
from werkzeug.wrappers import Response

from quizapp.auth.services import normalise_username

KNOWN_BROWSER_COOKIE = "known_browser"
KNOWN_ACCOUNTS = 10  # a shared school computer remembers the last ten accounts used on it
ONE_YEAR = 365 * 24 * 3600


def config_limit(name: str) -> Callable[[], str]:
    """A limit string read from the config at request time."""
    return lambda: current_app.config[name]


def too_many_codes(name: str) -> Callable[[], str]:
    """The 429 message of a join-code limit, saying how long to wait."""

    def message() -> str:
        minutes = max(1, round(parse(current_app.config[name]).get_expiry() / 60))
        return (
            f"Too many wrong join codes. Wait {minutes} minutes, then try the code your teacher "
            "gave you again."
        )

    return message


def failed(response: Response) -> bool:
    """Whether a guess failed (a form answered 400): only those count against a limit."""
    return response.status_code == 400


def wrong_join_code(response: Response) -> bool:
    """Whether this request sent a join code that no class has."""
    return bool(g.get("wrong_join_code"))


def client_address() -> str:
    """The client's address; an IPv6 client by its /64, which one subscriber usually holds."""
    address = request.remote_addr or "unknown"
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


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


def join_account_key() -> str:
    """Wrong join codes sent by one signed-in account."""
    # The id, not get_id(): that is the session token, which a new login changes. The check
    # runs before login_required, so an anonymous visitor (sent to log in) has a key too.
    return f"join-account:{getattr(current_user, 'id', 'anonymous')}"


def join_address_key() -> str:
    """Wrong join codes sent from one address."""
    return "join-address:" + client_address()
