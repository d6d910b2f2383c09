"""Instant feedback: an answer locks once saved, then its key, sentence and the running score
show at once. Scoring stays on the server; keys of unanswered questions never leave it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Article, Attempt, Question, Response, User
from quizapp.quiz.visibility import hidden_among

LOCKED = "You have seen the feedback for this question: its answer can no longer change."


@dataclass
class Feedback:
    """What a student sees right after answering one question."""

    question_id: int
    correct: bool
    answer: str
    explanation: str
    source_sentence: str | None
    article_id: int | None
    article_title: str | None
    hidden: bool = False  # the key also sits in another running quiz: say only "saved"


@dataclass
class Tally:
    """The running score of an instant-feedback attempt."""

    right: int = 0
    answered: int = 0
    streak: int = 0


def is_locked(old_choice: int | None, old_text: str | None) -> bool:
    """Whether a saved answer is final (in an instant-feedback quiz every saved answer is)."""
    return old_choice is not None or bool(old_text)


def refuse_change(
    instant: bool, old_choice: int | None, old_text: str | None, new: dict[str, object]
) -> str | None:
    """Why this new answer may not replace the saved one, or None when it may."""
    if not instant or not is_locked(old_choice, old_text):
        return None
    same = new.get("choice_id") == old_choice and new.get("text_answer") == old_text
    return None if same else LOCKED


def _answered(attempt_id: int):
    return (
        select(Response.question_id, Response.is_correct)
        .where(
            Response.attempt_id == attempt_id,
            (Response.choice_id.is_not(None)) | (func.coalesce(Response.text_answer, "") != ""),
        )
        .order_by(Response.answered_at, Response.position)
    )


def feedback_for(
    attempt: Attempt, user: User, question_ids: list[int] | None = None
) -> tuple[dict[int, Feedback], Tally]:
    """Feedback for the attempt's answered questions (or some of them), and the tally.

    Only answered, hence locked, questions are read: an unanswered key never leaves here.
    """
    if not attempt.quiz.instant:
        return {}, Tally()
    answered = db.session.execute(_answered(attempt.id)).all()
    hidden = hidden_among(user, (r.question_id for r in answered), except_attempt=attempt.id)
    wanted = {r.question_id for r in answered} - hidden
    if question_ids is not None:
        wanted &= set(question_ids)
    rows = db.session.execute(
        select(
            Question.id,
            Question.answer,
            Question.explanation,
            Question.source_sentence,
            Question.article_id,
            Article.title,
        )
        .outerjoin(Article, Article.id == Question.article_id)
        .where(Question.id.in_(wanted))
    ).all()
    correct = {r.question_id: bool(r.is_correct) for r in answered}
    shown = {
        row.id: Feedback(row.id, correct[row.id], row.answer, row.explanation or "", *row[3:])
        for row in rows
    }
    for qid in hidden & set(question_ids if question_ids is not None else correct):
        shown[qid] = Feedback(qid, False, "", "", None, None, None, hidden=True)
    return shown, _tally([correct[r.question_id] for r in answered if r.question_id not in hidden])


def _tally(results: list[bool]) -> Tally:
    """Right answers so far and the current run of right answers, in answering order."""
    streak = 0
    for right in reversed(results):
        if not right:
            break
        streak += 1
    return Tally(right=sum(results), answered=len(results), streak=streak)
