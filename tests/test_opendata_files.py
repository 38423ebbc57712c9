"""wijkwijs.opendata.read_leefbaarometer and read_neighbourhood_file."""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from wijkwijs.opendata import (
    InputFileError,
    UnmappedColumnsWarning,
    read_leefbaarometer,
    read_neighbourhood_file,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "opendata"


def test_a_wijk_export_like_the_real_one():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the row-label column "1" is dropped silently
        lbm = read_leefbaarometer(FIXTURES / "leefbaarometer_wijk.csv")
    assert list(lbm.columns) == ["code", "level", "name", "year", "score", "deviation",
                                 "physical_environment", "nuisance_and_safety",
                                 "social_cohesion", "amenities", "housing_stock"]
    assert lbm.code.tolist() == ["WK099900", "WK099900", "WK099901", "WK099901"]
    assert (lbm.level == "wijk").all()
    first = lbm.iloc[0]
    assert (first.year, first.score, first.deviation) == (2020, 4.1523, 0.0505)
    assert first.nuisance_and_safety == -0.0302  # dimensions can be negative
    assert lbm.attrs["source_columns"]["score"] == "lbm"


def test_a_buurt_export_with_decimal_commas_and_the_class():
    lbm = read_leefbaarometer(FIXTURES / "leefbaarometer_buurt.csv").set_index("code")
    assert lbm.loc["BU09990001", "score"] == 4.2105
    assert lbm.loc["BU09990100", "class"] == 8
    assert lbm.loc["BU09990000", "deviation"] == -0.0817
    assert math.isnan(lbm.loc["BU09990102", "score"])  # no score published: NaN, not 0
    assert lbm.loc["BU09990102", "name"] == "Haventerrein"


@pytest.mark.parametrize(("name", "fragments"), [
    ("leefbaarometer_duplicate.csv", ["line 4", "WK099900", "twice in 2020"]),
    ("leefbaarometer_class_10.csv", ["line 3", "'kscore'", "class from 1 to 9", "10"]),
    ("leefbaarometer_no_code.csv", ["no area-code column", "wk_code"]),
])
def test_bad_leefbaarometer_files_say_where(name, fragments):
    with pytest.raises(InputFileError) as caught:
        read_leefbaarometer(FIXTURES / "bad" / name)
    for fragment in fragments:
        assert fragment in str(caught.value), str(caught.value)


def test_an_unknown_leefbaarometer_column_is_reported(tmp_path):
    path = tmp_path / "lbm.csv"
    path.write_text("gm_code,jaar,lbm,extra\nGM0999,2022,4.1,7\n", encoding="utf-8")
    with pytest.warns(UnmappedColumnsWarning, match="'extra'"):
        lbm = read_leefbaarometer(path)
    assert lbm.level.item() == "gemeente" and lbm.attrs["unknown_columns"] == ["extra"]


@pytest.mark.parametrize("name", ["own_buurten.csv", "own_buurten.xlsx"])
def test_an_own_file_with_dutch_conventions(name):
    own = read_neighbourhood_file(FIXTURES / name)
    assert own.code.tolist() == ["BU09990000", "BU09990001", "BU09990100", "BU09990101"]
    assert own.inhabitants.tolist() == [210, 420, 690, 1030]
    assert own.households.tolist() == [100, 200, 300, 400]
    np.testing.assert_array_equal(own.pct_social_rent, [60, 40, 30, np.nan])
    np.testing.assert_array_equal(own["Groen (ha)"], [0.4, 1.25, 12.5, 30])  # decimal comma
    assert own.Buurthuis.tolist() == ["ja", "nee", "ja", "nee"]  # kept as text
    assert own.Opmerking.iloc[1] == "markt op za" and pd.isna(own.Opmerking.iloc[0])
    assert (own.level == "buurt").all() and (own.gemeente_code == "GM0999").all()
    assert own.attrs["source_columns"]["pct_social_rent"] == "Corporatiewoningen"
    assert own.attrs["source_columns"]["name"] == "Buurtnaam"


def test_own_codes_need_not_be_cbs_codes(tmp_path):
    path = tmp_path / "wijken.csv"
    path.write_text("code;naam;inwoners\nOost ;De Oostkant;1200\nWest;Westwijk;800\n",
                    encoding="utf-8")
    own = read_neighbourhood_file(path)
    assert own.code.tolist() == ["Oost", "West"] and own.level.isna().all()
    assert own.inhabitants.sum() == 2000


def test_an_own_file_gets_the_same_checks(tmp_path):
    path = tmp_path / "fout.csv"
    path.write_text("buurtcode;inwoners\nA;10\nB;-3\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"fout.csv, line 3 \(code B\), column 'inwoners': "
                       "expected a whole number >= 0"):
        read_neighbourhood_file(path)
    path.write_text("buurtcode;inwoners\nA;10\nA;12\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'A' appears twice"):
        read_neighbourhood_file(path)


def test_a_mostly_numeric_own_column_with_a_typo_is_kept_as_text_and_reported(tmp_path):
    path = tmp_path / "groen.csv"
    rows = "\n".join(f"B{i};{i},5" for i in range(12))
    path.write_text(f"code;groen\n{rows}\nB99;veel\n", encoding="utf-8")
    with pytest.warns(UnmappedColumnsWarning, match=r"'groen' is mostly numbers but line 14 "
                      "has 'veel'"):
        own = read_neighbourhood_file(path)
    assert own.groen.iloc[-1] == "veel" and own.groen.iloc[0] == "0,5"
