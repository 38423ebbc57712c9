"""Tests for the chapter 2 exercise bank and the notebooks' use of it."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from wijkwijs import exercises as ex
from wijkwijs import havenstad_views as hv
from wijkwijs import i18n
from wijkwijs.data import havenstad_dwellings, havenstad_neighbourhoods

CHAPTERS = Path(__file__).resolve().parent.parent / "chapters"
NOTEBOOKS = sorted(CHAPTERS.glob("02_*.ipynb"))
IDS = sorted(k for k in ex.all_exercises() if k.startswith("2."))
WRONG = {"number": -12345.0, "choice": 0, "set": ["nothing"], "text": "Atlantis"}
LETTERS = "abcdefgh"


def test_there_are_at_least_eight_exercises():
    assert len(IDS) >= 8
    assert {ex.get(i).kind for i in IDS} >= {"number", "choice", "text"}


@pytest.mark.parametrize("exercise_id", IDS)
def test_expected_answer_is_computable_and_computed(exercise_id):
    exercise = ex.get(exercise_id)
    expected = exercise.expected()
    assert expected is not None
    if exercise.kind == "number":
        assert callable(exercise.answer)
        assert math.isfinite(float(expected))


@pytest.mark.parametrize("exercise_id", IDS)
def test_correct_answer_passes_and_wrong_answer_gets_first_hint(exercise_id):
    exercise = ex.get(exercise_id)
    ex.reset(exercise_id)
    expected = exercise.expected()
    if exercise.kind == "text":
        answer = expected[0]
    elif exercise.kind == "choice":
        answer = LETTERS[expected]
    else:
        answer = expected
    assert ex.check(exercise_id, answer).correct
    wrong = WRONG[exercise.kind]
    if exercise.kind == "choice" and expected == 0:
        wrong = 1
    feedback = ex.check(exercise_id, wrong)
    assert not feedback.correct
    assert exercise.hints[0]["en"] in feedback.message
    feedback = ex.check(exercise_id, wrong)
    assert exercise.hints[1]["en"] in feedback.message  # hints get more specific
    ex.reset(exercise_id)


@pytest.mark.parametrize("exercise_id", IDS)
def test_hints_and_solutions_exist_in_english_and_dutch(exercise_id):
    exercise = ex.get(exercise_id)
    assert len(exercise.hints) >= 2
    for text in [*exercise.hints, exercise.solution]:
        assert all(text[lang].strip() for lang in i18n.LANGUAGES)


def test_toy_answers_are_the_hand_computed_values():
    # x = (2, 2, 0) low-income of t = (4, 3, 3): D = 1/2 (1/6 + 2/6 + 3/6) = 1/2
    assert ex.get("2.1-toy-d").expected() == pytest.approx(0.5)
    assert ex.get("2.1-toy-movers").expected() == pytest.approx(2.0)
    assert ex.get("2.1-toy-isolation").expected() == pytest.approx(0.25 + 1 / 3)

    def entropy(p):
        return -sum(q * math.log(q) for q in (p, 1 - p) if q > 0)

    city = entropy(0.4)
    theil = (4 * (city - entropy(0.5)) + 3 * (city - entropy(2 / 3)) + 3 * city) / (10 * city)
    assert ex.get("2.1-toy-theil").expected() == pytest.approx(theil)


def test_multigroup_answer_matches_the_hand_formula():
    # bands (low, middle, high) per buurt: Noord (2,1,1), Zuid (2,1,0), Oost (0,1,2)
    def entropy(counts):
        n = sum(counts)
        return -sum(c / n * math.log(c / n) for c in counts if c)

    units = [(2, 1, 1), (2, 1, 0), (0, 1, 2)]
    city = entropy((4, 3, 3))
    h = sum(sum(u) * (city - entropy(u)) for u in units) / (10 * city)
    assert ex.get("2.1-multigroup-h").expected() == pytest.approx(h)


def test_checkerboard_answer_matches_the_count_of_neighbour_pairs():
    # 6 x 6 grid, queen contiguity: 60 edge pairs (differ by 0.6), 50 corner pairs (equal)
    assert ex.get("2.3-checkerboard").expected() == pytest.approx(0.6 - 0.6 * 60 / 110)


def test_havenstad_answers_agree_with_independent_computations():
    panel_d = hv.group_trend("buurt").set_index("year")["bottom_10"]
    assert ex.get("2.3-bottom-10-change").expected() == pytest.approx(panel_d[2022] - panel_d[2011])
    assert ex.get("2.3-bottom-10-change").expected() > 0  # the story of the course
    assert ex.get("2.3-wijk-d").expected() < panel_d[2022]  # coarser units, lower D
    # the buurt with most social rent, straight from the dwelling table
    stock = havenstad_dwellings(2022)
    stock = stock[stock["buurt_code"].str.startswith("BU9901")]
    top = stock.loc[(stock["social_rent"] / stock["total"]).idxmax(), "buurt_code"]
    names = havenstad_neighbourhoods().set_index("code")["name"]
    assert ex.get("2.2-social-rent-buurt").expected() == [names[top]]
    assert 0 < ex.get("2.4-residual-share").expected() < 1


def test_choice_accepts_letters_and_option_text():
    assert ex.check("2.1-read-d", "b").correct
    assert ex.check("2.3-most-separated", "top 1%").correct


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_solution_cells_reference_existing_ids(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for cell in nb["cells"]:
        if "solution" in cell.get("metadata", {}).get("tags", []):
            ids = re.findall(r"""check\(\s*["']([^"']+)["']""", "".join(cell["source"]))
            assert len(ids) == 1, f"a solution cell in {path.name} should call check() once"
            found.extend(ids)
    assert found, f"{path.name} has no exercises"
    for exercise_id in found:
        ex.get(exercise_id)  # raises KeyError for an unknown id


def test_every_chapter_two_exercise_is_used_in_a_notebook():
    assert len(NOTEBOOKS) == 4
    text = "".join(p.read_text(encoding="utf-8") for p in NOTEBOOKS)
    assert [i for i in IDS if f'\\"{i}\\"' not in text and f"'{i}'" not in text] == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_later_cell_uses_a_name_defined_only_in_a_solution_cell(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    defined_in_solutions: set[str] = set()
    for cell in nb["cells"]:
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
