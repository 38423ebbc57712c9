"""Agent-based and simulation models of the course, separate from widgets and plots.

* :mod:`wijkwijs.models.schelling` — Schelling's segregation model on a grid.
* :mod:`wijkwijs.models.paradox` — the segregation paradox: gentrification,
  displacement and suburbanisation of poverty in a city of neighbourhoods.
* :mod:`wijkwijs.models.ties` — tie formation in a mixed neighbourhood, and
  homophily measures for any networkx graph.
* :mod:`wijkwijs.models.growth` — how a community centre's participants and
  cross-group ties grow with time, and what a demolition or a closure undoes
  (illustrative).
* :mod:`wijkwijs.models.continuity` — trust, referrals and residents' initiatives
  under structural or project funding (illustrative).

Every model takes plain parameters and a ``seed`` and is deterministic. The
submodules are imported lazily:

>>> from wijkwijs import models
>>> models.schelling.SchellingModel(10, 10, seed=1).grid.shape
(10, 10)
"""

from __future__ import annotations

import importlib

__all__ = ["continuity", "growth", "paradox", "schelling", "ties"]


def __getattr__(name: str):
    if name in __all__:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'wijkwijs.models' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
