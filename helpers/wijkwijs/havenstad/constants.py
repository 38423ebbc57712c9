"""The one home of every constant that describes Havenstad.

The generator (:mod:`wijkwijs.havenstad.generate`), the loaders, the views and the
exercises all read these names from here, so that a category, a code or a threshold
is written once. Havenstad is synthetic: it describes no real place or person.

>>> CITY_CODE, YEARS[0], YEARS[-1]
('GM9901', 2011, 2022)
>>> GROUPS["low"]
(0, 39)
"""

from __future__ import annotations

#: The seed of the published Havenstad files (``datasets/havenstad/``).
SEED = 20250101
#: The simulated years.
YEARS: tuple[int, ...] = tuple(range(2011, 2023))
FIRST_YEAR, LAST_YEAR = YEARS[0], YEARS[-1]
#: The unpublished year the simulation starts in: everybody is placed at once in it, so
#: that 2011, the first published year, already has ordinary moves and newcomers.
BURN_IN_YEAR = FIRST_YEAR - 1

#: The city itself (a *gemeente*, municipality); the other three gemeenten are its suburbs.
CITY_CODE = "GM9901"
#: The four gemeenten of the metropolitan area: the city and its three suburbs.
GEMEENTE_CODES: tuple[str, ...] = tuple(f"{CITY_CODE[:-1]}{i}" for i in range(1, 5))
#: Their names: the city, an affluent suburb (north), a mixed one (east) and a 1970s
#: growth town (south).
GEMEENTE_NAMES: dict[str, str] = dict(zip(
    GEMEENTE_CODES, ("Havenstad", "Noorderveld", "Oostmeer", "Zuiderpolder"), strict=True))
CITY_NAME = GEMEENTE_NAMES[CITY_CODE]

#: Housing tenures, in the order used everywhere (a *sociale huurwoning* is a social-rent
#: home, mostly owned by a *woningcorporatie*, a housing association).
TENURES: tuple[str, ...] = ("social_rent", "private_rent", "owner_occupied")
BACKGROUNDS: tuple[str, ...] = ("netherlands", "europe", "outside_europe")
HOUSEHOLD_TYPES: tuple[str, ...] = ("single", "couple", "couple_with_children",
                                    "single_parent")
LIFESTYLES: tuple[str, ...] = ("neighbourhood", "city_wide")
MOVE_REASONS: tuple[str, ...] = ("choice", "rent_increase", "demolition", "sale")
FUNDING: tuple[str, ...] = ("structural", "incidental", "own_income", "commercial")
ORIENTATIONS: tuple[str, ...] = ("bridging", "bonding")
ROLES: tuple[str, ...] = ("participant", "volunteer")
ORGANISATION_TYPES: tuple[str, ...] = (
    "community_centre", "youth_space", "welfare_organisation", "volunteer_organisation",
    "church", "mosque", "gym", "cafe", "shop", "library", "school", "municipal_service",
)
#: The word an organisation's name starts with, per type: Havenstad is a Dutch city, so
#: its places have Dutch names in both languages ("Buurthuis Meerkoet 1", as its municipal
#: services are called "Sociaal wijkteam ..."). Labels for readers are in
#: :mod:`wijkwijs.figures.infrastructure`.
ORGANISATION_NAME_WORDS: dict[str, str] = {
    "community_centre": "Buurthuis", "youth_space": "Jongerenplek",
    "welfare_organisation": "Welzijnsorganisatie",
    "volunteer_organisation": "Vrijwilligersorganisatie", "church": "Kerk",
    "mosque": "Moskee", "gym": "Sportclub", "cafe": "Café", "shop": "Winkel",
    "library": "Bibliotheek", "school": "School", "municipal_service": "Gemeentelijke dienst",
}

#: Income groups by *national* income percentile (0–99): name -> (lowest, highest),
#: inclusive. "low" is the bottom 40 % (the CBS "low income" of the Kerncijfers Wijken
#: en Buurten is defined differently; chapter 2 says which definition it uses).
GROUPS: dict[str, tuple[int, int]] = {
    "bottom_10": (0, 9),
    "low": (0, 39),
    "middle": (40, 79),
    "high": (80, 99),
    "top_1": (99, 99),
}
#: National percentile shares that bound the groups, as fractions, for the generator.
BOTTOM_10_PERCENTILE = (GROUPS["bottom_10"][1] + 1) / 100
LOW_INCOME_PERCENTILE = (GROUPS["low"][1] + 1) / 100
HIGH_INCOME_PERCENTILE = GROUPS["high"][0] / 100

#: Eleven ordered income bands for the segregation profile: ten deciles, the top
#: decile split into 90–98 and the top 1 %. name -> (lowest, highest) percentile.
INCOME_BANDS: dict[str, tuple[int, int]] = {
    **{f"p{lo:02d}_{lo + 9:02d}": (lo, lo + 9) for lo in range(0, 90, 10)},
    "p90_98": (90, 98),
    "p99": (99, 99),
}

#: The year of the resident-resident tie survey, and its four sampled buurten.
TIE_YEAR = 2019
TIE_SAMPLE: tuple[str, ...] = ("Kersenhof", "Kievitbuurt", "Touwslagerij", "Oeverpark")
