"""Held-out articles: keyed by hand after the generator's rules were written, never tuned on.

Their scores say how the generator does on text it has not seen; only the no-wrong-speaker rule
is a test here, so that these articles stay a measurement rather than a target.
"""
# ruff: noqa: E501

from tests.generate.articles import Key

LIBRARY = Key(
    text="""Library reopens after flood repairs
The Fairview Public Library reopened on Monday, 14 months after a burst water main flooded its basement archive.
"We lost thousands of old newspapers, but the community never stopped asking when we would be back," said Priya Nandakumar, the library's director since 2019.
The building, designed by architect Walter Hays, first opened in 1934 and was expanded in 1972.
Repairs cost $1.8 million, about 40% of which was covered by insurance, according to city treasurer Daniel Osei.
Mr. Osei said the city would seek federal money for the rest. "This is not a luxury. A library is infrastructure," he said.
Fairview's library is the oldest public library in the county, and its archive is the largest in the region.
Volunteers helped too. More than 300 residents signed up to clean and sort books, said Gloria Mendez, 67, who organized them.
"People brought their own gloves and their own coffee," Ms. Mendez said. "Nobody had to be asked twice."
""",
    quotes=[
        ("We lost thousands of old newspapers", "Priya Nandakumar"),
        ("This is not a luxury", "Daniel Osei"),
        ("People brought their own gloves", "Gloria Mendez"),
        ("Nobody had to be asked twice", "Gloria Mendez"),
    ],
    years=[("director since", "2019"), ("first opened", "1934"), ("expanded", "1972")],
    ranks=[("oldest", "oldest public library in the county"), ("largest", "largest in the region")],
    numbers=[
        ("$1.8 million", "repairs cost"),
        ("40%", "covered by insurance"),
        ("300", "residents"),
        ("14", "months"),
    ],
    people={
        "Priya Nandakumar": ("director",),
        "Walter Hays": ("architect",),
        "Daniel Osei": ("treasurer",),
        "Gloria Mendez": ("organized",),
    },
    # An age after a name is fair to ask, not required.
    optional={"number": [("67", "Gloria Mendez")]},
)
RAIL = Key(
    text="""Rail strike ends as union accepts new contract
LONDON — Train drivers will return to work on Thursday after their union accepted a pay offer, ending a strike that began in March.
The agreement gives drivers a 9% raise over two years, said Helen Burke, general secretary of the Drivers' Union.
"It is not everything we asked for, but it is a fair deal," Ms Burke told reporters outside the union's headquarters.
Transport Secretary Mark Ellison welcomed the deal. "Passengers have been patient, and they deserve a reliable service," he said.
The strike was the longest on the network since 1995, according to the Office of Rail Statistics.
Around 12,000 drivers took part, and about 60% of services were cancelled on strike days.
""",
    quotes=[
        ("It is not everything we asked for", "Helen Burke"),
        ("Passengers have been patient", "Mark Ellison"),
    ],
    years=[("since", "1995")],
    ranks=[],
    numbers=[("9%", "raise"), ("12,000", "drivers"), ("60%", "services")],
    people={"Helen Burke": ("general secretary",), "Mark Ellison": ("transport secretary",)},
)

KEYS = {"library": LIBRARY, "rail": RAIL}
