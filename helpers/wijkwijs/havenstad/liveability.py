r"""What a liveability score sees in Havenstad, next to its social infrastructure.

Havenstad's buurten carry a Leefbaarometer-*like* score in five dimensions on a fixed
scale, with classes 1-9 by fixed bounds (:mod:`wijkwijs.havenstad.generate.liveability`).
This module sets that score beside the chapter 6 measures of the buurt's social
infrastructure (:func:`wijkwijs.havenstad.infrastructure.inventory_by_buurt`), for
chapter 7, *what the statistics see*. Everything is synthetic: the city, its score and
its organisations are invented.

* :func:`liveability_table` — one row per buurt: score, class, class name, the five
  dimensions, and the buurt's organisations and meeting places;
* :func:`class_distribution` — how many buurten are in each class, per year;
* :func:`same_class_contrasts` — pairs of buurten in the same class whose social
  infrastructure differs most;
* :func:`score_infrastructure_correlation` — Pearson's *r* and Spearman's
  :math:`\rho` between the score and a measure of infrastructure, with a Fisher-*z*
  confidence interval and a permutation *p*-value.

>>> table = liveability_table(2019)
>>> len(table), sorted(table["class"].unique().tolist())[0] >= 1
(53, True)
"""

from __future__ import annotations

import pandas as pd

from wijkwijs import i18n
from wijkwijs._validate import check_choice, check_year
from wijkwijs.havenstad.constants import CITY_CODE, TIE_YEAR, YEARS
from wijkwijs.havenstad.generate.liveability import (
    LIVEABILITY_CLASS_NAMES,
    LIVEABILITY_DIMENSIONS,
    LIVEABILITY_INDICATORS,
)
from wijkwijs.havenstad.load import havenstad_statistics
from wijkwijs.opendata.municipalities import correlation

__all__ = ["INFRASTRUCTURE_MEASURES", "class_distribution", "class_name", "indicator_table",
           "liveability_table", "same_class_contrasts", "score_infrastructure_correlation"]

#: The measures of social infrastructure the score can be set against.
INFRASTRUCTURE_MEASURES: tuple[str, ...] = ("meeting_places", "meeting_places_per_1000",
                                            "organisations", "types_present")


i18n.register({
    "live7.col.dimension": {"en": "dimension", "nl": "dimensie"},
    "live7.col.indicator": {"en": "indicator", "nl": "indicator"},
    "live7.col.weight": {"en": "weight", "nl": "gewicht"},
    "live7.col.reference": {"en": "reference", "nl": "referentie"},
    "live7.col.unit": {"en": "unit (sd)", "nl": "eenheid (sd)"},
    "live7.ind.pct_owner_occupied": {"en": "% owner-occupied homes", "nl": "% koopwoningen"},
    "live7.ind.pct_social_rent": {"en": "% social rent", "nl": "% sociale huur"},
    "live7.ind.dwellings_per_ha": {"en": "dwellings per hectare", "nl": "woningen per hectare"},
    "live7.ind.surroundings": {"en": "surroundings of the buurt type (green, water, noise)",
                               "nl": "omgeving van het buurttype (groen, water, geluid)"},
    "live7.ind.km_to_centre": {"en": "km to the city centre", "nl": "km tot het centrum"},
    "live7.ind.pct_moved_in": {"en": "% households that moved in this year",
                               "nl": "% huishoudens dit jaar verhuisd naar de buurt"},
    "live7.ind.pct_single_person": {"en": "% single-person households",
                                    "nl": "% eenpersoonshuishoudens"},
    "live7.ind.pct_age_0_14": {"en": "% children 0-14", "nl": "% kinderen 0-14"},
    "live7.ind.incidents_per_1000": {"en": "registered incidents per 1,000 residents",
                                     "nl": "geregistreerde incidenten per 1.000 inwoners"},
    "live7.dim.physical_environment": {"en": "Physical environment", "nl": "Fysieke omgeving"},
    "live7.dim.nuisance_and_safety": {"en": "Nuisance and safety",
                                      "nl": "Overlast en onveiligheid"},
    "live7.dim.social_cohesion": {"en": "Social cohesion", "nl": "Sociale samenhang"},
    "live7.dim.amenities": {"en": "Amenities", "nl": "Voorzieningen"},
    "live7.dim.housing_stock": {"en": "Housing stock", "nl": "Woningvoorraad"},
})


def indicator_table() -> pd.DataFrame:
    """The indicators of Havenstad's score: dimension, weight and fixed reference.

    Labels in the current language; the numbers are
    :data:`~wijkwijs.havenstad.generate.liveability.LIVEABILITY_INDICATORS`.

    >>> t = indicator_table()
    >>> len(t), t.columns.tolist()[:2]
    (10, ['dimension', 'indicator'])
    """
    rows = [{i18n.t("live7.col.dimension"): i18n.t(f"live7.dim.{dimension}"),
             i18n.t("live7.col.indicator"): i18n.t(f"live7.ind.{indicator}"),
             i18n.t("live7.col.weight"): weight, i18n.t("live7.col.reference"): mean,
             i18n.t("live7.col.unit"): sd}
            for indicator, dimension, weight, mean, sd in LIVEABILITY_INDICATORS]
    order = {i18n.t(f"live7.dim.{d}"): k for k, d in enumerate(LIVEABILITY_DIMENSIONS)}
    frame = pd.DataFrame(rows)
    return frame.sort_values(i18n.t("live7.col.dimension"), key=lambda c: c.map(order),
                             kind="stable").reset_index(drop=True)


def class_name(cls: int, language: str | None = None) -> str:
    """The Leefbaarometer's name of class ``cls`` (1-9), in Dutch or English.

    >>> class_name(5, "nl"), class_name(5, "en")
    ('voldoende', 'sufficient')
    >>> class_name(10)
    Traceback (most recent call last):
    ...
    ValueError: a liveability class is a whole number from 1 to 9; got 10.
    """
    if isinstance(cls, bool) or not float(cls).is_integer() or not 1 <= cls <= 9:
        raise ValueError(f"a liveability class is a whole number from 1 to 9; got {cls!r}.")
    language = i18n.get_language() if language is None else language
    check_choice(language, tuple(LIVEABILITY_CLASS_NAMES), "language")
    return LIVEABILITY_CLASS_NAMES[language][int(cls) - 1]


def liveability_table(year: int = TIE_YEAR, *, city_only: bool = False) -> pd.DataFrame:
    """The buurten's liveability next to their social infrastructure in ``year``.

    Parameters
    ----------
    year
        A year of Havenstad (2011-2022); default 2019, the year of chapter 6.
    city_only
        Only the 41 buurten of the city (GM9901), not those of the suburbs.

    Returns
    -------
    pandas.DataFrame
        One row per buurt: ``code``, ``name``, ``gemeente_code``, ``score``, ``class``,
        ``class_name`` (current language), the five dimensions (named as in
        :data:`~wijkwijs.havenstad.generate.liveability.LIVEABILITY_DIMENSIONS`),
        ``incidents_per_1000``, ``pct_low_income`` (national bottom 40 %),
        ``households``, and from the chapter 6 inventory ``organisations``,
        ``types_present``, ``meeting_places`` and ``meeting_places_per_1000``.

    Examples
    --------
    >>> t = liveability_table(2019, city_only=True)
    >>> len(t), bool(t["gemeente_code"].eq("GM9901").all())
    (41, True)
    >>> dims = t[["physical_environment", "nuisance_and_safety", "social_cohesion",
    ...           "amenities", "housing_stock"]].sum(axis=1)
    >>> bool(((4.0 + dims) - t["score"]).abs().max() < 1e-3)
    True
    """
    # imported here: the infrastructure module loads networkx, which most users of the
    # score do not need
    from wijkwijs.havenstad.infrastructure import inventory_by_buurt

    year = check_year(year, YEARS, allow_none=False)
    stats = havenstad_statistics(year)
    stats = stats[stats["level"] == "buurt"]
    if city_only:
        stats = stats[stats["gemeente_code"] == CITY_CODE]
    out = pd.DataFrame({
        "code": stats["code"].to_numpy(), "name": stats["name"].to_numpy(),
        "gemeente_code": stats["gemeente_code"].to_numpy(),
        "score": stats["liveability_score"].to_numpy(),
        "class": stats["liveability_class"].astype(int).to_numpy(),
    })
    out["class_name"] = [class_name(c) for c in out["class"]]
    for d in LIVEABILITY_DIMENSIONS:
        out[d] = stats[f"liveability_{d}"].to_numpy()
    for c in ("incidents_per_1000", "pct_low_income", "households"):
        out[c] = stats[c].to_numpy()
    inventory = inventory_by_buurt(year)
    for c in INFRASTRUCTURE_MEASURES:
        out[c] = inventory.loc[out["code"], c].to_numpy()
    return out


def class_distribution(years: tuple[int, ...] = YEARS, *, city_only: bool = False
                       ) -> pd.DataFrame:
    """How many buurten are in each liveability class (columns 1-9), per year (rows).

    >>> d = class_distribution()
    >>> d.columns.tolist() == list(range(1, 10)), bool((d.sum(axis=1) == 53).all())
    (True, True)
    """
    years = [check_year(y, YEARS, allow_none=False) for y in years]
    stats = havenstad_statistics()
    stats = stats[(stats["level"] == "buurt") & stats["year"].isin(years)]
    if city_only:
        stats = stats[stats["gemeente_code"] == CITY_CODE]
    table = pd.crosstab(stats["year"], stats["liveability_class"].astype(int))
    return table.reindex(columns=range(1, 10), fill_value=0).rename_axis(
        index="year", columns="class")


def same_class_contrasts(year: int = TIE_YEAR, *, measure: str = "meeting_places",
                         city_only: bool = True, top: int = 5) -> pd.DataFrame:
    """Pairs of buurten in the same class whose infrastructure differs most.

    Sorted by the gap in ``measure`` (largest first), then by how close the two scores
    are, then by name, so the result is the same on every run.

    Returns
    -------
    pandas.DataFrame
        ``top`` rows: ``class``, ``more`` and ``fewer`` (buurt names), ``more_value``,
        ``fewer_value``, ``gap``, ``score_more``, ``score_fewer``.

    Examples
    --------
    >>> pairs = same_class_contrasts(2019)
    >>> bool((pairs["gap"] > 0).all()), bool(pairs["gap"].is_monotonic_decreasing)
    (True, True)
    """
    check_choice(measure, INFRASTRUCTURE_MEASURES, "measure")
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ValueError(f"top must be a whole number of at least 1; got {top!r}.")
    t = liveability_table(year, city_only=city_only)
    pairs = t.merge(t, on="class", suffixes=("_more", "_fewer"))
    pairs = pairs[pairs[f"{measure}_more"] > pairs[f"{measure}_fewer"]]
    out = pd.DataFrame({
        "class": pairs["class"], "more": pairs["name_more"], "fewer": pairs["name_fewer"],
        "more_value": pairs[f"{measure}_more"], "fewer_value": pairs[f"{measure}_fewer"],
        "gap": pairs[f"{measure}_more"] - pairs[f"{measure}_fewer"],
        "score_more": pairs["score_more"], "score_fewer": pairs["score_fewer"],
    })
    out["closeness"] = (out["score_more"] - out["score_fewer"]).abs()
    out = out.sort_values(["gap", "closeness", "more", "fewer"],
                          ascending=[False, True, True, True], kind="stable")
    return out.drop(columns="closeness").head(top).reset_index(drop=True)


def score_infrastructure_correlation(year: int = TIE_YEAR, *,
                                     measure: str = "meeting_places_per_1000",
                                     city_only: bool = True, permutations: int = 2000,
                                     seed: int = 0) -> dict[str, float]:
    r"""How strongly the liveability score goes together with social infrastructure.

    Pearson's :math:`r = \frac{\sum (x_i-\bar x)(y_i-\bar y)}{\sqrt{\sum (x_i-\bar x)^2
    \sum (y_i-\bar y)^2}}` between the score and ``measure``, Spearman's :math:`\rho`
    (Pearson's *r* of the ranks), a 95 % interval for *r* by Fisher's *z* (:math:`z =
    \operatorname{artanh} r \pm 1.96/\sqrt{n-3}`), and a two-sided permutation
    *p*-value for *r* (``permutations`` shuffles of the measure, seeded), all by
    :func:`wijkwijs.opendata.municipalities.correlation`.

    A correlation over buurten describes buurten, not residents, and shows neither
    cause nor what the organisations do (their work, not their number, is what Custers
    says stays out of sight).

    Returns
    -------
    dict
        ``n``, ``pearson_r``, ``r_low``, ``r_high``, ``spearman_rho``, ``p_permutation``.

    Examples
    --------
    >>> c = score_infrastructure_correlation(2019, permutations=200)
    >>> c["n"], -1 <= c["pearson_r"] <= 1, c["r_low"] <= c["pearson_r"] <= c["r_high"]
    (41, True, True)
    """
    check_choice(measure, INFRASTRUCTURE_MEASURES, "measure")
    if isinstance(permutations, bool) or not isinstance(permutations, int) or permutations < 1:
        raise ValueError(f"permutations must be a whole number of at least 1; "
                         f"got {permutations!r}.")
    t = liveability_table(year, city_only=city_only)
    x, y = t["score"].to_numpy(float), t[measure].to_numpy(float)
    pearson = correlation(x, y, method="pearson", permutations=permutations, seed=seed)
    spearman = correlation(x, y, method="spearman", permutations=0)
    return {"n": int(pearson["n"]), "pearson_r": pearson["r"], "r_low": pearson["ci_low"],
            "r_high": pearson["ci_high"], "spearman_rho": spearman["r"],
            "p_permutation": pearson["p_permutation"]}
