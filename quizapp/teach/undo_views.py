"""The Undo button of a flash message after a destructive action."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from quizapp.teach import bp
from quizapp.teach.undo import undo
from quizapp.transactions import set_rollback, transaction


def _back() -> str:
    """The teacher page the button was on (only our own /teach/ paths), else the dashboard."""
    target = request.form.get("next", "")
    if target.startswith("/teach/") and "//" not in target and "\\" not in target:
        return target
    return url_for("teach.dashboard")


@bp.post("/undo/<int:undo_id>")
def undo_action(undo_id: int) -> Response:
    """Put back what a reject, delete or removal took away, within the undo window."""
    with transaction():
        problem = undo(undo_id, current_user)
        if problem:
            set_rollback()
    if problem:
        flash(problem, "error")
    else:
        flash("Undone: everything is back as it was.", "success")
    return redirect(_back())
