"""Small keyword-only factories for test data (call inside an app context)."""

from __future__ import annotations

import itertools

from quizapp.extensions import db
from quizapp.models import Article, Choice, Question, Quiz, QuizQuestion

_seq = itertools.count(1)

ARTICLE_TEXT = (
    "The bridge opened in 1932, says Ada Stone, the city's historian.\n"
    "“It changed everything for the harbour,” she says.\n"
)


def make_article(*, title: str = "Harbour history", body: str | None = None) -> Article:
    """An article with a unique text."""
    n = next(_seq)
    text = body or f"{ARTICLE_TEXT}Paragraph {n}.\n"
    article = Article(title=title, body=text, checksum=f"{n:064x}")
    db.session.add(article)
    db.session.flush()
    return article


def make_question(
    *,
    article: Article | None = None,
    kind: str = "which_year",
    prompt: str | None = None,
    answer: str = "1932",
    distractors: tuple[str, ...] = ("1928", "1936", "1941"),
    accepted: tuple[str, ...] = (),
    status: str = "published",
    fmt: str = "choice",
    source: str = "The bridge opened in 1932, says Ada Stone, the city's historian.",
) -> Question:
    """A question with its choices; the answer comes first in position order."""
    article = article or make_article()
    question = Question(
        article=article,
        kind=kind,
        format=fmt,
        prompt=prompt or f"In which year did the bridge open? (#{next(_seq)})",
        answer=answer,
        accepted=list(accepted),
        explanation=f"The article says the bridge opened in {answer}.",
        source_sentence=source,
        span_start=0,
        span_end=len(source),
        status=status,
    )
    question.choices = [
        Choice(text=text, is_correct=(text == answer), position=i)
        for i, text in enumerate((answer, *distractors))
    ]
    db.session.add(question)
    db.session.flush()
    return question


def make_quiz(
    *,
    questions: int = 3,
    title: str | None = None,
    public: bool = True,
    published: bool = True,
    **settings,
) -> Quiz:
    """A quiz with a fixed list of fresh questions from one article."""
    n = next(_seq)
    article = make_article()
    quiz = Quiz(
        title=title or f"Quiz {n}",
        slug=f"quiz-{n}",
        public=public,
        published=published,
        **settings,
    )
    quiz.items = [
        QuizQuestion(question=make_question(article=article), position=i) for i in range(questions)
    ]
    db.session.add(quiz)
    db.session.commit()
    return quiz
