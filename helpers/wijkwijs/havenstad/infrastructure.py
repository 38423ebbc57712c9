"""Social infrastructure in Havenstad: the chapter 6 measures on the synthetic city.

Thin functions that join the Havenstad tables (:mod:`wijkwijs.havenstad.load`) to
the measures of :mod:`wijkwijs.infrastructure` and :mod:`wijkwijs.networks`.
Havenstad is *synthetic*: its organisations, participants and referral links are
invented (``datasets/havenstad/README.md``). Everything here is computed from the
published tables; nothing is read from the generator.

The default year is :data:`~wijkwijs.havenstad.constants.TIE_YEAR` (2019), the
year of the resident-tie survey of chapter 5, so that reach, bridging and brokerage
describe the same year as the ties. An organisation is open from its ``founded``
year up to the year before ``closed`` (:func:`wijkwijs.infrastructure.is_open`), and a
participation spell counts in every year from ``start_year`` to ``end_year``.

* :func:`inventory_by_buurt` — organisations by type, mix, meeting places per 1,000;
* :func:`reach_by_buurt`, :func:`reach_by_income_group` — homes within 400/800 m of a
  meeting place;
* :func:`bridging_by_organisation`, :func:`bridging_confusion_table` — the computed
  bridging score against the data's ``orientation`` label;
* :func:`linking_by_organisation` — links to government and welfare;
* :func:`referral_edges`, :func:`referral_brokerage`, :func:`help_within_reach` — the
  referral network;
* :func:`closure_effect`, :func:`closure_by_income_group`, :func:`closure_candidates` —
  what closing an organisation does to the referral routes (fast, for the explorer);
* :func:`ties_by_shared_place`, :func:`member_profile`, :func:`label_disagreements` — the
  link back to the resident ties of chapter 5, and organisations whose label and
  participants disagree;
* :func:`new_centre_gain` — where a new meeting place would bring the most households
  of a group within walking distance;
* :func:`demolition_effect`, :func:`relocation_participation`,
  :func:`demolition_participation` — the 2016 demolition in the restructured buurt and
  its community centre's move next door.

>>> inv = inventory_by_buurt(2019)
>>> int(inv.loc[inv["name"] == "Touwslagerij", "meeting_places"].iloc[0])
7
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from functools import cache

import numpy as np
import pandas as pd

from wijkwijs import infrastructure as infra
from wijkwijs import networks
from wijkwijs._validate import check_year
from wijkwijs.havenstad.constants import (
    BACKGROUNDS,
    GROUPS,
    ORGANISATION_TYPES,
    TIE_YEAR,
    YEARS,
)
from wijkwijs.havenstad.load import (
    havenstad_households,
    havenstad_moves,
    havenstad_neighbourhoods,
    havenstad_organisations,
    havenstad_participation,
    havenstad_referrals,
    havenstad_statistics,
    havenstad_ties,
)

__all__ = [
    "AGE_GROUPS",
    "BRIDGING_ATTRIBUTES",
    "INCOME_PARTITION",
    "SERVICE_TYPES",
    "bridging_by_organisation",
    "bridging_confusion_table",
    "closure_by_income_group",
    "closure_candidates",
    "closure_effect",
    "demolition_effect",
    "demolition_participation",
    "help_within_reach",
    "inventory_by_buurt",
    "label_disagreements",
    "linking_by_organisation",
    "member_profile",
    "new_centre_gain",
    "reach_by_buurt",
    "reach_by_income_group",
    "referral_brokerage",
    "referral_edges",
    "referral_reach_of_organisations",
    "relocation_participation",
    "service_ids",
    "ties_by_shared_place",
]

#: Age groups of the head of household for the bridging measure (name -> lowest,
#: highest age, inclusive): young adults, young families, middle age, pensioners.
AGE_GROUPS: dict[str, tuple[int, int]] = {
    "under_30": (0, 29), "30_44": (30, 44), "45_64": (45, 64), "65_plus": (65, 150)}
#: The income groups of :data:`~wijkwijs.havenstad.constants.GROUPS` that split the
#: national percentiles 0–99 without overlap (used where every household needs one).
INCOME_PARTITION: tuple[str, ...] = ("low", "middle", "high")
#: The organisation types that count as *services* (formal help) in the referral
#: network: the municipality's teams and desks, and welfare organisations.
SERVICE_TYPES: tuple[str, ...] = ("municipal_service", "welfare_organisation")
#: The attributes compared by :func:`bridging_by_organisation`.
BRIDGING_ATTRIBUTES: tuple[str, ...] = ("income_group", "background", "age_group")


def _year(year: int) -> int:
    return check_year(year, YEARS, allow_none=False)


def _open_organisations(year: int) -> pd.DataFrame:
    orgs = havenstad_organisations()
    return orgs[infra.is_open(orgs, year).to_numpy()].reset_index(drop=True)


def _active_participation(year: int) -> pd.DataFrame:
    p = havenstad_participation()
    return p[(p["start_year"] <= year) & (p["end_year"] >= year)].reset_index(drop=True)


def _band(values: pd.Series, bands: dict[str, tuple[int, int]], names: Sequence[str]) -> pd.Series:
    """The name of the band each value falls in (bands must cover every value)."""
    out = pd.Series(pd.NA, index=values.index, dtype=object)
    for name in names:
        lo, hi = bands[name]
        out[(values >= lo) & (values <= hi)] = name
    if out.isna().any():
        raise ValueError(f"value {values[out.isna()].iloc[0]!r} falls in none of {list(names)}.")
    return out


def _households(year: int) -> pd.DataFrame:
    """Households of ``year`` with their income group and age group."""
    h = havenstad_households(year)
    h["income_group"] = _band(h["national_percentile"], GROUPS, INCOME_PARTITION)
    h["age_group"] = _band(h["age_head"], AGE_GROUPS, list(AGE_GROUPS))
    h["background"] = pd.Categorical(h["background"], categories=list(BACKGROUNDS))
    return h


def _buurt_prefix(code: str | None) -> str | None:
    """``BU`` + the digits of a gemeente, wijk or buurt code, checked against the data."""
    if code is None:
        return None
    nb = havenstad_neighbourhoods()
    known = {*nb["code"], *nb["wijk_code"], *nb["gemeente_code"]}
    if code not in known:
        raise ValueError(f"code {code!r} is not in Havenstad; give a gemeente (GM…), wijk "
                         "(WK…) or buurt (BU…) code from havenstad_neighbourhoods().")
    return "BU" + code[2:]


# --------------------------------------------------------------------------
# inventory and mix
# --------------------------------------------------------------------------

def inventory_by_buurt(year: int = TIE_YEAR) -> pd.DataFrame:
    """The social infrastructure of every buurt in ``year``: counts, mix, meeting places.

    Parameters
    ----------
    year
        The year (2011–2022); organisations open that year count.

    Returns
    -------
    pandas.DataFrame
        One row per buurt (all 53, indexed by code): ``name``, one count column per
        organisation type, ``organisations``, ``types_present``, ``mix_shannon``
        (Pielou's evenness over the 12 types) and ``mix_blau`` (normalised Blau),
        ``meeting_places``, ``population`` and ``meeting_places_per_1000``
        (:mod:`wijkwijs.infrastructure`). The mix of a buurt without organisations is
        ``NaN``.

    Examples
    --------
    Two buurten of the city, one with many meeting places and one with none:

    >>> inv = inventory_by_buurt(2019).set_index("name")
    >>> inv.loc[["Touwslagerij", "Perenlaan"], "meeting_places"].tolist()
    [7, 0]
    >>> inv[list(ORGANISATION_TYPES)].sum(axis=1).equals(inv["organisations"])
    True
    """
    year = _year(year)
    nb = havenstad_neighbourhoods()
    codes = nb["code"].tolist()
    orgs = _open_organisations(year)
    counts = infra.inventory(orgs, kinds=ORGANISATION_TYPES, areas=codes)
    stats = havenstad_statistics(year)
    population = stats[stats["level"] == "buurt"].set_index("code")["population"]
    population = population.reindex(codes)
    places = infra.meeting_places_per_1000(orgs, population)
    out = pd.DataFrame({"name": nb.set_index("code")["name"].reindex(codes)})
    out = out.join(counts)
    out["organisations"] = counts.sum(axis=1)
    out["types_present"] = (counts > 0).sum(axis=1)
    out["mix_shannon"] = infra.diversity(counts, index="shannon")
    out["mix_blau"] = infra.diversity(counts, index="blau")
    out = out.join(places.rename(columns={"residents": "population",
                                          "per_1000": "meeting_places_per_1000"}))
    out.index.name = "code"
    out.columns.name = None
    return out


# --------------------------------------------------------------------------
# reach
# --------------------------------------------------------------------------

@cache
def _lattice(spacing: float) -> pd.DataFrame:
    """Points on a square grid of ``spacing`` metres inside each buurt polygon.

    Cached: callers must not change the frame they get.
    """
    import shapely

    nb = havenstad_neighbourhoods()
    parts = []
    for code, polygon in zip(nb["code"], nb.geometry, strict=True):
        x0, y0, x1, y1 = polygon.bounds
        xs = np.arange(np.floor(x0 / spacing) * spacing + spacing / 2, x1, spacing)
        ys = np.arange(np.floor(y0 / spacing) * spacing + spacing / 2, y1, spacing)
        gx, gy = (a.ravel() for a in np.meshgrid(xs, ys))
        inside = shapely.contains_xy(polygon, gx, gy)
        parts.append(pd.DataFrame({"buurt_code": code, "x": gx[inside], "y": gy[inside]}))
    return pd.concat(parts, ignore_index=True)


def reach_by_buurt(year: int = TIE_YEAR, radii: Sequence[float] = (400, 800), *,
                   spacing: float = 25.0) -> pd.DataFrame:
    """The share of each buurt's homes within each radius of an open meeting place.

    Homes are not published (their locations are private even in a synthetic city),
    so households are taken to be spread evenly over their buurt: the share of homes
    within :math:`r` is the share of the buurt's area within :math:`r` (straight-line
    distance) of a meeting place, measured on a grid of points ``spacing`` metres
    apart. Meeting places in other buurten and gemeenten count too.

    Parameters
    ----------
    year
        The year; meeting places open that year count.
    radii
        Distances in metres.
    spacing
        Grid spacing in metres (smaller: more exact, slower).

    Returns
    -------
    pandas.DataFrame
        Per buurt code: ``points`` (grid points) and ``within_<r>m`` (shares 0–1).

    Examples
    --------
    >>> r = reach_by_buurt(2019)
    >>> len(r), bool((r["within_400m"] <= r["within_800m"]).all())
    (53, True)
    """
    year = _year(year)
    s = float(spacing)
    if not np.isfinite(s) or not 1 <= s <= 500:
        raise ValueError(f"spacing must be between 1 and 500 metres; got {spacing!r}.")
    orgs = _open_organisations(year)
    places = orgs[orgs["meeting_place"].to_numpy(dtype=bool)]
    out = infra.reach(_lattice(s), places, radii, by="buurt_code")
    return out.rename(columns={"homes": "points"}).astype({"points": int})


def reach_by_income_group(year: int = TIE_YEAR, radii: Sequence[float] = (400, 800), *,
                          code: str | None = None, spacing: float = 25.0) -> pd.DataFrame:
    """The share of households of each income group within reach of a meeting place.

    The income groups are :data:`~wijkwijs.havenstad.constants.GROUPS` (national
    percentile of the household's standardised income in ``year``; ``bottom_10`` is
    part of ``low`` and ``top_1`` of ``high``). Each buurt's share within reach
    (:func:`reach_by_buurt`, households spread evenly over the buurt) is weighted by
    the group's households in the buurt:

    .. math:: \\text{reach}_g(r) = \\frac{\\sum_b n_{gb}\\, a_b(r)}{\\sum_b n_{gb}}

    Parameters
    ----------
    year, radii, spacing
        As in :func:`reach_by_buurt`.
    code
        Only households of this gemeente, wijk or buurt (e.g. ``"GM9901"``, the city);
        ``None`` for the whole region.

    Returns
    -------
    pandas.DataFrame
        Per group (in the order of ``GROUPS``) ``households`` and ``within_<r>m``.

    Examples
    --------
    >>> r = reach_by_income_group(2019)
    >>> r.index.tolist()
    ['bottom_10', 'low', 'middle', 'high', 'top_1']
    >>> bool((r["within_800m"] >= r["within_400m"]).all())
    True
    """
    prefix = _buurt_prefix(code)
    shares = reach_by_buurt(year, radii, spacing=spacing)
    h = havenstad_households(_year(year))
    if prefix is not None:
        h = h[h["buurt_code"].str.startswith(prefix)]
    columns = [c for c in shares.columns if c.startswith("within_")]
    rows = {}
    for name, (lo, hi) in GROUPS.items():
        n = h.loc[h["national_percentile"].between(lo, hi), "buurt_code"].value_counts()
        a = shares.loc[n.index, columns]
        rows[name] = {"households": int(n.sum()),
                      **(a.mul(n, axis=0).sum() / max(n.sum(), 1)).to_dict()}
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "income_group"
    return out


# --------------------------------------------------------------------------
# bridging
# --------------------------------------------------------------------------

def bridging_by_organisation(year: int = TIE_YEAR, *, min_members: int = 10) -> pd.DataFrame:
    """The bridging score of every organisation open in ``year``, beside its label.

    :func:`wijkwijs.infrastructure.bridging` on the participants of that year:
    each organisation's mix of members by income group (low/middle/high), background
    and age group of the head (:data:`AGE_GROUPS`), relative to the households of its
    own buurt (1 = as mixed as the buurt).

    Parameters
    ----------
    year
        The year of participation and of the households' attributes.
    min_members
        Organisations with fewer participants get ``NaN`` (undetermined).

    Returns
    -------
    pandas.DataFrame
        Per organisation id: ``name``, ``type``, ``orientation`` (the label in the
        data), ``area`` (buurt), ``members``, ``income_group``, ``background``,
        ``age_group`` (ratios) and ``bridging`` (their mean).

    Examples
    --------
    >>> b = bridging_by_organisation(2019)
    >>> mosques = b.loc[b["type"] == "mosque", "background"].dropna()
    >>> bool(mosques.median() < 0.5)  # mosques draw from one background
    True
    """
    year = _year(year)
    h = _households(year)
    orgs = _open_organisations(year)
    part = _active_participation(year).merge(h, on="household_id", how="left",
                                             validate="many_to_one")
    if part["buurt_code"].isna().any():
        raise ValueError("participation holds households that are not in the panel of "
                         f"{year}; the tables do not match.")
    scores = infra.bridging(part, h, orgs, attributes=BRIDGING_ATTRIBUTES,
                            min_members=min_members)
    labels = orgs.set_index("organisation_id")[["name", "type", "orientation"]]
    return labels.join(scores)


def bridging_confusion_table(year: int = TIE_YEAR, *, threshold: float = 0.8,
                             min_members: int = 10) -> pd.DataFrame:
    """Computed bridging (score ≥ ``threshold``) against the ``orientation`` label.

    Parameters
    ----------
    year, min_members
        As in :func:`bridging_by_organisation`.
    threshold
        As in :func:`wijkwijs.infrastructure.bridging_confusion`.

    Returns
    -------
    pandas.DataFrame
        Counts: computed (``bridging``, ``bonding``, ``undetermined``) by labelled.

    Examples
    --------
    >>> t = bridging_confusion_table(2019)
    >>> int(t.to_numpy().sum()) == len(bridging_by_organisation(2019))
    True
    """
    b = bridging_by_organisation(year, min_members=min_members)
    return infra.bridging_confusion(b["bridging"], b["orientation"].astype(str),
                                    threshold=threshold)


# --------------------------------------------------------------------------
# linking and the referral network
# --------------------------------------------------------------------------

def referral_edges(year: int = TIE_YEAR) -> pd.DataFrame:
    """The referral links active in ``year`` (``first_year`` ≤ year ≤ ``last_year``).

    >>> e = referral_edges(2019)
    >>> bool(((e["first_year"] <= 2019) & (e["last_year"] >= 2019)).all())
    True
    """
    year = _year(year)
    r = havenstad_referrals()
    return r[(r["first_year"] <= year) & (r["last_year"] >= year)].reset_index(drop=True)


def _service_ids(orgs: pd.DataFrame) -> set:
    return set(orgs.loc[orgs["type"].isin(SERVICE_TYPES), "organisation_id"])


def service_ids(year: int = TIE_YEAR) -> set:
    """The ids of the services (:data:`SERVICE_TYPES`) open in ``year``.

    >>> 366 in service_ids(2019)  # a social neighbourhood team
    True
    """
    return _service_ids(_open_organisations(_year(year)))


def linking_by_organisation(year: int = TIE_YEAR) -> pd.DataFrame:
    """Which organisations link residents to government and welfare in ``year``.

    :func:`wijkwijs.infrastructure.linking` with the open municipal services and
    welfare organisations as targets and the year's referrals per year as volume.
    The municipal services themselves are left out: they are the government.

    Returns
    -------
    pandas.DataFrame
        Per organisation id: ``name``, ``type``, ``explains_government_info``,
        ``links_to_targets``, ``referrals_to_targets`` and ``linking``.

    Examples
    --------
    >>> lk = linking_by_organisation(2019)
    >>> bool(lk.loc[lk["type"] == "cafe", "links_to_targets"].eq(0).all())
    True
    """
    year = _year(year)
    orgs = _open_organisations(year)
    edges = referral_edges(year)
    out = infra.linking(orgs, edges, _service_ids(orgs), weight="referrals_per_year")
    info = orgs.set_index("organisation_id")[["name", "type"]]
    out = info.join(out)
    return out[out["type"] != "municipal_service"]


def referral_brokerage(year: int = TIE_YEAR, top: int | None = 5) -> pd.DataFrame:
    """Brokerage in the referral network of ``year``, highest betweenness first.

    :func:`wijkwijs.networks.brokerage` on the links active that year (unweighted
    betweenness; constraint and effective size on the unweighted directed graph),
    with each organisation's name, type and buurt. Nodes are the organisations with
    at least one link that year.

    Parameters
    ----------
    year
        The year of the network.
    top
        Keep this many rows (``None``: all). Ties in betweenness are broken by the
        lower constraint, then the id.

    Examples
    --------
    >>> b = referral_brokerage(2019, top=None)
    >>> len(b) == len(set(referral_edges(2019)[["from_id", "to_id"]].to_numpy().ravel()))
    True
    """
    year = _year(year)
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        raise ValueError(f"top must be a positive whole number or None; got {top!r}.")
    b = networks.brokerage(referral_edges(year))
    info = havenstad_organisations().set_index("organisation_id")[["name", "type",
                                                                   "buurt_code"]]
    out = info.reindex(b.index).join(b)
    out.index.name = "organisation_id"
    out = out.assign(_id=out.index).sort_values(["betweenness", "constraint", "_id"],
                                                ascending=[False, True, True])
    out = out.drop(columns="_id")
    return out if top is None else out.head(top)


def help_within_reach(year: int = TIE_YEAR, k: int = 2) -> pd.DataFrame:
    """Per buurt: how many services residents reach within ``k`` referral steps.

    From every organisation a household takes part in (that year), follow referral
    links up to ``k`` steps to the services (:data:`SERVICE_TYPES`);
    :func:`wijkwijs.networks.reachable_services`. All households of the buurt count,
    also those taking part in nothing.

    Returns
    -------
    pandas.DataFrame
        Per buurt code: ``households``, ``share_with_help`` (at least one service
        within reach), ``share_one_route`` (help through exactly one organisation)
        and ``mean_services``.

    Examples
    --------
    >>> h = help_within_reach(2019, k=2)
    >>> bool(h["share_one_route"].le(h["share_with_help"]).all())
    True
    """
    year = _year(year)
    h = havenstad_households(year)
    orgs = _open_organisations(year)
    reach = networks.reachable_services(_active_participation(year), referral_edges(year),
                                        _service_ids(orgs), k=k,
                                        households=h["household_id"])
    reach["buurt_code"] = h.set_index("household_id").loc[reach.index, "buurt_code"]
    g = reach.groupby("buurt_code")
    return pd.DataFrame({
        "households": g.size(),
        "share_with_help": g["n_services"].apply(lambda s: float((s > 0).mean())),
        "share_one_route": g["n_routes"].apply(lambda s: float((s == 1).mean())),
        "mean_services": g["n_services"].mean(),
    })


# --------------------------------------------------------------------------
# the demolition
# --------------------------------------------------------------------------

def _relocation() -> tuple[int, int, int, str, pd.DataFrame]:
    """(demolition year, closed centre id, successor id, demolished buurt, moves)."""
    moves = havenstad_moves()
    demolition = moves[moves["reason"] == "demolition"]
    years = sorted(demolition["year"].unique())
    buurten = sorted(demolition["from_buurt"].unique())
    if len(years) != 1 or len(buurten) != 1:
        raise ValueError(f"expected demolition moves in one year from one buurt; found years "
                         f"{years} and buurten {buurten}.")
    year, buurt = int(years[0]), str(buurten[0])
    orgs = havenstad_organisations().set_index("organisation_id")
    closed_there = orgs[(orgs["buurt_code"] == buurt) & (orgs["closed"] == year)]
    successors = orgs[orgs["predecessor_id"].isin(closed_there.index)
                      & (orgs["founded"] == year)]
    if len(successors) != 1:
        raise ValueError(f"expected one organisation relocated from {buurt} in {year}; "
                         f"found {len(successors)}.")
    new = int(successors.index[0])
    old = int(successors.loc[new, "predecessor_id"])
    return year, old, new, buurt, demolition


def demolition_effect() -> pd.Series:
    """What the demolition took from the community centre of the restructured buurt.

    Finds, from the data, the year and buurt of the demolition moves (``reason ==
    "demolition"``) and the community centre that closed there that year and was
    relocated (its successor has it as ``predecessor_id``). Then counts, among the
    old centre's participants in its last open year (many live elsewhere in the
    wijk), those forced out by the demolition, how many of those left the gemeente,
    how many participants still lived in the buurt the year after, and who took part
    in the successor afterwards; and
    what closing the old centre did to the referral routes of that year
    (:func:`wijkwijs.networks.removal_effect`, services :data:`SERVICE_TYPES`,
    ``k = 2``).

    Returns
    -------
    pandas.Series
        Named numbers (ids and years as numbers too), see the example.

    Examples
    --------
    >>> e = demolition_effect()
    >>> int(e["demolition_year"]), int(e["households_moved_by_demolition"])
    (2016, 320)
    >>> bool(e["participants_moved_by_demolition"] <= e["participants_last_open_year"])
    True
    """
    year, old, new, buurt, demolition = _relocation()
    last = year - 1
    members = _active_participation(last)
    members = set(members.loc[members["organisation_id"] == old, "household_id"])
    before = havenstad_households(last)
    local = int((before["household_id"].isin(members) & (before["buurt_code"] == buurt)).sum())
    moved = demolition[demolition["household_id"].isin(members)]
    stay = havenstad_households(year)
    stay = stay[stay["household_id"].isin(members)]
    later = havenstad_participation()
    later = later[(later["organisation_id"] == new) & later["household_id"].isin(members)]
    gone_later = set(later["household_id"]) & set(moved["household_id"])
    old_gemeente = "GM" + buurt[2:6]
    part = _active_participation(last)
    orgs = _open_organisations(last)
    removal = networks.removal_effect(part, referral_edges(last), _service_ids(orgs), old, k=2,
                                      households=havenstad_households(last)["household_id"])
    return pd.Series({
        "demolition_year": year,
        "closed_centre_id": old,
        "successor_id": new,
        "households_moved_by_demolition": len(demolition),
        "participants_last_open_year": len(members),
        "participants_living_in_the_buurt": local,
        "participants_moved_by_demolition": int(moved["household_id"].nunique()),
        "moved_participants_leaving_the_gemeente": int(
            (~moved["to_buurt"].str.startswith("BU" + old_gemeente[2:])).sum()),
        "participants_still_in_the_buurt": int((stay["buurt_code"] == buurt).sum()),
        "participants_joining_the_successor": int(later["household_id"].nunique()),
        "moved_participants_joining_the_successor": len(gone_later),
        "households_losing_all_help_at_closure": int(removal["households_losing_all_help"]),
        "change_in_mean_services_at_closure": float(removal["change_in_mean_services"]),
    }, name="demolition_effect", dtype=object)


def relocation_participation() -> pd.DataFrame:
    """Participants of the closed centre and of its successor, year by year.

    Returns
    -------
    pandas.DataFrame
        Per year: ``old_centre`` (participants of the closed centre), ``successor``
        (participants of the relocated centre) and ``successor_from_old`` (of whom took
        part in the old centre in its last open year).

    Examples
    --------
    >>> r = relocation_participation()
    >>> int(r.loc[2016, "old_centre"]), bool(r.loc[2016, "successor"] > 0)
    (0, True)
    """
    year, old, new, _, _ = _relocation()
    p = havenstad_participation()
    old_p, new_p = p[p["organisation_id"] == old], p[p["organisation_id"] == new]
    last = set(old_p.loc[(old_p["start_year"] <= year - 1) & (old_p["end_year"] >= year - 1),
                         "household_id"])
    rows = {}
    for y in YEARS:
        a = old_p[(old_p["start_year"] <= y) & (old_p["end_year"] >= y)]["household_id"]
        b = new_p[(new_p["start_year"] <= y) & (new_p["end_year"] >= y)]["household_id"]
        rows[y] = {"old_centre": a.nunique(), "successor": b.nunique(),
                   "successor_from_old": len(set(b) & last)}
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "year"
    return out


# --------------------------------------------------------------------------
# closing an organisation (the explorer of chapter 6.3)
# --------------------------------------------------------------------------

@cache
def _help_inputs(year: int) -> tuple[pd.DataFrame, pd.DataFrame, set, pd.Series, np.ndarray]:
    h = _households(year)
    return (_active_participation(year), referral_edges(year),
            _service_ids(_open_organisations(year)), h["household_id"],
            h["income_group"].to_numpy())


@cache
def _help(year: int, k: int) -> tuple[networks.ReachableHelp, np.ndarray]:
    """The referral help of ``year`` set up once, and each household's income group."""
    part, edges, services, households, groups = _help_inputs(year)
    help_ = networks.ReachableHelp(part, edges, services, k=k, households=households)
    return help_, groups


def _check_k(k: int) -> int:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 0 <= k <= 10:
        raise ValueError(f"k must be a whole number of referral steps, 0–10; got {k!r}.")
    return int(k)


def closure_effect(remove: Hashable | Iterable[Hashable], year: int = TIE_YEAR,
                   k: int = 2) -> pd.Series:
    """What closing ``remove`` (one id or several) does to the help residents reach.

    :func:`wijkwijs.networks.removal_effect` on the participation and referral links
    of ``year``, with the open municipal services and welfare organisations as
    services and every household of the year counted; computed with
    :class:`wijkwijs.networks.ReachableHelp`, set up once per ``(year, k)``, so a
    closure takes milliseconds.

    Examples
    --------
    >>> e = closure_effect(143)
    >>> int(e["households_losing_all_help"]) > 0, int(e["components_after"]) >= 6
    (True, True)
    """
    help_, _ = _help(_year(year), _check_k(k))
    return help_.effect(remove)


def closure_by_income_group(remove: Hashable | Iterable[Hashable], year: int = TIE_YEAR,
                            k: int = 2) -> pd.DataFrame:
    """Households with help before and after closing ``remove``, by income group.

    Returns
    -------
    pandas.DataFrame
        Per income group (:data:`INCOME_PARTITION`): ``households``,
        ``with_help_before``, ``with_help_after``, ``losing_all_help`` and
        ``share_losing`` (of the group's households).

    Examples
    --------
    >>> t = closure_by_income_group(143)
    >>> int(t["losing_all_help"].sum()) == int(closure_effect(143)["households_losing_all_help"])
    True
    """
    help_, groups = _help(_year(year), _check_k(k))
    before = help_.n_services_before > 0
    after = help_.n_services(remove) > 0
    names = list(INCOME_PARTITION)
    code = pd.Categorical(groups, categories=names).codes

    def count(mask: np.ndarray) -> np.ndarray:
        return np.bincount(code[mask], minlength=len(names))

    out = pd.DataFrame({"households": count(np.ones_like(before)),
                        "with_help_before": count(before), "with_help_after": count(after),
                        "losing_all_help": count(before & ~after)},
                       index=pd.Index(names, name="income_group"))
    out["share_losing"] = out["losing_all_help"] / out["households"]
    return out


def closure_candidates(year: int = TIE_YEAR, top: int = 15) -> pd.DataFrame:
    """The organisations a learner may close in the explorer: the ``top`` brokers.

    :func:`referral_brokerage` (highest betweenness first) without the municipal
    services (closing the government is another question), with a ``label`` for a
    dropdown ("name (type)").

    Examples
    --------
    >>> c = closure_candidates(top=5)
    >>> len(c), bool((c["type"] != "municipal_service").all())
    (5, True)
    """
    b = referral_brokerage(year, top=None)
    b = b[b["type"] != "municipal_service"].head(top).copy()
    b["label"] = [f"{n} ({t.replace('_', ' ')})" for n, t in zip(b["name"], b["type"],
                                                                  strict=True)]
    return b


def referral_reach_of_organisations(remove: Hashable | Iterable[Hashable] | None = None,
                                    year: int = TIE_YEAR, k: int = 2) -> pd.Series:
    """Services within ``k`` steps of every organisation, after closing ``remove``.

    >>> r = referral_reach_of_organisations()
    >>> int(r.loc[366]) >= 1  # a social neighbourhood team reaches itself
    True
    """
    help_, _ = _help(_year(year), _check_k(k))
    return help_.organisation_reach(remove)


# --------------------------------------------------------------------------
# shared places and the ties of chapter 5; labels against participants
# --------------------------------------------------------------------------

def ties_by_shared_place(attribute: str = "background") -> pd.DataFrame:
    """How often resident ties cross groups, by the places the two households share.

    The ties of chapter 5 (:func:`~wijkwijs.havenstad.load.havenstad_ties`, four sampled
    buurten, 2019) carry ``shared_organisations`` and ``shared_bridging`` (of which
    labelled bridging). Each tie falls in one of three rows: ``none`` (no shared
    organisation), ``bonding_only`` (shared organisations, none labelled bridging) and
    ``bridging`` (at least one shared bridging organisation).

    Parameters
    ----------
    attribute
        ``"background"``, ``"income_group"`` (low/middle/high) or ``"age_group"``.

    Returns
    -------
    pandas.DataFrame
        Per row: ``ties`` and ``cross_share`` (ties between households of different
        groups).

    Examples
    --------
    >>> t = ties_by_shared_place()
    >>> list(t.index), bool(t.loc["bridging", "cross_share"] > t.loc["none", "cross_share"])
    (['none', 'bonding_only', 'bridging'], True)
    """
    if attribute not in BRIDGING_ATTRIBUTES:
        raise ValueError(f"attribute must be one of {', '.join(BRIDGING_ATTRIBUTES)}; got "
                         f"{attribute!r}.")
    ties = havenstad_ties()
    h = _households(TIE_YEAR).set_index("household_id")[attribute].astype(object)
    cross = h.reindex(ties["household_a"]).to_numpy() != h.reindex(ties["household_b"]).to_numpy()
    place = np.where(ties["shared_bridging"].to_numpy() > 0, "bridging",
                     np.where(ties["shared_organisations"].to_numpy() > 0, "bonding_only",
                              "none"))
    frame = pd.DataFrame({"place": place, "cross": cross})
    out = frame.groupby("place").agg(ties=("cross", "size"), cross_share=("cross", "mean"))
    out = out.reindex(["none", "bonding_only", "bridging"])
    out.index.name = "shared_place"
    return out


def member_profile(organisation_id: int, attribute: str = "income_group",
                   year: int = TIE_YEAR) -> pd.DataFrame:
    """The shares of each group among an organisation's participants and in its buurt.

    Returns
    -------
    pandas.DataFrame
        Per category of ``attribute``: ``members`` and ``buurt`` (shares, each summing
        to 1), and the counts ``n_members`` and ``n_buurt``.

    Examples
    --------
    >>> m = member_profile(358, "background")
    >>> [round(float(m[c].sum()), 6) for c in ("members", "buurt")]
    [1.0, 1.0]
    """
    if attribute not in BRIDGING_ATTRIBUTES:
        raise ValueError(f"attribute must be one of {', '.join(BRIDGING_ATTRIBUTES)}; got "
                         f"{attribute!r}.")
    year = _year(year)
    orgs = _open_organisations(year).set_index("organisation_id")
    if organisation_id not in orgs.index:
        raise ValueError(f"organisation {organisation_id!r} is not open in {year}.")
    h = _households(year)
    part = _active_participation(year)
    ids = part.loc[part["organisation_id"] == organisation_id, "household_id"].unique()
    cats = {"income_group": list(INCOME_PARTITION), "background": list(BACKGROUNDS),
            "age_group": list(AGE_GROUPS)}[attribute]
    values = h.set_index("household_id")[attribute].astype(object)
    members = values.reindex(ids).value_counts().reindex(cats, fill_value=0)
    buurt = h.loc[h["buurt_code"] == orgs.loc[organisation_id, "buurt_code"], attribute]
    buurt = buurt.astype(object).value_counts().reindex(cats, fill_value=0)
    out = pd.DataFrame({"members": members / max(members.sum(), 1),
                        "buurt": buurt / max(buurt.sum(), 1),
                        "n_members": members.astype(int), "n_buurt": buurt.astype(int)})
    out.index.name = attribute
    return out


def label_disagreements(year: int = TIE_YEAR, *, threshold: float = 0.8,
                        min_members: int = 10) -> pd.DataFrame:
    """Organisations labelled *bridging* whose participants are not mixed (score < threshold).

    Lowest score first. The label in the synthetic data is given per organisation type
    at random, whoever takes part; the participants decide the score.

    >>> d = label_disagreements()
    >>> bool((d["orientation"] == "bridging").all() and (d["bridging"] < 0.8).all())
    True
    """
    b = bridging_by_organisation(year, min_members=min_members)
    out = b[(b["orientation"].astype(str) == "bridging") & (b["bridging"] < float(threshold))]
    return out.sort_values(["bridging", "members"], ascending=[True, False])


# --------------------------------------------------------------------------
# where would a new meeting place reach most?
# --------------------------------------------------------------------------

def new_centre_gain(year: int = TIE_YEAR, radius: float = 400, *, group: str = "low",
                    code: str | None = "GM9901", spacing: float = 25.0) -> pd.DataFrame:
    r"""Households of ``group`` newly within ``radius`` if a meeting place opened in a buurt.

    For every buurt of ``code`` (default the city), a new meeting place is put at the
    buurt's representative point (a point inside its polygon; shapely's
    ``representative_point``). As in :func:`reach_by_buurt`, households are spread
    evenly over their buurt: a buurt :math:`b` gains the share of its grid points that
    were beyond ``radius`` of every open meeting place and are now within it, times its
    households of the group:

    .. math:: \text{gain}(c) = \sum_b n_{gb}\,
              \frac{\#\{i \in b : d_i > r,\ |x_i - x_c| \le r\}}{\#\{i \in b\}}

    Parameters
    ----------
    year, spacing
        As in :func:`reach_by_buurt`.
    radius
        Walking distance in metres (straight line).
    group
        An income group of :data:`~wijkwijs.havenstad.constants.GROUPS`.
    code
        Candidate buurten and counted households of this gemeente, wijk or buurt;
        ``None`` for the whole region.

    Returns
    -------
    pandas.DataFrame
        Per candidate buurt (code), largest gain first: ``name``, ``households`` (of the
        group in the buurt itself), ``within_before`` (share of the buurt's points
        within reach now) and ``gain`` (households of the group, rounded to whole
        households).

    Examples
    --------
    >>> g = new_centre_gain(2019)
    >>> bool(g["gain"].is_monotonic_decreasing), bool((g["gain"] >= 0).all())
    (True, True)
    """
    year = _year(year)
    if group not in GROUPS:
        raise ValueError(f"group must be one of {', '.join(GROUPS)}; got {group!r}.")
    r = float(radius)
    if not np.isfinite(r) or not 50 <= r <= 3000:
        raise ValueError(f"radius must be between 50 and 3000 metres; got {radius!r}.")
    prefix = _buurt_prefix(code)
    grid = _lattice(float(spacing))
    orgs = _open_organisations(year)
    places = orgs[orgs["meeting_place"].to_numpy(dtype=bool)]
    d0 = infra.nearest_distance(grid["x"], grid["y"], places["x"].to_numpy(),
                                places["y"].to_numpy(), max_distance=r)
    beyond = d0 > r
    h = havenstad_households(year)
    lo, hi = GROUPS[group]
    h = h[h["national_percentile"].between(lo, hi)]
    nb = havenstad_neighbourhoods()
    if prefix is not None:
        h = h[h["buurt_code"].str.startswith(prefix)]
        nb = nb[nb["code"].str.startswith(prefix)]
    n = h["buurt_code"].value_counts()
    codes = grid["buurt_code"].to_numpy()
    points = pd.Series(codes).value_counts()
    weight = (n.reindex(points.index, fill_value=0) / points).reindex(codes).to_numpy()
    gx, gy = grid["x"].to_numpy(), grid["y"].to_numpy()
    rows = []
    for c, name, polygon in zip(nb["code"], nb["name"], nb.geometry, strict=True):
        p = polygon.representative_point()
        new = beyond & (np.hypot(gx - p.x, gy - p.y) <= r)
        inside = codes == c
        rows.append({"code": c, "name": name, "households": int(n.get(c, 0)),
                     "within_before": float((~beyond[inside]).mean()),
                     "gain": float(np.round(weight[new].sum()))})
    out = pd.DataFrame(rows).set_index("code")
    return out.sort_values(["gain", "name"], ascending=[False, True])


# --------------------------------------------------------------------------
# who the demolition took away
# --------------------------------------------------------------------------

def demolition_participation() -> pd.DataFrame:
    """Where the households moved by the demolition took part, the year before and after.

    Joins the ``moves`` with reason ``demolition`` to ``participation``: per
    organisation the movers took part in during the year before the demolition,
    ``movers_before`` and ``movers_after`` (of them, still taking part there the year
    after), with the organisation's ``name`` and ``type``.

    >>> d = demolition_participation()
    >>> int(d.loc[204, "movers_before"]), int(d.loc[204, "movers_after"])
    (50, 0)
    """
    year, _, _, _, demolition = _relocation()
    movers = set(demolition["household_id"])
    p = havenstad_participation()
    p = p[p["household_id"].isin(movers)]

    def active(y: int) -> pd.DataFrame:
        return p[(p["start_year"] <= y) & (p["end_year"] >= y)]

    before = active(year - 1).groupby("organisation_id")["household_id"].nunique()
    after_rows = active(year + 1)
    after = {o: len(set(g["household_id"]) & set(
        active(year - 1).loc[active(year - 1)["organisation_id"] == o, "household_id"]))
        for o, g in after_rows.groupby("organisation_id")}
    info = havenstad_organisations().set_index("organisation_id")[["name", "type"]]
    out = info.reindex(before.index)
    out["movers_before"] = before.astype(int)
    out["movers_after"] = [int(after.get(o, 0)) for o in before.index]
    return out.sort_values(["movers_before", "name"], ascending=[False, True])
