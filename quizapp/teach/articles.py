"""Import an article in the browser and review the questions generated from it."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload
from werkzeug.wrappers import Response

from quizapp.auth.guards import can_edit, can_review, editable_by
from quizapp.bank.services import import_article
from quizapp.extensions import db
from quizapp.ids import parse_ids
from quizapp.models import Article, Question
from quizapp.teach import bp
from quizapp.teach.forms import ActionForm, ImportForm
from quizapp.teach.services import discard, discard_message


def megabytes(size: int) -> str:
    """A size for people: 1 MB, 1.05 MB, 0.9 MB, 12 MB."""
    return f"{size / 1_000_000:.3g} MB" if size < 10_000_000 else f"{size // 1_000_000} MB"


def import_form() -> ImportForm:
    """The import form, its help saying the size limit."""
    form = ImportForm()
    limit = megabytes(current_app.config["ARTICLE_MAX_BYTES"])
    form.body.description = f"Paste the article here (at most {limit}), or upload a file below."
    form.upload.description = f"Plain UTF-8 text, at most {limit}."
    return form


def uploaded_text(form: ImportForm) -> str | None:
    """The article text from the paste box or the file, or None with a form error set."""
    limit = current_app.config["ARTICLE_MAX_BYTES"]
    pasted = (form.body.data or "").strip()
    upload = form.upload.data
    has_file = upload is not None and getattr(upload, "filename", "")
    if pasted and has_file:
        form.upload.errors.append("Paste the text or upload a file, not both.")
        return None
    if not pasted and not has_file:
        form.body.errors.append("Paste the article text or choose a .txt file.")
        return None
    if pasted:
        size = len(pasted.encode("utf-8", "surrogatepass"))
        if size > limit:
            form.body.errors.append(
                f"The text is {megabytes(size)}; an article can be at most {megabytes(limit)}."
                " Shorten it or split it into several articles."
            )
            return None
        return pasted
    raw = upload.stream.read(limit + 1)
    if len(raw) > limit:
        form.upload.errors.append(
            f"The file is larger than {megabytes(limit)}; upload a shorter text."
        )
        return None
    if b"\x00" in raw:
        form.upload.errors.append("This file is not plain text (it holds binary data).")
        return None
    try:
        text = raw.decode("utf-8-sig").strip()
    except UnicodeDecodeError:
        form.upload.errors.append("This file is not UTF-8 text; save it as UTF-8 and retry.")
        return None
    if not text:
        form.upload.errors.append("The file is empty.")
        return None
    return text


@bp.route("/articles/import", methods=["GET", "POST"])
def import_page() -> str | Response | tuple[str, int]:
    """Paste or upload an article; its questions are generated as drafts to review."""
    form = import_form()
    if form.validate_on_submit():
        body = uploaded_text(form)
        if body is not None:
            result = import_article(
                body,
                title=form.title.data.strip(),
                source_url=form.source_url.data or None,
                published_on=form.published_on.data,
                origin=form.source_url.data or None,
                author=current_user,
                publish=False,
            )
            db.session.commit()
            article = result.article
            if not result.created:
                flash(f"This text was already imported as “{article.title}”.", "info")
                if not can_review(article, current_user):
                    return redirect(url_for("main.article", article_id=article.id))
            else:
                flash(f"Imported “{article.title}”. Review the generated questions.", "success")
            return redirect(url_for("teach.review", article_id=article.id))
    status = 400 if request.method == "POST" else 200
    return render_template("teach/import.html", form=form), status


def _reviewable(article_id: int) -> Article:
    """An article whose drafts the current user reviews, else 404."""
    article = db.get_or_404(Article, article_id)
    if not can_review(article, current_user):
        abort(404)
    return article


@bp.get("/articles/<int:article_id>/review")
def review(article_id: int) -> str:
    """The generated questions with their source, choices, key and confidence."""
    article = _reviewable(article_id)
    mine = editable_by(current_user)
    # Other teachers' hand-written questions on this article are theirs: shown only once
    # published, and read-only.
    rows = db.session.execute(
        select(Question, mine)
        .where(Question.article_id == article.id, or_(mine, Question.status == "published"))
        .options(selectinload(Question.choices))
        .order_by(Question.status, Question.id)
    ).all()
    return render_template(
        "teach/review.html",
        article=article,
        questions=[question for question, _ in rows],
        editable={question.id for question, ok in rows if ok},
        form=ActionForm(),
    )


def _article_question(article: Article, question_id: int) -> Question:
    """A question of this article that the current user may edit, else 404."""
    question = db.get_or_404(Question, question_id)
    if question.article_id != article.id or not can_edit(question, current_user):
        abort(404)
    return question


@bp.post("/articles/<int:article_id>/questions/<int:question_id>/accept")
def accept(article_id: int, question_id: int) -> Response:
    """Publish one reviewed question."""
    article = _reviewable(article_id)
    question = _article_question(article, question_id)
    question.status = "published"
    db.session.commit()
    flash("Question published.", "success")
    return redirect(url_for("teach.review", article_id=article.id) + f"#q{question.id}")


@bp.post("/articles/<int:article_id>/questions/<int:question_id>/reject")
def reject(article_id: int, question_id: int) -> Response:
    """Delete a draft nobody used, or retire a question that was used."""
    article = _reviewable(article_id)
    question = _article_question(article, question_id)
    outcome = discard(question)
    db.session.commit()
    flash(discard_message(outcome), "success" if outcome == "deleted" else "info")
    return redirect(url_for("teach.review", article_id=article.id))


@bp.post("/articles/<int:article_id>/publish")
def publish_bulk(article_id: int) -> Response:
    """Publish the selected drafts, or every draft of the article."""
    article = _reviewable(article_id)
    query = select(Question).where(
        Question.article_id == article.id,
        Question.status == "draft",
        editable_by(current_user),
    )
    if request.form.get("scope") != "all":
        ids = parse_ids(request.form.getlist("ids"))
        query = query.where(Question.id.in_(ids))
    questions = db.session.scalars(query).all()
    for question in questions:
        question.status = "published"
    db.session.commit()
    if questions:
        flash(f"Published {len(questions)} question(s).", "success")
    else:
        flash("Nothing to publish: select drafts first.", "warning")
    return redirect(url_for("teach.review", article_id=article.id))
