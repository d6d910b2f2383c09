"""Friendly error pages; every server error is logged with a request id the page shows."""

from __future__ import annotations

import uuid

from flask import Flask, Response, current_app, g, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DataError
from werkzeug.exceptions import HTTPException, InternalServerError

from quizapp.errors import NotFound
from quizapp.transactions import abandon

MESSAGES = {
    400: "The request could not be understood. Go back, check the form and try again.",
    403: "You do not have access to this page.",
    404: "This page does not exist (or is not yours to see).",
    405: "That action is not allowed here.",
    409: "That change clashes with another one. Reload the page and try again.",
    413: "What you sent is too large.",
    429: "Too many attempts in a short time. Wait a few minutes, then try again.",
    500: "Something went wrong on our side. It has been logged.",
    503: "The service is unavailable right now. Try again shortly.",
}


def register(app: Flask) -> None:
    """Attach the request id and the error handlers to the app."""

    @app.before_request
    def _request_id() -> None:
        g.request_id = request.headers.get("X-Request-Id", "")[:64] or uuid.uuid4().hex

    @app.after_request
    def _echo_request_id(response: Response) -> Response:
        response.headers["X-Request-Id"] = g.get("request_id", "")
        return response

    @app.errorhandler(DataError)
    @app.errorhandler(OverflowError)
    def _out_of_range(error: Exception) -> tuple[str, int]:
        # A number too large for the database's integer columns (e.g. ?quiz=10**20).
        abandon()
        return render_error(400, "A number in the request is out of range.")

    @app.errorhandler(NotFound)
    def _not_found(error: NotFound):
        # A service found no such record, or none this visitor may see: the same 404.
        return render_error(404, MESSAGES[404])

    @app.errorhandler(CSRFError)
    def _csrf(error: CSRFError) -> tuple[str, int]:
        message = "Your form expired or was not sent from this site. Reload the page and try again."
        return render_error(400, message)

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException) -> tuple[str, int]:
        code = error.code or 500
        if code >= 500:
            return _server_error(error)
        # A description given with abort() (or a limit's own message) says more than the
        # generic text for the code; a limit's default description is only its "10 per hour".
        if code == 429:
            custom = bool(getattr(getattr(error, "limit", None), "error_message", None))
        else:
            custom = error.description != type(error).description
        if code == 413 and not custom:
            return render_error(413, _too_large())
        description = error.description if custom else None
        return render_error(code, description or MESSAGES.get(code, ""))

    @app.errorhandler(Exception)
    def _server_error(error: Exception) -> tuple[str, int]:
        abandon()
        if isinstance(error, HTTPException) and error.code == 503:
            return render_error(503, MESSAGES[503])
        original = getattr(error, "original_exception", None) or error
        if not isinstance(original, InternalServerError):
            app.logger.error(
                "request %s failed: %s %s",
                g.get("request_id"),
                request.method,
                request.path,
                exc_info=original,
            )
        return render_error(500, MESSAGES[500])


def _too_large() -> str:
    """The 413 text, with the limits a teacher can act on."""
    limits = current_app.config
    article = limits["ARTICLE_MAX_BYTES"] / 1_000_000
    request_size = (limits.get("MAX_CONTENT_LENGTH") or 0) / 1_000_000
    return (
        f"{MESSAGES[413]} A request can hold at most {request_size:.3g} MB, and an article"
        f" at most {article:.3g} MB: shorten the text or split it, then try again."
    )


def render_error(code: int, message: str) -> tuple[str, int]:
    """Render the friendly error page for a status code."""
    return render_template("errors/error.html", code=code, message=message), code
