"""Step 1 of the generator: buurten, wijken, gemeenten and water as polygons.

Havenstad (GM9901) and its three suburbs are fictional. Coordinates are metres in a
made-up local plane (x east, y north, origin south-west of the region). The city's 41
buurten are the cells of two jittered 1 km grids, one per river bank; each suburb has
1.5 km cells beyond a green belt.

>>> import numpy as np
>>> geo = build_geography(np.random.default_rng(0))
>>> len(geo.buurten), len(geo.polygons), [name for name, _ in geo.water]
(53, 53, ['Havenrivier', 'Buitenhaven'])
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from wijkwijs.havenstad.constants import CITY_CODE, GEMEENTE_CODES, GEMEENTE_NAMES
from wijkwijs.havenstad.generate.codes import buurt_prefix, gemeente_digits
from wijkwijs.havenstad.generate.scenario import (
    DISPLACEMENT_SUBURB,
    ELITE_ENCLAVE,
    GENTRIFYING,
    INFRA_POOR,
    INFRA_RICH,
    RESTRUCTURING,
    RESTRUCTURING_YEAR,
)

#: Area types: C centre, H old harbour, W pre-war working class, P post-war working
#: class, V villa area, M mixed middle-class; suburbs N (Noorderveld, affluent),
#: O (Oostmeer, mixed), Z (Zuiderpolder, 1970s growth town, cheaper).
AREA_TYPES = {
    "C": "centre", "H": "old harbour", "W": "pre-war working class",
    "P": "post-war working class", "V": "villa area", "M": "mixed middle class",
    "N": "suburb (affluent)", "O": "suburb (mixed)", "Z": "suburb (growth town)",
}

# (column, row, area type, wijk number, name) of the 41 city buurten on a 1 km grid.
_CITY_BUURTEN = [
    (3, 4, "C", 1, "Binnenstad-Noord"), (4, 4, "C", 1, "Marktkwartier"),
    (3, 3, "C", 1, "Domeinhof"), (4, 3, "C", 1, "Waagplein"), (4, 2, "C", 1, "Zuidkade"),
    (0, 3, "H", 2, "Kraanhaven"), (1, 3, "H", 2, "Pakhuiseiland"),
    (2, 3, "W", 2, "Touwslagerij"), (0, 2, "H", 2, "Dokhaven"),
    (1, 2, "H", 2, "Scheepsbouw"),
    (1, 5, "V", 3, "Villapark"), (2, 5, "V", 3, "Lindenhove"), (1, 4, "V", 3, "Duinzicht"),
    (0, 4, "M", 3, "Westerhout"), (2, 4, "M", 3, "Kastanjeplein"),
    (3, 5, "M", 4, "Noordsingel"), (4, 5, "M", 4, "Parkzicht"),
    (5, 5, "P", 4, "Ooievaarshof"), (6, 5, "P", 4, "Reigerstede"),
    (6, 4, "P", 4, "Zwanenhof"), (7, 4, "P", 4, "Kievitbuurt"), (7, 3, "P", 4, "Meerkoet"),
    (5, 4, "W", 5, "Lorrewijk"), (5, 3, "W", 5, "Smidswijk"), (6, 3, "W", 5, "Ketelbuurt"),
    (2, 2, "W", 6, "Zeemanswijk"), (3, 2, "W", 6, "Brouwersveld"),
    (4, 1, "W", 6, "Spoorbuurt"), (5, 1, "W", 6, "Gasfabriek"), (5, 2, "M", 6, "Oeverpark"),
    (1, 1, "P", 7, "Meeuwenhof"), (2, 1, "P", 7, "Sternhof"), (1, 0, "P", 7, "Plevierbuurt"),
    (2, 0, "P", 7, "Grutto"), (3, 0, "P", 7, "Tureluur"), (3, 1, "M", 7, "Zuiderpark"),
    (6, 2, "P", 8, "Kersenhof"), (7, 2, "P", 8, "Appelgaard"), (6, 1, "P", 8, "Perenlaan"),
    (4, 0, "M", 8, "Vijverhof"), (5, 0, "M", 8, "Boomgaard"),
]
_CITY_WIJKEN = {1: "Centrum", 2: "Havenkwartier", 3: "Westhoven", 4: "Noordoost",
                5: "Oostkade", 6: "Zuidoever", 7: "Zuidwest", 8: "Zuidoost"}

# Suburbs: gemeente code -> (area type, [(x0, y0, wijk number, wijk name, buurt name)]).
_SUBURBS = {
    GEMEENTE_CODES[1]: ("N", [
        (4500, 10400, 1, "Noorderveld", "Dorpskern"),
        (6000, 10400, 1, "Noorderveld", "Beukenlaan"),
        (7500, 10400, 1, "Noorderveld", "Weidezicht"),
        (9000, 10400, 1, "Noorderveld", "Molenakker")]),
    GEMEENTE_CODES[2]: ("O", [
        (13000, 3000, 1, "Oostmeer-Zuid", "Rietkraag"),
        (13000, 4500, 1, "Oostmeer-Zuid", "Meerzicht"),
        (13000, 6400, 2, "Oostmeer-Noord", "Oude Dorp"),
        (13000, 7900, 2, "Oostmeer-Noord", "Waterhoven")]),
    GEMEENTE_CODES[3]: ("Z", [
        (4500, 1000, 1, "Polderhart", "Polderhart"),
        (6000, 1000, 1, "Polderhart", "Slotenbuurt"),
        (7500, 1000, 2, "Kievitsweide", "Rietvelden"),
        (9000, 1000, 2, "Kievitsweide", "Kievitsweide")]),
}

#: The river between its banks at y = 6.0 and 6.4 km, and the harbour mouth, as
#: rectangles (x0, y0, x1, y1).
_SOUTH_BANK, _NORTH_BANK = 6000, 6400
_WATER = {"Havenrivier": (1000, _SOUTH_BANK, 16000, _NORTH_BANK),
          "Buitenhaven": (1500, 5300, 3800, 7100)}


@dataclass
class Geography:
    """Step 1 result: one row per buurt (``buurten``) and the polygons."""

    buurten: pd.DataFrame
    polygons: list  # shapely Polygons, aligned with buurten rows
    water: list  # (name, shapely Polygon)


def _jittered_grid(nx: int, ny: int, x0: float, y0: float, size: float,
                   rng: np.random.Generator, fix_bottom: bool = False,
                   fix_top: bool = False, jitter: float = 120.0) -> np.ndarray:
    """Vertices (ny+1, nx+1, 2) of a grid whose inner corners are moved a little."""
    xs = x0 + size * np.arange(nx + 1)
    ys = y0 + size * np.arange(ny + 1)
    grid = np.stack(np.meshgrid(xs, ys), axis=-1).astype(float)
    shift = rng.uniform(-jitter, jitter, grid.shape)
    if fix_bottom:
        shift[0, :, 1] = 0
    if fix_top:
        shift[-1, :, 1] = 0
    return np.round(grid + shift)


def _cell(grid: np.ndarray, col: int, row: int):
    from shapely.geometry import Polygon

    corners = [grid[row, col], grid[row, col + 1], grid[row + 1, col + 1],
               grid[row + 1, col], grid[row, col]]
    return Polygon([tuple(map(float, c)) for c in corners])


def _row(gemeente: str, wijk: int, number: int, wijk_name: str, name: str,
         kind: str) -> dict:
    """One buurt row with CBS-style codes (``BU`` + wijk digits + buurt number)."""
    return {"code": f"{buurt_prefix(gemeente)}{wijk:02d}{number:02d}", "name": name,
            "wijk_code": f"WK{gemeente_digits(gemeente)}{wijk:02d}", "wijk_name": wijk_name,
            "gemeente_code": gemeente, "gemeente_name": GEMEENTE_NAMES[gemeente],
            "area_type": kind}


def _suburb_grids(cells: list, rng: np.random.Generator) -> dict:
    """One jittered 1.5 km grid per river bank, so neighbouring cells share edges."""
    grids = {}
    for north_bank in (False, True):
        bank = [c for c in cells if (c[1] >= _NORTH_BANK) == north_bank]
        if not bank:
            continue
        x0 = min(c[0] for c in bank)
        y0 = min(c[1] for c in bank)
        nx = (max(c[0] for c in bank) - x0) // 1500 + 1
        ny = (max(c[1] for c in bank) - y0) // 1500 + 1
        grids[north_bank] = (x0, y0, _jittered_grid(
            nx, ny, x0, y0, 1500, rng, fix_bottom=y0 == _NORTH_BANK,
            fix_top=y0 + 1500 * ny == _SOUTH_BANK, jitter=80))
    return grids


def _roles(buurten: pd.DataFrame) -> np.ndarray:
    """The scripted role of each buurt in the story (empty for most)."""
    name = buurten["name"]
    role = np.full(len(buurten), "", dtype=object)
    role[name.isin(GENTRIFYING).to_numpy()] = "gentrifying from 2014"
    role[(name == RESTRUCTURING).to_numpy()] = (
        f"restructuring {RESTRUCTURING_YEAR} (demolition and sales of social housing)")
    role[(buurten["area_type"] == "H").to_numpy()] = "harbour redevelopment from 2015"
    role[(buurten["gemeente_code"] == DISPLACEMENT_SUBURB).to_numpy()] = (
        "suburban growth, cheap new construction 2016-2021")
    role[(name == INFRA_RICH).to_numpy()] = "rich social infrastructure"
    role[(name == INFRA_POOR).to_numpy()] = "poor social infrastructure"
    role[(name == ELITE_ENCLAVE).to_numpy()] = "elite enclave, exclusive new-build 2016-2021"
    return role


def build_geography(rng: np.random.Generator) -> Geography:
    """Step 1: buurt polygons on jittered grids, codes, names, area types and water.

    The city occupies x 4-12 km, y 3-9.4 km, split by a 400 m wide river at
    y 6.0-6.4 km that widens into the harbour mouth in the west. Suburbs lie beyond
    a green belt: Noorderveld to the north, Oostmeer to the east, Zuiderpolder to the
    south.
    """
    from shapely.geometry import Polygon

    south = _jittered_grid(8, 3, 4000, 3000, 1000, rng, fix_top=True)
    north = _jittered_grid(8, 3, 4000, _NORTH_BANK, 1000, rng, fix_bottom=True)
    rows: list[dict] = []
    polygons = []
    per_wijk: dict[int, int] = {}
    for col, row, kind, wijk, name in _CITY_BUURTEN:
        per_wijk[wijk] = per_wijk.get(wijk, 0) + 1
        grid, grid_row = (south, row) if row <= 2 else (north, row - 3)
        polygons.append(_cell(grid, col, grid_row))
        rows.append(_row(CITY_CODE, wijk, per_wijk[wijk], _CITY_WIJKEN[wijk], name, kind))
    for gm, (kind, cells) in _SUBURBS.items():
        per_wijk = {}
        grids = _suburb_grids(cells, rng)
        for x, y, wijk, wijk_name, name in cells:
            x0, y0, grid = grids[y >= _NORTH_BANK]
            per_wijk[wijk] = per_wijk.get(wijk, 0) + 1
            polygons.append(_cell(grid, (x - x0) // 1500, (y - y0) // 1500))
            rows.append(_row(gm, wijk, per_wijk[wijk], wijk_name, name, kind))
    buurten = pd.DataFrame(rows)
    buurten["role"] = _roles(buurten)
    buurten["area_type"] = buurten["area_type"].map(AREA_TYPES)
    buurten["kind"] = [r["area_type"] for r in rows]
    buurten["area_ha"] = [round(p.area / 10_000, 1) for p in polygons]
    buurten["x"] = [round(p.centroid.x) for p in polygons]
    buurten["y"] = [round(p.centroid.y) for p in polygons]
    water = [(name, Polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)]))
             for name, (x0, y0, x1, y1) in _WATER.items()]
    return Geography(buurten=buurten, polygons=polygons, water=water)


def random_points(polygon, n: int, rng: np.random.Generator) -> np.ndarray:
    """``n`` uniform random points inside ``polygon`` (rejection sampling), rounded.

    >>> from shapely.geometry import box
    >>> random_points(box(0, 0, 10, 10), 3, np.random.default_rng(1)).shape
    (3, 2)
    """
    import shapely

    x0, y0, x1, y1 = polygon.bounds
    out = np.empty((0, 2))
    while len(out) < n:
        cand = np.column_stack([rng.uniform(x0, x1, 2 * n + 8), rng.uniform(y0, y1, 2 * n + 8)])
        inside = shapely.contains_xy(polygon, cand[:, 0], cand[:, 1])
        out = np.vstack([out, cand[inside]])
    return np.round(out[:n])
