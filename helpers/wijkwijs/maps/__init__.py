"""Interactive maps of neighbourhood indicators, built on folium and Leaflet.

A *choropleth* colours every neighbourhood (*buurt*) by the class its value falls
in; how the classes are cut matters as much as the colours. The package has one
module per concern:

* :mod:`wijkwijs.maps.classify` — class breaks (quantiles, Fisher–Jenks natural
  breaks, equal intervals) and :func:`classify`, in plain numpy;
* :mod:`wijkwijs.maps.palettes` — colour-blind-safe colours, from :mod:`wijkwijs.style`;
* :mod:`wijkwijs.maps.elements` — HTML escaping, controls, tooltips and popups,
  legends, the scale bar;
* :mod:`wijkwijs.maps.offline` — Leaflet and jQuery inlined, so a map makes no
  network request;
* :mod:`wijkwijs.maps.builders` — :func:`base_map`, :func:`choropleth`,
  :func:`add_organisations`.

Three rules hold for every map made here:

1. **Colour-blind safe.** Ordered values use colours sampled from matplotlib's
   ``cividis`` (or ``viridis``); categories use the Okabe–Ito palette of
   :mod:`wijkwijs.style`.
2. **Every text is HTML-escaped.** Titles, legend entries, layer names,
   tooltips, popups and organisation names are escaped in Python before they
   reach the page, so an organisation called ``<script>alert(1)</script>`` shows
   exactly that text. (folium's own ``GeoJsonTooltip`` and ``Tooltip`` insert
   values as raw HTML, so they are not used.)
3. **Offline.** :func:`offline` (applied by every builder here) replaces the
   CDN links that folium would put in the page by inline copies of Leaflet and
   jQuery from the installed XStatic packages, with Leaflet's images as data
   URIs. A map of the synthetic city makes no network request at all.

The synthetic city (Havenstad) is drawn without tiles, on Leaflet's flat
``CRS.Simple`` with coordinates in metres, and labelled "synthetic city — not a
real place", so a fictional city is never drawn over a real map. For a real
place, pass ``crs="EPSG3857"`` and, only if you want a background map,
``tiles="OpenStreetMap"``: the tiles are then fetched from the internet. Without a
connection the tiles stay blank but the polygons, markers and legends still
draw, since everything else is inline.

The names :func:`classify` and :func:`offline` are the functions; their modules
are reached as ``from wijkwijs.maps.classify import …`` and
``from wijkwijs.maps.offline import …``.

Examples
--------
>>> import geopandas as gpd
>>> from shapely.geometry import Point, box
>>> gdf = gpd.GeoDataFrame(
...     {"code": ["BU01", "BU02", "BU03", "BU04"], "income": [21.0, 25.5, 31.0, 48.2]},
...     geometry=[box(0, 0, 500, 500), box(500, 0, 1000, 500),
...               box(0, 500, 500, 1000), box(500, 500, 1000, 1000)])
>>> m = choropleth(gdf, "income", title="Income", k=2, tooltip_columns=["code", "income"])
>>> html = m.get_root().render()
>>> "quantiles, 2 classes" in html, "cdn.jsdelivr.net" in html
(True, False)
>>> orgs = gpd.GeoDataFrame({"name": ["Buurthuis De Brug"], "type": ["community centre"]},
...                         geometry=[Point(250, 250)])
>>> m = add_organisations(m, orgs)
>>> "Buurthuis De Brug" in m.get_root().render()
True
"""

from __future__ import annotations

from wijkwijs.maps.builders import add_organisations, base_map, choropleth
from wijkwijs.maps.classify import (
    SCHEMES,
    class_breaks,
    classify,
    equal_interval_breaks,
    natural_breaks,
    quantile_breaks,
)
from wijkwijs.maps.elements import HtmlControl
from wijkwijs.maps.offline import offline
from wijkwijs.maps.palettes import NO_DATA_COLOUR, sequential_palette

__all__ = [
    "NO_DATA_COLOUR",
    "SCHEMES",
    "HtmlControl",
    "add_organisations",
    "base_map",
    "choropleth",
    "class_breaks",
    "classify",
    "equal_interval_breaks",
    "natural_breaks",
    "offline",
    "quantile_breaks",
    "sequential_palette",
]
