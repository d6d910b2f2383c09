"""Accommodations: a teacher gives one student extra time or extra attempts on a quiz."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response
from wtforms import IntegerField, SelectField, SubmitField
from wtforms.validators import InputRequired, NumberRange, Optional

from quizapp.auth.guards import owned_quiz
from quizapp.quiz.accommodations import (
    limits,
    quiz_overrides,
    quiz_students,
    remove_override,
    set_override,
)
from quizapp.teach import bp
from quizapp.teach.forms import ActionForm
from quizapp.transactions import transaction, writes


class OverrideForm(FlaskForm):
    """Extra time as a percentage and/or minutes, and extra attempts, for one student."""

    user_id = SelectField("Student", coerce=int, validators=[InputRequired()])
    extra_time_pct = IntegerField(
        "Extra time (%)",
        validators=[Optional(), NumberRange(min=1, max=500, message="Give 1 to 500 percent.")],
        description="Of the quiz's time limit: 25% of 40 minutes adds 10 minutes.",
    )
    extra_time_min = IntegerField(
        "…and/or extra minutes",
        validators=[Optional(), NumberRange(min=1, max=1440, message="Give 1 to 1440 minutes.")],
    )
    extra_attempts = IntegerField(
        "Extra attempts",
        default=0,
        validators=[Optional(), NumberRange(min=0, max=100, message="Give 0 to 100 attempts.")],
    )
    submit = SubmitField("Save accommodation")

    def validate(self, extra_validators=None) -> bool:
        """An accommodation must change something."""
        if not super().validate(extra_validators):
            return False
        if not (self.extra_time_pct.data or self.extra_time_min.data or self.extra_attempts.data):
            self.extra_attempts.errors.append("Give extra time, extra attempts or both.")
            return False
        return True


@bp.route("/quizzes/<int:quiz_id>/accommodations", methods=["GET", "POST"])
def accommodations(quiz_id: int) -> str | Response | tuple[str, int]:
    """List and set per-student extra time and extra attempts on a quiz."""
    quiz = owned_quiz(quiz_id, current_user)
    form = OverrideForm()
    students = quiz_students(quiz.id)
    form.user_id.choices = [(s.id, f"{s.display_name} ({s.username})") for s in students]
    if form.validate_on_submit():
        with transaction():
            set_override(
                quiz.id,
                form.user_id.data,
                form.extra_time_pct.data or None,
                form.extra_time_min.data or None,
                form.extra_attempts.data or 0,
            )
        flash("Accommodation saved: it applies to the student's next attempt.", "success")
        return redirect(url_for("teach.accommodations", quiz_id=quiz.id))
    overrides = quiz_overrides(quiz.id)
    status = 400 if request.method == "POST" else 200
    return render_template(
        "teach/accommodations.html",
        quiz=quiz,
        form=form,
        overrides=[(o, limits(quiz, o)) for o in overrides],
        action=ActionForm(),
    ), status


@bp.post("/quizzes/<int:quiz_id>/accommodations/<int:user_id>/remove")
@writes
def accommodation_remove(quiz_id: int, user_id: int) -> Response:
    """End a student's accommodation (attempts already started keep their deadline)."""
    quiz = owned_quiz(quiz_id, current_user)
    remove_override(quiz.id, user_id)
    flash("Accommodation removed.", "success")
    return redirect(url_for("teach.accommodations", quiz_id=quiz.id))
