"""Tests for the chapter 5 exercise bank and the notebooks' solution cells.

Answers that depend on Havenstad are recomputed by another route or checked as
relations (the synthetic city may be regenerated); model answers by hand or by a
second computation.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from wijkwijs import exercises as ex
from wijkwijs.examples import homophily as hp
from wijkwijs.exercises import ch5
from wijkwijs.models.schelling import block_segregation
from wijkwijs.models.ties import KINDS

CHAPTERS = Path(__file__).resolve().parent.parent / "chapters"
NOTEBOOKS = sorted(CHAPTERS.glob("05_*.ipynb"))
IDS = sorted(i for i in ex.all_exercises() if i.startswith("5."))
#: Exercises that are predictions, interpretations or a choice between policies.
THINKING = {"5.1-schelling-threshold", "5.1-diversity-wish", "5.1-random-city", "5.1-scale",
            "5.2-bridging", "5.2-lifestyle", "5.2-havenstad-divides", "5.2-lifestyle-gap",
            "5.3-hunkering-ses", "5.3-diversity-confound", "5.3-policy", "5.3-youth-mix",
            "5.3-familiar-faces"}


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def test_lifestyle_options_are_the_tie_models_kinds_in_order():
    assert list(ch5.KIND_OPTIONS) == list(KINDS)
    assert ex.get("5.2-lifestyle").options == list(ch5.KIND_OPTIONS.values())
    assert ex.get("5.2-lifestyle").expected() == list(KINDS).index("young_professional")


def test_loading_the_bank_imports_no_graph_or_view_library():
    code = ("import sys; from wijkwijs.exercises import ch5; "
            "print(sorted(m for m in ('networkx', 'matplotlib', 'ipywidgets', 'folium') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_fraction_by_hand():
    # around the centre: 0, 1, -, 0, 1, 1, -, 0 -> 6 occupied, 3 of group 0
    assert ex.get("5.1-fraction-not-count").expected() == pytest.approx(3 / 6)


def test_prediction_bands_follow_the_runs():
    assert ch5._band(30) == 0 and ch5._band(50) == 1 and ch5._band(75) == 2
    run = hp.schelling_run(0.3)
    assert ex.get("5.1-schelling-threshold").expected() == ch5._band(run.percent_similar)
    wish = hp.schelling_run(0.3, max_similar=0.8).percent_similar
    assert ex.get("5.1-diversity-wish").expected() == pytest.approx(run.percent_similar - wish)


def test_random_city_and_scale_readings_agree_with_a_simulated_random_city():
    run = hp.schelling_run(0.3)
    rng = np.random.default_rng(5)
    occupied = run.grid != -1
    simulated = []
    for _ in range(200):
        g = run.grid.copy()
        g[occupied] = rng.permutation(run.grid[occupied])
        simulated.append(block_segregation(g, (2,), 2).dissimilarity.iloc[0])
    d = float(np.mean(simulated))
    assert 0.15 < d < float(run.segregation((2,)).dissimilarity.iloc[0])
    assert ex.get("5.1-random-city").expected() == 1
    assert ex.get("5.1-scale").expected() == 1


def test_tie_answers_recompute():
    from wijkwijs.models.ties import coleman_index, homophily_test

    assert ex.get("5.2-expected-cross").expected() == pytest.approx(2 * 0.6 * 0.4)
    with_places = coleman_index(hp.tie_model(bridging_foci=4).graph, "group").coleman.loc[0]
    without = coleman_index(hp.tie_model().graph, "group").coleman.loc[0]
    assert ex.get("5.2-coleman").expected() == pytest.approx(with_places)
    assert 0 < with_places < without  # places soften homophily, do not remove it
    t0, t4 = (homophily_test(hp.tie_model(bridging_foci=f).graph, "group") for f in (0, 4))
    assert t4["observed"] > t0["observed"]
    assert ex.get("5.2-bridging").expected() == (1 if t4["observed"] < t4["expected"] else 2)


def test_havenstad_answers_are_relations_of_the_data():
    from wijkwijs.havenstad.ties import havenstad_homophily

    bg = havenstad_homophily(attribute="background").ratio.mean()
    life = havenstad_homophily(attribute="lifestyle").ratio.mean()
    assert ex.get("5.2-havenstad-divides").expected() == (0 if bg < life else 1)
    gap = hp.lifestyle_gap().set_index("source")
    assert gap.loc["model", "ratio"] < gap.loc["model_equal_time", "ratio"]
    assert gap.loc["model", "ratio"] < gap.loc["havenstad", "ratio"]
    assert ex.get("5.2-lifestyle-gap").expected() == 1


def test_diversity_answers():
    from wijkwijs.models.diversity import hunkering_table

    t = hunkering_table((0.0, 0.5), (0.0, 1.0)).set_index(["minority_share", "ses"])
    losses = [t.loc[o, "lost_pct"] for o in ch5.HUNKER_OPTIONS]
    assert losses[2] == 0 and losses[0] > losses[1]
    assert ex.get("5.3-hunkering-ses").expected() == 0
    assert ex.get("5.3-diversity-confound").expected() == 1
    places = hunkering_table((0.5,), (0.0,), bridging_foci=ch5.POLICY_PLACES).across.iloc[0]
    ses = hunkering_table((0.5,), (ch5.POLICY_SES,)).across.iloc[0]
    assert ex.get("5.3-policy").expected() == (0 if places > ses else 1)


def test_street_answers():
    from wijkwijs.havenstad.street import familiar_faces, youth_space_mix

    f = familiar_faces().set_index("background")
    assert ex.get("5.3-familiar-faces").expected() == pytest.approx(
        100 * f.loc["all", "mean_other_ties"] / f.loc["all", "mean_other_faces"])
    median = youth_space_mix().ratio.median()
    assert ex.get("5.3-youth-mix").expected() == (1 if 0.8 <= median <= 1.25 else
                                                   2 if median < 0.8 else 0)


def test_a_third_or_more_make_learners_think_and_every_choice_has_an_answer_box():
    assert THINKING <= set(IDS)
    assert len(THINKING) >= len(IDS) / 3
    boxes = set()
    for path in NOTEBOOKS:
        for cell in _cells(path):
            boxes |= set(re.findall(r'answer_box\("([^"]+)"\)', "".join(cell["source"])))
    choices = {i for i in IDS if ex.get(i).kind == "choice"}
    assert choices <= boxes, sorted(choices - boxes)


def test_every_notebook_has_paths_and_ends_with_a_reflection():
    assert [p.name[:4] for p in NOTEBOOKS] == ["05_1", "05_2", "05_3"]
    for path in NOTEBOOKS:
        cells = _cells(path)
        assert "**Paths.** *University*" in "".join(cells[0]["source"]), path.name
        sources = ["".join(c["source"]) for c in cells]
        k = next(i for i, s in enumerate(sources) if "reflection_box(" in s)
        reflection_id = re.search(r'reflection_box\("([^"]+)"\)', sources[k]).group(1)
        ex.get_reflection(reflection_id)
        assert "Reflection" in sources[k - 1] and cells[k + 1]["cell_type"] == "markdown"
        assert sources[k + 1].strip() == ""


def test_figures_are_numbered_across_the_chapter():
    numbers = []
    for path in NOTEBOOKS:
        for cell in _cells(path):
            if cell["cell_type"] == "markdown":
                numbers += re.findall(r"^\*Figure (5\.\d+)\.", "".join(cell["source"]), re.M)
    assert numbers == [f"5.{k}" for k in range(1, len(numbers) + 1)]
