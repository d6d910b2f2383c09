"""Wire-service politics: "said" after names, "Sen."/"Gov." titles, "Chief Executive"."""
# ruff: noqa: E501

from . import Key

KEY = Key(
    text="""Senate panel advances border funding bill
WASHINGTON (AP) — A Senate committee voted 15-12 on Thursday to advance a $14 billion border security bill, setting up a floor vote next month.
"This bill gives our agents the tools they have asked for," Sen. Maria Alvarez, the committee's chairwoman, said after the vote.
Gov. Tom Whitaker of Arizona, a Republican, called the measure "a good first step, but only a first step."
The bill would hire 2,000 new border agents and expand detention capacity, according to a summary released by the committee.
"We cannot keep writing blank checks without oversight," said Sen. Robert Haines, who voted against the bill.
Haines, a former prosecutor, said he would offer amendments on the floor.
Congress last passed a major border bill in 2006.
"Trade depends on a border that works," said Chief Executive Sandra Lee of the Border Trade Alliance.
""",
    quotes=[
        ("This bill gives our agents the tools", "Maria Alvarez"),
        ("a good first step, but only a first step", "Tom Whitaker"),
        ("We cannot keep writing blank checks", "Robert Haines"),
        ("Trade depends on a border that works", "Sandra Lee"),
    ],
    years=[("major border bill", "2006")],
    numbers=[("$14 billion", "border security bill"), ("2,000", "border agents")],
    people={
        "Maria Alvarez": ("chairwoman", "senator"),
        "Tom Whitaker": ("governor",),
        "Robert Haines": ("senator", "voted against the bill", "former prosecutor"),
        "Sandra Lee": ("chief executive",),
    },
)
