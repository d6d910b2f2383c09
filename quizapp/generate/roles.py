"""A person's role from the words around their name: a title before it, an apposition after it."""

from __future__ import annotations

import regex as re

from quizapp.generate.lexicon import (
    ADDRESS_TITLES,
    FUNCTION_WORDS,
    HONORIFICS,
    NON_NAME_STARTS,
    ORG_WORDS,
    SPEECH_VERBS,
    TITLE_ABBREVIATION_WORDS,
    TITLE_WORDS,
    is_person_noun,
)
from quizapp.generate.places import is_place
from quizapp.generate.verbs import base_of_past

_OPEN_ACRONYM = re.compile(r"\p{Lu}(?:\.\p{Lu})+")


def role_from_prefix(prefix: str) -> str | None:
    """The title before a name ("Canadian Prime Minister", "Sen." -> "Senator"), if any."""
    toks = prefix.split()
    while toks and toks[0].lower() in NON_NAME_STARTS:
        toks = toks[1:]
    toks = [TITLE_ABBREVIATION_WORDS.get(t.lower().rstrip("."), t) for t in toks]
    toks = [f"{t}." if _OPEN_ACRONYM.fullmatch(t) else t for t in toks]  # "U.S" -> "U.S."
    has_title = any(
        (t.lower() in TITLE_WORDS or is_person_noun(t))
        and t.lower() not in ("former", "acting", "then", "first")
        for t in toks
    )
    if not has_title or any(t.rstrip(".").lower() in HONORIFICS for t in toks):
        return None
    return " ".join(toks)


def is_common_title(role: str) -> bool:
    """True when every word of role is a common title word ("Mayor", "Chief Executive")."""
    return all(t.lower() in TITLE_WORDS or is_person_noun(t) for t in role.split())


def title_role(prefix_role: str, org: str | None, apposition: str | None) -> str:
    """A role built from a title: "Mayor" -> "the mayor"; "Chief Executive" + "of Acme"."""
    if org:
        if " " not in prefix_role and prefix_role.lower() not in TITLE_WORDS:
            prefix_role = f"the {prefix_role.lower()}"  # "Analyst Reyes of X": the analyst of X
        prefix_role = f"{prefix_role} {org}"
    elif is_common_title(prefix_role) and (not apposition or apposition.startswith("someone ")):
        # "Economist Lena Storm, who …" opens a sentence: "the economist who …".
        job = " " not in prefix_role and prefix_role.lower() not in TITLE_WORDS
        prefix_role = f"the {prefix_role.lower() if job else prefix_role}"
    if apposition and prefix_role.lower() in apposition.lower():
        return apposition  # "Coach Rita Alvarez, the Hawks coach": said once
    if apposition and apposition.startswith("someone who "):
        return f"{prefix_role} {apposition[len('someone ') :]}"
    if apposition and prefix_role.lower() in ADDRESS_TITLES:
        return apposition  # "Father Luca Brun, the parish priest of Valdera": that says it
    if apposition and " " not in prefix_role and apposition.split()[0] in ("the", "a", "an"):
        # "Mayor Lena Okafor, the council's longest-serving member": both, as a phrase
        return f"the {prefix_role.lower()} and {apposition}"
    return f"{prefix_role}, {apposition}" if apposition else prefix_role


# "Lakers assistant coach Jason Kidd": capitalised qualifiers, then perhaps a lower-case one.
NOUN_BEFORE = re.compile(
    r"(?:\b((?:\p{Lu}[\p{L}-]+\s+){1,3}(?:\p{Ll}[\p{Ll}-]+\s+)?|\p{Ll}+\s+))?"
    r"\b(\p{Ll}[\p{Ll}-]+)\s+$"
)
# How every match of NOUN_BEFORE ends, found backwards in a few steps: when it is absent, the
# slow forward search (every start position of the text before a name) is skipped.
NOUN_TAIL = re.compile(r"\b\p{Ll}[\p{Ll}-]+\s+$", re.REVERSE)
# Words that may qualify a job noun before a name ("Hawks coach", "city forester").
_NOUN_QUALIFIERS = frozenset(
    [
        "city",
        "town",
        "county",
        "state",
        "head",
        "assistant",
        "chief",
        "senior",
        "deputy",
        "local",
        "board",
        "team",
        "club",
        "school",
    ]
)
_ROLE_SEGMENT = re.compile(r"^,\s+(?:\d{1,3},\s+)?([^,;.!?\"()]{3,160}?)(?=[,;.!?\"(]|$)")
_PLACE_TAIL = re.compile(r"^,\s+(\p{Lu}\p{L}*(?:\s\p{Lu}\p{L}*){0,2})(?=[.;,]|$)")
_ABBR_END = re.compile(r"\b(?:St|Mt|Ft|Ste)$")
_INITIAL_END = re.compile(r"(?:^|\s|\.)\p{Lu}$")
OF_ORG = re.compile(
    r"^\s+(of\s+(?:the\s+)?\p{Lu}[\p{L}'-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}'-]*){0,4})(?=[,.;]|\s+\p{Ll}|$)"
)
# "the town engineer, Tomas Reyes." / "Acme's chief executive, Jane Doe,": a role before the name
# ("North Korea's leader": the possessor's whole name).
_ROLE_BEFORE = re.compile(
    r"(?:^|[\s(])((?:[Tt]he|[Aa]n?|(?:\p{Lu}[\p{L}-]*\s+){0,2}\p{Lu}[\p{L}-]*'s)\s+"
    r"(?:[\p{L}'-]+\s+){0,3}([\p{Ll}-]+)),\s+$"
)
# How every match of _ROLE_BEFORE ends.
_COMMA_END = re.compile(r",\s+$", re.REVERSE)
_ROLE_HEAD = re.compile(r"^(.*?)(?:\s+(?:of|for|at|in|to|with|on|from|and|who|since)\b|$)")


# A name's run of capitalised words, commas and a closing "and …": "Defense, Space, and Security".
_ORG_LIST_TAIL = re.compile(
    r"((?:,\s+\p{Lu}[\p{L}&-]*(?:\s+\p{Lu}[\p{L}&-]*)*){1,3},?\s+and\s+\p{Lu}[\p{L}&-]*"
    r"(?:\s+\p{Lu}[\p{L}&-]*)*)(?:(?=(?P<end>[,.;]))|(?=\s+\p{Ll}))"
)


def appositive_role(norm: str, end: int, limit: int) -> str | None:
    """Role given right after a name: ", a professor of …", ", who specializes in …"."""
    tail = norm[end : min(limit, end + 240)]
    m = _ROLE_SEGMENT.match(tail)
    if not m:
        return None
    seg = m.group(1).strip()
    seg_end = m.end()
    while _INITIAL_END.search(seg) and tail[seg_end : seg_end + 1] == ".":
        # "who studies U.S.-Canada trade": the dots of an acronym are no boundary either.
        more = re.match(r"\.((?:\p{Lu}\.)*[^,;.!?\"()]{0,80}?)(?=[,;.!?\"(]|$)", tail[seg_end:])
        if not more or not more.group(1):
            break
        seg, seg_end = f"{seg}.{more.group(1)}", seg_end + more.end()
    while _ABBR_END.search(seg) and tail[seg_end : seg_end + 1] == ".":
        more = re.match(r"\.\s+([^,;.!?\"()]{2,80}?)(?=[,;.!?\"(]|$)", tail[seg_end:])
        if not more:
            break  # "… at Washington University in St. Louis": the dot is no boundary
        seg, seg_end = f"{seg}. {more.group(1).strip()}", seg_end + more.end()
    seg = seg.removeprefix("now ")
    seg = _AND_NAME.sub("", seg)  # "… of Homeland Security and Alex Azar": a comma was missed
    serving = _SERVING.match(seg)
    if serving:  # "then serving as the President's physician"
        seg = seg[serving.end() :] + (" at the time" if serving.group(1) else "")
    first = seg.split(maxsplit=1)[0].lower()
    if first in SPEECH_VERBS or base_of_past(first):
        return None  # "Ben Osei, said the president …": the name ends a role, a verb follows
    if seg.startswith(("and ", "or ", "but ")):
        return None  # "…, Baltimore Sun and Hartford Courant, and the former owner of …"
    if seg.startswith("who "):
        rest = seg[4:]
        if rest.startswith(("is ", "was ")):
            rest = rest.split(" ", 1)[1].removeprefix("now ")  # "who is now an immunologist"
            serving = _SERVING.match(rest)
            if serving:  # "who was then serving as the President's physician"
                rest = rest[serving.end() :] + (" at the time" if serving.group(1) else "")
            return rest if _has_person_head(rest) else None
        if tail[seg_end : seg_end + 1] == "," and _MODIFIER_END.search(rest):
            return None  # "who signed a five-year, $40 million contract": cut inside a phrase
        return "someone who " + rest if len(rest.split()) >= 3 else None
    if not _has_person_head(seg):
        return None
    org = _ORG_LIST_TAIL.match(tail[seg_end:])
    if org and org.group("end") is None and not any(w.lower() in ORG_WORDS for w in seg.split()):
        org = None  # "a historian at Yale, Tom Okafor and Ana Ruiz wrote": people, not a name
    if org and seg.split()[-1][:1].isupper():
        seg += org.group(1)  # "at Boeing Defense, Space, and Security": one name, with commas
    place = _PLACE_TAIL.match(tail[seg_end:])
    if place and seg.split()[-1][:1].isupper() and is_place(place.group(1)):
        seg = f"{seg}, {place.group(1)}"
    return _short(seg)


MAX_ROLE_WORDS = 16
_RELATIVE_TAIL = re.compile(r"\s+(?:who|which|that)\s+.*$")


def _short(role: str) -> str | None:
    """role, without its trailing relative clause when it runs long; None if still too long
    (a 25-word answer is a paragraph, not a role)."""
    if len(role.split()) > MAX_ROLE_WORDS:
        role = _RELATIVE_TAIL.sub("", role)
    return role if len(role.split()) <= MAX_ROLE_WORDS else None


# A relative clause cut at a comma that sits between two modifiers of one noun.
_MODIFIER_END = re.compile(r"(?:\b(?:a|an|the|his|her|their|its)|-\p{Ll}+|\d)$")


_AND_NAME = re.compile(r"\s+and\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+$")
_SERVING = re.compile(r"(then\s+)?(?:serving|working|acting)\s+as\s+(?=the\b|an?\b|\p{Lu})")


def _has_person_head(seg: str) -> bool:
    """True when the noun phrase seg is headed by a person noun ("a high schooler in …")."""
    head = _ROLE_HEAD.match(seg)
    words = (head.group(1) if head else seg).split()
    if not words:
        return False
    # A capitalised start is a name ("ICEF Monitor, a firm"), unless possessive ("Canada's").
    capitalised = words[0][:1].isupper() and not words[0].endswith(("'s", "s'"))
    if capitalised and words[0].lower() not in ("special", "senior", "chief"):
        return False
    return is_person_noun(words[-1])


_QUALIFIER = re.compile(
    r"\b(former|retired|acting|interim|outgoing|incoming|then-?)\s*$", re.IGNORECASE
)


def qualified(before: str, role: str) -> str:
    """Keep "former"/"acting" before a role: "former Liberal Democrat leader Nick Clegg"."""
    q = _QUALIFIER.search(before)
    if not q:
        return role
    word = q.group(1).lower()
    if word.startswith("then"):
        word = "then-"
    sep = "" if word.endswith("-") else " "
    if role.startswith("the "):
        return f"the {word}{sep}{role[4:]}"
    return f"{word}{sep}{role}"


# Lower-case words before a job noun that are no part of the job ("said chief", "and chief").
_FUNCTION_WORDS = frozenset(
    ["the", "a", "an", "and", "or", "but", "of", "to", "for", "with", "by", "as", "at", "in", "on"]
    + ["his", "her", "their", "its", "our", "my", "your", "this", "that", "who", "whose", "new"]
    + ["is", "was", "are", "were", "be", "been", "has", "had", "have", "says", "told", "not"]
)


_LINKING = frozenset(["for", "of", "to", "with", "by", "as", "at", "in", "on", "and", "or"])


def _job_qualifier(word: str) -> bool:
    """A lower-case noun before a job noun that says which job: "fire chief", "health officer"."""
    low = word.lower()
    return (
        word.islower()
        and len(word) >= 3  # "the president's lawyer": the "s" after the apostrophe is no word
        and bool(re.fullmatch(r"[a-z]+(?:-[a-z]+)*", word))
        and low not in _FUNCTION_WORDS
        and low not in FUNCTION_WORDS
        and low not in SPEECH_VERBS
        and not low.endswith(("ed", "ly"))
    )


def noun_role(qualifier: str | None, noun: str) -> str:
    """ "coach" -> "coach"; "Hawks coach" -> "the Hawks coach"; "City forester" -> "the city …"."""
    words = (qualifier or "").split()
    # "Liberal Democrat leader": keep every capitalised qualifier, not just the last one.
    while len(words) > 1 and words[0].lower() in NON_NAME_STARTS:
        words = words[1:]
    if not words:
        return noun
    qualifier = " ".join(words)
    low = qualifier.lower()
    if _QUALIFIER.fullmatch(low):
        return f"{low} {noun}"  # "former star Paul George" was a star, and is no longer
    if low in _NOUN_QUALIFIERS or low in ORG_WORDS:
        return f"the {low} {noun}"  # "City forester", "Company president" open a sentence
    if len(words) == 1 and (qualifier.islower() or low in TITLE_WORDS) and _job_qualifier(low):
        # "fire chief", "search-and-rescue volunteer"; "Health officer" opening a sentence
        return f"the {low} {noun}"
    # "White House press secretary", but not "Named for economist" opening a sentence.
    phrase = not any(
        w in _LINKING and not (0 < k < len(words) - 1 and words[k + 1][:1].isupper())
        for k, w in enumerate(words)
    )  # "University of Liverpool" is one name
    if qualifier[:1].isupper() and phrase and low not in NON_NAME_STARTS and low not in TITLE_WORDS:
        return f"the {qualifier} {noun}"
    return noun


def role_before(before: str, after: str) -> str | None:
    """ "according to the town engineer, Tomas Reyes." -> "the town engineer"."""
    if not (after[:1] in ".,;)" or not after.strip()) or after.startswith(", and "):
        return None
    if not _COMMA_END.search(before):
        return None  # found backwards in a step or two; the full search tries every start
    m = _ROLE_BEFORE.search(before)
    if not m or not is_person_noun(m.group(2)):
        return None
    role = m.group(1)
    # "A White House spokesman, Ben Osei," opens a sentence: the article loses its capital.
    return role[0].lower() + role[1:] if role.split()[0] in ("The", "A", "An") else role
