"""A real server (gunicorn, 4 workers) under concurrent submissions: nothing lost or doubled."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from flask import session
from flask_migrate import upgrade
from flask_wtf.csrf import generate_csrf
from sqlalchemy import func, select, text

from quizapp.auth.services import hash_password
from quizapp.extensions import db
from quizapp.models import Attempt, Response, User
from quizapp.quiz.attempts import start_attempt
from tests.factories import make_quiz

SECRET = "concurrency-test-secret"
ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cookie_and_token(app, session_token: str) -> tuple[str, str]:
    """A signed session cookie logged in as a user, and the CSRF token that goes with it."""
    with app.test_request_context():
        session["_user_id"] = session_token
        session["_fresh"] = True
        token = generate_csrf()
        cookie = app.session_interface.get_signing_serializer(app).dumps(dict(session))
    return cookie, token


@pytest.fixture
def server(fresh_app, tmp_path):
    """Students with running attempts, and gunicorn serving the same database."""
    app = fresh_app
    app.config["SECRET_KEY"] = SECRET
    with app.app_context():
        upgrade()
        quiz = make_quiz(questions=3, shuffle=False)
        password = hash_password("long enough pw")
        students = []
        for i in range(201):
            user = User(username=f"s{i}", password_hash=password)
            db.session.add(user)
            db.session.flush()
            attempt = start_attempt(quiz, user)
            students.append((user, attempt))
        db.session.commit()
        questions = [item.question for item in quiz.items]
        answers = {
            "right": {q.id: next(c.id for c in q.choices if c.is_correct) for q in questions},
            "wrong": {q.id: next(c.id for c in q.choices if not c.is_correct) for q in questions},
        }
        tokens = [(a.id, u.session_token) for u, a in students]
    # Outside the app context: each test request context then gets its own `g`, hence its own
    # CSRF token (Flask-WTF caches the token in `g`).
    people = [{"attempt": a, "cookie_token": cookie_and_token(app, t)} for a, t in tokens]
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "SECRET_KEY": SECRET,
        "FLASK_RATELIMIT_STORAGE_URI": "memory://",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "4", "-b", f"127.0.0.1:{port}",
         "--graceful-timeout", "5", "quizapp:create_app()"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1):
                break
        except OSError:  # refused, reset or timed out while workers boot
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("gunicorn did not start: " + process.stderr.read().decode()[-2000:])
    yield {"base": base, "app": app, "people": people, "answers": answers, "process": process}
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=15)
    process.stderr.close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: D102
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def post(base: str, path: str, person: dict, fields: dict) -> int:
    """POST a form as a student; returns the status code."""
    cookie, token = person["cookie_token"]
    body = urllib.parse.urlencode({"csrf_token": token, **fields}).encode()
    request = urllib.request.Request(
        base + path, data=body, headers={"Cookie": f"session={cookie}"}, method="POST"
    )
    try:
        with OPENER.open(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (OSError, http.client.HTTPException):
        return 0  # the worker died mid-request: the client saw no answer


def submit_fields(answers: dict[int, int]) -> dict[str, int]:
    return {f"q{qid}": choice for qid, choice in answers.items()}


def test_200_concurrent_submissions_are_all_recorded(server):
    base, people, right = server["base"], server["people"][:200], server["answers"]["right"]
    with ThreadPoolExecutor(max_workers=50) as pool:
        statuses = list(
            pool.map(
                lambda p: post(base, f"/attempts/{p['attempt']}/submit", p, submit_fields(right)),
                people,
            )
        )
    assert statuses == [302] * 200
    with server["app"].app_context():
        submitted = db.session.scalar(
            select(func.count()).select_from(Attempt).where(Attempt.submitted_at.is_not(None))
        )
        full_marks = db.session.scalar(
            select(func.count()).select_from(Attempt).where(Attempt.score == 3)
        )
    assert submitted == 200 and full_marks == 200
    assert_integrity(server["app"])


def test_50_concurrent_submissions_of_one_attempt_change_it_once(server):
    base, person = server["base"], server["people"][200]
    right, wrong = server["answers"]["right"], server["answers"]["wrong"]
    # Half the requests carry right answers, half wrong ones: a mix in the result would show
    # that two submissions interleaved.
    payloads = [submit_fields(right if i % 2 else wrong) for i in range(50)]
    with ThreadPoolExecutor(max_workers=50) as pool:
        statuses = list(
            pool.map(
                lambda f: post(base, f"/attempts/{person['attempt']}/submit", person, f), payloads
            )
        )
    assert set(statuses) == {302}
    with server["app"].app_context():
        attempt = db.session.get(Attempt, person["attempt"])
        chosen = dict(
            db.session.execute(
                select(Response.question_id, Response.choice_id).where(
                    Response.attempt_id == attempt.id
                )
            ).all()
        )
    assert attempt.submitted_at is not None
    assert chosen in (right, wrong)
    assert attempt.score == (3 if chosen == right else 0)


def worker_pids(master: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout
    return [int(pid) for pid in out.split()]


def test_killing_a_worker_under_load_loses_no_committed_answer(server):
    base, people = server["base"], server["people"][:120]
    right = server["answers"]["right"]
    qid = next(iter(right))

    def save(person: dict) -> tuple[int, int]:
        status = post(
            base,
            f"/attempts/{person['attempt']}/answer",
            person,
            {"question": qid, "answer": right[qid]},
        )
        return person["attempt"], status

    with ThreadPoolExecutor(max_workers=20) as pool:
        futures = [pool.submit(save, p) for p in people]
        time.sleep(0.05)
        victims = worker_pids(server["process"].pid)
        assert victims, "no gunicorn workers found"
        os.kill(victims[0], signal.SIGKILL)
        results = [f.result() for f in futures]
    saved = [attempt for attempt, status in results if status == 200]
    assert saved, "no save succeeded"
    with server["app"].app_context():
        stored = set(
            db.session.scalars(
                select(Response.attempt_id).where(
                    Response.question_id == qid, Response.choice_id == right[qid]
                )
            )
        )
    assert set(saved) <= stored
    assert_integrity(server["app"])


def assert_integrity(app) -> None:
    """SQLite's own consistency check after the storm (PostgreSQL needs none)."""
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            assert db.session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
