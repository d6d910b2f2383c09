"""Given names and their usual gender, from Faker's maintained per-locale name lists (MIT).

Faker ships first-name lists for some 80 locales (census and registry data), far more than
a hand-written list could cover. Only Latin-script names are kept: articles are in English.
The generic "en" locale is skipped: it lists surnames such as "Park" or "King" as first names.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections import Counter
from functools import cache

import regex as re

_SKIP_LOCALES = frozenset(["en"])


# Letters below U+0250 (Latin, Latin-1, Latin Extended-A and -B), hyphen, apostrophe, space.
_LATIN = re.compile(r"[A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f' -]*")


def _latin(name: object) -> bool:
    return isinstance(name, str) and _LATIN.fullmatch(name) is not None


def _attr(provider: type, name: str) -> list[str]:
    """A class-level name list (or weighted dict) of a Faker provider, inherited or not."""
    for klass in provider.__mro__:
        if name in klass.__dict__:
            value = klass.__dict__[name]
            if isinstance(value, dict):
                return list(value)
            return list(value) if isinstance(value, list | tuple) else []
    return []


@cache
def _given_names() -> tuple[Counter[str], Counter[str]]:
    """Per lower-cased given name, in how many Latin-script locales it is female / male."""
    import faker.providers.person as person  # imported late: loading is needed once

    female: Counter[str] = Counter()
    male: Counter[str] = Counter()
    for mod in pkgutil.iter_modules(person.__path__):
        if mod.name in _SKIP_LOCALES or not mod.ispkg:
            continue
        provider = importlib.import_module(f"{person.__name__}.{mod.name}").Provider
        female.update({n.lower() for n in _attr(provider, "first_names_female") if _latin(n)})
        male.update({n.lower() for n in _attr(provider, "first_names_male") if _latin(n)})
    return female, male


def is_given_name(word: str) -> bool:
    """True when word is a given name in some locale ("Tomas" is; "Feng" is not)."""
    female, male = _given_names()
    low = word.lower()
    return low in female or low in male


def name_gender(word: str) -> str | None:
    """ "f" or "m" when most locales give the name that gender (3 to 1), else None."""
    female, male = _given_names()
    low = word.lower()
    f, m = female[low], male[low]
    if f > 3 * m:
        return "f"
    if m > 3 * f:
        return "m"
    return None
