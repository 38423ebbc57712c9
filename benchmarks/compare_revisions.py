"""Before and after, in one run: the same measurements on an older revision and on this tree.

Usage (from the repository root)::

    python benchmarks/compare_revisions.py REV        # e.g. the commit before a refactor

The older revision is unpacked with ``git archive`` into a temporary folder (nothing in
this checkout changes) and each measurement runs in a fresh interpreter with that
tree's ``helpers/`` first on ``sys.path`` and its ``datasets/``, then the same for the
working tree, alternating, so that both see the same machine load. Only public APIs
that both revisions have are used. The table gives medians:

* the first ``check()`` of an exercise in a fresh interpreter, per chapter (import of
  the exercise module included, interpreter start-up excluded);
* the chapter 3 paradox explorer: the year slider, and a new policy (a fresh 30-year
  model run), from ``Explorer.last_update_seconds``;
* ``segregation.summary`` on 14,000 units against PySAL's seven classes, as a ratio.

Not part of ``benchmarks/run.py`` (it needs a revision to compare with).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ROUNDS = 5

FIRST_CHECK = textwrap.dedent("""
    import json, sys, time
    start = time.perf_counter()
    from wijkwijs.exercises import check
    check(sys.argv[1], 0)
    print(json.dumps(time.perf_counter() - start))
""")

PARADOX = textwrap.dedent("""
    import json, statistics
    from wijkwijs.explorers.paradox import paradox_explorer
    ex = paradox_explorer()
    def moves(name, values):
        out = []
        for value in values:
            ex.set(**{name: value})
            out.append(ex.last_update_seconds)
        return statistics.median(out)
    year = moves("year", [i % 31 for i in range(1, 31)])
    policy = moves("protected_share", [round(0.05 * i, 2) for i in range(1, 9)])
    print(json.dumps([year, policy]))
""")

SUMMARY = textwrap.dedent("""
    import json, time, warnings
    import numpy as np, pandas as pd
    from segregation import singlegroup as sg
    from wijkwijs import segregation as seg
    rng = np.random.default_rng(20240611)
    n = 14_000
    households = rng.integers(50, 5_000, size=n)
    district = rng.beta(2, 6, size=n // 20 + 1)
    share = np.clip(district[np.arange(n) // 20] + rng.normal(0, 0.05, n), 0, 1)
    frame = pd.DataFrame({"unit": np.arange(n), "low_income": rng.binomial(households, share),
                          "households": households})
    classes = (sg.Dissim, sg.Isolation, sg.Interaction, sg.CorrelationR, sg.Entropy, sg.Gini,
               sg.Atkinson)
    def pysal():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return [cls(frame, "low_income", "households").statistic for cls in classes]
    def ours():
        return seg.summary(frame, "low_income", "households", unit_col="unit")
    pysal(); ours()
    def best(fn):
        times = []
        for _ in range(5):
            start = time.perf_counter(); fn(); times.append(time.perf_counter() - start)
        return min(times)
    print(json.dumps(best(pysal) / best(ours)))
""")

#: one exercise per chapter that exists in every revision since the chapters were written
EXERCISES = {"0": "0.1-mean-income", "1": "1.2-gini-five", "2": "2.1-toy-d",
             "3": "3.1-low-point-year", "5": "5.1-schelling-threshold"}


def unpack(rev: str, into: Path) -> Path:
    archive = subprocess.run(["git", "archive", "--format=tar", rev, "helpers", "datasets"],
                             cwd=REPO, check=True, capture_output=True).stdout
    tar_path = into / "tree.tar"
    tar_path.write_bytes(archive)
    with tarfile.open(tar_path) as tar:
        tar.extractall(into / "tree", filter="data")
    return into / "tree"


def run(tree: Path, code: str, *args: str) -> object:
    env = {**os.environ, "PYTHONPATH": str(tree / "helpers"),
           "WIJKWIJS_DATASETS": str(tree / "datasets"), "MPLBACKEND": "Agg"}
    result = subprocess.run([sys.executable, "-c", code, *args], env=env, cwd=tree,
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"in {tree}: {result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    rev = argv[0]
    with tempfile.TemporaryDirectory() as tmp:
        before = unpack(rev, Path(tmp))
        trees = {"before": before, "after": REPO}
        rows: dict[str, dict[str, list[float]]] = {}

        def add(label: str, which: str, value: float) -> None:
            rows.setdefault(label, {"before": [], "after": []})[which].append(value)

        for _ in range(ROUNDS):
            for which, tree in trees.items():
                for chapter, exercise in EXERCISES.items():
                    add(f"first check(), chapter {chapter} (ms)", which,
                        1000 * run(tree, FIRST_CHECK, exercise))
        for _ in range(2):
            for which, tree in trees.items():
                year, policy = run(tree, PARADOX)
                add("ch3 paradox explorer, year slider (median ms)", which, 1000 * year)
                add("ch3 paradox explorer, new policy (median ms)", which, 1000 * policy)
                add("segregation.summary, PySAL time / ours", which, run(tree, SUMMARY))
    print(f"revision {rev} (before) against the working tree (after); medians over runs")
    print(f"{'measure':<48}{'before':>10}{'after':>10}")
    for label, values in rows.items():
        print(f"{label:<48}{statistics.median(values['before']):>10.1f}"
              f"{statistics.median(values['after']):>10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
