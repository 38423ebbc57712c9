"""Convert the real CBS exports in ``../shared/real-data/`` into ``datasets/cbs/``.

Usage::

    python tools/make_cbs_snapshot.py [--source ../shared/real-data] [--out datasets/cbs]

Reads each raw file with :mod:`wijkwijs.opendata` (so the shipped files are exactly what
the readers make of the raw ones), writes them in the canonical form (CSV, UTF-8, ``,``,
decimal point; GeoJSON in WGS84), and writes ``provenance.json``, ``README.md`` (the data
card), the MIT notice of the Spierenburg et al. table and ``SHA256SUMS``. The raw files
are not copied. Running it twice gives the same bytes; ``tests/test_opendata_shipped.py``
checks the shipped files against ``SHA256SUMS`` (it does not need ``../shared``).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import warnings
from pathlib import Path
from typing import Any

import pandas as pd

from wijkwijs.opendata import read_kwb
from wijkwijs.opendata.kwb import KWB_TABLES

ROOT = Path(__file__).resolve().parent.parent
ATTRIBUTION = "Bron: CBS, CC BY 4.0"

KWB_SOURCES: list[dict[str, Any]] = [
    {"file": "kwb_amsterdam_2017.csv", "city": "amsterdam", "year": 2017,
     "raw": "amsterdam_kwb2017_83765NED_group7.csv",
     "repository": "https://github.com/elakyc15/Group-7",
     "path": "data/Kerncijfers_wijken_en_buurten_2017.csv",
     "commit": "687e79027b239cd5114a4d754d1179ce7da7b0e2",
     "source_format": "StatLine CSV written by R (labelled headers, decimal point)"},
    {"file": "kwb_amsterdam_2019.csv", "city": "amsterdam", "year": 2019,
     "raw": "amsterdam_kwb2019_84583NED_group7.csv",
     "repository": "https://github.com/elakyc15/Group-7",
     "path": "data/Kerncijfers_wijken_en_buurten_2019.csv",
     "commit": "ad83ce919af5b42ad0b8c76c8ce7718d0ca0b04e",
     "source_format": "StatLine CSV written by R (labelled headers, decimal comma, NA)",
     "note": "Chosen over the OData export of the same table (DHZW repository, commit "
             "c7e9aaae4bf980319a1a133c983f2da7493d30de) because it has the area names and "
             "is the later CBS release; some counts differ by exactly 5 between the two "
             "(CBS rounds and revises)."},
    {"file": "kwb_den_haag_2019.csv", "city": "den_haag", "year": 2019,
     "raw": "denhaag_kwb2019_84583NED_dhzw.csv",
     "repository": "https://github.com/marcopellegrinoit/DHZW_synthetic-population",
     "path": "data/marginal_distributions_TheHague_2019_84583NED.csv",
     "commit": "e01f30495e25894c4329b596107d7b54a42cbac5",
     "source_format": "OData CSV (';', BOM, space-padded values, keys like "
                      "AantalInwoners_5)",
     "note": "The OData export has no area names (only codes)."},
    {"file": "kwb_rotterdam_2017.csv", "city": "rotterdam", "year": 2017,
     "raw": "rotterdam_kwb2017_subset_ikgeo.json",
     "repository": "https://github.com/M-burak09/ikgeo", "path": "data/ikgeoData.json",
     "commit": "35671f15673631530d1bbe08efc8b7d7116a4c0c",
     "source_format": "OData JSON ({\"value\": {ID: {...}}}), a subset of the columns",
     "note": "A subset of the KWB columns: age groups, density, house types, owner-"
             "occupied/rented shares, income per inhabitant, three crime rates; no counts "
             "of inhabitants or households, no corporation share, no low-income share. "
             "Record BU05990836 has a mangled key (k_65JaarrOfOude_12); its value is not "
             "read, so its age_65_plus is empty. Buurt names are taken from the buurt "
             "geometry of the same repository; gemeente_name is set to Rotterdam."},
]
GEOMETRY = {"file": "buurten_rotterdam.geojson", "city": "rotterdam",
            "raw": "rotterdam_buurten_wgs84_ikgeo.geojson",
            "repository": "https://github.com/M-burak09/ikgeo",
            "path": "data/rotterdam_buurten.geojson",
            "commit": "35671f15673631530d1bbe08efc8b7d7116a4c0c"}
SPIERENBURG = {"file": "gemeenten_spierenburg2023.csv",
               "raw": "nl_gemeenten_segregation_gini_spierenburg2023.csv",
               "repository": "https://github.com/spierenbu/charact_seg_pat_fig",
               "path": "data.csv", "commit": "5aca632e3398d104141b84a48a1aee1993a08945"}
SPIERENBURG_COLUMNS = {"GM_CODE": "gemeente_code", "GM_NAAM": "gemeente_name",
                       "city_name": "city_name", "AANT_INW": "inhabitants",
                       "separation": "separation", "intensity": "intensity",
                       "scale": "scale", "scale_rel": "scale_relative",
                       "share_NW_c": "share_non_western", "Gini": "gini",
                       "aspect_ratio": "aspect_ratio", "aspect_ratio_fin": "aspect_ratio_final"}
CITATION = ("Spierenburg, L., van Cranenburgh, S. & Cats, O. (2023). Characterizing "
            "residential segregation in cities using intensity, separation, and scale "
            "indicators. Computers, Environment and Urban Systems, 103, 101990. "
            "https://doi.org/10.1016/j.compenvurbsys.2023.101990")
MIT_NOTICE = """MIT License

Copyright (c) 2023 Lucas Spierenburg

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


def canonical_csv(frame: pd.DataFrame) -> str:
    """The canonical CSV text of a tidy frame (``,``, decimal point, ``\\n``)."""
    return frame.to_csv(index=False, float_format="%.10g", lineterminator="\n")


def geometry_text(raw: Path) -> tuple[str, dict[str, str]]:
    """GeoJSON with only ``code`` and ``name``, coordinates as in the source, by code."""
    document = json.loads(raw.read_text(encoding="utf-8-sig"))
    features = []
    for feature in document["features"]:
        properties = feature["properties"]
        features.append({"type": "Feature",
                         "properties": {"code": str(properties["id"]).strip(),
                                        "name": str(properties["name"]).strip()},
                         "geometry": feature["geometry"]})
    features.sort(key=lambda f: f["properties"]["code"])
    lines = ['{"type": "FeatureCollection", "name": "buurten_rotterdam",',
             f' "attribution": "{ATTRIBUTION}",', ' "features": [']
    body = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    lines.append(",\n".join(body))
    lines.append("]}")
    names = {f["properties"]["code"]: f["properties"]["name"] for f in features}
    return "\n".join(lines) + "\n", names


def municipalities_text(raw: Path) -> tuple[str, int]:
    """The Spierenburg et al. table with English column names, values as published."""
    with raw.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(SPIERENBURG_COLUMNS.values())
    for row in sorted(rows, key=lambda r: r["GM_CODE"]):
        writer.writerow(row[key] for key in SPIERENBURG_COLUMNS)
    return out.getvalue(), len(rows)


def summary(frame: pd.DataFrame) -> dict[str, Any]:
    """Rows per level and suppressed cells among the buurten, for the data card."""
    buurten = frame[frame.level == "buurt"]
    key = [c for c in ("inhabitants", "households", "pct_low_income_households",
                       "pct_social_rent", "avg_income_per_inhabitant") if c in frame]
    return {"rows": len(frame),
            "levels": {lvl: int((frame.level == lvl).sum())
                       for lvl in ("land", "gemeente", "wijk", "buurt")
                       if (frame.level == lvl).any()},
            "buurten_with_empty_value": {c: int(buurten[c].isna().sum()) for c in key},
            "columns": list(frame.columns)}


def build(source: Path, out: Path) -> dict[str, bytes]:
    """Make every shipped file from ``source``; return {file name: bytes} (not written)."""
    files: dict[str, bytes] = {}
    records: dict[str, Any] = {}
    geo_text, buurt_names = geometry_text(source / GEOMETRY["raw"])
    for spec in KWB_SOURCES:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            frame = read_kwb(source / spec["raw"])
        if spec["city"] == "rotterdam":
            missing = set(buurt_names) - set(frame.code[frame.level == "buurt"])
            if missing:
                raise SystemExit(f"geometry codes without a KWB row: {sorted(missing)}")
            frame["name"] = [buurt_names.get(c, n) for c, n in zip(frame.code, frame.name,
                                                                   strict=True)]
            frame["gemeente_name"] = "Rotterdam"
        files[spec["file"]] = canonical_csv(frame).encode("utf-8")
        records[spec["file"]] = {
            "kind": "kwb", "city": spec["city"], "year": spec["year"],
            "table_id": KWB_TABLES[spec["year"]],
            "title": f"Kerncijfers wijken en buurten {spec['year']}",
            "repository": spec["repository"], "path": spec["path"], "commit": spec["commit"],
            "source_format": spec["source_format"],
            "source_columns": frame.attrs["source_columns"],
            "reader_warnings": [str(w.message).replace(str(source) + "/", "") for w in caught],
            "note": spec.get("note", ""), "attribution": ATTRIBUTION, "licence": "CC BY 4.0",
            **summary(frame)}
    files[GEOMETRY["file"]] = geo_text.encode("utf-8")
    records[GEOMETRY["file"]] = {
        "kind": "geometry", "city": "rotterdam", "features": len(buurt_names),
        "crs": "EPSG:4326", "repository": GEOMETRY["repository"], "path": GEOMETRY["path"],
        "commit": GEOMETRY["commit"], "attribution": ATTRIBUTION, "licence": "CC BY 4.0",
        "note": "Buurt boundaries of Rotterdam (CBS buurtcodes BU0599xxxx); only code and "
                "name are kept (the source's population and household properties have no "
                "stated year and were left out)."}
    towns_text, n_towns = municipalities_text(source / SPIERENBURG["raw"])
    files[SPIERENBURG["file"]] = towns_text.encode("utf-8")
    files["LICENSE-spierenburg2023.txt"] = MIT_NOTICE.encode("utf-8")
    records[SPIERENBURG["file"]] = {
        "kind": "municipalities", "rows": n_towns, "repository": SPIERENBURG["repository"],
        "path": SPIERENBURG["path"], "commit": SPIERENBURG["commit"], "licence": "MIT",
        "licence_file": "LICENSE-spierenburg2023.txt", "citation": CITATION,
        "source": "Spierenburg et al. (2023), figures repository",
        "columns": {v: k for k, v in SPIERENBURG_COLUMNS.items()},
        "note": "Values as published (gemeente_name keeps the source's underscores); "
                "gini is blank where the source has no value. Rows sorted by code."}
    provenance = {"attribution": ATTRIBUTION,
                  "made_by": "tools/make_cbs_snapshot.py", "files": records}
    files["provenance.json"] = (json.dumps(provenance, indent=2, ensure_ascii=False)
                                + "\n").encode("utf-8")
    files["README.md"] = data_card(records).encode("utf-8")
    sums = "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n"
                   for name, data in sorted(files.items()))
    files["SHA256SUMS"] = sums.encode("utf-8")
    return files


def data_card(records: dict[str, Any]) -> str:
    lines = ["# Real CBS neighbourhood data (`datasets/cbs/`)", "",
             f"**{ATTRIBUTION}.** Real figures from Statistics Netherlands (CBS), "
             "*Kerncijfers wijken en buurten* (KWB, key figures of districts and "
             "neighbourhoods), converted by `tools/make_cbs_snapshot.py` into the canonical "
             "form of `wijkwijs.opendata.read_kwb`: CSV, UTF-8, `,` separated, decimal point, "
             "one row per area (the municipality, its *wijken* and *buurten*), canonical "
             "English columns (see `wijkwijs.opendata.columns`). Values are as CBS published "
             "them: percentages are percentages, incomes in thousands of euros; an empty "
             "cell is a value CBS suppressed or did not publish. Read them with "
             "`wijkwijs.opendata.shipped(city, year)`, `shipped_geometry('rotterdam')` and "
             "`shipped_municipalities()`.", "",
             "| file | CBS table | rows (gemeente / wijk / buurt) | taken from | commit |",
             "| --- | --- | --- | --- | --- |"]
    for name, rec in records.items():
        if rec["kind"] != "kwb":
            continue
        levels = rec["levels"]
        counts = " / ".join(str(levels.get(k, 0)) for k in ("gemeente", "wijk", "buurt"))
        lines.append(f"| `{name}` | {rec['table_id']} ({rec['title']}) | {counts} | "
                     f"{rec['repository']} `{rec['path']}` | `{rec['commit'][:12]}` |")
    geo = records["buurten_rotterdam.geojson"]
    towns = records["gemeenten_spierenburg2023.csv"]
    lines += ["", "Buurten whose value is empty (suppressed or not published), per file:", ""]
    for name, rec in records.items():
        if rec["kind"] == "kwb":
            empty = ", ".join(f"{k} {v}" for k, v in rec["buurten_with_empty_value"].items())
            lines.append(f"- `{name}`: {empty}")
    lines += ["", "Notes per file:", ""]
    for name, rec in records.items():
        if rec.get("note"):
            lines.append(f"- `{name}`: {rec['note']}")
    lines += ["", "## Geometry", "",
              f"`buurten_rotterdam.geojson`: {geo['features']} buurt polygons of Rotterdam in "
              f"WGS84 with `code` and `name`, from {geo['repository']} `{geo['path']}` "
              f"(commit `{geo['commit'][:12]}`); every code joins to "
              "`kwb_rotterdam_2017.csv`. " + ATTRIBUTION + ".", "",
              "## Municipalities (Spierenburg et al. 2023, MIT)", "",
              f"`gemeenten_spierenburg2023.csv`: {towns['rows']} municipalities with "
              "indicators of the residential segregation of residents with a non-western "
              "migration background (separation, intensity, scale), their share and a Gini "
              f"coefficient, from {towns['repository']} `{towns['path']}` (commit "
              f"`{towns['commit'][:12]}`). MIT licence: see `LICENSE-spierenburg2023.txt`. "
              f"Cite: {towns['citation']}", "",
              "## Reproducing", "",
              "`python tools/make_cbs_snapshot.py` reads the raw exports (kept outside the "
              "repository) and rewrites these files byte for byte; `SHA256SUMS` lists their "
              "hashes and `tests/test_opendata_shipped.py` checks them. The raw files are "
              "not shipped. `provenance.json` has the full record of each file (the source "
              "column of every canonical column, the reader's warnings).", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=ROOT.parent / "shared" / "real-data")
    parser.add_argument("--out", type=Path, default=ROOT / "datasets" / "cbs")
    args = parser.parse_args(argv)
    files = build(args.source, args.out)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (args.out / name).write_bytes(data)
    print(f"wrote {len(files)} files to {args.out}")


if __name__ == "__main__":
    main()
