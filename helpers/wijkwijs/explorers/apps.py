"""The builders of two no-code apps: the policy lab and Schelling-and-ties (issue 14).

Both compose the chapters' explorers, unchanged, with plain-language guidance (what the
explorer asks, what to try, what to notice), in English and Dutch (i18n keys ``plab.``
and ``homapp.``). The app notebooks in ``apps/`` only call :func:`policy_lab_app` or
:func:`homophily_app`; Voilà hides their code.

* :func:`policy_lab_app` — for civil servants. Three policy questions side by side: the
  segregation paradox under four housing levers (chapter 3,
  :func:`~wijkwijs.explorers.paradox.paradox_explorer`, its sliders moving over the grid
  of runs made ahead of time, :mod:`wijkwijs.examples.paradox_lab`), a restructuring that demolishes
  social homes in one zone (chapter 4,
  :func:`~wijkwijs.explorers.restructuring.restructuring_explorer`, its runs also made
  ahead of time), and what a demolition
  or a closure does to social infrastructure (chapter 6,
  :func:`~wijkwijs.explorers.infrastructure.growth_explorer` started with a demolition, and
  :func:`~wijkwijs.explorers.infrastructure.closure_explorer`). Above them a row of three
  cards (:meth:`PolicyLab.summary_html`) states, in one sentence each, what the current
  settings of each explorer do — the comparison a memo needs — and is redrawn after every
  change of any control.
* :func:`homophily_app` — for residents: Schelling's model and the tie model (chapter 5,
  :mod:`wijkwijs.explorers.homophily`), each with what to try and what to notice.

Examples
--------
>>> lab = policy_lab_app(closure=False)
>>> before = lab.summary.value
>>> lab.restructuring.set(homes=40)
>>> lab.summary.value != before
True
>>> app = homophily_app(size=20)
>>> sorted(app.explorers)
['schelling', 'ties']
"""

from __future__ import annotations

import html
import string
import time
from functools import partial
from typing import Any

import ipywidgets as w

from wijkwijs import i18n
from wijkwijs.examples.growth import growth_run
from wijkwijs.examples.paradox import LEVERS, YEARS
from wijkwijs.examples.paradox_lab import LAB_STEPS, lab_restructuring, lab_scenario
from wijkwijs.explorers.homophily import schelling_explorer, ties_explorer
from wijkwijs.explorers.infrastructure import NOTHING_CLOSED, closure_explorer, growth_explorer
from wijkwijs.explorers.paradox import paradox_explorer
from wijkwijs.explorers.restructuring import restructuring_explorer
from wijkwijs.havenstad import infrastructure as hi
from wijkwijs.havenstad.constants import TIE_YEAR
from wijkwijs.havenstad.load import havenstad_neighbourhoods, havenstad_organisations
from wijkwijs.models.paradox import RESTRUCTURING_HOMES
from wijkwijs.widgets import Explorer

#: Text shown in an element (quotes need no escaping there).
_text = partial(html.escape, quote=False)

__all__ = ["GROWTH_START", "GUIDE_FIELDS", "HomophilyApp", "PolicyLab", "guide_html",
           "homophily_app", "policy_lab_app"]

#: The growth explorer of the policy lab starts with a demolition, so its effect shows.
GROWTH_START: dict[str, Any] = {"demolition_year": 10, "share_moved": 0.5}

_STYLE = """<style>
.wijkwijs-app-guide { border-left: 4px solid #0072B2; padding: 0.2em 1em; margin: 0.8em 0;
  background: var(--jp-layout-color2, #f3f6f9); }
.wijkwijs-app-guide h3 { margin: 0.3em 0; }
.wijkwijs-app-guide h4 { margin: 0.5em 0 0.2em 0; }
.wijkwijs-app-guide ul { margin: 0.2em 0 0.4em 1.2em; padding: 0; }
.plab-cards { display: flex; flex-wrap: wrap; gap: 0.8em; margin: 0.6em 0 1em 0; }
.plab-card { flex: 1 1 15em; border: 1px solid #999; border-radius: 0.4em;
  padding: 0.5em 0.8em; }
.plab-card h4 { margin: 0.2em 0 0.4em 0; }
</style>"""

i18n.register({
    # -- the policy lab ---------------------------------------------------------------
    "plab.title": {"en": "Policy lab: housing policy, restructuring and social infrastructure",
                   "nl": "Beleidslab: woonbeleid, herstructurering en sociale infrastructuur"},
    "plab.intro": {
        "en": "Three questions a municipality faces, side by side. Each has its own controls: "
              "move a slider with the mouse or with Tab and the arrow keys, choose from a "
              "menu with the arrow keys. The cards below say in one sentence what your "
              "current settings do; they change with every control. The models are "
              "illustrations, not forecasts, and Havenstad is a synthetic city (invented, "
              "not a real place).",
        "nl": "Drie vragen waar een gemeente voor staat, naast elkaar. Elke vraag heeft eigen "
              "knoppen: verschuif een schuifje met de muis of met Tab en de pijltjestoetsen, "
              "kies uit een menu met de pijltjestoetsen. De kaarten hieronder zeggen in één "
              "zin wat je huidige instellingen doen; ze veranderen bij elke knop. De modellen "
              "zijn illustraties, geen voorspellingen, en Havenstad is een synthetische stad "
              "(verzonnen, geen echte plek)."},
    "plab.cards": {"en": "Your settings, side by side", "nl": "Je instellingen, naast elkaar"},
    "plab.card.paradox": {"en": "1. Housing policy (chapter 3)",
                          "nl": "1. Woonbeleid (hoofdstuk 3)"},
    "plab.card.restructuring": {"en": "2. Demolish and rebuild (chapter 4)",
                                "nl": "2. Slopen en nieuw bouwen (hoofdstuk 4)"},
    "plab.card.infrastructure": {"en": "3. Social infrastructure (chapter 6)",
                                 "nl": "3. Sociale infrastructuur (hoofdstuk 6)"},
    "plab.higher": {"en": "higher than", "nl": "hoger dan"},
    "plab.lower": {"en": "lower than", "nl": "lager dan"},
    "plab.same": {"en": "the same as", "nl": "gelijk aan"},
    "plab.sum.policy": {
        "en": "Policy: protected social share {protected:.2f}, rent regulation {rent:.2f}, "
              "{new} new social homes and {sold} sold a year.",
        "nl": "Beleid: beschermd deel sociale huur {protected:.2f}, huurregulering {rent:.2f}, "
              "{new} nieuwe sociale woningen en {sold} verkocht per jaar."},
    "plab.sum.paradox_end": {
        "en": "In the last year ({last}) the city's D is {dend:.2f}.",
        "nl": "In het laatste jaar ({last}) is de D van de stad {dend:.2f}."},
    "plab.sum.paradox": {
        "en": "In year {year} the city's segregation index D is {d:.2f}, {cmp} at the start "
              "({d0:.2f}); in the whole region (city and suburbs) it is {dm:.2f} (start "
              "{dm0:.2f}). Low-income households (bottom third of incomes) are {low:.0f}% of "
              "the city's households (start {low0:.0f}%).",
        "nl": "In jaar {year} is de segregatie-index D van de stad {d:.2f}, {cmp} bij de start "
              "({d0:.2f}); in de hele regio (stad en randgemeenten) is hij {dm:.2f} (start "
              "{dm0:.2f}). Huishoudens met een laag inkomen (onderste derde van de inkomens) "
              "zijn {low:.0f}% van de huishoudens in de stad (start {low0:.0f}%)."},
    "plab.sum.restructuring": {
        "en": "Demolishing {homes} social homes in zone {zone} makes {displaced} households "
              "move, {suburb} of them out of the city. At the end the city's D is {d:.2f}, "
              "{cmp} without the demolition ({base:.2f}); the region's D is {dm:.2f} "
              "(without: {dmbase:.2f}).",
        "nl": "Het slopen van {homes} sociale woningen in zone {zone} laat {displaced} "
              "huishoudens verhuizen, {suburb} van hen de stad uit. Aan het eind is de D van de "
              "stad {d:.2f}, {cmp} zonder de sloop ({base:.2f}); de D van de regio is {dm:.2f} "
              "(zonder: {dmbase:.2f})."},
    "plab.sum.restructuring_none": {
        "en": "No homes demolished: the run is the same as without restructuring.",
        "nl": "Geen woningen gesloopt: de run is dezelfde als zonder herstructurering."},
    "plab.sum.growth": {
        "en": "In the community-centre model, after {years} years {cross} ties link residents "
              "of different groups, {cmp} without a demolition or closure ({cross0}).",
        "nl": "In het model van het buurthuis verbinden na {years} jaar {cross} banden bewoners "
              "van verschillende groepen, {cmp} zonder sloop of sluiting ({cross0})."},
    "plab.sum.closure": {
        "en": "Closing {name} in Havenstad (2019) leaves {losing:,} households without any help "
              "within {k} referral steps.",
        "nl": "Het sluiten van {name} in Havenstad (2019) laat {losing:,} huishoudens zonder "
              "enige hulp binnen {k} doorverwijsstappen."},
    "plab.sum.closure_none": {
        "en": "Choose an organisation to close in the last explorer to see who loses help.",
        "nl": "Kies in de laatste verkenner een organisatie om te sluiten en zie wie hulp "
              "verliest."},
    # the guidance of each section
    "plab.paradox.title": {"en": "1. The segregation paradox: which housing policy?",
                           "nl": "1. De segregatieparadox: welk woonbeleid?"},
    "plab.paradox.ask": {
        "en": "When better-off households move into a poorer part of the city, the city first "
              "looks more mixed. Later the households with low incomes are pushed out, often "
              "to the suburbs, and the city's figures no longer see them. Four levers decide "
              "how much of that happens. Each setting shows a {years}-year run of chapter 3's "
              "model, made in advance for every step of the levers; the year slider moves "
              "through the run.",
        "nl": "Als beter verdienende huishoudens in een armer deel van de stad komen wonen, "
              "lijkt de stad eerst gemengder. Later worden de huishoudens met een laag inkomen "
              "weggedrukt, vaak naar de randgemeenten, en zien de cijfers van de stad hen niet "
              "meer. Vier knoppen bepalen hoeveel daarvan gebeurt. Elke stand toont een run van "
              "{years} jaar van het model uit hoofdstuk 3, vooraf doorgerekend voor elke stap van "
              "de knoppen; het jaar-schuifje loopt door de run."},
    "plab.paradox.try.1": {"en": "Set 'Social homes sold per year' to 0. Does the later rise "
                                 "of D in the city go away?",
                           "nl": "Zet 'Verkochte sociale woningen per jaar' op 0. Verdwijnt "
                                 "de latere stijging van D in de stad?"},
    "plab.paradox.try.2": {"en": "Put it back and set 'Rent regulation' to 1. What changes in "
                                 "the city, and what in the suburbs?",
                           "nl": "Zet hem terug en zet 'Huurregulering' op 1. Wat verandert "
                                 "er in de stad, en wat in de randgemeenten?"},
    "plab.paradox.notice.1": {
        "en": "A falling D in the city is not always good news: compare it with the region's "
              "D in the card above.",
        "nl": "Een dalende D in de stad is niet altijd goed nieuws: vergelijk hem met de D van "
              "de regio in de kaart hierboven."},
    "plab.paradox.notice.2": {
        "en": "The levers do not rank the same way on every measure: choosing one means "
              "choosing what you want (a mixed city, a city people with low incomes can stay "
              "in, fewer forced moves).",
        "nl": "De knoppen scoren niet op elke maat in dezelfde volgorde: een kiezen betekent "
              "kiezen wat je wilt (een gemengde stad, een stad waar mensen met een laag "
              "inkomen kunnen blijven, minder gedwongen verhuizingen)."},
    "plab.restructuring.title": {"en": "2. Demolish and rebuild: what does restructuring mix?",
                                 "nl": "2. Slopen en nieuw bouwen: wat mengt herstructurering?"},
    "plab.restructuring.ask": {
        "en": "Mixing policy demolishes social rented homes and builds owner-occupied homes in "
              "their place. Choose how many homes and in which zone of the model city. The "
              "left panel shows D with and without the demolition, the right panel where the "
              "households who had to move went.",
        "nl": "Mengbeleid sloopt sociale huurwoningen en bouwt er koopwoningen voor in de "
              "plaats. Kies hoeveel woningen en in welke zone van de modelstad. Links zie je D "
              "met en zonder de sloop, rechts waar de huishoudens heen gingen die moesten "
              "verhuizen."},
    "plab.restructuring.try.1": {"en": "Demolish 40, then {most} homes in the same zone: how "
                                       "many leave the city?",
                                 "nl": "Sloop 40, dan {most} woningen in dezelfde zone: hoeveel "
                                       "huishoudens verlaten de stad?"},
    "plab.restructuring.try.2": {"en": "Compare a centre zone, an inner zone and an outer zone "
                                       "with the same number of homes.",
                                 "nl": "Vergelijk een centrumzone, een binnenzone en een "
                                       "buitenzone met hetzelfde aantal woningen."},
    "plab.restructuring.notice.1": {
        "en": "The zone itself is mixed at once; the city as a whole often is not. The "
              "households who moved take the social homes left elsewhere, or leave the city.",
        "nl": "De zone zelf is meteen gemengd; de stad als geheel vaak niet. De verhuisde "
              "huishoudens nemen de sociale woningen die elders over zijn, of verlaten de "
              "stad."},
    "plab.infrastructure.title": {"en": "3. What demolition does to social infrastructure",
                                  "nl": "3. Wat sloop doet met de sociale infrastructuur"},
    "plab.infrastructure.ask": {
        "en": "Custers warns that, at worst, mixing policy disrupts social infrastructure: "
              "organisations have to relocate, and the people who use them have to leave "
              "because their homes are demolished (Custers, \"Een betere wijk begint ín de "
              "wijk\", in Lokaal ideaal XL). The first explorer is a model of a community "
              "centre: residents sign up, meet and form ties over the years. It starts with a "
              "demolition that moves {share:.0%} of the households in year {year}; set the "
              "demolition year to 0 for none. The second closes one organisation of "
              "Havenstad's referral network and shows who loses their way to help.",
        "nl": "Custers waarschuwt dat mengbeleid in het ergste geval de sociale infrastructuur "
              "verstoort: organisaties moeten verhuizen, en de mensen die er komen moeten weg "
              "omdat hun woning wordt gesloopt (Custers, \"Een betere wijk begint ín de wijk\", "
              "in Lokaal ideaal XL). De eerste verkenner is een model van een buurthuis: "
              "bewoners schrijven zich in, ontmoeten elkaar en knopen in de loop der jaren "
              "banden aan. Hij begint met een sloop in jaar {year}, die {share:.0%} van de "
              "huishoudens laat verhuizen; zet het sloopjaar op 0 voor geen sloop. De tweede "
              "sluit één organisatie in het doorverwijsnetwerk van Havenstad en laat zien wie "
              "de weg naar hulp kwijtraakt."},
    "plab.infrastructure.try.1": {
        "en": "Move the demolition year and the share moved. How many years until the ties "
              "across groups are back?",
        "nl": "Verschuif het sloopjaar en het aandeel dat verhuist. Hoeveel jaar duurt het tot "
              "de banden tussen groepen terug zijn?"},
    "plab.infrastructure.try.2": {
        "en": "Close the centre instead (closure year) and let it reopen after two years. "
              "Which does more damage?",
        "nl": "Sluit in plaats daarvan het buurthuis (sluitingsjaar) en laat het na twee jaar "
              "heropenen. Wat doet meer schade?"},
    "plab.infrastructure.try.3": {
        "en": "In the second explorer, close each welfare organisation in turn: which cuts "
              "off the most households?",
        "nl": "Sluit in de tweede verkenner om de beurt elke welzijnsorganisatie: welke snijdt "
              "de meeste huishoudens af?"},
    "plab.infrastructure.notice.1": {
        "en": "Ties need years of repeated meetings; a demolition takes them away in one year. "
              "A new building does not bring the old community back.",
        "nl": "Banden hebben jaren van herhaalde ontmoetingen nodig; een sloop neemt ze in één "
              "jaar weg. Een nieuw gebouw brengt de oude gemeenschap niet terug."},
    "plab.case": {
        "en": "Havenstad's own case (synthetic data): the demolition of {year} in {buurt} "
              "made {moved} households move. {participants} of the participants of its "
              "community centre in the year before were among them; {joined} of those took "
              "part in the centre that replaced it next door.",
        "nl": "Het eigen geval van Havenstad (synthetische data): de sloop van {year} in "
              "{buurt} liet {moved} huishoudens verhuizen. {participants} deelnemers van het "
              "buurthuis in het jaar ervoor waren daarbij; {joined} van hen deden mee in het "
              "buurthuis dat ernaast in de plaats kwam."},
    "plab.what_to_try": {"en": "What to try", "nl": "Wat je kunt proberen"},
    "plab.what_to_notice": {"en": "What to notice", "nl": "Waar je op kunt letten"},
    # -- Schelling and ties ------------------------------------------------------------
    "homapp.title": {"en": "Schelling and ties: how mild preferences sort a city",
                     "nl": "Schelling en banden: hoe milde voorkeuren een stad sorteren"},
    "homapp.intro": {
        "en": "Two small models of your neighbourhood. Nothing here is about real people: "
              "the households and residents are made up, to show how things can happen. Use "
              "the mouse, or Tab to reach a control and the arrow keys to move it.",
        "nl": "Twee kleine modellen van je buurt. Niets hier gaat over echte mensen: de "
              "huishoudens en bewoners zijn verzonnen, om te laten zien hoe dingen kunnen "
              "gebeuren. Gebruik de muis, of Tab om bij een knop te komen en de "
              "pijltjestoetsen om hem te bewegen."},
    "homapp.schelling.title": {"en": "1. Schelling's city: who moves, and why?",
                               "nl": "1. De stad van Schelling: wie verhuist er, en waarom?"},
    "homapp.schelling.ask": {
        "en": "Blue and orange households live on a grid; grey squares are empty homes. A "
              "household is unhappy when too few of its neighbours are like it (the "
              "threshold), and then it moves to an empty home. Press Play, or 'Run to "
              "equilibrium', and watch the city sort itself.",
        "nl": "Blauwe en oranje huishoudens wonen op een raster; grijze vakjes zijn lege "
              "woningen. Een huishouden is ontevreden als te weinig buren op hem lijken (de "
              "drempel), en verhuist dan naar een lege woning. Druk op afspelen, of op 'Draai "
              "tot evenwicht', en kijk hoe de stad zichzelf sorteert."},
    "homapp.schelling.try.1": {
        "en": "Keep the threshold at {threshold:g}: everyone is content with a neighbourhood "
              "that is up to {unlike:.0%} different. Run it. How mixed is the end?",
        "nl": "Laat de drempel op {threshold:g}: iedereen is tevreden met een buurt die tot "
              "{unlike:.0%} anders is. Laat het lopen. Hoe gemengd is het eind?"},
    "homapp.schelling.try.2": {
        "en": "Raise the threshold a step at a time. When do the patches get large?",
        "nl": "Verhoog de drempel stap voor stap. Wanneer worden de vlekken groot?"},
    "homapp.schelling.try.3": {
        "en": "Lower 'Diversity wish': households now also move when their neighbours are too "
              "alike. What happens?",
        "nl": "Verlaag de 'Wens tot diversiteit': huishoudens verhuizen nu ook als hun buren "
              "te veel op hen lijken. Wat gebeurt er?"},
    "homapp.schelling.notice.1": {
        "en": "The line under the grid rises far above what anyone asked for: nobody wants a "
              "one-colour street, yet the city gets them.",
        "nl": "De lijn onder het raster stijgt ver boven wat iemand wilde: niemand wil een "
              "straat van één kleur, toch krijgt de stad ze."},
    "homapp.schelling.notice.2": {
        "en": "A separated city does not prove that people want separation: small wishes "
              "add up.",
        "nl": "Een gescheiden stad bewijst niet dat mensen scheiding willen: kleine wensen "
              "tellen op."},
    "homapp.ties.title": {"en": "2. Who knows whom? Ties in a street",
                          "nl": "2. Wie kent wie? Banden in een straat"},
    "homapp.ties.ask": {
        "en": "Residents of a few streets meet and form ties for a year. 'Homophily' is how "
              "much more often people befriend someone like themselves. 'Shared places' are "
              "spots where different people meet: a school, a community centre, a market. "
              "'Hunkering down' is withdrawing from everyone when the street is mixed. The "
              "table measures how much ties stay within a group.",
        "nl": "Bewoners van een paar straten ontmoeten elkaar een jaar lang en knopen banden "
              "aan. 'Homofilie' is hoeveel vaker mensen bevriend raken met iemand die op hen "
              "lijkt. 'Gedeelde plekken' zijn plekken waar verschillende mensen elkaar "
              "tegenkomen: een school, een buurthuis, een markt. 'Terugtrekken' is je "
              "terugtrekken van iedereen als de straat gemengd is. De tabel meet hoeveel "
              "banden binnen een groep blijven."},
    "homapp.ties.try.1": {
        "en": "Set homophily to 0: are ties now spread evenly? Then set it high.",
        "nl": "Zet homofilie op 0: zijn de banden nu gelijk verdeeld? Zet hem dan hoog."},
    "homapp.ties.try.2": {
        "en": "Keep homophily high and add shared places, one at a time. What changes in the "
              "drawing?",
        "nl": "Houd homofilie hoog en voeg gedeelde plekken toe, één voor één. Wat verandert "
              "er in de tekening?"},
    "homapp.ties.try.3": {
        "en": "Raise 'Hunkering down'. Do people get fewer ties with the other group only, or "
              "fewer ties altogether?",
        "nl": "Verhoog 'Terugtrekken'. Krijgen mensen alleen minder banden met de andere "
              "groep, of minder banden in het geheel?"},
    "homapp.ties.notice.1": {
        "en": "Places where different people meet again and again can make ties across "
              "groups, even when people prefer their own group.",
        "nl": "Plekken waar verschillende mensen elkaar steeds weer tegenkomen kunnen banden "
              "tussen groepen opleveren, ook als mensen hun eigen groep verkiezen."},
    "homapp.what_to_try": {"en": "What to try", "nl": "Wat je kunt proberen"},
    "homapp.what_to_notice": {"en": "What to notice", "nl": "Waar je op kunt letten"},
})


def _items(prefix: str, fields: dict[str, Any]) -> list[str]:
    out, k = [], 1
    while f"{prefix}.{k}" in i18n.keys():
        out.append(_guide_text(f"{prefix}.{k}", fields))
        k += 1
    return out


def _guide_text(key: str, fields: dict[str, Any]) -> str:
    """A guidance text with the fields it names filled in (others are ignored)."""
    names = {name for _, name, _, _ in string.Formatter().parse(i18n.t(key)) if name}
    return i18n.t(key, **{k: v for k, v in fields.items() if k in names})


#: What the guidance says of the explorers' settings, from the settings themselves.
GUIDE_FIELDS: dict[str, Any] = {"years": YEARS, "most": RESTRUCTURING_HOMES[-1],
                                "share": GROWTH_START["share_moved"],
                                "year": GROWTH_START["demolition_year"]}


def guide_html(section: str, **fields: Any) -> str:
    """The guidance box of an app section (``"plab.paradox"``, ``"homapp.ties"``, ...).

    A title, what the explorer asks, then *What to try* and *What to notice* lists, all
    from :mod:`wijkwijs.i18n` keys ``SECTION.title``, ``SECTION.ask``, ``SECTION.try.N``
    and ``SECTION.notice.N``. A number the texts give of an explorer's settings is a
    field, filled in from ``fields`` (default :data:`GUIDE_FIELDS`), so the texts cannot
    drift from the settings.

    >>> "What to try" in guide_html("homapp.ties")
    True
    >>> guide_html("nothing.here")
    Traceback (most recent call last):
    ...
    ValueError: no guidance for section 'nothing.here' (no i18n key 'nothing.here.title').
    """
    if f"{section}.title" not in i18n.keys():
        raise ValueError(f"no guidance for section {section!r} (no i18n key "
                         f"{section + '.title'!r}).")
    fields = fields or GUIDE_FIELDS
    app = section.split(".")[0]
    parts = [f"<h3>{_text(i18n.t(section + '.title'))}</h3>",
             f"<p>{_text(_guide_text(section + '.ask', fields))}</p>"]
    for kind, heading in (("try", "what_to_try"), ("notice", "what_to_notice")):
        items = _items(f"{section}.{kind}", fields)
        if items:
            parts.append(f"<h4>{_text(i18n.t(f'{app}.{heading}'))}</h4><ul>"
                         + "".join(f"<li>{_text(i)}</li>" for i in items) + "</ul>")
    return f"<div class='wijkwijs-app-guide'>{''.join(parts)}</div>"


def _cmp(value: float, reference: float, digits: int = 2) -> str:
    a, b = round(value, digits), round(reference, digits)
    return i18n.t("plab.higher" if a > b else "plab.lower" if a < b else "plab.same")


def _cmp_int(value: int, reference: int) -> str:
    return i18n.t("plab.higher" if value > reference else
                  "plab.lower" if value < reference else "plab.same")


class PolicyLab:
    """The policy lab: the explorers of chapters 3, 4 and 6 with guidance and summary cards.

    Attributes ``paradox``, ``restructuring``, ``growth`` and ``closure`` are the
    explorers (``closure`` is ``None`` when built with ``closure=False``); ``summary`` the
    cards; ``widget`` the whole app. ``last_summary_seconds`` is the time the cards took
    after the last change (the explorer's own time is its ``last_update_seconds``, which
    does not include them). Every redraw of an explorer (``update``) redraws the cards;
    a card whose explorers' settings (and the language) are those of an earlier redraw
    reuses its sentence.
    """

    def __init__(self, *, closure: bool = True) -> None:
        self.paradox = paradox_explorer(runs=lab_scenario, steps=LAB_STEPS)
        self.restructuring = restructuring_explorer(runs=lab_restructuring)
        self.growth = growth_explorer(**GROWTH_START)
        self.closure = closure_explorer() if closure else None
        self.summary = w.HTML()
        self.summary.add_class("plab-summary")
        self.last_summary_seconds = float("nan")
        self._card_texts: dict[tuple, str] = {}
        for ex in self.explorers.values():  # the cards follow every redraw of an explorer
            ex.update = self._followed(ex.update)
        self.refresh()
        case = w.HTML(f"<p>{_text(self.case_text())}</p>")
        sections = [w.HTML(guide_html("plab.paradox")), self.paradox.widget,
                    w.HTML(guide_html("plab.restructuring")), self.restructuring.widget,
                    w.HTML(guide_html("plab.infrastructure")), self.growth.widget]
        if self.closure is not None:
            sections.append(self.closure.widget)
        sections.append(case)
        self.widget = w.VBox([
            w.HTML(f"{_STYLE}<h2>{_text(i18n.t('plab.title'))}</h2>"
                   f"<p>{_text(i18n.t('plab.intro'))}</p>"),
            self.summary, *sections])
        self.widget.add_class("wijkwijs-app")

    @property
    def explorers(self) -> dict[str, Explorer]:
        """The explorers of the app, by name."""
        out = {"paradox": self.paradox, "restructuring": self.restructuring,
               "growth": self.growth}
        if self.closure is not None:
            out["closure"] = self.closure
        return out

    # -- the cards -----------------------------------------------------------------
    def paradox_text(self) -> str:
        """The policy, what it does by the chosen year, and the city's D in the last year."""
        v = self.paradox.values()
        history, _ = self.paradox.runs({k: v[k] for k in LEVERS})
        h = history.set_index("year")
        year = int(v["year"])
        now, start = h.loc[year], h.loc[0]
        last = int(h.index.max())
        policy = i18n.t("plab.sum.policy", protected=v["protected_share"],
                    rent=v["rent_regulation"], new=int(v["new_social_per_year"]),
                    sold=int(v["social_sales_per_year"]))
        text = i18n.t("plab.sum.paradox", year=year, d=now.dissimilarity_city,
                  cmp=_cmp(now.dissimilarity_city, start.dissimilarity_city),
                  d0=start.dissimilarity_city, dm=now.dissimilarity_metro,
                  dm0=start.dissimilarity_metro, low=100 * now.low_share_city,
                  low0=100 * start.low_share_city)
        end = i18n.t("plab.sum.paradox_end", last=last, dend=h.loc[last, "dissimilarity_city"])
        return f"{policy} {text} {end}"

    def restructuring_text(self) -> str:
        """One sentence: what the current demolition does, against none."""
        v = self.restructuring.values()
        if int(v["homes"]) == 0:
            return i18n.t("plab.sum.restructuring_none")
        s = self.restructuring.runs(v["zone"], int(v["homes"])).summary()
        return i18n.t("plab.sum.restructuring", homes=int(v["homes"]), zone=v["zone"],
                      displaced=int(s["displaced"]), suburb=int(s["suburb"]),
                      d=s["d_city_final"], cmp=_cmp(s["d_city_final"], s["d_city_final_base"]),
                      base=s["d_city_final_base"], dm=s["d_metro_final"],
                      dmbase=s["d_metro_final_base"])

    def infrastructure_text(self) -> str:
        """Two sentences: ties across groups with and without the disruption; a closure."""
        v = self.growth.values()
        run = growth_run(**v)
        calm = growth_run(**{**v, "demolition_year": 0, "closure_year": 0})
        cross, cross0 = int(run["ties_cross"].iloc[-1]), int(calm["ties_cross"].iloc[-1])
        text = i18n.t("plab.sum.growth", years=int(v["years"]), cross=cross,
                      cmp=_cmp_int(cross, cross0), cross0=cross0)
        if self.closure is None:
            return text
        c = self.closure.values()
        if c["organisation"] == NOTHING_CLOSED:
            return f"{text} {i18n.t('plab.sum.closure_none')}"
        effect = hi.closure_effect([int(c["organisation"])], TIE_YEAR, int(c["k"]))
        return f"{text} " + i18n.t("plab.sum.closure", name=self.closure.controls[
            "organisation"].label, losing=int(effect["households_losing_all_help"]),
            k=int(c["k"]))

    def summary_html(self) -> str:
        """The three cards, side by side (a flex row that wraps on a narrow screen)."""
        cards = (("paradox", i18n.t("plab.card.paradox"),
                  self._card_text("paradox", self.paradox_text, self.paradox)),
                 ("restructuring", i18n.t("plab.card.restructuring"),
                  self._card_text("restructuring", self.restructuring_text,
                                  self.restructuring)),
                 ("infrastructure", i18n.t("plab.card.infrastructure"),
                  self._card_text("infrastructure", self.infrastructure_text, self.growth,
                                  self.closure)))
        body = "".join(f"<div class='plab-card plab-card-{name}'><h4>{_text(title)}</h4>"
                       f"<p>{_text(text)}</p></div>" for name, title, text in cards)
        return (f"<h3>{_text(i18n.t('plab.cards'))}</h3>"
                f"<div class='plab-cards' role='status' aria-live='polite'>{body}</div>")

    def _card_text(self, name: str, text, *explorers: Explorer | None) -> str:
        """A card's sentence, made once per setting of its explorers and language."""
        key = (name, i18n.get_language(), *(
            repr(sorted(ex.values().items())) for ex in explorers if ex is not None))
        if key not in self._card_texts:
            if len(self._card_texts) > 512:  # a long session: forget the oldest half
                for old in list(self._card_texts)[:256]:
                    del self._card_texts[old]
            self._card_texts[key] = text()
        return self._card_texts[key]

    def refresh(self) -> None:
        """Redraw the cards from the explorers' current settings."""
        start = time.perf_counter()
        self.summary.value = self.summary_html()
        self.last_summary_seconds = time.perf_counter() - start

    def _followed(self, update):
        def update_and_refresh() -> None:
            update()
            self.refresh()
        return update_and_refresh

    def case_text(self) -> str:
        """Havenstad's 2016 demolition and its community centre, computed from the data."""
        e = hi.demolition_effect()
        orgs = havenstad_organisations().set_index("organisation_id")
        code = orgs.loc[int(e["closed_centre_id"]), "buurt_code"]
        names = havenstad_neighbourhoods().set_index("code")["name"]
        return i18n.t("plab.case", year=int(e["demolition_year"]), buurt=names.get(code, code),
                      moved=int(e["households_moved_by_demolition"]),
                      participants=int(e["participants_moved_by_demolition"]),
                      joined=int(e["moved_participants_joining_the_successor"]))

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


class HomophilyApp:
    """Schelling's model and the tie model, each with guidance for residents.

    ``schelling`` and ``ties`` are the explorers; ``widget`` the whole app.
    """

    def __init__(self, *, size: int = 50) -> None:
        self.schelling = schelling_explorer(size=size)
        self.ties = ties_explorer()
        threshold = float(self.schelling.controls["threshold"].value)
        schelling_guide = guide_html("homapp.schelling", threshold=threshold,
                                     unlike=1 - threshold)
        self.widget = w.VBox([
            w.HTML(f"{_STYLE}<h2>{_text(i18n.t('homapp.title'))}</h2>"
                   f"<p>{_text(i18n.t('homapp.intro'))}</p>"),
            w.HTML(schelling_guide), self.schelling.widget,
            w.HTML(guide_html("homapp.ties")), self.ties.widget])
        self.widget.add_class("wijkwijs-app")

    @property
    def explorers(self) -> dict[str, Explorer]:
        """The explorers of the app, by name."""
        return {"schelling": self.schelling, "ties": self.ties}

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


def policy_lab_app(*, closure: bool = True) -> PolicyLab:
    """The whole policy lab, as ``apps/policy_lab.ipynb`` shows it.

    ``closure=False`` leaves out the closure explorer (it computes every closure when it
    is built, a few seconds; the tests use it to stay quick).

    >>> lab = policy_lab_app(closure=False)
    >>> sorted(lab.explorers)
    ['growth', 'paradox', 'restructuring']
    """
    return PolicyLab(closure=closure)


def homophily_app(*, size: int = 50) -> HomophilyApp:
    """The whole Schelling-and-ties app, as ``apps/homophily.ipynb`` shows it.

    >>> app = homophily_app(size=20)
    >>> "What to notice" in app.widget.children[1].value
    True
    """
    return HomophilyApp(size=size)
