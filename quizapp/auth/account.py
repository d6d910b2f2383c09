"""A user's own settings (name, time zone) and the invitation page of imported students."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user
from werkzeug.wrappers import Response

from quizapp.auth import bp
from quizapp.auth.forms import AccountForm, InviteForm
from quizapp.auth.invitations import open_invitation
from quizapp.auth.services import hash_password, weak_password_message
from quizapp.models import utcnow
from quizapp.transactions import transaction
from quizapp.zones import valid_zone, zone_names


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account() -> str | Response | tuple[str, int]:
    """Edit one's own first and last name and time zone."""
    form = AccountForm(obj=current_user if request.method == "GET" else None)
    form.timezone.choices = [(name, name.replace("_", " ")) for name in zone_names()]
    if request.method == "GET":
        form.timezone.data = current_user.timezone or "UTC"
    if form.validate_on_submit():
        with transaction():
            current_user.first_name = (form.first_name.data or "").strip() or None
            current_user.last_name = (form.last_name.data or "").strip() or None
            current_user.timezone = form.timezone.data
        flash("Your settings are saved.", "success")
        return redirect(url_for("auth.account"))
    status = 400 if request.method == "POST" else 200
    return render_template("auth/account.html", form=form), status


def remember_zone(user, name: str | None) -> None:
    """Take the browser's zone as the user's on first login (never overwriting a choice)."""
    if user.timezone is None and valid_zone(name):
        user.timezone = name


@bp.route("/invite", methods=["GET", "POST"])
def invite() -> str | Response | tuple[str, int]:
    """An invited student sets their password with the one-time code, then is logged in."""
    form = InviteForm(data={"code": request.args.get("code", "")[:40]})
    if form.validate_on_submit():
        invitation = open_invitation(form.code.data)
        if invitation is None:
            form.code.errors.append(
                "This code is not valid: it may be mistyped, used or expired. Ask your teacher "
                "for a new one."
            )
        else:
            user = invitation.user
            weak = weak_password_message(form.password.data, role=user.role, username=user.username)
            if weak:
                form.password.errors.append(weak)
            else:
                with transaction():
                    user.password_hash = hash_password(form.password.data)
                    invitation.used_at = utcnow()
                    remember_zone(user, request.form.get("tz"))
                session.clear()
                login_user(user)
                flash(f"Welcome, {user.display_name}! Your username is {user.username}.", "success")
                return redirect(url_for("main.index"))
    status = 400 if request.method == "POST" else 200
    return render_template("auth/invite.html", form=form), status
