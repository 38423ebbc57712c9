"""Figures for chapters 0 and 1: means and medians, Lorenz curves, Ginis, Theil, top shares.

Every function follows the convention of :mod:`wijkwijs.figures`:
``plot_*(data, ..., ax=None) -> Figure``. It draws on a labelled axis made by
:func:`wijkwijs.figures.new_figure`, or on the ``ax`` it is given (as the explorers
do), and returns the figure. Titles, axis labels and legends go through
:mod:`wijkwijs.i18n`.

>>> import matplotlib.pyplot as plt
>>> fig = plot_lorenz({"five households": [10, 20, 30, 40, 100]})
>>> fig.axes[0].get_xlabel()
'Share of households (poorest first)'
>>> plt.close(fig)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from wijkwijs import i18n
from wijkwijs._validate import ArrayLike, as_values
from wijkwijs.figures import CATEGORICAL, mark_synthetic, new_figure
from wijkwijs.inequality import TheilDecomposition, lorenz

#: More points than this are resampled on an even grid before drawing (see lorenz_points).
MAX_LORENZ_POINTS = 401

i18n.register({
    "ineqplot.mean_median_title": {"en": "Five households: mean and median income",
                                   "nl": "Vijf huishoudens: gemiddeld en mediaan inkomen"},
    "ineqplot.household": {"en": "Household", "nl": "Huishouden"},
    "ineqplot.income_eur": {"en": "Income (€ per year)", "nl": "Inkomen (€ per jaar)"},
    "ineqplot.mean": {"en": "Mean", "nl": "Gemiddelde"},
    "ineqplot.median": {"en": "Median", "nl": "Mediaan"},
    "ineqplot.lorenz_title": {"en": "Lorenz curve", "nl": "Lorenzcurve"},
    "ineqplot.population_share": {"en": "Share of households (poorest first)",
                                  "nl": "Aandeel huishoudens (armste eerst)"},
    "ineqplot.income_share": {"en": "Share of total income",
                              "nl": "Aandeel van het totale inkomen"},
    "ineqplot.equality_line": {"en": "Perfect equality", "nl": "Volledige gelijkheid"},
    "ineqplot.gini_area": {"en": "Area A (Gini = 2 × A)", "nl": "Oppervlak A (Gini = 2 × A)"},
    "ineqplot.gini_series_title": {
        "en": "Gini of income and of wealth, Dutch private households",
        "nl": "Gini van inkomen en van vermogen, Nederlandse particuliere huishoudens"},
    "ineqplot.year": {"en": "Year", "nl": "Jaar"},
    "ineqplot.gini": {"en": "Gini coefficient (0 = equal, 1 = one has all)",
                      "nl": "Gini-coëfficiënt (0 = gelijk, 1 = één heeft alles)"},
    "ineqplot.income_series": {"en": "Standardised disposable income",
                               "nl": "Gestandaardiseerd besteedbaar inkomen"},
    "ineqplot.wealth_series": {"en": "Wealth", "nl": "Vermogen"},
    "ineqplot.provisional": {"en": "provisional", "nl": "voorlopig"},
    "ineqplot.city_gini_title": {"en": "Gini of standardised income by city",
                                 "nl": "Gini van gestandaardiseerd inkomen per stad"},
    "ineqplot.region": {"en": "Area", "nl": "Gebied"},
    "ineqplot.theil_title": {"en": "Theil T split into between and within buurten",
                             "nl": "Theil T gesplitst in tussen en binnen buurten"},
    "ineqplot.theil": {"en": "Theil T", "nl": "Theil T"},
    "ineqplot.between": {"en": "Between buurten", "nl": "Tussen buurten"},
    "ineqplot.within": {"en": "Within buurten", "nl": "Binnen buurten"},
    "ineqplot.group.top_10": {"en": "top 10%", "nl": "top 10%"},
    "ineqplot.group.top_1": {"en": "top 1%", "nl": "top 1%"},
    "ineqplot.group.bottom_50": {"en": "bottom 50%", "nl": "onderste 50%"},
    "ineqplot.regions_title": {"en": "Share of pre-tax national income of the {group}, {year}",
                               "nl": "Aandeel van de {group} in het nationaal inkomen vóór "
                                     "belasting, {year}"},
    "ineqplot.trends_title": {"en": "Share of pre-tax national income of the {group}",
                              "nl": "Aandeel van de {group} in het nationaal inkomen vóór "
                                    "belasting"},
    "ineqplot.place.World": {"en": "World", "nl": "Wereld"},
    "ineqplot.place.Europe": {"en": "Europe", "nl": "Europa"},
    "ineqplot.place.East Asia": {"en": "East Asia", "nl": "Oost-Azië"},
    "ineqplot.place.Latin America": {"en": "Latin America", "nl": "Latijns-Amerika"},
    "ineqplot.place.Middle East and North Africa": {"en": "Middle East and North Africa",
                                                    "nl": "Midden-Oosten en Noord-Afrika"},
    "ineqplot.place.United States": {"en": "United States", "nl": "Verenigde Staten"},
    "ineqplot.place.Western Europe": {"en": "Western Europe", "nl": "West-Europa"},
    "ineqplot.share_pct": {"en": "Share of income (%)", "nl": "Aandeel in het inkomen (%)"},
    "ineqplot.wid_source": {"en": "Source: World Inequality Reports (WID.world); ≈ rounded "
                                  "in the report",
                            "nl": "Bron: World Inequality Reports (WID.world); ≈ afgerond "
                                  "in het rapport"},
})


def lorenz_points(values: Any, max_points: int = MAX_LORENZ_POINTS) -> tuple[np.ndarray,
                                                                            np.ndarray]:
    """Points of the Lorenz curve to draw: exact for small data, resampled for large.

    With more than ``max_points`` points the curve (piecewise linear) is evaluated on
    ``max_points`` evenly spaced population shares: on screen the difference is far
    below a pixel, and drawing stays fast.

    >>> p, s = lorenz_points([1, 2, 3, 4])
    >>> s.tolist()
    [0.0, 0.1, 0.3, 0.6, 1.0]
    >>> p, s = lorenz_points(range(1, 10_001), max_points=11)
    >>> len(p), float(s[0]), float(s[-1])
    (11, 0.0, 1.0)
    """
    population, income = lorenz(values)
    if population.size <= max_points:
        return population, income
    grid = np.linspace(0.0, 1.0, max_points)
    return grid, np.interp(grid, population, income)


def plot_mean_median(incomes: ArrayLike, *, ax=None) -> Figure:
    """Bars of the incomes, poorest first, with the mean and the median as lines.

    >>> import matplotlib.pyplot as plt
    >>> fig = plot_mean_median([15_000, 22_000, 30_000, 38_000, 100_000])
    >>> [line.get_label() for line in fig.axes[0].get_lines()]
    ['Mean: €41,000', 'Median: €30,000']
    >>> plt.close(fig)
    """
    x = as_values(incomes, "incomes", measure="plot_mean_median")
    fig, ax = new_figure(i18n.t("ineqplot.mean_median_title"), i18n.t("ineqplot.household"),
                         i18n.t("ineqplot.income_eur"), figsize=(6.0, 3.6), ax=ax)
    ax.bar(np.arange(1, x.size + 1), x, color=CATEGORICAL[0])
    ax.axhline(x.mean(), color=CATEGORICAL[1], linestyle="--",
               label=f"{i18n.t('ineqplot.mean')}: €{x.mean():,.0f}")
    ax.axhline(np.median(x), color=CATEGORICAL[2], linestyle=":",
               label=f"{i18n.t('ineqplot.median')}: €{np.median(x):,.0f}")
    ax.legend(loc="upper left")
    return fig


def plot_lorenz(curves: Mapping[str, Any], *, title: str | None = None,
                shade_first: bool = False, markers: bool | None = None,
                synthetic: bool = False, ax=None) -> Figure:
    """Draw Lorenz curves (one per label) with the line of perfect equality.

    Parameters
    ----------
    curves
        Label → incomes. Each is drawn as its Lorenz curve (:func:`wijkwijs.inequality.lorenz`).
    ax
        Draw on this axis; by default a new figure is made.
    title
        Figure title; by default "Lorenz curve" in the current language.
    shade_first
        Shade the area between the equality line and the first curve: the Gini is
        twice that area.
    markers
        Mark the points of the curves; by default only when there are few.
    synthetic
        The incomes are Havenstad's: say so on the figure
        (:func:`wijkwijs.figures.mark_synthetic`).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig = plot_lorenz({"a": [1, 1, 1], "b": [0, 0, 9]}, shade_first=True)
    >>> [line.get_label() for line in fig.axes[0].get_lines()]
    ['Perfect equality', 'a', 'b']
    >>> plt.close(fig)
    """
    if not curves:
        raise ValueError("curves is empty; give at least one label → incomes pair.")
    title = i18n.t("ineqplot.lorenz_title") if title is None else title
    fig, ax = new_figure(title, i18n.t("ineqplot.population_share"),
                         i18n.t("ineqplot.income_share"), figsize=(5.4, 5.0), ax=ax)
    ax.plot([0, 1], [0, 1], color="0.4", linestyle="--", linewidth=1,
            label=i18n.t("ineqplot.equality_line"))
    lowest = 0.0
    for i, (label, values) in enumerate(curves.items()):
        population, income = lorenz_points(values)
        lowest = min(lowest, float(income.min()))
        show_markers = population.size <= 21 if markers is None else markers
        colour = CATEGORICAL[i % len(CATEGORICAL)]
        ax.plot(population, income, color=colour, linewidth=2,
                marker="o" if show_markers else None, markersize=5, label=str(label))
        if i == 0 and shade_first:
            ax.fill_between(population, income, population, color=colour, alpha=0.15,
                            label=i18n.t("ineqplot.gini_area"))
    ticks = [0.0, 0.25, 0.5, 0.75, 1.0]
    tick_labels = ["0%", "25%", "50%", "75%", "100%"]
    ax.set_xticks(ticks, labels=tick_labels)  # fixed ticks: cheaper to redraw in explorers
    ax.set_yticks(ticks, labels=tick_labels)
    ax.set_xlim(0, 1)
    ax.set_ylim(lowest, 1)
    ax.set_aspect("equal", adjustable="box")
    ax.legend(loc="upper left", fontsize="small")
    if synthetic:
        mark_synthetic(ax, "lower right")
    return fig


def plot_gini_series(frame: pd.DataFrame, *, ax=None) -> Figure:
    """Gini of income and of wealth by year, provisional years drawn hollow.

    ``frame`` has the columns of ``wijkwijs.published.published("nl_inequality")``:
    ``year``, ``gini_standardised_income``, ``gini_wealth``, ``provisional``.

    >>> import matplotlib.pyplot as plt
    >>> from wijkwijs.published import published
    >>> fig = plot_gini_series(published("nl_inequality"))
    >>> tuple(float(v) for v in fig.axes[0].get_ylim())
    (0.0, 1.0)
    >>> plt.close(fig)
    """
    missing = {"year", "gini_standardised_income", "gini_wealth", "provisional"} - set(frame)
    if missing:
        raise ValueError(f"frame lacks column(s) {sorted(missing)}; pass "
                         "wijkwijs.published.published('nl_inequality').")
    fig, ax = new_figure(i18n.t("ineqplot.gini_series_title"), i18n.t("ineqplot.year"),
                         i18n.t("ineqplot.gini"), figsize=(7.0, 4.0), ax=ax)
    provisional = frame["provisional"].astype(str).str.lower().eq("true").to_numpy()
    series = (("gini_standardised_income", "ineqplot.income_series", "o"),
              ("gini_wealth", "ineqplot.wealth_series", "s"))
    for i, (column, key, marker) in enumerate(series):
        colour = CATEGORICAL[i]
        ax.plot(frame["year"], frame[column], color=colour, linewidth=2, label=i18n.t(key))
        ax.plot(frame["year"][~provisional], frame[column][~provisional], color=colour,
                linestyle="none", marker=marker)
        ax.plot(frame["year"][provisional], frame[column][provisional], color=colour,
                linestyle="none", marker=marker, markerfacecolor="white")
    for year in frame["year"][provisional]:
        ax.annotate(f"{year}: {i18n.t('ineqplot.provisional')}", (year, 0.05), ha="right",
                    fontsize="small", color="0.3")
    ax.set_ylim(0.0, 1.0)
    ax.set_xticks(frame["year"].to_numpy()[::2])
    ax.grid(axis="y", color="0.9")
    ax.legend(loc="center right")
    return fig


def plot_city_gini(frame: pd.DataFrame, *, ax=None) -> Figure:
    """Horizontal bars of the income Gini per area (``published("city_gini")``).

    >>> import matplotlib.pyplot as plt
    >>> from wijkwijs.published import published
    >>> fig = plot_city_gini(published("city_gini"))
    >>> len(fig.axes[0].patches)
    4
    >>> plt.close(fig)
    """
    fig, ax = new_figure(i18n.t("ineqplot.city_gini_title"), i18n.t("ineqplot.gini"),
                         i18n.t("ineqplot.region"), figsize=(6.4, 3.0), ax=ax)
    ordered = frame.sort_values("gini_standardised_income")
    colours = [CATEGORICAL[1] if r == "Nederland" else CATEGORICAL[0] for r in ordered["region"]]
    bars = ax.barh(ordered["region"], ordered["gini_standardised_income"], color=colours)
    ax.bar_label(bars, fmt="%.2f", padding=3)
    ax.set_xlim(0, 0.5)
    return fig


def plot_theil_decomposition(results: Mapping[Any, TheilDecomposition], *,
                             xlabel: str | None = None, synthetic: bool = False,
                             ax=None) -> Figure:
    """Stacked bars: the between- and within-group parts of Theil, one bar per label.

    ``xlabel`` names what the labels are; by default "Year". ``synthetic=True`` says on
    the figure that the data are Havenstad's (:func:`wijkwijs.figures.mark_synthetic`).

    >>> import matplotlib.pyplot as plt
    >>> from wijkwijs.inequality import theil_decomposition
    >>> d = theil_decomposition([1, 2, 3, 6], ["a", "a", "b", "b"])
    >>> fig = plot_theil_decomposition({"demo": d})
    >>> len(fig.axes[0].patches)
    2
    >>> plt.close(fig)
    """
    xlabel = i18n.t("ineqplot.year") if xlabel is None else xlabel
    fig, ax = new_figure(i18n.t("ineqplot.theil_title"), xlabel, i18n.t("ineqplot.theil"),
                         figsize=(5.4, 3.8), ax=ax)
    labels = [str(k) for k in results]
    between = np.array([r.between for r in results.values()])
    within = np.array([r.within for r in results.values()])
    ax.bar(labels, between, color=CATEGORICAL[0], label=i18n.t("ineqplot.between"))
    ax.bar(labels, within, bottom=between, color=CATEGORICAL[5],
           label=i18n.t("ineqplot.within"))
    for x, (b, wi) in enumerate(zip(between, within, strict=True)):
        ax.text(x, b / 2, f"{b / (b + wi):.0%}", ha="center", va="center", color="white")
    ax.set_ylim(0, 1.25 * float((between + within).max()))
    ax.legend(loc="upper right")
    if synthetic:
        mark_synthetic(ax, "upper left")
    return fig


_SHARE_COLUMNS = {"region", "year", "group", "share_pct", "approximate"}


def _check_shares(frame: pd.DataFrame, group: str) -> pd.DataFrame:
    missing = _SHARE_COLUMNS - set(frame)
    if missing:
        raise ValueError(f"frame lacks column(s) {sorted(missing)}; pass "
                         "wijkwijs.published.world_top_shares().")
    rows = frame[frame["group"] == group]
    if rows.empty:
        raise ValueError(f"frame has no rows of group {group!r}; it has "
                         f"{sorted(frame['group'].unique())}.")
    return rows


def _place(region: str) -> str:
    """A region's name in the current language (the data's own name if none is registered)."""
    key = f"ineqplot.place.{region}"
    return i18n.t(key) if key in i18n.keys() else str(region)


def _share_label(value: float, approximate: bool) -> str:
    return f"{'≈' if approximate else ''}{value:g}%"


def plot_top_shares_by_region(frame: pd.DataFrame, *, group: str = "top_10",
                              year: int | None = None, ax=None) -> Figure:
    """Horizontal bars: one group's income share per region in one year; the world stands out.

    ``frame`` is :func:`wijkwijs.published.world_top_shares`. ``year`` defaults to the
    latest year with rows of ``group``. Shares the report rounds ("about 36%") are
    labelled with ≈.

    >>> import matplotlib.pyplot as plt
    >>> from wijkwijs.published import world_top_shares
    >>> fig = plot_top_shares_by_region(world_top_shares())
    >>> len(fig.axes[0].patches) >= 2
    True
    >>> plt.close(fig)
    """
    rows = _check_shares(frame, group)
    year = int(rows["year"].max()) if year is None else int(year)
    rows = rows[rows["year"] == year].sort_values("share_pct")
    if rows.empty:
        raise ValueError(f"no rows of group {group!r} in {year}.")
    title = i18n.t("ineqplot.regions_title", group=i18n.t(f"ineqplot.group.{group}"), year=year)
    fig, ax = new_figure(title, i18n.t("ineqplot.share_pct"), i18n.t("ineqplot.region"),
                         figsize=(6.8, 0.45 * len(rows) + 1.6), ax=ax)
    colours = [CATEGORICAL[1] if r == "World" else CATEGORICAL[0] for r in rows["region"]]
    bars = ax.barh([_place(r) for r in rows["region"]], rows["share_pct"], color=colours)
    ax.bar_label(bars, labels=[_share_label(v, a) for v, a in
                               zip(rows["share_pct"], rows["approximate"], strict=True)],
                 padding=3)
    ax.set_xlim(0, 100)
    ax.annotate(i18n.t("ineqplot.wid_source"), (1, 0), xycoords="axes fraction",
                xytext=(0, -32), textcoords="offset points", ha="right", va="top",
                fontsize="x-small", color="0.3")
    return fig


def plot_top_share_trends(frame: pd.DataFrame, *, group: str = "top_1", ax=None) -> Figure:
    """Lines: one group's income share over the years, for every region with two or more years.

    ``frame`` is :func:`wijkwijs.published.world_top_shares`; each published point is
    marked and labelled (≈ where the report rounds). Only published years are drawn:
    the straight line between them is a reading aid, not data.

    >>> import matplotlib.pyplot as plt
    >>> from wijkwijs.published import world_top_shares
    >>> fig = plot_top_share_trends(world_top_shares())
    >>> len(fig.axes[0].get_lines()) >= 2
    True
    >>> plt.close(fig)
    """
    rows = _check_shares(frame, group)
    years_per_region = rows.groupby("region")["year"].nunique()
    regions = list(years_per_region.index[years_per_region >= 2])
    if not regions:
        raise ValueError(f"no region has two or more years of group {group!r}.")
    title = i18n.t("ineqplot.trends_title", group=i18n.t(f"ineqplot.group.{group}"))
    fig, ax = new_figure(title, i18n.t("ineqplot.year"), i18n.t("ineqplot.share_pct"),
                         figsize=(6.4, 4.0), ax=ax)
    top = 0.0
    for i, region in enumerate(regions):
        points = rows[rows["region"] == region].sort_values("year")
        colour = CATEGORICAL[i % len(CATEGORICAL)]
        ax.plot(points["year"], points["share_pct"], color=colour, marker="o", linewidth=2,
                label=_place(region))
        for k, (year, value, approx) in enumerate(zip(points["year"], points["share_pct"],
                                                      points["approximate"], strict=True)):
            first = k == 0  # the first year's label goes left, stacked per region
            ax.annotate(_share_label(value, approx), (year, value),
                        xytext=(-6, 7 - 14 * i) if first else (6, 0),
                        textcoords="offset points", ha="right" if first else "left",
                        va="center", fontsize="small", color=colour)
        top = max(top, float(points["share_pct"].max()))
    years = sorted(rows.loc[rows["region"].isin(regions), "year"].unique())
    ax.set_xticks(years)
    ax.set_xlim(years[0] - 8, years[-1] + 6)
    ax.set_ylim(0, 1.3 * top)
    ax.grid(axis="y", color="0.9")
    ax.legend(loc="upper left")
    ax.annotate(i18n.t("ineqplot.wid_source"), (1, 0), xycoords="axes fraction",
                xytext=(0, -32), textcoords="offset points", ha="right", va="top",
                fontsize="x-small", color="0.3")
    return fig
