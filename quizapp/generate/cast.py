"""The people of an article as found: each person, each mention of one, and both together."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

INITIAL = re.compile(r"\p{Lu}\.")
# Generational suffixes end a name but are no surname ("Carlineo Jr." is "Carlineo").
SUFFIXES = frozenset(["Jr", "Sr"])


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

    # (tokens, words, surnames) for the tokens last seen: every merge, mention and distractor
    # step asks for them, and tokens change only when a fuller name is adopted (a new list).
    _split: tuple[list[str], tuple[str, ...], tuple[str, ...]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def _parts(self) -> tuple[list[str], tuple[str, ...], tuple[str, ...]]:
        if self._split is None or self._split[0] is not self.tokens:
            words = tuple(t for t in self.tokens if not INITIAL.fullmatch(t) and t not in SUFFIXES)
            surnames = words[-1:]
            if len(words) >= 3:
                surnames += (words[-2], f"{words[-2]} {words[-1]}")
            self._split = (self.tokens, words, words if len(words) < 2 else surnames)
        return self._split

    @property
    def words(self) -> tuple[str, ...]:
        """The name's tokens without initials or a suffix ("Graeme C. Clark" -> Graeme, Clark)."""
        return self._parts()[1]

    @property
    def surnames(self) -> tuple[str, ...]:
        """Possible surnames: last token, and for long names the paternal one ("Sheinbaum")."""
        return self._parts()[2]

    @property
    def given(self) -> str:
        """The first given name."""
        return self.tokens[0]

    def aliases(self) -> tuple[str, ...]:
        """Other ways the article may name this person ("Clark", "Mr. Clark", "Graeme Clark")."""
        words = self.words
        out: list[str] = [" ".join(words)] if len(words) != len(self.tokens) else []
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
