"""Chapter 3: the segregation paradox — scenario runs, tables, plots and the explorer.

Everything here is a thin layer over :class:`wijkwijs.models.paradox.ParadoxModel`:

* :func:`run_scenario` runs the model for a housing policy (cached, so a repeated
  setting costs nothing) and returns its yearly ``history`` and ``zone_history``;
* :func:`summarise` reduces one run to the numbers the chapter talks about (start,
  low point, end, displacement); :func:`scenario_table` and :func:`lever_table`
  compare policies, averaged over seeds; :func:`strongest_lever` names the lever
  that, moved on its own, improves a measure most;
* :func:`plot_trajectories`, :func:`plot_low_income_shares` and :func:`plot_zone_map`
  draw the figures (the map is a schematic of the model city, not a real place);
* :func:`paradox_explorer` puts four policy sliders and a year slider on top of both.

The policy levers are the model's ``protected_share``, ``rent_regulation``,
``new_social_per_year`` and ``social_sales_per_year`` (see the model's docstring).

Examples
--------
>>> history, zones = run_scenario(DEFAULT_POLICY, seed=0, years=3, scale=0.2)
>>> history.year.tolist()
[0, 1, 2, 3]
>>> sorted(summarise(history))[:3]
['d_city_final', 'd_city_low', 'd_city_start']
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.collections import PolyCollection
from matplotlib.colors import Normalize
from matplotlib.patches import Circle

from wijkwijs import i18n
from wijkwijs.models.paradox import ParadoxModel, make_zones
from wijkwijs.figures import CATEGORICAL, SEQUENTIAL_CMAP, label_axes
from wijkwijs.widgets import Explorer, slider

#: The four housing-policy levers, in the order they are shown.
LEVERS: tuple[str, ...] = ("protected_share", "rent_regulation", "new_social_per_year",
                           "social_sales_per_year")
#: The model's defaults: a third of social rent protected, weak rent regulation,
#: no new social housing, 60 vacant social dwellings sold each year.
DEFAULT_POLICY: dict[str, float] = {"protected_share": 0.3, "rent_regulation": 0.3,
                                    "new_social_per_year": 0, "social_sales_per_year": 60}
#: A protective policy: all social rent protected, strong rent regulation, 60 new
#: social dwellings a year and no sales.
PROTECTIVE_POLICY: dict[str, float] = {"protected_share": 1.0, "rent_regulation": 0.9,
                                       "new_social_per_year": 60, "social_sales_per_year": 0}
#: One "step" per lever for the one-lever-at-a-time comparison: each lever moved
#: halfway from the default towards the protective policy.
LEVER_STEP: dict[str, float] = {"protected_share": 0.65, "rent_regulation": 0.65,
                                "new_social_per_year": 30, "social_sales_per_year": 30}
#: Years the chapter runs: the low point comes early, the rise needs about 30 years.
YEARS = 30
#: Measures of :func:`summarise` for which *lower* is better for the chapter's argument.
LOWER_IS_BETTER = ("d_city_final", "d_metro_final", "rise_after_low", "displaced_to_suburbs")

SCHEMATIC_NOTE_KEY = "paradox.schematic_note"

i18n.register({
    "paradox.protected_share": {"en": "Protected social share",
                                "nl": "Beschermd deel sociale huur"},
    "paradox.rent_regulation": {"en": "Rent regulation", "nl": "Huurregulering"},
    "paradox.new_social_per_year": {"en": "New social homes per year",
                                    "nl": "Nieuwe sociale woningen per jaar"},
    "paradox.social_sales_per_year": {"en": "Social homes sold per year",
                                      "nl": "Verkochte sociale woningen per jaar"},
    "paradox.year": {"en": "Year", "nl": "Jaar"},
    "paradox.explorer_title": {"en": "The segregation paradox: try housing policies",
                               "nl": "De segregatieparadox: probeer woonbeleid uit"},
    "paradox.trajectory_title": {"en": "Segregation of low- vs high-income households",
                                 "nl": "Segregatie van lage- en hoge inkomens"},
    "paradox.years": {"en": "Years after the start", "nl": "Jaren na de start"},
    "paradox.dissimilarity": {"en": "Dissimilarity index D", "nl": "Dissimilariteitsindex D"},
    "paradox.city": {"en": "City (centre, inner, outer rings)",
                     "nl": "Stad (centrum, binnen- en buitenring)"},
    "paradox.metro": {"en": "Metropolitan region (city + suburbs)",
                      "nl": "Stadsregio (stad + randgemeenten)"},
    "paradox.selected_year": {"en": "Year {year}", "nl": "Jaar {year}"},
    "paradox.low_point": {"en": "Lowest city D (year {year})",
                          "nl": "Laagste D stad (jaar {year})"},
    "paradox.shares_title": {"en": "Where low-income households live",
                             "nl": "Waar huishoudens met een laag inkomen wonen"},
    "paradox.low_share": {"en": "Low-income share of households",
                          "nl": "Aandeel huishoudens met laag inkomen"},
    "paradox.high_share": {"en": "High-income share of households",
                           "nl": "Aandeel huishoudens met hoog inkomen"},
    "paradox.social_share": {"en": "Social-rent share of households",
                             "nl": "Aandeel huishoudens in sociale huur"},
    "paradox.low_share_city": {"en": "In the city", "nl": "In de stad"},
    "paradox.low_share_suburbs": {"en": "In the suburbs", "nl": "In de randgemeenten"},
    "paradox.map_title": {"en": "{what} by zone, year {year}",
                          "nl": "{what} per zone, jaar {year}"},
    "paradox.map_title_years": {"en": "{what} by zone", "nl": "{what} per zone"},
    "paradox.map_x": {"en": "West – east (schematic)", "nl": "West – oost (schematisch)"},
    "paradox.map_y": {"en": "South – north (schematic)", "nl": "Zuid – noord (schematisch)"},
    "paradox.city_boundary": {"en": "City boundary", "nl": "Stadsgrens"},
    "paradox.schematic_note": {"en": "model city — schematic, not a real place",
                               "nl": "modelstad — schematisch, geen echte plek"},
    "paradox.scenario": {"en": "Scenario", "nl": "Scenario"},
    "paradox.default": {"en": "Default policy", "nl": "Standaardbeleid"},
    "paradox.protective": {"en": "Protective policy", "nl": "Beschermend beleid"},
    "paradox.only": {"en": "Only: {lever}", "nl": "Alleen: {lever}"},
    "paradox.col.d_city_start": {"en": "D city, year 0", "nl": "D stad, jaar 0"},
    "paradox.col.d_city_low": {"en": "Lowest D city", "nl": "Laagste D stad"},
    "paradox.col.low_year": {"en": "Year of lowest D city", "nl": "Jaar laagste D stad"},
    "paradox.col.d_city_final": {"en": "D city, final year", "nl": "D stad, laatste jaar"},
    "paradox.col.rise_after_low": {"en": "Rise after low point", "nl": "Stijging na dieptepunt"},
    "paradox.col.d_metro_final": {"en": "D region, final year", "nl": "D regio, laatste jaar"},
    "paradox.col.metro_low_year": {"en": "Year of lowest D region",
                                   "nl": "Jaar laagste D regio"},
    "paradox.col.displaced_to_suburbs": {"en": "Displaced to suburbs (total)",
                                         "nl": "Verdreven naar randgemeenten (totaal)"},
    "paradox.col.low_share_city_final": {"en": "Low-income share city, final year",
                                         "nl": "Aandeel lage inkomens stad, laatste jaar"},
    "paradox.col.low_share_suburbs_final": {"en": "Low-income share suburbs, final year",
                                            "nl": "Aandeel lage inkomens randgemeenten, "
                                                  "laatste jaar"},
})


def _policy_tuple(policy: dict[str, float]) -> tuple[float, float, int, int]:
    unknown = set(policy) - set(LEVERS)
    if unknown:
        raise ValueError(f"policy has unknown lever(s) {sorted(unknown)}; "
                         f"the levers are {list(LEVERS)}")
    full = {**DEFAULT_POLICY, **policy}
    return (float(full["protected_share"]), float(full["rent_regulation"]),
            int(full["new_social_per_year"]), int(full["social_sales_per_year"]))


@lru_cache(maxsize=256)
def _cached_run(policy: tuple[float, float, int, int], seed: int, years: int,
                scale: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    protected, regulation, new_social, sales = policy
    model = ParadoxModel(protected_share=protected, rent_regulation=regulation,
                         new_social_per_year=new_social, social_sales_per_year=sales,
                         seed=seed, scale=scale)
    model.run(years)
    return model.history, model.zone_history


def run_scenario(policy: dict[str, float] | None = None, *, seed: int = 0, years: int = YEARS,
                 scale: float = 1.0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Run the paradox model for a housing policy; return ``(history, zone_history)``.

    ``policy`` sets any of the four :data:`LEVERS`; the others keep their
    :data:`DEFAULT_POLICY` values. Runs are cached per (policy, seed, years, scale),
    so asking again is instant; the returned frames are copies, safe to change.

    Examples
    --------
    >>> h, zh = run_scenario({"social_sales_per_year": 0}, seed=1, years=2, scale=0.2)
    >>> len(h), int(zh.year.max())
    (3, 2)
    >>> run_scenario({"rent_control": 1})
    Traceback (most recent call last):
    ...
    ValueError: policy has unknown lever(s) ['rent_control']; the levers are [...]
    """
    if int(years) != years or years < 1:
        raise ValueError(f"years must be a whole number ≥ 1; got {years!r}.")
    history, zone_history = _cached_run(_policy_tuple(policy or {}), int(seed), int(years),
                                        float(scale))
    return history.copy(), zone_history.copy()


def low_point(history: pd.DataFrame, column: str = "dissimilarity_city") -> tuple[int, float]:
    """Return ``(year, value)`` of the lowest value of ``column`` (the first if tied).

    >>> low_point(pd.DataFrame({"year": [0, 1, 2], "dissimilarity_city": [0.4, 0.2, 0.3]}))
    (1, 0.2)
    """
    if column not in history:
        raise ValueError(f"history has no column {column!r}; columns: {list(history.columns)}")
    i = int(np.argmin(history[column].to_numpy()))
    return int(history.year.iloc[i]), float(history[column].iloc[i])


def summarise(history: pd.DataFrame) -> dict[str, float]:
    """The chapter's numbers for one run.

    Keys: ``d_city_start``, ``d_city_low``, ``low_year``, ``d_city_final``,
    ``rise_after_low`` (final minus lowest city D), ``d_metro_final``,
    ``metro_low_year``, ``displaced_to_suburbs`` (summed over all years),
    ``low_share_city_final`` and ``low_share_suburbs_final``.

    >>> h = pd.DataFrame({"year": [0, 1, 2], "dissimilarity_city": [0.4, 0.2, 0.3],
    ...                   "dissimilarity_metro": [0.5, 0.4, 0.3],
    ...                   "displaced_to_suburbs": [0, 5, 7],
    ...                   "low_share_city": [0.4, 0.3, 0.2],
    ...                   "low_share_suburbs": [0.1, 0.2, 0.3]})
    >>> s = summarise(h)
    >>> round(s["rise_after_low"], 3), s["low_year"], s["metro_low_year"], s["displaced_to_suburbs"]
    (0.1, 1, 2, 12)
    """
    year, d_low = low_point(history, "dissimilarity_city")
    metro_year, _ = low_point(history, "dissimilarity_metro")
    last = history.iloc[-1]
    return {
        "d_city_start": float(history.dissimilarity_city.iloc[0]),
        "d_city_low": d_low,
        "low_year": year,
        "d_city_final": float(last.dissimilarity_city),
        "rise_after_low": float(last.dissimilarity_city) - d_low,
        "d_metro_final": float(last.dissimilarity_metro),
        "metro_low_year": metro_year,
        "displaced_to_suburbs": int(history.displaced_to_suburbs.sum()),
        "low_share_city_final": float(last.low_share_city),
        "low_share_suburbs_final": float(last.low_share_suburbs),
    }


def scenario_summary(policy: dict[str, float] | None = None, *, seeds: tuple[int, ...] = (0,),
                     years: int = YEARS, scale: float = 1.0) -> dict[str, float]:
    """:func:`summarise` averaged over ``seeds`` (years of low points included)."""
    if not seeds:
        raise ValueError("seeds must name at least one seed, e.g. (0, 1, 2).")
    rows = [summarise(run_scenario(policy, seed=s, years=years, scale=scale)[0]) for s in seeds]
    return {key: float(np.mean([r[key] for r in rows])) for key in rows[0]}


def _table(named: dict[str, dict[str, float]], seeds: tuple[int, ...], years: int,
           scale: float) -> pd.DataFrame:
    rows = []
    for name, policy in named.items():
        summary = scenario_summary(policy, seeds=seeds, years=years, scale=scale)
        rows.append({i18n.t("paradox.scenario"): name,
                     **{i18n.t(f"paradox.col.{k}"): v for k, v in summary.items()}})
    return pd.DataFrame(rows)


def scenario_table(scenarios: dict[str, dict[str, float]] | None = None, *,
                   seeds: tuple[int, ...] = (0,), years: int = YEARS,
                   scale: float = 1.0) -> pd.DataFrame:
    """Compare named policies: one row each, the columns of :func:`summarise`.

    By default compares :data:`DEFAULT_POLICY` with :data:`PROTECTIVE_POLICY`.
    Values are means over ``seeds``; column names follow the current language.

    >>> t = scenario_table(seeds=(0,), years=2, scale=0.2)
    >>> t.iloc[:, 0].tolist()
    ['Default policy', 'Protective policy']
    """
    if scenarios is None:
        scenarios = {i18n.t("paradox.default"): DEFAULT_POLICY,
                     i18n.t("paradox.protective"): PROTECTIVE_POLICY}
    return _table(scenarios, seeds, years, scale)


def one_lever_policies(step: dict[str, float] | None = None) -> dict[str, dict[str, float]]:
    """The default policy and, for each lever, the default with only that lever moved.

    >>> p = one_lever_policies()
    >>> p["rent_regulation"]["rent_regulation"], p["rent_regulation"]["protected_share"]
    (0.65, 0.3)
    """
    step = LEVER_STEP if step is None else step
    policies = {"default": dict(DEFAULT_POLICY)}
    for lever in LEVERS:
        policies[lever] = {**DEFAULT_POLICY, lever: step[lever]}
    return policies


def lever_table(step: dict[str, float] | None = None, *, seeds: tuple[int, ...] = (0,),
                years: int = YEARS, scale: float = 1.0) -> pd.DataFrame:
    """The default and each lever moved on its own (by ``step``, default :data:`LEVER_STEP`).

    >>> t = lever_table(seeds=(0,), years=2, scale=0.2)
    >>> len(t)
    5
    """
    named = {}
    for name, policy in one_lever_policies(step).items():
        label = (i18n.t("paradox.default") if name == "default"
                 else i18n.t("paradox.only", lever=i18n.t(f"paradox.{name}")))
        named[label] = policy
    return _table(named, seeds, years, scale)


def lever_label(lever: str) -> str:
    """The lever's name for learners, in the current language.

    >>> lever_label("social_sales_per_year")
    'Social homes sold per year'
    """
    if lever not in LEVERS:
        raise ValueError(f"unknown lever {lever!r}; the levers are {list(LEVERS)}")
    return i18n.t(f"paradox.{lever}")


def strongest_lever(measure: str = "d_city_final", step: dict[str, float] | None = None, *,
                    seeds: tuple[int, ...] = (0,), years: int = YEARS,
                    scale: float = 1.0) -> str:
    """The lever that, moved on its own by ``step``, improves ``measure`` the most.

    For the measures in :data:`LOWER_IS_BETTER` the lowest value wins; for the
    others (such as ``low_share_city_final``) the highest.

    >>> strongest_lever("displaced_to_suburbs", years=2, scale=0.2) in LEVERS
    True
    """
    policies = one_lever_policies(step)
    values = {lever: scenario_summary(policies[lever], seeds=seeds, years=years,
                                      scale=scale)[measure] for lever in LEVERS}
    pick = min if measure in LOWER_IS_BETTER else max
    return pick(values, key=values.get)


def corporation_housing() -> pd.DataFrame:
    """Published shares of dwellings owned by housing corporations, with their source.

    A thin view of the published table ``corporation_housing`` (CBS; see
    ``datasets/published/README.md``): region, year, share in per cent, source.

    >>> t = corporation_housing()
    >>> list(t.columns)
    ['region', 'year', 'corporation_share_pct', 'source']
    """
    from wijkwijs.published import published

    table = published("corporation_housing")
    table["corporation_share_pct"] = table["corporation_share_pct"].round(1)
    return table[["region", "year", "corporation_share_pct", "source"]]


# -- plots ----------------------------------------------------------------------
def plot_trajectories(ax, history: pd.DataFrame, year: int | None = None, *,
                      title: str | None = None) -> None:
    """City and regional dissimilarity over the years, the city's low point and ``year``.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> h, _ = run_scenario(seed=0, years=3, scale=0.2)
    >>> plot_trajectories(ax, h, year=2)
    >>> ax.get_xlabel()
    'Years after the start'
    >>> plt.close(fig)
    """
    years = history.year.to_numpy()
    ax.plot(years, history.dissimilarity_city, color=CATEGORICAL[0], lw=2,
            label=i18n.t("paradox.city"))
    ax.plot(years, history.dissimilarity_metro, color=CATEGORICAL[1], lw=2, ls="--",
            label=i18n.t("paradox.metro"))
    low_year, low_value = low_point(history)
    ax.plot([low_year], [low_value], "o", color=CATEGORICAL[0], ms=8, mfc="white",
            label=i18n.t("paradox.low_point", year=low_year))
    if year is not None:
        ax.axvline(year, color=CATEGORICAL[6], lw=1, ls=":",
                   label=i18n.t("paradox.selected_year", year=year))
        row = history.loc[history.year == year]
        if len(row):
            ax.plot([year, year], [row.dissimilarity_city.item(), row.dissimilarity_metro.item()],
                    "o", color=CATEGORICAL[6], ms=5)
    ax.set_ylim(0, 0.7)
    ax.set_xlim(years.min(), years.max())
    ax.legend(loc="upper right", fontsize="small")
    ax.grid(alpha=0.3)
    label_axes(ax, title or i18n.t("paradox.trajectory_title"), i18n.t("paradox.years"),
               i18n.t("paradox.dissimilarity"))


def plot_low_income_shares(ax, history: pd.DataFrame) -> None:
    """Low-income share of the households in the city and in the suburbs, per year."""
    ax.plot(history.year, history.low_share_city, color=CATEGORICAL[0], lw=2,
            label=i18n.t("paradox.low_share_city"))
    ax.plot(history.year, history.low_share_suburbs, color=CATEGORICAL[2], lw=2, ls="--",
            label=i18n.t("paradox.low_share_suburbs"))
    ax.set_ylim(0, 0.5)
    ax.legend(loc="upper right")
    ax.grid(alpha=0.3)
    label_axes(ax, i18n.t("paradox.shares_title"), i18n.t("paradox.years"),
               i18n.t("paradox.low_share"))


_ZONES = make_zones()


def plot_zone_map(ax, zone_history: pd.DataFrame, year: int, column: str = "low_share", *,
                  colorbar: bool = True, vmax: float = 0.7) -> PolyCollection:
    """The schematic model city in ``year``, each zone coloured by ``column``.

    Zones are the model's annular sectors (centre, inner ring, outer ring inside the
    dashed city boundary; suburbs outside), coloured with ``cividis`` on a fixed
    0–``vmax`` scale so that years can be compared.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _, zh = run_scenario(seed=0, years=2, scale=0.2)
    >>> coll = plot_zone_map(ax, zh, 2)
    >>> len(coll.get_paths()), ax.get_title()
    (20, 'Low-income share of households by zone, year 2')
    >>> plt.close(fig)
    """
    if column not in ("low_share", "high_share", "social_share"):
        raise ValueError(f"column must be 'low_share', 'high_share' or 'social_share'; "
                         f"got {column!r}.")
    rows = zone_history.loc[zone_history.year == year].sort_values("zone")
    if rows.empty:
        raise ValueError(f"zone_history has no year {year}; years run "
                         f"{zone_history.year.min()}–{zone_history.year.max()}.")
    coll = PolyCollection([np.asarray(p) for p in _ZONES.polygon], cmap=SEQUENTIAL_CMAP,
                          norm=Normalize(0, vmax), edgecolors="white", linewidths=0.8)
    coll.set_array(rows[column].to_numpy())
    ax.add_collection(coll)
    ax.add_patch(Circle((0, 0), 3.0, fill=False, ls="--", lw=1.2, color="black",
                        label=i18n.t("paradox.city_boundary")))
    ax.set_xlim(-4.6, 4.6)
    ax.set_ylim(-4.6, 4.6)
    ax.set_aspect("equal")
    ax.set_xticks([])  # positions on a schematic map have no unit
    ax.set_yticks([])
    ax.legend(loc="upper left", fontsize="x-small", framealpha=0.9, borderpad=0.3,
              handlelength=1.5)
    ax.text(0.99, 0.01, i18n.t(SCHEMATIC_NOTE_KEY), transform=ax.transAxes, ha="right",
            va="bottom", fontsize="x-small", style="italic")
    what = i18n.t(f"paradox.{column}")
    label_axes(ax, i18n.t("paradox.map_title", what=what, year=year), i18n.t("paradox.map_x"),
               i18n.t("paradox.map_y"))
    if colorbar:
        ax.figure.colorbar(coll, ax=ax, label=what, shrink=0.85)
    return coll


def plot_maps_by_year(fig, zone_history: pd.DataFrame, years: tuple[int, ...],
                      column: str = "low_share") -> None:
    """Side-by-side schematic maps for several years, sharing one colour bar."""
    axes = fig.subplots(1, len(years))
    coll = None
    for ax, year in zip(np.atleast_1d(axes), years, strict=True):
        coll = plot_zone_map(ax, zone_history, year, column, colorbar=False)
        ax.set_title(i18n.t("paradox.selected_year", year=year))
    fig.suptitle(i18n.t("paradox.map_title_years", what=i18n.t(f"paradox.{column}")))
    fig.colorbar(coll, ax=list(np.atleast_1d(axes)), label=i18n.t(f"paradox.{column}"),
                 shrink=0.8)


# -- explorer ---------------------------------------------------------------------
def draw_explorer(fig, *, protected_share: float, rent_regulation: float,
                  new_social_per_year: int, social_sales_per_year: int, year: int,
                  seed: int = 0) -> None:
    """Draw the explorer's two panels for one policy setting and year."""
    history, zone_history = run_scenario(
        {"protected_share": protected_share, "rent_regulation": rent_regulation,
         "new_social_per_year": new_social_per_year,
         "social_sales_per_year": social_sales_per_year}, seed=seed)
    # Fixed axes positions (the Explorer's figure has no layout engine: faster redraws).
    left = fig.add_axes((0.065, 0.12, 0.45, 0.78))
    right = fig.add_axes((0.575, 0.12, 0.34, 0.78))
    cax = fig.add_axes((0.925, 0.17, 0.015, 0.68))
    plot_trajectories(left, history, year)
    coll = plot_zone_map(right, zone_history, year, colorbar=False)
    fig.colorbar(coll, cax=cax, label=i18n.t("paradox.low_share"))


def paradox_explorer(policy: dict[str, Any] | None = None, year: int = 10) -> Explorer:
    """Four policy sliders and a year slider; trajectories and the map update.

    A fresh policy setting runs the model for 30 years (a fraction of a second);
    moving only the year slider reuses the cached run and only redraws.

    >>> ex = paradox_explorer()
    >>> ex.set(year=20)
    >>> ex.updates
    2
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
    for name in ("protected_share", "rent_regulation", "new_social_per_year",
                 "social_sales_per_year"):
        controls[name].continuous_update = False  # a new policy runs the model: on release
    return Explorer(controls, plot=draw_explorer, plot_takes="figure", figsize=(11.0, 4.6),
                    title="paradox.explorer_title")
