"""The segregation explorer of chapter 2: a group, a year, a scale and an area.

A builder only: the numbers come from :mod:`wijkwijs.havenstad.views` (the index
table and the shares), the map and the trend from :mod:`wijkwijs.figures.segregation`.
Havenstad is a synthetic city.

>>> ex = segregation_explorer()
>>> ex.set(group="top_1", year=2022, scale="wijk")
>>> from wijkwijs.havenstad import views as hv
>>> from wijkwijs import segregation as seg
>>> wijken = hv.group_counts(2022, scale="wijk")
>>> d = seg.dissimilarity(wijken, group="top_1", total="households")
>>> f"<td>{d:.3f}</td>" in ex.table_view.value  # the table shows D of the top 1 %
True
"""

from __future__ import annotations

from typing import Any

from wijkwijs import i18n
from wijkwijs._validate import check_choice, check_year
from wijkwijs.figures import segregation as segfig
from wijkwijs.havenstad import views as hv
from wijkwijs.havenstad.constants import GROUPS, YEARS
from wijkwijs.havenstad.places import check_units
from wijkwijs.widgets import Explorer, dropdown, slider

#: The scales the explorer offers (a map of the city as one gemeente has nothing to compare).
EXPLORER_SCALES = ("buurt", "wijk")

i18n.register({
    "seg2.explorer.title": {"en": "Segregation in Havenstad (synthetic city)",
                            "nl": "Segregatie in Havenstad (synthetische stad)"},
    "seg2.explorer.group": {"en": "Income group", "nl": "Inkomensgroep"},
    "seg2.explorer.year": {"en": "Year", "nl": "Jaar"},
    "seg2.explorer.scale": {"en": "Scale", "nl": "Schaal"},
    "seg2.explorer.area": {"en": "Area", "nl": "Gebied"},
})


def _draw(fig, group: str, year: int, scale: str, area: str) -> None:
    map_ax, trend_ax = fig.subplots(1, 2, width_ratios=[1.1, 1.0])
    segfig.plot_group_map(group, year, scale=scale, area=area, colorbar="vertical", ax=map_ax)
    segfig.plot_index_trend(group, year, scale=scale, area=area, ax=trend_ax)


def segregation_explorer(*, group: str = "bottom_10", year: int = 2022, scale: str = "buurt",
                         area: str = "city") -> Explorer:
    """Choose an income group, a year, a scale and an area: map, indices and trend update.

    The counts and every index for all groups, years, scales and areas are computed
    once (and cached by the views), so an update only draws the map and the trend line.
    The table is :func:`wijkwijs.havenstad.views.index_table`. The explorer offers the
    scales :data:`EXPLORER_SCALES` in both areas.
    """
    check_choice(group, GROUPS, "group")
    check_year(year, YEARS, allow_none=False)
    check_units(scale, area)
    check_choice(scale, EXPLORER_SCALES, "scale")
    for s in EXPLORER_SCALES:  # precompute, so the first change is as fast as the rest
        for a in hv.AREAS:
            hv.index_summary(scale=s, area=a)
            hv.group_shares(scale=s, area=a)
            segfig.map_geometry(scale=s, area=a)
    controls: dict[str, Any] = {
        "group": dropdown("seg2.explorer.group", {f"seg2.group.{g}": g for g in GROUPS},
                          value=group),
        "year": slider("seg2.explorer.year", YEARS[0], YEARS[-1], 1, value=year),
        "scale": dropdown("seg2.explorer.scale", {f"seg2.unit.{s}": s for s in EXPLORER_SCALES},
                          value=scale),
        "area": dropdown("seg2.explorer.area", {f"seg2.area.{a}": a for a in hv.AREAS},
                         value=area),
    }
    return Explorer(controls, plot=_draw, plot_takes="figure", table=hv.index_table,
                    title="seg2.explorer.title", figsize=(9.5, 4.0))
