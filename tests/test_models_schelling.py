"""Tests for wijkwijs.models.schelling: hand-computed grids, a brute-force oracle,
Hypothesis properties and the Mesa example's semantics."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from wijkwijs.models.schelling import (
    VACANT,
    SchellingModel,
    block_segregation,
    neighbour_counts,
    similarity,
)


def brute_counts(grid, n_groups, radius, torus):
    h, w = grid.shape
    out = np.zeros((n_groups, h, w), dtype=int)
    for y in range(h):
        for x in range(w):
            for dy in range(-radius, radius + 1):
                for dx in range(-radius, radius + 1):
                    if dy == dx == 0:
                        continue
                    yy, xx = y + dy, x + dx
                    if torus:
                        yy, xx = yy % h, xx % w
                    elif not (0 <= yy < h and 0 <= xx < w):
                        continue
                    if grid[yy, xx] != VACANT:
                        out[grid[yy, xx], y, x] += 1
    return out


@settings(max_examples=60, deadline=None)
@given(arrays(np.int8, st.tuples(st.integers(5, 9), st.integers(5, 9)),
              elements=st.integers(-1, 2)),
       st.integers(1, 2), st.booleans())
def test_neighbour_counts_match_brute_force(grid, radius, torus):
    expected = brute_counts(grid, 3, radius, torus)
    np.testing.assert_array_equal(neighbour_counts(grid, 3, radius, torus), expected)


def test_similarity_is_a_fraction_hand_computed():
    g = np.array([[0, 0, 1],
                  [1, -1, 1]])
    s = similarity(g)
    # top-left: neighbours (0,1)=0, (1,0)=1, (1,1)=vacant -> 1 of 2 alike
    assert s[0, 0] == 0.5
    # top-right (1): neighbours (0,1)=0, (1,1)=vacant, (1,2)=1 -> 1/2
    assert s[0, 2] == 0.5
    assert np.isnan(s[1, 1])


def test_threshold_is_fraction_not_count():
    # a lone household of group 1 among eight group-0 neighbours: fraction 0
    g = np.zeros((3, 3), dtype=np.int8)
    g[1, 1] = 1
    m = SchellingModel(3, 3, seed=0)
    m.grid = g
    m._assess()
    assert m.unhappy[1, 1]
    # corner group-0 households: 2 of 3 neighbours alike = 0.667 >= 0.4
    assert not m.unhappy[0, 0]


def test_diversity_wish_makes_homogeneous_neighbourhoods_unhappy():
    m = SchellingModel(6, 6, vacancy=0.0, threshold=0.3, max_similar=0.9, seed=1)
    m.grid = np.zeros((6, 6), dtype=np.int8)
    m.grid[:, 3:] = 1
    m.seeker[:] = True
    m._assess()
    # deep inside a block all neighbours are alike (1.0 > 0.9): unhappy
    assert m.unhappy[2, 0] and m.unhappy[2, 5]
    # at the border between blocks: mixed, happy
    assert not m.unhappy[2, 2]


def test_every_step_keeps_the_population():
    m = SchellingModel(30, 30, n_groups=3, vacancy=0.2, threshold=0.5, seed=4)
    before = np.bincount(m.grid.ravel() + 1)
    m.run(10)
    np.testing.assert_array_equal(np.bincount(m.grid.ravel() + 1), before)


def test_deterministic_given_seed_and_different_seeds_differ():
    a, b, c = (SchellingModel(20, 20, threshold=0.5, seed=s) for s in (1, 1, 2))
    for m in (a, b, c):
        m.run(5)
    assert (a.grid == b.grid).all() and a.history.equals(b.history)
    assert not (a.grid == c.grid).all()


def test_segregation_grows_and_unhappiness_falls():
    m = SchellingModel(40, 40, threshold=0.5, seed=2)
    m.run(30)
    h = m.history
    assert h.percent_similar.iloc[-1] > h.percent_similar.iloc[0] + 20
    assert h.percent_unhappy.iloc[-1] < h.percent_unhappy.iloc[0] / 4


def test_block_segregation_hand_computed_and_scale_dependent():
    g = np.array([[0, 1, 0, 0],
                  [1, -1, 0, 0]])
    out = block_segregation(g, [2])
    # blocks: left (0:1, 1:2), right (0:4, 1:0); A=5, B=2
    d = 0.5 * (abs(1 / 5 - 2 / 2) + abs(4 / 5 - 0 / 2))
    assert out.dissimilarity[0] == pytest.approx(d, abs=1e-12)
    p = np.array([5, 2]) / 7
    e = -(p * np.log(p)).sum()
    e_left = -(1 / 3 * np.log(1 / 3) + 2 / 3 * np.log(2 / 3))
    theil = (3 * (e - e_left) + 4 * (e - 0)) / (7 * e)
    assert out.theil_h[0] == pytest.approx(theil, abs=1e-12)
    m = SchellingModel(50, 50, threshold=0.5, seed=3)
    m.run(20)
    d = m.segregation((2, 5, 10, 25)).dissimilarity.to_numpy()
    assert (np.diff(d) < 0).all()  # coarser blocks hide segregation


def test_block_segregation_multigroup_matches_two_group_formula():
    rng = np.random.default_rng(0)
    g = rng.integers(-1, 2, size=(12, 12)).astype(np.int8)
    out = block_segregation(g, [3])
    tiles = g.reshape(4, 3, 4, 3)
    a = (tiles == 0).sum(axis=(1, 3)).ravel()
    b = (tiles == 1).sum(axis=(1, 3)).ravel()
    assert out.dissimilarity[0] == pytest.approx(
        0.5 * np.abs(a / a.sum() - b / b.sum()).sum(), abs=1e-12)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"threshold": 1.5}, "threshold must lie in"),
    ({"vacancy": 1.0}, "vacancy must lie in"),
    ({"radius": 0}, "radius must be a whole number"),
    ({"n_groups": 1}, "n_groups must be"),
    ({"group_shares": [1, 2, 3]}, "group_shares has 3 elements"),
    ({"placement": "grid"}, "placement must be"),
])
def test_bad_parameters_raise(kwargs, message):
    with pytest.raises(ValueError, match=message):
        SchellingModel(10, 10, **kwargs)


def test_bad_grid_raises_with_position():
    with pytest.raises(ValueError, match="row 1, column 0"):
        neighbour_counts(np.array([[0, 1], [-3, 0]]))


def test_from_mesa_mirrors_mesa_example_semantics():
    import mesa.examples.basic.schelling.model as mesa_schelling
    mesa_model = mesa_schelling.Schelling(height=40, width=40, density=0.625,
                                          homophily=0.4, radius=1, seed=5)
    assert mesa_model.grid.torus is False
    ours = SchellingModel.from_mesa(40, 40, density=0.625, homophily=0.4, seed=5)
    # Mesa judges happiness with a fraction: recompute its initial happy share
    # from our formula applied to Mesa's own grid.
    grid = np.full((40, 40), VACANT, dtype=np.int8)
    for agent in mesa_model.agents:
        x, y = agent.cell.coordinate
        grid[y, x] = agent.type
    m = SchellingModel(40, 40, seed=0, isolated_happy=False)
    m.grid = grid
    m.threshold = 0.4
    m._assess()
    mesa_happy = sum(a.happy for a in mesa_model.agents)
    assert int((~m.unhappy & (grid != VACANT)).sum()) == mesa_happy
    assert ours.placement == "bernoulli" and not ours.isolated_happy


@pytest.mark.parametrize("torus", [False, True])
@pytest.mark.parametrize("radius", [1, 2, 3])
def test_model_fast_path_matches_pure_functions(torus, radius):
    m = SchellingModel(17, 13, n_groups=3, vacancy=0.25, radius=radius, torus=torus,
                       threshold=0.6, seed=radius)
    m.run(3)
    expected = similarity(m.grid, radius, torus, n_groups=3)
    np.testing.assert_allclose(m.similarity(), expected, atol=1e-12, equal_nan=True)
    counts = brute_counts(m.grid, 3, radius, torus)
    occupied = m.grid != VACANT
    frac = np.nan_to_num(expected)
    unhappy = occupied & (counts.sum(axis=0) > 0) & (frac < 0.6)
    np.testing.assert_array_equal(m.unhappy, unhappy)


# Regression: grid and history after N steps, fixed before the table-driven two-group
# route (wijkwijs.models.schelling._two_group_tables) replaced the one-hot box sums.
# Produced by running the earlier implementation (git HEAD before that change) with
# exactly the calls in _fingerprint below; grid = sha256(grid as int8 bytes)[:16],
# history = sha256(repr of [(step, percent_similar.hex(), percent_unhappy.hex(), moved)]
# over every recorded row)[:16], so floats are compared bit for bit.
REGRESSION_CASES = [  # (constructor, kwargs, steps, grid hash, % similar, history hash)
    ("mesa", dict(width=40, height=40, density=0.625, homophily=0.4, radius=1, seed=1), 20,
     "834ae5b90cf98299", 86.321464393, "6c678dd044d3aa0d"),
    ("mesa", dict(width=40, height=40, density=0.625, homophily=0.4, radius=1, seed=2), 20,
     "56f3749e657e9163", 83.533452381, "068e5419e3fe974a"),
    ("mesa", dict(width=100, height=100, density=0.625, homophily=0.4, radius=2, seed=3), 20,
     "05b13c0e45667a67", 82.910996029, "476cad83a3201b19"),
    ("init", dict(width=30, height=30, n_groups=3, vacancy=0.2, threshold=0.5, seed=4), 15,
     "3648e7d211cd66ca", 86.007275132, "b0a8a692c3705f91"),
    ("init", dict(width=25, height=20, threshold=0.6, max_similar=0.85, diversity_seekers=0.5,
                  torus=True, seed=7), 15,
     "672e1bc387fae372", 68.377248677, "e79e978d67101502"),
    ("init", dict(width=20, height=20, radius=2, torus=True, threshold=0.5, seed=5), 15,
     "db0685a22dfa8347", 87.887576361, "f23dc5cab083e8c7"),
    ("init", dict(width=50, height=50, vacancy=0.1, threshold=0.9, seed=1), 30,
     "33042b8f45e420f5", 50.336984127, "bb7cefd19f47e278"),
    ("init", dict(width=31, height=27, radius=3, group_shares=(0.7, 0.3), threshold=0.45,
                  seed=11), 15,
     "2605537f866a9394", 73.641485487, "5c5665bd6ba0d65a"),
    ("init", dict(width=16, height=16, vacancy=0.3, threshold=1.0, isolated_happy=False,
                  placement="bernoulli", seed=9), 10,
     "13568158db5b9d2f", 51.62202381, "ed713b52ca0a452c"),
]


def _fingerprint(kind, kwargs, steps):
    import hashlib

    if kind == "mesa":  # as benchmarks/bench_models.py: step() even when all are happy
        m = SchellingModel.from_mesa(**kwargs)
        for _ in range(steps):
            m.step()
    else:
        m = SchellingModel(**kwargs)
        m.run(steps)
    grid = hashlib.sha256(np.ascontiguousarray(m.grid, dtype=np.int8).tobytes())
    rows = [(r["step"], float(r["percent_similar"]).hex(), float(r["percent_unhappy"]).hex(),
             int(r["moved"])) for r in m._rows]
    history = hashlib.sha256(repr(rows).encode())
    return grid.hexdigest()[:16], m.percent_similar, history.hexdigest()[:16]


@pytest.mark.parametrize(("kind", "kwargs", "steps", "grid_hash", "similar", "history_hash"),
                         REGRESSION_CASES)
def test_runs_are_unchanged_bit_for_bit(kind, kwargs, steps, grid_hash, similar,
                                        history_hash):
    got_grid, got_similar, got_history = _fingerprint(kind, kwargs, steps)
    assert got_grid == grid_hash
    assert round(got_similar, 9) == similar
    assert got_history == history_hash


@pytest.mark.parametrize("density", [0.08, 0.6, 1.0])
@pytest.mark.parametrize(("radius", "torus", "isolated_happy", "threshold", "max_similar"), [
    (1, False, False, 0.4, None),
    (1, False, True, 0.5, None),
    (1, True, True, 1 / 3, 0.75),
    (1, False, False, 0.0, None),
    (1, True, False, 1.0, 0.5),
    (2, False, True, 0.6, 0.9),
    (2, True, False, 0.25, None),
    (3, False, False, 0.45, None),
    (3, True, True, 0.5, 0.8),
])
def test_two_group_tables_match_the_general_route(monkeypatch, density, radius, torus,
                                                  isolated_happy, threshold, max_similar):
    import wijkwijs.models.schelling as schelling

    kwargs = dict(vacancy=1 - density if density < 1 else 0.0, radius=radius, torus=torus,
                  isolated_happy=isolated_happy, threshold=threshold,
                  max_similar=max_similar, diversity_seekers=0.5, seed=radius)
    fast = SchellingModel(23, 17, **kwargs)
    assert fast._tables is not None
    monkeypatch.setattr(schelling, "_TABLE_MAX_RADIUS", 0)
    general = SchellingModel(23, 17, **kwargs)
    assert general._tables is None
    for _ in range(6):
        for m in (fast, general):
            m.step()
        np.testing.assert_array_equal(fast.grid, general.grid)
        np.testing.assert_array_equal(fast.unhappy, general.unhappy)
        np.testing.assert_array_equal(fast._frac, general._frac)  # exact, not approx
        np.testing.assert_array_equal(fast.similarity(), general.similarity())
    assert fast.history.equals(general.history)


def test_tables_follow_parameter_changes_and_new_grids():
    m = SchellingModel(12, 12, threshold=0.3, seed=0)
    grid = np.where(np.arange(144).reshape(12, 12) % 3 == 0, 1, 0).astype(np.int64)
    m.grid = grid  # another dtype than the model's own int8 grid
    for threshold in (0.3, 0.7):
        m.threshold = threshold
        m._assess()
        expected = similarity(grid) < threshold
        np.testing.assert_array_equal(m.unhappy, expected)


# -- the random baseline of block segregation ----------------------------------------
def test_random_baseline_by_hand_and_by_simulation():
    from wijkwijs.models.schelling import block_segregation, random_block_dissimilarity

    # by hand: [0 0 1 1] in blocks of 2 is mixed with probability 4/6 (D = 0), else D = 1
    row = np.array([[0, 0, 1, 1]])
    assert random_block_dissimilarity(row, [2]).random_dissimilarity.iloc[0] == \
        pytest.approx(1 / 3)
    # one block holding everybody: D = 0; blocks of one household: D = 1
    assert random_block_dissimilarity(row, [4]).random_dissimilarity.iloc[0] == \
        pytest.approx(0.0)
    assert random_block_dissimilarity(row, [1]).random_dissimilarity.iloc[0] == \
        pytest.approx(1.0)
    # by simulation: shuffle the households over the occupied cells of a grid with
    # vacancies and uneven groups, and average the measured D
    rng = np.random.default_rng(0)
    grid = rng.choice([-1, 0, 1], size=(12, 13), p=[0.15, 0.55, 0.3])
    exact = random_block_dissimilarity(grid, [2, 5]).set_index("block_size")
    occupied = grid != -1
    draws = []
    for _ in range(2000):
        g = grid.copy()
        g[occupied] = rng.permutation(grid[occupied])
        draws.append(block_segregation(g, [2, 5], 2).dissimilarity.to_numpy())
    mean, se = np.mean(draws, axis=0), np.std(draws, axis=0) / np.sqrt(len(draws))
    assert np.all(np.abs(mean - exact.random_dissimilarity.to_numpy()) < 4 * se)


def test_random_baseline_falls_with_block_size_and_checks_input():
    from wijkwijs.models.schelling import random_block_dissimilarity

    grid = np.random.default_rng(1).choice([-1, 0, 1], size=(30, 30), p=[0.1, 0.45, 0.45])
    d = random_block_dissimilarity(grid, [2, 5, 10]).random_dissimilarity.to_numpy()
    assert np.all(np.diff(d) < 0)
    with pytest.raises(ValueError, match="two groups"):
        random_block_dissimilarity(np.array([[0, 1, 2]]), [1])
    with pytest.raises(ValueError, match="both groups"):
        random_block_dissimilarity(np.array([[0, 0, -1]]), [1])
    with pytest.raises(ValueError, match="block_sizes"):
        random_block_dissimilarity(grid, [0])
