"""Tests for wijkwijs.maps.palettes: colour-blind-safe colours of the maps."""

from __future__ import annotations

import re

import geopandas as gpd
import pytest
from map_fixtures import grid_gdf, render

from wijkwijs import maps, style
from wijkwijs.maps.builders import choropleth
from wijkwijs.maps.palettes import (
    CATEGORICAL,
    NO_DATA_COLOUR,
    is_hex_colour,
    resolve_palette,
    sequential_palette,
)


@pytest.fixture()
def grid() -> gpd.GeoDataFrame:
    return grid_gdf()


@pytest.mark.parametrize("k", range(1, 10))
def test_sequential_palette_length_and_format(k):
    colours = sequential_palette(k)
    assert len(colours) == k
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in colours)
    assert len(set(colours)) == k


def test_sequential_palette_samples_cividis_and_viridis():
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    assert sequential_palette(2) == [to_hex(colormaps["cividis"](0.0)).upper(),
                                     to_hex(colormaps["cividis"](1.0)).upper()]
    assert sequential_palette(2, "viridis")[0] == "#440154"
    with pytest.raises(ValueError, match="colour-blind-safe"):
        sequential_palette(3, "jet")


def test_choropleth_uses_given_palette_and_checks_it(grid):
    colours = ["#111111", "#222222", "#333333"]
    html = render(choropleth(grid, "income", title="t", k=3, palette=colours))
    for c in colours:
        assert c in html
    with pytest.raises(ValueError, match="palette has 2 colours but there are 3 classes"):
        choropleth(grid, "income", title="t", k=3, palette=colours[:2])
    with pytest.raises(ValueError, match="position 1"):
        choropleth(grid, "income", title="t", k=2, palette=["#000000", "red"])


def test_resolve_palette_and_hex_check():
    assert resolve_palette("cividis", 4) == sequential_palette(4)
    assert resolve_palette(("#000000", "#ffffff"), 2) == ["#000000", "#ffffff"]
    assert is_hex_colour("#0072b2") and not is_hex_colour("#0072B") and not is_hex_colour(7)


def test_palettes_come_from_style():
    # one home for the course's colours: wijkwijs.style, re-exported by the maps
    assert CATEGORICAL is style.CATEGORICAL
    assert NO_DATA_COLOUR == style.NO_DATA_COLOUR == maps.NO_DATA_COLOUR
