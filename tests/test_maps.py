"""Tests for wijkwijs.maps: class schemes, palettes, escaping, offline rendering.

The classification functions are checked against hand-computed cases, a brute
force search over all partitions, and PySAL's ``mapclassify`` (a test-only oracle).
"""

from __future__ import annotations

import itertools
import json
import re
from typing import ClassVar

import folium
import geopandas as gpd
import mapclassify
import numpy as np
import pytest
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from map_fixtures import ESCAPED, SCRIPT, grid_gdf, orgs_gdf
from shapely.geometry import Point, box

from wijkwijs import i18n, maps
from wijkwijs.figures import CATEGORICAL

CDN_HOSTS = ("cdn.jsdelivr.net", "code.jquery.com", "cdnjs.cloudflare.com",
             "netdna.bootstrapcdn.com", "maxcdn.bootstrapcdn.com", "unpkg.com")


# ---------------------------------------------------------------- fixtures





@pytest.fixture()
def grid() -> gpd.GeoDataFrame:
    return grid_gdf()


def render(m: folium.Map) -> str:
    return m.get_root().render()


# ---------------------------------------------------------------- class schemes

def within_ssd(values, bounds) -> float:
    x = np.asarray(values, dtype=float)
    cls = maps.classify(x, bounds)
    return float(sum(((x[cls == c] - x[cls == c].mean()) ** 2).sum()
                     for c in np.unique(cls)))


def brute_force_min_ssd(values, k) -> float:
    x = np.sort(np.asarray(values, dtype=float))
    best = np.inf
    for cuts in itertools.combinations(range(1, len(x)), k - 1):
        parts = np.split(x, cuts)
        best = min(best, sum(((p - p.mean()) ** 2).sum() for p in parts))
    return best


def test_quantiles_hand_computed():
    # percentiles 25/50/75/100 of 1..8 with linear interpolation
    assert maps.quantile_breaks(range(1, 9), 4).tolist() == [2.75, 4.5, 6.25, 8.0]
    assert maps.quantile_breaks([5, 1, 3], 3).tolist() == pytest.approx([7 / 3, 11 / 3, 5])


def test_equal_interval_hand_computed():
    assert maps.equal_interval_breaks([0, 1, 2, 10], 4).tolist() == [2.5, 5.0, 7.5, 10.0]
    assert maps.equal_interval_breaks([-1, 1], 2).tolist() == [0.0, 1.0]


def test_natural_breaks_hand_computed():
    # three clear groups; the optimum cuts between them
    assert maps.natural_breaks([1, 2, 3, 10, 11, 12, 30], 3).tolist() == [3.0, 12.0, 30.0]
    # 1,2 | 10 : ssd 0.5 beats 1 | 2,10 : ssd 32
    assert maps.natural_breaks([10, 1, 2], 2).tolist() == [2.0, 10.0]
    # ties never split between classes
    assert maps.natural_breaks([4, 4, 4, 9], 2).tolist() == [4.0, 9.0]
    assert maps.natural_breaks([7, 3], 1).tolist() == [7.0]


@pytest.mark.parametrize("seed", range(6))
def test_natural_breaks_is_optimal_by_brute_force(seed):
    rng = np.random.default_rng(seed)
    x = rng.gamma(2.0, 10.0, size=10).round(1)
    k = 2 + seed % 3
    ours = within_ssd(x, maps.natural_breaks(x, k))
    assert ours == pytest.approx(brute_force_min_ssd(x, k), rel=1e-9, abs=1e-9)


@pytest.mark.parametrize("seed", range(5))
def test_schemes_match_mapclassify(seed):
    rng = np.random.default_rng(100 + seed)
    x = rng.lognormal(3.0, 0.6, size=80).round(2)
    k = 3 + seed % 4
    np.testing.assert_allclose(maps.quantile_breaks(x, k), mapclassify.Quantiles(x, k=k).bins)
    np.testing.assert_allclose(maps.equal_interval_breaks(x, k),
                               mapclassify.EqualInterval(x, k=k).bins)
    # Fisher–Jenks: same optimal within-class sum of squares (the breaks themselves
    # could differ only if two partitions were exactly equally good)
    ours = maps.natural_breaks(x, k)
    oracle = mapclassify.FisherJenks(x, k=k).bins
    assert within_ssd(x, ours) == pytest.approx(within_ssd(x, oracle), rel=1e-9)
    np.testing.assert_allclose(ours, oracle)


def test_natural_breaks_handles_500_units():
    x = np.random.default_rng(1).normal(50, 15, size=500)
    bounds = maps.natural_breaks(x, 5)
    assert bounds.size == 5 and bounds[-1] == x.max()
    np.testing.assert_allclose(bounds, mapclassify.FisherJenks(x, k=5).bins)


def test_classify_upper_bounds_inclusive():
    bounds = [2.75, 4.5, 6.25, 8.0]
    assert maps.classify([1, 2.75, 2.76, 4.5, 8], bounds).tolist() == [0, 0, 1, 1, 3]
    with pytest.raises(ValueError, match="above the last bound"):
        maps.classify([9], bounds)


@pytest.mark.parametrize("scheme", maps.SCHEMES)
def test_every_value_gets_a_class_and_last_bound_is_max(scheme):
    x = np.random.default_rng(7).uniform(0, 1, 40)
    bounds = maps.class_breaks(x, scheme, 5)
    assert bounds[-1] == x.max()
    assert np.all(np.diff(bounds) > 0)
    cls = maps.classify(x, bounds)
    assert cls.min() == 0 and cls.max() == 4


@pytest.mark.parametrize("scheme", maps.SCHEMES)
def test_k_too_large_for_the_data(scheme):
    with pytest.raises(ValueError, match=r"k=4 classes is too many: .* only 3 distinct values"):
        maps.class_breaks([1, 1, 2, 3], scheme, 4)


def test_bad_k_and_unknown_scheme():
    with pytest.raises(ValueError, match="at least 1"):
        maps.quantile_breaks([1, 2], 0)
    with pytest.raises(ValueError, match="whole number"):
        maps.natural_breaks([1, 2], 1.5)
    with pytest.raises(ValueError, match="unknown scheme 'jenks'; choose one of quantiles"):
        maps.class_breaks([1, 2], "jenks")


def test_quantiles_with_heavy_ties_refuse_fewer_classes():
    with pytest.raises(ValueError, match="only 2 distinct class bounds for k=3"):
        maps.quantile_breaks([0, 0, 0, 0, 0, 1, 2], 3)


# ---------------------------------------------------------------- palettes

@pytest.mark.parametrize("k", range(1, 10))
def test_sequential_palette_length_and_format(k):
    colours = maps.sequential_palette(k)
    assert len(colours) == k
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in colours)
    assert len(set(colours)) == k


def test_sequential_palette_samples_cividis_and_viridis():
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    assert maps.sequential_palette(2) == [to_hex(colormaps["cividis"](0.0)).upper(),
                                          to_hex(colormaps["cividis"](1.0)).upper()]
    assert maps.sequential_palette(2, "viridis")[0] == "#440154"
    with pytest.raises(ValueError, match="colour-blind-safe"):
        maps.sequential_palette(3, "jet")


def test_choropleth_uses_given_palette_and_checks_it(grid):
    colours = ["#111111", "#222222", "#333333"]
    html = render(maps.choropleth(grid, "income", title="t", k=3, palette=colours))
    for c in colours:
        assert c in html
    with pytest.raises(ValueError, match="palette has 2 colours but there are 3 classes"):
        maps.choropleth(grid, "income", title="t", k=3, palette=colours[:2])
    with pytest.raises(ValueError, match="position 1"):
        maps.choropleth(grid, "income", title="t", k=2, palette=["#000000", "red"])


# ---------------------------------------------------------------- escaping

def hostile_map(grid):
    grid = grid.copy()
    grid["label"] = [SCRIPT] + ["ok"] * (len(grid) - 1)
    m = maps.choropleth(grid, "income", title=SCRIPT, legend_title=f"<b>{SCRIPT}</b>",
                        tooltip_columns=["code", "label"])
    return maps.add_organisations(m, orgs_gdf(), legend_title=SCRIPT)


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
    m = maps.add_organisations(
        maps.choropleth(grid, "income", title=tricky, tooltip_columns=["label"]), orgs)
    html = render(m)
    assert "</script><!--" not in html
    # every bound text is a JSON string literal, never a JS template literal
    assert "bindTooltip(`" not in html and "setContent($(`" not in html


def test_layer_names_escaped(grid):
    orgs = orgs_gdf()
    html = render(maps.add_organisations(maps.choropleth(grid, "income", title="t"), orgs))
    names = re.findall(r'"([^"]*)" : (?:geo_json|feature_group)_', html)
    assert "income" in names and "sports club" in names


# ---------------------------------------------------------------- offline rendering

def assert_offline(html: str) -> None:
    for host in CDN_HOSTS:
        assert host not in html, host
    assert not re.search(r"""<(script|link|img)[^>]+(src|href)=["']?(https?:)?//""", html)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)
    assert "<script src=" not in html and "<link rel=\"stylesheet\"" not in html


def test_rendered_html_has_no_cdn_links(grid):
    m = maps.add_organisations(maps.choropleth(grid, "income", title="Income"), orgs_gdf())
    html = render(m)
    assert_offline(html)
    assert "Leaflet" in html and "jQuery" in html  # the libraries are inline
    assert "data:image/png;base64," in html  # leaflet's images as data URIs
    assert "awesome-markers" not in html.lower() and "glyphicons" not in html
    assert html.count("<script>") >= 3
    assert "sourceMappingURL" not in html


def test_repr_html_for_notebooks_is_offline(grid):
    m = maps.choropleth(grid, "income", title="Income")
    out = m._repr_html_()
    assert out.startswith("<div") and "<iframe srcdoc=" in out
    assert_offline(out)


def test_rendering_twice_stays_offline(grid):
    # folium's Map adds its CDN links again at every render; they are swapped each time
    m = maps.choropleth(grid, "income", title="Income")
    render(m)
    html = render(m)
    assert_offline(html)
    assert html.count("L.control.layers(") == 1


def test_offline_on_plain_folium_map_and_options():
    m = maps.offline(folium.Map(tiles=None))
    html = render(m)
    assert_offline(html)
    assert "Bootstrap" not in html
    html = render(maps.offline(folium.Map(tiles=None), bootstrap=True, font_awesome=True))
    assert_offline(html)
    assert "Bootstrap" in html and "font/woff2;base64" in html and ".ttf" not in html


def test_offline_refuses_unknown_external_resources():
    class NeedsCdn(JSCSSMixin, MacroElement):
        default_js: ClassVar = [("some_plugin", "https://example.invalid/plugin.js")]

    m = maps.offline(folium.Map(tiles=None))
    NeedsCdn().add_to(m)
    with pytest.raises(ValueError, match=r"'some_plugin' from https://example\.invalid/plugin\.js"):
        render(m)


def test_real_place_tiles_only_when_asked():
    gdf = gpd.GeoDataFrame({"v": [1.0, 2.0]},
                           geometry=[box(4.88, 52.36, 4.89, 52.37), box(4.89, 52.36, 4.90, 52.37)],
                           crs="EPSG:4326")
    no_tiles = render(maps.choropleth(gdf, "v", title="t", k=2, crs="EPSG3857"))
    assert "tile.openstreetmap.org" not in no_tiles and "not a real place" not in no_tiles
    with_tiles = render(maps.choropleth(gdf, "v", title="t", k=2, crs="EPSG3857",
                                        tiles="OpenStreetMap"))
    assert "tile.openstreetmap.org" in with_tiles
    # a projected layer is reprojected to longitude/latitude for a web map
    projected = render(maps.choropleth(gdf.to_crs(28992), "v", title="t", k=2, crs="EPSG3857"))
    assert "52.36" in projected


def test_synthetic_city_never_over_tiles(grid):
    html = render(maps.choropleth(grid, "income", title="t"))
    assert "L.CRS.Simple" in html
    assert "L.tileLayer(" not in html
    assert "Synthetic city — not a real place" in html
    with pytest.raises(ValueError, match="synthetic city is drawn without tiles"):
        maps.choropleth(grid, "income", title="t", tiles="OpenStreetMap")
    with pytest.raises(ValueError, match="needs metres"):
        maps.choropleth(grid.to_crs(4326), "income", title="t")


def test_base_map_label_and_bounds():
    m = maps.base_map((0, 0, 4000, 3000), title="Havenstad")
    html = render(m)
    assert m.crs == "Simple" and "Havenstad" in html and "not a real place" in html
    assert "[[0.0, 0.0], [3000.0, 4000.0]]" in html  # fitBounds [[y, x], [y, x]]
    assert "L.control.scale({imperial: false})" in html
    assert "not a real place" not in render(maps.base_map((0, 0, 1, 1), synthetic=False))
    with pytest.raises(ValueError, match=r"\(minx, miny, maxx, maxy\)"):
        maps.base_map((0, 0, 1))


# ---------------------------------------------------------------- legend and layers

def legend_texts(html: str) -> list[str]:
    return [json.loads(s) for s in re.findall(r"div\.innerHTML = (\"(?:[^\"\\]|\\.)*\");", html)]


def test_legend_names_scheme_and_counts(grid):
    m = maps.choropleth(grid, "income", title="Income", scheme="quantiles", k=4)
    legend = next(s for s in legend_texts(render(m)) if "classes" in s)
    assert "quantiles, 4 classes" in legend
    counts = [int(c) for c in re.findall(r"\((\d+)\)", legend)]
    assert counts == [4, 4, 4, 4]
    for colour in maps.sequential_palette(4):
        assert colour in legend
    jenks = render(maps.choropleth(grid, "income", title="t", scheme="natural_breaks", k=3))
    assert "natural breaks (Jenks), 3 classes" in jenks
    equal = render(maps.choropleth(grid, "income", title="t", scheme="equal_interval", k=2))
    assert "equal intervals, 2 classes" in equal


def test_legend_in_dutch(grid):
    i18n.set_language("nl")
    try:
        html = render(maps.choropleth(grid, "income", title="Inkomen", k=5))
    finally:
        i18n.set_language("en")
    assert "kwantielen, 5 klassen" in html and "geen echte plek" in html


def test_missing_values_drawn_as_no_data(grid):
    grid = grid.copy()
    grid.loc[[0, 5], "income"] = np.nan
    html = render(maps.choropleth(grid, "income", title="t", k=3))
    legend = next(s for s in legend_texts(html) if "classes" in s)
    assert "no data" in legend and maps.NO_DATA_COLOUR in legend
    assert [int(c) for c in re.findall(r"\((\d+)\)", legend)][-1] == 2


def test_layer_control_present_and_last(grid):
    m = maps.add_organisations(maps.choropleth(grid, "income", title="t"), orgs_gdf())
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
    m = maps.add_organisations(maps.choropleth(grid, "income", title="t"), orgs_gdf())
    html = render(m)
    for colour in CATEGORICAL[:3]:
        assert f'"fillColor": "{colour}"' in html
    assert html.count("L.circleMarker(") == 3
    assert "Organisations" in html


def test_too_many_organisation_types(grid):
    orgs = gpd.GeoDataFrame({"name": list("abcdefghi"), "type": list("abcdefghi")},
                            geometry=[Point(i, i) for i in range(9)])
    with pytest.raises(ValueError, match="9 organisation types"):
        maps.add_organisations(maps.base_map((0, 0, 10, 10)), orgs)


def test_organisations_must_be_points(grid):
    with pytest.raises(ValueError, match="must hold points"):
        maps.add_organisations(maps.base_map((0, 0, 10, 10)),
                               grid.rename(columns={"code": "type"}))


# ---------------------------------------------------------------- input errors

def test_unknown_column_lists_available_columns(grid):
    with pytest.raises(ValueError, match=r"column 'incme' is not in gdf; available columns: "
                                         r"code, name, income\."):
        maps.choropleth(grid, "incme", title="t")
    with pytest.raises(ValueError, match="column 'nope' is not in gdf"):
        maps.choropleth(grid, "income", title="t", tooltip_columns=["nope"])
    with pytest.raises(ValueError, match="column 'kind' is not in orgs_gdf; available columns: "
                                         "name, type"):
        maps.add_organisations(maps.base_map((0, 0, 1, 1)), orgs_gdf(), type_column="kind")


def test_non_numeric_column(grid):
    with pytest.raises(ValueError, match=r"column 'name' is not numeric \(dtype (object|str)\).*"
                                         r"Numeric columns: income"):
        maps.choropleth(grid, "name", title="t")


def test_unknown_scheme_and_k_too_large_in_choropleth(grid):
    with pytest.raises(ValueError, match="unknown scheme 'fisher'"):
        maps.choropleth(grid, "income", title="t", scheme="fisher")
    with pytest.raises(ValueError, match=r"column 'income': k=20 classes is too many"):
        maps.choropleth(grid, "income", title="t", k=20)


def test_empty_or_all_missing(grid):
    with pytest.raises(ValueError, match="empty"):
        maps.choropleth(grid.iloc[:0], "income", title="t")
    grid = grid.copy()
    grid["income"] = np.nan
    with pytest.raises(ValueError, match="no values"):
        maps.choropleth(grid, "income", title="t")
