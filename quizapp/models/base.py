"""Shared pieces of the data model: the declarative base, UTC timestamps, question kinds."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    DateTime,
    TypeDecorator,
)

from quizapp.extensions import Base, db

# db.Model is made at run time from Base (Flask-SQLAlchemy adds the table names and session);
# a type checker cannot follow that, so it checks the models against Base.
if TYPE_CHECKING:
    Model = Base
else:
    Model = db.Model

KINDS = ("who_said", "which_year", "which_rank", "number", "who_is")
KIND_LABELS = {
    "who_said": "Who said it",
    "which_year": "Which year",
    "which_rank": "Which ranking",
    "number": "Number",
    "who_is": "Who is who",
}


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


def new_session_token() -> str:
    """A fresh, unguessable session token (part of the login cookie)."""
    return secrets.token_urlsafe(32)


class UTCDateTime(TypeDecorator):
    """Timestamps stored in UTC and always returned timezone-aware (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an aware UTC one is required")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
