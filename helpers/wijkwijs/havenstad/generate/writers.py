"""Writing Havenstad to disk: the data files, ``SHA256SUMS``, the data card and the CLI.

Every file is written byte for byte reproducibly (gzip with mtime 0, fixed JSON
separators), so a regeneration can be checked with ``sha256sum -c SHA256SUMS``.

>>> print(markdown_table(pd.DataFrame({"a": [1], "b": ["x"]})), end="")
| a | b |
|---|---|
| 1 | x |
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
from pathlib import Path

import pandas as pd

from wijkwijs.havenstad.constants import CITY_NAME, SEED
from wijkwijs.havenstad.generate.calibration import story_table
from wijkwijs.havenstad.generate.geography import Geography
from wijkwijs.havenstad.generate.pipeline import build_city

#: The data files of ``datasets/havenstad/`` (besides ``SHA256SUMS`` and ``README.md``).
FILES = ("calibration.csv", "dwellings.csv.gz", "household_years.csv.gz", "households.csv.gz",
         "moves.csv.gz", "neighbourhoods.geojson", "organisations.csv.gz",
         "participation.csv.gz", "referrals.csv.gz", "statistics.csv.gz", "ties.csv.gz",
         "water.geojson")


def markdown_table(frame: pd.DataFrame) -> str:
    """A DataFrame as a Markdown table (as in the data card), values as ``str``."""
    lines = ["| " + " | ".join(frame.columns) + " |", "|" + "---|" * frame.shape[1]]
    lines += ["| " + " | ".join(str(v) for v in row) + " |"
              for row in frame.itertuples(index=False)]
    return "\n".join(lines) + "\n"


def calibration_markdown(calibration: pd.DataFrame) -> str:
    """The calibration table as a Markdown table (as in the data card)."""
    return markdown_table(calibration[["quantity", "target", "source", "achieved"]])


def _csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


def _csv_gz(frame: pd.DataFrame) -> bytes:
    return gzip.compress(_csv(frame), compresslevel=6, mtime=0)


def _geojson(features: list[dict]) -> bytes:
    doc = {"type": "FeatureCollection",
           "name": f"{CITY_NAME} (fictional)",
           "coordinate_system": ("fictional local plane in metres (x east, y north); "
                                 "not WGS84 - never draw over real map tiles"),
           "features": features}
    return (json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _polygon_json(polygon) -> dict:
    return {"type": "Polygon",
            "coordinates": [[[int(x), int(y)] for x, y in polygon.exterior.coords]]}


def _blobs(tables: dict[str, pd.DataFrame], geo: Geography) -> dict[str, bytes]:
    """File name -> contents of every data file."""
    blobs: dict[str, bytes] = {}
    nb = tables["neighbourhoods"]
    blobs["neighbourhoods.geojson"] = _geojson([
        {"type": "Feature", "properties": {k: (v.item() if hasattr(v, "item") else v)
                                           for k, v in row.items()},
         "geometry": _polygon_json(poly)}
        for row, poly in zip(nb.to_dict("records"), geo.polygons, strict=True)])
    blobs["water.geojson"] = _geojson([
        {"type": "Feature", "properties": {"name": name}, "geometry": _polygon_json(poly)}
        for name, poly in geo.water])
    for name, frame in tables.items():
        if name == "calibration":
            blobs["calibration.csv"] = _csv(frame)
        elif name != "neighbourhoods":
            blobs[f"{name}.csv.gz"] = _csv_gz(frame)
    return blobs


def refresh_data_card(text: str, tables: dict[str, pd.DataFrame]) -> str:
    """The data card with its calibration and story tables rewritten from ``tables``.

    Each table stands between the markers ``<!-- name:start -->`` and
    ``<!-- name:end -->``; the rest of the card is left as it is.
    """
    blocks = {"calibration": calibration_markdown(tables["calibration"]),
              "story": markdown_table(story_table(tables["household_years"]))}
    for key, table in blocks.items():
        text = re.sub(rf"(<!-- {key}:start -->\n).*?(<!-- {key}:end -->)",
                      lambda m, t=table: m.group(1) + t + m.group(2), text, flags=re.S)
    return text


def write_dataset(out: str | Path, seed: int = SEED) -> dict[str, str]:
    """Generate Havenstad and write it to ``out``; return file name -> SHA-256.

    Writes the files in :data:`FILES` and ``SHA256SUMS`` (``sha256sum -c`` format).
    If ``out/README.md`` exists, the calibration table between the markers
    ``<!-- calibration:start -->`` and ``<!-- calibration:end -->`` (and the story
    table between ``<!-- story:start -->`` and ``<!-- story:end -->``) is refreshed.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    city = build_city(seed)
    blobs = _blobs(city.tables, city.geography)
    sums = {}
    for name in sorted(blobs):
        (out / name).write_bytes(blobs[name])
        sums[name] = hashlib.sha256(blobs[name]).hexdigest()
    (out / "SHA256SUMS").write_text("".join(f"{h}  {n}\n" for n, h in sums.items()))
    readme = out / "README.md"
    if readme.exists():
        text = readme.read_text(encoding="utf-8")
        readme.write_text(refresh_data_card(text, city.tables), encoding="utf-8")
    return sums


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m wijkwijs.havenstad.generate --out DIR [--seed N]``."""
    parser = argparse.ArgumentParser(prog="python -m wijkwijs.havenstad.generate",
                                     description=f"Regenerate the synthetic city {CITY_NAME}.")
    parser.add_argument("--out", default="datasets/havenstad", help="output folder")
    parser.add_argument("--seed", type=int, default=SEED, help="random seed")
    args = parser.parse_args(argv)
    sums = write_dataset(args.out, args.seed)
    for name in sorted(sums):
        size = (Path(args.out) / name).stat().st_size
        print(f"{size:>10,d}  {name}")
    return 0
