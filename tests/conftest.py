"""Test set-up shared by every test module: the tests folder on ``sys.path`` and the
Hypothesis profiles.

Hypothesis profiles
-------------------
``HYPOTHESIS_PROFILE=<name>`` chooses a profile; without it, ``ci`` is loaded when the
``CI`` variable is set and Hypothesis' own defaults otherwise (random examples, the
local example database in ``.hypothesis/``).

* ``ci`` — the same examples on every run (derandomised, no example database), so a
  red build can always be reproduced. CI runs every test this way, the properties
  included, at their usual number of examples.
* ``explore`` — 5,000 examples per property, drawn at random on every run (not
  derandomised), to find the rare input a derandomised run never draws: a rounding
  error that shows for one input in ten thousand, say. What it finds is kept in the
  local example database and tried first on the next run; add it to the test with
  ``@example(...)`` so that CI checks it too. The Hypothesis properties of the
  measures are marked ``slow``; explore them with::

      HYPOTHESIS_PROFILE=explore python -m pytest -m slow -p no:xdist \\
          tests/test_inequality.py tests/test_segregation.py

  (about 25 minutes on two shared cores). A property that fixes ``max_examples`` takes
  the larger of its own count and the profile's, so ``explore`` reaches all of them.
"""

import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).resolve().parent))

settings.register_profile("ci", derandomize=True, deadline=None, database=None)
settings.register_profile("explore", max_examples=5_000, derandomize=False, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])
elif os.environ.get("CI"):
    settings.load_profile("ci")
