"""The example files of chapter 8 (datasets/examples): what the tool writes, labelled right.

A real CBS sample in the layout of the yearly download, and a synthetic Havenstad file in
the layout of a Leefbaarometer 3.0 export, written by tools/make_opendata_examples.py.
"""

from __future__ import annotations

import hashlib
import importlib.util
import warnings
from pathlib import Path

import numpy as np
import pytest

from wijkwijs import opendata
from wijkwijs.havenstad import havenstad_statistics
from wijkwijs.paths import datasets_dir

ROOT = Path(__file__).resolve().parent.parent
FOLDER = datasets_dir() / "examples"


def _tool():
    spec = importlib.util.spec_from_file_location(
        "make_opendata_examples", ROOT / "tools" / "make_opendata_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_files_are_what_the_tool_writes():
    built = _tool().build()
    # (subfolders such as fieldwork/ belong to other chapters and have their own cards)
    assert {p.name for p in FOLDER.iterdir() if p.is_file()} == set(built)
    for name, data in built.items():
        assert (FOLDER / name).read_bytes() == data, name
    for line in (FOLDER / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((FOLDER / name).read_bytes()).hexdigest() == digest


def test_every_example_is_labelled_in_its_name_and_card():
    assert set(opendata.EXAMPLE_FILES) == {p.name for p in FOLDER.glob("*.csv")}
    card = (FOLDER / "README.md").read_text(encoding="utf-8")
    assert "synthetic" in "leefbaarometer_havenstad_synthetic_example.csv"
    assert "not Leefbaarometer scores" in card and "Bron: CBS, CC BY 4.0" in card
    assert "SYNTHETIC" in opendata.EXAMPLE_FILES["leefbaarometer_havenstad_synthetic_example.csv"]
    with pytest.raises(ValueError, match=r"no example file 'kwb-2023\.csv'"):
        opendata.example_path("kwb-2023.csv")


def test_the_kwb_sample_keeps_the_real_values():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        sample = opendata.read_kwb(opendata.example_path("kwb-2019_amsterdam_centrum_sample.csv"))
    assert sample.attrs["format"] == "kwb_download_csv" and sample.attrs["decimal"] == ","
    assert (sample.attrs["year"], sample.attrs["table_id"]) == (2019, "84583NED")
    assert sample.attrs["source_columns"]["pct_social_rent"] == "p_wcorpw"
    shipped = opendata.shipped("amsterdam", 2019).set_index("code")
    rows = sample.set_index("code")
    assert set(rows.level) == {"land", "gemeente", "wijk", "buurt"}
    assert {c[:8] for c in rows.index if c.startswith("WK")} == {
        "WK036300", "WK036301", "WK036302", "WK036303", "WK036304"}
    for column in ("inhabitants", "households", "dwellings", "pct_social_rent",
                   "pct_low_income_households", "avg_income_per_inhabitant"):
        np.testing.assert_array_equal(rows[column], shipped.loc[rows.index, column],
                                      err_msg=column)
    assert rows.pct_low_income_households.isna().any()  # "." stays empty, not 0


def test_the_synthetic_leefbaarometer_file():
    lbm = opendata.read_leefbaarometer(
        opendata.example_path("leefbaarometer_havenstad_synthetic_example.csv"))
    assert sorted(lbm.year.unique()) == [2014, 2016, 2018, 2020, 2022]
    assert len(lbm) == 5 * 41 and lbm.code.str.startswith("BU9901").all()
    dims = ["physical_environment", "nuisance_and_safety", "social_cohesion", "amenities",
            "housing_stock"]
    assert not lbm[dims].isna().any().any()
    assert (lbm.score - 4.0 - lbm.deviation).abs().max() < 2e-4
    assert (lbm[dims].sum(axis=1) - lbm.deviation).abs().max() <= 6e-4
    stats = havenstad_statistics(2020).set_index("code")
    this_year = lbm[lbm.year == 2020].set_index("code")
    np.testing.assert_allclose(this_year.score, stats.loc[this_year.index, "liveability_score"],
                               atol=6e-5)
    np.testing.assert_allclose(this_year.housing_stock,
                               stats.loc[this_year.index, "liveability_housing_stock"], atol=6e-5)
    assert (this_year["class"] == stats.loc[this_year.index, "liveability_class"]).all()
