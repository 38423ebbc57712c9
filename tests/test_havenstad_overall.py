"""Havenstad's overall segregation, city against metro: recomputed by an independent route.

Havenstad is regenerated from time to time, so these tests freeze no values: they
recompute the indices straight from the household panel (plain pandas, the formula of
Duncan & Duncan written out), count the moves straight from the moves table, and check
the relations the story is built on.
"""

from __future__ import annotations

import pandas as pd
import pytest

from wijkwijs.havenstad import havenstad_household_years, havenstad_moves, overall
from wijkwijs.havenstad.constants import CITY_CODE, GROUPS, YEARS


def _d_low_high(panel: pd.DataFrame) -> float:
    low = panel["national_percentile"] <= GROUPS["low"][1]
    high = panel["national_percentile"] >= GROUPS["high"][0]
    a = low.groupby(panel["buurt_code"]).sum()
    b = high.groupby(panel["buurt_code"]).sum()
    return 0.5 * float((a / a.sum() - b / b.sum()).abs().sum())


@pytest.mark.parametrize("year", [YEARS[0], 2016, YEARS[-1]])
def test_low_high_d_agrees_with_the_formula_on_the_raw_panel(year):
    panel = havenstad_household_years(year)
    city = panel[panel["buurt_code"].str.startswith("BU" + CITY_CODE[2:])]
    row = overall.low_high_trend().set_index("year").loc[year]
    assert row["D_city"] == pytest.approx(_d_low_high(city), abs=1e-12)
    assert row["D_metro"] == pytest.approx(_d_low_high(panel), abs=1e-12)
    assert row["gap"] == pytest.approx(row["D_metro"] - row["D_city"])


def test_wijk_d_is_at_most_buurt_d():
    buurt, wijk = overall.low_high_trend(), overall.low_high_trend(scale="wijk")
    assert (wijk["D_city"] <= buurt["D_city"] + 1e-12).all()
    assert (wijk["D_metro"] <= buurt["D_metro"] + 1e-12).all()


def test_moves_are_counted_from_the_moves_table():
    moves = havenstad_moves()
    into = moves[moves["to_buurt"].str.startswith("BU9904")
                 & ~moves["from_buurt"].str.startswith("BU9904")]
    from_city = into[into["from_buurt"].str.startswith("BU9901")].groupby("year").size()
    table = overall.suburb_moves().set_index("year")
    assert table["from_city"].to_dict() == from_city.to_dict()
    assert (table["from_city"] + table["from_elsewhere"]).sum() == len(into)
    assert table["low_income_share"].between(0, 1).all()


def test_the_paradox_holds_in_the_data():
    # the calibrated story: from 2016 the city's D falls while the metro's rises, and the
    # moves from the city to Zuiderpolder jump
    s = overall.paradox_summary()
    assert s["city_change"] < 0 < s["metro_change"]
    assert s["moves_after"] > 2 * s["moves_before"]
    assert s["moves_ratio"] == pytest.approx(s["moves_after"] / s["moves_before"])
    moves = overall.suburb_moves().set_index("year")
    start = overall.DISPLACEMENT_FROM
    assert moves.loc[start:, "low_income_share"].mean() > moves.loc[:start - 1,
                                                                    "low_income_share"].mean()


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="scale"):
        overall.low_high_trend(scale="street")
    with pytest.raises(ValueError, match="suburb"):
        overall.suburb_moves("GM9901")
    with pytest.raises(ValueError, match="before"):
        overall.paradox_summary(2020, 2016)
    with pytest.raises(ValueError, match="2030"):
        overall.paradox_summary(2030)


def test_results_are_copies():
    first = overall.low_high_trend()
    first.loc[:, "D_city"] = 0.0
    assert overall.low_high_trend()["D_city"].gt(0).all()
