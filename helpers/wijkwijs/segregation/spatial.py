"""Segregation in space and across scales: adjacency, spatial dissimilarity, aggregation.

Two neighbouring units that differ are less separated than two far apart
(:func:`spatial_dissimilarity` with :func:`adjacency_from_polygons`), and an index
depends on the size of the units (:func:`aggregate` sums them to a coarser scale).
Import them from :mod:`wijkwijs.segregation`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from wijkwijs._validate import as_values, labels_of, position_of
from wijkwijs.segregation.counts import column, two_group_counts

# --------------------------------------------------------------------------
# space and scale
# --------------------------------------------------------------------------

def adjacency_from_polygons(geoseries: Any, *, sparse: bool = False) -> Any:
    """Queen contiguity: which units share at least one boundary point.

    Two polygons are neighbours when their geometries intersect (a shared edge or
    only a shared corner; small overlaps from digitising errors count too). The
    search uses a shapely ``STRtree``, so it scales to thousands of units. On a
    clean tessellation this is the same as libpysal's ``Queen`` weights (checked
    on the ``sids2`` counties), which compare shared vertices.

    Parameters
    ----------
    geoseries
        A GeoSeries, a GeoDataFrame (its active geometry) or a list of shapely
        polygons, one per unit.
    sparse
        Return a ``scipy.sparse.csr_array`` instead of a dense array (needs scipy;
        use it for many thousands of units).

    Returns
    -------
    numpy.ndarray or scipy.sparse.csr_array
        Symmetric ``n x n`` 0/1 matrix with a zero diagonal. Divide each row by its
        sum to row-standardise it (rows of units without neighbours stay 0).

    Examples
    --------
    >>> from shapely.geometry import box
    >>> squares = [box(0, 0, 1, 1), box(1, 0, 2, 1), box(1, 1, 2, 2), box(5, 5, 6, 6)]
    >>> adjacency_from_polygons(squares).astype(int).tolist()
    [[0, 1, 1, 0], [1, 0, 1, 0], [1, 1, 0, 0], [0, 0, 0, 0]]
    """
    import shapely

    geoms = getattr(geoseries, "geometry", geoseries)
    labels = labels_of(geoms)
    arr = np.asarray(list(geoms), dtype=object)
    if arr.size == 0:
        raise ValueError("adjacency_from_polygons needs at least one polygon.")
    missing = np.array([g is None or not hasattr(g, "geom_type") or g.is_empty for g in arr])
    if missing.any():
        raise ValueError(f"geometry is missing or empty at "
                         f"{position_of(missing, missing, labels)}; every unit needs a polygon.")
    tree = shapely.STRtree(arr)
    i, j = tree.query(arr, predicate="intersects")
    keep = i != j
    i, j = i[keep], j[keep]
    n = arr.size
    if sparse:
        from scipy import sparse as sp

        return sp.csr_array((np.ones(i.size), (i, j)), shape=(n, n))
    adj = np.zeros((n, n))
    adj[i, j] = 1.0
    return adj


def spatial_dissimilarity(data: Any, total: Any = None, adjacency: Any = None, *,
                          group: str | None = None, row_standardise: bool = False) -> float:
    """Spatial dissimilarity D(adj): D minus the average difference between neighbours.

    Morrill's adjustment: two units that differ in composition but border each
    other are not as separated as ``D`` suggests, because people meet across the
    boundary. With ``c_ij`` the adjacency matrix:

    .. math:: D(adj) = D - \\frac{\\sum_i \\sum_j c_{ij}\\,|p_i - p_j|}{\\sum_i \\sum_j c_{ij}}

    Parameters
    ----------
    data, total, group
        As in :func:`dissimilarity`. With a GeoDataFrame and no ``adjacency``, the
        adjacency is computed by :func:`adjacency_from_polygons`.
    adjacency
        ``n x n`` matrix (dense array or scipy sparse), e.g. from
        :func:`adjacency_from_polygons`.
    row_standardise
        Divide each row of the adjacency by its sum first (as Wong 1993 and the R
        package ``seg``). Default ``False``, as PySAL's ``SpatialDissim``
        (``standardize=False`` with Queen contiguity).

    Returns
    -------
    float
        ``D(adj)``, at most ``D``; it can be negative when neighbouring units
        differ more than ``D`` allows.

    Raises
    ------
    ValueError
        Besides the checks of :func:`dissimilarity`: an adjacency of the wrong
        shape or with negative weights, no adjacent pairs at all, or a unit with
        total 0 (its share is undefined and would enter the neighbour term).

    References
    ----------
    Morrill, R. L. (1991). On the measure of geographic segregation. *Geography
    Research Forum* 11, 25-36. Wong, D. W. S. (1993). Spatial indices of
    segregation. *Urban Studies* 30(3), 559-572. Same definition as PySAL
    ``segregation.singlegroup.SpatialDissim``.

    Examples
    --------
    Four buurten in a row; each only borders the next:

    >>> adj = [[0, 1, 0, 0], [1, 0, 1, 0], [0, 1, 0, 1], [0, 0, 1, 0]]
    >>> round(spatial_dissimilarity([10, 20, 60, 70], [100] * 4, adj), 6)
    0.320833
    """
    if adjacency is None and isinstance(data, pd.DataFrame) and hasattr(data, "geometry"):
        adjacency = adjacency_from_polygons(data.geometry)
    if adjacency is None:
        raise ValueError("spatial_dissimilarity needs an adjacency matrix (see "
                         "adjacency_from_polygons) or a GeoDataFrame to compute it from.")
    counts, labels = two_group_counts(data, total, group, "spatial_dissimilarity")
    x, t = counts.x, counts.t
    empty = t == 0
    if empty.any():
        raise ValueError(
            f"spatial_dissimilarity: the unit at {position_of(t, empty, labels)} has total 0; "
            "its group share is undefined and would enter the neighbour comparison. "
            "Drop it or merge it with a neighbour."
        )
    n = x.size
    if hasattr(adjacency, "tocoo"):
        coo = adjacency.tocoo()
        if coo.shape != (n, n):
            raise ValueError(f"adjacency has shape {coo.shape} but there are {n} units; "
                             f"it must be {n} x {n}.")
        rows, cols, w = np.asarray(coo.row), np.asarray(coo.col), np.asarray(coo.data, float)
    else:
        dense = np.asarray(adjacency, dtype=float)
        if dense.shape != (n, n):
            raise ValueError(f"adjacency has shape {dense.shape} but there are {n} units; "
                             f"it must be {n} x {n}.")
        rows, cols = np.nonzero(dense)
        w = dense[rows, cols]
    if not np.all(np.isfinite(w)) or (w < 0).any():
        raise ValueError("adjacency weights must be finite and non-negative.")
    if row_standardise:
        row_sums = np.bincount(rows, weights=w, minlength=n)
        w = w / row_sums[rows]
    if not w.sum() > 0:
        raise ValueError("spatial_dissimilarity: no two units are adjacent, so the "
                         "neighbour term is undefined.")
    p = counts.p  # x / t: no unit is empty
    neighbour_term = (w * np.abs(p[rows] - p[cols])).sum() / w.sum()
    return counts.dissimilarity() - float(neighbour_term)


def aggregate(frame: pd.DataFrame, by: str | Sequence[str],
              columns: str | Sequence[str]) -> pd.DataFrame:
    """Sum counts to a coarser scale: buurt -> wijk -> city and suburbs.

    Segregation depends on scale: merging units can only hide unevenness within
    them, so ``D`` of the coarser units is never higher (the *modifiable areal
    unit problem*). Compare an index on the original and the aggregated table.

    Parameters
    ----------
    frame
        One row per unit; a GeoDataFrame keeps its geometry (dissolved per group).
    by
        Column(s) with the coarser unit of each row, e.g. the *wijk* code.
    columns
        Count column(s) to sum.

    Returns
    -------
    pandas.DataFrame
        One row per coarser unit: the ``by`` column(s) and the summed counts (and
        the merged geometry for a GeoDataFrame), sorted by ``by``.

    Examples
    --------
    >>> buurten = pd.DataFrame({"wijk": ["N", "N", "Z", "Z"], "low": [10, 20, 60, 70],
    ...                         "households": [100] * 4})
    >>> wijken = aggregate(buurten, "wijk", ["low", "households"])
    >>> wijken
      wijk  low  households
    0    N   30         200
    1    Z  130         200
    >>> from wijkwijs.segregation import dissimilarity
    >>> round(dissimilarity(wijken, group="low", total="households"), 6)
    0.520833
    """
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"aggregate needs a DataFrame; got {type(frame).__name__}.")
    keys = [by] if isinstance(by, str) else list(by)
    cols = [columns] if isinstance(columns, str) else list(columns)
    if not keys or not cols:
        raise ValueError("aggregate needs at least one 'by' column and one count column.")
    labels = list(frame.index)
    for k in keys:
        column(frame, k, "by")
        bad = frame[k].isna().to_numpy()
        if bad.any():
            raise ValueError(f"aggregate: column {k!r} (by) is missing at "
                             f"{position_of(bad, bad, labels)}; every unit needs a coarser unit.")
    for c in cols:
        column(frame, c, "count column")
        as_values(frame[c], f"count column {c!r}", measure="aggregate", allow_negative=False)
    if hasattr(frame, "dissolve") and hasattr(frame, "geometry"):
        out = frame[keys + cols + [frame.geometry.name]].dissolve(by=keys, aggfunc="sum")
        return out.reset_index()
    return frame.groupby(keys, sort=True)[cols].sum().reset_index()
