"""Havenstad: time to load every table (target ≤ 1 s each) and to regenerate the city
(target ≤ 60 s), on this machine, in this run.

Each load is a cold read in a fresh subprocess (so no cache helps), best of 3; the
regeneration writes to a temporary folder and is checked against ``SHA256SUMS``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from wijkwijs.havenstad.load import HAVENSTAD_TABLES
from wijkwijs.paths import datasets_dir


def _cold_load_seconds(table: str) -> float:
    code = ("import time; import wijkwijs.havenstad.load as d; t = time.perf_counter(); "
            f"d.havenstad({table!r}); print(time.perf_counter() - t)")
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True).stdout) for _ in range(3)]
    return min(runs)


def main() -> None:
    print(f"{'table':<18} {'cold load s':>12}")
    for table in HAVENSTAD_TABLES:
        print(f"{table:<18} {_cold_load_seconds(table):>12.3f}", flush=True)
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "wijkwijs.havenstad.generate", "--out", out], check=True,
                       capture_output=True)
        seconds = time.perf_counter() - start
        committed = (datasets_dir() / "havenstad" / "SHA256SUMS").read_text()
        same = (Path(out) / "SHA256SUMS").read_text() == committed
    print(f"regeneration: {seconds:.1f} s; identical to the committed files: {same}")
