"""Tests for wijkwijs.havenstad.infrastructure on the shipped (synthetic) Havenstad data:
the open-year convention against the participation table, exact polygon geometry
(shapely) as the oracle for the grid-based reach, python-igraph for the real
referral network, direct pandas recounts, and the data card's documented contrasts."""

from __future__ import annotations

import igraph as ig
import numpy as np
import pandas as pd
import pytest
import shapely

from wijkwijs import networks
from wijkwijs.havenstad import (
    GROUPS,
    havenstad_households,
    havenstad_moves,
    havenstad_neighbourhoods,
    havenstad_organisations,
    havenstad_participation,
    havenstad_statistics,
    havenstad_ties,
)
from wijkwijs.havenstad.constants import ORGANISATION_TYPES
from wijkwijs.havenstad.infrastructure import (
    bridging_by_organisation,
    bridging_confusion_table,
    closure_by_income_group,
    closure_candidates,
    closure_effect,
    demolition_effect,
    demolition_participation,
    help_within_reach,
    inventory_by_buurt,
    label_disagreements,
    linking_by_organisation,
    member_profile,
    new_centre_gain,
    reach_by_buurt,
    reach_by_income_group,
    referral_brokerage,
    referral_edges,
    referral_reach_of_organisations,
    relocation_participation,
    service_ids,
    ties_by_shared_place,
)
from wijkwijs.infrastructure import is_open

YEAR = 2019


def buurt_code(name):
    nb = havenstad_neighbourhoods()
    return nb.loc[nb["name"] == name, "code"].item()


def test_participation_happens_only_in_open_years():
    """The open-year convention (founded .. closed - 1) is the one the data follow."""
    orgs = havenstad_organisations().set_index("organisation_id")
    p = havenstad_participation().join(orgs[["founded", "closed"]], on="organisation_id")
    assert (p["start_year"] >= p["founded"]).all()
    closed = p["closed"].notna()
    assert (p.loc[closed, "end_year"] < p.loc[closed, "closed"]).all()
    # and in every year of every spell the organisation is open
    for year in (2011, 2015, 2016, 2022):
        active = p[(p["start_year"] <= year) & (p["end_year"] >= year)]
        assert is_open(orgs.loc[active["organisation_id"]].reset_index(), year).all()


def test_inventory_counts_open_organisations():
    inv = inventory_by_buurt(YEAR)
    orgs = havenstad_organisations()
    open_now = orgs[is_open(orgs, YEAR).to_numpy()]
    assert len(inv) == 53
    assert inv["organisations"].sum() == len(open_now)
    assert inv[list(ORGANISATION_TYPES)].sum().sum() == len(open_now)
    assert inv["meeting_places"].sum() == int(open_now["meeting_place"].sum())
    stats = havenstad_statistics(YEAR).set_index("code")
    tw = buurt_code("Touwslagerij")
    assert inv.loc[tw, "population"] == stats.loc[tw, "population"]
    assert inv.loc[tw, "meeting_places_per_1000"] == pytest.approx(
        1000 * inv.loc[tw, "meeting_places"] / stats.loc[tw, "population"])
    empty = inv["organisations"] == 0  # the mix of nothing is undefined, not 0
    assert inv.loc[empty, "mix_shannon"].isna().all()
    assert inv.loc[~empty, "mix_shannon"].between(0, 1).all()
    assert inv.loc[~empty, "mix_blau"].between(0, 1).all()
    assert inv["types_present"].max() <= len(ORGANISATION_TYPES)


def test_inventory_shows_what_the_liveability_score_misses():
    """Data card: in 2019 Touwslagerij has 7 meeting places and Perenlaan none."""
    inv = inventory_by_buurt(2019).set_index("name")
    assert inv.loc["Touwslagerij", "meeting_places"] == 7
    assert inv.loc["Perenlaan", "meeting_places"] == 0
    # Kievitbuurt, the designed poor infrastructure, has only shops and cafés in 2019
    kv = inv.loc["Kievitbuurt", list(ORGANISATION_TYPES)]
    assert kv.drop(["shop", "cafe"]).sum() == 0


@pytest.mark.parametrize("name", ["Touwslagerij", "Kievitbuurt", "Villapark", "Polderhart"])
def test_grid_reach_agrees_with_exact_geometry(name):
    """Share of the buurt's area within r of a meeting place, from shapely buffers."""
    code = buurt_code(name)
    nb = havenstad_neighbourhoods().set_index("code")
    polygon = nb.loc[code, "geometry"]
    orgs = havenstad_organisations()
    places = orgs[is_open(orgs, YEAR).to_numpy() & orgs["meeting_place"].to_numpy(bool)]
    points = shapely.points(places["x"].to_numpy(float), places["y"].to_numpy(float))
    grid = reach_by_buurt(YEAR)
    for r in (400, 800):
        covered = shapely.union_all(shapely.buffer(points, r, quad_segs=64))
        exact = polygon.intersection(covered).area / polygon.area
        assert grid.loc[code, f"within_{r}m"] == pytest.approx(exact, abs=0.01)
    assert grid.loc[code, "points"] == pytest.approx(polygon.area / 25**2, rel=0.02)


def test_reach_by_income_group_weights_buurten_by_households():
    r = reach_by_income_group(YEAR)
    h = havenstad_households(YEAR)
    shares = reach_by_buurt(YEAR)
    for group, (lo, hi) in GROUPS.items():
        members = h[h["national_percentile"].between(lo, hi)]
        assert r.loc[group, "households"] == len(members)
        by_home = shares.loc[members["buurt_code"], "within_800m"].to_numpy()
        assert r.loc[group, "within_800m"] == pytest.approx(by_home.mean())
    city = reach_by_income_group(YEAR, code="GM9901")
    assert city["households"].lt(r["households"]).all()
    assert ((r[["within_400m", "within_800m"]] >= 0) & (r[["within_400m", "within_800m"]] <= 1)
            ).all().all()


def test_bridging_counts_the_participants_of_the_year():
    b = bridging_by_organisation(YEAR)
    p = havenstad_participation()
    active = p[(p["start_year"] <= YEAR) & (p["end_year"] >= YEAR)]
    counts = active.groupby("organisation_id").size()
    np.testing.assert_array_equal(b["members"], counts.reindex(b.index, fill_value=0))
    assert (b.loc[b["members"] < 10, "bridging"].isna()).all()
    assert set(b["orientation"].astype(str)) <= {"bridging", "bonding"}


def test_bridging_sees_the_documented_selective_participation():
    """Data card: participation by affinity — background for mosques, low income for
    welfare organisations, children for schools and youth spaces."""
    b = bridging_by_organisation(YEAR)
    by_type = b.groupby("type")[["income_group", "background", "age_group"]].median()
    assert by_type.loc["mosque", "background"] < 0.5
    assert by_type.loc["welfare_organisation", "income_group"] < 0.6
    assert by_type.loc["school", "age_group"] < 0.95
    assert by_type.loc["youth_space", "age_group"] < 0.95
    # a shop draws from everyone: about as mixed as its buurt
    assert by_type.loc["shop"].between(0.9, 1.1).all()


def test_bridging_confusion_table_covers_every_open_organisation():
    t = bridging_confusion_table(YEAR)
    b = bridging_by_organisation(YEAR)
    assert t.to_numpy().sum() == len(b)
    assert t.loc["undetermined"].sum() == b["bridging"].isna().sum()
    labelled = b["orientation"].astype(str).value_counts()
    assert t["bridging"].sum() == labelled["bridging"]
    stricter = bridging_confusion_table(YEAR, threshold=0.95)
    assert stricter.loc["bridging"].sum() <= t.loc["bridging"].sum()


def test_referral_brokerage_top_five_and_igraph():
    edges = referral_edges(YEAR)
    full = referral_brokerage(YEAR, top=None)
    top = referral_brokerage(YEAR)
    assert len(top) == 5
    assert top["betweenness"].is_monotonic_decreasing
    assert top["betweenness"].iloc[0] == full["betweenness"].max()
    assert full["in_degree"].sum() == len(edges)
    nodes = sorted(full.index)
    pos = {n: i for i, n in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(pos[u], pos[v]) for u, v in
                                      zip(edges["from_id"], edges["to_id"], strict=True)],
                 directed=True)
    n = len(nodes)
    between = np.array(g.betweenness(directed=True)) / ((n - 1) * (n - 2))
    np.testing.assert_allclose(full.loc[nodes, "betweenness"], between, atol=1e-12)
    np.testing.assert_allclose(full.loc[nodes, "constraint"], g.constraint(), rtol=1e-10)
    assert set(top["type"]) <= {"community_centre", "welfare_organisation",
                                "municipal_service", "library", "volunteer_organisation",
                                "school", "church", "mosque", "youth_space"}


def test_linking_follows_the_referral_function():
    lk = linking_by_organisation(YEAR)
    orgs = havenstad_organisations().set_index("organisation_id")
    assert "municipal_service" not in set(lk["type"])
    no_referral = ~orgs.loc[lk.index, "referral"].to_numpy(bool)
    assert (lk.loc[no_referral, "links_to_targets"] == 0).all()
    out_degree = referral_edges(YEAR).groupby("from_id").size()
    assert (lk["links_to_targets"] <= out_degree.reindex(lk.index, fill_value=0)).all()
    assert (lk["linking"] == (lk["explains_government_info"] | (lk["links_to_targets"] > 0))
            ).all()


def test_help_within_reach_per_buurt():
    h = help_within_reach(YEAR, k=2)
    assert h["households"].sum() == len(havenstad_households(YEAR))
    assert h["share_with_help"].between(0, 1).all()
    # the designed contrast of the data card: rich (Kersenhof) and poor (Kievitbuurt)
    assert (h.loc[buurt_code("Kersenhof"), "share_with_help"]
            > h.loc[buurt_code("Kievitbuurt"), "share_with_help"])
    assert (help_within_reach(YEAR, k=3)["share_with_help"] >= h["share_with_help"]).all()


def test_demolition_effect_recounted_by_hand():
    e = demolition_effect()
    orgs = havenstad_organisations().set_index("organisation_id")
    assert "Meeuwenhof" in orgs.loc[e["closed_centre_id"], "name"]
    assert "Sternhof" in orgs.loc[e["successor_id"], "name"]
    assert orgs.loc[e["successor_id"], "predecessor_id"] == e["closed_centre_id"]
    moves = havenstad_moves()
    demolished = moves[moves["reason"] == "demolition"]
    assert e["demolition_year"] == 2016
    assert e["households_moved_by_demolition"] == len(demolished)
    p = havenstad_participation()
    old = p[(p["organisation_id"] == e["closed_centre_id"]) & (p["start_year"] <= 2015)
            & (p["end_year"] >= 2015)]["household_id"].unique()
    assert e["participants_last_open_year"] == len(old)
    moved = demolished[demolished["household_id"].isin(old)]
    assert e["participants_moved_by_demolition"] == len(moved)
    assert e["moved_participants_leaving_the_gemeente"] == (
        ~moved["to_buurt"].str.startswith("BU9901")).sum()
    joined = p[(p["organisation_id"] == e["successor_id"]) & p["household_id"].isin(old)]
    assert e["participants_joining_the_successor"] == joined["household_id"].nunique()
    assert e["moved_participants_joining_the_successor"] <= e["participants_joining_the_successor"]
    assert e["households_losing_all_help_at_closure"] > 0
    assert e["change_in_mean_services_at_closure"] < 0


def test_relocation_participation_matches_the_effect():
    r = relocation_participation()
    e = demolition_effect()
    assert r.loc[2015, "old_centre"] == e["participants_last_open_year"]
    assert (r.loc[2016:, "old_centre"] == 0).all() and (r.loc[:2015, "successor"] == 0).all()
    assert (r["successor_from_old"] <= r["successor"]).all()
    assert r["successor_from_old"].max() <= e["participants_joining_the_successor"]


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="year 2030 is not in the data"):
        inventory_by_buurt(2030)
    with pytest.raises(ValueError, match="code 'GM0363' is not in Havenstad"):
        reach_by_income_group(YEAR, code="GM0363")
    with pytest.raises(ValueError, match="spacing must be between 1 and 500"):
        reach_by_buurt(YEAR, spacing=0)
    with pytest.raises(ValueError, match="top must be a positive whole number"):
        referral_brokerage(YEAR, top=0)
    with pytest.raises(ValueError, match="k must be a whole number"):
        help_within_reach(YEAR, k=-1)


def test_brokerage_table_equals_the_measure_on_the_edges():
    b = referral_brokerage(YEAR, top=None).drop(columns=["name", "type", "buurt_code"])
    direct = networks.brokerage(referral_edges(YEAR))
    pd.testing.assert_frame_equal(b.sort_index(), direct.rename_axis("organisation_id"),
                                  check_like=True)


# --------------------------------------------------------------------------
# closures, shared places, profiles, the new centre, the demolition's movers
# --------------------------------------------------------------------------

def _inputs(year=YEAR):
    orgs = havenstad_organisations()
    orgs = orgs[is_open(orgs, year).to_numpy()]
    p = havenstad_participation()
    part = p[(p["start_year"] <= year) & (p["end_year"] >= year)]
    return part, referral_edges(year), service_ids(year), havenstad_households(year)


@pytest.mark.parametrize("remove", [143, 242, [143, 51], 366])
def test_closure_effect_is_removal_effect(remove):
    part, edges, services, h = _inputs()
    expected = networks.removal_effect(part, edges, services, remove, k=2,
                                       households=h["household_id"])
    pd.testing.assert_series_equal(closure_effect(remove), expected)


def test_closure_by_income_group_recounted():
    part, edges, services, h = _inputs()
    before = networks.reachable_services(part, edges, services, k=3,
                                         households=h["household_id"])["n_services"] > 0
    kept = part[part["organisation_id"] != 143]
    kept_edges = edges[(edges["from_id"] != 143) & (edges["to_id"] != 143)]
    after = networks.reachable_services(kept, kept_edges, services - {143}, k=3,
                                        households=h["household_id"])["n_services"] > 0
    low = h.set_index("household_id")["national_percentile"].between(*GROUPS["low"])
    t = closure_by_income_group(143, k=3)
    assert t.loc["low", "losing_all_help"] == int((before & ~after & low).sum())
    assert t["households"].sum() == len(h)
    assert t["losing_all_help"].sum() == closure_effect(143, k=3)["households_losing_all_help"]
    nothing = closure_by_income_group([], k=3)
    assert (nothing["losing_all_help"] == 0).all()
    assert (nothing["with_help_before"] == nothing["with_help_after"]).all()


def test_closure_candidates_and_organisation_reach():
    c = closure_candidates(top=4)
    full = referral_brokerage(YEAR, top=None)
    assert list(c.index) == list(full[full["type"] != "municipal_service"].index[:4])
    reach = referral_reach_of_organisations()
    assert all(reach.loc[s] >= 1 for s in service_ids(YEAR) if s in reach.index)
    after = referral_reach_of_organisations([143])
    assert after.loc[143] == 0 and (after <= reach).all()
    with pytest.raises(ValueError, match="k must be a whole number"):
        closure_effect(143, k=11)


def test_ties_by_shared_place_recounted():
    ties = havenstad_ties()
    h = havenstad_households(YEAR).set_index("household_id")["background"]
    cross = h.loc[ties["household_a"]].to_numpy() != h.loc[ties["household_b"]].to_numpy()
    bridging = ties["shared_bridging"].to_numpy() > 0
    none = ties["shared_organisations"].to_numpy() == 0
    t = ties_by_shared_place("background")
    assert t.loc["bridging", "ties"] == bridging.sum()
    assert t.loc["none", "cross_share"] == pytest.approx(cross[none].mean())
    assert t.loc["bridging", "cross_share"] == pytest.approx(cross[bridging].mean())
    assert t["ties"].sum() == len(ties)
    with pytest.raises(ValueError, match="attribute must be one of"):
        ties_by_shared_place("lifestyle")


def test_member_profile_and_label_disagreements():
    d = label_disagreements(YEAR)
    assert len(d) == bridging_confusion_table(YEAR).loc["bonding", "bridging"]
    first = int(d.index[0])
    profile = member_profile(first, "income_group")
    assert profile["n_members"].sum() == d.loc[first, "members"]
    # the ratio of bridging() is Simpson's index of the members over the buurt's
    def simpson(n):
        n = n.to_numpy(dtype=float)
        return 1 - (n * (n - 1)).sum() / (n.sum() * (n.sum() - 1))
    assert simpson(profile["n_members"]) / simpson(profile["n_buurt"]) == pytest.approx(
        d.loc[first, "income_group"])
    with pytest.raises(ValueError, match="is not open in 2019"):
        member_profile(204)


def test_new_centre_gain_against_exact_geometry():
    """A buurt's gain recounted with shapely: the area newly within 400 m, times its
    low-income households per unit of area, summed over the buurten it touches."""
    g = new_centre_gain(YEAR, 400, group="low")
    assert g.index[0] == buurt_code("Perenlaan")
    nb = havenstad_neighbourhoods().set_index("code")
    orgs = havenstad_organisations()
    orgs = orgs[is_open(orgs, YEAR).to_numpy() & orgs["meeting_place"].to_numpy()]
    covered = shapely.union_all(shapely.buffer(shapely.points(orgs["x"], orgs["y"]), 400,
                                               quad_segs=32))
    h = havenstad_households(YEAR)
    low = h[h["national_percentile"].between(*GROUPS["low"])]["buurt_code"].value_counts()
    code = g.index[0]
    disc = nb.loc[code, "geometry"].representative_point().buffer(400, quad_segs=32)
    new = disc.difference(covered)
    exact = sum(low.get(b, 0) * new.intersection(poly).area / poly.area
                for b, poly in nb["geometry"].items())
    assert g.loc[code, "gain"] == pytest.approx(exact, rel=0.03)
    assert (g["gain"] >= 0).all()
    with pytest.raises(ValueError, match="radius must be between 50 and 3000"):
        new_centre_gain(YEAR, 10)


def test_demolition_participation_joins_moves_and_participation():
    d = demolition_participation()
    e = demolition_effect()
    assert d.loc[e["closed_centre_id"], "movers_before"] == e["participants_moved_by_demolition"]
    moves = havenstad_moves()
    movers = set(moves.loc[moves["reason"] == "demolition", "household_id"])
    p = havenstad_participation()
    in_2015 = p[p["household_id"].isin(movers) & (p["start_year"] <= 2015)
                & (p["end_year"] >= 2015)]
    assert d["movers_before"].sum() == len(in_2015.drop_duplicates(
        ["household_id", "organisation_id"]))
    assert (d["movers_after"] <= d["movers_before"]).all()
