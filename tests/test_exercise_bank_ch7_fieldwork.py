"""Exercises of notebook 7.4 (the fieldwork toolkit): the answers recomputed another way."""

from __future__ import annotations

import networkx as nx
import pytest

from wijkwijs import exercises as ex
from wijkwijs import fieldwork as fw
from wijkwijs import i18n
from wijkwijs.exercises.ch7 import fieldwork as bank

IDS = ["7.4-privacy", "7.4-predict-broker", "7.4-blind-spot", "7.4-least-mixed",
       "7.4-what-mixing-shows", "7.4-missing-kinds"]


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def test_the_bank_has_its_exercises_and_a_reflection():
    assert set(IDS) <= set(ex.all_exercises())
    kinds = [ex.get(i).kind for i in IDS]
    assert sum(k != "number" for k in kinds) >= 1 and len(IDS) >= 3
    assert ex.get_reflection("7.4-reflect").prompt["nl"]


def test_privacy_the_store_refuses_b_and_d_but_only_you_can_refuse_c():
    outcome = []
    for en, _ in bank.PRIVACY_NOTES:
        try:
            fw.validate_record({"name": "B", "kind": "community_centre", "notes": en})
            outcome.append("saved")
        except ValueError:
            outcome.append("refused")
    assert outcome == ["saved", "refused", "saved", "refused"]
    answer = ex.get("7.4-privacy").expected()
    assert outcome[answer] == "saved" and "Lindelaan" in bank.PRIVACY_NOTES[answer][0]


def test_broker_is_the_highest_betweenness_recomputed_with_networkx():
    inventory = fw.load_records(fw.example_file())
    edges = fw.summarise_inventory(inventory).edges
    g = nx.DiGraph(list(zip(edges["from_id"], edges["to_id"], strict=True)))
    g.add_nodes_from(inventory["name"])
    betweenness = nx.betweenness_centrality(g)
    top = max(betweenness, key=betweenness.get)
    assert bank.BROKER_OPTIONS[ex.get("7.4-predict-broker").expected()] == top
    assert top in bank.BROKER_OPTIONS


def test_blind_spot_is_every_name_only_referred_to():
    inventory = fw.load_records(fw.example_file())
    named = {n for col in ("referrals_to", "referrals_from") for names in inventory[col]
             for n in names}
    assert sorted(named - set(inventory["name"])) == ex.get("7.4-blind-spot").expected()
    assert ex.check("7.4-blind-spot", ["huisartsenpost plein"]).correct


def test_least_mixed_by_hand_and_options_follow_the_file():
    observations = fw.load_records(fw.example_file("observation"))
    assert [p for p, _ in (o[0].split(", ") for o in bank.OBSERVATION_OPTIONS)] == \
        observations["place"].tolist()
    slots = [s.replace("_", " ") for s in observations["time_slot"]]
    assert [o[0].split(", ")[1] for o in bank.OBSERVATION_OPTIONS] == slots

    def simpson(counts):
        n = sum(counts)
        return 1 - sum(c * (c - 1) for c in counts) / (n * (n - 1))

    rows = observations[list(fw.AGE_GROUPS)].to_numpy().tolist()
    walk = simpson([sum(col) for col in zip(*rows, strict=True)])
    ratios = [simpson(r) / walk for r in rows]
    assert ratios.index(min(ratios)) == ex.get("7.4-least-mixed").expected()
    row = observations.iloc[ex.get("7.4-least-mixed").expected()]
    assert row["youth"] > 0.8 * row[list(fw.AGE_GROUPS)].sum()  # "almost everyone was young"


def test_the_park_is_near_one_as_the_interpretation_says():
    b = fw.observation_bridging(fw.load_records(fw.example_file("observation")))
    park = b.loc[b["place"] == "Park aan de Haven", "bridging"].iloc[0]
    assert 0.85 < park < 1.15
    assert ex.get("7.4-what-mixing-shows").expected() == 1


def test_missing_kinds_are_missing_in_the_example():
    mix = fw.summarise_inventory(fw.load_records(fw.example_file())).type_mix.loc["fieldwork"]
    for kind in ("welfare_organisation", "shop", "church", "gym"):
        assert mix[kind] == 0


def test_loading_the_bank_reads_no_file_and_builds_no_graph():
    import subprocess
    import sys

    code = ("import sys, builtins\n"
            "import wijkwijs.exercises.ch7.fieldwork\n"
            "print('networkx' in sys.modules, 'wijkwijs.networks' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False"]
