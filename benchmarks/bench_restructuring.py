"""Latency of the chapter-4 restructuring explorer: from a control change to the new image.

The explorer (``wijkwijs.explorers.restructuring``) is built once; then each control is
moved through values it has not had before, so every change runs the model afresh
(the years after the demolition: the years before are shared by every setting and
cached). ``Explorer.last_update_seconds`` is collected (the explorer's own wall-clock
time) together with this process's CPU time, which a busy machine stretches less. A
last row moves the homes slider back over values it has had: cached runs, only the
redraw. The reference, timed in the same run, is the same explorer redrawn in full on
every change, as explorers built on ``Explorer(plot=...)`` are: the figure cleared, both
panels drawn with the public ``plot_*`` functions, ``savefig``. Target: 100 ms median
per change.

    python benchmarks/bench_restructuring.py
"""

from __future__ import annotations

from explorer_timing import moves, row

from wijkwijs.explorers.restructuring import (
    EXPLORER_RUN,
    restructuring_controls,
    restructuring_explorer,
)
from wijkwijs.models.paradox import RESTRUCTURING_HOMES, city_zone_names, run_restructuring
from wijkwijs.widgets import Explorer


def full_redraw_explorer() -> Explorer:
    """The reference: the same controls and panels, everything redrawn on each change."""
    from wijkwijs.figures.restructuring import (
        plot_displaced_map,
        plot_restructuring_trajectories,
    )

    def draw(fig, homes, zone):
        run = run_restructuring(zone, int(homes), seed=0, **EXPLORER_RUN)
        left, right = fig.subplots(1, 2, width_ratios=(1.3, 1))
        plot_restructuring_trajectories(run, ax=left)
        plot_displaced_map(run, ax=right)

    return Explorer(restructuring_controls(), plot=draw, plot_takes="figure",
                    figsize=(11.0, 4.8))


def main() -> None:
    print(f"{'explorer: control':<44} {'n':>4} {'median ms':>9} {'p95 ms':>9} {'max ms':>9} "
          f"{'cpu ms':>9}")
    explorer = restructuring_explorer()
    homes = [h for h in RESTRUCTURING_HOMES[1:] if h != explorer.controls["homes"].value]
    print(row("ch4 restructuring: homes (new run)", *moves(explorer, "homes", homes)),
          flush=True)
    first_zone = explorer.controls["zone"].value
    zones = [z for z in city_zone_names() if z != first_zone]
    print(row("ch4 restructuring: zone (new run)", *moves(explorer, "zone", zones)),
          flush=True)
    explorer.set(zone=first_zone)  # back to the zone of the first row: its runs are cached
    print(row("ch4 restructuring: homes (cached runs)", *moves(explorer, "homes", homes)),
          flush=True)
    reference = full_redraw_explorer()  # the runs are cached now: only the drawing differs
    print(row("  reference: full redraw (cached runs)", *moves(reference, "homes", homes)),
          flush=True)


if __name__ == "__main__":
    main()
