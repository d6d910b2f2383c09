"""Attempts: who may take what, the frozen draw, saving answers, submitting once, grading."""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, or_, select, true, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload, lazyload, selectinload

from quizapp.extensions import db
from quizapp.ids import parse_id
from quizapp.models import (
    Article,
    Assignment,
    Attempt,
    Choice,
    Enrollment,
    Question,
    Quiz,
    QuizQuestion,
    Response,
    User,
    utcnow,
)
from quizapp.quiz.accommodations import attempt_deadline, extra_attempts, student_limits
from quizapp.quiz.assembly import draw, item_of
from quizapp.quiz.checkers import answer_format, is_correct
from quizapp.quiz.marks import score_of
from quizapp.sqlite import read_phase, write_phase
from quizapp.states import Format, Grading, Role, Status


class QuizError(Exception):
    """A request the rules refuse, with a message for the student and an HTTP status."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass
class QuizSummary:
    """What the quiz list shows for one quiz and one student."""

    quiz: Quiz
    questions: int
    articles: list[Article]
    attempts_used: int
    best: float | None  # best percentage, None before any submitted attempt
    extra_attempts: int = 0  # granted by the teacher as an accommodation

    @property
    def attempts_left(self) -> int | None:
        """Attempts still allowed, None when unlimited."""
        if self.quiz.max_attempts is None:
            return None
        return max(self.quiz.max_attempts + self.extra_attempts - self.attempts_used, 0)


def _allowed_clause(user: User | None):
    """SQL condition: quizzes this user may see (public ones, their classes', their own)."""
    clause = Quiz.public.is_(True)
    if user is None or not user.is_authenticated:
        return and_(Quiz.published.is_(True), clause)
    if user.role == Role.ADMIN:
        return true()
    my_classes = select(Enrollment.classroom_id).where(Enrollment.user_id == user.id)
    assigned = select(Assignment.quiz_id).where(Assignment.classroom_id.in_(my_classes))
    return or_(
        and_(Quiz.published.is_(True), or_(clause, Quiz.id.in_(assigned))), Quiz.owner_id == user.id
    )


def visible_quiz(slug: str, user: User | None) -> Quiz | None:
    """The quiz with this slug if the user may see it."""
    return db.session.scalar(select(Quiz).where(Quiz.slug == slug, _allowed_clause(user)))


def quiz_summaries(user: User | None) -> list[QuizSummary]:
    """The quizzes open to a user with counts, articles and scores, in a few queries."""
    if user is not None and user.is_authenticated:
        close_expired(user_id=user.id)
    quizzes = db.session.scalars(
        select(Quiz)
        .where(_allowed_clause(user), Quiz.published.is_(True))
        .order_by(Quiz.created_at.desc(), Quiz.id.desc())
    ).all()
    if not quizzes:
        return []
    ids = [q.id for q in quizzes]
    counts = dict(
        db.session.execute(
            select(QuizQuestion.quiz_id, func.count())
            .where(QuizQuestion.quiz_id.in_(ids))
            .group_by(QuizQuestion.quiz_id)
        ).all()
    )
    articles_of = _articles_by_quiz(quizzes)
    used: dict[int, int] = {}
    best: dict[int, float] = {}
    extra: dict[int, int] = {}
    if user is not None and user.is_authenticated:
        extra = extra_attempts(user.id, ids)
        rows = db.session.execute(
            select(Attempt.quiz_id, func.count(), func.max(Attempt.percent))
            .where(Attempt.user_id == user.id, Attempt.quiz_id.in_(ids))
            .group_by(Attempt.quiz_id)
        ).all()
        used = {quiz_id: n for quiz_id, n, _ in rows}
        best = {quiz_id: pct for quiz_id, _, pct in rows if pct is not None}
    return [
        QuizSummary(
            quiz=q,
            questions=q.draw_count or counts.get(q.id, 0),
            articles=articles_of.get(q.id, []),
            attempts_used=used.get(q.id, 0),
            best=best.get(q.id),
            extra_attempts=extra.get(q.id, 0),
        )
        for q in quizzes
    ]


def _articles_by_quiz(quizzes: list[Quiz]) -> dict[int, list[Article]]:
    """The articles each quiz draws on, from its fixed list or its draw settings."""
    ids = [q.id for q in quizzes]
    pairs = db.session.execute(
        select(QuizQuestion.quiz_id, Question.article_id)
        .join(Question, Question.id == QuizQuestion.question_id)
        .where(QuizQuestion.quiz_id.in_(ids), Question.article_id.is_not(None))
        .distinct()
    ).all()
    wanted: dict[int, set[int]] = {q.id: set(q.draw_article_ids or []) for q in quizzes}
    for quiz_id, article_id in pairs:
        wanted[quiz_id].add(article_id)
    all_ids = set().union(*wanted.values())
    articles = (
        {a.id: a for a in db.session.scalars(select(Article).where(Article.id.in_(all_ids)))}
        if all_ids
        else {}
    )
    return {
        quiz_id: sorted((articles[i] for i in found if i in articles), key=lambda a: a.id)
        for quiz_id, found in wanted.items()
    }


def window_problem(quiz: Quiz, now: datetime) -> str | None:
    """Why the quiz cannot be started now, or None when it can."""
    if quiz.opens_at and now < quiz.opens_at:
        return f"This quiz opens on {quiz.opens_at:%d %B %Y at %H:%M} UTC."
    if quiz.closes_at and now >= quiz.closes_at:
        return "This quiz is closed."
    return None


def open_attempt(quiz: Quiz, user: User) -> Attempt | None:
    """The user's unfinished attempt at this quiz that is still running, if any."""
    attempts = db.session.scalars(
        select(Attempt).where(
            Attempt.quiz_id == quiz.id, Attempt.user_id == user.id, Attempt.submitted_at.is_(None)
        )
    ).all()
    now = utcnow()
    return next((a for a in attempts if a.is_running(now)), None)


def start_attempt(quiz: Quiz, user: User) -> Attempt:
    """Resume the running attempt or start a new one with a frozen draw."""
    running = open_attempt(quiz, user)
    if running is not None:
        return running
    now = utcnow()
    problem = window_problem(quiz, now)
    if problem:
        raise QuizError(problem, 403)
    close_expired(user_id=user.id, quiz_ids=[quiz.id])
    used = db.session.scalar(
        select(func.coalesce(func.max(Attempt.number), 0)).where(
            Attempt.quiz_id == quiz.id, Attempt.user_id == user.id
        )
    )
    # The student's own limits: a teacher's override may add time or attempts.
    allowed = student_limits(quiz, user.id)
    if allowed.max_attempts is not None and used >= allowed.max_attempts:
        raise QuizError("You have used every attempt this quiz allows.", 403)
    questions = draw_questions(quiz)
    if not questions:
        raise QuizError("This quiz has no questions yet.", 409)
    deadline = attempt_deadline(quiz, now, allowed.time_limit_s)
    attempt = Attempt(
        quiz=quiz,
        user_id=user.id,
        number=used + 1,
        started_at=now,
        deadline_at=deadline,
        max_score=len(questions),
    )
    rng = random.Random(secrets.randbits(64))
    attempt.responses = [
        Response(question=q, position=i, choice_order=_choice_order(q, rng, quiz.shuffle))
        for i, q in enumerate(questions)
    ]
    db.session.add(attempt)
    try:
        # The attempt number is unique per student and quiz: a second tab loses here.
        with db.session.begin_nested():
            db.session.flush()
    except IntegrityError:
        raise QuizError(
            "An attempt was started in another tab; reload to continue it.", 409
        ) from None
    return attempt


def _choice_order(question: Question, rng: random.Random, shuffle: bool) -> list[int]:
    ids = [c.id for c in question.choices]
    if shuffle:
        rng.shuffle(ids)
    return ids


def draw_questions(quiz: Quiz) -> list[Question]:
    """The questions of a new attempt: the fixed list, or N drawn from the pool."""
    options = selectinload(Question.choices)
    if quiz.draw_count is None:
        questions = list(
            db.session.scalars(
                select(Question)
                .join(QuizQuestion, QuizQuestion.question_id == Question.id)
                .where(QuizQuestion.quiz_id == quiz.id, Question.status != Status.RETIRED)
                .order_by(QuizQuestion.position)
                .options(options)
            )
        )
        if quiz.shuffle:
            random.Random(secrets.randbits(64)).shuffle(questions)
        return questions
    query = select(Question).where(Question.status == Status.PUBLISHED).options(options)
    if quiz.draw_kinds:
        query = query.where(Question.kind.in_(quiz.draw_kinds))
    if quiz.draw_article_ids:
        query = query.where(Question.article_id.in_(quiz.draw_article_ids))
    pool = list(db.session.scalars(query.order_by(Question.id)))
    items = [item_of(q, [c.text for c in q.choices]) for q in pool]
    # No drawn question may give another away (same sentence, mirror pair, figure in a stem).
    return [item.key for item in draw(items, quiz.draw_count, random.Random(secrets.randbits(64)))]


def load_attempt(attempt_id: int, user: User, *, with_articles: bool = False) -> Attempt | None:
    """The user's own attempt with everything its pages show, in a bounded number of queries."""
    question = selectinload(Attempt.responses).selectinload(Response.question)
    return db.session.scalar(
        select(Attempt)
        .where(Attempt.id == attempt_id, Attempt.user_id == user.id)
        .options(
            joinedload(Attempt.quiz),
            # Only the result page cites articles; their full text is never needed here.
            question.options(
                selectinload(Question.choices),
                selectinload(Question.article).load_only(Article.id, Article.title)
                if with_articles
                else lazyload(Question.article),
            ),
        )
    )


@dataclass
class TakeItem:
    """What the attempt page shows of one question: no answer key, nothing to leak."""

    id: int
    prompt: str
    format: str
    choice_id: int | None
    text_answer: str | None
    choices: list[tuple[int, str]]
    flagged: bool = False

    @property
    def answered(self) -> bool:
        """Whether a choice or a non-empty text is saved for this question."""
        return self.choice_id is not None or bool(self.text_answer)


def take_items(attempt: Attempt) -> list[TakeItem]:
    """The attempt's questions in order with the saved answers, in two plain queries.

    The busiest page of a class: plain rows instead of ORM objects halve its cost.
    """
    rows = db.session.execute(
        select(
            Response.question_id,
            Response.choice_order,
            Response.choice_id,
            Response.text_answer,
            Response.flagged,
            Question.prompt,
            Question.kind,
            Question.format,
            Question.answer,
        )
        .join(Question, Question.id == Response.question_id)
        .where(Response.attempt_id == attempt.id)
        .order_by(Response.position)
    ).all()
    texts = dict(
        db.session.execute(
            select(Choice.id, Choice.text).where(
                Choice.question_id.in_([row.question_id for row in rows])
            )
        ).all()
    )
    typed = attempt.quiz.typed_answers
    return [
        TakeItem(
            id=row.question_id,
            prompt=row.prompt,
            format=answer_format(row, typed),
            choice_id=row.choice_id,
            text_answer=row.text_answer,
            choices=[(i, texts[i]) for i in row.choice_order if i in texts],
            flagged=row.flagged,
        )
        for row in rows
    ]


def load_own_attempt(attempt_id: int, user: User) -> Attempt | None:
    """The user's own attempt and its quiz, without its questions (autosave needs one)."""
    return db.session.scalar(
        select(Attempt)
        .where(Attempt.id == attempt_id, Attempt.user_id == user.id)
        .options(joinedload(Attempt.quiz))
    )


def _parse_id(value: object, what: str) -> int:
    number = parse_id(value if isinstance(value, str) else str(value))
    if number is None:
        raise QuizError(f"That {what} is not valid.")
    return number


@dataclass
class Slot:
    """A drawn question of an attempt as grading needs it: plain values, no ORM objects."""

    response_id: int
    question_id: int
    choice_order: list[int]
    choice_id: int | None
    text_answer: str | None
    is_correct: bool | None
    answered_at: datetime | None
    kind: str
    format: str
    answer: str
    accepted: list[str]
    tolerance: int
    correct_choice_id: int | None


Change = tuple[Slot, dict[str, object]]


def load_slots(attempt_id: int, question_ids: list[int] | None = None) -> dict[int, Slot]:
    """The attempt's drawn questions (or some of them) by question id, in two queries."""
    query = (
        select(
            Response.id,
            Response.question_id,
            Response.choice_order,
            Response.choice_id,
            Response.text_answer,
            Response.is_correct,
            Response.answered_at,
            Question.kind,
            Question.format,
            Question.answer,
            Question.accepted,
            Question.tolerance,
        )
        .join(Question, Question.id == Response.question_id)
        .where(Response.attempt_id == attempt_id)
    )
    if question_ids is not None:
        query = query.where(Response.question_id.in_(question_ids))
    rows = db.session.execute(query).all()
    correct = dict(
        db.session.execute(
            select(Choice.question_id, Choice.id).where(
                Choice.is_correct.is_(True), Choice.question_id.in_([r.question_id for r in rows])
            )
        ).all()
    )
    return {
        row.question_id: Slot(
            *row[:7], *row[7:11], row.tolerance or 0, correct.get(row.question_id)
        )
        for row in rows
    }


def check_open(attempt: Attempt, now: datetime) -> None:
    """Refuse answers to a submitted or timed-out attempt."""
    if attempt.timed_out(now):
        raise QuizError("Time is up: answers after the deadline are not counted.", 409)
    if attempt.submitted_at is not None:
        raise QuizError("This attempt was already submitted; answers can no longer change.", 409)


def grade_one(attempt: Attempt, question_id: object, value: str, now: datetime) -> Change:
    """Check one autosaved answer, loading only its question; nothing is written yet."""
    check_open(attempt, now)
    qid = _parse_id(question_id, "question")
    slot = load_slots(attempt.id, [qid]).get(qid)
    if slot is None:
        raise QuizError("That question is not part of this attempt.")
    return slot, _grade(attempt, slot, value, now)


def grade_answers(attempt: Attempt, answers: dict[int, str], now: datetime) -> list[Change]:
    """Check the answers of a final submit; nothing is written yet."""
    check_open(attempt, now)
    slots = load_slots(attempt.id)
    changes = []
    for question_id, value in answers.items():
        slot = slots.get(_parse_id(question_id, "question"))
        if slot is None:
            raise QuizError("That question is not part of this attempt.")
        changes.append((slot, _grade(attempt, slot, value, now)))
    return changes


def _grade(attempt: Attempt, slot: Slot, value: str, now: datetime) -> dict[str, object]:
    """The response's new values for an answer, checked with the question's checker."""
    value = (value or "").strip()
    fmt = answer_format(slot, attempt.quiz.typed_answers)
    new: dict[str, object] = {"answered_at": now, "is_correct": None}
    if fmt == Format.CHOICE:
        new["choice_id"], new["text_answer"] = None, None
        if value:
            choice_id = _parse_id(value, "choice")
            if choice_id not in slot.choice_order:
                raise QuizError("That choice does not belong to this question.")
            new["choice_id"] = choice_id
    else:
        if len(value) > 500:
            raise QuizError("That answer is too long (500 characters at most).")
        new["text_answer"] = value or None
    if value:
        new["is_correct"] = is_correct(slot, value, fmt=fmt, tolerance=attempt.quiz.tolerance)
    return new


def lock_attempt(attempt: Attempt) -> None:
    """Lock the attempt's row for this transaction and refresh its state.

    PostgreSQL: concurrent submits and autosaves of one attempt queue here, so none of them
    acts on a state another has just changed. SQLite: its IMMEDIATE transaction already
    serialises writers; the fresh read still matters.
    """
    fresh = db.session.execute(
        select(Attempt.submitted_at, Attempt.deadline_at, Attempt.score)
        .where(Attempt.id == attempt.id)
        .with_for_update()
    ).one()
    attempt.submitted_at, attempt.deadline_at, attempt.score = fresh


def apply(changes: list[Change]) -> None:
    """Write checked answers, skipping those already stored as they are."""
    rows = []
    for slot, values in changes:
        same = all(getattr(slot, k) == v for k, v in values.items() if k != "answered_at")
        if same and slot.answered_at is not None:
            continue  # autosave stored it already: no write, no lock time
        rows.append({"id": slot.response_id, **values})
    if rows:
        db.session.execute(update(Response), rows)  # one UPDATE per row, by primary key


def submit(attempt: Attempt) -> bool:
    """Close the attempt with its score, exactly once; False when it was closed already."""
    now = utcnow()
    when = attempt.deadline_at if attempt.timed_out(now) else now
    when = max(when, attempt.started_at)  # a close date moved before the start ends it at once
    db.session.flush()
    score = score_of(attempt.id)
    # The WHERE makes a second submit (another tab, a double click, a retry) change nothing.
    result = db.session.execute(
        update(Attempt)
        .where(Attempt.id == attempt.id, Attempt.submitted_at.is_(None))
        .values(submitted_at=when, score=score)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        return False
    attempt.submitted_at, attempt.score = when, score
    return True


def cap_running_attempts(quiz: Quiz) -> int:
    """Make running attempts end by the quiz's close date, when a teacher moves it earlier."""
    if quiz.closes_at is None:
        return 0
    result = db.session.execute(
        update(Attempt)
        .where(
            Attempt.quiz_id == quiz.id,
            Attempt.submitted_at.is_(None),
            or_(Attempt.deadline_at.is_(None), Attempt.deadline_at > quiz.closes_at),
        )
        .values(deadline_at=quiz.closes_at)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount


def close_expired(*, user_id: int | None = None, quiz_ids: list[int] | None = None) -> int:
    """Close attempts whose deadline passed, scored with the answers saved before it.

    Idempotent, and it only writes down what the deadline already decided: that is why pages
    that list scores (gradebook, exports, progress) may call it on GET, before they read.
    """
    query = select(Attempt.id).where(Attempt.submitted_at.is_(None), Attempt.timed_out(utcnow()))
    if user_id is not None:
        query = query.where(Attempt.user_id == user_id)
    if quiz_ids is not None:
        query = query.where(Attempt.quiz_id.in_(quiz_ids))
    with read_phase():
        expired = list(db.session.scalars(query))
    if not expired:
        return 0  # the usual case: no write, no lock
    with write_phase():
        for attempt in db.session.scalars(select(Attempt).where(Attempt.id.in_(expired))):
            submit(attempt)
    return len(expired)


def final_grade(quiz: Quiz, attempts: list[Attempt]) -> float | None:
    """The quiz grade by its grading method (highest, last, average), as a percentage."""
    scores = [a.percent for a in sorted(attempts, key=lambda a: a.number)]
    scores = [s for s in scores if s is not None]
    if not scores:
        return None
    if quiz.grading == Grading.LAST:
        return scores[-1]
    if quiz.grading == Grading.AVERAGE:
        return sum(scores) / len(scores)
    return max(scores)
