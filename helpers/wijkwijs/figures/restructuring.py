"""Figures of chapter 4, mixing neighbourhoods: restructuring in the model city and in Havenstad.

Every ``plot_*`` function takes the data first and an optional ``ax`` last and returns
the :class:`~matplotlib.figure.Figure` it drew on.

* :func:`plot_buurt_stock` and :func:`plot_buurt_composition` — Havenstad: the
  restructured buurt's homes by tenure and its income mix, year by year;
* :func:`plot_demolition_destinations` — Havenstad: where the households whose homes were
  demolished went, by income group (carries :func:`wijkwijs.figures.mark_synthetic`);
* :func:`plot_restructuring_trajectories` — the model city: city and regional D with
  and without a restructuring;
* :func:`plot_displaced_map` — the model city: the share of the displaced households
  that moved to each zone, the restructured zone outlined;
* :class:`RestructuringPanels` — both model panels, drawn once and then redrawn fast
  (:mod:`wijkwijs.figures.blit`): the figure of the restructuring explorer.

The model city is a schematic, not a real place, and its figures say so on the axes.

>>> from wijkwijs.models.paradox import run_restructuring
>>> run = run_restructuring("inner-2", 40, seed=0, scale=0.3, years=6, year=3)
>>> fig = plot_restructuring_trajectories(run)
>>> fig.axes[0].get_xlabel()
'Years after the start'
>>> import matplotlib.pyplot as plt; plt.close(fig)
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.patches import Circle, Polygon

from wijkwijs import i18n
from wijkwijs.figures import CATEGORICAL, corner_note, label_axes, mark_synthetic
from wijkwijs.figures.blit import BlitFigure
from wijkwijs.figures.polygons import draw_polygons
from wijkwijs.havenstad.constants import TENURES
from wijkwijs.havenstad.restructuring import (
    DESTINATIONS,
    INCOME_GROUPS,
    RESTRUCTURING,
    destination_label,
    income_group_label,
)
from wijkwijs.models.paradox import RestructuringRun, make_zones

__all__ = ["MAP_VMAX", "RestructuringPanels", "plot_buurt_composition", "plot_buurt_stock",
           "plot_demolition_destinations",
           "plot_displaced_map", "plot_restructuring_trajectories"]

#: Colour scale of the destination map: 0 to this share of the displaced households.
MAP_VMAX = 0.25

i18n.register({
    "restr4.stock_title": {"en": "{buurt}: homes by tenure", "nl": "{buurt}: woningen naar "
                           "eigendom"},
    "restr4.year": {"en": "Year", "nl": "Jaar"},
    "restr4.homes_axis": {"en": "Homes (end of year)", "nl": "Woningen (eind van het jaar)"},
    "restr4.tenure.social_rent": {"en": "Social rent", "nl": "Sociale huur"},
    "restr4.tenure.private_rent": {"en": "Private rent", "nl": "Particuliere huur"},
    "restr4.tenure.owner_occupied": {"en": "Owner-occupied", "nl": "Koop"},
    "restr4.mix_title": {"en": "{buurt}: who lives there", "nl": "{buurt}: wie er woont"},
    "restr4.share_axis": {"en": "Share of the households", "nl": "Aandeel van de huishoudens"},
    "restr4.mix.low": {"en": "Low income (national bottom 40%)",
                       "nl": "Laag inkomen (landelijk laagste 40%)"},
    "restr4.mix.bottom_10": {"en": "National bottom 10%", "nl": "Landelijk laagste 10%"},
    "restr4.mix.high": {"en": "High income (national top 20%)",
                        "nl": "Hoog inkomen (landelijk hoogste 20%)"},
    "restr4.mix.city_low": {"en": "Low income, whole city", "nl": "Laag inkomen, hele stad"},
    "restr4.dest_title": {"en": "Where the tenants of the demolished homes went",
                          "nl": "Waar de huurders van de gesloopte woningen heen gingen"},
    "restr4.households": {"en": "Households", "nl": "Huishoudens"},
    "restr4.destination": {"en": "Destination", "nl": "Bestemming"},
    "restr4.traj_title": {"en": "Segregation with and without restructuring",
                          "nl": "Segregatie met en zonder herstructurering"},
    "restr4.years": {"en": "Years after the start", "nl": "Jaren na de start"},
    "restr4.dissimilarity": {"en": "Dissimilarity D, low vs high income (thirds)",
                             "nl": "Dissimilariteit D, laag vs hoog inkomen (derden)"},
    "restr4.city": {"en": "City, restructured", "nl": "Stad, geherstructureerd"},
    "restr4.city_base": {"en": "City, without restructuring",
                         "nl": "Stad, zonder herstructurering"},
    "restr4.metro": {"en": "Region, restructured", "nl": "Regio, geherstructureerd"},
    "restr4.metro_base": {"en": "Region, without restructuring",
                          "nl": "Regio, zonder herstructurering"},
    "restr4.demolition": {"en": "Demolition (year {year})", "nl": "Sloop (jaar {year})"},
    "restr4.map_title": {"en": "Where the displaced households moved",
                         "nl": "Waar de verdreven huishoudens heen gingen"},
    "restr4.map_share": {"en": "Share of the displaced households",
                         "nl": "Aandeel van de verdreven huishoudens"},
    "restr4.map_x": {"en": "West – east (schematic)", "nl": "West – oost (schematisch)"},
    "restr4.map_y": {"en": "South – north (schematic)", "nl": "Zuid – noord (schematisch)"},
    "restr4.restructured": {"en": "Restructured zone", "nl": "Geherstructureerde zone"},
    "restr4.city_boundary": {"en": "City boundary", "nl": "Stadsgrens"},
    "restr4.counts": {"en": "{homes} homes demolished, {displaced} households displaced:\n"
                            "{same} same zone · {city} other city zones · {suburb} suburbs",
                      "nl": "{homes} woningen gesloopt, {displaced} huishoudens verdreven:\n"
                            "{same} zelfde zone · {city} andere stadszones · "
                            "{suburb} randgemeenten"},
    "restr4.model_note": {"en": "Illustrative model city — schematic, not a real place",
                          "nl": "Illustratieve modelstad — schematisch, geen echte plek"},
})


def _new_axes(figsize: tuple[float, float]):
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=figsize, layout="constrained")[1]


def _model_note(ax):
    return corner_note(ax, i18n.t("restr4.model_note"), "lower right", fontsize="x-small",
                       zorder=1.2, box=False)


@lru_cache(maxsize=1)
def _zones() -> tuple[tuple[np.ndarray, ...], tuple[str, ...]]:
    z = make_zones()
    return tuple(np.asarray(p) for p in z.polygon), tuple(z.name)


def _check_run(run: RestructuringRun) -> None:
    if not isinstance(run, RestructuringRun):
        raise ValueError("run must be a RestructuringRun from "
                         f"wijkwijs.models.paradox.run_restructuring; got {type(run).__name__}.")


# -- Havenstad --------------------------------------------------------------------------
def plot_demolition_destinations(table: pd.DataFrame, *, ax=None) -> Figure:
    """Horizontal stacked bars: households per destination, stacked by income group.

    ``table`` is :func:`wijkwijs.havenstad.restructuring.demolition_destinations`
    (income groups as rows, :data:`~wijkwijs.havenstad.restructuring.DESTINATIONS` as
    columns). The figure says on itself that Havenstad is synthetic.

    >>> from wijkwijs.havenstad.restructuring import demolition_destinations
    >>> fig = plot_demolition_destinations(demolition_destinations())
    >>> len(fig.axes[0].patches) == 3 * 5
    True
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    if list(table.columns) != list(DESTINATIONS) or list(table.index) != list(INCOME_GROUPS):
        raise ValueError("table must have the income groups as rows and the destinations as "
                         "columns: use havenstad.restructuring.demolition_destinations().")
    ax = _new_axes((8, 3.8)) if ax is None else ax
    y = np.arange(len(DESTINATIONS))[::-1]
    left = np.zeros(len(DESTINATIONS))
    for k, group in enumerate(INCOME_GROUPS):
        values = table.loc[group].to_numpy(float)
        ax.barh(y, values, left=left, color=CATEGORICAL[k], label=income_group_label(group),
                edgecolor="white")
        left += values
    for yi, total in zip(y, left, strict=True):
        ax.text(total, yi, f" {int(total)}", va="center", fontsize="small")
    ax.set_yticks(y, [destination_label(d) for d in DESTINATIONS])
    ax.set_xlim(0, left.max() * 1.6 + 1)  # room for the legend beside the bars
    ax.legend(loc="center right", fontsize="small")
    ax.grid(axis="x", alpha=0.3)
    mark_synthetic(ax)
    label_axes(ax, i18n.t("restr4.dest_title"), i18n.t("restr4.households"),
               i18n.t("restr4.destination"))
    return ax.figure


def _check_history(history: pd.DataFrame, columns) -> None:
    missing = [c for c in ("year", *columns) if c not in history]
    if missing:
        raise ValueError(f"history lacks {missing}: use havenstad.restructuring.buurt_history().")


def plot_buurt_stock(history: pd.DataFrame, *, ax=None) -> Figure:
    """Stacked bars: the restructured buurt's homes by tenure at the end of each year.

    ``history`` is :func:`wijkwijs.havenstad.restructuring.buurt_history`; the year of
    the demolition is marked. The figure says on itself that Havenstad is synthetic.

    >>> from wijkwijs.havenstad.restructuring import buurt_history
    >>> fig = plot_buurt_stock(buurt_history())
    >>> len(fig.axes[0].patches) == 3 * len(buurt_history())
    True
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    _check_history(history, TENURES)
    ax = _new_axes((7.5, 4.2)) if ax is None else ax
    years = history.year.to_numpy()
    bottom = np.zeros(len(years))
    for k, tenure in enumerate(TENURES):
        values = history[tenure].to_numpy(float)
        ax.bar(years, values, bottom=bottom, color=CATEGORICAL[k], edgecolor="white",
               label=i18n.t(f"restr4.tenure.{tenure}"))
        bottom += values
    demolished = history.loc[history.demolished > 0, "year"]
    for year in demolished:
        ax.axvline(year - 0.5, color="#555555", ls=":", lw=1)
        ax.text(year - 0.45, bottom.max() * 1.02, i18n.t("restr4.demolition", year=int(year)),
                fontsize="x-small", va="bottom")
    ax.set_ylim(0, bottom.max() * 1.35)
    ax.set_xticks(years, [str(y) for y in years], rotation=45)
    ax.legend(loc="upper right", fontsize="small", ncols=3)
    mark_synthetic(ax)
    label_axes(ax, i18n.t("restr4.stock_title", buurt=RESTRUCTURING), i18n.t("restr4.year"),
               i18n.t("restr4.homes_axis"))
    return ax.figure


def plot_buurt_composition(history: pd.DataFrame, *, ax=None) -> Figure:
    """Lines: shares of low-income, bottom-10 % and high-income households in the buurt.

    The city's low-income share (national bottom 40 %) is drawn dashed for comparison;
    the year of the demolition is marked. Marked synthetic on the figure.

    >>> from wijkwijs.havenstad.restructuring import buurt_history
    >>> fig = plot_buurt_composition(buurt_history())
    >>> len(fig.axes[0].lines)
    5
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    columns = ("low", "bottom_10", "high", "city_low")
    _check_history(history, columns)
    ax = _new_axes((7.5, 4.2)) if ax is None else ax
    for k, col in enumerate(columns):
        ax.plot(history.year, history[col], color=CATEGORICAL[k if k < 3 else 0],
                ls="--" if col == "city_low" else "-", lw=2, marker="o" if k < 3 else None,
                ms=3, label=i18n.t(f"restr4.mix.{col}"))
    for year in history.loc[history.demolished > 0, "year"]:
        ax.axvline(year - 0.5, color="#555555", ls=":", lw=1,
                   label=i18n.t("restr4.demolition", year=int(year)))
    ax.set_ylim(0, 0.9)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper right", fontsize="x-small", ncols=2)
    mark_synthetic(ax, "lower left")
    label_axes(ax, i18n.t("restr4.mix_title", buurt=RESTRUCTURING), i18n.t("restr4.year"),
               i18n.t("restr4.share_axis"))
    return ax.figure


# -- the model city: building blocks ----------------------------------------------------
def _draw_trajectories(ax, run: RestructuringRun) -> dict[str, Artist]:
    years = run.history.year.to_numpy()
    a: dict[str, Artist] = {}
    for key, frame, col, colour, ls in (
            ("city_base", run.baseline, "dissimilarity_city", CATEGORICAL[0], ":"),
            ("metro_base", run.baseline, "dissimilarity_metro", CATEGORICAL[1], ":"),
            ("city", run.history, "dissimilarity_city", CATEGORICAL[0], "-"),
            ("metro", run.history, "dissimilarity_metro", CATEGORICAL[1], "--")):
        (a[key],) = ax.plot(years, frame[col], color=colour, lw=2 if ls != ":" else 1.5,
                            ls=ls, label=i18n.t(f"restr4.{key}"))
    a["demolition"] = ax.axvline(run.year, color=CATEGORICAL[6], lw=1,
                                 label=i18n.t("restr4.demolition", year=run.year))
    ax.set_ylim(0, 0.7)
    ax.set_xlim(years.min(), years.max())
    # below the axes, outside the data: the lines never cross it, so it is drawn once
    a["legend"] = ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), fontsize="x-small",
                            ncols=3, frameon=False)
    ax.grid(alpha=0.3)
    _model_note(ax)
    label_axes(ax, i18n.t("restr4.traj_title"), i18n.t("restr4.years"),
               i18n.t("restr4.dissimilarity"))
    return a


def _arrival_shares(run: RestructuringRun) -> np.ndarray:
    rings, _ = _zones()
    counts = np.bincount(run.moves.to_zone.to_numpy(int), minlength=len(rings))
    return counts / max(counts.sum(), 1)


def _counts_text(run: RestructuringRun) -> str:
    s = run.summary()
    return i18n.t("restr4.counts", homes=s["demolished"], displaced=s["displaced"],
                  same=s["same_zone"], city=s["other_city_zone"], suburb=s["suburb"])


def _draw_map(ax, run: RestructuringRun) -> dict[str, Artist]:
    rings, names = _zones()
    zones = draw_polygons(ax, rings, _arrival_shares(run), Normalize(0, MAP_VMAX),
                          linewidth=0.8)
    outline = ax.add_patch(Polygon(rings[names.index(run.zone)], closed=True, fill=False,
                                   edgecolor=CATEGORICAL[5], lw=2.5, zorder=3,
                                   label=i18n.t("restr4.restructured")))
    ax.add_patch(Circle((0, 0), 3.0, fill=False, ls="--", lw=1.2, color="black",
                        label=i18n.t("restr4.city_boundary")))
    ax.set_xlim(-4.6, 4.6)
    ax.set_ylim(-6.0, 4.6)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    # below the axes (the zone colours are redrawn over anything inside them)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.07), fontsize="x-small", ncols=2,
              frameon=False)
    counts = ax.text(0.5, 0.06, _counts_text(run), transform=ax.transAxes, ha="center",
                     va="bottom", fontsize="x-small",
                     bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.9})
    ax.text(0.5, 0.01, i18n.t("restr4.model_note"), transform=ax.transAxes, ha="center",
            va="bottom", fontsize="xx-small", style="italic", color="#333333")
    label_axes(ax, i18n.t("restr4.map_title"), i18n.t("restr4.map_x"), i18n.t("restr4.map_y"))
    return {"zones": zones, "outline": outline, "counts": counts}


# -- the model city: figures ------------------------------------------------------------
def plot_restructuring_trajectories(run: RestructuringRun, *, ax=None) -> Figure:
    """City and regional D of a restructured run (solid, dashed) and without it (dotted).

    >>> from wijkwijs.models.paradox import run_restructuring
    >>> run = run_restructuring("outer-2", 30, seed=0, scale=0.3, years=5, year=2)
    >>> fig = plot_restructuring_trajectories(run)
    >>> len(fig.axes[0].lines)
    5
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    _check_run(run)
    ax = _new_axes((7, 4.6)) if ax is None else ax
    _draw_trajectories(ax, run)
    return ax.figure


def plot_displaced_map(run: RestructuringRun, *, colorbar: bool = True, ax=None) -> Figure:
    """The schematic model city, each zone coloured by its share of the displaced arrivals.

    The restructured zone is outlined; the counts (same zone, other city zones,
    suburbs) are written under the map. Colours run from 0 to :data:`MAP_VMAX`.

    >>> from wijkwijs.models.paradox import run_restructuring
    >>> run = run_restructuring("inner-1", 30, seed=0, scale=0.3, years=5, year=2)
    >>> fig = plot_displaced_map(run)
    >>> len(fig.axes[0].collections[0].get_paths())
    20
    >>> import matplotlib.pyplot as plt; plt.close(fig)
    """
    _check_run(run)
    ax = _new_axes((5.6, 5.6)) if ax is None else ax
    zones = _draw_map(ax, run)["zones"]
    if colorbar:
        ax.figure.colorbar(zones, ax=ax, label=i18n.t("restr4.map_share"), shrink=0.8)
    return ax.figure


# -- the explorer's figure --------------------------------------------------------------
class RestructuringPanels:
    """Trajectories (left) and the destination map (right) of one run, redrawn fast.

    The first :meth:`show` draws everything and keeps the parts that never change as a
    background; later calls update only the lines, the zone colours, the outline of the
    restructured zone and the counts (the demolition year and the years must stay the
    same; otherwise everything is drawn again).

    >>> from wijkwijs.models.paradox import run_restructuring
    >>> panels = RestructuringPanels(Figure(figsize=(11.0, 4.8)))
    >>> png = panels.show(run_restructuring("inner-1", 30, seed=0, scale=0.3, years=5, year=2))
    >>> png[:4] == b"\\x89PNG"
    True
    """

    def __init__(self, figure: Figure, *, dpi: float = 90) -> None:
        self.figure = figure
        self._frames = BlitFigure(figure, dpi=dpi)
        self._artists: dict[str, Artist] = {}
        self._key: tuple | None = None
        self.trajectory_axes = self.map_axes = None

    def show(self, run: RestructuringRun) -> bytes:
        """Draw ``run``; return the frame as a PNG."""
        _check_run(run)
        key = (i18n.get_language(), run.year, tuple(run.history.year))
        if self._artists and key == self._key:
            self._update(run)
        else:
            self.figure.clear()
            self._draw(run)
            self._key = key
        return self._frames.frame()

    def _draw(self, run: RestructuringRun) -> None:
        fig = self.figure
        left = fig.add_axes((0.06, 0.27, 0.46, 0.65))
        right = fig.add_axes((0.57, 0.15, 0.35, 0.77))
        cax = fig.add_axes((0.93, 0.2, 0.013, 0.62))
        self.trajectory_axes, self.map_axes = left, right
        self._artists = {**_draw_trajectories(left, run),
                         **{f"map_{k}": v for k, v in _draw_map(right, run).items()}}
        fig.colorbar(self._artists["map_zones"], cax=cax, label=i18n.t("restr4.map_share"))
        a = self._artists
        self._frames.freeze([a["city_base"], a["metro_base"], a["city"], a["metro"],
                             a["map_zones"], a["map_outline"], a["map_counts"]])

    def _update(self, run: RestructuringRun) -> None:
        a = self._artists
        years = run.history.year.to_numpy()
        a["city"].set_data(years, run.history.dissimilarity_city)
        a["metro"].set_data(years, run.history.dissimilarity_metro)
        a["city_base"].set_data(years, run.baseline.dissimilarity_city)
        a["metro_base"].set_data(years, run.baseline.dissimilarity_metro)
        rings, names = _zones()
        a["map_zones"].set_array(_arrival_shares(run))
        a["map_outline"].set_xy(rings[names.index(run.zone)])
        a["map_counts"].set_text(_counts_text(run))
