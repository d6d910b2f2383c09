"""Precision and recall per kind against hand-labelled keys.

Run: python -m tests.generate.evaluate seeds/canada-mexico-2025.txt
     python -m tests.generate.evaluate --articles   (tests/generate/articles: rules tuned on them)
     python -m tests.generate.evaluate --holdout    (tests/generate/holdout.py: never tuned on)
     python -m tests.generate.evaluate --corpus [DIR] [--dump OUT] [--misses]
                                      [--ratings TSV [--unrated OUT]]
         (real articles kept outside the repository; DIR defaults to $QUIZAPP_CORPUS, else
         tests/generate/corpus; see realtext.py)
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import regex as re

from quizapp.generate import KINDS, DraftQuestion, generate
from quizapp.generate.verbs import base_of_past

from . import articles
from . import seed_key as seed
from .articles import Key
from .holdout import KEYS as HOLDOUT


def norm(s: str) -> str:
    """Casefold and straighten quotes/dashes so fragments match prompts."""
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("–", "-"), ("—", "-")):
        s = s.replace(a, b)
    return " ".join(s.casefold().split())


@dataclass
class Score:
    """Counts for one kind."""

    asked: int = 0
    correct: int = 0
    wrong: int = 0
    expected: int = 0
    found: int = 0

    @property
    def precision(self) -> float:
        """Share of asked questions that the key confirms."""
        return self.correct / self.asked if self.asked else 1.0

    @property
    def recall(self) -> float:
        """Share of key items asked correctly."""
        return self.found / self.expected if self.expected else 1.0

    def add(self, other: Score) -> None:
        """Accumulate other's counts into self."""
        for name in ("asked", "correct", "wrong", "expected", "found"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def score_quotes(
    qs: list[DraftQuestion],
    quotes: list[tuple[str, str]],
    split_pairs: list[tuple[int, int]] = (),  # type: ignore[assignment]
) -> Score:
    """who_said: right speaker for each key quote; wrong speakers counted separately."""
    s = Score(expected=len(quotes) - len(split_pairs))
    hit: set[int] = set()
    for q in qs:
        s.asked += 1
        matches = [i for i, (frag, _) in enumerate(quotes) if norm(frag) in norm(q.prompt)]
        if not matches:
            continue
        if all(quotes[i][1] == q.answer for i in matches):
            s.correct += 1
            hit.update(matches)
        else:
            s.wrong += 1
    for a, b in split_pairs:
        if a in hit and b in hit:
            hit.discard(b)
        elif b in hit:
            hit.discard(b)
            hit.add(a)
    s.found = len(hit)
    return s


def score_pairs(
    qs: list[DraftQuestion],
    items: list[tuple[str, str]],
    where: str,
    optional: list[tuple[str, str]] = (),  # type: ignore[assignment]
) -> Score:
    """Generic (context fragment, answer) matching on prompt or source."""
    s = Score(expected=len(items))
    hit: set[int] = set()
    for q in qs:
        s.asked += 1
        text = norm(q.prompt if where == "prompt" else q.prompt + " " + q.source)
        ok = [i for i, (a, b) in enumerate(items) if _match(q, text, a, b)]
        if ok or any(_match(q, text, a, b) for a, b in optional):
            s.correct += 1
            hit.update(ok)
    s.found = len(hit)
    return s


def _match(q: DraftQuestion, text: str, first: str, second: str) -> bool:
    # Items are (fragment, answer) for years and (answer, fragment) for ranks/numbers.
    # A key's answer may be another accepted form of the draft's ("10 percent" for "10%",
    # "Schwartzman" for "Diego Schwartzman").
    for frag, answer in ((first, second), (second, first)):
        # A range ("2002–2005") answers a key that names one of its ends ("2002").
        ends = q.answer.split("–") if q.kind == "which_year" else []
        if (q.answer == answer or answer in q.accepted or answer in ends) and (
            norm(frag) in text or _words_in(norm(frag), text)
        ):
            return True
    return _asked_the_other_way(q, first, second)


def _asked_the_other_way(q: DraftQuestion, rank: str, frag: str) -> bool:
    """A keyed rank ("oldest", "… ever elected to a first term") asked for who holds it ("Who
    is the oldest person ever elected …?" -> the person): the rank word in the question, the
    fragment in its sentence."""
    if q.kind != "which_rank" or norm(rank) not in norm(q.prompt):
        return False
    around = norm(q.prompt + " " + q.source)
    return norm(frag) in around or _words_in(norm(frag), around)


def _lemmas(s: str) -> set[str]:
    return {base_of_past(w) or w for w in re.findall(r"[\w%$'’.-]+", s)}


def _words_in(frag: str, text: str) -> bool:
    """Every word of frag in text, in any order and tense: a question fronts its wh-phrase
    ("profit fell" in "By what percentage did profit fall?"); a cloze keeps the words."""
    return len(frag.split()) > 1 and _lemmas(frag) <= _lemmas(text)


def score_people(qs: list[DraftQuestion], people: dict[str, tuple[str, ...]]) -> Score:
    """who_is: person->role answers contain a key role, or role->person prompts carry one."""
    s = Score(expected=len(people))
    hit: set[str] = set()
    for q in qs:
        s.asked += 1
        for name, roles in people.items():
            if q.prompt == f"Who is {name}?" and any(norm(r) in norm(q.answer) for r in roles):
                s.correct += 1
                hit.add(name)
                break
            if q.answer == name and any(norm(r) in norm(q.prompt) for r in roles):
                s.correct += 1
                hit.add(name)  # one direction per person is asked: either one counts
                break
        else:
            s.wrong += 1
    s.found = len(hit)
    return s


def seed_key() -> tuple[Key, list[tuple[int, int]]]:
    """The seed's key in the shared format, with its split-quote pairs."""
    key = Key(
        text="",
        quotes=seed.QUOTES,
        years=seed.YEARS,
        ranks=seed.RANKS,
        numbers=seed.NUMBERS,
        people={n: (role,) for n, role in seed.PEOPLE.items() if n not in seed.NO_WHO_IS},
    )
    return key, seed.SPLIT_PAIRS


def evaluate(
    text: str, key: Key | None = None, split_pairs: list[tuple[int, int]] | None = None
) -> dict[str, Score]:
    """Scores per kind for text against key (the seed's key by default)."""
    if key is None:
        key, split_pairs = seed_key()
    qs = generate(text).questions
    by = {k: [q for q in qs if q.kind == k] for k in KINDS}
    opt = key.optional
    return {
        "who_said": score_quotes(by["who_said"], key.quotes, split_pairs or []),
        "which_year": score_pairs(by["which_year"], key.years, "source", opt.get("which_year", [])),
        "which_rank": score_pairs(by["which_rank"], key.ranks, "prompt", opt.get("which_rank", [])),
        "number": score_pairs(by["number"], key.numbers, "prompt", opt.get("number", [])),
        "who_is": score_people(by["who_is"], key.people),
    }


def article_keys() -> dict[str, Key]:
    """Every key module of tests/generate/articles, by name."""
    out = {}
    for mod in sorted(pkgutil.iter_modules(articles.__path__), key=lambda m: m.name):
        out[mod.name] = importlib.import_module(f"{articles.__name__}.{mod.name}").KEY
    return out


def evaluate_articles() -> tuple[dict[str, dict[str, Score]], dict[str, Score]]:
    """Scores per article and summed over all unseen articles."""
    per = {name: evaluate(key.text, key) for name, key in article_keys().items()}
    total = {kind: Score() for kind in KINDS}
    for scores in per.values():
        for kind, s in scores.items():
            total[kind].add(s)
    return per, total


def _print(title: str, scores: dict[str, Score]) -> None:
    print(title)
    print(f"  {'kind':<11} {'asked':>5} {'prec':>6} {'recall':>6} {'wrong':>5}")
    for kind, s in scores.items():
        print(f"  {kind:<11} {s.asked:>5} {s.precision:>6.0%} {s.recall:>6.0%} {s.wrong:>5}")


def _parse(argv: list[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m tests.generate.evaluate", description=__doc__)
    ap.add_argument("path", nargs="?", default="seeds/canada-mexico-2025.txt")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--articles", action="store_true", help="invented test articles")
    mode.add_argument("--holdout", action="store_true", help="held-out invented articles")
    mode.add_argument("--corpus", nargs="?", const="", metavar="DIR", help="real articles")
    ap.add_argument("--dump", metavar="OUT", help="with --corpus: write each article's drafts")
    ap.add_argument("--misses", action="store_true", help="with --corpus: list misses")
    ap.add_argument("--ratings", metavar="TSV", help="with --corpus: a teacher's ratings to reuse")
    ap.add_argument("--unrated", metavar="OUT", help="with --ratings: write drafts still to rate")
    return ap.parse_args(argv[1:])


def main(argv: list[str]) -> int:
    """Print precision/recall per kind for the seed (or a path), --articles, --holdout, --corpus."""
    args = _parse(argv)
    if args.corpus is not None:
        from . import ratings, realtext  # imported late: realtext imports this module

        folder = realtext.corpus_dir(args.corpus)
        tally = ratings.Tally(ratings.read(Path(args.ratings))) if args.ratings else None
        dump_dir = Path(args.dump) if args.dump else None
        unrated = Path(args.unrated) if args.unrated else None
        return realtext.run(folder, dump_dir, args.misses, tally, unrated)
    if args.articles:
        per, total = evaluate_articles()
        for name, scores in per.items():
            _print(name, scores)
        _print("ALL TEST ARTICLES (keys written by hand; rules tuned on them)", total)
        return 0
    if args.holdout:
        total = {kind: Score() for kind in KINDS}
        for name, key in HOLDOUT.items():
            scores = evaluate(key.text, key)
            _print(name, scores)
            for kind, s in scores.items():
                total[kind].add(s)
        _print("ALL HELD-OUT ARTICLES (never tuned on)", total)
        return 0
    with open(args.path, encoding="utf-8") as fh:
        scores = evaluate(fh.read())
    print(f"{'kind':<11} {'asked':>5} {'prec':>6} {'recall':>6} {'wrong':>5}")
    for kind, s in scores.items():
        print(f"{kind:<11} {s.asked:>5} {s.precision:>6.0%} {s.recall:>6.0%} {s.wrong:>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
