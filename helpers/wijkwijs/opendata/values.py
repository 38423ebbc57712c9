"""Turning CBS's text cells into numbers, and checking them, without guessing.

CBS marks a value that is suppressed (too few inhabitants, unreliable) or not yet
published with a dot, often padded with spaces (``"       ."``); R writes ``NA``; other
tools leave the cell blank. All of these become ``NaN``, never 0. Numbers may use a
decimal point or a decimal comma, but not both in one column (``1.234`` next to ``5,6``
is ambiguous: a thousands separator or a decimal point?). CBS uses sentinel values such
as ``-99999999`` for "secret" in its geometry files; they become ``NaN`` as well.

>>> values, report = parse_numbers(["  1035", "       .", "NA", "2,5", ""], kind="amount")
>>> values.tolist()
[1035.0, nan, nan, 2.5, nan]
>>> report.suppressed, report.decimal
(3, ',')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["MISSING_TOKENS", "SENTINEL_LIMIT", "NumberProblem", "ParseReport",
           "is_missing", "parse_numbers", "strip_text"]

#: Cell texts (after stripping spaces) that mean "no value".
MISSING_TOKENS = frozenset({"", ".", "..", "NA", "N/A", "na", "n/a", "nan", "NaN", "None",
                            "null", "x"})

#: Values at or below this are CBS sentinels (-99999999 "secret", -99999997, ...).
SENTINEL_LIMIT = -99_999_990


@dataclass(frozen=True)
class ParseReport:
    """How a column was read: counts of missing cells and of sentinels, the decimal mark."""

    suppressed: int
    sentinels: int
    decimal: str | None


class NumberProblem(Exception):
    """The first bad cell of a column: its position and what is wrong with it."""

    def __init__(self, position: int, message: str) -> None:
        super().__init__(message)
        self.position = position
        self.message = message


def strip_text(values: Sequence[Any]) -> list[str | None]:
    """Strip spaces from text cells; missing cells become ``None``.

    >>> strip_text(["BU03630000  ", "   ", None, "."])
    ['BU03630000', None, None, None]
    """
    out: list[str | None] = []
    for value in values:
        if value is None or (isinstance(value, float) and np.isnan(value)):
            out.append(None)
            continue
        text = str(value).strip()
        out.append(None if text in MISSING_TOKENS else text)
    return out


def is_missing(values: Sequence[Any]) -> np.ndarray:
    """Boolean mask of the cells that mean "no value" (see :data:`MISSING_TOKENS`)."""
    return np.array([v is None or (isinstance(v, float) and np.isnan(v))
                     or (isinstance(v, str) and v.strip() in MISSING_TOKENS)
                     for v in values], dtype=bool)


def _as_text(values: Sequence[Any]) -> pd.Series:
    series = pd.Series(list(values), dtype=object)
    kinds = {type(v) for v in values}
    if kinds <= {str}:
        return series.str.strip()
    return series.map(lambda v: "" if v is None else (repr(v) if isinstance(v, float)
                                                      else str(v)).strip())


def parse_numbers(values: Sequence[Any], *, kind: str = "amount") -> tuple[np.ndarray,
                                                                           ParseReport]:
    """Parse a column of cells into floats and check them against ``kind``.

    ``kind`` is ``"count"`` (whole numbers >= 0), ``"percent"`` (0 to 100), ``"amount"``
    (>= 0) or ``"any"`` (any finite number). Raises :class:`NumberProblem` at the first
    bad cell; the caller turns it into an error that says where.

    >>> parse_numbers(["12", "7.5"], kind="count")
    Traceback (most recent call last):
    ...
    wijkwijs.opendata.values.NumberProblem: expected a whole number (a count), found '7.5'
    """
    if any(isinstance(v, bool) for v in values):
        position = next(i for i, v in enumerate(values) if isinstance(v, bool))
        raise NumberProblem(position, f"expected a number, found {values[position]!r}")
    text = _as_text(values)
    missing = text.isin(MISSING_TOKENS).to_numpy()
    present = text[~missing]
    comma = present.str.contains(",", regex=False)
    point = present.str.contains(".", regex=False)
    decimal = None
    if comma.any() and point.any():
        first_comma = int(np.flatnonzero(comma.to_numpy())[0])
        first_point = int(np.flatnonzero(point.to_numpy())[0])
        position = int(present.index[max(first_comma, first_point)])
        raise NumberProblem(position, "mixes decimal commas and points in one column "
                            f"({present.iloc[first_comma]!r} and "
                            f"{present.iloc[first_point]!r}); expected one decimal mark")
    if comma.any():
        decimal = ","
        present = present.str.replace(",", ".", regex=False)
    elif point.any():
        decimal = "."
    numbers = pd.to_numeric(present, errors="coerce").to_numpy(dtype=float)
    bad = np.isnan(numbers) | np.isinf(numbers)
    if bad.any():
        position = int(present.index[int(np.flatnonzero(bad)[0])])
        raise NumberProblem(position, f"expected a number, found {text.iloc[position]!r}")
    out = np.full(len(text), np.nan)
    out[~missing] = numbers
    sentinel = out <= SENTINEL_LIMIT
    out[sentinel] = np.nan
    _check_kind(out, kind, text)
    return out, ParseReport(int(missing.sum()), int(sentinel.sum()), decimal)


def _check_kind(out: np.ndarray, kind: str, text: pd.Series) -> None:
    checks = {
        "count": (lambda x: x < 0, "expected a whole number >= 0 (a count), found {v}"),
        "percent": (lambda x: (x < 0) | (x > 100),
                    "expected a percentage between 0 and 100, found {v}"),
        "amount": (lambda x: x < 0, "expected a number >= 0, found {v}"),
        "any": (lambda x: np.zeros_like(x, dtype=bool), ""),
    }
    if kind not in checks:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(checks)}")
    test, message = checks[kind]
    with np.errstate(invalid="ignore"):
        bad = test(out) & ~np.isnan(out)
        if kind == "count":
            fractional = (out != np.round(out)) & ~np.isnan(out)
            if fractional.any() and (not bad.any()
                                     or np.flatnonzero(fractional)[0] < np.flatnonzero(bad)[0]):
                position = int(np.flatnonzero(fractional)[0])
                raise NumberProblem(position, "expected a whole number (a count), found "
                                    f"{text.iloc[position]!r}")
    if bad.any():
        position = int(np.flatnonzero(bad)[0])
        raise NumberProblem(position, message.format(v=repr(text.iloc[position])))
