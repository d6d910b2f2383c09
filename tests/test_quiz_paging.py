"""Paged taking through the HTTP client: one question per page without JavaScript, review
flags, the review page, the confirm step for blanks, and the rules that still hold."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from quizapp.extensions import db
from quizapp.models import Quiz, Response
from tests.conftest import csrf_token, post_form
from tests.factories import make_quiz
from tests.teach_support import choice_question, create_question, create_quiz, quiz_data
from tests.test_quiz import count_queries, expire, new_quiz, start, stored, submit


def save_page(client, attempt_id: int, *, go: str, answers=None, shown=(), flags=()):
    """Post a take page the way a browser without JavaScript does."""
    data: dict = {f"q{qid}": value for qid, value in (answers or {}).items()}
    data.update({"go": go, "shown": [str(q) for q in shown], "flag": [str(q) for q in flags]})
    return post_form(client, f"/attempts/{attempt_id}/save", data, form_url="/")


def flags(app, attempt_id: int) -> dict[int, bool]:
    """The review flag of each question of an attempt."""
    with app.app_context():
        rows = db.session.execute(
            select(Response.question_id, Response.flagged).where(Response.attempt_id == attempt_id)
        ).all()
        return dict(rows)


def enabled_pages(html: str) -> list[int]:
    """The question positions a page shows (the others are hidden and disabled)."""
    pages = re.findall(
        r'<fieldset class="qpage" id="question-(\d+)"[^>]*?(hidden disabled)?>', html
    )
    return [int(n) for n, off in pages if not off]


@pytest.fixture
def paged(app, client, auth) -> dict:
    """A student with a running attempt at a 3-question paged quiz (fixed order)."""
    quiz = new_quiz(app, questions=3, shuffle=False, time_limit_s=600)
    auth.as_new()
    quiz["attempt"] = start(client, quiz["slug"])
    return quiz


def test_paged_navigation_without_javascript_saves_and_moves_on(client, app, paged):
    attempt, (q1, q2, q3) = paged["attempt"], paged["questions"]
    page = client.get(f"/attempts/{attempt}").get_data(as_text=True)
    assert enabled_pages(page) == [1] and "0</strong> of 3 answered" in page
    assert 'aria-current="step"' in page and 'name="go" value="2"' in page

    response = save_page(client, attempt, go="2", answers={q1: paged["right"][q1]}, shown=[q1])
    assert response.headers["Location"].endswith(f"/attempts/{attempt}?q=2")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert enabled_pages(page) == [2] and "1</strong> of 3 answered" in page
    assert 'class="nav-sq is-answered"' in page
    # Previous keeps what was saved; nothing is scored on the way.
    save_page(client, attempt, go="1", answers={q2: paged["wrong"][q2]}, shown=[q2])
    page = client.get(f"/attempts/{attempt}?q=1").get_data(as_text=True)
    assert enabled_pages(page) == [1] and f'value="{paged["right"][q1]}" checked' in page
    state = stored(app, attempt)
    assert state["answers"] == {q1: paged["right"][q1], q2: paged["wrong"][q2], q3: None}
    assert state["score"] is None and state["submitted"] is None
    # A resumed attempt opens on the first blank question; out-of-range pages are clamped.
    assert enabled_pages(client.get(f"/attempts/{attempt}").get_data(as_text=True)) == [3]
    assert enabled_pages(client.get(f"/attempts/{attempt}?q=99").get_data(as_text=True)) == [3]


def test_the_last_page_leads_to_the_review(client, paged):
    attempt, q3 = paged["attempt"], paged["questions"][2]
    page = client.get(f"/attempts/{attempt}?q=3").get_data(as_text=True)
    assert "Review answers" in page
    response = save_page(client, attempt, go="review", shown=[q3])
    assert response.headers["Location"].endswith(f"/attempts/{attempt}/review")


def test_saving_a_page_needs_the_csrf_token(client, paged):
    response = client.post(f"/attempts/{paged['attempt']}/save", data={"go": "2"})
    assert response.status_code == 400


def test_flag_for_review_without_and_with_javascript(client, app, paged):
    attempt, (q1, q2, _) = paged["attempt"], paged["questions"]
    save_page(client, attempt, go="2", shown=[q1], flags=[q1])
    assert flags(app, attempt)[q1] is True
    page = client.get(f"/attempts/{attempt}?q=1").get_data(as_text=True)
    assert f'name="flag" value="{q1}" checked' in page and "nav-sq is-flagged" in page
    save_page(client, attempt, go="2", shown=[q1])  # the box left unticked: unflagged
    assert flags(app, attempt)[q1] is False
    # A flag for a question the page did not show changes nothing.
    save_page(client, attempt, go="2", shown=[q1], flags=[q2])
    assert flags(app, attempt)[q2] is False

    token = csrf_token(client, "/")
    url = f"/attempts/{attempt}/flag"
    ok = client.post(url, data={"question": q2, "flagged": "1"}, headers={"X-CSRFToken": token})
    assert ok.get_json() == {"saved": True, "flagged": True} and flags(app, attempt)[q2] is True
    bad = client.post(
        url, data={"question": 999999, "flagged": "1"}, headers={"X-CSRFToken": token}
    )
    assert bad.status_code == 400 and "not part of this attempt" in bad.get_json()["error"]
    assert client.post(url, data={"question": q2, "flagged": "0"}).status_code == 400  # no CSRF
    assert flags(app, attempt)[q2] is True
    assert stored(app, attempt)["score"] is None


def test_review_lists_answered_blank_and_flagged_with_the_time_left(client, app, paged):
    attempt, (q1, q2, _) = paged["attempt"], paged["questions"]
    save_page(client, attempt, go="2", answers={q1: paged["right"][q1]}, shown=[q1, q2], flags=[q2])
    page = client.get(f"/attempts/{attempt}/review").get_data(as_text=True)
    items = re.findall(r'class="review-item ([^"]+)"\s+href="([^"]+)"', page)
    assert [classes for classes, _ in items] == ["is-answered", "is-blank is-flagged", "is-blank"]
    assert [href for _, href in items] == [
        f"/attempts/{attempt}?q={n}#question-{n}" for n in (1, 2, 3)
    ]
    assert page.count(">Unanswered<") == 2 and page.count('tag-flag">Flagged<') == 1
    assert 'id="timer"' in page and "Time left" in page
    assert "correct" not in page.lower() and "The article says" not in page
    assert stored(app, attempt)["score"] is None


def test_submitting_with_blanks_asks_first_and_scores_nothing_before_yes(client, app, paged):
    attempt, q1 = paged["attempt"], paged["questions"][0]
    response = submit(client, attempt, {q1: paged["right"][q1]}, confirm=False)
    assert response.headers["Location"].endswith(f"/attempts/{attempt}/review?confirm=1")
    state = stored(app, attempt)
    assert state["submitted"] is None and state["score"] is None
    assert state["answers"][q1] == paged["right"][q1]  # the posted answer is kept
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Submit with 2 blank questions?" in page and 'name="confirm" value="1"' in page
    assert f"/attempts/{attempt}?q=2#question-2" in page  # "answer the blank ones"
    assert client.get(f"/attempts/{attempt}/result").status_code == 302  # no result yet

    response = post_form(
        client,
        f"/attempts/{attempt}/submit",
        {"confirm": "1"},
        form_url=f"/attempts/{attempt}/review",
    )
    assert response.headers["Location"].endswith(f"/attempts/{attempt}/result")
    state = stored(app, attempt)
    assert state["submitted"] is not None and state["score"] == 1


def test_a_full_attempt_submits_without_a_confirm_step(client, app, paged):
    attempt = paged["attempt"]
    right = {q: paged["right"][q] for q in paged["questions"]}
    response = submit(client, attempt, right, confirm=False)
    assert response.headers["Location"].endswith(f"/attempts/{attempt}/result")
    assert stored(app, attempt)["score"] == 3


def test_the_deadline_still_holds_for_pages_flags_and_review(client, app, paged):
    attempt, (q1, q2, _) = paged["attempt"], paged["questions"]
    save_page(client, attempt, go="2", answers={q1: paged["right"][q1]}, shown=[q1])
    expire(app, attempt)
    late = save_page(
        client, attempt, go="3", answers={q2: paged["right"][q2]}, shown=[q2], flags=[q2]
    )
    assert late.headers["Location"].endswith(f"/attempts/{attempt}/result")
    assert "Time is up" in client.get(late.headers["Location"]).get_data(as_text=True)
    token = csrf_token(client, "/")
    flag = client.post(
        f"/attempts/{attempt}/flag",
        data={"question": q2, "flagged": "1"},
        headers={"X-CSRFToken": token},
    )
    assert flag.status_code == 409
    assert client.get(f"/attempts/{attempt}/review").status_code == 302
    # Time up needs no confirmation: the saved answers count, the late ones do not.
    submit(client, attempt, {}, confirm=False)
    state = stored(app, attempt)
    assert state["answers"][q2] is None and state["score"] == 1 and flags(app, attempt)[q2] is False


def test_another_students_attempt_pages_are_404(client, app, auth, paged):
    attempt, q1 = paged["attempt"], paged["questions"][0]
    auth.logout()
    auth.as_new(username="intruder")
    assert (
        save_page(
            client, attempt, go="2", answers={q1: paged["right"][q1]}, shown=[q1], flags=[q1]
        ).status_code
        == 404
    )
    token = csrf_token(client, "/")
    flag = client.post(
        f"/attempts/{attempt}/flag",
        data={"question": q1, "flagged": "1"},
        headers={"X-CSRFToken": token},
    )
    assert flag.status_code == 404
    assert client.get(f"/attempts/{attempt}/review").status_code == 404
    assert stored(app, attempt)["answers"][q1] is None and flags(app, attempt)[q1] is False


def test_all_on_one_page_is_a_quiz_setting(client, app, teacher):
    qids = [create_question(client, choice_question(prompt=f"Which year {i}?")) for i in (1, 2)]
    data = quiz_data("Single page", questions=[str(q) for q in qids], public="y", layout="single")
    quiz_id = create_quiz(client, data)
    with app.app_context():
        quiz = db.session.get(Quiz, quiz_id)
        assert quiz.layout == "single"
        slug = quiz.slug
    edit = client.get(f"/teach/quizzes/{quiz_id}/edit").get_data(as_text=True)
    assert '<option selected value="single">' in edit or 'value="single" selected' in edit
    bad = post_form(client, f"/teach/quizzes/{quiz_id}/edit", {**data, "layout": "sideways"})
    assert "Not a valid choice" in bad.get_data(as_text=True)
    attempt = start(client, slug)
    page = client.get(f"/attempts/{attempt}").get_data(as_text=True)
    assert enabled_pages(page) == [1, 2] and 'id="navigator"' not in page


def test_paged_and_review_pages_run_a_bounded_number_of_queries(client, app, auth):
    auth.as_new()
    counts = []
    for n in (2, 25):
        quiz = new_quiz(app, questions=n)
        attempt = start(client, quiz["slug"])
        counts.append(
            (
                count_queries(app, client.get, f"/attempts/{attempt}?q=2"),
                count_queries(app, client.get, f"/attempts/{attempt}/review"),
            )
        )
    assert counts[0] == counts[1] and max(counts[0]) <= 10


def test_the_database_refuses_an_unknown_layout(app):
    with app.app_context():
        quiz = make_quiz(questions=1)
        quiz.layout = "sideways"
        with pytest.raises(IntegrityError):
            db.session.commit()


def test_a_paged_page_holds_only_the_question_shown_and_fetches_the_others(client, app, paged):
    attempt, (q1, q2, q3) = paged["attempt"], paged["questions"]
    save_page(client, attempt, go="2", answers={q1: paged["right"][q1]}, shown=[q1], flags=[q1])
    page = client.get(f"/attempts/{attempt}?q=2").get_data(as_text=True)
    assert page.count('class="question') == 1 and f'data-question="{q2}"' in page
    # The others are empty placeholders that still tell the navigator and counter their state.
    assert (
        '<fieldset class="qpage" id="question-1" data-position="1" data-page="1" data-lazy '
        'data-answered="1" data-flagged="1" hidden disabled></fieldset>' in page
    )
    fragment = client.get(f"/attempts/{attempt}/page/1").get_data(as_text=True)
    assert f'data-question="{q1}"' in fragment and "<html" not in fragment
    assert f'value="{paged["right"][q1]}" checked' in fragment and "Flag for review" in fragment
    assert f'data-question="{q3}"' in client.get(f"/attempts/{attempt}/page/3").get_data(True)
    assert client.get(f"/attempts/{attempt}/page/4").status_code == 404
    assert client.get(f"/attempts/{attempt}/page/0").status_code == 404


def test_a_page_fragment_is_the_owners_and_only_while_the_attempt_runs(client, app, auth, paged):
    attempt = paged["attempt"]
    auth.logout()
    auth.as_new(username="student2")
    assert client.get(f"/attempts/{attempt}/page/1").status_code == 404
    auth.logout()
    auth.login("student1")
    submit(client, attempt, {})
    assert client.get(f"/attempts/{attempt}/page/1").status_code == 409
