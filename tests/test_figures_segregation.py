"""Tests for wijkwijs.figures.segregation: every figure is titled, labelled and returned."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

from wijkwijs.figures import segregation as segfig
from wijkwijs.havenstad import overall
from wijkwijs.havenstad import views as hv
from wijkwijs.opendata import municipalities


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _labelled(fig):
    axes = [ax for ax in fig.axes if ax.get_title() or ax.get_xlabel()]
    assert axes
    return axes


@pytest.mark.parametrize("make", [
    segfig.plot_toy_city, segfig.plot_group_trend, segfig.plot_profiles,
    segfig.plot_residualisation, segfig.plot_checkerboards, segfig.plot_group_maps,
    segfig.plot_low_high_paradox, segfig.plot_gini_segregation,
])
def test_figures_have_titles(make):
    fig = make()
    assert any(ax.get_title() for ax in _labelled(fig)) or fig.get_suptitle()
    plt.close(fig)


def test_trend_and_profile_figures_label_their_axes():
    for make in (segfig.plot_group_trend, segfig.plot_profiles, segfig.plot_residualisation):
        fig = make()
        ax = fig.axes[0]
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
        plt.close(fig)


@pytest.mark.parametrize("make, panels", [
    (segfig.plot_toy_city, 1), (segfig.plot_group_trend, 1), (segfig.plot_profiles, 1),
    (segfig.plot_residualisation, 1),
    (lambda ax: segfig.plot_index_trend("low", ax=ax), 1),
    (lambda ax: segfig.plot_group_map("low", 2011, ax=ax), 1),
    (segfig.plot_checkerboards, 2), (segfig.plot_group_maps, 5),
    (segfig.plot_low_high_paradox, 2), (segfig.plot_gini_segregation, 2),
])
def test_with_ax_every_figure_draws_there_and_returns_its_figure(make, panels):
    fig = Figure()
    axes = list(np.atleast_1d(fig.subplots(1, panels)))
    assert make(ax=axes if panels > 1 else axes[0]) is fig
    assert all(ax.has_data() or ax.texts for ax in axes)


def test_trend_lines_are_the_views_numbers():
    fig = segfig.plot_group_trend(("bottom_10",), scale="wijk", area="metro")
    line = fig.axes[0].get_lines()[0]
    trend = hv.group_trend(scale="wijk", area="metro")
    assert np.allclose(line.get_ydata(), trend["bottom_10"])
    assert "Wijken of city and suburbs" in fig.axes[0].get_title()


def test_map_colours_the_shares_and_says_synthetic():
    fig = segfig.plot_group_map("top_1", 2022, scale="wijk")
    ax = fig.axes[0]
    shares = hv.group_shares(2022, scale="wijk").set_index("code")["top_1"]
    _, owners, codes = segfig.map_geometry(scale="wijk")
    values = np.asarray(ax.collections[0].get_array())
    assert np.allclose(values, shares.reindex(list(codes)).to_numpy()[owners])
    highest = hv.group_shares(scale="wijk")["top_1"].max()  # over all years
    assert ax.collections[0].norm.vmax == pytest.approx(highest)
    assert any("Synthetic city" in t.get_text() for t in ax.texts)


@pytest.mark.parametrize("call, message", [
    (lambda: segfig.plot_group_map("low", 2030), "year 2030"),
    (lambda: segfig.plot_group_map("poor", 2022), "group 'poor'"),
    (lambda: segfig.plot_group_map("low", 2022, scale="metro"), "area, not a scale"),
    (lambda: segfig.plot_group_map("low", 2022, colorbar="left"), "colorbar 'left'"),
    (lambda: segfig.plot_index_trend("low", index="gini"), "index 'gini'"),
    (lambda: segfig.plot_group_trend(scale="gemeente"), "single unit"),
    (lambda: segfig.plot_checkerboards(ax=[plt.subplots()[1]]), "2 panels"),
    (lambda: segfig.plot_gini_segregation(("scale",)), "indicator 'scale'"),
    (lambda: segfig.plot_low_high_paradox(ax=[plt.subplots()[1]]), "2 panels"),
])
def test_bad_input_is_named(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def _says_synthetic(ax) -> bool:
    return any("Synthetic city" in t.get_text() for t in ax.texts)


@pytest.mark.parametrize("make", [
    segfig.plot_group_trend, segfig.plot_profiles, segfig.plot_residualisation,
    lambda: segfig.plot_index_trend("low", 2015), lambda: segfig.plot_group_map("low", 2011),
    segfig.plot_group_maps, segfig.plot_low_high_paradox,
])
def test_every_havenstad_figure_says_synthetic_on_every_panel(make):
    fig = make()
    panels = [ax for ax in fig.axes if ax.get_title() or ax.collections or ax.lines]
    panels = [ax for ax in panels if ax.get_label() != "<colorbar>"]
    assert panels and all(_says_synthetic(ax) for ax in panels)


def test_real_data_figures_do_not_say_synthetic():
    for make in (segfig.plot_gini_segregation, segfig.plot_checkerboards, segfig.plot_toy_city):
        fig = make()
        assert not any(_says_synthetic(ax) for ax in fig.axes)


def test_paradox_figure_draws_the_overall_numbers():
    fig = segfig.plot_low_high_paradox()
    trend = overall.low_high_trend()
    city, metro = fig.axes[0].get_lines()[:2]
    assert np.allclose(city.get_ydata(), trend["D_city"])
    assert np.allclose(metro.get_ydata(), trend["D_metro"])
    heights = [bar.get_height() for bar in fig.axes[1].patches]
    assert heights == overall.suburb_moves()["from_city"].tolist()


def test_gini_scatter_draws_every_municipality_with_a_gini():
    fig = segfig.plot_gini_segregation(("intensity",), min_inhabitants=50_000)
    frame = municipalities.gini_segregation_frame(min_inhabitants=50_000)
    points = fig.axes[0].collections[0].get_offsets()
    assert np.allclose(points, frame[["gini", "intensity"]].to_numpy())
    assert f"({len(frame)} " in fig.axes[0].get_title()
