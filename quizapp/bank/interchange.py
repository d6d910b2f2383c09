"""Export the question bank in interchange formats (JSON, GIFT) and import such files back."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, or_, select, tuple_
from sqlalchemy.orm import selectinload

from quizapp.actors import Actor
from quizapp.auth.guards import editable_by, sees_all
from quizapp.bank import gift, moodle
from quizapp.bank.gift import Entry
from quizapp.bank.moodle_read import Skipped
from quizapp.bank.spec import QuestionSpec, character_problems
from quizapp.extensions import db
from quizapp.ids import MAX_INT
from quizapp.models import Article, Choice, Question, User, utcnow
from quizapp.states import Format, Status

FORMATS_BY_EXTENSION = {".json": "json", ".gift": "gift", ".txt": "gift", ".xml": "moodle"}
# A file holds at most this many questions (a 20,000-question file imports in seconds); rows are
# written BATCH at a time, and looked up BATCH keys per query.
MAX_QUESTIONS = 20_000
BATCH = 500


class InterchangeError(Exception):
    """A file that cannot be imported, with one message per problem (each with its line)."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass
class ImportReport:
    """What an import did: how many questions it created, and which it skipped and why."""

    created: int = 0
    skipped: list[str] = field(default_factory=list)


def bank_questions(visible_to: Actor) -> list[Question]:
    """The questions an actor may export, with choices and articles, in bounded queries.

    A teacher gets the published bank plus their own drafts; admins and the command line, all.
    """
    query = select(Question).options(selectinload(Question.choices), selectinload(Question.article))
    if isinstance(visible_to, User) and not sees_all(visible_to):
        query = query.where(or_(Question.status == Status.PUBLISHED, editable_by(visible_to)))
    return list(db.session.scalars(query.order_by(Question.id)))


def question_as_dict(question: Question) -> dict[str, Any]:
    """The JSON form of one question."""
    return {
        "id": question.id,
        "kind": question.kind,
        "format": question.format,
        "prompt": question.prompt,
        "answer": question.answer,
        "accepted": list(question.accepted or []),
        "tolerance": question.tolerance,
        "choices": [choice.text for choice in question.choices],
        "explanation": question.explanation,
        "source": question.source_sentence,
        "span": [question.span_start, question.span_end]
        if question.span_start is not None
        else None,
        "status": question.status,
        "article": question.article.title if question.article else None,
    }


def exported(questions: list[Question], *, include_drafts: bool = False) -> list[Question]:
    """What an export holds: the published questions, and the drafts when asked (never retired)."""
    wanted = (Status.PUBLISHED, Status.DRAFT) if include_drafts else (Status.PUBLISHED,)
    return [q for q in questions if q.status in wanted]


def export_text(fmt: str, questions: list[Question], *, include_drafts: bool = False) -> str:
    """The bank as a JSON list, GIFT text or Moodle XML (published only, unless drafts asked).

    Drafts are marked: "draft": true in JSON, a "// status: draft" line and a "DRAFT …" title
    in GIFT (Moodle shows the title), so nobody takes one for a reviewed question.
    """
    items = [question_as_dict(q) for q in exported(questions, include_drafts=include_drafts)]
    if fmt == "moodle-xml":
        return moodle.dumps(items, include_drafts=include_drafts)
    if fmt == "gift":
        return gift.dumps(items)
    for item in items:
        item["draft"] = item["status"] == Status.DRAFT
    return gift.json_text(items, indent=2) + "\n"


def file_format(filename: str) -> str:
    """json, gift or moodle (XML), from a file name's extension."""
    suffix = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if suffix not in FORMATS_BY_EXTENSION:
        raise InterchangeError(
            [f"{filename}: use a .json, .gift, .txt or .xml file (the extension names the format)."]
        )
    return FORMATS_BY_EXTENSION[suffix]


def read_entries(filename: str, data: bytes) -> list[Entry]:
    """The questions of a JSON, GIFT or Moodle XML file, each validated, with its line number."""
    fmt = file_format(filename)
    if fmt == "moodle":
        entries = moodle.parse(data)  # XML says its own encoding
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InterchangeError([f"{filename} is not UTF-8 text."]) from None
        entries = gift.parse(text) if fmt == "gift" else read_json(text)
    if not entries:
        raise InterchangeError([f"{filename} holds no questions."])
    if len(entries) > MAX_QUESTIONS:
        raise InterchangeError(
            [
                f"{filename} holds {len(entries):,} questions; import at most {MAX_QUESTIONS:,}"
                " at a time (split the file)."
            ]
        )
    for entry in entries:
        if not entry.errors and not isinstance(entry, Skipped):
            entry.errors.extend(validate(entry.data))
    return entries


def read_json(text: str) -> list[Entry]:
    """The items of a JSON list with the line each starts on (json.loads gives no positions)."""
    decoder = json.JSONDecoder()
    try:
        at = _skip_space(text, 0)
        if text[at : at + 1] != "[":
            raise InterchangeError(["line 1: the JSON file must hold a list of questions."])
        entries, at = [], _skip_space(text, at + 1)
        while text[at : at + 1] != "]":
            line = text.count("\n", 0, at) + 1
            item, end = _decode_item(decoder, text, at, line)
            if isinstance(item, dict):
                entries.append(Entry(line=line, data=dict(item)))
            else:
                entries.append(Entry(line=line, errors=["each question must be a JSON object"]))
            at = _skip_space(text, end)
            if text[at : at + 1] == ",":
                at = _skip_space(text, at + 1)
            elif text[at : at + 1] != "]":
                raise json.JSONDecodeError("Expecting ',' delimiter", text, at)
    except json.JSONDecodeError as error:
        raise InterchangeError([f"line {error.lineno}: invalid JSON ({error.msg})."]) from None
    return entries


def _decode_item(decoder: json.JSONDecoder, text: str, at: int, line: int) -> tuple[Any, int]:
    """One JSON value; nesting too deep or an integer too long to read is an import error."""
    try:
        return decoder.raw_decode(text, at)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise InterchangeError([f"line {line}: the JSON is nested too deeply."]) from None
    except ValueError:
        # Python refuses to convert integers of thousands of digits (a denial-of-service guard).
        raise InterchangeError([f"line {line}: a number in this question is too long."]) from None


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at


def _text_list(value: Any) -> list[str] | None:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        return None
    return [str(v).strip() for v in value]


def validate(data: dict[str, Any]) -> list[str]:
    """Problems that would stop this question from being stored; normalises `data` in place.

    This checks the shape of the JSON form (texts where texts belong, lists, a span); what a
    question itself needs is QuestionSpec's to say, as for the authoring form.
    """
    problems = []
    choices, accepted = _text_list(data.get("choices")), _text_list(data.get("accepted"))
    if choices is None or accepted is None:
        problems.append("choices and accepted must be lists of texts")
        choices, accepted = choices or [], accepted or []
    answer = data.get("answer")
    answer = str(answer).strip() if isinstance(answer, str | int | float) else ""
    span = data.get("span")
    if span is not None and not (
        isinstance(span, list)
        and len(span) == 2
        and all(_whole(v, MAX_INT) for v in span)
        and span[0] <= span[1]
    ):
        problems.append(f"span must be [start, end] with 0 <= start <= end <= {MAX_INT}")
    for key in ("explanation", "source", "article"):
        if data.get(key) is not None and not isinstance(data[key], str):
            problems.append(f"{key} must be a text")
    data.update(
        format=data.get("format") or (Format.CHOICE if choices else Format.TEXT),
        answer=answer,
        choices=choices,
        accepted=accepted,
        tolerance=data.get("tolerance") or 0,
    )
    # The article's title is looked up, so the database must be able to read it too.
    found = spec_of(data).validate() + character_problems([_as_text(data.get("article"))])
    return problems + list(dict.fromkeys(message for _, message in found))


def _whole(value: Any, maximum: int) -> bool:
    """A whole number from 0 to `maximum` (JSON's true is no number)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= maximum


def _as_text(value: Any) -> str:
    """A field's text; what is no text (a number, a list) reads as nothing, already reported."""
    return value if isinstance(value, str) else ""


def spec_of(
    data: dict[str, Any], article: Article | None = None, author: Actor | None = None
) -> QuestionSpec:
    """The question a validated item of the JSON form describes, as a draft."""
    span = data.get("span") if article is not None else None
    return QuestionSpec(
        kind=_as_text(data.get("kind")),
        format=_as_text(data["format"]),
        prompt=_as_text(data.get("prompt")).strip(),
        answer=data["answer"],
        choices=data["choices"],
        accepted=data["accepted"],
        tolerance=data["tolerance"],
        explanation=_as_text(data.get("explanation")),
        source_sentence=_as_text(data.get("source")) or None,
        span=(span[0], span[1]) if span else None,
        article_id=article.id if article else None,
        status=Status.DRAFT,
        author_id=author.id if author else None,
    )


def import_bank(filename: str, data: bytes, *, author: Actor) -> ImportReport:
    """Validate the whole file, then store every question as a draft (the caller commits).

    Raises InterchangeError listing every bad question, before anything is added. Duplicates
    are found with a few queries up front, and the rows are inserted in batches.
    """
    entries = read_entries(filename, data)
    errors = [f"line {e.line}: {message}" for e in entries for message in e.errors]
    if errors:
        raise InterchangeError(errors)
    # Question types the bank does not hold (Moodle XML) are reported, not imported.
    report = ImportReport(
        skipped=[f"line {e.line}: {e.reason}" for e in entries if isinstance(e, Skipped)]
    )
    entries = [e for e in entries if not isinstance(e, Skipped)]
    articles = _articles_named({e.data["article"] for e in entries if e.data.get("article")})
    taken = _existing_keys(entries, articles)
    rows: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    for entry in entries:
        article = articles.get(entry.data.get("article") or "")
        key = (article.id if article else None, entry.data["kind"], entry.data["prompt"].strip())
        if key in taken:
            where = f"a question of “{article.title}”" if article else "an existing question"
            report.skipped.append(f"line {entry.line}: a duplicate of {where}")
            continue
        taken.add(key)
        rows.append(_question_row(entry.data, article, author))
    for at in range(0, len(rows), BATCH):
        _insert(rows[at : at + BATCH])
    report.created = len(rows)
    return report


def _insert(rows: list[tuple[dict[str, Any], list[dict[str, Any]]]]) -> None:
    """Insert questions and their choices: two statements per batch, not one per row."""
    ids = db.session.scalars(
        insert(Question).returning(Question.id, sort_by_parameter_order=True),
        [question for question, _ in rows],
    ).all()
    choices = [
        {"question_id": qid, **choice}
        for qid, (_, question_choices) in zip(ids, rows, strict=True)
        for choice in question_choices
    ]
    if choices:
        db.session.execute(insert(Choice), choices)


def _articles_named(titles: set[str]) -> dict[str, Article]:
    """The current (not replaced) article for each title, the newest when titles repeat."""
    if not titles:
        return {}
    found = db.session.scalars(
        select(Article)
        .where(Article.title.in_(titles), Article.replaced_by_id.is_(None))
        .order_by(Article.id)
    )
    return {article.title: article for article in found}


def _existing_keys(
    entries: list[Entry], articles: dict[str, Article]
) -> set[tuple[int | None, str, str]]:
    """(article id, kind, prompt) of the bank's questions that the file repeats."""
    wanted = {
        (
            article.id if (article := articles.get(e.data.get("article") or "")) else None,
            e.data["kind"],
            e.data["prompt"].strip(),
        )
        for e in entries
    }
    found: set[tuple[int | None, str, str]] = set()
    keys = sorted(wanted, key=lambda k: (k[0] or 0, k[1], k[2]))
    for at in range(0, len(keys), BATCH):
        batch = keys[at : at + BATCH]
        filed = [k for k in batch if k[0] is not None]
        unfiled = [(kind, prompt) for article_id, kind, prompt in batch if article_id is None]
        columns = (Question.article_id, Question.kind, Question.prompt)
        if filed:
            found.update(db.session.execute(select(*columns).where(tuple_(*columns).in_(filed))))
        if unfiled:
            found.update(
                db.session.execute(
                    select(*columns).where(
                        Question.article_id.is_(None),
                        tuple_(Question.kind, Question.prompt).in_(unfiled),
                    )
                )
            )
    return {tuple(row) for row in found}  # type: ignore[misc]


def _question_row(
    data: dict[str, Any], article: Article | None, author: Actor
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The column values of a draft question from validated data, and its choices' values."""
    spec = spec_of(data, article, author)
    now = utcnow()
    return spec.values() | {"created_at": now, "updated_at": now}, spec.choice_values()
