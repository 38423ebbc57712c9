"""Every exercise in the bank, in every chapter: computable, checkable, hinted, used.

Chapter-specific files (``test_exercise_bank_chN.py``) check the *values* of the
answers against hand computations and independent sources; this file checks what
must hold for all of them.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from wijkwijs import exercises as ex
from wijkwijs import i18n

CHAPTERS = Path(__file__).resolve().parent.parent / "chapters"
NOTEBOOKS = sorted(CHAPTERS.glob("*.ipynb"))
BANK = {k: v for k, v in ex.all_exercises().items() if re.match(r"^\d\.\d", k)}
IDS = sorted(BANK)
MINIMUM = {"0": 2, "1": 6, "2": 8, "3": 6, "4": 8, "5": 6, "6": 10, "7": 10,
           "8": 6}  # what each chapter's issue asks for
CHECK_CALL = re.compile(r"""check\(\s*["']([^"']+)["']""")
BOX_CALL = re.compile(r"""answer_box\(\s*["']([^"']+)["']""")


def _right(exercise: ex.Exercise):
    expected = exercise.expected()
    if exercise.kind == "text":
        return expected if isinstance(expected, str) else next(iter(expected))
    if exercise.kind == "choice":
        return "abcdefgh"[expected]  # the letter, as a learner types it
    return expected


def _wrong(exercise: ex.Exercise):
    expected = exercise.expected()
    if exercise.kind == "number":
        return float(expected) + 10 * max(exercise.tolerance, abs(float(expected)), 1.0) + 1
    if exercise.kind == "choice":
        return (expected + 1) % len(exercise.options)
    if exercise.kind == "set":
        return ["certainly not an answer"]
    return "certainly not an answer"


def _solution_ids(path: Path) -> list[str]:
    ids = []
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if "solution" in cell.get("metadata", {}).get("tags", []):
            found = CHECK_CALL.findall("".join(cell["source"]))
            assert len(found) == 1, f"a solution cell in {path.name} should call check() once"
            ids += found
    return ids


@pytest.mark.parametrize("chapter", sorted(MINIMUM))
def test_each_chapter_has_its_exercises(chapter):
    assert len([i for i in IDS if i.startswith(f"{chapter}.")]) >= MINIMUM[chapter]


@pytest.mark.parametrize("exercise_id", IDS)
def test_expected_answer_is_computable(exercise_id):
    exercise = BANK[exercise_id]
    expected = exercise.expected()
    if exercise.kind == "number":
        assert math.isfinite(float(expected))
    elif exercise.kind == "choice":
        assert 0 <= expected < len(exercise.options)
    else:
        assert len(expected) > 0


@pytest.mark.parametrize("exercise_id", IDS)
def test_right_answer_passes_and_wrong_answers_get_ever_more_specific_hints(exercise_id):
    exercise = BANK[exercise_id]
    ex.reset(exercise_id)
    try:
        assert ex.check(exercise_id, _right(exercise)).correct
        first = ex.check(exercise_id, _wrong(exercise))
        assert not first.correct
        assert exercise.hints[0]["en"] in first.message
        second = ex.check(exercise_id, _wrong(exercise))
        assert exercise.hints[1]["en"] in second.message
        assert exercise.solution["en"] not in first.message + second.message
    finally:
        ex.reset(exercise_id)


ABSURD = [10**400, -(10**400), 10**5000, float("nan"), float("inf"), 1j, None, b"\xff",
          [["nested"]], {"a": 1}, "", "1e400"]


@pytest.mark.parametrize("exercise_id", IDS)
def test_absurd_answers_get_feedback_not_an_exception(exercise_id):
    """``check("0.1-mean-income", 10**400)`` used to raise OverflowError."""
    ex.reset(exercise_id)
    try:
        for answer in ABSURD:
            feedback = ex.check(exercise_id, answer)
            assert isinstance(feedback, ex.Feedback) and not feedback.correct, answer
            assert feedback.message.startswith(("Not yet.", "Please")), feedback.message
    finally:
        ex.reset(exercise_id)


@pytest.mark.parametrize("exercise_id", IDS)
def test_hints_and_solution_exist_in_english_and_dutch(exercise_id):
    exercise = BANK[exercise_id]
    assert len(exercise.hints) >= 2
    for text in [*exercise.hints, exercise.solution]:
        assert all(text[lang].strip() for lang in i18n.LANGUAGES)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_solution_cells_check_existing_exercises_of_their_chapter(path):
    chapter = str(int(path.name[:2]))
    for exercise_id in _solution_ids(path):
        ex.get(exercise_id)  # a KeyError names an unknown id
        assert exercise_id.split(".")[0] == chapter, (path.name, exercise_id)


def test_every_exercise_has_a_solution_cell_in_a_notebook():
    used = {i for path in NOTEBOOKS for i in _solution_ids(path)}
    assert sorted(set(IDS) - used) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_later_cell_uses_a_name_defined_only_in_a_solution_cell(path):
    """Student copies drop the solution cells, so nothing may depend on them."""
    defined_in_solutions: set[str] = set()
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        names = set(re.findall(r"^(\w+)\s*=", source, flags=re.M))
        if "solution" in cell.get("metadata", {}).get("tags", []):
            defined_in_solutions |= names
            continue
        defined_in_solutions -= names
        used = set(re.findall(r"\b(\w+)\b", source))
        assert not (used & defined_in_solutions), (path.name, used & defined_in_solutions)


def _box_ids() -> set[str]:
    found = set()
    for path in NOTEBOOKS:
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                found |= set(BOX_CALL.findall("".join(cell["source"])))
    return found


def test_every_multiple_choice_exercise_has_a_no_code_answer_box():
    """Issue 11: a multiple-choice question needs no code (an answer_box in its notebook)."""
    boxes = _box_ids()
    missing = [i for i in IDS if BANK[i].kind == "choice" and i not in boxes]
    assert not missing, f"choice exercises without an answer_box cell: {missing}"
    unknown = sorted(boxes - set(BANK))
    assert not unknown, f"answer boxes for exercises that do not exist: {unknown}"


def test_chapter_seven_asks_at_least_three_questions_that_are_not_numbers():
    """Issue 10: at least 10 exercises in chapter 7, at least 3 of them not numeric."""
    seven = [BANK[i] for i in IDS if i.startswith("7.")]
    assert len(seven) >= 10
    assert sum(e.kind != "number" for e in seven) >= 3
