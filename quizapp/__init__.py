"""quizapp: turn a news article into a quiz."""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path
from typing import Any

from flask import Flask

# sqlite and ratelimit register themselves (connection settings, the quizapp+db:// storage).
from quizapp import ratelimit, security, sqlite, transactions  # noqa: F401
from quizapp.extensions import csrf, db, limiter, login_manager, migrate

MIGRATIONS_DIR = str(Path(__file__).resolve().parent.parent / "migrations")


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the Flask application: config, extensions, blueprints."""
    app = Flask(__name__, instance_relative_config=True)
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI="sqlite:///" + os.path.join(app.instance_path, "quizapp.sqlite"),
        SQLALCHEMY_ENGINE_OPTIONS={"pool_pre_ping": True},
        MAX_CONTENT_LENGTH=2 * 1024 * 1024,
        # The largest article a teacher may import (UTF-8 bytes); the request limits follow it.
        ARTICLE_MAX_BYTES=1_000_000,
        SEEDS_DIR=str(Path(__file__).resolve().parent.parent / "seeds"),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        WTF_CSRF_TIME_LIMIT=None,
        # Counters live in the database so every worker shares them; redis://… works too.
        RATELIMIT_STORAGE_URI="quizapp+db://",
        RATELIMIT_STRATEGY="fixed-window",
        RATELIMIT_HEADERS_ENABLED=True,
        # Failed attempts only (see auth/throttle.py and the README's Throttling section).
        LOGIN_LIMIT_PER_ACCOUNT_ADDRESS="10 per 5 minutes",
        LOGIN_LIMIT_PER_ACCOUNT="100 per hour",
        LOGIN_LIMIT_PER_ADDRESS="300 per 5 minutes",
        JOIN_LIMIT_PER_ACCOUNT="10 per 15 minutes",
        JOIN_LIMIT_PER_ADDRESS="100 per 15 minutes",
        REGISTER_LIMIT_PER_ADDRESS="100 per hour",
        # Host names or addresses on a private network that article import may fetch from
        # (a school intranet); a list, or comma-separated in FLASK_IMPORT_ALLOWED_HOSTS.
        IMPORT_ALLOWED_HOSTS="",
        IMPORT_URL_LIMIT_PER_USER="30 per hour",
    )
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env()
        if os.environ.get("DATABASE_URL"):
            app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
        if os.environ.get("SECRET_KEY"):
            app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    else:
        app.config.from_mapping(test_config)
    app.config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(
        app.config["SQLALCHEMY_DATABASE_URI"]
    )
    agree_request_limits(app.config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = shared_secret_key(Path(app.instance_path))

    from quizapp.ids import IdConverter

    # Before any blueprint adds its routes: every `<int:id>` is bounded to the key range.
    app.url_map.converters["int"] = IdConverter
    db.init_app(app)
    migrate.init_app(app, db, directory=MIGRATIONS_DIR, render_as_batch=True)
    csrf.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)
    transactions.init_app(app)

    from quizapp import auth, cli, enrolment, main, practice, progress, quiz, reports, teach

    for blueprint in (
        main.bp,
        auth.bp,
        quiz.bp,
        progress.bp,
        practice.bp,
        teach.bp,
        enrolment.bp,
        reports.bp,
    ):
        app.register_blueprint(blueprint)
    cli.init_app(app)
    security.init_app(app)
    main.init_app(app)
    return app


def agree_request_limits(config: dict[str, Any]) -> None:
    """Raise Flask's request limits so an article over ARTICLE_MAX_BYTES still reaches its form.

    Werkzeug answered a bare 413 to pastes over MAX_FORM_MEMORY_SIZE (500,000 bytes), below the
    article limit. Twice the limit lets the form itself say the text is too long.
    """
    article = config["ARTICLE_MAX_BYTES"]
    config["MAX_FORM_MEMORY_SIZE"] = max(config.get("MAX_FORM_MEMORY_SIZE") or 0, 2 * article)
    # The article field, the other fields and the multipart framing.
    needed = 2 * article + 64 * 1024
    config["MAX_CONTENT_LENGTH"] = max(config.get("MAX_CONTENT_LENGTH") or 0, needed)


def normalise_database_url(url: str) -> str:
    """Point bare PostgreSQL URLs at psycopg 3, the driver we ship."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def shared_secret_key(instance: Path) -> str:
    """Read the instance's secret key, creating it once so every worker signs alike."""
    path = instance / "secret_key"
    try:
        # O_EXCL: when several workers start at once exactly one writes the key.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    for _ in range(50):
        key = path.read_text().strip()
        if key:
            return key
        # Another worker created the file but has not written it yet.
        time.sleep(0.01)
    raise RuntimeError(f"secret key file {path} is empty")
