import os
import sys
from pathlib import Path

from hypothesis import settings

sys.path.insert(0, str(Path(__file__).resolve().parent))

# On CI (CI=true) Hypothesis draws the same examples on every run, so a red build can
# always be reproduced; locally it keeps exploring new examples.
settings.register_profile("ci", derandomize=True, deadline=None, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")
