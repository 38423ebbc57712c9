"""Tests for wijkwijs.maps.offline: a map page makes no network request."""

from __future__ import annotations

import re
import tokenize
from pathlib import Path
from typing import ClassVar

import folium
import geopandas as gpd
import pytest
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from map_fixtures import assert_offline, grid_gdf, orgs_gdf, render

from wijkwijs.maps.builders import add_organisations, choropleth
from wijkwijs.maps.offline import inline_assets, offline

MAPS_DIR = Path(__file__).resolve().parent.parent / "helpers" / "wijkwijs" / "maps"


@pytest.fixture()
def grid() -> gpd.GeoDataFrame:
    return grid_gdf()


def test_rendered_html_has_no_cdn_links(grid):
    m = add_organisations(choropleth(grid, "income", title="Income"), orgs_gdf())
    html = render(m)
    assert_offline(html)
    assert "Leaflet" in html and "jQuery" in html  # the libraries are inline
    assert "data:image/png;base64," in html  # leaflet's images as data URIs
    assert "awesome-markers" not in html.lower() and "glyphicons" not in html
    assert html.count("<script>") >= 3
    assert "sourceMappingURL" not in html


def test_repr_html_for_notebooks_is_offline(grid):
    m = choropleth(grid, "income", title="Income")
    out = m._repr_html_()
    assert out.startswith("<div") and "<iframe srcdoc=" in out
    assert_offline(out)


def test_rendering_twice_stays_offline(grid):
    # folium's Map adds its CDN links again at every render; they are swapped each time
    m = choropleth(grid, "income", title="Income")
    render(m)
    html = render(m)
    assert_offline(html)
    assert html.count("L.control.layers(") == 1


def test_offline_on_plain_folium_map_and_options():
    m = offline(folium.Map(tiles=None))
    html = render(m)
    assert_offline(html)
    assert "Bootstrap" not in html
    html = render(offline(folium.Map(tiles=None), bootstrap=True, font_awesome=True))
    assert_offline(html)
    assert "Bootstrap" in html and "font/woff2;base64" in html and ".ttf" not in html


def test_offline_again_changes_the_options():
    m = offline(folium.Map(tiles=None), bootstrap=True)
    assert "Bootstrap" in render(m)
    html = render(offline(m))
    assert "Bootstrap" not in html
    assert_offline(html)
    assert html.count("Leaflet 1.9") == 1  # one inline copy, however often it is swapped


def test_offline_refuses_unknown_external_resources():
    class NeedsCdn(JSCSSMixin, MacroElement):
        default_js: ClassVar = [("some_plugin", "https://example.invalid/plugin.js")]

    m = offline(folium.Map(tiles=None))
    NeedsCdn().add_to(m)
    with pytest.raises(ValueError, match=r"'some_plugin' from https://example\.invalid/plugin\.js"):
        render(m)


def test_links_of_other_elements_are_inlined_or_dropped():
    class WantsMarkers(JSCSSMixin, MacroElement):
        default_js: ClassVar = [
            ("awesome_markers", "https://cdnjs.cloudflare.com/awesome-markers.js"),
            ("leaflet", "https://unpkg.com/leaflet.js")]
        default_css: ClassVar = [("glyphicons_css", "https://netdna.bootstrapcdn.com/g.css")]

    m = offline(folium.Map(tiles=None))
    WantsMarkers().add_to(m)
    html = render(m)
    assert_offline(html)
    assert html.count("Leaflet 1.9") == 1


def test_inline_assets_names_match_folium_defaults():
    # every link folium's Map asks for is known, so a new one in a folium release fails here
    names = {name for name, _ in folium.Map.default_js + folium.Map.default_css}
    assert names <= set(inline_assets())


def code_tokens(path: Path) -> str:
    """The code of a module without its strings and comments, tokens joined."""
    with path.open("rb") as f:
        tokens = [t.string for t in tokenize.tokenize(f.readline)
                  if t.type in (tokenize.NAME, tokenize.OP)]
    return " ".join(tokens).replace(" . ", ".")


def test_no_private_folium_internals_in_the_code():
    # the maps use folium's and branca's public API; ``this._parent`` inside a Jinja
    # template string is folium's documented pattern for MacroElements and is allowed,
    # and so is setting an element's own ``_name`` (the documented way to name it)
    for path in MAPS_DIR.glob("*.py"):
        code = code_tokens(path)
        for private in ("._children", "._parent", ".__class__", "._template", "._id"):
            assert private not in code, f"{path.name} uses {private}"
        # (a module path such as ``wijkwijs._validate`` in an import is not an attribute)
        assert set(re.findall(r"(?<!wijkwijs)\.(_[a-z]\w*)", code)) <= {"_name"}, path.name
