"""Write the example files of chapter 8 into ``datasets/examples/``.

Usage::

    python tools/make_opendata_examples.py [--out datasets/examples]

Two small files that a learner can open, read and take apart without a network:

1. ``kwb-2019_amsterdam_centrum_sample.csv`` — **real CBS figures** (Bron: CBS,
   CC BY 4.0): the Netherlands, Amsterdam, and the first five wijken of Amsterdam with
   their buurten, taken from the shipped snapshot ``datasets/cbs/kwb_amsterdam_2019.csv``
   (KWB 2019, table 84583NED) and laid out like CBS's yearly download ``kwb-YYYY.csv``:
   short column codes (``gwb_code_10``, ``a_inw``, ``p_wcorpw`` ...), ``;`` between
   fields, a decimal comma and ``.`` for a value CBS did not publish.
2. ``leefbaarometer_havenstad_synthetic_example.csv`` — **synthetic**: a Leefbaarometer-
   like score of the invented city Havenstad, written in the layout of a Leefbaarometer
   3.0 buurt export (``bu_code``, ``bu_naam``, ``jaar``, ``lbm``, ``afw``, the five
   dimensions, ``kscore``). It is built from Havenstad's synthetic statistics and its
   liveability score (``datasets/havenstad/README.md``), not from the Leefbaarometer.

``tests/test_opendata_examples.py`` checks that the committed files are what this
script writes; ``datasets/examples/README.md`` is their data card.
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "datasets" / "examples"
KWB_NAME = "kwb-2019_amsterdam_centrum_sample.csv"
LBM_NAME = "leefbaarometer_havenstad_synthetic_example.csv"
#: canonical column -> short code of the yearly download (see wijkwijs.opendata.columns)
KWB_COLUMNS: dict[str, str] = {
    "code": "gwb_code_10", "name": "regio", "gemeente_name": "gm_naam", "level": "recs",
    "inhabitants": "a_inw", "men": "a_man", "women": "a_vrouw", "households": "a_hh",
    "dwellings": "a_woning", "avg_property_value": "g_woz", "pct_owner_occupied": "p_koopw",
    "pct_rented": "p_huurw", "pct_social_rent": "p_wcorpw", "pct_other_landlords": "p_ov_hw",
    "avg_income_per_recipient": "g_ink_po", "avg_income_per_inhabitant": "g_ink_pi",
    "pct_bottom40_income_households": "p_hh_li", "pct_top20_income_households": "p_hh_hi",
    "pct_low_income_households": "p_hh_lkk", "pct_social_minimum_households": "p_hh_osm",
}
WIJKEN = ("WK036300", "WK036301", "WK036302", "WK036303", "WK036304")
LBM_YEARS = (2014, 2016, 2018, 2020, 2022)
#: the arbitrary base of the synthetic total score, and the factor that rescales the
#: Havenstad score to the deviation ``afw``
#: The Havenstad dimensions in the order of the export's columns fys, onv, soc, vrz, won.
LBM_DIMENSIONS = ("physical_environment", "nuisance_and_safety", "social_cohesion",
                  "amenities", "housing_stock")


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "."
    if isinstance(value, float):
        text = f"{value:.0f}" if value.is_integer() else f"{value:g}"
        return text.replace(".", ",")
    return str(value)


def kwb_sample() -> str:
    """The real Amsterdam 2019 rows, laid out like the yearly download."""
    source = pd.read_csv(ROOT / "datasets" / "cbs" / "kwb_amsterdam_2019.csv",
                         dtype={"code": str})
    wijk_of_row = ("WK" + source["code"].str[2:8]).where(source["code"].str.startswith("BU"),
                                                         source["code"])
    keep = source["code"].isin(["NL00", "GM0363"]) | wijk_of_row.isin(WIJKEN)
    rows = source[keep].copy()
    rows["level"] = rows["level"].str.capitalize()
    lines = [";".join(KWB_COLUMNS.values())]
    for record in rows.to_dict("records"):
        lines.append(";".join(_cell(record[c]) for c in KWB_COLUMNS))
    return "\n".join(lines) + "\n"


def leefbaarometer_example() -> str:
    """Havenstad's synthetic liveability score in the layout of a Leefbaarometer export.

    ``lbm`` is the Havenstad score, ``afw`` its deviation from the reference 4.0, and
    ``fys``, ``onv``, ``soc``, ``vrz``, ``won`` its five dimensions (they sum to ``afw``
    within rounding); ``kscore`` is Havenstad's class 1-9.
    """
    from wijkwijs.havenstad import havenstad_statistics
    from wijkwijs.havenstad.generate.liveability import LIVEABILITY_BASE

    stats = havenstad_statistics()
    rows = stats[(stats["level"] == "buurt") & (stats["gemeente_code"] == "GM9901")
                 & stats["year"].isin(LBM_YEARS)].sort_values(["year", "code"])
    lines = ["bu_code;bu_naam;jaar;lbm;afw;fys;onv;soc;vrz;won;kscore"]
    for record in rows.to_dict("records"):
        numbers = [record["liveability_score"],
                   record["liveability_score"] - LIVEABILITY_BASE,
                   *(record[f"liveability_{d}"] for d in LBM_DIMENSIONS)]
        cells = [record["code"], record["name"], str(record["year"]),
                 *(f"{x:.4f}".replace(".", ",") for x in numbers),
                 str(int(record["liveability_class"]))]
        lines.append(";".join(cells))
    return "\n".join(lines) + "\n"


CARD = """# Example files (`datasets/examples/`)

Two small files for chapter 8 (*Your own neighbourhood*), to practise reading a file
as you would download it. `wijkwijs.opendata.example_path(name)` gives the path of each;
`tools/make_opendata_examples.py` writes them (`tests/test_opendata_examples.py` checks
that the committed files are what it writes, and `SHA256SUMS` lists their hashes). The
subfolder `fieldwork/` holds the invented examples of chapter 7 and has its own card.

## `kwb-2019_amsterdam_centrum_sample.csv` — real CBS figures

**Bron: CBS, CC BY 4.0.** The Netherlands, the municipality of Amsterdam and the
first five wijken of Amsterdam (WK036300–WK036304) with their buurten, from the
*Kerncijfers wijken en buurten 2019* (CBS table 84583NED) as shipped in
`datasets/cbs/kwb_amsterdam_2019.csv`. The values are CBS's; the layout is ours: that
of CBS's yearly download `kwb-YYYY.csv` (short column codes such as `gwb_code_10`,
`a_inw`, `a_hh`, `p_wcorpw`, `p_hh_lkk`; `;` between fields; a decimal comma; `.` for a
value CBS did not publish). Read it with `wijkwijs.opendata.read_kwb(path)`.

## `leefbaarometer_havenstad_synthetic_example.csv` — synthetic, not the Leefbaarometer

**Synthetic data of the invented city Havenstad. These numbers describe no real place
and are not Leefbaarometer scores.** The file has the layout of a Leefbaarometer 3.0
buurt export (`bu_code;bu_naam;jaar;lbm;afw;fys;onv;soc;vrz;won;kscore`, decimal comma)
so that `wijkwijs.opendata.read_leefbaarometer` can be tried on it. The 41 buurten of
the city of Havenstad (GM9901), 2014, 2016, 2018, 2020 and 2022. The values are
Havenstad's Leefbaarometer-*like* liveability score (see `datasets/havenstad/README.md`:
five dimensions of a few registered characteristics each, on a fixed scale):

- `lbm` = the Havenstad score; `afw` (deviation) = the score − 4.0, Havenstad's
  reference;
- `fys`, `onv`, `soc`, `vrz`, `won` = its five dimensions (physical environment,
  nuisance and safety, social cohesion, amenities, housing stock); they sum to `afw`
  within rounding;
- `kscore` = Havenstad's liveability class (1–9, fixed bounds).

The real Leefbaarometer (Ministerie van BZK; Leidelmeijer, Mandemakers et al. 2022,
*Leefbaarometer 3.0: Instrumentontwikkeling*) is computed from about 100 indicators and
can be downloaded from its own website; read such an export with the same function.
"""


def build() -> dict[str, bytes]:
    """Every example file, the data card and SHA256SUMS: {name: bytes}."""
    files = {KWB_NAME: kwb_sample().encode("utf-8"),
             LBM_NAME: leefbaarometer_example().encode("utf-8")}
    sums = "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n"
                   for name, data in sorted(files.items()))
    files["README.md"] = CARD.encode("utf-8")
    files["SHA256SUMS"] = sums.encode("utf-8")
    return files


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    files = build()
    for name, data in files.items():
        (args.out / name).write_bytes(data)
    print(f"wrote {len(files)} files to {args.out}")


if __name__ == "__main__":
    main()
