"""Who is who: a person and the role the article gives them, asked both ways."""

from __future__ import annotations

from quizapp.generate.article import Article
from quizapp.generate.distractors import assemble, rng_for, shuffled
from quizapp.generate.types import DraftQuestion

GENERIC_ROLES = (
    "a local business owner",
    "a city council member",
    "a university researcher",
    "a government spokesperson",
    "a retired schoolteacher",
)


def _role_prompt(role: str) -> str:
    """ "Who is Canada's then-ambassador to Mexico?" / "Who specializes in …?"."""
    if role.startswith("someone who "):
        return f"Who {role[len('someone who ') :]}?"
    first = role.split()[0]
    has_det = first.lower() in ("a", "an", "the") or first.endswith(("'s", "’s"))
    return f"Who is {role}?" if has_det else f"Who is the {role}?"


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
        shared = [j for j, r in all_roles if j != i and r.casefold() == role.casefold()]
        if len(role.split()) >= 2 and not shared:
            q = assemble(
                digest=art.digest,
                kind="who_is",
                prompt=_role_prompt(role),
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
        own = {r.casefold() for r in person.roles}
        others = [r for j, r in all_roles if j != i and r.casefold() not in own]
        others = list(dict.fromkeys(others))
        conf = 0.85 if len(others) >= 3 else 0.7
        prompt = f"Who is {person.name}?"
        others = shuffled(others, rng_for(art.digest, "roles:" + prompt))
        q = assemble(
            digest=art.digest,
            kind="who_is",
            prompt=prompt,
            answer=role,
            distractors=others + [g for g in GENERIC_ROLES if g.casefold() not in own],
            source=source,
            span=span,
            explanation=explanation,
            confidence=conf,
        )
        if q:
            out.append(q)
    return out
