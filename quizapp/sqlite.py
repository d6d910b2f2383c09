"""SQLite connection settings: foreign keys, WAL, lock waits and IMMEDIATE write transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from quizapp.extensions import db

READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Execution options marking a transaction that only reads, or that will write, whatever the
# request method.
READ_ONLY = "quizapp_read_only"
WRITE = "quizapp_write"


def _is_sqlite(dbapi_connection: Any) -> bool:
    return type(dbapi_connection).__module__.startswith("sqlite3")


@event.listens_for(Engine, "connect")
def _on_connect(dbapi_connection: Any, connection_record: Any) -> None:
    """Enforce foreign keys, use WAL and wait for locks on every SQLite connection."""
    if not _is_sqlite(dbapi_connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    # In WAL mode NORMAL stays consistent and survives a killed process; it skips an fsync
    # per commit, the main cost of every write.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    # SQLAlchemy's documented recipe: let us emit BEGIN ourselves (see _on_begin).
    dbapi_connection.isolation_level = None


@event.listens_for(Engine, "begin")
def _on_begin(conn: Connection) -> None:
    """Writes take the lock at BEGIN, so a busy database makes them wait, not fail mid-way."""
    if conn.dialect.name != "sqlite":
        return
    # A deferred transaction that later needs to write cannot wait for the lock (SQLITE_BUSY at
    # once); an IMMEDIATE one waits busy_timeout. Reads stay deferred so they never queue.
    options = conn.get_execution_options()
    if options.get(WRITE, False):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif options.get(READ_ONLY, False) or (
        has_request_context() and request.method in READ_ONLY_METHODS
    ):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


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


def inserted(record: object) -> bool:
    """Add and flush a record in a savepoint; False when a unique constraint refused it.

    The database settles races (no check-then-insert); the rest of the transaction stays.
    """
    try:
        with db.session.begin_nested():
            db.session.add(record)
            db.session.flush()
    except IntegrityError:
        return False
    return True


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
    reading = has_request_context() and request.method in READ_ONLY_METHODS
    if session.in_transaction():
        if not reading or session.dirty or session.new or session.deleted:
            yield
            return
        # A GET has only read so far: end that read so the writes can take the lock up front.
        session.commit()
    with _own_transaction(WRITE):
        yield
