"""Shared checks for generator tests."""

from __future__ import annotations

from quizapp.generate import KINDS, GeneratedArticle


def check_invariants(text: str, result: GeneratedArticle) -> None:
    """Assert the rules every question must obey."""
    prompts = set()
    facts = set()
    for q in result.questions:
        assert q.kind in KINDS
        assert q.answer in q.choices, q
        assert 2 <= len(q.choices) <= 8, q
        assert len(q.choices) >= 3 or q.kind in ("who_said", "who_is"), q
        assert len(q.choices) == 4 or q.kind in ("who_said", "who_is", "number"), q
        assert len({c.casefold() for c in q.choices}) == len(q.choices), q
        assert text[q.span[0] : q.span[1]] == q.source, q
        assert 0.0 <= q.confidence <= 1.0
        aliases = {a.casefold() for a in q.accepted}
        assert not any(c != q.answer and c.casefold() in aliases for c in q.choices), q
        assert q.prompt not in prompts, q.prompt
        assert (q.kind, q.answer, q.source) not in facts, q
        prompts.add(q.prompt)
        facts.add((q.kind, q.answer, q.source))
        assert q.explanation
    people = {p.name: p for p in result.people}
    for q in result.questions:
        if q.kind == "who_said" or (q.kind == "who_is" and q.answer in people):
            for c in q.choices:
                if c != q.answer and c in people:
                    assert not set(people[c].aliases) & set(people[q.answer].aliases)
