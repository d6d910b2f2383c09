"""British style: single quotation marks, "Mr Patel" without a full stop, £ figures."""
# ruff: noqa: E501

from . import Key

KEY = Key(
    text="""Village shop saved by residents' buy-out
Residents of Little Hadley have bought their village shop after raising £250,000 in just six weeks.
The shop, which has traded since 1884, was put up for sale last year when its owners retired.
'We couldn't imagine the village without it,' said Margaret Ellis, 68, who chaired the fundraising committee. 'This is the villagers' shop now, and everyone has a stake in it,' she added.
More than 400 households contributed to the appeal, according to the parish council.
Sanjay Patel, who ran the shop for 22 years with his wife, said he was delighted.
'It's the end of a chapter for us, but not for the shop,' Mr Patel said.
""",
    quotes=[
        ("We couldn't imagine the village without it", "Margaret Ellis"),
        ("This is the villagers' shop now", "Margaret Ellis"),
        ("It's the end of a chapter for us", "Sanjay Patel"),
    ],
    years=[("traded since", "1884")],
    numbers=[("£250,000", "raising"), ("400", "households")],
    people={
        "Margaret Ellis": ("chaired the fundraising committee",),
        "Sanjay Patel": ("ran the shop",),
    },
    # An age after a name is fair to ask, not required.
    optional={"number": [("68", "Margaret Ellis")]},
)
