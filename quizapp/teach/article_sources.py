"""The article an import form carries: pasted text, an uploaded file, or a fetched web page."""

from __future__ import annotations

from flask import current_app, request
from flask_limiter.util import get_remote_address
from flask_login import current_user

from quizapp.sources import ExtractedArticle, SourceError, extract, fetch_url
from quizapp.sources.fetch import allowed_hosts
from quizapp.teach.forms import ImportForm


def megabytes(size: int) -> str:
    """A size for people: 1 MB, 1.05 MB, 0.9 MB, 12 MB."""
    return f"{size / 1_000_000:.3g} MB" if size < 10_000_000 else f"{size // 1_000_000} MB"


def form_article(form: ImportForm) -> ExtractedArticle | None:
    """The article from the paste box, the file or the web address; None with a form error set."""
    pasted = (form.body.data or "").strip()
    upload = form.upload.data
    has_file = bool(upload is not None and getattr(upload, "filename", ""))
    url = (form.url.data or "").strip()
    given = [present for present in (pasted, has_file, url) if present]
    if len(given) > 1:
        form.body.errors.append("Paste the text, upload a file or give a web address: only one.")
        return None
    if not given:
        form.body.errors.append("Paste the article text, choose a file or give a web address.")
        return None
    limit = current_app.config["ARTICLE_MAX_BYTES"]
    if pasted:
        size = len(pasted.encode("utf-8", "surrogatepass"))
        if size > limit:
            form.body.errors.append(
                f"The text is {megabytes(size)}; an article can be at most {megabytes(limit)}."
                " Shorten it or split it into several articles."
            )
            return None
        return ExtractedArticle(text=pasted)
    if url:
        return _fetched(form, url)
    raw = upload.stream.read(limit + 1)
    if len(raw) > limit:
        form.upload.errors.append(
            f"The file is larger than {megabytes(limit)}; upload a shorter one."
        )
        return None
    if not raw.strip():
        form.upload.errors.append("The file is empty.")
        return None
    try:
        return extract(raw, upload.filename)
    except SourceError as error:
        form.upload.errors.append(str(error))
        return None


def _fetched(form: ImportForm, url: str) -> ExtractedArticle | None:
    """Fetch and extract a web page; refusals and failures become the field's error."""
    try:
        page = fetch_url(url, allowed_hosts(current_app.config.get("IMPORT_ALLOWED_HOSTS")))
        return extract(page.data, _name(page.content_type), source_url=page.url)
    except SourceError as error:
        form.url.errors.append(str(error))
        return None


def _name(content_type: str) -> str:
    """A file name standing for a media type: plain text must not be sniffed as Markdown."""
    return {"application/pdf": "page.pdf", "text/plain": "page.txt"}.get(content_type, "page.html")


def url_throttle_key() -> str:
    """Throttle web-address imports per teacher account, not per network address."""
    user_id = getattr(current_user, "id", None)  # anonymous visitors are turned away later
    return f"import-url:{user_id}" if user_id else f"import-url-anon:{get_remote_address()}"


def no_url_given() -> bool:
    """Only imports from a web address count against the fetch limit."""
    return not (request.form.get("url") or "").strip()
