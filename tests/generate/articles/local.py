"""Local news: pronoun-continued quotes, and a quote whose speaker comes in the next sentence."""
# ruff: noqa: E501

from . import Key

KEY = Key(
    text="""Neighbours fight to save century-old oak
A 120-year-old oak tree on Elm Street will stay standing after the city dropped plans to cut it down on Monday.
"That tree was here before any of us, and it should be here after us." That is how Rosa Delgado, 72, described the oak at a packed public meeting last week.
Delgado has lived across the street from the tree since 1979. "My children climbed it. My grandchildren climb it now," she said. "Where else would they go?"
City forester Mark Ivers had said the tree was diseased. He later said tests showed the rot was limited to one branch. "We were wrong about how bad it was, and I'm glad we checked," he said.
More than 600 residents signed a petition to save the tree.
The city will spend about $12,000 on pruning and cabling, Ivers said.
""",
    quotes=[
        ("That tree was here before any of us", "Rosa Delgado"),
        ("My children climbed it", "Rosa Delgado"),
        ("Where else would they go", "Rosa Delgado"),
        ("We were wrong about how bad it was", "Mark Ivers"),
    ],
    years=[("lived across the street", "1979")],
    numbers=[("600", "residents"), ("$12,000", "pruning")],
    people={"Mark Ivers": ("forester",)},
    # An age after a name is fair to ask, not required.
    optional={"number": [("72", "Rosa Delgado")]},
)
