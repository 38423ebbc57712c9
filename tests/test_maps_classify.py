"""Tests for wijkwijs.maps.classify: the class breaks of a choropleth.

The classification functions are checked against hand-computed cases, a brute
force search over all partitions, and PySAL's ``mapclassify`` (a test-only oracle).
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import mapclassify
import numpy as np
import pytest

from wijkwijs.maps.classify import (
    SCHEMES,
    class_breaks,
    classify,
    equal_interval_breaks,
    natural_breaks,
    quantile_breaks,
)


def within_ssd(values, bounds) -> float:
    x = np.asarray(values, dtype=float)
    cls = classify(x, bounds)
    return float(sum(((x[cls == c] - x[cls == c].mean()) ** 2).sum()
                     for c in np.unique(cls)))


def brute_force_min_ssd(values, k) -> float:
    x = np.sort(np.asarray(values, dtype=float))
    best = np.inf
    for cuts in itertools.combinations(range(1, len(x)), k - 1):
        parts = np.split(x, cuts)
        best = min(best, sum(((p - p.mean()) ** 2).sum() for p in parts))
    return best


def test_quantiles_hand_computed():
    # percentiles 25/50/75/100 of 1..8 with linear interpolation
    assert quantile_breaks(range(1, 9), 4).tolist() == [2.75, 4.5, 6.25, 8.0]
    assert quantile_breaks([5, 1, 3], 3).tolist() == pytest.approx([7 / 3, 11 / 3, 5])


def test_equal_interval_hand_computed():
    assert equal_interval_breaks([0, 1, 2, 10], 4).tolist() == [2.5, 5.0, 7.5, 10.0]
    assert equal_interval_breaks([-1, 1], 2).tolist() == [0.0, 1.0]


def test_natural_breaks_hand_computed():
    # three clear groups; the optimum cuts between them
    assert natural_breaks([1, 2, 3, 10, 11, 12, 30], 3).tolist() == [3.0, 12.0, 30.0]
    # 1,2 | 10 : ssd 0.5 beats 1 | 2,10 : ssd 32
    assert natural_breaks([10, 1, 2], 2).tolist() == [2.0, 10.0]
    # ties never split between classes
    assert natural_breaks([4, 4, 4, 9], 2).tolist() == [4.0, 9.0]
    assert natural_breaks([7, 3], 1).tolist() == [7.0]


@pytest.mark.parametrize("seed", range(6))
def test_natural_breaks_is_optimal_by_brute_force(seed):
    rng = np.random.default_rng(seed)
    x = rng.gamma(2.0, 10.0, size=10).round(1)
    k = 2 + seed % 3
    ours = within_ssd(x, natural_breaks(x, k))
    assert ours == pytest.approx(brute_force_min_ssd(x, k), rel=1e-9, abs=1e-9)


@pytest.mark.parametrize("seed", range(5))
def test_schemes_match_mapclassify(seed):
    rng = np.random.default_rng(100 + seed)
    x = rng.lognormal(3.0, 0.6, size=80).round(2)
    k = 3 + seed % 4
    np.testing.assert_allclose(quantile_breaks(x, k), mapclassify.Quantiles(x, k=k).bins)
    np.testing.assert_allclose(equal_interval_breaks(x, k),
                               mapclassify.EqualInterval(x, k=k).bins)
    # Fisher–Jenks: same optimal within-class sum of squares (the breaks themselves
    # could differ only if two partitions were exactly equally good)
    ours = natural_breaks(x, k)
    oracle = mapclassify.FisherJenks(x, k=k).bins
    assert within_ssd(x, ours) == pytest.approx(within_ssd(x, oracle), rel=1e-9)
    np.testing.assert_allclose(ours, oracle)


def test_natural_breaks_handles_500_units():
    x = np.random.default_rng(1).normal(50, 15, size=500)
    bounds = natural_breaks(x, 5)
    assert bounds.size == 5 and bounds[-1] == x.max()
    np.testing.assert_allclose(bounds, mapclassify.FisherJenks(x, k=5).bins)


def test_classify_upper_bounds_inclusive():
    bounds = [2.75, 4.5, 6.25, 8.0]
    assert classify([1, 2.75, 2.76, 4.5, 8], bounds).tolist() == [0, 0, 1, 1, 3]
    with pytest.raises(ValueError, match="above the last bound"):
        classify([9], bounds)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_value_gets_a_class_and_last_bound_is_max(scheme):
    x = np.random.default_rng(7).uniform(0, 1, 40)
    bounds = class_breaks(x, scheme, 5)
    assert bounds[-1] == x.max()
    assert np.all(np.diff(bounds) > 0)
    cls = classify(x, bounds)
    assert cls.min() == 0 and cls.max() == 4


@pytest.mark.parametrize("scheme", SCHEMES)
def test_k_too_large_for_the_data(scheme):
    with pytest.raises(ValueError, match=r"k=4 classes is too many: .* only 3 distinct values"):
        class_breaks([1, 1, 2, 3], scheme, 4)


def test_bad_k_and_unknown_scheme():
    with pytest.raises(ValueError, match="at least 1"):
        quantile_breaks([1, 2], 0)
    with pytest.raises(ValueError, match="whole number"):
        natural_breaks([1, 2], 1.5)
    # the one choice check of wijkwijs (_validate.check_choice) words the message
    with pytest.raises(ValueError, match="scheme 'jenks' is unknown; choose one of quantiles"):
        class_breaks([1, 2], "jenks")


def test_quantiles_with_heavy_ties_refuse_fewer_classes():
    with pytest.raises(ValueError, match="only 2 distinct class bounds for k=3"):
        quantile_breaks([0, 0, 0, 0, 0, 1, 2], 3)


def test_classify_is_pure_numpy():
    # importing the submodule runs wijkwijs/maps/__init__.py (folium), so read the
    # module's own imports instead: numpy and the shared input checks only
    import ast

    import wijkwijs.maps.classify  # noqa: F401  (the module, not the function)

    source = Path(sys.modules["wijkwijs.maps.classify"].__file__).read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module.split(".")[0])
    assert imported == {"__future__", "typing", "numpy", "wijkwijs"}
    assert "from wijkwijs import _validate" in source
