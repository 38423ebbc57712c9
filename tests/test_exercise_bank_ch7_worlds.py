"""The exercises of notebook 7.3 (wijkwijs.exercises.ch7.worlds): kinds, answers, notebook.

The marking answers are checked against a key written out here by hand, sentence by
sentence, and against the texts themselves; the interpretation answers against the
option that names the source's own point.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from wijkwijs import exercises as ex
from wijkwijs import i18n
from wijkwijs.examples import worlds

NOTEBOOK = (Path(__file__).resolve().parent.parent / "chapters"
            / "07_3_system_world_and_life_world.ipynb")
#: Named here (not read from ex.all_exercises(), which imports every chapter's bank, so
#: this file tests chapter 7.3 alone); the notebook test below checks it is complete.
IDS = ["7.3-account-system", "7.3-colonisation", "7.3-memo-life", "7.3-street-smart",
       "7.3-two-groups", "7.3-voldoende"]
REFLECTIONS = {"7.3-case-centre", "7.3-reflect"}


@pytest.fixture(autouse=True)
def _english():
    before = i18n.get_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


def _cells():
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]


def test_the_notebook_has_its_exercises_none_of_them_numeric():
    assert len(IDS) >= 3
    kinds = {i: ex.get(i).kind for i in IDS}
    assert sum(k != "number" for k in kinds.values()) >= 2
    assert {"choice", "set"} <= set(kinds.values())
    for reflection_id in REFLECTIONS:
        assert ex.get_reflection(reflection_id).model_answer["nl"].strip()
    code = "\n".join("".join(c["source"]) for c in _cells() if c["cell_type"] == "code")
    checked = sorted(re.findall(r'check\("(7\.3-[^"]+)"', code))
    assert checked == IDS


def test_the_marking_answers_are_the_hand_key():
    assert ex.get("7.3-memo-life").expected() == [3, 6, 8]
    assert ex.get("7.3-account-system").expected() == [3, 4, 6]
    ex.reset()
    try:
        assert ex.check_typed("7.3-memo-life", "8, 3,6").correct  # as typed in the box
        assert not ex.check_typed("7.3-memo-life", "3, 6").correct  # one missing
        assert not ex.check_typed("7.3-account-system", "3, 4, 6, 7").correct  # one too many
    finally:
        ex.reset()


def test_the_marking_hints_count_right_and_point_at_a_sentence_of_the_key():
    for exercise_id, name, world in (("7.3-memo-life", "memo", "life"),
                                     ("7.3-account-system", "account", "system")):
        specific = ex.get(exercise_id).hints[1]
        numbers = worlds.sentences_in(name, world)
        assert f"There are {len(numbers)} of them." in specific["en"]
        assert f"Het zijn er {len(numbers)}." in specific["nl"]
        named = int(specific["en"].split("Sentence ")[1].split()[0])
        assert named in numbers


def test_the_solutions_explain_every_sentence_in_both_languages():
    for exercise_id, name in (("7.3-memo-life", "memo"), ("7.3-account-system", "account")):
        solution = ex.get(exercise_id).solution
        for s in worlds.invented_text(name).sentences:
            for lang in i18n.LANGUAGES:
                assert s.why[lang] in solution[lang]


@pytest.mark.parametrize("exercise_id, letter", [
    ("7.3-colonisation", "c"), ("7.3-two-groups", "b"), ("7.3-street-smart", "b"),
    ("7.3-voldoende", "c")])
def test_the_choices_and_their_solutions_agree(exercise_id, letter):
    exercise = ex.get(exercise_id)
    assert "abc"[exercise.expected()] == letter
    for lang in i18n.LANGUAGES:
        assert exercise.solution[lang].startswith(f"{letter})")
        assert len(exercise.options) == 3 and all(o[lang].strip() for o in exercise.options)


def test_the_quotations_of_custers_in_the_solutions_are_in_the_seed():
    seed = Path("/work/shared/seed/custers_een_betere_wijk_begint_in_de_wijk.txt")
    if not seed.exists():
        pytest.skip("the seed text is not on this machine")
    text = " ".join(seed.read_text(encoding="utf-8").replace("- ", "").split())
    for phrase in ("goede contacten met organisaties onderhouden en weten wat er in de "
                   "wijken speelt", "niet alleen ‘book smart’ zijn, maar ook ‘street smart’",
                   "het werk van organisaties vaak onopgemerkt blijft in de statistieken",
                   "organisaties niet heilig en soms disfunctioneel"):
        assert phrase in text, phrase


def test_every_exercise_is_asked_checked_and_has_a_no_code_box():
    cells = _cells()
    sources = ["".join(c["source"]) for c in cells]
    for exercise_id in IDS:
        solution = [i for i, c in enumerate(cells) if "solution" in c["metadata"].get("tags", [])
                    and f'check("{exercise_id}"' in sources[i]]
        assert len(solution) == 1, exercise_id
        i = solution[0]
        assert cells[i - 1]["cell_type"] == "markdown" and "**Exercise 7." in sources[i - 1]
        box = cells[i + 1]
        assert sources[i + 1].strip() == f'answer_box("{exercise_id}")'
        assert "nbval-ignore-output" in box["metadata"]["tags"]


def test_the_notebook_opens_with_its_paths_and_ends_with_a_reflection():
    cells = _cells()
    first = "".join(cells[0]["source"])
    assert first.startswith("# 7.3 ")
    paths = [line for line in first.splitlines() if line.startswith("**Paths.**")]
    assert len(paths) == 1
    assert all(p in paths[0] for p in ("*University*:", "*Civil servants*:",
                                       "*Residents (first part)*:"))
    sources = ["".join(c["source"]) for c in cells]
    end = max(i for i, s in enumerate(sources) if "reflection_box(" in s)
    assert sources[end].strip() == 'reflection_box("7.3-reflect")'
    assert cells[end + 1]["cell_type"] == "markdown" and not sources[end + 1].strip()
    assert "## Reflection" in sources[end - 1]
    assert all(c["cell_type"] == "markdown" for c in cells[end + 1:])
    case = sources.index('reflection_box("7.3-case-centre")')
    assert cells[case + 1]["cell_type"] == "markdown" and not sources[case + 1].strip()


def test_the_invented_texts_are_labelled_invented_in_the_stored_outputs():
    shown = [o for c in _cells() if c["cell_type"] == "code" for o in c.get("outputs", [])
             if "text/markdown" in o.get("data", {})]
    titles = ["".join(o["data"]["text/markdown"]).splitlines()[0] for o in shown]
    assert titles.count(worlds.MEMO.title["en"]) == 1
    assert titles.count(worlds.ACCOUNT.title["en"]) == 1
