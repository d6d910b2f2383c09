"""Password hashing and account creation."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import bindparam, select

from quizapp.extensions import db
from quizapp.models import User
from quizapp.states import Role

# OWASP's argon2id profile: 19 MiB of memory, 2 passes, 1 lane.
hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
# Verified when the username is unknown, so both paths take the same time.
_DUMMY_HASH = hasher.hash("not a real password")


@cache
def _common_passwords() -> frozenset[str]:
    # zxcvbn ships the 30,000 most common leaked passwords; loaded once, on first use.
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


def is_common_password(password: str) -> bool:
    """Whether a password is among the most common leaked ones (case-insensitive)."""
    return password.casefold() in _common_passwords()


# zxcvbn's score (0 to 4) an account needs: teachers and admins hold other people's data.
MIN_SCORE: dict[str, int] = {Role.STUDENT: 2, Role.TEACHER: 3, Role.ADMIN: 3}
ZXCVBN_MAX = 72  # zxcvbn refuses longer input; a longer password is at least as strong as this


def weak_password_message(password: str, *, role: str, username: str = "") -> str | None:
    """Why a password is too easy to guess for this role (zxcvbn's own advice), or None."""
    from zxcvbn import zxcvbn  # its dictionaries load on first use, not at app start

    result = zxcvbn(password[:ZXCVBN_MAX], user_inputs=[username] if username else [])
    if result["score"] >= MIN_SCORE.get(role, MIN_SCORE[Role.TEACHER]):
        return None
    feedback = result["feedback"]
    advice = [text for text in (feedback["warning"], *feedback["suggestions"]) if text]
    advice = advice or ["Add another word or two. Uncommon words are better."]
    return " ".join(["This password is too easy to guess.", *advice])


def hash_password(password: str) -> str:
    """Hash a password with argon2id."""
    return hasher.hash(password)


def verify_password(user: User | None, password: str) -> bool:
    """Check a password in constant-ish time, even for unknown users."""
    try:
        return hasher.verify(user.password_hash if user else _DUMMY_HASH, password) and bool(user)
    except (VerificationError, InvalidHashError):
        return False


def normalise_username(username: str) -> str:
    """Usernames compare case-insensitively, so store them folded."""
    return username.strip().lower()


def find_user(username: str) -> User | None:
    """The user with this username, if any."""
    return db.session.scalar(select(User).where(User.username == normalise_username(username)))


# Built once: every signed-in request runs it (the values are bound per call).
_BY_SESSION = select(User).where(User.session_token == bindparam("token"), User.active.is_(True))


def user_by_session(token: str) -> User | None:
    """The active user whose current session token this is."""
    return db.session.scalar(_BY_SESSION, {"token": token})


def create_user(username: str, password: str, role: str = Role.STUDENT) -> User:
    """Add a user (the caller commits; a duplicate raises IntegrityError on flush)."""
    user = User(
        username=normalise_username(username), password_hash=hash_password(password), role=role
    )
    db.session.add(user)
    db.session.flush()
    return user
