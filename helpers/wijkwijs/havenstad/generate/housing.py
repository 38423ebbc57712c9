"""Step 2 of the generator: the housing stock and the scripted housing policy.

Every dwelling has a buurt, a tenure and a quality (its price deviation from the buurt
level); every buurt has a price level per year on the scale of the national income
score. The policy is a list of construction projects plus the chance that a vacant
social home is sold (:func:`social_sale_probability`); demolition and the sale of
private rental homes happen during the simulation (:mod:`.households`).

>>> import numpy as np
>>> from wijkwijs.havenstad.generate.geography import build_geography
>>> geo = build_geography(np.random.default_rng(0))
>>> stock = build_housing_stock(geo, np.random.default_rng(1))
>>> stock.price_level.shape
(53, 12)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from wijkwijs.havenstad.constants import FIRST_YEAR, TENURES, YEARS
from wijkwijs.havenstad.generate.codes import NEVER, OWNER, PRIVATE, SOCIAL
from wijkwijs.havenstad.generate.geography import Geography
from wijkwijs.havenstad.generate.scenario import (
    ELITE_ENCLAVE,
    ELITE_NEW_BUILD,
    ELITE_PREMIUM,
    GENTRIFYING,
    HARBOUR_QUALITY,
    MIXING_FROM,
    MIXING_OWNER,
    MIXING_PRIVATE,
    RESTRUCTURING,
    RESTRUCTURING_YEAR,
    SALE_CENTRE,
    SALE_MIXED,
)

# kind -> (dwellings in 2011, share social, share private rent, price level in 2011)
_STOCK = {
    "C": (800, 0.35, 0.35, 0.6), "H": (550, 0.55, 0.25, -0.4),
    "W": (1000, 0.62, 0.25, -0.5), "P": (1000, 0.72, 0.06, -0.8),
    "V": (420, 0.03, 0.07, 2.5), "M": (900, 0.28, 0.14, 0.3),
    "N": (1100, 0.15, 0.05, 0.8), "O": (1000, 0.30, 0.10, 0.1),
    "Z": (1000, 0.38, 0.08, -0.4),
}
#: Mean quality of new-build outside the harbour and the elite enclave.
_NEW_BUILD_QUALITY = 0.35


@dataclass
class HousingStock:
    """Step 2 result: dwellings as parallel arrays plus the buurt price paths."""

    buurt: np.ndarray  # buurt index
    tenure: np.ndarray  # tenure code (codes.SOCIAL, codes.PRIVATE, codes.OWNER)
    quality: np.ndarray  # dwelling-specific price deviation
    built: np.ndarray  # year the dwelling enters the stock (2010 = before 2011)
    demolished: np.ndarray  # year it leaves the stock (codes.NEVER = never)
    price_level: np.ndarray  # (n_buurten, n_years) buurt price level
    construction: list  # (year, buurt index, tenure, count, mean quality)


def _price_path(level: float, kind: str, name: str, rng: np.random.Generator) -> np.ndarray:
    """The price level of one buurt in each year."""
    path = np.full(len(YEARS), level + rng.normal(0, 0.08))
    years = np.asarray(YEARS)
    if name in GENTRIFYING:
        path += 0.16 * np.clip(years - 2013, 0, 6)
    if kind == "H":
        path += 0.12 * np.clip(years - 2014, 0, 5)
    if kind == "Z":
        path -= 0.12 * np.clip(years - 2015, 0, None)
    if kind == "N":
        path += 0.25 * np.clip(years - 2015, 0, None)
    if name == ELITE_ENCLAVE:  # a rising price premium from 2015
        path += ELITE_PREMIUM * np.clip(years - 2014, 0, 6)
    return path


def _construction(i: int, kind: str, name: str) -> list[tuple[int, int, int, int, float]]:
    """The construction projects in buurt ``i``: (year, buurt, tenure, count, quality)."""
    q = _NEW_BUILD_QUALITY
    out: list[tuple[int, int, int, int, float]] = []
    if name == ELITE_ENCLAVE:  # exclusive new-build: large villas on the estate
        for year in range(2016, 2022):
            out += [(year, i, OWNER, ELITE_NEW_BUILD, 1.5)]
    if kind == "P" and name != RESTRUCTURING:
        # infill in post-war buurten: middle-segment homes to mix the buurt
        for year in range(MIXING_FROM, 2022):
            out += [(year, i, OWNER, MIXING_OWNER, q), (year, i, PRIVATE, MIXING_PRIVATE, q)]
    if kind == "H":  # harbour redevelopment: mostly owner-occupied and private rent
        for year in range(2015, 2022):
            out += [(year, i, OWNER, 60, HARBOUR_QUALITY),
                    (year, i, PRIVATE, 30, HARBOUR_QUALITY),
                    (year, i, SOCIAL, 10, q)]
    if kind == "Z":
        for year in range(2016, 2022):  # cheap new construction in the growth town
            out += [(year, i, SOCIAL, 130, q), (year, i, PRIVATE, 100, q)]
    if kind == "N":
        for year in range(2016, 2022):
            out += [(year, i, OWNER, 60, q)]
    if kind == "O":
        for year in range(2014, 2021):
            out += [(year, i, OWNER, 15, q), (year, i, PRIVATE, 5, q)]
    if name == RESTRUCTURING:  # rebuilt after the demolition, fewer social homes
        out += [(RESTRUCTURING_YEAR + 2, i, OWNER, 140, q),
                (RESTRUCTURING_YEAR + 2, i, PRIVATE, 60, q),
                (RESTRUCTURING_YEAR + 3, i, SOCIAL, 60, q)]
    return out


def build_housing_stock(geo: Geography, rng: np.random.Generator) -> HousingStock:
    """Step 2: individual dwellings and the price level of each buurt per year.

    Price levels are on the scale of the national normal income score: a dwelling
    in a buurt with level 1 is, before noise, matched to a household one standard
    deviation above the national median. Gentrifying buurten gain 0.16 a year from
    2014, harbour buurten 0.12 a year from 2015 (redevelopment), the elite enclave
    :data:`~.scenario.ELITE_PREMIUM` a year from 2015. New construction: upmarket flats
    in the harbour, exclusive villas in the elite enclave, middle-segment infill in
    post-war buurten from :data:`~.scenario.MIXING_FROM`, cheap homes in the
    displacement suburb.
    """
    b = geo.buurten
    kinds = b["kind"].to_numpy()
    names = b["name"].to_numpy()
    levels = np.zeros((len(b), len(YEARS)))
    parts_b, parts_t, parts_q = [], [], []
    for i, kind in enumerate(kinds):
        n0, s_social, s_private, level = _STOCK[kind]
        n = round(n0 * rng.uniform(0.85, 1.15))
        shares = {SOCIAL: s_social, PRIVATE: s_private, OWNER: 1 - s_social - s_private}
        tenure = rng.choice(len(TENURES), size=n, p=[shares[k] for k in range(len(TENURES))])
        parts_b.append(np.full(n, i))
        parts_t.append(tenure)
        parts_q.append(rng.normal(0, 0.25, n) + np.select(
            [tenure == SOCIAL, tenure == OWNER], [-0.15, 0.25], 0.0))
        levels[i] = _price_path(level, kind, names[i], rng)
    buurt = np.concatenate(parts_b)
    construction = [c for i, kind in enumerate(kinds) for c in _construction(i, kind, names[i])]
    return HousingStock(buurt=buurt, tenure=np.concatenate(parts_t),
                        quality=np.concatenate(parts_q),
                        built=np.full(len(buurt), FIRST_YEAR - 1),
                        demolished=np.full(len(buurt), NEVER), price_level=levels,
                        construction=construction)


def social_sale_probability(geo: Geography, year: int) -> np.ndarray:
    """Chance, per buurt, that a vacant social dwelling is sold to owner-occupation.

    >>> from wijkwijs.havenstad.generate.geography import build_geography
    >>> geo = build_geography(np.random.default_rng(0))
    >>> float(social_sale_probability(geo, 2020).max())
    0.4
    """
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
