"""Youth spaces and familiar faces in the synthetic Havenstad (chapter 5, street culture).

Custers (*Een betere wijk begint ín de wijk*, in the dossier *Lokaal ideaal XL*) writes
that young people of diverse backgrounds meet outside and create a new street culture.
Street life itself is not in Havenstad's files; its **youth spaces** (organisations of
type ``youth_space``) are, with the households that take part in them. This module asks
three questions of them:

* :func:`youth_space_mix`: is each youth space as mixed by background as the families
  with children of its wijk (its catchment)?
* :func:`youth_participation`: which households with children take part, by background
  or by the age of the head?
* :func:`familiar_faces`: in the four buurten of the tie survey, how many households of
  *another* background does a taking-part household meet there (faces it may come to
  recognise: Blokland & Nast's 2014 *public familiarity*), and with how many of them does
  it have a tie?

What the synthetic data assume (read before interpreting): Havenstad's generator lets a
household with children join a youth space by an affinity that depends on having
children only (not on background), and by distance. So the mix of a youth space mirrors
the families around it *by construction*. The numbers teach how to measure; whether real
youth spaces mix like this is a question for fieldwork (chapter 7). Havenstad is
synthetic: no real people, places or organisations.

>>> mix = youth_space_mix()
>>> bool((mix.participants > 0).all()), {"diversity", "catchment_diversity"} <= set(mix)
(True, True)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from wijkwijs import infrastructure as infra
from wijkwijs._validate import check_choice, check_year
from wijkwijs.havenstad.constants import BACKGROUNDS, TIE_YEAR, YEARS
from wijkwijs.havenstad.load import (
    havenstad_households,
    havenstad_neighbourhoods,
    havenstad_organisations,
    havenstad_participation,
    havenstad_ties,
)

__all__ = ["HEAD_AGE_BANDS", "YOUTH_SPACE", "familiar_faces", "simpson_diversity",
           "youth_participation", "youth_space_mix"]

#: The organisation type of a youth space in Havenstad's organisations table.
YOUTH_SPACE = "youth_space"
#: Age bands of the head of a household with children (years, inclusive).
HEAD_AGE_BANDS: dict[str, tuple[int, int]] = {"under 35": (0, 34), "35–44": (35, 44),
                                              "45 and over": (45, 200)}


def simpson_diversity(values: pd.Series) -> float:
    r"""Diversity :math:`1-\sum_g p_g^2`: the chance two members drawn at random differ.

    0 when everybody is in one group; :math:`1 - 1/k` at most with *k* groups.

    >>> simpson_diversity(pd.Series(["a", "a", "b", "b"]))
    0.5
    >>> simpson_diversity(pd.Series([], dtype=object))
    nan
    """
    if len(values) == 0:
        return float("nan")
    p = values.value_counts(normalize=True).to_numpy()
    return float(1 - np.sum(p ** 2))


def _youth_members(year: int) -> pd.DataFrame:
    """(household_id, organisation_id) of every household taking part in a youth space."""
    orgs = havenstad_organisations()
    orgs = orgs[(orgs["type"] == YOUTH_SPACE) & infra.is_open(orgs, year).to_numpy()]
    part = havenstad_participation()
    part = part[(part["start_year"] <= year) & (part["end_year"] >= year)
                & part["organisation_id"].isin(orgs["organisation_id"])]
    return part[["household_id", "organisation_id"]].drop_duplicates()


def youth_space_mix(year: int = TIE_YEAR) -> pd.DataFrame:
    """Background mix of each open youth space against the families of its wijk.

    Returns
    -------
    pandas.DataFrame
        One row per youth space with participants: ``organisation_id``, ``name``,
        ``buurt_code``, ``orientation`` (the data's bridging/bonding label),
        ``participants`` (households), ``diversity`` (:func:`simpson_diversity` of the
        participants' backgrounds), ``catchment_diversity`` (the same for the households
        with children living in the youth space's wijk) and ``ratio`` (the first over
        the second: 1 means as mixed as the families around it). Havenstad is synthetic.

    Examples
    --------
    >>> m = youth_space_mix()
    >>> bool(((m.diversity >= 0) & (m.diversity <= 1 - 1 / 3)).all())
    True
    """
    year = check_year(year, YEARS, allow_none=False)
    members = _youth_members(year)
    h = havenstad_households(year)
    wijk = havenstad_neighbourhoods().set_index("code")["wijk_code"]
    h = h.assign(wijk=h["buurt_code"].map(wijk).to_numpy())
    families = h[h["children"] > 0]
    orgs = havenstad_organisations().set_index("organisation_id")
    background = h.set_index("household_id")["background"]
    rows = []
    for org_id, part in members.groupby("organisation_id", sort=True):
        org = orgs.loc[org_id]
        who = background.reindex(part["household_id"]).dropna()
        catchment = families.loc[families["wijk"] == wijk[org["buurt_code"]], "background"]
        d, c = simpson_diversity(who), simpson_diversity(catchment)
        rows.append({"organisation_id": int(org_id), "name": org["name"],
                     "buurt_code": org["buurt_code"], "orientation": org["orientation"],
                     "participants": len(who), "diversity": d, "catchment_diversity": c,
                     "ratio": d / c if c > 0 else float("nan")})
    return pd.DataFrame(rows)


def _head_age_band(age: pd.Series) -> pd.Series:
    out = pd.Series("", index=age.index, dtype=object)
    for name, (lo, hi) in HEAD_AGE_BANDS.items():
        out[(age >= lo) & (age <= hi)] = name
    return out


def youth_participation(by: str = "background", year: int = TIE_YEAR) -> pd.DataFrame:
    """Share of the households with children that take part in a youth space.

    Parameters
    ----------
    by
        ``"background"`` (of the head) or ``"head_age"`` (:data:`HEAD_AGE_BANDS`).
    year
        A year of Havenstad.

    Returns
    -------
    pandas.DataFrame
        Per group: ``households`` (with children), ``taking_part`` and ``pct``.
        Havenstad is synthetic.

    Examples
    --------
    >>> t = youth_participation("head_age")
    >>> t.head_age.tolist() == list(HEAD_AGE_BANDS)
    True
    """
    check_choice(by, ("background", "head_age"), "by")
    year = check_year(year, YEARS, allow_none=False)
    h = havenstad_households(year)
    h = h[h["children"] > 0].copy()
    h["head_age"] = _head_age_band(h["age_head"])
    taking_part = h["household_id"].isin(_youth_members(year)["household_id"])
    order = list(BACKGROUNDS) if by == "background" else list(HEAD_AGE_BANDS)
    out = (h.assign(part=taking_part.to_numpy()).groupby(by).part
           .agg(households="size", taking_part="sum").reindex(order, fill_value=0))
    out["pct"] = 100 * out.taking_part / out.households.where(out.households > 0)
    return out.reset_index()


def familiar_faces(year: int = TIE_YEAR) -> pd.DataFrame:
    """Faces of another background met in a youth space, and ties with them.

    For every household of the tie survey's buurten that takes part in a youth space:
    the households of its own buurt that take part in the same youth space and have
    another background (``other_faces``: people it may come to recognise, an upper
    bound set by the data, since two members need not meet), and how many of those
    it has a resident tie with (``other_ties``).

    Returns
    -------
    pandas.DataFrame
        One row per background and a row ``all``: ``households`` (taking part),
        ``mean_other_faces``, ``mean_other_ties`` and ``pct_faces_tied``
        (100 × ties / faces). Havenstad is synthetic.

    Examples
    --------
    >>> f = familiar_faces()
    >>> bool((f.mean_other_ties <= f.mean_other_faces).all())
    True
    """
    year = check_year(year, (TIE_YEAR,), allow_none=False)
    ties = havenstad_ties()
    ties = ties[ties["year"] == year]
    h = havenstad_households(year)
    h = h[h["buurt_code"].isin(ties["buurt_code"].unique())].set_index("household_id")
    members = _youth_members(year)
    members = members[members["household_id"].isin(h.index)]
    tied = set(zip(ties["household_a"], ties["household_b"], strict=True))
    rows = []
    for hid, own in members.groupby("household_id", sort=True):
        same_place = members[members["organisation_id"].isin(own["organisation_id"])
                             & (members["household_id"] != hid)]["household_id"].unique()
        others = [o for o in same_place if h.at[o, "buurt_code"] == h.at[hid, "buurt_code"]
                  and h.at[o, "background"] != h.at[hid, "background"]]
        n_ties = sum((min(hid, o), max(hid, o)) in tied or (o, hid) in tied for o in others)
        rows.append({"background": h.at[hid, "background"], "faces": len(others),
                     "ties": n_ties})
    frame = pd.DataFrame(rows, columns=["background", "faces", "ties"])
    groups = [(b, frame[frame.background == b]) for b in BACKGROUNDS] + [("all", frame)]
    out = pd.DataFrame([{"background": b, "households": len(part),
                         "mean_other_faces": float(part.faces.mean()) if len(part) else np.nan,
                         "mean_other_ties": float(part.ties.mean()) if len(part) else np.nan,
                         "pct_faces_tied": (100 * part.ties.sum() / part.faces.sum()
                                            if part.faces.sum() else np.nan)}
                        for b, part in groups])
    return out
