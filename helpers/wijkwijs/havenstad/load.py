"""Loaders of the synthetic city Havenstad.

The synthetic city **Havenstad** (``datasets/havenstad/``, made by
:mod:`wijkwijs.havenstad.generate`) is read with :func:`havenstad` or one function
per table.
All data are synthetic; see ``datasets/havenstad/README.md``. Every loader returns
a fresh pandas (Geo)DataFrame, so changing it never changes what the next call sees.

>>> sorted(HAVENSTAD_TABLES)[:3]
['calibration', 'dwellings', 'household_years']
>>> havenstad("statistics", year=2022, code="GM9901")["households"].item() > 30_000
True
"""

from __future__ import annotations

import difflib
import json
from functools import cache

import pandas as pd

from wijkwijs._validate import check_year
from wijkwijs.havenstad.constants import (
    BACKGROUNDS,
    CITY_CODE,
    FUNDING,
    HOUSEHOLD_TYPES,
    LIFESTYLES,
    MOVE_REASONS,
    ORIENTATIONS,
    ROLES,
    TENURES,
    TIE_YEAR,
    YEARS,
)
from wijkwijs.paths import datasets_dir

#: The years of the Havenstad panel (the same tuple as ``constants.YEARS``).
HAVENSTAD_YEARS = YEARS

#: table name -> (file, description)
HAVENSTAD_TABLES: dict[str, tuple[str, str]] = {
    "neighbourhoods": ("neighbourhoods.geojson", "buurt polygons with wijk and gemeente"),
    "water": ("water.geojson", "river and harbour polygons"),
    "households": ("households.csv.gz", "one row per household: static attributes"),
    "household_years": ("household_years.csv.gz",
                        "household-year panel: buurt, tenure, income, national percentile"),
    "moves": ("moves.csv.gz", "moves within the region with their reason"),
    "dwellings": ("dwellings.csv.gz", "dwelling stock by tenure per buurt and year"),
    "organisations": ("organisations.csv.gz", "social infrastructure"),
    "participation": ("participation.csv.gz", "household-organisation participation"),
    "referrals": ("referrals.csv.gz", "organisation-organisation referral links"),
    "ties": ("ties.csv.gz", f"resident-resident ties in four buurten, {TIE_YEAR}"),
    "statistics": ("statistics.csv.gz", "CBS-style statistics per buurt, wijk, gemeente"),
    "calibration": ("calibration.csv", "calibration targets, sources and achieved values"),
}

_CATEGORIES = {
    "tenure": list(TENURES),
    "from_tenure": list(TENURES),
    "to_tenure": list(TENURES),
    "reason": list(MOVE_REASONS),
    "background": list(BACKGROUNDS),
    "lifestyle": list(LIFESTYLES),
    "household_type": list(HOUSEHOLD_TYPES),
    "funding": list(FUNDING),
    "orientation": list(ORIENTATIONS),
    "role": list(ROLES),
}


def _folder():
    return datasets_dir() / "havenstad"


@cache
def _read(table: str) -> pd.DataFrame:
    file = HAVENSTAD_TABLES[table][0]
    path = _folder() / file
    if file.endswith(".geojson"):
        import geopandas as gpd
        from shapely.geometry import shape

        doc = json.loads(path.read_text(encoding="utf-8"))
        props = pd.DataFrame([f["properties"] for f in doc["features"]])
        geoms = [shape(f["geometry"]) for f in doc["features"]]
        return gpd.GeoDataFrame(props, geometry=geoms, crs=None)
    if table == "calibration":  # text as written, e.g. "0.290" and "17.3 %"
        return pd.read_csv(path, dtype=str)
    frame = pd.read_csv(path, keep_default_na=False, na_values=[""])
    if "note" in frame:
        frame["note"] = frame["note"].fillna("")
    for column, categories in _CATEGORIES.items():
        if column in frame:
            frame[column] = pd.Categorical(frame[column], categories=categories)
    for column in ("closed", "predecessor_id"):
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    if "liveability_class" in frame:
        frame["liveability_class"] = frame["liveability_class"].astype("Int64")
    return frame


def _known_codes() -> list[str]:
    nb = _read("neighbourhoods")
    return sorted({*nb["code"], *nb["wijk_code"], *nb["gemeente_code"]})


def _check_code(code: str | None) -> None:
    if code is None:
        return
    known = _known_codes()
    if code not in known:
        text = str(code).upper()

        def shared_prefix(other: str) -> int:
            n = 0
            while n < min(len(text), len(other)) and text[n] == other[n]:
                n += 1
            return n

        same_kind = [k for k in known if k[:2] == text[:2]] or known
        close = sorted(same_kind, key=lambda k: (-shared_prefix(k), k))[:5]
        close = close if shared_prefix(close[0]) >= 2 else difflib.get_close_matches(
            text, known, n=5, cutoff=0.5)
        hint = f"closest codes: {', '.join(close)}" if close else (
            f"codes look like {CITY_CODE} (gemeente), WK{CITY_CODE[2:]}01 (wijk), "
            f"BU{CITY_CODE[2:]}0101 (buurt)")
        raise ValueError(f"code {code!r} is not in Havenstad; {hint}. "
                         "See havenstad_neighbourhoods() for all codes.")


def havenstad(table: str, year: int | None = None, code: str | None = None) -> pd.DataFrame:
    """Return one table of the synthetic city Havenstad.

    Parameters
    ----------
    table
        One of :data:`HAVENSTAD_TABLES` (``"statistics"``, ``"household_years"``, ...).
    year
        Keep only this year (2011–2022), for tables with a ``year`` column.
    code
        Keep only this buurt, wijk or gemeente code (``BU…``, ``WK…``, ``GM…``),
        for tables with a ``code`` or ``buurt_code`` column.

    Examples
    --------
    >>> havenstad("dwellings", year=2011, code="BU99010101").shape[0]
    1
    >>> havenstad("ties", code="WK990108")["buurt_code"].unique().tolist()
    ['BU99010801']
    >>> havenstad("gardens")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: there is no Havenstad table 'gardens'; available: neighbourhoods, water, ...
    """
    if table not in HAVENSTAD_TABLES:
        raise ValueError(f"there is no Havenstad table {table!r}; available: "
                         f"{', '.join(HAVENSTAD_TABLES)}.")
    check_year(year, YEARS)
    _check_code(code)
    frame = _read(table)
    mask = pd.Series(True, index=frame.index)
    if year is not None:
        if "year" not in frame:
            raise ValueError(f"table {table!r} has no year column; leave year out.")
        mask &= frame["year"] == year
    if code is not None:
        if "code" in frame:
            mask &= frame["code"] == code
        elif "buurt_code" in frame:
            # a wijk or gemeente code selects the buurten whose code starts with it
            mask &= frame["buurt_code"].str.startswith("BU" + code[2:])
        else:
            raise ValueError(f"table {table!r} has no code column; leave code out.")
    return frame[mask].reset_index(drop=True).copy()


def havenstad_neighbourhoods(level: str = "buurt"):
    """Polygons of Havenstad and its suburbs as a GeoDataFrame (metres, no CRS).

    The coordinates are a fictional local plane in metres; the GeoDataFrame has no
    CRS on purpose. For folium use a simple (non-geographic) CRS and no tiles.

    Parameters
    ----------
    level
        ``"buurt"`` (53 neighbourhoods), ``"wijk"`` (districts) or ``"gemeente"``.

    Examples
    --------
    >>> nb = havenstad_neighbourhoods()
    >>> len(nb), nb.crs is None
    (53, True)
    >>> len(havenstad_neighbourhoods("gemeente"))
    4
    """
    levels = {"buurt": None, "wijk": ("wijk_code", "wijk_name"),
              "gemeente": ("gemeente_code", "gemeente_name")}
    if level not in levels:
        raise ValueError(f"level {level!r} is unknown; available: buurt, wijk, gemeente.")
    nb = _read("neighbourhoods").copy()
    if level == "buurt":
        return nb
    key, name = levels[level]
    keep = [key, name] + (["gemeente_code", "gemeente_name"] if level == "wijk" else [])
    out = nb[[*keep, "geometry"]].dissolve(by=key, sort=True).reset_index()
    out = out.rename(columns={key: "code", name: "name"})
    out["area_ha"] = (out.geometry.area / 10_000).round(1)
    return out


def havenstad_water():
    """River and harbour polygons (same plane as :func:`havenstad_neighbourhoods`).

    >>> list(havenstad_water()["name"])
    ['Havenrivier', 'Buitenhaven']
    """
    return _read("water").copy()


def havenstad_households(year: int | None = None) -> pd.DataFrame:
    """Households: static attributes, or with ``year`` their situation that year.

    Without ``year`` one row per household ever present (``first_year``–``last_year``).
    With ``year`` the panel row of that year (buurt, tenure, income, national
    percentile) joined to the static attributes, plus ``age_head``.

    Examples
    --------
    >>> h = havenstad_households(2015)
    >>> {"buurt_code", "tenure", "income", "background", "age_head"} <= set(h.columns)
    True
    >>> havenstad_households(2030)
    Traceback (most recent call last):
    ...
    ValueError: year 2030 is not in the data; available years: 2011–2022.
    """
    check_year(year, YEARS)
    static = _read("households")
    if year is None:
        return static.copy()
    panel = havenstad("household_years", year=year)
    out = panel.merge(static, on="household_id", how="left", validate="one_to_one")
    out["age_head"] = year - out["head_birth_year"]
    return out


def havenstad_household_years(year: int | None = None) -> pd.DataFrame:
    """The household-year panel (one row per household per year present).

    >>> havenstad_household_years(2011)["year"].unique().tolist()
    [2011]
    """
    return havenstad("household_years", year=year)


def havenstad_moves(year: int | None = None) -> pd.DataFrame:
    """Moves within the region (2012–2022) with reason and tenure before and after.

    >>> sorted(havenstad_moves()["reason"].cat.categories)
    ['choice', 'demolition', 'rent_increase', 'sale']
    """
    return havenstad("moves", year=year)


def havenstad_dwellings(year: int | None = None, code: str | None = None) -> pd.DataFrame:
    """Dwelling stock by tenure per buurt and year, with construction, demolition, sales.

    >>> d = havenstad_dwellings(2016)
    >>> int(d["demolished"].sum())
    330
    """
    return havenstad("dwellings", year=year, code=code)


def havenstad_organisations(code: str | None = None) -> pd.DataFrame:
    """Organisations (social infrastructure) with location, years, funding and functions.

    >>> o = havenstad_organisations()
    >>> sorted(o["orientation"].cat.categories)
    ['bonding', 'bridging']
    """
    return havenstad("organisations", code=code)


def havenstad_participation() -> pd.DataFrame:
    """Which household takes part in which organisation, from which year to which.

    >>> list(havenstad_participation().columns)
    ['household_id', 'organisation_id', 'start_year', 'end_year', 'role']
    """
    return havenstad("participation")


def havenstad_referrals() -> pd.DataFrame:
    """Referral links between organisations and to municipal services.

    >>> list(havenstad_referrals().columns)[:2]
    ['from_id', 'to_id']
    """
    return havenstad("referrals")


def havenstad_ties(code: str | None = None) -> pd.DataFrame:
    """Resident-resident ties (2019) in four sampled buurten.

    >>> havenstad_ties()["buurt_code"].nunique()
    4
    """
    return havenstad("ties", code=code)


def havenstad_statistics(year: int | None = None, code: str | None = None) -> pd.DataFrame:
    """CBS-style statistics per buurt, wijk and gemeente and year, with liveability.

    Examples
    --------
    >>> s = havenstad_statistics(2013, "GM9901")
    >>> float(s["pct_bottom_10"].iloc[0])
    17.5
    >>> havenstad_statistics(code="BU99019999")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: code 'BU99019999' is not in Havenstad; closest codes: BU99010101, ...
    """
    return havenstad("statistics", year=year, code=code)


def havenstad_calibration() -> pd.DataFrame:
    """Calibration: quantity, target, source and achieved value (as in the data card).

    >>> havenstad_calibration().columns.tolist()
    ['quantity', 'target', 'source', 'achieved']
    """
    return havenstad("calibration")
