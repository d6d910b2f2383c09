"""Helpers shared by the teacher-side tests (test_teach_*.py)."""

from __future__ import annotations

import re

from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Article, Classroom, Question, Quiz
from tests.conftest import post_form

ARTICLE = """The Harbour Bridge reopened on Monday after a two-year restoration that cost 48 million dollars, city officials said.

The bridge first opened in 1932 and carried about 160,000 vehicles a day before the works began, according to the transport department.

"It is the heart of this city, and now it will beat for another century," said Mayor Lena Ortiz, who cut the ribbon at the ceremony.

Ortiz, a former civil engineer, was elected mayor in 2019.

Tom Becker, the chief engineer of the project, said the team replaced 6,000 rivets. "We found corrosion nobody expected," Becker said.
"""  # noqa: E501


def import_article(client, *, title: str = "Bridge reopens", body: str = ARTICLE, **extra):
    """Import an article through the paste box."""
    return post_form(client, "/teach/articles/import", {"title": title, "body": body, **extra})


def article_id(app, title: str) -> int:
    """The id of the article with this title."""
    with app.app_context():
        return db.session.scalar(select(Article.id).where(Article.title == title))


def choice_question(
    prompt: str = "In which year did the bridge first open?",
    choices: tuple[str, ...] = ("1932", "1928", "1936"),
    correct: int = 0,
    **extra: str,
) -> dict:
    """Form data for a multiple-choice question."""
    data = {
        "kind": "which_year",
        "format": "choice",
        "prompt": prompt,
        "correct": str(correct),
        "article_id": "0",
        "tolerance": "0",
        "status": "published",
    }
    data.update({f"choices-{i}": text for i, text in enumerate(choices)})
    data.update(extra)
    return data


def create_question(client, data: dict) -> int:
    """Create a question through the form and return its id."""
    response = post_form(client, "/teach/questions/new", data)
    assert response.status_code == 302, response.get_data(as_text=True)
    match = re.search(r"/teach/questions/(\d+)/edit$", response.headers["Location"])
    assert match
    return int(match.group(1))


def create_class(client, name: str = "Year 9 History") -> tuple[int, str]:
    """Create a class and return its id and join code."""
    response = post_form(client, "/teach/classes", {"name": name})
    assert response.status_code == 302, response.get_data(as_text=True)
    classroom_id = int(re.search(r"/teach/classes/(\d+)$", response.headers["Location"]).group(1))
    page = client.get(f"/teach/classes/{classroom_id}").get_data(as_text=True)
    code = re.search(r'class="join-code">([A-Z0-9]+)<', page).group(1)
    return classroom_id, code


def quiz_data(title: str, **extra) -> dict:
    """Form data for a quiz with sensible defaults."""
    data = {"title": title, "mode": "fixed", "grading": "highest", "feedback": "immediate"}
    data.update({"tolerance": "0", "shuffle": "y", "published": "y"})
    data.update(extra)
    return data


def create_quiz(client, data: dict) -> int:
    """Create a quiz through the builder and return its id."""
    response = post_form(client, "/teach/quizzes/new", data)
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(re.search(r"/teach/quizzes/(\d+)/edit$", response.headers["Location"]).group(1))


def quiz_slug(app, quiz_id: int) -> str:
    """A quiz's slug."""
    with app.app_context():
        return db.session.get(Quiz, quiz_id).slug


def question_ids(app, article: int) -> list[int]:
    """The ids of an article's questions."""
    with app.app_context():
        return list(db.session.scalars(select(Question.id).where(Question.article_id == article)))


def join_code(app, classroom_id: int) -> str:
    """A class's join code."""
    with app.app_context():
        return db.session.get(Classroom, classroom_id).join_code
