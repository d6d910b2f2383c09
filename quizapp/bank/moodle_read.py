"""Read Moodle XML question files into the bank's entries, each with the line it starts on.

The file is parsed twice: first by defusedxml, which refuses DTDs and entity declarations (no
XXE, no "billion laughs"), then by lxml with entities and the network off, for line numbers.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError
from defusedxml.ElementTree import fromstring as defused_fromstring
from lxml import etree

from quizapp.bank.gift import Entry, default_kind
from quizapp.states import Format

KIND_TAG = "quizapp-kind-"
BLANK = "_____"
SUPPORTED = ("multichoice", "shortanswer", "numerical", "cloze", "multianswer")
_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<br\s*/?>|</p>\s*<p[^>]*>", re.IGNORECASE)
_GAP = re.compile(r"\{(\d*):([A-Z_]+):((?:\\.|[^\\}])*)\}")
_FRACTION = re.compile(r"^%(-?\d+(?:[.,]\d*)?)%")
_SKIP_PREFIX = ("$course$", "$cat1$", "$cat2$", "$cat3$", "$cat4$", "$system$", "$module$")


@dataclass
class Skipped(Entry):
    """A question of a type the bank does not hold: reported, not imported."""

    reason: str = ""


def parse(data: bytes) -> list[Entry]:
    """Every question of a Moodle XML file, each with its line number and its problems."""
    problem = _unsafe_or_malformed(data)
    if problem:
        return [Entry(line=problem[0], errors=[problem[1]])]
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    root = etree.fromstring(data, parser=parser)
    if root.tag != "quiz":
        return [Entry(line=root.sourceline or 1, errors=["the root element must be <quiz>"])]
    entries: list[Entry] = []
    article: str | None = None
    for element in root.iterchildren("question"):
        qtype = element.get("type", "")
        if qtype == "category":
            article = _article(_text(element, "category"))
        elif qtype in SUPPORTED:
            entries.append(_entry(element, qtype, article))
        else:
            reason = f"{qtype or 'untyped'} questions are not supported"
            entries.append(Skipped(line=element.sourceline or 0, reason=reason))
    return entries


def _unsafe_or_malformed(data: bytes) -> tuple[int, str] | None:
    """(line, message) when the file is not well-formed or declares a DTD or entities."""
    try:
        defused_fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        return 1, "the file declares a DTD or entities, which are refused (XXE protection)"
    except ParseError as error:
        line = error.position[0] if error.position else 1
        return line, f"the XML is not well-formed ({error.msg})"
    return None


def _text(element: Any, tag: str) -> str:
    """The raw text of `<tag><text>…</text></tag>` (an empty string when absent)."""
    found = element.find(f"{tag}/text")
    return (found.text or "") if found is not None else ""


def html_to_text(value: str, fmt: str = "html") -> str:
    """Plain text from a Moodle text field (HTML unless it says otherwise)."""
    if fmt != "html":
        return value.strip()
    # HTML folds white space; only <br> and paragraph ends are line breaks.
    text = " ".join(_TAG.sub("", _BREAK.sub("\0", value)).split())
    return "\n".join(line.strip() for line in html.unescape(text).split("\0")).strip()


def _rich(element: Any, tag: str, default_format: str = "html") -> str:
    node = element.find(tag)
    if node is None:
        return ""
    return html_to_text(_text(element, tag), node.get("format", default_format))


def _article(path: str) -> str | None:
    """The article a category stands for: its last name (`//` is a `/` inside a name)."""
    names = [n.replace("\0", "/") for n in path.replace("//", "\0").split("/") if n.strip()]
    names = [n.strip() for n in names if n not in _SKIP_PREFIX and n != "top"]
    if not names or names == ["quizapp"]:
        return None
    return names[-1]


def _entry(element: Any, qtype: str, article: str | None) -> Entry:
    """One supported question into the bank's dict form (or the reason it is skipped)."""
    line = element.sourceline or 0
    data: dict[str, Any] = {
        "source": _rich(element, "generalfeedback") or None,
        "article": article,
        "accepted": [],
        "tolerance": 0,
        "choices": [],
        "explanation": "",
    }
    node = element.find("questiontext")
    fmt = node.get("format", "html") if node is not None else "html"
    reader = {"cloze": _cloze, "multianswer": _cloze}.get(qtype) or READERS[qtype]
    problem = reader(element, data, fmt)
    if isinstance(problem, Skipped):
        problem.line = line
        return problem
    if problem:
        return Entry(line=line, errors=[problem])
    tags = [t.text or "" for t in element.findall("tags/tag/text")]
    kinds = [t[len(KIND_TAG) :] for t in tags if t.startswith(KIND_TAG)]
    data["kind"] = kinds[0] if kinds else default_kind(data)
    return Entry(line=line, data=data)


def _answers(element: Any, answer_format: str) -> list[tuple[float, str, str]]:
    """(fraction, text, feedback) of each answer."""
    out = []
    for answer in element.findall("answer"):
        try:
            fraction = float(answer.get("fraction", "0"))
        except ValueError:
            fraction = math.nan
        text = html_to_text(_text(answer, "."), answer.get("format", answer_format))
        out.append((fraction, text, _rich(answer, "feedback")))
    return out


def _plain(answer: Any) -> str:
    found = answer.find("text")
    return (found.text or "").strip() if found is not None else ""


def _multichoice(element: Any, data: dict[str, Any], fmt: str) -> str | Skipped | None:
    if (element.findtext("single") or "true").strip() == "false":
        return Skipped(line=0, reason="multiple-answer multichoice questions are not supported")
    data["prompt"] = _rich(element, "questiontext")
    answers = _answers(element, fmt)
    right = [(text, feedback) for fraction, text, feedback in answers if fraction >= 100]
    if len(right) != 1:
        return f"a multiple-choice question needs exactly one right answer (found {len(right)})"
    data.update(format=Format.CHOICE, answer=right[0][0], explanation=right[0][1])
    data["choices"] = [text for _, text, _ in answers]
    return None


def _shortanswer(element: Any, data: dict[str, Any], fmt: str) -> str | None:
    data["prompt"] = _rich(element, "questiontext")
    right = [(t.replace("\\*", "*"), f) for fr, t, f in _answers(element, "") if fr >= 100]
    if not right:
        return "a short-answer question needs an answer worth 100 %"
    data.update(format=Format.TEXT, answer=right[0][0], explanation=right[0][1])
    data["accepted"] = [text for text, _ in right[1:]]
    return None


def _numerical(element: Any, data: dict[str, Any], fmt: str) -> str | None:
    data["prompt"] = _rich(element, "questiontext")
    right = [a for a in element.findall("answer") if _fraction(a) >= 100]
    if not right:
        return "a numerical question needs an answer worth 100 %"
    texts = [_plain(a) for a in right]
    try:
        tolerance = float(right[0].findtext("tolerance") or 0)
        if not math.isfinite(tolerance) or tolerance < 0:
            raise ValueError
    except ValueError:
        return "the tolerance must be a number, 0 or more"
    data.update(format=Format.NUMERIC, answer=texts[0], accepted=texts[1:])
    data.update(tolerance=math.ceil(tolerance), explanation=_rich(right[0], "feedback"))
    return None


def _fraction(answer: Any) -> float:
    try:
        return float(answer.get("fraction", "0"))
    except ValueError:
        return math.nan


def _cloze(element: Any, data: dict[str, Any], fmt: str) -> str | Skipped | None:
    """A cloze text with exactly one multiple-choice gap becomes a fill-in-the-blank question."""
    raw = _text(element, "questiontext")
    gaps = list(_GAP.finditer(raw))
    if len(gaps) != 1 or not gaps[0].group(2).startswith(("MULTICHOICE", "MC")):
        return Skipped(
            line=0, reason="cloze questions other than one multiple-choice gap are not supported"
        )
    gap = gaps[0]
    data["prompt"] = html_to_text(raw[: gap.start()] + BLANK + raw[gap.end() :], fmt)
    options = []
    for option in _split_unescaped(gap.group(3), "~"):
        text, *feedback = _split_unescaped(option, "#")
        right = text.startswith("=")
        weight = _FRACTION.match(text)
        if weight:
            right = float(weight.group(1).replace(",", ".")) >= 100
            text = text[weight.end() :]
        text = html.unescape(_unescape(text.removeprefix("=") if not weight else text)).strip()
        options.append((right, text, html_to_text(_unescape("#".join(feedback)))))
    keys = [(text, feedback) for ok, text, feedback in options if ok]
    if len(keys) != 1:
        return f"the gap needs exactly one right answer (found {len(keys)})"
    data.update(format=Format.CHOICE, answer=keys[0][0], explanation=keys[0][1])
    data["choices"] = [text for _, text, _ in options]
    return None


def _split_unescaped(text: str, separator: str) -> list[str]:
    parts, current, i = [], [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if text[i] == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(text[i])
        i += 1
    parts.append("".join(current))
    return parts


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


READERS = {"multichoice": _multichoice, "shortanswer": _shortanswer, "numerical": _numerical}
