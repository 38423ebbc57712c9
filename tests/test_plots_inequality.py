"""Tests for wijkwijs.figures.inequality: labelled figures with the right content."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from wijkwijs import i18n
from wijkwijs.published import published
from wijkwijs.inequality import theil_decomposition
from wijkwijs.figures.inequality import (
    city_gini_plot,
    gini_series_plot,
    lorenz_plot,
    lorenz_points,
    theil_decomposition_plot,
)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_lorenz_points_resample_large_data_on_the_curve():
    x = np.arange(1, 10_001, dtype=float)
    p, s = lorenz_points(x, max_points=101)
    assert p.size == 101
    # the exact Lorenz curve of 1..n at p is about p^2
    assert s[50] == pytest.approx(0.25, abs=1e-3)


def test_lorenz_plot_labels_shading_and_language():
    ax = lorenz_plot({"five": [12, 18, 24, 36, 60]}, shade_first=True)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert len(ax.collections) == 1  # the shaded area
    line = ax.get_lines()[1]
    assert np.allclose(line.get_ydata(), [0, 0.08, 0.2, 0.36, 0.6, 1])
    i18n.set_language("nl")
    try:
        assert lorenz_plot({"x": [1, 2]}).get_title() == "Lorenzcurve"
    finally:
        i18n.set_language("en")
    with pytest.raises(ValueError, match="curves"):
        lorenz_plot({})


def test_gini_series_plot_draws_both_series_and_marks_provisional_year():
    ax = gini_series_plot(published("nl_inequality"))
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["2022: provisional"]
    with pytest.raises(ValueError, match="lacks"):
        gini_series_plot(published("city_gini"))


def test_city_gini_plot_and_theil_plot():
    ax = city_gini_plot(published("city_gini"))
    assert sorted(round(p.get_width(), 2) for p in ax.patches) == [0.29, 0.34, 0.35, 0.37]
    d = theil_decomposition([1, 2, 3, 6], ["a", "a", "b", "b"])
    ax = theil_decomposition_plot({"demo": d})
    assert ax.get_title() and ax.get_xlabel() == "Year" and ax.get_ylabel()
    heights = [p.get_height() for p in ax.patches]
    assert heights == pytest.approx([d.between, d.within])
