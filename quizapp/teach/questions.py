"""Author questions in every format, list the bank, preview as a student, retire or delete."""

from __future__ import annotations

from collections.abc import Callable

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from werkzeug.wrappers import Response

from quizapp.auth.guards import can_edit
from quizapp.bank.spec import QuestionSpec
from quizapp.ids import parse_id
from quizapp.kinds import KIND_FILTERS
from quizapp.models import Question
from quizapp.quiz.checkers import Key
from quizapp.quiz.marks import mark
from quizapp.states import Format, Status
from quizapp.teach import bp
from quizapp.teach.forms import FORMAT_LABELS, MAX_CHOICES, ActionForm, QuestionForm, options
from quizapp.teach.listings import article_options, bank_page, previewable_question
from quizapp.teach.regrade import current_key, history, plan, proposed_key, regrade
from quizapp.teach.services import (
    add_question,
    editable_question,
    in_attempts,
)
from quizapp.teach.undo import discard_questions
from quizapp.transactions import transaction, writes

# Shown beside the fields a used question can no longer change, before the teacher types.
FROZEN = (
    "Students have answered this question, so its kind, format and choices' texts are fixed: a "
    "different question needs a new question (retire this one). You may fix typos in the wording "
    "and correct the key (the right choice, accepted answers, tolerance): every attempt is then "
    "regraded."
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


def _save(
    question: Question | None, form: QuestionForm, then: Callable[[], object] | None = None
) -> Question | None:
    """Store a new or changed question (and run `then` in the same transaction); a duplicate
    prompt becomes a form error, not a 500."""
    try:
        with transaction():
            if question is None:
                spec = form.spec()
                spec.author_id = current_user.id
                question = add_question(spec)
            else:
                _spec(question, form).build(question)
            if then is not None:
                then()
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


def _freeze(form: QuestionForm, question: Question) -> bool:
    """Keep a used question's kind, format and options' texts; False when the request changed
    them (a stale page or a crafted request: the teacher is told, nothing is saved)."""
    texts = [c.text for c in question.choices]
    sent = request.form if request.method == "POST" else {}
    asked = [(sent.get(f"choices-{i}") or "").strip() for i in range(MAX_CHOICES)]
    changed = (
        sent.get("kind", question.kind) != question.kind
        or sent.get("format", question.format) != question.format
        or (
            any(f"choices-{i}" in sent for i in range(MAX_CHOICES))
            and [a for a in asked if a] != texts
        )
    )
    form.kind.data = question.kind
    form.format.data = question.format
    for entry, text in zip(form.choices.entries, texts + [""] * MAX_CHOICES, strict=False):
        entry.data = text
    return not changed


def _proposed(question: Question, form: QuestionForm) -> Key:
    """The key the submitted form asks for."""
    spec = form.spec()
    return proposed_key(
        question, answer=spec.answer, accepted=spec.accepted, tolerance=spec.tolerance
    )


@bp.route("/questions/<int:question_id>/edit", methods=["GET", "POST"])
def question_edit(question_id: int) -> str | Response | tuple[str, int]:
    """Edit a question; correcting a used question's key asks to confirm, then regrades."""
    question = editable_question(question_id, current_user)
    used = in_attempts(question.id)
    form = _form() if request.method == "POST" else _form(_initial(question))
    unchanged = _freeze(form, question) if used else True
    pending = None
    if not unchanged:
        form.validate_on_submit()
        form.form_errors.append(FROZEN)
    elif form.validate_on_submit():
        old = current_key(question)
        new = _proposed(question, form) if used else old
        if new != old and request.form.get("confirm_regrade") != "1":
            pending = plan(question.id, new)  # show what it does; nothing is written yet
        elif _save(
            question,
            form,
            then=(lambda: regrade(question, old, new, current_user)) if new != old else None,
        ):
            flash(_saved_message(question.id, new != old), "success")
            return redirect(url_for("teach.question_edit", question_id=question.id))
    status = 400 if request.method == "POST" and pending is None else 200
    return render_template(
        "teach/question_form.html",
        form=form,
        question=question,
        used=used,
        frozen=FROZEN if used else None,
        pending=pending,
        log=history(question.id),
        action=ActionForm(),
        format_labels=FORMAT_LABELS,
    ), status


def attempts(count: int) -> str:
    """ "1 attempt", "3 attempts"."""
    return f"{count} attempt{'' if count == 1 else 's'}"


def _saved_message(question_id: int, regraded: bool) -> str:
    """What a save did, with the regrade's outcome when there was one."""
    if not regraded:
        return "Question saved."
    entry = history(question_id)[0]
    return (
        f"Question saved and regraded: {attempts(entry.attempts_changed)} changed, "
        f"score total {mark(entry.old_total)} → {mark(entry.new_total)}."
    )


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
