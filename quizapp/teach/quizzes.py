"""Build quizzes: a chosen list or a random draw, with rules, dates and class assignments."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from quizapp.auth.guards import my_classrooms, owned_quiz, owned_quizzes
from quizapp.kinds import KIND_FILTERS
from quizapp.models import Question, Quiz
from quizapp.quiz.attempts import cap_running_attempts
from quizapp.slugs import add_quiz
from quizapp.states import Layout
from quizapp.teach import bp
from quizapp.teach.forms import QuizForm, options
from quizapp.teach.listings import article_options, quiz_pool
from quizapp.teach.services import (
    as_local,
    as_utc,
    assigned_class_ids,
    set_assignments,
    set_items,
)
from quizapp.transactions import transaction


def _form(quiz: Quiz | None, pool: list[Question]) -> QuizForm:
    """The quiz form with its dynamic choices (questions, articles, my classes)."""
    form = QuizForm() if request.method == "POST" else QuizForm(data=_initial(quiz))
    form.questions.choices = options((q.id, q.prompt) for q in pool)
    form.draw_article_ids.choices = options(article_options())
    form.classes.choices = options((c.id, c.name) for c in my_classrooms(current_user))
    return form


def _initial(quiz: Quiz | None) -> dict:
    """A quiz's values as form data."""
    if quiz is None:
        # Instant feedback suits practice, the usual new quiz; a teacher turns it off for an exam.
        return {
            "shuffle": True,
            "tolerance": 0,
            "mode": "fixed",
            "layout": Layout.PAGED,
            "per_page": 5,
            "instant": True,
        }
    return {
        "title": quiz.title,
        "description": quiz.description,
        "mode": "draw" if quiz.draw_count else "fixed",
        "questions": [item.question_id for item in quiz.items],
        "draw_count": quiz.draw_count,
        "draw_kinds": list(quiz.draw_kinds or []),
        "draw_article_ids": list(quiz.draw_article_ids or []),
        "shuffle": quiz.shuffle,
        "typed_answers": quiz.typed_answers,
        "tolerance": quiz.tolerance,
        "time_limit": quiz.time_limit_s // 60 if quiz.time_limit_s else None,
        "max_attempts": quiz.max_attempts,
        "grading": quiz.grading,
        "feedback": quiz.feedback,
        "layout": quiz.layout,
        "per_page": quiz.per_page,
        "instant": quiz.instant,
        "opens_at": as_local(quiz.opens_at),
        "closes_at": as_local(quiz.closes_at),
        "published": quiz.published,
        "public": quiz.public,
        "classes": assigned_class_ids(quiz),
    }


def _apply(quiz: Quiz, form: QuizForm) -> None:
    """Copy the rules from the form into the quiz."""
    draw = form.mode.data == "draw"
    quiz.title = form.title.data.strip()
    quiz.description = (form.description.data or "").strip()
    quiz.draw_count = form.draw_count.data if draw else None
    quiz.draw_kinds = list(form.draw_kinds.data or []) if draw else []
    quiz.draw_article_ids = list(form.draw_article_ids.data or []) if draw else []
    quiz.shuffle = form.shuffle.data
    quiz.typed_answers = form.typed_answers.data
    quiz.tolerance = form.tolerance.data or 0
    quiz.time_limit_s = form.time_limit.data * 60 if form.time_limit.data else None
    quiz.max_attempts = form.max_attempts.data or None
    quiz.grading = form.grading.data
    quiz.feedback = form.feedback.data
    quiz.layout = form.layout.data
    quiz.per_page = form.per_page.data or 5
    quiz.instant = form.instant.data
    quiz.opens_at = as_utc(form.opens_at.data)
    quiz.closes_at = as_utc(form.closes_at.data)
    quiz.published = form.published.data
    quiz.public = form.public.data


def _store_links(quiz: Quiz, form: QuizForm) -> None:
    """Save the question list and the class assignments of a stored quiz."""
    chosen = form.questions.data if form.mode.data == "fixed" else []
    set_items(quiz, list(dict.fromkeys(chosen or [])))
    offered = [choice.value for choice in form.classes.choices]
    set_assignments(quiz, form.classes.data or [], offered)


def _render(form: QuizForm, quiz: Quiz | None, pool: list[Question]) -> tuple[str, int]:
    status = 400 if request.method == "POST" else 200
    return render_template(
        "teach/quiz_form.html",
        form=form,
        quiz=quiz,
        pool=pool,
        kinds=KIND_FILTERS,
        articles=form.draw_article_ids.choices,
    ), status


@bp.get("/quizzes")
def quiz_list() -> str:
    """My quizzes (every quiz for an admin)."""
    return render_template("teach/quizzes.html", quizzes=owned_quizzes(current_user))


@bp.route("/quizzes/new", methods=["GET", "POST"])
def quiz_new() -> Response | tuple[str, int]:
    """Build a new quiz."""
    pool = quiz_pool(None)
    form = _form(None, pool)
    if form.validate_on_submit():
        with transaction():
            quiz = Quiz(owner_id=current_user.id)
            _apply(quiz, form)
            add_quiz(quiz)
            _store_links(quiz, form)
        flash(f"Quiz “{quiz.title}” saved.", "success")
        return redirect(url_for("teach.quiz_edit", quiz_id=quiz.id))
    return _render(form, None, pool)


@bp.route("/quizzes/<int:quiz_id>/edit", methods=["GET", "POST"])
def quiz_edit(quiz_id: int) -> Response | tuple[str, int]:
    """Change a quiz's questions, rules and classes (its address stays the same)."""
    quiz = owned_quiz(quiz_id, current_user)
    pool = quiz_pool(quiz)
    form = _form(quiz, pool)
    if form.validate_on_submit():
        with transaction():
            _apply(quiz, form)
            _store_links(quiz, form)
            shortened = cap_running_attempts(quiz)
        flash("Quiz saved.", "success")
        if shortened:
            flash(f"{shortened} running attempt(s) now end at the new close date.", "info")
        return redirect(url_for("teach.quiz_edit", quiz_id=quiz.id))
    return _render(form, quiz, pool)
