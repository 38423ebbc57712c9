"""Reading a user's own neighbourhood file (CSV or Excel) with Dutch conventions.

Residents and civil servants often keep their own table of buurten: a spreadsheet from
the municipality, a CSV exported with ``;`` and decimal commas. :func:`read_neighbourhood_file`
reads it with the same checks as :func:`~wijkwijs.opendata.read_kwb` and gives the
columns it recognises their canonical names (also plain names such as ``buurtcode``,
``inwoners``, ``huishoudens``, ``woningen``); every other column is kept as it is,
as numbers where all its cells are numbers.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from wijkwijs.opendata.tables import load_table
from wijkwijs.opendata.tidy import build_frame

__all__ = ["read_neighbourhood_file"]


def read_neighbourhood_file(path: str | Path, *, sheet: str | int | None = None
                            ) -> pd.DataFrame:
    """Read your own neighbourhood table into a tidy frame.

    Parameters
    ----------
    path
        A CSV (``;`` or ``,``; decimal comma or point) or ``.xlsx`` file with one row per
        area and a code column (``code``, ``buurtcode``, ``wijkcode``, ``gwb_code_10``,
        ...). The codes need not be CBS codes; when they are, ``level`` and
        ``gemeente_code`` follow from them.
    sheet
        For a workbook, the sheet (name or 0-based number); the first by default.

    Returns
    -------
    pandas.DataFrame
        ``code``, ``level``, ``name``, ``gemeente_code``, ``gemeente_name``, the
        recognised canonical variables (checked: counts whole and >= 0, percentages
        0-100), then your other columns under their own names. ``attrs`` as in
        :func:`~wijkwijs.opendata.read_kwb`.

    Raises
    ------
    ValueError
        For bad input, saying where (file, line or row, code, column) and what was
        expected.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "mijn_buurten.csv"
    >>> _ = path.write_text("Buurtcode;Buurt;Inwoners;Huishoudens;Groen (ha)\\n"
    ...                     "BU03630000;Kop Zeedijk;1035;755;0,4\\n"
    ...                     "BU03630001;Oude Kerk e.o.;815;560;1,25\\n", encoding="utf-8")
    >>> own = read_neighbourhood_file(path)
    >>> own[["code", "name", "inhabitants", "households", "Groen (ha)"]]
             code            name  inhabitants  households  Groen (ha)
    0  BU03630000     Kop Zeedijk       1035.0       755.0        0.40
    1  BU03630001  Oude Kerk e.o.        815.0       560.0        1.25
    """
    return build_frame(load_table(path, sheet=sheet), aliases=True, keep_unknown=True,
                       strict_codes=False)
