"""Explorer latency: the time from a control change to updated views.

Each explorer is built once; then a control is moved through a sequence of values and
``Explorer.last_update_seconds`` (measured inside the explorer, from the change to the
new PNG/table/HTML) is collected. The browser adds its own display time on top; the
issue's target is 100 ms for chapter-sized data. For the Schelling explorer the
per-frame time of the animation (one model step plus a redrawn frame) is reported as
frames per second on its 50×50 grid; the target is 20 fps.

The chapter 3 explorer redraws only what changed (blitting, see
``wijkwijs.figures.blit``). Its reference, timed in the same run, is the same explorer
redrawn in full on every change, as explorers built on ``Explorer(plot=...)`` are: the
figure cleared, both panels drawn with the public ``plot_*`` functions, ``savefig``.
Its targets: 100 ms for the year slider, 300 ms for a new policy (a fresh 30-year run).
"""

from __future__ import annotations

import importlib
import statistics
import time

from explorer_timing import moves, row


def full_redraw_paradox_explorer():
    """The reference: the chapter 3 explorer with a full redraw on every change."""
    from wijkwijs import i18n
    from wijkwijs.examples.paradox import run_scenario
    from wijkwijs.explorers.paradox import paradox_controls
    from wijkwijs.figures.paradox import plot_trajectories, plot_zone_map
    from wijkwijs.widgets import Explorer

    def draw(fig, year: int, **policy) -> None:
        history, zone_history = run_scenario(policy)
        left = fig.add_axes((0.065, 0.12, 0.45, 0.78))
        right = fig.add_axes((0.575, 0.12, 0.34, 0.78))
        cax = fig.add_axes((0.925, 0.17, 0.015, 0.68))
        plot_trajectories(history, year, ax=left)
        plot_zone_map(zone_history, year, colorbar=False, ax=right)
        fig.colorbar(right.collections[0], cax=cax, label=i18n.t("paradox.low_share"))

    return Explorer(paradox_controls(), plot=draw, plot_takes="figure", figsize=(11.0, 4.6))


CASES = [
    # (label, module of wijkwijs.explorers or None, factory, control, values)
    ("ch0 mean/median: richest", "inequality", "mean_median_explorer", "richest",
     [50_000 + 5_000 * i for i in range(40)]),
    ("ch1 redistribution: tax rate (2,000 hh)", "inequality", "redistribution_explorer",
     "tax_rate", [5 * (i % 18) for i in range(1, 41)]),
    ("ch1 redistribution: basic income", "inequality", "redistribution_explorer",
     "transfer", [500 * i for i in range(1, 41)]),
    ("ch3 paradox: year (cached model run)", "paradox", "paradox_explorer", "year",
     [i % 31 for i in range(1, 31)]),
    ("  reference: full redraw", None, full_redraw_paradox_explorer, "year",
     [i % 31 for i in range(1, 31)]),
    ("ch3 paradox: protected share (new 30-year run)", "paradox", "paradox_explorer",
     "protected_share", [0.05 * i for i in range(1, 9)]),
    ("  reference: full redraw", None, full_redraw_paradox_explorer, "new_social_per_year",
     [10 * i for i in range(1, 9)]),
    ("ch5 ties: shared places (cached after first)", "homophily", "ties_explorer",
     "bridging", [i % 9 for i in range(1, 19)]),
]


def main() -> None:
    print(f"{'explorer: control':<44} {'n':>4} {'median ms':>9} {'p95 ms':>9} {'max ms':>9} "
          f"{'cpu ms':>9}")
    for label, module, factory, control, values in CASES:
        if module is None:  # a reference defined here
            explorer = factory()
        else:
            explorer = getattr(importlib.import_module(f"wijkwijs.explorers.{module}"),
                               factory)()
        print(row(label, *moves(explorer, control, values)), flush=True)
    homophily = importlib.import_module("wijkwijs.explorers.homophily")
    schelling = homophily.schelling_explorer()
    frames, cpu = [], []
    for _ in range(100):
        start, start_cpu = time.perf_counter(), time.process_time()
        schelling.step()
        frames.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    print(row("ch5 Schelling 50x50: one animation frame", frames, cpu))
    print(f"  -> {1 / statistics.median(frames):.0f} frames per second (median frame); "
          f"{1 / max(frames):.0f} fps for the slowest frame")
