"""Import a class roster from a CSV file: everything checked first, then all or nothing."""

from __future__ import annotations

from flask import render_template, request, url_for
from flask_login import current_user

from quizapp.auth.guards import owned_classroom
from quizapp.auth.invitations import new_invitation
from quizapp.teach import bp
from quizapp.teach.roster import (
    Imported,
    RosterError,
    check_roster,
    import_roster,
    invited_student,
)
from quizapp.teach.roster_forms import RosterForm
from quizapp.transactions import set_rollback, transaction, writes


@bp.route("/classes/<int:classroom_id>/roster", methods=["GET", "POST"])
def roster_import(classroom_id: int) -> str | tuple[str, int]:
    """Check a roster file line by line; import it only when every line is right."""
    classroom = owned_classroom(classroom_id, current_user)
    form = RosterForm()
    problems: list[tuple[int, str]] = []
    if form.validate_on_submit():
        text = form.roster_text()
        if text is not None:
            try:
                with transaction():
                    check = check_roster(text)
                    done = (
                        import_roster(check, classroom, current_user)
                        if not check.problems
                        else None
                    )
                    if done is None:
                        set_rollback()  # all or nothing: a roster with a bad line adds no one
            except RosterError as error:
                form.upload.errors.append(str(error))
            else:
                problems = check.problems
                if done is not None and not problems:
                    # Shown once, never stored: the codes exist only as hashes from now on.
                    return render_template(
                        "teach/roster_done.html",
                        classroom=classroom,
                        done=done,
                        invite_url=url_for("auth.invite", _external=True),
                    )
    status = 400 if request.method == "POST" else 200
    return render_template(
        "teach/roster_import.html", classroom=classroom, form=form, problems=problems
    ), status


@bp.post("/classes/<int:classroom_id>/students/<int:user_id>/invite")
@writes
def reissue_invitation(classroom_id: int, user_id: int) -> str:
    """A new one-time code for a student of the class who has not set a password yet."""
    classroom = owned_classroom(classroom_id, current_user)
    student = invited_student(classroom, user_id)
    code = new_invitation(student, current_user)
    done = Imported(created=[(student, code)])
    return render_template(
        "teach/roster_done.html",
        classroom=classroom,
        done=done,
        invite_url=url_for("auth.invite", _external=True),
        reissued=True,
    )
