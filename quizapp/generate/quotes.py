"""Who said what: ask who said each quotation attributed with confidence."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from operator import methodcaller

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
from quizapp.generate.clauses import speech_past
from quizapp.generate.continuation import continuation
from quizapp.generate.distractors import assemble
from quizapp.generate.quote_text import (
    CONTEXT_SUBJECTS,
    is_embedded,
    is_fragment,
    lead_in,
    quote_text,
    without_opening_conjunction,
)
from quizapp.generate.text import Paragraph, Quote, sentence_at
from quizapp.generate.types import DraftQuestion
from quizapp.generate.verbs import base_of_past

# Shorter quotes ("But we'll see", "And he didn't") can't be attributed without context;
# a four-word one only when it is a whole sentence ("I almost died there.").
MIN_QUOTE_WORDS = 5
_CONTEXT_OPENERS = ("and", "but", "so", "or", "yet", "then")
# "the “Meth. We're on it.” campaign": a quoted name or slogan used as a modifier, not speech.
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)\s*$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s*\p{Ll}")


_POINTING = re.compile(r"\b(?:these|those)\b", re.IGNORECASE)
_POINTING_LAST = frozenset(["it", "that", "this", "them"])
_FEELING = re.compile(
    r"I(?:'m| am)?\s+(?:love|like|enjoy|hate|feel|hope)\b|I['’]m (?:happy|glad)\b"
)
_MODAL = re.compile(r"\b(?:can|could|will|would|should|must|may|might)\b")
_DISCOURSE = re.compile(r"^(?:sure enough|well|of course|in fact|indeed|honestly|look),?\s+", re.I)
# Words that point at something the quote does not say.
_REFERRING = frozenset(
    ["it", "it's", "its", "that", "that's", "this", "they", "they're", "them", "these", "those"]
    + ["there", "there's", "he", "she", "him", "her"]
)


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
        if found is not None and found.person is None:
            found = _pronoun_goes_on(art, p, found, current, prev_end, first.outer_start)
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
            # "…" Smith agreed: "…": a name introducing the next quotation is not this one's.
            intro = art.norm[last.outer_end : next_start].rstrip().endswith(":")
            if (
                found
                and not intro
                and _other_named_after(art, p, found.person, last.outer_end, sent_end + 2)
            ):
                found = None  # "…?" Brandt wondered.: an unknown verb, but not the last speaker
        else:
            current = found
        if found is None or found.person is None:
            continue
        spoken.append(
            _Spoken(parts, found.person, found.confidence, frame, max(found.end, last.outer_end))
        )
    return spoken


_SUBJECT_PRONOUN = re.compile(r"\b(he|she)\b", re.IGNORECASE)


def _pronoun_goes_on(
    art: Article,
    p: Paragraph,
    found: Attribution,
    current: Attribution | None,
    start: int,
    end: int,
) -> Attribution:
    """found's "he"/"she" that the mentions left open ("Mr. Cooke" inside the quote, two men
    in the paragraph before) as the speaker of the quotation just before, when the gender fits
    and nobody else is named in between; else found unchanged."""
    m = _SUBJECT_PRONOUN.search(art.norm, found.start, found.end)
    if m is None or current is None or current.person is None:
        return found
    if art.cast.people[current.person].gender != ("m" if m.group(1).lower() == "he" else "f"):
        return found
    if any(x.person != current.person for x in mentions_between(art, p, start, end)):
        return found  # "“…,” Smith said. Jones disagreed. “…,” he said.": who is unclear
    return Attribution(found.start, found.end, current.person, min(found.confidence, 0.8))


def _introduced(art: Article, p: Paragraph, si: int) -> Attribution | None:
    """The speaker a quote-only sentence follows: "Vos had a different view. “…”" — the one
    person named at the start of the previous sentence, and nobody else named in it."""
    if si == 0:
        return None
    prev = p.sentences[si - 1]
    # "He then referred to Cooke's testimony. “…”": a possessive is whose, not who speaks.
    mentions = [
        m
        for m in mentions_between(art, p, prev.start, prev.end)
        if not art.norm.startswith(("'s", "s'", "’s"), m.end)
    ]
    if not mentions or mentions[0].person is None:
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


_VIEW = re.compile(
    r"\b(?:view|views|disagreed|agreed|was blunt|put it|reply|answer|response"
    r"|returned to the (?:issue|question|subject|topic))\b"
)


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
    doubted = {s.person for s in said if people[s.person].name in quote_text(art, s.parts)}
    return [s for s in said if s.person not in doubted]


def _worth_asking(art: Article, quote: str, parts: list[Quote]) -> bool:
    """Long enough to be attributed without context, and speech rather than a quoted name."""
    words = quote.split()
    if not words or _is_name_in_quotes(art, parts[0]):
        return False
    if len(words) < 6 and _POINTING.search(quote):
        return False  # "These are people as well", "We don't want those people": who are they?
    if len(words) < 6 and words[-1].lower().strip(".,!?") in _POINTING_LAST:
        return False  # "I cannot disagree with it", "We love you for that": with what?
    asks = len(words) >= 8 and quote.endswith("?")  # "But if …, what's the plan?" stands alone
    if len(words) < 12 and words[0].lower().strip(",") in _CONTEXT_OPENERS and not asks:
        return False  # "But we'll see it then": a reply that needs its context
    if len(words) < 12 and _DISCOURSE.match(quote):
        return False  # "Sure enough, they were all over the place": a reply to something
    if len(words) < 6 and words[0].lower().replace("’", "'") in CONTEXT_SUBJECTS:
        return False  # "That goes a long way", "It's hard not to": about what?
    pointing = sum(w.lower().strip(".,!?;:…").replace("’", "'") in _REFERRING for w in words)
    if len(words) < 16 and pointing * 4 >= len(words):
        return False  # "people just ignored them or didn't realize that they were there"
    if len(words) < 6 and _FEELING.match(quote):
        return False  # "I love what I'm doing": anyone could have said it
    if len(words) < 6 and words[0] == "The" and _MODAL.search(quote):
        return False  # "The problem can be solved": which problem? ("The visit is the message"
        # says what it is about)
    if len(words) < 8 and base_of_past(words[0].lower().strip(",")):
        return False  # "Came down to a few points": the subject was dropped; what did?
    if len(words) >= MIN_QUOTE_WORDS:
        return True
    inner = art.norm[parts[0].start : parts[-1].end].strip()
    return len(parts) == 1 and len(words) == 4 and inner[:1].isupper() and inner[-1:] in ".!?,"


def _is_name_in_quotes(art: Article, q: Quote) -> bool:
    """True for a quoted title or slogan between a determiner and a noun."""
    return bool(
        _DETERMINER_BEFORE.search(art.norm, max(0, q.outer_start - 8), q.outer_start)
        and _WORD_AFTER.match(art.norm, q.outer_end)
    )


def _all_spoken(art: Article) -> Iterator[tuple[Paragraph, _Spoken]]:
    """Every confidently attributed, uncontested quotation of the article, in order."""
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
        contested = _contested(art, p, said)
        yield from ((p, s) for s in said if s.person not in contested)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\s*\x00\s*")
_END_MARKS = methodcaller("strip", " ,.;:!?")
# A quoted sentence standing in more paragraphs than this is boilerplate: not asked at all.
MAX_REPEATS = 3


def _pieces(art: Article, parts: list[Quote]) -> list[str]:
    """The quoted sentences of five words or more, without their end marks."""
    text = "\x00".join(art.norm[q.start : q.end] for q in parts)
    pieces = map(_END_MARKS, _SENTENCE_END.split(text))
    return [x for x in pieces if len(x.split()) >= MIN_QUOTE_WORDS]


def _quoted_in(art: Article) -> dict[str, dict[int, None]]:
    """The paragraphs each quoted sentence of the article stands in."""
    if "quoted_in" not in art.memo:
        where: dict[str, dict[int, None]] = {}  # an ordered set of paragraph indexes
        for p in art.paragraphs:
            for x in _pieces(art, p.quotes):
                where.setdefault(x, {})[p.index] = None
        art.memo["quoted_in"] = where
    return art.memo["quoted_in"]


def _contested(art: Article, p: Paragraph, said: list[_Spoken]) -> set[int]:
    """The people p credits with a quoted sentence that another paragraph credits to someone
    else (a repeated paragraph, a pull quote): which of them said it is no fair question, and
    neither is the rest of p's credit to them."""
    out = set()
    for s in said:
        for x in _pieces(art, s.parts):
            where = _quoted_in(art).get(x, {})
            if len(where) > MAX_REPEATS + 1 or any(
                _credited(art, i).get(x, s.person) != s.person for i in where if i != p.index
            ):
                out.add(s.person)
    return out


def _credited(art: Article, index: int) -> dict[str, int]:
    """Quoted sentence -> person for paragraph index read on its own (no speaker carried in
    from the paragraph before: a conflict found this way is a real one)."""
    memo = art.memo.setdefault("credited", {})
    if index not in memo:
        said = _doubted_out(art, _attribute(art, art.paragraphs[index]))
        memo[index] = {x: s.person for s in said for x in _pieces(art, s.parts)}
    return memo[index]


def speaker_at(art: Article, pos: int) -> tuple[int, Quote] | None:
    """(person, quotation part) when pos lies inside a quotation credited to a person."""
    if "spoken_parts" not in art.memo:
        parts = sorted(
            ((q.start, q.end, s.person, q) for _, s in _all_spoken(art) for q in s.parts),
            key=lambda x: x[0],  # by start only: Quote itself has no order
        )
        art.memo["spoken_parts"] = ([x[0] for x in parts], parts)
    starts, parts = art.memo["spoken_parts"]
    i = bisect.bisect_right(starts, pos) - 1
    if i < 0 or not parts[i][0] <= pos < parts[i][1]:
        return None
    return parts[i][2], parts[i][3]


def who_said_questions(art: Article) -> list[DraftQuestion]:
    """One question per confidently attributed quote of four words or more."""
    out = []
    for p, s in _all_spoken(art):
        if spent():
            break
        q = _question(art, p, s)
        if q:
            out.append(q)
    return out


# "says, boasting that the servers can": the participle carries the claim.
_SAYS_ING = re.compile(r"(?:said|says|added|adds|weighed in|weighs in),?\s+(\p{Ll}+)ing\s+")


def _participle_frame(frame: str) -> str:
    """ "says, boasting that X can" -> "boasted that X can", "weighed in, telling Cook," ->
    "told Cook," (else frame unchanged)."""
    m = _SAYS_ING.match(frame)
    past = speech_past(m.group(1)) if m else None
    return f"{past} {frame[m.end() :]}" if m and past else frame


def _question(art: Article, p: Paragraph, s: _Spoken) -> DraftQuestion | None:
    """The who-said question on one attributed quotation, or None when it is not worth it."""
    quote = quote_text(art, s.parts)
    # A fragment of four words or more that the writer's sentence frames ("Apple was “pulled
    # into the enterprise”") is a claim of the speaker's, asked with its frame; the length and
    # subject rules are for quotes asked alone.
    framed = is_fragment(quote) and len(quote.split()) >= 4
    if framed and _is_name_in_quotes(art, s.parts[0]):
        return None
    if not (framed or _worth_asking(art, quote, s.parts)):
        return None
    quote = without_opening_conjunction(quote)
    frame = s.frame
    if not frame and (framed or is_fragment(quote) or is_embedded(art, s.parts[0], quote)):
        # "Who said “a crisis of public trust”?" makes no claim: the writer's words
        # before it can ("said Canada “could only wish …”"), else it is not asked.
        frame = lead_in(art, p, s.parts[0], s.person)
        if not frame:
            return None
    frame = _participle_frame(frame) if frame else frame
    person = art.cast.people[s.person]
    mark = "" if quote.endswith(("?", "!")) else "?"
    prompt = f"Who {frame} “{quote}”{mark}" if frame else f"Who said “{quote}”{mark}"
    source, span = art.source(p, s.parts[0].outer_start, s.attr_end)
    role = f", {person.roles[0]}" if person.roles else ""
    return assemble(
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
