r"""The policy lab's housing scenarios, run ahead of time (chapter 3's model, seed 0).

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

from wijkwijs.examples.paradox import DEFAULT_POLICY, LEVERS, YEARS
from wijkwijs.models.paradox import ParadoxModel, make_zones
from wijkwijs.paths import datasets_dir

__all__ = ["HISTORY_COLUMNS", "LAB_SEED", "LAB_STEPS", "compute_lab_run", "lab_policies",
           "lab_runs_path", "lab_scenario", "load_lab_runs", "save_lab_runs", "snap_policy"]

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
    policy = dict(policy or {})
    unknown = set(policy) - set(LEVERS)
    if unknown:
        raise ValueError(f"policy has unknown lever(s) {sorted(unknown)}; "
                         f"the levers are {list(LEVERS)}")
    full = {**DEFAULT_POLICY, **policy}
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

    >>> history, zones = compute_lab_run(dict(DEFAULT_POLICY))
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
