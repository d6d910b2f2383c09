"""Paged taking without and with JavaScript: save a page and move on, flag, review, confirm."""

from __future__ import annotations

from flask import flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response as WerkzeugResponse

from quizapp.ids import parse_id
from quizapp.models import utcnow
from quizapp.quiz import bp
from quizapp.quiz.attempts import load_own_attempt, lock_attempt
from quizapp.quiz.errors import QuizError
from quizapp.quiz.grading import apply, check_open, grade_answers
from quizapp.quiz.taking import REVIEW, flag_one, redirect_target, set_flags, take_items
from quizapp.quiz.views import posted_answers
from quizapp.transactions import read_phase, transaction


@bp.post("/attempts/<int:attempt_id>/save")
@login_required
def save_page(attempt_id: int) -> WerkzeugResponse:
    """Save a page's answers and review flags (never a score), then go where its button said."""
    try:
        with transaction():
            with read_phase():
                attempt = load_own_attempt(attempt_id, current_user)
                changes = grade_answers(attempt, posted_answers(), utcnow())
            lock_attempt(attempt)
            check_open(attempt, utcnow())
            apply(changes)
            set_flags(attempt.id, request.form.getlist("shown"), request.form.getlist("flag"))
    except QuizError as error:
        flash(error.message, "error")
        # 409: the attempt is over (time up or submitted); its result is what is left to see.
        endpoint = "quiz.result" if error.status == 409 else "quiz.take"
        return redirect(url_for(endpoint, attempt_id=attempt_id))
    target = redirect_target(request.form.get("go"), attempt.max_score)
    if target == REVIEW:
        return redirect(url_for("quiz.review", attempt_id=attempt_id))
    return redirect(url_for("quiz.take", attempt_id=attempt_id, q=target))


@bp.post("/attempts/<int:attempt_id>/flag")
@login_required
def flag(attempt_id: int) -> tuple[WerkzeugResponse, int]:
    """Flag or unflag one question for review (called by quiz.js); answers JSON."""
    question = parse_id(request.form.get("question", ""))
    try:
        with transaction():
            with read_phase():
                attempt = load_own_attempt(attempt_id, current_user)
            lock_attempt(attempt)
            check_open(attempt, utcnow())
            wanted = request.form.get("flagged") == "1"
            if question is None or not flag_one(attempt.id, question, wanted):
                raise QuizError("That question is not part of this attempt.")
    except QuizError as error:
        return jsonify(saved=False, error=error.message), error.status
    return jsonify(saved=True, flagged=wanted), 200


@bp.get("/attempts/<int:attempt_id>/review")
@login_required
def review(attempt_id: int) -> str | WerkzeugResponse:
    """Before the final submit: every question answered, blank or flagged, and the time left."""
    attempt = load_own_attempt(attempt_id, current_user)
    if not attempt.is_running(utcnow()):
        return redirect(url_for("quiz.result", attempt_id=attempt.id))
    items = take_items(attempt)
    blank_positions = [i for i, item in enumerate(items, 1) if not item.answered]
    blanks = len(blank_positions)
    return render_template(
        "quiz/review.html",
        attempt=attempt,
        items=items,
        blanks=blanks,
        first_blank=blank_positions[0] if blank_positions else None,
        flagged=sum(1 for item in items if item.flagged),
        confirm=blanks > 0 and request.args.get("confirm") == "1",
    )
