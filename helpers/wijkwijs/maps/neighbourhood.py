"""Maps of real neighbourhoods: a choropleth on CBS buurt boundaries, offline by default.

:func:`real_choropleth` is :func:`~wijkwijs.maps.builders.choropleth` set up for a real
place: the boundaries are in longitude/latitude (as :func:`wijkwijs.opendata.read_geometry`
returns them), the map uses web Mercator (``crs="EPSG3857"``), it is not labelled
synthetic, and it says where the data come from ("Bron: CBS, CC BY 4.0") in a corner.
By default it draws **no background tiles**, so it makes no network request and looks
the same everywhere; pass ``tiles="OpenStreetMap"`` when you are online and want the
streets underneath (the tiles come from the internet; offline they stay blank and the
buurten still draw).

>>> from wijkwijs import opendata
>>> joined = opendata.join_geometry(opendata.shipped_geometry("rotterdam"),
...                                 opendata.shipped("rotterdam", 2017))
>>> m = real_choropleth(joined, "pct_owner_occupied", title="Koopwoningen")
>>> page = m.get_root().render()
>>> "Bron: CBS, CC BY 4.0" in page, "tile.openstreetmap" in page, "not a real place" in page
(True, False, False)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import folium

from wijkwijs.maps.builders import choropleth
from wijkwijs.maps.elements import HtmlControl, escape

__all__ = ["SOURCE", "real_choropleth"]

#: The attribution of CBS data, shown on every map of this module.
SOURCE = "Bron: CBS, CC BY 4.0"


def real_choropleth(gdf: Any, column: str, *, title: str, tiles: str | None = None,
                    tooltip_columns: Sequence[str] | None = None,
                    legend_title: str | None = None, source: str = SOURCE,
                    scheme: str = "quantiles", k: int = 5,
                    value_format: str | None = None, height: str | int = 480) -> folium.Map:
    """A choropleth of ``gdf[column]`` on real boundaries, with its source, tile-free by default.

    Parameters
    ----------
    gdf
        A GeoDataFrame of real areas with a CRS (any: it is converted to longitude/
        latitude), e.g. from :func:`wijkwijs.opendata.join_geometry`.
    column, title, tooltip_columns, legend_title, scheme, k, value_format, height
        As for :func:`~wijkwijs.maps.builders.choropleth`; the tooltip shows ``name``
        (when there is one) and ``column`` by default.
    tiles
        ``None`` (default): no background map and no network. ``"OpenStreetMap"`` (or
        another folium tile name) to draw the streets underneath, fetched online.
    source
        The attribution shown at the bottom left.

    Returns
    -------
    folium.Map
    """
    if getattr(gdf, "crs", None) is None:
        raise ValueError("gdf has no crs; real boundaries need one (read them with "
                         "wijkwijs.opendata.read_geometry(), which gives EPSG:4326).")
    if tooltip_columns is None:
        tooltip_columns = [c for c in ("name", column) if c in gdf.columns]
    m = choropleth(gdf, column, title=title, scheme=scheme, k=k,
                   tooltip_columns=tooltip_columns, legend_title=legend_title, tiles=tiles,
                   crs="EPSG3857", synthetic=False, value_format=value_format, height=height)
    HtmlControl(f'<div style="font-size:11px">{escape(source)}</div>', position="bottomleft",
                css_class="wijkwijs-legend").add_to(m)
    return m
