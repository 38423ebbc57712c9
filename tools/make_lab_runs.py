"""Run every policy of the policy lab's grid once and store the runs (chapter 3's model).

Usage::

    python tools/make_lab_runs.py [--processes 2] [--out datasets/models/paradox_lab_runs.npz]

Runs :func:`wijkwijs.examples.paradox_lab.compute_lab_run` for each of the 5,929
policies of :data:`~wijkwijs.examples.paradox_lab.LAB_STEPS` (about a quarter of a second
each; some twelve minutes on two cores) and writes them with
:func:`~wijkwijs.examples.paradox_lab.save_lab_runs`. Every run is seeded, so running it
twice gives the same arrays. Run it again after any change to the paradox model:
``tests/test_examples_paradox_lab.py`` compares stored runs with live ones and fails
until then.
"""

from __future__ import annotations

import argparse
import time
from multiprocessing import Pool
from pathlib import Path

from wijkwijs.examples.paradox_lab import compute_lab_run, lab_policies, save_lab_runs

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "datasets" / "models" / "paradox_lab_runs.npz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    policies = list(lab_policies())
    start = time.perf_counter()
    with Pool(args.processes) as pool:
        runs = pool.map(compute_lab_run, policies, chunksize=16)
    save_lab_runs(args.out, runs)
    print(f"{len(runs)} runs in {time.perf_counter() - start:.0f} s -> {args.out} "
          f"({args.out.stat().st_size / 2**20:.1f} MiB)")


if __name__ == "__main__":
    main()
