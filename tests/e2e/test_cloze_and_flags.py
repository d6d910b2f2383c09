"""A cloze question and flagged drafts in a real browser, on a wide and a phone-sized screen."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.conftest import TEACHER
from tests.e2e.test_teacher_journey import log_in

GIFT = (
    "// kind: which_year\n"
    "::Council:: The town council approved the new harbour plan in {=2019 ~2018 ~2020 ~2021}.\n"
)
ARTICLE = (
    "The ferry between Velm and Ostra began in 1911, says Ada Stone, the town's historian.\n"
    '"It carried 3,400 passengers a day at its peak," Stone said.\n'
)
SIZES = {"1280": {"width": 1280, "height": 900}, "390": {"width": 390, "height": 844}}


def test_cloze_preview_and_flagged_review_at_two_widths(visitor):
    v, page = visitor, visitor.page
    log_in(v, *TEACHER)

    # A cloze question arrives from a GIFT file (a missing-word question) as a draft.
    v.go("/teach/reports/bank/import")
    page.set_input_files(
        "input[type=file]",
        files=[{"name": "council.gift", "mimeType": "text/plain", "buffer": GIFT.encode()}],
    )
    page.click("input[type=submit]")
    expect(page.locator(".flash-success")).to_contain_text("Imported 1 question")
    v.go("/teach/questions?kind=cloze&status=draft")
    page.locator("tr", has_text="approved the new harbour plan").locator("text=Preview").click()
    preview = page.url.removeprefix(v.base)
    legend = page.locator("legend")
    expect(legend).to_contain_text("Fill in the blank: The town council approved")
    expect(legend.locator(".blank")).to_have_count(1)
    assert "_____" not in legend.inner_text()

    # The same article imported twice from one URL, changed: the first version's drafts are
    # flagged, and the review page says why and can show only those.
    for body in (ARTICLE, ARTICLE + "The service ended in 1968.\n"):
        v.go("/teach/articles/import")
        page.fill("#title", "Velm ferry")
        page.fill("#body", body)
        page.fill("#source_url", "https://example.com/velm-ferry")
        page.click("#submit")
        expect(page.locator("h1")).to_contain_text("Review questions")
    review_new = page.url
    old_id = int(review_new.split("/articles/")[1].split("/")[0]) - 1
    v.go(f"/teach/articles/{old_id}/review?flagged=1")
    expect(page.locator(".flag-reason").first).to_contain_text("Check again")

    for name, size in SIZES.items():
        page.set_viewport_size(size)
        v.go(preview)
        v.check(f"cloze-preview-{name}")
        v.go(f"/teach/articles/{old_id}/review?flagged=1")
        v.check(f"review-flagged-{name}")
