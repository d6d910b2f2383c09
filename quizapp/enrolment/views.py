"""Join a class with a code."""

from __future__ import annotations

from collections.abc import Callable

from flask import flash, redirect, render_template, request, url_for
from flask_limiter import RouteLimit
from flask_login import current_user, login_required
from sqlalchemy.exc import IntegrityError
from werkzeug.wrappers import Response

from quizapp import ratelimit
from quizapp.enrolment import bp, throttle
from quizapp.enrolment.forms import JoinForm
from quizapp.enrolment.services import classroom_by_code, enroll
from quizapp.extensions import limiter
from quizapp.transactions import read_phase, transaction


def _join_limit(name: str, key_func: Callable[[], str]) -> RouteLimit:
    """A limit on wrong join codes (a 400 answer), so codes cannot be found by trying."""
    return limiter.limit(
        ratelimit.config_limit(name),
        key_func=key_func,
        methods=["POST"],
        deduct_when=ratelimit.failed,
        error_message=throttle.too_many_codes(name),
    )


@bp.route("/join", methods=["GET", "POST"])
@login_required
@_join_limit("JOIN_LIMIT_PER_ADDRESS", throttle.join_address_key)
@_join_limit("JOIN_LIMIT_PER_ACCOUNT", throttle.join_account_key)
def join() -> str | Response | tuple[str, int]:
    """Enter a join code to become a member of a class."""
    # The teacher's join link carries the code: the student only confirms.
    form = (
        JoinForm() if request.method == "POST" else JoinForm(code=request.args.get("code", "")[:12])
    )
    if form.validate_on_submit():
        # The lookup ends its read: the count of a wrong code (after the response) needs the
        # write lock that a POST's transaction would hold on SQLite.
        with read_phase():
            classroom = classroom_by_code(form.code.data)
        if classroom is None:
            form.code.errors.append("No class has this join code. Check it with your teacher.")
        else:
            try:
                with transaction():
                    enroll(current_user, classroom)
            except IntegrityError:
                # The enrollment's primary key says it all: no check-then-insert race.
                flash(f"You are already in this class ({classroom.name}).", "info")
            else:
                flash(f"You joined {classroom.name}. Its quizzes are on your list.", "success")
            return redirect(url_for("quiz.quiz_list"))
    status = 400 if request.method == "POST" else 200
    return render_template("enrolment/join.html", form=form), status
