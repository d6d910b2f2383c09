"""Home page, articles, health check and error pages."""

from flask import Blueprint, Flask

bp = Blueprint("main", __name__)

from quizapp.main import errors, views  # noqa: E402,F401  (routes register on import)


def init_app(app: Flask) -> None:
    """Wire the app-wide error handlers and request ids."""
    from quizapp.bank.flags import flag_reasons
    from quizapp.kinds import kind_key, kind_label
    from quizapp.main.cloze import cloze
    from quizapp.main.services import highlight, split_at_span
    from quizapp.quiz.marks import mark
    from quizapp.states import GradeAction, Status
    from quizapp.teach.sharing import join_link, qr_svg, quiz_link
    from quizapp.zones import localtime

    errors.register(app)
    app.add_template_filter(highlight)
    app.add_template_filter(flag_reasons)
    app.add_template_filter(cloze)
    app.add_template_filter(mark)
    app.add_template_filter(kind_label)
    app.add_template_filter(kind_key)
    app.add_template_filter(localtime)
    app.add_template_global(split_at_span)
    for function in (qr_svg, quiz_link, join_link):
        app.add_template_global(function)
    # Templates compare states by name too, never by a bare string.
    app.add_template_global(Status, "Status")
    app.add_template_global(GradeAction, "GradeAction")
