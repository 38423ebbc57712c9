"""Tests for wijkwijs.models.growth: determinism, hand-checked tiny cases, the
year-one tie share against its closed form, exact accounting, and properties that
hold run by run thanks to common random numbers (a disruption never adds ties, more
encounters never give fewer)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkwijs.models.growth import simulate_growth

SMALL = dict(households=(20, 15), years=10, join_rate=0.2, encounter_rate=2.0,
             tie_probability=0.05)


def test_same_seed_same_run_other_seed_other_run():
    a = simulate_growth(seed=7, demolition_year=8)
    pd.testing.assert_frame_equal(a, simulate_growth(seed=7, demolition_year=8))
    assert not a.equals(simulate_growth(seed=8, demolition_year=8))


def test_table_shape_and_opening_year():
    run = simulate_growth({"low": 30, "high": 10}, years=5, seed=1)
    assert run["year"].tolist() == [0, 1, 2, 3, 4, 5]
    assert {"participants_low", "participants_high"} <= set(run.columns)
    first = run.iloc[0]
    assert first["participants"] == 0 and first["ties"] == 0 and first["residents"] == 40
    assert (run["participants"] == run["participants_low"] + run["participants_high"]).all()


def test_two_neighbours_hand_checked():
    # both join in year 1 (join_rate 1), meet ~50 times (P(no meeting) = e^-50), and the
    # first meeting already counts: a sure tie, unless homophily is complete
    kw = dict(years=3, join_rate=1.0, leave_rate=0.0, encounter_rate=50.0,
              encounters_to_know=1, tie_probability=1.0)
    run = simulate_growth((1, 1), homophily=0.0, **kw)
    assert run["ties_cross"].tolist() == [0, 1, 1, 1]
    assert run["share_with_cross_tie"].tolist() == [0.0, 1.0, 1.0, 1.0]
    assert simulate_growth((1, 1), homophily=1.0, **kw)["ties"].tolist() == [0, 0, 0, 0]
    same_group = simulate_growth((2,), homophily=1.0, **kw)  # homophily only acts across
    assert same_group["ties_within"].tolist() == [0, 1, 1, 1]
    # never meeting: never a tie, however long
    assert simulate_growth((1, 1), years=30, join_rate=1.0, encounter_rate=0.0)[
        "ties"].max() == 0
    # knowing each other takes 2 encounters: with 50 a year, still year 1
    assert simulate_growth((1, 1), homophily=0.0, **{**kw, "encounters_to_know": 2})[
        "ties"].tolist() == [0, 1, 1, 1]


@pytest.mark.parametrize("know", [1, 2])
def test_year_one_tie_share_matches_the_closed_form(know):
    # 600 residents all join in year 1; a pair meets M ~ Poisson(lam) times; each
    # meeting after the first know - 1 turns into a tie with chance q (q(1-h) across).
    # know = 1: P(tie) = 1 - exp(-lam q)                     (Poisson thinning)
    # know = 2: P(tie) = 1 - e^-lam [1 + (e^(lam(1-q)) - 1) / (1 - q)]
    lam, q, h = 1.5, 0.3, 0.5
    run = simulate_growth((300, 300), years=1, join_rate=1.0, leave_rate=0.0,
                          encounter_rate=lam, encounters_to_know=know, tie_probability=q,
                          homophily=h, seed=3)

    def expected(p):
        if know == 1:
            return 1 - math.exp(-lam * p)
        return 1 - math.exp(-lam) * (1 + (math.exp(lam * (1 - p)) - 1) / (1 - p))

    within_pairs, cross_pairs = 2 * 300 * 299 // 2, 300 * 300
    assert run.loc[1, "ties_within"] / within_pairs == pytest.approx(expected(q), abs=0.006)
    assert run.loc[1, "ties_cross"] / cross_pairs == pytest.approx(expected(q * (1 - h)),
                                                                   abs=0.006)


def test_ties_add_up_every_year():
    run = simulate_growth(seed=2, demolition_year=6, closure_year=12, reopening_year=14)
    assert (run["ties"] == run["ties_within"] + run["ties_cross"]).all()
    change = run["ties"].diff().iloc[1:]
    np.testing.assert_array_equal(change, (run["ties_formed"] - run["ties_lost"]).iloc[1:])


def test_demolition_resets_what_was_built():
    base = simulate_growth(seed=1)
    cut = simulate_growth(seed=1, demolition_year=12, share_moved=0.5)
    pd.testing.assert_frame_equal(base.iloc[:12], cut.iloc[:12])  # the same until then
    assert cut.loc[12, "moved"] == 150
    assert cut.loc[12, "ties_lost"] > 0
    assert cut.loc[12, "ties"] < cut.loc[11, "ties"]  # a visible drop in that year
    assert cut.loc[12, "participants"] < base.loc[12, "participants"]
    assert (cut["ties"] <= base["ties"]).all()
    assert cut.loc[20, "ties"] < base.loc[20, "ties"]  # not made up by the end


def test_demolition_of_one_group_moves_only_that_group():
    cut = simulate_growth((100, 50), seed=1, demolition_year=5, share_moved=0.5,
                          moved_group="b")
    assert cut.loc[5, "moved"] == 25
    assert cut.loc[5, "residents"] == 150  # replaced by newcomers of the same group


def test_closure_and_relocation():
    base = simulate_growth(seed=4)
    closed = simulate_growth(seed=4, closure_year=10, reopening_year=13,
                             fade_while_closed=0.5)
    assert closed.loc[10:12, "participants"].eq(0).all()
    assert not closed.loc[10:12, "centre_open"].any()
    assert closed.loc[10:12, "ties_formed"].eq(0).all()
    assert (closed.loc[10:12, "ties"].diff().iloc[1:] < 0).all()  # ties fade without a focus
    assert closed.loc[13, "centre_open"] and closed.loc[13, "participants"] > 0
    # after reopening, participation starts again from scratch, below the base run
    assert closed.loc[13, "participants"] < base.loc[13, "participants"]
    never = simulate_growth(seed=4, closure_year=10, fade_while_closed=0.0)
    assert never.loc[10:, "ties"].nunique() == 1  # frozen: no new ties, none lost


def test_imposed_participation_does_not_make_ties_at_once():
    imposed = simulate_growth(seed=5, initial_share=1.0)
    assert imposed.loc[1, "participants"] == 300
    # everybody takes part, yet after a year most residents have no tie across groups
    assert imposed.loc[1, "share_with_cross_tie"] < 0.2
    assert imposed.loc[10, "share_with_cross_tie"] > 2 * imposed.loc[1, "share_with_cross_tie"]


def test_bad_parameters_are_refused():
    with pytest.raises(ValueError, match="join_rate must lie in"):
        simulate_growth(join_rate=1.5)
    with pytest.raises(ValueError, match="homophily must lie in"):
        simulate_growth(homophily=-0.1)
    with pytest.raises(ValueError, match="encounter_rate must be a finite number"):
        simulate_growth(encounter_rate=float("nan"))
    with pytest.raises(ValueError, match="demolition_year must be a whole number, 1–20"):
        simulate_growth(demolition_year=21)
    with pytest.raises(ValueError, match="reopening_year needs a closure_year"):
        simulate_growth(reopening_year=5)
    with pytest.raises(ValueError, match="reopening_year must be a whole number, at least 6"):
        simulate_growth(closure_year=5, reopening_year=5)
    with pytest.raises(ValueError, match="moved_group 'c' is unknown"):
        simulate_growth(demolition_year=3, moved_group="c")
    with pytest.raises(ValueError, match="households of group 'b' must be a whole number"):
        simulate_growth((10, -1))
    with pytest.raises(ValueError, match="at least 2 households"):
        simulate_growth((1,))
    with pytest.raises(ValueError, match="encounters_to_know must be a whole number"):
        simulate_growth(encounters_to_know=0)


# --------------------------------------------------------------------------
# properties, run by run (common random numbers)
# --------------------------------------------------------------------------

seeds = st.integers(0, 10_000)


@given(seeds)
@settings(max_examples=25, deadline=None)
def test_without_disruption_ties_never_fall(seed):
    run = simulate_growth(**SMALL, seed=seed)
    assert run["ties"].is_monotonic_increasing
    assert run["ties_lost"].eq(0).all()


@given(seeds, st.integers(1, 10), st.floats(0.05, 1.0), st.sampled_from(["demolition", "closure"]))
@settings(max_examples=25, deadline=None)
def test_a_disruption_never_adds_ties(seed, year, share, kind):
    base = simulate_growth(**SMALL, seed=seed)
    extra = ({"demolition_year": year, "share_moved": share} if kind == "demolition"
             else {"closure_year": year, "fade_while_closed": share})
    cut = simulate_growth(**SMALL, seed=seed, **extra)
    pd.testing.assert_frame_equal(base.iloc[:year], cut.iloc[:year])
    assert (cut["ties"] <= base["ties"]).all()
    assert (cut["ties_cross"] <= base["ties_cross"]).all()
    assert (cut["participants"] <= base["participants"]).all()


@given(seeds, st.floats(0.1, 3.0), st.floats(0.0, 2.0))
@settings(max_examples=25, deadline=None)
def test_more_encounters_never_give_fewer_ties(seed, rate, more):
    low = simulate_growth(**{**SMALL, "encounter_rate": rate}, seed=seed)
    high = simulate_growth(**{**SMALL, "encounter_rate": rate + more}, seed=seed)
    pd.testing.assert_series_equal(low["participants"], high["participants"])
    assert (high["ties"] >= low["ties"]).all()


@given(seeds, st.floats(0.0, 0.5), st.floats(0.0, 0.5))
@settings(max_examples=25, deadline=None)
def test_higher_tie_probability_and_join_rate_never_give_fewer_ties(seed, q, join):
    kw = {**SMALL, "tie_probability": q, "join_rate": join}
    base = simulate_growth(**kw, seed=seed)
    assert (simulate_growth(**{**kw, "tie_probability": q + 0.1}, seed=seed)["ties"]
            >= base["ties"]).all()
    more = simulate_growth(**{**kw, "join_rate": join + 0.2}, seed=seed)
    assert (more["participants"] >= base["participants"]).all()
    assert (more["ties"] >= base["ties"]).all()


@given(seeds, st.floats(0.0, 0.9), st.floats(0.0, 0.1))
@settings(max_examples=25, deadline=None)
def test_homophily_removes_only_cross_group_ties(seed, h, more):
    low = simulate_growth(**{**SMALL, "homophily": h}, seed=seed)
    high = simulate_growth(**{**SMALL, "homophily": h + more}, seed=seed)
    pd.testing.assert_series_equal(low["ties_within"], high["ties_within"])
    assert (high["ties_cross"] <= low["ties_cross"]).all()


# --------------------------------------------------------------------------
# milestones
# --------------------------------------------------------------------------

def test_milestones_by_hand_and_the_lag_of_ties():
    from wijkwijs.models.growth import milestones

    run = pd.DataFrame({"year": [0, 1, 2, 3, 4], "participants": [0, 4, 8, 9, 10],
                        "ties_within": [0, 0, 1, 3, 6], "ties_cross": [0, 0, 0, 0, 0]})
    m = milestones(run)
    assert m["participants"] == 2.0  # 8 >= 0.5 * 10 first in year 2
    assert m["ties_within"] == 3.0
    assert np.isnan(m["ties_cross"])
    assert milestones(run, share=1.0)["participants"] == 4.0
    grown = simulate_growth(seed=3, years=25)
    lag = milestones(grown)
    assert lag["ties_cross"] >= lag["participants"]
    with pytest.raises(ValueError, match="share must be more than 0"):
        milestones(run, share=0)
    with pytest.raises(ValueError, match="run has no column 'ties'"):
        milestones(run, columns=["ties"])
