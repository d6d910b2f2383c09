"""Finding the people of an article: names, aliases, roles, genders, mentions and pronouns."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex as re

from quizapp.generate.aliases import AliasFinder
from quizapp.generate.lexicon import (
    HONORIFICS,
    NON_NAME_STARTS,
    ORG_WORDS,
    SPEECH_VERBS,
    TITLE_ABBREVIATION_WORDS,
    TITLE_WORDS,
    is_person_noun,
)
from quizapp.generate.names import is_given_name, name_gender
from quizapp.generate.places import DEMONYMS, is_place
from quizapp.generate.text import Paragraph

_HON = "(?:" + "|".join(h.capitalize() for h in HONORIFICS) + ")"
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
_OPEN_ACRONYM = re.compile(r"\p{Lu}(?:\.\p{Lu})+")
_INITIAL = re.compile(r"\p{Lu}\.")
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
_PRONOUNS = re.compile(r"\b(?:he|she|him|his|her|hers)\b", re.IGNORECASE)


@dataclass
class Person:
    """A person found in the article (mutable while being built)."""

    name: str
    tokens: list[str]
    first_pos: int
    roles: list[str] = field(default_factory=list)
    role_at: list[int] = field(default_factory=list)  # where each role is given
    gender: str | None = None
    honorifics: set[str] = field(default_factory=set)
    mentions: int = 0

    @property
    def surnames(self) -> list[str]:
        """Possible surnames: last token, and for long names the paternal one ("Sheinbaum")."""
        words = [t for t in self.tokens if not _INITIAL.fullmatch(t)]
        if len(words) < 2:
            return words
        out = [words[-1]]
        if len(words) >= 3:
            out += [words[-2], f"{words[-2]} {words[-1]}"]
        return out

    @property
    def given(self) -> str:
        """The first given name."""
        return self.tokens[0]

    def aliases(self) -> tuple[str, ...]:
        """Other ways the article may name this person ("Clark", "Mr. Clark", "Graeme Clark")."""
        words = [t for t in self.tokens if not _INITIAL.fullmatch(t)]
        out: list[str] = [" ".join(words)] if words != self.tokens else []
        if len(words) >= 3:
            out.append(f"{words[0]} {words[-2]}")
        out.append(f"{words[0]} {words[-1]}")
        out += self.surnames
        hons = set(self.honorifics)
        if self.gender == "m":
            hons.add("Mr")
        elif self.gender == "f":
            hons |= {"Ms", "Mrs"}
        for hon in sorted(hons):
            for surname in self.surnames:
                out += [f"{hon}. {surname}", f"{hon} {surname}"]
        seen = {self.name}
        return tuple(a for a in out if not (a in seen or seen.add(a)))  # type: ignore[func-returns-value]


@dataclass(frozen=True)
class Mention:
    """A reference to a person in the text; person is None when ambiguous."""

    start: int
    end: int
    person: int | None
    pronoun: str | None = None  # "m"/"f" for he/she-type pronouns


@dataclass
class Cast:
    """The people of an article and where each paragraph mentions them."""

    people: list[Person]
    mentions: dict[int, list[Mention]]  # paragraph index -> mentions in order


def _core_of(tokens: list[str]) -> int:
    """Index where the personal name begins, after titles, demonyms and stop words."""
    start = 0
    for i, tok in enumerate(tokens):
        low = tok.lower().rstrip(".")
        if i == start and len(tokens) - i >= 3 and (is_person_noun(low) or _plural_noun(low)):
            start = i + 1  # "Striker Jamal Okafor", "Biologists Ana Ruiz": a job, not a name
            continue
        if (
            low in TITLE_WORDS
            or low in NON_NAME_STARTS
            or (low in ORG_WORDS and i < len(tokens) - 1)
            or low in HONORIFICS
            or tok in DEMONYMS
            or _ACRONYM.fullmatch(tok)
            or (tok.endswith(".") and not _INITIAL.fullmatch(tok))
        ):
            start = i + 1
    return start


def _plural_noun(low: str) -> bool:
    """True for a plural person noun ("biologists", "officials")."""
    return low.endswith("s") and is_person_noun(low[:-1])


@dataclass
class _Candidate:
    core: list[str]
    start: int
    end: int
    prefix: str
    paragraph: int
    word_surname: bool = False


def _candidates(norm: str, paragraphs: list[Paragraph]) -> list[_Candidate]:
    """Every capitalised run whose tail looks like a personal name of 2-5 tokens."""
    out = []
    for p in paragraphs:
        if p.heading or _title_case(norm[p.start : p.end]):
            continue
        for m in _SEQ.finditer(norm, p.start, p.end):
            toks = [(t.group(0), t.start()) for t in _TOKEN_RE.finditer(m.group(0))]
            core_at = _core_of([t for t, _ in toks])
            core = toks[core_at:]
            if not 2 <= len(core) <= 5 or _INITIAL.fullmatch(core[-1][0]):
                continue
            if _INITIAL.fullmatch(core[0][0]) and len(core) < 3:
                continue
            words = [t for t, _ in core]
            if is_place(" ".join(words)) or any(w.lower() in ORG_WORDS for w in words[:-1]):
                continue
            start = m.start() + core[0][1]
            prefix = norm[m.start() : start].strip()
            if is_place(words[0]) and not is_given_name(words[0]):
                continue  # "Chicago Tribune", "Hartford Courant": a place names no person
            c = _Candidate(words, start, start + _span_len(core), prefix, p.index)
            # "Mark Church", "Ellen Park": a surname that is a common word needs a given name.
            c.word_surname = words[-1].lower() in ORG_WORDS
            if not c.word_surname or is_given_name(words[0]):
                out.append(c)
    return out


_LINE_WORD = re.compile(r"[\p{L}'-]+")


def _title_case(line: str) -> bool:
    """A headline in title case ("How Mary Steenburgen Wrote the Song"): no names from it."""
    if line.rstrip()[-1:] in ".\"'":
        return False
    words = [w for w in _LINE_WORD.findall(line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _span_len(core: list[tuple[str, int]]) -> int:
    return core[-1][1] + len(core[-1][0]) - core[0][1]


def _role_from_prefix(prefix: str) -> str | None:
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


def _title_role(prefix_role: str, org: str | None, apposition: str | None) -> str:
    """A role built from a title: "Mayor" -> "the mayor"; "Chief Executive" + "of Acme"."""
    if org:
        prefix_role = f"{prefix_role} {org}"
    elif is_common_title(prefix_role) and (not apposition or apposition.startswith("someone ")):
        prefix_role = f"the {prefix_role}"
    if apposition and prefix_role.lower() in apposition.lower():
        return apposition  # "Coach Rita Alvarez, the Hawks coach": said once
    if apposition and apposition.startswith("someone who "):
        return f"{prefix_role} {apposition[len('someone ') :]}"
    return f"{prefix_role}, {apposition}" if apposition else prefix_role


_NOUN_BEFORE = re.compile(
    r"(?:\b((?:\p{Lu}[\p{L}-]+\s+){1,3}|\p{Ll}+\s+))?\b(\p{Ll}[\p{Ll}-]+)\s+$"
)
# How every match of _NOUN_BEFORE ends, found backwards in a few steps: when it is absent, the
# slow forward search (every start position of the text before a name) is skipped.
_NOUN_TAIL = re.compile(r"\b\p{Ll}[\p{Ll}-]+\s+$", re.REVERSE)
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
_OF_ORG = re.compile(
    r"^\s+(of\s+(?:the\s+)?\p{Lu}[\p{L}'-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}'-]*){0,4})(?=[,.;]|\s+\p{Ll}|$)"
)
# "the town engineer, Tomas Reyes." / "Acme's chief executive, Jane Doe,": a role before the name.
_ROLE_BEFORE = re.compile(
    r"(?:^|[\s(])((?:the|an?|\p{Lu}[\p{L}-]*'s)\s+(?:[\p{Ll}-]+\s+){0,3}([\p{Ll}-]+)),\s+$"
)
_ROLE_HEAD = re.compile(r"^(.*?)(?:\s+(?:of|for|at|in|to|with|on|from|and|who|since)\b|$)")


def _appositive_role(norm: str, end: int, limit: int) -> str | None:
    """Role given right after a name: ", a professor of …", ", who specializes in …"."""
    tail = norm[end : min(limit, end + 240)]
    m = _ROLE_SEGMENT.match(tail)
    if not m:
        return None
    seg = m.group(1).strip()
    seg_end = m.end()
    while _ABBR_END.search(seg) and tail[seg_end : seg_end + 1] == ".":
        more = re.match(r"\.\s+([^,;.!?\"()]{2,80}?)(?=[,;.!?\"(]|$)", tail[seg_end:])
        if not more:
            break  # "… at Washington University in St. Louis": the dot is no boundary
        seg, seg_end = f"{seg}. {more.group(1).strip()}", seg_end + more.end()
    seg = seg.removeprefix("now ")
    if seg.startswith(("and ", "or ", "but ")):
        return None  # "…, Baltimore Sun and Hartford Courant, and the former owner of …"
    if seg.startswith("who "):
        rest = seg[4:]
        if rest.startswith(("is ", "was ")):
            rest = rest.split(" ", 1)[1]
            return rest if _has_person_head(rest) else None
        return "someone who " + rest if len(rest.split()) >= 3 else None
    if not _has_person_head(seg):
        return None
    place = _PLACE_TAIL.match(tail[seg_end:])
    if place and seg.split()[-1][:1].isupper() and is_place(place.group(1)):
        seg = f"{seg}, {place.group(1)}"
    return seg


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


def _cues(norm: str, c: _Candidate, limit: int) -> tuple[float, str | None, str | None]:
    """Evidence that a candidate names a person: (score, role, honorific)."""
    score, role, hon = 0.0, None, None
    prefix_toks = c.prefix.split()
    if prefix_toks and prefix_toks[-1].rstrip(".").lower() in HONORIFICS:
        hon = prefix_toks[-1].rstrip(".")
        score += 1
    prefix_role = _role_from_prefix(c.prefix)
    if prefix_role:
        score += 1
    before = norm[max(0, c.start - 80) : c.start - len(c.prefix) if c.prefix else c.start]
    noun = None if c.prefix or not _NOUN_TAIL.search(before) else _NOUN_BEFORE.search(before)
    if noun and is_person_noun(noun.group(2)):
        score += 1
        role = _qualified(before[: noun.start()], _noun_role(noun.group(1), noun.group(2)))
    if _SPEECH_BEFORE.search(before):
        score += 1
    after = norm[c.end : min(limit, c.end + 200)]
    pre_role = _role_before(before, after)
    if pre_role:
        score += 1
        role = pre_role
    if after.startswith(("'s", "s'")):
        return score, prefix_role and _title_role(prefix_role, None, None) or role, hon
    apposition = _appositive_role(norm, c.end, limit)
    if apposition:
        score += 1
    if prefix_role:
        org = _OF_ORG.match(after)
        role = _title_role(prefix_role, org.group(1) if org else None, apposition)
    elif apposition:
        role = apposition
    if _SPEECH_AFTER.match(after):
        score += 1
    elif _AGE.match(after):
        score += 0.5
    if is_given_name(c.core[0]) and not is_place(c.core[0]):
        score += 0.5  # a common given name: enough to know a person is there
    return score, role, hon


_QUALIFIER = re.compile(r"\b(former|acting|interim|outgoing|incoming|then-?)\s*$", re.IGNORECASE)


def _qualified(before: str, role: str) -> str:
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


def _noun_role(qualifier: str | None, noun: str) -> str:
    """ "coach" -> "coach"; "Hawks coach" -> "the Hawks coach"; "City forester" -> "the city …"."""
    words = (qualifier or "").split()
    # "Liberal Democrat leader": keep every capitalised qualifier, not just the last one.
    while len(words) > 1 and words[0].lower() in NON_NAME_STARTS:
        words = words[1:]
    if not words:
        return noun
    qualifier = " ".join(words)
    low = qualifier.lower()
    if low in _NOUN_QUALIFIERS:
        return f"the {low} {noun}"
    if qualifier[:1].isupper() and low not in NON_NAME_STARTS and low not in TITLE_WORDS:
        return f"the {qualifier} {noun}"
    return noun


def _role_before(before: str, after: str) -> str | None:
    """ "according to the town engineer, Tomas Reyes." -> "the town engineer"."""
    if not (after[:1] in ".,;)" or not after.strip()) or after.startswith(", and "):
        return None
    m = _ROLE_BEFORE.search(before)
    if not m or not is_person_noun(m.group(2)):
        return None
    return m.group(1)


def find_people(norm: str, paragraphs: list[Paragraph]) -> Cast:
    """Find the people of the article with aliases, roles, genders and mentions."""
    ends = {p.index: p.end for p in paragraphs}
    by_core: dict[str, Person] = {}
    people: list[Person] = []
    # Only people sharing the given name and another word can be variants: look up those
    # instead of passing over everyone per candidate (quadratic on a long list of names).
    variants: dict[tuple[str, str | None], list[Person]] = {}
    unconfirmed: list[_Candidate] = []
    later_refs = _honorific_surnames(norm)
    for c in _candidates(norm, paragraphs):
        score, role, hon = _cues(norm, c, ends[c.paragraph])
        key = _merge_key(c.core)
        person = by_core.get(key)
        if person is None:
            if (c.word_surname or is_place(c.core[-1])) and score < 1.5:
                continue  # "Grace Church", "Sierra Nevada": a person only with a title, role…
            if score <= 0 and not (set(c.core[1:]) & later_refs):
                unconfirmed.append(c)
                continue
            person = _find_variant(_variant_candidates(variants, c.core), c.core)
        if person is None:
            person = Person(" ".join(c.core), list(c.core), c.start)
            people.append(person)
            _index_variant(variants, person)
        by_core[key] = person
        if role and role not in person.roles:
            person.roles.append(role)
            person.role_at.append(c.start)
        if hon:
            person.honorifics.add(hon)
    _adopt_full_names(people, unconfirmed)
    _drop_nested(people)
    _assign_honorifics(norm, people)
    for p in people:
        p.gender = p.gender or _gender_from_name(p)
    mentions = _find_mentions(norm, paragraphs, people, unconfirmed)
    _later_roles(norm, paragraphs, people, mentions)
    return Cast(people, mentions)


def _later_roles(
    norm: str, paragraphs: list[Paragraph], people: list[Person], mentions: dict[int, list[Mention]]
) -> None:
    """A role given at a later mention: "…," Ruiz says. … Ruiz, a structural biologist, …"""
    for p in paragraphs:
        for m in mentions.get(p.index, []):
            if m.pronoun or m.person is None or people[m.person].roles:
                continue
            role = _appositive_role(norm, m.end, p.end)
            if role:
                people[m.person].roles.append(role)
                people[m.person].role_at.append(m.start)


def _merge_key(core: list[str]) -> str:
    return " ".join(core)


def _index_variant(variants: dict[tuple[str, str | None], list[Person]], p: Person) -> None:
    """File p under (given name, ""), (given name, each later word) or (given name, None)."""
    pw = [t for t in p.tokens if not _INITIAL.fullmatch(t)]
    keys = {(pw[0], ""), *((pw[0], w) for w in pw[1:])} if pw[1:] else {(pw[0], ""), (pw[0], None)}
    # "Eriksson Ek" after "Joel Eriksson Ek": a multi-word surname names the person too.
    keys |= {("surname", s) for s in p.surnames if " " in s}
    for key in keys:
        variants.setdefault(key, []).append(p)


def _variant_candidates(
    variants: dict[tuple[str, str | None], list[Person]], core: list[str]
) -> list[Person]:
    """The people _find_variant may match, in the order they were found (by first position)."""
    words = [t for t in core if not _INITIAL.fullmatch(t)]
    if not words[1:]:
        return variants.get((words[0], ""), [])
    keys = [(words[0], w) for w in [*words[1:], None]] + [("surname", " ".join(words))]
    found = {id(p): p for key in keys for p in variants.get(key, [])}
    return sorted(found.values(), key=lambda p: p.first_pos)


def _find_variant(people: list[Person], core: list[str]) -> Person | None:
    """An existing person this name is a variant of (same given name, shared surname)."""
    words = [t for t in core if not _INITIAL.fullmatch(t)]
    for p in people:
        if len(words) > 1 and " ".join(words) in p.surnames:
            return p  # "Eriksson Ek" after "Joel Eriksson Ek"
        pw = [t for t in p.tokens if not _INITIAL.fullmatch(t)]
        if pw[0] == words[0] and (pw[-1] == words[-1] or set(words[1:]) <= set(pw[1:])):
            return p
        if pw[0] == words[0] and set(pw[1:]) <= set(words[1:]):
            return p
    return None


def _adopt_full_names(people: list[Person], unconfirmed: list[_Candidate]) -> None:
    """Give a person first confirmed by a short form the full name met earlier.

    "burying Joel Eriksson Ek's feed" (no cue) … "Eriksson Ek said" (a cue): one person,
    Joel Eriksson Ek; the same for a given-name form ("Te Kaurinui" of "Te Kaurinui Parata").
    """
    for c in list(unconfirmed):
        n = len(c.core)
        for person in people:
            k = len(person.tokens)
            if not 2 <= k < n or person.first_pos < c.start:
                continue
            if person.tokens in (c.core[:k], c.core[n - k :]):
                person.name, person.tokens, person.first_pos = " ".join(c.core), c.core, c.start
                unconfirmed.remove(c)
                break


def _drop_nested(people: list[Person]) -> None:
    """Remove "people" that are really a fragment of another's name."""
    # Sorted word-start suffixes of every name: the longer names containing p.name at a word
    # start are those whose suffix begins with it (a bisect, not a pass over every name).
    suffixes = sorted((o[k:], o) for o in {p.name for p in people} for k in _word_starts(o))
    people[:] = [p for p in people if not _inside_longer(p.name, suffixes)]


def _word_starts(name: str) -> list[int]:
    return [0] + [i + 1 for i, ch in enumerate(name) if ch == " "]


def _inside_longer(name: str, suffixes: list[tuple[str, str]]) -> bool:
    """True when name starts at a word of a longer name ("John Smith" in "Mary John Smith")."""
    i = bisect.bisect_left(suffixes, (name,))
    while i < len(suffixes) and suffixes[i][0].startswith(name):
        if suffixes[i][1] != name and len(suffixes[i][1]) > len(name):
            return True
        i += 1
    return False


def _honorific_surnames(norm: str) -> set[str]:
    """Surnames used alone as a person's later: "Mr. Ruiz", "…," Ruiz says, says Ruiz."""
    out = {m.group(1) for m in re.finditer(rf"\b{_HON}\.?\s+(\p{{Lu}}[\p{{L}}'-]+)", norm)}
    out.update(m.group(1) or m.group(2) for m in _SPOKEN_SURNAME.finditer(norm))
    return out


_SAYS = r"(?:says|said|added|adds|told|tells|explained|recalled|noted|wrote)"
# A lone capitalised word as a speaker right after a quote: "…," Ruiz says / "…," says Ruiz.
_SPOKEN_SURNAME = re.compile(
    rf"[,!?]['\"]\s+(?:(\p{{Lu}}[\p{{L}}'-]+)\s+{_SAYS}|{_SAYS}\s+(\p{{Lu}}[\p{{L}}'-]+)[.,])"
)


def _assign_honorifics(norm: str, people: list[Person]) -> None:
    """Record "Mr."/"Ms." used with a person's surname, which also gives a gender."""
    owners: dict[str, list[Person]] = {}
    for p in people:
        for s in p.surnames:
            owners.setdefault(s, []).append(p)
    for m in re.finditer(
        rf"\b({_HON})\.?\s+(\p{{Lu}}[\p{{L}}'-]+(?:\s\p{{Lu}}[\p{{L}}'-]+)?)", norm
    ):
        hon, name = m.group(1), m.group(2)
        cands = owners.get(name) or owners.get(name.split()[0]) or []
        if len(cands) == 1:
            cands[0].honorifics.add(hon)
            gender = HONORIFICS.get(hon.lower())
            if gender and cands[0].gender is None:
                cands[0].gender = gender


def _gender_from_name(p: Person) -> str | None:
    return name_gender(p.given)


def _alias_table(people: list[Person]) -> dict[str, set[int]]:
    """Alias text -> ids of the people it may name (several ids = ambiguous)."""
    table: dict[str, set[int]] = {}
    for i, p in enumerate(people):
        words = [t for t in p.tokens if not _INITIAL.fullmatch(t)]
        forms = {p.name, " ".join(words), f"{words[0]} {words[-1]}", *p.surnames}
        if len(words) >= 3:
            forms.add(f"{words[0]} {words[-2]}")
        if not is_place(words[0]) and words[0].lower() not in ORG_WORDS:
            forms.add(words[0])
        for form in forms:
            table.setdefault(form, set()).add(i)
    return table


def _find_mentions(
    norm: str, paragraphs: list[Paragraph], people: list[Person], unconfirmed: list[_Candidate]
) -> dict[int, list[Mention]]:
    """Named mentions per paragraph, then he/she pronouns resolved in document order."""
    table = _alias_table(people)
    for c in unconfirmed:  # "Hori Parata" (unconfirmed) makes a later "Parata" ambiguous
        if " ".join(c.core) in table:
            continue  # a later, uncued mention of a known person
        if c.core[-1] in table:
            table[c.core[-1]].add(-1)
    out: dict[int, list[Mention]] = {}
    by_para: dict[int, list[_Candidate]] = {}
    for c in unconfirmed:
        by_para.setdefault(c.paragraph, []).append(c)
    finder = AliasFinder(table, _HON)
    for p in paragraphs:
        if p.heading:
            continue
        found: list[Mention] = []
        for start, end, hon, alias in finder.finditer(norm, p.start, p.end):
            ids = _filter_by_honorific(table[alias], hon, people)
            person = next(iter(ids)) if len(ids) == 1 else None
            found.append(Mention(start, end, person))
        # Name-like phrases we could not confirm still make "she"/"he" ambiguous.
        taken = [(x.start, x.end) for x in found]
        for c in by_para.get(p.index, []):
            if not any(a < c.end and c.start < b for a, b in taken):
                found.append(Mention(c.start, c.end, None))
        for m in _PRONOUNS.finditer(norm, p.start, p.end):
            word = m.group(0).lower()
            found.append(
                Mention(m.start(), m.end(), None, "m" if word in ("he", "him", "his") else "f")
            )
        found.sort(key=lambda x: x.start)
        out[p.index] = found
    _resolve_pronouns(norm, paragraphs, out, people)
    return out


def _filter_by_honorific(ids: set[int], hon: str | None, people: list[Person]) -> set[int]:
    if not hon or len(ids) < 2 or -1 in ids:
        return ids
    gender = HONORIFICS.get(hon.lower())
    kept = {i for i in ids if people[i].gender in (None, gender)}
    return kept or ids


def _resolve_pronouns(
    norm: str,
    paragraphs: list[Paragraph],
    mentions: dict[int, list[Mention]],
    people: list[Person],
) -> None:
    """Resolve he/she to the one compatible person in this (else the previous) paragraph."""
    previous: list[int | None] = []
    for p in paragraphs:
        if p.heading or p.index not in mentions:
            continue
        seen: list[int | None] = []
        # "Steenburgen called Buckley's performance stunning. … she said": a possessive
        # names whose thing it is, not who acts; used only to settle a tie.
        actors: list[int | None] = []
        # People named inside quotation marks are what is talked about, not antecedents; they
        # only make a pronoun ambiguous when nobody outside the quotes fits it.
        quoted: list[int | None] = []
        resolved: list[Mention] = []
        for m in mentions[p.index]:
            if m.pronoun is None:
                inside = _in_quotes(p, m.start)
                (quoted if inside else seen).append(m.person)
                if not inside and not norm.startswith(("'s", "s'"), m.end):
                    actors.append(m.person)
                resolved.append(m)
                if m.person is not None:
                    people[m.person].mentions += 1
                continue
            quoted_pronoun = _in_quotes(p, m.start)
            target = _pick(seen, m.pronoun, people) if seen else None
            tie_broken = False
            if target is None and actors and not quoted_pronoun and seen:
                target = _pick(actors, m.pronoun, people)
                tie_broken = target is not None
            if target is None and not _any_compatible(seen, m.pronoun, people):
                if _any_compatible(quoted, m.pronoun, people):
                    resolved.append(m)
                    continue
                target = _pick(previous, m.pronoun, people)
            if target is not None:
                if not (quoted_pronoun or tie_broken):  # "her head", inside a quote, is not hers
                    people[target].gender = people[target].gender or m.pronoun
                seen.append(target)
                actors.append(target)
            resolved.append(Mention(m.start, m.end, target, m.pronoun))
        mentions[p.index] = resolved
        previous = seen


def _in_quotes(p: Paragraph, pos: int) -> bool:
    """Whether pos lies inside one of the paragraph's quotations (sorted, not overlapping).

    A bisection, not a pass over the quotes: paragraphs of many quotes made that quadratic.
    """
    i = bisect.bisect_right(p.quotes, pos, key=lambda q: q.start) - 1
    return i >= 0 and pos < p.quotes[i].end


def _any_compatible(seen: list[int | None], gender: str, people: list[Person]) -> bool:
    return any(i is None or people[i].gender in (None, gender) for i in seen)


def _pick(seen: list[int | None], gender: str, people: list[Person]) -> int | None:
    """The single person of seen compatible with gender, else None (ambiguous or none)."""
    cands = {i for i in seen if i is None or people[i].gender in (None, gender)}
    if len(cands) == 1:
        only = next(iter(cands))
        return only
    return None
