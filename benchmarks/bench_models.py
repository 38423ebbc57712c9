"""Benchmark the wijkwijs models.

* Schelling: ``wijkwijs.models.schelling`` against Mesa 3.x's own Schelling example
  (``mesa.examples.basic.schelling``), same parameters, same run: time per step and
  the outcome (percent similar neighbours after ``N_STEPS`` steps, mean ± std over
  seeds). Percent similar of the Mesa model is computed with Mesa's own
  neighbourhood API, independently of wijkwijs.
* Frames per second for a 50×50 grid (one step + its metrics, no rendering).
* Paradox: time of a 12-year and a 30-year run at default size, against the same model
  with its reference allocation (each mover in turn, one ``argmax`` per mover: the
  loop the model's ranked walk replaces), with the outputs checked to be identical.
* Ties: time of a 12-month run at default size.
"""

from __future__ import annotations

import time

import numpy as np

from wijkwijs.models import paradox
from wijkwijs.models.paradox import ParadoxModel
from wijkwijs.models.schelling import SchellingModel
from wijkwijs.models.ties import TieModel

N_STEPS = 20
SEEDS = (1, 2, 3, 4, 5)
CONFIGS = [  # (label, width, height, density, homophily, radius)
    ("40x40 d=0.625 t=0.4 r=1", 40, 40, 0.625, 0.4, 1),
    ("100x100 d=0.625 t=0.4 r=2", 100, 100, 0.625, 0.4, 2),
]


def mesa_percent_similar(model, radius: int) -> float:
    """Mean fraction of like neighbours over agents with neighbours, via Mesa's API."""
    fractions = []
    for agent in model.agents:
        neighbours = list(agent.cell.get_neighborhood(radius=radius).agents)
        if neighbours:
            fractions.append(sum(n.type == agent.type for n in neighbours) / len(neighbours))
    return 100.0 * float(np.mean(fractions))


def run_mesa(width, height, density, homophily, radius, seed):
    from mesa.examples.basic.schelling.model import Schelling

    model = Schelling(height=height, width=width, density=density, minority_pc=0.5,
                      homophily=homophily, radius=radius, seed=seed)
    start = time.perf_counter()
    for _ in range(N_STEPS):
        model.step()
    per_step = (time.perf_counter() - start) / N_STEPS
    return per_step, mesa_percent_similar(model, radius)


def run_ours(width, height, density, homophily, radius, seed):
    model = SchellingModel.from_mesa(width, height, density=density, minority_pc=0.5,
                                     homophily=homophily, radius=radius, seed=seed)
    start = time.perf_counter()
    for _ in range(N_STEPS):  # step() even when everybody is happy, as Mesa does
        model.step()
    per_step = (time.perf_counter() - start) / N_STEPS
    return per_step, model.percent_similar


def bench_schelling() -> None:
    try:
        import mesa  # noqa: F401
    except ImportError:
        print("Mesa not installed: skipping the Schelling comparison.")
        return
    print(f"Schelling, {N_STEPS} steps, seeds {SEEDS}, minority_pc 0.5, bounded grid")
    header = (f"{'configuration':28} {'mesa ms/step':>13} {'ours ms/step':>13} {'ratio':>8}"
              f" {'mesa % similar':>16} {'ours % similar':>16}")
    print(header)
    print("-" * len(header))
    for label, w, h, d, t, r in CONFIGS:
        mesa_runs = np.array([run_mesa(w, h, d, t, r, s) for s in SEEDS])
        ours_runs = np.array([run_ours(w, h, d, t, r, s) for s in SEEDS])
        mesa_ms, ours_ms = 1000 * mesa_runs[:, 0].mean(), 1000 * ours_runs[:, 0].mean()
        print(f"{label:28} {mesa_ms:13.2f} {ours_ms:13.3f} {mesa_ms / ours_ms:7.0f}x"
              f" {mesa_runs[:, 1].mean():9.2f} ± {mesa_runs[:, 1].std(ddof=1):4.2f}"
              f" {ours_runs[:, 1].mean():9.2f} ± {ours_runs[:, 1].std(ddof=1):4.2f}")


def bench_fps() -> None:
    # threshold 0.9: it never settles, so every step moves ~90 % of households (worst case)
    model = SchellingModel(50, 50, vacancy=0.1, threshold=0.9, seed=1)
    n = 500
    start = time.perf_counter()
    for _ in range(n):
        model.step()
        _ = model.percent_similar, model.percent_unhappy
    per = (time.perf_counter() - start) / n
    seg_start = time.perf_counter()
    for _ in range(50):
        model.segregation((2, 5, 10, 25))
    seg = (time.perf_counter() - seg_start) / 50
    print(f"50x50 Schelling step + metrics: {1000 * per:.3f} ms -> {1 / per:,.0f} fps "
          f"(with block segregation at 4 scales each frame: {1 / (per + seg):,.0f} fps)")


def choose_one_by_one(util, vacant, order):
    """The reference allocation: each mover in turn takes the best option still vacant."""
    vacant = np.array(vacant, dtype=float)
    choice = np.full(util.shape[0], -1)
    for i in order:
        u = np.where(vacant > 0, util[i], -np.inf)
        j = int(np.argmax(u))
        if np.isfinite(u[j]):
            choice[i] = j
            vacant[j] -= 1
    return choice


def _paradox_run(years: int, seed: int, allocation=None) -> tuple[float, ParadoxModel]:
    ours = paradox._choose_in_turn
    if allocation is not None:
        paradox._choose_in_turn = allocation
    try:
        model = ParadoxModel(seed=seed)
        start = time.process_time()  # CPU time: a busy machine stretches the wall clock
        model.run(years)
        _ = model.history, model.zone_history
        return time.process_time() - start, model
    finally:
        paradox._choose_in_turn = ours


def bench_paradox_and_ties() -> None:
    for years in (12, 30):
        ours, reference = [], []
        for seed in (1, 2, 3):
            t_ours, model = _paradox_run(years, seed)
            t_ref, ref = _paradox_run(years, seed, choose_one_by_one)
            assert model.history.equals(ref.history), "the allocations disagree"
            assert model.zone_history.equals(ref.zone_history), "the allocations disagree"
            ours.append(t_ours)
            reference.append(t_ref)
        print(f"Paradox, default size ({len(model.zone)} households), {years}-year run: "
              f"{1000 * np.median(ours):.0f} ms CPU (median of 3), with the one-by-one "
              f"allocation {1000 * np.median(reference):.0f} ms: "
              f"{np.median(reference) / np.median(ours):.1f}x, identical outputs")
    start = time.perf_counter()
    ties = TieModel(seed=1)
    ties.run(12)
    print(f"Ties, {len(ties.residents)} residents, set-up + 12 monthly steps: "
          f"{time.perf_counter() - start:.3f} s")


def main() -> None:
    bench_schelling()
    bench_fps()
    bench_paradox_and_ties()


if __name__ == "__main__":
    main()
