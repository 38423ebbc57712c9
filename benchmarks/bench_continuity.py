"""Chapter 7.2 explorer latency: structural against project funding.

The explorer is built once; then each slider is moved through a sequence of values and
``Explorer.last_update_seconds`` (measured inside the explorer, from the change to the
new PNG and table) is collected, with this process's CPU time. Every change runs the
continuity model (50 seeded runs of each regime, averaged); the random numbers of
those runs are drawn once and a regime whose parameters did not change is not run
again (a project slider reruns only the project regime; the two shared sliders rerun
both). Only the lines are redrawn (blitting). The target is 100 ms (median) per
change.

The reference, timed in the same run, is the model alone: ``compare_funding_runs``
with the explorer's parameters on fresh values (both regimes run), and a single
``simulate_continuity`` run.
"""

from __future__ import annotations

import statistics
import time

from explorer_timing import moves, row


def main() -> None:
    from wijkwijs.explorers.continuity import continuity_explorer, explorer_parameters
    from wijkwijs.models.continuity import compare_funding_runs, simulate_continuity

    print(f"{'explorer: control':<44} {'n':>4} {'median ms':>9} {'p95 ms':>9} {'max ms':>9} "
          f"{'cpu ms':>9}")
    start = time.perf_counter()
    ex = continuity_explorer()
    print(f"(continuity explorer built in {1000 * (time.perf_counter() - start):.0f} ms)")
    cases = [
        ("project_turnover", [0.05 * i for i in range(21)]),
        ("project_cycle", [1, 3, 4, 5, 2] * 3),
        ("project_renewal", [0.5 + 0.05 * i for i in range(11)]),
        ("structural_turnover", [0.05 * i for i in range(11)]),
        ("trust_reset", [0.1 * i for i in range(11)]),
        ("survival_without_contact", [0.05 * i for i in range(19)]),
    ]
    everything, everything_cpu = [], []
    for name, values in cases:
        times, cpu = moves(ex, name, values)
        everything += times
        everything_cpu += cpu
        print(row(f"ch7.2 continuity: {name}", times, cpu), flush=True)
    print(row("ch7.2 continuity: all sliders", everything, everything_cpu))

    model, single = [], []
    for i in range(20):  # fresh shared values: both regimes run, nothing cached
        parameters = explorer_parameters(0.55, 2, 0.85, 0.10, 0.8, 0.6)
        parameters["trust_growth"] = 0.30 + 0.001 * i
        t = time.perf_counter()
        compare_funding_runs(runs=50, **parameters)
        model.append(time.perf_counter() - t)
        t = time.perf_counter()
        simulate_continuity("project", seed=1000 + i)
        single.append(time.perf_counter() - t)
    print(row("  model: both regimes, 50 runs each", model))
    print(row("  model: one run (simulate_continuity)", single))
    print(f"  -> median update {1000 * statistics.median(everything):.0f} ms "
          f"(target 100 ms)")


if __name__ == "__main__":
    main()
