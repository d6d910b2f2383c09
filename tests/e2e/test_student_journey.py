"""A student in a real browser: sign up, take the seeded quiz one question at a time, flag,
review, confirm, results, practice. Every page reached must fit a 390 px phone."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def register(v, username: str) -> None:
    v.go("/auth/register")
    v.check("register")
    v.fits_phone("register")
    v.page.fill("#username", username)
    v.page.fill("#password", "long enough pw")
    v.page.fill("#confirm", "long enough pw")
    v.page.click("button[type=submit], input[type=submit]")
    expect(v.page.locator(".flash-success")).to_contain_text("Welcome")


def shown_question(page):
    """The one question page on screen."""
    return page.locator(".qpage:not([hidden]) fieldset.question")


def test_student_takes_the_seeded_quiz_one_question_at_a_time(visitor):
    v, page = visitor, visitor.page
    register(v, "amara")
    v.check("home")
    v.fits_phone("home")
    page.click(".quiz-card h3 a")
    v.check("quiz-detail")
    v.fits_phone("quiz-detail")
    page.click("text=Start the quiz")
    expect(shown_question(page)).to_have_count(1)
    total = page.locator(".qpage").count()
    assert 12 <= total <= 15  # the seed's ready-made quiz: balanced, not the whole bank
    expect(page.locator(".take-count")).to_have_text(f"0 of {total} answered")
    expect(shown_question(page).locator(".qnum")).to_have_text(f"Question 1 of {total}")

    # The whole card selects; autosave says so; Next moves without a reload.
    page.evaluate("window.samePage = true")
    shown_question(page).locator(".option").nth(1).click()
    expect(shown_question(page).locator("input[type=radio]").nth(1)).to_be_checked()
    expect(page.locator("#save-status")).to_have_text("Saved")
    expect(page.locator(".take-count")).to_have_text(f"1 of {total} answered")
    page.click(".qpage:not([hidden]) >> text=Next")
    expect(shown_question(page).locator(".qnum")).to_have_text(f"Question 2 of {total}")
    expect(page).to_have_url(re.compile(r"\?q=2$"))
    assert page.evaluate("window.samePage") is True

    # Keyboard: arrows choose within a question; flag it for review.
    shown_question(page).locator("input[type=radio]").first.focus()
    page.keyboard.press("ArrowDown")
    expect(shown_question(page).locator("input[type=radio]").nth(1)).to_be_checked()
    shown_question(page).locator(".flag-toggle").click()
    expect(page.locator(".nav-sq[data-go='2']")).to_have_class(re.compile("is-flagged"))
    expect(page.locator("#save-status")).to_have_text("Saved")
    # Offline: the status says so, and the answer goes through once the network is back.
    page.context.set_offline(True)
    shown_question(page).locator(".option").nth(2).click()
    expect(page.locator("#save-status")).to_have_text("Offline — will retry")
    page.context.set_offline(False)
    expect(page.locator("#save-status")).to_have_text("Saved", timeout=10_000)
    # The browser logs the save that failed while offline; that one is expected.
    assert all("INTERNET_DISCONNECTED" in e for e in v.console_errors), v.console_errors
    v.console_errors.clear()
    v.looks("attempt")

    # Reload: the same question, answer and flag come back; the navigator jumps anywhere.
    page.reload()
    expect(shown_question(page).locator(".qnum")).to_have_text(f"Question 2 of {total}")
    expect(shown_question(page).locator("input[type=radio]").nth(2)).to_be_checked()
    expect(shown_question(page).locator("input[name=flag]")).to_be_checked()
    page.click(".nav-sq[data-go='5']")
    expect(shown_question(page).locator(".qnum")).to_have_text(f"Question 5 of {total}")
    page.click(".qpage:not([hidden]) >> text=Previous")
    expect(shown_question(page).locator(".qnum")).to_have_text(f"Question 4 of {total}")

    # Finish: the review lists blanks and the flag; submitting asks first.
    page.click(".take-bar >> text=Finish")
    expect(page).to_have_url(re.compile(r"/review$"))
    expect(page.locator(".review-item")).to_have_count(total)
    expect(page.locator(".review-item.is-blank")).to_have_count(total - 2)
    expect(page.locator(".tag-flag")).to_have_count(1)
    v.looks("review")
    page.click("text=Submit answers")
    expect(page.locator("#confirm-heading")).to_have_text(
        f"Submit with {total - 2} blank questions?"
    )
    v.looks("review-confirm")
    page.click("text=Yes, submit now")
    expect(page.locator("#score-heading")).to_contain_text(f"/ {total}")
    expect(page.locator("blockquote.source mark").first).to_be_visible()
    v.check("result")
    v.fits_phone("result")
    page.locator("text=Read it in").first.click()
    expect(page.locator("mark#cited")).to_be_visible()
    v.check("article")
    v.fits_phone("article")
    v.go("/progress/")
    expect(page.locator("figure.chart svg circle")).to_have_count(1)
    v.check("progress")
    v.fits_phone("progress")
    v.go("/practice/")
    v.looks("practice")
    page.locator("fieldset .option").first.click()
    page.click("text=Check")
    expect(page.locator("text=Next review of this fact")).to_be_visible()
    v.check("practice-feedback")
    v.fits_phone("practice-feedback")
    page.click("text=Next question")
    expect(page).to_have_url(re.compile(r"/practice/$"))
