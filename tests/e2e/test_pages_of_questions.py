"""A quiz with several questions per page in a real browser: a teacher builds it, a student
moves page by page without reloads, Back returns to the previous page, and each question is
checked on its own (instant feedback is on by default for a new quiz)."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.conftest import TEACHER
from tests.e2e.test_student_journey import register
from tests.e2e.test_teacher_journey import log_in


def test_three_questions_per_page(visitor, browser, live_server):
    v, page = visitor, visitor.page
    log_in(v, *TEACHER)
    v.go("/teach/quizzes/new")
    page.fill("#title", "Three a page")
    page.check("input[name=mode][value=fixed]")
    boxes = page.locator("#pool input[name=questions]")
    for i in range(7):
        boxes.nth(i).check()
    expect(page.locator("#instant")).to_be_checked()
    page.select_option("#layout", "multi")
    page.fill("#per_page", "3")
    page.check("#published")
    page.check("#public")
    page.click("#submit")
    expect(page.locator(".flash-success")).to_be_visible()

    student = browser.new_context(viewport={"width": 1100, "height": 900})
    s = type(v)(student.new_page(), live_server)
    register(s, "noor")
    p = s.page
    p.click("text=Three a page")
    p.click("text=Start the quiz")
    shown = p.locator(".qpage:not([hidden])")
    expect(shown).to_have_count(3)
    p.evaluate("window.samePage = true")
    # Each question on the page is checked on its own.
    first = shown.nth(0).locator("fieldset.question")
    first.locator(".option").first.click()
    first.locator("text=Check answer").click()
    expect(first.locator(".fb")).to_be_visible()
    expect(shown.nth(1).locator(".fb")).to_have_count(0)
    s.looks("pages-of-three")
    p.locator(".qpage:not([hidden]) >> text=Next").click()
    expect(shown).to_have_count(3)
    expect(shown.first.locator(".qnum")).to_have_text("Question 4 of 7")
    expect(p).to_have_url(re.compile(r"\?q=4$"))
    p.locator("body").press("n")
    expect(shown).to_have_count(1)
    expect(shown.first.locator(".qnum")).to_have_text("Question 7 of 7")
    p.go_back()
    expect(shown.first.locator(".qnum")).to_have_text("Question 4 of 7")
    p.go_back()
    expect(shown.first.locator(".qnum")).to_have_text("Question 1 of 7")
    expect(shown.first.locator(".fb")).to_be_visible()
    assert p.evaluate("window.samePage") is True
    # The navigator opens the page holding the question.
    p.click(".nav-sq[data-go='5']")
    expect(shown.first.locator(".qnum")).to_have_text("Question 4 of 7")
    student.close()
