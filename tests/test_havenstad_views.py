"""Tests for wijkwijs.havenstad.views: group counts straight from the household panel.

Oracles: direct pandas counts on the raw panel, PySAL ``segregation`` (Dissim,
Isolation) as an independent implementation of the indices, and the aggregation
property that merging units never raises D.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from wijkwijs import segregation as seg
from wijkwijs.havenstad import (
    havenstad_dwellings,
    havenstad_household_years,
    havenstad_neighbourhoods,
    havenstad_organisations,
    places,
)
from wijkwijs.havenstad import views as hv
from wijkwijs.havenstad.constants import CITY_CODE, GROUPS, INCOME_BANDS, TENURES

YEAR = 2016


@pytest.fixture(scope="module")
def panel_2016():
    panel = havenstad_household_years(YEAR)
    nb = havenstad_neighbourhoods()[["code", "wijk_code", "gemeente_code"]]
    return panel.merge(nb, left_on="buurt_code", right_on="code")


def test_buurt_counts_match_the_panel(panel_2016):
    city = panel_2016[panel_2016["gemeente_code"] == CITY_CODE]
    expected = pd.DataFrame({
        "households": city.groupby("buurt_code").size(),
        "bottom_10": city[city["national_percentile"] <= 9].groupby("buurt_code").size(),
        "low": city[city["national_percentile"] <= 39].groupby("buurt_code").size(),
        "top_1": city[city["national_percentile"] == 99].groupby("buurt_code").size(),
    }).fillna(0).astype(int)
    counts = hv.group_counts(YEAR, scale="buurt").set_index("code")
    assert len(counts) == 41
    pd.testing.assert_frame_equal(counts[expected.columns], expected, check_names=False)


def test_bands_partition_households_and_groups_are_unions_of_bands():
    counts = hv.group_counts(area="metro")
    bands = counts[list(INCOME_BANDS)]
    assert (bands.sum(axis=1) == counts["households"]).all()
    assert (counts["low"] == bands.iloc[:, :4].sum(axis=1)).all()
    assert (counts["middle"] == bands.iloc[:, 4:8].sum(axis=1)).all()
    assert (counts["high"] == bands.iloc[:, 8:].sum(axis=1)).all()
    assert (counts["top_1"] == counts["p99"]).all()
    tenures = counts[[f"hh_{t}" for t in TENURES]].sum(axis=1)
    assert (tenures == counts["households"]).all()


def test_wijk_counts_are_sums_of_their_buurten(panel_2016):
    wijken = hv.group_counts(YEAR, scale="wijk").set_index("code")
    city = panel_2016[panel_2016["gemeente_code"] == CITY_CODE]
    direct = city[city["national_percentile"] <= 9].groupby("wijk_code").size()
    assert (wijken["bottom_10"] == direct.reindex(wijken.index)).all()


def test_trend_matches_pysal_dissim_and_isolation():
    from segregation.singlegroup import Dissim, Isolation

    counts = hv.group_counts(2022, scale="buurt")
    trend = hv.group_trend(scale="buurt").set_index("year")
    isolation = hv.group_trend("isolation", scale="buurt").set_index("year")
    for group in GROUPS:
        assert trend.loc[2022, group] == pytest.approx(
            Dissim(counts, group, "households").statistic, abs=1e-9)
        assert isolation.loc[2022, group] == pytest.approx(
            Isolation(counts, group, "households").statistic, abs=1e-9)


def test_coarser_units_never_raise_d():
    for year in (2011, 2022):
        table = hv.scale_comparison("bottom_10", year).set_index(["area", "level"])["D"]
        assert table["city", "wijk"] <= table["city", "buurt"]
        assert table["metro", "gemeente"] <= table["metro", "wijk"] <= table["metro", "buurt"]


def test_profile_and_rank_order():
    prof = hv.profile(2022)
    assert prof["p"].is_monotonic_increasing
    assert prof["H"].between(0, 1).all()
    hr = hv.rank_order_trend()
    assert hr["H_R"].between(0, 1).all()
    assert hr["H_R"].iloc[0] == pytest.approx(
        seg.rank_order_information(hv.income_band_counts(2011)))


def test_social_rent_composition_matches_the_panel():
    panel = havenstad_household_years(2022)
    city = panel[panel["buurt_code"].str.startswith("BU9901")]
    social = city[city["tenure"] == "social_rent"]
    comp = hv.social_rent_composition().set_index("year").loc[2022]
    assert comp["social_renters"] == len(social)
    assert comp["bottom_10_share"] == pytest.approx((social["national_percentile"] <= 9).mean())
    assert comp["bottom_20_share"] == pytest.approx((social["national_percentile"] <= 19).mean())
    bottom = city[city["national_percentile"] <= 9]
    assert comp["bottom_10_in_social_rent"] == pytest.approx(
        (bottom["tenure"] == "social_rent").mean())


def test_social_rent_concentration_matches_the_dwelling_table():
    stock = havenstad_dwellings(2011)
    stock = stock[stock["buurt_code"].str.startswith("BU9901")]
    conc = hv.social_rent_concentration().set_index("year").loc[2011]
    assert conc["social_share"] == pytest.approx(stock["social_rent"].sum() / stock["total"].sum())
    x, t = stock["social_rent"].to_numpy(float), stock["total"].to_numpy(float)
    p, big_p = x / t, x.sum() / t.sum()
    d = (t * np.abs(p - big_p)).sum() / (2 * t.sum() * big_p * (1 - big_p))
    assert conc["D_social_rent"] == pytest.approx(d)


def test_map_frames_have_one_polygon_per_unit_and_shares():
    for scale, area, n in (("buurt", "city", 41), ("wijk", "city", 8), ("buurt", "metro", 53),
                           ("wijk", "metro", 13), ("gemeente", "metro", 4)):
        gdf = hv.group_map_frame(2011, scale=scale, area=area)
        assert len(gdf) == n
        assert gdf["share_low"].between(0, 1).all()
    shares = hv.social_rent_shares(2022, area="metro")
    assert len(shares) == 53


def test_organisation_points_are_open_in_the_year():
    orgs = places.organisation_points(2013)
    raw = havenstad_organisations().set_index("organisation_id")
    for oid in orgs["organisation_id"]:
        assert raw.loc[oid, "founded"] <= 2013
        assert pd.isna(raw.loc[oid, "closed"]) or raw.loc[oid, "closed"] > 2013
    assert orgs["kind"].notna().all()
    assert orgs["kind"].nunique() <= 8


@pytest.mark.parametrize("call, message", [
    (lambda: hv.group_counts(2030), "year 2030"),
    (lambda: hv.group_counts(scale="region"), "scale 'region'"),
    (lambda: hv.group_counts(scale="street"), "scale 'street'"),
    (lambda: hv.group_counts(scale="metro"), "scale 'metro' is an area, not a scale"),
    (lambda: hv.group_counts(2022, scale="wijk", area="region"), "area 'region'"),
    (lambda: hv.group_trend(scale="gemeente"), "single unit"),
    (lambda: hv.index_table("low", 2030), "year 2030"),
    (lambda: hv.index_table("low", 2022, scale="gemeente", area="city"), "single unit"),
    (lambda: hv.group_shares(2030), "year 2030"),
    (lambda: places.polygons(scale="street"), "scale 'street'"),
    (lambda: places.organisation_points(2022, area="country"), "area 'country'"),
    (lambda: hv.group_trend(index="gini"), "index 'gini'"),
    (lambda: hv.scale_comparison("poor", 2022), "group 'poor'"),
    (lambda: hv.scale_comparison("low", None), "year None"),
    (lambda: hv.social_rent_composition(area="country"), "area 'country'"),
])
def test_bad_input_is_named(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_results_are_copies():
    a = hv.group_counts(2011)
    a.loc[0, "households"] = -1
    assert hv.group_counts(2011).loc[0, "households"] > 0


def test_wijk_counts_of_the_metro_area_are_not_the_city_ones():
    # the old API silently ignored scale= when area= was given
    metro = hv.group_counts(2022, scale="wijk", area="metro")
    assert len(metro) == 13 and metro["code"].str.startswith("WK").all()
    assert metro["households"].sum() == hv.group_counts(2022, area="metro")["households"].sum()
    city = hv.group_counts(2022, scale="gemeente")
    assert city["code"].tolist() == [CITY_CODE]
    assert city["households"].item() == hv.group_counts(2022)["households"].sum()


def test_shares_and_summary_agree_with_the_counts():
    counts = hv.group_counts(2015, scale="wijk", area="metro").set_index("code")
    shares = hv.group_shares(2015, scale="wijk", area="metro").set_index("code")
    assert np.allclose(shares["low"], counts["low"] / counts["households"])
    summary = hv.index_summary(scale="wijk", area="metro")
    assert len(summary) == len(GROUPS) * 12
    row = summary[(summary.group == "low") & (summary.year == 2015)].iloc[0]
    assert row["dissimilarity"] == pytest.approx(
        seg.dissimilarity(counts, group="low", total="households"))
    assert row["area_share"] == pytest.approx(counts["low"].sum() / counts["households"].sum())
    assert row["units"] == 13
    trend = hv.group_trend(scale="wijk", area="metro").set_index("year")
    assert trend.loc[2015, "low"] == row["dissimilarity"]


def test_polygons_match_the_counts_and_the_labels():
    for scale, area in (("buurt", "city"), ("wijk", "metro"), ("gemeente", "city")):
        codes = places.polygons(scale=scale, area=area)["code"].tolist()
        assert codes == hv.group_counts(2022, scale=scale, area=area)["code"].tolist()
    assert hv.scale_label("buurt", "metro") == "Buurten of city and suburbs"
    assert hv.group_label("bottom_10") == "Bottom 10%"


def test_index_table_matches_the_library():
    table = hv.index_table("top_1", 2011, scale="wijk")
    counts = hv.group_counts(2011, scale="wijk")
    values = dict(zip(table.iloc[:, 0], table.iloc[:, 1], strict=True))
    assert float(values["Dissimilarity D"]) == pytest.approx(
        seg.dissimilarity(counts, group="top_1", total="households"), abs=5e-4)
    assert float(values["Theil's information index H"]) == pytest.approx(
        seg.entropy_index(counts, group="top_1", total="households"), abs=5e-4)
    assert values["Number of units"] == "8"
    with pytest.raises(ValueError, match="group 'rich'"):
        hv.index_table("rich")
