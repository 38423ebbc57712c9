"""Tests for wijkwijs.exercises.ch0: the welcome's answers, checked by hand."""

from __future__ import annotations

import statistics
import subprocess
import sys

from wijkwijs import exercises as ex
from wijkwijs.examples.incomes import FIVE_BASE
from wijkwijs.exercises import ch0


def test_mean_income_by_hand():
    assert ex.get("0.1-mean-income").expected() == (20_000 + 30_000 + 70_000) / 3


def test_median_prediction_by_hand():
    # raising the richest of five incomes leaves the middle one where it is
    raised = sorted([*FIVE_BASE[:-1], ch0.RICHEST])
    assert statistics.median(raised) == statistics.median(FIVE_BASE)
    assert ex.get("0.3-predict-median").expected() == 2
    ex.reset("0.3-predict-median")
    assert ex.check("0.3-predict-median", "c").correct
    assert not ex.check("0.3-predict-median", "a").correct
    ex.reset("0.3-predict-median")


def test_what_connects_and_the_reflection():
    assert ex.get("0.2-what-connects").expected() == 2
    assert "social infrastructure" in ex.get("0.2-what-connects").options[2]["en"]
    assert ex.get_reflection("0.1-reflect").prompt["nl"]


def test_loading_the_bank_imports_no_view_library():
    code = ("import sys; from wijkwijs.exercises import ch0; ch0.median_change(); "
            "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'folium') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
