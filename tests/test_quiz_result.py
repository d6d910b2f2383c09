"""The result page through the HTTP client: the summary (score, change, median, kinds, an
honest line), the celebration, the "only the ones I got wrong" filter, each sentence once."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quizapp.extensions import db
from quizapp.models import Assignment, Attempt, Classroom, Enrollment, Question, User, utcnow
from tests.conftest import make_user
from tests.test_quiz import new_quiz, start, submit

SENTENCE = "says Ada Stone, the city"


def take(client, quiz: dict, right: int) -> str:
    """Start an attempt, answer the first `right` questions right and the rest wrong."""
    attempt = start(client, quiz["slug"])
    answers = {
        q: quiz["right"][q] if i < right else quiz["wrong"][q]
        for i, q in enumerate(quiz["questions"])
    }
    submit(client, attempt, answers)
    return client.get(f"/attempts/{attempt}/result").get_data(as_text=True)


@pytest.fixture
def quiz(app, auth) -> dict:
    """A 4-question public quiz (fixed order) and a logged-in student."""
    facts = new_quiz(app, questions=4, shuffle=False)
    auth.as_new()
    return facts


@pytest.mark.parametrize(
    ("right", "line", "not_said"),
    [
        (0, "This one was hard", "Excellent"),
        (1, "This one was hard", "Good going"),
        (2, "A fair start", "Excellent"),
        (3, "Good going", "Perfect"),
        (4, "Perfect — every single one right.", "This one was hard"),
    ],
)
def test_the_line_under_the_score_fits_the_score(client, quiz, right, line, not_said):
    page = take(client, quiz, right)
    assert f"{right * 25}%</span>" in page
    # The ring's arc is the score; at 0 % there is no arc (not a lone dot).
    assert (f'stroke-dasharray="{right * 25:.1f} 100"' in page) is (right > 0)
    assert line in page and not_said not in page
    assert ("A perfect score!" in page) is (right == 4)


def test_change_since_last_attempt_and_personal_best(client, quiz):
    first = take(client, quiz, 1)
    assert "Since your last attempt" not in first and "personal best" not in first
    second = take(client, quiz, 3)
    assert "▲ +50 points" in second and "A new personal best!" in second
    assert "Up from 25%" in second
    third = take(client, quiz, 2)
    assert "▼ -25 points" in third and "personal best" not in third


def _others_took(app, slug: str, percents: list[int], *, classroom: bool = False) -> None:
    """Other students' submitted attempts at the quiz (and a class it is set for)."""
    with app.app_context():
        quiz_row = db.session.scalar(db.select(Attempt.quiz_id).limit(1))
        me = db.session.scalar(db.select(User).where(User.username == "student1"))
        room = None
        if classroom:
            owner = make_user(username="tina", role="teacher")
            room = Classroom(name="9A", join_code="NINEA1", teacher_id=owner.id)
            db.session.add(room)
            db.session.flush()
            db.session.add(Assignment(quiz_id=quiz_row, classroom_id=room.id))
            db.session.add(Enrollment(classroom_id=room.id, user_id=me.id))
        now = utcnow()
        for i, pct in enumerate(percents):
            user = make_user(username=f"other{i}")
            if room is not None and i % 2 == 0:
                db.session.add(Enrollment(classroom_id=room.id, user_id=user.id))
            db.session.add(
                Attempt(
                    quiz_id=quiz_row,
                    user_id=user.id,
                    number=1,
                    started_at=now - timedelta(minutes=5),
                    submitted_at=now,
                    score=pct / 25,
                    max_score=4,
                )
            )
        db.session.commit()


def test_median_of_everyone_needs_three_others(client, app, quiz):
    take(client, quiz, 2)
    _others_took(app, quiz["slug"], [25, 100])
    assert "Median of everyone" not in take(client, quiz, 2)


def test_median_shows_with_three_others_and_prefers_classmates(client, app, quiz):
    take(client, quiz, 2)
    _others_took(app, quiz["slug"], [25, 50, 75, 100, 100, 100], classroom=True)
    page = take(client, quiz, 2)
    # Classmates are others 0, 2 and 4: 25 %, 75 % and 100 %.
    assert "Class median</dt><dd>75%" in page


def test_median_of_everyone(client, app, quiz):
    take(client, quiz, 2)
    _others_took(app, quiz["slug"], [25, 50, 100])
    assert "Median of everyone</dt><dd>50%" in take(client, quiz, 2)


def test_nothing_compares_or_breaks_down_while_answers_wait(client, app, auth):
    facts = new_quiz(
        app, questions=2, shuffle=False, feedback="after_close", closes_at=utcnow() + timedelta(1)
    )
    auth.as_new()
    page = take(client, facts, 1)
    assert "By kind of question" not in page and "Only the ones I got wrong" not in page
    assert SENTENCE not in page and "50%</span>" in page


def test_kinds_filter_and_each_sentence_once(client, quiz):
    page = take(client, quiz, 3)
    assert "By kind of question" in page and "Which year" in page and "3 / 4" in page
    # One sentence per question, never a second copy in the explanation.
    assert page.count(SENTENCE) == 4 and page.count("Read it in") == 4
    assert "Only the ones I got wrong (1)" in page
    attempt = page.split("/attempts/")[1].split("/")[0]
    wrong = client.get(f"/attempts/{attempt}/result?only=wrong").get_data(as_text=True)
    assert wrong.count("result-item") == 1 and wrong.count(SENTENCE) == 1
    assert 'aria-current="page">Only the ones I got wrong' in wrong


@pytest.mark.parametrize(
    "quote", ["{sentence}", "The bridge opened in 1932 … Ada Stone, the city's historian."]
)
def test_an_explanation_that_quotes_the_sentence_is_not_shown_twice(client, app, quiz, quote):
    with app.app_context():
        for question in db.session.scalars(db.select(Question)):
            quoted = quote.format(sentence=question.source_sentence)
            question.explanation = f"The article says: “{quoted}” — Ada Stone, historian."
        db.session.commit()
    page = take(client, quiz, 0)
    assert page.count(SENTENCE) == 4 and "The article says:" not in page
