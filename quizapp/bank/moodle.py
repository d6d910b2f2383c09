"""Moodle XML: write the bank as Moodle's question XML and read such files, ours or Moodle's.

Checked against Moodle's own reader (question/format/xml/format.php, qformat_xml):
- `<question type="category">` with `<category><text>$course$/top/quizapp/Title</text>`
  opens each article's questions (a "/" inside a name is doubled, as Moodle does);
- choice → `multichoice` (single, shuffled; the explanation is the right answer's feedback),
  text → `shortanswer` (aliases are further 100 % answers; `*` escaped, it is a wildcard),
  numeric → `numerical` (with its tolerance), and a "Fill in the blank: … _____ …" choice
  question → `cloze` with `{1:MULTICHOICE:=right~wrong}` in place of the blank;
- the source sentence is the general feedback; the kind travels as a tag `quizapp-kind-…`.
Texts are HTML (`format="html"`), escaped once for HTML and once for XML.
What Moodle XML cannot say (a choice question's typed aliases, the span, the id) stays behind.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any
from xml.etree import ElementTree as ET

from quizapp.bank.moodle_read import parse
from quizapp.quiz.checkers import parse_number
from quizapp.states import Format, Status

__all__ = ["dumps", "parse"]

ROOT_CATEGORY = "$course$/top/quizapp"
KIND_TAG = "quizapp-kind-"
BLANK = "_____"
CLOZE_PREFIX = "Fill in the blank: "
PENALTY = "0.3333333"
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
_CLOZE_SPECIAL = re.compile(r"([\\}#~/\"])")


def dumps(items: Iterable[dict[str, Any]], *, include_drafts: bool = False) -> str:
    """Moodle XML for questions in the bank's JSON form: published ones, and drafts if asked."""
    wanted = (Status.PUBLISHED, Status.DRAFT) if include_drafts else (Status.PUBLISHED,)
    root = ET.Element("quiz")
    current: object = object()
    for item in items:
        if item.get("status", Status.PUBLISHED) not in wanted:
            continue
        if item.get("article") != current:
            current = item.get("article")
            root.append(ET.Comment(f" article: {_comment(current or 'none')} "))
            root.append(_category(current))
        root.append(ET.Comment(f" question: {item.get('id', '')} "))
        root.append(_question(item))
    ET.indent(root)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + ET.tostring(root, "unicode", short_empty_elements=False)
        + "\n"
    )


def _comment(text: str) -> str:
    return text.replace("--", "- -")


def category_path(title: str | None) -> str:
    """The category of an article's questions; Moodle reads "//" as a "/" inside a name."""
    return f"{ROOT_CATEGORY}/{title.replace('/', '//')}" if title else ROOT_CATEGORY


def _category(title: str | None) -> ET.Element:
    question = ET.Element("question", type="category")
    _text(ET.SubElement(question, "category"), category_path(title))
    info = ET.SubElement(question, "info", format="html")
    _text(info, f"Questions from “{html.escape(title)}”" if title else "")
    return question


def _text(parent: ET.Element, value: str) -> ET.Element:
    ET.SubElement(parent, "text").text = value
    return parent


def to_html(text: str) -> str:
    """Plain text as HTML: escaped, line breaks kept as <br>."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def _html(parent: ET.Element, tag: str, value: str | None) -> None:
    """A Moodle rich-text field holding `value` as HTML."""
    _text(ET.SubElement(parent, tag, format="html"), to_html(value or ""))


def is_cloze(item: dict[str, Any]) -> bool:
    """A fill-in-the-blank choice question, written as Moodle's embedded answers (cloze)."""
    prompt = item["prompt"]
    return (
        item.get("format", Format.CHOICE) == Format.CHOICE
        and prompt.startswith(CLOZE_PREFIX)
        and prompt.count(BLANK) == 1
        and len(item.get("choices") or []) >= 2
    )


def _question(item: dict[str, Any]) -> ET.Element:
    fmt = item.get("format", Format.CHOICE)
    qtype = "cloze" if is_cloze(item) else QTYPES[fmt]
    question = ET.Element("question", type=qtype)
    name = f"{item['kind']}-{item['id']}" if item.get("id") else item["kind"]
    _text(ET.SubElement(question, "name"), name)
    if qtype == "cloze":
        _text(ET.SubElement(question, "questiontext", format="html"), _cloze_text(item))
    else:
        _html(question, "questiontext", item["prompt"])
    _html(question, "generalfeedback", item.get("source"))
    if qtype != "cloze":
        ET.SubElement(question, "defaultgrade").text = "1.0000000"
    ET.SubElement(question, "penalty").text = PENALTY
    ET.SubElement(question, "hidden").text = "0"
    if qtype != "cloze":
        WRITERS[qtype](question, item)
    tags = ET.SubElement(ET.SubElement(question, "tags"), "tag")
    _text(tags, KIND_TAG + item["kind"])
    return question


def _cloze_text(item: dict[str, Any]) -> str:
    """The sentence as HTML with the blank replaced by an embedded multiple-choice answer."""
    before, after = item["prompt"].split(BLANK)
    options = []
    for choice in item["choices"]:
        option = _cloze_escape(to_html(choice))
        if choice == item["answer"]:
            option = "=" + option
            if item.get("explanation"):  # the right answer's feedback, as for multichoice
                option += "#" + _cloze_escape(to_html(item["explanation"]))
        options.append(option)
    return f"{to_html(before)}{{1:MULTICHOICE:{'~'.join(options)}}}{to_html(after)}"


def _cloze_escape(text: str) -> str:
    return _CLOZE_SPECIAL.sub(r"\\\1", text)


def _answer(parent: ET.Element, fraction: int, text: str, feedback: str, fmt: str) -> ET.Element:
    answer = ET.SubElement(parent, "answer", fraction=str(fraction), format=fmt)
    _text(answer, to_html(text) if fmt == "html" else text)
    _html(answer, "feedback", feedback)
    return answer


def _multichoice(question: ET.Element, item: dict[str, Any]) -> None:
    for tag, value in (("single", "true"), ("shuffleanswers", "true")):
        ET.SubElement(question, tag).text = value
    ET.SubElement(question, "answernumbering").text = "abc"
    ET.SubElement(question, "showstandardinstruction").text = "0"
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _html(question, tag, "")
    for choice in item["choices"]:
        right = choice == item["answer"]
        explanation = item.get("explanation", "") if right else ""
        _answer(question, 100 if right else 0, choice, explanation, "html")


def _shortanswer(question: ET.Element, item: dict[str, Any]) -> None:
    ET.SubElement(question, "usecase").text = "0"
    for i, text in enumerate([item["answer"], *(item.get("accepted") or [])]):
        # `*` matches anything in Moodle's short answers: a literal one is escaped.
        feedback = item.get("explanation", "") if i == 0 else ""
        _answer(question, 100, text.replace("*", "\\*"), feedback, "moodle_auto_format")


def _numerical(question: ET.Element, item: dict[str, Any]) -> None:
    answers = [item["answer"], *(item.get("accepted") or [])]
    numbers = [number for number in map(plain_number, answers) if number is not None]
    for i, number in enumerate(dict.fromkeys(numbers)):
        feedback = item.get("explanation", "") if i == 0 else ""
        answer = _answer(question, 100, number, feedback, "moodle_auto_format")
        ET.SubElement(answer, "tolerance").text = str(item.get("tolerance") or 0)
    for tag, value in (("unitgradingtype", "0"), ("unitpenalty", "0.1000000")):
        ET.SubElement(question, tag).text = value
    ET.SubElement(question, "showunits").text = "3"
    ET.SubElement(question, "unitsleft").text = "0"


def plain_number(text: str) -> str | None:
    """A number as Moodle's numerical type reads it: "1,944" is 1944; None if no number."""
    text = str(text).strip()
    if _NUMBER.match(text):
        return text
    value = parse_number(text)
    if value is None:
        return None
    return str(int(value)) if value.is_integer() else repr(value)


QTYPES = {
    Format.CHOICE: "multichoice",
    Format.TEXT: "shortanswer",
    Format.NUMERIC: "numerical",
}
WRITERS = {"multichoice": _multichoice, "shortanswer": _shortanswer, "numerical": _numerical}
