"""The wijkscan profile and memo: recomputed by another route, never frozen numbers."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from wijkwijs import fieldwork, opendata
from wijkwijs.examples import wijkscan as scan
from wijkwijs.examples.own_neighbourhood import wijkscan_figures
from wijkwijs.havenstad import havenstad_statistics
from wijkwijs.havenstad.infrastructure import inventory_by_buurt, referral_brokerage
from wijkwijs.havenstad.liveability import liveability_table
from wijkwijs.i18n import set_language


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


def test_sources_cover_havenstad_and_every_shipped_file():
    keys = list(scan.source_options().values())
    assert keys[:2] == [f"havenstad-{y}" for y in scan.HAVENSTAD_YEARS]
    assert {f"{c}-{y}" for c, y in opendata.shipped_names()} <= set(keys)
    with pytest.raises(ValueError, match="unknown source 'utrecht-2019'"):
        scan.profile("utrecht-2019", "BU0")
    with pytest.raises(ValueError, match="inventory 'web' is unknown; choose one of"):
        scan.profile("havenstad-2019", "BU99010101", inventory="web")


def test_havenstad_key_figures_are_its_statistics_and_ranks_recount():
    stats = havenstad_statistics(2019).set_index("code")
    code = "BU99010101"
    p = scan.profile("havenstad-2019", code)
    peers = stats[(stats["level"] == "buurt") & (stats["gemeente_code"] == "GM9901")]
    for r in p.figures.to_dict("records"):
        column = r["column"]
        assert r["here"] == pytest.approx(stats.loc[code, column])
        assert r["city"] == pytest.approx(stats.loc["GM9901", column])
        # rank 1 = highest: one more than the buurten strictly above
        assert r["rank"] == 1 + sum(v > stats.loc[code, column] for v in peers[column])
        assert r["buurten"] == len(peers)
    assert p.synthetic and "synthetic" in p.attribution


def test_havenstad_infrastructure_brokers_and_liveability_come_from_chapter_6_and_7():
    code = "BU99010105"
    p = scan.profile("havenstad-2019", code)
    inv = inventory_by_buurt(2019).loc[code]
    values = dict(p.infrastructure.to_numpy().tolist())
    assert values["organisations"] == str(int(inv["organisations"]))
    assert values["meeting places"] == str(int(inv["meeting_places"]))
    brokers = referral_brokerage(2019, top=None)
    mine = brokers[(brokers["buurt_code"] == code) & (brokers["betweenness"] > 0)]
    assert p.brokers["name"].tolist() == mine["name"].head(3).tolist()
    live = liveability_table(2019).set_index("code").loc[code]
    assert p.liveability["class"] == int(live["class"])
    assert p.liveability["class_name"] == live["class_name"]


def test_the_caveat_sits_beside_the_class_not_in_a_footnote():
    page = scan.profile_html(scan.profile("havenstad-2019", "BU99010101"))
    block = page[page.index("wscan-liveability"):]
    assert block.index("class ") < block.index("wscan-caveat") < block.index("Go and look")
    assert "display:flex" in page[page.index("wscan-liveability") - 40:][:120]
    assert "not a causal model" in block
    # a real city has no shipped score: the caveat is still there, with the reason
    real = scan.profile_html(scan.profile("amsterdam-2019", "BU03630000"))
    assert "No liveability scores are shipped" in real and "not a causal model" in real


def test_a_shipped_city_matches_chapter_8s_wijkscan_figures():
    kwb = opendata.shipped("amsterdam", 2019)
    p = scan.profile("amsterdam-2019", "BU03630000")
    expected = wijkscan_figures(kwb, "BU03630000")
    pd.testing.assert_series_equal(p.figures["here"].reset_index(drop=True),
                                   expected["buurt"].rename("here"), check_dtype=False)
    assert p.figures["rank"].astype("Int64").tolist() == expected["rank"].tolist()
    assert "Bron: CBS" in p.attribution and not p.synthetic
    assert "CBS publishes no inventory" in p.infrastructure_note
    # D over buurten is higher than over wijken (chapter 2's scale effect), for this file
    seg = p.segregation
    low = seg[seg["group"] == seg["group"].iloc[0]]
    assert low["D"].iloc[0] > low["D"].iloc[1]


def test_a_file_without_shares_says_so():
    code = next(iter(scan.neighbourhood_options("rotterdam-2017").values()))
    p = scan.profile("rotterdam-2017", code)
    assert len(p.segregation) == 0
    assert "no share of a group" in scan.profile_html(p)


def test_fieldwork_inventories_example_and_mine(tmp_path, monkeypatch):
    monkeypatch.setenv(fieldwork.FIELDWORK_DIR_ENV, str(tmp_path))
    missing = scan.profile("amsterdam-2019", "BU03630000", inventory="mine")
    assert missing.infrastructure is None and "no fieldwork inventory yet" in \
        missing.infrastructure_note
    example = scan.profile("amsterdam-2019", "BU03630000", inventory="example")
    records = fieldwork.load_records(fieldwork.example_file())
    assert dict(example.infrastructure.to_numpy().tolist())["organisations"] == \
        str(len(records))
    top = fieldwork.inventory_brokerage(records)
    assert example.brokers["name"].iloc[0] == top.index[0]
    # the learner's own file, written with chapter 7's form functions
    for record in records.head(3).to_dict("records"):
        fieldwork.save_record(fieldwork.work_file("inventory"), record)
    mine = scan.profile("havenstad-2019", "BU99010101", inventory="mine")
    assert dict(mine.infrastructure.to_numpy().tolist())["organisations"] == "3"


def test_own_neighbourhood_file(tmp_path):
    path = tmp_path / "mijn_buurten.csv"
    path.write_text("Buurtcode;Buurt;Inwoners;Huishoudens\n"
                    "GM0363;Amsterdam;1000;500\n"
                    "BU03630000;Kop <Zeedijk>;600;300\n"
                    "BU03630001;Oude Kerk e.o.;400;200\n", encoding="utf-8")
    key = scan.add_own_file(path)
    assert key in scan.source_options().values()
    p = scan.profile(key, "BU03630000")
    assert p.name == "Kop <Zeedijk>"
    figures = p.figures.set_index("column")
    assert figures.loc["households", "here"] == 300
    assert figures.loc["households", "city"] == 500
    assert figures.loc["households", "rank"] == 1
    page = scan.memo_html(p)
    assert "Kop &lt;Zeedijk&gt;" in page and "<Zeedijk>" not in page  # escaped
    bad = tmp_path / "geen_buurten.csv"
    bad.write_text("Buurtcode;Inwoners\nGM0363;1000\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no buurt rows"):
        scan.add_own_file(bad)


@pytest.mark.parametrize("source", ["havenstad-2019", "den_haag-2019"])
def test_the_memo_is_one_self_contained_page(source):
    code = next(iter(scan.neighbourhood_options(source).values()))
    page = scan.memo_html(scan.profile(source, code))
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert not re.search(r"<(script|img|link|iframe)\b", page)
    assert "http://" not in page and "https://" not in page
    assert "@page { size: A4" in page
    for heading in ("Key figures", "Segregation in context", "Social infrastructure",
                    "Liveability class", "What the class cannot tell you"):
        assert f"<h4>{heading}</h4>" in page
    title = html.unescape(re.search(r"<title>(.*?)</title>", page).group(1))
    assert title.startswith("Wijkscan: ")


def test_the_memo_in_dutch():
    set_language("nl")
    page = scan.memo_html(scan.profile("havenstad-2019", "BU99010101"))
    assert "<html lang='nl'>" in page
    assert "Kerncijfers" in page and "Wat de klasse je niet vertelt" in page
    assert "geen causaal model" in page


def test_the_dutch_profile_writes_dutch_numbers():
    """Decimal commas and thousands points in Dutch, the same digits as in English."""
    p_en = scan.profile("amsterdam-2019", "BU03630000")
    english = scan.profile_html(p_en)
    set_language("nl")
    try:
        dutch = scan.profile_html(scan.profile("amsterdam-2019", "BU03630000"))
    finally:
        set_language("en")
    d_en = re.findall(r"(\d\.\d{3}) \(", english)  # the D cells: 0.123 (buurten)
    d_nl = re.findall(r"(\d,\d{3}) \(", dutch)
    assert d_en and [d.replace(".", ",") for d in d_en] == d_nl
    assert not re.findall(r"\d\.\d{3} \(", dutch)
    population = p_en.figures.loc[p_en.figures["column"] == "inhabitants", "city"].iloc[0]
    assert population > 1000 and f"{population:,.0f}".replace(",", ".") in dutch  # 862.965
