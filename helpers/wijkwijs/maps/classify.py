"""Class breaks for choropleth maps: quantiles, natural breaks and equal intervals.

How the classes of a choropleth are cut matters as much as its colours: the same
data can look segregated or mixed depending on the *classification scheme* (Jenks
1977; Brewer & Pickle 2002, *Evaluation of methods for classifying epidemiological
data on choropleth maps in series*). Each scheme here is a plain function that
returns the upper bound of every class:

* :func:`quantile_breaks` — every class holds (about) the same number of units;
* :func:`natural_breaks` — Fisher's (1958) exact optimal partition, popularised
  by Jenks (1977) as "natural breaks": the classes that minimise the sum of
  squared deviations from the class means;
* :func:`equal_interval_breaks` — classes of equal width between the minimum and
  the maximum.

:func:`classify` then gives every value the index of its class. The module needs
only numpy; the tests compare it with PySAL's ``mapclassify``.

>>> bounds = class_breaks([1, 2, 3, 10, 11, 12, 30], "natural_breaks", k=3)
>>> bounds.tolist(), classify([2, 11, 30], bounds).tolist()
([3.0, 12.0, 30.0], [0, 1, 2])
"""

from __future__ import annotations

from typing import Any

import numpy as np

from wijkwijs import _validate

__all__ = ["SCHEMES", "class_breaks", "classify", "equal_interval_breaks", "natural_breaks",
           "quantile_breaks"]

#: The classification schemes that :func:`class_breaks` knows.
SCHEMES: tuple[str, ...] = ("quantiles", "natural_breaks", "equal_interval")


def _check_k(values: np.ndarray, k: int, name: str = "values") -> int:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
        raise ValueError(f"k must be a whole number of classes; got {k!r}.")
    k = int(k)
    if k < 1:
        raise ValueError(f"k must be at least 1; got {k}.")
    distinct = np.unique(values).size
    if k > distinct:
        raise ValueError(
            f"k={k} classes is too many: {name} has only {distinct} distinct "
            f"value{'s' if distinct != 1 else ''}; choose k <= {distinct}."
        )
    return k


def quantile_breaks(values: Any, k: int = 5) -> np.ndarray:
    """Upper bounds of ``k`` quantile classes, each holding about ``n / k`` units.

    The bound of class ``i`` (``i = 1 … k``) is the ``100·i/k``-th percentile of the
    values, with linear interpolation between order statistics (numpy's default,
    as in PySAL's ``mapclassify.Quantiles``). The last bound is the maximum.

    A value ``v`` belongs to class ``i`` when ``bound[i-1] < v <= bound[i]``
    (see :func:`classify`).

    Raises ``ValueError`` when ties make two bounds equal, because the map would
    then show fewer classes than asked for.

    Examples
    --------
    >>> quantile_breaks([1, 2, 3, 4, 5, 6, 7, 8], k=4).tolist()
    [2.75, 4.5, 6.25, 8.0]
    >>> quantile_breaks([0, 0, 0, 0, 0, 1, 2], k=3)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: quantiles give only 2 distinct class bounds for k=3 because many values ...
    """
    x = _validate.as_values(values)
    k = _check_k(x, k)
    bounds = np.percentile(x, 100.0 * np.arange(1, k + 1) / k)
    bounds[-1] = x.max()
    unique = np.unique(bounds)
    if unique.size < k:
        vals, counts = np.unique(x, return_counts=True)
        top = int(np.argmax(counts))
        raise ValueError(
            f"quantiles give only {unique.size} distinct class bounds for k={k} because "
            f"many values are tied (e.g. {vals[top]:g} occurs {counts[top]} times); "
            f"choose k <= {unique.size} or scheme='natural_breaks'."
        )
    return bounds


def equal_interval_breaks(values: Any, k: int = 5) -> np.ndarray:
    """Upper bounds of ``k`` classes of equal width between the minimum and maximum.

    ``bound[i] = min + i · (max − min) / k`` for ``i = 1 … k``; the last bound is
    exactly the maximum. Classes may be empty when the values are skewed.

    Examples
    --------
    >>> equal_interval_breaks([0, 1, 2, 10], k=4).tolist()
    [2.5, 5.0, 7.5, 10.0]
    """
    x = _validate.as_values(values)
    k = _check_k(x, k)
    low, high = float(x.min()), float(x.max())
    bounds = low + (high - low) * np.arange(1, k + 1) / k
    bounds[-1] = high
    return bounds


def natural_breaks(values: Any, k: int = 5) -> np.ndarray:
    """Upper bounds of the ``k`` classes with the smallest within-class variance.

    Fisher's (1958, *On grouping for maximum homogeneity*) exact dynamic
    programme, known in cartography as Jenks' natural breaks (Jenks 1977,
    *Optimal data classification for choropleth maps*). Among all ways to cut the
    sorted values into ``k`` contiguous groups it returns one minimising

    .. math:: \\sum_{c=1}^{k} \\sum_{i \\in c} (x_i - \\bar x_c)^2 .

    The programme runs over the distinct values (weighted by how often they
    occur), in ``O(k · m²)`` time for ``m`` distinct values: instant for the
    few hundred neighbourhoods of a city. Every bound is a data value and the
    last bound is the maximum.

    Examples
    --------
    >>> natural_breaks([1, 2, 3, 10, 11, 12, 30], k=3).tolist()
    [3.0, 12.0, 30.0]
    >>> natural_breaks([4, 4, 4, 9], k=2).tolist()
    [4.0, 9.0]
    """
    x = _validate.as_values(values)
    k = _check_k(x, k)
    vals, counts = np.unique(x, return_counts=True)
    m = vals.size
    w = counts.astype(float)
    # prefix sums: S*[j] = sum over the first j distinct values
    sw = np.concatenate([[0.0], np.cumsum(w)])
    sx = np.concatenate([[0.0], np.cumsum(w * vals)])
    sxx = np.concatenate([[0.0], np.cumsum(w * vals * vals)])

    def ssd(i: np.ndarray, j: int) -> np.ndarray:
        """Sum of squared deviations of distinct values i..j-1 (vectorised over i)."""
        n = sw[j] - sw[i]
        s = sx[j] - sx[i]
        return np.maximum(sxx[j] - sxx[i] - s * s / n, 0.0)

    # cost[c][j]: best cost of putting the first j distinct values into c + 1 classes
    cost = np.full((k, m + 1), np.inf)
    start = np.zeros((k, m + 1), dtype=int)  # first distinct value of the last class
    cost[0, 1:] = ssd(np.zeros(m, dtype=int), np.arange(1, m + 1))
    for c in range(1, k):
        for j in range(c + 1, m + 1):
            i = np.arange(c, j)  # the last class holds values i..j-1
            total = cost[c - 1, i] + ssd(i, j)
            best = int(np.argmin(total))
            cost[c, j] = total[best]
            start[c, j] = i[best]
    bounds = np.empty(k)
    j = m
    for c in range(k - 1, -1, -1):
        bounds[c] = vals[j - 1]
        j = start[c, j] if c > 0 else 0
    return bounds


def class_breaks(values: Any, scheme: str = "quantiles", k: int = 5) -> np.ndarray:
    """Upper class bounds for ``values`` under ``scheme`` (one of :data:`SCHEMES`).

    Parameters
    ----------
    values
        The numbers to classify (no NaN).
    scheme
        ``"quantiles"``, ``"natural_breaks"`` or ``"equal_interval"``.
    k
        Number of classes.

    Returns
    -------
    numpy.ndarray
        The ``k`` upper class bounds; the last is the maximum.

    Examples
    --------
    >>> class_breaks([1, 2, 3, 4], "equal_interval", k=3).tolist()
    [2.0, 3.0, 4.0]
    >>> class_breaks([1, 2], "jenks")
    Traceback (most recent call last):
    ...
    ValueError: scheme 'jenks' is unknown; choose one of quantiles, natural_breaks, equal_interval.
    """
    _validate.check_choice(scheme, SCHEMES, "scheme")
    functions = {"quantiles": quantile_breaks, "natural_breaks": natural_breaks,
                 "equal_interval": equal_interval_breaks}
    return functions[scheme](values, k)


def classify(values: Any, bounds: Any) -> np.ndarray:
    """Class index (0 … k−1) of every value, given the upper class ``bounds``.

    Value ``v`` is in class ``i`` when ``bounds[i-1] < v <= bounds[i]``; values
    at or below the first bound are in class 0.

    >>> classify([1, 2.75, 3, 8], [2.75, 4.5, 6.25, 8.0]).tolist()
    [0, 0, 1, 3]
    """
    x = _validate.as_values(values)
    b = _validate.as_values(bounds, "bounds")
    if np.any(np.diff(b) <= 0):
        raise ValueError("bounds must be strictly increasing.")
    if x.max() > b[-1]:
        raise ValueError(f"value {x.max():g} lies above the last bound {b[-1]:g}.")
    return np.searchsorted(b, x, side="left")
