"""`flask create-user`: make teacher, admin or student accounts."""

from __future__ import annotations

import sys

import click
from flask.cli import with_appcontext
from sqlalchemy.exc import IntegrityError

from quizapp.auth.forms import USERNAME_RULE
from quizapp.auth.services import create_user, is_common_password, weak_password_message
from quizapp.states import Role
from quizapp.transactions import transaction

MIN_PASSWORD = 8


@click.command("create-user")
@click.argument("username")
@click.option(
    "--role",
    type=click.Choice([role.value for role in Role]),
    default=Role.STUDENT.value,
    show_default=True,
)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@with_appcontext
def create_user_command(username: str, role: str, password_stdin: bool) -> None:
    """Create a user account; the password is prompted twice unless --password-stdin."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < MIN_PASSWORD:
        raise click.ClickException(f"The password must have at least {MIN_PASSWORD} characters.")
    if is_common_password(password):
        raise click.ClickException("This password is too common. Choose a less guessable one.")
    weakness = weak_password_message(password, role=role, username=username)
    if weakness:
        raise click.ClickException(weakness)
    if not 3 <= len(username) <= 40 or not USERNAME_RULE.regex.match(username):
        raise click.ClickException(
            "The username must have 3 to 40 letters, digits, dots, dashes or underscores."
        )
    try:
        with transaction():
            user = create_user(username, password, role)
    except IntegrityError:
        raise click.ClickException(f"A user named {username!r} exists already.") from None
    click.echo(f"Created {user.role} {user.username!r}.")
