"""Input checks shared by every measure in wijkwijs.

Each function turns what a learner passes in (a list, a numpy array, a pandas
Series) into a float ndarray, or raises a ``ValueError`` that names the argument,
the position of the first bad element and what was expected. No measure should
ever return a silently wrong number because of bad input.

The checks a learner meets most (a year, a choice, a share, a missing column or value)
speak the language chosen with :func:`wijkwijs.i18n.set_language`; argument and column
names stay as the code spells them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from wijkwijs import i18n

ArrayLike = Sequence[float] | np.ndarray | Any  # lists, ndarrays and pandas Series


def position_of(arr: np.ndarray, mask: np.ndarray, labels: Any = None) -> str:
    """Where the first ``True`` of ``mask`` is, for an error message.

    >>> position_of(np.array([1.0, -2.0]), np.array([False, True]))
    'position 1'
    >>> position_of(np.array([1.0, -2.0]), np.array([False, True]), ["a", "b"])
    "row 1 (label 'b')"
    """
    idx = int(np.flatnonzero(mask)[0])
    if labels is not None:
        return f"row {idx} (label {labels[idx]!r})"
    return f"position {idx}"


def labels_of(x: Any) -> Any:
    """The index labels of a pandas Series (to name rows in messages), else None."""
    if isinstance(x, (list, tuple, np.ndarray)):
        return None
    index = getattr(x, "index", None)  # a pandas Series: report its labels
    return list(index) if index is not None and not callable(index) else None


def as_values(x: ArrayLike, name: str = "values", *, measure: str | None = None,
              allow_negative: bool = True, allow_zero: bool = True,
              why_positive: str = "") -> np.ndarray:
    """Return ``x`` as a 1-D float array after checking it.

    Parameters
    ----------
    x
        The numbers to check.
    name
        How the argument is called in error messages.
    measure
        The measure asking, named in the message when a value is not allowed.
    allow_negative, allow_zero
        Whether negative or zero values are allowed.
    why_positive
        A short reason added to the message when negative or zero values are refused.

    Examples
    --------
    >>> as_values([1, 2, 3]).tolist()
    [1.0, 2.0, 3.0]
    >>> as_values([1, float("nan")])
    Traceback (most recent call last):
    ...
    ValueError: values contains NaN at position 1; remove or fill missing values first.
    """
    labels = labels_of(x)
    try:
        arr = np.asarray(x, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must contain numbers only ({exc}).") from None
    if arr.ndim == 0:
        arr = arr.reshape(1)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional; got shape {arr.shape}.")
    if arr.size == 0:
        raise ValueError(f"{name} is empty; at least one value is needed.")
    bad = np.isnan(arr)
    if bad.any():
        raise ValueError(
            f"{name} contains NaN at {position_of(arr, bad, labels)}; "
            "remove or fill missing values first."
        )
    bad = np.isinf(arr)
    if bad.any():
        raise ValueError(f"{name} contains an infinite value at {position_of(arr, bad, labels)}.")
    who = f"{measure} " if measure else ""
    reason = f" {why_positive}" if why_positive else ""
    if not allow_negative:
        bad = arr < 0
        if bad.any():
            raise ValueError(
                f"{who}is undefined for negative {name}: found {arr[bad][0]:g} at "
                f"{position_of(arr, bad, labels)}.{reason}".lstrip()
            )
    if not allow_zero:
        bad = arr <= 0
        if bad.any():
            raise ValueError(
                f"{who}needs strictly positive {name}: found {arr[bad][0]:g} at "
                f"{position_of(arr, bad, labels)}.{reason}".lstrip()
            )
    return arr


def as_weights(weights: ArrayLike | None, n: int, name: str = "weights") -> np.ndarray:
    """Return weights as a float array of length ``n`` (all ones if ``None``).

    Weights must be finite, non-negative, not all zero, and as many as the values.

    >>> as_weights(None, 3).tolist()
    [1.0, 1.0, 1.0]
    >>> as_weights([1, 2], 3)
    Traceback (most recent call last):
    ...
    ValueError: weights has 2 elements but values has 3; give one weight per value.
    """
    if weights is None:
        return np.ones(n)
    w = as_values(weights, name, allow_negative=False)
    if w.size != n:
        raise ValueError(
            f"{name} has {w.size} elements but values has {n}; give one weight per value."
        )
    if not w.sum() > 0:
        raise ValueError(f"{name} are all zero; at least one weight must be positive.")
    return w


def check_same_length(**arrays: np.ndarray) -> None:
    """Raise a ``ValueError`` if the named arrays differ in length.

    >>> check_same_length(a=np.zeros(2), b=np.zeros(3))
    Traceback (most recent call last):
    ...
    ValueError: lengths differ: a has 2 elements, b has 3.
    """
    sizes = {k: len(v) for k, v in arrays.items()}
    if len(set(sizes.values())) > 1:
        parts = [f"{k} has {n} elements" if i == 0 else f"{k} has {n}"
                 for i, (k, n) in enumerate(sizes.items())]
        raise ValueError("lengths differ: " + ", ".join(parts) + ".")


i18n.register({
    "validate.fraction": {"en": "{name} must lie in {interval}; got {value}.",
                          "nl": "{name} moet in {interval} liggen; gekregen: {value}."},
    "validate.year": {"en": "{name} {year} is not in the data; available years: {first}–{last}.",
                      "nl": "{name} {year} staat niet in de gegevens; beschikbare jaren: "
                            "{first}–{last}."},
    "validate.choice": {"en": "{what} {value} is unknown; choose one of {options}.",
                        "nl": "{what} {value} is onbekend; kies uit {options}."},
    "validate.not_frame": {"en": "{name} must be a pandas DataFrame; got {kind}.",
                           "nl": "{name} moet een pandas-DataFrame zijn; gekregen: {kind}."},
    "validate.no_column": {"en": "{name} has no column {column}; its columns are {columns}.",
                           "nl": "{name} heeft geen kolom {column}; de kolommen zijn {columns}."},
    "validate.missing": {"en": "{name} column {column} is missing in row {row}; fill or drop "
                               "it first.",
                         "nl": "{name}: kolom {column} ontbreekt in rij {row}; vul de waarde "
                               "in of laat de rij weg."},
})


def check_fraction(value: float, name: str, *, low: float = 0.0, high: float = 1.0,
                   inclusive_low: bool = True, inclusive_high: bool = True) -> float:
    """Check that a single number lies in an interval and return it as float.

    >>> check_fraction(0.1, "share", inclusive_low=False)
    0.1
    >>> check_fraction(1.5, "share")
    Traceback (most recent call last):
    ...
    ValueError: share must lie in [0, 1]; got 1.5.
    """
    v = float(value)
    ok_low = v >= low if inclusive_low else v > low
    ok_high = v <= high if inclusive_high else v < high
    if not (ok_low and ok_high) or np.isnan(v):
        lb = "[" if inclusive_low else "("
        rb = "]" if inclusive_high else ")"
        raise ValueError(i18n.t("validate.fraction", name=name,
                                interval=f"{lb}{low:g}, {high:g}{rb}", value=repr(value)))
    return v


def check_year(year: Any, years: Sequence[int], *, name: str = "year",
               allow_none: bool = True) -> int | None:
    """Check that ``year`` is one of ``years`` (a whole number, not a bool) and return it.

    The one year check of wijkwijs: loaders, views, explorers and models all use it,
    so every wrong year gets the same message.

    >>> check_year(2015, range(2011, 2023))
    2015
    >>> check_year(2030, range(2011, 2023))
    Traceback (most recent call last):
    ...
    ValueError: year 2030 is not in the data; available years: 2011–2022.
    >>> check_year(True, range(2011, 2023))
    Traceback (most recent call last):
    ...
    ValueError: year True is not in the data; available years: 2011–2022.
    >>> i18n.set_language("nl")
    >>> check_year(2030, range(2011, 2023))
    Traceback (most recent call last):
    ...
    ValueError: year 2030 staat niet in de gegevens; beschikbare jaren: 2011–2022.
    >>> i18n.set_language("en")
    """
    if year is None and allow_none:
        return None
    known = list(years)
    is_whole = isinstance(year, (int, np.integer)) and not isinstance(year, (bool, np.bool_))
    if not is_whole or int(year) not in known:
        raise ValueError(i18n.t("validate.year", name=name, year=repr(year), first=known[0],
                                last=known[-1]))
    return int(year)


def check_choice(value: Any, allowed: Any, what: str) -> Any:
    """Check that ``value`` is one of ``allowed`` (a sequence or the keys of a mapping).

    >>> check_choice("wijk", ("buurt", "wijk"), "scale")
    'wijk'
    >>> check_choice("street", ("buurt", "wijk"), "scale")
    Traceback (most recent call last):
    ...
    ValueError: scale 'street' is unknown; choose one of buurt, wijk.
    """
    options = list(allowed)
    try:
        ok = value in options
    except TypeError:  # an unhashable or incomparable value is simply not an option
        ok = False
    if not ok:
        raise ValueError(i18n.t("validate.choice", what=what, value=repr(value),
                                options=", ".join(str(o) for o in options)))
    return value



def plain(value: Any) -> Any:
    """A numpy scalar as the Python value, so that messages read ``7``, not ``np.int64(7)``.

    >>> plain(np.int64(7)), plain("a")
    (7, 'a')
    """
    return value.item() if isinstance(value, np.generic) else value


def require_columns(frame: Any, columns: Iterable[str], name: str) -> None:
    """Raise a ``ValueError`` unless ``frame`` is a DataFrame holding ``columns``.

    >>> import pandas as pd
    >>> require_columns(pd.DataFrame({"a": [1]}), ["a", "b"], "edges")
    Traceback (most recent call last):
    ...
    ValueError: edges has no column 'b'; its columns are ['a'].
    """
    import pandas as pd  # here, so that the measures on arrays never load pandas

    if not isinstance(frame, pd.DataFrame):
        raise ValueError(i18n.t("validate.not_frame", name=name, kind=type(frame).__name__))
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(i18n.t("validate.no_column", name=name, column=repr(missing[0]),
                                columns=list(frame.columns)))


def require_no_missing(frame: Any, column: str, name: str) -> None:
    """Raise a ``ValueError`` naming the first row where ``column`` is missing.

    >>> import pandas as pd
    >>> require_no_missing(pd.DataFrame({"a": [1, None]}), "a", "edges")
    Traceback (most recent call last):
    ...
    ValueError: edges column 'a' is missing in row 1; fill or drop it first.
    """
    bad = frame[column].isna().to_numpy()
    if bad.any():
        row = frame.index[int(np.flatnonzero(bad)[0])]
        raise ValueError(i18n.t("validate.missing", name=name, column=repr(column),
                                row=repr(plain(row))))
