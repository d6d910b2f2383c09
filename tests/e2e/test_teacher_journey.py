"""A teacher and a class in a real browser: import, review, build, assign, take, grade, export."""

from __future__ import annotations

import csv
import io
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import TEACHER
from tests.source_files import AUTHOR, HTML_PAGE, TITLE

ARTICLE = "\n".join(
    [
        "Harbour town votes to rebuild its old pier",
        "The town council voted 7-2 on Tuesday to rebuild the Main Street pier, which opened"
        " in 1911.",
        '"This pier is the heart of our harbour," said Mayor Lena Okafor, the council\'s'
        " longest-serving member.",
        "The project will cost about $4 million, according to the town engineer, Tomas Reyes.",
        '"We expect the work to take two full summers," Mr. Reyes said. He added that boats would'
        " still dock nearby.",
        "The pier was last repaired in 1987, after a storm destroyed its northern half.",
        "Harbour is now the third-largest fishing port in the province, after Northport and"
        " Kingsbay.",
    ]
)


def log_in(v, username: str, password: str) -> None:
    v.go("/auth/login")
    v.page.fill("#username", username)
    v.page.fill("#password", password)
    v.page.click("#submit")
    expect(v.page.locator(".flash-success")).to_contain_text("Logged in")


def test_teacher_builds_a_quiz_a_class_takes_it_and_the_teacher_exports(
    visitor, browser, live_server
):
    v, page = visitor, visitor.page
    log_in(v, *TEACHER)
    expect(page).to_have_url(re.compile(r"/teach/$"))  # teachers land on their dashboard
    v.check("teacher-dashboard")
    v.fits_phone("teacher-dashboard")

    # Import an article by pasting it; review and publish the generated drafts.
    v.go("/teach/articles/import")
    v.check("teacher-import")
    page.fill("#title", "Harbour town votes to rebuild its old pier")
    page.fill("#body", ARTICLE)
    page.click("#submit")
    expect(page.locator("h1")).to_contain_text("Review questions")
    v.looks("teacher-review")
    cards = page.locator("article.card").count()
    assert cards >= 4
    # Select all / none, then reject two drafts at once from the sticky bar, and undo it.
    page.click("text=Select all")
    expect(page.locator("[data-selected-count]")).to_have_text(f"{cards} selected")
    page.click("text=Select none")
    expect(page.locator("[data-selected-count]")).to_have_text("None selected")
    ticks = page.locator('input[form="bulk"][name="ids"]')
    ticks.nth(0).check()
    ticks.nth(1).check()
    page.click("text=Reject selected")
    expect(page.locator("form.undo")).to_contain_text("2 questions deleted")
    assert page.locator("article.card").count() == cards - 2
    page.click("form.undo >> text=Undo")
    expect(page.locator(".flash-success")).to_contain_text("everything is back")
    assert page.locator("article.card").count() == cards
    page.click("text=/Publish all \\d+ drafts/")

    # A class, and its join code.
    v.go("/teach/classes")
    page.fill("#name", "Period 3")
    page.click("#submit")
    page.click("text=Period 3")
    code = page.locator(".join-code").inner_text().strip()
    assert page.locator(".share svg title").text_content().startswith("QR code: Join link")
    v.check("teacher-class")

    # A roster from a spreadsheet: a bad line refuses the file, the fixed file goes in.
    page.click("text=Import students from a CSV file")
    page.fill("#pasted", "name,username\nAda Stone,ada.stone\nBo Li,bo li\n")
    page.click("#submit")
    expect(page.locator(".line-errors")).to_contain_text("Line 3:")
    v.console_errors.clear()  # the refused file is answered with a 400, as it should be
    page.fill("#pasted", "name,username\nAda Stone,ada.stone\nBo Li,bo.li\n")
    page.click("#submit")
    expect(page.locator("h1")).to_contain_text("Students imported")
    v.check("teacher-roster-imported")
    v.fits_phone("teacher-roster-imported")
    invite = page.locator("table.codes td", has_text="/auth/invite?code=").first.inner_text()
    page.click("text=Back to the class")
    expect(page.locator("table")).to_contain_text("Ada Stone")
    v.fits_phone("teacher-class")

    # Ada sets her password with the invitation link.
    guest = browser.new_context(viewport={"width": 390, "height": 844})
    ada = guest.new_page()
    ada.goto(invite.replace("http://localhost", live_server))
    ada.fill("#password", "tidal brass lantern 42")
    ada.fill("#confirm", "tidal brass lantern 42")
    ada.click("#submit")
    expect(ada.locator(".flash-success")).to_contain_text("Welcome, Ada Stone")
    guest.close()

    # A timed quiz of five chosen questions, assigned to the class.
    v.go("/teach/quizzes/new")
    page.fill("#title", "Pier quiz")
    page.check("input[name=mode][value=fixed]")
    # Questions of her own article, so she may correct their keys later.
    page.select_option("#pool-article", label="Harbour town votes to rebuild its old pier")
    boxes = page.locator("#pool li:not([hidden]) input[name=questions]")
    for i in range(min(5, boxes.count())):
        boxes.nth(i).check()
    page.fill("#time_limit", "10")
    page.uncheck("#instant")  # an exam: answers stay hidden until the end
    page.check("#published")
    page.locator("input[name=classes]").first.check()
    v.check("teacher-quiz-form")
    page.click("#submit")
    expect(page.locator(".flash-success")).to_be_visible()
    assert page.locator(".share svg").count() == 1
    v.fits_phone("teacher-quiz-form")

    # A student joins with the code and takes the quiz, with a reload in the middle.
    student = browser.new_context(viewport={"width": 1100, "height": 900})
    s = type(v)(student.new_page(), live_server)
    s.go("/auth/register")
    s.page.fill("#username", "jonah")
    s.page.fill("#password", "long enough pw")
    s.page.fill("#confirm", "long enough pw")
    s.page.fill("#join_code", code.lower())
    s.page.click("#submit")
    s.page.click("text=Pier quiz")
    s.page.click("text=Start the quiz")
    expect(s.page.locator("#timer-clock")).to_have_text(re.compile(r"^\d+:\d\d$"))
    s.check("student-timed-attempt")
    s.page.locator(".qpage:not([hidden]) input[type=radio]").first.check()
    expect(s.page.locator("#save-status")).to_have_text("Saved")
    s.page.reload()
    expect(s.page.locator(".take-count")).to_have_text(re.compile(r"^1 of \d+ answered$"))
    s.page.click("text=Finish")
    expect(s.page.locator("#timer-clock")).to_have_text(re.compile(r"^\d+:\d\d$"))
    s.page.click("text=Submit answers")
    s.page.click("text=Yes, submit now")
    expect(s.page.locator("#score-heading")).to_contain_text("Your score")
    s.check("student-result")
    student.close()

    # The teacher's gradebook, item statistics and downloads.
    v.go("/teach/")
    v.fits_phone("teacher-dashboard-filled")  # articles and attempts as cards on a phone
    page.locator("a", has_text="Gradebook").first.click()
    expect(page.locator("body")).to_contain_text("jonah")
    v.looks("teacher-gradebook")
    gradebook = page.url
    page.locator("a", has_text=re.compile(r"^Attempt \d+$")).first.click()
    expect(page.locator("h1")).to_be_visible()
    v.check("teacher-attempt")
    v.fits_phone("teacher-attempt")
    v.go("/teach/reports/")
    page.locator("main a[href*='/teach/reports/classes/']").first.click()
    v.check("teacher-class-matrix")
    v.fits_phone("teacher-class-matrix")
    page.goto(gradebook)
    with page.expect_download() as csv_download:
        page.click("text=Download CSV")
    text = Path(csv_download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] and any("jonah" in row for row in rows[1:])
    with page.expect_download() as xlsx_download:
        page.click("text=Download Excel")
    sheet = openpyxl.load_workbook(io.BytesIO(Path(xlsx_download.value.path()).read_bytes())).active
    assert any("jonah" in [str(c) for c in row] for row in sheet.iter_rows(values_only=True))
    page.click("text=Item statistics")
    expect(page.locator("h1")).to_contain_text("Item statistics")
    items = page.url  # the key is fixed from here, after the other teacher pages
    v.check("teacher-item-statistics")
    v.fits_phone("teacher-item-statistics")
    # Every other teacher page fits a phone too.
    for path in ("/teach/questions", "/teach/quizzes", "/teach/classes", "/teach/reports/",
                 "/teach/articles/import", "/auth/account"):  # fmt: skip
        v.go(path)
        v.fits_phone(path)
    v.go("/teach/quizzes")
    page.click("text=Pier quiz")
    page.click("text=Accommodations")
    page.select_option("#user_id", label="jonah (jonah)")
    page.fill("#extra_time_pct", "25")
    page.click("#submit")
    expect(page.locator("table")).to_contain_text("+25%")
    v.check("teacher-accommodations")
    v.fits_phone("teacher-accommodations")

    # The teacher corrects the key of the question jonah answered: confirm, then regrade.
    page.goto(items)
    row = page.locator("tr[id^=item-]").filter(has_not_text="no answer").first
    picked = row.locator("li").filter(has=page.locator(".picked", has_text=re.compile("^1$")))
    chosen = re.sub(r" \(right\)$", "", picked.first.inner_text().rsplit(":", 1)[0].strip())
    row.locator("text=Edit question").click()
    expect(page.locator("#frozen-reason")).to_contain_text("needs a new question")
    expect(page.locator("#choices-0")).to_have_attribute("readonly", "")
    expect(page.locator("#answer")).to_be_hidden()  # a multiple-choice question: no typed answer
    texts = page.locator("input[id^=choices-]").evaluate_all("els => els.map(e => e.value)")
    assert "" not in texts  # a used question shows no empty rows: they could not be filled
    mine = page.locator(f"#correct-{texts.index(chosen)}")
    # Marking jonah's pick right changes his mark; if it was right, so does marking another.
    target = page.locator("input[name=correct]:not(:checked)").first if mine.is_checked() else mine
    target.check()
    page.click("#submit")
    expect(page.locator("#regrade-heading")).to_contain_text("Regrade 1 attempt?")
    v.check("teacher-regrade-confirm")
    page.click("text=Save and regrade")
    expect(page.locator(".flash-success")).to_contain_text("regraded: 1 attempt changed")
    expect(page.locator("#grade-log")).to_contain_text("right choice:")
    expect(page.locator("#grade-log")).to_contain_text(TEACHER[0])
    page.locator("#grade-log").scroll_into_view_if_needed()
    v.looks("teacher-question-log")


class NewsPage(BaseHTTPRequestHandler):
    """A news site's article page (our own words), with menus, ads and a byline."""

    def do_GET(self) -> None:  # noqa: N802 (the http.server name)
        body = HTML_PAGE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        """Quiet."""


@pytest.fixture
def news_site() -> Iterator[str]:
    """The article's address on a local server (allowed by FLASK_IMPORT_ALLOWED_HOSTS)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), NewsPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/2026/03/library-reopens"
    server.shutdown()
    server.server_close()


def test_teacher_imports_an_article_from_a_web_address(visitor, news_site):
    v, page = visitor, visitor.page
    log_in(v, *TEACHER)
    v.go("/teach/articles/import")
    page.fill("#url", news_site)
    page.click("#submit")
    expect(page.locator("h1")).to_contain_text(f"Review questions: {TITLE}")
    expect(page.locator(".flash-success")).to_contain_text(f"by {AUTHOR}")
    expect(page.locator(f'a[href="{news_site}"]')).to_contain_text("Source:")
    v.check("teacher-review-from-url")
    assert page.locator("article.card").count() >= 1
