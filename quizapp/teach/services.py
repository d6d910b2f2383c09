"""Teacher-side rules: who may see what, retiring used questions, quizzes, classes."""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import selectinload

from quizapp.auth.guards import can_edit, editable_by
from quizapp.bank.spec import QuestionSpec
from quizapp.errors import NotFound
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
)
from quizapp.states import Status
from quizapp.transactions import inserted
from quizapp.zones import to_utc, to_wall, viewer_zone

# No 0/O, 1/I/L: codes are read aloud and copied from a board.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 7
RETRIES = 20


def editable_question(question_id: int, user: User) -> Question:
    """A question the user may edit, with its choices and article, else NotFound."""
    question = db.session.scalar(
        select(Question)
        .where(Question.id == question_id)
        .options(selectinload(Question.choices), selectinload(Question.article))
    )
    if question is None or not can_edit(question, user):
        raise NotFound(f"question {question_id}")
    return question


def add_question(spec: QuestionSpec) -> Question:
    """A new question built from its spec, added to the session (flushed by the caller)."""
    question = spec.build()
    db.session.add(question)
    return question


def in_attempts(question_id: int) -> bool:
    """Whether any attempt drew this question: its answer then explains old scores."""
    return bool(db.session.scalar(select(exists().where(Response.question_id == question_id))))


def discard(question: Question) -> str:
    """Delete a question nobody used; retire one that attempts or quizzes refer to."""
    in_quiz = db.session.scalar(select(exists().where(QuizQuestion.question_id == question.id)))
    if in_attempts(question.id) or in_quiz:
        question.status = Status.RETIRED
        return "retired"
    db.session.delete(question)
    return "deleted"


def discard_message(outcome: str) -> str:
    """What happened to a discarded question, in the teacher's words."""
    if outcome == "deleted":
        return "Question deleted."
    return (
        "This question was used in quizzes or attempts, so it was retired instead of deleted: "
        "old scores stay explainable."
    )


def publish_drafts(article: Article, user: User, ids: list[int] | None) -> int:
    """Publish the user's drafts of an article (those with these ids, or all); how many."""
    query = select(Question).where(
        Question.article_id == article.id, Question.status == Status.DRAFT, editable_by(user)
    )
    if ids is not None:
        query = query.where(Question.id.in_(ids))
    questions = db.session.scalars(query).all()
    for question in questions:
        question.status = Status.PUBLISHED
    return len(questions)


def new_join_code() -> str:
    """A random join code without look-alike characters."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def create_classroom(name: str, teacher: User) -> Classroom:
    """Make a class with a fresh unique join code (the unique index settles races)."""
    for _ in range(RETRIES):
        classroom = Classroom(name=name, teacher_id=teacher.id, join_code=new_join_code())
        if inserted(classroom):
            return classroom
    raise RuntimeError("no free join code found")


def set_items(quiz: Quiz, question_ids: list[int]) -> None:
    """Replace a fixed quiz's question list, keeping the given order."""
    quiz.items.clear()
    db.session.flush()
    quiz.items = [QuizQuestion(question_id=qid, position=i) for i, qid in enumerate(question_ids)]


def set_assignments(quiz: Quiz, chosen: list[int], offered: list[int]) -> None:
    """Assign the quiz to the chosen classes among those offered, leaving other classes alone."""
    if offered:
        db.session.execute(
            delete(Assignment).where(
                Assignment.quiz_id == quiz.id, Assignment.classroom_id.in_(offered)
            )
        )
    for classroom_id in set(chosen) & set(offered):
        db.session.add(Assignment(quiz_id=quiz.id, classroom_id=classroom_id))


def assigned_class_ids(quiz: Quiz) -> list[int]:
    """The classes a quiz is assigned to."""
    return list(
        db.session.scalars(select(Assignment.classroom_id).where(Assignment.quiz_id == quiz.id))
    )


def student_counts(classroom_ids: list[int]) -> dict[int, int]:
    """How many students each class has, in one grouped query."""
    if not classroom_ids:
        return {}
    return dict(
        db.session.execute(
            select(Enrollment.classroom_id, func.count())
            .where(Enrollment.classroom_id.in_(classroom_ids))
            .group_by(Enrollment.classroom_id)
        ).all()
    )


def roster(classroom: Classroom) -> list[tuple[Enrollment, int]]:
    """A class's students with their number of attempts at the quizzes assigned to it."""
    assigned = select(Assignment.quiz_id).where(Assignment.classroom_id == classroom.id)
    counts = (
        select(Attempt.user_id, func.count().label("n"))
        .where(Attempt.quiz_id.in_(assigned))
        .group_by(Attempt.user_id)
        .subquery()
    )
    return [
        (enrollment, n)
        for enrollment, n in db.session.execute(
            select(Enrollment, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.user_id == Enrollment.user_id)
            .where(Enrollment.classroom_id == classroom.id)
            .options(selectinload(Enrollment.user))
            .order_by(Enrollment.joined_at, Enrollment.user_id)
        ).all()
    ]


def delete_classroom(classroom: Classroom) -> None:
    """Delete a class with its enrolments and assignments (the students keep their attempts)."""
    db.session.delete(classroom)


def as_utc(value: datetime | None) -> datetime | None:
    """A datetime-local input, typed in the teacher's time zone, as an aware UTC time."""
    return to_utc(value, viewer_zone())


def as_local(value: datetime | None) -> datetime | None:
    """A stored UTC time as the teacher's wall-clock time, for a datetime-local input."""
    return to_wall(value, viewer_zone())
