"""Sports report: ages in attributions ("said Kevin Yearout, 51, co-owner of …")."""
# ruff: noqa: E501

from . import Key

KEY = Key(
    text="""Hawks edge Pioneers in overtime thriller
The Millford Hawks beat the Carver Pioneers 4-3 in overtime on Friday night, their first playoff win since 2011.
Forward Lena Brandt, 19, scored the winning goal two minutes into the extra period.
"I just closed my eyes and shot," Brandt said. "Honestly, I didn't see it go in."
Hawks coach Dave Morrow called it "the biggest win this team has had in a decade."
A crowd of 3,200 packed the arena, the largest of the season.
"We've been coming to games for 30 years and never heard it this loud," said Kevin Yearout, 51, co-owner of the Blue Line Diner across the street.
The Hawks are now the second-best team in the league, behind the Eastport Kings.
""",
    quotes=[
        ("I just closed my eyes and shot", "Lena Brandt"),
        ("Honestly, I didn't see it go in", "Lena Brandt"),
        ("the biggest win this team has had in a decade", "Dave Morrow"),
        ("We've been coming to games for 30 years", "Kevin Yearout"),
    ],
    years=[("first playoff win since", "2011")],
    ranks=[("second-best", "Hawks rank")],
    numbers=[("3,200", "crowd")],
    people={
        "Lena Brandt": ("forward",),
        "Dave Morrow": ("coach",),
        "Kevin Yearout": ("co-owner of the Blue Line Diner",),
    },
    # An age after a name is fair to ask, not required.
    optional={"number": [("19", "Lena Brandt"), ("51", "Kevin Yearout")]},
)
