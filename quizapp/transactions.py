"""Transactions: read and write phases, savepoints, and the one place that commits.

Views never commit or roll back by hand. A view that writes is decorated with `@writes` (or
wraps its writes in `with transaction():` when it turns a refusal into a page of its own):
the unit of work commits when it ends and rolls back when it raises. A service adds and
flushes; it may end its reads early with `read_phase()` and run a write from a GET (closing
expired attempts) with `write_phase()`.

Which kind of transaction a request begins is decided here, once per request: GET, HEAD and
OPTIONS read, every other method writes. On SQLite a writing transaction takes the write lock
at BEGIN (see quizapp/sqlite.py); PostgreSQL begins both alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from flask import Flask, g, has_app_context, request, request_started
from sqlalchemy.exc import IntegrityError

from quizapp.extensions import db

READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Execution options marking a transaction that only reads, or that will write, whatever the
# request's own kind.
READ_ONLY = "quizapp_read_only"
WRITE = "quizapp_write"
_KIND = "quizapp_transaction_kind"  # in `g`: READ_ONLY or WRITE, the request's default
_ROLLBACK = "quizapp_rollback"  # in `g`: the current unit of work ends with a rollback
_DEPTH = "quizapp_unit_depth"  # in `g`: how many `transaction()` blocks are open

P = ParamSpec("P")
R = TypeVar("R")


def init_app(app: Flask) -> None:
    """Decide each request's kind of transaction from its method, before any query."""

    # request_started: before every before_request hook, some of which query (rate limits).
    request_started.connect(_choose_kind, app)
    app.teardown_request(_forget_kind)


def _choose_kind(_sender: Flask, **_extra: object) -> None:
    g.setdefault(_KIND, READ_ONLY if request.method in READ_ONLY_METHODS else WRITE)


def _forget_kind(_error: BaseException | None) -> None:
    # A test's app context may outlive its requests: nothing leaks into what follows.
    g.pop(_KIND, None)


def request_reads_only() -> bool:
    """Whether the current request's transactions only read (a GET, HEAD or OPTIONS)."""
    return has_app_context() and g.get(_KIND) == READ_ONLY


def begins_writing(options: dict[str, Any]) -> bool:
    """Whether a transaction begun with these execution options will write.

    Outside a request (the command line, tests) a transaction writes unless marked READ_ONLY.
    """
    if options.get(WRITE, False):
        return True
    if options.get(READ_ONLY, False):
        return False
    return not request_reads_only()


@contextmanager
def transaction() -> Iterator[None]:
    """A unit of work: committed when the block ends, rolled back when it raises.

    Nested blocks join the outermost one, which alone commits.
    """
    depth = g.get(_DEPTH, 0)
    if depth == 0:
        g.pop(_ROLLBACK, None)
    setattr(g, _DEPTH, depth + 1)
    try:
        yield
    except BaseException:
        if depth == 0:
            db.session.rollback()
        raise
    finally:
        setattr(g, _DEPTH, depth)
    if depth == 0:
        if g.pop(_ROLLBACK, False):
            db.session.rollback()
        else:
            db.session.commit()


def set_rollback() -> None:
    """End the current unit of work with a rollback instead of a commit (nothing it did stays)."""
    setattr(g, _ROLLBACK, True)


def writes(view: Callable[P, R]) -> Callable[P, R]:
    """Run a view as one unit of work: commit after it returns, roll back if it raises."""

    @wraps(view)
    def unit_of_work(*args: P.args, **kwargs: P.kwargs) -> R:
        with transaction():
            return view(*args, **kwargs)

    return unit_of_work


@contextmanager
def _own_transaction(option: str) -> Iterator[None]:
    """A transaction of its own, begun with an execution option and committed at the end."""
    session = db.session()
    session.connection(execution_options={option: True})
    try:
        yield
    except BaseException:
        session.rollback()
        raise
    session.commit()


@contextmanager
def read_phase() -> Iterator[None]:
    """Do a request's reads in a transaction that takes no write lock, then end it.

    Objects loaded inside stay usable (the session does not expire them on commit); the
    writes that follow begin their own short transaction. On SQLite this keeps the write
    lock for the writes alone instead of for the whole request. Nothing is written inside,
    so ending it with a commit only keeps the loaded state.
    """
    if db.session().in_transaction():
        # Already inside a transaction (which may have written): leave it as it is.
        yield
        return
    with _own_transaction(READ_ONLY):
        yield


@contextmanager
def write_phase() -> Iterator[None]:
    """Run writes in their own transaction, committed at the end (even within a GET).

    Inside a writing request's transaction it simply joins it: that request commits.
    """
    session = db.session()
    reading = request_reads_only()
    if session.in_transaction():
        if not reading or session.dirty or session.new or session.deleted:
            yield
            return
        # A GET has only read so far: end that read so the writes can take the lock up front.
        session.commit()
    with _own_transaction(WRITE):
        yield


def inserted(record: object) -> bool:
    """Add and flush a record in a savepoint; False when a unique constraint refused it.

    The database settles races (no check-then-insert); the rest of the unit of work stays.
    """
    try:
        with db.session.begin_nested():
            db.session.add(record)
            db.session.flush()
    except IntegrityError:
        return False
    return True


def abandon() -> None:
    """Roll back whatever the session holds, when an error page or status answers instead."""
    db.session.rollback()
