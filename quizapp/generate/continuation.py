"""An unattributed quotation continues the last speaker's, unless someone else spoke since."""

from __future__ import annotations

import bisect

import regex as re

from quizapp.generate.article import Article
from quizapp.generate.attribution import VERB_ANY, Attribution, Attributions, mentions_between
from quizapp.generate.cast import Mention
from quizapp.generate.lexicon import LISTENER_BEFORE
from quizapp.generate.text import Paragraph

# "Sasse told Hawk Sawyer": the listener of the last speaker does not interrupt them.
_LISTENER = re.compile(LISTENER_BEFORE)


def continuation(
    art: Article, p: Paragraph, current: Attribution | None, attrs: Attributions, pos: int
) -> Attribution | None:
    """An unattributed quote continues the paragraph's last speaker if nobody else intervened."""
    # The last attribution ending by pos: it starts before pos, so search back from there.
    i = attrs.first_at(pos)
    last = next((attrs[j] for j in range(i - 1, -1, -1) if attrs[j].end <= pos), current)
    if last is None or last.person is None:
        return None
    if _unknown_speaker(art, p, last, pos):
        return None
    if _someone_else(art, p, last.person, last.end, pos):
        return None
    return Attribution(last.start, last.end, last.person, min(last.confidence, 0.8))


_NAME_AFTER_VERB = re.compile(r"\s+(\p{Lu}[\p{L}'-]+)[.,]")
_NAME_BEFORE_VERB = re.compile(r"(\p{Lu}[\p{L}'-]+)\s+(?:\p{Ll}+ly\s+)?$")


def _unknown_speaker(art: Article, p: Paragraph, last: Attribution, pos: int) -> bool:
    """ "Moss agreed:" between the last speaker and the quote: a name the cast may not know."""
    return _first_unknown_speaker(art, p, last) <= pos


def _first_unknown_speaker(art: Article, p: Paragraph, last: Attribution) -> int:
    """Where the first "Name verb" after last ends that is not last's person (else past p).

    Found once per attribution: every later quote of the paragraph asks the same question,
    and a scan per quote made paragraphs of unattributed quotes quadratic.
    """
    key = f"unknown_speaker:{p.index}:{last.start}:{last.end}"
    if key not in art.memo:
        start = max(last.end, p.start)
        own = [
            (m.start, m.end)
            for m in mentions_between(art, p, start, p.end)
            if m.person == last.person
        ]
        art.memo[key] = p.end + 1
        for verb in VERB_ANY.finditer(art.norm, start, p.end):
            name = _NAME_BEFORE_VERB.search(art.norm, start, verb.start())
            if name and not any(a <= name.start(1) < b for a, b in own):
                art.memo[key] = verb.end()
                break
            # "…," says Early.: a name the cast may not know (a surname that is a word)
            after = (
                None
                if _LISTENER.match(verb.group(0) + " ")
                else _NAME_AFTER_VERB.match(art.norm, verb.end(), p.end)
            )
            if after and not any(a <= after.start(1) < b for a, b in own):
                art.memo[key] = after.end()
                break
    return art.memo[key]


def _someone_else(art: Article, p: Paragraph, person: int, start: int, end: int) -> bool:
    """True when a mention in [start, end) is a name (or an unresolved pronoun) of another.

    The listener of "told"/"asked" is not another speaker, so such mentions are skipped.

    Jumps computed once per paragraph answer it without a pass over the mentions between:
    that pass made long paragraphs of unattributed quotes quadratic.
    """
    mentions = art.cast.mentions.get(p.index, [])
    lo = bisect.bisect_left(mentions, start, key=lambda m: m.start)
    hi = bisect.bisect_left(mentions, end, lo, key=lambda m: m.start)
    if lo >= hi:
        return False
    unknown, named, change = _mention_jumps(art, p, mentions)
    j = named[lo]
    if j < hi and mentions[j].person == person:
        j = change[j]
    return min(unknown[lo], j) < hi


def _mention_jumps(
    art: Article, p: Paragraph, mentions: list[Mention]
) -> tuple[list[int], list[int], list[int]]:
    """Per mention index: the next mention of nobody known, the next name, and (for a name) the
    next name of a different person; len(mentions) when there is none."""
    key = f"mention_jumps:{p.index}"
    if key not in art.memo:
        n = len(mentions)
        unknown, named, change = [n] * (n + 1), [n] * (n + 1), [n] * (n + 1)
        for i in range(n - 1, -1, -1):
            m = mentions[i]
            listener = _LISTENER.search(art.norm, max(p.start, m.start - 70), m.start)
            unknown[i] = i if m.person is None and not listener else unknown[i + 1]
            named[i] = i if not m.pronoun and not listener else named[i + 1]
            after = named[i + 1]
            if after < n:
                change[i] = after if mentions[after].person != m.person else change[after]
        art.memo[key] = (unknown, named, change)
    return art.memo[key]
