"""One question with its choices: the rules every way into the bank checks, and how it is built.

The authoring form, the JSON/GIFT/Moodle import and the generator's import each describe a
question as a QuestionSpec; `validate()` is the one judge of what the bank may hold (a question
imported must be one the edit form can save unchanged), and `build()` the one assembler.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from quizapp.extensions import db
from quizapp.models import KINDS, Choice, Question
from quizapp.quiz.checkers import MAX_CHOICES, MAX_TEXT, VALIDATORS, Problem
from quizapp.states import Format, Status

__all__ = ["MAX_CHOICES", "MAX_TEXT", "Problem", "QuestionSpec"]

MAX_PROMPT = 2000
MAX_TOLERANCE = 1_000_000
TOLERANCE_RANGE = f"the tolerance must be a whole number from 0 to {MAX_TOLERANCE:,}"


@dataclass
class QuestionSpec:
    """A question's content as every source gives it, before it is stored."""

    kind: str
    format: str
    prompt: str
    answer: str
    choices: list[str] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    tolerance: int = 0
    explanation: str = ""
    source_sentence: str | None = None
    span: tuple[int, int] | None = None
    article_id: int | None = None
    confidence: float | None = None
    flag: str | None = None
    status: str = Status.DRAFT
    author_id: int | None = None

    def validate(self) -> list[Problem]:
        """What stops this question from being stored, as (field, message) pairs."""
        problems: list[Problem] = []
        if self.kind not in KINDS:
            problems.append(("kind", f"unknown kind {self.kind!r} (use one of {', '.join(KINDS)})"))
        if self.format not in VALIDATORS:
            formats = ", ".join(Format)
            problems.append(("format", f"unknown format {self.format!r} (use one of {formats})"))
        if not self.prompt.strip():
            problems.append(("prompt", "the prompt is empty"))
        elif len(self.prompt) > MAX_PROMPT:
            problems.append(("prompt", f"the prompt must have at most {MAX_PROMPT:,} characters"))
        if not self.answer:
            problems.append(("answer", "the answer is empty"))
        elif len(self.answer) > MAX_TEXT:
            problems.append(("answer", f"the answer must have at most {MAX_TEXT} characters"))
        if not _whole(self.tolerance, MAX_TOLERANCE):
            problems.append(("tolerance", TOLERANCE_RANGE))
        if self.format in VALIDATORS:
            problems.extend(VALIDATORS[self.format](self.answer, self.choices_stored()))
        problems.extend(self._character_problems())
        return problems

    def choices_stored(self) -> list[str]:
        """The options a question of this format keeps (typed questions keep none)."""
        return list(self.choices) if self.format == Format.CHOICE else []

    def values(self) -> dict[str, Any]:
        """The question's column values."""
        start, end = self.span or (None, None)
        return {
            "kind": self.kind,
            "format": self.format,
            "prompt": self.prompt.strip(),
            "answer": self.answer,
            "accepted": list(self.accepted),
            "tolerance": self.tolerance,
            "explanation": self.explanation,
            "source_sentence": self.source_sentence,
            "span_start": start,
            "span_end": end,
            "article_id": self.article_id,
            "confidence": self.confidence,
            "flag": self.flag,
            "status": self.status,
            "author_id": self.author_id,
        }

    def choice_values(self) -> list[dict[str, Any]]:
        """The choices' column values, in order, the answer's marked correct."""
        return [
            {"text": text, "is_correct": text == self.answer, "position": i}
            for i, text in enumerate(self.choices_stored())
        ]

    def build(self, question: Question | None = None) -> Question:
        """A new Question with its choices, or `question` changed to match (the caller adds it)."""
        if question is None:
            question = Question(**self.values())
            question.choices = [Choice(**values) for values in self.choice_values()]
            return question
        for name, value in self.values().items():
            if name != "author_id":  # who wrote it stays who wrote it
                setattr(question, name, value)
        wanted = [(c["text"], c["is_correct"]) for c in self.choice_values()]
        rights = [right for _, right in wanted]
        if [text for text, _ in wanted] == [c.text for c in question.choices]:
            if rights != [c.is_correct for c in question.choices]:
                # Same options, another one right: flipped in place, so students' responses
                # keep pointing at the options they chose (a regrade reads them).
                for choice in question.choices:
                    choice.is_correct = False
                db.session.flush()  # one right option at a time, as the unique index demands
                for choice, right in zip(question.choices, rights, strict=True):
                    choice.is_correct = right
        elif wanted != [(c.text, c.is_correct) for c in question.choices]:
            # The old rows go first so unique positions and texts never clash.
            question.choices.clear()
            db.session.flush()
            question.choices = [Choice(**values) for values in self.choice_values()]
        return question

    def _character_problems(self) -> list[Problem]:
        texts = [self.kind, self.format, self.prompt, self.answer, self.explanation]
        return character_problems(
            [self.source_sentence or "", *texts, *self.choices, *self.accepted]
        )


def character_problems(texts: list[str]) -> list[Problem]:
    """Texts the database cannot store: NUL characters and lone UTF-16 surrogates."""
    problems: list[Problem] = []
    if any("\x00" in text for text in texts):
        problems.append(("", "a text holds a NUL character (binary data?); remove it"))
    if any(_has_surrogate(text) for text in texts):
        problems.append(
            ("", "a text holds an invalid character (a lone surrogate such as \\ud800)")
        )
    return problems


def _whole(value: Any, maximum: int) -> bool:
    """A whole number from 0 to `maximum` (JSON's true is no number)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= maximum


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
