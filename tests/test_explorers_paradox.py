"""Tests for wijkwijs.explorers.paradox: scenario runs, summaries, tables, plots, explorer."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from wijkwijs import i18n
from wijkwijs.explorers import paradox as px
from wijkwijs.models.paradox import ParadoxModel

SMALL = {"years": 4, "scale": 0.2}


def test_run_scenario_matches_the_model_directly():
    history, zone_history = px.run_scenario({"protected_share": 0.5}, seed=3, **SMALL)
    m = ParadoxModel(protected_share=0.5, seed=3, scale=0.2)
    m.run(4)
    pd.testing.assert_frame_equal(history, m.history)
    pd.testing.assert_frame_equal(zone_history, m.zone_history)


def test_run_scenario_is_cached_and_returns_copies():
    px._cached_run.cache_clear()
    a, _ = px.run_scenario(seed=1, **SMALL)
    a.loc[:, "dissimilarity_city"] = -1.0  # a learner changing the frame ...
    b, _ = px.run_scenario(seed=1, **SMALL)  # ... does not change the cached run
    assert (b.dissimilarity_city >= 0).all()
    assert px._cached_run.cache_info().hits == 1


@pytest.mark.parametrize(("policy", "message"), [
    ({"rent_control": 1}, "unknown lever"),
    ({"protected_share": 2.0}, "protected_share must lie in"),
])
def test_bad_policies_raise(policy, message):
    with pytest.raises(ValueError, match=message):
        px.run_scenario(policy, **SMALL)


def test_bad_years_raise():
    with pytest.raises(ValueError, match="years must be a whole number"):
        px.run_scenario(years=0)


def test_summarise_hand_computed():
    h = pd.DataFrame({"year": [0, 1, 2, 3], "dissimilarity_city": [0.5, 0.3, 0.3, 0.45],
                      "dissimilarity_metro": [0.6, 0.5, 0.4, 0.41],
                      "displaced_to_suburbs": [0, 10, 20, 30],
                      "low_share_city": [0.4, 0.35, 0.3, 0.25],
                      "low_share_suburbs": [0.1, 0.15, 0.2, 0.25]})
    s = px.summarise(h)
    assert s["low_year"] == 1  # first of two tied minima
    assert s["d_city_low"] == pytest.approx(0.3)
    assert s["rise_after_low"] == pytest.approx(0.15)
    assert s["metro_low_year"] == 2
    assert s["displaced_to_suburbs"] == 60
    assert s["low_share_suburbs_final"] == pytest.approx(0.25)


def test_low_point_names_a_missing_column():
    with pytest.raises(ValueError, match="no column 'nope'"):
        px.low_point(pd.DataFrame({"year": [0]}), "nope")


def test_scenario_summary_averages_seeds():
    one = [px.scenario_summary(seeds=(s,), **SMALL)["d_city_final"] for s in (0, 1)]
    both = px.scenario_summary(seeds=(0, 1), **SMALL)["d_city_final"]
    assert both == pytest.approx(np.mean(one))
    with pytest.raises(ValueError, match="at least one seed"):
        px.scenario_summary(seeds=(), **SMALL)


def test_one_lever_policies_move_exactly_one_lever():
    policies = px.one_lever_policies()
    assert policies["default"] == px.DEFAULT_POLICY
    for lever in px.LEVERS:
        changed = {k for k in px.LEVERS if policies[lever][k] != px.DEFAULT_POLICY[k]}
        assert changed == {lever}


def test_tables_follow_the_language():
    i18n.set_language("nl")
    try:
        t = px.lever_table(**SMALL)
        assert "D stad, laatste jaar" in t.columns
        assert t.iloc[0, 0] == "Standaardbeleid"
    finally:
        i18n.set_language("en")
    t = px.scenario_table(**SMALL)
    assert list(t.iloc[:, 0]) == ["Default policy", "Protective policy"]
    assert len(t.columns) == 1 + 10


@pytest.mark.slow
def test_default_shows_the_paradox_and_protection_prevents_it():
    default = px.scenario_summary(px.DEFAULT_POLICY, seeds=(0, 1, 2))
    protective = px.scenario_summary(px.PROTECTIVE_POLICY, seeds=(0, 1, 2))
    # the author's note: low point around years 8-11, long-run rise within 30 years
    assert 6 <= default["low_year"] <= 13
    assert default["rise_after_low"] > 0.12
    assert default["d_city_final"] > default["d_city_start"]
    assert protective["d_city_final"] < default["d_city_start"] - 0.1
    assert protective["displaced_to_suburbs"] < 0.2 * default["displaced_to_suburbs"]


@pytest.mark.slow
def test_strongest_levers_are_robust_over_seeds():
    # the chapter's claims (and the exercise solutions) hold for every seed, not just 0
    for seed in (0, 1, 2):
        assert px.strongest_lever("d_city_final", seeds=(seed,)) == "protected_share"
        assert px.strongest_lever("low_share_city_final",
                                  seeds=(seed,)) == "social_sales_per_year"
        summaries = {lever: px.scenario_summary(policy, seeds=(seed,))
                     for lever, policy in px.one_lever_policies().items()}
        # rent regulation alone changes the long-run city index least
        effects = {lever: abs(summaries[lever]["d_city_final"]
                              - summaries["default"]["d_city_final"]) for lever in px.LEVERS}
        assert min(effects, key=effects.get) == "rent_regulation"


def test_plot_trajectories_labels_and_marks():
    history, _ = px.run_scenario(seed=0, **SMALL)
    fig, ax = plt.subplots()
    px.plot_trajectories(ax, history, year=2)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("Year 2" in lab for lab in labels)
    np.testing.assert_allclose(ax.lines[0].get_ydata(), history.dissimilarity_city)
    plt.close(fig)


def test_plot_zone_map_colours_each_zone_by_its_share():
    _, zone_history = px.run_scenario(seed=0, **SMALL)
    fig, ax = plt.subplots()
    coll = px.plot_zone_map(ax, zone_history, 3, "social_share")
    expected = zone_history.loc[zone_history.year == 3].sort_values("zone").social_share
    np.testing.assert_allclose(coll.get_array(), expected)
    assert coll.get_cmap().name == "cividis"
    assert ax.get_title() == "Social-rent share of households by zone, year 3"
    assert ax.get_xlabel() and ax.get_ylabel()
    texts = [t.get_text() for t in ax.texts]
    assert "model city — schematic, not a real place" in texts
    plt.close(fig)


def test_plot_zone_map_rejects_bad_year_and_column():
    _, zone_history = px.run_scenario(seed=0, **SMALL)
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="no year 99"):
        px.plot_zone_map(ax, zone_history, 99)
    with pytest.raises(ValueError, match="column must be"):
        px.plot_zone_map(ax, zone_history, 1, "price")
    plt.close(fig)


def test_plot_maps_by_year_and_shares():
    history, zone_history = px.run_scenario(seed=0, **SMALL)
    fig = plt.figure(layout="constrained")
    px.plot_maps_by_year(fig, zone_history, (0, 2, 4))
    titles = [ax.get_title() for ax in fig.axes]
    assert titles[:3] == ["Year 0", "Year 2", "Year 4"]
    assert fig.get_suptitle() == "Low-income share of households by zone"
    plt.close(fig)
    fig, ax = plt.subplots()
    px.plot_low_income_shares(ax, history)
    assert len(ax.lines) == 2 and ax.get_ylabel()
    plt.close(fig)


def test_explorer_year_slider_reuses_the_cached_run():
    ex = px.paradox_explorer()
    assert "wijkwijs-explorer" in ex.widget._dom_classes
    runs = px._cached_run.cache_info().misses
    ex.set(year=25)
    ex.set(year=5)
    assert px._cached_run.cache_info().misses == runs  # no new model run
    assert ex.updates == 3 and ex.plot_view.value[:4] == b"\x89PNG"
    ex.set(social_sales_per_year=0)
    assert px._cached_run.cache_info().misses == runs + 1


def test_explorer_labels_in_dutch():
    i18n.set_language("nl")
    try:
        ex = px.paradox_explorer()
        assert ex.controls["protected_share"].description == "Beschermd deel sociale huur"
    finally:
        i18n.set_language("en")


def test_all_paradox_keys_have_both_languages():
    for key in (k for k in i18n.keys() if k.startswith("paradox.")):
        for lang in i18n.LANGUAGES:
            i18n.set_language(lang)
            assert i18n.t(key)
    i18n.set_language("en")
