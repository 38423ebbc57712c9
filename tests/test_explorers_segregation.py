"""Tests for wijkwijs.explorers.segregation: the segregation explorer of chapter 2."""

from __future__ import annotations

import math

import pytest

from wijkwijs import i18n
from wijkwijs import segregation as seg
from wijkwijs.explorers import segregation as ch2
from wijkwijs.havenstad import views as hv


def test_explorer_set_changes_every_view():
    explorer = ch2.segregation_explorer()
    assert "wijkwijs-explorer" in explorer.widget._dom_classes
    before = (explorer.plot_view.value, explorer.table_view.value)
    explorer.set(group="top_1")
    after_group = (explorer.plot_view.value, explorer.table_view.value)
    assert after_group[0] != before[0] and after_group[1] != before[1]
    explorer.set(year=2011)
    assert explorer.table_view.value != after_group[1]
    explorer.set(area="metro")
    d = seg.dissimilarity(hv.group_counts(2011, area="metro"), group="top_1", total="households")
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


def test_explorer_offers_scales_and_areas_and_refuses_others():
    explorer = ch2.segregation_explorer(scale="wijk", area="metro")
    assert [v for _, v in explorer.controls["scale"].options] == list(ch2.EXPLORER_SCALES)
    assert [v for _, v in explorer.controls["area"].options] == ["city", "metro"]
    d = seg.dissimilarity(hv.group_counts(2022, scale="wijk", area="metro"), group="bottom_10",
                          total="households")
    assert f"{d:.3f}" in explorer.table_view.value
    with pytest.raises(ValueError, match="area, not a scale"):
        ch2.segregation_explorer(scale="metro")
    with pytest.raises(ValueError, match="scale 'gemeente'"):
        ch2.segregation_explorer(scale="gemeente", area="metro")
    with pytest.raises(ValueError, match="year 2030"):
        ch2.segregation_explorer(year=2030)
