"""Ready-made views of the synthetic city Havenstad: income groups per unit and year.

The household panel (:func:`wijkwijs.havenstad.havenstad_household_years`) gives every
household its *national income percentile* each year. This module turns it into
the count tables that segregation indices need, once, and caches them. Every view
takes its arguments in one order — ``group``, ``year``, then the keywords ``scale``
(``"buurt"``, ``"wijk"`` or ``"gemeente"``) and ``area`` (``"city"`` or ``"metro"``,
the city and its three suburbs); see :mod:`wijkwijs.havenstad.places`.

* :data:`~wijkwijs.havenstad.constants.GROUPS` — the income groups of chapter 2, as
  ranges of the national percentile: the bottom 10 %, the CBS "low income" (bottom
  40 %), middle (40–80 %), "high income" (top 20 %) and the top 1 %;
* :func:`group_counts` and :func:`group_shares` — households per group per unit and
  year, as counts and as shares of the unit's households;
* :func:`income_band_counts` and :func:`profile` — eleven ordered income bands per
  unit, for the segregation profile and the rank-order index (:func:`rank_order_trend`);
* :func:`index_summary`, :func:`group_trend` and :func:`index_table` — every
  two-group index per group and year, computed once per scale and area;
* :func:`scale_comparison` — D of one group at every scale and area;
* :func:`social_rent_composition`, :func:`social_rent_concentration` and
  :func:`social_rent_shares` — who lives in social rent, and how unevenly social
  rent is spread (residualisation);
* :func:`group_map_frame` — polygons with the share of every group, for maps;
* :func:`group_label` and :func:`scale_label` — the labels figures and explorers show.

Havenstad is synthetic: these numbers describe no real place.

>>> counts = group_counts(2011, scale="buurt")
>>> list(counts.columns[:4])
['year', 'code', 'name', 'households']
>>> bool((counts["bottom_10"] <= counts["low"]).all())
True
>>> len(group_counts(2011, scale="wijk", area="metro"))  # wijken of city and suburbs
13
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from wijkwijs import i18n
from wijkwijs import segregation as seg
from wijkwijs._validate import check_choice, check_year
from wijkwijs.havenstad import load
from wijkwijs.havenstad.constants import CITY_CODE, GROUPS, INCOME_BANDS, TENURES, YEARS
from wijkwijs.havenstad.places import AREAS, SCALES, check_units, polygons

__all__ = [
    "AREAS", "INDEX_TABLE_ROWS", "SCALES", "group_counts", "group_label", "group_map_frame",
    "group_shares", "group_trend", "income_band_counts", "index_summary", "index_table",
    "profile", "rank_order_trend", "scale_comparison", "scale_label", "social_rent_composition",
    "social_rent_concentration", "social_rent_shares",
]

#: The rows of :func:`index_table`: columns of :func:`index_summary`, in order.
INDEX_TABLE_ROWS = ("area_share", "dissimilarity", "isolation", "exposure", "entropy_index",
                    "units")

i18n.register({
    "havenstad.synthetic_label": {"en": "Synthetic city — not a real place",
                                  "nl": "Synthetische stad — geen echte plek"},
    "seg2.group.bottom_10": {"en": "Bottom 10%", "nl": "Onderste 10%"},
    "seg2.group.low": {"en": "Low income (bottom 40%)", "nl": "Laag inkomen (onderste 40%)"},
    "seg2.group.middle": {"en": "Middle income (40–80%)", "nl": "Middeninkomen (40–80%)"},
    "seg2.group.high": {"en": "High income (top 20%)", "nl": "Hoog inkomen (bovenste 20%)"},
    "seg2.group.top_1": {"en": "Top 1%", "nl": "Bovenste 1%"},
    "seg2.unit.buurt": {"en": "Buurten", "nl": "Buurten"},
    "seg2.unit.wijk": {"en": "Wijken", "nl": "Wijken"},
    "seg2.unit.gemeente": {"en": "Gemeenten", "nl": "Gemeenten"},
    "seg2.area.city": {"en": "The city", "nl": "De stad"},
    "seg2.area.metro": {"en": "City and suburbs", "nl": "Stad en randgemeenten"},
    "seg2.scale.buurt.city": {"en": "Buurten of the city", "nl": "Buurten van de stad"},
    "seg2.scale.wijk.city": {"en": "Wijken of the city", "nl": "Wijken van de stad"},
    "seg2.scale.gemeente.city": {"en": "The city as one gemeente",
                                 "nl": "De stad als één gemeente"},
    "seg2.scale.buurt.metro": {"en": "Buurten of city and suburbs",
                               "nl": "Buurten van stad en randgemeenten"},
    "seg2.scale.wijk.metro": {"en": "Wijken of city and suburbs",
                              "nl": "Wijken van stad en randgemeenten"},
    "seg2.scale.gemeente.metro": {"en": "Gemeenten of city and suburbs",
                                  "nl": "Gemeenten van stad en randgemeenten"},
    "seg2.index": {"en": "Index", "nl": "Index"},
    "seg2.value": {"en": "Value", "nl": "Waarde"},
    "seg2.index.area_share": {"en": "Share of the group in the whole area (P)",
                              "nl": "Aandeel van de groep in het hele gebied (P)"},
    "seg2.index.dissimilarity": {"en": "Dissimilarity D", "nl": "Dissimilariteit D"},
    "seg2.index.isolation": {"en": "Isolation xPx", "nl": "Isolatie xPx"},
    "seg2.index.exposure": {"en": "Exposure xPy (to all others)",
                            "nl": "Blootstelling xPy (aan alle anderen)"},
    "seg2.index.entropy_index": {"en": "Theil's information index H",
                                 "nl": "Theils informatie-index H"},
    "seg2.index.units": {"en": "Number of units", "nl": "Aantal eenheden"},
})


def group_label(group: str) -> str:
    """The translated label of an income group of :data:`~wijkwijs.havenstad.GROUPS`.

    >>> group_label("top_1")
    'Top 1%'
    """
    check_choice(group, GROUPS, "group")
    return i18n.t(f"seg2.group.{group}")


def scale_label(scale: str = "buurt", area: str = "city") -> str:
    """The translated name of the units at ``scale`` in ``area``.

    >>> scale_label("buurt"), scale_label("wijk", "metro")
    ('Buurten of the city', 'Wijken of city and suburbs')
    """
    check_units(scale, area)
    return i18n.t(f"seg2.scale.{scale}.{area}")


def _check_index_units(scale: str, area: str) -> None:
    """Check units for an index, which compares units: the city alone is one gemeente."""
    check_units(scale, area)
    if scale == "gemeente" and area == "city":
        raise ValueError("scale 'gemeente' with area 'city' is a single unit, the city itself; "
                         "an index compares units: use area='metro' (its four gemeenten) or a "
                         "finer scale.")


@cache
def _units() -> pd.DataFrame:
    """Buurt code -> buurt, wijk and gemeente codes and names."""
    nb = load.havenstad_neighbourhoods("buurt")
    return pd.DataFrame(nb[["code", "name", "wijk_code", "wijk_name", "gemeente_code",
                            "gemeente_name"]])


@cache
def _panel_counts() -> pd.DataFrame:
    """Households per buurt, year, national percentile and tenure (computed once)."""
    panel = load.havenstad_household_years()
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


@cache
def _table(scale: str, area: str) -> pd.DataFrame:
    """Counts per unit and year at one scale in one area (cached; callers copy)."""
    table = _buurt_table()
    if area == "city":
        table = table[table["gemeente_code"] == CITY_CODE]
    count_cols = [c for c in table.columns if c not in
                  ("year", "code", "name", "wijk_code", "wijk_name", "gemeente_code",
                   "gemeente_name")]
    if scale == "buurt":
        out = table[["year", "code", "name", *count_cols]]
    else:
        key, name = f"{scale}_code", f"{scale}_name"
        out = seg.aggregate(table, ["year", key, name], count_cols)
        out = out.rename(columns={key: "code", name: "name"})
    return out.sort_values(["year", "code"]).reset_index(drop=True)


def group_counts(year: int | None = None, *, scale: str = "buurt",
                 area: str = "city") -> pd.DataFrame:
    """Households per income group, band and tenure, per unit (and year).

    Parameters
    ----------
    year
        One year (2011–2022), or ``None`` for all years.
    scale
        The unit: ``"buurt"``, ``"wijk"`` or ``"gemeente"``.
    area
        ``"city"`` (the city itself) or ``"metro"`` (the city and its three suburbs).

    Returns
    -------
    pandas.DataFrame
        One row per unit and year: ``year``, ``code``, ``name``, ``households``, one
        column per group of :data:`~wijkwijs.havenstad.GROUPS` and band of
        :data:`~wijkwijs.havenstad.constants.INCOME_BANDS`, households per tenure
        (``hh_social_rent`` ...), and the bottom 10 % and low incomes per tenure
        (``bottom_10_in_social_rent`` ...).

    Examples
    --------
    >>> wijken = group_counts(2022, scale="wijk")
    >>> len(wijken), bool(wijken["code"].str.startswith("WK9901").all())
    (8, True)
    >>> group_counts(2022, scale="gemeente", area="metro")["code"].tolist()
    ['GM9901', 'GM9902', 'GM9903', 'GM9904']
    """
    check_year(year, YEARS)
    check_units(scale, area)
    out = _table(scale, area)
    if year is not None:
        out = out[out["year"] == year].reset_index(drop=True)
    return out.copy()


@cache
def _shares(scale: str, area: str) -> pd.DataFrame:
    counts = _table(scale, area)
    shares = counts[list(GROUPS)].div(counts["households"], axis=0)
    return pd.concat([counts[["year", "code", "name", "households"]], shares], axis=1)


def group_shares(year: int | None = None, *, scale: str = "buurt",
                 area: str = "city") -> pd.DataFrame:
    """The share (0–1) of each income group among the households of each unit (and year).

    Columns ``year``, ``code``, ``name``, ``households`` and one per group of
    :data:`~wijkwijs.havenstad.GROUPS`; rows as in :func:`group_counts`. Maps and the
    segregation explorer colour units by these shares.

    >>> shares = group_shares(2022)
    >>> bool(shares["bottom_10"].between(0, 1).all()), len(shares)
    (True, 41)
    """
    check_year(year, YEARS)
    check_units(scale, area)
    out = _shares(scale, area)
    if year is not None:
        out = out[out["year"] == year].reset_index(drop=True)
    return out.copy()


def income_band_counts(year: int, *, scale: str = "buurt", area: str = "city") -> pd.DataFrame:
    """Households per unit in the eleven ordered bands of ``INCOME_BANDS``.

    The table (units x bands, lowest income first, indexed by unit code) is the
    input of :func:`wijkwijs.segregation.segregation_profile` and
    :func:`wijkwijs.segregation.rank_order_information`.

    >>> bands = income_band_counts(2011)
    >>> list(bands.columns[[0, -1]])
    ['p00_09', 'p99']
    """
    counts = group_counts(year, scale=scale, area=area)
    return counts.set_index("code")[list(INCOME_BANDS)]


def profile(year: int, *, scale: str = "buurt", area: str = "city") -> pd.DataFrame:
    """The segregation profile H(p) of one year (Reardon 2011), split after each band.

    >>> prof = profile(2011)
    >>> len(prof), bool(prof["H"].between(0, 1).all())
    (10, True)
    """
    _check_index_units(scale, area)
    return seg.segregation_profile(income_band_counts(year, scale=scale, area=area))


@cache
def _summary(scale: str, area: str) -> pd.DataFrame:
    counts = _table(scale, area)
    table = seg.summary(counts, list(GROUPS), "households", unit_col="code", year_col="year")
    wide = table.pivot(index=["group", "year"], columns="index", values="value")
    wide = wide.reindex(index=pd.MultiIndex.from_product([list(GROUPS), list(YEARS)],
                                                         names=["group", "year"]),
                        columns=list(seg.TWO_GROUP_INDICES))
    totals = counts.groupby("year")[[*GROUPS, "households"]].sum()
    shares = totals[list(GROUPS)].div(totals["households"], axis=0)
    wide["area_share"] = [shares.loc[y, g] for g, y in wide.index]
    wide["units"] = counts.groupby("year").size().reindex(
        wide.index.get_level_values("year")).to_numpy()
    wide.columns.name = None
    return wide.reset_index()


def index_summary(*, scale: str = "buurt", area: str = "city") -> pd.DataFrame:
    """Every two-group index of every income group in every year, at one scale and area.

    One row per group and year (groups in the order of
    :data:`~wijkwijs.havenstad.GROUPS`): ``group``, ``year``, one column per index of
    :data:`wijkwijs.segregation.TWO_GROUP_INDICES` (each group against all other
    households), ``area_share`` (the group's share of all households in the area, P)
    and ``units``. Computed once per scale and area (cached): the trend tables,
    figures and the explorer all read it.

    >>> summary = index_summary(scale="wijk")
    >>> row = summary[(summary.group == "top_1") & (summary.year == 2011)].iloc[0]
    >>> int(row["units"]), bool(0 < row["dissimilarity"] < 1)
    (8, True)
    """
    _check_index_units(scale, area)
    return _summary(scale, area).copy()


def group_trend(index: str = "dissimilarity", *, scale: str = "buurt",
                area: str = "city") -> pd.DataFrame:
    """One two-group index per income group (columns) and year (rows).

    ``index`` is a name of :data:`wijkwijs.segregation.TWO_GROUP_INDICES`
    (``"dissimilarity"``, ``"isolation"``, ``"entropy_index"`` ...). Each group is
    compared with all other households. Read from :func:`index_summary` (cached).

    >>> trend = group_trend(scale="buurt")
    >>> list(trend.columns)
    ['year', 'bottom_10', 'low', 'middle', 'high', 'top_1']
    >>> round(float(trend.loc[trend.year == 2011, "bottom_10"].item()), 3)
    0.301
    """
    check_choice(index, seg.TWO_GROUP_INDICES, "index")
    _check_index_units(scale, area)
    wide = _summary(scale, area).pivot(index="year", columns="group", values=index)
    wide = wide[list(GROUPS)]
    wide.columns.name = None
    return wide.reset_index()


def index_table(group: str = "bottom_10", year: int = 2022, *, scale: str = "buurt",
                area: str = "city") -> pd.DataFrame:
    """The indices of one income group in one year at one scale, with labels.

    The rows are :data:`INDEX_TABLE_ROWS`, read from :func:`index_summary`; values are
    texts with three decimals (the number of units as a whole number).

    >>> index_table("bottom_10", 2011)
                                          Index  Value
    0  Share of the group in the whole area (P)  0.171
    1                           Dissimilarity D  0.301
    2                             Isolation xPx  0.227
    3              Exposure xPy (to all others)  0.773
    4               Theil's information index H  0.086
    5                           Number of units     41
    """
    check_choice(group, GROUPS, "group")
    check_year(year, YEARS, allow_none=False)
    _check_index_units(scale, area)
    summary = _summary(scale, area)
    row = summary[(summary["group"] == group) & (summary["year"] == year)].iloc[0]
    values = [f"{row[n]:.3f}" for n in INDEX_TABLE_ROWS[:-1]] + [f"{int(row['units'])}"]
    return pd.DataFrame({i18n.t("seg2.index"): [i18n.t(f"seg2.index.{n}")
                                                for n in INDEX_TABLE_ROWS],
                         i18n.t("seg2.value"): values})


def rank_order_trend(*, scale: str = "buurt", area: str = "city") -> pd.DataFrame:
    """The rank-order information index H^R (Reardon 2011) per year.

    >>> hr = rank_order_trend()
    >>> list(hr.columns), len(hr)
    (['year', 'H_R'], 12)
    """
    _check_index_units(scale, area)
    rows = [(year, seg.rank_order_information(income_band_counts(year, scale=scale, area=area)))
            for year in YEARS]
    return pd.DataFrame(rows, columns=["year", "H_R"])


def scale_comparison(group: str, year: int) -> pd.DataFrame:
    """D of one group at five scales: buurt and wijk of the city; buurt, wijk, gemeente of metro.

    Coarser units hide the unevenness inside them, so D can only fall when buurten
    are merged into wijken, and wijken into gemeenten (the modifiable areal unit
    problem). The metropolitan area adds the suburbs. Columns ``area``, ``level``
    (the scale), ``units`` and ``D``; the city as one gemeente is left out (a single
    unit has no D).

    >>> table = scale_comparison("bottom_10", 2022)
    >>> table["units"].tolist()
    [41, 8, 53, 13, 4]
    """
    check_choice(group, GROUPS, "group")
    check_year(year, YEARS, allow_none=False)
    rows = []
    for area in AREAS:
        for scale in SCALES:
            if area == "city" and scale == "gemeente":
                continue
            counts = group_counts(year, scale=scale, area=area)
            rows.append({"area": area, "level": scale, "units": len(counts),
                         "D": seg.dissimilarity(counts, group=group, total="households")})
    return pd.DataFrame(rows)


def social_rent_composition(*, area: str = "city") -> pd.DataFrame:
    """Who lives in social rent, per year: the residualisation of social housing.

    Columns: ``social_renters`` (households), ``share_of_households`` (social renters
    among all households), ``bottom_10_share`` and ``bottom_20_share`` (the share of
    social renters in the national bottom 10 % and bottom quintile), and
    ``bottom_10_in_social_rent`` (the share of bottom-10 % households that rent
    socially).

    >>> comp = social_rent_composition()
    >>> round(float(comp.loc[comp.year == 2011, "bottom_20_share"].item()), 3)
    0.429
    """
    check_choice(area, AREAS, "area")
    counts = group_counts(scale="buurt", area=area)
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


def social_rent_concentration(*, area: str = "city") -> pd.DataFrame:
    """How social rent dwellings are spread over the buurten, per year.

    From the dwelling stock (:func:`wijkwijs.havenstad.havenstad_dwellings`): the share
    of social rent in the stock, D of social-rent dwellings against all other
    dwellings, and the number of buurten where more than half of the dwellings are
    social rent.

    >>> conc = social_rent_concentration()
    >>> list(conc.columns)
    ['year', 'social_share', 'D_social_rent', 'buurten_over_half']
    """
    check_choice(area, AREAS, "area")
    dwellings = load.havenstad_dwellings()
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


def social_rent_shares(year: int, *, area: str = "city") -> pd.DataFrame:
    """Share of social rent in the dwelling stock per buurt in one year, with polygons.

    >>> shares = social_rent_shares(2022)
    >>> bool(shares["social_rent_share"].between(0, 1).all())
    True
    """
    check_year(year, YEARS, allow_none=False)
    check_choice(area, AREAS, "area")
    nb = load.havenstad_neighbourhoods("buurt")
    if area == "city":
        nb = nb[nb["gemeente_code"] == CITY_CODE]
    stock = load.havenstad_dwellings(year)[["buurt_code", "social_rent", "total"]]
    out = nb.merge(stock, left_on="code", right_on="buurt_code", how="left")
    out["social_rent_share"] = out["social_rent"] / out["total"]
    return out.drop(columns="buurt_code")


def group_map_frame(year: int, *, scale: str = "buurt", area: str = "city"):
    """Polygons of the units with their counts and the share of every income group (0–1).

    The counts of :func:`group_counts` on :func:`~wijkwijs.havenstad.places.polygons`,
    plus a column ``share_<group>`` per group.

    >>> gdf = group_map_frame(2022, scale="wijk")
    >>> len(gdf), "share_top_1" in gdf.columns
    (8, True)
    """
    check_year(year, YEARS, allow_none=False)
    counts = group_counts(year, scale=scale, area=area)
    out = polygons(scale=scale, area=area).merge(counts.drop(columns="name"), on="code",
                                                 how="left")
    for group in GROUPS:
        out[f"share_{group}"] = out[group] / out["households"]
    return out
