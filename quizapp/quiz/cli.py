"""`flask close-expired`: close attempts whose time ran out (for a periodic job)."""

import click
from flask.cli import with_appcontext

from quizapp.quiz.attempts import close_expired


@click.command("close-expired")
@with_appcontext
def close_expired_command() -> None:
    """Score and close every attempt whose deadline has passed (safe to run at any time)."""
    click.echo(f"Closed {close_expired()} expired attempt(s).")
