"""Author questions in every format, list the bank, preview as a student, retire or delete."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from werkzeug.wrappers import Response

from quizapp.auth.guards import can_edit
from quizapp.bank.spec import QuestionSpec
from quizapp.ids import parse_id
from quizapp.kinds import KIND_FILTERS
from quizapp.models import Question
from quizapp.states import Format, Status
from quizapp.teach import bp
from quizapp.teach.forms import FORMAT_LABELS, MAX_CHOICES, ActionForm, QuestionForm, options
from quizapp.teach.listings import article_options, bank_page, previewable_question
from quizapp.teach.services import (
    add_question,
    editable_question,
    in_attempts,
)
from quizapp.teach.undo import discard_questions
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
        kinds=KIND_FILTERS,
        statuses=list(Status),
        articles=article_options(),
        filters={"kind": kind, "status": status, "article": article_id},
        can_edit=lambda q: can_edit(q, current_user),
    )


def _form(data: dict | None = None) -> QuestionForm:
    """The question form with the article choices filled in."""
    form = QuestionForm(data=data) if data is not None else QuestionForm()
    form.article_id.choices = options([(0, "— none —"), *article_options()])
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
        "answer": question.answer if question.format != Format.CHOICE else "",
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
        (question.tolerance or 0) if question.format == Format.NUMERIC else 0,
    )


def _spec(question: Question, form: QuestionForm) -> QuestionSpec:
    """The form's question, keeping what the form does not show (span, confidence, flag)."""
    spec = form.spec()
    same = (spec.source_sentence, spec.article_id) == (
        question.source_sentence,
        question.article_id,
    )
    # After a change the stored span would point at the old sentence: a wrong citation is worse.
    if same and question.span_start is not None and question.span_end is not None:
        spec.span = (question.span_start, question.span_end)
    spec.confidence, spec.flag = question.confidence, question.flag
    return spec


def _spec_key(spec: QuestionSpec) -> tuple:
    """The counterpart of `_key` for a question not stored yet."""
    return (spec.format, spec.answer, spec.choices, spec.accepted, spec.tolerance)


def _save(question: Question | None, form: QuestionForm) -> Question | None:
    """Store a new or changed question; a duplicate prompt becomes a form error, not a 500."""
    try:
        with transaction():
            if question is None:
                spec = form.spec()
                spec.author_id = current_user.id
                question = add_question(spec)
            else:
                _spec(question, form).build(question)
    except IntegrityError:
        form.prompt.errors.append(
            "This article already has a question of this kind with the same wording."
        )
        return None
    return question


@bp.route("/questions/new", methods=["GET", "POST"])
def question_new() -> str | Response | tuple[str, int]:
    """Write a new question by hand."""
    prefill = parse_id(request.args.get("article", "")) or 0
    form = _form() if request.method == "POST" else _form({"article_id": prefill})
    if form.validate_on_submit():
        question = _save(None, form)
        if question is not None:
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
        if used and _spec_key(form.spec()) != _key(question):
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
    deleted, _ = discard_questions([question], current_user)
    if not deleted:
        return redirect(url_for("teach.question_edit", question_id=question_id))
    return redirect(url_for("teach.question_list"))
