"""Paged taking: which question a page shows, review flags and the blanks before submitting."""

from __future__ import annotations

from sqlalchemy import func, select, update

from quizapp.extensions import db
from quizapp.ids import parse_ids
from quizapp.models import Quiz, Response
from quizapp.quiz.services import TakeItem
from quizapp.states import Layout

REVIEW = "review"


def current_position(items: list[TakeItem], requested: str | None) -> int:
    """The 1-based question a paged take page shows: the one asked for, else the first blank."""
    wanted = parse_ids([requested or ""])
    if wanted:
        return min(wanted[0], len(items))
    return next((i for i, item in enumerate(items, 1) if not item.answered), 1)


def page_size(quiz: Quiz, total: int) -> int:
    """How many questions one page of the take page shows (all of them: one page)."""
    if quiz.layout == Layout.PAGED:
        return 1
    if quiz.layout == Layout.MULTI:
        return quiz.per_page
    return max(total, 1)


def set_flags(attempt_id: int, shown: list[str], flagged: list[str]) -> None:
    """Flag the questions ticked among those a page showed, and unflag the others it showed."""
    shown_ids = set(parse_ids(shown))
    flagged_ids = set(parse_ids(flagged)) & shown_ids
    for ids, value in ((flagged_ids, True), (shown_ids - flagged_ids, False)):
        if ids:
            db.session.execute(
                update(Response)
                .where(Response.attempt_id == attempt_id, Response.question_id.in_(ids))
                .values(flagged=value)
                .execution_options(synchronize_session=False)
            )


def flag_one(attempt_id: int, question_id: int, flagged: bool) -> bool:
    """Set one question's review flag; False when the question is not in the attempt."""
    result = db.session.execute(
        update(Response)
        .where(Response.attempt_id == attempt_id, Response.question_id == question_id)
        .values(flagged=flagged)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def count_blank(attempt_id: int) -> int:
    """How many of the attempt's questions have no saved answer."""
    db.session.flush()
    return db.session.scalar(
        select(func.count())
        .select_from(Response)
        .where(
            Response.attempt_id == attempt_id,
            Response.choice_id.is_(None),
            func.coalesce(Response.text_answer, "") == "",
        )
    )


def redirect_target(go: str | None, count: int) -> int | str | None:
    """Where a paged form's button leads: a question's position, the review page, or None."""
    if go == REVIEW:
        return REVIEW
    position = parse_ids([go or ""])
    return min(position[0], count) if position else None
