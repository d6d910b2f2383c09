"""Unseen invented news articles with hand-written keys (written by reading, before running)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Key:
    """What a careful reader would ask about one article.

    Items are (fragment, speaker) for quotes, (fragment, year) for years and
    (answer, fragment) for ranks and numbers; people map a name to role fragments (any one
    is enough). `optional` holds correct questions that are fine to ask but not required.
    """

    text: str
    quotes: list[tuple[str, str]] = field(default_factory=list)
    years: list[tuple[str, str]] = field(default_factory=list)
    ranks: list[tuple[str, str]] = field(default_factory=list)
    numbers: list[tuple[str, str]] = field(default_factory=list)
    people: dict[str, tuple[str, ...]] = field(default_factory=dict)
    optional: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
