"""Real-browser tests: every chapter runs in JupyterLab, every explorer responds.

Marked ``browser``; they need Debian's Chromium at /usr/bin/chromium (``.ci/run``
installs it).
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from browser_harness import (
    ACTIVE,
    REPO,
    Browser,
    error_outputs,
    lab_server,
    open_notebook,
    run_all,
)

pytestmark = pytest.mark.browser
NOTEBOOKS = sorted(p.name for p in (REPO / "chapters").glob("*.ipynb"))


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    from playwright import sync_api as playwright_api

    if not Path("/usr/bin/chromium").exists():
        pytest.fail("Debian chromium is missing: apt-get install chromium (.ci/run does this)")
    with lab_server(tmp_path_factory.mktemp("lab")) as (base, token, copy_dir):
        with playwright_api.sync_playwright() as p:
            browser = Browser(p, base)
            yield browser, base, token, copy_dir
            browser.close()


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
    browser, base, token, _ = lab
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
