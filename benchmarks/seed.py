"""Benchmark database: a migrated, seeded quizapp database and forged login cookies."""

from __future__ import annotations

import random
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from flask import Flask, session
from flask_migrate import upgrade
from flask_wtf.csrf import generate_csrf
from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.engine import Connection, make_url

from quizapp import create_app, normalise_database_url
from quizapp.actors import COMMAND_LINE
from quizapp.auth.services import hash_password
from quizapp.bank.cli import read_article, seed_metadata
from quizapp.bank.services import import_article
from quizapp.extensions import db
from quizapp.models import (
    Article,
    Assignment,
    Attempt,
    Classroom,
    Enrollment,
    Question,
    Quiz,
    QuizQuestion,
    Response,
    User,
    utcnow,
)

ROOT = Path(__file__).resolve().parents[1]
SEED_FILE = ROOT / "seeds" / "canada-mexico-2025.txt"
CLASS_SIZE = 30
LOCAL_HOSTS = (None, "127.0.0.1", "localhost")
ATTEMPTS = Attempt.__table__
RESPONSES = Response.__table__


@dataclass
class Student:
    """A student with one open attempt and the credentials to act as them."""

    user_id: int
    attempt_id: int
    cookie: str
    token: str


@dataclass
class Seeded:
    """What the load phases need: questions with their options, a teacher and students."""

    quiz_id: int
    choices: dict[int, list[int]]  # question id -> option ids
    correct: dict[int, int]  # question id -> right option id
    teacher: tuple[str, str] = ("", "")
    students: list[Student] = field(default_factory=list)


def check_local(url: str) -> None:
    """Refuse a database anywhere but on this machine."""
    if make_url(url).host not in LOCAL_HOSTS:
        raise SystemExit(f"refusing to benchmark against a non-local database: {url}")


@contextmanager
def temporary_database(url: str | None, tmp: Path, schema: str) -> Iterator[str]:
    """Yield the run's database URL: a SQLite file in tmp, or a PostgreSQL schema dropped after."""
    if url is None:
        yield f"sqlite:///{tmp / 'bench.sqlite'}"
        return
    url = normalise_database_url(url)
    check_local(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        exists = conn.scalar(
            text("SELECT 1 FROM information_schema.schemata WHERE schema_name = :s"), {"s": schema}
        )
        if exists:
            raise SystemExit(f"schema {schema!r} already exists: drop it or pass --schema")
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in url else "?"
    try:
        yield f"{url}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()


def bench_app(url: str, secret: str) -> Flask:
    """The app configured like production, on the benchmark database."""
    return create_app(
        {"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": secret, "RATELIMIT_STORAGE_URI": "memory://"}
    )


def cookie_and_token(app: Flask, session_token: str) -> tuple[str, str]:
    """A signed session cookie logged in as a user, and its CSRF token (call outside contexts)."""
    with app.test_request_context():
        session["_user_id"] = session_token
        session["_fresh"] = True
        token = generate_csrf()
        cookie = app.session_interface.get_signing_serializer(app).dumps(dict(session))
    return cookie, token


def seed(app: Flask, *, students: int, history: int, rng: random.Random) -> Seeded:
    """Migrate, import the seed article, and add a teacher, classes, students and attempts."""
    with app.app_context():
        upgrade()
        meta = seed_metadata(SEED_FILE)
        result = import_article(
            read_article(SEED_FILE),
            title=meta["title"],
            origin=f"seed:{SEED_FILE.name}",
            author=COMMAND_LINE,
            publish=True,
        )
        quiz = whole_bank_quiz(result.article)
        password = hash_password("benchmark password")
        teacher = User(username="teacher", password_hash=password, role="teacher")
        db.session.add(teacher)
        db.session.flush()
        quiz.owner_id = teacher.id
        seeded = Seeded(quiz_id=quiz.id, choices={}, correct={})
        _load_questions(seeded)
        user_ids = _add_students(teacher.id, quiz.id, students, password)
        teacher_token = teacher.session_token
        db.session.commit()
        conn = db.session.connection()
        # The first class has a history of submitted attempts; everyone has one open attempt.
        done = [(uid, n, True) for uid in user_ids[:CLASS_SIZE] for n in range(1, history + 1)]
        add_attempts(conn, seeded, done, rng)
        numbers = [history + 1 if i < CLASS_SIZE else 1 for i in range(len(user_ids))]
        opened = add_attempts(
            conn, seeded, list(zip(user_ids, numbers, [False] * students, strict=True)), rng
        )
        tokens = dict(db.session.execute(select(User.id, User.session_token)).all())
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    # Outside the app context: each test request context gets its own `g`, hence its own token.
    seeded.teacher = cookie_and_token(app, teacher_token)
    for uid, attempt_id in zip(user_ids, opened, strict=True):
        cookie, token = cookie_and_token(app, tokens[uid])
        seeded.students.append(Student(uid, attempt_id, cookie, token))
    return seeded


def whole_bank_quiz(article: Article) -> Quiz:
    """A quiz of every published question of the article (the seed's 44).

    Not the app's 15-question ready-made quiz: the load figures stay comparable with earlier
    runs, and a long attempt page is the harder case.
    """
    questions = db.session.scalars(
        select(Question)
        .where(Question.article_id == article.id, Question.status == "published")
        .order_by(Question.id)
    ).all()
    quiz = Quiz(title=article.title, slug="benchmark", published=True, public=True, shuffle=True)
    quiz.items = [QuizQuestion(question=q, position=i) for i, q in enumerate(questions)]
    db.session.add(quiz)
    db.session.flush()
    return quiz


def _load_questions(seeded: Seeded) -> None:
    """Fill in the quiz's questions and their options."""
    questions = db.session.scalars(
        select(Question)
        .join(QuizQuestion, QuizQuestion.question_id == Question.id)
        .where(QuizQuestion.quiz_id == seeded.quiz_id)
        .order_by(QuizQuestion.position)
    )
    for question in questions:
        seeded.choices[question.id] = [c.id for c in question.choices]
        seeded.correct[question.id] = next(c.id for c in question.choices if c.is_correct)


def _add_students(teacher_id: int, quiz_id: int, count: int, password: str) -> list[int]:
    """Students in classes of CLASS_SIZE, each class assigned the quiz; returns their ids."""
    conn = db.session.connection()
    rows = [
        {
            "username": f"student{i:05d}",
            "password_hash": password,
            "role": "student",
            "active": True,
            "session_token": secrets.token_urlsafe(32),
            "created_at": utcnow(),
        }
        for i in range(count)
    ]
    users = User.__table__
    ids = list(
        conn.scalars(insert(users).returning(users.c.id, sort_by_parameter_order=True), rows)
    )
    for start in range(0, count, CLASS_SIZE):
        number = start // CLASS_SIZE + 1
        classroom = Classroom(
            name=f"Class {number}", join_code=f"BENCH{number:04d}", teacher_id=teacher_id
        )
        db.session.add(classroom)
        db.session.flush()
        db.session.add(Assignment(quiz_id=quiz_id, classroom_id=classroom.id))
        db.session.add_all(
            Enrollment(classroom_id=classroom.id, user_id=uid)
            for uid in ids[start : start + CLASS_SIZE]
        )
    db.session.flush()
    return ids


def add_attempts(
    conn: Connection, seeded: Seeded, wanted: list[tuple[int, int, bool]], rng: random.Random
) -> list[int]:
    """Insert attempts (user id, number, submitted?) with their 44 responses, as the app would."""
    now = utcnow()
    attempt_rows, response_sets = [], []
    for user_id, number, submitted in wanted:
        started = now - timedelta(minutes=rng.uniform(30, 60 * 24 * 14)) if submitted else now
        responses = _responses(seeded, rng, submitted, started)
        attempt_rows.append(
            {
                "quiz_id": seeded.quiz_id,
                "user_id": user_id,
                "number": number,
                "started_at": started,
                "deadline_at": None,
                "submitted_at": started + timedelta(minutes=rng.uniform(3, 25))
                if submitted
                else None,
                "score": sum(bool(r["is_correct"]) for r in responses) if submitted else None,
                "max_score": len(responses),
            }
        )
        response_sets.append(responses)
    ids: list[int] = []
    for start in range(0, len(attempt_rows), 2000):
        statement = insert(ATTEMPTS).returning(ATTEMPTS.c.id, sort_by_parameter_order=True)
        ids.extend(conn.scalars(statement, attempt_rows[start : start + 2000]))
        rows = [
            {**r, "attempt_id": attempt_id}
            for attempt_id, responses in zip(
                ids[start : start + 2000], response_sets[start : start + 2000], strict=True
            )
            for r in responses
        ]
        conn.execute(insert(RESPONSES), rows)
    return ids


def _responses(
    seeded: Seeded, rng: random.Random, submitted: bool, started: datetime
) -> list[dict[str, object]]:
    """The frozen, shuffled draw of one attempt, answered (70% right) when submitted."""
    order = list(seeded.choices)
    rng.shuffle(order)
    rows = []
    for position, qid in enumerate(order):
        options = seeded.choices[qid][:]
        rng.shuffle(options)
        row: dict[str, object] = {
            "question_id": qid,
            "position": position,
            "choice_order": options,
            "choice_id": None,
            "text_answer": None,
            "is_correct": None,
            "answered_at": None,
        }
        if submitted:
            right = rng.random() < 0.7
            choice = (
                seeded.correct[qid]
                if right
                else rng.choice([c for c in options if c != seeded.correct[qid]])
            )
            row.update(choice_id=choice, is_correct=right, answered_at=started)
        rows.append(row)
    return rows


def top_up_attempts(app: Flask, seeded: Seeded, total: int, rng: random.Random) -> int:
    """Add submitted attempts by the class's students until the database holds `total`."""
    with app.app_context():
        conn = db.session.connection()
        have = conn.scalar(select(func.count()).select_from(ATTEMPTS))
        last = dict(
            conn.execute(
                select(ATTEMPTS.c.user_id, func.max(ATTEMPTS.c.number)).group_by(ATTEMPTS.c.user_id)
            ).all()
        )
        users = sorted(last)
        wanted = []
        for i in range(max(total - have, 0)):
            uid = users[i % len(users)]
            last[uid] += 1
            wanted.append((uid, last[uid], True))
        add_attempts(conn, seeded, wanted, rng)
        db.session.commit()
        count = db.session.scalar(select(func.count()).select_from(ATTEMPTS))
        db.session.remove()
        db.engine.dispose()
    return count


def submitted_count(app: Flask, attempt_ids: list[int]) -> int:
    """How many of these attempts are submitted."""
    with app.app_context():
        count = db.session.scalar(
            select(func.count())
            .select_from(ATTEMPTS)
            .where(ATTEMPTS.c.id.in_(attempt_ids), ATTEMPTS.c.submitted_at.is_not(None))
        )
        db.session.remove()
    return count or 0
