"""Tests for wijkwijs.examples.toy_cities: the toy city and the checkerboard cities."""

from __future__ import annotations

import pytest

from wijkwijs import segregation as seg
from wijkwijs.examples import toy_cities


def test_toy_city_has_ten_households_in_three_buurten():
    city = toy_cities.toy_city()
    assert len(city) == 10
    counts = toy_cities.toy_counts()
    assert counts["households"].tolist() == [4, 3, 3]
    assert counts[["low", "middle", "high"]].sum().tolist() == [4, 3, 3]


def test_toy_indices_by_hand():
    counts = toy_cities.toy_counts()
    # D = 1/2 sum |x_i/X - y_i/Y| with x = (2, 2, 0), y = (2, 1, 3)
    assert toy_cities.toy_dissimilarity() == pytest.approx(
        0.5 * (abs(2 / 4 - 2 / 6) + abs(2 / 4 - 1 / 6) + abs(0 - 3 / 6)))
    assert seg.isolation(counts, group="low", total="households") == pytest.approx(7 / 12)
    assert seg.exposure(counts, group="low", total="households") == pytest.approx(5 / 12)
    # high: x = (1, 0, 2) of X = 3, y = (3, 3, 1) of Y = 7
    assert toy_cities.toy_dissimilarity("high") == pytest.approx(
        0.5 * (abs(1 / 3 - 3 / 7) + abs(0 - 3 / 7) + abs(2 / 3 - 1 / 7)))


def test_movers_make_every_buurt_even():
    # Moving only low-income households: buurt i ends with l_i = y_i * P / (1 - P).
    counts = toy_cities.toy_counts()
    low, others = counts["low"], counts["households"] - counts["low"]
    share = low.sum() / counts["households"].sum()
    target = others * share / (1 - share)
    assert target.sum() == pytest.approx(low.sum())
    assert (low - target).clip(lower=0).sum() == pytest.approx(toy_cities.toy_movers())


def test_toy_city_reads_the_households_when_called(monkeypatch):
    # notebook 2.1 invites learners to edit TOY_HOUSEHOLDS and recompute
    moved = tuple(("Oost", 45) if hh == ("Noord", 45) else hh
                  for hh in toy_cities.TOY_HOUSEHOLDS)
    monkeypatch.setattr(toy_cities, "TOY_HOUSEHOLDS", moved)
    counts = toy_cities.toy_counts().set_index("buurt")["households"]
    assert counts.to_dict() == {"Noord": 3, "Oost": 4, "Zuid": 3}


def test_checkerboard_same_d_different_spatial_d():
    table = toy_cities.checkerboard_table().set_index("city")
    assert table.loc["checkerboard", "D"] == pytest.approx(table.loc["split", "D"])
    # 6 x 6 queen grid: 60 edge pairs and 50 corner pairs; in the split city 6 edge and
    # 10 corner pairs cross the middle line
    assert table.loc["checkerboard", "spatial_D"] == pytest.approx(0.6 - 0.6 * 60 / 110)
    assert table.loc["split", "spatial_D"] == pytest.approx(0.6 - 0.6 * 16 / 110)
    with pytest.raises(ValueError, match="even number"):
        toy_cities.checkerboard_cities(n=5)


def test_checkerboard_table_of_given_cities():
    cities = toy_cities.checkerboard_cities(n=4)
    table = toy_cities.checkerboard_table(cities)
    assert table["city"].tolist() == ["checkerboard", "split"]
    assert table["D"].tolist() == pytest.approx([0.6, 0.6])


def test_moving_household_4_to_oost():
    moved = toy_cities.move_household(4, "Oost")
    counts = toy_cities.toy_counts(moved).set_index("buurt")
    assert counts["households"].to_dict() == {"Noord": 3, "Zuid": 3, "Oost": 4}
    assert counts.loc["Oost", "high"] == 3
    assert toy_cities.TOY_HOUSEHOLDS[3] == ("Noord", 45)  # the original is untouched
    # D of the low incomes: x = (2, 2, 0) of t = (3, 3, 4): 1/2 (2/6 + 2/6 + 4/6) = 2/3
    assert seg.dissimilarity(counts, group="low", total="households") == pytest.approx(2 / 3)


def test_an_emptied_buurt_keeps_its_row():
    moved = toy_cities.move_household(1, "Zuid")
    for k in (2, 3, 4):
        moved = toy_cities.move_household(k, "Zuid", moved)
    counts = toy_cities.toy_counts(moved)
    assert counts["buurt"].tolist() == ["Noord", "Zuid", "Oost"]
    assert counts.loc[0, "households"] == 0


@pytest.mark.parametrize(("number", "buurt", "message"), [
    (0, "Oost", "household"), (True, "Oost", "household"), (4, "West", "buurt 'West'")])
def test_bad_moves_are_refused(number, buurt, message):
    with pytest.raises(ValueError, match=message):
        toy_cities.move_household(number, buurt)
