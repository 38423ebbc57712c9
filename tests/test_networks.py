"""Tests for wijkwijs.networks: hand-computed small graphs first, then python-igraph
as an independent oracle (a test-only dependency), a numpy implementation of Burt's
effective size, networkx shortest paths for reach, and Hypothesis properties."""

from __future__ import annotations

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkwijs.networks import (
    ReachableHelp,
    brokerage,
    reachable_services,
    referral_graph,
    removal_effect,
    removal_effects,
    service_reach,
)


def edge_frame(pairs, weights=None):
    e = pd.DataFrame(pairs, columns=["from_id", "to_id"])
    if weights is not None:
        e["weight"] = weights
    return e


# --------------------------------------------------------------------------
# checks
# --------------------------------------------------------------------------

def test_referral_graph_refuses_bad_edges():
    with pytest.raises(ValueError, match="edges has no column 'to_id'"):
        referral_graph(pd.DataFrame({"from_id": [1]}))
    with pytest.raises(ValueError, match=r"row 1 is a self-loop \(2 -> 2\)"):
        referral_graph(edge_frame([(1, 2), (2, 2)]))
    with pytest.raises(ValueError, match="row 2 repeats the link 1 -> 2"):
        referral_graph(edge_frame([(1, 2), (2, 1), (1, 2)]))
    with pytest.raises(ValueError, match="'from_id' is missing in row 0"):
        referral_graph(edge_frame([(None, 2)]))
    with pytest.raises(ValueError, match="strictly positive edges column 'weight'"):
        referral_graph(edge_frame([(1, 2)], [0.0]), weight="weight")
    with pytest.raises(ValueError, match="weight' contains NaN"):
        referral_graph(edge_frame([(1, 2)], [np.nan]), weight="weight")


def test_reciprocal_links_are_two_edges_and_nodes_add_isolates():
    g = referral_graph(edge_frame([(1, 2), (2, 1)], [3, 4]), nodes=[7], weight="weight")
    assert sorted(g.edges(data="weight")) == [(1, 2, 3.0), (2, 1, 4.0)]
    assert 7 in g and g.degree(7) == 0


# --------------------------------------------------------------------------
# brokerage: hand-computed
# --------------------------------------------------------------------------

def test_brokerage_hand_computed_chain_with_a_reciprocal_pair():
    #      a <──> b ──> c
    #             ^
    #      d ─────┘
    # b is on the shortest paths a->c, d->c and d->a: 3 of (n-1)(n-2) = 6 pairs.
    # Mutual weights of b: a 2, c 1, d 1 (total 4): p = 1/2, 1/4, 1/4, no ties among
    # its contacts, so constraint = 1/4 + 1/16 + 1/16 and effective size = 3.
    b = brokerage(edge_frame([("a", "b"), ("b", "a"), ("b", "c"), ("d", "b")]))
    assert b.index.tolist() == ["a", "b", "c", "d"]
    assert b["in_degree"].tolist() == [1, 2, 1, 0]
    assert b["out_degree"].tolist() == [1, 2, 0, 1]
    assert b["betweenness"].tolist() == pytest.approx([0, 0.5, 0, 0])
    assert b["constraint"].tolist() == pytest.approx([1, 0.375, 1, 1])
    assert b["effective_size"].tolist() == pytest.approx([1, 3, 1, 1])


def test_brokerage_hand_computed_triangle_with_a_pendant():
    #      b <──> c
    #      ^\    /^
    #       \v  v/       (a <-> b, a <-> c, b <-> c all reciprocated)
    #         a ──> d
    # Mutual weights of a: b 2, c 2, d 1 (total 5) -> p = .4, .4, .2.
    #   constraint(a) = (.4 + .4*.5)^2 * 2 + (.2)^2 = .76   (p_cb = p_bc = .5)
    #   effective(a)  = (1 - .4) + (1 - .4) + 1 = 2.2        (m_bc = m_cb = 1)
    # b: p = .5, .5; constraint = (.5 + .5*.5)^2 + (.5 + .5*.4)^2 = .5625 + .49
    #    effective = 2 - 2*1/2 = 1 (Borgatti: 2 contacts, 1 tie between them)
    # betweenness(a): b->d and c->d go through a: 2 / 6.
    pairs = [("a", "b"), ("b", "a"), ("a", "c"), ("c", "a"), ("b", "c"), ("c", "b"),
             ("a", "d")]
    b = brokerage(edge_frame(pairs))
    assert b.loc["a", "constraint"] == pytest.approx(0.76)
    assert b.loc["b", "constraint"] == pytest.approx(0.5625 + 0.49)
    assert b.loc["c", "constraint"] == pytest.approx(0.5625 + 0.49)
    assert b.loc["d", "constraint"] == pytest.approx(1.0)
    assert b["effective_size"].tolist() == pytest.approx([2.2, 1.0, 1.0, 1.0])
    assert b["betweenness"].tolist() == pytest.approx([1 / 3, 0, 0, 0])


def test_brokerage_weighted_constraint_hand_computed():
    #   x ──3──> y,  x ──1──> z   (y and z not tied)
    # p_xy = 3/4, p_xz = 1/4: constraint(x) = 9/16 + 1/16; unweighted it is 1/2
    e = edge_frame([("x", "y"), ("x", "z")], [3.0, 1.0])
    assert brokerage(e, weight="weight").loc["x", "constraint"] == pytest.approx(10 / 16)
    assert brokerage(e).loc["x", "constraint"] == pytest.approx(0.5)
    # effective size: no redundancy either way
    assert brokerage(e, weight="weight").loc["x", "effective_size"] == pytest.approx(2.0)


def test_brokerage_isolates_are_undefined_not_zero():
    b = brokerage(edge_frame([(1, 2)]), nodes=[3])
    assert b.loc[3, ["in_degree", "out_degree"]].tolist() == [0, 0]
    assert b.loc[3, "betweenness"] == 0.0
    assert np.isnan(b.loc[3, "constraint"]) and np.isnan(b.loc[3, "effective_size"])


# --------------------------------------------------------------------------
# brokerage: igraph and a second implementation as oracles
# --------------------------------------------------------------------------

random_edges = st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), min_size=1,
                        max_size=40).map(
    lambda pairs: list(dict.fromkeys((u, v) for u, v in pairs if u != v))).filter(bool)


def burt_effective_size(pairs, weights=None):
    """Burt's effective size from the dense adjacency matrix (independent of networkx)."""
    nodes = sorted({n for p in pairs for n in p})
    pos = {n: i for i, n in enumerate(nodes)}
    a = np.zeros((len(nodes), len(nodes)))
    for (u, v), w in zip(pairs, weights if weights is not None else [1.0] * len(pairs),
                         strict=True):
        a[pos[u], pos[v]] = w
    mutual = a + a.T
    p = mutual / mutual.sum(axis=1, keepdims=True)
    m = mutual / mutual.max(axis=1, keepdims=True)
    out = {}
    for i, n in enumerate(nodes):
        contacts = np.flatnonzero(mutual[i] > 0)
        out[n] = sum(1 - sum(p[i, q] * m[j, q] for q in contacts) for j in contacts)
    return out


@given(random_edges, st.booleans(), st.data())
@settings(deadline=None, max_examples=60)
def test_brokerage_agrees_with_igraph(pairs, weighted, data):
    weights = (data.draw(st.lists(st.integers(1, 9), min_size=len(pairs), max_size=len(pairs)))
               if weighted else None)
    b = brokerage(edge_frame(pairs, weights), weight="weight" if weighted else None)
    nodes = b.index.tolist()
    pos = {n: i for i, n in enumerate(nodes)}
    h = ig.Graph(n=len(nodes), edges=[(pos[u], pos[v]) for u, v in pairs], directed=True)
    n = len(nodes)
    if n > 2:
        between = np.array(h.betweenness(directed=True)) / ((n - 1) * (n - 2))
        np.testing.assert_allclose(b["betweenness"], between, atol=1e-12)
    np.testing.assert_array_equal(b["in_degree"], h.indegree())
    np.testing.assert_array_equal(b["out_degree"], h.outdegree())
    if weighted:
        h.es["weight"] = [float(w) for w in weights]
    constraint = h.constraint(weights="weight" if weighted else None)
    np.testing.assert_allclose(b["constraint"], constraint, rtol=1e-10)
    burt = burt_effective_size(pairs, [float(w) for w in weights] if weighted else None)
    np.testing.assert_allclose(b["effective_size"], [burt[n] for n in nodes], rtol=1e-10)


@given(random_edges, st.booleans(), st.data())
@settings(deadline=None, max_examples=60)
def test_brokerage_agrees_with_networkx_where_networkx_is_right(pairs, weighted, data):
    """networkx 3.6: nx.constraint (whole graph) is right; nx.effective_size is right
    node by node (nodes=...) for nodes with an outgoing link (issue #2661), not on its
    fast path for directed graphs (pull request #8906)."""
    weights = (data.draw(st.lists(st.integers(1, 9), min_size=len(pairs), max_size=len(pairs)))
               if weighted else None)
    w = "weight" if weighted else None
    b = brokerage(edge_frame(pairs, weights), weight=w)
    g = referral_graph(edge_frame(pairs, weights), weight=w)
    constraint = nx.constraint(g, weight=w)
    np.testing.assert_allclose(b["constraint"], [constraint[n] for n in b.index], rtol=1e-10)
    senders = [n for n in b.index if g.out_degree(n) > 0]
    effective = nx.effective_size(g, nodes=senders, weight=w)
    np.testing.assert_allclose(b.loc[senders, "effective_size"],
                               [effective[n] for n in senders], rtol=1e-10)


@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), min_size=1, max_size=25))
@settings(deadline=None)
def test_effective_size_is_borgattis_formula_when_every_link_is_reciprocated(pairs):
    undirected = nx.Graph([(u, v) for u, v in pairs if u != v])
    if undirected.number_of_edges() == 0:
        return
    both = [(u, v) for u, v in undirected.edges] + [(v, u) for u, v in undirected.edges]
    b = brokerage(edge_frame(both))
    for node in undirected:
        ego = nx.ego_graph(undirected, node, center=False)
        n, t = ego.number_of_nodes(), ego.number_of_edges()
        assert b.loc[node, "effective_size"] == pytest.approx(n - 2 * t / n)


def test_networkx_fast_effective_size_is_wrong_on_this_graph():
    """The case Hypothesis found: 0 <-> 1, 0 -> 2, 1 -> 2. By hand, for node 0:
    p_01 = 2/3, p_02 = 1/3; m_12 = 1/2 (1's strongest tie is to 0), m_21 = 1;
    e_0 = (1 - p_02 m_12) + (1 - p_01 m_21) = 5/6 + 1/3 = 7/6."""
    e = edge_frame([(0, 1), (0, 2), (1, 0), (1, 2)])
    b = brokerage(e)
    assert b.loc[0, "effective_size"] == pytest.approx(7 / 6)
    assert b.loc[1, "effective_size"] == pytest.approx(7 / 6)
    assert b.loc[2, "effective_size"] == pytest.approx(1.0)  # a sink: defined, not NaN


@given(random_edges)
@settings(deadline=None)
def test_brokerage_bounds(pairs):
    b = brokerage(edge_frame(pairs))
    g = nx.DiGraph(pairs)
    contacts = np.array([len(set(nx.all_neighbors(g, n))) for n in b.index])
    assert ((b["betweenness"] >= 0) & (b["betweenness"] <= 1)).all()
    assert (b["constraint"] > 0).all()
    # each contact adds between p_ij and 1 to the effective size, so 1 <= e <= contacts
    assert (b["effective_size"] >= 1 - 1e-9).all()
    assert (b["effective_size"] <= contacts + 1e-9).all()
    assert b["in_degree"].sum() == b["out_degree"].sum() == len(pairs)


# --------------------------------------------------------------------------
# reachable help and removal: hand-computed
# --------------------------------------------------------------------------

#  club ──> centre ──> TEAM          (TEAM and DESK are services)
#             ^
#  mosque ────┘        gym ──> DESK
#
#  household 1: club; 2: mosque and gym; 3: gym; 4: nothing; 5: centre
CITY = edge_frame([("club", "centre"), ("centre", "team"), ("mosque", "centre"),
                   ("gym", "desk")])
SERVICES = {"team", "desk"}
PART = pd.DataFrame({"household_id": [1, 2, 2, 3, 5, 5],
                     "organisation_id": ["club", "mosque", "gym", "gym", "centre", "centre"]})
HOUSEHOLDS = [1, 2, 3, 4, 5]


def test_service_reach_hand_computed():
    r = service_reach(CITY, SERVICES, k=2)
    got = {(o, s): d for o, s, d in r.itertuples(index=False)}
    assert got == {("centre", "team"): 1, ("club", "team"): 2, ("mosque", "team"): 2,
                   ("gym", "desk"): 1, ("team", "team"): 0, ("desk", "desk"): 0}
    r1 = service_reach(CITY, SERVICES, k=1)
    assert ("club", "team") not in set(zip(r1["organisation"], r1["service"], strict=True))


def test_reachable_services_hand_computed():
    k1 = reachable_services(PART, CITY, SERVICES, k=1, households=HOUSEHOLDS)
    assert k1["n_services"].tolist() == [0, 1, 1, 0, 1]
    k2 = reachable_services(PART, CITY, SERVICES, k=2, households=HOUSEHOLDS)
    assert k2["n_services"].tolist() == [1, 2, 1, 0, 1]
    assert k2["n_routes"].tolist() == [1, 2, 1, 0, 1]
    assert k2["n_organisations"].tolist() == [1, 2, 1, 0, 1]  # the repeated row counts once
    assert k2["fewest_steps"].tolist()[:3] == [2.0, 1.0, 1.0]
    assert np.isnan(k2.loc[4, "fewest_steps"])
    default = reachable_services(PART, CITY, SERVICES, k=2)
    assert default.index.tolist() == [1, 2, 3, 5]  # only those taking part


def test_reachable_services_refuses_bad_input():
    with pytest.raises(ValueError, match="k must be a whole number"):
        reachable_services(PART, CITY, SERVICES, k=-1)
    with pytest.raises(ValueError, match="k must be a whole number"):
        reachable_services(PART, CITY, SERVICES, k=1.5)
    with pytest.raises(ValueError, match="services is empty"):
        reachable_services(PART, CITY, [], k=1)
    with pytest.raises(ValueError, match="household 5, which is not in households"):
        reachable_services(PART, CITY, SERVICES, k=1, households=[1, 2, 3, 4])
    with pytest.raises(ValueError, match="participation has no column 'organisation_id'"):
        reachable_services(PART.rename(columns={"organisation_id": "org"}), CITY, SERVICES, k=1)


def test_removal_effect_hand_computed():
    r = removal_effect(PART, CITY, SERVICES, "centre", k=2, households=HOUSEHOLDS)
    assert r["participants_affected"] == 1  # household 5
    # components {club, centre, team, mosque}, {gym, desk} -> {club} {team} {mosque} {gym, desk}
    assert r["components_before"] == 2 and r["components_after"] == 4
    # before: 1 reaches team, 2 team and desk, 3 desk, 5 team; after: only desk via gym
    assert r["households_with_help_before"] == 4
    assert r["households_with_help_after"] == 2
    assert r["households_losing_all_help"] == 2  # 1 (via the club) and 5 (a member)
    assert r["mean_services_before"] == pytest.approx((1 + 2 + 1 + 0 + 1) / 5)
    assert r["mean_services_after"] == pytest.approx((0 + 1 + 1 + 0 + 0) / 5)
    assert r["change_in_mean_services"] == pytest.approx(-3 / 5)


def test_removing_a_service_or_several_organisations():
    r = removal_effect(PART, CITY, SERVICES, ["desk"], k=2, households=HOUSEHOLDS)
    assert r["households_losing_all_help"] == 1  # household 3 had only the desk
    both = removal_effect(PART, CITY, SERVICES, ["desk", "team"], k=2, households=HOUSEHOLDS)
    assert both["households_with_help_after"] == 0
    assert both["mean_services_after"] == 0.0
    with pytest.raises(ValueError, match="organisation 'library' is not in"):
        removal_effect(PART, CITY, SERVICES, "library", k=2)
    with pytest.raises(ValueError, match="remove is empty"):
        removal_effect(PART, CITY, SERVICES, [], k=2)


# --------------------------------------------------------------------------
# reach: networkx shortest paths as oracle, and properties
# --------------------------------------------------------------------------

@given(random_edges, st.sets(st.integers(0, 11), min_size=1, max_size=4), st.integers(0, 5))
@settings(deadline=None)
def test_service_reach_matches_shortest_paths(pairs, services, k):
    r = service_reach(edge_frame(pairs), services, k=k)
    g = nx.DiGraph(pairs)
    g.add_nodes_from(services)
    expected = {}
    for s in services:
        for o in g:
            if nx.has_path(g, o, s):
                d = nx.shortest_path_length(g, o, s)
                if d <= k:
                    expected[(o, s)] = d
    assert {(o, s): d for o, s, d in r.itertuples(index=False)} == expected


participation_rows = st.lists(st.tuples(st.integers(0, 15), st.integers(0, 11)), min_size=1,
                              max_size=30)


@given(random_edges, participation_rows, st.sets(st.integers(0, 11), min_size=1, max_size=3),
       st.integers(0, 4))
@settings(deadline=None, max_examples=60)
def test_more_steps_and_more_links_never_reach_less(pairs, rows, services, k):
    part = pd.DataFrame(rows, columns=["household_id", "organisation_id"])
    e = edge_frame(pairs)
    now = reachable_services(part, e, services, k=k)
    further = reachable_services(part, e, services, k=k + 1)
    assert (further["n_services"] >= now["n_services"]).all()
    fewer_links = reachable_services(part, e.iloc[: len(e) // 2], services, k=k)
    assert (fewer_links["n_services"] <= now["n_services"]).all()
    assert (now["n_routes"] <= now["n_organisations"]).all()
    assert (now["n_services"] <= len(services)).all()


@given(random_edges, participation_rows, st.sets(st.integers(0, 11), min_size=1, max_size=3),
       st.integers(0, 11), st.integers(0, 4))
@settings(deadline=None, max_examples=60)
def test_removal_never_adds_help(pairs, rows, services, removed, k):
    part = pd.DataFrame(rows, columns=["household_id", "organisation_id"])
    e = edge_frame(pairs)
    known = {n for p in pairs for n in p} | set(part["organisation_id"])
    if removed not in known:
        return
    r = removal_effect(part, e, services, removed, k=k)
    assert r["households_with_help_after"] <= r["households_with_help_before"]
    assert r["change_in_mean_services"] <= 1e-12
    assert r["households_losing_all_help"] == (r["households_with_help_before"]
                                               - r["households_with_help_after"])
    assert r["participants_affected"] == part.loc[part["organisation_id"] == removed,
                                                  "household_id"].nunique()


# --------------------------------------------------------------------------
# ReachableHelp: the fast path gives removal_effect's numbers
# --------------------------------------------------------------------------

def test_reachable_help_hand_computed():
    help_ = ReachableHelp(PART, CITY, SERVICES, k=2, households=HOUSEHOLDS)
    assert help_.n_services().tolist() == [1, 2, 1, 0, 1]
    assert help_.n_services("centre").tolist() == [0, 1, 1, 0, 0]
    pd.testing.assert_series_equal(
        help_.effect("centre"),
        removal_effect(PART, CITY, SERVICES, "centre", k=2, households=HOUSEHOLDS))
    table = removal_effects(PART, CITY, SERVICES, ["centre", "desk"], k=2,
                            households=HOUSEHOLDS)
    assert table["households_losing_all_help"].tolist() == [2.0, 1.0]
    with pytest.raises(ValueError, match="organisation 'library' is not in"):
        help_.effect("library")
    with pytest.raises(ValueError, match="remove is empty"):
        help_.effect([])
    with pytest.raises(ValueError, match="household 3, which is not in households"):
        ReachableHelp(PART, CITY, SERVICES, k=2, households=[1, 2])


def test_reachable_help_packs_more_than_64_services_into_several_words():
    services = list(range(100, 170))  # 70 services, each referred to by organisation 0
    e = edge_frame([(0, s) for s in services] + [(1, 0)])
    part = pd.DataFrame({"household_id": [1, 2, 3], "organisation_id": [0, 1, 150]})
    help_ = ReachableHelp(part, e, services, k=2)
    assert help_.n_services().tolist() == [70, 70, 1]
    assert help_.n_services([0]).tolist() == [0, 0, 1]
    assert np.array_equal(help_.n_services(),
                          reachable_services(part, e, services, k=2)["n_services"].to_numpy())


@given(random_edges, participation_rows, st.sets(st.integers(0, 11), min_size=1, max_size=3),
       st.lists(st.integers(0, 11), min_size=1, max_size=3), st.integers(0, 4))
@settings(deadline=None, max_examples=80)
def test_reachable_help_equals_removal_effect(pairs, rows, services, removed, k):
    part = pd.DataFrame(rows, columns=["household_id", "organisation_id"])
    e = edge_frame(pairs)
    known = {n for p in pairs for n in p} | set(part["organisation_id"])
    if not set(removed) <= known:
        return
    households = sorted(set(part["household_id"]) | {99})
    help_ = ReachableHelp(part, e, services, k=k, households=households)
    before = reachable_services(part, e, services, k=k, households=households)
    assert np.array_equal(help_.n_services(), before["n_services"].to_numpy())
    pd.testing.assert_series_equal(
        help_.effect(removed),
        removal_effect(part, e, services, removed, k=k, households=households))
