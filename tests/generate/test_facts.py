"""Rankings, ages and figures as news reports give them (articles in our own words)."""

import pytest

from quizapp.generate import DraftQuestion, generate

from .helpers import check_invariants


def _asked(text: str, kind: str) -> list[DraftQuestion]:
    result = generate(text)
    check_invariants(text, result)
    return [q for q in result.questions if q.kind == kind]


def _by_answer(qs: list[DraftQuestion], answer: str) -> DraftQuestion:
    (q,) = [q for q in qs if q.answer == answer]
    return q


def test_a_capitalised_modifier_before_the_counted_noun_keeps_the_count() -> None:
    text = (
        "Peacekeepers to stay\n"
        "Roughly 4,000 UN peacekeepers remain in the border region.\n"
        "More than 1,200 Malian soldiers have joined them since the spring.\n"
    )
    qs = _asked(text, "number")
    keepers = _by_answer(qs, "4,000")
    assert keepers.prompt == "About how many UN peacekeepers remain in the border region?"
    soldiers = _by_answer(qs, "1,200")
    assert soldiers.prompt.startswith("More than how many Malian soldiers have joined them")


def test_an_age_between_commas_after_a_name_is_asked_once_per_person() -> None:
    text = (
        "Ferry captain honoured\n"
        "Harold P. Mbeki Jr., 58, of Port Ellis, received the medal on Friday.\n"
        "“The crew deserves this more than I do,” Mbeki said.\n"
        "Rosa Lindqvist, the harbour master, said the rescue saved nine lives.\n"
        "Later, Mbeki, 58, thanked the volunteers, and Lindqvist, 44, read their names.\n"
    )
    qs = _asked(text, "number")
    assert _by_answer(qs, "58").prompt == "How old is Harold P. Mbeki Jr.?"
    assert _by_answer(qs, "44").prompt == "How old is Rosa Lindqvist?"
    assert len([q for q in qs if q.prompt.startswith("How old")]) == 2


def test_a_ranked_player_is_asked_by_the_rank() -> None:
    text = (
        "Open reaches the last eight\n"
        "The top-ranked Ilse Varga beat Marta Quon in straight sets on Tuesday.\n"
        "Earlier, the 12th-ranked Priya Castell edged Noor Abadi in three sets.\n"
        "“I played my best tennis of the year,” Castell said.\n"
        "“She was simply better today,” said Abadi, who had won their last meeting.\n"
        "Umpire Joel Brandt said the crowd behaved well.\n"
    )
    qs = _asked(text, "which_rank")
    assert _by_answer(qs, "Ilse Varga").prompt == "Who is the top-ranked player?"
    assert _by_answer(qs, "Priya Castell").prompt == "Who is the 12th-ranked player?"


@pytest.mark.parametrize(
    ("ranked", "among"),
    [
        ("month of the year so far", "months of the year so far"),
        ("cargo month of the year thus far", "cargo months of the year thus far"),
    ],
)
def test_a_rank_phrase_keeps_so_far_whole(ranked: str, among: str) -> None:
    text = (
        "Harbour traffic\n"
        f"The port handled 41,200 containers in March, the second-busiest {ranked}, "
        "officials said.\n"
    )
    (q,) = [q for q in _asked(text, "which_rank") if q.answer == "second-busiest"]
    assert q.prompt == f"Where does March rank among {among}?"


def test_a_superlative_with_no_named_holder_is_a_cloze_with_its_opposite_beside_it() -> None:
    text = (
        "Nurses walk out\n"
        "The two-day walkout was Ohio’s largest nurse strike in a generation.\n"
        "A union survey ranked Dayton as the city with the highest staff turnover since 2015.\n"
        "It was the best way to be heard, one nurse said.\n"
    )
    qs = _asked(text, "which_rank")
    largest = _by_answer(qs, "largest")
    assert largest.prompt == (
        "Fill in the blank: The two-day walkout was Ohio’s _____ nurse strike in a generation."
    )
    assert set(largest.choices) == {"largest", "smallest", "second-largest", "third-largest"}
    highest = _by_answer(qs, "highest")
    assert "the city with the _____ staff turnover" in highest.prompt
    assert "lowest" in highest.choices
    assert not [q for q in qs if q.answer == "best"]  # "the best way to": nothing to check


def test_a_first_in_a_league_s_history_is_asked_by_its_holder() -> None:
    text = (
        "Record night\n"
        "Ayo Mensah said the team played well. Coach Tom Berg and Lee Park agreed.\n"
        "Guard Rita Solis said she had never seen a crowd so loud.\n"
        "Mensah became the first player in WNBA history to score 40 points off the bench, "
        "and Park added 12.\n"
    )
    qs = _asked(text, "which_rank")
    q = _by_answer(qs, "Ayo Mensah")
    assert q.prompt == (
        "Who became the first player in WNBA history to score 40 points off the bench?"
    )


def test_a_figure_in_the_second_of_two_joined_clauses_is_asked_in_its_own_clause() -> None:
    text = (
        "Hawks roll on\n"
        "Ayo Mensah said the team played well. Coach Tom Berg and Lee Park agreed.\n"
        "The Hawks won their third straight game at home, and Lee Park scored 31 points "
        "in the second half.\n"
    )
    q = _by_answer(_asked(text, "number"), "31")
    assert q.prompt == "Fill in the blank: Lee Park scored _____ points in the second half."


def test_points_are_a_count_only_when_scored() -> None:
    text = (
        "Markets\n"
        "The index lost 40 points on Friday, traders said.\n"
        "At the arena, Ana Ruiz scored 27 points for the visitors.\n"
    )
    assert [q.answer for q in _asked(text, "number")] == ["27"]


def test_a_crowd_in_attendance_is_a_cloze_that_keeps_its_hedge() -> None:
    text = (
        "Cup final\n"
        "The final drew a big crowd.\n"
        "Singer Lila Moss was among the more than 9,000 in attendance, which also included "
        "the mayor.\n"
    )
    q = _by_answer(_asked(text, "number"), "9,000")
    assert (
        q.prompt
        == "Fill in the blank: Singer Lila Moss was among the more than _____ in attendance."
    )


def test_the_old_figures_of_a_comparison_are_not_asked() -> None:
    text = (
        "Ferry fares\n"
        "The average fare rose to $14.50 in May, up from $12.75 a year earlier.\n"
        "Ridership reached 61.4 percent of capacity, still down from the summer peak of "
        "78.2 percent and the ten-year average of 70.5 percent.\n"
    )
    answers = {q.answer for q in _asked(text, "number")}
    assert "$14.50" in answers and "61.4%" in answers
    assert not answers & {"$12.75", "78.2%", "70.5%"}


def test_a_figure_a_speaker_ties_to_it_or_we_is_not_asked_from_the_quote() -> None:
    text = (
        "Copper outlook\n"
        "Analyst Vera Holm said prices could climb further this winter.\n"
        "“Copper had a rough few years. If it can take it a little further and break above "
        "$4.20, that will confirm the new trend,” Holm said on Monday.\n"
        "Mining shares fell 3 percent on Friday.\n"
    )
    answers = {q.answer for q in _asked(text, "number")}
    assert "3%" in answers and "$4.20" not in answers


def test_one_fact_stated_twice_is_asked_once_and_two_facts_of_one_year_twice() -> None:
    text = (
        "Tomas Berg runs the boatyard on the island.\n"
        "Berg expects to build three new ferries through 2031.\n"
        "At current rates, Berg said, there will be three new ferries built by 2031.\n"
        "Ana Ruiz joined the harbour board of the island in 2031.\n"
        "Ruiz opened a sailing school on the island in 2031."
    )
    years = [q.prompt for q in generate(text).questions if q.kind == "which_year"]
    assert sum("ferries" in p for p in years) == 1, years
    assert sum("Ruiz" in p for p in years) == 2, years
