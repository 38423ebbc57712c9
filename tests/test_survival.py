"""Tests of wijkwijs.survival: hand-computed cases, a published textbook table, an
independent product-limit as oracle, and Hypothesis properties.

lifelines would be a natural second oracle, but it requires pandas < 3 (the course needs
pandas 3), so it is not a test dependency; a one-off comparison over 297 random cases
agreed to 1e-15 (see the survival module's docstring on medians at exactly one half)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkwijs.survival import KM_COLUMNS, kaplan_meier, median_survival, survival_by_group

# --------------------------------------------------------------------------- hand cases


def test_small_case_by_hand():
    # durations 2, 3, 3+, 5, 6+ ("+" = censored). Events first at t = 3:
    #   t=2: n=5, d=1          S = 4/5                  = 0.8
    #   t=3: n=4, d=1, c=1     S = 0.8 * 3/4            = 0.6   (the 3+ is still at risk)
    #   t=5: n=2, d=1          S = 0.6 * 1/2            = 0.3
    #   t=6: n=1, d=0, c=1     S = 0.3
    # Greenwood: sum d/(n(n-d)) = 1/20, +1/12, +1/2 -> var = S^2 * sum
    t = kaplan_meier([2, 3, 3, 5, 6], [1, 1, 0, 1, 0])
    assert list(t.columns) == list(KM_COLUMNS)
    assert t["time"].tolist() == [0, 2, 3, 5, 6]
    assert t["at_risk"].tolist() == [5, 5, 4, 2, 1]
    assert t["events"].tolist() == [0, 1, 1, 1, 0]
    assert t["censored"].tolist() == [0, 0, 1, 0, 1]
    np.testing.assert_allclose(t["survival"], [1, 0.8, 0.6, 0.3, 0.3])
    g = np.cumsum([0, 1 / 20, 1 / 12, 1 / 2, 0])
    np.testing.assert_allclose(t["std_error"], t["survival"] * np.sqrt(g))
    # log-log interval at t=2 written out: sigma = sqrt(1/20) / |log 0.8|
    sigma = math.sqrt(1 / 20) / abs(math.log(0.8))
    assert t.loc[1, "ci_lower"] == pytest.approx(0.8 ** math.exp(1.959963984540054 * sigma))
    assert t.loc[1, "ci_upper"] == pytest.approx(0.8 ** math.exp(-1.959963984540054 * sigma))
    assert median_survival([2, 3, 3, 5, 6], [1, 1, 0, 1, 0]) == 5.0


def test_textbook_6mp_leukaemia():
    # Freireich et al. (1963), 6-MP group (Klein & Moeschberger 2003, Table 4.1A):
    # remission times in weeks, + censored: 6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+
    # 22 23 25+ 32+ 32+ 34+ 35+. Published S: .857 .807 .753 .690 .627 .538 .448 and
    # Greenwood SE .076 .087 .096 .107 .114 .128 .135 at t = 6 7 10 13 16 22 23.
    durations = [6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35]
    observed = [1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]
    t = kaplan_meier(durations, observed).set_index("time")
    at = [6, 7, 10, 13, 16, 22, 23]
    np.testing.assert_allclose(t.loc[at, "survival"],
                               [.857, .807, .753, .690, .627, .538, .448], atol=6e-4)
    np.testing.assert_allclose(t.loc[at, "std_error"],
                               [.076, .087, .096, .107, .114, .128, .135], atol=6e-4)
    # exact first factor 18/21 and the 6+ still at risk at 6 (events first)
    assert t.loc[6, "survival"] == pytest.approx(18 / 21)
    assert t.loc[7, "at_risk"] == 17
    assert t.loc[6, "ci_lower"] == pytest.approx(0.6197, abs=1e-4)  # log-log, as R/lifelines
    assert t.loc[6, "ci_upper"] == pytest.approx(0.9516, abs=1e-4)
    assert median_survival(durations, observed) == 23.0


# ----------------------------------------------------------------- an independent oracle


def brute_force(durations, observed, weights=None, entry=None):
    """Product limit over the event times, recounting the risk set unit by unit."""
    n = len(durations)
    weights = [1.0] * n if weights is None else list(weights)
    entry = [None] * n if entry is None else list(entry)
    out = {}
    s, g = 1.0, 0.0
    for time in sorted(set(durations)):
        at_risk = sum(w for d, w, e in zip(durations, weights, entry, strict=True)
                      if d >= time and (e is None or e < time))
        dead = sum(w for d, o, w in zip(durations, observed, weights, strict=True)
                   if d == time and o)
        if at_risk > 0 and dead > 0:
            s *= (at_risk - dead) / at_risk
            g = g + dead / (at_risk * (at_risk - dead)) if at_risk > dead else math.inf
        out[time] = (at_risk, dead, s, s * math.sqrt(g) if s > 0 else 0.0)
    return out


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.booleans(), st.integers(1, 3)),
                min_size=1, max_size=40),
       st.booleans())
def test_matches_brute_force(rows, weighted):
    durations = [float(r[0]) for r in rows]
    observed = [r[1] for r in rows]
    weights = [float(r[2]) for r in rows] if weighted else None
    table = kaplan_meier(durations, observed, weights=weights).set_index("time")
    for time, (n, d, s, se) in brute_force(durations, observed, weights).items():
        assert table.loc[time, "at_risk"] == pytest.approx(n)
        assert table.loc[time, "events"] == pytest.approx(d)
        assert table.loc[time, "survival"] == pytest.approx(s, abs=1e-12)
        assert table.loc[time, "std_error"] == pytest.approx(se, abs=1e-12)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 12), st.booleans(), st.integers(0, 11)),
                min_size=1, max_size=30))
def test_delayed_entry_matches_brute_force(rows):
    durations = [float(r[0]) for r in rows]
    observed = [r[1] for r in rows]
    entry = [float(min(r[2], r[0] - 1)) for r in rows]
    table = kaplan_meier(durations, observed, entry=entry).set_index("time")
    for time, (n, d, s, _) in brute_force(durations, observed, entry=entry).items():
        assert table.loc[time, "at_risk"] == pytest.approx(n)
        assert table.loc[time, "events"] == pytest.approx(d)
        assert table.loc[time, "survival"] == pytest.approx(s, abs=1e-12)


# ------------------------------------------------------------------------- properties

samples = st.lists(st.tuples(st.floats(0, 50, allow_nan=False), st.booleans()),
                   min_size=1, max_size=60)


@settings(max_examples=150, deadline=None)
@given(samples)
def test_survival_non_increasing_in_unit_interval_and_one_before_first_event(rows):
    durations = [r[0] for r in rows]
    observed = [r[1] for r in rows]
    t = kaplan_meier(durations, observed)
    s = t["survival"].to_numpy()
    assert np.all(np.diff(s) <= 1e-15)
    assert np.all((s >= 0) & (s <= 1))
    assert np.all(t["time"].diff().dropna() > 0)
    events = [d for d, o in rows if o]
    first = min(events) if events else math.inf
    assert np.all(s[t["time"].to_numpy() < first] == 1.0)
    ok = t["ci_lower"].notna()
    assert np.all(t.loc[ok, "ci_lower"] <= t.loc[ok, "survival"] + 1e-12)
    assert np.all(t.loc[ok, "survival"] <= t.loc[ok, "ci_upper"] + 1e-12)
    assert np.all((t.loc[ok, "ci_lower"] >= 0) & (t.loc[ok, "ci_upper"] <= 1))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.floats(0, 50, allow_nan=False), min_size=1, max_size=60))
def test_no_censoring_is_one_minus_empirical_cdf(durations):
    t = kaplan_meier(durations)
    x = np.asarray(durations)
    ecdf = np.array([(x <= time).mean() for time in t["time"]])
    np.testing.assert_allclose(t["survival"], 1 - ecdf, atol=1e-12)


# ------------------------------------------------------------------------ edge cases


def test_all_censored_stays_one_and_median_infinite():
    t = kaplan_meier([1, 2, 3], [0, 0, 0])
    assert (t["survival"] == 1).all() and (t["std_error"] == 0).all()
    assert median_survival([1, 2, 3], [False, False, False]) == math.inf


def test_last_at_risk_dies_gives_zero_and_nan_interval():
    t = kaplan_meier([1, 2], [1, 1])
    assert t["survival"].tolist() == [1.0, 0.5, 0.0]
    assert np.isnan(t.loc[2, "ci_lower"]) and t.loc[2, "std_error"] == 0


def test_weights_equal_repetition():
    a = kaplan_meier([1, 2, 3], [1, 0, 1], weights=[2, 1, 3])
    b = kaplan_meier([1, 1, 2, 3, 3, 3], [1, 1, 0, 1, 1, 1])
    pd.testing.assert_frame_equal(a, b)


def test_observed_accepts_booleans_numbers_and_nullable():
    a = kaplan_meier([1, 2, 3], pd.Series([True, False, True], dtype="boolean"))
    b = kaplan_meier([1, 2, 3], np.array([1.0, 0.0, 1.0]))
    pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"durations": [1, -1], "observed": [1, 1]}, "negative durations.*position 1"),
    ({"durations": [1, float("nan")], "observed": [1, 1]}, "durations contains NaN"),
    ({"durations": [1, 2], "observed": [1, 2]}, "boolean-like.*found 2 at position 1"),
    ({"durations": [1, 2], "observed": ["yes", "no"]}, "boolean-like"),
    ({"durations": [1, 2], "observed": [1, None]}, "missing value at position 1"),
    ({"durations": [1, 2], "observed": [1.0, float("nan")]}, "missing value"),
    ({"durations": [1, 2, 3], "observed": [1, 0]}, "lengths differ"),
    ({"durations": [1, 2], "observed": [1, 0], "weights": [1]}, "lengths differ"),
    ({"durations": [1, 2], "observed": [1, 0], "weights": [1, -1]}, "negative weights"),
    ({"durations": [1, 2], "observed": [1, 0], "entry": [0, 2]}, "entry must be before"),
    ({"durations": [], "observed": []}, "empty"),
])
def test_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        kaplan_meier(**kwargs)


# ---------------------------------------------------------------------------- groups


def test_survival_by_group_matches_each_group_and_keeps_empty_categories():
    df = pd.DataFrame({
        "years": [2, 3, 3, 5, 6, 1, 4, 4],
        "closed": [1, 1, 0, 1, 0, 0, 0, 0],
        "funding": pd.Categorical(["a"] * 5 + ["b"] * 3, categories=["a", "b", "empty"]),
    })
    out = survival_by_group(df, "years", "closed", "funding")
    assert list(out.columns) == ["funding", *KM_COLUMNS]
    part = out[out["funding"] == "a"].drop(columns="funding").reset_index(drop=True)
    pd.testing.assert_frame_equal(part, kaplan_meier([2, 3, 3, 5, 6], [1, 1, 0, 1, 0]))
    assert (out.loc[out["funding"] == "b", "survival"] == 1).all()  # all censored
    assert "empty" not in set(out["funding"])
    assert out.attrs["median"]["a"] == 5.0
    assert out.attrs["median"]["b"] == math.inf
    assert math.isnan(out.attrs["median"]["empty"])


def test_survival_by_group_bad_columns():
    df = pd.DataFrame({"t": [1, 2], "e": [1, 0], "g": ["a", None]})
    with pytest.raises(ValueError, match="duration column 'years'"):
        survival_by_group(df, "years", "e", "g")
    with pytest.raises(ValueError, match="missing value at position 1"):
        survival_by_group(df, "t", "e", "g")
