"""Enrolment: students join a class by its code (teachers run theirs in teach/classrooms.py)."""

from flask import Blueprint

bp = Blueprint("enrolment", __name__, url_prefix="/classes")

from quizapp.enrolment import views  # noqa: E402,F401  (routes register on import)
