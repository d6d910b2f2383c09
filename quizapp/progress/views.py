"""The progress page."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user, login_required

from quizapp.models import utcnow
from quizapp.progress import bp
from quizapp.progress.services import (
    chart_points,
    history,
    mastery_by_article,
    mastery_by_kind,
    most_missed,
    practice_outlook,
)
from quizapp.quiz.attempts import close_expired
from quizapp.quiz.visibility import key_hidden


@bp.get("/")
@login_required
def overview() -> str:
    """Attempts over time, mastery per kind and article, most missed, what to practise next."""
    close_expired(user_id=current_user.id)
    rows = history(current_user.id)
    now = utcnow()
    hidden = key_hidden(current_user, now)
    return render_template(
        "progress/overview.html",
        rows=rows,
        points=chart_points(rows),
        by_kind=mastery_by_kind(current_user.id, hidden),
        by_article=mastery_by_article(current_user.id, hidden),
        missed=most_missed(current_user.id, hidden),
        outlook=practice_outlook(current_user.id, now, hidden),
        now=now,
    )
