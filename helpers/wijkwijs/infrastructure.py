r"""Measures of social infrastructure: inventory, mix, reach, bridging and linking.

*Social infrastructure* is the set of organisations and places in a neighbourhood
where residents meet and find help: community centres (*buurthuizen*), youth spaces,
welfare and volunteer organisations, but also churches, mosques, gyms, cafés and
shops (Custers, *Een betere wijk begint ín de wijk*; Klinenberg 2018, *Palaces for
the People*, Crown). The measures here answer four questions about it:

* **Inventory and mix** — what is there, and how varied is it?
  :func:`is_open`, :func:`inventory`, :func:`diversity`,
  :func:`meeting_places_per_1000`.
* **Reach** — who lives close enough to a meeting place to use it?
  :func:`nearest_distance`, :func:`reach`.
* **Bridging** — does an organisation bring different groups together, or one group
  (*bonding*; Putnam 2000, *Bowling Alone*, Simon & Schuster)?
  :func:`bridging`, :func:`bridging_confusion`.
* **Linking** — does it connect residents to government (Szreter & Woolcock 2004)?
  :func:`linking`.

All functions are pure: they take pandas DataFrames (or arrays) with the column
names as arguments, know nothing about Havenstad (its analyses are in
:mod:`wijkwijs.havenstad.infrastructure`) and draw nothing. Referral networks and
brokerage are in :mod:`wijkwijs.networks`.

Examples
--------
>>> orgs = pd.DataFrame({"area": ["A", "A", "B"], "type": ["cafe", "shop", "cafe"]})
>>> inventory(orgs, area="area", kind="type")
type  cafe  shop
area
A        1     1
B        1     0
>>> diversity(inventory(orgs, area="area", kind="type")).round(3).tolist()
[1.0, 0.0]
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from wijkwijs._validate import (
    ArrayLike,
    as_values,
    check_choice,
    check_same_length,
    plain,
    require_columns,
    require_no_missing,
)

__all__ = [
    "DIVERSITY_INDICES",
    "bridging",
    "bridging_confusion",
    "diversity",
    "inventory",
    "is_open",
    "linking",
    "meeting_places_per_1000",
    "nearest_distance",
    "reach",
]

#: The diversity indices of :func:`diversity`.
DIVERSITY_INDICES: tuple[str, ...] = ("shannon", "blau", "simpson")


# --------------------------------------------------------------------------
# input helpers
# --------------------------------------------------------------------------




def _flags(frame: pd.DataFrame, column: str, name: str) -> np.ndarray:
    """A column of True/False (or 1/0) values as a bool array; anything else is refused."""
    require_no_missing(frame, column, name)
    values = frame[column].to_numpy()
    ok = np.isin(values, [True, False, 0, 1])
    if not ok.all():
        row = frame.index[int(np.flatnonzero(~ok)[0])]
        raise ValueError(f"{name} column {column!r} must hold True/False; found "
                         f"{plain(values[~ok][0])!r} in row {plain(row)!r}.")
    return values.astype(bool)


# --------------------------------------------------------------------------
# inventory and mix
# --------------------------------------------------------------------------

def is_open(organisations: pd.DataFrame, year: int, *, founded: str = "founded",
            closed: str = "closed") -> pd.Series:
    r"""Which organisations are open in ``year``.

    An organisation is open from the year it was founded up to and including the year
    before it closed; a missing ``closed`` means it is still open:

    .. math:: \text{open}(t) \iff \text{founded} \le t \;\wedge\;
              (\text{closed} \text{ missing} \vee t < \text{closed}).

    Parameters
    ----------
    organisations
        One row per organisation.
    year
        The calendar year.
    founded, closed
        The columns with the year of founding and of closure.

    Returns
    -------
    pandas.Series
        ``True``/``False`` per row, with the index of ``organisations``.

    Examples
    --------
    >>> o = pd.DataFrame({"founded": [1990, 2016, 1970], "closed": [None, None, 2016]})
    >>> is_open(o, 2016).tolist()
    [True, True, False]
    >>> is_open(o, 2015).tolist()
    [True, False, True]
    """
    require_columns(organisations, (founded, closed), "organisations")
    if isinstance(year, bool) or not isinstance(year, (int, np.integer)):
        raise ValueError(f"year must be a whole number; got {year!r}.")
    require_no_missing(organisations, founded, "organisations")
    start = pd.to_numeric(organisations[founded], errors="raise")
    end = pd.to_numeric(organisations[closed], errors="raise")
    bad = (end.notna() & (end < start)).to_numpy()
    if bad.any():
        row = organisations.index[int(np.flatnonzero(bad)[0])]
        raise ValueError(f"organisations row {plain(row)!r} closed ({end[row]}) before it "
                         f"was founded ({start[row]}).")
    open_now = (start <= year) & (end.isna() | (year < end))
    return open_now.astype(bool).rename("open")


def inventory(organisations: pd.DataFrame, *, area: str = "buurt_code", kind: str = "type",
              kinds: Sequence[Hashable] | None = None,
              areas: Sequence[Hashable] | None = None) -> pd.DataFrame:
    r"""Count organisations by kind per area: the inventory of social infrastructure.

    .. math:: n_{ak} = \#\{\text{organisations of kind } k \text{ in area } a\}

    Parameters
    ----------
    organisations
        One row per organisation (filter it first, e.g. with :func:`is_open`).
    area, kind
        The columns with the area (e.g. a buurt code) and the kind (type).
    kinds
        All kinds to report, in this order; a kind that does not occur gets a column
        of zeros, and an organisation of another kind is an error. Default: the kinds
        that occur, sorted.
    areas
        All areas to report, in this order (areas without organisations get zeros);
        an organisation in an area not listed is an error. Default: the areas that
        occur, sorted.

    Returns
    -------
    pandas.DataFrame
        Areas as rows, kinds as columns, integer counts.

    Examples
    --------
    >>> o = pd.DataFrame({"buurt_code": ["A", "A", "B"], "type": ["cafe", "cafe", "gym"]})
    >>> inventory(o, kinds=["cafe", "gym", "library"], areas=["A", "B", "C"])
    type        cafe  gym  library
    buurt_code
    A              2    0        0
    B              0    1        0
    C              0    0        0
    """
    require_columns(organisations, (area, kind), "organisations")
    require_no_missing(organisations, area, "organisations")
    require_no_missing(organisations, kind, "organisations")
    for column, allowed, what in ((kind, kinds, "kinds"), (area, areas, "areas")):
        if allowed is None:
            continue
        values = organisations[column].to_numpy()
        unknown = ~pd.Series(values).isin(list(allowed)).to_numpy()
        if unknown.any():
            row = organisations.index[int(np.flatnonzero(unknown)[0])]
            raise ValueError(f"organisations row {plain(row)!r} has {column} "
                             f"{plain(values[unknown][0])!r}, which is not in {what}.")
    kinds_ = list(kinds) if kinds is not None else sorted(organisations[kind].unique())
    areas_ = list(areas) if areas is not None else sorted(organisations[area].unique())
    counts = pd.crosstab(organisations[area].astype(object), organisations[kind].astype(object))
    counts = counts.reindex(index=areas_, columns=kinds_, fill_value=0).astype(int)
    counts.index.name, counts.columns.name = area, kind
    return counts


def _diversity_1d(n: np.ndarray, index: str, normalise: bool, k: int) -> float:
    total = n.sum()
    if total == 0:
        return float("nan")
    if index == "simpson":
        if total < 2:
            return float("nan")
        value = 1.0 - float((n * (n - 1)).sum() / (total * (total - 1)))
    else:
        p = n[n > 0] / total
        value = float(-(p * np.log(p)).sum()) if index == "shannon" else 1.0 - float(
            (p * p).sum())
        value += 0.0  # one category: -0.0 (the sum of -1 * log 1) is shown as 0.0
    if normalise:
        value /= float(np.log(k)) if index == "shannon" else 1.0 - 1.0 / k
    return float(value)


def diversity(counts: pd.DataFrame | ArrayLike, *, index: str = "shannon",
              normalise: bool = True, n_categories: int | None = None) -> pd.Series | float:
    r"""How varied a mix of categories is: Shannon entropy, Blau or Simpson index.

    With :math:`n_k` the count and :math:`p_k = n_k / N` the share of category
    :math:`k` (of :math:`K` possible categories, :math:`N = \sum_k n_k`):

    * ``"shannon"`` — entropy :math:`H = -\sum_k p_k \ln p_k` (Shannon 1948),
      normalised to Pielou's evenness :math:`J = H / \ln K` (Pielou 1966);
    * ``"blau"`` — :math:`B = 1 - \sum_k p_k^2`, the chance that two organisations
      drawn at random *with* replacement are of a different kind (Blau 1977;
      Gini–Simpson), normalised by its maximum :math:`1 - 1/K`;
    * ``"simpson"`` — :math:`S = 1 - \sum_k n_k(n_k-1) / (N(N-1))`, the same chance
      drawn *without* replacement (Simpson 1949). It is unbiased for small groups —
      the average over random subsets of a population equals the population's
      value — which is why :func:`bridging` uses it. Normalised like ``"blau"``, it
      can exceed 1 in small groups.

    Which one? All are 0 for a mix of one kind and maximal when all :math:`K` kinds
    are equally common. Shannon (the default) weights rare kinds more: a buurt that
    gains its first library or welfare organisation gains more than one that gains
    another café. Blau reads directly as a probability. Normalising by :math:`K`
    (the number of *possible* kinds, the columns) means an area with only two kinds
    cannot score as high as one with all of them.

    Sources: Shannon, C. E. (1948). A mathematical theory of communication. *Bell
    System Technical Journal* 27(3), 379–423. Pielou, E. C. (1966). The measurement of
    diversity in different types of biological collections. *Journal of Theoretical
    Biology* 13, 131–144. Simpson, E. H. (1949). Measurement of diversity. *Nature*
    163, 688. Blau, P. M. (1977). *Inequality and Heterogeneity.* Free Press.

    Parameters
    ----------
    counts
        A DataFrame with one row per area and one column per category (e.g. the
        output of :func:`inventory`), or one row of counts as an array.
    index
        ``"shannon"``, ``"blau"`` or ``"simpson"``.
    normalise
        Divide by the maximum for :math:`K` categories (``True``) or not.
    n_categories
        :math:`K`; default the number of columns (or values).

    Returns
    -------
    pandas.Series or float
        One value per row (``NaN`` for a row without any count — the diversity of
        nothing is undefined — and, for ``"simpson"``, a row with a count of 1), or a
        float for a single row of counts.

    Examples
    --------
    >>> round(diversity([5, 5]), 3), round(diversity([5, 5], index="blau"), 3)
    (1.0, 1.0)
    >>> round(diversity([2, 1, 1], index="blau", normalise=False), 3)  # 1 - (1/4+1/16+1/16)
    0.625
    >>> round(diversity([2, 1, 1], index="simpson", normalise=False), 3)  # 1 - 2/12
    0.833
    >>> diversity([3, 0, 0])
    0.0
    """
    check_choice(index, DIVERSITY_INDICES, "index")
    if isinstance(counts, pd.DataFrame):
        if not counts.shape[1]:
            raise ValueError("counts has no columns; give one column per category.")
        try:
            values = counts.to_numpy(dtype=float)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"counts must contain numbers only ({exc}).") from None
        rows = [as_values(values[i], f"counts row {plain(counts.index[i])!r}",
                          measure="diversity", allow_negative=False)
                for i in range(len(counts))]
        n_cols = counts.shape[1]
    else:
        rows = [as_values(counts, "counts", measure="diversity", allow_negative=False)]
        n_cols = rows[0].size
    k = n_cols if n_categories is None else int(n_categories)
    if k < n_cols:
        raise ValueError(f"n_categories is {k} but counts has {n_cols} categories.")
    if normalise and k < 2:
        raise ValueError("a normalised diversity needs at least 2 possible categories; "
                         f"got n_categories = {k}.")
    out = [_diversity_1d(r, index, normalise, k) for r in rows]
    if isinstance(counts, pd.DataFrame):
        return pd.Series(out, index=counts.index, name=index, dtype=float)
    return out[0]


def meeting_places_per_1000(organisations: pd.DataFrame, residents: pd.Series, *,
                            area: str = "buurt_code",
                            flag: str = "meeting_place") -> pd.DataFrame:
    r"""Meeting places per 1,000 residents in each area.

    .. math:: m_a = 1000 \cdot \frac{\#\{\text{meeting places in } a\}}{R_a}

    with :math:`R_a` the number of residents (persons) of area :math:`a`.

    Parameters
    ----------
    organisations
        One row per organisation (filter it to one year first).
    residents
        Residents per area, a Series indexed by area; every area must have more than
        0 residents, and every organisation's area must be in it.
    area, flag
        The area column and the True/False column marking meeting places.

    Returns
    -------
    pandas.DataFrame
        Per area (the index of ``residents``): ``meeting_places``, ``residents`` and
        ``per_1000``.

    Examples
    --------
    >>> o = pd.DataFrame({"buurt_code": ["A", "A", "B"], "meeting_place": [True, False, True]})
    >>> meeting_places_per_1000(o, pd.Series({"A": 500, "B": 2000, "C": 100}))
       meeting_places  residents  per_1000
    A               1        500       2.0
    B               1       2000       0.5
    C               0        100       0.0
    """
    require_columns(organisations, (area, flag), "organisations")
    if not isinstance(residents, pd.Series):
        raise ValueError("residents must be a pandas Series indexed by area; got "
                         f"{type(residents).__name__}.")
    as_values(residents, "residents", measure="meeting places per 1,000 residents",
              allow_zero=False, why_positive="Every area needs residents.")
    if residents.index.has_duplicates:
        twice = residents.index[residents.index.duplicated()][0]
        raise ValueError(f"residents lists area {plain(twice)!r} twice.")
    is_place = _flags(organisations, flag, "organisations")
    places = organisations.loc[is_place, area]
    unknown = ~places.isin(residents.index)
    if unknown.any():
        raise ValueError(f"organisations row {plain(unknown.idxmax())!r} is in area "
                         f"{plain(places[unknown].iloc[0])!r}, which is not in residents.")
    n = places.value_counts().reindex(residents.index, fill_value=0).astype(int)
    return pd.DataFrame({"meeting_places": n, "residents": residents,
                         "per_1000": 1000.0 * n / residents.astype(float)})


# --------------------------------------------------------------------------
# reach
# --------------------------------------------------------------------------

def _coordinates(x: ArrayLike, y: ArrayLike, name: str) -> tuple[np.ndarray, np.ndarray]:
    xs = as_values(x, f"{name} x")
    ys = as_values(y, f"{name} y")
    check_same_length(**{f"{name}_x": xs, f"{name}_y": ys})
    return xs, ys


def nearest_distance(x: ArrayLike, y: ArrayLike, places_x: ArrayLike, places_y: ArrayLike,
                     *, max_distance: float, chunk: int = 100_000) -> np.ndarray:
    r"""Straight-line distance from each point to the nearest place, up to a maximum.

    .. math:: d_i = \min_j \sqrt{(x_i - x_j)^2 + (y_i - y_j)^2}
              \quad\text{if } d_i \le d_{\max}, \text{ else } \infty

    Coordinates are metres in a plane (not longitude and latitude). Computed with a
    grid of square buckets of side ``max_distance``: a place within that distance of
    a point lies in the point's bucket or one of the eight around it, so only those
    are compared — vectorised, in chunks of ``chunk`` points, without scipy.

    Parameters
    ----------
    x, y
        The points (e.g. homes).
    places_x, places_y
        The places (e.g. meeting places); may be empty.
    max_distance
        Look no further than this (metres, > 0).
    chunk
        Points per vectorised step (memory).

    Returns
    -------
    numpy.ndarray
        The distance per point; ``inf`` where no place is within ``max_distance``.

    Examples
    --------
    >>> nearest_distance([0, 0, 1000], [0, 300, 0], [0], [400], max_distance=500).tolist()
    [400.0, 100.0, inf]
    """
    hx, hy = _coordinates(x, y, "points")
    r = float(max_distance)
    if not np.isfinite(r) or r <= 0:
        raise ValueError(f"max_distance must be a positive number of metres; got "
                         f"{max_distance!r}.")
    result = np.full(hx.size, np.inf)
    px = np.asarray(places_x, dtype=float).ravel()
    py = np.asarray(places_y, dtype=float).ravel()
    if px.size == 0 and py.size == 0:
        return result
    px, py = _coordinates(px, py, "places")
    x0, y0 = min(hx.min(), px.min()), min(hy.min(), py.min())
    height = int(np.floor((max(hy.max(), py.max()) - y0) / r)) + 3

    def cell(xs: np.ndarray, ys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return (np.floor((xs - x0) / r).astype(np.int64) + 1,
                np.floor((ys - y0) / r).astype(np.int64) + 1)

    pcx, pcy = cell(px, py)
    keys = pcx * height + pcy
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    for start in range(0, hx.size, max(int(chunk), 1)):
        sl = slice(start, start + max(int(chunk), 1))
        cx, cy = cell(hx[sl], hy[sl])
        best = np.full(cx.size, np.inf)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                want = (cx + dx) * height + (cy + dy)
                lo = np.searchsorted(sorted_keys, want, side="left")
                count = np.searchsorted(sorted_keys, want, side="right") - lo
                total = int(count.sum())
                if total == 0:
                    continue
                point = np.repeat(np.arange(cx.size), count)
                offset = np.arange(total) - np.repeat(np.cumsum(count) - count, count)
                place = order[np.repeat(lo, count) + offset]
                d = np.hypot(hx[sl][point] - px[place], hy[sl][point] - py[place])
                has = count > 0
                starts = np.concatenate([[0], np.cumsum(count)[:-1]])[has]
                best[has] = np.minimum(best[has], np.minimum.reduceat(d, starts))
        result[sl] = best
    result[result > r] = np.inf
    return result


def reach(homes: pd.DataFrame, places: pd.DataFrame, radii: Sequence[float] = (400, 800), *,
          by: str | None = None, weight: str | None = None, x: str = "x",
          y: str = "y") -> pd.DataFrame:
    r"""The share of homes within each radius of the nearest place, overall or per group.

    .. math:: \text{reach}_g(r) = \frac{\sum_{i \in g} w_i \,[d_i \le r]}{\sum_{i \in g} w_i}

    with :math:`d_i` the straight-line distance from home :math:`i` to the nearest
    place (:func:`nearest_distance`) and :math:`w_i` its weight (1 by default, or,
    e.g., the households a point stands for). Straight-line distance is a stated
    simplification: walking distance along streets is always longer, and a river or a
    railway without a crossing can make it much longer. 400 m and 800 m are common
    planning rules of thumb for a walk of about five and ten minutes.

    Parameters
    ----------
    homes
        One row per home (or per point standing for several homes) with coordinates
        in metres.
    places
        One row per place with the same coordinate columns; may be empty (then
        nobody is within reach).
    radii
        Distances in metres (> 0).
    by
        A column of ``homes`` to group by (an area, an income group); ``None`` for all.
    weight
        A column of ``homes`` with non-negative weights; ``None`` counts every row once.
    x, y
        The coordinate columns.

    Returns
    -------
    pandas.DataFrame
        One row per group (or one row ``"all"``): ``homes`` (the summed weight) and
        ``within_<r>m`` (a share, 0–1) for each radius.

    Examples
    --------
    >>> homes = pd.DataFrame({"x": [0, 0, 900], "y": [100, 700, 0], "g": ["a", "a", "b"]})
    >>> reach(homes, pd.DataFrame({"x": [0], "y": [0]}), by="g")
       homes  within_400m  within_800m
    g
    a    2.0          0.5          1.0
    b    1.0          0.0          0.0
    """
    columns = [x, y] + [c for c in (by, weight) if c is not None]
    require_columns(homes, columns, "homes")
    require_columns(places, (x, y), "places")
    rs = as_values(list(radii), "radii", measure="reach", allow_zero=False,
                   allow_negative=False)
    if len(np.unique(rs)) < rs.size:
        raise ValueError(f"radii lists a distance twice: {list(radii)}.")
    w = (np.ones(len(homes)) if weight is None else
         as_values(homes[weight], f"homes column {weight!r}", allow_negative=False))
    if by is not None:
        require_no_missing(homes, by, "homes")
    d = nearest_distance(homes[x], homes[y], places[x].to_numpy(), places[y].to_numpy(),
                         max_distance=float(rs.max()))
    frame = pd.DataFrame({"homes": w}, index=homes.index)
    for r in rs:
        frame[f"within_{r:g}m"] = w * (d <= r)
    keys = homes[by] if by is not None else pd.Series("all", index=homes.index)
    summed = frame.groupby(keys.to_numpy(), sort=True, observed=True).sum()
    if (summed["homes"] <= 0).any():
        empty = summed.index[(summed["homes"] <= 0).to_numpy()][0]
        raise ValueError(f"group {plain(empty)!r} has a total weight of 0; its reach is "
                         "undefined.")
    for r in rs:
        summed[f"within_{r:g}m"] /= summed["homes"]
    summed.index.name = by
    return summed


# --------------------------------------------------------------------------
# bridging
# --------------------------------------------------------------------------

def _count_table(rows: pd.Series, columns: pd.Series, row_labels: pd.Index,
                 column_labels: Any) -> pd.DataFrame:
    """Counts of (row, column) pairs as a table over the given labels (a fast crosstab)."""
    r = pd.Index(row_labels).get_indexer(rows.to_numpy())
    c = pd.Index(column_labels).get_indexer(columns.astype(object).to_numpy())
    keep = (r >= 0) & (c >= 0)
    n_r, n_c = len(row_labels), len(column_labels)
    counts = np.bincount(r[keep] * n_c + c[keep], minlength=n_r * n_c).reshape(n_r, n_c)
    return pd.DataFrame(counts, index=row_labels, columns=pd.Index(column_labels))


def bridging(members: pd.DataFrame, residents: pd.DataFrame, organisations: pd.DataFrame, *,
             attributes: Sequence[str], organisation: str = "organisation_id",
             area: str = "buurt_code", min_members: int = 10) -> pd.DataFrame:
    r"""How *bridging* each organisation is: its members' mix relative to its area's.

    For each attribute :math:`A` (income group, background, age group ...), compare
    the diversity of the members of organisation :math:`o` with the diversity of the
    residents of the area :math:`a(o)` it stands in:

    .. math:: b_o^A = \frac{S\big(\text{members of } o \text{ by } A\big)}
                           {S\big(\text{residents of } a(o) \text{ by } A\big)},
              \qquad b_o = \frac{1}{|\mathcal{A}|} \sum_{A \in \mathcal{A}} b_o^A

    with :math:`S = 1 - \sum_k n_k(n_k - 1)/(N(N-1))` Simpson's (1949) index: the
    chance that two different members, drawn at random, differ in :math:`A` — the
    interaction (exposure) of members with other groups *inside* the organisation.

    Why this measure. Bridging social capital connects people across social divides
    (Putnam 2000, ch. 1); but how mixed an organisation can be depends on who
    lives around it: a club of only low-income members is what a buurt of only
    low-income households would give anyway. Dividing by the area's diversity asks
    whether the organisation is *as mixed as its surroundings*. Simpson's
    without-replacement form is used because it is unbiased for small groups: if an
    organisation recruited members at random from its area, the expected value of
    the numerator equals the denominator exactly, so :math:`b_o^A` is 1 on average
    under random recruitment, about 1 for a bridging and well below 1 for a bonding
    organisation (one that draws one group); above 1 means more mixed than the area.
    A ratio (rather than a dissimilarity between the members' and the area's shares)
    is chosen because a bridging organisation need not mirror its area — it needs to
    mix. Attributes on which the area itself is uniform (diversity 0) are left out of
    the mean; organisations with fewer than ``min_members`` members get ``NaN``: too
    few people to say.

    Sources: Putnam, R. D. (2000). *Bowling Alone.* Simon & Schuster. Simpson, E. H.
    (1949). Measurement of diversity. *Nature* 163, 688. Blau, P. M. (1977).
    *Inequality and Heterogeneity.* Free Press.

    Parameters
    ----------
    members
        One row per member: the organisation and the member's attributes.
    residents
        One row per resident (household) of every area: the area and the attributes.
    organisations
        One row per organisation: its id and its area.
    attributes
        The attribute columns (in both ``members`` and ``residents``).
    organisation, area
        The id column (``members``, ``organisations``) and the area column
        (``residents``, ``organisations``).
    min_members
        Fewer members than this gives ``NaN`` (at least 2).

    Returns
    -------
    pandas.DataFrame
        Indexed by organisation id (all of ``organisations``): ``area``, ``members``,
        one ratio column per attribute and ``bridging`` (their mean).

    Examples
    --------
    Buurt A has two low- and two high-income households; club 1 has one of each,
    club 2 only low incomes:

    >>> res = pd.DataFrame({"buurt_code": ["A"] * 4, "income": ["lo", "lo", "hi", "hi"]})
    >>> mem = pd.DataFrame({"organisation_id": [1, 1, 2, 2], "income": ["lo", "hi", "lo", "lo"]})
    >>> org = pd.DataFrame({"organisation_id": [1, 2], "buurt_code": ["A", "A"]})
    >>> b = bridging(mem, res, org, attributes=["income"], min_members=2)
    >>> b["bridging"].round(3).tolist()  # S(club 1) = 1, S(buurt) = 1 - 4/12 = 2/3
    [1.5, 0.0]
    """
    attributes = list(attributes)
    if not attributes:
        raise ValueError("attributes is empty; name at least one attribute column.")
    if isinstance(min_members, bool) or not isinstance(min_members, (int, np.integer)) \
            or min_members < 2:
        raise ValueError(f"min_members must be a whole number of at least 2; got "
                         f"{min_members!r}.")
    require_columns(members, [organisation, *attributes], "members")
    require_columns(residents, [area, *attributes], "residents")
    require_columns(organisations, (organisation, area), "organisations")
    for frame, name, cols in ((members, "members", [organisation, *attributes]),
                              (residents, "residents", [area, *attributes]),
                              (organisations, "organisations", [organisation, area])):
        for column in cols:
            require_no_missing(frame, column, name)
    orgs = organisations.set_index(organisation)[area]
    if orgs.index.has_duplicates:
        raise ValueError(f"organisations lists {organisation} "
                         f"{plain(orgs.index[orgs.index.duplicated()][0])!r} twice.")
    unknown = ~members[organisation].isin(orgs.index)
    if unknown.any():
        row = unknown.idxmax()
        raise ValueError(f"members row {plain(row)!r} belongs to {organisation} "
                         f"{plain(members.loc[row, organisation])!r}, which is not in "
                         "organisations.")
    no_residents = ~orgs.isin(residents[area])
    if no_residents.any():
        raise ValueError(f"{organisation} {plain(no_residents.idxmax())!r} is in area "
                         f"{plain(orgs[no_residents.idxmax()])!r}, which has no residents.")
    size = members.groupby(organisation).size().reindex(orgs.index, fill_value=0)
    out = pd.DataFrame({"area": orgs, "members": size.astype(int)})
    for attribute in attributes:
        cats = pd.unique(pd.concat([members[attribute], residents[attribute]],
                                   ignore_index=True).astype(object))
        m = diversity(_count_table(members[organisation], members[attribute], orgs.index, cats),
                      index="simpson", normalise=False)
        areas = pd.Index(pd.unique(orgs.to_numpy()))
        a = diversity(_count_table(residents[area], residents[attribute], areas, cats),
                      index="simpson", normalise=False)
        a_of_org = a.reindex(orgs.to_numpy()).to_numpy()
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(a_of_org > 0, m.to_numpy() / a_of_org, np.nan)
        out[attribute] = ratio
    out.loc[out["members"] < min_members, attributes] = np.nan
    ratios = out[attributes].to_numpy(dtype=float)
    has = ~np.isnan(ratios)
    with np.errstate(invalid="ignore"):
        out["bridging"] = np.where(has.any(axis=1),
                                   np.where(has, ratios, 0).sum(axis=1) / has.sum(axis=1),
                                   np.nan)
    out.index.name = organisation
    return out


def bridging_confusion(scores: pd.Series, labels: pd.Series, *, threshold: float = 0.8,
                       bridging_label: str = "bridging",
                       bonding_label: str = "bonding") -> pd.DataFrame:
    r"""Compare a computed bridging score with a given label, as a confusion table.

    An organisation is *computed bridging* when :math:`b_o \ge` ``threshold``,
    *computed bonding* when :math:`b_o <` ``threshold`` and *undetermined* when its
    score is ``NaN`` (too few members). The default 0.8 reads: its members are at
    least four fifths as mixed as its area (:func:`bridging` is 1 on average under
    random recruitment).

    Parameters
    ----------
    scores
        Bridging scores per organisation (e.g. ``bridging(...)["bridging"]``).
    labels
        The labelled orientation per organisation (same index), e.g. from fieldwork.
    threshold
        The score from which an organisation counts as bridging (> 0).
    bridging_label, bonding_label
        The two values ``labels`` may hold.

    Returns
    -------
    pandas.DataFrame
        Counts: computed (rows ``bridging``, ``bonding``, ``undetermined``) by labelled
        (columns ``bridging``, ``bonding``).

    Examples
    --------
    >>> s = pd.Series([1.1, 0.3, 0.9, float("nan")])
    >>> lab = pd.Series(["bridging", "bridging", "bonding", "bonding"])
    >>> bridging_confusion(s, lab)
    labelled      bridging  bonding
    computed
    bridging             1        1
    bonding              1        0
    undetermined         0        1
    """
    if not isinstance(scores, pd.Series) or not isinstance(labels, pd.Series):
        raise ValueError("scores and labels must be pandas Series with the organisation "
                         "ids as index.")
    t = float(threshold)
    if not np.isfinite(t) or t <= 0:
        raise ValueError(f"threshold must be a positive number; got {threshold!r}.")
    missing = scores.index.difference(labels.index)
    if len(missing):
        raise ValueError(f"organisation {missing[0]!r} has a score but no label.")
    lab = labels.reindex(scores.index)
    known = lab.isin([bridging_label, bonding_label]).to_numpy()
    if not known.all():
        raise ValueError(f"labels must be {bridging_label!r} or {bonding_label!r}; found "
                         f"{plain(lab.to_numpy()[~known][0])!r} for organisation "
                         f"{plain(scores.index[~known][0])!r}.")
    s = scores.to_numpy(dtype=float)
    computed = np.where(np.isnan(s), "undetermined",
                        np.where(s >= t, bridging_label, bonding_label))
    rows = [bridging_label, bonding_label, "undetermined"]
    cols = [bridging_label, bonding_label]
    table = pd.crosstab(pd.Series(computed, name="computed"),
                        pd.Series(lab.astype(object).to_numpy(), name="labelled"))
    return table.reindex(index=rows, columns=cols, fill_value=0).astype(int)


# --------------------------------------------------------------------------
# linking
# --------------------------------------------------------------------------

def linking(organisations: pd.DataFrame, edges: pd.DataFrame, targets: Iterable[Hashable], *,
            id: str = "organisation_id", flag: str = "explains_government_info",
            source: str = "from_id", target: str = "to_id",
            weight: str | None = None) -> pd.DataFrame:
    r"""Which organisations *link* residents to government and formal help.

    Linking social capital connects people across explicit, formal or
    institutionalised power or authority gradients (Szreter & Woolcock 2004): to the
    municipality, the social neighbourhood team, debt counselling.
    An organisation :math:`o` links in two ways here: it explains government
    information (``flag``), or it refers residents directly to a target :math:`s`
    (a municipal service or welfare node):

    .. math:: \ell_o = \#\{s \in \text{targets} : o \to s\},\qquad
              \text{linking}_o = \text{flag}_o \vee \ell_o > 0

    Routes of more than one step are in :func:`wijkwijs.networks.reachable_services`.

    Source: Szreter, S. & Woolcock, M. (2004). Health by association? Social capital,
    social theory, and the political economy of public health. *International Journal
    of Epidemiology* 33(4), 650–667.

    Parameters
    ----------
    organisations
        One row per organisation with its id and the True/False ``flag`` column.
    edges
        Referral links, one row per link (``source`` refers to ``target``).
    targets
        The ids of the targets (municipal services, welfare organisations).
    id, flag, source, target
        Column names.
    weight
        A column of ``edges`` with the referral volume, summed into
        ``referrals_to_targets``; ``None`` leaves that column out.

    Returns
    -------
    pandas.DataFrame
        Indexed by organisation id: ``explains_government_info`` (the flag),
        ``links_to_targets``, (``referrals_to_targets``) and ``linking``.

    Examples
    --------
    >>> o = pd.DataFrame({"organisation_id": [1, 2, 3, 9],
    ...                   "explains_government_info": [False, True, False, True]})
    >>> e = pd.DataFrame({"from_id": [1, 1, 3], "to_id": [9, 2, 1]})
    >>> linking(o, e, targets=[9])
                     explains_government_info  links_to_targets  linking
    organisation_id
    1                                   False                 1     True
    2                                    True                 0     True
    3                                   False                 0    False
    9                                    True                 0     True
    """
    require_columns(organisations, (id, flag), "organisations")
    require_columns(edges, [source, target] + ([weight] if weight else []), "edges")
    require_no_missing(organisations, id, "organisations")
    ids = organisations[id]
    if ids.duplicated().any():
        twice = plain(ids[ids.duplicated()].iloc[0])
        raise ValueError(f"organisations lists {id} {twice!r} twice.")
    explains = _flags(organisations, flag, "organisations")
    target_set = set(targets)
    if not target_set:
        raise ValueError("targets is empty; give the ids of the services to link to.")
    for column in (source, target):
        require_no_missing(edges, column, "edges")
    unknown = ~edges[source].isin(ids)
    if unknown.any():
        raise ValueError(f"edges row {plain(unknown.idxmax())!r} starts at {source} "
                         f"{plain(edges.loc[unknown.idxmax(), source])!r}, which is not in "
                         "organisations.")
    to_target = edges[target].isin(target_set)
    out = pd.DataFrame({flag: explains}, index=pd.Index(ids.to_numpy(), name=id))
    hits = edges.loc[to_target]
    out["links_to_targets"] = (hits.groupby(source)[target].nunique()
                               .reindex(out.index, fill_value=0).astype(int))
    if weight is not None:
        volume = as_values(edges[weight], f"edges column {weight!r}", allow_negative=False)
        out["referrals_to_targets"] = (pd.Series(volume, index=edges.index)[to_target]
                                       .groupby(hits[source]).sum()
                                       .reindex(out.index, fill_value=0.0))
    out["linking"] = out[flag] | (out["links_to_targets"] > 0)
    return out
