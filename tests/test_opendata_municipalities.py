"""The Gini-segregation link across Dutch municipalities, checked against scipy."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from wijkwijs.opendata import municipalities as mun
from wijkwijs.opendata import shipped_municipalities

stats = pytest.importorskip("scipy.stats")


@pytest.fixture(scope="module")
def frame():
    return mun.gini_segregation_frame()


def test_frame_keeps_every_municipality_with_a_gini(frame):
    towns = shipped_municipalities()
    assert len(frame) == int(towns["gini"].notna().sum())
    assert frame["gini"].notna().all()
    assert not frame["gemeente_name"].str.contains("_").any()
    big = mun.gini_segregation_frame(min_inhabitants=100_000)
    assert (big["inhabitants"] >= 100_000).all()
    assert set(big["gemeente_code"]) <= set(frame["gemeente_code"])


@pytest.mark.parametrize("indicator", mun.INDICATORS)
def test_pearson_and_its_interval_agree_with_scipy(frame, indicator):
    ours = mun.correlation(frame["gini"], frame[indicator], permutations=0)
    theirs = stats.pearsonr(frame["gini"], frame[indicator])
    assert ours["r"] == pytest.approx(theirs.statistic, abs=1e-12)
    interval = theirs.confidence_interval(0.95)  # scipy's is Fisher's z too
    assert ours["ci_low"] == pytest.approx(interval.low, abs=1e-9)
    assert ours["ci_high"] == pytest.approx(interval.high, abs=1e-9)


@pytest.mark.parametrize("indicator", mun.INDICATORS)
def test_spearman_agrees_with_scipy_and_the_permutation_p_with_its_test(frame, indicator):
    ours = mun.correlation(frame["gini"], frame[indicator], method="spearman",
                           permutations=4999, seed=1)
    theirs = stats.spearmanr(frame["gini"], frame[indicator])
    assert ours["r"] == pytest.approx(theirs.statistic, abs=1e-12)
    assert ours["ci_low"] < ours["r"] < ours["ci_high"]
    # with n = 376 the permutation p and the t-approximation agree closely
    assert ours["p_permutation"] == pytest.approx(theirs.pvalue, abs=0.03)


def test_permutation_p_against_scipy_permutation_test():
    rng = np.random.default_rng(3)
    x = rng.normal(size=40)
    y = 0.3 * x + rng.normal(size=40)
    ours = mun.correlation(x, y, permutations=9999, seed=4)["p_permutation"]
    theirs = stats.permutation_test((y,), lambda v: stats.pearsonr(x, v).statistic,
                                    permutation_type="pairings", n_resamples=9999,
                                    random_state=5).pvalue
    assert ours == pytest.approx(theirs, abs=0.02)


def test_hand_checkable_cases():
    perfect = mun.correlation([1, 2, 3, 4, 5], [2, 4, 6, 8, 10], permutations=999, seed=0)
    assert perfect["r"] == 1.0 and perfect["ci_low"] == perfect["ci_high"] == 1.0
    # 2 of the 120 orders (the same and the reversed) reach |r| = 1, so about 1 in 60;
    # with 999 shuffles the p-value is small but not below 1/1000
    assert 1 / 1000 <= perfect["p_permutation"] < 0.05
    falling = mun.correlation([1, 2, 3, 4], [8, 4, 2, 1], method="spearman", permutations=0)
    assert falling["r"] == pytest.approx(-1.0)
    assert np.isnan(falling["p_permutation"])


def test_same_seed_same_p(frame):
    a = mun.correlation(frame["gini"], frame["intensity"], permutations=499, seed=7)
    b = mun.correlation(frame["gini"], frame["intensity"], permutations=499, seed=7)
    assert a == b


def test_link_table_shape():
    table = mun.gini_link_table(permutations=99)
    assert len(table) == len(mun.INDICATORS) * len(mun.METHODS)
    assert table["r"].between(-1, 1).all()
    assert (table["ci_low"] <= table["r"]).all() and (table["r"] <= table["ci_high"]).all()


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"x": [1, 2, 3], "y": [1, 2, 3]}, "at least 4"),
    ({"x": [1, 2, 3, 4], "y": [1, 2, 3]}, "equally long"),
    ({"x": [1, 1, 1, 1], "y": [1, 2, 3, 4]}, "constant"),
    ({"x": [1, 2, np.nan, 4], "y": [1, 2, 3, 4]}, "missing"),
    ({"x": [1, 2, 3, 4], "y": [1, 2, 3, 4], "method": "kendall"}, "method"),
    ({"x": [1, 2, 3, 4], "y": [1, 2, 3, 4], "confidence": 95}, "confidence"),
    ({"x": [1, 2, 3, 4], "y": [1, 2, 3, 4], "permutations": -1}, "permutations"),
])
def test_bad_input_is_refused(kwargs, message):
    with pytest.raises(ValueError, match=message):
        mun.correlation(**kwargs)


def test_bad_tables_are_refused():
    with pytest.raises(ValueError, match="gini"):
        mun.gini_segregation_frame(pd.DataFrame({"gemeente_code": ["GM1"]}))
    with pytest.raises(ValueError, match="indicator"):
        mun.gini_link_table(indicators=("scale_absolute",), permutations=0)


def test_the_link_summary_reads_the_tables():
    from wijkwijs.opendata.municipalities import gini_link_summary, gini_link_table

    link = gini_link_table(permutations=0)
    big = gini_link_table(min_inhabitants=100_000, permutations=0)
    out = gini_link_summary(link, big)
    rows = link.to_dict("records")
    strongest = max(rows, key=lambda row: abs(row["r"]))
    assert (out["indicator"], out["method"].lower(), out["r"]) == (
        strongest["indicator"], strongest["method"], strongest["r"])
    assert out["zero_in"] == [row["indicator"] for row in rows if row["method"] == "pearson"
                              and row["ci_low"] < 0 < row["ci_high"]]
    spearman = {row["indicator"]: row["r"] for row in big.to_dict("records")
                if row["method"] == "spearman"}
    assert (out["rho_intensity"], out["rho_separation"]) == (
        spearman["intensity"], spearman["separation"])
