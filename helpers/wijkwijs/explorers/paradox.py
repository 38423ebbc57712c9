"""The explorer of chapter 3: try housing policies against the segregation paradox.

Four policy sliders and a year slider over :func:`wijkwijs.examples.paradox.run_scenario`
and the figure :class:`wijkwijs.figures.paradox.ParadoxPanels`. A new policy runs the
model for 30 years (runs are cached); moving only the year slider moves the year marker
and recolours the map, and redraws nothing else. The policy lab passes the runs made
ahead of time instead (:func:`wijkwijs.examples.paradox_lab.lab_scenario`) and sliders
that move over their grid (``runs=`` and ``steps=``).

>>> ex = paradox_explorer()
>>> ex.set(year=20)
>>> ex.updates
2
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from wijkwijs import i18n
from wijkwijs.examples.paradox import DEFAULT_POLICY, LEVERS, YEARS, run_scenario
from wijkwijs.figures.paradox import ParadoxPanels
from wijkwijs.widgets import Explorer, slider

__all__ = ["SLIDER_RANGES", "ParadoxExplorer", "paradox_controls", "paradox_explorer"]

i18n.register({
    "paradox.year": {"en": "Year", "nl": "Jaar"},
    "paradox.explorer_title": {"en": "The segregation paradox: try housing policies",
                               "nl": "De segregatieparadox: probeer woonbeleid uit"},
})


#: The sliders' range and step per lever: (lowest, highest, step).
SLIDER_RANGES: dict[str, tuple[float, float, float]] = {
    "protected_share": (0, 1, 0.05), "rent_regulation": (0, 1, 0.05),
    "new_social_per_year": (0, 120, 10), "social_sales_per_year": (0, 120, 10),
}
Runs = Callable[[dict[str, float]], tuple[pd.DataFrame, pd.DataFrame]]


def _range(values: Sequence[float]) -> tuple[float, float, float]:
    """(lowest, highest, step) of evenly spaced ``values``; anything else is refused."""
    steps = {round(b - a, 9) for a, b in itertools.pairwise(values)}
    if len(values) < 2 or len(steps) != 1 or min(steps) <= 0:
        raise ValueError(f"slider values must rise in equal steps; got {list(values)}")
    return values[0], values[-1], steps.pop()


def paradox_controls(policy: dict[str, Any] | None = None, year: int = 10, *,
                     steps: dict[str, Sequence[float]] | None = None) -> dict[str, Any]:
    """The explorer's sliders: the four :data:`LEVERS` (applied on release) and the year.

    ``steps`` gives a lever's values instead of :data:`SLIDER_RANGES` (evenly spaced).

    >>> controls = paradox_controls({"rent_regulation": 0.9})
    >>> len(controls), controls["rent_regulation"].value, controls["year"].value
    (5, 0.9, 10)
    >>> paradox_controls(steps={"new_social_per_year": (0, 20, 40)})["new_social_per_year"].max
    40
    """
    p = {**DEFAULT_POLICY, **(policy or {})}
    ranges = {**SLIDER_RANGES, **{k: _range(v) for k, v in (steps or {}).items()}}
    controls = {
        name: slider(f"paradox.{name}", *ranges[name],
                     value=(p[name] if name in ("protected_share", "rent_regulation")
                            else int(p[name])),
                     **({"readout_format": ".2f"} if name in ("protected_share",
                                                             "rent_regulation") else {}))
        for name in LEVERS
    }
    controls["year"] = slider("paradox.year", 0, YEARS, 1, value=year)
    for name in LEVERS:
        controls[name].continuous_update = False  # a new policy runs the model: on release
    return controls


class ParadoxExplorer(Explorer):
    """Policy sliders and a year slider; trajectories and the zone map update.

    ``last_update_seconds`` is the time from a control change to the new image.

    Parameters
    ----------
    policy
        Starting values of the levers (the others keep :data:`DEFAULT_POLICY`).
    year
        Starting year of the map.
    seed
        Seed of every model run.
    runs
        Where a policy's run comes from: ``runs(policy) -> (history, zone_history)``;
        by default :func:`~wijkwijs.examples.paradox.run_scenario` with ``seed``.
    steps
        The sliders' values per lever (see :func:`paradox_controls`).
    """

    def __init__(self, policy: dict[str, Any] | None = None, year: int = 10, *,
                 seed: int = 0, runs: Runs | None = None,
                 steps: dict[str, Sequence[float]] | None = None) -> None:
        self.seed = int(seed)
        self.runs: Runs = runs or (lambda p: run_scenario(p, seed=self.seed))
        self.panels: ParadoxPanels | None = None
        super().__init__(paradox_controls(policy, year, steps=steps),
                         plot=lambda fig, **_: None,
                         plot_takes="figure", figsize=(11.0, 4.6),
                         title="paradox.explorer_title")

    def update(self) -> None:
        """Run (or fetch the cached run of) the policy and show the selected year."""
        start = time.perf_counter()
        values = self.values()
        if self.panels is None:
            self.panels = ParadoxPanels(self.figure)
        history, zone_history = self.runs({k: values[k] for k in LEVERS})
        self.plot_view.value = self.panels.show(history, zone_history, int(values["year"]))
        self.updates += 1
        self.last_update_seconds = time.perf_counter() - start


def paradox_explorer(policy: dict[str, Any] | None = None, year: int = 10, *,
                     runs: Runs | None = None,
                     steps: dict[str, Sequence[float]] | None = None) -> ParadoxExplorer:
    """Four policy sliders and a year slider; trajectories and the map update.

    A fresh policy setting runs the model for 30 years (a fraction of a second);
    moving only the year slider reuses the cached run and only redraws what changed.

    >>> ex = paradox_explorer({"social_sales_per_year": 0}, year=5)
    >>> ex.controls["social_sales_per_year"].value, ex.controls["year"].value
    (0, 5)
    """
    return ParadoxExplorer(policy, year, runs=runs, steps=steps)
