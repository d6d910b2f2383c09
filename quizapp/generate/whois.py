"""Who is who: a person and the role the article gives them, asked both ways."""

from __future__ import annotations

import regex as re

from quizapp.generate.article import Article
from quizapp.generate.distractors import assemble, has_office, rng_for, shuffled
from quizapp.generate.people import Person, is_common_title
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


def _words(text: str) -> set[str]:
    """Content words of text, lower-cased and crudely singularised, for overlap tests."""
    out = set()
    for w in _CONTENT.findall(text.lower()):
        w = w.removesuffix("'s")
        if w not in _STOP:
            out.add(w[:-1] if w.endswith("s") and not w.endswith("ss") else w)
    return out


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
    """Other people's roles in the article; none sharing a key word with the answer's."""
    own = {r.casefold() for r in person.roles}
    own_words = set().union(*(_words(r) for r in person.roles))
    others = [
        r
        for j, r in all_roles
        if j != i and r.casefold() not in own and not (_words(r) & own_words) and has_office(r)
    ]
    others = shuffled(list(dict.fromkeys(others)), rng_for(art.digest, f"roles:{person.name}"))
    # Only roles the article gives: an invented one ("a bank manager") is a giveaway. Nothing
    # for a name that is no person ("Hartford Courant"): the question is not asked.
    return others if art.is_person(i) else []


def who_is_questions(art: Article) -> list[DraftQuestion]:
    """Role -> person and person -> role questions for every person with a role."""
    people = art.cast.people
    out: list[DraftQuestion] = []
    all_roles = [(i, r) for i, p in enumerate(people) for r in p.roles]
    for i, person in enumerate(people):
        if not person.roles:
            continue
        role = person.roles[0]
        p = next(x for x in art.paragraphs if x.start <= person.role_at[0] < x.end + 1)
        source, span = art.source(p, person.role_at[0], person.role_at[0] + 1)
        explanation = f"The article introduces {person.name} as {role}."
        askable = _askable_role(role)
        shared = [j for j, r in all_roles if j != i and r.casefold() == role.casefold()]
        if askable and not shared:
            q = assemble(
                digest=art.digest,
                kind="who_is",
                prompt=_role_prompt(askable),
                answer=person.name,
                distractors=art.person_choices(i, askable),
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
