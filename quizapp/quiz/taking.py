"""The take page's data: its questions without keys, the page shown, flags, blanks before submit."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from markupsafe import Markup
from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.engine import CursorResult

from quizapp.extensions import db
from quizapp.ids import parse_ids
from quizapp.models import Attempt, Choice, Question, Quiz, Response
from quizapp.quiz.checkers import answer_format
from quizapp.states import Layout

RESPONSES = cast(Table, Response.__table__)  # a mapped class's __table__ is its Table

REVIEW = "review"


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
    choice_order: list[int] = field(default_factory=list)

    @property
    def answered(self) -> bool:
        """Whether a choice or a non-empty text is saved for this question."""
        return self.choice_id is not None or bool(self.text_answer)


# Built once, bound per call: the take page runs them on every move between questions.
_ITEMS = (
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
    .where(Response.attempt_id == bindparam("attempt_id"))
    .order_by(Response.position)
)
_BLANKS = (
    select(func.count())
    .select_from(Response)
    .where(
        Response.attempt_id == bindparam("attempt_id"),
        Response.choice_id.is_(None),
        func.coalesce(Response.text_answer, "") == "",
    )
)
# Every question a page showed: flagged when ticked, unflagged otherwise, in one statement.
_SET_FLAGS = (
    update(RESPONSES)
    .where(
        # Bound names differ from the columns': an UPDATE keeps those for its SET clause.
        RESPONSES.c.attempt_id == bindparam("of_attempt"),
        RESPONSES.c.question_id.in_(bindparam("shown_ids", expanding=True)),
    )
    .values(flagged=RESPONSES.c.question_id.in_(bindparam("flagged_ids", expanding=True)))
)
_CHOICE_TEXTS = select(Choice.id, Choice.text).where(
    Choice.question_id.in_(bindparam("question_ids", expanding=True))
)


def take_items(attempt: Attempt, *, with_choices: bool = True) -> list[TakeItem]:
    """The attempt's questions in order with the saved answers, in two plain queries.

    The busiest page of a class: plain rows instead of ORM objects halve its cost. Without
    choices, only add_choices fills them in, for the questions a page shows: the others
    appear in the navigator alone.
    """
    rows = db.session.execute(_ITEMS, {"attempt_id": attempt.id}).all()
    typed = attempt.quiz.typed_answers
    items = [
        TakeItem(
            id=row.question_id,
            prompt=row.prompt,
            format=answer_format(row, typed),
            choice_id=row.choice_id,
            text_answer=row.text_answer,
            choices=[],
            flagged=row.flagged,
            choice_order=row.choice_order,
        )
        for row in rows
    ]
    if with_choices:
        add_choices(items)
    return items


def add_choices(items: list[TakeItem]) -> None:
    """Fill in the choices' texts of items, in each one's drawn order, in one query."""
    texts = dict(db.session.execute(_CHOICE_TEXTS, {"question_ids": [i.id for i in items]}).all())
    for item in items:
        item.choices = [(i, texts[i]) for i in item.choice_order if i in texts]


# The markup the take page repeats for every question of the attempt (44 in the seed quiz) is
# formatted here: a fifth of the time Jinja took for the same lines. Only numbers and constant
# text go in, so there is nothing to escape. By (answered, flagged): the square's classes and
# what a screen reader hears after its number.
_SQUARE_STATE = {
    (False, False): ("", ""),
    (True, False): (" is-answered", ", answered"),
    (False, True): (" is-flagged", ", flagged"),
    (True, True): (" is-answered is-flagged", ", answered, flagged"),
}


def nav_squares(items: list[TakeItem], current: int) -> Markup:
    """The navigator's button per question: answered, flagged, and which one is current."""
    squares = []
    for n, item in enumerate(items, 1):
        classes, state = _SQUARE_STATE[item.answered, item.flagged]
        now = ' aria-current="step"' if n == current else ""
        squares.append(
            f'<li><button type="submit" name="go" value="{n}" data-go="{n}"'
            f' class="nav-sq{classes}"{now}><span class="visually-hidden">Question </span>{n}'
            f'<span class="visually-hidden nav-state">{state}</span></button></li>'
        )
    return Markup("\n".join(squares))


def placeholders(items: list[TakeItem], first: int, per_page: int) -> Markup:
    """Empty placeholders for the items at positions first, first + 1, … (pages not shown)."""
    # quiz.js fills a page's placeholders from its fragment when the student moves there: the
    # take page holds one page of questions, not all of them.
    return Markup(
        "\n".join(
            f'<fieldset class="qpage" id="question-{n}" data-position="{n}"'
            f' data-page="{(n - 1) // per_page + 1}" data-lazy'
            f' data-answered="{int(item.answered)}" data-flagged="{int(item.flagged)}"'
            " hidden disabled></fieldset>"
            for n, item in enumerate(items, first)
        )
    )


def page_of(position: int, per_page: int) -> int:
    """The page (from 1) that holds the question at position (from 1)."""
    return (position - 1) // per_page + 1


def on_page(items: list[TakeItem], page: int, per_page: int) -> list[TakeItem]:
    """The items one page shows."""
    return items[(page - 1) * per_page : page * per_page]


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
    shown_ids = parse_ids(shown)
    if shown_ids:
        params = {
            "of_attempt": attempt_id,
            "shown_ids": shown_ids,
            "flagged_ids": parse_ids(flagged),
        }
        db.session.execute(_SET_FLAGS, params)


def flag_one(attempt_id: int, question_id: int, flagged: bool) -> bool:
    """Set one question's review flag; False when the question is not in the attempt."""
    result = db.session.execute(
        update(Response)
        .where(Response.attempt_id == attempt_id, Response.question_id == question_id)
        .values(flagged=flagged)
        .execution_options(synchronize_session=False)
    )
    return cast(CursorResult[Any], result).rowcount == 1


def count_blank(attempt_id: int) -> int:
    """How many of the attempt's questions have no saved answer."""
    db.session.flush()
    return db.session.execute(_BLANKS, {"attempt_id": attempt_id}).scalar_one()


def redirect_target(go: str | None, count: int) -> int | str | None:
    """Where a paged form's button leads: a question's position, the review page, or None."""
    if go == REVIEW:
        return REVIEW
    position = parse_ids([go or ""])
    return min(position[0], count) if position else None
