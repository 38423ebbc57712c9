"""Neighbourhood boundaries: reading a GeoJSON or GeoPackage, and joining it to KWB data.

CBS publishes the boundaries of every gemeente, wijk and buurt as the *wijk- en
buurtkaart* (a GeoPackage in RD New, EPSG:28992, the Dutch national grid in metres);
municipalities and others publish GeoJSON, usually in WGS84 (EPSG:4326, longitude and
latitude). :func:`read_geometry` reads either and always returns WGS84 with a stripped
``code`` column, whatever the file called it. It never changes the user's file: a
GeoPackage is an SQLite database, which a reader can alter (journal or ``-wal``/``-shm``
side files), so the file's bytes are read once and the database is opened in memory.

>>> import json, tempfile, pathlib
>>> square = [[[4.90, 52.37], [4.91, 52.37], [4.91, 52.38], [4.90, 52.38], [4.90, 52.37]]]
>>> path = pathlib.Path(tempfile.mkdtemp()) / "buurten.geojson"
>>> _ = path.write_text(json.dumps({"type": "FeatureCollection", "features": [
...     {"type": "Feature", "properties": {"BU_CODE": "BU03630000 ", "inwoners": 1035},
...      "geometry": {"type": "Polygon", "coordinates": square}}]}))
>>> geo = read_geometry(path)
>>> geo[["code", "inwoners"]], geo.crs.to_epsg()
(         code  inwoners
0  BU03630000      1035, 4326)
"""

from __future__ import annotations

import io
import re
import warnings
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from wijkwijs import i18n
from wijkwijs.opendata.errors import InputFileError, JoinWarning
from wijkwijs.opendata.tables import read_file_bytes
from wijkwijs.opendata.tidy import CODE_PATTERN, level_of
from wijkwijs.opendata.values import SENTINEL_LIMIT

__all__ = ["CODE_COLUMN_NAMES", "join_geometry", "read_geometry"]

#: Names of the area-code column in geometry files, tried in this order.
CODE_COLUMN_NAMES = ("code", "statcode", "buurtcode", "bu_code", "wijkcode", "wk_code",
                     "gemeentecode", "gm_code", "gwb_code_10", "gwb_code", "id",
                     "identificatie", "regiocode")
_NAME_COLUMN_NAMES = ("name", "naam", "statnaam", "buurtnaam", "bu_naam", "wijknaam",
                      "wk_naam", "gemeentenaam", "gm_naam", "regio")
_SQLITE_MAGIC = b"SQLite format 3\x00"
_CRS_MEMBER = re.compile(rb'"crs"\s*:')


def _pick_layer(path: Path, buffer: bytes, layer: str | int | None) -> str | int | None:
    import pyogrio

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # "non conformant file extension"
        layers = [str(name) for name, _ in pyogrio.list_layers(io.BytesIO(buffer))]
    if layer is not None:
        if isinstance(layer, str) and layer not in layers:
            raise InputFileError(i18n.t("err.opendata.geo_no_layer", layer=layer,
                                        layers=", ".join(layers)), path=path)
        return layer
    if len(layers) <= 1:
        return None
    buurten = [name for name in layers if "buurt" in name.lower()]
    if len(buurten) == 1:
        return buurten[0]
    raise InputFileError(i18n.t("err.opendata.geo_which_layer", n=len(layers),
                                layers=", ".join(layers)), path=path)


def _read(path: Path, layer: str | int | None) -> tuple[gpd.GeoDataFrame, str | int | None]:
    import pyogrio

    buffer = read_file_bytes(path)
    if b"\x00" in buffer[:4096] and not buffer.startswith(_SQLITE_MAGIC):
        raise InputFileError(i18n.t("err.opendata.geo_binary"), path=path)
    try:
        chosen = _pick_layer(path, buffer, layer)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            frame = pyogrio.read_dataframe(io.BytesIO(buffer), layer=chosen)
    except InputFileError:
        raise
    except Exception as err:  # pyogrio's DataSourceError and friends
        raise InputFileError(i18n.t("err.opendata.geo_unreadable", detail=err),
                             path=path) from None
    if not buffer.startswith(_SQLITE_MAGIC) and not _CRS_MEMBER.search(buffer[:65536]):
        frame = frame.set_crs(None, allow_override=True)  # GDAL says 4326 for any GeoJSON
    return frame, chosen


def _find_column(frame: pd.DataFrame, names: tuple[str, ...], *, codes: bool) -> str | None:
    lower = {str(c).lower(): c for c in frame.columns if c != "geometry"}

    def all_codes(column: Any) -> bool:
        values = frame[column]
        if values.dtype.kind not in "OSU" and not isinstance(values.dtype, pd.StringDtype):
            return False
        text = values.dropna().astype(str).str.strip()
        return len(text) > 0 and bool(text.map(lambda v: bool(CODE_PATTERN.match(v))).all())

    for name in names:
        if name in lower and (not codes or all_codes(lower[name])):
            return lower[name]
    if codes:
        return next((c for c in frame.columns if c != "geometry" and all_codes(c)), None)
    return None


def _to_wgs84(path: Path, frame: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, str]:
    minx, miny, maxx, maxy = frame.total_bounds
    lonlat = -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90
    rd_like = -10_000 <= minx <= maxx <= 320_000 and 280_000 <= miny <= maxy <= 650_000
    if frame.crs is None:
        if lonlat:
            return frame.set_crs(4326), "EPSG:4326 (assumed: no CRS in the file)"
        if rd_like:
            return (frame.set_crs(28992).to_crs(4326),
                    "EPSG:28992 (assumed from the coordinates: no CRS in the file)")
        raise InputFileError(i18n.t("err.opendata.geo_no_crs"), path=path)
    epsg = frame.crs.to_epsg()
    described = f"EPSG:{epsg}" if epsg else frame.crs.to_string()
    if frame.crs.is_geographic and not lonlat:
        raise InputFileError(i18n.t("err.opendata.geo_crs_contradicts", crs=described,
                                    maxx=maxx, maxy=maxy), path=path)
    return frame.to_crs(4326), described


def read_geometry(path: str | Path, *, layer: str | int | None = None) -> gpd.GeoDataFrame:
    """Read neighbourhood boundaries from a GeoJSON or GeoPackage, in WGS84.

    Parameters
    ----------
    path
        A ``.geojson``/``.json`` or ``.gpkg`` file in WGS84 (EPSG:4326) or RD New
        (EPSG:28992); any other CRS is converted too. A file without CRS is taken as
        WGS84 (the GeoJSON standard), or as RD New if its coordinates are metres in the
        Netherlands.
    layer
        For a GeoPackage with several layers: which one. By default the only layer, or
        the one whose name contains "buurt" (as in the CBS wijk- en buurtkaart).

    Returns
    -------
    geopandas.GeoDataFrame
        In EPSG:4326, with ``code`` (stripped; found under any usual name such as
        ``buurtcode``, ``statcode``, ``id``, ``BU_CODE`` or ``gwb_code``), ``name`` when
        the file has one, the file's other attributes (CBS sentinels such as
        ``-99999999`` become ``NaN``), and ``geometry``. ``attrs`` holds ``source``,
        ``source_columns``, ``crs_in``, ``layer`` and ``sentinels``.

    Raises
    ------
    ValueError
        For an unreadable or empty file, no code column, a missing geometry, a
        duplicated code, or coordinates that contradict the stated CRS.
    """
    path = Path(path)
    frame, chosen = _read(path, layer)
    if len(frame) == 0:
        raise InputFileError(i18n.t("err.opendata.geo_no_features"), path=path)
    code_column = _find_column(frame, CODE_COLUMN_NAMES, codes=True)
    if code_column is None:
        code_column = _find_column(frame, CODE_COLUMN_NAMES, codes=False)
    if code_column is None:
        found = ", ".join(repr(c) for c in frame.columns if c != "geometry")
        raise InputFileError(i18n.t("err.opendata.geo_no_code_column",
                                    expected=", ".join(CODE_COLUMN_NAMES), found=found),
                             path=path)
    codes = frame[code_column].map(lambda v: None if v is None or v != v else str(v).strip())
    for i, code in enumerate(codes):
        if not code:
            raise InputFileError(i18n.t("err.opendata.no_code"), path=path, record=str(i + 1),
                                 column=str(code_column))
    duplicated = codes.duplicated().to_numpy()
    if duplicated.any():
        i = int(np.flatnonzero(duplicated)[0])
        raise InputFileError(i18n.t("err.opendata.geo_code_twice", code=codes.iloc[i]),
                             path=path, record=str(i + 1), code=codes.iloc[i])
    missing = frame.geometry.isna() | frame.geometry.is_empty
    if missing.any():
        i = int(np.flatnonzero(missing.to_numpy())[0])
        raise InputFileError(i18n.t("err.opendata.geo_no_geometry"), path=path,
                             record=str(i + 1), code=codes.iloc[i])
    name_column = _find_column(frame, _NAME_COLUMN_NAMES, codes=False)
    frame, crs_in = _to_wgs84(path, frame)
    sentinels: dict[str, int] = {}
    for column in frame.columns:
        if column in ("geometry", code_column) or frame[column].dtype.kind not in "if":
            continue
        bad = frame[column] <= SENTINEL_LIMIT
        if bad.any():
            sentinels[str(column)] = int(bad.sum())
            frame[column] = frame[column].astype(float).mask(bad)
    others = [c for c in frame.columns if c not in ("geometry", code_column, name_column)]
    data: dict[str, Any] = {"code": codes.to_numpy()}
    if name_column is not None:
        data["name"] = frame[name_column].to_numpy()
    for column in others:
        data[column if column not in data else f"{column}_file"] = frame[column].to_numpy()
    out = gpd.GeoDataFrame(data, geometry=frame.geometry.to_numpy(), crs=4326)
    out.attrs.update({"source": str(path), "layer": chosen, "crs_in": crs_in,
                      "source_columns": {"code": str(code_column)}
                      | ({"name": str(name_column)} if name_column is not None else {}),
                      "sentinels": sentinels})
    return out


def join_geometry(geo: gpd.GeoDataFrame, frame: pd.DataFrame, *, how: str = "inner"
                  ) -> gpd.GeoDataFrame:
    """Join boundaries to a KWB frame on ``code``; report the codes that do not match.

    Only the data rows of the levels the geometry has are compared (a buurt map is
    not expected to have polygons for the wijk rows of a KWB file).

    Parameters
    ----------
    geo
        From :func:`read_geometry` (a ``code`` column and geometry).
    frame
        From :func:`~wijkwijs.opendata.read_kwb` or another reader (a ``code`` column).
    how
        ``"inner"`` (default: matched areas only) or ``"left"`` (every polygon; the data
        columns are ``NaN`` where no data row matched).

    Returns
    -------
    geopandas.GeoDataFrame
        The polygons with the data columns; the frame's columns win where both have
        one (the geometry file's then gets the suffix ``_geo``). ``attrs`` has
        ``unmatched_geometry`` (codes with a polygon but no data row) and
        ``unmatched_data`` (codes with data but no polygon); a
        :class:`~wijkwijs.opendata.JoinWarning` names them when there are any.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> geo = gpd.GeoDataFrame({"code": ["BU1", "BU2"]},
    ...                        geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)], crs=4326)
    >>> data = pd.DataFrame({"code": ["BU1", "BU3"], "inhabitants": [10.0, 20.0]})
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     joined = join_geometry(geo, data)
    >>> joined[["code", "inhabitants"]]
      code  inhabitants
    0  BU1         10.0
    >>> joined.attrs["unmatched_geometry"], joined.attrs["unmatched_data"]
    (['BU2'], ['BU3'])
    """
    for name, table in (("geo", geo), ("frame", frame)):
        if "code" not in table.columns:
            raise ValueError(i18n.t("err.opendata.join_needs_code", name=name))
    if how not in ("inner", "left"):
        raise ValueError(i18n.t("err.opendata.join_how", how=how))
    geo_codes = geo["code"].astype(str).str.strip()
    data = frame.copy()
    data["code"] = data["code"].astype(str).str.strip()
    levels = {level_of(c) for c in geo_codes} - {None}
    compared = data[data["code"].map(level_of).isin(levels)] if levels else data
    unmatched_geometry = sorted(set(geo_codes) - set(compared["code"]))
    unmatched_data = sorted(set(compared["code"]) - set(geo_codes))
    shapes = geo.copy()
    shapes["code"] = geo_codes
    overlap = [c for c in shapes.columns if c in data.columns and c not in ("code",)
               and c != shapes.geometry.name]
    shapes = shapes.rename(columns={c: f"{c}_geo" for c in overlap})
    joined = shapes.merge(data, on="code", how=how, validate="one_to_one")
    joined = gpd.GeoDataFrame(joined, geometry=shapes.geometry.name, crs=geo.crs)
    joined.attrs = dict(frame.attrs) | {"unmatched_geometry": unmatched_geometry,
                                        "unmatched_data": unmatched_data}
    if unmatched_geometry or unmatched_data:
        def show(codes: list[str]) -> str:
            return ", ".join(codes[:8]) + (i18n.t("err.opendata.and_more", n=len(codes) - 8)
                                           if len(codes) > 8 else "")
        parts = []
        if unmatched_geometry:
            parts.append(i18n.t("err.opendata.warn_geo_no_data", n=len(unmatched_geometry),
                                codes=show(unmatched_geometry)))
        if unmatched_data:
            parts.append(i18n.t("err.opendata.warn_data_no_geo", n=len(unmatched_data),
                                codes=show(unmatched_data)))
        warnings.warn(i18n.t("err.opendata.warn_join_geometry", parts="; ".join(parts)),
                      JoinWarning, stacklevel=2)
    return joined
