"""Issue 13 (2, 10): importing text never stops the site, and the size limits agree."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from quizapp.bank import services
from quizapp.generate import generate
from tests.conftest import AuthActions, csrf_token
from tests.factories import make_quiz
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
