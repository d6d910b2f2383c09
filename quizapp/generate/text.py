"""Reading the text: same-length normalisation, paragraphs, sentences and quotations."""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass
from functools import cached_property

import regex as re

from quizapp.generate.lexicon import (
    SENTENCE_STARTERS,
    SOFT_ABBREVIATIONS,
    SPEECH_VERB_PATTERN,
    TITLE_ABBREVIATIONS,
)

_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u301d\u301e\uff02"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2039\u203a"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SPACES = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)


def _char_map(ch: str) -> str:
    """Map one character to a single normalised character (never changes the length)."""
    if ch in _DOUBLE_QUOTES:
        return '"'
    if ch in _SINGLE_QUOTES:
        return "'"
    if ch in _DASHES:
        return "-"
    if ch in _SPACES or ch == "\t":
        return " "
    folded = unicodedata.normalize("NFKC", ch)
    # Only 1:1 foldings keep offsets valid; "…" or "ﬁ" stay as they are.
    return folded if len(folded) == 1 else ch


def normalise(text: str) -> str:
    """Return a copy of text with quotes, dashes, spaces and NFKC folded, same length."""
    # One table for the distinct characters that change, applied in one pass (not per char).
    table = {ord(ch): _char_map(ch) for ch in set(text) if not ch.isascii() or ch == "\t"}
    norm = text.translate(table) if table else text
    if "''" in norm:
        norm = _DOUBLED_SINGLES.sub(_doubled_single, norm)
    return norm


# "‘‘It was a mistake,’’ she said": two single marks typed for one double mark (wire copy).
_DOUBLED_SINGLES = re.compile(r"(?<=[\p{L}\p{N},.!?…-])''(?!\p{L})|(?<![\p{L}\p{N}])''(?=\p{L})")


def _doubled_single(m: re.Match) -> str:
    """A double mark where the quotation opens or closes, an apostrophe beside it."""
    closing = m.start() > 0 and not m.string[m.start() - 1].isspace()
    return "\"'" if closing else "'\""


@dataclass(frozen=True)
class Sentence:
    """A sentence: offsets into the original text."""

    start: int
    end: int


@dataclass(frozen=True)
class Quote:
    """A double-quoted passage: inner offsets (without the marks) and outer offsets."""

    start: int
    end: int
    outer_start: int
    outer_end: int


@dataclass
class Paragraph:
    """A non-empty line of the article."""

    index: int
    start: int
    end: int
    heading: bool
    sentences: list[Sentence]
    quotes: list[Quote]

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Where each sentence starts (built once: sentence_at bisects it for every fact)."""
        return [s.start for s in self.sentences]


_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")


def split_paragraphs(text: str, norm: str) -> list[Paragraph]:
    """Split into paragraphs (one per non-blank line) with sentences and quotes."""
    paragraphs: list[Paragraph] = []
    single = uses_single_quotes(norm)
    lines = [_strip_span(norm, m.start(), m.end()) for m in _LINE.finditer(norm)]
    lines = [(start, end) for start, end in lines if start < end]
    for n, (start, end) in enumerate(lines):
        heading = is_heading(norm[start:end])
        sentences = [] if heading else split_sentences(norm, start, end)
        if heading:
            quotes = []
        elif single:
            quotes = find_single_quotes(text, norm, start, end)
        else:
            # A quotation that runs into the next paragraph has no closing mark; the next
            # paragraph opens with a fresh one.
            runs_on = n + 1 < len(lines) and norm[lines[n + 1][0]] == '"'
            quotes = find_quotes(text, norm, start, end, runs_on)
        paragraphs.append(Paragraph(len(paragraphs), start, end, heading, sentences, quotes))
    return paragraphs


def _strip_span(norm: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so it neither starts nor ends with whitespace."""
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    return start, end


_WORD = re.compile(r"\w+")
_SPEECH_WORD = re.compile(rf"\b(?:{SPEECH_VERB_PATTERN}|told|wrote|tweeted|explained)\b")


def is_heading(line: str) -> bool:
    """True for short lines without final punctuation or quotes ("Growing cultural ties")."""
    line = line.strip()
    if not line or '"' in line:
        return False
    if line[-1] == ":":
        # "The band's 2020 tour dates:": a label over a list, not a sentence to ask about.
        # "Ruiz said:" opens the quotation of the next paragraph: that one is a sentence.
        return len(_WORD.findall(line)) <= 10 and not _SPEECH_WORD.search(line)
    if line[-1] in ".!?;,'\"…)]":
        return False
    return len(_WORD.findall(line)) <= 12


# A candidate sentence end: terminal punctuation, closing marks, then whitespace.
_BOUNDARY = re.compile(r"[.!?…]+['\")\]]*(?=\s+)")
_TOKEN_BEFORE = re.compile(r"[\w.'-]*\w\.?$")
_SPEECH = SPEECH_VERB_PATTERN
# "…?" Brandt asked. / "…!" said Sen. Ruiz.: the attribution after a quoted question or
# exclamation belongs to the quote's sentence, though a capital follows the "?".
_ATTRIBUTION_AFTER = re.compile(
    rf"(?:(?:\p{{Lu}}[\p{{L}}.'-]*\s+){{1,4}}(?:\p{{Ll}}+ly\s+)?(?:{_SPEECH})"
    rf"|(?:{_SPEECH})\s+\p{{Lu}})\b"
)


def split_sentences(norm: str, start: int, end: int) -> list[Sentence]:
    """Split norm[start:end] into sentences, respecting abbreviations and initials."""
    sentences = []
    cur = start
    for m in _BOUNDARY.finditer(norm, start, end):
        nxt = _next_nonspace(norm, m.end(), end)
        if nxt >= end or not _is_boundary(norm, cur, m, nxt, end):
            continue
        sentences.append(Sentence(cur, m.end()))
        cur = nxt
    if cur < end:
        sentences.append(Sentence(cur, end))
    return sentences


def _next_nonspace(norm: str, pos: int, end: int) -> int:
    while pos < end and norm[pos].isspace():
        pos += 1
    return pos


def _is_boundary(norm: str, cur: int, m: re.Match, nxt: int, end: int) -> bool:
    """Decide whether the punctuation in m really ends a sentence."""
    following = norm[nxt]
    if not (following.isupper() or following.isdigit() or following in "\"'(["):
        return False
    punct = norm[m.start() : m.end()].rstrip("'\")]")
    if punct != ".":
        # "!", "?", "…" or "..." end the sentence when a capital follows, unless it is the
        # attribution of a quoted question: "Who pays?" Brandt asked.
        quoted = punct in "?!" and m.group(0)[-1:] == '"'
        return not (quoted and _ATTRIBUTION_AFTER.match(norm, nxt, end))
    word_m = _TOKEN_BEFORE.search(norm, max(cur, m.start() - 40), m.start() + 1)
    word = word_m.group(0) if word_m else ""
    bare = word.rstrip(".").lower()
    next_word_m = _WORD.match(norm, nxt + (1 if following in "\"'([" else 0), end)
    next_word = next_word_m.group(0).lower() if next_word_m else ""
    starter = following in "\"'([" or next_word in SENTENCE_STARTERS
    if len(bare) == 1 and bare.isalpha() and word[:1].isupper():
        return False  # an initial, as in "Graeme C. Clark"
    if "." in bare:  # dotted abbreviation such as "U.S." ends a sentence only before a starter
        return starter
    if bare in SOFT_ABBREVIATIONS:
        return starter
    return bare not in TITLE_ABBREVIATIONS


_STRAY_OPEN = re.compile(r'[.!?]\s"\s+\p{Lu}')


def _quote_role(norm: str, text: str, i: int, start: int, end: int) -> str:
    """Classify the double quote at i as 'open', 'close' or 'either' from its context."""
    prev = norm[i - 1] if i > start else " "
    nxt = norm[i + 1] if i + 1 < end else " "
    if text[i] == "\u201c" and prev.isspace() and nxt.isspace():
        return "open"  # “ I love it.”: a stray space inside the marks, the mark says which
    if prev.isspace() and nxt.isspace() and _STRAY_OPEN.match(norm, max(start, i - 2), end):
        return "open"  # … he told Cook. " You guys …": after a sentence, before a capital
    can_open = (prev.isspace() or prev in "([{-/'—") and not nxt.isspace()
    can_close = not prev.isspace() or nxt.isspace() or i + 1 >= end
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    if text[i] == "\u201c":
        return "open"
    if text[i] == "\u201d":
        return "close"
    return "either"


def find_quotes(text: str, norm: str, start: int, end: int, runs_on: bool = False) -> list[Quote]:
    """Find balanced double-quoted passages in one paragraph. An unclosed one is dropped,
    unless the quotation runs on into the next paragraph: then it ends with this one."""
    quotes: list[Quote] = []
    open_at = -1
    pos = norm.find('"', start, end)
    while pos != -1:
        role = _quote_role(norm, text, pos, start, end)
        if open_at < 0:
            if role != "close":
                open_at = pos
        elif role == "open":
            open_at = pos  # unbalanced: a new quote starts before the old one closed
        else:
            if pos > open_at + 1:
                quotes.append(Quote(open_at + 1, pos, open_at, pos + 1))
            open_at = -1
        pos = norm.find('"', pos + 1, end)
    if runs_on and 0 <= open_at < end - 1 and norm[end - 1] in ".!?…":
        quotes.append(Quote(open_at + 1, end, open_at, end))
    return quotes


# British style: 'We are open,' she said. / She said: 'We are open.'
_SINGLE_SPEECH = re.compile(
    r"[,.!?]'\s+(?:\p{Lu}[\p{L}.]*\s+){0,3}(?:said|says|added|adds|told|asked|replied)\b"
    r"|\b(?:said|says|added|told|asked)[,:]?\s+'\p{Lu}"
)
_CLOSE_NEXT_WORD = re.compile(r"\s+(\p{L}+)")
_AFTER_CLOSE_WORDS = frozenset(["he", "she", "they", "we", "i", "it", "said", "says", "added"])


def uses_single_quotes(norm: str) -> bool:
    """True when the article quotes with single marks only (no double quotes at all)."""
    return '"' not in norm and bool(_SINGLE_SPEECH.search(norm))


def _single_opens(text: str, norm: str, i: int, start: int, end: int) -> bool:
    prev = norm[i - 1] if i > start else " "
    nxt = norm[i + 1] if i + 1 < end else " "
    if text[i] == "\u2019" and prev.isalnum():
        return False
    return (prev.isspace() or prev in "([-/") and (nxt.isalpha() or nxt in "…")


def _single_closes(norm: str, i: int, start: int, end: int) -> bool:
    """A closing mark, not an apostrophe: after punctuation, before punctuation or a speaker."""
    prev = norm[i - 1] if i > start else " "
    if prev.isspace() or (i + 1 < end and norm[i + 1].isalnum()):
        return False
    if prev in ",.!?…-" or i + 1 >= end or norm[i + 1] in ",.;:!?)-":
        return True
    # "the villagers' shop": a plural possessive, unless a speaker follows ("…' she said").
    m = _CLOSE_NEXT_WORD.match(norm, i + 1, end)
    return m is not None and (m.group(1)[0].isupper() or m.group(1).lower() in _AFTER_CLOSE_WORDS)


def find_single_quotes(text: str, norm: str, start: int, end: int) -> list[Quote]:
    """Find 'single-quoted' passages in one paragraph, telling quotes from apostrophes."""
    quotes: list[Quote] = []
    open_at = -1
    pos = norm.find("'", start, end)
    while pos != -1:
        if open_at < 0:
            if _single_opens(text, norm, pos, start, end):
                open_at = pos
        elif _single_closes(norm, pos, start, end):
            if pos > open_at + 1:
                quotes.append(Quote(open_at + 1, pos, open_at, pos + 1))
            open_at = -1
        elif _single_opens(text, norm, pos, start, end):
            open_at = pos
        pos = norm.find("'", pos + 1, end)
    return quotes


def sentence_at(paragraph: Paragraph, pos: int) -> int:
    """Index of the sentence of paragraph containing pos (the last one starting before it)."""
    return max(0, bisect.bisect_right(paragraph.sentence_starts, pos) - 1)


def word_count(s: str) -> int:
    """Number of words in s."""
    return len(_WORD.findall(s))


_NESTED = str.maketrans({"\u201c": "\u2018", "\u201d": "\u2019"})


def article_says(source: str) -> str:
    """ "The article says: “…”", its inner double quotes made single so none are doubled."""
    inner = source.strip().translate(_NESTED)
    # A straight quote opens after a space or bracket (or at the start), else it closes.
    inner = re.sub(r'(^|[\s(\[])"', "\\1\u2018", inner).replace('"', "\u2019")
    return f"The article says: \u201c{inner}\u201d"
