"""Real-browser tests: every chapter runs in JupyterLab, every explorer responds.

The chapters are opened as a learner gets them: ``wijkwijs lab`` on a new work folder,
which holds student copies (the worked solutions replaced by instructions; every other
cell, with every explorer and map, is the chapter's own). The teacher copies' solution
cells run under strict nbval, and once here with ``wijkwijs lab --teacher``.

Marked ``browser``; they need Debian's Chromium at /usr/bin/chromium (the README's test
command, ``tools/test``, installs it).
"""

from __future__ import annotations

import json
import re
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from browser_harness import (
    ACTIVE,
    REPO,
    Browser,
    error_outputs,
    lab_server,
    lab_setting,
    open_notebook,
    run_all,
)

from wijkwijs.student import course_files

pytestmark = pytest.mark.browser
NOTEBOOKS = sorted(p.name for p in (REPO / "chapters").glob("*.ipynb"))


NEWS_QUESTION = "Would you like to get notified about official Jupyter news?"


@contextmanager
def _lab_in_browser(workdir: Path, *options: str):
    from playwright import sync_api as playwright_api

    if not Path("/usr/bin/chromium").exists():
        pytest.fail("Debian chromium is missing: run tools/test (the README's test command), "
                    "which installs it, or apt-get install chromium")
    with lab_server(workdir, *options) as (base, token, folder):
        with playwright_api.sync_playwright() as p:
            browser = Browser(p, base)
            yield browser, base, token, folder
            browser.close()


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """``wijkwijs lab`` as a learner starts it: student copies in a new work folder.

    Yields (browser, base, token, folder, files): ``files`` are the work folder's
    notebooks as ``wijkwijs lab`` wrote them, before any test ran (and saved) one, each
    with the student copy the course makes of it at that moment.
    """
    with _lab_in_browser(tmp_path_factory.mktemp("lab")) as (browser, base, token, folder):
        expected = course_files(REPO / "chapters")
        files = {p.name: (p.read_bytes(), expected.get(p.name)) for p in folder.glob("*.ipynb")}
        yield browser, base, token, folder, files


def _explorer_cells(name: str) -> int:
    """How many code cells of the notebook build an explorer (``..._explorer(...)``)."""
    cells = json.loads((REPO / "chapters" / name).read_text())["cells"]
    return sum(bool(re.search(r"\b\w+_explorer\(", "".join(c["source"])))
               for c in cells if c["cell_type"] == "code")


def _explorer_state(explorer) -> str:
    imgs = explorer.locator("img").evaluate_all(
        "els => els.map(e => e.src.length + e.src.slice(-200))")
    htmls = explorer.locator(".widget-html-content").all_inner_texts()
    return repr((imgs, htmls))


def _move_first_control(page, explorer) -> str:
    handle = explorer.locator(".noUi-handle")
    if handle.count():
        handle = handle.first
        handle.focus()
        at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
        page.keyboard.press("ArrowLeft" if at_max else "ArrowRight")
        return "slider"
    select = explorer.locator("select")
    if select.count():
        select.first.focus()
        page.keyboard.press("ArrowDown")
        return "dropdown"
    box = explorer.locator("input[type=checkbox]")
    box.first.focus()
    page.keyboard.press("Space")
    return "checkbox"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_and_explorers_respond(lab, name):
    browser, base, token, *_ = lab
    page = browser.new_page()
    open_notebook(page, base, token, name)
    run_all(page)
    assert error_outputs(page) == []
    assert browser.dialogs == [], f"a dialog opened: {browser.dialogs}"
    explorers = page.locator(f"{ACTIVE} .wijkwijs-explorer")
    n_explorers = explorers.count()
    assert n_explorers >= _explorer_cells(name), "an explorer did not appear after running"
    for i in range(n_explorers):
        explorer = explorers.nth(i)
        explorer.scroll_into_view_if_needed()
        before = _explorer_state(explorer)
        kind = _move_first_control(page, explorer)
        deadline = time.monotonic() + 20
        while _explorer_state(explorer) == before and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _explorer_state(explorer) != before, f"explorer {i} did not respond to its {kind}"
    # Leaflet maps inside outputs draw their polygons without any network.
    maps_drawn = 0
    for frame in page.frames[1:]:
        if frame.locator(".leaflet-container").count():
            assert frame.locator("path.leaflet-interactive").count() > 0
            maps_drawn += 1
    if "leaflet" in (REPO / "chapters" / name).read_text():
        assert maps_drawn > 0, "the notebook's folium maps did not draw in the browser"
    assert [u for u in browser.blocked if not re.match(r"^https?://127\.0\.0\.1", u)] == [], \
        f"the notebook tried to reach the network: {browser.blocked[:5]}"
    page.keyboard.press("Control+s")  # a learner's save: goes to the temporary copy only
    page.wait_for_timeout(300)


def test_the_learner_gets_student_copies_without_the_news_question(lab):
    browser, base, token, folder, files = lab
    assert sorted(files) == NOTEBOOKS
    for name, (data, student_copy) in files.items():
        assert data == student_copy, f"{name} is not the student copy the course makes"
        cells = json.loads(data)["cells"]  # every solution replaced, nothing pre-run
        assert not [c for c in cells if "solution" in c.get("metadata", {}).get("tags", [])]
        assert not [c for c in cells if c["cell_type"] == "code" and c["outputs"]]
    assert not (folder / "nbval_sanitize.cfg").exists()
    # The course's JupyterLab settings reach the front end ...
    plugin = "@jupyterlab/apputils-extension:notification"
    assert lab_setting(base, token, plugin, "fetchNews") == "false"
    assert lab_setting(base, token, plugin, "checkForUpdates") is False
    # ... so the page never asks, and the server has no news to fetch.
    page = browser.new_page()
    open_notebook(page, base, token, "00_welcome.ipynb")
    page.wait_for_timeout(3000)
    assert NEWS_QUESTION not in page.locator("body").inner_text()
    toasts = page.locator(".Toastify__toast").all_inner_texts()
    assert not [t for t in toasts if "news" in t.lower() or "update" in t.lower()], toasts


def test_teacher_copies_show_the_worked_solutions(lab, tmp_path):
    browser = lab[0]
    with lab_server(tmp_path, "--teacher") as (base, token, folder):
        browser.allow(base)
        assert (folder / "00_welcome.ipynb").read_bytes() == \
            (REPO / "chapters" / "00_welcome.ipynb").read_bytes()
        page = browser.new_page()
        open_notebook(page, base, token, "00_welcome.ipynb")
        run_all(page)
        assert error_outputs(page) == []
        feedback = page.locator(f'{ACTIVE} [role="status"]').all_inner_texts()
        assert sum("Correct!" in text for text in feedback) >= 2, feedback
        assert NEWS_QUESTION not in page.locator("body").inner_text()
        browser.new_page()  # leave the teacher server's page before it stops
