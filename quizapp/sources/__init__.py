"""Article sources: read text from HTML, PDF, Word and text files, and fetch web pages safely.

Plain Python with no Flask imports: the form and the command line call it alike.
"""

from quizapp.sources.extract import ExtractedArticle, SourceError, extract, sniff
from quizapp.sources.fetch import Fetched, FetchError, fetch_url

__all__ = [
    "ExtractedArticle",
    "FetchError",
    "Fetched",
    "SourceError",
    "extract",
    "fetch_url",
    "sniff",
]
