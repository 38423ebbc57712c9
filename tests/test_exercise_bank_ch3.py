"""Tests for wijkwijs.exercises.ch3: answers computable, feedback right, notebooks
refer to existing exercises."""

from __future__ import annotations

import pytest

from wijkwijs import exercises as ex
from wijkwijs import i18n
from wijkwijs.exercises import ch3


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


def test_loading_the_bank_imports_no_view_or_graph_library():
    import subprocess
    import sys

    code = ("import sys; from wijkwijs.exercises import ch3; ch3.default_summary(); "
            "print(sorted(m for m in ('networkx', 'matplotlib', 'ipywidgets', 'folium') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
