"""wijkwijs.explorers.neighbourhood: the no-code explorer of chapter 8."""

from __future__ import annotations

import math

import pytest

from wijkwijs import opendata
from wijkwijs.explorers.neighbourhood import municipality_explorer, municipality_table


def test_each_control_changes_the_views():
    explorer = municipality_explorer()
    assert "wijkwijs-explorer" in explorer.widget._dom_classes
    before = (explorer.plot_view.value, explorer.table_view.value)
    explorer.set(municipality=("den_haag", 2019))
    after = (explorer.plot_view.value, explorer.table_view.value)
    assert after[0] != before[0] and after[1] != before[1]
    d = opendata.segregation_table(opendata.shipped("den_haag", 2019)).dissimilarity.iloc[0]
    assert f"{d:.3f}" in explorer.table_view.value
    explorer.set(column="pct_social_rent")
    assert explorer.plot_view.value != after[0]
    assert explorer.updates == 3 and math.isfinite(explorer.last_update_seconds)


def test_rotterdam_says_what_it_cannot_show():
    explorer = municipality_explorer("rotterdam", 2017)
    assert "not computable" in explorer.table_view.value
    table = municipality_table(("rotterdam", 2017), "pct_low_income_households")
    assert len(table) == 9  # no count of withheld buurten for a column the file lacks
    with pytest.raises(ValueError, match="no shipped file for 'utrecht'"):
        municipality_explorer("utrecht", 2019)
