"""Tests of wijkwijs.models.continuity: determinism, a hand-checked case, properties."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkwijs.models.continuity import compare_funding, simulate_continuity


def test_deterministic_with_a_seed():
    a = simulate_continuity("project", seed=5)
    b = simulate_continuity("project", seed=5)
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(simulate_continuity("project", seed=6))
    assert len(a) == 10 and a["year"].tolist() == list(range(1, 11))


def test_tiny_case_by_hand():
    # one resident met every year, g = 1/2, no reset: trust 1/2, 3/4, 7/8
    calm = simulate_continuity("structural", 3, turnover_per_cycle=0, trust_growth=0.5,
                               contact_rate=1, residents=1, seed=0)
    assert calm["trust"].tolist() == [0.5, 0.75, 0.875]
    assert calm["worker_tenure"].tolist() == [1, 2, 3]
    # a new worker every cycle of 2 years keeping half the trust: 1/2, 3/4 -> 3/8 -> 11/16
    half = simulate_continuity("project", 3, cycle_years=2, renewal_probability=1,
                               turnover_per_cycle=1, trust_growth=0.5, trust_reset=0.5,
                               contact_rate=1, residents=1, seed=0)
    assert half["trust"].tolist() == [0.5, 0.75, 0.375 + 0.5 * 0.625]
    assert half["worker_changes"].tolist() == [0, 0, 1]
    # never renewed: closed from year 2, trust 0, nobody reached, no contact person
    shut = simulate_continuity("project", 4, cycle_years=1, renewal_probability=0,
                               contact_rate=1, seed=0)
    assert shut["open"].tolist() == [True, False, False, False]
    assert (shut.loc[1:, ["trust", "residents_reached", "referrals",
                          "initiatives_with_contact"]] == 0).all().all()


def test_initiatives_with_and_without_contact():
    # survival 1 with a contact, 0 without: with no turnover every initiative lives
    keep = simulate_continuity("structural", 5, turnover_per_cycle=0,
                               initiative_survival_with_contact=1,
                               initiative_survival_without_contact=0, seed=2)
    assert keep["initiatives_alive"].tolist() == keep["initiatives_started"].cumsum().tolist()
    # a new worker every year: only the initiatives of this year's worker survive it
    churn = simulate_continuity("structural", 5, turnover_per_cycle=1,
                                initiative_survival_with_contact=1,
                                initiative_survival_without_contact=0, seed=2)
    assert churn["initiatives_alive"].tolist() == churn["initiatives_started"].tolist()


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from(["structural", "project"]))
def test_no_turnover_structural_trust_never_falls(seed, funding):
    run = simulate_continuity(funding, 10, turnover_per_cycle=0, renewal_probability=1,
                              seed=seed)
    assert run["trust"].is_monotonic_increasing
    assert run["worker_changes"].sum() == 0


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.floats(0, 1), st.floats(0, 1),
       st.sampled_from(["structural", "project"]))
def test_more_turnover_never_more_trust_run_by_run(seed, low, high, funding):
    # common random numbers: same seed, only the turnover differs -> holds in every run
    low, high = sorted((low, high))
    a = simulate_continuity(funding, 10, turnover_per_cycle=low, seed=seed)
    b = simulate_continuity(funding, 10, turnover_per_cycle=high, seed=seed)
    assert (b["trust"] <= a["trust"] + 1e-12).all()
    assert (b["referrals"] <= a["referrals"]).all()
    assert (b["worker_changes"] >= a["worker_changes"]).all()


def test_structural_beats_project_on_average_over_seeds():
    runs = {k: np.mean([simulate_continuity(k, seed=s)[["trust", "initiatives_alive"]]
                        .mean().to_numpy() for s in range(100)], axis=0)
            for k in ("structural", "project")}
    assert runs["structural"][0] > runs["project"][0]
    assert runs["structural"][1] > runs["project"][1]


def test_compare_funding_side_by_side():
    table = compare_funding(years=6, seed=4)
    assert table.shape == (6, 12)
    pd.testing.assert_series_equal(
        table[("trust", "project")],
        simulate_continuity("project", 6, seed=4).set_index("year")["trust"],
        check_names=False)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"funding": "grant"}, "funding 'grant' is unknown"),
    ({"years": 0}, "years must be a whole number >= 1"),
    ({"years": 2.5}, "years must be a whole number"),
    ({"cycle_years": 0}, "cycle_years"),
    ({"trust_growth": 1.5}, "trust_growth must lie in"),
    ({"renewal_probability": -0.1}, "renewal_probability"),
    ({"initiatives_per_year": -1}, "initiatives_per_year"),
    ({"residents": True}, "residents"),
])
def test_bad_parameters(kwargs, message):
    with pytest.raises(ValueError, match=message):
        simulate_continuity(**kwargs)


def test_batch_runs_are_the_single_runs_averaged():
    from wijkwijs.models.continuity import RUN_MEASURES, compare_funding_runs

    table = compare_funding_runs(years=7, runs=6, seed=11, project={"cycle_years": 3},
                                 trust_reset=0.5)
    assert table.attrs["runs"] == 6 and table.index.tolist() == list(range(1, 8))
    for regime, extra in (("structural", {}), ("project", {"cycle_years": 3})):
        singles = [simulate_continuity(regime, 7, seed=11 + i, trust_reset=0.5, **extra)
                   .set_index("year") for i in range(6)]
        for measure in RUN_MEASURES:
            by_hand = np.mean([s[measure].astype(float).to_numpy() for s in singles], axis=0)
            np.testing.assert_allclose(table[(measure, regime)].to_numpy(), by_hand)
    assert table.attrs["parameters"]["project"]["cycle_years"] == 3
    assert table.attrs["parameters"]["structural"]["cycle_years"] == 1


def test_scenario_totals_by_hand():
    from wijkwijs.models.continuity import scenario_totals

    table = compare_funding(years=5, seed=2)
    totals = scenario_totals(table)
    for regime in ("structural", "project"):
        assert totals.loc["referrals", regime] == table[("referrals", regime)].sum()
        assert totals.loc["residents_reached_per_year", regime] == pytest.approx(
            table[("residents_reached", regime)].mean())
        assert totals.loc["initiatives_alive_at_end", regime] == \
            table[("initiatives_alive", regime)].iloc[-1]
    with pytest.raises(ValueError, match="lacks the measures"):
        scenario_totals(table.drop(columns="referrals", level=0))


def test_structural_ahead_on_average_with_the_defaults():
    from wijkwijs.models.continuity import compare_funding_runs, scenario_totals

    totals = scenario_totals(compare_funding_runs(runs=50))
    for outcome in ("residents_reached_per_year", "referrals", "initiatives_alive_at_end",
                    "trust_at_end"):
        assert totals.loc[outcome, "structural"] > totals.loc[outcome, "project"]
    # with the project regime set equal to the structural one, the two coincide
    same = compare_funding_runs(runs=5, project={"cycle_years": 1, "renewal_probability": 1,
                                                 "turnover_per_cycle": 0.10})
    pd.testing.assert_frame_equal(same.xs("structural", axis=1, level=1),
                                  same.xs("project", axis=1, level=1))


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"runs": 0}, "runs must be a whole number >= 1"),
    ({"project": {"trust_reset": 0.5}}, "project may only set"),
    ({"turnover_per_cycle": 0.5}, "differ by regime"),
    ({"project": {"turnover_per_cycle": 2}}, "turnover_per_cycle must lie in"),
])
def test_compare_funding_runs_bad_input(kwargs, message):
    from wijkwijs.models.continuity import compare_funding_runs

    with pytest.raises(ValueError, match=message):
        compare_funding_runs(**kwargs)


def test_what_notebook_7_2_says_about_the_default_scenarios():
    """The 'Things to notice' of notebook 7.2, on the mean of 50 seeded runs."""
    from wijkwijs.models.continuity import compare_funding_runs, scenario_totals

    t = scenario_totals(compare_funding_runs(runs=50, seed=0))
    ratio = t["project"] / t["structural"]
    # referrals fall further than residents reached; initiatives fall furthest
    assert ratio["initiatives_alive_at_end"] < ratio["referrals"] < \
        ratio["residents_reached_per_year"] < 1
    # residents reached fall because posts close: an open post reaches as many
    runs = compare_funding_runs(runs=50, seed=0, project={"renewal_probability": 1.0})
    reached = runs["residents_reached"]
    np.testing.assert_allclose(reached["project"], reached["structural"])
