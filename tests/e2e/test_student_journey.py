"""A student in a real browser: sign up, take the seeded practice quiz one question at a time
with instant feedback and the keyboard, flag, go Back, review, confirm, the result summary and
its "only wrong" filter, resume from the quiz list, progress, practice. Every page reached must
fit a 390 px phone."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS


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


def qnum(page, n: int, total: int) -> None:
    expect(shown_question(page).locator(".qnum")).to_have_text(f"Question {n} of {total}")


def test_student_takes_the_seeded_quiz_one_question_at_a_time(visitor):
    v, page = visitor, visitor.page
    register(v, "amara")
    v.check("home")
    v.fits_phone("home")
    page.locator(".quiz-card h3 a").last.click()  # the ready-made quiz: the oldest
    v.check("quiz-detail")
    v.fits_phone("quiz-detail")
    page.click("text=Start the quiz")
    expect(shown_question(page)).to_have_count(1)
    total = page.locator(".qpage").count()
    assert 12 <= total <= 15  # the seed's ready-made quiz: balanced, not the whole bank
    expect(page.locator(".take-count")).to_have_text(f"0 of {total} answered")
    qnum(page, 1, total)

    # Instant feedback: the whole card selects; nothing of the key is on the page before
    # "Check answer"; then right or wrong, the answer and the sentence, and the answer locks.
    page.evaluate("window.samePage = true")
    assert page.locator(".qpage .source").count() == 0
    shown_question(page).locator(".option").nth(1).click()
    expect(shown_question(page).locator("input[type=radio]").nth(1)).to_be_checked()
    shown_question(page).locator("text=Check answer").click()
    verdict = shown_question(page).locator(".fb")
    expect(verdict).to_have_class(re.compile("fb-(right|wrong)"))
    expect(verdict.locator("blockquote.source")).to_have_count(1)
    expect(shown_question(page).locator("input[type=radio]").first).to_be_disabled()
    expect(page.locator(".take-count")).to_have_text(f"1 of {total} answered")
    right = 1 if "fb-right" in (verdict.get_attribute("class") or "") else 0
    expect(page.locator("#tally-right")).to_have_text(str(right))
    v.looks("attempt-feedback")

    # Keyboard: N moves on, a digit picks an option, Enter checks it, F flags; each is
    # announced to screen readers.
    page.locator("body").press("n")
    qnum(page, 2, total)
    expect(page).to_have_url(re.compile(r"\?q=2$"))
    expect(page.locator("#key-announce")).to_have_text(f"Question 2 of {total}")
    page.keyboard.press("2")
    expect(shown_question(page).locator("input[type=radio]").nth(1)).to_be_checked()
    expect(page.locator("#key-announce")).to_contain_text("Option 2 chosen")
    page.keyboard.press("Enter")
    expect(shown_question(page).locator(".fb")).to_be_visible()
    right += 1 if "fb-right" in (shown_question(page).locator(".fb").get_attribute("class")) else 0
    expect(page.locator("#tally-right")).to_have_text(str(right))
    expect(page.locator(".take-count")).to_have_text(f"2 of {total} answered")
    # Offline: the flag waits and is saved once the network is back.
    page.context.set_offline(True)
    page.keyboard.press("f")
    expect(page.locator("#key-announce")).to_have_text("Flagged for review.")
    expect(page.locator(".nav-sq[data-go='2']")).to_have_class(re.compile("is-flagged"))
    expect(page.locator("#save-status")).to_have_text("Offline — will retry")
    page.context.set_offline(False)
    expect(page.locator("#save-status")).to_have_text("Saved", timeout=10_000)
    # The browser logs the save that failed while offline; that one is expected.
    assert all("INTERNET_DISCONNECTED" in e for e in v.console_errors), v.console_errors
    v.console_errors.clear()

    # Back goes to the previous question, Forward returns, all without a reload.
    page.go_back()
    qnum(page, 1, total)
    page.go_forward()
    qnum(page, 2, total)
    assert page.evaluate("window.samePage") is True
    v.looks("attempt")

    # Reload: the same question, its feedback and its flag come back; the navigator jumps
    # anywhere, P and the left arrow go back.
    page.reload()
    qnum(page, 2, total)
    expect(shown_question(page).locator(".fb")).to_be_visible()
    expect(shown_question(page).locator("input[name=flag]")).to_be_checked()
    page.click(".nav-sq[data-go='5']")
    qnum(page, 5, total)
    page.locator("body").press("p")
    qnum(page, 4, total)
    page.locator("body").press("ArrowLeft")
    qnum(page, 3, total)

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

    # The result opens with the summary; the filter keeps only the ones got wrong.
    expect(page.locator("#score-heading")).to_contain_text(f"{right} / {total}")
    expect(page.locator(".score-pct")).to_have_text(re.compile(r"^\d+%$"))
    expect(page.locator(".encourage")).to_contain_text("This one was hard")
    expect(page.locator(".kinds li").first).to_be_visible()
    v.looks("result")
    page.click(f"text=Only the ones I got wrong ({total - right})")
    expect(page.locator(".result-item")).to_have_count(total - right)
    expect(page.locator(".result-item.is-right")).to_have_count(0)
    for item in page.locator(".result-item").all():
        assert item.locator("blockquote.source").count() <= 1
    # What was learnt: the right answers, by question.
    learnt = {
        item.locator(".prompt").inner_text(): item.locator("p", has_text="Right answer")
        .locator("strong")
        .inner_text()
        for item in page.locator(".result-item").all()
    }
    v.looks("result-only-wrong")
    page.locator("text=Read it in").first.click()
    expect(page.locator("mark#cited")).to_be_visible()
    expect(page.locator(".take-quiz")).to_contain_text("Take the quiz")
    v.check("article")
    v.fits_phone("article")

    # One attempt: the progress chart is a labelled bar, not a lone dot.
    v.go("/progress/")
    expect(page.locator("figure.chart svg rect.bar")).to_have_count(1)
    expect(page.locator("figure.chart .value")).to_have_text(re.compile(r"^\d+%$"))
    v.looks("progress-one")

    # A second attempt left open shows on the quiz list with Resume and is taken up again.
    v.go("/quizzes")
    page.locator(".quiz-card h3 a").last.click()  # the ready-made quiz: the oldest
    page.click("text=Start a new attempt")
    qnum(page, 1, total)
    v.go("/quizzes")
    expect(page.locator(".resume-facts")).to_contain_text(f"0 of {total} answered")
    v.looks("quiz-list-resume")
    page.click(".quiz-card >> text=Resume")
    qnum(page, 1, total)
    # Three right answers from what the first result taught: a personal best.
    got = 0
    for n in range(1, total + 1):
        prompt = shown_question(page).locator("legend .prompt").inner_text()
        if prompt in learnt and got < 3:
            exact = re.compile(f"^{re.escape(learnt[prompt])}$")
            shown_question(page).locator(
                ".option", has=page.locator(".option-text", has_text=exact)
            ).click()
            shown_question(page).locator("text=Check answer").click()
            expect(shown_question(page).locator(".fb-right")).to_be_visible()
            expect(shown_question(page).locator(".option.is-key")).to_have_count(1)
            got += 1
        if got == 3:
            break
        page.locator("body").press("n")
        qnum(page, n + 1, total)
    assert got == 3
    expect(page.locator("#tally-right")).to_have_text("3")
    page.click(".take-bar >> text=Finish")
    page.click("text=Submit answers")
    page.click("text=Yes, submit now")
    expect(page.locator("#celebrate-heading")).to_have_text("A new personal best!")
    expect(page.locator(".compare .up")).to_contain_text("▲")
    expect(page.locator(".confetti i").first).to_be_visible()
    page.emulate_media(reduced_motion="reduce")
    expect(page.locator(".confetti")).to_be_hidden()
    v.looks("result-best")
    # The README's picture of the summary: what a laptop shows before any scrolling.
    page.set_viewport_size({"width": 1280, "height": 800})
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "readme-result-summary.png"))
    page.emulate_media(reduced_motion="no-preference")

    v.go("/progress/")
    expect(page.locator("figure.chart svg circle")).to_have_count(2)
    expect(page.locator("figure.chart")).to_contain_text("Last")
    v.looks("progress")
    v.go("/practice/")
    expect(page.locator(".deck-line")).not_to_contain_text("0 due now")
    v.looks("practice")
    page.locator("fieldset .option").first.click()
    page.click("text=Check")
    expect(page.locator("text=Next review of this fact")).to_be_visible()
    # The article's sentence is quoted once: no explanation repeats it beside the quote.
    expect(page.locator("blockquote.source")).to_have_count(1)
    quoted = page.locator("blockquote.source").inner_text()
    for extra in page.locator(".explanation").all_inner_texts():
        assert quoted[:40] not in extra
    v.check("practice-feedback")
    v.fits_phone("practice-feedback")
    page.click("text=Next question")
    expect(page).to_have_url(re.compile(r"/practice/$"))
