"""Register, log in and log out."""

from __future__ import annotations

import re
import secrets
import unicodedata
from urllib.parse import urlsplit

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from werkzeug.wrappers import Response

from quizapp.auth import bp
from quizapp.auth.forms import LoginForm, LogoutForm, RegisterForm
from quizapp.auth.services import (
    classroom_by_code,
    create_user,
    enroll,
    find_user,
    normalise_username,
    verify_password,
)
from quizapp.extensions import db, limiter, login_manager
from quizapp.models import User
from quizapp.sqlite import read_phase


@login_manager.user_loader
def load_user(token: str) -> User | None:
    """Find the user whose current session token is in the cookie."""
    with read_phase():
        return db.session.scalar(
            select(User).where(User.session_token == token, User.active.is_(True))
        )


# Browsers drop tabs and newlines anywhere in a URL, trim leading and trailing controls and
# spaces, and read a backslash as "/" (WHATWG URL standard): judge a target as a browser reads it.
_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_TRIMMED = "".join(chr(c) for c in range(0x21))
MAX_NEXT = 2000


def _safe_next(target: str | None) -> str:
    """A same-site path to go to after login: the normalised `next`, else the home page."""
    home = url_for("main.index")
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


def _username_key() -> str:
    """Throttle by the account being tried, so one student cannot lock out the whole school."""
    return "login-user:" + normalise_username(request.form.get("username", ""))[:40]


def _limit(name: str):
    """A limit string read from the config at request time."""
    return lambda: current_app.config[name]


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(_limit("REGISTER_LIMIT_PER_ADDRESS"), methods=["POST"])
def register() -> str | Response:
    """Let a student create an account, optionally joining a class."""
    form = RegisterForm()
    if form.validate_on_submit():
        classroom = None
        if form.join_code.data:
            classroom = classroom_by_code(form.join_code.data)
            if classroom is None:
                form.join_code.errors.append(
                    "No class has this join code. Check it with your teacher."
                )
        if not form.errors:
            try:
                user = create_user(form.username.data, form.password.data)
                if classroom is not None:
                    enroll(user, classroom)
                db.session.commit()
            except IntegrityError:
                db.session.rollback()
                form.username.errors.append("This username is taken. Choose another.")
            else:
                _start_session(user)
                flash(f"Welcome, {user.username}! Your account is ready.", "success")
                return redirect(url_for("main.index"))
    status = 400 if request.method == "POST" else 200
    return render_template("auth/register.html", form=form), status


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_limit("LOGIN_LIMIT_PER_ADDRESS"), methods=["POST"])
@limiter.limit(_limit("LOGIN_LIMIT_PER_USER"), key_func=_username_key, methods=["POST"])
def login() -> str | Response:
    """Log in with a username and password."""
    form = LoginForm()
    if form.validate_on_submit():
        user = find_user(form.username.data)
        if verify_password(user, form.password.data) and user is not None and user.active:
            _start_session(user)
            flash(f"Logged in as {user.username}.", "success")
            return redirect(_safe_next(request.args.get("next")))
        form.password.errors.append("Wrong username or password.")
    status = 400 if request.method == "POST" else 200
    return render_template("auth/login.html", form=form), status


@bp.post("/logout")
@login_required
def logout() -> Response:
    """Log out, ending every session of this account for good."""
    if not LogoutForm().validate_on_submit():
        flash("Your session form expired; please try again.", "error")
        return redirect(url_for("main.index"))
    # A copied cookie stops working once the token it names is gone.
    current_user.session_token = secrets.token_urlsafe(32)
    db.session.commit()
    logout_user()
    session.clear()
    flash("You are logged out.", "info")
    return redirect(url_for("main.index"))
