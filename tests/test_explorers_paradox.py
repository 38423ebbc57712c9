"""Tests for wijkwijs.explorers.paradox: the policy and year sliders of chapter 3."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from wijkwijs import i18n
from wijkwijs.examples import paradox as px
from wijkwijs.explorers.paradox import paradox_explorer


def test_explorer_year_slider_reuses_the_cached_run():
    px._cached_run.cache_clear()  # another test in this process may have run the scenarios
    ex = paradox_explorer()
    assert "wijkwijs-explorer" in ex.widget._dom_classes
    runs = px._cached_run.cache_info().misses
    ex.set(year=25)
    ex.set(year=5)
    assert px._cached_run.cache_info().misses == runs  # no new model run
    assert ex.updates == 3 and ex.plot_view.value[:4] == b"\x89PNG"
    ex.set(social_sales_per_year=0)
    assert px._cached_run.cache_info().misses == runs + 1


def test_explorer_shows_the_selected_run_and_year():
    ex = paradox_explorer({"protected_share": 1.0}, year=7)
    assert ex.controls["protected_share"].value == 1.0
    assert ex.panels.year_label == "Year 7"
    history, _ = px.run_scenario({"protected_share": 1.0})
    np.testing.assert_allclose(ex.panels.trajectory_axes.lines[0].get_ydata(),
                               history.dissimilarity_city)
    before = ex.plot_view.value
    ex.set(year=8)
    assert ex.plot_view.value != before
    image = Image.open(io.BytesIO(ex.plot_view.value))
    assert image.size == (990, 414)  # 11 × 4.6 inches at 90 dpi
    assert ex.last_update_seconds > 0


def test_policy_sliders_run_the_model_on_release():
    ex = paradox_explorer()
    assert not any(ex.controls[lever].continuous_update for lever in px.LEVERS)
    assert ex.controls["year"].continuous_update


def test_explorer_labels_in_dutch():
    i18n.set_language("nl")
    try:
        ex = paradox_explorer()
        assert ex.controls["protected_share"].description == "Beschermd deel sociale huur"
    finally:
        i18n.set_language("en")


def test_all_paradox_keys_have_both_languages():
    for key in (k for k in i18n.keys() if k.startswith("paradox.")):
        for lang in i18n.LANGUAGES:
            i18n.set_language(lang)
            assert i18n.t(key)
    i18n.set_language("en")
