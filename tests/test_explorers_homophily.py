"""Tests for wijkwijs.explorers.homophily: the Schelling and tie-formation explorers."""

from __future__ import annotations

import numpy as np
import pytest

from wijkwijs.examples.homophily import SCHELLING_SEED
from wijkwijs.explorers import homophily as hp
from wijkwijs.models.schelling import SchellingModel


@pytest.fixture()
def schelling():
    return hp.schelling_explorer(size=30)


def test_schelling_explorer_is_an_explorer_with_play_and_progress(schelling):
    assert "wijkwijs-explorer" in schelling.widget._dom_classes
    assert next(iter(schelling.controls)) == "threshold"
    assert schelling.play.max == schelling.max_steps
    assert schelling.progress.layout.visibility == "hidden"


def test_a_frame_step_changes_the_grid_and_the_image(schelling):
    grid, png = schelling.grid.copy(), schelling.plot_view.value
    schelling.step()
    assert schelling.model.step_count == 1
    assert (schelling.grid != grid).any()
    assert schelling.plot_view.value != png
    assert schelling.play.value == 1
    assert np.isfinite(schelling.last_update_seconds)


def test_play_ticks_step_the_model_and_rewinding_is_deterministic(schelling):
    schelling.play.value = 3
    assert schelling.model.step_count == 3
    grid3 = schelling.grid.copy()
    schelling.play.value = 5
    schelling.play.value = 3  # back: rebuilt from the seed and replayed
    assert schelling.model.step_count == 3
    assert (schelling.grid == grid3).all()


def test_set_resets_the_model_deterministically_and_changes_the_output(schelling):
    png0, grid0 = schelling.plot_view.value, schelling.grid.copy()
    schelling.step(4)
    schelling.set(threshold=0.6)
    assert schelling.model.step_count == 0 and schelling.play.value == 0
    assert schelling.model.threshold == 0.6
    schelling.set(threshold=0.3)
    assert (schelling.grid == grid0).all()  # same seed, same start
    assert schelling.plot_view.value == png0
    reference = SchellingModel(30, 30, vacancy=0.1, threshold=0.3, seed=SCHELLING_SEED)
    assert (schelling.grid == reference.grid).all()


def test_run_reaches_equilibrium_and_hides_the_progress_bar(schelling):
    schelling.run()
    assert schelling.model.percent_unhappy == 0.0
    assert schelling.progress.value == schelling.progress.max
    assert schelling.progress.layout.visibility == "hidden"
    assert schelling.play.value == schelling.model.step_count
    assert "equilibrium" in schelling.status.value


def test_diversity_wish_and_radius_reach_the_model(schelling):
    schelling.set(max_similar=0.75, radius=2)
    assert schelling.model.max_similar == 0.75 and schelling.model.radius == 2
    schelling.set(max_similar=1.0)
    assert schelling.model.max_similar is None


def test_dutch_labels():
    from wijkwijs.i18n import set_language
    set_language("nl")
    try:
        ex = hp.schelling_explorer(size=10)
        assert ex.controls["threshold"].description.startswith("Drempel")
        assert "Stap" in ex.status.value
    finally:
        set_language("en")


def test_ties_explorer_set_changes_outputs():
    ex = hp.ties_explorer()
    table, png = ex.table_view.value, ex.plot_view.value
    ex.set(bridging=4)
    assert ex.table_view.value != table and ex.plot_view.value != png
    ex.set(bridging=0)
    assert ex.table_view.value == table  # cached, seeded: the same again


def _table_as_before(homophily, bridging, hunkering):
    """The table as the plain Explorer showed it (its table function, then to_html)."""
    from wijkwijs.examples.homophily import TIES_SEED, homophily_table, tie_model

    frame = homophily_table(tie_model(homophily, bridging, hunkering, seed=TIES_SEED).graph)
    value = frame.columns[1]
    frame[value] = [f"{v:.0f}" if k == 0 else f"{v:.3f}" for k, v in enumerate(frame[value])]
    return frame.to_html(index=False, float_format=lambda v: f"{v:.3f}", border=0,
                         classes="wijkwijs-table")


def test_ties_explorer_shows_the_model_of_its_settings_in_either_language():
    from matplotlib.figure import Figure

    from wijkwijs.figures.homophily import TieFrames
    from wijkwijs.i18n import set_language

    ex = hp.ties_explorer()
    for settings in [dict(homophily=2.0, bridging=4, hunkering=1.0),
                     dict(homophily=0.0, bridging=8, hunkering=0.0)]:
        ex.set(**settings)
        assert ex.table_view.value == _table_as_before(*settings.values())
        assert ex.model.params["bridging_foci"] == settings["bridging"]
        fresh = TieFrames(Figure(figsize=(7.6, 5.0)), dpi=ex.dpi).draw(ex.model)
        assert ex.plot_view.value == fresh  # the same frame, however it got there
    english = ex.table_view.value
    set_language("nl")
    try:
        dutch = hp.ties_explorer()
        dutch.set(homophily=0.0, bridging=8)
        assert dutch.table_view.value != english  # the cached table knows its language
        assert dutch.table_view.value == _table_as_before(0.0, 8, 0.0)
    finally:
        set_language("en")
    assert np.isfinite(ex.last_update_seconds) and ex.updates >= 3
