"""Accounts, classes and who belongs to which: users, classrooms, enrolments, invitations."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from flask_login import UserMixin
from sqlalchemy import Boolean, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.models.base import Model, UTCDateTime, new_session_token, utcnow
from quizapp.states import Role, sql_in

if TYPE_CHECKING:
    from quizapp.models.quizzes import Attempt


class User(UserMixin, Model):
    """A person who logs in: student, teacher or admin."""

    __table_args__ = (CheckConstraint(sql_in("role", Role), name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(10), default=Role.STUDENT)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Part of the login cookie: rotating it ends every session of the account.
    session_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_session_token)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # A real name beside the username, for rosters and gradebooks (both optional).
    first_name: Mapped[str | None] = mapped_column(String(80))
    last_name: Mapped[str | None] = mapped_column(String(80))
    # An IANA zone name ("Europe/Paris"): dates are typed and shown in it; None means UTC.
    timezone: Mapped[str | None] = mapped_column(String(64))

    attempts: Mapped[list[Attempt]] = relationship(back_populates="user")
    enrollments: Mapped[list[Enrollment]] = relationship(back_populates="user")

    @property
    def is_active(self) -> bool:
        """Disabled accounts cannot log in."""
        return self.active

    def get_id(self) -> str:
        """Flask-Login identifier: the rotating token, not the primary key."""
        return self.session_token

    def end_sessions(self) -> None:
        """End every session of the account: the login cookie names a token that is now gone."""
        self.session_token = new_session_token()

    @property
    def display_name(self) -> str:
        """First and last name when given, else the username."""
        name = " ".join(p for p in (self.first_name, self.last_name) if p)
        return name or self.username

    @property
    def invited(self) -> bool:
        """An imported account whose owner has not set a password yet (see auth/invitations)."""
        return self.password_hash.startswith("!")

    @property
    def is_teacher(self) -> bool:
        """Teachers and admins may use the teaching pages."""
        return self.role in (Role.TEACHER, Role.ADMIN)


class Classroom(Model):
    """A teacher's class, joined by students with a code."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    join_code: Mapped[str] = mapped_column(String(12), unique=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    enrollments: Mapped[list[Enrollment]] = relationship(
        back_populates="classroom", cascade="all, delete-orphan"
    )


class Enrollment(Model):
    """A student's membership of a class."""

    classroom_id: Mapped[int] = mapped_column(
        ForeignKey("classroom.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    classroom: Mapped[Classroom] = relationship(back_populates="enrollments")
    user: Mapped[User] = relationship(back_populates="enrollments")


class Assignment(Model):
    """A quiz set for a class."""

    quiz_id: Mapped[int] = mapped_column(
        ForeignKey("quiz.id", ondelete="CASCADE"), primary_key=True
    )
    classroom_id: Mapped[int] = mapped_column(
        ForeignKey("classroom.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Invitation(Model):
    """A one-time code with which an imported student sets their first password."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    # Only a hash is stored: the code itself is shown once, to the teacher who imported.
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship(foreign_keys=[user_id])
