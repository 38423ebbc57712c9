"""Incomes of chapters 0 and 1: five households, redistribution and summary tables.

* :data:`FIVE_BASE` and :func:`five_incomes` — the five households of chapter 0,
  whose richest member the mean-and-median explorer moves;
* :data:`LORENZ_FIVE`, :func:`lorenz_table` and :func:`pairwise_differences` — the
  five households of notebook 1.2, the Lorenz curve and the Gini by hand;
* :func:`redistribute` and :func:`budget_neutral_transfer` — a flat tax and an equal
  basic income;
* :func:`summary_measures`, :func:`inequality_table` and :func:`format_measure` —
  the measures of chapter 1 for one or several income distributions, and
  :func:`redistribution_table`, the measures before and after redistribution;
* :func:`havenstad_sample` — incomes drawn from the synthetic city Havenstad.

Nothing here draws: the figures are in :mod:`wijkwijs.figures.inequality`, the
explorers in :mod:`wijkwijs.explorers.inequality`.

>>> redistribute(five_incomes(45_000), 0.5, budget_neutral=True).tolist()
[22500.0, 26000.0, 30000.0, 34000.0, 37500.0]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from wijkwijs import i18n
from wijkwijs._validate import ArrayLike, as_values, check_fraction
from wijkwijs.havenstad.constants import CITY_CODE
from wijkwijs.inequality import bottom_share, gini, palma, percentile_ratio, top_share

#: The five households of chapter 0, poorest first (euros per year).
FIVE_BASE = np.array([15_000.0, 22_000.0, 30_000.0, 38_000.0, 45_000.0])
#: The five households of notebook 1.2, poorest first (euros per year): mean 30,000.
LORENZ_FIVE = np.array([12_000.0, 18_000.0, 24_000.0, 36_000.0, 60_000.0])

#: Measures reported by :func:`summary_measures`, in the order of the tables.
MEASURES = ("gini", "bottom_10", "bottom_40", "top_10", "top_1", "palma", "p90_p10",
            "mean", "median")
_SHARES = {"bottom_10", "bottom_40", "top_10", "top_1"}

i18n.register({
    "ineq.mean": {"en": "Mean", "nl": "Gemiddelde"},
    "ineq.median": {"en": "Median", "nl": "Mediaan"},
    "ineq.statistic": {"en": "Statistic", "nl": "Maat"},
    "ineq.value": {"en": "Value", "nl": "Waarde"},
    "ineq.gini": {"en": "Gini", "nl": "Gini"},
    "ineq.top_1": {"en": "Top 1% share", "nl": "Aandeel top 1%"},
    "ineq.top_10": {"en": "Top 10% share", "nl": "Aandeel top 10%"},
    "ineq.bottom_10": {"en": "Bottom 10% share", "nl": "Aandeel onderste 10%"},
    "ineq.bottom_40": {"en": "Bottom 40% share", "nl": "Aandeel onderste 40%"},
    "ineq.palma": {"en": "Palma (top 10% / bottom 40%)", "nl": "Palma (top 10% / onderste 40%)"},
    "ineq.p90_p10": {"en": "P90/P10", "nl": "P90/P10"},
    "ineq.undefined": {"en": "undefined", "nl": "onbepaald"},
    "ineq.before": {"en": "Before", "nl": "Voor"},
    "ineq.after": {"en": "After", "nl": "Na"},
    "ineq.transfer_paid": {"en": "Basic income paid (€ per household)",
                           "nl": "Uitgekeerd basisinkomen (€ per huishouden)"},
})


def five_incomes(richest: float) -> np.ndarray:
    """The five households of chapter 0, with the richest one's income set.

    >>> five_incomes(45_000).tolist()
    [15000.0, 22000.0, 30000.0, 38000.0, 45000.0]
    """
    incomes = FIVE_BASE.copy()
    incomes[-1] = richest
    return incomes


def mean_median_table(incomes: ArrayLike) -> pd.DataFrame:
    """The mean and the median of incomes, as a labelled table of euro amounts.

    >>> mean_median_table(five_incomes(100_000))
      Statistic    Value
    0      Mean  €41,000
    1    Median  €30,000
    """
    x = as_values(incomes, "incomes", measure="mean_median_table")
    return pd.DataFrame({i18n.t("ineq.statistic"): [i18n.t("ineq.mean"), i18n.t("ineq.median")],
                         i18n.t("ineq.value"): [f"€{x.mean():,.0f}", f"€{np.median(x):,.0f}"]})


def lorenz_table(incomes: ArrayLike) -> pd.DataFrame:
    """The Lorenz curve step by step: each household's share and the running totals.

    Households are sorted from poorest to richest. Shares are fractions.

    >>> lorenz_table([24, 12, 60, 18, 36])["cumulative_income_share"].round(2).tolist()
    [0.08, 0.2, 0.36, 0.6, 1.0]
    """
    x = np.sort(as_values(incomes, "incomes", measure="lorenz_table", allow_negative=False))
    n = x.size
    return pd.DataFrame({
        "household": np.arange(1, n + 1),
        "income": x,
        "income_share": x / x.sum(),
        "cumulative_household_share": np.arange(1, n + 1) / n,
        "cumulative_income_share": np.cumsum(x) / x.sum(),
    })


def pairwise_differences(incomes: ArrayLike) -> pd.DataFrame:
    r"""All income gaps :math:`|x_i - x_j|` between households, as a square table.

    The Gini is the sum of this table divided by :math:`2 n^2 \mu`.

    >>> pairwise_differences([10, 30]).to_numpy().tolist()
    [[0.0, 20.0], [20.0, 0.0]]
    """
    x = as_values(incomes, "incomes", measure="pairwise_differences")
    labels = [f"{value:,.0f}" for value in x]
    return pd.DataFrame(np.abs(x[:, None] - x[None, :]), index=labels, columns=labels)


def budget_neutral_transfer(incomes: ArrayLike, tax_rate: float) -> float:
    r"""The basic income a flat tax pays for: revenue divided by the households.

    .. math:: b = \frac{t \sum_i x_i}{n} = t\,\mu

    >>> budget_neutral_transfer([10_000, 30_000], 0.25)  # 0.25 * 20,000
    5000.0
    """
    x = as_values(incomes, "incomes", measure="redistribution", allow_negative=False)
    t = check_fraction(tax_rate, "tax_rate")
    return float(t * x.mean())


def redistribute(incomes: ArrayLike, tax_rate: float, transfer: float = 0.0, *,
                 budget_neutral: bool = False) -> np.ndarray:
    r"""Incomes after a flat tax and an equal basic income for every household.

    Each household pays the share :math:`t` of its income and receives the same
    amount :math:`b`:

    .. math:: y_i = (1 - t)\,x_i + b .

    With ``budget_neutral=True`` the basic income is the tax revenue shared equally,
    :math:`b = t\mu`, so the mean stays :math:`\mu` and every gap
    :math:`|y_i - y_j| = (1 - t)|x_i - x_j|` shrinks by the factor :math:`1 - t`: the
    Gini becomes exactly :math:`(1 - t)\,G`. (``transfer`` is then ignored.)

    Parameters
    ----------
    incomes
        Incomes before tax, not negative.
    tax_rate
        The flat tax as a fraction in [0, 1] (0.3 for 30%).
    transfer
        The basic income in euros per household, not negative.
    budget_neutral
        Pay out exactly the tax revenue instead of ``transfer``.

    Examples
    --------
    >>> redistribute([10_000, 30_000], 0.25, 1_000).tolist()
    [8500.0, 23500.0]
    >>> redistribute([10_000, 30_000], 0.25, budget_neutral=True).tolist()
    [12500.0, 27500.0]
    """
    x = as_values(incomes, "incomes", measure="redistribution", allow_negative=False)
    t = check_fraction(tax_rate, "tax_rate")
    b = float(transfer)
    if not (np.isfinite(b) and b >= 0):
        raise ValueError(f"transfer must be a finite amount of at least 0 euros; got {transfer!r}.")
    if budget_neutral:
        b = float(t * x.mean())
    return (1.0 - t) * x + b


def richest_gain(incomes: ArrayLike, share: float = 0.01, factor: float = 2.0) -> np.ndarray:
    """Multiply the incomes of the richest ``share`` of households by ``factor``.

    The richest are the ``ceil(share × n)`` largest incomes (ties broken by position);
    everyone else keeps their income. Returns a new array in the original order. This
    is the thought experiment of exercise 1.3: which measures notice the very top?

    >>> richest_gain([10, 20, 30, 40, 100], share=0.2, factor=2).tolist()
    [10.0, 20.0, 30.0, 40.0, 200.0]
    >>> richest_gain([1, 2], share=0)
    Traceback (most recent call last):
    ...
    ValueError: share must lie in (0, 1]; got 0.
    """
    x = as_values(incomes, "incomes", measure="richest_gain", allow_negative=False).copy()
    if not 0 < share <= 1:
        raise ValueError(f"share must lie in (0, 1]; got {share!r}.")
    if not (np.isfinite(factor) and factor >= 0):
        raise ValueError(f"factor must be a finite number ≥ 0; got {factor!r}.")
    k = int(np.ceil(share * x.size - 1e-9))
    richest = np.argsort(x, kind="stable")[x.size - k:]
    x[richest] *= factor
    return x


def summary_measures(incomes: ArrayLike) -> dict[str, float]:
    """Gini, bottom and top shares, Palma, P90/P10, mean and median of incomes.

    Shares are fractions (0.25 for 25%). The Palma ratio and P90/P10 are ``nan``
    (and shown as "undefined") when the bottom 40% hold nothing or P10 is zero,
    because both divide by that.

    >>> m = summary_measures([1, 1, 1, 1, 2, 2, 2, 2, 2, 6])  # total 20
    >>> m["bottom_40"], m["top_10"], round(m["palma"], 6)  # 4/20, 6/20, 0.3/0.2
    (0.2, 0.3, 1.5)
    """
    x = as_values(incomes, "incomes", measure="summary_measures", allow_negative=False)
    measures = {
        "gini": gini(x),
        "bottom_10": bottom_share(x, 0.10),
        "bottom_40": bottom_share(x, 0.40),
        "top_10": top_share(x, 0.10),
        "top_1": top_share(x, 0.01),
        "palma": float("nan"),
        "p90_p10": float("nan"),
        "mean": float(x.mean()),
        "median": float(np.median(x)),
    }
    if measures["bottom_40"] > 0:
        measures["palma"] = palma(x)
    if np.quantile(x, 0.10, method="inverted_cdf") > 0:
        measures["p90_p10"] = percentile_ratio(x, 90, 10)
    return measures


def format_measure(measure: str, value: float) -> str:
    """A value of :func:`summary_measures` as a text: shares in %, euros, ratios.

    >>> format_measure("top_10", 0.25), format_measure("mean", 40_000), format_measure("gini", 0.4)
    ('25.0%', '€40,000', '0.400')
    >>> format_measure("palma", float("nan"))
    'undefined'
    """
    if not np.isfinite(value):
        return i18n.t("ineq.undefined")
    if measure in _SHARES:
        return f"{100 * value:.1f}%"
    if measure in ("mean", "median"):
        return f"€{value:,.0f}"
    return f"{value:.3f}" if measure == "gini" else f"{value:.2f}"


def inequality_table(columns: dict[str, ArrayLike], *, measures: tuple[str, ...] = MEASURES,
                     formatted: bool = True) -> pd.DataFrame:
    """A table of :func:`summary_measures`: one row per measure, one column per label.

    With ``formatted=True`` (default) the cells are texts ready to read (shares in
    %, euros with separators); otherwise numbers.

    >>> inequality_table({"five": [10, 20, 30, 40, 100]}, measures=("gini", "top_10"))
           Statistic   five
    0           Gini  0.400
    1  Top 10% share  25.0%
    """
    unknown = [m for m in measures if m not in MEASURES]
    if unknown:
        raise ValueError(f"unknown measure(s) {unknown}; choose from {', '.join(MEASURES)}.")
    data: dict[str, list] = {i18n.t("ineq.statistic"): [i18n.t(f"ineq.{m}") for m in measures]}
    for label, incomes in columns.items():
        values = summary_measures(incomes)
        data[str(label)] = [format_measure(m, values[m]) if formatted else values[m]
                            for m in measures]
    return pd.DataFrame(data)


def redistribution_table(incomes: ArrayLike, tax_rate: float, transfer: float = 0.0, *,
                         budget_neutral: bool = False,
                         measures: tuple[str, ...] = ("gini", "bottom_10", "top_1", "palma",
                                                      "mean")) -> pd.DataFrame:
    """Measures before and after :func:`redistribute`, and the basic income paid.

    ``tax_rate`` is a fraction, as in :func:`redistribute`; the last row is the basic
    income each household receives (the tax revenue shared equally when
    ``budget_neutral``).

    >>> redistribution_table([10_000, 20_000, 30_000, 40_000, 100_000], 0.5,
    ...                      budget_neutral=True, measures=("gini", "mean"))
                                 Statistic   Before    After
    0                                 Gini    0.400    0.200
    1                                 Mean  €40,000  €40,000
    2  Basic income paid (€ per household)       €0  €20,000
    """
    x = as_values(incomes, "incomes", measure="redistribution", allow_negative=False)
    before = summary_measures(x)
    now = summary_measures(redistribute(x, tax_rate, transfer, budget_neutral=budget_neutral))
    paid = budget_neutral_transfer(x, tax_rate) if budget_neutral else transfer
    return pd.DataFrame({
        i18n.t("ineq.statistic"): [i18n.t(f"ineq.{m}") for m in measures]
        + [i18n.t("ineq.transfer_paid")],
        i18n.t("ineq.before"): [format_measure(m, before[m]) for m in measures] + ["€0"],
        i18n.t("ineq.after"): [format_measure(m, now[m]) for m in measures] + [f"€{paid:,.0f}"],
    })


def havenstad_sample(year: int = 2022, n: int = 2_000, seed: int = 1) -> np.ndarray:
    """Incomes of ``n`` households drawn at random from the synthetic city Havenstad.

    Standardised disposable incomes of households living in the city itself
    (gemeente :data:`~wijkwijs.havenstad.constants.CITY_CODE`) in ``year``; synthetic
    data (``datasets/havenstad/README.md``). The same ``seed`` gives the same sample.

    >>> havenstad_sample(2022, n=5).size
    5
    """
    from wijkwijs.havenstad import havenstad

    incomes = havenstad("household_years", year=year, code=CITY_CODE)["income"].to_numpy(float)
    if not 0 < n <= incomes.size:
        raise ValueError(f"n must lie between 1 and {incomes.size} (the households in "
                         f"{year}); got {n!r}.")
    rng = np.random.default_rng(seed)
    return rng.choice(incomes, size=n, replace=False)
