"""Figures of chapter 7.1, what the statistics see: Havenstad's liveability score.

Every function follows ``plot_*(data, ..., ax=None) -> Figure`` and draws synthetic
Havenstad, so every figure says so on itself (:func:`wijkwijs.figures.mark_synthetic`).
The data come from :mod:`wijkwijs.havenstad.liveability`.

* :func:`plot_class_distribution` — buurten per liveability class, per year;
* :func:`plot_dimensions` — the five dimensions of a few buurten side by side;
* :func:`plot_score_against_infrastructure` — the score against a measure of social
  infrastructure, with the class bounds;
* :func:`plot_dimension_trends` — the city's mean of each dimension per year.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from wijkwijs import i18n
from wijkwijs.figures import CATEGORICAL, OKABE_ITO, NotebookFigure, label_axes, mark_synthetic
from wijkwijs.havenstad import liveability  # noqa: F401  (registers the dimension names)
from wijkwijs.havenstad.generate.liveability import (
    LIVEABILITY_CLASS_BOUNDS,
    LIVEABILITY_DIMENSIONS,
)
from wijkwijs.style import SEQUENTIAL_CMAP

__all__ = ["plot_class_distribution", "plot_dimension_trends", "plot_dimensions",
           "plot_score_against_infrastructure"]

i18n.register({
    "live7.classes.title": {"en": "Buurten per liveability class, {first}–{last}",
                            "nl": "Buurten per leefbaarheidsklasse, {first}–{last}"},
    "live7.classes.x": {"en": "Year", "nl": "Jaar"},
    "live7.classes.y": {"en": "Buurten", "nl": "Buurten"},
    "live7.classes.legend": {"en": "Class (1 = very insufficient … 9 = excellent)",
                             "nl": "Klasse (1 = zeer onvoldoende … 9 = uitstekend)"},
    "live7.dims.title": {"en": "Five dimensions of the score, {year}",
                         "nl": "Vijf dimensies van de score, {year}"},
    "live7.dims.x": {"en": "Contribution to the score (0 = the reference)",
                     "nl": "Bijdrage aan de score (0 = de referentie)"},
    "live7.dims.y": {"en": "Dimension", "nl": "Dimensie"},
    "live7.scatter.title": {"en": "Liveability score and social infrastructure, {year}",
                            "nl": "Leefbaarheidsscore en sociale infrastructuur, {year}"},
    "live7.scatter.y": {"en": "Liveability score (Leefbaarometer-like)",
                        "nl": "Leefbaarheidsscore (Leefbaarometer-achtig)"},
    "live7.measure.meeting_places": {"en": "Meeting places", "nl": "Ontmoetingsplekken"},
    "live7.measure.meeting_places_per_1000": {"en": "Meeting places per 1,000 residents",
                                              "nl": "Ontmoetingsplekken per 1.000 inwoners"},
    "live7.measure.organisations": {"en": "Organisations", "nl": "Organisaties"},
    "live7.measure.types_present": {"en": "Types of organisation present",
                                    "nl": "Soorten organisaties aanwezig"},
    "live7.bounds": {"en": "class bounds", "nl": "klassegrenzen"},
    "live7.trends.title": {"en": "City mean of each dimension, {first}–{last}",
                           "nl": "Stadsgemiddelde van elke dimensie, {first}–{last}"},
    "live7.trends.y": {"en": "Mean contribution to the score",
                       "nl": "Gemiddelde bijdrage aan de score"},
})


def _axes(ax, figsize: tuple[float, float]):
    if ax is None:
        ax = NotebookFigure(figsize=figsize, layout="constrained").add_subplot()
    return ax.figure, ax


def _require(frame: pd.DataFrame, columns: Sequence[str], name: str, maker: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"{name} must be a pandas DataFrame; got {type(frame).__name__}.")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} has no column {missing[0]!r}; make it with {maker}.")


def plot_class_distribution(distribution: pd.DataFrame, *, ax=None) -> Figure:
    """Stacked bars: how many buurten are in each class (1-9), year by year.

    ``distribution`` is :func:`wijkwijs.havenstad.liveability.class_distribution`.

    >>> from wijkwijs.havenstad.liveability import class_distribution
    >>> fig = plot_class_distribution(class_distribution())
    >>> fig.axes[0].get_xlabel()
    'Year'
    """
    _require(distribution, list(range(1, 10)), "distribution", "class_distribution()")
    years = distribution.index.to_numpy()
    fig, ax = _axes(ax, (7.0, 4.2))
    bottom = np.zeros(len(years))
    from matplotlib import colormaps

    colours = colormaps[SEQUENTIAL_CMAP](np.linspace(0.0, 1.0, 9))
    for cls in range(1, 10):
        counts = distribution[cls].to_numpy(float)
        ax.bar(years, counts, bottom=bottom, color=colours[cls - 1], edgecolor="white",
               linewidth=0.5, label=str(cls))
        bottom += counts
    label_axes(ax, i18n.t("live7.classes.title", first=years.min(), last=years.max()),
               i18n.t("live7.classes.x"), i18n.t("live7.classes.y"))
    ax.set_xticks(years)
    ax.set_ylim(0, 1.12 * bottom.max())  # room for the synthetic note above the bars
    ax.tick_params(axis="x", labelrotation=45)
    ax.legend(title=i18n.t("live7.classes.legend"), ncols=9, fontsize=7, title_fontsize=8,
              loc="upper center", bbox_to_anchor=(0.5, -0.22), frameon=False)
    mark_synthetic(ax, "upper right")
    return fig


def plot_dimensions(table: pd.DataFrame, names: Sequence[str], *, year: object = "",
                    ax=None) -> Figure:
    """Horizontal bars: the five dimensions of the buurten ``names``, side by side.

    ``table`` is :func:`wijkwijs.havenstad.liveability.liveability_table`.

    >>> from wijkwijs.havenstad.liveability import liveability_table
    >>> fig = plot_dimensions(liveability_table(2019), ["Kersenhof", "Kievitbuurt"], year=2019)
    >>> len(fig.axes[0].patches)
    10
    """
    _require(table, ["name", *LIVEABILITY_DIMENSIONS], "table", "liveability_table()")
    rows = table.set_index("name")
    unknown = [n for n in names if n not in rows.index]
    if unknown:
        raise ValueError(f"the table has no buurt {unknown[0]!r}.")
    if not 1 <= len(names) <= len(CATEGORICAL):
        raise ValueError(f"names must list 1 to {len(CATEGORICAL)} buurten; got {len(names)}.")
    fig, ax = _axes(ax, (7.0, 4.0))
    y = np.arange(len(LIVEABILITY_DIMENSIONS))
    height = 0.8 / len(names)
    for k, name in enumerate(names):
        values = rows.loc[name, list(LIVEABILITY_DIMENSIONS)].to_numpy(float)
        ax.barh(y + (k - (len(names) - 1) / 2) * height, values, height=height,
                color=CATEGORICAL[k], label=name)
    ax.axvline(0, color="#333333", linewidth=0.8)
    ax.set_yticks(y, [i18n.t(f"live7.dim.{d}") for d in LIVEABILITY_DIMENSIONS])
    ax.invert_yaxis()
    label_axes(ax, i18n.t("live7.dims.title", year=year), i18n.t("live7.dims.x"),
               i18n.t("live7.dims.y"))
    ax.legend(fontsize=8, loc="lower left")
    mark_synthetic(ax, "lower right")
    return fig


def plot_score_against_infrastructure(table: pd.DataFrame, *,
                                      measure: str = "meeting_places_per_1000",
                                      highlight: Sequence[str] = (), year: object = "",
                                      ax=None) -> Figure:
    """Scatter: the score of every buurt against ``measure``, with the class bounds.

    >>> from wijkwijs.havenstad.liveability import liveability_table
    >>> fig = plot_score_against_infrastructure(liveability_table(2019), year=2019)
    >>> fig.axes[0].get_ylabel()
    'Liveability score (Leefbaarometer-like)'
    """
    _require(table, ["name", "score", measure], "table", "liveability_table()")
    fig, ax = _axes(ax, (7.0, 4.4))
    ax.scatter(table[measure], table["score"], s=28, color=CATEGORICAL[0], alpha=0.8,
               zorder=3)
    low, high = table["score"].min(), table["score"].max()
    shown = [b for b in LIVEABILITY_CLASS_BOUNDS if low - 0.05 <= b <= high + 0.05]
    for k, bound in enumerate(shown):
        ax.axhline(bound, color="#999999", linewidth=0.7, linestyle=":",
                   label=i18n.t("live7.bounds") if k == 0 else None)
    rows = table.set_index("name")
    right = float(table[measure].max())
    for name in highlight:
        if name not in rows.index:
            raise ValueError(f"the table has no buurt {name!r}.")
        x, y = float(rows.loc[name, measure]), float(rows.loc[name, "score"])
        ax.scatter([x], [y], s=90, facecolors="none", edgecolors=OKABE_ITO["vermillion"],
                   linewidths=2, zorder=4)
        near_edge = x > 0.75 * right  # label to the left, so it stays inside the axes
        ax.annotate(name, (x, y), xytext=(-6 if near_edge else 6, 6), textcoords="offset points",
                    fontsize=9, ha="right" if near_edge else "left")
    label_axes(ax, i18n.t("live7.scatter.title", year=year), i18n.t(f"live7.measure.{measure}"),
               i18n.t("live7.scatter.y"))
    ax.legend(fontsize=8, loc="upper right")
    mark_synthetic(ax, "lower right")
    return fig


def plot_dimension_trends(statistics: pd.DataFrame, *, ax=None) -> Figure:
    """Lines: the mean of each dimension over the city's buurten, per year.

    ``statistics`` is :func:`wijkwijs.havenstad.havenstad_statistics` (all years).

    >>> from wijkwijs.havenstad import havenstad_statistics
    >>> fig = plot_dimension_trends(havenstad_statistics())
    >>> len(fig.axes[0].lines)
    6
    """
    columns = [f"liveability_{d}" for d in LIVEABILITY_DIMENSIONS]
    _require(statistics, ["level", "gemeente_code", "year", *columns], "statistics",
             "havenstad_statistics()")
    city = statistics[(statistics["level"] == "buurt")
                      & (statistics["gemeente_code"] == "GM9901")]
    means = city.groupby("year")[columns].mean()
    fig, ax = _axes(ax, (7.0, 4.2))
    for k, d in enumerate(LIVEABILITY_DIMENSIONS):
        ax.plot(means.index, means[f"liveability_{d}"], marker="o", markersize=3,
                color=CATEGORICAL[k], label=i18n.t(f"live7.dim.{d}"))
    ax.axhline(0, color="#333333", linewidth=0.8)
    label_axes(ax, i18n.t("live7.trends.title", first=means.index.min(),
                          last=means.index.max()),
               i18n.t("live7.classes.x"), i18n.t("live7.trends.y"))
    ax.legend(fontsize=8, loc="upper left", ncols=2)
    mark_synthetic(ax, "lower right")
    return fig
