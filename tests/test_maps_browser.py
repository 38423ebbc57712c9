"""Browser tests for wijkwijs.maps: the page draws offline in Debian's Chromium.

The map is saved to a temporary HTML file and opened with every request that is
not ``file:`` or ``data:`` aborted and recorded. The tests check that nothing was
requested, that every polygon and marker is drawn as an SVG path, that an
organisation named ``<script>alert(1)</script>`` shows as that literal text in its
tooltip and popup, and that no dialog ever opens.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from browser_harness import CHROMIUM
from browser_harness import CHROMIUM_ARGS as ARGS
from map_fixtures import ESCAPED, SCRIPT, grid_gdf, orgs_gdf

from wijkwijs import maps

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    from playwright import sync_api

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: apt-get install chromium (tools/test does this)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def open_map(browser, m, tmp_path: Path):
    """Open the saved map; return (page, network requests, dialogs, page errors)."""
    path = tmp_path / "map.html"
    m.save(str(path))
    page = browser.new_page(viewport={"width": 1000, "height": 700})
    network: list[str] = []
    dialogs: list[str] = []
    errors: list[str] = []

    def route(r):
        url = r.request.url
        if url.startswith(("file:", "data:")):
            r.continue_()
        else:
            network.append(url)
            r.abort()

    page.route("**/*", route)
    page.on("request", lambda req: None if req.url.startswith(("file:", "data:"))
            else network.append(req.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_selector("path.leaflet-interactive")
    page.wait_for_timeout(300)
    return page, network, dialogs, errors


def marker_point(page, m, x: float, y: float) -> tuple[float, float]:
    """Page coordinates of map point (x, y) in metres."""
    return page.evaluate(
        f"""() => {{
            const map = window[{m.get_name()!r}];
            const p = map.latLngToContainerPoint([{y}, {x}]);
            const r = map.getContainer().getBoundingClientRect();
            return [r.left + p.x, r.top + p.y];
        }}""")


@pytest.fixture()
def city_map():
    grid = grid_gdf()
    m = maps.choropleth(grid, "income", title="Household income (synthetic)",
                        legend_title="Mean income (× €1000)", scheme="natural_breaks", k=4,
                        tooltip_columns=["code", "name", "income"])
    return maps.add_organisations(m, orgs_gdf()), len(grid), len(orgs_gdf())


def test_map_draws_offline_with_escaped_names(browser, city_map, tmp_path):
    m, n_polygons, n_markers = city_map
    page, network, dialogs, errors = open_map(browser, m, tmp_path)
    try:
        assert network == []
        assert errors == []
        paths = page.locator("path.leaflet-interactive")
        assert paths.count() == n_polygons + n_markers

        # polygons are filled with palette colours
        fills = {paths.nth(i).get_attribute("fill") for i in range(n_polygons)}
        assert fills <= {c.lower() for c in maps.sequential_palette(4)} | \
            set(maps.sequential_palette(4))
        assert len(fills) == 4

        # title, legend with its scheme, layer control and synthetic label are shown
        body = page.inner_text("body")
        assert "Household income (synthetic)" in body
        assert "natural breaks (Jenks), 4 classes" in body
        assert "Mean income (× €1000)" in body
        assert "Synthetic city — not a real place" in body
        assert page.locator(".leaflet-control-layers-overlays label").count() == 1 + 3

        # the hostile organisation name is literal text in the tooltip and the popup
        x, y = marker_point(page, m, 625, 375)
        page.mouse.move(x, y)
        tooltip = page.locator(".leaflet-tooltip").last
        tooltip.wait_for(state="visible")
        assert SCRIPT in tooltip.inner_text()
        assert ESCAPED in tooltip.inner_html()
        page.mouse.click(x, y)
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for(state="visible")
        assert SCRIPT in popup.inner_text() and "sports club" in popup.inner_text()
        assert page.locator(".leaflet-popup-content script").count() == 0

        # a polygon tooltip shows the unit's values
        px, py = marker_point(page, m, 60, 900)
        page.mouse.move(px, py)
        page.wait_for_function(
            "() => [...document.querySelectorAll('.leaflet-tooltip')]"
            ".some(e => e.innerText.includes('BU12'))")

        page.wait_for_timeout(200)
        assert dialogs == []
        assert network == []

        shot = tmp_path / "map.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000
        keep = os.environ.get("WIJKWIJS_SCREENSHOT_DIR")
        if keep:  # to look at the map by eye
            shutil.copy(shot, Path(keep) / "maps_browser.png")
    finally:
        page.close()


def test_layer_control_hides_a_type(browser, city_map, tmp_path):
    m, n_polygons, n_markers = city_map
    page, network, _, errors = open_map(browser, m, tmp_path)
    try:
        label = page.locator(".leaflet-control-layers-overlays label", has_text="library")
        label.locator("input").uncheck()
        assert page.locator("path.leaflet-interactive").count() == n_polygons + n_markers - 1
        assert network == [] and errors == []
    finally:
        page.close()
