"""Step 5 of the generator: participation in organisations and resident-resident ties.

Households take part in organisations of their buurt and wijk (:func:`build_participation`);
in :data:`~wijkwijs.havenstad.constants.TIE_YEAR` the households of four sampled
buurten form ties by distance, homophily and shared foci (:func:`build_ties`). The
referral links between organisations (step 5b) are in :mod:`.organisations`.

>>> import pandas as pd
>>> panel = pd.DataFrame({"household_id": [0, 0, 0], "buurt": [3, 3, 5],
...                       "year": [2011, 2012, 2013]})
>>> _spells(panel)[["buurt", "start", "end"]].to_numpy().tolist()
[[3, 2011, 2012], [5, 2013, 2013]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from wijkwijs.havenstad.constants import FIRST_YEAR, LAST_YEAR, TIE_SAMPLE, TIE_YEAR
from wijkwijs.havenstad.generate.codes import NEIGHBOURHOOD, OUTSIDE_EUROPE
from wijkwijs.havenstad.generate.geography import Geography, random_points
from wijkwijs.havenstad.generate.households import Households
from wijkwijs.havenstad.generate.incomes import logistic, normal_cdf
from wijkwijs.havenstad.generate.organisations import MUNICIPAL_SERVICE, open_years


def _affinity(org_type: str, h: dict) -> np.ndarray:
    """How much a household is drawn to an organisation type (before distance)."""
    kids = h["n_children"] > 0
    old = h["age"] >= 65
    low = h["z"] < -0.5
    local = h["lifestyle"] == NEIGHBOURHOOD
    outside_europe = h["background"] == OUTSIDE_EUROPE
    one = np.ones(len(kids))
    table = {
        "community_centre": 0.6 + 1.2 * local + 0.6 * old + 0.5 * low,
        "youth_space": 1.5 * kids,
        "welfare_organisation": 0.1 + 1.2 * low,
        "volunteer_organisation": 0.6 + 0.6 * (h["age"] >= 55) + 0.4 * local,
        "church": np.where(outside_europe, 0.4, 0.2 + 1.2 * old),
        "mosque": np.where(outside_europe, 2.0, 0.01),
        "gym": 0.4 + 0.8 * (h["age"] < 50) + 0.3 * (h["z"] > 0.5),
        "cafe": 0.6 + 0.4 * (h["z"] > 0),
        "shop": 1.0 * one,
        "library": 0.5 + 0.8 * kids + 0.3 * old,
        "school": 2.5 * kids,
        MUNICIPAL_SERVICE: 0.0 * one,
    }
    return table[org_type]


def _spells(panel: pd.DataFrame) -> pd.DataFrame:
    """Residence spells: consecutive years of a household in one buurt."""
    p = panel.sort_values(["household_id", "year"], kind="stable")
    hid = p["household_id"].to_numpy()
    buurt = p["buurt"].to_numpy()
    year = p["year"].to_numpy()
    new = np.ones(len(p), dtype=bool)
    new[1:] = (hid[1:] != hid[:-1]) | (buurt[1:] != buurt[:-1]) | (year[1:] != year[:-1] + 1)
    spell = np.cumsum(new) - 1
    out = pd.DataFrame({"household_id": hid, "buurt": buurt, "year": year, "spell": spell})
    return out.groupby("spell", sort=True).agg(household_id=("household_id", "first"),
                                              buurt=("buurt", "first"),
                                              start=("year", "min"), end=("year", "max"))


def build_participation(geo: Geography, hh: Households, orgs: pd.DataFrame,
                        rng: np.random.Generator) -> pd.DataFrame:
    """Step 5a: which households take part in which organisations, and when.

    For every residence spell a household joins on average 1.6 (neighbourhood-
    oriented) or 0.6 (city-wide) organisations in its own buurt or wijk, chosen by an
    affinity for the organisation type (children: schools and youth spaces; outside-
    Europe background: mosques; older people: churches; low incomes: welfare), five
    times as likely in the own buurt. Participation lasts while both exist.
    """
    b = geo.buurten
    spells = _spells(hh.panel)
    static = hh.static.set_index("household_id")
    wijk_of = b["wijk_code"].to_numpy()
    open_from, open_to = open_years(orgs)
    org_buurt = orgs["buurt"].to_numpy()
    org_type = orgs["type"].to_numpy()
    parts = []
    for i in range(len(b)):
        sp = spells[spells["buurt"] == i]
        if sp.empty:
            continue
        cand = np.flatnonzero((wijk_of[org_buurt] == wijk_of[i]) & (org_type != MUNICIPAL_SERVICE)
                              & (open_to >= FIRST_YEAR) & (open_from <= LAST_YEAR))
        if len(cand) == 0:
            continue
        ids = sp["household_id"].to_numpy()
        s = static.loc[ids]
        mid = (sp["start"].to_numpy() + sp["end"].to_numpy()) // 2
        h = {"n_children": s["n_children"].to_numpy(), "z": s["z_perm"].to_numpy(),
             "age": s["age0"].to_numpy() + (mid - FIRST_YEAR),
             "lifestyle": s["lifestyle"].to_numpy(), "background": s["background"].to_numpy()}
        weight = np.column_stack([_affinity(org_type[c], h) * (5.0 if org_buurt[c] == i else 1.0)
                                  for c in cand])
        overlap_from = np.maximum(sp["start"].to_numpy()[:, None], open_from[cand][None, :])
        overlap_to = np.minimum(sp["end"].to_numpy()[:, None], open_to[cand][None, :])
        weight = np.where(overlap_to >= overlap_from, weight, 0.0)
        keys = np.where(weight > 0, np.log(np.maximum(weight, 1e-300))
                        + rng.gumbel(size=weight.shape), -np.inf)
        k_max = min(4, len(cand))
        top = np.argsort(-keys, axis=1, kind="stable")[:, :k_max]
        lam = np.where(h["lifestyle"] == NEIGHBOURHOOD, 1.6, 0.6)
        k = np.minimum(rng.poisson(lam), k_max)
        rows_i, cols_j = np.nonzero(np.arange(k_max)[None, :] < k[:, None])
        chosen = top[rows_i, cols_j]
        ok = np.isfinite(keys[rows_i, chosen])
        rows_i, chosen = rows_i[ok], chosen[ok]
        role = np.where(rng.random(len(rows_i)) < 0.15, "volunteer", "participant")
        parts.append(pd.DataFrame({
            "household_id": ids[rows_i], "organisation_id": orgs["organisation_id"].to_numpy()[
                cand[chosen]],
            "start_year": overlap_from[rows_i, chosen], "end_year": overlap_to[rows_i, chosen],
            "role": role}))
    out = pd.concat(parts, ignore_index=True)
    return out.sort_values(["household_id", "start_year", "organisation_id"],
                           kind="stable").reset_index(drop=True)


def build_ties(geo: Geography, hh: Households, orgs: pd.DataFrame,
               participation: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Step 5c: resident-resident ties in a sample of buurten in :data:`TIE_YEAR`.

    For each pair of households in a sampled buurt,
    ``logit P(tie) = -5.4 - d / 250 m + H + 1.3 min(shared foci, 2)`` with the homophily
    term ``H = 1.0 same income quintile + 1.4 same background + 0.8 age gap < 10
    + 0.6 same lifestyle``, halved when they share a bridging organisation (Feld 1981:
    foci; McPherson, Smith-Lovin & Cook 2001: homophily). Home locations are random
    points in the buurt and are not published; the distance is.
    """
    b = geo.buurten
    static = hh.static.set_index("household_id")
    p = hh.panel[hh.panel["year"] == TIE_YEAR]
    active = participation[(participation["start_year"] <= TIE_YEAR)
                           & (participation["end_year"] >= TIE_YEAR)]
    bridging = orgs.set_index("organisation_id")["orientation"].eq("bridging")
    parts = []
    for name in TIE_SAMPLE:
        i = int(np.flatnonzero(b["name"].to_numpy() == name)[0])
        ids = np.sort(p.loc[p["buurt"] == i, "household_id"].to_numpy())
        n = len(ids)
        pos = random_points(geo.polygons[i], n, rng)
        s = static.loc[ids]
        z = s["z_perm"].to_numpy()
        quint = np.clip(np.floor(5 * normal_cdf(z)), 0, 4)
        bg = s["background"].to_numpy()
        age = s["age0"].to_numpy() + (TIE_YEAR - FIRST_YEAR)
        life = s["lifestyle"].to_numpy()
        a = active[active["household_id"].isin(ids)]
        org_ids = np.unique(a["organisation_id"].to_numpy())
        col = {o: k for k, o in enumerate(org_ids)}
        row = {h: k for k, h in enumerate(ids)}
        member = np.zeros((n, max(1, len(org_ids))))
        member[[row[h] for h in a["household_id"]], [col[o] for o in a["organisation_id"]]] = 1
        is_bridge = np.array([bridging.get(o, False) for o in org_ids] or [False])
        shared = member @ member.T
        shared_bridge = (member * is_bridge) @ member.T
        iu, ju = np.triu_indices(n, 1)
        dist = np.hypot(*(pos[iu] - pos[ju]).T)
        homophily = (1.0 * (quint[iu] == quint[ju]) + 1.4 * (bg[iu] == bg[ju])
                     + 0.8 * (np.abs(age[iu] - age[ju]) < 10) + 0.6 * (life[iu] == life[ju]))
        sb = shared_bridge[iu, ju]
        homophily = np.where(sb > 0, 0.5 * homophily, homophily)
        logit = -5.4 - dist / 250 + homophily + 1.3 * np.minimum(shared[iu, ju], 2)
        tie = rng.random(len(iu)) < logistic(logit)
        parts.append(pd.DataFrame({
            "year": TIE_YEAR, "buurt": i, "household_a": ids[iu[tie]],
            "household_b": ids[ju[tie]], "distance_m": np.round(dist[tie]).astype(np.int64),
            "shared_organisations": shared[iu, ju][tie].astype(np.int64),
            "shared_bridging": sb[tie].astype(np.int64)}))
    return pd.concat(parts, ignore_index=True)
