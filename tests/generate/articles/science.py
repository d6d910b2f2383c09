"""Science piece: "Dr." titles, "according to a study published in 2019", "she said"."""
# ruff: noqa: E501

from . import Key

KEY = Key(
    text="""Coffee drinkers may live longer, researchers say
People who drink two to three cups of coffee a day have a lower risk of early death, according to a study published in 2019 in the journal Heart Health Review.
The researchers followed more than 450,000 adults for an average of 12 years.
"We saw the benefit for ground, instant and decaffeinated coffee alike," said Dr. Amira Haddad, an epidemiologist at Westfield University who led the work.
Dr. Haddad cautioned that the study could not prove cause and effect. "People who drink coffee may differ in many other ways," she said.
Coffee is the third most popular drink in the world, after water and tea.
Not everyone is convinced. Dr. Paul Brennan, a cardiologist who was not involved in the study, said the findings were "interesting but far from the final word."
The team plans a follow-up study in 2026.
""",
    quotes=[
        ("We saw the benefit for ground", "Amira Haddad"),
        ("People who drink coffee may differ", "Amira Haddad"),
        ("interesting but far from the final word", "Paul Brennan"),
    ],
    years=[("study published", "2019"), ("follow-up study", "2026")],
    ranks=[("third most popular", "Coffee rank")],
    numbers=[("450,000", "adults")],
    people={"Amira Haddad": ("epidemiologist",), "Paul Brennan": ("cardiologist",)},
    optional={"which_rank": [("Coffee", "third most popular drink")]},
)
