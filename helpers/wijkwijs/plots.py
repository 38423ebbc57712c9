"""Shared figure conventions: colour-blind-safe palettes and labelled axes.

Every figure in the course has a title and labelled axes, and uses either the
Okabe–Ito palette (Okabe & Ito 2008, *Color Universal Design*) for categories or
the perceptually uniform, colour-blind-safe ``cividis`` map for ordered values.

>>> fig, ax = new_figure("Title", "x", "y")
>>> ax.get_title(), ax.get_xlabel(), ax.get_ylabel()
('Title', 'x', 'y')
>>> import matplotlib.pyplot as plt; plt.close(fig)
"""

from __future__ import annotations

import matplotlib.pyplot as plt

#: Okabe–Ito colours, safe for the common forms of colour blindness.
OKABE_ITO: dict[str, str] = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}
#: The order in which categorical series take colours (yellow last: low contrast on white).
CATEGORICAL: list[str] = [
    OKABE_ITO[k] for k in
    ("blue", "orange", "bluish_green", "vermillion", "reddish_purple", "sky_blue", "black",
     "yellow")
]
#: Sequential colour map for ordered values (colour-blind safe).
SEQUENTIAL_CMAP = "cividis"
#: Diverging colour map for values around a midpoint (colour-blind safe).
DIVERGING_CMAP = "PuOr"


def new_figure(title: str, xlabel: str, ylabel: str, *, figsize: tuple[float, float] = (6.4, 4.0),
               ax=None):
    """Create (or label) a figure with its title and axis labels set.

    Returns ``(fig, ax)``. Pass ``ax`` to label an existing axis instead.
    """
    if ax is None:
        fig, ax = plt.subplots(figsize=figsize, layout="constrained")
    else:
        fig = ax.figure
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_prop_cycle(color=CATEGORICAL)
    return fig, ax


def label_axes(ax, title: str, xlabel: str, ylabel: str) -> None:
    """Set the title and both axis labels of ``ax`` in one call."""
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
