"""Just enough English verb morphology to form questions with do-support.

A hand-kept table, not a lemmatiser library: the libraries that do this (lemminflect and
the like) cost over a second and NumPy at first use, and a wrong lemma only has to make us
fall back to a cloze item, so "unsure" is an acceptable answer.
"""

from __future__ import annotations

import regex as re

_IRREGULAR = """
arose arise ate eat awoke awake beat beat became become began begin bent bend bid bid bit bite
bore bear bought buy broke break brought bring built build burnt burn came come cast cast
caught catch chose choose cost cost crept creep cut cut dealt deal dived dive drew draw
drove drive dug dig fed feed fell fall felt feel fled flee flew fly forbade forbid forgave forgive
fought fight found find froze freeze gave give got get grew grow hid hide hit hit held hold
hung hang hurt hurt kept keep knew know laid lay led lead leapt leap lent lend let let lit light
lost lose made make meant mean met meet mistook mistake oversaw oversee overcame overcome
overtook overtake paid pay put put quit quit ran run rang ring rebuilt rebuild redrew redraw
reran rerun retook retake rode ride rose rise sank sink sang sing sat sit saw see sent send
set set shook shake shot shoot shut shut slept sleep slid slide sold sell sought seek
spent spend split split spoke speak spread spread sprang spring stood stand stole steal
struck strike stuck stick swam swim swept sweep swore swear swung swing taught teach
told tell took take tore tear thought think threw throw understood understand undertook
undertake upheld uphold went go withdrew withdraw won win wore wear wrote write said say
created create
"""
PAST_TO_BASE: dict[str, str] = dict(
    zip(_IRREGULAR.split()[::2], _IRREGULAR.split()[1::2], strict=True)
)
AUXILIARIES = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "did",
        "does",
        "do",
    ]
)
# Endings whose "-ed" follows a silent "e" that the base keeps ("approved" -> "approve").
_E_ENDINGS = (
    "ated",
    "uted",
    "ized",
    "ised",
    "yzed",
    "ysed",
    "ured",
    "ired",
    "ved",
    "ued",
    "ced",
    "nged",
    "rged",
    "dged",
    "iled",
    "uled",
    "oted",
    "osed",
    "ased",
    "ided",
    "oded",
    "aded",
    "ared",
    "aped",
    "iped",
    "oked",
    "aked",
    "iked",
    "amed",
    "imed",
    "umed",
    "omed",
    "ined",
    "aned",
    "uned",
)
# Endings that look like the ones above but keep no "e" ("treated", "opened", "visited").
_NO_E_ENDINGS = (
    "eated",
    "oated",
    "eared",
    "aired",
    "oared",
    "ailed",
    "oiled",
    "eiled",
    "ioned",
    "ained",
    "eined",
    "oined",
    "eamed",
    "aimed",
    "eemed",
    "oomed",
    "oaded",
    "eaded",
    "ooked",
    "eaked",
    "ooted",
    "eaned",
    "oaned",
    "ounded",
)
_KEEP_DOUBLE = frozenset(["ll", "ss", "ff", "zz"])


_WORD = re.compile(r"[\p{L}'’]+|_{3,}")


_BEFORE_PLURAL = frozenset(
    ["the", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "these"]
    + ["those", "many", "few", "several", "all", "some", "both", "more", "other", "their"]
)


def has_verb(clause: str) -> bool:
    """True when clause has a word that can be its verb (else it is a noun-phrase fragment)."""
    words = _WORD.findall(clause)
    adjective = -1  # index of the last "-ed"/"-ing" word read as an adjective
    for i, w in enumerate(words):
        low = w.lower()
        if low == "according" or (low == "based" and words[i + 1 : i + 2] == ["on"]):
            continue  # "according to", "based on": prepositions
        if i and words[i - 1].lower() in ("a", "an", "the") and low.endswith(("ed", "ing")):
            adjective = i
            continue  # "an estimated 200,000", "the leading firm": adjectives
        if low in AUXILIARIES or low in PAST_TO_BASE or low.endswith(("ed", "ing", "n't", "n’t")):
            return True
        if i and w.islower() and low.endswith("s") and not low.endswith(("ss", "'s", "’s")):
            prev = words[i - 1].lower()
            if prev in _BEFORE_PLURAL or prev.isdigit() or prev == "_____" or adjective == i - 1:
                continue  # "the past two years", "out of _____ observations": a plural noun
            return True
    return False


def base_of_past(word: str) -> str | None:
    """The base form of a simple-past verb ("went" -> "go"), or None when unsure."""
    low = word.lower()
    if low in PAST_TO_BASE:
        return PAST_TO_BASE[low]
    if not low.endswith("ed") or len(low) < 5 or not low.isalpha():
        return None
    if low.endswith("eed"):
        return low[:-1]  # agreed, freed
    if low.endswith("ied"):
        return low[:-3] + "y"
    stem = low[:-2]
    if stem[-1] == stem[-2] and stem[-2:] not in _KEEP_DOUBLE and stem[-1] not in "aeiou":
        return stem[:-1] if len(stem) > 3 else stem  # planned, admitted; but "added"
    if low.endswith(_NO_E_ENDINGS):
        return stem
    if low.endswith(_E_ENDINGS) or (stem[-1] == "l" and stem[-2] in "bcdfgkptz"):
        return stem + "e"
    if stem[-1] not in "aeiouy" and stem[-2] not in "aeiou":
        return stem  # two consonants: "started", "formed", "asked"
    if stem[-1] in "wxy" or stem[-2:] in ("ow", "aw", "ew", "ay", "ey", "oy"):
        return stem  # "showed", "stayed", "fixed"
    if stem[-2] in "aeiou" and stem[-3] in "aeiou":
        return stem  # two vowels: "appealed", "rained"
    return None  # e.g. "visited" v. "invited": a cloze is safer than a guess


def base_of_present(word: str) -> str | None:
    """The base form of a third-person present verb we are sure of ("opens" -> "open")."""
    low = word.lower()
    if low in ("has", "does", "is", "goes"):
        return {"has": "have", "does": "do", "is": "be", "goes": "go"}[low]
    return None
