"""Run the policy lab's models once for every setting of its controls, and store the runs.

Usage::

    python tools/make_lab_runs.py [--only housing|restructuring] [--processes 2]

*housing*: :func:`wijkwijs.examples.paradox_lab.compute_lab_run` for each of the 5,929
policies of :data:`~wijkwijs.examples.paradox_lab.LAB_STEPS` (about a quarter of a second
each; some thirteen minutes on two cores), written to
``datasets/models/paradox_lab_runs.npz``. *restructuring*:
:func:`~wijkwijs.examples.paradox_lab.compute_restructuring_runs`, 16 zones × 15 numbers
of homes (about ten seconds), written to ``datasets/models/restructuring_lab_runs.npz``.
Every run is seeded, so running it twice gives the same arrays. Run it again after any
change to the paradox model: ``tests/test_examples_paradox_lab.py`` compares stored runs
with live ones and fails until then.
"""

from __future__ import annotations

import argparse
import time
from multiprocessing import Pool
from pathlib import Path

from wijkwijs.examples.paradox_lab import (
    compute_lab_run,
    compute_restructuring_runs,
    lab_policies,
    save_lab_runs,
    save_restructuring_runs,
)

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "datasets" / "models"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("housing", "restructuring"))
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    if args.only in (None, "restructuring"):
        start, out = time.perf_counter(), FOLDER / "restructuring_lab_runs.npz"
        save_restructuring_runs(out, compute_restructuring_runs())
        print(f"restructurings in {time.perf_counter() - start:.0f} s -> {out} "
              f"({out.stat().st_size / 2**10:.0f} KiB)")
    if args.only in (None, "housing"):
        start, out = time.perf_counter(), FOLDER / "paradox_lab_runs.npz"
        with Pool(args.processes) as pool:
            runs = pool.map(compute_lab_run, list(lab_policies()), chunksize=16)
        save_lab_runs(out, runs)
        print(f"{len(runs)} housing runs in {time.perf_counter() - start:.0f} s -> {out} "
              f"({out.stat().st_size / 2**20:.1f} MiB)")


if __name__ == "__main__":
    main()
