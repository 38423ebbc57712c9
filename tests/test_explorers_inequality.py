"""Tests for the chapter 0–1 explorers and helpers (wijkwijs.explorers.inequality)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkwijs import i18n
from wijkwijs import inequality as iq
from wijkwijs.explorers import inequality as ei
from wijkwijs.widgets import Explorer

INCOMES = [10_000, 20_000, 30_000, 40_000, 100_000]  # mean 40,000; Gini 0.4


# --------------------------------------------------------------------------- the maths
def test_redistribute_by_hand():
    # 25% tax and 1,000 each: 0.75 * 10,000 + 1,000 and 0.75 * 30,000 + 1,000
    assert ei.redistribute([10_000, 30_000], 0.25, 1_000).tolist() == [8_500, 23_500]
    # budget-neutral: revenue 0.25 * 40,000 = 10,000 shared by 2 households = 5,000 each
    assert ei.redistribute([10_000, 30_000], 0.25, budget_neutral=True).tolist() == [
        12_500, 27_500]
    assert ei.budget_neutral_transfer([10_000, 30_000], 0.25) == 5_000


def test_no_tax_no_transfer_changes_nothing():
    assert ei.redistribute(INCOMES, 0.0).tolist() == INCOMES


def test_gini_of_hand_example():
    # sum of |x_i - x_j| over ordered pairs = 800,000; 800,000 / (2 * 25 * 40,000) = 0.4
    assert iq.gini(INCOMES) == pytest.approx(0.4)
    assert iq.gini(ei.redistribute(INCOMES, 0.5, budget_neutral=True)) == pytest.approx(0.2)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0, 1e6), min_size=2, max_size=40).filter(lambda v: sum(v) > 1),
       st.floats(0, 1))
def test_budget_neutrality_keeps_total_and_scales_gini(incomes, tax_rate):
    after = ei.redistribute(incomes, tax_rate, budget_neutral=True)
    assert after.sum() == pytest.approx(sum(incomes), rel=1e-9)
    assert iq.gini(after) == pytest.approx((1 - tax_rate) * iq.gini(incomes), abs=1e-9)


@pytest.mark.parametrize("bad", [{"tax_rate": 1.5}, {"tax_rate": -0.1},
                                 {"tax_rate": 0.2, "transfer": -5}])
def test_bad_redistribution_input_is_named(bad):
    with pytest.raises(ValueError, match=r"tax_rate|transfer"):
        ei.redistribute(INCOMES, **bad)


def test_negative_incomes_are_refused():
    with pytest.raises(ValueError, match="incomes"):
        ei.redistribute([-1, 5], 0.1)


def test_summary_measures_match_the_library_and_hand_values():
    m = ei.summary_measures(INCOMES)
    assert m["gini"] == pytest.approx(0.4)
    assert m["bottom_40"] == pytest.approx(30_000 / 200_000)
    assert m["top_10"] == pytest.approx(50_000 / 200_000)  # half of the richest
    assert m["palma"] == pytest.approx(0.25 / 0.15)
    assert m["mean"] == 40_000 and m["median"] == 30_000
    assert m["top_1"] == pytest.approx(iq.top_share(INCOMES, 0.01))


def test_summary_measures_marks_undefined_ratios():
    m = ei.summary_measures([0, 0, 0, 0, 0, 0, 0, 0, 0, 10])
    assert np.isnan(m["palma"]) and np.isnan(m["p90_p10"])
    table = ei.inequality_table({"x": [0] * 9 + [10]}, measures=("palma",))
    assert table.iloc[0, 1] == "undefined"


def test_inequality_table_numbers_and_unknown_measure():
    table = ei.inequality_table({"a": INCOMES}, measures=("gini", "mean"), formatted=False)
    assert table["a"].tolist() == pytest.approx([0.4, 40_000])
    with pytest.raises(ValueError, match="unknown measure"):
        ei.inequality_table({"a": INCOMES}, measures=("atkinson",))


def test_lorenz_table_and_pairwise_differences():
    table = ei.lorenz_table(ei.LORENZ_FIVE)
    assert table["cumulative_income_share"].tolist() == pytest.approx([0.08, 0.2, 0.36, 0.6, 1])
    assert ei.pairwise_differences(ei.LORENZ_FIVE).to_numpy().sum() == 456_000


# --------------------------------------------------------------------------- the explorer
def test_explorer_is_an_explorer_and_set_changes_outputs():
    ex = ei.redistribution_explorer(INCOMES, budget_neutral=False)
    assert isinstance(ex, Explorer)
    assert "wijkwijs-explorer" in ex.widget._dom_classes
    png, html = ex.plot_view.value, ex.table_view.value
    ex.set(tax_rate=50, transfer=10_000)
    assert ex.plot_view.value != png and ex.table_view.value != html
    # 0.5 * x + 10,000: gaps halve, the mean falls to 30,000 -> Gini 0.4 * 20 / 30
    assert f"{0.4 * 20 / 30:.3f}" in ex.table_view.value
    assert "€10,000" in ex.table_view.value


def test_explorer_budget_neutral_ignores_transfer_and_pays_revenue():
    ex = ei.redistribution_explorer(INCOMES, budget_neutral=True)
    assert ex.controls["transfer"].disabled
    ex.set(tax_rate=50, transfer=20_000)
    assert "0.200" in ex.table_view.value  # (1 - 0.5) * 0.4
    assert "€20,000" in ex.table_view.value  # revenue 0.5 * 40,000 per household
    assert "€40,000" in ex.table_view.value  # the mean is unchanged
    ex.set(budget_neutral=False)
    assert not ex.controls["transfer"].disabled


def test_default_explorer_uses_a_havenstad_sample():
    sample = ei.havenstad_sample()
    assert sample.size == 2_000
    assert np.array_equal(sample, ei.havenstad_sample())  # seeded
    with pytest.raises(ValueError, match="n must lie"):
        ei.havenstad_sample(n=0)


def test_explorer_labels_follow_the_language():
    try:
        i18n.set_language("nl")
        ex = ei.redistribution_explorer(INCOMES)
        assert ex.controls["tax_rate"].description == "Vlaktaks (%)"
        assert "Voor" in ex.table_view.value
    finally:
        i18n.set_language("en")


def test_every_inequality_label_exists_in_both_languages():
    keys = [k for k in i18n.keys() if k.startswith(("ineq.", "ineqplot."))]
    assert len(keys) > 20
    for key in keys:
        texts = []
        for lang in i18n.LANGUAGES:
            i18n.set_language(lang)
            texts.append(i18n.t(key))
        i18n.set_language("en")
        assert all(t.strip() for t in texts), key


def test_mean_median_explorer_still_works():
    ex = ei.mean_median_explorer()
    ex.set(richest=100_000)
    assert "€41,000" in ex.table_view.value
