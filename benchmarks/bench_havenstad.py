"""Havenstad: time to load every table (target ≤ 1 s each) and to regenerate the city
(target ≤ 60 s), on this machine, in this run.

Each load is a cold read in a fresh subprocess (so no cache helps), best of 3; the
regeneration runs ``python -m wijkwijs.havenstad.generate`` into a temporary folder and
is checked against ``SHA256SUMS``. A last table times each step of the generator
in this process, so a slow step shows up by name.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from wijkwijs.havenstad import generate as gen
from wijkwijs.havenstad.constants import SEED
from wijkwijs.havenstad.generate.pipeline import streams
from wijkwijs.havenstad.load import HAVENSTAD_TABLES
from wijkwijs.paths import datasets_dir


def _cold_load_seconds(table: str) -> float:
    code = ("import time; import wijkwijs.havenstad.load as d; t = time.perf_counter(); "
            f"d.havenstad({table!r}); print(time.perf_counter() - t)")
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True).stdout) for _ in range(3)]
    return min(runs)


def _step_seconds(seed: int = SEED) -> dict[str, float]:
    """Seconds of each generator step (same streams as :func:`gen.build_city`)."""
    rng = streams(seed)
    seconds: dict[str, float] = {}

    def timed(name, step, *args):
        start = time.perf_counter()
        out = step(*args)
        seconds[name] = time.perf_counter() - start
        return out

    geo = timed("1 geography", gen.build_geography, rng["geography"])
    stock = timed("2 housing stock", gen.build_housing_stock, geo, rng["housing"])
    hh = timed("3 households", gen.simulate_households, geo, stock, rng["households"])
    orgs = timed("4 organisations", gen.build_organisations, geo, rng["organisations"])
    part = timed("5a participation", gen.build_participation, geo, hh, orgs,
                 rng["participation"])
    timed("5b referrals", gen.build_referrals, geo, orgs, rng["referrals"])
    timed("5c ties", gen.build_ties, geo, hh, orgs, part, rng["ties"])
    timed("6 statistics", gen.build_statistics, geo, hh)
    return seconds


def main() -> None:
    print(f"{'table':<18} {'cold load s':>12}")
    for table in HAVENSTAD_TABLES:
        print(f"{table:<18} {_cold_load_seconds(table):>12.3f}", flush=True)
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "wijkwijs.havenstad.generate", "--out", out],
                       check=True, capture_output=True)
        seconds = time.perf_counter() - start
        committed = (datasets_dir() / "havenstad" / "SHA256SUMS").read_text()
        same = (Path(out) / "SHA256SUMS").read_text() == committed
    print(f"regeneration: {seconds:.1f} s; identical to the committed files: {same}")
    print(f"\n{'generator step':<18} {'s':>6}")
    for step, s in _step_seconds().items():
        print(f"{step:<18} {s:>6.2f}", flush=True)


if __name__ == "__main__":
    main()
