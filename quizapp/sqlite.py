"""SQLite connection settings: foreign keys, WAL, lock waits and IMMEDIATE write transactions."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from quizapp.transactions import begins_writing


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
    # Which transactions write is decided in quizapp/transactions.py.
    if begins_writing(conn.get_execution_options()):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")
