"""Published figures: every row sourced, values as published, computed shares right."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import wijkwijs.paths
from wijkwijs.published import WORLD_GROUPS, published, published_names, world_top_shares


@pytest.mark.parametrize("name", sorted(published_names()))
def test_every_row_carries_its_source(name):
    table = published(name)
    assert len(table) > 0
    assert table["source"].str.len().min() > 10
    assert table["source"].str.contains("CBS|SCP|World Inequality Report").all()


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


# --------------------------------------------------------------------------- world top shares
WORLD_CSV = (Path(wijkwijs.paths.datasets_dir()) / "published" / "world_top_shares.csv")


def test_world_top_shares_shape_and_sources():
    shares = world_top_shares()
    raw = pd.read_csv(WORLD_CSV)
    assert len(shares) == len(raw) > 0  # one row per row of the file, none dropped
    assert list(shares.columns) == ["region", "year", "group", "share_pct", "qualifier",
                                    "source", "url", "approximate"]
    assert set(shares["group"]) <= set(WORLD_GROUPS)
    assert shares["url"].str.match(r"https://wir20(?:18|22)\.wid\.world/").all()
    assert shares["source"].str.contains("World Inequality Report 20(?:18|22)").all()
    # a report's year is at least the data year it prints
    report_year = shares["source"].str.extract(r"Report (\d{4})")[0].astype(int)
    assert (report_year > shares["year"]).all()
    assert shares["approximate"].eq(shares["qualifier"].ne("")).all()
    assert not shares.duplicated(["region", "year", "group"]).any()
    assert published("world_top_shares").equals(shares)


def test_world_top_shares_are_coherent_shares():
    shares = world_top_shares()
    # a group's share of income is positive and at most 100 %
    assert shares["share_pct"].between(0, 100, inclusive="right").all()
    # where the table has top 10 % and bottom 50 % of one region and year, they leave
    # a positive share for the middle 40 %
    wide = shares.pivot_table(index=["region", "year"], columns="group", values="share_pct")
    both = wide.dropna(subset=["top_10", "bottom_50"]) if {"top_10", "bottom_50"} <= set(
        wide.columns) else wide.iloc[:0]
    assert (both["top_10"] + both["bottom_50"] < 100).all()
    # and a top 1 % holds more than 1 %, a bottom 50 % less than 50 % (incomes differ)
    assert (shares.loc[shares.group == "top_1", "share_pct"] > 1).all()
    assert (shares.loc[shares.group == "bottom_50", "share_pct"] < 50).all()


def _write(tmp_path, text):
    path = tmp_path / "shares.csv"
    path.write_text(text, encoding="utf-8")
    return path


GOOD_HEADER = "region,year,group,share_pct,qualifier,source,url\n"
GOOD_ROW = "World,2021,top_10,52,,World Inequality Report 2022,https://wir2022.wid.world/x\n"


def test_world_top_shares_reads_a_good_file(tmp_path):
    frame = world_top_shares(_write(tmp_path, GOOD_HEADER + GOOD_ROW))
    assert frame.shape == (1, 8)
    assert frame["qualifier"].item() == "" and not frame["approximate"].item()


@pytest.mark.parametrize("text, message", [
    (GOOD_HEADER.replace(",url", ""), "lacks the column"),
    (GOOD_HEADER, "no rows"),
    (GOOD_HEADER + GOOD_ROW.replace("top_10", "top_5"), "unknown group"),
    (GOOD_HEADER + GOOD_ROW.replace(",52,", ",152,"), r"\(0, 100\]"),
    (GOOD_HEADER + GOOD_ROW.replace(",52,", ",0,"), r"\(0, 100\]"),
    (GOOD_HEADER + GOOD_ROW.replace(",52,", ",many,"), r"\(0, 100\]"),
    (GOOD_HEADER + GOOD_ROW.replace("2021", "2021.5"), "whole number"),
    (GOOD_HEADER + GOOD_ROW.replace("World Inequality Report 2022", ""), "needs its source"),
    (GOOD_HEADER + GOOD_ROW.replace("https://wir2022.wid.world/x", ""), "needs its url"),
    (GOOD_HEADER + GOOD_ROW.replace("https://", "http://"), "https://"),
])
def test_world_top_shares_refuses_a_bad_file(tmp_path, text, message):
    with pytest.raises(ValueError, match=message):
        world_top_shares(_write(tmp_path, text))


def test_world_top_shares_names_a_missing_file(tmp_path):
    with pytest.raises(ValueError, match="there is no file"):
        world_top_shares(tmp_path / "nowhere.csv")
