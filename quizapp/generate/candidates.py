"""Capitalised runs that may name a person, and the cues around one that say it does."""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from quizapp.generate.cast import INITIAL
from quizapp.generate.lexicon import (
    HONORIFICS,
    NON_NAME_STARTS,
    ORG_WORDS,
    SPEECH_VERBS,
    TITLE_WORDS,
    is_person_noun,
)
from quizapp.generate.names import is_given_name
from quizapp.generate.places import DEMONYMS, is_place
from quizapp.generate.roles import (
    NOUN_BEFORE,
    NOUN_TAIL,
    OF_ORG,
    appositive_role,
    noun_role,
    qualified,
    role_before,
    role_from_prefix,
    title_role,
)
from quizapp.generate.text import Paragraph

_ABBR_TITLE = r"(?:Mr|Mrs|Ms|Dr|Prof|Sen|Gov|Rep|Gen|Lt|Col|Capt|Sgt|Cmdr|Supt|Insp|Det|Rev|St)\."
_TOKEN = (
    rf"(?:{_ABBR_TITLE}|\p{{Lu}}(?:\.\p{{Lu}})+\.?|\p{{Lu}}{{2,}}(?![\p{{L}}\p{{M}}])"
    r"|(?:\p{Lu}')?\p{Lu}[\p{Ll}\p{M}][\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*|\p{Lu}\.)"
)
_PARTICLE = r"(?:de|del|della|di|da|das|do|dos|du|la|le|van|von|der|den|ter|bin|ibn|al|y)"
# A run of capitalised tokens; the bounded repeat keeps matching linear.
_SEQ = re.compile(
    rf"(?<![\p{{L}}\p{{M}}'.-]){_TOKEN}(?:[ ](?:{_PARTICLE}[ ]){{0,2}}{_TOKEN}){{0,7}}"
)
_TOKEN_RE = re.compile(_TOKEN)
_REGNAL = re.compile(r"[IVX]{1,5}")  # "Pope Leo XIV", "Charles III": a numeral ends the name
_ACRONYM = re.compile(r"\p{Lu}(?:\.\p{Lu})+\.?|\p{Lu}{2,}")
# Searched backwards from the end it is anchored to (only whether it matches is used): a
# forward search tries every verb at every position of the 80 characters before each name.
_SPEECH_BEFORE = re.compile(
    r"(?:\b(?:" + "|".join(sorted(SPEECH_VERBS)) + r")|according to)\s+$",
    re.IGNORECASE | re.REVERSE,
)
_SPEECH_AFTER = re.compile(
    r"^(?:,(?:[^,.;\"]{1,120}),)?\s+(?:also\s+|later\s+)?(?:"
    + "|".join(sorted(SPEECH_VERBS))
    + r")\b"
)
_AGE = re.compile(r"^,\s+\d{1,3},")


def _core_of(tokens: list[str]) -> int:
    """Index where the personal name begins, after titles, demonyms and stop words."""
    start = 0
    for i, tok in enumerate(tokens):
        low = tok.lower().rstrip(".")
        if i == start and low.endswith("ing") and len(tokens) > 1 and not is_given_name(low):
            start = i + 1  # "Hosting Lee at the counter": a participle opens the sentence
            continue
        if i == start and len(tokens) - i >= 3 and (is_person_noun(low) or _plural_noun(low)):
            start = i + 1  # "Striker Jamal Okafor", "Biologists Ana Ruiz": a job, not a name
            continue
        if (
            low in TITLE_WORDS
            or (low in NON_NAME_STARTS and i == start)  # "Chris Early" is a name
            or (low in ORG_WORDS and i < len(tokens) - 1)
            or low in HONORIFICS
            or tok in DEMONYMS
            or tok.endswith("-born")  # "Australian-born Assange" is Assange
            or (_ACRONYM.fullmatch(tok) and not (i and _REGNAL.fullmatch(tok)))
            or (tok.endswith(".") and not INITIAL.fullmatch(tok))
        ):
            start = i + 1
    return start


# Titles borne with a single name: "Pope Francis", "King Charles", "Queen Rania".
_OPENING = frozenset("\"“‘'")
_CLOSING = frozenset("\"”’',")
_SOLE_NAME_TITLES = frozenset(["Pope", "King", "Queen", "Prince", "Princess", "Emperor", "Sheikh"])
# "President Trump" all through an article that never gives his first name: the title and
# surname name him (dropped again when someone else of the article has that surname).
SURNAME_TITLES = frozenset(["President"])
_TITLED = _SOLE_NAME_TITLES | SURNAME_TITLES


def _given_name_start(words: list[str]) -> int:
    """Where a name starts inside a run that an organisation opens ("Director of Public
    Prosecution Eva-Marie Persson"): at a given name after a first word that is none."""
    if len(words) < 3 or _is_given(words[0]):
        return 0
    return next((k for k in range(1, len(words) - 1) if _is_given(words[k])), 0)


def _is_given(word: str) -> bool:
    return is_given_name(word) or ("-" in word and is_given_name(word.split("-")[0]))


def _plural_noun(low: str) -> bool:
    """True for a plural person noun ("biologists", "officials")."""
    return low.endswith("s") and is_person_noun(low[:-1])


@dataclass
class Candidate:
    core: list[str]
    start: int
    end: int
    prefix: str
    paragraph: int
    word_surname: bool = False
    inside_run: bool = False


def candidates(
    norm: str, paragraphs: list[Paragraph], org_heads: set[str] | None = None
) -> list[Candidate]:
    """Every capitalised run whose tail looks like a personal name of 2-5 tokens.

    org_heads, when given, collects the name-like words opening an organisation's name
    ("Walter Reed" of "Walter Reed Medical Center"): alone later, they may mean the place.
    """
    out = []
    for p in paragraphs:
        if p.heading or _title_case(norm[p.start : p.end]):
            continue
        for m in _SEQ.finditer(norm, p.start, p.end):
            toks = [(t.group(0), t.start()) for t in _TOKEN_RE.finditer(m.group(0))]
            core_at = _core_of([t for t, _ in toks])
            if org_heads is not None:
                head = _before_org([t for t, _ in toks])
                if 2 <= len(head) < len(toks):
                    org_heads.add(" ".join(head))
            core = toks[core_at:]
            inside = _given_name_start([t for t, _ in core])
            core = core[inside:]
            sole = core_at and toks[core_at - 1][0] in _TITLED
            if sole and (len(core) == 1 or (len(core) == 2 and _REGNAL.fullmatch(core[1][0]))):
                core = toks[core_at - 1 :]  # "Pope Francis", "Pope Leo XIV": known by the title
            if not 2 <= len(core) <= 5 or INITIAL.fullmatch(core[-1][0]):
                continue
            if INITIAL.fullmatch(core[0][0]) and len(core) < 3:
                continue
            words = [t for t, _ in core]
            if any(w.lower() in ORG_WORDS for w in words[:-1]) or _in_place(toks, len(words)):
                continue
            start = m.start() + core[0][1]
            if _attributive(norm, start + _span_len(core)):
                if org_heads is not None:  # "at Walter Reed" later is the hospital too
                    org_heads.add(" ".join(t for t, _ in core))
                continue  # "White House press secretary", "Walter Reed hospital": a modifier
            end = start + _span_len(core)
            if norm[start - 1 : start] in _OPENING and norm[end : end + 1] in _CLOSING:
                continue  # “Mary Poppins”, a title in quotation marks, is nobody of the article
            prefix = norm[m.start() : start].strip()
            if is_place(words[0]) and not is_given_name(words[0]):
                continue  # "Chicago Tribune", "Hartford Courant": a place names no person
            c = Candidate(words, start, start + _span_len(core), prefix, p.index)
            # "Mark Church", "Ellen Park": a surname that is a common word needs a given name.
            c.word_surname = words[-1].lower() in ORG_WORDS
            # "the Grand Ole Opry", "San Diego Union-Tribune": a given name inside a longer
            # proper noun is a person only with more evidence (a title, role, speech verb).
            # "Director of Public Prosecution Greta Holm": after "of", an office's name.
            c.inside_run = inside > 0 and not norm.endswith("of ", 0, m.start())
            if not c.word_surname or is_given_name(words[0]):
                out.append(c)
    return out


def _in_place(toks: list[tuple[str, int]], n: int) -> bool:
    """The run's last n words are a place, or end one ("United Arab Emirates", whose core
    "Arab Emirates" was left once "United" was read as a title)."""
    words = [t for t, _ in toks]
    return any(is_place(" ".join(words[j:])) for j in range(len(words) - n + 1))


def _before_org(words: list[str]) -> list[str]:
    """The words of a run before its first organisation word."""
    k = next((i for i, w in enumerate(words) if w.lower() in ORG_WORDS), len(words))
    return words[:k]


_LOWER_WORDS = re.compile(r"(?:\s+\p{Ll}[\p{Ll}-]*){1,3}")


def _attributive(norm: str, end: int) -> bool:
    """True when lower-case nouns follow that the run qualifies: a job or an institution."""
    m = _LOWER_WORDS.match(norm, end)
    if not m:
        return False
    words = m.group(0).split()[:2]
    head = next((k for k, w in enumerate(words) if w in ORG_WORDS or is_person_noun(w)), None)
    if head is None:
        return False
    if head == 0:
        return True  # "Walter Reed hospital"
    first = words[0]  # "White House press secretary"; not "Greene opened her bakery"
    return first.isalpha() and not first.endswith(("ed", "s")) and first not in _NOT_MODIFIER


# Words after a name that start a predicate or a phrase, not a compound noun.
_NOT_MODIFIER = frozenset(
    ["and", "or", "of", "in", "on", "at", "for", "to", "with", "by", "is", "the", "a", "an"]
    + ["has", "had", "was", "will", "would", "said", "told", "became", "led", "won", "met"]
)


_LINE_WORD = re.compile(r"[\p{L}'-]+")


def _title_case(line: str) -> bool:
    """A headline in title case ("How Mary Steenburgen Wrote the Song"): no names from it."""
    # A closing quotation mark ends a headline too ("Cook On Apple Being ‘Pulled In’").
    if line.rstrip().rstrip("\"'")[-1:] == ".":
        return False
    words = [w for w in _LINE_WORD.findall(line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _span_len(core: list[tuple[str, int]]) -> int:
    return core[-1][1] + len(core[-1][0]) - core[0][1]


# "the president's ", "NASA's ": whose job the title or noun after it is.
_POSSESSOR = re.compile(
    r"((?:\b[Tt]he\s+)?(?:\p{Lu}[\p{L}.&-]*\s+){0,2}"
    r"(?<![\p{L}.&'’-])(?!(?i:it|that|there|here|what|who|he|she|let)['’]s)[\p{L}.&-]+['’]s)\s+$"
)  # not "It's Senator Lopez who …"
_OF_NAME_BEFORE = re.compile(r"(?:\p{Lu}[\p{L}-]+[^\S\n]+){1,3}of\s+(?:the\s+)?$")


def cues(
    norm: str, c: Candidate, limit: int, scored: bool = True
) -> tuple[float, str | None, str | None]:
    """Evidence that a candidate names a person: (score, role, honorific).

    Unscored (a person already known: only a new role or honorific matters), the score
    leaves out the cues that give neither.
    """
    score, role, hon = 0.0, None, None
    prefix_toks = c.prefix.split()
    if prefix_toks and prefix_toks[-1].rstrip(".").lower() in HONORIFICS:
        hon = prefix_toks[-1].rstrip(".")
        score += 1
    prefix_role = role_from_prefix(c.prefix)
    if prefix_role:
        score += 1
    before = norm[max(0, c.start - 80) : c.start - len(c.prefix) if c.prefix else c.start]
    noun = None if c.prefix or not NOUN_TAIL.search(before) else NOUN_BEFORE.search(before)
    if noun and is_person_noun(noun.group(2)):
        score += 1
        qualifier, at = noun.group(1), noun.start()
        named = (
            _OF_NAME_BEFORE.search(before, 0, at) if qualifier and qualifier[0].isupper() else None
        )
        if named and not any(w.lower() in ORG_WORDS for w in named.group(0).split()):
            named = None  # "Critics of Harvard economist Jane Doe": no institution's name
        if named:  # "the University of Liverpool biochemist": the whole name qualifies
            qualifier, at = named.group(0) + qualifier, named.start()
        role = qualified(before[:at], noun_role(qualifier, noun.group(2)))
        bare = not qualifier or qualifier.strip() == "s"  # the "s" of "president's" is none
        owner = _POSSESSOR.search(before, 0, noun.start(2)) if bare else None
        if owner:  # "the president's lawyer Rudy Giuliani": whose lawyer says which one
            role = f"{owner.group(1)} {noun.group(2)}"
    if scored and _SPEECH_BEFORE.search(before):
        score += 1
    after = norm[c.end : min(limit, c.end + 200)]
    pre_role = role_before(before, after)
    if pre_role:
        score += 1
        role = pre_role
    if after.startswith(("'s", "s'")):
        return score, prefix_role and title_role(prefix_role, None, None) or role, hon
    apposition = appositive_role(norm, c.end, limit)
    if apposition:
        score += 1
    if prefix_role:
        org = OF_ORG.match(after)
        # "former National Security Adviser John Bolton" was the adviser, and is no longer
        lead = norm[max(0, c.start - 120) : c.start].rsplit(c.prefix, 1)[0]
        role = qualified(lead, title_role(prefix_role, org.group(1) if org else None, apposition))
        owner = None if org or apposition else _POSSESSOR.search(lead)
        if owner:  # "NASA's Administrator Jim Bridenstine": the administrator of what
            role = f"{owner.group(1)} {prefix_role}"
    elif apposition:
        role = apposition
    elif role and noun and not pre_role:
        org = OF_ORG.match(after)  # "marine biologist Ana Ruiz of the Lowfield Institute"
        role = f"{role} {org.group(1)}" if org else role
    if not scored:
        return score, role, hon
    if _SPEECH_AFTER.match(after):
        score += 1
    elif _AGE.match(after):
        score += 0.5
    if c.core[0] in _SOLE_NAME_TITLES:
        score += 1  # "Pope Leo XIV", "King Charles": the title is the office
        role = role or f"the {c.core[0]}"
    if is_given_name(c.core[0]) and not is_place(c.core[0]):
        score += 0.5  # a common given name: enough to know a person is there
    return score, role, hon
