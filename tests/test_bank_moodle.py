"""Moodle XML: export the bank for Moodle 4.x and import Moodle's files, all or nothing."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from quizapp.extensions import db
from quizapp.models import Article, Choice, Question, User
from tests.conftest import post_form
from tests.test_bank_interchange import bank, count, other_app

EXAMPLE = Path(__file__).parent / "data" / "moodle-example.xml"
CLOZE = "Fill in the blank: The head librarian, _____, moved 40,000 books twice."


def add_question(article: Article | None, **fields) -> Question:
    """A question with explicit fields; choices from `choices` in order."""
    choices = fields.pop("choices", ())
    question = Question(article=article, **{"explanation": "", "accepted": [], **fields})
    question.choices = [
        Choice(text=text, is_correct=text == fields["answer"], position=i)
        for i, text in enumerate(choices)
    ]
    db.session.add(question)
    return question


def example_bank(app) -> None:
    """Questions of our own, one of each Moodle type, with characters that need escaping."""
    with app.app_context():
        library = Article(title="Library / Town hall", body="Our own text.", checksum="a" * 64)
        source = "Oskar Lind, the head librarian, said the team moved 40,000 books twice."
        add_question(
            library,
            kind="who_said",
            format="choice",
            prompt='Who said "A town that reads <together> stays together" & smiled?',
            answer="Priya Nandakumar",
            choices=("Oskar Lind", "Priya Nandakumar", "Maren Okafor"),
            explanation="The mayor said it at the ceremony.",
            source_sentence='"A town that reads together stays together," said the mayor.',
            status="published",
        )
        add_question(
            library,
            kind="who_is",
            format="text",
            prompt="Who is the head librarian?",
            answer="Oskar Lind",
            accepted=["Lind", "O. Lind*"],
            source_sentence=source,
            status="published",
        )
        add_question(
            library,
            kind="number",
            format="numeric",
            prompt="How many books did the team move twice?",
            answer="40000",
            tolerance=500,
            source_sentence=source,
            status="published",
        )
        add_question(
            library,
            kind="who_is",
            format="choice",
            prompt=CLOZE,
            answer="Oskar Lind",
            choices=("Oskar Lind", "Maren / Okafor", "P. {Nanda} ~kumar #1"),
            explanation="Lind is the head librarian.",
            source_sentence=source,
            status="published",
        )
        add_question(
            None,
            kind="which_year",
            format="choice",
            prompt="In which year did the library first open?",
            answer="1958",
            choices=("1948", "1958", "1968"),
            status="published",
        )
        add_question(
            library,
            kind="which_year",
            format="numeric",
            prompt="A draft: in which year was the mayor elected?",
            answer="2021",
            status="draft",
        )
        db.session.commit()


def export(app, tmp_path, *extra: str) -> str:
    out = tmp_path / "bank.xml"
    result = app.test_cli_runner().invoke(
        args=["bank", "export", "--format", "moodle-xml", "-o", str(out), *extra]
    )
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_example_export_matches_the_committed_file(tmp_path):
    source = other_app(tmp_path, "source.sqlite")
    example_bank(source)
    text = export(source, tmp_path)
    if os.environ.get("UPDATE_MOODLE_EXAMPLE"):
        EXAMPLE.write_text(text, encoding="utf-8")
    assert text == EXAMPLE.read_text(encoding="utf-8")


def test_export_has_what_moodles_reader_expects(tmp_path):
    root = etree.fromstring(EXAMPLE.read_bytes())
    types = [q.get("type") for q in root.iter("question")]
    assert types == ["category", "multichoice", "shortanswer", "numerical", "cloze"] + [
        "category",
        "multichoice",
    ]
    category = root.find("question[@type='category']/category/text").text
    assert category == "$course$/top/quizapp/Library // Town hall"  # "//" is a "/" in a name
    choice = root.find("question[@type='multichoice']")
    assert choice.findtext("single") == "true" and choice.findtext("shuffleanswers") == "true"
    assert [a.get("fraction") for a in choice.iter("answer")] == ["0", "100", "0"]
    assert "&lt;together&gt;" in choice.findtext("questiontext/text")  # HTML inside XML
    assert "said the mayor" in choice.findtext("generalfeedback/text")
    short = root.find("question[@type='shortanswer']")
    answers = [(a.get("fraction"), a.findtext("text")) for a in short.iter("answer")]
    assert answers == [("100", "Oskar Lind"), ("100", "Lind"), ("100", "O. Lind\\*")]
    numerical = root.find("question[@type='numerical']/answer")
    assert (numerical.findtext("text"), numerical.findtext("tolerance")) == ("40000", "500")
    cloze = root.find("question[@type='cloze']/questiontext/text").text
    assert cloze == (
        "Fill in the blank: The head librarian, {1:MULTICHOICE:=Oskar Lind"
        "#Lind is the head librarian.~Maren \\/ Okafor"
        "~P. {Nanda\\} \\~kumar \\#1}, moved 40,000 books twice."
    )
    assert "A draft" not in EXAMPLE.read_text(encoding="utf-8")


def test_drafts_are_exported_only_when_asked(tmp_path):
    source = other_app(tmp_path, "source.sqlite")
    example_bank(source)
    assert "A draft: in which year" in export(source, tmp_path, "--include-drafts")


def test_example_round_trips_types_answers_and_tolerances(tmp_path):
    source = other_app(tmp_path, "source.sqlite")
    example_bank(source)
    path = tmp_path / "example.xml"
    path.write_text(export(source, tmp_path, "--include-drafts"), encoding="utf-8")
    target = other_app(tmp_path, "target.sqlite")
    result = target.test_cli_runner().invoke(args=["bank", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "Imported 6 question(s)" in result.output
    assert bank(target) == bank(source)


def seed_bank(app) -> set[tuple]:
    """The seed bank without what Moodle XML cannot carry (a choice question's typed aliases)."""
    with app.app_context():
        questions = db.session.scalars(select(Question).options(selectinload(Question.choices)))
        return {
            (q.kind, q.format, q.prompt, q.answer, q.tolerance, q.explanation, q.source_sentence)
            + (tuple((c.text, c.is_correct) for c in q.choices),)
            + (tuple(q.accepted) if q.format != "choice" else (),)
            for q in questions
        }


def test_seed_bank_round_trips(fresh_app, tmp_path):
    runner = fresh_app.test_cli_runner()
    assert runner.invoke(args=["setup"]).exit_code == 0
    path = tmp_path / "seed.xml"
    path.write_text(export(fresh_app, tmp_path), encoding="utf-8")
    target = other_app(tmp_path, "target.sqlite")
    result = target.test_cli_runner().invoke(args=["bank", "import", str(path)])
    assert result.exit_code == 0, result.output
    original = seed_bank(fresh_app)
    assert len(original) > 10 and seed_bank(target) == original


FOREIGN = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category">
    <category><text>$course$/top/Default for History</text></category>
  </question>
  <question type="truefalse">
    <name><text>Tidal</text></name>
    <questiontext format="html"><text>Is the harbour tidal?</text></questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
  <question type="multichoice">
    <name><text>Bridge</text></name>
    <questiontext format="html"><text><![CDATA[<p>In which year did
      the <b>bridge</b> open?</p>]]></text></questiontext>
    <answer fraction="100"><text>1932</text><feedback><text>Right.</text></feedback></answer>
    <answer fraction="0"><text>1928</text></answer>
  </question>
  <question type="shortanswer">
    <name><text>Ambassador</text></name>
    <questiontext format="moodle_auto_format"><text>Who was the ambassador?</text></questiontext>
    <answer fraction="100"><text>Graeme Clark</text></answer>
    <answer fraction="50"><text>Graeme</text></answer>
    <answer fraction="100"><text>Clark</text></answer>
  </question>
  <question type="numerical">
    <name><text>Width</text></name>
    <questiontext format="html"><text>How wide is the river, in metres?</text></questiontext>
    <answer fraction="100"><text>250</text><tolerance>10.5</tolerance></answer>
  </question>
  <question type="essay">
    <name><text>Opinion</text></name>
    <questiontext format="html"><text>What do you think?</text></questiontext>
  </question>
  <question type="cloze">
    <name><text>Two gaps</text></name>
    <questiontext format="html"><text>{1:SHORTANSWER:=a} and {1:NUMERICAL:=2}</text></questiontext>
  </question>
</quiz>
"""


def test_moodle_file_imports_supported_types_and_reports_the_rest(runner, app, tmp_path):
    path = tmp_path / "from-moodle.xml"
    path.write_text(FOREIGN, encoding="utf-8")
    result = runner.invoke(args=["bank", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "Imported 3 question(s) as drafts; skipped 3." in result.output
    assert "line 6: truefalse questions are not supported" in result.output
    assert "line 31: essay questions are not supported" in result.output
    assert (
        "line 35: cloze questions other than one multiple-choice gap are not supported"
        in result.output
    )
    with app.app_context():
        found = {q.prompt: q for q in db.session.scalars(select(Question))}
        bridge = found["In which year did the bridge open?"]
        assert (bridge.kind, bridge.answer, bridge.explanation) == ("which_year", "1932", "Right.")
        ambassador = found["Who was the ambassador?"]
        assert (ambassador.format, ambassador.accepted) == ("text", ["Clark"])
        width = found["How wide is the river, in metres?"]
        assert (width.kind, width.answer, width.tolerance) == ("number", "250", 11)


BAD = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="multichoice">
    <questiontext format="html"><text>No right answer?</text></questiontext>
    <answer fraction="0"><text>a</text></answer>
    <answer fraction="0"><text>b</text></answer>
  </question>
  <question type="shortanswer">
    <questiontext format="html"><text>Fine?</text></questiontext>
    <answer fraction="100"><text>yes</text></answer>
  </question>
  <question type="numerical">
    <questiontext format="html"><text>Which number?</text></questiontext>
    <answer fraction="100"><text>many</text><tolerance>-1</tolerance></answer>
  </question>
</quiz>
"""


@pytest.mark.parametrize(
    ("content", "messages"),
    [
        (
            BAD,
            [
                "line 3: a multiple-choice question needs exactly one right answer (found 0)",
                "line 12: the tolerance must be a number, 0 or more",
            ],
        ),
        ("<quiz><question type='shortanswer'>\n<oops></quiz>", ["line 2: the XML is not"]),
        ("<questions/>", ["line 1: the root element must be <quiz>"]),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            "\n<quiz><question type='shortanswer'><questiontext><text>&xxe;</text>"
            "</questiontext></question></quiz>",
            ["DTD or entities, which are refused"],
        ),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
            '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
            "\n<quiz>&lol2;</quiz>",
            ["DTD or entities, which are refused"],
        ),
    ],
    ids=["invalid-questions", "malformed", "wrong-root", "xxe", "billion-laughs"],
)
def test_bad_files_list_their_problems_and_import_nothing(runner, app, tmp_path, content, messages):
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(args=["bank", "import", str(path)])
    assert result.exit_code == 1
    for message in messages:
        assert message in result.output
    assert "root:" not in result.output  # no file content leaked into a message
    assert count(app) == 0


def test_teacher_imports_and_exports_moodle_xml_in_the_browser(client, auth, app, tmp_path):
    auth.as_new(username="mrs_lee", role="teacher")
    response = post_form(
        client,
        "/teach/reports/bank/import",
        {"file": (io.BytesIO(FOREIGN.encode()), "from-moodle.xml")},
        content_type="multipart/form-data",
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200, page
    assert "Imported 3 question(s)" in page and "essay questions are not supported" in page
    with app.app_context():
        teacher = db.session.scalar(select(User).where(User.username == "mrs_lee"))
        assert set(db.session.scalars(select(Question.author_id))) == {teacher.id}
    published_only = client.get("/teach/reports/bank/export.xml")
    assert published_only.headers["Content-Type"].startswith("application/xml")
    assert "question-bank.xml" in published_only.headers["Content-Disposition"]
    assert 'type="multichoice"' not in published_only.get_data(as_text=True)  # all drafts
    with_drafts = client.get("/teach/reports/bank/export.xml?drafts=1").get_data(as_text=True)
    assert with_drafts.count('type="multichoice"') == 1
    assert with_drafts.count('type="shortanswer"') == 1
