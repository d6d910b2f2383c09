"""FSRS memory states per student and question."""

from __future__ import annotations

import random
from datetime import datetime
from typing import cast

from fsrs import Card, Rating, Scheduler
from fsrs.card import CardDict
from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import contains_eager, selectinload

from quizapp.errors import NotFound
from quizapp.extensions import db
from quizapp.models import Attempt, Choice, MemoryState, Question, Response
from quizapp.quiz.marks import mark_expr
from quizapp.states import Format, Status

# One scheduler for every worker: it holds only parameters, no per-user state.
scheduler = Scheduler(enable_fuzzing=False)


def _practisable(hidden: ColumnElement[bool]) -> ColumnElement[bool]:
    """Published choice questions whose key the student may see.

    `hidden` is quizapp.quiz.visibility.key_hidden(student), computed once per request.
    """
    # Practice offers options to pick from: typed-answer questions stay in quizzes.
    return and_(Question.status == Status.PUBLISHED, Question.format == Format.CHOICE, ~hidden)


def practisable_question(question_id: int, hidden: ColumnElement[bool]) -> Question:
    """The question if it may be practised now, else NotFound (unknown, draft or kept secret)."""
    question = db.session.scalar(
        select(Question)
        .where(Question.id == question_id, _practisable(hidden))
        .options(selectinload(Question.choices))
    )
    if question is None:
        raise NotFound(f"practice question {question_id}")
    return question


def practice_state(user_id: int, question_id: int, hidden: ColumnElement[bool]) -> MemoryState:
    """The student's last practice answer to a question, else NotFound (also while it is secret)."""
    state = db.session.scalar(
        select(MemoryState)
        .join(Question, Question.id == MemoryState.question_id)
        .where(MemoryState.user_id == user_id, MemoryState.question_id == question_id, ~hidden)
        .options(contains_eager(MemoryState.question))
    )
    if state is None:
        raise NotFound(f"practice state of question {question_id}")
    return state


def next_question(user_id: int, hidden: ColumnElement[bool], now: datetime) -> Question | None:
    """The most overdue question of the student, else a published one never practised."""
    practisable = _practisable(hidden)
    due = db.session.scalar(
        select(Question)
        .join(MemoryState, MemoryState.question_id == Question.id)
        .where(MemoryState.user_id == user_id, MemoryState.due_at <= now)
        .where(practisable)
        .order_by(MemoryState.due_at, Question.id)
        .options(selectinload(Question.choices))
        .limit(1)
    )
    if due is not None:
        return due
    seen = select(MemoryState.question_id).where(MemoryState.user_id == user_id)
    # Among new questions, those the student got wrong in quizzes come first.
    missed = (
        select(Response.question_id, func.count().label("n"))
        .join(Attempt, Attempt.id == Response.attempt_id)
        .where(
            Attempt.user_id == user_id,
            Attempt.submitted_at.is_not(None),
            mark_expr() < 1,  # as the teacher marked it: an override to right is not missed
        )
        .group_by(Response.question_id)
        .subquery()
    )
    return db.session.scalar(
        select(Question)
        .outerjoin(missed, missed.c.question_id == Question.id)
        .where(practisable, Question.id.not_in(seen))
        .order_by(func.coalesce(missed.c.n, 0).desc(), Question.article_id, Question.id)
        .options(selectinload(Question.choices))
        .limit(1)
    )


def shuffled_choices(question: Question, user_id: int) -> list[Choice]:
    """The options in an order that varies by student but is stable across reloads."""
    choices = list(question.choices)
    random.Random(f"{user_id}:{question.id}").shuffle(choices)
    return choices


def review(user_id: int, question: Question, choice: Choice, now: datetime) -> MemoryState:
    """Record a practice answer and schedule the question's next review."""
    state = db.session.get(MemoryState, (user_id, question.id))
    if state is None:
        state = MemoryState(user_id=user_id, question_id=question.id, card=Card().to_dict())
        try:
            with db.session.begin_nested():
                db.session.add(state)
                state.due_at = now
                db.session.flush()
        except IntegrityError:
            # Another tab created it first: use that one.
            state = db.session.scalars(
                select(MemoryState)
                .where(MemoryState.user_id == user_id, MemoryState.question_id == question.id)
                .execution_options(populate_existing=True)
            ).one()
    rating = Rating.Good if choice.is_correct else Rating.Again
    card, _log = scheduler.review_card(
        Card.from_dict(cast(CardDict, state.card)), rating, review_datetime=now
    )
    state.card = dict(card.to_dict())
    state.due_at = card.due
    state.reviews = (state.reviews or 0) + 1
    state.lapses = (state.lapses or 0) + (0 if choice.is_correct else 1)
    state.last_review_at = now
    state.last_answer = choice.text
    state.last_correct = choice.is_correct
    db.session.flush()
    return state
