"""A student in a real browser: sign up, take the seeded quiz, resume, results, practice."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def register(v, username: str) -> None:
    v.go("/auth/register")
    v.check("register")
    v.page.fill("#username", username)
    v.page.fill("#password", "long enough pw")
    v.page.fill("#confirm", "long enough pw")
    v.page.click("button[type=submit], input[type=submit]")
    expect(v.page.locator(".flash-success")).to_contain_text("Welcome")


def test_student_takes_the_seeded_quiz_and_practises(visitor):
    v, page = visitor, visitor.page
    register(v, "amara")
    v.check("home")
    page.click(".quiz-card h3 a")
    v.check("quiz-detail")
    page.click("text=Start the quiz")
    expect(page.locator("fieldset.question").first).to_be_visible()
    v.check("attempt")
    questions = page.locator("fieldset.question")
    total = questions.count()
    assert 12 <= total <= 15  # the seed's ready-made quiz: balanced, not the whole bank
    # Answer the first three, let autosave store them, then reload: the same page comes back.
    for i in range(3):
        questions.nth(i).locator("input[type=radio]").nth(1).check()
    expect(page.locator("#save-status")).to_have_text("All answers saved.")
    legends = questions.locator("legend").all_inner_texts()
    page.reload()
    assert page.locator("fieldset.question legend").all_inner_texts() == legends
    for i in range(3):
        expect(questions.nth(i).locator("input[type=radio]").nth(1)).to_be_checked()
    # Keyboard only for the next answer: focus a radio, arrows choose.
    questions.nth(3).locator("input[type=radio]").first.focus()
    page.keyboard.press("ArrowDown")
    expect(questions.nth(3).locator("input[type=radio]").nth(1)).to_be_checked()
    page.click("text=Submit answers")
    expect(page.locator("#score-heading")).to_contain_text(f"/ {total}")
    expect(page.locator("blockquote.source mark").first).to_be_visible()
    v.check("result")
    page.locator("text=Read it in").first.click()
    expect(page.locator("mark#cited")).to_be_visible()
    v.check("article")
    v.go("/progress/")
    expect(page.locator("figure.chart svg circle")).to_have_count(1)
    v.check("progress")
    v.go("/practice/")
    page.locator("fieldset input[type=radio]").first.check()
    page.click("text=Check")
    expect(page.locator("text=Next review of this fact")).to_be_visible()
    v.check("practice-feedback")
    page.click("text=Next question")
    expect(page).to_have_url(re.compile(r"/practice/$"))
