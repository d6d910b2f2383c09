"""GIFT injection through a lone carriage return: every line terminator is escaped on export."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from quizapp.bank import gift
from quizapp.bank.interchange import read_entries
from quizapp.extensions import db
from quizapp.models import Question
from tests.factories import make_article, make_question
from tests.test_bank_interchange import other_app

# What str.splitlines() splits on; "\r\n" is one break.
TERMINATORS = ["\r", "\r\n", "\n", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
INJECTED = "::Injected:: Which is the key? {=chosen by someone else ~the real one}"


def export_then_import(app, tmp_path, fmt: str) -> tuple[str, object]:
    """Export the app's bank with the CLI, import it into a fresh bank; (file text, result)."""
    out = tmp_path / f"bank.{fmt}"
    result = app.test_cli_runner().invoke(args=["bank", "export", "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    target = other_app(tmp_path, f"target-{fmt}.sqlite")
    imported = target.test_cli_runner().invoke(args=["bank", "import", str(out)])
    return out.read_text(encoding="utf-8"), (target, imported)


def questions(app) -> list[Question]:
    with app.app_context():
        query = select(Question).options(selectinload(Question.choices)).order_by(Question.id)
        return list(db.session.scalars(query))


@pytest.mark.parametrize("fmt", ["gift", "json"])
@pytest.mark.parametrize("brk", TERMINATORS, ids=[repr(t) for t in TERMINATORS])
def test_gift_injection_through_a_line_terminator_finding(app, tmp_path, fmt, brk):
    """GIFT injection through a lone CR: a break in a prompt, source or choice makes no question."""
    with app.app_context():
        make_question(
            article=make_article(),
            prompt=f"In which year did the bridge open?{brk}{brk}{INJECTED}",
            answer="1932",
            distractors=(f"1928{brk}// kind: number", "1936"),
        )
        question = db.session.scalar(select(Question))
        question.source_sentence = f"It opened in 1932.{brk}{brk}{INJECTED}"
        question.explanation = f"See the article.{brk}{INJECTED}"
        db.session.commit()
    text, (target, result) = export_then_import(app, tmp_path, fmt)
    # No raw terminator but "\n" in the file: each line of it is a line for every reader.
    assert text.splitlines() == text.split("\n")[:-1]
    assert result.exit_code == 0, result.output
    [copy] = questions(target)  # one question, not two: nothing was injected
    expected = f"In which year did the bridge open?\n\n{INJECTED}"
    assert copy.prompt == (expected if fmt == "gift" else expected.replace("\n", brk))
    assert copy.answer == "1932" and len(copy.choices) == 3


def normalised(text: str) -> str:
    """What GIFT keeps of a text: every line break as "\\n", outer whitespace dropped."""
    return gift.LINE_BREAK.sub("\n", text).strip()


# Any text a database can hold (no NUL, no lone surrogate), rich in breaks and GIFT syntax.
TOKENS = [*TERMINATORS, *'~=#{}:\\/ %[]"', "->", "####", "%50%", "[html]", "//", "::", "\\n", " "]
texts = st.lists(
    st.one_of(
        st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")),
        st.sampled_from(TOKENS),
    ),
    max_size=8,
).map("".join)


# Pure functions, not the CLI: hundreds of examples need to run in seconds.
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prompt=texts, source=texts, explanation=texts, right=texts, wrong=texts)
def test_any_text_round_trips_through_gift_and_json(prompt, source, explanation, right, wrong):
    """Property: any text survives export and re-import as the same single question."""
    right, wrong = right.strip(), wrong.strip()
    assume(normalised(prompt) and right and wrong and normalised(right) != normalised(wrong))
    item = {
        "id": 1,
        "kind": "who_said",
        "format": "choice",
        "prompt": prompt,
        "answer": right,
        "accepted": [],
        "tolerance": 0,
        "choices": [right, wrong],
        "explanation": explanation,
        "source": source,
        "span": None,
        "status": "published",
        "article": None,
    }
    as_gift = read_entries("bank.gift", gift.dumps([item]).encode())
    as_json = read_entries("bank.json", gift.json_text([item], indent=2).encode())
    for entries in (as_gift, as_json):
        assert len(entries) == 1 and entries[0].errors == []
    data = as_json[0].data
    assert (data["prompt"], data["source"], data["explanation"]) == (prompt, source, explanation)
    assert data["choices"] == [right, wrong]
    data = as_gift[0].data
    assert normalised(data["prompt"]) == normalised(prompt)
    assert normalised(data["source"] or "") == normalised(source)
    assert normalised(data["explanation"]) == normalised(explanation)
    assert [normalised(c) for c in data["choices"]] == [normalised(right), normalised(wrong)]
    assert data["answer"] == data["choices"][0]
