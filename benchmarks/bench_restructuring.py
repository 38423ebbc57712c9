"""Latency of the chapter-4 restructuring explorer: from a control change to the new image.

The explorer (``wijkwijs.explorers.restructuring``) is built once; then each control is
moved through values it has not had before, so every change runs the model afresh
(the years after the demolition: the years before are shared by every setting and
cached). ``Explorer.last_update_seconds`` is collected (the explorer's own wall-clock
time) together with this process's CPU time, which a busy machine stretches less. A
last row moves the homes slider back over values it has had: cached runs, only the
redraw. Target: 100 ms median per change.

    python benchmarks/bench_restructuring.py
"""

from __future__ import annotations

from explorer_timing import moves, row

from wijkwijs.explorers.restructuring import MAX_HOMES, restructuring_explorer
from wijkwijs.models.paradox import city_zone_names


def main() -> None:
    print(f"{'explorer: control':<44} {'n':>4} {'median ms':>9} {'p95 ms':>9} {'max ms':>9} "
          f"{'cpu ms':>9}")
    explorer = restructuring_explorer()
    homes = [h for h in range(10, MAX_HOMES + 1, 10) if h != explorer.controls["homes"].value]
    print(row("ch4 restructuring: homes (new run)", *moves(explorer, "homes", homes)),
          flush=True)
    first_zone = explorer.controls["zone"].value
    zones = [z for z in city_zone_names() if z != first_zone]
    print(row("ch4 restructuring: zone (new run)", *moves(explorer, "zone", zones)),
          flush=True)
    explorer.set(zone=first_zone)  # back to the zone of the first row: its runs are cached
    print(row("ch4 restructuring: homes (cached runs)", *moves(explorer, "homes", homes)),
          flush=True)


if __name__ == "__main__":
    main()
