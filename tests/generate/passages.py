"""Short invented news articles used as extra test inputs (not the seed)."""
# ruff: noqa: E501  (article lines are long by nature)

SPORTS = """Rovers clinch title on final day
The Riverside Rovers won their first league championship since 1987 on Saturday, beating the Harbor City Gulls 3-1 in front of 41,000 fans.
"This is the best day of my life, and I have waited a very long time for it," said Marta Kowalski, the Rovers' head coach. "The players never stopped believing."
Striker Jamal Okafor, 24, scored twice. Mr Okafor, who joined the club in 2021, finished the season with 27 goals, the most in the league.
"We knew we had to be patient and wait for our chances," he told reporters after the match.
Attendance at Rovers games grew by 18% this season, according to the league.
The club was founded in 1902. It moved to its current stadium in 1968.
Club chairman Peter Lindqvist called the win "a reward for a whole city that kept the faith."
"""

SCIENCE = """Glacier melting speeds up, study finds
Glaciers in the Andes lost ice between 2000 and 2019 at twice the rate of the previous two decades, according to a study published on Wednesday.
"The speed of the change surprised even us, and we have studied these glaciers for years," says Dr. Elena Suarez, a glaciologist at the University of Chile who led the research.
The team measured more than 1,800 glaciers using satellite images. Dr. Suarez says the losses are largest in the north.
"We expect many small glaciers to disappear entirely within our lifetimes," she adds.
Her colleague Tom Becker, a hydrologist at the same university, said 'scare quotes' and single "words" do not make a quote.
"Water supplies for millions of people depend on this ice," Mr. Becker said, "and cities need to plan now."
Chile is the world's largest producer of copper, and mining uses large amounts of water.
"""

LOCAL = """Council approves new budget
The Millbrook town council voted 5-2 on Tuesday to approve a $4.5 million budget for the coming year.
Mayor Linda Osei said the budget "protects the services that residents rely on every single day."
Councillor James Whitfield, the only member who has served since the 1990s, voted against it. "We are spending money we simply do not have," Mr Whitfield said.
Anna Brooks and Maria Chen, both residents of the east side, spoke at the meeting. "Nobody asked us about the bus routes at all," she said.
The town's population grew by 12% between 2010 and 2020, to about 23,000 people.
"We will hold another public meeting in the spring," said Kevin Yearout, 51, co-owner of a local hardware store.
"""

ALL = {"sports": SPORTS, "science": SCIENCE, "local": LOCAL}
