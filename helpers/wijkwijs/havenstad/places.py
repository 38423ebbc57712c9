"""Where things are in Havenstad: the polygons of its units, and organisations as points.

Every Havenstad view names its spatial units with two separate arguments:

* ``scale`` — the unit: ``"buurt"`` (neighbourhood), ``"wijk"`` (district, a group of
  buurten) or ``"gemeente"`` (municipality);
* ``area`` — which units: ``"city"`` (the city itself, gemeente
  :data:`~wijkwijs.havenstad.constants.CITY_CODE`) or ``"metro"`` (the city and its
  three suburbs).

:func:`check_units` checks such a pair; :func:`polygons` returns the units' polygons
and :func:`organisation_points` the social infrastructure open in a year. Havenstad
is synthetic: it describes no real place.

>>> bool(polygons(scale="wijk")["code"].str.startswith("WK9901").all())
True
>>> len(polygons(scale="gemeente", area="metro"))
4
"""

from __future__ import annotations

from functools import cache

from wijkwijs._validate import check_choice, check_year
from wijkwijs.havenstad import load
from wijkwijs.havenstad.constants import CITY_CODE, YEARS

#: The spatial units, finest first.
SCALES: tuple[str, ...] = ("buurt", "wijk", "gemeente")
#: The areas: the city itself, or the metropolitan area (the city and its suburbs).
AREAS: tuple[str, ...] = ("city", "metro")

#: Twelve organisation types merged into eight kinds (the colour-blind-safe palette
#: has eight colours).
ORGANISATION_KINDS: dict[str, str] = {
    "community_centre": "community centre",
    "youth_space": "youth space",
    "welfare_organisation": "welfare or volunteering",
    "volunteer_organisation": "welfare or volunteering",
    "church": "church or mosque",
    "mosque": "church or mosque",
    "gym": "sports",
    "cafe": "café or shop",
    "shop": "café or shop",
    "library": "library or school",
    "school": "library or school",
    "municipal_service": "municipal service",
}


def check_units(scale: str, area: str) -> tuple[str, str]:
    """Check a ``scale`` of :data:`SCALES` and an ``area`` of :data:`AREAS`; return both.

    An area given as the scale (the old ``scale="metro"``) is refused with a message
    that says how to ask for it.

    >>> check_units("wijk", "metro")
    ('wijk', 'metro')
    >>> check_units("metro", "city")
    Traceback (most recent call last):
    ...
    ValueError: scale 'metro' is an area, not a scale: pass area='metro' and a scale \
(buurt, wijk, gemeente).
    """
    if isinstance(scale, str) and scale in AREAS:
        raise ValueError(f"scale {scale!r} is an area, not a scale: pass area={scale!r} and a "
                         f"scale ({', '.join(SCALES)}).")
    check_choice(scale, SCALES, "scale")
    check_choice(area, AREAS, "area")
    return scale, area


@cache
def _polygons(scale: str, area: str):
    nb = load.havenstad_neighbourhoods(scale)
    if area == "city":  # gemeente polygons carry their own code, the others their gemeente's
        nb = nb[nb["code" if scale == "gemeente" else "gemeente_code"] == CITY_CODE]
    return nb[["code", "name", "geometry"]].reset_index(drop=True)


def polygons(*, scale: str = "buurt", area: str = "city"):
    """The polygons of the units at ``scale`` in ``area``: ``code``, ``name``, ``geometry``.

    Coordinates are metres (no CRS: Havenstad lies nowhere). Sorted by code; a fresh
    GeoDataFrame on every call.

    >>> buurten = polygons()
    >>> len(buurten), list(buurten.columns)
    (41, ['code', 'name', 'geometry'])
    """
    check_units(scale, area)
    return _polygons(scale, area).copy()


def organisation_points(year: int = 2022, *, area: str = "city"):
    """Organisations open at the end of ``year`` as points, with a merged ``kind``.

    An organisation is open when it was founded in or before ``year`` and has not
    closed by then (``closed`` empty or later than ``year``). ``kind`` merges the
    twelve types into the eight of :data:`ORGANISATION_KINDS`.

    >>> orgs = organisation_points(2022)
    >>> orgs["kind"].nunique() <= 8, orgs.geometry.geom_type.unique().tolist()
    (True, ['Point'])
    """
    import geopandas as gpd

    check_year(year, YEARS)
    check_choice(area, AREAS, "area")
    orgs = load.havenstad_organisations()
    closed = orgs["closed"].astype("float")
    open_ = (orgs["founded"] <= year) & (closed.isna() | (closed > year))
    if area == "city":
        open_ &= orgs["buurt_code"].str.startswith("BU" + CITY_CODE[2:])
    orgs = orgs[open_.to_numpy()].reset_index(drop=True)
    orgs["kind"] = orgs["type"].astype(str).map(ORGANISATION_KINDS)
    return gpd.GeoDataFrame(orgs, geometry=gpd.points_from_xy(orgs["x"], orgs["y"]), crs=None)
