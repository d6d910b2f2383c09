"""Running every question builder over a parsed article and filtering the results."""

from __future__ import annotations

from quizapp.generate.article import parse
from quizapp.generate.distractors import MIN_CONFIDENCE, question_budget
from quizapp.generate.firsts import person_rank_questions
from quizapp.generate.lint import lint
from quizapp.generate.lists import same_list
from quizapp.generate.numbers import number_questions
from quizapp.generate.quotes import who_said_questions
from quizapp.generate.ranks import rank_questions
from quizapp.generate.referents import name_the_company, the_company
from quizapp.generate.restated import KINDS as RESTATABLE
from quizapp.generate.restated import MAX_COMPARED, Words, restated
from quizapp.generate.types import DraftQuestion, GeneratedArticle, PersonInfo
from quizapp.generate.whois import who_is_questions
from quizapp.generate.years import year_questions

_BUILDERS = (
    who_said_questions,
    year_questions,
    rank_questions,
    person_rank_questions,
    number_questions,
    who_is_questions,
)
# At most this many questions per article (nobody reviews more), from at most MAX_CANDIDATES
# candidates: memory and time stay bounded whatever the text.
MAX_QUESTIONS = 1000
MAX_CANDIDATES = 5 * MAX_QUESTIONS


def run(text: str) -> GeneratedArticle:
    """Parse text, build all candidate questions and keep the valid, unique ones."""
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    art = parse(text)
    candidates: list[DraftQuestion] = []
    for n, build in enumerate(_BUILDERS):
        # An equal share of what is left per builder: one kind of question cannot crowd out
        # the others, and a builder stops working once its share is built.
        with question_budget((MAX_CANDIDATES - len(candidates)) // (len(_BUILDERS) - n)):
            candidates += build(art)
    company = the_company(art.norm)
    candidates = [name_the_company(q, company) for q in candidates]
    people = [
        PersonInfo(name=p.name, aliases=p.aliases(), role=p.roles[0] if p.roles else None)
        for p in art.cast.people
    ]
    questions = _few_per_year(lint(_valid_unique(text, candidates)))
    return GeneratedArticle(people=people, questions=questions)


# A year asked more often than this gives itself away ("2020" for every blank of an opinion
# piece about the coming election); the best-formed ones stay.
MAX_PER_YEAR = 3


def _few_per_year(qs: list[DraftQuestion]) -> list[DraftQuestion]:
    """At most MAX_PER_YEAR which-year questions per answer: unflagged, then the writer's own
    statements before quoted words, then article order."""
    by_year: dict[str, list[int]] = {}
    for i, q in enumerate(qs):
        if q.kind == "which_year":
            by_year.setdefault(q.answer, []).append(i)
    dropped: set[int] = set()
    for idx in by_year.values():
        ranked = sorted(idx, key=lambda i: (bool(qs[i].flags), " said: “" in qs[i].prompt, i))
        dropped.update(ranked[MAX_PER_YEAR:])
    return [q for i, q in enumerate(qs) if i not in dropped]


def is_valid(text: str, q: DraftQuestion) -> bool:
    """The invariants every returned question must satisfy."""
    keys = [c.casefold() for c in q.choices]
    aliases = {a.casefold() for a in q.accepted}
    return (
        q.answer in q.choices
        and len(q.choices) >= 2  # the app's minimum; assemble() sets each kind's own
        and len(set(keys)) == len(keys)
        and text[q.span[0] : q.span[1]] == q.source
        and q.confidence >= MIN_CONFIDENCE
        and not any(c != q.answer and c.casefold() in aliases for c in q.choices)
    )


def _valid_unique(text: str, candidates: list[DraftQuestion]) -> list[DraftQuestion]:
    """Drop invalid questions and duplicates (same prompt, or same kind+answer+source, a
    second blank in one list of a sentence: see same_list, or one fact restated)."""
    out = []
    prompts: set[str] = set()
    facts: set[tuple[str, str, str]] = set()
    blanks: dict[tuple[str, str], list[DraftQuestion]] = {}
    answers: dict[tuple[str, str], list[Words]] = {}  # to find one fact said twice
    for q in candidates:
        # Two quotations of one sentence are two claims ("“…,” he says, boasting that …“…”").
        fact = (q.kind, q.answer, q.prompt if q.kind == "who_said" else q.source)
        if q.prompt in prompts or fact in facts or not is_valid(text, q):
            continue
        earlier = blanks.setdefault((q.kind, q.source), [])
        if any(same_list(e, q) for e in earlier):
            continue
        words = Words.of(q) if q.kind in RESTATABLE else None
        same_answer = answers.setdefault((q.kind, q.answer), [])
        if words and any(restated(e, words) for e in same_answer[-MAX_COMPARED:]):
            continue
        earlier.append(q)
        if words:
            same_answer.append(words)
        prompts.add(q.prompt)
        facts.add(fact)
        out.append(q)
        if len(out) == MAX_QUESTIONS:
            break
    return out
