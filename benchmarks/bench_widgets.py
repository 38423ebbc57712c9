"""Explorer latency: the time from a control change to updated views.

Each explorer is built once; then a control is moved through a sequence of values and
``Explorer.last_update_seconds`` (measured inside the explorer, from the change to the
new PNG/table/HTML) is collected. The browser adds its own display time on top; the
issue's target is 100 ms for chapter-sized data. For the Schelling explorer the
per-frame time of the animation (one model step plus a redrawn frame) is reported as
frames per second on its 50×50 grid; the target is 20 fps.
"""

from __future__ import annotations

import importlib
import statistics
import time


def _moves(explorer, name: str, values) -> list[float]:
    times = []
    for value in values:
        explorer.set(**{name: value})
        times.append(explorer.last_update_seconds)
    return times


def _row(label: str, times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return (f"{label:<44} {len(ms):>4} {statistics.median(ms):>9.1f} {p95:>9.1f} "
            f"{ms[-1]:>9.1f}")


CASES = [
    # (label, module, factory, control, values)
    ("ch0 mean/median: richest", "inequality", "mean_median_explorer", "richest",
     [50_000 + 5_000 * i for i in range(40)]),
    ("ch1 redistribution: tax rate (2,000 hh)", "inequality", "redistribution_explorer",
     "tax_rate", [5 * (i % 18) for i in range(1, 41)]),
    ("ch1 redistribution: basic income", "inequality", "redistribution_explorer",
     "transfer", [500 * i for i in range(1, 41)]),
    ("ch3 paradox: year (cached model run)", "paradox", "paradox_explorer", "year",
     [i % 31 for i in range(1, 31)]),
    ("ch3 paradox: protected share (new 30-year run)", "paradox", "paradox_explorer",
     "protected_share", [0.05 * i for i in range(1, 9)]),
    ("ch5 ties: shared places (cached after first)", "homophily", "ties_explorer",
     "bridging", [i % 9 for i in range(1, 19)]),
]


def main() -> None:
    print(f"{'explorer: control':<44} {'n':>4} {'median ms':>9} {'p95 ms':>9} {'max ms':>9}")
    for label, module, factory, control, values in CASES:
        mod = importlib.import_module(f"wijkwijs.explorers.{module}")
        explorer = getattr(mod, factory)()
        print(_row(label, _moves(explorer, control, values)), flush=True)
    homophily = importlib.import_module("wijkwijs.explorers.homophily")
    schelling = homophily.schelling_explorer()
    frames = []
    for _ in range(100):
        start = time.perf_counter()
        schelling.step()
        frames.append(time.perf_counter() - start)
    print(_row("ch5 Schelling 50x50: one animation frame", frames))
    print(f"  -> {1 / statistics.median(frames):.0f} frames per second (median frame); "
          f"{1 / max(frames):.0f} fps for the slowest frame")
