"""A demo teacher, a class of 25 students and realistic attempts at the seed quiz.

Students differ in ability and questions in difficulty, so the gradebook spreads, item
statistics discriminate and the exports have something to show. Everything is drawn from a
seeded random generator: two runs on empty databases give the same class.
"""

from __future__ import annotations

import math
import random
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import timedelta

from faker import Faker
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from quizapp.auth.invitations import NO_PASSWORD
from quizapp.auth.services import hash_password
from quizapp.extensions import db
from quizapp.models import (
    Assignment,
    Attempt,
    Classroom,
    Enrollment,
    Quiz,
    QuizQuestion,
    Response,
    User,
    utcnow,
)
from quizapp.states import Role
from quizapp.teach.services import create_classroom

TEACHER = "demo-teacher"
CLASS_NAME = "Demo class 9B"
STUDENTS = 25
SEED = 2025


@dataclass
class DemoResult:
    """What the demo made: the teacher's password, the class and the counts."""

    teacher: User
    password: str
    classroom: Classroom | None
    quiz: Quiz | None
    students: int
    attempts: int
    created: bool


def demo_password() -> str:
    """A fresh password strong enough for a teacher account (four random words' worth)."""
    return "-".join(secrets.token_urlsafe(6) for _ in range(4))


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "".join(c for c in folded if c.isalnum())


def seed_quiz() -> Quiz | None:
    """The ready-made quiz of the first seed article (the oldest public quiz nobody owns)."""
    return db.session.scalar(
        select(Quiz)
        .where(Quiz.owner_id.is_(None), Quiz.public.is_(True), Quiz.draw_count.is_(None))
        .order_by(Quiz.id)
        .limit(1)
    )


def build_demo(quiz: Quiz) -> DemoResult:
    """Make the demo teacher, class, students and attempts; run again, it resets the password."""
    password = demo_password()
    teacher = db.session.scalar(select(User).where(User.username == TEACHER))
    if teacher is not None:
        teacher.password_hash = hash_password(password)
        teacher.active = True
        return DemoResult(teacher, password, None, None, 0, 0, created=False)
    teacher = User(username=TEACHER, password_hash=hash_password(password), role=Role.TEACHER)
    teacher.first_name, teacher.last_name = "Demo", "Teacher"
    db.session.add(teacher)
    db.session.flush()
    own = _own_copy(quiz, teacher)
    classroom = create_classroom(CLASS_NAME, teacher)
    db.session.add(Assignment(quiz_id=own.id, classroom_id=classroom.id))
    rng = random.Random(SEED)
    students = _students(rng)
    for student in students:
        db.session.add(Enrollment(classroom_id=classroom.id, user_id=student.id))
    attempts = _attempts(rng, own, students)
    db.session.flush()
    return DemoResult(teacher, password, classroom, own, len(students), attempts, created=True)


def _own_copy(quiz: Quiz, teacher: User) -> Quiz:
    """The demo teacher's own quiz on the seed quiz's questions (reports are per owner)."""
    copy = Quiz(
        title=f"{quiz.title} (demo)",
        slug=f"{quiz.slug[:100]}-demo",
        description=quiz.description,
        owner_id=teacher.id,
        shuffle=True,
        max_attempts=2,
        time_limit_s=20 * 60,
        grading="highest",
        published=True,
        public=False,
    )
    copy.items = [QuizQuestion(question_id=i.question_id, position=i.position) for i in quiz.items]
    db.session.add(copy)
    db.session.flush()
    return copy


def _students(rng: random.Random) -> list[User]:
    """25 students with plausible names (imported style: no password until invited)."""
    fake = Faker(["en_GB", "en_US", "fr_FR", "es_ES", "de_DE"])
    fake.seed_instance(SEED)
    taken: set[str] = set(db.session.scalars(select(User.username)))
    students: list[User] = []
    while len(students) < STUDENTS:
        first, last = fake.first_name(), fake.last_name()
        username = f"{_ascii(first)}.{_ascii(last)}"[:40]
        if len(username) < 3 or username in taken:
            continue
        taken.add(username)
        student = User(
            username=username,
            password_hash=NO_PASSWORD,
            role=Role.STUDENT,
            first_name=first,
            last_name=last,
            timezone="Europe/London",
        )
        db.session.add(student)
        students.append(student)
    db.session.flush()
    return students


def _attempts(rng: random.Random, quiz: Quiz, students: list[User]) -> int:
    """One or two submitted attempts per student (a few never start), answers by ability."""
    questions = [
        item.question
        for item in db.session.scalars(
            select(QuizQuestion)
            .where(QuizQuestion.quiz_id == quiz.id)
            .options(selectinload(QuizQuestion.question))
            .order_by(QuizQuestion.position)
        )
    ]
    difficulty = {q.id: rng.gauss(0.0, 1.0) for q in questions}
    now = utcnow()
    made = 0
    for student in students:
        if rng.random() < 0.08:  # absent: the gradebook shows who has not started
            continue
        ability = rng.gauss(0.6, 1.0)
        started = now - timedelta(days=rng.uniform(1, 9), minutes=rng.uniform(0, 600))
        for number in range(1, 3 if rng.random() < 0.4 else 2):
            _attempt(rng, quiz, student, number, started, questions, ability, difficulty)
            started += timedelta(days=rng.uniform(0.2, 2))
            ability += 0.4  # a second try goes a little better
            made += 1
    return made


def _attempt(rng, quiz, student, number, started, questions, ability, difficulty) -> None:
    """A submitted attempt whose answers follow a one-parameter logistic (Rasch) model."""
    attempt = Attempt(
        quiz_id=quiz.id,
        user_id=student.id,
        number=number,
        started_at=started,
        deadline_at=started + timedelta(seconds=quiz.time_limit_s or 1200),
        max_score=len(questions),
    )
    order = list(questions)
    rng.shuffle(order)
    for position, question in enumerate(order):
        right = rng.random() < 1 / (1 + math.exp(difficulty[question.id] - ability))
        choices = list(question.choices)
        ids = [c.id for c in choices]
        rng.shuffle(ids)
        response = Response(
            question_id=question.id, position=position, choice_order=ids, is_correct=right
        )
        if choices:
            wrong = [c for c in choices if not c.is_correct] or choices
            pick = next(c for c in choices if c.is_correct) if right else rng.choice(wrong)
            response.choice_id = pick.id
        else:
            response.text_answer = question.answer if right else "not sure"
        response.answered_at = started + timedelta(seconds=40 * (position + 1))
        attempt.responses.append(response)
    attempt.score = float(sum(1 for r in attempt.responses if r.is_correct))
    attempt.submitted_at = started + timedelta(seconds=40 * len(order) + rng.uniform(10, 120))
    db.session.add(attempt)
