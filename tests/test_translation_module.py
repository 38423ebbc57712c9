"""wijkwijs.translation: catalogues keyed by the English Markdown cell, merged, checked
and applied. Hand-made notebooks; every catalogue is also read back by polib from its text.
"""

from __future__ import annotations

import polib
import pytest

from wijkwijs import translation as tr


def _nb(*cells: tuple[str, str]) -> dict:
    out = []
    for kind, source in cells:
        cell = {"cell_type": kind, "metadata": {}, "source": source}
        if kind == "code":
            cell.update(outputs=[{"output_type": "stream", "text": "x"}], execution_count=3)
        out.append(cell)
    return {"cells": out, "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4,
            "nbformat_minor": 5}


def _roundtrip(po: polib.POFile, tmp_path) -> polib.POFile:
    path = tmp_path / "x.po"
    path.write_text(tr.catalogue_text(po), encoding="utf-8")
    return tr.read_catalogue(path)


def _translate_all(po: polib.POFile, prefix: str = "NL: ") -> None:
    for entry in po:
        if not entry.obsolete:
            entry.msgstr = prefix + entry.msgid
            if entry.fuzzy:
                entry.flags.remove("fuzzy")


BASE = _nb(("markdown", "# Title\n\nThe city grows."),
           ("code", 'set_language("en")'),
           ("markdown", "**Things to notice.** Rich and poor live apart."),
           ("markdown", ""),
           ("markdown", "Write your answer below."))


def test_a_new_catalogue_has_one_empty_entry_per_markdown_text_and_a_standard_header(
        tmp_path):
    po, changes = tr.merge(BASE, "demo")
    po = _roundtrip(po, tmp_path)
    assert [e.msgid for e in po] == ["# Title\n\nThe city grows.",
                                     "**Things to notice.** Rich and poor live apart.",
                                     "Write your answer below."]
    assert all(e.msgstr == "" for e in po) and len(changes.added) == 3
    assert po[0].occurrences == [("chapters/demo.ipynb", "0")]
    assert po.metadata["Language"] == "nl"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert po.percent_translated() == 0


def test_unchanged_cells_keep_their_translation_even_when_cells_move(tmp_path):
    po, _ = tr.merge(BASE, "demo")
    _translate_all(po)
    moved = _nb(("markdown", "A new first cell."), *[(c["cell_type"], c["source"])
                                                     for c in BASE["cells"]])
    again, changes = tr.merge(moved, "demo", _roundtrip(po, tmp_path))
    assert changes.added == ["A new first cell."]
    assert changes.fuzzy == [] and changes.obsolete == []
    kept = {e.msgid: e.msgstr for e in again}
    assert kept["Write your answer below."] == "NL: Write your answer below."
    assert dict(again.find("Write your answer below.").occurrences) == {
        "chapters/demo.ipynb": "5"}


def test_a_changed_cell_becomes_fuzzy_with_its_old_english_as_previous_msgid(tmp_path):
    po, _ = tr.merge(BASE, "demo")
    _translate_all(po)
    changed = _nb(("markdown", "# Title\n\nThe city grows fast."), ("code", "x = 1"),
                  ("markdown", "**Things to notice.** Rich and poor live apart."),
                  ("markdown", "Write your answer below."))
    merged, changes = tr.merge(changed, "demo", po)
    merged = _roundtrip(merged, tmp_path)
    entry = merged.find("# Title\n\nThe city grows fast.")
    assert entry.fuzzy and entry.previous_msgid == "# Title\n\nThe city grows."
    assert entry.msgstr == "NL: # Title\n\nThe city grows."
    assert changes.fuzzy == ["# Title"] and changes.obsolete == []
    assert tr.problems(changed, merged, "demo")[0].startswith("demo cell 0: stale translation")
    # Changed once more before anyone updated it: the previous msgid stays the text that
    # the translation translates.
    twice = _nb(("markdown", "# Title\n\nThe city grows very fast."))
    merged2, _ = tr.merge(twice, "demo", merged)
    assert merged2[0].previous_msgid == "# Title\n\nThe city grows."


def test_removed_cells_become_obsolete_and_come_back_translated(tmp_path):
    po, _ = tr.merge(BASE, "demo")
    _translate_all(po)
    short = _nb(("markdown", "# Title\n\nThe city grows."))
    merged, changes = tr.merge(short, "demo", po)
    merged = _roundtrip(merged, tmp_path)
    assert len(changes.obsolete) == 2
    assert [e.msgid for e in merged.obsolete_entries()] == [
        "**Things to notice.** Rich and poor live apart.", "Write your answer below."]
    assert tr.problems(short, merged) == []
    back, changes = tr.merge(BASE, "demo", merged)
    assert changes.revived and not changes.added and not changes.fuzzy
    assert tr.problems(BASE, back) == []
    assert not [e for e in back if e.obsolete]


def test_a_wholly_new_text_does_not_inherit_an_unrelated_translation():
    po, _ = tr.merge(_nb(("markdown", "Gini coefficient of incomes in 2019.")), "demo")
    _translate_all(po)
    merged, changes = tr.merge(_nb(("markdown", "Zzz qqq xxx.")), "demo", po)
    assert merged[0].msgstr == "" and not merged[0].fuzzy
    assert changes.added == ["Zzz qqq xxx."] and len(changes.obsolete) == 1


def test_identical_cells_share_one_entry_with_two_references():
    nb = _nb(("markdown", "Same."), ("code", "1"), ("markdown", "Same."))
    po, _ = tr.merge(nb, "demo")
    assert len(po) == 1 and [line for _, line in po[0].occurrences] == ["0", "2"]
    po[0].msgstr = "Gelijk."
    assert [c["source"] for c in tr.build(nb, po)["cells"]][::2] == ["Gelijk.", "Gelijk."]


def test_problems_name_missing_empty_and_fuzzy_translations():
    po, _ = tr.merge(BASE, "demo")
    assert len(tr.problems(BASE, po)) == 3
    assert all("not translated yet" in p for p in tr.problems(BASE, po))
    _translate_all(po)
    po[1].flags.append("fuzzy")
    (only,) = tr.problems(BASE, po, "demo")
    assert only.startswith("demo cell 2: stale")
    edited = _nb(("markdown", "Brand new cell."))
    assert "no entry for this English text" in tr.problems(edited, po, "demo")[0]


def test_build_translates_markdown_swaps_the_language_and_clears_outputs():
    po, _ = tr.merge(BASE, "demo")
    with pytest.raises(ValueError, match="not complete"):
        tr.build(BASE, po)
    _translate_all(po)
    twin = tr.build(BASE, po)
    sources = [c["source"] for c in twin["cells"]]
    assert sources == ["NL: # Title\n\nThe city grows.", 'set_language("nl")',
                       "NL: **Things to notice.** Rich and poor live apart.", "",
                       "NL: Write your answer below."]
    assert twin["cells"][1]["outputs"] == [] and twin["cells"][1]["execution_count"] is None
    assert twin["metadata"] == {"wijkwijs": {"language": "nl"}}
    assert BASE["cells"][1]["outputs"]  # the English notebook is not touched
    assert tr.code_differences(BASE, twin) == []
    assert tr.differences(twin, twin) == []


def test_differences_see_edits_of_a_twin_but_not_its_outputs():
    po, _ = tr.merge(BASE, "demo")
    _translate_all(po)
    twin = tr.build(BASE, po)
    executed = tr.build(BASE, po)
    executed["cells"][1]["outputs"] = [{"output_type": "stream", "text": "Taal"}]
    executed["cells"][1]["execution_count"] = 1
    executed["cells"][1]["id"] = "cell-001"
    executed["cells"][1]["metadata"]["execution"] = {"iopub.status.busy": "2026-12-01T12:00"}
    executed["metadata"]["kernelspec"] = {"name": "python3"}
    assert tr.differences(twin, executed) == []
    hand_edited = tr.build(BASE, po)
    hand_edited["cells"][0]["source"] = "Met de hand veranderd."
    assert tr.differences(twin, hand_edited) == [
        "cell 0 (markdown): source differs: 'NL: # Title' != 'Met de hand veranderd.'"]
    retagged = tr.build(BASE, po)
    retagged["cells"][1]["metadata"] = {"tags": ["solution"]}
    assert tr.differences(twin, retagged) == ["cell 1 (code): metadata differs"]
    shorter = tr.build(BASE, po)
    shorter["cells"].pop()
    assert tr.differences(twin, shorter)[0] == "4 cells, the build has 5"
    recoded = tr.build(BASE, po)
    recoded["cells"][1]["source"] = 'set_language("en")'
    assert tr.code_differences(BASE, recoded) == [
        "code cell 0, line 1: 'set_language(\"en\")' is not the English 'set_language(\"nl\")'"]


def test_swap_language_swaps_both_languages_and_nothing_else():
    code = ('set_language("nl")\nprint(check("0.1", "veertigduizend"))\n'
            "set_language('en')\nset_language(lang)\n# set_language(\"en\") in a comment")
    assert tr.swap_language(code) == (
        'set_language("en")\nprint(check("0.1", "veertigduizend"))\n'
        "set_language('nl')\nset_language(lang)\n# set_language(\"nl\") in a comment")
    assert tr.swap_language(tr.swap_language(code)) == code
    with pytest.raises(ValueError, match="not a target language"):
        tr.swap_language(code, "fr")


def test_word_counts_leave_out_formulas_code_and_link_targets():
    assert tr.words("De **buurt** telt $N = 3$ huizen, zie [hoofdstuk 2](02_1_x.ipynb).") == 7
    assert tr.words("Custers' buurt-en-wijk: 't is 10 %") == 5
    nb = _nb(("markdown", "One two three."), ("code", "four five six"), ("markdown", "seven"))
    assert tr.markdown_words(nb) == 4


def test_prose_in_code_finds_sentences_written_by_code_cells():
    nb = _nb(("code", 'display(Markdown(f"The city has **{n}** buurten."))'),
             ("code", 'print(check("0.1-x", 3))'),
             ("code", "print(\n    f'{x:.2f} households left the city')"),
             ("markdown", 'display(Markdown("Not code at all"))'))
    assert tr.prose_in_code(nb) == [0, 2]


def test_sentences_of_code_cells_are_extracted_with_the_code_context(tmp_path):
    nb = _nb(("markdown", "# Title"),
             ("code", 'display(Markdown(tr("In {year}: **{n}** links", year=y, n=n)))\n'
                      "%matplotlib inline"),
             ("code", 'x = i18n.tr("Half is reached in year **{y:.0f}**.", y=half)'),
             ("code", 'display(Markdown(tr("In {year}: **{n}** links", year=y, n=2)))'))
    assert tr.code_sentences(nb) == [(1, "In {year}: **{n}** links"),
                                     (2, "Half is reached in year **{y:.0f}**."),
                                     (3, "In {year}: **{n}** links")]
    po, changes = tr.merge(nb, "demo")
    po = _roundtrip(po, tmp_path)
    assert [(e.msgctxt, e.msgid) for e in po] == [
        (None, "# Title"), ("code", "In {year}: **{n}** links"),
        ("code", "Half is reached in year **{y:.0f}**.")]
    assert [line for _, line in po[1].occurrences] == ["1", "3"]
    assert len(tr.problems(nb, po)) == 4  # one per place: the template is used twice
    po[0].msgstr = "# Titel"
    po[1].msgstr = "In {year}: **{n}** verwijzingen"
    po[2].msgstr = "De helft is bereikt in jaar **{y}**."  # lost the format
    (only,) = tr.problems(nb, po, "demo")
    assert "fields ['y:'] are not the English ['y:.0f']" in only
    po[2].msgstr = "De helft is bereikt in jaar **{y:.0f}**."
    assert tr.problems(nb, po) == []
    assert tr.translations(po) == {"# Title": "# Titel"}  # code sentences: read by tr()
    assert tr.build(nb, po)["cells"][1]["source"] == nb["cells"][1]["source"]
    # A changed template goes fuzzy within its own kind; the Markdown is untouched.
    nb["cells"][2]["source"] = 'x = tr("Half is reached only in year **{y:.0f}**.", y=h)'
    merged, changes = tr.merge(nb, "demo", po)
    entry = merged.find("Half is reached only in year **{y:.0f}**.", msgctxt="code")
    assert entry.fuzzy and entry.previous_msgid == "Half is reached in year **{y:.0f}**."
    assert changes.fuzzy == ["Half is reached only in year **{y:.0f}**."]


def test_a_template_must_be_a_plain_string():
    nb = _nb(("code", 'tr(f"{n} buurten")'))
    with pytest.raises(ValueError, match="plain string template"):
        tr.code_sentences(nb)
