"""Tests for wijkwijs.maps.builders: base map, choropleth, organisations, input errors."""

from __future__ import annotations

import re

import folium
import geopandas as gpd
import numpy as np
import pytest
from map_fixtures import grid_gdf, legend_texts, orgs_gdf, render
from shapely.geometry import Point, box

from wijkwijs import i18n
from wijkwijs.maps.builders import add_organisations, base_map, choropleth
from wijkwijs.maps.palettes import CATEGORICAL, NO_DATA_COLOUR, sequential_palette


@pytest.fixture()
def grid() -> gpd.GeoDataFrame:
    return grid_gdf()


# ---------------------------------------------------------------- base map and tiles

def test_real_place_tiles_only_when_asked():
    gdf = gpd.GeoDataFrame({"v": [1.0, 2.0]},
                           geometry=[box(4.88, 52.36, 4.89, 52.37), box(4.89, 52.36, 4.90, 52.37)],
                           crs="EPSG:4326")
    no_tiles = render(choropleth(gdf, "v", title="t", k=2, crs="EPSG3857"))
    assert "tile.openstreetmap.org" not in no_tiles and "not a real place" not in no_tiles
    with_tiles = render(choropleth(gdf, "v", title="t", k=2, crs="EPSG3857",
                                   tiles="OpenStreetMap"))
    assert "tile.openstreetmap.org" in with_tiles
    # a projected layer is reprojected to longitude/latitude for a web map
    projected = render(choropleth(gdf.to_crs(28992), "v", title="t", k=2, crs="EPSG3857"))
    assert "52.36" in projected


def test_synthetic_city_never_over_tiles(grid):
    html = render(choropleth(grid, "income", title="t"))
    assert "L.CRS.Simple" in html
    assert "L.tileLayer(" not in html
    assert "Synthetic city — not a real place" in html
    with pytest.raises(ValueError, match="synthetic city is drawn without tiles"):
        choropleth(grid, "income", title="t", tiles="OpenStreetMap")
    with pytest.raises(ValueError, match="needs metres"):
        choropleth(grid.to_crs(4326), "income", title="t")


def test_base_map_label_and_bounds():
    m = base_map((0, 0, 4000, 3000), title="Havenstad")
    html = render(m)
    assert m.crs == "Simple" and "Havenstad" in html and "not a real place" in html
    assert "[[0.0, 0.0], [3000.0, 4000.0]]" in html  # fitBounds [[y, x], [y, x]]
    assert "L.control.scale({imperial: false})" in html
    assert "not a real place" not in render(base_map((0, 0, 1, 1), synthetic=False))
    with pytest.raises(ValueError, match=r"\(minx, miny, maxx, maxy\)"):
        base_map((0, 0, 1))


def test_base_map_unknown_crs():
    with pytest.raises(ValueError, match="crs 'EPSG28992' is unknown; choose one of Simple"):
        base_map((0, 0, 1, 1), crs="EPSG28992")


# ---------------------------------------------------------------- legend and layers

def test_legend_names_scheme_and_counts(grid):
    m = choropleth(grid, "income", title="Income", scheme="quantiles", k=4)
    legend = next(s for s in legend_texts(render(m)) if "classes" in s)
    assert "quantiles, 4 classes" in legend
    counts = [int(c) for c in re.findall(r"\((\d+)\)", legend)]
    assert counts == [4, 4, 4, 4]
    for colour in sequential_palette(4):
        assert colour in legend
    jenks = render(choropleth(grid, "income", title="t", scheme="natural_breaks", k=3))
    assert "natural breaks (Jenks), 3 classes" in jenks
    equal = render(choropleth(grid, "income", title="t", scheme="equal_interval", k=2))
    assert "equal intervals, 2 classes" in equal


def test_legend_in_dutch(grid):
    i18n.set_language("nl")
    try:
        html = render(choropleth(grid, "income", title="Inkomen", k=5))
    finally:
        i18n.set_language("en")
    assert "kwantielen, 5 klassen" in html and "geen echte plek" in html


def test_missing_values_drawn_as_no_data(grid):
    grid = grid.copy()
    grid.loc[[0, 5], "income"] = np.nan
    html = render(choropleth(grid, "income", title="t", k=3))
    legend = next(s for s in legend_texts(html) if "classes" in s)
    assert "no data" in legend and NO_DATA_COLOUR in legend
    assert [int(c) for c in re.findall(r"\((\d+)\)", legend)][-1] == 2


def test_layer_control_present_and_last(grid):
    m = add_organisations(choropleth(grid, "income", title="t"), orgs_gdf())
    # the test may look inside folium's tree (m._children); the library does not
    controls = [c for c in m._children.values() if isinstance(c, folium.LayerControl)]
    assert len(controls) == 1
    assert list(m._children.values())[-1] is controls[0]
    html = render(m)
    assert html.count("L.control.layers(") == 1
    assert '"collapsed": false' in html
    assert html.index("L.control.layers(") > max(
        html.index(f"var {g.get_name()} ") for g in m._children.values()
        if isinstance(g, folium.FeatureGroup))


def test_organisations_coloured_by_okabe_ito(grid):
    m = add_organisations(choropleth(grid, "income", title="t"), orgs_gdf())
    html = render(m)
    for colour in CATEGORICAL[:3]:
        assert f'"fillColor": "{colour}"' in html
    assert html.count("L.circleMarker(") == 3
    assert "Organisations" in html


def test_organisation_colours_can_be_given_and_are_checked():
    orgs = orgs_gdf()
    html = render(add_organisations(base_map((0, 0, 1000, 1000)), orgs,
                                    colours={"library": "#123456"}))
    assert '"fillColor": "#123456"' in html
    with pytest.raises(ValueError, match="colour for type 'library' is 'blue'"):
        add_organisations(base_map((0, 0, 1000, 1000)), orgs, colours={"library": "blue"})


def test_too_many_organisation_types(grid):
    orgs = gpd.GeoDataFrame({"name": list("abcdefghi"), "type": list("abcdefghi")},
                            geometry=[Point(i, i) for i in range(9)])
    with pytest.raises(ValueError, match="9 organisation types"):
        add_organisations(base_map((0, 0, 10, 10)), orgs)


def test_organisations_must_be_points(grid):
    with pytest.raises(ValueError, match="must hold points"):
        add_organisations(base_map((0, 0, 10, 10)), grid.rename(columns={"code": "type"}))


# ---------------------------------------------------------------- input errors

def test_unknown_column_lists_available_columns(grid):
    with pytest.raises(ValueError, match=r"column 'incme' is not in gdf; available columns: "
                                         r"code, name, income\."):
        choropleth(grid, "incme", title="t")
    with pytest.raises(ValueError, match="column 'nope' is not in gdf"):
        choropleth(grid, "income", title="t", tooltip_columns=["nope"])
    with pytest.raises(ValueError, match="column 'kind' is not in orgs_gdf; available columns: "
                                         "name, type"):
        add_organisations(base_map((0, 0, 1, 1)), orgs_gdf(), type_column="kind")


def test_non_numeric_column(grid):
    with pytest.raises(ValueError, match=r"column 'name' is not numeric \(dtype (object|str)\).*"
                                         r"Numeric columns: income"):
        choropleth(grid, "name", title="t")


def test_unknown_scheme_and_k_too_large_in_choropleth(grid):
    # the one choice check of wijkwijs (_validate.check_choice) words the message
    with pytest.raises(ValueError, match="scheme 'fisher' is unknown"):
        choropleth(grid, "income", title="t", scheme="fisher")
    with pytest.raises(ValueError, match=r"column 'income': k=20 classes is too many"):
        choropleth(grid, "income", title="t", k=20)


def test_empty_or_all_missing(grid):
    with pytest.raises(ValueError, match="empty"):
        choropleth(grid.iloc[:0], "income", title="t")
    grid = grid.copy()
    grid["income"] = np.nan
    with pytest.raises(ValueError, match="no values"):
        choropleth(grid, "income", title="t")
