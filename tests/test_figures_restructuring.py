"""Tests for wijkwijs.figures.restructuring: Havenstad's demolition moves and the model panels."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from wijkwijs import i18n
from wijkwijs.figures import restructuring as rf
from wijkwijs.havenstad import restructuring as hr
from wijkwijs.models.paradox import run_restructuring


@pytest.fixture(scope="module")
def run():
    return run_restructuring("inner-3", 50, seed=0, scale=0.3, years=6, year=3)


def test_destinations_figure_shows_the_table_and_says_synthetic():
    table = hr.demolition_destinations()
    fig = rf.plot_demolition_destinations(table)
    ax = fig.axes[0]
    widths = np.array([p.get_width() for p in ax.patches]).reshape(3, -1)
    # the bars are the table: one row of bars per income group, the destinations reversed
    np.testing.assert_array_equal(widths, table.to_numpy()[:, :])
    assert any("Synthetic" in t.get_text() for t in ax.texts)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    plt.close(fig)


def test_destinations_figure_rejects_another_table():
    with pytest.raises(ValueError, match="demolition_destinations"):
        rf.plot_demolition_destinations(hr.demolition_destinations("to_tenure"))


def test_trajectories_draw_both_runs(run):
    fig = rf.plot_restructuring_trajectories(run)
    lines = fig.axes[0].lines
    np.testing.assert_allclose(lines[2].get_ydata(), run.history.dissimilarity_city)
    np.testing.assert_allclose(lines[0].get_ydata(), run.baseline.dissimilarity_city)
    assert lines[4].get_xdata()[0] == run.year  # the demolition marker
    assert any("model" in t.get_text() for t in fig.axes[0].texts)
    plt.close(fig)


def test_map_colours_are_the_arrival_shares(run):
    fig = rf.plot_displaced_map(run)
    values = fig.axes[0].collections[0].get_array()
    counts = np.bincount(run.moves.to_zone, minlength=20)
    np.testing.assert_allclose(values, counts / counts.sum())
    text = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert f"{len(run.moves)} households displaced" in text
    plt.close(fig)


def test_panels_update_equals_a_fresh_draw(run):
    other = run_restructuring("outer-2", 30, seed=0, scale=0.3, years=6, year=3)
    panels = rf.RestructuringPanels(Figure(figsize=(11.0, 4.8)), dpi=60)
    panels.show(run)
    updated = panels.show(other)
    fresh = rf.RestructuringPanels(Figure(figsize=(11.0, 4.8)), dpi=60).show(other)
    a = np.asarray(Image.open(io.BytesIO(updated)), dtype=int)
    b = np.asarray(Image.open(io.BytesIO(fresh)), dtype=int)
    assert a.shape == b.shape
    assert np.abs(a - b).max() <= 2  # antialiasing only


def test_panels_redraw_in_the_other_language(run):
    panels = rf.RestructuringPanels(Figure(figsize=(11.0, 4.8)), dpi=60)
    panels.show(run)
    try:
        i18n.set_language("nl")
        panels.show(run)
        assert panels.map_axes.get_title() == i18n.t("restr4.map_title")
        assert panels.map_axes.get_title().startswith("Waar")
    finally:
        i18n.set_language("en")


def test_bad_run_raises():
    with pytest.raises(ValueError, match="RestructuringRun"):
        rf.plot_displaced_map({"zone": "inner-1"})


def test_buurt_figures_draw_the_history_and_say_synthetic():
    h = hr.buurt_history()
    fig = rf.plot_buurt_stock(h)
    ax = fig.axes[0]
    heights = np.array([p.get_height() for p in ax.patches]).reshape(3, -1)
    np.testing.assert_array_equal(heights, h[["social_rent", "private_rent",
                                              "owner_occupied"]].to_numpy().T)
    assert any("Synthetic" in t.get_text() for t in ax.texts)
    plt.close(fig)
    fig = rf.plot_buurt_composition(h)
    ax = fig.axes[0]
    np.testing.assert_allclose(ax.lines[0].get_ydata(), h.low)
    assert any("Synthetic" in t.get_text() for t in ax.texts)
    plt.close(fig)
    with pytest.raises(ValueError, match="buurt_history"):
        rf.plot_buurt_stock(h.drop(columns="social_rent"))
