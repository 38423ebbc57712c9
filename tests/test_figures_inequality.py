"""Tests for wijkwijs.figures.inequality: labelled figures with the right content."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from wijkwijs import i18n
from wijkwijs.figures.inequality import (
    lorenz_points,
    plot_city_gini,
    plot_gini_series,
    plot_lorenz,
    plot_mean_median,
    plot_theil_decomposition,
    plot_top_share_trends,
    plot_top_shares_by_region,
)
from wijkwijs.inequality import theil_decomposition
from wijkwijs.published import published, world_top_shares

SYNTHETIC = "Synthetic city — not a real place"


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
    fig = plot_lorenz({"five": [12, 18, 24, 36, 60]}, shade_first=True)
    ax = fig.axes[0]
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert len(ax.collections) == 1  # the shaded area
    line = ax.get_lines()[1]
    assert np.allclose(line.get_ydata(), [0, 0.08, 0.2, 0.36, 0.6, 1])
    i18n.set_language("nl")
    try:
        assert plot_lorenz({"x": [1, 2]}).axes[0].get_title() == "Lorenzcurve"
    finally:
        i18n.set_language("en")
    with pytest.raises(ValueError, match="curves"):
        plot_lorenz({})


def test_gini_series_plot_draws_both_series_and_marks_provisional_year():
    ax = plot_gini_series(published("nl_inequality")).axes[0]
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["2022: provisional"]
    with pytest.raises(ValueError, match="lacks"):
        plot_gini_series(published("city_gini"))


def test_city_gini_plot_and_theil_plot():
    ax = plot_city_gini(published("city_gini")).axes[0]
    assert sorted(round(p.get_width(), 2) for p in ax.patches) == [0.29, 0.34, 0.35, 0.37]
    d = theil_decomposition([1, 2, 3, 6], ["a", "a", "b", "b"])
    ax = plot_theil_decomposition({"demo": d}).axes[0]
    assert ax.get_title() and ax.get_xlabel() == "Year" and ax.get_ylabel()
    heights = [p.get_height() for p in ax.patches]
    assert heights == pytest.approx([d.between, d.within])


def test_every_plot_returns_its_figure_with_or_without_ax():
    from matplotlib.figure import Figure

    d = theil_decomposition([1, 2, 3, 6], ["a", "a", "b", "b"])
    calls = [lambda ax: plot_mean_median([1, 2, 3], ax=ax),
             lambda ax: plot_lorenz({"x": [1, 2, 3]}, ax=ax),
             lambda ax: plot_gini_series(published("nl_inequality"), ax=ax),
             lambda ax: plot_city_gini(published("city_gini"), ax=ax),
             lambda ax: plot_theil_decomposition({"demo": d}, ax=ax),
             lambda ax: plot_top_shares_by_region(world_top_shares(), ax=ax),
             lambda ax: plot_top_share_trends(world_top_shares(), ax=ax)]
    for call in calls:
        assert isinstance(call(None), Figure)
        fig = Figure()
        ax = fig.subplots()
        assert call(ax) is fig
        assert ax.get_title()


def test_mean_median_plot_marks_both_lines():
    ax = plot_mean_median([15_000, 22_000, 30_000, 38_000, 100_000]).axes[0]
    assert [line.get_label() for line in ax.get_lines()] == ["Mean: €41,000", "Median: €30,000"]
    assert len(ax.patches) == 5


def _texts(ax):
    return [t.get_text() for t in ax.texts]


def test_havenstad_figures_can_say_on_the_figure_that_the_city_is_synthetic():
    d = theil_decomposition([1, 2, 3, 6], ["a", "a", "b", "b"])
    assert SYNTHETIC not in _texts(plot_lorenz({"x": [1, 2, 3]}).axes[0])
    assert SYNTHETIC in _texts(plot_lorenz({"x": [1, 2, 3]}, synthetic=True).axes[0])
    assert SYNTHETIC not in _texts(plot_theil_decomposition({"d": d}).axes[0])
    assert SYNTHETIC in _texts(plot_theil_decomposition({"d": d}, synthetic=True).axes[0])


def test_regions_plot_draws_the_latest_year_of_the_group_with_rounded_shares_marked():
    shares = world_top_shares()
    ax = plot_top_shares_by_region(shares).axes[0]
    rows = shares[(shares.group == "top_10") & (shares.year == shares[
        shares.group == "top_10"].year.max())]
    assert sorted(p.get_width() for p in ax.patches) == sorted(rows.share_pct)
    labels = [
        t.get_text() for t in ax.texts if t.get_text().endswith("%")]
    assert sum(label.startswith("≈") for label in labels) == int(rows.approximate.sum())
    assert str(rows.year.max()) in ax.get_title()
    i18n.set_language("nl")
    try:
        ax = plot_top_shares_by_region(shares).axes[0]
        assert "Wereld" in [t.get_text() for t in ax.get_yticklabels()]
    finally:
        i18n.set_language("en")
    with pytest.raises(ValueError, match="no rows of group"):
        plot_top_shares_by_region(shares, group="top_5")
    with pytest.raises(ValueError, match="lacks"):
        plot_top_shares_by_region(published("city_gini"))


def test_trends_plot_draws_each_region_with_several_years_at_its_published_points():
    shares = world_top_shares()
    ax = plot_top_share_trends(shares, group="top_1").axes[0]
    top1 = shares[shares.group == "top_1"]
    several = top1.groupby("region").year.nunique().loc[lambda n: n >= 2].index
    assert sorted(line.get_label() for line in ax.get_lines()) == sorted(several)
    for line in ax.get_lines():
        rows = top1[top1.region == line.get_label()].sort_values("year")
        assert list(line.get_ydata()) == list(rows.share_pct)
    one_year = shares[shares.group == "top_10"]
    with pytest.raises(ValueError, match="two or more years"):
        plot_top_share_trends(one_year[one_year.year == one_year.year.max()], group="top_10")
