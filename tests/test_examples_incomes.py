"""Tests for the incomes of chapters 0–1 (wijkwijs.examples.incomes): redistribution, measures."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkwijs import inequality as iq
from wijkwijs.examples import incomes as inc

INCOMES = [10_000, 20_000, 30_000, 40_000, 100_000]  # mean 40,000; Gini 0.4


# --------------------------------------------------------------------------- the maths
def test_redistribute_by_hand():
    # 25% tax and 1,000 each: 0.75 * 10,000 + 1,000 and 0.75 * 30,000 + 1,000
    assert inc.redistribute([10_000, 30_000], 0.25, 1_000).tolist() == [8_500, 23_500]
    # budget-neutral: revenue 0.25 * 40,000 = 10,000 shared by 2 households = 5,000 each
    assert inc.redistribute([10_000, 30_000], 0.25, budget_neutral=True).tolist() == [
        12_500, 27_500]
    assert inc.budget_neutral_transfer([10_000, 30_000], 0.25) == 5_000


def test_no_tax_no_transfer_changes_nothing():
    assert inc.redistribute(INCOMES, 0.0).tolist() == INCOMES


def test_gini_of_hand_example():
    # sum of |x_i - x_j| over ordered pairs = 800,000; 800,000 / (2 * 25 * 40,000) = 0.4
    assert iq.gini(INCOMES) == pytest.approx(0.4)
    assert iq.gini(inc.redistribute(INCOMES, 0.5, budget_neutral=True)) == pytest.approx(0.2)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0, 1e6), min_size=2, max_size=40).filter(lambda v: sum(v) > 1),
       st.floats(0, 1))
def test_budget_neutrality_keeps_total_and_scales_gini(incomes, tax_rate):
    after = inc.redistribute(incomes, tax_rate, budget_neutral=True)
    assert after.sum() == pytest.approx(sum(incomes), rel=1e-9)
    assert iq.gini(after) == pytest.approx((1 - tax_rate) * iq.gini(incomes), abs=1e-9)


@pytest.mark.parametrize("bad", [{"tax_rate": 1.5}, {"tax_rate": -0.1},
                                 {"tax_rate": 0.2, "transfer": -5}])
def test_bad_redistribution_input_is_named(bad):
    with pytest.raises(ValueError, match=r"tax_rate|transfer"):
        inc.redistribute(INCOMES, **bad)


def test_negative_incomes_are_refused():
    with pytest.raises(ValueError, match="incomes"):
        inc.redistribute([-1, 5], 0.1)


def test_summary_measures_match_the_library_and_hand_values():
    m = inc.summary_measures(INCOMES)
    assert m["gini"] == pytest.approx(0.4)
    assert m["bottom_40"] == pytest.approx(30_000 / 200_000)
    assert m["top_10"] == pytest.approx(50_000 / 200_000)  # half of the richest
    assert m["palma"] == pytest.approx(0.25 / 0.15)
    assert m["mean"] == 40_000 and m["median"] == 30_000
    assert m["top_1"] == pytest.approx(iq.top_share(INCOMES, 0.01))


def test_summary_measures_marks_undefined_ratios():
    m = inc.summary_measures([0, 0, 0, 0, 0, 0, 0, 0, 0, 10])
    assert np.isnan(m["palma"]) and np.isnan(m["p90_p10"])
    table = inc.inequality_table({"x": [0] * 9 + [10]}, measures=("palma",))
    assert table.iloc[0, 1] == "undefined"


def test_inequality_table_numbers_and_unknown_measure():
    table = inc.inequality_table({"a": INCOMES}, measures=("gini", "mean"), formatted=False)
    assert table["a"].tolist() == pytest.approx([0.4, 40_000])
    with pytest.raises(ValueError, match="unknown measure"):
        inc.inequality_table({"a": INCOMES}, measures=("atkinson",))


def test_lorenz_table_and_pairwise_differences():
    table = inc.lorenz_table(inc.LORENZ_FIVE)
    assert table["cumulative_income_share"].tolist() == pytest.approx([0.08, 0.2, 0.36, 0.6, 1])
    assert inc.pairwise_differences(inc.LORENZ_FIVE).to_numpy().sum() == 456_000


def test_havenstad_sample_is_seeded_and_checked():
    sample = inc.havenstad_sample()
    assert sample.size == 2_000
    assert np.array_equal(sample, inc.havenstad_sample())  # seeded
    with pytest.raises(ValueError, match="n must lie"):
        inc.havenstad_sample(n=0)


def test_mean_median_and_redistribution_tables():
    table = inc.mean_median_table(inc.five_incomes(100_000))
    assert table.iloc[:, 1].tolist() == ["€41,000", "€30,000"]
    table = inc.redistribution_table(INCOMES, 0.5, budget_neutral=True)
    rows = dict(zip(table.iloc[:, 0], zip(table.iloc[:, 1], table.iloc[:, 2], strict=True),
                    strict=True))
    assert rows["Gini"] == ("0.400", "0.200")
    assert rows["Basic income paid (€ per household)"] == ("€0", "€20,000")
    assert inc.format_measure("bottom_40", 0.15) == "15.0%"


# --------------------------------------------------------------------------- the richest gain
def test_richest_gain_by_hand():
    assert inc.richest_gain(INCOMES, share=0.2, factor=3).tolist() == [
        10_000, 20_000, 30_000, 40_000, 300_000]
    # ceil(0.01 * 5) = 1 household; the original order is kept
    assert inc.richest_gain([5, 1, 9, 3], share=0.01).tolist() == [5, 1, 18, 3]
    assert inc.richest_gain(INCOMES, share=1.0, factor=2).tolist() == [2 * v for v in INCOMES]


def test_richest_gain_moves_top_shares_but_not_p90_p10_when_p90_is_below_the_top():
    x = np.arange(1, 1001, dtype=float)
    after = inc.richest_gain(x, share=0.01, factor=2)
    assert iq.top_share(after, 0.01) > iq.top_share(x, 0.01)
    assert iq.gini(after) > iq.gini(x)
    assert iq.percentile_ratio(after) == iq.percentile_ratio(x)


@pytest.mark.parametrize("kwargs, message", [({"share": 0}, "share"), ({"share": 1.5}, "share"),
                                             ({"factor": -1}, "factor"),
                                             ({"factor": float("nan")}, "factor")])
def test_richest_gain_refuses_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        inc.richest_gain(INCOMES, **kwargs)
