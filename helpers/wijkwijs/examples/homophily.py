"""Chapter 5, homophily: the seeded Schelling and tie-formation runs of the chapter.

* Schelling (1971): :func:`schelling_model` and :func:`schelling_run` build and run
  :class:`wijkwijs.models.schelling.SchellingModel` on the chapter's 50×50 grid with its
  seed; :func:`schelling_sweep` compares thresholds; :func:`schelling_start` rebuilds a
  run's starting grid.
* Tie formation: :func:`tie_model` runs :class:`wijkwijs.models.ties.TieModel` for a year
  (cached); :func:`homophily_table`, :func:`bridging_sweep` and :func:`ties_by_kind`
  measure its ties (Easley & Kleinberg 2010, ch. 4; Coleman 1958; Newman 2003).

The tie model builds networkx graphs; it is imported when a tie function is first
called, so that loading this module (and the exercise bank of chapter 5) stays light.
The figures are in :mod:`wijkwijs.figures.homophily`, the explorers in
:mod:`wijkwijs.explorers.homophily`, the ties of the synthetic Havenstad in
:mod:`wijkwijs.havenstad.ties`.

>>> schelling_run(0.3, size=20).percent_unhappy
0.0
>>> bridging_sweep((0, 4)).bridging_foci.tolist()
[0, 4]
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from wijkwijs import i18n
from wijkwijs.models.schelling import SchellingModel

if TYPE_CHECKING:
    import networkx as nx

    from wijkwijs.models.ties import TieModel

__all__ = ["CITYWIDE_TIME", "SCHELLING_SEED", "TIES_SEED", "TIE_STEPS", "block_baseline",
           "bridging_sweep", "group_label", "homophily_table", "lifestyle_gap", "mobility_sweep",
           "schelling_model", "schelling_run", "schelling_start", "schelling_sweep",
           "tie_model", "ties_by_kind"]

#: Seed of every Schelling run in chapter 5 (same seed, same city).
SCHELLING_SEED = 2025
#: Seed of every tie-formation run in chapter 5.
TIES_SEED = 7
#: Steps of one tie-formation run: a year of months.
TIE_STEPS = 12
#: Time in the neighbourhood of the tie model's city-wide oriented residents (the
#: model's default; neighbourhood-oriented residents: 1).
CITYWIDE_TIME = 0.35

i18n.register({
    "homo.group_a": {"en": "Group A", "nl": "Groep A"},
    "homo.group_b": {"en": "Group B", "nl": "Groep B"},
    "homo.measure": {"en": "Measure", "nl": "Maat"},
    "homo.value": {"en": "Value", "nl": "Waarde"},
    "homo.n_ties": {"en": "Ties", "nl": "Banden"},
    "homo.observed": {"en": "Cross-group share of ties, observed",
                      "nl": "Aandeel banden tussen groepen, waargenomen"},
    "homo.expected": {"en": "Cross-group share expected without homophily (2pq)",
                      "nl": "Aandeel tussen groepen verwacht zonder homofilie (2pq)"},
    "homo.ratio": {"en": "Observed / expected", "nl": "Waargenomen / verwacht"},
    "homo.coleman": {"en": "Coleman index, {group}", "nl": "Coleman-index, {group}"},
    "homo.assortativity": {"en": "Assortativity (Newman)", "nl": "Assortativiteit (Newman)"},
})


# -- Schelling --------------------------------------------------------------------------
def schelling_model(threshold: float = 0.3, *, vacancy: float = 0.1, radius: int = 1,
                    max_similar: float | None = None, size: int = 50,
                    seed: int = SCHELLING_SEED) -> SchellingModel:
    """A fresh, seeded 50×50 (``size``×``size``) Schelling model with two equal groups.

    ``max_similar`` of ``None`` or ≥ 1 means no diversity wish.

    >>> schelling_model(0.3).grid.shape
    (50, 50)
    """
    wish = None if max_similar is None or max_similar >= 1 else float(max_similar)
    return SchellingModel(size, size, vacancy=vacancy, threshold=threshold, radius=radius,
                          max_similar=wish, seed=seed)


def schelling_run(threshold: float = 0.3, *, steps: int = 300, **kwargs: Any) -> SchellingModel:
    """Run :func:`schelling_model` until nobody is unhappy, or for at most ``steps`` steps.

    >>> m = schelling_run(0.3, size=20)
    >>> m.percent_unhappy
    0.0
    """
    model = schelling_model(threshold, **kwargs)
    model.run(steps)
    return model


def schelling_start(model: SchellingModel) -> SchellingModel:
    """The model ``model`` started as: rebuilt from its settings and seed, at step 0.

    >>> m = schelling_run(0.3, size=20)
    >>> start = schelling_start(m)
    >>> start.step_count, bool((start.grid == schelling_model(0.3, size=20).grid).all())
    (0, True)
    """
    return SchellingModel(model.width, model.height, vacancy=model.vacancy,
                          threshold=model.threshold, radius=model.radius,
                          max_similar=model.max_similar, seed=model.seed)


def schelling_sweep(thresholds: Sequence[float], *, steps: int = 300,
                    **kwargs: Any) -> pd.DataFrame:
    """Percent alike at the start and at the end of a run, for several thresholds.

    Columns ``threshold``, ``start_similar``, ``end_similar``, ``end_unhappy``, ``steps``.

    >>> schelling_sweep([0.3], size=20).columns.tolist()
    ['threshold', 'start_similar', 'end_similar', 'end_unhappy', 'steps']
    """
    rows = []
    for t in thresholds:
        m = schelling_run(t, steps=steps, **kwargs)
        h = m.history
        rows.append({"threshold": float(t), "start_similar": float(h.percent_similar.iloc[0]),
                     "end_similar": m.percent_similar, "end_unhappy": m.percent_unhappy,
                     "steps": m.step_count})
    return pd.DataFrame(rows)


def block_baseline(model: SchellingModel,
                   block_sizes: Sequence[int] = (2, 5, 10, 25)) -> pd.DataFrame:
    """Measured dissimilarity of a run against a random city, block size by block size.

    Columns ``block_size``, ``start`` (D of the run's random starting grid), ``random``
    (the exact expected D of a random arrangement of the same households,
    :func:`~wijkwijs.models.schelling.random_block_dissimilarity`), ``equilibrium``
    (D of the grid now) and ``excess`` (``equilibrium - random``: segregation beyond
    chance).

    >>> t = block_baseline(schelling_run(0.3, size=20), (2, 10))
    >>> t.columns.tolist()
    ['block_size', 'start', 'random', 'equilibrium', 'excess']
    """
    from wijkwijs.models.schelling import block_segregation, random_block_dissimilarity

    sizes = list(block_sizes)
    start = block_segregation(schelling_start(model).grid, sizes, model.n_groups)
    now = model.segregation(sizes)
    random = random_block_dissimilarity(model.grid, sizes)
    return pd.DataFrame({"block_size": now.block_size.to_numpy(),
                         "start": start.dissimilarity.to_numpy(),
                         "random": random.random_dissimilarity.to_numpy(),
                         "equilibrium": now.dissimilarity.to_numpy(),
                         "excess": (now.dissimilarity - random.random_dissimilarity).to_numpy()})


# -- tie formation ----------------------------------------------------------------------
@lru_cache(maxsize=64)
def _cached_tie_model(homophily: float, bridging_foci: int, hunkering: float, seed: int,
                      steps: int, n_streets: int, houses_per_street: int,
                      citywide_time: float) -> TieModel:
    from wijkwijs.models.ties import TieModel

    model = TieModel(n_streets=n_streets, houses_per_street=houses_per_street,
                     homophily=homophily, bridging_foci=bridging_foci, hunkering=hunkering,
                     citywide_time=citywide_time, seed=seed)
    model.run(steps)
    return model


def tie_model(homophily: float = 1.0, bridging_foci: int = 0, hunkering: float = 0.0, *,
              seed: int = TIES_SEED, steps: int = TIE_STEPS, n_streets: int = 8,
              houses_per_street: int = 30, citywide_time: float = CITYWIDE_TIME) -> TieModel:
    """A seeded :class:`~wijkwijs.models.ties.TieModel` run for a year (cached; read only).

    ``citywide_time`` is the time city-wide oriented residents spend in the neighbourhood
    (neighbourhood-oriented residents: 1).

    >>> m = tie_model()
    >>> m.step_count, len(m.residents)
    (12, 240)
    """
    return _cached_tie_model(float(homophily), int(bridging_foci), float(hunkering), int(seed),
                             int(steps), int(n_streets), int(houses_per_street),
                             float(citywide_time))


def group_label(group: Any) -> str:
    """The name of a tie model's group for learners: 0 is group A, 1 group B.

    >>> group_label(1), group_label("other")
    ('Group B', 'other')
    """
    names = {0: i18n.t("homo.group_a"), 1: i18n.t("homo.group_b")}
    return names.get(group, str(group))


def homophily_table(graph: nx.Graph, attribute: str = "group") -> pd.DataFrame:
    """The homophily measures of a graph as a two-column table (measure, value).

    Ties, the homophily test (observed and expected cross-group share and their
    ratio), Coleman's index per group and the attribute assortativity.

    >>> homophily_table(tie_model().graph).shape[1]
    2
    """
    from wijkwijs.models.ties import attribute_assortativity, coleman_index, homophily_test

    test = homophily_test(graph, attribute)
    coleman = coleman_index(graph, attribute)["coleman"]
    rows = [(i18n.t("homo.n_ties"), float(test["n_ties"])),
            (i18n.t("homo.observed"), test["observed"]),
            (i18n.t("homo.expected"), test["expected"]),
            (i18n.t("homo.ratio"), test["ratio"])]
    rows += [(i18n.t("homo.coleman", group=group_label(g)), float(c))
             for g, c in coleman.items()]
    rows.append((i18n.t("homo.assortativity"), attribute_assortativity(graph, attribute)))
    return pd.DataFrame(rows, columns=[i18n.t("homo.measure"), i18n.t("homo.value")])


def bridging_sweep(foci: Sequence[int] = (0, 1, 2, 4, 8), *, homophily: float = 1.0,
                   hunkering: float = 0.0, seed: int = TIES_SEED) -> pd.DataFrame:
    """Homophily test for several numbers of shared places (other settings fixed).

    Columns ``bridging_foci``, ``ties``, ``observed``, ``expected``, ``ratio``.

    >>> bridging_sweep((0, 4)).columns.tolist()
    ['bridging_foci', 'ties', 'observed', 'expected', 'ratio']
    """
    from wijkwijs.models.ties import homophily_test

    rows = []
    for f in foci:
        t = homophily_test(tie_model(homophily, f, hunkering, seed=seed).graph, "group")
        rows.append({"bridging_foci": int(f), "ties": t["n_ties"], "observed": t["observed"],
                     "expected": t["expected"], "ratio": t["ratio"]})
    return pd.DataFrame(rows)


def ties_by_kind(model: TieModel) -> pd.DataFrame:
    """Who has ties in the neighbourhood? Per household kind, from the model's graph.

    Columns ``kind``, ``lifestyle``, ``residents``, ``mean_ties`` (mean degree),
    ``pct_without_ties``, ``mean_ties_on_own_street``.

    >>> from wijkwijs.models.ties import KINDS
    >>> ties_by_kind(tie_model()).kind.tolist() == list(KINDS)
    True
    """
    from wijkwijs.models.ties import KINDS

    graph = model.graph
    res = model.residents
    degree = np.array([graph.degree(i) for i in range(len(res))])
    street = res.street.to_numpy()
    own_street = np.array([sum(street[j] == street[i] for j in graph[i])
                           for i in range(len(res))])
    frame = res.assign(ties=degree, own_street=own_street)
    rows = []
    for kind in KINDS:
        part = frame[frame.kind == kind]
        rows.append({"kind": kind, "lifestyle": KINDS[kind][4], "residents": len(part),
                     "mean_ties": float(part.ties.mean()),
                     "pct_without_ties": float(100 * (part.ties == 0).mean()),
                     "mean_ties_on_own_street": float(part.own_street.mean())})
    return pd.DataFrame(rows)


def _model_lifestyle_row(source: str, model: TieModel) -> dict[str, Any]:
    res = model.residents
    degree = model.adjacency.sum(axis=1)
    places = model.membership[:, (model.foci.kind != "street").to_numpy()].sum(axis=1)
    local = (res.lifestyle == "neighbourhood").to_numpy()
    return {"source": source, "neighbourhood_ties": float(degree[local].mean()),
            "citywide_ties": float(degree[~local].mean()),
            "neighbourhood_places": float(places[local].mean()),
            "citywide_places": float(places[~local].mean())}


def lifestyle_gap() -> pd.DataFrame:
    """Mean ties and places of neighbourhood- and city-wide oriented residents, three ways.

    Rows (``source``): ``model`` (:func:`tie_model`, city-wide residents spend
    :data:`CITYWIDE_TIME` of their time in the neighbourhood), ``model_equal_time`` (the
    same run with everybody's time 1) and ``havenstad`` (the synthetic city's four
    sampled buurten in the tie survey year). Columns: ``neighbourhood_ties`` and
    ``citywide_ties`` (mean ties per resident or household), ``ratio``
    (city-wide / neighbourhood), ``neighbourhood_places`` and ``citywide_places`` (mean
    organisations and shared places joined: in the model schools, group organisations and
    shared places; in Havenstad the organisations taken part in that year).

    >>> lifestyle_gap().source.tolist()
    ['model', 'model_equal_time', 'havenstad']
    """
    from wijkwijs.havenstad.constants import TIE_YEAR
    from wijkwijs.havenstad.load import havenstad_participation
    from wijkwijs.havenstad.ties import havenstad_tie_graph

    rows = [_model_lifestyle_row("model", tie_model()),
            _model_lifestyle_row("model_equal_time", tie_model(citywide_time=1.0))]
    part = havenstad_participation()
    part = part[(part.start_year <= TIE_YEAR) & (part.end_year >= TIE_YEAR)]
    places = part.groupby("household_id").size()
    ties, joined, local = [], [], []
    for code in sorted(_tie_buurten()):
        graph = havenstad_tie_graph(code)
        for node, data in graph.nodes(data=True):
            ties.append(graph.degree(node))
            joined.append(int(places.get(node, 0)))
            local.append(data["lifestyle"] == "neighbourhood")
    ties_a, joined_a, local_a = np.array(ties), np.array(joined), np.array(local)
    rows.append({"source": "havenstad", "neighbourhood_ties": float(ties_a[local_a].mean()),
                 "citywide_ties": float(ties_a[~local_a].mean()),
                 "neighbourhood_places": float(joined_a[local_a].mean()),
                 "citywide_places": float(joined_a[~local_a].mean())})
    out = pd.DataFrame(rows)
    out.insert(3, "ratio", out.citywide_ties / out.neighbourhood_ties)
    return out


def _tie_buurten() -> list[str]:
    from wijkwijs.havenstad.load import havenstad_ties

    return sorted(havenstad_ties().buurt_code.unique())


def mobility_sweep(times: Sequence[float] = (1.0, 0.6, 0.35, 0.2)) -> pd.DataFrame:
    """Ties after a year as city-wide residents spend less time in the neighbourhood.

    A stand-in for mobility (commuting, travel, moving, short contracts): the same seeded
    neighbourhood of :func:`tie_model`, with the time in the neighbourhood of its city-wide
    oriented residents set to each value of ``times``. Columns ``citywide_time``,
    ``mean_ties`` (all residents), ``citywide_ties`` and ``neighbourhood_ties`` (mean ties
    of each lifestyle), ``pct_without_ties`` (all residents). An illustrative model.

    >>> t = mobility_sweep((1.0, 0.2))
    >>> bool(t.citywide_ties.iloc[0] > t.citywide_ties.iloc[1])
    True
    """
    rows = []
    for time in times:
        model = tie_model(citywide_time=float(time))
        degree = model.adjacency.sum(axis=1)
        local = (model.residents.lifestyle == "neighbourhood").to_numpy()
        rows.append({"citywide_time": float(time), "mean_ties": float(degree.mean()),
                     "citywide_ties": float(degree[~local].mean()),
                     "neighbourhood_ties": float(degree[local].mean()),
                     "pct_without_ties": float(100 * (degree == 0).mean())})
    return pd.DataFrame(rows)
