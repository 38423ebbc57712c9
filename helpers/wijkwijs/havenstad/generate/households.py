"""Step 3 of the generator: households sorted into dwellings each year 2011-2022.

In the unpublished burn-in year 2010 (``BURN_IN_YEAR``) everybody searches; every
later year, 2011 included, the housing policy acts, households
leave, move by choice or are forced out (rent increase, demolition, sale), newcomers
arrive, and all searchers are given a vacant dwelling by the noisy rank matching of
:mod:`.allocation`. Households and dwellings live in :class:`GrowableArray` columns,
so the city can grow without a size limit.

>>> buffer = GrowableArray(np.zeros(2))
>>> buffer.extend([1.0, 2.0, 3.0])
>>> buffer.values.tolist()
[0.0, 0.0, 1.0, 2.0, 3.0]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from wijkwijs.havenstad.constants import (
    BURN_IN_YEAR,
    CITY_CODE,
    FIRST_YEAR,
    LAST_YEAR,
    TENURES,
    YEARS,
)
from wijkwijs.havenstad.generate.allocation import allocate, new_households
from wijkwijs.havenstad.generate.codes import (
    CHOICE,
    DEMOLITION,
    OWNER,
    PRIVATE,
    RENT_INCREASE,
    SALE,
    SOCIAL,
)
from wijkwijs.havenstad.generate.geography import Geography
from wijkwijs.havenstad.generate.housing import HousingStock, social_sale_probability
from wijkwijs.havenstad.generate.incomes import (
    HIGH_INCOME_SCORE,
    LOW_INCOME_SCORE,
    income_from_score,
)
from wijkwijs.havenstad.generate.scenario import (
    DEMOLISHED_HOMES,
    DISPLACEMENT_FROM,
    DISPLACEMENT_SUBURB,
    GENTRIFYING,
    MIDDLE_RESERVED,
    RESTRUCTURING,
    RESTRUCTURING_YEAR,
    SUBURB_P_FORCED,
    SUBURB_P_OTHER,
)

#: The yearly flows of the dwelling stock, per buurt (columns of ``dwellings``).
FLOWS: tuple[str, ...] = ("built", "demolished", "social_sold", "social_liberalised",
                          "private_sold")
_BUILT, _DEMOLISHED, _SOCIAL_SOLD, _LIBERALISED, _PRIVATE_SOLD = range(len(FLOWS))
#: Share of dwellings that stand empty (between tenants): drawn each year from a normal
#: distribution with this mean and sd (clipped to 1.5-3.5 %), so that the number of
#: households changes from year to year even when the stock does not.
VACANCY_MEAN, VACANCY_SD = 0.025, 0.003
#: Household attributes and their dtypes (the columns of ``Households.static``).
_ATTRIBUTES = {"z_perm": np.float64, "age0": np.float64, "hh_type": np.int64,
               "n_children": np.int64, "persons": np.int64, "background": np.int64,
               "lifestyle": np.int64, "first_year": np.int64}


class GrowableArray:
    """A one-dimensional numpy array that grows at the end, without a size limit.

    The buffer doubles when full, so ``extend`` costs amortised O(1) per element.
    :attr:`values` is a view of the filled part: writing to it changes the array,
    but a view taken before an ``extend`` may not see later writes.

    >>> a = GrowableArray(dtype=np.int64)
    >>> for k in range(5):
    ...     a.extend(np.full(1000, k))
    >>> len(a), int(a.values[-1])
    (5000, 4)
    """

    def __init__(self, values=(), dtype=None) -> None:
        first = np.asarray(values, dtype=dtype)
        self._data = np.empty(max(16, 2 * len(first)), dtype=first.dtype)
        self._data[: len(first)] = first
        self._size = len(first)

    def __len__(self) -> int:
        return self._size

    @property
    def values(self) -> np.ndarray:
        """The filled part of the buffer (a view)."""
        return self._data[: self._size]

    def extend(self, values) -> None:
        """Append ``values`` (converted to the array's dtype)."""
        values = np.asarray(values, dtype=self._data.dtype)
        end = self._size + len(values)
        if end > len(self._data):
            grown = np.empty(max(end, 2 * len(self._data)), dtype=self._data.dtype)
            grown[: self._size] = self._data[: self._size]
            self._data = grown
        self._data[self._size: end] = values
        self._size = end


@dataclass
class Households:
    """Step 3 result."""

    static: pd.DataFrame
    panel: pd.DataFrame
    moves: pd.DataFrame
    dwellings: pd.DataFrame


class _Simulation:
    """The state of the simulation: dwellings, households and what was recorded."""

    def __init__(self, geo: Geography, stock: HousingStock, rng: np.random.Generator):
        b = geo.buurten
        self.geo, self.stock, self.rng = geo, stock, rng
        self.n_b = len(b)
        self.gentrifying = b["name"].isin(GENTRIFYING).to_numpy()
        self.restructuring = int(np.flatnonzero(b["name"].to_numpy() == RESTRUCTURING)[0])
        self.in_city = (b["gemeente_code"] == CITY_CODE).to_numpy()
        self.in_suburb = (b["gemeente_code"] == DISPLACEMENT_SUBURB).to_numpy()
        self.post_war = (b["kind"] == "P").to_numpy()
        # dwellings
        self.buurt = GrowableArray(stock.buurt)
        self.tenure = GrowableArray(stock.tenure)
        self.quality = GrowableArray(stock.quality)
        self.alive = GrowableArray(np.ones(len(stock.buurt), dtype=bool))
        self.occupant = GrowableArray(np.full(len(stock.buurt), -1))
        # households
        self.attrs = {k: GrowableArray(dtype=t) for k, t in _ATTRIBUTES.items()}
        self.transitory = GrowableArray(dtype=np.float64)
        self.exited: dict[int, int] = {}
        # records
        self.panel_parts: list[pd.DataFrame] = []
        self.move_parts: list[pd.DataFrame] = []
        self.stock_rows: list[tuple[int, np.ndarray]] = []
        self.flow_rows: list[tuple[int, np.ndarray]] = []

    def dwellings(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Buurt, tenure, quality and alive of every dwelling (views)."""
        return self.buurt.values, self.tenure.values, self.quality.values, self.alive.values

    def attr(self, key: str) -> np.ndarray:
        return self.attrs[key].values

    def add_households(self, n: int, year: int, initial: bool) -> np.ndarray:
        """Draw ``n`` new households arriving in ``year``; return their ids.

        ``age0`` is stored as the age in 2011 (``FIRST_YEAR``), whatever the year of
        arrival, so that ``age0 + (year - FIRST_YEAR)`` is the age in every year.
        """
        new = new_households(n, self.rng, initial, year)
        new["age0"] = new["age0"] - (year - FIRST_YEAR)
        start = len(self.transitory)
        for key, values in new.items():
            self.attrs[key].extend(values)
        self.attrs["first_year"].extend(np.full(n, year))
        self.transitory.extend(np.zeros(n))
        return np.arange(start, start + n)

    def add_dwellings(self, buurt: int, tenure: int, quality: np.ndarray) -> None:
        n = len(quality)
        self.buurt.extend(np.full(n, buurt))
        self.tenure.extend(np.full(n, tenure))
        self.quality.extend(quality)
        self.alive.extend(np.ones(n, dtype=bool))
        self.occupant.extend(np.full(n, -1))

    def income_score(self, ids: np.ndarray) -> np.ndarray:
        """Permanent plus transitory national income score of households ``ids``."""
        return self.attr("z_perm")[ids] + self.transitory.values[ids]

    def record(self, year: int, flows: np.ndarray) -> None:
        """Store the panel (who lives where), the stock and the flows of ``year``."""
        db, dt, _, alive = self.dwellings()
        occupant = self.occupant.values
        occ = np.flatnonzero(occupant >= 0)
        ids = occupant[occ]
        # the burn-in year is priced like 2011 (its records are not published)
        income = np.round(income_from_score(self.income_score(ids), max(year, FIRST_YEAR)), -2)
        self.panel_parts.append(pd.DataFrame({
            "household_id": ids, "year": year, "buurt": db[occ], "tenure": dt[occ],
            "income": income.astype(np.int64),
        }))
        counts = np.zeros((self.n_b, len(TENURES)), dtype=np.int64)
        np.add.at(counts, (db[alive], dt[alive]), 1)
        self.stock_rows.append((year, counts))
        self.flow_rows.append((year, flows))

    def vacancy(self) -> float:
        """This year's share of empty dwellings (see :data:`VACANCY_MEAN`)."""
        return float(np.clip(self.rng.normal(VACANCY_MEAN, VACANCY_SD), 0.015, 0.035))

    def start(self) -> None:
        """The burn-in year (2010): everybody is a searcher, on 2011's market."""
        db, dt, dq, _ = self.dwellings()
        price = self.stock.price_level[db, 0] + dq
        n0 = round((1 - self.vacancy()) * len(db))
        hh = self.add_households(n0, BURN_IN_YEAR, initial=True)
        home = allocate(self.attr("z_perm"), self.attr("age0") - 1, np.zeros(n0, bool),
                        np.arange(len(db)), dt, price, FIRST_YEAR, self.rng)
        self.occupant.values[home] = hh
        self.record(BURN_IN_YEAR, np.zeros((self.n_b, len(FLOWS)), dtype=np.int64))

    def evict(self, d: int, code: int, reason: dict, old_home: dict) -> None:
        """The occupant of dwelling ``d`` (if any) must move, for reason ``code``."""
        occupant = self.occupant.values
        if occupant[d] >= 0:
            reason[int(occupant[d])] = code
            old_home[int(occupant[d])] = d
            occupant[d] = -1

    def policy(self, year: int, flows: np.ndarray, reason: dict, old_home: dict) -> None:
        """New construction, demolition and landlords selling (uitponding)."""
        for c_year, i, tenure, count, quality in self.stock.construction:
            if c_year == year:
                self.add_dwellings(i, tenure, self.rng.normal(0, 0.25, count) + quality)
                flows[i, _BUILT] += count
        if year == RESTRUCTURING_YEAR:  # demolition in the restructuring buurt
            db, dt, dq, alive = self.dwellings()
            cand = np.flatnonzero((db == self.restructuring) & (dt == SOCIAL) & alive)
            cand = cand[np.argsort(dq[cand], kind="stable")][:DEMOLISHED_HOMES]
            for d in cand:
                alive[d] = False
                self.evict(d, DEMOLITION, reason, old_home)
            flows[self.restructuring, _DEMOLISHED] += len(cand)
        if year >= 2014:  # landlords sell private rental homes in gentrifying buurten
            db, dt, _, alive = self.dwellings()
            cand = np.flatnonzero(self.gentrifying[db] & (dt == PRIVATE) & alive)
            sold = cand[self.rng.random(len(cand)) < 0.06]
            for d in sold:
                dt[d] = OWNER
                self.evict(d, SALE, reason, old_home)
            np.add.at(flows[:, _PRIVATE_SOLD], db[sold], 1)

    def leave_and_move(self, year: int, reason: dict, old_home: dict) -> None:
        """Households leave the region; the others may move (rent increase, choice)."""
        rng = self.rng
        db, dt, _, _ = self.dwellings()
        occupant = self.occupant.values
        occ = np.flatnonzero(occupant >= 0)
        ids = occupant[occ]
        age = self.attr("age0")[ids] + (year - FIRST_YEAR)
        z_now = self.income_score(ids)
        p_exit = 0.028 + 0.05 * (age > 78) + 0.03 * (age < 30)
        leaving = rng.random(len(ids)) < p_exit
        for h in ids[leaving]:
            self.exited[int(h)] = year - 1
        occupant[occ[leaving]] = -1
        stay = ~leaving
        occ, ids, age, z_now = occ[stay], ids[stay], age[stay], z_now[stay]
        ten = dt[occ]
        p_rent = np.zeros(len(ids))
        if year >= 2014:
            p_rent += np.where(self.gentrifying[db[occ]] & (ten == PRIVATE) & (z_now < 0.2),
                               0.14, 0.0)
        if year >= 2013:
            p_rent += np.where((ten == SOCIAL) & (z_now > 0.3), 0.10, 0.0)
        p_rent += np.where((ten == PRIVATE) & (z_now < -1.0), 0.01, 0.0)
        p_choice = 0.055 + 0.09 * (age < 35) + 0.03 * (ten == PRIVATE)
        r = rng.random(len(ids))
        rent_move = r < p_rent
        choice_move = ~rent_move & (r < p_rent + p_choice)
        for moving, code in ((rent_move, RENT_INCREASE), (choice_move, CHOICE)):
            for h, d in zip(ids[moving], occ[moving], strict=True):
                reason[int(h)] = code
                old_home[int(h)] = d
        occupant[occ[rent_move | choice_move]] = -1

    def sell_social(self, year: int, flows: np.ndarray) -> None:
        """Vacant social dwellings are sold to owner-occupiers or let on the free market."""
        db, dt, _, alive = self.dwellings()
        vac = np.flatnonzero(alive & (self.occupant.values < 0) & (dt == SOCIAL))
        p_sale = social_sale_probability(self.geo, year)[db[vac]]
        r = self.rng.random(len(vac))
        sold = vac[r < p_sale]
        liberalised = vac[(r >= p_sale) & (r < p_sale + 0.02)]
        dt[sold] = OWNER
        dt[liberalised] = PRIVATE
        np.add.at(flows[:, _SOCIAL_SOLD], db[sold], 1)
        np.add.at(flows[:, _LIBERALISED], db[liberalised], 1)

    def search(self, year_i: int, year: int, reason: dict, old_home: dict) -> None:
        """Movers and newcomers (filling the vacancies, 2.5 % stay empty) find homes."""
        rng = self.rng
        db, dt, dq, alive = self.dwellings()
        occupant = self.occupant.values
        movers = np.asarray(sorted(reason), dtype=np.int64)
        vacant = np.flatnonzero(alive & (occupant < 0))
        n_new = max(0, len(vacant) - round(self.vacancy() * int(alive.sum())) - len(movers))
        newcomers = self.add_households(n_new, year, initial=False)
        searchers = np.concatenate([movers, newcomers])
        z_s = self.income_score(searchers)
        age_s = self.attr("age0")[searchers] + (year - FIRST_YEAR)
        urgent = np.isin(searchers, [h for h, c in reason.items() if c == DEMOLITION])
        price = self.stock.price_level[db, year_i] + dq
        new_home = np.empty(len(searchers), dtype=np.int64)
        # displacement: from 2016 low-income households who must move (or arrive) look
        # first in the cheap suburb; they get its vacancies before anybody else
        to_suburb = np.zeros(len(searchers), dtype=bool)
        if year >= DISPLACEMENT_FROM:
            forced = np.isin(searchers, [h for h, c in reason.items() if c != CHOICE])
            p_suburb = np.where(forced, SUBURB_P_FORCED, SUBURB_P_OTHER)
            from_city = np.ones(len(searchers), dtype=bool)
            from_city[: len(movers)] = self.in_city[db[[old_home[int(h)] for h in movers]]]
            to_suburb = ((z_s < LOW_INCOME_SCORE) & from_city
                         & (rng.random(len(searchers)) < p_suburb))
            suburb_vacant = vacant[self.in_suburb[db[vacant]]]
            idx = np.flatnonzero(to_suburb)
            if len(idx) > len(suburb_vacant):
                to_suburb[rng.permutation(idx)[len(suburb_vacant):]] = False
            idx = np.flatnonzero(to_suburb)
            new_home[idx] = allocate(z_s[idx], age_s[idx], urgent[idx], suburb_vacant, dt,
                                     price, year, rng)
            vacant = np.setdiff1d(vacant, new_home[idx])
        # mixing by allocation (Rotterdamwet-like selective allocation, from 2016): a
        # share of the vacant social homes in post-war buurten goes to middle incomes
        placed = to_suburb.copy()
        if year >= DISPLACEMENT_FROM and MIDDLE_RESERVED > 0:
            reserved = vacant[self.post_war[db[vacant]] & (dt[vacant] == SOCIAL)]
            reserved = reserved[rng.random(len(reserved)) < MIDDLE_RESERVED]
            idx = np.flatnonzero(~placed & (z_s >= LOW_INCOME_SCORE) & (z_s < HIGH_INCOME_SCORE))
            idx = rng.permutation(idx)[: len(reserved)]
            reserved = rng.permutation(reserved)[: len(idx)]
            new_home[idx] = reserved  # a random match: it is a lottery among the middle
            placed[idx] = True
            vacant = np.setdiff1d(vacant, reserved)
        rest = np.flatnonzero(~placed)
        new_home[rest] = allocate(z_s[rest], age_s[rest], urgent[rest], vacant, dt, price,
                                  year, rng)
        occupant[new_home] = searchers
        m = len(movers)
        moved = new_home[:m] != np.asarray([old_home[int(h)] for h in movers], dtype=np.int64)
        prev = self.panel_parts[-1].set_index("household_id")
        self.move_parts.append(pd.DataFrame({
            "household_id": movers, "year": year,
            "from_buurt": prev.loc[movers, "buurt"].to_numpy(),
            "to_buurt": db[new_home[:m]],
            "reason": [reason[int(h)] for h in movers],
            "from_tenure": prev.loc[movers, "tenure"].to_numpy(),
            "to_tenure": dt[new_home[:m]],
        })[moved])

    def year(self, year_i: int, year: int) -> None:
        """One simulated year after the burn-in year."""
        flows = np.zeros((self.n_b, len(FLOWS)), dtype=np.int64)
        t = self.transitory.values
        t[:] = 0.7 * t + self.rng.normal(0, 0.18, len(t))
        reason: dict[int, int] = {}  # household -> reason code of its move
        old_home: dict[int, int] = {}  # household -> dwelling it leaves
        self.policy(year, flows, reason, old_home)
        self.leave_and_move(year, reason, old_home)
        self.sell_social(year, flows)
        self.search(year_i, year, reason, old_home)
        self.record(year, flows)

    def result(self) -> Households:
        """The published years only: the burn-in year and the households that left in
        it are dropped, and the households are numbered 0, 1, ... again in order."""
        n_ids = len(self.transitory)
        last_year = np.full(n_ids, LAST_YEAR)
        for h, y in self.exited.items():
            last_year[h] = y
        static = pd.DataFrame({k: v.values.copy() for k, v in self.attrs.items()})
        static["last_year"] = last_year
        kept = np.flatnonzero(last_year >= FIRST_YEAR)
        new_id = np.full(n_ids, -1)
        new_id[kept] = np.arange(len(kept))
        static = static.iloc[kept].reset_index(drop=True)
        static.insert(0, "household_id", np.arange(len(kept)))
        panel = pd.concat(self.panel_parts[1:], ignore_index=True)
        panel["household_id"] = new_id[panel["household_id"].to_numpy()]
        moves = pd.concat(self.move_parts, ignore_index=True)
        moves["household_id"] = new_id[moves["household_id"].to_numpy()]
        dwell = []
        for (year, counts), (_, flows) in zip(self.stock_rows[1:], self.flow_rows[1:],
                                              strict=True):
            frame = pd.DataFrame(counts, columns=list(TENURES))
            frame.insert(0, "buurt", np.arange(self.n_b))
            frame.insert(1, "year", year)
            frame["total"] = counts.sum(axis=1)
            for j, col in enumerate(FLOWS):
                frame[col] = flows[:, j]
            dwell.append(frame)
        return Households(static=static, panel=panel, moves=moves,
                          dwellings=pd.concat(dwell, ignore_index=True))


def simulate_households(geo: Geography, stock: HousingStock,
                        rng: np.random.Generator) -> Households:
    """Step 3: fill the dwellings in the burn-in year 2010 and let households move until
    2022; only 2011-2022 are returned.

    Each year: the housing policy acts (new construction; demolition in the
    restructuring buurt; landlords in gentrifying buurten sell private rental homes,
    whose tenants must leave; vacant social homes are sold or let on), households
    leave the region, some move by choice or because of a rent increase (private
    tenants on low incomes in gentrifying buurten; social tenants with higher
    incomes under the income-dependent rent increase from 2013), newcomers arrive,
    and all searchers are allocated with :func:`~.allocation.allocate`. From
    :data:`~.scenario.DISPLACEMENT_FROM` two steps come first: low-income households
    leaving a city home (and low-income newcomers) look in the displacement suburb first
    (chance :data:`~.scenario.SUBURB_P_FORCED` if forced out,
    :data:`~.scenario.SUBURB_P_OTHER` otherwise), and a share
    :data:`~.scenario.MIDDLE_RESERVED` of the vacant social homes in post-war buurten is
    let by lottery to middle incomes (selective allocation to mix the buurt).
    """
    sim = _Simulation(geo, stock, rng)
    sim.start()
    for year_i, year in enumerate(YEARS):
        sim.year(year_i, year)
    return sim.result()
