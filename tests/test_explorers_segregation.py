"""Tests for wijkwijs.explorers.segregation: toy city, checkerboard, figures, explorer."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pytest

from wijkwijs.havenstad import views as hv
from wijkwijs import i18n
from wijkwijs import segregation as seg
from wijkwijs.explorers import segregation as ch2


def test_toy_city_has_ten_households_in_three_buurten():
    city = ch2.toy_city()
    assert len(city) == 10
    counts = ch2.toy_counts()
    assert counts["households"].tolist() == [4, 3, 3]
    assert counts[["low", "middle", "high"]].sum().tolist() == [4, 3, 3]


def test_toy_indices_by_hand():
    counts = ch2.toy_counts()
    # D = 1/2 sum |x_i/X - y_i/Y| with x = (2, 2, 0), y = (2, 1, 3)
    assert ch2.toy_dissimilarity() == pytest.approx(0.5 * (abs(2 / 4 - 2 / 6) + abs(2 / 4 - 1 / 6)
                                                           + abs(0 - 3 / 6)))
    assert seg.isolation(counts, group="low", total="households") == pytest.approx(7 / 12)
    assert seg.exposure(counts, group="low", total="households") == pytest.approx(5 / 12)
    # high: x = (1, 0, 2) of X = 3, y = (3, 3, 1) of Y = 7
    assert ch2.toy_dissimilarity("high") == pytest.approx(
        0.5 * (abs(1 / 3 - 3 / 7) + abs(0 - 3 / 7) + abs(2 / 3 - 1 / 7)))


def test_movers_make_every_buurt_even():
    # Moving only low-income households: buurt i ends with l_i = y_i * P / (1 - P).
    counts = ch2.toy_counts()
    low, others = counts["low"], counts["households"] - counts["low"]
    share = low.sum() / counts["households"].sum()
    target = others * share / (1 - share)
    assert target.sum() == pytest.approx(low.sum())
    assert (low - target).clip(lower=0).sum() == pytest.approx(ch2.toy_movers())


def test_checkerboard_same_d_different_spatial_d():
    table = ch2.checkerboard_table().set_index("city")
    assert table.loc["checkerboard", "D"] == pytest.approx(table.loc["split", "D"])
    # 6 x 6 queen grid: 60 edge pairs and 50 corner pairs; in the split city 6 edge and
    # 10 corner pairs cross the middle line
    assert table.loc["checkerboard", "spatial_D"] == pytest.approx(0.6 - 0.6 * 60 / 110)
    assert table.loc["split", "spatial_D"] == pytest.approx(0.6 - 0.6 * 16 / 110)
    with pytest.raises(ValueError, match="even number"):
        ch2.checkerboard_cities(n=5)


def _labelled(fig):
    axes = [ax for ax in fig.axes if ax.get_title() or ax.get_xlabel()]
    assert axes
    return axes


@pytest.mark.parametrize("make", [
    ch2.plot_toy_city, ch2.plot_group_trend, ch2.plot_profiles, ch2.plot_residualisation,
    ch2.plot_checkerboards, ch2.plot_group_maps,
])
def test_figures_have_titles(make):
    fig = make()
    assert any(ax.get_title() for ax in _labelled(fig)) or fig.get_suptitle()
    plt.close(fig)


def test_trend_and_profile_figures_label_their_axes():
    for make in (ch2.plot_group_trend, ch2.plot_profiles, ch2.plot_residualisation):
        fig = make()
        ax = fig.axes[0]
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
        plt.close(fig)


def test_index_table_matches_the_library():
    table = ch2.index_table("top_1", 2011, "wijk")
    counts = hv.group_counts(2011, scale="wijk")
    values = dict(zip(table.iloc[:, 0], table.iloc[:, 1], strict=True))
    assert float(values["Dissimilarity D"]) == pytest.approx(
        seg.dissimilarity(counts, group="top_1", total="households"), abs=5e-4)
    assert float(values["Theil's information index H"]) == pytest.approx(
        seg.entropy_index(counts, group="top_1", total="households"), abs=5e-4)
    assert values["Number of units"] == "8"
    with pytest.raises(ValueError, match="group 'rich'"):
        ch2.index_table("rich")


def test_explorer_set_changes_every_view():
    explorer = ch2.segregation_explorer()
    assert "wijkwijs-explorer" in explorer.widget._dom_classes
    before = (explorer.plot_view.value, explorer.table_view.value)
    explorer.set(group="top_1")
    after_group = (explorer.plot_view.value, explorer.table_view.value)
    assert after_group[0] != before[0] and after_group[1] != before[1]
    explorer.set(year=2011)
    assert explorer.table_view.value != after_group[1]
    explorer.set(scale="metro")
    d = seg.dissimilarity(hv.group_counts(2011, scale="metro"), group="top_1", total="households")
    assert f"{d:.3f}" in explorer.table_view.value
    assert explorer.updates == 4
    assert math.isfinite(explorer.last_update_seconds)


def test_explorer_speaks_dutch():
    i18n.set_language("nl")
    try:
        explorer = ch2.segregation_explorer(group="low", year=2015, scale="wijk")
        assert "Dissimilariteit D" in explorer.table_view.value
        assert explorer.controls["group"].description == "Inkomensgroep"
        labels = [label for label, _ in explorer.controls["group"].options]
        assert "Onderste 10%" in labels
    finally:
        i18n.set_language("en")


def test_every_chapter_two_string_has_both_languages():
    keys = [k for k in i18n.keys() if k.startswith("seg2.")]
    assert len(keys) > 30
    for key in keys:
        for lang in i18n.LANGUAGES:
            i18n.set_language(lang)
            assert i18n.t(key).strip()
    i18n.set_language("en")
