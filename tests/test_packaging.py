"""Packaging: pyproject and environment.yml agree; data are found in both install modes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

import wijkwijs
from wijkwijs.paths import chapters_dir, datasets_dir

REPO = Path(__file__).resolve().parent.parent


def _name_and_spec(requirement: str) -> tuple[str, str]:
    match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement)
    assert match, requirement
    return match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")


def _pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    reqs = project["dependencies"] + project["optional-dependencies"]["test"]
    return dict(_name_and_spec(r) for r in reqs)


def _environment_requirements() -> dict[str, str]:
    found: dict[str, str] = {}
    text = (REPO / "environment.yml").read_text()
    for line in text[text.index("dependencies:"):].splitlines():
        item = re.match(r"^\s+- (?!-e )([^#\s][^#]*?)\s*(#.*)?$", line)
        if not item or item.group(1).endswith(":"):
            continue
        name, spec = _name_and_spec(item.group(1))
        if name not in {"python", "pip"}:
            found[name] = spec
    return found


def test_environment_yml_names_the_same_packages_as_pyproject():
    assert _environment_requirements() == _pyproject_requirements()


def test_python_requirement_is_311_or_newer():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert project["requires-python"] == ">=3.11"
    assert "python>=3.11" in (REPO / "environment.yml").read_text()


def test_editable_install_finds_the_checkout_folders():
    if Path(wijkwijs.__file__).resolve().parent != REPO / "helpers" / "wijkwijs":
        pytest.fail("these tests expect wijkwijs installed from this checkout (pip install -e .)")
    assert datasets_dir() == REPO / "datasets"
    assert chapters_dir() == REPO / "chapters"


def test_plain_wheel_install_carries_data_and_chapters(tmp_path):
    """Build the wheel a plain ``pip install .`` would install and use it from elsewhere."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp_path / "dist"), str(REPO)], check=True,
                   capture_output=True)
    wheel = next((tmp_path / "dist").glob("wijkwijs-*.whl"))
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(site)
    assert "wijkwijs/_datasets/published/nl_inequality.csv" in names
    assert "wijkwijs/_chapters/00_welcome.ipynb" in names
    assert any(n.startswith("wijkwijs/_datasets/havenstad/") for n in names)
    shipped = {f"wijkwijs/_datasets/{path.relative_to(REPO / 'datasets').as_posix()}"
               for path in (REPO / "datasets").rglob("*") if path.is_file()
               and "__pycache__" not in path.parts}
    assert shipped - set(names) == set(), "data files left out of the wheel (pyproject)"
    packages = {str(path.parent.relative_to(REPO / "helpers").as_posix())
                for path in (REPO / "helpers" / "wijkwijs").rglob("__init__.py")}
    in_wheel = {n.rsplit("/", 1)[0] for n in names if n.endswith("/__init__.py")}
    assert packages <= in_wheel, f"not in the wheel (add to pyproject): {packages - in_wheel}"
    script = (
        "import wijkwijs, wijkwijs.published as pub, wijkwijs.havenstad as h, wijkwijs.paths as p\n"
        "print(wijkwijs.__file__)\n"
        "print(p.datasets_dir())\n"
        "print(p.chapters_dir())\n"
        "print(pub.published('nl_inequality').shape[0])\n"
        "print(len(h.havenstad_statistics(year=2022)))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIJKWIJS_")}
    env["PYTHONPATH"] = str(site)
    out = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, check=True,
                         capture_output=True, text=True).stdout.splitlines()
    assert out[0].startswith(str(site))
    assert out[1] == str(site / "wijkwijs" / "_datasets")
    assert out[2] == str(site / "wijkwijs" / "_chapters")
    assert out[3] == "12"
    assert int(out[4]) > 0


def test_environment_variable_overrides_the_lookup(tmp_path, monkeypatch):
    (tmp_path / "published").mkdir()
    monkeypatch.setenv("WIJKWIJS_DATASETS", str(tmp_path))
    assert datasets_dir() == tmp_path


def test_missing_folder_error_says_where_it_looked(tmp_path, monkeypatch):
    monkeypatch.setenv("WIJKWIJS_CHAPTERS", str(tmp_path))
    monkeypatch.setattr("wijkwijs.paths._PACKAGE_DIR", tmp_path / "nowhere" / "wijkwijs")
    with pytest.raises(FileNotFoundError, match=r"looked for '00_welcome\.ipynb'"):
        chapters_dir()
