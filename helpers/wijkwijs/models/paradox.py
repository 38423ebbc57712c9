r"""The segregation paradox: gentrification, displacement and suburbanisation.

When higher-income newcomers move into a cheap, central, working-class
neighbourhood, the city at first becomes *less* segregated: rich and poor now
live side by side. If rents keep rising and social rented housing is sold, the
poorer residents are displaced, the neighbourhood becomes uniformly affluent, and
segregation *rises* again — while part of the poverty moves out of the city into
the suburbs, where a city-only index no longer sees it (the "suburbanisation of
poverty"; Hochstenbach & Musterd 2018, *Gentrification and the suburbanization of
poverty*, Urban Geography 39(1); Boterman & Van Gent 2014, *Housing liberalisation
and gentrification*, TESG 105(2)). This model reproduces that sequence with a small
set of explicit mechanisms, and lets the learner try policy levers against it.

The model in plain language
---------------------------
**Space.** A metropolitan region of zones in rings: a historic *centre*, an *inner*
ring of old working-class neighbourhoods, *outer* post-war districts (together the
city) and *suburbs* outside the city. Every zone has a schematic map position: an
annular sector (ring, angle) with a centroid ``x, y`` and a ``polygon`` of corners.
Centrality is 1 (centre), 0.75 (inner), 0.4 (outer), 0 (suburbs).

**Housing.** Each zone has dwellings of three tenures: social rent, private rent
and owner-occupied. Social rent is cheap (rent tied to income, so always
affordable) and only open to households below an income limit when they move in;
its tenants are never displaced. Private rents and owner costs in a zone follow a
market price level :math:`R_z` (thousand euro per year).

**Households** have a fixed income *y* (thousand euro per year). A household can
rent or buy a market dwelling only if its yearly cost is at most
``budget_share`` · *y* (30 %). *Low* and *high* income are the bottom and top third
of the region's incomes in year 0 (fixed thresholds).

**One year** (in this order):

1. *Turnover*: each household leaves the region with probability ``turnover``.
2. *Social stock*: up to ``social_sales_per_year`` *vacant* social dwellings in the
   city are sold (become owner-occupied), most expensive zones first, but never
   below ``protected_share`` of a zone's initial social stock.
   ``new_social_per_year`` new social dwellings are built, spread evenly over the
   city zones.
3. *Prices*: :math:`R_z \leftarrow R_z \cdot \mathrm{clip}\big((d_z+1)/(v_z+1)\big)^{\epsilon}`,
   where :math:`d_z` is last year's number of movers whose first choice was a market
   dwelling in *z* and :math:`v_z` the market vacancies then (``price_elasticity``
   ε; yearly change clipped to −3 % … +12 %). Suburban prices stay put: suburbs
   build whatever is demanded.
4. *Rents of sitting tenants* move towards the market: each year a private tenant's
   rent closes half of the gap to :math:`R_z` times ``1 − rent_regulation``
   (``rent_regulation = 1`` freezes rents; 0 lets them follow the market).
5. *Displacement*: private tenants whose rent exceeds ``stress_share`` · *y* (40 %)
   must move.
6. *Moving*: newcomers (as many as left, times ``1 + growth``; a share
   ``newcomer_high_share`` are well-paid "young professionals" with a strong wish
   for centrality) and displaced households search in random order. Each takes the
   vacant dwelling with the highest utility it can afford,

   .. math:: U = c_i\,\text{centrality}_z + 0.5\,[\text{owner}]
             - 1.5\,\text{cost}/\text{budget} + \varepsilon

   with :math:`c_i` the household's wish for centrality and ε Gumbel noise. If
   nothing in the region is affordable it ends in private rent in the suburbs,
   overburdened. Suburbs never run out of dwellings.

**Restructuring** (the lever of chapter 4, off by default): in year
``restructuring_year`` the model demolishes ``restructuring_homes`` social dwellings in
the city zone ``restructuring_zone`` and replaces them at once by as many
owner-occupied dwellings (the Dutch *herstructurering*: social rent demolished,
owner-occupied homes built). The demolished dwellings are drawn at random among the
zone's social dwellings, so a demolished dwelling is occupied with the zone's social
occupancy rate; its tenants must move. They search in step 6 of that year, before
everybody else (*urgency*, the priority status Dutch tenants get when their home is
demolished), and social rent stays open to them whatever their income. Where they end
up is in :attr:`ParadoxModel.demolition_moves`; :func:`run_restructuring` compares a
restructured run with the same run without it. With ``restructuring_homes = 0`` (the
default) the model draws exactly the same random numbers as without the lever.

**Outputs.** :attr:`ParadoxModel.history` holds per year the dissimilarity index
of low- versus high-income households across the city zones
(``dissimilarity_city``) and across all zones including suburbs
(``dissimilarity_metro``), the number of displaced households and how many of them
moved to the suburbs, and the low-income share of the city and the suburbs.
:attr:`ParadoxModel.zone_history` holds per zone per year the households, low and
high shares, social share and price — everything a schematic map needs.

**Left out** (on purpose): household ageing, life-course moves and family size;
income change and inflation; landlords' strategies and speculation; the mortgage
market and interest rates; commuting costs and jobs; ethnicity; the years a
rebuild takes (restructuring replaces homes at once); housing allowances beyond
"social rent is affordable"; waiting lists (social dwellings go by lottery among
movers). It is a teaching model: its numbers
are not forecasts for any real city.

Examples
--------
>>> m = ParadoxModel(seed=1)
>>> m.run(12)
>>> h = m.history
>>> h.columns.tolist()[:4]
['year', 'dissimilarity_city', 'dissimilarity_metro', 'displaced']
>>> len(h), len(m.zone_history) == 13 * len(m.zones)
(13, True)
"""

from __future__ import annotations

import copy
import functools

import numpy as np
import pandas as pd

from wijkwijs import i18n, segregation
from wijkwijs._validate import check_fraction

__all__ = ["DESTINATIONS", "DWELLING_TENURES", "EFFECTS", "INCOME_GROUPS",
           "RESTRUCTURING_HOMES", "RESTRUCTURING_RUN", "RESTRUCTURING_SEEDS",
           "RESTRUCTURING_SETTINGS", "RINGS",
           "ParadoxModel", "RestructuringRun", "city_zone_names", "label_effects",
           "make_zones", "moves_table", "restructuring_effects", "run_restructuring"]

#: The three tenures of a dwelling in the *model city*: a dwelling's tenure code is its
#: position here (0 social rent, 1 private rent, 2 owner-occupied), and the columns of
#: ``ParadoxModel.stock`` follow this order. The names match Havenstad's tenures
#: (:data:`wijkwijs.havenstad.constants.TENURES`), but the model city is not Havenstad.
DWELLING_TENURES: tuple[str, ...] = ("social_rent", "private_rent", "owner_occupied")
#: Ring names from the middle outwards.
RINGS = ("centre", "inner", "outer", "suburb")
_SOCIAL, _PRIVATE, _OWNER = 0, 1, 2  # positions in DWELLING_TENURES
_CENTRALITY = {"centre": 1.0, "inner": 0.75, "outer": 0.4, "suburb": 0.0}
# Default zone make-up per ring: zones, dwellings per zone, tenure shares (social,
# private, owner), initial price level (k€/yr), median incomes of social tenants,
# private tenants and owners.
_RING_DEFAULTS = {
    "centre": (2, 500, (0.20, 0.45, 0.35), 14.0, (20.0, 45.0, 70.0)),
    "inner": (6, 550, (0.50, 0.40, 0.10), 8.0, (18.0, 24.0, 40.0)),
    "outer": (8, 550, (0.55, 0.15, 0.30), 8.5, (21.0, 30.0, 45.0)),
    "suburb": (4, 1000, (0.15, 0.15, 0.70), 9.0, (21.0, 35.0, 55.0)),
}
#: Where a household displaced by demolition can end up, in the order shown.
DESTINATIONS: tuple[str, ...] = ("same_zone", "other_city_zone", "suburb")
#: The model's income groups: bottom third, middle third and top third of the region's
#: incomes in year 0 (``ParadoxModel.low_cut`` and ``high_cut``).
INCOME_GROUPS: tuple[str, ...] = ("low", "middle", "high")
_RADII = {"centre": (0.0, 1.0), "inner": (1.0, 2.0), "outer": (2.0, 3.0), "suburb": (3.4, 4.4)}


def _low_high_dissimilarity(low: np.ndarray, high: np.ndarray) -> float:
    """D of low- versus high-income households over zones; NaN once a group has left."""
    if low.sum() <= 0 or high.sum() <= 0:
        return float("nan")
    return segregation.dissimilarity_between(low, high)


def make_zones() -> pd.DataFrame:
    """The default zones: one row per zone with its ring, map position and make-up.

    Columns: ``zone``, ``name``, ``ring``, ``in_city``, ``centrality``, ``x``, ``y``
    (centroid of the schematic annular sector), ``polygon`` (list of ``(x, y)``
    corners), ``dwellings``, ``social_share``, ``private_share``, ``owner_share``,
    ``price`` (initial market price level, k€ per year).

    Examples
    --------
    >>> z = make_zones()
    >>> z.ring.value_counts().to_dict()
    {'outer': 8, 'inner': 6, 'suburb': 4, 'centre': 2}
    >>> int(z.in_city.sum())
    16
    """
    return _default_zones().copy()  # built once: every run starts from the same zones


@functools.lru_cache(maxsize=1)
def _default_zones() -> pd.DataFrame:
    rows = []
    for ring, (n, size, shares, price, _) in _RING_DEFAULTS.items():
        r0, r1 = _RADII[ring]
        offset = 0.5 if ring in ("inner", "suburb") else 0.0
        for k in range(n):
            a0 = 2 * np.pi * (k + offset) / n
            a1 = 2 * np.pi * (k + 1 + offset) / n
            arc = np.linspace(a0, a1, 9)
            outer = [(r1 * np.cos(t), r1 * np.sin(t)) for t in arc]
            inner = ([(r0 * np.cos(t), r0 * np.sin(t)) for t in arc[::-1]] if r0 > 0
                     else [(0.0, 0.0)])
            mid_r, mid_a = (r0 + r1) / 2 if r0 > 0 else 0.55, (a0 + a1) / 2
            rows.append({
                "zone": len(rows), "name": f"{ring}-{k + 1}", "ring": ring,
                "in_city": ring != "suburb", "centrality": _CENTRALITY[ring],
                "x": round(mid_r * np.cos(mid_a), 6), "y": round(mid_r * np.sin(mid_a), 6),
                "polygon": [(round(x, 6), round(y, 6)) for x, y in outer + inner],
                "dwellings": size, "social_share": shares[0], "private_share": shares[1],
                "owner_share": shares[2], "price": price,
            })
    return pd.DataFrame(rows)


def _choose_in_turn(util: np.ndarray, vacant: np.ndarray, order: np.ndarray) -> np.ndarray:
    """Movers, one after another in ``order``, each take the best option still vacant.

    ``util`` has a row per mover and a column per option (``-inf`` where an option is
    out of reach), ``vacant`` the vacancies per option (``inf``: never runs out).
    Returns each mover's option, ``-1`` where nothing was in reach. The result is that
    of the plain loop::

        for i in order:
            u = np.where(vacant > 0, util[i], -np.inf)
            j = np.argmax(u)
            if np.isfinite(u[j]):
                choice[i] = j
                vacant[j] -= 1

    but each mover's options are ranked once for all (one sort of the whole table),
    so that a mover only walks down its own ranking to the first vacant option.
    Equal utilities rank the first option first, as :func:`numpy.argmax` does.
    """
    order = np.asarray(order)
    turns = util[order]  # row k: the mover whose turn is k-th
    n_movers, n_options = turns.shape
    in_reach = np.isfinite(turns).sum(axis=1)
    ranking = np.argsort(-turns, axis=1)  # best first; out of reach (-inf) last
    ranking = ranking[:, : max(int(in_reach.max(initial=0)), 1)]  # never walked further
    ranked = np.take_along_axis(turns, ranking, axis=1)
    tied = ((ranked[:, 1:] == ranked[:, :-1]) & np.isfinite(ranked[:, 1:])).any(axis=1)
    if tied.any():  # the fast sort may put equal options either way round
        ranking[tied] = np.argsort(-turns[tied], axis=1, kind="stable")[:, : ranking.shape[1]]
    ranking[~np.isfinite(ranked)] = n_options  # out of reach: an option that is never vacant
    # vacancies as whole numbers; an option that never runs out admits every mover
    left = np.where(np.isinf(vacant), n_movers + 1, np.ceil(np.maximum(vacant, 0)))
    left = [*left.astype(int).tolist(), 0]
    taken = []
    for options in ranking.tolist():
        for j in options:
            if left[j]:
                left[j] -= 1
                taken.append(j)
                break
        else:
            taken.append(-1)
    choice = np.full(util.shape[0], -1)
    choice[order] = taken
    return choice


class ParadoxModel:
    """Gentrification, displacement and the segregation paradox, one year per step.

    See the module docstring for the mechanisms and what is left out.

    Parameters
    ----------
    protected_share
        Share (0–1) of each city zone's initial social stock that may never be sold.
    rent_regulation
        Strength (0–1) of rent regulation for sitting private tenants: 0 lets their
        rents follow the market, 1 freezes them.
    new_social_per_year
        Social dwellings built per year, spread evenly over the city zones.
    social_sales_per_year
        Vacant social dwellings in the city sold into owner-occupation per year.
    turnover
        Yearly probability that a household leaves the region.
    newcomer_high_share
        Share of newcomers who are well-paid young professionals.
    growth
        Yearly growth of the number of households (newcomers = leavers · (1 + growth)).
    price_elasticity
        How strongly market prices react to demand per vacancy.
    budget_share, stress_share
        Highest share of income spent on housing when moving in, and before a
        private tenant is forced out.
    social_income_limit
        Highest income (k€/yr) admitted to social rent.
    scale
        Multiplies the number of dwellings in every zone (1 ≈ 12 700 dwellings).
    restructuring_zone, restructuring_homes, restructuring_year
        The restructuring lever (off by default): demolish this many social dwellings
        in this city zone (its number or name, e.g. ``"inner-3"``) in this year and
        replace them by owner-occupied dwellings; see :meth:`schedule_restructuring`.
    seed
        Seed for :func:`numpy.random.default_rng`.

    Examples
    --------
    >>> a, b = ParadoxModel(seed=7, scale=0.2), ParadoxModel(seed=7, scale=0.2)
    >>> a.run(3); b.run(3)
    >>> a.history.equals(b.history)
    True
    >>> a.year
    3
    """

    def __init__(self, *, protected_share: float = 0.3, rent_regulation: float = 0.3,
                 new_social_per_year: int = 0, social_sales_per_year: int = 60,
                 turnover: float = 0.07, newcomer_high_share: float = 0.45,
                 growth: float = 0.005, price_elasticity: float = 0.25,
                 budget_share: float = 0.3, stress_share: float = 0.4,
                 social_income_limit: float = 35.0, scale: float = 1.0,
                 restructuring_zone: int | str | None = None, restructuring_homes: int = 0,
                 restructuring_year: int = 5, seed: int | None = None) -> None:
        self.protected_share = check_fraction(protected_share, "protected_share")
        self.rent_regulation = check_fraction(rent_regulation, "rent_regulation")
        for name, v in (("new_social_per_year", new_social_per_year),
                        ("social_sales_per_year", social_sales_per_year)):
            if int(v) != v or v < 0:
                raise ValueError(f"{name} must be a whole number ≥ 0; got {v!r}.")
        self.new_social_per_year = int(new_social_per_year)
        self.social_sales_per_year = int(social_sales_per_year)
        self.turnover = check_fraction(turnover, "turnover", high=0.5)
        self.newcomer_high_share = check_fraction(newcomer_high_share, "newcomer_high_share")
        self.growth = check_fraction(growth, "growth", low=-0.2, high=0.2)
        self.price_elasticity = check_fraction(price_elasticity, "price_elasticity", high=5)
        self.budget_share = check_fraction(budget_share, "budget_share", inclusive_low=False)
        self.stress_share = check_fraction(stress_share, "stress_share", inclusive_low=False)
        if not social_income_limit > 0:
            raise ValueError(f"social_income_limit must be positive; got {social_income_limit!r}.")
        self.social_income_limit = float(social_income_limit)
        self.scale = check_fraction(scale, "scale", inclusive_low=False, high=20)
        self.seed = seed
        self.rng = np.random.default_rng(seed)
        self.year = 0
        self.zones = make_zones()
        self._setup()
        self._rows: list[dict] = []
        self._zone_rows: list[dict[str, np.ndarray]] = []
        self._displaced = 0
        self._displaced_to_suburbs = 0
        self._fallback = 0
        self._demolition_income = np.zeros(0)
        self._demolition_rows: list[dict[str, np.ndarray]] = []
        self.demolished_homes = 0
        self.schedule_restructuring(restructuring_zone, restructuring_homes, restructuring_year)
        self._record()

    # -- set-up -----------------------------------------------------------------
    def _setup(self) -> None:
        z = self.zones
        rng = self.rng
        n_z = len(z)
        self.in_city = z.in_city.to_numpy()
        self.centrality = z.centrality.to_numpy(float)
        self.price = z.price.to_numpy(float).copy()
        shares = z[["social_share", "private_share", "owner_share"]].to_numpy(float)
        dwell = np.round(z.dwellings.to_numpy(float) * self.scale)
        stock = np.floor(shares * dwell[:, None]).astype(int)
        stock[:, _OWNER] += dwell.astype(int) - stock.sum(axis=1)
        self.stock = stock
        self.initial_social = stock[:, _SOCIAL].copy()
        medians = np.array([_RING_DEFAULTS[r][4] for r in z.ring])
        zone, tenure, income = [], [], []
        for zi in range(n_z):
            for k in range(3):
                n = round(int(stock[zi, k]) * 0.97)
                zone.append(np.full(n, zi))
                tenure.append(np.full(n, k))
                income.append(medians[zi, k] * np.exp(0.35 * rng.standard_normal(n)))
        self.zone = np.concatenate(zone)
        self.tenure = np.concatenate(tenure)
        self.income = np.concatenate(income)
        self.low_cut, self.high_cut = np.quantile(self.income, [1 / 3, 2 / 3])
        self.rent = np.where(self.tenure == _PRIVATE,
                             self.price[self.zone] * rng.uniform(0.6, 0.95, self.zone.size),
                             0.0)
        self._demand = np.zeros(n_z)
        self._supply = np.zeros(n_z)

    # -- the restructuring lever -------------------------------------------------
    def schedule_restructuring(self, zone: int | str | None, homes: int,
                               year: int = 5) -> None:
        """Demolish ``homes`` social dwellings of city ``zone`` in ``year`` (a later year).

        The demolished homes become owner-occupied dwellings the same year; their tenants
        move with priority (see the module docstring). ``homes = 0`` or ``zone = None``
        switches the lever off. A zone has at most its social stock demolished.

        >>> m = ParadoxModel(seed=0, scale=0.2)
        >>> m.schedule_restructuring("inner-2", 40, year=2)
        >>> m.run(2)
        >>> m.demolished_homes, len(m.demolition_moves) <= 40
        (40, True)
        >>> m.schedule_restructuring("suburb-1", 10, year=3)
        Traceback (most recent call last):
        ...
        ValueError: restructuring_zone 'suburb-1' is not a city zone; the city zones are [...]
        """
        if int(homes) != homes or homes < 0:
            raise ValueError(f"restructuring_homes must be a whole number ≥ 0; got {homes!r}.")
        if int(year) != year or year <= self.year:
            raise ValueError(f"restructuring_year must be a whole year after year {self.year}; "
                             f"got {year!r}.")
        names = self.zones.name.tolist()
        city = [n for n, c in zip(names, self.in_city, strict=True) if c]
        if zone is None or homes == 0:
            self.restructuring_zone, self.restructuring_homes = None, 0
        else:
            if isinstance(zone, str):
                if zone not in names:
                    raise ValueError(f"unknown restructuring_zone {zone!r}; the city zones "
                                     f"are {city}")
                zone = names.index(zone)
            if int(zone) != zone or not 0 <= zone < len(names):
                raise ValueError(f"restructuring_zone must be a zone number 0–{len(names) - 1} "
                                 f"or a name; got {zone!r}.")
            if not self.in_city[int(zone)]:
                raise ValueError(f"restructuring_zone {names[int(zone)]!r} is not a city zone; "
                                 f"the city zones are {city}")
            self.restructuring_zone, self.restructuring_homes = int(zone), int(homes)
        self.restructuring_year = int(year)

    def _demolish(self) -> None:
        """Demolish the scheduled social dwellings; their tenants must move this year."""
        z, rng = self.restructuring_zone, self.rng
        social_stock = int(self.stock[z, _SOCIAL])
        n = min(self.restructuring_homes, social_stock)
        tenants = np.flatnonzero((self.zone == z) & (self.tenure == _SOCIAL))
        # the demolished dwellings are a random n of the zone's social dwellings: the
        # number of them that are occupied is hypergeometric
        k = int(rng.hypergeometric(tenants.size, social_stock - tenants.size, n)) if n else 0
        out = np.zeros(self.zone.size, dtype=bool)
        out[rng.choice(tenants, k, replace=False)] = True
        self._demolition_income = self.income[out]
        self._remove(~out)
        self.stock[z, _SOCIAL] -= n
        self.stock[z, _OWNER] += n
        self.initial_social[z] = max(self.initial_social[z] - n, 0)  # protection of the rest
        self.demolished_homes = n

    # -- helpers ----------------------------------------------------------------
    def _count(self, zone: np.ndarray, tenure: np.ndarray) -> np.ndarray:
        """Households per zone (rows) and tenure (columns)."""
        return np.bincount(zone * 3 + tenure, minlength=self.stock.size).reshape(
            self.stock.shape)

    def _vacancies(self) -> np.ndarray:
        return self.stock - self._count(self.zone, self.tenure)

    def _remove(self, keep: np.ndarray) -> None:
        self.zone, self.tenure = self.zone[keep], self.tenure[keep]
        self.income, self.rent = self.income[keep], self.rent[keep]

    # -- one year ---------------------------------------------------------------
    def step(self) -> None:
        """Advance the model by one year (see the module docstring for the order)."""
        rng = self.rng
        n_z = len(self.zones)
        # 1. turnover
        leave = rng.random(self.zone.size) < self.turnover
        n_leavers = int(leave.sum())
        self._remove(~leave)
        if self.restructuring_homes and self.year + 1 == self.restructuring_year:
            self._demolish()  # the restructuring lever (off by default)
        # 2. social stock: sales of vacant city social dwellings, then construction
        vac = self._vacancies()
        floor = np.ceil(self.protected_share * self.initial_social).astype(int)
        to_sell = self.social_sales_per_year
        for zi in np.argsort(-self.price):
            if to_sell <= 0:
                break
            if not self.in_city[zi]:
                continue
            n = min(to_sell, vac[zi, _SOCIAL], max(0, self.stock[zi, _SOCIAL] - floor[zi]))
            if n > 0:
                self.stock[zi, _SOCIAL] -= n
                self.stock[zi, _OWNER] += n
                to_sell -= n
        city = np.flatnonzero(self.in_city)
        build = np.full(city.size, self.new_social_per_year // city.size)
        build[: self.new_social_per_year % city.size] += 1
        self.stock[city, _SOCIAL] += build
        # 3. prices
        change = ((self._demand + 1) / (self._supply + 1)) ** self.price_elasticity
        change = np.clip(change, 0.97, 1.12)
        change[~self.in_city] = 1.0
        self.price *= change
        # 4. sitting tenants' rents
        private = self.tenure == _PRIVATE
        gap = np.maximum(self.price[self.zone] - self.rent, 0.0)
        self.rent = np.where(private, self.rent + 0.5 * (1 - self.rent_regulation) * gap, 0.0)
        # 5. displacement
        displaced = private & (self.rent > self.stress_share * self.income)
        moved_income = self.income[displaced]
        self._remove(~displaced)
        # 6. newcomers and displaced search
        n_new = round(n_leavers * (1 + self.growth))
        pro = rng.random(n_new) < self.newcomer_high_share
        new_income = np.where(pro, 55.0 * np.exp(0.3 * rng.standard_normal(n_new)),
                              28.0 * np.exp(0.5 * rng.standard_normal(n_new)))
        demolished = self._demolition_income
        self._demolition_income = np.zeros(0)
        incomes = np.concatenate([moved_income, demolished, new_income])
        wish = np.concatenate([np.ones(moved_income.size + demolished.size),
                               np.where(pro, 3.0, 1.0)])
        position = np.arange(incomes.size)
        is_displaced = position < moved_income.size
        urgent = (position >= moved_income.size) & (position < moved_income.size
                                                     + demolished.size)
        self._allocate(incomes, wish, is_displaced, n_z, urgent)
        self.year += 1
        self._record()

    def _allocate(self, incomes: np.ndarray, wish: np.ndarray, is_displaced: np.ndarray,
                  n_z: int, urgent: np.ndarray | None = None) -> None:
        rng = self.rng
        m = incomes.size
        budget = self.budget_share * incomes
        cost = np.stack([np.zeros(n_z), self.price, self.price], axis=1).ravel()  # (Z*3,)
        tenure = np.tile(np.arange(3), n_z)
        zone = np.repeat(np.arange(n_z), 3)
        util = (wish[:, None] * self.centrality[zone][None, :]
                + 0.5 * (tenure == _OWNER)[None, :]
                - 1.5 * cost[None, :] / budget[:, None]
                + rng.gumbel(size=(m, cost.size)))
        # out of reach: social rent above the income limit, market rent above the budget
        by_zone = util.reshape(m, n_z, 3)  # a view: writing to it writes to util
        urgent = np.zeros(m, dtype=bool) if urgent is None else urgent
        # social rent stays open to tenants whose home is demolished (urgency)
        by_zone[~(incomes <= self.social_income_limit) & ~urgent, :, _SOCIAL] = -np.inf
        too_dear = ~(self.price[None, :] <= budget[:, None])
        for market in (_PRIVATE, _OWNER):
            by_zone[:, :, market][too_dear] = -np.inf
        vac = self._vacancies().ravel().astype(float)
        suburb_market = ~self.in_city[zone] & (tenure != _SOCIAL)
        vac[suburb_market] = np.inf  # suburbs build what is demanded
        # demand pressure for next year's prices: first choices ignoring vacancies
        first = np.argmax(util, axis=1)
        has_option = np.isfinite(util[np.arange(m), first])
        market_first = has_option & (tenure[first] != _SOCIAL)
        self._demand = np.bincount(zone[first[market_first]], minlength=n_z).astype(float)
        vz = self._vacancies()
        self._supply = (vz[:, _PRIVATE] + vz[:, _OWNER]).astype(float)
        order = rng.permutation(m)
        if urgent.any():  # urgency: those whose home was demolished choose first
            order = np.concatenate([order[urgent[order]], order[~urgent[order]]])
        choice = _choose_in_turn(util, vac, order)
        fallback = choice < 0
        if fallback.any():  # nothing affordable: overburdened private rent in a suburb
            suburbs = np.flatnonzero(~self.in_city)
            pick = suburbs[np.argmin(self.price[suburbs])]
            choice[fallback] = pick * 3 + _PRIVATE
        new_zone, new_tenure = zone[choice], tenure[choice]
        vz = self._vacancies()
        # build suburban dwellings where demand exceeded vacancies
        self.stock += np.maximum(self._count(new_zone, new_tenure) - vz, 0)
        self.zone = np.concatenate([self.zone, new_zone])
        self.tenure = np.concatenate([self.tenure, new_tenure])
        self.income = np.concatenate([self.income, incomes])
        self.rent = np.concatenate([self.rent, np.where(new_tenure == _PRIVATE,
                                                        self.price[new_zone], 0.0)])
        self._displaced = int(is_displaced.sum())
        self._displaced_to_suburbs = int((is_displaced & ~self.in_city[new_zone]).sum())
        self._fallback = int(fallback.sum())
        if urgent.any():
            self._demolition_rows.append({"year": np.full(int(urgent.sum()), self.year + 1),
                                          "income": incomes[urgent],
                                          "to_zone": new_zone[urgent],
                                          "to_tenure": new_tenure[urgent]})

    def run(self, n_years: int) -> None:
        """Advance the model by ``n_years`` years."""
        for _ in range(int(n_years)):
            self.step()

    # -- outputs ----------------------------------------------------------------
    def _record(self) -> None:
        n_z = len(self.zones)
        low = np.bincount(self.zone[self.income < self.low_cut], minlength=n_z)
        high = np.bincount(self.zone[self.income > self.high_cut], minlength=n_z)
        total = np.bincount(self.zone, minlength=n_z)
        city = self.in_city
        self._rows.append({
            "year": self.year,
            "dissimilarity_city": _low_high_dissimilarity(low[city], high[city]),
            "dissimilarity_metro": _low_high_dissimilarity(low, high),
            "displaced": self._displaced,
            "displaced_to_suburbs": self._displaced_to_suburbs,
            "unaffordable_to_suburbs": self._fallback,
            "households_city": int(total[city].sum()),
            "households_suburbs": int(total[~city].sum()),
            "low_share_city": low[city].sum() / max(total[city].sum(), 1),
            "low_share_suburbs": low[~city].sum() / max(total[~city].sum(), 1),
            "social_stock_city": int(self.stock[city, _SOCIAL].sum()),
            "mean_price_city": float(np.average(self.price[city],
                                                weights=self.stock[city].sum(axis=1))),
        })
        social = np.bincount(self.zone[self.tenure == _SOCIAL], minlength=n_z)
        self._zone_rows.append({
            "households": total, "low_share": low / np.maximum(total, 1),
            "high_share": high / np.maximum(total, 1),
            "social_share": social / np.maximum(total, 1), "price": self.price.copy(),
            "mean_income": np.bincount(self.zone, self.income, n_z) / np.maximum(total, 1),
        })

    @property
    def history(self) -> pd.DataFrame:
        """One row per year: segregation indices, displacement and composition."""
        return pd.DataFrame(self._rows)

    @property
    def zone_history(self) -> pd.DataFrame:
        """One row per zone per year: households, low/high/social shares, price, income."""
        n_years, n_z = len(self._zone_rows), len(self.zones)
        columns = {
            "year": np.repeat([row["year"] for row in self._rows], n_z),
            "zone": np.tile(np.arange(n_z), n_years),
            "ring": np.tile(self.zones.ring.to_numpy(), n_years),
        }
        for name in self._zone_rows[0]:
            columns[name] = np.concatenate([row[name] for row in self._zone_rows])
        return pd.DataFrame(columns)

    @property
    def demolition_moves(self) -> pd.DataFrame:
        """One row per household whose home the restructuring demolished.

        Columns: ``year``, ``income`` (k€/yr), ``income_group`` (:data:`INCOME_GROUPS`:
        bottom, middle or top third of the region's year-0 incomes), ``from_zone``,
        ``to_zone``, ``to_zone_name``, ``to_ring``, ``to_tenure``
        (:data:`DWELLING_TENURES`) and ``destination`` (:data:`DESTINATIONS`). Empty
        (with these columns) while nothing has been demolished.
        """
        if self._demolition_rows:
            cols = {k: np.concatenate([r[k] for r in self._demolition_rows])
                    for k in self._demolition_rows[0]}
        else:
            cols = {"year": np.zeros(0, int), "income": np.zeros(0), "to_zone": np.zeros(0, int),
                    "to_tenure": np.zeros(0, int)}
        from_zone = -1 if self.restructuring_zone is None else self.restructuring_zone
        return moves_table(cols["year"], cols["income"], cols["to_zone"], cols["to_tenure"],
                           from_zone=from_zone, low_cut=self.low_cut, high_cut=self.high_cut)


def moves_table(year: np.ndarray, income: np.ndarray, to_zone: np.ndarray,
                to_tenure: np.ndarray, *, from_zone: int, low_cut: float,
                high_cut: float) -> pd.DataFrame:
    """The table of :attr:`ParadoxModel.demolition_moves` from its four recorded arrays.

    ``low_cut`` and ``high_cut`` are the model's income thresholds (its bottom and top
    third in year 0); ``from_zone`` the demolished zone (``-1``: none).

    >>> t = moves_table(np.array([4]), np.array([12.0]), np.array([19]), np.array([1]),
    ...                 from_zone=3, low_cut=20.0, high_cut=40.0)
    >>> t[["income_group", "to_ring", "to_tenure", "destination"]].iloc[0].tolist()
    ['low', 'suburb', 'private_rent', 'suburb']
    """
    zones = _default_zones()
    names, rings = zones.name.to_numpy(), zones.ring.to_numpy()
    in_city = zones.in_city.to_numpy()
    income, to_zone = np.asarray(income, float), np.asarray(to_zone).astype(int)
    group = np.where(income < low_cut, 0, np.where(income > high_cut, 2, 1))
    where = np.where(to_zone == from_zone, 0, np.where(in_city[to_zone], 1, 2))
    return pd.DataFrame({
        "year": np.asarray(year).astype(int), "income": income,
        "income_group": pd.Categorical(np.asarray(INCOME_GROUPS)[group],
                                       categories=INCOME_GROUPS),
        "from_zone": np.full(income.size, from_zone), "to_zone": to_zone,
        "to_zone_name": names[to_zone], "to_ring": rings[to_zone],
        "to_tenure": pd.Categorical(np.asarray(DWELLING_TENURES)[np.asarray(to_tenure)
                                                                  .astype(int)],
                                    categories=DWELLING_TENURES),
        "destination": pd.Categorical(np.asarray(DESTINATIONS)[where],
                                      categories=DESTINATIONS),
    })


def city_zone_names() -> list[str]:
    """The names of the model city's zones (centre, inner and outer rings), in order.

    >>> city_zone_names()[:3]
    ['centre-1', 'centre-2', 'inner-1']
    """
    z = _default_zones()
    return z.name[z.in_city].tolist()


class RestructuringRun:
    """A restructured run next to the same run without restructuring.

    Made by :func:`run_restructuring`. Attributes: ``zone`` (name), ``homes``
    (demolished), ``year`` (of the demolition), ``baseline`` and ``history`` (the
    yearly :attr:`ParadoxModel.history` without and with it), ``zone_history`` and
    ``baseline_zones`` (:attr:`ParadoxModel.zone_history` with and without it),
    ``moves`` (:attr:`ParadoxModel.demolition_moves`).
    """

    def __init__(self, zone: str, homes: int, year: int, baseline: pd.DataFrame,
                 history: pd.DataFrame, zone_history: pd.DataFrame,
                 moves: pd.DataFrame, baseline_zones: pd.DataFrame) -> None:
        self.zone, self.homes, self.year = zone, homes, year
        self.baseline, self.history = baseline, history
        self.zone_history, self.moves = zone_history, moves
        self.baseline_zones = baseline_zones

    def destinations(self) -> pd.DataFrame:
        """Households displaced by demolition: income group (rows) × destination (columns).

        >>> r = run_restructuring("inner-2", 60, seed=0, scale=0.3, years=6, year=2)
        >>> list(r.destinations().columns) == list(DESTINATIONS)
        True
        """
        return pd.crosstab(self.moves.income_group, self.moves.destination,
                           dropna=False).reindex(index=list(INCOME_GROUPS),
                                                 columns=list(DESTINATIONS), fill_value=0)

    def summary(self) -> dict[str, float]:
        """The numbers of one restructuring, against the same run without it.

        Keys: ``demolished``, ``displaced`` (households), ``same_zone``,
        ``other_city_zone``, ``suburb`` (how many of them went there), the city and
        metro D in the year before the demolition, the year of it and the final year,
        with and without (``d_city_before``, ``d_city_year``, ``d_city_year_base``,
        ``d_city_final``, ``d_city_final_base``, and the same for ``d_metro``), and the
        low-income share of the restructured zone itself (``zone_low_before``,
        ``zone_low_year``, ``zone_low_year_base``, ``zone_low_final``,
        ``zone_low_final_base``).

        >>> s = run_restructuring("inner-2", 60, seed=0, scale=0.3, years=6, year=2).summary()
        >>> s["displaced"] == s["same_zone"] + s["other_city_zone"] + s["suburb"]
        True
        """
        h, b = self.history.set_index("year"), self.baseline.set_index("year")
        counts = self.moves.destination.value_counts()
        out: dict[str, float] = {"demolished": self.homes, "displaced": len(self.moves),
                                 **{d: int(counts.get(d, 0)) for d in DESTINATIONS}}
        for col, key in (("dissimilarity_city", "d_city"), ("dissimilarity_metro", "d_metro")):
            out[f"{key}_before"] = float(h.loc[self.year - 1, col])
            out[f"{key}_year"] = float(h.loc[self.year, col])
            out[f"{key}_year_base"] = float(b.loc[self.year, col])
            out[f"{key}_final"] = float(h[col].iloc[-1])
            out[f"{key}_final_base"] = float(b[col].iloc[-1])
        zone = city_zone_names().index(self.zone)  # city zones come first, in order
        last = int(h.index.max())
        for frame, suffix in ((self.zone_history, ""), (self.baseline_zones, "_base")):
            low = frame.loc[frame.zone == zone].set_index("year").low_share
            if not suffix:
                out["zone_low_before"] = float(low.loc[self.year - 1])
            out[f"zone_low_year{suffix}"] = float(low.loc[self.year])
            out[f"zone_low_final{suffix}"] = float(low.loc[last])
        return out


@functools.lru_cache(maxsize=32)
def _snapshot(seed: int, scale: float, year: int, policy: tuple) -> ParadoxModel:
    """The model without restructuring, run to the year before the demolition."""
    model = ParadoxModel(seed=seed, scale=scale, **dict(policy))
    model.run(year - 1)
    return model


@functools.lru_cache(maxsize=32)
def _baseline(seed: int, scale: float, year: int, years: int,
              policy: tuple) -> tuple[pd.DataFrame, pd.DataFrame]:
    model = copy.deepcopy(_snapshot(seed, scale, year, policy))
    model.run(years - model.year)
    return model.history, model.zone_history


@functools.lru_cache(maxsize=256)
def _restructured(zone: str, homes: int, seed: int, scale: float, year: int, years: int,
                  policy: tuple) -> RestructuringRun:
    model = copy.deepcopy(_snapshot(seed, scale, year, policy))
    model.schedule_restructuring(zone, homes, year)
    model.run(years - model.year)
    baseline, baseline_zones = _baseline(seed, scale, year, years, policy)
    return RestructuringRun(zone, model.demolished_homes, year, baseline, model.history,
                            model.zone_history, model.demolition_moves, baseline_zones)


def run_restructuring(zone: str = "inner-2", homes: int = 100, *, seed: int = 0,
                      scale: float = 0.5, years: int = 15, year: int = 5,
                      **policy: float) -> RestructuringRun:
    """Run the model with a restructuring and, next to it, the same run without it.

    Both runs share everything up to the year before the demolition (one run is made
    to that year and copied, so a new lever setting only runs the years after it);
    runs are cached. ``policy`` passes other :class:`ParadoxModel` parameters (the same
    for both runs). The result is the same as that of a :class:`ParadoxModel` given the
    restructuring parameters from the start.

    Examples
    --------
    >>> r = run_restructuring("outer-1", 40, seed=1, scale=0.3, years=6, year=3)
    >>> r.homes, int(r.history.year.max()), len(r.baseline)
    (40, 6, 7)
    >>> run_restructuring("inner-2", 10, years=4, year=5)
    Traceback (most recent call last):
    ...
    ValueError: year 5 must lie between 1 and years (4).
    """
    if int(years) != years or int(year) != year or not 1 <= year <= years:
        raise ValueError(f"year {year!r} must lie between 1 and years ({years!r}).")
    if zone not in city_zone_names():
        raise ValueError(f"unknown zone {zone!r}; the city zones are {city_zone_names()}")
    if int(homes) != homes or homes < 0:
        raise ValueError(f"homes must be a whole number ≥ 0; got {homes!r}.")
    bad = {"seed", "scale", "restructuring_zone", "restructuring_homes",
           "restructuring_year"} & set(policy)
    if bad:
        raise ValueError(f"pass {sorted(bad)} as arguments of run_restructuring, not as policy")
    return _restructured(zone, int(homes), int(seed), float(scale), int(year), int(years),
                         tuple(sorted(policy.items())))


#: The run of chapter 4 (its explorer, tables and exercises): half the default city
#: (about 6 350 dwellings), demolition in year 4, twelve years.
RESTRUCTURING_RUN: dict[str, float] = {"scale": 0.5, "years": 12, "year": 4}
#: The homes chapter 4's explorer can demolish: 0 to 140 by 10 (140 is about an inner
#: zone's social stock in that run).
RESTRUCTURING_HOMES: tuple[int, ...] = tuple(range(0, 141, 10))
#: The restructurings chapter 4 compares: label -> (zone, social homes demolished).
#: 120 homes is most of an inner or outer zone's social stock at this scale.
RESTRUCTURING_SETTINGS: dict[str, tuple[str, int]] = {
    "inner-2, 60": ("inner-2", 60), "inner-2, 120": ("inner-2", 120),
    "outer-3, 60": ("outer-3", 60), "outer-3, 120": ("outer-3", 120),
}
#: The seeds chapter 4 averages over.
RESTRUCTURING_SEEDS: tuple[int, ...] = (0, 1, 2, 3, 4)

#: The columns of :func:`restructuring_effects`: the effect is "with minus without".
EFFECTS: tuple[str, ...] = ("displaced", "share_to_suburbs", "zone_low_change_year",
                            "d_city_change_year", "d_metro_change_year",
                            "d_city_change_final", "d_metro_change_final")

i18n.register({
    "restr4.col.setting": {"en": "Zone, homes demolished", "nl": "Zone, gesloopte woningen"},
    "restr4.col.displaced": {"en": "Households displaced", "nl": "Verdreven huishoudens"},
    "restr4.col.share_to_suburbs": {"en": "Share to suburbs", "nl": "Aandeel naar randgemeenten"},
    "restr4.col.zone_low_change_year": {"en": "Zone low-income share, change",
                                        "nl": "Aandeel lage inkomens zone, verandering"},
    "restr4.col.d_city_change_year": {"en": "D city, change (year of demolition)",
                                      "nl": "D stad, verandering (jaar van sloop)"},
    "restr4.col.d_metro_change_year": {"en": "D region, change (year of demolition)",
                                       "nl": "D regio, verandering (jaar van sloop)"},
    "restr4.col.d_city_change_final": {"en": "D city, change (last year)",
                                       "nl": "D stad, verandering (laatste jaar)"},
    "restr4.col.d_metro_change_final": {"en": "D region, change (last year)",
                                        "nl": "D regio, verandering (laatste jaar)"},
})


def label_effects(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`restructuring_effects` with its columns named for learners (current language).

    >>> t = pd.DataFrame({"setting": ["a"], **{c: [0.0] for c in EFFECTS}})
    >>> label_effects(t).columns[1]
    'Households displaced'
    """
    table = table.reset_index() if "setting" not in table.columns else table
    missing = [c for c in ("setting", *EFFECTS) if c not in table.columns]
    if missing:
        raise ValueError(f"table lacks {missing}: use restructuring_effects().")
    return table.rename(columns={c: i18n.t(f"restr4.col.{c}") for c in ("setting", *EFFECTS)})


def restructuring_effects(settings: dict[str, tuple[str, int]] | None = None, *,
                          seeds: tuple[int, ...] = RESTRUCTURING_SEEDS,
                          **run: float) -> pd.DataFrame:
    """Mean effects of several restructurings over ``seeds``: one row per named setting.

    ``settings`` maps a label to ``(zone, homes)`` (default
    :data:`RESTRUCTURING_SETTINGS`); ``run`` passes ``scale``, ``years``, ``year`` and
    policy to :func:`run_restructuring` (default :data:`RESTRUCTURING_RUN`). Columns
    (:data:`EFFECTS`): ``displaced`` (households), ``share_to_suburbs`` (of them), and
    the change, with minus without restructuring, of the restructured zone's
    low-income share and of the city and regional D in the year of the demolition and in
    the final year.

    >>> t = restructuring_effects({"a": ("inner-1", 30)}, seeds=(0,), scale=0.3, years=4,
    ...                           year=2)
    >>> t.columns.tolist() == ["setting", *EFFECTS]
    True
    """
    if not seeds:
        raise ValueError("seeds must name at least one seed, e.g. (0, 1, 2).")
    settings = RESTRUCTURING_SETTINGS if settings is None else settings
    run = run or dict(RESTRUCTURING_RUN)
    rows = []
    for label, (zone, homes) in settings.items():
        values = []
        for seed in seeds:
            s = run_restructuring(zone, homes, seed=seed, **run).summary()
            values.append([s["displaced"], s["suburb"] / max(s["displaced"], 1),
                           s["zone_low_year"] - s["zone_low_year_base"],
                           s["d_city_year"] - s["d_city_year_base"],
                           s["d_metro_year"] - s["d_metro_year_base"],
                           s["d_city_final"] - s["d_city_final_base"],
                           s["d_metro_final"] - s["d_metro_final_base"]])
        rows.append({"setting": label, **dict(zip(EFFECTS, np.mean(values, axis=0),
                                                  strict=True))})
    return pd.DataFrame(rows)
