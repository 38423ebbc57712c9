"""Reading CBS *Kerncijfers wijken en buurten* (KWB) files, in any of their formats.

The KWB ("key figures of districts and neighbourhoods") is the CBS table with one row
per area of the Netherlands: the country, each *gemeente* (municipality), each *wijk*
(district, a group of buurten) and each *buurt* (neighbourhood, the smallest unit).
CBS publishes a new table every year (see :data:`KWB_TABLES`), and the files people
have come in four shapes, all read by :func:`read_kwb`:

1. a StatLine CSV written by R, with long labelled headers
   (``"Bevolking.Aantal.inwoners..aantal."``), the row number as first column;
2. an OData CSV: ``;``-separated, UTF-8 with a byte-order mark, values padded with
   spaces (``"    1035"``), keys such as ``AantalInwoners_5``;
3. OData JSON, ``{"value": [{...}, ...]}`` or ``{"value": {ID: {...}}}``;
4. the yearly download from the CBS website, ``kwb-YYYY.xlsx`` or ``kwb-YYYY.csv``
   (``;`` and decimal comma), with short variable codes such as ``gwb_code_10``,
   ``a_inw`` or ``p_wcorpw``.

Columns are recognised by their meaning (:mod:`wijkwijs.opendata.columns`), never by
their position or their year-specific suffix, so other KWB years read the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from wijkwijs.opendata.tables import load_table
from wijkwijs.opendata.tidy import build_frame

__all__ = ["KWB_TABLES", "read_kwb", "table_year"]

#: CBS table id of the KWB of each year (``Kerncijfers wijken en buurten YYYY``).
KWB_TABLES: dict[int, str] = {
    2013: "82339NED", 2014: "82931NED", 2015: "83220NED", 2016: "83487NED",
    2017: "83765NED", 2018: "84286NED", 2019: "84583NED", 2020: "84799NED",
    2021: "85039NED", 2022: "85318NED", 2023: "85618NED", 2024: "85984NED",
}
_TABLE_ID = re.compile(r"(\d{5}NED)", re.IGNORECASE)
_YEARLY_NAME = re.compile(r"kwb[-_](\d{4})", re.IGNORECASE)


def table_year(table_id: str) -> int | None:
    """The KWB year of a CBS table id, or ``None`` if it is not a known KWB table.

    >>> table_year("84583NED"), table_year("83739NED")
    (2019, None)
    """
    years = {v.upper(): k for k, v in KWB_TABLES.items()}
    return years.get(table_id.upper())


def read_kwb(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    """Read a KWB file (any of the four formats) into one tidy frame.

    Parameters
    ----------
    path
        The file: ``.csv`` (``,`` or ``;``, decimal point or comma), ``.xlsx`` or
        ``.json``. The format is recognised from the content.
    sheet
        For a workbook, the sheet (name or 0-based number); the first by default.

    Returns
    -------
    pandas.DataFrame
        One row per area, with the columns ``code`` (spaces stripped), ``level``
        (``land``, ``gemeente``, ``wijk`` or ``buurt``), ``name``, ``gemeente_code`` and
        ``gemeente_name``, then every canonical variable the file has (see
        :data:`wijkwijs.opendata.columns.VARIABLES`; e.g. ``inhabitants``,
        ``households``, ``pct_low_income_households``, ``pct_social_rent``,
        ``avg_income_per_inhabitant`` in thousands of euros). Values are kept as CBS
        published them: percentages stay percentages. Suppressed and missing values
        (``.``, blank, ``NA``) and CBS sentinels (``-99999999``) are ``NaN``, never 0.

        ``frame.attrs`` records the provenance: ``source`` (the file), ``format``,
        ``source_columns`` (canonical name -> the file's column), ``unmapped_columns``
        (CBS columns recognised but not read), ``unknown_columns`` (not recognised:
        also reported with a :class:`~wijkwijs.opendata.UnmappedColumnsWarning`),
        ``suppressed`` (missing cells per column), ``sentinels``, ``decimal``,
        ``delimiter``, ``encoding``, and ``table_id`` and ``year`` when the file name
        gives them (``..._84583NED...`` or ``kwb-2019.xlsx``).

    Raises
    ------
    ValueError
        (:class:`~wijkwijs.opendata.InputFileError`) for bad input, saying where (file,
        line, row or record, code, column) and what was expected: an empty file, a
        header without rows, no code column, text in a numeric column, a negative
        count, a percentage over 100, a duplicated code, a truncated line, truncated
        JSON, a binary file, mixed decimal marks, a level that contradicts the code.

    Examples
    --------
    An OData CSV as CBS writes it (``;``, values padded with spaces, ``.`` suppressed):

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "kwb_84583NED.csv"
    >>> _ = path.write_text(
    ...     '\\ufeff"ID";"WijkenEnBuurten";"SoortRegio_2";"Codering_3";'
    ...     '"AantalInwoners_5";"HuishoudensTotaal_28";"HuishoudensMetEenLaagInkomen_78"\\n'
    ...     '"1";"GM0363    ";"Gemeente  ";"GM0363    ";"  862965";"  470223";"    12.8"\\n'
    ...     '"2";"BU03630000";"Buurt     ";"BU03630000";"    1035";"     755";"       ."\\n',
    ...     encoding="utf-8")
    >>> kwb = read_kwb(path)
    >>> kwb[["code", "level", "inhabitants", "pct_low_income_households"]]
             code     level  inhabitants  pct_low_income_households
    0      GM0363  gemeente     862965.0                       12.8
    1  BU03630000     buurt       1035.0                        NaN
    >>> kwb.attrs["source_columns"]["pct_low_income_households"]
    'HuishoudensMetEenLaagInkomen_78'
    >>> kwb.attrs["format"], kwb.attrs["year"]
    ('odata_csv', 2019)
    """
    path = Path(path)
    frame = build_frame(load_table(path, sheet=sheet))
    found = _TABLE_ID.search(path.name)
    if found:
        frame.attrs["table_id"] = found.group(1).upper()
        year = table_year(found.group(1))
        if year is not None:
            frame.attrs["year"] = year
    else:
        yearly = _YEARLY_NAME.search(path.name)
        if yearly:
            frame.attrs["year"] = int(yearly.group(1))
            if int(yearly.group(1)) in KWB_TABLES:
                frame.attrs["table_id"] = KWB_TABLES[int(yearly.group(1))]
    return frame
