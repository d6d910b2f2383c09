"""Gradebooks, per-attempt detail, score histograms and item statistics.

Item statistics follow Moodle's quiz statistics report, computed from submitted attempts:
facility = % of attempts answering the question right; discrimination = the Pearson correlation
between the item score (0/1) and the rest-of-test score (the attempt's other questions, as a
fraction, so random draws of different sizes compare), i.e. the corrected point-biserial
item-rest correlation.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from quizapp.auth.guards import sees_all
from quizapp.errors import NotFound
from quizapp.extensions import db
from quizapp.models import (
    Assignment,
    Attempt,
    Choice,
    Classroom,
    Enrollment,
    Question,
    Quiz,
    QuizQuestion,
    Response,
    User,
)
from quizapp.quiz.attempts import close_expired
from quizapp.quiz.checkers import answer_format, normalise_text
from quizapp.quiz.grading import final_grade
from quizapp.states import Format

EASY, HARD = 95.0, 20.0  # facility bounds (percent) outside which a question is flagged
WEAK_DISCRIMINATION = 0.1
MIN_ATTEMPTS = 5  # below this, a never-picked distractor says little
# Below this many attempts a correlation swings to ±1 on a single student: not worth judging.
MIN_DISCRIMINATION = 10


@dataclass
class StudentGrades:
    """One student's attempts at a quiz and the grade they earn by its grading method."""

    user: User
    attempts: list[Attempt]
    grade: float | None


@dataclass
class Bin:
    """One bar of a histogram: scores in [low, high) (the last bar includes 100)."""

    low: int
    high: int
    count: int


@dataclass
class ClassMatrix:
    """A class's students × its assigned quizzes, a grade per cell."""

    students: list[User]
    quizzes: list[Quiz]
    grades: dict[tuple[int, int], float | None]


@dataclass
class ChoiceStat:
    """How often one option was picked."""

    choice: Choice
    picked: int


@dataclass
class ItemStat:
    """Moodle-style statistics of one question in one quiz."""

    question: Question
    attempts: int
    correct: int
    facility: float | None
    discrimination: float | None
    choices: list[ChoiceStat] = field(default_factory=list)
    unanswered: int = 0
    flags: list[str] = field(default_factory=list)
    typed: list[TypedAnswer] = field(default_factory=list)
    answered_as: str = Format.CHOICE  # how students answered it in this quiz: choice, text, numeric

    @property
    def too_few(self) -> bool:
        """Whether the sample is too small to judge discrimination."""
        return self.attempts < MIN_DISCRIMINATION


@dataclass
class TypedAnswer:
    """One distinct typed answer (as most students spelled it), how often, and its mark."""

    text: str
    count: int
    correct: bool


def by_name() -> tuple:
    """Students in roster order: by last name (the username when there is none), then first."""
    return (func.lower(func.coalesce(User.last_name, User.username)), User.first_name, User.id)


def assigned_classes(quiz: Quiz, user: User) -> list[Classroom]:
    """The classes this quiz is assigned to that the user teaches (admins: all of them)."""
    query = (
        select(Classroom)
        .join(Assignment, Assignment.classroom_id == Classroom.id)
        .where(Assignment.quiz_id == quiz.id)
        .order_by(Classroom.name, Classroom.id)
    )
    if not sees_all(user):
        query = query.where(Classroom.teacher_id == user.id)
    return list(db.session.scalars(query))


def gradebook(quiz: Quiz, classroom: Classroom | None = None) -> list[StudentGrades]:
    """Every student's attempts at the quiz with their grade, in two queries."""
    close_expired(quiz_ids=[quiz.id])
    query = (
        select(Attempt)
        .join(Attempt.user)
        .options(contains_eager(Attempt.user))
        .where(Attempt.quiz_id == quiz.id)
        .order_by(*by_name(), Attempt.number)
    )
    if classroom is not None:
        members = select(Enrollment.user_id).where(Enrollment.classroom_id == classroom.id)
        query = query.where(Attempt.user_id.in_(members))
    by_user: dict[int, list[Attempt]] = {}
    for attempt in db.session.scalars(query):
        by_user.setdefault(attempt.user_id, []).append(attempt)
    return [
        StudentGrades(user=attempts[0].user, attempts=attempts, grade=final_grade(quiz, attempts))
        for attempts in by_user.values()
    ]


def histogram(values: list[float], bins: int = 10) -> list[Bin]:
    """Count percentages into equal bins from 0 to 100; 100 falls in the last bin."""
    width = 100 / bins
    counts = [0] * bins
    for value in values:
        counts[min(int(max(value, 0) // width), bins - 1)] += 1
    return [Bin(round(i * width), round((i + 1) * width), n) for i, n in enumerate(counts)]


def histogram_bars(
    bars: list[Bin], *, width: int = 600, height: int = 200, pad: int = 30
) -> list[dict]:
    """SVG rectangles for a histogram, tallest bar filling the plot height."""
    tallest = max((b.count for b in bars), default=0) or 1
    step = (width - 2 * pad) / max(len(bars), 1)
    plot = height - 2 * pad
    shapes = []
    for i, b in enumerate(bars):
        h = plot * b.count / tallest
        shapes.append(
            {
                "x": round(pad + i * step + 2, 1),
                "y": round(height - pad - h, 1),
                "w": round(step - 4, 1),
                "h": round(h, 1),
                "label_x": round(pad + i * step + step / 2, 1),
                "label": f"{b.low}–{b.high}%: {b.count} student{'' if b.count == 1 else 's'}",
                "bin": b,
            }
        )
    return shapes


def class_matrix(classroom: Classroom) -> ClassMatrix:
    """Students × assigned quizzes with each student's grade per quiz, in five queries."""
    members = select(Enrollment.user_id).where(Enrollment.classroom_id == classroom.id)
    assigned = select(Assignment.quiz_id).where(Assignment.classroom_id == classroom.id)
    close_expired(quiz_ids=list(db.session.scalars(assigned)))
    students = list(
        db.session.scalars(select(User).where(User.id.in_(members)).order_by(*by_name()))
    )
    quizzes = list(
        db.session.scalars(select(Quiz).where(Quiz.id.in_(assigned)).order_by(Quiz.title, Quiz.id))
    )
    found: dict[tuple[int, int], list[Attempt]] = defaultdict(list)
    attempts = db.session.scalars(
        select(Attempt).where(Attempt.user_id.in_(members), Attempt.quiz_id.in_(assigned))
    )
    for attempt in attempts:
        found[(attempt.user_id, attempt.quiz_id)].append(attempt)
    by_id = {q.id: q for q in quizzes}
    grades = {key: final_grade(by_id[key[1]], found_) for key, found_ in found.items()}
    return ClassMatrix(students=students, quizzes=quizzes, grades=grades)


def attempt_detail(attempt_id: int, viewer: User) -> Attempt:
    """An attempt at the viewer's quiz with its student, questions and answers, else NotFound."""
    found = db.session.scalar(
        select(Attempt)
        .where(Attempt.id == attempt_id)
        .options(
            selectinload(Attempt.user),
            selectinload(Attempt.quiz),
            selectinload(Attempt.responses)
            .selectinload(Response.question)
            .selectinload(Question.choices),
        )
    )
    if found is None or not (sees_all(viewer) or found.quiz.owner_id == viewer.id):
        raise NotFound(f"attempt {attempt_id}")
    return found


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """The Pearson correlation of two equally long series; None when either does not vary."""
    n = len(xs)
    if n < 2 or n != len(ys):
        return None
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    syy = sum((y - mean_y) ** 2 for y in ys)
    # Rounding leaves a constant series a variance of ~1e-32, not 0: that still means none.
    if sxx < 1e-12 or syy < 1e-12:
        return None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    return sxy / math.sqrt(sxx * syy)


def item_flags(
    *, facility: float | None, discrimination: float | None, attempts: int, choices: list
) -> list[str]:
    """Why a question deserves a second look (Moodle's rules of thumb)."""
    flags = []
    if facility is not None and facility > EASY:
        flags.append(f"Very easy: more than {EASY:.0f}% answer it right.")
    if facility is not None and facility < HARD:
        flags.append(f"Very hard: fewer than {HARD:.0f}% answer it right.")
    # No variance (everyone right or everyone wrong) leaves discrimination undefined: the
    # facility flags cover that case.
    weak = discrimination is not None and discrimination < WEAK_DISCRIMINATION
    if attempts >= MIN_DISCRIMINATION and weak:
        flags.append(
            f"Weak discrimination (below {WEAK_DISCRIMINATION}): strong and weak students"
            " do about as well on it."
        )
    right = next((c.picked for c in choices if c.choice.is_correct), None)
    for stat in choices:
        if stat.choice.is_correct:
            continue
        if stat.picked == 0 and attempts >= MIN_ATTEMPTS:
            flags.append(f"Distractor never picked: “{stat.choice.text}”.")
        if right is not None and stat.picked > right:
            flags.append(
                f"Distractor picked more often than the right answer: “{stat.choice.text}”."
            )
    return flags


def item_statistics(quiz: Quiz) -> list[ItemStat]:
    """Facility, discrimination, option counts and flags per question, in five queries."""
    close_expired(quiz_ids=[quiz.id])
    rows = db.session.execute(
        select(
            Response.attempt_id,
            Response.question_id,
            Response.choice_id,
            Response.is_correct,
            Response.text_answer,
        )
        .join(Attempt, Attempt.id == Response.attempt_id)
        .where(Attempt.quiz_id == quiz.id, Attempt.submitted_at.is_not(None))
    ).all()
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])  # attempt -> [score, drawn]
    for attempt_id, _, _, correct, _ in rows:
        totals[attempt_id][0] += 1 if correct else 0
        totals[attempt_id][1] += 1
    per_question: dict[int, list[tuple]] = defaultdict(list)
    for row in rows:
        per_question[row.question_id].append(row)
    if not per_question:
        return []
    questions = db.session.scalars(
        select(Question)
        .where(Question.id.in_(per_question))
        # The article comes in the same query: the page asks who may edit each question.
        .options(selectinload(Question.choices), joinedload(Question.article))
    ).all()
    positions = dict(
        db.session.execute(
            select(QuizQuestion.question_id, QuizQuestion.position).where(
                QuizQuestion.quiz_id == quiz.id
            )
        ).all()
    )
    questions = sorted(questions, key=lambda q: (positions.get(q.id, len(positions)), q.id))
    return [
        _item_stat(q, per_question[q.id], totals, chosen=answer_format(q, quiz.typed_answers))
        for q in questions
    ]


def typed_answers(rows: list) -> list[TypedAnswer]:
    """The distinct typed answers, grouped as the checker compares them, most frequent first."""
    groups: dict[str, list] = defaultdict(list)
    for row in rows:
        if row.choice_id is None and (row.text_answer or "").strip():
            groups[normalise_text(row.text_answer)].append(row)
    found = []
    for group in groups.values():
        spelling = Counter(r.text_answer.strip() for r in group).most_common(1)[0][0]
        right = sum(1 for r in group if r.is_correct) * 2 >= len(group)
        found.append(TypedAnswer(text=spelling, count=len(group), correct=right))
    return sorted(found, key=lambda t: (-t.count, t.text.casefold()))


def _item_stat(
    question: Question, rows: list, totals: dict[int, list[int]], *, chosen: str
) -> ItemStat:
    """One question's statistics from its responses and each attempt's total."""
    items, rests = [], []
    for row in rows:
        item = 1 if row.is_correct else 0
        score, drawn = totals[row.attempt_id]
        if drawn > 1:
            items.append(item)
            rests.append((score - item) / (drawn - 1))
    n = len(rows)
    correct = sum(1 for row in rows if row.is_correct)
    picked: dict[int, int] = defaultdict(int)
    for row in rows:
        if row.choice_id is not None:
            picked[row.choice_id] += 1
    facility = 100.0 * correct / n if n else None
    discrimination = pearson(items, rests)
    # Options are counted when students chose among them, even if nobody picked any yet.
    by_choice = chosen == Format.CHOICE
    choice_stats = (
        [ChoiceStat(choice=c, picked=picked[c.id]) for c in question.choices] if by_choice else []
    )
    return ItemStat(
        question=question,
        attempts=n,
        correct=correct,
        facility=facility,
        discrimination=discrimination,
        choices=choice_stats,
        unanswered=sum(1 for row in rows if row.choice_id is None and row.is_correct is None),
        flags=item_flags(
            facility=facility, discrimination=discrimination, attempts=n, choices=choice_stats
        ),
        typed=[] if by_choice else typed_answers(rows),
        answered_as=chosen,
    )
