"""The attempt lifecycle: the frozen draw at start, loading, locking, submitting once, expiry."""

from __future__ import annotations

import random
import secrets
from datetime import datetime
from typing import Any, cast

from sqlalchemy import bindparam, func, or_, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import joinedload, lazyload, selectinload

from quizapp.errors import NotFound
from quizapp.extensions import db
from quizapp.models import Article, Attempt, Question, Quiz, QuizQuestion, Response, User, utcnow
from quizapp.quiz.accommodations import attempt_deadline, student_limits
from quizapp.quiz.assembly import draw, item_of
from quizapp.quiz.errors import QuizError
from quizapp.quiz.marks import score_of
from quizapp.states import Status
from quizapp.transactions import inserted, read_phase, write_phase


def window_problem(quiz: Quiz, now: datetime) -> str | None:
    """Why the quiz cannot be started now, or None when it can."""
    if quiz.opens_at and now < quiz.opens_at:
        return f"This quiz opens on {quiz.opens_at:%d %B %Y at %H:%M} UTC."
    if quiz.closes_at and now >= quiz.closes_at:
        return "This quiz is closed."
    return None


def open_attempt(quiz: Quiz, user: User) -> Attempt | None:
    """The user's unfinished attempt at this quiz that is still running, if any."""
    attempts = db.session.scalars(
        select(Attempt).where(
            Attempt.quiz_id == quiz.id, Attempt.user_id == user.id, Attempt.submitted_at.is_(None)
        )
    ).all()
    now = utcnow()
    return next((a for a in attempts if a.is_running(now)), None)


def start_attempt(quiz: Quiz, user: User) -> Attempt:
    """Resume the running attempt or start a new one with a frozen draw."""
    running = open_attempt(quiz, user)
    if running is not None:
        return running
    now = utcnow()
    problem = window_problem(quiz, now)
    if problem:
        raise QuizError(problem, 403)
    close_expired(user_id=user.id, quiz_ids=[quiz.id])
    used = db.session.execute(
        select(func.coalesce(func.max(Attempt.number), 0)).where(
            Attempt.quiz_id == quiz.id, Attempt.user_id == user.id
        )
    ).scalar_one()
    # The student's own limits: a teacher's override may add time or attempts.
    allowed = student_limits(quiz, user.id)
    if allowed.max_attempts is not None and used >= allowed.max_attempts:
        raise QuizError("You have used every attempt this quiz allows.", 403)
    questions = draw_questions(quiz)
    if not questions:
        raise QuizError("This quiz has no questions yet.", 409)
    deadline = attempt_deadline(quiz, now, allowed.time_limit_s)
    attempt = Attempt(
        quiz=quiz,
        user_id=user.id,
        number=used + 1,
        started_at=now,
        deadline_at=deadline,
        max_score=len(questions),
    )
    rng = random.Random(secrets.randbits(64))
    attempt.responses = [
        Response(question=q, position=i, choice_order=_choice_order(q, rng, quiz.shuffle))
        for i, q in enumerate(questions)
    ]
    # The attempt number is unique per student and quiz: a second tab loses here.
    if not inserted(attempt):
        raise QuizError("An attempt was started in another tab; reload to continue it.", 409)
    return attempt


def _choice_order(question: Question, rng: random.Random, shuffle: bool) -> list[int]:
    ids = [c.id for c in question.choices]
    if shuffle:
        rng.shuffle(ids)
    return ids


def draw_questions(quiz: Quiz) -> list[Question]:
    """The questions of a new attempt: the fixed list, or N drawn from the pool."""
    options = selectinload(Question.choices)
    if quiz.draw_count is None:
        questions = list(
            db.session.scalars(
                select(Question)
                .join(QuizQuestion, QuizQuestion.question_id == Question.id)
                .where(QuizQuestion.quiz_id == quiz.id, Question.status != Status.RETIRED)
                .order_by(QuizQuestion.position)
                .options(options)
            )
        )
        if quiz.shuffle:
            random.Random(secrets.randbits(64)).shuffle(questions)
        return questions
    query = select(Question).where(Question.status == Status.PUBLISHED).options(options)
    if quiz.draw_kinds:
        query = query.where(Question.kind.in_(quiz.draw_kinds))
    if quiz.draw_article_ids:
        query = query.where(Question.article_id.in_(quiz.draw_article_ids))
    pool = list(db.session.scalars(query.order_by(Question.id)))
    items = [item_of(q, [c.text for c in q.choices]) for q in pool]
    # No drawn question may give another away (same sentence, mirror pair, figure in a stem).
    drawn = draw(items, quiz.draw_count, random.Random(secrets.randbits(64)))
    return [cast(Question, item.key) for item in drawn]  # item_of keys each item by its row


def load_attempt(attempt_id: int, user: User, *, with_articles: bool = False) -> Attempt:
    """The user's own attempt with everything its pages show, in a bounded number of queries."""
    question = selectinload(Attempt.responses).selectinload(Response.question)
    attempt = db.session.scalar(
        select(Attempt)
        .where(Attempt.id == attempt_id, Attempt.user_id == user.id)
        .options(
            joinedload(Attempt.quiz),
            # Only the result page cites articles; their full text is never needed here.
            question.options(
                selectinload(Question.choices),
                selectinload(Question.article).load_only(Article.id, Article.title)
                if with_articles
                else lazyload(Question.article),
            ),
        )
    )
    return _found(attempt, attempt_id)


# Built once, bound per call: every request of a student taking a quiz runs these.
_OWN_ATTEMPT = (
    select(Attempt)
    .where(Attempt.id == bindparam("attempt_id"), Attempt.user_id == bindparam("user_id"))
    .options(joinedload(Attempt.quiz))
)
_FRESH_STATE = (
    select(Attempt.submitted_at, Attempt.deadline_at, Attempt.score)
    .where(Attempt.id == bindparam("attempt_id"))
    .with_for_update()
)


def load_own_attempt(attempt_id: int, user: User) -> Attempt:
    """The user's own attempt and its quiz, without its questions (autosave needs one)."""
    attempt = db.session.scalar(_OWN_ATTEMPT, {"attempt_id": attempt_id, "user_id": user.id})
    return _found(attempt, attempt_id)


def _found(attempt: Attempt | None, attempt_id: int) -> Attempt:
    # Another student's attempt does not exist for this one: the same NotFound as a wrong id.
    if attempt is None:
        raise NotFound(f"attempt {attempt_id}")
    return attempt


def attempts_at(quiz: Quiz, user: User) -> list[Attempt]:
    """The user's attempts at this quiz, first to last."""
    return list(
        db.session.scalars(
            select(Attempt)
            .where(Attempt.quiz_id == quiz.id, Attempt.user_id == user.id)
            .order_by(Attempt.number)
        )
    )


def lock_attempt(attempt: Attempt) -> None:
    """Lock the attempt's row for this transaction and refresh its state.

    PostgreSQL: concurrent submits and autosaves of one attempt queue here, so none of them
    acts on a state another has just changed. SQLite: its IMMEDIATE transaction already
    serialises writers; the fresh read still matters.
    """
    fresh = db.session.execute(_FRESH_STATE, {"attempt_id": attempt.id}).one()
    attempt.submitted_at, attempt.deadline_at, attempt.score = fresh


def submit(attempt: Attempt) -> bool:
    """Close the attempt with its score, exactly once; False when it was closed already."""
    now = utcnow()
    deadline = attempt.deadline_at
    when = deadline if deadline is not None and attempt.timed_out(now) else now
    when = max(when, attempt.started_at)  # a close date moved before the start ends it at once
    db.session.flush()
    score = score_of(attempt.id)
    # The WHERE makes a second submit (another tab, a double click, a retry) change nothing.
    result = db.session.execute(
        update(Attempt)
        .where(Attempt.id == attempt.id, Attempt.submitted_at.is_(None))
        .values(submitted_at=when, score=score)
        .execution_options(synchronize_session=False)
    )
    if cast(CursorResult[Any], result).rowcount != 1:
        return False
    attempt.submitted_at, attempt.score = when, score
    return True


def cap_running_attempts(quiz: Quiz) -> int:
    """Make running attempts end by the quiz's close date, when a teacher moves it earlier."""
    if quiz.closes_at is None:
        return 0
    result = db.session.execute(
        update(Attempt)
        .where(
            Attempt.quiz_id == quiz.id,
            Attempt.submitted_at.is_(None),
            or_(Attempt.deadline_at.is_(None), Attempt.deadline_at > quiz.closes_at),
        )
        .values(deadline_at=quiz.closes_at)
        .execution_options(synchronize_session=False)
    )
    return cast(CursorResult[Any], result).rowcount


def close_expired(*, user_id: int | None = None, quiz_ids: list[int] | None = None) -> int:
    """Close attempts whose deadline passed, scored with the answers saved before it.

    Idempotent, and it only writes down what the deadline already decided: that is why pages
    that list scores (gradebook, exports, progress) may call it on GET, before they read.
    """
    query = select(Attempt.id).where(Attempt.submitted_at.is_(None), Attempt.timed_out(utcnow()))
    if user_id is not None:
        query = query.where(Attempt.user_id == user_id)
    if quiz_ids is not None:
        query = query.where(Attempt.quiz_id.in_(quiz_ids))
    with read_phase():
        expired = list(db.session.scalars(query))
    if not expired:
        return 0  # the usual case: no write, no lock
    with write_phase():
        for attempt in db.session.scalars(select(Attempt).where(Attempt.id.in_(expired))):
            submit(attempt)
    return len(expired)
