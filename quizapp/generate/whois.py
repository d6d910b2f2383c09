"""Who is who: a person and the role the article gives them, asked both ways."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from functools import lru_cache

import regex as re

from quizapp.generate.article import Article
from quizapp.generate.budget import spent
from quizapp.generate.cast import Person
from quizapp.generate.distractors import MAX_DISTRACTORS, assemble, has_office, rng_for, shuffled
from quizapp.generate.lexicon import TITLE_WORDS, VAGUE_ROLES, is_person_noun
from quizapp.generate.roles import is_common_title
from quizapp.generate.text import Paragraph
from quizapp.generate.types import DraftQuestion

_CONTENT = re.compile(r"\p{L}[\p{L}-]{3,}")
# Other people's roles offered as distractors come from at most this many roles around the
# answer's: linear time on an article listing thousands of people.
MAX_ROLE_POOL = 24
_STOP = frozenset(
    [
        "that",
        "this",
        "with",
        "from",
        "were",
        "have",
        "been",
        "their",
        "there",
        "about",
        "which",
        "someone",
        "when",
        "what",
    ]
)


@lru_cache(maxsize=4096)  # the same roles are compared for every person
def _words(text: str) -> frozenset[str]:
    """Content words of text, lower-cased and crudely singularised, for overlap tests."""
    out = set()
    for w in _CONTENT.findall(text.lower()):
        w = w.removesuffix("'s")
        # "president-elect" shares "president": one must not be a distractor for the other.
        for part in {w, *w.split("-")}:
            if len(part) > 3 and part not in _STOP:
                out.add(part[:-1] if part.endswith("s") and not part.endswith("ss") else part)
    return frozenset(out)


def _start(paragraph: Paragraph) -> int:
    return paragraph.start


def _role_prompt(role: str) -> str:
    """ "Who is Canada's then-ambassador to Mexico?" / "Who specializes in …?"."""
    if role.startswith("someone who "):
        return f"Who {role[len('someone who ') :]}?"
    first = role.split()[0]
    if first.lower() in ("a", "an"):
        return f"Who in the article is {role}?"  # "Who is a food critic?" asks for a definition
    has_det = first.lower() == "the" or first.endswith(("'s", "’s"))
    return f"Who is {role}?" if has_det else f"Who is the {role}?"


@lru_cache(maxsize=4096)  # many people share a role ("a teacher"): worked out once
def _askable_role(role: str) -> str | None:
    """The part of role that identifies one person, or None for a bare title ("the mayor")."""
    head, sep, rest = role.partition(", ")
    if sep and is_common_title(head):
        role = rest
    bare = role.split(maxsplit=1)[1] if role.split()[0].lower() in ("a", "an", "the") else role
    if len(role.split()) < 2 or is_common_title(bare):
        return None
    return role


def _role_distractors(
    art: Article, i: int, person: Person, all_roles: list[tuple[int, str]]
) -> list[str]:
    """Other people's roles in the article; none sharing a key word with the answer's."""
    # Only roles the article gives: an invented one ("a bank manager") is a giveaway. Nothing
    # for a name that is no person ("Hartford Courant"): the question is not asked.
    if not art.is_person(i):
        return []
    own = {r.casefold() for r in person.roles}
    own_words = set().union(*(_words(r) for r in person.roles))
    if len(all_roles) > MAX_ROLE_POOL:
        at = bisect.bisect_left(all_roles, i, key=lambda x: x[0])
        first = min(max(0, at - MAX_ROLE_POOL // 2), len(all_roles) - MAX_ROLE_POOL)
        all_roles = all_roles[first : first + MAX_ROLE_POOL]
    others = [
        r
        for j, r in all_roles
        if j != i and r.casefold() not in own and not (_words(r) & own_words) and has_office(r)
    ]
    others = list(dict.fromkeys(others))
    if len(others) < 2:
        return others  # nothing to shuffle: no seeded generator (hashing costs)
    return shuffled(others, rng_for(art.digest, f"roles:{person.name}"))


_DANGLING = frozenset(["of", "in", "at", "from", "to", "for", "with", "on", "by", "the", "a"])
# Offices held by one person at a time: "the President" alone is a vague key (of what?).
_ONE_HOLDER = frozenset(
    ["president", "president-elect", "prime", "premier", "chancellor", "governor", "mayor"]
    + ["king", "queen", "pope", "chief", "chairman", "chairwoman", "chair", "ceo", "speaker"]
    + ["secretary", "attorney", "minister", "superintendent", "director", "commissioner"]
)


@lru_cache(maxsize=4096)  # called per person and per role of everyone
def _specific(role: str) -> str | None:
    """The role as a teacher would accept it as an answer, or None when vague or garbled.

    "the Forward" -> "a forward"; "analyst" -> "an analyst"; "the Prime Minister" -> None
    (of what?); "and the former owner of …" -> None.
    """
    words = role.split()
    if words[0].lower() in ("and", "or", "but", "as", "to"):
        return None
    if role.startswith("someone who "):
        # "someone who phoned in from the Chicago set of": cut before a quoted title
        return None if words[-1].lower() in _DANGLING else role
    if not any(is_person_noun(w.strip(",")) or w.lower() in TITLE_WORDS for w in words):
        return None  # "the State": no job in it
    if _askable_role(role) is not None:
        return role
    bare = words[1:] if words[0].lower() in ("a", "an", "the") else words
    if not bare or any(w.lower() in _ONE_HOLDER for w in bare):
        return None  # "the Foreign Secretary", "the Attorney General": of which country?
    if not is_person_noun(bare[-1]):
        return None  # "the State"
    if len(bare) == 1 and bare[0].lower() in VAGUE_ROLES:
        return None  # "a spokesman": for whom?
    noun = " ".join(bare).lower()
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def who_is_questions(art: Article) -> list[DraftQuestion]:
    """One question per person with a specific role: "Who is X?" or "Who is <role>?".

    Asking both directions would let one question answer the other, so only the better is
    kept: the one with more real distractors (other people's roles, or other people when the
    role names exactly one person); never an invented person or role.
    """
    people = art.cast.people
    out: list[DraftQuestion] = []
    all_roles = [(i, r) for i, p in enumerate(people) for r in map(_specific, p.roles) if r]
    # Who holds each role, and paragraph starts: lookups, not a pass per person (quadratic).
    holders: dict[str, set[int]] = {}
    # ("scientist", "planetary") -> who holds a role with that head and modifier
    pairs: dict[tuple[str, str], set[int]] = {}
    for j, r in all_roles:
        holders.setdefault(r.casefold(), set()).add(j)
        *mods, head = _head_words(r)
        for w in mods:
            pairs.setdefault((head, w), set()).add(j)
    for i, person in enumerate(people):
        if spent():
            break
        k, role = next(((k, r) for k, r in enumerate(map(_specific, person.roles)) if r), (0, None))
        if role is None:
            continue
        distractors = _role_distractors(art, i, person, all_roles)
        askable = _askable_role(role)
        # Someone else holds it too (no copy of the holders: thousands may share a role).
        shared = any(j != i for j in holders.get(role.casefold(), ()))
        # "Who is the NASA planetary scientist?" beside "the Goddard planetary scientist": the
        # qualifiers may both fit one person (Goddard is NASA's); ask who the person is instead.
        *mods, head = _head_words(role)
        # Any other holder suffices: a set of one is {i} or someone else, so at most two looks.
        shared = shared or any(any(j != i for j in pairs.get((head, w), ())) for w in mods)
        names = art.person_choices(i, askable) if askable and not shared else []
        if not distractors and not names:
            continue  # neither way can be asked: no source to cut out
        at = person.role_at[k]
        # The paragraph where the role is given: the last one starting at or before it.
        p = art.paragraphs[bisect.bisect_right(art.paragraphs, at, key=_start) - 1]
        source, span = art.source(p, at, at + 1)
        explanation = f"The article introduces {person.name} as {role}."
        n_roles, n_names = (min(len(d), MAX_DISTRACTORS) for d in (distractors, names))
        conf = 0.85 if n_roles >= MAX_DISTRACTORS else 0.7
        asks: list[tuple[Callable[..., DraftQuestion | None], tuple]] = [
            (_ask_role, (art, person, role, distractors, source, span, explanation, conf)),
        ]
        if askable and names:
            asks.append((_ask_person, (art, person, askable, names, source, span, explanation)))
        # The direction with more real distractors first (assemble enforces the minimum);
        # "Who is X? someone who sat out the third period" is no identity: better the other way.
        if n_names > n_roles or (role.startswith("someone who ") and n_names):
            asks.reverse()
        q = next((q for ask, args in asks if (q := ask(*args))), None)
        if q:
            out.append(q)
    return out


def _head_words(role: str) -> list[str]:
    """The role's words before any "of"/"at" phrase, without articles, the last taken as its
    head: "the NASA planetary scientist" -> ["nasa", "planetary", "scientist"] (and "the
    University of Liverpool biochemist" -> ["university"], which then shares with nobody)."""
    words = role.split(" of ")[0].split(" at ")[0].casefold().split()
    return [w for w in words if w not in ("a", "an", "the")] or words


def _ask_person(
    art: Article,
    person: Person,
    askable: str,
    names: list[str],
    source: str,
    span: tuple[int, int],
    explanation: str,
) -> DraftQuestion | None:
    return assemble(
        digest=art.digest,
        kind="who_is",
        prompt=_role_prompt(askable),
        answer=person.name,
        distractors=names,
        source=source,
        span=span,
        explanation=explanation,
        confidence=0.85,
        accepted=person.aliases(),
    )


def _ask_role(
    art: Article,
    person: Person,
    role: str,
    distractors: list[str],
    source: str,
    span: tuple[int, int],
    explanation: str,
    confidence: float,
) -> DraftQuestion | None:
    return assemble(
        digest=art.digest,
        kind="who_is",
        prompt=f"Who is {person.name}?",
        answer=role,
        distractors=distractors,
        source=source,
        span=span,
        explanation=explanation,
        confidence=confidence,
    )
