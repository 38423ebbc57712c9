"""Tests for wijkwijs.figures.paradox: the chapter's figures and the explorer's panels."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from wijkwijs.examples.paradox import run_scenario
from wijkwijs.figures import paradox as pxfig

SMALL = {"years": 4, "scale": 0.2}


def test_plot_trajectories_labels_and_marks():
    history, _ = run_scenario(seed=0, **SMALL)
    fig, ax = plt.subplots()
    assert pxfig.plot_trajectories(history, year=2, ax=ax) is fig
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("Year 2" in lab for lab in labels)
    np.testing.assert_allclose(ax.lines[0].get_ydata(), history.dissimilarity_city)
    plt.close(fig)


def test_plot_zone_map_colours_each_zone_by_its_share():
    _, zone_history = run_scenario(seed=0, **SMALL)
    fig, ax = plt.subplots()
    assert pxfig.plot_zone_map(zone_history, 3, "social_share", ax=ax) is fig
    coll = ax.collections[0]
    expected = zone_history.loc[zone_history.year == 3].sort_values("zone").social_share
    np.testing.assert_allclose(coll.get_array(), expected)
    assert coll.get_cmap().name == "cividis"
    assert ax.get_title() == "Social-rent share of households by zone, year 3"
    assert ax.get_xlabel() and ax.get_ylabel()
    texts = [t.get_text() for t in ax.texts]
    assert "Illustrative model city — schematic, not a real place" in texts
    plt.close(fig)


def test_plot_zone_map_rejects_bad_year_and_column():
    _, zone_history = run_scenario(seed=0, **SMALL)
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="year 99 is not in the data"):
        pxfig.plot_zone_map(zone_history, 99, ax=ax)
    with pytest.raises(ValueError, match="column 'price' is unknown"):
        pxfig.plot_zone_map(zone_history, 1, "price", ax=ax)
    plt.close(fig)


def test_plot_maps_by_year_and_shares():
    history, zone_history = run_scenario(seed=0, **SMALL)
    fig = plt.figure(layout="constrained")
    assert pxfig.plot_maps_by_year(zone_history, (0, 2, 4), ax=fig.subplots(1, 3)) is fig
    titles = [ax.get_title() for ax in fig.axes]
    assert titles[:3] == ["Year 0", "Year 2", "Year 4"]
    assert fig.get_suptitle() == "Low-income share (bottom third) by zone"
    plt.close(fig)
    fig, ax = plt.subplots()
    pxfig.plot_low_income_shares(history, ax=ax)
    assert len(ax.lines) == 2 and ax.get_ylabel()
    assert "Illustrative model — not a real city" in [t.get_text() for t in ax.texts]
    plt.close(fig)


def test_every_model_figure_says_it_is_an_illustrative_model():
    history, zone_history = run_scenario(seed=0, **SMALL)
    figures = (pxfig.plot_trajectories(history), pxfig.plot_low_income_shares(history),
               pxfig.plot_zone_map(zone_history, 1), pxfig.plot_maps_by_year(zone_history, (0, 4)))
    for fig in figures:
        texts = [t.get_text() for ax in fig.axes for t in ax.texts]
        assert any(t.startswith("Illustrative model") for t in texts)
        plt.close(fig)
    with pytest.raises(ValueError, match="where must be one of"):
        pxfig.mark_model(plt.figure().add_subplot(), "centre")
    plt.close("all")


def test_without_ax_each_plot_makes_its_own_figure():
    history, zone_history = run_scenario(seed=0, **SMALL)
    figures = [pxfig.plot_trajectories(history), pxfig.plot_low_income_shares(history),
               pxfig.plot_zone_map(zone_history, 1), pxfig.plot_maps_by_year(zone_history, (0, 4))]
    assert len({id(f) for f in figures}) == 4
    assert all(isinstance(f, Figure) for f in figures)
    assert len(figures[2].axes) == 2  # the map and its colour bar
    with pytest.raises(ValueError, match="one axis per year"):
        pxfig.plot_maps_by_year(zone_history, (0, 4), ax=[figures[0].axes[0]])
    for f in figures:
        plt.close(f)


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def _full_draw(history, zone_history, year) -> np.ndarray:
    fig = Figure(figsize=(8.0, 4.0))
    png = pxfig.ParadoxPanels(fig, dpi=60).show(history, zone_history, year)
    return _pixels(png)


def test_panels_redrawn_in_part_equal_a_full_draw():
    """Moving the year, or changing the run, gives the pixels of a fresh figure."""
    a = run_scenario(seed=0, **SMALL)
    b = run_scenario({"social_sales_per_year": 0}, seed=1, **SMALL)
    panels = pxfig.ParadoxPanels(Figure(figsize=(8.0, 4.0)), dpi=60)
    panels.show(*a, 2)
    for run, year in ((a, 0), (a, 4), (b, 4), (b, 1), (a, 3)):
        np.testing.assert_array_equal(_pixels(panels.show(*run, year)), _full_draw(*run, year))
    assert panels.year_label == "Year 3"
    assert panels.map_axes.get_title() == "Low-income share (bottom third) by zone"


def test_panels_start_again_for_a_run_of_other_years():
    panels = pxfig.ParadoxPanels(Figure(figsize=(8.0, 4.0)), dpi=60)
    panels.show(*run_scenario(seed=0, **SMALL), 2)
    longer = run_scenario(seed=0, years=6, scale=0.2)
    np.testing.assert_array_equal(_pixels(panels.show(*longer, 6)), _full_draw(*longer, 6))
    assert panels.trajectory_axes.get_xlim() == (0, 6)


def test_panels_follow_a_change_of_language():
    from wijkwijs import i18n

    run = run_scenario(seed=0, **SMALL)
    panels = pxfig.ParadoxPanels(Figure(figsize=(8.0, 4.0)), dpi=60)
    panels.show(*run, 2)
    i18n.set_language("nl")
    try:
        np.testing.assert_array_equal(_pixels(panels.show(*run, 3)), _full_draw(*run, 3))
        assert panels.trajectory_axes.get_xlabel() == "Jaren na de start"
    finally:
        i18n.set_language("en")
