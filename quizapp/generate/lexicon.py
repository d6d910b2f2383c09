"""Small generic word lists (no article-specific facts) used as cues by the generator.

The lists live in data/*.txt, one entry per line, sorted; they are read once, at import.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from nameparser.config import CONSTANTS as _NAMEPARSER

_DATA = resources.files(__package__) / "data"


def data_lines(name: str) -> list[str]:
    """The non-blank lines of data/<name>.txt, stripped."""
    text = (_DATA / f"{name}.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def data_words(name: str) -> frozenset[str]:
    """The entries of data/<name>.txt as a set."""
    return frozenset(data_lines(name))


def data_pairs(name: str) -> dict[str, str | None]:
    """data/<name>.txt read as "key value" lines; a key alone maps to None."""
    pairs = (line.split(maxsplit=1) for line in data_lines(name))
    return {p[0]: (p[1] if len(p) > 1 else None) for p in pairs}


# Honorifics that precede a surname ("Mr. Clark", "Dr Bautista"); value is the implied gender.
# The answer checker strips the same ones from typed answers.
HONORIFICS: dict[str, str | None] = data_pairs("honorifics")

# Capitalised titles that may stand before a name and make up a role ("Prime Minister Mark Carney").
TITLE_WORDS = data_words("title_words")

# Words that turn a capitalised phrase into an organisation or place, never a person.
ORG_WORDS = data_words("org_words")

# Capitalised words that start sentences or headings and never begin a person's name.
NON_NAME_STARTS = data_words("non_name_starts")

# Titles of address ("Father Luca Brun", "Rabbi Ruth Stern"): an apposition after the name
# says what the person does better than the title beside it.
ADDRESS_TITLES = data_words("address_titles")

# Words that never qualify a job noun ("against singer Ally Brooke", "what host Tom Bergeron").
FUNCTION_WORDS = data_words("function_words")

# Jobs that say nothing without whom they serve: "a spokesman" alone is no answer (of whom?).
VAGUE_ROLES = data_words("vague_roles")

# Verbs whose subject is the speaker of a quotation ("Ford said", "Ford told reporters").
SPEECH_VERBS = data_words("speech_verbs")
# The same as a regex alternation, longest first ("added" before "add"), for every pattern.
SPEECH_VERB_PATTERN = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
# Right before a name, the listener's place: "told Ruiz", "told VOA reporter Carla Babb".
# Likewise the topic of "wrote of Trump", "said of Ruiz": spoken about, not speaking.
LISTENER_BEFORE = (
    r"\b(?:told|tells|asked|asks)\s+(?:(?!(?:that|and|but|when|as)\b)[\p{L}'’.-]+\s+){0,5}$"
    r"|\b(?:said|says|wrote|writes|spoke|speaks|added)\s+(?:of|about)\s+$"
)

SUBORDINATORS = data_words("subordinators")

# Words that may begin a sentence right after an abbreviation such as "U.S." ("… the U.S. It was").
SENTENCE_STARTERS = data_words("sentence_starters")

# Abbreviated titles before a name, spelt out when they become a role ("Sen." -> "Senator").
TITLE_ABBREVIATION_WORDS: dict[str, str] = {
    k: v or k for k, v in data_pairs("title_abbreviations").items()
}

# Abbreviations after which a full stop does not end a sentence.
TITLE_ABBREVIATIONS = data_words("abbreviations")
# Of those, the ones that may well end a sentence ("… Acme Inc. The firm …").
SOFT_ABBREVIATIONS = data_words("soft_abbreviations")

# Job words nameparser's titles lack and the suffix rule below misses.
EXTRA_PERSON_NOUNS = data_words("person_nouns")
# Words nameparser lists as titles (or the suffix rule accepts) that are not people here.
NOT_PERSON_NOUNS = data_words("not_person_nouns")

# Nameparser's titles that read as a job noun (alphabetic, longer than an abbreviation).
NAMEPARSER_NOUNS = frozenset(t for t in _NAMEPARSER.titles if t.isalpha() and len(t) > 3)
PERSON_NOUNS = EXTRA_PERSON_NOUNS | (NAMEPARSER_NOUNS - NOT_PERSON_NOUNS)


def has_person_suffix(word: str) -> bool:
    """True when a word's ending makes it a person ("pharmacist", "musician", "volunteer")."""
    return word.endswith(("ist", "ician", "ologist", "eer")) and len(word) > 5


@lru_cache(maxsize=16384)  # asked of the same few words for every name and role
def is_person_noun(word: str) -> bool:
    """True when a (lowercase) head noun denotes a person ("professor", "co-owner", "schooler")."""
    word = word.lower().strip(".,;:")
    for prefix in ("then-", "ex-", "former-", "co-", "vice-", "deputy-"):
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            return is_person_noun(word[len(prefix) :]) or word in PERSON_NOUNS
    if word in NOT_PERSON_NOUNS:
        return False
    if word in PERSON_NOUNS:
        return True
    if word.endswith("s") and word[:-1] in PERSON_NOUNS:
        return False  # plurals describe groups, not one person
    return has_person_suffix(word)
