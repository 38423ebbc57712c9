"""Benchmark: wijkwijs.segregation.summary against PySAL ``segregation``.

A seeded synthetic city of 14,000 units (about the number of CBS *buurten* in the
Netherlands) with one group. wijkwijs computes all seven two-group indices with
``summary``; PySAL computes the same seven with its ``singlegroup`` classes
(Dissim, Isolation, Interaction, CorrelationR, Entropy, Gini, Atkinson with
b = 0.5), in the same run, alternating: each round times PySAL once and
``summary`` ``OURS_PER_ROUND`` times, so both see the same machine load. The table
shows both values (they must agree to 1e-9), the median times and the ratio of the
medians (goal: at least 20x).

Run with ``python benchmarks/run.py segregation``.
"""

from __future__ import annotations

import statistics
import time
import warnings

import numpy as np
import pandas as pd

from wijkwijs import segregation as seg

N_UNITS = 14_000
SEED = 20240611
ROUNDS = 9
OURS_PER_ROUND = 5


def synthetic_city(n: int = N_UNITS, seed: int = SEED) -> pd.DataFrame:
    """Units with 50-5,000 households and a low-income share that varies by district."""
    rng = np.random.default_rng(seed)
    households = rng.integers(50, 5_000, size=n)
    district_share = rng.beta(2, 6, size=n // 20 + 1)
    share = np.clip(district_share[np.arange(n) // 20] + rng.normal(0, 0.05, n), 0, 1)
    low = rng.binomial(households, share)
    return pd.DataFrame({"unit": np.arange(n), "low_income": low, "households": households})


def _timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _pysal_all(frame: pd.DataFrame) -> dict[str, float]:
    from segregation import singlegroup as sg

    classes = {
        "dissimilarity": sg.Dissim,
        "isolation": sg.Isolation,
        "exposure": sg.Interaction,
        "correlation_ratio": sg.CorrelationR,
        "entropy_index": sg.Entropy,
        "gini_segregation": sg.Gini,
        "atkinson_segregation": sg.Atkinson,
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {name: float(cls(frame, "low_income", "households").statistic)
                for name, cls in classes.items()}


def main() -> None:
    frame = synthetic_city()
    # warm up both (imports, PySAL's numba compilation of the Gini kernel)
    seg.summary(frame.head(100), "low_income", "households", unit_col="unit")
    _pysal_all(frame.head(100))

    ours_times, pysal_times = [], []
    for _ in range(ROUNDS):
        seconds, reference = _timed(lambda: _pysal_all(frame))
        pysal_times.append(seconds)
        for _ in range(OURS_PER_ROUND):
            seconds, table = _timed(
                lambda: seg.summary(frame, "low_income", "households", unit_col="unit"))
            ours_times.append(seconds)
    t_ours, t_pysal = statistics.median(ours_times), statistics.median(pysal_times)
    ours = dict(zip(table["index"], table["value"], strict=True))

    print(f"{N_UNITS:,} units, seed {SEED}; medians of {ROUNDS} rounds (PySAL once, "
          f"summary {OURS_PER_ROUND} times per round)")
    print(f"{'index':<22}{'wijkwijs':>20}{'PySAL':>20}{'|diff|':>10}")
    worst = 0.0
    for name in seg.TWO_GROUP_INDICES:
        diff = abs(ours[name] - reference[name])
        worst = max(worst, diff)
        print(f"{name:<22}{ours[name]:>20.15f}{reference[name]:>20.15f}{diff:>10.1e}")
    print(f"values equal to 1e-9: {'yes' if worst < 1e-9 else 'NO'} (largest |diff| {worst:.1e})")
    print(f"wijkwijs summary(): {t_ours * 1000:9.2f} ms")
    print(f"PySAL, 7 classes:   {t_pysal * 1000:9.2f} ms")
    ratio = t_pysal / t_ours
    print(f"ratio of the medians: wijkwijs is {ratio:.1f}x faster (goal >= 20x: "
          f"{'met' if ratio >= 20 else 'NOT met'})")


if __name__ == "__main__":
    main()
