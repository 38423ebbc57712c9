r"""The policy lab's model runs, made ahead of time: housing policies and restructurings.

The policy lab (``wijkwijs app policy-lab``) lets a civil servant move chapter 3's four
housing levers. One run of :class:`~wijkwijs.models.paradox.ParadoxModel` over 30 years
takes about a quarter of a second, too slow for an app that should answer a change in a
tenth of one. So the lab's sliders move over a grid, :data:`LAB_STEPS`, and every policy
on it was run once, with the chapter's own settings (seed 0, the whole city, 30 years),
by ``tools/make_lab_runs.py``. The runs ship in ``datasets/models/paradox_lab_runs.npz``;
:func:`lab_scenario` looks one up. Nothing is approximated between grid points: a policy
off the grid is refused.

What is kept per run and year is what the lab shows: the dissimilarity index of low- and
high-income households over the city zones and over the region (``dissimilarity_city``,
``dissimilarity_metro``), the low-income share of the city and of the suburbs (stored as
32-bit floats: the same numbers as a live run to about seven digits), and each zone's
low-income share (for the map's colours, stored in steps of 1/255).
``tests/test_examples_paradox_lab.py`` runs several grid policies live and compares: a
change to the model that is not followed by a new file fails there.

The grid has 11 × 11 × 7 × 7 = 5,929 policies:

* protected social share and rent regulation: 0, 0.1, …, 1;
* new social homes and social homes sold per year: 0, 20, …, 120.

The lab's restructuring explorer (chapter 4's) likewise looks up its runs:
:func:`lab_restructuring` gives the :class:`~wijkwijs.models.paradox.RestructuringRun` of
each of the 16 city zones and each number of homes of
:data:`~wijkwijs.models.paradox.RESTRUCTURING_HOMES` (chapter 4's run:
:data:`~wijkwijs.models.paradox.RESTRUCTURING_RUN`, seed 0), stored in
``datasets/models/restructuring_lab_runs.npz`` with every number a run's figure and
summary use at full precision (the lines of D with and without, each zone's low-income
share, every displaced household's income, destination and tenure).

Examples
--------
>>> history, zones = lab_scenario({"social_sales_per_year": 0})
>>> history.columns.tolist()
['year', 'dissimilarity_city', 'dissimilarity_metro', 'low_share_city', 'low_share_suburbs']
>>> len(history), int(zones.year.max()), zones.zone.nunique()
(31, 30, 20)
>>> lab_scenario({"social_sales_per_year": 50})
Traceback (most recent call last):
...
ValueError: social_sales_per_year = 50 is not on the policy lab's grid; its values are 0, ...
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from wijkwijs._validate import check_choice
from wijkwijs.examples.paradox import LEVERS, YEARS, full_policy
from wijkwijs.models.paradox import (
    RESTRUCTURING_HOMES,
    RESTRUCTURING_RUN,
    ParadoxModel,
    RestructuringRun,
    city_zone_names,
    make_zones,
    moves_table,
    run_restructuring,
)
from wijkwijs.paths import datasets_dir

__all__ = ["HISTORY_COLUMNS", "LAB_SEED", "LAB_STEPS", "compute_lab_run",
           "compute_restructuring_runs", "lab_policies", "lab_restructuring", "lab_runs_path",
           "lab_scenario", "load_lab_runs", "load_restructuring_runs",
           "restructuring_runs_path", "save_lab_runs", "save_restructuring_runs",
           "snap_policy"]

#: The values each lever takes in the policy lab (every default of chapter 3 is one).
LAB_STEPS: dict[str, tuple[float, ...]] = {
    "protected_share": tuple(round(0.1 * k, 10) for k in range(11)),
    "rent_regulation": tuple(round(0.1 * k, 10) for k in range(11)),
    "new_social_per_year": tuple(range(0, 121, 20)),
    "social_sales_per_year": tuple(range(0, 121, 20)),
}
#: The seed of every run (the chapter's explorer uses the same).
LAB_SEED = 0
#: The yearly numbers kept per run, in the stored order.
HISTORY_COLUMNS: tuple[str, ...] = ("dissimilarity_city", "dissimilarity_metro",
                                    "low_share_city", "low_share_suburbs")
_SHARE_STEPS = 255  # a zone's low-income share is stored as round(share * 255)
_TOLERANCE = 1e-9  # a slider value this close to a grid value is that value


def lab_runs_path() -> Path:
    """The shipped file of the lab's runs (``datasets/models/paradox_lab_runs.npz``)."""
    return datasets_dir() / "models" / "paradox_lab_runs.npz"


def snap_policy(policy: dict[str, float] | None = None) -> tuple[int, ...]:
    """The grid position of a policy: one index into :data:`LAB_STEPS` per lever.

    Levers not given keep chapter 3's :data:`~wijkwijs.examples.paradox.DEFAULT_POLICY`.
    A value must be a grid value (a float slider's ``0.30000000000000004`` counts as 0.3).

    >>> snap_policy()
    (3, 3, 0, 3)
    >>> snap_policy({"protected_share": 0.1 * 3, "new_social_per_year": 120})
    (3, 3, 6, 3)
    >>> snap_policy({"rent_control": 1})
    Traceback (most recent call last):
    ...
    ValueError: policy has unknown lever(s) ['rent_control']; the levers are [...]
    """
    full = full_policy(policy)
    position = []
    for lever in LEVERS:
        steps = np.asarray(LAB_STEPS[lever], dtype=float)
        value = full[lever]
        try:
            hit = np.flatnonzero(np.abs(steps - float(value)) <= _TOLERANCE)
        except (TypeError, ValueError):
            hit = np.zeros(0, int)
        if hit.size != 1:
            shown = ", ".join(f"{v:g}" for v in LAB_STEPS[lever])
            raise ValueError(f"{lever} = {value!r} is not on the policy lab's grid; its "
                             f"values are {shown}.")
        position.append(int(hit[0]))
    return tuple(position)


def lab_policies() -> Iterator[dict[str, float]]:
    """Every policy of the grid, the last lever changing fastest.

    >>> policies = list(lab_policies())
    >>> len(policies), list(policies[1].values())
    (5929, [0.0, 0.0, 0, 20])
    """
    for values in itertools.product(*(LAB_STEPS[lever] for lever in LEVERS)):
        yield dict(zip(LEVERS, values, strict=True))


def compute_lab_run(policy: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
    """Run one grid policy live: ``(history, zone_low_share)`` as stored.

    ``history`` has a row per year (0–30) and a column per :data:`HISTORY_COLUMNS`
    (float64, not yet rounded to the stored 32 bits); ``zone_low_share`` a row per year
    and a column per zone.

    >>> history, zones = compute_lab_run(full_policy())
    >>> history.shape, zones.shape
    ((31, 4), (31, 20))
    """
    snapped = dict(zip(LEVERS, (LAB_STEPS[lever][i] for lever, i in
                                zip(LEVERS, snap_policy(policy), strict=True)), strict=True))
    model = ParadoxModel(seed=LAB_SEED, **snapped)
    model.run(YEARS)
    history = model.history
    zones = model.zone_history
    n_zones = len(model.zones)
    low = zones.sort_values(["year", "zone"]).low_share.to_numpy().reshape(-1, n_zones)
    return history[list(HISTORY_COLUMNS)].to_numpy(float), low


def save_lab_runs(path: Path, runs: list[tuple[np.ndarray, np.ndarray]]) -> None:
    """Write the runs of :func:`lab_policies` (in that order) to ``path`` (``.npz``)."""
    shape = tuple(len(LAB_STEPS[lever]) for lever in LEVERS)
    if len(runs) != int(np.prod(shape)):
        raise ValueError(f"expected {int(np.prod(shape))} runs (one per grid policy); "
                         f"got {len(runs)}.")
    history = np.stack([h for h, _ in runs]).astype(np.float32)
    zones = np.stack([z for _, z in runs])
    if np.nanmin(zones) < 0 or np.nanmax(zones) > 1:
        raise ValueError("a zone's low-income share lies outside 0–1; the model is broken.")
    steps = np.round(zones * _SHARE_STEPS).astype(np.uint8)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path, history=history.reshape(*shape, *history.shape[1:]),
        zone_low_share=steps.reshape(*shape, *steps.shape[1:]),
        **{f"steps_{lever}": np.asarray(LAB_STEPS[lever], float) for lever in LEVERS},
        columns=np.asarray(HISTORY_COLUMNS), seed=np.asarray(LAB_SEED),
        years=np.asarray(YEARS))


@lru_cache(maxsize=1)
def load_lab_runs(path: Path | None = None) -> dict[str, np.ndarray]:
    """The stored runs, checked against this version's grid (read once, then cached).

    >>> runs = load_lab_runs()
    >>> runs["history"].shape, runs["zone_low_share"].dtype
    ((11, 11, 7, 7, 31, 4), dtype('uint8'))
    """
    path = lab_runs_path() if path is None else Path(path)
    if not path.exists():
        raise FileNotFoundError(f"the policy lab's runs are missing: {path}. Reinstall "
                                "wijkwijs, or make them with `python tools/make_lab_runs.py`.")
    with np.load(path) as data:
        runs = {key: data[key] for key in data.files}
    remake = "make them again with `python tools/make_lab_runs.py`"
    for lever in LEVERS:
        stored = runs.get(f"steps_{lever}")
        if stored is None or not np.array_equal(stored, np.asarray(LAB_STEPS[lever], float)):
            raise ValueError(f"{path}: the runs were made for another grid of {lever} "
                             f"({None if stored is None else stored.tolist()}, expected "
                             f"{list(LAB_STEPS[lever])}); {remake}.")
    expected = (*(len(LAB_STEPS[lever]) for lever in LEVERS), YEARS + 1)
    if (tuple(runs["columns"].tolist()) != HISTORY_COLUMNS
            or runs["history"].shape != (*expected, len(HISTORY_COLUMNS))
            or runs["zone_low_share"].shape != (*expected, len(make_zones()))
            or int(runs["seed"]) != LAB_SEED):
        raise ValueError(f"{path}: the stored arrays do not have the expected columns "
                         f"{list(HISTORY_COLUMNS)}, shape {expected} or seed {LAB_SEED}; "
                         f"{remake}.")
    return runs


def lab_scenario(policy: dict[str, float] | None = None
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The stored run of a grid policy: ``(history, zone_history)``, as the lab shows it.

    ``history`` has the columns ``year`` and :data:`HISTORY_COLUMNS`; ``zone_history``
    the columns ``year``, ``zone``, ``ring`` and ``low_share`` (the same as those of
    :func:`wijkwijs.examples.paradox.run_scenario`, which has more columns).
    """
    position = snap_policy(policy)
    runs = load_lab_runs()
    values = runs["history"][position].astype(float)
    years = np.arange(values.shape[0])
    history = pd.DataFrame({"year": years, **{c: values[:, k] for k, c in
                                               enumerate(HISTORY_COLUMNS)}})
    shares = runs["zone_low_share"][position].astype(float) / _SHARE_STEPS
    zones = make_zones()
    n_zones = len(zones)
    zone_history = pd.DataFrame({
        "year": np.repeat(years, n_zones), "zone": np.tile(np.arange(n_zones), years.size),
        "ring": np.tile(zones.ring.to_numpy(), years.size), "low_share": shares.ravel()})
    return history, zone_history


# -- restructuring (chapter 4) ------------------------------------------------------------
_D_COLUMNS = ("dissimilarity_city", "dissimilarity_metro")


def restructuring_runs_path() -> Path:
    """The shipped file of the lab's restructurings
    (``datasets/models/restructuring_lab_runs.npz``)."""
    return datasets_dir() / "models" / "restructuring_lab_runs.npz"


def _zone_low(frame: pd.DataFrame) -> np.ndarray:
    """A zone history's low-income shares: a row per year, a column per zone."""
    ordered = frame.sort_values(["year", "zone"])
    return ordered.low_share.to_numpy(float).reshape(ordered.year.nunique(), -1)


def compute_restructuring_runs() -> dict[str, np.ndarray]:
    """Run every zone and number of homes live; return the arrays that are stored.

    About ten seconds (240 runs that share the years before the demolition); the arrays
    are described in ``datasets/models/README.md``.
    """
    zones, homes = city_zone_names(), RESTRUCTURING_HOMES
    first = run_restructuring(zones[0], homes[0], seed=LAB_SEED, **RESTRUCTURING_RUN)
    model = ParadoxModel(seed=LAB_SEED, scale=RESTRUCTURING_RUN["scale"])
    out: dict[str, list] = {"d": [], "zone_low": [], "demolished": [], "count": [],
                            "income": [], "to_zone": [], "to_tenure": []}
    for zone in zones:
        for n in homes:
            run = run_restructuring(zone, n, seed=LAB_SEED, **RESTRUCTURING_RUN)
            out["d"].append(run.history[list(_D_COLUMNS)].to_numpy(float))
            out["zone_low"].append(_zone_low(run.zone_history))
            out["demolished"].append(run.homes)
            out["count"].append(len(run.moves))
            out["income"].append(run.moves.income.to_numpy(float))
            out["to_zone"].append(run.moves.to_zone.to_numpy(np.int8))
            out["to_tenure"].append(run.moves.to_tenure.cat.codes.to_numpy(np.int8))
    shape = (len(zones), len(homes))
    return {
        "d": np.stack(out["d"]).reshape(*shape, -1, len(_D_COLUMNS)),
        "zone_low": np.stack(out["zone_low"]).reshape(*shape, *out["zone_low"][0].shape),
        "demolished": np.asarray(out["demolished"]).reshape(shape),
        "count": np.asarray(out["count"]).reshape(shape),
        "income": np.concatenate(out["income"]), "to_zone": np.concatenate(out["to_zone"]),
        "to_tenure": np.concatenate(out["to_tenure"]),
        "baseline_d": first.baseline[list(_D_COLUMNS)].to_numpy(float),
        "baseline_zone_low": _zone_low(first.baseline_zones),
        "years": first.history.year.to_numpy(), "zones": np.asarray(zones),
        "homes": np.asarray(homes), "cuts": np.asarray([model.low_cut, model.high_cut]),
        "run": np.asarray([RESTRUCTURING_RUN[k] for k in ("scale", "years", "year")], float),
        "seed": np.asarray(LAB_SEED),
    }


@lru_cache(maxsize=1)
def load_restructuring_runs(path: Path | None = None) -> dict[str, np.ndarray]:
    """The stored restructurings, checked against this version's zones, homes and run.

    >>> runs = load_restructuring_runs()
    >>> runs["d"].shape, int(runs["count"].sum()) == runs["income"].size
    ((16, 15, 13, 2), True)
    """
    path = restructuring_runs_path() if path is None else Path(path)
    if not path.exists():
        raise FileNotFoundError(f"the policy lab's restructurings are missing: {path}. "
                                "Reinstall wijkwijs, or make them with "
                                "`python tools/make_lab_runs.py --only restructuring`.")
    with np.load(path) as data:
        runs = {key: data[key] for key in data.files}
    expected = {"zones": city_zone_names(), "homes": list(RESTRUCTURING_HOMES),
                "run": [float(RESTRUCTURING_RUN[k]) for k in ("scale", "years", "year")],
                "seed": LAB_SEED}
    for key, value in expected.items():
        stored = runs.get(key)
        if stored is None or stored.tolist() != value:
            raise ValueError(f"{path}: the restructurings were made for another {key} "
                             f"({None if stored is None else stored.tolist()}, expected "
                             f"{value}); make them again with "
                             "`python tools/make_lab_runs.py --only restructuring`.")
    return runs


def save_restructuring_runs(path: Path, runs: dict[str, np.ndarray]) -> None:
    """Write :func:`compute_restructuring_runs`'s arrays to ``path`` (``.npz``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **runs)


def lab_restructuring(zone: str, homes: int) -> RestructuringRun:
    """The stored run of demolishing ``homes`` social homes in city ``zone``.

    The same :class:`~wijkwijs.models.paradox.RestructuringRun` as
    ``run_restructuring(zone, homes, seed=0, **RESTRUCTURING_RUN)``, except that its
    yearly tables hold only the columns the figure and :meth:`summary` use: ``year`` and
    the two D columns in ``history`` and ``baseline``; ``year``, ``zone``, ``ring`` and
    ``low_share`` in ``zone_history`` and ``baseline_zones``.

    >>> run = lab_restructuring("inner-2", 60)
    >>> run.homes, run.summary()["displaced"] == len(run.moves)
    (60, True)
    >>> lab_restructuring("inner-2", 65)
    Traceback (most recent call last):
    ...
    ValueError: homes 65 is unknown; choose one of 0, 10, ...
    """
    runs = load_restructuring_runs()
    zones, homes_list = runs["zones"].tolist(), runs["homes"].tolist()
    check_choice(zone, zones, "zone")
    check_choice(homes, homes_list, "homes")
    i, k = zones.index(zone), homes_list.index(int(homes))
    flat = i * len(homes_list) + k
    start = int(runs["count"].ravel()[:flat].sum())
    stop = start + int(runs["count"].ravel()[flat])
    years = runs["years"]
    year = int(runs["run"][2])
    low_cut, high_cut = runs["cuts"].tolist()
    moves = moves_table(np.full(stop - start, year), runs["income"][start:stop],
                        runs["to_zone"][start:stop], runs["to_tenure"][start:stop],
                        from_zone=i, low_cut=low_cut, high_cut=high_cut)
    return RestructuringRun(zone, int(runs["demolished"][i, k]), year,
                            _d_frame(years, runs["baseline_d"]),
                            _d_frame(years, runs["d"][i, k]),
                            _zone_frame(years, runs["zone_low"][i, k]), moves,
                            _zone_frame(years, runs["baseline_zone_low"]))


def _d_frame(years: np.ndarray, d: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({"year": years, **{c: d[:, j] for j, c in enumerate(_D_COLUMNS)}})


def _zone_frame(years: np.ndarray, low: np.ndarray) -> pd.DataFrame:
    rings = make_zones().ring.to_numpy()
    n_zones = low.shape[1]
    return pd.DataFrame({"year": np.repeat(years, n_zones),
                         "zone": np.tile(np.arange(n_zones), years.size),
                         "ring": np.tile(rings, years.size), "low_share": low.ravel()})
