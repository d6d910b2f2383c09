"""The ceiling: a bare Flask app with one route, served like quizapp for comparison."""

from __future__ import annotations

from flask import Flask


def create_app() -> Flask:
    """A Flask app whose only route answers "hello"."""
    app = Flask(__name__)

    @app.get("/")
    def hello() -> str:
        """Answer with a constant body."""
        return "hello"

    return app
