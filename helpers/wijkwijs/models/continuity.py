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

import numpy as np
import pandas as pd

from wijkwijs._validate import check_choice, check_fraction

__all__ = ["FUNDING_DEFAULTS", "FUNDING_REGIMES", "compare_funding", "simulate_continuity"]

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

    rng = np.random.default_rng(seed)
    # common random numbers: fixed shapes, fixed order, whatever the parameters
    u_renew = rng.random(years)
    u_turnover = rng.random(years)
    u_meet = rng.random((years, residents))
    u_need = rng.random((years, residents))
    u_confide = rng.random((years, residents))
    u_births = rng.random(years)
    u_survive = rng.random((years, years * MAX_INITIATIVES_PER_YEAR))
    births = np.minimum(_poisson_by_inversion(u_births, rate), MAX_INITIATIVES_PER_YEAR)

    trust = np.zeros(residents)
    is_open, worker, tenure = True, 1, 0
    n_slots = years * MAX_INITIATIVES_PER_YEAR
    alive = np.zeros(n_slots, dtype=bool)
    contact_of = np.zeros(n_slots, dtype=int)  # worker id at start, 0 = none
    next_slot = 0
    rows = []
    for y in range(years):
        change = 0
        if y > 0 and y % cycle == 0 and is_open:
            if u_renew[y] >= renew:
                is_open, worker, tenure = False, 0, 0
                trust[:] = 0.0
            elif u_turnover[y] < turnover:
                worker += 1
                tenure = 0
                change = 1
                trust *= 1.0 - r
        reached = referrals = 0
        if is_open:
            tenure += 1
            met = u_meet[y] < contact
            trust = np.where(met, trust + g * (1.0 - trust), trust)
            reached = int(met.sum())
            referrals = int((met & (u_need[y] < need) & (u_confide[y] < trust)).sum())
        # initiatives: the new ones, then a year's survival for all
        k = int(births[y])
        alive[next_slot:next_slot + k] = True
        contact_of[next_slot:next_slot + k] = worker
        next_slot += k
        has_contact = alive & (contact_of == worker) & (worker > 0)
        p = np.where(has_contact, s_with, s_without)
        alive &= u_survive[y] < p
        rows.append((y + 1, is_open, worker, change, tenure, float(trust.mean()), reached,
                     referrals, k, int(alive.sum()),
                     int((alive & (contact_of == worker) & (worker > 0)).sum())))
    out = pd.DataFrame(rows, columns=[
        "year", "open", "worker", "worker_changes", "worker_tenure", "trust",
        "residents_reached", "referrals", "initiatives_started", "initiatives_alive",
        "initiatives_with_contact"])
    out.attrs["parameters"] = {
        "funding": funding, "years": years, "cycle_years": cycle,
        "renewal_probability": renew, "turnover_per_cycle": turnover, "trust_growth": g,
        "trust_reset": r, "contact_rate": contact, "need_rate": need,
        "initiatives_per_year": rate, "initiative_survival_with_contact": s_with,
        "initiative_survival_without_contact": s_without, "residents": residents,
        "seed": seed, "illustrative": True}
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
