"""`flask --app quizapp --debug demo`: demo data for a development install, never by accident."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from quizapp.bank.cli import base_url, import_seeds
from quizapp.demo.services import TEACHER, build_demo, seed_quiz
from quizapp.transactions import transaction


@click.command("demo")
@click.option("--yes", is_flag=True, help="Run even though the app is not in debug mode.")
@with_appcontext
def demo_command(yes: bool) -> None:
    """Create a demo teacher (password printed), a class of 25 and attempts at the seed quiz."""
    if not (current_app.debug or current_app.testing or yes):
        raise click.ClickException(
            "The demo adds a teacher account and 25 students: it only runs in debug mode "
            "(flask --app quizapp --debug demo). On a real server, add --yes if you mean it."
        )
    quiz = seed_quiz()
    if quiz is None:
        import_seeds(echo=lambda _: None)
        quiz = seed_quiz()
    if quiz is None:
        raise click.ClickException("No seed quiz: run `flask --app quizapp setup` first.")
    with transaction():
        result = build_demo(quiz)
    url = base_url()
    if result.created and result.classroom and result.quiz:
        click.echo(
            f"Demo ready: class “{result.classroom.name}” (join code {result.classroom.join_code}) "
            f"with {result.students} students and {result.attempts} attempts at "
            f"“{result.quiz.title}”."
        )
    else:
        click.echo("The demo data exists already; the demo teacher has a new password.")
    click.echo(f"Log in at {url}auth/login as {TEACHER} with the password: {result.password}")
    click.echo(f"Then see the gradebook and item statistics under {url}teach/reports/.")
