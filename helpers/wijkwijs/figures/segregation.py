"""Figures for chapter 2 (segregation): the toy city, checkerboards, Havenstad trends and maps.

Every function follows the convention of :mod:`wijkwijs.figures`:
``plot_*(data, ..., ax=None) -> Figure``; without ``ax`` it makes a figure, with
``ax`` it draws there and returns ``ax.figure``. Figures of several panels take one
axis per panel in ``ax``.

* the constructed cities of :mod:`wijkwijs.examples.toy_cities`:
  :func:`plot_toy_city` and :func:`plot_checkerboards` draw the frames they are given;
* Havenstad: :func:`plot_group_trend`, :func:`plot_index_trend`, :func:`plot_profiles`,
  :func:`plot_residualisation`, :func:`plot_group_map` and :func:`plot_group_maps`
  are named by what they show — ``group``, ``year``, then the keywords ``scale`` and
  ``area``, in the order of :mod:`wijkwijs.havenstad.views` — and read their numbers
  from those views, so a figure and a table of the same selection always agree;
  :func:`plot_low_high_paradox` draws the city against the metropolitan area and the
  moves to Zuiderpolder (:mod:`wijkwijs.havenstad.overall`);
* real Dutch municipalities: :func:`plot_gini_segregation` (the Gini against the
  segregation indicators of Spierenburg et al. 2023, :mod:`wijkwijs.opendata.municipalities`).

Every figure of Havenstad says on the figure itself that the city is synthetic
(:func:`wijkwijs.figures.mark_synthetic`). Maps are drawn with matplotlib (no tiles) by
the shared polygon painter :mod:`wijkwijs.figures.polygons`.

>>> import matplotlib.pyplot as plt
>>> fig = plot_group_map("top_1", 2022, scale="wijk")
>>> fig.axes[0].get_title()
'Top 1%, 2022: share of households'
>>> plt.close(fig)
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np
from matplotlib.colors import Normalize
from matplotlib.figure import Figure

from wijkwijs import i18n
from wijkwijs._validate import check_choice, check_year
from wijkwijs.examples import toy_cities
from wijkwijs.figures import CATEGORICAL, mark_synthetic, new_figure
from wijkwijs.figures.polygons import draw_polygons, exterior_rings, part_owners
from wijkwijs.havenstad import overall, places
from wijkwijs.havenstad import views as hv
from wijkwijs.havenstad.constants import GROUPS, YEARS
from wijkwijs.opendata import municipalities

i18n.register({
    "seg2.toy.title": {"en": "A toy city: ten households in three buurten",
                       "nl": "Een speelgoedstad: tien huishoudens in drie buurten"},
    "seg2.toy.low": {"en": "low income (< €20k)", "nl": "laag inkomen (< €20k)"},
    "seg2.toy.middle": {"en": "middle income (€20k–40k)", "nl": "middeninkomen (€20k–40k)"},
    "seg2.toy.high": {"en": "high income (≥ €40k)", "nl": "hoog inkomen (≥ €40k)"},
    "seg2.toy.income_k": {"en": "€{income}k", "nl": "€{income}k"},
    "seg2.trend.title": {"en": "Dissimilarity D by income group, Havenstad ({scale})",
                         "nl": "Segregatie-index D per inkomensgroep, Havenstad ({scale})"},
    "seg2.year": {"en": "Year", "nl": "Jaar"},
    "seg2.d_axis": {"en": "Dissimilarity D (share that would have to move)",
                    "nl": "Index D (aandeel dat zou moeten verhuizen)"},
    "seg2.index_trend.title": {"en": "D of {group}", "nl": "D van {group}"},
    "seg2.profile.title": {"en": "Segregation profile H(p), Havenstad {units}",
                           "nl": "Segregatieprofiel H(p), {units} van Havenstad"},
    "seg2.profile.x": {"en": "p: share of households at or below the income split",
                       "nl": "p: aandeel huishoudens op of onder de inkomensgrens"},
    "seg2.profile.y": {"en": "Theil's H of the split (0 = mixed, 1 = apart)",
                       "nl": "Theils H van de splitsing (0 = gemengd, 1 = gescheiden)"},
    "seg2.resid.title": {"en": "Who lives in social rent? Havenstad (city)",
                         "nl": "Wie woont in een sociale huurwoning? Havenstad (stad)"},
    "seg2.resid.y": {"en": "Share", "nl": "Aandeel"},
    "seg2.resid.social_share": {"en": "social rent, share of the dwelling stock",
                                "nl": "sociale huur, aandeel van de woningvoorraad"},
    "seg2.resid.bottom_20": {"en": "bottom 20% among social renters",
                             "nl": "onderste 20% onder sociale huurders"},
    "seg2.resid.bottom_10": {"en": "bottom 10% among social renters",
                             "nl": "onderste 10% onder sociale huurders"},
    "seg2.resid.d_social": {"en": "D of social-rent dwellings (concentration)",
                            "nl": "D van sociale huurwoningen (concentratie)"},
    "seg2.checker.title": {"en": "{name}\nD = {d:.2f}, spatial D = {sd:.2f}",
                           "nl": "{name}\nD = {d:.2f}, ruimtelijke D = {sd:.2f}"},
    "seg2.checker.checkerboard": {"en": "Checkerboard", "nl": "Dambord"},
    "seg2.checker.split": {"en": "Two halves", "nl": "Twee helften"},
    "seg2.checker.share": {"en": "low-income share", "nl": "aandeel lage inkomens"},
    "seg2.map.title": {"en": "{group}, {year}: share of households",
                       "nl": "{group}, {year}: aandeel van de huishoudens"},
    "seg2.maps.title": {"en": "Where the income groups live, Havenstad {year} (synthetic city)",
                        "nl": "Waar de inkomensgroepen wonen, Havenstad {year} "
                              "(synthetische stad)"},
    "seg2.map.share": {"en": "share of households", "nl": "aandeel huishoudens"},
    "seg2.paradox.d_title": {"en": "Low (bottom 40%) against high (top 20%) incomes: D over "
                                   "buurten",
                             "nl": "Lage (onderste 40%) tegen hoge (bovenste 20%) inkomens: D "
                                   "over buurten"},
    "seg2.paradox.d_axis": {"en": "Dissimilarity D", "nl": "Index D"},
    "seg2.paradox.city": {"en": "the city (Havenstad)", "nl": "de stad (Havenstad)"},
    "seg2.paradox.metro": {"en": "city and three suburbs", "nl": "stad en drie randgemeenten"},
    "seg2.paradox.start": {"en": "displacement from {year}", "nl": "verdringing vanaf {year}"},
    "seg2.paradox.moves_title": {"en": "Moves from the city to {suburb}",
                                 "nl": "Verhuizingen van de stad naar {suburb}"},
    "seg2.paradox.moves_axis": {"en": "Households per year", "nl": "Huishoudens per jaar"},
    "seg2.gini.title": {"en": "Gini and {indicator} ({n} municipalities)",
                        "nl": "Gini en {indicator} ({n} gemeenten)"},
    "seg2.gini.x": {"en": "Gini coefficient of income", "nl": "Gini-coëfficiënt van inkomen"},
    "seg2.gini.separation": {"en": "separation (%)", "nl": "scheiding (separation, %)"},
    "seg2.gini.intensity": {"en": "intensity", "nl": "intensiteit (intensity)"},
    "seg2.gini.scale_relative": {"en": "relative scale (%)",
                                 "nl": "relatieve schaal (scale_relative, %)"},
    "seg2.gini.note": {"en": "Segregation of residents with a non-Western background. "
                             "Data: Spierenburg et al. (2023), MIT",
                       "nl": "Segregatie van bewoners met een niet-westerse achtergrond. "
                             "Data: Spierenburg e.a. (2023), MIT"},
    "seg2.gini.rho": {"en": "Spearman ρ = {rho:.2f}", "nl": "Spearman ρ = {rho:.2f}"},
})

#: The four biggest cities, named in :func:`plot_gini_segregation`.
BIG_FOUR = ("GM0363", "GM0599", "GM0518", "GM0344")

#: Colour bar orientations that :func:`plot_group_map` can add.
COLORBARS = ("vertical", "horizontal")


def _panels(ax, n: int, figsize: tuple[float, float]) -> tuple[Figure, Sequence]:
    """The figure and ``n`` axes: new ones, or the ``n`` axes given in ``ax``."""
    if ax is None:
        import matplotlib.pyplot as plt

        fig, axes = plt.subplots(1, n, figsize=figsize, layout="constrained")
        return fig, list(np.atleast_1d(axes))
    axes = list(ax)
    if len(axes) != n:
        raise ValueError(f"this figure has {n} panels: pass {n} axes as ax; got {len(axes)}.")
    return axes[0].figure, axes


# --------------------------------------------------------------------------------------
# The constructed cities
# --------------------------------------------------------------------------------------

def plot_toy_city(city=None, *, ax=None) -> Figure:
    """The toy city: three buurten as boxes, households as coloured dots with incomes.

    ``city`` is a frame like :func:`wijkwijs.examples.toy_cities.toy_city` (the default).

    >>> import matplotlib.pyplot as plt
    >>> fig = plot_toy_city()
    >>> [t.get_text() for t in fig.axes[0].texts[:1]]
    ['Noord']
    >>> plt.close(fig)
    """
    from matplotlib.patches import Rectangle

    city = toy_cities.toy_city() if city is None else city
    fig, ax = new_figure(i18n.t("seg2.toy.title"), "", "", figsize=(7.0, 2.8), ax=ax)
    bands = toy_cities.TOY_BANDS
    colours = dict(zip(bands, CATEGORICAL[:3], strict=True))
    markers = {"low": "o", "middle": "s", "high": "^"}
    for b, buurt in enumerate(dict.fromkeys(city["buurt"])):
        ax.add_patch(Rectangle((b * 4.0, 0.0), 3.6, 2.6, facecolor="#F2F2F2",
                               edgecolor="#555555"))
        ax.text(b * 4.0 + 1.8, 2.75, buurt, ha="center", fontsize=11, fontweight="bold")
        members = city[city["buurt"] == buurt].reset_index(drop=True)
        for k, row in members.iterrows():
            x, y = b * 4.0 + 0.7 + (k % 2) * 2.2, 1.85 - (k // 2) * 1.1
            ax.scatter([x], [y], s=260, color=colours[row["group"]], marker=markers[row["group"]],
                       edgecolor="black", zorder=3)
            ax.text(x, y - 0.5, i18n.t("seg2.toy.income_k", income=row["income_k"]),
                    ha="center", fontsize=9)
    for band in bands:
        ax.scatter([], [], s=80, color=colours[band], marker=markers[band], edgecolor="black",
                   label=i18n.t(f"seg2.toy.{band}"))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=3, frameon=False)
    ax.set_xlim(-0.3, 12.0)
    ax.set_ylim(-0.2, 3.1)
    ax.set_axis_off()
    return fig


def plot_checkerboards(cities=None, *, ax=None) -> Figure:
    """Constructed cities side by side, coloured by low-income share, titled with D and spatial D.

    ``cities`` is ``{name: GeoDataFrame}`` as
    :func:`wijkwijs.examples.toy_cities.checkerboard_cities` returns (the default: the
    checkerboard and the two halves); ``ax`` is one axis per city.

    >>> import matplotlib.pyplot as plt
    >>> fig = plot_checkerboards()
    >>> fig.axes[0].get_title().splitlines()
    ['Checkerboard', 'D = 0.60, spatial D = 0.27']
    >>> plt.close(fig)
    """
    cities = toy_cities.checkerboard_cities() if cities is None else cities
    fig, axes = _panels(ax, len(cities), (8.0, 3.8))
    table = toy_cities.checkerboard_table(cities).set_index("city")
    norm = Normalize(0, 1)
    collection = None
    for axis, (name, city) in zip(axes, cities.items(), strict=True):
        shares = (city["low_income"] / city["households"]).to_numpy()
        collection = draw_polygons(axis, exterior_rings(city.geometry), shares, norm)
        axis.autoscale_view()
        axis.set_aspect("equal")
        axis.set_title(i18n.t("seg2.checker.title", name=i18n.t(f"seg2.checker.{name}"),
                              d=table.loc[name, "D"], sd=table.loc[name, "spatial_D"]),
                       fontsize=10)
        axis.set_xlabel("x (m)")
        axis.set_ylabel("y (m)")
    fig.colorbar(collection, ax=axes, label=i18n.t("seg2.checker.share"), shrink=0.8)
    return fig


# --------------------------------------------------------------------------------------
# Havenstad: trends
# --------------------------------------------------------------------------------------

def plot_group_trend(groups: Sequence[str] = tuple(GROUPS), *, scale: str = "buurt",
                     area: str = "city", ax=None) -> Figure:
    """D per income group and year (:func:`~wijkwijs.havenstad.views.group_trend`), one line each.

    >>> import matplotlib.pyplot as plt
    >>> fig = plot_group_trend(("bottom_10", "top_1"), scale="wijk")
    >>> fig.axes[0].get_title()
    'Dissimilarity D by income group, Havenstad (Wijken of the city)'
    >>> plt.close(fig)
    """
    trend = hv.group_trend(scale=scale, area=area)
    labels = [hv.group_label(group) for group in groups]
    fig, ax = new_figure(i18n.t("seg2.trend.title", scale=hv.scale_label(scale, area)),
                         i18n.t("seg2.year"), i18n.t("seg2.d_axis"), figsize=(7.0, 4.0), ax=ax)
    for k, (group, label) in enumerate(zip(groups, labels, strict=True)):
        ax.plot(trend["year"], trend[group], marker="o", color=CATEGORICAL[k], label=label)
    ax.set_ylim(0, 1)
    ax.legend(loc="upper left", ncol=2, fontsize=9)
    mark_synthetic(ax)
    return fig


def plot_index_trend(group: str, year: int | None = None, *, index: str = "dissimilarity",
                     scale: str = "buurt", area: str = "city", ax=None) -> Figure:
    """One index of one group over the years, with ``year`` (if given) marked.

    Read from :func:`~wijkwijs.havenstad.views.index_summary`; the segregation explorer
    draws it next to the map.

    >>> import matplotlib.pyplot as plt
    >>> fig = plot_index_trend("top_1", 2015)
    >>> [len(line.get_xdata()) for line in fig.axes[0].get_lines()]
    [12, 1]
    >>> plt.close(fig)
    """
    hv.group_label(group)  # checks the group
    summary = hv.index_summary(scale=scale, area=area)
    if index not in summary.columns or index in ("group", "year"):
        raise ValueError(f"index {index!r} is unknown; choose one of "
                         f"{', '.join(c for c in summary.columns if c not in ('group', 'year'))}.")
    trend = summary.loc[summary["group"] == group].set_index("year")[index]
    fig, ax = new_figure(i18n.t("seg2.index_trend.title", group=hv.group_label(group)),
                         i18n.t("seg2.year"), i18n.t("seg2.d_axis"), ax=ax)
    ax.plot(trend.index, trend.to_numpy(), marker="o", color=CATEGORICAL[0])
    if year is not None:
        ax.plot([year], [trend.loc[check_year(year, YEARS)]], marker="o", markersize=12,
                color=CATEGORICAL[1])
    ax.set_ylim(0, 1)
    ax.yaxis.label.set_fontsize(9)
    mark_synthetic(ax)
    return fig


def plot_profiles(years: Sequence[int] = (2011, 2022), *, scale: str = "buurt",
                  area: str = "city", ax=None) -> Figure:
    """The segregation profile H(p) (:func:`~wijkwijs.havenstad.views.profile`), one line per year.

    >>> import matplotlib.pyplot as plt
    >>> fig = plot_profiles((2011,))
    >>> fig.axes[0].get_title()
    'Segregation profile H(p), Havenstad buurten'
    >>> plt.close(fig)
    """
    profiles = {year: hv.profile(year, scale=scale, area=area) for year in years}
    units = (i18n.t(f"seg2.unit.{scale}") if area == "city"
             else hv.scale_label(scale, area)).lower()
    fig, ax = new_figure(i18n.t("seg2.profile.title", units=units), i18n.t("seg2.profile.x"),
                         i18n.t("seg2.profile.y"), figsize=(7.0, 4.0), ax=ax)
    for k, (year, prof) in enumerate(profiles.items()):
        ax.plot(prof["p"], prof["H"], marker="o", color=CATEGORICAL[k], label=str(year))
    ax.set_xlim(0, 1)
    ax.legend(loc="upper left")
    mark_synthetic(ax)
    return fig


def plot_residualisation(*, ax=None) -> Figure:
    """Social rent in the city shrinks, concentrates and houses ever poorer households.

    Lines from :func:`~wijkwijs.havenstad.views.social_rent_composition` and
    :func:`~wijkwijs.havenstad.views.social_rent_concentration`.

    >>> import matplotlib.pyplot as plt
    >>> fig = plot_residualisation()
    >>> len(fig.axes[0].get_lines())
    4
    >>> plt.close(fig)
    """
    comp = hv.social_rent_composition()
    conc = hv.social_rent_concentration()
    fig, ax = new_figure(i18n.t("seg2.resid.title"), i18n.t("seg2.year"), i18n.t("seg2.resid.y"),
                         figsize=(7.0, 4.0), ax=ax)
    lines = [(conc, "social_share", "seg2.resid.social_share", "-"),
             (comp, "bottom_20_share", "seg2.resid.bottom_20", "-"),
             (comp, "bottom_10_share", "seg2.resid.bottom_10", "-"),
             (conc, "D_social_rent", "seg2.resid.d_social", "--")]
    for k, (frame, column, key, style) in enumerate(lines):
        ax.plot(frame["year"], frame[column], marker="o", linestyle=style, color=CATEGORICAL[k],
                label=i18n.t(key))
    ax.set_ylim(0, 0.7)
    ax.legend(loc="lower left", fontsize=9)
    mark_synthetic(ax, "upper right")
    return fig


# --------------------------------------------------------------------------------------
# Havenstad: maps
# --------------------------------------------------------------------------------------

@cache
def map_geometry(*, scale: str = "buurt", area: str = "city"
                 ) -> tuple[list[np.ndarray], np.ndarray, tuple[str, ...]]:
    """The rings to draw for the units, the unit of each ring, and the unit codes.

    Computed once per scale and area (from :func:`wijkwijs.havenstad.places.polygons`),
    so redrawing a map only recolours it.

    >>> rings, owners, codes = map_geometry(scale="wijk")
    >>> len(codes), len(rings) == len(owners)
    (8, True)
    """
    units = places.polygons(scale=scale, area=area)
    return (exterior_rings(units.geometry), part_owners(units.geometry), tuple(units["code"]))


def plot_group_map(group: str, year: int, *, scale: str = "buurt", area: str = "city",
                   vmax: float | None = None, colorbar: str | None = None, ax=None) -> Figure:
    """A map of one group's share of households per unit in one year (matplotlib, no tiles).

    The colours run from 0 to ``vmax``, by default the highest share of the group at
    that scale and area over all years, so that maps of different years compare.
    ``colorbar`` adds a colour bar (``"vertical"`` or ``"horizontal"``).

    >>> import matplotlib.pyplot as plt
    >>> fig = plot_group_map("low", 2011, area="metro", colorbar="vertical")
    >>> len(fig.axes)  # the map and its colour bar
    2
    >>> plt.close(fig)
    """
    if colorbar is not None:
        check_choice(colorbar, COLORBARS, "colorbar")
    label = hv.group_label(group)
    year = check_year(year, YEARS, allow_none=False)
    rings, owners, codes = map_geometry(scale=scale, area=area)
    shares = hv.group_shares(scale=scale, area=area)
    values = shares.loc[shares["year"] == year].set_index("code").reindex(list(codes))[group]
    norm = Normalize(0.0, float(shares[group].max()) if vmax is None else vmax)
    if ax is None:
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(5.0, 4.0), layout="constrained")
    else:
        fig = ax.figure
    collection = draw_polygons(ax, rings, values.to_numpy(), norm, parts=owners)
    ax.autoscale_view()
    ax.set_aspect("equal")
    ax.set_title(i18n.t("seg2.map.title", group=label, year=year), fontsize=10)
    mark_synthetic(ax, "lower left")
    ax.set_xticks([])
    ax.set_yticks([])
    if colorbar is not None:
        fig.colorbar(collection, ax=ax, orientation=colorbar, shrink=0.8,
                     label=i18n.t("seg2.map.share"))
    return fig


def plot_group_maps(year: int = 2022, *, scale: str = "buurt", area: str = "city",
                    ax=None) -> Figure:
    """Five small maps, one per income group: the group's share of households per unit.

    Each map has its own colour scale (from 0 to the group's highest share over the
    years), so compare patterns, not colours, between the maps. ``ax`` is one axis
    per group.
    """
    fig, axes = _panels(ax, len(GROUPS), (13.0, 3.3))
    for axis, group in zip(axes, GROUPS, strict=True):
        plot_group_map(group, year, scale=scale, area=area, colorbar="horizontal", ax=axis)
        axis.set_title(hv.group_label(group), fontsize=10)
    fig.suptitle(i18n.t("seg2.maps.title", year=year))
    return fig


# --------------------------------------------------------------------------------------
# Havenstad: the city against the metropolitan area
# --------------------------------------------------------------------------------------

def plot_low_high_paradox(*, ax=None) -> Figure:
    """The segregation paradox in Havenstad: D of the city and the metro, and the moves.

    Left: D of low (bottom 40 %) against high (top 20 %) incomes over the buurten of the
    city and of the metropolitan area per year (:func:`wijkwijs.havenstad.overall.
    low_high_trend`), with the first year of displacement marked. Right: the moves from
    the city to Zuiderpolder per year (:func:`wijkwijs.havenstad.overall.suburb_moves`).
    ``ax`` is two axes.

    >>> import matplotlib.pyplot as plt
    >>> fig = plot_low_high_paradox()
    >>> [len(line.get_xdata()) for line in fig.axes[0].get_lines()][:2]
    [12, 12]
    >>> plt.close(fig)
    """
    fig, (left, right) = _panels(ax, 2, (11.0, 4.0))
    trend = overall.low_high_trend()
    start = overall.DISPLACEMENT_FROM
    new_figure(i18n.t("seg2.paradox.d_title"), i18n.t("seg2.year"),
               i18n.t("seg2.paradox.d_axis"), ax=left)
    for k, area in enumerate(overall.AREAS):
        left.plot(trend["year"], trend[f"D_{area}"], marker="o", color=CATEGORICAL[k],
                  label=i18n.t(f"seg2.paradox.{area}"))
    left.axvline(start - 0.5, color="#777777", linestyle=":",
                 label=i18n.t("seg2.paradox.start", year=start))
    left.margins(y=0.3)  # room for the legend above and the note below the lines
    left.legend(loc="upper left", fontsize=9)
    left.title.set_fontsize(10)
    mark_synthetic(left)
    moves = overall.suburb_moves()
    new_figure(i18n.t("seg2.paradox.moves_title", suburb=overall.SUBURB_NAME),
               i18n.t("seg2.year"), i18n.t("seg2.paradox.moves_axis"), ax=right)
    colours = [CATEGORICAL[2] if year >= start else CATEGORICAL[4] for year in moves["year"]]
    right.bar(moves["year"], moves["from_city"], color=colours, edgecolor="black")
    right.axvline(start - 0.5, color="#777777", linestyle=":")
    right.title.set_fontsize(10)
    mark_synthetic(right, "upper left")
    return fig


# --------------------------------------------------------------------------------------
# Real municipalities: inequality and segregation
# --------------------------------------------------------------------------------------

def plot_gini_segregation(indicators: Sequence[str] = ("separation", "intensity"), *,
                          min_inhabitants: int = 0, ax=None) -> Figure:
    """Scatter plots of the Gini against segregation indicators across Dutch municipalities.

    One panel per indicator (:data:`wijkwijs.opendata.municipalities.INDICATORS`), each
    dot a municipality with a Gini, the four biggest cities named, Spearman's ρ in the
    title. Real data (Spierenburg et al. 2023, MIT); ``ax`` is one axis per indicator.

    >>> import matplotlib.pyplot as plt
    >>> fig = plot_gini_segregation(("intensity",))
    >>> fig.axes[0].get_xlabel()
    'Gini coefficient of income'
    >>> plt.close(fig)
    """
    frame = municipalities.gini_segregation_frame(min_inhabitants=min_inhabitants)
    fig, axes = _panels(ax, len(indicators), (5.2 * len(indicators), 4.2))
    for axis, indicator in zip(axes, indicators, strict=True):
        check_choice(indicator, municipalities.INDICATORS, "indicator")
        rho = municipalities.correlation(frame["gini"], frame[indicator], method="spearman",
                                         permutations=0)["r"]
        label = i18n.t(f"seg2.gini.{indicator}")
        new_figure(i18n.t("seg2.gini.title", indicator=label, n=len(frame)) + "\n"
                   + i18n.t("seg2.gini.rho", rho=rho),
                   i18n.t("seg2.gini.x"), label, ax=axis)
        axis.scatter(frame["gini"], frame[indicator], s=14, color=CATEGORICAL[0], alpha=0.6,
                     edgecolor="none")
        big = frame[frame["gemeente_code"].isin(BIG_FOUR)]
        axis.scatter(big["gini"], big[indicator], s=40, color=CATEGORICAL[1], edgecolor="black",
                     zorder=3)
        for _, row in big.iterrows():
            axis.annotate(row["gemeente_name"].replace("s Gravenhage", "Den Haag"),
                          (row["gini"], row[indicator]), xytext=(4, 4),
                          textcoords="offset points", fontsize=8)
        axis.title.set_fontsize(10)
    fig.suptitle(i18n.t("seg2.gini.note"), fontsize=9, color="#333333")
    return fig
