"""The command-line interface: setup, create-user, import-article, generate, bank export."""

import json

import pytest
from sqlalchemy import func, select

from quizapp.auth.services import verify_password
from quizapp.extensions import db
from quizapp.models import Article, Question, Quiz, User
from tests.conftest import SEEDS


def snapshot() -> dict[str, list]:
    """Every row of every table, to compare database states."""
    return {
        table.name: sorted(map(repr, db.session.execute(select(table)).all()))
        for table in db.metadata.sorted_tables
    }


def test_setup_migrates_imports_the_seed_and_is_idempotent(fresh_app):
    runner = fresh_app.test_cli_runner()
    first = runner.invoke(args=["setup"])
    assert first.exit_code == 0, first.output
    assert "Imported canada-mexico-2025.txt" in first.output
    with fresh_app.app_context():
        article = db.session.scalar(select(Article))
        assert article.title == "Canada and Mexico look to reset a neglected relationship"
        quiz = db.session.scalar(select(Quiz))
        assert quiz.published and quiz.public
        before = snapshot()
    second = runner.invoke(args=["setup"])
    assert second.exit_code == 0, second.output
    assert "Already imported: canada-mexico-2025.txt" in second.output
    with fresh_app.app_context():
        assert snapshot() == before


def test_changed_seed_flags_the_old_questions(fresh_app, tmp_path):
    runner = fresh_app.test_cli_runner()
    runner.invoke(args=["setup"])
    seed = tmp_path / "seeds" / "canada-mexico-2025.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")
    result = runner.invoke(args=["setup"])
    assert result.exit_code == 0, result.output
    with fresh_app.app_context():
        old, new = db.session.scalars(select(Article).order_by(Article.id)).all()
        assert old.replaced_by_id == new.id
        flags = db.session.scalars(select(Question.flag).where(Question.article_id == old.id)).all()
        assert all(flag for flag in flags)


@pytest.mark.parametrize("role", ["teacher", "admin", "student"])
def test_create_user_with_password_stdin(runner, app, role):
    result = runner.invoke(
        args=["create-user", "Mrs_Lee", "--role", role, "--password-stdin"],
        input="a good long password\n",
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(select(User))
        assert (user.username, user.role) == ("mrs_lee", role)
        assert verify_password(user, "a good long password")


def test_create_user_prompts_twice(runner, app):
    result = runner.invoke(
        args=["create-user", "lee", "--role", "teacher"], input="a good long pw\na good long pw\n"
    )
    assert result.exit_code == 0, result.output
    assert result.output.count("Password") >= 1 and "Repeat for confirmation" in result.output


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["create-user", "lee", "--password-stdin"], "short\n", "at least 8 characters"),
        (["create-user", "x", "--password-stdin"], "long enough pw\n", "3 to 40"),
        (["create-user", "lee", "--role", "king", "--password-stdin"], "long enough pw\n", "king"),
    ],
)
def test_create_user_rejects_bad_input(runner, app, args, stdin, message):
    result = runner.invoke(args=args, input=stdin)
    assert result.exit_code != 0
    assert message in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_create_user_duplicate_is_a_clear_error(runner, app):
    runner.invoke(args=["create-user", "lee", "--password-stdin"], input="long enough pw\n")
    result = runner.invoke(
        args=["create-user", "LEE", "--password-stdin"], input="long enough pw\n"
    )
    assert result.exit_code == 1
    assert "exists already" in result.output


def test_import_article_is_idempotent(runner, app):
    path = str(SEEDS / "canada-mexico-2025.txt")
    first = runner.invoke(
        args=["import-article", path, "--title", "T", "--published", "2025-09-18"]
    )
    assert first.exit_code == 0, first.output
    second = runner.invoke(args=["import-article", path])
    assert "Already imported" in second.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Article)) == 1
        article = db.session.scalar(select(Article))
        assert article.published_on.isoformat() == "2025-09-18"


def test_import_article_refuses_binary(runner, app, tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\xff\xd8\xff\xe0 not text")
    result = runner.invoke(args=["import-article", str(path)])
    assert result.exit_code == 1
    assert "is not UTF-8 text" in result.output


def test_generate_prints_json_without_touching_the_database(runner, app):
    result = runner.invoke(args=["generate", str(SEEDS / "canada-mexico-2025.txt"), "--json"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)
    assert isinstance(items, list)
    for item in items:
        assert {"kind", "prompt", "answer", "choices", "source", "explanation"} <= item.keys()
        assert item["answer"] in item["choices"]
        assert isinstance(item["flags"], list)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Article)) == 0


def test_generate_shows_the_linter_flags(runner, tmp_path):
    article = tmp_path / "dam.txt"
    article.write_text(
        "Work on the Tarn dam stopped in 1950. The company finished the Tarn dam in 1952.\n",
        encoding="utf-8",
    )
    result = runner.invoke(args=["generate", str(article), "--json"])
    assert result.exit_code == 0, result.output
    flags = [f for item in json.loads(result.output) for f in item["flags"]]
    assert any(f.startswith("UNRESOLVED_REF: 'the company'") for f in flags), flags
    text = runner.invoke(args=["generate", str(article)]).output
    assert "! UNRESOLVED_REF" in text


def test_bank_export_json(runner, app, tmp_path):
    runner.invoke(args=["import-article", str(SEEDS / "canada-mexico-2025.txt"), "--publish"])
    out = tmp_path / "bank.json"
    result = runner.invoke(args=["bank", "export", "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    items = json.loads(out.read_text(encoding="utf-8"))
    with app.app_context():
        assert len(items) == db.session.scalar(select(func.count()).select_from(Question))
    for item in items:
        assert {"id", "kind", "prompt", "answer", "choices", "source", "status"} <= item.keys()
        assert item["answer"] in item["choices"]
        assert item["status"] == "published"
