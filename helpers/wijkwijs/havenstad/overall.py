"""Havenstad's overall income segregation, city against metropolitan area: the paradox.

Custers describes the *segregation paradox*: gentrification brings richer households
into the city's old working-class buurten, so that in the city rich and poor live
closer together and segregation falls at first, while poorer households are pushed to
the outer districts and the suburbs (*randgemeentes*), so that over the wider region it
rises. The synthetic city Havenstad was built to show it. This module measures it:

* :func:`low_high_trend` — the dissimilarity D of low-income (national bottom 40 %)
  against high-income (national top 20 %) households, over the buurten of the city
  (``GM9901``) and over the buurten of the metropolitan area (the city and its three
  suburbs), per year;
* :func:`suburb_moves` — the moves into the cheap suburb Zuiderpolder
  (:data:`~wijkwijs.havenstad.generate.scenario.DISPLACEMENT_SUBURB`) per year: from the
  city, from anywhere else, and the share of the city's movers with a low income;
* :func:`paradox_summary` — the change of each series from the year displacement
  starts (:data:`~wijkwijs.havenstad.generate.scenario.DISPLACEMENT_FROM`) to the last
  year, and the mean yearly moves from the city to the suburb before and from then on.

Every number is computed from the published files through the loaders and
:mod:`wijkwijs.havenstad.views` (read-only), so nothing here is typed in. Havenstad is
synthetic: these numbers describe no real place.

>>> trend = low_high_trend()
>>> list(trend.columns)
['year', 'D_city', 'D_metro', 'gap']
>>> bool((trend["gap"] == trend["D_metro"] - trend["D_city"]).all())
True
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from wijkwijs import segregation as seg
from wijkwijs._validate import check_choice, check_year
from wijkwijs.havenstad import load
from wijkwijs.havenstad import views as hv
from wijkwijs.havenstad.constants import CITY_CODE, GEMEENTE_CODES, GEMEENTE_NAMES, GROUPS, YEARS
from wijkwijs.havenstad.generate.scenario import DISPLACEMENT_FROM, DISPLACEMENT_SUBURB

__all__ = ["AREAS", "DISPLACEMENT_FROM", "DISPLACEMENT_SUBURB", "SUBURB_NAME", "low_high_trend",
           "paradox_summary", "suburb_moves"]

#: The two areas compared: the city alone and the city with its suburbs.
AREAS = ("city", "metro")
#: The name of the suburb the displaced households go to.
SUBURB_NAME = GEMEENTE_NAMES[DISPLACEMENT_SUBURB]


def _gemeente_of(buurt_codes: pd.Series) -> pd.Series:
    """``BU99040102`` -> ``GM9904``: a Havenstad buurt code starts with its gemeente's digits."""
    return "GM" + buurt_codes.astype(str).str[2:6]


@cache
def _low_high(scale: str) -> pd.DataFrame:
    rows = []
    for year in YEARS:
        row = {"year": year}
        for area in AREAS:
            counts = hv.group_counts(year, scale=scale, area=area)
            row[f"D_{area}"] = seg.dissimilarity_between(counts["low"], counts["high"])
        rows.append(row)
    out = pd.DataFrame(rows)
    out["gap"] = out["D_metro"] - out["D_city"]
    return out


def low_high_trend(*, scale: str = "buurt") -> pd.DataFrame:
    """D of low (bottom 40 %) against high (top 20 %) incomes, city and metro, per year.

    D is that of two disjoint groups (:func:`wijkwijs.segregation.dissimilarity_between`,
    the middle incomes left out): the share of the low-income households that would
    have to move for every unit to have the same low-to-high mix.

    Parameters
    ----------
    scale
        The units: ``"buurt"`` (default) or ``"wijk"``.

    Returns
    -------
    pandas.DataFrame
        ``year``, ``D_city`` (over the units of the city), ``D_metro`` (over the units of
        the city and its three suburbs) and ``gap`` (``D_metro - D_city``).

    Examples
    --------
    >>> trend = low_high_trend()
    >>> trend["year"].tolist() == list(YEARS)
    True
    >>> bool(trend[["D_city", "D_metro"]].stack().between(0, 1).all())
    True
    >>> low_high_trend(scale="gemeente")
    Traceback (most recent call last):
    ...
    ValueError: scale 'gemeente' is unknown; choose one of buurt, wijk.
    """
    check_choice(scale, ("buurt", "wijk"), "scale")
    return _low_high(scale).copy()


@cache
def _moves(suburb: str) -> pd.DataFrame:
    moves = load.havenstad_moves()
    into = moves[(_gemeente_of(moves["to_buurt"]) == suburb)
                 & (_gemeente_of(moves["from_buurt"]) != suburb)]
    from_city = into[_gemeente_of(into["from_buurt"]) == CITY_CODE]
    panel = load.havenstad_household_years()[["household_id", "year", "national_percentile"]]
    movers = from_city.merge(panel, on=["household_id", "year"], how="left")
    low_top = GROUPS["low"][1]
    years = pd.Index(sorted(moves["year"].unique()), name="year")
    out = pd.DataFrame({
        "from_city": from_city.groupby("year").size(),
        "from_elsewhere": into.groupby("year").size() - from_city.groupby("year").size(),
        "low_income_share": movers.groupby("year")["national_percentile"].apply(
            lambda p: float((p <= low_top).mean())),
    }).reindex(years)
    out[["from_city", "from_elsewhere"]] = out[["from_city", "from_elsewhere"]].fillna(0)
    out = out.astype({"from_city": int, "from_elsewhere": int})
    return out.reset_index()


def suburb_moves(suburb: str = DISPLACEMENT_SUBURB) -> pd.DataFrame:
    """Moves into one suburb per year (every year of the moves table), and who made them.

    Parameters
    ----------
    suburb
        A gemeente code of a suburb (default: Zuiderpolder, ``GM9904``, where the
        story displaces low-income households to from 2016).

    Returns
    -------
    pandas.DataFrame
        ``year``; ``from_city`` (moves from a buurt of the city into the suburb);
        ``from_elsewhere`` (from the other suburbs); ``low_income_share`` (the share of
        the city's movers with a national income percentile in the bottom 40 % in the
        year of the move). Moves inside the suburb are not counted.

    Examples
    --------
    >>> moves = suburb_moves()
    >>> bool(moves["year"].is_monotonic_increasing), int(moves["year"].max())
    (True, 2022)
    >>> suburb_moves("GM9901")
    Traceback (most recent call last):
    ...
    ValueError: suburb 'GM9901' is unknown; choose one of GM9902, GM9903, GM9904.
    """
    check_choice(suburb, GEMEENTE_CODES[1:], "suburb")
    return _moves(suburb).copy()


def paradox_summary(start: int = DISPLACEMENT_FROM, end: int = YEARS[-1]) -> pd.Series:
    """The paradox in a few numbers: the change of D from ``start`` to ``end``, and the moves.

    Returns a Series with ``D_city_start``, ``D_city_end``, ``D_metro_start``,
    ``D_metro_end``, ``city_change`` and ``metro_change`` (end minus start, over
    buurten), ``moves_before`` (mean yearly moves from the city to Zuiderpolder in the
    years before ``start``), ``moves_after`` (from ``start`` on), and their ratio
    ``moves_ratio``.

    >>> s = paradox_summary()
    >>> bool(s["city_change"] == s["D_city_end"] - s["D_city_start"])
    True
    >>> paradox_summary(2012, 2011)
    Traceback (most recent call last):
    ...
    ValueError: start (2012) must come before end (2011).
    """
    start = check_year(start, YEARS, allow_none=False)
    end = check_year(end, YEARS, allow_none=False)
    if start >= end:
        raise ValueError(f"start ({start}) must come before end ({end}).")
    trend = _low_high("buurt").set_index("year")
    moves = _moves(DISPLACEMENT_SUBURB).set_index("year")["from_city"]
    before, after = moves[moves.index < start], moves[moves.index >= start]
    out = {
        "D_city_start": trend.loc[start, "D_city"], "D_city_end": trend.loc[end, "D_city"],
        "D_metro_start": trend.loc[start, "D_metro"], "D_metro_end": trend.loc[end, "D_metro"],
    }
    out["city_change"] = out["D_city_end"] - out["D_city_start"]
    out["metro_change"] = out["D_metro_end"] - out["D_metro_start"]
    out["moves_before"] = float(before.mean()) if len(before) else float("nan")
    out["moves_after"] = float(after.mean()) if len(after) else float("nan")
    out["moves_ratio"] = out["moves_after"] / out["moves_before"]
    return pd.Series(out, dtype=float)
