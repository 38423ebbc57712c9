"""Figures of chapter 5, homophily: Schelling grids and sweeps, tie networks.

Every ``plot_*`` function takes the data first and an optional ``ax`` last and returns
the :class:`~matplotlib.figure.Figure` it drew on. Without ``ax`` it makes a
:class:`~wijkwijs.figures.NotebookFigure` (no pyplot: a notebook shows it once, as the
cell's result); with ``ax`` it draws into that axis. Groups are drawn in the Okabe–Ito
colours, vacant dwellings in grey.

:class:`SchellingFrames` is the animated figure of the Schelling explorer,
:class:`TieFrames` the figure of the ties explorer.

>>> from wijkwijs.examples.homophily import schelling_run
>>> fig = plot_grids([schelling_run(0.3, size=20)], ["Threshold 0.3"], start=True)
>>> [ax.get_title() for ax in fig.axes]
['Threshold 0.3: step 0', 'Threshold 0.3: step 7']
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from wijkwijs import i18n
from wijkwijs.examples.homophily import group_label, schelling_start
from wijkwijs.figures import (
    CATEGORICAL,
    OKABE_ITO,
    NotebookFigure,
    corner_note,
    label_axes,
    mark_synthetic,
)
from wijkwijs.figures.blit import BlitFigure
from wijkwijs.models.schelling import VACANT, SchellingModel

if TYPE_CHECKING:
    from wijkwijs.models.ties import TieModel

__all__ = ["VACANT_COLOUR", "SchellingFrames", "TieFrames", "mark_model", "plot_block_baseline",
           "plot_block_segregation", "plot_bridging_sweep", "plot_grid", "plot_grids",
           "plot_hunkering", "plot_sweep", "plot_ties", "plot_youth_mix"]

#: Colour of a vacant dwelling in the grid drawings.
VACANT_COLOUR = "#D9D9D9"

i18n.register({
    "homo.grid_title": {"en": "Schelling's city ({size}×{size} dwellings)",
                        "nl": "De stad van Schelling ({size}×{size} woningen)"},
    "homo.vacant": {"en": "Vacant", "nl": "Leeg"},
    "homo.column": {"en": "Column", "nl": "Kolom"},
    "homo.row": {"en": "Row", "nl": "Rij"},
    "homo.step": {"en": "Step", "nl": "Stap"},
    "homo.similar_title": {"en": "Like neighbours", "nl": "Gelijke buren"},
    "homo.percent_similar": {"en": "% alike", "nl": "% gelijk"},
    "homo.unhappy_title": {"en": "Unhappy households", "nl": "Ontevreden huishoudens"},
    "homo.percent_unhappy": {"en": "% unhappy", "nl": "% ontevreden"},
    "homo.ties_title": {"en": "Ties after a year in a mixed neighbourhood",
                        "nl": "Banden na een jaar in een gemengde buurt"},
    "homo.layout_x": {"en": "Residents with ties are drawn close together (spring layout)",
                      "nl": "Bewoners met banden staan dicht bij elkaar (veermodel)"},
    "homo.same_tie": {"en": "Tie within a group", "nl": "Band binnen een groep"},
    "homo.cross_tie": {"en": "Tie across groups", "nl": "Band tussen groepen"},
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
    "homo.illustrative": {"en": "Illustrative model — not data",
                          "nl": "Illustratief model — geen data"},
    "homo.baseline_title": {"en": "Segregation beyond chance, by block size",
                            "nl": "Segregatie boven toeval, per blokgrootte"},
    "homo.baseline_eq": {"en": "D at equilibrium", "nl": "D in evenwicht"},
    "homo.baseline_random": {"en": "D expected in a random city",
                             "nl": "D verwacht in een willekeurige stad"},
    "homo.baseline_start": {"en": "D of the random start", "nl": "D van de willekeurige start"},
    "homo.hunker_title": {"en": "Hunkering down costs ties, less so at higher SES",
                          "nl": "Terugtrekken kost banden, minder bij hogere SES"},
    "homo.hunker_x": {"en": "Diversity of the street (1 − Σ p²)",
                      "nl": "Diversiteit van de straat (1 − Σ p²)"},
    "homo.hunker_y": {"en": "Ties lost to hunkering down (%)",
                      "nl": "Banden verloren door terugtrekken (%)"},
    "homo.hunker_ses": {"en": "SES {ses:.1f}", "nl": "SES {ses:.1f}"},
    "homo.youth_title": {"en": "Youth spaces:\nas mixed as the families around them?",
                         "nl": "Jongerenplekken:\neven gemengd als de gezinnen eromheen?"},
    "homo.youth_x": {"en": "Diversity of families with children in the wijk",
                     "nl": "Diversiteit van gezinnen met kinderen in de wijk"},
    "homo.youth_y": {"en": "Diversity of the youth space's participants",
                     "nl": "Diversiteit van de deelnemers van de jongerenplek"},
    "homo.youth_equal": {"en": "Equally mixed", "nl": "Even gemengd"},
    "homo.bridging_label": {"en": "Labelled bridging", "nl": "Gelabeld overbruggend"},
    "homo.bonding_label": {"en": "Labelled bonding", "nl": "Gelabeld bindend (bonding)"},
})


def mark_model(ax, where: str = "lower right") -> None:
    """Say on the axes that the figure shows an illustrative model, not data.

    >>> ax = NotebookFigure().add_subplot()
    >>> mark_model(ax)
    >>> ax.texts[-1].get_text()
    'Illustrative model — not data'
    """
    corner_note(ax, i18n.t("homo.illustrative"), where)


def _new_axes(figsize: tuple[float, float]):
    return NotebookFigure(figsize=figsize, layout="constrained").add_subplot()


# -- Schelling grids --------------------------------------------------------------------
def _group_colours(n_groups: int = 2) -> list[str]:
    return [VACANT_COLOUR, *CATEGORICAL[:n_groups]]


def _grid_legend(ax, n_groups: int = 2) -> None:
    names = [group_label(0), group_label(1)][:n_groups]
    handles = [Patch(facecolor=c, edgecolor="#555555", label=lab) for c, lab in
               zip(_group_colours(n_groups)[1:], names, strict=True)]
    handles.append(Patch(facecolor=VACANT_COLOUR, edgecolor="#555555",
                         label=i18n.t("homo.vacant")))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=3,
              frameon=False, fontsize="small")


def _draw_grid(ax, grid: np.ndarray, title: str, n_groups: int = 2, legend: bool = True):
    image = ax.imshow(np.asarray(grid) - VACANT, cmap=ListedColormap(_group_colours(n_groups)),
                      vmin=0, vmax=n_groups, interpolation="nearest")
    label_axes(ax, title, i18n.t("homo.column"), i18n.t("homo.row"))
    if legend:
        _grid_legend(ax, n_groups)
    return image


def plot_grid(grid: np.ndarray, title: str, *, n_groups: int = 2, legend: bool = True,
              ax=None) -> Figure:
    """One Schelling grid (``-1`` vacant, ``0``, ``1`` … the groups) with its title.

    The grid is the axis's image (``ax.images[0]``).

    >>> import numpy as np
    >>> fig = plot_grid(np.array([[0, 1], [-1, 0]]), "A tiny city")
    >>> fig.axes[0].images[0].get_array().tolist()
    [[1, 2], [0, 1]]
    """
    ax = _new_axes((3.3, 3.8)) if ax is None else ax
    _draw_grid(ax, grid, title, n_groups, legend)
    return ax.figure


def plot_grids(models: Sequence[SchellingModel], titles: Sequence[str], start: bool = False,
               *, ax: Sequence[Any] | None = None) -> Figure:
    """Grids side by side, each with its title; ``start=True`` adds each model's start grid.

    The start grid is rebuilt from the model's seed (the model itself moved on).
    ``ax`` is one axis per grid drawn; without it a new figure is made.
    """
    panels: list[tuple[np.ndarray, str]] = []
    for m, title in zip(models, titles, strict=True):
        if start:
            step = i18n.t("homo.step").lower()
            panels.append((schelling_start(m).grid, f"{title}: {step} 0"))
            panels.append((m.grid, f"{title}: {step} {m.step_count}"))
        else:
            panels.append((m.grid, title))
    if ax is None:
        fig = NotebookFigure(figsize=(3.3 * len(panels), 3.8), layout="constrained")
        axes = [fig.add_subplot(1, len(panels), k + 1) for k in range(len(panels))]
    else:
        axes = list(np.atleast_1d(ax))
        if len(axes) != len(panels):
            raise ValueError(f"ax must hold one axis per grid: {len(panels)} grids, "
                             f"{len(axes)} axes.")
    for axis, (grid, title) in zip(axes, panels, strict=True):
        _draw_grid(axis, grid, title)
    mark_model(axes[-1])
    return axes[0].figure


def plot_sweep(sweep: pd.DataFrame, *, ax=None) -> Figure:
    """Percent alike wished for (the threshold), at the start and at equilibrium.

    ``sweep`` is a table of :func:`wijkwijs.examples.homophily.schelling_sweep`.
    """
    ax = _new_axes((6.4, 3.8)) if ax is None else ax
    x = sweep.threshold
    ax.plot(x, 100 * x, color="#777777", linestyle=":", label=i18n.t("homo.sweep_wish"))
    ax.plot(x, sweep.start_similar, marker="o", color=CATEGORICAL[0],
            label=i18n.t("homo.sweep_start"))
    ax.plot(x, sweep.end_similar, marker="s", color=CATEGORICAL[1],
            label=i18n.t("homo.sweep_end"))
    ax.set_ylim(0, 100)
    ax.legend(loc="upper left")
    label_axes(ax, i18n.t("homo.sweep_title"), i18n.t("homo.sweep_x"), i18n.t("homo.sweep_y"))
    mark_model(ax)
    return ax.figure


def plot_block_segregation(table: pd.DataFrame, *, ax=None) -> Figure:
    """Dissimilarity and Theil's H against block size (from ``SchellingModel.segregation``)."""
    ax = _new_axes((6.0, 3.6)) if ax is None else ax
    ax.plot(table.block_size, table.dissimilarity, marker="o", color=CATEGORICAL[0],
            label=i18n.t("homo.dissimilarity"))
    ax.plot(table.block_size, table.theil_h, marker="s", color=CATEGORICAL[1],
            label=i18n.t("homo.theil"))
    ax.set_xscale("log")
    ax.minorticks_off()
    ax.set_xticks(table.block_size, [str(b) for b in table.block_size])
    ax.set_ylim(0, 1)
    ax.legend()
    label_axes(ax, i18n.t("homo.blocks_title"), i18n.t("homo.block_size"), i18n.t("homo.index"))
    mark_model(ax)
    return ax.figure


def plot_block_baseline(table: pd.DataFrame, *, ax=None) -> Figure:
    """Measured D at equilibrium against the D of a random city, by block size.

    ``table`` is :func:`wijkwijs.examples.homophily.block_baseline`; the gap between the
    two lines is segregation beyond chance.

    >>> from wijkwijs.examples.homophily import block_baseline, schelling_run
    >>> fig = plot_block_baseline(block_baseline(schelling_run(0.3, size=20), (2, 5)))
    >>> len(fig.axes[0].lines)
    3
    """
    ax = _new_axes((6.0, 3.6)) if ax is None else ax
    x = table.block_size
    ax.plot(x, table.equilibrium, marker="o", color=CATEGORICAL[0],
            label=i18n.t("homo.baseline_eq"))
    ax.plot(x, table.random, marker="s", color="#555555", linestyle="--",
            label=i18n.t("homo.baseline_random"))
    ax.plot(x, table.start, marker="x", color=CATEGORICAL[1], linestyle=":",
            label=i18n.t("homo.baseline_start"))
    ax.fill_between(x, table.random, table.equilibrium, color=CATEGORICAL[0], alpha=0.12)
    ax.set_xscale("log")
    ax.minorticks_off()
    ax.set_xticks(x, [str(b) for b in x])
    ax.set_ylim(0, 1)
    ax.legend(loc="upper right")
    label_axes(ax, i18n.t("homo.baseline_title"), i18n.t("homo.block_size"),
               i18n.t("homo.dissimilarity"))
    mark_model(ax, "lower left")
    return ax.figure


# -- tie networks -----------------------------------------------------------------------
def _spring_layout(adjacency: np.ndarray, *, k: float, iterations: int = 50, seed: int = 1,
                   threshold: float = 1e-4) -> np.ndarray:
    """Fruchterman-Reingold positions, exactly as ``networkx.spring_layout`` gives them.

    The same computation as networkx's dense ``_fruchterman_reingold`` (graphs under 500
    nodes) followed by its ``rescale_layout``: the same random start
    (``numpy.random.RandomState(seed).rand(n, 2)``), the same floating-point operations
    in the same order, so the same positions bit for bit (the tests compare the two on
    random graphs). It is about three times faster: the buffers are allocated once, the
    differences are taken per coordinate (a broadcast over a length-2 axis is slow), the
    attraction is subtracted at the ties only (elsewhere networkx subtracts an exact
    zero) and the forces are summed per coordinate (the same sequential sum as
    networkx's ``einsum``).

    Parameters
    ----------
    adjacency
        Square, symmetric matrix of tie weights (0 = no tie), as
        ``networkx.to_numpy_array`` gives it.
    k
        Optimal distance between nodes.
    iterations, seed, threshold
        As in ``networkx.spring_layout``.

    Returns
    -------
    numpy.ndarray
        ``(n, 2)`` positions, rescaled to fit ``[-1, 1]`` around the origin.

    Examples
    --------
    >>> import networkx as nx
    >>> a = nx.to_numpy_array(nx.path_graph(4))
    >>> pos = nx.spring_layout(nx.path_graph(4), k=0.5, seed=1)
    >>> bool((_spring_layout(a, k=0.5) == np.array([pos[i] for i in range(4)])).all())
    True
    """
    a = np.asarray(adjacency, dtype=float)
    if a.ndim != 2 or a.shape[0] != a.shape[1]:
        raise ValueError(f"adjacency must be a square matrix; got shape {a.shape}.")
    n = a.shape[0]
    if n == 0:
        return np.zeros((0, 2))
    if n == 1:
        return np.zeros((1, 2))
    pos = np.asarray(np.random.RandomState(seed).rand(n, 2), dtype=float)
    t = max(max(pos.T[0]) - min(pos.T[0]), max(pos.T[1]) - min(pos.T[1])) * 0.1
    dt = t / (iterations + 1)
    rows, cols = np.nonzero(a)
    weights = a[rows, cols]
    kk = k * k
    delta = np.empty((n, n, 2))
    squares = np.empty((n, n, 2))
    distance = np.empty((n, n))
    force = np.empty((n, n))
    displacement = np.empty((n, 2))
    for _ in range(iterations):
        for d in (0, 1):  # delta[i, j] = pos[i] - pos[j]
            np.subtract(pos[:, d, None], pos[None, :, d], out=delta[..., d])
        np.multiply(delta, delta, out=squares)  # the norm over the last axis, as numpy's
        np.add(squares[..., 0], squares[..., 1], out=distance)
        np.sqrt(distance, out=distance)
        np.clip(distance, 0.01, None, out=distance)
        np.multiply(distance, distance, out=force)  # k²/d² - A·d/k
        np.divide(kk, force, out=force)
        force[rows, cols] -= weights * distance[rows, cols] / k
        for d in (0, 1):
            np.einsum("ij,ij->i", delta[..., d], force, out=displacement[:, d])
        length = np.linalg.norm(displacement, axis=-1)
        length = np.clip(length, a_min=0.01, a_max=None)
        delta_pos = np.einsum("ij,i->ij", displacement, t / length)
        pos += delta_pos
        t -= dt
        if (np.linalg.norm(delta_pos) / n) < threshold:
            break
    return nx.rescale_layout(pos, scale=1) + np.zeros(2)


@lru_cache(maxsize=64)
def _layout(model: TieModel) -> np.ndarray:
    """Spring layout of the tied residents; residents without ties in a row below."""
    n = len(model.residents)
    xy = np.zeros((n, 2))
    tied = model.adjacency.any(axis=1)
    n_tied = int(tied.sum())
    if n_tied:
        xy[tied] = _spring_layout(model.adjacency[np.ix_(tied, tied)], seed=1, iterations=60,
                                  k=2.0 / np.sqrt(n_tied))
    alone = np.flatnonzero(~tied)
    if alone.size:
        xy[alone, 0] = np.linspace(-1, 1, alone.size + 2)[1:-1]
        xy[alone, 1] = (xy[tied, 1].min() if tied.any() else 0.0) - 0.25
    return xy


def _tie_segments(model: TieModel) -> tuple[np.ndarray, np.ndarray]:
    """The ties as line segments of the layout, and which of them cross groups."""
    xy = _layout(model)
    g = model.residents.group.to_numpy()
    rows, cols = np.nonzero(np.triu(model.adjacency, 1))
    return np.stack([xy[rows], xy[cols]], axis=1), g[rows] != g[cols]


def plot_ties(model: TieModel, *, title: str | None = None, ax=None) -> Figure:
    """The residents (colour = group) of a tie model and their ties.

    The layout is networkx's spring layout with a fixed seed: tied residents are
    pulled together, so groups that keep to themselves form separate clusters. Ties
    within a group are thin and grey; ties across groups are vermillion.

    >>> from wijkwijs.examples.homophily import tie_model
    >>> fig = plot_ties(tie_model())
    >>> fig.axes[0].get_title()
    'Ties after a year in a mixed neighbourhood'
    """
    ax = _new_axes((7.6, 5.0)) if ax is None else ax
    xy = _layout(model)
    g = model.residents.group.to_numpy()
    segments, cross = _tie_segments(model)
    ax.add_collection(LineCollection(segments[~cross], colors="#999999", linewidths=0.5,
                                     alpha=0.6, label=i18n.t("homo.same_tie")))
    ax.add_collection(LineCollection(segments[cross], colors=OKABE_ITO["vermillion"],
                                     linewidths=1.4, label=i18n.t("homo.cross_tie")))
    for k in range(model.group_shares.size):
        on = g == k
        ax.scatter(xy[on, 0], xy[on, 1], s=16, color=CATEGORICAL[k], edgecolors="white",
                   linewidths=0.3, zorder=3, label=group_label(k))
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_aspect("equal")
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False, fontsize="small")
    label_axes(ax, title or i18n.t("homo.ties_title"), i18n.t("homo.layout_x"), "")
    mark_model(ax)
    return ax.figure


def plot_bridging_sweep(sweep: pd.DataFrame, *, ax=None) -> Figure:
    """Observed and expected cross-group share against the number of shared places.

    ``sweep`` is a table of :func:`wijkwijs.examples.homophily.bridging_sweep`.
    """
    ax = _new_axes((6.0, 3.6)) if ax is None else ax
    ax.plot(sweep.bridging_foci, sweep.observed, marker="o", color=OKABE_ITO["vermillion"],
            label=i18n.t("homo.observed_short"))
    ax.plot(sweep.bridging_foci, sweep.expected, linestyle="--", color="#555555",
            label=i18n.t("homo.no_homophily"))
    ax.set_ylim(0, 0.6)
    ax.legend(loc="upper left")
    label_axes(ax, i18n.t("homo.bridging_title"), i18n.t("homo.bridging_x"),
               i18n.t("homo.bridging_y"))
    mark_model(ax)
    return ax.figure


def plot_hunkering(table: pd.DataFrame, *, ax=None) -> Figure:
    """Share of ties lost to hunkering down against diversity, one line per SES level.

    ``table`` is :func:`wijkwijs.models.diversity.hunkering_table`.

    >>> from wijkwijs.models.diversity import hunkering_table
    >>> fig = plot_hunkering(hunkering_table((0.0, 0.5), (0.0, 1.0), n_streets=2,
    ...                                      houses_per_street=10, steps=2))
    >>> len(fig.axes[0].lines)
    2
    """
    ax = _new_axes((6.0, 3.8)) if ax is None else ax
    for k, (ses, part) in enumerate(table.groupby("ses", sort=True)):
        ax.plot(part.diversity, part.lost_pct, marker="os^D"[k % 4],
                color=CATEGORICAL[k % len(CATEGORICAL)], label=i18n.t("homo.hunker_ses", ses=ses))
    ax.set_ylim(0, 100)
    ax.legend(loc="upper left")
    label_axes(ax, i18n.t("homo.hunker_title"), i18n.t("homo.hunker_x"),
               i18n.t("homo.hunker_y"))
    mark_model(ax)
    return ax.figure


def plot_youth_mix(mix: pd.DataFrame, *, ax=None) -> Figure:
    """Each Havenstad youth space: its participants' diversity against its wijk's families'.

    ``mix`` is :func:`wijkwijs.havenstad.street.youth_space_mix`. Points on the diagonal
    are as mixed as the families around them. Havenstad is synthetic (said on the figure).

    >>> from wijkwijs.havenstad.street import youth_space_mix
    >>> fig = plot_youth_mix(youth_space_mix())
    >>> "Synthetic" in fig.axes[0].texts[-1].get_text()
    True
    """
    ax = _new_axes((5.6, 4.4)) if ax is None else ax
    for k, (orientation, key) in enumerate((("bridging", "homo.bridging_label"),
                                            ("bonding", "homo.bonding_label"))):
        part = mix[mix.orientation == orientation]
        ax.scatter(part.catchment_diversity, part.diversity, s=20 + part.participants / 2,
                   color=CATEGORICAL[k], marker="os"[k], alpha=0.85, label=i18n.t(key))
    ax.plot([0, 2 / 3], [0, 2 / 3], color="#777777", linestyle=":",
            label=i18n.t("homo.youth_equal"))
    ax.set_xlim(0, 2 / 3)
    ax.set_ylim(0, 2 / 3)
    ax.legend(loc="upper left", fontsize="small")
    label_axes(ax, i18n.t("homo.youth_title"), i18n.t("homo.youth_x"), i18n.t("homo.youth_y"))
    mark_synthetic(ax)
    return ax.figure


# -- the Schelling explorer's figure ----------------------------------------------------
def _drawn_tick_marks(ax) -> list[Line2D]:
    """The tick marks a draw of ``ax`` paints: of the major ticks within the view (as
    matplotlib's ``Axis`` chooses them) the visible marks. ``ax`` must have been drawn
    (that places its ticks)."""
    marks = []
    for axis in (ax.xaxis, ax.yaxis):
        low, high = sorted(axis.get_view_interval())
        slack = 1e-10 * (high - low)
        for tick in axis.get_major_ticks():
            if low - slack <= tick.get_loc() <= high + slack:
                marks += [m for m in (tick.tick1line, tick.tick2line) if m.get_visible()]
    return marks


class SchellingFrames:
    """The grid (left) and the % alike and % unhappy charts (right) of a running model.

    :meth:`draw` lays the figure out once (constrained layout, then frozen) and keeps
    axes, labels and legend as a background; :meth:`frame` redraws only the grid image
    and the two lines on it (with the grid's tick marks, the frame lines of the three
    axes and the chart's note, which a full draw paints over them), so that a frame is
    pixel for pixel the full draw. The charts' step axis doubles (40, 80, 160 …) as
    the model runs on; each length gets its background the first time it is needed and
    keeps it (a new run after a long one goes back to 40 steps without a redraw).

    >>> from wijkwijs.examples.homophily import schelling_model
    >>> model = schelling_model(0.3, size=20)
    >>> frames = SchellingFrames(Figure(figsize=(9.0, 4.2)))
    >>> first = frames.draw(model)
    >>> model.step()
    >>> frames.frame(model) != first
    True
    """

    def __init__(self, figure: Figure, *, dpi: float = 80) -> None:
        self.figure = figure
        self.dpi = dpi
        self._frames = BlitFigure(figure, dpi=dpi)
        self._backgrounds: dict[int, BlitFigure] = {}  # by the length of the step axis
        self._animated: list[Any] = []
        self._artists: dict[str, Any] = {}
        self._marks: list[Line2D] = []
        self._xlim = 0

    @staticmethod
    def _x_limit(model: SchellingModel) -> int:
        limit = 40
        while limit < model.step_count + 1:
            limit *= 2
        return limit

    def draw(self, model: SchellingModel) -> bytes:
        """Build the figure for ``model`` (of any size) and return its first frame.

        A model of the same grid size as the last one reuses the laid-out figure and its
        backgrounds: then a slider change draws only the grid image and the two lines.
        """
        if self._artists.get("size") == model.grid.shape[0]:
            return self.frame(model)  # a step axis of a new length gets its background
        fig = self.figure
        fig.clear()
        fig.set_layout_engine("constrained")
        spec = fig.add_gridspec(2, 2, width_ratios=[1.0, 1.05])
        ax = fig.add_subplot(spec[:, 0])
        top, bottom = fig.add_subplot(spec[0, 1]), fig.add_subplot(spec[1, 1])
        size = model.grid.shape[0]
        image = _draw_grid(ax, model.grid, i18n.t("homo.grid_title", size=size))
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
        mark_model(bottom, "upper right")
        self._artists = {"image": image, "axes": (top, bottom), "size": size, **lines}
        self._xlim = self._x_limit(model)
        for axis in (top, bottom):
            axis.set_xlim(0, self._xlim)
        self._frames.canvas.draw()  # lays out with constrained layout...
        fig.set_layout_engine("none")  # ...then freezes the positions
        # Animated in the order a full draw paints them, so that a frame is pixel for
        # pixel the full draw: per axes its data (the image, a line), over the image its
        # tick marks (the axis, zorder 1.5, comes after an image, 0, and before a line,
        # 2), then the frame lines (2.5), and last the note above the unhappy line (10).
        self._marks = _drawn_tick_marks(ax)
        self._animated = [image, *self._marks, *ax.spines.values(),
                          lines["percent_similar"], *top.spines.values(),
                          lines["percent_unhappy"], *bottom.spines.values(),
                          bottom.texts[-1]]
        self._backgrounds = {}
        self._use_background(self._xlim)
        return self.frame(model)

    def _use_background(self, xlim: int) -> None:
        """Give the charts a step axis of ``xlim`` steps and use its background (drawn
        now if it is the first time)."""
        self._xlim = xlim
        for axis in self._artists["axes"]:
            axis.set_xlim(0, xlim)
        frames = self._backgrounds.get(xlim)
        if frames is None:
            frames = self._frames if not self._backgrounds else BlitFigure(self.figure,
                                                                           dpi=self.dpi)
            # a tick ignores ``animated`` (its axis draws it): hidden while the
            # background is drawn, each frame draws the grid's tick marks over the image
            for mark in self._marks:
                mark.set_visible(False)
            try:
                frames.freeze(self._animated)
            finally:
                for mark in self._marks:
                    mark.set_visible(True)
            self._backgrounds[xlim] = frames
        self._frames = frames

    def frame(self, model: SchellingModel) -> bytes:
        """Redraw only the grid image and the lines for the model's current step."""
        art = self._artists
        if self._x_limit(model) != self._xlim:
            self._use_background(self._x_limit(model))
        art["image"].set_data(model.grid - VACANT)
        steps = model.history_column("step")
        for key in ("percent_similar", "percent_unhappy"):
            art[key].set_data(steps, model.history_column(key))
        return self._frames.frame()


# -- the ties explorer's figure ---------------------------------------------------------
class TieFrames:
    """The tie network of a :class:`~wijkwijs.models.ties.TieModel`, drawn model after model.

    The same drawing as :func:`plot_ties` (layout, colours, legend, title, note), on a
    figure whose axes keep their place: the view limits are widened in one direction to
    keep the aspect equal (where :func:`plot_ties` shrinks the axes instead). So the
    frame, title, axis label, legend and note never move and are drawn once as a
    background; each new model redraws only the ties, the residents, the frame lines
    and the note (in the order a full draw paints them, so that a frame is pixel for
    pixel the full draw).

    Parameters
    ----------
    figure
        The figure; the axes take :attr:`BOX` of it, the legend the room to the right.
    dpi
        Resolution of the frames.

    Examples
    --------
    >>> from wijkwijs.examples.homophily import tie_model
    >>> frames = TieFrames(Figure(figsize=(7.6, 5.0)))
    >>> first = frames.draw(tie_model())
    >>> frames.draw(tie_model(bridging_foci=4)) != first
    True
    """

    #: Place of the axes in the figure (left, bottom, width, height; figure fractions).
    BOX: tuple[float, float, float, float] = (0.03, 0.1, 0.74, 0.8)

    def __init__(self, figure: Figure, *, dpi: float = 90) -> None:
        self.figure = figure
        self._frames = BlitFigure(figure, dpi=dpi)
        self._artists: dict[str, Any] = {}

    def draw(self, model: TieModel) -> bytes:
        """Show ``model``; the figure is laid out the first time (or for a new number of
        groups) and reused after that. Returns the frame as a PNG."""
        n_groups = model.group_shares.size
        if self._artists.get("n_groups") != n_groups:
            self._build(n_groups)
        return self.frame(model)

    def _build(self, n_groups: int) -> None:
        fig = self.figure
        if fig.axes:
            fig.clear()
        ax = fig.add_axes(self.BOX)
        same = LineCollection([], colors="#999999", linewidths=0.5, alpha=0.6,
                              label=i18n.t("homo.same_tie"))
        cross = LineCollection([], colors=OKABE_ITO["vermillion"], linewidths=1.4,
                               label=i18n.t("homo.cross_tie"))
        ax.add_collection(same, autolim=False)
        ax.add_collection(cross, autolim=False)
        dots = [ax.scatter(np.zeros(0), np.zeros(0), s=16, color=CATEGORICAL[k],
                           edgecolors="white", linewidths=0.3, zorder=3, label=group_label(k))
                for k in range(n_groups)]
        ax.set_xticks([])
        ax.set_yticks([])
        ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False,
                  fontsize="small")
        label_axes(ax, i18n.t("homo.ties_title"), i18n.t("homo.layout_x"), "")
        mark_model(ax)
        note = ax.texts[-1]
        self._artists = {"n_groups": n_groups, "axes": ax, "same": same, "cross": cross,
                         "dots": dots}
        # Drawing order of a full draw: ties (zorder 1), frame (2.5), residents (3), note (10).
        self._frames.freeze([same, cross, *ax.spines.values(), *dots, note])

    def frame(self, model: TieModel) -> bytes:
        """Put ``model``'s ties and residents on the figure and return the new frame."""
        art = self._artists
        xy = _layout(model)
        segments, cross = _tie_segments(model)
        art["same"].set_segments(segments[~cross])
        art["cross"].set_segments(segments[cross])
        g = model.residents.group.to_numpy()
        for k, dots in enumerate(art["dots"]):
            dots.set_offsets(xy[g == k])
        self._set_limits(art["axes"], xy)
        return self._frames.frame()

    def _set_limits(self, ax, xy: np.ndarray) -> None:
        """The points with 5 % margins, widened in one direction to an equal aspect."""
        low, high = xy.min(axis=0), xy.max(axis=0)
        span = high - low
        low, high = low - 0.05 * span, high + 0.05 * span
        span, centre = high - low, (low + high) / 2
        box = ax.get_position()
        width, height = self.figure.get_size_inches() * (box.width, box.height)
        if span[0] <= 0 and span[1] <= 0:
            span = np.array([2.0, 2.0 * height / width])
        elif span[1] * width < span[0] * height:  # too flat for the box: taller
            span = np.array([span[0], span[0] * height / width])
        else:
            span = np.array([span[1] * width / height, span[1]])
        ax.set_xlim(centre[0] - span[0] / 2, centre[0] + span[0] / 2)
        ax.set_ylim(centre[1] - span[1] / 2, centre[1] + span[1] / 2)
