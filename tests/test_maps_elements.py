"""Tests for wijkwijs.maps.elements: every text on a map is escaped, controls and layers."""

from __future__ import annotations

import json
import re

import folium
import geopandas as gpd
import pytest
from map_fixtures import ESCAPED, SCRIPT, grid_gdf, orgs_gdf, render

from wijkwijs.maps.builders import add_organisations, choropleth
from wijkwijs.maps.elements import (
    LAYER_CONTROL,
    STYLESHEET,
    BindText,
    HtmlControl,
    add_stylesheet,
    ensure_layer_control,
    escape,
    js_string,
    legend_html,
    table_html,
)


@pytest.fixture()
def grid() -> gpd.GeoDataFrame:
    return grid_gdf()


# ---------------------------------------------------------------- escaping on whole maps

def hostile_map(grid):
    grid = grid.copy()
    grid["label"] = [SCRIPT] + ["ok"] * (len(grid) - 1)
    m = choropleth(grid, "income", title=SCRIPT, legend_title=f"<b>{SCRIPT}</b>",
                   tooltip_columns=["code", "label"])
    return add_organisations(m, orgs_gdf(), legend_title=SCRIPT)


def test_all_text_is_escaped(grid):
    html = render(hostile_map(grid))
    assert SCRIPT not in html
    assert "<b>" not in html
    assert ESCAPED in html  # organisation name, title, legend title
    assert "&lt;b&gt;" in html  # legend title and layer name keep their literal tags
    assert "Bibliotheek Oost &amp; West" in html
    # polygon tooltips travel inside the GeoJSON data; decoded, they are escaped text
    assert f"<td>{ESCAPED}</td>" in html.replace("\\u0026", "&").replace("\\u003c", "<") \
        .replace("\\u003e", ">")


def test_escaping_also_guards_javascript_strings(grid):
    grid = grid.copy()
    tricky = "`${alert(1)}` \"'</script><!--"
    grid["label"] = tricky
    orgs = orgs_gdf()
    orgs["name"] = tricky
    m = add_organisations(choropleth(grid, "income", title=tricky, tooltip_columns=["label"]),
                          orgs)
    html = render(m)
    assert "</script><!--" not in html
    # every bound text is a JSON string literal, never a JS template literal
    assert "bindTooltip(`" not in html and "setContent($(`" not in html


def test_layer_names_escaped(grid):
    orgs = orgs_gdf()
    html = render(add_organisations(choropleth(grid, "income", title="t"), orgs))
    names = re.findall(r'"([^"]*)" : (?:geo_json|feature_group)_', html)
    assert "income" in names and "sports club" in names


# ---------------------------------------------------------------- the pieces

def test_escape_and_js_string():
    assert escape(SCRIPT) == ESCAPED
    assert escape('"quoted" & \'single\'') == "&quot;quoted&quot; &amp; &#x27;single&#x27;"
    literal = js_string("</script>\u2028`${x}`")
    assert "<" not in literal and ">" not in literal and "\u2028" not in literal
    assert json.loads(literal) == "</script>\u2028`${x}`"


def test_table_and_legend_escape_every_cell():
    table = table_html([(SCRIPT, SCRIPT)])
    assert SCRIPT not in table and table.count(ESCAPED) == 2
    legend = legend_html(SCRIPT, SCRIPT, [("#000000", SCRIPT, SCRIPT)], shape="circle")
    assert SCRIPT not in legend and legend.count(ESCAPED) == 4
    assert "border-radius:50%" in legend


def test_html_control_and_bind_text_render_json_strings():
    m = folium.Map(tiles=None)
    HtmlControl("<i>box</i>", position="topleft", css_class="c").add_to(m)
    marker = folium.CircleMarker([0, 0], radius=3).add_to(m)
    marker.add_child(BindText("<b>tip</b>", None))
    html = render(m)
    assert 'L.control({position: "topleft"})' in html
    assert 'div.innerHTML = "\\u003ci\\u003ebox\\u003c/i\\u003e";' in html
    assert f'{marker.get_name()}.bindTooltip("\\u003cb\\u003etip' in html
    assert "bindPopup(" not in html
    with pytest.raises(ValueError, match="position 'left' is unknown"):
        HtmlControl("x", position="left")


def test_layer_control_is_moved_last_and_kept_single():
    m = folium.Map(tiles=None)
    first = ensure_layer_control(m)
    group = folium.FeatureGroup(name="shops").add_to(m)
    second = ensure_layer_control(m)
    children = m.to_dict(depth=1)["children"]
    assert list(children)[-1] == LAYER_CONTROL
    assert list(children).index(group.get_name()) < len(children) - 1
    html = render(m)
    assert html.count("L.control.layers(") == 1
    assert second.get_name() in html and first.get_name() not in html


def test_stylesheet_is_added_once():
    m = add_stylesheet(add_stylesheet(folium.Map(tiles=None)))
    html = render(m)
    assert html.count(STYLESHEET) == 1
