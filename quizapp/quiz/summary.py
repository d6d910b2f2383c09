"""The result page's summary: score, change since last time, class median, per-kind breakdown,
an honest encouraging line and whether to celebrate."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from sqlalchemy import or_, select

from quizapp.extensions import db
from quizapp.models import KIND_LABELS, Assignment, Attempt, Enrollment

# The median is only shown when enough others took the quiz that it reveals no one's score.
MIN_OTHERS = 3
QUOTED = re.compile(r"“(.+?)”", re.S)
ELLIPSIS = re.compile(r"…|\.\.\.")


@dataclass
class KindScore:
    """Marks earned among the questions of one kind (a teacher's part mark counts as given)."""

    label: str
    right: float = 0.0
    total: int = 0

    @property
    def percent(self) -> float:
        """The share right, in percent."""
        return 100.0 * self.right / self.total if self.total else 0.0


@dataclass
class Summary:
    """Everything the top of the result page shows."""

    percent: float
    previous: float | None = None  # the student's previous submitted attempt at this quiz
    median: float | None = None
    median_label: str = ""
    kinds: list[KindScore] = field(default_factory=list)
    best_before: float | None = None

    @property
    def change(self) -> float | None:
        """Percentage points gained (or lost) since the previous attempt."""
        return None if self.previous is None else self.percent - self.previous

    @property
    def celebrate(self) -> str | None:
        """ "perfect", "best" (a personal best beating an earlier attempt) or None."""
        if self.percent >= 100:
            return "perfect"
        if self.best_before is not None and self.percent > self.best_before:
            return "best"
        return None


def encouragement(percent: float) -> str:
    """A short line that fits the score: honest at the bottom, glad at the top."""
    if percent >= 100:
        return "Perfect — every single one right."
    if percent >= 80:
        return "Excellent work: you clearly read this one closely."
    if percent >= 60:
        return "Good going — more right than wrong. The ones you missed are below."
    if percent >= 40:
        return "A fair start. Read the sentences for the ones you missed, then try again."
    return "This one was hard. Go through the sentences below; practice brings the facts back."


def _pct(score: float | None, max_score: int) -> float | None:
    return None if score is None or not max_score else 100.0 * score / max_score


def summarise(attempt: Attempt, score: float | None, *, with_feedback: bool) -> Summary:
    """The summary of a closed attempt; comparisons and kinds only when feedback is shown."""
    summary = Summary(percent=_pct(score, attempt.max_score) or 0.0)
    rows = _scored_attempts(attempt, with_others=with_feedback)
    mine = [pct for user_id, number, pct, _ in rows if user_id == attempt.user_id]
    if mine:
        summary.previous, summary.best_before = mine[-1], max(mine)
    if with_feedback:
        summary.median, summary.median_label = _median(attempt, rows)
        summary.kinds = _kinds(attempt)
    return summary


def _scored_attempts(attempt: Attempt, *, with_others: bool) -> list[tuple[int, int, float, bool]]:
    """Scored attempts at the quiz as (user, number, percent, classmate?), in one query: the
    student's earlier ones, and everyone else's when the median may be shown."""
    mates = select(Enrollment.user_id).where(
        Enrollment.classroom_id.in_(
            select(Enrollment.classroom_id).where(
                Enrollment.user_id == attempt.user_id,
                Enrollment.classroom_id.in_(
                    select(Assignment.classroom_id).where(Assignment.quiz_id == attempt.quiz_id)
                ),
            )
        )
    )
    mine = (Attempt.user_id == attempt.user_id) & (Attempt.number < attempt.number)
    others = Attempt.user_id != attempt.user_id
    query = (
        select(Attempt.user_id, Attempt.number, Attempt.percent, Attempt.user_id.in_(mates))
        .where(
            Attempt.quiz_id == attempt.quiz_id,
            Attempt.percent.is_not(None),
            or_(mine, others) if with_others else mine,
        )
        .order_by(Attempt.number)
    )
    return [
        (user_id, number, pct, bool(mate))
        for user_id, number, pct, mate in db.session.execute(query)
        if pct is not None  # filtered in SQL too; this tells the type checker
    ]


def _median(attempt: Attempt, rows: list[tuple[int, int, float, bool]]) -> tuple[float | None, str]:
    """The median of other students' latest scores: classmates when the quiz is set for a
    class of the student's, else everyone who took it."""
    others = [row for row in rows if row[0] != attempt.user_id]
    label = "Median of everyone"
    if any(mate for *_, mate in others):
        others, label = [row for row in others if row[3]], "Class median"
    latest = {user_id: pct for user_id, _, pct, _ in others}  # ordered by number: last wins
    if len(latest) < MIN_OTHERS:
        return None, label
    return statistics.median(latest.values()), label


def _kinds(attempt: Attempt) -> list[KindScore]:
    """Right answers per kind of question, in the fixed order of kinds."""
    kinds = {kind: KindScore(label) for kind, label in KIND_LABELS.items()}
    for response in attempt.responses:
        kind = kinds.get(response.question.kind)
        if kind is not None:
            kind.total += 1
            kind.right += response.earned
    return [k for k in kinds.values() if k.total]


def extra_explanation(explanation: str | None, sentence: str | None) -> str:
    """The explanation, unless it only repeats the source sentence shown beside it."""
    explanation = (explanation or "").strip()
    if not explanation or not sentence:
        return explanation
    # A quote in the explanation may be shortened with an ellipsis: each piece must be there.
    repeated = [
        quote
        for quote in QUOTED.findall(explanation)
        if all(
            piece.strip(" .,") in sentence for piece in ELLIPSIS.split(quote) if piece.strip(" .,")
        )
    ]
    return "" if repeated else explanation
