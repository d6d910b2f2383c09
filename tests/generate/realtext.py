"""Scores on a folder of real news articles with hand-made keys (kept outside the repository).

A corpus folder holds <slug>.txt (title line, blank-line paragraphs) and <slug>.key.json with the
fields of the Key dataclass plus "not_quotes" (quoted text that must never become a who-said
question). Third-party text never enters the repository, so the default folder is git-ignored.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.generate import KINDS, DraftQuestion

from .articles import Key
from .evaluate import Score, norm, score_pairs, score_people
from .ratings import Tally

DEFAULT_DIR = Path(__file__).parent / "corpus"


def corpus_dir(arg: str | None = None) -> Path:
    """The folder given, else $QUIZAPP_CORPUS, else tests/generate/corpus."""
    return Path(arg or os.environ.get("QUIZAPP_CORPUS") or DEFAULT_DIR)


@dataclass
class Article:
    """One corpus article: its key, the quotes it must never ask, and each key quote's span."""

    slug: str
    key: Key
    not_quotes: list[str] = field(default_factory=list)
    spans: list[str] = field(default_factory=list)  # the whole quotation around each key quote


def _span(text: str, frag: str) -> str:
    """The quotation (between quote marks) that holds frag, in normalised text."""
    i = text.find(frag)
    if i < 0:
        return frag
    start, end = text.rfind('"', 0, i), text.find('"', i + len(frag))
    if start < 0 or end < 0 or end - start > 800:  # unbalanced marks: keep the fragment alone
        return frag
    return text[start + 1 : end]


def load(folder: Path) -> list[Article]:
    """Every <slug>.txt that has a <slug>.key.json in folder, sorted by slug."""
    out = []
    for key_path in sorted(folder.glob("*.key.json")):
        slug = key_path.name.removesuffix(".key.json")
        text = (folder / f"{slug}.txt").read_text(encoding="utf-8")
        raw = json.loads(key_path.read_text(encoding="utf-8"))
        pairs = {k: [tuple(x) for x in raw.get(k, [])] for k in ("quotes", "years", "ranks")}
        pairs["numbers"] = [tuple(x) for x in raw.get("numbers", [])]
        opt = raw.get("optional", {})
        optional = {kind: [tuple(x) for x in items] for kind, items in opt.items()}
        people = {name: tuple(roles) for name, roles in raw.get("people", {}).items()}
        key = Key(text=text, people=people, optional=optional, **pairs)
        ntext = norm(text)
        spans = [_span(ntext, norm(frag)) for frag, _ in key.quotes]
        out.append(Article(slug, key, raw.get("not_quotes", []), spans))
    return out


def same_person(answer: str, name: str) -> bool:
    """The answer names the speaker: in full, by its words in order ending with the surname, or by
    its leading given names (journalism's "says Te Kaurinui" beside his father "Parata")."""
    words, full = answer.split(), name.split()
    if not words or answer == name:
        return answer == name
    rest = iter(full)
    if words[-1] == full[-1] and all(w in rest for w in words):
        return True
    return len(words) < len(full) and full[: len(words)] == words


@dataclass
class QuoteScore(Score):
    """who_said counts plus the quotes asked that the key says must not be asked."""

    short_name: int = 0  # right speaker given by surname only
    not_quote: int = 0  # asked a quote listed in not_quotes
    unmatched: int = 0  # asked a quote the key does not list
    wrong_items: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def speaker_precision(self) -> float:
        """Share of key-matched who-said questions whose answer is the speaker."""
        judged = self.correct + self.wrong
        return self.correct / judged if judged else 1.0

    def add(self, other: Score) -> None:
        """Accumulate other's counts (and lists) into self."""
        super().add(other)
        if isinstance(other, QuoteScore):
            for name in ("short_name", "not_quote", "unmatched"):
                setattr(self, name, getattr(self, name) + getattr(other, name))
            self.wrong_items += other.wrong_items
            self.missed += other.missed


def _shingles(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _quoted(prompt: str) -> str:
    """The quoted words of a who-said prompt (the prompt itself when it has no quote marks)."""
    p = norm(prompt)
    a, b = p.find('"'), p.rfind('"')
    return p[a + 1 : b] if 0 <= a < b else p


def _matches(prompt: str, frags: list[str], spans: list[str]) -> list[int]:
    """Key quotes whose fragment is in the prompt or whose quotation shares 5 words with it."""
    p = norm(prompt)
    words = _quoted(prompt).replace('"', " ").split()
    n = min(5, len(words))
    mine = _shingles(words, n) if n >= 3 else set()
    out = []
    for i, (frag, span) in enumerate(zip(frags, spans, strict=True)):
        if norm(frag) in p or (mine and mine & _shingles(span.replace('"', " ").split(), n)):
            out.append(i)
    return out


def score_corpus_quotes(qs: list[DraftQuestion], art: Article) -> QuoteScore:
    """who_said against the key: right speaker per quotation, wrong speakers, forbidden quotes."""
    quotes = art.key.quotes
    optional = art.key.optional.get("who_said", [])
    frags = [f for f, _ in quotes] + [f for f, _ in optional]
    speakers = [s for _, s in quotes] + [s for _, s in optional]
    spans = art.spans + [norm(f) for f, _ in optional]
    s = QuoteScore(expected=len(quotes))
    hit: set[int] = set()
    for q in qs:
        s.asked += 1
        found = _matches(q.prompt, frags, spans)
        if not found:
            if any(norm(nq).strip(".,!?") in norm(q.prompt) for nq in art.not_quotes):
                s.not_quote += 1
            else:
                s.unmatched += 1
            continue
        if all(same_person(q.answer, speakers[i]) for i in found):
            s.correct += 1
            s.short_name += any(q.answer != speakers[i] for i in found)
            hit.update(i for i in found if i < len(quotes))
        else:
            s.wrong += 1
            who = sorted({speakers[i] for i in found})
            s.wrong_items.append(f"{art.slug}: {q.prompt} -> {q.answer} (key: {', '.join(who)})")
    s.found = len(hit)
    s.missed = [f"{art.slug}: {f!r} ({who})" for i, (f, who) in enumerate(quotes) if i not in hit]
    return s


def flags_of(q: DraftQuestion) -> tuple[str, ...]:
    """The linter's flags on a draft (none before the linter exists)."""
    return tuple(getattr(q, "flags", ()) or ())


def score_article(qs: list[DraftQuestion], art: Article) -> dict[str, Score]:
    """Scores per kind for one article's drafts."""
    by = {k: [q for q in qs if q.kind == k] for k in KINDS}
    key, opt = art.key, art.key.optional
    return {
        "who_said": score_corpus_quotes(by["who_said"], art),
        "which_year": score_pairs(by["which_year"], key.years, "source", opt.get("which_year", [])),
        "which_rank": score_pairs(by["which_rank"], key.ranks, "prompt", opt.get("which_rank", [])),
        "number": score_pairs(by["number"], key.numbers, "prompt", opt.get("number", [])),
        "who_is": score_people(by["who_is"], key.people),
    }


def flag_counts(qs: list[DraftQuestion]) -> dict[str, int]:
    """Flagged drafts per kind."""
    return {k: sum(1 for q in qs if q.kind == k and flags_of(q)) for k in KINDS}


def dump(qs: list[DraftQuestion], path: Path) -> None:
    """Write the drafts as JSON (for rating by hand)."""
    rows = [
        {
            "index": i,
            "kind": q.kind,
            "prompt": q.prompt,
            "answer": q.answer,
            "choices": list(q.choices),
            "source": q.source,
            "flags": list(flags_of(q)),
        }
        for i, q in enumerate(qs)
    ]
    path.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


def _table(title: str, scores: dict[str, Score], flagged: dict[str, int]) -> None:
    print(title)
    head = ("kind", "asked", "prec", "recall", "found", "wrong", "flag")
    print("  {:<11} {:>5} {:>6} {:>6} {:>7} {:>5} {:>5}".format(*head))
    for kind, s in scores.items():
        rate = flagged[kind] / s.asked if s.asked else 0.0
        found = f"{s.found}/{s.expected}"
        print(
            f"  {kind:<11} {s.asked:>5} {s.precision:>6.0%} {s.recall:>6.0%} {found:>7}"
            f" {s.wrong:>5} {rate:>5.0%}"
        )


def run(
    folder: Path,
    dump_dir: Path | None = None,
    misses: bool = False,
    tally: Tally | None = None,
    unrated: Path | None = None,
) -> int:
    """Generate for every corpus article; print scores per article and per kind."""
    from quizapp.generate import generate

    arts = load(folder)
    if not arts:
        print(f"no <slug>.txt + <slug>.key.json pairs in {folder}")
        return 1
    total: dict[str, Score] = {k: Score() for k in KINDS}
    total["who_said"] = QuoteScore()
    flagged = {k: 0 for k in KINDS}
    # Quotes in articles that name one person only (by the key): a who-said question there
    # would have no choice to offer but an invented person, so it is never asked (apart).
    askable = QuoteScore()
    for art in arts:
        qs = generate(art.key.text).questions
        scores, flags = score_article(qs, art), flag_counts(qs)
        if len(set(art.key.people) | {who for _, who in art.key.quotes}) >= 2:
            askable.add(scores["who_said"])
        _table(art.slug, scores, flags)
        for kind, s in scores.items():
            total[kind].add(s)
            flagged[kind] += flags[kind]
        if dump_dir:
            dump_dir.mkdir(parents=True, exist_ok=True)
            dump(qs, dump_dir / f"{art.slug}.json")
        if tally:
            tally.add(art.slug, qs)
    _table(f"ALL {len(arts)} CORPUS ARTICLES ({folder})", total, flagged)
    _summary(total, flagged, misses)
    print(
        f"quote recall in articles naming two people or more: {askable.recall:.0%}"
        f" ({askable.found}/{askable.expected})"
    )
    if tally:
        tally.report(unrated)
    return 0


def _summary(total: dict[str, Score], flagged: dict[str, int], misses: bool) -> None:
    q = total["who_said"]
    assert isinstance(q, QuoteScore)
    asked = sum(s.asked for s in total.values())
    print(f"quote recall (4+ words, right speaker): {q.recall:.0%} ({q.found}/{q.expected})")
    print(f"speaker precision: {q.speaker_precision:.0%} ({q.correct}/{q.correct + q.wrong})")
    print(f"  right speaker by part of the name: {q.short_name}; wrong speaker: {q.wrong}")
    print(f"  who-said on a listed not-quote: {q.not_quote}; on an unkeyed quote: {q.unmatched}")
    rate = sum(flagged.values()) / asked if asked else 0.0
    print(f"linter flag rate: {rate:.0%} of {asked} drafts")
    if misses:
        print("WRONG SPEAKERS", *q.wrong_items, sep="\n  ")
        print("MISSED QUOTES", *q.missed, sep="\n  ")
