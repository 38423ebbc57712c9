r"""Continuity of people: trust, referrals and residents' initiatives under two funding regimes.

*Illustrative model*, not calibrated to any data. Custers writes: "Veel organisaties
hebben nog steeds te maken met incidentele en precaire financiering. Dit zorgt voor
personeelsverloop of het sluiten van locaties. Sociale relaties hebben daarentegen
juist tijd en zekerheid nodig om te ontwikkelen. Bewoners die een eigen initiatief
starten, hebben behoefte aan een vast aanspreekpunt bij de overheid of relevante
organisaties. De continuïteit van mensen is dus belangrijk, zodat bewoners
bijvoorbeeld niet steeds met een andere welzijnswerker te maken hebben." (Many
organisations still depend on incidental and precarious funding. This brings staff
turnover or the closure of locations. Social relations, by contrast, need time and
security to develop. Residents who start an initiative of their own need a fixed
contact person at the municipality or the relevant organisations. Continuity of people
therefore matters, so that residents do not, for example, keep having to deal with a
different welfare worker.) This model makes that mechanism explicit.

The model in plain language
---------------------------
One welfare or community worker (*welzijnswerker*) serves ``residents`` residents,
year by year (years :math:`1, \dots, T`).

* **Funding cycles** — the post is funded for ``cycle_years`` at a time. At the start
  of each new cycle the funding is renewed with probability ``renewal_probability``;
  if it is not, the post and its location close for good (nothing is rebuilt in the
  model's horizon). If it is renewed, the worker is replaced by a new one with
  probability ``turnover_per_cycle`` (a project contract that ends, a worker who
  leaves for a permanent job).
* **Trust** — each year a resident meets the worker with probability ``contact_rate``;
  a meeting raises the resident's trust :math:`\tau_i \in [0, 1]` by a share
  ``trust_growth`` :math:`g` of what is left: :math:`\tau_i \leftarrow \tau_i +
  g(1-\tau_i)`. Trust grows with tenure and saturates. A new worker inherits only part
  of it: :math:`\tau_i \leftarrow (1-r)\,\tau_i`, :math:`r` being ``trust_reset``
  (1: a full reset, the new face is a stranger). A closure sets trust to 0.
* **Residents reached and referrals** — the residents met in a year are *reached*. Each
  reached resident has a problem with probability ``need_rate`` and confides it (and is
  referred to help) with probability equal to their trust :math:`\tau_i`.
* **Residents' initiatives** — a Poisson number (mean ``initiatives_per_year``) of
  initiatives start each year; the worker in post is their contact person. Each year
  an initiative survives with probability ``initiative_survival_with_contact`` while
  that same worker is still in post, and ``initiative_survival_without_contact`` once
  its contact has gone (a new worker, a closure) or when it started without one.

Defaults (by ``funding``): ``"structural"`` — a standing subsidy, reviewed yearly
(``cycle_years=1``), always renewed, 10 % of workers leaving a year (the mean staff
turnover of structurally funded organisations in synthetic Havenstad);
``"project"`` — incidental money in two-year cycles, renewed with probability 0.85,
the worker replaced at 55 % of renewals (about 0.34 a year, like Havenstad's
incidentally funded organisations). Every one of these can be overridden.

Assumptions (and what they leave out): one worker, no team and no hand-over notes; a
resident's trust is in the person, not the organisation (``trust_reset < 1`` lets some
carry over); meetings are independent of trust; a closed post does not reopen; the
residents stay the same people; initiatives do not depend on each other. The numbers
are illustrative choices.

Randomness: every random number is drawn up front in the same amounts whatever the
parameters (common random numbers): two runs with the same ``seed`` that differ in
``turnover_per_cycle`` see the same meetings, needs, renewals and initiatives, and a
higher turnover replaces the worker in a superset of the cycles. Because the trust
updates are monotone, more turnover then gives lower or equal trust for *every*
resident in *every* year, run by run (and so fewer or equal referrals).

Sources: Custers, G. *Een betere wijk begint ín de wijk.* Dossier *Lokaal ideaal XL*.
Klinenberg, E. (2018). *Palaces for the People.* Crown. Putnam, R. D. (2000).
*Bowling Alone*, ch. 22 (trust takes repeated interaction). Granovetter, M. (1973).
The strength of weak ties. *American Journal of Sociology* 78(6), 1360–1380.

Examples
--------
>>> run = simulate_continuity("project", seed=3)
>>> run.columns.tolist()[:6]
['year', 'open', 'worker', 'worker_changes', 'worker_tenure', 'trust']
>>> calm = simulate_continuity("structural", seed=3, turnover_per_cycle=0.0)
>>> bool(calm["trust"].is_monotonic_increasing)  # no turnover: trust never falls
True
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from wijkwijs._validate import check_choice, check_fraction

__all__ = ["FUNDING_DEFAULTS", "FUNDING_REGIMES", "REGIME_PARAMETERS", "RUN_MEASURES",
           "checked_parameters", "compare_funding", "compare_funding_runs", "scenario_totals",
           "simulate_continuity"]

#: The two funding regimes of the model.
FUNDING_REGIMES: tuple[str, ...] = ("structural", "project")

#: The defaults that differ by funding regime.
FUNDING_DEFAULTS: dict[str, dict[str, float]] = {
    "structural": {"cycle_years": 1, "renewal_probability": 1.0, "turnover_per_cycle": 0.10},
    "project": {"cycle_years": 2, "renewal_probability": 0.85, "turnover_per_cycle": 0.55},
}

#: Cap on the initiatives drawn per year (Poisson draws beyond it are cut; with the
#: defaults the chance of reaching it is negligible).
MAX_INITIATIVES_PER_YEAR = 50


def check_whole(value: int, name: str, low: int) -> int:
    """A whole number (not a bool) of at least ``low``.

    >>> check_whole(3, "years", 1)
    3
    >>> check_whole(0, "years", 1)
    Traceback (most recent call last):
    ...
    ValueError: years must be a whole number >= 1; got 0.
    """
    ok = isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))
    if not ok or value < low:
        raise ValueError(f"{name} must be a whole number >= {low}; got {value!r}.")
    return int(value)


def checked_parameters(funding: str = "structural", years: int = 10, *,
                       cycle_years: int | None = None,
                       renewal_probability: float | None = None,
                       turnover_per_cycle: float | None = None,
                       trust_growth: float = 0.35, trust_reset: float = 0.8,
                       contact_rate: float = 0.3, need_rate: float = 0.15,
                       initiatives_per_year: float = 3.0,
                       initiative_survival_with_contact: float = 0.9,
                       initiative_survival_without_contact: float = 0.6,
                       residents: int = 200) -> dict[str, Any]:
    """Every parameter of :func:`simulate_continuity`, checked, with the regime's defaults.

    >>> checked_parameters("project")["cycle_years"]
    2
    >>> checked_parameters("project", contact_rate=2)
    Traceback (most recent call last):
    ...
    ValueError: contact_rate must lie in [0, 1]; got 2.
    """
    funding = check_choice(funding, FUNDING_REGIMES, "funding")
    years = check_whole(years, "years", 1)
    residents = check_whole(residents, "residents", 1)
    defaults = FUNDING_DEFAULTS[funding]
    cycle = check_whole(defaults["cycle_years"] if cycle_years is None else cycle_years,
                        "cycle_years", 1)
    renew = check_fraction(defaults["renewal_probability"] if renewal_probability is None
                           else renewal_probability, "renewal_probability")
    turnover = check_fraction(defaults["turnover_per_cycle"] if turnover_per_cycle is None
                              else turnover_per_cycle, "turnover_per_cycle")
    g = check_fraction(trust_growth, "trust_growth")
    r = check_fraction(trust_reset, "trust_reset")
    contact = check_fraction(contact_rate, "contact_rate")
    need = check_fraction(need_rate, "need_rate")
    s_with = check_fraction(initiative_survival_with_contact,
                            "initiative_survival_with_contact")
    s_without = check_fraction(initiative_survival_without_contact,
                               "initiative_survival_without_contact")
    rate = float(initiatives_per_year)
    if not (0 <= rate <= MAX_INITIATIVES_PER_YEAR / 5) or np.isnan(rate):
        raise ValueError(f"initiatives_per_year must lie in [0, {MAX_INITIATIVES_PER_YEAR // 5}]"
                         f"; got {initiatives_per_year!r}.")

    params = {
        "funding": funding, "years": years, "cycle_years": cycle,
        "renewal_probability": renew, "turnover_per_cycle": turnover, "trust_growth": g,
        "trust_reset": r, "contact_rate": contact, "need_rate": need,
        "initiatives_per_year": rate, "initiative_survival_with_contact": s_with,
        "initiative_survival_without_contact": s_without, "residents": residents}
    return params


def simulate_continuity(funding: str = "structural", years: int = 10, *,
                        cycle_years: int | None = None,
                        renewal_probability: float | None = None,
                        turnover_per_cycle: float | None = None,
                        trust_growth: float = 0.35,
                        trust_reset: float = 0.8,
                        contact_rate: float = 0.3,
                        need_rate: float = 0.15,
                        initiatives_per_year: float = 3.0,
                        initiative_survival_with_contact: float = 0.9,
                        initiative_survival_without_contact: float = 0.6,
                        residents: int = 200,
                        seed: int | None = 0) -> pd.DataFrame:
    r"""Run the continuity model for ``years`` years; one row per year.

    Parameters
    ----------
    funding
        ``"structural"`` or ``"project"``: sets the defaults of ``cycle_years``,
        ``renewal_probability`` and ``turnover_per_cycle`` (see
        :data:`FUNDING_DEFAULTS`).
    years
        Number of years simulated.
    cycle_years
        Length of a funding cycle in years; renewal and worker changes happen at the
        start of a new cycle.
    renewal_probability
        Chance that the funding is renewed at the start of a cycle (else: closure).
    turnover_per_cycle
        Chance that the worker is replaced when the funding is renewed.
    trust_growth
        :math:`g`, the share of the missing trust gained at a meeting.
    trust_reset
        :math:`r`, the share of trust lost when the worker changes (1 = full reset).
    contact_rate
        Chance that a resident meets the worker in a year.
    need_rate
        Chance that a reached resident has a problem to refer that year.
    initiatives_per_year
        Mean number of residents' initiatives started per year (Poisson).
    initiative_survival_with_contact, initiative_survival_without_contact
        Yearly survival of an initiative whose contact person is, or is no longer,
        in post.
    residents
        Number of residents the worker serves.
    seed
        Seed of the numpy random generator.

    Returns
    -------
    pandas.DataFrame
        Per year: ``year``, ``open`` (funded), ``worker`` (1 for the first worker, 0
        when closed), ``worker_changes`` (that year), ``worker_tenure`` (years in post),
        ``trust`` (mean over residents), ``residents_reached``, ``referrals``,
        ``initiatives_started``, ``initiatives_alive`` (at the end of the year) and
        ``initiatives_with_contact``. ``attrs["parameters"]`` holds every parameter.

    Examples
    --------
    A tiny case by hand: one resident met every year, :math:`g = 1/2`, a full reset
    at every two-year cycle: trust goes 1/2, 3/4, then a new worker, 1/2, 3/4.

    >>> run = simulate_continuity("project", 4, cycle_years=2, renewal_probability=1,
    ...                           turnover_per_cycle=1, trust_growth=0.5, trust_reset=1,
    ...                           contact_rate=1, residents=1, seed=0)
    >>> run["trust"].tolist(), run["worker"].tolist()
    ([0.5, 0.75, 0.5, 0.75], [1, 1, 2, 2])
    """
    params = checked_parameters(
        funding, years, cycle_years=cycle_years, renewal_probability=renewal_probability,
        turnover_per_cycle=turnover_per_cycle, trust_growth=trust_growth,
        trust_reset=trust_reset, contact_rate=contact_rate, need_rate=need_rate,
        initiatives_per_year=initiatives_per_year,
        initiative_survival_with_contact=initiative_survival_with_contact,
        initiative_survival_without_contact=initiative_survival_without_contact,
        residents=residents)
    arrays = _simulate_batch([seed], params)
    out = pd.DataFrame({c: arrays[c][0] for c in RUN_COLUMNS})
    out.attrs["parameters"] = {**params, "seed": seed, "illustrative": True}
    return out


#: The columns of one run of :func:`simulate_continuity`, in order.
RUN_COLUMNS: tuple[str, ...] = (
    "year", "open", "worker", "worker_changes", "worker_tenure", "trust",
    "residents_reached", "referrals", "initiatives_started", "initiatives_alive",
    "initiatives_with_contact")


@lru_cache(maxsize=4)  # 50 seeds: about 4 MB; 200 seeds: about 18 MB
def _uniforms(seeds: tuple[int | None, ...], years: int,
              residents: int) -> tuple[np.ndarray, ...]:
    """The model's uniforms for each seed, in fixed shapes and order (common random numbers).

    Cached (the same seeds give the same numbers whatever the parameters, so an explorer
    that moves a slider draws them once); the arrays are read-only.
    """
    n_runs, n_slots = len(seeds), years * MAX_INITIATIVES_PER_YEAR
    shapes = [(years,), (years,), (years, residents), (years, residents),
              (years, residents), (years,), (years, n_slots)]
    arrays = [np.empty((n_runs, *shape)) for shape in shapes]
    for i, seed in enumerate(seeds):
        rng = np.random.default_rng(seed)
        for array, shape in zip(arrays, shapes, strict=True):
            array[i] = rng.random(shape)
    for array in arrays:
        array.flags.writeable = False
    return tuple(arrays)


def _simulate_batch(seeds: list[int | None], p: dict) -> dict[str, np.ndarray]:
    """The model for several seeds at once: one array ``(runs, years)`` per column.

    Run ``i`` draws its random numbers from ``default_rng(seeds[i])`` in the same
    amounts and order whatever the parameters (common random numbers), so a run of
    the batch is the run of :func:`simulate_continuity` with that seed. The parameters
    ``p`` are already checked.
    """
    years, residents, cycle = p["years"], p["residents"], p["cycle_years"]
    n_runs = len(seeds)
    draw = _uniforms if all(seed is not None for seed in seeds) else _uniforms.__wrapped__
    u_renew, u_turnover, u_meet, u_need, u_confide, u_births, u_survive = draw(
        tuple(seeds), years, residents)
    births = np.minimum(_poisson_by_inversion(u_births, p["initiatives_per_year"]),
                        MAX_INITIATIVES_PER_YEAR)
    # the year in which each slot's initiative starts (years: never); slots beyond the
    # last one used in any run never hold an initiative and are left out
    first_slot = np.concatenate([np.zeros((n_runs, 1), int), np.cumsum(births, axis=1)], axis=1)
    n_slots = max(1, int(first_slot[:, -1].max()))
    u_survive = u_survive[:, :, :n_slots]
    slots = np.arange(n_slots)
    birth_year = np.full((n_runs, n_slots), years)
    for y in range(years):
        starts = (slots >= first_slot[:, y, None]) & (slots < first_slot[:, y + 1, None])
        birth_year[starts] = y

    g, r = p["trust_growth"], p["trust_reset"]
    trust = np.zeros((n_runs, residents))
    is_open = np.ones(n_runs, dtype=bool)
    worker = np.ones(n_runs, dtype=int)
    tenure = np.zeros(n_runs, dtype=int)
    alive = np.zeros((n_runs, n_slots), dtype=bool)
    contact_of = np.zeros((n_runs, n_slots), dtype=int)  # worker id at start, 0 = none
    out = {c: np.zeros((n_runs, years), dtype=float if c == "trust" else int)
           for c in RUN_COLUMNS}
    out["open"] = np.zeros((n_runs, years), dtype=bool)
    for y in range(years):
        change = np.zeros(n_runs, dtype=bool)
        if y > 0 and y % cycle == 0:
            close = is_open & (u_renew[:, y] >= p["renewal_probability"])
            change = is_open & ~close & (u_turnover[:, y] < p["turnover_per_cycle"])
            is_open = is_open & ~close
            worker = np.where(close, 0, worker + change)
            tenure = np.where(close | change, 0, tenure)
            trust[close] = 0.0
            trust[change] *= 1.0 - r
        tenure = tenure + is_open
        met = (u_meet[:, y] < p["contact_rate"]) & is_open[:, None]
        trust = np.where(met, trust + g * (1.0 - trust), trust)
        referred = met & (u_need[:, y] < p["need_rate"]) & (u_confide[:, y] < trust)
        # initiatives: the new ones, then a year's survival for all
        new = birth_year == y
        alive |= new
        contact_of = np.where(new, worker[:, None], contact_of)
        has_contact = alive & (contact_of == worker[:, None]) & (worker[:, None] > 0)
        chance = np.where(has_contact, p["initiative_survival_with_contact"],
                          p["initiative_survival_without_contact"])
        alive &= u_survive[:, y] < chance
        out["year"][:, y] = y + 1
        out["open"][:, y] = is_open
        out["worker"][:, y] = worker
        out["worker_changes"][:, y] = change
        out["worker_tenure"][:, y] = tenure
        out["trust"][:, y] = trust.mean(axis=1)
        out["residents_reached"][:, y] = met.sum(axis=1)
        out["referrals"][:, y] = referred.sum(axis=1)
        out["initiatives_started"][:, y] = births[:, y]
        out["initiatives_alive"][:, y] = alive.sum(axis=1)
        out["initiatives_with_contact"][:, y] = (
            alive & (contact_of == worker[:, None]) & (worker[:, None] > 0)).sum(axis=1)
    return out


def _poisson_by_inversion(u: np.ndarray, mean: float) -> np.ndarray:
    """Poisson counts from uniforms by inverting the CDF (one uniform per count)."""
    k = np.arange(MAX_INITIATIVES_PER_YEAR + 1)
    log_pmf = -mean + k * np.log(mean) - np.cumsum(np.log(np.maximum(k, 1))) if mean > 0 \
        else np.where(k == 0, 0.0, -np.inf)
    cdf = np.cumsum(np.exp(log_pmf))
    return np.minimum(np.searchsorted(cdf, u, side="right"), MAX_INITIATIVES_PER_YEAR)


def compare_funding(years: int = 10, seed: int | None = 0, **parameters: float) -> pd.DataFrame:
    """Both funding regimes with the same seed (common random numbers), side by side.

    Parameters
    ----------
    years, seed
        As for :func:`simulate_continuity`.
    **parameters
        Any other parameter of :func:`simulate_continuity`, for both regimes.

    Returns
    -------
    pandas.DataFrame
        Indexed by year, with two-level columns ``(measure, regime)``: ``open``,
        ``worker_changes``, ``trust``, ``residents_reached``, ``referrals`` and
        ``initiatives_alive`` for ``structural`` and ``project``.

    Examples
    --------
    >>> table = compare_funding(seed=1)
    >>> table.columns[:2].tolist()
    [('open', 'structural'), ('open', 'project')]
    """
    measures = ["open", "worker_changes", "trust", "residents_reached", "referrals",
                "initiatives_alive"]
    runs = {regime: simulate_continuity(regime, years, seed=seed, **parameters)
            .set_index("year")[measures] for regime in FUNDING_REGIMES}
    out = pd.concat(runs, axis=1).swaplevel(axis=1)
    out = out[[(m, regime) for m in measures for regime in FUNDING_REGIMES]]
    out.columns.names = ["measure", "funding"]
    return out


#: The measures averaged by :func:`compare_funding_runs`.
RUN_MEASURES: tuple[str, ...] = ("open", "worker_changes", "trust", "residents_reached",
                                 "referrals", "initiatives_alive")

#: The regime parameters that :func:`compare_funding_runs` sets per regime.
REGIME_PARAMETERS: tuple[str, ...] = ("cycle_years", "renewal_probability",
                                      "turnover_per_cycle")


@lru_cache(maxsize=64)
def _mean_of_runs(seeds: tuple[int, ...], items: tuple[tuple[str, Any], ...]) -> np.ndarray:
    """Mean over the runs of each of :data:`RUN_MEASURES`, ``(measures, years)``, cached."""
    arrays = _simulate_batch(list(seeds), dict(items))
    out = np.array([arrays[m].mean(axis=0) for m in RUN_MEASURES], dtype=float)
    out.flags.writeable = False
    return out


def compare_funding_runs(years: int = 10, runs: int = 20, seed: int = 0, *,
                         structural: dict[str, float] | None = None,
                         project: dict[str, float] | None = None,
                         **shared: float) -> pd.DataFrame:
    r"""Both regimes over ``runs`` seeded runs each, averaged year by year.

    One run is a toss of the coins (a renewal refused, a worker leaving); the average
    over many runs shows what a regime does *on average*. Run ``i`` of each regime uses
    seed ``seed + i``, for both regimes (common random numbers), so run 0 is
    :func:`compare_funding` with ``seed``.

    Parameters
    ----------
    years, runs, seed
        Length of each run, number of runs, and the seed of the first run.
    structural, project
        Overrides of :data:`REGIME_PARAMETERS` (``cycle_years``,
        ``renewal_probability``, ``turnover_per_cycle``) for that regime only.
    **shared
        Any other parameter of :func:`simulate_continuity`, for both regimes.

    Returns
    -------
    pandas.DataFrame
        Indexed by year, with two-level columns ``(measure, funding)`` for the
        :data:`RUN_MEASURES`: the mean over the runs (``open`` is the share of runs
        still funded). ``attrs["parameters"]`` holds the parameters of each regime
        and ``attrs["runs"]`` the number of runs.

    Examples
    --------
    >>> table = compare_funding_runs(runs=5)
    >>> table.shape
    (10, 12)
    >>> first = compare_funding_runs(runs=1, seed=3)
    >>> bool((first[("referrals", "project")] == compare_funding(seed=3)[("referrals",
    ...     "project")]).all())
    True
    """
    runs = check_whole(runs, "runs", 1)
    seed = check_whole(seed, "seed", 0)
    overrides = {"structural": structural or {}, "project": project or {}}
    for regime, given in overrides.items():
        unknown = set(given) - set(REGIME_PARAMETERS)
        if unknown:
            raise ValueError(f"{regime} may only set {list(REGIME_PARAMETERS)}; got "
                             f"{sorted(unknown)} (pass shared parameters as keywords).")
    clash = set(shared) & set(REGIME_PARAMETERS)
    if clash:
        raise ValueError(f"{sorted(clash)} differ by regime: pass them in structural= or "
                         "project=.")
    seeds = tuple(seed + i for i in range(runs))
    means, parameters = {}, {}
    for regime in FUNDING_REGIMES:
        p = checked_parameters(regime, years, **overrides[regime], **shared)
        means[regime] = _mean_of_runs(seeds, tuple(sorted(p.items())))
        parameters[regime] = {**p, "illustrative": True}
    order = [(m, regime) for m in RUN_MEASURES for regime in FUNDING_REGIMES]
    out = pd.DataFrame(np.column_stack([means[regime][RUN_MEASURES.index(m)]
                                        for m, regime in order]),
                       index=pd.RangeIndex(1, years + 1, name="year"),
                       columns=pd.MultiIndex.from_tuples(order, names=["measure", "funding"]))
    out.attrs["parameters"] = parameters
    out.attrs["runs"] = runs
    return out


def scenario_totals(table: pd.DataFrame) -> pd.DataFrame:
    """The two regimes side by side over the whole period: one row per outcome.

    Reads a table of :func:`compare_funding` or :func:`compare_funding_runs`:

    * ``residents_reached_per_year`` — residents the worker met, mean per year;
    * ``referrals`` — referrals made, summed over the years;
    * ``initiatives_alive_at_end`` — residents' initiatives alive in the last year;
    * ``worker_changes`` — new workers, summed over the years;
    * ``open_at_end`` — funded in the last year (share of runs);
    * ``trust_at_end`` — mean trust in the worker in the last year.

    Examples
    --------
    >>> totals = scenario_totals(compare_funding_runs(runs=5))
    >>> totals.columns.tolist()
    ['structural', 'project']
    >>> totals.index.tolist()[:3]
    ['residents_reached_per_year', 'referrals', 'initiatives_alive_at_end']
    """
    missing = [m for m in RUN_MEASURES if m not in table.columns.get_level_values(0)]
    if missing:
        raise ValueError(f"the table lacks the measures {missing}; pass a table of "
                         "compare_funding or compare_funding_runs.")
    columns = list(table.columns)
    values = table.to_numpy(dtype=float)

    def col(measure: str, regime: str) -> np.ndarray:
        return values[:, columns.index((measure, regime))]

    outcomes = {
        "residents_reached_per_year": lambda r: col("residents_reached", r).mean(),
        "referrals": lambda r: col("referrals", r).sum(),
        "initiatives_alive_at_end": lambda r: col("initiatives_alive", r)[-1],
        "worker_changes": lambda r: col("worker_changes", r).sum(),
        "open_at_end": lambda r: col("open", r)[-1],
        "trust_at_end": lambda r: col("trust", r)[-1],
    }
    out = pd.DataFrame([[float(f(r)) for r in FUNDING_REGIMES] for f in outcomes.values()],
                       index=pd.Index(list(outcomes), name="outcome"),
                       columns=pd.Index(list(FUNDING_REGIMES), name="funding"))
    return out
