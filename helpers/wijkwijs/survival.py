r"""Survival analysis: how long organisations (or anything else) last, with censoring.

The **Kaplan–Meier** (product-limit) estimator of the survival function
:math:`S(t) = P(T > t)`, with Greenwood's standard error and a 95 % confidence
interval on the log-log scale, the median lifetime, and one table per group.

A lifetime is *censored* when the end has not been seen: an organisation still open
in the last data year is known to have lasted *at least* until then. Leaving those
out, or counting them as closed, biases the estimate; the product-limit estimator
uses them for as long as they were observed.

Conventions
-----------
* **Ties.** All events at the same time are handled together: :math:`d_j` events at
  :math:`t_j` give the factor :math:`1 - d_j / n_j`.
* **Censoring at an event time.** An observation censored at :math:`t_j` is still at
  risk at :math:`t_j`: events are taken to come first, censoring just after (Kaplan &
  Meier 1958, the usual convention, also that of ``lifelines`` and R's ``survival``).
* **Delayed entry** (left truncation, optional ``entry``): an observation is at risk
  at :math:`t` when :math:`\text{entry} < t \le \text{duration}`. Use it when units
  are only seen from some age on (organisations founded long before the data start).
* **Weights** (optional) count an observation as that many units (frequency or
  survey weights); at-risk, event and censored numbers are then weighted sums.

Sources: Kaplan, E. L. & Meier, P. (1958). Nonparametric estimation from incomplete
observations. *Journal of the American Statistical Association* 53(282), 457–481.
Greenwood, M. (1926). *The natural duration of cancer.* Reports on Public Health and
Medical Subjects 33, HMSO, London. Kalbfleisch, J. D. & Prentice, R. L. (2002).
*The Statistical Analysis of Failure Time Data* (2nd ed.), Wiley — the log-log
interval (§1.3, eq. 1.13). Brookmeyer, R. & Crowley, J. (1982). A confidence interval
for the median survival time. *Biometrics* 38(1), 29–41.

Examples
--------
>>> table = kaplan_meier([2, 3, 3, 5, 6], [1, 1, 0, 1, 0])
>>> table[["time", "at_risk", "events", "censored", "survival"]]
   time  at_risk  events  censored  survival
0   0.0      5.0     0.0       0.0      1.00
1   2.0      5.0     1.0       0.0      0.80
2   3.0      4.0     1.0       1.0      0.60
3   5.0      2.0     1.0       0.0      0.30
4   6.0      1.0     0.0       1.0      0.30
>>> median_survival([2, 3, 3, 5, 6], [1, 1, 0, 1, 0])
5.0
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import numpy as np
import pandas as pd

from wijkwijs._validate import ArrayLike, as_values, as_weights, check_same_length, position_of

__all__ = ["KM_COLUMNS", "kaplan_meier", "median_survival", "survival_by_group"]

#: The columns of :func:`kaplan_meier`, in order.
KM_COLUMNS: tuple[str, ...] = ("time", "at_risk", "events", "censored", "survival",
                               "std_error", "ci_lower", "ci_upper")

_Z95 = 1.959963984540054  # the 97.5 % point of the standard normal


def as_observed(observed: ArrayLike, n: int, name: str = "observed") -> np.ndarray:
    """Return the event indicator as a boolean array, refusing anything not 0/1-like.

    Accepts booleans, 0/1 numbers and pandas' nullable booleans without missing
    values; a NaN, an NA or another number raises a ``ValueError``.

    >>> as_observed([1, 0, True], 3).tolist()
    [True, False, True]
    >>> as_observed([1, 2], 2)
    Traceback (most recent call last):
    ...
    ValueError: observed must be boolean-like (True/False or 1/0); found 2 at position 1.
    """
    if observed is None:
        return np.ones(n, dtype=bool)
    series = pd.Series(observed) if not isinstance(observed, pd.Series) else observed
    if series.isna().any():
        where = position_of(series.to_numpy(), series.isna().to_numpy())
        raise ValueError(f"{name} contains a missing value at {where}; every observation "
                         "needs True (event seen) or False (censored).")
    if len(series) != n:
        raise ValueError(f"lengths differ: durations has {n} elements, {name} has "
                         f"{len(series)}.")
    values = series.to_numpy(dtype=object)
    ok = np.array([isinstance(v, (bool, np.bool_)) or
                   (isinstance(v, (int, float, np.integer, np.floating)) and v in (0, 1))
                   for v in values], dtype=bool)
    if not ok.all():
        where = position_of(values, ~ok)
        raise ValueError(f"{name} must be boolean-like (True/False or 1/0); found "
                         f"{values[~ok][0]!r} at {where}.")
    return values.astype(bool)


def kaplan_meier(durations: ArrayLike, observed: ArrayLike | None = None, *,
                 weights: ArrayLike | None = None,
                 entry: ArrayLike | None = None) -> pd.DataFrame:
    r"""The Kaplan–Meier survival table, with Greenwood errors and a log-log 95 % interval.

    At each distinct time :math:`t_j` with :math:`n_j` units at risk, :math:`d_j`
    events and :math:`c_j` censored,

    .. math::

        \hat S(t) = \prod_{t_j \le t} \left(1 - \frac{d_j}{n_j}\right), \qquad
        \widehat{\operatorname{Var}}\,\hat S(t) = \hat S(t)^2
            \sum_{t_j \le t} \frac{d_j}{n_j (n_j - d_j)}

    (Greenwood 1926). The 95 % interval is computed on the log-log scale, which keeps
    it inside [0, 1] (Kalbfleisch & Prentice 2002):

    .. math::

        \hat S(t)^{\exp(\pm z\, \sigma(t))}, \qquad
        \sigma(t)^2 = \frac{\sum_{t_j \le t} d_j / (n_j (n_j - d_j))}
                           {\left(\log \hat S(t)\right)^2},\quad z = 1.96,

    the ``+`` giving the lower bound. Where :math:`\hat S(t)` is 1 (no event yet) or 0
    (the last unit at risk had the event) the interval is that point (and NaN when
    :math:`\hat S = 0`, where the log-log transform is undefined); the standard error is 0.

    Parameters
    ----------
    durations
        Time to the event or to censoring, one per unit, non-negative.
    observed
        True (or 1) when the event was seen, False (or 0) when the unit was censored;
        ``None`` means every event was seen.
    weights
        Optional non-negative weights (a unit counts as that many).
    entry
        Optional delayed entry times (left truncation), ``0 <= entry < duration``.

    Returns
    -------
    pandas.DataFrame
        One row per distinct time, starting with a row at time 0 (or at the earliest
        entry) where survival is 1: ``time``, ``at_risk`` (:math:`n_j`, just before
        :math:`t_j`), ``events`` (:math:`d_j`), ``censored`` (:math:`c_j`), ``survival``
        (:math:`\hat S(t_j)`, valid on :math:`[t_j, t_{j+1})`), ``std_error``
        (Greenwood), ``ci_lower`` and ``ci_upper`` (log-log, 95 %).

    Raises
    ------
    ValueError
        On negative, NaN or infinite durations, an ``observed`` that is not
        boolean-like, lengths that differ, bad weights, or an entry not before its
        duration.

    Examples
    --------
    A textbook case (written out in ``tests/test_survival.py``): two units at risk
    just before time 5, one has the event, so survival halves from 0.6 to 0.3.

    >>> t = kaplan_meier([2, 3, 3, 5, 6], [True, True, False, True, False])
    >>> t["survival"].round(2).tolist()
    [1.0, 0.8, 0.6, 0.3, 0.3]
    >>> t["std_error"].round(4).tolist()
    [0.0, 0.1789, 0.2191, 0.2387, 0.2387]
    >>> kaplan_meier([1, -2])
    Traceback (most recent call last):
    ...
    ValueError: kaplan_meier is undefined for negative durations: found -2 at position 1.
    """
    t = as_values(durations, "durations", measure="kaplan_meier", allow_negative=False)
    n = t.size
    d_obs = as_observed(observed, n)
    if weights is not None:
        w = np.asarray(weights, dtype=float) if not isinstance(weights, pd.Series) else weights
        if np.size(w) != n:
            raise ValueError(f"lengths differ: durations has {n} elements, weights has "
                             f"{np.size(w)}.")
    w = as_weights(weights, n)
    if entry is None:
        e = np.zeros(n)
        start = 0.0
    else:
        e = as_values(entry, "entry", measure="kaplan_meier", allow_negative=False)
        check_same_length(durations=t, entry=e)
        bad = e >= t
        if bad.any():
            raise ValueError(f"entry must be before the duration: entry {e[bad][0]:g} >= "
                             f"duration {t[bad][0]:g} at {position_of(e, bad)}.")
        start = float(e.min())

    times = np.unique(t)
    # events and censored at each distinct time (weighted counts)
    idx = np.searchsorted(times, t)
    events = np.bincount(idx, weights=w * d_obs, minlength=times.size)
    censored = np.bincount(idx, weights=w * ~d_obs, minlength=times.size)
    # at risk just before t_j: duration >= t_j and entry < t_j
    w_sorted_t = np.bincount(idx, weights=w, minlength=times.size)
    leaving_from = np.cumsum(w_sorted_t[::-1])[::-1]          # sum of w with duration >= t_j
    if entry is None:  # everyone is at risk from the start, time 0 included
        entered = np.full(times.size, w.sum())
    else:
        order_e = np.argsort(e, kind="stable")
        cum_e = np.concatenate([[0.0], np.cumsum(w[order_e])])
        entered = cum_e[np.searchsorted(e[order_e], times, side="left")]  # entry < t_j
    at_risk = leaving_from - (w.sum() - entered)
    at_risk = np.where(at_risk < 1e-12 * w.sum(), 0.0, at_risk)

    with np.errstate(divide="ignore", invalid="ignore"):
        factor = np.where(at_risk > 0, 1.0 - events / at_risk, 1.0)
        survival = np.cumprod(factor)
        survival = np.where(np.abs(survival) < 1e-15, 0.0, survival)
        terms = np.where((at_risk > 0) & (events > 0),
                         events / (at_risk * (at_risk - events)), 0.0)
        greenwood = np.cumsum(terms)  # inf once survival reaches 0
        std_error = np.where(survival > 0, survival * np.sqrt(greenwood), 0.0)
        log_s = np.log(survival)
        sigma = np.sqrt(greenwood) / np.abs(log_s)
        lower = survival ** np.exp(_Z95 * sigma)
        upper = survival ** np.exp(-_Z95 * sigma)
    point = survival >= 1.0
    lower = np.where(point, 1.0, lower)
    upper = np.where(point, 1.0, upper)
    zero = survival <= 0.0
    lower = np.where(zero, np.nan, lower)
    upper = np.where(zero, np.nan, upper)

    table = pd.DataFrame({"time": times, "at_risk": at_risk, "events": events,
                          "censored": censored, "survival": survival,
                          "std_error": std_error, "ci_lower": lower, "ci_upper": upper})
    if times[0] > start:
        first = pd.DataFrame({"time": [start], "at_risk": [at_risk[0]], "events": [0.0],
                              "censored": [0.0], "survival": [1.0], "std_error": [0.0],
                              "ci_lower": [1.0], "ci_upper": [1.0]})
        if entry is not None:
            first["at_risk"] = float(w[e <= start].sum())
        table = pd.concat([first, table], ignore_index=True)
    return table


def median_survival(durations: ArrayLike, observed: ArrayLike | None = None, *,
                    weights: ArrayLike | None = None,
                    entry: ArrayLike | None = None) -> float:
    r"""The median lifetime: the first time at which the Kaplan–Meier survival is ≤ 1/2.

    .. math:: \hat t_{0.5} = \min\{t : \hat S(t) \le 0.5\}

    (the usual definition, Brookmeyer & Crowley 1982). Where :math:`\hat S` sits exactly
    at 1/2 on an interval, R's ``survival`` takes the interval's midpoint and
    ``lifelines`` may take its end (rounding); this function takes its start. It is ``inf`` when
    survival never falls to one half, for example when most units are censored: the
    median is then longer than the data can show.

    Parameters
    ----------
    durations, observed, weights, entry
        As for :func:`kaplan_meier`.

    Examples
    --------
    >>> median_survival([1, 2, 3, 4])
    2.0
    >>> median_survival([1, 2, 3, 4], [1, 0, 0, 0])
    inf
    """
    table = kaplan_meier(durations, observed, weights=weights, entry=entry)
    return median_of_table(table)


def median_of_table(table: pd.DataFrame) -> float:
    """The median lifetime read from a :func:`kaplan_meier` table (``inf`` if not reached).

    >>> median_of_table(kaplan_meier([3, 5, 7]))
    5.0
    """
    below = table["survival"].to_numpy() <= 0.5 + 1e-12
    if not below.any():
        return float("inf")
    return float(table["time"].to_numpy()[np.argmax(below)])


def survival_by_group(frame: pd.DataFrame, duration: str, observed: str, group: str, *,
                      weights: str | None = None, entry: str | None = None,
                      groups: tuple[Hashable, ...] | list[Hashable] | None = None
                      ) -> pd.DataFrame:
    """Kaplan–Meier tables for each group, stacked, with the group as the first column.

    Parameters
    ----------
    frame
        One row per unit.
    duration, observed, group
        Column names: the duration, the event indicator (True/1 = event seen) and the
        grouping.
    weights, entry
        Optional column names of weights and delayed-entry times.
    groups
        The groups to report, in this order (default: the categories of a categorical
        column, else the sorted distinct values). A group without rows gives no rows
        in the table (there is nothing to estimate); a group whose units are all
        censored gives survival 1 throughout.

    Returns
    -------
    pandas.DataFrame
        ``group`` and the columns of :func:`kaplan_meier`; ``attrs["median"]`` maps
        each group to its median lifetime (NaN for an empty group, ``inf`` when not
        reached).

    Examples
    --------
    >>> df = pd.DataFrame({"years": [2, 4, 4, 6], "closed": [1, 1, 0, 0],
    ...                    "funding": ["a", "a", "b", "b"]})
    >>> out = survival_by_group(df, "years", "closed", "funding")
    >>> out[["funding", "time", "survival"]]
      funding  time  survival
    0       a   0.0       1.0
    1       a   2.0       0.5
    2       a   4.0       0.0
    3       b   0.0       1.0
    4       b   4.0       1.0
    5       b   6.0       1.0
    >>> out.attrs["median"]
    {'a': 2.0, 'b': inf}
    """
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"frame must be a pandas DataFrame; got {type(frame).__name__}.")
    for role, col in (("duration", duration), ("observed", observed), ("group", group),
                      ("weights", weights), ("entry", entry)):
        if col is not None and col not in frame.columns:
            raise ValueError(f"{role} column {col!r} is not in the frame; columns: "
                             f"{list(frame.columns)}.")
    if groups is None:
        column = frame[group]
        if isinstance(column.dtype, pd.CategoricalDtype):
            groups = list(column.cat.categories)
        else:
            groups = sorted(column.dropna().unique().tolist())
    missing_group = frame[group].isna()
    if missing_group.any():
        where = position_of(frame[group].to_numpy(), missing_group.to_numpy())
        raise ValueError(f"group column {group!r} has a missing value at {where}.")
    parts: list[pd.DataFrame] = []
    medians: dict[Any, float] = {}
    for g in groups:
        rows = frame[frame[group] == g]
        if rows.empty:
            medians[g] = float("nan")
            continue
        table = kaplan_meier(rows[duration].to_numpy(dtype=float),
                             rows[observed].reset_index(drop=True),
                             weights=None if weights is None else rows[weights].to_numpy(),
                             entry=None if entry is None else rows[entry].to_numpy(float))
        medians[g] = median_of_table(table)
        table.insert(0, group, g)
        parts.append(table)
    if parts:
        out = pd.concat(parts, ignore_index=True)
    else:
        out = pd.DataFrame(columns=[group, *KM_COLUMNS])
    out.attrs["median"] = medians
    return out
