"""Gradebooks, class grades, attempt detail and item statistics through the HTTP client."""

from __future__ import annotations

import re

import pytest

from quizapp.extensions import db
from quizapp.models import Classroom, Enrollment, Quiz
from quizapp.reports.services import class_matrix, gradebook, item_statistics
from tests.conftest import queries
from tests.factories import make_quiz
from tests.test_reports_factories import make_attempt, make_class, user


@pytest.fixture
def school(app):
    """Teacher `mrs_lee` owns a 3-question quiz taken by ana (twice), ben and cy.

    ana and ben are in her class 7A, which the quiz is assigned to; cy is in no class.
    `mr_ray` is another teacher with his own class.
    """
    with app.app_context():
        lee, ray = user("mrs_lee", "teacher"), user("mr_ray", "teacher")
        ana, ben, cy = user("ana"), user("ben"), user("cy")
        quiz = make_quiz(questions=3, owner_id=lee.id, public=False, title="Harbour quiz")
        first = make_attempt(quiz=quiz, user=ana, picks=[0, 1, 1])  # 1/3
        make_attempt(quiz=quiz, user=ana, picks=[0, 0, 0])  # 3/3
        make_attempt(quiz=quiz, user=ben, picks=[0, 0, None])  # 2/3
        make_attempt(quiz=quiz, user=cy, picks=[1, 1, 1])  # 0/3
        running = make_attempt(quiz=quiz, user=cy, picks=[0, 0, 0], submitted=False)
        klass = make_class(
            teacher_id=lee.id, name="7A", code="SEVENA", quizzes=[quiz], students=[ana, ben]
        )
        other = make_class(teacher_id=ray.id, name="8B", code="EIGHTB", students=[cy])
        return {
            "quiz": quiz.id,
            "class": klass.id,
            "other_class": other.id,
            "attempt": first.id,
            "running": running.id,
            "wrong_text": quiz.items[1].question.choices[1].text,
        }


def rows_of(page: str) -> dict[str, str]:
    """Table rows of a gradebook keyed by the student's name (not the histogram's table)."""
    return {
        m.group(1): m.group(2)
        for m in re.finditer(r'<th scope="row">([^<]+)</th>(.*?)</tr>', page, re.S)
        if not m.group(1).endswith("%")  # a grade band ("0–10%") of the histogram's table
    }


def test_gradebook_grades_each_student_by_the_quiz_method(client, auth, school):
    auth.login("mrs_lee")
    response = client.get(f"/teach/reports/quizzes/{school['quiz']}")
    assert response.status_code == 200
    rows = rows_of(response.get_data(as_text=True))
    assert set(rows) >= {"ana", "ben", "cy"}
    assert "Attempt 1" in rows["ana"] and "Attempt 2" in rows["ana"]
    assert rows["ana"].rstrip().endswith("<td>100%</td>")  # highest of 33% and 100%
    assert "<td>67%</td>" in rows["ben"]
    assert "<td>0%</td>" in rows["cy"] and "not submitted" in rows["cy"]


def test_gradebook_histogram_is_accessible_svg_without_inline_styles(client, auth, school):
    auth.login("mrs_lee")
    page = client.get(f"/teach/reports/quizzes/{school['quiz']}").get_data(as_text=True)
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert "<title" in svg and "<desc" in svg and svg.count("<rect") == 10
    assert "0–10%: 1 student;" in svg and "90–100%: 1 student" in svg and "60–70%: 1 student" in svg
    assert "style=" not in page
    assert not re.search(r"<script(?![^>]*\bsrc=)", page)  # scripts are files, never inline


@pytest.mark.parametrize("grading,ana", [("last", "100%"), ("average", "67%")])
def test_gradebook_follows_other_grading_methods(client, auth, app, school, grading, ana):
    with app.app_context():
        from quizapp.models import Quiz

        db.session.get(Quiz, school["quiz"]).grading = grading
        db.session.commit()
    auth.login("mrs_lee")
    rows = rows_of(client.get(f"/teach/reports/quizzes/{school['quiz']}").get_data(as_text=True))
    assert rows["ana"].rstrip().endswith(f"<td>{ana}</td>")


def test_gradebook_class_filter(client, auth, school):
    auth.login("mrs_lee")
    page = client.get(f"/teach/reports/quizzes/{school['quiz']}?class={school['class']}")
    assert page.status_code == 200
    assert set(rows_of(page.get_data(as_text=True))) == {"ana", "ben"}
    assert (
        client.get(
            f"/teach/reports/quizzes/{school['quiz']}?class={school['other_class']}"
        ).status_code
        == 404
    )
    assert client.get(f"/teach/reports/quizzes/{school['quiz']}?class=abc").status_code == 400


@pytest.mark.parametrize(
    "url",
    [
        "/teach/reports/quizzes/{quiz}",
        "/teach/reports/quizzes/{quiz}/items",
        "/teach/reports/classes/{class}",
        "/teach/reports/attempts/{attempt}",
        "/teach/reports/export.csv?quiz={quiz}",
    ],
)
def test_access_rules(client, auth, app, school, url):
    url = url.format(**school)
    assert client.get(url).status_code == 302  # anonymous: to the login page
    auth.login("ana")
    assert client.get(url).status_code == 403
    auth.logout()
    auth.login("mr_ray")
    assert client.get(url).status_code == 404
    auth.logout()
    auth.as_new(username="boss", role="admin")
    assert client.get(url).status_code == 200


def test_class_matrix_shows_each_students_grade(client, auth, app, school):
    with app.app_context():
        extra = make_quiz(questions=1, title="Unseen quiz")
        from quizapp.models import Assignment

        db.session.add(Assignment(quiz_id=extra.id, classroom_id=school["class"]))
        db.session.commit()
    auth.login("mrs_lee")
    page = client.get(f"/teach/reports/classes/{school['class']}").get_data(as_text=True)
    assert "Harbour quiz" in page and "Unseen quiz" in page
    rows = rows_of(page)
    assert set(rows) == {"ana", "ben"}
    assert "<td>100%</td>" in rows["ana"] and "—" in rows["ana"]
    assert "<td>67%</td>" in rows["ben"]


def test_attempt_detail_shows_answers_and_results(client, auth, school):
    auth.login("mrs_lee")
    page = client.get(f"/teach/reports/attempts/{school['attempt']}").get_data(as_text=True)
    assert "ana: attempt 1" in page
    assert page.count(">right</span>") == 1 and page.count(">wrong</span>") == 2
    assert school["wrong_text"] in page


@pytest.fixture
def item_quiz(app):
    """Four questions (options 1932 right, 1928, 1936, 1941) answered by ten students.

    Five answer patterns, each given by two students: the correlations are those of the five,
    with enough attempts (10) for discrimination to be judged.
    """
    patterns = [
        [0, 0, 0, 1],  # 3 right
        [0, 0, 1, 1],  # 2
        [0, 1, 1, 0],  # 2
        [0, 1, 2, 0],  # 2
        [0, 2, 1, 0],  # 2
    ]
    picks = {f"s{i}{twin}": chosen for i, chosen in enumerate(patterns, 1) for twin in "ab"}
    with app.app_context():
        teacher = user("mrs_lee", "teacher")
        quiz = make_quiz(questions=4, owner_id=teacher.id)
        for name, chosen in picks.items():
            make_attempt(quiz=quiz, user=user(name), picks=chosen)
        # An unsubmitted attempt does not count.
        make_attempt(quiz=quiz, user=user("late"), picks=[1, 1, 1, 1], submitted=False)
        return {"id": quiz.id, "questions": [item.question_id for item in quiz.items]}


def item_rows(client, quiz_id: int, questions: list[int]) -> list[str]:
    page = client.get(f"/teach/reports/quizzes/{quiz_id}/items").get_data(as_text=True)
    return [re.search(rf'<tr id="item-{q}">(.*?)</tr>', page, re.S).group(1) for q in questions]


def picked(row: str) -> list[int]:
    return [int(n) for n in re.findall(r'<span class="picked">(\d+)</span>', row)]


def test_item_statistics_on_a_known_dataset(client, auth, item_quiz):
    auth.login("mrs_lee")
    q1, q2, q3, q4 = item_rows(client, item_quiz["id"], item_quiz["questions"])
    facility = [re.search(r'class="facility">(\d+)%', r).group(1) for r in (q1, q2, q3, q4)]
    assert facility == ["100", "40", "20", "60"]
    assert [picked(r) for r in (q1, q2, q3, q4)] == [
        [10, 0, 0, 0],
        [4, 4, 2, 0],
        [2, 6, 2, 0],
        [6, 4, 0, 0],
    ]
    # q1: no variance, so no discrimination; q4: the weak students get it right.
    assert 'class="discrimination">—' in q1
    assert 'class="discrimination">-0.92<' in q4
    assert 'class="discrimination">-0.61<' in q2
    assert 'class="discrimination">—' in q3  # every rest-of-test score is 2/3: no variance
    assert "Very easy" in q1 and "Distractor never picked: “1928”" in q1
    assert "Very hard" not in q3  # 20% is the limit, not below it
    assert "picked more often than the right answer: “1928”" in q3
    assert "Weak discrimination" in q4 and "Weak discrimination" not in q3
    assert "never picked: “1941”" in q2 and "never picked: “1936”" not in q2


def test_item_statistics_use_a_bounded_number_of_queries(client, auth, app, item_quiz):
    auth.login("mrs_lee")
    url = f"/teach/reports/quizzes/{item_quiz['id']}/items"

    def count_queries() -> int:
        with queries(app) as seen:
            assert client.get(url).status_code == 200
        return len(seen)

    before = count_queries()
    with app.app_context():
        from quizapp.models import Quiz

        quiz = db.session.get(Quiz, item_quiz["id"])
        for n in range(6):
            make_attempt(quiz=quiz, user=user(f"more{n}"), picks=[0, 1, 2, 3])
    assert count_queries() == before


@pytest.mark.parametrize(
    "query",
    ["quiz=%C2%B2", "class=%C2%B2", "quiz=%D9%A3", "quiz=0", "quiz=99999999999999999999"],
    ids=["superscript-quiz", "superscript-class", "arabic-digit", "zero", "overflow"],
)
def test_export_refuses_ids_that_are_not_plain_numbers(client, auth, school, query):
    auth.login("mrs_lee")
    for ext in ("csv", "xlsx"):
        assert client.get(f"/teach/reports/export.{ext}?{query}").status_code == 400
    gradebook = client.get(f"/teach/reports/quizzes/{school['quiz']}?class=%C2%B2")
    assert gradebook.status_code == 400


NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


@pytest.mark.parametrize(
    ("report", "argument", "claimed"),
    [(gradebook, "quiz", 2), (class_matrix, "class", 5), (item_statistics, "quiz", 5)],
)
def test_reports_run_the_queries_their_docstrings_state(app, school, report, argument, claimed):
    """The count a report's docstring states, whatever the number of students and attempts."""
    assert f"{NUMBERS[claimed]} queries" in report.__doc__

    def count() -> int:
        with app.app_context():
            model = Quiz if argument == "quiz" else Classroom
            target = db.session.get(model, school[argument])
            with queries(app) as seen:
                assert report(target)
        return len(seen)

    assert count() == claimed
    with app.app_context():
        quiz = db.session.get(Quiz, school["quiz"])
        klass = db.session.get(Classroom, school["class"])
        for n in range(4):
            student = user(f"extra{n}")
            db.session.add(Enrollment(classroom_id=klass.id, user_id=student.id))
            make_attempt(quiz=quiz, user=student, picks=[0, n % 2, None])
    assert count() == claimed
