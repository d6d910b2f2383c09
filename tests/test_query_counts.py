"""Docstrings that promise a number of queries keep the promise, whatever the amount of data.

Each case reads the number from the docstring itself ("in two queries", "each in one query"),
so changing a function's queries means changing its docstring, and the other way round.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from quizapp.extensions import db
from quizapp.models import Attempt, Classroom, Quiz, User, utcnow
from quizapp.progress import services as progress
from quizapp.quiz import grading, taking
from quizapp.quiz.visibility import hidden_among, key_hidden
from quizapp.teach.services import student_counts
from tests.conftest import queries
from tests.factories import make_quiz
from tests.test_reports_factories import make_attempt, make_class, user

NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
CLAIM = re.compile(r"\b(one|two|three|four|five) (?:grouped |plain )?quer(?:y|ies)\b")


def claimed(doc: str | None) -> int:
    """The number of queries a docstring promises."""
    match = CLAIM.search(doc or "")
    assert match, f"no query count in {doc!r}"
    return NUMBERS[match[1]]


Call = Callable[[dict], object]
CASES: dict[str, tuple[Call, str | None]] = {
    "history": (lambda w: progress.history(w["student"].id), progress.__doc__),
    "mastery_by_kind": (
        lambda w: progress.mastery_by_kind(w["student"].id, w["hidden"]),
        progress.__doc__,
    ),
    "mastery_by_article": (
        lambda w: progress.mastery_by_article(w["student"].id, w["hidden"]),
        progress.__doc__,
    ),
    "most_missed": (
        lambda w: progress.most_missed(w["student"].id, w["hidden"]),
        progress.__doc__,
    ),
    "practice_outlook": (
        lambda w: progress.practice_outlook(w["student"].id, utcnow(), w["hidden"]),
        progress.__doc__,
    ),
    "hidden_among": (
        lambda w: hidden_among(w["student"], w["question_ids"]),
        hidden_among.__doc__,
    ),
    "student_counts": (lambda w: student_counts([w["class_id"]]), student_counts.__doc__),
    "take_items": (
        lambda w: taking.take_items(w["attempt"]),
        taking.take_items.__doc__,
    ),
    "load_slots": (
        lambda w: grading.load_slots(w["attempt"].id),
        grading.load_slots.__doc__,
    ),
}


def add_attempts(*, quiz_id: int, student_id: int, teacher_id: int, classmates: int) -> None:
    """More submitted attempts by the student and by new classmates in a new class."""
    quiz = db.session.get(Quiz, quiz_id)
    student = db.session.get(User, student_id)
    others = [user(f"mate{classmates}-{n}") for n in range(classmates)]
    make_class(
        teacher_id=teacher_id,
        name=f"C{classmates}",
        code=f"CODE{classmates}X",
        quizzes=[quiz],
        students=[student, *others],
    )
    for who in (student, *others):
        make_attempt(quiz=quiz, user=who, picks=[0, 1, None])


@pytest.mark.parametrize("case", CASES)
def test_a_docstring_query_count_holds(app, case):
    call, doc = CASES[case]
    with app.app_context():
        teacher, student = user("mrs_lee", "teacher"), user("ana")
        quiz = make_quiz(questions=3, owner_id=teacher.id)
        make_attempt(quiz=quiz, user=student, picks=[0, 1, 1])
        ids = {"quiz_id": quiz.id, "student_id": student.id, "teacher_id": teacher.id}

    def count() -> int:
        with app.app_context():
            student = db.session.get(User, ids["student_id"])
            attempt = db.session.scalars(
                db.select(Attempt).where(Attempt.user_id == student.id).limit(1)
            ).one()
            world = {
                "student": student,
                "attempt": attempt,
                "quiz": attempt.quiz,  # loaded now, not inside the count
                "hidden": key_hidden(student),
                "question_ids": [item.question_id for item in attempt.quiz.items],
                "class_id": db.session.scalar(db.select(db.func.max(Classroom.id))),
            }
            with queries(app) as seen:
                call(world)
        return len(seen)

    with app.app_context():
        add_attempts(**ids, classmates=1)
    assert count() == claimed(doc)
    with app.app_context():
        add_attempts(**ids, classmates=4)
    assert count() == claimed(doc)
