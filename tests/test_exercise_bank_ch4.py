"""Tests for wijkwijs.exercises.ch4: answers recomputed by another route, feedback right.

Havenstad may be regenerated: nothing here types one of its numbers; the answers are
recomputed from the raw tables, and the story the solutions tell is asserted as a
relation between computed values.
"""

from __future__ import annotations

import pytest

from wijkwijs import exercises as ex
from wijkwijs import i18n
from wijkwijs.exercises import ch4
from wijkwijs.havenstad import havenstad_household_years, havenstad_moves
from wijkwijs.havenstad import restructuring as hr
from wijkwijs.havenstad.constants import GROUPS
from wijkwijs.models import paradox

IDS = sorted(k for k in ex.all_exercises() if k.startswith("4."))


def test_the_bank_is_big_enough_and_makes_learners_think():
    assert len(IDS) >= 8
    thinking = [i for i in IDS if any(w in i for w in ("predict", "policy", "why", "what",
                                                        "arguments", "seekers"))]
    assert len(thinking) >= len(IDS) / 3
    for i in IDS:  # every choice exercise is a prediction, a reading or a policy choice
        if ex.get(i).kind == "choice":
            assert i in thinking, i


def test_hints_in_dutch():
    ex.reset("4.2-predict-city-d")
    i18n.set_language("nl")
    try:
        wrong = "abc"[(ex.get("4.2-predict-city-d").expected() + 1) % 3]
        feedback = ex.check("4.2-predict-city-d", wrong)
        assert feedback.message.startswith("Nog niet.")
        assert "Voorspel eerst" in feedback.message
    finally:
        i18n.set_language("en")
        ex.reset("4.2-predict-city-d")


def test_hand_computed_demolition():
    # before: low 150 (60, 40, 50), high 110 (20, 80, 10)
    before = 0.5 * (abs(60 / 150 - 20 / 110) + abs(40 / 150 - 80 / 110) + abs(50 / 150 - 10 / 110))
    after = 0.5 * (abs(40 / 150 - 40 / 130) + abs(40 / 150 - 80 / 130) + abs(70 / 150 - 10 / 130))
    assert ex.get("4.2-hand-demolition").expected() == pytest.approx(after - before)
    assert sum(ch4.HAND_LOW_BEFORE) == sum(ch4.HAND_LOW_AFTER)  # nobody leaves the city
    assert sum(ch4.HAND_HIGH_AFTER) - sum(ch4.HAND_HIGH_BEFORE) == 20


def test_model_predictions_follow_the_runs_read_directly():
    run = paradox.RESTRUCTURING_RUN
    seeds = paradox.RESTRUCTURING_SEEDS
    zone, d_city, suburbs = [], [], {}
    for label, (z, homes) in paradox.RESTRUCTURING_SETTINGS.items():
        shares = []
        for s in seeds:
            r = paradox.run_restructuring(z, homes, seed=s, **run)
            moves = r.moves
            shares.append((moves.destination == "suburb").mean())
            if label == "inner-2, 120":
                k = paradox.city_zone_names().index(z)
                zh, bz = r.zone_history, r.baseline_zones
                pick = (zh.zone == k) & (zh.year == r.year)
                zone.append(zh[pick].low_share.item() - bz[pick.to_numpy()].low_share.item())
                d_city.append(r.history.dissimilarity_city.iloc[r.year]
                              - r.baseline.dissimilarity_city.iloc[r.year])
        suburbs[label] = sum(shares) / len(shares)
    z_change, d_change = sum(zone) / len(zone), sum(d_city) / len(d_city)
    assert ex.get("4.2-predict-zone-mix").expected() == (
        0 if z_change <= -0.05 else 2 if z_change >= 0.05 else 1)
    assert ex.get("4.2-predict-city-d").expected() == (
        0 if d_change <= -0.01 else 2 if d_change >= 0.01 else 1)
    bigger = ((suburbs["inner-2, 120"] - suburbs["inner-2, 60"])
              + (suburbs["outer-3, 120"] - suburbs["outer-3, 60"])) / 2
    assert (ex.get("4.2-predict-suburb-share").expected() == 2) == (bigger >= 0.03)


def test_the_chapters_model_readings_hold():
    # the story the solutions tell: the zone mixes, the city does not, the region neither
    assert ex.get("4.2-predict-zone-mix").expected() == 0
    assert ex.get("4.2-predict-city-d").expected() != 0
    assert ex.get("4.2-predict-suburb-share").expected() == 2
    assert ex.get("4.2-policy-regional").expected() == 2
    t = ch4.effects()
    assert (t.d_metro_change_final.loc[["inner-2, 120", "outer-3, 120"]] > 0).all()


def test_havenstad_answers_recomputed_from_the_raw_tables():
    moves = havenstad_moves()
    moves = moves[moves.reason == "demolition"]
    panel = havenstad_household_years(hr.RESTRUCTURING_YEAR).set_index("household_id")
    p = panel.loc[moves.household_id, "national_percentile"].to_numpy()
    low = (p <= GROUPS["low"][1])
    to_zp = moves.to_buurt.str.startswith("BU9904").to_numpy()  # Zuiderpolder's buurten
    assert ex.get("4.2-low-income-zuiderpolder").expected() == pytest.approx(
        100 * (low & to_zp).sum() / low.sum())
    in_city = moves.to_buurt.str.startswith("BU9901").mean()
    assert ex.get("4.2-predict-stay").expected() == (
        0 if in_city < 1 / 3 else 1 if in_city <= 2 / 3 else 2)


def test_havenstad_story_the_solutions_tell():
    t = hr.demolition_destinations()
    # most low-income movers go to Zuiderpolder, most middle-income movers stay in the city
    assert t.loc["low", "Zuiderpolder"] > t.loc["low"].sum() / 2
    city = ["same_buurt", "other_city_buurt"]
    assert t.loc["middle", city].sum() > t.loc["middle"].sum() / 2
    # the restructured buurt mixes: its low-income share falls
    h = hr.buurt_history().set_index("year")
    assert h.low.iloc[-1] < h.low.loc[hr.RESTRUCTURING_YEAR - 1]
    assert ex.get("4.1-predict-buurt-mix").expected() == (
        2 if h.low.iloc[-1] - h.low.loc[hr.RESTRUCTURING_YEAR - 1] < -0.05 else 1)


def test_conceptual_choices_and_reflections():
    assert ex.get("4.1-arguments-for").expected() == 0
    assert "banlieues" in ex.get("4.1-arguments-for").options[0]["en"]
    assert ex.get("4.1-why-rarely").expected() == 1
    assert ex.get("4.1-diversity-seekers").expected() == 2
    assert ex.get("4.1-policy-choice").expected() == 1
    assert ex.get("4.2-what-havenstad-shows").expected() == 1
    for rid in ("4.1-reflect", "4.2-reflect"):
        r = ex.get_reflection(rid)
        assert r.prompt["nl"] and r.model_answer["en"] and r.model_answer["nl"]


def test_loading_the_bank_imports_no_view_library():
    import subprocess
    import sys

    code = ("import sys; from wijkwijs.exercises import ch4; "
            "print(sorted(m for m in ('networkx', 'matplotlib', 'ipywidgets', 'folium') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_the_texts_timing_of_displacement_holds():
    """4.2-predict-stay (hint and notebook) says the displacement rule starts in the year of
    the restructuring: keep that true if the scenario changes."""
    from wijkwijs.havenstad.generate import scenario

    assert scenario.DISPLACEMENT_FROM == hr.RESTRUCTURING_YEAR
    assert scenario.DISPLACEMENT_SUBURB == "GM9904"  # Zuiderpolder, named in the texts
