"""Tests for wijkwijs.exercises.ch3: answers recomputed by another route, feedback right."""

from __future__ import annotations

import pytest

from wijkwijs import exercises as ex
from wijkwijs import i18n
from wijkwijs.examples import paradox as px
from wijkwijs.exercises import ch3


def test_hints_in_dutch():
    ex.reset("3.1-predict-low-point")
    i18n.set_language("nl")
    try:
        feedback = ex.check("3.1-predict-low-point", "d")
        assert feedback.message.startswith("Nog niet.")
        assert "Voorspel eerst" in feedback.message
    finally:
        i18n.set_language("en")
        ex.reset("3.1-predict-low-point")


def test_hand_computed_dissimilarity():
    # shares low 0.6, 0.3, 0.1 vs high 0.1, 0.3, 0.6: D = (0.5 + 0 + 0.5) / 2
    assert ex.get("3.1-dissimilarity-hand").expected() == pytest.approx(0.5)
    assert sum(ch3.HAND_LOW) == sum(ch3.HAND_HIGH) == 100


def test_predictions_agree_with_the_run_read_directly():
    history = px.run_scenario(px.DEFAULT_POLICY, seed=ch3.SEED)[0]
    city = history.dissimilarity_city.to_numpy()
    low_year = int(city.argmin())  # years are 0..30, so the position is the year
    option = ex.get("3.1-predict-low-point").expected()
    assert option == (3 if low_year == 30 else min(max(low_year - 1, 0) // 10, 2))
    metro_year = int(history.dissimilarity_metro.to_numpy().argmin())
    timing = ex.get("3.1-predict-region-timing").expected()
    assert timing == (0 if metro_year < low_year else 1 if metro_year == low_year else 2)
    protective = px.run_scenario(px.PROTECTIVE_POLICY, seed=ch3.SEED)[0].dissimilarity_city
    rise = protective.iloc[-1] - protective.min()
    assert (ex.get("3.2-predict-protective").expected() == 2) == (rise <= 0.01)


def test_the_chapters_readings_hold():
    # the story the solutions tell: the paradox, the region turning later, protection working
    assert ex.get("3.1-predict-low-point").expected() == 0
    assert ex.get("3.1-predict-region-timing").expected() == 2
    assert ex.get("3.2-predict-protective").expected() == 2
    assert ex.get("3.2-strongest-lever").expected() == 0
    assert ex.get("3.2-most-low-income-kept").expected() == 3
    assert 0 < ch3.displaced_protective_as_percent_of_default() < 10


def test_rent_regulation_reading_follows_the_split_of_the_displaced():
    seeds = (0, 1, 2)
    default = px.displacement_summary(px.DEFAULT_POLICY, seeds=seeds)
    regulated = px.displacement_summary({"rent_regulation": px.LEVER_STEP["rent_regulation"]},
                                        seeds=seeds)
    reading = ex.get("3.2-rent-regulation-reading").expected()
    if reading == 1:
        assert regulated["from_city"] < default["from_city"]
        assert regulated["from_suburbs"] > default["from_suburbs"]
    # the totals are the model's own count, split without loss
    for s in (default, regulated):
        assert s["from_city"] + s["from_suburbs"] == pytest.approx(s["displaced"])


def test_conceptual_choices_are_fixed_and_the_reflections_exist():
    assert ex.get("3.1-read-the-fall").expected() == 1
    assert ex.get("3.1-model-limits").expected() == 1
    assert "bottom-10 %" in ex.get("3.1-model-limits").options[1]["en"]
    for rid in ("3.1-reflect", "3.2-reflect"):
        assert ex.get_reflection(rid).model_answer["nl"]


def test_loading_the_bank_imports_no_view_or_graph_library():
    import subprocess
    import sys

    code = ("import sys; from wijkwijs.exercises import ch3; ch3.default_summary(); "
            "print(sorted(m for m in ('networkx', 'matplotlib', 'ipywidgets', 'folium') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
