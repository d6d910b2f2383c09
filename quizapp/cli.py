"""Every `flask` command, registered in one place; each package's cli.py defines its own."""

from __future__ import annotations

import click
from flask import Flask

from quizapp.auth.cli import create_user_command
from quizapp.bank.cli import bank_group, generate_command, import_article_command, setup_command
from quizapp.demo.cli import demo_command
from quizapp.quiz.cli import close_expired_command
from quizapp.reports.cli import scores_group

COMMANDS: tuple[click.Command, ...] = (
    setup_command,
    import_article_command,
    generate_command,
    bank_group,
    create_user_command,
    close_expired_command,
    scores_group,
    demo_command,
)


def init_app(app: Flask) -> None:
    """Add every command to `flask`: `flask setup`, `flask bank export`, `flask scores export`…"""
    for command in COMMANDS:
        app.cli.add_command(command)
