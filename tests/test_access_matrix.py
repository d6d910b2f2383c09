"""Every GET route × every kind of visitor: who sees what, and no object reachable by its id."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Assignment, Classroom, Enrollment, MemoryState, User, utcnow
from quizapp.quiz.attempts import start_attempt, submit
from tests.factories import make_quiz

ROLES = ["anonymous", "student", "other_student", "teacher", "other_teacher", "admin"]
LOGIN = "login"  # a redirect to the login page

# Expected status per visitor, in ROLES order. The objects (quiz, class, attempt, question)
# belong to "teacher" and "student"; the "other" ones own nothing of theirs.
PUBLIC = (200, 200, 200, 200, 200, 200)
SIGNED_IN = (LOGIN, 200, 200, 200, 200, 200)
TEACHING = (LOGIN, 403, 403, 200, 200, 200)
TEACHERS_OBJECT = (LOGIN, 403, 403, 200, 404, 200)
MATRIX: dict[str, tuple[str, tuple]] = {
    "main.index": ("/", PUBLIC),
    "main.article": ("/articles/{article}", PUBLIC),
    "main.healthz": ("/healthz", PUBLIC),
    "auth.login": ("/auth/login", PUBLIC),
    "auth.register": ("/auth/register", PUBLIC),
    "auth.invite": ("/auth/invite", PUBLIC),
    "auth.account": ("/auth/account", SIGNED_IN),
    "quiz.quiz_list": ("/quizzes", PUBLIC),
    # The class quiz: its students, its teacher and admins only.
    "quiz.detail": ("/quizzes/{slug}", (404, 200, 404, 200, 404, 200)),
    # A submitted attempt: the take page sends its owner on to the result.
    "quiz.take": ("/attempts/{attempt}", (LOGIN, 302, 404, 404, 404, 404)),
    # A submitted attempt has no pages to fetch: 409 sends quiz.js to reload.
    "quiz.page_fragment": ("/attempts/{attempt}/page/1", (LOGIN, 409, 404, 404, 404, 404)),
    "quiz.review": ("/attempts/{attempt}/review", (LOGIN, 302, 404, 404, 404, 404)),
    "quiz.result": ("/attempts/{attempt}/result", (LOGIN, 200, 404, 404, 404, 404)),
    "practice.session": ("/practice/", SIGNED_IN),
    "practice.feedback": ("/practice/{question}/feedback", (LOGIN, 200, 404, 404, 404, 404)),
    "progress.overview": ("/progress/", SIGNED_IN),
    "enrolment.join": ("/classes/join", SIGNED_IN),
    "teach.dashboard": ("/teach/", TEACHING),
    "teach.import_page": ("/teach/articles/import", TEACHING),
    "teach.review": ("/teach/articles/{article}/review", TEACHERS_OBJECT),
    "teach.question_list": ("/teach/questions", TEACHING),
    "teach.question_new": ("/teach/questions/new", TEACHING),
    "teach.question_edit": ("/teach/questions/{question}/edit", TEACHERS_OBJECT),
    # Published questions form a bank every teacher may preview and use; only the owner edits.
    "teach.question_preview": ("/teach/questions/{question}/preview", TEACHING),
    "teach.quiz_list": ("/teach/quizzes", TEACHING),
    "teach.quiz_new": ("/teach/quizzes/new", TEACHING),
    "teach.quiz_edit": ("/teach/quizzes/{quiz}/edit", TEACHERS_OBJECT),
    "teach.accommodations": ("/teach/quizzes/{quiz}/accommodations", TEACHERS_OBJECT),
    "teach.class_list": ("/teach/classes", TEACHING),
    "teach.class_detail": ("/teach/classes/{classroom}", TEACHERS_OBJECT),
    "teach.roster_import": ("/teach/classes/{classroom}/roster", TEACHERS_OBJECT),
    "teach.teachers": ("/teach/admin/teachers", (LOGIN, 403, 403, 403, 403, 200)),
    "reports.index": ("/teach/reports/", TEACHING),
    "reports.quiz_gradebook": ("/teach/reports/quizzes/{quiz}", TEACHERS_OBJECT),
    "reports.quiz_items": ("/teach/reports/quizzes/{quiz}/items", TEACHERS_OBJECT),
    "reports.class_grades": ("/teach/reports/classes/{classroom}", TEACHERS_OBJECT),
    "reports.attempt": ("/teach/reports/attempts/{attempt}", TEACHERS_OBJECT),
    "reports.export_csv": ("/teach/reports/export.csv?quiz={quiz}", TEACHERS_OBJECT),
    "reports.export_xlsx": ("/teach/reports/export.xlsx?quiz={quiz}", TEACHERS_OBJECT),
    "reports.bank_export": ("/teach/reports/bank/export.json", TEACHING),
    "reports.bank_export_choice": ("/teach/reports/bank/export?fmt=gift&drafts=1", TEACHING),
    "reports.bank_import": ("/teach/reports/bank/import", TEACHING),
}
USERS = {
    "student": "student",
    "other_student": "student",
    "teacher": "teacher",
    "other_teacher": "teacher",
    "admin": "admin",
}


def build_world(app: Flask, auth) -> dict[str, object]:
    """A teacher's class quiz with one student's submitted attempt and practice card."""
    for username, role in USERS.items():
        auth.create(username=username, role=role)
    with app.app_context():
        users = {u.username: u for u in db.session.scalars(select(User))}
        teacher, student = users["teacher"], users["student"]
        quiz = make_quiz(questions=2, public=False, owner_id=teacher.id)
        question = quiz.items[0].question
        question.author_id = teacher.id
        question.article.imported_by_id = teacher.id
        classroom = Classroom(name="7B", join_code="SEVENB", teacher_id=teacher.id)
        other_class = Classroom(name="8C", join_code="EIGHTC", teacher_id=users["other_teacher"].id)
        db.session.add_all([classroom, other_class])
        db.session.flush()
        db.session.add_all(
            [
                Enrollment(classroom_id=classroom.id, user_id=student.id),
                Enrollment(classroom_id=other_class.id, user_id=users["other_student"].id),
                Assignment(quiz_id=quiz.id, classroom_id=classroom.id),
                MemoryState(user_id=student.id, question_id=question.id, card={}, due_at=utcnow()),
            ]
        )
        attempt = start_attempt(quiz, student)
        submit(attempt)
        db.session.commit()
        return {
            "slug": quiz.slug,
            "quiz": quiz.id,
            "attempt": attempt.id,
            "question": question.id,
            "article": question.article_id,
            "classroom": classroom.id,
        }


def test_every_get_route_is_in_the_matrix(app):
    routes = {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if "GET" in rule.methods and rule.endpoint != "static"
    }
    assert routes == set(MATRIX), "add new pages to MATRIX with their expected statuses"


@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(app, client, auth, role):
    world = build_world(app, auth)
    if role != "anonymous":
        auth.login(role)
    wrong = []
    for endpoint, (path, expected) in MATRIX.items():
        want = expected[ROLES.index(role)]
        response = client.get(path.format(**world))
        got = response.status_code
        if want == LOGIN:
            ok = got == 302 and "/auth/login" in response.headers["Location"]
        else:
            ok = got == want
        if not ok:
            wrong.append(f"{endpoint} {path.format(**world)}: expected {want}, got {got}")
    assert wrong == []
