"""Register, log in and log out."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from urllib.parse import urlsplit

from flask import flash, g, redirect, render_template, request, session, url_for
from flask_limiter import RouteLimit
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy.exc import IntegrityError
from werkzeug.wrappers import Response

from quizapp.auth import bp, throttle
from quizapp.auth.account import remember_zone
from quizapp.auth.forms import LoginForm, LogoutForm, RegisterForm
from quizapp.auth.services import (
    create_user,
    find_user,
    user_by_session,
    verify_password,
)
from quizapp.enrolment import throttle as join_throttle
from quizapp.enrolment.services import classroom_by_code, enroll
from quizapp.extensions import limiter, login_manager
from quizapp.models import User
from quizapp.ratelimit import config_limit, failed
from quizapp.transactions import read_phase, request_reads_only, transaction, writes


@login_manager.user_loader
def load_user(token: str) -> User | None:
    """Find the user whose current session token is in the cookie."""
    if request_reads_only():
        # A GET's transaction takes no write lock: the page's own reads go on in it (one
        # BEGIN and COMMIT fewer on every page).
        return user_by_session(token)
    with read_phase():
        return user_by_session(token)


# Browsers drop tabs and newlines anywhere in a URL, trim leading and trailing controls and
# spaces, and read a backslash as "/" (WHATWG URL standard): judge a target as a browser reads it.
_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_TRIMMED = "".join(chr(c) for c in range(0x21))
MAX_NEXT = 2000


def _safe_next(target: str | None, home: str | None = None) -> str:
    """A same-site path to go to after login: the normalised `next`, else `home`."""
    home = home or url_for("main.index")
    if not target or len(target) > MAX_NEXT:
        return home
    seen = _URL_IGNORED.sub("", target).strip(_URL_TRIMMED).replace("\\", "/")
    # Controls, separators and spaces have no place in our own paths (and break headers).
    if any(unicodedata.category(char)[0] in "CZ" for char in seen):
        return home
    if not seen.startswith("/") or seen.startswith("//"):
        return home
    parts = urlsplit(seen)
    if parts.scheme or parts.netloc:
        return home
    return seen


def _start_session(user: User) -> None:
    """Begin a fresh session so nothing from before login carries over."""
    session.clear()
    login_user(user)


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(config_limit("REGISTER_LIMIT_PER_ADDRESS"), methods=["POST"])
# Its join-code field is another way to try codes: wrong ones count with the join page's.
@limiter.limit(
    config_limit("JOIN_LIMIT_PER_ADDRESS"),
    key_func=join_throttle.join_address_key,
    methods=["POST"],
    deduct_when=join_throttle.wrong_join_code,
    error_message=join_throttle.too_many_codes("JOIN_LIMIT_PER_ADDRESS"),
)
def register() -> Response | tuple[str, int]:
    """Let a student create an account, optionally joining a class."""
    form = RegisterForm()
    if form.validate_on_submit():
        classroom = None
        if form.join_code.data:
            with read_phase():  # see login(): the count of a wrong code needs the write lock
                classroom = classroom_by_code(form.join_code.data)
            if classroom is None:
                g.wrong_join_code = True
                form.join_code.errors.append(
                    "No class has this join code. Check it with your teacher."
                )
        if not form.errors:
            try:
                with transaction():
                    user = create_user(form.username.data, form.password.data)
                    remember_zone(user, request.form.get("tz"))
                    if classroom is not None:
                        enroll(user, classroom)
            except IntegrityError:
                form.username.errors.append("This username is taken. Choose another.")
            else:
                _start_session(user)
                flash(f"Welcome, {user.username}! Your account is ready.", "success")
                return redirect(url_for("main.index"))
    status = 400 if request.method == "POST" else 200
    return render_template("auth/register.html", form=form), status


def _login_limit(
    name: str, key_func: Callable[[], str], exempt_when: Callable[[], bool]
) -> RouteLimit:
    """A limit on failed logins (a 400 answer), checked before the password is."""
    return limiter.limit(
        config_limit(name),
        key_func=key_func,
        methods=["POST"],
        deduct_when=failed,
        exempt_when=exempt_when,
    )


@bp.route("/login", methods=["GET", "POST"])
@_login_limit("LOGIN_LIMIT_PER_ADDRESS", throttle.login_address_key, throttle.is_known_browser)
@_login_limit("LOGIN_LIMIT_PER_ACCOUNT", throttle.login_account_key, throttle.is_known_browser)
@_login_limit(
    "LOGIN_LIMIT_PER_ACCOUNT_ADDRESS",
    throttle.login_account_address_key,
    throttle.is_known_browser,
)
@_login_limit(
    "LOGIN_LIMIT_PER_ACCOUNT_ADDRESS", throttle.login_browser_key, throttle.is_unknown_browser
)
def login() -> Response | tuple[str, int]:
    """Log in with a username and password."""
    form = LoginForm()
    if form.validate_on_submit():
        # A read that ends here: on SQLite a POST's transaction holds the write lock, which the
        # throttle's count of this failure (after the response is built) must be able to take.
        with read_phase():
            user = find_user(form.username.data)
        if verify_password(user, form.password.data) and user is not None and user.active:
            if user.timezone is None:
                with transaction():
                    remember_zone(user, request.form.get("tz"))
            _start_session(user)
            flash(f"Logged in as {user.username}.", "success")
            # Teachers start where their work is; students on their quiz list.
            home = url_for("teach.dashboard") if user.is_teacher else None
            response = redirect(_safe_next(request.args.get("next"), home))
            throttle.remember_browser(response, user.username)
            return response
        form.password.errors.append("Wrong username or password.")
    status = 400 if request.method == "POST" else 200
    return render_template("auth/login.html", form=form), status


@bp.post("/logout")
@login_required
@writes
def logout() -> Response:
    """Log out, ending every session of this account for good."""
    if not LogoutForm().validate_on_submit():
        flash("Your session form expired; please try again.", "error")
        return redirect(url_for("main.index"))
    # A copied cookie stops working once the token it names is gone.
    current_user.end_sessions()
    logout_user()
    session.clear()
    flash("You are logged out.", "info")
    return redirect(url_for("main.index"))
