"""Tests for the package wijkwijs.maps: its public names and one module per concern.

The modules have their own test files: ``test_maps_classify.py``,
``test_maps_palettes.py``, ``test_maps_elements.py``, ``test_maps_offline.py``,
``test_maps_builders.py`` and, in Chromium, ``test_maps_browser.py``.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from map_fixtures import assert_offline, grid_gdf, orgs_gdf, render

from wijkwijs import maps

MAPS_DIR = Path(maps.__file__).resolve().parent
MODULES = ("builders", "classify", "elements", "offline", "palettes")


def test_public_names_are_reexported():
    from wijkwijs.maps import add_organisations, base_map, choropleth, offline  # noqa: F401

    for name in maps.__all__:
        assert hasattr(maps, name), name
    builders = importlib.import_module("wijkwijs.maps.builders")
    assert maps.choropleth is builders.choropleth
    # the names classify and offline are the functions, not their modules
    assert callable(maps.classify) and callable(maps.offline)
    assert maps.classify is importlib.import_module("wijkwijs.maps.classify").classify
    assert maps.offline is importlib.import_module("wijkwijs.maps.offline").offline


@pytest.mark.parametrize("module", MODULES)
def test_each_module_is_small(module):
    lines = (MAPS_DIR / f"{module}.py").read_text(encoding="utf-8").count("\n")
    assert lines < 400, f"{module}.py has {lines} lines"


def test_package_api_draws_an_offline_city():
    m = maps.add_organisations(maps.choropleth(grid_gdf(), "income", title="Income"),
                               orgs_gdf())
    html = render(m)
    assert_offline(html)
    assert "quantiles, 5 classes" in html and "Organisations" in html
