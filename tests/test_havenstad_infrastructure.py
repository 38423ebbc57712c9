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
)
from wijkwijs.havenstad.constants import ORGANISATION_TYPES
from wijkwijs.havenstad.infrastructure import (
    bridging_by_organisation,
    bridging_confusion_table,
    demolition_effect,
    help_within_reach,
    inventory_by_buurt,
    linking_by_organisation,
    reach_by_buurt,
    reach_by_income_group,
    referral_brokerage,
    referral_edges,
    relocation_participation,
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
