"""Admins manage teacher accounts: create, disable and enable."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from werkzeug.wrappers import Response

from quizapp.auth.guards import sees_all
from quizapp.auth.services import create_user
from quizapp.states import Role
from quizapp.teach import bp
from quizapp.teach.forms import ActionForm, TeacherForm
from quizapp.teach.listings import account, staff_accounts
from quizapp.transactions import transaction, writes


def _admins_only() -> None:
    """Teachers may not manage accounts."""
    if not sees_all(current_user):
        abort(403)


@bp.route("/admin/teachers", methods=["GET", "POST"])
def teachers() -> str | Response | tuple[str, int]:
    """Teacher and admin accounts, and a form to create a teacher."""
    _admins_only()
    form = TeacherForm()
    if form.validate_on_submit():
        try:
            with transaction():
                user = create_user(form.username.data, form.password.data, role=Role.TEACHER)
        except IntegrityError:
            form.username.errors.append("This username is taken. Choose another.")
        else:
            flash(f"Teacher account {user.username} created.", "success")
            return redirect(url_for("teach.teachers"))
    accounts = staff_accounts()
    status = 400 if request.method == "POST" else 200
    return render_template(
        "teach/teachers.html", form=form, accounts=accounts, action=ActionForm()
    ), status


@bp.post("/admin/users/<int:user_id>/active")
@writes
def set_active(user_id: int) -> Response:
    """Disable or enable an account; disabling ends its sessions at once."""
    _admins_only()
    user = account(user_id)
    if user.id == current_user.id:
        flash("You cannot disable your own account.", "error")
        return redirect(url_for("teach.teachers"))
    user.active = request.form.get("active") == "1"
    if not user.active:
        # The login cookie names the token: a new one ends every open session.
        user.end_sessions()
    state = "enabled" if user.active else "disabled; their sessions have ended"
    flash(f"Account {user.username} {state}.", "success")
    return redirect(url_for("teach.teachers"))
