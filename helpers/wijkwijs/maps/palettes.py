"""Colours of the maps: colour-blind-safe sequential classes, Okabe–Ito categories.

Ordered values take colours sampled from matplotlib's ``cividis`` (the course
default) or ``viridis``; categories take the Okabe–Ito colours of
:data:`wijkwijs.style.CATEGORICAL`; units without a value are
:data:`wijkwijs.style.NO_DATA_COLOUR`. The palettes themselves live in
:mod:`wijkwijs.style` and are re-exported here.

>>> sequential_palette(3)
['#00224E', '#7D7C78', '#FEE838']
>>> resolve_palette(["#000000", "#FFFFFF"], 2)
['#000000', '#FFFFFF']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from wijkwijs import _validate
from wijkwijs.style import CATEGORICAL, NO_DATA_COLOUR, SEQUENTIAL_CMAP

__all__ = ["CATEGORICAL", "NO_DATA_COLOUR", "SEQUENTIAL_CMAP", "SEQUENTIAL_CMAPS",
           "is_hex_colour", "resolve_palette", "sequential_palette"]

#: The colour-blind-safe sequential matplotlib maps a choropleth may sample.
SEQUENTIAL_CMAPS: tuple[str, ...] = ("cividis", "viridis")
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def is_hex_colour(value: Any) -> bool:
    """Whether ``value`` is a colour written ``'#RRGGBB'``.

    >>> is_hex_colour("#0072B2"), is_hex_colour("red"), is_hex_colour(None)
    (True, False, False)
    """
    return isinstance(value, str) and _HEX.match(value) is not None


def sequential_palette(k: int, cmap: str = SEQUENTIAL_CMAP) -> list[str]:
    """``k`` hex colours sampled evenly from a colour-blind-safe matplotlib map.

    ``cmap`` is ``"cividis"`` (the course default) or ``"viridis"``; colours run
    from dark (low values) to light (high values).

    >>> colours = sequential_palette(5)
    >>> len(colours), colours[0], colours[-1]
    (5, '#00224E', '#FEE838')
    """
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    _validate.check_choice(cmap, SEQUENTIAL_CMAPS, "colour-blind-safe sequential palette")
    if int(k) < 1:
        raise ValueError(f"k must be at least 1; got {k}.")
    positions = np.linspace(0.0, 1.0, int(k)) if k > 1 else np.array([0.5])
    return [to_hex(colormaps[cmap](p)).upper() for p in positions]


def resolve_palette(palette: str | Sequence[str], k: int) -> list[str]:
    """The ``k`` class colours named by ``palette``: a map name or a list of hex colours.

    A name is sampled with :func:`sequential_palette`; a list must hold exactly
    ``k`` colours written ``'#RRGGBB'``.

    >>> resolve_palette("viridis", 2)
    ['#440154', '#FDE725']
    >>> resolve_palette(["#000000", "red"], 2)
    Traceback (most recent call last):
    ...
    ValueError: palette colour at position 1 is 'red'; expected '#RRGGBB'.
    """
    if isinstance(palette, str):
        return sequential_palette(k, palette)
    colours = list(palette)
    if len(colours) != k:
        raise ValueError(f"palette has {len(colours)} colours but there are {k} classes.")
    for i, colour in enumerate(colours):
        if not is_hex_colour(colour):
            raise ValueError(f"palette colour at position {i} is {colour!r}; expected '#RRGGBB'.")
    return colours
