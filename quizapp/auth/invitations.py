"""One-time invitation codes with which imported students set their first password."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import select, update

from quizapp.extensions import db
from quizapp.models import Invitation, User, utcnow

# Not an argon2 hash, so no password ever verifies against it.
NO_PASSWORD = "!invited"
VALID_FOR = timedelta(days=30)
# No look-alikes (0/O, 1/I/L): the code may be read from paper and typed.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 12


def _digest(code: str) -> str:
    """The stored form of a code (codes are random, so a plain hash is enough)."""
    folded = "".join(code.split()).replace("-", "").upper()
    return hashlib.sha256(folded.encode()).hexdigest()


def format_code(code: str) -> str:
    """A code in groups of four, easier to read aloud."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def new_invitation(user: User, teacher: User | None) -> str:
    """Make a fresh code for the user, ending their earlier ones; returns the code (shown once)."""
    now = utcnow()
    db.session.execute(
        update(Invitation)
        .where(Invitation.user_id == user.id, Invitation.used_at.is_(None))
        .values(used_at=now)
    )
    code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    db.session.add(
        Invitation(
            user_id=user.id,
            code_hash=_digest(code),
            created_by_id=teacher.id if teacher else None,
            expires_at=now + VALID_FOR,
        )
    )
    return format_code(code)


def open_invitation(code: str) -> Invitation | None:
    """The unused, unexpired invitation with this code, if any."""
    return db.session.scalar(
        select(Invitation).where(
            Invitation.code_hash == _digest(code),
            Invitation.used_at.is_(None),
            Invitation.expires_at > utcnow(),
        )
    )
