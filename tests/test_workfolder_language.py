"""A work folder in English or Dutch: the learner chooses once, the folder remembers.

Runs on a small hand-made course (two notebooks, one with a Dutch twin, a glossary), so
the rules are checked without executing anything.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wijkwijs import workfolder
from wijkwijs.student import course_files, notebook_text, untranslated


def _notebook(text: str, language: str = "en") -> dict:
    return {"cells": [
        {"cell_type": "markdown", "metadata": {}, "source": [text]},
        {"cell_type": "code", "metadata": {}, "execution_count": 1, "outputs": [],
         "source": [f'set_language("{language}")']},
        {"cell_type": "code", "metadata": {"tags": ["solution"]}, "execution_count": 2,
         "outputs": [], "source": ["check('1.2-gini', 0.3)"]}],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def _course(tmp_path: Path) -> Path:
    source = tmp_path / "chapters"
    (source / "nl").mkdir(parents=True)
    (source / "00_welcome.ipynb").write_text(notebook_text(_notebook("# Welcome")))
    (source / "01_2_lorenz.ipynb").write_text(notebook_text(_notebook("# Lorenz")))
    (source / "nl" / "00_welcome.ipynb").write_text(
        notebook_text(_notebook("# Welkom", "nl")))
    (source / "nl" / "GLOSSARY.md").write_text("buurt: neighbourhood\n")
    (source / "nbval_sanitize.cfg").write_text("[x]\n")
    return source


def _first_cell(path: Path) -> str:
    return "".join(json.loads(path.read_text())["cells"][0]["source"])


def test_english_copies_leave_the_dutch_folder_out(tmp_path):
    source = _course(tmp_path)
    assert sorted(course_files(source)) == ["00_welcome.ipynb", "01_2_lorenz.ipynb"]
    assert untranslated(source, "nl") == ["01_2_lorenz.ipynb"]


def test_dutch_copies_take_the_twin_its_placeholders_and_the_glossary(tmp_path):
    source = _course(tmp_path)
    files = course_files(source, language="nl")
    assert sorted(files) == ["00_welcome.ipynb", "01_2_lorenz.ipynb", "GLOSSARY.md"]
    welcome = json.loads(files["00_welcome.ipynb"])
    assert welcome["cells"][0]["source"] == ["# Welkom"]
    assert "".join(welcome["cells"][2]["source"]).startswith("# Opdracht 1.2-gini:")
    lorenz = json.loads(files["01_2_lorenz.ipynb"])  # no twin yet: English throughout
    assert lorenz["cells"][0]["source"] == ["# Lorenz"]
    assert files["01_2_lorenz.ipynb"] == course_files(source)["01_2_lorenz.ipynb"]
    teacher = course_files(source, teacher=True, language="nl")
    assert teacher["00_welcome.ipynb"] == (source / "nl" / "00_welcome.ipynb").read_bytes()
    with pytest.raises(ValueError, match="not available in language 'fr'"):
        course_files(source, language="fr")


def test_the_folder_remembers_its_language_and_switches_without_losing_work(tmp_path):
    source, folder = _course(tmp_path), tmp_path / "work"
    first = workfolder.sync(folder, source, language="nl")
    assert workfolder.folder_language(folder) == "nl"
    assert first.language == "nl" and first.switched_from is None
    assert "in Dutch" in first.lines()[0]
    assert any("Not translated into Dutch yet, so in English: 1 notebook" in line
               for line in first.lines())
    assert _first_cell(folder / "00_welcome.ipynb") == "# Welkom"
    again = workfolder.sync(folder, source)  # no language: the remembered one
    assert again.language == "nl" and not again.changed()
    # The learner edits the Dutch welcome, then asks for English.
    edited = json.loads((folder / "00_welcome.ipynb").read_text())
    edited["cells"][0]["source"] = ["# Welkom — mijn aantekeningen"]
    (folder / "00_welcome.ipynb").write_text(notebook_text(edited))
    switched = workfolder.sync(folder, source, language="en")
    assert switched.switched_from == "nl" and switched.language == "en"
    assert any("Switched the course from Dutch to English" in line
               for line in switched.lines())
    assert _first_cell(folder / "00_welcome.ipynb") == "# Welkom — mijn aantekeningen"
    (mine, beside), = switched.beside
    assert mine == "00_welcome.ipynb" and _first_cell(folder / beside) == "# Welcome"
    assert workfolder.folder_language(folder) == "en"
    assert (folder / "GLOSSARY.md").exists()  # the learner's to keep: wijkwijs never deletes


def test_a_folder_from_before_languages_counts_as_english(tmp_path):
    source, folder = _course(tmp_path), tmp_path / "work"
    workfolder.sync(folder, source)
    manifest = json.loads((folder / workfolder.MANIFEST).read_text())
    del manifest["language"]
    (folder / workfolder.MANIFEST).write_text(json.dumps(manifest))
    assert workfolder.folder_language(folder) == "en"
    report = workfolder.sync(folder, source)
    assert report.language == "en" and not report.changed()
    assert workfolder.sync(folder, source, language="nl").updated == ["00_welcome.ipynb"]
