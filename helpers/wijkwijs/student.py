"""Make student copies of the chapters: solution cells become a placeholder.

Cells tagged ``solution`` hold a worked answer (the computation and the call to
:func:`wijkwijs.exercises.check`). In a student copy their source is replaced by a
short comment that tells the learner what to do, and all outputs are cleared, so
the notebook still runs from top to bottom.

:func:`course_files` gives every file of a copy of the course, student or teacher
version: the notebooks and whatever else ``chapters/`` holds for them (images, data),
but not the test configuration (``nbval_sanitize.cfg``).

A copy is in one language. The English notebooks are ``chapters/NAME.ipynb``; their
Dutch twins, built from the translation catalogues (:mod:`wijkwijs.translation`), are
``chapters/nl/NAME.ipynb``. A Dutch copy holds every notebook under its own name: the
Dutch twin where there is one, and until every chapter is translated, the English
notebook where there is none yet (:func:`untranslated` names them).

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
#: The languages of the course; English is in ``chapters/`` itself, every other one in a
#: subfolder of that name (``chapters/nl/``).
LANGUAGES = ("en", "nl")
SOURCE_LANGUAGE = "en"


def check_language(language: str) -> str:
    """Return ``language`` if the course exists in it, else raise ``ValueError``.

    >>> check_language("nl")
    'nl'
    """
    if language not in LANGUAGES:
        raise ValueError(f"the course is not available in language {language!r}; choose one "
                         f"of {', '.join(LANGUAGES)}")
    return language


def untranslated(source_dir: Path, language: str) -> list[str]:
    """The notebooks of ``source_dir`` that have no twin in ``language`` yet.

    >>> from wijkwijs.paths import chapters_dir
    >>> untranslated(chapters_dir(), "en")
    []
    """
    source_dir = Path(source_dir)
    if check_language(language) == SOURCE_LANGUAGE:
        return []
    return [p.name for p in sorted(source_dir.glob("*.ipynb"))
            if not (source_dir / language / p.name).is_file()]


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


def _course_file(relative: Path) -> bool:
    return not (relative.as_posix() in NOT_COURSE_FILES
                or any(part.startswith(".") or part == "__pycache__" for part in relative.parts))


def course_files(source_dir: Path, teacher: bool = False,
                 language: str = "en") -> dict[str, bytes]:
    """Every file of a copy of the course, by its path relative to ``source_dir``.

    Notebooks are student copies (or, with ``teacher=True``, the notebooks as they are);
    every other file in ``source_dir`` or its subfolders (images, data) is copied as it
    is. Hidden files and folders, ``__pycache__`` and :data:`NOT_COURSE_FILES` are left
    out, and so are the folders of the other languages.

    In a language other than English, each notebook is its twin from
    ``source_dir/LANGUAGE/`` under the English name, with its solution placeholders in
    that language (an English notebook that has no twin yet comes as it is, English
    throughout), and the files of
    ``source_dir/LANGUAGE/`` (its glossary) come along, at the top of the copy.

    >>> from wijkwijs.paths import chapters_dir
    >>> files = course_files(chapters_dir())
    >>> "00_welcome.ipynb" in files, "nbval_sanitize.cfg" in files
    (True, False)
    >>> set(files) <= set(course_files(chapters_dir(), language="nl"))
    True
    """
    source_dir = Path(source_dir)
    check_language(language)
    others = {lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE}
    chosen: dict[str, Path] = {}
    for path in sorted(source_dir.rglob("*")):
        relative = path.relative_to(source_dir)
        if path.is_file() and _course_file(relative) and relative.parts[0] not in others:
            twin = source_dir / language / relative
            translated = (language != SOURCE_LANGUAGE and path.suffix == ".ipynb"
                          and len(relative.parts) == 1 and twin.is_file())
            chosen[relative.as_posix()] = twin if translated else path
    if language != SOURCE_LANGUAGE and (source_dir / language).is_dir():
        for path in sorted((source_dir / language).rglob("*")):
            relative = path.relative_to(source_dir / language)
            if path.is_file() and _course_file(relative) and path.suffix != ".ipynb":
                chosen.setdefault(relative.as_posix(), path)
    files: dict[str, bytes] = {}
    for name, path in chosen.items():
        data = path.read_bytes()
        if path.suffix == ".ipynb" and not teacher:
            notebook = json.loads(data.decode("utf-8"))
            # an English notebook standing in for a missing twin stays English throughout
            in_language = language if path.parent != source_dir else SOURCE_LANGUAGE
            data = notebook_text(student_copy(notebook, in_language)).encode("utf-8")
        files[name] = data
    if not any(name.endswith(".ipynb") for name in files):
        raise FileNotFoundError(f"no notebooks (*.ipynb) in {source_dir}")
    return dict(sorted(files.items()))


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
