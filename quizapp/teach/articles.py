"""Import an article in the browser and review the questions generated from it."""

from __future__ import annotations

from typing import Any

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from quizapp.auth.guards import can_review
from quizapp.bank.services import import_article
from quizapp.extensions import limiter
from quizapp.ids import parse_ids
from quizapp.states import Status
from quizapp.teach import bp
from quizapp.teach.article_sources import (
    form_article,
    megabytes,
    no_url_given,
    url_throttle_key,
)
from quizapp.teach.forms import FORMAT_LABELS, ActionForm, ImportForm
from quizapp.teach.listings import (
    article_question,
    questions_to_reject,
    review_of,
    reviewable_article,
)
from quizapp.teach.review_filters import (
    ANY_FLAG,
    flag_options,
    kind_options,
    review_filters,
)
from quizapp.teach.services import publish_drafts
from quizapp.teach.undo import discard_questions
from quizapp.transactions import transaction, writes


def import_form() -> ImportForm:
    """The import form, its help saying the size limit."""
    form = ImportForm()
    limit = megabytes(current_app.config["ARTICLE_MAX_BYTES"])
    form.body.description = (
        f"Paste the article here (at most {limit}), or upload a file or give a web address below."
    )
    form.upload.description = (
        f"A web page (.html), PDF, Word (.docx), Markdown or UTF-8 text file, at most {limit}."
    )
    return form


@bp.route("/articles/import", methods=["GET", "POST"])
@limiter.limit(
    lambda: current_app.config["IMPORT_URL_LIMIT_PER_USER"],
    key_func=url_throttle_key,
    methods=["POST"],
    exempt_when=no_url_given,
)
def import_page() -> str | Response | tuple[str, int]:
    """Paste, upload or fetch an article; its questions are generated as drafts to review."""
    form = import_form()
    if form.validate_on_submit():
        source = form_article(form)
        title = (form.title.data or "").strip() or (source.title if source else None)
        if source is not None and not title:
            form.title.errors.append("Give the article a title (none was found in it).")
        elif source is not None and title:
            source_url = form.source_url.data or source.source_url
            with transaction():
                result = import_article(
                    source.text,
                    title=title[:300],
                    source_url=source_url,
                    published_on=form.published_on.data or source.published,
                    origin=source_url,
                    author=current_user,
                    publish=False,
                )
            article = result.article
            if not result.created:
                flash(f"This text was already imported as “{article.title}”.", "info")
                if not can_review(article, current_user):
                    return redirect(url_for("main.article", article_id=article.id))
            else:
                byline = f" by {source.author}" if source.author else ""
                flash(
                    f"Imported “{article.title}”{byline}. Review the generated questions.",
                    "success",
                )
            return redirect(url_for("teach.review", article_id=article.id))
    status = 400 if request.method == "POST" else 200
    return render_template("teach/import.html", form=form), status


@bp.get("/articles/<int:article_id>/review")
def review(article_id: int) -> str:
    """The generated questions with their source, choices, key, confidence and linter flags."""
    article = reviewable_article(article_id, current_user)
    found = review_of(article, current_user)
    every = found.questions
    wanted = review_filters(request.args)
    return render_template(
        "teach/review.html",
        article=article,
        questions=[q for q in every if wanted.admits(q)],
        editable=found.editable,
        form=ActionForm(),
        wanted=wanted,
        kind_options=kind_options(every),
        flag_options=flag_options(every),
        flagged_only=wanted.flag == ANY_FLAG,
        flagged_count=sum(1 for q in every if q.flag),
        format_labels=FORMAT_LABELS,
    )


@bp.post("/articles/<int:article_id>/questions/<int:question_id>/accept")
@writes
def accept(article_id: int, question_id: int) -> Response:
    """Publish one reviewed question."""
    article = reviewable_article(article_id, current_user)
    question = article_question(article, question_id, current_user)
    question.status = Status.PUBLISHED
    flash("Question published.", "success")
    return redirect(url_for("teach.review", article_id=article.id) + f"#q{question.id}")


@bp.post("/articles/<int:article_id>/questions/<int:question_id>/reject")
@writes
def reject(article_id: int, question_id: int) -> Response:
    """Delete a draft nobody used, or retire a question that was used; either can be undone."""
    article = reviewable_article(article_id, current_user)
    question = article_question(article, question_id, current_user)
    discard_questions([question], current_user)
    return redirect(url_for("teach.review", article_id=article.id, **_filters_back()))


@bp.post("/articles/<int:article_id>/publish")
@writes
def publish_bulk(article_id: int) -> Response:
    """Publish the selected drafts, or every draft of the article."""
    article = reviewable_article(article_id, current_user)
    chosen = None if request.form.get("scope") == "all" else parse_ids(request.form.getlist("ids"))
    published = publish_drafts(article, current_user, chosen)
    if published:
        flash(f"Published {published} question(s).", "success")
    else:
        flash("Nothing to publish: select drafts first.", "warning")
    return redirect(url_for("teach.review", article_id=article.id, **_filters_back()))


@bp.post("/articles/<int:article_id>/reject")
@writes
def reject_bulk(article_id: int) -> Response:
    """Reject the ticked questions at once (drafts deleted, used ones retired), with undo."""
    article = reviewable_article(article_id, current_user)
    questions = questions_to_reject(article, parse_ids(request.form.getlist("ids")), current_user)
    if not questions:
        flash("Nothing to reject: tick questions first.", "warning")
    else:
        discard_questions(questions, current_user)
    return redirect(url_for("teach.review", article_id=article.id, **_filters_back()))


def _filters_back() -> dict[str, Any]:
    """The review filters the bulk form was sent from, to land back on the same view."""
    return {k: v for k in ("kind", "flag") if (v := request.form.get(k, ""))}
