"""Tests for wijkwijs.models.ties: networkx as oracle for assortativity,
hand-computed homophily test and Coleman index, and the foci mechanism."""

from __future__ import annotations

import warnings

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from wijkwijs.models.ties import (
    TieModel,
    attribute_assortativity,
    coleman_index,
    cross_group_share,
    expected_cross_share,
    homophily_test,
    numeric_assortativity,
)


def tiny():
    # a-a-a triangle (0,1,2), b-b edge (3,4), cross edges 2-3 and 0-4
    g = nx.Graph([(0, 1), (1, 2), (0, 2), (3, 4), (2, 3), (0, 4)])
    nx.set_node_attributes(g, {0: "a", 1: "a", 2: "a", 3: "b", 4: "b"}, "group")
    return g


def test_homophily_test_hand_computed():
    t = homophily_test(tiny(), "group")
    assert t["observed"] == pytest.approx(2 / 6)
    assert t["expected"] == pytest.approx(2 * 0.6 * 0.4)  # 2pq
    assert t["ratio"] == pytest.approx((2 / 6) / 0.48)
    assert t["n_ties"] == 6


def test_expected_cross_share_many_groups():
    g = nx.empty_graph(6)
    nx.set_node_attributes(g, dict(enumerate("aabbbc")), "group")
    assert expected_cross_share(g, "group") == pytest.approx(1 - (4 + 9 + 1) / 36)


def test_coleman_index_hand_computed():
    c = coleman_index(tiny(), "group")
    # group a: tie ends 3*2 (triangle) + 2 cross = 8, same 6 -> s = 0.75, w = 0.6
    assert c.loc["a", "same_share"] == pytest.approx(0.75)
    assert c.loc["a", "coleman"] == pytest.approx((0.75 - 0.6) / 0.4)
    # group b: ends 2 (b-b) + 2 cross = 4, same 2 -> s = 0.5, w = 0.4
    assert c.loc["b", "coleman"] == pytest.approx((0.5 - 0.4) / 0.6)


def test_coleman_index_heterophily_branch():
    g = nx.Graph([(0, 2), (1, 2), (0, 1)])  # group a: 0, 1; b: 2
    nx.set_node_attributes(g, {0: "a", 1: "a", 2: "b"}, "group")
    c = coleman_index(g, "group")
    # b: s = 0 < w = 1/3 -> (0 - 1/3) / (1/3) = -1
    assert c.loc["b", "coleman"] == pytest.approx(-1.0)


def test_cross_share_ignores_self_loops():
    g = tiny()
    g.add_edge(1, 1)
    assert cross_group_share(g, "group") == pytest.approx(2 / 6)


def test_missing_attribute_names_the_node():
    g = tiny()
    del g.nodes[3]["group"]
    with pytest.raises(ValueError, match="node 3 has no attribute 'group'"):
        homophily_test(g, "group")


@settings(max_examples=40, deadline=None)
@given(st.integers(5, 30), st.floats(0.1, 0.6), st.integers(0, 10_000), st.integers(2, 4))
@example(5, 0.25, 20, 2)  # a one-tie graph: networkx's r is -1 + 2.3e-12
def test_assortativity_agrees_with_networkx(n, p, seed, k):
    g = nx.gnp_random_graph(n, p, seed=seed)
    if g.number_of_edges() == 0:
        return
    rng = np.random.default_rng(seed)
    nx.set_node_attributes(g, {v: int(rng.integers(k)) for v in g}, "group")
    nx.set_node_attributes(g, {v: float(rng.normal()) for v in g}, "age")
    groups = {g.nodes[u]["group"] for e in g.edges() for u in e}
    # networkx sums a mixing matrix and is off by a few 1e-12 near ±1 (a one-tie graph:
    # -0.9999999999976545 where the exact value is -1), hence 1e-9
    if len(groups) > 1:
        assert attribute_assortativity(g, "group") == pytest.approx(
            nx.attribute_assortativity_coefficient(g, "group"), abs=1e-9)
    assert numeric_assortativity(g, "age") == pytest.approx(
        nx.numeric_assortativity_coefficient(g, "age"), abs=1e-9)


def test_numeric_assortativity_of_one_tie_is_minus_one():
    """By hand: one tie, ages a and b; its two ends give x = (a, b), y = (b, a), r = -1."""
    g = nx.Graph()
    g.add_node(0, age=0.3)
    g.add_node(1, age=-1.7)
    g.add_edge(0, 1)
    assert numeric_assortativity(g, "age") == -1.0


def _newman_r(graph, attribute):
    """Newman's (2003) r from the mixing matrix of tie ends, written out (an oracle)."""
    cats = sorted({graph.nodes[v][attribute] for v in graph}, key=str)
    index = {c: k for k, c in enumerate(cats)}
    e = np.zeros((len(cats), len(cats)))
    for u, v in graph.edges():
        a, b = index[graph.nodes[u][attribute]], index[graph.nodes[v][attribute]]
        e[a, b] += 1
        e[b, a] += 1
    e /= e.sum()
    expected = (e.sum(axis=1) ** 2).sum()
    return (np.trace(e) - expected) / (1 - expected)


def _pearson_of_tie_ends(graph, attribute):
    ends = np.array([(graph.nodes[u][attribute], graph.nodes[v][attribute])
                     for u, v in graph.edges()], float)
    both = np.vstack([ends, ends[:, ::-1]])  # every tie in both directions
    return np.corrcoef(both[:, 0], both[:, 1])[0, 1]


def test_assortativity_hand_computed():
    # tie ends: a-a 6/12, b-b 2/12, a-b and b-a 2/12 each; a_a = 8/12, a_b = 4/12
    # r = (8/12 - 80/144) / (1 - 80/144) = 16 / 64
    assert attribute_assortativity(tiny(), "group") == pytest.approx(0.25, abs=1e-15)
    g = nx.path_graph(4)  # ties 0-1, 1-2, 2-3 with values 1, 2, 3, 4
    nx.set_node_attributes(g, {0: 1.0, 1: 2.0, 2: 3.0, 3: 4.0}, "x")
    # ends (1,2), (2,3), (3,4) both ways: mean 2.5, sum of squares 5.5, of products 2.5
    assert numeric_assortativity(g, "x") == pytest.approx(5 / 11, abs=1e-15)
    assert numeric_assortativity(g, "x") == pytest.approx(_pearson_of_tie_ends(g, "x"),
                                                          abs=1e-15)


@settings(max_examples=40, deadline=None)
@given(st.integers(5, 30), st.floats(0.1, 0.6), st.integers(0, 10_000), st.integers(2, 4))
def test_assortativity_agrees_with_newmans_formula(n, p, seed, k):
    g = nx.gnp_random_graph(n, p, seed=seed)
    if g.number_of_edges() == 0:
        return
    rng = np.random.default_rng(seed)
    nx.set_node_attributes(g, {v: int(rng.integers(k)) for v in g}, "group")
    nx.set_node_attributes(g, {v: float(rng.normal()) for v in g}, "age")
    if len({g.nodes[u]["group"] for e in g.edges() for u in e}) > 1:
        r = attribute_assortativity(g, "group")
        assert r == pytest.approx(_newman_r(g, "group"), abs=1e-12)
        assert -1.0 <= r <= 1.0
    r = numeric_assortativity(g, "age")
    assert r == pytest.approx(_pearson_of_tie_ends(g, "age"), abs=1e-12)
    assert -1.0 <= r <= 1.0


def test_assortativity_is_nan_without_a_warning_where_networkx_divides_by_zero():
    g = nx.Graph([(0, 1), (2, 3)])
    nx.set_node_attributes(g, "a", "group")  # every tie end in one category
    nx.set_node_attributes(g, 0.1, "age")  # the same value at every tie end
    with np.errstate(all="raise"), pytest.raises(FloatingPointError):
        nx.attribute_assortativity_coefficient(g, "group")  # networkx divides 0 by 0
    # (importing PySAL's segregation silences numpy's division warnings for the whole
    # process, so both numpy's error state and the warnings filter are set here)
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        assert np.isnan(attribute_assortativity(g, "group"))
        assert np.isnan(numeric_assortativity(g, "age"))
        path = nx.path_graph(7)  # the former Pearson gave 1.0 here, from rounding
        nx.set_node_attributes(path, 0.1, "age")
        assert np.isnan(numeric_assortativity(path, "age"))
        # one category at the tie ends, another only on an isolated node: still NaN
        g.add_node(9, group="b", age=50.0)
        assert np.isnan(attribute_assortativity(g, "group"))


def test_numeric_assortativity_of_one_tie_is_exactly_minus_one():
    # one tie, ends (a, b) and (b, a): r = -1. networkx loses 11 digits here (variances
    # as E[x^2] - E[x]^2), the former Pearson gave -1.0000000000000002, outside [-1, 1]
    g = nx.Graph([(3, 4)])
    nx.set_node_attributes(g, {3: -0.9141207048308895, 4: -0.9003606290309881}, "age")
    assert numeric_assortativity(g, "age") == -1.0
    assert nx.numeric_assortativity_coefficient(g, "age") == pytest.approx(-1.0, abs=1e-11)


def test_assortativity_errors_name_the_problem():
    lonely = nx.empty_graph(3)
    nx.set_node_attributes(lonely, "a", "group")
    with pytest.raises(ValueError, match="graph has no ties"):
        attribute_assortativity(lonely, "group")
    g = nx.Graph([(0, 1)])
    nx.set_node_attributes(g, {0: "a", 1: "b"}, "group")
    with pytest.raises(ValueError, match="node 1 has no attribute 'age'"):
        g.nodes[0]["age"] = 3.0
        numeric_assortativity(g, "age")
    with pytest.raises(ValueError, match="graph must be undirected"):
        attribute_assortativity(nx.DiGraph(g), "group")
    with pytest.raises(ValueError, match="graph has no nodes"):
        numeric_assortativity(nx.Graph(), "age")
    g.nodes[1]["age"] = float("nan")
    with pytest.raises(ValueError, match="attribute 'age' contains NaN"):
        numeric_assortativity(g, "age")
    g.nodes[1]["age"] = "old"
    with pytest.raises(ValueError, match="attribute 'age' must contain numbers only"):
        numeric_assortativity(g, "age")


def test_model_graph_measures_agree_with_model_history():
    m = TieModel(seed=2)
    m.run(12)
    g, h = m.graph, m.history.iloc[-1]
    assert g.number_of_edges() == h.ties
    assert cross_group_share(g, "group") == pytest.approx(h.cross_share, abs=1e-12)
    assert attribute_assortativity(g, "group") == pytest.approx(h.assortativity, abs=1e-12)
    assert nx.attribute_assortativity_coefficient(g, "group") == pytest.approx(
        h.assortativity, abs=1e-12)
    for attr in ("group", "kind", "age", "income", "lifestyle", "x", "y", "foci"):
        assert attr in g.nodes[0]


def _mean_ratio(**kwargs):
    ratios = []
    for seed in range(4):
        m = TieModel(seed=seed, **kwargs)
        m.run(12)
        ratios.append(homophily_test(m.graph, "group")["ratio"])
    return float(np.mean(ratios))


def test_mixing_without_shared_places_gives_few_cross_ties_and_bridging_foci_help():
    without = _mean_ratio(bridging_foci=0)
    with_places = _mean_ratio(bridging_foci=3, mixed_schools=True)
    assert without < 0.25  # far below what random mixing (ratio 1) would give
    assert with_places > 2 * without


def test_hunkering_down_lowers_contact():
    calm, hunker = TieModel(seed=1), TieModel(seed=1, hunkering=2.0)
    calm.run(12)
    hunker.run(12)
    assert hunker.history.ties.iloc[-1] < 0.6 * calm.history.ties.iloc[-1]


def test_neighbourhood_oriented_residents_have_more_ties():
    m = TieModel(seed=5)
    m.run(12)
    deg = m.adjacency.sum(axis=1)
    local = m.residents.lifestyle.to_numpy() == "neighbourhood"
    assert deg[local].mean() > 1.5 * deg[~local].mean()


def test_deterministic_given_seed():
    a, b = TieModel(seed=4), TieModel(seed=4)
    a.run(3)
    b.run(3)
    assert (a.adjacency == b.adjacency).all()


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"participation": 2}, "participation must lie in"),
    ({"homophily": -1}, "homophily must be"),
    ({"bridging_foci": -1}, "bridging_foci must be"),
    ({"group_shares": [1]}, "group_shares needs"),
])
def test_bad_parameters_raise(kwargs, message):
    with pytest.raises(ValueError, match=message):
        TieModel(**kwargs)


# -- the fast run against the loop it replaced (oracle) --------------------------------
def _reference_rates(model: TieModel) -> np.ndarray:
    """The meeting rates as first written: integer focus counts, lifestyles as strings."""
    res, p = model.residents, model.params
    x, y = res.x.to_numpy(), res.y.to_numpy()
    dist = np.abs(x[:, None] - x[None, :]) + np.abs(y[:, None] - y[None, :])
    m = model.membership.astype(np.int32)
    shared = m @ m.T
    g = res.group.to_numpy()
    age = res.age.to_numpy()
    log_inc = np.log(res.income.to_numpy())
    life = res.lifestyle.to_numpy()
    mismatch = ((g[:, None] != g[None, :]) + 0.5 * np.abs(age[:, None] - age[None, :]) / 30
                + 0.5 * np.abs(log_inc[:, None] - log_inc[None, :])
                + 0.5 * (life[:, None] != life[None, :]))
    street = res.street.to_numpy()
    div = np.empty(len(res))
    for s in np.unique(street):
        on = street == s
        q = np.bincount(g[on], minlength=model.group_shares.size) / on.sum()
        div[on] = 1 - np.sum(q**2)
    t = res.time.to_numpy()
    rate = (p["base_rate"] * t[:, None] * t[None, :]
            * (np.exp(-dist / p["distance_scale"]) + p["focus_weight"] * shared)
            * np.exp(-p["homophily"] * mismatch)
            * np.exp(-p["hunkering"] * (div[:, None] + div[None, :]) / 2))
    np.fill_diagonal(rate, 0.0)
    return rate


def _reference_run(model: TieModel, rng: np.random.Generator, n_steps: int):
    """The steps and the history rows as first written (triu indices, np.add.at)."""
    n = model.adjacency.shape[0]
    a = np.zeros((n, n), dtype=bool)
    g = model.residents.group.to_numpy()
    rows = []

    def record(step):
        iu = np.triu_indices(n, 1)
        tied = a[iu]
        n_ties = int(tied.sum())
        cross = (g[iu[0]] != g[iu[1]])[tied]
        p = np.bincount(g, minlength=model.group_shares.size) / g.size
        expected = float(1 - np.sum(p**2))
        if n_ties:
            e = np.zeros((p.size, p.size))
            np.add.at(e, (g[iu[0]][tied], g[iu[1]][tied]), 1)
            e = (e + e.T) / (2 * n_ties)
            s = e.sum(axis=1)
            random_share = float(s @ s)
            assort = (float((np.trace(e) - random_share) / (1 - random_share))
                      if random_share < 1 else float("nan"))
        else:
            assort = float("nan")
        rows.append({"step": step, "ties": n_ties, "mean_degree": 2 * n_ties / g.size,
                     "cross_share": float(cross.mean()) if n_ties else float("nan"),
                     "expected_cross_share": expected, "assortativity": assort})

    record(0)
    for step in range(1, n_steps + 1):
        iu = np.triu_indices(n, 1)
        new = rng.random(iu[0].size) < -np.expm1(-model.rate[iu])
        a[iu[0][new], iu[1][new]] = True
        a[iu[1][new], iu[0][new]] = True
        record(step)
    return a, pd.DataFrame(rows)


@pytest.mark.parametrize("seed", range(6))
def test_a_run_is_the_reference_run_exactly(seed):
    import copy

    draw = np.random.default_rng(1000 + seed)
    shares = draw.dirichlet(np.ones(int(draw.integers(2, 4))))
    model = TieModel(n_streets=int(draw.integers(1, 7)),
                     houses_per_street=int(draw.integers(2, 30)), group_shares=shares,
                     homophily=float(draw.uniform(0, 3)), hunkering=float(draw.uniform(0, 3)),
                     bridging_foci=int(draw.integers(0, 5)),
                     mixed_schools=bool(draw.integers(2)), seed=seed)
    np.testing.assert_array_equal(model.rate, _reference_rates(model))
    rng = copy.deepcopy(model.rng)
    adjacency, history = _reference_run(model, rng, 12)
    model.run(12)
    np.testing.assert_array_equal(model.adjacency, adjacency)
    pd.testing.assert_frame_equal(model.history, history, check_exact=True)
    assert model.rng.random() == rng.random()  # the same numbers drawn, no more
