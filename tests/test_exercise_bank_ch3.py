"""Tests for wijkwijs.exercise_bank.ch3: answers computable, feedback right, notebooks
refer to existing exercises."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from wijkwijs import exercises as ex
from wijkwijs import i18n
from wijkwijs.exercise_bank import ch3
from wijkwijs.student import exercise_id_of

CHAPTERS = Path(__file__).resolve().parent.parent / "chapters"
NOTEBOOKS = ["03_1_gentrification_and_the_paradox.ipynb", "03_2_policy_scenarios.ipynb"]
IDS = sorted(k for k in ex.all_exercises() if k.startswith("3."))


def _wrong(exercise: ex.Exercise):
    expected = exercise.expected()
    if exercise.kind == "number":
        return float(expected) + 10 * exercise.tolerance + 1.0
    if exercise.kind == "choice":
        return (expected + 1) % len(exercise.options)
    raise AssertionError(f"no wrong answer for kind {exercise.kind}")


def test_at_least_six_exercises():
    assert len(IDS) >= 6
    assert {"3.1-low-point-year", "3.2-strongest-lever"} <= set(IDS)


@pytest.mark.parametrize("exercise_id", IDS)
def test_expected_answer_is_computable(exercise_id):
    exercise = ex.get(exercise_id)
    expected = exercise.expected()
    if exercise.kind == "number":
        assert math.isfinite(float(expected))
    else:
        assert 0 <= expected < len(exercise.options)
    assert len(exercise.hints) >= 2


@pytest.mark.parametrize("exercise_id", IDS)
def test_right_answer_passes_and_wrong_gets_first_hint(exercise_id):
    exercise = ex.get(exercise_id)
    ex.reset(exercise_id)
    assert ex.check(exercise_id, exercise.expected()).correct
    feedback = ex.check(exercise_id, _wrong(exercise))
    assert not feedback.correct
    assert exercise.hints[0]["en"] in feedback.message
    ex.reset(exercise_id)


def test_hints_in_dutch():
    ex.reset("3.1-low-point-year")
    i18n.set_language("nl")
    try:
        feedback = ex.check("3.1-low-point-year", 29)
        assert feedback.message.startswith("Nog niet.")
        assert "doorgetrokken" in feedback.message
    finally:
        i18n.set_language("en")
        ex.reset("3.1-low-point-year")


def test_hand_computed_dissimilarity():
    # shares low 0.6, 0.3, 0.1 vs high 0.1, 0.3, 0.6: D = (0.5 + 0 + 0.5) / 2
    assert ex.get("3.1-dissimilarity-hand").expected() == pytest.approx(0.5)
    assert sum(ch3.HAND_LOW) == sum(ch3.HAND_HIGH) == 100


def test_low_point_tolerance_accepts_the_flat_bottom():
    year = ex.get("3.1-low-point-year").expected()
    ex.reset("3.1-low-point-year")
    assert ex.check("3.1-low-point-year", year + 2).correct
    assert not ex.check("3.1-low-point-year", year + 3).correct
    ex.reset("3.1-low-point-year")


def test_solution_texts_match_the_model():
    # the solutions name the protected share and fewer sales
    assert ex.get("3.2-strongest-lever").expected() == 0
    assert ex.get("3.2-most-low-income-kept").expected() == 3
    assert 0 < ch3.displaced_protective_as_percent_of_default() < 10


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_solution_cells_refer_to_existing_exercises(name):
    nb = json.loads((CHAPTERS / name).read_text(encoding="utf-8"))
    solution_ids = [exercise_id_of(c) for c in nb["cells"]
                    if "solution" in c.get("metadata", {}).get("tags", [])]
    assert solution_ids, f"{name} has no solution cells"
    for exercise_id in solution_ids:
        assert exercise_id in IDS


def test_every_exercise_has_a_solution_cell():
    ids = set()
    for name in NOTEBOOKS:
        nb = json.loads((CHAPTERS / name).read_text(encoding="utf-8"))
        ids |= {exercise_id_of(c) for c in nb["cells"]
                if "solution" in c.get("metadata", {}).get("tags", [])}
    assert ids == set(IDS)
