"""The measures of chapters 1 and 2 on real buurten, read right.

A KWB file gives *shares* (``pct_low_income_households`` = 12.8 means 12.8 %), while the
segregation indices of :mod:`wijkwijs.segregation` need *counts* per unit. This module
turns one into the other and says what it left out:

* :func:`group_counts` — counts per area: share / 100 × the base the share is a
  percentage *of* (households for household shares, dwellings for the tenure shares:
  :data:`BASE_OF_SHARE`); areas without a base or whose value CBS withheld are left out
  and listed in ``attrs["left_out"]``;
* :func:`withheld_values` / :func:`withheld_summary` — which areas have no value, and a
  reason read from the file itself (no inhabitants, smaller than every area with a
  value, or not explained by size);
* :func:`quality_check` — do the buurten add up to the municipality?
* :func:`segregation_table` — D, isolation and Theil's H per share;
  :func:`inequality_between` — Gini and Theil of an area average (e.g. income per
  inhabitant) between buurten; :func:`measure_overview` — all of them for one file;
* :func:`change_table` / :func:`change_in_shares` — two years, on the same buurten only;
* :func:`scale_table` — buurten, buurten added up to wijken, and CBS's own wijk figures.

Every function takes the frame that :func:`~wijkwijs.opendata.read_kwb` (or
:func:`~wijkwijs.opendata.shipped`, :func:`~wijkwijs.opendata.read_neighbourhood_file`)
returns. A measure that the file cannot support (a subset without household counts, as
the shipped Rotterdam file) raises a ``ValueError`` that says which column is missing;
the tables show ``NaN`` and the reason instead.

>>> from wijkwijs import opendata
>>> haag = opendata.shipped("den_haag", 2019)
>>> low = group_counts(haag, "pct_low_income_households")
>>> len(low), len(low.attrs["left_out"])
(106, 8)
>>> round(float(segregation_table(haag).set_index("share").loc[
...     "pct_low_income_households", "dissimilarity"]), 3)
0.281
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from wijkwijs import inequality, segregation
from wijkwijs._validate import check_choice
from wijkwijs.i18n import register, t
from wijkwijs.opendata.columns import VARIABLES

__all__ = ["BASE_OF_SHARE", "COUNT_COLUMNS", "DEFAULT_SHARES", "LEVELS", "areas",
           "change_in_shares", "change_table", "group_counts", "inequality_between",
           "left_out", "measure_overview", "quality_check", "scale_table", "segregation_table",
           "wijk_of", "withheld_summary", "withheld_values"]

#: The levels of a KWB file below the country.
LEVELS: tuple[str, ...] = ("buurt", "wijk", "gemeente")
#: What each percentage is a percentage *of*: the count that turns it into a count.
BASE_OF_SHARE: dict[str, str] = {
    "pct_low_income_households": "households",
    "pct_bottom40_income_households": "households",
    "pct_top20_income_households": "households",
    "pct_social_minimum_households": "households",
    "pct_social_rent": "dwellings",
    "pct_owner_occupied": "dwellings",
    "pct_rented": "dwellings",
    "pct_other_landlords": "dwellings",
    "pct_single_family": "dwellings",
    "pct_multi_family": "dwellings",
}
#: The two shares chapter 2 follows: low-income households and social-rent dwellings.
DEFAULT_SHARES: tuple[str, ...] = ("pct_low_income_households", "pct_social_rent")
#: Counts whose buurten should add up to the municipality.
COUNT_COLUMNS: tuple[str, ...] = ("inhabitants", "households", "dwellings")

register({
    "opendata.reason.no_inhabitants": {
        "en": "nobody lives here", "nl": "hier woont niemand"},
    "opendata.reason.no_base": {
        "en": "no {base}", "nl": "geen {base}"},
    "opendata.reason.small": {
        "en": "small: fewer {base} than every area with a value",
        "nl": "klein: minder {base} dan elk gebied met een waarde"},
    "opendata.reason.no_size": {
        "en": "withheld; the file has no counts to tell why",
        "nl": "niet gepubliceerd; het bestand heeft geen aantallen om te zien waarom"},
    "opendata.reason.not_size": {
        "en": "withheld, not explained by size (see CBS's table explanation)",
        "nl": "niet gepubliceerd, niet door de omvang verklaard (zie de toelichting van CBS)"},
    "opendata.base.households": {"en": "households", "nl": "huishoudens"},
    "opendata.base.dwellings": {"en": "dwellings", "nl": "woningen"},
    "opendata.base.inhabitants": {"en": "inhabitants", "nl": "inwoners"},
    "opendata.note.missing_column": {
        "en": "not computable: the file has no column {column!r}",
        "nl": "niet te berekenen: het bestand heeft geen kolom {column!r}"},
    "opendata.note.no_values": {
        "en": "not computable: no area has a value",
        "nl": "niet te berekenen: geen enkel gebied heeft een waarde"},
    "err.opendata.m_not_frame": {
        "en": "kwb must be a DataFrame from read_kwb() or shipped(); got {got}.",
        "nl": "kwb moet een DataFrame uit read_kwb() of shipped() zijn; je gaf {got}."},
    "err.opendata.m_no_id_column": {
        "en": "kwb has no {column!r} column; read the file with wijkwijs.opendata.read_kwb() "
              "first.",
        "nl": "kwb heeft geen kolom {column!r}; lees het bestand eerst met "
              "wijkwijs.opendata.read_kwb()."},
    "err.opendata.m_the_file_named": {"en": "the file {name}", "nl": "het bestand {name}"},
    "err.opendata.m_the_file": {"en": "the file", "nl": "het bestand"},
    "err.opendata.m_none": {"en": "none", "nl": "geen"},
    "err.opendata.m_no_levels": {"en": "no levels", "nl": "geen niveaus"},
    "err.opendata.m_requires": {
        "en": "{file} has no {column!r} column, and {why} needs it; its columns are "
              "{present}.",
        "nl": "{file} heeft geen kolom {column!r}, en die is nodig voor {why}; de kolommen "
              "zijn: {present}."},
    "err.opendata.m_why_counts": {"en": "the counts of {share!r}",
                                  "nl": "de aantallen van {share!r}"},
    "err.opendata.m_why_turning": {"en": "turning {share!r} into counts",
                                   "nl": "het omrekenen van {share!r} naar aantallen"},
    "err.opendata.m_why_withheld": {"en": "looking for withheld values",
                                    "nl": "het zoeken naar niet-gepubliceerde waarden"},
    "err.opendata.m_why_inequality": {"en": "inequality between areas",
                                      "nl": "de ongelijkheid tussen gebieden"},
    "err.opendata.m_why_weighting": {"en": "weighting {column!r}",
                                     "nl": "het wegen van {column!r}"},
    "err.opendata.m_no_level": {
        "en": "{file} has no rows of level {level!r}; it has {found}.",
        "nl": "{file} heeft geen rijen van niveau {level!r}; wel: {found}."},
    "err.opendata.m_not_percent": {
        "en": "share {share!r} is not a percentage column; choose one of {options}.",
        "nl": "share {share!r} is geen kolom met percentages; kies uit {options}."},
    "err.opendata.m_which_base": {
        "en": "say what {share!r} is a percentage of: base='households', 'dwellings' or "
              "'inhabitants'.",
        "nl": "zeg waarvan {share!r} een percentage is: base='households', 'dwellings' of "
              "'inhabitants'."},
    "err.opendata.m_not_counts": {
        "en": "counts must come from group_counts(); it has no attrs['left_out'].",
        "nl": "counts moet uit group_counts() komen; het heeft geen attrs['left_out']."},
    "err.opendata.m_no_counts": {
        "en": "{file} has none of the counts {counts}; the quality check adds them up.",
        "nl": "{file} heeft geen van de aantallen {counts}; de kwaliteitscontrole telt ze "
              "op."},
    "err.opendata.m_gemeente_rows": {
        "en": "{file} has {n} municipality rows; the quality check needs one (read one "
              "municipality at a time).",
        "nl": "{file} heeft {n} rijen voor een gemeente; de kwaliteitscontrole heeft er één "
              "nodig (lees één gemeente tegelijk)."},
    "err.opendata.m_too_few": {
        "en": "{file} has fewer than two {level} values of {column!r}; inequality between "
              "areas needs more.",
        "nl": "{file} heeft minder dan twee waarden van {column!r} op niveau {level}; voor "
              "ongelijkheid tussen gebieden zijn er meer nodig."},
    "opendata.scale.buurt": {"en": "buurten", "nl": "buurten"},
    "opendata.scale.wijk_summed": {"en": "wijken (buurten added up)",
                                   "nl": "wijken (buurten opgeteld)"},
    "opendata.scale.wijk_cbs": {"en": "wijken (CBS's wijk figures)",
                                "nl": "wijken (cijfers van CBS per wijk)"},
})

_PERCENT_COLUMNS = {v.name for v in VARIABLES if v.kind == "percent"}


# --------------------------------------------------------------------------
# areas and counts
# --------------------------------------------------------------------------

def _check_frame(kwb: Any) -> pd.DataFrame:
    if not isinstance(kwb, pd.DataFrame):
        raise ValueError(t("err.opendata.m_not_frame", got=type(kwb).__name__))
    for column in ("code", "level"):
        if column not in kwb.columns:
            raise ValueError(t("err.opendata.m_no_id_column", column=column))
    return kwb


def _describe(kwb: pd.DataFrame) -> str:
    source = kwb.attrs.get("source")
    return (t("err.opendata.m_the_file_named", name=Path(str(source)).name) if source
            else t("err.opendata.m_the_file"))


def _require(kwb: pd.DataFrame, column: str, why: str) -> None:
    if column not in kwb.columns:
        present = [v.name for v in VARIABLES if v.name in kwb.columns]
        raise ValueError(t("err.opendata.m_requires", file=_describe(kwb), column=column,
                           why=why, present=", ".join(present) or t("err.opendata.m_none")))


def wijk_of(code: str | None) -> str | None:
    """The wijk code of a CBS buurt code (``BU03630001`` -> ``WK036300``), else ``None``.

    >>> wijk_of("BU05990110"), wijk_of("WK059901"), wijk_of(None)
    ('WK059901', None, None)
    """
    if isinstance(code, str) and len(code) == 10 and code.startswith("BU"):
        return "WK" + code[2:8]
    return None


def areas(kwb: pd.DataFrame, level: str = "buurt") -> pd.DataFrame:
    """The rows of one level (``"buurt"``, ``"wijk"`` or ``"gemeente"``), with ``wijk_code``.

    >>> from wijkwijs import opendata
    >>> b = areas(opendata.shipped("amsterdam", 2019))
    >>> len(b), b.wijk_code.iloc[0]
    (479, 'WK036300')
    """
    part = _areas(kwb, level)
    part.attrs = dict(kwb.attrs)
    return part


def _plain(kwb: pd.DataFrame) -> pd.DataFrame:
    """A shallow copy without ``attrs``: pandas deep-copies ``attrs`` on every selection,
    which costs more than the selections themselves on a frame of a few hundred rows."""
    plain = _check_frame(kwb).copy(deep=False)
    plain.attrs = {}
    return plain


def _areas(kwb: pd.DataFrame, level: str) -> pd.DataFrame:
    check_choice(level, LEVELS, "level")
    plain = _plain(kwb)
    part = plain[plain["level"] == level].copy()
    if part.empty:
        found = ", ".join(sorted(str(v) for v in plain["level"].dropna().unique()))
        raise ValueError(t("err.opendata.m_no_level", file=_describe(kwb), level=level,
                           found=found or t("err.opendata.m_no_levels")))
    code = part["code"].astype(str)
    is_buurt = code.str.len().eq(10) & code.str.startswith("BU")
    part["wijk_code"] = ("WK" + code.str[2:8]).where(is_buurt, None)  # as wijk_of, at once
    return part.reset_index(drop=True)


def _base(share: str, base: str | None) -> str:
    if share not in _PERCENT_COLUMNS:
        raise ValueError(t("err.opendata.m_not_percent", share=share,
                           options=", ".join(sorted(BASE_OF_SHARE))))
    if base is not None:
        return check_choice(base, COUNT_COLUMNS, "base")
    if share not in BASE_OF_SHARE:
        raise ValueError(t("err.opendata.m_which_base", share=share))
    return BASE_OF_SHARE[share]


def group_counts(kwb: pd.DataFrame, share: str, *, level: str = "buurt",
                 base: str | None = None) -> pd.DataFrame:
    """Counts of a group per area: ``count = share / 100 × base``.

    Parameters
    ----------
    kwb
        A KWB frame (:func:`~wijkwijs.opendata.read_kwb`).
    share
        A percentage column, e.g. ``"pct_low_income_households"``.
    level
        ``"buurt"`` (default), ``"wijk"`` or ``"gemeente"``.
    base
        The count the share is a percentage of; by default :data:`BASE_OF_SHARE`
        (households for the income shares, dwellings for the tenure shares). The low-
        income share of CBS is, strictly, a share of the households with an observed
        income; multiplying by all households is the usual approximation.

    Returns
    -------
    pandas.DataFrame
        ``code``, ``name``, ``wijk_code``, ``share`` (in %), ``total`` (the base) and
        ``count``, for every area with a base above 0 and a value. ``attrs["left_out"]``
        lists the others (``code``, ``name``, ``total``, ``reason``); ``attrs`` also
        has ``share`` and ``base``. (The list is a list of records; :func:`left_out`
        makes it a table.)

    Raises
    ------
    ValueError
        If the file has no ``share`` or ``base`` column (say, a subset without household
        counts), or no row of ``level``.

    Examples
    --------
    >>> from wijkwijs import opendata
    >>> counts = group_counts(opendata.shipped("amsterdam", 2017),
    ...                       "pct_low_income_households")
    >>> len(counts), len(counts.attrs["left_out"])
    (378, 101)
    >>> row = counts.iloc[0]
    >>> bool(row["count"] == row["share"] / 100 * row["total"])
    True
    """
    base = _base(share, base)
    kwb = _check_frame(kwb)
    _require(kwb, share, t("err.opendata.m_why_counts", share=share))
    _require(kwb, base, t("err.opendata.m_why_turning", share=share))
    part = _areas(kwb, level)
    total = part[base].to_numpy(dtype=float)
    value = part[share].to_numpy(dtype=float)
    keep = (total > 0) & ~np.isnan(value)
    out = pd.DataFrame({"code": part["code"], "name": part["name"],
                        "wijk_code": part["wijk_code"], "share": value, "total": total,
                        "count": value / 100 * total})[keep].reset_index(drop=True)
    withheld = withheld_values(kwb, [share], level=level, base=base)
    left = withheld[["code", "name", "total", "reason"]].copy() if len(withheld) else \
        pd.DataFrame(columns=["code", "name", "total", "reason"])
    zero = part[(~keep) & ~np.isnan(value)]
    if len(zero):
        extra = pd.DataFrame({"code": zero["code"], "name": zero["name"],
                              "total": zero[base].to_numpy(dtype=float),
                              "reason": _reason("no_base", base)})
        left = pd.concat([left, extra], ignore_index=True) if len(left) else extra
    out.attrs = {"share": share, "base": base, "level": level,
                 "left_out": left.reset_index(drop=True).to_dict("records"),
                 "attribution": kwb.attrs.get("attribution")}
    return out


def left_out(counts: pd.DataFrame) -> pd.DataFrame:
    """The areas that :func:`group_counts` left out, as a table (code, name, total, reason).

    >>> from wijkwijs import opendata
    >>> left = left_out(group_counts(opendata.shipped("den_haag", 2019), "pct_social_rent"))
    >>> left.columns.tolist(), len(left)
    (['code', 'name', 'total', 'reason'], 5)
    """
    if "left_out" not in getattr(counts, "attrs", {}):
        raise ValueError(t("err.opendata.m_not_counts"))
    return pd.DataFrame(counts.attrs["left_out"], columns=["code", "name", "total", "reason"])


# --------------------------------------------------------------------------
# withheld values
# --------------------------------------------------------------------------

def withheld_values(kwb: pd.DataFrame, columns: Sequence[str] | None = None, *,
                    level: str = "buurt", base: str | None = None) -> pd.DataFrame:
    """Every area without a value, per column, with a reason read from the file.

    CBS leaves a value out (a ``.`` on StatLine) when it is unknown, not reliable
    enough or secret — for small numbers of people, to protect their privacy. The
    exact rules differ per variable and year (see the table explanation, the
    *toelichting*, on StatLine); a file does not say which rule applied. So the reason
    here is read from the file itself:

    * ``"nobody lives here"`` — no inhabitants; ``"no dwellings"`` (or households) —
      the base of the share is 0, e.g. a hospital or a business park;
    * ``"small"`` — fewer households (or dwellings: the base of the share, see
      :data:`BASE_OF_SHARE`) than *every* area that has a value;
    * ``"not explained by size"`` — larger than some area with a value: another rule
      applied, to be found out.

    Parameters
    ----------
    kwb
        A KWB frame.
    columns
        The columns to look at; by default every percentage and income column the
        file has.
    level
        ``"buurt"`` (default), ``"wijk"`` or ``"gemeente"``.
    base
        The size to compare; by default the base of each share (households for
        columns that are not shares).

    Returns
    -------
    pandas.DataFrame
        One row per area and column: ``code``, ``name``, ``column``, ``base``,
        ``total`` (its size), ``smallest_with_value`` (the smallest area of that
        column that has a value), ``reason`` (in the current language) and
        ``reason_key`` (``no_inhabitants``, ``no_base``, ``small``, ``not_size``, or
        ``no_size`` when the file has no counts at all).

    Examples
    --------
    >>> from wijkwijs import opendata
    >>> w = withheld_values(opendata.shipped("den_haag", 2019), ["pct_social_rent"])
    >>> w.reason_key.value_counts().sort_index().to_dict()
    {'no_inhabitants': 3, 'small': 2}
    """
    kwb = _check_frame(kwb)
    part = _areas(kwb, level)
    if columns is None:
        columns = [c for c in part.columns if c in _PERCENT_COLUMNS
                   or c.startswith("avg_income")]
    parts: list[pd.DataFrame] = []
    for column in columns:
        _require(kwb, column, t("err.opendata.m_why_withheld"))
        size = base or BASE_OF_SHARE.get(column, "households")
        if size not in part.columns:
            size = next((c for c in COUNT_COLUMNS if c in part.columns), None)
        missing = part[column].isna().to_numpy()
        if size is None:
            sizes = np.full(len(part), np.nan)
            smallest = np.nan
        else:
            sizes = part[size].to_numpy(dtype=float)
            published = sizes[~missing & ~np.isnan(sizes)]
            smallest = float(published.min()) if published.size else np.nan
        nobody = (part["inhabitants"].to_numpy(dtype=float) == 0 if "inhabitants" in part
                  else np.zeros(len(part), dtype=bool))
        with np.errstate(invalid="ignore"):
            small = ~np.isnan(sizes) & (sizes < smallest)
        keys = np.select([nobody, np.full(len(part), size is None), sizes == 0, small],
                         ["no_inhabitants", "no_size", "no_base", "small"], "not_size")
        where = np.flatnonzero(missing)
        parts.append(pd.DataFrame({
            "code": part["code"].to_numpy()[where], "name": part["name"].to_numpy()[where],
            "column": column, "base": size, "total": sizes[where],
            "smallest_with_value": smallest, "reason_key": keys[where]}))
    columns_out = ["code", "name", "column", "base", "total", "smallest_with_value",
                   "reason_key"]
    parts = [frame for frame in parts if len(frame)]
    frame = (pd.concat(parts, ignore_index=True) if parts
             else pd.DataFrame(columns=columns_out))[columns_out]
    texts = {(k, b): _reason(k, b) for k, b in
             set(zip(frame["reason_key"], frame["base"], strict=True))}
    frame.insert(6, "reason", [texts[(k, b)] for k, b in
                               zip(frame["reason_key"], frame["base"], strict=True)])
    return frame


def _reason(key: str, base: str | None) -> str:
    if key in ("small", "no_base"):
        return t(f"opendata.reason.{key}", base=t(f"opendata.base.{base}") if base else "")
    return t(f"opendata.reason.{key}")


def withheld_summary(kwb: pd.DataFrame, columns: Sequence[str] | None = None, *,
                     level: str = "buurt") -> pd.DataFrame:
    """Per column: how many areas have no value, and why (see :func:`withheld_values`).

    Returns columns ``column``, ``areas``, ``withheld``, ``no_inhabitants``, ``no_base``,
    ``small``, ``not_size``, ``no_size``, ``base``, ``smallest_with_value`` and
    ``largest_withheld`` (the largest area without a value that has people and a base).

    >>> from wijkwijs import opendata
    >>> s = withheld_summary(opendata.shipped("amsterdam", 2019)).set_index("column")
    >>> int(s.loc["pct_low_income_households", "withheld"])
    92
    """
    kwb = _check_frame(kwb)
    part = _areas(kwb, level)
    detail = withheld_values(kwb, columns, level=level)
    if columns is None:
        columns = [c for c in part.columns if c in _PERCENT_COLUMNS
                   or c.startswith("avg_income")]
    rows = []
    for column in columns:
        mine = detail[detail["column"] == column]
        counts = mine["reason_key"].value_counts()
        lived_in = mine[~mine["reason_key"].isin(["no_inhabitants", "no_base"])]["total"]
        rows.append({"column": column, "areas": len(part), "withheld": len(mine),
                     "no_inhabitants": int(counts.get("no_inhabitants", 0)),
                     "no_base": int(counts.get("no_base", 0)),
                     "small": int(counts.get("small", 0)),
                     "not_size": int(counts.get("not_size", 0)),
                     "no_size": int(counts.get("no_size", 0)),
                     "base": mine["base"].iloc[0] if len(mine) else
                     BASE_OF_SHARE.get(column, "households"),
                     "smallest_with_value": mine["smallest_with_value"].iloc[0]
                     if len(mine) else np.nan,
                     "largest_withheld": float(lived_in.max()) if len(lived_in) else np.nan})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------
# quality check
# --------------------------------------------------------------------------

def quality_check(kwb: pd.DataFrame) -> pd.DataFrame:
    """Do the buurten (and the wijken) add up to the municipality?

    CBS rounds the counts of wijken and buurten (in the shipped files every count of
    inhabitants and households of a wijk or buurt is a multiple of 5; dwellings are not
    rounded), so the sums need not equal the municipal total exactly: a gap of a few
    tenths of a percent is normal. A large gap means areas are missing from the file.

    Returns
    -------
    pandas.DataFrame
        One row per count the file has (``inhabitants``, ``households``, ``dwellings``):
        ``gemeente`` (the municipal total), ``wijken`` and ``buurten`` (the sums),
        ``gap`` (buurten − gemeente), ``gap_pct`` (in % of the total),
        ``buurten_rounded_to_5`` (every buurt count a multiple of 5) and ``ok``
        (the gap within 1 %).

    Raises
    ------
    ValueError
        If the file has no municipality row, or none of the counts.

    Examples
    --------
    >>> from wijkwijs import opendata
    >>> q = quality_check(opendata.shipped("amsterdam", 2017)).set_index("count")
    >>> int(q.loc["inhabitants", "gemeente"]), int(q.loc["inhabitants", "buurten"])
    (844947, 843960)
    >>> int(q.loc["dwellings", "gap"]), bool(q.loc["inhabitants", "buurten_rounded_to_5"])
    (0, True)
    """
    kwb = _check_frame(kwb)
    present = [c for c in COUNT_COLUMNS if c in kwb.columns]
    if not present:
        raise ValueError(t("err.opendata.m_no_counts", file=_describe(kwb),
                           counts=", ".join(COUNT_COLUMNS)))
    gemeente = _areas(kwb, "gemeente")
    if len(gemeente) != 1:
        raise ValueError(t("err.opendata.m_gemeente_rows", file=_describe(kwb),
                           n=len(gemeente)))
    buurten = _areas(kwb, "buurt")
    plain = _plain(kwb)
    wijken = plain[plain["level"] == "wijk"]
    rows = []
    for count in present:
        total = float(gemeente[count].iloc[0])
        summed = float(buurten[count].sum())
        values = buurten[count].dropna().to_numpy(dtype=float)
        rows.append({"count": count, "gemeente": total,
                     "wijken": float(wijken[count].sum()) if len(wijken) else np.nan,
                     "buurten": summed, "gap": summed - total,
                     "gap_pct": 100 * (summed - total) / total if total else np.nan,
                     "buurten_rounded_to_5": bool(values.size and (values % 5 == 0).all()),
                     "ok": bool(total and abs(summed - total) <= 0.01 * total)})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------
# segregation and inequality
# --------------------------------------------------------------------------

_INDEX_COLUMNS = ("dissimilarity", "isolation", "entropy_index")


def _indices(counts: pd.DataFrame) -> dict[str, float]:
    x, total = counts["count"].to_numpy(), counts["total"].to_numpy()
    return {"dissimilarity": segregation.dissimilarity(x, total),
            "isolation": segregation.isolation(x, total),
            "entropy_index": segregation.entropy_index(x, total)}


def segregation_table(kwb: pd.DataFrame, shares: Sequence[str] = DEFAULT_SHARES, *,
                      level: str = "buurt") -> pd.DataFrame:
    """D, isolation and Theil's H of each share over the areas of one level.

    Each share is turned into counts by :func:`group_counts` and compared with the rest
    of its base (low-income households against all other households, corporation
    dwellings against all other dwellings). Areas without a value are left out.

    Returns
    -------
    pandas.DataFrame
        One row per share: ``share``, ``base``, ``units`` (areas used), ``left_out``,
        ``city_pct`` (the group's share over the units used, in %), ``dissimilarity``,
        ``isolation``, ``entropy_index`` and ``note`` (empty, or why the measure could
        not be computed from this file: then the indices are ``NaN``).

    Examples
    --------
    >>> from wijkwijs import opendata
    >>> table = segregation_table(opendata.shipped("amsterdam", 2019)).set_index("share")
    >>> table[["units", "left_out"]].astype(int).to_dict("index")
    {'pct_low_income_households': {'units': 387, 'left_out': 92}, \
'pct_social_rent': {'units': 409, 'left_out': 70}}
    >>> bool(table.loc["pct_social_rent", "note"] == "")
    True
    >>> rotterdam = segregation_table(opendata.shipped("rotterdam", 2017))
    >>> rotterdam.note.iloc[0]
    "not computable: the file has no column 'pct_low_income_households'"
    """
    kwb = _check_frame(kwb)
    rows = []
    for share in shares:
        base = _base(share, None)
        row: dict[str, Any] = {"share": share, "base": base, "units": 0, "left_out": np.nan,
                               "city_pct": np.nan, **dict.fromkeys(_INDEX_COLUMNS, np.nan),
                               "note": ""}
        missing = next((c for c in (share, base) if c not in kwb.columns), None)
        if missing is not None:
            row["note"] = t("opendata.note.missing_column", column=missing)
        else:
            counts = group_counts(kwb, share, level=level)
            row["left_out"] = len(counts.attrs["left_out"])
            counts.attrs = {}  # (pandas copies attrs on every selection)
            if len(counts) < 2 or counts["count"].sum() <= 0:
                row["note"] = t("opendata.note.no_values")
            else:
                row.update(units=len(counts),
                           city_pct=100 * counts["count"].sum() / counts["total"].sum(),
                           **_indices(counts))
        rows.append(row)
    return pd.DataFrame(rows)


def inequality_between(kwb: pd.DataFrame, column: str = "avg_income_per_inhabitant", *,
                       weight: str | None = "inhabitants", level: str = "buurt"
                       ) -> dict[str, float]:
    """Inequality *between* areas of an area average, e.g. income per inhabitant.

    Each buurt counts with its inhabitants (``weight``), as if everybody in it had the
    buurt's average: this measures only the inequality between buurten, not within them
    (which the Theil decomposition of chapter 1 would add). ``weight=None`` counts each
    area once.

    Returns
    -------
    dict
        ``units`` (areas with a value and a weight above 0), ``gini``, ``theil``
        (Theil's T) and ``ratio_top_bottom`` (the weighted mean of the top fifth of the
        areas over that of the bottom fifth, ranked by ``column``).

    Raises
    ------
    ValueError
        If the file has no ``column`` or ``weight`` column.

    Examples
    --------
    >>> from wijkwijs import opendata
    >>> result = inequality_between(opendata.shipped("den_haag", 2019))
    >>> result["units"], round(result["gini"], 3)
    (107, 0.187)
    """
    kwb = _check_frame(kwb)
    _require(kwb, column, t("err.opendata.m_why_inequality"))
    if weight is not None:
        _require(kwb, weight, t("err.opendata.m_why_weighting", column=column))
    part = _areas(kwb, level)
    values = part[column].to_numpy(dtype=float)
    weights = part[weight].to_numpy(dtype=float) if weight else np.ones(len(part))
    keep = ~np.isnan(values) & (weights > 0)
    x, w = values[keep], weights[keep]
    if x.size < 2:
        raise ValueError(t("err.opendata.m_too_few", file=_describe(kwb), level=level,
                           column=column))
    order = np.argsort(x)
    x_sorted, w_sorted = x[order], w[order]
    cumulative = np.cumsum(w_sorted) / w_sorted.sum()
    bottom, top = cumulative <= 0.2, cumulative > 0.8
    bottom[0] = top[-1] = True
    ratio = (np.average(x_sorted[top], weights=w_sorted[top])
             / np.average(x_sorted[bottom], weights=w_sorted[bottom]))
    return {"units": int(x.size), "gini": inequality.gini(x, w),
            "theil": inequality.theil(x, w), "ratio_top_bottom": float(ratio)}


def measure_overview(kwb: pd.DataFrame, *, level: str = "buurt") -> pd.DataFrame:
    """Every measure of chapters 1 and 2 that the file supports, as one long table.

    Rows ``measure`` (e.g. ``"dissimilarity"``), ``of`` (the share or column), ``value``
    and ``units``, and ``note`` saying why a measure is ``NaN``.

    >>> from wijkwijs import opendata
    >>> o = measure_overview(opendata.shipped("rotterdam", 2017))
    >>> o[o.measure == "gini"][["of", "note"]].to_numpy().tolist()
    [['avg_income_per_inhabitant', "not computable: the file has no column 'inhabitants'"]]
    """
    rows = []
    for row in segregation_table(kwb, level=level).to_dict("records"):
        for index in _INDEX_COLUMNS:
            rows.append({"measure": index, "of": row["share"], "value": row[index],
                         "units": row["units"], "note": row["note"]})
    column, weight = "avg_income_per_inhabitant", "inhabitants"
    missing = next((c for c in (column, weight) if c not in kwb.columns), None)
    if missing is None:
        between = inequality_between(kwb, column, weight=weight, level=level)
        for index in ("gini", "theil", "ratio_top_bottom"):
            rows.append({"measure": index, "of": column, "value": between[index],
                         "units": between["units"], "note": ""})
    else:
        note = t("opendata.note.missing_column", column=missing)
        for index in ("gini", "theil", "ratio_top_bottom"):
            rows.append({"measure": index, "of": column, "value": np.nan, "units": 0,
                         "note": note})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------
# change and scale
# --------------------------------------------------------------------------

def change_in_shares(before: pd.DataFrame, after: pd.DataFrame, share: str, *,
                     level: str = "buurt") -> pd.DataFrame:
    """The share in two files, for the areas that have a value in both.

    Areas are matched on their code: a buurt whose code changed (CBS re-draws
    buurten from time to time) or whose value is withheld in either year is left out,
    and listed in ``attrs["left_out"]`` (code -> the year(s) it lacks).

    Returns
    -------
    pandas.DataFrame
        ``code``, ``name``, ``share_before``, ``share_after``, ``change`` (percentage
        points), ``total_before``, ``total_after``, ``count_before``, ``count_after``.

    Examples
    --------
    >>> from wijkwijs import opendata
    >>> a17, a19 = opendata.shipped("amsterdam", 2017), opendata.shipped("amsterdam", 2019)
    >>> same = change_in_shares(a17, a19, "pct_low_income_households")
    >>> len(same)
    377
    """
    first = group_counts(before, share, level=level)
    second = group_counts(after, share, level=level)
    first.attrs, second.attrs = {}, {}
    joined = first.merge(second, on="code", suffixes=("_before", "_after"))
    out = pd.DataFrame({"code": joined["code"], "name": joined["name_after"],
                        "share_before": joined["share_before"],
                        "share_after": joined["share_after"],
                        "change": joined["share_after"] - joined["share_before"],
                        "total_before": joined["total_before"],
                        "total_after": joined["total_after"],
                        "count_before": joined["count_before"],
                        "count_after": joined["count_after"]})
    codes_before, codes_after = set(first["code"]), set(second["code"])
    left = {code: "before" for code in codes_before - codes_after}
    left |= {code: "after" for code in codes_after - codes_before}
    out.attrs = {"share": share, "left_out": dict(sorted(left.items())),
                 "years": (before.attrs.get("year"), after.attrs.get("year"))}
    return out


def change_table(before: pd.DataFrame, after: pd.DataFrame,
                 shares: Sequence[str] = DEFAULT_SHARES, *, level: str = "buurt"
                 ) -> pd.DataFrame:
    """D, isolation and H in two years, on the same areas, and on all areas of each year.

    Comparing two years over *all* their buurten mixes a change in the city with a
    change in which buurten CBS could publish. Over the same buurten (with a value in
    both years) only the city changes.

    Returns
    -------
    pandas.DataFrame
        One row per share, areas (``"same"`` or ``"all"``) and year: ``share``,
        ``areas``, ``year``, ``units``, ``city_pct`` and the three indices.

    Examples
    --------
    >>> from wijkwijs import opendata
    >>> a17, a19 = opendata.shipped("amsterdam", 2017), opendata.shipped("amsterdam", 2019)
    >>> table = change_table(a17, a19, ["pct_low_income_households"])
    >>> table[["areas", "year", "units"]].to_numpy().tolist()
    [['same', 2017, 377], ['same', 2019, 377], ['all', 2017, 378], ['all', 2019, 387]]
    """
    years = (before.attrs.get("year", "before"), after.attrs.get("year", "after"))
    rows = []
    for share in shares:
        same = change_in_shares(before, after, share, level=level)
        for year, side in zip(years, ("before", "after"), strict=True):
            counts = pd.DataFrame({"count": same[f"count_{side}"],
                                   "total": same[f"total_{side}"]})
            rows.append({"share": share, "areas": "same", "year": year,
                         "units": len(counts),
                         "city_pct": 100 * counts["count"].sum() / counts["total"].sum(),
                         **_indices(counts)})
        for year, kwb in zip(years, (before, after), strict=True):
            counts = group_counts(kwb, share, level=level)
            counts.attrs = {}
            rows.append({"share": share, "areas": "all", "year": year, "units": len(counts),
                         "city_pct": 100 * counts["count"].sum() / counts["total"].sum(),
                         **_indices(counts)})
    return pd.DataFrame(rows)


def scale_table(kwb: pd.DataFrame, shares: Sequence[str] = DEFAULT_SHARES) -> pd.DataFrame:
    """The same indices over buurten, over wijken made of those buurten, and over CBS's wijken.

    Adding the buurt counts up to their wijk (the wijk code is in the buurt code) keeps
    the same households and changes only the units: D can only fall (merging units
    hides the unevenness inside them, the *modifiable areal unit problem*). CBS's own
    wijk figures count every household of the wijk, also those of buurten whose value
    is withheld, so they differ a little.

    Returns
    -------
    pandas.DataFrame
        One row per share and scale (``"buurt"``, ``"wijk_summed"``, ``"wijk_cbs"``):
        ``share``, ``scale``, ``scale_label``, ``units`` and the three indices.

    Examples
    --------
    >>> from wijkwijs import opendata
    >>> table = scale_table(opendata.shipped("amsterdam", 2019), ["pct_social_rent"])
    >>> table[["scale", "units"]].to_numpy().tolist()
    [['buurt', 409], ['wijk_summed', 97], ['wijk_cbs', 98]]
    >>> d = table.set_index("scale").dissimilarity
    >>> bool(d["wijk_summed"] < d["buurt"])
    True
    """
    rows = []
    for share in shares:
        buurten = group_counts(kwb, share, level="buurt")
        buurten.attrs = {}
        summed = (buurten.dropna(subset=["wijk_code"]).groupby("wijk_code")[["count", "total"]]
                  .sum().reset_index())
        wijken = group_counts(kwb, share, level="wijk")
        wijken.attrs = {}
        for scale, counts in (("buurt", buurten), ("wijk_summed", summed),
                              ("wijk_cbs", wijken)):
            rows.append({"share": share, "scale": scale,
                         "scale_label": t(f"opendata.scale.{scale}"), "units": len(counts),
                         **_indices(counts)})
    return pd.DataFrame(rows)
