"""Make student copies of the chapters: solution cells become a placeholder.

Cells tagged ``solution`` hold a worked answer (the computation and the call to
:func:`wijkwijs.exercises.check`). In a student copy their source is replaced by a
short comment that tells the learner what to do, and all outputs are cleared, so
the notebook still runs from top to bottom.

:func:`course_files` gives every file of a copy of the course, student or teacher
version: the notebooks and whatever else ``chapters/`` holds for them (images, data),
but not the test configuration (``nbval_sanitize.cfg``).

>>> nb = {"cells": [{"cell_type": "code", "metadata": {"tags": ["solution"]},
...                  "source": "check('1.2-x', 3)", "outputs": [], "execution_count": 1}]}
>>> print(student_copy(nb)["cells"][0]["source"])
# Exercise 1.2-x: write your own answer here, then check it with
# check('1.2-x', your_answer). Ask for a hint with hint('1.2-x').
<BLANKLINE>
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from wijkwijs import i18n

_CHECK_CALL = re.compile(r"""check\(\s*["']([^"']+)["']""")

#: Files of ``chapters/`` that belong to the test suite, not to the course.
NOT_COURSE_FILES = frozenset({"nbval_sanitize.cfg"})


def exercise_id_of(cell: dict) -> str:
    """Return the exercise id a solution cell checks (from its ``check("id", ...)`` call)."""
    meta_id = cell.get("metadata", {}).get("wijkwijs", {}).get("exercise")
    if meta_id:
        return str(meta_id)
    source = "".join(cell.get("source", ""))
    match = _CHECK_CALL.search(source)
    if not match:
        raise ValueError("a cell tagged 'solution' must call check('<exercise id>', ...) "
                         f"or name its exercise in metadata; its source starts: {source[:60]!r}")
    return match.group(1)


def student_copy(notebook: dict, language: str = "en") -> dict:
    """Return a copy of a notebook (as JSON dict) with its solutions replaced."""
    previous = i18n.get_language()
    i18n.set_language(language)
    try:
        nb = json.loads(json.dumps(notebook))
        for cell in nb.get("cells", []):
            if cell.get("cell_type") != "code":
                continue
            cell["outputs"] = []
            cell["execution_count"] = None
            tags = cell.get("metadata", {}).get("tags", [])
            if "solution" in tags:
                cell["source"] = i18n.t("solution.placeholder", id=exercise_id_of(cell)) + "\n"
                cell["metadata"]["tags"] = [t for t in tags if t != "solution"] + ["exercise"]
                cell["metadata"].pop("jupyter", None)
        return nb
    finally:
        i18n.set_language(previous)


def notebook_text(notebook: dict) -> str:
    """A notebook as JupyterLab itself saves it (nbformat's JSON layout).

    >>> notebook_text({"nbformat": 4, "cells": []})
    '{\\n "cells": [],\\n "nbformat": 4\\n}\\n'
    """
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def course_files(source_dir: Path, teacher: bool = False,
                 language: str = "en") -> dict[str, bytes]:
    """Every file of a copy of the course, by its path relative to ``source_dir``.

    Notebooks are student copies (or, with ``teacher=True``, the notebooks as they are);
    every other file in ``source_dir`` or its subfolders (images, data) is copied as it
    is. Hidden files and folders, ``__pycache__`` and :data:`NOT_COURSE_FILES` are left
    out.

    >>> from wijkwijs.paths import chapters_dir
    >>> files = course_files(chapters_dir())
    >>> "00_welcome.ipynb" in files, "nbval_sanitize.cfg" in files
    (True, False)
    """
    source_dir = Path(source_dir)
    files: dict[str, bytes] = {}
    for path in sorted(source_dir.rglob("*")):
        relative = path.relative_to(source_dir)
        if (not path.is_file() or relative.as_posix() in NOT_COURSE_FILES
                or any(part.startswith(".") or part == "__pycache__"
                       for part in relative.parts)):
            continue
        data = path.read_bytes()
        if path.suffix == ".ipynb" and not teacher:
            notebook = json.loads(data.decode("utf-8"))
            data = notebook_text(student_copy(notebook, language)).encode("utf-8")
        files[relative.as_posix()] = data
    if not any(name.endswith(".ipynb") for name in files):
        raise FileNotFoundError(f"no notebooks (*.ipynb) in {source_dir}")
    return files


def write_student_notebooks(source_dir: Path, out_dir: Path, language: str = "en") -> list[Path]:
    """Write student copies of every notebook in ``source_dir`` to ``out_dir``.

    The images and data files the notebooks use are copied with them. Existing files
    in ``out_dir`` are never overwritten: a learner's saved work is not lost. Returns
    the paths of the notebooks written.
    """
    source_dir, out_dir = Path(source_dir), Path(out_dir)
    files = course_files(source_dir, language=language)
    clashes = [out_dir / name for name in files if (out_dir / name).exists()]
    if clashes:
        raise FileExistsError(
            f"{len(clashes)} file(s) already exist in {out_dir} (e.g. {clashes[0].name}); "
            "choose an empty folder so no saved work is overwritten."
        )
    written = []
    for name, data in files.items():
        target = out_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        if target.suffix == ".ipynb":
            written.append(target)
    return written
