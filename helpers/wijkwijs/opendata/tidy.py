"""From a raw table to one tidy frame with canonical English columns, checked cell by cell.

Used by :func:`wijkwijs.opendata.read_kwb` (strict: CBS codes only, unknown columns
reported and left out) and :func:`wijkwijs.opendata.read_neighbourhood_file` (lenient
about codes, keeps a user's own columns).

>>> import tempfile, pathlib
>>> from wijkwijs.opendata.tables import load_table
>>> path = pathlib.Path(tempfile.mkdtemp()) / "mini.csv"
>>> _ = path.write_text("gwb_code_10;regio;a_inw;p_wcorpw\\nGM0363;Amsterdam;862965;41\\n"
...                     "BU03630000;Kop Zeedijk;1035;.\\n", encoding="utf-8")
>>> frame = build_frame(load_table(path))
>>> frame[["code", "level", "gemeente_code", "inhabitants", "pct_social_rent"]]
         code     level gemeente_code  inhabitants  pct_social_rent
0      GM0363  gemeente        GM0363     862965.0             41.0
1  BU03630000     buurt        GM0363       1035.0              NaN
>>> frame.attrs["source_columns"]["pct_social_rent"], frame.attrs["format"]
('p_wcorpw', 'kwb_download_csv')
"""

from __future__ import annotations

import re
import warnings
from typing import Any

import numpy as np
import pandas as pd

from wijkwijs import i18n
from wijkwijs.opendata.columns import ID_COLUMNS, VARIABLES, identify, odata_stem, variable
from wijkwijs.opendata.errors import UnmappedColumnsWarning, describe_place
from wijkwijs.opendata.tables import RawTable
from wijkwijs.opendata.values import NumberProblem, parse_numbers, strip_text

__all__ = ["CODE_PATTERN", "LEVEL_OF_PREFIX", "build_frame", "gemeente_of", "level_of"]

#: A CBS area code: NL00, GM + 4 digits, WK + 6 digits, BU + 8 digits.
CODE_PATTERN = re.compile(r"^(NL\d{2}|GM\d{4}|WK\d{6}|BU\d{8})$")
LEVEL_OF_PREFIX = {"NL": "land", "GM": "gemeente", "WK": "wijk", "BU": "buurt"}
_LEVEL_WORDS = {"land": "land", "l": "land", "nederland": "land", "gemeente": "gemeente",
                "g": "gemeente", "wijk": "wijk", "w": "wijk", "buurt": "buurt", "b": "buurt"}
_ODATA_REGION_KEY = "wijkenenbuurten"


def level_of(code: str | None) -> str | None:
    """The level of a CBS code from its prefix (``None`` for a code that is not CBS's).

    >>> level_of("WK036300"), level_of("Oost")
    ('wijk', None)
    """
    if code is None or not CODE_PATTERN.match(code):
        return None
    return LEVEL_OF_PREFIX[code[:2]]


def gemeente_of(code: str | None) -> str | None:
    """The municipality code (``GM`` + 4 digits) of a CBS gemeente, wijk or buurt code.

    >>> gemeente_of("BU05990110"), gemeente_of("NL00")
    ('GM0599', None)
    """
    level = level_of(code)
    if level is None or level == "land":
        return None
    return "GM" + code[2:6]  # type: ignore[index]


def _looks_like_codes(values: list[str | None]) -> bool:
    present = [v for v in values if v is not None]
    return bool(present) and all(CODE_PATTERN.match(v) for v in present)


def _code_candidates(raw: RawTable, matches: dict[str, Any]) -> list[str]:
    """Headers that may hold the area code, best first."""
    code = variable("code")
    order = [s.lower() for s in code.odata] + list(code.codes) + ["code"]

    def rank(header: str) -> int:
        for i, key in enumerate(order):
            if header.lower() == key or odata_stem(header).lower() == key:
                return i
        return len(order)

    found = sorted((h for h, m in matches.items() if m.variable == "code"), key=rank)
    region = [h for h in raw.headers if odata_stem(h).lower() == _ODATA_REGION_KEY]
    return found + region


def _choose_code(raw: RawTable, matches: dict[str, Any], strict: bool) -> tuple[str, list]:
    candidates = _code_candidates(raw, matches)
    if not candidates:
        shown = ", ".join(repr(h) for h in raw.headers[:12])
        more = (i18n.t("err.opendata.and_more", n=len(raw.headers) - 12)
                if len(raw.headers) > 12 else "")
        raise raw.error(i18n.t("err.opendata.no_code_column", found=shown, more=more))
    stripped = {h: strip_text(raw.columns[h]) for h in candidates}
    chosen = next((h for h in candidates if _looks_like_codes(stripped[h])), candidates[0])
    codes = stripped[chosen]
    for i, value in enumerate(codes):
        if value is None:
            raise raw.error(i18n.t("err.opendata.no_code_example"), i, column=chosen)
        if strict and not CODE_PATTERN.match(value):
            raise raw.error(i18n.t("err.opendata.not_cbs_code", value=value), i,
                            column=chosen)
    seen: dict[str, int] = {}
    for i, value in enumerate(codes):
        if value in seen:
            first = describe_place(**{raw.place_kind: raw.places[seen[value]]})
            raise raw.error(i18n.t("err.opendata.code_twice_also", value=value, first=first),
                            i, code=value, column=chosen)
        seen[value] = i
    return chosen, codes


def _levels(raw: RawTable, header: str | None, codes: list[str]) -> list[str | None]:
    from_codes = [level_of(c) for c in codes]
    if header is None:
        return from_codes
    out: list[str | None] = []
    for i, (text, derived) in enumerate(zip(strip_text(raw.columns[header]), from_codes,
                                            strict=True)):
        if text is None:
            out.append(derived)
            continue
        level = _LEVEL_WORDS.get(text.lower())
        if level is None:
            raise raw.error(i18n.t("err.opendata.bad_level", value=text), i, code=codes[i],
                            column=header)
        if derived is not None and level != derived:
            raise raw.error(i18n.t("err.opendata.level_contradicts", value=text,
                                   code=codes[i], level=derived), i, code=codes[i],
                            column=header)
        out.append(level)
    return out


def _style(chosen: str, matches: dict[str, Any]) -> str:
    stem = odata_stem(chosen).lower()
    if stem in ("codering", _ODATA_REGION_KEY):
        return "odata"
    if chosen.lower() in variable("code").codes:
        return "kwb_download"
    if chosen.lower() == "code":
        return "canonical"
    if identify(chosen).variable == "code":
        return "statline"
    return "own"


def _is_row_numbers(values: Any) -> bool:
    text = strip_text(values)
    return all(t is not None and t.isdigit() for t in text)


def build_frame(raw: RawTable, *, aliases: bool = False, keep_unknown: bool = False,
                strict_codes: bool = True) -> pd.DataFrame:
    """Map, parse and check ``raw``; return the tidy frame (see :func:`read_kwb`)."""
    matches = {h: identify(h, aliases=aliases) for h in raw.headers}
    raw.prefetch([h for h, m in matches.items() if m.status in ("variable", "index")
                  or odata_stem(h).lower() == _ODATA_REGION_KEY
                  or (keep_unknown and m.status != "variable")])
    chosen, codes = _choose_code(raw, matches, strict_codes)
    used = {chosen}
    by_variable: dict[str, str] = {"code": chosen}
    for header, match in matches.items():
        if match.status != "variable" or match.variable == "code" or header in used:
            continue
        if match.variable in by_variable:
            raise raw.error(i18n.t("err.opendata.same_meaning",
                                   first=by_variable[match.variable], second=header,
                                   meaning=match.variable), column=header)
        by_variable[match.variable] = header
        used.add(header)
    region = next((h for h in raw.headers if odata_stem(h).lower() == _ODATA_REGION_KEY
                   and h not in used), None)
    if "name" not in by_variable and region is not None:
        names = strip_text(raw.columns[region])
        if not _looks_like_codes(names):
            by_variable["name"] = region
            used.add(region)

    frame = pd.DataFrame({"code": codes})
    frame["level"] = _levels(raw, by_variable.get("level"), codes)
    name_header = by_variable.get("name")
    frame["name"] = strip_text(raw.columns[name_header]) if name_header else None
    frame["gemeente_code"] = [gemeente_of(c) for c in codes]
    if "gemeente_code" in by_variable:
        given = strip_text(raw.columns[by_variable["gemeente_code"]])
        for i, (g, d) in enumerate(zip(given, frame["gemeente_code"], strict=True)):
            if g is not None and d is not None and g != d:
                raise raw.error(i18n.t("err.opendata.gemeente_mismatch", given=g, derived=d),
                                i, code=codes[i], column=by_variable["gemeente_code"])
    gm_header = by_variable.get("gemeente_name")
    frame["gemeente_name"] = strip_text(raw.columns[gm_header]) if gm_header else None

    suppressed: dict[str, int] = {}
    sentinels: dict[str, int] = {}
    decimals: dict[str, str] = {}
    for var in VARIABLES:
        header = by_variable.get(var.name)
        if header is None:
            continue
        frame[var.name], report = _parse(raw, header, var.kind, codes)
        suppressed[var.name] = report.suppressed
        if report.sentinels:
            sentinels[var.name] = report.sentinels
        if report.decimal:
            decimals[header] = report.decimal
    if raw.container == "csv" and len(set(decimals.values())) > 1:
        comma = next(h for h, d in decimals.items() if d == ",")
        point = next(h for h, d in decimals.items() if d == ".")
        raise raw.error(i18n.t("err.opendata.mixed_marks_file", comma=comma, point=point))

    unmapped, unknown, index_columns = [], [], []
    for header, match in matches.items():
        if header in used:
            continue
        if match.status == "index" and _is_row_numbers(raw.columns[header]):
            index_columns.append(header)
        elif match.status == "known" or (match.status == "variable"):
            unmapped.append(header)
        else:
            unknown.append(header)
    if keep_unknown:
        for header in unknown + [h for h in unmapped if identify(h).variable is None]:
            frame[header] = _user_column(raw, header)
    elif unknown:
        _warn_unknown(raw, unknown, matches, codes)

    ids = [c.name for c in ID_COLUMNS]
    frame.attrs.update({
        "source": str(raw.path),
        "format": f"{_style(chosen, matches)}_{raw.container}",
        "source_columns": {k: by_variable[k] for k in ids + [v.name for v in VARIABLES]
                           if k in by_variable},
        "unmapped_columns": unmapped,
        "unknown_columns": unknown,
        "index_columns": index_columns,
        "suppressed": suppressed,
        "sentinels": sentinels,
        "decimal": next(iter(set(decimals.values())), None) if decimals else None,
        "delimiter": raw.delimiter,
        "encoding": raw.encoding,
    })
    return frame


def _parse(raw: RawTable, header: str, kind: str, codes: list[str]) -> tuple[np.ndarray, Any]:
    try:
        return parse_numbers(raw.columns[header], kind=kind)
    except NumberProblem as problem:
        raise raw.error(problem.message, problem.position, code=codes[problem.position],
                        column=header) from None


def _user_column(raw: RawTable, header: str) -> Any:
    cells = raw.columns[header]
    try:
        return parse_numbers(cells, kind="any")[0]
    except NumberProblem as problem:
        text = strip_text(cells)
        present = [t for t in text if t is not None]
        numeric = pd.to_numeric(pd.Series(present, dtype=object).str.replace(",", "."),
                                errors="coerce").notna().sum()
        if present and numeric >= 0.9 * len(present):
            place = describe_place(**{raw.place_kind: raw.places[problem.position]})
            warnings.warn(i18n.t("err.opendata.warn_mostly_numbers", file=raw.path.name,
                                 column=header, place=place, value=text[problem.position],
                                 problem=problem.message),
                          UnmappedColumnsWarning, stacklevel=4)
        return text


def _warn_unknown(raw: RawTable, unknown: list[str], matches: dict[str, Any],
                  codes: list[str]) -> None:
    code_of = dict(zip(raw.places, codes, strict=True))
    described = []
    for header in unknown[:12]:
        text = repr(header)
        hint = matches[header].suggestion
        if hint:
            text += i18n.t("err.opendata.warn_did_you_mean", hint=hint)
        if raw.record_keys and len(raw.record_keys.get(header, ())) < raw.n_rows:
            keys = [code_of[k] for k in raw.record_keys[header]]
            text += i18n.t("err.opendata.warn_in_records", n=len(keys), total=raw.n_rows,
                           codes=", ".join(keys[:5]))
        described.append(text)
    more = i18n.t("err.opendata.and_more", n=len(unknown) - 12) if len(unknown) > 12 else ""
    warnings.warn(i18n.t("err.opendata.warn_unknown_columns", file=raw.path.name,
                         n=len(unknown), described="; ".join(described), more=more),
                  UnmappedColumnsWarning, stacklevel=4)
