"""Tests for wijkwijs.havenstad.restructuring: the demolition moves, recomputed from the raw
tables by another route (no Havenstad number is typed here: the data may be regenerated)."""

from __future__ import annotations

import pandas as pd
import pytest

from wijkwijs.havenstad import (
    havenstad_dwellings,
    havenstad_household_years,
    havenstad_moves,
    havenstad_neighbourhoods,
)
from wijkwijs.havenstad import restructuring as hr
from wijkwijs.havenstad.constants import CITY_CODE, GEMEENTE_NAMES, GROUPS


@pytest.fixture(scope="module")
def raw():
    moves = havenstad_moves()
    return moves[moves.reason == "demolition"]


def test_every_demolition_move_is_there_once(raw):
    m = hr.demolition_moves()
    assert len(m) == len(raw) > 0
    assert sorted(m.household_id) == sorted(raw.household_id)
    assert set(m.year) == {hr.RESTRUCTURING_YEAR}
    assert set(m.from_name) == {hr.RESTRUCTURING}


def test_income_groups_recomputed_from_the_panel(raw):
    panel = havenstad_household_years(hr.RESTRUCTURING_YEAR).set_index("household_id")
    p = panel.loc[raw.household_id, "national_percentile"]
    m = hr.demolition_moves().set_index("household_id").loc[raw.household_id]
    low = p.between(*GROUPS["low"]).to_numpy()
    high = p.between(*GROUPS["high"]).to_numpy()
    assert ((m.income_group == "low").to_numpy() == low).all()
    assert ((m.income_group == "high").to_numpy() == high).all()
    assert (m.bottom_10.to_numpy() == p.between(*GROUPS["bottom_10"]).to_numpy()).all()
    assert (m.bottom_10 <= (m.income_group == "low")).all()  # the bottom 10 % are low income


def test_destinations_agree_with_the_geography(raw):
    buurten = havenstad_neighbourhoods("buurt").set_index("code")
    m = hr.demolition_moves()
    gemeente = buurten.loc[m.to_buurt, "gemeente_code"].to_numpy()
    same = (m.to_buurt == m.from_buurt).to_numpy()
    city = gemeente == CITY_CODE
    assert ((m.destination == "same_buurt").to_numpy() == same).all()
    assert ((m.destination == "other_city_buurt").to_numpy() == (city & ~same)).all()
    suburb = ~city
    names = pd.Series(gemeente[suburb]).map(GEMEENTE_NAMES).to_numpy()
    assert (m.destination.to_numpy()[suburb] == names).all()


def test_destination_table_sums_to_the_moves(raw):
    for by in ("income_group", "to_tenure", "bottom_10"):
        t = hr.demolition_destinations(by)
        assert int(t.to_numpy().sum()) == len(raw)
        assert list(t.columns) == list(hr.DESTINATIONS)
    t = hr.demolition_destinations()
    assert list(t.index) == list(hr.INCOME_GROUPS)
    to_suburbs = raw.to_buurt.str[:6] != "BU" + CITY_CODE[2:]
    assert int(t[list(hr.DESTINATIONS[2:])].to_numpy().sum()) == int(to_suburbs.sum())


def test_destination_buurten_count_the_moves(raw):
    b = hr.destination_buurten()
    assert int(b.households.sum()) == len(raw)
    assert b.set_index("to_buurt").households.to_dict() == raw.to_buurt.value_counts().to_dict()
    assert (b.low_income <= b.households).all()
    assert b.households.is_monotonic_decreasing
    assert len(hr.destination_buurten(top=2)) == 2
    with pytest.raises(ValueError, match="top"):
        hr.destination_buurten(top=0)


def test_summary_recomputes(raw):
    s = hr.restructuring_summary()
    code = havenstad_neighbourhoods("buurt").set_index("name").loc[hr.RESTRUCTURING, "code"]
    dw = havenstad_dwellings(hr.RESTRUCTURING_YEAR, code=code)
    assert s["demolished_homes"] == int(dw.demolished.sum()) > 0
    assert s["households_moved"] == len(raw) <= s["demolished_homes"]
    city = raw.to_buurt.str[:6] == "BU" + CITY_CODE[2:]
    assert s["stayed_in_city"] == pytest.approx(city.mean())
    assert s["to_suburbs"] == int((~city).sum())
    assert s["social_rent_after"] == pytest.approx((raw.to_tenure == "social_rent").mean())
    assert 0 <= s["bottom_10_share"] <= s["low_income_share"] <= 1


def test_labels_and_bad_input():
    assert hr.destination_label("same_buurt") == "Same buurt"
    assert hr.destination_label("Zuiderpolder") == "Zuiderpolder"
    assert "40" in hr.income_group_label("low")
    with pytest.raises(ValueError, match="destination"):
        hr.destination_label("moon")
    with pytest.raises(ValueError, match="by"):
        hr.demolition_destinations("age")


def test_buurt_history_recomputes_from_the_tables():
    h = hr.buurt_history()
    code = havenstad_neighbourhoods("buurt").set_index("name").loc[hr.RESTRUCTURING, "code"]
    dw = havenstad_dwellings(code=code).set_index("year")
    assert (h.set_index("year").social_rent == dw.social_rent).all()
    assert (h[["social_rent", "private_rent", "owner_occupied"]].sum(axis=1) == h.total).all()
    year = hr.RESTRUCTURING_YEAR
    panel = havenstad_household_years(year)
    here = panel[panel.buurt_code == code]
    row = h.set_index("year").loc[year]
    assert row.households == len(here)
    assert row.low == pytest.approx(here.national_percentile.between(*GROUPS["low"]).mean())
    city = panel[panel.buurt_code.str[:6] == "BU" + CITY_CODE[2:]]
    assert row.city_low == pytest.approx(city.national_percentile.between(*GROUPS["low"]).mean())
    # the demolition shows in the stock: social rent falls by the homes demolished
    before = h.set_index("year").loc[year - 1]
    assert before.social_rent - row.social_rent >= row.demolished > 0
