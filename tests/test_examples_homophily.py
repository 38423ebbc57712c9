"""Tests for wijkwijs.examples.homophily: the chapter's Schelling and tie-formation runs."""

from __future__ import annotations

import numpy as np
import pytest

from wijkwijs.examples import homophily as hp
from wijkwijs.models.ties import KINDS, homophily_test


def test_shared_places_raise_cross_group_ties():
    sweep = hp.bridging_sweep((0, 8))
    assert sweep.observed.iloc[1] > sweep.observed.iloc[0]
    assert (sweep.observed < sweep.expected).all()  # homophily remains


def test_homophily_table_matches_the_model_measures():
    model = hp.tie_model()
    table = hp.homophily_table(model.graph)
    values = table.iloc[:, 1].to_numpy()
    test = homophily_test(model.graph, "group")
    assert values[0] == test["n_ties"]
    assert values[1] == pytest.approx(model.history.cross_share.iloc[-1])
    assert values[2] == pytest.approx(test["expected"])
    assert values[-1] == pytest.approx(model.history.assortativity.iloc[-1])


def test_city_wide_residents_have_fewer_local_ties():
    table = hp.ties_by_kind(hp.tie_model()).set_index("kind")
    assert table.loc["young_professional", "mean_ties"] < table.loc["family", "mean_ties"]
    assert table.residents.sum() == len(hp.tie_model().residents)
    assert list(table.index) == list(KINDS)


def test_schelling_sweep_mild_wishes_make_strong_segregation():
    sweep = hp.schelling_sweep([0.3], size=30)
    assert sweep.end_similar.iloc[0] > 100 * 0.3 + 20
    assert sweep.end_similar.iloc[0] > sweep.start_similar.iloc[0]


def test_schelling_start_is_the_run_at_step_zero():
    run = hp.schelling_run(0.3, size=20, max_similar=0.8)
    start = hp.schelling_start(run)
    assert start.step_count == 0 and run.step_count > 0
    assert (start.grid == hp.schelling_model(0.3, size=20, max_similar=0.8).grid).all()
    assert start.max_similar == 0.8


def test_tie_model_is_cached_and_group_labels_follow_the_language():
    from wijkwijs import i18n

    assert hp.tie_model(bridging_foci=2) is hp.tie_model(bridging_foci=2)
    i18n.set_language("nl")
    try:
        assert hp.group_label(0) == "Groep A"
    finally:
        i18n.set_language("en")


def test_block_baseline_recomputes_its_columns():
    from wijkwijs.models.schelling import block_segregation, random_block_dissimilarity

    run = hp.schelling_run(0.3, size=30)
    t = hp.block_baseline(run, (2, 5))
    assert t.block_size.tolist() == [2, 5]
    assert np.allclose(t.equilibrium, block_segregation(run.grid, (2, 5)).dissimilarity)
    assert np.allclose(t.random, random_block_dissimilarity(run.grid, (2, 5))
                       .random_dissimilarity)
    assert np.allclose(t.excess, t.equilibrium - t.random)
    # the random start is one draw of a random city: close to the expected value
    assert np.all(np.abs(t.start - t.random) < 0.1)
    assert (t.excess > 0).all()


def test_lifestyle_gap_by_a_second_route():
    from wijkwijs.havenstad.ties import havenstad_ties_by

    gap = hp.lifestyle_gap().set_index("source")
    by = havenstad_ties_by("lifestyle").set_index("lifestyle")
    assert gap.loc["havenstad", "citywide_ties"] == pytest.approx(by.loc["city_wide", "mean_ties"])
    assert gap.loc["havenstad", "neighbourhood_ties"] == pytest.approx(
        by.loc["neighbourhood", "mean_ties"])
    kinds = hp.ties_by_kind(hp.tie_model()).set_index("kind")
    assert gap.loc["model", "citywide_ties"] == pytest.approx(
        kinds.loc["young_professional", "mean_ties"])
    assert np.allclose(gap.ratio, gap.citywide_ties / gap.neighbourhood_ties)
    # equal time: the city-wide residents join places as often as the others would
    assert gap.loc["model_equal_time", "citywide_places"] > gap.loc["model", "citywide_places"]


def test_mobility_sweep_less_time_fewer_ties():
    t = hp.mobility_sweep((1.0, 0.5, 0.2))
    assert (np.diff(t.citywide_ties) < 0).all() and (np.diff(t.mean_ties) < 0).all()
    assert (np.diff(t.pct_without_ties) >= 0).all()
    full = hp.tie_model(citywide_time=1.0)
    assert t.mean_ties.iloc[0] == pytest.approx(2 * full.graph.number_of_edges() / 240)
