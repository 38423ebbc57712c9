"""The explorers of chapter 5 (homophily): Schelling's city and tie formation.

* :func:`schelling_explorer` — Schelling's (1971) segregation model on a 50×50 grid,
  with sliders for the threshold (a *fraction* of like neighbours), the share of
  vacant dwellings, the neighbourhood radius and a wish for diversity (Hart & Case
  2014, *Parable of the Polygons*), a Play control that animates the steps and a
  *Run to equilibrium* button with a progress bar. Frames are drawn by
  :class:`wijkwijs.figures.homophily.SchellingFrames`: only the grid and the two
  lines change from frame to frame.
* :func:`ties_explorer` — :class:`wijkwijs.models.ties.TieModel` residents on a
  street grid forming ties for a year, with sliders for homophily, bridging foci
  (shared places; Feld 1981) and "hunkering down" (Putnam 2007), a network drawing
  (:class:`wijkwijs.figures.homophily.TieFrames`: only the ties and residents change
  from frame to frame) and a table with the homophily test, Coleman's index and
  Newman's assortativity.

The runs and measures are in :mod:`wijkwijs.examples.homophily`.

Examples
--------
>>> ex = schelling_explorer(size=20)
>>> before = ex.grid.copy()
>>> ex.step()
>>> bool((ex.grid != before).any())
True
>>> ex.set(threshold=0.5)          # a parameter change resets the model
>>> ex.model.step_count
0
"""

from __future__ import annotations

import time
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import ipywidgets as w
import numpy as np

from wijkwijs import i18n
from wijkwijs.examples.homophily import (
    SCHELLING_SEED,
    TIES_SEED,
    homophily_table,
    schelling_model,
    tie_model,
)
from wijkwijs.figures.homophily import SchellingFrames, TieFrames
from wijkwijs.models.schelling import SchellingModel
from wijkwijs.widgets import Explorer, slider

if TYPE_CHECKING:
    from wijkwijs.models.ties import TieModel

__all__ = ["SchellingExplorer", "TiesExplorer", "schelling_explorer", "ties_explorer"]

i18n.register({
    "homo.threshold": {"en": "Threshold (fraction alike)", "nl": "Drempel (aandeel gelijk)"},
    "homo.vacancy": {"en": "Vacant dwellings (share)", "nl": "Lege woningen (aandeel)"},
    "homo.radius": {"en": "Neighbourhood radius", "nl": "Straal van de buurt"},
    "homo.max_similar": {"en": "Diversity wish: too alike above",
                         "nl": "Wens tot diversiteit: te gelijk boven"},
    "homo.play": {"en": "Play / pause the steps", "nl": "Stappen afspelen / pauzeren"},
    "homo.run": {"en": "Run to equilibrium", "nl": "Draai tot evenwicht"},
    "homo.progress": {"en": "Progress", "nl": "Voortgang"},
    "homo.status": {"en": "Step {step}: {similar:.1f}% of neighbours alike, "
                          "{unhappy:.1f}% of households unhappy.",
                    "nl": "Stap {step}: {similar:.1f}% van de buren gelijk, "
                          "{unhappy:.1f}% van de huishoudens ontevreden."},
    "homo.status_done": {"en": " Nobody wants to move any more: equilibrium.",
                         "nl": " Niemand wil nog verhuizen: evenwicht."},
    "homo.explorer_title": {"en": "Schelling's segregation model",
                            "nl": "Het segregatiemodel van Schelling"},
    "homo.homophily": {"en": "Homophily strength", "nl": "Sterkte van homofilie"},
    "homo.bridging": {"en": "Shared places (bridging foci)",
                      "nl": "Gedeelde plekken (overbruggende foci)"},
    "homo.hunkering": {"en": "Hunkering down", "nl": "Terugtrekken (hunkering down)"},
    "homo.ties_explorer_title": {"en": "Who forms ties with whom?",
                                 "nl": "Wie knoopt banden aan met wie?"},
})


# -- Schelling: the animated explorer ------------------------------------------------
class SchellingExplorer(Explorer):
    """The Schelling explorer: parameter sliders, Play control, run button, live charts.

    Moving a slider rebuilds the model from the same seed (so the same settings always
    give the same city) and rewinds the Play control to step 0. Each Play tick is one
    step; pressing Play's stop button, or moving it back, rewinds deterministically.
    ``last_update_seconds`` is the time of the last frame (or full redraw).

    Parameters
    ----------
    size
        Grid side in cells (default 50).
    seed
        Seed of every model the explorer builds.
    max_steps
        Last step of the Play control and the longest run.
    interval
        Milliseconds between Play ticks (50 ms: 20 frames per second).
    """

    def __init__(self, *, size: int = 50, seed: int = SCHELLING_SEED, max_steps: int = 300,
                 interval: int = 50, threshold: float = 0.3, vacancy: float = 0.1,
                 radius: int = 1, max_similar: float = 1.0) -> None:
        self.size, self.seed, self.max_steps = int(size), int(seed), int(max_steps)
        self.model: SchellingModel | None = None
        self._syncing = False
        self._frames: SchellingFrames | None = None
        self.frames = 0
        self.dpi = 80  # modest resolution: a frame must encode well within 50 ms
        self.play = w.Play(value=0, min=0, max=self.max_steps, step=1, interval=interval,
                           description=i18n.t("homo.play"), show_repeat=False)
        self.play.tooltip = i18n.t("homo.play")
        self.step_readout = w.IntText(value=0, description=i18n.t("homo.step"), disabled=True,
                                      layout=w.Layout(width="10em"))
        self.run_button = w.Button(description=i18n.t("homo.run"), icon="forward",
                                   tooltip=i18n.t("homo.run"))
        self.progress = w.IntProgress(value=0, min=0, max=self.max_steps,
                                      description=i18n.t("homo.progress"),
                                      layout=w.Layout(visibility="hidden"))
        self.status = w.HTML()
        controls = {
            "threshold": slider("homo.threshold", 0.0, 1.0, 0.05, value=threshold,
                                readout_format=".2f"),
            "vacancy": slider("homo.vacancy", 0.02, 0.5, 0.02, value=vacancy,
                              readout_format=".2f"),
            "radius": slider("homo.radius", 1, 3, 1, value=radius),
            "max_similar": slider("homo.max_similar", 0.5, 1.0, 0.05, value=max_similar,
                                  readout_format=".2f"),
        }
        super().__init__(controls, plot=lambda fig, **_: None, plot_takes="figure",
                         title="homo.explorer_title", figsize=(9.0, 4.2))
        self.play.observe(self._on_play, names="value")
        self.run_button.on_click(lambda _b: self.run())
        header, sliders, *views = self.widget.children
        self.status.add_class("wijkwijs-status")
        self.widget.children = (header, sliders,
                                w.HBox([self.play, self.step_readout, self.run_button,
                                        self.progress]),
                                self.status, *views)

    # -- model ---------------------------------------------------------------------
    def _new_model(self) -> SchellingModel:
        v = self.values()
        return schelling_model(v["threshold"], vacancy=v["vacancy"], radius=int(v["radius"]),
                               max_similar=v["max_similar"], size=self.size, seed=self.seed)

    @property
    def grid(self) -> np.ndarray:
        """The current grid (``-1`` vacant, ``0``/``1`` the groups)."""
        return self.model.grid

    def _sync_play(self) -> None:
        self._syncing = True
        try:
            self.play.value = min(self.model.step_count, self.max_steps)
            self.step_readout.value = self.model.step_count
        finally:
            self._syncing = False

    def update(self) -> None:
        """Rebuild the model from the sliders (same seed) and redraw everything."""
        start = time.perf_counter()
        self.model = self._new_model()
        self.play.playing = False
        self._sync_play()
        if self._frames is None:
            self._frames = SchellingFrames(self.figure, dpi=self.dpi)
        self._show(self._frames.draw(self.model))
        self.updates += 1
        self.last_update_seconds = time.perf_counter() - start

    def reset(self) -> None:
        """Back to step 0 with the current settings."""
        self.update()

    def step(self, n: int = 1) -> None:
        """Take ``n`` steps and show the new frame (as Play does, one step per tick)."""
        start = time.perf_counter()
        for _ in range(int(n)):
            self.model.step()
        self._sync_play()
        self._draw_frame()
        self.last_update_seconds = time.perf_counter() - start

    def _on_play(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        target = int(change["new"])
        if target < self.model.step_count:
            self.model = self._new_model()
        self.step(target - self.model.step_count)
        if not self.model.unhappy.any():
            self.play.playing = False

    def run(self, max_steps: int | None = None, frame_every: int = 10) -> None:
        """Run until nobody is unhappy (or ``max_steps``), with a progress bar."""
        limit = self.max_steps if max_steps is None else int(max_steps)
        self.play.playing = False
        self.progress.max = max(limit, 1)
        self.progress.value = 0
        self.progress.layout.visibility = "visible"
        try:
            for k in range(limit):
                if not self.model.unhappy.any():
                    break
                self.model.step()
                self.progress.value = k + 1
                if (k + 1) % frame_every == 0:
                    self._draw_frame()
            self.progress.value = self.progress.max
        finally:
            self.progress.layout.visibility = "hidden"
        self._sync_play()
        self._draw_frame()

    # -- views ---------------------------------------------------------------------
    def _draw_frame(self) -> None:
        self._show(self._frames.frame(self.model))

    def _show(self, png: bytes) -> None:
        """Send a frame to the image and say where the model stands."""
        model = self.model
        self.plot_view.value = png
        text = i18n.t("homo.status", step=model.step_count, similar=model.percent_similar,
                      unhappy=model.percent_unhappy)
        if not model.unhappy.any():
            text += i18n.t("homo.status_done")
        self.status.value = f'<p role="status" aria-live="polite">{text}</p>'
        self.frames += 1


def schelling_explorer(**kwargs: Any) -> SchellingExplorer:
    """Build the Schelling explorer (see :class:`SchellingExplorer` for the options).

    >>> ex = schelling_explorer(size=20)
    >>> ex.run(); ex.model.percent_unhappy
    0.0
    """
    return SchellingExplorer(**kwargs)


# -- tie formation -------------------------------------------------------------------
@lru_cache(maxsize=64)
def _ties_table_html(homophily: float, bridging: int, hunkering: float, seed: int,
                     language: str) -> str:
    """The measures of one (cached) tie model as the explorer's HTML table."""
    frame = homophily_table(tie_model(homophily, bridging, hunkering, seed=seed).graph)
    value = frame.columns[1]
    frame[value] = [f"{v:.0f}" if k == 0 else f"{v:.3f}" for k, v in enumerate(frame[value])]
    return frame.to_html(index=False, float_format=lambda v: f"{v:.3f}", border=0,
                         classes="wijkwijs-table")


class TiesExplorer(Explorer):
    """The tie-formation explorer: homophily, shared places, hunkering down; network, table.

    Each setting is one seeded :func:`wijkwijs.examples.homophily.tie_model` run (cached),
    drawn by :class:`wijkwijs.figures.homophily.TieFrames`: only the ties and the
    residents are redrawn when a slider moves.

    Parameters
    ----------
    seed
        Seed of every tie model the explorer runs.
    """

    def __init__(self, *, seed: int = TIES_SEED) -> None:
        self.seed = int(seed)
        self.dpi = 90
        self._frames: TieFrames | None = None
        controls = {
            "homophily": slider("homo.homophily", 0.0, 3.0, 0.25, value=1.0,
                                readout_format=".2f"),
            "bridging": slider("homo.bridging", 0, 8, 1, value=0),
            "hunkering": slider("homo.hunkering", 0.0, 3.0, 0.25, value=0.0,
                                readout_format=".2f"),
        }
        super().__init__(controls, plot=lambda fig, **_: None, table=lambda **_: None,
                         plot_takes="figure", title="homo.ties_explorer_title",
                         figsize=(7.6, 5.0))

    @property
    def model(self) -> TieModel:
        """The tie model of the current settings."""
        v = self.values()
        return tie_model(v["homophily"], v["bridging"], v["hunkering"], seed=self.seed)

    def update(self) -> None:
        """Show the network and the measures of the current settings."""
        start = time.perf_counter()
        model = self.model
        if self._frames is None:
            self._frames = TieFrames(self.figure, dpi=self.dpi)
        self.plot_view.value = self._frames.draw(model)
        v = self.values()
        self.table_view.value = _ties_table_html(float(v["homophily"]), int(v["bridging"]),
                                                 float(v["hunkering"]), self.seed,
                                                 i18n.get_language())
        self.updates += 1
        self.last_update_seconds = time.perf_counter() - start


def ties_explorer(*, seed: int = TIES_SEED) -> TiesExplorer:
    """Sliders for homophily, shared places and hunkering down; network and measures.

    >>> ex = ties_explorer()
    >>> before = ex.table_view.value
    >>> ex.set(bridging=4)
    >>> ex.table_view.value != before
    True
    """
    return TiesExplorer(seed=seed)
