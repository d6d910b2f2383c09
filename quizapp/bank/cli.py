"""Commands: setup, import-article, generate, bank export and bank import."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_migrate import upgrade

from quizapp.actors import COMMAND_LINE
from quizapp.bank.interchange import InterchangeError, bank_questions, export_text, import_bank
from quizapp.bank.services import article_quiz, import_article
from quizapp.generate import generate
from quizapp.sources import ExtractedArticle, SourceError, extract, fetch_url
from quizapp.sources.fetch import allowed_hosts
from quizapp.transactions import transaction


def read_article(path: Path) -> str:
    """Read an article file as UTF-8 text, with a clear error otherwise."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise click.ClickException(f"{path} is not UTF-8 text.") from None


def read_source(path: Path | None, url: str | None) -> ExtractedArticle:
    """The article in a file of any supported type, or fetched from a web address."""
    try:
        if path is not None:
            return extract(path.read_bytes(), path.name, source_url=url)
        if url is None:
            raise click.UsageError("Give a file PATH or --url URL.")
        page = fetch_url(url, allowed_hosts(current_app.config.get("IMPORT_ALLOWED_HOSTS")))
        return extract(page.data, page.url.rsplit("/", 1)[-1], source_url=page.url)
    except SourceError as error:
        raise click.ClickException(f"{path or url}: {error}") from None


def seed_metadata(path: Path) -> dict[str, str]:
    """Title, URL and date of a seed from its optional `NAME.json` sidecar."""
    sidecar = path.with_suffix(".json")
    meta = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}
    meta.setdefault("title", path.stem.replace("-", " ").replace("_", " ").title())
    return meta


def import_seeds(echo=click.echo) -> None:
    """Import every seed article not yet imported, each with its ready-made quiz."""
    seeds = sorted(Path(current_app.config["SEEDS_DIR"]).glob("*.txt"))
    for path in seeds:
        meta = seed_metadata(path)
        with transaction():
            result = import_article(
                read_article(path),
                title=meta["title"],
                source_url=meta.get("source_url"),
                published_on=date.fromisoformat(meta["published"])
                if meta.get("published")
                else None,
                origin=f"seed:{path.name}",
                author=COMMAND_LINE,
                publish=True,
            )
            if result.created:
                quiz = article_quiz(result.article)
                echo(
                    f"Imported {path.name}: {len(result.article.questions)} questions,"
                    f" quiz {quiz.slug!r} of {len(quiz.items)}."
                )
            else:
                echo(f"Already imported: {path.name}.")


NEXT_STEPS = """
Next steps:
  1. Create your teacher account:
       flask --app quizapp create-user YOUR_NAME --role teacher
  2. Start the server and open it in a browser:
       flask --app quizapp run            (then open {url})
     Log in at {url}auth/login: teachers land on {url}teach/.
  3. Want something to look at first? Demo data (a class of 25 with attempts):
       flask --app quizapp --debug demo"""


@click.command("setup")
@with_appcontext
def setup_command() -> None:
    """Create or migrate the database and import every seed article not yet imported."""
    upgrade()
    import_seeds()
    click.echo("Setup complete.")
    click.echo(NEXT_STEPS.format(url=base_url()))


def base_url() -> str:
    """Where the app will answer: SERVER_NAME when configured, else Flask's development address."""
    server = current_app.config.get("SERVER_NAME")
    scheme = current_app.config.get("PREFERRED_URL_SCHEME", "http")
    return f"{scheme}://{server}/" if server else "http://127.0.0.1:5000/"


ARTICLE_PATH = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.command("import-article")
@click.argument("path", type=ARTICLE_PATH, required=False)
@click.option("--title", help="Title (default: the document's own, else the file name).")
@click.option(
    "--url",
    "source_url",
    help="Where the article was published; without PATH, the page is fetched from there.",
)
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), help="YYYY-MM-DD.")
@click.option("--publish", is_flag=True, help="Publish the questions at once (default: drafts).")
@with_appcontext
def import_article_command(
    path: Path | None, title: str | None, source_url: str | None, published, publish: bool
) -> None:
    """Store an article (text, HTML, PDF, Word or a web page) and its questions (idempotent)."""
    source = read_source(path, source_url)
    with transaction():
        result = import_article(
            source.text,
            title=title
            or source.title
            or (seed_metadata(path)["title"] if path else source_url)
            or "",
            source_url=source.source_url,
            published_on=published.date() if published else source.published,
            origin=source.source_url or f"file:{path.name if path else ''}",
            author=COMMAND_LINE,
            publish=publish,
        )
    article = result.article
    if not result.created:
        click.echo(
            f"Already imported as article {article.id} ({article.title!r}); nothing changed."
        )
        return
    click.echo(
        f"Imported article {article.id} ({article.title!r}): {len(article.questions)} questions."
    )
    if result.replaced is not None:
        click.echo(
            f"It replaces article {result.replaced.id};"
            " that version's questions are flagged for review."
        )


@click.command("generate")
@click.argument("path", type=ARTICLE_PATH, required=False)
@click.option("--url", help="Fetch the article from this web address instead of a file.")
@click.option("--json", "as_json", is_flag=True, help="Print the questions as JSON.")
@with_appcontext
def generate_command(path: Path | None, url: str | None, as_json: bool) -> None:
    """Print the questions generated from an article, without touching the database."""
    result = generate(read_source(path, url).text)
    items: list[dict[str, Any]] = [
        {
            "kind": q.kind,
            "prompt": q.prompt,
            "answer": q.answer,
            "choices": list(q.choices),
            "accepted": list(q.accepted),
            "source": q.source,
            "span": list(q.span),
            "explanation": q.explanation,
            "confidence": q.confidence,
            "flags": list(q.flags),
        }
        for q in result.questions
    ]
    if as_json:
        click.echo(json.dumps(items, ensure_ascii=False, indent=2))
        return
    for i, item in enumerate(items, 1):
        click.echo(f"{i}. [{item['kind']}] {item['prompt']}")
        for flag in item["flags"]:
            click.echo(f"   ! {flag}")
        for choice in item["choices"]:
            click.echo(f"   {'*' if choice == item['answer'] else '-'} {choice}")


@click.group("bank")
def bank_group() -> None:
    """Export and import the question bank."""


@bank_group.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "gift", "moodle-xml"]),
    default="json",
    show_default=True,
)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
@click.option(
    "--include-drafts", is_flag=True, help="Drafts too (marked as drafts), not only published."
)
@with_appcontext
def bank_export_command(fmt: str, output, include_drafts: bool) -> None:
    """Write the published questions of the bank (and the drafts with --include-drafts)."""
    output.write(export_text(fmt, bank_questions(COMMAND_LINE), include_drafts=include_drafts))


@bank_group.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def bank_import_command(path: Path) -> None:
    """Import questions as drafts from a .json, .gift/.txt or Moodle .xml file: all or none."""
    try:
        with transaction():
            report = import_bank(path.name, path.read_bytes(), author=COMMAND_LINE)
    except InterchangeError as error:
        for message in error.errors:
            click.echo(message, err=True)
        raise click.ClickException(
            f"Nothing imported: {len(error.errors)} problem(s) in {path.name}."
        ) from None
    for message in report.skipped:
        click.echo(f"Skipped {message}")
    click.echo(f"Imported {report.created} question(s) as drafts; skipped {len(report.skipped)}.")
