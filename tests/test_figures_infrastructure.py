"""Tests for wijkwijs.figures.infrastructure: every plot returns its figure, draws into a
given axis, says synthetic on Havenstad's figures, and shows the numbers it is given;
the explorers' in-place figures match the data they are handed."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from wijkwijs import i18n
from wijkwijs.figures import NotebookFigure
from wijkwijs.figures import infrastructure as fig6
from wijkwijs.havenstad import infrastructure as hi
from wijkwijs.havenstad.constants import ORGANISATION_TYPES
from wijkwijs.models.growth import simulate_growth

YEAR = 2019


def _texts(fig):
    return [t.get_text() for ax in fig.axes for t in ax.texts]


@pytest.fixture(scope="module")
def havenstad_figures():
    inventory = hi.inventory_by_buurt(YEAR)
    scores = hi.bridging_by_organisation(YEAR)
    edges = hi.referral_edges(YEAR)
    return [
        fig6.plot_type_counts(inventory, YEAR),
        fig6.plot_mix_and_reach(inventory, hi.reach_by_buurt(YEAR), YEAR, label=["Perenlaan"]),
        fig6.plot_reach_by_income_group(hi.reach_by_income_group(YEAR)),
        fig6.plot_bridging_by_type(scores, YEAR, highlight=int(scores.index[0])),
        fig6.plot_member_profile(hi.member_profile(358, "background"), "Sternhof"),
        fig6.plot_shared_place_ties(hi.ties_by_shared_place()),
        fig6.plot_brokers(hi.referral_brokerage(YEAR), YEAR),
        fig6.plot_referral_network(edges, hi.service_ids(YEAR),
                                   hi.referral_reach_of_organisations(),
                                   hi.referral_reach_of_organisations([143]), removed=[143]),
        fig6.plot_relocation(hi.relocation_participation(), 2016),
    ]


def test_every_havenstad_figure_is_titled_and_says_synthetic(havenstad_figures):
    for fig in havenstad_figures:
        assert isinstance(fig, NotebookFigure)
        assert fig.axes[0].get_title()
        assert i18n.t("havenstad.synthetic_label") in _texts(fig), fig.axes[0].get_title()


def test_plots_draw_into_a_given_axis():
    fig = Figure()
    ax = fig.add_subplot()
    table = hi.reach_by_income_group(YEAR)
    assert fig6.plot_reach_by_income_group(table, ax=ax) is fig
    heights = [p.get_height() for p in ax.patches]
    assert heights == pytest.approx(list(table["within_400m"]) + list(table["within_800m"]))
    growth = Figure().add_subplot()
    assert fig6.plot_growth(simulate_growth(seed=1, years=5), ax=growth) is growth.figure


def test_type_counts_and_shared_ties_show_their_numbers():
    inventory = hi.inventory_by_buurt(YEAR)
    fig = fig6.plot_type_counts(inventory, YEAR)
    widths = sorted(p.get_width() for p in fig.axes[0].patches)
    assert widths == sorted(inventory[list(ORGANISATION_TYPES)].sum().tolist())
    table = hi.ties_by_shared_place()
    bars = fig6.plot_shared_place_ties(table).axes[0].patches
    assert [b.get_height() for b in bars] == pytest.approx(table["cross_share"].tolist())


def test_bridging_figure_leaves_out_undetermined_and_colours_labels():
    scores = hi.bridging_by_organisation(YEAR)
    ax = fig6.plot_bridging_by_type(scores, YEAR).axes[0]
    drawn = sum(len(c.get_offsets()) for c in ax.collections)
    assert drawn == int(scores["bridging"].notna().sum())


def test_growth_marks_its_events_and_plots_shares():
    run = simulate_growth(seed=2, years=20, demolition_year=8, closure_year=12,
                          reopening_year=15)
    ax = fig6.plot_growth(run).axes[0]
    texts = _texts(ax.figure)
    for key in ("infra6.demolition", "infra6.closure", "infra6.reopening"):
        assert f" {i18n.t(key)}" in texts
    np.testing.assert_allclose(ax.lines[0].get_ydata(), run["participants"] / run["residents"])
    np.testing.assert_allclose(ax.lines[2].get_ydata(), run["share_with_cross_tie"])


def test_network_colours_the_cut_off_organisations():
    edges = pd.DataFrame({"from_id": [1, 2, 4], "to_id": [2, 3, 3]})
    before = pd.Series({1: 1, 2: 1, 3: 1, 4: 1})
    after = pd.Series({1: 0, 2: 0, 3: 1, 4: 1})
    ax = fig6.plot_referral_network(edges, {3}, before, after, removed=[2], k=2).axes[0]
    colours = ax.collections[1].get_facecolors()
    order = list(fig6.network_layout(edges))
    from matplotlib.colors import to_rgba
    assert tuple(colours[order.index(1)]) == pytest.approx(to_rgba(fig6.NODE_COLOURS["cut"]))
    assert tuple(colours[order.index(4)]) == pytest.approx(
        to_rgba(fig6.NODE_COLOURS["reaches"]))
    assert tuple(colours[order.index(3)]) == pytest.approx(
        to_rgba(fig6.NODE_COLOURS["service"]))


def test_layout_is_seeded_and_puts_the_largest_component_left():
    edges = pd.DataFrame({"from_id": [1, 2, 3, 10], "to_id": [2, 3, 1, 11]})
    first, again = fig6.network_layout(edges), fig6.network_layout(edges)
    assert all(np.allclose(first[n], again[n]) for n in first)
    assert max(first[n][0] for n in (1, 2, 3)) <= 0.78 < min(first[n][0] for n in (10, 11))


def test_closure_panels_frames_follow_the_state():
    edges = hi.referral_edges(YEAR)
    panels = fig6.ClosurePanels(Figure(figsize=(10, 4.6)), edges, hi.service_ids(YEAR),
                                ceiling=20)
    reach = hi.referral_reach_of_organisations()
    losing = hi.closure_by_income_group(143)
    png = panels.show(removed=[143], reach_before=reach,
                      reach_after=hi.referral_reach_of_organisations([143]), losing=losing)
    assert png[:4] == b"\x89PNG"
    assert [b.get_height() for b in panels.bars] == pytest.approx(
        (1000 * losing["share_losing"]).tolist())
    assert panels.bars_ax.get_ylim()[1] == 50  # the fixed ceiling, rounded up
    nothing = panels.show(removed=[], reach_before=reach, reach_after=reach,
                          losing=hi.closure_by_income_group([]))
    assert nothing != png and np.isnan(panels.cross.get_offsets()).all()


def test_growth_lines_update_in_place():
    ax = Figure().add_subplot()
    lines = fig6.GrowthLines(ax, x_max=40)
    lines.show(simulate_growth(seed=1, years=10))
    first = list(ax.lines)
    lines.show(simulate_growth(seed=1, years=20, demolition_year=5))
    assert ax.lines[:3] == first[:3] and ax.get_xlim() == (0, 40)
    visible = [t.get_text() for _, t in lines.markers if t.get_visible()]
    assert visible == [f" {i18n.t('infra6.demolition')}"]


def test_dutch_labels():
    i18n.set_language("nl")
    try:
        assert fig6.type_label("community_centre") == "Buurthuis"
        fig = fig6.plot_reach_by_income_group(hi.reach_by_income_group(YEAR))
        assert fig.axes[0].get_title() == "Wie woont dicht bij een ontmoetingsplek?"
    finally:
        i18n.set_language("en")


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="table has no within_<r>m column"):
        fig6.plot_reach_by_income_group(pd.DataFrame({"x": [1]}))
    with pytest.raises(ValueError, match="run has no column 'moved'"):
        fig6.plot_growth(pd.DataFrame({"year": [0]}).assign(
            residents=1, participants=0, share_with_tie=0.0, share_with_cross_tie=0.0))
