"""Domain errors services raise; the web layer turns them into answers (main/errors.py)."""

from __future__ import annotations


class NotFound(LookupError):
    """No such record, or none this user may see (both look the same from outside: a 404)."""
