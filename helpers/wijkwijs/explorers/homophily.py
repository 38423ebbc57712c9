"""Explorers and helpers for chapter 5 (homophily): Schelling's city and tie formation.

Two explorers:

* :func:`schelling_explorer` — Schelling's (1971) segregation model on a 50×50 grid,
  with sliders for the threshold (a *fraction* of like neighbours), the share of
  vacant dwellings, the neighbourhood radius and a wish for diversity (Hart & Case
  2014, *Parable of the Polygons*), a Play control that animates the steps and a
  *Run to equilibrium* button with a progress bar. Frames are drawn by blitting:
  the axes, labels and legend are rendered once, and each frame only redraws the
  grid image and the two lines onto that background and encodes the PNG with Pillow.
* :func:`ties_explorer` — :class:`wijkwijs.models.ties.TieModel` residents on a
  street grid forming ties for a year, with sliders for homophily, bridging foci
  (shared places; Feld 1981) and "hunkering down" (Putnam 2007), a network drawing
  and a table with the homophily test (Easley & Kleinberg 2010, ch. 4), Coleman's
  (1958) index and Newman's (2003) assortativity.

Plus small helpers the chapter notebooks call, so that their cells stay short, and
:func:`havenstad_tie_graph` to measure the same things on the synthetic city's ties.

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

import io
import time
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import ipywidgets as w
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from PIL import Image

from wijkwijs import i18n
from wijkwijs.models.schelling import VACANT, SchellingModel
from wijkwijs.models.ties import (
    KINDS,
    TieModel,
    attribute_assortativity,
    coleman_index,
    homophily_test,
)
from wijkwijs.figures import CATEGORICAL, OKABE_ITO, label_axes
from wijkwijs.widgets import Explorer, slider

#: Seed of every Schelling run in chapter 5 (same seed, same city).
SCHELLING_SEED = 2025
#: Seed of every tie-formation run in chapter 5.
TIES_SEED = 7
#: Colour of a vacant dwelling in the grid drawings.
VACANT_COLOUR = "#D9D9D9"
#: Steps of one tie-formation run: a year of months.
TIE_STEPS = 12

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
    "homo.grid_title": {"en": "Schelling's city ({size}×{size} dwellings)",
                        "nl": "De stad van Schelling ({size}×{size} woningen)"},
    "homo.group_a": {"en": "Group A", "nl": "Groep A"},
    "homo.group_b": {"en": "Group B", "nl": "Groep B"},
    "homo.vacant": {"en": "Vacant", "nl": "Leeg"},
    "homo.column": {"en": "Column", "nl": "Kolom"},
    "homo.row": {"en": "Row", "nl": "Rij"},
    "homo.step": {"en": "Step", "nl": "Stap"},
    "homo.similar_title": {"en": "Like neighbours", "nl": "Gelijke buren"},
    "homo.percent_similar": {"en": "% alike", "nl": "% gelijk"},
    "homo.unhappy_title": {"en": "Unhappy households", "nl": "Ontevreden huishoudens"},
    "homo.percent_unhappy": {"en": "% unhappy", "nl": "% ontevreden"},
    "homo.explorer_title": {"en": "Schelling's segregation model",
                            "nl": "Het segregatiemodel van Schelling"},
    "homo.homophily": {"en": "Homophily strength", "nl": "Sterkte van homofilie"},
    "homo.bridging": {"en": "Shared places (bridging foci)",
                      "nl": "Gedeelde plekken (overbruggende foci)"},
    "homo.hunkering": {"en": "Hunkering down", "nl": "Terugtrekken (hunkering down)"},
    "homo.ties_title": {"en": "Ties after a year in a mixed neighbourhood",
                        "nl": "Banden na een jaar in een gemengde buurt"},
    "homo.ties_explorer_title": {"en": "Who forms ties with whom?",
                                 "nl": "Wie knoopt banden aan met wie?"},
    "homo.layout_x": {"en": "Residents with ties are drawn close together (spring layout)",
                      "nl": "Bewoners met banden staan dicht bij elkaar (veermodel)"},
    "homo.same_tie": {"en": "Tie within a group", "nl": "Band binnen een groep"},
    "homo.cross_tie": {"en": "Tie across groups", "nl": "Band tussen groepen"},
    "homo.measure": {"en": "Measure", "nl": "Maat"},
    "homo.value": {"en": "Value", "nl": "Waarde"},
    "homo.n_ties": {"en": "Ties", "nl": "Banden"},
    "homo.observed": {"en": "Cross-group share of ties, observed",
                      "nl": "Aandeel banden tussen groepen, waargenomen"},
    "homo.expected": {"en": "Cross-group share expected without homophily (2pq)",
                      "nl": "Aandeel tussen groepen verwacht zonder homofilie (2pq)"},
    "homo.ratio": {"en": "Observed / expected", "nl": "Waargenomen / verwacht"},
    "homo.coleman": {"en": "Coleman index, {group}", "nl": "Coleman-index, {group}"},
    "homo.assortativity": {"en": "Assortativity (Newman)", "nl": "Assortativiteit (Newman)"},
    "homo.blocks_title": {"en": "Measured segregation depends on the block size",
                          "nl": "Gemeten segregatie hangt af van de blokgrootte"},
    "homo.block_size": {"en": "Block size (cells per side)",
                        "nl": "Blokgrootte (cellen per zijde)"},
    "homo.index": {"en": "Index (0 = mixed, 1 = apart)", "nl": "Index (0 = gemengd, 1 = apart)"},
    "homo.dissimilarity": {"en": "Dissimilarity D", "nl": "Dissimilariteit D"},
    "homo.theil": {"en": "Theil's H", "nl": "Theils H"},
    "homo.sweep_title": {"en": "Mild wishes, strong segregation",
                         "nl": "Milde wensen, sterke segregatie"},
    "homo.sweep_x": {"en": "Threshold: minimum fraction of like neighbours",
                     "nl": "Drempel: minimaal aandeel gelijke buren"},
    "homo.sweep_y": {"en": "% of neighbours alike", "nl": "% van de buren gelijk"},
    "homo.sweep_start": {"en": "At the start (random)", "nl": "Bij de start (willekeurig)"},
    "homo.sweep_end": {"en": "At equilibrium", "nl": "In evenwicht"},
    "homo.sweep_wish": {"en": "Wished for", "nl": "Gewenst"},
    "homo.bridging_title": {"en": "Shared places raise cross-group ties",
                            "nl": "Gedeelde plekken verhogen banden tussen groepen"},
    "homo.bridging_x": {"en": "Number of shared places (bridging foci)",
                        "nl": "Aantal gedeelde plekken (overbruggende foci)"},
    "homo.bridging_y": {"en": "Share of ties across groups", "nl": "Aandeel banden tussen groepen"},
    "homo.no_homophily": {"en": "Expected without homophily (2pq)",
                          "nl": "Verwacht zonder homofilie (2pq)"},
    "homo.observed_short": {"en": "Observed", "nl": "Waargenomen"},
})


class NotebookFigure(Figure):
    """A matplotlib Figure (made without pyplot) that a notebook shows as a PNG image."""

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", dpi=100)
        return buffer.getvalue()


# -- Schelling: helpers for the notebook ---------------------------------------------
def schelling_model(threshold: float = 0.3, *, vacancy: float = 0.1, radius: int = 1,
                    max_similar: float | None = None, size: int = 50,
                    seed: int = SCHELLING_SEED) -> SchellingModel:
    """A fresh, seeded 50×50 (``size``×``size``) Schelling model with two equal groups.

    ``max_similar`` of ``None`` or ≥ 1 means no diversity wish.

    >>> schelling_model(0.3).grid.shape
    (50, 50)
    """
    wish = None if max_similar is None or max_similar >= 1 else float(max_similar)
    return SchellingModel(size, size, vacancy=vacancy, threshold=threshold, radius=radius,
                          max_similar=wish, seed=seed)


def schelling_run(threshold: float = 0.3, *, steps: int = 300, **kwargs: Any) -> SchellingModel:
    """Run :func:`schelling_model` until nobody is unhappy, or for at most ``steps`` steps.

    >>> m = schelling_run(0.3, size=20)
    >>> m.percent_unhappy
    0.0
    """
    model = schelling_model(threshold, **kwargs)
    model.run(steps)
    return model


def schelling_sweep(thresholds: Sequence[float], *, steps: int = 300,
                    **kwargs: Any) -> pd.DataFrame:
    """Percent alike at the start and at the end of a run, for several thresholds.

    Columns ``threshold``, ``start_similar``, ``end_similar``, ``end_unhappy``, ``steps``.

    >>> schelling_sweep([0.3], size=20).columns.tolist()
    ['threshold', 'start_similar', 'end_similar', 'end_unhappy', 'steps']
    """
    rows = []
    for t in thresholds:
        m = schelling_run(t, steps=steps, **kwargs)
        h = m.history
        rows.append({"threshold": float(t), "start_similar": float(h.percent_similar.iloc[0]),
                     "end_similar": m.percent_similar, "end_unhappy": m.percent_unhappy,
                     "steps": m.step_count})
    return pd.DataFrame(rows)


def _group_colours(n_groups: int = 2) -> list[str]:
    return [VACANT_COLOUR, *CATEGORICAL[:n_groups]]


def _grid_legend(ax, n_groups: int = 2) -> None:
    names = [i18n.t("homo.group_a"), i18n.t("homo.group_b")][:n_groups]
    handles = [Patch(facecolor=c, edgecolor="#555555", label=lab) for c, lab in
               zip(_group_colours(n_groups)[1:], names, strict=True)]
    handles.append(Patch(facecolor=VACANT_COLOUR, edgecolor="#555555",
                         label=i18n.t("homo.vacant")))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=3,
              frameon=False, fontsize="small")


def draw_grid(ax, grid: np.ndarray, title: str, n_groups: int = 2, legend: bool = True):
    """Draw a Schelling grid (groups in Okabe–Ito colours, vacancies grey) on ``ax``."""
    image = ax.imshow(np.asarray(grid) - VACANT, cmap=ListedColormap(_group_colours(n_groups)),
                      vmin=0, vmax=n_groups, interpolation="nearest")
    label_axes(ax, title, i18n.t("homo.column"), i18n.t("homo.row"))
    if legend:
        _grid_legend(ax, n_groups)
    return image


def plot_grids(models: Sequence[SchellingModel], titles: Sequence[str],
               start: bool = False) -> NotebookFigure:
    """Grids side by side, each with its title; ``start=True`` adds each model's start grid.

    The start grid is rebuilt from the model's seed (the model itself moved on).
    """
    panels: list[tuple[np.ndarray, str]] = []
    for m, title in zip(models, titles, strict=True):
        if start:
            first = SchellingModel(m.width, m.height, vacancy=m.vacancy, threshold=m.threshold,
                                   radius=m.radius, max_similar=m.max_similar, seed=m.seed)
            panels.append((first.grid, f"{title}: {i18n.t('homo.step').lower()} 0"))
            panels.append((m.grid, f"{title}: {i18n.t('homo.step').lower()} {m.step_count}"))
        else:
            panels.append((m.grid, title))
    fig = NotebookFigure(figsize=(3.3 * len(panels), 3.8), layout="constrained")
    for k, (grid, title) in enumerate(panels):
        draw_grid(fig.add_subplot(1, len(panels), k + 1), grid, title)
    return fig


def plot_sweep(sweep: pd.DataFrame) -> NotebookFigure:
    """Percent alike wished for (the threshold), at the start and at equilibrium."""
    fig = NotebookFigure(figsize=(6.4, 3.8), layout="constrained")
    ax = fig.add_subplot()
    x = sweep.threshold
    ax.plot(x, 100 * x, color="#777777", linestyle=":", label=i18n.t("homo.sweep_wish"))
    ax.plot(x, sweep.start_similar, marker="o", color=CATEGORICAL[0],
            label=i18n.t("homo.sweep_start"))
    ax.plot(x, sweep.end_similar, marker="s", color=CATEGORICAL[1],
            label=i18n.t("homo.sweep_end"))
    ax.set_ylim(0, 100)
    ax.legend()
    label_axes(ax, i18n.t("homo.sweep_title"), i18n.t("homo.sweep_x"), i18n.t("homo.sweep_y"))
    return fig


def plot_block_segregation(table: pd.DataFrame) -> NotebookFigure:
    """Dissimilarity and Theil's H against block size (from ``block_segregation``)."""
    fig = NotebookFigure(figsize=(6.0, 3.6), layout="constrained")
    ax = fig.add_subplot()
    ax.plot(table.block_size, table.dissimilarity, marker="o", color=CATEGORICAL[0],
            label=i18n.t("homo.dissimilarity"))
    ax.plot(table.block_size, table.theil_h, marker="s", color=CATEGORICAL[1],
            label=i18n.t("homo.theil"))
    ax.set_xscale("log")
    ax.set_xticks(table.block_size, [str(b) for b in table.block_size])
    ax.set_ylim(0, 1)
    ax.legend()
    label_axes(ax, i18n.t("homo.blocks_title"), i18n.t("homo.block_size"), i18n.t("homo.index"))
    return fig


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
        self._artists: dict[str, Any] = {}
        self._background = None
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
        self._draw_full()
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

    # -- drawing -------------------------------------------------------------------
    def _build_figure(self) -> None:
        fig = self.figure
        if not isinstance(fig.canvas, FigureCanvasAgg):
            FigureCanvasAgg(fig)
            fig.set_dpi(self.dpi)
        fig.clear()
        fig.set_layout_engine("constrained")
        spec = fig.add_gridspec(2, 2, width_ratios=[1.0, 1.05])
        ax = fig.add_subplot(spec[:, 0])
        top, bottom = fig.add_subplot(spec[0, 1]), fig.add_subplot(spec[1, 1])
        image = draw_grid(ax, self.model.grid, i18n.t("homo.grid_title", size=self.size))
        image.set_animated(True)
        lines = {}
        for key, axis, colour, title, ylabel in (
                ("percent_similar", top, CATEGORICAL[0], "homo.similar_title",
                 "homo.percent_similar"),
                ("percent_unhappy", bottom, CATEGORICAL[3], "homo.unhappy_title",
                 "homo.percent_unhappy")):
            (lines[key],) = axis.plot([0], [0], color=colour, linewidth=2, animated=True)
            axis.set_ylim(0, 100)
            axis.grid(alpha=0.3)
            label_axes(axis, i18n.t(title), i18n.t("homo.step") if key == "percent_unhappy"
                       else "", i18n.t(ylabel))
        self._artists = {"image": image, "axes": (top, bottom), **lines}

    def _x_limit(self) -> int:
        limit = 40
        while limit < self.model.step_count + 1:
            limit *= 2
        return limit

    def _draw_full(self) -> None:
        """Draw axes, labels and legend once; keep them as the blitting background."""
        self._build_figure()
        fig, canvas = self.figure, self.figure.canvas
        for axis in self._artists["axes"]:
            axis.set_xlim(0, self._x_limit())
        canvas.draw()  # lays out with constrained layout...
        fig.set_layout_engine("none")  # ...then freezes the positions
        canvas.draw()
        self._background = canvas.copy_from_bbox(fig.bbox)
        self._xlim = self._x_limit()
        self._draw_frame()

    def _draw_frame(self) -> None:
        """Redraw only the grid image and the lines on the stored background."""
        if self._x_limit() != self._xlim:
            for axis in self._artists["axes"]:
                axis.set_xlim(0, self._x_limit())
            canvas = self.figure.canvas
            canvas.draw()  # animated artists are left out of the background
            self._background = canvas.copy_from_bbox(self.figure.bbox)
            self._xlim = self._x_limit()
        model, art, canvas = self.model, self._artists, self.figure.canvas
        art["image"].set_data(model.grid - VACANT)
        rows = model._rows
        steps = [r["step"] for r in rows]
        art["percent_similar"].set_data(steps, [r["percent_similar"] for r in rows])
        art["percent_unhappy"].set_data(steps, [r["percent_unhappy"] for r in rows])
        canvas.restore_region(self._background)
        art["image"].axes.draw_artist(art["image"])
        for key in ("percent_similar", "percent_unhappy"):
            art[key].axes.draw_artist(art[key])
        image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(),
                                 "raw", "RGBA", 0, 1).convert("RGB")
        buffer = io.BytesIO()
        image.save(buffer, format="png", compress_level=1)  # fast: speed over size
        self.plot_view.value = buffer.getvalue()
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
def _cached_tie_model(homophily: float, bridging_foci: int, hunkering: float, seed: int,
                      steps: int, n_streets: int, houses_per_street: int) -> TieModel:
    model = TieModel(n_streets=n_streets, houses_per_street=houses_per_street,
                     homophily=homophily, bridging_foci=bridging_foci, hunkering=hunkering,
                     seed=seed)
    model.run(steps)
    return model


def tie_model(homophily: float = 1.0, bridging_foci: int = 0, hunkering: float = 0.0, *,
              seed: int = TIES_SEED, steps: int = TIE_STEPS, n_streets: int = 8,
              houses_per_street: int = 30) -> TieModel:
    """A seeded :class:`~wijkwijs.models.ties.TieModel` run for a year (cached; read only).

    >>> m = tie_model()
    >>> m.step_count, len(m.residents)
    (12, 240)
    """
    return _cached_tie_model(float(homophily), int(bridging_foci), float(hunkering), int(seed),
                             int(steps), int(n_streets), int(houses_per_street))


def _group_name(group: Any) -> str:
    names = {0: i18n.t("homo.group_a"), 1: i18n.t("homo.group_b")}
    return names.get(group, str(group))


def homophily_table(graph: nx.Graph, attribute: str = "group") -> pd.DataFrame:
    """The homophily measures of a graph as a two-column table (measure, value).

    Ties, the homophily test (observed and expected cross-group share and their
    ratio), Coleman's index per group and the attribute assortativity.

    >>> homophily_table(tie_model().graph).shape[1]
    2
    """
    test = homophily_test(graph, attribute)
    coleman = coleman_index(graph, attribute)["coleman"]
    rows = [(i18n.t("homo.n_ties"), float(test["n_ties"])),
            (i18n.t("homo.observed"), test["observed"]),
            (i18n.t("homo.expected"), test["expected"]),
            (i18n.t("homo.ratio"), test["ratio"])]
    rows += [(i18n.t("homo.coleman", group=_group_name(g)), float(c)) for g, c in coleman.items()]
    rows.append((i18n.t("homo.assortativity"), attribute_assortativity(graph, attribute)))
    return pd.DataFrame(rows, columns=[i18n.t("homo.measure"), i18n.t("homo.value")])


@lru_cache(maxsize=64)
def _layout(model: TieModel) -> np.ndarray:
    """Spring layout of the tied residents; residents without ties in a row below."""
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


def draw_ties(ax, model: TieModel, title: str | None = None) -> None:
    """Draw the residents (colour = group) and their ties on ``ax``.

    The layout is networkx's spring layout with a fixed seed: tied residents are
    pulled together, so groups that keep to themselves form separate clusters. Ties
    within a group are thin and grey; ties across groups are vermillion.
    """
    xy = _layout(model)
    g = model.residents.group.to_numpy()
    rows, cols = np.nonzero(np.triu(model.adjacency, 1))
    cross = g[rows] != g[cols]
    segments = np.stack([xy[rows], xy[cols]], axis=1)
    ax.add_collection(LineCollection(segments[~cross], colors="#999999", linewidths=0.5,
                                     alpha=0.6, label=i18n.t("homo.same_tie")))
    ax.add_collection(LineCollection(segments[cross], colors=OKABE_ITO["vermillion"],
                                     linewidths=1.4, label=i18n.t("homo.cross_tie")))
    for k in range(model.group_shares.size):
        on = g == k
        ax.scatter(xy[on, 0], xy[on, 1], s=16, color=CATEGORICAL[k], edgecolors="white",
                   linewidths=0.3, zorder=3, label=_group_name(k))
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_aspect("equal")
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False, fontsize="small")
    label_axes(ax, title or i18n.t("homo.ties_title"), i18n.t("homo.layout_x"), "")


def ties_explorer(*, seed: int = TIES_SEED) -> Explorer:
    """Sliders for homophily, shared places and hunkering down; network and measures.

    >>> ex = ties_explorer()
    >>> before = ex.table_view.value
    >>> ex.set(bridging=4)
    >>> ex.table_view.value != before
    True
    """

    def draw(ax, homophily: float, bridging: int, hunkering: float) -> None:
        draw_ties(ax, tie_model(homophily, bridging, hunkering, seed=seed))

    def table(homophily: float, bridging: int, hunkering: float) -> pd.DataFrame:
        frame = homophily_table(tie_model(homophily, bridging, hunkering, seed=seed).graph)
        value = frame.columns[1]
        frame[value] = [f"{v:.0f}" if k == 0 else f"{v:.3f}" for k, v in enumerate(frame[value])]
        return frame

    controls = {
        "homophily": slider("homo.homophily", 0.0, 3.0, 0.25, value=1.0, readout_format=".2f"),
        "bridging": slider("homo.bridging", 0, 8, 1, value=0),
        "hunkering": slider("homo.hunkering", 0.0, 3.0, 0.25, value=0.0, readout_format=".2f"),
    }
    return Explorer(controls, plot=draw, table=table, title="homo.ties_explorer_title",
                    figsize=(7.6, 5.0))


def bridging_sweep(foci: Sequence[int] = (0, 1, 2, 4, 8), *, homophily: float = 1.0,
                   hunkering: float = 0.0, seed: int = TIES_SEED) -> pd.DataFrame:
    """Homophily test for several numbers of shared places (other settings fixed).

    Columns ``bridging_foci``, ``ties``, ``observed``, ``expected``, ``ratio``.

    >>> bridging_sweep((0, 4)).bridging_foci.tolist()
    [0, 4]
    """
    rows = []
    for f in foci:
        t = homophily_test(tie_model(homophily, f, hunkering, seed=seed).graph, "group")
        rows.append({"bridging_foci": int(f), "ties": t["n_ties"], "observed": t["observed"],
                     "expected": t["expected"], "ratio": t["ratio"]})
    return pd.DataFrame(rows)


def plot_bridging_sweep(sweep: pd.DataFrame) -> NotebookFigure:
    """Observed and expected cross-group share against the number of shared places."""
    fig = NotebookFigure(figsize=(6.0, 3.6), layout="constrained")
    ax = fig.add_subplot()
    ax.plot(sweep.bridging_foci, sweep.observed, marker="o", color=OKABE_ITO["vermillion"],
            label=i18n.t("homo.observed_short"))
    ax.plot(sweep.bridging_foci, sweep.expected, linestyle="--", color="#555555",
            label=i18n.t("homo.no_homophily"))
    ax.set_ylim(0, 0.6)
    ax.legend()
    label_axes(ax, i18n.t("homo.bridging_title"), i18n.t("homo.bridging_x"),
               i18n.t("homo.bridging_y"))
    return fig


def ties_by_kind(model: TieModel) -> pd.DataFrame:
    """Who has ties in the neighbourhood? Per household kind, from the model's graph.

    Columns ``kind``, ``lifestyle``, ``residents``, ``mean_ties`` (mean degree),
    ``pct_without_ties``, ``mean_ties_on_own_street``.

    >>> ties_by_kind(tie_model()).kind.tolist() == list(KINDS)
    True
    """
    graph = model.graph
    res = model.residents
    degree = np.array([graph.degree(i) for i in range(len(res))])
    street = res.street.to_numpy()
    own_street = np.array([sum(street[j] == street[i] for j in graph[i])
                           for i in range(len(res))])
    frame = res.assign(ties=degree, own_street=own_street)
    rows = []
    for kind in KINDS:
        part = frame[frame.kind == kind]
        rows.append({"kind": kind, "lifestyle": KINDS[kind][4], "residents": len(part),
                     "mean_ties": float(part.ties.mean()),
                     "pct_without_ties": float(100 * (part.ties == 0).mean()),
                     "mean_ties_on_own_street": float(part.own_street.mean())})
    return pd.DataFrame(rows)


# -- Havenstad (synthetic) -----------------------------------------------------------
def havenstad_tie_graph(code: str, year: int = 2019) -> nx.Graph:
    """The synthetic Havenstad resident tie network of one sampled buurt.

    Nodes are the households living in buurt ``code`` in ``year`` (also those without
    ties), with their ``background``, ``lifestyle``, ``household_type``, ``tenure``,
    ``age_head`` and ``national_percentile``; edges are the ties of
    :func:`wijkwijs.havenstad.havenstad_ties`. Havenstad is synthetic: no real people.

    >>> g = havenstad_tie_graph("BU99010406")
    >>> g.number_of_nodes() > 500, g.nodes[next(iter(g))]["background"] in (
    ...     "netherlands", "europe", "outside_europe")
    (True, True)
    """
    from wijkwijs.havenstad import load as data

    ties = data.havenstad_ties(code=code)
    households = data.havenstad_households(year)
    households = households[households.buurt_code == code]
    if households.empty:
        raise ValueError(f"no Havenstad households in buurt {code!r} in {year}.")
    graph = nx.Graph()
    columns = ["background", "lifestyle", "household_type", "tenure", "age_head",
               "national_percentile"]
    for row in households[["household_id", *columns]].itertuples(index=False):
        attrs = row._asdict()
        node = int(attrs.pop("household_id"))
        graph.add_node(node, **{k: (v if isinstance(v, str) else v.item() if hasattr(v, "item")
                                    else v) for k, v in attrs.items()})
    ties = ties[ties.year == year]
    graph.add_edges_from(zip(ties.household_a.astype(int), ties.household_b.astype(int),
                             strict=True))
    return graph


def havenstad_homophily(codes: Sequence[str] | None = None, attribute: str = "background",
                        year: int = 2019) -> pd.DataFrame:
    """The homophily test and assortativity of ``attribute`` in each sampled buurt.

    Columns ``buurt``, ``name``, ``households``, ``ties``, ``observed``, ``expected``,
    ``ratio``, ``assortativity``. Havenstad is synthetic.

    >>> havenstad_homophily().shape[0]
    4
    """
    from wijkwijs.havenstad import load as data

    names = data.havenstad("neighbourhoods").set_index("code")["name"]
    if codes is None:
        codes = sorted(data.havenstad_ties().buurt_code.unique())
    rows = []
    for code in codes:
        g = havenstad_tie_graph(code, year)
        t = homophily_test(g, attribute)
        rows.append({"buurt": code, "name": names.get(code, code),
                     "households": g.number_of_nodes(), "ties": t["n_ties"],
                     "observed": t["observed"], "expected": t["expected"],
                     "ratio": t["ratio"],
                     "assortativity": attribute_assortativity(g, attribute)})
    return pd.DataFrame(rows)


def havenstad_ties_by(attribute: str = "lifestyle", codes: Sequence[str] | None = None,
                      year: int = 2019) -> pd.DataFrame:
    """Mean number of ties in the buurt and share without ties, by ``attribute``.

    Pools the sampled buurten. Columns ``attribute value``, ``households``,
    ``mean_ties``, ``pct_without_ties``. Havenstad is synthetic.

    >>> havenstad_ties_by("lifestyle").columns.tolist()
    ['lifestyle', 'households', 'mean_ties', 'pct_without_ties']
    """
    from wijkwijs.havenstad import load as data

    if codes is None:
        codes = sorted(data.havenstad_ties().buurt_code.unique())
    rows = []
    for code in codes:
        g = havenstad_tie_graph(code, year)
        rows += [{attribute: d[attribute], "ties": g.degree(n)} for n, d in g.nodes(data=True)]
    frame = pd.DataFrame(rows)
    out = frame.groupby(attribute, observed=True).ties.agg(
        households="size", mean_ties="mean",
        pct_without_ties=lambda s: 100 * float((s == 0).mean()))
    return out.reset_index()
