"""The people of an article as found: each person, each mention of one, and both together."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

INITIAL = re.compile(r"\p{Lu}\.")


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
        words = [t for t in self.tokens if not INITIAL.fullmatch(t)]
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
        words = [t for t in self.tokens if not INITIAL.fullmatch(t)]
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
