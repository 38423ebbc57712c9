"""The map builders: an empty offline map, a choropleth, organisations as markers.

:func:`base_map` makes the empty map every other builder draws on,
:func:`choropleth` colours every neighbourhood (*buurt*) by its class
(:mod:`wijkwijs.maps.classify`, colours from :mod:`wijkwijs.maps.palettes`), and
:func:`add_organisations` puts organisations on top as circle markers coloured by
type. Every text goes through :mod:`wijkwijs.maps.elements` (escaped) and every map
is made :func:`~wijkwijs.maps.offline.offline`.

The synthetic city (Havenstad) is drawn without tiles, on Leaflet's flat
``CRS.Simple`` with coordinates in metres, and labelled "synthetic city — not a
real place", so a fictional city is never drawn over a real map. For a real
place, pass ``crs="EPSG3857"`` and, only if you want a background map,
``tiles="OpenStreetMap"``.

>>> m = base_map((0, 0, 1000, 1000), title="Empty")
>>> "Synthetic city — not a real place" in m.get_root().render()
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import folium
import numpy as np
import pandas as pd
from folium.utilities import JsCode

from wijkwijs import _validate
from wijkwijs.i18n import register, t
from wijkwijs.maps.classify import SCHEMES, class_breaks, classify
from wijkwijs.maps.elements import (
    BindText,
    HtmlControl,
    MetricScale,
    add_stylesheet,
    ensure_layer_control,
    escape,
    format_value,
    legend_html,
    table_html,
)
from wijkwijs.maps.offline import offline
from wijkwijs.maps.palettes import (
    CATEGORICAL,
    NO_DATA_COLOUR,
    SEQUENTIAL_CMAP,
    is_hex_colour,
    resolve_palette,
)

__all__ = ["CRSES", "add_organisations", "base_map", "choropleth"]

register({
    "maps.scheme.quantiles": {"en": "quantiles", "nl": "kwantielen"},
    "maps.scheme.natural_breaks": {
        "en": "natural breaks (Jenks)", "nl": "natuurlijke grenzen (Jenks)"},
    "maps.scheme.equal_interval": {"en": "equal intervals", "nl": "gelijke intervallen"},
    "maps.legend.classes": {"en": "{scheme}, {k} classes", "nl": "{scheme}, {k} klassen"},
    "maps.legend.one_class": {"en": "{scheme}, 1 class", "nl": "{scheme}, 1 klasse"},
    "maps.legend.no_data": {"en": "no data", "nl": "geen gegevens"},
    "maps.synthetic_label": {
        "en": "Synthetic city — not a real place",
        "nl": "Synthetische stad — geen echte plek"},
    "maps.organisations": {"en": "Organisations", "nl": "Organisaties"},
    "maps.organisation_type": {"en": "type", "nl": "soort"},
})

#: The coordinate systems a map may use: flat metres, or web maps in longitude/latitude.
CRSES: tuple[str, ...] = ("Simple", "EPSG3857", "EPSG4326")


# --------------------------------------------------------------------------------------
# Input checks
# --------------------------------------------------------------------------------------

def _check_crs(crs: str) -> str:
    return _validate.check_choice(crs, CRSES, "crs")


def _check_bounds(bounds: Sequence[float]) -> tuple[float, float, float, float]:
    b = _validate.as_values(bounds, "bounds")
    if b.size != 4:
        raise ValueError(f"bounds must be (minx, miny, maxx, maxy); got {b.size} numbers.")
    minx, miny, maxx, maxy = (float(v) for v in b)
    if not (minx <= maxx and miny <= maxy):
        raise ValueError(f"bounds must be (minx, miny, maxx, maxy) with min <= max; got {bounds}.")
    return minx, miny, maxx, maxy


def _check_gdf(gdf: Any, name: str) -> None:
    if not hasattr(gdf, "geometry") or not hasattr(gdf, "columns"):
        raise ValueError(f"{name} must be a GeoDataFrame; got {type(gdf).__name__}.")
    if len(gdf) == 0:
        raise ValueError(f"{name} is empty; there is nothing to draw.")
    missing = gdf.geometry.isna() | gdf.geometry.is_empty
    if missing.any():
        label = gdf.index[int(np.flatnonzero(missing.to_numpy())[0])]
        raise ValueError(f"{name} has a missing or empty geometry at row label {label!r}.")


def _to_map_crs(gdf: Any, crs: str, name: str) -> Any:
    """Return ``gdf`` in the coordinates the map expects (metres, or lon/lat)."""
    if crs == "Simple":
        if gdf.crs is not None and gdf.crs.is_geographic:
            raise ValueError(
                f"{name} is in longitude/latitude ({gdf.crs.to_string()}); crs='Simple' "
                "needs metres. Project it first (e.g. gdf.to_crs(28992)) or use crs='EPSG3857'."
            )
        return gdf
    if gdf.crs is None:
        minx, miny, maxx, maxy = gdf.total_bounds
        if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
            raise ValueError(f"{name} has no crs and its coordinates are not longitude/latitude; "
                             "set its crs (gdf.set_crs(...)) first.")
        return gdf
    return gdf.to_crs(4326)


def _check_column(gdf: Any, column: str, name: str) -> None:
    if column not in gdf.columns:
        available = [str(c) for c in gdf.columns if c != gdf.geometry.name]
        raise ValueError(f"column {column!r} is not in {name}; available columns: "
                         f"{', '.join(available)}.")


# --------------------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------------------

def base_map(bounds: Sequence[float], synthetic: bool = True, *, title: str | None = None,
             crs: str = "Simple", tiles: str | None = None,
             height: str | int = "100%") -> folium.Map:
    """An empty, offline map showing ``bounds`` = ``(minx, miny, maxx, maxy)``.

    With ``crs="Simple"`` (the default) the coordinates are plain metres on a
    flat plane (Leaflet's ``CRS.Simple``: x east, y north), as in the synthetic
    city; with ``"EPSG3857"`` (web Mercator) they are longitude and latitude.

    ``synthetic=True`` adds the label "synthetic city — not a real place" and
    refuses ``tiles``: a fictional city is never drawn over a real map. For a
    real place pass ``synthetic=False``, ``crs="EPSG3857"`` and, if wanted,
    ``tiles="OpenStreetMap"`` (fetched online; without a connection the tiles
    stay blank and everything else still draws).

    ``title`` is shown at the top right, escaped.

    >>> m = base_map((0, 0, 4000, 3000), title="Havenstad")
    >>> m.crs, "not a real place" in m.get_root().render()
    ('Simple', True)
    """
    crs = _check_crs(crs)
    minx, miny, maxx, maxy = _check_bounds(bounds)
    if synthetic and tiles is not None:
        raise ValueError("a synthetic city is drawn without tiles: pass tiles=None, or "
                         "synthetic=False for a real place.")
    if crs == "Simple" and tiles is not None:
        raise ValueError("tiles need a geographic crs such as 'EPSG3857', not 'Simple'.")
    centre = [(miny + maxy) / 2, (minx + maxx) / 2]
    options: dict[str, Any] = {}
    if crs == "Simple":
        # metres: zoom 0 is 1 m per pixel, so a city of kilometres needs negative zooms
        options.update(minZoom=-12, maxZoom=6, zoomSnap=0.25, zoomDelta=0.5)
    m = folium.Map(location=centre, tiles=tiles, crs=crs, zoom_start=0 if crs == "Simple" else 12,
                   height=height, **options)
    offline(m)
    MetricScale().add_to(m)
    m.fit_bounds([[miny, minx], [maxy, maxx]], padding=(12, 12))
    if title is not None:
        HtmlControl(f'<div style="font-size:17px;font-weight:600">{escape(title)}</div>',
                    position="topright", css_class="wijkwijs-title").add_to(m)
    if synthetic:
        HtmlControl(
            f'<div style="font-style:italic">{escape(t("maps.synthetic_label"))}</div>',
            position="bottomleft", css_class="wijkwijs-synthetic").add_to(m)
    add_stylesheet(m)
    return m


def choropleth(gdf: Any, column: str, *, title: str, scheme: str = "quantiles", k: int = 5,
               palette: str | Sequence[str] = SEQUENTIAL_CMAP,
               tooltip_columns: Sequence[str] | None = None, legend_title: str | None = None,
               tiles: str | None = None, crs: str = "Simple", synthetic: bool | None = None,
               value_format: str | None = None, height: str | int = "100%") -> folium.Map:
    """A choropleth map of ``gdf[column]``, classified by ``scheme`` into ``k`` classes.

    Parameters
    ----------
    gdf
        GeoDataFrame of (multi)polygons, one row per neighbourhood.
    column
        Numeric column to map. Missing values (NaN) are drawn grey as "no data".
    title
        Title shown on the map.
    scheme, k
        Classification scheme (``"quantiles"``, ``"natural_breaks"``,
        ``"equal_interval"``) and number of classes; see :func:`class_breaks`.
    palette
        ``"cividis"`` (default) or ``"viridis"``, or a list of ``k`` hex colours.
    tooltip_columns
        Columns shown when hovering over a unit (default: just ``column``).
    legend_title
        Legend heading and layer name (default: ``column``).
    tiles, crs
        ``tiles=None`` and ``crs="Simple"`` (metres) for the synthetic city; for a
        real place ``crs="EPSG3857"`` and optionally ``tiles="OpenStreetMap"``.
    synthetic
        Whether to label the map "synthetic city — not a real place"
        (default: ``True`` when ``crs="Simple"``).
    value_format
        Optional format spec for numbers in the legend and tooltips, e.g. ``".1%"``.

    Returns
    -------
    folium.Map
        Offline map with the polygons, an escaped legend naming the scheme
        (e.g. "quantiles, 5 classes") and a layer control.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import box
    >>> gdf = gpd.GeoDataFrame({"share": [0.1, 0.2, 0.4]},
    ...                        geometry=[box(i, 0, i + 1, 1) for i in range(3)])
    >>> m = choropleth(gdf, "share", title="Share", scheme="equal_interval", k=3)
    >>> "equal intervals, 3 classes" in m.get_root().render()
    True
    """
    _check_gdf(gdf, "gdf")
    _check_column(gdf, column, "gdf")
    crs = _check_crs(crs)
    synthetic = crs == "Simple" if synthetic is None else bool(synthetic)
    series = gdf[column]
    if not (pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)):
        numeric = [str(c) for c in gdf.columns if c != gdf.geometry.name
                   and pd.api.types.is_numeric_dtype(gdf[c])
                   and not pd.api.types.is_bool_dtype(gdf[c])]
        raise ValueError(
            f"column {column!r} is not numeric (dtype {series.dtype}); a choropleth needs "
            f"numbers. Numeric columns: {', '.join(numeric) or 'none'}.")
    values = series.to_numpy(dtype=float)
    if np.isinf(values).any():
        label = gdf.index[int(np.flatnonzero(np.isinf(values))[0])]
        raise ValueError(f"column {column!r} has an infinite value at row label {label!r}.")
    present = ~np.isnan(values)
    if not present.any():
        raise ValueError(f"column {column!r} has no values (all NaN).")
    _validate.check_choice(scheme, SCHEMES, "scheme")
    try:
        bounds = class_breaks(values[present], scheme, k)
    except ValueError as exc:
        raise ValueError(f"column {column!r}: {exc}") from None
    colours = resolve_palette(palette, len(bounds))
    classes = np.full(values.size, -1)
    classes[present] = classify(values[present], bounds)

    tooltip_columns = [column] if tooltip_columns is None else list(tooltip_columns)
    for col in tooltip_columns:
        _check_column(gdf, col, "gdf")
    legend_title = column if legend_title is None else legend_title
    shown = _to_map_crs(gdf, crs, "gdf")

    features = []
    for pos, (geometry, cls) in enumerate(zip(shown.geometry, classes, strict=True)):
        row = gdf.iloc[pos]
        tooltip = table_html([(col, format_value(row[col], value_format))
                               for col in tooltip_columns])
        fill = colours[cls] if cls >= 0 else NO_DATA_COLOUR
        features.append({
            "type": "Feature",
            "geometry": geometry.__geo_interface__,
            "properties": {
                "wijkwijs_tooltip": tooltip,
                "style": {"fillColor": fill, "color": "#FFFFFF", "weight": 1,
                          "fillOpacity": 0.85, "opacity": 1},
            },
        })

    m = base_map(shown.total_bounds, synthetic, title=title, crs=crs, tiles=tiles,
                 height=height)
    layer = folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=escape(legend_title),
        on_each_feature=JsCode(
            "function (feature, layer) {"
            " layer.bindTooltip(feature.properties.wijkwijs_tooltip, {sticky: true}); }"),
    )
    layer.add_to(m)

    scheme_name = t(f"maps.scheme.{scheme}")
    n_classes = len(bounds)
    subtitle = (t("maps.legend.one_class", scheme=scheme_name) if n_classes == 1
                else t("maps.legend.classes", scheme=scheme_name, k=n_classes))
    low = float(values[present].min())
    rows = []
    for i, upper in enumerate(bounds):
        lower = low if i == 0 else bounds[i - 1]
        label = (f"{format_value(float(lower), value_format)} – "
                 f"{format_value(float(upper), value_format)}")
        rows.append((colours[i], label, str(int((classes == i).sum()))))
    if not present.all():
        rows.append((NO_DATA_COLOUR, t("maps.legend.no_data"), str(int((~present).sum()))))
    HtmlControl(legend_html(legend_title, subtitle, rows), position="bottomright",
                css_class="wijkwijs-legend").add_to(m)
    ensure_layer_control(m)
    return m


def add_organisations(m: folium.Map, orgs_gdf: Any, type_column: str = "type",
                      name_column: str = "name", *,
                      popup_columns: Sequence[str] | None = None,
                      legend_title: str | None = None, radius: float = 6,
                      colours: dict[str, str] | None = None) -> folium.Map:
    """Add organisations as circle markers coloured by type, with a legend.

    Each type becomes its own layer (switchable in the layer control) and
    takes the next Okabe–Ito colour of :data:`wijkwijs.style.CATEGORICAL`
    unless ``colours`` maps it to another hex colour. Hovering a marker shows
    the organisation's name and type; clicking shows them with
    ``popup_columns``. All texts are escaped. Circle markers need no icon
    font or image, so the map stays offline.

    ``orgs_gdf`` holds points in the same kind of coordinates as the map
    (metres for ``crs="Simple"``; anything with a crs for a geographic map).
    Returns ``m``.

    >>> import geopandas as gpd
    >>> from shapely.geometry import Point
    >>> m = base_map((0, 0, 100, 100))
    >>> orgs = gpd.GeoDataFrame({"name": ["A & B"], "type": ["library"]},
    ...                         geometry=[Point(50, 50)])
    >>> "A &amp; B" in add_organisations(m, orgs).get_root().render()
    True
    """
    _check_gdf(orgs_gdf, "orgs_gdf")
    for col in (type_column, name_column, *(popup_columns or ())):
        _check_column(orgs_gdf, col, "orgs_gdf")
    not_points = ~orgs_gdf.geometry.geom_type.isin(["Point"])
    if not_points.any():
        label = orgs_gdf.index[int(np.flatnonzero(not_points.to_numpy())[0])]
        raise ValueError(f"orgs_gdf must hold points; row label {label!r} is a "
                         f"{orgs_gdf.geometry.geom_type[label]}.")
    crs = _check_crs(getattr(m, "crs", "EPSG3857"))
    shown = _to_map_crs(orgs_gdf, crs, "orgs_gdf")
    types = list(dict.fromkeys(str(v) for v in orgs_gdf[type_column]))
    colours = dict(colours or {})
    free = [c for c in CATEGORICAL if c not in colours.values()]
    for kind in types:
        if kind not in colours:
            if not free:
                raise ValueError(
                    f"orgs_gdf has {len(types)} organisation types but the colour-blind-safe "
                    f"palette has {len(CATEGORICAL)} colours; merge types first.")
            colours[kind] = free.pop(0)
        elif not is_hex_colour(str(colours[kind])):
            raise ValueError(f"colour for type {kind!r} is {colours[kind]!r}; "
                             "expected '#RRGGBB'.")

    type_label = t("maps.organisation_type")
    groups = {kind: folium.FeatureGroup(name=escape(kind)) for kind in types}
    for pos, point in enumerate(shown.geometry):
        row = orgs_gdf.iloc[pos]
        kind = str(row[type_column])
        name = format_value(row[name_column])
        tooltip = (f'<div style="font-weight:600">{escape(name)}</div>'
                   f'<div>{escape(kind)}</div>')
        popup = (f'<div style="font-weight:600">{escape(name)}</div>'
                 + table_html([(type_label, kind)]
                               + [(col, format_value(row[col])) for col in popup_columns or ()]))
        marker = folium.CircleMarker(
            location=[point.y, point.x], radius=radius, color="#FFFFFF", weight=1.5,
            fill=True, fill_color=colours[kind], fill_opacity=1.0)
        marker.add_child(BindText(tooltip, popup))
        marker.add_to(groups[kind])
    for group in groups.values():
        group.add_to(m)

    counts = orgs_gdf[type_column].astype(str).value_counts()
    title = t("maps.organisations") if legend_title is None else legend_title
    rows = [(colours[kind], kind, str(int(counts[kind]))) for kind in types]
    HtmlControl(legend_html(title, "", rows, shape="circle"), position="bottomleft",
                css_class="wijkwijs-legend").add_to(m)
    add_stylesheet(m)
    ensure_layer_control(m)
    return m
