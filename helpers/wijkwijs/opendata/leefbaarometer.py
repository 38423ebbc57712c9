"""Reading Leefbaarometer 3.0 area exports: liveability scores per buurt, wijk or gemeente.

The Leefbaarometer ("liveability barometer") of the Dutch Ministry of the Interior
estimates how liveable an area is from about 100 indicators. Its area exports have one
row per area and year with the total score ``lbm``, its deviation from the national
mean ``afw``, and the contributions of five dimensions: ``fys`` (physical environment),
``onv`` (nuisance and safety, *overlast en onveiligheid*), ``soc`` (social cohesion),
``vrz`` (amenities, *voorzieningen*) and ``won`` (housing stock, *woningvoorraad*);
some exports add the class 1-9 (``kscore``, from "very insufficient" to "excellent").
The dimension scores are deviations from the national mean, so they can be negative.

Sources: Leidelmeijer, K., Mandemakers, J. et al. (2022), *Leefbaarometer 3.0:
Instrumentontwikkeling*, Ministerie van BZK.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from wijkwijs import i18n
from wijkwijs.opendata.errors import JoinWarning, UnmappedColumnsWarning
from wijkwijs.opendata.tables import RawTable, load_table
from wijkwijs.opendata.tidy import level_of
from wijkwijs.opendata.values import NumberProblem, parse_numbers, strip_text

__all__ = ["LEEFBAAROMETER_COLUMNS", "join_leefbaarometer", "read_leefbaarometer"]

#: canonical column -> (the names it has in exports, kind of value)
LEEFBAAROMETER_COLUMNS: dict[str, tuple[tuple[str, ...], str]] = {
    "code": (("bu_code", "wk_code", "gm_code", "gwb_code", "gwb_code_10", "code",
              "gebiedscode", "pc4", "postcode"), "text"),
    "name": (("bu_naam", "wk_naam", "gm_naam", "naam", "name", "regio", "gebiedsnaam"),
             "text"),
    "year": (("jaar", "year"), "year"),
    "score": (("lbm", "score"), "amount"),
    "deviation": (("afw", "deviation"), "any"),
    "physical_environment": (("fys", "physical_environment"), "any"),
    "nuisance_and_safety": (("onv", "nuisance_and_safety"), "any"),
    "social_cohesion": (("soc", "social_cohesion"), "any"),
    "amenities": (("vrz", "amenities"), "any"),
    "housing_stock": (("won", "housing_stock"), "any"),
    "class": (("kscore", "klasse", "lbm_klasse", "class"), "class"),
}
_NUMERIC_ORDER = ("year", "score", "deviation", "physical_environment", "nuisance_and_safety",
                  "social_cohesion", "amenities", "housing_stock", "class")


def _match(raw: RawTable) -> dict[str, str]:
    found: dict[str, str] = {}
    for header in raw.headers:
        key = header.strip().lower()
        for name, (aliases, _) in LEEFBAAROMETER_COLUMNS.items():
            if key in aliases:
                if name in found:
                    raise raw.error(i18n.t("err.opendata.same_meaning", first=found[name],
                                           second=header, meaning=name), column=header)
                found[name] = header
    return found


def _numbers(raw: RawTable, header: str, kind: str, codes: list[str]) -> np.ndarray:
    parse_kind = "any" if kind in ("year", "class") else kind
    try:
        values, _ = parse_numbers(raw.columns[header], kind=parse_kind)
    except NumberProblem as problem:
        raise raw.error(problem.message, problem.position, code=codes[problem.position],
                        column=header) from None
    limits = {"year": (1990, 2100), "class": (1, 9)}
    if kind in limits:
        low, high = limits[kind]
        bad = ~np.isnan(values) & ((values < low) | (values > high)
                                   | (values != np.round(values)))
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            message = (i18n.t("err.opendata.lbm_year", value=values[i]) if kind == "year"
                       else i18n.t("err.opendata.lbm_class", value=values[i]))
            raise raw.error(message, i, code=codes[i], column=header)
    return values


def read_leefbaarometer(path: str | Path, *, sheet: str | int | None = None) -> pd.DataFrame:
    """Read a Leefbaarometer 3.0 area export (CSV or ``.xlsx``) into a tidy frame.

    Parameters
    ----------
    path
        The export: one row per area (and year), with ``bu_code``/``wk_code``/``gm_code``
        (or ``code``), optionally a name and ``jaar``, and the scores ``lbm``, ``afw``,
        ``fys``, ``onv``, ``soc``, ``vrz``, ``won`` and perhaps ``kscore``.
    sheet
        For a workbook, the sheet (name or 0-based number); the first by default.

    Returns
    -------
    pandas.DataFrame
        Columns ``code`` (stripped), ``level`` (from a CBS code's prefix, else ``None``),
        ``name``, then those of ``year``, ``score``, ``deviation``,
        ``physical_environment``, ``nuisance_and_safety``, ``social_cohesion``,
        ``amenities``, ``housing_stock`` and ``class`` that the file has. Missing
        values are ``NaN``. ``attrs`` holds ``source``, ``source_columns`` and
        ``unknown_columns``.

    Raises
    ------
    ValueError
        For bad input, saying where: no code column, text in a score, a year or class
        out of range, the same area twice in one year.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "lbm.csv"
    >>> _ = path.write_text("wk_code,wk_naam,jaar,lbm,afw,fys,onv,soc,vrz,won\\n"
    ...     "WK036201,Randwijck,2020,4.31,0.21,0.001,0.054,0.0004,0.188,-0.035\\n",
    ...     encoding="utf-8")
    >>> lbm = read_leefbaarometer(path)
    >>> lbm[["code", "level", "year", "score", "housing_stock"]]
           code level    year  score  housing_stock
    0  WK036201  wijk  2020.0   4.31         -0.035
    """
    raw = load_table(path, sheet=sheet)
    found = _match(raw)
    if "code" not in found:
        raise raw.error(i18n.t("err.opendata.lbm_no_code_column",
                               expected=", ".join(LEEFBAAROMETER_COLUMNS["code"][0]),
                               found=", ".join(repr(h) for h in raw.headers)))
    codes = strip_text(raw.columns[found["code"]])
    for i, code in enumerate(codes):
        if code is None:
            raise raw.error(i18n.t("err.opendata.no_code"), i, column=found["code"])
    frame = pd.DataFrame({"code": codes})
    frame["level"] = [level_of(c) for c in codes]
    frame["name"] = strip_text(raw.columns[found["name"]]) if "name" in found else None
    for name in _NUMERIC_ORDER:
        if name in found:
            kind = LEEFBAAROMETER_COLUMNS[name][1]
            frame[name] = _numbers(raw, found[name], kind, codes)  # type: ignore[arg-type]
    keys = ["code", "year"] if "year" in frame else ["code"]
    duplicated = frame.duplicated(keys, keep="first").to_numpy()
    if duplicated.any():
        i = int(np.flatnonzero(duplicated)[0])
        message = (i18n.t("err.opendata.lbm_twice_year", code=codes[i],
                          year=frame["year"].iloc[i]) if "year" in frame
                   else i18n.t("err.opendata.lbm_twice_file", code=codes[i]))
        raise raw.error(message, i, code=codes[i], column=found["code"])
    used = set(found.values())
    unknown = [h for h in raw.headers if h not in used
               and not (h.strip() in ("", "Unnamed: 0") or h.strip().isdigit())]
    if unknown:
        warnings.warn(i18n.t("err.opendata.lbm_warn_unknown", file=raw.path.name,
                             columns=", ".join(repr(h) for h in unknown)),
                      UnmappedColumnsWarning, stacklevel=2)
    frame.attrs.update({"source": str(raw.path), "format": f"leefbaarometer_{raw.container}",
                        "source_columns": dict(found), "unknown_columns": unknown})
    return frame


def join_leefbaarometer(lbm: pd.DataFrame, frame: pd.DataFrame, *, year: int | None = None
                        ) -> pd.DataFrame:
    """Put the Leefbaarometer scores of one year next to a table of the same areas.

    Parameters
    ----------
    lbm
        From :func:`read_leefbaarometer`.
    frame
        A table with a ``code`` column: a KWB frame (:func:`~wijkwijs.opendata.read_kwb`),
        buurt counts, or any table of the same areas.
    year
        The Leefbaarometer year to use; needed when the export has several.

    Returns
    -------
    pandas.DataFrame
        The rows of ``frame`` whose code is in the export (an inner join), with the
        export's scores added (``score``, ``deviation``, the dimensions, ``class``;
        a column ``frame`` already has gets the suffix ``_lbm``). ``attrs`` has
        ``year``, ``unmatched_lbm`` (codes only in the export) and ``unmatched_data``
        (codes of the same level only in ``frame``); a
        :class:`~wijkwijs.opendata.JoinWarning` names them when there are any.

    Examples
    --------
    >>> lbm = pd.DataFrame({"code": ["BU1", "BU2"], "year": [2022.0, 2022.0],
    ...                     "score": [4.1, 3.9]})
    >>> data = pd.DataFrame({"code": ["BU1", "BU2"], "pct_social_rent": [60.0, 20.0]})
    >>> join_leefbaarometer(lbm, data)[["code", "pct_social_rent", "score"]]
      code  pct_social_rent  score
    0  BU1             60.0    4.1
    1  BU2             20.0    3.9
    """
    for name, table in (("lbm", lbm), ("frame", frame)):
        if not isinstance(table, pd.DataFrame) or "code" not in table.columns:
            raise ValueError(i18n.t("err.opendata.lbm_needs_code", name=name))
    scores = lbm
    if "year" in lbm.columns:
        years = sorted(int(y) for y in lbm["year"].dropna().unique())
        if year is None:
            if len(years) > 1:
                raise ValueError(i18n.t("err.opendata.lbm_which_year",
                                        years=", ".join(map(str, years))))
            year = years[0] if years else None
        elif int(year) not in years:
            raise ValueError(i18n.t("err.opendata.lbm_no_year", year=year,
                                    years=", ".join(map(str, years))))
        if year is not None:
            scores = lbm[lbm["year"] == year]
    columns = [c for c in scores.columns if c not in ("level", "name", "year")]
    scores = scores[columns].copy()
    scores.attrs = {}
    data = frame.copy()
    data.attrs = {}
    joined = data.merge(scores, on="code", how="inner", suffixes=("", "_lbm"),
                        validate="one_to_one")
    levels = set(scores["code"].map(level_of).dropna())
    compared = data[data["code"].map(level_of).isin(levels)] if levels else data
    unmatched_lbm = sorted(set(scores["code"]) - set(data["code"]))
    unmatched_data = sorted(set(compared["code"]) - set(scores["code"]))
    joined.attrs = dict(frame.attrs) | {"year": year, "unmatched_lbm": unmatched_lbm,
                                        "unmatched_data": unmatched_data}
    if unmatched_lbm or unmatched_data:
        warnings.warn(i18n.t("err.opendata.lbm_warn_join", n_lbm=len(unmatched_lbm),
                             lbm=", ".join(unmatched_lbm[:5]), n_data=len(unmatched_data),
                             data=", ".join(unmatched_data[:5])), JoinWarning, stacklevel=2)
    return joined.reset_index(drop=True)
