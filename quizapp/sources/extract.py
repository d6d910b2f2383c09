"""Detect a file's type by its content and extract the article it holds."""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass, replace
from datetime import date

from quizapp.sources.pdf import pdf_article

# A .docx is a zip: refuse archives that would inflate far beyond any real article.
MAX_DOCX_UNPACKED = 50 * 1024 * 1024
MAX_DOCX_RATIO = 200
# Fewer words than this on a web page is a menu or a teaser, not an article.
MIN_PAGE_WORDS = 25
HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<meta ")
_HEADING = re.compile(r"^(?:heading|title)", re.IGNORECASE)
_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")


class SourceError(ValueError):
    """A file or page the app cannot read an article from; the message says why."""


@dataclass(frozen=True)
class ExtractedArticle:
    """The text of an article and what the source says about it."""

    text: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    source_url: str | None = None


def sniff(data: bytes, filename: str | None = None) -> str:
    """The kind of a file by its content: pdf, docx, html, markdown or text."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise SourceError("This is an old Word (.doc) file: save it as .docx or PDF and retry.")
    lowered = head.lower()
    if lowered.startswith(b"<") and any(marker in lowered for marker in HTML_MARKERS):
        return "html"
    if (filename or "").lower().endswith((".md", ".markdown")):
        return "markdown"
    return "text"


def extract(
    data: bytes, filename: str | None = None, *, source_url: str | None = None
) -> ExtractedArticle:
    """The article in a file of any supported type; raises SourceError with a clear message."""
    kind = sniff(data, filename)
    if kind == "pdf":
        article = ExtractedArticle(**pdf_article(data, SourceError))
    elif kind == "docx":
        article = docx_article(data)
    elif kind == "html":
        article = html_article(data, source_url)
    else:
        article = text_article(data, markdown=kind == "markdown")
    if not article.text.strip():
        raise SourceError("No article text was found in this file.")
    return replace(article, source_url=source_url or article.source_url)


def decode_text(data: bytes) -> str:
    """UTF-8 text (a byte-order mark is dropped), or SourceError."""
    if b"\x00" in data:
        raise SourceError("This file is not plain text (it holds binary data).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceError("This file is not UTF-8 text; save it as UTF-8 and retry.") from None


def text_article(data: bytes, *, markdown: bool = False) -> ExtractedArticle:
    """Plain text as is; Markdown's first heading becomes the title and heading marks go."""
    text = decode_text(data).strip()
    if not text:
        raise SourceError("The file is empty.")
    if not markdown:
        return ExtractedArticle(text=text)
    title, lines = None, []
    for line in text.splitlines():
        heading = _MD_HEADING.match(line)
        if heading and title is None:
            title = heading.group(1)
        elif not heading:
            lines.append(line)
    return ExtractedArticle(text="\n".join(lines).strip(), title=title)


def html_article(data: bytes, url: str | None = None) -> ExtractedArticle:
    """The main text, title, author and date of a web page (trafilatura finds them)."""
    import trafilatura

    found = trafilatura.extract(
        data,
        url=url,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    result = json.loads(found) if found else {}
    title = result.get("title") or None
    lines = [line.strip() for line in (result.get("text") or "").splitlines() if line.strip()]
    if lines and title and lines[0] == title.strip():
        lines = lines[1:]  # the headline is the title, not the first paragraph
    text = "\n\n".join(lines)
    if len(text.split()) < MIN_PAGE_WORDS:
        raise SourceError("No article was found on this page (only menus, links or ads).")
    return ExtractedArticle(
        text=text,
        title=title,
        author=result.get("author") or None,
        published=_iso_date(result.get("date")),
        source_url=url,
    )


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def docx_article(data: bytes) -> ExtractedArticle:
    """The body paragraphs of a Word file; headings give the title and are left out."""
    _check_docx_archive(data)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises many types for a damaged file
        raise SourceError("This Word file is damaged and cannot be read.") from None
    title, paragraphs = document.core_properties.title or None, []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        if _HEADING.match(paragraph.style.name if paragraph.style is not None else ""):
            title = title or text
            continue
        paragraphs.append(text)
    return ExtractedArticle(
        text="\n\n".join(paragraphs),
        title=title,
        author=document.core_properties.author or None,
    )


def _check_docx_archive(data: bytes) -> None:
    """Refuse zips that are no Word document, or that would inflate like a zip bomb."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise SourceError("This file looks like a Word file but is damaged.") from None
    with archive:
        names = {info.filename for info in archive.infolist()}
        if "word/document.xml" not in names:
            raise SourceError("This zip file is not a Word document (.docx).")
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_DOCX_UNPACKED or unpacked > MAX_DOCX_RATIO * max(len(data), 1):
            raise SourceError(
                "This Word file would unpack to an implausible size (a zip bomb?); refused."
            )
