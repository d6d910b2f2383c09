"""`flask scores export`: the score export of the web pages, from the command line."""

from __future__ import annotations

from collections.abc import Iterator

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from quizapp.actors import COMMAND_LINE
from quizapp.enrolment.services import classroom_by_code
from quizapp.extensions import db
from quizapp.models import Quiz
from quizapp.reports.exports import csv_chunks, file_chunks, score_rows
from quizapp.reports.xlsx import xlsx_file


@click.group("scores")
def scores_group() -> None:
    """Export scores."""


@scores_group.command("export")
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "xlsx"]), default="csv", show_default=True
)
@click.option("--quiz", "slug", help="Only this quiz (its slug).")
@click.option("--class", "code", help="Only this class (its join code).")
@click.option(
    "--questions",
    is_flag=True,
    help="Add a mark column per question, and in XLSX an answers sheet (needs --quiz).",
)
@click.option("--excel", is_flag=True, help="CSV: start with a BOM so Excel reads UTF-8.")
@click.option("-o", "--output", type=click.File("wb"), default="-", help="Default: stdout.")
@with_appcontext
def export_command(
    fmt: str, slug: str | None, code: str | None, questions: bool, excel: bool, output
) -> None:
    """Write one row per attempt (every teacher's quizzes) as CSV or XLSX."""
    quiz = None
    if slug is not None:
        quiz = db.session.scalar(select(Quiz).where(Quiz.slug == slug))
        if quiz is None:
            raise click.ClickException(f"No quiz has the slug {slug!r}.")
    classroom = classroom_by_code(code) if code is not None else None
    if code is not None and classroom is None:
        raise click.ClickException(f"No class has the join code {code!r}.")
    if questions and quiz is None:
        raise click.ClickException("--questions needs --quiz: columns are per quiz.")
    rows = score_rows(viewer=COMMAND_LINE, quiz=quiz, classroom=classroom, questions=questions)
    chunks: Iterator[bytes]
    if fmt == "csv":
        chunks = (piece.encode("utf-8") for piece in csv_chunks(rows, for_excel=excel))
    else:
        chunks = file_chunks(
            xlsx_file(rows, viewer=COMMAND_LINE, quiz=quiz, classroom=classroom, answers=questions)
        )
    for piece in chunks:
        output.write(piece)
    output.flush()
