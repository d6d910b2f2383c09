"""The question bank: importing articles, storing generated questions, interchange."""

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the bank's command-line interface."""
    from quizapp.bank import cli

    for command in cli.COMMANDS:
        app.cli.add_command(command)
