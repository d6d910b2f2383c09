"""Classes: create, roster with join code, remove a student, delete."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from quizapp.auth.guards import my_classrooms, owned_classroom
from quizapp.enrolment.services import enrollment_of
from quizapp.teach import bp
from quizapp.teach.forms import ActionForm, ClassForm, DeleteClassForm
from quizapp.teach.listings import assigned_quizzes
from quizapp.teach.services import (
    create_classroom,
    delete_classroom,
    roster,
    student_counts,
)
from quizapp.teach.undo import remove_enrollment
from quizapp.transactions import transaction, writes


@bp.route("/classes", methods=["GET", "POST"])
def class_list() -> str | Response | tuple[str, int]:
    """My classes with their student counts, and a form to create one."""
    form = ClassForm()
    if form.validate_on_submit():
        with transaction():
            classroom = create_classroom(form.name.data.strip(), current_user)
        flash(f"Class created. Its join code is {classroom.join_code}.", "success")
        return redirect(url_for("teach.class_detail", classroom_id=classroom.id))
    classes = my_classrooms(current_user)
    status = 400 if request.method == "POST" else 200
    return render_template(
        "teach/classes.html",
        form=form,
        classes=classes,
        counts=student_counts([c.id for c in classes]),
    ), status


@bp.get("/classes/<int:classroom_id>")
def class_detail(classroom_id: int) -> str:
    """A class: its join code, roster and assigned quizzes."""
    classroom = owned_classroom(classroom_id, current_user)
    quizzes = assigned_quizzes(classroom)
    return render_template(
        "teach/class.html",
        classroom=classroom,
        students=roster(classroom),
        quizzes=quizzes,
        action=ActionForm(),
        delete_form=DeleteClassForm(),
    )


@bp.post("/classes/<int:classroom_id>/students/<int:user_id>/remove")
@writes
def remove_student(classroom_id: int, user_id: int) -> Response:
    """Take a student out of the class (their past attempts stay)."""
    classroom = owned_classroom(classroom_id, current_user)
    enrollment = enrollment_of(classroom, user_id)
    name = enrollment.user.display_name
    remove_enrollment(enrollment, current_user, f"{name} was removed from {classroom.name}.")
    return redirect(url_for("teach.class_detail", classroom_id=classroom.id))


@bp.post("/classes/<int:classroom_id>/delete")
@writes
def class_delete(classroom_id: int) -> Response | tuple[str, int]:
    """Delete a class once the teacher ticked the confirmation."""
    classroom = owned_classroom(classroom_id, current_user)
    form = DeleteClassForm()
    if not form.validate_on_submit():
        flash("Tick the confirmation box to delete the class.", "error")
        return redirect(url_for("teach.class_detail", classroom_id=classroom.id))
    name = classroom.name
    delete_classroom(classroom)
    flash(f"Class “{name}” deleted.", "success")
    return redirect(url_for("teach.class_list"))
