"""Tests for wijkwijs.infrastructure: hand-computed cases, independent oracles
(brute-force distances, scipy's KD-tree and entropy, exhaustive subsets) and
Hypothesis properties."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.spatial import cKDTree  # scipy comes with the test oracles (libpysal, segregation)
from scipy.stats import entropy as scipy_entropy

from wijkwijs.infrastructure import (
    bridging,
    bridging_confusion,
    diversity,
    inventory,
    is_open,
    linking,
    meeting_places_per_1000,
    nearest_distance,
    reach,
)

counts_rows = st.lists(st.integers(0, 30), min_size=2, max_size=6).filter(lambda c: sum(c) > 0)


# --------------------------------------------------------------------------
# inventory and mix
# --------------------------------------------------------------------------

def test_is_open_counts_the_founding_year_but_not_the_closing_year():
    o = pd.DataFrame({"founded": [2000, 2016, 1960, 2020],
                      "closed": pd.array([pd.NA, pd.NA, 2016, 2021], dtype="Int64")})
    assert is_open(o, 2016).tolist() == [True, True, False, False]
    assert is_open(o, 2015).tolist() == [True, False, True, False]
    assert is_open(o, 2020).tolist() == [True, True, False, True]
    assert is_open(o, 2021).tolist() == [True, True, False, False]


def test_is_open_refuses_bad_input():
    o = pd.DataFrame({"founded": [2000], "closed": [1990]})
    with pytest.raises(ValueError, match=r"closed .* before it was founded"):
        is_open(o, 2000)
    with pytest.raises(ValueError, match="no column 'founded'"):
        is_open(pd.DataFrame({"closed": [1]}), 2000)
    with pytest.raises(ValueError, match="year must be a whole number"):
        is_open(pd.DataFrame({"founded": [2000], "closed": [None]}), 2000.5)


def test_inventory_hand_counted():
    o = pd.DataFrame({"b": ["A", "B", "A", "A"], "t": ["cafe", "cafe", "gym", "cafe"]})
    inv = inventory(o, area="b", kind="t", kinds=["gym", "cafe", "school"], areas=["B", "A", "C"])
    assert inv.index.tolist() == ["B", "A", "C"]
    assert inv.columns.tolist() == ["gym", "cafe", "school"]
    assert inv.to_numpy().tolist() == [[0, 1, 0], [1, 2, 0], [0, 0, 0]]
    assert inv.to_numpy().sum() == len(o)


def test_inventory_refuses_unknown_kinds_and_areas():
    o = pd.DataFrame({"b": ["A", "B"], "t": ["cafe", "bar"]})
    with pytest.raises(ValueError, match="row 1 has t 'bar', which is not in kinds"):
        inventory(o, area="b", kind="t", kinds=["cafe"])
    with pytest.raises(ValueError, match="row 1 has b 'B', which is not in areas"):
        inventory(o, area="b", kind="t", areas=["A"])
    with pytest.raises(ValueError, match="missing in row 0"):
        inventory(pd.DataFrame({"b": [None], "t": ["cafe"]}), area="b", kind="t")


def test_diversity_hand_computed():
    # [2, 1, 1]: p = (1/2, 1/4, 1/4)
    h = -(0.5 * math.log(0.5) + 2 * 0.25 * math.log(0.25))  # = 1.5 ln 2
    assert diversity([2, 1, 1], normalise=False) == pytest.approx(1.5 * math.log(2))
    assert diversity([2, 1, 1]) == pytest.approx(h / math.log(3))
    assert diversity([2, 1, 1], index="blau", normalise=False) == pytest.approx(0.625)
    assert diversity([2, 1, 1], index="blau") == pytest.approx(0.625 / (2 / 3))
    # Simpson without replacement: 1 - (2*1 + 0 + 0) / (4*3) = 5/6
    assert diversity([2, 1, 1], index="simpson", normalise=False) == pytest.approx(5 / 6)
    # a fourth, empty, category lowers the normalised values
    assert diversity([2, 1, 1, 0]) == pytest.approx(h / math.log(4))


def test_diversity_of_a_table_and_undefined_rows():
    counts = pd.DataFrame({"a": [3, 0, 1], "b": [3, 0, 0]}, index=["X", "Y", "Z"])
    d = diversity(counts)
    assert d.index.tolist() == ["X", "Y", "Z"]
    assert d["X"] == pytest.approx(1.0)
    assert np.isnan(d["Y"])  # nothing there: undefined, not 0
    assert d["Z"] == 0.0
    assert np.isnan(diversity([1, 0], index="simpson"))  # one member: no pair to draw


def test_diversity_refuses_bad_input():
    with pytest.raises(ValueError, match="negative counts"):
        diversity([1, -1])
    with pytest.raises(ValueError, match="index 'gini' is unknown"):
        diversity([1, 1], index="gini")
    with pytest.raises(ValueError, match="at least 2 possible categories"):
        diversity([3])
    with pytest.raises(ValueError, match="n_categories is 1 but counts has 2"):
        diversity([3, 1], n_categories=1)
    with pytest.raises(ValueError, match="row 'Y'"):
        diversity(pd.DataFrame({"a": [1, np.nan]}, index=["X", "Y"]).assign(b=1))


@given(counts_rows)
@settings(deadline=None)
def test_shannon_agrees_with_scipy_and_stays_in_bounds(counts):
    k = len(counts)
    assert diversity(counts, normalise=False) == pytest.approx(scipy_entropy(counts), abs=1e-12)
    for index in ("shannon", "blau"):
        d = diversity(counts, index=index)
        assert -1e-12 <= d <= 1 + 1e-12
    assert diversity(counts, index="blau") == pytest.approx(
        (1 - sum((c / sum(counts)) ** 2 for c in counts)) / (1 - 1 / k))


@given(counts_rows, st.randoms(use_true_random=False), st.integers(1, 5))
@settings(deadline=None)
def test_diversity_ignores_order_and_scale(counts, rnd, factor):
    shuffled = list(counts)
    rnd.shuffle(shuffled)
    scaled = [factor * c for c in counts]
    for index in ("shannon", "blau"):
        assert diversity(shuffled, index=index) == pytest.approx(diversity(counts, index=index))
        assert diversity(scaled, index=index) == pytest.approx(diversity(counts, index=index))


def test_diversity_is_maximal_for_an_even_mix():
    assert diversity([4, 4, 4]) == pytest.approx(1.0)
    assert diversity([4, 4, 4], index="blau") == pytest.approx(1.0)
    assert diversity([4, 4, 3]) < 1.0


def test_meeting_places_per_1000_hand_computed():
    o = pd.DataFrame({"area": ["A", "A", "A", "B"],
                      "meeting_place": [True, True, False, True]})
    m = meeting_places_per_1000(o, pd.Series({"A": 4000, "B": 250, "C": 10}), area="area")
    assert m["meeting_places"].tolist() == [2, 1, 0]
    assert m["per_1000"].tolist() == pytest.approx([0.5, 4.0, 0.0])


def test_meeting_places_per_1000_refuses_bad_input():
    o = pd.DataFrame({"buurt_code": ["A", "D"], "meeting_place": [True, True]})
    with pytest.raises(ValueError, match="row 1 is in area 'D', which is not in residents"):
        meeting_places_per_1000(o, pd.Series({"A": 10}))
    with pytest.raises(ValueError, match=r"strictly positive residents.*label 'B'"):
        meeting_places_per_1000(o.iloc[:1], pd.Series({"A": 10, "B": 0}))
    with pytest.raises(ValueError, match="must hold True/False; found 'yes'"):
        meeting_places_per_1000(o.assign(meeting_place=["yes", True]),
                                pd.Series({"A": 10, "D": 5}))


# --------------------------------------------------------------------------
# reach
# --------------------------------------------------------------------------

def brute_force(hx, hy, px, py, r):
    d = np.hypot(np.asarray(hx, float)[:, None] - np.asarray(px, float)[None, :],
                 np.asarray(hy, float)[:, None] - np.asarray(py, float)[None, :]).min(axis=1)
    return np.where(d <= r, d, np.inf)


def test_nearest_distance_hand_computed():
    #   place P at (0, 0); homes at 3-4-5 triangle distance 500, on the edge (800),
    #   just beyond it, and across a bucket boundary (cells of 800 m)
    hx = [300, 800, 800.1, -799, 1500]
    hy = [400, 0, 0, 0, 1500]
    d = nearest_distance(hx, hy, [0, 1600], [0, 1600], max_distance=800)
    assert d[0] == pytest.approx(500)
    assert d[1] == pytest.approx(800)  # a place exactly at the maximum counts
    assert np.isinf(d[2])
    assert d[3] == pytest.approx(799)
    assert d[4] == pytest.approx(math.hypot(100, 100))


def test_nearest_distance_without_places_and_bad_input():
    assert np.isinf(nearest_distance([0, 1], [0, 1], [], [], max_distance=100)).all()
    with pytest.raises(ValueError, match="max_distance must be a positive"):
        nearest_distance([0], [0], [0], [0], max_distance=0)
    with pytest.raises(ValueError, match="lengths differ"):
        nearest_distance([0, 1], [0], [0], [0], max_distance=10)
    with pytest.raises(ValueError, match="points x contains NaN"):
        nearest_distance([np.nan], [0], [0], [0], max_distance=10)


coords = st.lists(st.tuples(st.floats(-3000, 3000), st.floats(-3000, 3000)),
                  min_size=1, max_size=40)


@given(coords, coords, st.floats(1, 2500), st.integers(1, 7))
@settings(deadline=None)
def test_nearest_distance_equals_brute_force(homes, places, r, chunk):
    hx, hy = zip(*homes, strict=True)
    px, py = zip(*places, strict=True)
    got = nearest_distance(hx, hy, px, py, max_distance=r, chunk=chunk)
    np.testing.assert_allclose(got, brute_force(hx, hy, px, py, r), rtol=1e-12)


def test_nearest_distance_agrees_with_a_kd_tree():
    rng = np.random.default_rng(3)
    homes = rng.uniform(0, 10_000, (20_000, 2))
    places = rng.uniform(0, 10_000, (150, 2))
    got = nearest_distance(homes[:, 0], homes[:, 1], places[:, 0], places[:, 1],
                           max_distance=800)
    d, _ = cKDTree(places).query(homes, distance_upper_bound=800)
    np.testing.assert_allclose(got, d, rtol=1e-12)


def test_reach_hand_computed_with_weights():
    homes = pd.DataFrame({"x": [0, 0, 0, 1000], "y": [300, 500, 900, 0],
                          "group": ["lo", "lo", "hi", "hi"], "n": [1.0, 3.0, 2.0, 2.0]})
    places = pd.DataFrame({"x": [0], "y": [0]})
    r = reach(homes, places, (400, 800), by="group", weight="n")
    assert r.loc["lo", "homes"] == 4.0
    assert r.loc["lo", "within_400m"] == pytest.approx(1 / 4)
    assert r.loc["lo", "within_800m"] == pytest.approx(1.0)
    assert r.loc["hi", "within_800m"] == 0.0
    overall = reach(homes, places, (400, 800), weight="n")
    assert overall.loc["all", "within_800m"] == pytest.approx(4 / 8)


def test_reach_with_no_places_and_bad_input():
    homes = pd.DataFrame({"x": [0.0], "y": [0.0], "g": ["a"], "w": [0.0]})
    empty = pd.DataFrame({"x": [], "y": []})
    assert reach(homes, empty).loc["all", "within_800m"] == 0.0
    with pytest.raises(ValueError, match="group 'a' has a total weight of 0"):
        reach(homes, empty, by="g", weight="w")
    with pytest.raises(ValueError, match="reach needs strictly positive radii"):
        reach(homes, empty, radii=(0,))
    with pytest.raises(ValueError, match="radii lists a distance twice"):
        reach(homes, empty, radii=(400, 400.0))
    with pytest.raises(ValueError, match="places has no column 'y'"):
        reach(homes, pd.DataFrame({"x": [1]}))


@given(coords, coords, st.floats(1, 1500), st.floats(1, 1500))
@settings(deadline=None, max_examples=50)
def test_reach_grows_with_the_radius_and_with_more_places(homes, places, lo, extra):
    h = pd.DataFrame(homes, columns=["x", "y"])
    p = pd.DataFrame(places, columns=["x", "y"])
    hi = lo + extra
    a = reach(h, p, (lo, hi))
    assert a.iloc[0, 1] <= a.iloc[0, 2]
    b = reach(h, p.iloc[: max(len(p) // 2, 1)], (lo, hi))
    assert (b.iloc[0, 1:] <= a.iloc[0, 1:] + 1e-12).all()


# --------------------------------------------------------------------------
# bridging
# --------------------------------------------------------------------------

def small_city():
    # buurt A: 3 low, 3 high incomes; all Dutch background
    # buurt B: 4 low, 0 high; backgrounds 2 / 2
    residents = pd.DataFrame({
        "buurt_code": ["A"] * 6 + ["B"] * 4,
        "income": ["lo"] * 3 + ["hi"] * 3 + ["lo"] * 4,
        "bg": ["nl"] * 6 + ["nl", "nl", "out", "out"],
    })
    organisations = pd.DataFrame({"organisation_id": [10, 11, 12, 13],
                                  "buurt_code": ["A", "A", "B", "B"]})
    members = pd.DataFrame({
        "organisation_id": [10, 10, 10, 10, 11, 11, 11, 12, 12, 12, 12, 13, 13, 13],
        "income": ["lo", "lo", "hi", "hi", "lo", "lo", "lo", "lo", "lo", "lo", "lo",
                   "lo", "lo", "hi"],
        "bg": ["nl", "nl", "nl", "nl", "nl", "nl", "nl", "nl", "out", "nl", "out",
               "out", "out", "out"],
    })
    return members, residents, organisations


def test_bridging_hand_computed():
    members, residents, organisations = small_city()
    b = bridging(members, residents, organisations, attributes=["income", "bg"], min_members=3)
    # S(A by income) = 1 - (3*2 + 3*2)/(6*5) = 0.6; S(A by bg) = 0: left out of the mean
    # org 10: income 2/2 -> 1 - (2+2)/12 = 2/3 -> ratio 10/9
    assert b.loc[10, "income"] == pytest.approx((2 / 3) / 0.6)
    assert np.isnan(b.loc[10, "bg"])
    assert b.loc[10, "bridging"] == pytest.approx((2 / 3) / 0.6)
    # org 11: all low -> 0
    assert b.loc[11, "bridging"] == 0.0
    # B: S(income) = 0 (all low: ignored); S(bg) = 1 - (2+2)/12 = 2/3
    # org 12: bg 2/2 -> 2/3 -> ratio 1; org 13: income is 2 lo 1 hi but B is uniform
    # in income, bg all 'out' -> 0
    assert b.loc[12, "bridging"] == pytest.approx(1.0)
    assert b.loc[13, "bg"] == 0.0
    assert b.loc[13, "bridging"] == 0.0
    assert b["members"].tolist() == [4, 3, 4, 3]
    assert b["area"].tolist() == ["A", "A", "B", "B"]


def test_bridging_too_few_members_is_undetermined():
    members, residents, organisations = small_city()
    b = bridging(members, residents, organisations, attributes=["income"], min_members=4)
    assert np.isnan(b.loc[11, "bridging"]) and np.isnan(b.loc[13, "bridging"])
    assert b.loc[10, "bridging"] == pytest.approx((2 / 3) / 0.6)
    extra = pd.concat([organisations, pd.DataFrame({"organisation_id": [14],
                                                    "buurt_code": ["A"]})])
    b = bridging(members, residents, extra, attributes=["income"])
    assert b.loc[14, "members"] == 0 and np.isnan(b.loc[14, "bridging"])


def test_bridging_refuses_bad_input():
    members, residents, organisations = small_city()
    with pytest.raises(ValueError, match="organisation_id 99, which is not in organisations"):
        bridging(pd.concat([members, pd.DataFrame({"organisation_id": [99], "income": ["lo"],
                                                   "bg": ["nl"]})], ignore_index=True),
                 residents, organisations, attributes=["income"])
    with pytest.raises(ValueError, match="area 'C', which has no residents"):
        bridging(members, residents, organisations.assign(buurt_code=["A", "A", "B", "C"]),
                 attributes=["income"])
    with pytest.raises(ValueError, match="members has no column 'age'"):
        bridging(members, residents, organisations, attributes=["age"])
    with pytest.raises(ValueError, match="min_members must be a whole number"):
        bridging(members, residents, organisations, attributes=["income"], min_members=1)
    with pytest.raises(ValueError, match="lists organisation_id 10 twice"):
        bridging(members, residents, pd.concat([organisations, organisations.iloc[:1]]),
                 attributes=["income"])


@given(st.lists(st.sampled_from("abc"), min_size=3, max_size=8), st.data())
@settings(deadline=None, max_examples=40)
def test_bridging_is_one_on_average_under_random_recruitment(population, data):
    """Simpson's index without replacement is unbiased: averaged over every possible
    set of n members drawn from the buurt, the ratio is exactly 1."""
    if len(set(population)) < 2:
        return
    n = data.draw(st.integers(2, len(population)))
    residents = pd.DataFrame({"buurt_code": "A", "g": population})
    subsets = list(itertools.combinations(range(len(population)), n))
    members = pd.DataFrame({
        "organisation_id": np.repeat(np.arange(len(subsets)), n),
        "g": [population[i] for s in subsets for i in s]})
    organisations = pd.DataFrame({"organisation_id": np.arange(len(subsets)),
                                  "buurt_code": "A"})
    b = bridging(members, residents, organisations, attributes=["g"], min_members=2)
    assert b["bridging"].mean() == pytest.approx(1.0)
    # and the whole buurt as one organisation is exactly as mixed as the buurt
    whole = bridging(residents.assign(organisation_id=0), residents,
                     organisations.iloc[:1], attributes=["g"], min_members=2)
    assert whole.loc[0, "bridging"] == pytest.approx(1.0)


@given(st.lists(st.sampled_from("ab"), min_size=2, max_size=12),
       st.sampled_from("ab"), st.integers(2, 6))
@settings(deadline=None)
def test_one_group_organisations_score_zero(population, group, n):
    if len(set(population)) < 2:
        return
    residents = pd.DataFrame({"buurt_code": "A", "g": population})
    members = pd.DataFrame({"organisation_id": 0, "g": [group] * n})
    b = bridging(members, residents, pd.DataFrame({"organisation_id": [0], "buurt_code": ["A"]}),
                 attributes=["g"], min_members=2)
    assert b.loc[0, "bridging"] == 0.0


def test_bridging_confusion_hand_counted():
    scores = pd.Series({1: 1.2, 2: 0.79, 3: 0.8, 4: np.nan, 5: 0.1})
    labels = pd.Series({5: "bonding", 4: "bridging", 3: "bonding", 2: "bridging",
                        1: "bridging", 6: "bonding"})  # 6: no score, not counted
    t = bridging_confusion(scores, labels)
    assert t.loc["bridging"].tolist() == [1, 1]  # 1 (labelled bridging), 3 (bonding)
    assert t.loc["bonding"].tolist() == [1, 1]  # 2, 5
    assert t.loc["undetermined"].tolist() == [1, 0]  # 4
    assert t.to_numpy().sum() == len(scores)
    assert bridging_confusion(scores, labels, threshold=0.5).loc["bridging"].tolist() == [2, 1]


def test_bridging_confusion_refuses_bad_input():
    scores = pd.Series({1: 1.0, 2: 0.5})
    with pytest.raises(ValueError, match="organisation 2 has a score but no label"):
        bridging_confusion(scores, pd.Series({1: "bridging"}))
    with pytest.raises(ValueError, match="found 'mixed' for organisation 2"):
        bridging_confusion(scores, pd.Series({1: "bridging", 2: "mixed"}))
    with pytest.raises(ValueError, match="threshold must be a positive"):
        bridging_confusion(scores, pd.Series({1: "bonding", 2: "bonding"}), threshold=-1)


# --------------------------------------------------------------------------
# linking
# --------------------------------------------------------------------------

def test_linking_hand_computed():
    #   1 -> 9 (service), 1 -> 8 (welfare), 1 -> 9 again is not allowed in a network,
    #   but linking counts distinct targets; 2 -> 3; 3 -> 8
    o = pd.DataFrame({"organisation_id": [1, 2, 3, 8, 9],
                      "explains_government_info": [False, False, True, False, True]})
    e = pd.DataFrame({"from_id": [1, 1, 2, 3, 1], "to_id": [9, 8, 3, 8, 9],
                      "volume": [5, 2, 7, 1, 3]})
    out = linking(o, e, targets={8, 9}, weight="volume")
    assert out["links_to_targets"].tolist() == [2, 0, 1, 0, 0]
    assert out["referrals_to_targets"].tolist() == [10.0, 0.0, 1.0, 0.0, 0.0]
    assert out["linking"].tolist() == [True, False, True, False, True]
    assert "referrals_to_targets" not in linking(o, e, targets={8, 9}).columns


def test_linking_refuses_bad_input():
    o = pd.DataFrame({"organisation_id": [1, 2], "explains_government_info": [True, False]})
    with pytest.raises(ValueError, match="row 0 starts at from_id 7, which is not in"):
        linking(o, pd.DataFrame({"from_id": [7], "to_id": [1]}), targets=[1])
    with pytest.raises(ValueError, match="targets is empty"):
        linking(o, pd.DataFrame({"from_id": [1], "to_id": [2]}), targets=[])
    with pytest.raises(ValueError, match="lists organisation_id 1 twice"):
        linking(pd.concat([o, o.iloc[:1]]), pd.DataFrame({"from_id": [1], "to_id": [2]}), [2])
    with pytest.raises(ValueError, match="negative edges column 'w'"):
        linking(o, pd.DataFrame({"from_id": [1], "to_id": [2], "w": [-1]}), [2], weight="w")


def test_diversity_of_one_category_is_plus_zero():
    """-sum(1 * log 1) is -0.0 in floating point; a learner should read 0.00, not -0.00."""
    from wijkwijs.infrastructure import diversity

    for index in ("shannon", "blau", "simpson"):
        value = diversity([3, 0, 0], index=index)
        assert value == 0.0 and f"{value:.2f}" == "0.00", index
