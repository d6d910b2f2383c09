"""On held-out articles: never a wrong speaker (the one rule; recall is only measured)."""

import pytest

from tests.generate.evaluate import evaluate
from tests.generate.holdout import KEYS


@pytest.mark.parametrize("name", sorted(KEYS))
def test_no_quote_gets_a_wrong_speaker(name):
    key = KEYS[name]
    scores = evaluate(key.text, key)
    assert scores["who_said"].wrong == 0
