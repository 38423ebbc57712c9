"""A JupyterLab + Chromium harness for the real-browser tests.

It starts ``wijkwijs lab`` as a learner does, on a new, temporary work folder: the
command copies the course there itself (student copies by default, the full notebooks
with ``--teacher``) and serves it on 127.0.0.1 with token authentication, without
JupyterLab's news question or update check. It drives Debian's Chromium at
``/usr/bin/chromium`` with Playwright. Every request that does not go to the local
server is refused and recorded, so the tests also prove that the course needs no
network.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
import warnings
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))


@contextmanager
def serving(command: list[str], workdir: Path, env: dict[str, str], ready, *, what: str,
            log_name: str, cwd: Path | None = None):
    """Run a Jupyter server ``command`` on a free port; yield its base URL once it answers.

    ``command`` ends with ``--port=`` (the port is added); ``ready(base)`` is tried every
    half second, for 90 s at most, and must not raise once the server is up (``OSError``
    means "not yet"). The server's output goes to ``workdir/log_name``, quoted when it
    does not start. The server is stopped on leaving.
    """
    port = free_port()
    log = (workdir / log_name).open("w")
    proc = subprocess.Popen([*command[:-1], f"{command[-1]}{port}"], env=env, stdout=log,
                            stderr=subprocess.STDOUT, cwd=cwd)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                ready(base)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{what} did not start:\n"
                                       + (workdir / log_name).read_text()[-3000:]) from None
                time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def jupyter_env(workdir: Path, token: str, **extra: str) -> dict[str, str]:
    """The environment of a test server: its token, and Jupyter's folders in ``workdir``."""
    return dict(os.environ, JUPYTER_TOKEN=token, JUPYTER_CONFIG_DIR=str(workdir / "config"),
                JUPYTER_DATA_DIR=str(workdir / "data"),
                JUPYTER_RUNTIME_DIR=str(workdir / "runtime"), **extra)


@contextmanager
def lab_server(workdir: Path, *options: str):
    """Run ``wijkwijs lab --dir WORKDIR/course OPTIONS``; yield (base_url, token, folder).

    Only Jupyter's own folders (config, data, runtime, user settings, workspaces) are
    redirected into ``workdir``, so nothing outside it changes. The user settings keep
    every cell in the page (no windowing), so that the tests can read all outputs.
    """
    folder = workdir / "course"
    settings = workdir / "lab-user-settings"
    _write_json(settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings",
                {"windowingMode": "none"})
    token = secrets.token_hex(16)
    env = jupyter_env(workdir, token, JUPYTERLAB_SETTINGS_DIR=str(settings),
                      JUPYTERLAB_WORKSPACES_DIR=str(workdir / "workspaces"))

    def ready(base: str) -> None:
        with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
            pass

    command = [sys.executable, "-m", "wijkwijs.cli", "lab", "--dir", str(folder), *options,
               "--no-browser", "--ServerApp.port_retries=0", "--port="]
    with serving(command, workdir, env, ready, what="JupyterLab", log_name="lab.log") as base:
        yield base, token, folder


class Browser:
    """One Chromium page with all non-local requests refused and recorded."""

    def __init__(self, playwright, base: str):
        self.base = base
        self.bases = [base]
        self.blocked: list[str] = []
        self.browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        self.context = self.browser.new_context(viewport={"width": 1400, "height": 1000})
        self.context.route("**/*", self._route)
        self.dialogs: list[str] = []
        self.page = None
        self.new_page()

    def new_page(self):
        """A fresh tab for the next notebook (the previous one is closed unsaved)."""
        if self.page is not None:
            self.page.close(run_before_unload=False)
        self.page = self.context.new_page()
        self.page.on("dialog", self._on_dialog)
        return self.page

    def _on_dialog(self, dialog) -> None:
        if dialog.type == "beforeunload":  # leaving a notebook with unsaved output
            dialog.accept()
            return
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def allow(self, base: str) -> None:
        """Let the page reach a second local server (another ``wijkwijs lab``) too."""
        self.bases.append(base)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith((*self.bases, "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def close(self) -> None:
        self.context.close()
        self.browser.close()


#: The notebook in the active tab (JupyterLab keeps other tabs in the page, hidden).
ACTIVE = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def _api(base: str, token: str, path: str, body: dict | None = None):
    """Call the server's REST API (``path`` below ``/api/``, or from the root if it
    starts with ``/``) with the token."""
    request = urllib.request.Request(
        f"{base}{path}" if path.startswith("/") else f"{base}/api/{path}",
        method="POST" if body is not None else "GET",
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"token {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def _api_delete(base: str, token: str, path: str) -> None:
    """DELETE ``/api/<path>`` with the token (e.g. a session, which stops its kernel)."""
    request = urllib.request.Request(f"{base}/api/{path}", method="DELETE",
                                     headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=30):
        pass


def close_other_notebooks(page, base: str, token: str, keep: str | None = None) -> None:
    """Close the browser's other tabs and stop every kernel but ``keep``'s.

    Each test opens a notebook in a new tab with a new kernel; without this, a run of
    the whole course keeps some 30 kernels alive (about 250 MiB each), the machine
    slows down, and JupyterLab starts asking which kernel to use.
    """
    for other in list(page.context.pages):
        if other is not page:
            other.close()
    for session in _api(base, token, "sessions"):
        if session.get("path") != keep:
            _api_delete(base, token, f"sessions/{session['id']}")


def lab_setting(base: str, token: str, plugin: str, name: str):
    """The value JupyterLab's front end gets for a setting: the user's, else the default
    (with the server's overrides applied)."""
    data = _api(base, token, f"/lab/api/settings/{plugin}")
    return data["settings"].get(name, data["schema"]["properties"][name].get("default"))


def open_notebook(page, base: str, token: str, name: str) -> None:
    """Start the notebook's kernel on the server, then open the notebook in the page.

    JupyterLab attaches the page to the running session; the function returns once the
    notebook's toolbar reports that kernel as idle. The other tabs and kernels are closed
    first (:func:`close_other_notebooks`).
    """
    close_other_notebooks(page, base, token)
    _api(base, token, "sessions", {"path": name, "name": name, "type": "notebook",
                                   "kernel": {"name": "python3"}})
    workspace = re.sub(r"\W", "-", name)  # a workspace of its own: no restored tabs
    page.goto(f"{base}/lab/workspaces/{workspace}/tree/{name}?token={token}")
    page.wait_for_selector(f"{ACTIVE} .jp-Cell", timeout=60_000)
    page.wait_for_selector(f'{ACTIVE} .jp-Notebook-ExecutionIndicator[data-status="idle"]',
                           timeout=90_000)
    # Once, on a loaded CI machine, a JupyterLab dialog covered the first notebook of a
    # run. Give a dialog time to close by itself; if it stays, say what it said and load
    # the page once more, so a passing test still shows the text and a repeat fails
    # with it (in _click_menu).
    for _ in range(30):
        text = open_dialog_text(page)
        if text is None:
            return
        if text.startswith("Select Kernel"):  # a slow start: take the kernel it offers
            page.locator(".jp-Dialog .jp-mod-accept").first.click()
        page.wait_for_timeout(500)
    text = open_dialog_text(page)
    if text is not None:
        warnings.warn(f"JupyterLab opened a dialog on {name}, reloading once: {text!r}",
                      stacklevel=2)
        page.reload()
        page.wait_for_selector(f"{ACTIVE} .jp-Cell", timeout=60_000)
        page.wait_for_selector(
            f'{ACTIVE} .jp-Notebook-ExecutionIndicator[data-status="idle"]', timeout=90_000)


def _prompts(page) -> list[str]:
    return [p.strip() for p in
            page.locator(f"{ACTIVE} .jp-CodeCell .jp-InputPrompt").all_inner_texts()]


def open_dialog_text(page) -> str | None:
    """The text of a JupyterLab dialog that is open in the page, or None."""
    dialog = page.locator(".jp-Dialog")
    if dialog.count() and dialog.first.is_visible():
        return " ".join(dialog.first.inner_text().split())
    return None


def _click_menu(page, menu: str, command: str) -> None:
    text = open_dialog_text(page)
    for _ in range(20):  # a slow kernel start can ask late which kernel to use
        if text is None or not text.startswith("Select Kernel"):
            break
        page.locator(".jp-Dialog .jp-mod-accept").first.click()
        page.wait_for_timeout(500)
        text = open_dialog_text(page)
    assert text is None, f"JupyterLab shows a dialog before {command}: {text!r}"
    page.get_by_role("menuitem", name=menu, exact=True).click()
    page.locator(f'.lm-Menu-item[data-command="{command}"]').click()


def run_all(page, timeout_s: float = 240) -> None:
    """Clear every output, then *Run All Cells*, as a learner would.

    Each notebook is opened in a new tab with a new kernel, so this is a run in a fresh
    kernel. Clearing first makes sure that every output checked afterwards is fresh.
    Returns when every code cell with a visible prompt has an execution number.
    """
    page.locator(f"{ACTIVE} .jp-Notebook").click(position={"x": 5, "y": 5})
    _click_menu(page, "Edit", "editmenu:clear-all")
    _click_menu(page, "Run", "runmenu:run-all")
    start = time.monotonic()
    clicks, quiet = 1, 0
    while time.monotonic() - start < timeout_s:
        prompts = [p for p in _prompts(page) if p]  # hidden inputs show no prompt
        done = prompts and all(re.fullmatch(r"\[\d+\]:", p) for p in prompts)
        quiet = quiet + 1 if done else 0
        if quiet >= 3:
            return
        idle_for = time.monotonic() - start - 15 * (clicks - 1)
        stalled = "[*]:" not in prompts and "[ ]:" in prompts  # nothing queued, cells unrun
        if clicks < 3 and idle_for > 15 and stalled:
            # the click came too early (nothing ran), or the queue was dropped on the way
            # (seen once under heavy load: the first cell ran, the rest never queued)
            _click_menu(page, "Run", "runmenu:run-all")
            clicks += 1
        time.sleep(0.5)
    raise TimeoutError(f"cells still not run after {timeout_s} s: {_prompts(page)}")


def error_outputs(page) -> list[str]:
    """Texts of outputs that show an error (a traceback or an exception name)."""
    texts = page.locator(
        f'{ACTIVE} .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
    ).all_inner_texts()
    return [t for t in texts if "Traceback" in t or "Error" in t]
