"""Turn a percent-format script into a notebook (an authoring aid).

    python tools/percent_to_notebook.py draft.py chapters/02_1_measuring.ipynb

Cells start with a marker line::

    # %% [markdown]              a Markdown cell; its lines start with "# "
    # %%                         a code cell
    # %% tags=["solution"]       a code cell with tags (solution cells are hidden)

Run ``tools/execute_notebooks.py`` afterwards to store the outputs.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import nbformat

MARKER = re.compile(r"^# %%(?P<md> \[markdown\])?(?: tags=(?P<tags>\[.*\]))?\s*$")


def convert(text: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    cells: list[tuple[bool, list[str], list[str]]] = []
    for line in text.splitlines():
        match = MARKER.match(line)
        if match:
            cells.append((bool(match["md"]), json.loads(match["tags"] or "[]"), []))
        elif cells:
            cells[-1][2].append(line)
    for markdown, tags, lines in cells:
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        if markdown:
            body = "\n".join(re.sub(r"^# ?", "", ln) for ln in lines)
            cell = nbformat.v4.new_markdown_cell(body)
        else:
            cell = nbformat.v4.new_code_cell("\n".join(lines))
        if tags:
            cell.metadata["tags"] = tags
        if "solution" in tags:
            cell.metadata["jupyter"] = {"source_hidden": True}
        nb.cells.append(cell)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                 "name": "python3"}
    return nb


if __name__ == "__main__":
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    nbformat.write(convert(source.read_text(encoding="utf-8")), target)
    print(f"wrote {target}")
