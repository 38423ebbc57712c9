"""Tests for wijkwijs.figures.funding: every plot returns its figure, draws into a given
axis, shows the numbers it is given, says synthetic on Havenstad's figures and
illustrative on the model's; the explorer's panels redraw in place."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from wijkwijs import i18n
from wijkwijs.figures import NotebookFigure
from wijkwijs.figures import funding as fig7
from wijkwijs.havenstad import funding
from wijkwijs.havenstad.constants import FUNDING
from wijkwijs.models.continuity import compare_funding, compare_funding_runs


def _texts(fig):
    return [t.get_text() for ax in fig.axes for t in ax.texts]


@pytest.fixture(scope="module")
def havenstad_figures():
    reopened = funding.reopenings()
    return [
        fig7.plot_closures_by_funding(funding.closures_by_funding()),
        fig7.plot_turnover_by_funding(funding.turnover_by_funding()),
        fig7.plot_survival_by_funding(funding.survival_by_funding()),
        fig7.plot_closures_by_year(funding.closures_by_year(),
                                   reopened=pd.Series({2022: len(reopened)})),
    ]


def test_every_havenstad_figure_is_titled_labelled_and_says_synthetic(havenstad_figures):
    for fig in havenstad_figures:
        assert isinstance(fig, NotebookFigure)
        ax = fig.axes[0]
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
        assert i18n.t("havenstad.synthetic_label") in _texts(fig), ax.get_title()


def test_closure_bars_are_the_shares_and_name_the_counts():
    table = funding.closures_by_funding()
    ax = Figure().add_subplot()
    assert fig7.plot_closures_by_funding(table, ax=ax) is ax.figure
    widths = [p.get_width() for p in ax.patches]
    kinds = list(FUNDING)[::-1]  # drawn bottom-up
    assert widths == pytest.approx([table.loc[k, "closed"] / table.loc[k, "total"]
                                    for k in kinds])
    for k in kinds:
        assert f" {table.loc[k, 'closed']} / {table.loc[k, 'total']}" in _texts(ax.figure)
    # one colour per funding type, the same as in the survival curves
    colours = {p.get_facecolor()[:3] for p in ax.patches}
    assert len(colours) == len(FUNDING)


def test_turnover_bars_are_the_means():
    table = funding.turnover_by_funding()
    ax = Figure().add_subplot()
    fig7.plot_turnover_by_funding(table, ax=ax)
    assert [p.get_width() for p in ax.patches] == pytest.approx(
        table.loc[list(FUNDING)[::-1], "mean"].tolist())


def test_survival_steps_are_the_km_table_and_groups_can_be_chosen():
    table = funding.survival_by_funding()
    ax = Figure().add_subplot()
    fig7.plot_survival_by_funding(table, groups=["structural", "incidental"], ax=ax)
    lines = [ln for ln in ax.lines if ln.get_label() in
             (fig7.funding_label("structural"), fig7.funding_label("incidental"))]
    assert len(lines) == 2
    part = table[table["funding"] == "incidental"]
    assert np.asarray(lines[1].get_ydata()) == pytest.approx(part["survival"].to_numpy())
    assert lines[0].get_linestyle() != lines[1].get_linestyle()  # not colour alone
    with pytest.raises(ValueError, match="no survival rows"):
        fig7.plot_survival_by_funding(table, groups=["grant"])
    with pytest.raises(ValueError, match="no column"):
        fig7.plot_survival_by_funding(table.drop(columns="ci_lower"))


def test_closures_per_year_bars_and_the_cuts():
    per_year = funding.closures_by_year()
    ax = Figure().add_subplot()
    fig7.plot_closures_by_year(per_year, ax=ax)
    heights = [p.get_height() for p in ax.patches if p.get_height() in set(per_year)]
    assert sum(heights) == per_year.sum()
    with pytest.raises(ValueError, match="Series"):
        fig7.plot_closures_by_year(per_year.to_frame())


def test_model_figure_has_three_panels_each_saying_illustrative():
    table = compare_funding_runs(runs=4, seed=2)
    fig = fig7.plot_continuity(table)
    assert len(fig.axes) == 3
    for ax in fig.axes:
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
        assert i18n.t("fund7.illustrative") in [t.get_text() for t in ax.texts]
        assert i18n.t("havenstad.synthetic_label") not in [t.get_text() for t in ax.texts]
    # referrals are drawn as the running total
    referrals = next(ln for ln in fig.axes[1].lines
                     if ln.get_label() == fig7.regime_label("project"))
    assert np.asarray(referrals.get_ydata()) == pytest.approx(
        table[("referrals", "project")].cumsum().to_numpy())


def test_model_figure_into_given_axes_and_in_dutch():
    fig = Figure()
    axes = [fig.add_subplot(1, 3, i + 1) for i in range(3)]
    assert fig7.plot_continuity(compare_funding(seed=1), ax=axes) is fig
    with pytest.raises(ValueError, match="needs 3 axes"):
        fig7.ContinuityPanels(Figure(), axes=axes[:2])
    i18n.set_language("nl")
    try:
        dutch = fig7.plot_continuity(compare_funding(seed=1))
        assert "Illustratief model — geen data" in _texts(dutch)
        assert fig7.funding_label("structural") == "Structureel (vaste subsidie)"
    finally:
        i18n.set_language("en")


def test_panels_with_fixed_limits_redraw_only_their_lines():
    panels = fig7.ContinuityPanels(NotebookFigure(figsize=(9, 3)),
                                   limits={"residents_reached": 80, "referrals": 100,
                                           "initiatives_alive": 30})
    first = panels.show(compare_funding_runs(runs=3, seed=0))
    second = panels.show(compare_funding_runs(runs=3, seed=0, trust_reset=0.0))
    assert first[:4] == second[:4] == b"\x89PNG" and first != second
    assert panels.axes[1].get_ylim() == (0, 100)
    assert panels.show(compare_funding_runs(runs=3, seed=0)) == first  # same input, same image
    with pytest.raises(ValueError, match="lacks the measures"):
        panels.draw(compare_funding(seed=0).drop(columns="referrals", level=0))


def test_mark_illustrative_refuses_an_unknown_place():
    with pytest.raises(ValueError, match="where must be one of"):
        fig7.mark_illustrative(Figure().add_subplot(), "centre")
