"""Tests for the chapter 6 exercise bank: the values of the answers, recounted from the
tables or computed another way, and the bank's imports."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from wijkwijs import exercises as ex
from wijkwijs.exercises import ch6
from wijkwijs.havenstad import (
    havenstad_moves,
    havenstad_organisations,
    havenstad_participation,
)
from wijkwijs.havenstad import infrastructure as hi
from wijkwijs.infrastructure import bridging_confusion, diversity


def test_cards_cover_the_three_kinds_and_the_sets_follow_them():
    kinds = [k for _, k in ch6.CARDS.values()]
    assert sorted(set(kinds)) == ["bonding", "bridging", "linking"]
    assert sorted(ex.get("6.2-cards-bridging").expected()) == ["b", "d"]
    assert ex.check("6.2-cards-linking", ["E", "c"]).correct  # order and case ignored
    assert not ex.check("6.2-cards-linking", ["c"]).correct
    assert len(ch6.cards()) == len(ch6.CARDS)


def test_mix_zero_is_one_type():
    assert diversity([3, 0, 0]) == 0.0 and diversity([2, 2, 2]) == pytest.approx(1.0)
    assert ex.get("6.1-mix-zero").expected() == 1


def test_new_centre_answer_is_the_largest_gain_of_the_options():
    gain = hi.new_centre_gain(2019, 400, group="low").set_index("name")["gain"]
    options = gain[list(ch6.NEW_CENTRE_OPTIONS)]
    assert ch6.NEW_CENTRE_OPTIONS[ex.get("6.1-new-centre").expected()] == options.idxmax()
    assert options.idxmax() == "Perenlaan"  # no meeting place (the data card's contrast)


def test_confusion_answer_recounted_from_the_scores():
    b = hi.bridging_by_organisation(2019)
    known = b[b["bridging"].notna()]
    assert ex.get("6.2-confusion").expected() == int(
        ((known["bridging"] >= 0.8) & (known["orientation"].astype(str) == "bonding")).sum())
    table = bridging_confusion(b["bridging"], b["orientation"].astype(str))
    assert table.to_numpy().sum() == len(b)


def test_example_organisation_is_labelled_bridging_but_bonds_on_income():
    row = hi.label_disagreements(2019).iloc[0]
    assert row["orientation"] == "bridging" and row["bridging"] < 0.8
    assert row["income_group"] < 0.5 < row["background"]
    assert ex.get("6.2-example-score").expected() == pytest.approx(row["bridging"])
    low = ex.get("6.2-example-low-share").expected()
    assert low > hi.member_profile(int(row.name), "income_group").loc["low", "buurt"]


def test_top_broker_and_the_closure_answers():
    top = hi.referral_brokerage(2019, top=1).iloc[0]
    assert ch6.BROKER_TYPES[ex.get("6.3-top-broker").expected()] == top["type"]
    losing = hi.closure_effect(int(top.name))["households_losing_all_help"]
    lo, high = ch6.CLOSURE_BANDS[ex.get("6.3-predict-closure").expected()]
    assert lo <= losing <= high
    by_group = hi.closure_by_income_group(int(top.name))
    assert ex.get("6.3-closure-low").expected() == by_group.loc["low", "losing_all_help"]
    assert by_group["losing_all_help"].sum() == losing


def test_explainers_counted_from_the_organisations():
    orgs = havenstad_organisations()
    open_ = orgs[(orgs["founded"] <= 2019)
                 & (orgs["closed"].isna() | (orgs["closed"].astype("float") > 2019))]
    expected = int((open_["explains_government_info"]
                    & (open_["type"] != "municipal_service")).sum())
    assert ex.get("6.3-explainers").expected() == expected


def test_growth_answers():
    from wijkwijs.examples.growth import growth_run
    from wijkwijs.models.growth import milestones

    m = milestones(growth_run())
    assert ex.get("6.4-lag").expected() == m["ties_cross"] - m["participants"] > 0
    imposed = milestones(growth_run(initial_share=1.0))
    assert imposed["participants"] <= m["participants"]
    assert ex.get("6.4-imposed").expected() == 2  # still years after participation


def test_demolition_answers_recounted_from_moves_and_participation():
    moves = havenstad_moves()
    movers = set(moves.loc[moves["reason"] == "demolition", "household_id"])
    p = havenstad_participation()
    old = p[(p["organisation_id"] == 204) & (p["start_year"] <= 2015) & (p["end_year"] >= 2015)]
    moved = set(old["household_id"]) & movers
    assert ex.get("6.4-moved-participants").expected() == len(moved)
    later = p[(p["organisation_id"] == 358) & p["household_id"].isin(moved)]
    assert later.empty and ex.get("6.4-successor").expected() == 3


def test_reflections_exist_for_every_notebook():
    ex.all_exercises()
    ids = [r for r in ex.all_reflections() if r.startswith("6.")]
    assert sorted(ids) == ["6.1-reflect", "6.2-reflect", "6.3-reflect", "6.4-reflect"]


def test_loading_the_bank_loads_no_data_graph_or_view_library():
    code = ("import sys; from wijkwijs.exercises import ch6; "
            "print(sorted(m for m in ('networkx', 'matplotlib', 'ipywidgets', 'folium', "
            "'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_pandas_is_only_needed_for_the_cards_table():
    assert isinstance(ch6.cards(), pd.DataFrame)


def test_the_words_of_the_solutions_fit_the_numbers():
    """The solutions describe numbers in words ("about two thirds"); they must stay true."""
    top = int(hi.referral_brokerage(2019, top=1).index[0])
    by_group = hi.closure_by_income_group(top)
    share_low = by_group.loc["low", "losing_all_help"] / by_group["losing_all_help"].sum()
    assert 0.55 <= share_low <= 0.75  # "about two thirds"
    e = hi.demolition_effect()
    moved = e["participants_moved_by_demolition"] / e["participants_last_open_year"]
    assert 0.15 <= moved <= 0.25  # "about one in five"
    profile = hi.member_profile(int(hi.label_disagreements(2019).index[0]), "income_group")
    assert profile.loc["low", "members"] >= 0.85  # "about nine in ten"
    assert 0.55 <= profile.loc["low", "buurt"] <= 0.65  # "about six in ten"
    assert 8 <= ex.get("6.4-lag").expected() <= 14  # "about a decade more"
    gain = hi.new_centre_gain(2019, 400, group="low").set_index("name")["gain"]
    inventory = hi.inventory_by_buurt(2019).set_index("name")
    assert inventory.loc["Perenlaan", "meeting_places"] == 0  # "no meeting place"
    assert gain["Touwslagerij"] < gain["Perenlaan"] / 4  # "reaches few ... not reached now"
