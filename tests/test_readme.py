"""The README gives exactly two commands, and CI runs the second verbatim."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _commands() -> list[str]:
    readme = (REPO / "README.md").read_text()
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", readme, re.S)]


def test_readme_has_exactly_two_commands():
    commands = _commands()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)
    assert commands[0].startswith("pip install") and commands[0].endswith("wijkwijs lab")
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (REPO / ".ci" / "run").read_text().splitlines()
    assert _commands()[1] in ci


def test_readme_chapter_table_names_existing_notebooks():
    readme = (REPO / "README.md").read_text()
    table = readme[readme.index("## Chapters"):readme.index("## Getting started")]
    named = set(re.findall(r"`(\d\d_[a-z0-9_]+)`", table))
    existing = {p.stem for p in (REPO / "chapters").glob("*.ipynb")}
    assert named == existing
