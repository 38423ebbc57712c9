"""Small synthetic map data and page checks shared by the map tests (unit and browser)."""

from __future__ import annotations

import itertools
import json
import re

import folium
import geopandas as gpd
from shapely.geometry import Point, box

#: An organisation name that must be shown as text, never run as code.
SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def grid_gdf(n: int = 4, size: float = 250.0) -> gpd.GeoDataFrame:
    """An n×n grid of square neighbourhoods in metres, codes BU00…, one value each."""
    rows = [{"code": f"BU{i * n + j:02d}", "name": f"Buurt {i}-{j}",
             "income": 20.0 + 3.0 * i + 1.5 * j + (i * j) % 3,
             "geometry": box(j * size, i * size, (j + 1) * size, (i + 1) * size)}
            for i, j in itertools.product(range(n), range(n))]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:28992")


def orgs_gdf() -> gpd.GeoDataFrame:
    """Three organisations, one of them with a hostile name."""
    return gpd.GeoDataFrame(
        {"name": ["Buurthuis De Brug", SCRIPT, "Bibliotheek Oost & West"],
         "type": ["community centre", "sports club", "library"]},
        geometry=[Point(125, 125), Point(625, 375), Point(875, 875)], crs="EPSG:28992")


#: CDN hosts folium links to; an offline page names none of them.
CDN_HOSTS = ("cdn.jsdelivr.net", "code.jquery.com", "cdnjs.cloudflare.com",
             "netdna.bootstrapcdn.com", "maxcdn.bootstrapcdn.com", "unpkg.com")


def render(m: folium.Map) -> str:
    """The whole page of a map, as saved or shown in a notebook."""
    return m.get_root().render()


def assert_offline(html: str) -> None:
    """Fail if the page links to anything on the network."""
    for host in CDN_HOSTS:
        assert host not in html, host
    assert not re.search(r"""<(script|link|img)[^>]+(src|href)=["']?(https?:)?//""", html)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)
    assert "<script src=" not in html and "<link rel=\"stylesheet\"" not in html


def legend_texts(html: str) -> list[str]:
    """The HTML of every control box on the page (legends, title, label)."""
    return [json.loads(s) for s in re.findall(r"div\.innerHTML = (\"(?:[^\"\\]|\\.)*\");", html)]
