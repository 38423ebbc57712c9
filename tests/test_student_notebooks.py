"""Student copies run: with the solutions replaced, every other cell still executes.

They are run as a learner gets them: the work folder that ``wijkwijs lab`` fills
(:func:`wijkwijs.workfolder.sync`), which holds the same files as
``wijkwijs student-notebooks``.
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


@pytest.fixture(scope="module")
def student_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("work-folder")
    sync(out, REPO / "chapters")
    return out


def test_the_work_folder_and_student_notebooks_hold_the_same_copies(student_dir, tmp_path):
    written = write_student_notebooks(REPO / "chapters", tmp_path)
    assert sorted(p.name for p in written) == NOTEBOOKS
    for path in written:
        assert path.read_bytes() == (student_dir / path.name).read_bytes()


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_student_copy_executes_without_error(student_dir, name):
    path = student_dir / name
    nb = nbformat.reads(path.read_text(), as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(student_dir)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    assert errors == []
    exercise_cells = [c for c in json.loads(path.read_text())["cells"]
                      if "exercise" in c.get("metadata", {}).get("tags", [])]
    for cell in exercise_cells:
        assert "".join(cell["source"]).lstrip().startswith("#")
