"""Figures of chapter 7.2, under pressure: funding, closures, survival and continuity.

Every ``plot_*`` function takes its data first (a table of
:mod:`wijkwijs.havenstad.funding` or of :mod:`wijkwijs.models.continuity`) and an
optional ``ax`` last, and returns the :class:`~matplotlib.figure.Figure` it drew on;
without ``ax`` it makes a :class:`~wijkwijs.figures.NotebookFigure`. The figures of
Havenstad say on the axes that the city is synthetic
(:func:`wijkwijs.figures.mark_synthetic`); the figures of the continuity model say on
the axes that the model is illustrative. Colours are the Okabe–Ito colours of
:mod:`wijkwijs.style`, with a second cue (line style or hatching) wherever two
series are compared.

:class:`ContinuityPanels` draws the three panels of the continuity model (residents
reached, referrals made, initiatives alive) and redraws only its lines for the
explorer of :mod:`wijkwijs.explorers.continuity`.

>>> from wijkwijs.havenstad import funding
>>> fig = plot_closures_by_funding(funding.closures_by_funding())
>>> fig.axes[0].get_title()
'Closed since 2011, by funding'
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from wijkwijs import i18n
from wijkwijs.figures import OKABE_ITO, NotebookFigure, corner_note, label_axes, mark_synthetic
from wijkwijs.havenstad.constants import FIRST_YEAR, FUNDING, LAST_YEAR

__all__ = [
    "FUNDING_COLOURS",
    "MODEL_MEASURES",
    "ContinuityPanels",
    "funding_label",
    "mark_illustrative",
    "plot_closures_by_funding",
    "plot_closures_by_year",
    "plot_continuity",
    "plot_survival_by_funding",
    "plot_turnover_by_funding",
    "regime_label",
]

#: One colour per funding type (Okabe–Ito), the same in every figure of the notebook.
FUNDING_COLOURS: dict[str, str] = {
    "structural": OKABE_ITO["blue"], "incidental": OKABE_ITO["vermillion"],
    "own_income": OKABE_ITO["bluish_green"], "commercial": OKABE_ITO["reddish_purple"],
    # the two regimes of the continuity model
    "project": OKABE_ITO["vermillion"],
}
_LINESTYLES = {"structural": "-", "incidental": "--", "own_income": "-.",
               "commercial": ":", "project": "--"}

#: The three outcomes of the continuity model drawn by :class:`ContinuityPanels`.
MODEL_MEASURES: tuple[str, ...] = ("residents_reached", "referrals", "initiatives_alive")

i18n.register({
    "fund7.funding.structural": {"en": "Structural (standing subsidy)",
                                 "nl": "Structureel (vaste subsidie)"},
    "fund7.funding.incidental": {"en": "Incidental (project money)",
                                 "nl": "Incidenteel (projectgeld)"},
    "fund7.funding.own_income": {"en": "Own income", "nl": "Eigen inkomsten"},
    "fund7.funding.commercial": {"en": "Commercial", "nl": "Commercieel"},
    "fund7.regime.structural": {"en": "Structural funding", "nl": "Structurele financiering"},
    "fund7.regime.project": {"en": "Project funding", "nl": "Projectfinanciering"},
    "fund7.illustrative": {"en": "Illustrative model — not data",
                           "nl": "Illustratief model — geen data"},
    "fund7.closures_title": {"en": "Closed since {first}, by funding",
                             "nl": "Gesloten sinds {first}, naar financiering"},
    "fund7.closures_x": {"en": "Share of the organisations that closed",
                         "nl": "Aandeel van de organisaties dat sloot"},
    "fund7.funding_y": {"en": "Funding", "nl": "Financiering"},
    "fund7.turnover_title": {"en": "Staff turnover, by funding",
                             "nl": "Personeelsverloop, naar financiering"},
    "fund7.turnover_x": {"en": "Mean share of staff leaving in a year",
                         "nl": "Gemiddeld aandeel personeel dat per jaar vertrekt"},
    "fund7.survival_title": {"en": "How long organisations last, by funding",
                             "nl": "Hoe lang organisaties bestaan, naar financiering"},
    "fund7.survival_x": {"en": "Age (years since founding)",
                         "nl": "Leeftijd (jaren sinds de oprichting)"},
    "fund7.survival_y": {"en": "Share still open (Kaplan–Meier)",
                         "nl": "Aandeel nog open (Kaplan–Meier)"},
    "fund7.median_line": {"en": "half closed", "nl": "helft gesloten"},
    "fund7.ci": {"en": "95 % interval", "nl": "95%-interval"},
    "fund7.years_title": {"en": "Closures and reopenings per year, Havenstad",
                          "nl": "Sluitingen en heropeningen per jaar, Havenstad"},
    "fund7.years_x": {"en": "Year", "nl": "Jaar"},
    "fund7.years_y": {"en": "Organisations", "nl": "Organisaties"},
    "fund7.closures": {"en": "closures", "nl": "sluitingen"},
    "fund7.reopenings": {"en": "reopenings (NPLV money)", "nl": "heropeningen (NPLV-geld)"},
    "fund7.cuts": {"en": "cuts after the 2008 crisis", "nl": "bezuinigingen na de crisis van 2008"},
    "fund7.year": {"en": "Year", "nl": "Jaar"},
    "fund7.m.residents_reached": {"en": "Residents reached (a year)",
                                  "nl": "Bereikte bewoners (per jaar)"},
    "fund7.m.referrals": {"en": "Referrals made (so far)",
                          "nl": "Doorverwijzingen (tot dan toe)"},
    "fund7.m.initiatives_alive": {"en": "Residents' initiatives alive",
                                  "nl": "Levende bewonersinitiatieven"},
    "fund7.model_title": {"en": "Continuity model: {measure}",
                          "nl": "Continuïteitsmodel: {measure}"},
    "fund7.mean_of_runs": {"en": "mean of {runs} runs", "nl": "gemiddelde van {runs} runs"},
})


def funding_label(kind: str) -> str:
    """The name of a funding type of Havenstad in the current language.

    >>> funding_label("incidental")
    'Incidental (project money)'
    """
    key = f"fund7.funding.{kind}"
    return i18n.t(key) if key in i18n.keys() else str(kind)


def regime_label(regime: str) -> str:
    """The name of a regime of the continuity model in the current language.

    >>> regime_label("project")
    'Project funding'
    """
    key = f"fund7.regime.{regime}"
    return i18n.t(key) if key in i18n.keys() else str(regime)


def mark_illustrative(ax, where: str = "lower right") -> None:
    """Say on the axes that they show an illustrative model, not data.

    >>> ax = NotebookFigure().add_subplot()
    >>> mark_illustrative(ax)
    >>> ax.texts[-1].get_text()
    'Illustrative model — not data'
    """
    corner_note(ax, i18n.t("fund7.illustrative"), where)


def _axes(ax, figsize: tuple[float, float] = (6.4, 4.0)):
    if ax is None:
        ax = NotebookFigure(figsize=figsize, layout="constrained").add_subplot()
    return ax.figure, ax


def _require(frame, columns: Sequence[str], name: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"{name} must be a pandas DataFrame; got {type(frame).__name__}.")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} has no column {missing[0]!r}; its columns are "
                         f"{list(frame.columns)}.")


# -- Havenstad: closures, turnover, survival, years --------------------------------------
def plot_closures_by_funding(table: pd.DataFrame, *, ax=None) -> Figure:
    """The share of organisations that closed, per funding type, with the counts.

    ``table`` is :func:`wijkwijs.havenstad.funding.closures_by_funding`.
    """
    _require(table, ("closed", "total"), "table")
    fig, ax = _axes(ax, (6.4, 3.4))
    kinds = [k for k in FUNDING if k in table.index][::-1]
    share = (table.loc[kinds, "closed"] / table.loc[kinds, "total"]).to_numpy(float)
    ax.barh([funding_label(k) for k in kinds], share,
            color=[FUNDING_COLOURS[k] for k in kinds])
    for y, (k, v) in enumerate(zip(kinds, share, strict=True)):
        ax.text(v, y, f" {int(table.loc[k, 'closed'])} / {int(table.loc[k, 'total'])}",
                va="center", fontsize=8)
    label_axes(ax, i18n.t("fund7.closures_title", first=FIRST_YEAR), i18n.t("fund7.closures_x"),
               i18n.t("fund7.funding_y"))
    ax.set_xlim(0, 1)
    mark_synthetic(ax)
    return fig


def plot_turnover_by_funding(table: pd.DataFrame, *, ax=None) -> Figure:
    """Mean yearly staff turnover per funding type.

    ``table`` is :func:`wijkwijs.havenstad.funding.turnover_by_funding`.
    """
    _require(table, ("mean",), "table")
    fig, ax = _axes(ax, (6.4, 3.4))
    kinds = [k for k in FUNDING if k in table.index][::-1]
    values = table.loc[kinds, "mean"].to_numpy(float)
    ax.barh([funding_label(k) for k in kinds], values,
            color=[FUNDING_COLOURS[k] for k in kinds])
    for y, v in enumerate(values):
        ax.text(v, y, f" {v:.2f}", va="center", fontsize=8)
    label_axes(ax, i18n.t("fund7.turnover_title"), i18n.t("fund7.turnover_x"),
               i18n.t("fund7.funding_y"))
    ax.set_xlim(0, max(0.5, float(np.nanmax(values)) * 1.25))
    mark_synthetic(ax)
    return fig


def plot_survival_by_funding(table: pd.DataFrame, *, groups: Sequence[str] | None = None,
                             ci: bool = True, ax=None) -> Figure:
    """Kaplan–Meier curves per funding type, as steps, with their 95 % intervals.

    ``table`` is :func:`wijkwijs.havenstad.funding.survival_by_funding` (any stacked
    table of :func:`wijkwijs.survival.survival_by_group` with a ``funding`` column);
    ``groups`` chooses the funding types (default: all in the table).
    """
    _require(table, ("funding", "time", "survival", "ci_lower", "ci_upper"), "table")
    fig, ax = _axes(ax, (6.8, 4.2))
    present = [str(k) for k in pd.unique(table["funding"].astype(str))]
    groups = list(groups) if groups is not None else [k for k in FUNDING if k in present]
    unknown = [g for g in groups if g not in present]
    if unknown:
        raise ValueError(f"no survival rows for {unknown}; the table has {present}.")
    for kind in groups:
        part = table[table["funding"].astype(str) == kind]
        colour = FUNDING_COLOURS.get(kind, OKABE_ITO["black"])
        ax.step(part["time"], part["survival"], where="post", color=colour,
                linestyle=_LINESTYLES.get(kind, "-"), linewidth=2, label=funding_label(kind))
        if ci:
            ax.fill_between(part["time"], part["ci_lower"].fillna(0), part["ci_upper"].fillna(0),
                            step="post", color=colour, alpha=0.15, linewidth=0)
    ax.axhline(0.5, color="#555555", linestyle=":", linewidth=1)
    ax.text(ax.get_xlim()[1], 0.5, i18n.t("fund7.median_line") + " ", ha="right", va="bottom",
            fontsize=8, color="#333333")
    label_axes(ax, i18n.t("fund7.survival_title"), i18n.t("fund7.survival_x"),
               i18n.t("fund7.survival_y"))
    ax.set_ylim(0, 1.02)
    handles, _ = ax.get_legend_handles_labels()
    if ci:
        handles.append(Patch(facecolor="#555555", alpha=0.15, label=i18n.t("fund7.ci")))
    ax.legend(handles=handles, loc="upper right", fontsize=8, frameon=False)
    mark_synthetic(ax, "lower left")
    return fig


def plot_closures_by_year(per_year: pd.Series, *, reopened: pd.Series | None = None,
                          cuts: tuple[int, int] = (2011, 2014), ax=None) -> Figure:
    """Closures per year as bars, the years of the cuts shaded, and the reopenings.

    ``per_year`` is :func:`wijkwijs.havenstad.funding.closures_by_year`; ``reopened``
    (optional) counts reopenings per year (e.g. ``reopenings()`` counted by year).
    """
    if not isinstance(per_year, pd.Series):
        raise ValueError(f"per_year must be a pandas Series; got {type(per_year).__name__}.")
    fig, ax = _axes(ax, (7.0, 3.8))
    years = per_year.index.to_numpy(int)
    ax.axvspan(cuts[0] - 0.5, cuts[1] + 0.5, color=OKABE_ITO["yellow"], alpha=0.35,
               linewidth=0, label=i18n.t("fund7.cuts"))
    width = 0.4 if reopened is not None else 0.8
    shift = -width / 2 if reopened is not None else 0.0
    ax.bar(years + shift, per_year.to_numpy(float), width=width,
           color=FUNDING_COLOURS["incidental"], label=i18n.t("fund7.closures"))
    if reopened is not None:
        again = reopened.reindex(years, fill_value=0)
        ax.bar(years - shift, again.to_numpy(float), width=width, color=OKABE_ITO["blue"],
               hatch="//", edgecolor="white", label=i18n.t("fund7.reopenings"))
    label_axes(ax, i18n.t("fund7.years_title"), i18n.t("fund7.years_x"),
               i18n.t("fund7.years_y"))
    ax.set_xticks(years)
    ax.tick_params(axis="x", labelsize=8)
    ax.set_xlim(min(years.min(), FIRST_YEAR) - 0.6, max(years.max(), LAST_YEAR) + 0.6)
    ax.set_ylim(0, float(per_year.max()) * 1.3 + 1)
    ax.legend(loc="upper right", fontsize=8, frameon=False)
    mark_synthetic(ax, "upper left")
    return fig


# -- the continuity model ----------------------------------------------------------------
def _series(table: pd.DataFrame) -> dict[tuple[str, str], np.ndarray]:
    """Each (measure, regime) column as an array; referrals as their running total."""
    # by position, not table[...]: pandas would deep-copy the table's attrs on every read
    values = table.to_numpy(dtype=float)
    out = {}
    for i, (measure, regime) in enumerate(table.columns):
        if measure in MODEL_MEASURES:
            column = values[:, i]
            out[(measure, regime)] = np.cumsum(column) if measure == "referrals" else column
    return out


class ContinuityPanels:
    """The three outcomes of the continuity model, one panel each, both regimes as lines.

    ``draw(table)`` sets the lines from a table of
    :func:`wijkwijs.models.continuity.compare_funding` or ``compare_funding_runs``
    (referrals are drawn cumulatively: the referrals made so far). With ``limits`` the
    y-axes stay fixed (the explorer's case) and :meth:`show` redraws only the lines
    (:class:`wijkwijs.figures.blit.BlitFigure`); without, each draw rescales.

    >>> from wijkwijs.models.continuity import compare_funding
    >>> panels = ContinuityPanels(NotebookFigure(figsize=(9, 3)))
    >>> panels.draw(compare_funding(seed=1))
    >>> [ax.get_ylabel() for ax in panels.axes][:1]
    ['Residents reached (a year)']
    """

    def __init__(self, figure: Figure, *, axes: Sequence | None = None,
                 limits: dict[str, float] | None = None, years: int = 10,
                 dpi: float = 85) -> None:
        self.figure = figure
        if axes is None:
            axes = [figure.add_subplot(1, len(MODEL_MEASURES), i + 1)
                    for i in range(len(MODEL_MEASURES))]
        if len(axes) != len(MODEL_MEASURES):
            raise ValueError(f"ContinuityPanels needs {len(MODEL_MEASURES)} axes; got "
                             f"{len(axes)}.")
        self.axes = list(axes)
        self.limits = limits
        self.dpi = dpi
        self.lines: dict[tuple[str, str], Line2D] = {}
        self.note = None
        self._frames = None
        for ax, measure in zip(self.axes, MODEL_MEASURES, strict=True):
            for regime in ("structural", "project"):
                (line,) = ax.plot([], [], color=FUNDING_COLOURS[regime],
                                  linestyle=_LINESTYLES[regime], linewidth=2, marker="o",
                                  markersize=3, label=regime_label(regime))
                self.lines[(measure, regime)] = line
            label_axes(ax, i18n.t(f"fund7.m.{measure}"), i18n.t("fund7.year"),
                       i18n.t(f"fund7.m.{measure}"))
            ax.set_xlim(0.5, years + 0.5)
            if limits is not None:
                ax.set_ylim(0, limits[measure])
            mark_illustrative(ax)
        self.axes[0].legend(loc="upper left", fontsize=8, frameon=False)

    def draw(self, table: pd.DataFrame) -> None:
        """Set the lines from ``table`` (rescaling the axes unless ``limits`` were given)."""
        missing = [m for m in MODEL_MEASURES if m not in table.columns.get_level_values(0)]
        if missing:
            raise ValueError(f"the table lacks the measures {missing}; pass a table of "
                             "compare_funding or compare_funding_runs.")
        x = table.index.to_numpy(float)
        top: dict[str, float] = {}
        series = _series(table)
        for (measure, regime), line in self.lines.items():
            y = series[(measure, regime)]
            line.set_data(x, y)
            top[measure] = max(top.get(measure, 0.0), float(np.nanmax(y)) if y.size else 0.0)
        if self.limits is None:
            for ax, measure in zip(self.axes, MODEL_MEASURES, strict=True):
                ax.set_xlim(0.5, len(x) + 0.5)
                ax.set_ylim(0, max(1.0, top[measure] * 1.15))

    def show(self, table: pd.DataFrame) -> bytes:
        """:meth:`draw` ``table`` and return the figure as a PNG (only the lines redrawn)."""
        from wijkwijs.figures.blit import BlitFigure

        self.draw(table)
        if self._frames is None:
            self._frames = BlitFigure(self.figure, dpi=self.dpi)
            self._frames.freeze(list(self.lines.values()))
        elif self.limits is None:
            self._frames.freeze()
        return self._frames.frame()


def plot_continuity(table: pd.DataFrame, *, ax=None) -> Figure:
    """Residents reached, referrals made (so far) and initiatives alive, both regimes.

    ``table`` is :func:`wijkwijs.models.continuity.compare_funding` or
    ``compare_funding_runs``; ``ax`` is ``None`` (a new figure) or a sequence of three
    axes. Every panel says that the model is illustrative.

    >>> from wijkwijs.models.continuity import compare_funding_runs
    >>> fig = plot_continuity(compare_funding_runs(runs=3))
    >>> len(fig.axes), fig.axes[2].texts[0].get_text()
    (3, 'Illustrative model — not data')
    """
    if ax is None:
        figure = NotebookFigure(figsize=(11.0, 3.8), layout="constrained")
        axes = None
    else:
        axes = list(ax)
        figure = axes[0].figure
    panels = ContinuityPanels(figure, axes=axes, years=len(table))
    panels.draw(table)
    runs = table.attrs.get("runs")
    if runs:
        figure.suptitle(i18n.t("fund7.model_title",
                               measure=i18n.t("fund7.mean_of_runs", runs=runs)), fontsize=11)
    return figure
