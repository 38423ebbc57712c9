"""Step 6 of the generator: what CBS would publish per buurt, wijk and gemeente.

The statistics are aggregated from the household panel like the CBS *Kerncijfers
Wijken en Buurten*: households by national income group, mean income, tenure shares,
population by age and background, the share that moved in. Buurten also get a
Leefbaarometer-like liveability score in five dimensions (:mod:`.liveability`).

>>> sorted(_LEVEL_ORDER, key=_LEVEL_ORDER.get)
['buurt', 'wijk', 'gemeente']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from wijkwijs.havenstad.constants import BACKGROUNDS, FIRST_YEAR, TENURES
from wijkwijs.havenstad.generate.codes import BACKGROUND_CODE, COUPLE, COUPLE_WITH_CHILDREN, SINGLE
from wijkwijs.havenstad.generate.geography import Geography
from wijkwijs.havenstad.generate.households import Households
from wijkwijs.havenstad.generate.incomes import national_percentiles
from wijkwijs.havenstad.generate.liveability import add_liveability

_AGE_GROUPS = ("pct_age_15_24", "pct_age_25_44", "pct_age_45_64", "pct_age_65_plus")
_LEVEL_ORDER = {"buurt": 0, "wijk": 1, "gemeente": 2}


def _children_ages(age_head: np.ndarray, n_children: np.ndarray) -> list[np.ndarray]:
    """Ages of the children (k = 0, 1, 2): head age - 28 - 3k, clipped to 0-17;
    NaN if the household has fewer children. A documented simplification.

    >>> [a.tolist() for a in _children_ages(np.array([40.0]), np.array([2]))]
    [[12.0], [9.0], [nan]]
    """
    return [np.where(n_children > k, np.clip(age_head - 28 - 3 * k, 0, 17), np.nan)
            for k in range(3)]


def _household_rows(hh: Households) -> pd.DataFrame:
    """One row per household and year with what the statistics count."""
    p = hh.panel.merge(hh.static[["household_id", "age0", "hh_type", "n_children", "persons",
                                  "background", "first_year"]], on="household_id")
    pct = national_percentiles(p["income"].to_numpy(), p["year"].to_numpy())
    age = p["age0"].to_numpy() + (p["year"].to_numpy() - FIRST_YEAR)
    adults = np.where(np.isin(p["hh_type"].to_numpy(), (COUPLE, COUPLE_WITH_CHILDREN)), 2, 1)
    kids = _children_ages(age, p["n_children"].to_numpy())
    group = np.digitize(age, [25, 45, 65])  # age group of the adults: 1..3 (15-24 = 0)
    cols = {"population": p["persons"].to_numpy().astype(float)}
    for k, label in enumerate(_AGE_GROUPS):
        cols[label] = adults * (group == k)
    cols["pct_age_0_14"] = sum((np.nan_to_num(c, nan=99) < 15).astype(float) for c in kids)
    cols["pct_age_15_24"] = cols["pct_age_15_24"] + sum(
        ((np.nan_to_num(c, nan=-1) >= 15)).astype(float) for c in kids)
    moved = hh.moves[["household_id", "year"]].assign(moved=1)
    p = p.merge(moved, on=["household_id", "year"], how="left")
    persons, background = p["persons"].to_numpy(), p["background"].to_numpy()
    return pd.DataFrame({
        "buurt": p["buurt"].to_numpy(), "year": p["year"].to_numpy(), "households": 1,
        "hh_low_income": (pct < 40).astype(int), "hh_high_income": (pct >= 80).astype(int),
        "hh_bottom_10": (pct < 10).astype(int), "income": p["income"].to_numpy(),
        "single_person": (p["hh_type"].to_numpy() == SINGLE).astype(int),
        "moved_in": ((p["moved"].fillna(0).to_numpy() > 0)
                     | (p["first_year"].to_numpy() == p["year"].to_numpy())).astype(int),
        **cols,
        **{f"bg_{name}": persons * (background == BACKGROUND_CODE[name]) for name in BACKGROUNDS},
    })


def _aggregate(frame: pd.DataFrame, dw: pd.DataFrame, unit: np.ndarray,
               level: str) -> pd.DataFrame:
    """The statistics of every unit (buurt, wijk or gemeente; ``unit`` per buurt)."""
    f = frame.assign(code=unit[frame["buurt"].to_numpy()]).drop(columns="buurt")
    g = f.groupby(["code", "year"], sort=True).sum()
    d = dw.assign(code=unit[dw["buurt"].to_numpy()]).drop(columns="buurt").groupby(
        ["code", "year"], sort=True).sum()
    out = pd.DataFrame(index=g.index)
    out["level"] = level
    out["households"] = g["households"]
    out["population"] = g["population"].astype(np.int64)
    out["mean_income"] = (g["income"] / g["households"] / 1000).round(1)
    for c in ("hh_low_income", "hh_high_income", "hh_bottom_10"):
        out[c] = g[c]
    out["pct_low_income"] = (100 * g["hh_low_income"] / g["households"]).round(1)
    out["pct_high_income"] = (100 * g["hh_high_income"] / g["households"]).round(1)
    out["pct_bottom_10"] = (100 * g["hh_bottom_10"] / g["households"]).round(1)
    out["pct_single_person"] = (100 * g["single_person"] / g["households"]).round(1)
    out["pct_moved_in"] = (100 * g["moved_in"] / g["households"]).round(1)
    for t in TENURES:
        out[f"pct_{t}"] = (100 * d[t] / d["total"]).reindex(g.index).round(1)
    out["dwellings"] = d["total"].reindex(g.index)
    pop = g["population"]
    for c in ("pct_age_0_14", *_AGE_GROUPS):
        out[c] = (100 * g[c] / pop).round(1)
    for c in BACKGROUNDS:
        out[f"pct_background_{c}"] = (100 * g[f"bg_{c}"] / pop).round(1)
    return out.reset_index()


def build_statistics(geo: Geography, hh: Households, rng: np.random.Generator) -> pd.DataFrame:
    """Step 6: per buurt, wijk and gemeente and year, what CBS would publish.

    Household counts by national income group (bottom 40 % = "low income", top 20 % =
    "high income", bottom 10 %), mean standardised income, tenure shares of the
    dwelling stock, population by age and background, the share of households that
    moved in during the year, and - for buurten - registered incidents and a
    Leefbaarometer-like liveability score in five dimensions on a fixed scale, with a
    class 1-9 by fixed bounds (:func:`~.liveability.add_liveability`; ``rng`` draws the
    incidents).
    """
    b = geo.buurten
    frame = _household_rows(hh)
    stats = pd.concat([_aggregate(frame, hh.dwellings, b[key].to_numpy(), level)
                       for level, key in (("buurt", "code"), ("wijk", "wijk_code"),
                                          ("gemeente", "gemeente_code"))],
                      ignore_index=True)
    names = {**dict(zip(b["code"], b["name"], strict=True)),
             **dict(zip(b["wijk_code"], b["wijk_name"], strict=True)),
             **dict(zip(b["gemeente_code"], b["gemeente_name"], strict=True))}
    stats.insert(1, "name", stats["code"].map(names))
    gm = stats["code"].str[2:6].radd("GM")
    stats.insert(3, "gemeente_code", gm)
    stats = add_liveability(stats, b, rng)
    return stats.sort_values(["level", "code", "year"], key=lambda s: s.map(
        _LEVEL_ORDER) if s.name == "level" else s, kind="stable").reset_index(drop=True)
