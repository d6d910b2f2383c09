"""Finding the people of an article: who is named, merged across the forms of their name."""

from __future__ import annotations

import bisect

import regex as re

from quizapp.generate.candidates import SURNAME_TITLES, Candidate, candidates, cues
from quizapp.generate.cast import INITIAL, SUFFIXES, Cast, Mention, Person
from quizapp.generate.mentions import (
    assign_honorifics,
    find_mentions,
    gender_from_name,
    honorific_surnames,
)
from quizapp.generate.places import is_place
from quizapp.generate.roles import appositive_role
from quizapp.generate.text import Paragraph

# A name, then "of", then the candidate: "Tomas Reyes of Harlow Brandt" names his employer.
_OF_AFTER_NAME = re.compile(r"\p{Lu}[\p{L}'-]+\s+(?:of|for)\s+$", flags=re.REVERSE)


def find_people(norm: str, paragraphs: list[Paragraph]) -> Cast:
    """Find the people of the article with aliases, roles, genders and mentions."""
    ends = {p.index: p.end for p in paragraphs}
    by_core: dict[str, Person] = {}
    people: list[Person] = []
    # Only people sharing the given name and another word can be variants: look up those
    # instead of passing over everyone per candidate (quadratic on a long list of names).
    variants: dict[tuple[str, str | None], list[Person]] = {}
    unconfirmed: list[Candidate] = []
    later_refs = honorific_surnames(norm)
    org_heads: set[str] = set()
    for c in candidates(norm, paragraphs, org_heads):
        key = _merge_key(c.core)
        person = by_core.get(key)
        score, role, hon = cues(norm, c, ends[c.paragraph], scored=person is None)
        if person is None:
            inside = c.inside_run and c.core[-1] not in later_refs
            # "at Walter Reed" after "Walter Reed Hospital"; "Analyst Reyes of Harlow Brandt"
            org = " ".join(c.core) in org_heads or bool(
                _OF_AFTER_NAME.search(norm, max(0, c.start - 60), c.start)
            )
            if (c.word_surname or inside or org or is_place(c.core[-1])) and score < 1.5:
                continue  # "Grace Church", "Sierra Nevada": a person only with a title, role…
            if score <= 0 and not (set(c.core[1:]) & later_refs):
                unconfirmed.append(c)
                continue
            person = _find_variant(_variant_candidates(variants, c.core), c.core)
        if person is None:
            name = " ".join(c.core)
            spelt = norm[c.start : c.end]
            if len(spelt.split()) > len(c.core) and "\n" not in spelt:
                name = spelt  # "Rubén del Campo": the particle is part of the name as written
            if c.core[-1] in SUFFIXES and norm.startswith(".", c.end):
                name += "."  # "Patrick W. Carlineo Jr.": the suffix keeps its full stop
            person = Person(name, list(c.core), c.start)
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
    _drop_titled_namesakes(people)
    assign_honorifics(norm, people)
    for p in people:
        p.gender = p.gender or gender_from_name(p)
    mentions = find_mentions(norm, paragraphs, people, unconfirmed)
    _later_roles(norm, paragraphs, people, mentions)
    _name_role_pronouns(norm, paragraphs, people, mentions)
    return Cast(people, mentions)


_ROLE_PRONOUN = re.compile(r"\b(?:his|her)\b", re.IGNORECASE)


def _name_role_pronouns(
    norm: str, paragraphs: list[Paragraph], people: list[Person], mentions: dict[int, list[Mention]]
) -> None:
    """ "someone who produced four of her albums": "her" named when it is someone else
    (Mary Holt's albums), kept when it is the person's own, the role dropped when unknown."""
    starts = [p.start for p in paragraphs]
    for i, person in enumerate(people):
        kept_roles, kept_at = [], []
        for role, at in zip(person.roles, person.role_at, strict=True):
            named = _named_role(norm, paragraphs, starts, mentions, people, i, role, at)
            if named is not None:
                kept_roles.append(named)
                kept_at.append(at)
        person.roles, person.role_at = kept_roles, kept_at


def _named_role(
    norm: str,
    paragraphs: list[Paragraph],
    starts: list[int],
    mentions: dict[int, list[Mention]],
    people: list[Person],
    owner: int,
    role: str,
    at: int,
) -> str | None:
    if not _ROLE_PRONOUN.search(role):
        return role
    p = paragraphs[bisect.bisect_right(starts, at) - 1]
    words = role.removeprefix("someone who ")
    pos = norm.find(words, at, p.end)
    if pos < 0:
        return None
    out = role
    for m in mentions.get(p.index, []):
        if not (pos <= m.start < pos + len(words)) or not m.pronoun:
            continue
        if m.person is None:
            return None
        if m.person != owner:
            word = norm[m.start : m.end]
            out = re.sub(rf"\b{word}\b", f"{people[m.person].name}’s", out, count=1)
    return out


def _later_roles(
    norm: str, paragraphs: list[Paragraph], people: list[Person], mentions: dict[int, list[Mention]]
) -> None:
    """A role given at a later mention: "…," Ruiz says. … Ruiz, a structural biologist, …"""
    for p in paragraphs:
        for m in mentions.get(p.index, []):
            if m.pronoun or m.person is None or people[m.person].roles:
                continue
            role = appositive_role(norm, m.end, p.end)
            if role:
                people[m.person].roles.append(role)
                people[m.person].role_at.append(m.start)


def _merge_key(core: list[str]) -> str:
    return " ".join(core)


def _index_variant(variants: dict[tuple[str, str | None], list[Person]], p: Person) -> None:
    """File p under (given name, ""), (given name, each later word) or (given name, None)."""
    pw = p.words
    keys = {(pw[0], ""), *((pw[0], w) for w in pw[1:])} if pw[1:] else {(pw[0], ""), (pw[0], None)}
    # "Eriksson Ek" after "Joel Eriksson Ek": a multi-word surname names the person too.
    keys |= {("surname", s) for s in p.surnames if " " in s}
    for key in keys:
        variants.setdefault(key, []).append(p)


def _variant_candidates(
    variants: dict[tuple[str, str | None], list[Person]], core: list[str]
) -> list[Person]:
    """The people _find_variant may match, in the order they were found (by first position)."""
    words = [t for t in core if not INITIAL.fullmatch(t)]
    if not words[1:]:
        return variants.get((words[0], ""), [])
    keys = [(words[0], w) for w in [*words[1:], None]] + [("surname", " ".join(words))]
    found = {id(p): p for key in keys for p in variants.get(key, [])}
    return sorted(found.values(), key=lambda p: p.first_pos)


def _find_variant(people: list[Person], core: list[str]) -> Person | None:
    """An existing person this name is a variant of (same given name, shared surname)."""
    words = [t for t in core if not INITIAL.fullmatch(t)]
    for p in people:
        if len(words) > 1 and " ".join(words) in p.surnames:
            return p  # "Eriksson Ek" after "Joel Eriksson Ek"
        pw = p.words
        if pw[0] == words[0] and (pw[-1] == words[-1] or set(words[1:]) <= set(pw[1:])):
            return p
        if pw[0] == words[0] and set(pw[1:]) <= set(words[1:]):
            return p
    return None


def _adopt_full_names(people: list[Person], unconfirmed: list[Candidate]) -> None:
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


def _drop_titled_namesakes(people: list[Person]) -> None:
    """ "President Trump" beside "Donald Trump": one person, met by the full name's surname."""
    full = {p.tokens[-1] for p in people if p.tokens[0] not in SURNAME_TITLES}
    people[:] = [p for p in people if not (p.tokens[0] in SURNAME_TITLES and p.tokens[-1] in full)]


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
