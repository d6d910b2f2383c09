"""A superlative with no named holder to ask about, as a cloze: "The rally was Ohio's _____
nurse strike in decades." (biggest / smallest / second-biggest / third-biggest)."""

from __future__ import annotations

import regex as re

from quizapp.generate.article import Article
from quizapp.generate.clauses import stem
from quizapp.generate.cloze import make_cloze
from quizapp.generate.cloze_trim import words_of
from quizapp.generate.distractors import assemble, rng_for
from quizapp.generate.text import Paragraph, article_says
from quizapp.generate.types import DraftQuestion

_OPPOSITE = {
    "largest": "smallest",
    "biggest": "smallest",
    "highest": "lowest",
    "best": "worst",
    "oldest": "newest",
    "longest": "shortest",
    "fastest": "slowest",
    "richest": "poorest",
    "wealthiest": "poorest",
    "strongest": "weakest",
    "hottest": "coldest",
    "wettest": "driest",
    "greatest": "smallest",
    "deadliest": "least deadly",
    "busiest": "quietest",
}
_OPPOSITE |= {v: k for k, v in list(_OPPOSITE.items()) if v not in ("smallest", "poorest")}
_OPPOSITE |= {"smallest": "largest", "poorest": "richest"}
MAX_WORDS = 30
# Quoted words, or a sentence opening on a pronoun or connective, need more than the sentence.
_NOT_STANDALONE = re.compile(r"[\"“”]|^(?:It|This|That|They|These|Those|But|And|However)\b")


def superlative_cloze(
    art: Article, p: Paragraph, m: re.Match, ordinal: str | None
) -> DraftQuestion | None:
    """A cloze blanking the superlative of "Ohio's biggest …" / "the state with the lowest …"
    when no holder is named before it (no "X is the …" or "X, the …")."""
    sup = m.group("sup")
    if ordinal or sup.split()[0] in ("most", "least") or sup not in _OPPOSITE:
        return None
    poss = m.group("poss")
    if poss == "the" and not art.norm[max(p.start, m.start() - 5) : m.start()].endswith("with "):
        return None  # "the best way to …": no ranking a reader can check
    found = stem(art.text, art.norm, p, m.start("sup"), m.end("sup"), cast=art.cast)
    if found is None or _NOT_STANDALONE.search(found[0] + found[1]):
        return None
    prompt = make_cloze(found[0], found[1])
    if prompt is None or words_of(prompt) > MAX_WORDS:
        return None
    source, span = art.source(p, m.start(), m.end())
    rng = rng_for(art.digest, prompt)
    near = [f"second-{sup}", f"third-{sup}"]
    rng.shuffle(near)
    return assemble(
        digest=art.digest,
        kind="which_rank",
        prompt=prompt,
        answer=sup,
        distractors=[_OPPOSITE[sup], *near],
        source=source,
        span=span,
        explanation=article_says(source),
        confidence=0.8,
    )
