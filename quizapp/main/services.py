"""Queries and text helpers for the public pages."""

from __future__ import annotations

from markupsafe import Markup, escape


def article_paragraphs(body: str) -> list[tuple[int, str]]:
    """Split an article into (start offset, paragraph) pairs, skipping blank lines."""
    paragraphs, offset = [], 0
    for line in body.splitlines(keepends=True):
        if line.strip():
            paragraphs.append((offset, line.rstrip("\r\n")))
        offset += len(line)
    return paragraphs


def highlight(sentence: str | None, phrase: str | None) -> Markup:
    """Escape a sentence and mark the first case-insensitive occurrence of a phrase in it."""
    sentence = sentence or ""
    if phrase:
        at = sentence.casefold().find(phrase.casefold())
        if at >= 0:
            end = at + len(phrase)
            return (
                escape(sentence[:at])
                + Markup("<mark>")
                + escape(sentence[at:end])
                + Markup("</mark>")
                + escape(sentence[end:])
            )
    return escape(sentence)


def split_at_span(paragraph: str, start: int, span: tuple[int, int]) -> tuple[str, str, str]:
    """Cut a paragraph (beginning at offset `start`) around a span of the whole text."""
    lo = min(max(span[0] - start, 0), len(paragraph))
    hi = min(max(span[1] - start, lo), len(paragraph))
    return paragraph[:lo], paragraph[lo:hi], paragraph[hi:]
