"""Demo data for a first look at the teacher side: `flask --app quizapp --debug demo`."""

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the demo command."""
    from quizapp.demo.cli import demo_command

    app.cli.add_command(demo_command)
