"""Figures of chapter 8, *Your own neighbourhood*: real CBS data, and one synthetic example.

Every figure of real data says where the data come from on the figure itself: **"Bron:
CBS, CC BY 4.0"** (these are real data and never called synthetic). The one figure of
the synthetic city Havenstad (:func:`plot_liveability`) says *synthetic* instead, and that
its score is not the Leefbaarometer.

* :func:`plot_withheld` — which buurten have no value, by their size;
* :func:`plot_buurt_values` — the buurten ranked by one column, with the municipality;
* :func:`plot_map` — a map of one column on real buurt boundaries (longitude/latitude,
  drawn with matplotlib, without tiles);
* :func:`plot_change` — a share in two years, buurt by buurt;
* :func:`plot_scale` — D over buurten and wijken;
* :func:`plot_published` — our D over buurten next to the published D over squares;
* :func:`plot_liveability` — the synthetic liveability score against meeting places.

>>> import matplotlib.pyplot as plt
>>> from wijkwijs import opendata
>>> fig = plot_buurt_values(opendata.shipped("den_haag", 2019), "pct_social_rent")
>>> SOURCE in [text.get_text() for text in fig.axes[0].texts]
True
>>> plt.close(fig)
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.colors import Normalize
from matplotlib.figure import Figure

from wijkwijs import i18n
from wijkwijs.examples import own_neighbourhood  # noqa: F401  (registers the ch8.col.* texts)
from wijkwijs.figures import new_figure
from wijkwijs.figures.polygons import draw_polygons, exterior_rings, part_owners
from wijkwijs.opendata import column_guide, measures
from wijkwijs.style import CATEGORICAL, NO_DATA_COLOUR, OKABE_ITO, SEQUENTIAL_CMAP

__all__ = ["SOURCE", "column_label", "plot_buurt_values", "plot_change", "plot_liveability",
           "plot_map", "plot_published", "plot_scale", "plot_withheld"]

#: The attribution every figure of CBS data carries.
SOURCE = "Bron: CBS, CC BY 4.0"

i18n.register({
    "ch8fig.withheld.title": {"en": "Which buurten have no value? {column}",
                              "nl": "Welke buurten hebben geen waarde? {column}"},
    "ch8fig.withheld.x": {"en": "{base} in the buurt (log scale)",
                          "nl": "{base} in de buurt (logaritmische schaal)"},
    "ch8fig.withheld.y": {"en": "number of buurten", "nl": "aantal buurten"},
    "ch8fig.withheld.published": {"en": "value published ({n})",
                                  "nl": "waarde gepubliceerd ({n})"},
    "ch8fig.withheld.missing": {"en": "not published ({n})", "nl": "niet gepubliceerd ({n})"},
    "ch8fig.withheld.smallest": {"en": "smallest buurt with a value ({n:,.0f})",
                                 "nl": "kleinste buurt met een waarde ({n:,.0f})"},
    "ch8fig.withheld.empty": {"en": "{n} buurten with 0 {base} not shown",
                              "nl": "{n} buurten met 0 {base} niet getoond"},
    "ch8fig.values.title": {"en": "{column}, buurten of {city} {year}",
                            "nl": "{column}, buurten van {city} {year}"},
    "ch8fig.values.x": {"en": "buurten, ranked ({n} with a value, {m} without)",
                        "nl": "buurten, gerangschikt ({n} met een waarde, {m} zonder)"},
    "ch8fig.values.absent": {"en": "The file of {city} {year} has no column {column!r}.",
                             "nl": "Het bestand van {city} {year} heeft geen kolom "
                                   "{column!r}."},
    "ch8fig.values.city": {"en": "{city} as a whole", "nl": "{city} als geheel"},
    "ch8fig.map.title": {"en": "{column}, {city} {year}", "nl": "{column}, {city} {year}"},
    "ch8fig.map.no_data": {"en": "grey: no value ({n} buurten)",
                           "nl": "grijs: geen waarde ({n} buurten)"},
    "ch8fig.change.title": {"en": "{column}:\nthe same buurten in {first} and {second}",
                            "nl": "{column}:\ndezelfde buurten in {first} en {second}"},
    "ch8fig.change.x": {"en": "{first}", "nl": "{first}"},
    "ch8fig.change.y": {"en": "{second}", "nl": "{second}"},
    "ch8fig.change.same": {"en": "no change", "nl": "geen verandering"},
    "ch8fig.scale.title": {"en": "Segregation depends on the units: {city} {year}",
                           "nl": "Segregatie hangt af van de eenheden: {city} {year}"},
    "ch8fig.scale.y": {"en": "index of dissimilarity D", "nl": "segregatie-index D"},
    "ch8fig.scale.x": {"en": "group", "nl": "groep"},
    "ch8fig.share.pct_low_income_households": {"en": "low-income households",
                                               "nl": "huishoudens met een laag inkomen"},
    "ch8fig.share.pct_social_rent": {"en": "corporation dwellings",
                                     "nl": "woningen van corporaties"},
    "ch8fig.published.title": {"en": "Low-income segregation: buurten and 500 m squares",
                               "nl": "Segregatie van lage inkomens: buurten en vierkanten "
                                     "van 500 m"},
    "ch8fig.published.x": {"en": "index of dissimilarity D", "nl": "segregatie-index D"},
    "ch8fig.published.ours": {"en": "buurten, KWB {year} (this chapter)",
                              "nl": "buurten, KWB {year} (dit hoofdstuk)"},
    "ch8fig.published.theirs": {"en": "500 m squares, 2013 (SCP/CBS)",
                                "nl": "vierkanten van 500 m, 2013 (SCP/CBS)"},
    "ch8fig.published.range": {"en": "range over all municipalities, 2013",
                               "nl": "bereik over alle gemeenten, 2013"},
    "ch8fig.published.source": {
        "en": "Bron: CBS, CC BY 4.0; SCP/CBS, Armoede en sociale uitsluiting 2015",
        "nl": "Bron: CBS, CC BY 4.0; SCP/CBS, Armoede en sociale uitsluiting 2015"},
    "ch8fig.live.title": {"en": "Liveability score and meeting places, Havenstad {year}",
                          "nl": "Leefbaarheidsscore en ontmoetingsplekken, Havenstad {year}"},
    "ch8fig.live.x": {"en": "meeting places in the buurt",
                      "nl": "ontmoetingsplekken in de buurt"},
    "ch8fig.live.y": {"en": "Leefbaarometer-like score (synthetic)",
                      "nl": "Leefbaarometer-achtige score (synthetisch)"},
    "ch8fig.live.label": {
        "en": "Havenstad — synthetic data; the score is not the Leefbaarometer",
        "nl": "Havenstad — synthetische gegevens; de score is niet de Leefbaarometer"},
})


def column_label(column: str) -> str:
    """A short label of a KWB column in the current language.

    >>> column_label("pct_social_rent")
    '% dwellings of housing corporations'
    """
    key = f"ch8.col.{column}"
    if key in i18n.keys():
        return i18n.t(key)
    guide = column_guide().set_index("column")
    if column not in guide.index:
        raise ValueError(f"column {column!r} is not a KWB column; known: "
                         f"{', '.join(guide.index)}.")
    return str(guide.loc[column, "meaning"])


def _city(kwb: pd.DataFrame) -> tuple[str, Any]:
    gemeente = kwb.loc[kwb["level"] == "gemeente", "gemeente_name"]
    name = str(gemeente.iloc[0]) if len(gemeente) and isinstance(gemeente.iloc[0], str) else ""
    if name == "'s-Gravenhage":
        name = "Den Haag"
    return name, kwb.attrs.get("year", "")


def _source(ax, text: str = SOURCE) -> None:
    ax.text(0.99, 0.01, text, transform=ax.transAxes, fontsize=7, color="#333333",
            ha="right", va="bottom")


def _require(kwb: pd.DataFrame, column: str) -> None:
    if column not in kwb.columns:
        raise ValueError(f"the file has no column {column!r}; it has "
                         f"{', '.join(c for c in kwb.columns if c not in ('code', 'level'))}.")


def _absent(kwb: pd.DataFrame, title: str, column: str, ax) -> Figure:
    """An empty figure that says the file has no ``column``."""
    city, year = _city(kwb)
    fig, ax = new_figure(title, "", "", ax=ax)
    ax.text(0.5, 0.5, i18n.t("ch8fig.values.absent", city=city, year=year, column=column),
            transform=ax.transAxes, ha="center", va="center")
    ax.set_xticks([])
    ax.set_yticks([])
    _source(ax)
    return fig


def plot_withheld(kwb: pd.DataFrame, column: str = "pct_low_income_households", *,
                  ax=None) -> Figure:
    """Buurten with and without a value of ``column``, by their size (households, dwellings).

    The size is the base of the share (:data:`wijkwijs.opendata.BASE_OF_SHARE`). A
    dashed line marks the smallest buurt that has a value: CBS publishes nothing for
    small numbers of households. A file without the column (or its base) gets a note on
    the axes instead.

    >>> import matplotlib.pyplot as plt
    >>> from wijkwijs import opendata
    >>> fig = plot_withheld(opendata.shipped("amsterdam", 2019))
    >>> len(fig.axes[0].patches) > 0
    True
    >>> plt.close(fig)
    """
    base = measures.BASE_OF_SHARE.get(column, "households")
    missing_column = next((c for c in (column, base) if c not in kwb.columns), None)
    if missing_column is not None:
        return _absent(kwb, i18n.t("ch8fig.withheld.title", column=column_label(column)),
                       missing_column, ax)
    buurten = measures.areas(kwb, "buurt")
    size = buurten[base].to_numpy(dtype=float)
    missing = buurten[column].isna().to_numpy()
    shown = size > 0
    base_label = i18n.t(f"opendata.base.{base}")
    fig, ax = new_figure(i18n.t("ch8fig.withheld.title", column=column_label(column)),
                         i18n.t("ch8fig.withheld.x", base=base_label),
                         i18n.t("ch8fig.withheld.y"), figsize=(7.0, 4.0), ax=ax)
    bins = np.logspace(0, np.log10(max(size.max(), 10)) + 0.01, 30)
    ax.hist([size[shown & ~missing], size[shown & missing]], bins=bins, stacked=True,
            color=[CATEGORICAL[0], OKABE_ITO["vermillion"]],
            label=[i18n.t("ch8fig.withheld.published", n=int((~missing).sum())),
                   i18n.t("ch8fig.withheld.missing", n=int(missing.sum()))])
    ax.set_xscale("log")
    published = size[~missing & shown]
    if published.size:
        smallest = float(published.min())
        ax.axvline(smallest, color="#333333", linestyle="--", linewidth=1,
                   label=i18n.t("ch8fig.withheld.smallest", n=smallest))
    empty = int((~shown).sum())
    if empty:
        ax.text(0.01, 0.98, i18n.t("ch8fig.withheld.empty", n=empty, base=base_label),
                transform=ax.transAxes, fontsize=8, va="top")
    ax.legend(loc="upper right", fontsize=8)
    _source(ax)
    return fig


def plot_buurt_values(kwb: pd.DataFrame, column: str, *, ax=None) -> Figure:
    """The buurten ranked by ``column``, with the municipality's value as a line.

    Buurten without a value are counted in the axis label. A file without the column
    gets a note on the axes instead of a plot (so that an explorer over several files
    keeps working).

    >>> import matplotlib.pyplot as plt
    >>> from wijkwijs import opendata
    >>> fig = plot_buurt_values(opendata.shipped("rotterdam", 2017),
    ...                         "avg_income_per_inhabitant")
    >>> fig.axes[0].get_xlabel()
    'buurten, ranked (76 with a value, 16 without)'
    >>> plt.close(fig)
    """
    city, year = _city(kwb)
    if column not in kwb.columns:
        return _absent(kwb, i18n.t("ch8fig.values.title", column=column_label(column),
                                   city=city, year=year), column, ax)
    buurten = measures.areas(kwb, "buurt")
    values = np.sort(buurten[column].dropna().to_numpy(dtype=float))[::-1]
    fig, ax = new_figure(i18n.t("ch8fig.values.title", column=column_label(column), city=city,
                                year=year),
                         i18n.t("ch8fig.values.x", n=values.size,
                                m=int(buurten[column].isna().sum())),
                         column_label(column), figsize=(7.0, 4.0), ax=ax)
    ax.fill_between(np.arange(values.size), values, step="mid", color=CATEGORICAL[0],
                    linewidth=0)
    gemeente = kwb.loc[kwb["level"] == "gemeente", column]
    if len(gemeente) and not np.isnan(gemeente.iloc[0]):
        ax.axhline(float(gemeente.iloc[0]), color=OKABE_ITO["vermillion"], linewidth=1.5,
                   label=i18n.t("ch8fig.values.city", city=city))
        ax.legend(loc="upper right", fontsize=8)
    ax.set_xlim(-1, max(values.size, 1))
    ax.set_xticks([])
    _source(ax)
    return fig


def plot_map(joined: Any, column: str, *, ax=None, colorbar: bool = True) -> Figure:
    """A map of ``column`` on real buurt boundaries, drawn with matplotlib (no tiles).

    ``joined`` is a GeoDataFrame in longitude/latitude (EPSG:4326), e.g.
    ``join_geometry(shipped_geometry("rotterdam"), shipped("rotterdam", 2017))``. The
    axes are stretched by 1 / cos(latitude) so that the city keeps its shape; buurten
    without a value are grey.

    >>> import matplotlib.pyplot as plt
    >>> from wijkwijs import opendata
    >>> joined = opendata.join_geometry(opendata.shipped_geometry("rotterdam"),
    ...                                 opendata.shipped("rotterdam", 2017))
    >>> fig = plot_map(joined, "pct_owner_occupied")
    >>> len(fig.axes)  # the map and its colour bar
    2
    >>> plt.close(fig)
    """
    if not hasattr(joined, "geometry"):
        raise ValueError("joined must be a GeoDataFrame, e.g. from join_geometry().")
    _require(joined, column)
    if joined.crs is not None and not joined.crs.is_geographic:
        joined = joined.to_crs(4326)
    values = joined[column].to_numpy(dtype=float)
    present = ~np.isnan(values)
    if not present.any():
        raise ValueError(f"column {column!r} has no values to map.")
    city = joined["gemeente_name"].dropna().iloc[0] if "gemeente_name" in joined else ""
    if ax is None:
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(8.0, 4.4), layout="constrained")
    else:
        fig = ax.figure
    rings = exterior_rings(joined.geometry)
    owners = part_owners(joined.geometry)
    norm = Normalize(float(values[present].min()), float(values[present].max()))
    filled = np.where(present, values, np.nan)
    cmap = colormaps[SEQUENTIAL_CMAP].with_extremes(bad=NO_DATA_COLOUR)
    collection = draw_polygons(ax, rings, filled, norm, parts=owners, cmap=cmap)
    ax.autoscale_view()
    latitude = float(np.mean(joined.total_bounds[[1, 3]]))
    ax.set_aspect(1 / np.cos(np.radians(latitude)))
    ax.set_title(i18n.t("ch8fig.map.title", column=column_label(column), city=city,
                        year=joined.attrs.get("year", "")), fontsize=10)
    ax.set_xticks([])
    ax.set_yticks([])
    if not present.all():
        ax.text(0.01, 0.01, i18n.t("ch8fig.map.no_data", n=int((~present).sum())),
                transform=ax.transAxes, fontsize=8, va="bottom")
    if colorbar:
        fig.colorbar(collection, ax=ax, shrink=0.8, label=column_label(column))
    _source(ax)
    return fig


def plot_change(change: pd.DataFrame, *, ax=None) -> Figure:
    """A share in two years, one dot per buurt (from :func:`~wijkwijs.opendata.change_in_shares`).

    Dots above the diagonal rose, below it fell.

    >>> import matplotlib.pyplot as plt
    >>> from wijkwijs import opendata
    >>> change = opendata.change_in_shares(opendata.shipped("amsterdam", 2017),
    ...                                    opendata.shipped("amsterdam", 2019),
    ...                                    "pct_low_income_households")
    >>> fig = plot_change(change)
    >>> fig.axes[0].get_xlabel(), fig.axes[0].get_ylabel()
    ('2017', '2019')
    >>> plt.close(fig)
    """
    for column in ("share_before", "share_after"):
        if column not in change.columns:
            raise ValueError(f"change has no {column!r} column; make it with "
                             "wijkwijs.opendata.change_in_shares().")
    first, second = change.attrs.get("years", ("before", "after"))
    share = change.attrs.get("share", "")
    label = column_label(share) if share else ""
    fig, ax = new_figure(i18n.t("ch8fig.change.title", column=label, first=first,
                                second=second),
                         i18n.t("ch8fig.change.x", first=first),
                         i18n.t("ch8fig.change.y", second=second), figsize=(5.6, 5.4), ax=ax)
    high = float(max(change["share_before"].max(), change["share_after"].max(), 1)) * 1.05
    ax.plot([0, high], [0, high], color="#666666", linestyle="--", linewidth=1,
            label=i18n.t("ch8fig.change.same"))
    ax.scatter(change["share_before"], change["share_after"], s=12, alpha=0.7,
               color=CATEGORICAL[0])
    ax.set_xlim(0, high)
    ax.set_ylim(0, high)
    ax.set_aspect("equal")
    ax.legend(loc="upper left", fontsize=8)
    _source(ax)
    return fig


def plot_scale(table: pd.DataFrame, *, city: str = "", year: Any = "", ax=None) -> Figure:
    """D per share at each scale (from :func:`~wijkwijs.opendata.scale_table`), as bars.

    >>> import matplotlib.pyplot as plt
    >>> from wijkwijs import opendata
    >>> fig = plot_scale(opendata.scale_table(opendata.shipped("den_haag", 2019)))
    >>> len(fig.axes[0].patches)
    6
    >>> plt.close(fig)
    """
    for column in ("share", "scale", "scale_label", "dissimilarity"):
        if column not in table.columns:
            raise ValueError(f"table has no {column!r} column; make it with "
                             "wijkwijs.opendata.scale_table().")
    shares = list(dict.fromkeys(table["share"]))
    scales = list(dict.fromkeys(table["scale"]))
    fig, ax = new_figure(i18n.t("ch8fig.scale.title", city=city, year=year),
                         i18n.t("ch8fig.scale.x"), i18n.t("ch8fig.scale.y"),
                         figsize=(7.0, 4.0), ax=ax)
    width = 0.8 / len(scales)
    for k, scale in enumerate(scales):
        rows = table[table["scale"] == scale].set_index("share").reindex(shares)
        ax.bar(np.arange(len(shares)) + (k - (len(scales) - 1) / 2) * width,
               rows["dissimilarity"], width=width, color=CATEGORICAL[k],
               label=rows["scale_label"].iloc[0])
    ax.set_xticks(np.arange(len(shares)))
    ax.set_xticklabels([i18n.t(f"ch8fig.share.{s}") if f"ch8fig.share.{s}" in i18n.keys()
                        else s for s in shares])
    ax.set_ylim(0, 1)
    ax.legend(loc="upper left", fontsize=8)
    _source(ax)
    return fig


def plot_published(comparison: pd.DataFrame, *, ax=None) -> Figure:
    """Our D over buurten next to the published D over 500 m squares.

    ``comparison`` comes from
    :func:`wijkwijs.examples.own_neighbourhood.published_comparison`; the range over
    all municipalities (2013) is drawn as a band.

    >>> import matplotlib.pyplot as plt
    >>> from wijkwijs.examples.own_neighbourhood import published_comparison
    >>> fig = plot_published(published_comparison())
    >>> len(fig.axes[0].get_yticklabels())
    3
    >>> plt.close(fig)
    """
    cities = comparison[comparison["year"].notna()]
    if cities.empty:
        raise ValueError("comparison has no rows of our own; make it with "
                         "own_neighbourhood.published_comparison().")
    fig, ax = new_figure(i18n.t("ch8fig.published.title"), i18n.t("ch8fig.published.x"), "",
                         figsize=(9.0, 3.4), ax=ax)
    labels = [f"{r} {y}" for r, y in zip(cities["region"], cities["year"], strict=True)]
    positions = np.arange(len(cities))[::-1]
    everywhere = comparison[comparison["year"].isna()].set_index("region")["published_D"]
    low = everywhere.get("All municipalities (lowest)")
    high = everywhere.get("All municipalities (highest)")
    if low is not None and high is not None:
        ax.axvspan(low, high, color="#DDDDDD", zorder=0,
                   label=i18n.t("ch8fig.published.range"))
    ax.scatter(cities["D"], positions, s=60, color=CATEGORICAL[0], zorder=3,
               label=i18n.t("ch8fig.published.ours", year="2017/2019"))
    ax.scatter(cities["published_D"], positions, s=60, marker="s", color=CATEGORICAL[1],
               zorder=3, label=i18n.t("ch8fig.published.theirs"))
    ax.set_yticks(positions)
    ax.set_yticklabels(labels)
    ax.set_xlim(0, 0.5)
    ax.set_ylim(-0.8, len(cities) - 0.2)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    _source(ax, i18n.t("ch8fig.published.source"))
    return fig


def plot_liveability(live: pd.DataFrame, *, year: Any = "",
                     highlight: tuple[str, ...] = (), ax=None) -> Figure:
    """The synthetic liveability score of Havenstad's buurten against their meeting places.

    ``live`` comes from :func:`wijkwijs.examples.own_neighbourhood.havenstad_liveability`;
    ``highlight`` names buurten to circle and label (e.g.
    :func:`~wijkwijs.examples.own_neighbourhood.contrast_names`). The figure says on
    itself that Havenstad is synthetic and the score is not the Leefbaarometer.

    >>> import matplotlib.pyplot as plt
    >>> from wijkwijs.examples.own_neighbourhood import havenstad_liveability
    >>> fig = plot_liveability(havenstad_liveability(), year=2020)
    >>> any("synthetic" in text.get_text() for text in fig.axes[0].texts)
    True
    >>> plt.close(fig)
    """
    for column in ("score", "meeting_places", "name"):
        if column not in live.columns:
            raise ValueError(f"live has no {column!r} column; make it with "
                             "own_neighbourhood.havenstad_liveability().")
    fig, ax = new_figure(i18n.t("ch8fig.live.title", year=year), i18n.t("ch8fig.live.x"),
                         i18n.t("ch8fig.live.y"), figsize=(7.0, 4.2), ax=ax)
    ax.scatter(live["meeting_places"], live["score"], s=28, color=CATEGORICAL[0], alpha=0.8)
    for name in highlight:
        row = live[live["name"] == name]
        if len(row):
            x, y = float(row["meeting_places"].iloc[0]), float(row["score"].iloc[0])
            ax.scatter([x], [y], s=80, facecolors="none", edgecolors=OKABE_ITO["vermillion"],
                       linewidths=2)
            ax.annotate(name, (x, y), xytext=(6, 6), textcoords="offset points", fontsize=9)
    ax.text(0.01, 0.01, i18n.t("ch8fig.live.label"), transform=ax.transAxes, fontsize=8,
            color="#333333", va="bottom")
    return fig
