"""Turning the clause around a figure into a stand-alone question stem."""

from __future__ import annotations

import regex as re

from quizapp.generate.cast import Cast, Mention
from quizapp.generate.lexicon import SPEECH_VERBS, SUBORDINATORS
from quizapp.generate.mentions import DESCRIBED
from quizapp.generate.text import Paragraph, Sentence, sentence_at
from quizapp.generate.verbs import has_verb

_TRAILING = re.compile(
    r",?\"?,?\s+according to\b"
    # "…," says X / "… 2019, she says": after a comma or a quote mark only ("the money that
    # the agency says is essential" is a relative clause, not an attribution).
    r"|(?:,\"?|\"?,|[\"”])\s+(?:says|said|she says|he says|they say|told)\b"
    r"|,\s+(?:\p{Ll}+ing)\b"
    r"|,\s+(?:\p{Ll}[\p{Ll}-]*\s+){0,3}(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?\p{Lu}[\p{L}'-]+"
    r"(?:\s\p{Lu}[\p{L}'-]+){0,2}\s+(?:said|says|added|adds|told|tells|explained|noted|wrote)\b"
    # "…, the state weather agency said." / "…, officials said.": who says so, at the end.
    r"|,[\"”]?\s+(?:[\p{L}'.-]+\s+){1,5}"
    r"(?:said|says|added|reported|announced|noted|warned|continued|stated)"
    r"(?:\s+[^,]{1,40})?\s*$"
    # "…, reports Reuters." / "…, writes the Times.": the source named after its verb.
    r"|,\s+(?:reports|reported|writes|wrote)\s+(?:the\s+)?\p{Lu}[^,]{0,40}$"
)
# "WASHINGTON (AP) — ": a wire dateline opening the first sentence.
DATELINE = re.compile(r"^\p{Lu}[\p{Lu}.,' ]+(?:\([^()]{1,30}\))?\s*[-—–]+\s+")
_LEADING_CONJ = re.compile(r"(?:and|but|so|yet|or|though|although)\s+", re.I)
_PARENS = re.compile(r"\s*\([^()]{0,300}\)")
_PRONOUN_START = re.compile(r"(?:it|they|this|that|these|those|he|she)\b", re.I)
_DO_SO = re.compile(r"\b(?:do|does|did)(?: not| n't)? so\b", re.I)
_SUB_START = re.compile(r"(\p{L}+)\s+")
# Longer "sentences" are lists or tables, not prose: every question would copy and search the
# whole of it, quadratic in its length.
# A clause that says the rest is someone's claim, not the article's statement.
CLAIMED = re.compile(
    r"\b(?:prediction|warning|claim|view|forecast|message|verdict|argument|says?|said|told|warned"
    r"|predicted|argued|believes?|believed|thinks?|thought)\b",
    re.I,
)
MAX_SENTENCE = 1500
_ASKS = re.compile(r"\?\s*$")


def _segment(norm: str, lo: int, hi: int, a: int, b: int) -> tuple[int, int]:
    """The comma-delimited segment of [lo, hi) containing [a, b)."""
    left = norm.rfind(",", lo, a)
    right = norm.find(",", b, hi)
    return (left + 1 if left >= 0 else lo), (right if right >= 0 else hi)


def _strip(norm: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and norm[lo] in " ,;:-":
        lo += 1
    while hi > lo and norm[hi - 1] in " ,;:.!?-":
        hi -= 1
    return lo, hi


def _parenthetical(norm: str, lo: int, hi: int, a: int, b: int) -> tuple[int, int] | None:
    open_at = norm.rfind("(", lo, a)
    if open_at < 0 or ")" in norm[open_at:a]:
        return None
    close_at = norm.find(")", b, hi)
    return (open_at + 1, close_at) if close_at >= 0 else None


def stem(
    text: str, norm: str, p: Paragraph, a: int, b: int, min_words: int = 5, cast: Cast | None = None
) -> tuple[str, str, int, int] | None:
    """(before, after, lo, hi): original text around target [a, b) forming a stand-alone clause.

    With cast, a leading "He"/"She"/"His"/"Her" that the article resolves to one person is
    replaced by that person's name instead of carrying the previous sentence along.
    """
    si = sentence_at(p, a)
    sent = p.sentences[si]
    if sent.end - sent.start > MAX_SENTENCE or _ASKS.search(norm, sent.start, sent.end):
        return None  # the writer's own question ("What would … in 2012 had …?") states no fact
    lo, hi = _strip(norm, sent.start, sent.end)
    lo = _after_lead_in(norm, lo, a)
    paren = _parenthetical(norm, lo, hi, a, b)
    said = (hi, hi)  # the attribution cut from the end ("…, Benioff said"), if any
    if paren:
        lo, hi = paren
    else:
        cut = _TRAILING.search(norm, b, hi)
        if cut:
            said = (cut.start(), cut.end())
            hi = cut.start()
        lo, hi = _subordinate(norm, lo, hi, a, b)
    lo, hi = _strip(norm, lo, hi)
    conj = _LEADING_CONJ.match(norm, lo, a)
    if conj:
        lo = conj.end()
    before, after = text[lo:a], text[b:hi]
    reported = _reported_that(text, norm, cast, p, lo, a) if cast else None
    if reported:
        return reported, after, lo, hi
    named = _antecedent(text, cast, p, lo, a) if cast else None
    if named is None and si > 0 and lo == sent.start:
        prev = p.sentences[si - 1]
        named = _it_antecedent(text, cast, prev, lo, a) or _deal_antecedent(text, prev, lo, a)
    if named is not None:
        before = named
    elif cast and not _needs_context(norm, lo, hi):
        before = _inner_possessive(text, cast, p, (lo, a), said)
    if named is None and _needs_context(norm, lo, hi):
        # "did not do so" / "It was …" need what came before to stand alone.
        if paren:
            return None
        if lo > sent.start:
            before = text[sent.start : a]
        elif si > 0:
            prev = p.sentences[si - 1]
            before = text[prev.start : prev.end] + " " + before
        else:
            return None
    if len((before + " X " + after).split()) < min_words:
        return None
    return before, after, lo, hi


_PERSONAL_START = re.compile(r"(he|she|his|her)\b", re.I)
# "Babin referred to those comments, concluding that …": who reports, then what.
_REPORTING = re.compile(r"[^,]{1,120},\s+(\p{Ll}+)ing\s+that\s+")
_IRREGULAR_PAST = {"say": "said", "tell": "told", "writ": "wrote"}


def _reported_that(text: str, norm: str, cast: Cast, p: Paragraph, lo: int, a: int) -> str | None:
    """ "Babin concluded that the odds …" for "Babin referred to those comments, concluding
    that the odds …": the person opening the sentence and the speech verb's past tense, without
    the first clause (whose "those comments" the question could not explain)."""
    first = next((m for m in cast.mentions.get(p.index, []) if m.start >= lo), None)
    if first is None or first.start != lo or first.pronoun or first.person is None:
        return None
    m = _REPORTING.match(norm, first.end, a)
    if m is None:
        return None
    past = speech_past(m.group(1))
    if past is None:
        return None
    return f"{cast.people[first.person].name} {past} that {text[m.end() : a]}"


def speech_past(stem: str) -> str | None:
    """The past tense of the speech verb whose "-ing" form is stem + "ing" ("conclud" ->
    "concluded", "boast" -> "boasted"); None when stem is no speech verb."""
    return _IRREGULAR_PAST.get(stem) or next(
        (v for v in (stem + "ed", stem + "d") if v in SPEECH_VERBS), None
    )


def _antecedent(text: str, cast: Cast, p: Paragraph, lo: int, a: int) -> str | None:
    """before with its leading personal pronoun replaced by the person it resolves to."""
    m = _PERSONAL_START.match(text, lo, a)
    if not m:
        return _described_antecedent(text, cast, p, lo, a)
    for mention in cast.mentions.get(p.index, []):
        if mention.start == lo and mention.person is not None and mention.pronoun:
            if _rivalled(cast, p, mention, lo):
                return None
            name = cast.people[mention.person].name
            word = m.group(1).lower()
            # "Her 1965 single": a sentence never opens with the object "her".
            if word == "his" or (
                word == "her"
                and (lo == _sentence_start(p, lo) or _HER_POSSESSIVE.match(text, m.end(), a))
            ):
                name += "’s"
            return name + text[m.end() : a]
    return None


_INNER_POSSESSIVE = re.compile(r"\b(?:his|her)\b")
# "told her in 2019", "asked her to …": "her" before anything but a noun's words is an object.
_HER_OBJECT = re.compile(
    r"(?:\s*$|\s*[,.;:]|\s+(?:to|in|on|at|for|with|from|by|about|as|and|but|or|a|an|the|that"
    r"|up|out|off|down|back|again|since|until|after|before)\b)"
)


def _inner_possessive(
    text: str, cast: Cast, p: Paragraph, span: tuple[int, int], said: tuple[int, int]
) -> str:
    """text[span] with its first "his"/"her" named when nobody is named before it in the stem.

    An unresolved one is the speaker's when the stem's attribution was cut ("Apple has had a
    place in his heart since …, Benioff said": whose heart the question must say).
    """
    lo, a = span
    m = _INNER_POSSESSIVE.search(text, lo, a)
    if m is None or (m.group(0) == "her" and _HER_OBJECT.match(text, m.end(), a)):
        return text[lo:a]  # "told her" is an object, not a possessive
    mentions = cast.mentions.get(p.index, [])
    if any(lo <= x.start < m.start() and not x.pronoun for x in mentions):
        return text[lo:a]  # a name before it: the question already says who
    mention = next((x for x in mentions if x.start == m.start() and x.pronoun), None)
    if mention is None or (mention.person is not None and _rivalled(cast, p, mention, lo)):
        return text[lo:a]
    person = mention.person
    if person is None:
        speakers = [x for x in mentions if said[0] <= x.start < said[1] and not x.pronoun]
        person = speakers[0].person if len(speakers) == 1 else None
    if person is None:
        return text[lo:a]
    return text[lo : m.start()] + cast.people[person].name + "’s" + text[m.end() : a]


# "It first appeared", "It was founded": "it" that refers back (not "It was in 2014 that …",
# "It took three years", "It is expected …").
_IT_REFERS = re.compile(
    r"It\s+(?:(?:first|later|then|also|originally|soon)\s+)?(?:\p{Ll}+ed\b|(?:was|is)\s+\p{Ll}+ed\b)"
)
# The sentence before opens with a named thing: "The Rukban camp, also known as …, is …".
_NAMED_THING = re.compile(
    r"(?:The\s+)?\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,2}(?:\s+\p{Ll}+)?"
    r"(?=,|\s+(?:is|was|has|had)\b|\s+\p{Ll}+(?:s|ed)\b)"
)


def _it_antecedent(text: str, cast: Cast | None, prev: Sentence, lo: int, a: int) -> str | None:
    """before with a referring "It" replaced by the named thing the sentence before opens
    with ("The Rukban camp … is located near the border. It first appeared in 2014")."""
    if not _IT_REFERS.match(text, lo, a):
        return None
    m = _NAMED_THING.match(text, prev.start, prev.end)
    if m is None or m.group(0).strip().split()[0] in ("It", "He", "She", "They", "This"):
        return None
    thing = m.group(0).strip()
    if cast and any(name in thing for person in cast.people for name in person.aliases()):
        return None  # a person is never "it"
    return thing + text[lo + 2 : a]


# Nouns naming a deal: "Ruiz's purchase of …", "That deal", "the sale of … for $5 million".
DEAL_NOUNS = r"(?:purchase|sale|acquisition|merger|takeover|buyout|deal)"
_DEAL_START = re.compile(
    rf"(?:That|This|The)\s+(?:{DEAL_NOUNS}|transaction|agreement)\s+"
    r"(?=(?:was|is|were|had|has|closed|\p{Ll}+ed)\b)"  # not "The sale price"
)
# "… with the proceeds of Dr. Ana Ruiz's purchase of The Courier for $50 million.": the deal.
_DEAL = re.compile(
    r"(?:(?:Dr|Mr|Mrs|Ms)\.\s+)?(?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}-]*['’]s\s+"
    rf"{DEAL_NOUNS}\s+(?:of|with)\s+[^,;:()“”\"]{{3,120}}?"
    r"(?=[,;:.]?\s*$)"
)


def _deal_antecedent(text: str, prev: Sentence, lo: int, a: int) -> str | None:
    """before with "That deal" replaced by the deal the sentence before ends with ("… Ana
    Ruiz's purchase of The Courier for $50 million. That deal closed in June 2018")."""
    m = _DEAL_START.match(text, lo, a)
    found = _DEAL.search(text, prev.start, prev.end) if m else None
    if m is None or found is None:
        return None
    return found.group(0) + " " + text[m.end() : a]


def _described_antecedent(text: str, cast: Cast, p: Paragraph, lo: int, a: int) -> str | None:
    """before with "The governor" (said …) replaced by the one person the article's reading
    resolved it to: the question names who, as the sentence's paragraph made plain."""
    for mention in cast.mentions.get(p.index, []):
        if mention.start == lo and mention.pronoun == DESCRIBED and mention.person is not None:
            if mention.end > a:
                return None
            return cast.people[mention.person].name + text[mention.end : a]
    return None


def _sentence_start(p: Paragraph, pos: int) -> int:
    return p.sentences[sentence_at(p, pos)].start


def _rivalled(cast: Cast, p: Paragraph, mention: Mention, lo: int) -> bool:
    """True when the pronoun was resolved from outside its paragraph while the article's main
    person (most named) has its gender: "Her 1965 single" after a paragraph quoting her
    producer is the singer's, not the producer's."""
    own = [m for m in cast.mentions.get(p.index, []) if m.start < lo and not m.pronoun]
    if any(m.person == mention.person for m in own):
        return False
    main = max(range(len(cast.people)), key=lambda i: cast.people[i].mentions, default=None)
    if main is None or main == mention.person:
        return False
    return cast.people[main].gender in (None, mention.pronoun)


_HER_POSSESSIVE = re.compile(r"\s+\p{L}+\s+(?:said|says|was|is|has|had|\p{Ll}+ed)\b")


def _needs_context(norm: str, lo: int, hi: int) -> bool:
    """True when the stem starts with a pronoun or says "did so" with nothing before it."""
    if _PRONOUN_START.match(norm, lo, hi):
        return True
    do_so = _DO_SO.search(norm, lo, hi)
    return do_so is not None and "," not in norm[lo : do_so.start()]


def _after_lead_in(norm: str, lo: int, a: int) -> int:
    """Where the sentence starts once a clause before a colon is dropped ("There's a reason
    for this: Although …"): the fact sits after the colon. A title ("Star Wars: The …") has
    no verb before its colon and stays."""
    colon = norm.rfind(": ", lo, a)
    if colon < 0 or not norm[colon + 2 : colon + 3].isupper() or not has_verb(norm[lo:colon]):
        return lo
    if CLAIMED.search(norm, lo, colon):
        return lo  # "Critics have a blunt prediction: The plan will …" is theirs, not a fact
    rest = norm[colon + 2 : a]
    return colon + 2 if '"' not in rest and len(rest.split()) >= 3 else lo


def _subordinate(norm: str, lo: int, hi: int, a: int, b: int) -> tuple[int, int]:
    """If the target sits in a "when/while … ," clause, keep just that clause."""
    s_lo, s_hi = _segment(norm, lo, hi, a, b)
    s_lo, s_hi = _strip(norm, s_lo, s_hi)
    m = _SUB_START.match(norm, s_lo, a)
    if not m or m.group(1).lower() not in SUBORDINATORS:
        return lo, hi
    inner = norm[m.end() : s_hi]
    if len(inner.split()) < 4 or m.end() == a or not has_verb(inner):
        return lo, hi
    return m.end(), s_hi


def drop_parens(s: str) -> str:
    """s without parenthetical asides ("(though …)", "(see …)")."""
    return _PARENS.sub("", s)


def question(before: str, replacement: str, after: str) -> str:
    """Join the stem around the replacement into a question ending in "?"."""
    before, after = _PARENS.sub("", before), _PARENS.sub("", after)
    body = f"{before}{replacement}{after}"
    body = " ".join(body.split()).rstrip(" ,;:.")
    body = DATELINE.sub("", body)
    if body.count("“") > body.count("”"):
        body += "”"
    if body.count('"') % 2:
        body += '"'
    return body[:1].upper() + body[1:] + "?"
