"""Figures of chapter 3, the segregation paradox: trajectories, shares and the model city.

Every ``plot_*`` function takes the data first and an optional ``ax`` last and returns
the :class:`~matplotlib.figure.Figure` it drew on: without ``ax`` it makes a new pyplot
figure, with ``ax`` it draws into that axis. The zone maps are a *schematic* of the
model city (annular sectors drawn by :func:`wijkwijs.figures.polygons.draw_polygons`),
not a real place. The model city is an *illustrative model*, not Havenstad: every figure
says so on the figure itself (:func:`mark_model`), as Havenstad's figures carry
:func:`wijkwijs.figures.mark_synthetic`. *Low* and *high* income are the model's bottom
and top third of the region's incomes in year 0, and the labels say so.

:class:`ParadoxPanels` is the figure of the paradox explorer: both panels drawn once,
then redrawn fast when the year or the policy changes (see :mod:`wijkwijs.figures.blit`).

>>> from wijkwijs.examples.paradox import run_scenario
>>> history, zone_history = run_scenario(seed=0, years=3, scale=0.2)
>>> fig = plot_trajectories(history, year=2)
>>> fig.axes[0].get_xlabel()
'Years after the start'
>>> import matplotlib.pyplot as plt; plt.close(fig)
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.patches import Circle

from wijkwijs import i18n
from wijkwijs._validate import check_choice, check_year
from wijkwijs.examples.paradox import low_point
from wijkwijs.figures import CATEGORICAL, corner_note, label_axes
from wijkwijs.figures.blit import BlitFigure
from wijkwijs.figures.polygons import draw_polygons
from wijkwijs.models.paradox import make_zones

__all__ = ["MAP_COLUMNS", "ParadoxPanels", "mark_model", "plot_low_income_shares",
           "plot_maps_by_year", "plot_trajectories", "plot_zone_map"]

#: The zone shares a map can show.
MAP_COLUMNS = ("low_share", "high_share", "social_share")
#: Colour scale of the maps: 0 to this share, the same for every year.
MAP_VMAX = 0.7

i18n.register({
    "paradox.trajectory_title": {"en": "Segregation of low- vs high-income households",
                                 "nl": "Segregatie van lage- en hoge inkomens"},
    "paradox.dissimilarity_groups": {"en": "Dissimilarity index D (bottom vs top third)",
                                     "nl": "Dissimilariteitsindex D (laagste vs hoogste derde)"},
    "paradox.years": {"en": "Years after the start", "nl": "Jaren na de start"},
    "paradox.dissimilarity": {"en": "Dissimilarity index D", "nl": "Dissimilariteitsindex D"},
    "paradox.city": {"en": "City (centre, inner, outer rings)",
                     "nl": "Stad (centrum, binnen- en buitenring)"},
    "paradox.metro": {"en": "Metropolitan region (city + suburbs)",
                      "nl": "Stadsregio (stad + randgemeenten)"},
    "paradox.selected_year": {"en": "Year {year}", "nl": "Jaar {year}"},
    "paradox.low_point": {"en": "Lowest city D (year {year})",
                          "nl": "Laagste D stad (jaar {year})"},
    "paradox.low_point_legend": {"en": "Lowest city D", "nl": "Laagste D stad"},
    "paradox.year_legend": {"en": "Selected year", "nl": "Gekozen jaar"},
    "paradox.low_point_mark": {"en": "lowest: year {year}", "nl": "laagste: jaar {year}"},
    "paradox.shares_title": {"en": "Where low-income (bottom-third) households live",
                             "nl": "Waar huishoudens met een laag inkomen (laagste derde) wonen"},
    "paradox.low_share": {"en": "Low-income share (bottom third)",
                          "nl": "Aandeel laag inkomen (laagste derde)"},
    "paradox.high_share": {"en": "High-income share (top third)",
                           "nl": "Aandeel hoog inkomen (hoogste derde)"},
    "paradox.social_share": {"en": "Social-rent share of households",
                             "nl": "Aandeel huishoudens in sociale huur"},
    "paradox.low_share_city": {"en": "In the city", "nl": "In de stad"},
    "paradox.low_share_suburbs": {"en": "In the suburbs", "nl": "In de randgemeenten"},
    "paradox.map_title": {"en": "{what} by zone, year {year}",
                          "nl": "{what} per zone, jaar {year}"},
    "paradox.map_title_years": {"en": "{what} by zone", "nl": "{what} per zone"},
    "paradox.map_x": {"en": "West – east (schematic)", "nl": "West – oost (schematisch)"},
    "paradox.map_y": {"en": "South – north (schematic)", "nl": "Zuid – noord (schematisch)"},
    "paradox.city_boundary": {"en": "City boundary", "nl": "Stadsgrens"},
    "paradox.schematic_note": {"en": "Illustrative model city — schematic, not a real place",
                               "nl": "Illustratieve modelstad — schematisch, geen echte plek"},
    "paradox.model_note": {"en": "Illustrative model — not a real city",
                           "nl": "Illustratief model — geen echte stad"},
})


def _new_axes(figsize: tuple[float, float]):
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=figsize, layout="constrained")[1]


@lru_cache(maxsize=1)
def _zone_rings() -> tuple[np.ndarray, ...]:
    return tuple(np.asarray(p) for p in make_zones().polygon)


def mark_model(ax, where: str = "lower right"):
    """Say on the axes that they show the illustrative model city, not a real city.

    The counterpart of :func:`wijkwijs.figures.mark_synthetic` for the toy model: small,
    italic, in the current language, *below* the data (so a redrawn line covers it
    exactly as a full draw would). Returns the text artist.

    >>> from wijkwijs.figures import NotebookFigure
    >>> ax = NotebookFigure().add_subplot()
    >>> mark_model(ax).get_text()
    'Illustrative model — not a real city'
    >>> mark_model(ax, "middle")
    Traceback (most recent call last):
    ...
    ValueError: where must be one of 'lower left', ... got 'middle'.
    """
    return corner_note(ax, i18n.t("paradox.model_note"), where, fontsize="x-small",
                       zorder=1.2, box=False)


# -- building blocks: draw into an axis, return the artists that may change ------------
def _draw_trajectories(ax, history: pd.DataFrame, year: int | None,
                       title: str | None, *, static_legend: bool = False) -> dict[str, Artist]:
    """Draw the trajectories; return the artists that may change.

    With ``static_legend`` (the explorer's panels) the legend names no year and sits
    above the axes, where no line can pass under it, so that it never needs redrawing.
    """
    years = history.year.to_numpy()
    (city,) = ax.plot(years, history.dissimilarity_city, color=CATEGORICAL[0], lw=2,
                      label=i18n.t("paradox.city"))
    (metro,) = ax.plot(years, history.dissimilarity_metro, color=CATEGORICAL[1], lw=2,
                       ls="--", label=i18n.t("paradox.metro"))
    low_year, low_value = low_point(history)
    (low,) = ax.plot([low_year], [low_value], "o", color=CATEGORICAL[0], ms=8, mfc="white",
                     label=i18n.t("paradox.low_point_legend") if static_legend
                     else i18n.t("paradox.low_point", year=low_year))
    artists: dict[str, Artist] = {"city": city, "metro": metro, "low": low}
    if year is not None:
        artists["year"] = ax.axvline(year, color=CATEGORICAL[6], lw=1, ls=":",
                                     label=i18n.t("paradox.year_legend") if static_legend
                                     else i18n.t("paradox.selected_year", year=year))
        (artists["year_values"],) = ax.plot(*_year_values(history, year), "o",
                                            color=CATEGORICAL[6], ms=5)
    ax.set_ylim(0, 0.7)
    ax.set_xlim(years.min(), years.max())
    artists["legend"] = (ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=2,
                                   fontsize="small", frameon=False, borderaxespad=0.3)
                         if static_legend else _trajectory_legend(ax))
    ax.grid(alpha=0.3)
    mark_model(ax)
    label_axes(ax, title or i18n.t("paradox.trajectory_title"), i18n.t("paradox.years"),
               i18n.t("paradox.dissimilarity_groups"))
    if static_legend:
        ax.set_title(ax.get_title(), pad=36)
    return artists


def _trajectory_legend(ax):
    return ax.legend(loc="upper right", fontsize="small")


def _year_values(history: pd.DataFrame, year: int) -> tuple[list[float], list[float]]:
    """The city's and the region's D in ``year`` (nothing if the run has no such year)."""
    row = history.loc[history.year == year]
    if not len(row):
        return [], []
    return [year, year], [row.dissimilarity_city.item(), row.dissimilarity_metro.item()]


def _zone_values(zone_history: pd.DataFrame, year: int, column: str) -> np.ndarray:
    check_choice(column, MAP_COLUMNS, "column")
    check_year(year, sorted(zone_history.year.unique()))
    rows = zone_history.loc[zone_history.year == year].sort_values("zone")
    return rows[column].to_numpy()


def _draw_zone_map(ax, zone_history: pd.DataFrame, year: int, column: str,
                   vmax: float) -> dict[str, Artist]:
    values = _zone_values(zone_history, year, column)
    zones = draw_polygons(ax, _zone_rings(), values, Normalize(0, vmax), linewidth=0.8)
    boundary = ax.add_patch(Circle((0, 0), 3.0, fill=False, ls="--", lw=1.2, color="black",
                                   label=i18n.t("paradox.city_boundary")))
    ax.set_xlim(-4.6, 4.6)
    ax.set_ylim(-4.6, 4.6)
    ax.set_aspect("equal")
    ax.set_xticks([])  # positions on a schematic map have no unit
    ax.set_yticks([])
    legend = ax.legend(loc="upper left", fontsize="x-small", framealpha=0.9, borderpad=0.3,
                       handlelength=1.5)
    note = ax.text(0.99, 0.01, i18n.t("paradox.schematic_note"), transform=ax.transAxes,
                   ha="right", va="bottom", fontsize="x-small", style="italic")
    label_axes(ax, _map_title(column, year), i18n.t("paradox.map_x"), i18n.t("paradox.map_y"))
    return {"zones": zones, "boundary": boundary, "note": note, "legend": legend,
            "title": ax.title}


def _map_title(column: str, year: int) -> str:
    return i18n.t("paradox.map_title", what=i18n.t(f"paradox.{column}"), year=year)


# -- figures ----------------------------------------------------------------------------
def plot_trajectories(history: pd.DataFrame, year: int | None = None, *,
                      title: str | None = None, ax=None) -> Figure:
    """City and regional dissimilarity over the years, the city's low point and ``year``.

    >>> from wijkwijs.examples.paradox import run_scenario
    >>> h, _ = run_scenario(seed=0, years=3, scale=0.2)
    >>> fig = plot_trajectories(h, year=2)
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()][-1]
    'Year 2'
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    ax = _new_axes((7, 4.2)) if ax is None else ax
    _draw_trajectories(ax, history, year, title)
    return ax.figure


def plot_low_income_shares(history: pd.DataFrame, *, ax=None) -> Figure:
    """Low-income share of the households in the city and in the suburbs, per year.

    >>> from wijkwijs.examples.paradox import run_scenario
    >>> h, _ = run_scenario(seed=0, years=3, scale=0.2)
    >>> fig = plot_low_income_shares(h)
    >>> len(fig.axes[0].lines)
    2
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    ax = _new_axes((7, 4)) if ax is None else ax
    ax.plot(history.year, history.low_share_city, color=CATEGORICAL[0], lw=2,
            label=i18n.t("paradox.low_share_city"))
    ax.plot(history.year, history.low_share_suburbs, color=CATEGORICAL[2], lw=2, ls="--",
            label=i18n.t("paradox.low_share_suburbs"))
    ax.set_ylim(0, 0.5)
    ax.legend(loc="upper right")
    ax.grid(alpha=0.3)
    mark_model(ax)
    label_axes(ax, i18n.t("paradox.shares_title"), i18n.t("paradox.years"),
               i18n.t("paradox.low_share"))
    return ax.figure


def plot_zone_map(zone_history: pd.DataFrame, year: int, column: str = "low_share", *,
                  colorbar: bool = True, vmax: float = MAP_VMAX, ax=None) -> Figure:
    """The schematic model city in ``year``, each zone coloured by ``column``.

    Zones are the model's annular sectors (centre, inner ring, outer ring inside the
    dashed city boundary; suburbs outside), coloured with ``cividis`` on a fixed
    0–``vmax`` scale so that years can be compared. The zones are the axis's first
    collection (``ax.collections[0]``).

    >>> from wijkwijs.examples.paradox import run_scenario
    >>> _, zh = run_scenario(seed=0, years=2, scale=0.2)
    >>> fig = plot_zone_map(zh, 2)
    >>> ax = fig.axes[0]
    >>> len(ax.collections[0].get_paths()), ax.get_title()
    (20, 'Low-income share (bottom third) by zone, year 2')
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    ax = _new_axes((5.6, 4.6)) if ax is None else ax
    zones = _draw_zone_map(ax, zone_history, year, column, vmax)["zones"]
    if colorbar:
        ax.figure.colorbar(zones, ax=ax, label=i18n.t(f"paradox.{column}"), shrink=0.85)
    return ax.figure


def plot_maps_by_year(zone_history: pd.DataFrame, years: Sequence[int],
                      column: str = "low_share", *, ax: Sequence[Any] | None = None) -> Figure:
    """Side-by-side schematic maps for several years, sharing one colour bar.

    ``ax`` is one axis per year (all in one figure); without it a new figure is made.

    >>> from wijkwijs.examples.paradox import run_scenario
    >>> _, zh = run_scenario(seed=0, years=2, scale=0.2)
    >>> fig = plot_maps_by_year(zh, (0, 2))
    >>> [a.get_title() for a in fig.axes[:2]]
    ['Year 0', 'Year 2']
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    if ax is None:
        import matplotlib.pyplot as plt

        fig = plt.figure(figsize=(12, 4.2), layout="constrained")
        axes = list(np.atleast_1d(fig.subplots(1, len(years))))
    else:
        axes = list(np.atleast_1d(ax))
        if len(axes) != len(years):
            raise ValueError(f"ax must hold one axis per year: {len(years)} years, "
                             f"{len(axes)} axes.")
        fig = axes[0].figure
    zones = None
    for axis, year in zip(axes, years, strict=True):
        zones = _draw_zone_map(axis, zone_history, year, column, MAP_VMAX)["zones"]
        axis.set_title(i18n.t("paradox.selected_year", year=year))
    fig.suptitle(i18n.t("paradox.map_title_years", what=i18n.t(f"paradox.{column}")))
    fig.colorbar(zones, ax=axes, label=i18n.t(f"paradox.{column}"), shrink=0.8)
    return fig


# -- the explorer's figure --------------------------------------------------------------
class ParadoxPanels:
    """Trajectories (left) and the zone map (right) of one run, redrawn fast.

    :meth:`show` draws a run and a year. The first call draws everything and keeps the
    parts that never change (axes, ticks, labels, titles, legends, notes, colour bar) as
    a background; later calls only update the changing artists — the lines, the low
    point and the year marker with the short texts naming their years, the zone colours
    and the map's year — and draw them on that background. The frames are the pixels a
    full redraw would give. The legend names no year and sits above the axes, and the
    map's title names none either: text is the slowest thing to draw, so the texts that
    change are kept short.

    Parameters
    ----------
    figure
        The figure to draw on (a fixed layout: the axes get fixed positions).
    dpi
        Resolution of the frames.

    Examples
    --------
    >>> from wijkwijs.examples.paradox import run_scenario
    >>> panels = ParadoxPanels(Figure(figsize=(11.0, 4.6)))
    >>> png = panels.show(*run_scenario(seed=0, years=3, scale=0.2), year=1)
    >>> png[:4] == b"\\x89PNG", panels.map_axes.get_title(), panels.year_label
    (True, 'Low-income share (bottom third) by zone', 'Year 1')
    """

    def __init__(self, figure: Figure, *, dpi: float = 90) -> None:
        self.figure = figure
        self._frames = BlitFigure(figure, dpi=dpi)
        self._artists: dict[str, Artist] = {}
        self._language = i18n.get_language()
        self.trajectory_axes = self.map_axes = None

    @property
    def year_label(self) -> str:
        """The year the map shows, as written on it (``"Year 12"``)."""
        return self._artists["map_year"].get_text() if self._artists else ""

    def show(self, history: pd.DataFrame, zone_history: pd.DataFrame, year: int) -> bytes:
        """Draw ``history`` and the map of ``year``; return the frame as a PNG."""
        if self._artists and self._language == i18n.get_language():
            self._update(history, zone_history, year)
        else:  # the first frame, or the static labels are in another language
            self.figure.clear()
            self._draw(history, zone_history, year)
        return self._frames.frame()

    def _draw(self, history: pd.DataFrame, zone_history: pd.DataFrame, year: int) -> None:
        fig = self.figure
        left = fig.add_axes((0.065, 0.12, 0.45, 0.66))
        right = fig.add_axes((0.575, 0.12, 0.34, 0.78))
        cax = fig.add_axes((0.925, 0.17, 0.015, 0.68))
        self.trajectory_axes, self.map_axes = left, right
        self._language = i18n.get_language()
        artists = _draw_trajectories(left, history, year, None, static_legend=True)
        artists["low_mark"] = left.annotate(
            "", (0, 0), xytext=(0, -9), textcoords="offset points", ha="center", va="top",
            fontsize="x-small", color=CATEGORICAL[0])
        artists["year_mark"] = left.annotate(
            "", (year, 1), xycoords=("data", "axes fraction"), xytext=(3, -3),
            textcoords="offset points",
            va="top", fontsize="x-small", color="black")
        maps = _draw_zone_map(right, zone_history, year, "low_share", MAP_VMAX)
        right.set_title(i18n.t("paradox.map_title_years", what=i18n.t("paradox.low_share")))
        maps["year"] = right.text(0.99, 0.99, "", transform=right.transAxes, ha="right",
                                  va="top", fontsize="small", weight="bold")
        self._artists = {**artists, **{f"map_{k}": v for k, v in maps.items()}}
        self._set_marks(history, year)
        fig.colorbar(self._artists["map_zones"], cax=cax, label=i18n.t("paradox.low_share"))
        self._freeze()

    def _set_marks(self, history: pd.DataFrame, year: int) -> None:
        """The low point with the text naming its year, and the selected year's texts."""
        a = self._artists
        low_year, low_value = low_point(history)
        a["low"].set_data([low_year], [low_value])
        a["low_mark"].xy = (low_year, low_value)
        a["low_mark"].set_text(i18n.t("paradox.low_point_mark", year=low_year))
        late = year > (history.year.min() + history.year.max()) / 2  # text left of the line
        a["year_mark"].xy = (year, 1)
        a["year_mark"].set_position((-3, -3) if late else (3, -3))
        a["year_mark"].set_horizontalalignment("right" if late else "left")
        a["year_mark"].set_text(i18n.t("paradox.selected_year", year=year))
        a["map_year"].set_text(i18n.t("paradox.selected_year", year=year))

    def _freeze(self) -> None:
        """Everything that changes, in the order a full draw paints it.

        The legends, the notes and both titles never change, and nothing that changes
        is drawn where they are: they are part of the background.
        """
        a = self._artists
        self._frames.freeze([
            a["city"], a["metro"], a["low"], a["year"], a["year_values"],
            *self.trajectory_axes.spines.values(), a["low_mark"], a["year_mark"],
            a["map_zones"], a["map_boundary"], a["map_year"],
        ])

    def _update(self, history: pd.DataFrame, zone_history: pd.DataFrame, year: int) -> None:
        a, left = self._artists, self.trajectory_axes
        values = _zone_values(zone_history, year, "low_share")
        years = history.year.to_numpy()
        if tuple(left.get_xlim()) != (years.min(), years.max()):  # other years: a new frame
            self.figure.clear()
            self._draw(history, zone_history, year)
            return
        a["city"].set_data(years, history.dissimilarity_city)
        a["metro"].set_data(years, history.dissimilarity_metro)
        a["year"].set_xdata([year, year])
        a["year_values"].set_data(*_year_values(history, year))
        a["map_zones"].set_array(values)
        self._set_marks(history, year)
