"""Tests for wijkwijs.models.paradox: the paradox appears with default settings and
can be prevented with housing policy."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from wijkwijs.models.paradox import DWELLING_TENURES, ParadoxModel, _choose_in_turn, make_zones
from wijkwijs.segregation import dissimilarity_between

PROTECTIVE = {"protected_share": 1.0, "rent_regulation": 0.9, "new_social_per_year": 60}


@pytest.fixture(scope="module")
def default_runs():
    runs = []
    for seed in (0, 1, 2):
        m = ParadoxModel(seed=seed)
        m.run(30)
        runs.append(m)
    return runs


def test_dissimilarity_hand_computed():
    # the model's index is the library's D of two groups (one home for the measure)
    # units: (2 low, 0 high), (1 low, 3 high); D = 0.5 * (|2/3 - 0| + |1/3 - 1|)
    assert dissimilarity_between(np.array([2, 1]), np.array([0, 3])) == pytest.approx(2 / 3)


def test_history_index_is_the_libraries_dissimilarity():
    m = ParadoxModel(seed=2, scale=0.3)
    low = np.bincount(m.zone[m.income < m.low_cut], minlength=len(m.zones))
    high = np.bincount(m.zone[m.income > m.high_cut], minlength=len(m.zones))
    city = m.in_city
    assert m.history.dissimilarity_city.iloc[0] == dissimilarity_between(low[city], high[city])
    assert m.history.dissimilarity_metro.iloc[0] == dissimilarity_between(low, high)


def test_stock_columns_follow_the_model_tenures():
    m = ParadoxModel(seed=1, scale=0.3)
    assert DWELLING_TENURES == ("social_rent", "private_rent", "owner_occupied")
    assert m.stock.shape == (len(m.zones), len(DWELLING_TENURES))
    social = m.stock[:, DWELLING_TENURES.index("social_rent")]
    assert m.history.social_stock_city.iloc[0] == social[m.in_city].sum()


def _choose_one_by_one(util, vacant, order):
    """The reference: each mover in turn takes the best option still vacant."""
    vacant = np.array(vacant, dtype=float)
    choice = np.full(util.shape[0], -1)
    for i in order:
        u = np.where(vacant > 0, util[i], -np.inf)
        j = int(np.argmax(u))
        if np.isfinite(u[j]):
            choice[i] = j
            vacant[j] -= 1
    return choice


@pytest.mark.parametrize("seed", range(8))
def test_choosing_in_turn_equals_the_one_by_one_loop(seed):
    rng = np.random.default_rng(seed)
    movers, options = int(rng.integers(1, 300)), int(rng.integers(1, 40))
    util = rng.gumbel(size=(movers, options))
    util[rng.random(util.shape) < 0.4] = -np.inf  # out of reach
    util[: movers // 4] = np.round(util[: movers // 4])  # many equal utilities
    vacant = rng.integers(-1, 8, options).astype(float)
    vacant[rng.random(options) < 0.2] = np.inf  # never runs out
    order = rng.permutation(movers)
    np.testing.assert_array_equal(_choose_in_turn(util, vacant, order),
                                  _choose_one_by_one(util, vacant, order))


def test_choosing_in_turn_edge_cases():
    util = np.array([[1.0, 1.0], [-np.inf, -np.inf], [2.0, 1.0]])
    assert _choose_in_turn(util, np.array([1.0, 1.0]), np.array([2, 0, 1])).tolist() == \
        [1, -1, 0]  # mover 2 first takes 0; mover 0 (a tie) gets 1; mover 1 reaches nothing
    assert _choose_in_turn(util, np.array([0.0, 0.0]), np.arange(3)).tolist() == [-1] * 3


def test_outputs_pinned_to_the_published_runs():
    """The numbers of the chapter: these runs must not move when the model is sped up."""
    m = ParadoxModel(seed=0)
    m.run(30)
    h, zh = m.history, m.zone_history
    assert h.dissimilarity_city.iloc[[0, 10, 30]].tolist() == [
        0.3747788894810189, 0.23671356618303627, 0.4160168544120358]
    assert int(h.displaced_to_suburbs.sum()) == 4356
    assert int(h.households_city.iloc[-1]) == 8410
    assert float(zh.mean_income.sum()) == 25629.031908631492
    m = ParadoxModel(seed=1, **PROTECTIVE, social_sales_per_year=0)
    m.run(30)
    assert m.history.dissimilarity_city.iloc[[0, 10, 30]].tolist() == [
        0.3651294261018709, 0.17188114560005138, 0.11201768475981319]
    assert int(m.history.displaced_to_suburbs.sum()) == 101
    assert float(m.zone_history.mean_income.sum()) == 24796.63870128645


def test_zones_have_map_positions():
    z = make_zones()
    assert 12 <= int(z.in_city.sum()) <= 20
    assert set(z.ring) == {"centre", "inner", "outer", "suburb"}
    assert all(len(p) >= 3 for p in z.polygon)


@pytest.mark.slow
def test_default_city_segregation_falls_then_rises(default_runs):
    for m in default_runs:
        d = m.history.dissimilarity_city.to_numpy()
        low = int(np.argmin(d))
        assert 3 <= low <= 20, f"minimum in year {low}"
        assert d[low] < d[0] - 0.08  # a clear fall ...
        assert d[-1] > d[low] + 0.12  # ... and a clear rise


@pytest.mark.slow
def test_default_displacement_to_suburbs_visible(default_runs):
    for m in default_runs:
        h = m.history
        assert (h.displaced_to_suburbs.iloc[1:] > 0).all()
        assert h.low_share_suburbs.iloc[-1] > h.low_share_suburbs.iloc[0] + 0.1
        assert h.low_share_city.iloc[-1] < h.low_share_city.iloc[0]


@pytest.mark.slow
def test_protective_policy_prevents_the_long_run_rise(default_runs):
    for seed, default in zip((0, 1, 2), default_runs, strict=True):
        m = ParadoxModel(seed=seed, **PROTECTIVE)
        m.run(30)
        d = m.history.dissimilarity_city.to_numpy()
        assert d[-1] < d[0] - 0.1
        assert d[-1] < d.min() + 0.05
        protected_moves = m.history.displaced_to_suburbs.sum()
        assert protected_moves < 0.2 * default.history.displaced_to_suburbs.sum()


def test_history_and_zone_history_shapes():
    m = ParadoxModel(seed=3, scale=0.3)
    m.run(4)
    h, zh = m.history, m.zone_history
    assert h.year.tolist() == [0, 1, 2, 3, 4]
    assert {"dissimilarity_city", "dissimilarity_metro", "displaced_to_suburbs"} <= set(h)
    assert len(zh) == 5 * len(m.zones)
    assert ((zh.low_share >= 0) & (zh.low_share + zh.high_share <= 1)).all()


def test_deterministic_given_seed():
    a, b = ParadoxModel(seed=9, scale=0.3), ParadoxModel(seed=9, scale=0.3)
    a.run(5)
    b.run(5)
    assert a.history.equals(b.history)
    assert a.zone_history.equals(b.zone_history)


def test_no_sales_when_fully_protected():
    m = ParadoxModel(seed=1, scale=0.3, protected_share=1.0, new_social_per_year=0)
    start = m.history.social_stock_city.iloc[0]
    m.run(5)
    assert (m.history.social_stock_city == start).all()


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"protected_share": 1.2}, "protected_share must lie in"),
    ({"rent_regulation": -0.1}, "rent_regulation must lie in"),
    ({"new_social_per_year": -5}, "new_social_per_year must be"),
    ({"social_sales_per_year": 2.5}, "social_sales_per_year must be"),
])
def test_bad_parameters_raise(kwargs, message):
    with pytest.raises(ValueError, match=message):
        ParadoxModel(**kwargs)


# -- the restructuring lever (chapter 4) --------------------------------------------------
def test_restructuring_off_draws_the_same_numbers():
    """homes = 0 or no zone: the run is the run without the lever, number for number."""
    plain = ParadoxModel(seed=3, scale=0.3)
    plain.run(8)
    for kwargs in ({"restructuring_zone": "inner-2", "restructuring_homes": 0},
                   {"restructuring_zone": None, "restructuring_homes": 50}):
        off = ParadoxModel(seed=3, scale=0.3, restructuring_year=4, **kwargs)
        off.run(8)
        assert off.history.equals(plain.history)
        assert off.zone_history.equals(plain.zone_history)
        assert off.demolition_moves.empty and off.demolished_homes == 0


def test_restructuring_demolishes_and_replaces_social_homes():
    m = ParadoxModel(seed=0, scale=0.5, social_sales_per_year=0, restructuring_zone="inner-3",
                     restructuring_homes=60, restructuring_year=3)
    m.run(2)
    z = m.zones.name.tolist().index("inner-3")
    before = m.stock[z].copy()
    tenants = int(((m.zone == z) & (m.tenure == 0)).sum())
    m.step()
    assert m.demolished_homes == 60
    assert m.stock[z, 0] == before[0] - 60  # no sales, no construction: only the demolition
    assert m.stock[z, 2] == before[2] + 60  # replaced by owner-occupied homes
    moves = m.demolition_moves
    assert 0 < len(moves) <= min(60, tenants)  # only occupied homes displace a household
    assert (moves.year == 3).all() and (moves.from_zone == z).all()
    assert set(moves.destination) <= {"same_zone", "other_city_zone", "suburb"}
    # destination classes agree with the zones
    in_city = m.in_city[moves.to_zone.to_numpy()]
    assert ((moves.destination == "suburb") == ~in_city).all()
    assert ((moves.destination == "same_zone") == (moves.to_zone == z)).all()
    # income groups from the model's fixed thresholds
    low = moves.income < m.low_cut
    assert ((moves.income_group == "low") == low).all()


def test_restructuring_never_demolishes_more_than_the_social_stock():
    m = ParadoxModel(seed=1, scale=0.2, restructuring_zone="centre-1", restructuring_homes=999,
                     restructuring_year=1)
    social = int(m.stock[0, 0])
    m.run(1)
    assert m.demolished_homes == social and m.stock[0, 0] == 0


def test_demolished_households_are_rehoused_not_lost():
    """Households are conserved: the displaced are added back (with the usual newcomers)."""
    m = ParadoxModel(seed=2, scale=0.3, turnover=0.0, growth=0.0, restructuring_zone="outer-2",
                     restructuring_homes=40, restructuring_year=2)
    m.run(1)
    n = m.zone.size
    m.step()
    assert m.zone.size == n  # no turnover, no growth: the same households, rehoused
    assert len(m.demolition_moves) > 0


def test_run_restructuring_equals_a_model_given_the_lever_from_the_start():
    from wijkwijs.models.paradox import run_restructuring

    r = run_restructuring("outer-4", 50, seed=4, scale=0.3, years=7, year=3)
    m = ParadoxModel(seed=4, scale=0.3, restructuring_zone="outer-4", restructuring_homes=50,
                     restructuring_year=3)
    m.run(7)
    assert r.history.equals(m.history) and r.moves.equals(m.demolition_moves)
    base = ParadoxModel(seed=4, scale=0.3)
    base.run(7)
    assert r.baseline.equals(base.history)
    # shared up to the year before the demolition, different after
    assert r.history.iloc[:3].equals(r.baseline.iloc[:3])
    s = r.summary()
    assert s["displaced"] == s["same_zone"] + s["other_city_zone"] + s["suburb"]
    assert int(r.destinations().to_numpy().sum()) == s["displaced"]
    assert s["d_city_year"] == r.history.dissimilarity_city.iloc[3]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"restructuring_zone": "suburb-1", "restructuring_homes": 5}, "not a city zone"),
    ({"restructuring_zone": "ring-9", "restructuring_homes": 5}, "unknown restructuring_zone"),
    ({"restructuring_zone": 40, "restructuring_homes": 5}, "zone number"),
    ({"restructuring_zone": "inner-1", "restructuring_homes": -1}, "whole number"),
    ({"restructuring_zone": "inner-1", "restructuring_homes": 5, "restructuring_year": 0},
     "after year 0"),
])
def test_bad_restructuring_raises(kwargs, message):
    with pytest.raises(ValueError, match=message):
        ParadoxModel(seed=0, scale=0.2, **kwargs)


def test_run_restructuring_bad_input():
    from wijkwijs.models.paradox import run_restructuring

    with pytest.raises(ValueError, match="unknown zone"):
        run_restructuring("suburb-2", 10, years=3, year=2)
    with pytest.raises(ValueError, match="as arguments"):
        run_restructuring("inner-1", 10, years=3, year=2, restructuring_year=2)
    with pytest.raises(ValueError, match="between 1 and years"):
        run_restructuring("inner-1", 10, years=3, year=4)


def test_restructuring_effects_are_means_of_with_minus_without():
    from wijkwijs.models.paradox import restructuring_effects, run_restructuring

    run = {"scale": 0.3, "years": 5, "year": 2}
    t = restructuring_effects({"x": ("outer-1", 30)}, seeds=(0, 1), **run)
    s = [run_restructuring("outer-1", 30, seed=k, **run).summary() for k in (0, 1)]
    row = t.iloc[0]
    assert row.displaced == pytest.approx(np.mean([v["displaced"] for v in s]))
    assert row.d_city_change_year == pytest.approx(
        np.mean([v["d_city_year"] - v["d_city_year_base"] for v in s]))
    r = run_restructuring("outer-1", 30, seed=0, **run)
    zh, bz = r.zone_history, r.baseline_zones
    z = 8  # outer-1: after 2 centre and 6 inner zones
    assert s[0]["zone_low_year"] == zh[(zh.zone == z) & (zh.year == 2)].low_share.item()
    assert s[0]["zone_low_year_base"] == bz[(bz.zone == z) & (bz.year == 2)].low_share.item()
    with pytest.raises(ValueError, match="seeds"):
        restructuring_effects(seeds=())


def test_effects_labels_in_both_languages():
    from wijkwijs import i18n
    from wijkwijs.models.paradox import EFFECTS, label_effects

    t = pd.DataFrame({"setting": ["x"], **{c: [0.1] for c in EFFECTS}})
    assert label_effects(t).columns.tolist()[1] == "Households displaced"
    assert label_effects(t.set_index("setting")).shape == t.shape
    try:
        i18n.set_language("nl")
        assert label_effects(t).columns.tolist()[1] == "Verdreven huishoudens"
    finally:
        i18n.set_language("en")
    with pytest.raises(ValueError, match="restructuring_effects"):
        label_effects(t.drop(columns="displaced"))
