"""Explorers for chapters 0 and 1: means and medians, and redistribution.

Builders only: the numbers come from :mod:`wijkwijs.examples.incomes`, the pictures
from :mod:`wijkwijs.figures.inequality`.

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

import pandas as pd

from wijkwijs import i18n
from wijkwijs._validate import ArrayLike, as_values
from wijkwijs.examples.incomes import (
    five_incomes,
    havenstad_sample,
    mean_median_table,
    redistribute,
    redistribution_table,
)
from wijkwijs.figures.inequality import plot_lorenz, plot_mean_median
from wijkwijs.widgets import Explorer, slider, toggle

i18n.register({
    "ineq.richest": {"en": "Richest household (€)", "nl": "Rijkste huishouden (€)"},
    "ineq.redistribution_title": {"en": "Redistribution: a flat tax and a basic income",
                                  "nl": "Herverdeling: een vlaktaks en een basisinkomen"},
    "ineq.tax_rate": {"en": "Flat tax rate (%)", "nl": "Vlaktaks (%)"},
    "ineq.transfer": {"en": "Basic income (€ per household per year)",
                      "nl": "Basisinkomen (€ per huishouden per jaar)"},
    "ineq.budget_neutral": {"en": "Budget-neutral (basic income = tax revenue / households)",
                            "nl": "Budgetneutraal (basisinkomen = belastingopbrengst / "
                                  "huishoudens)"},
    "ineq.lorenz_before_after": {"en": "Lorenz curve before and after redistribution",
                                 "nl": "Lorenzcurve voor en na herverdeling"},
})


def mean_median_explorer() -> Explorer:
    """A slider for the richest of five households; bars, mean and median update."""

    def draw(ax, richest: float) -> None:
        plot_mean_median(five_incomes(richest), ax=ax)

    def table(richest: float) -> pd.DataFrame:
        return mean_median_table(five_incomes(richest))

    return Explorer({"richest": slider("ineq.richest", 45_000, 1_000_000, 5_000, value=45_000)},
                    plot=draw, table=table, figsize=(6.0, 3.6))


def redistribution_explorer(incomes: ArrayLike | None = None, *, tax_rate: int = 0,
                            transfer: int = 0, budget_neutral: bool = True) -> Explorer:
    """Sliders for a flat tax and a basic income; Lorenz curves and measures update.

    Parameters
    ----------
    incomes
        Incomes before tax; by default 2,000 households of the synthetic city
        Havenstad in 2022 (:func:`wijkwijs.examples.incomes.havenstad_sample`).
    tax_rate, transfer, budget_neutral
        Starting values of the controls: tax in % (0–90), basic income in euros
        (0–20,000), and whether the basic income is the tax revenue shared equally
        (then the basic income slider is switched off).

    The plot shows the Lorenz curve before and after, with the line of perfect
    equality (and, for the default Havenstad households, the note that the city is
    synthetic, on the figure itself); the table shows the measures before and after
    (:func:`wijkwijs.examples.incomes.redistribution_table`).
    """
    x = havenstad_sample() if incomes is None else as_values(
        incomes, "incomes", measure="redistribution", allow_negative=False)
    synthetic = incomes is None  # Havenstad's households: the figure says so

    def draw(ax, tax_rate: int, transfer: int, budget_neutral: bool) -> None:
        after = redistribute(x, tax_rate / 100, transfer, budget_neutral=budget_neutral)
        plot_lorenz({i18n.t("ineq.before"): x, i18n.t("ineq.after"): after},
                    title=i18n.t("ineq.lorenz_before_after"), markers=x.size <= 21,
                    synthetic=synthetic, ax=ax)

    def table(tax_rate: int, transfer: int, budget_neutral: bool) -> pd.DataFrame:
        return redistribution_table(x, tax_rate / 100, transfer, budget_neutral=budget_neutral)

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
