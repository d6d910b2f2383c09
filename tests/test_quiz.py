"""Taking quizzes through the HTTP client: attempts, autosave, deadlines, submit, results."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import event, func, select

from quizapp.extensions import db
from quizapp.models import Attempt, Choice, Question, Quiz, Response, utcnow
from tests.conftest import csrf_token, post_form, queries
from tests.factories import make_question, make_quiz


def new_quiz(app, **kw) -> dict:
    """Create a quiz and return plain facts about it (ids, slug, right choice per question)."""
    with app.app_context():
        quiz = make_quiz(**kw)
        questions = [item.question for item in quiz.items]
        return {
            "slug": quiz.slug,
            "id": quiz.id,
            "questions": [q.id for q in questions],
            "right": {q.id: next(c.id for c in q.choices if c.is_correct) for q in questions},
            "wrong": {q.id: next(c.id for c in q.choices if not c.is_correct) for q in questions},
        }


def start(client, slug: str) -> int:
    """Start (or resume) an attempt and return its id."""
    response = post_form(client, f"/quizzes/{slug}/start", {}, form_url=f"/quizzes/{slug}")
    assert response.status_code == 302, response.get_data(as_text=True)
    match = re.search(r"/attempts/(\d+)$", response.headers["Location"])
    assert match, response.headers["Location"]
    return int(match.group(1))


def autosave(client, attempt_id: int, question, answer, *, token: str | None = None):
    """Post one answer the way quiz.js does."""
    token = token or csrf_token(client, "/")
    return client.post(
        f"/attempts/{attempt_id}/answer",
        data={"question": question, "answer": answer},
        headers={"X-CSRFToken": token},
    )


def submit(client, attempt_id: int, answers: dict[int, int | str], *, confirm: bool = True):
    """Submit with the given answers, confirming (as the review page asks) if any are blank."""
    data = {f"q{qid}": value for qid, value in answers.items()}
    if confirm:
        data["confirm"] = "1"
    return post_form(client, f"/attempts/{attempt_id}/submit", data, form_url="/")


def stored(app, attempt_id: int) -> dict:
    """What the database holds for an attempt."""
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        responses = db.session.scalars(
            select(Response).where(Response.attempt_id == attempt_id).order_by(Response.position)
        ).all()
        return {
            "submitted": attempt.submitted_at,
            "score": attempt.score,
            "answers": {r.question_id: r.choice_id or r.text_answer for r in responses},
        }


def test_whole_journey_from_registration_to_progress(client, app):
    quiz = new_quiz(app, questions=3)
    post_form(
        client,
        "/auth/register",
        {"username": "maya", "password": "long enough pw", "confirm": "long enough pw"},
    )
    home = client.get("/").get_data(as_text=True)
    assert quiz["slug"] in home and "Attempts left" in home
    attempt_id = start(client, quiz["slug"])
    page = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert "Question 1 of 3" in page
    q1, q2, q3 = quiz["questions"]
    assert autosave(client, attempt_id, q1, quiz["right"][q1]).get_json() == {"saved": True}
    response = submit(client, attempt_id, {q2: quiz["right"][q2], q3: quiz["wrong"][q3]})
    assert response.headers["Location"].endswith(f"/attempts/{attempt_id}/result")
    result = client.get(f"/attempts/{attempt_id}/result").get_data(as_text=True)
    assert "Your score: 2 / 3" in result
    assert "<mark>1932</mark>" in result
    assert f"q={q3}" in result and "#cited" in result
    progress = client.get("/progress/").get_data(as_text=True)
    assert "<svg" in progress and "attempt 1: 67%" in progress
    assert "Which year" in progress and "missed 1 time" in progress


def test_the_answer_key_never_reaches_the_attempt_page(client, app, auth):
    quiz = new_quiz(app, questions=2)
    auth.as_new()
    attempt_id = start(client, quiz["slug"])
    pages = [client.get(f"/attempts/{attempt_id}").get_data(as_text=True)]
    pages += [client.get(f"/attempts/{attempt_id}/page/{n}").get_data(as_text=True) for n in (1, 2)]
    assert all("Question" in page for page in pages)
    for page in pages:
        assert "correct" not in page.lower()
        assert "The article says" not in page  # explanations wait for the result
        assert "city's historian" not in page and "city&#39;s historian" not in page


def test_reload_keeps_the_same_draw_and_saved_answers(client, app, auth):
    quiz = new_quiz(app, questions=5, shuffle=True)
    auth.as_new()
    attempt_id = start(client, quiz["slug"])

    # One question per page: every page of the attempt, as quiz.js fetches them.
    def every_page() -> str:
        return "".join(
            client.get(f"/attempts/{attempt_id}/page/{n}").get_data(as_text=True)
            for n in range(1, 6)
        )

    first = every_page()
    qid = quiz["questions"][0]
    autosave(client, attempt_id, qid, quiz["wrong"][qid])
    second = every_page()
    order = re.compile(r'id="q(\d+)-c(\d+)"')
    assert order.findall(first) == order.findall(second)
    assert f'value="{quiz["wrong"][qid]}" checked' in second


def test_interrupted_attempt_resumes_in_a_new_session(client, app, auth):
    quiz = new_quiz(app)
    auth.as_new()
    attempt_id = start(client, quiz["slug"])
    qid = quiz["questions"][1]
    autosave(client, attempt_id, qid, quiz["right"][qid])
    auth.logout()
    auth.login()
    assert "Resume attempt 1" in client.get(f"/quizzes/{quiz['slug']}").get_data(as_text=True)
    assert start(client, quiz["slug"]) == attempt_id
    assert stored(app, attempt_id)["answers"][qid] == quiz["right"][qid]


def test_double_submit_changes_state_once(client, app, auth):
    quiz = new_quiz(app)
    auth.as_new()
    attempt_id = start(client, quiz["slug"])
    right = {q: quiz["right"][q] for q in quiz["questions"]}
    submit(client, attempt_id, right)
    first = stored(app, attempt_id)
    wrong = {q: quiz["wrong"][q] for q in quiz["questions"]}
    again = submit(client, attempt_id, wrong)
    assert again.status_code == 302
    assert stored(app, attempt_id) == first
    assert first["score"] == 3
    assert "already submitted" in client.get(again.headers["Location"]).get_data(as_text=True)


def test_answers_after_submission_are_refused_clearly(client, app, auth):
    quiz = new_quiz(app)
    auth.as_new()
    attempt_id = start(client, quiz["slug"])
    submit(client, attempt_id, {})
    qid = quiz["questions"][0]
    response = autosave(client, attempt_id, qid, quiz["right"][qid])
    assert response.status_code == 409
    assert "already submitted" in response.get_json()["error"]
    assert stored(app, attempt_id)["answers"][qid] is None


def expire(app, attempt_id: int) -> None:
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        attempt.started_at = utcnow() - timedelta(minutes=20)
        attempt.deadline_at = utcnow() - timedelta(seconds=1)
        db.session.commit()


def test_the_deadline_is_kept_by_the_server(client, app, auth):
    quiz = new_quiz(app, time_limit_s=600)
    auth.as_new()
    attempt_id = start(client, quiz["slug"])
    page = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert 'id="timer"' in page and 'aria-live="polite"' in page
    q1, q2, _ = quiz["questions"]
    autosave(client, attempt_id, q1, quiz["right"][q1])
    expire(app, attempt_id)
    late = autosave(client, attempt_id, q2, quiz["right"][q2])
    assert late.status_code == 409 and "Time is up" in late.get_json()["error"]
    assert client.get(f"/attempts/{attempt_id}").status_code == 302
    result = client.get(f"/attempts/{attempt_id}/result").get_data(as_text=True)
    assert "Your score: 1 / 3" in result and "Time ran out" in result
    submit(client, attempt_id, {q2: quiz["right"][q2]})
    assert stored(app, attempt_id)["score"] == 1
    assert stored(app, attempt_id)["answers"][q2] is None


def test_another_students_attempt_is_404(client, app, auth):
    quiz = new_quiz(app)
    auth.as_new(username="owner")
    attempt_id = start(client, quiz["slug"])
    auth.logout()
    auth.as_new(username="intruder")
    qid = quiz["questions"][0]
    assert client.get(f"/attempts/{attempt_id}").status_code == 404
    assert client.get(f"/attempts/{attempt_id}/result").status_code == 404
    assert autosave(client, attempt_id, qid, quiz["right"][qid]).status_code == 404
    assert submit(client, attempt_id, {qid: quiz["right"][qid]}).status_code == 404
    assert stored(app, attempt_id)["answers"][qid] is None


@pytest.mark.parametrize(
    ("question", "answer", "message"),
    [
        ("other_quiz", "right_of_other", "not part of this attempt"),
        ("own", "choice_of_other", "does not belong to this question"),
        ("own", "abc", "not valid"),
        ("own", "-3", "not valid"),
        ("-1", "1", "not valid"),
        ("x1", "1", "not valid"),
    ],
)
def test_tampered_ids_are_refused_and_nothing_stored(client, app, auth, question, answer, message):
    quiz = new_quiz(app)
    other = new_quiz(app)
    auth.as_new()
    attempt_id = start(client, quiz["slug"])
    own = quiz["questions"][0]
    other_q = other["questions"][0]
    question = {"own": own, "other_quiz": other_q}.get(question, question)
    answer = {
        "right_of_other": other["right"][other_q],
        "choice_of_other": other["right"][other_q],
    }.get(answer, answer)
    response = autosave(client, attempt_id, question, answer)
    assert response.status_code == 400
    assert message in response.get_json()["error"]
    assert all(v is None for v in stored(app, attempt_id)["answers"].values())


def test_tampered_submit_stores_nothing(client, app, auth):
    quiz = new_quiz(app)
    other = new_quiz(app)
    auth.as_new()
    attempt_id = start(client, quiz["slug"])
    own, foreign = quiz["questions"][0], other["questions"][0]
    response = submit(
        client, attempt_id, {own: quiz["right"][own], foreign: other["right"][foreign]}
    )
    assert response.headers["Location"].endswith(f"/attempts/{attempt_id}")
    state = stored(app, attempt_id)
    assert state["submitted"] is None and all(v is None for v in state["answers"].values())


def test_autosave_without_csrf_token_is_refused(client, app, auth):
    quiz = new_quiz(app)
    auth.as_new()
    attempt_id = start(client, quiz["slug"])
    qid = quiz["questions"][0]
    response = client.post(
        f"/attempts/{attempt_id}/answer", data={"question": qid, "answer": quiz["right"][qid]}
    )
    assert response.status_code == 400
    assert stored(app, attempt_id)["answers"][qid] is None


def test_attempts_limit(client, app, auth):
    quiz = new_quiz(app, max_attempts=1)
    auth.as_new()
    attempt_id = start(client, quiz["slug"])
    submit(client, attempt_id, {})
    response = post_form(
        client, f"/quizzes/{quiz['slug']}/start", {}, form_url=f"/quizzes/{quiz['slug']}"
    )
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "used every attempt" in page
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Attempt)) == 1


@pytest.mark.parametrize(
    ("grading", "grade"), [("highest", "67"), ("last", "33"), ("average", "50")]
)
def test_grading_methods(client, app, auth, grading, grade):
    quiz = new_quiz(app, grading=grading)
    auth.as_new()
    q1, q2, q3 = quiz["questions"]
    first = start(client, quiz["slug"])
    submit(client, first, {q1: quiz["right"][q1], q2: quiz["right"][q2]})
    second = start(client, quiz["slug"])
    submit(client, second, {q1: quiz["right"][q1]})
    page = client.get(f"/quizzes/{quiz['slug']}").get_data(as_text=True)
    assert f"grade {grade}%" in page


def test_unassigned_private_quiz_is_404(client, app, auth):
    quiz = new_quiz(app, public=False)
    auth.as_new()
    assert client.get(f"/quizzes/{quiz['slug']}").status_code == 404
    response = post_form(client, f"/quizzes/{quiz['slug']}/start", {}, form_url="/")
    assert response.status_code == 404


def test_feedback_after_close_hides_right_answers(client, app, auth):
    closes = utcnow() + timedelta(days=2)
    quiz = new_quiz(app, feedback="after_close", closes_at=closes)
    auth.as_new()
    attempt_id = start(client, quiz["slug"])
    submit(client, attempt_id, {})
    page = client.get(f"/attempts/{attempt_id}/result").get_data(as_text=True)
    assert "will be shown after the quiz closes" in page
    assert "Right answer" not in page and "<mark>" not in page


@pytest.mark.parametrize(
    ("typed", "kind", "answer", "accepted", "tolerance", "correct"),
    [
        ("1933", "which_year", "1932", (), 1, True),
        ("1934", "which_year", "1932", (), 1, False),
        ("1,932", "which_year", "1932", (), 0, True),
        ("mr. stone", "who_said", "Ada Stone", ("Stone", "Ms. Stone"), 0, True),
        # Every honorific the generator knows counts, "Rev." as well as "Dr." (issue 14).
        ("Rev. Smith", "who_said", "Smith", (), 0, True),
        ("Dr Smith", "who_said", "Smith", (), 0, True),
        ("Revd Smith", "who_said", "Smith", (), 0, False),
        ("ADA STONE", "who_said", "Ada Stone", ("Stone",), 0, True),
        ("Stoned", "who_said", "Ada Stone", ("Stone",), 0, False),
        ("", "who_said", "Ada Stone", ("Stone",), 0, False),
    ],
)
def test_typed_answers(client, app, auth, typed, kind, answer, accepted, tolerance, correct):
    with app.app_context():
        quiz = make_quiz(questions=1, typed_answers=True, tolerance=tolerance)
        question = quiz.items[0].question
        question.kind, question.answer, question.accepted = kind, answer, list(accepted)
        question.choices = []
        db.session.flush()
        question.choices = [Choice(text=answer, is_correct=True, position=0)]
        db.session.commit()
        slug, qid = quiz.slug, question.id
    auth.as_new()
    attempt_id = start(client, slug)
    page = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert f'id="q{qid}-text"' in page and 'type="radio"' not in page
    submit(client, attempt_id, {qid: typed})
    assert stored(app, attempt_id)["score"] == (1 if correct else 0)


def count_queries(app, func_, *args):
    """How many SQL statements a call runs."""
    with queries(app) as seen:
        func_(*args)
    return len(seen)


def test_query_counts_do_not_grow_with_the_number_of_questions(client, app, auth):
    auth.as_new()
    counts = []
    for n in (2, 25):
        quiz = new_quiz(app, questions=n)
        attempt_id = start(client, quiz["slug"])
        take = count_queries(app, client.get, f"/attempts/{attempt_id}")
        submit(client, attempt_id, {q: quiz["right"][q] for q in quiz["questions"]})
        result = count_queries(app, client.get, f"/attempts/{attempt_id}/result")
        counts.append((take, result))
    assert counts[0] == counts[1]
    # The result page's summary (earlier attempts, the median) costs one more query.
    assert counts[0][0] <= 10 and counts[0][1] <= 11


def test_retired_questions_are_not_drawn(client, app, auth):
    with app.app_context():
        quiz = make_quiz(questions=2)
        quiz.items[0].question.status = "retired"
        db.session.commit()
        slug = quiz.slug
    auth.as_new()
    attempt_id = start(client, slug)
    assert "Question 1 of 1" in client.get(f"/attempts/{attempt_id}").get_data(as_text=True)


def test_random_draw_by_kind(client, app, auth):
    with app.app_context():
        for _ in range(4):
            make_question(kind="which_year")
        for n in range(3):
            make_question(
                kind="who_said",
                answer="Ada Stone",
                distractors=("A", "B", "C"),
                source=f"“Quote number {n},” says Ada Stone.",
            )
        quiz = make_quiz(questions=0, draw_count=2, draw_kinds=["who_said"])
        slug = quiz.slug
    auth.as_new()
    attempt_id = start(client, slug)
    with app.app_context():
        kinds = db.session.scalars(
            select(Question.kind)
            .join(Response, Response.question_id == Question.id)
            .where(Response.attempt_id == attempt_id)
        ).all()
    assert kinds == ["who_said", "who_said"]


def test_an_expired_attempt_is_graded_for_the_teacher_without_a_submit(client, app, auth):
    quiz = new_quiz(app, time_limit_s=600)
    auth.as_new()
    attempt_id = start(client, quiz["slug"])
    q1 = quiz["questions"][0]
    autosave(client, attempt_id, q1, quiz["right"][q1])
    expire(app, attempt_id)
    auth.logout()
    auth.as_new(username="boss", role="admin")
    page = client.get(f"/teach/reports/quizzes/{quiz['id']}").get_data(as_text=True)
    assert "33%" in page
    assert stored(app, attempt_id)["score"] == 1 and stored(app, attempt_id)["submitted"]


def test_close_expired_command(runner, app, client, auth):
    quiz = new_quiz(app, time_limit_s=600)
    auth.as_new()
    attempt_id = start(client, quiz["slug"])
    expire(app, attempt_id)
    assert "Closed 1 expired attempt(s)." in runner.invoke(args=["close-expired"]).output
    assert stored(app, attempt_id)["score"] == 0
    assert "Closed 0 expired attempt(s)." in runner.invoke(args=["close-expired"]).output


def test_superscript_digits_in_field_names_are_ignored(client, app, auth):
    quiz = new_quiz(app)
    auth.as_new()
    attempt_id = start(client, quiz["slug"])
    response = post_form(client, f"/attempts/{attempt_id}/submit", {"q²": "1"}, form_url="/")
    assert response.status_code == 302


def test_the_cited_passage_is_highlighted_only_after_the_answer_was_shown(client, app, auth):
    quiz = new_quiz(app, questions=1)
    qid = quiz["questions"][0]
    with app.app_context():
        article_id = db.session.get(Question, qid).article_id
    url = f"/articles/{article_id}?q={qid}"
    auth.as_new()
    attempt_id = start(client, quiz["slug"])
    assert 'id="cited"' not in client.get(url).get_data(as_text=True)  # mid-quiz: no hint
    submit(client, attempt_id, {})
    assert 'id="cited"' in client.get(url).get_data(as_text=True)


def test_the_quiz_page_loads_its_own_quiz_only(app, client, auth):
    """The detail page summarises the quiz it shows, not every quiz on the list."""
    shown = new_quiz(app)
    for _ in range(5):
        new_quiz(app)
    auth.as_new()
    loaded: list[int] = []

    def record(target, context):  # type: ignore[no-untyped-def]
        loaded.append(target.id)

    event.listen(Quiz, "load", record)
    try:
        assert client.get(f"/quizzes/{shown['slug']}").status_code == 200
    finally:
        event.remove(Quiz, "load", record)
    assert set(loaded) == {shown["id"]}
