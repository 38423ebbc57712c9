"""Dutch twins of the chapter notebooks, from gettext catalogues (issue 13).

    python tools/translations.py extract [NAME ...]   # create/update translations/nl/NAME.po
    python tools/translations.py build [NAME ...]     # write and execute chapters/nl/NAME.ipynb
    python tools/translations.py status [NAME ...]    # what is translated, words per language

NAME is a notebook's file name without ``.ipynb`` (``06_1_what_social_infrastructure_is``),
a prefix of it (``06_1``), or nothing for every English notebook.

``extract`` reads each English notebook and merges its Markdown cells into its catalogue
(:func:`wijkwijs.translation.merge`): a new cell gets an empty msgstr, a changed cell keeps
its old translation marked fuzzy (the old English as ``#| msgid``), a removed cell becomes
obsolete. Translate with any PO editor (Poedit, Weblate) or a text editor, following
``chapters/nl/GLOSSARY.md``; clear the ``fuzzy`` flag when a translation is up to date.

``build`` writes the twin of each notebook whose catalogue is complete and executes it with
``tools/execute_notebooks.py`` (in ``chapters/nl/``, a fresh kernel), so figures, tables and
feedback are Dutch; it skips, and names, every notebook whose catalogue is not complete.
``--no-execute`` writes the twin without outputs. ``tests/test_translations.py`` checks
that catalogues are complete and twins up to date.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))

from execute_notebooks import execute  # the project's executor, a sibling module

from wijkwijs.translation import (
    build,
    catalogue_text,
    markdown_words,
    merge,
    problems,
    prose_in_code,
    read_catalogue,
    read_notebook,
)

REPO = Path(__file__).resolve().parent.parent
CHAPTERS = REPO / "chapters"
TRANSLATIONS = REPO / "translations"


def english_notebooks(names: list[str]) -> list[Path]:
    """The English notebooks named (by full name or prefix), or all of them."""
    every = sorted(CHAPTERS.glob("*.ipynb"))
    if not names:
        return every
    chosen = []
    for name in names:
        stem = Path(name).name.removesuffix(".ipynb")
        found = [p for p in every if p.stem == stem] or \
            [p for p in every if p.stem.startswith(stem)]
        if not found:
            raise SystemExit(f"no English notebook chapters/{stem}*.ipynb")
        chosen += [p for p in found if p not in chosen]
    return chosen


def catalogue_path(notebook: Path, language: str = "nl") -> Path:
    return TRANSLATIONS / language / f"{notebook.stem}.po"


def twin_path(notebook: Path, language: str = "nl") -> Path:
    return CHAPTERS / language / notebook.name


def extract(paths: list[Path], language: str = "nl") -> None:
    for path in paths:
        target = catalogue_path(path, language)
        old = read_catalogue(target) if target.exists() else None
        po, changes = merge(read_notebook(path), path.stem, old, language)
        text = catalogue_text(po)
        if old is None or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        what = [f"{len(v)} {k}" for k, v in vars(changes).items() if v]
        print(f"{target.relative_to(REPO)}: {', '.join(what) or 'up to date'}; "
              f"{po.percent_translated()} % translated", flush=True)


def build_twins(paths: list[Path], language: str = "nl", run: bool = True) -> float:
    """Build (and execute) the twins of ``paths`` whose catalogue is complete; seconds."""
    total = 0.0
    for path in paths:
        source = catalogue_path(path, language)
        if not source.exists():
            print(f"{path.stem}: no catalogue (run extract first); skipped")
            continue
        english, po = read_notebook(path), read_catalogue(source)
        missing = problems(english, po, path.stem)
        if missing:
            print(f"{path.stem}: catalogue not complete ({len(missing)} cell(s)); skipped")
            continue
        start = time.perf_counter()
        twin = twin_path(path, language)
        twin.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nbformat.from_dict(build(english, po, language)), twin)
        seconds = execute(twin) if run else 0.0
        total += time.perf_counter() - start
        print(f"{twin.relative_to(REPO)}: built"
              + (f" and executed in {seconds:.1f} s" if run else " (not executed)"), flush=True)
    print(f"build step: {total:.1f} s in all")
    return total


def status(paths: list[Path], language: str = "nl") -> None:
    en_words = nl_words = 0
    for path in paths:
        english = read_notebook(path)
        source, twin = catalogue_path(path, language), twin_path(path, language)
        n_en = markdown_words(english)
        en_words += n_en
        if not source.exists():
            print(f"{path.stem}: no catalogue; {n_en} English words")
            continue
        po = read_catalogue(source)
        n_nl = markdown_words(read_notebook(twin)) if twin.exists() else 0
        nl_words += n_nl
        prose = prose_in_code(english)
        print(f"{path.stem}: {po.percent_translated()} % translated, "
              f"{len(problems(english, po))} problem(s); words en {n_en}, {language} {n_nl}"
              + (f"; code cells writing English prose: {prose}" if prose else ""))
    print(f"words of Markdown: en {en_words}, {language} {nl_words} (twins built so far)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["extract", "build", "status"])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--language", default="nl", choices=["nl"])
    parser.add_argument("--no-execute", action="store_true")
    args = parser.parse_args(argv)
    paths = english_notebooks(args.names)
    if args.command == "extract":
        extract(paths, args.language)
    elif args.command == "build":
        build_twins(paths, args.language, run=not args.no_execute)
    else:
        status(paths, args.language)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
