"""Which ranking: ordinals and superlatives ("Canada's third-largest trading partner")."""

from __future__ import annotations

import random

import regex as re

from quizapp.generate.article import Article
from quizapp.generate.distractors import assemble, rng_for, shuffled
from quizapp.generate.places import canonical_country, place_type, places_of_type
from quizapp.generate.text import Paragraph
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
    r"(?:largest|biggest|smallest|oldest|newest|youngest|highest|lowest|longest|shortest"
    r"|tallest|busiest|richest|poorest|wealthiest|fastest|slowest|deadliest|strongest"
    r"|weakest|greatest|heaviest|hottest|coldest|driest|wettest|(?:most|least)\s\p{Ll}{3,})"
)
_CAP = r"(?:the\s)?\p{Lu}[\p{L}.]*(?:\s(?:of\s)?\p{Lu}[\p{L}.]*){0,3}"
_RANK = re.compile(
    rf"(?P<poss>{_CAP}'s|the\sworld's|the)\s(?:(?P<ord>{_ORD})[-\s])?(?P<sup>{_SUP})"
    r"\s(?P<np>\p{Ll}[\p{Ll}-]*(?:\s\p{Ll}[\p{Ll}-]*){0,5})"
)
_SUBJ_COPULA = re.compile(
    rf"(?P<x>{_CAP})\s(?:is|was|remains|became|has become|has been|ranks as)\s"
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


def _trim_np(np: str) -> str:
    words = np.split()
    while words and words[-1] in _TRAILING_WORDS:
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
    for p in art.paragraphs:
        if p.heading:
            continue
        for m in _RANK.finditer(art.norm, p.start, p.end):
            subject = _subject(art, p, m)
            if subject is None:
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
    if x.lower().startswith("the ") and not canonical_country(x):
        return None
    return x


def _questions(
    art: Article, p: Paragraph, m: re.Match, x: str, places: list[str]
) -> list[DraftQuestion]:
    np = _trim_np(m.group("np"))
    if not np:
        return []
    kind = place_type(x)
    if kind is None:
        return []
    poss_raw = art.text[m.start("poss") : m.end("poss")]
    rank_raw = art.text[m.start() + len(poss_raw) + 1 : m.end("sup")]
    np_raw = art.text[m.start("np") : m.start("np") + len(np)]
    possessor = poss_raw[:-2] if poss_raw.endswith(("'s", "’s")) else ""
    same = _same_type(kind, x, possessor, places)
    source, span = art.source(p, m.start(), m.end())
    label = kind[0]
    which = "Which" if label in np.split() else f"Which {label}"
    prompt = f"{which} is {poss_raw} {rank_raw} {np_raw}?"
    explanation = f"The article says: “{source.strip()}”"
    out = []
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
    prompt = f"Where does {x} rank among {possessor}’s {_plural(np_raw)}?"
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
