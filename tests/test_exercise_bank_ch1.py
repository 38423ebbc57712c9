"""Tests for the chapter 1 exercise bank and the notebooks' use of it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from wijkwijs import exercises as ex
from wijkwijs import i18n
from wijkwijs.exercise_bank import ch1
from wijkwijs.explorers.inequality import LORENZ_FIVE

CHAPTERS = Path(__file__).resolve().parent.parent / "chapters"
NOTEBOOKS = sorted(CHAPTERS.glob("01_*.ipynb"))
IDS = sorted(k for k in ex.all_exercises() if k.startswith("1."))
WRONG = {"number": -12345.0, "choice": 0, "set": ["1900"], "text": "Lorenz"}


def test_there_are_at_least_six_exercises_of_every_kind_mix():
    kinds = {ex.get(i).kind for i in IDS}
    assert len(IDS) >= 6
    assert kinds == {"number", "choice", "set", "text"}


@pytest.mark.parametrize("exercise_id", IDS)
def test_expected_answer_is_computable_and_answers_are_callables_or_lists(exercise_id):
    exercise = ex.get(exercise_id)
    expected = exercise.expected()
    assert expected is not None
    if exercise.kind in ("number", "set"):
        assert callable(exercise.answer)


@pytest.mark.parametrize("exercise_id", IDS)
def test_correct_answer_passes_and_wrong_answer_gets_first_hint(exercise_id):
    exercise = ex.get(exercise_id)
    ex.reset(exercise_id)
    expected = exercise.expected()
    answer = next(iter(expected)) if exercise.kind == "text" else expected
    assert ex.check(exercise_id, answer).correct
    feedback = ex.check(exercise_id, WRONG[exercise.kind])
    assert not feedback.correct
    assert exercise.hints[0]["en"] in feedback.message
    ex.reset(exercise_id)


@pytest.mark.parametrize("exercise_id", IDS)
def test_hints_and_solutions_exist_in_english_and_dutch(exercise_id):
    exercise = ex.get(exercise_id)
    assert len(exercise.hints) >= 2
    for text in [*exercise.hints, exercise.solution]:
        assert all(text[lang].strip() for lang in i18n.LANGUAGES)


def test_hand_computed_answers():
    # (12 + 18) / 150 and 456,000 / (2 * 25 * 30,000): the gaps table summed by hand
    assert ex.get("1.2-bottom-two").expected() == pytest.approx(0.20)
    assert ex.get("1.2-gini-five").expected() == pytest.approx(0.304)
    gaps = sum(abs(a - b) for a in LORENZ_FIVE for b in LORENZ_FIVE)
    assert gaps == 456_000
    assert ex.get("1.2-flat-tax").expected() == pytest.approx(0.7 * 0.304)


def test_published_answers_match_the_cbs_table():
    # CBS 83739NED: 2022 income Gini 0.285, wealth Gini 0.711; above 0.30 in 2014 and 2019
    assert ex.get("1.1-gini-gap-2022").expected() == pytest.approx(0.711 - 0.285)
    assert ex.get("1.1-years-above-030").expected() == {2014, 2019}
    assert ex.check("1.1-years-above-030", ["2019", "2014"]).correct


def test_havenstad_answers_are_plausible():
    share = ex.get("1.3-between-share").expected()
    assert 0.0 < share < 1.0
    assert ex.get("1.3-palma-havenstad").expected() > 1.0
    assert ch1.havenstad_city_households()["buurt_code"].str.startswith("BU9901").all()


def test_choice_accepts_letters_and_option_text():
    assert ex.check("1.1-gini-meaning", "b").correct
    assert ex.check("1.3-decomposable", "The Theil index").correct


@pytest.mark.skipif(not NOTEBOOKS, reason="chapter 1 notebooks not written yet")
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_solution_cells_reference_existing_ids(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for cell in nb["cells"]:
        if "solution" in cell.get("metadata", {}).get("tags", []):
            ids = re.findall(r"""check\(\s*["']([^"']+)["']""", "".join(cell["source"]))
            assert ids, f"a solution cell in {path.name} calls no check()"
            found.extend(ids)
    assert found, f"{path.name} has no exercises"
    for exercise_id in found:
        ex.get(exercise_id)  # raises KeyError for an unknown id


def test_every_chapter_one_exercise_is_used_in_a_notebook():
    if len(NOTEBOOKS) < 3:
        pytest.skip("chapter 1 notebooks not all written yet")
    text = "".join(p.read_text(encoding="utf-8") for p in NOTEBOOKS)
    assert [i for i in IDS if f'\\"{i}\\"' not in text and f"'{i}'" not in text] == []
