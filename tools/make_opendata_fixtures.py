"""Write the test fixtures of ``wijkwijs.opendata`` into ``tests/fixtures/opendata/``.

Usage::

    python tools/make_opendata_fixtures.py [--out tests/fixtures/opendata]

Every fixture is invented ("Voorbeeldstad", gemeente code GM0999) but written in the
exact shape of a real file: a StatLine CSV written by R, an OData CSV (``;``, BOM,
padded values), OData JSON in both shapes, the yearly ``kwb-YYYY`` download as CSV
(``;``, decimal comma) and ``.xlsx``, Leefbaarometer exports, a user's own file,
GeoJSON in WGS84 and RD New, a recorded OData v3 response for the download test, and a
corpus of broken files under ``bad/``. ``tests/test_opendata_fixtures.py`` checks that
the committed files are what this script writes.

The Voorbeeldstad numbers are chosen so that results can be checked by hand: the three
buurten with a published low-income share have 100, 200 and 300 households with 10 %,
25 % and 30 % low incomes (10, 50 and 90 households), so the dissimilarity over them is
2/15.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "opendata"
S = "."  # CBS: suppressed / not published

# code, level, name, inhabitants, households, dwellings, % owner-occupied,
# % corporation, income per inhabitant (x 1000 EUR), % low income, % top 20 %,
# % bottom 40 %, avg household size
TOWN: list[tuple[Any, ...]] = [
    ("NL00", "Land", "Nederland", 17282163, 7924691, 7814912, 57, 29, 27.1, 7.5, 20, 40,
     2.1),
    ("GM0999", "Gemeente", "Voorbeeldstad", 2350, 1000, 1060, 45, 38, 24.6, 21.4, 15.2,
     45.1, 2.3),
    ("WK099900", "Wijk", "Centrum", 630, 300, 315, 30, 47, 23.1, 20.0, 11.0, 50.3, 2.1),
    ("BU09990000", "Buurt", "Kop van de Haven", 210, 100, 110, 20, 60, 21.3, 10, 8, 55, 2.1),
    ("BU09990001", "Buurt", "Oude Markt", 420, 200, 205, 35, 40, 24.0, 25, 12.5, 48, 2.1),
    ("WK099901", "Wijk", "Noord", 1720, 700, 745, 62, 30, 25.9, 22.9, 18.0, 40.2, 2.5),
    ("BU09990100", "Buurt", "Vogelwijk", 690, 300, 320, 55, 30, 26.8, 30, 22, 35, 2.3),
    ("BU09990101", "Buurt", "Polderrand", 1030, 400, 425, 70, S, S, S, S, S, 2.6),
    ("BU09990102", "Buurt", "Haventerrein", 0, 0, 0, S, S, S, S, S, S, S),
]
#: canonical name -> (R label, OData name, 2019 suffix, other-year suffix, short code)
COLUMNS: list[tuple[str, str, str, int, int, str]] = [
    ("inhabitants", "Bevolking.Aantal.inwoners..aantal.", "AantalInwoners", 5, 5, "a_inw"),
    ("households", "Bevolking.Particuliere.huishoudens.Huishoudens.totaal..aantal.",
     "HuishoudensTotaal", 28, 31, "a_hh"),
    ("dwellings", "Wonen.Woningvoorraad..aantal.", "Woningvoorraad", 34, 37, "a_woning"),
    ("pct_owner_occupied", "Wonen.Woningen.naar.eigendom.Koopwoningen....", "Koopwoningen",
     40, 45, "p_koopw"),
    ("pct_social_rent",
     "Wonen.Woningen.naar.eigendom.Huurwoningen.In.bezit.woningcorporatie....",
     "InBezitWoningcorporatie", 42, 47, "p_wcorpw"),
    ("avg_income_per_inhabitant",
     "Inkomen.Inkomen.van.personen.Gemiddeld.inkomen.per.inwoner...x.1.000.euro.",
     "GemiddeldInkomenPerInwoner", 72, 78, "g_ink_pi"),
    ("pct_low_income_households",
     "Inkomen.Inkomen.van.huishoudens.Huishoudens.met.een.laag.inkomen....",
     "HuishoudensMetEenLaagInkomen", 78, 80, "p_hh_lkk"),
    ("pct_top20_income_households",
     "Inkomen.Inkomen.van.huishoudens.20..huishoudens.met.hoogste.inkomen....",
     "k_20HuishoudensMetHoogsteInkomen", 77, 79, "p_hh_hi"),
    ("pct_bottom40_income_households",
     "Inkomen.Inkomen.van.huishoudens.40..huishoudens.met.laagste.inkomen....",
     "k_40HuishoudensMetLaagsteInkomen", 76, 76, "p_hh_li"),
    ("avg_household_size",
     "Bevolking.Particuliere.huishoudens.Gemiddelde.huishoudensgrootte..aantal.",
     "GemiddeldeHuishoudensgrootte", 32, 33, "g_hhgro"),
]
#: columns that real files have and the reader recognises but does not read
EXTRA_R = ("Energie.Gemiddeld.elektriciteitsverbruik.Naar.woningtype.Appartement..kWh.",
           "2050")
EXTRA_ODATA = ("Appartement_48", "1920")


def pad(value: Any, width: int = 8) -> str:
    """A value as CBS's OData exports write it: right-aligned in a fixed width."""
    return str(value).rjust(width)


def comma(value: Any) -> str:
    return str(value).replace(".", ",")


def to_csv(rows: list[list[Any]], delimiter: str = ",", quote_all: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n",
                        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    return out.getvalue()


def gemeente_name(code: str) -> str:
    return "Nederland" if code == "NL00" else "Voorbeeldstad"


def statline_r() -> str:
    """StatLine CSV written by R: row number first, labelled headers, padded text."""
    header = ["", "Wijken.en.buurten", "Regioaanduiding.Gemeentenaam..naam.",
              "Regioaanduiding.Soort.regio..omschrijving.", "Regioaanduiding.Codering..code."]
    header += [c[1] for c in COLUMNS] + [EXTRA_R[0]]
    rows: list[list[Any]] = [header]
    for number, (code, level, name, *values) in enumerate(TOWN, start=1):
        cells = [str(number), name, gemeente_name(code).ljust(40), level.ljust(10),
                 code.ljust(10)]
        for value in values:
            cells.append(pad(value) if isinstance(value, float) or value == S else value)
        rows.append([*cells, pad(EXTRA_R[1])])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerows(rows)
    return out.getvalue()


def odata_rows(which: int) -> list[list[str]]:
    """OData keys with the suffixes of one year (``which`` 3 = 2019, 4 = another)."""
    header = ["ID", "WijkenEnBuurten", "Gemeentenaam_1", "SoortRegio_2", "Codering_3",
              "IndelingswijzigingWijkenEnBuurten_4"]
    header += [f"{c[2]}_{c[which]}" for c in COLUMNS] + [EXTRA_ODATA[0]]
    rows = [header]
    for number, (code, level, _, *values) in enumerate(TOWN, start=1):
        if code == "NL00":
            continue
        rows.append([str(number), code.ljust(10), gemeente_name(code).ljust(40),
                     level.ljust(10), code.ljust(10), "1", *[pad(v) for v in values],
                     pad(EXTRA_ODATA[1])])
    return rows


def odata_csv(which: int, reorder: bool = False) -> str:
    rows = odata_rows(which)
    if reorder:  # another year: the columns come in another order
        order = list(range(6)) + list(range(len(rows[0]) - 1, 5, -1))
        rows = [[row[i] for i in order] for row in rows]
    return "\ufeff" + to_csv(rows, delimiter=";", quote_all=True)


def odata_keyed_json() -> str:
    """{"value": {ID: {...}}} with padded strings and one mangled key (as in a real file)."""
    rows = odata_rows(3)
    header = rows[0]
    value: dict[str, dict[str, Any]] = {}
    for row in rows[1:]:
        record: dict[str, Any] = {"ID": int(row[0])}
        for key, cell in zip(header[1:], row[1:], strict=True):
            if key.startswith("Gemeentenaam") or key.startswith("Indeling"):
                continue
            record[key] = cell
        if record["WijkenEnBuurten"].strip() == "BU09990100":
            record["HuishoudensTotal_28"] = record.pop("HuishoudensTotaal_28")  # mangled
        value[str(1000 + int(row[0]))] = record
    return "\ufeff" + json.dumps({"value": value}, separators=(",", ":")) + "\n"


def typed_records() -> list[dict[str, Any]]:
    """Records as the OData v3 TypedDataSet has them: numbers typed, null for '.'."""
    records = []
    for number, (code, level, _, *values) in enumerate(TOWN, start=1):
        if code == "NL00":
            continue
        record: dict[str, Any] = {"ID": number, "WijkenEnBuurten": code.ljust(10),
                                  "Gemeentenaam_1": gemeente_name(code).ljust(40),
                                  "SoortRegio_2": level.ljust(10),
                                  "Codering_3": code.ljust(10)}
        for column, v in zip(COLUMNS, values, strict=True):
            record[f"{column[2]}_{column[3]}"] = None if v == S else v
        records.append(record)
    return records


def odata_list_json() -> str:
    """{"value": [...]} as cbsodata returns it: WijkenEnBuurten replaced by the title."""
    names = {code: name for code, _, name, *_ in TOWN}
    records = typed_records()
    for record in records:
        record["WijkenEnBuurten"] = names[record["Codering_3"].strip()]
    return json.dumps({"value": records}, indent=1) + "\n"


YEARLY = ["gwb_code_10", "gwb_code_8", "regio", "gm_naam", "recs", "gwb_code", "ind_wbi"]


def yearly_rows(early: bool = False, typed: bool = False) -> list[list[Any]]:
    """The kwb-YYYY download: short codes; ``early``: income columns all '.'."""
    header = YEARLY + [c[5] for c in COLUMNS] + ["ste_mvs"]
    rows: list[list[Any]] = [header]
    for code, level, name, *values in TOWN:
        cells: list[Any] = [code, code[2:], name, gemeente_name(code), level, code,
                            "." if code == "NL00" else "1"]
        for column, value in zip(COLUMNS, values, strict=True):
            if early and column[0].startswith(("pct_low", "pct_top", "pct_bottom",
                                               "avg_income")):
                value = S
            cells.append(value if typed or value == S else comma(value))
        cells.append(1 if typed else "1")
        rows.append(cells)
    return rows


def fixed_xlsx(rows: list[list[Any]], title: str = "KWB") -> bytes:
    """An .xlsx made with openpyxl, with fixed timestamps so that it is reproducible."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    stamp = datetime.datetime(2024, 1, 1)
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    raw = io.BytesIO()
    workbook.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"<dcterms:modified([^>]*)>[^<]*<",
                              rb"<dcterms:modified\1>2024-01-01T00:00:00Z<", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, data)
    return out.getvalue()


def truncated_workbook() -> bytes:
    """The start of an .xlsx (a zip) cut off mid-file, as after a broken download."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for name in ("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            target.writestr(info, f"<?xml version='1.0'?><part name='{name}'/>" * 20)
    return out.getvalue()[:700]


def leefbaarometer_wijk() -> str:
    """As the real per-wijk export: a row-label column '1', then wk_code ... won."""
    rows: list[list[Any]] = [["1", "wk_code", "wk_naam", "jaar", "lbm", "afw", "fys", "onv",
                              "soc", "vrz", "won"]]
    data = [("WK099900", "Centrum", 2020, 4.1523, 0.0505, 0.0121, -0.0302, -0.0112, 0.0951,
             -0.0153),
            ("WK099900", "Centrum", 2022, 4.1711, 0.0693, 0.0134, -0.0281, -0.0098, 0.0972,
             -0.0034),
            ("WK099901", "Noord", 2020, 4.0312, -0.0706, -0.0210, 0.0105, 0.0061, -0.0552,
             -0.0110),
            ("WK099901", "Noord", 2022, 4.0458, -0.0560, -0.0188, 0.0123, 0.0070, -0.0541,
             -0.0024)]
    for label, row in zip((3, 5, 11, 13), data, strict=True):
        rows.append([label, *row])
    return to_csv(rows)


def leefbaarometer_buurt() -> str:
    """A buurt export with ';', decimal comma, an empty cell and the class (kscore)."""
    rows = [["bu_code", "bu_naam", "jaar", "lbm", "afw", "fys", "onv", "soc", "vrz", "won",
             "kscore"],
            ["BU09990000", "Kop van de Haven", "2022", "4,0201", "-0,0817", "0,0012",
             "-0,0611", "-0,0203", "0,0105", "-0,0120", "5"],
            ["BU09990001", "Oude Markt", "2022", "4,2105", "0,1087", "0,0201", "-0,0055",
             "0,0044", "0,0911", "-0,0014", "7"],
            ["BU09990100", "Vogelwijk", "2022", "4,3311", "0,2293", "0,0512", "0,0601",
             "0,0223", "0,0702", "0,0255", "8"],
            ["BU09990102", "Haventerrein", "2022", "", "", "", "", "", "", "", ""]]
    return to_csv(rows, delimiter=";")


def own_rows() -> list[list[Any]]:
    return [["Buurtcode", "Buurtnaam", "Inwoners", "Huishoudens", "Corporatiewoningen",
             "Groen (ha)", "Buurthuis", "Opmerking"],
            ["BU09990000 ", "Kop van de Haven", "210", "100", "60", "0,4", "ja", ""],
            ["BU09990001", "Oude Markt", "420", "200", "40", "1,25", "nee", "markt op za"],
            ["BU09990100", "Vogelwijk", "690", "300", "30", "12,5", "ja", ""],
            ["BU09990101", "Polderrand", "1030", "400", "", "30", "nee", "nieuwbouw"]]


SQUARES = {  # code: (lower-left lon, lat) of a 0.01 x 0.005 degree square
    "BU09990000": (4.900, 52.370), "BU09990001": (4.910, 52.370),
    "BU09990100": (4.900, 52.375), "BU09990101": (4.910, 52.375),
    "BU09990199": (4.920, 52.375),  # a polygon without a data row
}


def _square(x: float, y: float, dx: float, dy: float, digits: int) -> list[list[list[float]]]:
    ring = [(x, y), (x + dx, y), (x + dx, y + dy), (x, y + dy), (x, y)]
    return [[[round(a, digits), round(b, digits)] for a, b in ring]]


def feature_collection(features: list[dict[str, Any]], crs: str | None = None) -> str:
    document: dict[str, Any] = {"type": "FeatureCollection"}
    if crs:
        document["crs"] = {"type": "name", "properties": {"name": crs}}
    document["features"] = features
    return json.dumps(document, indent=1) + "\n"


def geometry_wgs84() -> str:
    features = []
    for i, (code, (x, y)) in enumerate(SQUARES.items()):
        inhabitants = -99999999 if code == "BU09990101" else 100 * (i + 1)
        features.append({"type": "Feature",
                         "properties": {"buurtcode": code + "  ", "buurtnaam": f"Buurt {i}",
                                        "aantal_inwoners": inhabitants},
                         "geometry": {"type": "Polygon",
                                      "coordinates": _square(x, y, 0.01, 0.005, 6)}})
    return feature_collection(features)


def geometry_rd(with_crs: bool) -> str:
    """Squares of 200 m around the RD New origin (155000, 463000) = Amersfoort."""
    features = []
    for i, code in enumerate(("BU09990000", "BU09990001", "BU09990100")):
        x = 155_000 - 100 + 200 * i
        key = "statcode" if with_crs else "BU_CODE"
        features.append({"type": "Feature", "properties": {key: code, "statnaam": code[-4:]},
                         "geometry": {"type": "Polygon",
                                      "coordinates": _square(x, 462_900, 200, 200, 3)}})
    return feature_collection(features, "urn:ogc:def:crs:EPSG::28992" if with_crs else None)


def odata_server() -> dict[str, str]:
    """A recorded OData v3 response of table 84583NED, as the CBS service sends it."""
    base = "https://opendata.cbs.nl/ODataFeed/odata/84583NED"
    names = ["TableInfos", "UntypedDataSet", "TypedDataSet", "DataProperties",
             "CategoryGroups", "WijkenEnBuurten"]
    files = {"root.json": {"odata.metadata": f"{base}/$metadata",
                           "value": [{"name": n, "url": f"{base}/{n}"} for n in names]},
             "TableInfos.json": {"odata.metadata": f"{base}/$metadata#Cbs.OData.TableInfos",
                                 "value": [{"ID": 0, "Title": "Kerncijfers wijken en "
                                            "buurten 2019", "Identifier": "84583NED",
                                            "Language": "nl", "Frequency": "Perjaar",
                                            "Period": "2019"}]},
             "DataProperties.json": {"value": [
                 {"ID": i, "Position": i, "Type": "Topic", "Key": f"{c[2]}_{c[3]}",
                  "Title": c[0]} for i, c in enumerate(COLUMNS)]},
             "CategoryGroups.json": {"value": []}}
    records = typed_records()
    records.append({**records[-1], "ID": 99, "WijkenEnBuurten": "BU05180999",
                    "Codering_3": "BU05180999", "Gemeentenaam_1": "'s-Gravenhage"})
    files["TypedDataSet.json"] = {"odata.metadata": f"{base}/$metadata#TypedDataSet",
                                  "value": records}
    files["UntypedDataSet.json"] = files["TypedDataSet.json"]
    names_of = {code: name for code, _, name, *_ in TOWN}
    files["WijkenEnBuurten.json"] = {"value": [
        {"Key": r["WijkenEnBuurten"], "Title": names_of.get(r["Codering_3"].strip(),
                                                             "Elders"),
         "Description": None, "CategoryGroupID": None} for r in records]}
    return {name: json.dumps(doc, indent=1) + "\n" for name, doc in files.items()}


def _good_csv(rows: list[list[Any]], delimiter: str = ";") -> str:
    return to_csv(rows, delimiter=delimiter)


def bad_files() -> dict[str, bytes]:
    """The corpus of broken inputs; each must raise a ValueError that says where."""
    head = ["gwb_code_10", "regio", "recs", "a_inw", "a_hh", "p_wcorpw"]
    ok1 = ["BU09990000", "Kop van de Haven", "Buurt", "210", "100", "60"]
    ok2 = ["BU09990001", "Oude Markt", "Buurt", "420", "200", "40"]

    def with_row(row: list[str]) -> bytes:
        return _good_csv([head, ok1, ok2, row]).encode()

    good_text = _good_csv([head, ok1, ok2])
    files: dict[str, bytes] = {
        "empty.csv": b"",
        "blank.csv": b"  \n\n",
        "header_only.csv": (";".join(head) + "\n").encode(),
        "no_code_column.csv": _good_csv([head[1:], ok1[1:], ok2[1:]]).encode(),
        "text_in_numeric.csv": with_row(["BU09990100", "Vogelwijk", "Buurt", "690", "drie",
                                         "30"]),
        "negative_count.csv": with_row(["BU09990100", "Vogelwijk", "Buurt", "-5", "300",
                                        "30"]),
        "percent_over_100.csv": with_row(["BU09990100", "Vogelwijk", "Buurt", "690", "300",
                                          "130"]),
        "duplicate_code.csv": with_row(["BU09990000", "Kop van de Haven", "Buurt", "210",
                                        "100", "60"]),
        "truncated_line.csv": (good_text + "BU09990100;Vogelwijk;Buurt;690\n").encode(),
        "extra_field.csv": (good_text + "BU09990100;Vogelwijk;Buurt;690;300;30;1\n").encode(),
        "fractional_count.csv": with_row(["BU09990100", "Vogelwijk", "Buurt", "690,5", "300",
                                          "30"]),
        "mixed_decimals.csv": _good_csv([[*head, "g_ink_pi", "g_hhgro"],
                                         [*ok1, "21,3", "2.1"], [*ok2, "24,0", "2.1"]]).encode(),
        "mixed_decimals_in_column.csv": _good_csv([[*head, "g_ink_pi"], [*ok1, "21,3"],
                                                   [*ok2, "24.0"]]).encode(),
        "level_mismatch.csv": with_row(["WK099901", "Noord", "Buurt", "1720", "700", "30"]),
        "bad_code.csv": with_row(["BU999", "Vogelwijk", "Buurt", "690", "300", "30"]),
        "empty_code.csv": with_row(["  ", "Vogelwijk", "Buurt", "690", "300", "30"]),
        "unknown_level.csv": with_row(["BU09990100", "Vogelwijk", "Straat", "690", "300",
                                       "30"]),
        "duplicate_header.csv": _good_csv([[*head, "a_inw"], [*ok1, "1"], [*ok2, "2"]]).encode(),
        "ambiguous_columns.csv": _good_csv([[*head, "AantalInwoners_5"], [*ok1, "210"],
                                            [*ok2, "420"]]).encode(),
        "binary.csv": bytes(range(256)) * 4,
        "latin1_binary.csv": b"\x89PNG\r\n\x1a\n" + bytes(range(1, 32)) * 40,
        "old_excel.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504,
        "truncated.xlsx": truncated_workbook(),
        "truncated.json": odata_keyed_json().encode("utf-8")[:700],
        "json_no_value.json": b'{"records": []}\n',
        "json_not_records.json": b'{"value": [1, 2, 3]}\n',
        "json_empty_value.json": b'{"value": []}\n',
        "leefbaarometer_duplicate.csv": (
            b"wk_code,jaar,lbm\nWK099900,2020,4.1\nWK099901,2020,4.0\nWK099900,2020,4.2\n"
        ),
        "leefbaarometer_class_10.csv": (
            b"bu_code;jaar;lbm;kscore\nBU09990000;2022;4,02;5\nBU09990001;2022;4,21;10\n"
        ),
        "leefbaarometer_no_code.csv": b"jaar,lbm\n2020,4.1\n",
        "geometry_no_code.geojson": feature_collection([
            {"type": "Feature", "properties": {"naam": "Ergens"},
             "geometry": {"type": "Polygon", "coordinates": _square(4.9, 52.3, 0.01, 0.01, 6)}}
        ]).encode(),
        "geometry_duplicate.geojson": feature_collection([
            {"type": "Feature", "properties": {"buurtcode": "BU09990000"},
             "geometry": {"type": "Polygon", "coordinates": _square(4.9, 52.3, 0.01, 0.01, 6)}}
        ] * 2).encode(),
        "geometry_null.geojson": feature_collection([
            {"type": "Feature", "properties": {"buurtcode": "BU09990000"}, "geometry": None}
        ]).encode(),
        "geometry_rd_labelled_wgs84.geojson": feature_collection([
            {"type": "Feature", "properties": {"buurtcode": "BU09990000"},
             "geometry": {"type": "Polygon",
                          "coordinates": _square(155000, 463000, 200, 200, 3)}}
        ], "urn:ogc:def:crs:OGC:1.3:CRS84").encode(),
        "geometry_empty.geojson": feature_collection([]).encode(),
    }
    return files


def build() -> dict[str, bytes]:
    """Every fixture: {relative path: bytes}."""
    files: dict[str, bytes] = {
        "statline_r_83765NED.csv": statline_r().encode("utf-8"),
        "odata_84583NED.csv": odata_csv(3).encode("utf-8"),
        "odata_other_year.csv": odata_csv(4, reorder=True).encode("utf-8"),
        "odata_keyed_84583NED.json": odata_keyed_json().encode("utf-8"),
        "odata_list.json": odata_list_json().encode("utf-8"),
        "kwb-2019.csv": _good_csv(yearly_rows()).encode("utf-8"),
        "kwb-2019.xlsx": fixed_xlsx(yearly_rows(typed=True)),
        "kwb-2023-early.csv": _good_csv(yearly_rows(early=True)).encode("utf-8"),
        "leefbaarometer_wijk.csv": leefbaarometer_wijk().encode("utf-8"),
        "leefbaarometer_buurt.csv": leefbaarometer_buurt().encode("utf-8"),
        "own_buurten.csv": _good_csv(own_rows()).encode("utf-8"),
        "own_buurten.xlsx": fixed_xlsx(own_rows(), title="Buurten"),
        "buurten_wgs84.geojson": geometry_wgs84().encode("utf-8"),
        "buurten_rd.geojson": geometry_rd(True).encode("utf-8"),
        "buurten_rd_nocrs.geojson": geometry_rd(False).encode("utf-8"),
    }
    for name, text in odata_server().items():
        files[f"odata_server/84583NED/{name}"] = text.encode("utf-8")
    for name, data in bad_files().items():
        files[f"bad/{name}"] = data
    return files


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    for name, data in build().items():
        target = args.out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    print(f"wrote {len(build())} fixtures to {args.out}")


if __name__ == "__main__":
    main()
