"""Practice pages: one question at a time, feedback after each answer."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from quizapp.models import utcnow
from quizapp.practice import bp
from quizapp.practice.services import (
    next_question,
    practice_state,
    practisable_question,
    review,
    shuffled_choices,
)
from quizapp.progress.services import practice_outlook
from quizapp.quiz.visibility import key_hidden
from quizapp.transactions import writes


@bp.get("/")
@login_required
def session() -> str:
    """Serve the next due (or new) question, or say when the next review is due."""
    now = utcnow()
    hidden = key_hidden(current_user, now)
    question = next_question(current_user.id, hidden, now)
    outlook = practice_outlook(current_user.id, now, hidden)
    choices = shuffled_choices(question, current_user.id) if question else []
    return render_template(
        "practice/question.html", question=question, choices=choices, outlook=outlook
    )


@bp.post("/<int:question_id>")
@login_required
@writes
def answer(question_id: int) -> Response:
    """Check a practice answer, update the memory state and show feedback."""
    hidden = key_hidden(current_user, utcnow())
    question = practisable_question(question_id, hidden)
    raw = request.form.get("choice", "")
    choice = next((c for c in question.choices if str(c.id) == raw), None)
    if choice is None:
        flash("Choose one of the options before checking.", "error")
        return redirect(url_for("practice.session"))
    review(current_user.id, question, choice, utcnow())
    return redirect(url_for("practice.feedback", question_id=question.id))


@bp.get("/<int:question_id>/feedback")
@login_required
def feedback(question_id: int) -> str:
    """The right answer, the passage and when this fact comes back (unless a quiz keeps it)."""
    hidden = key_hidden(current_user, utcnow())
    state = practice_state(current_user.id, question_id, hidden)
    return render_template("practice/feedback.html", state=state, question=state.question)
