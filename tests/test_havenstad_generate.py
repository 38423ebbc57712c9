"""Tests of the synthetic city Havenstad: reproducibility, consistency and the story.

The story tests read the committed data through the loaders and compute their own
dissimilarity index (Duncan & Duncan 1955), independent of ``wijkwijs.havenstad.generate``.
The last tests check the generator's own parts: codes, the growable buffer, constants.
"""

from __future__ import annotations

import ast
import hashlib
import itertools
import math
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkwijs.havenstad import generate as city
from wijkwijs.havenstad import load as hd
from wijkwijs.havenstad.constants import (
    BACKGROUNDS,
    FIRST_YEAR,
    FUNDING,
    HOUSEHOLD_TYPES,
    LIFESTYLES,
    MOVE_REASONS,
    ORGANISATION_TYPES,
    TENURES,
)
from wijkwijs.havenstad.generate import codes
from wijkwijs.havenstad.generate.households import GrowableArray
from wijkwijs.paths import datasets_dir
from wijkwijs.segregation import dissimilarity_between, segregation_profile

YEARS = list(range(2011, 2023))


@pytest.fixture(scope="module")
def panel() -> pd.DataFrame:
    p = hd.havenstad_household_years()
    p["gemeente"] = "GM" + p["buurt_code"].str[2:6]
    return p


def index_by_year(panel, group_a, group_b=None, city_only=True) -> dict[int, float]:
    """D between households with ``group_a(percentile)`` and the rest (or group_b)."""
    p = panel[panel["gemeente"] == "GM9901"] if city_only else panel
    out = {}
    for year, g in p.groupby("year"):
        pc = g["national_percentile"]
        a = group_a(pc).groupby(g["buurt_code"]).sum()
        b = (group_b(pc) if group_b else ~group_a(pc)).groupby(g["buurt_code"]).sum()
        out[year] = dissimilarity_between(a, b)
    return out


# --- reproducibility ----------------------------------------------------------------

@pytest.mark.slow
def test_regeneration_is_byte_identical(tmp_path):
    sums = city.write_dataset(tmp_path)
    committed = {}
    for line in (datasets_dir() / "havenstad" / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ")
        committed[name] = digest
    assert sums == committed
    for name, digest in committed.items():
        on_disk = hashlib.sha256((datasets_dir() / "havenstad" / name).read_bytes()).hexdigest()
        assert on_disk == digest, name


def test_data_card_calibration_block_is_current():
    card = (datasets_dir() / "havenstad" / "README.md").read_text(encoding="utf-8")
    assert "**These data are synthetic.**" in card
    assert city.calibration_markdown(hd.havenstad_calibration()) in card
    assert city.markdown_table(city.story_table(hd.havenstad_household_years())) in card
    for name in city.FILES:
        assert f"`{name}`" in card


def test_total_size_is_at_most_25_mb():
    folder = datasets_dir() / "havenstad"
    assert sum(f.stat().st_size for f in folder.iterdir()) <= 25 * 2**20


# --- national income distribution -------------------------------------------------------

def test_national_gini_matches_lognormal_formula():
    sigma = city.NATIONAL_SIGMA
    assert math.isclose(2 * 0.5 * (1 + math.erf(sigma / 2)) - 1, 0.29, abs_tol=1e-9)


def test_national_percentiles_by_simulation():
    rng = np.random.default_rng(1)
    incomes = city.income_from_score(rng.standard_normal(200_000), 2016)
    pct = city.national_percentile(incomes, 2016)
    assert abs((pct < 10).mean() - 0.10) < 0.005
    assert abs((pct == 99).mean() - 0.01) < 0.002
    assert abs(incomes.mean() - city.NATIONAL_MEAN_INCOME[2016]) / 28_200 < 0.01
    x = np.sort(incomes)
    n = len(x)
    gini = (2 * np.arange(1, n + 1) - n - 1).dot(x) / (n * x.sum())
    assert abs(gini - 0.29) < 0.005


@settings(max_examples=50, deadline=None)
@given(st.floats(1_000, 1e6), st.floats(1_000, 1e6), st.sampled_from(YEARS))
def test_national_percentile_is_monotone(a, b, year):
    lo, hi = sorted((a, b))
    assert city.national_percentile(lo, year)[0] <= city.national_percentile(hi, year)[0]


def test_bad_income_and_year_are_refused():
    with pytest.raises(ValueError, match="positive"):
        city.national_percentile([-1.0], 2011)
    with pytest.raises(ValueError, match="available years: 2011–2022"):
        city.national_median(2030)


# --- consistency ----------------------------------------------------------------------

def test_geography():
    nb = hd.havenstad_neighbourhoods()
    town = nb[nb["gemeente_code"] == "GM9901"]
    assert 30 <= len(town) <= 50
    assert set(nb["gemeente_code"]) == {"GM9901", "GM9902", "GM9903", "GM9904"}
    assert nb["code"].str.fullmatch(r"BU99\d{6}").all()
    assert (nb["code"].str[2:8] == nb["wijk_code"].str[2:]).all()
    assert nb.geometry.is_valid.all()
    # buurten do not overlap each other or the water
    assert math.isclose(nb.geometry.union_all().area, nb.geometry.area.sum(), rel_tol=1e-9)
    water = hd.havenstad_water().geometry.union_all()
    assert nb.geometry.intersection(water).area.max() < 1e-6
    assert {"centre", "old harbour", "pre-war working class", "post-war working class",
            "villa area"} <= set(town["area_type"])


def test_households_fit_in_dwellings_and_panel_is_consistent(panel):
    dw = hd.havenstad_dwellings()
    occupied = panel.groupby(["buurt_code", "year", "tenure"], observed=True).size()
    stock = dw.melt(["buurt_code", "year"], list(TENURES), "tenure", "n").set_index(
        ["buurt_code", "year", "tenure"])["n"]
    assert (occupied <= stock.reindex(occupied.index)).all()
    assert 45_000 <= panel.groupby("year").size().min()
    assert not panel.duplicated(["household_id", "year"]).any()
    for year in (2011, 2022):
        p = panel[panel["year"] == year]
        np.testing.assert_array_equal(city.national_percentile(p["income"].to_numpy(), year),
                                      p["national_percentile"].to_numpy())


def test_dwelling_stock_flows_add_up():
    dw = hd.havenstad_dwellings().sort_values(["buurt_code", "year"])
    nxt = dw.groupby("buurt_code")["total"].shift(-1)
    change = dw.groupby("buurt_code")[["built", "demolished"]].shift(-1)
    ok = nxt.notna()
    assert (nxt[ok] == dw["total"][ok] + change["built"][ok] - change["demolished"][ok]).all()


def test_moves_follow_the_panel(panel):
    moves = hd.havenstad_moves()
    prev = panel.set_index(["household_id", "year"])["buurt_code"]
    frm = prev.reindex(list(zip(moves["household_id"], moves["year"] - 1, strict=True)))
    to = prev.reindex(list(zip(moves["household_id"], moves["year"], strict=True)))
    # the first published year's moves start in the unpublished burn-in year: their
    # origin is a real buurt, but the panel cannot show it
    later = (moves["year"] > FIRST_YEAR).to_numpy()
    assert (frm.to_numpy()[later] == moves["from_buurt"].to_numpy()[later]).all()
    assert frm[~later].isna().all()
    codes = set(hd.havenstad_neighbourhoods("buurt")["code"])
    assert set(moves.loc[~later, "from_buurt"]) <= codes
    assert (~later).sum() > 0.5 * (moves["year"] == FIRST_YEAR + 1).sum()
    assert (to.to_numpy() == moves["to_buurt"].to_numpy()).all()
    assert set(moves["reason"].astype(str)) == set(MOVE_REASONS)


# --- the story ------------------------------------------------------------------------

def test_calibration_targets_are_met():
    cal = hd.havenstad_calibration().set_index("quantity")["achieved"]
    values = {q: float(str(v).split()[0]) for q, v in cal.items() if "->" not in str(v)}
    gini = next(v for q, v in values.items() if q.startswith("Gini") and "Havenstad" in q)
    assert 0.34 <= gini <= 0.37
    low = next(v for q, v in values.items() if q.startswith("Share of households below"))
    assert 15 <= low <= 19
    corp = next(v for q, v in values.items() if q.startswith("Corporation"))
    assert 45 <= corp <= 57


def test_low_high_segregation_stable_or_falling_but_bottom_10_rises(panel):
    d_lh = index_by_year(panel, lambda p: p < 40, lambda p: p >= 80)
    d_b10 = index_by_year(panel, lambda p: p < 10)
    assert d_lh[2022] < d_lh[2011]
    assert max(d_lh.values()) - d_lh[2011] < 0.01
    assert d_b10[2022] > d_b10[2011] + 0.04
    assert d_b10[2022] > d_b10[2016]


def test_top_one_percent_most_segregated_and_concentrated(panel):
    year = 2019
    d = {name: index_by_year(panel, f)[year] for name, f in {
        "top_1": lambda p: p == 99, "bottom_10": lambda p: p < 10,
        "low": lambda p: p < 40, "high": lambda p: p >= 80}.items()}
    assert max(d, key=d.get) == "top_1"
    p = panel[(panel["year"] == year) & (panel["gemeente"] == "GM9901")]
    top = p[p["national_percentile"] == 99]["buurt_code"].value_counts()
    assert top.iloc[:2].sum() / top.sum() > 0.4
    nb = hd.havenstad_neighbourhoods().set_index("code")
    assert set(nb.loc[top.index[:2], "area_type"]) == {"villa area"}


GROUPS = {"bottom_10": lambda p: p < 10, "low": lambda p: p < 40,
          "middle": lambda p: (p >= 40) & (p < 80), "high": lambda p: p >= 80,
          "top_1": lambda p: p == 99}


def test_top_one_percent_separates_more_and_stays_most_segregated(panel):
    d = {name: index_by_year(panel, f) for name, f in GROUPS.items()}
    assert d["top_1"][2022] > d["top_1"][2011] + 0.03
    for year in YEARS:
        others = max(d[name][year] for name in GROUPS if name != "top_1")
        assert d["top_1"][year] > others + 0.2, year
    # concentrated in the elite enclave and one other villa buurt
    p = panel[(panel["year"] == 2022) & (panel["gemeente"] == "GM9901")]
    top = p[p["national_percentile"] == 99]["buurt_code"].value_counts()
    assert top.iloc[:2].sum() / top.sum() > 0.55
    nb = hd.havenstad_neighbourhoods().set_index("code")
    assert nb.loc[top.index[0], "name"] == city.ELITE_ENCLAVE


def test_middle_incomes_do_not_separate(panel):
    d_mid = index_by_year(panel, GROUPS["middle"])
    assert d_mid[2022] <= d_mid[2011] + 0.005
    assert max(d_mid.values()) < 0.12


def profile_by_year(panel, year) -> pd.Series:
    """H(p) of the city's buurten in ordered national-percentile bands, by split."""
    p = panel[(panel["year"] == year) & (panel["gemeente"] == "GM9901")]
    edges = [*range(0, 100, 10), 99, 100]  # deciles, the top decile split at 99
    band = pd.cut(p["national_percentile"], edges, right=False, labels=[
        f"p{lo:02d}_{hi - 1:02d}" for lo, hi in itertools.pairwise(edges)])
    counts = pd.crosstab(p["buurt_code"], band)
    return segregation_profile(counts).set_index("split_after")["H"]


def test_segregation_profile_ends_separate_middle_mixes(panel):
    h11, h22 = profile_by_year(panel, 2011), profile_by_year(panel, 2022)
    assert h22["p00_09"] > h11["p00_09"] + 0.015  # bottom split (p ~ 0.1)
    assert h22["p90_98"] > h11["p90_98"] + 0.03  # top split (p ~ 0.99)
    assert h22["p40_49"] <= h11["p40_49"] + 0.002  # median split
    assert h22["p90_98"] > h22["p40_49"] > 0  # the richest split stays the most uneven


def test_segregation_paradox_city_falls_metro_rises_after_2016(panel):
    """Low (P0-39) vs high (P80-99) incomes: the city index falls, the metro one rises."""
    def low(p):
        return p < 40

    def high(p):
        return p >= 80

    town = index_by_year(panel, low, high)
    metro = index_by_year(panel, low, high, city_only=False)
    assert metro[2022] > metro[2016] + 0.02
    assert town[2022] < town[2016] - 0.005
    assert metro[2022] > metro[2011]
    assert metro[2022] - town[2022] > 2 * (metro[2016] - town[2016])


def test_social_rent_shrinks_concentrates_and_residualises(panel):
    dw = hd.havenstad_dwellings()
    dw = dw[dw["buurt_code"].str.startswith("BU9901")]
    share = dw.groupby("year")["social_rent"].sum() / dw.groupby("year")["total"].sum()
    assert share[2011] > 0.45 and share[2022] < share[2011] - 0.05
    assert (np.diff(share.to_numpy()) < 0).all()
    conc = {y: dissimilarity_between(g["social_rent"], g["total"] - g["social_rent"])
            for y, g in dw.groupby("year")}
    assert conc[2022] > conc[2011]
    city_p = panel[panel["gemeente"] == "GM9901"]
    social = city_p[city_p["tenure"] == "social_rent"]
    q1 = (social["national_percentile"] < 20).groupby(social["year"]).mean()
    assert q1[2022] > q1[2011] + 0.05


def test_gentrification_from_2014(panel):
    stats = hd.havenstad_statistics()
    nb = hd.havenstad_neighbourhoods()
    gentrifying = nb.loc[nb["name"].isin(city.GENTRIFYING), "code"]
    assert len(gentrifying) == 3
    town = stats[(stats["code"] == "GM9901")].set_index("year")
    for code in gentrifying:
        s = stats[stats["code"] == code].set_index("year")
        rel = s["mean_income"] / town["mean_income"]
        assert rel[2022] > rel[2013] + 0.15
        assert s.loc[2022, "pct_bottom_10"] < s.loc[2013, "pct_bottom_10"]


def test_restructuring_buurt():
    nb = hd.havenstad_neighbourhoods()
    code = nb.loc[nb["name"] == city.RESTRUCTURING, "code"].item()
    dw = hd.havenstad_dwellings(code=code).set_index("year")
    assert dw.loc[city.RESTRUCTURING_YEAR, "demolished"] >= 300
    assert dw.loc[city.RESTRUCTURING_YEAR, "social_rent"] < dw.loc[2015, "social_rent"] - 250
    moves = hd.havenstad_moves(city.RESTRUCTURING_YEAR)
    displaced = moves[(moves["reason"] == "demolition") & (moves["from_buurt"] == code)]
    assert len(displaced) > 250
    orgs = hd.havenstad_organisations()
    gone = orgs[(orgs["buurt_code"] == code) & (orgs["closed"] == city.RESTRUCTURING_YEAR)]
    assert len(gone) >= 1
    assert gone["organisation_id"].isin(orgs["predecessor_id"].dropna()).any()


def test_low_income_households_move_on_balance_to_one_suburb(panel):
    moves = hd.havenstad_moves()
    pct = panel.set_index(["household_id", "year"])["national_percentile"]
    before = pct.reindex(list(zip(moves["household_id"], moves["year"] - 1, strict=True)))
    low = moves[before.to_numpy() < 40]
    net = {}
    for gm in ("GM9902", "GM9903", "GM9904"):
        out_city = low["from_buurt"].str.startswith("BU9901") & low["to_buurt"].str.startswith(
            "BU" + gm[2:])
        into_city = low["to_buurt"].str.startswith("BU9901") & low["from_buurt"].str.startswith(
            "BU" + gm[2:])
        net[gm] = int(out_city.sum() - into_city.sum())
    assert max(net, key=net.get) == city.DISPLACEMENT_SUBURB
    assert net[city.DISPLACEMENT_SUBURB] > 3 * max(net["GM9902"], net["GM9903"])


def test_equal_liveability_different_social_infrastructure():
    """Two buurten score (nearly) the same, yet one has far more places to meet."""
    year = 2019
    stats = hd.havenstad_statistics(year)
    stats = stats[stats["level"] == "buurt"].set_index("code")
    orgs = hd.havenstad_organisations()
    open_now = orgs[(orgs["founded"] <= year) & (orgs["closed"].isna() | (orgs["closed"] > year))
                    & orgs["meeting_place"]]
    infra = open_now.groupby("buurt_code").size().reindex(stats.index, fill_value=0)
    score = stats["liveability_score"]
    assert 0.05 < score.std() < 0.5  # on the Leefbaarometer's scale: about 4 +- a few tenths
    pairs = [(a, b) for a in stats.index for b in stats.index
             if abs(score[a] - score[b]) < 0.05 and infra[a] >= 6 and infra[b] <= 1]
    assert pairs
    # the designed contrast: same area type and housing, different infrastructure
    nb = hd.havenstad_neighbourhoods().set_index("name")
    rich, poor = nb.loc[city.INFRA_RICH, "code"], nb.loc[city.INFRA_POOR, "code"]
    assert infra[rich] >= 2 * infra[poor]
    assert stats.loc[rich, "liveability_class"] == stats.loc[poor, "liveability_class"]


def test_liveability_is_the_sum_of_five_dimensions_on_a_fixed_scale():
    from wijkwijs.havenstad.generate import liveability as lv

    stats = hd.havenstad_statistics()
    b = stats[stats["level"] == "buurt"]
    dims = b[[f"liveability_{d}" for d in lv.LIVEABILITY_DIMENSIONS]]
    assert len(lv.LIVEABILITY_DIMENSIONS) == 5 and not dims.isna().any().any()
    np.testing.assert_allclose(lv.LIVEABILITY_BASE + dims.sum(axis=1), b["liveability_score"],
                               atol=1e-3)
    # recomputed by hand from the published columns and the documented references
    area = hd.havenstad_neighbourhoods().set_index("code")
    x = b.set_index(["code", "year"])
    density = x["dwellings"] / area.loc[x.index.get_level_values("code"), "area_ha"].to_numpy()
    cohesion = (-0.040 * (x["pct_moved_in"] - 12) / 4 - 0.020 * (x["pct_single_person"] - 40) / 12
                + 0.020 * (x["pct_age_0_14"] - 15) / 6)
    np.testing.assert_allclose(cohesion, x["liveability_social_cohesion"], atol=1e-4)
    safety = -0.060 * (x["incidents_per_1000"] - 50) / 20
    np.testing.assert_allclose(safety, x["liveability_nuisance_and_safety"], atol=1e-4)
    housing = (0.050 * (x["pct_owner_occupied"] - 35) / 20
               - 0.030 * (x["pct_social_rent"] - 40) / 20)
    np.testing.assert_allclose(housing, x["liveability_housing_stock"], atol=1e-3)
    assert np.corrcoef(density, x["liveability_physical_environment"])[0, 1] < 0
    # the classes follow fixed bounds, the same every year
    bounds = np.asarray(lv.LIVEABILITY_CLASS_BOUNDS)
    assert (np.diff(bounds) > 0).all() and len(bounds) == 8
    expected = 1 + (b["liveability_score"].to_numpy()[:, None] >= bounds).sum(axis=1)
    assert (expected == b["liveability_class"].to_numpy()).all()
    # no background of residents enters the score (as in Leefbaarometer 3.0)
    assert not any("background" in i for i, *_ in lv.LIVEABILITY_INDICATORS)


def test_first_and_last_years_behave_like_the_others():
    """The burn-in year: 2011 has moves and newcomers; household counts change yearly."""
    stats = hd.havenstad_statistics()
    b = stats[stats["level"] == "buurt"]
    moved = b.groupby("year")["pct_moved_in"].mean()
    middle = moved.loc[FIRST_YEAR + 1:2021]
    for edge in (FIRST_YEAR, 2022):
        assert middle.min() - 3 < moved.loc[edge] < middle.max() + 3
    households = b.groupby("year")["households"].sum()
    assert (households.diff().dropna() != 0).all()
    mean_score = b.groupby("year")["liveability_score"].mean()
    assert mean_score.max() - mean_score.min() < 0.15  # the yardstick does not move
    classes = b.groupby("year")["liveability_class"].nunique()
    assert (classes >= 5).all()
    moves = hd.havenstad_moves()
    assert (moves["year"] == FIRST_YEAR).sum() > 0


def test_ties_homophily_and_bridging():
    ties = hd.havenstad_ties()
    hh = hd.havenstad_households(2019).set_index("household_id")
    part = hd.havenstad_participation()
    orgs = hd.havenstad_organisations().set_index("organisation_id")
    active = part[(part["start_year"] <= 2019) & (part["end_year"] >= 2019)]
    bridging_members = set(active.loc[
        orgs.loc[active["organisation_id"], "orientation"].to_numpy() == "bridging",
        "household_id"])
    bg_a = hh.loc[ties["household_a"], "background"].to_numpy()
    bg_b = hh.loc[ties["household_b"], "background"].to_numpy()
    cross = bg_a != bg_b
    for code, idx in ties.groupby("buurt_code").groups.items():
        residents = hh[hh["buurt_code"] == code]["background"].value_counts(normalize=True)
        expected = 1 - (residents**2).sum()
        assert cross[ties.index.get_indexer(idx)].mean() < 0.6 * expected
    member = (ties["household_a"].isin(bridging_members)
              & ties["household_b"].isin(bridging_members)).to_numpy()
    assert cross[member].mean() > cross[~member].mean()


def test_incidental_funding_means_more_turnover_and_closures():
    orgs = hd.havenstad_organisations()
    orgs = orgs[orgs["founded"] < 2011]
    g = orgs.groupby("funding", observed=True)
    assert g["staff_turnover"].mean()["incidental"] > 2 * g["staff_turnover"].mean()["structural"]
    closed = g["closed"].apply(lambda s: s.notna().mean())
    assert closed["incidental"] > 2 * closed["structural"]


def test_closures_cluster_after_cuts_and_nplv_reopens():
    orgs = hd.havenstad_organisations()
    subsidised = orgs[orgs["funding"].isin(["structural", "incidental"])]
    per_year = subsidised["closed"].value_counts().reindex(YEARS, fill_value=0)
    assert per_year.loc[2011:2014].mean() > 2 * per_year.loc[2016:2022].mean()
    reopened = orgs[(orgs["founded"] == 2022) & orgs["predecessor_id"].notna()]
    assert len(reopened) >= 2
    assert reopened["note"].str.contains("NPLV").all()


def test_referrals_favour_stable_organisations():
    orgs = hd.havenstad_organisations()
    ref = hd.havenstad_referrals()
    referring = orgs[orgs["referral"] & (orgs["type"] != "municipal_service")]
    links = ref.groupby("from_id").size().reindex(referring["organisation_id"], fill_value=0)
    by_funding = links.groupby(referring["funding"].to_numpy()).mean()
    assert by_funding["structural"] > by_funding["incidental"]


# --- the generator's parts ------------------------------------------------------------

GENERATOR = Path(city.__file__).parent


def test_codes_are_positions_in_the_named_categories():
    for names, mapping in ((TENURES, codes.TENURE_CODE), (MOVE_REASONS, codes.REASON_CODE),
                           (HOUSEHOLD_TYPES, codes.HOUSEHOLD_TYPE_CODE),
                           (BACKGROUNDS, codes.BACKGROUND_CODE),
                           (LIFESTYLES, codes.LIFESTYLE_CODE)):
        assert mapping == {name: i for i, name in enumerate(names)}
    assert [TENURES[c] for c in (codes.SOCIAL, codes.PRIVATE, codes.OWNER)] == [
        "social_rent", "private_rent", "owner_occupied"]
    assert [MOVE_REASONS[c] for c in (codes.CHOICE, codes.RENT_INCREASE, codes.DEMOLITION,
                                      codes.SALE)] == ["choice", "rent_increase", "demolition",
                                                       "sale"]


def test_no_magic_reason_or_tenure_numbers_remain():
    """Reasons and tenures are assigned and compared by name, never by a bare number."""
    pattern = re.compile(r"\b(reason|tenure|tenure_of|dt|ten|hh_type|background|bg|lifestyle"
                         r"|items\(\) if c)(\"\])?(\[.*\])?\s*(==|!=|>=|<=|>|<|=)\s*\d")
    for path in GENERATOR.glob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not pattern.search(line), f"{path.name}:{number}: {line.strip()}"


def test_no_city_codes_or_names_are_retyped_in_the_generator():
    """Codes such as GM9901 come from wijkwijs.havenstad.constants (docstrings may cite them)."""
    retyped = re.compile(r"(GM|WK|BU)99\d\d|Havenstad")
    for path in GENERATOR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
                      and node.body and isinstance(node.body[0], ast.Expr)
                      and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in docstrings):
                assert not retyped.search(node.value), f"{path.name}:{node.lineno}"


def test_generator_modules_stay_short():
    for path in GENERATOR.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) < 500, path.name


def test_growable_array_has_no_size_limit():
    buffer = GrowableArray(dtype=np.float64)
    chunks = [np.arange(k * 100_000, (k + 1) * 100_000, dtype=float) for k in range(3)]
    for chunk in chunks:
        buffer.extend(chunk)
    assert len(buffer) == 300_000 > 200_000  # the old fixed buffer held 200,000
    np.testing.assert_array_equal(buffer.values, np.concatenate(chunks))
    view = buffer.values
    view[:] *= 2  # values is a view: writes change the array
    assert buffer.values[-1] == 2 * 299_999
    ints = GrowableArray(np.array([1, 2]))
    ints.extend([3.0])
    assert ints.values.dtype == np.int64 and ints.values.tolist() == [1, 2, 3]
    empty = GrowableArray(dtype=bool)
    empty.extend(np.zeros(0, dtype=bool))
    assert len(empty) == 0


def test_organisation_types_and_funding_are_the_shared_categories():
    orgs = hd.havenstad_organisations()
    assert set(orgs["type"].astype(str)) == set(ORGANISATION_TYPES)
    assert set(orgs["funding"].astype(str)) == set(FUNDING)


def test_national_median_refuses_other_years_with_the_shared_message():
    with pytest.raises(ValueError, match=r"year 2030 is not in the data; available years: "
                                         r"2011–2022\."):
        city.national_median(2030)
    with pytest.raises(ValueError, match="year True"):
        city.national_median(True)
    assert city.national_median(np.int64(2016)) == city.national_median(2016)


@pytest.mark.slow
def test_generate_returns_only_dataframes():
    tables = city.generate()
    assert set(tables) == {name.split(".")[0] for name in city.FILES} - {"water"}
    assert all(isinstance(frame, pd.DataFrame) for frame in tables.values())


def test_command_line_runs_as_a_module():
    done = subprocess.run([sys.executable, "-m", "wijkwijs.havenstad.generate", "--help"],
                          capture_output=True, text=True, check=True)
    assert "--out" in done.stdout and "--seed" in done.stdout
