"""wijkwijs.opendata.read_geometry and join_geometry: any code column, WGS84 out, read-only."""

from __future__ import annotations

import hashlib
import sqlite3
import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import box

from wijkwijs.opendata import (
    InputFileError,
    JoinWarning,
    join_geometry,
    read_geometry,
    read_kwb,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "opendata"
#: the origin of RD New (Amersfoort, x = 155000 m, y = 463000 m): 5.38720621 E,
#: 52.15517440 N on the Bessel ellipsoid by definition; in WGS84 it lies about 0.2 m away
AMERSFOORT = (5.38720621, 52.15517440)


def test_a_wgs84_geojson_with_padded_codes_and_a_sentinel():
    geo = read_geometry(FIXTURES / "buurten_wgs84.geojson")
    assert geo.crs.to_epsg() == 4326
    assert geo.code.tolist() == ["BU09990000", "BU09990001", "BU09990100", "BU09990101",
                                 "BU09990199"]
    assert geo.attrs["source_columns"] == {"code": "buurtcode", "name": "buurtnaam"}
    assert geo.name.iloc[0] == "Buurt 0"
    assert np.isnan(geo.set_index("code").loc["BU09990101", "aantal_inwoners"])  # -99999999
    assert geo.attrs["sentinels"] == {"aantal_inwoners": 1}
    np.testing.assert_allclose(geo.total_bounds, [4.90, 52.37, 4.93, 52.38])


@pytest.mark.parametrize(("name", "column"), [("buurten_rd.geojson", "statcode"),
                                              ("buurten_rd_nocrs.geojson", "BU_CODE")])
def test_rd_new_is_converted_to_wgs84(name, column):
    geo = read_geometry(FIXTURES / name)
    assert geo.crs.to_epsg() == 4326
    assert geo.attrs["source_columns"]["code"] == column
    assert geo.attrs["crs_in"].startswith("EPSG:28992")
    centre = geo.geometry.iloc[0].centroid  # the square around the RD origin
    assert centre.x == pytest.approx(AMERSFOORT[0], abs=1e-5)
    assert centre.y == pytest.approx(AMERSFOORT[1], abs=1e-5)
    if name.endswith("nocrs.geojson"):
        assert "assumed" in geo.attrs["crs_in"]


def _gpkg(path: Path, layers: dict[str, list[str]], *, wal: bool = False) -> Path:
    for layer, codes in layers.items():
        frame = gpd.GeoDataFrame({"BU_CODE": [c + " " for c in codes]},
                                 geometry=[box(155_000 + 100 * i, 463_000, 155_100 + 100 * i,
                                               463_100) for i in range(len(codes))],
                                 crs=28992)
        frame.to_file(path, driver="GPKG", layer=layer)
    if wal:
        connection = sqlite3.connect(path)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.close()
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("wal", [False, True])
def test_a_geopackage_is_read_without_changing_it(tmp_path, wal):
    path = _gpkg(tmp_path / "wijkbuurtkaart.gpkg",
                 {"gemeenten": ["GM0999"], "wijken": ["WK099900"],
                  "buurten": ["BU09990000", "BU09990001"]}, wal=wal)
    before, listing = _digest(path), sorted(p.name for p in tmp_path.iterdir())
    mtime = path.stat().st_mtime_ns
    geo = read_geometry(path)
    assert geo.attrs["layer"] == "buurten"  # the CBS map's buurt layer by default
    assert geo.code.tolist() == ["BU09990000", "BU09990001"]
    assert geo.crs.to_epsg() == 4326
    assert _digest(path) == before and path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no -wal, -shm, journal
    assert not any(p.name.endswith(("-wal", "-shm", "-journal")) for p in tmp_path.iterdir())
    assert read_geometry(path, layer="wijken").code.tolist() == ["WK099900"]


def test_a_geopackage_with_several_layers_and_no_buurt_layer_asks_which(tmp_path):
    path = _gpkg(tmp_path / "two.gpkg", {"wijken": ["WK099900"], "gemeenten": ["GM0999"]})
    with pytest.raises(ValueError, match=r"2 layers .*layer="):
        read_geometry(path)
    with pytest.raises(ValueError, match="has no layer 'buurten'"):
        read_geometry(path, layer="buurten")


BAD = [
    ("geometry_no_code.geojson", ["no column with area codes", "'naam'"]),
    ("geometry_duplicate.geojson", ["record 2", "BU09990000", "twice"]),
    ("geometry_null.geojson", ["record 1", "BU09990000", "no geometry"]),
    ("geometry_rd_labelled_wgs84.geojson", ["EPSG:4326", "RD New"]),
    ("geometry_empty.geojson", ["no features"]),
]


@pytest.mark.parametrize(("name", "fragments"), BAD, ids=[b[0] for b in BAD])
def test_bad_geometry_says_where_and_what(name, fragments):
    with pytest.raises(InputFileError) as caught:
        read_geometry(FIXTURES / "bad" / name)
    message = str(caught.value)
    assert message.startswith(name)
    for fragment in fragments:
        assert fragment in message, (fragment, message)


def test_a_csv_is_not_geometry():
    with pytest.raises(ValueError, match="not a readable GeoJSON or GeoPackage"):
        read_geometry(FIXTURES / "kwb-2019.csv")


def test_join_reports_the_unmatched_codes_on_both_sides():
    geo = read_geometry(FIXTURES / "buurten_wgs84.geojson")
    kwb = read_kwb(FIXTURES / "kwb-2019.csv")
    with pytest.warns(JoinWarning, match=r"1 polygon\(s\) have no data row \(BU09990199\); "
                      r"1 data row\(s\) have no polygon \(BU09990102\)"):
        joined = join_geometry(geo, kwb)
    assert joined.attrs["unmatched_geometry"] == ["BU09990199"]
    assert joined.attrs["unmatched_data"] == ["BU09990102"]  # wijk rows are not expected
    assert sorted(joined.code) == ["BU09990000", "BU09990001", "BU09990100", "BU09990101"]
    assert isinstance(joined, gpd.GeoDataFrame) and joined.crs.to_epsg() == 4326
    assert joined.set_index("code").loc["BU09990100", "households"] == 300
    assert "name_geo" in joined.columns and joined.name.iloc[0] == "Kop van de Haven"
    assert joined.attrs["source_columns"]["code"] == "gwb_code_10"  # the data's provenance


def test_a_left_join_keeps_every_polygon():
    geo = read_geometry(FIXTURES / "buurten_wgs84.geojson")
    kwb = read_kwb(FIXTURES / "kwb-2019.csv")
    with pytest.warns(JoinWarning):
        joined = join_geometry(geo, kwb, how="left")
    assert len(joined) == 5
    assert np.isnan(joined.set_index("code").loc["BU09990199", "households"])


def test_a_complete_join_is_silent():
    geo = read_geometry(FIXTURES / "buurten_rd.geojson")
    kwb = read_kwb(FIXTURES / "kwb-2019.csv")
    kwb = kwb[~kwb.code.isin(["BU09990101", "BU09990102"])]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        joined = join_geometry(geo, kwb)
    assert joined.attrs["unmatched_geometry"] == joined.attrs["unmatched_data"] == []


def test_join_needs_code_columns():
    geo = read_geometry(FIXTURES / "buurten_rd.geojson")
    with pytest.raises(ValueError, match="frame has no 'code' column"):
        join_geometry(geo, geo.drop(columns="code"))
    with pytest.raises(ValueError, match="how must be"):
        join_geometry(geo, read_kwb(FIXTURES / "kwb-2019.csv"), how="outer")


@pytest.mark.parametrize("column", ["id", "gwb_code", "BU_CODE", "Buurtcode", "whatever"])
def test_the_code_column_is_found_whatever_its_name(tmp_path, column):
    """As in a real Rotterdam export: a numeric cartodb_id next to the code column."""
    frame = gpd.GeoDataFrame({"cartodb_id": [1, 2], column: ["BU05990110", "BU05990111 "],
                              "name": ["Stadsdriehoek", "Oude Westen"]},
                             geometry=[box(4.47, 51.91, 4.48, 51.92),
                                       box(4.46, 51.91, 4.47, 51.92)], crs=4326)
    path = tmp_path / "buurten.geojson"
    frame.to_file(path, driver="GeoJSON")
    geo = read_geometry(path)
    assert geo.attrs["source_columns"]["code"] == column
    assert geo.code.tolist() == ["BU05990110", "BU05990111"]
    assert "cartodb_id" in geo.columns and column not in geo.columns
