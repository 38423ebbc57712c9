"""Tests for the chapter 2 exercise bank and the notebooks' use of it."""

from __future__ import annotations

import math

import pytest

from wijkwijs import exercises as ex
from wijkwijs.havenstad import havenstad_dwellings, havenstad_neighbourhoods
from wijkwijs.havenstad import views as hv


def test_toy_answers_are_the_hand_computed_values():
    # x = (2, 2, 0) low-income of t = (4, 3, 3): D = 1/2 (1/6 + 2/6 + 3/6) = 1/2
    assert ex.get("2.1-toy-d").expected() == pytest.approx(0.5)
    assert ex.get("2.1-toy-movers").expected() == pytest.approx(2.0)
    assert ex.get("2.1-toy-isolation").expected() == pytest.approx(0.25 + 1 / 3)

    def entropy(p):
        return -sum(q * math.log(q) for q in (p, 1 - p) if q > 0)

    city = entropy(0.4)
    theil = (4 * (city - entropy(0.5)) + 3 * (city - entropy(2 / 3)) + 3 * city) / (10 * city)
    assert ex.get("2.1-toy-theil").expected() == pytest.approx(theil)


def test_multigroup_answer_matches_the_hand_formula():
    # bands (low, middle, high) per buurt: Noord (2,1,1), Zuid (2,1,0), Oost (0,1,2)
    def entropy(counts):
        n = sum(counts)
        return -sum(c / n * math.log(c / n) for c in counts if c)

    units = [(2, 1, 1), (2, 1, 0), (0, 1, 2)]
    city = entropy((4, 3, 3))
    h = sum(sum(u) * (city - entropy(u)) for u in units) / (10 * city)
    assert ex.get("2.1-multigroup-h").expected() == pytest.approx(h)


def test_checkerboard_answer_matches_the_count_of_neighbour_pairs():
    # 6 x 6 grid, queen contiguity: 60 edge pairs (differ by 0.6), 50 corner pairs (equal)
    assert ex.get("2.3-checkerboard").expected() == pytest.approx(0.6 - 0.6 * 60 / 110)


def test_havenstad_answers_agree_with_independent_computations():
    panel_d = hv.group_trend(scale="buurt").set_index("year")["bottom_10"]
    assert ex.get("2.3-bottom-10-change").expected() == pytest.approx(panel_d[2022] - panel_d[2011])
    assert ex.get("2.3-bottom-10-change").expected() > 0  # the story of the course
    assert ex.get("2.3-wijk-d").expected() < panel_d[2022]  # coarser units, lower D
    # the buurt with most social rent, straight from the dwelling table
    stock = havenstad_dwellings(2022)
    stock = stock[stock["buurt_code"].str.startswith("BU9901")]
    top = stock.loc[(stock["social_rent"] / stock["total"]).idxmax(), "buurt_code"]
    names = havenstad_neighbourhoods().set_index("code")["name"]
    assert ex.get("2.2-social-rent-buurt").expected() == [names[top]]
    assert 0 < ex.get("2.4-residual-share").expected() < 1


def test_choice_accepts_letters_and_option_text():
    assert ex.check("2.1-read-d", "b").correct
    assert ex.check("2.3-most-separated", "top 1%").correct


