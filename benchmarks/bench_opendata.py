"""Benchmark: reading a national KWB file and computing per-municipality segregation.

A seeded synthetic file the size of the full national *Kerncijfers wijken en buurten*
(1 country row, 345 gemeenten, about 3,300 wijken and 13,400 buurten: about 17,000
rows) in the yearly-download format (``kwb-YYYY.csv``: ``;``, decimal comma, short codes,
``.`` for suppressed values, 110 columns like the real file). The benchmark times

1. ``wijkwijs.opendata.read_kwb`` on that file, and
2. per municipality, the low-income dissimilarity D and entropy index H over its
   buurten with :mod:`wijkwijs.segregation` (counts = share / 100 x households,
   suppressed buurten left out),

and reports the total against the target of 3 s. Then it times the chapter 8 explorer
(:func:`wijkwijs.explorers.neighbourhood.municipality_explorer`) on the shipped files:
``Explorer.last_update_seconds`` over a sequence of moves of its three controls (the
first visit of a slider value computes that file's measures, later visits are cached),
against the explorers' target of 100 ms (median).

Run with ``python benchmarks/run.py opendata``.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from wijkwijs import segregation
from wijkwijs.opendata import read_kwb

SEED = 20240611
N_GEMEENTEN = 345
TARGET_SECONDS = 3.0
#: further columns of the real file, filled with plausible values: counts (``a_``) whole,
#: the rest with a decimal comma

FILLER = (
    "a_00_14", "a_15_24", "a_25_44", "a_45_64", "a_65_oo", "p_00_14", "p_15_24", "p_25_44",
    "p_45_64", "p_65_oo", "a_ongeh", "a_gehuwd", "a_gesch", "a_verwed", "p_ongeh",
    "p_gehuwd", "p_gesch", "p_verwed", "a_w_all", "a_nw_all", "a_marok", "a_antaru",
    "a_surina", "a_turk", "a_ov_nw", "p_w_all", "p_nw_all", "p_marok", "p_ant_aru",
    "p_surina", "p_turk", "p_over_nw", "a_geb", "p_geb", "a_ste", "p_ste", "a_1p_hh",
    "a_hh_z_k", "a_hh_m_k", "p_1p_hh", "p_hh_z_k", "p_hh_m_k", "g_woz", "p_1gezw",
    "p_mgezw", "p_bewndw", "p_leegsw", "p_e_o_w", "p_bjj2k", "p_bjo2k", "g_ele", "g_ele_ap",
    "g_ele_tw", "g_ele_hw", "g_ele_2w", "g_ele_vw", "g_ele_hu", "g_ele_ko", "g_gas",
    "g_gas_ap", "g_gas_tw", "g_gas_hw", "g_gas_2w", "g_gas_vw", "g_gas_hu", "g_gas_ko",
    "p_stadsv", "a_opl_lg", "a_opl_md", "a_opl_hg", "p_arb_pp", "p_arb_wn", "p_arb_zs",
    "a_inkont", "p_ink_li", "p_ink_hi", "g_hh_sti", "p_hh_110", "p_hh_120", "m_hh_ver",
    "a_soz_wb", "a_soz_ao", "a_soz_ww", "a_soz_ow", "a_opp_ha", "a_lan_ha", "a_wat_ha",
    "ste_mvs",
)
N_FILLER = len(FILLER)


def national_file(path: Path, seed: int = SEED) -> tuple[int, int]:
    """Write a synthetic national KWB in the yearly-download format: (rows, columns)."""
    rng = np.random.default_rng(seed)
    header = ["gwb_code_10", "gwb_code_8", "regio", "gm_naam", "recs", "gwb_code", "ind_wbi",
              "a_inw", "a_man", "a_vrouw", "a_hh", "a_woning", "g_hhgro", "bev_dich",
              "p_koopw", "p_huurw", "p_wcorpw", "p_ov_hw", "g_ink_po", "g_ink_pi", "p_hh_li",
              "p_hh_hi", "p_hh_lkk", "p_hh_osm", *FILLER]
    lines = [";".join(header)]

    def row(code: str, name: str, gm: str, level: str, households: int, share: float,
            suppressed: bool) -> str:
        inhabitants = int(households * rng.uniform(1.6, 2.6))
        men = inhabitants // 2
        social = rng.uniform(0, 80)
        values = [inhabitants, men, inhabitants - men, households,
                  int(households * 1.04), f"{inhabitants / max(households, 1):.1f}",
                  int(rng.uniform(100, 15_000)), f"{80 - social:.0f}", f"{social + 10:.0f}",
                  f"{social:.0f}", "10", f"{rng.uniform(25, 60):.1f}",
                  f"{rng.uniform(18, 45):.1f}", f"{rng.uniform(20, 60):.1f}",
                  f"{rng.uniform(5, 40):.1f}", f"{100 * share:.1f}",
                  f"{100 * share * 0.9:.1f}"]
        cells = [str(v).replace(".", ",") for v in values]
        if suppressed:
            cells[8:] = ["."] * (len(cells) - 8)
        filler = [str(int(x)) if name.startswith("a_") else f"{x:.1f}".replace(".", ",")
                  for name, x in zip(FILLER, rng.uniform(0, 100, N_FILLER), strict=True)]
        return ";".join([code, code[2:], name, gm, level, code, "1", *cells, *filler])

    lines.append(row("NL00", "Nederland", "Nederland", "Land", 8_000_000, 0.08, False))
    for g in range(N_GEMEENTEN):
        gm_code, gm_name = f"GM{g + 1:04d}", f"Gemeente {g + 1}"
        lines.append(row(gm_code, gm_name, gm_name, "Gemeente", 20_000, 0.08, False))
        for w in range(int(rng.integers(3, 17))):
            wk_code = f"WK{g + 1:04d}{w:02d}"
            lines.append(row(wk_code, f"Wijk {w}", gm_name, "Wijk", 2_000, 0.08, False))
            district_share = rng.beta(2, 18)
            for b in range(int(rng.integers(1, 8))):
                households = int(rng.integers(0, 2_500))
                share = float(np.clip(district_share + rng.normal(0, 0.03), 0, 1))
                lines.append(row(f"BU{g + 1:04d}{w:02d}{b:02d}", f"Buurt {b}", gm_name,
                                 "Buurt", households, share, households < 60))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 1, len(header)


def per_municipality(kwb: pd.DataFrame) -> pd.DataFrame:
    """Low-income D and H over the buurten of each municipality."""
    buurten = kwb[(kwb.level == "buurt") & (kwb.households > 0)].dropna(
        subset=["pct_low_income_households"])
    low = (buurten.pct_low_income_households.to_numpy() / 100
           * buurten.households.to_numpy())
    total = buurten.households.to_numpy()
    rows = []
    for gemeente, index in buurten.groupby("gemeente_code").indices.items():
        x, t = low[index], total[index]
        if len(index) < 2 or x.sum() == 0 or x.sum() == t.sum():
            continue
        rows.append((gemeente, len(index), segregation.dissimilarity(x, t),
                     segregation.entropy_index(x, t)))
    return pd.DataFrame(rows, columns=["gemeente_code", "buurten", "D", "H"])


EXPLORER_TARGET_SECONDS = 0.100


def explorer_latency() -> tuple[list[float], list[float], list[float]]:
    """Update times of the chapter 8 explorer: (first visits, repeated visits) as the
    explorer measures them (wall clock), and the CPU time of every update (on a machine
    shared with other work the wall clock includes waiting for a core)."""
    from wijkwijs.explorers.neighbourhood import EXPLORER_COLUMNS, municipality_explorer
    from wijkwijs.opendata import shipped_names

    explorer = municipality_explorer()
    rounds: list[list[float]] = []
    cpu: list[float] = []

    def move(**value) -> float:
        start = time.process_time()
        explorer.set(**value)
        cpu.append(time.process_time() - start)
        return explorer.last_update_seconds

    for _ in range(2):
        times = []
        for households in (0, 100, 200, 0):
            times.append(move(min_households=households))
            for city, year in shipped_names():
                times.append(move(municipality=(city, year)))
            for column in EXPLORER_COLUMNS[1:] + EXPLORER_COLUMNS[:1]:
                times.append(move(column=column))
        rounds.append(times)
    return rounds[0], rounds[1], cpu


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kwb-2023.csv"
        n_rows, n_columns = national_file(path)
        size_mb = path.stat().st_size / 1e6
        start = time.perf_counter()
        kwb = read_kwb(path)
        read_seconds = time.perf_counter() - start
        start = time.perf_counter()
        result = per_municipality(kwb)
        index_seconds = time.perf_counter() - start
    total = read_seconds + index_seconds
    print(f"synthetic national KWB: {n_rows:,} rows x {n_columns} columns, {size_mb:.1f} MB; "
          f"{(kwb.level == 'buurt').sum():,} buurten")
    print(f"read_kwb:                       {read_seconds:6.2f} s")
    print(f"D and H for {len(result)} municipalities: {index_seconds:6.2f} s "
          f"(median D {result.D.median():.3f}, median H {result.H.median():.3f})")
    verdict = "within" if total <= TARGET_SECONDS else "OVER"
    print(f"total:                          {total:6.2f} s ({verdict} the {TARGET_SECONDS:.0f} s "
          "target)")
    first, again, cpu = explorer_latency()
    for label, times in (("first visits", first), ("repeated", again), ("CPU time", cpu)):
        median = float(np.median(times))
        verdict = "within" if median <= EXPLORER_TARGET_SECONDS else "OVER"
        print(f"chapter 8 explorer, {label:12s}: median {1000 * median:5.0f} ms, max "
              f"{1000 * max(times):5.0f} ms over {len(times)} moves ({verdict} the "
              f"{1000 * EXPLORER_TARGET_SECONDS:.0f} ms target)")


if __name__ == "__main__":
    main()
