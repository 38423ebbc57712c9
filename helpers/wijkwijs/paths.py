"""Where wijkwijs finds its data files and chapter notebooks.

The lookup is documented here once and used everywhere:

1. the environment variable ``WIJKWIJS_DATASETS`` (``WIJKWIJS_CHAPTERS``,
   ``WIJKWIJS_TRANSLATIONS``), if set;
2. a copy inside the installed package (``wijkwijs/_datasets``, ``wijkwijs/_chapters``,
   ``wijkwijs/_translations``), which is what a plain ``pip install .`` produces;
3. the ``datasets/``, ``chapters/`` and ``translations/`` folders of the source checkout,
   which is what an editable install (``pip install -e .``) uses.

>>> (datasets_dir() / "published").is_dir()
True
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _find(env_var: str, packaged: str, checkout: str, marker: str) -> Path:
    candidates: list[Path] = []
    if os.environ.get(env_var):
        candidates.append(Path(os.environ[env_var]))
    candidates.append(_PACKAGE_DIR / packaged)
    candidates.append(_PACKAGE_DIR.parent.parent / checkout)
    for candidate in candidates:
        if (candidate / marker).exists():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(
        f"wijkwijs could not find its {checkout}/ folder (looked for {marker!r} in: {tried}). "
        f"Reinstall wijkwijs, or set {env_var} to the folder."
    )


def datasets_dir() -> Path:
    """Return the folder holding the course's data files (``datasets/``)."""
    return _find("WIJKWIJS_DATASETS", "_datasets", "datasets", "published")


def chapters_dir() -> Path:
    """Return the folder holding the chapter notebooks (``chapters/``)."""
    return _find("WIJKWIJS_CHAPTERS", "_chapters", "chapters", "00_welcome.ipynb")


def translations_dir() -> Path:
    """Return the folder holding the gettext catalogues (``translations/``, one folder
    per language)."""
    return _find("WIJKWIJS_TRANSLATIONS", "_translations", "translations", "nl")
