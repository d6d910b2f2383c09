"""Shapes of real journalism that the generator must read right (articles in our own words)."""

from quizapp.generate import generate
from quizapp.generate.article import parse

FIRM = """Shares of Brightwell jump after retail deal
Nadia Okafor, an equity analyst at Harlow Brandt, said the shares were still cheap.
“Investors have been far too gloomy about this company for years,” Okafor said.
Tomas Reyes, a fund manager, disagreed with her.
“The debt is still much too high for anyone to feel comfortable,” Reyes said.
Okafor said she had asked about the Silver Lantern Society, a charity the company backs.
The figures come from the Corbin Ledger report, which tracks retail deals.
"""


def test_organisations_named_where_only_organisations_sit_are_never_people() -> None:
    qs = generate(FIRM).questions
    choices = {c for q in qs for c in q.choices}
    assert {"Nadia Okafor", "Tomas Reyes"} <= choices
    assert not choices & {"Harlow Brandt", "Silver Lantern Society", "Corbin Ledger"}


def test_a_generational_suffix_keeps_its_full_stop_and_is_no_surname() -> None:
    text = (
        "Tax rebate approved\n"
        "Walter R. Pennington Jr., 61, the county treasurer, signed the order on Monday.\n"
        "“Every family will see the rebate before the winter,” Pennington said.\n"
        "Olga Marsh, the county clerk, said the forms were ready.\n"
        "“We printed enough forms for every household,” Marsh said.\n"
    )
    art = parse(text)
    (walter,) = [p for p in art.cast.people if p.name.startswith("Walter")]
    assert walter.name == "Walter R. Pennington Jr."
    assert walter.surnames[0] == "Pennington" and "Jr" not in walter.surnames
    said = [q for q in generate(text).questions if q.kind == "who_said"]
    assert "Walter R. Pennington Jr." in {q.answer for q in said}


def test_a_sentence_opening_preposition_is_not_part_of_a_name() -> None:
    text = (
        "Veteran keeps scoring\n"
        "To Marcus Ellery, records are not the point of playing.\n"
        "“I only care about whether we win the game,” Ellery said after the match.\n"
        "Coach Dana Whitlow agreed with her star player.\n"
        "“He has never once talked to me about his numbers,” Whitlow said.\n"
    )
    names = {p.name for p in generate(text).people}
    assert "Marcus Ellery" in names and "To Marcus Ellery" not in names
