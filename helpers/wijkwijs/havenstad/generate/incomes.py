"""The national income model behind Havenstad's incomes and percentiles.

Incomes are *standardised disposable household incomes* (CBS: disposable income
divided by an equivalence factor). Every household has a score ``z`` on the national
standard normal scale; its income is ``national_median(year) * exp(sigma z)``. The
national distribution is therefore lognormal, with Gini 0.29 (CBS StatLine 83739NED)
and mean equal to the CBS national mean standardised income of each year, and a
national percentile is ``floor(100 Phi(z))``.

>>> round(national_gini(), 3)
0.29
>>> int(national_percentile(22_000, 2011)[0])
48
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np

from wijkwijs._validate import check_year
from wijkwijs.havenstad.constants import (
    BOTTOM_10_PERCENTILE,
    HIGH_INCOME_PERCENTILE,
    LOW_INCOME_PERCENTILE,
    YEARS,
)

#: Gini of standardised income of private households, NL (CBS StatLine 83739NED,
#: 0.285-0.306 over 2011-2022; 0.29 is the rounded value CBS quotes).
NATIONAL_GINI = 0.29

#: Mean standardised income of private households, NL, in euros
#: (CBS StatLine 83739NED, version of 8 November 2023; 2022 provisional).
NATIONAL_MEAN_INCOME: dict[int, float] = {
    2011: 25_600, 2012: 25_800, 2013: 25_900, 2014: 27_300, 2015: 27_100, 2016: 28_200,
    2017: 29_200, 2018: 29_500, 2019: 31_600, 2020: 32_100, 2021: 33_600, 2022: 35_400,
}

_NORMAL = NormalDist()
#: Log-standard deviation of the national lognormal: Gini = 2 Phi(sigma / sqrt 2) - 1.
NATIONAL_SIGMA = math.sqrt(2) * _NORMAL.inv_cdf((1 + NATIONAL_GINI) / 2)

#: National normal scores of the national P10 (below: bottom 10 %), P40 (below: "low
#: income") and P80 (from here: "high income").
BOTTOM_10_SCORE = _NORMAL.inv_cdf(BOTTOM_10_PERCENTILE)
LOW_INCOME_SCORE = _NORMAL.inv_cdf(LOW_INCOME_PERCENTILE)
HIGH_INCOME_SCORE = _NORMAL.inv_cdf(HIGH_INCOME_PERCENTILE)

_erf = np.frompyfunc(math.erf, 1, 1)


def normal_cdf(z: np.ndarray) -> np.ndarray:
    """Standard normal CDF :math:`\\Phi(z)`, elementwise.

    >>> normal_cdf(np.array([0.0])).tolist()
    [0.5]
    """
    z = np.asarray(z, dtype=float)
    return 0.5 * (1.0 + _erf(z / math.sqrt(2)).astype(float))


def logistic(x: np.ndarray) -> np.ndarray:
    """The logistic function :math:`1 / (1 + e^{-x})`, elementwise: logit -> probability.

    >>> logistic(np.array([0.0])).tolist()
    [0.5]
    """
    return 1.0 / (1.0 + np.exp(-x))


def national_gini() -> float:
    """Gini of the national lognormal income distribution used for percentiles.

    For a lognormal with log-standard deviation :math:`\\sigma`,
    :math:`G = 2\\Phi(\\sigma/\\sqrt{2}) - 1` (Aitchison & Brown 1957).

    >>> round(national_gini(), 4)
    0.29
    """
    return 2 * _NORMAL.cdf(NATIONAL_SIGMA / math.sqrt(2)) - 1


def national_median(year: int) -> float:
    """Median of the national lognormal in ``year``: mean / exp(sigma^2 / 2).

    >>> round(national_median(2011))
    22294
    >>> national_median(2030)
    Traceback (most recent call last):
    ...
    ValueError: year 2030 is not in the data; available years: 2011–2022.
    """
    year = check_year(year, YEARS, allow_none=False)
    return NATIONAL_MEAN_INCOME[year] / math.exp(NATIONAL_SIGMA**2 / 2)


def income_from_score(z: np.ndarray, year: int) -> np.ndarray:
    """Standardised income (euros) of national normal score ``z`` in ``year``.

    >>> round(float(income_from_score(np.array([0.0]), 2011)[0]))
    22294
    """
    return national_median(year) * np.exp(NATIONAL_SIGMA * np.asarray(z, dtype=float))


def national_percentile(income: float | np.ndarray, year: int) -> np.ndarray:
    """National percentile group (0-99) of a standardised income in ``year``.

    Group ``k`` holds the incomes between the national k-th and (k+1)-th percentile:
    0-9 is the national bottom 10 %, 0-39 the bottom 40 % (CBS "low income" in the
    Kerncijfers Wijken en Buurten), 80-99 the top 20 % ("high income"), 99 the top 1 %.
    The national distribution is lognormal with Gini 0.29 and the CBS mean of the year.

    >>> national_percentile([5_000, 22_294, 200_000], 2011).tolist()
    [0, 50, 99]
    """
    inc = np.atleast_1d(np.asarray(income, dtype=float))
    if (inc <= 0).any():
        raise ValueError("income must be positive to have a national percentile.")
    z = np.log(inc / national_median(year)) / NATIONAL_SIGMA
    return np.clip(np.floor(100 * normal_cdf(z)), 0, 99).astype(np.int64)


def national_percentiles(income: np.ndarray, year: np.ndarray) -> np.ndarray:
    """National percentile group of each income, each in its own year.

    >>> national_percentiles(np.array([22_294, 22_294]), np.array([2011, 2022])).tolist()
    [50, 26]
    """
    income, year = np.asarray(income), np.asarray(year)
    unknown = ~np.isin(year, YEARS)
    if unknown.any():
        check_year(year[unknown][0].item(), YEARS, allow_none=False)
    pct = np.empty(len(income), dtype=np.int64)
    for y in YEARS:
        m = year == y
        pct[m] = national_percentile(income[m], y)
    return pct
