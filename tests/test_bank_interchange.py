"""Bank interchange: GIFT and JSON export/import through the CLI and the teacher pages."""

from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from quizapp import create_app
from quizapp.extensions import db
from quizapp.models import Question, User
from tests.conftest import post_form
from tests.factories import make_article, make_question

MOODLE = """// A file written in Moodle, without quizapp's comments.
$CATEGORY: $course$/History

::Bridge:: In which year did the bridge open? {=1932 ~1928 ~%0%1936#Too late ~1941}

::Ambassador:: Who was Canada's ambassador? {=Graeme Clark =Clark ####He had served since 2021.}

::Width:: How wide is the river, in metres? {#250:10}

::Range:: When was the fort built? {#1810..1820}

Is the harbour tidal? {T}
"""


def other_app(tmp_path, name: str):
    """A second app on its own empty database (a bank to import into)."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / name}",
        }
    )
    with app.app_context():
        db.create_all()
    return app


def bank(app) -> set[tuple]:
    """What round-trips: kind, format, prompt, answer, accepted, tolerance, choices (in order)."""
    with app.app_context():
        questions = db.session.scalars(select(Question).options(selectinload(Question.choices)))
        return {
            (
                q.kind,
                q.format,
                q.prompt,
                q.answer,
                tuple(q.accepted),
                q.tolerance,
                q.explanation,
                q.source_sentence,
                tuple((c.text, c.is_correct) for c in q.choices),
            )
            for q in questions
        }


def count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Question))


@pytest.mark.parametrize("fmt", ["gift", "json"])
def test_seed_bank_round_trips(fresh_app, tmp_path, fmt):
    runner = fresh_app.test_cli_runner()
    assert runner.invoke(args=["setup"]).exit_code == 0
    out = tmp_path / f"bank.{fmt}"
    result = runner.invoke(args=["bank", "export", "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    target = other_app(tmp_path, "target.sqlite")
    result = target.test_cli_runner().invoke(args=["bank", "import", str(out)])
    assert result.exit_code == 0, result.output
    original = bank(fresh_app)
    assert len(original) > 10 and bank(target) == original
    with target.app_context():
        statuses = set(db.session.scalars(select(Question.status)))
        authors = set(db.session.scalars(select(Question.author_id)))
        articles = set(db.session.scalars(select(Question.article_id)))
    assert statuses == {"draft"} and authors == {None} and articles == {None}


TRICKY = [
    "What does {x} = ~y # z: mean?",
    "Back\\slash and :: colons",
    "Two\nlines // not a comment",
    "== ~~ ## {{ }} \\n",
]


@pytest.mark.parametrize("prompt", TRICKY)
def test_gift_escaping_round_trips(tmp_path, prompt):
    source = other_app(tmp_path, "source.sqlite")
    with source.app_context():
        make_question(
            article=make_article(),
            kind="who_said",
            prompt=prompt,
            answer="A = B {1}",
            distractors=("~tilde", "#hash: colon", "back\\slash"),
            accepted=("a=b",),
        )
        db.session.commit()
    out = tmp_path / "bank.gift"
    result = source.test_cli_runner().invoke(
        args=["bank", "export", "--format", "gift", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "\\{1\\}" in text and "\\~tilde" in text and "\\#hash\\: colon" in text
    target = other_app(tmp_path, "target.sqlite")
    result = target.test_cli_runner().invoke(args=["bank", "import", str(out)])
    assert result.exit_code == 0, result.output
    assert bank(target) == bank(source)


def test_moodle_gift_without_metadata_imports_with_default_kinds(runner, app, tmp_path):
    path = tmp_path / "moodle.txt"
    path.write_text(MOODLE, encoding="utf-8")
    result = runner.invoke(args=["bank", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "Imported 5 question(s)" in result.output
    with app.app_context():
        got = {
            q.prompt: q
            for q in db.session.scalars(select(Question).options(selectinload(Question.choices)))
        }
        bridge = got["In which year did the bridge open?"]
        assert (bridge.kind, bridge.format, bridge.answer) == ("which_year", "choice", "1932")
        assert [c.text for c in bridge.choices] == ["1932", "1928", "1936", "1941"]
        ambassador = got["Who was Canada's ambassador?"]
        assert (ambassador.kind, ambassador.format, ambassador.accepted) == (
            "who_is",
            "text",
            ["Clark"],
        )
        assert ambassador.explanation == "He had served since 2021."
        width = got["How wide is the river, in metres?"]
        assert (width.kind, width.format, width.answer, width.tolerance) == (
            "number",
            "numeric",
            "250",
            10,
        )
        fort = got["When was the fort built?"]
        assert (fort.answer, fort.tolerance) == ("1815", 5)
        assert [c.text for c in got["Is the harbour tidal?"].choices] == ["True", "False"]


BAD_GIFT = """// kind: who_said
::ok:: Who said it? {=Ada ~Ben ~Cy}

// kind: not_a_kind
::bad kind:: Who said that? {=Ada ~Ben}

::two right:: Pick one {=Ada =Ben ~Cy}

::no block:: Just some text

::fine:: Another fine one {=Yes ~No}
"""


def test_import_with_errors_lists_each_line_and_imports_nothing(runner, app, tmp_path):
    path = tmp_path / "bad.gift"
    path.write_text(BAD_GIFT, encoding="utf-8")
    result = runner.invoke(args=["bank", "import", str(path)])
    assert result.exit_code == 1
    assert "line 5: unknown kind 'not_a_kind'" in result.output
    assert "line 7: a multiple-choice question needs exactly one right answer" in result.output
    assert "line 9: no answer block" in result.output
    assert "line 2" not in result.output and "line 11" not in result.output
    assert "Nothing imported: 3 problem(s)" in result.output
    assert count(app) == 0


@pytest.mark.parametrize(
    "content,message",
    [
        (
            '[{"kind": "who_is", "prompt": "Q?", "answer": "A", "choices": ["B", "C"]}]',
            "line 1: the answer is not one of the choices",
        ),
        (
            '[\n  {"kind": "who_is", "prompt": "Q?", "answer": "A"},\n  {"kind": "who_is"}\n]',
            "line 3: the prompt is empty",
        ),
        ('[{"kind": "who_is", "prompt": "Q?", "answer": "A"},\n oops]', "line 2: invalid JSON"),
        ('{"kind": "who_is"}', "must hold a list"),
        (
            '[{"kind": "number", "format": "numeric", "prompt": "Q?", "answer": "lots"}]',
            "is not a number",
        ),
    ],
)
def test_json_import_errors(runner, app, tmp_path, content, message):
    path = tmp_path / "bank.json"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(args=["bank", "import", str(path)])
    assert result.exit_code == 1
    assert message in result.output
    assert count(app) == 0


def test_duplicates_are_skipped_not_fatal(runner, app, tmp_path):
    with app.app_context():
        article_id = make_article(title="Harbour history").id
        db.session.commit()
    items = [
        {
            "kind": "who_is",
            "prompt": "Who is Ada?",
            "answer": "A historian",
            "article": "Harbour history",
        },
        {
            "kind": "who_is",
            "prompt": "Who is Ada?",
            "answer": "A historian",
            "article": "Harbour history",
        },
        {"kind": "who_is", "prompt": "Who is Ben?", "answer": "A sailor"},
        {"kind": "who_is", "prompt": "Who is Ben?", "answer": "A sailor"},
    ]
    path = tmp_path / "bank.json"
    path.write_text(json.dumps(items, indent=1), encoding="utf-8")
    result = runner.invoke(args=["bank", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "Imported 2 question(s) as drafts; skipped 2" in result.output
    again = runner.invoke(args=["bank", "import", str(path)])
    assert again.exit_code == 0 and "Imported 0 question(s)" in again.output
    with app.app_context():
        linked = db.session.scalar(select(Question).where(Question.prompt == "Who is Ada?"))
        assert linked.article_id == article_id and linked.status == "draft"


def test_unknown_extension_is_refused(runner, app, tmp_path):
    path = tmp_path / "bank.csv"
    path.write_text("x", encoding="utf-8")
    result = runner.invoke(args=["bank", "import", str(path)])
    assert result.exit_code == 1 and ".json, .gift, .txt or .xml" in result.output


def upload(client, name: str, content: bytes):
    return post_form(
        client,
        "/teach/reports/bank/import",
        {"file": (io.BytesIO(content), name)},
        content_type="multipart/form-data",
    )


def test_teacher_uploads_gift_as_own_drafts(client, auth, app):
    auth.as_new(username="mrs_lee", role="teacher")
    response = upload(client, "moodle.gift", MOODLE.encode())
    assert response.status_code == 200
    assert "Imported 5 question(s)" in response.get_data(as_text=True)
    with app.app_context():
        teacher = db.session.scalar(select(User).where(User.username == "mrs_lee"))
        assert set(db.session.scalars(select(Question.author_id))) == {teacher.id}
    gift = client.get("/teach/reports/bank/export.gift")
    assert gift.headers["Content-Disposition"] == 'attachment; filename="question-bank.gift"'
    assert "// kind:" not in gift.get_data(as_text=True)  # drafts stay out unless asked
    gift = client.get("/teach/reports/bank/export.gift?drafts=1").get_data(as_text=True)
    assert gift.count("// kind:") == 5 and gift.count("// status: draft") == 5
    assert gift.count("::DRAFT ") == 5  # Moodle shows the title: nobody takes it for reviewed
    assert client.get("/teach/reports/bank/export.json").get_json() == []
    exported = client.get("/teach/reports/bank/export.json?drafts=1").get_json()
    assert len(exported) == 5 and all(item["draft"] for item in exported)
    assert client.get("/teach/reports/bank/export.csv").status_code == 404


def test_other_teachers_drafts_stay_out_of_the_web_export(client, auth, app):
    with app.app_context():
        make_question(status="draft", prompt="Secret draft?")
        make_question(status="published", prompt="Public one?")
        db.session.commit()
    auth.as_new(username="mrs_lee", role="teacher")
    text = client.get("/teach/reports/bank/export.gift").get_data(as_text=True)
    assert "Public one?" in text and "Secret draft?" not in text


def test_upload_with_errors_shows_lines_and_imports_nothing(client, auth, app):
    auth.as_new(username="mrs_lee", role="teacher")
    response = upload(client, "bad.gift", BAD_GIFT.encode())
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Nothing was imported: 3 problems" in page and "line 7:" in page
    assert count(app) == 0
    assert upload(client, "bank.pdf", b"%PDF").status_code == 400


def test_students_cannot_import(client, auth):
    auth.as_new(username="ana")
    assert client.get("/teach/reports/bank/import").status_code == 403


def _json_item(**fields) -> dict:
    return {"kind": "number", "format": "numeric", "prompt": "How long is it?", "answer": "250"} | (
        fields
    )


@pytest.mark.parametrize(
    "content,message",
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('[\n{"kind": "number", "answer": ' + "9" * 5000 + "}]", "line 2: a number"),
        ('[\n{"kind": "who_is", "prompt": "sur\\ud800?", "answer": "x"}]', "line 2: a text holds"),
        ('[\n{"kind": "who_is", "prompt": "nul\\u0000?", "answer": "x"}]', "line 2: a text holds"),
        (
            '[{"kind": "who_is", "prompt": "Who?", "answer": "x", "choices": ["\\ud800", "x"]}]',
            "lone",
        ),
        (json.dumps([_json_item(tolerance=10**20)]), "the tolerance must be a whole number"),
        (json.dumps([_json_item(tolerance=True)]), "the tolerance must be a whole number"),
        (json.dumps([_json_item(tolerance=1e400)]), "the tolerance must be a whole number"),
        (json.dumps([_json_item(span=[0, 2**31])]), "span must be"),
        (json.dumps([_json_item(span=[True, 3])]), "span must be"),
    ],
    ids=[
        "deep",
        "long-int",
        "surrogate",
        "nul",
        "surrogate-choice",
        "big-tolerance",
        "bool-tolerance",
        "inf-tolerance",
        "big-span",
        "bool-span",
    ],
)
def test_hostile_json_is_refused_with_a_message(
    runner, app, client, auth, tmp_path, content, message
):
    path = tmp_path / "bank.json"
    path.write_text(content, encoding="utf-8", errors="surrogatepass")
    result = runner.invoke(args=["bank", "import", str(path)])
    assert result.exit_code == 1 and message in result.output, result.output
    auth.as_new(username="mrs_lee", role="teacher")
    response = upload(client, "bank.json", path.read_bytes())
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert count(app) == 0


@pytest.mark.parametrize(
    "block,message",
    [
        ("{#1:inf}", "is not a number"),
        ("{#1..inf}", "is not a number"),
        ("{#1..1e400}", "is not a number"),
        ("{#nan}", "is not a number"),
        ("{#1:1e30}", "the tolerance must be a whole number"),
        ("{#1..1e30}", "the tolerance must be a whole number"),
    ],
)
def test_gift_numbers_out_of_range_are_line_errors(client, auth, app, block, message):
    auth.as_new(username="mrs_lee", role="teacher")
    content = f"// a comment\n\n::N:: How far? {block}\n".encode()
    response = upload(client, "bank.gift", content)
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "line 3:" in page and message in page
    assert count(app) == 0


def test_gift_with_a_nul_character_is_refused_per_line(client, auth, app):
    auth.as_new(username="mrs_lee", role="teacher")
    content = b"::A:: Who is Ada? {=A historian}\n\n::B:: Who is B\x00en? {=A sailor}\n"
    response = upload(client, "bank.gift", content)
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "line 3: a text holds a NUL character" in page
    assert count(app) == 0


def test_cli_bank_export_holds_published_questions_unless_drafts_are_asked_for(runner, app):
    with app.app_context():
        make_question(status="draft", prompt="Unreviewed draft?")
        make_question(status="published", prompt="Reviewed one?")
        make_question(status="retired", prompt="Retired one?")
        db.session.commit()
    for fmt in ("json", "gift", "moodle-xml"):
        text = runner.invoke(args=["bank", "export", "--format", fmt]).output
        assert "Reviewed one?" in text and "Unreviewed draft?" not in text, fmt
        assert "Retired one?" not in text
        text = runner.invoke(args=["bank", "export", "--format", fmt, "--include-drafts"]).output
        assert "Unreviewed draft?" in text and "Retired one?" not in text, fmt
    items = json.loads(runner.invoke(args=["bank", "export", "--include-drafts"]).output)
    assert {item["prompt"]: item["draft"] for item in items} == {
        "Unreviewed draft?": True,
        "Reviewed one?": False,
    }


def test_the_export_form_adds_drafts_only_when_ticked(client, auth, app):
    auth.as_new(username="mrs_lee", role="teacher")
    with app.app_context():
        lee = db.session.scalar(select(User).where(User.username == "mrs_lee"))
        make_question(status="draft", prompt="My draft?").author_id = lee.id
        make_question(status="published", prompt="Reviewed one?")
        db.session.commit()
    page = client.get("/teach/reports/bank/import").get_data(as_text=True)
    assert 'name="drafts"' in page and 'action="/teach/reports/bank/export"' in page
    text = client.get("/teach/reports/bank/export?fmt=gift").get_data(as_text=True)
    assert "Reviewed one?" in text and "My draft?" not in text
    text = client.get("/teach/reports/bank/export?fmt=gift&drafts=1").get_data(as_text=True)
    assert "::DRAFT which_year-" in text and "My draft?" in text and "// status: draft" in text
