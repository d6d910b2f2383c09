"""Store articles with their generated questions."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from quizapp.actors import Actor
from quizapp.auth.guards import sees_all
from quizapp.bank.flags import flag_text
from quizapp.bank.spec import QuestionSpec
from quizapp.extensions import db
from quizapp.generate import DraftQuestion, GeneratedArticle, generate
from quizapp.models import Article, Question, Quiz, QuizQuestion
from quizapp.quiz.assembly import balanced, item_of
from quizapp.slugs import add_quiz, slugify
from quizapp.states import Format, Status
from quizapp.transactions import read_phase, write_phase

# The ready-made quiz of a seed article: long enough to cover every kind, short enough to take.
ARTICLE_QUIZ_SIZE = 15
CHANGED_FLAG = (
    "The article text changed after this question was made; check it against the new text."
)


@dataclass
class ImportResult:
    """What an import did: the article, and whether it was new."""

    article: Article
    created: bool
    replaced: Article | None = None


def checksum(body: str) -> str:
    """Identify a text by its content, ignoring line-ending and trailing-space noise."""
    canonical = "\n".join(line.rstrip() for line in body.replace("\r\n", "\n").split("\n")).strip()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def import_article(
    body: str,
    *,
    title: str,
    source_url: str | None = None,
    published_on: date | None = None,
    origin: str | None = None,
    author: Actor,
    publish: bool = False,
) -> ImportResult:
    """Store an article and its generated questions, once per distinct text.

    The questions are generated before any write: on SQLite a write transaction holds the
    database lock, and students' autosaves would wait for the whole generation. The results
    are then written in one short transaction of their own.
    """
    digest = checksum(body)
    with read_phase():
        existing = db.session.scalar(select(Article).where(Article.checksum == digest))
    if existing is not None:
        return ImportResult(existing, created=False)
    generated = generate(body)
    article = Article(
        title=title,
        source_url=source_url,
        published_on=published_on,
        body=body,
        checksum=digest,
        origin=origin or source_url,
        imported_by_id=author.id,
    )
    try:
        with write_phase():
            replaced = _store(article, generated, author=author, publish=publish)
    except IntegrityError:
        # The same text was imported meanwhile (checksum is unique): that import stands.
        with read_phase():
            existing = db.session.scalar(select(Article).where(Article.checksum == digest))
        if existing is None:
            raise
        return ImportResult(existing, created=False)
    return ImportResult(article, created=True, replaced=replaced)


def _store(
    article: Article, generated: GeneratedArticle, *, author: Actor, publish: bool
) -> Article | None:
    """Write the article and its questions; return the version it replaces."""
    db.session.add(article)
    db.session.flush()
    replaced = _replace_previous_version(article, author)
    status = Status.PUBLISHED if publish else Status.DRAFT
    for draft in generated.questions:
        spec = spec_of_draft(draft, article=article, status=status)
        # The generator makes none the edit form would refuse; should one slip through, the
        # bank does not take it (a question must be savable as it stands).
        if not spec.validate():
            article.questions.append(spec.build())
    db.session.flush()
    return replaced


def _replace_previous_version(article: Article, author: Actor) -> Article | None:
    """Flag the questions of an older text from the same origin instead of keeping them silently.

    A teacher replaces only their own imports (a URL is no proof of ownership); the command
    line and admins may replace any.
    """
    if not article.origin:
        return None
    query = select(Article).where(
        Article.origin == article.origin,
        Article.id != article.id,
        Article.replaced_by_id.is_(None),
    )
    if not sees_all(author):
        query = query.where(Article.imported_by_id == author.id)
    previous = db.session.scalar(query.order_by(Article.id.desc()).limit(1))
    if previous is None:
        return None
    previous.replaced_by_id = article.id
    db.session.execute(
        update(Question).where(Question.article_id == previous.id).values(flag=CHANGED_FLAG)
    )
    return previous


def spec_of_draft(draft: DraftQuestion, *, article: Article, status: str) -> QuestionSpec:
    """A generated draft as the question it describes."""
    return QuestionSpec(
        kind=draft.kind,
        format=Format.CHOICE,
        prompt=draft.prompt,
        answer=draft.answer,
        choices=list(draft.choices),
        accepted=list(draft.accepted),
        explanation=draft.explanation,
        source_sentence=draft.source,
        span=draft.span,
        article_id=article.id,
        confidence=draft.confidence,
        status=status,
        flag=flag_text(getattr(draft, "flags", ())),
    )


def article_quiz(article: Article) -> Quiz:
    """Make the public ready-made quiz of an article: a balanced, giveaway-free selection.

    The rest of its published questions stay in the bank for random draws and practice.
    """
    questions = db.session.scalars(
        select(Question)
        .where(Question.article_id == article.id, Question.status == Status.PUBLISHED)
        .options(selectinload(Question.choices))
        .order_by(Question.confidence.desc().nulls_last(), Question.id)
    ).all()
    items = [item_of(q, [c.text for c in q.choices]) for q in questions]
    chosen = [item.key for item in balanced(items, ARTICLE_QUIZ_SIZE)]
    quiz = Quiz(
        title=article.title,
        description=f"{len(chosen)} questions on “{article.title}”, across every kind it offers.",
        published=True,
        public=True,
        shuffle=True,
    )
    quiz.items = [QuizQuestion(question=q, position=i) for i, q in enumerate(chosen)]
    # The title's slug, else the article's id after it (a seed's quiz keeps a stable address).
    slug = slugify(article.title)
    return add_quiz(quiz, first=[slug, f"{slug[:70]}-{article.id}"])
