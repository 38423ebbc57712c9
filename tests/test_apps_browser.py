"""Real-browser test of the course's apps: ``wijkwijs app NAME`` in Chromium.

Each app is started as a learner starts it (``wijkwijs app NAME``, on a free port, with a
token), opened in Debian's Chromium with Playwright, and used: the loading message shows
and goes, the app renders, a control moved with the keyboard changes the view, and no
request leaves 127.0.0.1 (every other request is refused and recorded by the harness's
:class:`~browser_harness.Browser`). Marked ``browser``.
"""

from __future__ import annotations

import re
import secrets
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from browser_harness import CHROMIUM, Browser, jupyter_env, serving

from wijkwijs import apps

pytestmark = pytest.mark.browser


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@contextmanager
def app_server(name: str, workdir: Path, *options: str):
    """Run ``wijkwijs app NAME --port=PORT``; yield (base url, token, memo folder)."""
    token = secrets.token_hex(16)
    memos = workdir / "memos"
    env = jupyter_env(workdir, token, WIJKWIJS_FIELDWORK_DIR=str(workdir / "fieldwork"))

    def ready(base: str) -> None:  # any answer (the root redirects to the login page)
        try:
            urllib.request.build_opener(_NoRedirect).open(f"{base}/login", timeout=2)
        except urllib.error.HTTPError:
            pass

    command = [sys.executable, "-m", "wijkwijs.cli", "app", name, "--memo-dir", str(memos),
               *options, "--no-browser", "--port="]
    with serving(command, workdir, env, ready, what="wijkwijs app", log_name="app.log",
                 cwd=workdir) as base:
        yield base, token, memos


@pytest.fixture
def browser_page():
    from playwright import sync_api as playwright_api

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: run tools/test (the README's test command), "
                    "which installs it, or apt-get install chromium")
    with playwright_api.sync_playwright() as p:
        holder = {"playwright": p, "browsers": []}
        yield holder
        for browser in holder["browsers"]:
            browser.close()


def _open(holder, base: str) -> Browser:
    browser = Browser(holder["playwright"], base)
    holder["browsers"].append(browser)
    return browser


def test_the_server_refuses_a_request_without_the_token(tmp_path):
    with app_server("wijkscan", tmp_path) as (base, _token, _memos):
        request = urllib.request.Request(f"{base}/", method="GET")
        opener = urllib.request.build_opener(_NoRedirect)
        with pytest.raises(urllib.error.HTTPError) as refused:
            opener.open(request, timeout=30)
        assert refused.value.code in (302, 403)
        assert "login" in refused.value.headers.get("Location", "login")


def test_wijkscan_loads_responds_and_stays_on_the_machine(tmp_path, browser_page):
    with app_server("wijkscan", tmp_path) as (base, token, memos):
        browser = _open(browser_page, base)
        page = browser.page
        page.goto(f"{base}/?token={token}", wait_until="commit")
        # The loading message is the first thing the page shows, while the kernel starts.
        page.wait_for_selector("#loading.wijkwijs-loading", state="attached", timeout=30_000)
        page.wait_for_selector(".wijkwijs-explorer", timeout=120_000)
        page.wait_for_selector("#loading", state="detached", timeout=30_000)
        explorer = page.locator(".wijkwijs-explorer")
        view = explorer.locator(".widget-html-content").last
        page.wait_for_function(
            "() => document.querySelector('.wscan-profile') !== null", timeout=30_000)
        before = view.inner_text()
        assert "Havenstad" in before and "synthetic" in before
        assert "What the class cannot tell you" in before  # the caveat, beside the class
        # The buurt dropdown (the second control), moved with the keyboard.
        buurt = explorer.locator("select").nth(1)
        buurt.focus()
        page.keyboard.press("ArrowDown")
        deadline = time.monotonic() + 20
        while view.inner_text() == before and time.monotonic() < deadline:
            time.sleep(0.2)
        after = view.inner_text()
        assert after != before, "the profile did not change when the buurt changed"
        # A real city: the source dropdown, then the profile says where its figures are from.
        explorer.locator("select").first.select_option(label="Amsterdam 2019 (CBS)")
        page.wait_for_function(
            "() => document.querySelector('.wscan-profile').innerText.includes('Bron: CBS')",
            timeout=20_000)
        # The memo: a download link made in the page, and a save button.
        link = page.locator("a.wscan-download")
        assert link.get_attribute("href").startswith("data:text/html;charset=utf-8;base64,")
        page.get_by_role("button", name="Save the summary").click()
        deadline = time.monotonic() + 20
        while not list(memos.glob("wijkscan_*.html")) and time.monotonic() < deadline:
            time.sleep(0.2)
        saved = list(memos.glob("wijkscan_*.html"))
        assert saved and "Bron: CBS" in saved[0].read_text()
        assert browser.dialogs == []
        assert [u for u in browser.blocked if not re.match(r"^https?://127\.0\.0\.1", u)] == [], \
            f"the app tried to reach the network: {browser.blocked[:5]}"


def _explorer_state(explorer) -> str:
    imgs = explorer.locator("img").evaluate_all(
        "els => els.map(e => e.src.length + e.src.slice(-200))")
    return repr((imgs, explorer.locator(".widget-html-content").all_inner_texts()))


def _move_first_control(page, explorer, *, menu_first: bool = False) -> str:
    """Move the explorer's first slider (or menu) with the keyboard, as a learner would."""
    handle = explorer.locator(".noUi-handle")
    if handle.count() and not (menu_first and explorer.locator("select").count()):
        handle = handle.first
        handle.focus()
        at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
        page.keyboard.press("ArrowLeft" if at_max else "ArrowRight")
        return "slider"
    select = explorer.locator("select").first
    select.focus()
    page.keyboard.press("ArrowDown")
    return "dropdown"


def _wait_for_change(read, before: str, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while read() == before and time.monotonic() < deadline:
        time.sleep(0.2)
    return read()


@contextmanager
def opened_app(browser_page, name: str, tmp_path: Path, expected_explorers: int):
    """Start app ``name`` and open it: the loading message shows, then the explorers."""
    with app_server(name, tmp_path) as (base, token, _memos):
        browser = _open(browser_page, base)
        page = browser.page
        page.goto(f"{base}/?token={token}", wait_until="commit")
        page.wait_for_selector("#loading.wijkwijs-loading", state="attached", timeout=30_000)
        page.wait_for_function(
            "() => document.querySelectorAll('.wijkwijs-explorer').length >= "
            f"{expected_explorers}", timeout=180_000)
        page.wait_for_selector("#loading", state="detached", timeout=30_000)
        yield page, browser


def _check_no_code_and_no_network(page, browser) -> None:
    assert page.locator(".jp-InputArea, .jp-CodeMirrorEditor, .cm-editor").count() == 0, \
        "the app shows code"
    assert browser.dialogs == []
    assert [u for u in browser.blocked if not re.match(r"^https?://127\.0\.0\.1", u)] == [], \
        f"the app tried to reach the network: {browser.blocked[:5]}"


def test_policy_lab_loads_responds_and_stays_on_the_machine(tmp_path, browser_page):
    with opened_app(browser_page, "policy-lab", tmp_path, 4) as (page, browser):
        text = page.locator(".wijkwijs-app").inner_text()
        assert "Your settings, side by side" in text and "What to try" in text
        assert "synthetic" in text
        cards = page.locator(".plab-cards")
        explorers = page.locator(".wijkwijs-explorer")
        assert explorers.count() == 4
        for i in range(4):  # paradox, restructuring, growth, closure: each answers
            explorer = explorers.nth(i)
            explorer.scroll_into_view_if_needed()
            before, cards_before = _explorer_state(explorer), cards.inner_text()
            # the closure explorer: its menu (close an organisation), not its k slider
            kind = _move_first_control(page, explorer, menu_first=i == 3)
            after = _wait_for_change(lambda e=explorer: _explorer_state(e), before)
            assert after != before, f"explorer {i} did not respond to its {kind}"
            changed = _wait_for_change(cards.inner_text, cards_before, 10)
            assert changed != cards_before, f"the cards did not follow explorer {i}"
        _check_no_code_and_no_network(page, browser)


def test_homophily_loads_responds_and_stays_on_the_machine(tmp_path, browser_page):
    with opened_app(browser_page, "homophily", tmp_path, 2) as (page, browser):
        text = page.locator(".wijkwijs-app").inner_text()
        assert "What to notice" in text and "Schelling" in text
        explorers = page.locator(".wijkwijs-explorer")
        for i in range(explorers.count()):  # Schelling's threshold, the ties' homophily
            explorer = explorers.nth(i)
            explorer.scroll_into_view_if_needed()
            before = _explorer_state(explorer)
            kind = _move_first_control(page, explorer)
            after = _wait_for_change(lambda e=explorer: _explorer_state(e), before)
            assert after != before, f"explorer {i} did not respond to its {kind}"
        # Schelling's "Run to equilibrium", pressed with the keyboard, moves the city.
        schelling = explorers.first
        status = schelling.locator(".wijkwijs-status")
        before = status.inner_text()
        page.get_by_role("button", name="Run to equilibrium").focus()
        page.keyboard.press("Enter")
        assert _wait_for_change(status.inner_text, before, 60) != before
        _check_no_code_and_no_network(page, browser)


def test_every_app_in_the_registry_has_its_notebook():
    for app in apps.APPS.values():
        assert (apps.apps_dir() / app.notebook).is_file()
