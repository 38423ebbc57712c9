"""Tests for wijkwijs.explorers.restructuring: the homes slider and zone menu of chapter 4."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from wijkwijs.explorers.restructuring import (
    EXPLORER_RUN,
    restructuring_controls,
    restructuring_explorer,
)
from wijkwijs.models import paradox


def test_explorer_shows_the_chosen_run():
    ex = restructuring_explorer(40, "outer-1")
    assert "wijkwijs-explorer" in ex.widget._dom_classes
    run = paradox.run_restructuring("outer-1", 40, **EXPLORER_RUN)
    np.testing.assert_allclose(ex.panels.trajectory_axes.lines[2].get_ydata(),
                               run.history.dissimilarity_city)
    before = ex.plot_view.value
    ex.set(zone="inner-4")
    assert ex.plot_view.value != before and ex.updates == 2
    run = paradox.run_restructuring("inner-4", 40, **EXPLORER_RUN)
    np.testing.assert_allclose(ex.panels.map_axes.collections[0].get_array(),
                               np.bincount(run.moves.to_zone, minlength=20) / len(run.moves))
    assert Image.open(io.BytesIO(ex.plot_view.value)).size == (880, 384)  # 11 × 4.8 in, 80 dpi
    assert ex.last_update_seconds > 0


def test_a_repeated_setting_runs_no_model():
    ex = restructuring_explorer(30, "outer-6")
    misses = paradox._restructured.cache_info().misses
    ex.set(homes=20)
    ex.set(homes=30)
    assert paradox._restructured.cache_info().misses == misses + 1


def test_controls_are_native_and_keyboard_usable():
    c = restructuring_controls()
    assert type(c["homes"]).__name__ == "IntSlider" and not c["homes"].continuous_update
    assert type(c["zone"]).__name__ == "Dropdown"
    assert c["homes"].description and c["zone"].description
    with pytest.raises(ValueError, match="unknown zone"):
        restructuring_controls(10, "suburb-1")
