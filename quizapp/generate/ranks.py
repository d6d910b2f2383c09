"""Which ranking: ordinals and superlatives ("Canada's third-largest trading partner")."""

from __future__ import annotations

import random

import regex as re

from quizapp.generate.article import Article
from quizapp.generate.budget import body_matches
from quizapp.generate.distractors import assemble, rng_for, shuffled
from quizapp.generate.lexicon import NON_NAME_STARTS, ORG_WORDS, TITLE_WORDS
from quizapp.generate.places import canonical_country, place_type, places_of_type
from quizapp.generate.superlatives import superlative_cloze
from quizapp.generate.text import Paragraph, article_says
from quizapp.generate.types import DraftQuestion

ORDINALS = (
    "",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)
_ORD = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
_SUP = (
    r"(?:largest|biggest|best|worst|smallest|oldest|newest|youngest|highest|lowest|longest|shortest"
    r"|tallest|busiest|richest|poorest|wealthiest|fastest|slowest|deadliest|strongest"
    r"|weakest|greatest|heaviest|hottest|coldest|driest|wettest|(?:most|least)\s\p{Ll}{3,})"
)
_CAP = r"(?:the\s)?\p{Lu}[\p{L}.]*(?:\s(?:of\s)?\p{Lu}[\p{L}.]*){0,3}"
_RANK = re.compile(
    rf"(?P<poss>{_CAP}'s|the\sworld's|the)\s(?:(?P<ord>{_ORD})[-\s])?(?P<sup>{_SUP})"
    r"\s(?P<np>\p{Ll}[\p{Ll}-]*(?:\s\p{Ll}[\p{Ll}-]*){0,5})"
)
_SUBJ_COPULA = re.compile(
    rf"(?P<x>{_CAP})\s(?:is|are|was|were|remains|became|has become|has been|ranks as)\s"
    r"(?:now\s|still\s|also\s)?$"
)
_SUBJ_APPOS = re.compile(rf"(?P<x>{_CAP}),\s$")
_TRAILING_WORDS = frozenset(
    [
        "after",
        "before",
        "in",
        "of",
        "for",
        "with",
        "and",
        "since",
        "by",
        "than",
        "that",
        "which",
        "who",
        "to",
        "as",
        "at",
        "on",
        "from",
        "is",
        "was",
    ]
)


# Adverbs that end a noun phrase only with the word after them ("thus far", "so far").
_CUT_ADVERBS = frozenset(["thus", "so", "yet", "ever", "far"])


def _trim_np(np: str, following: str = "") -> str:
    """The noun phrase without a trailing preposition; "of the year thus" + " far" is whole
    again ("so far" limits the ranking), any other adverb cut from its partner goes."""
    words = np.split()
    if words[-2:] in (["thus", "far"], ["so", "far"]):
        return np
    if words and words[-1] in ("thus", "so") and following.startswith(" far"):
        return f"{np} far"
    while words and (words[-1] in _TRAILING_WORDS or words[-1] in _CUT_ADVERBS):
        words.pop()
    return " ".join(words)


def _plural(np: str) -> str:
    """Pluralise a noun phrase's head ("trading partner for x" -> "trading partners for x")."""
    words = np.split()
    head = next((i for i, w in enumerate(words) if w in _TRAILING_WORDS), len(words)) - 1
    w = words[head]
    if w.endswith("y") and w[-2:-1] not in "aeiou":
        w = w[:-1] + "ies"
    elif w.endswith(("s", "x", "ch", "sh")):
        w += "es"
    else:
        w += "s"
    words[head] = w
    return " ".join(words)


def _article_places(art: Article) -> list[str]:
    """Capitalised phrases of the article that the gazetteer knows, in order of appearance."""
    seen: dict[str, None] = {}
    for m in re.finditer(r"(?:the\s)?\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2}", art.norm):
        words = m.group(0).split()
        for n in range(len(words), 0, -1):
            cand = " ".join(words[:n]).rstrip(".")
            if place_type(cand) or place_type(cand + "."):
                seen.setdefault(cand if place_type(cand) else cand + ".")
                break
    return list(seen)


def rank_questions(art: Article) -> list[DraftQuestion]:
    """Ask which place/person holds a rank, and (for ordinals) where something ranks."""
    out: list[DraftQuestion] = []
    places = None
    for p, m in body_matches(art, _RANK):
        subject = _subject(art, p, m)
        if subject is None:
            q = superlative_cloze(art, p, m, m.group("ord"))
            out += [q] if q else []
            continue
        if places is None:
            places = _article_places(art)
        out += _questions(art, p, m, subject, places)
    return out


def _subject(art: Article, p: Paragraph, m: re.Match) -> str | None:
    before = art.norm[max(p.start, m.start() - 80) : m.start()]
    found = _SUBJ_APPOS.search(before) or _SUBJ_COPULA.search(before)
    if not found:
        return None
    x = found.group("x")
    if x.split()[0].lower() in NON_NAME_STARTS - {"the"}:
        return None  # "She is the oldest …", "It was the biggest …"
    return x


def _questions(
    art: Article, p: Paragraph, m: re.Match, x: str, places: list[str]
) -> list[DraftQuestion]:
    np = _trim_np(m.group("np"), art.norm[m.end("np") : m.end("np") + 4])
    if not np:
        return []
    kind = place_type(x)
    if kind is None or x.lower().startswith("the ") and not canonical_country(x):
        return _unknown_subject(art, p, m, x, np)
    poss_raw = art.text[m.start("poss") : m.end("poss")]
    rank_raw = art.text[m.start() + len(poss_raw) + 1 : m.end("sup")]
    np_raw = art.text[m.start("np") : m.start("np") + len(np)]
    possessor = poss_raw[:-2] if poss_raw.endswith(("'s", "’s")) else ""
    same = _same_type(kind, x, possessor, places)
    source, span = art.source(p, m.start(), m.end())
    label = kind[0]
    which = "Which" if label in np.split() else f"Which {label}"
    prompt = f"{which} is {poss_raw} {rank_raw} {np_raw}?"
    explanation = article_says(source)
    out: list[DraftQuestion | None] = []
    q = assemble(
        digest=art.digest,
        kind="which_rank",
        prompt=prompt,
        answer=x,
        distractors=same,
        source=source,
        span=span,
        explanation=explanation,
        confidence=0.85,
        accepted=tuple(a for a in (_bare(x), canonical_country(x)) if a),
    )
    if q:
        out.append(q)
    if m.group("ord") and possessor:
        out += _where_ranks(art, m, x, possessor, np_raw, source, span, explanation)
    return [q for q in out if q]


def _bare(x: str) -> str:
    return x[4:] if x.lower().startswith("the ") else x


def _same_type(
    kind: tuple[str, str | None], x: str, possessor: str, places: list[str]
) -> list[str]:
    """Article places of the same type first, then others from the gazetteer (never x)."""
    excluded = {canonical_country(x) or x, canonical_country(possessor) or possessor}
    in_article = [
        canonical_country(pl) or pl
        for pl in places
        if place_type(pl) == kind and (canonical_country(pl) or pl) not in excluded
    ]
    in_article = list(dict.fromkeys(in_article))
    generic = [pl for pl in places_of_type(kind) if pl not in excluded and pl not in in_article]
    return in_article + shuffled(generic, random.Random(f"{x}|{kind}"))


def _where_ranks(
    art, m, x, possessor, np_raw, source, span, explanation
) -> list[DraftQuestion | None]:
    ordinal = m.group("ord")
    sup = m.group("sup")
    sep = "-" if art.norm[m.end("ord")] == "-" else " "
    answer = f"{ordinal}{sep}{sup}"
    n = ORDINALS.index(ordinal)
    options = [f"{o}{sep}{sup}" if o else sup for i, o in enumerate(ORDINALS) if i != n]
    among = f"{possessor}’s {_plural(np_raw)}" if possessor else _plural(np_raw)
    prompt = f"Where does {x} rank among {among}?"
    rng = rng_for(art.digest, prompt)
    near = sorted(options, key=lambda o: (abs(_index(o, sup) - n), rng.random()))
    return [
        assemble(
            digest=art.digest,
            kind="which_rank",
            prompt=prompt,
            answer=answer,
            distractors=near,
            source=source,
            span=span,
            explanation=explanation,
            confidence=0.8,
            accepted=(ordinal, f"{ordinal} {sup}", f"{n + 1}{_suffix(n + 1)}"),
        )
    ]


def _index(option: str, sup: str) -> int:
    word = option[: -len(sup)].rstrip("- ")
    return ORDINALS.index(word) if word in ORDINALS else 0


def _suffix(n: int) -> str:
    return {1: "st", 2: "nd", 3: "rd"}.get(n if n < 20 else n % 10, "th")


# Heads of noun phrases naming places, for which invented place names make fair distractors.
_PLACE_NOUNS = frozenset(
    [
        "port",
        "harbour",
        "harbor",
        "city",
        "town",
        "village",
        "county",
        "district",
        "suburb",
        "region",
        "island",
        "airport",
    ]
)
GENERIC_PLACES = ("Westbrook", "Fairhaven", "Ashford", "Clearwater", "Millbrook")
_LISTED = re.compile(
    r",?\s+(?:after|behind|trailing)\s+(?P<list>(?:the\s)?\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*){0,2}"
    r"(?:(?:,\s|,?\sand\s)(?:the\s)?\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*){0,2}){0,8})(?=[.;,]|$)"
)
_CAPS = re.compile(r"(?<=[\p{Ll},;:]\s)\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+){0,2}")


def _unknown_subject(
    art: Article, p: Paragraph, m: re.Match, x: str, np: str
) -> list[DraftQuestion]:
    """A ranked subject the gazetteer does not know: ask where it ranks, and which one it is
    when the sentence names those ranked above ("third-largest …, after A and B")."""
    source, span = art.source(p, m.start(), m.end())
    explanation = article_says(source)
    np_raw = _with_proper_tail(art, m, np)
    poss_raw = art.text[m.start("poss") : m.end("poss")]
    possessor = poss_raw[:-2] if poss_raw.endswith(("'s", "’s")) else ""
    x = "the " + x[4:] if x.startswith("The ") else x
    rank_raw = art.text[m.start() + len(poss_raw) + 1 : m.end("sup")]
    out: list[DraftQuestion | None] = []
    if m.group("ord"):
        out += _where_ranks(art, m, x, possessor, np_raw, source, span, explanation)
    listed = _listed_above(art, m, p)
    n = ORDINALS.index(m.group("ord")) + 1 if m.group("ord") else 1
    if listed and len(listed) == n - 1 and _bare(x) not in " ".join(listed):
        others = _other_names(art, {x, _bare(x), *listed})
        if np.split()[0] in _PLACE_NOUNS or any(w in _PLACE_NOUNS for w in np.split()[:3]):
            others += _absent_generic_places(art)
        out.append(
            assemble(
                digest=art.digest,
                kind="which_rank",
                prompt=f"Which is {poss_raw} {rank_raw} {np_raw}?",
                answer=x,
                distractors=listed + others,
                source=source,
                span=span,
                explanation=explanation,
                confidence=0.8,
                accepted=(_bare(x),),
            )
        )
    return [q for q in out if q]


_PROPER_TAIL = re.compile(r"\s\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*){0,2}")


def _with_proper_tail(art: Article, m: re.Match, np: str) -> str:
    """ "grocery chain in the" + "Midwest": the noun phrase with its capitalised ending."""
    words = m.group("np").split()
    raw = art.text[m.start("np") : m.start("np") + len(np)]
    if len(words) >= 2 and words[-1] in ("the", "of", "in") or words[-1] in _TRAILING_WORDS:
        tail = _PROPER_TAIL.match(art.norm, m.end("np"))
        if tail:
            return art.text[m.start("np") : tail.end()]
    return raw


def _listed_above(art: Article, m: re.Match, p: Paragraph) -> list[str]:
    """The names after "after"/"behind" that follow the ranking in its sentence."""
    found = _LISTED.match(art.norm, m.end(), p.end)
    if not found:
        return []
    names = re.split(r",\s(?:and\s)?|\sand\s", found.group("list"))
    return [n.strip() for n in names if n.strip()]


# _other_names looks at the first MAX_OTHER_NAMES names of the article and returns at most
# OTHER_NAMES_KEPT (plenty for three distractors): it once rescanned the article per question.
MAX_OTHER_NAMES = 300
OTHER_NAMES_KEPT = 20


def _absent_generic_places(art: Article) -> list[str]:
    if "absent_places" not in art.memo:
        art.memo["absent_places"] = [g for g in GENERIC_PLACES if g not in art.text]
    return art.memo["absent_places"]


def _other_names(art: Article, exclude: set[str]) -> list[str]:
    """Capitalised names used mid-sentence in the article: not people, titles or dates."""
    if "other_names" not in art.memo:
        art.memo["other_names"] = _article_names(art)
    names, longer = art.memo["other_names"]
    out: list[str] = []
    for i, (found, original) in enumerate(names):
        # "Pioneers" and "Carver Pioneers" name one thing: keep the longer form only.
        if _excluded(found, exclude) or any(not _excluded(names[j][0], exclude) for j in longer[i]):
            continue
        out.append(original)
        if len(out) == OTHER_NAMES_KEPT:
            break
    return out


def _excluded(found: str, exclude: set[str]) -> bool:
    return any(found in e or e in found for e in exclude)


def _article_names(art: Article) -> tuple[list[tuple[str, str]], list[list[int]]]:
    """(normalised, original) names in order of appearance; for each, the longer ones holding it."""
    people = {t for person in art.cast.people for t in person.tokens}
    out: dict[str, str] = {}
    for m in _CAPS.finditer(art.norm):
        words = m.group(0).split()
        if any(
            w in people
            or w.lower() in ORG_WORDS
            or w.lower() in TITLE_WORDS
            or w.lower() in NON_NAME_STARTS
            for w in words
        ):
            continue
        out.setdefault(art.text[m.start() : m.end()], m.group(0))
        if len(out) == MAX_OTHER_NAMES:
            break
    names = [(found, original) for original, found in out.items()]
    longer = [[j for j, o in enumerate(out) if o != n and n in o] for n in out]
    return names, longer
