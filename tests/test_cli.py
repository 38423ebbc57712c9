"""The wijkwijs command: version, a safe JupyterLab command, student notebooks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import wijkwijs
from wijkwijs import cli
from wijkwijs.student import exercise_id_of, student_copy

REPO = Path(__file__).resolve().parent.parent


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wijkwijs.cli", *args], capture_output=True,
                          text=True, cwd=REPO)


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"wijkwijs {wijkwijs.__version__}"


def test_lab_binds_to_localhost_keeps_tokens_and_opens_the_welcome_notebook():
    result = run_cli("lab", "--dry-run")
    assert result.returncode == 0, result.stderr
    command = result.stdout.split()
    assert "--ServerApp.ip=127.0.0.1" in command
    assert command[-1] == str(REPO / "chapters" / "00_welcome.ipynb")
    assert f"--ServerApp.root_dir={REPO / 'chapters'}" in command
    assert not [a for a in command if "token" in a.lower() or "password" in a.lower()]
    assert ("--allow-root" in command) == (os.geteuid() == 0)  # JupyterLab's root check only


@pytest.mark.parametrize("unsafe", ["--ServerApp.token=", "--IdentityProvider.token=",
                                    "--ip=0.0.0.0", "--ServerApp.ip=0.0.0.0",
                                    "--ServerApp.disable_check_xsrf=True"])
def test_lab_refuses_to_switch_security_off(unsafe):
    with pytest.raises(SystemExit, match=r"127\.0\.0\.1 with token authentication"):
        cli.lab_command(REPO / "chapters", [unsafe])


def test_plain_install_copies_the_course_without_overwriting(tmp_path, monkeypatch):
    packaged = tmp_path / "site" / "wijkwijs" / "_chapters"
    packaged.mkdir(parents=True)
    (packaged / "00_welcome.ipynb").write_text("{}")
    (packaged / "01_1_x.ipynb").write_text("{}")
    monkeypatch.setattr(cli, "chapters_dir", lambda: packaged)
    target = tmp_path / "course"
    target.mkdir()
    (target / "00_welcome.ipynb").write_text('{"my": "notes"}')
    assert cli.course_dir(target) == target
    assert (target / "00_welcome.ipynb").read_text() == '{"my": "notes"}'  # kept
    assert (target / "01_1_x.ipynb").read_text() == "{}"  # copied


def test_student_notebooks_replace_every_solution(tmp_path):
    out = tmp_path / "student"
    result = run_cli("student-notebooks", str(out))
    assert result.returncode == 0, result.stderr
    originals = sorted((REPO / "chapters").glob("*.ipynb"))
    assert sorted(p.name for p in out.glob("*.ipynb")) == [p.name for p in originals]
    n_solutions = 0
    for original in originals:
        source = json.loads(original.read_text())
        copy = json.loads((out / original.name).read_text())
        assert len(copy["cells"]) == len(source["cells"])
        for before, after in zip(source["cells"], copy["cells"], strict=True):
            if "solution" in before.get("metadata", {}).get("tags", []):
                n_solutions += 1
                exercise = exercise_id_of(before)
                text = "".join(after["source"])
                assert text.startswith(f"# Exercise {exercise}:")
                assert all(line.startswith("#") for line in text.splitlines())
                assert "exercise" in after["metadata"]["tags"]
            else:
                assert after["source"] == before["source"]
            if after["cell_type"] == "code":
                assert after["outputs"] == []
    assert n_solutions >= 2


def test_student_notebooks_never_overwrite(tmp_path):
    assert run_cli("student-notebooks", str(tmp_path)).returncode == 0
    again = run_cli("student-notebooks", str(tmp_path))
    assert again.returncode != 0
    assert "no saved work is overwritten" in again.stderr


def test_student_copy_in_dutch_and_a_solution_without_id_is_refused():
    nb = {"cells": [{"cell_type": "code", "metadata": {"tags": ["solution"]},
                     "source": "check('1.2-x', 3)", "outputs": [], "execution_count": 1}]}
    copy = student_copy(nb, language="nl")
    assert copy["cells"][0]["source"].startswith("# Opdracht 1.2-x:")
    nb["cells"][0]["source"] = "answer = 3"
    with pytest.raises(ValueError, match="must call check"):
        student_copy(nb)
