"""Tests for wijkwijs.examples.paradox_lab: the policy lab's runs, made ahead of time.

The stored runs are checked against live runs of chapter 3's own route
(:func:`wijkwijs.examples.paradox.run_scenario`, which builds the model independently of
:func:`compute_lab_run`): a change to the model that is not followed by
``python tools/make_lab_runs.py`` fails here.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from wijkwijs.examples import paradox_lab as lab
from wijkwijs.examples.paradox import DEFAULT_POLICY, LEVERS, run_scenario
from wijkwijs.figures.paradox import ParadoxPanels
from wijkwijs.models.paradox import RESTRUCTURING_RUN, run_restructuring

CORNERS = [
    dict(DEFAULT_POLICY),
    {"protected_share": 0.0, "rent_regulation": 0.0, "new_social_per_year": 0,
     "social_sales_per_year": 120},
    {"protected_share": 1.0, "rent_regulation": 1.0, "new_social_per_year": 120,
     "social_sales_per_year": 0},
    {"protected_share": 1.0, "rent_regulation": 0.9, "new_social_per_year": 60,
     "social_sales_per_year": 0},
]


def _random_policies(n: int, seed: int) -> list[dict[str, float]]:
    rng = np.random.default_rng(seed)
    return [{lever: lab.LAB_STEPS[lever][rng.integers(len(lab.LAB_STEPS[lever]))]
             for lever in LEVERS} for _ in range(n)]


@pytest.mark.parametrize("policy", CORNERS + _random_policies(3, seed=2026))
def test_stored_runs_are_the_live_runs_of_chapter_3(policy):
    history, zones = lab.lab_scenario(policy)
    live, live_zones = run_scenario(policy, seed=lab.LAB_SEED)
    assert history.year.tolist() == live.year.tolist()
    for column in lab.HISTORY_COLUMNS:  # 32-bit floats: seven digits
        np.testing.assert_allclose(history[column], live[column], rtol=2e-7, atol=1e-9)
    live_zones = live_zones.sort_values(["year", "zone"])
    stored = zones.sort_values(["year", "zone"])
    assert (stored.year.to_numpy() == live_zones.year.to_numpy()).all()
    assert (stored.ring.to_numpy() == live_zones.ring.to_numpy()).all()
    # in steps of 1/255: within half a step
    assert np.abs(stored.low_share.to_numpy() - live_zones.low_share.to_numpy()).max() \
        <= 0.5 / 255 + 1e-12


def test_every_value_of_the_lab_sliders_is_on_the_grid():
    from wijkwijs.explorers.paradox import paradox_explorer

    ex = paradox_explorer(runs=lab.lab_scenario, steps=lab.LAB_STEPS)
    for lever in LEVERS:
        control = ex.controls[lever]
        n = round((control.max - control.min) / control.step) + 1
        assert n == len(lab.LAB_STEPS[lever])
        for k in range(n):  # what a float slider sends: min + k * step, unrounded
            value = control.min + k * control.step
            assert lab.snap_policy({lever: value})[LEVERS.index(lever)] == k


def test_snap_policy_refuses_what_is_off_the_grid():
    with pytest.raises(ValueError, match=r"protected_share = 0\.35 is not on the policy "
                                         r"lab's grid; its values are 0, 0\.1"):
        lab.snap_policy({"protected_share": 0.35})
    with pytest.raises(ValueError, match="new_social_per_year = 'many'"):
        lab.snap_policy({"new_social_per_year": "many"})
    with pytest.raises(ValueError, match=r"unknown lever\(s\) \['rent_cap'\]"):
        lab.snap_policy({"rent_cap": 0.5})


def test_the_grid_holds_every_policy_once():
    policies = list(lab.lab_policies())
    assert len(policies) == np.prod([len(v) for v in lab.LAB_STEPS.values()]) == 5929
    positions = {lab.snap_policy(p) for p in policies}
    assert len(positions) == len(policies)
    assert lab.snap_policy(policies[0]) == (0, 0, 0, 0)
    assert lab.snap_policy(policies[-1]) == tuple(len(lab.LAB_STEPS[k]) - 1 for k in LEVERS)


def test_a_file_for_another_grid_or_a_missing_file_is_refused(tmp_path):
    good = dict(np.load(lab.lab_runs_path()))
    other = {**good, "steps_rent_regulation": np.linspace(0, 1, 11) ** 2}
    np.savez(tmp_path / "other.npz", **other)
    with pytest.raises(ValueError, match=r"other\.npz: the runs were made for another grid "
                                         r"of rent_regulation .*tools/make_lab_runs\.py"):
        lab.load_lab_runs(tmp_path / "other.npz")
    short = {**good, "history": good["history"][..., :20, :]}
    np.savez(tmp_path / "short.npz", **short)
    with pytest.raises(ValueError, match=r"short\.npz: the stored arrays do not have"):
        lab.load_lab_runs(tmp_path / "short.npz")
    with pytest.raises(FileNotFoundError, match=r"missing\.npz"):
        lab.load_lab_runs(tmp_path / "missing.npz")


def test_save_checks_the_number_of_runs(tmp_path):
    with pytest.raises(ValueError, match="expected 5929 runs"):
        lab.save_lab_runs(tmp_path / "x.npz", [lab.compute_lab_run({})])


def test_saved_runs_load_back_as_stored(tmp_path, monkeypatch):
    """A round trip: one live run written at its grid position reads back the same."""
    runs = lab.load_lab_runs()
    history = runs["history"].reshape(-1, *runs["history"].shape[-2:]).astype(float)
    zones = runs["zone_low_share"].reshape(-1, *runs["zone_low_share"].shape[-2:]) / 255
    live = lab.compute_lab_run(dict(DEFAULT_POLICY))
    index = list(lab.lab_policies()).index(dict(zip(LEVERS, (
        lab.LAB_STEPS[k][i] for k, i in zip(LEVERS, lab.snap_policy(), strict=True)),
        strict=True)))
    stored = [(h, z) for h, z in zip(history, zones, strict=True)]
    stored[index] = live
    lab.save_lab_runs(tmp_path / "round.npz", stored)
    again = lab.load_lab_runs(tmp_path / "round.npz")
    np.testing.assert_array_equal(again["history"][lab.snap_policy()],
                                  live[0].astype(np.float32))
    np.testing.assert_array_equal(again["zone_low_share"][lab.snap_policy()],
                                  np.round(live[1] * 255).astype(np.uint8))


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def test_lab_frames_at_the_apps_size_equal_a_full_draw():
    """The explorer's own size (11 × 4.6 in, 90 dpi) with the lab's runs and many years."""
    panels = ParadoxPanels(Figure(figsize=(11.0, 4.6)), dpi=90)
    cases = [(CORNERS[0], 10), (CORNERS[0], 0), (CORNERS[1], 30), (CORNERS[2], 16),
             (CORNERS[3], 29), (CORNERS[1], 1)]
    panels.show(*lab.lab_scenario(CORNERS[0]), 5)
    for policy, year in cases:
        run = lab.lab_scenario(policy)
        full = ParadoxPanels(Figure(figsize=(11.0, 4.6)), dpi=90).show(*run, year)
        np.testing.assert_array_equal(_pixels(panels.show(*run, year)), _pixels(full))


# -- restructuring ------------------------------------------------------------------------
@pytest.mark.parametrize(("zone", "homes"), [("inner-2", 60), ("outer-3", 140),
                                             ("centre-1", 0), ("outer-8", 10)])
def test_stored_restructurings_are_the_live_runs_of_chapter_4(zone, homes):
    import pandas as pd

    stored = lab.lab_restructuring(zone, homes)
    live = run_restructuring(zone, homes, seed=lab.LAB_SEED, **RESTRUCTURING_RUN)
    assert (stored.zone, stored.homes, stored.year) == (live.zone, live.homes, live.year)
    pd.testing.assert_frame_equal(stored.moves, live.moves)
    for name in ("history", "baseline", "zone_history", "baseline_zones"):
        mine = getattr(stored, name)
        pd.testing.assert_frame_equal(mine, getattr(live, name)[list(mine.columns)])
    assert stored.summary() == live.summary()
    pd.testing.assert_frame_equal(stored.destinations(), live.destinations())


def test_every_setting_of_the_restructuring_explorer_is_stored():
    from wijkwijs.explorers.restructuring import restructuring_controls

    controls = restructuring_controls()
    homes = range(controls["homes"].min, controls["homes"].max + 1, controls["homes"].step)
    runs = lab.load_restructuring_runs()
    assert list(homes) == runs["homes"].tolist()
    assert [v for _, v in controls["zone"].options] == runs["zones"].tolist()
    assert int(runs["count"].sum()) == runs["income"].size == runs["to_zone"].size
    with pytest.raises(ValueError, match="homes 65 is unknown"):
        lab.lab_restructuring("inner-2", 65)
    with pytest.raises(ValueError, match="zone 'suburb-1' is unknown"):
        lab.lab_restructuring("suburb-1", 60)


def test_a_restructuring_file_for_another_run_is_refused(tmp_path):
    good = dict(np.load(lab.restructuring_runs_path()))
    np.savez(tmp_path / "other.npz", **{**good, "run": np.asarray([1.0, 12, 4])})
    with pytest.raises(ValueError, match=r"other\.npz: the restructurings were made for "
                                         r"another run .*--only restructuring"):
        lab.load_restructuring_runs(tmp_path / "other.npz")
    with pytest.raises(FileNotFoundError, match=r"gone\.npz"):
        lab.load_restructuring_runs(tmp_path / "gone.npz")
