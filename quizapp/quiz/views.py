"""Quiz pages: details, starting, taking with autosave, submitting and results."""

from __future__ import annotations

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from werkzeug.wrappers import Response as WerkzeugResponse

from quizapp.extensions import db
from quizapp.ids import parse_id
from quizapp.models import Attempt, utcnow
from quizapp.quiz import bp
from quizapp.quiz.services import (
    QuizError,
    apply,
    check_open,
    final_grade,
    grade_answers,
    grade_one,
    load_attempt,
    load_own_attempt,
    lock_attempt,
    open_attempt,
    quiz_summaries,
    start_attempt,
    submit,
    take_items,
    visible_quiz,
    window_problem,
)
from quizapp.quiz.taking import count_blank, current_position
from quizapp.quiz.visibility import feedback_visible, hidden_among
from quizapp.sqlite import read_phase
from quizapp.states import Layout

ANSWER_PREFIX = "q"
MAX_ANSWERS = 500


@bp.get("/quizzes")
def quiz_list() -> str:
    """The quizzes open to the visitor, with attempts left and best scores."""
    return render_template("quiz/list.html", summaries=quiz_summaries(current_user))


@bp.get("/quizzes/<slug>")
def detail(slug: str) -> str:
    """A quiz's rules, the student's attempts and a start (or resume) button."""
    quiz = visible_quiz(slug, current_user) or abort(404)
    summary = next((s for s in quiz_summaries(current_user) if s.quiz.id == quiz.id), None)
    attempts, running = [], None
    if current_user.is_authenticated:
        attempts = list(
            db.session.scalars(
                select(Attempt)
                .where(Attempt.quiz_id == quiz.id, Attempt.user_id == current_user.id)
                .order_by(Attempt.number)
            )
        )
        running = open_attempt(quiz, current_user)
    return render_template(
        "quiz/detail.html",
        quiz=quiz,
        summary=summary,
        attempts=attempts,
        running=running,
        grade=final_grade(quiz, attempts),
        problem=window_problem(quiz, utcnow()),
    )


@bp.post("/quizzes/<slug>/start")
@login_required
def start(slug: str) -> WerkzeugResponse:
    """Start a new attempt, or resume the one still running."""
    quiz = visible_quiz(slug, current_user) or abort(404)
    try:
        attempt = start_attempt(quiz, current_user)
        db.session.commit()
    except QuizError as error:
        db.session.rollback()
        flash(error.message, "error")
        return redirect(url_for("quiz.detail", slug=slug))
    return redirect(url_for("quiz.take", attempt_id=attempt.id))


def _own_attempt(attempt_id: int, *, with_articles: bool = False) -> Attempt:
    """The current user's attempt, or 404 (another student's attempt does not exist for them)."""
    return load_attempt(attempt_id, current_user, with_articles=with_articles) or abort(404)


@bp.get("/attempts/<int:attempt_id>")
@login_required
def take(attempt_id: int) -> str | WerkzeugResponse:
    """The questions of a running attempt (one per page by default), with the saved answers."""
    attempt = load_own_attempt(attempt_id, current_user) or abort(404)
    if not attempt.is_running(utcnow()):
        return redirect(url_for("quiz.result", attempt_id=attempt.id))
    items = take_items(attempt)
    paged = attempt.quiz.layout == Layout.PAGED
    return render_template(
        "quiz/take.html",
        attempt=attempt,
        items=items,
        paged=paged,
        current=current_position(items, request.args.get("q")) if paged else None,
        answered=sum(1 for item in items if item.answered),
    )


def posted_answers() -> dict[int, str]:
    """Answers in a submitted form: fields named q<question id>."""
    answers = {}
    for key, value in request.form.items():
        number = parse_id(key[len(ANSWER_PREFIX) :]) if key.startswith(ANSWER_PREFIX) else None
        if number is not None:
            answers[number] = value
    if len(answers) > MAX_ANSWERS:
        raise QuizError("Too many answers in one form.", 413)
    return answers


@bp.post("/attempts/<int:attempt_id>/answer")
@login_required
def autosave(attempt_id: int) -> tuple[WerkzeugResponse, int]:
    """Save one answer as the student goes (called by quiz.js); answers JSON."""
    question, value = request.form.get("question", ""), request.form.get("answer", "")
    try:
        with read_phase():
            attempt = load_own_attempt(attempt_id, current_user) or abort(404)
            change = grade_one(attempt, question, value, utcnow())
        lock_attempt(attempt)
        check_open(attempt, utcnow())
        apply([change])
        db.session.commit()
    except QuizError as error:
        db.session.rollback()
        return jsonify(saved=False, error=error.message), error.status
    return jsonify(saved=True), 200


@bp.post("/attempts/<int:attempt_id>/submit")
@login_required
def submit_attempt(attempt_id: int) -> WerkzeugResponse:
    """Final submit: save the posted answers (if in time) and close the attempt once."""
    try:
        # Everything is read and checked first; only the writes hold the write lock.
        with read_phase():
            attempt = load_own_attempt(attempt_id, current_user) or abort(404)
            running = attempt.is_running(utcnow())
            changes = grade_answers(attempt, posted_answers(), utcnow()) if running else []
        lock_attempt(attempt)
        if attempt.is_running(utcnow()):
            apply(changes)
            # Blanks need a second, explicit "yes": the answers are saved, nothing is scored.
            if request.form.get("confirm") != "1" and count_blank(attempt.id):
                db.session.commit()
                return redirect(url_for("quiz.review", attempt_id=attempt_id, confirm=1))
        elif attempt.submitted_at is None:
            flash("Time was up: only the answers saved before the deadline count.", "warning")
    except QuizError as error:
        db.session.rollback()
        flash(error.message, "error")
        return redirect(url_for("quiz.take", attempt_id=attempt_id))
    if submit(attempt):
        db.session.commit()
        flash("Your answers are submitted.", "success")
    else:
        db.session.rollback()
        flash("This attempt was already submitted; nothing changed.", "info")
    return redirect(url_for("quiz.result", attempt_id=attempt_id))


@bp.get("/attempts/<int:attempt_id>/result")
@login_required
def result(attempt_id: int) -> str | WerkzeugResponse:
    """The score and, per question, the right answer with the passage it comes from."""
    attempt = _own_attempt(attempt_id, with_articles=True)
    if attempt.is_running(utcnow()):
        flash("Finish and submit the attempt to see your result.", "info")
        return redirect(url_for("quiz.take", attempt_id=attempt.id))
    score = attempt.score
    if attempt.submitted_at is None:
        # Time ran out and nothing was submitted: the saved answers are what counts.
        score = sum(1 for r in attempt.responses if r.is_correct)
    # Closed by its deadline (not yet written down, or closed at the deadline itself).
    timed_out = attempt.timed_out(attempt.submitted_at or utcnow())
    show_feedback = feedback_visible(attempt)
    # A question may also sit in a running exam or another quiz that still keeps its key.
    hidden = (
        hidden_among(current_user, (r.question_id for r in attempt.responses))
        if show_feedback
        else set()
    )
    return render_template(
        "quiz/result.html",
        attempt=attempt,
        score=score,
        expired=timed_out,
        show_feedback=show_feedback,
        hidden=hidden,
    )
