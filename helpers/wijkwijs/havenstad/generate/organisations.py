"""Step 4 of the generator: organisations (social infrastructure) and their referrals.

Organisations have a buurt, a type (:data:`~wijkwijs.havenstad.constants.ORGANISATION_TYPES`),
a funding (:data:`~wijkwijs.havenstad.constants.FUNDING`), years of opening and
closing, staff turnover and functions (meeting place, referral, explaining government
information). Referral links between them depend on stable funding and turnover.

>>> from wijkwijs.havenstad.constants import FUNDING
>>> sorted(_CLOSURE_HAZARD) == sorted(FUNDING)
True
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from wijkwijs.havenstad.constants import (
    CITY_CODE,
    CITY_NAME,
    FIRST_YEAR,
    LAST_YEAR,
    ORGANISATION_NAME_WORDS,
    YEARS,
)
from wijkwijs.havenstad.generate.geography import Geography, random_points
from wijkwijs.havenstad.generate.incomes import logistic
from wijkwijs.havenstad.generate.scenario import (
    INFRA_POOR,
    INFRA_RICH,
    NPLV_YEAR,
    RELOCATION_BUURT,
    RESTRUCTURING,
    RESTRUCTURING_YEAR,
)

# type -> (expected number per buurt by kind C/H/W/P/V/M/suburb, P(structural | subsidised)
#          or funding, P(bridging), P(meeting place), P(referral), P(explains gov. info))
_ORG_TYPES = {
    "community_centre": ((0.3, 0.4, 0.8, 0.8, 0.0, 0.4, 0.4), 0.55, 0.80, 1.0, 0.8, 0.7),
    "youth_space": ((0.2, 0.2, 0.5, 0.6, 0.0, 0.2, 0.2), 0.30, 0.50, 1.0, 0.5, 0.2),
    "welfare_organisation": ((0.4, 0.2, 0.4, 0.4, 0.0, 0.1, 0.2), 0.65, 0.60, 0.3, 1.0, 0.9),
    "volunteer_organisation": ((0.4, 0.3, 0.6, 0.6, 0.3, 0.5, 0.5), 0.25, 0.60, 0.6, 0.5,
                               0.5),
    "church": ((0.6, 0.2, 0.6, 0.4, 0.4, 0.5, 0.6), "own_income", 0.15, 1.0, 0.4, 0.2),
    "mosque": ((0.2, 0.1, 0.4, 0.4, 0.0, 0.1, 0.1), "own_income", 0.10, 1.0, 0.4, 0.4),
    "gym": ((1.0, 0.3, 0.4, 0.3, 0.3, 0.6, 0.4), "commercial", 0.50, 0.6, 0.0, 0.0),
    "cafe": ((4.0, 1.0, 1.5, 0.6, 0.3, 1.0, 0.7), "commercial", 0.40, 1.0, 0.0, 0.0),
    "shop": ((5.0, 1.0, 2.0, 1.5, 0.5, 1.5, 1.5), "commercial", 0.70, 0.2, 0.0, 0.0),
    "library": ((0.4, 0.0, 0.2, 0.2, 0.0, 0.2, 0.3), 1.0, 0.90, 1.0, 0.6, 1.0),
    "school": ((0.6, 0.2, 0.8, 1.0, 0.5, 0.9, 1.0), 1.0, 0.70, 0.3, 0.7, 0.3),
}
#: The type of the municipal services, placed by hand (not drawn from ``_ORG_TYPES``).
MUNICIPAL_SERVICE = "municipal_service"
_KIND_COLUMN = {"C": 0, "H": 1, "W": 2, "P": 3, "V": 4, "M": 5}
_SUBURB_COLUMN = 6
#: Types the rich-infrastructure buurt has 1.6 of on average.
_RICH_TYPES = ("community_centre", "library", "youth_space", "volunteer_organisation",
               "welfare_organisation", "mosque")
_CLOSURE_HAZARD = {"structural": 0.012, "incidental": 0.06, "own_income": 0.012,
                   "commercial": 0.035}
_TURNOVER = {"structural": 0.10, "incidental": 0.34, "own_income": 0.08, "commercial": 0.25}
_FOUNDING = {"church": (1890, 1975), "mosque": (1975, 2008), "school": (1920, 2005),
             "library": (1950, 1990), "community_centre": (1960, 2005)}
_CITY_DESKS = ("Schuldhulp", "Wmo-loket", "Jongerenloket")


def _cuts_multiplier(year: int, funding: str) -> float:
    """Closure hazard multiplier: municipal cuts after 2008 (2011-2014) hit subsidised
    organisations; the 2015 decentralisation (Wmo 2015) adds a little; NPLV (2022)
    brings relief."""
    if funding not in ("structural", "incidental"):
        return 1.0
    if year <= 2014:
        return 3.0
    if year == 2015:
        return 1.5
    return 0.5 if year >= 2021 else 1.0


def _draw(geo: Geography, rng: np.random.Generator) -> pd.DataFrame:
    """Organisations per buurt by area type, with funding and functions."""
    rows: list[dict] = []
    for i, r in geo.buurten.iterrows():
        col = _KIND_COLUMN.get(r["kind"], _SUBURB_COLUMN)
        for org_type, (rates, funding, p_bridge, p_meet, p_ref, p_gov) in _ORG_TYPES.items():
            rate = rates[col]
            if r["name"] == INFRA_RICH and org_type in _RICH_TYPES:
                rate = 1.6
            if r["name"] == INFRA_POOR and org_type not in ("shop", "cafe"):
                rate = 0.0
            n = int(rng.poisson(rate))
            if r["name"] == INFRA_POOR and org_type == "community_centre":
                n = 1  # opened in the 1970s, closed in the cuts of 2012 (see below)
            for _ in range(n):
                if isinstance(funding, str):
                    fund = funding
                else:
                    fund = "structural" if rng.random() < funding else "incidental"
                rows.append({"buurt": i, "type": org_type, "funding": fund,
                             "bridging": rng.random() < p_bridge,
                             "meeting_place": rng.random() < p_meet,
                             "referral": rng.random() < p_ref,
                             "explains_government_info": rng.random() < p_gov})
    return pd.DataFrame(rows)


def _lifetimes(orgs: pd.DataFrame, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Founding year and closing year (0 = open in 2022) of each organisation."""
    n = len(orgs)
    founded = np.array([rng.integers(*_FOUNDING.get(t, (1980, FIRST_YEAR)))
                        for t in orgs["type"]])
    # some organisations are founded during the period (cafés and gyms in gentrifying
    # buurten in particular)
    late = rng.random(n) < np.where(orgs["type"].isin(["cafe", "gym", "shop"]), 0.25, 0.08)
    founded = np.where(late, rng.integers(FIRST_YEAR, LAST_YEAR, n), founded)
    closed = np.zeros(n, dtype=np.int64)
    for j in range(n):
        fund = orgs["funding"].iat[j]
        for year in YEARS:
            if year <= founded[j]:
                continue
            hazard = _CLOSURE_HAZARD[fund] * _cuts_multiplier(year, fund)
            if rng.random() < hazard:
                closed[j] = year
                break
    return founded, closed


def _services(geo: Geography, rng: np.random.Generator) -> pd.DataFrame:
    """A social neighbourhood team per wijk and three city-wide desks in the centre."""
    b = geo.buurten
    services = []
    for _, grp in b.groupby("wijk_code", sort=True):
        services.append({"buurt": int(grp.index[0]), "type": MUNICIPAL_SERVICE,
                         "name": f"Sociaal wijkteam {grp['wijk_name'].iat[0]}"})
    centre = int(np.flatnonzero(b["kind"].to_numpy() == "C")[0])
    services += [{"buurt": centre, "type": MUNICIPAL_SERVICE, "name": f"{desk} {CITY_NAME}"}
                 for desk in _CITY_DESKS]
    services = pd.DataFrame(services)
    return services.assign(funding="structural", bridging=True, meeting_place=False,
                           referral=True, explains_government_info=True, founded=2005,
                           closed=0, staff_turnover=np.round(
                               rng.uniform(0.08, 0.2, len(services)), 2),
                           predecessor_id=-1, note="")


def build_organisations(geo: Geography, rng: np.random.Generator) -> pd.DataFrame:
    """Step 4: organisations with location, years, funding, turnover and functions.

    Counts per buurt follow the area type; subsidised organisations are funded
    structurally or with incidental project money; every year an open organisation
    closes with a hazard set by its funding and by the cuts of 2011-2014. In 2016 the
    community centre of the restructuring buurt closes and reopens next door. In 2022
    the national programme NPLV reopens community centres and youth spaces in
    post-war buurten that lost theirs.
    """
    b = geo.buurten
    orgs = _draw(geo, rng)
    n = len(orgs)
    orgs["founded"], orgs["closed"] = _lifetimes(orgs, rng)
    poor = np.flatnonzero((b["name"] == INFRA_POOR).to_numpy())[0]
    is_poor_cc = (orgs["buurt"] == poor) & (orgs["type"] == "community_centre")
    orgs.loc[is_poor_cc, ["funding", "founded", "closed"]] = ["incidental", 1974, 2012]
    orgs["staff_turnover"] = np.round(np.clip(
        orgs["funding"].map(_TURNOVER).to_numpy() + rng.normal(0, 0.05, n), 0.02, 0.8), 2)
    orgs["predecessor_id"] = -1
    orgs["note"] = ""
    # restructuring: the community centre moves next door
    restr = np.flatnonzero((b["name"] == RESTRUCTURING).to_numpy())[0]
    neighbour = np.flatnonzero((b["name"] == RELOCATION_BUURT).to_numpy())[0]
    cc = orgs.index[(orgs["buurt"] == restr) & (orgs["type"] == "community_centre")]
    if len(cc) == 0:
        orgs.loc[len(orgs)] = {**orgs.iloc[0].to_dict(), "buurt": restr,
                               "type": "community_centre", "funding": "structural",
                               "bridging": True, "meeting_place": True, "referral": True,
                               "explains_government_info": True, "founded": 1968,
                               "closed": 0, "staff_turnover": 0.1}
        cc = orgs.index[(orgs["buurt"] == restr) & (orgs["type"] == "community_centre")]
    first = cc[0]
    orgs.loc[first, ["closed", "note"]] = [RESTRUCTURING_YEAR, "building demolished"]
    moved = orgs.loc[first].to_dict()
    moved.update(buurt=neighbour, founded=RESTRUCTURING_YEAR, closed=0,
                 predecessor_id=int(first), note="relocated after the demolition")
    extra = [moved]
    # NPLV (2022): reopen community centres and youth spaces in post-war buurten
    kinds = b["kind"].to_numpy()
    gone = orgs[orgs["type"].isin(["community_centre", "youth_space"]) & (orgs["closed"] > 0)
                & (kinds[orgs["buurt"]] == "P") & (orgs["buurt"] != restr)]
    for j, row in gone.iterrows():
        if rng.random() < 0.6:
            new = row.to_dict()
            new.update(founded=NPLV_YEAR, closed=0, funding="structural", predecessor_id=int(j),
                       staff_turnover=round(float(rng.uniform(0.08, 0.15)), 2),
                       note="reopened with NPLV money")
            extra.append(new)
    orgs = pd.concat([orgs, pd.DataFrame(extra)], ignore_index=True)
    orgs = pd.concat([orgs.drop(columns=[c for c in ("name",) if c in orgs]),
                      _services(geo, rng)], ignore_index=True)
    # names and points
    names = []
    counter: dict[tuple[int, str], int] = {}
    for j in range(len(orgs)):
        if isinstance(orgs.get("name", pd.Series([None] * len(orgs))).iat[j], str):
            names.append(orgs["name"].iat[j])
            continue
        key = (int(orgs["buurt"].iat[j]), orgs["type"].iat[j])
        counter[key] = counter.get(key, 0) + 1
        word = ORGANISATION_NAME_WORDS[orgs["type"].iat[j]]
        names.append(f"{word} {b['name'].iat[key[0]]} {counter[key]}")
    orgs["name"] = names
    pts = [random_points(geo.polygons[int(i)], 1, rng)[0] for i in orgs["buurt"]]
    orgs["x"] = [int(p[0]) for p in pts]
    orgs["y"] = [int(p[1]) for p in pts]
    orgs.insert(0, "organisation_id", np.arange(len(orgs)))
    orgs["orientation"] = np.where(orgs["bridging"].astype(bool), "bridging", "bonding")
    return orgs.drop(columns=["bridging"])


def open_years(orgs: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """First and last year (within 2011-2022) each organisation is open."""
    open_from = np.maximum(orgs["founded"].to_numpy(), FIRST_YEAR)
    open_to = np.where(orgs["closed"].to_numpy() > 0, orgs["closed"].to_numpy() - 1, LAST_YEAR)
    return open_from, open_to


def build_referrals(geo: Geography, orgs: pd.DataFrame,
                    rng: np.random.Generator) -> pd.DataFrame:
    """Step 5b: organisation-organisation referral links and links to municipal services.

    An organisation with a referral function links to municipal services, welfare
    organisations and community centres in its wijk (and to the city-wide desks) with
    probability ``logistic(-0.5 + 1.2 structural - 4 turnover + 0.8 same buurt)``:
    stable funding and continuity of people make referral routes. The expected number
    of referrals a year falls with staff turnover.
    """
    b = geo.buurten
    wijk = b["wijk_code"].to_numpy()[orgs["buurt"].to_numpy()]
    gm = b["gemeente_code"].to_numpy()[orgs["buurt"].to_numpy()]
    open_from, open_to = open_years(orgs)
    target_type = orgs["type"].isin([MUNICIPAL_SERVICE, "welfare_organisation",
                                     "community_centre"]).to_numpy()
    citywide = orgs["name"].str.endswith(CITY_NAME).to_numpy()
    rows = []
    for i in np.flatnonzero(orgs["referral"].to_numpy()):
        if orgs["type"].iat[i] == MUNICIPAL_SERVICE:
            continue
        cand = np.flatnonzero(target_type & ((wijk == wijk[i]) | (citywide & (gm[i] == CITY_CODE)))
                              & (np.arange(len(orgs)) != i))
        lo = np.maximum(open_from[cand], open_from[i])
        hi = np.minimum(open_to[cand], open_to[i])
        cand, lo, hi = cand[hi >= lo], lo[hi >= lo], hi[hi >= lo]
        structural = orgs["funding"].iat[i] == "structural"
        turnover = orgs["staff_turnover"].iat[i]
        same = orgs["buurt"].to_numpy()[cand] == orgs["buurt"].iat[i]
        p = logistic(-0.5 + 1.2 * structural - 4.0 * turnover + 0.8 * same)
        keep = rng.random(len(cand)) < p
        for j, a, z in zip(cand[keep], lo[keep], hi[keep], strict=True):
            rows.append((int(orgs["organisation_id"].iat[i]), int(orgs["organisation_id"].iat[j]),
                         int(a), int(z), int(rng.poisson(12 * (1 - turnover)))))
    return pd.DataFrame(rows, columns=["from_id", "to_id", "first_year", "last_year",
                                       "referrals_per_year"])
