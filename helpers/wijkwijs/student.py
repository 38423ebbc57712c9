"""Make student copies of the chapters: solution cells become a placeholder.

Cells tagged ``solution`` hold a worked answer (the computation and the call to
:func:`wijkwijs.exercises.check`). In a student copy their source is replaced by a
short comment that tells the learner what to do, and all outputs are cleared, so
the notebook still runs from top to bottom.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from wijkwijs import i18n

_CHECK_CALL = re.compile(r"""check\(\s*["']([^"']+)["']""")


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


def write_student_notebooks(source_dir: Path, out_dir: Path, language: str = "en") -> list[Path]:
    """Write student copies of every notebook in ``source_dir`` to ``out_dir``.

    Existing files in ``out_dir`` are never overwritten: a learner's saved work is
    not lost. Returns the paths written.
    """
    source_dir, out_dir = Path(source_dir), Path(out_dir)
    notebooks = sorted(source_dir.glob("*.ipynb"))
    if not notebooks:
        raise FileNotFoundError(f"no notebooks (*.ipynb) in {source_dir}")
    clashes = [out_dir / nb.name for nb in notebooks if (out_dir / nb.name).exists()]
    if clashes:
        raise FileExistsError(
            f"{len(clashes)} notebook(s) already exist in {out_dir} (e.g. {clashes[0].name}); "
            "choose an empty folder so no saved work is overwritten."
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in notebooks:
        nb = json.loads(path.read_text(encoding="utf-8"))
        target = out_dir / path.name
        target.write_text(json.dumps(student_copy(nb, language), indent=1, ensure_ascii=False)
                          + "\n", encoding="utf-8")
        written.append(target)
    for extra in ("nbval_sanitize.cfg",):
        if (source_dir / extra).exists() and not (out_dir / extra).exists():
            (out_dir / extra).write_text((source_dir / extra).read_text())
    return written
