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
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from wijkwijs._validate import (
    ArrayLike,
    as_values,
    check_fraction,
    check_same_length,
    labels_of,
    position_of,
)

__all__ = [
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

#: The two-group indices that :func:`summary` reports, in this order.
TWO_GROUP_INDICES = (
    "dissimilarity",
    "isolation",
    "exposure",
    "correlation_ratio",
    "entropy_index",
    "gini_segregation",
    "atkinson_segregation",
)


# --------------------------------------------------------------------------
# input handling
# --------------------------------------------------------------------------

def _column(frame: pd.DataFrame, name: Any, role: str) -> pd.Series:
    if not isinstance(name, str) and name not in frame.columns:
        raise ValueError(
            f"{role} must be a column name of the DataFrame when data is a DataFrame; "
            f"got {name!r}."
        )
    if name not in frame.columns:
        raise ValueError(
            f"column {name!r} ({role}) is not in the DataFrame; its columns are "
            f"{list(frame.columns)}."
        )
    return frame[name]


def _two_group(data: Any, total: Any, group: Any, measure: str) -> TwoGroupCounts:
    """Validated counts for a two-group index (see :func:`_two_group_labelled`)."""
    counts, _ = _two_group_labelled(data, total, group, measure)
    return counts


def _index_of(x: Any) -> Any:
    """The pandas index of a Series (kept lazy: only read when reporting an error)."""
    if isinstance(x, (list, tuple, np.ndarray)):
        return None
    index = getattr(x, "index", None)
    return index if index is not None and not callable(index) else None


def _counts(raw: Any, name: str, measure: str, unit_labels: Any = None) -> np.ndarray:
    """Counts as a float array via ``as_values``.

    The fast path checks the bare numbers; only when they fail is the check run
    again on a labelled Series, so the message names the unit's label.
    """
    kwargs = dict(measure=measure, allow_negative=False,
                  why_positive="Counts of people cannot be negative.")
    bare = raw.to_numpy() if isinstance(raw, pd.Series) else raw
    try:
        return as_values(bare, name, **kwargs)
    except ValueError:
        if unit_labels is not None:
            raw = pd.Series(np.asarray(bare), index=pd.Index(unit_labels))
        return as_values(raw, name, **kwargs)  # raises, now naming the label


def _two_group_labelled(data: Any, total: Any, group: Any, measure: str,
                        unit_labels: Any = None, totals: np.ndarray | None = None
                        ) -> tuple[TwoGroupCounts, Any]:
    """Return validated counts and the unit labels (or None) for a two-group index.

    ``unit_labels`` (optional, one per unit) replace the index in error messages.
    ``totals``: the unit totals, already validated (by an earlier group of the same
    table), so that they are not checked again.

    Checks: numbers only, no NaN or infinity, no negative counts, equal lengths,
    no unit with more group members than people, a city with people, with group
    members, and with people outside the group.
    """
    if isinstance(data, pd.DataFrame):
        if group is None or total is None:
            raise ValueError(
                f"{measure}: with a DataFrame, name the columns, e.g. "
                f"{measure}(df, group='low_income', total='households')."
            )
        x_raw = _column(data, group, "group")
        t_raw = _column(data, total, "total")
        x_name, t_name = f"group column {group!r}", f"total column {total!r}"
    else:
        if group is not None:
            raise ValueError(
                f"{measure}: group={group!r} names a column, so data must be a DataFrame; "
                f"with arrays call {measure}(group_counts, totals)."
            )
        if total is None:
            raise ValueError(
                f"{measure} needs the unit totals too: {measure}(group_counts, totals)."
            )
        x_raw, t_raw = data, total
        x_name, t_name = "group counts", "totals"
    x = _counts(x_raw, x_name, measure, unit_labels)
    t = _counts(t_raw, t_name, measure, unit_labels) if totals is None else totals
    check_same_length(**{"group counts": x, "totals": t})
    labels = unit_labels
    if labels is None:
        labels = _index_of(x_raw)
        if labels is None:
            labels = _index_of(t_raw)
    too_many = x > t
    if too_many.any():
        i = int(np.flatnonzero(too_many)[0])
        raise ValueError(
            f"{measure}: the group count is larger than the total at "
            f"{position_of(x, too_many, labels)} ({x[i]:g} > {t[i]:g}); "
            "a group cannot have more members than the unit has people."
        )
    return TwoGroupCounts(x, t, measure), labels


def _check_city_shares(X: float, T: float, measure: str, what: str = "the group") -> None:
    if not T > 0:
        raise ValueError(f"{measure} is undefined: the city has nobody in it (all totals are 0).")
    if not X > 0:
        raise ValueError(
            f"{measure} is undefined: the city has no members of {what}, so there is "
            "nothing to be segregated."
        )
    if not X < T:
        raise ValueError(
            f"{measure} is undefined: everybody in the city belongs to {what}, so there "
            "is nobody to be segregated from."
        )


def _shares(x: np.ndarray, t: np.ndarray) -> np.ndarray:
    """``x / t`` with 0 for empty units (they carry zero weight anyway)."""
    out = np.zeros_like(x)
    np.divide(x, t, out=out, where=t > 0)
    return out


def _binary_entropy(p: np.ndarray | float) -> np.ndarray:
    """``E(p) = -p ln p - (1-p) ln(1-p)`` with ``0 ln 0 = 0``."""
    p = np.asarray(p, dtype=float)
    q = 1.0 - p
    with np.errstate(divide="ignore", invalid="ignore"):
        a = np.where(p > 0, -p * np.log(np.where(p > 0, p, 1.0)), 0.0)
        b = np.where(q > 0, -q * np.log(np.where(q > 0, q, 1.0)), 0.0)
    return a + b


# --------------------------------------------------------------------------
# the one implementation of each two-group index
# --------------------------------------------------------------------------

def _clip(value: float, low: float, high: float) -> float:
    """``value`` moved into ``[low, high]``, for bounds that hold in exact arithmetic.

    Sums of many terms that cancel in exact arithmetic can land a few units in the
    last place outside an index's range (``D = 1.0000000000000002`` for a fully
    separated city); the formulas themselves never leave it. ``-0.0`` becomes ``0.0``.
    """
    if value <= low:
        return low + 0.0
    return high if value > high else value


class TwoGroupCounts:
    """Validated counts of one group in every unit, and what its indices share.

    Every two-group index is a method here, so :func:`summary` and the single-index
    functions run the same code. The unit shares ``p``, their logarithms and entropies
    and the isolation index are computed once per instance (when first needed), however
    many indices are asked for. Internal: the public functions build it from validated
    input; it is not part of the API.

    Two configurations get their exact values instead of rounded ones: every occupied
    unit with the same share (``even``: every index at its "no segregation" value) and
    no unit holding both the group and others (``separated``).
    """

    def __init__(self, x: np.ndarray, t: np.ndarray, measure: str) -> None:
        X, T = float(x.sum()), float(t.sum())
        _check_city_shares(X, T, measure)
        self.x, self.t, self.X, self.T = x, t, X, T
        self.P = X / T
        self.p = _shares(x, t)

    @cached_property
    def q(self) -> np.ndarray:
        """Share of the others in each unit, ``1 - p_i``."""
        return 1.0 - self.p

    @cached_property
    def even(self) -> bool:
        """Every unit with people has exactly the same group share."""
        occupied = self.p if (self.t > 0).all() else self.p[self.t > 0]
        return bool(occupied.min() == occupied.max())

    @cached_property
    def separated(self) -> bool:
        """No unit has both members of the group and others (empty units have p = 0)."""
        return not bool(((self.p > 0) & (self.p < 1)).any())

    @cached_property
    def unit_entropy(self) -> np.ndarray:
        """``E(p_i) = -p_i ln p_i - q_i ln q_i``, ``0 ln 0 = 0`` (as :func:`_binary_entropy`)."""
        p, q = self.p, self.q
        log_p, log_q = np.zeros_like(p), np.zeros_like(q)
        np.log(p, out=log_p, where=p > 0)
        np.log(q, out=log_q, where=q > 0)
        return -(p * log_p + q * log_q)

    @cached_property
    def _isolation(self) -> float:
        if self.even:
            return self.P
        if self.separated:
            return 1.0
        # sum_i x_i^2 / t_i >= X^2 / T (Cauchy-Schwarz) and p_i <= 1: in [P, 1]
        return _clip(float((self.x * self.p).sum() / self.X), self.P, 1.0)

    def dissimilarity(self) -> float:
        """D; see :func:`dissimilarity`."""
        if self.even or self.separated:
            return 0.0 if self.even else 1.0
        P, T = self.P, self.T
        d = float((self.t * np.abs(self.p - P)).sum() / (2.0 * T * P * (1.0 - P)))
        return _clip(d, 0.0, 1.0)  # sum_i t_i |p_i - P| is at most 2 T P (1 - P)

    def isolation(self) -> float:
        """xPx; see :func:`isolation`."""
        return self._isolation

    def exposure(self) -> float:
        """xPy; see :func:`exposure`."""
        if self.even or self.separated:
            return 1.0 - self.P if self.even else 0.0
        # xPy = 1 - xPx, so it lies in [0, 1 - P]
        return _clip(float((self.x * self.q).sum() / self.X), 0.0, 1.0 - self.P)

    def correlation_ratio(self) -> float:
        """eta²; see :func:`correlation_ratio` (in [0, 1] as isolation is in [P, 1])."""
        return (self._isolation - self.P) / (1.0 - self.P)

    def entropy_index(self) -> float:
        """Theil's H; see :func:`entropy_index`."""
        if self.even or self.separated:
            return 0.0 if self.even else 1.0
        P, Q = self.P, 1.0 - self.P
        E = -(P * math.log(P) + Q * math.log(Q))  # 0 < P < 1, checked on construction
        h = float((self.t * (E - self.unit_entropy)).sum() / (E * self.T))
        return _clip(h, 0.0, 1.0)  # 0 <= E_i and their weighted mean <= E (concavity)

    def gini(self) -> float:
        """The segregation Gini; see :func:`gini_segregation`."""
        if self.even or self.separated:
            return 0.0 if self.even else 1.0
        # sum_{i<j} t_i t_j |p_i - p_j| in O(n log n): sort by p, then for unit j the
        # units before it contribute t_j * (p_j * W_before - S_before).
        P, T = self.P, self.T
        order = np.argsort(self.p)  # ties have equal p_i, so their order does not matter
        p, ts = self.p[order], self.t[order]
        w_before = np.cumsum(ts) - ts
        tp = ts * p
        s_before = np.cumsum(tp) - tp
        pair_sum = (ts * (p * w_before - s_before)).sum()
        return _clip(float(pair_sum / (T * T * P * (1.0 - P))), 0.0, 1.0)

    def atkinson(self, b: float) -> float:
        """The Atkinson index with shape ``b``; see :func:`atkinson_segregation`."""
        if self.even or self.separated:
            return 0.0 if self.even else 1.0
        P, T = self.P, self.T
        inner = (self.q ** (1.0 - b) * self.p ** b * self.t).sum() / (P * T)
        a = float(1.0 - P / (1.0 - P) * abs(inner) ** (1.0 / (1.0 - b)))
        return _clip(a, 0.0, 1.0)  # a power mean of p_i and q_i lies in [0, (1-P)/P]


def _check_b(b: float) -> float:
    return check_fraction(b, "b (the Atkinson shape parameter)",
                          inclusive_low=False, inclusive_high=False)


# --------------------------------------------------------------------------
# two-group indices
# --------------------------------------------------------------------------

def dissimilarity(data: ArrayLike | pd.DataFrame, total: ArrayLike | str | None = None,
                  *, group: str | None = None) -> float:
    """Index of dissimilarity D: the share of the group that would have to move.

    ``D`` is the fraction of the group (equivalently of the others) that would
    have to move to another unit for every unit to have the city's composition.
    It is 0 when every unit has the city share ``P`` and 1 under complete
    separation.

    .. math:: D = \\frac{\\sum_i t_i\\,|p_i - P|}{2\\,T\\,P\\,(1-P)}

    Parameters
    ----------
    data
        Group counts per unit (list, ndarray, Series), or a DataFrame with one row
        per unit.
    total
        Unit totals (same length), or the name of the total column of ``data``.
    group
        With a DataFrame: the name of the group column.

    Returns
    -------
    float
        ``D`` in [0, 1].

    Raises
    ------
    ValueError
        On NaN, negative counts, a group count above its total, unequal lengths,
        or a city without group members (or with nobody outside the group); the
        message names the first bad unit. Empty units (total 0) contribute 0.

    References
    ----------
    Duncan, O. D. & Duncan, B. (1955). A methodological analysis of segregation
    indexes. *American Sociological Review* 20(2), 210-217. Massey, D. S. &
    Denton, N. A. (1988). The dimensions of residential segregation. *Social
    Forces* 67(2), 281-315. Same definition as PySAL ``segregation.singlegroup.Dissim``.

    Examples
    --------
    A toy city of four buurten of 100 households; 160 of the 400 have a low income:

    >>> round(dissimilarity([10, 20, 60, 70], [100, 100, 100, 100]), 6)
    0.520833
    >>> df = pd.DataFrame({"low_income": [10, 20, 60, 70], "households": [100] * 4})
    >>> round(dissimilarity(df, group="low_income", total="households"), 6)
    0.520833
    """
    return _two_group(data, total, group, "dissimilarity").dissimilarity()


def dissimilarity_between(a: ArrayLike, b: ArrayLike) -> float:
    r"""Dissimilarity D between two groups counted separately per unit.

    The form of Duncan & Duncan (1955) for two disjoint groups, such as low- and
    high-income households (the middle left out):

    .. math:: D = \tfrac12 \sum_i \left| \frac{a_i}{A} - \frac{b_i}{B} \right|

    It equals :func:`dissimilarity` of group ``a`` out of the unit totals ``a + b``,
    which is how it is computed, with the same checks.

    Examples
    --------
    >>> dissimilarity_between([10, 0], [0, 10])
    1.0
    >>> round(dissimilarity_between([60, 30, 10], [10, 30, 60]), 3)
    0.5
    """
    a_counts = _counts(a, "group a counts", "dissimilarity_between")
    b_counts = _counts(b, "group b counts", "dissimilarity_between")
    check_same_length(**{"group a counts": a_counts, "group b counts": b_counts})
    return dissimilarity(a_counts, a_counts + b_counts)


def isolation(data: ArrayLike | pd.DataFrame, total: ArrayLike | str | None = None,
              *, group: str | None = None) -> float:
    """Isolation index xPx: the group share in the unit of an average member.

    The probability that a randomly drawn member of the group meets, in their own
    unit, another member of the group. It lies between the city share ``P`` (no
    segregation) and 1 (complete separation), so it depends on the group's size.

    .. math:: {}_xP_x = \\sum_i \\frac{x_i}{X}\\,\\frac{x_i}{t_i}

    Parameters
    ----------
    data, total, group
        As in :func:`dissimilarity`.

    Returns
    -------
    float
        ``xPx`` in [P, 1]. Empty units contribute 0.

    References
    ----------
    Bell, W. (1954). A probability model for the measurement of ecological
    segregation. *Social Forces* 32(4), 357-364. Lieberson, S. (1981). An
    asymmetrical approach to segregation. Massey & Denton (1988), as above. Same
    definition as PySAL ``segregation.singlegroup.Isolation``.

    Examples
    --------
    >>> isolation([10, 20, 60, 70], [100, 100, 100, 100])
    0.5625
    """
    return _two_group(data, total, group, "isolation").isolation()


def exposure(data: ArrayLike | pd.DataFrame, total: ArrayLike | str | None = None,
             *, group: str | None = None) -> float:
    """Exposure (interaction) index xPy: the others' share in a member's unit.

    The probability that a randomly drawn member of the group meets, in their own
    unit, somebody outside the group. ``xPx + xPy = 1``.

    .. math:: {}_xP_y = \\sum_i \\frac{x_i}{X}\\,\\frac{t_i - x_i}{t_i}

    Parameters
    ----------
    data, total, group
        As in :func:`dissimilarity`.

    Returns
    -------
    float
        ``xPy`` in [0, 1 - P]. Empty units contribute 0.

    References
    ----------
    Bell (1954); Lieberson (1981); Massey & Denton (1988), as in :func:`isolation`.
    Same definition as PySAL ``segregation.singlegroup.Interaction``.

    Examples
    --------
    >>> exposure([10, 20, 60, 70], [100, 100, 100, 100])
    0.4375
    """
    return _two_group(data, total, group, "exposure").exposure()


#: Another name for :func:`exposure` (PySAL calls it ``Interaction``).
interaction = exposure


def correlation_ratio(data: ArrayLike | pd.DataFrame, total: ArrayLike | str | None = None,
                      *, group: str | None = None) -> float:
    """Correlation ratio eta² (V): isolation corrected for the group's size.

    .. math:: \\eta^2 = V = \\frac{{}_xP_x - P}{1 - P}

    It is 0 when every unit has the city share and 1 under complete separation.

    Parameters
    ----------
    data, total, group
        As in :func:`dissimilarity`.

    Returns
    -------
    float
        ``eta²`` in [0, 1]. Empty units contribute 0.

    References
    ----------
    Bell (1954), as in :func:`isolation`. White, M. J. (1986). Segregation and
    diversity measures in population distribution. *Population Index* 52(2),
    198-221. Same definition as PySAL ``segregation.singlegroup.CorrelationR``.

    Examples
    --------
    >>> round(correlation_ratio([10, 20, 60, 70], [100, 100, 100, 100]), 6)
    0.270833
    """
    return _two_group(data, total, group, "correlation_ratio").correlation_ratio()


def entropy_index(data: ArrayLike | pd.DataFrame, total: ArrayLike | str | None = None,
                  *, group: str | None = None) -> float:
    """Theil's information theory index H (two groups).

    How much less diverse the units are, on average, than the city. With the
    binary entropy ``E(q) = -q ln q - (1-q) ln(1-q)`` (``0 ln 0 = 0``), ``E = E(P)``
    and ``E_i = E(p_i)``:

    .. math:: H = \\sum_i \\frac{t_i\\,(E - E_i)}{E\\,T}

    Parameters
    ----------
    data, total, group
        As in :func:`dissimilarity`.

    Returns
    -------
    float
        ``H`` in [0, 1]. Empty units contribute 0.

    References
    ----------
    Theil, H. & Finizza, A. J. (1971). A note on the measurement of racial
    integration of schools by means of informational concepts. *Journal of
    Mathematical Sociology* 1(2), 187-193. Same definition as PySAL
    ``segregation.singlegroup.Entropy``.

    Examples
    --------
    >>> round(entropy_index([10, 20, 60, 70], [100, 100, 100, 100]), 6)
    0.216447
    >>> entropy_index([0, 0, 50, 50], [50, 50, 50, 50])  # complete separation
    1.0
    """
    return _two_group(data, total, group, "entropy_index").entropy_index()


def gini_segregation(data: ArrayLike | pd.DataFrame, total: ArrayLike | str | None = None,
                     *, group: str | None = None) -> float:
    """Segregation Gini: mean difference in group share between all pairs of units.

    .. math:: G = \\frac{\\sum_i \\sum_j t_i\\,t_j\\,|p_i - p_j|}{2\\,T^2\\,P\\,(1-P)}

    Computed in ``O(n log n)`` by sorting the units on ``p_i``, not over all pairs.

    Parameters
    ----------
    data, total, group
        As in :func:`dissimilarity`.

    Returns
    -------
    float
        ``G`` in [0, 1]; always at least ``D``. Empty units contribute 0.

    References
    ----------
    Duncan & Duncan (1955), as in :func:`dissimilarity`; Massey & Denton (1988).
    Same definition as PySAL ``segregation.singlegroup.Gini``.

    Examples
    --------
    >>> round(gini_segregation([10, 20, 60, 70], [100, 100, 100, 100]), 6)
    0.572917
    """
    return _two_group(data, total, group, "gini_segregation").gini()


def atkinson_segregation(data: ArrayLike | pd.DataFrame,
                         total: ArrayLike | str | None = None, *,
                         group: str | None = None, b: float = 0.5) -> float:
    """Atkinson segregation index with shape parameter ``b``.

    .. math:: A = 1 - \\frac{P}{1-P}\\,\\left|\\frac{1}{P\\,T}\\sum_i (1-p_i)^{1-b}\\,
              p_i^{\\,b}\\,t_i\\right|^{1/(1-b)}

    ``b`` weighs the two kinds of unevenness: below 0.5 units where the group is
    under-represented count more, above 0.5 units where it is over-represented.

    Parameters
    ----------
    data, total, group
        As in :func:`dissimilarity`.
    b
        Shape parameter, strictly between 0 and 1 (default 0.5, symmetric).

    Returns
    -------
    float
        ``A`` in [0, 1]. Empty units contribute 0.

    References
    ----------
    Atkinson, A. B. (1970). On the measurement of inequality. *Journal of
    Economic Theory* 2(3), 244-263; in the segregation form of Massey & Denton
    (1988). Same definition as PySAL ``segregation.singlegroup.Atkinson`` (whose
    class always uses ``b = 0.5``).

    Examples
    --------
    >>> round(atkinson_segregation([10, 20, 60, 70], [100, 100, 100, 100]), 6)
    0.2926
    >>> atkinson_segregation([10, 20], [100, 100], b=1)
    Traceback (most recent call last):
    ...
    ValueError: b (the Atkinson shape parameter) must lie in (0, 1); got 1.
    """
    b = _check_b(b)
    return _two_group(data, total, group, "atkinson_segregation").atkinson(b)


# --------------------------------------------------------------------------
# all two-group indices at once
# --------------------------------------------------------------------------

def summary(frame: pd.DataFrame, group_cols: str | Sequence[str], total_col: str,
            unit_col: str | None = None, year_col: str | None = None, *,
            b: float = 0.5) -> pd.DataFrame:
    """Every two-group index, for each group (and year), as a tidy long table.

    For each group column (each against everybody else in ``total_col``) and each
    year, compute :func:`dissimilarity`, :func:`isolation`, :func:`exposure`,
    :func:`correlation_ratio`, :func:`entropy_index`, :func:`gini_segregation`
    and :func:`atkinson_segregation`. The inputs are checked once per group and
    year, and every index is a vectorised pass over the units.

    Parameters
    ----------
    frame
        One row per unit (per year).
    group_cols
        One group column name or several.
    total_col
        The column with the unit totals.
    unit_col
        Optional column with unit codes: used in error messages, and checked to
        appear once per year.
    year_col
        Optional column with the year; indices are then computed per year.
    b
        Shape parameter of the Atkinson index.

    Returns
    -------
    pandas.DataFrame
        Columns ``year`` (only with ``year_col``), ``group``, ``index``, ``value``.

    Examples
    --------
    >>> df = pd.DataFrame({"buurt": ["A", "B", "C", "D"], "low": [10, 20, 60, 70],
    ...                    "households": [100] * 4})
    >>> table = summary(df, "low", "households", unit_col="buurt")
    >>> print(table.round(4).to_string(index=False))
    group                index  value
      low        dissimilarity 0.5208
      low            isolation 0.5625
      low             exposure 0.4375
      low    correlation_ratio 0.2708
      low        entropy_index 0.2164
      low     gini_segregation 0.5729
      low atkinson_segregation 0.2926
    """
    if not isinstance(frame, pd.DataFrame):
        raise ValueError("summary needs a DataFrame with one row per unit; "
                         f"got {type(frame).__name__}.")
    groups = [group_cols] if isinstance(group_cols, str) else list(group_cols)
    if not groups:
        raise ValueError("summary needs at least one group column in group_cols.")
    b = _check_b(b)
    for name, role in [(total_col, "total_col"), (unit_col, "unit_col"), (year_col, "year_col")]:
        if name is not None:
            _column(frame, name, role)
    if year_col is not None:
        if frame[year_col].isna().any():
            bad = frame[year_col].isna().to_numpy()
            labels = frame[unit_col].to_numpy() if unit_col is not None else frame.index
            raise ValueError(f"year column {year_col!r} is missing at "
                             f"{position_of(bad, bad, labels)}.")
        batches = list(frame.groupby(year_col, sort=True))
    else:
        batches = [(None, frame)]
    columns: dict[str, list] = {"year": [], "group": [], "index": [], "value": []}
    for year, part in batches:
        units = part[unit_col].to_numpy() if unit_col is not None else None
        if unit_col is not None:
            repeated = part[unit_col].duplicated().to_numpy()
            if repeated.any():
                where = f" in year {year!r}" if year is not None else ""
                raise ValueError(f"unit {units[repeated][0]!r} appears more than once{where}; "
                                 "give one row per unit (per year).")
        totals = None  # validated with the first group, shared by the others
        for g in groups:
            counts, _ = _two_group_labelled(part, total_col, g, "summary", units, totals)
            totals = counts.t
            # in the order of TWO_GROUP_INDICES: the methods the single functions call
            values = (counts.dissimilarity(), counts.isolation(), counts.exposure(),
                      counts.correlation_ratio(), counts.entropy_index(), counts.gini(),
                      counts.atkinson(b))
            columns["year"].extend([year] * len(values))
            columns["group"].extend([g] * len(values))
            columns["index"].extend(TWO_GROUP_INDICES)
            columns["value"].extend(values)
    if year_col is None:
        del columns["year"]
    return pd.DataFrame(columns)


# --------------------------------------------------------------------------
# multigroup indices
# --------------------------------------------------------------------------

def _multi_counts(data: Any, groups: Sequence[str] | None, measure: str, *,
                  allow_empty_groups: bool = False) -> np.ndarray:
    """Return a validated (units x groups) count matrix."""
    labels: list | None = None
    if isinstance(data, pd.DataFrame):
        cols = list(data.columns) if groups is None else list(groups)
        for c in cols:
            _column(data, c, "group")
        frame = data[cols]
        names = [str(c) for c in cols]
        labels = list(frame.index)
        raw = frame
    else:
        if groups is not None:
            raise ValueError(f"{measure}: groups names columns, so data must be a DataFrame.")
        raw = data
        names = None
    try:
        counts = np.asarray(raw, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{measure}: counts must contain numbers only ({exc}).") from None
    if counts.ndim != 2:
        raise ValueError(f"{measure} needs a table of counts (units x groups); got shape "
                         f"{counts.shape}.")
    n, k = counts.shape
    if n == 0:
        raise ValueError(f"{measure}: the table of counts has no units.")
    if k < 2:
        raise ValueError(f"{measure} needs at least two groups; got {k}.")
    names = names or [f"column {j}" for j in range(k)]
    for bad, what in [(np.isnan(counts), "NaN"), (np.isinf(counts), "an infinite value"),
                      (counts < 0, "a negative count")]:
        if bad.any():
            i, j = np.argwhere(bad)[0]
            unit = f"row {i} (label {labels[i]!r})" if labels is not None else f"row {i}"
            raise ValueError(f"{measure}: {what} at {unit}, group {names[j]}; counts must be "
                             "finite and non-negative.")
    group_totals = counts.sum(axis=0)
    if not group_totals.sum() > 0:
        raise ValueError(f"{measure} is undefined: the city has nobody in it.")
    empty = group_totals == 0
    if empty.any() and not allow_empty_groups:
        raise ValueError(f"{measure} is undefined: group {names[int(np.flatnonzero(empty)[0])]} "
                         "has no members in the city; drop it.")
    return counts


def _multigroup_bound(p: np.ndarray, t: np.ndarray) -> float | None:
    """0.0 if every unit with people has the same composition, 1.0 if each unit holds
    one group only, else None: the exact values a multigroup index takes there."""
    occupied = p[t > 0]
    if (occupied == occupied[0]).all():
        return 0.0
    if ((occupied == 0.0) | (occupied == 1.0)).all():
        return 1.0
    return None


def multigroup_dissimilarity(data: Any, groups: Sequence[str] | None = None) -> float:
    """Multigroup dissimilarity index D (Sakoda's generalised D).

    With ``p_ik`` the share of group ``k`` in unit ``i``, ``P_k`` its city share and
    ``I = sum_k P_k (1 - P_k)`` (the Simpson interaction of the city):

    .. math:: D = \\frac{1}{2\\,T\\,I}\\sum_i \\sum_k t_i\\,|p_{ik} - P_k|

    With two groups it equals :func:`dissimilarity`.

    Parameters
    ----------
    data
        A (units x groups) table of counts: a 2-D array or a DataFrame.
    groups
        With a DataFrame: the group columns (default: all columns). The groups
        should together make up each unit's total.

    Returns
    -------
    float
        ``D`` in [0, 1]. Empty units contribute 0.

    References
    ----------
    Sakoda, J. M. (1981). A generalized index of dissimilarity. *Demography* 18(2),
    245-250. Reardon, S. F. & Firebaugh, G. (2002). Measures of multigroup
    segregation. *Sociological Methodology* 32, 33-67. Same definition as PySAL
    ``segregation.multigroup.MultiDissim``.

    Examples
    --------
    >>> counts = [[10, 90], [20, 80], [60, 40], [70, 30]]
    >>> round(multigroup_dissimilarity(counts), 6)  # two groups: same as D
    0.520833
    """
    c = _multi_counts(data, groups, "multigroup_dissimilarity")
    T = c.sum()
    t = c.sum(axis=1)
    P = c.sum(axis=0) / T
    p = np.zeros_like(c)
    np.divide(c, t[:, None], out=p, where=t[:, None] > 0)
    bound = _multigroup_bound(p, t)
    if bound is not None:
        return bound
    simpson = (P * (1.0 - P)).sum()
    d = float((t[:, None] * np.abs(p - P)).sum() / (2.0 * T * simpson))
    return _clip(d, 0.0, 1.0)  # sum_ik t_i |p_ik - P_k| is at most 2 T I


def multigroup_information(data: Any, groups: Sequence[str] | None = None) -> float:
    """Multigroup information theory index H (Theil's H for several groups).

    With the city entropy ``E = sum_k P_k ln(1/P_k)``:

    .. math:: H = \\frac{1}{T\\,E}\\sum_i \\sum_k t_i\\,p_{ik}\\,\\ln\\frac{p_{ik}}{P_k}
              = 1 - \\sum_i \\frac{t_i\\,E_i}{T\\,E}

    With two groups it equals :func:`entropy_index`.

    Parameters
    ----------
    data, groups
        As in :func:`multigroup_dissimilarity`.

    Returns
    -------
    float
        ``H`` in [0, 1]. Empty units contribute 0.

    References
    ----------
    Reardon, S. F. & Firebaugh, G. (2002). Measures of multigroup segregation.
    *Sociological Methodology* 32, 33-67. Same definition as PySAL
    ``segregation.multigroup.MultiInfoTheory``.

    Examples
    --------
    >>> counts = [[10, 90], [20, 80], [60, 40], [70, 30]]
    >>> round(multigroup_information(counts), 6)
    0.216447
    >>> multigroup_information([[5, 0, 0], [0, 5, 0], [0, 0, 5]])
    1.0
    """
    c = _multi_counts(data, groups, "multigroup_information")
    T = c.sum()
    t = c.sum(axis=1)
    P = c.sum(axis=0) / T
    E = float(-(P * np.log(P)).sum())
    p = np.zeros_like(c)
    np.divide(c, t[:, None], out=p, where=t[:, None] > 0)
    bound = _multigroup_bound(p, t)
    if bound is not None:
        return bound
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(c > 0, c * np.log(np.where(p > 0, p, 1.0) / P), 0.0)
    return _clip(float(terms.sum() / (T * E)), 0.0, 1.0)  # = 1 - mean(E_i) / E, E_i >= 0


# --------------------------------------------------------------------------
# income across the whole distribution
# --------------------------------------------------------------------------

def _ordered_counts(data: Any, categories: Sequence[str] | None, measure: str
                    ) -> tuple[np.ndarray, list[str]]:
    counts = _multi_counts(data, categories, measure, allow_empty_groups=True)
    if isinstance(data, pd.DataFrame):
        names = [str(c) for c in (data.columns if categories is None else categories)]
    else:
        names = [str(j) for j in range(counts.shape[1])]
    return counts, names


def _threshold_profile(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Cumulative shares ``p_k`` and binary ``H(p_k)`` at every category boundary."""
    below = np.cumsum(counts, axis=1)[:, :-1]     # units x (K-1)
    t = counts.sum(axis=1)
    T = t.sum()
    p = below.sum(axis=0) / T
    unit_p = np.zeros_like(below)
    np.divide(below, t[:, None], out=unit_p, where=t[:, None] > 0)
    E = _binary_entropy(p)
    within = (t[:, None] * _binary_entropy(unit_p)).sum(axis=0) / T
    H = np.full_like(p, np.nan)
    ok = E > 0
    # within / E lies in [0, 1] (entropy is concave); rounding can take it across 1
    H[ok] = np.clip(1.0 - within[ok] / E[ok], 0.0, 1.0)
    occupied = unit_p[t > 0]
    H[ok & (occupied == occupied[0]).all(axis=0)] = 0.0  # same split in every unit
    return p, H


def segregation_profile(data: Any, thresholds: Sequence[Any] | None = None, *,
                        categories: Sequence[str] | None = None) -> pd.DataFrame:
    """Segregation between those below and above each income threshold.

    For the ordered categories (lowest income first), each boundary after
    category ``k`` splits the city into the share ``p_k`` at or below it and the
    rest. ``H(p_k)`` is the two-group information theory index
    (:func:`entropy_index`) of that split. Plotting ``H`` against ``p`` shows
    *where* in the distribution segregation happens: the poorest 10 % and the
    richest few percent can live apart while the middle mixes.

    Parameters
    ----------
    data
        A (units x ordered categories) table of counts, lowest category first: a
        2-D array or a DataFrame.
    thresholds
        The categories after which to split (column names for a DataFrame,
        positions for an array). Default: after every category but the last.
    categories
        With a DataFrame: the ordered category columns (default: all columns).

    Returns
    -------
    pandas.DataFrame
        Columns ``split_after`` (the last category in the lower group), ``p`` (the
        city share at or below the split) and ``H``. A split with nobody below or
        nobody above (an empty end category) has ``H`` = NaN.

    References
    ----------
    Reardon, S. F. (2011). Measures of income segregation. CEPA Working Paper,
    Stanford. Reardon, S. F. & Bischoff, K. (2011). Income inequality and income
    segregation. *American Journal of Sociology* 116(4), 1092-1153.

    Examples
    --------
    Three buurten, three income bands (low, middle, high): the low band lives
    apart (H = 1 at the bottom split), the middle and high bands mix, so the top
    split separates much less.

    >>> counts = pd.DataFrame({"low": [50, 0, 0], "middle": [0, 40, 40],
    ...                        "high": [0, 10, 10]})
    >>> segregation_profile(counts).round(3)
      split_after      p     H
    0         low  0.333  1.00
    1      middle  0.867  0.15
    """
    counts, names = _ordered_counts(data, categories, "segregation_profile")
    p, H = _threshold_profile(counts)
    table = pd.DataFrame({"split_after": names[:-1], "p": p, "H": H})
    if thresholds is None:
        return table
    wanted = []
    for th in thresholds:
        key = str(th)
        if key not in names[:-1]:
            raise ValueError(
                f"segregation_profile: threshold {th!r} is not a category to split after; "
                f"choose from {names[:-1]} (a split after the last category is empty)."
            )
        wanted.append(names.index(key))
    return table.iloc[wanted].reset_index(drop=True)


def _delta(m: int) -> float:
    """``2 * integral_0^1 E(p) p^m dp`` with natural-log binary entropy ``E``.

    ``int -p^(m+1) ln p = 1/(m+2)^2`` and, by the Beta-function identity
    ``int -q ln q (1-q)^m dq = B(2, m+1) (psi(m+3) - psi(2))``, the second part is
    ``(H_{m+2} - 1) / ((m+1)(m+2))`` with ``H_n`` the n-th harmonic number.
    """
    harmonic = sum(1.0 / j for j in range(1, m + 3))
    return 2.0 * (1.0 / (m + 2) ** 2 + (harmonic - 1.0) / ((m + 1) * (m + 2)))


def rank_order_information(data: Any, categories: Sequence[str] | None = None, *,
                           order: int = 4) -> float:
    """Rank-order information theory index H^R: income segregation across all ranks.

    ``H^R`` averages the threshold profile ``H(p)`` of :func:`segregation_profile`
    over all percentiles ``p``, weighting each by the binary entropy
    ``E(p) = -p ln p - (1-p) ln(1-p)`` (splits near the median count most):

    .. math:: H^R = 2 \\int_0^1 E(p)\\,H(p)\\,dp

    (``2 = 1 / int E``; in base-2 logarithms Reardon writes ``2 ln 2``). As
    ``H(p)`` is observed only at the category boundaries ``p_k``, Reardon (2011)
    fits a polynomial ``H(p) = sum_m beta_m p^m`` of order 4 by weighted least
    squares, with weights ``E(p_k)^2``, and integrates it in closed form:

    .. math:: H^R = \\sum_m \\delta_m \\beta_m, \\quad
              \\delta_m = 2\\int_0^1 E(p)\\,p^m\\,dp
              = \\frac{2}{(m+2)^2} + \\frac{2\\,(\\mathcal{H}_{m+2} - 1)}{(m+1)(m+2)}

    with ``\\mathcal{H}_n = 1 + 1/2 + ... + 1/n``. For ``m = 0..4``:
    ``delta = 1, 1/2, 11/36, 5/24, 137/900`` (Reardon 2011, appendix). Boundaries
    with nobody below or above them are skipped. With fewer than ``order + 1``
    distinct boundaries the order is lowered to fit them exactly.

    Parameters
    ----------
    data
        A (units x ordered categories) table of counts, lowest income first.
    categories
        With a DataFrame: the ordered category columns (default: all columns).
    order
        Order of the fitted polynomial (default 4, as Reardon).

    Returns
    -------
    float
        ``H^R``: 0 when every unit has the city's income distribution, 1 when no
        two income categories share a unit.

    References
    ----------
    Reardon, S. F. (2011). Measures of income segregation. CEPA Working Paper,
    Stanford University. Reardon, S. F. & Bischoff, K. (2011). Income inequality
    and income segregation. *American Journal of Sociology* 116(4), 1092-1153.

    Examples
    --------
    >>> rank_order_information([[10, 20, 30], [10, 20, 30]])  # no segregation
    0.0
    >>> rank_order_information([[10, 0, 0], [0, 20, 0], [0, 0, 30]])  # each its own
    1.0
    """
    if not isinstance(order, (int, np.integer)) or isinstance(order, bool) or order < 0:
        raise ValueError(f"order must be a non-negative integer; got {order!r}.")
    counts, _ = _ordered_counts(data, categories, "rank_order_information")
    if counts.shape[1] < 2:  # pragma: no cover - _multi_counts already refuses this
        raise ValueError("rank_order_information needs at least two income categories.")
    p, H = _threshold_profile(counts)
    ok = np.isfinite(H)
    p, H = p[ok], H[ok]
    if p.size == 0:
        raise ValueError("rank_order_information is undefined: nobody is on one side of "
                         "every threshold (all people are in one category).")
    fit_order = int(min(order, np.unique(p).size - 1))
    weights = _binary_entropy(p)
    # weighted least squares: scale rows by sqrt(weight) = E(p_k)
    design = np.vander(p, fit_order + 1, increasing=True)
    beta, *_ = np.linalg.lstsq(design * weights[:, None], H * weights, rcond=None)
    deltas = np.array([_delta(m) for m in range(fit_order + 1)])
    # H^R averages H(p), which lies in [0, 1]; the fitted polynomial can leave that
    # interval between or beyond the observed thresholds, so the estimate is kept in it.
    return _clip(float(np.round(deltas @ beta, 12)), 0.0, 1.0)


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
    counts, labels = _two_group_labelled(data, total, group, "spatial_dissimilarity")
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
        _column(frame, k, "by")
        bad = frame[k].isna().to_numpy()
        if bad.any():
            raise ValueError(f"aggregate: column {k!r} (by) is missing at "
                             f"{position_of(bad, bad, labels)}; every unit needs a coarser unit.")
    for c in cols:
        _column(frame, c, "count column")
        as_values(frame[c], f"count column {c!r}", measure="aggregate", allow_negative=False)
    if hasattr(frame, "dissolve") and hasattr(frame, "geometry"):
        out = frame[keys + cols + [frame.geometry.name]].dissolve(by=keys, aggfunc="sum")
        return out.reset_index()
    return frame.groupby(keys, sort=True)[cols].sum().reset_index()
