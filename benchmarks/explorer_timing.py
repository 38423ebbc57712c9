"""Shared by the explorer benchmarks: move a control, collect the explorer's update times.

``moves`` returns the wall-clock seconds the explorer measured itself
(``Explorer.last_update_seconds``) and this process's CPU seconds; ``row`` prints the
median, 95th percentile and maximum in ms, and the median CPU time (robust to a busy
machine, where other processes stretch the wall-clock time).
"""

from __future__ import annotations

import statistics
import time


def moves(explorer, name: str, values) -> tuple[list[float], list[float]]:
    """Wall-clock seconds of each update (the explorer's own), and this process's CPU time."""
    times, cpu = [], []
    for value in values:
        start = time.process_time()
        explorer.set(**{name: value})
        cpu.append(time.process_time() - start)
        times.append(explorer.last_update_seconds)
    return times, cpu


def row(label: str, times: list[float], cpu: list[float] | None = None, *,
        width: int = 44) -> str:
    """Median, 95th percentile and maximum in ms; the median CPU time (robust to a busy
    machine, where other processes stretch the wall-clock time)."""
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    cpu_ms = f"{1000 * statistics.median(cpu):>9.1f}" if cpu else f"{'':>9}"
    return (f"{label:<{width}} {len(ms):>4} {statistics.median(ms):>9.1f} {p95:>9.1f} "
            f"{ms[-1]:>9.1f} {cpu_ms}")

