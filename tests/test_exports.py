"""Score exports: CSV and XLSX downloads, formula neutralising, filters and the CLI twin."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Quiz, User
from tests.factories import make_quiz
from tests.test_reports_factories import make_attempt, make_class, user

HEADER = [
    "student",
    "first name",
    "last name",
    "class",
    "quiz",
    "attempt",
    "started (UTC)",
    "submitted (UTC)",
    "score",
    "maximum",
    "percent",
]
EVIL = "=cmd|' /C calc'!A0"


@pytest.fixture
def scores(app):
    """mrs_lee's quiz taken by a student with a formula-like name and by `+1`; mr_ray's quiz."""
    with app.app_context():
        lee, ray = user("mrs_lee", "teacher"), user("mr_ray", "teacher")
        evil, plus, bo = user(EVIL), user("+1"), user("bo")
        quiz = make_quiz(questions=2, owner_id=lee.id, title="@Harbour")
        other = make_quiz(questions=2, owner_id=ray.id, title="Ray's quiz")
        make_attempt(quiz=quiz, user=evil, picks=[0, 0])
        make_attempt(quiz=quiz, user=plus, picks=[0, 1])
        make_attempt(quiz=quiz, user=bo, picks=[0, None], submitted=False)
        make_attempt(quiz=other, user=bo, picks=[0, 0])
        make_class(teacher_id=lee.id, name="-7A", code="SEVENA", quizzes=[quiz], students=[evil])
        make_class(teacher_id=lee.id, name="Chess", code="CHESS1", quizzes=[quiz], students=[evil])
        make_class(teacher_id=lee.id, name="Choir", code="CHOIR1", students=[plus])
        make_class(teacher_id=ray.id, name="8B", code="EIGHTB", quizzes=[other], students=[bo])
        return {"quiz": quiz.id, "slug": quiz.slug, "other": other.id}


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))


def test_csv_download_is_an_attachment_with_one_row_per_attempt(client, auth, scores):
    auth.login("mrs_lee")
    response = client.get("/teach/reports/export.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == 'attachment; filename="scores.csv"'
    rows = read_csv(response.data)
    assert rows[0] == HEADER
    by_student = {row[0]: row for row in rows[1:]}
    assert len(rows) == 4  # mr_ray's quiz stays out
    evil = by_student["'" + EVIL.lower()]
    assert sorted(evil[3].lstrip("'").split("; ")) == ["-7A", "Chess"]
    assert evil[4] == "'@Harbour" and evil[8:] == ["2", "2", "100.0"]
    assert by_student["'+1"][3] == ""  # Choir is not assigned this quiz
    assert by_student["'+1"][8:] == ["1", "2", "50.0"]
    assert by_student["bo"][7:9] == ["", ""]  # not submitted yet
    text = response.get_data(as_text=True)
    assert ",2,2,100.0\r\n" in text  # numbers are written unquoted


def test_xlsx_download_keeps_numbers_and_neutralises_formulas(client, auth, scores):
    auth.login("mrs_lee")
    response = client.get(f"/teach/reports/export.xlsx?quiz={scores['quiz']}")
    assert response.status_code == 200
    disposition = response.headers["Content-Disposition"]
    assert disposition == f'attachment; filename="scores-{scores["slug"]}.xlsx"'
    sheet = load_workbook(io.BytesIO(response.data)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == HEADER
    by_student = {row[0]: row for row in rows[1:]}
    evil = by_student["'" + EVIL.lower()]
    assert evil[4] == "'@Harbour"
    assert evil[8:] == [2, 2, 100.0] and all(isinstance(v, int | float) for v in evil[8:])
    assert by_student["'+1"][5] == 1 and isinstance(by_student["'+1"][5], int)
    assert evil[6] is not None and evil[6].year >= 2024  # a real date cell
    assert by_student["bo"][7] is None


def test_per_question_columns(client, auth, scores):
    auth.login("mrs_lee")
    rows = read_csv(client.get(f"/teach/reports/export.csv?quiz={scores['quiz']}&questions=1").data)
    assert rows[0][:11] == HEADER and len(rows[0]) == 14 and rows[0][11].startswith("Q1 (#")
    assert rows[0][13] == "manual marks"
    by_student = {row[0]: row[11:] for row in rows[1:]}
    assert by_student["'+1"] == ["1", "0", ""]
    assert client.get("/teach/reports/export.csv?questions=1").status_code == 400


@pytest.mark.parametrize(
    "query,status",
    [("?quiz={other}", 404), ("?quiz=x", 400), ("?quiz=999", 404), ("?class=999", 404)],
)
def test_export_filters_refuse_other_teachers_data(client, auth, scores, query, status):
    auth.login("mrs_lee")
    assert client.get("/teach/reports/export.csv" + query.format(**scores)).status_code == status


def test_class_filter_keeps_the_class_students_at_its_quizzes(client, auth, app, scores):
    auth.login("mrs_lee")
    page = client.get("/teach/reports/").get_data(as_text=True)
    assert "Chess" in page
    with app.app_context():
        from sqlalchemy import select

        from quizapp.extensions import db
        from quizapp.models import Classroom

        chess = db.session.scalar(select(Classroom.id).where(Classroom.name == "Chess"))
    rows = read_csv(client.get(f"/teach/reports/export.csv?class={chess}").data)
    assert [row[0] for row in rows[1:]] == ["'" + EVIL.lower()]


def test_student_cannot_export(client, auth, scores):
    auth.login("bo")
    assert client.get("/teach/reports/export.xlsx").status_code == 403


def test_cli_export_without_attempts_writes_the_header(runner, app, tmp_path):
    with app.app_context():
        make_quiz(questions=1)
    out = tmp_path / "scores.csv"
    result = runner.invoke(args=["scores", "export", "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert read_csv(out.read_bytes()) == [HEADER]
    result = runner.invoke(
        args=["scores", "export", "--format", "xlsx", "-o", str(tmp_path / "s.xlsx")]
    )
    assert result.exit_code == 0, result.output
    rows = list(load_workbook(tmp_path / "s.xlsx").active.iter_rows(values_only=True))
    assert [list(r) for r in rows] == [HEADER]


def test_cli_export_filters_by_slug_and_class_code(runner, scores):
    result = runner.invoke(args=["scores", "export", "--quiz", scores["slug"]])
    assert result.exit_code == 0, result.output
    rows = read_csv(result.stdout_bytes)
    assert len(rows) == 4 and {row[4] for row in rows[1:]} == {"'@Harbour"}
    result = runner.invoke(args=["scores", "export", "--class", "eightb"])
    assert [row[0] for row in read_csv(result.stdout_bytes)[1:]] == ["bo"]
    assert read_csv(result.stdout_bytes)[1][3] == "8B"


@pytest.mark.parametrize(
    "args,message",
    [
        (["--quiz", "no-such-quiz"], "No quiz has the slug"),
        (["--class", "NOPE"], "No class has the join code"),
        (["--questions"], "--questions needs --quiz"),
    ],
)
def test_cli_export_bad_filters_exit_1(runner, app, args, message):
    result = runner.invoke(args=["scores", "export", *args])
    assert result.exit_code == 1
    assert message in result.output


def test_csv_for_excel_starts_with_a_bom_and_plain_utf8_does_not(client, auth, scores):
    auth.login("mrs_lee")
    plain = client.get(f"/teach/reports/export.csv?quiz={scores['quiz']}").data
    excel = client.get(f"/teach/reports/export.csv?quiz={scores['quiz']}&excel=1")
    assert not plain.startswith(b"\xef\xbb\xbf")
    assert excel.data == b"\xef\xbb\xbf" + plain
    assert excel.headers["Content-Disposition"].endswith('-excel.csv"')
    page = client.get(f"/teach/reports/quizzes/{scores['quiz']}").get_data(as_text=True)
    assert "CSV for Excel" in page and "Download CSV (UTF-8)" in page


def test_xlsx_is_formatted_for_people_and_has_an_answers_sheet(client, auth, app, scores):
    with app.app_context():
        plus = db.session.scalar(select(User).where(User.username == "+1"))
        plus.first_name, plus.last_name = "Priya", "Natarajan"
        db.session.commit()
    auth.login("mrs_lee")
    data = client.get(f"/teach/reports/export.xlsx?quiz={scores['quiz']}&questions=1").data
    book = load_workbook(io.BytesIO(data))
    sheet = book["Scores"]
    assert sheet.freeze_panes == "B2" and all(cell.font.b for cell in sheet[1])
    assert sheet.column_dimensions["E"].width == 30  # quiz titles are long
    started = sheet.cell(row=2, column=HEADER.index("started (UTC)") + 1)
    assert started.is_date and started.number_format == "yyyy-mm-dd hh:mm"
    answers = book["Answers"]
    header = [cell.value for cell in answers[1]]
    with app.app_context():
        prompts = [item.question.prompt for item in db.session.get(Quiz, scores["quiz"]).items]
    assert header == [
        "student",
        "first name",
        "last name",
        "attempt",
        f"Q1. {prompts[0]}",
        "Q1 mark",
        f"Q2. {prompts[1]}",
        "Q2 mark",
    ]
    assert answers.freeze_panes == "E2" and answers.column_dimensions["E"].width == 40
    rows = {row[0].value: row for row in answers.iter_rows(min_row=2)}
    plus = rows["'+1"]  # picked the right option for Q1, a wrong one for Q2
    assert [c.value for c in plus[1:4]] == ["Priya", "Natarajan", 1]  # named as in Scores
    assert [c.value for c in plus[4:]] == ["1932", 1, "1928", 0]
    assert plus[4].fill.fgColor.rgb.endswith("E3F5E9") and plus[6].fill.fgColor.rgb.endswith(
        "FDE8E6"
    )
    bo = rows["bo"]  # still running, Q2 unanswered: no answer, no style, no mark
    assert [c.value for c in bo[6:]] == [None, None] and bo[6].fill.fill_type is None
