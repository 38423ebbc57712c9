"""Compare the stored outputs of a notebook with those of another version of it.

    python tools/compare_outputs.py chapters/02_1_measuring_segregation.ipynb [--rev HEAD~1]

For authors who change the library under a notebook and must show that what the
learner sees did not change. Code cells are paired by position; for each, the text
outputs (stream, text/plain, text/html, text/markdown, errors) must be equal after the
nbval sanitize rules (``chapters/nbval_sanitize.cfg``) are applied, and images are
compared byte for byte. Prints one line per difference and exits 1 if there is any.
The other version is read with ``git show REV:PATH`` (default ``HEAD``).
"""

from __future__ import annotations

import argparse
import configparser
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TEXT_TYPES = ("text/plain", "text/html", "text/markdown", "text/latex")
IMAGE_TYPES = ("image/png", "image/svg+xml", "image/jpeg")


def sanitizers() -> list[tuple[re.Pattern, str]]:
    parser = configparser.ConfigParser()
    parser.read(REPO / "chapters" / "nbval_sanitize.cfg")
    return [(re.compile(parser[s]["regex"]), parser[s]["replace"]) for s in parser.sections()]


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def outputs(cell: dict, rules) -> tuple[list[str], list[str]]:
    """The sanitized text outputs and the image hashes of one code cell."""
    texts, images = [], []
    for out in cell.get("outputs", []):
        kind = out.get("output_type")
        if kind == "stream":
            texts.append(f"{out.get('name')}: {_text(out.get('text', ''))}")
        elif kind == "error":
            texts.append(f"error: {out.get('ename')}: {out.get('evalue')}")
        else:
            data = out.get("data", {})
            for mime in TEXT_TYPES:
                if mime in data:
                    texts.append(f"{mime}: {_text(data[mime])}")
            for mime in IMAGE_TYPES:
                if mime in data:
                    images.append(hashlib.sha256(_text(data[mime]).encode()).hexdigest()[:12])
    cleaned = []
    for text in texts:
        for pattern, replace in rules:
            text = pattern.sub(replace, text)
        cleaned.append(text)
    return cleaned, images


def code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def compare(new: dict, old: dict, skip_tags: set[str]) -> list[str]:
    rules = sanitizers()
    problems = []
    new_cells, old_cells = code_cells(new), code_cells(old)
    if len(new_cells) != len(old_cells):
        problems.append(f"{len(old_cells)} code cells before, {len(new_cells)} now")
    for i, (a, b) in enumerate(zip(new_cells, old_cells, strict=False)):
        if skip_tags & set(a.get("metadata", {}).get("tags", [])):
            continue
        (ta, ia), (tb, ib) = outputs(a, rules), outputs(b, rules)
        if ta != tb:
            problems.append(f"code cell {i}: text output differs")
        if ia != ib:
            problems.append(f"code cell {i}: image differs ({ib} -> {ia})")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--rev", default="HEAD", help="the git revision to compare with")
    parser.add_argument("--include-ignored", action="store_true",
                        help="also compare cells tagged nbval-ignore-output")
    args = parser.parse_args(argv)
    skip = set() if args.include_ignored else {"nbval-ignore-output", "nbval-skip"}
    status = 0
    for path in args.notebooks:
        rel = path.resolve().relative_to(REPO).as_posix()
        old = json.loads(subprocess.run(["git", "show", f"{args.rev}:{rel}"], cwd=REPO,
                                        check=True, capture_output=True, text=True).stdout)
        new = json.loads(path.read_text(encoding="utf-8"))
        problems = compare(new, old, skip)
        print(f"{rel}: " + ("same outputs" if not problems else f"{len(problems)} differences"))
        for p in problems:
            print("   ", p)
        status |= bool(problems)
    return status


if __name__ == "__main__":
    sys.exit(main())
