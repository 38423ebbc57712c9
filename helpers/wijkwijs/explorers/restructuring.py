"""The explorer of chapter 4: demolish social homes in one zone of the model city.

Two controls over :func:`wijkwijs.models.paradox.run_restructuring` and the figure
:class:`wijkwijs.figures.restructuring.RestructuringPanels`: how many social homes are
demolished (and replaced by owner-occupied homes) and in which city zone. Each change
runs the years after the demolition (the years before are shared and cached) and
redraws only what changed: the lines of city and regional D, the destination map and
the counts. The policy lab passes its runs made ahead of time instead
(:func:`wijkwijs.examples.paradox_lab.lab_restructuring`, ``runs=``).

>>> ex = restructuring_explorer()
>>> ex.set(homes=60, zone="outer-3")
>>> ex.updates
2
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from wijkwijs import i18n
from wijkwijs.figures.restructuring import RestructuringPanels
from wijkwijs.models.paradox import (
    RESTRUCTURING_HOMES,
    RESTRUCTURING_RUN,
    RestructuringRun,
    city_zone_names,
    run_restructuring,
)
from wijkwijs.widgets import Explorer, dropdown, slider

__all__ = ["EXPLORER_RUN", "RestructuringExplorer", "restructuring_controls",
           "restructuring_explorer"]

#: The run every setting of the explorer makes: model size, years, year of demolition
#: (the chapter's :data:`~wijkwijs.models.paradox.RESTRUCTURING_RUN`).
EXPLORER_RUN: dict[str, float] = RESTRUCTURING_RUN
Runs = Callable[[str, int], RestructuringRun]

i18n.register({
    "restr4.homes": {"en": "Social homes demolished", "nl": "Gesloopte sociale woningen"},
    "restr4.zone": {"en": "Zone restructured", "nl": "Geherstructureerde zone"},
    "restr4.explorer_title": {"en": "Restructuring: demolish social homes, build owner-occupied",
                              "nl": "Herstructurering: sloop sociale huur, bouw koopwoningen"},
})


def restructuring_controls(homes: int = 100, zone: str = "inner-2") -> dict[str, Any]:
    """The explorer's controls: homes demolished (applied on release) and the zone.

    >>> c = restructuring_controls(40, "outer-1")
    >>> c["homes"].value, c["zone"].value, len(c["zone"].options)
    (40, 'outer-1', 16)
    """
    if zone not in city_zone_names():
        raise ValueError(f"unknown zone {zone!r}; the city zones are {city_zone_names()}")
    low, high = RESTRUCTURING_HOMES[0], RESTRUCTURING_HOMES[-1]
    step = RESTRUCTURING_HOMES[1] - low
    controls = {"homes": slider("restr4.homes", low, high, step, value=int(homes)),
                "zone": dropdown("restr4.zone", city_zone_names(), value=zone)}
    controls["homes"].continuous_update = False  # a new setting runs the model: on release
    return controls


class RestructuringExplorer(Explorer):
    """A homes slider and a zone menu; D with and without, and the destination map.

    ``last_update_seconds`` is the time from a control change to the new image.
    ``runs(zone, homes)`` gives a setting's run: by default
    :func:`~wijkwijs.models.paradox.run_restructuring` with :data:`EXPLORER_RUN` and
    ``seed``.
    """

    def __init__(self, homes: int = 100, zone: str = "inner-2", *, seed: int = 0,
                 runs: Runs | None = None) -> None:
        self.seed = int(seed)
        self.runs: Runs = runs or (lambda zone, homes: run_restructuring(
            zone, homes, seed=self.seed, **EXPLORER_RUN))
        self.panels: RestructuringPanels | None = None
        super().__init__(restructuring_controls(homes, zone), plot=lambda fig, **_: None,
                         plot_takes="figure", figsize=(11.0, 4.8),
                         title="restr4.explorer_title")

    def update(self) -> None:
        """Run (or fetch the cached run of) the setting and redraw."""
        start = time.perf_counter()
        values = self.values()
        if self.panels is None:
            self.panels = RestructuringPanels(self.figure, dpi=80)
        run = self.runs(values["zone"], int(values["homes"]))
        self.plot_view.value = self.panels.show(run)
        self.updates += 1
        self.last_update_seconds = time.perf_counter() - start


def restructuring_explorer(homes: int = 100, zone: str = "inner-2", *,
                           runs: Runs | None = None) -> RestructuringExplorer:
    """Demolish ``homes`` social homes in city ``zone`` of the model city, and see the effect.

    >>> ex = restructuring_explorer(50, "outer-2")
    >>> ex.controls["homes"].value, ex.controls["zone"].value
    (50, 'outer-2')
    """
    return RestructuringExplorer(homes, zone, runs=runs)
