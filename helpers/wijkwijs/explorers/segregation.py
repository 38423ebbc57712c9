"""Chapter 2 (segregation): a toy city, a checkerboard, figures and the explorer.

* :func:`toy_city` and :func:`toy_counts` — ten households in three buurten, the
  smallest city in which every index of chapter 2.1 can be worked out by hand;
* :func:`checkerboard_cities` — two constructed cities with the same D but a
  different spatial pattern (the checkerboard problem, White 1983);
* figures: :func:`plot_toy_city`, :func:`plot_group_trend`, :func:`plot_profiles`,
  :func:`plot_residualisation`, :func:`plot_checkerboards`, and :func:`draw_map`,
  a fast matplotlib map of Havenstad's polygons;
* :func:`index_table` — the indices of one group, year and scale;
* :func:`segregation_explorer` — choose a group, a year and a scale; a map, the
  indices and the trend update together.

All Havenstad numbers come from :mod:`wijkwijs.havenstad.views`; Havenstad is a
synthetic city.

>>> round(toy_dissimilarity(), 3)
0.5
>>> ex = segregation_explorer()
>>> ex.set(group="top_1", year=2022, scale="wijk")
>>> from wijkwijs.havenstad import views as hv, segregation as seg
>>> wijken = hv.group_counts(2022, scale="wijk")
>>> d = seg.dissimilarity(wijken, group="top_1", total="households")
>>> f"<td>{d:.3f}</td>" in ex.table_view.value  # the table shows D of the top 1 %
True
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.collections import PolyCollection
from matplotlib.colors import Normalize

from wijkwijs.havenstad import views as hv
from wijkwijs import i18n
from wijkwijs import maps as _maps  # noqa: F401  (registers the synthetic-city label)
from wijkwijs import segregation as seg
from wijkwijs.havenstad.constants import YEARS as HAVENSTAD_YEARS
from wijkwijs.figures import CATEGORICAL, SEQUENTIAL_CMAP, label_axes, new_figure
from wijkwijs.widgets import Explorer, dropdown, slider

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
    "seg2.profile.title": {"en": "Segregation profile H(p), Havenstad buurten",
                           "nl": "Segregatieprofiel H(p), buurten van Havenstad"},
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
    "seg2.explorer.title": {"en": "Segregation in Havenstad (synthetic city)",
                            "nl": "Segregatie in Havenstad (synthetische stad)"},
    "seg2.explorer.group": {"en": "Income group", "nl": "Inkomensgroep"},
    "seg2.explorer.year": {"en": "Year", "nl": "Jaar"},
    "seg2.explorer.scale": {"en": "Scale", "nl": "Schaal"},
    "seg2.explorer.trend": {"en": "D of {group}", "nl": "D van {group}"},
    "seg2.index": {"en": "Index", "nl": "Index"},
    "seg2.value": {"en": "Value", "nl": "Waarde"},
    "seg2.index.city_share": {"en": "Share of the group in the whole area (P)",
                              "nl": "Aandeel van de groep in het hele gebied (P)"},
    "seg2.index.dissimilarity": {"en": "Dissimilarity D", "nl": "Dissimilariteit D"},
    "seg2.index.isolation": {"en": "Isolation xPx", "nl": "Isolatie xPx"},
    "seg2.index.exposure": {"en": "Exposure xPy (to all others)",
                            "nl": "Blootstelling xPy (aan alle anderen)"},
    "seg2.index.entropy_index": {"en": "Theil's information index H",
                                 "nl": "Theils informatie-index H"},
    "seg2.index.units": {"en": "Number of units", "nl": "Aantal eenheden"},
})

# --------------------------------------------------------------------------------------
# The toy city
# --------------------------------------------------------------------------------------

#: Ten households: (buurt, income in thousands of euros).
TOY_HOUSEHOLDS: tuple[tuple[str, int], ...] = (
    ("Noord", 12), ("Noord", 16), ("Noord", 28), ("Noord", 45),
    ("Zuid", 14), ("Zuid", 18), ("Zuid", 31),
    ("Oost", 38), ("Oost", 60), ("Oost", 95),
)
TOY_BANDS = ("low", "middle", "high")


def toy_group(income_k: float) -> str:
    """Income band of the toy city: low below €20k, high from €40k.

    >>> [toy_group(x) for x in (19, 20, 40)]
    ['low', 'middle', 'high']
    """
    return "low" if income_k < 20 else ("middle" if income_k < 40 else "high")


def toy_city() -> pd.DataFrame:
    """The ten households of the toy city, one row each.

    >>> toy_city()["buurt"].value_counts().to_dict()
    {'Noord': 4, 'Zuid': 3, 'Oost': 3}
    """
    frame = pd.DataFrame(TOY_HOUSEHOLDS, columns=["buurt", "income_k"])
    frame.insert(0, "household", range(1, len(frame) + 1))
    frame["group"] = [toy_group(x) for x in frame["income_k"]]
    return frame


def toy_counts() -> pd.DataFrame:
    """Households per buurt of the toy city: total, and per band (low, middle, high).

    >>> toy_counts()
       buurt  households  low  middle  high
    0  Noord           4    2       1     1
    1   Zuid           3    2       1     0
    2   Oost           3    0       1     2
    """
    city = toy_city()
    order = list(dict.fromkeys(city["buurt"]))
    table = pd.crosstab(city["buurt"], city["group"]).reindex(index=order, columns=TOY_BANDS,
                                                              fill_value=0)
    table.insert(0, "households", table.sum(axis=1))
    table.columns.name = None
    return table.reset_index()


def toy_dissimilarity(group: str = "low") -> float:
    """D of one band of the toy city against the other households.

    >>> round(toy_dissimilarity("high"), 4)
    0.5238
    """
    return seg.dissimilarity(toy_counts(), group=group, total="households")


def toy_movers(group: str = "low") -> float:
    """How many households of the band would have to move: D times the band's size.

    >>> toy_movers()
    2.0
    """
    counts = toy_counts()
    return float(round(toy_dissimilarity(group) * counts[group].sum(), 12))


def plot_toy_city(ax=None):
    """Draw the toy city: three buurten as boxes, households as coloured dots.

    Returns the figure.
    """
    fig, ax = new_figure(i18n.t("seg2.toy.title"), "", "", figsize=(7.0, 2.8), ax=ax)
    city = toy_city()
    colours = dict(zip(TOY_BANDS, CATEGORICAL[:3], strict=True))
    markers = {"low": "o", "middle": "s", "high": "^"}
    for b, buurt in enumerate(dict.fromkeys(city["buurt"])):
        ax.add_patch(_rectangle(b * 4.0, 0.0, 3.6, 2.6))
        ax.text(b * 4.0 + 1.8, 2.75, buurt, ha="center", fontsize=11, fontweight="bold")
        members = city[city["buurt"] == buurt].reset_index(drop=True)
        for k, row in members.iterrows():
            x, y = b * 4.0 + 0.7 + (k % 2) * 2.2, 1.85 - (k // 2) * 1.1
            ax.scatter([x], [y], s=260, color=colours[row["group"]], marker=markers[row["group"]],
                       edgecolor="black", zorder=3)
            ax.text(x, y - 0.5, i18n.t("seg2.toy.income_k", income=row["income_k"]),
                    ha="center", fontsize=9)
    for band in TOY_BANDS:
        ax.scatter([], [], s=80, color=colours[band], marker=markers[band], edgecolor="black",
                   label=i18n.t(f"seg2.toy.{band}"))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.02), ncol=3, frameon=False)
    ax.set_xlim(-0.3, 12.0)
    ax.set_ylim(-0.2, 3.1)
    ax.set_axis_off()
    return fig


def _rectangle(x: float, y: float, width: float, height: float):
    from matplotlib.patches import Rectangle

    return Rectangle((x, y), width, height, facecolor="#F2F2F2", edgecolor="#555555")


# --------------------------------------------------------------------------------------
# The checkerboard problem
# --------------------------------------------------------------------------------------

def checkerboard_cities(n: int = 6, high: int = 80, low: int = 20, size: int = 100):
    """Two constructed cities of ``n x n`` square buurten with the same counts.

    Every buurt has ``size`` households; half the buurten have ``high`` low-income
    households, half ``low``. In the *checkerboard* the two kinds alternate like
    the squares of a chessboard; in *two halves* the high ones fill the west half.
    D is the same in both, because D ignores where the buurten lie (White 1983).

    Returns ``{"checkerboard": gdf, "split": gdf}`` with columns ``low_income``,
    ``households`` and square polygons.

    >>> cities = checkerboard_cities()
    >>> [round(seg.dissimilarity(c, group="low_income", total="households"), 3)
    ...  for c in cities.values()]
    [0.6, 0.6]
    """
    import geopandas as gpd
    from shapely.geometry import box

    if n < 2 or n % 2:
        raise ValueError(f"n must be an even number of at least 2; got {n!r}.")
    rows, cols = np.divmod(np.arange(n * n), n)
    squares = [box(c * 100, r * 100, c * 100 + 100, r * 100 + 100) for r, c in zip(rows, cols,
                                                                                    strict=True)]
    patterns = {"checkerboard": (rows + cols) % 2 == 0, "split": cols < n // 2}
    return {name: gpd.GeoDataFrame({"low_income": np.where(mask, high, low),
                                    "households": size}, geometry=squares)
            for name, mask in patterns.items()}


def checkerboard_table() -> pd.DataFrame:
    """D and spatial D (queen contiguity) of the two cities of :func:`checkerboard_cities`.

    >>> checkerboard_table().round(3)
            city    D  spatial_D
    0  checkerboard  0.6      0.273
    1         split  0.6      0.513
    """
    rows = []
    for name, city in checkerboard_cities().items():
        adjacency = seg.adjacency_from_polygons(city)
        rows.append({"city": name,
                     "D": seg.dissimilarity(city, group="low_income", total="households"),
                     "spatial_D": seg.spatial_dissimilarity(city, adjacency=adjacency,
                                                            group="low_income",
                                                            total="households")})
    return pd.DataFrame(rows)


def plot_checkerboards():
    """Draw both constructed cities side by side, titled with D and spatial D."""
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(8.0, 3.8), layout="constrained")
    table = checkerboard_table().set_index("city")
    norm = Normalize(0, 1)
    for ax, (name, city) in zip(axes, checkerboard_cities().items(), strict=True):
        shares = city["low_income"] / city["households"]
        _draw_polygons(ax, _vertices(city.geometry), shares.to_numpy(), norm)
        ax.set_title(i18n.t("seg2.checker.title", name=i18n.t(f"seg2.checker.{name}"),
                            d=table.loc[name, "D"], sd=table.loc[name, "spatial_D"]),
                     fontsize=10)
        ax.set_xlabel("x (m)")
        ax.set_ylabel("y (m)")
    fig.colorbar(_mappable(norm), ax=axes, label=i18n.t("seg2.checker.share"), shrink=0.8)
    return fig


# --------------------------------------------------------------------------------------
# Havenstad figures
# --------------------------------------------------------------------------------------

def group_label(group: str) -> str:
    """The translated label of an income group of :data:`wijkwijs.havenstad.views.GROUPS`.

    >>> group_label("top_1")
    'Top 1%'
    """
    return i18n.t(f"seg2.group.{group}")


def plot_group_trend(scale: str = "buurt", groups=tuple(hv.GROUPS), ax=None):
    """D per income group and year at one scale, one line per group. Returns the figure."""
    trend = hv.group_trend(scale)
    fig, ax = new_figure(i18n.t("seg2.trend.title", scale=i18n.t(f"seg2.scale.{scale}")),
                         i18n.t("seg2.year"), i18n.t("seg2.d_axis"), figsize=(7.0, 4.0), ax=ax)
    for k, group in enumerate(groups):
        ax.plot(trend["year"], trend[group], marker="o", color=CATEGORICAL[k],
                label=group_label(group))
    ax.set_ylim(0, 1)
    ax.legend(loc="upper left", ncol=2, fontsize=9)
    return fig


def plot_profiles(years=(2011, 2022), scale: str = "buurt", ax=None):
    """The segregation profile H(p) of each year, one line per year. Returns the figure."""
    fig, ax = new_figure(i18n.t("seg2.profile.title"), i18n.t("seg2.profile.x"),
                         i18n.t("seg2.profile.y"), figsize=(7.0, 4.0), ax=ax)
    for k, year in enumerate(years):
        prof = hv.profile(year, scale=scale)
        ax.plot(prof["p"], prof["H"], marker="o", color=CATEGORICAL[k], label=str(year))
    ax.set_xlim(0, 1)
    ax.legend(loc="upper left")
    return fig


def plot_residualisation(ax=None):
    """Social rent shrinks, concentrates and houses ever poorer households. Returns the figure."""
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
    return fig


# --------------------------------------------------------------------------------------
# A fast matplotlib map
# --------------------------------------------------------------------------------------

def _vertices(geometries) -> list[np.ndarray]:
    """Exterior rings of (multi)polygons as arrays, one per polygon part."""
    rings = []
    for geom in geometries:
        parts = getattr(geom, "geoms", [geom])
        rings.extend(np.asarray(part.exterior.coords) for part in parts)
    return rings


def _parts(geometries) -> np.ndarray:
    """For every polygon part, the position of the unit it belongs to."""
    return np.repeat(np.arange(len(geometries)),
                     [len(getattr(g, "geoms", [g])) for g in geometries])


@cache
def _scale_geometry(scale: str) -> tuple[list[np.ndarray], np.ndarray, tuple[str, ...]]:
    polygons = hv._polygons(*hv.SCALES[scale])
    return _vertices(polygons.geometry), _parts(polygons.geometry), tuple(polygons["code"])


def _mappable(norm):
    from matplotlib.cm import ScalarMappable

    return ScalarMappable(norm=norm, cmap=colormaps[SEQUENTIAL_CMAP])


def _draw_polygons(ax, rings, values, norm, parts=None) -> PolyCollection:
    colours = colormaps[SEQUENTIAL_CMAP](norm(values if parts is None else values[parts]))
    collection = PolyCollection(rings, facecolors=colours, edgecolors="white", linewidths=0.6)
    ax.add_collection(collection)
    ax.autoscale_view()
    ax.set_aspect("equal")
    return collection


def draw_map(ax, group: str, year: int, scale: str = "buurt", *, vmax: float | None = None):
    """A matplotlib map of one group's share of households per unit (no tiles).

    The colour scale runs from 0 to ``vmax`` (default: the highest share of the
    group at that scale over all years, so years can be compared). Returns the
    colour normalisation for a colour bar.
    """
    rings, parts, codes = _scale_geometry(scale)
    counts = _shares(scale)
    share = counts.loc[year].reindex(list(codes))[group].to_numpy()
    if vmax is None:
        vmax = float(counts[group].max())
    norm = Normalize(0.0, vmax)
    _draw_polygons(ax, rings, share, norm, parts)
    ax.set_title(i18n.t("seg2.map.title", group=group_label(group), year=year), fontsize=10)
    ax.text(0.01, 0.01, i18n.t("maps.synthetic_label"), transform=ax.transAxes, fontsize=8,
            color="#333333", va="bottom")
    ax.set_xticks([])
    ax.set_yticks([])
    return norm


def plot_group_maps(year: int = 2022, scale: str = "buurt"):
    """Five small maps, one per income group: the group's share of households per unit.

    Each map has its own colour scale (from 0 to the group's highest share), so
    compare patterns, not colours, between the maps. Returns the figure.
    """
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(hv.GROUPS), figsize=(13.0, 3.3), layout="constrained")
    for ax, group in zip(axes, hv.GROUPS, strict=True):
        norm = draw_map(ax, group, year, scale)
        ax.set_title(group_label(group), fontsize=10)
        fig.colorbar(_mappable(norm), ax=ax, orientation="horizontal", shrink=0.8,
                     label=i18n.t("seg2.map.share"))
    fig.suptitle(i18n.t("seg2.maps.title", year=year))
    return fig


@cache
def _shares(scale: str) -> pd.DataFrame:
    counts = hv.group_counts(scale=scale).set_index(["year", "code"])
    return counts[list(hv.GROUPS)].div(counts["households"], axis=0)


# --------------------------------------------------------------------------------------
# Index table and explorer
# --------------------------------------------------------------------------------------

EXPLORER_INDICES = ("dissimilarity", "isolation", "exposure", "entropy_index")


@cache
def _summary(scale: str) -> pd.DataFrame:
    counts = hv.group_counts(scale=scale)
    table = seg.summary(counts, list(hv.GROUPS), "households", unit_col="code", year_col="year")
    table = table[table["index"].isin(EXPLORER_INDICES)]
    wide = table.set_index(["group", "year", "index"])["value"].unstack("index")
    totals = counts.groupby("year")[[*hv.GROUPS, "households"]].sum()
    shares = totals[list(hv.GROUPS)].div(totals["households"], axis=0)
    wide["city_share"] = [shares.loc[y, g] for g, y in wide.index]
    wide["units"] = counts.groupby("year").size().reindex(wide.index.get_level_values("year"))\
        .to_numpy()
    return wide


def index_table(group: str = "bottom_10", year: int = 2022, scale: str = "buurt"
                ) -> pd.DataFrame:
    """The indices of one income group in one year at one scale, with labels.

    >>> index_table("bottom_10", 2011)
                                          Index  Value
    0  Share of the group in the whole area (P)  0.170
    1                           Dissimilarity D  0.304
    2                             Isolation xPx  0.224
    3              Exposure xPy (to all others)  0.776
    4               Theil's information index H  0.086
    5                           Number of units     41
    """
    if group not in hv.GROUPS:
        raise ValueError(f"group {group!r} is unknown; choose one of {', '.join(hv.GROUPS)}.")
    hv._check_year(year)
    hv._check_choice(scale, hv.SCALES, "scale")
    row = _summary(scale).loc[(group, year)]
    names = ["city_share", *EXPLORER_INDICES, "units"]
    values = [f"{row[n]:.3f}" for n in names[:-1]] + [f"{int(row['units'])}"]
    return pd.DataFrame({i18n.t("seg2.index"): [i18n.t(f"seg2.index.{n}") for n in names],
                         i18n.t("seg2.value"): values})


def _draw_explorer(fig, group: str, year: int, scale: str) -> None:
    map_ax, trend_ax = fig.subplots(1, 2, width_ratios=[1.1, 1.0])
    norm = draw_map(map_ax, group, year, scale)
    fig.colorbar(_mappable(norm), ax=map_ax, label=i18n.t("seg2.map.share"), shrink=0.8)
    trend = _summary(scale).loc[group]["dissimilarity"]
    trend_ax.plot(trend.index, trend.to_numpy(), marker="o", color=CATEGORICAL[0])
    trend_ax.plot([year], [trend.loc[year]], marker="o", markersize=12, color=CATEGORICAL[1])
    trend_ax.set_ylim(0, 1)
    label_axes(trend_ax, i18n.t("seg2.explorer.trend", group=group_label(group)),
               i18n.t("seg2.year"), i18n.t("seg2.d_axis"))
    trend_ax.yaxis.label.set_fontsize(9)


def segregation_explorer(*, group: str = "bottom_10", year: int = 2022,
                         scale: str = "buurt") -> Explorer:
    """Choose an income group, a year and a scale: map, indices and trend update together.

    The counts and every index for all groups, years and scales are computed once
    (and cached), so an update only draws the map and the trend line.
    """
    for scale_name in hv.SCALES:  # precompute, so the first change is as fast as the rest
        _summary(scale_name)
        _shares(scale_name)
        _scale_geometry(scale_name)
    controls: dict[str, Any] = {
        "group": dropdown("seg2.explorer.group", {f"seg2.group.{g}": g for g in hv.GROUPS},
                          value=group),
        "year": slider("seg2.explorer.year", HAVENSTAD_YEARS[0], HAVENSTAD_YEARS[-1], 1,
                       value=year),
        "scale": dropdown("seg2.explorer.scale", {f"seg2.scale.{s}": s for s in hv.SCALES},
                          value=scale),
    }
    return Explorer(controls, plot=_draw_explorer, plot_takes="figure", table=index_table,
                    title="seg2.explorer.title", figsize=(9.5, 4.0))
