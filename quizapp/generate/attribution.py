"""Who speaks a quotation: a name or pronoun beside a speech verb, before, after or around it."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex as re

from quizapp.generate.article import Article
from quizapp.generate.cast import Mention
from quizapp.generate.lexicon import (
    SPEECH_VERB_PATTERN,
    TITLE_ABBREVIATION_WORDS,
    TITLE_WORDS,
    is_person_noun,
)
from quizapp.generate.mentions import DESCRIBED
from quizapp.generate.text import Paragraph, Quote
from quizapp.generate.verbs import has_verb

_VERBS = SPEECH_VERB_PATTERN
# "Jane Doe of the Border Alliance said", "Gov. Tom Whitaker of Arizona, a Republican, said".
_OF_ORG = r"(?:\s+of\s+(?:the\s+)?\p{Lu}[\p{L}'-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}'-]*){0,4})?"
_VERB_AFTER = re.compile(
    _OF_ORG
    # Appositions between name and verb, the fewest that reach a verb, never past a sentence end
    # ("Clarke, a deputy administrator, said of it …. He said …": Clarke's verb is the first).
    + r"(?:,(?:(?!(?<=\p{Ll}{3})\.\s+\p{Lu})[^,\"]){1,150}){0,3}?(?:,)?\s+"
    + r"(?:also\s+|later\s+|then\s+|\p{Ll}+ly\s+)?"
    + rf"(?:{_VERBS})\b"
)
# A speech verb, then at most a title ("said Sen.", "said Chief Executive") or a role and a
# comma ("according to the town engineer,") before the speaker's name.
_VERB_BEFORE = re.compile(
    rf"(?:\b(?:{_VERBS})|\baccording to)\s+(?P<gap>[\p{{L}}\d.'\s,-]{{0,60}}?)$",
    re.IGNORECASE,
)
# "… ." That is how Rosa Delgado described it: the speaker named in the next sentence.
_NEXT_SENTENCE = re.compile(
    r"(?:That|This|Those|These|So)(?:'s|\s+(?:is|was|were|are))?\s+"
    r"(?:how|what|the words of|said)\b"
)
_AGENT = re.compile(r"\bby\s+(?:\p{Ll}[\p{Ll}-]*\s+){0,3}$")
# Between a subject and its speech verb: "of the Border Alliance", ", who …,", "has", "would later".
_SUBJECT_GAP = re.compile(
    _OF_ORG
    + r"(?:(?:,[^,\"]{1,150}){1,3},)?"
    + r"(?:\s+(?:has|have|had|would|will|also|later|once|then|previously|often|repeatedly))*\s*"
)
_AGE_GAP = re.compile(r"\d{1,3}-year-old")
_SPLIT_GAP = re.compile(r"^\s*,?\s*$")
VERB_ANY = re.compile(rf"\b(?:{_VERBS})\b")
_SUBJECT_PRONOUNS = ("he", "she")


def _subject(norm: str, m: Mention) -> bool:
    """A pronoun or description that can be a speech verb's subject: he, she, the senator."""
    return m.pronoun == DESCRIBED or norm[m.start : m.end].lower() in _SUBJECT_PRONOUNS


@dataclass(frozen=True)
class Attribution:
    """A speaker (None = ambiguous) credited at a position of the paragraph."""

    start: int
    end: int
    person: int | None
    confidence: float


class Attributions(list[Attribution]):
    """A paragraph's attributions in text order, with their starts to bisect (no key calls)."""

    def __init__(self, items: list[Attribution]) -> None:
        super().__init__(items)
        self.starts = [a.start for a in items]

    def first_at(self, pos: int, lo: int = 0) -> int:
        """Index of the first attribution starting at or after pos."""
        return bisect.bisect_left(self.starts, pos, lo)


def _paired(norm: str, a: Mention, b: Mention) -> bool:
    """True when only "and" (or "&") stands between mentions a and b: "Berg and Holm"."""
    return norm[a.end : b.start].strip() in ("and", "&")


def attributions(art: Article, p: Paragraph) -> Attributions:
    """Mentions that sit next to a speech verb: "says Mr. Clark", "she says", "X, 51, said"."""
    out = []
    norm = art.norm
    mentions = art.cast.mentions.get(p.index, [])
    for i, m in enumerate(mentions):
        if m.pronoun and not _subject(norm, m):
            continue
        joined = (i and _paired(norm, mentions[i - 1], m)) or (
            i + 1 < len(mentions) and _paired(norm, m, mentions[i + 1])
        )
        if joined:
            continue  # "Berg and Holm agreed", "said Berg and Holm": neither alone said it
        conf = 0.85 if m.pronoun else 0.95
        before = _VERB_BEFORE.search(norm, max(p.start, m.start - 80), m.start)
        if before and norm.startswith(("'s ", "s' "), m.end):
            continue  # "said Greene's business partner, Tom Okafor": Greene is not speaking
        if before and _title_gap(before.group("gap")):
            if _inverted(norm, p, before):
                out.append(Attribution(m.start, m.end, m.person, conf))
            continue  # "Sasse told Hawk Sawyer, repeatedly calling…": the listener
        after = _VERB_AFTER.match(norm, m.end, p.end)
        if after and _AGENT.search(norm, max(p.start, m.start - 40), m.start):
            continue  # "The statement, read by spokesman Bel, said": the statement speaks
        if after and not _quote_inside(norm, p, m.end, after.end()):
            if out and out[-1].end == after.end():
                # Two names before one verb: "Moy, chief executive of Full Fact, told" (the
                # apposition ends at a comma: the first speaks) or "…, a student in Bengaluru,
                # Francis said" (the name right before the verb is its subject).
                if "," in norm[m.end : after.end()]:
                    continue
                out.pop()
            out.append(Attribution(m.start, after.end(), m.person, conf))
    return Attributions(out)


def _inverted(norm: str, p: Paragraph, verb: re.Match) -> bool:
    """True when the verb follows a quote or a comma ("…," said Ruiz) or is "according to".

    "Sasse told Hawk Sawyer" and "Officials said Ruiz 'was not…'": a name after a verb that
    has its own subject is the listener or the topic, never the speaker.
    """
    word = verb.group(0).lower()
    if word.startswith("according"):
        return True
    if word.startswith(("tell", "told")):
        return False  # "…," Benioff weighed in, telling Cook, "…": Cook listens
    # What precedes the verb, spaces and dashes skipped: a walk back, not a copy of the
    # paragraph so far per verb (quadratic in a paragraph of thousands of quotes).
    at = verb.start()
    while at > p.start and norm[at - 1] in " -":
        at -= 1
    return at == p.start or norm[at - 1] in "\"',"


def _title_gap(gap: str) -> bool:
    """True for nothing, a title ("Mayor", "Sen.") or, before a comma, a role ("the engineer")."""
    body = gap.strip()
    if _AGE_GAP.fullmatch(body):
        return True  # "wrote 43-year-old Ann Lee"
    if body.endswith(","):
        words = body[:-1].split()
        # "said the town engineer, Ruiz" / "said Greene's business partner, Tom Okafor"
        det = words[0].lower() in ("the", "a", "an") or words[0].endswith("'s") if words else False
        return "," not in body[:-1] and len(words) >= 2 and det
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


def mentions_between(art: Article, p: Paragraph, start: int, end: int) -> list[Mention]:
    # Mentions are in text order: bisect instead of a scan per call (quadratic on long paragraphs).
    mentions = art.cast.mentions.get(p.index, [])
    lo = bisect.bisect_left(mentions, start, key=lambda m: m.start)
    return mentions[lo : bisect.bisect_left(mentions, end, lo, key=lambda m: m.start)]


def merge_split(
    art: Article, p: Paragraph, attrs: Attributions
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
            lo = attrs.first_at(a.outer_end)
            hi = attrs.first_at(b.outer_start, lo)
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


def speaker_after(attrs: Attributions, start: int, end: int) -> Attribution | None:
    i = attrs.first_at(start)
    return attrs[i] if i < len(attrs) and attrs[i].start < end else None


def speaker_before(
    art: Article, p: Paragraph, start: int, quote_start: int
) -> tuple[Attribution, str | None] | None:
    """A subject + speech verb before the quote in its sentence; also the framing predicate."""
    norm = art.norm
    verbs = list(VERB_ANY.finditer(norm, start, quote_start))
    if not verbs:
        return _colon_subject(art, p, start, quote_start)
    found = _speaker_of(art, p, start, quote_start, verbs[-1])
    if found is None and len(verbs) > 1 and not verbs[-1].group(0).endswith("ing"):
        # "Pompeo said that … Washington had concluded the settlements were “…”": the last
        # verb has no named subject of its own; the first one's subject reports it all.
        found = _speaker_of(art, p, start, quote_start, verbs[0])
    return found


def _speaker_of(
    art: Article, p: Paragraph, start: int, quote_start: int, verb: re.Match
) -> tuple[Attribution, str | None] | None:
    """The subject of this speech verb before the quote, and the framing predicate."""
    norm = art.norm
    mentions = mentions_between(art, p, start, verb.start())
    mentions = [m for m in mentions if not m.pronoun or _subject(norm, m)]
    if not mentions:
        return None
    if verb.group(0).endswith("ing"):
        subject = mentions[0]
        intro = norm[start : subject.start].rstrip()
        if (intro and not intro.endswith(",")) or _other_subject(norm, subject, mentions):
            return None  # "After the hearing, Hawk Sawyer issued a statement, saying, …"
        frame_start = subject.end
    else:
        subject = mentions[-1]
        gap = norm[subject.end : verb.start()]
        if gap.strip() and not _SUBJECT_GAP.fullmatch(gap):
            return None
        if len(mentions) > 1 and _paired(norm, mentions[-2], subject):
            return None  # "Berg and Holm agreed: …": both speak; neither alone said it
        frame_start = verb.start()
    conf = 0.85 if subject.pronoun else 0.9
    tail = norm[verb.end() : quote_start]
    frame = None
    # "Cook said, but instead “…”" and "what Bergeron described as the “…”": the words between
    # verb and quote belong to the writer's sentence, not to a predicate the question can keep.
    free_relative = _WHAT_BEFORE.search(norm, max(start, subject.start - 40), subject.start)
    if _COORDINATED_TAIL.match(tail) or free_relative or _POSSESSIVE_END.search(tail):
        pass  # "Prasad said the president's “mercurial temperament …”": a noun, not a claim
    elif re.sub(r"[\s,:]|\bthat\b", "", tail):
        frame = _resolve_frame(art, p, frame_start, quote_start, subject.person)
    return Attribution(subject.start, verb.end(), subject.person, conf), frame


_COORDINATED_TAIL = re.compile(r"\s*,\s*(?:but|and|or|yet|so|which)\b|[^,]*,\s*which\b")
_POSSESSIVE_END = re.compile(r"['’]s?\s*$")
_APPOSITION_FIRST = re.compile(r"^,[^,]*,\s*")
_WHAT_BEFORE = re.compile(r"\bwhat\s+(?:\p{Ll}+\s+){0,3}$")


def _other_subject(norm: str, subject: Mention, mentions: list[Mention]) -> bool:
    """True when someone else named before "saying" may be its subject too: "Ruiz and Berg
    …, saying"; not an object after the subject's verb ("He urged Mr. Trump to …, saying")."""
    others = [m for m in mentions if m.person != subject.person]
    if not others:
        return False
    gap = norm[subject.end : others[0].start].strip()
    return not gap or gap.startswith(("and ", ",", "or ")) or not has_verb(gap)


def _resolve_frame(
    art: Article, p: Paragraph, start: int, end: int, speaker: int | None
) -> str | None:
    """The framing words with other people's pronouns named: "called his death" ->
    "called Epstein's death"; None when a pronoun there has no antecedent."""
    out, pos = [], start
    for m in mentions_between(art, p, start, end):
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
    # "Rask, the mayor of Westport, shot back …": the apposition stays with the name.
    return _APPOSITION_FIRST.sub("", "".join(out).strip())


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
    # "Buckley, who phoned in from the set of “Fargo,” had …:": a title quoted in the clause
    # does not cut it; its head is still the sentence's start.
    start = p.sentences[bisect.bisect_right(p.sentences, start, key=lambda x: x.start) - 1].start
    inside = [(q.start, q.end) for q in p.quotes if start <= q.start < quote_start]
    mentions = [
        m
        for m in mentions_between(art, p, start, quote_start)
        if not any(a <= m.start < b for a, b in inside)
    ]
    if not mentions or not _others_objects(norm, mentions):
        return None
    subject = mentions[0]
    if subject.pronoun:
        return None  # "She sings on behalf of …:" may introduce lyrics, a sign, a letter
    intro = norm[start : subject.start].rstrip()
    if subject.person is None or (intro and not intro.endswith(",")):
        return None
    return Attribution(subject.start, subject.end, subject.person, 0.85), None


# "found one drawback in working with Smith and York:": people after these are not quoted.
_OBJECT_PREP = re.compile(r"\b(?:with|about|against|for)\s+$")  # not "handed it to X:"


def _others_objects(norm: str, mentions: list[Mention]) -> bool:
    """True when everyone named after the clause's first person is a preposition's object
    ("with Smith and York"); "Smith and York agreed:" leaves who is quoted open."""
    first = mentions[0]
    for prev, m in zip(mentions, mentions[1:], strict=False):
        if m.person == first.person:
            continue
        joined = _paired(norm, prev, m) and prev.person != first.person
        if m.pronoun or not (joined or _OBJECT_PREP.search(norm, max(0, m.start - 12), m.start)):
            return False
    return True


def named_next(art: Article, p: Paragraph, si: int, next_quote: int) -> Attribution | None:
    """A quote that is a whole sentence, then "That is how Rosa Delgado described it."."""
    if si + 1 >= len(p.sentences):
        return None
    nxt = p.sentences[si + 1]
    if next_quote < nxt.end or not _NEXT_SENTENCE.match(art.norm, nxt.start, nxt.end):
        return None
    named = [m for m in mentions_between(art, p, nxt.start, nxt.end) if not m.pronoun]
    if len({m.person for m in named}) != 1 or named[0].person is None:
        return None
    if not VERB_ANY.search(art.norm, named[0].end, nxt.end) and not re.search(
        r"\b(?:described|put it|words of)\b", art.norm[nxt.start : nxt.end]
    ):
        return None
    return Attribution(named[0].start, named[0].end, named[0].person, 0.85)
