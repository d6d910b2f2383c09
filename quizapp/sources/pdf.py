"""The text of a PDF article without running headers, footers, page numbers or hyphenation."""

from __future__ import annotations

import io
import re
from collections import Counter
from typing import Any

# Lines at the top or bottom of a page that repeat on most pages are running headers/footers.
EDGE_LINES = 2
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?(?:\s*[-–—])?$", re.IGNORECASE
)
_HYPHENATED = re.compile(r"(\w)-\n(\w)")
_SENTENCE_END = (".", "!", "?", '"', "”", "’", ":")


def pdf_article(data: bytes, error: type[Exception]) -> dict[str, Any]:
    """Text, title and author of a PDF as keyword arguments; raises `error` with a message."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise error("This PDF is protected by a password: save an unprotected copy and retry.")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except error:
        raise
    except Exception as exc:  # pypdf raises many types on damaged files
        if isinstance(exc, PyPdfError) and "decrypt" in str(exc).lower():
            raise error("This PDF is protected by a password.") from None
        raise error("This PDF is damaged and cannot be read.") from None
    if not any(page.strip() for page in pages):
        raise error(
            "This PDF has no text: it is probably a scan (pictures of pages). "
            "Run it through text recognition (OCR) or paste the text instead."
        )
    return {
        "text": clean_pages(pages),
        "title": (info.title if info else None) or None,
        "author": (info.author if info else None) or None,
    }


def clean_pages(pages: list[str]) -> str:
    """Join pages into paragraphs, dropping repeated edge lines and page numbers."""
    split = [[line.strip() for line in page.splitlines() if line.strip()] for page in pages]
    running = _running_lines(split)
    body: list[str] = []
    for lines in split:
        for i, line in enumerate(lines):
            at_edge = i < EDGE_LINES or i >= len(lines) - EDGE_LINES
            if at_edge and (_PAGE_NUMBER.match(line) or _shape(line) in running):
                continue
            body.append(line)
    return _paragraphs(body)


def _shape(line: str) -> str:
    """A line with its numbers masked: "Page 3" and "Page 4" have the same shape."""
    return _DIGITS.sub("#", line.lower())


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Shapes of edge lines found on at least half the pages (and on two or more)."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edges = lines[:EDGE_LINES] + lines[-EDGE_LINES:]
        counts.update({_shape(line) for line in edges})
    needed = max(2, (len(pages) + 1) // 2)
    return {shape for shape, count in counts.items() if count >= needed}


def _paragraphs(lines: list[str]) -> str:
    """Lines back into paragraphs: a short line ending a sentence closes its paragraph."""
    if not lines:
        return ""
    width = sorted(len(line) for line in lines)[len(lines) * 3 // 4]
    out: list[str] = []
    for line in lines:
        out.append(line)
        closes = line.endswith(_SENTENCE_END) and len(line) < 0.8 * width
        out.append("\n\n" if closes else "\n")
    text = _HYPHENATED.sub(r"\1\2", "".join(out).strip())
    return "\n\n".join(" ".join(part.split("\n")) for part in text.split("\n\n"))
