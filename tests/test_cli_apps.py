"""``wijkwijs app``: the list, the Voilà command, the refusals; ``wijkwijs site`` options."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wijkwijs import apps, cli

REPO = Path(__file__).resolve().parent.parent


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wijkwijs.cli", *args], capture_output=True,
                          text=True, cwd=REPO)


def test_list_names_every_app_one_per_line():
    result = run_cli("app", "--list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert [line.split()[0] for line in lines] == list(apps.APPS)
    assert list(apps.APPS) == ["wijkscan", "policy-lab", "homophily"]
    for line, app in zip(lines, apps.APPS.values(), strict=True):
        assert line.endswith(app.title_in("en"))
    dutch = run_cli("app", "--list", "--language", "nl").stdout.strip().splitlines()
    assert [line.split()[0] for line in dutch] == list(apps.APPS)
    for line, app in zip(dutch, apps.APPS.values(), strict=True):
        assert line.endswith(app.title_in("nl"))


@pytest.mark.parametrize("name", ["policy-lab", "homophily"])
def test_the_new_apps_dry_run_serves_their_own_notebook(name):
    result = run_cli("app", name, "--dry-run")
    assert result.returncode == 0, result.stderr
    command = result.stdout.strip().splitlines()[-1].split()
    assert command[3] == str(apps.apps_dir() / apps.get_app(name).notebook)
    assert "--Voila.ip=127.0.0.1" in command and "--template=wijkwijs" in command


def test_app_dry_run_is_voila_on_localhost_with_a_token_and_our_template():
    result = run_cli("app", "wijkscan", "--dry-run", "--port=8870")
    assert result.returncode == 0, result.stderr
    command = result.stdout.strip().splitlines()[-1].split()
    assert command[1:3] == ["-m", "voila"]
    assert command[3] == str(apps.apps_dir() / "wijkscan.ipynb")
    assert "--Voila.ip=127.0.0.1" in command and "--token" in command
    assert "--template=wijkwijs" in command and "--port=8870" in command
    assert "--VoilaConfiguration.strip_sources=True" in command


@pytest.mark.parametrize("unsafe", ["--ip=0.0.0.0", "--Voila.ip=0.0.0.0", "--token=",
                                    "--Voila.token=", "--Voila.auto_token=False",
                                    "--IdentityProvider.token=", "--template=lab",
                                    "--Voila.tornado_settings={'xsrf_cookies':False}"])
def test_app_refuses_to_switch_security_off(unsafe):
    with pytest.raises(SystemExit, match=r"127\.0\.0\.1 with token authentication"):
        cli.app_command("wijkscan", [unsafe])
    result = run_cli("app", "wijkscan", "--dry-run", unsafe)
    assert result.returncode != 0 and "will not change" in result.stderr


def test_app_without_a_name_or_with_an_unknown_one_says_what_to_do():
    assert "wijkwijs app --list" in run_cli("app").stderr
    unknown = run_cli("app", "policy", "--dry-run")
    assert unknown.returncode == 2 and "there is no app 'policy'" in unknown.stderr
    assert "policy-lab" in unknown.stderr  # the message lists the apps there are
    assert run_cli("app", "--list", "wijkscan").returncode == 2


def test_the_app_environment_puts_our_template_first_and_passes_language_and_memos(tmp_path):
    env = cli.app_environment("nl", tmp_path / "m", base={"JUPYTER_PATH": "/elsewhere"})
    assert env["JUPYTER_PATH"].split(os.pathsep) == [str(apps.template_root()), "/elsewhere"]
    assert env[apps.LANGUAGE_ENV] == "nl" and env[cli.MEMO_DIR_ENV] == str(tmp_path / "m")
    assert env["OPENBLAS_NUM_THREADS"] == env["OMP_NUM_THREADS"] == "1"
    chosen = cli.app_environment("en", tmp_path, base={"OMP_NUM_THREADS": "4"})
    assert chosen["OMP_NUM_THREADS"] == "4"  # a choice of the caller is kept
    template = apps.template_root() / "voila" / "templates" / apps.TEMPLATE
    assert json.loads((template / "conf.json").read_text())["base_template"] == "lab"


def test_the_template_loads_nothing_from_a_cdn_and_shows_a_loading_message():
    text = (apps.template_root() / "voila" / "templates" / apps.TEMPLATE /
            "index.html.j2").read_text()
    assert "http://" not in text and "https://" not in text
    for block in ("notebook_css", "html_head_js_mathjax", "html_head_js_mermaidjs"):
        assert f"block {block}" in text  # the lab template's CDN links are replaced
    assert 'id="loading"' in text and "wijkwijs-loading" in text


def test_app_notebooks_are_thin_and_have_no_stored_outputs():
    for app in apps.APPS.values():
        nb = json.loads((apps.apps_dir() / app.notebook).read_text())
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert code and all(not c["outputs"] for c in code)
        assert all(len("".join(c["source"]).splitlines()) <= 15 for c in code)
        assert "app_language()" in "".join("".join(c["source"]) for c in code)
        assert nb["metadata"].get("title"), app.name  # the loading message names the app


def test_the_app_builders_are_one_call_each():
    for name, builder in (("policy-lab", "policy_lab_app()"), ("homophily", "homophily_app()")):
        nb = json.loads((apps.apps_dir() / apps.get_app(name).notebook).read_text())
        assert "".join(nb["cells"][-1]["source"]).strip().endswith(builder)
