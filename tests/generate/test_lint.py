"""The linter: each hard rule drops a draft, each soft rule flags it with a rubric code."""

from dataclasses import replace

import pytest

from quizapp.generate import DraftQuestion
from quizapp.generate.lint import check, lint

SOURCE = "The Tarn dam was finished in 1952 after 2,275 hours of work, Smith v. Jones said."


def draft(prompt: str, *, kind: str = "which_year", answer: str = "1952", **kw) -> DraftQuestion:
    """A draft with plausible defaults; only the fields a rule reads matter."""
    choices = kw.pop("choices", (answer, "1950", "1954", "1948"))
    return DraftQuestion(
        kind=kind,
        prompt=prompt,
        answer=answer,
        choices=tuple(choices),
        source=kw.pop("source", SOURCE),
        span=(0, 10),
        explanation="The article says so.",
        confidence=0.85,
        **kw,
    )


def codes(q: DraftQuestion) -> tuple[set[str], set[str]]:
    hard, soft = check(q)
    return {h.split(":")[0] for h in hard}, {s.split(":")[0] for s in soft}


@pytest.mark.parametrize(
    ("prompt", "code"),
    [
        ("Ruiz went on to receive the how much Science Prize?", "WH_INSERT"),
        ("The plane crashed, killing all how many people on board?", "WH_INSERT"),
        ("In the early which decade did the mayor move to Lowfield?", "WH_INSERT"),
        ("Ruiz led the campaigns in what year and 2012?", "WH_INSERT"),
        ("In what year, the council approved the plan?", "WH_COMMA"),
        ("The plan, approved in what year, was costly?", "WH_COMMA"),
        ("However, in what year was the Tarn dam finished?", "DANGLING_CONNECTIVE"),
        ("For instance, in what year was the Tarn dam finished?", "DANGLING_CONNECTIVE"),
        ("Yet in what year was the Tarn dam finished?", "DANGLING_CONNECTIVE"),
        ("In what year was it finished?", None),
        ("Its founding came in what year?", "UNRESOLVED_REF"),
        ("He finished the Tarn dam in what year?", "UNRESOLVED_REF"),
        ("The dam was finished in what year, he said?", "UNRESOLVED_REF"),
        ("Who is the director of U?", "TRUNCATION"),
        ("The case was known as Smith v?", "TRUNCATION"),
        ("The dam took 2?", "TRUNCATION"),
        ("In what year was the dam finished (see Lowe, 2013)?", "XREF_TRIVIA"),
        ("Ohio is 1 of how many states?", "XREF_TRIVIA"),
        ("In what year, 1952, was the Tarn dam finished?", "TRIVIAL"),
    ],
)
def test_hard_rules_drop(prompt: str, code: str | None) -> None:
    q = draft(prompt)
    hard, _ = codes(q)
    if code is None:  # pronouns alone never pass: the stem must name its subject
        assert "UNRESOLVED_REF" in hard
        return
    assert code in hard, (prompt, check(q))
    assert lint([q]) == []


def test_short_quote_dropped_and_long_one_kept() -> None:
    short = draft("Who said “But we’ll see”?", kind="who_said", answer="Ana Ruiz")
    long_ = draft(
        "Who said “we will rebuild the pier by next summer”?", kind="who_said", answer="Ana Ruiz"
    )
    assert "GEN_QUOTE" in codes(short)[0]
    assert codes(long_) == (set(), set())


def test_organisation_never_a_person() -> None:
    q = draft(
        "Who said “we will rebuild the pier by next summer”?",
        kind="who_said",
        answer="Lowfield City Council",
    )
    assert "NON_PERSON" in codes(q)[0]


@pytest.mark.parametrize(
    ("q", "code"),
    [
        (
            draft(
                "In what year was the Tarn dam finished " + "after very many long years " * 6 + "?"
            ),
            "TOO_LONG",
        ),
        (draft("In what year did the company finish the Tarn dam?"), "UNRESOLVED_REF"),
        (draft("How much did the firm bid per share for Tarn Mills?"), "UNRESOLVED_REF"),
        (
            draft("At how much is the order valued at list prices?", kind="number", answer="$9"),
            "UNRESOLVED_REF",
        ),
        (draft("Where the Tarn dam that in what year was finished stood there?"), "WH_BURIED"),
        (
            draft(
                "Who is Ana Ruiz?",
                kind="who_is",
                answer="President-elect",
                choices=("President-elect", "the President", "a farmer", "the mayor of Tarn"),
            ),
            "AMBIG",
        ),
        (
            draft(
                "Who is Ana Ruiz?",
                kind="who_is",
                answer="the President",
                choices=("the President", "a farmer", "the mayor of Tarn", "a coach"),
            ),
            "AMBIG",
        ),
        (
            draft(
                "About how many pages did the report have?",
                kind="number",
                answer="1,000",
                source="The report ran to more than 1,000 pages.",
                choices=("1,000", "500", "2,000", "750"),
            ),
            "HEDGE_CHANGED",
        ),
    ],
)
def test_soft_rules_flag(q: DraftQuestion, code: str) -> None:
    hard, soft = codes(q)
    assert not hard and code in soft, check(q)
    (kept,) = lint([q])
    assert any(f.startswith(f"{code}: ") for f in kept.flags)


def test_hedge_kept_is_not_flagged() -> None:
    q = draft(
        "More than how many pages did the Tarn report have?",
        kind="number",
        answer="1,000",
        source="The report ran to more than 1,000 pages.",
        choices=("1,000", "500", "2,000", "750"),
    )
    assert codes(q) == (set(), set())


def test_mirror_pair_keeps_the_person_question() -> None:
    person = draft(
        "Who is Ana Ruiz?",
        kind="who_is",
        answer="the mayor of Tarn",
        choices=("the mayor of Tarn", "a farmer", "a coach of the club", "the town engineer"),
    )
    role = draft(
        "Who is the mayor of Tarn?",
        kind="who_is",
        answer="Ana Ruiz",
        choices=("Ana Ruiz", "Tomas Berg", "Feng Li", "Dana Ortiz"),
    )
    assert lint([person, role]) == [person]
    assert lint([role]) == [role]


def test_mid_sentence_though_is_repaired_not_dropped() -> None:
    q = draft(
        "Who shot back at Lowfield, though, saying the town “could only wish for our river”?",
        kind="who_said",
        answer="Ana Ruiz",
        choices=("Ana Ruiz", "Tomas Berg", "Feng Li", "Dana Ortiz"),
    )
    (kept,) = lint([q])
    assert (
        kept.prompt == "Who shot back at Lowfield, saying the town “could only wish for our river”?"
    )


def test_clean_drafts_pass_unchanged() -> None:
    q = draft("In what year was the Tarn dam finished?")
    assert lint([q]) == [q]
    assert lint([replace(q, flags=("TOO_LONG: kept from before",))])[0].flags == (
        "TOO_LONG: kept from before",
    )


@pytest.mark.parametrize(
    ("prompt", "code"),
    [
        (
            "Fill in the blank: A postdoc at Lowfield College in the lab of Ana Ruiz in _____.",
            "TRUNCATION",
        ),
        (
            "Fill in the blank: According to a _____ survey by Tomas Berg of Lowfield College.",
            "TRUNCATION",
        ),
        (
            "Fill in the blank: To win Lowland County, which holds the first vote of _____.",
            "TRUNCATION",
        ),
        (
            "Fill in the blank: Despite delays that have pushed the ferry's launch to late _____.",
            "TRUNCATION",
        ),
        (
            "Fill in the blank: The nurses said that based on an estimated _____ patients in "
            "the ward in the past two years.",
            "TRUNCATION",
        ),
        ("Fill in the blank: “They sold the mill in _____ for a song”.", "GEN_QUOTE"),
        ("“They brought this public in what year at $16 a share”?", "GEN_QUOTE"),
    ],
)
def test_fragments_and_quoted_facts_dropped(prompt: str, code: str) -> None:
    assert code in codes(draft(prompt))[0]


@pytest.mark.parametrize(
    "prompt",
    [
        "Fill in the blank: The Lowfield mill was sold in _____.",
        "Fill in the blank: Since _____, the mill has not made a profit in any year.",
        "Fill in the blank: When the mill closed in _____, the town lost its largest employer.",
        "Fill in the blank: Despite the strike, the mill reopened in _____.",
        "Fill in the blank: The nurses said that _____ patients were treated in the past year.",
    ],
)
def test_a_cloze_with_a_verb_is_no_fragment(prompt: str) -> None:
    assert codes(draft(prompt)) == (set(), set())


@pytest.mark.parametrize(
    "prompt",
    [
        "Fill in the blank: The company also reported long-term debt of more than _____.",
        "Fill in the blank: The Portuguese boss had been out of work since December _____.",
    ],
)
def test_a_stem_opening_with_a_bare_description_is_dropped(prompt: str) -> None:
    q = DraftQuestion(
        kind="number",
        prompt=prompt,
        answer="7",
        choices=("7", "9"),
        source="s",
        span=(0, 1),
        explanation="e",
        confidence=0.9,
    )
    assert lint([q]) == []


@pytest.mark.parametrize(
    "prompt",
    [
        "Fill in the blank: Tarn Police counted _____ people, but the agency didn't give a total.",
        "Fill in the blank: A study showed Tarn as the state with the lowest rise since _____.",
    ],
)
def test_a_description_after_a_name_that_it_may_mean_is_not_flagged(prompt: str) -> None:
    assert codes(draft(prompt)) == (set(), set())


@pytest.mark.parametrize(
    ("prompt", "dropped"),
    [
        (
            "Fill in the blank: Since January _____, it has not talked of anything but the vote.",
            True,
        ),
        ("Fill in the blank: After Ruiz left in _____, she joined the Harlow council.", False),
    ],
)
def test_a_pronoun_subject_after_a_fronted_phrase_needs_a_name_there(
    prompt: str, dropped: bool
) -> None:
    hard, _ = check(draft(prompt))
    assert ("UNRESOLVED_REF" in " ".join(hard)) is dropped
