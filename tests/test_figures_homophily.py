"""Tests for wijkwijs.figures.homophily: grids, sweeps, tie networks, Schelling frames."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.figure import Figure

from wijkwijs.examples import homophily as hp
from wijkwijs.figures import NotebookFigure
from wijkwijs.figures import homophily as hpfig


def test_every_plot_returns_its_figure_and_draws_into_a_given_axis():
    run = hp.schelling_run(0.3, size=20)
    sweep = hp.schelling_sweep([0.2, 0.4], size=20)
    made = [hpfig.plot_grid(run.grid, "city"), hpfig.plot_grids([run], ["a"]),
            hpfig.plot_sweep(sweep), hpfig.plot_block_segregation(run.segregation((2, 5))),
            hpfig.plot_ties(hp.tie_model()), hpfig.plot_bridging_sweep(hp.bridging_sweep((0, 2)))]
    assert all(isinstance(f, NotebookFigure) for f in made)
    assert all(f.axes[0].get_title() for f in made)
    fig = Figure()
    ax = fig.add_subplot()
    assert hpfig.plot_sweep(sweep, ax=ax) is fig and len(ax.lines) == 3


def test_grid_colours_vacant_grey_and_the_groups():
    fig = hpfig.plot_grid(np.array([[0, 1], [-1, 0]]), "tiny")
    image = fig.axes[0].images[0]
    assert image.cmap(image.norm(0))[:3] == pytest.approx((217 / 255,) * 3)  # VACANT_COLOUR
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == [
        "Group A", "Group B", "Vacant"]


def test_grids_with_their_start():
    run = hp.schelling_run(0.3, size=20)
    fig = hpfig.plot_grids([run], ["T"], start=True)
    assert [a.get_title() for a in fig.axes] == ["T: step 0", f"T: step {run.step_count}"]
    np.testing.assert_array_equal(fig.axes[0].images[0].get_array(),
                                  hp.schelling_start(run).grid + 1)
    with pytest.raises(ValueError, match="one axis per grid"):
        hpfig.plot_grids([run], ["T"], start=True, ax=[Figure().add_subplot()])


def test_ties_cross_group_ties_are_drawn_apart():
    model = hp.tie_model()
    ax = hpfig.plot_ties(model).axes[0]
    same, cross = ax.collections[:2]
    g = model.residents.group.to_numpy()
    rows, cols = np.nonzero(np.triu(model.adjacency, 1))
    assert len(cross.get_segments()) == int((g[rows] != g[cols]).sum())
    assert len(same.get_segments()) + len(cross.get_segments()) == rows.size


def test_schelling_frames_redraw_only_the_grid_and_lines():
    model = hp.schelling_model(0.3, size=20)
    frames = hpfig.SchellingFrames(Figure(figsize=(9.0, 4.2)))
    first = frames.draw(model)
    assert first[:4] == b"\x89PNG"
    model.run(50)
    later = frames.frame(model)
    assert later != first
    assert frames.figure.axes[1].get_xlim() == (0, 40 if model.step_count < 40 else 80)


def test_model_figures_say_illustrative_and_havenstad_figures_synthetic():
    from wijkwijs.examples.homophily import block_baseline, bridging_sweep, schelling_run
    from wijkwijs.figures import homophily as hf
    from wijkwijs.havenstad.street import youth_space_mix
    from wijkwijs.models.diversity import hunkering_table

    run = schelling_run(0.3, size=20)
    small = hunkering_table((0.0, 0.5), (0.0,), n_streets=2, houses_per_street=10, steps=2)
    for fig in (hf.plot_block_baseline(block_baseline(run, (2, 5))),
                hf.plot_bridging_sweep(bridging_sweep((0, 1))),
                hf.plot_hunkering(small), hf.plot_grids([run], ["t"])):
        assert "Illustrative model — not data" in [t.get_text() for t in fig.axes[-1].texts]
    texts = [t.get_text() for t in hf.plot_youth_mix(youth_space_mix()).axes[0].texts]
    assert "Synthetic city — not a real place" in texts
