"""Who said what: attribute direct quotations to people and ask who said them."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex as re

from quizapp.generate.article import Article
from quizapp.generate.budget import spent
from quizapp.generate.cast import Mention
from quizapp.generate.distractors import assemble
from quizapp.generate.lexicon import (
    SPEECH_VERBS,
    TITLE_ABBREVIATION_WORDS,
    TITLE_WORDS,
    is_person_noun,
)
from quizapp.generate.text import Paragraph, Quote, sentence_at
from quizapp.generate.types import DraftQuestion

_VERBS = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
# "Jane Doe of the Border Alliance said", "Gov. Tom Whitaker of Arizona, a Republican, said".
_OF_ORG = r"(?:\s+of\s+(?:the\s+)?\p{Lu}[\p{L}'-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}'-]*){0,4})?"
_VERB_AFTER = re.compile(
    _OF_ORG
    + r"(?:,[^,\"]{1,150}){0,3}(?:,)?\s+(?:also\s+|later\s+|then\s+|\p{Ll}+ly\s+)?"
    + rf"(?:{_VERBS})\b"
)
# A speech verb, then at most a title ("said Sen.", "said Chief Executive") or a role and a
# comma ("according to the town engineer,") before the speaker's name.
_VERB_BEFORE = re.compile(
    rf"(?:\b(?:{_VERBS})|\baccording to)\s+(?P<gap>[\p{{L}}.'\s,-]{{0,60}}?)$",
    re.IGNORECASE,
)
# "… ." That is how Rosa Delgado described it: the speaker named in the next sentence.
_NEXT_SENTENCE = re.compile(
    r"(?:That|This|Those|These|So)(?:'s|\s+(?:is|was|were|are))?\s+"
    r"(?:how|what|the words of|said)\b"
)
# "Sasse told Hawk Sawyer": the listener of the last speaker does not interrupt them.
_LISTENER = re.compile(r"\b(?:told|tells|asked|asks)\s+$")
_SPLIT_GAP = re.compile(r"^\s*,?\s*$")
_VERB_ANY = re.compile(rf"\b(?:{_VERBS})\b")
_SUBJECT_PRONOUNS = ("he", "she")
MAX_QUOTE_WORDS = 40
# Shorter quotes ("But we'll see", "And he didn't") can't be attributed without context;
# a four-word one only when it is a whole sentence ("I almost died there.").
MIN_QUOTE_WORDS = 5
_CONTEXT_OPENERS = ("and", "but", "so", "or", "yet", "then")
# "the “Meth. We're on it.” campaign": a quoted name or slogan used as a modifier, not speech.
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)\s*$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s*\p{Ll}")


@dataclass(frozen=True)
class Attribution:
    """A speaker (None = ambiguous) credited at a position of the paragraph."""

    start: int
    end: int
    person: int | None
    confidence: float


@dataclass
class _Spoken:
    parts: list[Quote]
    person: int
    confidence: float
    frame: str | None  # predicate kept in the prompt, e.g. "called comparing Canada to Mexico"
    attr_end: int


def _attributions(art: Article, p: Paragraph) -> list[Attribution]:
    """Mentions that sit next to a speech verb: "says Mr. Clark", "she says", "X, 51, said"."""
    out = []
    norm = art.norm
    for m in art.cast.mentions.get(p.index, []):
        if m.pronoun and norm[m.start : m.end].lower() not in _SUBJECT_PRONOUNS:
            continue
        conf = 0.85 if m.pronoun else 0.95
        before = _VERB_BEFORE.search(norm, max(p.start, m.start - 80), m.start)
        if before and _title_gap(before.group("gap")):
            if _inverted(norm, p, before):
                out.append(Attribution(m.start, m.end, m.person, conf))
            continue  # "Sasse told Hawk Sawyer, repeatedly calling…": the listener
        after = _VERB_AFTER.match(norm, m.end, p.end)
        if after and not _quote_inside(norm, p, m.end, after.end()):
            out.append(Attribution(m.start, after.end(), m.person, conf))
    return out


def _inverted(norm: str, p: Paragraph, verb: re.Match) -> bool:
    """True when the verb follows a quote or a comma ("…," said Ruiz) or is "according to".

    "Sasse told Hawk Sawyer" and "Officials said Ruiz 'was not…'": a name after a verb that
    has its own subject is the listener or the topic, never the speaker.
    """
    if verb.group(0).lower().startswith("according"):
        return True
    # What precedes the verb, spaces and dashes skipped: a walk back, not a copy of the
    # paragraph so far per verb (quadratic in a paragraph of thousands of quotes).
    at = verb.start()
    while at > p.start and norm[at - 1] in " -":
        at -= 1
    return at == p.start or norm[at - 1] in "\"',"


def _title_gap(gap: str) -> bool:
    """True for nothing, a title ("Mayor", "Sen.") or, before a comma, a role ("the engineer")."""
    body = gap.strip()
    if body.endswith(","):
        words = body[:-1].split()
        return "," not in body[:-1] and len(words) >= 2 and words[0].lower() in ("the", "a", "an")
    words = body.split()
    if "," in body or len(words) > 4:
        return False
    if all(w[:1].isupper() and _is_title(w) for w in words):
        return True  # "said Sen.", "said Chief Executive"
    if words and all(w[:1].isupper() or w == "of" for w in words) and _is_title(words[-1]):
        return True  # "said White House Press Secretary"
    # "said board chair Diane Whitmore": lower-case qualifiers ending in a job noun.
    return (
        0 < len(words) <= 3
        and all(w.isalpha() and w.islower() for w in words)
        and words[0] not in ("the", "a", "an", "his", "her", "their", "its", "our")
        and is_person_noun(words[-1])
    )


def _is_title(word: str) -> bool:
    low = word.lower().rstrip(".")
    return low in TITLE_WORDS or low in TITLE_ABBREVIATION_WORDS


def _quote_inside(norm: str, p: Paragraph, start: int, end: int) -> bool:
    # Quotes are ordered and disjoint: only the first one ending after start can overlap.
    i = bisect.bisect_right(p.quotes, start, key=lambda q: q.outer_end)
    return '"' in norm[start:end] or any(
        start <= q.outer_start < end or start < q.outer_end <= end for q in p.quotes[i : i + 1]
    )


def _mentions_between(art: Article, p: Paragraph, start: int, end: int) -> list[Mention]:
    # Mentions are in text order: bisect instead of a scan per call (quadratic on long paragraphs).
    mentions = art.cast.mentions.get(p.index, [])
    lo = bisect.bisect_left(mentions, start, key=lambda m: m.start)
    return mentions[lo : bisect.bisect_left(mentions, end, lo, key=lambda m: m.start)]


def _merge_split(
    art: Article, p: Paragraph, attrs: list[Attribution]
) -> list[tuple[list[Quote], Attribution | None]]:
    """Group split quotes ("…,” she says, “…”) into one; return (parts, inner attribution)."""
    groups: list[tuple[list[Quote], Attribution | None]] = []
    quotes = p.quotes
    i = 0
    while i < len(quotes):
        parts = [quotes[i]]
        inner = None
        while i + 1 < len(quotes):
            a, b = parts[-1], quotes[i + 1]
            # attrs are in text order: look only at those starting between the two quotes.
            lo = bisect.bisect_left(attrs, a.outer_end, key=_start)
            hi = bisect.bisect_left(attrs, b.outer_start, lo, key=_start)
            between = [x for x in attrs[lo:hi] if x.end <= b.outer_start]
            if len(between) != 1:
                break
            x = between[0]
            gap1 = art.norm[a.outer_end : x.start]
            gap2 = art.norm[x.end : b.outer_start]
            if not (_SPLIT_GAP.match(gap1) and _SPLIT_GAP.match(gap2) and "," in gap1 + gap2):
                break
            parts.append(b)
            inner = x
            i += 1
        groups.append((parts, inner))
        i += 1
    return groups


def _start(x: Attribution) -> int:
    return x.start


def _speaker_after(attrs: list[Attribution], start: int, end: int) -> Attribution | None:
    i = bisect.bisect_left(attrs, start, key=_start)
    return attrs[i] if i < len(attrs) and attrs[i].start < end else None


def _speaker_before(
    art: Article, p: Paragraph, start: int, quote_start: int
) -> tuple[Attribution, str | None] | None:
    """A subject + speech verb before the quote in its sentence; also the framing predicate."""
    norm = art.norm
    verbs = list(_VERB_ANY.finditer(norm, start, quote_start))
    if not verbs:
        return _colon_subject(art, p, start, quote_start)
    verb = verbs[-1]
    mentions = _mentions_between(art, p, start, verb.start())
    mentions = [
        m for m in mentions if not m.pronoun or norm[m.start : m.end].lower() in _SUBJECT_PRONOUNS
    ]
    if not mentions:
        return None
    if verb.group(0).endswith("ing"):
        subject = mentions[0]
        intro = norm[start : subject.start].rstrip()
        if (intro and not intro.endswith(",")) or any(m.person != subject.person for m in mentions):
            return None  # "After the hearing, Hawk Sawyer issued a statement, saying, …"
        frame_start = subject.end
    else:
        subject = mentions[-1]
        gap = norm[subject.end : verb.start()]
        if gap.strip() and not re.fullmatch(_OF_ORG + r"(?:(?:,[^,\"]{1,150}){1,3},)?\s*", gap):
            return None
        frame_start = verb.start()
    conf = 0.85 if subject.pronoun else 0.9
    tail = norm[verb.end() : quote_start]
    frame = None
    if re.sub(r"[\s,:]|\bthat\b", "", tail):
        frame = _resolve_frame(art, p, frame_start, quote_start, subject.person)
    return Attribution(subject.start, verb.end(), subject.person, conf), frame


def _resolve_frame(
    art: Article, p: Paragraph, start: int, end: int, speaker: int | None
) -> str | None:
    """The framing words with other people's pronouns named: "called his death" ->
    "called Epstein's death"; None when a pronoun there has no antecedent."""
    out, pos = [], start
    for m in _mentions_between(art, p, start, end):
        if not m.pronoun:
            continue
        word = art.norm[m.start : m.end].lower()
        if m.person == speaker and word not in ("his", "her"):
            continue  # "Who said he was …": the speaker, as a reader takes it
        if m.person is None or m.person == speaker:
            return None  # "Who called his death …": whose?
        name = art.cast.people[m.person].surnames[0]
        out += [art.text[pos : m.start], f"{name}'s" if word in ("his", "her") else name]
        pos = m.end
    out.append(art.text[pos:end])
    return "".join(out).strip()


def _colon_subject(
    art: Article, p: Paragraph, start: int, quote_start: int
) -> tuple[Attribution, str | None] | None:
    """ "Smith agreed with her:" / "Buckley, who …, had a similar experience:" + quote.

    The subject at the head of the clause introduces the quote; any other person named
    before the colon could be the one quoted, so then nobody is credited.
    """
    norm = art.norm
    if not norm[start:quote_start].rstrip().endswith(":"):
        return None
    mentions = _mentions_between(art, p, start, quote_start)
    if not mentions or any(m.person != mentions[0].person for m in mentions):
        return None
    subject = mentions[0]
    if subject.pronoun:
        return None  # "She sings on behalf of …:" may introduce lyrics, a sign, a letter
    intro = norm[start : subject.start].rstrip()
    if subject.person is None or (intro and not intro.endswith(",")):
        return None
    return Attribution(subject.start, subject.end, subject.person, 0.85), None


def _attribute(art: Article, p: Paragraph) -> list[_Spoken]:
    """Attribute every quote of the paragraph, keeping only confident ones."""
    attrs = _attributions(art, p)
    groups = _merge_split(art, p, attrs)
    spoken: list[_Spoken] = []
    current: Attribution | None = None
    for gi, (parts, inner) in enumerate(groups):
        first, last = parts[0], parts[-1]
        sent_start = p.sentences[sentence_at(p, first.outer_start)].start
        sent_end = p.sentences[sentence_at(p, max(first.outer_start, last.outer_end - 1))].end
        prev_end = groups[gi - 1][0][-1].outer_end if gi else p.start
        next_start = groups[gi + 1][0][0].outer_start if gi + 1 < len(groups) else p.end
        frame = None
        found = inner or _speaker_after(attrs, last.outer_end, min(sent_end, next_start))
        if found is None:
            before = _speaker_before(art, p, max(sent_start, prev_end), first.outer_start)
            if before:
                found, frame = before
        if found is None and last.outer_end >= sent_end - 1:
            found = _named_next(art, p, sentence_at(p, last.outer_end - 1), next_start)
        if found is None:
            found = _continuation(art, p, current, attrs, first.outer_start)
        else:
            current = found
        if found is None or found.person is None:
            continue
        spoken.append(
            _Spoken(parts, found.person, found.confidence, frame, max(found.end, last.outer_end))
        )
    return spoken


def _named_next(art: Article, p: Paragraph, si: int, next_quote: int) -> Attribution | None:
    """A quote that is a whole sentence, then "That is how Rosa Delgado described it."."""
    if si + 1 >= len(p.sentences):
        return None
    nxt = p.sentences[si + 1]
    if next_quote < nxt.end or not _NEXT_SENTENCE.match(art.norm, nxt.start, nxt.end):
        return None
    named = [m for m in _mentions_between(art, p, nxt.start, nxt.end) if not m.pronoun]
    if len({m.person for m in named}) != 1 or named[0].person is None:
        return None
    if not _VERB_ANY.search(art.norm, named[0].end, nxt.end) and not re.search(
        r"\b(?:described|put it|words of)\b", art.norm[nxt.start : nxt.end]
    ):
        return None
    return Attribution(named[0].start, named[0].end, named[0].person, 0.85)


def _continuation(
    art: Article, p: Paragraph, current: Attribution | None, attrs: list[Attribution], pos: int
) -> Attribution | None:
    """An unattributed quote continues the paragraph's last speaker if nobody else intervened."""
    # The last attribution ending by pos: it starts before pos, so search back from there.
    i = bisect.bisect_left(attrs, pos, key=_start)
    last = next((attrs[j] for j in range(i - 1, -1, -1) if attrs[j].end <= pos), current)
    if last is None or last.person is None:
        return None
    if _unknown_speaker(art, p, last, pos):
        return None
    if _someone_else(art, p, last.person, last.end, pos):
        return None
    return Attribution(last.start, last.end, last.person, min(last.confidence, 0.8))


_NAME_BEFORE_VERB = re.compile(r"(\p{Lu}[\p{L}'-]+)\s+(?:\p{Ll}+ly\s+)?$")


def _unknown_speaker(art: Article, p: Paragraph, last: Attribution, pos: int) -> bool:
    """ "Moss agreed:" between the last speaker and the quote: a name the cast may not know."""
    return _first_unknown_speaker(art, p, last) <= pos


def _first_unknown_speaker(art: Article, p: Paragraph, last: Attribution) -> int:
    """Where the first "Name verb" after last ends that is not last's person (else past p).

    Found once per attribution: every later quote of the paragraph asks the same question,
    and a scan per quote made paragraphs of unattributed quotes quadratic.
    """
    key = f"unknown_speaker:{p.index}:{last.start}:{last.end}"
    if key not in art.memo:
        start = max(last.end, p.start)
        own = [
            (m.start, m.end)
            for m in _mentions_between(art, p, start, p.end)
            if m.person == last.person
        ]
        art.memo[key] = p.end + 1
        for verb in _VERB_ANY.finditer(art.norm, start, p.end):
            name = _NAME_BEFORE_VERB.search(art.norm, start, verb.start())
            if name and not any(a <= name.start(1) < b for a, b in own):
                art.memo[key] = verb.end()
                break
    return art.memo[key]


def _someone_else(art: Article, p: Paragraph, person: int, start: int, end: int) -> bool:
    """True when a mention in [start, end) is a name (or an unresolved pronoun) of another.

    The listener of "told"/"asked" is not another speaker, so such mentions are skipped.

    Jumps computed once per paragraph answer it without a pass over the mentions between:
    that pass made long paragraphs of unattributed quotes quadratic.
    """
    mentions = art.cast.mentions.get(p.index, [])
    lo = bisect.bisect_left(mentions, start, key=lambda m: m.start)
    hi = bisect.bisect_left(mentions, end, lo, key=lambda m: m.start)
    if lo >= hi:
        return False
    unknown, named, change = _mention_jumps(art, p, mentions)
    j = named[lo]
    if j < hi and mentions[j].person == person:
        j = change[j]
    return min(unknown[lo], j) < hi


def _mention_jumps(
    art: Article, p: Paragraph, mentions: list[Mention]
) -> tuple[list[int], list[int], list[int]]:
    """Per mention index: the next mention of nobody known, the next name, and (for a name) the
    next name of a different person; len(mentions) when there is none."""
    key = f"mention_jumps:{p.index}"
    if key not in art.memo:
        n = len(mentions)
        unknown, named, change = [n] * (n + 1), [n] * (n + 1), [n] * (n + 1)
        for i in range(n - 1, -1, -1):
            m = mentions[i]
            listener = _LISTENER.search(art.norm, max(p.start, m.start - 12), m.start)
            unknown[i] = i if m.person is None and not listener else unknown[i + 1]
            named[i] = i if not m.pronoun and not listener else named[i + 1]
            after = named[i + 1]
            if after < n:
                change[i] = after if mentions[after].person != m.person else change[after]
        art.memo[key] = (unknown, named, change)
    return art.memo[key]


def _clean(quote: str) -> str:
    """Strip trailing commas/full stops inside the marks, and outer whitespace."""
    return quote.strip().rstrip(",.;: ").strip()


def _quote_text(art: Article, parts: list[Quote]) -> str:
    pieces = [_clean(art.text[q.start : q.end]) for q in parts]
    text = " … ".join(x for x in pieces if x)
    words = text.split()
    if len(words) > MAX_QUOTE_WORDS:
        text = " ".join(words[:30]) + " …"
    return text


def _worth_asking(art: Article, quote: str, parts: list[Quote]) -> bool:
    """Long enough to be attributed without context, and speech rather than a quoted name."""
    words = quote.split()
    if _is_name_in_quotes(art, parts[0]):
        return False
    if len(words) < 8 and words[0].lower().strip(",") in _CONTEXT_OPENERS:
        return False  # "But we'll see it then": a reply that needs its context
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


def who_said_questions(art: Article) -> list[DraftQuestion]:
    """One question per confidently attributed quote of four words or more."""
    out = []
    people = art.cast.people
    for p in art.paragraphs:
        if p.heading or not p.quotes:
            continue
        if spent():
            break
        for s in _attribute(art, p):
            if spent():
                break
            quote = _quote_text(art, s.parts)
            if not _worth_asking(art, quote, s.parts):
                continue
            if not s.frame and quote.split()[0] in ("a", "an", "the") and len(quote.split()) < 8:
                continue  # "Who said “a crisis of public trust”?": a noun phrase, no claim
            person = people[s.person]
            mark = "" if quote.endswith(("?", "!")) else "?"
            prompt = f"Who {s.frame} “{quote}”{mark}" if s.frame else f"Who said “{quote}”{mark}"
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
