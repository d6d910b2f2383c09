"""Who may see which report: teachers their own quizzes and classes, admins everything."""

from __future__ import annotations

from flask import abort

from quizapp.extensions import db
from quizapp.models import Classroom, Quiz, User


def sees_all(user: User | None) -> bool:
    """Admins (and the command line, which has no user) see every teacher's data."""
    return user is None or user.role == "admin"


def owned_quiz(quiz_id: int, user: User) -> Quiz:
    """The quiz if this user owns it (or is an admin); 404 otherwise."""
    quiz = db.get_or_404(Quiz, quiz_id)
    if not sees_all(user) and quiz.owner_id != user.id:
        abort(404)
    return quiz


def owned_class(class_id: int, user: User) -> Classroom:
    """The class if this user teaches it (or is an admin); 404 otherwise."""
    classroom = db.get_or_404(Classroom, class_id)
    if not sees_all(user) and classroom.teacher_id != user.id:
        abort(404)
    return classroom
