"""Errors and warnings of :mod:`wijkwijs.opendata`, and how they say *where*.

Every reader raises :class:`InputFileError` (a :class:`ValueError`) for bad input. Its
message names the file, the place in it (line, row or record), the area code and the
column where that is known, and says what was expected, e.g.::

    kwb.csv, line 7 (code BU03630001), column 'AantalInwoners_5': expected a whole
    number >= 0, found '-5'

>>> err = InputFileError("expected a number, found 'abc'", path="kwb.csv", line=7,
...                      code="BU03630001", column="a_inw")
>>> str(err)
"kwb.csv, line 7 (code BU03630001), column 'a_inw': expected a number, found 'abc'"
>>> isinstance(err, ValueError)
True
"""

from __future__ import annotations

from pathlib import Path

import wijkwijs.opendata.messages  # noqa: F401  (registers the err.opendata.* messages)
from wijkwijs import i18n

__all__ = [
    "DownloadError",
    "InputFileError",
    "JoinWarning",
    "OfflineError",
    "UnmappedColumnsWarning",
    "describe_place",
]


def describe_place(path: str | Path | None = None, *, line: int | None = None,
                   row: int | None = None, record: str | None = None,
                   sheet: str | None = None, code: str | None = None,
                   column: str | None = None) -> str:
    """Return the place of a problem as text: ``"file, line 7 (code X), column 'c'"``.

    >>> describe_place("a.csv", row=3, sheet="Data", column="a_inw")
    "a.csv, sheet 'Data', row 3, column 'a_inw'"
    """
    parts: list[str] = []
    if path is not None:
        parts.append(Path(path).name if isinstance(path, Path) else str(path))
    if sheet is not None:
        parts.append(i18n.t("err.opendata.place.sheet", sheet=sheet))
    if line is not None:
        parts.append(i18n.t("err.opendata.place.line", line=line))
    if row is not None:
        parts.append(i18n.t("err.opendata.place.row", row=row))
    if record is not None:
        parts.append(i18n.t("err.opendata.place.record", record=record))
    text = ", ".join(parts)
    if code is not None:
        text += i18n.t("err.opendata.place.code", code=code)
    if column is not None:
        text += (", " if text else "") + i18n.t("err.opendata.place.column", column=column)
    return text


class InputFileError(ValueError):
    """Bad input in a data file: says where (file, line/row/record, code, column) and what."""

    def __init__(self, message: str, *, path: str | Path | None = None,
                 line: int | None = None, row: int | None = None, record: str | None = None,
                 sheet: str | None = None, code: str | None = None,
                 column: str | None = None) -> None:
        self.path = path
        self.line = line
        self.row = row
        self.record = record
        self.code = code
        self.column = column
        place = describe_place(path, line=line, row=row, record=record, sheet=sheet,
                               code=code, column=column)
        super().__init__(f"{place}: {message}" if place else message)


class UnmappedColumnsWarning(UserWarning):
    """A file has columns (keys) that the reader does not know; their values were not read."""


class JoinWarning(UserWarning):
    """Some codes of a geometry or a data table found no partner in the other."""


class OfflineError(ConnectionError):
    """CBS could not be reached; the message names the shipped and cached alternatives."""


class DownloadError(RuntimeError):
    """CBS answered, but not with the table asked for (e.g. an unknown table id)."""
