"""Time zones: every date a person types or sees is in their zone; the database keeps UTC.

`localtime` is the one template filter for dates. It renders a `<time datetime>` element whose
text is in the viewer's zone (UTC, said so, for a viewer without one).
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from flask_login import current_user
from markupsafe import Markup, escape


@cache
def zone_names() -> tuple[str, ...]:
    """Every IANA zone name, sorted (the legacy aliases left out)."""
    names = {
        n for n in available_timezones() if "/" in n and not n.startswith(("Etc/", "SystemV/"))
    }
    return tuple(sorted(names | {"UTC"}))


def valid_zone(name: str | None) -> bool:
    """Whether `name` is a zone we accept."""
    return bool(name) and name in zone_names()


def zone(name: str | None) -> tzinfo:
    """The zone with this name; UTC for none or an unknown one."""
    if name is None or not valid_zone(name):
        return UTC
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError:
        return UTC


def viewer_zone() -> tzinfo:
    """The logged-in user's zone, else UTC."""
    if current_user and current_user.is_authenticated:
        return zone(current_user.timezone)
    return UTC


def to_utc(value: datetime | None, where: tzinfo) -> datetime | None:
    """A wall-clock time typed in `where` (a datetime-local input) as an aware UTC time."""
    if value is None:
        return None
    # fold=0: in the hour that repeats when clocks go back, the first one is meant.
    return value.replace(tzinfo=where, fold=0).astimezone(UTC)


def to_wall(value: datetime | None, where: tzinfo) -> datetime | None:
    """A stored UTC time as the naive wall-clock time a datetime-local input shows in `where`."""
    return value.astimezone(where).replace(tzinfo=None) if value else None


def zone_label(value: datetime, where: tzinfo) -> str:
    """The zone's abbreviation at that moment ("CET", "UTC", or "+0530" style)."""
    return value.astimezone(where).strftime("%Z") or "UTC"


def localtime(value: datetime | None, style: str = "datetime") -> Markup:
    """A `<time>` element in the viewer's zone, its `datetime` attribute in UTC."""
    if value is None:
        return Markup("")
    where = viewer_zone()
    local = value.astimezone(where)
    # The day without a leading zero is written apart: "%-d" is not portable.
    day = f"{local.day} {local:%b %Y}"
    text = {"date": day, "time": f"{local:%H:%M}"}.get(style, f"{day}, {local:%H:%M}")
    if style != "date":
        text += " " + zone_label(value, where)
    stamp = value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return Markup('<time datetime="{}" data-when="{}">{}</time>').format(stamp, style, escape(text))
