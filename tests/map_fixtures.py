"""Small synthetic map data shared by the map tests (unit and browser)."""

from __future__ import annotations

import itertools

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
