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

import wijkwijs.opendata.messages  # noqa: F401  (registers the err.opendata.* messages)
from wijkwijs import i18n

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


def _as_text(values: Sequence[Any]) -> list[str]:
    kinds = set(map(type, values))
    if kinds <= {str}:
        return [v.strip() for v in values]
    return ["" if v is None else (repr(v) if isinstance(v, float) else str(v)).strip()
            for v in values]


def _first(cells: list[str], mark: str, skip: set[int]) -> int | None:
    return next((i for i, c in enumerate(cells) if mark in c and i not in skip), None)


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
    kinds = set(map(type, values))
    if bool in kinds:
        position = next(i for i, v in enumerate(values) if isinstance(v, bool))
        raise NumberProblem(position, i18n.t("err.opendata.number",
                                              value=repr(values[position])))
    text = list(values) if kinds <= {str} else _as_text(values)
    joined = "\x1f".join(text)
    cells = [c.replace(",", ".") for c in text] if "," in joined else text
    numbers = pd.to_numeric(np.array(cells, dtype=object), errors="coerce").astype(float)
    missing = np.zeros(len(text), dtype=bool)
    for i in np.flatnonzero(np.isnan(numbers)).tolist():
        if text[i].strip() in MISSING_TOKENS:
            missing[i] = True
        else:
            raise NumberProblem(i, i18n.t("err.opendata.number", value=repr(text[i].strip())))
    infinite = np.isinf(numbers)
    if infinite.any():
        i = int(np.flatnonzero(infinite)[0])
        raise NumberProblem(i, i18n.t("err.opendata.number", value=repr(text[i].strip())))
    decimal = None
    dots = joined.count(".") - sum(text[i].count(".") for i in np.flatnonzero(missing).tolist())
    if "," in joined:
        decimal = ","
        if dots:
            skip = set(np.flatnonzero(missing).tolist())
            comma, point = _first(text, ",", skip) or 0, _first(text, ".", skip) or 0
            raise NumberProblem(max(comma, point), i18n.t(
                "err.opendata.mixed_marks_column", comma=repr(text[comma].strip()),
                point=repr(text[point].strip())))
    elif dots:
        decimal = "."
    out = numbers
    out[missing] = np.nan
    sentinel = out <= SENTINEL_LIMIT
    out[sentinel] = np.nan
    _check_kind(out, kind, text)
    return out, ParseReport(int(missing.sum()), int(sentinel.sum()), decimal)


def _check_kind(out: np.ndarray, kind: str, text: list[str]) -> None:
    checks = {
        "count": (lambda x: x < 0, lambda v: i18n.t("err.opendata.count", value=v)),
        "percent": (lambda x: (x < 0) | (x > 100),
                    lambda v: i18n.t("err.opendata.percent", value=v)),
        "amount": (lambda x: x < 0, lambda v: i18n.t("err.opendata.amount", value=v)),
        "any": (lambda x: np.zeros_like(x, dtype=bool), str),
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
                raise NumberProblem(position, i18n.t("err.opendata.whole",
                                                     value=repr(text[position].strip())))
    if bad.any():
        position = int(np.flatnonzero(bad)[0])
        raise NumberProblem(position, message(repr(text[position].strip())))
