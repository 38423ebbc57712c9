"""Havenstad: a synthetic Dutch port city, generated step by step from a seed.

Havenstad (GM9901) and its three suburbs (*randgemeenten*, suburban municipalities)
Noorderveld (GM9902), Oostmeer (GM9903) and Zuiderpolder (GM9904) are **fictional**.
The codes use the CBS pattern (``GM`` gemeente = municipality, ``WK`` wijk =
district, ``BU`` buurt = neighbourhood) but the 99xx numbers belong to no real
municipality. Coordinates are metres in a made-up local plane (x east, y north,
origin south-west of the region): there is no real place underneath, so never draw
the city over real map tiles.

The generator runs in six readable steps, each a function of the previous ones and
each in its own module:

1. :func:`~.geography.build_geography` - buurten, wijken, gemeenten and water as
   polygons;
2. :func:`~.housing.build_housing_stock` - individual dwellings with tenure and price
   level, and the scripted housing policy (sales of social housing, demolition, new
   construction);
3. :func:`~.households.simulate_households` - households sorted into dwellings each
   year 2011-2022 by a noisy rank matching of income to price
   (:mod:`.allocation`), with moves and reasons;
4. :func:`~.organisations.build_organisations` - social infrastructure with funding,
   turnover, closures (post-2008 cuts) and reopenings (NPLV, 2022);
5. :func:`~.ties.build_participation`, :func:`~.organisations.build_referrals` and
   :func:`~.ties.build_ties` - participation, referral links and resident-resident ties;
6. :func:`~.statistics.build_statistics` - what CBS would publish per buurt, wijk and
   gemeente, with a Leefbaarometer-like liveability score computed only from those
   statistics.

Around the steps: :mod:`.incomes` (the national income model), :mod:`.scenario` (the
scripted story and its policy knobs), :mod:`.codes` (the integer codes of the
simulation), :mod:`.pipeline` (:func:`generate`: all steps, published tables),
:mod:`.calibration` (:func:`calibration_table`, :func:`story_table`) and
:mod:`.writers` (:func:`write_dataset`, the data card and the command line).

Incomes are *standardised disposable household incomes* (CBS: disposable income
divided by an equivalence factor). National percentiles come from a documented
national lognormal distribution with Gini 0.29 (CBS StatLine 83739NED) and mean
equal to the CBS national mean standardised income of each year; see
:func:`~.incomes.national_percentile`.

Regenerate the shipped files with::

    python -m wijkwijs.havenstad.generate --out datasets/havenstad

>>> round(national_gini(), 3)
0.29
>>> int(national_percentile(22_000, 2011)[0])
48
"""

from __future__ import annotations

from wijkwijs.havenstad.generate.calibration import calibration_table, story_table
from wijkwijs.havenstad.generate.geography import Geography, build_geography
from wijkwijs.havenstad.generate.households import (
    GrowableArray,
    Households,
    simulate_households,
)
from wijkwijs.havenstad.generate.housing import HousingStock, build_housing_stock
from wijkwijs.havenstad.generate.incomes import (
    NATIONAL_GINI,
    NATIONAL_MEAN_INCOME,
    NATIONAL_SIGMA,
    income_from_score,
    national_gini,
    national_median,
    national_percentile,
)
from wijkwijs.havenstad.generate.liveability import (
    LIVEABILITY_CLASS_BOUNDS,
    LIVEABILITY_CLASS_NAMES,
    LIVEABILITY_DIMENSIONS,
    LIVEABILITY_INDICATORS,
    liveability_class,
)
from wijkwijs.havenstad.generate.organisations import build_organisations, build_referrals
from wijkwijs.havenstad.generate.pipeline import GeneratedCity, build_city, generate
from wijkwijs.havenstad.generate.scenario import (
    DISPLACEMENT_SUBURB,
    ELITE_ENCLAVE,
    GENTRIFYING,
    INFRA_POOR,
    INFRA_RICH,
    RESTRUCTURING,
    RESTRUCTURING_YEAR,
)
from wijkwijs.havenstad.generate.statistics import build_statistics
from wijkwijs.havenstad.generate.ties import build_participation, build_ties
from wijkwijs.havenstad.generate.writers import (
    FILES,
    calibration_markdown,
    main,
    markdown_table,
    write_dataset,
)

__all__ = [
    "DISPLACEMENT_SUBURB",
    "ELITE_ENCLAVE",
    "FILES",
    "GENTRIFYING",
    "INFRA_POOR",
    "INFRA_RICH",
    "LIVEABILITY_CLASS_BOUNDS",
    "LIVEABILITY_CLASS_NAMES",
    "LIVEABILITY_DIMENSIONS",
    "LIVEABILITY_INDICATORS",
    "NATIONAL_GINI",
    "NATIONAL_MEAN_INCOME",
    "NATIONAL_SIGMA",
    "RESTRUCTURING",
    "RESTRUCTURING_YEAR",
    "GeneratedCity",
    "Geography",
    "GrowableArray",
    "Households",
    "HousingStock",
    "build_city",
    "build_geography",
    "build_housing_stock",
    "build_organisations",
    "build_participation",
    "build_referrals",
    "build_statistics",
    "build_ties",
    "calibration_markdown",
    "calibration_table",
    "generate",
    "income_from_score",
    "liveability_class",
    "main",
    "markdown_table",
    "national_gini",
    "national_median",
    "national_percentile",
    "simulate_households",
    "story_table",
    "write_dataset",
]
