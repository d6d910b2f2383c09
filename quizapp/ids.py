"""Record ids from untrusted text: query strings, form fields and `<int:…>` URL parts."""

from __future__ import annotations

import re

from werkzeug.routing import IntegerConverter

# The database's integer columns (PostgreSQL's integer): a larger id cannot exist, and a larger
# number would overflow the query.
MAX_INT = 2**31 - 1
_ASCII_DIGITS = re.compile(r"[0-9]{1,10}")


def parse_id(value: object) -> int | None:
    """A positive database id from text, or None (ASCII digits only: "²".isdigit() is True)."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not _ASCII_DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if 1 <= number <= MAX_INT else None


def parse_ids(values: list[str]) -> list[int]:
    """The valid ids among many values, ignoring the rest."""
    return [number for number in map(parse_id, values) if number is not None]


class IdConverter(IntegerConverter):
    """`<int:…>` in URLs: ids beyond the database's 32-bit keys are simply not found."""

    def __init__(self, map, *args, **kwargs) -> None:  # noqa: A002  (werkzeug's signature)
        kwargs.setdefault("max", MAX_INT)
        super().__init__(map, *args, **kwargs)
