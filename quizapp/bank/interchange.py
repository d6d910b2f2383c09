"""Export the question bank in interchange formats."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from quizapp.extensions import db
from quizapp.models import Question


def bank_questions() -> list[Question]:
    """Every question with its choices and article, loaded in a bounded number of queries."""
    return list(
        db.session.scalars(
            select(Question)
            .options(selectinload(Question.choices), selectinload(Question.article))
            .order_by(Question.id)
        )
    )


def question_as_dict(question: Question) -> dict[str, Any]:
    """The JSON form of one question."""
    return {
        "id": question.id,
        "kind": question.kind,
        "format": question.format,
        "prompt": question.prompt,
        "answer": question.answer,
        "accepted": list(question.accepted or []),
        "tolerance": question.tolerance,
        "choices": [choice.text for choice in question.choices],
        "explanation": question.explanation,
        "source": question.source_sentence,
        "span": [question.span_start, question.span_end]
        if question.span_start is not None
        else None,
        "status": question.status,
        "article": question.article.title if question.article else None,
    }
