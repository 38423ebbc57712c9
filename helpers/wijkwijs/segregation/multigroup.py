"""Multigroup segregation indices, and income segregation across the whole distribution.

A (units x groups) table of counts: several groups at once
(:func:`multigroup_dissimilarity`, :func:`multigroup_information`, as PySAL
``segregation.multigroup``), or ordered income categories, lowest first
(:func:`segregation_profile`, :func:`rank_order_information`, after Reardon 2011).
Import them from :mod:`wijkwijs.segregation`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from wijkwijs.segregation.counts import binary_entropy, clip, column

# --------------------------------------------------------------------------
# multigroup indices
# --------------------------------------------------------------------------

def _multiunit_counts(data: Any, groups: Sequence[str] | None, measure: str, *,
                  allow_empty_groups: bool = False) -> np.ndarray:
    """Return a validated (units x groups) count matrix."""
    labels: list | None = None
    if isinstance(data, pd.DataFrame):
        cols = list(data.columns) if groups is None else list(groups)
        for c in cols:
            column(data, c, "group")
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
    vanishing = ~empty & (group_totals / group_totals.sum() == 0)
    if vanishing.any():  # the indices divide by (or take the log of) each city share
        j = int(np.flatnonzero(vanishing)[0])
        raise ValueError(f"{measure}: the city share of group {names[j]} rounds to 0 in "
                         "floating point; give the counts in a unit that makes them less "
                         "extreme.")
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
    c = _multiunit_counts(data, groups, "multigroup_dissimilarity")
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
    return clip(d, 0.0, 1.0)  # sum_ik t_i |p_ik - P_k| is at most 2 T I


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
    c = _multiunit_counts(data, groups, "multigroup_information")
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
    return clip(float(terms.sum() / (T * E)), 0.0, 1.0)  # = 1 - mean(E_i) / E, E_i >= 0


# --------------------------------------------------------------------------
# income across the whole distribution
# --------------------------------------------------------------------------

def _orderedunit_counts(data: Any, categories: Sequence[str] | None, measure: str
                    ) -> tuple[np.ndarray, list[str]]:
    counts = _multiunit_counts(data, categories, measure, allow_empty_groups=True)
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
    E = binary_entropy(p)
    within = (t[:, None] * binary_entropy(unit_p)).sum(axis=0) / T
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
    counts, names = _orderedunit_counts(data, categories, "segregation_profile")
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
    counts, _ = _orderedunit_counts(data, categories, "rank_order_information")
    if counts.shape[1] < 2:  # pragma: no cover - _multi_counts already refuses this
        raise ValueError("rank_order_information needs at least two income categories.")
    p, H = _threshold_profile(counts)
    ok = np.isfinite(H)
    p, H = p[ok], H[ok]
    if p.size == 0:
        raise ValueError("rank_order_information is undefined: nobody is on one side of "
                         "every threshold (all people are in one category).")
    fit_order = int(min(order, np.unique(p).size - 1))
    weights = binary_entropy(p)
    # weighted least squares: scale rows by sqrt(weight) = E(p_k)
    design = np.vander(p, fit_order + 1, increasing=True)
    beta, *_ = np.linalg.lstsq(design * weights[:, None], H * weights, rcond=None)
    deltas = np.array([_delta(m) for m in range(fit_order + 1)])
    # H^R averages H(p), which lies in [0, 1]; the fitted polynomial can leave that
    # interval between or beyond the observed thresholds, so the estimate is kept in it.
    return clip(float(np.round(deltas @ beta, 12)), 0.0, 1.0)
