"""The wijkscan app's explorer: controls, views, memo buttons, own file."""

from __future__ import annotations

import base64

from wijkwijs.examples import wijkscan as scan
from wijkwijs.explorers.wijkscan import wijkscan_app


def test_changing_the_buurt_or_source_redraws_the_profile():
    app = wijkscan_app()
    ex = app.explorer
    assert "wijkwijs-explorer" in ex.widget._dom_classes
    first = ex.html_view.value
    ex.set(buurt="BU99010105")
    assert ex.html_view.value != first and "BU99010105" in ex.html_view.value
    updates = ex.updates
    ex.controls["source"].value = "den_haag-2019"
    # the buurt list follows the source, and the view is of a buurt of that source
    assert set(ex.controls["buurt"].options) == set(
        scan.neighbourhood_options("den_haag-2019").items())
    assert ex.controls["buurt"].value in ex.html_view.value
    assert "Bron: CBS" in ex.html_view.value
    assert ex.updates > updates


def test_the_download_link_and_the_save_button_give_the_memo(tmp_path, monkeypatch):
    monkeypatch.setenv("WIJKWIJS_MEMO_DIR", str(tmp_path / "memos"))
    app = wijkscan_app(code="BU99010101")
    href = app.download.value.split("href='", 1)[1].split("'", 1)[0]
    page = base64.b64decode(href.split(",", 1)[1]).decode()
    assert page == scan.memo_html(scan.profile("havenstad-2019", "BU99010101"))
    path = app.save()
    assert path.parent == tmp_path / "memos" and path.read_text() == page
    assert str(path) in app.status.value


def test_reading_an_own_file_adds_it_as_a_source(tmp_path):
    path = tmp_path / "buurten.csv"
    path.write_text("Buurtcode;Buurt;Huishoudens\nGM0363;Amsterdam;500\n"
                    "BU03630000;Kop Zeedijk;300\nBU03630001;Oude Kerk;200\n")
    app = wijkscan_app()
    key = app.read_file(path)
    assert app.explorer.controls["source"].value == key
    assert "Kop Zeedijk" in app.explorer.html_view.value
    assert app.read_file(tmp_path / "missing.csv") == ""
    assert "Could not read the file" in app.status.value
