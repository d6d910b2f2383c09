"""Normalisation, paragraphs, sentences and quotes."""

import pytest

from quizapp.generate.text import article_says, normalise, split_paragraphs


def _sentences(text: str) -> list[str]:
    norm = normalise(text)
    return [text[s.start : s.end] for p in split_paragraphs(text, norm) for s in p.sentences]


def test_normalise_keeps_length_and_offsets() -> None:
    text = "“Quote” – ‘x’ \u00a0ﬁne… Ｈｉ"
    norm = normalise(text)
    assert len(norm) == len(text)
    assert norm.startswith("\"Quote\" - 'x'  ")
    assert "Hi" in norm


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("Graeme C. Clark spoke. Then he left.", ["Graeme C. Clark spoke.", "Then he left."]),
        ("It traded with the U.S. It grew.", ["It traded with the U.S.", "It grew."]),
        ("The U.S. president left early.", ["The U.S. president left early."]),
        ("He said “Go home.” Then he left.", ["He said “Go home.”", "Then he left."]),
        ("“Why?” she asked. Nobody knew.", ["“Why?” she asked.", "Nobody knew."]),
    ],
)
def test_sentence_split(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_headings_and_paragraphs() -> None:
    text = "Why We Wrote This\nFirst line here.\n\nGrowing cultural ties\nSecond one."
    paras = split_paragraphs(text, normalise(text))
    assert [p.heading for p in paras] == [True, False, True, False]
    assert all(not p.sentences for p in paras if p.heading)


def test_a_short_label_over_a_list_is_a_heading_but_a_said_line_is_not() -> None:
    text = "The choir's 2026 tour dates:\nJune 9 -- Lowfield\n\nRuiz said:\n“We are ready.”"
    paras = split_paragraphs(text, normalise(text))
    assert [p.heading for p in paras][:1] == [True]
    assert not next(p for p in paras if text[p.start : p.end] == "Ruiz said:").heading


def test_quotes_never_cross_paragraphs() -> None:
    text = "“Open quote never closed, she said\n“Second paragraph quote,” he said."
    paras = split_paragraphs(text, normalise(text))
    quotes = [(p.index, text[q.start : q.end]) for p in paras for q in p.quotes]
    assert quotes == [(1, "Second paragraph quote,")]


def test_straight_and_nested_quotes() -> None:
    text = "\"They say 'Thank you' a lot,\" she says."
    (para,) = split_paragraphs(text, normalise(text))
    assert [text[q.start : q.end] for q in para.quotes] == ["They say 'Thank you' a lot,"]


@pytest.mark.parametrize(
    ("source", "explanation"),
    [
        ("The bridge opened in 1932.", "The article says: “The bridge opened in 1932.”"),
        ("“We will finish,” she said.", "The article says: “‘We will finish,’ she said.”"),
        ('He called it "terrible" twice.', "The article says: “He called it ‘terrible’ twice.”"),
    ],
)
def test_an_explanation_never_doubles_the_quotes(source, explanation):
    assert article_says(source) == explanation
    assert "““" not in article_says(source) and "””" not in article_says(source)
