"""Chapter 3, the segregation paradox: housing policies, model runs and the chapter's numbers.

Everything here is a thin layer over :class:`wijkwijs.models.paradox.ParadoxModel`:

* :data:`DEFAULT_POLICY`, :data:`PROTECTIVE_POLICY` and :data:`LEVER_STEP` set the four
  policy :data:`LEVERS` (the model's ``protected_share``, ``rent_regulation``,
  ``new_social_per_year`` and ``social_sales_per_year``; see the model's docstring);
* :func:`run_scenario` runs the model for a policy (cached, so a repeated setting costs
  nothing) and returns its yearly ``history`` and ``zone_history``;
* :func:`summarise` reduces one run to the numbers the chapter talks about (start, low
  point, end, displacement); :func:`scenario_table` and :func:`lever_table` compare
  policies, averaged over seeds; :func:`strongest_lever` names the lever that, moved on
  its own, improves a measure most;
* :func:`paradox_timing` says, for several seeds, when the city's index is lowest and
  when it is back at its starting level;
* :func:`displacement_by_origin` splits the displaced households of a run by where they
  were displaced *from* (a city zone or a suburb), and :func:`displacement_table`
  compares policies on it;
* :func:`corporation_housing` is the published share of housing-corporation dwellings.

The figures are in :mod:`wijkwijs.figures.paradox`, the explorer in
:mod:`wijkwijs.explorers.paradox`.

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

import numpy as np
import pandas as pd

from wijkwijs import i18n
from wijkwijs.models.paradox import ParadoxModel
from wijkwijs.published import published

__all__ = ["DEFAULT_POLICY", "LEVERS", "LEVER_STEP", "LOWER_IS_BETTER", "PROTECTIVE_POLICY",
           "YEARS", "corporation_housing", "displacement_by_origin", "displacement_summary",
           "displacement_table", "full_policy", "lever_label", "lever_table", "low_point",
           "one_lever_policies", "paradox_timing", "run_scenario", "scenario_summary",
           "scenario_table", "strongest_lever", "summarise"]

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

i18n.register({
    "paradox.protected_share": {"en": "Protected social share",
                                "nl": "Beschermd deel sociale huur"},
    "paradox.rent_regulation": {"en": "Rent regulation", "nl": "Huurregulering"},
    "paradox.new_social_per_year": {"en": "New social homes per year",
                                    "nl": "Nieuwe sociale woningen per jaar"},
    "paradox.social_sales_per_year": {"en": "Social homes sold per year",
                                      "nl": "Verkochte sociale woningen per jaar"},
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
    "paradox.col.displaced": {"en": "Displaced (all)", "nl": "Verdreven (alle)"},
    "paradox.col.from_city": {"en": "Displaced from a city home",
                              "nl": "Verdreven uit een woning in de stad"},
    "paradox.col.from_city_to_suburbs": {"en": "… of whom to the suburbs",
                                         "nl": "… van wie naar de randgemeenten"},
    "paradox.col.from_suburbs": {"en": "Displaced from a suburban home",
                                 "nl": "Verdreven uit een woning in een randgemeente"},
    "paradox.col.unaffordable": {"en": "Found nothing affordable",
                                 "nl": "Vonden niets betaalbaars"},
})


def full_policy(policy: dict[str, float] | None = None) -> dict[str, float]:
    """``policy`` with every lever it does not set at :data:`DEFAULT_POLICY`.

    >>> full_policy({"rent_regulation": 0.9})["rent_regulation"], len(full_policy())
    (0.9, 4)
    >>> full_policy({"rent_control": 1})
    Traceback (most recent call last):
    ...
    ValueError: policy has unknown lever(s) ['rent_control']; the levers are [...]
    """
    policy = dict(policy or {})
    unknown = set(policy) - set(LEVERS)
    if unknown:
        raise ValueError(f"policy has unknown lever(s) {sorted(unknown)}; "
                         f"the levers are {list(LEVERS)}")
    return {**DEFAULT_POLICY, **policy}


def _policy_tuple(policy: dict[str, float]) -> tuple[float, float, int, int]:
    full = full_policy(policy)
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
    """:func:`summarise` averaged over ``seeds`` (years of low points included).

    >>> s = scenario_summary(seeds=(0, 1), years=2, scale=0.2)
    >>> 0 <= s["low_year"] <= 2
    True
    """
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
                 else i18n.t("paradox.only", lever=lever_label(name)))
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


def paradox_timing(seeds: tuple[int, ...] = (0, 1, 2, 3, 4), policy: dict[str, float] | None = None,
                   *, years: int = YEARS, scale: float = 1.0) -> pd.DataFrame:
    """When is the city's index lowest, and when is it back at its starting level?

    One row per seed: ``low_year`` (the year of the lowest city D) and ``back_year``
    (the first year after the low point in which the city D is at least its year-0
    value; ``-1`` when that does not happen within ``years``).

    >>> t = paradox_timing(seeds=(0, 1), years=3, scale=0.2)
    >>> list(t.columns), len(t)
    (['seed', 'low_year', 'back_year'], 2)
    """
    if not seeds:
        raise ValueError("seeds must name at least one seed, e.g. (0, 1, 2).")
    rows = []
    for seed in seeds:
        history = run_scenario(policy, seed=seed, years=years, scale=scale)[0]
        low_year, _ = low_point(history)
        d = history.dissimilarity_city.to_numpy()
        back = [int(y) for y, v in zip(history.year, d, strict=True)
                if y > low_year and v >= d[0]]
        rows.append({"seed": int(seed), "low_year": low_year,
                     "back_year": back[0] if back else -1})
    return pd.DataFrame(rows)


@lru_cache(maxsize=64)
def _origins(policy: tuple[float, float, int, int], seed: int, years: int,
             scale: float) -> pd.DataFrame:
    protected, regulation, new_social, sales = policy
    model = ParadoxModel(protected_share=protected, rent_regulation=regulation,
                         new_social_per_year=new_social, social_sales_per_year=sales,
                         seed=seed, scale=scale)
    rows = []
    for _ in range(int(years)):
        # Private tenants of the city before the year. Incomes are continuous draws, so a
        # household's income identifies it; nobody moves except the displaced, and a
        # displaced household cannot afford its old zone's market rent again.
        tenants = (model.tenure == 1) & model.in_city[model.zone]
        income, zone = model.income[tenants], model.zone[tenants]
        model.step()
        after = pd.DataFrame({"zone": model.zone, "tenure": model.tenure},
                             index=model.income)
        stayed = after.reindex(income)  # NaN: left the region (turnover)
        present = stayed.zone.notna().to_numpy()
        moved = present & ((stayed.zone.to_numpy() != zone) | (stayed.tenure.to_numpy() != 1))
        new_zone = stayed.zone.to_numpy()[moved].astype(int)
        last = model.history.iloc[-1]
        from_city = int(moved.sum())
        rows.append({"year": int(last.year), "displaced": int(last.displaced),
                     "from_city": from_city,
                     "from_city_to_suburbs": int((~model.in_city[new_zone]).sum()),
                     "from_suburbs": int(last.displaced) - from_city,
                     "unaffordable": int(last.unaffordable_to_suburbs)})
    return pd.DataFrame(rows)


def displacement_by_origin(policy: dict[str, float] | None = None, *, seed: int = 0,
                           years: int = YEARS, scale: float = 1.0) -> pd.DataFrame:
    """The displaced households of each year, split by where they were displaced from.

    The model counts as *displaced* every private tenant whose rent has risen above 40 %
    of their income. This splits that count: ``from_city`` (tenants of a city zone) and,
    of them, ``from_city_to_suburbs``; ``from_suburbs`` (tenants of a suburb — mostly
    households who found nothing affordable, ended in the cheapest suburb paying more
    than they can, and are displaced again the next year). ``unaffordable`` counts the
    movers of the year who found nothing affordable. Rows are years 1 to ``years``; the
    run is the same as :func:`run_scenario`'s for the same policy and seed.

    >>> t = displacement_by_origin(seed=0, years=3, scale=0.2)
    >>> list(t.columns)
    ['year', 'displaced', 'from_city', 'from_city_to_suburbs', 'from_suburbs', 'unaffordable']
    >>> bool((t.from_city + t.from_suburbs == t.displaced).all())
    True
    """
    if int(years) != years or years < 1:
        raise ValueError(f"years must be a whole number ≥ 1; got {years!r}.")
    return _origins(_policy_tuple(policy or {}), int(seed), int(years), float(scale)).copy()


def displacement_summary(policy: dict[str, float] | None = None, *,
                         seeds: tuple[int, ...] = (0,), years: int = YEARS,
                         scale: float = 1.0) -> dict[str, float]:
    """Totals of :func:`displacement_by_origin` over the years, averaged over ``seeds``.

    >>> s = displacement_summary(seeds=(0,), years=2, scale=0.2)
    >>> s["from_city"] + s["from_suburbs"] == s["displaced"]
    True
    """
    if not seeds:
        raise ValueError("seeds must name at least one seed, e.g. (0, 1, 2).")
    totals = [displacement_by_origin(policy, seed=s, years=years, scale=scale).sum()
              for s in seeds]
    keys = ("displaced", "from_city", "from_city_to_suburbs", "from_suburbs", "unaffordable")
    return {k: float(np.mean([t[k] for t in totals])) for k in keys}


def displacement_table(policies: dict[str, dict[str, float]] | None = None, *,
                       seeds: tuple[int, ...] = (0,), years: int = YEARS,
                       scale: float = 1.0) -> pd.DataFrame:
    """Compare policies on where their displaced households come from (totals, means).

    By default: the default policy and the default with only rent regulation moved by
    :data:`LEVER_STEP`. One row per policy; the columns of :func:`displacement_summary`
    after the city's D in the final year, in the current language.

    >>> t = displacement_table(seeds=(0,), years=2, scale=0.2)
    >>> t.iloc[:, 0].tolist()
    ['Default policy', 'Only: Rent regulation']
    """
    if policies is None:
        policies = {i18n.t("paradox.default"): DEFAULT_POLICY,
                    i18n.t("paradox.only", lever=lever_label("rent_regulation")):
                        {**DEFAULT_POLICY, "rent_regulation": LEVER_STEP["rent_regulation"]}}
    rows = []
    for name, policy in policies.items():
        d_final = scenario_summary(policy, seeds=seeds, years=years, scale=scale)["d_city_final"]
        rows.append({i18n.t("paradox.scenario"): name,
                     i18n.t("paradox.col.d_city_final"): d_final,
                     **{i18n.t(f"paradox.col.{k}"): v for k, v in
                        displacement_summary(policy, seeds=seeds, years=years,
                                             scale=scale).items()}})
    return pd.DataFrame(rows)


def corporation_housing() -> pd.DataFrame:
    """Published shares of dwellings owned by housing corporations, with their source.

    A thin view of the published table ``corporation_housing`` (CBS; see
    ``datasets/published/README.md``): region, year, share in per cent, source.

    >>> t = corporation_housing()
    >>> list(t.columns)
    ['region', 'year', 'corporation_share_pct', 'source']
    """
    table = published("corporation_housing")
    table["corporation_share_pct"] = table["corporation_share_pct"].round(1)
    return table[["region", "year", "corporation_share_pct", "source"]]
