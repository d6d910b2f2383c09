"""Browser tests: the real app under gunicorn, driven by Playwright in Debian's Chromium."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
TEACHER = ("ms_rivera", "teacher password 1")
PHONE = 390  # px: the narrowest phone the pages are built for
# The words of the matching elements that the browser laid out over more than one line (a
# break inside the word, like "Attem-pts"): each word is measured as its own text range.
SPLIT_WORDS = """(selector) => {
  const broken = [];
  for (const cell of document.querySelectorAll(selector)) {
    if (!cell.getClientRects().length) continue;  // not shown
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
    pytest.skip(
        f"no Chromium at {CHROMIUM}: install Debian's chromium package to run browser tests",
        allow_module_level=True,
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _flask(env: dict, *args: str, stdin: str | None = None) -> None:
    subprocess.run(
        [sys.executable, "-m", "flask", "--app", "quizapp", *args],
        cwd=ROOT, env=env, input=stdin, text=True, check=True, capture_output=True,
    )  # fmt: skip


@pytest.fixture(scope="session")
def live_server(tmp_path_factory) -> Iterator[str]:
    """The app as deployed: `setup` on a fresh database, then gunicorn on a free port."""
    data = tmp_path_factory.mktemp("e2e")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{data / 'e2e.sqlite'}",
        "SECRET_KEY": "e2e-secret",
        "FLASK_RATELIMIT_STORAGE_URI": "memory://",
        # The pretend news site of the URL-import journey runs on this machine.
        "FLASK_IMPORT_ALLOWED_HOSTS": "127.0.0.1",
    }
    _flask(env, "setup")
    _flask(env, "create-user", TEACHER[0], "--role", "teacher", "--password-stdin",
           stdin=TEACHER[1] + "\n")  # fmt: skip
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}",
         "quizapp:create_app()"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1):
                break
        except OSError:
            time.sleep(0.1)
    else:
        server.kill()
        pytest.fail("the app did not start under gunicorn")
    yield base
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium, closed off from the network like this machine."""
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        yield chromium
        chromium.close()


class Visitor:
    """One person's browser tab, with screenshots and an accessibility audit per page."""

    def __init__(self, page, base: str) -> None:
        self.page = page
        self.base = base
        self.console_errors: list[str] = []
        page.on(
            "console",
            lambda msg: self.console_errors.append(msg.text) if msg.type == "error" else None,
        )

    def go(self, path: str) -> None:
        """Open a path of the app."""
        self.page.goto(self.base + path)

    def check(self, name: str) -> None:
        """Screenshot the page and fail on serious accessibility violations or console errors."""
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        assert not self.console_errors, f"{name}: console errors {self.console_errors}"
        if not AXE.exists():
            return  # the audit needs `npm install --prefix tests/e2e`; CI does it
        # Evaluated through the DevTools protocol, so the page's CSP (no inline script) holds.
        self.page.evaluate(AXE.read_text(encoding="utf-8"))
        violations = self.page.evaluate(
            """async () => {
                const result = await axe.run(document, {resultTypes: ['violations']});
                return result.violations
                  .filter(v => ['serious', 'critical'].includes(v.impact))
                  .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target).join(', ')}`);
            }"""
        )
        assert violations == [], f"{name}: {violations}"

    def fits_phone(self, name: str) -> None:
        """At 390 px the page must not scroll sideways (document width <= viewport), no table
        header may break inside a word, and the phone screenshots (light, dark) are taken."""
        size = self.page.viewport_size
        self.page.set_viewport_size({"width": PHONE, "height": 844})
        try:
            width = self.page.evaluate("document.documentElement.scrollWidth")
            # On failure, name the elements that stick out: that is where the fix goes.
            culprits = self.page.evaluate(
                """(limit) => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > limit && ![...e.children]
                        .some(c => c.getBoundingClientRect().right > limit))
                    .slice(0, 5).map(e => e.tagName + '.' + e.className)""",
                PHONE,
            )
            assert width <= PHONE, f"{name}: {width} px wide at {PHONE} px: {culprits}"
            broken = self.page.evaluate(SPLIT_WORDS, "th")
            assert broken == [], (
                f"{name}: table headers break inside a word at {PHONE} px: {broken}"
            )
            shot = ARTIFACTS / f"{re.sub(r'[^A-Za-z0-9]+', '-', name).strip('-')}-{PHONE}"
            ARTIFACTS.mkdir(exist_ok=True)
            for scheme in ("light", "dark"):
                self.page.emulate_media(color_scheme=scheme)
                self.page.screenshot(path=f"{shot}-{scheme}.png", full_page=True)
        finally:
            self.page.emulate_media(color_scheme="light")
            self.page.set_viewport_size(size)

    def looks(self, name: str) -> None:
        """Screenshots at 1280 px and 390 px, light and dark, with the audit in dark mode too."""
        ARTIFACTS.mkdir(exist_ok=True)
        size = self.page.viewport_size
        try:
            for scheme in ("light", "dark"):
                self.page.emulate_media(color_scheme=scheme)
                for width in (1280, PHONE):
                    self.page.set_viewport_size({"width": width, "height": 900})
                    self.page.evaluate("window.scrollTo(0, 0)")
                    shot = ARTIFACTS / f"{name}-{width}-{scheme}"
                    self.page.screenshot(path=f"{shot}.png", full_page=True)
                    # What a phone shows before any scrolling: the part that has to be right.
                    if width == PHONE:
                        self.page.screenshot(path=f"{shot}-fold.png")
                self.check(f"{name}-{scheme}")
            self.fits_phone(name)
        finally:
            self.page.emulate_media(color_scheme="light")
            self.page.set_viewport_size(size)


@pytest.fixture
def visitor(browser, live_server) -> Iterator[Visitor]:
    """A fresh browser context (own cookies) on the live app."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    context.set_default_timeout(10_000)
    yield Visitor(context.new_page(), live_server)
    context.close()
