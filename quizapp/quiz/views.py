"""Quiz pages: details, starting, taking with autosave, submitting and results."""

from __future__ import annotations

from flask import flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response as WerkzeugResponse

from quizapp.ids import parse_id
from quizapp.models import Attempt, utcnow
from quizapp.quiz import bp
from quizapp.quiz.accommodations import limits
from quizapp.quiz.attempts import (
    attempts_at,
    load_attempt,
    load_own_attempt,
    lock_attempt,
    open_attempt,
    start_attempt,
    submit,
    window_problem,
)
from quizapp.quiz.catalogue import quiz_summaries, quiz_summary, visible_quiz
from quizapp.quiz.errors import QuizError
from quizapp.quiz.grading import apply, check_open, final_grade, grade_answers, grade_one
from quizapp.quiz.instant import feedback_for
from quizapp.quiz.resume import running_attempts
from quizapp.quiz.summary import encouragement, summarise
from quizapp.quiz.taking import (
    add_choices,
    count_blank,
    current_position,
    on_page,
    page_of,
    page_size,
    take_items,
)
from quizapp.quiz.visibility import feedback_visible, hidden_among
from quizapp.transactions import read_phase, set_rollback, transaction

ANSWER_PREFIX = "q"
MAX_ANSWERS = 500


@bp.get("/quizzes")
def quiz_list() -> str:
    """The quizzes open to the visitor, with attempts left and best scores."""
    summaries = quiz_summaries(current_user)
    return render_template(
        "quiz/list.html", summaries=summaries, running=running_attempts(current_user)
    )


@bp.get("/quizzes/<slug>")
def detail(slug: str) -> str:
    """A quiz's rules, the student's attempts and a start (or resume) button."""
    quiz = visible_quiz(slug, current_user)
    summary = quiz_summary(quiz, current_user)
    attempts, running = [], None
    if current_user.is_authenticated:
        attempts = attempts_at(quiz, current_user)
        running = open_attempt(quiz, current_user)
    return render_template(
        "quiz/detail.html",
        quiz=quiz,
        summary=summary,
        # The student's own limits (an unpublished preview has no summary: the quiz's own).
        limits=summary.limits if summary else limits(quiz, None),
        attempts=attempts,
        running=running,
        grade=final_grade(quiz, attempts),
        problem=window_problem(quiz, utcnow()),
    )


@bp.post("/quizzes/<slug>/start")
@login_required
def start(slug: str) -> WerkzeugResponse:
    """Start a new attempt, or resume the one still running."""
    quiz = visible_quiz(slug, current_user)
    try:
        with transaction():
            attempt = start_attempt(quiz, current_user)
    except QuizError as error:
        flash(error.message, "error")
        return redirect(url_for("quiz.detail", slug=slug))
    return redirect(url_for("quiz.take", attempt_id=attempt.id))


@bp.get("/attempts/<int:attempt_id>")
@login_required
def take(attempt_id: int) -> str | WerkzeugResponse:
    """The questions of a running attempt (one per page by default), with the saved answers."""
    attempt = load_own_attempt(attempt_id, current_user)
    if not attempt.is_running(utcnow()):
        return redirect(url_for("quiz.result", attempt_id=attempt.id))
    items = take_items(attempt, with_choices=False)
    per_page = page_size(attempt.quiz, len(items))
    current = current_position(items, request.args.get("q"))
    add_choices(on_page(items, page_of(current, per_page), per_page))
    feedback, tally = feedback_for(attempt, current_user)
    return render_template(
        "quiz/take.html",
        attempt=attempt,
        items=items,
        paged=per_page < len(items),
        per_page=per_page,
        current=current,
        answered=sum(1 for item in items if item.answered),
        feedback=feedback,
        tally=tally,
    )


@bp.get("/attempts/<int:attempt_id>/page/<int:page>")
@login_required
def page_fragment(attempt_id: int, page: int) -> str | tuple[str, int]:
    """One page of a paged attempt as an HTML fragment: quiz.js fetches it on moving there."""
    attempt = load_own_attempt(attempt_id, current_user)
    if not attempt.is_running(utcnow()):
        return "", 409  # quiz.js reloads: the server says where to go
    items = take_items(attempt, with_choices=False)
    per_page = page_size(attempt.quiz, len(items))
    if not 1 <= page <= page_of(len(items), per_page):
        return "", 404
    add_choices(on_page(items, page, per_page))
    feedback, _ = feedback_for(attempt, current_user)
    return render_template(
        "quiz/_page.html",
        attempt=attempt,
        items=items,
        per_page=per_page,
        page=page,
        feedback=feedback,
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
        with transaction():
            with read_phase():
                attempt = load_own_attempt(attempt_id, current_user)
                change = grade_one(attempt, question, value, utcnow())
            lock_attempt(attempt)
            check_open(attempt, utcnow())
            apply([change])
    except QuizError as error:
        return jsonify(saved=False, error=error.message), error.status
    if not attempt.quiz.instant:
        return jsonify(saved=True), 200
    return jsonify(saved=True, **instant_reply(attempt, change[0].question_id)), 200


def instant_reply(attempt: Attempt, question_id: int) -> dict[str, object]:
    """An instant-feedback quiz's answer to a save: the feedback block and the running tally."""
    feedback, tally = feedback_for(attempt, current_user, [question_id])
    item = feedback.get(question_id)
    html = render_template("quiz/_feedback.html", fb=item, tally=tally) if item else ""
    key = item.answer if item and not item.hidden else None
    return {"feedback": html, "right": tally.right, "streak": tally.streak, "key": key}


@bp.post("/attempts/<int:attempt_id>/submit")
@login_required
def submit_attempt(attempt_id: int) -> WerkzeugResponse:
    """Final submit: save the posted answers (if in time) and close the attempt once."""
    try:
        with transaction():
            # Everything is read and checked first; only the writes hold the write lock.
            with read_phase():
                attempt = load_own_attempt(attempt_id, current_user)
                running = attempt.is_running(utcnow())
                changes = grade_answers(attempt, posted_answers(), utcnow()) if running else []
            lock_attempt(attempt)
            if attempt.is_running(utcnow()):
                apply(changes)
                # Blanks need a second, explicit "yes": the answers are saved, nothing scored.
                if request.form.get("confirm") != "1" and count_blank(attempt.id):
                    return redirect(url_for("quiz.review", attempt_id=attempt_id, confirm=1))
            elif attempt.submitted_at is None:
                flash("Time was up: only the answers saved before the deadline count.", "warning")
            if submit(attempt):
                flash("Your answers are submitted.", "success")
            else:
                set_rollback()
                flash("This attempt was already submitted; nothing changed.", "info")
    except QuizError as error:
        flash(error.message, "error")
        return redirect(url_for("quiz.take", attempt_id=attempt_id))
    return redirect(url_for("quiz.result", attempt_id=attempt_id))


@bp.get("/attempts/<int:attempt_id>/result")
@login_required
def result(attempt_id: int) -> str | WerkzeugResponse:
    """The score and, per question, the right answer with the passage it comes from."""
    attempt = load_attempt(attempt_id, current_user, with_articles=True)
    if attempt.is_running(utcnow()):
        flash("Finish and submit the attempt to see your result.", "info")
        return redirect(url_for("quiz.take", attempt_id=attempt.id))
    score = attempt.score
    if attempt.submitted_at is None:
        # Time ran out and nothing was submitted: the saved answers are what counts.
        score = sum(r.earned for r in attempt.responses)
    # Closed by its deadline (not yet written down, or closed at the deadline itself).
    timed_out = attempt.timed_out(attempt.submitted_at or utcnow())
    show_feedback = feedback_visible(attempt)
    # A question may also sit in a running exam or another quiz that still keeps its key.
    hidden = (
        hidden_among(current_user, (r.question_id for r in attempt.responses))
        if show_feedback
        else set()
    )
    summary = summarise(attempt, score, with_feedback=show_feedback)
    # "Wrong" is anything short of a full mark, as the teacher's manual marks set it.
    wrong = [r for r in attempt.responses if r.earned < 1 and r.question_id not in hidden]
    only_wrong = show_feedback and request.args.get("only") == "wrong"
    return render_template(
        "quiz/result.html",
        attempt=attempt,
        score=score,
        expired=timed_out,
        show_feedback=show_feedback,
        hidden=hidden,
        summary=summary,
        encouragement=encouragement(summary.percent),
        wrong_count=len(wrong),
        responses=wrong if only_wrong else attempt.responses,
        only_wrong=only_wrong,
    )
