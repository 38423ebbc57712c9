"""Tests for the chapter 5 exercise bank and the notebooks' solution cells."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from wijkwijs import exercises as ex
from wijkwijs.student import exercise_id_of

CHAPTERS = Path(__file__).resolve().parent.parent / "chapters"
IDS = sorted(k for k in ex.all_exercises() if k.startswith("5."))


def test_at_least_six_exercises():
    assert len(IDS) >= 6


@pytest.mark.parametrize("exercise_id", IDS)
def test_expected_answer_is_computable(exercise_id):
    e = ex.get(exercise_id)
    value = e.expected()
    if e.kind == "number":
        assert math.isfinite(float(value))
    if e.kind == "choice":
        assert 0 <= value < len(e.options)
    assert len(e.hints) >= 2


@pytest.mark.parametrize("exercise_id", IDS)
def test_correct_passes_and_wrong_gets_the_first_hint(exercise_id):
    e = ex.get(exercise_id)
    ex.reset(exercise_id)
    right = e.expected()
    assert ex.check(exercise_id, right).correct
    wrong = (float(right) + 10 * max(e.tolerance, 1.0) + 1) if e.kind == "number" else (
        (right + 1) % len(e.options))
    feedback = ex.check(exercise_id, wrong)
    assert not feedback.correct
    assert e.hints[0]["en"] in feedback.message
    ex.reset(exercise_id)


def _solution_ids() -> list[str]:
    ids = []
    for path in sorted(CHAPTERS.glob("05_*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        ids += [exercise_id_of(c) for c in nb["cells"]
                if "solution" in c.get("metadata", {}).get("tags", [])]
    return ids


def test_notebook_solution_cells_reference_existing_exercises():
    ids = _solution_ids()
    assert ids, "chapter 5 notebooks have no solution cells"
    assert set(ids) <= set(IDS)
    assert set(IDS) <= set(ids)  # every exercise appears in a notebook
