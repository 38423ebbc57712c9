"""Havenstad, the course's synthetic Dutch port city: its data and ready-made views.

Havenstad is *synthetic*: invented and calibrated to published CBS figures, it
describes no real place or person (``datasets/havenstad/README.md``).

The package is one layer of the library: it sits on the measures
(:mod:`wijkwijs.inequality`, :mod:`wijkwijs.segregation`) and is used by the figures,
maps, explorers, exercises and notebooks. It never draws.

* :mod:`~wijkwijs.havenstad.constants` — the one home of its codes, years, categories
  and income groups;
* :mod:`~wijkwijs.havenstad.load` — one loader per table (re-exported here);
* :mod:`~wijkwijs.havenstad.views` — counts per unit and year, index trends, social rent;
* :mod:`~wijkwijs.havenstad.generate` — the generator that wrote the files.

>>> from wijkwijs.havenstad import havenstad, CITY_CODE
>>> int(havenstad("statistics", year=2022, code=CITY_CODE)["households"].item()) > 30_000
True
"""

from __future__ import annotations

from wijkwijs.havenstad.constants import CITY_CODE, GROUPS, TENURES, TIE_YEAR, YEARS
from wijkwijs.havenstad.load import (
    HAVENSTAD_TABLES,
    HAVENSTAD_YEARS,
    havenstad,
    havenstad_calibration,
    havenstad_dwellings,
    havenstad_household_years,
    havenstad_households,
    havenstad_moves,
    havenstad_neighbourhoods,
    havenstad_organisations,
    havenstad_participation,
    havenstad_referrals,
    havenstad_statistics,
    havenstad_ties,
    havenstad_water,
)

__all__ = [
    "CITY_CODE",
    "GROUPS",
    "HAVENSTAD_TABLES",
    "HAVENSTAD_YEARS",
    "TENURES",
    "TIE_YEAR",
    "YEARS",
    "havenstad",
    "havenstad_calibration",
    "havenstad_dwellings",
    "havenstad_household_years",
    "havenstad_households",
    "havenstad_moves",
    "havenstad_neighbourhoods",
    "havenstad_organisations",
    "havenstad_participation",
    "havenstad_referrals",
    "havenstad_statistics",
    "havenstad_ties",
    "havenstad_water",
]
