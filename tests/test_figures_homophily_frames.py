"""The explorers' fast figures of chapter 5: a blitted frame is pixel for pixel the full draw.

* :func:`wijkwijs.figures.homophily._spring_layout` against ``networkx.spring_layout``
  (the oracle) on random graphs: the same positions bit for bit.
* :class:`~wijkwijs.figures.homophily.TieFrames` and
  :class:`~wijkwijs.figures.homophily.SchellingFrames`: after a run of parameter changes
  (each frame drawn on a reused background), the frame equals a full draw of the same
  figure and the first frame of a freshly built one (decoded PNGs, ``numpy`` equality).
"""

from __future__ import annotations

import io

import networkx as nx
import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from wijkwijs.examples import homophily as hp
from wijkwijs.figures import homophily as hpfig
from wijkwijs.figures.blit import canvas_png


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def _full_draw(frames) -> np.ndarray:
    """Draw every artist of the figure (none left out as animated) and decode it."""
    blit = frames._frames
    for artist in blit.animated:
        artist.set_animated(False)
    try:
        blit.canvas.draw()
        return _pixels(canvas_png(blit.canvas))
    finally:
        for artist in blit.animated:
            artist.set_animated(True)


def _random_graph(seed: int) -> tuple[np.ndarray, nx.Graph]:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 120))
    a = np.triu(rng.random((n, n)) < rng.uniform(0.01, 0.2), 1)
    weights = np.where(a, rng.choice([1.0, 0.5, 2.0, 3.25], size=a.shape), 0.0)
    if seed % 2:
        weights = a.astype(float)
    weights = weights + weights.T
    return weights, nx.from_numpy_array(weights)


@pytest.mark.parametrize("seed", range(8))
def test_spring_layout_is_networkx_spring_layout_bit_for_bit(seed):
    weights, graph = _random_graph(seed)
    n = weights.shape[0]
    rng = np.random.default_rng(100 + seed)
    k = float(rng.uniform(0.5, 3.0)) / np.sqrt(n)
    iterations, start = int(rng.integers(1, 80)), int(rng.integers(0, 1000))
    threshold = [1e-4, 1e-2][seed % 2]  # 1e-2 stops early: the break must match too
    expected = nx.spring_layout(graph, k=k, iterations=iterations, seed=start,
                                threshold=threshold)
    got = hpfig._spring_layout(nx.to_numpy_array(graph), k=k, iterations=iterations,
                               seed=start, threshold=threshold)
    np.testing.assert_array_equal(got, np.array([expected[i] for i in range(n)]))


def test_spring_layout_small_and_bad_input():
    assert hpfig._spring_layout(np.zeros((0, 0)), k=1.0).shape == (0, 2)
    np.testing.assert_array_equal(hpfig._spring_layout(np.zeros((1, 1)), k=1.0), [[0.0, 0.0]])
    with pytest.raises(ValueError, match="square"):
        hpfig._spring_layout(np.zeros((2, 3)), k=1.0)


def _old_layout(model) -> np.ndarray:
    """The layout as it was computed before, with networkx's spring_layout (the oracle)."""
    n = len(model.residents)
    xy = np.zeros((n, 2))
    tied = model.adjacency.any(axis=1)
    graph = nx.from_numpy_array(model.adjacency[np.ix_(tied, tied)].astype(int))
    if graph.number_of_nodes():
        pos = nx.spring_layout(graph, seed=1, iterations=60,
                               k=2.0 / np.sqrt(graph.number_of_nodes()))
        xy[tied] = np.array([pos[i] for i in range(graph.number_of_nodes())])
    alone = np.flatnonzero(~tied)
    if alone.size:
        xy[alone, 0] = np.linspace(-1, 1, alone.size + 2)[1:-1]
        xy[alone, 1] = (xy[tied, 1].min() if tied.any() else 0.0) - 0.25
    return xy


@pytest.mark.parametrize("settings", [(1.0, 0, 0.0), (0.0, 8, 0.0), (3.0, 0, 3.0),
                                      (2.0, 4, 1.0)])
def test_the_ties_layout_is_unchanged(settings):
    model = hp.tie_model(*settings)
    np.testing.assert_array_equal(hpfig._layout(model), _old_layout(model))


def test_tie_frames_are_the_full_draw_after_parameter_changes():
    fig = Figure(figsize=(7.6, 5.0))
    frames = hpfig.TieFrames(fig, dpi=60)
    frames.draw(hp.tie_model())
    for settings in [(0.0, 0, 0.0), (3.0, 0, 3.0), (1.0, 8, 0.0), (2.0, 2, 1.5)]:
        model = hp.tie_model(*settings)
        frame = _pixels(frames.draw(model))
        np.testing.assert_array_equal(frame, _full_draw(frames))
        fresh = hpfig.TieFrames(Figure(figsize=(7.6, 5.0)), dpi=60)
        np.testing.assert_array_equal(frame, _pixels(fresh.draw(model)))


def test_tie_frames_draw_what_plot_ties_draws():
    model = hp.tie_model(bridging_foci=4)
    frames = hpfig.TieFrames(Figure(figsize=(7.6, 5.0)))
    frames.draw(hp.tie_model())
    frames.draw(model)
    ax = frames.figure.axes[0]
    reference = hpfig.plot_ties(model).axes[0]
    for mine, theirs in zip(ax.collections, reference.collections, strict=True):
        if hasattr(mine, "get_segments"):
            assert len(mine.get_segments()) == len(theirs.get_segments())
            np.testing.assert_array_equal(np.asarray(mine.get_segments()),
                                          np.asarray(theirs.get_segments()))
        else:
            np.testing.assert_array_equal(mine.get_offsets(), theirs.get_offsets())
    assert ax.get_title() == reference.get_title()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        t.get_text() for t in reference.get_legend().get_texts()]
    assert ax.texts[-1].get_text() == "Illustrative model — not data"
    # every resident inside the view, the aspect equal (one data unit as wide as high)
    xy = hpfig._layout(model)
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert x0 < xy[:, 0].min() and xy[:, 0].max() < x1
    assert y0 < xy[:, 1].min() and xy[:, 1].max() < y1
    box = ax.get_position()
    width, height = frames.figure.get_size_inches() * (box.width, box.height)
    assert (x1 - x0) / width == pytest.approx((y1 - y0) / height)


def test_schelling_frames_are_the_full_draw_after_slider_changes(monkeypatch):
    frames = hpfig.SchellingFrames(Figure(figsize=(9.0, 4.2)), dpi=50)
    frames.draw(hp.schelling_model(0.3, size=20))
    changes = [dict(threshold=0.5), dict(threshold=0.5, vacancy=0.3), dict(radius=2, threshold=0.8),
               dict(max_similar=0.8)]
    for k, change in enumerate(changes):
        model = hp.schelling_model(**{"threshold": 0.3, **change}, size=20)
        if k == 2:  # a model run on past step 40: the step axis doubles, then a new run
            model.run(45)
            frame = _pixels(frames.draw(model))
            assert frames.figure.axes[1].get_xlim() == (0, 80)
            np.testing.assert_array_equal(frame, _full_draw(frames))
            model = hp.schelling_model(**{"threshold": 0.3, **change}, size=20)
            with monkeypatch.context() as patch:  # back to 40 steps: no background drawn
                patch.setattr(frames._frames.canvas, "draw", None)
                frame = _pixels(frames.draw(model))
            assert sorted(frames._backgrounds) == [40, 80]
        frame = _pixels(frames.draw(model))
        assert frames.figure.axes[1].get_xlim() == (0, 40)
        np.testing.assert_array_equal(frame, _full_draw(frames))
        fresh = hpfig.SchellingFrames(Figure(figsize=(9.0, 4.2)), dpi=50)
        np.testing.assert_array_equal(frame, _pixels(fresh.draw(model)))
        model.step()
        np.testing.assert_array_equal(_pixels(frames.frame(model)), _full_draw(frames))
