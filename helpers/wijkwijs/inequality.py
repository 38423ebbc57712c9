"""Income inequality measures: Lorenz curve, Gini, Theil, Atkinson, shares and ratios.

Every function takes numbers in (a list, a numpy array or a pandas Series of
incomes, optionally with *frequency weights*, e.g. the number of households in a
*buurt*, neighbourhood) and gives numbers out. Weights count how many people an
income stands for: integer weights give exactly the same result as repeating each
income that many times. Observations with weight zero are ignored.

Inputs are checked by :mod:`wijkwijs._validate`: empty input, NaN, infinite values,
incomes a measure cannot handle (e.g. zero incomes for the mean log deviation) and
weights that do not match the values raise a ``ValueError`` that says which
argument, which position and why.

>>> from wijkwijs import inequality
>>> incomes = [1, 2, 3, 4]
>>> inequality.gini(incomes)
0.25
>>> round(inequality.theil(incomes), 4)
0.1064
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from wijkwijs._validate import ArrayLike, as_values, as_weights, check_fraction

if TYPE_CHECKING:  # pandas is imported lazily, only by theil_decomposition
    import pandas as pd

__all__ = [
    "LorenzCurve",
    "TheilDecomposition",
    "atkinson",
    "bottom_share",
    "gini",
    "lorenz",
    "mean_log_deviation",
    "palma",
    "percentile_ratio",
    "theil",
    "theil_decomposition",
    "top_share",
]

_THEIL_NAMES = {"T": "Theil T", "L": "Theil L (mean log deviation)"}
_LOG_REASON = (
    "It takes log(x), and the logarithm of zero or of a negative number is undefined; "
    "drop or recode those incomes first."
)


# --------------------------------------------------------------------------- helpers
def _prepare(values: ArrayLike, weights: ArrayLike | None, *, measure: str,
             allow_negative: bool = True, allow_zero: bool = True,
             why_positive: str = "") -> tuple[np.ndarray, np.ndarray]:
    """Validate values and weights; drop zero-weight observations."""
    x = as_values(values, "values", measure=measure, allow_negative=allow_negative,
                  allow_zero=allow_zero, why_positive=why_positive)
    w = as_weights(weights, x.size)
    if weights is not None:
        keep = w > 0
        if not keep.all():
            x, w = x[keep], w[keep]
    return x, w


def _positive_mean(x: np.ndarray, w: np.ndarray, measure: str) -> float:
    """Weighted mean, or a ``ValueError`` if it is zero or negative.

    Sums in this module use ``np.sum(a * b)``, not ``np.dot``: numpy's pairwise
    summation is more accurate than BLAS ``ddot``, and BLAS threads can stall on a
    busy machine (a 100x slowdown was measured at n = 1e5 on two shared cores).
    """
    mean = float(np.sum(w * x) / w.sum())
    if not mean > 0:
        raise ValueError(
            f"{measure} is undefined when the mean of values is zero or negative "
            f"(mean = {mean:g}): the measure divides by the mean income."
        )
    return mean


def _check_positive_total(x: np.ndarray, w: np.ndarray, measure: str) -> None:
    """The ``ValueError`` of :func:`_positive_mean` if the total income is not positive.

    For measures that divide by the total, not by the mean: the mean of a few tiny
    (subnormal) incomes can underflow to 0 while their total is positive.
    """
    if not np.sum(w * x) > 0:
        _positive_mean(x, w, measure)  # the mean is not positive either: raises


def _all_equal(x: np.ndarray) -> bool:
    """True when every value is the same: then every inequality measure is exactly 0.

    Rounding can leave a sum of terms that cancel in exact arithmetic a few units in
    the last place away from zero (``-2.7e-17`` for five equal incomes), so the
    measures return the exact answer for this case instead of computing it.
    """
    return bool(x.min() == x.max())


def _nonnegative(value: float) -> float:
    """``value``, or ``0.0`` when rounding left it (or a ``-0.0``) at or below zero.

    Only for measures whose formula is non-negative in exact arithmetic.
    """
    return value if value > 0 else 0.0


def _check_kind(kind: str) -> str:
    if kind not in _THEIL_NAMES:
        raise ValueError(
            f"kind must be 'T' (Theil T) or 'L' (Theil L, the mean log deviation); "
            f"got {kind!r}."
        )
    return kind


# --------------------------------------------------------------------------- Lorenz
class LorenzCurve(NamedTuple):
    """Points of a Lorenz curve; unpacks as ``(population_share, income_share)``."""

    population_share: np.ndarray
    income_share: np.ndarray


def lorenz(values: ArrayLike, weights: ArrayLike | None = None) -> LorenzCurve:
    r"""Lorenz curve: cumulative population share against cumulative income share.

    Incomes are sorted from poorest to richest. With weights :math:`w_i` and
    :math:`W = \sum_i w_i`, point :math:`k` of the curve is

    .. math:: F_k = \frac{1}{W}\sum_{i \le k} w_i, \qquad
              L_k = \frac{\sum_{i \le k} w_i x_i}{\sum_i w_i x_i},

    preceded by the point :math:`(0, 0)`; the last point is exactly :math:`(1, 1)`.
    Negative incomes are allowed (the curve then dips below zero), but the total
    income must be positive.

    Source: M. O. Lorenz (1905), "Methods of measuring the concentration of wealth",
    *Publications of the American Statistical Association* 9(70), 209-219.

    Parameters
    ----------
    values
        Incomes, one per person or household (list, ndarray or pandas Series).
    weights
        Optional frequency weights, one per value (e.g. households per *buurt*).

    Returns
    -------
    LorenzCurve
        A named tuple ``(population_share, income_share)`` of two float arrays of
        length ``n + 1`` (``n`` = number of values with a positive weight).

    Examples
    --------
    >>> population, income = lorenz([3, 1, 2, 4])
    >>> population.tolist()
    [0.0, 0.25, 0.5, 0.75, 1.0]
    >>> income.tolist()
    [0.0, 0.1, 0.3, 0.6, 1.0]
    >>> lorenz([1, 3], weights=[3, 1]).income_share.tolist()
    [0.0, 0.5, 1.0]
    """
    x, w = _prepare(values, weights, measure="The Lorenz curve")
    n = x.size
    income = np.empty(n + 1)
    income[0] = 0.0
    if weights is None:  # fast path: one sort, no gather
        population = np.arange(n + 1, dtype=float) / n
        x = np.sort(x)
        np.cumsum(x, out=income[1:])
    else:
        order = np.argsort(x)  # ties: any order gives the same curve
        x, w = x[order], w[order]
        population = np.empty(n + 1)
        population[0] = 0.0
        np.cumsum(w, out=population[1:])
        population /= population[-1]
        np.cumsum(w * x, out=income[1:])
    if not income[-1] > 0:  # raise the shared "mean is zero or negative" error
        _positive_mean(x, w, "The Lorenz curve")
    if x[0] == x[-1]:  # x is sorted: everybody has the same income
        return LorenzCurve(population, population.copy())
    income /= income[-1]
    # The poorest k never hold more than their population share (their mean is at most
    # the overall mean), so the curve lies under the diagonal; rounding of the two
    # cumulative sums can put a point one unit in the last place above it.
    np.minimum(income, population, out=income)
    return LorenzCurve(population, income)


# --------------------------------------------------------------------------- Gini
def gini(values: ArrayLike, weights: ArrayLike | None = None) -> float:
    r"""Gini coefficient: half the mean absolute difference, relative to the mean.

    .. math:: G = \frac{\sum_i \sum_j w_i w_j \, |x_i - x_j|}{2 W^2 \mu},
              \qquad \mu = \frac{1}{W}\sum_i w_i x_i, \quad W = \sum_i w_i .

    Without weights (all :math:`w_i = 1`) this is the classic
    :math:`\sum_i\sum_j |x_i - x_j| / (2 n^2 \mu)`, *without* the small-sample factor
    :math:`n / (n-1)`; it equals PySAL's ``inequality.gini.Gini``. One sort and
    cumulative sums give it in :math:`O(n \log n)`: with the incomes sorted and
    :math:`C_k = \sum_{i \le k} w_i`,
    :math:`G = \sum_k w_k x_k (2 C_k - w_k - W) / (W \sum_k w_k x_k)`.

    For non-negative incomes :math:`0 \le G < 1`; with ``n`` equal-weight people and
    one of them holding everything, :math:`G = (n-1)/n` (with weights, everything held
    by unit :math:`k` gives :math:`1 - w_k/W`, at most :math:`1 - \min_k w_k/W`). Equal
    incomes give exactly 0, and rounding never takes :math:`G` outside these bounds.
    Negative incomes are
    allowed (then :math:`G` can exceed 1), but a zero or negative mean raises a
    ``ValueError``, because the formula divides by the mean.

    Source: C. Gini (1912), *Variabilità e mutabilità*, Bologna: Tipografia di Paolo
    Cuppini.

    Parameters
    ----------
    values
        Incomes (list, ndarray or pandas Series).
    weights
        Optional frequency weights, one per value.

    Returns
    -------
    float

    Examples
    --------
    >>> gini([1, 2, 3, 4])
    0.25
    >>> gini([5, 5, 5])
    0.0
    >>> gini([0, 0, 0, 10])  # one has everything: (n - 1) / n
    0.75
    >>> gini([1, 2], weights=[2, 1]) == gini([1, 1, 2])
    True
    """
    x, w = _prepare(values, weights, measure="Gini")
    _check_positive_total(x, w, "Gini")
    # The rank terms sum to zero, so the numerator does not change when the poorest
    # income is subtracted first; then equal incomes give exactly 0, and near-equal ones
    # are not a difference of large cancelling sums.
    if weights is None:  # fast path: C_k = k, so the rank term is 2k - 1 - n
        x = np.sort(x)  # a new array: safe to work in place below
        n, poorest, denominator = x.size, x[0], x.size * x.sum()
        w_min, total_w = 1.0, float(n)
        x -= poorest
        x *= np.arange(1 - n, n, 2, dtype=float)
        g = float(x.sum() / denominator)
    else:
        total_w, w_min = w.sum(), w.min()  # in the given order, as theil and the bound
        order = np.argsort(x)  # ties: |x_i - x_j| = 0, so any order will do
        x, w = x[order], w[order]
        poorest = x[0]
        rank_term = 2.0 * np.cumsum(w) - w - total_w
        g = float(np.sum(w * (x - poorest) * rank_term) / (total_w * np.sum(w * x)))
    g = _nonnegative(g)  # a mean absolute difference: never below zero
    if poorest >= 0:  # at most 1 - w_k / W: everything held by the unit of least weight
        g = min(g, 1.0 - w_min / total_w)
    return g


# --------------------------------------------------------------------------- Theil
def theil(values: ArrayLike, weights: ArrayLike | None = None, kind: str = "T") -> float:
    r"""Theil index: Theil T (``kind="T"``) or Theil L, the mean log deviation (``"L"``).

    With :math:`\mu` the (weighted) mean and :math:`W` the total weight,

    .. math:: T = \frac{1}{W}\sum_i w_i \frac{x_i}{\mu}\ln\frac{x_i}{\mu},
              \qquad
              L = \frac{1}{W}\sum_i w_i \ln\frac{\mu}{x_i}.

    Both are exactly 0 when everyone has the same income; :math:`T \le \ln n` for ``n``
    equal-weight people (reached when one person has everything; with weights
    :math:`T \le \ln(W / \min_k w_k)`), and rounding never takes either index below 0
    or T above that bound. Theil T allows
    zero incomes (:math:`0 \ln 0 = 0`) but no negative ones; Theil L needs strictly
    positive incomes because it takes :math:`\ln x_i`.

    Source: H. Theil (1967), *Economics and Information Theory*, Amsterdam:
    North-Holland.

    Parameters
    ----------
    values
        Incomes (list, ndarray or pandas Series).
    weights
        Optional frequency weights, one per value.
    kind
        ``"T"`` (default) or ``"L"``.

    Returns
    -------
    float

    Examples
    --------
    >>> round(theil([1, 3]), 6)  # (1.5 ln 1.5 - 0.5 ln 2) / 2
    0.130812
    >>> round(theil([1, 3], kind="L"), 6)  # ln(4/3) / 2
    0.143841
    >>> theil([0, 0, 0, 8]) == math.log(4)
    True
    >>> theil([0, 1], kind="L")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: Theil L (mean log deviation) needs strictly positive values: found 0 ...
    """
    kind = _check_kind(kind)
    name = _THEIL_NAMES[kind]
    x, w = _prepare(values, weights, measure=name, allow_negative=False,
                    allow_zero=kind == "T", why_positive=_LOG_REASON)
    return _theil_checked(x, w, kind, name)


def _theil_checked(x: np.ndarray, w: np.ndarray, kind: str, name: str) -> float:
    mean = _positive_mean(x, w, name)
    if _all_equal(x):
        return 0.0
    ratio = x / mean
    if kind == "T":
        with np.errstate(divide="ignore", invalid="ignore"):
            terms = np.where(ratio > 0, ratio * np.log(ratio), 0.0)
    else:
        terms = -np.log(ratio)
    total_w = w.sum()
    value = _nonnegative(float(np.sum(w * terms) / total_w))  # both are >= 0 (Jensen)
    if kind == "T":  # at most ln(W / w_k): everything held by the unit of least weight
        value = min(value, math.log(total_w / w.min()))
    return value


def mean_log_deviation(values: ArrayLike, weights: ArrayLike | None = None) -> float:
    r"""Mean log deviation (Theil L): :math:`\frac{1}{W}\sum_i w_i \ln(\mu / x_i)`.

    The same as ``theil(values, weights, kind="L")``; needs strictly positive incomes.

    Source: H. Theil (1967), *Economics and Information Theory*, Amsterdam:
    North-Holland.

    Examples
    --------
    >>> round(mean_log_deviation([1, 3]), 6)
    0.143841
    """
    return theil(values, weights, kind="L")


# --------------------------------------------------------------------------- Atkinson
def _log_mean_exp(a: np.ndarray, w: np.ndarray) -> float:
    """log( sum_i w_i exp(a_i) / sum_i w_i ), stable for large |a_i|."""
    top = float(np.max(a))
    return top + math.log(float(np.sum(w * np.exp(a - top)) / w.sum()))


def atkinson(values: ArrayLike, epsilon: float, weights: ArrayLike | None = None) -> float:
    r"""Atkinson index with inequality aversion :math:`\varepsilon \ge 0`.

    .. math:: A_\varepsilon = 1 - \frac{1}{\mu}
              \left(\frac{1}{W}\sum_i w_i x_i^{1-\varepsilon}\right)^{1/(1-\varepsilon)}
              \quad (\varepsilon \ne 1), \qquad
              A_1 = 1 - \frac{1}{\mu}\exp\left(\frac{1}{W}\sum_i w_i \ln x_i\right),

    i.e. one minus the *equally distributed equivalent* income (a power mean; the
    geometric mean for :math:`\varepsilon = 1`) divided by the mean. It lies in
    :math:`[0, 1]`; :math:`\varepsilon = 0` gives 0 and larger :math:`\varepsilon`
    weighs the poorest more. Negative incomes are refused; zero incomes are allowed
    only for :math:`\varepsilon < 1`, since for :math:`\varepsilon \ge 1` the power
    or geometric mean of a distribution with a zero income is zero or undefined.

    Source: A. B. Atkinson (1970), "On the measurement of inequality", *Journal of
    Economic Theory* 2(3), 244-263.

    Parameters
    ----------
    values
        Incomes (list, ndarray or pandas Series).
    epsilon
        Inequality aversion, :math:`\varepsilon \ge 0`.
    weights
        Optional frequency weights, one per value.

    Returns
    -------
    float

    Examples
    --------
    >>> atkinson([1, 3], epsilon=2)  # harmonic mean 1.5, mean 2
    0.25
    >>> round(atkinson([1, 3], epsilon=1), 6)  # 1 - sqrt(3) / 2
    0.133975
    >>> atkinson([1, 3], epsilon=0)
    0.0
    """
    eps = check_fraction(epsilon, "epsilon", low=0.0, high=math.inf, inclusive_high=False)
    measure = f"Atkinson (epsilon={eps:g})"
    why = ("With epsilon >= 1 it takes log(x) or a negative power of x, which is "
           "undefined for zero incomes." if eps >= 1 else
           "It takes a power of x, which is undefined for negative incomes.")
    x, w = _prepare(values, weights, measure=measure, allow_negative=False,
                    allow_zero=eps < 1, why_positive=why)
    mean = _positive_mean(x, w, measure)
    if eps == 0 or _all_equal(x):
        return 0.0
    with np.errstate(divide="ignore"):
        log_ratio = np.log(x / mean)  # -inf for zero incomes (only when eps < 1)
    if eps == 1:
        log_ede = float(np.sum(w * log_ratio) / w.sum())
    else:
        log_ede = _log_mean_exp((1.0 - eps) * log_ratio, w) / (1.0 - eps)
    value = -math.expm1(log_ede)  # 1 - ede / mean, accurate for small values
    # the power mean lies between 0 and the mean, so A is in [0, 1]
    return min(_nonnegative(value), 1.0)


# --------------------------------------------------------------------------- shares
def _cumulative_share(x: np.ndarray, w: np.ndarray, population_share: float, *,
                      richest_first: bool = False) -> float:
    """Income share of the poorest (or richest) ``population_share``, interpolated.

    Walks the Lorenz curve from the poor end (or, for top shares, from the rich end,
    so that ``1 - L(1 - p)`` is not computed by a cancelling subtraction).
    """
    _check_positive_total(x, w, "top_share" if richest_first else "bottom_share")
    if _all_equal(x):
        return population_share
    order = np.argsort(x)
    if richest_first:
        order = order[::-1]
    cum_w = np.cumsum(w[order])
    cum_income = np.cumsum(w[order] * x[order])
    population = np.concatenate(([0.0], cum_w / cum_w[-1]))
    income = np.concatenate(([0.0], cum_income / cum_income[-1]))
    share = float(np.interp(population_share, population, income))
    # The poorest p hold at most p and the richest p at least p (the Lorenz curve lies
    # under the diagonal); rounding can put the interpolated share just across it.
    return max(share, population_share) if richest_first else min(share, population_share)


def bottom_share(values: ArrayLike, share: float, weights: ArrayLike | None = None) -> float:
    r"""Income share of the poorest ``share`` fraction of the population: :math:`L(p)`.

    :math:`L` is the Lorenz curve (see :func:`lorenz`), interpolated linearly between
    its points. That treats each person's (or weighted unit's) income as spread evenly
    over their population mass: with 5 people, the bottom 30% hold the poorest
    person's income plus half of the second poorest's.

    Parameters
    ----------
    values
        Incomes (list, ndarray or pandas Series). Negative incomes are allowed, but
        the total must be positive.
    share
        Population fraction in :math:`[0, 1]`, e.g. ``0.4`` for the bottom 40%.
    weights
        Optional frequency weights, one per value.

    Examples
    --------
    >>> bottom_share([1, 1, 1, 1, 6], 0.4)
    0.2
    >>> bottom_share([1, 1, 1, 1, 6], 0.3)  # one person and a half
    0.15
    """
    p = check_fraction(share, "share")
    x, w = _prepare(values, weights, measure="bottom_share")
    return _cumulative_share(x, w, p)


def top_share(values: ArrayLike, share: float, weights: ArrayLike | None = None) -> float:
    r"""Income share of the richest ``share`` fraction of the population, :math:`1 - L(1-p)`.

    E.g. ``share=0.01`` gives the top 1% share. Fractional people are handled as in
    :func:`bottom_share`, by linear interpolation along the Lorenz curve.

    Source: for top income shares, T. Piketty (2003), "Income inequality in France,
    1901-1998", *Journal of Political Economy* 111(5), 1004-1042.

    Parameters
    ----------
    values
        Incomes (list, ndarray or pandas Series).
    share
        Population fraction in :math:`[0, 1]`.
    weights
        Optional frequency weights, one per value.

    Examples
    --------
    >>> top_share([1, 1, 1, 1, 6], 0.2)
    0.6
    >>> top_share([1, 1, 1, 1, 6], 0.1)  # half of the richest person
    0.3
    """
    p = check_fraction(share, "share")
    x, w = _prepare(values, weights, measure="top_share")
    return _cumulative_share(x, w, p, richest_first=True)


def palma(values: ArrayLike, weights: ArrayLike | None = None) -> float:
    r"""Palma ratio: income share of the top 10% divided by that of the bottom 40%.

    .. math:: \text{Palma} = \frac{1 - L(0.9)}{L(0.4)}

    with the Lorenz curve :math:`L` interpolated linearly as in :func:`top_share`.
    Raises a ``ValueError`` if the bottom 40% hold no income (or less than nothing).

    Source: J. G. Palma (2011), "Homogeneous middles vs. heterogeneous tails, and the
    end of the 'inverted-U'", *Development and Change* 42(1), 87-153; named and
    proposed as a headline measure by A. Cobham and A. Sumner (2013), "Is it all
    about the tails? The Palma measure of income inequality", CGD Working Paper 343.

    Examples
    --------
    >>> round(palma([1, 1, 1, 1, 2, 2, 2, 2, 2, 20]), 12)  # 20 / (1 + 1 + 1 + 1)
    5.0
    """
    x, w = _prepare(values, weights, measure="Palma ratio")
    _check_positive_total(x, w, "Palma ratio")
    top = _cumulative_share(x, w, 0.1, richest_first=True)
    bottom = _cumulative_share(x, w, 0.4)
    if not bottom > 0:
        raise ValueError(
            "Palma ratio is undefined: the bottom 40% of values hold no income or less "
            f"than nothing (share = {bottom:g}), and the ratio divides by that share."
        )
    return top / bottom


# --------------------------------------------------------------------------- percentiles
def _weighted_percentile(x_sorted: np.ndarray, cum_w: np.ndarray, q: float) -> float:
    """Smallest x whose cumulative weight reaches q% of the total (inverted CDF)."""
    total = cum_w[-1]
    idx = int(np.searchsorted(cum_w * 100.0, q * total, side="left"))
    return float(x_sorted[min(idx, x_sorted.size - 1)])


def percentile_ratio(values: ArrayLike, upper: float = 90, lower: float = 10,
                     weights: ArrayLike | None = None) -> float:
    r"""Ratio of two percentiles, e.g. P90/P10 (default) or P50/P10.

    Percentiles use the *inverse of the empirical distribution function*
    (Hyndman & Fan 1996, definition 1; numpy's ``method="inverted_cdf"``): the
    :math:`q`-th percentile is the smallest income :math:`x_{(k)}` whose cumulative
    weight share reaches :math:`q/100`,

    .. math:: P_q = \min\{x_{(k)} : \tfrac{1}{W}\textstyle\sum_{i \le k} w_{(i)}
              \ge q/100\},

    so no interpolation between incomes, and integer weights give the same result as
    repeated values. Raises a ``ValueError`` if the lower percentile is zero or
    negative.

    Source: R. J. Hyndman and Y. Fan (1996), "Sample quantiles in statistical
    packages", *The American Statistician* 50(4), 361-365.

    Parameters
    ----------
    values
        Incomes (list, ndarray or pandas Series).
    upper, lower
        Percentiles in :math:`[0, 100]` with ``lower < upper``.
    weights
        Optional frequency weights, one per value.

    Examples
    --------
    >>> incomes = list(range(1, 11))  # 1, 2, ..., 10
    >>> percentile_ratio(incomes)  # P90 = 9, P10 = 1
    9.0
    >>> percentile_ratio(incomes, upper=50, lower=10)  # P50 = 5
    5.0
    """
    hi = check_fraction(upper, "upper", low=0, high=100)
    lo = check_fraction(lower, "lower", low=0, high=100)
    if not lo < hi:
        raise ValueError(f"lower must be smaller than upper; got lower={lower!r}, "
                         f"upper={upper!r}.")
    x, w = _prepare(values, weights, measure="percentile_ratio")
    order = np.argsort(x)
    x, cum_w = x[order], np.cumsum(w[order])
    p_hi = _weighted_percentile(x, cum_w, hi)
    p_lo = _weighted_percentile(x, cum_w, lo)
    if not p_lo > 0:
        raise ValueError(
            f"percentile_ratio is undefined: the lower percentile P{lo:g} of values is "
            f"{p_lo:g}, and the ratio divides by it; choose a higher lower percentile."
        )
    return p_hi / p_lo


# --------------------------------------------------------------------------- decomposition
@dataclass(frozen=True)
class TheilDecomposition:
    """Result of :func:`theil_decomposition`.

    Attributes
    ----------
    total, between, within
        Theil index of everyone, of the group means, and the weighted sum of the
        within-group indices; ``between + within == total`` up to rounding.
    groups
        One row per group: ``group``, ``population_share``, ``income_share``,
        ``mean``, ``theil`` (within-group index) and ``within_contribution`` (its
        term in ``within``).
    kind
        ``"T"`` or ``"L"``.
    """

    total: float
    between: float
    within: float
    groups: pd.DataFrame
    kind: str


def _group_codes(groups: Any, values: Any, n: int) -> tuple[np.ndarray, np.ndarray]:
    import pandas as pd

    if isinstance(groups, pd.Series) and isinstance(values, pd.Series) \
            and not groups.index.equals(values.index):
        raise ValueError("groups and values are pandas Series with different indexes; "
                         "align them first (groups are matched to values by position).")
    labels = groups.to_numpy() if isinstance(groups, pd.Series) else np.asarray(groups,
                                                                                dtype=object)
    if labels.ndim != 1:
        raise ValueError(f"groups must be one-dimensional; got shape {labels.shape}.")
    if labels.size != n:
        raise ValueError(f"groups has {labels.size} elements but values has {n}; "
                         "give one group label per value.")
    missing = pd.isna(labels)
    if missing.any():
        idx = int(np.flatnonzero(missing)[0])
        raise ValueError(f"groups contains a missing label at position {idx}; "
                         "every value needs a group.")
    try:
        codes, uniques = pd.factorize(labels, sort=True)
    except TypeError:  # labels of mixed types cannot be sorted
        codes, uniques = pd.factorize(labels, sort=False)
    return codes, np.asarray(uniques)


def theil_decomposition(values: ArrayLike, groups: ArrayLike,
                        weights: ArrayLike | None = None,
                        kind: str = "T") -> TheilDecomposition:
    r"""Split a Theil index into between-group and within-group inequality.

    With group :math:`g` holding population share :math:`p_g`, income share
    :math:`s_g`, mean :math:`\mu_g` and within-group index :math:`T_g` or
    :math:`L_g`:

    .. math:: T = \underbrace{\sum_g s_g \ln\frac{s_g}{p_g}}_{\text{between}}
              + \underbrace{\sum_g s_g T_g}_{\text{within}}, \qquad
              L = \underbrace{\sum_g p_g \ln\frac{p_g}{s_g}}_{\text{between}}
              + \underbrace{\sum_g p_g L_g}_{\text{within}}.

    The between part is the index of a city where everyone earns their group's
    mean. ``total`` is computed directly from all values, not as a sum, so
    ``between + within == total`` is a real check (equal up to rounding). A group
    whose members all earn zero (possible only for ``kind="T"``) has ``theil`` 0 and
    contributes nothing. Groups are matched to values by position.

    Source: H. Theil (1967), *Economics and Information Theory*; A. F. Shorrocks
    (1980), "The class of additively decomposable inequality measures",
    *Econometrica* 48(3), 613-625.

    Parameters
    ----------
    values
        Incomes (list, ndarray or pandas Series).
    groups
        One group label per value (list, ndarray or pandas Series), e.g. the
        *wijk* (district) of each *buurt*.
    weights
        Optional frequency weights, one per value.
    kind
        ``"T"`` (default) or ``"L"``.

    Returns
    -------
    TheilDecomposition

    Examples
    --------
    >>> d = theil_decomposition([1, 1, 3, 3], groups=["a", "a", "b", "b"])
    >>> round(d.total, 6), round(d.between, 6), d.within
    (0.130812, 0.130812, 0.0)
    >>> d.groups[["group", "population_share", "income_share", "mean"]]
      group  population_share  income_share  mean
    0     a               0.5          0.25   1.0
    1     b               0.5          0.75   3.0
    """
    import pandas as pd

    kind = _check_kind(kind)
    name = _THEIL_NAMES[kind]
    x = as_values(values, "values", measure=name, allow_negative=False,
                  allow_zero=kind == "T", why_positive=_LOG_REASON)
    w = as_weights(weights, x.size)
    codes, uniques = _group_codes(groups, values, x.size)
    keep = w > 0
    x, w, codes = x[keep], w[keep], codes[keep]
    present = np.unique(codes)  # groups with a positive total weight
    codes = np.searchsorted(present, codes)
    uniques = uniques[present]

    total = _theil_checked(x, w, kind, name)
    k = present.size
    group_w = np.bincount(codes, weights=w, minlength=k)
    group_income = np.bincount(codes, weights=w * x, minlength=k)
    pop_share = group_w / group_w.sum()
    income_share = group_income / group_income.sum()
    group_mean = group_income / group_w

    group_theil = np.zeros(k)
    for g in range(k):
        in_g = codes == g
        if group_mean[g] > 0:
            group_theil[g] = _theil_checked(x[in_g], w[in_g], kind, name)

    if kind == "T":
        with np.errstate(divide="ignore", invalid="ignore"):
            between_terms = np.where(income_share > 0,
                                     income_share * np.log(income_share / pop_share), 0.0)
        contribution = income_share * group_theil
    else:
        between_terms = pop_share * np.log(pop_share / income_share)
        contribution = pop_share * group_theil
    # The between part is the index of everyone at their group mean: a Kullback-Leibler
    # divergence of the two share vectors, so >= 0, and exactly 0 when all are equal.
    between = 0.0 if _all_equal(x) else _nonnegative(float(between_terms.sum()))
    table = pd.DataFrame({
        "group": uniques,
        "population_share": pop_share,
        "income_share": income_share,
        "mean": group_mean,
        "theil": group_theil,
        "within_contribution": contribution,
    })
    return TheilDecomposition(total=total, between=between,
                              within=float(contribution.sum()), groups=table, kind=kind)
