"""Tests for wijkwijs.segregation.

Oracles: PySAL ``segregation`` 2.5 (``singlegroup`` and ``multigroup`` classes) on
libpysal's bundled ``sids2`` counties (offline), hand-computed values for a toy
city of four buurten, and Hypothesis properties of the indices.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from wijkwijs import segregation as seg
from wijkwijs.segregation import counts as seg_counts
from wijkwijs.segregation import multigroup as seg_multigroup

TOL = 1e-9

# --------------------------------------------------------------------------
# PySAL oracle on sids2: non-white births NWBIR74 out of all births BIR74
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sids2():
    import geopandas as gpd
    from libpysal import examples
    frame = gpd.read_file(examples.get_path("sids2.shp"))
    # The shapefile has no .prj; PySAL's SpatialDissim needs *a* CRS to inspect.
    # Contiguity does not depend on it.
    frame = frame.set_crs(4326, allow_override=True)
    frame["WBIR74"] = frame["BIR74"] - frame["NWBIR74"]
    frame["WBIR79"] = frame["BIR79"] - frame["NWBIR79"]
    assert len(frame) == 100
    return frame


def _pysal_singlegroup():
    from segregation import singlegroup as sg

    # PySAL's class names for our functions. Atkinson: the class always uses b = 0.5.
    return {
        "dissimilarity": sg.Dissim,
        "isolation": sg.Isolation,
        "exposure": sg.Interaction,
        "correlation_ratio": sg.CorrelationR,
        "entropy_index": sg.Entropy,
        "gini_segregation": sg.Gini,
        "atkinson_segregation": sg.Atkinson,
    }


def _quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


@pytest.mark.parametrize("name", seg.TWO_GROUP_INDICES)
@pytest.mark.parametrize("year", ["74", "79"])
def test_two_group_index_matches_pysal_on_sids2(sids2, name, year):
    cls = _pysal_singlegroup()[name]
    group, total = f"NWBIR{year}", f"BIR{year}"
    expected = _quiet(cls, sids2, group, total).statistic
    ours_arrays = getattr(seg, name)(sids2[group].to_numpy(), sids2[total].to_numpy())
    ours_frame = getattr(seg, name)(sids2, group=group, total=total)
    assert ours_arrays == pytest.approx(expected, abs=TOL)
    assert ours_frame == pytest.approx(expected, abs=TOL)


@pytest.mark.parametrize("b", [0.1, 0.25, 0.75, 0.9])
def test_atkinson_other_b_matches_pysal_function(sids2, b):
    # The Atkinson *class* ignores b, so we call PySAL's module function with b.
    from segregation.singlegroup.atkinson import _atkinson

    expected = _atkinson(sids2[["NWBIR74", "BIR74"]], "NWBIR74", "BIR74", b=b)[0]
    assert seg.atkinson_segregation(sids2, group="NWBIR74", total="BIR74", b=b) == \
        pytest.approx(expected, abs=TOL)


def test_adjacency_equals_libpysal_queen_on_sids2(sids2):
    from libpysal.weights import Queen

    queen = _quiet(Queen.from_dataframe, sids2, use_index=False).sparse.toarray()
    ours = seg.adjacency_from_polygons(sids2.geometry)
    assert ours.shape == (100, 100)
    np.testing.assert_array_equal(ours, queen)
    sparse = seg.adjacency_from_polygons(sids2, sparse=True)
    np.testing.assert_array_equal(sparse.toarray(), queen)


@pytest.mark.parametrize("standardise", [False, True])
def test_spatial_dissimilarity_matches_pysal_on_sids2(sids2, standardise):
    from segregation.singlegroup import SpatialDissim

    # PySAL default: Queen contiguity from libpysal, standardize=False.
    expected = _quiet(SpatialDissim, sids2, "NWBIR74", "BIR74",
                      standardize=standardise).statistic
    ours = seg.spatial_dissimilarity(sids2, group="NWBIR74", total="BIR74",
                                     row_standardise=standardise)
    assert ours == pytest.approx(expected, abs=TOL)
    adj = seg.adjacency_from_polygons(sids2, sparse=True)
    ours_arrays = seg.spatial_dissimilarity(sids2["NWBIR74"].to_numpy(),
                                            sids2["BIR74"].to_numpy(), adj,
                                            row_standardise=standardise)
    assert ours_arrays == pytest.approx(expected, abs=TOL)


@pytest.mark.parametrize("groups", [
    ["NWBIR74", "WBIR74"],
    ["NWBIR74", "WBIR74", "NWBIR79", "WBIR79"],
])
def test_multigroup_indices_match_pysal_on_sids2(sids2, groups):
    from segregation.multigroup import MultiDissim, MultiInfoTheory

    frame = pd.DataFrame(sids2[groups])
    assert seg.multigroup_dissimilarity(frame, groups) == pytest.approx(
        _quiet(MultiDissim, frame, groups).statistic, abs=TOL)
    assert seg.multigroup_information(frame, groups) == pytest.approx(
        _quiet(MultiInfoTheory, frame, groups).statistic, abs=TOL)
    assert seg.multigroup_information(frame[groups].to_numpy()) == pytest.approx(
        _quiet(MultiInfoTheory, frame, groups).statistic, abs=TOL)


def test_summary_matches_pysal_on_sids2_both_years(sids2):
    long = pd.concat([
        pd.DataFrame({"county": sids2["FIPS"], "year": 1974,
                      "nonwhite": sids2["NWBIR74"], "births": sids2["BIR74"]}),
        pd.DataFrame({"county": sids2["FIPS"], "year": 1979,
                      "nonwhite": sids2["NWBIR79"], "births": sids2["BIR79"]}),
    ])
    table = seg.summary(long, ["nonwhite"], "births", unit_col="county", year_col="year")
    assert list(table.columns) == ["year", "group", "index", "value"]
    assert len(table) == 2 * len(seg.TWO_GROUP_INDICES)
    for row in table.itertuples():
        suffix = str(row.year)[-2:]
        cls = _pysal_singlegroup()[row.index]
        expected = _quiet(cls, sids2, f"NWBIR{suffix}", f"BIR{suffix}").statistic
        assert row.value == pytest.approx(expected, abs=TOL), (row.year, row.index)


def test_havenstad_year_matches_pysal():
    """One Havenstad year (the synthetic course city), ours against PySAL.

    Uses the buurt rows of ``datasets/havenstad/statistics.csv.gz`` (counts
    ``hh_low_income``, ``hh_high_income``, ``hh_bottom_10`` out of ``households``)
    through ``wijkwijs.havenstad.havenstad_statistics``: the last year, every index,
    three groups, both the single functions and ``summary``.
    """
    from wijkwijs.havenstad import load as data

    stats = data.havenstad_statistics()
    year = int(stats["year"].max())
    one_year = data.havenstad_statistics(year)
    one_year = pd.DataFrame(one_year[one_year["level"] == "buurt"]).reset_index(drop=True)
    assert len(one_year) > 20
    groups = ["hh_low_income", "hh_high_income", "hh_bottom_10"]
    table = seg.summary(one_year, groups, "households", unit_col="code")
    got = table.set_index(["group", "index"])["value"]
    for group in groups:
        for name, cls in _pysal_singlegroup().items():
            expected = _quiet(cls, one_year, group, "households").statistic
            assert getattr(seg, name)(one_year, group=group, total="households") == \
                pytest.approx(expected, abs=TOL), (group, name)
            assert got[group, name] == pytest.approx(expected, abs=TOL), (group, name)


# --------------------------------------------------------------------------
# a toy city of four buurten, by hand
# --------------------------------------------------------------------------

TOY_X = [10, 20, 60, 70]
TOY_T = [100, 100, 100, 100]   # X = 160, T = 400, P = 0.4


def _e(q):
    return -q * math.log(q) - (1 - q) * math.log(1 - q)


def test_toy_city_by_hand():
    p = [0.1, 0.2, 0.6, 0.7]
    P = 0.4
    # D = 100 * (0.3 + 0.2 + 0.2 + 0.3) / (2 * 400 * 0.4 * 0.6) = 100 / 192
    assert seg.dissimilarity(TOY_X, TOY_T) == pytest.approx(100 / 192, abs=1e-12)
    # xPx = (10*.1 + 20*.2 + 60*.6 + 70*.7) / 160 = 90 / 160
    assert seg.isolation(TOY_X, TOY_T) == pytest.approx(90 / 160, abs=1e-12)
    # xPy = (10*.9 + 20*.8 + 60*.4 + 70*.3) / 160 = 70 / 160
    assert seg.exposure(TOY_X, TOY_T) == pytest.approx(70 / 160, abs=1e-12)
    assert seg.interaction(TOY_X, TOY_T) == pytest.approx(70 / 160, abs=1e-12)
    assert seg.correlation_ratio(TOY_X, TOY_T) == pytest.approx((90 / 160 - P) / (1 - P))
    h = 1 - sum(100 * _e(q) for q in p) / (400 * _e(P))
    assert seg.entropy_index(TOY_X, TOY_T) == pytest.approx(h, abs=1e-12)
    # pairwise |p_i - p_j|: .1 .5 .6 .4 .5 .1 -> 2.2; G = 2 * 100^2 * 2.2 / (2 * 400^2 * .24)
    assert seg.gini_segregation(TOY_X, TOY_T) == pytest.approx(22000 / 38400, abs=1e-12)
    inner = sum(math.sqrt(q * (1 - q)) * 100 for q in p) / (P * 400)
    assert seg.atkinson_segregation(TOY_X, TOY_T) == pytest.approx(
        1 - P / (1 - P) * inner ** 2, abs=1e-12)
    # a row of buurten: neighbour pairs differ by .1, .4, .1 (each counted twice)
    row = [[0, 1, 0, 0], [1, 0, 1, 0], [0, 1, 0, 1], [0, 0, 1, 0]]
    assert seg.spatial_dissimilarity(TOY_X, TOY_T, row) == pytest.approx(100 / 192 - 1.2 / 6)


def test_toy_city_summary_and_series_input():
    frame = pd.DataFrame({"buurt": list("ABCD"), "low": TOY_X, "high": [30, 30, 10, 10],
                          "households": TOY_T})
    table = seg.summary(frame, ["low", "high"], "households", unit_col="buurt")
    assert list(table.columns) == ["group", "index", "value"]
    assert len(table) == 14
    got = table.set_index(["group", "index"])["value"]
    assert got["low", "dissimilarity"] == pytest.approx(100 / 192)
    assert got["high", "isolation"] == pytest.approx(seg.isolation(frame["high"],
                                                                    frame["households"]))


def test_empty_units_contribute_nothing():
    with_empty = ([10, 0, 20, 60, 70], [100, 0, 100, 100, 100])
    for name in seg.TWO_GROUP_INDICES:
        fn = getattr(seg, name)
        assert fn(*with_empty) == pytest.approx(fn(TOY_X, TOY_T), abs=1e-12), name
    counts = [[10, 90], [0, 0], [20, 80], [60, 40], [70, 30]]
    assert seg.multigroup_information(counts) == pytest.approx(
        seg.entropy_index(TOY_X, TOY_T))
    assert seg.multigroup_dissimilarity(counts) == pytest.approx(
        seg.dissimilarity(TOY_X, TOY_T))


def test_aggregate_sums_and_lowers_d():
    buurten = pd.DataFrame({"wijk": ["N", "N", "Z", "Z"], "stad": "X", "low": TOY_X,
                            "households": TOY_T})
    wijken = seg.aggregate(buurten, "wijk", ["low", "households"])
    assert wijken.to_dict("list") == {"wijk": ["N", "Z"], "low": [30, 130],
                                      "households": [200, 200]}
    assert seg.dissimilarity(wijken, group="low", total="households") <= \
        seg.dissimilarity(buurten, group="low", total="households")
    two_keys = seg.aggregate(buurten, ["stad", "wijk"], "low")
    assert list(two_keys.columns) == ["stad", "wijk", "low"]


def test_aggregate_dissolves_geometry():
    gpd = pytest.importorskip("geopandas")
    from shapely.geometry import box

    frame = gpd.GeoDataFrame({"wijk": ["N", "N", "Z", "Z"], "low": TOY_X, "households": TOY_T},
                             geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1),
                                       box(0, 1, 1, 2), box(1, 1, 2, 2)])
    out = seg.aggregate(frame, "wijk", ["low", "households"])
    assert isinstance(out, gpd.GeoDataFrame)
    assert out["low"].tolist() == [30, 130]
    assert out.geometry.area.tolist() == [2.0, 2.0]


# --------------------------------------------------------------------------
# income across the distribution: profile and H^R
# --------------------------------------------------------------------------

def test_delta_coefficients_are_reardons_and_integrate_correctly():
    # Reardon (2011): H^R = b0 + b1/2 + 11/36 b2 + 5/24 b3 + 137/900 b4
    expected = [1, 1 / 2, 11 / 36, 5 / 24, 137 / 900]
    grid = np.linspace(0, 1, 200_001)
    e = np.zeros_like(grid)
    inner = (grid > 0) & (grid < 1)
    g = grid[inner]
    e[inner] = -g * np.log(g) - (1 - g) * np.log(1 - g)
    for m, value in enumerate(expected):
        assert seg_multigroup._delta(m) == pytest.approx(value, abs=1e-14)
        assert 2 * np.trapezoid(e * grid ** m, grid) == pytest.approx(value, abs=1e-8)


def test_rank_order_information_hand_cases():
    same = [[10, 20, 30, 25, 15]] * 4
    assert seg.rank_order_information(same) == pytest.approx(0, abs=1e-12)
    own = np.diag([10.0, 20, 30, 25, 15, 5])  # each unit holds one category
    assert seg.rank_order_information(own) == pytest.approx(1, abs=1e-12)
    # two categories: one threshold, so H^R = H at that split (order drops to 0)
    two = [[10, 90], [20, 80], [60, 40], [70, 30]]
    assert seg.rank_order_information(two) == pytest.approx(
        seg.entropy_index(TOY_X, TOY_T), abs=1e-12)


def test_empty_income_categories_change_nothing():
    counts = np.array([[30, 10, 5], [10, 30, 10], [5, 10, 40], [20, 20, 20]], float)
    padded = np.column_stack([np.zeros(4), counts[:, :2], np.zeros(4), counts[:, 2:],
                              np.zeros(4)])
    assert seg.rank_order_information(padded) == pytest.approx(
        seg.rank_order_information(counts), abs=1e-12)
    prof = seg.segregation_profile(padded)
    assert np.isnan(prof["H"].iloc[0])  # nobody below the first split


def test_rank_order_information_three_categories_is_linear_fit():
    counts = np.array([[30, 10, 5], [10, 30, 10], [5, 10, 40], [20, 20, 20]], float)
    prof = seg.segregation_profile(counts)
    (p1, p2), (h1, h2) = prof["p"].to_numpy(), prof["H"].to_numpy()
    slope = (h2 - h1) / (p2 - p1)
    intercept = h1 - slope * p1
    assert seg.rank_order_information(counts) == pytest.approx(intercept + slope / 2)


def test_rank_order_information_close_to_numerical_integration():
    # A city of 60 units whose income distribution shifts smoothly with the
    # unit: with 40 fine categories the quartic fit and a direct integration
    # of 2 * E(p) * H(p) over the observed thresholds must agree closely.
    rng = np.random.default_rng(7)
    cats = np.arange(40)
    counts = []
    for centre in np.linspace(8, 32, 60):
        w = np.exp(-0.5 * ((cats - centre) / 9.0) ** 2)
        counts.append(rng.poisson(400 * w / w.sum()) + 1)
    counts = np.array(counts, float)
    prof = seg.segregation_profile(counts)
    p = np.concatenate([[0.0], prof["p"].to_numpy(), [1.0]])
    h = prof["H"].to_numpy()
    h = np.concatenate([[h[0]], h, [h[-1]]])  # flat ends, weight E(p) ~ 0 there
    e = seg_counts.binary_entropy(p)
    direct = 2 * np.trapezoid(e * h, p)
    assert seg.rank_order_information(counts) == pytest.approx(direct, abs=5e-3)


def test_segregation_profile_is_binary_h_at_each_split():
    counts = pd.DataFrame({"low": [50, 5, 5, 10], "mid": [20, 60, 30, 40],
                           "high": [5, 10, 40, 30], "top": [0, 1, 10, 2]})
    prof = seg.segregation_profile(counts)
    assert prof["split_after"].tolist() == ["low", "mid", "high"]
    below = counts.cumsum(axis=1)
    total = counts.sum(axis=1)
    for k, name in enumerate(["low", "mid", "high"]):
        assert prof["H"][k] == pytest.approx(seg.entropy_index(below[name], total))
        assert prof["p"][k] == pytest.approx(below[name].sum() / total.sum())
    picked = seg.segregation_profile(counts, thresholds=["high"])
    assert picked["split_after"].tolist() == ["high"]


# --------------------------------------------------------------------------
# Hypothesis properties
# --------------------------------------------------------------------------

@st.composite
def cities(draw, min_units=2, max_units=25):
    n = draw(st.integers(min_units, max_units))
    t = draw(st.lists(st.integers(1, 2_000), min_size=n, max_size=n))
    shares = draw(st.lists(st.floats(0, 1), min_size=n, max_size=n))
    x = [round(s * ti) for s, ti in zip(shares, t, strict=True)]
    X, T = sum(x), sum(t)
    if X == 0:
        x[0] = 1
    elif X == T:
        x[0] = t[0] - 1 if t[0] > 1 else 0
        if sum(x) in (0, T):
            t[0] += 1
    return np.array(x, float), np.array(t, float)


#: Hypothesis settings of the properties (all marked ``slow``): at least 150 examples,
#: more when the profile asks for more (``explore``, see tests/conftest.py).
PROPS = settings(max_examples=max(150, settings.default.max_examples), deadline=None,
                 suppress_health_check=[HealthCheck.too_slow])
ALL = [getattr(seg, name) for name in seg.TWO_GROUP_INDICES]


@pytest.mark.slow
@PROPS
@given(cities())
def test_bounds(city):
    x, t = city
    P = x.sum() / t.sum()
    values = {f.__name__: f(x, t) for f in ALL}
    for name, v in values.items():
        assert -1e-12 <= v <= 1 + 1e-12, name
    assert values["isolation"] >= P - 1e-12
    assert values["isolation"] + values["exposure"] == pytest.approx(1)
    assert values["gini_segregation"] >= values["dissimilarity"] - 1e-12
    assert seg.correlation_ratio(x, t) == pytest.approx((values["isolation"] - P) / (1 - P))


@pytest.mark.slow
@PROPS
@given(cities(), st.randoms(use_true_random=False),
       st.sampled_from([0.5, 3.0, 1000.0]))
def test_invariant_to_unit_order_and_scale(city, random, factor):
    x, t = city
    order = list(range(x.size))
    random.shuffle(order)
    for f in ALL:
        base = f(x, t)
        assert f(x[order], t[order]) == pytest.approx(base, rel=1e-9, abs=1e-12), f.__name__
        assert f(x * factor, t * factor) == pytest.approx(base, rel=1e-9, abs=1e-12), f.__name__


@pytest.mark.slow
@PROPS
@given(st.lists(st.integers(1, 500), min_size=2, max_size=25),
       st.integers(1, 9), st.integers(2, 10))
def test_zero_when_every_unit_has_city_composition(sizes, a, q):
    a = min(a, q - 1)
    t = np.array(sizes, float) * q
    x = np.array(sizes, float) * a
    P = a / q
    for name in ["dissimilarity", "correlation_ratio", "entropy_index",
                 "gini_segregation", "atkinson_segregation"]:
        assert getattr(seg, name)(x, t) == pytest.approx(0, abs=1e-9), name
    assert seg.isolation(x, t) == pytest.approx(P)
    assert seg.rank_order_information(np.column_stack([x, t - x])) == pytest.approx(0, abs=1e-9)


@pytest.mark.slow
@PROPS
@given(st.lists(st.tuples(st.integers(1, 500), st.booleans()), min_size=2, max_size=25))
def test_one_under_complete_separation(units):
    t = np.array([n for n, _ in units], float)
    x = np.array([n if in_group else 0 for n, in_group in units], float)
    if x.sum() in (0, t.sum()):
        x = np.append(x, 0.0 if x.sum() else 7.0)
        t = np.append(t, 7.0)
    for name in ["dissimilarity", "correlation_ratio", "entropy_index",
                 "gini_segregation", "atkinson_segregation", "isolation"]:
        assert getattr(seg, name)(x, t) == pytest.approx(1, abs=1e-9), name
    assert seg.exposure(x, t) == pytest.approx(0, abs=1e-12)
    assert seg.multigroup_dissimilarity(np.column_stack([x, t - x])) == pytest.approx(1)
    assert seg.multigroup_information(np.column_stack([x, t - x])) == pytest.approx(1)


@pytest.mark.slow
@PROPS
@given(cities(), st.integers(0, 10_000))
def test_splitting_a_unit_into_identical_halves_changes_nothing(city, pick):
    x, t = city
    i = pick % x.size
    x2 = np.concatenate([x, [x[i] / 2]])
    t2 = np.concatenate([t, [t[i] / 2]])
    x2[i] /= 2
    t2[i] /= 2
    for f in ALL:
        assert f(x2, t2) == pytest.approx(f(x, t), rel=1e-9, abs=1e-12), f.__name__
    counts, counts2 = np.column_stack([x, t - x]), np.column_stack([x2, t2 - x2])
    assert seg.multigroup_information(counts2) == pytest.approx(
        seg.multigroup_information(counts), rel=1e-9, abs=1e-12)


@pytest.mark.slow
@PROPS
@given(cities(min_units=2, max_units=30), st.data())
def test_merging_into_districts_never_raises_d_or_h(city, data):
    x, t = city
    districts = data.draw(st.lists(st.integers(0, 4), min_size=x.size, max_size=x.size))
    fine = pd.DataFrame({"wijk": districts, "x": x, "t": t})
    coarse = seg.aggregate(fine, "wijk", ["x", "t"])
    assert coarse["t"].sum() == pytest.approx(t.sum())
    for f in (seg.dissimilarity, seg.entropy_index):
        assert f(coarse, group="x", total="t") <= f(fine, group="x", total="t") + 1e-12


@pytest.mark.slow
@PROPS
@given(cities())
def test_multigroup_with_two_groups_equals_two_group_index(city):
    x, t = city
    counts = np.column_stack([x, t - x])
    assert seg.multigroup_dissimilarity(counts) == pytest.approx(seg.dissimilarity(x, t))
    assert seg.multigroup_information(counts) == pytest.approx(
        seg.entropy_index(x, t), abs=1e-12)


# --------------------------------------------------------------------------
# exact at the bounds: awkward (non-integer) counts, even and separated cities
# --------------------------------------------------------------------------

# Unit sizes with long mantissas over twelve orders of magnitude, where rounding shows.
awkward_sizes = st.floats(min_value=1e-3, max_value=1e9, allow_subnormal=False)


def _within(v: float, low: float, high: float) -> bool:
    """``low <= v <= high`` exactly, and never -0.0."""
    return low <= v <= high and not (v == 0.0 and math.copysign(1.0, v) < 0)


def _is_zero(v: float) -> bool:
    return v == 0.0 and math.copysign(1.0, v) == 1.0


def _two_group_values(x, t):
    values = {name: getattr(seg, name)(x, t) for name in seg.TWO_GROUP_INDICES}
    for b in (0.1, 0.9):
        values[f"atkinson_segregation b={b}"] = seg.atkinson_segregation(x, t, b=b)
    return values


@st.composite
def awkward_cities(draw, min_units=1, max_units=25, empty_units=True):
    """Non-integer counts (e.g. weighted survey estimates), some units all-in or all-out."""
    n = draw(st.integers(min_units, max_units))
    size = st.one_of(st.just(0.0), awkward_sizes) if empty_units else awkward_sizes
    t = draw(st.lists(size, min_size=n, max_size=n))
    shares = draw(st.lists(st.one_of(st.just(0.0), st.just(1.0), st.floats(0, 1)),
                           min_size=n, max_size=n))
    x = [s * ti for s, ti in zip(shares, t, strict=True)]  # s * t <= t: rounding is monotone
    x, t = np.array([*x, 0.0, 1.5]), np.array([*t, 1.5, 1.5])  # somebody in and out
    assume(0 < x.sum() / t.sum() < 1)  # a city share that floating point can hold
    return x, t


@st.composite
def even_cities(draw, empty_units=True):
    """Every unit with people has exactly the same share: ``a c 2^k`` of ``q c 2^k``."""
    q = draw(st.integers(2, 9))
    a = draw(st.integers(1, q - 1))
    c = draw(st.floats(1e-3, 1e3))
    k = np.array(draw(st.lists(st.integers(-20, 20), min_size=1, max_size=25)), float)
    x, t = a * c * 2.0 ** k, q * c * 2.0 ** k
    if empty_units and draw(st.booleans()):
        x, t = np.append(x, 0.0), np.append(t, 0.0)
    return x, t


@pytest.mark.slow
@PROPS
@given(awkward_cities())
def test_every_two_group_index_stays_in_its_range_exactly(city):
    x, t = city
    P = x.sum() / t.sum()
    for name, v in _two_group_values(x, t).items():
        low, high = {"isolation": (P, 1.0), "exposure": (0.0, 1.0 - P)}.get(name, (0.0, 1.0))
        assert _within(v, low, high), (name, v, low, high)
    assert seg.spatial_dissimilarity(x[t > 0], t[t > 0], _row_adjacency(int((t > 0).sum()))) \
        <= seg.dissimilarity(x, t)


def _row_adjacency(n: int) -> np.ndarray:
    """Units in a row, each bordering the next (a ring when there are only two)."""
    adj = np.zeros((n, n))
    i = np.arange(n - 1)
    adj[i, i + 1] = adj[i + 1, i] = 1.0
    return adj


@pytest.mark.slow
@PROPS
@given(even_cities())
def test_an_even_city_gives_exactly_no_segregation(city):
    x, t = city
    P = x.sum() / t.sum()
    for name, v in _two_group_values(x, t).items():
        expected = {"isolation": P, "exposure": 1.0 - P}.get(name, 0.0)
        assert v == expected and math.copysign(1.0, v) == 1.0, (name, v, expected)
    counts = np.column_stack([x, t - x])
    assert _is_zero(seg.multigroup_dissimilarity(counts))
    assert _is_zero(seg.multigroup_information(counts))
    assert _is_zero(seg.rank_order_information(counts))
    assert (seg.segregation_profile(counts)["H"] == 0.0).all()
    occupied = t > 0
    if occupied.sum() >= 2:
        adj = _row_adjacency(int(occupied.sum()))
        assert _is_zero(seg.spatial_dissimilarity(x[occupied], t[occupied], adj))


@pytest.mark.slow
@PROPS
@given(st.lists(st.tuples(awkward_sizes, st.booleans()), min_size=1, max_size=25))
def test_a_separated_city_gives_exactly_complete_segregation(units):
    t = np.array([size for size, _ in units] + [2.5, 3.5])
    x = np.array([size if inside else 0.0 for size, inside in units] + [2.5, 0.0])
    for name, v in _two_group_values(x, t).items():
        assert v == (0.0 if name == "exposure" else 1.0), (name, v)
    counts = np.column_stack([x, t - x])
    assert seg.multigroup_dissimilarity(counts) == 1.0
    assert seg.multigroup_information(counts) == 1.0
    assert seg.rank_order_information(counts) == 1.0


@pytest.mark.slow
@PROPS
@given(st.integers(1, 25).flatmap(
    lambda n: st.lists(st.lists(st.one_of(st.just(0.0), awkward_sizes), min_size=3,
                                max_size=3), min_size=n, max_size=n)))
def test_multigroup_and_income_indices_stay_in_their_range(rows):
    counts = np.array([*rows, [1.0, 1.0, 1.0]])
    assert _within(seg.multigroup_dissimilarity(counts), 0.0, 1.0)
    assert _within(seg.multigroup_information(counts), 0.0, 1.0)
    assert _within(seg.rank_order_information(counts), 0.0, 1.0)
    profile = seg.segregation_profile(counts)
    assert all(_within(h, 0.0, 1.0) for h in profile["H"])
    assert all(_within(p, 0.0, 1.0) for p in profile["p"])


@pytest.mark.slow
@PROPS
@given(awkward_cities(), st.integers(-30, 30))
def test_scaling_counts_by_a_power_of_two_changes_nothing_at_all(city, k):
    x, t = city  # x * 2**k is exact in binary floating point: identical indices
    for a in (x, t):  # ... unless it underflows into the subnormals (the explore pass)
        assume(np.array_equal(a * 2.0 ** k / 2.0 ** k, a))
    assert _two_group_values(x * 2.0 ** k, t * 2.0 ** k) == _two_group_values(x, t)
    counts = np.column_stack([x, t - x])
    for f in (seg.multigroup_dissimilarity, seg.multigroup_information):
        assert f(counts * 2.0 ** k) == f(counts), f.__name__


@pytest.mark.slow
@PROPS
@given(st.lists(awkward_cities(empty_units=False), min_size=1, max_size=3),
       st.sampled_from([0.1, 0.5, 0.9]))
def test_summary_runs_the_same_code_as_each_index(cities, b):
    # one kernel per index: summary's values equal the single functions' exactly
    n = min(x.size for x, _ in cities)
    frame = pd.DataFrame({"unit": range(n), "total": cities[0][1][:n]})
    for g, (x, _) in enumerate(cities):
        frame[f"g{g}"] = np.minimum(x[:n], frame["total"])
    for g in range(len(cities)):
        assume(0 < frame[f"g{g}"].sum() / frame["total"].sum() < 1)
    table = seg.summary(frame, [f"g{g}" for g in range(len(cities))], "total", "unit", b=b)
    for row in table.itertuples():
        x, t = frame[row.group].to_numpy(), frame["total"].to_numpy()
        single = seg.atkinson_segregation(x, t, b=b) if row.index == "atkinson_segregation" \
            else getattr(seg, row.index)(x, t)
        assert row.value == single, (row.group, row.index)


# --------------------------------------------------------------------------
# error messages
# --------------------------------------------------------------------------

@pytest.mark.parametrize("name", seg.TWO_GROUP_INDICES)
def test_errors_name_the_bad_unit(name):
    fn = getattr(seg, name)
    with pytest.raises(ValueError, match=r"negative group counts: found -1 at position 1"):
        fn([10, -1, 5], [20, 20, 20])
    with pytest.raises(ValueError, match=r"totals contains NaN at position 2"):
        fn([10, 1, 5], [20, 20, float("nan")])
    with pytest.raises(ValueError, match=r"lengths differ: group counts has 3 elements, "
                       r"totals has 2"):
        fn([10, 1, 5], [20, 20])
    with pytest.raises(ValueError, match=r"larger than the total at position 2 \(25 > 20\)"):
        fn([10, 1, 25], [20, 20, 20])
    with pytest.raises(ValueError, match=r"no members of the group"):
        fn([0, 0, 0], [20, 20, 20])
    with pytest.raises(ValueError, match=r"everybody in the city belongs to the group"):
        fn([20, 20, 0], [20, 20, 0])
    with pytest.raises(ValueError, match=r"the city has nobody in it"):
        fn([0, 0], [0, 0])


def test_errors_name_labels_and_columns_of_a_frame():
    df = pd.DataFrame({"low": [10, np.nan, 5], "households": [20, 20, 20]},
                      index=["BU01", "BU02", "BU03"])
    with pytest.raises(ValueError, match=r"group column 'low' contains NaN "
                       r"at row 1 \(label 'BU02'\)"):
        seg.dissimilarity(df, group="low", total="households")
    df2 = pd.DataFrame({"low": [10, 30], "households": [20, 20]}, index=["BU01", "BU02"])
    with pytest.raises(ValueError, match=r"larger than the total at row 1 \(label 'BU02'\)"):
        seg.isolation(df2, group="low", total="households")
    with pytest.raises(ValueError, match=r"column 'hh' \(total\) is not in the DataFrame"):
        seg.dissimilarity(df2, group="low", total="hh")
    with pytest.raises(ValueError, match=r"name the columns"):
        seg.dissimilarity(df2)
    with pytest.raises(ValueError, match=r"data must be a DataFrame"):
        seg.dissimilarity([1, 2], [3, 4], group="low")
    with pytest.raises(ValueError, match=r"needs the unit totals"):
        seg.dissimilarity([1, 2])


def test_error_messages_of_the_other_functions():
    with pytest.raises(ValueError, match=r"b \(the Atkinson shape parameter\) "
                       r"must lie in \(0, 1\)"):
        seg.atkinson_segregation(TOY_X, TOY_T, b=0)
    with pytest.raises(ValueError, match=r"unit at position 1 has total 0"):
        seg.spatial_dissimilarity([1, 0, 3], [5, 0, 5], np.ones((3, 3)) - np.eye(3))
    with pytest.raises(ValueError, match=r"adjacency has shape \(3, 3\) but there are 4 units"):
        seg.spatial_dissimilarity(TOY_X, TOY_T, np.ones((3, 3)))
    with pytest.raises(ValueError, match=r"no two units are adjacent"):
        seg.spatial_dissimilarity(TOY_X, TOY_T, np.zeros((4, 4)))
    with pytest.raises(ValueError, match=r"needs an adjacency matrix"):
        seg.spatial_dissimilarity(TOY_X, TOY_T)
    with pytest.raises(ValueError, match=r"group column 1 has no members in the city"):
        seg.multigroup_information([[1, 0, 3], [2, 0, 1]])
    with pytest.raises(ValueError, match=r"NaN at row 1 \(label 'b'\), group y"):
        seg.multigroup_dissimilarity(pd.DataFrame({"x": [1, 2], "y": [3, np.nan]},
                                                  index=["a", "b"]))
    with pytest.raises(ValueError, match=r"a negative count at row 0, group column 1"):
        seg.multigroup_dissimilarity([[1, -2], [1, 1]])
    with pytest.raises(ValueError, match=r"at least two groups"):
        seg.multigroup_information([[1], [2]])
    with pytest.raises(ValueError, match=r"all people are in one category"):
        seg.rank_order_information([[5, 0, 0], [3, 0, 0]])
    with pytest.raises(ValueError, match=r"threshold 'top' is not a category to split after"):
        seg.segregation_profile(pd.DataFrame({"low": [1, 2], "top": [2, 1]}), ["top"])
    with pytest.raises(ValueError, match=r"geometry is missing or empty at position 1"):
        seg.adjacency_from_polygons([__import__("shapely").box(0, 0, 1, 1), None])
    frame = pd.DataFrame({"buurt": ["A", "B"], "low": [1, np.nan], "hh": [5, 5]})
    with pytest.raises(ValueError, match=r"'low' contains NaN at row 1 \(label 'B'\)"):
        seg.summary(frame, "low", "hh", unit_col="buurt")
    frame = pd.DataFrame({"buurt": ["A", "B"], "low": [1, 9], "hh": [5, 5]})
    with pytest.raises(ValueError, match=r"larger than the total at row 1 \(label 'B'\)"):
        seg.summary(frame, "low", "hh", unit_col="buurt")
    frame = pd.DataFrame({"buurt": ["A", "A"], "low": [1, 2], "hh": [5, 5]})
    with pytest.raises(ValueError, match=r"unit 'A' appears more than once"):
        seg.summary(frame, "low", "hh", unit_col="buurt")
    with pytest.raises(ValueError, match=r"column 'wijk' \(by\) is missing at row 1"):
        seg.aggregate(pd.DataFrame({"wijk": ["N", None], "low": [1, 2]}), "wijk", "low")
    with pytest.raises(ValueError, match=r"aggregate is undefined for negative count column 'low'"):
        seg.aggregate(pd.DataFrame({"wijk": ["N", "Z"], "low": [1, -2]}), "wijk", "low")


@pytest.mark.slow
@given(st.lists(st.tuples(st.integers(0, 500), st.integers(0, 500)), min_size=2, max_size=30))
@PROPS
def test_dissimilarity_between_is_duncans_two_group_form(pairs):
    a = np.array([p[0] for p in pairs], dtype=float)
    b = np.array([p[1] for p in pairs], dtype=float)
    assume(a.sum() > 0 and b.sum() > 0)
    expected = 0.5 * np.abs(a / a.sum() - b / b.sum()).sum()  # Duncan & Duncan (1955)
    assert seg.dissimilarity_between(a, b) == pytest.approx(expected, abs=1e-12)


def test_a_city_share_that_underflows_is_refused():
    # found by the explore pass: one member counted as 5e-324 in a city of 12.5 gives
    # P = 0 in floating point, and the indices divide by P (1 - P) (D was inf, H a
    # math domain error)
    for name in seg.TWO_GROUP_INDICES:
        with pytest.raises(ValueError, match=r"city share of the group, 4\.9\d*e-324 / 12\.5, "
                           r"rounds to 0 in floating point"):
            getattr(seg, name)([5e-324, 0.0, 0.0], [1.0, 1.0, 10.5])
    frame = pd.DataFrame({"g": [5e-324, 0.0, 0.0], "total": [1.0, 1.0, 10.5]})
    with pytest.raises(ValueError, match="rounds to 0 in floating point"):
        seg.summary(frame, "g", "total")
    with pytest.raises(ValueError, match="city share of group column 0 rounds to 0"):
        seg.multigroup_information([[5e-324, 1.0], [0.0, 11.5]])


def test_dissimilarity_between_errors_name_the_problem():
    with pytest.raises(ValueError, match="lengths differ"):
        seg.dissimilarity_between([1, 2], [1, 2, 3])
    with pytest.raises(ValueError, match="negative"):
        seg.dissimilarity_between([1, -2], [1, 2])
