"""Run every wijkwijs benchmark and print its table.

Usage (from the repository root)::

    python benchmarks/run.py            # all benchmarks
    python benchmarks/run.py inequality # only benchmarks/bench_inequality.py

Each ``benchmarks/bench_<topic>.py`` has a ``main()`` that times wijkwijs against a
reference implementation *in the same run* and prints the ratio, so the numbers
compare like with like on whatever machine runs them.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> None:
    wanted = set(argv)
    for path in sorted(HERE.glob("bench_*.py")):
        topic = path.stem.removeprefix("bench_")
        if wanted and topic not in wanted:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        assert spec.loader is not None
        spec.loader.exec_module(module)
        print(f"\n=== {topic} ===", flush=True)
        start = time.perf_counter()
        module.main()
        print(f"({topic}: {time.perf_counter() - start:.1f} s)", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
