"""The explorer of chapter 3: try housing policies against the segregation paradox.

Four policy sliders and a year slider over :func:`wijkwijs.examples.paradox.run_scenario`
and the figure :class:`wijkwijs.figures.paradox.ParadoxPanels`. A new policy runs the
model for 30 years (runs are cached); moving only the year slider moves the year marker
and recolours the map, and redraws nothing else.

>>> ex = paradox_explorer()
>>> ex.set(year=20)
>>> ex.updates
2
"""

from __future__ import annotations

import time
from typing import Any

from wijkwijs import i18n
from wijkwijs.examples.paradox import DEFAULT_POLICY, LEVERS, YEARS, run_scenario
from wijkwijs.figures.paradox import ParadoxPanels
from wijkwijs.widgets import Explorer, slider

__all__ = ["ParadoxExplorer", "paradox_controls", "paradox_explorer"]

i18n.register({
    "paradox.year": {"en": "Year", "nl": "Jaar"},
    "paradox.explorer_title": {"en": "The segregation paradox: try housing policies",
                               "nl": "De segregatieparadox: probeer woonbeleid uit"},
})


def paradox_controls(policy: dict[str, Any] | None = None,
                     year: int = 10) -> dict[str, Any]:
    """The explorer's sliders: the four :data:`LEVERS` (applied on release) and the year.

    >>> controls = paradox_controls({"rent_regulation": 0.9})
    >>> len(controls), controls["rent_regulation"].value, controls["year"].value
    (5, 0.9, 10)
    """
    p = {**DEFAULT_POLICY, **(policy or {})}
    controls = {
        "protected_share": slider("paradox.protected_share", 0, 1, 0.05,
                                  value=p["protected_share"], readout_format=".2f"),
        "rent_regulation": slider("paradox.rent_regulation", 0, 1, 0.05,
                                  value=p["rent_regulation"], readout_format=".2f"),
        "new_social_per_year": slider("paradox.new_social_per_year", 0, 120, 10,
                                      value=int(p["new_social_per_year"])),
        "social_sales_per_year": slider("paradox.social_sales_per_year", 0, 120, 10,
                                        value=int(p["social_sales_per_year"])),
        "year": slider("paradox.year", 0, YEARS, 1, value=year),
    }
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
    """

    def __init__(self, policy: dict[str, Any] | None = None, year: int = 10, *,
                 seed: int = 0) -> None:
        self.seed = int(seed)
        self.panels: ParadoxPanels | None = None
        super().__init__(paradox_controls(policy, year), plot=lambda fig, **_: None,
                         plot_takes="figure", figsize=(11.0, 4.6),
                         title="paradox.explorer_title")

    def update(self) -> None:
        """Run (or fetch the cached run of) the policy and show the selected year."""
        start = time.perf_counter()
        values = self.values()
        if self.panels is None:
            self.panels = ParadoxPanels(self.figure)
        history, zone_history = run_scenario({k: values[k] for k in LEVERS}, seed=self.seed)
        self.plot_view.value = self.panels.show(history, zone_history, int(values["year"]))
        self.updates += 1
        self.last_update_seconds = time.perf_counter() - start


def paradox_explorer(policy: dict[str, Any] | None = None, year: int = 10) -> ParadoxExplorer:
    """Four policy sliders and a year slider; trajectories and the map update.

    A fresh policy setting runs the model for 30 years (a fraction of a second);
    moving only the year slider reuses the cached run and only redraws what changed.

    >>> ex = paradox_explorer({"social_sales_per_year": 0}, year=5)
    >>> ex.controls["social_sales_per_year"].value, ex.controls["year"].value
    (0, 5)
    """
    return ParadoxExplorer(policy, year)
