"""wijkwijs.opendata.measures: the chapter 1-2 measures on real buurten, read right.

Hand-checkable on the invented Voorbeeldstad fixture (tests/fixtures/opendata/kwb-2019.csv:
three buurten with a low-income share, 100, 200 and 300 households at 10, 25 and 30 %),
and checked on the real shipped snapshot against the formulas written out here.
"""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from wijkwijs import i18n, opendata
from wijkwijs.opendata import measures

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "opendata"


@pytest.fixture(scope="module")
def town() -> pd.DataFrame:
    return opendata.read_kwb(FIXTURES / "kwb-2019.csv")


def _d(x, t) -> float:
    """Duncan & Duncan (1955) written out: D = 1/2 sum |x_i/X - (t_i - x_i)/(T - X)|."""
    x, t = np.asarray(x, float), np.asarray(t, float)
    return 0.5 * float(np.abs(x / x.sum() - (t - x) / (t - x).sum()).sum())


def _gini(x, w) -> float:
    """The weighted Gini written out: sum_ij w_i w_j |x_i - x_j| / (2 W^2 mu)."""
    x, w = np.asarray(x, float), np.asarray(w, float)
    mu = np.average(x, weights=w)
    return float((w[:, None] * w[None, :] * np.abs(x[:, None] - x[None, :])).sum()
                 / (2 * w.sum() ** 2 * mu))


def test_counts_are_share_times_base_and_name_what_they_leave_out(town):
    low = measures.group_counts(town, "pct_low_income_households")
    assert low.code.tolist() == ["BU09990000", "BU09990001", "BU09990100"]
    assert low["count"].tolist() == pytest.approx([10, 50, 90])
    assert low.total.tolist() == [100, 200, 300] and low.attrs["base"] == "households"
    left = measures.left_out(low).set_index("code")
    assert sorted(left.index) == ["BU09990101", "BU09990102"]
    social = measures.group_counts(town, "pct_social_rent")
    assert social.attrs["base"] == "dwellings"  # a share of dwellings, not of households
    assert social.total.tolist() == [110, 205, 320]
    assert social["count"].tolist() == pytest.approx([66, 82, 96])
    by_households = measures.group_counts(town, "pct_social_rent", base="households")
    assert by_households.total.tolist() == [100, 200, 300]


def test_the_indices_by_hand(town):
    table = measures.segregation_table(town).set_index("share")
    low = table.loc["pct_low_income_households"]
    assert low.dissimilarity == pytest.approx(2 / 15)
    assert low.isolation == pytest.approx(10 / 150 * 0.10 + 50 / 150 * 0.25 + 90 / 150 * 0.30)
    assert low.city_pct == pytest.approx(25.0) and (low.units, low.left_out) == (3, 2)
    assert 0 < low.entropy_index < low.dissimilarity and low.note == ""
    social = table.loc["pct_social_rent"]
    assert social.dissimilarity == pytest.approx(_d([66, 82, 96], [110, 205, 320]))


@pytest.mark.parametrize(("city", "year", "low_d", "social_d"), [
    ("amsterdam", 2017, 0.2050, 0.4325),
    ("amsterdam", 2019, 0.2031, 0.4240),
    ("den_haag", 2019, 0.2814, 0.4765),
])
def test_the_shipped_cities_against_the_formula(city, year, low_d, social_d):
    kwb = opendata.shipped(city, year)
    table = measures.segregation_table(kwb).set_index("share")
    raw = kwb[kwb.level == "buurt"]
    for share, base, expected in (("pct_low_income_households", "households", low_d),
                                  ("pct_social_rent", "dwellings", social_d)):
        known = raw[(raw[base] > 0) & raw[share].notna()]
        d = _d(known[share] / 100 * known[base], known[base])
        assert table.loc[share, "dissimilarity"] == pytest.approx(d, rel=1e-12)
        assert d == pytest.approx(expected, abs=5e-5)
        assert table.loc[share, "units"] == len(known)
        assert table.loc[share, "units"] + table.loc[share, "left_out"] == len(raw)


def test_a_file_without_the_columns_says_so():
    rotterdam = opendata.shipped("rotterdam", 2017)
    table = measures.segregation_table(rotterdam)
    assert table.dissimilarity.isna().all() and (table.units == 0).all()
    assert table.note.tolist() == [
        "not computable: the file has no column 'pct_low_income_households'",
        "not computable: the file has no column 'pct_social_rent'"]
    with pytest.raises(ValueError, match=r"kwb_rotterdam_2017\.csv has no 'households' column"):
        measures.group_counts(rotterdam, "pct_owner_occupied", base="households")
    with pytest.raises(ValueError, match="has no 'dwellings' column"):
        measures.group_counts(rotterdam, "pct_owner_occupied")
    with pytest.raises(ValueError, match="has no 'inhabitants' column"):
        measures.inequality_between(rotterdam)
    assert measures.inequality_between(rotterdam, weight=None)["units"] == 76
    i18n.set_language("nl")
    try:
        assert measures.segregation_table(rotterdam).note.iloc[0].startswith(
            "niet te berekenen")
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize(("call", "message"), [
    (lambda k: measures.group_counts(k, "households"), "not a percentage column"),
    (lambda k: measures.group_counts(k, "pct_low_income_households", level="straat"),
     "level 'straat' is unknown"),
    (lambda k: measures.group_counts(k, "pct_low_income_households", base="people"),
     "base 'people' is unknown"),
    (lambda k: measures.group_counts(k.drop(columns="level"), "pct_social_rent"),
     "no 'level' column"),
    (lambda k: measures.group_counts([1, 2], "pct_social_rent"), "must be a DataFrame"),
    (lambda k: measures.areas(k[k.level != "wijk"], "wijk"), "no rows of level 'wijk'"),
    (lambda k: measures.left_out(k), "must come from group_counts"),
])
def test_bad_input_is_refused(town, call, message):
    with pytest.raises(ValueError, match=message):
        call(town)


def test_withheld_values_have_a_reason_read_from_the_file(town):
    withheld = measures.withheld_values(town, ["pct_low_income_households",
                                               "pct_social_rent"])
    reasons = {(r.code, r.column): r.reason_key for r in withheld.itertuples()}
    assert reasons == {
        ("BU09990101", "pct_low_income_households"): "not_size",  # 400 > 100 households
        ("BU09990102", "pct_low_income_households"): "no_inhabitants",
        ("BU09990101", "pct_social_rent"): "not_size",
        ("BU09990102", "pct_social_rent"): "no_inhabitants"}
    assert set(withheld.smallest_with_value) == {100.0, 110.0}
    assert withheld.reason.iloc[1] == "nobody lives here"
    amsterdam = measures.withheld_values(opendata.shipped("amsterdam", 2019),
                                         ["pct_low_income_households"]).set_index("code")
    assert amsterdam.loc["BU03631006", ["reason_key", "reason"]].tolist() == [
        "no_base", "no households"]  # people, but no private households
    assert amsterdam.loc["BU03630301", "reason"] == (
        "small: fewer households than every area with a value")


def test_withheld_by_size_in_the_shipped_files():
    """Every buurt with fewer dwellings than the smallest buurt with a tenure share lacks
    one, and no larger buurt does: in these files the tenure shares are withheld by size."""
    for city, year in (("amsterdam", 2017), ("amsterdam", 2019), ("den_haag", 2019)):
        kwb = opendata.shipped(city, year)
        summary = measures.withheld_summary(kwb).set_index("column")
        social = summary.loc["pct_social_rent"]
        assert social.not_size == 0 and social.largest_withheld < social.smallest_with_value
        assert social.withheld == social.no_inhabitants + social.no_base + social.small
        b = kwb[kwb.level == "buurt"]
        assert social.withheld == b.pct_social_rent.isna().sum()
    low = measures.withheld_summary(opendata.shipped("amsterdam", 2017)).set_index("column")
    assert low.loc["pct_low_income_households", "withheld"] == 101
    assert low.loc["pct_low_income_households", "not_size"] == 7  # e.g. a hospital area
    rotterdam = measures.withheld_values(opendata.shipped("rotterdam", 2017),
                                         ["avg_income_per_inhabitant"])
    assert len(rotterdam) == 16 and set(rotterdam.reason_key) == {"no_size"}


def test_the_quality_check(town):
    check = measures.quality_check(town).set_index("count")
    assert check.loc["inhabitants", ["gemeente", "wijken", "buurten", "gap"]].tolist() == \
        [2350, 2350, 2350, 0]
    assert check.ok.all()
    amsterdam = measures.quality_check(opendata.shipped("amsterdam", 2017)).set_index("count")
    b = opendata.shipped("amsterdam", 2017)
    b = b[b.level == "buurt"]
    assert amsterdam.loc["inhabitants", "buurten"] == b.inhabitants.sum()
    assert amsterdam.loc["inhabitants", "gap_pct"] == pytest.approx(-987 / 844947 * 100)
    assert amsterdam.loc["dwellings", "gap"] == 0  # dwellings are not rounded
    assert amsterdam.loc["households", "buurten_rounded_to_5"]
    assert not amsterdam.loc["dwellings", "buurten_rounded_to_5"]
    with pytest.raises(ValueError, match="has none of the counts"):
        measures.quality_check(opendata.shipped("rotterdam", 2017))
    with pytest.raises(ValueError, match="no rows of level 'gemeente'"):
        measures.quality_check(town[town.level != "gemeente"])


def test_inequality_between_buurten(town):
    result = measures.inequality_between(town)
    assert result["units"] == 3
    assert result["gini"] == pytest.approx(_gini([21.3, 24.0, 26.8], [210, 420, 690]))
    unweighted = measures.inequality_between(town, weight=None)
    assert unweighted["gini"] == pytest.approx(_gini([21.3, 24.0, 26.8], [1, 1, 1]))
    haag = opendata.shipped("den_haag", 2019)
    b = haag[(haag.level == "buurt") & (haag.inhabitants > 0)].dropna(
        subset=["avg_income_per_inhabitant"])
    got = measures.inequality_between(haag)
    assert got["gini"] == pytest.approx(_gini(b.avg_income_per_inhabitant, b.inhabitants))
    assert got["ratio_top_bottom"] > 1
    with pytest.raises(ValueError, match="fewer than two buurt values"):
        measures.inequality_between(town[town.code != "BU09990100"].iloc[:4])


def test_measure_overview_lists_every_measure():
    overview = measures.measure_overview(opendata.shipped("amsterdam", 2019))
    assert overview.measure.tolist() == ["dissimilarity", "isolation", "entropy_index"] * 2 + [
        "gini", "theil", "ratio_top_bottom"]
    assert overview.value.notna().all() and (overview.note == "").all()


def test_change_on_the_same_buurten():
    a17, a19 = opendata.shipped("amsterdam", 2017), opendata.shipped("amsterdam", 2019)
    same = measures.change_in_shares(a17, a19, "pct_low_income_households")
    b17 = a17[(a17.level == "buurt") & (a17.households > 0)].dropna(
        subset=["pct_low_income_households"])
    b19 = a19[(a19.level == "buurt") & (a19.households > 0)].dropna(
        subset=["pct_low_income_households"])
    both = sorted(set(b17.code) & set(b19.code))
    assert sorted(same.code) == both and len(both) == 377
    assert set(same.attrs["left_out"]) == set(b17.code) ^ set(b19.code)
    assert same.attrs["years"] == (2017, 2019)
    row = same.set_index("code").loc[both[0]]
    assert row.change == pytest.approx(row.share_after - row.share_before)
    table = measures.change_table(a17, a19, ["pct_low_income_households"])
    d = table.set_index(["areas", "year"]).dissimilarity
    for year, frame in ((2017, b17), (2019, b19)):
        kept = frame[frame.code.isin(both)]
        assert d[("same", year)] == pytest.approx(
            _d(kept.pct_low_income_households / 100 * kept.households, kept.households))
        assert d[("all", year)] == pytest.approx(
            _d(frame.pct_low_income_households / 100 * frame.households, frame.households))


def test_scale_buurten_wijken_and_cbs_wijken(town):
    table = measures.scale_table(town, ["pct_low_income_households"]).set_index("scale")
    assert table.units.to_dict() == {"buurt": 3, "wijk_summed": 2, "wijk_cbs": 2}
    # wijken of the same buurten: (10 + 50) of 300 and 90 of 300 households
    assert table.loc["wijk_summed", "dissimilarity"] == pytest.approx(_d([60, 90], [300, 300]))
    assert table.loc["wijk_cbs", "dissimilarity"] == pytest.approx(
        _d([0.2 * 300, 0.229 * 700], [300, 700]))
    for city, year in (("amsterdam", 2017), ("amsterdam", 2019), ("den_haag", 2019)):
        scales = measures.scale_table(opendata.shipped(city, year))
        for _, rows in scales.groupby("share"):
            d = rows.set_index("scale").dissimilarity
            assert d["wijk_summed"] <= d["buurt"] + 1e-12  # merging units never raises D


def test_wijk_of_and_areas():
    assert measures.wijk_of("BU03630001") == "WK036300"
    assert measures.wijk_of("GM0363") is None and measures.wijk_of(math.nan) is None
    buurten = measures.areas(opendata.shipped("den_haag", 2019))
    assert (buurten.wijk_code.str[2:8] == buurten.code.str[2:8]).all()


def test_the_column_guide_in_both_languages(town):
    english = opendata.column_guide(town, language="en").set_index("column")
    dutch = opendata.column_guide(town, language="nl").set_index("column")
    assert list(english.index) == list(dutch.index)
    assert english.loc["pct_social_rent", "in_the_file"] == "p_wcorpw"
    assert dutch.loc["households", "meaning"] == "aantal particuliere huishoudens"
    assert english.loc["pct_low_income_households", "empty"] == town[
        "pct_low_income_households"].isna().sum()
    everything = opendata.column_guide(language="nl")
    assert everything.meaning.str.len().gt(3).all() and len(everything) == len(
        opendata.ID_COLUMNS) + len(opendata.VARIABLES)
    with pytest.raises(ValueError, match="language 'fr'"):
        opendata.column_guide(language="fr")


def test_join_leefbaarometer(town):
    lbm = opendata.read_leefbaarometer(FIXTURES / "leefbaarometer_buurt.csv")
    with pytest.warns(opendata.JoinWarning, match=r"1 code\(s\) only in the export"):
        joined = opendata.join_leefbaarometer(lbm, measures.group_counts(
            town, "pct_social_rent"))
    assert joined.code.tolist() == ["BU09990000", "BU09990001", "BU09990100"]
    assert joined.set_index("code").loc["BU09990001", "score"] == 4.2105
    assert joined.attrs["unmatched_lbm"] == ["BU09990102"]
    wijken = opendata.read_leefbaarometer(FIXTURES / "leefbaarometer_wijk.csv")
    with pytest.raises(ValueError, match="say which with year"):
        opendata.join_leefbaarometer(wijken, town)
    with pytest.raises(ValueError, match="no year 2021"):
        opendata.join_leefbaarometer(wijken, town, year=2021)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # both wijken match: no warning
        both = opendata.join_leefbaarometer(wijken, town, year=2022)
    assert both.set_index("code").loc["WK099901", "score"] == 4.0458
    with pytest.raises(ValueError, match="'code' column"):
        opendata.join_leefbaarometer(wijken, town.drop(columns="code"))
