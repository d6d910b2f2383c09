"""Quizzes that don't give themselves away: the ready-made seed quiz and random draws."""

from __future__ import annotations

import itertools
import random
import re

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.generate import generate
from quizapp.models import Question, Quiz, QuizQuestion, Response
from quizapp.quiz.assembly import Item, balanced, gives_away, pick
from tests.conftest import SEEDS
from tests.factories import make_article, make_question, make_quiz
from tests.test_quiz import start, submit


def figures(text: str) -> set[str]:
    """The numbers a text states, thousands separators dropped."""
    return {m.replace(",", "") for m in re.findall(r"\d[\d,]*\d|\d", text)}


def clash(a: Question, b: Question) -> str | None:
    """Why a shown beside b would give one of them away, checked independently of the app."""
    if a.source_sentence and a.source_sentence == b.source_sentence:
        return "same sentence"
    for x, y in ((a, b), (b, a)):
        if figures(y.answer) and figures(y.answer) <= figures(x.prompt):
            return f"{y.answer!r} is stated in {x.prompt!r}"
        if (
            x.kind == y.kind == "who_is"
            and y.answer.removeprefix("the ").lower() in x.prompt.lower()
        ):
            return f"mirror pair {x.prompt!r} / {y.prompt!r}"
    return None


def test_setup_makes_a_balanced_seed_quiz_that_gives_nothing_away(fresh_app):
    runner = fresh_app.test_cli_runner()
    result = runner.invoke(args=["setup"])
    assert result.exit_code == 0, result.output
    with fresh_app.app_context():
        quiz = db.session.scalar(select(Quiz))
        assert f"quiz {quiz.slug!r} of {len(quiz.items)}." in result.output
        questions = [item.question for item in quiz.items]
        published = db.session.scalars(select(Question).where(Question.status == "published"))
        bank_kinds = {q.kind for q in published}
        total = db.session.scalar(select(func.count()).select_from(Question))
        slug = quiz.slug
        assert 12 <= len(questions) <= 15
        # Every question stays in the bank, published, for draws and practice.
        assert total > len(questions)
        assert (
            db.session.scalar(
                select(func.count()).select_from(Question).where(Question.status != "published")
            )
            == 0
        )
        kinds = [q.kind for q in questions]
        assert set(kinds) == bank_kinds
        # Balanced: no kind takes more than a third of the quiz.
        assert max(kinds.count(kind) for kind in set(kinds)) <= len(questions) // 3 + 1
        problems = [clash(a, b) for a, b in itertools.combinations(questions, 2)]
        assert [p for p in problems if p] == []
    page = fresh_app.test_client().get("/").get_data(as_text=True)
    assert f"<dt>Questions</dt><dd>{len(questions)}</dd>" in page
    assert f"/quizzes/{slug}" in page


def pool_with_giveaways(app) -> tuple[str, list[tuple[int, int]], int]:
    """A random-draw quiz over a pool holding three giveaway pairs and two free questions.

    Returns its slug, the pairs that must never be drawn together, and the largest draw free
    of giveaways (one of each pair plus both free questions).
    """
    with app.app_context():
        article = make_article(title="Harbour")
        one = "The ferry began in 1911 and carried 3,400 passengers a day, says Ada Stone."

        def q(**kw) -> int:
            kw.setdefault("source", f"Sentence {kw['prompt']}")
            return make_question(article=article, **kw).id

        mirror = (
            q(
                kind="who_is",
                prompt="Who is Ada Stone?",
                answer="the city's historian",
                distractors=("the mayor", "a ferry captain", "the harbour master"),
            ),
            q(
                kind="who_is",
                prompt="Who is the city's historian?",
                answer="Ada Stone",
                distractors=("Ben Cole", "Cy Dunn", "Di Eve"),
            ),
        )
        sentence = (
            q(
                kind="which_year",
                prompt="In what year did the ferry begin?",
                answer="1911",
                distractors=("1907", "1915", "1921"),
                source=one,
            ),
            q(
                kind="number",
                prompt="How many passengers did the ferry carry a day?",
                answer="3,400",
                distractors=("1,700", "6,800", "2,000"),
                source=one,
            ),
        )
        figure = (
            q(
                kind="which_year",
                prompt="In what year did the harbour close?",
                answer="1968",
                distractors=("1958", "1972", "1980"),
            ),
            q(
                kind="number",
                prompt="How many boats were left when the harbour closed in 1968?",
                answer="12",
                distractors=("6", "24", "40"),
            ),
        )
        for line in ("we sail at dawn", "the tide waits for nobody"):
            q(
                kind="who_said",
                prompt=f"Who said “{line}”?",
                answer="Ada Stone",
                distractors=("Ben Cole", "Cy Dunn", "Di Eve"),
            )
        quiz = make_quiz(questions=0, draw_count=5, draw_article_ids=[article.id])
        return quiz.slug, [mirror, sentence, figure], 5


def drawn(app, attempt_id: int) -> set[int]:
    """The question ids an attempt drew."""
    with app.app_context():
        return set(
            db.session.scalars(
                select(Response.question_id).where(Response.attempt_id == attempt_id)
            )
        )


def test_random_draws_never_give_one_question_away(client, app, auth):
    slug, pairs, largest = pool_with_giveaways(app)
    auth.as_new()
    for _ in range(8):
        attempt_id = start(client, slug)
        ids = drawn(app, attempt_id)
        # Still a full draw: enough giveaway-free questions exist.
        assert len(ids) == largest
        assert all(not set(pair) <= ids for pair in pairs), ids
        page = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
        assert f"Question 1 of {largest}" in page
        submit(client, attempt_id, {})


def test_a_fixed_list_quiz_keeps_every_question_the_teacher_chose(client, app, auth):
    # The rule shapes draws and ready-made quizzes; a teacher's own list is theirs.
    with app.app_context():
        quiz = make_quiz(questions=3)  # three questions from one sentence
        slug = quiz.slug
        assert (
            db.session.scalar(
                select(func.count())
                .select_from(QuizQuestion)
                .where(QuizQuestion.quiz_id == quiz.id)
            )
            == 3
        )
    auth.as_new()
    attempt_id = start(client, slug)
    assert len(drawn(app, attempt_id)) == 3


def item(prompt: str, answer: str, *, kind: str = "which_year", **kw) -> Item:
    """A candidate question for the rule's own cases."""
    return Item(key=prompt, kind=kind, prompt=prompt, answer=answer, **kw)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            item("Who is Ana Ruiz?", "the mayor", kind="who_is"),
            item("Who is the mayor?", "Ana Ruiz", kind="who_is"),
            True,
        ),
        (
            item("Who specializes in tides at the port?", "Ana Ruiz", kind="who_is"),
            item("Who is Ana Ruiz?", "someone who specializes in tides at the port", kind="who_is"),
            True,
        ),
        (
            item("Which person is the harbour master?", "Tomas Berg", kind="who_is"),
            item("Who is Tomas Berg?", "the harbour master", kind="who_is"),
            True,
        ),
        (
            item("Who is Ana Ruiz?", "the mayor", kind="who_is"),
            item("Who is Tomas Berg?", "the harbour master", kind="who_is"),
            False,
        ),
        (
            item(
                "In what year did the port open?", "1911", source="It opened in 1911 with 3 cranes."
            ),
            item(
                "How many cranes did it have?",
                "3",
                kind="number",
                source="It opened in 1911 with 3 cranes.",
            ),
            True,
        ),
        (
            item("In what year did the port open?", "1911", span=(0, 30), article=1),
            item("How many cranes were there?", "3", kind="number", span=(0, 30), article=1),
            True,
        ),
        (
            item("In what year did the port open?", "1911", span=(0, 30), article=1),
            item("How many cranes were there?", "3", kind="number", span=(0, 30), article=2),
            False,
        ),
        (
            item("After it opened in 1911, how many cranes did the port buy?", "12", kind="number"),
            item("In what year did the port open?", "1911"),
            True,
        ),
        (
            item("How many ships came in 2019?", "15,000", kind="number"),
            item("How many tonnes did they carry, about 15000?", "9", kind="number"),
            True,
        ),
        (
            item(
                "Who is Ana Ruiz?",
                "the winner of the 2019 tide prize",
                kind="who_is",
                choices=("the winner of the 2019 tide prize", "the mayor"),
            ),
            item("In what year did Ruiz win the tide prize?", "2019"),
            True,
        ),
        # Distractors of the same kind are options, not hints.
        (
            item("In what year did the port open?", "1911", choices=("1911", "1968", "1920")),
            item("In what year did the harbour close?", "1968"),
            False,
        ),
        (
            item("Where does the port rank?", "second-largest", kind="which_rank"),
            item("Which is the country's second-largest port?", "Velm", kind="which_rank"),
            True,
        ),
        (
            item("Who said “we will rebuild”?", "Ana Ruiz", kind="who_said"),
            item("Who is the mayor?", "Ana Ruiz", kind="who_is"),
            False,
        ),
    ],
)
def test_the_giveaway_rule(a: Item, b: Item, expected: bool):
    assert gives_away(a, b) is expected
    assert gives_away(b, a) is expected


def seed_items() -> list[Item]:
    """Candidates from the seed article's drafts plus mirror, rank and wordless-role cases."""
    text = (SEEDS / "canada-mexico-2025.txt").read_text(encoding="utf-8")
    drafts = [
        Item(
            key=i,
            kind=q.kind,
            prompt=q.prompt,
            answer=q.answer,
            choices=q.choices,
            source=q.source,
            span=q.span,
        )
        for i, q in enumerate(generate(text).questions)
    ]
    extra = [
        item("Who is the U.S. envoy?", "Ana Ruiz", kind="who_is"),
        item("Who is Ana Ruiz?", "the U.S. envoy", kind="who_is"),
        item("Who is “—”?", "Ana Ruiz", kind="who_is"),
        item("Who is Ben Cole?", "“—”", kind="who_is"),
        item("Where does Velm rank?", "third-largest", kind="which_rank"),
        item("Which is the third-largest port?", "Velm", kind="which_rank"),
        item("How many ports were there in 2024?", "3", kind="number"),
    ]
    return drafts + extra


@pytest.mark.parametrize("seed", range(6))
def test_the_index_only_skips_pairs_the_rule_clears(seed):
    # The selection's index must pick exactly what checking every pair would pick.
    pool = seed_items()
    random.Random(seed).shuffle(pool)
    naive: list[Item] = []
    for candidate in pool:
        if len(naive) < 30 and not any(gives_away(candidate, c) for c in naive):
            naive.append(candidate)
    assert [c.key for c in pick(pool, 30)] == [c.key for c in naive]


def test_a_balanced_quiz_takes_turns_by_kind_and_prefers_fresh_answers():
    pool = [
        item("Who said “we sail at dawn”?", "Ana Ruiz", kind="who_said", source="s1"),
        item("Who said “the tide waits”?", "Ana Ruiz", kind="who_said", source="s2"),
        item("Who said “nets are mended”?", "Tomas Berg", kind="who_said", source="s3"),
        item("In what year did the port open?", "1911", source="s4"),
        item("How many cranes were there in 1911?", "3", kind="number", source="s5"),
        item("How many boats were left?", "12", kind="number", source="s6"),
    ]
    prompts = [c.prompt for c in balanced(pool, 4)]
    assert prompts == [
        "Who said “we sail at dawn”?",
        "In what year did the port open?",
        "How many boats were left?",  # the cranes question states the year's answer
        "Who said “nets are mended”?",  # a new speaker before Ana Ruiz again
    ]
