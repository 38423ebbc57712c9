"""Tests for the chapter 5 exercise bank and the notebooks' solution cells."""

from __future__ import annotations

import subprocess
import sys

from wijkwijs import exercises as ex
from wijkwijs.exercises import ch5
from wijkwijs.models.ties import KINDS


def test_lifestyle_options_are_the_tie_models_kinds_in_order():
    assert list(ch5.KIND_OPTIONS) == list(KINDS)
    assert ex.get("5.2-lifestyle").options == list(ch5.KIND_OPTIONS.values())
    assert ex.get("5.2-lifestyle").expected() == list(KINDS).index("young_professional")


def test_loading_the_bank_imports_no_graph_or_view_library():
    code = ("import sys; from wijkwijs.exercises import ch5; "
            "print(sorted(m for m in ('networkx', 'matplotlib', 'ipywidgets', 'folium') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
