"""wijkwijs.opendata.read_kwb: four formats, one tidy frame; the column map; bad input.

The fixtures (tests/fixtures/opendata, written by tools/make_opendata_fixtures.py) hold
the same invented town, Voorbeeldstad, in every KWB format, so each format must give
the same numbers, and those numbers are known by hand.
"""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkwijs import segregation
from wijkwijs.opendata import InputFileError, UnmappedColumnsWarning, identify, read_kwb
from wijkwijs.opendata.values import NumberProblem, parse_numbers

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "opendata"
FORMATS = ["statline_r_83765NED.csv", "odata_84583NED.csv", "odata_other_year.csv",
           "odata_list.json", "kwb-2019.csv", "kwb-2019.xlsx"]
BUURTEN = ["BU09990000", "BU09990001", "BU09990100", "BU09990101", "BU09990102"]
NAN = float("nan")
EXPECTED = {  # the buurten of Voorbeeldstad, as invented in the fixture script
    "inhabitants": [210, 420, 690, 1030, 0],
    "households": [100, 200, 300, 400, 0],
    "dwellings": [110, 205, 320, 425, 0],
    "pct_owner_occupied": [20, 35, 55, 70, NAN],
    "pct_social_rent": [60, 40, 30, NAN, NAN],
    "avg_income_per_inhabitant": [21.3, 24.0, 26.8, NAN, NAN],
    "pct_low_income_households": [10, 25, 30, NAN, NAN],
    "pct_top20_income_households": [8, 12.5, 22, NAN, NAN],
    "pct_bottom40_income_households": [55, 48, 35, NAN, NAN],
    "avg_household_size": [2.1, 2.1, 2.3, 2.6, NAN],
}


def buurten(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame.level == "buurt"].set_index("code").loc[BUURTEN]


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_gives_the_same_numbers(name):
    frame = read_kwb(FIXTURES / name)
    rows = buurten(frame)
    for column, values in EXPECTED.items():
        np.testing.assert_array_equal(rows[column].to_numpy(), np.array(values, dtype=float),
                                      err_msg=f"{name}: {column}")
    assert frame.attrs["unknown_columns"] == []


@pytest.mark.parametrize("name", FORMATS)
def test_codes_levels_and_municipality(name):
    frame = read_kwb(FIXTURES / name).set_index("code")
    assert frame.loc["GM0999", "level"] == "gemeente"
    assert frame.loc["WK099901", "level"] == "wijk"
    assert frame.loc["BU09990100", "gemeente_code"] == "GM0999"
    assert frame.loc["BU09990100", "gemeente_name"] == "Voorbeeldstad"  # padding stripped
    assert list(frame.columns[:4]) == ["level", "name", "gemeente_code", "gemeente_name"]
    if "NL00" in frame.index:
        assert frame.loc["NL00", "level"] == "land"
        assert pd.isna(frame.loc["NL00", "gemeente_code"])


def test_zero_stays_zero_and_suppressed_stays_missing():
    frame = buurten(read_kwb(FIXTURES / "odata_84583NED.csv"))
    assert frame.loc["BU09990102", "inhabitants"] == 0  # an empty harbour buurt
    assert math.isnan(frame.loc["BU09990102", "pct_social_rent"])  # "       ." in the file
    assert math.isnan(frame.loc["BU09990101", "pct_low_income_households"])


def test_percentages_stay_percentages():
    frame = read_kwb(FIXTURES / "kwb-2019.csv").set_index("code")
    assert frame.loc["GM0999", "pct_social_rent"] == 38
    assert frame.loc["NL00", "pct_low_income_households"] == 7.5


def test_attrs_keep_the_original_keys():
    r_file = read_kwb(FIXTURES / "statline_r_83765NED.csv")
    assert r_file.attrs["format"] == "statline_csv"
    assert r_file.attrs["source_columns"]["pct_social_rent"] == (
        "Wonen.Woningen.naar.eigendom.Huurwoningen.In.bezit.woningcorporatie....")
    assert r_file.attrs["index_columns"] == [""]  # R's row numbers, dropped
    assert r_file.attrs["table_id"] == "83765NED" and r_file.attrs["year"] == 2017
    odata = read_kwb(FIXTURES / "odata_84583NED.csv")
    assert odata.attrs["source_columns"]["inhabitants"] == "AantalInwoners_5"
    assert odata.attrs["source_columns"]["code"] == "Codering_3"
    assert odata.attrs["format"] == "odata_csv"
    assert odata.attrs["delimiter"] == ";" and odata.attrs["decimal"] == "."
    assert "Appartement_48" in odata.attrs["unmapped_columns"]
    yearly = read_kwb(FIXTURES / "kwb-2019.csv")
    assert yearly.attrs["format"] == "kwb_download_csv" and yearly.attrs["decimal"] == ","
    assert yearly.attrs["source_columns"]["pct_low_income_households"] == "p_hh_lkk"
    assert yearly.attrs["source_columns"]["code"] == "gwb_code_10"
    assert read_kwb(FIXTURES / "kwb-2019.xlsx").attrs["format"] == "kwb_download_xlsx"


def test_another_year_is_read_by_meaning_not_by_suffix_or_position():
    other = read_kwb(FIXTURES / "odata_other_year.csv")
    assert other.attrs["source_columns"]["pct_low_income_households"] == (
        "HuishoudensMetEenLaagInkomen_80")
    pd.testing.assert_frame_equal(other, read_kwb(FIXTURES / "odata_84583NED.csv"),
                                  check_like=True)


def test_names_come_from_the_file_or_from_cbsodata_titles():
    assert buurten(read_kwb(FIXTURES / "statline_r_83765NED.csv")).name.tolist()[:2] == [
        "Kop van de Haven", "Oude Markt"]
    assert buurten(read_kwb(FIXTURES / "odata_84583NED.csv")).name.isna().all()
    titled = read_kwb(FIXTURES / "odata_list.json")  # WijkenEnBuurten holds the title
    assert titled.attrs["source_columns"]["name"] == "WijkenEnBuurten"
    assert buurten(titled).loc["BU09990100", "name"] == "Vogelwijk"


def test_a_mangled_key_is_reported_and_not_read():
    with pytest.warns(UnmappedColumnsWarning, match=r"HuishoudensTotal_28.*did you mean "
                      r"HuishoudensTotaal \(households\).*BU09990100"):
        frame = read_kwb(FIXTURES / "odata_keyed_84583NED.json")
    assert frame.attrs["unknown_columns"] == ["HuishoudensTotal_28"]
    rows = buurten(frame)
    assert math.isnan(rows.loc["BU09990100", "households"])  # not 300 from the bad key
    assert rows.loc["BU09990001", "households"] == 200


def test_an_early_release_with_whole_columns_suppressed():
    frame = read_kwb(FIXTURES / "kwb-2023-early.csv")
    assert frame.pct_low_income_households.isna().all()
    assert frame.attrs["suppressed"]["pct_low_income_households"] == len(frame) == 9
    assert frame.attrs["year"] == 2023
    assert frame.inhabitants.notna().all()


def test_segregation_over_buurten_matches_the_hand_computation():
    """x = 10, 50, 90 low-income households of t = 100, 200, 300 (the fourth buurt is
    suppressed, the fifth empty): D = 0.5 * sum|x/X - (t-x)/(T-X)| = 2/15."""
    rows = buurten(read_kwb(FIXTURES / "kwb-2019.xlsx"))
    known = rows.dropna(subset=["pct_low_income_households"])
    x = (known.pct_low_income_households / 100 * known.households).to_numpy()
    t = known.households.to_numpy()
    assert segregation.dissimilarity(x, t) == pytest.approx(2 / 15)

    def entropy(p: float) -> float:
        return -(p * math.log(p) + (1 - p) * math.log(1 - p))

    big_e = entropy(150 / 600)
    h = (100 * (big_e - entropy(0.1)) + 200 * (big_e - entropy(0.25))
         + 300 * (big_e - entropy(0.3))) / (600 * big_e)
    assert segregation.entropy_index(x, t) == pytest.approx(h)


# ---------------------------------------------------------------- the column map

@pytest.mark.parametrize(("header", "expected"), [
    ("AantalInwoners_5", "inhabitants"),
    ("AantalInwoners_6", "inhabitants"),
    ("HuishoudensMetEenLaagInkomen_78", "pct_low_income_households"),
    ("k_40HuishoudensMetLaagsteInkomen_76", "pct_bottom40_income_households"),
    ("Bevolking.Aantal.inwoners..aantal.", "inhabitants"),
    ("Bevolking/Aantal inwoners (aantal)", "inhabitants"),
    ("Bevolking.Personen.met.een.migratieachtergrond.Westers.totaal..aantal.",
     "western_migration_background"),
    ("Bevolking.Personen.met.een.migratieachtergrond.Niet.westers.Niet.westers.totaal..aantal.",
     "non_western_migration_background"),
    ("Inkomen.Inkomen.van.huishoudens.Huishoudens.met.een.laag.inkomen....",
     "pct_low_income_households"),
    ("Inkomen.Inkomen.van.huishoudens.40..huishoudens.met.laagste.inkomen....",
     "pct_bottom40_income_households"),
    ("Wonen.Woningen.naar.eigendom.Koopwoningen....", "pct_owner_occupied"),
    ("p_hh_lkk", "pct_low_income_households"),
    ("p_hh_li", "pct_bottom40_income_households"),
    ("P_WCORPW", "pct_social_rent"),
    ("g_wozbag", "avg_property_value"),
    ("gwb_code_10", "code"),
    ("recs", "level"),
    ("inhabitants", "inhabitants"),
])
def test_headers_are_mapped_by_meaning(header, expected):
    assert identify(header).variable == expected


@pytest.mark.parametrize("header", [
    "Inkomen.Inkomen.van.personen.40..personen.met.laagste.inkomen....",  # persons
    "k_40PersonenMetLaagsteInkomen_73", "Appartement_56", "p_hh_110", "gwb_code_8",
])
def test_cbs_columns_that_are_not_read_are_known(header):
    assert identify(header).status == "known"


def test_a_near_miss_of_a_mapped_key_gets_a_suggestion():
    match = identify("k_65JaarrOfOude_12")
    assert (match.status, match.suggestion) == ("unknown", "k_65JaarOfOuder (age_65_plus)")
    assert identify("Postcode_wijk_99").suggestion is None


# ---------------------------------------------------------------- values

def test_missing_tokens_and_sentinels_become_nan():
    values, report = parse_numbers(["       .", "NA", "", None, "-99999999", "0", " 12 "],
                                   kind="amount")
    assert np.isnan(values[:5]).all() and values[5] == 0 and values[6] == 12
    assert (report.suppressed, report.sentinels) == (4, 1)


@given(st.lists(st.one_of(st.decimals(min_value=0, max_value=10**6, places=2,
                                      allow_nan=False, allow_infinity=False),
                          st.sampled_from([".", "NA", "", "       ."])), min_size=1),
       st.sampled_from([",", "."]))
def test_parsing_round_trips_and_never_turns_missing_into_zero(cells, mark):
    text = [str(c).replace(".", mark) if not isinstance(c, str) else c for c in cells]
    values, report = parse_numbers(text, kind="amount")
    for cell, value in zip(cells, values, strict=True):
        if isinstance(cell, str):
            assert np.isnan(value)
        else:
            assert value == pytest.approx(float(cell))
    assert report.suppressed == sum(isinstance(c, str) for c in cells)


@pytest.mark.parametrize(("cells", "kind", "message"), [
    (["1", "-1"], "count", "whole number >= 0"),
    (["1", "2.5"], "count", "whole number"),
    (["50", "100.1"], "percent", "between 0 and 100"),
    (["1,5", "2.5"], "amount", "mixes decimal commas and points"),
    (["1.234.567"], "amount", "expected a number"),
    ([True], "amount", "expected a number"),
])
def test_bad_values_name_their_position(cells, kind, message):
    with pytest.raises(NumberProblem, match=message) as caught:
        parse_numbers(cells, kind=kind)
    assert caught.value.position == len(cells) - 1


# ---------------------------------------------------------------- bad input

BAD = [  # file, fragments the message must contain (where, and what was expected)
    ("empty.csv", ["empty.csv", "empty"]),
    ("blank.csv", ["blank.csv", "empty"]),
    ("header_only.csv", ["header but no data rows"]),
    ("no_code_column.csv", ["no column with area codes", "gwb_code_10", "'a_inw'"]),
    ("text_in_numeric.csv", ["line 4", "BU09990100", "'a_hh'", "expected a number", "drie"]),
    ("negative_count.csv", ["line 4", "'a_inw'", "whole number >= 0", "-5"]),
    ("percent_over_100.csv", ["line 4", "'p_wcorpw'", "between 0 and 100", "130"]),
    ("duplicate_code.csv", ["line 4", "BU09990000", "twice", "also line 2"]),
    ("truncated_line.csv", ["line 4", "4 fields", "fewer than the 6 columns"]),
    ("extra_field.csv", ["line 4", "7 fields", "more than"]),
    ("fractional_count.csv", ["line 4", "whole number", "690,5"]),
    ("mixed_decimals.csv", ["g_ink_pi", "g_hhgro", "decimal"]),
    ("mixed_decimals_in_column.csv", ["line 3", "'g_ink_pi'", "'21,3'", "'24.0'"]),
    ("level_mismatch.csv", ["line 4", "WK099901", "'Buurt'", "is a wijk"]),
    ("bad_code.csv", ["line 4", "'BU999'", "CBS area code"]),
    ("empty_code.csv", ["line 4", "no area code"]),
    ("unknown_level.csv", ["line 4", "'Straat'", "Land, Gemeente, Wijk or Buurt"]),
    ("duplicate_header.csv", ["'a_inw' appears twice", "columns 4 and 7"]),
    ("ambiguous_columns.csv", ["'a_inw'", "'AantalInwoners_5'", "both mean 'inhabitants'"]),
    ("binary.csv", ["binary"]),
    ("latin1_binary.csv", ["binary"]),
    ("old_excel.xls", [".xls", "save it as .xlsx or CSV"]),
    ("truncated.xlsx", ["not a readable .xlsx"]),
    ("truncated.json", ["line 1", "not valid JSON", "truncated"]),
    ("json_no_value.json", ["'value'"]),
    ("json_not_records.json", ["record 1", "expected an object"]),
    ("json_empty_value.json", ["no records"]),
]


@pytest.mark.parametrize(("name", "fragments"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_says_where_and_what(name, fragments):
    with pytest.raises(ValueError) as caught:
        read_kwb(FIXTURES / "bad" / name)
    assert isinstance(caught.value, InputFileError)
    message = str(caught.value)
    assert message.startswith(name), message
    for fragment in fragments:
        assert fragment in message, (fragment, message)


def test_every_bad_fixture_is_tested():
    tested = {b[0] for b in BAD} | {p.name for p in (FIXTURES / "bad").iterdir()
                                    if p.name.startswith(("leefbaarometer", "geometry"))}
    assert tested == {p.name for p in (FIXTURES / "bad").iterdir()}


def test_a_missing_file_is_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_kwb(tmp_path / "nothing.csv")


def test_a_cp1252_file_is_read(tmp_path):
    path = tmp_path / "kwb-2019.csv"
    path.write_bytes("gwb_code_10;regio;a_inw\nBU00810000;Súdwest;10\n".encode("cp1252"))
    frame = read_kwb(path)
    assert frame.name.item() == "Súdwest" and frame.attrs["encoding"] == "cp1252"


def test_the_reader_emits_no_warning_on_clean_files():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name in FORMATS:
            read_kwb(FIXTURES / name)


# ---------------------------------------------------------------- the two CSV paths

def test_a_truncated_line_in_a_quoted_odata_file(tmp_path):
    text = (FIXTURES / "odata_84583NED.csv").read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    cut = list(lines)
    cut[5] = cut[5].rsplit(";", 8)[0]  # the last 8 fields lost, at a field boundary
    path = tmp_path / "odata.csv"
    path.write_text("\n".join(cut) + "\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"odata.csv, line 6: has 9 fields, fewer than "
                       "the 17 columns"):
        read_kwb(path)
    cut[5] = lines[5][: lines[5].index("    ") + 2]  # cut inside a quoted value
    path.write_text("\n".join(cut) + "\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"odata.csv, line \d+: has \d+ fields, more "
                       "than the 17 columns.*truncated or broken line"):
        read_kwb(path)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("quoted", [False, True])
def test_blank_lines_are_skipped_and_line_numbers_stay_true(tmp_path, newline, quoted):
    q = '"' if quoted else ""
    rows = ["gwb_code_10;a_inw", "BU09990000;10", "", "BU09990001;20", "", "BU09990100;-1"]
    rows = [";".join(f"{q}{c}{q}" for c in r.split(";")) if r else r for r in rows]
    path = tmp_path / "kwb.csv"
    path.write_bytes(newline.join(rows).encode() + newline.encode())
    with pytest.raises(InputFileError, match=r"line 6 \(code BU09990100\)"):
        read_kwb(path)
    path.write_bytes(newline.join(rows[:-1]).encode() + newline.encode())
    assert read_kwb(path).inhabitants.tolist() == [10, 20]


def test_a_line_of_spaces_is_skipped_as_blank(tmp_path):
    path = tmp_path / "kwb.csv"
    path.write_text("gwb_code_10;a_inw\nBU09990000;10\n   \nBU09990001;20\n", encoding="utf-8")
    assert read_kwb(path).code.tolist() == ["BU09990000", "BU09990001"]


def test_cbs_sentinels_in_a_kwb_file_become_nan(tmp_path):
    path = tmp_path / "kwb.csv"
    path.write_text("gwb_code_10;a_inw;a_opp_ha\nBU09990000;10;-99999999\n"
                    "BU09990001;20;12\n", encoding="utf-8")
    frame = read_kwb(path)
    assert np.isnan(frame.area_total_ha.iloc[0]) and frame.area_total_ha.iloc[1] == 12
    assert frame.attrs["sentinels"] == {"area_total_ha": 1}


def test_errors_in_a_workbook_and_in_json_name_the_sheet_row_and_record(tmp_path):
    import json

    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.title = "Data"
    for row in (["gwb_code_10", "a_inw"], ["BU09990000", 10], ["BU09990001", "tien"]):
        workbook.active.append(row)
    workbook.save(tmp_path / "kwb.xlsx")
    with pytest.raises(InputFileError, match=r"kwb.xlsx, sheet 'Data', row 3 \(code "
                       r"BU09990001\), column 'a_inw': expected a number, found 'tien'"):
        read_kwb(tmp_path / "kwb.xlsx")
    document = {"value": {"7": {"WijkenEnBuurten": "BU09990000", "AantalInwoners_5": 10},
                          "8": {"WijkenEnBuurten": "BU09990001", "AantalInwoners_5": 101.5}}}
    (tmp_path / "kwb.json").write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(InputFileError, match=r"kwb.json, record 8 \(code BU09990001\), column "
                       "'AantalInwoners_5': expected a whole number"):
        read_kwb(tmp_path / "kwb.json")
