"""The course's colours: colour-blind-safe palettes, without importing matplotlib.

Every figure and map of the course uses either the Okabe–Ito palette (Okabe & Ito
2008, *Color Universal Design*) for categories or the perceptually uniform,
colour-blind-safe ``cividis`` map (Nuñez, Anderton & Renslow 2018, *PLoS ONE* 13(7))
for ordered values. Figures (:mod:`wijkwijs.figures`) and maps
(:mod:`wijkwijs.maps`) both read them from here.

>>> CATEGORICAL[0] == OKABE_ITO["blue"]
True
>>> SEQUENTIAL_CMAP
'cividis'
"""

from __future__ import annotations

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
#: Grey for "no data" in maps and for vacant cells in grids.
NO_DATA_COLOUR = "#BDBDBD"
