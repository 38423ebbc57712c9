"""The README gives exactly two commands, CI runs the second verbatim, and that test
command sets up everything itself (Debian's chromium, the package) before running pytest."""

from __future__ import annotations

import os
import re
import stat
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TEST_SCRIPT = REPO / "tools" / "test"


def _commands() -> list[str]:
    readme = (REPO / "README.md").read_text()
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", readme, re.S)]


def test_readme_has_exactly_two_commands():
    commands = _commands()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)
    assert commands[0].startswith("pip install") and commands[0].endswith("wijkwijs lab")
    # The test command is a script of this repository that ends by running pytest.
    script = REPO / commands[1].split()[-1]
    assert script == TEST_SCRIPT
    assert "pytest" in script.read_text().strip().splitlines()[-1]


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (REPO / ".ci" / "run").read_text().splitlines()
    assert _commands()[1] in ci
    # The set-up lives in the test command itself, so CI installs nothing of its own ...
    assert not [line for line in ci if "apt-get" in line or "pip install" in line]
    # ... and only sets the environment: a quiet, non-interactive install, and CI (which
    # loads Hypothesis' derandomised ci profile, tests/conftest.py).
    for variable in ("DEBIAN_FRONTEND", "PIP_DISABLE_PIP_VERSION_CHECK", "PIP_ROOT_USER_ACTION",
                     "CI"):
        assert any(line.startswith("export") and variable in line for line in ci), variable


def test_the_test_command_installs_chromium_and_the_package_then_runs_pytest():
    assert TEST_SCRIPT.stat().st_mode & stat.S_IXUSR
    text = TEST_SCRIPT.read_text()
    assert text.startswith("#!/usr/bin/env bash\n")
    assert "/usr/bin/chromium" in text
    assert "apt-get update -qq && apt-get install -y -qq chromium" in text
    assert "sudo -n" in text
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines[-2].startswith('python -m pip install -q -e ".[test]"')
    assert lines[-1] == 'python -m pytest -n 2 --dist loadfile "$@"'


def _run_with_stubs(tmp_path: Path, *, uid: int, sudo_works: bool, pytest_rc: int = 0):
    """Run tools/test from another folder, with python, apt-get, id and sudo replaced."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(parents=True)
    log = tmp_path / "log"
    stubs = {
        "python": f'echo "python $* (in $PWD)" >> {log}\n'
                  f'case "$*" in *pytest*) exit {pytest_rc};; esac',
        "apt-get": f'echo "apt-get $* (uid $(id -u))" >> {log}',
        "id": f"echo {uid}",
        "sudo": (f'echo "sudo $*" >> {log}\nshift\nexec "$@"' if sudo_works else "exit 1"),
    }
    for name, body in stubs.items():
        (bin_dir / name).write_text(f"#!/usr/bin/env bash\n{body}\n")
        (bin_dir / name).chmod(0o755)
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}",
               WIJKWIJS_CHROMIUM=str(tmp_path / "no-chromium"))
    result = subprocess.run(["bash", str(TEST_SCRIPT), "-k", "x y"], cwd=tmp_path, env=env,
                            capture_output=True, text=True)
    return result, log.read_text().splitlines()


def test_the_test_command_runs_from_any_folder_and_passes_on_pytests_exit_code(tmp_path):
    result, log = _run_with_stubs(tmp_path, uid=0, sudo_works=False, pytest_rc=3)
    assert result.returncode == 3
    assert log[:2] == ["apt-get update -qq (uid 0)", "apt-get install -y -qq chromium (uid 0)"]
    assert log[2] == f'python -m pip install -q -e .[test] (in {REPO})'
    assert log[3] == f"python -m pytest -n 2 --dist loadfile -k x y (in {REPO})"


def test_the_test_command_uses_sudo_or_says_what_to_run(tmp_path):
    with_sudo, log = _run_with_stubs(tmp_path / "a", uid=1000, sudo_works=True)
    assert with_sudo.returncode == 0
    assert "sudo -n true" in log  # sudo is used only when it needs no password
    assert [line for line in log if line.startswith("sudo -n env DEBIAN_FRONTEND=noninteractive")]
    assert "apt-get install -y -qq chromium (uid 1000)" in log
    without, log = _run_with_stubs(tmp_path / "b", uid=1000, sudo_works=False)
    assert without.returncode == 0  # the other tests still ran
    assert not [line for line in log if "apt-get" in line]
    assert "sudo bash -c 'apt-get update -qq && apt-get install -y -qq chromium'" in \
        without.stderr
    assert [line for line in log if "pytest" in line]


def test_readme_chapter_table_names_existing_notebooks():
    readme = (REPO / "README.md").read_text()
    table = readme[readme.index("## Chapters"):readme.index("## Getting started")]
    named = set(re.findall(r"`(\d\d_[a-z0-9_]+)`", table))
    existing = {p.stem for p in (REPO / "chapters").glob("*.ipynb")}
    assert named == existing
