"""wijkwijs.maps.neighbourhood: a choropleth on real boundaries, offline unless asked."""

from __future__ import annotations

import re

import pytest

from wijkwijs import opendata
from wijkwijs.maps.neighbourhood import real_choropleth


@pytest.fixture(scope="module")
def joined():
    return opendata.join_geometry(opendata.shipped_geometry("rotterdam"),
                                  opendata.shipped("rotterdam", 2017))


def test_tile_free_offline_and_attributed_by_default(joined):
    page = real_choropleth(joined, "avg_income_per_inhabitant", title="Inkomen").get_root() \
        .render()
    assert "Bron: CBS, CC BY 4.0" in page
    assert "not a real place" not in page and "Synthetic" not in page
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", page))
    assert not [u for u in urls if "tile" in u or "cdn" in u or "{z}" in u], urls
    assert '"crs": L.CRS.EPSG3857' in page or "L.CRS.EPSG3857" in page
    assert "Stadsdriehoek" in page  # the buurt names are in the tooltips


def test_tiles_only_when_asked(joined):
    page = real_choropleth(joined, "pct_owner_occupied", title="Koop",
                           tiles="OpenStreetMap").get_root().render()
    assert "tile.openstreetmap.org" in page


def test_refuses_boundaries_without_a_crs(joined):
    with pytest.raises(ValueError, match="has no crs"):
        real_choropleth(joined.set_crs(None, allow_override=True), "pct_owner_occupied",
                        title="x")
