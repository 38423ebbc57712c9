r"""Referral networks of organisations: brokerage, reachable help and removal.

Neighbourhood organisations "often have relevant contacts for residents, for example
to refer them for help" (Custers, *Een betere wijk begint ín de wijk*: "vaak
relevante contacten hebben voor bewoners om bijvoorbeeld te kunnen doorverwijzen
voor hulp"). Those contacts form a directed network: an edge
:math:`u \to v` means organisation :math:`u` refers residents to :math:`v`. On it:

* :func:`brokerage` — who sits *between* others: degree, betweenness (Freeman 1977)
  and Burt's (1992) constraint and effective size;
* :func:`service_reach` and :func:`reachable_services` — which services (the
  municipal social team, debt counselling, a welfare organisation) a resident
  reaches within :math:`k` referral steps from the organisations they take part in;
* :func:`removal_effect` — what a closure or a demolition does: components of the
  network, residents who lose their only route to help, fewer services within reach;
  :class:`ReachableHelp` (and :func:`removal_effects`) computes the same numbers for
  many closures at once, fast enough for an explorer.

Input is a DataFrame of edges with a ``from_id`` and a ``to_id`` column (names can be
changed) and optionally a weight (e.g. referrals per year). Checks, decided once for
every function (:func:`referral_graph`):

* a missing id is an error;
* a **self-loop** (an organisation referring to itself) is an error: it is no route
  to anybody else, and networkx would count it in the constraint and effective size;
* a **duplicate** edge (the same ordered pair twice) is an error: a directed graph
  holds one edge per pair, and silently dropping or summing one would change weighted
  measures. Aggregate first, e.g. ``edges.groupby(["from_id", "to_id"],
  as_index=False)["weight"].sum()``. (``u -> v`` and ``v -> u`` are two edges.)
* weights must be finite and strictly positive: a link with zero referrals is no link.

This is a measures layer: it uses networkx and draws nothing.

Sources: Burt, R. S. (1992). *Structural Holes: The Social Structure of
Competition.* Harvard University Press. Freeman, L. C. (1977). A set of measures of
centrality based on betweenness. *Sociometry* 40(1), 35–41. Custers, G. & Engbersen, G.
(2024). Linking social capital and organizational ties: How different types of
neighborhood organizations broker resources for the urban poor. *Journal of Urban
Affairs* 46, 1992–2008.

Examples
--------
>>> edges = pd.DataFrame({"from_id": ["cafe", "centre", "mosque"],
...                       "to_id": ["centre", "team", "centre"]})
>>> brokerage(edges)["betweenness"].round(3).to_dict()
{'cafe': 0.0, 'centre': 0.333, 'mosque': 0.0, 'team': 0.0}
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from wijkwijs._validate import as_values, plain, require_columns, require_no_missing

__all__ = [
    "ReachableHelp",
    "brokerage",
    "reachable_services",
    "referral_graph",
    "removal_effect",
    "removal_effects",
    "service_reach",
]





def _check_k(k: Any) -> int:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 0:
        raise ValueError(f"k must be a whole number of referral steps, 0 or more; got {k!r}.")
    return int(k)


def referral_graph(edges: pd.DataFrame, *, nodes: Iterable[Hashable] | None = None,
                   source: str = "from_id", target: str = "to_id",
                   weight: str | None = None) -> nx.DiGraph:
    """The directed referral network of an edge table, after checking it.

    Parameters
    ----------
    edges
        One row per referral link ``source -> target``.
    nodes
        Extra nodes to include, e.g. organisations without any link (isolates).
    source, target
        The id columns.
    weight
        A column with strictly positive weights, stored as the edge attribute
        ``"weight"``; ``None`` for an unweighted graph.

    Returns
    -------
    networkx.DiGraph

    Examples
    --------
    >>> g = referral_graph(pd.DataFrame({"from_id": [1, 2], "to_id": [2, 3]}), nodes=[9])
    >>> sorted(g.nodes), sorted(g.edges)
    ([1, 2, 3, 9], [(1, 2), (2, 3)])
    >>> referral_graph(pd.DataFrame({"from_id": [1, 1], "to_id": [2, 2]}))
    Traceback (most recent call last):
    ...
    ValueError: edges row 1 repeats the link 1 -> 2; aggregate duplicate links first.
    """
    require_columns(edges, [source, target] + ([weight] if weight else []), "edges")
    for column in (source, target):
        require_no_missing(edges, column, "edges")
    u = edges[source].to_numpy()
    v = edges[target].to_numpy()
    loop = u == v
    if loop.any():
        i = int(np.flatnonzero(loop)[0])
        raise ValueError(f"edges row {plain(edges.index[i])!r} is a self-loop "
                         f"({plain(u[i])!r} -> {plain(u[i])!r}); an organisation does not "
                         "refer to itself.")
    twice = edges.duplicated([source, target]).to_numpy()
    if twice.any():
        i = int(np.flatnonzero(twice)[0])
        raise ValueError(f"edges row {plain(edges.index[i])!r} repeats the link "
                         f"{plain(u[i])!r} -> {plain(v[i])!r}; aggregate duplicate links "
                         "first.")
    g = nx.DiGraph()
    if nodes is not None:
        g.add_nodes_from(nodes)
    if weight is None:
        g.add_edges_from(zip(u.tolist(), v.tolist(), strict=True))
    else:
        w = as_values(edges[weight], f"edges column {weight!r}", measure="a referral network",
                      allow_zero=False, why_positive="A link with no referrals is no link.")
        g.add_weighted_edges_from(zip(u.tolist(), v.tolist(), w.tolist(), strict=True))
    return g


def _structural_holes(g: nx.DiGraph, order: list, weight: str | None
                      ) -> tuple[np.ndarray, np.ndarray]:
    """Burt's constraint and effective size of the nodes ``order`` (see :func:`brokerage`)."""
    if not order:
        return np.zeros(0), np.zeros(0)
    a = nx.to_numpy_array(g, nodelist=order, weight=weight, dtype=float)
    mutual = a + a.T
    np.fill_diagonal(mutual, 0.0)
    contact = mutual > 0
    isolated = ~contact.any(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(isolated[:, None], 0.0, mutual / mutual.sum(axis=1, keepdims=True))
        m = np.where(isolated[:, None], 0.0, mutual / mutual.max(axis=1, keepdims=True))
    constraint = np.where(contact, (p + p @ p) ** 2, 0.0).sum(axis=1)
    effective = np.where(contact, 1.0 - p @ m.T, 0.0).sum(axis=1)
    constraint[isolated] = np.nan
    effective[isolated] = np.nan
    return constraint, effective


def brokerage(edges: pd.DataFrame, *, nodes: Iterable[Hashable] | None = None,
              source: str = "from_id", target: str = "to_id",
              weight: str | None = None) -> pd.DataFrame:
    r"""Brokerage of every organisation in a referral network.

    * ``in_degree``, ``out_degree`` — links received and made (unweighted counts).
    * ``betweenness`` — the share of shortest directed paths between other pairs that
      pass through the organisation (Freeman 1977), normalised by networkx for a
      directed graph with :math:`n` nodes, unweighted:

      .. math:: C_B(v) = \frac{1}{(n-1)(n-2)}
                \sum_{s \ne v \ne t} \frac{\sigma_{st}(v)}{\sigma_{st}}

    * ``constraint`` — Burt's (1992) constraint, high for an organisation whose
      contacts are all tied to each other (no structural holes to broker):

      .. math:: c_i = \sum_{j \in N(i)} \Big(p_{ij} + \sum_{q \in N(i)} p_{iq} p_{qj}\Big)^2,
                \qquad p_{ij} = \frac{a_{ij} + a_{ji}}{\sum_{k \in N(i)} (a_{ik} + a_{ki})}

      with :math:`N(i)` the in- and out-neighbours and :math:`a_{ij}` the weight of
      :math:`i \to j` (1, or ``weight``; 0 without an edge).
    * ``effective_size`` — Burt's number of non-redundant contacts,

      .. math:: e_i = \sum_{j \in N(i)} \Big(1 - \sum_{q \in N(i)} p_{iq} m_{jq}\Big),
                \qquad m_{jq} = \frac{a_{jq} + a_{qj}}{\max_k (a_{jk} + a_{kj})},

      which for an unweighted graph with all links reciprocated is Borgatti's (1997)
      :math:`n - 2t/n` (:math:`n` contacts, :math:`t` ties among them).

    Constraint and effective size follow exactly the definitions of networkx's
    ``nx.constraint`` and ``nx.effective_size`` on the directed graph (mutual weights
    over in- and out-neighbours), using ``weight`` when given, but are computed here
    with numpy on the dense adjacency matrix (fine up to a few thousand
    organisations): in networkx 3.6 the fast (scipy) path of ``effective_size``
    normalises by the wrong axis and gives wrong values for directed and weighted
    graphs (networkx pull request #8906), and its slower path returns ``NaN`` for an
    organisation that only receives links (issue #2661). The tests compare the
    constraint with python-igraph and networkx, and the effective size with
    networkx's node-by-node path and Borgatti's formula. Betweenness ignores weights
    (a volume is not a distance). For an organisation without any link (only possible
    through ``nodes``) constraint and effective size are undefined: ``NaN``.

    Sources: Burt, R. S. (1992). *Structural Holes.* Harvard University Press.
    Freeman, L. C. (1977). A set of measures of centrality based on betweenness.
    *Sociometry* 40(1), 35–41. Borgatti, S. P. (1997). Structural holes: Unpacking
    Burt's redundancy measures. *Connections* 20(1), 35–38.

    Parameters
    ----------
    edges, nodes, source, target, weight
        As in :func:`referral_graph`.

    Returns
    -------
    pandas.DataFrame
        One row per organisation, indexed by id (``id``), sorted by id when the ids
        can be sorted, with ``in_degree``, ``out_degree``, ``betweenness``,
        ``constraint`` and ``effective_size``.

    Examples
    --------
    A star: three organisations refer to a welfare desk ``w`` that refers on to the
    social team ``t``; ``w`` brokers every route to ``t``.

    >>> e = pd.DataFrame({"from_id": ["a", "b", "c", "w"], "to_id": ["w", "w", "w", "t"]})
    >>> brokerage(e).round(3)
        in_degree  out_degree  betweenness  constraint  effective_size
    id
    a           0           1        0.000        1.00             1.0
    b           0           1        0.000        1.00             1.0
    c           0           1        0.000        1.00             1.0
    t           1           0        0.000        1.00             1.0
    w           3           1        0.250        0.25             4.0
    """
    g = referral_graph(edges, nodes=nodes, source=source, target=target, weight=weight)
    w = "weight" if weight is not None else None
    order = list(g.nodes)
    try:
        order = sorted(order)
    except TypeError:  # ids of mixed types: keep the order of appearance
        pass
    betweenness = nx.betweenness_centrality(g, normalized=True)
    constraint, effective = _structural_holes(g, order, w)
    out = pd.DataFrame({
        "in_degree": [g.in_degree(n) for n in order],
        "out_degree": [g.out_degree(n) for n in order],
        "betweenness": [float(betweenness[n]) for n in order],
        "constraint": constraint,
        "effective_size": effective,
    }, index=pd.Index(order, name="id"))
    return out.astype({"in_degree": int, "out_degree": int})


def service_reach(edges: pd.DataFrame, services: Iterable[Hashable], *, k: int,
                  nodes: Iterable[Hashable] | None = None, source: str = "from_id",
                  target: str = "to_id") -> pd.DataFrame:
    r"""Which services each organisation reaches within ``k`` referral steps.

    Service :math:`s` is within reach of organisation :math:`o` when there is a
    directed path :math:`o \to \dots \to s` of at most :math:`k` links; a service
    reaches itself in 0 steps.

    Parameters
    ----------
    edges, nodes, source, target
        As in :func:`referral_graph` (weights are not used).
    services
        The ids of the service nodes; a service need not occur in ``edges``.
    k
        The largest number of referral steps (0 or more).

    Returns
    -------
    pandas.DataFrame
        One row per (``organisation``, ``service``) pair within reach, with the
        fewest ``steps``; organisations that reach no service have no row.

    Examples
    --------
    >>> e = pd.DataFrame({"from_id": [1, 2, 3], "to_id": [2, 3, 9]})
    >>> service_reach(e, {9}, k=2)
       organisation  service  steps
    0             2        9      2
    1             3        9      1
    2             9        9      0
    """
    k = _check_k(k)
    service_set = set(services)
    if not service_set:
        raise ValueError("services is empty; give the ids of the service nodes.")
    g = referral_graph(edges, nodes=nodes, source=source, target=target)
    g.add_nodes_from(service_set)
    reverse = g.reverse(copy=False)
    rows = []
    for s in service_set:  # walk backwards from every service: few services, many sources
        for o, steps in nx.single_source_shortest_path_length(reverse, s, cutoff=k).items():
            rows.append((o, s, steps))
    out = pd.DataFrame(rows, columns=["organisation", "service", "steps"])
    try:
        out = out.sort_values(["organisation", "service"], kind="stable")
    except TypeError:  # ids of mixed types
        pass
    return out.reset_index(drop=True).astype({"steps": int})


def reachable_services(participation: pd.DataFrame, edges: pd.DataFrame,
                       services: Iterable[Hashable], *, k: int,
                       households: Iterable[Hashable] | None = None,
                       household: str = "household_id", organisation: str = "organisation_id",
                       source: str = "from_id", target: str = "to_id") -> pd.DataFrame:
    r"""Which services each resident reaches within ``k`` referral steps.

    A household that takes part in organisations :math:`O_h` reaches service
    :math:`s` when some :math:`o \in O_h` reaches :math:`s` within :math:`k` steps
    (:func:`service_reach`):

    .. math:: S_h(k) = \{ s : \exists\, o \in O_h,\ d(o, s) \le k \}

    ``n_routes`` counts the household's organisations that lead to at least one
    service: a household with one route depends on one organisation for help.

    Parameters
    ----------
    participation
        One row per (household, organisation) membership, already restricted to one
        moment (e.g. the spells that include a year); repeated rows count once.
    edges, source, target
        The referral links, as in :func:`referral_graph`.
    services
        The ids of the service nodes.
    k
        The largest number of referral steps.
    households
        All households to report on (e.g. every resident of the city, also those who
        take part in nothing, who then reach 0 services); every household in
        ``participation`` must be among them. Default: the households in
        ``participation``.
    household, organisation
        The columns of ``participation``.

    Returns
    -------
    pandas.DataFrame
        Indexed by household: ``n_organisations``, ``n_routes``, ``n_services`` and
        ``fewest_steps`` (to the nearest service; ``NaN`` if none is within reach).

    Examples
    --------
    >>> e = pd.DataFrame({"from_id": ["club", "centre"], "to_id": ["centre", "team"]})
    >>> p = pd.DataFrame({"household_id": [1, 1, 2], "organisation_id": ["club", "gym", "gym"]})
    >>> reachable_services(p, e, {"team"}, k=2, households=[1, 2, 3])
                  n_organisations  n_routes  n_services  fewest_steps
    household_id
    1                           2         1           1           2.0
    2                           1         0           0           NaN
    3                           0         0           0           NaN
    """
    require_columns(participation, (household, organisation), "participation")
    for column in (household, organisation):
        require_no_missing(participation, column, "participation")
    pairs = participation[[household, organisation]].drop_duplicates()
    reach = service_reach(edges, services, k=k, source=source, target=target)
    hits = pairs.merge(reach, left_on=organisation, right_on="organisation", how="inner")
    grouped = hits.groupby(household)
    out = pd.DataFrame({
        "n_organisations": pairs.groupby(household)[organisation].nunique(),
        "n_routes": grouped[organisation].nunique(),
        "n_services": grouped["service"].nunique(),
        "fewest_steps": grouped["steps"].min().astype(float),
    })
    if households is not None:
        wanted = pd.Index(list(households))
        if wanted.has_duplicates:
            raise ValueError(f"households lists {plain(wanted[wanted.duplicated()][0])!r} "
                             "twice.")
        stray = out.index.difference(wanted)
        if len(stray):
            raise ValueError(f"participation has household {plain(stray[0])!r}, which is not "
                             "in households.")
        out = out.reindex(wanted)
    else:
        out = out.sort_index()
    counts = ["n_organisations", "n_routes", "n_services"]
    out[counts] = out[counts].fillna(0).astype(int)
    out.index.name = household
    return out


def removal_effect(participation: pd.DataFrame, edges: pd.DataFrame,
                   services: Iterable[Hashable], remove: Hashable | Iterable[Hashable], *,
                   k: int, households: Iterable[Hashable] | None = None,
                   nodes: Iterable[Hashable] | None = None, household: str = "household_id",
                   organisation: str = "organisation_id", source: str = "from_id",
                   target: str = "to_id") -> pd.Series:
    r"""What removing organisations (a closure, a demolition) does to reachable help.

    The removed organisations disappear from the referral network (with all their
    links) and from ``participation`` (their members lose them). Compared before and
    after, over the same households:

    * ``components_before``, ``components_after`` — weakly connected components of
      the referral network (nodes: the ends of ``edges`` plus ``nodes``);
    * ``participants_affected`` — households that took part in a removed organisation;
    * ``households_with_help_before``, ``…_after`` — households reaching at least one
      service within ``k`` steps (:func:`reachable_services`);
    * ``households_losing_all_help`` — households that reached a service before and
      none after: the removal took away their only route(s) to help;
    * ``mean_services_before``, ``…_after`` and ``change_in_mean_services`` — the
      mean number of services within reach, :math:`\bar S(k)`.

    A removed organisation that is itself a service no longer counts as one.

    Parameters
    ----------
    participation, edges, services, k, households, household, organisation, source, target
        As in :func:`reachable_services`.
    remove
        One organisation id or several; each must be in ``edges``, ``nodes`` or
        ``participation``.
    nodes
        Extra nodes of the referral network (organisations without links).

    Returns
    -------
    pandas.Series
        The numbers above, by name.

    Examples
    --------
    ``club -> centre -> team`` and ``gym -> team``; closing the centre cuts the club
    (and its member 1) off from the team:

    >>> e = pd.DataFrame({"from_id": ["club", "centre", "gym"],
    ...                   "to_id": ["centre", "team", "team"]})
    >>> p = pd.DataFrame({"household_id": [1, 2, 2], "organisation_id": ["club", "gym", "club"]})
    >>> r = removal_effect(p, e, {"team"}, "centre", k=3)
    >>> r[["components_before", "components_after", "households_losing_all_help"]].tolist()
    [1.0, 2.0, 1.0]
    >>> float(r["change_in_mean_services"])
    -0.5
    """
    if isinstance(remove, (str, bytes)) or not isinstance(remove, Iterable):
        removed = [remove]
    else:
        removed = list(remove)
    if not removed:
        raise ValueError("remove is empty; give the id of at least one organisation.")
    require_columns(participation, (household, organisation), "participation")
    g = referral_graph(edges, nodes=nodes, source=source, target=target)
    known = set(g.nodes) | set(participation[organisation])
    for r in removed:
        if r not in known:
            raise ValueError(f"remove: organisation {plain(r)!r} is not in the referral "
                             "network or in participation.")
    service_set = set(services)
    members = participation[household].drop_duplicates()
    base = list(households) if households is not None else list(members)
    before = reachable_services(participation, edges, service_set, k=k, households=base,
                                household=household, organisation=organisation,
                                source=source, target=target)
    kept_edges = edges[~edges[source].isin(removed) & ~edges[target].isin(removed)]
    kept_part = participation[~participation[organisation].isin(removed)]
    remaining_services = service_set - set(removed)
    if remaining_services:
        after = reachable_services(kept_part, kept_edges, remaining_services, k=k,
                                   households=base, household=household,
                                   organisation=organisation, source=source, target=target)
    else:
        after = before.assign(n_routes=0, n_services=0, fewest_steps=np.nan)
    h = g.copy()
    h.remove_nodes_from(removed)
    affected = participation.loc[participation[organisation].isin(removed), household].nunique()
    help_before = before["n_services"] > 0
    help_after = after["n_services"] > 0
    n = len(before)
    mean_before = float(before["n_services"].mean()) if n else float("nan")
    mean_after = float(after["n_services"].mean()) if n else float("nan")
    return pd.Series({
        "organisations_removed": float(len(removed)),
        "participants_affected": float(affected),
        "components_before": float(nx.number_weakly_connected_components(g)),
        "components_after": float(nx.number_weakly_connected_components(h)),
        "households": float(n),
        "households_with_help_before": float(help_before.sum()),
        "households_with_help_after": float(help_after.sum()),
        "households_losing_all_help": float((help_before & ~help_after).sum()),
        "mean_services_before": mean_before,
        "mean_services_after": mean_after,
        "change_in_mean_services": mean_after - mean_before,
    }, name="removal_effect")


#: The number of set bits of every byte (a popcount without numpy 2's bitwise_count).
_POPCOUNT = np.array([bin(i).count("1") for i in range(256)], dtype=np.int64)


class ReachableHelp:
    r"""Services within ``k`` referral steps of every household, before and after closures.

    The same numbers as :func:`reachable_services` and :func:`removal_effect`, computed
    with boolean matrices so that one closure costs milliseconds: the network is set up
    once, and each removal only zeroes the removed organisations' rows and columns.
    With :math:`A` the adjacency matrix (:math:`a_{uv} = 1` for a link :math:`u \to v`)
    and :math:`R^{(0)}` the indicator of each service (:math:`R^{(0)}_{s,s} = 1`),

    .. math:: R^{(t)} = R^{(t-1)} \vee (A R^{(t-1)} > 0), \qquad t = 1, \dots, k,

    so :math:`R^{(k)}_{o,s}` says whether organisation :math:`o` reaches service
    :math:`s` within :math:`k` steps; a household reaches what any of its
    organisations reaches (a logical or over its rows).

    Parameters
    ----------
    participation, edges, services, k, households, nodes, household, organisation, source, target
        As in :func:`removal_effect`.

    Examples
    --------
    >>> e = pd.DataFrame({"from_id": ["club", "centre", "gym"],
    ...                   "to_id": ["centre", "team", "team"]})
    >>> p = pd.DataFrame({"household_id": [1, 2, 2], "organisation_id": ["club", "gym", "club"]})
    >>> help_ = ReachableHelp(p, e, {"team"}, k=3)
    >>> help_.n_services().tolist(), help_.n_services(["centre"]).tolist()
    ([1, 1], [0, 1])
    >>> float(help_.effect("centre")["households_losing_all_help"])
    1.0
    """

    def __init__(self, participation: pd.DataFrame, edges: pd.DataFrame,
                 services: Iterable[Hashable], *, k: int,
                 households: Iterable[Hashable] | None = None,
                 nodes: Iterable[Hashable] | None = None, household: str = "household_id",
                 organisation: str = "organisation_id", source: str = "from_id",
                 target: str = "to_id") -> None:
        self.k = _check_k(k)
        self.services = set(services)
        if not self.services:
            raise ValueError("services is empty; give the ids of the service nodes.")
        require_columns(participation, (household, organisation), "participation")
        for column in (household, organisation):
            require_no_missing(participation, column, "participation")
        self.graph = referral_graph(edges, nodes=nodes, source=source, target=target)
        pairs = participation[[household, organisation]].drop_duplicates()
        members = pd.unique(pairs[household].to_numpy())
        if households is None:
            base = pd.Index(members)
            try:
                base = base.sort_values()
            except TypeError:
                pass
        else:
            base = pd.Index(list(households))
            if base.has_duplicates:
                raise ValueError(f"households lists {plain(base[base.duplicated()][0])!r} "
                                 "twice.")
            stray = pd.Index(members).difference(base)
            if len(stray):
                raise ValueError(f"participation has household {plain(stray[0])!r}, which is "
                                 "not in households.")
        self.households = base
        self.known = set(self.graph.nodes) | set(pairs[organisation])
        order = list(dict.fromkeys([*self.graph.nodes, *self.services, *pairs[organisation]]))
        self._index = {node: i for i, node in enumerate(order)}
        n = len(order)
        adjacency = np.zeros((n, n), dtype=np.int32)
        if len(edges):
            u = [self._index[a] for a in edges[source].tolist()]
            v = [self._index[b] for b in edges[target].tolist()]
            adjacency[u, v] = 1
        self._adjacency = adjacency
        self._service_order = [s for s in order if s in self.services]
        self._service_rows = np.array([self._index[s] for s in self._service_order], dtype=int)
        hh = base.get_indexer(pairs[household].to_numpy())
        org = np.array([self._index[o] for o in pairs[organisation].tolist()], dtype=int)
        sort = np.argsort(hh, kind="stable")
        self._pair_household, self._pair_org = hh[sort], org[sort]
        self._members_of = {o: np.unique(self._pair_household[self._pair_org == i])
                            for o, i in self._index.items()}
        #: services within reach of each household with nothing removed
        self.n_services_before = self.n_services()

    def _rows(self, remove: Iterable[Hashable]) -> list[int]:
        rows = []
        for r in remove:
            if r not in self.known:
                raise ValueError(f"remove: organisation {plain(r)!r} is not in the referral "
                                 "network or in participation.")
            rows.append(self._index[r])
        return rows

    @staticmethod
    def _as_list(remove: Hashable | Iterable[Hashable] | None) -> list:
        if remove is None:
            return []
        if isinstance(remove, (str, bytes)) or not isinstance(remove, Iterable):
            return [remove]
        return list(remove)

    def reach_matrix(self, remove: Hashable | Iterable[Hashable] | None = None) -> np.ndarray:
        """Organisations (rows, in the order of the network) by services: within ``k``?"""
        rows = self._rows(self._as_list(remove))
        a = self._adjacency
        if rows:
            a = a.copy()
            a[rows, :] = 0
            a[:, rows] = 0
        keep = ~np.isin(self._service_rows, rows)
        reach = np.zeros((a.shape[0], int(keep.sum())), dtype=np.int32)
        reach[self._service_rows[keep], np.arange(int(keep.sum()))] = 1
        for _ in range(self.k):
            reach = np.minimum(reach + (a @ reach), 1)
        if rows:
            reach[rows, :] = 0
        return reach.astype(bool)

    def n_services(self, remove: Hashable | Iterable[Hashable] | None = None) -> np.ndarray:
        """Services within reach of each household (in the order of ``households``)."""
        reach = self.reach_matrix(remove)
        out = np.zeros(len(self.households), dtype=int)
        if not (self._pair_org.size and reach.shape[1]):
            return out
        # pack each organisation's services into 64-bit words: a household's services
        # are the bitwise or of its organisations' words, counted bit by bit
        starts = np.flatnonzero(np.r_[True, np.diff(self._pair_household) != 0])
        counts = np.zeros(starts.size, dtype=int)
        for lo in range(0, reach.shape[1], 64):
            block = reach[:, lo:lo + 64]
            bits = np.left_shift(np.uint64(1), np.arange(block.shape[1], dtype=np.uint64))
            words = np.bitwise_or.reduce(np.where(block, bits, np.uint64(0)), axis=1)
            per = np.bitwise_or.reduceat(words[self._pair_org], starts)
            counts += _POPCOUNT[per.view(np.uint8)].reshape(-1, 8).sum(axis=1)
        out[self._pair_household[starts]] = counts
        return out

    def organisation_reach(self, remove: Hashable | Iterable[Hashable] | None = None
                           ) -> pd.Series:
        """Services within reach of each organisation of the network (0 for the removed).

        >>> e = pd.DataFrame({"from_id": ["club", "centre"], "to_id": ["centre", "team"]})
        >>> p = pd.DataFrame({"household_id": [1], "organisation_id": ["club"]})
        >>> ReachableHelp(p, e, {"team"}, k=2).organisation_reach("centre").to_dict()
        {'club': 0, 'centre': 0, 'team': 1}
        """
        reach = self.reach_matrix(remove).sum(axis=1)
        return pd.Series(reach, index=pd.Index(list(self._index), name="organisation"),
                         name="n_services").astype(int)

    def effect(self, remove: Hashable | Iterable[Hashable]) -> pd.Series:
        """:func:`removal_effect` of removing ``remove`` (the same numbers)."""
        removed = self._as_list(remove)
        if not removed:
            raise ValueError("remove is empty; give the id of at least one organisation.")
        after = self.n_services(removed)
        before = self.n_services_before
        h = self.graph.copy()
        h.remove_nodes_from(removed)
        self._rows(removed)  # refuses an unknown id
        affected = np.unique(np.concatenate(
            [self._members_of[r] for r in removed] or [np.zeros(0, dtype=int)]))
        n = len(before)
        mean_before = float(before.mean()) if n else float("nan")
        mean_after = float(after.mean()) if n else float("nan")
        return pd.Series({
            "organisations_removed": float(len(removed)),
            "participants_affected": float(affected.size),
            "components_before": float(nx.number_weakly_connected_components(self.graph)),
            "components_after": float(nx.number_weakly_connected_components(h)),
            "households": float(n),
            "households_with_help_before": float((before > 0).sum()),
            "households_with_help_after": float((after > 0).sum()),
            "households_losing_all_help": float(((before > 0) & (after == 0)).sum()),
            "mean_services_before": mean_before,
            "mean_services_after": mean_after,
            "change_in_mean_services": mean_after - mean_before,
        }, name="removal_effect")


def removal_effects(participation: pd.DataFrame, edges: pd.DataFrame,
                    services: Iterable[Hashable], candidates: Iterable[Hashable], *, k: int,
                    households: Iterable[Hashable] | None = None,
                    nodes: Iterable[Hashable] | None = None, household: str = "household_id",
                    organisation: str = "organisation_id", source: str = "from_id",
                    target: str = "to_id") -> pd.DataFrame:
    """:func:`removal_effect` of closing each candidate on its own, one row per candidate.

    Computed with :class:`ReachableHelp` (the network set up once).

    Examples
    --------
    >>> e = pd.DataFrame({"from_id": ["club", "centre", "gym"],
    ...                   "to_id": ["centre", "team", "team"]})
    >>> p = pd.DataFrame({"household_id": [1, 2, 2], "organisation_id": ["club", "gym", "club"]})
    >>> removal_effects(p, e, {"team"}, ["centre", "gym"], k=3)["households_losing_all_help"]
    organisation
    centre    1.0
    gym       0.0
    Name: households_losing_all_help, dtype: float64
    """
    help_ = ReachableHelp(participation, edges, services, k=k, households=households,
                          nodes=nodes, household=household, organisation=organisation,
                          source=source, target=target)
    candidates = list(candidates)
    rows = [help_.effect(c) for c in candidates]
    out = pd.DataFrame(rows, index=pd.Index(candidates, name="organisation"))
    return out
