"""The linter's rules: each reads one draft and returns "CODE: reason" or None."""

from __future__ import annotations

import functools
from collections.abc import Callable

import regex as re

from quizapp.generate.cloze import BLANK, LEAD, is_cloze
from quizapp.generate.cloze_trim import words_of
from quizapp.generate.types import DraftQuestion
from quizapp.generate.verbs import has_verb

MAX_WORDS = 30
MIN_QUOTE_WORDS = 5
_WH = (
    r"(?:how\s+(?:much|many|long|old|far)|what\s+(?:year|percentage|period|share)"
    r"|which\s+(?:year|years|decade|period))"
)
_WH_RE = re.compile(rf"\b{_WH}\b", re.I)
# A determiner or quantifier in front of the question word: "the how much Prize", "all how many".
_AFTER_DET = re.compile(
    rf"\b(?:the|a|an|all|its|their|his|her|our|this|that|these|those|every|each|early|late|mid)"
    rf"[\s-]+{_WH}\b",
    re.I,
)
_WH_AND = re.compile(rf"\b{_WH}\s+(?:and|or|to)\s+\d", re.I)
_WH_BEFORE_NOUN = re.compile(rf"\b{_WH}'s\b", re.I)
# "In what year, the council approved …": a fronted wh-phrase followed by a comma.
_WH_THEN_COMMA = re.compile(rf"^(?:\p{{L}}+\s+){{0,4}}{_WH}(?:\s+\p{{L}}+){{0,3}},\s+\p{{L}}", re.I)
_CONNECTIVE = re.compile(
    r"^(?:however|yet|but|and|so|still|also|instead|meanwhile|moreover|furthermore|nevertheless"
    r"|nonetheless|indeed|besides|thus|hence|then|for (?:instance|example)|in addition"
    r"|even so|in fact|of course|after all|by contrast|in contrast|similarly|likewise)\b",
    re.I,
)
_MID_CONNECTIVE = re.compile(r",\s+(?:though|however|too|then|of course|for example),", re.I)
_PRONOUN_START = re.compile(
    r"^(?:he|she|it|they|him|her|his|hers|its|their|them|this|these|those|that|such)\b"
    # "Just over half were female": half of whom?
    r"|^(?:just\s+)?(?:over\s+|under\s+|about\s+|nearly\s+)?(?:half|most|many|others)\s+"
    r"(?:were|was|are|is|had|have|said)\b",
    re.I,
)
# "In what year did it …": the inverted subject is a pronoun.
_PRONOUN_SUBJECT = re.compile(
    r"^(?:[\p{L}-]+\s+){1,6}?(?:was|were|did|does|do|is|are|has|have|had|could|would|will)"
    r"\s+\K(?:he|she|it|they|its|his|her|their)\b",
    re.I,
)
_CAPITALISED = re.compile(r"\b\p{Lu}[\p{L}'’-]*")
_CALENDAR = frozenset(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September"]
    + ["October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday"]
    + ["Friday", "Saturday", "Sunday"]
)
_FRONTED_PRONOUN = re.compile(r"^[^,“”\"]{1,80},\s+\K(?:he|she|it|they)\b(?=\s+\p{Ll})")
# A name or "the governor said" before a he/she: something the pronoun can refer to.
_ANTECEDENT = re.compile(
    r"(?<!^)\b\p{Lu}|^(?!(?:The|A|An|This|That|These|Those|In|On|At|By|For|With|After|Before"
    r"|When|While|Since|During|As|It|Its|How|What|Which|Who|Whom|Whose|Why|Where|Did|Does|Do"
    r"|Is|Was|Were|Are|Has|Had|Have)\b)\p{Lu}|\b(?i:the)\s+\p{Ll}+\s+(?:said|says|told)\b"
)
_PERSONAL = re.compile(r"\b(?:he|she|him|her|his)\b", re.I)
# A stem that opens with a bare description the article names elsewhere: "The company also
# reported …", "The Portuguese boss had been out of work …" (named ones are replaced earlier).
_DESCRIPTION_START = re.compile(
    r"^the\s+(?:\p{Lu}\p{Ll}+\s+)?(?:company|firm|service|offer|deal|changes?|campaign|agency"
    r"|group|state|study|report|move|decision|boss|governor|previous\s+\p{Ll}+)\b",
    re.I,
)
_DEMONSTRATIVE = re.compile(r"\b(?:these|those|such)\s+\p{Ll}+", re.I)
_DEFINITE = re.compile(
    r"\b(?i:the)\s+(?:company|firm|state|city|agency|group|organi[sz]ation|team|club|department"
    r"|ministry|university|school|board|committee|country|province|region|project|plan|bill"
    r"|program|programme|study|report|move|decision|deal|man|woman|player|official|order|rules"
    r"|data|problem|changes)\b"
    # Only a whole noun phrase: "the state budget" names a budget, "the agency didn't" an agency.
    r"(?=[,.;:?'’]|\s+(?:also|has|had|have|is|was|were|are|will|would|said|says|of(?!\s+\p{Lu})"
    r"|in|on|at|to|for|with|by|from|that|which|who|\p{Ll}+ed|\p{Ll}+n[’']t)\b|$)"
    r"(?!\s+of\s+\p{Lu})",
)
# "In what year did the company …": an inverted subject is a whole noun phrase.
_INVERTED_DEFINITE = re.compile(
    r"\b(?:did|does|do|was|were|is|are|has|have|had|could|would|will)\s+\Kthe\s+(?:company|firm"
    r"|state|city|agency|group|team|club|department|ministry|board|committee|country|province"
    r"|project|plan|bill|program|programme|study|report|man|woman|player|official|order|data"
    r"|rules)\b"
)
_ATTRIBUTION_END = re.compile(
    r",?\s+(?:he|she|they|it|\p{Lu}[\p{L}'-]+)\s+(?:said|says|added|adds|noted|told\s+\p{L}+)\s*[?.]$"
)
_XREF = re.compile(
    r"\(\s*see\b|\bsee\s+(?:also\s+)?\p{Lu}[^?]*,\s*\d{4}|\b(?:figure|fig\.|table|chart|page|p\.)"
    r"\s+\d|\bet al\b|\bibid\b",
    re.I,
)
_GENERAL = re.compile(r"\b\d+\s+(?:out\s+)?of\s+(?:how many|what number)\b", re.I)
_CUT_END = re.compile(
    r"(?:\b\p{Lu}|\b(?:v|vs|No|St|Mr|Mrs|Ms|Dr|Jr|Sr|Inc|Co|Corp|Ltd|Gov|Sen|Rep|Gen|Lt|Col|Capt)"
    r"|\b(?:\p{Lu}\.)+\p{Lu})\s*\?$"
)
_SAID_THAT = re.compile(r"\b(?:said|says|say|added|reported|argued|warned)\s+that\s+", re.I)
_OPENER = re.compile(
    r"(?:To\s+\p{Ll}+|Although|Though|If|When|While|Because|Unless|Whether|Despite)\b"
)
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|us|[Oo]urs?|[Mm]y|me|[Yy]ou|[Yy]our)\b")
_LAST_WORD = re.compile(r"[\p{L}\d]+$")
_WORDS = re.compile(r"\w+")
QUOTE_SPLIT = re.compile(r"([\"“][^\"“”]*[\"”])")
_QUOTED = re.compile(r"[\"“”][^\"“”]*[\"“”]|‘[^‘’]*’")


def body_of(q: DraftQuestion) -> str:
    return q.prompt[len(LEAD) :] if is_cloze(q.prompt) else q.prompt


def _outside_quotes(s: str) -> str:
    return _QUOTED.sub(" ", s)


Rule = Callable[[DraftQuestion], "str | None"]


def wh_insert(q: DraftQuestion) -> str | None:
    """A question word inside a noun phrase or a list ("the how much Prize", "what year and")."""
    body = _outside_quotes(body_of(q))
    m = _AFTER_DET.search(body) or _WH_AND.search(body) or _WH_BEFORE_NOUN.search(body)
    return f"WH_INSERT: '{m.group(0)}' puts the question word inside a phrase" if m else None


def wh_comma(q: DraftQuestion) -> str | None:
    """A fronted question word left uninverted, or one inside a comma clause."""
    body = _outside_quotes(body_of(q))
    if _WH_THEN_COMMA.search(body):
        return "WH_COMMA: the question word is followed by a comma and no inversion"
    m = _WH_RE.search(body)
    if m and m.start() > 0:
        left, right = body[: m.start()], body[m.end() :]
        if left.rstrip().endswith(",") or ("," in left and "," in right and right.strip() != "?"):
            return f"WH_COMMA: '{m.group(0)}' sits in a comma clause"
    return None


def wh_buried(q: DraftQuestion) -> str | None:
    """A question word left in the middle of a statement, neither fronted nor at its end."""
    if is_cloze(q.prompt) or q.kind in ("who_said", "who_is"):
        return None
    body = _outside_quotes(q.prompt)
    m = _WH_RE.search(body)
    if not m or ("," not in body[: m.start()] and len(body[: m.start()].split()) <= 5):
        return None  # fronted: "By the end of what year …"
    words_after = len(body[m.end() :].split())
    return f"WH_BURIED: '{m.group(0)}' is buried mid-sentence" if words_after >= 3 else None


def dangling_connective(q: DraftQuestion) -> str | None:
    """A leading "However,", "Yet", "For instance," or a mid-sentence ", though,"."""
    body = body_of(q).lstrip("“\"' ")
    if q.kind == "who_said":
        body = _outside_quotes(body).strip()
    m = _CONNECTIVE.match(body) or _MID_CONNECTIVE.search(_outside_quotes(body))
    return f"DANGLING_CONNECTIVE: '{m.group(0).strip(' ,')}' refers to earlier text" if m else None


def unresolved_start(q: DraftQuestion) -> str | None:
    """A stem opening with a pronoun or a demonstrative that has no antecedent."""
    if q.kind in ("who_said", "who_is"):
        return None
    body = body_of(q)
    m = _PRONOUN_START.match(body) or _PRONOUN_SUBJECT.match(body) or _DESCRIPTION_START.match(body)
    if m is None:
        # "Since January _____, it has not talked of …": the clause's subject after a fronted
        # phrase, with no name in that phrase to point at.
        m = _FRONTED_PRONOUN.match(body)
        named = m and any(w not in _CALENDAR for w in _CAPITALISED.findall(body, 1, m.start()))
        m = None if named else m
    return f"UNRESOLVED_REF: '{m.group(0)}' has no antecedent in the question" if m else None


def leftover_attribution(q: DraftQuestion) -> str | None:
    """ "…, he said?": attribution copied from the article into a question."""
    if q.kind == "who_said":
        return None
    m = _ATTRIBUTION_END.search(_outside_quotes(body_of(q)).rstrip())
    return f"UNRESOLVED_REF: leftover attribution '{m.group(0).strip(' ,?.')}'" if m else None


def truncation(q: DraftQuestion) -> str | None:
    """Text cut at an abbreviation, an initial or inside a number ("Smith v?", "had 2?")."""
    if _CUT_END.search(q.prompt):
        return f"TRUNCATION: the question ends with '{q.prompt[-6:]}'"
    body = body_of(q).rstrip("?. ")
    last = _LAST_WORD.search(body)
    if last and last.group(0) in q.source:
        tail = rf"(?<![\w,.]){re.escape(last.group(0))}"
        if compiled(rf"{tail}(?:[.,]\d|\.\p{{Lu}}\.)").search(q.source) and not compiled(
            rf"{tail}(?![\w]|[.,]\d|\.\p{{Lu}}\.)"
        ).search(q.source):
            return f"TRUNCATION: '{last.group(0)}' is cut from a longer form in the article"
    if q.prompt.count('"') % 2 or q.prompt.count("“") != q.prompt.count("”"):
        return "TRUNCATION: a quotation mark is left open"
    return None


def fragment(q: DraftQuestion) -> str | None:
    """A year, figure or ranking stem without a verb: a noun-phrase fragment."""
    if q.kind in ("who_said", "who_is"):
        return None
    body = body_of(q)
    if not has_verb(body):
        return "TRUNCATION: no verb: the stem is a noun-phrase fragment"
    # "The doctors said that based on an estimated _____ children in custody.": the reported
    # clause lost its verb.
    said = _SAID_THAT.search(body)
    if said and not has_verb(body[said.end() :]):
        return "TRUNCATION: a reported clause without its verb"
    # "To win Ohio, which holds the first primary of _____.": the main clause was cut.
    segments = body.rstrip(" .?").split(", ")
    if _OPENER.match(body) and len(segments) == 1 and is_cloze(q.prompt):
        # "Despite issues that have pushed back its launch to late _____.": no main clause.
        return "TRUNCATION: a subordinate clause without its main clause"
    if _OPENER.match(body) and len(segments) > 1:
        main = [s for s in segments[1:] if not s.startswith(("which ", "who ", "where "))]
        if not any(has_verb(s) for s in main):
            return "TRUNCATION: a subordinate clause without its main clause"
    return None


# "Fill in the blank: Lewis Ward said: “_____ will be …”": whose words they are is given.
_CREDITED = re.compile(rf"{re.escape(LEAD)}[^“”\"]+ (?:said|asked): “")


def inside_quotation(q: DraftQuestion) -> str | None:
    """A year or figure asked from inside a quotation: whose words, and "they" who?"""
    if q.kind in ("who_said", "who_is"):
        return None
    body = body_of(q)
    wh = None if is_cloze(q.prompt) else _WH_RE.search(body)
    at = body.find(BLANK) if is_cloze(q.prompt) else (wh.start() if wh else len(body))
    left = body[:at]
    credited = _CREDITED.match(q.prompt) and left.count("“") == 1 and "”" not in left
    if not credited and (left.count("“") > left.count("”") or left.count('"') % 2):
        return "GEN_QUOTE: the fact sits inside a quotation"
    # Someone's own words asked without their marks (a quoted sentence, a tweet): "our
    # company", "we have started …" — whose?
    if _FIRST_PERSON.search(_outside_quotes(body)):
        return "GEN_QUOTE: the fact sits inside a quotation in the speaker's own words"
    return None


def short_quote(q: DraftQuestion) -> str | None:
    """A who-said quote too short to attribute without context."""
    if q.kind != "who_said":
        return None
    quotes = _QUOTED.findall(q.prompt)
    if not quotes:
        return None
    words = max(len(_WORDS.findall(x)) for x in quotes)
    # "Who said Apple was “pulled into the enterprise”?": the writer's frame makes four words
    # a claim of their own.
    framed = not q.prompt.startswith(("Who said “", 'Who said "'))
    least = MIN_QUOTE_WORDS - 1 if framed else MIN_QUOTE_WORDS
    return f"GEN_QUOTE: the quote has only {words} words" if words < least else None


def too_long(q: DraftQuestion) -> str | None:
    """More than MAX_WORDS words outside any quotation."""
    n = words_of(_outside_quotes(body_of(q)) if q.kind == "who_said" else body_of(q))
    return f"TOO_LONG: the question has {n} words" if n > MAX_WORDS else None


def xref(q: DraftQuestion) -> str | None:
    """Cross-references, figures and general knowledge rather than the article's fact."""
    body = _outside_quotes(body_of(q))
    m = _XREF.search(body)
    if m:
        return f"XREF_TRIVIA: '{m.group(0).strip()}' is a cross-reference"
    m = _GENERAL.search(body)
    return f"XREF_TRIVIA: '{m.group(0)}' asks general knowledge" if m else None


def unresolved_inside(q: DraftQuestion) -> list[str]:
    """Pronouns and bare definite descriptions later in the stem: doubtful, not always wrong."""
    if q.kind in ("who_said", "who_is"):
        return []
    body = _outside_quotes(body_of(q))
    out = []
    m = _PERSONAL.search(body)
    if m and not _ANTECEDENT.search(body[: m.start()]):
        out.append(f"UNRESOLVED_REF: '{m.group(0)}' has no antecedent in the question")
    m = _DEMONSTRATIVE.search(body)
    if not m:
        m = _DEFINITE.search(body) or _INVERTED_DEFINITE.search(body)
        # "NASA … the agency", "Indiana as the state": a name before it may be what it means
        m = None if m and _ANTECEDENT.search(body[: m.start()]) else m
    if m and not out:
        out.append(f"UNRESOLVED_REF: '{m.group(0)}' has no antecedent in the question")
    return out


@functools.lru_cache(maxsize=1024)
def compiled(pattern: str, flags: int = 0) -> re.Pattern:
    """A compiled pattern built from a draft's words (compiled once per distinct pattern)."""
    return re.compile(pattern, flags)
