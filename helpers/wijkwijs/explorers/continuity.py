"""The explorer of chapter 7.2: structural against project funding, over ten years.

Sliders set how project money behaves (cycle length, the chance it is renewed, the
chance the worker leaves at a renewal), how a standing subsidy keeps its worker, how
much trust a new worker inherits, and how an initiative fares without its contact
person. Every change runs :func:`wijkwijs.models.continuity.compare_funding_runs`
(both regimes, the same seeded runs, averaged) and updates the three panels of
:class:`wijkwijs.figures.funding.ContinuityPanels` in place (only the lines are
redrawn) and the table of :func:`~wijkwijs.models.continuity.scenario_totals`.
The model is illustrative, and says so on every panel.

>>> ex = continuity_explorer(runs=5)
>>> ex.set(project_turnover=0.0)
>>> ex.updates
2
>>> "Referrals made" in ex.table_view.value
True
"""

from __future__ import annotations

import time
from typing import Any

import pandas as pd

from wijkwijs import i18n
from wijkwijs.figures.funding import ContinuityPanels, regime_label
from wijkwijs.models.continuity import FUNDING_DEFAULTS, compare_funding_runs, scenario_totals
from wijkwijs.widgets import Explorer, html_escape, slider

__all__ = ["CONTINUITY_LIMITS", "ContinuityExplorer", "continuity_explorer",
           "continuity_table", "explorer_parameters", "table_html"]

#: Fixed y-axes of the explorer's panels (the sliders cannot push a mean beyond them:
#: 200 residents met with chance 0.3, referred with chance at most 0.15, three
#: initiatives a year surviving with chance at most 0.9).
CONTINUITY_LIMITS: dict[str, float] = {"residents_reached": 80.0, "referrals": 100.0,
                                       "initiatives_alive": 25.0}

#: The sliders' defaults: the model's defaults (:data:`FUNDING_DEFAULTS`).
DEFAULTS: dict[str, float] = {
    "project_turnover": FUNDING_DEFAULTS["project"]["turnover_per_cycle"],
    "project_cycle": FUNDING_DEFAULTS["project"]["cycle_years"],
    "project_renewal": FUNDING_DEFAULTS["project"]["renewal_probability"],
    "structural_turnover": FUNDING_DEFAULTS["structural"]["turnover_per_cycle"],
    "trust_reset": 0.8,
    "survival_without_contact": 0.6,
}

i18n.register({
    "cont7.title": {"en": "Structural or project funding: ten years of one welfare worker's post",
                    "nl": "Structurele of projectfinanciering: tien jaar van één "
                          "welzijnswerker"},
    "cont7.project_turnover": {"en": "Project: worker leaves at a renewal",
                               "nl": "Project: werker vertrekt bij verlenging"},
    "cont7.project_cycle": {"en": "Project: years per funding cycle",
                            "nl": "Project: jaren per financieringsronde"},
    "cont7.project_renewal": {"en": "Project: money renewed (chance)",
                              "nl": "Project: geld verlengd (kans)"},
    "cont7.structural_turnover": {"en": "Structural: worker leaves in a year",
                                  "nl": "Structureel: werker vertrekt per jaar"},
    "cont7.trust_reset": {"en": "Trust lost with a new worker",
                          "nl": "Vertrouwen kwijt bij nieuwe werker"},
    "cont7.survival_without_contact": {"en": "Initiative survives without contact",
                                       "nl": "Initiatief overleeft zonder contact"},
    "cont7.outcome": {"en": "over ten years", "nl": "over tien jaar"},
    "cont7.o.residents_reached_per_year": {"en": "Residents reached a year (mean)",
                                           "nl": "Bereikte bewoners per jaar (gemiddeld)"},
    "cont7.o.referrals": {"en": "Referrals made (total)",
                          "nl": "Doorverwijzingen (totaal)"},
    "cont7.o.initiatives_alive_at_end": {"en": "Initiatives alive in the last year",
                                         "nl": "Levende initiatieven in het laatste jaar"},
    "cont7.o.worker_changes": {"en": "New workers (total)", "nl": "Nieuwe werkers (totaal)"},
    "cont7.o.open_at_end": {"en": "Still funded in the last year (share of runs)",
                            "nl": "Nog gefinancierd in het laatste jaar (aandeel runs)"},
    "cont7.o.trust_at_end": {"en": "Trust in the worker in the last year (0–1)",
                             "nl": "Vertrouwen in de werker in het laatste jaar (0–1)"},
})


def explorer_parameters(project_turnover: float, project_cycle: int, project_renewal: float,
                        structural_turnover: float, trust_reset: float,
                        survival_without_contact: float) -> dict[str, Any]:
    """The keywords of :func:`compare_funding_runs` for the explorer's slider values.

    >>> p = explorer_parameters(0.5, 2, 0.9, 0.1, 0.8, 0.6)
    >>> p["project"], p["trust_reset"]
    ({'turnover_per_cycle': 0.5, 'cycle_years': 2, 'renewal_probability': 0.9}, 0.8)
    """
    return {
        "project": {"turnover_per_cycle": float(project_turnover),
                    "cycle_years": int(project_cycle),
                    "renewal_probability": float(project_renewal)},
        "structural": {"turnover_per_cycle": float(structural_turnover)},
        "trust_reset": float(trust_reset),
        "initiative_survival_without_contact": float(survival_without_contact),
    }


def continuity_table(totals: pd.DataFrame) -> pd.DataFrame:
    """The totals of :func:`scenario_totals` as the explorer shows them (labelled, rounded).

    >>> from wijkwijs.models.continuity import compare_funding_runs, scenario_totals
    >>> continuity_table(scenario_totals(compare_funding_runs(runs=2))).columns.tolist()
    ['over ten years', 'Structural funding', 'Project funding']
    """
    decimals = {"open_at_end": 2, "trust_at_end": 2}
    return pd.DataFrame({
        i18n.t("cont7.outcome"): [i18n.t(f"cont7.o.{k}") for k in totals.index],
        **{regime_label(regime): [f"{totals.loc[k, regime]:.{decimals.get(k, 1)}f}"
                                  for k in totals.index]
           for regime in totals.columns},
    })


def table_html(frame: pd.DataFrame) -> str:
    """A small table of texts as HTML (escaped), without pandas' slower ``to_html``.

    >>> table_html(pd.DataFrame({"a": ["<b>"]}))[-50:]
    '<tbody><tr><td>&lt;b&gt;</td></tr></tbody></table>'
    """
    head = "".join(f"<th>{html_escape(c)}</th>" for c in frame.columns)
    rows = "".join("<tr>" + "".join(f"<td>{html_escape(v)}</td>" for v in row) + "</tr>"
                   for row in frame.itertuples(index=False))
    return (f'<table class="wijkwijs-table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table>")


class ContinuityExplorer(Explorer):
    """Six sliders; three panels of the continuity model and a table of totals.

    ``last_update_seconds`` is the time from a change to the new image and table (the
    model runs included: ``runs`` seeded runs of each regime).

    Parameters
    ----------
    runs, seed
        Runs averaged per regime, and the seed of the first run.
    **values
        Starting values of the sliders (see :data:`DEFAULTS`).
    """

    def __init__(self, *, runs: int = 50, seed: int = 0, **values: float) -> None:
        unknown = set(values) - set(DEFAULTS)
        if unknown:
            raise ValueError(f"unknown slider(s) {sorted(unknown)}; the explorer has "
                             f"{sorted(DEFAULTS)}.")
        v = {**DEFAULTS, **values}
        self.runs, self.seed = int(runs), int(seed)
        self.panels: ContinuityPanels | None = None
        controls = {
            "project_turnover": slider("cont7.project_turnover", 0, 1, 0.05,
                                       value=v["project_turnover"], readout_format=".2f"),
            "project_cycle": slider("cont7.project_cycle", 1, 5, 1, value=int(v["project_cycle"])),
            "project_renewal": slider("cont7.project_renewal", 0.5, 1, 0.05,
                                      value=v["project_renewal"], readout_format=".2f"),
            "structural_turnover": slider("cont7.structural_turnover", 0, 0.5, 0.05,
                                          value=v["structural_turnover"], readout_format=".2f"),
            "trust_reset": slider("cont7.trust_reset", 0, 1, 0.1, value=v["trust_reset"],
                                  readout_format=".1f"),
            "survival_without_contact": slider("cont7.survival_without_contact", 0, 0.9, 0.05,
                                               value=v["survival_without_contact"],
                                               readout_format=".2f"),
        }
        super().__init__(controls, plot=lambda fig, **_: None, table=lambda **_: pd.DataFrame(),
                         plot_takes="figure", figsize=(10.0, 3.5), clear=False,
                         title="cont7.title")

    def result(self) -> pd.DataFrame:
        """The averaged runs for the current slider values."""
        return compare_funding_runs(runs=self.runs, seed=self.seed,
                                    **explorer_parameters(**self.values()))

    def update(self) -> None:
        """Run both regimes for the current values; redraw the lines and the table."""
        start = time.perf_counter()
        if self.panels is None:
            self.figure.subplots_adjust(left=0.06, right=0.99, bottom=0.14, top=0.88,
                                        wspace=0.28)
            self.panels = ContinuityPanels(self.figure, limits=CONTINUITY_LIMITS)
        table = self.result()
        self.plot_view.value = self.panels.show(table)
        self.table_view.value = table_html(continuity_table(scenario_totals(table)))
        self.updates += 1
        self.last_update_seconds = time.perf_counter() - start


def continuity_explorer(*, runs: int = 50, seed: int = 0, **values: float) -> ContinuityExplorer:
    """Structural against project funding with six sliders (see :class:`ContinuityExplorer`).

    >>> ex = continuity_explorer(runs=3, project_cycle=1)
    >>> ex.controls["project_cycle"].value
    1
    """
    return ContinuityExplorer(runs=runs, seed=seed, **values)
