"""Exercises of chapter 7, street smart: one submodule per notebook.

Importing this package defines every chapter-7 exercise and reflection:
:mod:`.statistics` (7.1, what the statistics see), :mod:`.funding` (7.2, funding and
continuity), :mod:`.worlds` (7.3, system world and life world) and :mod:`.fieldwork`
(7.4, the fieldwork toolkit).
"""

from __future__ import annotations

import importlib
import pkgutil

for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    importlib.import_module(f"{__name__}.{_module}")
