"""Numbers: percentages, sums of money and counts, asked in their context."""

from __future__ import annotations

import random

import regex as re

from quizapp.generate.ages import age_questions
from quizapp.generate.article import Article
from quizapp.generate.budget import body_matches
from quizapp.generate.clauses import drop_parens, stem
from quizapp.generate.cloze_trim import cut_trailing
from quizapp.generate.distractors import assemble, rng_for
from quizapp.generate.forms import wh_or_cloze
from quizapp.generate.lexicon import data_words
from quizapp.generate.text import Paragraph, article_says, sentence_at
from quizapp.generate.types import DraftQuestion
from quizapp.generate.verbs import has_verb

_QUAL = (
    r"(?:nearly|almost|about|around|roughly|approximately|more than|over|some|at least"
    r"|fewer than|less than|up to|just over|just under|an estimated)"
)
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d{1,9})(?:\.\d+)?"
_SCALE = r"(?:million|billion|trillion|thousand)"
_SCALE_WORDS = {"bn": "billion", "m": "million"}
_FIGURE = re.compile(
    rf"(?<![\w.,/$-])(?P<pct>{_NUM})\s?(?:%|percent\b|per cent\b)"
    rf"|(?P<cur>US\$|C\$|A\$|\$|£|€)\s?(?P<money>{_NUM})(?:\s?(?P<mscale>{_SCALE}|bn|m)\b)?"
    rf"|(?:(?P<qual>{_QUAL})\s+)?(?<![\w.,/$-])(?P<count>{_NUM})(?:\s(?P<cscale>{_SCALE}))?"
    r"(?=\s+(?:(?P<adj>new|more|other|additional|full-time|part-time|local|young|small|large)\s+)?"
    # "13,000 US troops", "2,500 Afghan civilians": a capitalised modifier before a plural.
    r"(?:(?P<mod>\p{Ll}{3,}|\p{Lu}{2,3}|\p{Lu}\p{Ll}{2,})\s+(?=\p{Ll}+s\b))?(?P<noun>\p{L}[\p{L}-]*))"
)
# "a crowd of 3,200 packed the arena": a collective noun makes the figure a count.
_COLLECTIVE_BEFORE = re.compile(
    r"\b(?:crowd|total|population|audience|workforce|turnout|staff|group|team)\s+of\s+$"
)
_NOT_COUNTED = data_words("not_counted")
# A capitalised word right before the figure, not opening its sentence: "Destiny 2", "Apollo 10".
_NAMED_BEFORE = re.compile(r"(?<=[\p{L}\d,;] )\p{Lu}[\p{L}-]*\s+$")
# Points are a count when someone scored them ("Ruiz scored 31 points"), not a scale's units.
_SCORED = re.compile(r"\bscor(?:ed|es|ing)\s+$")
_RANGE_BEFORE = re.compile(r"\d\s*(?:to|-|–)\s*$")
_RANGE_AFTER = re.compile(r"\s*(?:to|–)\s*\d")
_BASELINE_BEFORE = re.compile(r"\b(?:up|down)\s+from\s+(?P<gap>(?:[^.;:,]|[.,](?=\d)){0,80})$")
_SPEAKERS_WORDS = re.compile(r"\b(?:I|we|you|it|they|this|that|these|those)\b", re.I)
_PARTICIPLE_AFTER = re.compile(r"\s+(?!during\b)\p{Ll}{3,}ing\b")
_IN_ATTENDANCE = re.compile(r"\s+in\s+attendance\b")
_IRREGULAR_PLURALS = frozenset(["people", "children", "men", "women", "staff", "police", "cattle"])
_YEARISH = re.compile(r"1[5-9]\d\d|20\d\d")
_AGE_AROUND = re.compile(r",\s*$")
_MONTH_BEFORE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$"
)
_FACTORS = (0.25, 1 / 3, 0.5, 2 / 3, 1.5, 2, 3, 4)


def _nice(x: float) -> float:
    """Round x to two significant figures so distractors look like real figures."""
    if x <= 0:
        return 0
    digits = len(str(int(x))) - 2
    step = 10 ** max(digits, 0)
    if 10 <= x < 100:
        step = 5
    return round(x / step) * step if step > 1 or x >= 10 else round(x, 1)


def _fmt(x: float, like: str) -> str:
    decimals = len(like.split(".")[1]) if "." in like else 0
    if decimals:
        return f"{x:,.{decimals}f}" if "," in like else f"{x:.{decimals}f}"
    n = int(round(x))
    return f"{n:,}" if "," in like or n >= 10000 else str(n)


def _scaled(value: float, like: str, rng: random.Random, cap: float | None = None) -> list[str]:
    """Same-unit, same-scale alternatives to value ("15,000" -> "5,000", "10,000", …)."""
    cands = []
    decimals = len(like.split(".")[1]) if "." in like else 0
    for f in _FACTORS:
        # "117.9" -> "176.9", not "180.0": a round figure beside a precise one gives it away.
        v = round(value * f, decimals) if decimals else _nice(value * f)
        if v > 0 and v != value and (cap is None or v <= cap):
            cands.append(_fmt(v, like))
    cands = list(dict.fromkeys(c for c in cands if c != like))
    near, far = cands[2:6], cands[:2] + cands[6:]
    rng.shuffle(near)
    rng.shuffle(far)
    return near + far


def _percent_pool(value: float, like: str, others: list[float], rng: random.Random) -> list[str]:
    cap = 100.0 if value <= 100 else None
    steps = [value + d for d in (-20, -15, -10, -5, 5, 10, 15, 20) if value + d > 0]
    if value < 10:
        steps = [value + d for d in (-3, -2, -1, 1, 2, 3, 5) if value + d > 0]
    pool = [_fmt(o, like) for o in others if o != value and (cap is None or o <= cap)]
    extra = [_fmt(_nice(v) if v >= 10 else v, like) for v in steps if cap is None or v <= cap]
    extra += _scaled(value, like, rng, cap)
    rng.shuffle(extra)
    return [f"{x}%" for x in dict.fromkeys(pool[:1] + extra) if x != like]


def number_questions(art: Article) -> list[DraftQuestion]:
    """Questions asking for a percentage, a sum or a count given in the article."""
    percents = [
        float(m.group("pct").replace(",", "")) for m in _FIGURE.finditer(art.norm) if m.group("pct")
    ]
    out = []
    for p, m in body_matches(art, _FIGURE):
        q = _one(art, p, m, percents)
        if q:
            out.append(q)
    return out + age_questions(art)


def _one(art: Article, p: Paragraph, m: re.Match, percents: list[float]) -> DraftQuestion | None:
    norm = art.norm
    rng_key = f"{m.start()}"
    if m.group("pct"):
        raw = m.group("pct")
        value = float(raw.replace(",", ""))
        answer = f"{raw}%"
        rep = "what percentage"
        accepted: tuple[str, ...] = (raw, f"{raw} percent", f"{raw} per cent")
        pool_fn = lambda rng: _percent_pool(value, raw, percents, rng)  # noqa: E731
    elif m.group("money"):
        raw, cur, scale = m.group("money"), m.group("cur"), m.group("mscale")
        value = float(raw.replace(",", ""))
        # "$22.6bn" keeps its form; the spelled-out scale is accepted too.
        suffix = norm[m.end("money") : m.end("mscale")] if scale else ""
        answer = f"{cur}{raw}{suffix}"
        rep = "how much"
        spelled = _SCALE_WORDS.get(scale or "")
        accepted = (f"{cur}{raw}", raw + suffix) + ((f"{cur}{raw} {spelled}",) if spelled else ())
        pool_fn = lambda rng: [f"{cur}{x}{suffix}" for x in _scaled(value, raw, rng)]  # noqa: E731
    else:
        raw, scale, noun = m.group("count"), m.group("cscale"), m.group("noun")
        if not _is_count(norm, p, m, raw, noun):
            return None
        value = float(raw.replace(",", ""))
        suffix = f" {scale}" if scale else ""
        answer = raw + suffix
        rep = "how many"
        accepted = (raw.replace(",", "") + suffix,)
        pool_fn = lambda rng: [x + suffix for x in _scaled(value, raw, rng)]  # noqa: E731
    a, b = m.span()
    ranged = _RANGE_AFTER.match(norm, b) and m.group("count")
    if _RANGE_BEFORE.search(norm, max(p.start, a - 12), a) or ranged:
        return None  # "75 to 100 people", "40 to 80%": one end of a range asks half the fact
    baseline = _BASELINE_BEFORE.search(norm, max(p.start, a - 100), a)
    if baseline and not has_verb(baseline.group("gap")):
        # "up from 6.2 percent", "down from the March high of 21.8 percent and the prior
        # average of 15.2 percent": old figures of a comparison, not the fact
        return None
    if _speakers_figure(norm, p, a):
        return None
    found = stem(art.text, norm, p, a, b, cast=art.cast)
    if found is None:
        return None
    asked = _ask(art.text, m, _own_clause(drop_parens(found[0])), drop_parens(found[1]), rep)
    if asked is None:
        return None
    prompt = asked[0]
    rng = rng_for(art.digest, prompt + rng_key)
    source, span = art.source(p, a, b)
    return assemble(
        digest=art.digest,
        kind="number",
        prompt=prompt,
        answer=answer,
        distractors=pool_fn(rng),
        source=source,
        span=span,
        explanation=article_says(source),
        confidence=0.8 if len(prompt.split()) <= 45 else 0.62,
        accepted=accepted,
    )


# "…, and Ana Ruiz scored " before a figure: a clause of its own, with its own named subject.
_JOINED_CLAUSE = re.compile(
    r",\s+(?:and|but|while)\s+(?P<own>(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Ll}+\s+)$"
)


def _own_clause(before: str) -> str:
    """The clause holding the figure when a sentence joins two ("James became …, and Ana
    Ruiz scored 34 points …"): the first is another fact, not context the question needs."""
    found = _JOINED_CLAUSE.search(before)
    if (
        not found
        or len(before[: found.start()].split()) < 5
        or not has_verb(before[: found.start()])
    ):
        return before
    return found.group("own")


_APPROXIMATE = frozenset(
    ["nearly", "almost", "about", "around", "roughly", "approximately", "some", "an estimated"]
)
# Also "More than 400 households …" at a sentence start, which _FIGURE leaves out.
_HEDGE_BEFORE = re.compile(rf"\b({_QUAL})\s*$", re.I)
_CHANGE_VERB = re.compile(
    r"\b(?:rose|fell|grew|increased|decreased|dropped|declined|jumped|climbed|gained|slipped"
    r"|plunged|soared|surged|shrank|tumbled|rising|falling|growing)\s*$"
)
_OF_PHRASE = re.compile(
    r"^\s+of\s+(?:the\s+|its\s+|their\s+)?[\p{L}-]+(?:\s+\p{Ll}[\p{L}-]*){0,2}?"
    r"(?=[,.;]|\s+(?:in|on|at|from|for|to|by|during|since|after|before|was|were|is|are|had"
    r"|have|has|\p{Ll}+ed)\b|$)"
)


_NOT_NOUN_ENDS = frozenset(["this", "that", "last", "next", "each", "every"])
_LIST_GOES_ON = re.compile(r"^,\s+(?:\p{L}+\s+){0,3}\p{L}+\s+(?:and|or)\s")


def _ask(text: str, m: re.Match, before: str, after: str, rep: str) -> tuple[str, bool] | None:
    """The question (or cloze) for figure m between before and after."""
    qual = (m.group("qual") or "").lower()
    lead, full_after = "", after
    if m.group("count"):
        # The counted noun phrase goes with the question word: "how many new teachers".
        noun_end = m.end("noun") - m.end()
        rep, after = f"how many{after[:noun_end]}", after[noun_end:]
        if _IN_ATTENDANCE.match(text, m.end("count")):
            # "the more than _____ in attendance": no noun to ask "how many" of; the hedge stays.
            lead = text[m.start("qual") : m.start("count")] if qual else ""
            return wh_or_cloze(
                before, cut_trailing(full_after), rep, blank=(lead, ""), cloze_only=True
            )
        cut_short = _LIST_GOES_ON.match(after) or _PARTICIPLE_AFTER.match(after)
        if rep.split()[-1].lower() in _NOT_NOUN_ENDS or cut_short:
            # "208,560 new vehicles this year", "30,154 new cars, trucks and SUVs", "20 billion
            # particles representing …": the noun phrase is cut short; a cloze keeps it whole,
            # and its hedge ("more than _____").
            lead = text[m.start("qual") : m.start("count")] if qual else ""
            return wh_or_cloze(
                before, after, rep, blank=(lead, ""), cloze_after=full_after, cloze_only=True
            )
        if qual:
            rep = f"about {rep}" if qual in _APPROXIMATE else f"{qual} {rep}"
            lead = text[m.start("qual") : m.start("count")]
    if not qual:
        hedge = _HEDGE_BEFORE.search(before)
        if hedge:
            word = hedge.group(1).lower()
            before = before[: hedge.start()]
            rep = f"about {rep}" if word in _APPROXIMATE else f"{word} {rep}"
            lead = hedge.group(0).strip() + " "
    if m.group("money") and re.search(r"\bto\s*$", before):
        return wh_or_cloze(before, after, rep, cloze_after=full_after, cloze_only=True)
    if m.group("pct"):
        of = _OF_PHRASE.match(after)
        pct = rep.replace("how much", "what percentage")
        if _CHANGE_VERB.search(before):
            rep = f"by {pct}"
        elif of:
            rep, after = f"{pct}{of.group(0)}", after[of.end() :]
    # "More than what percentage of households …?", "More than how much is …?" read badly: a
    # hedged share or sum is a cloze that keeps the hedge ("More than _____ of households …").
    hedged = bool(lead) and not rep.startswith(("about", "how many", "by about"))
    sum_or_share = bool(m.group("pct") or m.group("money"))
    return wh_or_cloze(
        before,
        after,
        rep,
        blank=(lead, ""),
        cloze_after=full_after,
        cloze_only=hedged and sum_or_share,
    )


def _speakers_figure(norm: str, p: Paragraph, a: int) -> bool:
    """True for a figure in a quotation whose sentence leans on the speaker ("If it can
    break above $13.60", "We will open 2 new schools"): the talk around it is needed."""
    sent = p.sentences[sentence_at(p, a)]
    for q in p.quotes:
        if q.start <= a < q.end:
            return bool(
                _SPEAKERS_WORDS.search(norm, max(q.start, sent.start), min(q.end, sent.end))
            )
    return False


def _is_count(norm: str, p: Paragraph, m: re.Match, raw: str, noun: str) -> bool:
    """A count of things, not a year, age, date, time span or small trivia."""
    plain = raw.replace(",", "")
    if "," not in raw and _YEARISH.fullmatch(plain):
        return False
    if _IN_ATTENDANCE.match(norm, m.end("count")):
        return True  # "more than 12,000 in attendance": people, though unnamed
    if (m.group("mod") or "").lower() in _NOT_COUNTED:
        return False
    if noun.lower().startswith(("year-old", "-year")):
        return False
    if noun.lower() in _NOT_COUNTED and not (
        noun == "points" and _SCORED.search(norm, 0, m.start())
    ):
        return False
    if noun.lower() in ("is", "was", "has", "does") or _NAMED_BEFORE.search(
        norm, max(p.start, m.start() - 30), m.start()
    ):
        return False  # "Destiny 2 is free", "Apollo 10": a name's number, not a count
    collective = _COLLECTIVE_BEFORE.search(norm, max(p.start, m.start() - 30), m.start())
    plural = noun.endswith("s") or noun.lower() in _IRREGULAR_PLURALS or m.group("cscale")
    if not (plural or (collective and not m.group("adj"))):
        return False  # "the 3 best" / "1 reason": need a plural noun
    after = norm[m.end("count") : m.end("count") + 12]
    if after.startswith(("-year", "-month", "-day", " years old")):
        return False
    before = norm[max(p.start, m.start() - 2) : m.start()]
    if _MONTH_BEFORE.search(norm, max(p.start, m.start() - 12), m.start()):
        return False  # "July 25": a date, not a count
    if _AGE_AROUND.search(before) and norm[m.end("count") : m.end("count") + 1] == ",":
        return False  # "Kevin Yearout, 51, co-owner"
    return float(plain) >= 2
