"""Constructed cities of chapter 2: a toy city and two checkerboard cities.

* :func:`toy_city` and :func:`toy_counts` — ten households in three buurten, the
  smallest city in which every index of chapter 2.1 can be worked out by hand;
  :func:`move_household` gives the households after one of them moves (a
  predict-then-check exercise);
* :func:`checkerboard_cities` and :func:`checkerboard_table` — two constructed cities
  with the same D but a different spatial pattern (the checkerboard problem,
  White 1983).

Nothing here draws: the figures are in :mod:`wijkwijs.figures.segregation`. The toy
city reads :data:`TOY_HOUSEHOLDS` when it is called, so a learner can change that
tuple and recompute.

>>> round(toy_dissimilarity(), 3)
0.5
>>> toy_movers()
2.0
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from wijkwijs import segregation as seg

#: Ten households: (buurt, income in thousands of euros).
TOY_HOUSEHOLDS: tuple[tuple[str, int], ...] = (
    ("Noord", 12), ("Noord", 16), ("Noord", 28), ("Noord", 45),
    ("Zuid", 14), ("Zuid", 18), ("Zuid", 31),
    ("Oost", 38), ("Oost", 60), ("Oost", 95),
)
#: The income bands of the toy city, lowest first.
TOY_BANDS = ("low", "middle", "high")


def toy_group(income_k: float) -> str:
    """Income band of the toy city: low below €20k, high from €40k.

    >>> [toy_group(x) for x in (19, 20, 40)]
    ['low', 'middle', 'high']
    """
    return "low" if income_k < 20 else ("middle" if income_k < 40 else "high")


def move_household(number: int, buurt: str,
                   households: tuple[tuple[str, int], ...] | None = None
                   ) -> tuple[tuple[str, int], ...]:
    """The households after household ``number`` (1-10, as numbered in the figure) moves.

    ``households`` defaults to :data:`TOY_HOUSEHOLDS`; the buurt must be one of them.

    >>> move_household(4, "Oost")[3]
    ('Oost', 45)
    >>> move_household(11, "Oost")
    Traceback (most recent call last):
    ...
    ValueError: household must be a number from 1 to 10; got 11.
    """
    households = TOY_HOUSEHOLDS if households is None else tuple(households)
    if isinstance(number, bool) or not isinstance(number, int) \
            or not 1 <= number <= len(households):
        raise ValueError(f"household must be a number from 1 to {len(households)}; "
                         f"got {number!r}.")
    buurten = list(dict.fromkeys(b for b, _ in households))
    if buurt not in buurten:
        raise ValueError(f"buurt {buurt!r} is unknown; choose one of {', '.join(buurten)}.")
    return tuple((buurt, income) if k == number - 1 else (b, income)
                 for k, (b, income) in enumerate(households))


def toy_city(households: tuple[tuple[str, int], ...] | None = None) -> pd.DataFrame:
    """The ten households of the toy city, one row each.

    ``households`` (buurt, income) pairs default to :data:`TOY_HOUSEHOLDS`, read when
    called.

    >>> toy_city()["buurt"].value_counts().to_dict()
    {'Noord': 4, 'Zuid': 3, 'Oost': 3}
    """
    households = TOY_HOUSEHOLDS if households is None else households
    frame = pd.DataFrame(list(households), columns=["buurt", "income_k"])
    frame.insert(0, "household", range(1, len(frame) + 1))
    frame["group"] = [toy_group(x) for x in frame["income_k"]]
    return frame


def toy_counts(households: tuple[tuple[str, int], ...] | None = None) -> pd.DataFrame:
    """Households per buurt of the toy city: total, and per band (low, middle, high).

    ``households`` as in :func:`toy_city`; the buurten keep the order of
    :data:`TOY_HOUSEHOLDS` (a buurt left empty by a move keeps its row, with zeros).

    >>> toy_counts()
       buurt  households  low  middle  high
    0  Noord           4    2       1     1
    1   Zuid           3    2       1     0
    2   Oost           3    0       1     2
    """
    city = toy_city(households)
    order = list(dict.fromkeys([b for b, _ in TOY_HOUSEHOLDS] + list(city["buurt"])))
    table = pd.crosstab(city["buurt"], city["group"]).reindex(index=order, columns=TOY_BANDS,
                                                              fill_value=0)
    table.insert(0, "households", table.sum(axis=1))
    table.columns.name = None
    return table.reset_index()


def toy_dissimilarity(group: str = "low") -> float:
    """D of one band of the toy city against the other households.

    >>> round(toy_dissimilarity("high"), 4)
    0.5238
    """
    return seg.dissimilarity(toy_counts(), group=group, total="households")


def toy_movers(group: str = "low") -> float:
    """How many households of the band would have to move: D times the band's size.

    >>> toy_movers()
    2.0
    """
    counts = toy_counts()
    return float(round(toy_dissimilarity(group) * counts[group].sum(), 12))


def checkerboard_cities(n: int = 6, high: int = 80, low: int = 20, size: int = 100):
    """Two constructed cities of ``n x n`` square buurten with the same counts.

    Every buurt has ``size`` households; half the buurten have ``high`` low-income
    households, half ``low``. In the *checkerboard* the two kinds alternate like
    the squares of a chessboard; in *two halves* the high ones fill the west half.
    D is the same in both, because D ignores where the buurten lie (White 1983).

    Returns ``{"checkerboard": gdf, "split": gdf}`` with columns ``low_income``,
    ``households`` and square polygons (100 m wide).

    >>> cities = checkerboard_cities()
    >>> [round(seg.dissimilarity(c, group="low_income", total="households"), 3)
    ...  for c in cities.values()]
    [0.6, 0.6]
    """
    import geopandas as gpd
    from shapely.geometry import box

    if n < 2 or n % 2:
        raise ValueError(f"n must be an even number of at least 2; got {n!r}.")
    rows, cols = np.divmod(np.arange(n * n), n)
    squares = [box(c * 100, r * 100, c * 100 + 100, r * 100 + 100) for r, c in zip(rows, cols,
                                                                                    strict=True)]
    patterns = {"checkerboard": (rows + cols) % 2 == 0, "split": cols < n // 2}
    return {name: gpd.GeoDataFrame({"low_income": np.where(mask, high, low),
                                    "households": size}, geometry=squares)
            for name, mask in patterns.items()}


def checkerboard_table(cities=None) -> pd.DataFrame:
    """D and spatial D (queen contiguity) of constructed cities, one row per city.

    ``cities`` is a ``{name: GeoDataFrame}`` such as :func:`checkerboard_cities`
    returns (the default).

    >>> checkerboard_table().round(3)
            city    D  spatial_D
    0  checkerboard  0.6      0.273
    1         split  0.6      0.513
    """
    rows = []
    for name, city in (checkerboard_cities() if cities is None else cities).items():
        adjacency = seg.adjacency_from_polygons(city)
        rows.append({"city": name,
                     "D": seg.dissimilarity(city, group="low_income", total="households"),
                     "spatial_D": seg.spatial_dissimilarity(city, adjacency=adjacency,
                                                            group="low_income",
                                                            total="households")})
    return pd.DataFrame(rows)
