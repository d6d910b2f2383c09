"""The teacher's home page."""

from __future__ import annotations

from flask import render_template
from flask_login import current_user

from quizapp.auth.guards import my_classrooms
from quizapp.teach import bp
from quizapp.teach.listings import latest_attempts, latest_quizzes, my_articles
from quizapp.teach.services import student_counts


@bp.get("/")
def dashboard() -> str:
    """My articles, quizzes, classes and the latest attempts at my quizzes."""
    classes = my_classrooms(current_user)
    return render_template(
        "teach/dashboard.html",
        articles=my_articles(current_user),
        quizzes=latest_quizzes(current_user),
        classes=classes,
        counts=student_counts([c.id for c in classes]),
        attempts=latest_attempts(current_user),
    )
