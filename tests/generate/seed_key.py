"""Hand-labelled key for seeds/canada-mexico-2025.txt, written by reading the article."""

from __future__ import annotations

# Every direct quotation of four words or more, with its speaker (full name as introduced).
# A fragment of the quote is enough to recognise it in a prompt.
QUOTES: list[tuple[str, str]] = [
    ("the mere fact of the visit taking place is in itself significant", "Graeme C. Clark"),
    ("The visit is the message", "Graeme C. Clark"),
    (
        "The lack of deep historical ties, linguistic and geographical differences",
        "Alejandro Diaz Bautista",
    ),
    (
        "have contributed to a functional but not necessarily close relationship",
        "Alejandro Diaz Bautista",
    ),
    ("the most insulting thing I’ve ever heard", "Doug Ford"),
    ("I think that’s a long-standing tradition in Canada", "Laura Macdonald"),
    ("It’s kind of an instinct on the part of many Canadian elites", "Laura Macdonald"),
    ("could only wish they had the cultural riches Mexico has", "Claudia Sheinbaum Pardo"),
    ("We all agreed the U.S. was less attractive", "Romina Zamorano Reyes"),
    ("People in Canada are really friendly, really polite", "Romina Zamorano Reyes"),
    ("They open doors for you, say ‘Thank you’", "Romina Zamorano Reyes"),
    ("Canadians think of Mexico as a beach destination", "Graeme C. Clark"),
    ("Integration is very strong with the United States", "Shauna Hemingway"),
    ("Our countries have come to resemble each other", "Shauna Hemingway"),
    ("We have a lot more to talk about in terms of our similarities", "Shauna Hemingway"),
]
# Quotes too short to ask ("terrible"): must never become a who-said question.
SHORT_QUOTES = ["terrible"]
# The two halves of Dr. Bautista's split quote are one quotation.
SPLIT_PAIRS = [(2, 3)]

# Every dated event: (words of the event that the question must carry, year/period answer).
YEARS: list[tuple[str, str]] = [
    ("relationship between Mexico and Canada", "2024"),
    ("the U.S. and Mexico established diplomatic relations", "1822"),
    ("did not do so until", "1944"),
    ("independent of the British Empire", "1926"),
    ("North American Free Trade Agreement went into effect", "1994"),
    ("English-language training grew by 35%", "2016–2020"),
    ("15,000 Mexicans held study permits", "2024"),
]

# Rankings: (answer, words the prompt must contain).
RANKS: list[tuple[str, str]] = [
    ("Mexico", "third-largest trading partner"),
    ("third-largest", "Mexico rank"),
    ("Ontario", "most populous province"),
]

# Figures: (answer, words of the context the prompt must carry).
NUMBERS: list[tuple[str, str]] = [
    ("35%", "English-language training"),
    ("15,000", "study permits"),
    ("70%", "growth over five years"),
]

# Every person with the role the article gives them (a fragment of it).
PEOPLE: dict[str, str] = {
    "Graeme C. Clark": "then-ambassador to Mexico",
    "Donald Trump": "President-elect",
    "Mark Carney": "Prime Minister",
    "Claudia Sheinbaum Pardo": "President",
    "Alejandro Diaz Bautista": "professor of economic studies",
    "Doug Ford": "premier of Ontario",
    "Laura Macdonald": "specializes in Latin American and North American politics",
    "Romina Zamorano Reyes": "high schooler",
    "Shauna Hemingway": "special adviser for the Business Council of Canada",
}

# People whose only role is a bare office ("President", of what?): a vague key, never asked.
NO_WHO_IS = ("Claudia Sheinbaum Pardo",)

# Aliases the article uses that must resolve to the person.
ALIASES: dict[str, str] = {
    "Mr. Clark": "Graeme C. Clark",
    "Mr. Trump": "Donald Trump",
    "Mr. Carney": "Mark Carney",
    "Ms. Sheinbaum": "Claudia Sheinbaum Pardo",
    "Dr. Bautista": "Alejandro Diaz Bautista",
    "Ms. Hemingway": "Shauna Hemingway",
}

# Capitalised phrases that are organisations or places, never people.
NOT_PEOPLE = [
    "Business Council",
    "Carleton University",
    "College of the Northern Border",
    "ICEF Monitor",
    "Seneca Polytechnic",
    "North American Free Trade Agreement",
    "Group of Seven",
    "Prime Minister",
    "Why We Wrote This",
    "Latin American",
    "United States",
]
