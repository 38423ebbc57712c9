"""Tests for the chapter 1 exercise bank and the notebooks' use of it."""

from __future__ import annotations

import pytest

from wijkwijs import exercises as ex
from wijkwijs.examples.incomes import LORENZ_FIVE
from wijkwijs.exercises import ch1


def test_hand_computed_answers():
    # (12 + 18) / 150 and 456,000 / (2 * 25 * 30,000): the gaps table summed by hand
    assert ex.get("1.2-bottom-two").expected() == pytest.approx(0.20)
    assert ex.get("1.2-gini-five").expected() == pytest.approx(0.304)
    gaps = sum(abs(a - b) for a in LORENZ_FIVE for b in LORENZ_FIVE)
    assert gaps == 456_000
    assert ex.get("1.2-flat-tax").expected() == pytest.approx(0.7 * 0.304)


def test_published_answers_match_the_cbs_table():
    # CBS 83739NED: 2022 income Gini 0.285, wealth Gini 0.711; above 0.30 in 2014 and 2019
    assert ex.get("1.1-gini-gap-2022").expected() == pytest.approx(0.711 - 0.285)
    assert ex.get("1.1-years-above-030").expected() == {2014, 2019}
    assert ex.check("1.1-years-above-030", ["2019", "2014"]).correct


def test_havenstad_answers_are_plausible():
    share = ex.get("1.3-between-share").expected()
    assert 0.0 < share < 1.0
    assert ex.get("1.3-palma-havenstad").expected() > 1.0
    assert ch1.havenstad_city_households()["buurt_code"].str.startswith("BU9901").all()


def test_choice_accepts_letters_and_option_text():
    assert ex.check("1.1-gini-meaning", "b").correct
    assert ex.check("1.3-decomposable", "The Theil index").correct


