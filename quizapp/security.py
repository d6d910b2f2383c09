"""Browser-facing protections: security headers and refusal of hostile form input."""

from __future__ import annotations

from flask import Flask, Response, abort, request
from flask_login import current_user
from werkzeug.middleware.proxy_fix import ProxyFix

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ]
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def init_app(app: Flask) -> None:
    """Add the security headers to every response and screen form input."""

    app.config.setdefault("MAX_FORM_FIELDS", 1000)
    proxies = int(app.config.get("TRUSTED_PROXIES", 0) or 0)
    if proxies:
        # Behind N reverse proxies: take the client's address and scheme from their headers,
        # so throttling counts students, not the proxy, and HTTPS is recognised.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)  # type: ignore[method-assign]

    @app.after_request
    def _headers(response: Response) -> Response:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        # Results, progress, teacher pages and exports must not linger in a shared computer's
        # cache or a proxy: nothing shown to a signed-in user is stored anywhere.
        if request.endpoint != "static" and current_user.is_authenticated:
            response.headers["Cache-Control"] = "no-store"
        return response

    @app.before_request
    def _screen_form() -> None:
        # No text field has a use for NUL, and PostgreSQL cannot store it: refuse it up front.
        if request.method in ("POST", "PUT", "PATCH"):
            # Werkzeug caps multipart parts, not urlencoded fields; no form here has 1,000.
            if len(request.form) + len(request.files) > app.config["MAX_FORM_FIELDS"]:
                abort(413)
            values = [*request.args.values(), *request.form.values()]
            if any("\x00" in value for value in values):
                abort(400, "The form contains characters that are not allowed.")
