"""The six steps together: from a seed to the tables as they are written to disk.

:func:`build_city` runs the steps, each with its own random stream, and converts the
simulation's indices and integer codes to the codes and names of the published
tables; it returns them with the geography (the polygons are written as GeoJSON).
:func:`generate` returns only the tables.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from wijkwijs.havenstad.constants import (
    BACKGROUNDS,
    FIRST_YEAR,
    HOUSEHOLD_TYPES,
    LIFESTYLES,
    MOVE_REASONS,
    SEED,
    TENURES,
)
from wijkwijs.havenstad.generate.calibration import calibration_table
from wijkwijs.havenstad.generate.geography import Geography, build_geography
from wijkwijs.havenstad.generate.households import Households, simulate_households
from wijkwijs.havenstad.generate.housing import build_housing_stock
from wijkwijs.havenstad.generate.incomes import national_percentiles
from wijkwijs.havenstad.generate.organisations import build_organisations, build_referrals
from wijkwijs.havenstad.generate.statistics import build_statistics
from wijkwijs.havenstad.generate.ties import build_participation, build_ties

#: The random streams, one per step: changing a step leaves the others alone.
STREAMS: tuple[str, ...] = ("geography", "housing", "households", "organisations",
                            "participation", "referrals", "ties", "statistics")


def streams(seed: int = SEED) -> dict[str, np.random.Generator]:
    """One independent random stream per step (see :data:`STREAMS`), from ``seed``.

    >>> sorted(streams(1)) == sorted(STREAMS)
    True
    """
    spawned = np.random.SeedSequence(seed).spawn(len(STREAMS))
    return dict(zip(STREAMS, (np.random.default_rng(s) for s in spawned), strict=True))


@dataclass(frozen=True)
class GeneratedCity:
    """The published tables (name -> DataFrame) and the geography they were made on."""

    tables: dict[str, pd.DataFrame]
    geography: Geography


def _households(hh: Households) -> pd.DataFrame:
    static = hh.static
    return pd.DataFrame({
        "household_id": static["household_id"],
        "first_year": np.maximum(static["first_year"], FIRST_YEAR),
        "last_year": static["last_year"],
        "household_type": np.asarray(HOUSEHOLD_TYPES)[static["hh_type"]],
        "persons": static["persons"], "children": static["n_children"],
        "head_birth_year": (FIRST_YEAR - np.floor(static["age0"])).astype(np.int64),
        "background": np.asarray(BACKGROUNDS)[static["background"]],
        "lifestyle": np.asarray(LIFESTYLES)[static["lifestyle"]],
    })


def _household_years(hh: Households, code: np.ndarray) -> pd.DataFrame:
    panel = hh.panel
    pct = national_percentiles(panel["income"].to_numpy(), panel["year"].to_numpy())
    return pd.DataFrame({
        "household_id": panel["household_id"], "year": panel["year"],
        "buurt_code": code[panel["buurt"]], "tenure": np.asarray(TENURES)[panel["tenure"]],
        "income": panel["income"], "national_percentile": pct,
    }).sort_values(["year", "household_id"], kind="stable").reset_index(drop=True)


def _moves(hh: Households, code: np.ndarray) -> pd.DataFrame:
    moves = hh.moves
    return pd.DataFrame({
        "household_id": moves["household_id"], "year": moves["year"],
        "from_buurt": code[moves["from_buurt"]], "to_buurt": code[moves["to_buurt"]],
        "reason": np.asarray(MOVE_REASONS)[moves["reason"]],
        "from_tenure": np.asarray(TENURES)[moves["from_tenure"]],
        "to_tenure": np.asarray(TENURES)[moves["to_tenure"]],
    }).sort_values(["year", "household_id"], kind="stable").reset_index(drop=True)


def _dwellings(hh: Households, code: np.ndarray) -> pd.DataFrame:
    dwellings = hh.dwellings.assign(buurt_code=code[hh.dwellings["buurt"]]).drop(
        columns="buurt")
    dwellings = dwellings[["buurt_code", "year", *[c for c in dwellings.columns
                                                   if c not in ("buurt_code", "year")]]]
    return dwellings.sort_values(["buurt_code", "year"], kind="stable").reset_index(drop=True)


def _organisations(orgs: pd.DataFrame, code: np.ndarray) -> pd.DataFrame:
    organisations = orgs.assign(buurt_code=code[orgs["buurt"]])
    organisations["closed"] = organisations["closed"].where(organisations["closed"] > 0)
    organisations["predecessor_id"] = organisations["predecessor_id"].where(
        organisations["predecessor_id"] >= 0)
    organisations = organisations[[
        "organisation_id", "name", "type", "buurt_code", "x", "y", "founded", "closed",
        "funding", "staff_turnover", "orientation", "meeting_place", "referral",
        "explains_government_info", "predecessor_id", "note"]]
    organisations["closed"] = organisations["closed"].astype("Int64")
    organisations["predecessor_id"] = organisations["predecessor_id"].astype("Int64")
    for c in ("meeting_place", "referral", "explains_government_info"):
        organisations[c] = organisations[c].astype(bool)
    return organisations


def _ties(ties: pd.DataFrame, code: np.ndarray) -> pd.DataFrame:
    ties = ties.assign(buurt_code=code[ties["buurt"]]).drop(columns="buurt")
    return ties[["year", "buurt_code", "household_a", "household_b", "distance_m",
                 "shared_organisations", "shared_bridging"]]


def build_city(seed: int = SEED) -> GeneratedCity:
    """Run all six steps; return the tables as written to disk and the geography.

    Deterministic: the same seed gives the same tables.
    """
    rng = streams(seed)
    geo = build_geography(rng["geography"])
    stock = build_housing_stock(geo, rng["housing"])
    hh = simulate_households(geo, stock, rng["households"])
    orgs = build_organisations(geo, rng["organisations"])
    participation = build_participation(geo, hh, orgs, rng["participation"])
    referrals = build_referrals(geo, orgs, rng["referrals"])
    ties = build_ties(geo, hh, orgs, participation, rng["ties"])
    stats = build_statistics(geo, hh, rng["statistics"])
    code = geo.buurten["code"].to_numpy()
    tables = {"neighbourhoods": geo.buurten.drop(columns=["kind"]).copy(),
              "households": _households(hh), "household_years": _household_years(hh, code),
              "moves": _moves(hh, code), "dwellings": _dwellings(hh, code),
              "organisations": _organisations(orgs, code), "participation": participation,
              "referrals": referrals, "ties": _ties(ties, code), "statistics": stats}
    tables["calibration"] = calibration_table(tables)
    return GeneratedCity(tables=tables, geography=geo)


def generate(seed: int = SEED) -> dict[str, pd.DataFrame]:
    """Run all six steps and return the tables as written to disk (codes, not indices).

    Deterministic: the same seed gives the same tables. Only DataFrames: the polygons
    are in :func:`build_city`'s result.
    """
    return build_city(seed).tables
