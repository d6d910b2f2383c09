"""Request guards and ownership rules shared by blueprints (teach, reports, bank)."""

from __future__ import annotations

from flask import abort
from flask_login import current_user
from sqlalchemy import ColumnElement, and_, or_, select
from werkzeug.wrappers import Response

from quizapp.actors import Actor, CommandLine
from quizapp.errors import NotFound
from quizapp.extensions import db, login_manager
from quizapp.models import Article, Classroom, Question, Quiz, User
from quizapp.states import Role


def teachers_only() -> Response | None:
    """A before-request hook: anonymous visitors log in first, students are refused (403)."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not current_user.is_teacher:
        abort(403)
    return None


def sees_all(actor: Actor) -> bool:
    """Admins and the command line see and may change everything."""
    return isinstance(actor, CommandLine) or actor.role == Role.ADMIN


def owned_quiz(quiz_id: int, user: User) -> Quiz:
    """The user's quiz (any quiz for an admin), else NotFound."""
    quiz = db.session.get(Quiz, quiz_id)
    if quiz is None or not (sees_all(user) or quiz.owner_id == user.id):
        raise NotFound(f"quiz {quiz_id}")
    return quiz


def owned_classroom(classroom_id: int, user: User) -> Classroom:
    """The user's class (any class for an admin), else NotFound."""
    classroom = db.session.get(Classroom, classroom_id)
    if classroom is None or not (sees_all(user) or classroom.teacher_id == user.id):
        raise NotFound(f"class {classroom_id}")
    return classroom


def can_review(article: Article, user: User) -> bool:
    """Only the importer of an article (or an admin) reviews its drafts."""
    return sees_all(user) or article.imported_by_id == user.id


def can_edit(question: Question, user: User) -> bool:
    """Authors edit their questions; the article's importer edits the generated ones."""
    if sees_all(user) or question.author_id == user.id:
        return True
    return (
        question.author_id is None
        and question.article is not None
        and question.article.imported_by_id == user.id
    )


def editable_by(user: User) -> ColumnElement[bool]:
    """`can_edit` as a SQL condition on Question, for lists and bulk updates."""
    if sees_all(user):
        return Question.id.is_not(None)
    imported = select(Article.id).where(Article.imported_by_id == user.id)
    return or_(
        Question.author_id == user.id,
        and_(Question.author_id.is_(None), Question.article_id.in_(imported)),
    )


def owned_quizzes(user: User, *, by_title: bool = False) -> list[Quiz]:
    """The user's quizzes (every quiz for an admin): newest first, or by title."""
    order = (Quiz.title, Quiz.id) if by_title else (Quiz.created_at.desc(), Quiz.id.desc())
    query = select(Quiz).order_by(*order)
    if not sees_all(user):
        query = query.where(Quiz.owner_id == user.id)
    return list(db.session.scalars(query))


def my_classrooms(user: User) -> list[Classroom]:
    """The user's classes (every class for an admin), by name."""
    query = select(Classroom).order_by(Classroom.name, Classroom.id)
    if not sees_all(user):
        query = query.where(Classroom.teacher_id == user.id)
    return list(db.session.scalars(query))
