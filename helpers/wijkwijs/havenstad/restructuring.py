"""Havenstad's restructuring: the demolition in one post-war buurt, and where its tenants went.

In :data:`~wijkwijs.havenstad.generate.scenario.RESTRUCTURING_YEAR` the generator
demolishes social-rent homes in the post-war buurt
:data:`~wijkwijs.havenstad.generate.scenario.RESTRUCTURING` (the Dutch
*herstructurering*: social rent demolished, owner-occupied and private-rent homes built
in their place). Its tenants must move: their moves carry the reason ``demolition`` in
the moves table (:func:`wijkwijs.havenstad.havenstad_moves`). This module follows them.

* :func:`demolition_moves` — one row per move for demolition, with the household's
  income group (national percentile in the year of the move: :data:`INCOME_GROUPS`),
  the destination buurt and gemeente, and its :data:`DESTINATIONS` class;
* :func:`demolition_destinations` — how many went where, by income group;
* :func:`destination_buurten` — the buurten that received them, most first;
* :func:`restructuring_summary` — homes demolished (dwellings table), households
  moved (moves table), and the share that stayed in the city;
* :func:`buurt_history` — the restructured buurt year by year: its housing stock by
  tenure and the income mix of its households, next to the city's.

Income groups are the national percentile groups of
:data:`~wijkwijs.havenstad.constants.GROUPS`, made disjoint: *low* is the national
bottom 40 % (of which the bottom 10 % are a part), *middle* 40–80 %, *high* the top 20 %.

Havenstad is synthetic: these numbers describe no real place or person.

>>> m = demolition_moves()
>>> bool((m.reason == "demolition").all()), m.year.nunique()
(True, 1)
>>> t = demolition_destinations()
>>> int(t.to_numpy().sum()) == len(m)
True
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from wijkwijs import i18n
from wijkwijs._validate import check_choice
from wijkwijs.havenstad import load, views
from wijkwijs.havenstad.constants import CITY_CODE, GEMEENTE_NAMES, GROUPS
from wijkwijs.havenstad.generate.scenario import RESTRUCTURING, RESTRUCTURING_YEAR

__all__ = ["DESTINATIONS", "INCOME_GROUPS", "RESTRUCTURING", "RESTRUCTURING_YEAR",
           "buurt_history", "demolition_destinations", "demolition_moves", "destination_buurten",
           "destination_label", "income_group_label", "restructuring_summary"]

#: Where a household moved by demolition went: the same buurt, another buurt of the city,
#: or one of the three suburbs (by gemeente name).
DESTINATIONS: tuple[str, ...] = ("same_buurt", "other_city_buurt",
                                 *(name for code, name in GEMEENTE_NAMES.items()
                                   if code != CITY_CODE))
#: Disjoint income groups by national percentile: low (bottom 40 %), middle, high (top 20 %).
INCOME_GROUPS: tuple[str, ...] = ("low", "middle", "high")

i18n.register({
    "restr4.dest.same_buurt": {"en": "Same buurt", "nl": "Zelfde buurt"},
    "restr4.dest.other_city_buurt": {"en": "Other buurt of the city",
                                     "nl": "Andere buurt in de stad"},
    "restr4.group.low": {"en": "Low income (national bottom 40%)",
                         "nl": "Laag inkomen (landelijk laagste 40%)"},
    "restr4.group.middle": {"en": "Middle income (national 40–80%)",
                            "nl": "Middeninkomen (landelijk 40–80%)"},
    "restr4.group.high": {"en": "High income (national top 20%)",
                          "nl": "Hoog inkomen (landelijk hoogste 20%)"},
})


def destination_label(destination: str) -> str:
    """The learner's name of a :data:`DESTINATIONS` class (suburbs keep their names).

    >>> destination_label("other_city_buurt"), destination_label("Zuiderpolder")
    ('Other buurt of the city', 'Zuiderpolder')
    """
    check_choice(destination, DESTINATIONS, "destination")
    if destination in ("same_buurt", "other_city_buurt"):
        return i18n.t(f"restr4.dest.{destination}")
    return destination


def income_group_label(group: str) -> str:
    """The learner's name of an income group of :data:`INCOME_GROUPS`, definition included.

    >>> income_group_label("low")
    'Low income (national bottom 40%)'
    """
    check_choice(group, INCOME_GROUPS, "group")
    return i18n.t(f"restr4.group.{group}")


def _income_group(percentile: pd.Series) -> pd.Categorical:
    p = percentile.to_numpy()
    group = np.where(p <= GROUPS["low"][1], 0, np.where(p >= GROUPS["high"][0], 2, 1))
    return pd.Categorical(np.asarray(INCOME_GROUPS)[group], categories=INCOME_GROUPS)


@cache
def _demolition_moves() -> pd.DataFrame:
    moves = load.havenstad_moves()
    moves = moves[moves["reason"] == "demolition"].reset_index(drop=True)
    buurten = load.havenstad_neighbourhoods("buurt")[["code", "name", "gemeente_code",
                                                       "gemeente_name"]]
    names = dict(zip(buurten.code, buurten.name, strict=True))
    gemeente = dict(zip(buurten.code, buurten.gemeente_code, strict=True))
    out = moves.copy()
    out["from_name"] = out["from_buurt"].map(names)
    out["to_name"] = out["to_buurt"].map(names)
    out["to_gemeente"] = out["to_buurt"].map(gemeente).map(GEMEENTE_NAMES)
    panel = pd.concat([load.havenstad_household_years(int(y)) for y in out.year.unique()])
    percentile = out.merge(panel[["household_id", "year", "national_percentile"]],
                           on=["household_id", "year"], how="left",
                           validate="one_to_one")["national_percentile"]
    out["national_percentile"] = percentile.to_numpy()
    out["bottom_10"] = out["national_percentile"] <= GROUPS["bottom_10"][1]
    out["income_group"] = _income_group(out["national_percentile"])
    in_city = out["to_buurt"].map(gemeente) == CITY_CODE
    destination = np.where(out["to_buurt"] == out["from_buurt"], "same_buurt",
                           np.where(in_city, "other_city_buurt", out["to_gemeente"]))
    out["destination"] = pd.Categorical(destination, categories=DESTINATIONS)
    return out


def demolition_moves() -> pd.DataFrame:
    """Every move with reason ``demolition``, with income group and destination.

    Columns: those of the moves table (``household_id``, ``year``, ``from_buurt``,
    ``to_buurt``, ``reason``, ``from_tenure``, ``to_tenure``), plus ``from_name``,
    ``to_name``, ``to_gemeente`` (name), ``national_percentile`` (in the year of the
    move), ``bottom_10`` (national bottom 10 %), ``income_group``
    (:data:`INCOME_GROUPS`) and ``destination`` (:data:`DESTINATIONS`).

    >>> m = demolition_moves()
    >>> m.from_name.unique().tolist() == [RESTRUCTURING]
    True
    >>> int(m.year.iloc[0]) == RESTRUCTURING_YEAR
    True
    """
    return _demolition_moves().copy()


def demolition_destinations(by: str = "income_group") -> pd.DataFrame:
    """Households moved by demolition: rows ``by`` (a column), columns :data:`DESTINATIONS`.

    ``by`` is ``"income_group"`` (the default), ``"to_tenure"`` or ``"bottom_10"``. A
    total row and column are *not* added.

    >>> t = demolition_destinations("to_tenure")
    >>> list(t.columns) == list(DESTINATIONS)
    True
    """
    check_choice(by, ("income_group", "to_tenure", "bottom_10"), "by")
    m = _demolition_moves()
    table = pd.crosstab(m[by], m["destination"], dropna=False)
    rows = list(INCOME_GROUPS) if by == "income_group" else list(table.index)
    return table.reindex(index=rows, columns=list(DESTINATIONS), fill_value=0).rename_axis(
        index=by, columns="destination")


def destination_buurten(top: int | None = None) -> pd.DataFrame:
    """The buurten that received the households moved by demolition, most first.

    Columns: ``to_buurt`` (code), ``to_name``, ``to_gemeente``, ``households``,
    ``low_income`` (of them in the national bottom 40 %). Ties keep the code order.

    >>> b = destination_buurten(top=3)
    >>> len(b) <= 3 and b.households.is_monotonic_decreasing
    True
    """
    if top is not None and (int(top) != top or top < 1):
        raise ValueError(f"top must be a whole number ≥ 1 or None; got {top!r}.")
    m = _demolition_moves()
    out = (m.assign(low_income=m["income_group"] == "low")
           .groupby(["to_buurt", "to_name", "to_gemeente"], observed=True)
           .agg(households=("household_id", "size"), low_income=("low_income", "sum"))
           .reset_index().sort_values(["households", "to_buurt"], ascending=[False, True],
                                      kind="stable").reset_index(drop=True))
    out["low_income"] = out["low_income"].astype(int)
    return out if top is None else out.head(int(top))


def restructuring_summary() -> dict[str, float]:
    """The restructuring in numbers, each from the data.

    Keys: ``buurt`` (name), ``year``, ``demolished_homes`` (the dwellings table's
    ``demolished`` in that buurt and year), ``households_moved`` (moves for
    demolition), ``low_income_share`` (national bottom 40 %), ``bottom_10_share``,
    ``stayed_in_city`` (share that moved to a buurt of the city, the same buurt
    included), ``to_suburbs`` (households), ``social_rent_after`` (share that moved
    into social rent again).

    >>> s = restructuring_summary()
    >>> s["buurt"] == RESTRUCTURING and 0 < s["households_moved"] <= s["demolished_homes"]
    True
    """
    m = _demolition_moves()
    code = load.havenstad_neighbourhoods("buurt").set_index("name").loc[RESTRUCTURING, "code"]
    dw = load.havenstad_dwellings(RESTRUCTURING_YEAR, code=code)
    in_city = m["destination"].isin(["same_buurt", "other_city_buurt"])
    return {
        "buurt": RESTRUCTURING, "year": RESTRUCTURING_YEAR,
        "demolished_homes": int(dw["demolished"].sum()),
        "households_moved": len(m),
        "low_income_share": float((m["income_group"] == "low").mean()),
        "bottom_10_share": float(m["bottom_10"].mean()),
        "stayed_in_city": float(in_city.mean()),
        "to_suburbs": int((~in_city).sum()),
        "social_rent_after": float((m["to_tenure"] == "social_rent").mean()),
    }


def buurt_history() -> pd.DataFrame:
    """The restructured buurt per year: stock by tenure and the income mix, with the city's.

    Columns: ``year``, the stock at the end of the year (``social_rent``,
    ``private_rent``, ``owner_occupied``, ``total``), its flows ``built`` and
    ``demolished``, the buurt's ``households`` and the shares of its households in the
    national ``bottom_10``, ``low`` (bottom 40 %) and ``high`` (top 20 %) groups, and
    ``city_low`` and ``city_high``: the same shares for the whole city.

    >>> h = buurt_history()
    >>> int(h.loc[h.year == RESTRUCTURING_YEAR, "demolished"].item()) > 0
    True
    """
    code = load.havenstad_neighbourhoods("buurt").set_index("name").loc[RESTRUCTURING, "code"]
    stock = load.havenstad_dwellings(code=code)[["year", "social_rent", "private_rent",
                                                 "owner_occupied", "total", "built",
                                                 "demolished"]]
    shares = views.group_shares(scale="buurt")
    buurt = shares.loc[shares.code == code, ["year", "households", "bottom_10", "low", "high"]]
    city = views.group_shares(scale="gemeente", area="metro")
    city = city.loc[city.code == CITY_CODE, ["year", "low", "high"]].rename(
        columns={"low": "city_low", "high": "city_high"})
    out = stock.merge(buurt, on="year", validate="one_to_one").merge(
        city, on="year", validate="one_to_one")
    return out.sort_values("year").reset_index(drop=True)
