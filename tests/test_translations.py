"""The Dutch course cannot drift from the English one (issue 13).

For every English notebook that has a catalogue (``translations/nl/NAME.po``): every
Markdown cell, and every sentence a code cell writes through ``wijkwijs.i18n.tr``, has a
finished translation (none missing, none stale), and the Dutch twin
``chapters/nl/NAME.ipynb`` is exactly what ``python tools/translations.py build NAME``
writes (outputs aside; its code cells are the English ones with the language swapped),
and it is executed. Strict nbval checks its outputs, as for every notebook.

Every English notebook has a catalogue (while the translation was in progress this was a
strict expected failure; it passed the moment the last catalogue landed, and now guards
that a new notebook comes with its translation).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wijkwijs.translation import (
    build,
    code_differences,
    differences,
    problems,
    read_catalogue,
    read_notebook,
)

REPO = Path(__file__).resolve().parent.parent
CHAPTERS = REPO / "chapters"
LANGUAGE = "nl"
CATALOGUES = REPO / "translations" / LANGUAGE
TWINS = CHAPTERS / LANGUAGE
ENGLISH = sorted(p.stem for p in CHAPTERS.glob("*.ipynb"))
TRANSLATED = [name for name in ENGLISH if (CATALOGUES / f"{name}.po").is_file()]


@pytest.mark.parametrize("name", TRANSLATED)
def test_every_markdown_cell_and_code_sentence_has_a_finished_translation(name):
    english = read_notebook(CHAPTERS / f"{name}.ipynb")
    catalogue = read_catalogue(CATALOGUES / f"{name}.po")
    assert problems(english, catalogue, name) == []
    assert catalogue.metadata.get("Language") == LANGUAGE


@pytest.mark.parametrize("name", TRANSLATED)
def test_the_dutch_twin_is_what_the_build_writes(name):
    twin_path = TWINS / f"{name}.ipynb"
    assert twin_path.is_file(), f"no twin: run python tools/translations.py build {name}"
    english = read_notebook(CHAPTERS / f"{name}.ipynb")
    twin = read_notebook(twin_path)
    assert code_differences(english, twin, LANGUAGE) == []
    expected = build(english, read_catalogue(CATALOGUES / f"{name}.po"), LANGUAGE)
    assert differences(expected, twin) == [], \
        f"chapters/nl/{name}.ipynb is out of date: run python tools/translations.py build {name}"
    unexecuted = [i for i, c in enumerate(twin["cells"])
                  if c["cell_type"] == "code" and c.get("execution_count") is None]
    assert unexecuted == [], f"code cells {unexecuted} were not executed"


def test_every_twin_and_catalogue_belongs_to_an_english_notebook():
    twins = sorted(p.stem for p in TWINS.glob("*.ipynb"))
    catalogues = sorted(p.stem for p in CATALOGUES.glob("*.po"))
    assert [n for n in catalogues if n not in ENGLISH] == []
    assert [n for n in twins if n not in TRANSLATED] == [], \
        "a Dutch notebook without a catalogue was written by hand; translate in the .po"


def test_every_english_notebook_has_a_catalogue():
    missing = [name for name in ENGLISH if name not in TRANSLATED]
    assert missing == [], ("translate them: python tools/translations.py extract NAME, "
                           "then the msgstrs of translations/nl/NAME.po, then build NAME")


def test_the_dutch_readme_gives_the_same_two_commands():
    blocks = [re.findall(r"```bash\n(.*?)```", (REPO / name).read_text(encoding="utf-8"),
                         re.S) for name in ("README.md", "README.nl.md")]
    assert blocks[1] == blocks[0] and len(blocks[0]) == 2


def test_dutch_formulas_write_the_decimal_comma():
    """As the glossary says: $0{,}75$ in a Dutch formula, not $0.75$."""
    import polib

    found = []
    for path in sorted(CATALOGUES.glob("*.po")):
        for entry in polib.pofile(str(path)):
            if entry.msgctxt == "code" or not entry.msgstr:
                continue
            for formula in re.findall(r"\$\$.*?\$\$|\$[^$]+?\$", entry.msgstr, re.S):
                if re.search(r"\d\.\d", formula):
                    found.append(f"{path.name}: {formula[:60]}")
    assert found == [], found
