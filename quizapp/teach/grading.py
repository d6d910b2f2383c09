"""Grading corrections outside the question form: accept a typed answer, mark one response."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response as HTTPResponse

from quizapp.auth.guards import owned_quiz
from quizapp.ids import parse_id
from quizapp.quiz.marks import mark
from quizapp.reports.services import attempt_detail
from quizapp.states import Format
from quizapp.teach import bp
from quizapp.teach.manual_marks import OverrideError, override, owned_response, parse_mark
from quizapp.teach.questions import attempts
from quizapp.teach.regrade import current_key, regrade
from quizapp.teach.services import editable_question
from quizapp.transactions import transaction, writes

MAX_ALIAS = 500


@bp.post("/questions/<int:question_id>/accept")
@writes
def question_accept(question_id: int) -> HTTPResponse:
    """Accept a typed answer as right: add it to the accepted answers and regrade at once."""
    question = editable_question(question_id, current_user)
    alias = " ".join((request.form.get("answer") or "").split())
    quiz_id = parse_id(request.form.get("quiz", ""))
    back = (
        url_for("reports.quiz_items", quiz_id=owned_quiz(quiz_id, current_user).id)
        + f"#item-{question.id}"
        if quiz_id
        else url_for("teach.question_edit", question_id=question.id)
    )
    if not alias or len(alias) > MAX_ALIAS:
        flash(f"Give the answer to accept (1 to {MAX_ALIAS} characters).", "error")
        return redirect(back)
    if question.format == Format.NUMERIC:
        flash("A number question is marked by its tolerance: change that on the question.", "error")
        return redirect(back)
    old = current_key(question)
    new = old.with_alias(alias)
    if new == old:
        flash(f"“{alias}” is accepted already.", "info")
        return redirect(back)
    question.accepted = list(new.accepted)
    entry = regrade(question, old, new, current_user)
    flash(
        f"“{alias}” is now accepted: {attempts(entry.attempts_changed)} regraded, "
        f"score total {mark(entry.old_total) or '0'} → {mark(entry.new_total) or '0'}.",
        "success",
    )
    return redirect(back)


@bp.post("/responses/<int:response_id>/mark")
def response_mark(response_id: int) -> HTTPResponse | tuple[str, int]:
    """Give one response a manual mark with a note (or clear it); the attempt is rescored."""
    response = owned_response(response_id, current_user)
    attempt_id = response.attempt_id
    note = (request.form.get("note") or "")[:500]
    try:
        with transaction():
            override(response, parse_mark(request.form.get("mark")), note, current_user)
    except OverrideError as error:  # rolled back already
        attempt = attempt_detail(attempt_id, current_user)
        page = render_template(
            "reports/attempt.html",
            attempt=attempt,
            errors={response_id: str(error)},
            sent={response_id: request.form},
        )
        return page, 400
    flash("Mark saved; the attempt's score is updated.", "success")
    return redirect(url_for("reports.attempt", attempt_id=attempt_id) + f"#response-{response_id}")
