"""Residential segregation indices: how unevenly groups are spread over a city.

A city is divided into units: *buurten* (neighbourhoods, the smallest CBS unit),
*wijken* (districts, groups of buurten) or the municipality (*gemeente*). For each
unit we know how many people (or households) belong to a group, ``x_i``, out of
the unit's total ``t_i``. From these counts:

* two-group indices of one group against everybody else: :func:`dissimilarity`,
  :func:`isolation`, :func:`exposure` (alias :func:`interaction`),
  :func:`correlation_ratio`, :func:`entropy_index`, :func:`gini_segregation` and
  :func:`atkinson_segregation`; :func:`summary` computes all of them at once;
* multigroup indices of several groups at once: :func:`multigroup_dissimilarity`
  and :func:`multigroup_information`;
* income across the whole distribution: :func:`segregation_profile` and
  :func:`rank_order_information`;
* space and scale: :func:`adjacency_from_polygons`, :func:`spatial_dissimilarity`
  and :func:`aggregate`.

Notation used in every formula: ``T = sum_i t_i`` (city total), ``X = sum_i x_i``
(city group size), ``P = X / T`` (city share of the group), ``p_i = x_i / t_i``
(the unit's share). The definitions follow PySAL ``segregation`` 2.5
(``segregation.singlegroup`` and ``segregation.multigroup``) exactly, so values
agree to rounding error; PySAL is used only as a test oracle.

Two ways to pass counts
-----------------------
Every two-group index takes either two arrays or a DataFrame plus column names::

    dissimilarity(x, t)                                    # counts, totals
    dissimilarity(df, group="low_income", total="households")

Units whose total is zero hold nobody; in every aspatial index they contribute
nothing, exactly as if they were dropped. (:func:`spatial_dissimilarity` refuses
them, because there an empty unit's share would enter the neighbour comparison.)

Exact at the bounds
-------------------
Rounding never takes an index outside its range: D, eta², H, the Gini and Atkinson
indices stay in [0, 1], isolation in [P, 1] and exposure in [0, 1 - P]. A city in
which every unit has exactly the same share gives exactly 0 (isolation exactly P),
and one in which no unit holds both the group and others exactly 1.

Where the code lives
--------------------
Import everything from here. The functions live in ``twogroup`` (the two-group
indices and :func:`summary`), ``multigroup`` (multigroup and income indices) and
``spatial`` (space and scale); ``counts`` holds the input checks they share and the
one implementation of each two-group index.

>>> from wijkwijs import segregation as seg
>>> round(seg.dissimilarity([10, 20, 60, 70], [100, 100, 100, 100]), 6)
0.520833
"""


from wijkwijs.segregation.multigroup import (
    multigroup_dissimilarity,
    multigroup_information,
    rank_order_information,
    segregation_profile,
)
from wijkwijs.segregation.spatial import adjacency_from_polygons, aggregate, spatial_dissimilarity
from wijkwijs.segregation.twogroup import (
    TWO_GROUP_INDICES,
    atkinson_segregation,
    correlation_ratio,
    dissimilarity,
    dissimilarity_between,
    entropy_index,
    exposure,
    gini_segregation,
    interaction,
    isolation,
    summary,
)

__all__ = [
    "TWO_GROUP_INDICES",
    "adjacency_from_polygons",
    "aggregate",
    "atkinson_segregation",
    "correlation_ratio",
    "dissimilarity",
    "dissimilarity_between",
    "entropy_index",
    "exposure",
    "gini_segregation",
    "interaction",
    "isolation",
    "multigroup_dissimilarity",
    "multigroup_information",
    "rank_order_information",
    "segregation_profile",
    "spatial_dissimilarity",
    "summary",
]
