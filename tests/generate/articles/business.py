"""Business story: "$2.3 billion", "up 12% from 2022", "the second-largest … behind …"."""
# ruff: noqa: E501

from . import Key

KEY = Key(
    text="""Northwind Foods posts record sales as grocery prices climb
Northwind Foods said on Tuesday that its annual revenue rose to $2.3 billion in 2023, up 12% from 2022, as shoppers paid more for staples.
The company was founded in 1978 in Toledo, Ohio.
Northwind is now the second-largest grocery chain in the Midwest, behind Hallmart.
"Our customers are stretching every dollar, and we have worked hard to keep prices low," Chief Executive Janet Morales said in a statement.
Profit fell 4% to $118 million, weighed down by higher wages for its 14,000 employees.
Analysts were cautious. "Margins in this business are razor thin, and they are getting thinner," said Omar Siddiqui, a retail analyst at Crestline Securities.
Northwind plans to open 25 new stores by 2026, Ms. Morales said.
""",
    quotes=[
        ("Our customers are stretching every dollar", "Janet Morales"),
        ("Margins in this business are razor thin", "Omar Siddiqui"),
    ],
    years=[("founded", "1978"), ("annual revenue rose", "2023"), ("25 new stores", "2026")],
    ranks=[("second-largest", "Northwind rank")],
    numbers=[
        ("$2.3 billion", "annual revenue"),
        ("12%", "from 2022"),
        ("4%", "profit fell"),
        ("$118 million", "profit fell"),
        ("14,000", "employees"),
        ("25", "new stores"),
    ],
    people={"Janet Morales": ("chief executive",), "Omar Siddiqui": ("retail analyst",)},
    optional={
        "which_year": [("up 12% from", "2022")],
        "which_rank": [("Northwind", "second-largest grocery chain")],
    },
)
