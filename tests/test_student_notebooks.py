"""Student copies run: with the solutions replaced, every other cell still executes.

They are run as a learner gets them: the work folder that ``wijkwijs lab`` fills
(:func:`wijkwijs.workfolder.sync`), which holds the same files as
``wijkwijs student-notebooks``. The Dutch copies (``wijkwijs lab --language nl``) are
run for every notebook that has a Dutch twin in ``chapters/nl/``.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from wijkwijs.student import write_student_notebooks
from wijkwijs.workfolder import sync

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted(p.name for p in (REPO / "chapters").glob("*.ipynb"))
DUTCH_TWINS = sorted(p.name for p in (REPO / "chapters" / "nl").glob("*.ipynb"))


@pytest.fixture(scope="module")
def student_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("work-folder")
    sync(out, REPO / "chapters")
    return out


@pytest.fixture(scope="module")
def dutch_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("werkmap")
    sync(out, REPO / "chapters", language="nl")
    return out


def _execute_student_copy(folder: Path, name: str) -> None:
    path = folder / name
    nb = nbformat.reads(path.read_text(), as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(folder)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    assert errors == []
    exercise_cells = [c for c in json.loads(path.read_text())["cells"]
                      if "exercise" in c.get("metadata", {}).get("tags", [])]
    for cell in exercise_cells:
        assert "".join(cell["source"]).lstrip().startswith("#")


def test_the_work_folder_and_student_notebooks_hold_the_same_copies(student_dir, tmp_path):
    written = write_student_notebooks(REPO / "chapters", tmp_path)
    assert sorted(p.name for p in written) == NOTEBOOKS
    for path in written:
        assert path.read_bytes() == (student_dir / path.name).read_bytes()


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_student_copy_executes_without_error(student_dir, name):
    _execute_student_copy(student_dir, name)


def test_the_dutch_work_folder_holds_every_notebook_dutch_where_translated(dutch_dir, tmp_path):
    written = write_student_notebooks(REPO / "chapters", tmp_path, language="nl")
    assert sorted(p.name for p in written) == NOTEBOOKS
    for path in written:
        assert path.read_bytes() == (dutch_dir / path.name).read_bytes()
    for name in NOTEBOOKS:
        cells = json.loads((dutch_dir / name).read_text())["cells"]
        dutch = any('set_language("nl")' in "".join(c["source"]) for c in cells[:4])
        assert dutch == (name in DUTCH_TWINS), name
        if dutch:
            placeholders = ["".join(c["source"]) for c in cells
                            if "exercise" in c["metadata"].get("tags", [])]
            assert all(p.startswith("# Opdracht ") for p in placeholders), name


@pytest.mark.parametrize("name", DUTCH_TWINS)
def test_dutch_student_copy_executes_without_error(dutch_dir, name):
    _execute_student_copy(dutch_dir, name)
