"""Tests for the exercises of notebook 7.1: each computed answer recomputed another way."""

from __future__ import annotations

import numpy as np
from scipy import stats as scipy_stats

from wijkwijs import exercises as ex
from wijkwijs.exercises.ch7 import statistics as bank
from wijkwijs.havenstad import havenstad_organisations, havenstad_statistics

YEAR = bank.YEAR


def _city(year: int = YEAR):
    stats = havenstad_statistics(year)
    stats = stats[(stats.level == "buurt") & (stats.gemeente_code == "GM9901")].copy()
    orgs = havenstad_organisations()
    open_places = orgs[(orgs.founded <= year) & (orgs.closed.isna() | (orgs.closed > year))
                       & orgs.meeting_place].groupby("buurt_code").size()
    stats["places"] = stats.code.map(open_places).fillna(0).to_numpy()
    return stats


def test_the_correlation_band_is_scipys_r():
    city = _city()
    r, _ = scipy_stats.pearsonr(city.liveability_score, 1000 * city.places / city.population)
    low, high = bank.CORRELATION_BANDS[ex.get("7.1-predict-r").expected()]
    assert low <= r < high
    assert ex.check("7.1-predict-r", ex.get("7.1-predict-r").expected()).correct


def test_the_gap_and_the_dimension_by_brute_force():
    city = _city().reset_index(drop=True)
    best, pair = -1, None
    for i in range(len(city)):
        for j in range(len(city)):
            same = city.liveability_class[i] == city.liveability_class[j]
            gap = city.places[i] - city.places[j]
            if same and gap > best:
                best, pair = gap, (i, j)
    assert ex.get("7.1-same-class-gap").expected() == best
    # the chosen pair may be any pair with that gap; the dimension answer is the largest
    # absolute difference of that pair's five dimensions
    from wijkwijs.havenstad.liveability import same_class_contrasts

    chosen = same_class_contrasts(YEAR, top=1).iloc[0]
    rows = city.set_index("name")
    dims = ["physical_environment", "nuisance_and_safety", "social_cohesion", "amenities",
            "housing_stock"]
    diff = np.abs(rows.loc[chosen["more"], [f"liveability_{d}" for d in dims]].to_numpy(float)
                  - rows.loc[chosen["fewer"], [f"liveability_{d}" for d in dims]].to_numpy(float))
    assert ex.get("7.1-which-dimension").expected() == int(np.argmax(diff))
    assert pair is not None


def test_the_interpretation_and_policy_answers_and_the_reflection():
    assert ex.check("7.1-what-r-says", "b").correct
    assert not ex.check("7.1-what-r-says", "a").correct
    assert ex.check("7.1-policy", "c").correct
    reflection = ex.get_reflection("7.1-reflect")
    assert "sociale kaart" in reflection.model_answer["en"]
    assert "sociale kaart" in reflection.model_answer["nl"]
