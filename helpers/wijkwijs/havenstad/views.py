"""Ready-made views of the synthetic city Havenstad: income groups per unit and year.

The household panel (:func:`wijkwijs.havenstad.havenstad_household_years`) gives every
household its *national income percentile* each year. This module turns it into
the count tables that segregation indices need, once, and caches them:

* :data:`GROUPS` — the income groups of chapter 2, as ranges of the national
  percentile: the bottom 10 %, the CBS "low income" (bottom 40 %), middle (40–80 %),
  "high income" (top 20 %) and the top 1 %;
* :func:`group_counts` — households per group per unit (buurt, wijk or gemeente)
  and year, in the city or in the whole metropolitan area (city and suburbs);
* :func:`income_band_counts` — households in eleven ordered income bands per
  unit, for the segregation profile and the rank-order index;
* :func:`group_trend` — an index (D, isolation, H) per group and year;
* :func:`scale_comparison` — the same index at several scales, via
  :func:`wijkwijs.segregation.aggregate`;
* :func:`social_rent_composition` and :func:`social_rent_concentration` — who lives
  in social rent, and how unevenly social rent is spread (residualisation).

Havenstad is synthetic: these numbers describe no real place.

>>> counts = group_counts(2011, scale="buurt")
>>> list(counts.columns[:4])
['year', 'code', 'name', 'households']
>>> bool((counts["bottom_10"] <= counts["low"]).all())
True
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from wijkwijs import i18n
from wijkwijs import segregation as seg
from wijkwijs._validate import check_choice, check_year
from wijkwijs.havenstad import load as data
from wijkwijs.havenstad.constants import CITY_CODE, GROUPS, INCOME_BANDS, TENURES, YEARS

#: Scales of chapter 2: name -> (unit level, area).
SCALES: dict[str, tuple[str, str]] = {
    "buurt": ("buurt", "city"),
    "wijk": ("wijk", "city"),
    "metro": ("buurt", "metro"),
}

i18n.register({
    "seg2.group.bottom_10": {"en": "Bottom 10%", "nl": "Onderste 10%"},
    "seg2.group.low": {"en": "Low income (bottom 40%)", "nl": "Laag inkomen (onderste 40%)"},
    "seg2.group.middle": {"en": "Middle income (40–80%)", "nl": "Middeninkomen (40–80%)"},
    "seg2.group.high": {"en": "High income (top 20%)", "nl": "Hoog inkomen (bovenste 20%)"},
    "seg2.group.top_1": {"en": "Top 1%", "nl": "Bovenste 1%"},
    "seg2.scale.buurt": {"en": "Buurten of the city", "nl": "Buurten van de stad"},
    "seg2.scale.wijk": {"en": "Wijken of the city", "nl": "Wijken van de stad"},
    "seg2.scale.metro": {"en": "Buurten of city and suburbs",
                         "nl": "Buurten van stad en randgemeenten"},
})


@cache
def _units() -> pd.DataFrame:
    """Buurt code -> buurt, wijk and gemeente codes and names."""
    nb = data.havenstad_neighbourhoods("buurt")
    return pd.DataFrame(nb[["code", "name", "wijk_code", "wijk_name", "gemeente_code",
                            "gemeente_name"]])


@cache
def _panel_counts() -> pd.DataFrame:
    """Households per buurt, year, national percentile and tenure (computed once)."""
    panel = data.havenstad_household_years()
    counts = (panel.groupby(["year", "buurt_code", "national_percentile", "tenure"],
                            observed=True).size().rename("n").reset_index())
    return counts


@cache
def _buurt_table() -> pd.DataFrame:
    """Per buurt and year: households, each group, each income band, each tenure."""
    counts = _panel_counts()
    pct = counts["national_percentile"].to_numpy()
    columns = {}
    for name, (lo, hi) in {**GROUPS, **INCOME_BANDS}.items():
        columns[name] = np.where((pct >= lo) & (pct <= hi), counts["n"].to_numpy(), 0)
    for tenure in TENURES:
        columns[f"hh_{tenure}"] = np.where(counts["tenure"].astype(str) == tenure,
                                           counts["n"].to_numpy(), 0)
        for group in ("bottom_10", "low"):
            columns[f"{group}_in_{tenure}"] = columns[group] * (counts["tenure"].astype(str)
                                                                == tenure).to_numpy()
    wide = pd.DataFrame({"year": counts["year"], "code": counts["buurt_code"],
                         "households": counts["n"], **columns})
    table = wide.groupby(["year", "code"], sort=True).sum().reset_index()
    return table.merge(_units(), on="code", how="left", validate="many_to_one")


def _table(level: str, area: str) -> pd.DataFrame:
    table = _buurt_table()
    if area == "city":
        table = table[table["gemeente_code"] == CITY_CODE]
    count_cols = [c for c in table.columns if c not in
                  ("year", "code", "name", "wijk_code", "wijk_name", "gemeente_code",
                   "gemeente_name")]
    if level == "buurt":
        out = table[["year", "code", "name", *count_cols]]
    else:
        key, name = f"{level}_code", f"{level}_name"
        out = seg.aggregate(table, ["year", key, name], count_cols)
        out = out.rename(columns={key: "code", name: "name"})
    return out.sort_values(["year", "code"]).reset_index(drop=True)


def group_counts(year: int | None = None, *, scale: str = "buurt", level: str | None = None,
                 area: str | None = None) -> pd.DataFrame:
    """Households per income group, band and tenure, per unit (and year).

    Parameters
    ----------
    year
        One year (2011–2022), or ``None`` for all years.
    scale
        ``"buurt"`` (buurten of the city), ``"wijk"`` (wijken of the city) or
        ``"metro"`` (buurten of the city and its three suburbs).
    level, area
        Instead of ``scale``: the unit (``"buurt"``, ``"wijk"``, ``"gemeente"``) and the
        area (``"city"`` or ``"metro"``).

    Returns
    -------
    pandas.DataFrame
        One row per unit and year: ``year``, ``code``, ``name``, ``households``, one
        column per group of :data:`GROUPS` and band of :data:`INCOME_BANDS`,
        households per tenure (``hh_social_rent`` ...), and the bottom 10 % and low
        incomes per tenure (``bottom_10_in_social_rent`` ...).

    Examples
    --------
    >>> wijken = group_counts(2022, scale="wijk")
    >>> len(wijken), bool(wijken["code"].str.startswith("WK9901").all())
    (8, True)
    >>> group_counts(2022, level="gemeente", area="metro")["code"].tolist()
    ['GM9901', 'GM9902', 'GM9903', 'GM9904']
    """
    check_year(year, YEARS)
    if level is None and area is None:
        check_choice(scale, SCALES, "scale")
        level, area = SCALES[scale]
    level = level or "buurt"
    area = area or "city"
    check_choice(level, ("buurt", "wijk", "gemeente"), "level")
    check_choice(area, ("city", "metro"), "area")
    out = _table(level, area)
    if year is not None:
        out = out[out["year"] == year].reset_index(drop=True)
    return out.copy()


def income_band_counts(year: int, *, scale: str = "buurt") -> pd.DataFrame:
    """Households per unit in the eleven ordered bands of :data:`INCOME_BANDS`.

    The table (units x bands, lowest income first, indexed by unit code) is the
    input of :func:`wijkwijs.segregation.segregation_profile` and
    :func:`wijkwijs.segregation.rank_order_information`.

    >>> bands = income_band_counts(2011)
    >>> list(bands.columns[[0, -1]])
    ['p00_09', 'p99']
    """
    counts = group_counts(year, scale=scale)
    return counts.set_index("code")[list(INCOME_BANDS)]


def profile(year: int, *, scale: str = "buurt") -> pd.DataFrame:
    """The segregation profile H(p) of one year (Reardon 2011), split after each band.

    >>> prof = profile(2011)
    >>> len(prof), bool(prof["H"].between(0, 1).all())
    (10, True)
    """
    return seg.segregation_profile(income_band_counts(year, scale=scale))


@cache
def _trend(scale: str, index: str) -> pd.DataFrame:
    counts = group_counts(scale=scale)
    table = seg.summary(counts, list(GROUPS), "households", unit_col="code", year_col="year")
    table = table[table["index"] == index]
    wide = table.pivot(index="year", columns="group", values="value")[list(GROUPS)]
    wide.columns.name = None
    return wide.reset_index()


def group_trend(scale: str = "buurt", index: str = "dissimilarity") -> pd.DataFrame:
    """One two-group index per income group (columns) and year (rows).

    ``index`` is a name of :data:`wijkwijs.segregation.TWO_GROUP_INDICES`
    (``"dissimilarity"``, ``"isolation"``, ``"entropy_index"`` ...). Each group is
    compared with all other households. Cached: a second call is instant.

    >>> trend = group_trend("buurt")
    >>> list(trend.columns)
    ['year', 'bottom_10', 'low', 'middle', 'high', 'top_1']
    >>> round(float(trend.loc[trend.year == 2011, "bottom_10"].item()), 3)
    0.304
    """
    check_choice(scale, SCALES, "scale")
    check_choice(index, seg.TWO_GROUP_INDICES, "index")
    return _trend(scale, index).copy()


def rank_order_trend(scale: str = "buurt") -> pd.DataFrame:
    """The rank-order information index H^R (Reardon 2011) per year.

    >>> hr = rank_order_trend()
    >>> list(hr.columns), len(hr)
    (['year', 'H_R'], 12)
    """
    check_choice(scale, SCALES, "scale")
    rows = [(year, seg.rank_order_information(income_band_counts(year, scale=scale)))
            for year in YEARS]
    return pd.DataFrame(rows, columns=["year", "H_R"])


def scale_comparison(year: int, group: str = "bottom_10") -> pd.DataFrame:
    """D of one group at five scales: buurt, wijk, gemeente; city and metro.

    Coarser units hide the unevenness inside them, so D can only fall when buurten
    are merged into wijken, and wijken into gemeenten (the modifiable areal unit
    problem). The metropolitan area adds the suburbs.

    >>> table = scale_comparison(2022)
    >>> table["units"].tolist()
    [41, 8, 53, 13, 4]
    """
    check_choice(group, GROUPS, "group")
    rows = []
    for area in ("city", "metro"):
        for level in ("buurt", "wijk", "gemeente"):
            if area == "city" and level == "gemeente":
                continue
            counts = group_counts(year, level=level, area=area)
            rows.append({"area": area, "level": level, "units": len(counts),
                         "D": seg.dissimilarity(counts, group=group, total="households")})
    return pd.DataFrame(rows)


def social_rent_composition(area: str = "city") -> pd.DataFrame:
    """Who lives in social rent, per year: the residualisation of social housing.

    Columns: ``social_renters`` (households), ``share_of_households`` (social renters
    among all households), ``bottom_10_share`` and ``bottom_20_share`` (the share of
    social renters in the national bottom 10 % and bottom quintile), and
    ``bottom_10_in_social_rent`` (the share of bottom-10 % households that rent
    socially).

    >>> comp = social_rent_composition()
    >>> round(float(comp.loc[comp.year == 2011, "bottom_20_share"].item()), 3)
    0.425
    """
    check_choice(area, ("city", "metro"), "area")
    counts = group_counts(level="buurt", area=area)
    panel = _panel_counts()
    if area == "city":
        city_buurten = set(_units().loc[_units()["gemeente_code"] == CITY_CODE, "code"])
        panel = panel[panel["buurt_code"].isin(city_buurten)]
    social = panel[panel["tenure"].astype(str) == "social_rent"]
    bottom_20 = social[social["national_percentile"] <= 19].groupby("year")["n"].sum()
    per_year = counts.groupby("year")[["households", "hh_social_rent", "bottom_10",
                                       "bottom_10_in_social_rent"]].sum()
    out = pd.DataFrame({
        "social_renters": per_year["hh_social_rent"],
        "share_of_households": per_year["hh_social_rent"] / per_year["households"],
        "bottom_10_share": per_year["bottom_10_in_social_rent"] / per_year["hh_social_rent"],
        "bottom_20_share": bottom_20 / per_year["hh_social_rent"],
        "bottom_10_in_social_rent": per_year["bottom_10_in_social_rent"] / per_year["bottom_10"],
    })
    return out.reset_index()


def social_rent_concentration(area: str = "city") -> pd.DataFrame:
    """How social rent dwellings are spread over the buurten, per year.

    From the dwelling stock (:func:`wijkwijs.havenstad.havenstad_dwellings`): the share
    of social rent in the stock, D of social-rent dwellings against all other
    dwellings, and the number of buurten where more than half of the dwellings are
    social rent.

    >>> conc = social_rent_concentration()
    >>> list(conc.columns)
    ['year', 'social_share', 'D_social_rent', 'buurten_over_half']
    """
    check_choice(area, ("city", "metro"), "area")
    dwellings = data.havenstad_dwellings()
    if area == "city":
        dwellings = dwellings[dwellings["buurt_code"].str.startswith("BU" + CITY_CODE[2:])]
    rows = []
    for year, part in dwellings.groupby("year", sort=True):
        rows.append({
            "year": int(year),
            "social_share": part["social_rent"].sum() / part["total"].sum(),
            "D_social_rent": seg.dissimilarity(part, group="social_rent", total="total"),
            "buurten_over_half": int((part["social_rent"] > 0.5 * part["total"]).sum()),
        })
    return pd.DataFrame(rows)


def social_rent_shares(year: int, area: str = "city") -> pd.DataFrame:
    """Share of social rent in the dwelling stock per buurt in one year, with polygons.

    >>> shares = social_rent_shares(2022)
    >>> bool(shares["social_rent_share"].between(0, 1).all())
    True
    """
    check_year(year, YEARS)
    check_choice(area, ("city", "metro"), "area")
    nb = data.havenstad_neighbourhoods("buurt")
    if area == "city":
        nb = nb[nb["gemeente_code"] == CITY_CODE]
    stock = data.havenstad_dwellings(year)[["buurt_code", "social_rent", "total"]]
    out = nb.merge(stock, left_on="code", right_on="buurt_code", how="left")
    out["social_rent_share"] = out["social_rent"] / out["total"]
    return out.drop(columns="buurt_code")


def group_map_frame(year: int, scale: str = "buurt"):
    """Polygons of the units at a scale with the share of every income group (0–1).

    >>> gdf = group_map_frame(2022, "wijk")
    >>> len(gdf), "share_top_1" in gdf.columns
    (8, True)
    """
    check_choice(scale, SCALES, "scale")
    counts = group_counts(year, scale=scale)
    level, area = SCALES[scale]
    polygons = _polygons(level, area)
    out = polygons.merge(counts.drop(columns="name"), on="code", how="left")
    for group in GROUPS:
        out[f"share_{group}"] = out[group] / out["households"]
    return out


@cache
def _polygons_cached(level: str, area: str):
    nb = data.havenstad_neighbourhoods(level)
    if area == "city":
        key = "gemeente_code"
        nb = nb[nb[key] == CITY_CODE]
    return nb[["code", "name", "geometry"]].reset_index(drop=True)


def _polygons(level: str, area: str):
    return _polygons_cached(level, area).copy()


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


def organisation_points(year: int = 2022, area: str = "city"):
    """Organisations open at the end of ``year`` as points, with a merged ``kind``.

    An organisation is open when it was founded in or before ``year`` and has not
    closed by then (``closed`` empty or later than ``year``).

    >>> orgs = organisation_points(2022)
    >>> orgs["kind"].nunique() <= 8, orgs.geometry.geom_type.unique().tolist()
    (True, ['Point'])
    """
    import geopandas as gpd

    check_year(year, YEARS)
    check_choice(area, ("city", "metro"), "area")
    orgs = data.havenstad_organisations()
    closed = orgs["closed"].astype("float")
    open_ = (orgs["founded"] <= year) & (closed.isna() | (closed > year))
    if area == "city":
        open_ &= orgs["buurt_code"].str.startswith("BU" + CITY_CODE[2:])
    orgs = orgs[open_.to_numpy()].reset_index(drop=True)
    orgs["kind"] = orgs["type"].astype(str).map(ORGANISATION_KINDS)
    return gpd.GeoDataFrame(orgs, geometry=gpd.points_from_xy(orgs["x"], orgs["y"]), crs=None)
