"""Havenstad's resident tie networks: the chapter 5 measures on the synthetic city's ties.

The tie survey of :data:`~wijkwijs.havenstad.constants.TIE_YEAR` sampled four buurten
(:data:`~wijkwijs.havenstad.constants.TIE_SAMPLE`). :func:`havenstad_tie_graph` turns one
buurt's households and ties into a networkx graph; :func:`havenstad_homophily` and
:func:`havenstad_ties_by` measure homophily and ties per buurt with the measures of
:mod:`wijkwijs.models.ties`. Havenstad is synthetic: no real people or places.

>>> table = havenstad_homophily(attribute="background")
>>> table.shape[0], bool((table.ratio < 1).all())
(4, True)
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx
import pandas as pd

from wijkwijs._validate import check_year
from wijkwijs.havenstad.constants import TIE_YEAR
from wijkwijs.havenstad.load import havenstad, havenstad_households, havenstad_ties
from wijkwijs.models.ties import attribute_assortativity, homophily_test

__all__ = ["NODE_ATTRIBUTES", "havenstad_homophily", "havenstad_tie_graph",
           "havenstad_ties_by"]

#: Household attributes stored on every node of a tie graph.
NODE_ATTRIBUTES = ("background", "lifestyle", "household_type", "tenure", "age_head",
                   "national_percentile")


def _plain(value):
    """A numpy scalar as the Python number it holds (networkx compares node attributes)."""
    return value if isinstance(value, str) else value.item() if hasattr(value, "item") \
        else value


def havenstad_tie_graph(code: str, year: int = TIE_YEAR) -> nx.Graph:
    """The synthetic Havenstad resident tie network of one sampled buurt.

    Nodes are the households living in buurt ``code`` in ``year`` (also those without
    ties), with the attributes :data:`NODE_ATTRIBUTES`; edges are the ties of
    :func:`wijkwijs.havenstad.havenstad_ties`. Havenstad is synthetic: no real people.

    >>> g = havenstad_tie_graph("BU99010406")
    >>> g.number_of_nodes() > 500, g.nodes[next(iter(g))]["background"] in (
    ...     "netherlands", "europe", "outside_europe")
    (True, True)
    """
    ties = havenstad_ties(code=code)
    check_year(year, sorted(ties.year.unique()), name="tie survey year")
    households = havenstad_households(year)
    households = households[households.buurt_code == code]
    if households.empty:
        raise ValueError(f"no Havenstad households in buurt {code!r} in {year}.")
    graph = nx.Graph()
    for row in households[["household_id", *NODE_ATTRIBUTES]].itertuples(index=False):
        attrs = row._asdict()
        node = int(attrs.pop("household_id"))
        graph.add_node(node, **{k: _plain(v) for k, v in attrs.items()})
    ties = ties[ties.year == year]
    graph.add_edges_from(zip(ties.household_a.astype(int), ties.household_b.astype(int),
                             strict=True))
    return graph


def _sampled_buurten() -> list[str]:
    return sorted(havenstad_ties().buurt_code.unique())


def havenstad_homophily(codes: Sequence[str] | None = None, attribute: str = "background",
                        year: int = TIE_YEAR) -> pd.DataFrame:
    """The homophily test and assortativity of ``attribute`` in each sampled buurt.

    Columns ``buurt``, ``name``, ``households``, ``ties``, ``observed``, ``expected``,
    ``ratio``, ``assortativity``. Havenstad is synthetic.

    >>> havenstad_homophily().shape[0]
    4
    """
    names = havenstad("neighbourhoods").set_index("code")["name"]
    rows = []
    for code in _sampled_buurten() if codes is None else codes:
        g = havenstad_tie_graph(code, year)
        t = homophily_test(g, attribute)
        rows.append({"buurt": code, "name": names.get(code, code),
                     "households": g.number_of_nodes(), "ties": t["n_ties"],
                     "observed": t["observed"], "expected": t["expected"],
                     "ratio": t["ratio"],
                     "assortativity": attribute_assortativity(g, attribute)})
    return pd.DataFrame(rows)


def havenstad_ties_by(attribute: str = "lifestyle", codes: Sequence[str] | None = None,
                      year: int = TIE_YEAR) -> pd.DataFrame:
    """Mean number of ties in the buurt and share without ties, by ``attribute``.

    Pools the sampled buurten. Columns ``attribute value``, ``households``,
    ``mean_ties``, ``pct_without_ties``. Havenstad is synthetic.

    >>> havenstad_ties_by("lifestyle").columns.tolist()
    ['lifestyle', 'households', 'mean_ties', 'pct_without_ties']
    """
    rows = []
    for code in _sampled_buurten() if codes is None else codes:
        g = havenstad_tie_graph(code, year)
        rows += [{attribute: d[attribute], "ties": g.degree(n)} for n, d in g.nodes(data=True)]
    frame = pd.DataFrame(rows)
    out = frame.groupby(attribute, observed=True).ties.agg(
        households="size", mean_ties="mean",
        pct_without_ties=lambda s: 100 * float((s == 0).mean()))
    return out.reset_index()
