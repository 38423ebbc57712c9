"""The real CBS snapshot shipped with the course (``datasets/cbs/``), read offline.

``tools/make_cbs_snapshot.py`` converted real CBS exports into the canonical form of
:func:`~wijkwijs.opendata.read_kwb` (CSV, UTF-8, ``,``, decimal point); each file's
provenance (CBS table, the repository and commit it was taken from) is in
``datasets/cbs/provenance.json`` and ``datasets/cbs/README.md``. Bron: CBS, CC BY 4.0.

>>> amsterdam = shipped("amsterdam", 2017)
>>> int(amsterdam.loc[amsterdam.code == "GM0363", "inhabitants"].item())
844947
>>> (amsterdam.level == "buurt").sum()
np.int64(479)
>>> amsterdam.attrs["table_id"], amsterdam.attrs["attribution"]
('83765NED', 'Bron: CBS, CC BY 4.0')
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from wijkwijs import i18n
from wijkwijs.opendata.geometry import read_geometry
from wijkwijs.opendata.kwb import read_kwb
from wijkwijs.paths import datasets_dir

__all__ = ["EXAMPLE_FILES", "example_path", "provenance", "shipped", "shipped_geometry",
           "shipped_municipalities", "shipped_names"]

ATTRIBUTION = "Bron: CBS, CC BY 4.0"
_CITY_ALIASES = {
    "amsterdam": "amsterdam", "gm0363": "amsterdam",
    "den haag": "den_haag", "den_haag": "den_haag", "denhaag": "den_haag",
    "the hague": "den_haag", "'s-gravenhage": "den_haag", "s-gravenhage": "den_haag",
    "gm0518": "den_haag",
    "rotterdam": "rotterdam", "gm0599": "rotterdam",
}


#: The example files of ``datasets/examples/`` (see its README): name -> what it is.
EXAMPLE_FILES: dict[str, str] = {
    "kwb-2019_amsterdam_centrum_sample.csv":
        "real CBS figures (KWB 2019, Amsterdam, five wijken) in the layout of the yearly "
        "download kwb-YYYY.csv; Bron: CBS, CC BY 4.0",
    "leefbaarometer_havenstad_synthetic_example.csv":
        "SYNTHETIC: a Leefbaarometer-like score of the invented city Havenstad in the "
        "layout of a Leefbaarometer 3.0 buurt export; not Leefbaarometer data",
}


def _folder() -> Path:
    return datasets_dir() / "cbs"


def example_path(name: str) -> Path:
    """The path of an example file of chapter 8 (see :data:`EXAMPLE_FILES`).

    >>> example_path("kwb-2019_amsterdam_centrum_sample.csv").name
    'kwb-2019_amsterdam_centrum_sample.csv'
    >>> read_kwb(example_path("kwb-2019_amsterdam_centrum_sample.csv")).attrs["format"]
    'kwb_download_csv'
    """
    if name not in EXAMPLE_FILES:
        raise ValueError(i18n.t("err.opendata.s_no_example", name=name,
                                examples=", ".join(EXAMPLE_FILES)))
    return datasets_dir() / "examples" / name


def provenance() -> dict[str, Any]:
    """The provenance record of every shipped file (``datasets/cbs/provenance.json``).

    >>> provenance()["kwb_amsterdam_2019.csv"]["table_id"]
    '84583NED'
    """
    return json.loads((_folder() / "provenance.json").read_text(encoding="utf-8"))["files"]


def _city(city: str) -> str:
    key = str(city).strip().lower()
    if key not in _CITY_ALIASES:
        raise ValueError(i18n.t("err.opendata.s_no_city", city=city, shipped=", ".join(
            f"{c!r} {y}" for c, y in shipped_names())))
    return _CITY_ALIASES[key]


def shipped_names() -> list[tuple[str, int]]:
    """The (city, year) pairs that :func:`shipped` offers.

    >>> shipped_names()
    [('amsterdam', 2017), ('amsterdam', 2019), ('den_haag', 2019), ('rotterdam', 2017)]
    """
    pairs = [(entry["city"], entry["year"]) for entry in provenance().values()
             if entry.get("kind") == "kwb"]
    return sorted(pairs)


def shipped(city: str, year: int) -> pd.DataFrame:
    """The shipped KWB of ``city`` in ``year``, as :func:`~wijkwijs.opendata.read_kwb` reads it.

    Parameters
    ----------
    city
        ``"amsterdam"``, ``"den_haag"`` (also ``"'s-Gravenhage"``, ``"the hague"``) or
        ``"rotterdam"``; or the gemeente code.
    year
        See :func:`shipped_names`.

    Returns
    -------
    pandas.DataFrame
        The municipality, its wijken and buurten. ``attrs`` adds the provenance:
        ``table_id``, ``year``, ``repository``, ``commit``, ``attribution``.

    Examples
    --------
    >>> haag = shipped("Den Haag", 2019)
    >>> haag.level.value_counts().to_dict()
    {'buurt': 114, 'wijk': 44, 'gemeente': 1}
    """
    name = _city(city)
    file = f"kwb_{name}_{int(year)}.csv"
    record = provenance().get(file)
    if record is None:
        raise ValueError(i18n.t("err.opendata.s_no_year", city=city, year=year, shipped=", ".join(
            f"{c!r} {y}" for c, y in shipped_names())))
    frame = read_kwb(_folder() / file)
    frame.attrs.update({"table_id": record["table_id"], "year": record["year"],
                        "repository": record["repository"], "commit": record["commit"],
                        "attribution": ATTRIBUTION})
    return frame


def shipped_geometry(city: str = "rotterdam") -> gpd.GeoDataFrame:
    """The shipped buurt boundaries (WGS84) of ``city``; only Rotterdam has them.

    >>> geo = shipped_geometry("rotterdam")
    >>> len(geo), geo.crs.to_epsg()
    (92, 4326)
    """
    name = _city(city)
    file = f"buurten_{name}.geojson"
    record = provenance().get(file)
    if record is None:
        raise ValueError(i18n.t("err.opendata.s_no_geometry", city=city))
    geo = read_geometry(_folder() / file)
    geo.attrs.update({"repository": record["repository"], "commit": record["commit"],
                      "attribution": ATTRIBUTION})
    return geo


def shipped_municipalities() -> pd.DataFrame:
    """Segregation indicators of all 387 municipalities (Spierenburg et al. 2023; MIT).

    Columns: ``gemeente_code``, ``gemeente_name``, ``city_name``, ``inhabitants``;
    the segregation of residents with a non-western migration background measured by
    ``separation`` (share of the group living in segregated regions, %),
    ``intensity`` (its over-representation there) and ``scale`` / ``scale_relative``
    (the extent of those regions, absolute and relative); ``share_non_western``
    (the group's share of the population, 0-1); ``gini`` (income inequality, as in
    the source; blank for some municipalities); ``aspect_ratio`` and
    ``aspect_ratio_final`` (kept as published). Source: Spierenburg, van Cranenburgh &
    Cats (2023), "Characterizing residential segregation in cities using intensity,
    separation, and scale indicators", *Computers, Environment and Urban Systems* 103,
    101990; data from their figures repository, MIT licence (``datasets/cbs/``).

    >>> towns = shipped_municipalities()
    >>> len(towns), towns.loc[towns.gemeente_code == "GM0363", "gini"].item()
    (387, 0.37)
    """
    record = provenance()["gemeenten_spierenburg2023.csv"]
    frame = pd.read_csv(_folder() / "gemeenten_spierenburg2023.csv",
                        dtype={"gemeente_code": str, "gemeente_name": str, "city_name": str})
    frame.attrs.update({"source": record["source"], "repository": record["repository"],
                        "commit": record["commit"], "licence": record["licence"],
                        "citation": record["citation"]})
    return frame
