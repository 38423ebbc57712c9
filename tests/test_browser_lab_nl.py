"""The Dutch course in a real browser: the learner chose Dutch once, ``wijkwijs lab`` keeps it.

The work folder is made Dutch once (as ``wijkwijs lab --language nl`` does, through
:func:`wijkwijs.workfolder.sync`); ``wijkwijs lab`` is then started *without* a language,
so the folder's remembered choice is what the learner gets. The welcome notebook and, for
every chapter, its first Dutch twin with an explorer (or its first twin, if the chapter
has no explorer) run in JupyterLab, show their Dutch text, and every explorer responds to
its first control (issue 13 asks for the welcome and one explorer per chapter; every
twin is already checked by strict nbval, and the English browser test runs every
notebook, so the full Dutch set would double the browser time for little). Marked
``browser``, like ``tests/test_browser_lab.py``, whose helpers it reuses.
"""

from __future__ import annotations

import json
import time

import pytest
from browser_harness import ACTIVE, REPO, error_outputs, open_notebook, run_all
from test_browser_lab import _explorer_state, _lab_in_browser, _move_first_control

from wijkwijs.translation import cell_source
from wijkwijs.workfolder import folder_language, sync

pytestmark = pytest.mark.browser
DUTCH = sorted(p.name for p in (REPO / "chapters" / "nl").glob("*.ipynb"))


def _one_per_chapter(names: list[str]) -> list[str]:
    """The welcome, and per chapter the first twin with an explorer (else its first)."""
    chosen: dict[str, str] = {}
    for name in names:
        chapter = name[:2]
        text = (REPO / "chapters" / "nl" / name).read_text(encoding="utf-8")
        if chapter not in chosen and ("wijkwijs.explorers" in text or chapter == "00"):
            chosen[chapter] = name
    for name in names:
        chosen.setdefault(name[:2], name)
    return sorted(chosen.values())


CHOSEN = _one_per_chapter(DUTCH)


@pytest.fixture(scope="module")
def dutch_lab(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("lab-nl")
    sync(workdir / "course", REPO / "chapters", language="nl")
    with _lab_in_browser(workdir) as (browser, base, token, folder):
        assert folder_language(folder) == "nl"
        yield browser, base, token, folder


def _first_line(name: str) -> str:
    cells = json.loads((REPO / "chapters" / "nl" / name).read_text(encoding="utf-8"))["cells"]
    first = next(c for c in cells if c["cell_type"] == "markdown")
    return cell_source(first).splitlines()[0].lstrip("# ").strip()


def test_the_choice_covers_every_chapter():
    assert {n[:2] for n in CHOSEN} == {n[:2] for n in DUTCH}
    assert "00_welcome.ipynb" in CHOSEN


@pytest.mark.parametrize("name", CHOSEN)
def test_dutch_notebook_runs_in_dutch_and_its_explorers_respond(dutch_lab, name):
    browser, base, token, folder = dutch_lab
    cells = json.loads((folder / name).read_text(encoding="utf-8"))["cells"]
    assert any('set_language("nl")' in cell_source(c) for c in cells)
    page = browser.new_page()
    open_notebook(page, base, token, name)
    run_all(page)
    assert error_outputs(page) == []
    assert _first_line(name) in page.locator(ACTIVE).inner_text()
    explorers = page.locator(f"{ACTIVE} .wijkwijs-explorer")
    for i in range(explorers.count()):
        explorer = explorers.nth(i)
        explorer.scroll_into_view_if_needed()
        before = _explorer_state(explorer)
        kind = _move_first_control(page, explorer)
        deadline = time.monotonic() + 20
        while _explorer_state(explorer) == before and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _explorer_state(explorer) != before, f"explorer {i} did not respond to its {kind}"
