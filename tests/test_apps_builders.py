"""The builders of the policy lab and Schelling-and-ties apps (wijkwijs.explorers.apps).

The cards of the policy lab are checked against the models and Havenstad's tables read
by another route (not against typed numbers: the data may be regenerated).
"""

from __future__ import annotations

import re

import pytest

from wijkwijs import i18n
from wijkwijs.examples.growth import growth_run
from wijkwijs.examples.paradox import LEVERS, run_scenario
from wijkwijs.explorers import apps as app_builders
from wijkwijs.explorers.apps import guide_html, homophily_app, policy_lab_app
from wijkwijs.explorers.infrastructure import NOTHING_CLOSED
from wijkwijs.explorers.restructuring import EXPLORER_RUN
from wijkwijs.havenstad import infrastructure as hi
from wijkwijs.havenstad.constants import TIE_YEAR
from wijkwijs.models.paradox import run_restructuring

SECTIONS = ["plab.paradox", "plab.restructuring", "plab.infrastructure", "homapp.schelling",
            "homapp.ties"]


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(scope="module")
def lab():
    i18n.set_language("en")
    return policy_lab_app()


def _card(lab, name: str) -> str:
    match = re.search(rf"plab-card-{name}'><h4>.*?</h4><p>(.*?)</p>", lab.summary.value)
    assert match, lab.summary.value
    return match.group(1)


def _numbers(text: str) -> list[float]:
    return [float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)]


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("section", SECTIONS)
def test_every_section_has_guidance_with_things_to_try_and_notice(section, language):
    i18n.set_language(language)
    text = guide_html(section)
    assert text.count("<li>") >= 2 and text.count("<h4>") == 2
    assert i18n.t(section + ".title") in text
    heading = i18n.t(section.split(".")[0] + ".what_to_try")
    assert heading in text


def test_the_apps_keys_are_translated_and_the_dutch_differs():
    keys = [k for k in i18n.keys() if k.startswith(("plab.", "homapp."))]
    assert len(keys) > 30
    for key in keys:
        i18n.set_language("en")
        en = i18n.t(key)
        i18n.set_language("nl")
        nl = i18n.t(key)
        assert en and nl, key
        if len(en) > 30:
            assert en != nl, f"{key} is not translated"


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_guidance_gives_the_explorers_own_settings(language):
    """The numbers the guidance names come from the settings, not from the text."""
    from wijkwijs.examples.paradox import YEARS
    from wijkwijs.explorers.apps import GROWTH_START
    from wijkwijs.models.paradox import RESTRUCTURING_HOMES

    i18n.set_language(language)
    default = guide_html("plab.infrastructure")
    assert f"{GROWTH_START['share_moved']:.0%}" in default
    assert f" {GROWTH_START['demolition_year']}" in default
    assert f"{YEARS}" in guide_html("plab.paradox")
    assert f"{RESTRUCTURING_HOMES[-1]} " in guide_html("plab.restructuring")
    other = guide_html("plab.infrastructure", share=0.25, year=7, years=20, most=90)
    assert "25%" in other and " 7" in other and "50%" not in other
    assert "{" not in default + other  # every field filled in
    app = homophily_app(size=20)
    threshold = app.schelling.controls["threshold"].value
    schelling = app.widget.children[1].value
    assert i18n.number(threshold, "g") in schelling
    assert f"{1 - threshold:.0%}" in schelling


def test_guide_html_refuses_an_unknown_section():
    with pytest.raises(ValueError, match=r"no guidance for section 'plab\.nothing'"):
        guide_html("plab.nothing")


def test_the_paradox_card_reads_the_run_of_the_current_policy(lab):
    lab.paradox.set(social_sales_per_year=0, year=25)
    values = lab.paradox.values()
    history, _ = run_scenario({k: values[k] for k in LEVERS}, seed=0)
    h = history.set_index("year")
    text = _card(lab, "paradox")
    protected, rent, new, sold, year, d, d0, dm, dm0, low, low0, last, dend = _numbers(text)
    assert (protected, rent, new, sold) == (values["protected_share"],
                                            values["rent_regulation"], 0, 0)
    assert last == h.index.max()
    assert dend == pytest.approx(h["dissimilarity_city"].iloc[-1], abs=0.005)
    assert dm0 == pytest.approx(h.loc[0, "dissimilarity_metro"], abs=0.005)
    assert low0 == pytest.approx(100 * h.loc[0, "low_share_city"], abs=0.5)
    assert year == 25
    assert d == pytest.approx(h.loc[25, "dissimilarity_city"], abs=0.005)
    assert d0 == pytest.approx(h.loc[0, "dissimilarity_city"], abs=0.005)
    assert dm == pytest.approx(h.loc[25, "dissimilarity_metro"], abs=0.005)
    assert low == pytest.approx(100 * h.loc[25, "low_share_city"], abs=0.5)
    word = "lower than" if round(d, 2) < round(d0, 2) else "higher than" \
        if round(d, 2) > round(d0, 2) else "the same as"
    assert word in text
    lab.paradox.set(social_sales_per_year=60, year=10)


def test_a_change_in_one_explorer_changes_only_its_own_card(lab):
    cards = {n: _card(lab, n) for n in ("paradox", "restructuring", "infrastructure")}
    lab.restructuring.set(homes=40, zone="outer-3")
    assert _card(lab, "restructuring") != cards["restructuring"]
    assert _card(lab, "paradox") == cards["paradox"]
    assert _card(lab, "infrastructure") == cards["infrastructure"]
    s = run_restructuring("outer-3", 40, seed=0, **EXPLORER_RUN).summary()
    numbers = _numbers(_card(lab, "restructuring"))
    assert numbers[0] == 40 and numbers[2:4] == [s["displaced"], s["suburb"]]
    assert numbers[4] == pytest.approx(s["d_city_final"], abs=0.005)
    lab.restructuring.set(homes=0)
    assert _card(lab, "restructuring") == i18n.t("plab.sum.restructuring_none")
    lab.restructuring.set(homes=100, zone="inner-2")


def test_the_infrastructure_card_compares_with_the_calm_run_and_names_a_closure(lab):
    lab.growth.set(demolition_year=0, closure_year=0)
    assert "the same as" in _card(lab, "infrastructure")
    lab.growth.set(demolition_year=8, share_moved=0.6)
    values = lab.growth.values()
    cross = int(growth_run(**values)["ties_cross"].iloc[-1])
    calm = int(growth_run(**{**values, "demolition_year": 0})["ties_cross"].iloc[-1])
    text = _card(lab, "infrastructure")
    assert f" {cross} ties" in text and f"({calm})" in text
    assert i18n.t("plab.sum.closure_none") in text
    organisation = lab.closure.controls["organisation"].options[1][1]
    lab.closure.set(organisation=organisation, k=3)
    losing = int(hi.closure_effect([organisation], TIE_YEAR, 3)["households_losing_all_help"])
    text = _card(lab, "infrastructure")
    assert f"leaves {losing:,} households" in text and "within 3 referral steps" in text
    assert lab.closure.controls["organisation"].label.split(" (")[0] in text
    lab.closure.set(organisation=NOTHING_CLOSED, k=2)
    lab.growth.set(**app_builders.GROWTH_START)


def test_a_control_moved_by_a_learner_redraws_the_cards(lab):
    before = lab.summary.value
    lab.paradox.controls["year"].value = 3  # as a slider moved in the browser
    assert lab.summary.value != before and " In year 3 " in lab.summary.value
    assert lab.last_summary_seconds < 1.0
    lab.paradox.controls["year"].value = 10


def test_the_havenstad_case_is_computed_from_the_data(lab):
    e = hi.demolition_effect()
    text = lab.case_text()
    assert str(int(e["demolition_year"])) in text and "synthetic" in text
    assert f"made {int(e['households_moved_by_demolition'])} households move" in text
    assert text.count(str(int(e["participants_moved_by_demolition"]))) >= 1


def test_the_lab_shows_every_explorer_and_the_cards(lab):
    children = lab.widget.children
    for explorer in lab.explorers.values():
        assert explorer.widget in children
    assert lab.summary in children and children.index(lab.summary) < children.index(
        lab.paradox.widget)
    assert "wijkwijs-app" in lab.widget._dom_classes


def test_the_lab_speaks_dutch_when_asked():
    i18n.set_language("nl")
    lab = policy_lab_app(closure=False)
    assert "Je instellingen, naast elkaar" in lab.summary.value
    assert "Wat je kunt proberen" in lab.widget.children[2].value
    assert "Sloop in jaar" in lab.growth.controls["demolition_year"].description


def test_the_homophily_app_has_both_explorers_with_guidance():
    app = homophily_app(size=20)
    schelling, ties = app.explorers["schelling"], app.explorers["ties"]
    assert [c for c in app.widget.children if c in (schelling.widget, ties.widget)] == [
        schelling.widget, ties.widget]
    grid = schelling.grid.copy()
    schelling.play.value = 1  # the Play control's first tick
    assert (schelling.grid != grid).any()
    table = ties.table_view.value
    ties.set(bridging=4)
    assert ties.table_view.value != table
    i18n.set_language("nl")
    dutch = homophily_app(size=20)
    assert "Waar je op kunt letten" in dutch.widget.children[1].value
