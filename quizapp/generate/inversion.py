"""A clause turned into a wh-question: its finite verb found, then inversion or do-support."""

from __future__ import annotations

import regex as re

from quizapp.generate.lexicon import SUBORDINATORS
from quizapp.generate.verbs import AUXILIARIES, PAST_TO_BASE, base_of_past, base_of_present

_SPACE_BEFORE_MARK = re.compile(r"\s+([,;:])")
PREPS = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "before",
        "after",
        "by",
        "during",
        "from",
        "around",
        "through",
        "throughout",
        "at",
        "on",
        "of",
        "for",
        "with",
        "to",
        "between",
        "among",
        "over",
        "under",
    ]
)
# Words that make the number part of a noun phrase ("the 2019 election", "a $5 budget").
DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "this",
        "that",
        "these",
        "those",
        "every",
        "each",
        "some",
        "any",
        "no",
        "another",
    ]
)
_LOWER_FIRST = DETERMINERS | frozenset(
    [
        "many",
        "most",
        "all",
        "both",
        "nearly",
        "about",
        "more",
        "fewer",
        "almost",
        "only",
        "several",
        "few",
    ]
)
_PREPOSITIONS = frozenset(
    ["in", "at", "on", "by", "for", "with", "after", "before", "during", "since", "from", "under"]
)
# Subordinators that are no preposition: a verb after one belongs to its clause.
_CLAUSE_OPENERS = SUBORDINATORS - {"after", "before", "since", "until"}
_PRONOUNS = frozenset(
    ["he", "she", "it", "they", "we", "i", "you", "this", "these", "those", "that", "there", "one"]
)
_SPEECH = re.compile(
    r"\b(?:said|says|told|announced|reported|added|noted|stated|estimated|wrote|argued"
    r"|claimed|predicted|explained|confirmed|believes|believed|thinks|thought)\b"
)
_ADVERBS = frozenset(
    ["only", "also", "already", "just", "never", "not", "still", "long", "since", "now", "even"]
)
# Verbs of change take "by" for an amount, not an agent: "grew by 35%".
_CHANGE_VERBS = frozenset(
    [
        "grew",
        "rose",
        "fell",
        "increased",
        "decreased",
        "dropped",
        "declined",
        "jumped",
        "climbed",
        "gained",
        "slipped",
        "plunged",
        "soared",
        "surged",
        "shrank",
        "tumbled",
    ]
)
_FUNCTION_END = frozenset(
    [
        "than",
        "of",
        "the",
        "a",
        "an",
        "to",
        "and",
        "or",
        "but",
        "by",
        "for",
        "with",
        "in",
        "on",
        "at",
        "as",
    ]
)


def _words(s: str) -> list[str]:
    return s.split()


def _lower_first(s: str) -> str:
    first = s.split(" ", 1)[0]
    return s[:1].lower() + s[1:] if first.lower() in _LOWER_FIRST else s


def upper_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def finite(words: list[str]) -> tuple[int, str, str] | None:
    """(index, kind, base) of the finite verb ending the subject: kind is "aux" or "do"."""
    for i, w in enumerate(words):
        low = w.lower()
        if low.endswith((",", ";", ":")) or low in ("who", "which", "whose", "where", "when"):
            return None  # a comma or a relative clause: the subject is not simple
        if i == 0:
            continue
        prev = words[i - 1].lower()
        if prev in DETERMINERS or prev in ("to", "be", "been", "being") or prev.endswith("'s"):
            continue
        j = i + 1
        while j < len(words) and (words[j].lower() in _ADVERBS or words[j].lower().endswith("ly")):
            j += 1
        nxt = words[j].lower() if j < len(words) else ""
        if low in AUXILIARIES:
            if low in ("has", "have", "had") and not participle(nxt):
                return i, "do", "have"
            return i, "aux", low
        if low.endswith(("n't", "n’t")):
            return None  # negated: "didn't discover" makes a trick question
        if low in PAST_TO_BASE or (low.endswith("ed") and w[:1].islower()):
            by_agent = nxt == "by" and low not in _CHANGE_VERBS  # "a group led by X found"
            if nxt in AUXILIARIES or nxt in PAST_TO_BASE or by_agent:
                continue  # "the people displaced rose": a participle, not the verb
            base = base_of_past(low)
            return (i, "do", base) if base else None
        base = base_of_present(low)
        if base:
            return i, "does", base
    return None


def participle(w: str) -> bool:
    return w == "been" or w.endswith(("ed", "en")) or w in PAST_TO_BASE


# Words between a perfect verb and its "since" phrase beyond which the phrase may qualify a noun.
_NEAR_VERB = 6
_TIME_IN_SUBJECT = re.compile(r"\b(?:last|this|next)\s+(?:year|month|week|season)\b", re.I)


# A lone capitalised subject with a common noun's ending: "Unemployment", "Inflation", "Attendance".
_COMMON_NOUN = re.compile(r"\p{Lu}\p{Ll}+(?:ment|tion|sion|ness|ity|ance|ence|ism|ship|age)")


def _capitalised_common(subject: str) -> bool:
    """True when subject opens with a capitalised word that only the sentence start made so
    ("New vehicle sales", "Truck and SUV sales"): moved mid-question it would keep its capital.
    Names of places, people and firms can't be told from such words, so both give a cloze."""
    words = subject.split()
    if not words or words[0].lower() in _LOWER_FIRST:
        return False
    first = words[0]
    if not first[:1].isupper() or first.isupper() or first.endswith(("'s", "’s")):
        return False
    if len(words) == 1:
        return False  # "Marsh spoke": most often a name (see _common_noun for the others)
    second = words[1]
    return second[:1].islower() and second.lower() not in ("of", "de", "van", "von")


def front(subject_part: str, wh: str, rest: str, tail: str = "") -> str | None:
    """ "In what year" + clause with its wh-phrase removed -> an inverted question.

    subject_part is the clause up to the removed phrase ("The council approved the plan"),
    rest what follows it, tail adverbials moved from the front to the end.
    """
    words = _words(subject_part)
    found = finite(words)
    if found is None:
        return None
    i, kind, verb = found
    subject = " ".join(words[:i])
    if not subject or len(words[:i]) > 14 or subject.split()[0].lower() in _PRONOUNS:
        return None
    if any(c in subject for c in '"“”;:()') or words[i - 1].lower() in _FUNCTION_END:
        return None
    if subject.split()[0].lower() in _PREPOSITIONS:
        return None  # "In his previous physical conducted in …": no subject before the verb
    if any(w.lower() in _CLAUSE_OPENERS for w in words[1:i]):
        return None  # "The report comes as lawmakers are debating …": that verb is the as-clause's
    if "that" in (w.lower() for w in words[:i]):
        return None  # "the office projects that tariffs will …": the verb is the clause's
    if _SPEECH.search(" ".join(words[: i + 1])):
        return None  # "X said that …": the fact sits in a reported clause
    after_verb = words[i + 1 :]
    if after_verb and after_verb[0].lower() in ("not", "never", "n't", "no"):
        return None  # a negated question reads as a trick
    if wh.lower().startswith("since") and not (kind == "aux" and verb in ("has", "have", "had")):
        return None  # "since" goes with a perfect: otherwise it may belong to a noun
    if wh.lower().startswith("since") and len(after_verb) > _NEAR_VERB:
        return None  # "has cited a study showing … the lowest increases since 2002": the noun's
    if wh.lower().startswith("in what") and kind == "aux" and verb in ("has", "have", "is", "are"):
        # "have dropped an inquiry into claims made in 2010", "is seeking his extradition over
        # leaks in 2010": a present perfect or progressive takes no past year, a noun does.
        return None
    if _TIME_IN_SUBJECT.search(subject):
        return None  # "Dealers last year sold …": an adverbial, not part of the subject
    if _capitalised_common(subject):
        return None  # "Local auto dealers sold": the capital was the sentence's, not a name's
    body = " ".join(after_verb + _words(rest) + _words(tail))
    subject = _lower_first(subject)
    if _COMMON_NOUN.fullmatch(subject):
        subject = subject.lower()  # "Unemployment fell": the sentence's capital, not a name's
    if kind == "aux":
        q = f"{wh} {verb} {subject} {body}"
    else:
        aux = {"has": "does", "have": "do"}.get(words[i].lower(), "did" if kind == "do" else "does")
        q = f"{wh} {aux} {subject} {verb} {body}"
    return finish(q)


def finish(q: str) -> str | None:
    q = " ".join(q.split()).rstrip(" ,;:.")
    q = _SPACE_BEFORE_MARK.sub(r"\1", q)
    if q.count("“") > q.count("”"):
        q += "”"
    if q.count('"') % 2:
        q += '"'
    return upper_first(q) + "?"


def verb_end(part: str) -> int:
    """Index just past the finite verb group of part ("the bill would hire" -> 4)."""
    words = part.split()
    found = finite(words)
    if not found:
        return 0
    i = found[0] + 1
    while i < len(words) and (
        words[i].lower() in ("not", "also", "still")
        or participle(words[i].lower())
        or words[i - 1].lower() in AUXILIARIES
    ):
        i += 1
    return i
