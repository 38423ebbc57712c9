"""The errors a learner meets speak Dutch when the course does, and still say where.

With ``set_language("nl")`` a bad KWB file, a bad Leefbaarometer export, a bad geometry
file, a record with a phone number, a corrupted fieldwork file and an unknown exercise id
each raise the same kind of error as in English, with a Dutch message that still names
the file, the line or row, the code, the column or the field. The English messages are
checked by each module's own tests; here the English is only compared, to show that the
two languages say the same things.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from wijkwijs import exercises, i18n, opendata
from wijkwijs import fieldwork as fw


@pytest.fixture
def dutch() -> Iterator[None]:
    i18n.set_language("nl")
    try:
        yield
    finally:
        i18n.set_language("en")


def message_in(language: str, error: type[BaseException], call: Callable[[], object]) -> str:
    """The message of the error ``call`` raises in ``language``; the language is reset."""
    i18n.set_language(language)
    try:
        with pytest.raises(error) as caught:
            call()
    finally:
        i18n.set_language("en")
    return str(caught.value).strip("'\"") if error is KeyError else str(caught.value)


def test_a_negative_count_in_a_kwb_file(tmp_path: Path):
    path = tmp_path / "mijn_kwb.csv"
    path.write_text("gwb_code_10;regio;a_inw\nBU03630000;Kop Zeedijk;1035\n"
                    "BU03630001;Oude Kerk;-5\n", encoding="utf-8")
    dutch = message_in("nl", opendata.InputFileError, lambda: opendata.read_kwb(path))
    english = message_in("en", opendata.InputFileError, lambda: opendata.read_kwb(path))
    assert english == ("mijn_kwb.csv, line 3 (code BU03630001), column 'a_inw': expected a "
                       "whole number >= 0 (a count), found '-5'")
    assert dutch == ("mijn_kwb.csv, regel 3 (code BU03630001), kolom 'a_inw': verwacht een "
                     "heel getal >= 0 (een aantal), maar er staat '-5'")


@pytest.mark.parametrize(("content", "english_words", "dutch_words"), [
    ("gwb_code_10;a_inw\nBU03630000;10\nBU03630001\n",
     ["line 3", "fewer than the 2 columns", "line 1"],
     ["regel 3", "minder dan de 2 kolommen", "kopregel (regel 1)"]),
    ("gwb_code_10;a_inw\nBU03630000;10\nBU03630000;12\n",
     ["line 3", "'BU03630000' appears twice (also line 2)"],
     ["regel 3", "'BU03630000' komt twee keer voor (ook op regel 2)"]),
    ("gwb_code_10;p_wcorpw\nBU03630000;140\n",
     ["line 2", "column 'p_wcorpw'", "percentage between 0 and 100", "'140'"],
     ["regel 2", "kolom 'p_wcorpw'", "percentage tussen 0 en 100", "'140'"]),
    ("regio;a_inw\nKop;10\n",
     ["has no column with area codes", "'regio'"],
     ["heeft geen kolom met gebiedscodes", "'regio'"]),
    ("", ["empty"], ["leeg"]),
])
def test_other_bad_kwb_files(tmp_path: Path, content: str, english_words: list[str],
                             dutch_words: list[str]):
    path = tmp_path / "kwb.csv"
    path.write_text(content, encoding="utf-8")
    english = message_in("en", opendata.InputFileError, lambda: opendata.read_kwb(path))
    dutch = message_in("nl", opendata.InputFileError, lambda: opendata.read_kwb(path))
    assert dutch != english
    for text, words in ((english, english_words), (dutch, dutch_words)):
        assert text.startswith("kwb.csv")
        for word in words:
            assert word in text, (word, text)


def test_text_in_a_leefbaarometer_score(tmp_path: Path):
    path = tmp_path / "lbm.csv"
    path.write_text("wk_code,jaar,lbm\nWK036201,2020,4.1\nWK036202,2020,hoog\n",
                    encoding="utf-8")
    dutch = message_in("nl", opendata.InputFileError,
                       lambda: opendata.read_leefbaarometer(path))
    assert dutch == ("lbm.csv, regel 3 (code WK036202), kolom 'lbm': verwacht een getal, "
                     "maar er staat 'hoog'")


def test_a_leefbaarometer_year_out_of_range_in_a_workbook(tmp_path: Path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "lbm.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Wijken"
    for row in (("wk_code", "jaar", "lbm"), ("WK036201", 2020, 4.1), ("WK036202", 1850, 4.0)):
        sheet.append(row)
    book.save(path)
    english = message_in("en", opendata.InputFileError,
                         lambda: opendata.read_leefbaarometer(path))
    dutch = message_in("nl", opendata.InputFileError,
                       lambda: opendata.read_leefbaarometer(path))
    assert english == ("lbm.xlsx, sheet 'Wijken', row 3 (code WK036202), column 'jaar': "
                       "expected a year, found 1850")
    assert dutch == ("lbm.xlsx, werkblad 'Wijken', rij 3 (code WK036202), kolom 'jaar': "
                     "verwacht een jaartal, maar er staat 1850")


def test_a_geometry_file_without_codes(tmp_path: Path):
    square = [[[4.90, 52.37], [4.91, 52.37], [4.91, 52.38], [4.90, 52.38], [4.90, 52.37]]]
    path = tmp_path / "buurten.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"BU_CODE": "BU03630000"},
         "geometry": {"type": "Polygon", "coordinates": square}},
        {"type": "Feature", "properties": {"BU_CODE": "BU03630000"},
         "geometry": {"type": "Polygon", "coordinates": square}}]}), encoding="utf-8")
    dutch = message_in("nl", opendata.InputFileError, lambda: opendata.read_geometry(path))
    assert dutch == ("buurten.geojson, record 2 (code BU03630000): de code 'BU03630000' "
                     "komt twee keer voor; verwacht één vorm per gebied")


def test_a_phone_number_in_a_record_is_refused_in_dutch():
    record = {"name": "Buurthuis De Brug", "kind": "community_centre",
              "notes": "bel Jan op 06-12345678"}
    english = message_in("en", ValueError, lambda: fw.validate_record(record))
    dutch = message_in("nl", ValueError, lambda: fw.validate_record(record))
    assert english.startswith("notes contains what looks like a Dutch phone number ('06-…')")
    assert dutch.startswith("notes bevat iets dat lijkt op een Nederlands telefoonnummer "
                            "('06-…')")
    assert "AVG" in dutch and "12345678" not in dutch


def test_a_corrupted_fieldwork_file_names_its_line_in_dutch(tmp_path: Path):
    path = tmp_path / "sociale_kaart.jsonl"
    fw.save_record(path, {"name": "Buurthuis De Brug", "kind": "community_centre"})
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"name": "Bibliotheek", "kind": \n')
    dutch = message_in("nl", ValueError, lambda: fw.load_records(path))
    assert dutch.startswith("sociale_kaart.jsonl regel 2: geen geldige JSON (")
    assert "het bestand is niet veranderd" in dutch
    assert "sociale_kaart.jsonl.bak" in dutch


def test_an_unknown_exercise_id_in_dutch():
    dutch = message_in("nl", KeyError, lambda: exercises.check("2.99-nope", 1))
    assert dutch.startswith("Er is geen opdracht '2.99-nope'. Opdrachten in dit hoofdstuk: ")
    assert "2.1" in dutch.split(":", 1)[1]


def test_a_bad_min_people_is_refused_in_dutch(dutch):
    assert i18n.get_language() == "nl"
    with pytest.raises(ValueError, match="moet een heel getal van minstens 2 zijn"):
        fw.observation_bridging(fw.load_records(fw.example_file("observation")), min_people=1)


def test_a_measure_on_a_file_without_its_column(tmp_path: Path):
    path = tmp_path / "mijn_gemeente.csv"
    path.write_text("gwb_code_10;regio;a_inw\nGM0363;Amsterdam;862965\n"
                    "BU03630000;Kop Zeedijk;1035\n", encoding="utf-8")
    kwb = opendata.read_kwb(path)
    dutch = message_in("nl", ValueError, lambda: opendata.group_counts(kwb, "pct_social_rent"))
    assert dutch == ("het bestand mijn_gemeente.csv heeft geen kolom 'pct_social_rent', en "
                     "die is nodig voor de aantallen van 'pct_social_rent'; de kolommen zijn: "
                     "inhabitants.")


def test_the_offline_download_message_in_dutch(tmp_path):
    from wijkwijs.opendata.errors import OfflineError

    i18n.set_language("nl")
    try:
        with pytest.raises(OfflineError) as caught:
            opendata.download_kwb("GM0599", 2023, offline=True, cache=tmp_path)
        with pytest.raises(ValueError, match="gemeentecode"):
            opendata.download_kwb("Rotterdam", 2023, offline=True, cache=tmp_path)
    finally:
        i18n.set_language("en")
    message = str(caught.value)
    assert "Het CBS is niet benaderd voor de KWB 2023" in message and "GM0599" in message
    assert "wijkwijs.opendata.shipped('rotterdam', 2017)" in message
    assert "is leeg" in message
    with pytest.raises(OfflineError, match="Did not contact CBS for KWB 2023"):
        opendata.download_kwb("GM0599", 2023, offline=True, cache=tmp_path)


def test_the_shared_checks_of_a_year_a_choice_a_share_and_a_column_in_dutch():
    """What a learner meets in every chapter: a year, a choice, a share, a column, a gap."""
    import pandas as pd

    from wijkwijs import _validate as v
    from wijkwijs.havenstad.load import havenstad_households

    cases = [
        (lambda: havenstad_households(2030), ["2030", "2011–2022"],
         "staat niet in de gegevens; beschikbare jaren"),
        (lambda: v.check_choice("straat", ("buurt", "wijk"), "scale"),
         ["'straat'", "buurt, wijk"], "is onbekend; kies uit"),
        (lambda: v.check_fraction(1.5, "share"), ["share", "[0, 1]", "1.5"],
         "moet in [0, 1] liggen"),
        (lambda: v.require_columns(pd.DataFrame({"a": [1]}), ["a", "b"], "edges"),
         ["edges", "'b'", "['a']"], "heeft geen kolom"),
        (lambda: v.require_no_missing(pd.DataFrame({"a": [1, None]}), "a", "edges"),
         ["edges", "'a'", "rij 1"], "ontbreekt in rij"),
    ]
    for call, kept, dutch_words in cases:
        english = message_in("en", ValueError, call)
        dutch_text = message_in("nl", ValueError, call)
        assert dutch_words in dutch_text and dutch_text != english
        for piece in kept:  # the same facts in both languages
            assert piece in dutch_text
            assert piece.replace("rij", "row") in english
