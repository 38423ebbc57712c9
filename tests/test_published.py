"""Published figures: every row sourced, values as published, computed shares right."""

from __future__ import annotations

import pytest

from wijkwijs.published import published, published_names


@pytest.mark.parametrize("name", sorted(published_names()))
def test_every_row_carries_its_source(name):
    table = published(name)
    assert len(table) > 0
    assert table["source"].str.len().min() > 10
    assert table["source"].str.contains("CBS|SCP").all()


def test_dutch_gini_series():
    gini = published("nl_inequality")
    assert gini["year"].tolist() == list(range(2011, 2023))
    assert gini["gini_standardised_income"].between(0.28, 0.31).all()
    assert gini["gini_wealth"].between(0.70, 0.82).all()
    assert (gini["gini_wealth"] > 2 * gini["gini_standardised_income"]).all()
    assert gini.loc[gini.provisional, "year"].tolist() == [2022]


def test_corporation_share_is_computed_from_the_published_counts():
    corp = published("corporation_housing").set_index(["region", "year"])
    # 2,273,731 of 7,686,178 dwellings on 1 January 2017 (CBS 82900NED)
    assert corp.loc[("Nederland", 2017), "corporation_share_pct"] == pytest.approx(
        100 * 2_273_731 / 7_686_178)
    assert bool(corp.loc[("Nederland", 2017), "share_computed"])
    assert not bool(corp.loc[("Nederland", 2011), "share_computed"])
    assert corp.loc[("Nederland", 2011), "corporation_share_pct"] == 31.2


def test_unknown_table_lists_what_exists():
    with pytest.raises(ValueError, match="available: nl_inequality, corporation_housing"):
        published("gini")
