"""Tests for wijkwijs.examples.homophily: the chapter's Schelling and tie-formation runs."""

from __future__ import annotations

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
