"""Random form data posted to every form of the app: a 4xx or a redirect, never a 500."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import csrf_token
from tests.factories import make_quiz

FIELD_NAMES = st.sampled_from(
    ["username", "password", "confirm", "join_code", "title", "text", "body", "prompt",
     "answer", "kind", "format", "choice", "question", "q1", "q2", "choices-0-text",
     "correct", "tolerance", "draw_count", "time_limit", "max_attempts", "grading",
     "opens_at", "closes_at", "name", "code", "url", "published", "status", "x"]
)  # fmt: skip
VALUES = st.one_of(
    st.text(max_size=300),
    st.integers(min_value=-(2**40), max_value=2**40).map(str),
    st.sampled_from(["", "0", "-1", "1", "99999999999999999999", "' OR 1=1 --", "<script>",
                     "2025-13-45", "1e309", "NaN", "true", "\u202e"]),
)  # fmt: skip
FORMS = st.dictionaries(FIELD_NAMES, VALUES, max_size=8)


def post_routes(app) -> list[str]:
    """Every POST route, with 1 for each id in its URL."""
    urls = []
    for rule in app.url_map.iter_rules():
        if "POST" not in rule.methods or rule.endpoint == "static":
            continue
        values = {arg: ("quiz-1" if arg == "slug" else 1) for arg in rule.arguments}
        with app.test_request_context():
            from flask import url_for

            urls.append(url_for(rule.endpoint, **values))
    return sorted(set(urls))


@pytest.mark.parametrize("role", ["student", "teacher"])
def test_random_form_data_never_breaks_a_form(app, client, auth, role):
    with app.app_context():
        make_quiz(questions=2)
    auth.as_new(role=role)
    token = csrf_token(client, "/")
    routes = post_routes(app)
    assert len(routes) >= 5

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=FORMS)
    def check(data):
        for url in routes:
            if url.endswith("/logout"):
                continue  # a valid logout would end the session the other posts need
            response = client.post(url, data={**data, "csrf_token": token})
            assert response.status_code < 500, (url, data, response.status_code)

    check()
