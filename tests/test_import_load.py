"""Issue 13 (2, 10): importing text never stops the site, and the size limits agree."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from quizapp.bank import services
from quizapp.bank.interchange import BATCH
from quizapp.extensions import db
from quizapp.generate import generate
from quizapp.models import Article, Question
from tests.conftest import AuthActions, csrf_token, post_form, post_multipart
from tests.factories import make_article, make_quiz
from tests.teach_support import ARTICLE, import_article
from tests.test_quiz import start


def blocking_generator(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """Make the import's generator wait for a signal: (generation started, let it finish)."""
    started, release = threading.Event(), threading.Event()

    def slow_generate(text: str):  # noqa: ANN202
        started.set()
        release.wait(timeout=60)
        return generate(text)

    monkeypatch.setattr(services, "generate", slow_generate)
    return started, release


def student_with_attempt(app) -> tuple[object, int, int, int]:  # noqa: ANN001
    """A second browser: a logged-in student in a running attempt (client, attempt, q, choice)."""
    with app.app_context():
        quiz = make_quiz(questions=1)
        question = quiz.items[0].question
        slug, qid, choice = quiz.slug, question.id, question.choices[0].id
    student = app.test_client()
    AuthActions(student, app).as_new(username="sam")
    return student, start(student, slug), qid, choice


def autosave_during(app, monkeypatch, importing: Callable[[], object]) -> tuple[dict, object]:  # noqa: ANN001
    """Run importing() in a thread; while its generator runs, a student autosaves."""
    student, attempt, qid, choice = student_with_attempt(app)
    token = csrf_token(student, "/")
    started, release = blocking_generator(monkeypatch)
    outcome: dict[str, object] = {}
    worker = threading.Thread(target=lambda: outcome.setdefault("import", importing()))
    worker.start()
    try:
        assert started.wait(timeout=30), "the import never reached the generator"
        saved = student.post(
            f"/attempts/{attempt}/answer",
            data={"question": qid, "answer": choice},
            headers={"X-CSRFToken": token},
        )
        # Still generating: the autosave did not wait for the import to finish.
        assert not release.is_set() and worker.is_alive()
    finally:
        release.set()
        worker.join(timeout=60)
    return {"status": saved.status_code, "json": saved.get_json()}, outcome["import"]


def test_a_students_autosave_succeeds_while_a_teacher_imports_an_article(
    app, client, teacher, monkeypatch
):
    saved, response = autosave_during(app, monkeypatch, lambda: import_article(client))
    assert saved == {"status": 200, "json": {"saved": True}}
    assert response.status_code == 302 and "/review" in response.headers["Location"]


def test_a_students_autosave_succeeds_while_the_command_line_imports(
    app, runner, tmp_path, monkeypatch
):
    path = tmp_path / "bridge.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    saved, result = autosave_during(
        app, monkeypatch, lambda: runner.invoke(args=["import-article", str(path)])
    )
    assert saved == {"status": 200, "json": {"saved": True}}
    assert result.exit_code == 0 and "Imported article" in result.output


def gift_file(n: int, *, article: str | None = None, start: int = 0) -> bytes:
    """n multiple-choice questions in GIFT, numbered from start."""
    meta = f"// article: {article}\n" if article else ""
    return "".join(
        f"// kind: which_year\n{meta}::q{i}:: In which year did event {i} happen? "
        f"{{={1900 + i % 100} ~1850 ~1851 ~1852}}\n\n"
        for i in range(start, start + n)
    ).encode()


def test_a_large_bank_file_imports_in_batches_with_duplicates_skipped(runner, app, tmp_path):
    with app.app_context():
        make_article(title="Harbour history")
        db.session.commit()
    first = tmp_path / "first.gift"
    first.write_bytes(gift_file(3) + gift_file(2, article="Harbour history"))
    assert runner.invoke(args=["bank", "import", str(first)]).exit_code == 0
    n = 2 * BATCH + 7
    path = tmp_path / "big.gift"
    # Unfiled and filed questions, each repeating the bank (3 + 2) and itself (one each).
    path.write_bytes(gift_file(n) + gift_file(1, start=5) + gift_file(n, article="Harbour history"))
    result = runner.invoke(args=["bank", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert f"Imported {2 * (n - 3) + 1} question(s) as drafts; skipped 6." in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Question)) == 2 * n
        questions = db.session.scalars(select(Question)).all()
        for question in questions:  # each got its own four choices, the right one marked
            assert [c.text for c in question.choices if c.is_correct] == [question.answer]
            assert len(question.choices) == 4


def test_a_bank_file_over_the_limit_is_refused_with_a_message(
    runner, client, auth, app, tmp_path, monkeypatch
):
    monkeypatch.setattr("quizapp.bank.interchange.MAX_QUESTIONS", 3)
    path = tmp_path / "many.gift"
    path.write_bytes(gift_file(4))
    result = runner.invoke(args=["bank", "import", str(path)])
    assert result.exit_code != 0
    assert "holds 4 questions; import at most 3 at a time" in result.output
    auth.as_new(username="mrs_lee", role="teacher")
    response = post_form(
        client,
        "/teach/reports/bank/import",
        {"file": (io.BytesIO(gift_file(4)), "many.gift")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert "holds 4 questions; import at most 3 at a time" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Question)) == 0


def calm_text(size: int) -> str:
    """size bytes of plain prose with nothing to ask about (cheap to generate from)."""
    line = "The river was calm that morning and the boats stayed in the harbour.\n"
    return (line * (size // len(line) + 1))[:size]


def paste(client, title: str, body: str):
    """Post the import form as a browser does: multipart, since it has a file field."""
    return post_multipart(client, "/teach/articles/import", {"title": title, "body": body})


def test_the_import_form_states_its_size_limit(client, teacher):
    page = client.get("/teach/articles/import").get_data(as_text=True)
    assert "Paste the article here (at most 1 MB)" in page


def test_a_900_kb_paste_is_imported(client, app, teacher):
    response = paste(client, "Long calm river", calm_text(900_000))
    assert response.status_code == 302, response.status_code
    with app.app_context():
        stored = db.session.scalar(select(Article).where(Article.title == "Long calm river"))
        assert stored is not None and len(stored.body) > 899_000


def test_a_1_1_mb_paste_is_refused_with_the_limit_and_the_form_kept(client, app, teacher):
    response = paste(client, "Too long river", calm_text(1_100_000))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "The text is 1.1 MB; an article can be at most 1 MB." in page
    assert 'value="Too long river"' in page  # nothing the teacher typed is lost
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Article)) == 0


def test_a_request_over_every_limit_says_the_limits(client, app, teacher):
    body = calm_text(app.config["MAX_CONTENT_LENGTH"] + 1)
    response = paste(client, "Huge", body)
    assert response.status_code == 413
    assert "an article at most 1 MB" in response.get_data(as_text=True)
