"""Tests for wijkwijs.explorers.continuity: the funding explorer of chapter 7.2."""

from __future__ import annotations

import io

import ipywidgets as w
import numpy as np
import pytest
from PIL import Image

from wijkwijs import i18n
from wijkwijs.explorers.continuity import (
    CONTINUITY_LIMITS,
    DEFAULTS,
    continuity_explorer,
    explorer_parameters,
)
from wijkwijs.models.continuity import FUNDING_DEFAULTS, compare_funding_runs, scenario_totals


def test_sliders_only_labelled_and_starting_at_the_model_defaults():
    ex = continuity_explorer(runs=4)
    assert "wijkwijs-explorer" in ex.widget._dom_classes
    controls = list(ex.controls.values())
    assert all(isinstance(c, (w.IntSlider, w.FloatSlider)) for c in controls)  # sliders first
    assert all(c.description and c.tooltip == c.description for c in controls)
    assert ex.values() == pytest.approx(DEFAULTS)
    assert ex.values()["project_turnover"] == FUNDING_DEFAULTS["project"]["turnover_per_cycle"]
    assert ex.updates == 1 and ex.plot_view.value[:4] == b"\x89PNG"
    assert Image.open(io.BytesIO(ex.plot_view.value)).size == (850, 297)  # 10 × 3.5 in at 85 dpi


def test_lines_and_table_are_the_model_for_the_slider_values():
    ex = continuity_explorer(runs=6, seed=3)
    ex.set(project_turnover=0.2, project_cycle=3, trust_reset=0.5)
    expected = compare_funding_runs(runs=6, seed=3, **explorer_parameters(**ex.values()))
    lines = ex.panels.lines
    np.testing.assert_allclose(lines[("referrals", "project")].get_ydata(),
                               expected[("referrals", "project")].cumsum())
    np.testing.assert_allclose(lines[("initiatives_alive", "structural")].get_ydata(),
                               expected[("initiatives_alive", "structural")])
    totals = scenario_totals(expected)
    assert f"{totals.loc['referrals', 'project']:.1f}" in ex.table_view.value
    assert ex.updates == 2  # three sliders set at once: one redraw


def test_axes_stay_fixed_and_the_lines_stay_inside_them():
    ex = continuity_explorer(runs=8)
    for values in ({"project_turnover": 0.0, "structural_turnover": 0.0,
                    "survival_without_contact": 0.9, "trust_reset": 0.0},
                   {"project_turnover": 1.0, "project_cycle": 1, "project_renewal": 0.5}):
        ex.set(**values)
        for (measure, _), line in ex.panels.lines.items():
            assert np.max(line.get_ydata()) <= CONTINUITY_LIMITS[measure]
        assert [ax.get_ylim()[1] for ax in ex.panels.axes] == list(CONTINUITY_LIMITS.values())


def test_project_set_like_structural_gives_the_same_lines():
    ex = continuity_explorer(runs=4, project_turnover=0.1, project_cycle=1, project_renewal=1.0)
    for measure in ("residents_reached", "referrals", "initiatives_alive"):
        np.testing.assert_array_equal(ex.panels.lines[(measure, "project")].get_ydata(),
                                      ex.panels.lines[(measure, "structural")].get_ydata())


def test_dutch_labels_and_unknown_sliders():
    i18n.set_language("nl")
    try:
        ex = continuity_explorer(runs=2)
        assert ex.controls["project_cycle"].description == "Project: jaren per financieringsronde"
        assert "Doorverwijzingen (totaal)" in ex.table_view.value
    finally:
        i18n.set_language("en")
    with pytest.raises(ValueError, match="unknown slider"):
        continuity_explorer(budget=3)
