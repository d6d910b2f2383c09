"""Moodle GIFT: write the bank as GIFT and read GIFT files, ours or Moodle's.

Supported question types: multiple choice (`{=right ~wrong}`), short answer (`{=answer =alias}`),
numerical (`{#1944:1}`, `{#1940..1950}`) and true/false (read as a two-option choice).
What GIFT cannot say (kind, source sentence, article, span, aliases of a choice question) travels
in `// key: value` comment lines directly above the question; `####text` in the answer block is
the explanation (GIFT's general feedback). A cloze prompt ("Fill in the blank: … _____ …") is
written as a missing-word question, its answer block where the blank is; read back, a
missing-word question becomes such a cloze prompt again.

A file without our comments (say, from Moodle) gets default kinds: numerical questions are
`number`, multiple choice whose options are all years is `which_year`, everything else `who_is`
(the most general "who or what is …" fact question).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from quizapp.generate.cloze import BLANK, LEAD, split_blank
from quizapp.states import Format, Status

SPECIAL = "~=#{}:"
_YEAR = re.compile(r"^\d{4}$")
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_TEXT_FORMAT = re.compile(r"^\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_META = re.compile(r"^//\s*([a-z_]+)\s*:\s?(.*)$")
META_KEYS = ("kind", "format", "source", "span", "article", "accepted", "id")
# Every line terminator str.splitlines() knows (CRLF counts once): a raw one in an exported field
# would end the line there, and GIFT after it would be read as a question of its own.
LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# At the start of a field these would be read as a weight (%50%) or a text format ([html]).
_LEADING_MARK = re.compile(r"^(\s*)([%\[])")
# JSON leaves these three unescaped (they are not ASCII controls); editors still break lines there.
_JSON_UNESCAPED_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@dataclass
class Entry:
    """One question read from a file: the line it starts on and its fields (or why not)."""

    line: int
    data: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def escape(text: str) -> str:
    """Escape GIFT's special characters and backslashes; every line break becomes `\\n`."""
    out = text.replace("\\", "\\\\")
    for char in SPECIAL:
        out = out.replace(char, "\\" + char)
    out = _LEADING_MARK.sub(r"\1\\\2", out.replace("->", "-\\>"))  # "->" is a matching pair
    return LINE_BREAK.sub(lambda _: "\\n", out)


def json_text(value: Any, **options: Any) -> str:
    """JSON with no raw line terminator anywhere (json.dumps leaves \\x85, \\u2028, \\u2029)."""
    out = json.dumps(value, ensure_ascii=False, **options)
    # Outside strings JSON allows only ASCII whitespace, so these can only sit inside strings.
    for char, escaped in _JSON_UNESCAPED_BREAKS.items():
        out = out.replace(char, escaped)
    return out


def unescape(text: str) -> str:
    """Undo `escape`: `\\n` is a line break, `\\x` is a literal x."""
    out, i = [], 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append("\n" if nxt == "n" else nxt)
            i += 2
            continue
        out.append(char)
        i += 1
    return "".join(out)


def _meta_value(value: Any) -> str:
    """A comment value on one line: JSON when it is a list or could be misread."""
    if (
        isinstance(value, str)
        and value == value.strip()
        and not LINE_BREAK.search(value)
        and not value.startswith(('"', "["))
    ):
        return value
    return json_text(value)


def _read_meta(value: str) -> Any:
    value = value.strip()
    if value.startswith(('"', "[")):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def dumps(items: Iterable[dict[str, Any]]) -> str:
    """GIFT text for questions given as dicts in the bank's JSON form."""
    return "".join(_dump_one(item) + "\n" for item in items)


def _dump_one(item: dict[str, Any]) -> str:
    lines = [f"// kind: {item['kind']}"]
    if item.get("format") and item["format"] != Format.CHOICE:
        lines.append(f"// format: {item['format']}")
    for key in ("source", "article", "span"):
        if item.get(key):
            lines.append(f"// {key}: {_meta_value(item[key])}")
    if item.get("accepted") and item.get("format", Format.CHOICE) == Format.CHOICE:
        lines.append(f"// accepted: {_meta_value(list(item['accepted']))}")
    draft = item.get("status") == Status.DRAFT
    if draft:
        lines.append(f"// status: {Status.DRAFT}")
    title = f"{item['kind']}-{item['id']}" if item.get("id") else item["kind"]
    if draft:
        title = f"DRAFT {title}"
    lines.append(f"::{escape(title)}:: {_question_text(item)}")
    return "\n".join(lines) + "\n"


def _question_text(item: dict[str, Any]) -> str:
    """The prompt and its answer block; a cloze prompt gets the block where its blank is."""
    block = "{" + _answer_block(item) + "}"
    parts = split_blank(item["prompt"])
    if parts is None:
        return f"{escape(item['prompt'])} {block}"
    return f"{escape(parts[0])}{block}{escape(parts[1])}"


def _cloze_prompt(before: str, after: str) -> str:
    """A missing-word question's text as our cloze prompt: the lead, and a blank for the block."""
    text = before + BLANK + after
    return text if text.startswith(LEAD) else LEAD + text


def _answer_block(item: dict[str, Any]) -> str:
    fmt = item.get("format", Format.CHOICE)
    answer = str(item["answer"])
    if fmt == Format.NUMERIC and _NUMBER.match(answer.strip()):
        tolerance = item.get("tolerance") or 0
        block = f"#{answer.strip()}" + (f":{tolerance}" if tolerance else "")
    elif fmt == Format.CHOICE and item.get("choices"):
        block = " ".join(
            ("=" if choice == answer else "~") + escape(choice) for choice in item["choices"]
        )
    else:
        block = " ".join("=" + escape(a) for a in [answer, *(item.get("accepted") or [])])
    if item.get("explanation"):
        block += " ####" + escape(item["explanation"])
    return block


def parse(text: str) -> list[Entry]:
    """Every question of a GIFT file, each with its line number and its problems."""
    entries: list[Entry] = []
    meta: dict[str, Any] = {}
    chunk: list[str] = []
    start = 0
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, raw in enumerate([*lines, ""], 1):
        stripped = raw.strip()
        if not stripped:
            if chunk:
                entries.append(parse_question("\n".join(chunk), start, meta))
            chunk, meta = [], {}
            continue
        if stripped.startswith("//"):
            match = _META.match(stripped)
            if match and match.group(1) in META_KEYS:
                meta[match.group(1)] = _read_meta(match.group(2))
            continue
        if stripped.startswith("$CATEGORY:") and not chunk:
            continue
        if not chunk:
            start = number
        chunk.append(raw)
    return entries


def _find(text: str, target: str, start: int = 0) -> int:
    """Index of the first unescaped `target` at or after `start`, or -1."""
    # str.find, then skip hits escaped by an odd run of backslashes: a loop over every
    # character made large files slow to read.
    i = text.find(target, start)
    while i >= 0:
        run = i
        while run > start and text[run - 1] == "\\":
            run -= 1
        if (i - run) % 2 == 0:
            return i
        i = text.find(target, i + 1)
    return -1


def _split_answers(block: str) -> list[tuple[str, str]]:
    """Split `=a ~b =c` at unescaped markers into (marker, raw text) pairs."""
    parts: list[tuple[str, str]] = []
    marker, current, i = None, [], 0
    while i < len(block):
        char = block[i]
        if char == "\\" and i + 1 < len(block):
            current.append(block[i : i + 2])
            i += 2
            continue
        if char in "=~":
            if marker is not None or "".join(current).strip():
                parts.append((marker or "", "".join(current)))
            marker, current = char, []
        else:
            current.append(char)
        i += 1
    if marker is not None or "".join(current).strip():
        parts.append((marker or "", "".join(current)))
    return parts


def parse_question(text: str, line: int, meta: dict[str, Any]) -> Entry:
    """One question's text (title, prompt, answer block) into the bank's dict form."""
    entry = Entry(line=line)
    body = text.strip()
    if body.startswith("::"):
        end = _find(body, "::", 2)
        if end < 0:
            entry.errors.append("the title has no closing ::")
            return entry
        body = body[end + 2 :].strip()
    text_format = _TEXT_FORMAT.match(body)
    if text_format:
        body = body[text_format.end() :].lstrip()  # Moodle's [html], [markdown]… prefixes
    opening = _find(body, "{")
    closing = _find(body, "}", opening + 1) if opening >= 0 else -1
    if opening < 0 or closing < 0:
        entry.errors.append("no answer block {…} (descriptions are not supported)")
        return entry
    before, after = body[:opening], body[closing + 1 :]
    if after.strip():  # a missing-word question: the answers stand where the blank is
        prompt = _cloze_prompt(unescape(before.lstrip()), unescape(after.rstrip()))
    else:
        prompt = unescape(before.strip())
    data: dict[str, Any] = {"prompt": prompt, "explanation": ""}
    block = body[opening + 1 : closing].strip()
    general = _find(block, "####")
    if general >= 0:
        data["explanation"] = unescape(block[general + 4 :].strip())
        block = block[:general].strip()
    problem = _read_block(block, data)
    if problem:
        entry.errors.append(problem)
        return entry
    _apply_meta(data, meta)
    entry.data = data
    return entry


def _read_block(block: str, data: dict[str, Any]) -> str | None:
    """Fill answer, choices, accepted, tolerance and format from an answer block."""
    if not block:
        return "essay questions (an empty answer block) are not supported"
    if block.startswith("#"):
        return _read_numeric(block[1:].strip(), data)
    if block.upper().split("#")[0].strip() in ("T", "TRUE", "F", "FALSE"):
        truth = block.upper().startswith("T")
        data.update(
            format=Format.CHOICE, answer="True" if truth else "False", accepted=[], tolerance=0
        )
        data["choices"] = ["True", "False"]
        return None
    parts = _split_answers(block)
    if any(marker == "" for marker, _ in parts):
        return "answers must start with = (right) or ~ (wrong)"
    answers: list[tuple[bool, str]] = []
    for marker, raw in parts:
        feedback = _find(raw, "#")
        raw = (raw[:feedback] if feedback >= 0 else raw).strip()
        weight = _WEIGHT.match(raw)
        right = marker == "=" or bool(weight and float(weight.group(1)) >= 100)
        raw = raw[weight.end() :] if weight else raw
        if _find(raw, "->") >= 0:
            return "matching questions are not supported"
        text = unescape(raw).strip()
        if not text:
            return "an answer is empty"
        answers.append((right, text))
    if all(marker == "=" for marker, _ in parts):
        texts = [t for _, t in answers]
        data.update(
            format=Format.TEXT, answer=texts[0], accepted=texts[1:], choices=[], tolerance=0
        )
        return None
    keys = [t for ok, t in answers if ok]
    if len(keys) != 1:
        return f"a multiple-choice question needs exactly one right answer (found {len(keys)})"
    data.update(format=Format.CHOICE, answer=keys[0], accepted=[], tolerance=0)
    data["choices"] = [t for _, t in answers]
    return None


def _read_numeric(spec: str, data: dict[str, Any]) -> str | None:
    """`1944`, `1944:1`, `1940..1950` or `=1944:0 =1945:1` (the first full-credit one)."""
    if spec.startswith("="):
        spec = next((raw for marker, raw in _split_answers(spec) if marker == "="), "")
        spec = _WEIGHT.sub("", spec.strip())
    feedback = _find(spec, "#")
    spec = unescape(spec[:feedback] if feedback >= 0 else spec).strip()
    try:
        if ".." in spec:
            low, high = (_finite(v) for v in spec.split("..", 1))
            middle = (low + high) / 2
            answer = str(int(middle)) if middle.is_integer() else str(middle)
            tolerance = math.ceil(abs(high - low) / 2)
        else:
            answer, _, tol = spec.partition(":")
            _finite(answer)
            tolerance = math.ceil(_finite(tol)) if tol.strip() else 0
    except (ValueError, OverflowError):
        return f"{spec!r} is not a number, a number:tolerance or a min..max range"
    if tolerance < 0:
        return "the tolerance cannot be negative"
    data.update(
        format=Format.NUMERIC, answer=answer.strip(), accepted=[], choices=[], tolerance=tolerance
    )
    return None


def _finite(value: str) -> float:
    """A float that is a real number: inf, nan and 1e400 (overflowing to inf) are refused."""
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(value)
    return number


def _apply_meta(data: dict[str, Any], meta: dict[str, Any]) -> None:
    """Our comment lines first; otherwise the documented default kind."""
    data["source"] = meta.get("source") or None
    data["article"] = meta.get("article") or None
    data["span"] = meta.get("span") if isinstance(meta.get("span"), list) else None
    if isinstance(meta.get("accepted"), list) and data["format"] == Format.CHOICE:
        data["accepted"] = [str(a) for a in meta["accepted"]]
    if meta.get("format") == Format.NUMERIC and data["format"] == Format.TEXT:
        data["format"] = Format.NUMERIC  # a numeric answer GIFT's {#…} could not carry
    data["kind"] = meta.get("kind") or default_kind(data)


def default_kind(data: dict[str, Any]) -> str:
    """The kind of a question that does not say: number, which_year or who_is."""
    if data["format"] == Format.NUMERIC:
        return "number"
    if data.get("choices") and all(_YEAR.match(c) for c in data["choices"]):
        return "which_year"
    return "who_is"
