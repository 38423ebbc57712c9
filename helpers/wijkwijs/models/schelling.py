r"""Schelling's segregation model on a grid, vectorised with numpy.

Schelling (1971, *Dynamic models of segregation*, Journal of Mathematical
Sociology 1(2)) showed that households who only mildly prefer some neighbours
like themselves can, by moving, produce a strongly segregated city that none of
them asked for. The "Parable of the Polygons" (Vi Hart & Nicky Case, 2014) adds
a wish for diversity: agents who are also unhappy when *too many* neighbours are
like them.

The model in plain language
---------------------------
* The city is a ``height × width`` grid of cells (dwellings). A cell is vacant
  (:data:`VACANT`, ``-1``) or holds one household of group ``0 … n_groups-1``.
* A household's neighbours are the occupied cells in its **Moore neighbourhood of
  radius r**: every cell at most ``r`` steps away horizontally, vertically or
  diagonally, ``(2r+1)² − 1`` cells, the household itself not counted.
* ``torus=False`` (default): the grid has edges, so households on an edge have
  fewer neighbours — like a real town. ``torus=True`` wraps the edges around
  (top meets bottom, left meets right), so every cell has the same number of
  neighbour cells.
* The **similarity** of household *i* is a *fraction*, not a count:

  .. math:: s_i = \frac{\text{occupied neighbours in the same group as } i}
                       {\text{occupied neighbours}}

  Vacant cells count neither above nor below the line.
* A household is **unhappy** if :math:`s_i < \text{threshold}` (``threshold`` is a
  fraction between 0 and 1: ``0.4`` means "at least 40 % of my occupied
  neighbours must be like me", *not* "at least 0.4 neighbours"). With a
  diversity wish ``max_similar`` it is also unhappy if :math:`s_i > \text{max\_similar}`
  (Parable of the Polygons: "I want at least some neighbours who differ from me").
  ``diversity_seekers`` is the share of households who hold that wish; it stays with
  the household when it moves.
* A household with no occupied neighbour has no similarity. By default
  (``isolated_happy=True``) it is content; Mesa's example instead counts its
  similarity as 0, i.e. unhappy for any positive threshold (``isolated_happy=False``).
* **One step** (all at once, no loop over households): every household judges its
  neighbourhood; all unhappy households leave their cells together; the pool of
  free cells (the vacancies plus the cells just left) is shuffled with a random
  permutation and each mover takes one of them. A mover can therefore land on its
  own old cell by chance; happy households never move.

Outputs per step (the :attr:`SchellingModel.history` DataFrame): ``percent_similar``,
the average over households with at least one occupied neighbour of
:math:`100\,s_i`; ``percent_unhappy``, the share of households that are unhappy;
``moved``, the number of movers in that step. :func:`block_segregation` measures the
dissimilarity index and Theil's H of the grid cut into square blocks of several
sizes, to show that the measured segregation depends on the scale of the units
(the modifiable areal unit problem; Openshaw 1984).

Comparison with Mesa 3.x ``mesa.examples.basic.schelling``
----------------------------------------------------------
Mesa's example has parameters ``density`` (each cell is occupied with that
probability), ``minority_pc`` (each agent is in the minority group with that
probability), ``homophily`` and ``radius``. Its docstrings call ``homophily`` the
"minimum number of similar neighbors", but its code compares it with the
*fraction* of similar neighbours — so it is a fraction, as here. Its grid is
bounded (no torus), an agent without neighbours has similarity 0 (unhappy), and
unhappy agents move one after another to a random empty cell. Everybody's
happiness is judged before anyone moves, so per step it is the same rule as ours.
:meth:`SchellingModel.from_mesa` builds a model with Mesa's semantics: random
(Bernoulli) placement with ``density`` and ``minority_pc``, bounded grid,
``isolated_happy=False``. Remaining difference: Mesa's movers pick among empty
cells sequentially (they never land on their own cell), ours pick simultaneously.

Examples
--------
>>> m = SchellingModel(20, 20, vacancy=0.1, threshold=0.5, seed=1)
>>> m.run(10)
>>> m.history.columns.tolist()
['step', 'percent_similar', 'percent_unhappy', 'moved']
>>> bool(m.history.percent_similar.iloc[-1] > m.history.percent_similar.iloc[0])
True
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd

from wijkwijs import segregation
from wijkwijs._validate import as_values, check_choice, check_fraction

__all__ = [
    "VACANT",
    "SchellingModel",
    "block_segregation",
    "neighbour_counts",
    "random_block_dissimilarity",
    "similarity",
]

#: Code of a vacant cell in a Schelling grid.
VACANT = -1


#: Largest radius judged with the two-group tables (their index must fit in uint16).
_TABLE_MAX_RADIUS = 3
#: Weight of a vacant cell (and of the padding beyond a bounded grid): code −1 read as uint8.
_VACANT_WEIGHT = 255


class _Tables(NamedTuple):
    offset: int
    unhappy: np.ndarray
    too_similar: np.ndarray
    frac: np.ndarray
    scored: np.ndarray


@functools.lru_cache(maxsize=32)
def _two_group_tables(radius: int, threshold: float, max_similar: float | None,
                      isolated_happy: bool) -> _Tables:
    """Look-up tables that judge a household of a two-group grid from one index.

    Each cell gets the weight 255 if vacant (or beyond the edge of a bounded grid), 0
    for group 0 and 1 for group 1 (its int8 code read as uint8). A (2r+1)² window sum
    ``s = 255·vacant + ones`` (``ones`` ≤ 49 < 255) tells how many cells of each kind
    the window holds, the cell itself included. Adding ``offset × weight`` of the cell
    itself, in uint16 arithmetic (mod 2¹⁶), gives an index that also tells its own
    kind: ``[0, top]`` group 0, ``[offset, offset + top]`` group 1 and
    ``[255·offset mod 2¹⁶, … + top]`` vacant; ``offset`` is the one that keeps these
    three ranges apart and the tables short. The tables give, per index, exactly what
    the general route computes: the similarity fraction (the same float division),
    unhappiness, whether the household has neighbours and (diversity wish) whether
    it is too similar.
    """
    n = (2 * radius + 1) ** 2
    top = _VACANT_WEIGHT * n  # largest window sum
    candidates = np.arange(top + 1, 1 << 16)
    vacant_at = (_VACANT_WEIGHT * candidates) % (1 << 16)
    ends = np.maximum(candidates, vacant_at) + top  # last index used
    ok = ((vacant_at > top) & (np.abs(vacant_at - candidates) > top)
          & (ends < 1 << 16))
    offset = int(candidates[ok][np.argmin(ends[ok])])
    size = int(ends[ok].min()) + 1
    s = np.arange(top + 1)
    vacant, ones = np.divmod(s, _VACANT_WEIGHT)
    zeros = n - vacant - ones
    frac = np.zeros(size)
    unhappy = np.zeros(size, dtype=bool)
    too_similar = np.zeros(size, dtype=bool)
    scored = np.zeros(size, dtype=bool)
    for start, same, other in ((0, zeros - 1, ones), (offset, ones - 1, zeros)):
        occupied = (same >= 0) & (other >= 0)  # reachable window sums only
        total = same + other
        has_neighbours = occupied & (total > 0)
        f = np.zeros(top + 1)
        np.divide(same, total, out=f, where=has_neighbours)
        low = f < threshold
        high = f > max_similar if max_similar is not None else np.zeros(top + 1, dtype=bool)
        if isolated_happy:
            low &= has_neighbours
            high &= has_neighbours
        elif threshold > 0:  # Mesa: no neighbours -> similarity 0
            low |= ~has_neighbours
        part = slice(start, start + top + 1)
        frac[part] = f
        unhappy[part] = low & occupied
        too_similar[part] = high & occupied
        scored[part] = has_neighbours
    for table in (frac, unhappy, too_similar, scored):
        table.flags.writeable = False
    return _Tables(offset, unhappy, too_similar, frac, scored)


def _check_grid(grid: np.ndarray, name: str = "grid") -> np.ndarray:
    g = np.asarray(grid)
    if g.ndim != 2:
        raise ValueError(f"{name} must be a 2-D array of group codes; got shape {g.shape}.")
    if not np.issubdtype(g.dtype, np.integer):
        raise ValueError(f"{name} must hold integer group codes (-1 = vacant); got {g.dtype}.")
    bad = g < VACANT
    if bad.any():
        r, c = np.argwhere(bad)[0]
        raise ValueError(
            f"{name} has code {g[r, c]} at row {r}, column {c}; "
            "expected -1 (vacant) or a group number 0, 1, ..."
        )
    return g


def _check_radius(radius: int) -> int:
    if int(radius) != radius or radius < 1:
        raise ValueError(f"radius must be a whole number ≥ 1; got {radius!r}.")
    return int(radius)


def _box_sum(stack: np.ndarray, radius: int, torus: bool) -> np.ndarray:
    """Sum of each (2r+1)×(2r+1) window over the last two axes, centre included.

    Uses a summed-area table (cumulative sums), so the cost does not grow with r.
    """
    r = radius
    pad = ((0, 0), (r, r), (r, r))
    padded = np.pad(stack, pad, mode="wrap" if torus else "constant")
    h, w = stack.shape[1:]
    if torus and (2 * r + 1 > h or 2 * r + 1 > w):
        raise ValueError(
            f"radius {r} is too large for a {h}×{w} torus; "
            "the neighbourhood would wrap onto itself."
        )
    c = np.zeros((stack.shape[0], padded.shape[1] + 1, padded.shape[2] + 1), dtype=np.int32)
    np.cumsum(np.cumsum(padded, axis=1, dtype=np.int32), axis=2, out=c[:, 1:, 1:])
    k = 2 * r + 1
    return c[:, k:k + h, k:k + w] - c[:, :h, k:k + w] - c[:, k:k + h, :w] + c[:, :h, :w]


def neighbour_counts(grid: np.ndarray, n_groups: int | None = None, radius: int = 1,
                     torus: bool = False) -> np.ndarray:
    """Count, for every cell, the occupied neighbours of each group.

    The neighbourhood is the Moore neighbourhood of radius ``radius`` (all cells at
    Chebyshev distance 1 … r), the cell itself excluded.

    Parameters
    ----------
    grid
        2-D integer array: ``-1`` vacant, ``0 … n_groups-1`` a group.
    n_groups
        Number of groups (default: largest code + 1).
    radius
        Neighbourhood radius r ≥ 1.
    torus
        Wrap the edges around (True) or treat cells beyond the edge as absent (False).

    Returns
    -------
    numpy.ndarray
        Integer array of shape ``(n_groups, height, width)``: entry ``[g, y, x]`` is the
        number of group-``g`` households around cell ``(y, x)``.

    Examples
    --------
    >>> g = np.array([[0,  1, -1],
    ...               [0,  0,  1],
    ...               [1, -1, -1]])
    >>> neighbour_counts(g)[:, 0, 0].tolist()    # around the top-left cell
    [2, 1]
    >>> neighbour_counts(g, torus=True)[:, 0, 0].tolist()  # wrapping: all 8 others
    [2, 3]
    """
    g = _check_grid(grid)
    r = _check_radius(radius)
    k = int(g.max()) + 1 if n_groups is None else int(n_groups)
    k = max(k, 1)
    onehot = (g[None, :, :] == np.arange(k)[:, None, None]).astype(np.int32)
    return _box_sum(onehot, r, torus) - onehot


def similarity(grid: np.ndarray, radius: int = 1, torus: bool = False,
               n_groups: int | None = None) -> np.ndarray:
    r"""Fraction of like neighbours :math:`s_i` for every household (NaN elsewhere).

    :math:`s_i = \text{same-group occupied neighbours} / \text{occupied neighbours}`.
    Vacant cells and households without occupied neighbours get NaN.

    Examples
    --------
    >>> g = np.array([[0, 0, 1]])
    >>> similarity(g).tolist()
    [[1.0, 0.5, 0.0]]
    """
    g = _check_grid(grid)
    counts = neighbour_counts(g, n_groups, radius, torus)
    total = counts.sum(axis=0)
    occupied = g != VACANT
    same = np.take_along_axis(counts, np.where(occupied, g, 0)[None], axis=0)[0]
    out = np.full(g.shape, np.nan)
    ok = occupied & (total > 0)
    out[ok] = same[ok] / total[ok]
    return out


def _block_counts(grid: np.ndarray, n_groups: int, block: int) -> np.ndarray:
    """Households per group in each ``block × block`` block (edge blocks may be smaller)."""
    h, w = grid.shape
    nb_y, nb_x = -(-h // block), -(-w // block)
    padded = np.full((nb_y * block, nb_x * block), VACANT, dtype=grid.dtype)
    padded[:h, :w] = grid
    tiles = padded.reshape(nb_y, block, nb_x, block)
    return np.stack([(tiles == g).sum(axis=(1, 3)).ravel() for g in range(n_groups)], axis=1)


def _dissimilarity_and_theil(counts: np.ndarray) -> tuple[float, float]:
    """Multigroup dissimilarity and Theil's H from a (units × groups) count table."""
    counts = counts[:, counts.sum(axis=0) > 0].astype(float)  # groups absent from the grid
    if counts.shape[1] < 2:
        return float("nan"), float("nan")
    return (segregation.multigroup_dissimilarity(counts),
            segregation.multigroup_information(counts))


def block_segregation(grid: np.ndarray, block_sizes: Sequence[int] = (2, 5, 10, 25),
                      n_groups: int | None = None) -> pd.DataFrame:
    r"""Dissimilarity and Theil's H of the grid cut into square blocks of several sizes.

    The grid is cut into non-overlapping ``b × b`` blocks (blocks along the right and
    bottom edge are smaller when ``b`` does not divide the grid). Each block is one
    spatial unit with :math:`t_i` households of whom a share :math:`\pi_{ig}` are in
    group *g*; :math:`\pi_g` is the city-wide share and *T* the number of households.

    * Multigroup dissimilarity (Morgan 1975; Reardon & Firebaugh 2002, *Measures of
      multigroup segregation*, Sociological Methodology 32):
      :math:`D = \sum_i\sum_g t_i|\pi_{ig}-\pi_g| \,/\, (2T\sum_g\pi_g(1-\pi_g))`,
      which for two groups is Duncan & Duncan's (1955)
      :math:`D=\tfrac12\sum_i|a_i/A-b_i/B|`.
    * Theil's information theory index (Theil 1972; Reardon & Firebaugh 2002):
      :math:`H = \sum_i t_i(E-E_i)/(TE)` with entropy :math:`E=-\sum_g\pi_g\ln\pi_g`.

    Both run from 0 (every block mirrors the city) to 1 (every block holds one
    group). The same grid looks more segregated in small blocks than in large ones:
    the measured value depends on the scale of the units.

    Parameters
    ----------
    grid
        2-D integer array, ``-1`` vacant, ``0 … n_groups-1`` a group.
    block_sizes
        Side lengths of the blocks, in cells.
    n_groups
        Number of groups (default: largest code + 1).

    Returns
    -------
    pandas.DataFrame
        Columns ``block_size``, ``n_blocks`` (blocks with at least one household),
        ``dissimilarity``, ``theil_h``.

    Examples
    --------
    >>> g = np.array([[0, 0, 1, 1],
    ...               [0, 0, 1, 1]])
    >>> block_segregation(g, [2, 4]).round(3).to_dict("list")
    {'block_size': [2, 4], 'n_blocks': [2, 1], 'dissimilarity': [1.0, 0.0], 'theil_h': [1.0, 0.0]}
    """
    g = _check_grid(grid)
    k = int(g.max()) + 1 if n_groups is None else int(n_groups)
    rows = []
    for b in block_sizes:
        if int(b) != b or b < 1:
            raise ValueError(f"block_sizes must hold whole numbers ≥ 1; got {b!r}.")
        counts = _block_counts(g, k, int(b))
        d, h = _dissimilarity_and_theil(counts)
        rows.append({"block_size": int(b), "n_blocks": int((counts.sum(axis=1) > 0).sum()),
                     "dissimilarity": d, "theil_h": h})
    return pd.DataFrame(rows)


def random_block_dissimilarity(grid: np.ndarray,
                               block_sizes: Sequence[int] = (2, 5, 10, 25)) -> pd.DataFrame:
    r"""Expected dissimilarity of a *random* city: the baseline of :func:`block_segregation`.

    Even a city where group does not matter at all shows some unevenness in small
    blocks: with four households per block, a block of four of one group happens by
    chance. This function gives the dissimilarity :math:`D` to expect when the
    households of ``grid`` (two groups) are shuffled at random over its occupied cells
    (vacant cells stay where they are), block by block, exactly.

    With :math:`A` and :math:`B` households of the two groups, :math:`T = A + B`, and
    :math:`t_i` households in block *i*, the number :math:`a_i` of group 0 in block *i*
    of a random arrangement is hypergeometric (:math:`T` households, :math:`A` of group 0,
    :math:`t_i` drawn), so by linearity of the expectation

    .. math:: E[D] = 	frac12 \sum_i \sum_{a} P(a_i = a)
              \left|rac{a}{A} - rac{t_i - a}{B}ight|.

    Compare the measured :math:`D` of a grid with this baseline: only the excess over it
    is segregation beyond chance. The baseline falls as blocks grow (more households per
    block, less room for chance), so part of the fall of measured :math:`D` with block
    size is this small-number effect and not the modifiable areal unit problem (see
    Carrington & Troske 1997, "On measuring segregation in samples with small units",
    *Journal of Business & Economic Statistics* 15(4), on the random benchmark).

    Parameters
    ----------
    grid
        2-D integer array, ``-1`` vacant, ``0`` and ``1`` the two groups.
    block_sizes
        Side lengths of the square blocks, as in :func:`block_segregation`.

    Returns
    -------
    pandas.DataFrame
        Columns ``block_size``, ``n_blocks`` (blocks with at least one household) and
        ``random_dissimilarity``.

    Examples
    --------
    A row of two households of each group in blocks of two: a block is mixed (D = 0)
    with probability 4/6, one-group (D = 1) with probability 2/6, so E[D] = 1/3.

    >>> g = np.array([[0, 0, 1, 1]])
    >>> random_block_dissimilarity(g, [2]).round(4).to_dict("list")
    {'block_size': [2], 'n_blocks': [2], 'random_dissimilarity': [0.3333]}
    """
    from scipy.stats import hypergeom

    g = _check_grid(grid)
    if g.max() > 1:
        raise ValueError("grid must hold two groups (codes 0 and 1) for the random baseline; "
                         f"found code {int(g.max())}.")
    n_a, n_b = int((g == 0).sum()), int((g == 1).sum())
    if n_a == 0 or n_b == 0:
        raise ValueError("grid must hold households of both groups (0 and 1).")
    total = n_a + n_b
    rows = []
    for b in block_sizes:
        if int(b) != b or b < 1:
            raise ValueError(f"block_sizes must hold whole numbers ≥ 1; got {b!r}.")
        t = _block_counts(g, 2, int(b)).sum(axis=1)
        t = t[t > 0]
        expected = 0.0
        for size, n_blocks in zip(*np.unique(t, return_counts=True), strict=True):
            a = np.arange(int(size) + 1)
            pmf = hypergeom.pmf(a, total, n_a, int(size))
            expected += n_blocks * float(np.sum(pmf * np.abs(a / n_a - (size - a) / n_b)))
        rows.append({"block_size": int(b), "n_blocks": int(t.size),
                     "random_dissimilarity": 0.5 * expected})
    return pd.DataFrame(rows)


class SchellingModel:
    """Schelling's segregation model, one vectorised numpy update per step.

    See the module docstring for the assumptions in plain language.

    Parameters
    ----------
    width, height
        Grid size in cells.
    n_groups
        Number of groups (≥ 2).
    group_shares
        Share of households in each group (default: equal shares). Normalised to 1.
    vacancy
        Share of cells left vacant, in [0, 1).
    threshold
        Minimum *fraction* (0–1) of occupied neighbours that must be like the household
        for it to be happy. A fraction, not a count.
    radius
        Radius r of the Moore neighbourhood.
    max_similar
        Optional diversity wish (Parable of the Polygons): households with the wish
        are also unhappy when the fraction of like neighbours exceeds this value.
        ``None`` (default) for no such wish.
    diversity_seekers
        Share of households holding the diversity wish (used only with ``max_similar``).
    torus
        Wrap the grid edges around (True) or keep a bounded grid (False, default).
    isolated_happy
        Whether a household without any occupied neighbour is happy (default True;
        Mesa's example: False).
    placement
        ``"exact"`` (default): exactly ``round(vacancy·cells)`` vacancies and group sizes
        as close to ``group_shares`` as whole numbers allow, placed at random.
        ``"bernoulli"``: as Mesa, every cell independently occupied with probability
        ``1 - vacancy`` and every household drawn into a group with ``group_shares``.
    seed
        Seed for :func:`numpy.random.default_rng`; the same seed gives the same run.

    Attributes
    ----------
    grid : numpy.ndarray
        Current grid, ``-1`` vacant, ``0 … n_groups-1`` a group (read it, do not write).
    step_count : int
        Steps taken so far.

    Examples
    --------
    >>> m = SchellingModel(10, 10, threshold=0.3, seed=42)
    >>> m.grid.shape, int((m.grid == VACANT).sum())
    ((10, 10), 10)
    >>> m.step()
    >>> m.history.step.tolist()
    [0, 1]
    >>> SchellingModel(10, 10, seed=42).run(5) is None
    True
    >>> a, b = SchellingModel(10, 10, seed=3), SchellingModel(10, 10, seed=3)
    >>> a.run(5); b.run(5); bool((a.grid == b.grid).all())
    True
    """

    def __init__(self, width: int = 50, height: int = 50, *, n_groups: int = 2,
                 group_shares: Sequence[float] | None = None, vacancy: float = 0.1,
                 threshold: float = 0.4, radius: int = 1, max_similar: float | None = None,
                 diversity_seekers: float = 1.0, torus: bool = False,
                 isolated_happy: bool = True, placement: str = "exact",
                 seed: int | None = None) -> None:
        for name, v in (("width", width), ("height", height)):
            if int(v) != v or v < 2:
                raise ValueError(f"{name} must be a whole number ≥ 2; got {v!r}.")
        if int(n_groups) != n_groups or n_groups < 2:
            raise ValueError(f"n_groups must be a whole number ≥ 2; got {n_groups!r}.")
        self.width, self.height, self.n_groups = int(width), int(height), int(n_groups)
        if group_shares is None:
            shares = np.full(self.n_groups, 1.0 / self.n_groups)
        else:
            shares = as_values(group_shares, "group_shares", allow_negative=False)
            if shares.size != self.n_groups:
                raise ValueError(
                    f"group_shares has {shares.size} elements but n_groups is "
                    f"{self.n_groups}; give one share per group."
                )
            if not shares.sum() > 0:
                raise ValueError("group_shares are all zero; at least one must be positive.")
            shares = shares / shares.sum()
        self.group_shares = shares
        self.vacancy = check_fraction(vacancy, "vacancy", inclusive_high=False)
        self.threshold = check_fraction(threshold, "threshold")
        self.radius = _check_radius(radius)
        self.max_similar = None if max_similar is None else check_fraction(
            max_similar, "max_similar")
        self.diversity_seekers = check_fraction(diversity_seekers, "diversity_seekers")
        self.torus = bool(torus)
        self.isolated_happy = bool(isolated_happy)
        if placement not in ("exact", "bernoulli"):
            raise ValueError(f"placement must be 'exact' or 'bernoulli'; got {placement!r}.")
        self.placement = placement
        self.seed = seed
        self.rng = np.random.default_rng(seed)
        self.step_count = 0
        self.grid = self._initial_grid()
        self.seeker = np.zeros(self.grid.shape, dtype=bool)
        if self.max_similar is not None:
            occupied = self.grid != VACANT
            self.seeker[occupied] = self.rng.random(int(occupied.sum())) < self.diversity_seekers
        self._rows: list[dict] = []
        self._key: tuple | None = None
        self._assess()
        self._record(moved=0)

    @classmethod
    def from_mesa(cls, width: int = 20, height: int = 20, density: float = 0.8,
                  minority_pc: float = 0.5, homophily: float = 0.4, radius: int = 1,
                  seed: int | None = None) -> SchellingModel:
        """Build a model with the parameters and semantics of Mesa's Schelling example.

        ``density`` is the chance a cell is occupied, ``minority_pc`` the chance a
        household is in group 1 (the minority), ``homophily`` the minimum *fraction*
        of like neighbours. Bounded grid, Bernoulli placement, isolated agents unhappy.

        Examples
        --------
        >>> m = SchellingModel.from_mesa(40, 40, density=0.625, homophily=0.4, seed=1)
        >>> m.vacancy, m.threshold, m.torus, m.isolated_happy, m.placement
        (0.375, 0.4, False, False, 'bernoulli')
        """
        check_fraction(density, "density", inclusive_low=False)
        check_fraction(minority_pc, "minority_pc")
        return cls(width, height, n_groups=2, group_shares=(1 - minority_pc, minority_pc),
                   vacancy=1 - density, threshold=homophily, radius=radius, torus=False,
                   isolated_happy=False, placement="bernoulli", seed=seed)

    # -- set-up -----------------------------------------------------------------
    def _initial_grid(self) -> np.ndarray:
        n_cells = self.width * self.height
        if self.placement == "bernoulli":
            occupied = self.rng.random(n_cells) >= self.vacancy
            codes = np.full(n_cells, VACANT, dtype=np.int8 if self.n_groups < 127 else np.int32)
            codes[occupied] = self.rng.choice(self.n_groups, size=int(occupied.sum()),
                                              p=self.group_shares)
            return codes.reshape(self.height, self.width)
        n_households = n_cells - round(self.vacancy * n_cells)
        sizes = np.floor(self.group_shares * n_households).astype(int)
        remainder = self.group_shares * n_households - sizes
        sizes[np.argsort(-remainder)[: n_households - sizes.sum()]] += 1
        codes = np.full(n_cells, VACANT, dtype=np.int8 if self.n_groups < 127 else np.int32)
        codes[:n_households] = np.repeat(np.arange(self.n_groups), sizes)
        return self.rng.permutation(codes).reshape(self.height, self.width)

    # -- dynamics ---------------------------------------------------------------
    # A step is a few dozen numpy calls on small arrays, so their number (each costs
    # about a microsecond however small the array), not the arithmetic, sets the
    # time. With two groups and r ≤ 3 one window sum and three table look-ups do all
    # the judging (see _two_group_tables); other models take the general route.
    def _setup(self, key: tuple) -> None:
        """Allocate the buffers (and tables) for the current grid shape and parameters."""
        (h, w), r = self.grid.shape, self.radius
        if self.torus and (2 * r + 1 > h or 2 * r + 1 > w):
            raise ValueError(f"radius {r} is too large for a {h}×{w} torus; "
                             "the neighbourhood would wrap onto itself.")
        self._key = key
        self._tables = None
        if self.n_groups == 2 and r <= _TABLE_MAX_RADIUS:
            self._tables = _two_group_tables(r, self.threshold, self.max_similar,
                                             self.isolated_happy)
            # bounded grid: the border of the padding reads as vacant (weight 255)
            self._padded = np.full((h + 2 * r, w + 2 * r), _VACANT_WEIGHT, dtype=np.uint16)
            self._inner = self._padded[r:r + h, r:r + w]
            self._rowsum = np.empty((h + 2 * r, w), dtype=np.uint16)
            self._index = np.empty((h, w), dtype=np.uint16)
            self._index_p = np.empty((h, w), dtype=np.intp)
        else:
            k = self.n_groups
            self._padded = np.zeros((k, h + 2 * r, w + 2 * r), dtype=np.int32)
            self._rowsum = np.zeros_like(self._padded)
            self._sat = np.zeros((k, h + 2 * r + 1, w + 2 * r + 1), dtype=np.int32)
            self._codes = np.arange(k)[:, None, None]

    def _assess(self) -> None:
        """Judge every household of the current grid: who is unhappy, similarity, counts."""
        g = self.grid
        key = (g.shape, self.n_groups, self.radius, self.torus, self.threshold,
               self.max_similar, self.isolated_happy)
        if key != self._key:
            self._setup(key)
        if self._tables is not None:
            unhappy, frac, scored = self._assess_two_groups(g)
        else:
            unhappy, frac, scored = self._assess_general(g)
        self.unhappy = unhappy
        self._frac = frac  # 0 outside scored cells
        self._scored = scored
        self._movers = unhappy.reshape(-1).nonzero()[0]  # = np.flatnonzero, less overhead
        self._vacant = (g == VACANT).reshape(-1).nonzero()[0]
        self._n_occupied = g.size - self._vacant.size
        self._n_scored = int(np.count_nonzero(scored))
        self._similar = float(frac.sum())

    def _assess_two_groups(self, g: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Two groups: table look-ups indexed by a weighted window sum (see _two_group_tables)."""
        if g.dtype != np.int8:
            g = g.astype(np.int8)
        r, (h, w) = self.radius, g.shape
        padded, rowsum, index, inner = self._padded, self._rowsum, self._index, self._inner
        np.copyto(inner, g.view(np.uint8))  # vacant 255, group 0 → 0, group 1 → 1
        if self.torus:  # copy the opposite edges into the padding
            padded[r:r + h, :r] = inner[:, w - r:]
            padded[r:r + h, r + w:] = inner[:, :r]
            padded[:r, :] = padded[h:h + r, :]
            padded[r + h:, :] = padded[r:2 * r, :]
        n = 2 * r + 1  # window sums by shifted slices: rows, then columns
        np.add(padded[:, :w], padded[:, 1:1 + w], out=rowsum)
        for d in range(2, n):
            np.add(rowsum, padded[:, d:d + w], out=rowsum)
        t = self._tables
        np.multiply(inner, t.offset, out=index)  # the cell's own kind (mod 2¹⁶)
        for d in range(n):
            np.add(index, rowsum[d:d + h], out=index)
        idx = self._index_p
        np.copyto(idx, index)  # intp: take() need not convert it three times
        unhappy = t.unhappy.take(idx)
        if self.max_similar is not None:
            unhappy |= self.seeker & t.too_similar.take(idx)
        return unhappy, t.frac.take(idx), t.scored.take(idx)

    def _assess_general(self, g: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Any number of groups: box sums of one-hot layers by summed-area tables."""
        r = self.radius
        h, w = g.shape
        padded, sat = self._padded, self._sat
        onehot = padded[:, r:r + h, r:r + w]
        np.equal(g[None], self._codes, out=onehot, casting="unsafe")
        if self.torus:  # copy the opposite edges into the padding
            padded[:, r:r + h, :r] = onehot[:, :, w - r:]
            padded[:, r:r + h, r + w:] = onehot[:, :, :r]
            padded[:, :r, :] = padded[:, h:h + r, :]
            padded[:, r + h:, :] = padded[:, r:2 * r, :]
        np.cumsum(padded, axis=1, out=self._rowsum)
        np.cumsum(self._rowsum, axis=2, out=sat[:, 1:, 1:])
        n = 2 * r + 1
        box = sat[:, n:n + h, n:n + w] - sat[:, :h, n:n + w]
        box -= sat[:, n:n + h, :w]
        box += sat[:, :h, :w]
        occupied = g != VACANT
        total = box.sum(axis=0) - occupied  # occupied neighbours
        same = (box * onehot).sum(axis=0) - occupied  # like neighbours
        has_neighbours = total > 0
        frac = np.zeros(total.shape)
        np.divide(same, total, out=frac, where=has_neighbours)
        unhappy = frac < self.threshold
        if self.max_similar is not None:
            unhappy |= self.seeker & (frac > self.max_similar)
        if self.isolated_happy:
            unhappy &= has_neighbours
        elif self.threshold > 0:  # Mesa: no neighbours -> similarity 0
            unhappy |= ~has_neighbours
        return unhappy & occupied, frac, occupied & has_neighbours

    def _record(self, moved: int) -> None:
        n, n_scored = self._n_occupied, self._n_scored
        self._rows.append({
            "step": self.step_count,
            "percent_similar": 100.0 * self._similar / n_scored if n_scored else float("nan"),
            "percent_unhappy": 100.0 * self._movers.size / n if n else 0.0,
            "moved": moved,
        })

    def step(self) -> None:
        """Move all unhappy households at once to random free cells, then re-assess."""
        movers = self._movers  # flat indices of the unhappy households
        n_movers = movers.size
        if n_movers:
            flat = self.grid.reshape(-1)  # a view: writing to it writes to the grid
            free = np.concatenate((self._vacant, movers))
            self.rng.shuffle(free)  # the same draws and order as rng.permutation(free)
            targets = free[:n_movers]
            groups = flat[movers]
            flat[movers] = VACANT
            flat[targets] = groups
            if self.max_similar is not None:  # the diversity wish moves with its holder
                seek = self.seeker.reshape(-1)
                wishes = seek[movers]
                seek[movers] = False
                seek[targets] = wishes
        self.step_count += 1
        if n_movers:  # nobody moved: the grid, and so every judgement, is unchanged
            self._assess()
        self._record(moved=n_movers)

    def run(self, n_steps: int) -> None:
        """Take ``n_steps`` steps (stops early once nobody is unhappy)."""
        for _ in range(int(n_steps)):
            if not self.unhappy.any():
                break
            self.step()

    # -- outputs ----------------------------------------------------------------
    @property
    def history(self) -> pd.DataFrame:
        """One row per step: ``step``, ``percent_similar``, ``percent_unhappy``, ``moved``."""
        return pd.DataFrame(self._rows)

    def history_column(self, name: str) -> list:
        """One column of :attr:`history` as a list, without building the table (fast).

        >>> m = SchellingModel(10, 10, seed=1)
        >>> m.step(); m.history_column("step")
        [0, 1]
        """
        check_choice(name, self._rows[0], "history column")
        return [row[name] for row in self._rows]

    @property
    def percent_similar(self) -> float:
        """Current average percentage of like neighbours."""
        return float(self._rows[-1]["percent_similar"])

    @property
    def percent_unhappy(self) -> float:
        """Current percentage of unhappy households."""
        return float(self._rows[-1]["percent_unhappy"])

    def similarity(self) -> np.ndarray:
        """Fraction of like neighbours per cell (NaN for vacant or isolated cells)."""
        out = np.where(self._scored, self._frac, np.nan)
        return out

    def segregation(self, block_sizes: Sequence[int] = (2, 5, 10, 25)) -> pd.DataFrame:
        """:func:`block_segregation` of the current grid."""
        return block_segregation(self.grid, block_sizes, self.n_groups)
