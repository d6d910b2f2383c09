"""The words a who-said question quotes: whole sentences cut to length, and whether a quote in
lower case is a claim of its own or part of the writer's sentence (and what frames it)."""

from __future__ import annotations

import regex as re

from quizapp.generate.article import Article
from quizapp.generate.attribution import mentions_between
from quizapp.generate.lexicon import SPEECH_VERB_PATTERN, SPEECH_VERBS, SUBORDINATORS
from quizapp.generate.places import is_place
from quizapp.generate.text import Paragraph, Quote, normalise, sentence_at, split_sentences
from quizapp.generate.verbs import base_of_past, has_verb

# A teacher reads a who-said prompt of more than about 40 words as too long to ask.
MAX_QUOTE_WORDS = 36
MAX_WHOLE_SENTENCE_WORDS = 45
MIN_CUT_WORDS = 12  # a sentence too long is cut at a clause boundary, keeping at least this

# A short quote whose subject points back into the article can't be told apart from others.
CONTEXT_SUBJECTS = frozenset(
    ["it", "it's", "that", "that's", "this", "they", "they're", "there", "there's", "he", "she"]
    + ["he's", "she's", "you", "you're"]
)


def _clean(quote: str) -> str:
    """Strip trailing commas/full stops inside the marks (and inside a closing inner mark),
    outer whitespace, and the stray space after an opening single mark ("feeling of ‘ this")."""
    quote = _OPEN_SPACE.sub("‘", quote.strip().rstrip(",.;: ").strip())
    return _END_INNER.sub(r"\1", quote)  # "… ‘No, you first,’" -> "… ‘No, you first’"


_OPEN_SPACE = re.compile(r"‘\s+")
_END_INNER = re.compile(r"[,;:]([’'])$")


def quote_text(art: Article, parts: list[Quote]) -> str:
    """The quotation's words as a question quotes them: its parts joined, cut to whole sentences
    (or a first sentence's clauses) when longer than MAX_QUOTE_WORDS."""
    pieces = [_clean(art.text[q.start : q.end]) for q in parts]
    text = " … ".join(x for x in pieces if x)
    if len(text.split()) > MAX_QUOTE_WORDS:
        # Whole sentences only: a quote cut mid-sentence ("… as many people as …") reads as
        # a mistake; one first sentence too long to ask leaves nothing to ask.
        kept = ""
        # The reader's own sentence splitter: "an internal U.S. problem" is one sentence.
        for sent in split_sentences(normalise(text), 0, len(text)):
            piece = text[sent.start : sent.end]
            if len(f"{kept} {piece}".split()) > MAX_QUOTE_WORDS:
                if not kept:
                    # A first sentence with no clause to cut at is asked whole when not much
                    # longer: nothing else of the quote can be asked.
                    whole = len(piece.split()) <= MAX_WHOLE_SENTENCE_WORDS
                    kept = _clause_cut(piece) or (piece if whole else "")
                break
            kept = f"{kept} {piece}".strip()
        text = _clean(kept)
    return text


_CLAUSE_END = re.compile(r"[,;:—–]\s")
_CLOSING_SINGLE = re.compile(r"’(?!\p{L})")


def _clause_cut(sentence: str) -> str:
    """A first sentence too long to ask, cut after its last clause that fits and marked "…"
    ("I opposed the hold as soon as I learned about it on July 18 …"); "" when none does."""
    words = sentence.split()
    subordinate = words[0].lower().strip(",") in SUBORDINATORS
    head = " ".join(words[:MAX_QUOTE_WORDS])
    # Not before an inner quotation ("and I said: ‘Look, …’"): what was said is the point.
    cuts = [
        m.start() for m in _CLAUSE_END.finditer(head) if head[m.end() : m.end() + 1] not in "‘“'\""
    ]
    for at in reversed(cuts):
        kept = head[:at]
        closing = len(_CLOSING_SINGLE.findall(kept))  # not the apostrophe of "Martha’s"
        if kept.count("‘") > closing or kept.count("“") > kept.count("”"):
            continue  # inside a quotation within the quote
        if subordinate and not _has_main_clause(kept):
            continue  # "Although residents …, <the main clause>": the cut would lose the claim
        if len(kept.split()) >= MIN_CUT_WORDS:
            return kept.rstrip(" ,;:—–") + " …"
    return ""


_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|do|does|did|should|must|may"
    r"|might)\b",
    re.IGNORECASE,
)


def _has_main_clause(kept: str) -> bool:
    """True when words opening with "Although …" go on to a main clause: after a comma, or a
    second finite verb ("Although it is less harmful it is not risk free")."""
    if "," in kept:
        return has_verb(kept.split(",", 1)[1])
    return len(_FINITE.findall(kept)) >= 2


_OPENING_CONJUNCTION = re.compile(
    r"(?:(?:And|But|So|Yet),?|(?:Instead|However|Still|Meanwhile|Also),)\s+(?=\p{L})"
)


def without_opening_conjunction(quote: str) -> str:
    """ "But does that mean …" -> "Does that mean …", "Instead, they failed …" -> "They failed
    …": asked alone, the opening word points back at what came before; journalism drops it
    the same way when it quotes a line alone."""
    m = _OPENING_CONJUNCTION.match(quote)
    if not m:
        return quote
    rest = quote[m.end() :]
    return rest[:1].upper() + rest[1:] if rest[:2] != "I " else rest


# Words that open a clause of its own in a quote that starts in lower case ("we want to help").
_SUBJECT_STARTS = frozenset(
    ["i", "we", "you", "he", "she", "they", "it", "there", "this", "that", "these", "those"]
    + ["people", "everyone", "everybody", "nobody", "no", "our", "my", "your", "their", "its"]
    + ["it's", "it’s", "that's", "that’s", "there's", "there’s", "we're", "we’re", "i'm", "i’m"]
)


def is_fragment(quote: str) -> bool:
    """True for a quote that is part of the writer's sentence, not a claim of its own: a short
    noun phrase ("a crisis of public trust"), a predicate without its subject ("began to say
    …", "raised, and I rejected, …", "… prevent the evacuation") or a subordinate clause ("if
    you have …")."""
    words = quote.split()
    if quote.startswith("…"):
        rest = quote.lstrip("…. ")
        return rest[:1].islower()
    if not words:
        return False
    first = words[0].lower().strip(",")
    if not words[0][:1].islower() or first in _SUBJECT_STARTS:
        return False
    if first in SUBORDINATORS or first in ("a", "an", "the") and len(words) < 8:
        return True
    return first == "not" or first.endswith(("ly", "ing")) or base_of_past(first) is not None


# Words after which a quote in lower case is still the speaker's own sentence.
_OPEN_TO_SPEECH = frozenset(["that", "and", "but", "or", "so", "yet", "because", "as"])


def is_embedded(art: Article, q: Quote, quote: str) -> bool:
    """True for words in lower case quoted inside the writer's own clause ("the “hardest
    verdict so far”", "Customers “began to say …”"): asked alone, they make no claim. After a
    speech verb, "that", a conjunction or a punctuation mark they are the speaker's sentence."""
    if not quote[:1].islower():
        return False
    before = art.norm[max(0, q.outer_start - 40) : q.outer_start].rstrip()
    if not before or before.endswith((",", ":", "—", "-", ".", "!", "?", "”", '"')):
        return False
    last = before.split()[-1].lower()
    return last not in _OPEN_TO_SPEECH and last not in SPEECH_VERBS


_CLAUSE_BREAK = re.compile(r"[,;:“”\"()—]")
_LEAD_IN = re.compile(rf"\b(?:{SPEECH_VERB_PATTERN})\s+((?:\p{{Lu}}[\p{{L}}.’'-]*\s+){{1,3}})$")


def lead_in(art: Article, p: Paragraph, q: Quote, speaker: int) -> str | None:
    """ "said Canada" for "…, saying Canada “could only wish …”": the name the quote goes on
    from, after the speech verb, so the question keeps the quote's subject. Else the short
    clause that opens the quote's sentence ("said the administration has" for "The
    administration has “corrected …,” Netanyahu said") when it names nobody."""
    m = _LEAD_IN.search(art.norm, max(0, q.outer_start - 60), q.outer_start)
    if m:
        return f"said {art.text[m.start(1) : m.end(1)].strip()}"
    start = p.sentences[sentence_at(p, q.outer_start)].start
    subject = _named_subject(art, p, start, q, speaker)
    if subject:
        return f"said {subject}"  # "… in which Giuliani “raised, and I rejected, …”"
    clause = art.text[start : q.outer_start].strip()
    words = clause.split()
    if not words or len(words) > 12 or _CLAUSE_BREAK.search(clause):
        return None
    if words[0].lower().replace("’", "'") in CONTEXT_SUBJECTS:
        return None  # "That's produced …": what has?
    if not has_verb(clause) and (len(words) > 3 or not _predicate(art.text[q.start : q.end])):
        return None  # a subject alone only before a predicate: "Customers “began to say …”"
    named = mentions_between(art, p, start, q.outer_start)
    if any(m.pronoun or m.person == speaker for m in named):
        return None  # "what host Rask described as the “…”": the question would name him
    first = words[0]
    if _common(art, first):
        clause = first.lower() + clause[len(first) :]  # "The", "Drivers": no proper noun
    return f"said {clause}"


def _common(art: Article, word: str) -> bool:
    """True for a sentence's capitalised first word that is no proper noun: the article never
    capitalises it inside a sentence ("Drivers", "The"; not "Apple" of "at Apple")."""
    if word in _SENTENCE_START_ONLY:
        return True
    if is_place(word) or any(word in person.tokens for person in art.cast.people):
        return False
    if "mid_capitals" not in art.memo:
        art.memo["mid_capitals"] = set(_MID_CAPITAL.findall(art.norm))
    return word not in art.memo["mid_capitals"]


_SENTENCE_START_ONLY = frozenset(["The", "A", "An", "This", "That", "These", "Those"])
# A capitalised word right after a lower-case one: "at Apple", "chief of Apple".
_MID_CAPITAL = re.compile(r"(?<=\p{Ll},? )\p{Lu}[\p{L}-]*")


def _named_subject(art: Article, p: Paragraph, start: int, q: Quote, speaker: int) -> str | None:
    """Someone else of the article named right before a quote that opens with a past-tense
    verb: the subject of the speaker's words ("Giuliani “raised, and I rejected, …”")."""
    before = mentions_between(art, p, start, q.outer_start)
    if not before or before[-1].pronoun or before[-1].person in (None, speaker):
        return None
    last = before[-1]
    words = art.text[q.start : q.end].split()
    if art.norm[last.end : q.outer_start].strip() or not words:
        return None
    return art.text[last.start : last.end] if base_of_past(words[0].lower().strip(",")) else None


def _predicate(quote: str) -> bool:
    """True for a quote that opens with a past-tense verb and goes on as one clause ("began
    to say we want …"): the writer's subject before it completes the sentence."""
    words = quote.split()
    return bool(words) and base_of_past(words[0].lower()) is not None and "," not in words[0]
