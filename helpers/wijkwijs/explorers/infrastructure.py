"""The explorers of chapter 6 (social infrastructure): closing an organisation, and growth.

* :func:`closure_explorer` — close one of the brokers of Havenstad's referral network
  (2019) and see who loses access: the organisations cut off from every service within
  ``k`` referral steps (the network drawing), the households losing all help by income
  group (bars) and the numbers of :func:`wijkwijs.networks.removal_effect` (table).
  Everything that does not change with the controls — the network, its layout, the
  households' routes for every ``k`` — is set up once (:class:`wijkwijs.networks.
  ReachableHelp`); a change recolours the nodes and moves the bars in place
  (:class:`wijkwijs.figures.infrastructure.ClosurePanels`).
* :func:`growth_explorer` — the community-centre model of
  :func:`wijkwijs.models.growth.simulate_growth`: years, encounters, homophily,
  participation imposed at the opening, a demolition (year, share moved) and a closure
  (year, reopening). Runs are cached by their parameters
  (:func:`wijkwijs.examples.growth.growth_run`); the lines are updated in place
  (:class:`wijkwijs.figures.infrastructure.GrowthLines`).

Examples
--------
>>> ex = closure_explorer()
>>> before = ex.table_view.value
>>> ex.set(organisation=int(ex.controls["organisation"].options[1][1]))
>>> ex.table_view.value != before
True
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import cache
from typing import Any

import pandas as pd

from wijkwijs import i18n
from wijkwijs.examples.growth import growth_run
from wijkwijs.figures.infrastructure import ClosurePanels, GrowthLines, type_label
from wijkwijs.havenstad import infrastructure as hi
from wijkwijs.havenstad.constants import TIE_YEAR
from wijkwijs.models.growth import milestones
from wijkwijs.widgets import Explorer, dropdown, slider

__all__ = ["NOTHING_CLOSED", "FrameExplorer", "closure_explorer", "growth_explorer"]

#: The dropdown value for "close nothing".
NOTHING_CLOSED = -1

i18n.register({
    "infra6.closure_title": {"en": "Close an organisation: who loses access to help?",
                             "nl": "Sluit een organisatie: wie verliest de weg naar hulp?"},
    "infra6.close": {"en": "Close", "nl": "Sluit"},
    "infra6.nothing": {"en": "— nothing (the network as it is) —",
                       "nl": "— niets (het netwerk zoals het is) —"},
    "infra6.steps": {"en": "Referral steps k", "nl": "Doorverwijsstappen k"},
    "infra6.measure": {"en": "measure", "nl": "maat"},
    "infra6.before": {"en": "before", "nl": "voor"},
    "infra6.after": {"en": "after the closure", "nl": "na de sluiting"},
    "infra6.row.participants": {"en": "households taking part in it",
                                "nl": "huishoudens die er meedoen"},
    "infra6.row.components": {"en": "separate parts of the network",
                              "nl": "losse delen van het netwerk"},
    "infra6.row.with_help": {"en": "households with help within k steps",
                             "nl": "huishoudens met hulp binnen k stappen"},
    "infra6.row.losing": {"en": "households losing all help",
                          "nl": "huishoudens die alle hulp verliezen"},
    "infra6.row.mean": {"en": "mean services within reach",
                        "nl": "gemiddeld aantal bereikbare hulpdiensten"},
    "infra6.growth_explorer_title": {"en": "Growing social infrastructure takes time",
                                     "nl": "Sociale infrastructuur groeit langzaam"},
    "infra6.c.years": {"en": "Years", "nl": "Jaren"},
    "infra6.c.encounter_rate": {"en": "Encounters a year (per pair)",
                                "nl": "Ontmoetingen per jaar (per paar)"},
    "infra6.c.homophily": {"en": "Homophily", "nl": "Homofilie"},
    "infra6.c.initial_share": {"en": "Signed up at the opening",
                               "nl": "Ingeschreven bij de opening"},
    "infra6.c.demolition_year": {"en": "Demolition in year (0 = none)",
                                 "nl": "Sloop in jaar (0 = geen)"},
    "infra6.c.share_moved": {"en": "Share moved by the demolition",
                             "nl": "Aandeel verhuisd door de sloop"},
    "infra6.c.closure_year": {"en": "Closure in year (0 = none)",
                              "nl": "Sluiting in jaar (0 = geen)"},
    "infra6.c.reopen_after": {"en": "Reopens after (years, 0 = never)",
                              "nl": "Heropent na (jaren, 0 = nooit)"},
    "infra6.g.final": {"en": "in the last year", "nl": "in het laatste jaar"},
    "infra6.g.half": {"en": "first year at half its highest value",
                      "nl": "eerste jaar op de helft van het hoogste"},
    "infra6.g.share_cross": {"en": "residents with a tie across groups (share)",
                             "nl": "bewoners met een band tussen groepen (aandeel)"},
})


class FrameExplorer(Explorer):
    """An :class:`~wijkwijs.widgets.Explorer` whose figure renders its own PNG frames.

    ``frame(figure, **values)`` returns the PNG (drawn by blitting, see
    :mod:`wijkwijs.figures.blit`); ``table(**values)`` the table, as in ``Explorer``.
    ``last_update_seconds`` is the time from a change to the new image and table.
    """

    def __init__(self, controls: dict[str, Any], *, frame: Callable[..., bytes],
                 table: Callable[..., pd.DataFrame], title: str = "",
                 figsize: tuple[float, float] = (7.0, 4.2)) -> None:
        self._frame = frame
        super().__init__(controls, plot=lambda fig, **_: None, table=table, title=title,
                         figsize=figsize, plot_takes="figure", clear=False)

    def update(self) -> None:
        """Show the frame and the table of the current control values."""
        start = time.perf_counter()
        values = self.values()
        self.plot_view.value = self._frame(self.figure, **values)
        frame = self._table(**values)
        self.table_view.value = frame.to_html(index=False, border=0, classes="wijkwijs-table")
        self.updates += 1
        self.last_update_seconds = time.perf_counter() - start


# -- closing an organisation ---------------------------------------------------------------
def closure_explorer(year: int = TIE_YEAR, *, top: int = 15, ks: tuple[int, ...] = (1, 2, 3, 4),
                     k: int = 2) -> Explorer:
    """Close one of the ``top`` brokers of ``year`` and see who loses access to help.

    >>> ex = closure_explorer(top=3)
    >>> ex.set(k=1)
    >>> "households losing all help" in ex.table_view.value
    True
    """
    candidates = hi.closure_candidates(year, top=top)
    edges = hi.referral_edges(year)
    services = hi.service_ids(year)
    @cache
    def state(organisation: int, steps: int) -> dict[str, Any]:
        removed = [] if organisation == NOTHING_CLOSED else [organisation]
        reach_before = hi.referral_reach_of_organisations(None, year, steps)
        # with nothing closed only the "before" numbers are read (of any closure)
        effect = hi.closure_effect(removed or [int(candidates.index[0])], year, steps)
        return {"removed": removed, "effect": effect,
                "losing": hi.closure_by_income_group(removed, year, steps),
                "reach_before": reach_before,
                "reach_after": (hi.referral_reach_of_organisations(removed, year, steps)
                                if removed else reach_before)}

    # every state is computed once here (a few seconds at most), so that a change only
    # looks it up, and the bars get one scale for all of them
    states = [state(o, step) for step in ks for o in (NOTHING_CLOSED, *candidates.index)]
    ceiling = max(1000 * float(st["losing"]["share_losing"].max()) for st in states)

    def table(organisation: int, k: int) -> pd.DataFrame:
        s = state(organisation, k)
        e = s["effect"]
        closed = bool(s["removed"])

        def after(name: str) -> float:
            return e[f"{name}_after"] if closed else e[f"{name}_before"]

        rows = [
            ("participants", float("nan"), e["participants_affected"] if closed else 0.0),
            ("components", e["components_before"],
             e["components_after"] if closed else e["components_before"]),
            ("with_help", e["households_with_help_before"], after("households_with_help")),
            ("losing", 0.0, e["households_losing_all_help"] if closed else 0.0),
            ("mean", e["mean_services_before"], after("mean_services")),
        ]
        return pd.DataFrame({
            i18n.t("infra6.measure"): [i18n.t(f"infra6.row.{r}") for r, _, _ in rows],
            i18n.t("infra6.before"): [_fmt(b, r) for r, b, _ in rows],
            i18n.t("infra6.after"): [_fmt(a, r) for r, _, a in rows],
        })

    options = {i18n.t("infra6.nothing"): NOTHING_CLOSED,
               **{f"{name} ({type_label(kind).lower()})": int(i)
                  for i, name, kind in zip(candidates.index, candidates["name"],
                                           candidates["type"], strict=True)}}
    controls = {
        "organisation": dropdown("infra6.close", options, value=NOTHING_CLOSED),
        "k": slider("infra6.steps", min(ks), max(ks), 1, value=k),
    }

    def frame(fig, organisation: int, k: int) -> bytes:
        if fig not in panels:
            panels[fig] = ClosurePanels(fig, edges, services, year=year, ceiling=ceiling)
        s = state(organisation, k)
        return panels[fig].show(removed=s["removed"], reach_before=s["reach_before"],
                                reach_after=s["reach_after"], losing=s["losing"], k=k)

    panels: dict[Any, ClosurePanels] = {}
    return FrameExplorer(controls, frame=frame, table=table, title="infra6.closure_title",
                         figsize=(10.0, 4.6))


def _fmt(value: float, row: str) -> str:
    if value != value:  # NaN
        return ""
    return f"{value:.3f}" if row == "mean" else f"{value:,.0f}"


# -- growth ----------------------------------------------------------------------------
def growth_explorer(**values: Any) -> Explorer:
    """The growth model with sliders; participants and ties over time, and a summary.

    Keyword arguments set the starting values of the controls.

    >>> ex = growth_explorer()
    >>> before = ex.table_view.value
    >>> ex.set(demolition_year=10, share_moved=0.5)
    >>> ex.table_view.value != before
    True
    """
    lines: dict[Any, GrowthLines] = {}

    def frame(fig, **v: Any) -> bytes:
        if fig not in lines:
            lines[fig] = GrowthLines(fig.add_subplot(), x_max=controls["years"].max)
        return lines[fig].show(growth_run(**v))

    def table(**v: Any) -> pd.DataFrame:
        run = growth_run(**v)
        last = run.iloc[-1]
        half = milestones(run)
        names = ("participants", "ties_within", "ties_cross")
        return pd.DataFrame({
            i18n.t("infra6.measure"): [i18n.t(f"infra6.{n}") for n in names]
            + [i18n.t("infra6.g.share_cross")],
            i18n.t("infra6.g.final"): [f"{int(last[n])}" for n in names]
            + [f"{last['share_with_cross_tie']:.2f}"],
            i18n.t("infra6.g.half"): ["" if half[n] != half[n] else f"{int(half[n])}"
                                      for n in names] + [""],
        })

    start = {"years": 25, "encounter_rate": 1.0, "homophily": 0.5, "initial_share": 0.0,
             "demolition_year": 0, "share_moved": 0.3, "closure_year": 0, "reopen_after": 0,
             **values}
    controls = {
        "years": slider("infra6.c.years", 10, 40, 5, value=start["years"]),
        "encounter_rate": slider("infra6.c.encounter_rate", 0.25, 3.0, 0.25,
                                 value=start["encounter_rate"], readout_format=".2f"),
        "homophily": slider("infra6.c.homophily", 0.0, 1.0, 0.1, value=start["homophily"],
                            readout_format=".1f"),
        "initial_share": slider("infra6.c.initial_share", 0.0, 1.0, 0.1,
                                value=start["initial_share"], readout_format=".1f"),
        "demolition_year": slider("infra6.c.demolition_year", 0, 40, 1,
                                  value=start["demolition_year"]),
        "share_moved": slider("infra6.c.share_moved", 0.0, 1.0, 0.1,
                              value=start["share_moved"], readout_format=".1f"),
        "closure_year": slider("infra6.c.closure_year", 0, 40, 1, value=start["closure_year"]),
        "reopen_after": slider("infra6.c.reopen_after", 0, 10, 1, value=start["reopen_after"]),
    }
    return FrameExplorer(controls, frame=frame, table=table,
                         title="infra6.growth_explorer_title", figsize=(7.6, 4.4))
