"""The fieldwork form in a real browser: type, save with the keyboard, restart, still there.

``wijkwijs lab`` fills a new work folder as a learner gets it; the test adds a small
notebook made of notebook 7.4's own cells up to its social-map form (the imports, the
line that names the learner's file, the form), opens it in JupyterLab in Chromium, types
an organisation into the fields, moves on with Tab and presses *Save* with Enter. The
record must then be in ``fieldwork/social_map.jsonl`` of the work folder, exactly as
typed. Then the kernel is restarted and the page reloaded, every cell is run again (the
kernel holds nothing of the first run), and the form's table must show the saved
organisation: nothing typed is lost across a restart. Marked ``browser``; under a minute.
"""

from __future__ import annotations

import json
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from browser_harness import ACTIVE, REPO, Browser, error_outputs, lab_server, open_notebook, run_all

from wijkwijs import fieldwork

pytestmark = pytest.mark.browser
CHAPTER = REPO / "chapters" / "07_4_fieldwork_toolkit.ipynb"
NAME = "form_check.ipynb"
TYPED = {"name": "Buurthuis Zeemeeuw <b>test</b>", "notes": "coffee on Tuesdays, ~12 people",
         "contact_role": "coordinator"}


def _form_notebook() -> nbformat.NotebookNode:
    """Notebook 7.4's imports, its file line and its social-map form cell."""
    cells = [c for c in nbformat.read(CHAPTER, as_version=4).cells if c.cell_type == "code"]
    wanted = [cells[0]]
    wanted += [c for c in cells if "fw.work_file(" in c.source][:1]
    wanted += [c for c in cells if c.source.strip().startswith("inventory_form(")][:1]
    assert len(wanted) == 3, "notebook 7.4 lost its imports, file line or form cell"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c.source) for c in wanted]
    nb.metadata = nbformat.read(CHAPTER, as_version=4).metadata  # its kernelspec
    return nb


def _restart_kernels(base: str, token: str) -> None:
    """Restart every kernel of the server (what *Kernel > Restart* does): its state is gone."""
    def call(path: str, method: str = "GET"):
        request = urllib.request.Request(f"{base}/api/{path}", method=method, data=(
            b"{}" if method == "POST" else None), headers={"Authorization": f"token {token}"})
        with urllib.request.urlopen(request, timeout=60) as response:
            body = response.read()
        return json.loads(body) if body else None

    for kernel in call("kernels"):
        call(f"kernels/{kernel['id']}/restart", "POST")


def _wait_for(condition, what: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


def _field(form, label: str):
    return form.locator(".widget-inline-hbox", has=form.page.locator(
        f'label:text-is("{label}")')).locator("input, textarea, select").first


def test_type_save_restart_and_the_record_is_there(tmp_path):
    from playwright import sync_api

    if not Path("/usr/bin/chromium").exists():
        pytest.fail("Debian chromium is missing: run tools/test, or apt-get install chromium")
    start = time.monotonic()
    with lab_server(tmp_path) as (base, token, folder), sync_api.sync_playwright() as p:
        nbformat.write(_form_notebook(), folder / NAME)
        browser = Browser(p, base)
        try:
            page = browser.page
            open_notebook(page, base, token, NAME)
            run_all(page)
            assert error_outputs(page) == []
            form = page.locator(f"{ACTIVE} .wijkwijs-form")
            form.wait_for(timeout=30_000)
            for label, key in (("Name of the organisation", "name"), ("Notes", "notes"),
                               ("Role of your contact (no name)", "contact_role")):
                box = _field(form, label)
                box.click()
                page.keyboard.type(TYPED[key])
                page.keyboard.press("Tab")  # the value is sent when the field loses focus
            _field(form, "Kind").select_option("library")
            years = _field(form, "Years they have worked there")
            years.click()
            page.keyboard.press("Control+a")
            page.keyboard.type("7")
            page.keyboard.press("Tab")
            save = form.get_by_role("button", name="Save")
            save.focus()
            page.keyboard.press("Enter")
            status = form.locator('[role="status"]')
            _wait_for(lambda: status.count() and "Saved (1 records" in status.inner_text(),
                      f"no 'Saved' status: {form.inner_text()[:500]}")
            saved = folder / "fieldwork" / "social_map.jsonl"
            row = fieldwork.load_records(saved).iloc[0]
            assert {k: row[k] for k in TYPED} == TYPED
            assert row["kind"] == "library" and row["contact_years"] == 7
            assert fieldwork.shown_path(saved).endswith("fieldwork/social_map.jsonl")

            # A restart: the kernel restarted, the page reloaded, every cell run again.
            _restart_kernels(base, token)
            page.reload()
            page.wait_for_selector(f"{ACTIVE} .jp-Cell", timeout=60_000)
            page.wait_for_selector(
                f'{ACTIVE} .jp-Notebook-ExecutionIndicator[data-status="idle"]', timeout=90_000)
            run_all(page)
            form = page.locator(f"{ACTIVE} .wijkwijs-form")
            form.wait_for(timeout=30_000)
            table = form.locator("table")
            _wait_for(lambda: table.count() > 0, "the form shows no table of saved records")
            assert TYPED["name"] in table.inner_text()  # shown as typed, markup escaped
            assert form.locator("table b").count() == 0
            assert len(fieldwork.load_records(saved)) == 1
            assert [u for u in browser.blocked if not u.startswith(base)] == []
        finally:
            browser.close()
    assert time.monotonic() - start < 90
