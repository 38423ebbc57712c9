"""Explorers for chapters 0 and 1: means and medians, and redistribution.

>>> ex = mean_median_explorer()
>>> ex.set(richest=100_000)
>>> "€41,000" in ex.table_view.value  # (15 + 22 + 30 + 38 + 100) / 5 thousand
True
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from wijkwijs import i18n
from wijkwijs.plots import CATEGORICAL, label_axes
from wijkwijs.widgets import Explorer, slider

FIVE_BASE = np.array([15_000.0, 22_000.0, 30_000.0, 38_000.0, 45_000.0])

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
