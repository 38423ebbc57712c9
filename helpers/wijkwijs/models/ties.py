r"""Tie formation in a mixed neighbourhood, and homophily measures for any graph.

Living side by side is not enough for people to meet: ties grow where people
spend time together. Feld (1981, *The focused organization of social ties*,
American Journal of Sociology 86(5)) calls such places and activities *foci*:
streets, schools, clubs, places of worship, a community centre. If every focus
draws from one group ("bonding" foci), a physically mixed neighbourhood still
has few ties across groups; foci that draw everybody ("bridging" foci) add them.

The model in plain language
---------------------------
* **Residents** live in the houses along ``n_streets`` parallel streets
  (``houses_per_street`` each, every house occupied, groups mixed at random over
  the houses: *physical mixing*). Each resident has a ``group``, a household
  ``kind`` — ``family`` (young children), ``elderly``, ``working_class`` or
  ``young_professional`` — an ``age`` and an ``income`` (k€ per year) that follow
  from the kind, and a **lifestyle orientation**: young professionals are
  *city-wide* oriented, the others *neighbourhood* oriented. Neighbourhood-oriented
  residents spend more ``time`` in the neighbourhood (1.0 versus ``citywide_time``).
* **Foci**: each street is a focus of its residents; families send their children
  to a school (one school per group, or a single shared school with
  ``mixed_schools=True``); each group has ``bonding_foci`` organisations of its own;
  there are ``bridging_foci`` shared places open to all. A resident joins each
  organisation of its group and each shared place with probability
  ``participation · time``.
* **Meeting rate** of residents *i* and *j* per step (a month):

  .. math::
     \lambda_{ij} = \text{base\_rate}\; t_i t_j
       \big(e^{-d_{ij}/\text{distance\_scale}} + \text{focus\_weight}\cdot f_{ij}\big)
       \; e^{-\text{homophily}\cdot m_{ij}} \; e^{-\text{hunkering}\cdot(\delta_i+\delta_j)/2}

  with :math:`t` the time in the neighbourhood, :math:`d_{ij}` the walking distance
  in house widths (along the street plus ``street_gap`` per street crossed),
  :math:`f_{ij}` the number of foci they share, :math:`m_{ij}` their mismatch
  (1 for a different group, plus ½·|age gap|/30, ½·|log income ratio| and ½ for a
  different lifestyle), and :math:`\delta_i` the diversity
  :math:`1-\sum_g p_g^2` of resident *i*'s street. ``hunkering > 0`` is Putnam's
  (2007, *E Pluribus Unum*, Scandinavian Political Studies 30(2)) "hunkering
  down": less contact of any kind in more diverse surroundings.
* **One step**: every untied pair forms a tie with probability
  :math:`1-e^{-\lambda_{ij}}`, all at once. Ties, once formed, stay.

Measures (pure functions that work on *any* networkx graph with a node attribute):
:func:`cross_group_share`, :func:`expected_cross_share`, :func:`homophily_test`
(Easley & Kleinberg 2010, *Networks, Crowds, and Markets*, ch. 4: with group shares
:math:`p_g` and no homophily a share :math:`1-\sum_g p_g^2` — :math:`2pq` for two
groups — of ties would cross groups), :func:`coleman_index` and
:func:`attribute_assortativity` / :func:`numeric_assortativity` (Newman 2003).

Examples
--------
>>> m = TieModel(seed=1)
>>> m.run(12)
>>> g = m.graph
>>> g.number_of_nodes(), sorted(g.nodes[0])[:3]
(400, ['age', 'foci', 'group'])
>>> t = homophily_test(g, "group")
>>> bool(t["observed"] < t["expected"])
True
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import networkx as nx
import numpy as np
import pandas as pd

from wijkwijs._validate import as_values, check_fraction

__all__ = [
    "KINDS",
    "TieModel",
    "attribute_assortativity",
    "coleman_index",
    "cross_group_share",
    "expected_cross_share",
    "homophily_test",
    "numeric_assortativity",
]

#: Household kinds: (share, mean age, age spread, median income k€, lifestyle).
KINDS: dict[str, tuple[float, float, float, float, str]] = {
    "family": (0.35, 38.0, 6.0, 40.0, "neighbourhood"),
    "elderly": (0.2, 74.0, 7.0, 25.0, "neighbourhood"),
    "working_class": (0.25, 45.0, 12.0, 28.0, "neighbourhood"),
    "young_professional": (0.2, 29.0, 4.0, 50.0, "city-wide"),
}


# -- measures on any graph ------------------------------------------------------
def _node_values(graph: nx.Graph, attribute: str) -> dict:
    if graph.number_of_nodes() == 0:
        raise ValueError("graph has no nodes.")
    values = {}
    for node, data in graph.nodes(data=True):
        if attribute not in data:
            raise ValueError(f"node {node!r} has no attribute {attribute!r}.")
        values[node] = data[attribute]
    return values


def _edges(graph: nx.Graph) -> list[tuple[Hashable, Hashable]]:
    if graph.is_directed():
        raise ValueError("graph must be undirected (networkx.Graph).")
    edges = [(u, v) for u, v in graph.edges() if u != v]
    if not edges:
        raise ValueError("graph has no ties between different nodes.")
    return edges


def cross_group_share(graph: nx.Graph, attribute: str) -> float:
    """Share of ties (self-loops ignored) that join nodes with different ``attribute``.

    Examples
    --------
    >>> g = nx.path_graph(4)
    >>> nx.set_node_attributes(g, {0: "a", 1: "a", 2: "b", 3: "b"}, "group")
    >>> cross_group_share(g, "group")   # ties 0-1, 1-2, 2-3: one crosses
    0.3333333333333333
    """
    values = _node_values(graph, attribute)
    edges = _edges(graph)
    return sum(values[u] != values[v] for u, v in edges) / len(edges)


def expected_cross_share(graph: nx.Graph, attribute: str) -> float:
    r"""Share of cross-group ties expected without homophily: :math:`1-\sum_g p_g^2`.

    :math:`p_g` is the share of nodes in group *g*; for two groups this is
    :math:`2pq` (Easley & Kleinberg 2010, ch. 4.1). It is the chance that both ends
    of a tie placed at random (with replacement) fall in different groups.

    Examples
    --------
    >>> g = nx.empty_graph(5)
    >>> nx.set_node_attributes(g, {0: "a", 1: "a", 2: "b", 3: "b", 4: "b"}, "group")
    >>> round(expected_cross_share(g, "group"), 4)   # 2 * 0.4 * 0.6
    0.48
    """
    values = np.array(list(_node_values(graph, attribute).values()), dtype=object)
    _, counts = np.unique(values.astype(str), return_counts=True)
    p = counts / counts.sum()
    return float(1 - np.sum(p**2))


def homophily_test(graph: nx.Graph, attribute: str) -> dict[str, float]:
    """Easley & Kleinberg's homophily test: observed versus expected cross-group ties.

    Returns ``observed`` (:func:`cross_group_share`), ``expected``
    (:func:`expected_cross_share`), ``ratio`` (observed / expected; 1 means no sign
    of homophily, below 1 homophily, above 1 heterophily) and ``n_ties``.

    Examples
    --------
    >>> g = nx.Graph([(0, 1), (1, 2), (2, 3)])
    >>> nx.set_node_attributes(g, {0: "a", 1: "a", 2: "b", 3: "b"}, "group")
    >>> {k: round(v, 4) for k, v in homophily_test(g, "group").items()}
    {'observed': 0.3333, 'expected': 0.5, 'ratio': 0.6667, 'n_ties': 3}
    """
    observed = cross_group_share(graph, attribute)
    expected = expected_cross_share(graph, attribute)
    return {"observed": observed, "expected": expected,
            "ratio": observed / expected if expected > 0 else float("nan"),
            "n_ties": len(_edges(graph))}


def coleman_index(graph: nx.Graph, attribute: str) -> pd.DataFrame:
    r"""Coleman's (1958) homophily index per group.

    For group *g* with node share :math:`w_g`, let :math:`s_g` be the share of its
    members' ties (tie ends) that go to the same group. Coleman's index
    (Coleman 1958, *Relational analysis*, Human Organization 17(4); as written in
    Currarini, Jackson & Pin 2009, Econometrica 77(4)) is

    .. math:: C_g = \frac{s_g-w_g}{1-w_g}\ \text{if}\ s_g \ge w_g, \qquad
              C_g = \frac{s_g-w_g}{w_g}\ \text{otherwise},

    from −1 (only ties to other groups) through 0 (as if ties were blind to group)
    to 1 (only ties within the group). NaN for a group without ties or a group that
    is the whole graph.

    Returns
    -------
    pandas.DataFrame
        Indexed by group, columns ``share`` (:math:`w_g`), ``same_share``
        (:math:`s_g`), ``ties`` (tie ends of its members), ``coleman``.

    Examples
    --------
    >>> g = nx.Graph([(0, 1), (1, 2), (2, 3)])
    >>> nx.set_node_attributes(g, {0: "a", 1: "a", 2: "b", 3: "b"}, "group")
    >>> coleman_index(g, "group")["coleman"].round(4).to_dict()   # s = 2/3, w = 1/2
    {'a': 0.3333, 'b': 0.3333}
    """
    values = _node_values(graph, attribute)
    edges = _edges(graph)
    groups = sorted(set(values.values()), key=str)
    n = len(values)
    rows = []
    for grp in groups:
        w = sum(v == grp for v in values.values()) / n
        same = sum(2 if values[u] == values[v] == grp else 0 for u, v in edges)
        ends = sum((values[u] == grp) + (values[v] == grp) for u, v in edges)
        s = same / ends if ends else float("nan")
        if ends == 0 or w in (0.0, 1.0):
            c = float("nan")
        else:
            c = (s - w) / (1 - w) if s >= w else (s - w) / w
        rows.append({"group": grp, "share": w, "same_share": s, "ties": ends, "coleman": c})
    return pd.DataFrame(rows).set_index("group")


def _tie_end_values(graph: nx.Graph, attribute: str) -> list:
    """``attribute`` at both ends of every tie: ends ``u`` first, then ends ``v``."""
    values = _node_values(graph, attribute)
    if graph.is_directed():
        raise ValueError("graph must be undirected (networkx.Graph).")
    edges = list(graph.edges())
    if not edges:
        raise ValueError("graph has no ties.")
    return [values[u] for u, _ in edges] + [values[v] for _, v in edges]


def attribute_assortativity(graph: nx.Graph, attribute: str) -> float:
    r"""Newman's (2003) assortativity coefficient for a categorical node attribute.

    With :math:`e_{ab}` the share of tie ends joining category *a* to *b* (each
    undirected tie counted in both directions) and :math:`a_a=\sum_b e_{ab}`,

    .. math:: r = \frac{\sum_a e_{aa} - \sum_a a_a^2}{1 - \sum_a a_a^2}.

    1: ties only within categories; 0: as random; negative: ties prefer other
    categories (Newman 2003, *Mixing patterns in networks*, Phys. Rev. E 67).

    Computed by :func:`networkx.attribute_assortativity_coefficient` (a self-loop
    counts once there), kept within [-1, 1]. Where that would divide by zero — every
    tie end in one category, so :math:`\sum_a a_a^2 = 1` — this returns NaN, without
    a warning.
    Raises a ``ValueError`` for a graph without nodes or ties, a node without the
    attribute, or a directed graph.

    Examples
    --------
    >>> g = nx.Graph([(0, 1), (2, 3)])
    >>> nx.set_node_attributes(g, {0: "a", 1: "a", 2: "b", 3: "b"}, "group")
    >>> attribute_assortativity(g, "group")
    1.0
    >>> nx.set_node_attributes(g, "a", "group")  # one category: r is undefined
    >>> attribute_assortativity(g, "group")
    nan
    """
    if len(set(_tie_end_values(graph, attribute))) == 1:
        return float("nan")
    r = float(nx.attribute_assortativity_coefficient(graph, attribute))
    return min(max(r, -1.0), 1.0)  # Newman's r lies in [-1, 1]; keep rounding inside


def numeric_assortativity(graph: nx.Graph, attribute: str) -> float:
    r"""Newman's (2003) assortativity of a numeric node attribute.

    The Pearson correlation of the attribute at the two ends of a tie, every
    undirected tie counted in both directions: with :math:`x_k` and :math:`y_k` the
    values at the two ends of tie end :math:`k` and :math:`\bar x` their mean,

    .. math:: r = \frac{\sum_k (x_k - \bar x)(y_k - \bar x)}{\sum_k (x_k - \bar x)^2}.

    The same coefficient as :func:`networkx.numeric_assortativity_coefficient` (the
    tests check that they agree), computed here from the centred values instead:
    networkx takes each variance as :math:`E[x^2] - E[x]^2`, which loses most digits
    when the values at the tie ends are close (one tie between -0.914 and -0.900 gives
    -0.9999999999977 instead of -1) and can then warn, and it builds a matrix over
    all distinct values, about 40 times slower on a :class:`TieModel` graph. NaN when
    every tie end has the same value (there is no variance to correlate); rounding
    never takes ``r`` outside [-1, 1]. Raises a ``ValueError`` as
    :func:`attribute_assortativity` does, and when a value at a tie end is not a
    finite number.

    Examples
    --------
    >>> g = nx.Graph([(0, 1), (2, 3)])   # young with young, old with old
    >>> nx.set_node_attributes(g, {0: 20.0, 1: 22.0, 2: 70.0, 3: 72.0}, "age")
    >>> round(numeric_assortativity(g, "age"), 4)
    0.9968
    >>> nx.set_node_attributes(g, 0.1, "age")  # everybody the same age
    >>> numeric_assortativity(g, "age")
    nan
    """
    x = as_values(_tie_end_values(graph, attribute), f"attribute {attribute!r}")
    if x.min() == x.max():
        return float("nan")
    xc = x - x.mean()
    half = x.size // 2
    yc = np.concatenate([xc[half:], xc[:half]])  # the value at the other end of each tie
    r = float(np.sum(xc * yc) / np.sum(xc * xc))  # both ends: the same variance
    return min(max(r, -1.0), 1.0)  # |r| <= 1 (Cauchy-Schwarz); rounding can cross it


# -- the model -------------------------------------------------------------------
class TieModel:
    """Residents of a mixed neighbourhood forming ties step by step (one step ≈ a month).

    See the module docstring for the assumptions and the meeting-rate formula.

    Parameters
    ----------
    n_streets, houses_per_street
        Street grid; every house holds one resident.
    group_shares
        Share of residents in each group (default two equal groups).
    homophily
        Strength of the preference for similar others (0 = none).
    bridging_foci
        Number of shared places open to every group.
    bonding_foci
        Number of organisations per group, open to that group only.
    mixed_schools
        One school for all families (True) or one per group (False).
    participation
        Chance of joining an organisation or shared place, times the time spent.
    citywide_time
        Time in the neighbourhood of city-wide oriented residents (neighbourhood
        oriented: 1).
    hunkering
        Putnam's "hunkering down": contact falls with the diversity of one's street.
    base_rate, distance_scale, street_gap, focus_weight
        Scale of the meeting rate, decay of contact with distance (in house widths),
        distance between neighbouring streets and the weight of a shared focus.
    seed
        Seed for :func:`numpy.random.default_rng`.

    Examples
    --------
    >>> m = TieModel(n_streets=4, houses_per_street=10, seed=3)
    >>> m.residents.columns.tolist()
    ['group', 'kind', 'age', 'income', 'lifestyle', 'time', 'street', 'x', 'y']
    >>> m.step(); m.history.columns.tolist()
    ['step', 'ties', 'mean_degree', 'cross_share', 'expected_cross_share', 'assortativity']
    """

    def __init__(self, n_streets: int = 10, houses_per_street: int = 40, *,
                 group_shares: Sequence[float] = (0.5, 0.5), homophily: float = 1.5,
                 bridging_foci: int = 0, bonding_foci: int = 2, mixed_schools: bool = False,
                 participation: float = 0.5, citywide_time: float = 0.35,
                 hunkering: float = 0.0, base_rate: float = 0.02,
                 distance_scale: float = 3.0, street_gap: float = 5.0,
                 focus_weight: float = 0.25, seed: int | None = None) -> None:
        for name, v in (("n_streets", n_streets), ("houses_per_street", houses_per_street)):
            if int(v) != v or v < 1:
                raise ValueError(f"{name} must be a whole number ≥ 1; got {v!r}.")
        for name, v in (("bridging_foci", bridging_foci), ("bonding_foci", bonding_foci)):
            if int(v) != v or v < 0:
                raise ValueError(f"{name} must be a whole number ≥ 0; got {v!r}.")
        shares = as_values(group_shares, "group_shares", allow_negative=False)
        if shares.size < 2 or not shares.sum() > 0:
            raise ValueError("group_shares needs at least two shares with a positive sum.")
        for name, v in (("homophily", homophily), ("hunkering", hunkering),
                        ("base_rate", base_rate), ("focus_weight", focus_weight)):
            if not np.isfinite(v) or v < 0:
                raise ValueError(f"{name} must be a finite number ≥ 0; got {v!r}.")
        for name, v in (("distance_scale", distance_scale), ("street_gap", street_gap)):
            if not np.isfinite(v) or v <= 0:
                raise ValueError(f"{name} must be a positive number; got {v!r}.")
        self.group_shares = shares / shares.sum()
        self.participation = check_fraction(participation, "participation")
        self.citywide_time = check_fraction(citywide_time, "citywide_time")
        self.params = {
            "homophily": float(homophily), "bridging_foci": int(bridging_foci),
            "bonding_foci": int(bonding_foci), "mixed_schools": bool(mixed_schools),
            "hunkering": float(hunkering), "base_rate": float(base_rate),
            "distance_scale": float(distance_scale), "street_gap": float(street_gap),
            "focus_weight": float(focus_weight),
        }
        self.seed = seed
        self.rng = np.random.default_rng(seed)
        self.n_streets, self.houses_per_street = int(n_streets), int(houses_per_street)
        self.step_count = 0
        self.residents = self._make_residents()
        self.foci, self.membership = self._make_foci()
        self.rate = self._meeting_rates()
        n = len(self.residents)
        self.adjacency = np.zeros((n, n), dtype=bool)
        # Fixed for the whole run, so computed once (each step reads them): every pair
        # once (i < j), the groups at both ends and the share of ties expected to cross
        # groups without homophily.
        self._pairs = np.triu_indices(n, 1)
        self._pair_flat = np.ravel_multi_index(self._pairs, (n, n))  # take() is faster
        g = self.residents.group.to_numpy()
        self._pair_groups = (g[self._pairs[0]], g[self._pairs[1]])
        self._cross_pairs = self._pair_groups[0] != self._pair_groups[1]
        self._shares = np.bincount(g, minlength=self.group_shares.size) / g.size
        self._expected = float(1 - np.sum(self._shares**2))
        self._rows: list[dict] = []
        self._record()

    def _make_residents(self) -> pd.DataFrame:
        rng = self.rng
        n = self.n_streets * self.houses_per_street
        kinds = list(KINDS)
        kind_p = np.array([KINDS[k][0] for k in kinds])
        kind = rng.choice(len(kinds), size=n, p=kind_p / kind_p.sum())
        age = np.array([KINDS[kinds[k]][1] for k in kind]) + rng.standard_normal(n) * np.array(
            [KINDS[kinds[k]][2] for k in kind])
        income = np.array([KINDS[kinds[k]][3] for k in kind]) * np.exp(
            0.3 * rng.standard_normal(n))
        lifestyle = np.array([KINDS[kinds[k]][4] for k in kind])
        house = np.arange(n)
        return pd.DataFrame({
            "group": rng.choice(self.group_shares.size, size=n, p=self.group_shares),
            "kind": np.array(kinds)[kind], "age": np.round(age, 1),
            "income": np.round(income, 2), "lifestyle": lifestyle,
            "time": np.where(lifestyle == "city-wide", self.citywide_time, 1.0),
            "street": house // self.houses_per_street,
            "x": (house % self.houses_per_street).astype(float),
            "y": (house // self.houses_per_street) * self.params["street_gap"],
        })

    def _make_foci(self) -> tuple[pd.DataFrame, np.ndarray]:
        rng = self.rng
        res = self.residents
        n = len(res)
        groups = res.group.to_numpy()
        join_p = self.participation * res.time.to_numpy()
        names, kinds, columns = [], [], []
        for s in range(self.n_streets):
            names.append(f"street {s + 1}")
            kinds.append("street")
            columns.append(res.street.to_numpy() == s)
        family = res.kind.to_numpy() == "family"
        school_groups = [None] if self.params["mixed_schools"] else range(self.group_shares.size)
        for g in school_groups:
            names.append("school" if g is None else f"school of group {g}")
            kinds.append("school")
            columns.append(family & (True if g is None else groups == g))
        for g in range(self.group_shares.size):
            for k in range(self.params["bonding_foci"]):
                names.append(f"organisation {k + 1} of group {g}")
                kinds.append("bonding")
                columns.append((groups == g) & (rng.random(n) < join_p))
        for k in range(self.params["bridging_foci"]):
            names.append(f"shared place {k + 1}")
            kinds.append("bridging")
            columns.append(rng.random(n) < join_p)
        membership = np.column_stack(columns)
        foci = pd.DataFrame({"name": names, "kind": kinds,
                             "members": membership.sum(axis=0)})
        return foci, membership

    def _meeting_rates(self) -> np.ndarray:
        res, p = self.residents, self.params
        x, y = res.x.to_numpy(), res.y.to_numpy()
        dist = np.abs(x[:, None] - x[None, :]) + np.abs(y[:, None] - y[None, :])
        # integer counts: numpy's own loop (a float product would go to a multithreaded
        # BLAS, several times slower on a busy machine)
        m = self.membership.astype(np.int32)
        shared = m @ m.T
        g = res.group.to_numpy()
        age = res.age.to_numpy()
        log_inc = np.log(res.income.to_numpy())
        # lifestyles as codes: the same comparisons as of the strings, without comparing
        # n² Python strings
        life = np.unique(res.lifestyle.to_numpy(), return_inverse=True)[1]
        mismatch = ((g[:, None] != g[None, :]) + 0.5 * np.abs(age[:, None] - age[None, :]) / 30
                    + 0.5 * np.abs(log_inc[:, None] - log_inc[None, :])
                    + 0.5 * (life[:, None] != life[None, :]))
        street = res.street.to_numpy()
        div = np.empty(len(res))
        for s in np.unique(street):
            on = street == s
            q = np.bincount(g[on], minlength=self.group_shares.size) / on.sum()
            div[on] = 1 - np.sum(q**2)
        t = res.time.to_numpy()
        rate = (p["base_rate"] * t[:, None] * t[None, :]
                * (np.exp(-dist / p["distance_scale"]) + p["focus_weight"] * shared)
                * np.exp(-p["homophily"] * mismatch)
                * np.exp(-p["hunkering"] * (div[:, None] + div[None, :]) / 2))
        np.fill_diagonal(rate, 0.0)
        return rate

    def step(self) -> None:
        """One month: every untied pair forms a tie with probability 1 − exp(−λ)."""
        iu = self._pairs
        rate = np.ravel(self.rate).take(self._pair_flat)  # = self.rate[iu]
        new = self.rng.random(iu[0].size) < -np.expm1(-rate)
        i, j = iu[0][new], iu[1][new]
        a = self.adjacency
        a[i, j] = True
        a[j, i] = True
        self.step_count += 1
        self._record()

    def run(self, n_steps: int) -> None:
        """Take ``n_steps`` steps."""
        for _ in range(int(n_steps)):
            self.step()

    def _record(self) -> None:
        tied = np.ravel(self.adjacency).take(self._pair_flat)  # = self.adjacency[iu]
        n_ties = int(np.count_nonzero(tied))
        cross = self._cross_pairs[tied]
        p = self._shares
        if n_ties:
            # attribute_assortativity of the current ties (tests check that they agree),
            # from the adjacency matrix: a networkx graph per step would make a run of
            # the model about half as fast again. e counts the ties by the groups of
            # their two ends (whole numbers, so exact in any order).
            k = p.size
            ends = self._pair_groups[0][tied] * k + self._pair_groups[1][tied]
            e = np.bincount(ends, minlength=k * k).reshape(k, k).astype(float)
            e = (e + e.T) / (2 * n_ties)
            a = e.sum(axis=1)
            random_share = float(a @ a)
            assort = (float((np.trace(e) - random_share) / (1 - random_share))
                      if random_share < 1 else float("nan"))
        else:
            assort = float("nan")
        self._rows.append({
            "step": self.step_count, "ties": n_ties,
            "mean_degree": 2 * n_ties / self.adjacency.shape[0],
            "cross_share": float(cross.mean()) if n_ties else float("nan"),
            "expected_cross_share": self._expected, "assortativity": assort,
        })

    @property
    def history(self) -> pd.DataFrame:
        """One row per step: ties, mean degree, cross-group share (observed, expected),
        group assortativity."""
        return pd.DataFrame(self._rows)

    @property
    def graph(self) -> nx.Graph:
        """The current ties as a networkx Graph; nodes carry every resident attribute
        and ``foci`` (the names of the foci the resident belongs to)."""
        g = nx.Graph()
        names = self.foci.name.to_numpy()
        for i, row in enumerate(self.residents.itertuples(index=False)):
            attrs = row._asdict()
            attrs["group"] = int(attrs["group"])
            attrs["street"] = int(attrs["street"])
            attrs["foci"] = names[self.membership[i]].tolist()
            g.add_node(i, **attrs)
        rows, cols = np.nonzero(np.triu(self.adjacency, 1))
        g.add_edges_from(zip(rows.tolist(), cols.tolist(), strict=True))
        return g
