"""Flask-Limiter storage in the app's own database (every worker and host shares the counts), and
the helpers every feature's limits use: limits read from the config, failures only, by address.
"""

from __future__ import annotations

import ipaddress
import random
import time
from collections.abc import Callable
from typing import cast

from flask import current_app, request
from limits.storage import Storage
from sqlalchemy import Table, case, delete, select
from sqlalchemy.dialects.postgresql import Insert as PgInsert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import Insert as SqliteInsert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.wrappers import Response

from quizapp.extensions import db
from quizapp.models import RateLimit
from quizapp.transactions import READ_ONLY

# A mapped class's __table__ is its Table (typed as the wider FromClause).
TABLE = cast(Table, RateLimit.__table__)
INSERTS: dict[str, Callable[[Table], SqliteInsert | PgInsert]] = {
    "sqlite": sqlite_insert,
    "postgresql": pg_insert,
}


def _reader() -> Connection:
    """A connection for reads: on SQLite it must not queue for the write lock (sqlite.py)."""
    return db.engine.connect().execution_options(**{READ_ONLY: True})


class DatabaseStorage(Storage):
    """Fixed-window counters in the `rate_limit` table (SQLite or PostgreSQL)."""

    STORAGE_SCHEME = ["quizapp+db"]

    @property
    def base_exceptions(self) -> type[Exception]:
        """Errors Flask-Limiter may swallow when RATELIMIT_SWALLOW_ERRORS is set."""
        return SQLAlchemyError

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        """Count a hit atomically, starting a new window when the old one has expired."""
        now = time.time()
        insert = INSERTS[db.engine.dialect.name]
        expired = TABLE.c.expires_at <= now
        statement = (
            insert(TABLE)
            .values(key=key, hits=amount, expires_at=now + expiry)
            .on_conflict_do_update(
                index_elements=[TABLE.c.key],
                set_={
                    "hits": case((expired, amount), else_=TABLE.c.hits + amount),
                    "expires_at": case((expired, now + expiry), else_=TABLE.c.expires_at),
                },
            )
            .returning(TABLE.c.hits)
        )
        # Its own short transaction: counts must stick even when the request rolls back.
        with db.engine.begin() as conn:
            hits = conn.execute(statement).scalar_one()
            if random.random() < 0.01:  # now and then, sweep windows long gone
                conn.execute(delete(TABLE).where(TABLE.c.expires_at < now - 3600))
        return hits

    def get(self, key: str) -> int:
        """Hits in the current window of a key."""
        with _reader() as conn:
            hits = conn.execute(
                select(TABLE.c.hits).where(TABLE.c.key == key, TABLE.c.expires_at > time.time())
            ).scalar()
        return hits or 0

    def get_expiry(self, key: str) -> float:
        """When the current window of a key ends (epoch seconds)."""
        with _reader() as conn:
            expires = conn.execute(select(TABLE.c.expires_at).where(TABLE.c.key == key)).scalar()
        return expires or time.time()

    def check(self) -> bool:
        """Whether the database answers."""
        try:
            with _reader() as conn:
                conn.execute(select(1))
            return True
        except SQLAlchemyError:
            return False

    def reset(self) -> int | None:
        """Forget every counter."""
        with db.engine.begin() as conn:
            return conn.execute(delete(TABLE)).rowcount

    def clear(self, key: str) -> None:
        """Forget one counter."""
        with db.engine.begin() as conn:
            conn.execute(delete(TABLE).where(TABLE.c.key == key))


def config_limit(name: str) -> Callable[[], str]:
    """A limit string read from the config at request time."""
    return lambda: current_app.config[name]


def failed(response: Response) -> bool:
    """Whether a guess failed (a form answered 400): only those count against a limit."""
    return response.status_code == 400


def client_address() -> str:
    """The client's address; an IPv6 client by its /64, which one subscriber usually holds."""
    address = request.remote_addr or "unknown"
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)
