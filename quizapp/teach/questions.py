"""Author questions in every format, list the bank, preview as a student, retire or delete."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from werkzeug.wrappers import Response

from quizapp.auth.guards import can_edit
from quizapp.ids import parse_id
from quizapp.models import KIND_LABELS, STATUSES, Question
from quizapp.teach import bp
from quizapp.teach.forms import FORMAT_LABELS, MAX_CHOICES, ActionForm, QuestionForm
from quizapp.teach.listings import article_options, bank_page, previewable_question
from quizapp.teach.services import (
    discard,
    discard_message,
    editable_question,
    in_attempts,
    new_question,
    set_choices,
)
from quizapp.transactions import transaction, writes

LOCKED = (
    "Students have already answered this question, so its format, answer and choices can no "
    "longer change (old scores must stay explainable). Retire it and create a new question; "
    "fixing typos in the wording is fine."
)


@bp.get("/questions")
def question_list() -> str:
    """The published bank plus my drafts and retired questions, filtered, a page at a time."""
    kind = request.args.get("kind", "")
    status = request.args.get("status", "")
    article_id = parse_id(request.args.get("article", "")) or 0
    page = bank_page(current_user, kind=kind, status=status, article_id=article_id)
    return render_template(
        "teach/questions.html",
        page=page,
        kinds=KIND_LABELS,
        statuses=STATUSES,
        articles=article_options(),
        filters={"kind": kind, "status": status, "article": article_id},
        can_edit=lambda q: can_edit(q, current_user),
    )


def _form(data: dict | None = None) -> QuestionForm:
    """The question form with the article choices filled in."""
    form = QuestionForm(data=data) if data is not None else QuestionForm()
    form.article_id.choices = [(0, "— none —"), *article_options()]
    return form


def _initial(question: Question) -> dict:
    """A question's values as form data."""
    texts = [c.text for c in question.choices]
    correct = next((i for i, c in enumerate(question.choices) if c.is_correct), None)
    return {
        "kind": question.kind,
        "format": question.format,
        "prompt": question.prompt,
        "choices": texts + [""] * (MAX_CHOICES - len(texts)),
        "correct": str(correct) if correct is not None else None,
        "answer": question.answer if question.format != "choice" else "",
        "accepted": "\n".join(question.accepted or []),
        "tolerance": question.tolerance,
        "article_id": question.article_id or 0,
        "source_sentence": question.source_sentence or "",
        "explanation": question.explanation or "",
        "status": question.status,
    }


def _key(question: Question) -> tuple:
    """What decides a question's scoring: frozen once students answered it."""
    return (
        question.format,
        question.answer,
        [c.text for c in question.choices],
        list(question.accepted or []),
        (question.tolerance or 0) if question.format == "numeric" else 0,
    )


def _form_key(form: QuestionForm) -> tuple:
    """The form's counterpart of `_key`, normalised the same way."""
    tolerance = (form.tolerance.data or 0) if form.format.data == "numeric" else 0
    return (
        form.format.data,
        form.answer_text(),
        form.choice_texts(),
        form.accepted_list(),
        tolerance,
    )


def _apply(question: Question, form: QuestionForm) -> None:
    """Copy the form into the question (the caller commits)."""
    source = (form.source_sentence.data or "").strip() or None
    article_id = form.article_id.data or None
    if source != question.source_sentence or article_id != question.article_id:
        # The stored span pointed at the old sentence: a wrong citation is worse than none.
        question.span_start = question.span_end = None
    question.kind = form.kind.data
    question.format = form.format.data
    question.prompt = form.prompt.data.strip()
    question.answer = form.answer_text()
    question.accepted = form.accepted_list()
    question.tolerance = (form.tolerance.data or 0) if form.format.data == "numeric" else 0
    question.article_id = article_id
    question.source_sentence = source
    question.explanation = (form.explanation.data or "").strip()
    question.status = form.status.data
    texts = form.choice_texts()
    if texts != [c.text for c in question.choices] or any(
        c.is_correct != (c.text == question.answer) for c in question.choices
    ):
        set_choices(question, texts, question.answer)


def _save(question: Question, form: QuestionForm) -> bool:
    """Store the question; a duplicate prompt becomes a form error instead of a 500."""
    try:
        with transaction():
            _apply(question, form)
    except IntegrityError:
        form.prompt.errors.append(
            "This article already has a question of this kind with the same wording."
        )
        return False
    return True


@bp.route("/questions/new", methods=["GET", "POST"])
def question_new() -> str | Response | tuple[str, int]:
    """Write a new question by hand."""
    prefill = parse_id(request.args.get("article", "")) or 0
    form = _form() if request.method == "POST" else _form({"article_id": prefill})
    if form.validate_on_submit():
        question = new_question(current_user)
        if _save(question, form):
            flash("Question saved.", "success")
            return redirect(url_for("teach.question_edit", question_id=question.id))
    status = 400 if request.method == "POST" else 200
    return render_template("teach/question_form.html", form=form, question=None), status


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
def question_edit(question_id: int) -> str | Response | tuple[str, int]:
    """Edit a question; its scoring is frozen once students answered it."""
    question = editable_question(question_id, current_user)
    used = in_attempts(question.id)
    form = _form() if request.method == "POST" else _form(_initial(question))
    if form.validate_on_submit():
        if used and _form_key(form) != _key(question):
            form.form_errors.append(LOCKED)
        elif _save(question, form):
            flash("Question saved.", "success")
            return redirect(url_for("teach.question_edit", question_id=question.id))
    status = 400 if request.method == "POST" else 200
    return render_template(
        "teach/question_form.html",
        form=form,
        question=question,
        used=used,
        action=ActionForm(),
        format_labels=FORMAT_LABELS,
    ), status


@bp.get("/questions/<int:question_id>/preview")
def question_preview(question_id: int) -> str:
    """The question as a student sees it: no key, no explanation."""
    question = previewable_question(question_id, current_user)
    return render_template(
        "teach/preview.html", question=question, can_edit=can_edit(question, current_user)
    )


@bp.post("/questions/<int:question_id>/delete")
@writes
def question_delete(question_id: int) -> Response:
    """Delete an unused question; a used one is retired so old scores stay explainable."""
    question = editable_question(question_id, current_user)
    outcome = discard(question)
    flash(discard_message(outcome), "success" if outcome == "deleted" else "info")
    if outcome == "retired":
        return redirect(url_for("teach.question_edit", question_id=question_id))
    return redirect(url_for("teach.question_list"))
