"""Which year: events tied to a year, decade or range of years."""

from __future__ import annotations

import random
from functools import partial

import regex as re

from quizapp.generate.article import Article
from quizapp.generate.budget import body_matches
from quizapp.generate.clauses import drop_parens, stem
from quizapp.generate.cloze import BLANK, LEAD
from quizapp.generate.cloze_trim import cut_trailing
from quizapp.generate.distractors import assemble, rng_for
from quizapp.generate.forms import MAX_WORDS, wh_or_cloze
from quizapp.generate.inversion import upper_first
from quizapp.generate.quotes import speaker_at
from quizapp.generate.text import Paragraph, Quote, article_says, split_sentences
from quizapp.generate.types import DraftQuestion

_Y = r"(?:1[5-9]\d\d|20\d\d)"
_MONTHS = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?"
)
_YEAR_EXPR = re.compile(
    rf"\bbetween\s+(?P<r1>{_Y})\s+(?:and|to)\s+(?P<r2>{_Y})\b"
    rf"|\bfrom\s+(?:at\s+least\s+)?(?P<f1>{_Y})\s+(?:to|until|through)\s+(?P<f2>{_Y})\b"
    rf"|(?<![\w$.,/-])(?P<h1>{_Y})\s?-\s?(?P<h2>{_Y}|\d\d)(?![\w%-])"
    rf"|(?:(?<=\bmid-)|(?<![\w$.,/'-])(?:the\s+)?)(?P<dec>1[5-9]\d0|20[0-9]0)s\b"
    # "2001: A Space Odyssey" is a title, not a year.
    # "legalized by 2016— Colorado": a dash after the year, then no digit, is no range.
    rf"|(?<![\w$.,/-])(?P<y>{_Y})(?![\w%/]|-\d|[.,]\d|:\s*\p{{Lu}})"
)
_ANY_YEAR = re.compile(rf"(?<![\w$.,/-])({_Y})(?![\w%])")
_MONTH_BEFORE = re.compile(rf"{_MONTHS}\s*$")
_ON_BEFORE = re.compile(r"\bon\s+$", re.IGNORECASE)
_COUNT_AFTER = re.compile(r"^\s+\p{Ll}+s\b")
# "the deaths of at least three children in custody during the ": who died, then where/when.
# "will prevent the deaths of …", "an inquiry into the deaths of …": no death stated as a fact.
_NOT_HAPPENED = re.compile(
    r"\b(?:will|would|could|can|may|might|should|prevent\w*|avoid\w*|risk\w*|inquir\w*"
    r"|investigat\w*|probe)\b[^.;]*\bthe\s+deaths?\s+of\b",
    re.I,
)
_DEATHS = re.compile(
    r"\bthe\s+deaths?\s+of\s+(?P<who>(?:[^,;:()“”\"]|,(?=\d)){3,60}?)(?<!ed|ing)\s+"
    r"(?P<where>(?:in|at|on|during|inside|aboard)\s[^,;:()“”\"]{0,80})$"
)
_LABEL_AFTER = re.compile(r"\s+(?:bonds?|notes?|debentures?|maturit(?:y|ies))\b")
_OFFSETS = (1, 2, 3, 4, 5, 6, 8, 10, 12, 15)


def _article_years(art: Article) -> list[int]:
    """Every year the article names, range ends included: the latest caps the distractors."""
    return sorted({int(y) for y in _ANY_YEAR.findall(art.norm)})


def _near_years(answer: int, known: list[int], cap: int, rng: random.Random) -> list[str]:
    """Other years of the article close to answer, then nearby plausible years."""
    close = sorted(
        (y for y in known if y != answer and abs(y - answer) <= 60), key=lambda y: abs(y - answer)
    )
    picked = close[:2]
    offsets = list(_OFFSETS)
    rng.shuffle(offsets)
    for off in offsets:
        for y in (
            (answer - off, answer + off) if rng.random() < 0.5 else (answer + off, answer - off)
        ):
            if y != answer and y <= cap and y not in picked:
                picked.append(y)
    return [str(y) for y in picked]


def _range_distractors(a: int, b: int, cap: int, rng: random.Random) -> list[str]:
    width = b - a
    shifts = [s for s in (-6, -4, -3, -2, 2, 3, 4, -8, 6) if b + s <= cap]
    rng.shuffle(shifts)
    return [f"{a + s}–{a + s + width}" for s in shifts]


def year_questions(art: Article) -> list[DraftQuestion]:
    """Questions asking in which year (decade, period) an event happened."""
    known = _article_years(art)
    cap = (max(known) if known else 2030) + 1
    out = []
    for p, m in body_matches(art, _YEAR_EXPR):
        q = _one(art, p, m, known, cap)
        if q:
            out.append(q)
    return out


def _one(
    art: Article, p: Paragraph, m: re.Match, known: list[int], cap: int
) -> DraftQuestion | None:
    norm = art.norm
    a, b = m.span()
    month = _MONTH_BEFORE.search(norm, max(p.start, a - 20), a)
    dated = bool(month and any(c.isdigit() for c in month.group(0)))
    if m.group("y") and _COUNT_AFTER.match(norm, b, min(p.end, b + 30)):
        return None  # "1500 students" is a count
    if _LABEL_AFTER.match(norm, b, min(p.end, b + 30)):
        return None  # "WeWork's 2025 bond": the year names the bond (when it matures)
    parts = _answer_parts(m)
    if parts is None:
        return None
    answer, replacement, accepted, kind = parts
    quoted = _in_quotation(art, p, a)
    if quoted:
        # A year in someone's words: a cloze on their sentence, credited to them; a rewording
        # of the quotation would put words in their mouth.
        return _quoted_cloze(art, p, m, quoted, parts, known, cap) if quoted[0] >= 0 else None
    target = a
    if dated:
        # "spoke at a rally on Nov. 6, 2019": the whole date goes, and the question asks
        # "In what year did … speak at a rally?"; no cloze (a blank after "Nov. 6," reads badly).
        assert month is not None
        on = _ON_BEFORE.search(norm, max(p.start, month.start() - 4), month.start())
        target = on.start() if on else month.start()
        replacement = "in what year" if on else replacement
    found = stem(art.text, norm, p, target, b, cast=art.cast)
    if found is None:
        return None
    before, after = drop_parens(found[0]), drop_parens(found[1])
    if dated and before.strip() and after.startswith(","):
        after = " " + after[1:].lstrip()  # the date's closing comma goes with it
    if answer[:4] in after:
        # "took effect in July 2018, primarily covering …, followed by … in August 2018": the
        # trailing clause would give the answer away.
        after = cut_trailing(after)
    blank_a, blank_b = _blank_span(m)
    ask = partial(
        wh_or_cloze,
        after=after,
        wh=replacement,
        blank=(art.text[a:blank_a], art.text[blank_b:b]),
        preposed=bool(m.group("r1") or m.group("f1")) or dated,
        # "in August 2016", "since the mid-1950s": the year is the blank, the rest stays
        cloze_only=(bool(month) and not dated) or norm.endswith("mid-", 0, a),
    )
    asked = ask(before)
    died = _DEATHS.search(before) if asked is None and not _NOT_HAPPENED.search(before) else None
    if died:
        # "… despite the deaths of three children in custody during the 2018 flu season": too
        # long whole, the event itself is the fact ("Three children died in custody during …").
        asked = ask(upper_first(f"{died.group('who')} died {died.group('where')}"))
    if asked is None or (dated and asked[1]):
        return None
    return _question(art, p, m, asked[0], parts, known, cap)


def _question(
    art: Article,
    p: Paragraph,
    m: re.Match,
    prompt: str,
    parts: tuple[str, str, tuple[str, ...], str],
    known: list[int],
    cap: int,
) -> DraftQuestion | None:
    """The which-year question asking prompt about the year expression m."""
    answer, _, accepted, kind = parts
    rng = rng_for(art.digest, prompt)
    if kind == "year":
        distractors = _near_years(int(answer), known, cap, rng)
    elif kind == "decade":
        base = int(answer[:4])
        distractors = [f"{base + d}s" for d in (-10, 10, -20, 20, -30) if base + d <= cap]
    else:
        lo, hi = (int(x) for x in answer.split("–"))
        distractors = _range_distractors(lo, hi, cap, rng)
    # "I think _____ and 2022 will …": a year the question shows is no choice.
    distractors = [d for d in distractors if d not in prompt]
    source, span = art.source(p, *m.span())
    conf = 0.85 if len(prompt.split()) <= 45 else 0.65
    return assemble(
        digest=art.digest,
        kind="which_year",
        prompt=prompt,
        answer=answer,
        distractors=distractors,
        source=source,
        span=span,
        explanation=article_says(source),
        confidence=conf,
        accepted=accepted,
    )


def _in_quotation(art: Article, p: Paragraph, a: int) -> tuple[int, Quote] | None:
    """(person, part) for a year inside a quotation credited to person; (-1, part) inside
    one credited to nobody; None outside quotation marks."""
    part = next((q for q in p.quotes if q.start <= a < q.end), None)
    if part is None:
        return None  # the article's quotations are attributed only when a year needs it
    return speaker_at(art, a) or (-1, part)


# A quoted sentence cut before "…,” Aderholt asked." is a question when it opens like one.
_ASKING = re.compile(
    r"(?:what|why|how|when|where|who|which|is|are|was|were|do|does|did|can|could|will|would)\b",
    re.IGNORECASE,
)


def _quoted_cloze(
    art: Article,
    p: Paragraph,
    m: re.Match,
    quoted: tuple[int, Quote],
    parts: tuple[str, str, tuple[str, ...], str],
    known: list[int],
    cap: int,
) -> DraftQuestion | None:
    """ "Fill in the blank: Ward said: “_____ will be about …”" for a year in Ward's words."""
    person, part = quoted
    sent = next(s for s in split_sentences(art.norm, part.start, part.end) if s.end > m.start())
    asked = art.memo.setdefault("quoted_years", set())
    if sent.start in asked:
        return None  # "“2019 is not as strong as 2018”": a second blank shows the first answer
    asked.add(sent.start)
    blank_a, blank_b = _blank_span(m)
    words = art.text[sent.start : blank_a] + BLANK + art.text[blank_b : sent.end]
    words = " ".join(words.split()).rstrip(",;:—– ")
    if not words or '"' in art.norm[sent.start : sent.end] or len(words.split()) > MAX_WORDS:
        return None
    asks = _ASKING.match(words) is not None
    if words[-1] not in ".?!…":
        words += "?" if asks else "."
    name = art.cast.people[person].name
    verb = "asked" if asks else "said"
    prompt = f"{LEAD}{name} {verb}: “{words[0].upper()}{words[1:]}”"
    return _question(art, p, m, prompt, parts, known, cap)


def _blank_span(m: re.Match) -> tuple[int, int]:
    """Where a cloze blank goes: the years themselves, not "between" or "the"."""
    for first, second in (("y", "y"), ("dec", "dec"), ("r1", "r2"), ("f1", "f2"), ("h1", "h2")):
        if m.group(first):
            end = m.end(second) + (1 if first == "dec" else 0)
            return m.start(first), end
    return m.span()


def _answer_parts(m: re.Match) -> tuple[str, str, tuple[str, ...], str] | None:
    """(answer, replacement words, accepted, kind) for one year expression."""
    if m.group("y"):
        return m.group("y"), "what year", (m.group("y"),), "year"
    if m.group("dec"):
        dec = m.group("dec") + "s"
        return dec, "which decade", (dec, f"the {dec}", m.group("dec")), "decade"
    first = m.group("r1") or m.group("f1") or m.group("h1")
    second = m.group("r2") or m.group("f2") or m.group("h2")
    if len(second) == 2:
        second = first[:2] + second
    if int(second) <= int(first):
        return None
    if m.group("r1"):
        rep = "between which years"
    elif m.group("f1"):
        rep = "over which period"
    else:
        rep = "which period"  # "in 2016-17": the preposition before it stays ("In which period")
    answer = f"{first}–{second}"
    accepted = (f"{first}-{second}", f"{first} to {second}", f"{first} and {second}")
    return answer, rep, accepted, "range"
