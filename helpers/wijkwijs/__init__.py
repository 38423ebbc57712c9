"""wijkwijs: a Jupyter course on urban inequality, segregation, homophily and
social infrastructure.

The submodules are imported lazily, so that ``import wijkwijs`` stays fast and a
notebook pays only for what it uses:

>>> import wijkwijs
>>> wijkwijs.__version__ == wijkwijs.version()
True
>>> round(wijkwijs.inequality.gini([1, 2, 3, 4]), 4)
0.25
"""

from __future__ import annotations

import importlib
from importlib import metadata

__all__ = [
    "examples",
    "exercises",
    "explorers",
    "figures",
    "havenstad",
    "i18n",
    "inequality",
    "infrastructure",
    "maps",
    "models",
    "networks",
    "opendata",
    "paths",
    "published",
    "segregation",
    "style",
    "version",
    "widgets",
]

try:
    __version__ = metadata.version("wijkwijs")
except metadata.PackageNotFoundError:  # running from a checkout without installing
    __version__ = "0.1.0"


def version() -> str:
    """Return the installed version of wijkwijs, e.g. ``'0.1.0'``."""
    return __version__


def __getattr__(name: str):
    if name in __all__ and name != "version":
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'wijkwijs' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
