"""Question wording: wh-phrases fronted with inversion or do-support, cloze items otherwise."""

import pytest
import regex as re

from quizapp.generate import BLANK, generate, split_blank
from quizapp.generate.cloze import is_cloze, make_cloze
from quizapp.generate.lint import check


def asked(text: str, kind: str) -> dict[str, str]:
    """answer -> prompt for the drafts of one kind."""
    return {q.answer: q.prompt for q in generate(text).questions if q.kind == kind}


@pytest.mark.parametrize(
    ("text", "answer", "prompt"),
    [
        (
            "The Lowfield council approved the new harbour plan in 2019.",
            "2019",
            "In what year did the Lowfield council approve the new harbour plan?",
        ),
        (
            "The old ferry line went out of service in 1968.",
            "1968",
            "In what year did the old ferry line go out of service?",
        ),
        (
            "The Brandt Bridge was finally completed in 1931, after a long strike.",
            "1931",
            "In what year was the Brandt Bridge finally completed?",
        ),
        (
            "According to the museum, by the end of 2022, nearly 8,000 visitors had seen the map.",
            "2022",
            "By the end of what year had nearly 8,000 visitors seen the map?",
        ),
        (
            "Ellen Varga has coached the Tarn Valley rowing club since 2008.",
            "2008",
            "Since what year has Ellen Varga coached the Tarn Valley rowing club?",
        ),
        (
            "The ticket sales at the Orbis Theatre doubled between 2015 and 2018.",
            "2015–2018",
            "Between which years did the ticket sales at the Orbis Theatre double?",
        ),
    ],
)
def test_year_question_is_fronted(text: str, answer: str, prompt: str) -> None:
    assert asked(text, "which_year")[answer] == prompt


@pytest.mark.parametrize(
    ("text", "answer", "prompt"),
    [
        (
            "More than 1,200 volunteers cleaned the Tarn river banks last spring.",
            "1,200",
            "More than how many volunteers cleaned the Tarn river banks last spring?",
        ),
        (
            "About 3,500 runners finished the Lowfield marathon on Sunday.",
            "3,500",
            "About how many runners finished the Lowfield marathon on Sunday?",
        ),
        (
            "The Lowfield school board hired 45 new teachers in August.",
            "45",
            "How many new teachers did the Lowfield school board hire in August?",
        ),
        (
            "The bus fares in Lowfield rose by 12% in January, the transit office said.",
            "12%",
            "By what percentage did the bus fares in Lowfield rise in January?",
        ),
        (
            "The Lowfield library will spend about $40,000 on new shelves.",
            "$40,000",
            "About how much will the Lowfield library spend on new shelves?",
        ),
    ],
)
def test_number_question_keeps_hedge_and_fronts(text: str, answer: str, prompt: str) -> None:
    assert asked(text, "number")[answer] == prompt


@pytest.mark.parametrize(
    ("text", "answer", "before", "after"),
    [
        # A year inside a noun phrase: no "the what year election".
        (
            "Voters rejected the proposal in the 2014 referendum on the Tarn dam.",
            "2014",
            "Voters rejected the proposal in the ",
            " referendum on the Tarn dam.",
        ),
        # A negated clause would read as a trick question.
        (
            "The Orbis Theatre did not reopen its balcony until 1999.",
            "1999",
            "The Orbis Theatre did not reopen its balcony until ",
            ".",
        ),
        # The auxiliary belongs to the reported clause, not to "projects".
        (
            "The port authority projects that the new locks will double traffic by 2031.",
            "2031",
            "The port authority projects that the new locks will double traffic by ",
            ".",
        ),
    ],
)
def test_cloze_when_no_clean_question(text: str, answer: str, before: str, after: str) -> None:
    prompt = asked(text, "which_year")[answer]
    assert prompt.startswith("Fill in the blank: ")
    assert prompt.count(BLANK) == 1
    assert split_blank(prompt) == (before, after)


def test_cloze_keeps_the_hedge_outside_the_blank() -> None:
    text = "Lowfield's council set aside roughly 300 spaces for the 2019 festival parking plan."
    prompt = asked(text, "which_year")["2019"]
    assert split_blank(prompt) == (
        "Lowfield's council set aside roughly 300 spaces for the ",
        " festival parking plan.",
    )


def test_approximate_hedge_asks_about_and_drops_the_appositive() -> None:
    text = "The fire crews saved roughly 300 homes, the largest rescue in Lowfield's history."
    assert asked(text, "number")["300"] == "About how many homes did the fire crews save?"


@pytest.mark.parametrize(
    "text",
    [
        "However, the Brandt Bridge was finally completed in 1931.",
        "Yet the Brandt Bridge was finally completed in 1931.",
        "For instance, the Brandt Bridge was finally completed in 1931.",
    ],
)
def test_leading_connective_stripped(text: str) -> None:
    assert (
        asked(text, "which_year")["1931"] == "In what year was the Brandt Bridge finally completed?"
    )


def test_pronoun_subject_keeps_its_antecedent_or_is_not_asked() -> None:
    text = "Ellen Varga grew up in Lowfield. She joined the Tarn Valley rowing club in 2004."
    prompt = asked(text, "which_year").get("2004", "")
    assert "she" not in prompt.lower() or "Ellen Varga" in prompt


def test_no_break_inside_abbreviations_or_numbers() -> None:
    text = (
        "The U.S. and Canada signed the St. Clair river treaty in 1909 after 2,275 hours of talks."
    )
    prompt = asked(text, "which_year")["1909"]
    assert "U.S. and Canada" in prompt and "St. Clair" in prompt


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("The plan passed in", ".", "Fill in the blank: The plan passed in _____."),
        ("", " people came", "Fill in the blank: _____ people came."),
        ("He called it “the best", "", "Fill in the blank: He called it “the best _____”."),
        # a closing mark typed where the quotation opens
        (
            "The odds in",
            " were ”dwindling.”",
            "Fill in the blank: The odds in _____ were “dwindling.”",
        ),
    ],
)
def test_make_cloze(before: str, after: str, expected: str) -> None:
    assert make_cloze(before, after) == expected


@pytest.mark.parametrize("prompt", ["Who said it?", "Fill in the blank: no blank"])
def test_split_blank_refuses_non_cloze(prompt: str) -> None:
    assert split_blank(prompt) is None


def test_only_a_lead_and_one_blank_make_a_generated_cloze() -> None:
    # split_blank also reads imported gap-fill prompts without our lead; is_cloze does not.
    assert split_blank(f"{BLANK} x") == ("", " x")
    assert not is_cloze(f"{BLANK} x")
    assert is_cloze(f"Fill in the blank: {BLANK} x.")


def test_seed_year_and_number_prompts_pass_the_linter_unflagged() -> None:
    from .seed import SEED

    for q in generate(SEED).questions:
        if q.kind in ("which_year", "number"):
            assert check(q) == ([], []), q.prompt


def test_pronoun_replaced_by_the_person_the_article_resolves() -> None:
    text = (
        "Dana Ortiz runs the Lowfield ferry company. "
        "She bought the company's first electric ferry in 2021."
    )
    prompt = asked(text, "which_year")["2021"]
    assert "Dana Ortiz" in prompt and not prompt.split(": ")[-1].startswith("She")


def test_long_cloze_trimmed_to_the_clause_of_the_fact() -> None:
    text = (
        "The Lowfield Rowing Association, which gave nearly $5,000 toward the 2016 boathouse "
        "appeal, also runs summer camps for children, a winter league for adults, a repair shop "
        "for old boats and a small museum about the river for the town."
    )
    prompt = asked(text, "which_year")["2016"]
    assert "Lowfield Rowing Association" in prompt and f"{BLANK} boathouse appeal" in prompt
    assert len(prompt.split()) - 4 <= 30


def test_trailing_conjunct_dropped_when_too_long() -> None:
    text = (
        "Ana Ruiz, the chief engineer of the Lowfield harbour works, said the new crane will be "
        "able to lift up to 80 tonnes of cargo onto the quay and load the largest ferries in the "
        "whole region without any help from the old tugs of the harbour."
    )
    prompt = asked(text, "number")["80"]
    assert prompt.endswith("tonnes of cargo onto the quay.") and len(prompt.split()) <= 34


def test_day_of_a_date_is_no_count() -> None:
    text = "The Lowfield ferry strike ended on July 25 after talks with 40 union delegates."
    assert "25" not in asked(text, "number")


@pytest.mark.parametrize(
    ("text", "prompt", "answer"),
    [
        (
            "The Tarn mill was sold last year. “The price was far too low,” said Tomas Berg, "
            "the mill manager. “I wanted the mill to stay open,” said Dana Ortiz, who was "
            "then the mill's largest shareholder. Mayor Nia Grant, who had tried to find a buyer, "
            "said she was sorry to see it go, and Mark Ivers, a union steward, agreed.",
            "Who was the mill's largest shareholder?",
            "Dana Ortiz",
        ),
        (
            "Coach Tomas Berg praised the crew. Ana Ruiz became the first woman to lead the "
            "Tarn Valley rowing club in 2019, a year after Feng Li retired. Club secretary Mark "
            "Ivers said the vote for her was unanimous. “She earned it,” said Nia Grant, the "
            "club treasurer.",
            "Who became the first woman to lead the Tarn Valley rowing club?",
            "Ana Ruiz",
        ),
        (
            "Coach Tomas Berg praised the crew, and club secretary Mark Ivers agreed. Ana Ruiz is "
            "61 years old and is the oldest rower ever chosen to lead the club. Nia Grant cheered.",
            "Who is the oldest rower ever chosen to lead the club?",
            "Ana Ruiz",
        ),
    ],
)
def test_person_holding_a_rank_or_a_first(text: str, prompt: str, answer: str) -> None:
    ranks = {q.prompt: q.answer for q in generate(text).questions if q.kind == "which_rank"}
    assert ranks.get(prompt) == answer, ranks


def test_month_and_year_asks_the_year_as_a_cloze() -> None:
    text = "Two Lowfield divers were rescued from the flooded Tarn mine in August 2016 by a team."
    prompt = asked(text, "which_year")["2016"]
    assert prompt.endswith(f"in August {BLANK} by a team.")


@pytest.mark.parametrize(
    ("text", "prompt"),
    [
        (
            "The Tarn mine closed for good on September 25, 2016 after the flood.",
            "In what year did the Tarn mine close for good after the flood?",
        ),
        (
            "On Jan. 20, 2017, the new bridge was opened by the governor of the state.",
            "In what year was the new bridge opened by the governor of the state?",
        ),
        (
            "Marsh spoke at a rally on Nov. 6, 2019, in front of the old town hall.",
            "In what year did Marsh speak at a rally in front of the old town hall?",
        ),
    ],
)
def test_a_full_date_asks_its_year_with_the_day_dropped(text: str, prompt: str) -> None:
    (year,) = re.findall(r"\b(?:19|20)\d\d\b", text)
    assert asked(text, "which_year")[year] == prompt


def test_a_full_date_that_cannot_be_asked_cleanly_makes_no_cloze() -> None:
    text = "The storm, which hit on Sept. 14, 2018, destroyed forty boats in the harbour."
    assert "2018" not in asked(text, "which_year")


def test_two_clauses_with_a_year_each_make_a_cloze_not_a_merged_question() -> None:
    text = "The town was founded in 1820 and its harbour was dredged in 1911 by the navy."
    prompt = asked(text, "which_year")["1911"]
    assert split_blank(prompt) == (
        "The town was founded in 1820 and its harbour was dredged in ",
        " by the navy.",
    )


def test_a_trailing_attribution_with_a_role_leaves_the_cloze() -> None:
    text = "The 2018 flu season was the worst the county had seen, health officer Ivo Marsh said."
    prompt = asked(text, "which_year")["2018"]
    assert "Marsh" not in prompt and "officer" not in prompt


def test_relative_aside_removed_from_a_long_cloze() -> None:
    text = (
        "But then in 2010, the laboratory of Ana Ruiz, who was then at the Lowfield Institute "
        "of Marine Studies, reported that young eels in the Tarn river can smell salt water "
        "from far upstream."
    )
    assert split_blank(asked(text, "which_year")["2010"]) == (
        "In ",
        ", the laboratory of Ana Ruiz reported that young eels in the Tarn river can smell salt "
        "water from far upstream.",
    )


def test_semicolon_keeps_the_clause_of_the_fact() -> None:
    text = (
        "The Tarn mill changed hands last year. "
        "That sale closed in May; Dana Ortiz still owns 12% of the Tarn mill, records show."
    )
    prompt = asked(text, "number")["12%"]
    assert "That sale" not in prompt and "Dana Ortiz" in prompt


@pytest.mark.parametrize(
    ("text", "answer", "prompt"),
    [
        (
            "The number of Lowfield ferry passengers grew by 20% between 2015 and 2019.",
            "2015–2019",
            "Between which years did the number of Lowfield ferry passengers grow by 20%?",
        ),
        (
            "A survey team led by Ana Ruiz mapped the Tarn river bed in 2018.",
            "2018",
            "In what year did a survey team led by Ana Ruiz map the Tarn river bed?",
        ),
    ],
)
def test_by_after_a_verb(text: str, answer: str, prompt: str) -> None:
    assert asked(text, "which_year")[answer] == prompt


def test_a_figure_after_of_makes_a_cloze_not_an_of_how_much_question() -> None:
    text = "The city council approved a budget of $4.2 billion on Tuesday after a long debate."
    prompt = asked(text, "number")["$4.2 billion"]
    assert is_cloze(prompt) and not prompt.lower().startswith("of ")


def test_a_sentence_opening_common_noun_loses_its_capital_inside_the_question() -> None:
    text = "Unemployment fell to 4.1 percent in October across the whole of the region."
    assert asked(text, "number")["4.1%"] == (
        "To what percentage did unemployment fall in October across the whole of the region?"
    )


@pytest.mark.parametrize(
    ("text", "year", "prompt"),
    [
        (
            "Prices rose 4% in 2016-17 across the whole of the region, the bank said.",
            "2016–2017",
            "In which period did Prices rise 4% across the whole of the region?",
        ),
        (
            "The festival ran every summer at the old harbour from at least 2002 to 2005.",
            "2002–2005",
            "Over which period did the festival run every summer at the old harbour?",
        ),
        (
            "Temperatures broke a national record set in 2017, the state weather agency said on "
            "Wednesday.",
            "2017",
            "Fill in the blank: Temperatures broke a national record set in _____.",
        ),
        (
            "The team looked at data on states where cannabis had been legalized by 2016, the "
            "researchers said in their paper.",
            "2016",
            "Fill in the blank: The team looked at data on states where cannabis had been "
            "legalized by _____.",
        ),
        (
            "The team studied states where cannabis had been legalized by 2016— Colorado, "
            "Washington and Oregon among them.",
            "2016",
            None,
        ),
    ],
)
def test_years_in_ranges_clauses_and_beside_dashes(text: str, year: str, prompt: str) -> None:
    got = asked(text, "which_year")
    assert year in got
    if prompt:
        assert got[year] == prompt
    assert not got[year].startswith("In in") and "By what year did the team" not in got[year]


def test_a_cloze_never_opens_with_a_verb_whose_subject_was_cut() -> None:
    text = (
        "The doctors wrote to the agency. Said they would provide 100 doses of the vaccine "
        "and four volunteer physicians to give them."
    )
    assert all(not split_blank(p)[0].startswith("Said") for p in asked(text, "number").values())


def test_one_blank_per_breakdown_of_percentages() -> None:
    text = (
        "Of the 20,000 people surveyed, just over half were female, 77 percent were aged 26 or "
        "above, 65 percent were white and 12 percent were black."
    )
    percents = [a for a in asked(text, "number") if a.endswith("%")]
    assert len(percents) == 1


def test_a_possessive_in_the_stem_names_the_speaker_whose_attribution_was_cut() -> None:
    text = (
        "Lowfield rowing\n"
        "Ellen Varga opened the new boathouse on Friday.\n"
        "The river has had a place in her heart since 1984, Varga said, when she first rowed it."
    )
    prompt = asked(text, "which_year")["1984"]
    assert "in Ellen Varga’s heart" in prompt, prompt


def test_a_long_cloze_is_not_cut_between_a_preposition_and_its_noun() -> None:
    text = (
        "The Tarn Valley league aims to field a women's team, and a youth side, in the regional "
        "cup by 2027 and to build a lasting network of clubs on and around the river by 2035."
    )
    prompt = asked(text, "which_year")["2027"]
    assert prompt.endswith("in the regional cup by _____."), prompt


def test_says_inside_a_relative_clause_is_no_attribution_to_cut() -> None:
    text = (
        "Harbour money\n"
        "The council has not yet paid the $4.5 million grant that the mayor says is vital to "
        "the harbour plan."
    )
    prompt = asked(text, "number")["$4.5 million"]
    assert not prompt.rstrip(".?").endswith("that the mayor"), prompt


def test_a_list_after_a_colon_stays_out_of_the_question() -> None:
    text = (
        "Harbour works\n"
        "At current rates, the mayor said, there will be three new piers built by 2029: one for "
        "the ferries, one for the fishing fleet and one for visiting yachts."
    )
    prompt = asked(text, "which_year")["2029"]
    assert prompt.endswith("built by _____."), prompt


def test_a_trailing_clause_that_repeats_the_year_is_cut_so_the_cloze_survives() -> None:
    text = (
        "Harbour fees\n"
        "New mooring fees took effect in March 2021, followed by higher fees for yachts in "
        "June 2021 that covered the summer season."
    )
    prompt = asked(text, "which_year")["2021"]
    assert prompt == "Fill in the blank: New mooring fees took effect in March _____.", prompt


@pytest.mark.parametrize(
    ("text", "prompt"),
    [
        (
            "The Lowfield ferry, also known as the Blue Boat, is moored near the old harbour. "
            "It first sailed in 1952, when the bridge was closed for repairs.",
            "In what year did the Lowfield ferry first sail?",
        ),
        (
            "The Brandt Bridge crosses the Tarn river at Lowfield. It was completed in 1931.",
            "In what year was the Brandt Bridge completed?",
        ),
    ],
)
def test_a_referring_it_is_named_by_the_thing_the_sentence_before_opens_with(
    text: str, prompt: str
) -> None:
    assert asked(text, "which_year").popitem()[1] == prompt


def test_it_never_stands_for_a_person() -> None:
    text = "Dana Ortiz runs the Lowfield mill. It was founded in 1931."
    assert "Dana Ortiz was founded" not in asked(text, "which_year").get("1931", "")


@pytest.mark.parametrize(
    ("said", "prompt"),
    [
        (
            "“First boats should reach the isle in 2031,” Nadia Orsk said.",
            "Fill in the blank: Nadia Orsk said: “First boats should reach the isle in _____.”",
        ),
        (
            "“What if the ferry is not ready by 2031,” Nadia Orsk asked.",
            "Fill in the blank: Nadia Orsk asked: “What if the ferry is not ready by _____?”",
        ),
    ],
)
def test_a_year_in_a_named_speakers_words_is_a_cloze_on_her_sentence(
    said: str, prompt: str
) -> None:
    text = "Nadia Orsk, the harbour engineer, met Mayor Paul Reyes on Monday.\n" + said
    (q,) = [q for q in generate(text).questions if q.kind == "which_year"]
    assert (q.prompt, q.answer) == (prompt, "2031")
    assert not q.flags


def test_a_year_in_words_credited_to_nobody_is_not_asked() -> None:
    text = (
        "Nadia Orsk, the harbour engineer, met Mayor Paul Reyes on Monday.\n"
        "A statement said “the first boats should reach the island in 2031 at the earliest.”"
    )
    assert [q for q in generate(text).questions if q.kind == "which_year"] == []


def test_a_year_the_question_shows_is_never_a_choice() -> None:
    text = (
        "Nadia Orsk, the harbour engineer, met Mayor Paul Reyes on Monday.\n"
        "“I think 2030 and 2031 will be the busiest years the harbour has seen,” Orsk said."
    )
    qs = [q for q in generate(text).questions if q.kind == "which_year"]
    assert qs and all(q.answer == "2030" or "2030" not in q.choices for q in qs)
    assert all("2031" not in q.choices for q in qs if "2031" in q.prompt)


def test_one_blank_per_quoted_sentence() -> None:
    text = (
        "Nadia Orsk, the harbour engineer, met Mayor Paul Reyes on Monday.\n"
        "“Sales in 2031 were just not as strong as they had been in 2029,” Orsk said."
    )
    years = [q for q in generate(text).questions if q.kind == "which_year"]
    assert [q.answer for q in years] == ["2031"]


def test_a_that_clause_after_a_reporting_participle_is_asked_as_the_speakers_report() -> None:
    text = (
        "Rep. Ana Ruiz questioned the agency head, Tomas Berg, on Tuesday.\n"
        "Ruiz referred to those comments at last week's hearing, concluding that the odds of "
        "getting full funding for the ferry in fiscal year 2031 were falling."
    )
    assert asked(text, "which_year") == {
        "2031": "Fill in the blank: Ana Ruiz concluded that the odds of getting full funding for "
        "the ferry in fiscal year _____ were falling."
    }


def test_the_appositive_between_a_name_and_its_verb_goes_from_a_long_cloze() -> None:
    text = (
        "Ana Ruiz, a senior harbour analyst at Tarnwell, the Lund-based shipping consultancy, "
        "told the Harbour Gazette in October 2031 that the ferry was “far too small for the "
        "island and far too slow for its workers.”\n"
        "Tomas Berg disagreed."
    )
    assert asked(text, "which_year") == {
        "2031": "Fill in the blank: Ana Ruiz told the Harbour Gazette in October _____ that the "
        "ferry was “far too small for the island and far too slow for its workers.”"
    }


def test_an_appositive_after_a_name_inside_the_clause_stays() -> None:
    # Berg is the letter's addressee, not who "said": dropping his title would make him so.
    text = (
        "In a Nov. 5 letter to Ana Ruiz, who was the acting head of the harbour board and "
        "Tomas Berg, the island's ferry secretary, said they would provide 100 doses of the "
        "vaccine and four volunteer doctors to give them on the island.\n"
    )
    assert "Tomas Berg said" not in " ".join(asked(text, "number").values())
