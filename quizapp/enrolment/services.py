"""Class membership: finding a class by its join code, joining it, leaving it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from quizapp.errors import NotFound
from quizapp.extensions import db
from quizapp.models import Classroom, Enrollment, User


def classroom_by_code(code: str) -> Classroom | None:
    """The class with this join code (codes are case-insensitive)."""
    return db.session.scalar(select(Classroom).where(Classroom.join_code == code.strip().upper()))


def enroll(user: User, classroom: Classroom) -> None:
    """Put a student in a class (a duplicate raises IntegrityError on flush)."""
    db.session.add(Enrollment(user_id=user.id, classroom_id=classroom.id))
    db.session.flush()


def enrollment_of(classroom: Classroom, user_id: int) -> Enrollment:
    """A student's membership of a class, with the student, else NotFound."""
    enrollment = db.session.scalar(
        select(Enrollment)
        .where(Enrollment.classroom_id == classroom.id, Enrollment.user_id == user_id)
        .options(selectinload(Enrollment.user))
    )
    if enrollment is None:
        raise NotFound(f"student {user_id} in class {classroom.id}")
    return enrollment
