"""Who said what: ask who said each quotation attributed with confidence."""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from quizapp.generate.article import Article
from quizapp.generate.attribution import (
    VERB_ANY,
    Attribution,
    attributions,
    mentions_between,
    merge_split,
    named_next,
    speaker_after,
    speaker_before,
)
from quizapp.generate.budget import spent
from quizapp.generate.continuation import continuation
from quizapp.generate.distractors import assemble
from quizapp.generate.lexicon import SPEECH_VERB_PATTERN, SPEECH_VERBS, SUBORDINATORS
from quizapp.generate.text import Paragraph, Quote, normalise, sentence_at, split_sentences
from quizapp.generate.types import DraftQuestion
from quizapp.generate.verbs import base_of_past, has_verb

# A teacher reads a who-said prompt of more than about 40 words as too long to ask.
MAX_QUOTE_WORDS = 36
MIN_CUT_WORDS = 12  # a sentence too long is cut at a clause boundary, keeping at least this
# Shorter quotes ("But we'll see", "And he didn't") can't be attributed without context;
# a four-word one only when it is a whole sentence ("I almost died there.").
MIN_QUOTE_WORDS = 5
_CONTEXT_OPENERS = ("and", "but", "so", "or", "yet", "then")
# A short quote whose subject points back into the article can't be told apart from others.
_CONTEXT_SUBJECTS = frozenset(
    ["it", "it's", "that", "that's", "this", "they", "they're", "there", "there's", "he", "she"]
    + ["he's", "she's", "you", "you're"]
)
# "the “Meth. We're on it.” campaign": a quoted name or slogan used as a modifier, not speech.
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)\s*$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s*\p{Ll}")


_POINTING = re.compile(r"\b(?:these|those)\b", re.IGNORECASE)


@dataclass
class _Spoken:
    parts: list[Quote]
    person: int
    confidence: float
    frame: str | None  # predicate kept in the prompt, e.g. "called comparing Canada to Mexico"
    attr_end: int


def _attribute(art: Article, p: Paragraph, carry: Attribution | None = None) -> list[_Spoken]:
    """Attribute every quote of the paragraph, keeping only confident ones; carry is the
    speaker still talking when the paragraph opens (see _carried)."""
    attrs = attributions(art, p)
    groups = merge_split(art, p, attrs)
    spoken: list[_Spoken] = []
    current = carry
    for gi, (parts, inner) in enumerate(groups):
        first, last = parts[0], parts[-1]
        sent_start = p.sentences[sentence_at(p, first.outer_start)].start
        sent_end = p.sentences[sentence_at(p, max(first.outer_start, last.outer_end - 1))].end
        prev_end = groups[gi - 1][0][-1].outer_end if gi else p.start
        next_start = groups[gi + 1][0][0].outer_start if gi + 1 < len(groups) else p.end
        frame = None
        found = inner or speaker_after(attrs, last.outer_end, min(sent_end, next_start))
        if found is None or (not inner and art.norm[first.start : first.start + 1].islower()):
            # A quote that goes on from the writer's words ("… was “not, per se, …”, saying
            # he …") keeps the words before it when their subject is the same speaker.
            before = speaker_before(art, p, max(sent_start, prev_end), first.outer_start)
            # "Sondland was known for telling others “…”, said another witness, Hill": a speech
            # verb after the quote that names nobody known means someone else reports it all.
            reported_after = found is None and VERB_ANY.search(
                art.norm, last.outer_end, min(sent_end, next_start)
            )
            if (
                before
                and not reported_after
                and (found is None or before[0].person == found.person)
            ):
                found, frame = before
        if found is None and last.outer_end >= sent_end - 1:
            found = named_next(art, p, sentence_at(p, last.outer_end - 1), next_start)
        if found is None and first.outer_start == sent_start:
            found = _introduced(art, p, sentence_at(p, sent_start))
        if found is None:
            found = continuation(art, p, current, attrs, first.outer_start)
            if found and _other_named_after(art, p, found.person, last.outer_end, sent_end + 2):
                found = None  # "…?" Brandt wondered.: an unknown verb, but not the last speaker
        else:
            current = found
        if found is None or found.person is None:
            continue
        spoken.append(
            _Spoken(parts, found.person, found.confidence, frame, max(found.end, last.outer_end))
        )
    return spoken


def _introduced(art: Article, p: Paragraph, si: int) -> Attribution | None:
    """The speaker a quote-only sentence follows: "Vos had a different view. “…”" — the one
    person named at the start of the previous sentence, and nobody else named in it."""
    if si == 0:
        return None
    prev = p.sentences[si - 1]
    mentions = mentions_between(art, p, prev.start, prev.end)
    if not mentions or mentions[0].pronoun or mentions[0].person is None:
        return None
    if any(m.person != mentions[0].person for m in mentions):
        return None
    if (
        len(art.norm[prev.start : mentions[0].start].split()) > 3
        or '"' in art.norm[prev.start : prev.end]
    ):
        return None  # "The mayor praised Vos.": Vos is the object, not the subject
    if art.norm.startswith(("'s ", "s' "), mentions[0].end):
        return None  # "Swift's rep told Fox News …": the rep speaks, not Swift
    if VERB_ANY.search(art.norm, prev.start, prev.end) is None and not _VIEW.search(
        art.norm, prev.start, prev.end
    ):
        return None
    m = mentions[0]
    return Attribution(m.start, m.end, m.person, 0.8)


_VIEW = re.compile(r"\b(?:view|views|disagreed|agreed|was blunt|put it|reply|answer|response)\b")


def _other_named_after(
    art: Article, p: Paragraph, person: int | None, start: int, end: int
) -> bool:
    """True when the quote's sentence names someone other than person after the quote, or the
    next sentence opens with such a name ("…?" Brandt wondered.)."""
    return any(
        not m.pronoun and m.person != person
        for m in mentions_between(art, p, start, max(end, start + 3))
    )


def _carried(
    art: Article, prev: Paragraph | None, said: list[_Spoken], p: Paragraph
) -> Attribution | None:
    """The speaker of prev's last quote when p opens with a quotation and prev ends with that
    quote or its attribution: journalism's next paragraph of the same speaker's words."""
    if prev is None or not said or not p.quotes or p.quotes[0].outer_start != p.start:
        return None
    last = said[-1]
    end = max(last.attr_end, last.parts[-1].outer_end)
    if sentence_at(prev, end - 1) != len(prev.sentences) - 1:
        return None
    if any(m.person != last.person for m in mentions_between(art, prev, end, prev.end)):
        return None  # "…," Ruiz said, and Berg agreed. "…": who goes on is unclear
    return Attribution(prev.start, prev.start, last.person, min(last.confidence, 0.8))


def _reported(art: Article, p: Paragraph) -> Attribution | None:
    """The speaker of a paragraph of reported speech ("Erekat said it was only the latest
    move …") when it names nobody else: the quotation that opens the next paragraph is theirs."""
    attrs = attributions(art, p)
    if not attrs or attrs[-1].person is None:
        return None
    who = attrs[-1].person
    if sentence_at(p, attrs[-1].start) != len(p.sentences) - 1:
        return None
    if any(m.person != who for m in art.cast.mentions.get(p.index, []) if not m.pronoun):
        return None
    return Attribution(p.start, p.start, who, 0.8)


def _opens_with_quote(p: Paragraph, reported: Attribution | None) -> Attribution | None:
    return reported if reported and p.quotes[0].outer_start == p.start else None


def _doubted_out(art: Article, said: list[_Spoken]) -> list[_Spoken]:
    """said without the speakers whose own words would name them in full ("“It was easy for
    Mary Steenburgen to …,” she said"): the quote is about her, so the "she" (and every other
    quote the paragraph credits to her) is someone else's."""
    people = art.cast.people
    doubted = {s.person for s in said if people[s.person].name in _quote_text(art, s.parts)}
    return [s for s in said if s.person not in doubted]


def _clean(quote: str) -> str:
    """Strip trailing commas/full stops inside the marks, and outer whitespace."""
    return quote.strip().rstrip(",.;: ").strip()


def _quote_text(art: Article, parts: list[Quote]) -> str:
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
                    kept = _clause_cut(piece)
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
    if words[0].lower().strip(",") in SUBORDINATORS:
        return ""  # "Although residents …, <the main clause>": the cut would lose the claim
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
        if len(kept.split()) >= MIN_CUT_WORDS:
            return kept.rstrip(" ,;:—–") + " …"
    return ""


_OPENING_CONJUNCTION = re.compile(
    r"(?:(?:And|But|So|Yet),?|(?:Instead|However|Still|Meanwhile|Also),)\s+(?=\p{L})"
)


def _without_opening_conjunction(quote: str) -> str:
    """ "But does that mean …" -> "Does that mean …", "Instead, they failed …" -> "They failed
    …": asked alone, the opening word points back at what came before; journalism drops it
    the same way when it quotes a line alone."""
    m = _OPENING_CONJUNCTION.match(quote)
    if not m:
        return quote
    rest = quote[m.end() :]
    return rest[:1].upper() + rest[1:] if rest[:2] != "I " else rest


def _worth_asking(art: Article, quote: str, parts: list[Quote]) -> bool:
    """Long enough to be attributed without context, and speech rather than a quoted name."""
    words = quote.split()
    if not words or _is_name_in_quotes(art, parts[0]):
        return False
    if len(words) < 6 and _POINTING.search(quote):
        return False  # "These are people as well", "We don't want those people": who are they?
    if len(words) < 12 and words[0].lower().strip(",") in _CONTEXT_OPENERS:
        return False  # "But we'll see it then": a reply that needs its context
    if len(words) < 6 and words[0].lower().replace("’", "'") in _CONTEXT_SUBJECTS:
        return False  # "That goes a long way", "It's hard not to": about what?
    if len(words) < 8 and base_of_past(words[0].lower().strip(",")):
        return False  # "Came down to a few points": the subject was dropped; what did?
    if len(words) >= MIN_QUOTE_WORDS:
        return True
    inner = art.norm[parts[0].start : parts[-1].end].strip()
    return len(parts) == 1 and len(words) == 4 and inner[:1].isupper() and inner[-1:] in ".!?,"


# Words that open a clause of its own in a quote that starts in lower case ("we want to help").
_SUBJECT_STARTS = frozenset(
    ["i", "we", "you", "he", "she", "they", "it", "there", "this", "that", "these", "those"]
    + ["people", "everyone", "everybody", "nobody", "no", "our", "my", "your", "their", "its"]
    + ["it's", "it’s", "that's", "that’s", "there's", "there’s", "we're", "we’re", "i'm", "i’m"]
)


def _fragment(quote: str) -> bool:
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


def _embedded(art: Article, q: Quote, quote: str) -> bool:
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


def _lead_in(art: Article, p: Paragraph, q: Quote, speaker: int) -> str | None:
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
    if words[0].lower().replace("’", "'") in _CONTEXT_SUBJECTS:
        return None  # "That's produced …": what has?
    if not has_verb(clause) and (len(words) > 3 or not _predicate(art.text[q.start : q.end])):
        return None  # a subject alone only before a predicate: "Customers “began to say …”"
    named = mentions_between(art, p, start, q.outer_start)
    if any(m.pronoun or m.person == speaker for m in named):
        return None  # "what host Rask described as the “…”": the question would name him
    first = words[0]
    if not re.search(rf"\p{{Ll}},? {re.escape(first)}\b", art.text):
        clause = first.lower() + clause[len(first) :]  # "The", "Making": no proper noun
    return f"said {clause}"


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


def _is_name_in_quotes(art: Article, q: Quote) -> bool:
    """True for a quoted title or slogan between a determiner and a noun."""
    return bool(
        _DETERMINER_BEFORE.search(art.norm, max(0, q.outer_start - 8), q.outer_start)
        and _WORD_AFTER.match(art.norm, q.outer_end)
    )


def who_said_questions(art: Article) -> list[DraftQuestion]:
    """One question per confidently attributed quote of four words or more."""
    out = []
    people = art.cast.people
    prev: Paragraph | None = None
    said: list[_Spoken] = []
    reported: Attribution | None = None
    for p in art.paragraphs:
        if p.heading or not p.quotes:
            prev, said = None, []
            reported = None if p.heading else _reported(art, p)
            continue
        if spent():
            break
        carry = _carried(art, prev, said, p) or _opens_with_quote(p, reported)
        reported = None
        prev, said = p, _doubted_out(art, _attribute(art, p, carry))
        for s in said:
            if spent():
                break
            quote = _quote_text(art, s.parts)
            if not _worth_asking(art, quote, s.parts):
                continue
            quote = _without_opening_conjunction(quote)
            frame = s.frame
            if not frame and (_fragment(quote) or _embedded(art, s.parts[0], quote)):
                # "Who said “a crisis of public trust”?" makes no claim: the writer's words
                # before it can ("said Canada “could only wish …”"), else it is not asked.
                frame = _lead_in(art, p, s.parts[0], s.person)
                if not frame:
                    continue
            person = people[s.person]
            mark = "" if quote.endswith(("?", "!")) else "?"
            prompt = f"Who {frame} “{quote}”{mark}" if frame else f"Who said “{quote}”{mark}"
            source, span = art.source(p, s.parts[0].outer_start, s.attr_end)
            role = f", {person.roles[0]}" if person.roles else ""
            q = assemble(
                digest=art.digest,
                kind="who_said",
                prompt=prompt,
                answer=person.name,
                distractors=art.person_choices(s.person),
                source=source,
                span=span,
                explanation=f"The article says: “{quote}” — {person.name}{role}.",
                confidence=s.confidence,
                accepted=person.aliases(),
            )
            if q:
                out.append(q)
    return out
