"""The liveability score next to social infrastructure (chapter 7.1), on synthetic Havenstad."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats as scipy_stats

from wijkwijs import i18n
from wijkwijs.havenstad import havenstad_organisations, havenstad_statistics
from wijkwijs.havenstad import liveability as hl
from wijkwijs.havenstad.generate.liveability import LIVEABILITY_CLASS_BOUNDS, liveability_class


def test_the_table_joins_score_and_inventory_by_code():
    t = hl.liveability_table(2019)
    stats = havenstad_statistics(2019).set_index("code")
    assert len(t) == 53 and t["code"].is_unique
    np.testing.assert_array_equal(t["score"], stats.loc[t["code"], "liveability_score"])
    orgs = havenstad_organisations()
    open_places = orgs[(orgs.founded <= 2019) & (orgs.closed.isna() | (orgs.closed > 2019))
                       & orgs.meeting_place].groupby("buurt_code").size()
    np.testing.assert_array_equal(t["meeting_places"],
                                  t["code"].map(open_places).fillna(0).astype(int))
    assert set(t["class_name"]) <= set(hl.LIVEABILITY_CLASS_NAMES["en"])


def test_class_names_follow_the_language():
    i18n.set_language("nl")
    try:
        assert hl.liveability_table(2019)["class_name"].isin(hl.LIVEABILITY_CLASS_NAMES["nl"]).all()
    finally:
        i18n.set_language("en")
    assert [hl.class_name(c, "nl") for c in (1, 9)] == ["zeer onvoldoende", "uitstekend"]
    for bad in (0, 10, 2.5, True):
        with pytest.raises(ValueError, match="whole number from 1 to 9"):
            hl.class_name(bad)


def test_fixed_bounds_by_hand():
    low, high = LIVEABILITY_CLASS_BOUNDS[0], LIVEABILITY_CLASS_BOUNDS[-1]
    assert liveability_class(np.array([low - 1e-9, low, high - 1e-9, high])).tolist() == [
        1, 2, 8, 9]


def test_class_distribution_counts_every_buurt_once_a_year():
    d = hl.class_distribution()
    stats = havenstad_statistics()
    b = stats[stats.level == "buurt"]
    for year in (2011, 2016, 2022):
        counts = b[b.year == year]["liveability_class"].value_counts()
        assert d.loc[year, counts.index.astype(int)].tolist() == counts.tolist()
    assert (d.sum(axis=1) == 53).all()
    assert hl.class_distribution(city_only=True).sum(axis=1).eq(41).all()


def test_same_class_contrasts_is_the_brute_force_answer():
    t = hl.liveability_table(2019, city_only=True)
    best = hl.same_class_contrasts(2019, top=1).iloc[0]
    gaps = [a.meeting_places - b.meeting_places for a in t.itertuples() for b in t.itertuples()
            if a[5] == b[5]]  # the class column
    assert best["gap"] == max(gaps)
    row = t.set_index("name")
    assert row.loc[best["more"], "class"] == row.loc[best["fewer"], "class"] == best["class"]
    with pytest.raises(ValueError, match="measure"):
        hl.same_class_contrasts(2019, measure="churches")
    with pytest.raises(ValueError, match="top"):
        hl.same_class_contrasts(2019, top=0)


@pytest.mark.parametrize("measure", hl.INFRASTRUCTURE_MEASURES)
def test_correlation_against_scipy(measure):
    c = hl.score_infrastructure_correlation(2019, measure=measure, permutations=300)
    t = hl.liveability_table(2019, city_only=True)
    r, _ = scipy_stats.pearsonr(t["score"], t[measure])
    rho, _ = scipy_stats.spearmanr(t["score"], t[measure])
    assert c["pearson_r"] == pytest.approx(r, abs=1e-12)
    assert c["spearman_rho"] == pytest.approx(rho, abs=1e-12)
    ci = scipy_stats.pearsonr(t["score"], t[measure]).confidence_interval(0.95)
    assert c["r_low"] == pytest.approx(ci.low, abs=2e-3)
    assert c["r_high"] == pytest.approx(ci.high, abs=2e-3)
    assert 0 < c["p_permutation"] <= 1


def test_the_permutation_p_value_is_seeded_and_sensible():
    a = hl.score_infrastructure_correlation(2019, permutations=500, seed=3)
    b = hl.score_infrastructure_correlation(2019, permutations=500, seed=3)
    assert a == b
    # a two-sided permutation test of r: compare with scipy's own permutation test
    t = hl.liveability_table(2019, city_only=True)
    res = scipy_stats.permutation_test(
        (t["meeting_places_per_1000"].to_numpy(),),
        lambda y: scipy_stats.pearsonr(t["score"], y)[0], permutation_type="pairings",
        n_resamples=2000, random_state=1)
    assert abs(a["p_permutation"] - res.pvalue) < 0.08
    with pytest.raises(ValueError, match="permutations"):
        hl.score_infrastructure_correlation(2019, permutations=0)
