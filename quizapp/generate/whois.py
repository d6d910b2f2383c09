"""Who is who: a person and the role the article gives them, asked both ways."""

from __future__ import annotations

import bisect
from functools import lru_cache

import regex as re

from quizapp.generate.article import Article
from quizapp.generate.distractors import assemble, rng_for, shuffled
from quizapp.generate.people import Person, is_common_title
from quizapp.generate.text import Paragraph
from quizapp.generate.types import DraftQuestion

GENERIC_ROLES = (
    "a local business owner",
    "a city council member",
    "a university researcher",
    "a government spokesperson",
    "a retired schoolteacher",
    "a hospital nurse",
    "a newspaper columnist",
    "a bank manager",
    "a police officer",
    "a software developer",
)
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
        if w not in _STOP:
            out.add(w[:-1] if w.endswith("s") and not w.endswith("ss") else w)
    return frozenset(out)


def _start(paragraph: Paragraph) -> int:
    return paragraph.start


def _role_prompt(role: str) -> str:
    """ "Who is Canada's then-ambassador to Mexico?" / "Who specializes in …?"."""
    if role.startswith("someone who "):
        return f"Who {role[len('someone who ') :]}?"
    first = role.split()[0]
    has_det = first.lower() in ("a", "an", "the") or first.endswith(("'s", "’s"))
    return f"Who is {role}?" if has_det else f"Who is the {role}?"


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
    art: Article, i: int, person: Person, context: str, all_roles: list[tuple[int, str]]
) -> list[str]:
    """Other people's roles, then generic ones; none sharing a key word with the answer's."""
    own = {r.casefold() for r in person.roles}
    own_words = set().union(*(_words(r) for r in person.roles))
    if len(all_roles) > MAX_ROLE_POOL:
        at = bisect.bisect_left(all_roles, i, key=lambda x: x[0])
        first = min(max(0, at - MAX_ROLE_POOL // 2), len(all_roles) - MAX_ROLE_POOL)
        all_roles = all_roles[first : first + MAX_ROLE_POOL]
    others = [
        r
        for j, r in all_roles
        if j != i and r.casefold() not in own and not (_words(r) & own_words)
    ]
    others = shuffled(list(dict.fromkeys(others)), rng_for(art.digest, f"roles:{person.name}"))
    near = own_words | _words(context)
    generic = [g for g in GENERIC_ROLES if not (_words(g) & near)]
    generic = shuffled(generic, rng_for(art.digest, f"generic:{person.name}"))
    return others + generic


def who_is_questions(art: Article) -> list[DraftQuestion]:
    """Role -> person and person -> role questions for every person with a role."""
    people = art.cast.people
    out: list[DraftQuestion] = []
    all_roles = [(i, r) for i, p in enumerate(people) for r in p.roles]
    # Who holds each role, and paragraph starts: lookups, not a pass per person (quadratic).
    holders: dict[str, set[int]] = {}
    for j, r in all_roles:
        holders.setdefault(r.casefold(), set()).add(j)
    for i, person in enumerate(people):
        if not person.roles:
            continue
        role = person.roles[0]
        # The paragraph where the role is given: the last one starting at or before it.
        p = art.paragraphs[bisect.bisect_right(art.paragraphs, person.role_at[0], key=_start) - 1]
        source, span = art.source(p, person.role_at[0], person.role_at[0] + 1)
        explanation = f"The article introduces {person.name} as {role}."
        askable = _askable_role(role)
        shared = len(holders[role.casefold()]) > 1  # someone else holds it too
        if askable and not shared:
            q = assemble(
                digest=art.digest,
                kind="who_is",
                prompt=_role_prompt(askable),
                answer=person.name,
                distractors=art.person_choices(i),
                source=source,
                span=span,
                explanation=explanation,
                confidence=0.85,
                accepted=person.aliases(),
            )
            if q:
                out.append(q)
        distractors = _role_distractors(art, i, person, source, all_roles)
        n_others = sum(1 for d in distractors if d not in GENERIC_ROLES)
        q = assemble(
            digest=art.digest,
            kind="who_is",
            prompt=f"Who is {person.name}?",
            answer=role,
            distractors=distractors,
            source=source,
            span=span,
            explanation=explanation,
            confidence=0.85 if n_others >= 3 else 0.7,
        )
        if q:
            out.append(q)
    return out
