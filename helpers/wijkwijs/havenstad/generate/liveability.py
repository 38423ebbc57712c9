r"""Step 6b of the generator: a Leefbaarometer-like liveability score for every buurt.

The real Leefbaarometer 3.0 (Ministry of the Interior, BZK) predicts how residents
judge their surroundings from about a hundred registered characteristics of an area,
grouped in five dimensions; its score is on one fixed scale across years and its nine
classes ("zeer onvoldoende" ... "uitstekend") have fixed bounds (Leidelmeijer,
Mandemakers et al. 2022, *Leefbaarometer 3.0: Instrumentontwikkeling*). Havenstad's
score copies that *shape* with a handful of its own indicators — it is not the
Leefbaarometer's model, and its weights, references and bounds are ours:

=====================  =============================================================
dimension              indicators (sign)
=====================  =============================================================
housing stock          share of owner-occupied homes (+), share of social rent (-)
physical environment   dwellings per hectare (-), the buurt type's surroundings (+)
amenities              distance to the city centre (-), dwellings per hectare (+)
social cohesion        share that moved in this year (-), single-person households
                       (-), children 0-14 (+)
nuisance and safety    registered incidents per 1,000 residents (-)
=====================  =============================================================

Each indicator :math:`x` enters as :math:`w\,(x - m)/s` with a **fixed** reference
:math:`m, s` (:data:`LIVEABILITY_INDICATORS`), the same in every year, so a change in
the score is a change in the buurt, not in the yardstick. A dimension is the sum of its
indicators' terms; the score is :data:`LIVEABILITY_BASE` plus the five dimensions; the
class follows the fixed bounds :data:`LIVEABILITY_CLASS_BOUNDS`.

Like the Leefbaarometer 3.0 (which dropped the ethnic indicators of version 2.0) the
score uses no background of residents. And like the real instrument it sees nothing of
what organisations *do*: no community centre, no welfare worker, no referral enters it.

>>> len(LIVEABILITY_CLASS_NAMES["nl"]), LIVEABILITY_CLASS_NAMES["nl"][0]
(9, 'zeer onvoldoende')
>>> liveability_class(np.array([3.5, 4.0, 4.5])).tolist()
[1, 5, 9]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from wijkwijs.havenstad.constants import CITY_CODE, FIRST_YEAR

#: The five dimensions of the score, in the Leefbaarometer 3.0's order of its exports.
LIVEABILITY_DIMENSIONS: tuple[str, ...] = ("physical_environment", "nuisance_and_safety",
                                           "social_cohesion", "amenities", "housing_stock")
#: (indicator, dimension, weight, reference mean, reference sd). The references are
#: fixed numbers (about the buurten's spread in the first years), not re-estimated per
#: year.
LIVEABILITY_INDICATORS: tuple[tuple[str, str, float, float, float], ...] = (
    ("pct_owner_occupied", "housing_stock", 0.050, 35.0, 20.0),
    ("pct_social_rent", "housing_stock", -0.030, 40.0, 20.0),
    ("dwellings_per_ha", "physical_environment", -0.030, 12.0, 8.0),
    ("surroundings", "physical_environment", 0.040, 0.0, 1.0),
    ("km_to_centre", "amenities", -0.040, 4.0, 2.0),
    ("dwellings_per_ha", "amenities", 0.020, 12.0, 8.0),
    ("pct_moved_in", "social_cohesion", -0.040, 12.0, 4.0),
    ("pct_single_person", "social_cohesion", -0.020, 40.0, 12.0),
    ("pct_age_0_14", "social_cohesion", 0.020, 15.0, 6.0),
    ("incidents_per_1000", "nuisance_and_safety", -0.060, 50.0, 20.0),
)
#: The quality of the surroundings by buurt type (green, water, noise, traffic): a
#: documented assumption of the synthetic city, on the scale of one reference sd.
SURROUNDINGS: dict[str, float] = {
    "centre": -0.6, "old harbour": -0.6, "pre-war working class": -0.4,
    "post-war working class": 0.0, "mixed middle class": 0.4, "villa area": 1.2,
    "suburb (affluent)": 1.2, "suburb (mixed)": 0.6, "suburb (growth town)": 0.3,
}
#: Registered incidents per 1,000 residents: a base rate, more in the centre (nightlife)
#: and with more young adults and low incomes, falling 2 % a year (as registered crime
#: in the Netherlands fell in the 2010s); drawn as Poisson counts.
INCIDENT_BASE_RATE = 45.0
INCIDENT_CENTRE_FACTOR = 1.8
INCIDENT_YEARLY_CHANGE = -0.02
#: The score of a buurt whose every indicator equals its reference.
LIVEABILITY_BASE = 4.0
#: The eight fixed bounds between the nine classes (a score below the first is class 1).
LIVEABILITY_CLASS_BOUNDS: tuple[float, ...] = (3.78, 3.84, 3.89, 3.94, 4.02, 4.10,
                                               4.20, 4.32)
#: The Leefbaarometer's names of the classes 1-9, in Dutch and in English.
LIVEABILITY_CLASS_NAMES: dict[str, tuple[str, ...]] = {
    "nl": ("zeer onvoldoende", "ruim onvoldoende", "onvoldoende", "zwak", "voldoende",
           "ruim voldoende", "goed", "zeer goed", "uitstekend"),
    "en": ("very insufficient", "largely insufficient", "insufficient", "weak",
           "sufficient", "more than sufficient", "good", "very good", "excellent"),
}


def liveability_class(score: np.ndarray) -> np.ndarray:
    """The class 1-9 of each score, by the fixed bounds :data:`LIVEABILITY_CLASS_BOUNDS`.

    A score on a bound belongs to the higher class.

    >>> liveability_class(np.array([3.77, 3.78, 4.32, 4.9])).tolist()
    [1, 2, 9, 9]
    """
    return np.searchsorted(np.asarray(LIVEABILITY_CLASS_BOUNDS), score, side="right") + 1


def _buurt_indicators(buurten: pd.DataFrame) -> pd.DataFrame:
    """The fixed indicators of each buurt: km to the city centre, surroundings, area."""
    centre = buurten[buurten["area_type"].eq("centre")
                     & buurten["gemeente_code"].eq(CITY_CODE)]
    cx, cy = centre["x"].mean(), centre["y"].mean()
    unknown = sorted(set(buurten["area_type"]) - set(SURROUNDINGS))
    if unknown:
        raise ValueError(f"no surroundings value for buurt type {unknown[0]!r}; expected "
                         f"one of {sorted(SURROUNDINGS)}")
    return pd.DataFrame({
        "code": buurten["code"].to_numpy(),
        "km_to_centre": np.hypot(buurten["x"] - cx, buurten["y"] - cy).to_numpy() / 1000,
        "surroundings": buurten["area_type"].map(SURROUNDINGS).to_numpy(),
        "area_ha": buurten["area_ha"].to_numpy(),
        "centre": buurten["area_type"].eq("centre").to_numpy(),
    })


def registered_incidents(stats: pd.DataFrame, centre: np.ndarray,
                         rng: np.random.Generator) -> np.ndarray:
    """Poisson counts of registered incidents for the rows of ``stats`` (buurt-years).

    Rate per 1,000 residents: ``INCIDENT_BASE_RATE`` x ``INCIDENT_CENTRE_FACTOR`` in the
    centre x exp(0.02 (pct_low_income - 40) + 0.04 (pct_age_15_24 - 12)) x (1 +
    ``INCIDENT_YEARLY_CHANGE``) per year since 2011.
    """
    rate = (INCIDENT_BASE_RATE * np.where(centre, INCIDENT_CENTRE_FACTOR, 1.0)
            * np.exp(0.02 * (stats["pct_low_income"].to_numpy() - 40)
                     + 0.04 * (stats["pct_age_15_24"].to_numpy() - 12))
            * (1 + INCIDENT_YEARLY_CHANGE) ** (stats["year"].to_numpy() - FIRST_YEAR))
    return rng.poisson(rate * stats["population"].to_numpy() / 1000)


def add_liveability(stats: pd.DataFrame, buurten: pd.DataFrame,
                    rng: np.random.Generator) -> pd.DataFrame:
    """Add the incidents, the five dimensions, the score and the class to the buurt rows.

    Wijken and gemeenten get missing values (the score is a buurt measure here).
    Returns a new frame with the columns ``incidents_per_1000``,
    ``liveability_<dimension>`` for each of :data:`LIVEABILITY_DIMENSIONS`,
    ``liveability_score`` and ``liveability_class``.
    """
    out = stats.copy()
    is_b = out["level"].eq("buurt").to_numpy()
    b = out.loc[is_b].merge(_buurt_indicators(buurten), on="code", how="left")
    if b["area_ha"].isna().any():
        raise ValueError(f"buurt {b.loc[b['area_ha'].isna(), 'code'].iloc[0]!r} of the "
                         "statistics is not in the geography")
    incidents = registered_incidents(b, b["centre"].to_numpy(dtype=bool), rng)
    b["incidents_per_1000"] = np.round(1000 * incidents / b["population"].to_numpy(), 1)
    b["dwellings_per_ha"] = b["dwellings"] / b["area_ha"]
    dims = {d: np.zeros(len(b)) for d in LIVEABILITY_DIMENSIONS}
    for indicator, dimension, weight, mean, sd in LIVEABILITY_INDICATORS:
        dims[dimension] += weight * (b[indicator].to_numpy(dtype=float) - mean) / sd
    dims = {d: np.round(v, 4) for d, v in dims.items()}  # rounded before they are summed
    score = np.round(LIVEABILITY_BASE + sum(dims.values()), 4)
    out["incidents_per_1000"] = np.nan
    out.loc[is_b, "incidents_per_1000"] = b["incidents_per_1000"].to_numpy()
    for d in LIVEABILITY_DIMENSIONS:
        out[f"liveability_{d}"] = np.nan
        out.loc[is_b, f"liveability_{d}"] = dims[d]
    out["liveability_score"] = np.nan
    out.loc[is_b, "liveability_score"] = score
    cls = np.full(len(out), np.nan)
    cls[is_b] = liveability_class(score)
    out["liveability_class"] = pd.array(cls, dtype="Int64")
    return out
