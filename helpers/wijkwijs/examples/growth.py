"""The growth model's runs shared by chapter 6's explorer, figures and exercises.

:func:`growth_run` is one run of :func:`wijkwijs.models.growth.simulate_growth` on the
explorer's neighbourhood (:data:`GROWTH_HOUSEHOLDS`, seed :data:`GROWTH_SEED`), with the
explorer's controls as plain arguments (0 meaning "none") and cached, so the notebook, the
explorer and the exercise bank show the same runs.

>>> run = growth_run(years=10)
>>> len(run), int(run["residents"].iloc[0]) == sum(GROWTH_HOUSEHOLDS)
(11, True)
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from wijkwijs.models.growth import simulate_growth

__all__ = ["GROWTH_HOUSEHOLDS", "GROWTH_SEED", "growth_run"]

#: Households per group of the growth explorer's neighbourhood, and its seed.
GROWTH_HOUSEHOLDS: tuple[int, int] = (100, 100)
GROWTH_SEED = 6


@lru_cache(maxsize=512)
def growth_run(years: int = 25, encounter_rate: float = 1.0, homophily: float = 0.5,
               initial_share: float = 0.0, demolition_year: int = 0, share_moved: float = 0.3,
               closure_year: int = 0, reopen_after: int = 0) -> pd.DataFrame:
    """One run of the growth explorer (cached; do not change the table it returns).

    ``demolition_year`` and ``closure_year`` 0 mean "none"; a demolition or closure after
    the last year is ignored. ``reopen_after`` years after a closure the centre reopens
    (0: never).

    >>> run = growth_run(years=10)
    >>> len(run), int(run["residents"].iloc[0]) == sum(GROWTH_HOUSEHOLDS)
    (11, True)
    """
    demolition = demolition_year if 0 < demolition_year <= years else None
    closure = closure_year if 0 < closure_year <= years else None
    reopening = closure + reopen_after if closure is not None and reopen_after > 0 else None
    return simulate_growth(GROWTH_HOUSEHOLDS, years, encounter_rate=encounter_rate,
                           homophily=homophily, initial_share=initial_share,
                           demolition_year=demolition, share_moved=share_moved,
                           closure_year=closure, reopening_year=reopening, seed=GROWTH_SEED)
