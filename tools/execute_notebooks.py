"""Execute chapter notebooks in place, storing fresh outputs (for authors).

    python tools/execute_notebooks.py chapters/01_1_income_and_wealth.ipynb [...]
    python tools/execute_notebooks.py --all

Each notebook runs top to bottom in a fresh kernel with ``chapters/`` as working
directory, exactly as nbval and JupyterLab will run it. Cell ids are made stable
(derived from the cell's position) so diffs stay small.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

CHAPTERS = Path(__file__).resolve().parent.parent / "chapters"


def execute(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i:03d}"
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    start = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    nb.metadata.pop("widgets", None)  # widget state is regenerated on every run
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                 "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    nbformat.write(nb, path)
    return time.perf_counter() - start


def main(argv: list[str]) -> None:
    paths = sorted(CHAPTERS.glob("*.ipynb")) if argv == ["--all"] else [Path(a) for a in argv]
    for path in paths:
        print(f"{path.name}: {execute(path):.1f} s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
