"""Shared set-up for the report and export tests: classes, enrolments and finished attempts.

Building attempts directly (not through the quiz pages) lets a test fix exactly which option
each student picked; everything is then checked through the HTTP client or the CLI.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from quizapp.auth.services import create_user
from quizapp.extensions import db
from quizapp.models import Assignment, Attempt, Classroom, Enrollment, Quiz, Response, utcnow
from tests.conftest import PASSWORD


def make_class(*, teacher_id: int, name: str, code: str, quizzes=(), students=()) -> Classroom:
    """A class with its students enrolled and quizzes assigned."""
    classroom = Classroom(name=name, join_code=code, teacher_id=teacher_id)
    db.session.add(classroom)
    db.session.flush()
    for user in students:
        db.session.add(Enrollment(classroom_id=classroom.id, user_id=user.id))
    for quiz in quizzes:
        db.session.add(Assignment(classroom_id=classroom.id, quiz_id=quiz.id))
    db.session.commit()
    return classroom


def make_attempt(*, quiz: Quiz, user, picks, submitted: bool = True) -> Attempt:
    """An attempt answering the quiz's questions in order: option index per question, or None.

    Index 0 is the right answer (the factories put it first).
    """
    number = 1 + db.session.scalar(
        select(func.count())
        .select_from(Attempt)
        .where(Attempt.quiz_id == quiz.id, Attempt.user_id == user.id)
    )
    started = utcnow() - timedelta(minutes=10)
    attempt = Attempt(
        quiz=quiz, user_id=user.id, number=number, started_at=started, max_score=len(picks)
    )
    for position, (item, pick) in enumerate(zip(quiz.items, picks, strict=True)):
        question = item.question
        choice = question.choices[pick] if pick is not None else None
        attempt.responses.append(
            Response(
                question=question,
                position=position,
                choice_order=[c.id for c in question.choices],
                choice_id=choice.id if choice else None,
                is_correct=choice.is_correct if choice else None,
            )
        )
    if submitted:
        attempt.submitted_at = started + timedelta(minutes=5)
        attempt.score = sum(1 for r in attempt.responses if r.is_correct)
    db.session.add(attempt)
    db.session.commit()
    return attempt


def user(username: str, role: str = "student"):
    """Create a user directly (any username, even one registration would refuse)."""
    created = create_user(username, PASSWORD, role)
    db.session.commit()
    return created
