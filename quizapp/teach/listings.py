"""What the teacher pages list and look up: dashboard, bank, pools, review, classes, accounts."""

from __future__ import annotations

from dataclasses import dataclass

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from quizapp.auth.guards import can_edit, can_review, editable_by, sees_all
from quizapp.errors import NotFound
from quizapp.extensions import db
from quizapp.kinds import KIND_FILTERS, kind_condition
from quizapp.models import (
    Article,
    Assignment,
    Attempt,
    Classroom,
    Question,
    Quiz,
    QuizQuestion,
    User,
)
from quizapp.states import Role, Status

DASHBOARD_LIMIT = 20
RECENT_ATTEMPTS = 10
PER_PAGE = 25


def my_articles(user: User, limit: int = DASHBOARD_LIMIT) -> list[tuple[Article, int, int]]:
    """Articles the user imported, with their draft and published question counts."""
    counts = (
        select(
            Question.article_id,
            func.sum((Question.status == Status.DRAFT).cast(db.Integer)).label("drafts"),
            func.sum((Question.status == Status.PUBLISHED).cast(db.Integer)).label("published"),
        )
        .group_by(Question.article_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Article, func.coalesce(counts.c.drafts, 0), func.coalesce(counts.c.published, 0))
        .outerjoin(counts, counts.c.article_id == Article.id)
        .where(Article.imported_by_id == user.id)
        .order_by(Article.created_at.desc(), Article.id.desc())
        .limit(limit)
    ).all()
    return [(a, d, p) for a, d, p in rows]


def latest_quizzes(user: User, limit: int = DASHBOARD_LIMIT) -> list[Quiz]:
    """The user's own newest quizzes."""
    return list(
        db.session.scalars(
            select(Quiz)
            .where(Quiz.owner_id == user.id)
            .order_by(Quiz.created_at.desc(), Quiz.id.desc())
            .limit(limit)
        )
    )


def latest_attempts(user: User, limit: int = RECENT_ATTEMPTS) -> list[Attempt]:
    """The newest attempts at the user's quizzes, with their students and quizzes."""
    return list(
        db.session.scalars(
            select(Attempt)
            .join(Quiz, Quiz.id == Attempt.quiz_id)
            .where(Quiz.owner_id == user.id)
            .options(selectinload(Attempt.user), selectinload(Attempt.quiz))
            .order_by(Attempt.started_at.desc(), Attempt.id.desc())
            .limit(limit)
        )
    )


def article_options() -> list[tuple[int, str]]:
    """Current articles for a select box (ids and titles only)."""
    rows = db.session.execute(
        select(Article.id, Article.title)
        .where(Article.replaced_by_id.is_(None))
        .order_by(Article.title, Article.id)
    ).all()
    return [(article_id, title) for article_id, title in rows]


def bank_page(user: User, *, kind: str, status: str, article_id: int) -> Pagination:
    """The published bank plus the user's drafts and retired questions, filtered, one page."""
    query = select(Question).options(selectinload(Question.article))
    if not sees_all(user):
        # Drafts and retired questions are their owner's business; the bank is what is published.
        query = query.where(or_(Question.status == Status.PUBLISHED, editable_by(user)))
    if kind in KIND_FILTERS:
        query = query.where(kind_condition(kind))
    if status in list(Status):
        query = query.where(Question.status == status)
    if article_id:
        query = query.where(Question.article_id == article_id)
    return db.paginate(
        query.order_by(Question.id.desc()), per_page=PER_PAGE, max_per_page=PER_PAGE, count=True
    )


def previewable_question(question_id: int, user: User) -> Question:
    """A question the user may preview (published, or theirs to edit), else NotFound."""
    question = db.session.scalar(
        select(Question)
        .where(Question.id == question_id)
        .options(selectinload(Question.choices), selectinload(Question.article))
    )
    if question is None or not (question.status == Status.PUBLISHED or can_edit(question, user)):
        raise NotFound(f"question {question_id}")
    return question


def quiz_pool(quiz: Quiz | None) -> list[Question]:
    """Published questions to choose from, plus any already in the quiz."""
    query = select(Question).options(selectinload(Question.article))
    if quiz is not None and quiz.id:
        chosen = select(QuizQuestion.question_id).where(QuizQuestion.quiz_id == quiz.id)
        query = query.where((Question.status == Status.PUBLISHED) | Question.id.in_(chosen))
    else:
        query = query.where(Question.status == Status.PUBLISHED)
    return list(db.session.scalars(query.order_by(Question.article_id, Question.id)))


def reviewable_article(article_id: int, user: User) -> Article:
    """An article whose drafts the user reviews, else NotFound."""
    article = db.session.get(Article, article_id)
    if article is None or not can_review(article, user):
        raise NotFound(f"article {article_id}")
    return article


def article_question(article: Article, question_id: int, user: User) -> Question:
    """A question of this article that the user may edit, else NotFound."""
    question = db.session.get(Question, question_id)
    if question is None or question.article_id != article.id or not can_edit(question, user):
        raise NotFound(f"question {question_id}")
    return question


@dataclass
class Review:
    """An article's questions as its review page shows them."""

    questions: list[Question]
    editable: set[int]


def review_of(article: Article, user: User) -> Review:
    """The article's questions with their choices, and which of them the user may edit."""
    mine = editable_by(user)
    # Other teachers' hand-written questions on this article are theirs: shown only once
    # published, and read-only.
    shown = (Question.article_id == article.id, or_(mine, Question.status == Status.PUBLISHED))
    rows = db.session.execute(
        select(Question, mine)
        .where(*shown)
        .options(selectinload(Question.choices))
        .order_by(Question.status, Question.id)
    ).all()
    return Review(
        questions=[question for question, _ in rows],
        editable={question.id for question, ok in rows if ok},
    )


def questions_to_reject(article: Article, ids: list[int], user: User) -> list[Question]:
    """The ticked questions of this article that the user may reject (not retired already)."""
    return list(
        db.session.scalars(
            select(Question)
            .where(
                Question.article_id == article.id,
                Question.id.in_(ids),
                Question.status != Status.RETIRED,
                editable_by(user),
            )
            .options(selectinload(Question.choices))
        )
    )


def assigned_quizzes(classroom: Classroom) -> list[Quiz]:
    """The quizzes assigned to a class, by title."""
    return list(
        db.session.scalars(
            select(Quiz)
            .join(Assignment, Assignment.quiz_id == Quiz.id)
            .where(Assignment.classroom_id == classroom.id)
            .order_by(Quiz.title)
        )
    )


def staff_accounts() -> list[User]:
    """Teacher and admin accounts, by username."""
    return list(
        db.session.scalars(
            select(User).where(User.role.in_((Role.TEACHER, Role.ADMIN))).order_by(User.username)
        )
    )


def account(user_id: int) -> User:
    """Any account by id, else NotFound."""
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound(f"user {user_id}")
    return user
