"""The catalogue: which quizzes a visitor may see, with counts, articles and best scores."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select, true

from quizapp.errors import NotFound
from quizapp.extensions import db
from quizapp.models import (
    Article,
    Assignment,
    Attempt,
    Enrollment,
    Question,
    Quiz,
    QuizOverride,
    QuizQuestion,
    User,
)
from quizapp.quiz.accommodations import Limits, limits, overrides_for
from quizapp.quiz.attempts import close_expired
from quizapp.states import Role


@dataclass
class QuizSummary:
    """What the quiz list shows for one quiz and one student."""

    quiz: Quiz
    questions: int
    articles: list[Article]
    attempts_used: int
    best: float | None  # best percentage, None before any submitted attempt
    limits: Limits  # the student's own time limit and attempts, accommodations included

    @property
    def attempts_left(self) -> int | None:
        """Attempts still allowed, None when unlimited."""
        if self.limits.max_attempts is None:
            return None
        return max(self.limits.max_attempts - self.attempts_used, 0)


def _allowed_clause(user: User | None):
    """SQL condition: quizzes this user may see (public ones, their classes', their own)."""
    clause = Quiz.public.is_(True)
    if user is None or not user.is_authenticated:
        return and_(Quiz.published.is_(True), clause)
    if user.role == Role.ADMIN:
        return true()
    my_classes = select(Enrollment.classroom_id).where(Enrollment.user_id == user.id)
    assigned = select(Assignment.quiz_id).where(Assignment.classroom_id.in_(my_classes))
    return or_(
        and_(Quiz.published.is_(True), or_(clause, Quiz.id.in_(assigned))), Quiz.owner_id == user.id
    )


def visible_quiz(slug: str, user: User | None) -> Quiz:
    """The quiz with this slug if the user may see it, else NotFound."""
    quiz = db.session.scalar(select(Quiz).where(Quiz.slug == slug, _allowed_clause(user)))
    if quiz is None:
        raise NotFound(f"quiz {slug!r}")
    return quiz


def quiz_summaries(user: User | None) -> list[QuizSummary]:
    """The quizzes open to a user with counts, articles and scores, in a few queries."""
    if user is not None and user.is_authenticated:
        close_expired(user_id=user.id)
    quizzes = db.session.scalars(
        select(Quiz)
        .where(_allowed_clause(user), Quiz.published.is_(True))
        .order_by(Quiz.created_at.desc(), Quiz.id.desc())
    ).all()
    return _summaries(list(quizzes), user)


def quiz_summary(quiz: Quiz, user: User | None) -> QuizSummary | None:
    """What the list shows of one visible quiz; None while unpublished (the list omits it)."""
    if not quiz.published:
        return None
    if user is not None and user.is_authenticated:
        close_expired(user_id=user.id, quiz_ids=[quiz.id])
    return _summaries([quiz], user)[0]


def _summaries(quizzes: list[Quiz], user: User | None) -> list[QuizSummary]:
    """Counts, articles and the user's attempts for these quizzes, in a few queries."""
    if not quizzes:
        return []
    ids = [q.id for q in quizzes]
    counts = dict(
        db.session.execute(
            select(QuizQuestion.quiz_id, func.count())
            .where(QuizQuestion.quiz_id.in_(ids))
            .group_by(QuizQuestion.quiz_id)
        ).all()
    )
    articles_of = _articles_by_quiz(quizzes)
    used: dict[int, int] = {}
    best: dict[int, float] = {}
    overrides: dict[int, QuizOverride] = {}
    if user is not None and user.is_authenticated:
        overrides = overrides_for(user.id, ids)
        rows = db.session.execute(
            select(Attempt.quiz_id, func.count(), func.max(Attempt.percent))
            .where(Attempt.user_id == user.id, Attempt.quiz_id.in_(ids))
            .group_by(Attempt.quiz_id)
        ).all()
        used = {quiz_id: n for quiz_id, n, _ in rows}
        best = {quiz_id: pct for quiz_id, _, pct in rows if pct is not None}
    return [
        QuizSummary(
            quiz=q,
            questions=q.draw_count or counts.get(q.id, 0),
            articles=articles_of.get(q.id, []),
            attempts_used=used.get(q.id, 0),
            best=best.get(q.id),
            limits=limits(q, overrides.get(q.id)),
        )
        for q in quizzes
    ]


def _articles_by_quiz(quizzes: list[Quiz]) -> dict[int, list[Article]]:
    """The articles each quiz draws on, from its fixed list or its draw settings."""
    ids = [q.id for q in quizzes]
    pairs = db.session.execute(
        select(QuizQuestion.quiz_id, Question.article_id)
        .join(Question, Question.id == QuizQuestion.question_id)
        .where(QuizQuestion.quiz_id.in_(ids), Question.article_id.is_not(None))
        .distinct()
    ).all()
    wanted: dict[int, set[int]] = {q.id: set(q.draw_article_ids or []) for q in quizzes}
    for quiz_id, article_id in pairs:
        if article_id is not None:  # excluded by the query; this tells the type checker
            wanted[quiz_id].add(article_id)
    all_ids = set().union(*wanted.values())
    articles = (
        {a.id: a for a in db.session.scalars(select(Article).where(Article.id.in_(all_ids)))}
        if all_ids
        else {}
    )
    return {
        quiz_id: sorted((articles[i] for i in found if i in articles), key=lambda a: a.id)
        for quiz_id, found in wanted.items()
    }
