"""Local news: the teacher's article (title before a name after a quote, appositive before)."""
# ruff: noqa: E501

from . import Key

KEY = Key(
    text="""Harbour town votes to rebuild its old pier
The town council voted 7-2 on Tuesday to rebuild the Main Street pier, which opened in 1911.
"This pier is the heart of our harbour," said Mayor Lena Okafor, the council's longest-serving member.
The project will cost about $4 million, according to the town engineer, Tomas Reyes.
"We expect the work to take two full summers," Mr. Reyes said. He added that boats would still dock nearby.
The pier was last repaired in 1987, after a storm destroyed its northern half.
Harbour is now the third-largest fishing port in the province, after Northport and Kingsbay.
""",
    quotes=[
        ("This pier is the heart of our harbour", "Lena Okafor"),
        ("We expect the work to take two full summers", "Tomas Reyes"),
    ],
    years=[("opened in", "1911"), ("last repaired", "1987")],
    ranks=[("third-largest", "Harbour rank"), ("Harbour", "third-largest fishing port")],
    numbers=[("$4 million", "project will cost")],
    people={
        "Lena Okafor": ("mayor", "longest-serving member"),
        "Tomas Reyes": ("town engineer",),
    },
)
