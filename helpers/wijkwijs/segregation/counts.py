"""Validated counts for the segregation indices, and what the two-group indices share.

Internal to :mod:`wijkwijs.segregation`: the input checks every index runs (each bad
input raises a ``ValueError`` naming the unit), and :class:`TwoGroupCounts`, whose
methods are the one implementation of each two-group index. Learners call the
functions of :mod:`wijkwijs.segregation`, not these.
"""

from __future__ import annotations

import math
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from wijkwijs._validate import as_values, check_same_length, position_of

# --------------------------------------------------------------------------
# input handling
# --------------------------------------------------------------------------

def column(frame: pd.DataFrame, name: Any, role: str) -> pd.Series:
    """Column ``name`` of ``frame``, or a ``ValueError`` naming its ``role`` and the columns.

    >>> column(pd.DataFrame({"low": [1, 2]}), "low", "group").tolist()
    [1, 2]
    """
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


def _index_of(x: Any) -> Any:
    """The pandas index of a Series (kept lazy: only read when reporting an error)."""
    if isinstance(x, (list, tuple, np.ndarray)):
        return None
    index = getattr(x, "index", None)
    return index if index is not None and not callable(index) else None


def unit_counts(raw: Any, name: str, measure: str, unit_labels: Any = None) -> np.ndarray:
    """Counts of people per unit as a float array, checked by ``as_values``.

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


def two_group_counts(data: Any, total: Any, group: Any, measure: str,
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
        x_raw = column(data, group, "group")
        t_raw = column(data, total, "total")
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
    x = unit_counts(x_raw, x_name, measure, unit_labels)
    t = unit_counts(t_raw, t_name, measure, unit_labels) if totals is None else totals
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
    if not 0.0 < X / T < 1.0:  # every index divides by P (1 - P)
        raise ValueError(
            f"{measure}: the city share of {what}, {X:g} / {T:g}, rounds to "
            f"{X / T:g} in floating point, and the index divides by P (1 - P); "
            "give the counts in a unit that makes them less extreme."
        )


def _shares(x: np.ndarray, t: np.ndarray) -> np.ndarray:
    """``x / t`` with 0 for empty units (they carry zero weight anyway)."""
    out = np.zeros_like(x)
    np.divide(x, t, out=out, where=t > 0)
    return out


def binary_entropy(p: np.ndarray | float) -> np.ndarray:
    """``E(p) = -p ln p - (1-p) ln(1-p)`` with ``0 ln 0 = 0``.

    >>> binary_entropy([0.0, 0.5, 1.0]).round(4).tolist()
    [0.0, 0.6931, 0.0]
    """
    p = np.asarray(p, dtype=float)
    q = 1.0 - p
    with np.errstate(divide="ignore", invalid="ignore"):
        a = np.where(p > 0, -p * np.log(np.where(p > 0, p, 1.0)), 0.0)
        b = np.where(q > 0, -q * np.log(np.where(q > 0, q, 1.0)), 0.0)
    return a + b


# --------------------------------------------------------------------------
# the one implementation of each two-group index
# --------------------------------------------------------------------------

def clip(value: float, low: float, high: float) -> float:
    """``value`` moved into ``[low, high]``, for bounds that hold in exact arithmetic.

    Sums of many terms that cancel in exact arithmetic can land a few units in the
    last place outside an index's range (``D = 1.0000000000000002`` for a fully
    separated city); the formulas themselves never leave it. ``-0.0`` becomes ``0.0``.

    >>> clip(1.0000000000000002, 0.0, 1.0), clip(-0.0, 0.0, 1.0)
    (1.0, 0.0)
    """
    if value <= low:
        return low + 0.0
    return high if value > high else value


class TwoGroupCounts:
    """Validated counts of one group in every unit, and what its indices share.

    Every two-group index is a method here, so ``summary`` and the single-index
    functions of :mod:`wijkwijs.segregation.twogroup` run the same code. The unit
    shares ``p``, their entropies and the isolation index are computed once per
    instance (when first needed), however many indices are asked for. Internal: the
    public functions build it from validated input; it is not part of the API.

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
        """``E(p_i) = -p_i ln p_i - q_i ln q_i``, ``0 ln 0 = 0`` (as :func:`binary_entropy`)."""
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
        return clip(float((self.x * self.p).sum() / self.X), self.P, 1.0)

    def dissimilarity(self) -> float:
        """D; see :func:`dissimilarity`."""
        if self.even or self.separated:
            return 0.0 if self.even else 1.0
        P, T = self.P, self.T
        d = float((self.t * np.abs(self.p - P)).sum() / (2.0 * T * P * (1.0 - P)))
        return clip(d, 0.0, 1.0)  # sum_i t_i |p_i - P| is at most 2 T P (1 - P)

    def isolation(self) -> float:
        """xPx; see :func:`isolation`."""
        return self._isolation

    def exposure(self) -> float:
        """xPy; see :func:`exposure`."""
        if self.even or self.separated:
            return 1.0 - self.P if self.even else 0.0
        # xPy = 1 - xPx, so it lies in [0, 1 - P]
        return clip(float((self.x * self.q).sum() / self.X), 0.0, 1.0 - self.P)

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
        return clip(h, 0.0, 1.0)  # 0 <= E_i and their weighted mean <= E (concavity)

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
        return clip(float(pair_sum / (T * T * P * (1.0 - P))), 0.0, 1.0)

    def atkinson(self, b: float) -> float:
        """The Atkinson index with shape ``b``; see :func:`atkinson_segregation`."""
        if self.even or self.separated:
            return 0.0 if self.even else 1.0
        P, T = self.P, self.T
        inner = (self.q ** (1.0 - b) * self.p ** b * self.t).sum() / (P * T)
        a = float(1.0 - P / (1.0 - P) * abs(inner) ** (1.0 / (1.0 - b)))
        return clip(a, 0.0, 1.0)  # a power mean of p_i and q_i lies in [0, (1-P)/P]
