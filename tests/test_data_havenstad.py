"""Tests of the Havenstad loaders in ``wijkwijs.data``."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest

from wijkwijs.havenstad import load as hd


@pytest.mark.parametrize("table", list(hd.HAVENSTAD_TABLES))
def test_every_table_loads_as_a_dataframe(table):
    frame = hd.havenstad(table)
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) > 0


def test_neighbourhoods_are_a_geodataframe_in_metres_without_crs():
    nb = hd.havenstad_neighbourhoods()
    assert isinstance(nb, gpd.GeoDataFrame)
    assert nb.crs is None
    assert nb.geometry.area.between(0.5e6, 3e6).all()  # 0.5-3 km² in square metres
    wijken = hd.havenstad_neighbourhoods("wijk")
    assert len(wijken) == nb["wijk_code"].nunique()
    assert abs(wijken.geometry.area.sum() - nb.geometry.area.sum()) < 1


def test_loaders_return_fresh_copies():
    a = hd.havenstad_statistics(2015)
    a.loc[:, "households"] = -1
    assert (hd.havenstad_statistics(2015)["households"] > 0).all()
    nb = hd.havenstad_neighbourhoods()
    nb["name"] = "x"
    assert (hd.havenstad_neighbourhoods()["name"] != "x").all()


def test_year_filter_and_households_join():
    h = hd.havenstad_households(2016)
    assert (h["year"] == 2016).all()
    assert h["household_id"].is_unique
    assert h["age_head"].between(18, 110).all()
    static = hd.havenstad_households()
    assert len(static) >= len(h)


def test_code_filter_for_buurt_wijk_and_gemeente():
    nb = hd.havenstad_neighbourhoods()
    assert len(hd.havenstad_dwellings(2011, "GM9901")) == (nb["gemeente_code"] == "GM9901").sum()
    assert len(hd.havenstad_dwellings(2011, "WK990102")) == (nb["wijk_code"] == "WK990102").sum()
    assert len(hd.havenstad_dwellings(code="BU99010101")) == 12
    s = hd.havenstad_statistics(code="WK990102")
    assert set(s["code"]) == {"WK990102"} and len(s) == 12


@pytest.mark.parametrize("year", [2010, 2023, 2030, 2015.0, "2015", True])
def test_bad_year_lists_available_years(year):
    with pytest.raises(ValueError, match="is not in the data; available years: 2011–2022"):
        hd.havenstad_statistics(year)


def test_exact_year_message():
    with pytest.raises(ValueError) as info:
        hd.havenstad_households(2030)
    assert str(info.value) == "year 2030 is not in the data; available years: 2011–2022."


def test_unknown_code_suggests_closest():
    with pytest.raises(ValueError, match=r"closest codes: BU99010201"):
        hd.havenstad_statistics(code="BU99010209")
    with pytest.raises(ValueError, match="closest codes"):
        hd.havenstad_statistics(code="WK990109")


def test_unknown_table_level_and_misplaced_arguments():
    with pytest.raises(ValueError, match="available: neighbourhoods, water"):
        hd.havenstad("parks")
    with pytest.raises(ValueError, match="available: buurt, wijk, gemeente"):
        hd.havenstad_neighbourhoods("province")
    with pytest.raises(ValueError, match="has no year column"):
        hd.havenstad("organisations", year=2015)
    with pytest.raises(ValueError, match="has no code column"):
        hd.havenstad("participation", code="GM9901")


def test_categorical_columns_keep_all_categories():
    moves = hd.havenstad_moves()
    assert list(moves["reason"].cat.categories) == ["choice", "rent_increase", "demolition",
                                                    "sale"]
    assert moves["reason"].notna().all()
    orgs = hd.havenstad_organisations()
    assert orgs["funding"].notna().all() and orgs["closed"].dtype == "Int64"
