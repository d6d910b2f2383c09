"""Issue 13, findings 1 and 3: no route shows a student a key that a quiz still keeps secret.

The rule: a student never sees the answer key of a question that is in one of their running
attempts, nor of a question in any quiz (fixed list or draw pool) whose feedback is not yet
visible, whichever page asks: practice, practice feedback, results, article highlights, progress.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import delete, select

from quizapp.extensions import db
from quizapp.models import (
    Assignment,
    Classroom,
    Enrollment,
    MemoryState,
    Question,
    Quiz,
    QuizQuestion,
    Response,
    User,
    utcnow,
)
from tests.conftest import make_user, post_form
from tests.factories import make_article, make_question
from tests.test_quiz import count_queries, start, submit

SOON = timedelta(days=1)


@dataclass
class Fact:
    """A question as the tests need it: its id, prompt, key and one right and one wrong option."""

    id: int
    prompt: str
    key: str
    right: int
    wrong: int


def fact(question: Question) -> Fact:
    return Fact(
        id=question.id,
        prompt=question.prompt,
        key=question.answer,
        right=next(c.id for c in question.choices if c.is_correct),
        wrong=next(c.id for c in question.choices if not c.is_correct),
    )


def secret_question(*, answer: str, kind: str = "which_year", title: str = "Harbour history"):
    """A question whose key appears nowhere else (the source sentence names another year)."""
    return make_question(
        article=make_article(title=title),
        kind=kind,
        answer=answer,
        distractors=tuple(str(int(answer) + 1000 * k) for k in (1, 2, 3)),
    )


def quiz_of(questions: list[Question], *, owner: User | None = None, **settings) -> Quiz:
    """A published quiz with this fixed list (or, with draw_count, a random draw)."""
    n = db.session.scalar(select(db.func.count()).select_from(Quiz)) + 1
    quiz = Quiz(
        title=f"Quiz {n}",
        slug=f"key-quiz-{n}",
        published=True,
        public=settings.pop("public", True),
        owner_id=owner.id if owner else None,
        **settings,
    )
    quiz.items = [QuizQuestion(question=q, position=i) for i, q in enumerate(questions)]
    db.session.add(quiz)
    db.session.flush()
    return quiz


def practise(client, question: Fact, choice: int):
    return post_form(client, f"/practice/{question.id}", {"choice": choice}, form_url="/practice/")


def assert_key_hidden_in_practice(client, question: Fact) -> None:
    """Neither served, nor checkable with any option, nor shown on a feedback page."""
    page = client.get("/practice/").get_data(as_text=True)
    assert question.prompt not in page
    for choice in (question.right, question.wrong):
        assert practise(client, question, choice).status_code == 404
    feedback = client.get(f"/practice/{question.id}/feedback")
    assert feedback.status_code == 404 and question.key not in feedback.get_data(as_text=True)


# Finding 1: answer keys leak through practice.


def test_finding1_practice_hides_the_questions_of_a_running_attempt_fixed_list(client, app, auth):
    with app.app_context():
        question = secret_question(answer="1777")
        slug, secret = quiz_of([question]).slug, fact(question)
        db.session.commit()
    auth.as_new()
    start(client, slug)
    assert_key_hidden_in_practice(client, secret)


def test_finding1_practice_hides_the_questions_drawn_for_a_running_attempt(client, app, auth):
    with app.app_context():
        questions = [secret_question(answer=str(1700 + i)) for i in range(4)]
        facts = {q.id: fact(q) for q in questions}
        slug = quiz_of([], draw_count=2).slug
        db.session.commit()
    auth.as_new()
    attempt_id = start(client, slug)
    with app.app_context():
        drawn = db.session.scalars(
            select(Response.question_id).where(Response.attempt_id == attempt_id)
        ).all()
    for question_id in drawn:
        assert_key_hidden_in_practice(client, facts[question_id])
    # The questions not drawn stay practisable: the rule hides no more than it must.
    spare = next(f for qid, f in facts.items() if qid not in drawn)
    assert practise(client, spare, spare.wrong).status_code == 302


def test_finding1_practice_hides_the_pool_of_a_draw_with_feedback_after_closing(client, app, auth):
    with app.app_context():
        pooled = secret_question(answer="1666", kind="who_said")
        other = secret_question(answer="1555", kind="which_year")
        quiz_of(
            [],
            draw_count=1,
            draw_kinds=["who_said"],
            feedback="after_close",
            closes_at=utcnow() + SOON,
        )
        pooled, other = fact(pooled), fact(other)
        db.session.commit()
    auth.as_new()
    assert_key_hidden_in_practice(client, pooled)
    assert other.prompt in client.get("/practice/").get_data(as_text=True)


def test_finding1_practice_feedback_hides_a_key_that_became_secret(client, app, auth):
    """A question practised yesterday and put in an after-close quiz today shows no key."""
    with app.app_context():
        question = secret_question(answer="1888")
        secret = fact(question)
        db.session.commit()
    auth.as_new()
    practise(client, secret, secret.wrong)
    assert secret.key in client.get(f"/practice/{secret.id}/feedback").get_data(as_text=True)
    with app.app_context():
        quiz_of(
            [db.session.get(Question, secret.id)], feedback="after_close", closes_at=utcnow() + SOON
        )
        db.session.commit()
    assert_key_hidden_in_practice(client, secret)


def shared_question_between_two_teachers(app) -> dict:
    """Teacher A's public immediate quiz and teacher B's after-close quiz share one question."""
    with app.app_context():
        alice = make_user(username="alice", role="teacher")
        bob = make_user(username="bob", role="teacher")
        student = make_user(username="sam")
        shared = secret_question(answer="1999", title="Shared harbour story")
        own = secret_question(answer="1444")
        public = quiz_of([shared, own], owner=alice, shuffle=False)
        exam = quiz_of(
            [shared], owner=bob, public=False, feedback="after_close", closes_at=utcnow() + SOON
        )
        room = Classroom(name="9B", join_code="JOIN9B", teacher_id=bob.id)
        db.session.add(room)
        db.session.flush()
        db.session.add_all(
            [
                Enrollment(classroom_id=room.id, user_id=student.id),
                Assignment(quiz_id=exam.id, classroom_id=room.id),
            ]
        )
        db.session.commit()
        return {
            "public": public.slug,
            "exam": exam.id,
            "shared": fact(shared),
            "own": fact(own),
            "article": shared.article_id,
        }


def test_finding1_another_teachers_after_close_quiz_hides_a_shared_question(client, app, auth):
    setup = shared_question_between_two_teachers(app)
    shared, own = setup["shared"], setup["own"]
    auth.login("sam")
    attempt_id = start(client, setup["public"])
    submit(client, attempt_id, {shared.id: shared.wrong, own.id: own.wrong})
    result = client.get(f"/attempts/{attempt_id}/result").get_data(as_text=True)
    assert f"Right answer: <strong>{own.key}</strong>" in result  # immediate feedback still works
    assert shared.key not in result
    assert_key_hidden_in_practice(client, shared)


def test_finding1_article_highlight_hides_a_question_kept_secret(client, app, auth):
    setup = shared_question_between_two_teachers(app)
    shared, own = setup["shared"], setup["own"]
    auth.login("sam")
    attempt_id = start(client, setup["public"])
    submit(client, attempt_id, {shared.id: shared.wrong, own.id: own.wrong})
    page = client.get(f"/articles/{setup['article']}?q={shared.id}").get_data(as_text=True)
    assert 'id="cited"' not in page
    # Once the exam closes its feedback is out, and the citation marks the passage again.
    with app.app_context():
        db.session.get(Quiz, setup["exam"]).closes_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    page = client.get(f"/articles/{setup['article']}?q={shared.id}").get_data(as_text=True)
    assert 'id="cited"' in page


def test_finding1_article_highlight_hides_a_question_of_a_running_attempt(client, app, auth):
    with app.app_context():
        question = secret_question(answer="1333")
        slug, secret, article = quiz_of([question]).slug, fact(question), question.article_id
        db.session.commit()
    auth.as_new()
    practise(client, secret, secret.wrong)  # practised before the quiz: the citation showed
    assert 'id="cited"' in client.get(f"/articles/{article}?q={secret.id}").get_data(as_text=True)
    start(client, slug)
    page = client.get(f"/articles/{article}?q={secret.id}").get_data(as_text=True)
    assert 'id="cited"' not in page


def test_finding1_result_page_hides_keys_of_a_question_in_a_running_attempt(client, app, auth):
    """Submitting a short immediate quiz must not reveal a question of an exam still running."""
    with app.app_context():
        shared = secret_question(answer="1222")
        own = secret_question(answer="1111")
        exam = quiz_of([shared], time_limit_s=3600).slug
        drill = quiz_of([shared, own], shuffle=False).slug
        shared, own = fact(shared), fact(own)
        db.session.commit()
    auth.as_new()
    start(client, exam)
    drill_attempt = start(client, drill)
    submit(client, drill_attempt, {shared.id: shared.wrong, own.id: own.wrong})
    result = client.get(f"/attempts/{drill_attempt}/result").get_data(as_text=True)
    assert f"Right answer: <strong>{own.key}</strong>" in result
    assert shared.key not in result
    assert "hidden while" in result  # the student is told why, not left guessing


# Finding 3: the progress page reveals what feedback hides.

WHICH_YEAR_MISSED = "<td>Which year</td><td>0 / 1</td>"  # the mastery row of one wrong answer


def progress_after_an_after_close_quiz(client, app, auth, **draw) -> tuple[str, Fact, int]:
    with app.app_context():
        question = secret_question(answer="1050", title="Lighthouse keepers")
        quiz = quiz_of(
            [] if draw else [question], feedback="after_close", closes_at=utcnow() + SOON, **draw
        )
        quiz_id, slug, secret = quiz.id, quiz.slug, fact(question)
        db.session.commit()
    auth.as_new()
    attempt_id = start(client, slug)
    submit(client, attempt_id, {secret.id: secret.wrong})
    return client.get("/progress/").get_data(as_text=True), secret, quiz_id


def test_finding3_most_missed_and_mastery_wait_for_feedback(client, app, auth):
    page, secret, quiz_id = progress_after_an_after_close_quiz(client, app, auth)
    assert secret.prompt not in page and "Most often missed" not in page
    assert "Lighthouse keepers" not in page  # no mastery row for the article
    assert WHICH_YEAR_MISSED not in page  # nor for the kind
    with app.app_context():
        db.session.get(Quiz, quiz_id).closes_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    page = client.get("/progress/").get_data(as_text=True)
    assert secret.prompt in page and "Lighthouse keepers" in page and WHICH_YEAR_MISSED in page


def test_finding3_progress_hides_a_draw_with_feedback_after_closing(client, app, auth):
    page, secret, _ = progress_after_an_after_close_quiz(client, app, auth, draw_count=1)
    assert secret.prompt not in page and "Lighthouse keepers" not in page
    assert WHICH_YEAR_MISSED not in page


def test_finding1_cards_kept_secret_are_not_counted_as_due(client, app, auth):
    """The practice outlook agrees with practice: a hidden card is not "due now"."""
    with app.app_context():
        question = secret_question(answer="1616")
        secret = fact(question)
        db.session.commit()
    auth.as_new()
    practise(client, secret, secret.wrong)
    with app.app_context():
        db.session.get(MemoryState, (1, secret.id)).due_at = utcnow() - timedelta(minutes=1)
        quiz_of(
            [db.session.get(Question, secret.id)], feedback="after_close", closes_at=utcnow() + SOON
        )
        db.session.commit()
    page = client.get("/practice/").get_data(as_text=True)
    assert "0 due now" in page and "All caught up" in page
    assert "due for review now" not in client.get("/progress/").get_data(as_text=True)


@pytest.mark.parametrize(
    ("pool", "hidden"),
    [
        ({}, {"year", "said", "loose"}),  # no limits: the whole bank may be drawn
        ({"draw_kinds": ["who_said"]}, {"said"}),
        ({"draw_articles": True}, {"year"}),  # a question with no article is never drawn
        ({"draw_kinds": ["who_said"], "draw_articles": True}, set()),
    ],
)
def test_finding1_a_draw_pool_hides_exactly_what_it_may_draw(client, app, auth, pool, hidden):
    with app.app_context():
        year = secret_question(answer="1212", kind="which_year")
        said = secret_question(answer="1313", kind="who_said")
        loose = secret_question(answer="1414", kind="which_year")
        loose.article_id = None
        settings = {"draw_kinds": pool.get("draw_kinds", [])}
        settings["draw_article_ids"] = [year.article_id] if pool.get("draw_articles") else []
        quiz_of([], draw_count=1, feedback="after_close", closes_at=utcnow() + SOON, **settings)
        facts = {"year": fact(year), "said": fact(said), "loose": fact(loose)}
        db.session.commit()
    auth.as_new()
    for name, question in facts.items():
        status = practise(client, question, question.wrong).status_code
        assert status == (404 if name in hidden else 302), name


def test_finding1_own_answers_stay_hidden_when_a_question_leaves_the_quiz(client, app, auth):
    """Taking a question out of an open after-close quiz does not publish the student's marks."""
    page, secret, quiz_id = progress_after_an_after_close_quiz(client, app, auth)
    with app.app_context():
        db.session.execute(delete(QuizQuestion).where(QuizQuestion.quiz_id == quiz_id))
        db.session.commit()
    assert secret.prompt not in client.get("/progress/").get_data(as_text=True)
    assert_key_hidden_in_practice(client, secret)


def test_teachers_still_see_the_whole_bank(client, app, auth):
    with app.app_context():
        question = secret_question(answer="1717")
        quiz_of([question], feedback="after_close", closes_at=utcnow() + SOON)
        secret = fact(question)
        db.session.commit()
    auth.as_new(username="tina", role="teacher")
    response = practise(client, secret, secret.wrong)
    feedback = client.get(response.headers["Location"]).get_data(as_text=True)
    assert f"Right answer: <strong>{secret.key}</strong>" in feedback


def test_the_rule_costs_the_same_queries_however_many_quizzes_keep_keys(client, app, auth):
    """key_hidden is one condition plus one small query, never one query per quiz or attempt."""
    auth.as_new()
    with app.app_context():
        drill = secret_question(answer="1010")
        slug, drill = quiz_of([drill]).slug, fact(drill)
        db.session.commit()
    attempt_id = start(client, slug)
    submit(client, attempt_id, {drill.id: drill.wrong})
    practise(client, drill, drill.wrong)
    pages = [
        "/practice/",
        f"/practice/{drill.id}/feedback",
        "/progress/",
        f"/attempts/{attempt_id}/result",
        f"/articles/1?q={drill.id}",
    ]
    counts = []
    for _ in range(2):
        with app.app_context():
            running = []
            for n in range(3):  # more secret lists, pools and running attempts each round
                exam = secret_question(answer=str(1020 + n), kind="who_said")
                after = quiz_of([exam], feedback="after_close", closes_at=utcnow() + SOON)
                quiz_of(
                    [],
                    draw_count=1,
                    draw_kinds=["number"],
                    draw_article_ids=[exam.article_id],
                    feedback=after.feedback,
                    closes_at=after.closes_at,
                )
                running.append(quiz_of([secret_question(answer=str(1030 + n))]).slug)
            db.session.commit()
        for slug in running:
            start(client, slug)
        counts.append([count_queries(app, client.get, page) for page in pages])
    assert counts[0] == counts[1], counts
