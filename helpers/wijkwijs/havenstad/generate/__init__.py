"""Havenstad: a synthetic Dutch port city, generated step by step from a seed.

Havenstad (GM9901) and its three suburbs (*randgemeenten*, suburban municipalities)
Noorderveld (GM9902), Oostmeer (GM9903) and Zuiderpolder (GM9904) are **fictional**.
The codes use the CBS pattern (``GM`` gemeente = municipality, ``WK`` wijk =
district, ``BU`` buurt = neighbourhood) but the 99xx numbers belong to no real
municipality. Coordinates are metres in a made-up local plane (x east, y north,
origin south-west of the region): there is no real place underneath, so never draw
the city over real map tiles.

The generator runs in six readable steps, each a function of the previous ones:

1. :func:`build_geography` - buurten, wijken, gemeenten and water as polygons;
2. :func:`build_housing_stock` - individual dwellings with tenure and price level,
   and the scripted housing policy (sales of social housing, demolition, new
   construction);
3. :func:`simulate_households` - households sorted into dwellings each year
   2011-2022 by a noisy rank matching of income to price, with moves and reasons;
4. :func:`build_organisations` - social infrastructure with funding, turnover,
   closures (post-2008 cuts) and reopenings (NPLV, 2022);
5. :func:`build_ties` - participation, referral links and resident-resident ties;
6. :func:`build_statistics` - what CBS would publish per buurt, wijk and gemeente,
   with a Leefbaarometer-like liveability score computed only from those statistics.

Incomes are *standardised disposable household incomes* (CBS: disposable income
divided by an equivalence factor). National percentiles come from a documented
national lognormal distribution with Gini 0.29 (CBS StatLine 83739NED) and mean
equal to the CBS national mean standardised income of each year; see
:func:`national_percentile`.

Regenerate the shipped files with::

    python -m wijkwijs.havenstad.generate --out datasets/havenstad

>>> round(national_gini(), 3)
0.29
>>> int(national_percentile(22_000, 2011)[0])
48
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from statistics import NormalDist

import numpy as np
import pandas as pd

from wijkwijs.segregation import dissimilarity_between

SEED = 20250101
YEARS = tuple(range(2011, 2023))
FIRST_YEAR, LAST_YEAR = YEARS[0], YEARS[-1]

TENURES = ("social_rent", "private_rent", "owner_occupied")
SOCIAL, PRIVATE, OWNER = 0, 1, 2
BACKGROUNDS = ("netherlands", "europe", "outside_europe")
HOUSEHOLD_TYPES = ("single", "couple", "couple_with_children", "single_parent")
LIFESTYLES = ("neighbourhood", "city_wide")
MOVE_REASONS = ("choice", "rent_increase", "demolition", "sale")

# --------------------------------------------------------------------------------------
# National income distribution
# --------------------------------------------------------------------------------------

#: Gini of standardised income of private households, NL (CBS StatLine 83739NED,
#: 0.285-0.306 over 2011-2022; 0.29 is the rounded value CBS quotes).
NATIONAL_GINI = 0.29

#: Mean standardised income of private households, NL, in euros
#: (CBS StatLine 83739NED, version of 8 November 2023; 2022 provisional).
NATIONAL_MEAN_INCOME: dict[int, float] = {
    2011: 25_600, 2012: 25_800, 2013: 25_900, 2014: 27_300, 2015: 27_100, 2016: 28_200,
    2017: 29_200, 2018: 29_500, 2019: 31_600, 2020: 32_100, 2021: 33_600, 2022: 35_400,
}

_NORMAL = NormalDist()
#: Log-standard deviation of the national lognormal: Gini = 2 Phi(sigma / sqrt 2) - 1.
NATIONAL_SIGMA = math.sqrt(2) * _NORMAL.inv_cdf((1 + NATIONAL_GINI) / 2)

_erf = np.frompyfunc(math.erf, 1, 1)


def _phi(z: np.ndarray) -> np.ndarray:
    """Standard normal CDF, elementwise."""
    z = np.asarray(z, dtype=float)
    return 0.5 * (1.0 + _erf(z / math.sqrt(2)).astype(float))


def national_gini() -> float:
    """Gini of the national lognormal income distribution used for percentiles.

    For a lognormal with log-standard deviation :math:`\\sigma`,
    :math:`G = 2\\Phi(\\sigma/\\sqrt{2}) - 1` (Aitchison & Brown 1957).

    >>> round(national_gini(), 4)
    0.29
    """
    return 2 * _NORMAL.cdf(NATIONAL_SIGMA / math.sqrt(2)) - 1


def national_median(year: int) -> float:
    """Median of the national lognormal in ``year``: mean / exp(sigma^2 / 2).

    >>> round(national_median(2011))
    22294
    """
    if year not in NATIONAL_MEAN_INCOME:
        raise ValueError(f"year {year} is not in the data; available years: "
                         f"{FIRST_YEAR}–{LAST_YEAR}")
    return NATIONAL_MEAN_INCOME[year] / math.exp(NATIONAL_SIGMA**2 / 2)


def income_from_score(z: np.ndarray, year: int) -> np.ndarray:
    """Standardised income (euros) of national normal score ``z`` in ``year``."""
    return national_median(year) * np.exp(NATIONAL_SIGMA * np.asarray(z, dtype=float))


def national_percentile(income: float | np.ndarray, year: int) -> np.ndarray:
    """National percentile group (0-99) of a standardised income in ``year``.

    Group ``k`` holds the incomes between the national k-th and (k+1)-th percentile:
    0-9 is the national bottom 10 %, 0-39 the bottom 40 % (CBS "low income" in the
    Kerncijfers Wijken en Buurten), 80-99 the top 20 % ("high income"), 99 the top 1 %.
    The national distribution is lognormal with Gini 0.29 and the CBS mean of the year.

    >>> national_percentile([5_000, 22_294, 200_000], 2011).tolist()
    [0, 50, 99]
    """
    inc = np.atleast_1d(np.asarray(income, dtype=float))
    if (inc <= 0).any():
        raise ValueError("income must be positive to have a national percentile.")
    z = np.log(inc / national_median(year)) / NATIONAL_SIGMA
    return np.clip(np.floor(100 * _phi(z)), 0, 99).astype(np.int64)


# --------------------------------------------------------------------------------------
# Step 1: geography
# --------------------------------------------------------------------------------------

#: Area types: C centre, H old harbour, W pre-war working class, P post-war working
#: class, V villa area, M mixed middle-class; suburbs N (Noorderveld, affluent),
#: O (Oostmeer, mixed), Z (Zuiderpolder, 1970s growth town, cheaper).
AREA_TYPES = {
    "C": "centre", "H": "old harbour", "W": "pre-war working class",
    "P": "post-war working class", "V": "villa area", "M": "mixed middle class",
    "N": "suburb (affluent)", "O": "suburb (mixed)", "Z": "suburb (growth town)",
}

# (column, row, area type, wijk number, name) of the 41 city buurten on a 1 km grid.
_CITY_BUURTEN = [
    (3, 4, "C", 1, "Binnenstad-Noord"), (4, 4, "C", 1, "Marktkwartier"),
    (3, 3, "C", 1, "Domeinhof"), (4, 3, "C", 1, "Waagplein"), (4, 2, "C", 1, "Zuidkade"),
    (0, 3, "H", 2, "Kraanhaven"), (1, 3, "H", 2, "Pakhuiseiland"),
    (2, 3, "W", 2, "Touwslagerij"), (0, 2, "H", 2, "Dokhaven"),
    (1, 2, "H", 2, "Scheepsbouw"),
    (1, 5, "V", 3, "Villapark"), (2, 5, "V", 3, "Lindenhove"), (1, 4, "V", 3, "Duinzicht"),
    (0, 4, "M", 3, "Westerhout"), (2, 4, "M", 3, "Kastanjeplein"),
    (3, 5, "M", 4, "Noordsingel"), (4, 5, "M", 4, "Parkzicht"),
    (5, 5, "P", 4, "Ooievaarshof"), (6, 5, "P", 4, "Reigerstede"),
    (6, 4, "P", 4, "Zwanenhof"), (7, 4, "P", 4, "Kievitbuurt"), (7, 3, "P", 4, "Meerkoet"),
    (5, 4, "W", 5, "Lorrewijk"), (5, 3, "W", 5, "Smidswijk"), (6, 3, "W", 5, "Ketelbuurt"),
    (2, 2, "W", 6, "Zeemanswijk"), (3, 2, "W", 6, "Brouwersveld"),
    (4, 1, "W", 6, "Spoorbuurt"), (5, 1, "W", 6, "Gasfabriek"), (5, 2, "M", 6, "Oeverpark"),
    (1, 1, "P", 7, "Meeuwenhof"), (2, 1, "P", 7, "Sternhof"), (1, 0, "P", 7, "Plevierbuurt"),
    (2, 0, "P", 7, "Grutto"), (3, 0, "P", 7, "Tureluur"), (3, 1, "M", 7, "Zuiderpark"),
    (6, 2, "P", 8, "Kersenhof"), (7, 2, "P", 8, "Appelgaard"), (6, 1, "P", 8, "Perenlaan"),
    (4, 0, "M", 8, "Vijverhof"), (5, 0, "M", 8, "Boomgaard"),
]
_CITY_WIJKEN = {1: "Centrum", 2: "Havenkwartier", 3: "Westhoven", 4: "Noordoost",
                5: "Oostkade", 6: "Zuidoever", 7: "Zuidwest", 8: "Zuidoost"}

# Suburbs: gemeente code -> (name, type, [(x0, y0, wijk number, wijk name, buurt name)]).
_SUBURBS = {
    "GM9902": ("Noorderveld", "N", [
        (4500, 10400, 1, "Noorderveld", "Dorpskern"), (6000, 10400, 1, "Noorderveld",
                                                           "Beukenlaan"),
        (7500, 10400, 1, "Noorderveld", "Weidezicht"), (9000, 10400, 1, "Noorderveld",
                                                          "Molenakker")]),
    "GM9903": ("Oostmeer", "O", [
        (13000, 3000, 1, "Oostmeer-Zuid", "Rietkraag"), (13000, 4500, 1, "Oostmeer-Zuid",
                                                           "Meerzicht"),
        (13000, 6400, 2, "Oostmeer-Noord", "Oude Dorp"), (13000, 7900, 2, "Oostmeer-Noord",
                                                            "Waterhoven")]),
    "GM9904": ("Zuiderpolder", "Z", [
        (4500, 1000, 1, "Polderhart", "Polderhart"), (6000, 1000, 1, "Polderhart",
                                                       "Slotenbuurt"),
        (7500, 1000, 2, "Kievitsweide", "Rietvelden"), (9000, 1000, 2, "Kievitsweide",
                                                         "Kievitsweide")]),
}

#: Buurten with a scripted role in the story (by name).
GENTRIFYING = ("Touwslagerij", "Brouwersveld", "Smidswijk")
RESTRUCTURING = "Meeuwenhof"
RESTRUCTURING_YEAR = 2016
INFRA_RICH, INFRA_POOR = "Kersenhof", "Kievitbuurt"
DISPLACEMENT_SUBURB = "GM9904"
#: The elite enclave: the villa buurt with exclusive new-build (``ELITE_NEW_BUILD``
#: large villas a year 2016-2021) and a price premium rising by ``ELITE_PREMIUM`` a year
#: 2015-2020, where the top 1 % concentrate. From 2015 the bid premium of the very rich
#: grows by ``TOP_BID_GROWTH`` a year (to 2020): they out-bid everybody more and more.
ELITE_ENCLAVE = "Villapark"
ELITE_NEW_BUILD = 40
ELITE_PREMIUM = 0.20
TOP_BID_GROWTH = 0.25
#: Mixing: from ``MIXING_FROM`` every post-war buurt (except the restructured one) gets
#: middle-segment infill a year (owner-occupied, private rent) - the Dutch policy of
#: differentiating the housing stock of post-war neighbourhoods.
MIXING_FROM = 2013
MIXING_OWNER, MIXING_PRIVATE = 10, 5
#: Chance that a vacant social home is sold in a mixed or centre buurt from 2014
#: (before: 0.15 and 0.20): corporations sell where the market pays most.
SALE_MIXED, SALE_CENTRE = 0.30, 0.30
#: Mean quality of the harbour new-build (upmarket apartments); other new-build 0.35.
HARBOUR_QUALITY = 0.8
#: Passend toewijzen (2016): bottom-10 % households are steered to the cheapest social
#: homes (their bid for a social home is lowered by this much).
PASSEND_PUSH = 4.0
#: Displacement: from ``DISPLACEMENT_FROM`` a low-income (national bottom 40 %) household
#: leaving a city home looks first in the cheap suburb, with this chance if forced out
#: (rent increase, sale, demolition) and otherwise (choice moves, newcomers).
DISPLACEMENT_FROM = 2016
SUBURB_P_FORCED, SUBURB_P_OTHER = 0.70, 0.35
#: National normal scores of the national P40 (below: "low income") and P10.
LOW_INCOME_SCORE = NormalDist().inv_cdf(0.40)
BOTTOM_10_SCORE = NormalDist().inv_cdf(0.10)
HIGH_INCOME_SCORE = NormalDist().inv_cdf(0.80)
#: Mixing by allocation (Rotterdamwet-like, from 2016): the share of vacant social homes
#: in post-war buurten let, by lottery, to middle incomes (national 40-80 %).
MIDDLE_RESERVED = 0.30
#: Social allocation gets more targeted every year to 2019: its noise falls by this much.
TARGETING_STEP = 0.12

TIE_SAMPLE = ("Kersenhof", "Kievitbuurt", "Touwslagerij", "Oeverpark")
TIE_YEAR = 2019


@dataclass
class Geography:
    """Step 1 result: one row per buurt (``buurten``) and the polygons."""

    buurten: pd.DataFrame
    polygons: list  # shapely Polygons, aligned with buurten rows
    water: list  # (name, shapely Polygon)


def _jittered_grid(nx: int, ny: int, x0: float, y0: float, size: float,
                   rng: np.random.Generator, fix_bottom: bool = False,
                   fix_top: bool = False, jitter: float = 120.0) -> np.ndarray:
    """Vertices (ny+1, nx+1, 2) of a grid whose inner corners are moved a little."""
    xs = x0 + size * np.arange(nx + 1)
    ys = y0 + size * np.arange(ny + 1)
    grid = np.stack(np.meshgrid(xs, ys), axis=-1).astype(float)
    shift = rng.uniform(-jitter, jitter, grid.shape)
    if fix_bottom:
        shift[0, :, 1] = 0
    if fix_top:
        shift[-1, :, 1] = 0
    return np.round(grid + shift)


def _cell(grid: np.ndarray, col: int, row: int):
    from shapely.geometry import Polygon

    corners = [grid[row, col], grid[row, col + 1], grid[row + 1, col + 1],
               grid[row + 1, col], grid[row, col]]
    return Polygon([tuple(map(float, c)) for c in corners])


def build_geography(rng: np.random.Generator) -> Geography:
    """Step 1: buurt polygons on jittered grids, codes, names, area types and water.

    The city occupies x 4-12 km, y 3-9.4 km, split by a 400 m wide river at
    y 6.0-6.4 km that widens into the harbour mouth in the west. Suburbs lie beyond
    a green belt: Noorderveld to the north, Oostmeer to the east, Zuiderpolder to the
    south.
    """
    from shapely.geometry import Polygon

    south = _jittered_grid(8, 3, 4000, 3000, 1000, rng, fix_top=True)
    north = _jittered_grid(8, 3, 4000, 6400, 1000, rng, fix_bottom=True)
    rows: list[dict] = []
    polygons = []
    per_wijk: dict[int, int] = {}
    for col, row, kind, wijk, name in _CITY_BUURTEN:
        per_wijk[wijk] = per_wijk.get(wijk, 0) + 1
        grid, grid_row = (south, row) if row <= 2 else (north, row - 3)
        polygons.append(_cell(grid, col, grid_row))
        rows.append({"code": f"BU9901{wijk:02d}{per_wijk[wijk]:02d}", "name": name,
                     "wijk_code": f"WK9901{wijk:02d}", "wijk_name": _CITY_WIJKEN[wijk],
                     "gemeente_code": "GM9901", "gemeente_name": "Havenstad",
                     "area_type": kind})
    for gm, (gm_name, kind, cells) in _SUBURBS.items():
        per_wijk = {}
        # one jittered 1.5 km grid per river bank, so neighbouring cells share edges
        grids = {}
        for north_bank in (False, True):
            bank = [c for c in cells if (c[1] >= 6400) == north_bank]
            if not bank:
                continue
            x0 = min(c[0] for c in bank)
            y0 = min(c[1] for c in bank)
            nx = (max(c[0] for c in bank) - x0) // 1500 + 1
            ny = (max(c[1] for c in bank) - y0) // 1500 + 1
            grids[north_bank] = (x0, y0, _jittered_grid(
                nx, ny, x0, y0, 1500, rng, fix_bottom=y0 == 6400,
                fix_top=y0 + 1500 * ny == 6000, jitter=80))
        for x, y, wijk, wijk_name, name in cells:
            x0, y0, grid = grids[y >= 6400]
            per_wijk[wijk] = per_wijk.get(wijk, 0) + 1
            polygons.append(_cell(grid, (x - x0) // 1500, (y - y0) // 1500))
            rows.append({"code": f"BU{gm[2:]}{wijk:02d}{per_wijk[wijk]:02d}", "name": name,
                         "wijk_code": f"WK{gm[2:]}{wijk:02d}", "wijk_name": wijk_name,
                         "gemeente_code": gm, "gemeente_name": gm_name, "area_type": kind})
    buurten = pd.DataFrame(rows)
    role = np.full(len(buurten), "", dtype=object)
    role[buurten["name"].isin(GENTRIFYING).to_numpy()] = "gentrifying from 2014"
    role[(buurten["name"] == RESTRUCTURING).to_numpy()] = (
        f"restructuring {RESTRUCTURING_YEAR} (demolition and sales of social housing)")
    role[(buurten["area_type"] == "H").to_numpy()] = "harbour redevelopment from 2015"
    role[(buurten["gemeente_code"] == DISPLACEMENT_SUBURB).to_numpy()] = (
        "suburban growth, cheap new construction 2016-2021")
    role[(buurten["name"] == INFRA_RICH).to_numpy()] = "rich social infrastructure"
    role[(buurten["name"] == INFRA_POOR).to_numpy()] = "poor social infrastructure"
    role[(buurten["name"] == ELITE_ENCLAVE).to_numpy()] = (
        "elite enclave, exclusive new-build 2016-2021")
    buurten["role"] = role
    buurten["area_type"] = buurten["area_type"].map(AREA_TYPES)
    buurten["kind"] = [r["area_type"] for r in rows]
    buurten["area_ha"] = [round(p.area / 10_000, 1) for p in polygons]
    buurten["x"] = [round(p.centroid.x) for p in polygons]
    buurten["y"] = [round(p.centroid.y) for p in polygons]
    water = [("Havenrivier", Polygon([(1000, 6000), (16000, 6000), (16000, 6400),
                                      (1000, 6400)])),
             ("Buitenhaven", Polygon([(1500, 5300), (3800, 5300), (3800, 7100),
                                      (1500, 7100)]))]
    return Geography(buurten=buurten, polygons=polygons, water=water)


# --------------------------------------------------------------------------------------
# Step 2: housing stock and housing policy
# --------------------------------------------------------------------------------------

# kind -> (dwellings in 2011, share social, share private rent, price level in 2011)
_STOCK = {
    "C": (800, 0.35, 0.35, 0.6), "H": (550, 0.55, 0.25, -0.4),
    "W": (1000, 0.62, 0.25, -0.5), "P": (1000, 0.72, 0.06, -0.8),
    "V": (420, 0.03, 0.07, 2.5), "M": (900, 0.28, 0.14, 0.3),
    "N": (1100, 0.15, 0.05, 0.8), "O": (1000, 0.30, 0.10, 0.1),
    "Z": (1000, 0.38, 0.08, -0.4),
}


@dataclass
class HousingStock:
    """Step 2 result: dwellings as parallel arrays plus the buurt price paths."""

    buurt: np.ndarray  # buurt index
    tenure: np.ndarray  # 0 social, 1 private, 2 owner
    quality: np.ndarray  # dwelling-specific price deviation
    built: np.ndarray  # year the dwelling enters the stock (2010 = before 2011)
    demolished: np.ndarray  # year it leaves the stock (9999 = never)
    price_level: np.ndarray  # (n_buurten, n_years) buurt price level
    construction: list  # (year, buurt index, tenure, count, mean quality)


def build_housing_stock(geo: Geography, rng: np.random.Generator) -> HousingStock:
    """Step 2: individual dwellings and the price level of each buurt per year.

    Price levels are on the scale of the national normal income score: a dwelling
    in a buurt with level 1 is, before noise, matched to a household one standard
    deviation above the national median. Gentrifying buurten gain 0.16 a year from
    2014, harbour buurten 0.12 a year from 2015 (redevelopment), the elite enclave
    :data:`ELITE_PREMIUM` a year from 2015. New construction: upmarket flats in the
    harbour, exclusive villas in the elite enclave, middle-segment infill in post-war
    buurten from :data:`MIXING_FROM`, cheap homes in the displacement suburb.
    """
    b = geo.buurten
    kinds = b["kind"].to_numpy()
    n_b = len(b)
    levels = np.zeros((n_b, len(YEARS)))
    parts_b, parts_t, parts_q = [], [], []
    for i, kind in enumerate(kinds):
        n0, s_social, s_private, level = _STOCK[kind]
        n = round(n0 * rng.uniform(0.85, 1.15))
        tenure = rng.choice(3, size=n, p=[s_social, s_private, 1 - s_social - s_private])
        parts_b.append(np.full(n, i))
        parts_t.append(tenure)
        parts_q.append(rng.normal(0, 0.25, n) + np.select(
            [tenure == SOCIAL, tenure == OWNER], [-0.15, 0.25], 0.0))
        path = np.full(len(YEARS), level + rng.normal(0, 0.08))
        years = np.asarray(YEARS)
        if b["name"].iat[i] in GENTRIFYING:
            path += 0.16 * np.clip(years - 2013, 0, 6)
        if kind == "H":
            path += 0.12 * np.clip(years - 2014, 0, 5)
        if kind == "Z":
            path -= 0.12 * np.clip(years - 2015, 0, None)
        if kind == "N":
            path += 0.25 * np.clip(years - 2015, 0, None)
        if b["name"].iat[i] == ELITE_ENCLAVE:  # a rising price premium from 2015
            path += ELITE_PREMIUM * np.clip(years - 2014, 0, 6)
        levels[i] = path
    buurt = np.concatenate(parts_b)
    tenure = np.concatenate(parts_t)
    quality = np.concatenate(parts_q)
    construction: list[tuple[int, int, int, int, float]] = []
    for i, kind in enumerate(kinds):
        name = b["name"].iat[i]
        if name == ELITE_ENCLAVE:  # exclusive new-build: large villas on the estate
            for year in range(2016, 2022):
                construction += [(year, i, OWNER, ELITE_NEW_BUILD, 1.5)]
        if kind == "P" and name != RESTRUCTURING:
            # infill in post-war buurten: middle-segment homes to mix the buurt
            for year in range(MIXING_FROM, 2022):
                construction += [(year, i, OWNER, MIXING_OWNER, 0.35),
                                 (year, i, PRIVATE, MIXING_PRIVATE, 0.35)]
        if kind == "H":  # harbour redevelopment: mostly owner-occupied and private rent
            for year in range(2015, 2022):
                construction += [(year, i, OWNER, 60, HARBOUR_QUALITY),
                                 (year, i, PRIVATE, 30, HARBOUR_QUALITY),
                                 (year, i, SOCIAL, 10, 0.35)]
        if kind == "Z":
            for year in range(2016, 2022):  # cheap new construction in the growth town
                construction += [(year, i, SOCIAL, 130, 0.35), (year, i, PRIVATE, 100, 0.35)]
        if kind == "N":
            for year in range(2016, 2022):
                construction += [(year, i, OWNER, 60, 0.35)]
        if kind == "O":
            for year in range(2014, 2021):
                construction += [(year, i, OWNER, 15, 0.35), (year, i, PRIVATE, 5, 0.35)]
        if name == RESTRUCTURING:  # rebuilt after the demolition, fewer social homes
            construction += [(RESTRUCTURING_YEAR + 2, i, OWNER, 140, 0.35),
                             (RESTRUCTURING_YEAR + 2, i, PRIVATE, 60, 0.35),
                             (RESTRUCTURING_YEAR + 3, i, SOCIAL, 60, 0.35)]
    return HousingStock(buurt=buurt, tenure=tenure, quality=quality,
                        built=np.full(len(buurt), FIRST_YEAR - 1),
                        demolished=np.full(len(buurt), 9999), price_level=levels,
                        construction=construction)


def _social_sale_probability(geo: Geography, year: int) -> np.ndarray:
    """Chance that a vacant social dwelling is sold (to owner-occupation) in ``year``."""
    b = geo.buurten
    kind = b["kind"].to_numpy()
    p = np.select([kind == "P", kind == "W", kind == "M", kind == "C"],
                  [0.01, 0.05, 0.15, 0.20], 0.015)
    gentrifying = b["name"].isin(GENTRIFYING).to_numpy()
    if year >= 2014:
        p = np.where(gentrifying, 0.40, p)
        p = np.where(kind == "M", SALE_MIXED, np.where(kind == "C", SALE_CENTRE, p))
    p = np.where(b["kind"].eq("H") & (year >= 2015), 0.25, p)
    return p


# --------------------------------------------------------------------------------------
# Step 3: households and moves
# --------------------------------------------------------------------------------------

def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _new_households(n: int, rng: np.random.Generator, initial: bool, year: int) -> dict:
    """Static attributes of ``n`` new households (initial population or newcomers).

    Newcomers are richer every year from 2015 (the "return to the city" of young
    graduates), so the city can gentrify while poorer households are pushed out.
    """
    if initial:
        age = np.clip(20 + rng.gamma(2.6, 11.5, n), 19, 95)
    else:
        age = np.clip(20 + rng.gamma(2.0, 6.5, n), 19, 90)
    z = rng.normal(0.03 + 0.05 * max(0, year - 2014), 1.22, n) + 0.012 * np.clip(age - 45, -20, 15)
    r = rng.random(n)
    p_kids = np.where((age >= 27) & (age <= 55), 0.42, 0.06)
    p_single_parent = np.where((age >= 24) & (age <= 55), 0.05 + 0.04 * (z < -0.5), 0.01)
    p_couple = np.where(age > 55, 0.40, 0.25)
    hh_type = np.select([r < p_kids, r < p_kids + p_single_parent,
                         r < p_kids + p_single_parent + p_couple],
                        [2, 3, 1], 0)
    n_children = np.where(hh_type >= 2, rng.integers(1, 4, n), 0)
    n_children = np.where(hh_type == 3, np.minimum(n_children, 2), n_children)
    persons = np.select([hh_type == 0, hh_type == 1, hh_type == 2],
                        [1, 2, 2 + n_children], 1 + n_children)
    p_out = _sigmoid(-1.27 - 0.75 * z + 0.4 * (age < 45))
    r = rng.random(n)
    background = np.where(r < p_out, 2, np.where(r < p_out + 0.08, 1, 0))
    p_local = _sigmoid(-0.1 + 0.9 * (n_children > 0) + 0.6 * (age >= 65)
                       - 0.35 * z - 0.8 * (age < 30) + 0.3 * (background == 2))
    lifestyle = np.where(rng.random(n) < p_local, 0, 1)
    return {"z_perm": z, "age0": age, "hh_type": hh_type, "n_children": n_children,
            "persons": persons, "background": background, "lifestyle": lifestyle}


def _rank_match(score: np.ndarray, value: np.ndarray) -> np.ndarray:
    """Return, for each score, the index into ``value`` of equal rank (len equal)."""
    order_s = np.argsort(score, kind="stable")
    order_v = np.argsort(value, kind="stable")
    out = np.empty(len(score), dtype=np.int64)
    out[order_s] = order_v
    return out


def _allocate(z: np.ndarray, age: np.ndarray, urgent: np.ndarray, vacant: np.ndarray,
              d_tenure: np.ndarray, d_price: np.ndarray, year: int,
              rng: np.random.Generator) -> np.ndarray:
    """Give each searcher one of the vacant dwellings; return dwelling ids.

    Two noisy rank matchings: first tenure (the lowest scores get social rent, the
    highest owner-occupation), then within a tenure income rank to price rank. Social
    allocation is more targeted on low incomes every year (EU income limit 2011,
    passend toewijzen 2016): its noise falls from 1.6 to 0.64 (2019). From 2016 the
    national bottom 10 % are steered to the cheapest social homes (passend toewijzen),
    and the bid premium of the very rich grows (see :data:`TOP_BID_GROWTH`). Urgent
    searchers (displaced by demolition) get priority for social rent.
    """
    n = len(z)
    if n > len(vacant):
        raise RuntimeError("more searchers than vacant dwellings")
    chosen = rng.permutation(vacant)[:n]
    ten = d_tenure[chosen]
    n_social, n_owner = int((ten == SOCIAL).sum()), int((ten == OWNER).sum())
    social_noise = 1.6 - TARGETING_STEP * min(year - FIRST_YEAR, 8)
    social_score = z + rng.normal(0, social_noise, n) - 3.0 * urgent
    order = np.argsort(social_score, kind="stable")
    tenure_of = np.full(n, PRIVATE)
    tenure_of[order[:n_social]] = SOCIAL
    rest = order[n_social:]
    owner_score = z[rest] + rng.normal(0, 1.0, len(rest)) + 0.015 * np.clip(age[rest] - 35,
                                                                          -15, 10)
    top = rest[np.argsort(owner_score, kind="stable")[len(rest) - n_owner:]]
    tenure_of[top] = OWNER
    out = np.empty(n, dtype=np.int64)
    # the very rich out-bid everybody, more and more so from 2015 (a rising premium)
    convexity = 0.6 + TOP_BID_GROWTH * min(max(year - 2014, 0), 6)
    bid = z + convexity * np.clip(z - 1.5, 0, None) ** 2
    # passend toewijzen (2016): the lowest incomes are steered to the cheapest social homes
    if year >= 2016:
        bid = bid - np.where(tenure_of == SOCIAL, PASSEND_PUSH * (z < BOTTOM_10_SCORE), 0.0)
    for k, noise in ((SOCIAL, 3.0), (PRIVATE, 2.0), (OWNER, 1.2)):
        who = np.flatnonzero(tenure_of == k)
        homes = chosen[ten == k]
        if len(who) == 0:
            continue
        match = _rank_match(bid[who] + rng.normal(0, noise, len(who)),
                            d_price[homes] + rng.normal(0, 0.15, len(homes)))
        out[who] = homes[match]
    return out


@dataclass
class Households:
    """Step 3 result."""

    static: pd.DataFrame
    panel: pd.DataFrame
    moves: pd.DataFrame
    dwellings: pd.DataFrame


def simulate_households(geo: Geography, stock: HousingStock,
                        rng: np.random.Generator) -> Households:
    """Step 3: fill the dwellings in 2011 and let households move until 2022.

    Each year: the housing policy acts (new construction; demolition in the
    restructuring buurt; landlords in gentrifying buurten sell private rental homes,
    whose tenants must leave; vacant social homes are sold or let on), households
    leave the region, some move by choice or because of a rent increase (private
    tenants on low incomes in gentrifying buurten; social tenants with higher
    incomes under the income-dependent rent increase from 2013), newcomers arrive,
    and all searchers are allocated with :func:`_allocate`. From
    :data:`DISPLACEMENT_FROM` two steps come first: low-income households leaving a
    city home (and low-income newcomers) look in the displacement suburb first
    (chance :data:`SUBURB_P_FORCED` if forced out, :data:`SUBURB_P_OTHER` otherwise),
    and a share :data:`MIDDLE_RESERVED` of the vacant social homes in post-war buurten
    is let by lottery to middle incomes (selective allocation to mix the buurt).
    """
    b = geo.buurten
    n_b = len(b)
    gentrifying = b["name"].isin(GENTRIFYING).to_numpy()
    restructuring = int(np.flatnonzero(b["name"].to_numpy() == RESTRUCTURING)[0])
    in_city = (b["gemeente_code"] == "GM9901").to_numpy()
    in_suburb = (b["gemeente_code"] == DISPLACEMENT_SUBURB).to_numpy()
    post_war = (b["kind"] == "P").to_numpy()
    d_buurt = list(stock.buurt)
    d_tenure = list(stock.tenure)
    d_quality = list(stock.quality)
    d_alive = [True] * len(d_buurt)

    def arrays():
        return (np.asarray(d_buurt), np.asarray(d_tenure), np.asarray(d_quality),
                np.asarray(d_alive))

    attrs: dict[str, list] = {k: [] for k in ("z_perm", "age0", "hh_type", "n_children",
                                              "persons", "background", "lifestyle",
                                              "first_year")}

    def add_households(n: int, year: int, initial: bool) -> np.ndarray:
        new = _new_households(n, rng, initial, year)
        start = len(attrs["z_perm"])
        for key, values in new.items():
            attrs[key].extend(values.tolist())
        attrs["first_year"].extend([year] * n)
        return np.arange(start, start + n)

    # --- 2011: everybody is a searcher -------------------------------------------
    db, dt, dq, alive = arrays()
    year_i = 0
    price = stock.price_level[db, year_i] + dq
    n0 = round(0.975 * len(db))
    hh = add_households(n0, FIRST_YEAR, initial=True)
    z_perm = np.asarray(attrs["z_perm"])
    age0 = np.asarray(attrs["age0"])
    home = _allocate(z_perm, age0, np.zeros(n0, bool), np.arange(len(db)), dt, price,
                     FIRST_YEAR, rng)
    occupant = np.full(len(db), -1)
    occupant[home] = hh

    panel_parts = []
    move_parts = []
    flow_rows = []
    stock_rows = []
    exited: dict[int, int] = {}

    def record(year: int) -> None:
        db_, dt_, _, alive_ = arrays()
        occ = np.flatnonzero(occupant[: len(db_)] >= 0)
        ids = occupant[occ]
        z_now = np.asarray(attrs["z_perm"])[ids] + transitory_all[ids]
        income = np.round(income_from_score(z_now, year), -2)
        panel_parts.append(pd.DataFrame({
            "household_id": ids, "year": year, "buurt": db_[occ], "tenure": dt_[occ],
            "income": income.astype(np.int64),
        }))
        counts = np.zeros((n_b, 3), dtype=np.int64)
        np.add.at(counts, (db_[alive_], dt_[alive_]), 1)
        stock_rows.append((year, counts))

    transitory_all = np.zeros(200_000)
    record(FIRST_YEAR)
    flow_rows.append((FIRST_YEAR, np.zeros((n_b, 5), dtype=np.int64)))

    for year_i, year in enumerate(YEARS[1:], start=1):
        flows = np.zeros((n_b, 5), dtype=np.int64)  # built, demolished, sold, lib., pr.sold
        n_ids = len(attrs["z_perm"])
        transitory_all[:n_ids] = (0.7 * transitory_all[:n_ids]
                                  + rng.normal(0, 0.18, n_ids))
        # new construction
        for c_year, i, tenure, count, quality in stock.construction:
            if c_year == year:
                d_buurt.extend([i] * count)
                d_tenure.extend([tenure] * count)
                d_quality.extend((rng.normal(0, 0.25, count) + quality).tolist())
                d_alive.extend([True] * count)
                flows[i, 0] += count
        db, dt, dq, alive = arrays()
        occupant = np.concatenate([occupant, np.full(len(db) - len(occupant), -1)])
        reason = {}  # household -> reason code for forced/choice moves
        old_home = {}  # household -> dwelling it leaves
        # demolition in the restructuring buurt
        if year == RESTRUCTURING_YEAR:
            cand = np.flatnonzero((db == restructuring) & (dt == SOCIAL) & alive)
            cand = cand[np.argsort(dq[cand], kind="stable")][:330]
            for d in cand:
                d_alive[d] = False
                if occupant[d] >= 0:
                    reason[int(occupant[d])] = 2
                    old_home[int(occupant[d])] = d
                    occupant[d] = -1
            flows[restructuring, 1] += len(cand)
            db, dt, dq, alive = arrays()
        # landlords sell private rental homes in gentrifying buurten (uitponding)
        if year >= 2014:
            cand = np.flatnonzero(gentrifying[db] & (dt == PRIVATE) & alive)
            sold = cand[rng.random(len(cand)) < 0.06]
            for d in sold:
                d_tenure[d] = OWNER
                if occupant[d] >= 0:
                    reason[int(occupant[d])] = 3
                    old_home[int(occupant[d])] = d
                    occupant[d] = -1
            np.add.at(flows[:, 4], db[sold], 1)
            db, dt, dq, alive = arrays()
        # households leave the region; the others may move
        occ = np.flatnonzero(occupant >= 0)
        ids = occupant[occ]
        age = np.asarray(attrs["age0"])[ids] + (year - FIRST_YEAR)
        z_now = np.asarray(attrs["z_perm"])[ids] + transitory_all[ids]
        p_exit = 0.028 + 0.05 * (age > 78) + 0.03 * (age < 30)
        leaving = rng.random(len(ids)) < p_exit
        for h in ids[leaving]:
            exited[int(h)] = year - 1
        occupant[occ[leaving]] = -1
        stay = ~leaving
        occ, ids, age, z_now = occ[stay], ids[stay], age[stay], z_now[stay]
        ten = dt[occ]
        p_rent = np.zeros(len(ids))
        if year >= 2014:
            p_rent += np.where(gentrifying[db[occ]] & (ten == PRIVATE) & (z_now < 0.2),
                               0.14, 0.0)
        if year >= 2013:
            p_rent += np.where((ten == SOCIAL) & (z_now > 0.3), 0.10, 0.0)
        p_rent += np.where((ten == PRIVATE) & (z_now < -1.0), 0.01, 0.0)
        p_choice = 0.055 + 0.09 * (age < 35) + 0.03 * (ten == PRIVATE)
        r = rng.random(len(ids))
        rent_move = r < p_rent
        choice_move = ~rent_move & (r < p_rent + p_choice)
        for h, d in zip(ids[rent_move], occ[rent_move], strict=True):
            reason[int(h)] = 1
            old_home[int(h)] = d
        for h, d in zip(ids[choice_move], occ[choice_move], strict=True):
            reason[int(h)] = 0
            old_home[int(h)] = d
        occupant[occ[rent_move | choice_move]] = -1
        # vacant social dwellings are sold to owner-occupiers or let on the free market
        vac = np.flatnonzero(alive & (occupant < 0) & (dt == SOCIAL))
        p_sale = _social_sale_probability(geo, year)[db[vac]]
        r = rng.random(len(vac))
        sold = vac[r < p_sale]
        liberalised = vac[(r >= p_sale) & (r < p_sale + 0.02)]
        for d in sold:
            d_tenure[d] = OWNER
        for d in liberalised:
            d_tenure[d] = PRIVATE
        np.add.at(flows[:, 2], db[sold], 1)
        np.add.at(flows[:, 3], db[liberalised], 1)
        db, dt, dq, alive = arrays()
        # searchers: movers plus newcomers to fill the vacancies (2.5 % stay empty)
        movers = np.asarray(sorted(reason), dtype=np.int64)
        vacant = np.flatnonzero(alive & (occupant < 0))
        n_new = max(0, len(vacant) - round(0.025 * int(alive.sum())) - len(movers))
        newcomers = add_households(n_new, year, initial=False)
        searchers = np.concatenate([movers, newcomers])
        z_s = np.asarray(attrs["z_perm"])[searchers] + transitory_all[searchers]
        age_s = np.asarray(attrs["age0"])[searchers] + (year - FIRST_YEAR)
        urgent = np.isin(searchers, [h for h, c in reason.items() if c == 2])
        price = stock.price_level[db, year_i] + dq
        new_home = np.empty(len(searchers), dtype=np.int64)
        # displacement: from 2016 low-income households who must move (or arrive) look
        # first in the cheap suburb; they get its vacancies before anybody else
        to_suburb = np.zeros(len(searchers), dtype=bool)
        if year >= DISPLACEMENT_FROM:
            forced = np.isin(searchers, [h for h, c in reason.items() if c > 0])
            p_suburb = np.where(forced, SUBURB_P_FORCED, SUBURB_P_OTHER)
            from_city = np.ones(len(searchers), dtype=bool)
            from_city[: len(movers)] = in_city[db[[old_home[int(h)] for h in movers]]]
            to_suburb = ((z_s < LOW_INCOME_SCORE) & from_city
                         & (rng.random(len(searchers)) < p_suburb))
            suburb_vacant = vacant[in_suburb[db[vacant]]]
            idx = np.flatnonzero(to_suburb)
            if len(idx) > len(suburb_vacant):
                to_suburb[rng.permutation(idx)[len(suburb_vacant):]] = False
            idx = np.flatnonzero(to_suburb)
            new_home[idx] = _allocate(z_s[idx], age_s[idx], urgent[idx], suburb_vacant, dt,
                                      price, year, rng)
            vacant = np.setdiff1d(vacant, new_home[idx])
        # mixing by allocation (Rotterdamwet-like selective allocation, from 2016): a
        # share of the vacant social homes in post-war buurten goes to middle incomes
        placed = to_suburb.copy()
        if year >= DISPLACEMENT_FROM and MIDDLE_RESERVED > 0:
            reserved = vacant[post_war[db[vacant]] & (dt[vacant] == SOCIAL)]
            reserved = reserved[rng.random(len(reserved)) < MIDDLE_RESERVED]
            idx = np.flatnonzero(~placed & (z_s >= LOW_INCOME_SCORE) & (z_s < HIGH_INCOME_SCORE))
            idx = rng.permutation(idx)[: len(reserved)]
            reserved = rng.permutation(reserved)[: len(idx)]
            new_home[idx] = reserved  # a random match: it is a lottery among the middle
            placed[idx] = True
            vacant = np.setdiff1d(vacant, reserved)
        rest = np.flatnonzero(~placed)
        new_home[rest] = _allocate(z_s[rest], age_s[rest], urgent[rest], vacant, dt, price,
                                   year, rng)
        occupant[new_home] = searchers
        m = len(movers)
        moved = new_home[:m] != np.asarray([old_home[int(h)] for h in movers], dtype=np.int64)
        prev = panel_parts[-1].set_index("household_id")
        move_parts.append(pd.DataFrame({
            "household_id": movers, "year": year,
            "from_buurt": prev.loc[movers, "buurt"].to_numpy(),
            "to_buurt": db[new_home[:m]],
            "reason": [reason[int(h)] for h in movers],
            "from_tenure": prev.loc[movers, "tenure"].to_numpy(),
            "to_tenure": dt[new_home[:m]],
        })[moved])
        record(year)
        flow_rows.append((year, flows))

    n_ids = len(attrs["z_perm"])
    last_year = np.full(n_ids, LAST_YEAR)
    for h, y in exited.items():
        last_year[h] = y
    static = pd.DataFrame({k: np.asarray(v) for k, v in attrs.items()})
    static.insert(0, "household_id", np.arange(n_ids))
    static["last_year"] = last_year
    panel = pd.concat(panel_parts, ignore_index=True)
    moves = pd.concat(move_parts, ignore_index=True)
    dwell = []
    for (year, counts), (_, flows) in zip(stock_rows, flow_rows, strict=True):
        frame = pd.DataFrame(counts, columns=list(TENURES))
        frame.insert(0, "buurt", np.arange(n_b))
        frame.insert(1, "year", year)
        frame["total"] = counts.sum(axis=1)
        for j, col in enumerate(("built", "demolished", "social_sold", "social_liberalised",
                                 "private_sold")):
            frame[col] = flows[:, j]
        dwell.append(frame)
    return Households(static=static, panel=panel, moves=moves,
                      dwellings=pd.concat(dwell, ignore_index=True))


# --------------------------------------------------------------------------------------
# Step 4: organisations (social infrastructure)
# --------------------------------------------------------------------------------------

ORGANISATION_TYPES = ("community_centre", "youth_space", "welfare_organisation",
                      "volunteer_organisation", "church", "mosque", "gym", "cafe", "shop",
                      "library", "school", "municipal_service")
FUNDING = ("structural", "incidental", "own_income", "commercial")

# type -> (expected number per buurt by kind C/H/W/P/V/M/suburb, P(structural | subsidised)
#          or funding, P(bridging), P(meeting place), P(referral), P(explains gov. info))
_ORG_TYPES = {
    "community_centre": ((0.3, 0.4, 0.8, 0.8, 0.0, 0.4, 0.4), 0.55, 0.80, 1.0, 0.8, 0.7),
    "youth_space": ((0.2, 0.2, 0.5, 0.6, 0.0, 0.2, 0.2), 0.30, 0.50, 1.0, 0.5, 0.2),
    "welfare_organisation": ((0.4, 0.2, 0.4, 0.4, 0.0, 0.1, 0.2), 0.65, 0.60, 0.3, 1.0, 0.9),
    "volunteer_organisation": ((0.4, 0.3, 0.6, 0.6, 0.3, 0.5, 0.5), 0.25, 0.60, 0.6, 0.5,
                               0.5),
    "church": ((0.6, 0.2, 0.6, 0.4, 0.4, 0.5, 0.6), "own_income", 0.15, 1.0, 0.4, 0.2),
    "mosque": ((0.2, 0.1, 0.4, 0.4, 0.0, 0.1, 0.1), "own_income", 0.10, 1.0, 0.4, 0.4),
    "gym": ((1.0, 0.3, 0.4, 0.3, 0.3, 0.6, 0.4), "commercial", 0.50, 0.6, 0.0, 0.0),
    "cafe": ((4.0, 1.0, 1.5, 0.6, 0.3, 1.0, 0.7), "commercial", 0.40, 1.0, 0.0, 0.0),
    "shop": ((5.0, 1.0, 2.0, 1.5, 0.5, 1.5, 1.5), "commercial", 0.70, 0.2, 0.0, 0.0),
    "library": ((0.4, 0.0, 0.2, 0.2, 0.0, 0.2, 0.3), 1.0, 0.90, 1.0, 0.6, 1.0),
    "school": ((0.6, 0.2, 0.8, 1.0, 0.5, 0.9, 1.0), 1.0, 0.70, 0.3, 0.7, 0.3),
}
_KIND_COLUMN = {"C": 0, "H": 1, "W": 2, "P": 3, "V": 4, "M": 5}
_CLOSURE_HAZARD = {"structural": 0.012, "incidental": 0.06, "own_income": 0.012,
                   "commercial": 0.035}
_TURNOVER = {"structural": 0.10, "incidental": 0.34, "own_income": 0.08, "commercial": 0.25}


def _cuts_multiplier(year: int, funding: str) -> float:
    """Closure hazard multiplier: municipal cuts after 2008 (2011-2014) hit subsidised
    organisations; the 2015 decentralisation (Wmo 2015) adds a little; NPLV (2022)
    brings relief."""
    if funding not in ("structural", "incidental"):
        return 1.0
    if year <= 2014:
        return 3.0
    if year == 2015:
        return 1.5
    return 0.5 if year >= 2021 else 1.0


def build_organisations(geo: Geography, rng: np.random.Generator) -> pd.DataFrame:
    """Step 4: organisations with location, years, funding, turnover and functions.

    Counts per buurt follow the area type; subsidised organisations are funded
    structurally or with incidental project money; every year an open organisation
    closes with a hazard set by its funding and by the cuts of 2011-2014. In 2016 the
    community centre of the restructuring buurt closes and reopens next door. In 2022
    the national programme NPLV reopens community centres and youth spaces in
    post-war buurten that lost theirs.
    """
    b = geo.buurten
    rows: list[dict] = []
    suburb_col = 6
    for i, r in b.iterrows():
        col = _KIND_COLUMN.get(r["kind"], suburb_col)
        for org_type, (rates, funding, p_bridge, p_meet, p_ref, p_gov) in _ORG_TYPES.items():
            rate = rates[col]
            if r["name"] == INFRA_RICH and org_type in ("community_centre", "library",
                                                        "youth_space", "volunteer_organisation",
                                                        "welfare_organisation", "mosque"):
                rate = 1.6
            if r["name"] == INFRA_POOR and org_type not in ("shop", "cafe"):
                rate = 0.0
            n = int(rng.poisson(rate))
            if r["name"] == INFRA_POOR and org_type == "community_centre":
                n = 1  # opened in the 1970s, closed in the cuts of 2012 (see below)
            for _ in range(n):
                if isinstance(funding, str):
                    fund = funding
                else:
                    fund = "structural" if rng.random() < funding else "incidental"
                rows.append({"buurt": i, "type": org_type, "funding": fund,
                             "bridging": rng.random() < p_bridge,
                             "meeting_place": rng.random() < p_meet,
                             "referral": rng.random() < p_ref,
                             "explains_government_info": rng.random() < p_gov})
    orgs = pd.DataFrame(rows)
    n = len(orgs)
    type_founding = {"church": (1890, 1975), "mosque": (1975, 2008), "school": (1920, 2005),
                     "library": (1950, 1990), "community_centre": (1960, 2005)}
    founded = np.array([rng.integers(*type_founding.get(t, (1980, 2011)))
                        for t in orgs["type"]])
    # some organisations are founded during the period (cafés and gyms in gentrifying
    # buurten in particular)
    late = rng.random(n) < np.where(orgs["type"].isin(["cafe", "gym", "shop"]), 0.25, 0.08)
    founded = np.where(late, rng.integers(2011, 2022, n), founded)
    closed = np.zeros(n, dtype=np.int64)
    for j in range(n):
        fund = orgs["funding"].iat[j]
        for year in YEARS:
            if year <= founded[j]:
                continue
            hazard = _CLOSURE_HAZARD[fund] * _cuts_multiplier(year, fund)
            if rng.random() < hazard:
                closed[j] = year
                break
    orgs["founded"] = founded
    orgs["closed"] = closed
    poor = np.flatnonzero((b["name"] == INFRA_POOR).to_numpy())[0]
    is_poor_cc = (orgs["buurt"] == poor) & (orgs["type"] == "community_centre")
    orgs.loc[is_poor_cc, ["funding", "founded", "closed"]] = ["incidental", 1974, 2012]
    orgs["staff_turnover"] = np.round(np.clip(
        orgs["funding"].map(_TURNOVER).to_numpy() + rng.normal(0, 0.05, n), 0.02, 0.8), 2)
    orgs["predecessor_id"] = -1
    orgs["note"] = ""
    # restructuring: the community centre moves next door
    restr = np.flatnonzero((b["name"] == RESTRUCTURING).to_numpy())[0]
    neighbour = np.flatnonzero((b["name"] == "Sternhof").to_numpy())[0]
    cc = orgs.index[(orgs["buurt"] == restr) & (orgs["type"] == "community_centre")]
    if len(cc) == 0:
        orgs.loc[len(orgs)] = {**orgs.iloc[0].to_dict(), "buurt": restr,
                               "type": "community_centre", "funding": "structural",
                               "bridging": True, "meeting_place": True, "referral": True,
                               "explains_government_info": True, "founded": 1968,
                               "closed": 0, "staff_turnover": 0.1}
        cc = orgs.index[(orgs["buurt"] == restr) & (orgs["type"] == "community_centre")]
    first = cc[0]
    orgs.loc[first, ["closed", "note"]] = [RESTRUCTURING_YEAR, "building demolished"]
    moved = orgs.loc[first].to_dict()
    moved.update(buurt=neighbour, founded=RESTRUCTURING_YEAR, closed=0,
                 predecessor_id=int(first), note="relocated after the demolition")
    extra = [moved]
    # NPLV (2022): reopen community centres and youth spaces in post-war buurten
    kinds = b["kind"].to_numpy()
    gone = orgs[orgs["type"].isin(["community_centre", "youth_space"]) & (orgs["closed"] > 0)
                & (kinds[orgs["buurt"]] == "P") & (orgs["buurt"] != restr)]
    for j, row in gone.iterrows():
        if rng.random() < 0.6:
            new = row.to_dict()
            new.update(founded=2022, closed=0, funding="structural", predecessor_id=int(j),
                       staff_turnover=round(float(rng.uniform(0.08, 0.15)), 2),
                       note="reopened with NPLV money")
            extra.append(new)
    orgs = pd.concat([orgs, pd.DataFrame(extra)], ignore_index=True)
    # municipal services: a social neighbourhood team per wijk and city-wide desks
    services = []
    for _, grp in b.groupby("wijk_code", sort=True):
        services.append({"buurt": int(grp.index[0]), "type": "municipal_service",
                         "name": f"Sociaal wijkteam {grp['wijk_name'].iat[0]}"})
    centre = int(np.flatnonzero(b["kind"].to_numpy() == "C")[0])
    services += [{"buurt": centre, "type": "municipal_service", "name": name}
                 for name in ("Schuldhulp Havenstad", "Wmo-loket Havenstad",
                              "Jongerenloket Havenstad")]
    services = pd.DataFrame(services)
    services = services.assign(funding="structural", bridging=True, meeting_place=False,
                               referral=True, explains_government_info=True, founded=2005,
                               closed=0, staff_turnover=np.round(
                                   rng.uniform(0.08, 0.2, len(services)), 2),
                               predecessor_id=-1, note="")
    orgs = pd.concat([orgs.drop(columns=[c for c in ("name",) if c in orgs]), services],
                     ignore_index=True)
    # names and points
    names = []
    counter: dict[tuple[int, str], int] = {}
    for j in range(len(orgs)):
        if isinstance(orgs.get("name", pd.Series([None] * len(orgs))).iat[j], str):
            names.append(orgs["name"].iat[j])
            continue
        key = (int(orgs["buurt"].iat[j]), orgs["type"].iat[j])
        counter[key] = counter.get(key, 0) + 1
        label = orgs["type"].iat[j].replace("_", " ")
        names.append(f"{label.capitalize()} {b['name'].iat[key[0]]} {counter[key]}")
    orgs["name"] = names
    pts = [_random_points(geo.polygons[int(i)], 1, rng)[0] for i in orgs["buurt"]]
    orgs["x"] = [int(p[0]) for p in pts]
    orgs["y"] = [int(p[1]) for p in pts]
    orgs.insert(0, "organisation_id", np.arange(len(orgs)))
    orgs["orientation"] = np.where(orgs["bridging"].astype(bool), "bridging", "bonding")
    return orgs.drop(columns=["bridging"])


def _random_points(polygon, n: int, rng: np.random.Generator) -> np.ndarray:
    """``n`` uniform random points inside ``polygon`` (rejection sampling)."""
    import shapely

    x0, y0, x1, y1 = polygon.bounds
    out = np.empty((0, 2))
    while len(out) < n:
        cand = np.column_stack([rng.uniform(x0, x1, 2 * n + 8), rng.uniform(y0, y1, 2 * n + 8)])
        inside = shapely.contains_xy(polygon, cand[:, 0], cand[:, 1])
        out = np.vstack([out, cand[inside]])
    return np.round(out[:n])


# --------------------------------------------------------------------------------------
# Step 5: ties - participation, referrals, resident-resident ties
# --------------------------------------------------------------------------------------

def _affinity(org_type: str, h: dict) -> np.ndarray:
    """How much a household is drawn to an organisation type (before distance)."""
    kids = h["n_children"] > 0
    old = h["age"] >= 65
    low = h["z"] < -0.5
    local = h["lifestyle"] == 0
    bg = h["background"]
    one = np.ones(len(kids))
    table = {
        "community_centre": 0.6 + 1.2 * local + 0.6 * old + 0.5 * low,
        "youth_space": 1.5 * kids,
        "welfare_organisation": 0.1 + 1.2 * low,
        "volunteer_organisation": 0.6 + 0.6 * (h["age"] >= 55) + 0.4 * local,
        "church": np.where(bg == 2, 0.4, 0.2 + 1.2 * old),
        "mosque": np.where(bg == 2, 2.0, 0.01),
        "gym": 0.4 + 0.8 * (h["age"] < 50) + 0.3 * (h["z"] > 0.5),
        "cafe": 0.6 + 0.4 * (h["z"] > 0),
        "shop": 1.0 * one,
        "library": 0.5 + 0.8 * kids + 0.3 * old,
        "school": 2.5 * kids,
        "municipal_service": 0.0 * one,
    }
    return table[org_type]


def _spells(panel: pd.DataFrame) -> pd.DataFrame:
    """Residence spells: consecutive years of a household in one buurt."""
    p = panel.sort_values(["household_id", "year"], kind="stable")
    hid = p["household_id"].to_numpy()
    buurt = p["buurt"].to_numpy()
    year = p["year"].to_numpy()
    new = np.ones(len(p), dtype=bool)
    new[1:] = (hid[1:] != hid[:-1]) | (buurt[1:] != buurt[:-1]) | (year[1:] != year[:-1] + 1)
    spell = np.cumsum(new) - 1
    out = pd.DataFrame({"household_id": hid, "buurt": buurt, "year": year, "spell": spell})
    return out.groupby("spell", sort=True).agg(household_id=("household_id", "first"),
                                              buurt=("buurt", "first"),
                                              start=("year", "min"), end=("year", "max"))


def build_participation(geo: Geography, hh: Households, orgs: pd.DataFrame,
                        rng: np.random.Generator) -> pd.DataFrame:
    """Step 5a: which households take part in which organisations, and when.

    For every residence spell a household joins on average 1.6 (neighbourhood-
    oriented) or 0.6 (city-wide) organisations in its own buurt or wijk, chosen by an
    affinity for the organisation type (children: schools and youth spaces; outside-
    Europe background: mosques; older people: churches; low incomes: welfare), five
    times as likely in the own buurt. Participation lasts while both exist.
    """
    b = geo.buurten
    spells = _spells(hh.panel)
    static = hh.static.set_index("household_id")
    wijk_of = b["wijk_code"].to_numpy()
    open_from = np.maximum(orgs["founded"].to_numpy(), FIRST_YEAR)
    open_to = np.where(orgs["closed"].to_numpy() > 0, orgs["closed"].to_numpy() - 1, LAST_YEAR)
    org_buurt = orgs["buurt"].to_numpy()
    org_type = orgs["type"].to_numpy()
    parts = []
    for i in range(len(b)):
        sp = spells[spells["buurt"] == i]
        if sp.empty:
            continue
        cand = np.flatnonzero((wijk_of[org_buurt] == wijk_of[i]) & (org_type != "municipal_service")
                              & (open_to >= FIRST_YEAR) & (open_from <= LAST_YEAR))
        if len(cand) == 0:
            continue
        ids = sp["household_id"].to_numpy()
        s = static.loc[ids]
        mid = (sp["start"].to_numpy() + sp["end"].to_numpy()) // 2
        h = {"n_children": s["n_children"].to_numpy(), "z": s["z_perm"].to_numpy(),
             "age": s["age0"].to_numpy() + (mid - FIRST_YEAR),
             "lifestyle": s["lifestyle"].to_numpy(), "background": s["background"].to_numpy()}
        weight = np.column_stack([_affinity(org_type[c], h) * (5.0 if org_buurt[c] == i else 1.0)
                                  for c in cand])
        overlap_from = np.maximum(sp["start"].to_numpy()[:, None], open_from[cand][None, :])
        overlap_to = np.minimum(sp["end"].to_numpy()[:, None], open_to[cand][None, :])
        weight = np.where(overlap_to >= overlap_from, weight, 0.0)
        keys = np.where(weight > 0, np.log(np.maximum(weight, 1e-300))
                        + rng.gumbel(size=weight.shape), -np.inf)
        k_max = min(4, len(cand))
        top = np.argsort(-keys, axis=1, kind="stable")[:, :k_max]
        lam = np.where(h["lifestyle"] == 0, 1.6, 0.6)
        k = np.minimum(rng.poisson(lam), k_max)
        rows_i, cols_j = np.nonzero(np.arange(k_max)[None, :] < k[:, None])
        chosen = top[rows_i, cols_j]
        ok = np.isfinite(keys[rows_i, chosen])
        rows_i, chosen = rows_i[ok], chosen[ok]
        role = np.where(rng.random(len(rows_i)) < 0.15, "volunteer", "participant")
        parts.append(pd.DataFrame({
            "household_id": ids[rows_i], "organisation_id": orgs["organisation_id"].to_numpy()[
                cand[chosen]],
            "start_year": overlap_from[rows_i, chosen], "end_year": overlap_to[rows_i, chosen],
            "role": role}))
    out = pd.concat(parts, ignore_index=True)
    return out.sort_values(["household_id", "start_year", "organisation_id"],
                           kind="stable").reset_index(drop=True)


def build_referrals(geo: Geography, orgs: pd.DataFrame,
                    rng: np.random.Generator) -> pd.DataFrame:
    """Step 5b: organisation-organisation referral links and links to municipal services.

    An organisation with a referral function links to municipal services, welfare
    organisations and community centres in its wijk (and to the city-wide desks) with
    probability ``logistic(-0.5 + 1.2 structural - 4 turnover + 0.8 same buurt)``:
    stable funding and continuity of people make referral routes. The expected number
    of referrals a year falls with staff turnover.
    """
    b = geo.buurten
    wijk = b["wijk_code"].to_numpy()[orgs["buurt"].to_numpy()]
    gm = b["gemeente_code"].to_numpy()[orgs["buurt"].to_numpy()]
    open_from = np.maximum(orgs["founded"].to_numpy(), FIRST_YEAR)
    open_to = np.where(orgs["closed"].to_numpy() > 0, orgs["closed"].to_numpy() - 1, LAST_YEAR)
    target_type = orgs["type"].isin(["municipal_service", "welfare_organisation",
                                     "community_centre"]).to_numpy()
    citywide = orgs["name"].str.endswith("Havenstad").to_numpy()
    rows = []
    for i in np.flatnonzero(orgs["referral"].to_numpy()):
        if orgs["type"].iat[i] == "municipal_service":
            continue
        cand = np.flatnonzero(target_type & ((wijk == wijk[i]) | (citywide & (gm[i] == "GM9901")))
                              & (np.arange(len(orgs)) != i))
        lo = np.maximum(open_from[cand], open_from[i])
        hi = np.minimum(open_to[cand], open_to[i])
        cand, lo, hi = cand[hi >= lo], lo[hi >= lo], hi[hi >= lo]
        structural = orgs["funding"].iat[i] == "structural"
        turnover = orgs["staff_turnover"].iat[i]
        same = orgs["buurt"].to_numpy()[cand] == orgs["buurt"].iat[i]
        p = _sigmoid(-0.5 + 1.2 * structural - 4.0 * turnover + 0.8 * same)
        keep = rng.random(len(cand)) < p
        for j, a, z in zip(cand[keep], lo[keep], hi[keep], strict=True):
            rows.append((int(orgs["organisation_id"].iat[i]), int(orgs["organisation_id"].iat[j]),
                         int(a), int(z), int(rng.poisson(12 * (1 - turnover)))))
    return pd.DataFrame(rows, columns=["from_id", "to_id", "first_year", "last_year",
                                       "referrals_per_year"])


def build_ties(geo: Geography, hh: Households, orgs: pd.DataFrame,
               participation: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Step 5c: resident-resident ties in a sample of buurten in :data:`TIE_YEAR`.

    For each pair of households in a sampled buurt,
    ``logit P(tie) = -5.4 - d / 250 m + H + 1.3 min(shared foci, 2)`` with the homophily
    term ``H = 1.0 same income quintile + 1.4 same background + 0.8 age gap < 10
    + 0.6 same lifestyle``, halved when they share a bridging organisation (Feld 1981:
    foci; McPherson, Smith-Lovin & Cook 2001: homophily). Home locations are random
    points in the buurt and are not published; the distance is.
    """
    b = geo.buurten
    static = hh.static.set_index("household_id")
    p = hh.panel[hh.panel["year"] == TIE_YEAR]
    active = participation[(participation["start_year"] <= TIE_YEAR)
                           & (participation["end_year"] >= TIE_YEAR)]
    bridging = orgs.set_index("organisation_id")["orientation"].eq("bridging")
    parts = []
    for name in TIE_SAMPLE:
        i = int(np.flatnonzero(b["name"].to_numpy() == name)[0])
        ids = np.sort(p.loc[p["buurt"] == i, "household_id"].to_numpy())
        n = len(ids)
        pos = _random_points(geo.polygons[i], n, rng)
        s = static.loc[ids]
        z = s["z_perm"].to_numpy()
        quint = np.clip(np.floor(5 * _phi(z)), 0, 4)
        bg = s["background"].to_numpy()
        age = s["age0"].to_numpy() + (TIE_YEAR - FIRST_YEAR)
        life = s["lifestyle"].to_numpy()
        a = active[active["household_id"].isin(ids)]
        org_ids = np.unique(a["organisation_id"].to_numpy())
        col = {o: k for k, o in enumerate(org_ids)}
        row = {h: k for k, h in enumerate(ids)}
        member = np.zeros((n, max(1, len(org_ids))))
        member[[row[h] for h in a["household_id"]], [col[o] for o in a["organisation_id"]]] = 1
        is_bridge = np.array([bridging.get(o, False) for o in org_ids] or [False])
        shared = member @ member.T
        shared_bridge = (member * is_bridge) @ member.T
        iu, ju = np.triu_indices(n, 1)
        dist = np.hypot(*(pos[iu] - pos[ju]).T)
        homophily = (1.0 * (quint[iu] == quint[ju]) + 1.4 * (bg[iu] == bg[ju])
                     + 0.8 * (np.abs(age[iu] - age[ju]) < 10) + 0.6 * (life[iu] == life[ju]))
        sb = shared_bridge[iu, ju]
        homophily = np.where(sb > 0, 0.5 * homophily, homophily)
        logit = -5.4 - dist / 250 + homophily + 1.3 * np.minimum(shared[iu, ju], 2)
        tie = rng.random(len(iu)) < _sigmoid(logit)
        parts.append(pd.DataFrame({
            "year": TIE_YEAR, "buurt": i, "household_a": ids[iu[tie]],
            "household_b": ids[ju[tie]], "distance_m": np.round(dist[tie]).astype(np.int64),
            "shared_organisations": shared[iu, ju][tie].astype(np.int64),
            "shared_bridging": sb[tie].astype(np.int64)}))
    return pd.concat(parts, ignore_index=True)


# --------------------------------------------------------------------------------------
# Step 6: published-style statistics
# --------------------------------------------------------------------------------------

#: Weights of the liveability score (on z-scores against the 2011 buurt distribution).
LIVEABILITY_WEIGHTS = {"mean_income": 0.35, "pct_low_income": -0.30,
                       "pct_social_rent": -0.15, "pct_moved_in": -0.20}
LIVEABILITY_CLASSES = ("very insufficient", "highly insufficient", "insufficient",
                       "weak", "sufficient", "amply sufficient", "good", "very good",
                       "excellent")


def _children_ages(age_head: np.ndarray, n_children: np.ndarray) -> list[np.ndarray]:
    """Ages of the children (k = 0, 1, 2): head age - 28 - 3k, clipped to 0-17;
    NaN if the household has fewer children. A documented simplification."""
    return [np.where(n_children > k, np.clip(age_head - 28 - 3 * k, 0, 17), np.nan)
            for k in range(3)]


def build_statistics(geo: Geography, hh: Households) -> pd.DataFrame:
    """Step 6: per buurt, wijk and gemeente and year, what CBS would publish.

    Household counts by national income group (bottom 40 % = "low income", top 20 % =
    "high income", bottom 10 %), mean standardised income, tenure shares of the
    dwelling stock, population by age and background, the share of households that
    moved in during the year, and - for buurten - a Leefbaarometer-like liveability
    score computed only from these statistics:
    ``score = sum_k w_k (x_k - mean_2011(x_k)) / sd_2011(x_k)`` with the weights
    :data:`LIVEABILITY_WEIGHTS` (log mean income), and a class 1-9.
    """
    b = geo.buurten
    p = hh.panel.merge(hh.static[["household_id", "age0", "hh_type", "n_children", "persons",
                                  "background", "first_year"]], on="household_id")
    pct = np.empty(len(p), dtype=np.int64)
    for year in YEARS:
        m = (p["year"] == year).to_numpy()
        pct[m] = national_percentile(p.loc[m, "income"].to_numpy(), year)
    age = p["age0"].to_numpy() + (p["year"].to_numpy() - FIRST_YEAR)
    adults = np.where(np.isin(p["hh_type"].to_numpy(), (1, 2)), 2, 1)
    kids = _children_ages(age, p["n_children"].to_numpy())
    group = np.digitize(age, [25, 45, 65])  # age group of the adults: 1..3 (15-24 = 0)
    cols = {"population": p["persons"].to_numpy().astype(float)}
    for k, label in enumerate(("pct_age_15_24", "pct_age_25_44", "pct_age_45_64",
                               "pct_age_65_plus")):
        cols[label] = adults * (group == k)
    cols["pct_age_0_14"] = sum((np.nan_to_num(c, nan=99) < 15).astype(float) for c in kids)
    cols["pct_age_15_24"] = cols["pct_age_15_24"] + sum(
        ((np.nan_to_num(c, nan=-1) >= 15)).astype(float) for c in kids)
    moved = hh.moves[["household_id", "year"]].assign(moved=1)
    p = p.merge(moved, on=["household_id", "year"], how="left")
    frame = pd.DataFrame({
        "buurt": p["buurt"].to_numpy(), "year": p["year"].to_numpy(), "households": 1,
        "hh_low_income": (pct < 40).astype(int), "hh_high_income": (pct >= 80).astype(int),
        "hh_bottom_10": (pct < 10).astype(int), "income": p["income"].to_numpy(),
        "single_person": (p["hh_type"].to_numpy() == 0).astype(int),
        "moved_in": ((p["moved"].fillna(0).to_numpy() > 0)
                     | (p["first_year"].to_numpy() == p["year"].to_numpy())
                     & (p["year"].to_numpy() > FIRST_YEAR)).astype(int),
        **{k: v for k, v in cols.items()},
        "bg_netherlands": p["persons"].to_numpy() * (p["background"].to_numpy() == 0),
        "bg_europe": p["persons"].to_numpy() * (p["background"].to_numpy() == 1),
        "bg_outside_europe": p["persons"].to_numpy() * (p["background"].to_numpy() == 2),
    })
    dw = hh.dwellings
    levels = []
    for level, key in (("buurt", "code"), ("wijk", "wijk_code"), ("gemeente", "gemeente_code")):
        unit = b[key].to_numpy()
        f = frame.assign(code=unit[frame["buurt"].to_numpy()]).drop(columns="buurt")
        g = f.groupby(["code", "year"], sort=True).sum()
        d = dw.assign(code=unit[dw["buurt"].to_numpy()]).drop(columns="buurt").groupby(
            ["code", "year"], sort=True).sum()
        out = pd.DataFrame(index=g.index)
        out["level"] = level
        out["households"] = g["households"]
        out["population"] = g["population"].astype(np.int64)
        out["mean_income"] = (g["income"] / g["households"] / 1000).round(1)
        for c in ("hh_low_income", "hh_high_income", "hh_bottom_10"):
            out[c] = g[c]
        out["pct_low_income"] = (100 * g["hh_low_income"] / g["households"]).round(1)
        out["pct_high_income"] = (100 * g["hh_high_income"] / g["households"]).round(1)
        out["pct_bottom_10"] = (100 * g["hh_bottom_10"] / g["households"]).round(1)
        out["pct_single_person"] = (100 * g["single_person"] / g["households"]).round(1)
        out["pct_moved_in"] = (100 * g["moved_in"] / g["households"]).round(1)
        for t in TENURES:
            out[f"pct_{t}"] = (100 * d[t] / d["total"]).reindex(g.index).round(1)
        out["dwellings"] = d["total"].reindex(g.index)
        pop = g["population"]
        for c in ("pct_age_0_14", "pct_age_15_24", "pct_age_25_44", "pct_age_45_64",
                  "pct_age_65_plus"):
            out[c] = (100 * g[c] / pop).round(1)
        for c in ("netherlands", "europe", "outside_europe"):
            out[f"pct_background_{c}"] = (100 * g[f"bg_{c}"] / pop).round(1)
        levels.append(out.reset_index())
    stats = pd.concat(levels, ignore_index=True)
    names = {**dict(zip(b["code"], b["name"], strict=True)),
             **dict(zip(b["wijk_code"], b["wijk_name"], strict=True)),
             **dict(zip(b["gemeente_code"], b["gemeente_name"], strict=True))}
    stats.insert(1, "name", stats["code"].map(names))
    gm = stats["code"].str[2:6].radd("GM")
    stats.insert(3, "gemeente_code", gm)
    # liveability score, buurten only
    is_b = stats["level"].eq("buurt")
    x = pd.DataFrame({"mean_income": np.log(stats["mean_income"]),
                      "pct_low_income": stats["pct_low_income"],
                      "pct_social_rent": stats["pct_social_rent"],
                      "pct_moved_in": stats["pct_moved_in"]})
    ref = x[is_b & stats["year"].eq(FIRST_YEAR + 1)]  # 2012: the first year with moves
    score = sum(w * (x[k] - ref[k].mean()) / ref[k].std() for k, w in
                LIVEABILITY_WEIGHTS.items())
    stats["liveability_score"] = score.where(is_b).round(3)
    cls = np.clip(np.round(5 + 2 * score), 1, 9)
    stats["liveability_class"] = pd.array(np.where(is_b, cls, np.nan), dtype="Int64")
    return stats.sort_values(["level", "code", "year"], key=lambda s: s.map(
        {"buurt": 0, "wijk": 1, "gemeente": 2}) if s.name == "level" else s,
        kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------------------
# Putting it together: generate, calibrate, write
# --------------------------------------------------------------------------------------

def _gini(x: np.ndarray) -> float:
    x = np.sort(np.asarray(x, dtype=float))
    n = len(x)
    return float((2 * np.arange(1, n + 1) - n - 1).dot(x) / (n * x.sum()))


def generate(seed: int = SEED) -> dict[str, pd.DataFrame]:
    """Run all six steps and return the tables as written to disk (codes, not indices).

    Deterministic: the same seed gives the same tables.
    """
    # one independent random stream per step: changing a step leaves the others alone
    streams = [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(7)]
    geo = build_geography(streams[0])
    stock = build_housing_stock(geo, streams[1])
    hh = simulate_households(geo, stock, streams[2])
    orgs = build_organisations(geo, streams[3])
    participation = build_participation(geo, hh, orgs, streams[4])
    referrals = build_referrals(geo, orgs, streams[5])
    ties = build_ties(geo, hh, orgs, participation, streams[6])
    stats = build_statistics(geo, hh)
    code = geo.buurten["code"].to_numpy()

    static = hh.static
    households = pd.DataFrame({
        "household_id": static["household_id"], "first_year": static["first_year"],
        "last_year": static["last_year"],
        "household_type": np.asarray(HOUSEHOLD_TYPES)[static["hh_type"]],
        "persons": static["persons"], "children": static["n_children"],
        "head_birth_year": (FIRST_YEAR - np.floor(static["age0"])).astype(np.int64),
        "background": np.asarray(BACKGROUNDS)[static["background"]],
        "lifestyle": np.asarray(LIFESTYLES)[static["lifestyle"]],
    })
    panel = hh.panel
    pct = np.empty(len(panel), dtype=np.int64)
    for year in YEARS:
        m = (panel["year"] == year).to_numpy()
        pct[m] = national_percentile(panel.loc[m, "income"].to_numpy(), year)
    household_years = pd.DataFrame({
        "household_id": panel["household_id"], "year": panel["year"],
        "buurt_code": code[panel["buurt"]], "tenure": np.asarray(TENURES)[panel["tenure"]],
        "income": panel["income"], "national_percentile": pct,
    }).sort_values(["year", "household_id"], kind="stable").reset_index(drop=True)
    moves = hh.moves
    moves = pd.DataFrame({
        "household_id": moves["household_id"], "year": moves["year"],
        "from_buurt": code[moves["from_buurt"]], "to_buurt": code[moves["to_buurt"]],
        "reason": np.asarray(MOVE_REASONS)[moves["reason"]],
        "from_tenure": np.asarray(TENURES)[moves["from_tenure"]],
        "to_tenure": np.asarray(TENURES)[moves["to_tenure"]],
    }).sort_values(["year", "household_id"], kind="stable").reset_index(drop=True)
    dwellings = hh.dwellings.assign(buurt_code=code[hh.dwellings["buurt"]]).drop(
        columns="buurt")
    dwellings = dwellings[["buurt_code", "year", *[c for c in dwellings.columns
                                                   if c not in ("buurt_code", "year")]]]
    dwellings = dwellings.sort_values(["buurt_code", "year"], kind="stable").reset_index(
        drop=True)
    organisations = orgs.assign(buurt_code=code[orgs["buurt"]])
    organisations["closed"] = organisations["closed"].where(organisations["closed"] > 0)
    organisations["predecessor_id"] = organisations["predecessor_id"].where(
        organisations["predecessor_id"] >= 0)
    organisations = organisations[[
        "organisation_id", "name", "type", "buurt_code", "x", "y", "founded", "closed",
        "funding", "staff_turnover", "orientation", "meeting_place", "referral",
        "explains_government_info", "predecessor_id", "note"]]
    organisations["closed"] = organisations["closed"].astype("Int64")
    organisations["predecessor_id"] = organisations["predecessor_id"].astype("Int64")
    for c in ("meeting_place", "referral", "explains_government_info"):
        organisations[c] = organisations[c].astype(bool)
    ties = ties.assign(buurt_code=code[ties["buurt"]]).drop(columns="buurt")
    ties = ties[["year", "buurt_code", "household_a", "household_b", "distance_m",
                 "shared_organisations", "shared_bridging"]]
    neighbourhoods = geo.buurten.drop(columns=["kind"]).copy()
    tables = {"neighbourhoods": neighbourhoods, "households": households,
              "household_years": household_years, "moves": moves, "dwellings": dwellings,
              "organisations": organisations, "participation": participation,
              "referrals": referrals, "ties": ties, "statistics": stats}
    tables["calibration"] = calibration_table(tables)
    tables["_polygons"] = geo  # type: ignore[assignment]
    return tables


def _panel_groups(hy: pd.DataFrame, year: int, gemeenten: Iterable[str]) -> pd.DataFrame:
    p = hy[(hy["year"] == year) & hy["buurt_code"].str[2:6].radd("GM").isin(list(gemeenten))]
    pc = p["national_percentile"]
    return pd.DataFrame({"buurt": p["buurt_code"], "all": 1, "low": pc < 40, "high": pc >= 80,
                         "bottom_10": pc < 10, "top_1": pc == 99,
                         "social": p["tenure"] == "social_rent",
                         "income": p["income"]}).groupby("buurt").sum()


def calibration_table(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Targets from published figures, their sources, and what Havenstad achieves."""
    hy = tables["household_years"]
    city = ["GM9901"]
    rows = []

    def city_panel(year):
        return hy[(hy["year"] == year) & hy["buurt_code"].str.startswith("BU9901")]

    p13 = city_panel(2013)
    rows.append(("Gini of standardised income, national distribution (all years)",
                 "0.29 (0.285-0.306)", "CBS StatLine 83739NED", f"{national_gini():.3f}"))
    rows.append(("Gini of standardised income, Havenstad 2013", "0.34-0.37",
                 "CBS via NU.nl 2018-03 (Amsterdam 0.37, Utrecht 0.35, Den Haag 0.34)",
                 f"{_gini(p13['income'].to_numpy()):.3f}"))
    rows.append(("Share of households below the national P10 (low income), Havenstad 2013",
                 "15-19 %", "CBS news 2015/51 (Rotterdam 18.7, Amsterdam 18.2, "
                 "Den Haag 17.6 %; NL 10.3 %)",
                 f"{100 * (p13['national_percentile'] < 10).mean():.1f} %"))
    g13 = _panel_groups(hy, 2013, city)
    rows.append(("Dissimilarity low-income (P10) vs other households, Havenstad 2013",
                 "0.09-0.38", "SCP/CBS Armoede en sociale uitsluiting 2015 (range over "
                 "municipalities 9-38 %; Amsterdam 18 %, Den Haag 30 %; 500 m squares, "
                 "not buurten)",
                 f"{dissimilarity_between(g13['bottom_10'], g13['all'] - g13['bottom_10']):.3f}"))
    dw = tables["dwellings"]
    dwc = dw[dw["buurt_code"].str.startswith("BU9901")].groupby("year")[
        ["social_rent", "total"]].sum()
    share = 100 * dwc["social_rent"] / dwc["total"]
    rows.append(("Corporation (social rent) share of dwellings, Havenstad 2011",
                 "45-57 %", "CBS news 2003/07 (2001: Rotterdam 57 %, Amsterdam 56 %); "
                 "CBS 71446ned (NL 31 %)", f"{share.loc[2011]:.1f} %"))
    rows.append(("Change in social rent share 2012-2021", "falling (NL 37 -> 34 %)",
                 "CBS via Stadszaken.nl (social rental share NL 2012-2021)",
                 f"{share.loc[2012]:.1f} -> {share.loc[2021]:.1f} %"))
    st = tables["statistics"]
    gm = st[(st["level"] == "gemeente") & (st["code"] == "GM9901") & (st["year"] == 2019)]
    rows.append(("Population share with a background outside Europe, Havenstad 2019",
                 "30-40 %", "Spierenburg et al. (share non-Western: Amsterdam 0.350, "
                 "Rotterdam 0.386)", f"{gm['pct_background_outside_europe'].item():.1f} %"))
    return pd.DataFrame(rows, columns=["quantity", "target", "source", "achieved"])


def story_table(household_years: pd.DataFrame) -> pd.DataFrame:
    """Dissimilarity indices by year that carry the course's story (buurt level).

    Columns: D low (bottom 40 %) vs high (top 20 %) income in the city and in the
    metropolitan area (city + suburbs); D of the national bottom 10 %, the middle
    (40-80 %) and the top 1 % vs all other households (city); D of social rent vs other
    tenures (city, over occupied dwellings); share of the national bottom quintile among
    social renters.
    """
    hy = household_years
    rows = []
    for year, g in hy.groupby("year", sort=True):
        town = g[g["buurt_code"].str.startswith("BU9901")]
        pc, pm = town["national_percentile"], g["national_percentile"]
        social = town["tenure"] == "social_rent"

        def d(a, b, frame=town):
            return round(dissimilarity_between(a.groupby(frame["buurt_code"]).sum(),
                                       b.groupby(frame["buurt_code"]).sum()), 3)

        rows.append({"year": int(year), "D_low_high_city": d(pc < 40, pc >= 80),
                     "D_low_high_metro": d(pm < 40, pm >= 80, g),
                     "D_bottom_10_city": d(pc < 10, pc >= 10),
                     "D_middle_city": d((pc >= 40) & (pc < 80), (pc < 40) | (pc >= 80)),
                     "D_top_1_city": d(pc == 99, pc < 99),
                     "D_social_rent_city": d(social, ~social),
                     "bottom_20_share_of_social_renters": round(float((pc[social] < 20).mean()),
                                                                3)})
    return pd.DataFrame(rows)


def _markdown(frame: pd.DataFrame) -> str:
    lines = ["| " + " | ".join(frame.columns) + " |", "|" + "---|" * frame.shape[1]]
    lines += ["| " + " | ".join(str(v) for v in row) + " |"
              for row in frame.itertuples(index=False)]
    return "\n".join(lines) + "\n"


def _csv_gz(frame: pd.DataFrame) -> bytes:
    text = frame.to_csv(index=False, lineterminator="\n")
    return gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)


def _geojson(features: list[dict]) -> bytes:
    doc = {"type": "FeatureCollection",
           "name": "Havenstad (fictional)",
           "coordinate_system": ("fictional local plane in metres (x east, y north); "
                                 "not WGS84 - never draw over real map tiles"),
           "features": features}
    return (json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _polygon_json(polygon) -> dict:
    return {"type": "Polygon",
            "coordinates": [[[int(x), int(y)] for x, y in polygon.exterior.coords]]}


FILES = ("calibration.csv", "dwellings.csv.gz", "household_years.csv.gz", "households.csv.gz",
         "moves.csv.gz", "neighbourhoods.geojson", "organisations.csv.gz",
         "participation.csv.gz", "referrals.csv.gz", "statistics.csv.gz", "ties.csv.gz",
         "water.geojson")


def write_dataset(out: str | Path, seed: int = SEED) -> dict[str, str]:
    """Generate Havenstad and write it to ``out``; return file name -> SHA-256.

    Writes the files in :data:`FILES` and ``SHA256SUMS`` (``sha256sum -c`` format).
    If ``out/README.md`` exists, the calibration table between the markers
    ``<!-- calibration:start -->`` and ``<!-- calibration:end -->`` is refreshed.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    tables = generate(seed)
    geo: Geography = tables.pop("_polygons")  # type: ignore[assignment]
    blobs: dict[str, bytes] = {}
    nb = tables["neighbourhoods"]
    blobs["neighbourhoods.geojson"] = _geojson([
        {"type": "Feature", "properties": {k: (v.item() if hasattr(v, "item") else v)
                                           for k, v in row.items()},
         "geometry": _polygon_json(poly)}
        for row, poly in zip(nb.to_dict("records"), geo.polygons, strict=True)])
    blobs["water.geojson"] = _geojson([
        {"type": "Feature", "properties": {"name": name}, "geometry": _polygon_json(poly)}
        for name, poly in geo.water])
    for name, frame in tables.items():
        if name == "neighbourhoods":
            continue
        if name == "calibration":
            blobs["calibration.csv"] = frame.to_csv(index=False,
                                                    lineterminator="\n").encode("utf-8")
        else:
            blobs[f"{name}.csv.gz"] = _csv_gz(frame)
    sums = {}
    for name in sorted(blobs):
        (out / name).write_bytes(blobs[name])
        sums[name] = hashlib.sha256(blobs[name]).hexdigest()
    (out / "SHA256SUMS").write_text("".join(f"{h}  {n}\n" for n, h in sums.items()))
    readme = out / "README.md"
    if readme.exists():
        text = readme.read_text(encoding="utf-8")
        blocks = {"calibration": calibration_markdown(tables["calibration"]),
                  "story": _markdown(story_table(tables["household_years"]))}
        for key, table in blocks.items():
            text = re.sub(rf"(<!-- {key}:start -->\n).*?(<!-- {key}:end -->)",
                          lambda m, t=table: m.group(1) + t + m.group(2), text, flags=re.S)
        readme.write_text(text, encoding="utf-8")
    return sums


def calibration_markdown(calibration: pd.DataFrame) -> str:
    """The calibration table as a Markdown table (as in the data card)."""
    return _markdown(calibration[["quantity", "target", "source", "achieved"]])


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m wijkwijs.havenstad.generate --out datasets/havenstad [--seed N]``."""
    parser = argparse.ArgumentParser(prog="python -m wijkwijs.havenstad.generate",
                                     description="Regenerate the synthetic city Havenstad.")
    parser.add_argument("--out", default="datasets/havenstad", help="output folder")
    parser.add_argument("--seed", type=int, default=SEED, help="random seed")
    args = parser.parse_args(argv)
    sums = write_dataset(args.out, args.seed)
    for name in sorted(sums):
        size = (Path(args.out) / name).stat().st_size
        print(f"{size:>10,d}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
