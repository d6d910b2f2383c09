"""Forming a question from a clause: front the wh-phrase with inversion or do-support,
or, when no clean question can be formed, a cloze item ("Fill in the blank: …").

Both take the clause as (before, target, after) in the article's own words.
"""

from __future__ import annotations

import regex as re

from quizapp.generate.clauses import CLAIMED, DEAL_NOUNS
from quizapp.generate.clauses import DATELINE as _DATELINE
from quizapp.generate.cloze_trim import (
    MAX_WORDS,
    MIN_CLOZE_WORDS,
    SENTENCE_END,
    cut_trailing,
    short_cloze,
    words_of,
)
from quizapp.generate.inversion import (
    DETERMINERS,
    PREPS,
    finish,
    finite,
    front,
    upper_first,
    verb_end,
)
from quizapp.generate.verbs import PAST_TO_BASE

# A cloze that opens with a finite verb lost its subject ("Said they would provide …").
_SUBJECTLESS = re.compile(
    r"(?:is|are|was|were|has|have|had|said|says|will|would|can|could|did|does|do)\b"
    r"|\p{L}+(?:s|ed)\s+that\b",  # "Estimates that the programme will …": whose estimate?
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\b(?:where|which|who|whom|whose|when)\b")
_SECOND_CLAUSE = re.compile(r",?\s+(?:and|but|or|while|whereas)\s+")
_DASH_AFTER = re.compile(r"^\s*[—–].*$")
_DEAL_NOUN_END = re.compile(
    rf"\b(?:{DEAL_NOUNS}|bid|offer|contract|order)\s+of\s+"
    r"[^,;]{1,80}$"
)
_COLON_STATEMENT = re.compile(r"(?<=\b\p{Ll}[\p{L}-]*):\s+(?=\p{Lu})")
_THAT_END = re.compile(r"\bthat\s*$")
_PARTICIPLE_START = re.compile(r"\p{Ll}+ing\b")
_AND_MORE = re.compile(r"^\s*(?:and|or|but)\s.*$")
_MAIN_CLAUSE = re.compile(r"(.*?)(,\s.*)?$")
_ATTRIBUTION = re.compile(r"^(?:per|according to|as reported by|citing)\b", re.I)
_CONNECTIVE = re.compile(
    r"^(?:however|yet|but|and|so|still|also|instead|meanwhile|moreover|furthermore"
    r"|nevertheless|nonetheless|indeed|besides|thus|hence|for (?:instance|example)"
    r"|in addition(?!\s+to\b)|even so|in fact|of course|after all|by contrast|in contrast|similarly"
    r"|likewise|separately|additionally|then)\b,?\s+",
    re.I,
)
# "To uncover the effects of the changes, researchers …": why, pointing back; the fact follows.
_PURPOSE = re.compile(
    r"^To\s+(?!(?:many|most|some|critics|supporters|me|us|them|him|her|his|their|its|the|a|an"
    r"|date|be|this|that|these|those)\b)\p{Ll}+\b[^,;:“”\"]{0,100},\s+(?!which\b|who\b)(?=\S)"
)  # "To many economists," is a stance, not a purpose
# "Despite the near universality of these receptors, scientists …": an aside pointing back.
_POINTING_FRONT = re.compile(
    r"^(?:despite|given|unlike|like|amid|because of|besides|apart from)\s[^,;:“”\"]{0,150}?"
    r"\b(?:these|those|this|such)\b[^,;:“”\"]{0,80},\s+(?!which\b|who\b)(?=\S)",
    re.I,
)
_MID_CONNECTIVE = re.compile(r",\s+(?:though|however|too|of course|for example|for instance),")
# Complex temporal heads: "by the end of 2024", "in the spring of 1990", "early in 2019".
_PP_HEAD = re.compile(
    r"(?:\b(?:in|by|since|until|before|after|during|from|at|around|through)\s+)"
    r"(?:(?:the\s+)?(?:end|start|beginning|middle|spring|summer|autumn|fall|winter"
    r"|first\s+half|second\s+half|first\s+quarter|course)\s+of\s+)?$",
    re.I,
)
# A spaced dash, or an em dash between words ("in recent years—26 cases"): an aside.
_DASH = re.compile(r"\s[—–-]{1,2}\s|(?<=\w)—(?=\w)")
_ADVERBIAL = re.compile(
    r"(?:in|on|at|by|since|until|before|after|during|from|last|this|next|earlier|later"
    r"|yesterday|today|on|over|within|for|under|as of)\b",
    re.I,
)


def _past_participle(word: str) -> bool:
    """A past form after an object ("a record set", "a mill founded"), not "bed" or "red"."""
    low = word.lower()
    return low.endswith("ed") and len(low) >= 5 or low in PAST_TO_BASE


def verb_end_char(part: str) -> int:
    """The character offset in part just past its finite verb group (0 without one)."""
    words = part.split()
    n = verb_end(part)
    return len(" ".join(words[:n])) if n else 0


def tidy(s: str) -> str:
    """Strip leading connectives ("However,"), a leading purpose clause ("To combat this,"), a
    fronted aside pointing back ("Despite these results,") and mid-sentence ", though,"."""
    s = _DATELINE.sub("", " ".join(s.split()))
    while True:
        m = _CONNECTIVE.match(s) or _PURPOSE.match(s) or _POINTING_FRONT.match(s)
        if not m:
            break
        s = s[m.end() :]
    return tidy_mid(s)


def tidy_mid(s: str) -> str:
    """Drop a mid-sentence ", though," or ", however," (it points at earlier text)."""
    return _MID_CONNECTIVE.sub(_mid_connective, s)


def _mid_connective(m: re.Match) -> str:
    """ "…, though, saying" keeps one comma before a participle; "X, though, did" keeps none."""
    rest = m.string[m.end() :].lstrip()
    return "," if _PARTICIPLE_START.match(rest) else ""


def split_fronted(before: str) -> tuple[list[str], str]:
    """ "Per X, by 2024, the council" -> (["Per X", "by 2024"], "the council")."""
    parts = [p.strip() for p in before.split(", ")]
    return parts[:-1], parts[-1]


def movable(fronted: list[str]) -> str | None:
    """Fronted adverbials as a tail for the end of the question (attributions dropped)."""
    kept = [f for f in fronted if not _ATTRIBUTION.match(f)]
    if any(len(f.split()) > 8 or not _ADVERBIAL.match(f) for f in kept):
        return None
    return " ".join(f[:1].lower() + f[1:] for f in kept)


def wh_or_cloze(
    before: str,
    after: str,
    wh: str,
    *,
    preposed: bool = False,
    blank: tuple[str, str] = ("", ""),
    cloze_after: str | None = None,
    cloze_only: bool = False,
) -> tuple[str, bool] | None:
    """(prompt, is_cloze) asking for what stands between before and after.

    wh is the question phrase ("what year", "how many teachers"); preposed marks a wh that is a
    whole prepositional phrase already ("between which years"). blank holds words of the
    target that a cloze keeps around its blank ("between " … ""); cloze_after replaces after
    in the cloze when the wh-phrase took words from it ("how many teachers").
    """
    # A semicolon joins two sentences: keep the one holding the fact.
    # A colon after a lower-case word, before a capital, opens a new statement ("… debt: The
    # average liability is …"); "Space Saga: The Long Night" is a title.
    before = before.rsplit("; ", 1)[-1]
    parts = _COLON_STATEMENT.split(before)
    if len(parts) > 1 and not CLAIMED.search(parts[-2]):
        before = parts[-1]  # but "Critics have a blunt prediction: The program will …" is theirs
    after = after.split("; ", 1)[0].split(": ", 1)[0]  # "by 2024: one for …" lists what follows
    if cloze_after:
        cloze_after = _COLON_STATEMENT.split(cloze_after.split("; ", 1)[0])[0]
    before, after = tidy(before), " ".join(after.split())
    q = None if cloze_only else _wh(before, after, wh, preposed)
    if q and len(q.split()) <= MAX_WORDS:
        return q, False
    ca = after if cloze_after is None else " ".join(cloze_after.split())
    ca = _DASH_AFTER.sub("", ca)  # "legalized by 2016— Colorado, Washington, …": an aside
    cloze = short_cloze(f"{before} {blank[0]}".strip(), f"{blank[1]}{ca}")
    if q and (cloze is None or len(q.split()) <= len(cloze.split()) - 4):
        return q, False
    if cloze is None or not MIN_CLOZE_WORDS < words_of(cloze) <= MAX_WORDS:
        return None  # a fragment, or too long to stand alone
    if _SUBJECTLESS.match(cloze.removeprefix("Fill in the blank: ")):
        return None  # "Is more directly entangled …": no subject
    return cloze, True


def _wh(before: str, after: str, wh: str, preposed: bool) -> str | None:
    if SENTENCE_END.search(before) or _DASH.search(before) or _DASH.match(after):
        return None  # context from an earlier sentence, or the fact sits in a dash aside
    last = before.rsplit(", ", 1)[-1]
    if after.startswith(",") and (_PP_HEAD.match(last + " ") or (preposed and before == "")):
        return _fronted_target(before, after, wh, preposed)
    if before.endswith(","):
        fronted, main = [f.strip() for f in before[:-1].split(", ")], ""
    else:
        fronted, main = split_fronted(before) if ", " in before else ([], before)
    tail = movable(fronted)
    if tail is None:
        return None
    rest = cut_trailing(after).strip()
    if not main.strip():
        return finish(f"{wh} {rest} {tail}")  # the wh-phrase is the subject
    words = main.split()
    pp = _PP_HEAD.search(main + " ") if not preposed else None
    if pp:
        phrase = f"{main[pp.start() :].strip()} {wh}"
        subject_part = main[: pp.start()]
    elif words[-1].lower() in DETERMINERS or words[-1].lower().endswith("'s"):
        return None  # inside a noun phrase: "the 2019 election"
    elif words[-1].lower() in ("of", "than"):
        return None  # "a budget of $4.2 billion": "Of how much …?" reads badly; a cloze
    elif words[-1].lower() in PREPS:
        phrase = f"{words[-1]} {wh}"
        subject_part = " ".join(words[:-1])
        if _DEAL_NOUN_END.search(subject_part):
            return None  # "the proceeds of Ruiz's purchase of the paper for $50 million": the
            # price is the purchase's, not what the sentence's verb did
    else:
        phrase, subject_part = wh, main
    if phrase == wh and not preposed and len(subject_part.split()) > verb_end(subject_part):
        return None  # the figure is not the verb's object: "bought a shop after raising £5"
    after_verb = subject_part.split()[verb_end(subject_part) :]
    if pp and len(after_verb) >= 2 and _past_participle(after_verb[-1]):
        return None  # "broke a record set in 2017": the year is the record's, not the breaking's
    if _THAT_END.search(subject_part):
        return None  # "found that in 2015, there were …": the year is the that-clause's
    if _RELATIVE.search(subject_part, verb_end_char(subject_part)):
        return None  # "looked at states where cannabis had been legalized by 2016": the year is
        # the relative clause's, not the main verb's; the cloze keeps them apart
    clauses = _SECOND_CLAUSE.split(subject_part)
    if len(clauses) > 1 and finite(clauses[0].split()) and finite(clauses[-1].split()):
        return None  # "The town was founded in 1820 and its harbour was dredged in …": two
        # clauses can't be asked as one question; the cloze keeps both.
    rest = _AND_MORE.sub("", rest)  # "hire 2,000 agents and expand …"
    asked = front(subject_part, upper_first(phrase), rest, tail)
    if asked is None and finite(subject_part.split()) is None:
        # "The relationship in 2024 could be described …": the phrase leaves the subject.
        asked = front(f"{subject_part} {rest}", upper_first(phrase), "", tail)
    return asked


def _fronted_target(before: str, after: str, wh: str, preposed: bool) -> str | None:
    """The target sits in a fronted phrase: "By the end of 2024, nearly 15,000 … held …"."""
    fronted, last = split_fronted(before) if ", " in before else ([], before)
    if not (preposed and not last.strip()) and not _PP_HEAD.search(last + " "):
        return None
    tail = movable(fronted)
    if tail is None:
        return None
    phrase = f"{last} {wh}".strip()
    clause = cut_trailing(after.lstrip(", ")).strip()
    if not clause:
        return None
    m = _MAIN_CLAUSE.match(clause)
    main = m.group(1) if m else clause
    # A fronted phrase is asked with the main clause inverted: find its verb, keep the rest.
    return front(main, upper_first(phrase), "", tail)
