"""Reading a data file into a raw table of text cells, remembering where each row was.

This is the first step of every reader in :mod:`wijkwijs.opendata`: it finds out what
kind of file it has been given (CSV, Excel, JSON; or something else, which it refuses
with a clear message), decodes it, splits it into rows and checks that every row has as
many fields as the header. Nothing is interpreted yet: every cell stays as it was in the
file, so that the next step can say exactly which cell was wrong.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> path = folder / "mini.csv"
>>> _ = path.write_text("code;a_inw\\nBU03630000;1035\\n", encoding="utf-8")
>>> table = load_table(path)
>>> table.headers, table.column("a_inw"), table.delimiter
(['code', 'a_inw'], ['1035'], ';')
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wijkwijs import i18n
from wijkwijs.opendata.errors import InputFileError

__all__ = ["RawTable", "load_table", "read_file_bytes"]

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old Excel .xls (and other MS Office binaries)
_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass
class RawTable:
    """A table as read from a file: text cells per column, and where each row came from.

    ``places[i]`` is the line number (CSV), the sheet row number (Excel) or the record
    key (JSON) of data row ``i``; ``place_kind`` says which.
    """

    path: Path
    headers: list[str]
    columns: dict[str, Sequence[Any]]
    places: list[Any]
    place_kind: str
    container: str
    delimiter: str | None = None
    encoding: str | None = None
    sheet: str | None = None
    record_keys: dict[str, list[Any]] = field(default_factory=dict)

    @property
    def n_rows(self) -> int:
        return len(self.places)

    def column(self, header: str) -> list[Any]:
        return list(self.columns[header])

    def prefetch(self, headers: Sequence[str]) -> None:
        """Parse these columns now, in one pass, where the table parses lazily."""
        if isinstance(self.columns, LazyColumns):
            self.columns.load(headers)

    def error(self, message: str, row: int | None = None, *, code: str | None = None,
              column: str | None = None) -> InputFileError:
        """An :class:`InputFileError` for data row ``row`` (0-based) of this table."""
        place: dict[str, Any] = {}
        if row is not None:
            place[self.place_kind] = self.places[row]
        return InputFileError(message, path=self.path, sheet=self.sheet, code=code,
                              column=column, **place)


def read_file_bytes(path: str | Path) -> bytes:
    """Return the bytes of ``path``; refuse a missing, a directory or an empty file."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(i18n.t("err.opendata.no_such_file", path=path))
    if path.is_dir():
        raise InputFileError(i18n.t("err.opendata.is_folder"), path=path)
    data = path.read_bytes()
    if not data.strip():
        raise InputFileError(i18n.t("err.opendata.empty"), path=path)
    return data


def load_table(path: str | Path, *, sheet: str | int | None = None) -> RawTable:
    """Read ``path`` (CSV, Excel ``.xlsx`` or OData JSON) into a :class:`RawTable`."""
    path = Path(path)
    data = read_file_bytes(path)
    suffix = path.suffix.lower()
    if data.startswith(_ZIP_MAGIC) or suffix in (".xlsx", ".xlsm"):
        return _load_excel(path, data, sheet)
    if data.startswith(_OLE_MAGIC) or suffix == ".xls":
        raise InputFileError(i18n.t("err.opendata.old_xls"), path=path)
    if data.startswith(_SQLITE_MAGIC) or suffix == ".gpkg":
        raise InputFileError(i18n.t("err.opendata.is_geopackage"), path=path)
    text, encoding = _decode(path, data)
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")) or suffix in (".json", ".geojson"):
        return _load_json(path, text, encoding)
    return _load_delimited(path, text, encoding)


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    head = data[:65536]
    if b"\x00" in head:
        raise InputFileError(i18n.t("err.opendata.nul_bytes"), path=path)
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError as err:
            raise InputFileError(i18n.t("err.opendata.encoding", byte=err.start),
                                 path=path) from None
    controls = sum(1 for ch in text[:65536] if ch < " " and ch not in "\t\r\n")
    if controls > 0.01 * min(len(text), 65536):
        raise InputFileError(i18n.t("err.opendata.control_chars"), path=path)
    return text, encoding


def _sniff_delimiter(header_line: str) -> str:
    counts = {sep: 0 for sep in (";", ",", "\t")}
    quoted = False
    for ch in header_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


class LazyColumns(dict):
    """Columns of a large unquoted CSV, parsed (with pandas' C reader) when first asked for.

    ``load(headers)`` parses several at once; ``columns[header]`` parses one.
    """

    def __init__(self, text: str, delimiter: str, header: list[str], n_rows: int) -> None:
        super().__init__()
        self._text, self._delimiter, self._n_rows = text, delimiter, n_rows
        self._position = {name: i for i, name in enumerate(header)}

    def __missing__(self, key: str) -> Sequence[str]:
        self.load([key])
        return dict.__getitem__(self, key)

    def __contains__(self, key: object) -> bool:
        return key in self._position

    def load(self, headers: Sequence[str]) -> None:
        wanted = sorted({self._position[h] for h in headers if not dict.__contains__(self, h)})
        if not wanted:
            return
        import pandas as pd

        frame = pd.read_csv(io.StringIO(self._text), sep=self._delimiter, header=0,
                            usecols=wanted, dtype=str, keep_default_na=False, na_filter=False,
                            quoting=csv.QUOTE_NONE, skip_blank_lines=True, engine="c")
        if len(frame) != self._n_rows:  # pragma: no cover - the line check rules this out
            raise RuntimeError("CSV rows changed between the line check and the parse")
        names = {i: name for name, i in self._position.items()}
        for k, position in enumerate(wanted):
            dict.__setitem__(self, names[position], frame.iloc[:, k].tolist())


def _load_unquoted(path: Path, text: str, encoding: str, delimiter: str) -> RawTable | None:
    """A CSV without quotes: check each line's field count, parse columns lazily."""
    header: list[str] | None = None
    places: list[int] = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line:
            continue
        if not line.strip():
            return None  # a line of spaces: let the csv module decide
        if header is None:
            header, header_line = [h.strip() for h in line.split(delimiter)], number
            continue
        fields = line.count(delimiter) + 1
        if fields != len(header):
            raise InputFileError(_field_count(fields, len(header), header_line),
                                 path=path, line=number)
        places.append(number)
    if header is None:
        raise InputFileError(i18n.t("err.opendata.empty"), path=path)
    _check_headers(path, header)
    if not places:
        raise InputFileError(i18n.t("err.opendata.no_rows"), path=path)
    columns = LazyColumns(text, delimiter, header, len(places))
    return RawTable(path, header, columns, places, "line", "csv", delimiter=delimiter,
                    encoding=encoding)


def _load_delimited(path: Path, text: str, encoding: str) -> RawTable:
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = _sniff_delimiter(first_line)
    if '"' not in text:
        table = _load_unquoted(path, text, encoding, delimiter)
        if table is not None:
            return table
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    places: list[int] = []
    header: list[str] | None = None
    try:
        for fields in reader:
            if not fields or (len(fields) == 1 and not fields[0].strip()):
                continue  # blank line
            if header is None:
                header = [h.strip() for h in fields]
                header_line = reader.line_num
                continue
            if len(fields) != len(header):
                raise InputFileError(_field_count(len(fields), len(header), header_line),
                                     path=path, line=reader.line_num)
            rows.append(fields)
            places.append(reader.line_num)
    except csv.Error as err:
        raise InputFileError(i18n.t("err.opendata.bad_csv", detail=err), path=path,
                             line=reader.line_num) from None
    if header is None:
        raise InputFileError(i18n.t("err.opendata.empty"), path=path)
    _check_headers(path, header)
    if not rows:
        raise InputFileError(i18n.t("err.opendata.no_rows"), path=path)
    columns = dict(zip(header, zip(*rows, strict=True), strict=True))
    return RawTable(path, header, columns, places, "line", "csv", delimiter=delimiter,
                    encoding=encoding)


def _field_count(fields: int, columns: int, header_line: int) -> str:
    """The message for a line with the wrong number of fields."""
    if fields < columns:
        return i18n.t("err.opendata.fields_fewer", fields=fields, columns=columns,
                      header_line=header_line)
    return i18n.t("err.opendata.fields_more", fields=fields, columns=columns,
                  header_line=header_line)


def _check_headers(path: Path, header: Sequence[str]) -> None:
    seen: dict[str, int] = {}
    for position, name in enumerate(header, start=1):
        if name in seen and name not in ("",):
            raise InputFileError(i18n.t("err.opendata.column_twice", name=name,
                                        first=seen[name], second=position), path=path)
        seen[name] = position


def _load_json(path: Path, text: str, encoding: str) -> RawTable:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputFileError(i18n.t("err.opendata.bad_json", detail=err.msg,
                                    column=err.colno), path=path, line=err.lineno) from None
    if isinstance(document, dict):
        if "value" not in document:
            raise InputFileError(i18n.t("err.opendata.json_no_value"), path=path)
        document = document["value"]
    if isinstance(document, dict):
        keyed = [(str(key), record) for key, record in document.items()]
    elif isinstance(document, list):
        keyed = [(str(i), record) for i, record in enumerate(document, start=1)]
    else:
        raise InputFileError(i18n.t("err.opendata.json_value_kind"), path=path)
    if not keyed:
        raise InputFileError(i18n.t("err.opendata.no_records"), path=path)
    headers: list[str] = []
    known: set[str] = set()
    record_keys: dict[str, list[Any]] = {}
    for key, record in keyed:
        if not isinstance(record, dict):
            raise InputFileError(i18n.t("err.opendata.json_record", record=repr(record),
                                        kind=type(record).__name__), path=path, record=key)
        for name in record:
            if name not in known:
                known.add(name)
                headers.append(name)
            record_keys.setdefault(name, []).append(key)
    columns = {name: [record.get(name) for _, record in keyed] for name in headers}
    places = [key for key, _ in keyed]
    return RawTable(path, headers, columns, places, "record", "json", encoding=encoding,
                    record_keys=record_keys)


def _excel_cell(value: Any) -> Any:
    if value is None:
        return ""
    return value


def _load_excel(path: Path, data: bytes, sheet: str | int | None) -> RawTable:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        raise InputFileError(i18n.t("err.opendata.needs_openpyxl"), path=path) from None
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as err:
        raise InputFileError(i18n.t("err.opendata.bad_xlsx", detail=err),
                             path=path) from None
    try:
        if sheet is None:
            worksheet = workbook.worksheets[0]
        elif isinstance(sheet, int):
            worksheet = workbook.worksheets[sheet]
        else:
            if sheet not in workbook.sheetnames:
                raise InputFileError(i18n.t("err.opendata.no_sheet", sheet=sheet,
                                            sheets=", ".join(workbook.sheetnames)),
                                     path=path)
            worksheet = workbook[sheet]
        header: list[str] | None = None
        rows: list[tuple[Any, ...]] = []
        places: list[int] = []
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            cells = tuple(_excel_cell(v) for v in values)
            if not any(str(c).strip() for c in cells):
                continue
            if header is None:
                header = [str(c).strip() for c in cells]
                while header and not header[-1]:
                    header.pop()
                continue
            extra = [c for c in cells[len(header):] if str(c).strip()]
            if extra:
                raise InputFileError(i18n.t("err.opendata.beyond_header", columns=len(header)),
                                     path=path, sheet=worksheet.title, row=number)
            cells = cells[:len(header)] + ("",) * (len(header) - len(cells))
            rows.append(cells)
            places.append(number)
        title = worksheet.title
    finally:
        workbook.close()
    if header is None:
        raise InputFileError(i18n.t("err.opendata.empty_workbook"), path=path, sheet=title)
    _check_headers(path, header)
    if not rows:
        raise InputFileError(i18n.t("err.opendata.no_rows"), path=path, sheet=title)
    columns = dict(zip(header, zip(*rows, strict=True), strict=True))
    return RawTable(path, header, columns, places, "row", "xlsx", sheet=title)
