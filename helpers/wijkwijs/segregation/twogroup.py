"""Two-group segregation indices: one group against everybody else in the city.

For each unit we know how many people (or households) belong to the group, ``x_i``,
out of the unit's total ``t_i``. Notation in every formula: ``T = sum_i t_i`` (city
total), ``X = sum_i x_i`` (city group size), ``P = X / T`` (city share of the
group), ``p_i = x_i / t_i`` (the unit's share). The definitions follow PySAL
``segregation`` 2.5 (``segregation.singlegroup``) exactly.

Each function checks its input and calls one method of
:class:`wijkwijs.segregation.counts.TwoGroupCounts`; :func:`summary` calls the same
methods, so a value in its table equals the single function's exactly. Import them
from :mod:`wijkwijs.segregation`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from wijkwijs._validate import ArrayLike, check_fraction, check_same_length, position_of
from wijkwijs.segregation.counts import TwoGroupCounts, column, two_group_counts, unit_counts

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
# two-group indices
# --------------------------------------------------------------------------

def _check_b(b: float) -> float:
    return check_fraction(b, "b (the Atkinson shape parameter)",
                          inclusive_low=False, inclusive_high=False)


def _two_group(data: Any, total: Any, group: Any, measure: str) -> TwoGroupCounts:
    """Validated counts for a two-group index (see ``counts.two_group_counts``)."""
    counts, _ = two_group_counts(data, total, group, measure)
    return counts


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
    a_counts = unit_counts(a, "group a counts", "dissimilarity_between")
    b_counts = unit_counts(b, "group b counts", "dissimilarity_between")
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
    and :func:`atkinson_segregation`. The totals are checked once per year and each
    group's counts once; the values are those of the single functions exactly (the
    same code runs), with the shares they have in common computed once.

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
            column(frame, name, role)
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
            counts, _ = two_group_counts(part, total_col, g, "summary", units, totals)
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
