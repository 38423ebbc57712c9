"""Does more income inequality go with more segregation? Dutch municipalities compared.

Custers writes that growing inequality has led to spatial segregation. The table of
Spierenburg, van Cranenburgh & Cats (2023), shipped as
:func:`wijkwijs.opendata.shipped_municipalities`, lets us look at one side of that
claim across the 387 Dutch municipalities: it has a Gini coefficient of income per
municipality and three indicators of the *segregation of residents with a non-Western
migration background* (not of income groups): ``separation``, ``intensity`` and
``scale_relative``. This module computes the link between the Gini and each indicator:

* :func:`gini_segregation_frame` — the municipalities with a Gini, with the indicators;
* :func:`correlation` — Pearson's r or Spearman's rank correlation ρ with a confidence
  interval (Fisher's z) and a two-sided permutation p-value (seeded);
* :func:`gini_link_table` — that for every indicator, in one table.

What such a correlation cannot show is as important as what it shows: it is one
cross-section (the source states no year for its Gini), so it says nothing about
change over time or about cause; it is about non-Western residents, not about income
segregation; and municipalities differ in size, so big cities and small villages are
compared on the same scale. The notebook says so beside the numbers.

Only numpy, pandas and the standard library are used (scipy, the tests' oracle, is not
needed at run time).

>>> table = gini_link_table(permutations=199)
>>> sorted(table["indicator"].unique())
['intensity', 'scale_relative', 'separation']
>>> bool(table["n"].eq(376).all())
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import NormalDist

import numpy as np
import pandas as pd

from wijkwijs._validate import check_choice
from wijkwijs.opendata.shipped import shipped_municipalities

__all__ = ["INDICATORS", "METHODS", "correlation", "gini_link_summary", "gini_link_table",
           "gini_segregation_frame"]

#: The segregation indicators of the source that do not grow with a town's area.
INDICATORS: tuple[str, ...] = ("separation", "intensity", "scale_relative")
#: The two correlation coefficients.
METHODS: tuple[str, ...] = ("pearson", "spearman")


def gini_segregation_frame(towns: pd.DataFrame | None = None, *,
                           min_inhabitants: int = 0) -> pd.DataFrame:
    """The municipalities that have a Gini, with the segregation indicators.

    Parameters
    ----------
    towns
        A frame like :func:`wijkwijs.opendata.shipped_municipalities` (the default).
    min_inhabitants
        Keep only municipalities with at least this many inhabitants (default: all).

    Returns
    -------
    pandas.DataFrame
        ``gemeente_code``, ``gemeente_name`` (underscores of the source turned into
        spaces), ``inhabitants``, ``gini`` and the columns of :data:`INDICATORS`, one row
        per municipality with a Gini, in the source's order.

    Examples
    --------
    >>> frame = gini_segregation_frame()
    >>> len(frame), int(frame["gini"].isna().sum())
    (376, 0)
    >>> len(gini_segregation_frame(min_inhabitants=100_000))
    31
    >>> gini_segregation_frame(min_inhabitants=-1)
    Traceback (most recent call last):
    ...
    ValueError: min_inhabitants must be a whole number >= 0; got -1.
    """
    if isinstance(min_inhabitants, bool) or not isinstance(min_inhabitants, (int, np.integer)) \
            or min_inhabitants < 0:
        raise ValueError(f"min_inhabitants must be a whole number >= 0; got {min_inhabitants!r}.")
    towns = shipped_municipalities() if towns is None else towns
    needed = ["gemeente_code", "gemeente_name", "inhabitants", "gini", *INDICATORS]
    missing = [c for c in needed if c not in towns.columns]
    if missing:
        raise ValueError(f"the municipalities table lacks the column(s) {', '.join(missing)}.")
    out = towns.loc[towns["gini"].notna() & (towns["inhabitants"] >= min_inhabitants),
                    needed].copy()
    out["gemeente_name"] = out["gemeente_name"].astype(str).str.replace("_", " ")
    return out.reset_index(drop=True)


def _pearson(x: np.ndarray, y: np.ndarray) -> float:
    x, y = x - x.mean(), y - y.mean()
    denominator = math.sqrt(float((x * x).sum()) * float((y * y).sum()))
    if denominator == 0:
        raise ValueError("a correlation needs two variables that vary; one is constant.")
    return float(np.clip((x * y).sum() / denominator, -1.0, 1.0))


def _ranks(values: np.ndarray) -> np.ndarray:
    return pd.Series(values).rank(method="average").to_numpy()


def correlation(x: Sequence[float], y: Sequence[float], *, method: str = "pearson",
                confidence: float = 0.95, permutations: int = 9999,
                seed: int = 0) -> dict[str, float]:
    r"""A correlation with a confidence interval and a permutation test.

    Parameters
    ----------
    x, y
        Two equally long sequences of numbers (no missing values), at least 4 pairs.
    method
        ``"pearson"`` (r, a straight-line link) or ``"spearman"`` (ρ, Pearson's r of
        the ranks: any rising or falling link, robust to outliers).
    confidence
        The level of the confidence interval, between 0 and 1.
    permutations
        How many times ``y`` is shuffled for the permutation test (0: no test).
    seed
        The seed of the shuffles, so the p-value is the same on every run.

    Returns
    -------
    dict
        ``n``, ``r``, ``ci_low``, ``ci_high`` and ``p_permutation``.

    Notes
    -----
    The interval is Fisher's: :math:`z = \operatorname{artanh} r` has standard error
    :math:`1/\sqrt{n-3}` for Pearson's r, and :math:`\sqrt{1.06/(n-3)}` for Spearman's
    ρ (Fieller, Hartley & Pearson 1957); :math:`\tanh(z \pm z_{1-\alpha/2}\,se)`. The
    permutation p-value is :math:`(1 + \#\{|r^*| \ge |r|\}) / (1 + B)` over ``B``
    shuffles: how often a correlation at least this strong arises when the pairs are
    broken at random.

    Examples
    --------
    >>> out = correlation([1, 2, 3, 4, 5], [2, 4, 5, 4, 5], permutations=999)
    >>> round(out["r"], 3), out["n"]
    (0.775, 5.0)
    >>> correlation([1, 2, 3, 4], [1, 2, 3], permutations=0)
    Traceback (most recent call last):
    ...
    ValueError: x and y must be equally long; got 4 and 3.
    """
    check_choice(method, METHODS, "method")
    xs, ys = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if xs.ndim != 1 or ys.ndim != 1:
        raise ValueError("x and y must be one-dimensional sequences of numbers.")
    if len(xs) != len(ys):
        raise ValueError(f"x and y must be equally long; got {len(xs)} and {len(ys)}.")
    if len(xs) < 4:
        raise ValueError(f"a correlation with an interval needs at least 4 pairs; got {len(xs)}.")
    if not (np.isfinite(xs).all() and np.isfinite(ys).all()):
        raise ValueError("x and y must not contain missing or infinite values.")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1; got {confidence!r}.")
    if isinstance(permutations, bool) or not isinstance(permutations, (int, np.integer)) \
            or permutations < 0:
        raise ValueError(f"permutations must be a whole number >= 0; got {permutations!r}.")
    if method == "spearman":
        xs, ys = _ranks(xs), _ranks(ys)
    n = len(xs)
    r = _pearson(xs, ys)
    se = math.sqrt((1.06 if method == "spearman" else 1.0) / (n - 3))
    z_crit = NormalDist().inv_cdf(0.5 + confidence / 2)
    if abs(r) < 1:
        z = math.atanh(r)
        low, high = math.tanh(z - z_crit * se), math.tanh(z + z_crit * se)
    else:
        low = high = r
    p = float("nan")
    if permutations:
        rng = np.random.default_rng(seed)
        xc = xs - xs.mean()
        yc = ys - ys.mean()
        scale = math.sqrt(float((xc * xc).sum()) * float((yc * yc).sum()))
        shuffled = np.array([rng.permutation(yc) for _ in range(permutations)])
        r_star = shuffled @ xc / scale
        p = float((1 + np.count_nonzero(np.abs(r_star) >= abs(r) - 1e-12)) / (1 + permutations))
    return {"n": float(n), "r": r, "ci_low": low, "ci_high": high, "p_permutation": p}


def gini_link_table(towns: pd.DataFrame | None = None, *, indicators: Sequence[str] = INDICATORS,
                    methods: Sequence[str] = METHODS, min_inhabitants: int = 0,
                    permutations: int = 9999, seed: int = 0) -> pd.DataFrame:
    """The correlation of the Gini with each segregation indicator, by each method.

    Returns one row per indicator and method: ``indicator``, ``method``, ``n``, ``r``,
    ``ci_low``, ``ci_high`` (95 %) and ``p_permutation``; see :func:`correlation`.

    >>> table = gini_link_table(indicators=("intensity",), methods=("spearman",),
    ...                         permutations=999)
    >>> bool(table.loc[0, "ci_low"] < table.loc[0, "r"] < table.loc[0, "ci_high"])
    True
    """
    frame = gini_segregation_frame(towns, min_inhabitants=min_inhabitants)
    rows = []
    for indicator in indicators:
        check_choice(indicator, INDICATORS, "indicator")
        for method in methods:
            result = correlation(frame["gini"], frame[indicator], method=method,
                                 permutations=permutations, seed=seed)
            rows.append({"indicator": indicator, "method": method, **result})
    out = pd.DataFrame(rows)
    out["n"] = out["n"].astype(int)
    return out


def gini_link_summary(link: pd.DataFrame, big: pd.DataFrame) -> dict[str, object]:
    """The reading of two :func:`gini_link_table` results, for a sentence of notebook 2.3.

    ``link`` is the table over all municipalities and ``big`` the one over the large
    ones (both with one row per indicator and method). Returns the strongest link
    (``method``, ``indicator``, ``r``, ``ci_low``, ``ci_high``), the indicators whose
    Pearson interval includes zero (``zero_in``, a list), ``n_indicators``, ``n_big`` and
    the Spearman ρ of the large municipalities with intensity and separation.

    >>> link = gini_link_table(permutations=0)
    >>> out = gini_link_summary(link, gini_link_table(min_inhabitants=100_000, permutations=0))
    >>> out["n_indicators"], out["method"] in ("Pearson", "Spearman")
    (3, True)
    """
    by = link.set_index(["indicator", "method"])
    strongest = by["r"].abs().idxmax()
    large = big.set_index(["indicator", "method"])
    zero_in = [i for i, m in by.index if m == "pearson"
               and by.loc[(i, m), "ci_low"] < 0 < by.loc[(i, m), "ci_high"]]
    return {"method": strongest[1].title(), "indicator": strongest[0],
            "r": by.loc[strongest, "r"], "ci_low": by.loc[strongest, "ci_low"],
            "ci_high": by.loc[strongest, "ci_high"], "zero_in": zero_in,
            "n_indicators": len(by) // 2, "n_big": int(large["n"].iloc[0]),
            "rho_intensity": large.loc[("intensity", "spearman"), "r"],
            "rho_separation": large.loc[("separation", "spearman"), "r"]}
