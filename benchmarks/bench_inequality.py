"""Benchmark wijkwijs.inequality.gini and .lorenz against PySAL and a plain np.sort.

Run with ``python benchmarks/run.py inequality``. Incomes are lognormal (seeded).
Every time is the best of several repeats (``timeit``-style) and every ratio compares
numbers measured in the same run. PySAL ``inequality.gini.Gini`` and
``inequality.wolfson.lorenz_curve`` are the references; ``np.sort`` of the same
array is the floor any sort-based measure has to pay. Finally the import time of
``wijkwijs`` and ``wijkwijs.inequality`` is measured in fresh subprocesses.
"""

from __future__ import annotations

import subprocess
import sys
import timeit
from collections.abc import Callable

import numpy as np

SIZES = [1_000, 10_000, 100_000, 1_000_000]
REPEATS = 5
PYSAL_BUDGET_S = 20.0  # skip PySAL at a size if its estimated time exceeds this


def best_time(func: Callable[[], object], repeats: int = REPEATS) -> float:
    """Best time per call over ``repeats`` rounds of auto-ranged loops (seconds)."""
    timer = timeit.Timer(func)
    number, _ = timer.autorange()  # loops per round so that a round takes >= 0.2 s
    number = max(1, number // 4)  # ... >= 0.05 s: enough to beat timer noise
    return min(timer.repeat(repeat=repeats, number=number)) / number


def fmt_time(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:8.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:8.2f} ms"
    return f"{seconds:8.2f} s "


def import_time(module: str, repeats: int = REPEATS) -> float:
    """Best-of-``repeats`` time of ``import module`` in a fresh interpreter (seconds)."""
    code = ("import time; t = time.perf_counter(); "
            f"import {module}; print(time.perf_counter() - t)")
    times = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True)
        times.append(float(out.stdout.strip()))
    return min(times)


def bench_measure(name: str, ours: Callable[[np.ndarray], object],
                  reference: Callable[[np.ndarray], object] | None,
                  value: Callable[[object], float]) -> list[list[str]]:
    rows = []
    previous: tuple[int, float] | None = None
    rng = np.random.default_rng(20240601)
    for n in SIZES:
        x = rng.lognormal(mean=10.0, sigma=0.8, size=n)
        t_ours = best_time(lambda x=x: ours(x))
        t_sort = best_time(lambda x=x: np.sort(x))
        v_ours = value(ours(x))
        if reference is None:
            t_ref, v_ref, ref_cell, ratio_ref = None, None, "n/a", "n/a"
        else:
            estimate = None
            if previous is not None:  # extrapolate as n log n from the last size
                n0, t0 = previous
                estimate = t0 * (n * np.log(n)) / (n0 * np.log(n0))
            if estimate is not None and estimate > PYSAL_BUDGET_S:
                t_ref = None
                ref_cell = f"skipped: would take ~{estimate:.0f} s (estimate)"
                ratio_ref, v_ref = "n/a", None
            else:
                t_ref = best_time(lambda x=x: reference(x))
                v_ref = value(reference(x))
                previous = (n, t_ref)
                ref_cell = fmt_time(t_ref)
                ratio_ref = f"{t_ours / t_ref:5.2f}"
        diff = "n/a" if v_ref is None else f"{abs(v_ours - v_ref):.1e}"
        rows.append([name, f"{n:>9,}", fmt_time(t_ours), ref_cell, fmt_time(t_sort),
                     ratio_ref, f"{t_ours / t_sort:5.2f}", f"{v_ours:.12f}", diff])
    return rows


def print_table(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))


def main() -> None:
    from wijkwijs import inequality as iq

    try:
        from inequality.gini import Gini
        from inequality.wolfson import lorenz_curve
    except ImportError:  # PySAL is a test-only dependency
        Gini = lorenz_curve = None
        print("PySAL `inequality` is not installed: only np.sort is compared.")

    rows = bench_measure("gini", iq.gini, None if Gini is None else (lambda x: Gini(x).g),
                         float)
    # value shown for the Lorenz curve: its point at 40% of the population
    rows += bench_measure("lorenz", iq.lorenz, lorenz_curve,
                          lambda curve: float(np.interp(0.4, curve[0], curve[1])))
    print(f"lognormal incomes (seeded), best of {REPEATS}; value for lorenz = L(0.4); "
          "|diff| = |ours - PySAL|")
    print_table(["measure", "n", "wijkwijs", "PySAL", "np.sort", "ours/PySAL",
                 "ours/sort", "value", "|diff|"], rows)

    print(f"\nimport time in a fresh interpreter (best of {REPEATS}):")
    for module in ("numpy", "wijkwijs", "wijkwijs.inequality"):
        print(f"  import {module:<22s} {fmt_time(import_time(module))}")


if __name__ == "__main__":
    main()
