"""The real CBS snapshot in datasets/cbs: hashes, provenance, and what the loaders read.

Made by tools/make_cbs_snapshot.py from real exports that are not in the repository;
these tests need only the shipped files.
"""

from __future__ import annotations

import hashlib
import re
import warnings

import numpy as np
import pytest

from wijkwijs import segregation
from wijkwijs.opendata import (
    join_geometry,
    provenance,
    read_kwb,
    shipped,
    shipped_geometry,
    shipped_municipalities,
    shipped_names,
)
from wijkwijs.paths import datasets_dir

FOLDER = datasets_dir() / "cbs"


def test_the_shipped_files_match_sha256sums():
    listed = {}
    for line in (FOLDER / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ")
        listed[name] = digest
    present = {p.name for p in FOLDER.iterdir()} - {"SHA256SUMS"}
    assert set(listed) == present
    for name, digest in listed.items():
        assert hashlib.sha256((FOLDER / name).read_bytes()).hexdigest() == digest, name


def test_every_file_has_its_provenance():
    records = provenance()
    assert set(records) == {p.name for p in FOLDER.iterdir()} - {
        "SHA256SUMS", "README.md", "provenance.json", "LICENSE-spierenburg2023.txt"}
    card = (FOLDER / "README.md").read_text(encoding="utf-8")
    assert "Bron: CBS, CC BY 4.0" in card
    for name, record in records.items():
        assert re.fullmatch(r"[0-9a-f]{40}", record["commit"]), name
        assert record["repository"].startswith("https://github.com/"), name
        assert record["commit"][:12] in card and name in card
        if record["kind"] != "municipalities":
            assert record["attribution"] == "Bron: CBS, CC BY 4.0"
        if record["kind"] == "kwb":
            assert re.fullmatch(r"\d{5}NED", record["table_id"])
    towns = records["gemeenten_spierenburg2023.csv"]
    assert towns["licence"] == "MIT" and "Spierenburg" in towns["citation"]
    notice = (FOLDER / "LICENSE-spierenburg2023.txt").read_text(encoding="utf-8")
    assert "Copyright (c) 2023 Lucas Spierenburg" in notice and "MIT License" in notice


def test_shipped_names():
    assert shipped_names() == [("amsterdam", 2017), ("amsterdam", 2019), ("den_haag", 2019),
                               ("rotterdam", 2017)]
    with pytest.raises(ValueError, match="no shipped data for 'Utrecht'"):
        shipped("Utrecht", 2019)
    with pytest.raises(ValueError, match="no shipped KWB for 'amsterdam' in 2018"):
        shipped("amsterdam", 2018)


@pytest.mark.parametrize(("city", "year", "code", "inhabitants", "wijken", "buurten"), [
    ("amsterdam", 2017, "GM0363", 844_947, 99, 479),
    ("amsterdam", 2019, "GM0363", 862_965, 99, 479),
    ("den haag", 2019, "GM0518", 537_833, 44, 114),
    ("rotterdam", 2017, "GM0599", None, 22, 92),
])
def test_the_shipped_kwb(city, year, code, inhabitants, wijken, buurten):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the canonical files read cleanly
        frame = shipped(city, year)
    assert frame.attrs["format"] == "canonical_csv" and frame.attrs["year"] == year
    assert frame.attrs["attribution"] == "Bron: CBS, CC BY 4.0"
    counts = frame.level.value_counts()
    assert (counts["gemeente"], counts["wijk"], counts["buurt"]) == (1, wijken, buurten)
    assert (frame.gemeente_code.dropna() == code).all()
    if inhabitants is not None:
        gm = frame.set_index("code").loc[code]
        assert gm.inhabitants == inhabitants
        b = frame[frame.level == "buurt"]
        # buurt counts are rounded by CBS, so they add up to the total within 0.2 %
        assert b.inhabitants.sum() == pytest.approx(inhabitants, rel=0.002)
        assert (b.households <= b.inhabitants + 10).all()
        assert b.pct_social_rent.dropna().between(0, 100).all()


def test_the_national_row_and_the_2017_to_2019_buurten():
    a17, a19 = shipped("amsterdam", 2017), shipped("amsterdam", 2019)
    nl17, nl19 = (f.set_index("code").loc["NL00"] for f in (a17, a19))
    assert nl17.inhabitants == 17_081_507
    assert nl17.pct_social_rent == nl19.pct_social_rent == 29  # 29.6 % and 29.4 % in 82900NED
    assert set(a17.code[a17.level == "buurt"]) == set(a19.code[a19.level == "buurt"])


def test_suppressed_values_are_missing_not_zero():
    a17 = shipped("amsterdam", 2017)
    b = a17[a17.level == "buurt"]
    assert b.pct_low_income_households.isna().sum() == 101
    empty = b[b.inhabitants == 0]
    assert len(empty) == 24 and empty.pct_low_income_households.isna().all()


def test_rotterdam_has_its_mangled_record_empty_and_names_from_the_map():
    rotterdam = shipped("rotterdam", 2017).set_index("code")
    assert np.isnan(rotterdam.loc["BU05990836", "age_65_plus"])
    assert rotterdam.loc["BU05990110", "name"] == "Stadsdriehoek"
    assert "households" not in rotterdam.columns  # the source subset has no counts
    assert any("k_65JaarrOfOude_12" in w for w in
               provenance()["kwb_rotterdam_2017.csv"]["reader_warnings"])


def test_the_rotterdam_geometry_joins_completely():
    geo = shipped_geometry("Rotterdam")
    assert len(geo) == 92 and geo.crs.to_epsg() == 4326
    minx, miny, maxx, maxy = geo.total_bounds
    assert 3.9 < minx < maxx < 4.7 and 51.8 < miny < maxy < 52.1
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        joined = join_geometry(geo, shipped("rotterdam", 2017))
    assert len(joined) == 92 and joined.attrs["unmatched_data"] == []
    with pytest.raises(ValueError, match="only Rotterdam"):
        shipped_geometry("amsterdam")


def test_the_municipality_table():
    towns = shipped_municipalities().set_index("gemeente_code")
    assert len(towns) == 387
    amsterdam = towns.loc["GM0363"]
    assert (amsterdam.separation, amsterdam.gini) == pytest.approx((74.94, 0.37), abs=0.005)
    assert towns.share_non_western.between(0, 1).all()
    assert towns.gini.isna().any()  # blank in the source, NaN here
    assert towns.attrs["licence"] == "MIT"


def _dissimilarity(x: np.ndarray, t: np.ndarray) -> float:
    """Duncan & Duncan (1955), written out: D = 1/2 sum |x_i/X - (t_i-x_i)/(T-X)|."""
    return 0.5 * float(np.abs(x / x.sum() - (t - x) / (t - x).sum()).sum())


@pytest.mark.parametrize(("city", "year", "low_d", "social_d"), [
    ("amsterdam", 2017, 0.205, 0.433),
    ("amsterdam", 2019, 0.203, 0.426),
    ("den_haag", 2019, 0.281, 0.476),
])
def test_segregation_of_the_shipped_cities(city, year, low_d, social_d):
    """Low-income households and corporation dwellings over buurten (counts = share/100
    x households; suppressed buurten left out). Checked against the formula written out
    here, and pinned to the values of this snapshot."""
    frame = shipped(city, year)
    b = frame[(frame.level == "buurt") & (frame.households > 0)]
    for share, expected in (("pct_low_income_households", low_d),
                            ("pct_social_rent", social_d)):
        known = b.dropna(subset=[share])
        x = (known[share] / 100 * known.households).to_numpy()
        t = known.households.to_numpy()
        d = segregation.dissimilarity(x, t)
        assert d == pytest.approx(_dissimilarity(x, t), rel=1e-12)
        assert d == pytest.approx(expected, abs=5e-4)
        assert 0 < segregation.entropy_index(x, t) < d


def test_the_shipped_files_are_the_canonical_form_of_read_kwb():
    frame = read_kwb(FOLDER / "kwb_den_haag_2019.csv")
    assert frame.attrs["delimiter"] == "," and frame.attrs["decimal"] in (".", None)
    assert all(frame.attrs["source_columns"][k] == k for k in frame.attrs["source_columns"])
