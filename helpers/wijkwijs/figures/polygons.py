"""Drawing polygons coloured by a value: the one polygon painter of the figures.

Used for the Havenstad maps drawn with matplotlib (chapter 2) and for the schematic
model city of the segregation paradox (chapter 3). Values are coloured with the
colour-blind-safe sequential map of :mod:`wijkwijs.style` on a fixed normalisation,
so that maps of different years can be compared.

>>> import numpy as np
>>> from matplotlib.colors import Normalize
>>> from matplotlib.figure import Figure
>>> from shapely.geometry import box
>>> ax = Figure().subplots()
>>> geoms = [box(0, 0, 1, 1), box(1, 0, 2, 1)]
>>> coll = draw_polygons(ax, exterior_rings(geoms), np.array([0.2, 0.8]), Normalize(0, 1))
>>> len(coll.get_paths())
2
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.collections import PolyCollection

from wijkwijs.style import SEQUENTIAL_CMAP


def exterior_rings(geometries) -> list[np.ndarray]:
    """Exterior rings of (multi)polygons as arrays, one per polygon part."""
    rings = []
    for geom in geometries:
        parts = getattr(geom, "geoms", [geom])
        rings.extend(np.asarray(part.exterior.coords) for part in parts)
    return rings


def part_owners(geometries) -> np.ndarray:
    """For every polygon part (in :func:`exterior_rings` order), the position of its unit."""
    return np.repeat(np.arange(len(geometries)),
                     [len(getattr(g, "geoms", [g])) for g in geometries])


def draw_polygons(ax, rings: Sequence[np.ndarray], values: np.ndarray, norm, *,
                  parts: np.ndarray | None = None, linewidth: float = 0.6,
                  cmap: str = SEQUENTIAL_CMAP) -> PolyCollection:
    """Add ``rings`` to ``ax``, filled by ``values`` through ``norm`` and ``cmap``.

    ``parts`` maps each ring to its value (for multipolygons); without it there is one
    value per ring. Edges are white. The collection is returned, so a colour bar can be
    drawn from it (``fig.colorbar(collection, ax=ax)``).
    """
    values = np.asarray(values, dtype=float)
    collection = PolyCollection([np.asarray(r) for r in rings], cmap=cmap, norm=norm,
                                edgecolors="white", linewidths=linewidth)
    collection.set_array(values if parts is None else values[parts])
    ax.add_collection(collection)
    return collection
