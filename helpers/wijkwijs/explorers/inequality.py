"""Explorers for chapters 0 and 1: means and medians, and redistribution.

>>> ex = mean_median_explorer()
>>> ex.set(richest=100_000)
>>> "€41,000" in ex.table_view.value  # (15 + 22 + 30 + 38 + 100) / 5 thousand
True
>>> ex = redistribution_explorer([10_000, 20_000, 30_000, 40_000, 100_000])
>>> ex.set(tax_rate=50)  # budget-neutral by default: the Gini (0.400) halves
>>> "0.200" in ex.table_view.value
True
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from wijkwijs import i18n
from wijkwijs._validate import ArrayLike, as_values, check_fraction
from wijkwijs.inequality import bottom_share, gini, palma, percentile_ratio, top_share
from wijkwijs.figures import CATEGORICAL, label_axes
from wijkwijs.figures.inequality import lorenz_plot
from wijkwijs.widgets import Explorer, slider, toggle

FIVE_BASE = np.array([15_000.0, 22_000.0, 30_000.0, 38_000.0, 45_000.0])
#: The five households of notebook 1.2, poorest first (euros per year): mean 30,000.
LORENZ_FIVE = np.array([12_000.0, 18_000.0, 24_000.0, 36_000.0, 60_000.0])

i18n.register({
    "ineq.richest": {"en": "Richest household (€)", "nl": "Rijkste huishouden (€)"},
    "ineq.mean_median_title": {"en": "Five households: mean and median income",
                               "nl": "Vijf huishoudens: gemiddeld en mediaan inkomen"},
    "ineq.household": {"en": "Household", "nl": "Huishouden"},
    "ineq.income_eur": {"en": "Income (€ per year)", "nl": "Inkomen (€ per jaar)"},
    "ineq.mean": {"en": "Mean", "nl": "Gemiddelde"},
    "ineq.median": {"en": "Median", "nl": "Mediaan"},
    "ineq.statistic": {"en": "Statistic", "nl": "Maat"},
    "ineq.value": {"en": "Value", "nl": "Waarde"},
})


def five_incomes(richest: float) -> np.ndarray:
    """The five households of chapter 0, with the richest one's income set.

    >>> five_incomes(45_000).tolist()
    [15000.0, 22000.0, 30000.0, 38000.0, 45000.0]
    """
    incomes = FIVE_BASE.copy()
    incomes[-1] = richest
    return incomes


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


def mean_median_explorer() -> Explorer:
    """A slider for the richest of five households; bars, mean and median update."""

    def draw(ax, richest: float) -> None:
        incomes = five_incomes(richest)
        ax.bar(np.arange(1, 6), incomes, color=CATEGORICAL[0])
        ax.axhline(incomes.mean(), color=CATEGORICAL[1], linestyle="--",
                   label=f"{i18n.t('ineq.mean')}: €{incomes.mean():,.0f}")
        ax.axhline(np.median(incomes), color=CATEGORICAL[2], linestyle=":",
                   label=f"{i18n.t('ineq.median')}: €{np.median(incomes):,.0f}")
        ax.legend(loc="upper left")
        label_axes(ax, i18n.t("ineq.mean_median_title"), i18n.t("ineq.household"),
                   i18n.t("ineq.income_eur"))

    def table(richest: float) -> pd.DataFrame:
        incomes = five_incomes(richest)
        return pd.DataFrame({i18n.t("ineq.statistic"): [i18n.t("ineq.mean"),
                                                         i18n.t("ineq.median")],
                             i18n.t("ineq.value"): [f"€{incomes.mean():,.0f}",
                                                     f"€{np.median(incomes):,.0f}"]})

    return Explorer({"richest": slider("ineq.richest", 45_000, 1_000_000, 5_000, value=45_000)},
                    plot=draw, table=table, figsize=(6.0, 3.6))


# --------------------------------------------------------------------------- redistribution
i18n.register({
    "ineq.redistribution_title": {"en": "Redistribution: a flat tax and a basic income",
                                  "nl": "Herverdeling: een vlaktaks en een basisinkomen"},
    "ineq.tax_rate": {"en": "Flat tax rate (%)", "nl": "Vlaktaks (%)"},
    "ineq.transfer": {"en": "Basic income (€ per household per year)",
                      "nl": "Basisinkomen (€ per huishouden per jaar)"},
    "ineq.budget_neutral": {"en": "Budget-neutral (basic income = tax revenue / households)",
                            "nl": "Budgetneutraal (basisinkomen = belastingopbrengst / "
                                  "huishoudens)"},
    "ineq.before": {"en": "Before", "nl": "Voor"},
    "ineq.after": {"en": "After", "nl": "Na"},
    "ineq.lorenz_before_after": {"en": "Lorenz curve before and after redistribution",
                                 "nl": "Lorenzcurve voor en na herverdeling"},
    "ineq.gini": {"en": "Gini", "nl": "Gini"},
    "ineq.top_1": {"en": "Top 1% share", "nl": "Aandeel top 1%"},
    "ineq.top_10": {"en": "Top 10% share", "nl": "Aandeel top 10%"},
    "ineq.bottom_10": {"en": "Bottom 10% share", "nl": "Aandeel onderste 10%"},
    "ineq.bottom_40": {"en": "Bottom 40% share", "nl": "Aandeel onderste 40%"},
    "ineq.palma": {"en": "Palma (top 10% / bottom 40%)", "nl": "Palma (top 10% / onderste 40%)"},
    "ineq.p90_p10": {"en": "P90/P10", "nl": "P90/P10"},
    "ineq.transfer_paid": {"en": "Basic income paid (€ per household)",
                           "nl": "Uitgekeerd basisinkomen (€ per huishouden)"},
    "ineq.undefined": {"en": "undefined", "nl": "onbepaald"},
})

#: Measures reported by :func:`summary_measures`, in the order of the tables.
MEASURES = ("gini", "bottom_10", "bottom_40", "top_10", "top_1", "palma", "p90_p10",
            "mean", "median")
_SHARES = {"bottom_10", "bottom_40", "top_10", "top_1"}


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


def _format(measure: str, value: float) -> str:
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
        data[str(label)] = [_format(m, values[m]) if formatted else values[m] for m in measures]
    return pd.DataFrame(data)


def havenstad_sample(year: int = 2022, n: int = 2_000, seed: int = 1) -> np.ndarray:
    """Incomes of ``n`` households drawn at random from the synthetic city Havenstad.

    Standardised disposable incomes of households living in the city itself
    (gemeente GM9901) in ``year``; synthetic data (``datasets/havenstad/README.md``).
    The same ``seed`` gives the same sample.

    >>> havenstad_sample(2022, n=5).size
    5
    """
    from wijkwijs.havenstad import havenstad

    incomes = havenstad("household_years", year=year, code="GM9901")["income"].to_numpy(float)
    if not 0 < n <= incomes.size:
        raise ValueError(f"n must lie between 1 and {incomes.size} (the households in "
                         f"{year}); got {n!r}.")
    rng = np.random.default_rng(seed)
    return rng.choice(incomes, size=n, replace=False)


def redistribution_explorer(incomes: ArrayLike | None = None, *, tax_rate: int = 0,
                            transfer: int = 0, budget_neutral: bool = True) -> Explorer:
    """Sliders for a flat tax and a basic income; Lorenz curves and measures update.

    Parameters
    ----------
    incomes
        Incomes before tax; by default 2,000 households of the synthetic city
        Havenstad in 2022 (:func:`havenstad_sample`).
    tax_rate, transfer, budget_neutral
        Starting values of the controls: tax in % (0–90), basic income in euros
        (0–20,000), and whether the basic income is the tax revenue shared equally
        (then the basic income slider is switched off).

    The plot shows the Lorenz curve before and after, with the line of perfect
    equality; the table shows :func:`summary_measures` before and after.
    """
    x = havenstad_sample() if incomes is None else as_values(
        incomes, "incomes", measure="redistribution", allow_negative=False)
    before = summary_measures(x)
    shown = ("gini", "bottom_10", "top_1", "palma", "mean")

    def after(tax_rate: int, transfer: int, budget_neutral: bool) -> np.ndarray:
        return redistribute(x, tax_rate / 100, transfer, budget_neutral=budget_neutral)

    def draw(ax, tax_rate: int, transfer: int, budget_neutral: bool) -> None:
        lorenz_plot({i18n.t("ineq.before"): x,
                     i18n.t("ineq.after"): after(tax_rate, transfer, budget_neutral)},
                    ax=ax, title=i18n.t("ineq.lorenz_before_after"), markers=x.size <= 21)

    def table(tax_rate: int, transfer: int, budget_neutral: bool) -> pd.DataFrame:
        y = after(tax_rate, transfer, budget_neutral)
        now = summary_measures(y)
        paid = budget_neutral_transfer(x, tax_rate / 100) if budget_neutral else transfer
        rows = [i18n.t(f"ineq.{m}") for m in shown] + [i18n.t("ineq.transfer_paid")]
        return pd.DataFrame({
            i18n.t("ineq.statistic"): rows,
            i18n.t("ineq.before"): [_format(m, before[m]) for m in shown] + ["€0"],
            i18n.t("ineq.after"): [_format(m, now[m]) for m in shown] + [f"€{paid:,.0f}"],
        })

    controls = {
        "tax_rate": slider("ineq.tax_rate", 0, 90, 5, value=tax_rate),
        "transfer": slider("ineq.transfer", 0, 20_000, 500, value=transfer),
        "budget_neutral": toggle("ineq.budget_neutral", value=budget_neutral),
    }

    def sync_transfer(_change=None) -> None:
        controls["transfer"].disabled = controls["budget_neutral"].value

    controls["budget_neutral"].observe(sync_transfer, names="value")
    sync_transfer()
    return Explorer(controls, plot=draw, table=table, title="ineq.redistribution_title",
                    figsize=(5.2, 4.4))
