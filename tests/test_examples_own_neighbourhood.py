"""wijkwijs.examples.own_neighbourhood and research_briefs: chapter 8's worked examples."""

from __future__ import annotations

import numpy as np
import pytest

from wijkwijs import i18n, opendata
from wijkwijs.examples import own_neighbourhood as on
from wijkwijs.examples import research_briefs as rb
from wijkwijs.havenstad.infrastructure import inventory_by_buurt
from wijkwijs.published import published


def _d(x, t) -> float:
    x, t = np.asarray(x, float), np.asarray(t, float)
    return 0.5 * float(np.abs(x / x.sum() - (t - x) / (t - x).sum()).sum())


def test_the_shipped_overview():
    overview = on.shipped_overview().set_index(["city", "year"])
    assert list(overview.index) == [("Amsterdam", 2017), ("Amsterdam", 2019),
                                    ("Den Haag", 2019), ("Rotterdam", 2017)]
    assert overview.low_income_D.round(3).tolist()[:3] == [0.205, 0.203, 0.281]
    assert overview.low_income_withheld.tolist()[:3] == [101, 92, 8]
    assert overview.low_income_units.tolist() == [378, 387, 106, 0]
    haag = opendata.shipped("den_haag", 2019)
    b = haag[(haag.level == "buurt") & (haag.dwellings > 0)].dropna(subset=["pct_social_rent"])
    assert overview.loc[("Den Haag", 2019), "social_rent_D"] == pytest.approx(
        _d(b.pct_social_rent / 100 * b.dwellings, b.dwellings))
    rotterdam = overview.loc[("Rotterdam", 2017)]
    assert np.isnan(rotterdam.low_income_D) and "no column" in rotterdam.note
    assert (overview.low_income_H < overview.low_income_D).iloc[:3].all()


def test_the_published_comparison_quotes_the_published_table():
    comparison = on.published_comparison()
    figures = published("low_income_segregation").set_index(["region", "year"])
    for row in comparison.itertuples():
        assert row.published_D == figures.loc[(row.region, row.published_year),
                                              "value_pct"] / 100
        assert "500" in row.source or "range" in row.source or "kwart" in row.source
    ours = comparison.dropna(subset=["D"])
    assert ours.region.tolist() == ["Amsterdam", "Amsterdam", "Den Haag"]
    assert (ours.units == "buurten").all() and (ours.published_year == 2013).all()


def test_the_synthetic_liveability_next_to_the_infrastructure():
    live = on.havenstad_liveability()
    assert len(live) == 41 and live.code.str.startswith("BU9901").all()
    inventory = inventory_by_buurt(on.LIVEABILITY_YEAR)
    assert (live.set_index("code").meeting_places
            == inventory.loc[live.code, "meeting_places"]).all()
    contrast = on.liveability_contrast().set_index("name")
    assert contrast["class"].nunique() == 1  # the same class ...
    more, fewer = on.contrast_names()
    assert contrast.index.tolist() == [more, fewer]
    gap = contrast.loc[more, "meeting_places"] - contrast.loc[fewer, "meeting_places"]
    # ... and no other same-class pair of city buurten differs more in meeting places
    live = on.havenstad_liveability()
    widest = max(a.meeting_places - b.meeting_places for a in live.itertuples()
                 for b in live.itertuples() if a[live.columns.get_loc("class") + 1]
                 == b[live.columns.get_loc("class") + 1])
    assert gap == widest and gap >= 4
    with pytest.raises(ValueError, match="no buurt 'Nergenshuizen'"):
        on.liveability_contrast(("Touwslagerij", "Nergenshuizen"))


def test_the_wijkscan():
    kwb = opendata.shipped("amsterdam", 2019)
    figures = on.wijkscan_figures(kwb, "BU03632302").set_index("column")
    buurt = kwb.set_index("code").loc["BU03632302"]
    assert figures.loc["inhabitants", "buurt"] == buurt.inhabitants
    assert figures.loc["pct_social_rent", "gemeente"] == 42
    assert figures.loc["pct_low_income_households", "withheld"].startswith("withheld")
    b = kwb[kwb.level == "buurt"]
    assert figures.loc["pct_social_rent", "rank"] == (b.pct_social_rent > 5).sum() + 1
    memo = on.wijkscan(kwb, "BU03632302")
    assert "VU-kwartier" in memo and "Bron: CBS, CC BY 4.0" in memo
    assert "not published" in memo and "Street-level check" in memo
    i18n.set_language("nl")
    try:
        assert "Check op straatniveau" in on.wijkscan(kwb, "BU03632302")
    finally:
        i18n.set_language("en")
    with pytest.raises(ValueError, match="not a buurt of this file"):
        on.wijkscan(kwb, "WK036300")
    with pytest.raises(ValueError, match="city 'utrecht' is unknown"):
        on.city_label("utrecht")


@pytest.mark.parametrize("audience", rb.AUDIENCES)
def test_briefs_and_templates_in_both_languages(audience):
    texts = {}
    for language in ("en", "nl"):
        i18n.set_language(language)
        try:
            texts[language] = (rb.research_brief(audience), rb.report_template(audience))
        finally:
            i18n.set_language("en")
    assert texts["en"] != texts["nl"]
    for brief, template in texts.values():
        assert brief.startswith("### ") and template.startswith("```markdown")
        assert template.rstrip().endswith("```")
    assert "chapter 7, *street smart*" in " ".join(rb.research_brief("university").split())


def test_the_inventory_sheet():
    english, dutch = rb.inventory_sheet("en"), rb.inventory_sheet("nl")
    assert len(english) == len(dutch) == len(rb.PLACE_KINDS)
    assert {"mosque", "church", "café", "shop", "community centre"} <= set(english.kind)
    assert "buurthuis" in set(dutch.kind) and (english.drop(columns="kind") == "").all().all()
    with pytest.raises(ValueError, match="language 'de'"):
        rb.inventory_sheet("de")
    with pytest.raises(ValueError, match="audience 'students'"):
        rb.research_brief("students")
