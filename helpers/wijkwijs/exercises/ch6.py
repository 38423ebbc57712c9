"""Exercises of chapter 6 (social infrastructure): inventory, bridging, brokerage, time.

Every expected answer is computed by the library: the Havenstad analyses of
:mod:`wijkwijs.havenstad.infrastructure`, the measures of :mod:`wijkwijs.infrastructure`
and the growth runs of :mod:`wijkwijs.examples.growth`. The Havenstad answers load data
and the referral answers build networkx graphs, so they import those modules when they
are computed: loading this bank loads no data and imports no graph library.

The organisation *cards* of exercises 6.2-cards-bridging and 6.2-cards-linking are
invented examples (:data:`CARDS`), not Havenstad's organisations and not real ones.

>>> from wijkwijs.exercises import get
>>> sorted(get("6.2-cards-linking").expected())
['c', 'e']
"""

from __future__ import annotations

from wijkwijs import i18n
from wijkwijs.exercises import Exercise, Reflection, define

#: Invented organisation cards: letter -> (text, kind of social capital it builds).
CARDS: dict[str, tuple[dict[str, str], str]] = {
    "a": ({"en": "A women's group of one background meets every week at its mosque to "
                 "cook and talk.",
           "nl": "Een vrouwengroep van één herkomst komt elke week in haar moskee samen om "
                 "te koken en te praten."}, "bonding"),
    "b": ({"en": "A repair café where pensioners, students and newcomers from all over the "
                 "neighbourhood fix bicycles together.",
           "nl": "Een repaircafé waar gepensioneerden, studenten en nieuwkomers uit de hele "
                 "buurt samen fietsen repareren."}, "bridging"),
    "c": ({"en": "The municipality's debt-counselling desk holds office hours in the "
                 "community centre every Tuesday.",
           "nl": "Het schuldhulploket van de gemeente houdt elke dinsdag spreekuur in het "
                 "buurthuis."}, "linking"),
    "d": ({"en": "A football club whose members come from every street of the "
                 "neighbourhood, from social-rent flats and owner-occupied houses alike.",
           "nl": "Een voetbalclub met leden uit elke straat van de buurt, uit sociale "
                 "huurflats en koophuizen."}, "bridging"),
    "e": ({"en": "A volunteer of the residents' association helps neighbours fill in the "
                 "municipality's application for help with their energy bill.",
           "nl": "Een vrijwilliger van de bewonersvereniging helpt buren met de aanvraag bij "
                 "de gemeente voor hulp bij hun energierekening."}, "linking"),
    "f": ({"en": "A card club of retired dockworkers who have known each other for forty "
                 "years.",
           "nl": "Een kaartclub van gepensioneerde havenwerkers die elkaar al veertig jaar "
                 "kennen."}, "bonding"),
}
#: The buurten a learner chooses from in exercise 6.1-new-centre (names in Havenstad).
NEW_CENTRE_OPTIONS: tuple[str, ...] = ("Touwslagerij", "Meerkoet", "Perenlaan", "Spoorbuurt")
#: The types a learner chooses from in exercise 6.3-top-broker.
BROKER_TYPES: tuple[str, ...] = ("community_centre", "welfare_organisation", "mosque",
                                 "school", "municipal_service")
_TYPE_TEXT = {
    "community_centre": {"en": "a community centre", "nl": "een buurthuis"},
    "welfare_organisation": {"en": "a welfare organisation", "nl": "een welzijnsorganisatie"},
    "mosque": {"en": "a mosque", "nl": "een moskee"},
    "school": {"en": "a school", "nl": "een school"},
    "municipal_service": {"en": "a municipal service", "nl": "een gemeentelijke dienst"},
}
#: The bands of the prediction in exercise 6.3-predict-closure (lowest, highest).
CLOSURE_BANDS: tuple[tuple[float, float], ...] = ((0, 0), (1, 99), (100, 999),
                                                  (1000, float("inf")))

i18n.register({
    "ch6.card": {"en": "card", "nl": "kaart"},
    "ch6.organisation": {"en": "organisation", "nl": "organisatie"},
})


def cards():
    """The invented organisation cards as a table (letter and text, current language).

    >>> list(cards().columns)
    ['card', 'organisation']
    """
    import pandas as pd

    language = i18n.get_language()
    return pd.DataFrame({i18n.t("ch6.card"): list(CARDS),
                         i18n.t("ch6.organisation"): [t[language] for t, _ in CARDS.values()]})


def _cards_of(kind: str) -> list[str]:
    return [letter for letter, (_, k) in CARDS.items() if k == kind]


# -- answers -----------------------------------------------------------------------------
def _top1_reach() -> float:
    from wijkwijs.havenstad import infrastructure as hi

    return float(hi.reach_by_income_group(2019, code="GM9901").loc["top_1", "within_400m"])


def _new_centre() -> int:
    from wijkwijs.havenstad import infrastructure as hi

    gain = hi.new_centre_gain(2019, 400, group="low").set_index("name")["gain"]
    return int(max(range(len(NEW_CENTRE_OPTIONS)), key=lambda i: gain[NEW_CENTRE_OPTIONS[i]]))


def _example():
    from wijkwijs.havenstad import infrastructure as hi

    return hi.label_disagreements(2019).iloc[0]


def _example_low_share() -> float:
    from wijkwijs.havenstad import infrastructure as hi

    return float(hi.member_profile(int(_example().name), "income_group").loc["low", "members"])


def _bonding_label_computed_bridging() -> int:
    from wijkwijs.havenstad import infrastructure as hi

    return int(hi.bridging_confusion_table(2019).loc["bridging", "bonding"])


def _shared_bridging_gap() -> float:
    from wijkwijs.havenstad import infrastructure as hi

    t = hi.ties_by_shared_place("background")
    return float(100 * (t.loc["bridging", "cross_share"] - t.loc["none", "cross_share"]))


def _top_broker():
    from wijkwijs.havenstad import infrastructure as hi

    return hi.referral_brokerage(2019, top=1).iloc[0]


def _top_broker_type() -> int:
    return BROKER_TYPES.index(str(_top_broker()["type"]))


def _closure_losing() -> float:
    from wijkwijs.havenstad import infrastructure as hi

    return float(hi.closure_effect(int(_top_broker().name))["households_losing_all_help"])


def _closure_band() -> int:
    n = _closure_losing()
    return next(i for i, (lo, hi) in enumerate(CLOSURE_BANDS) if lo <= n <= hi)


def _closure_low_income() -> int:
    from wijkwijs.havenstad import infrastructure as hi

    return int(hi.closure_by_income_group(int(_top_broker().name)).loc["low", "losing_all_help"])


def _explainers() -> int:
    from wijkwijs.havenstad import infrastructure as hi

    return int(hi.linking_by_organisation(2019)["explains_government_info"].sum())


def _lag() -> float:
    from wijkwijs.examples.growth import growth_run
    from wijkwijs.models.growth import milestones

    m = milestones(growth_run())
    return float(m["ties_cross"] - m["participants"])


def _imposed() -> int:
    from wijkwijs.examples.growth import growth_run
    from wijkwijs.models.growth import milestones

    m = milestones(growth_run(initial_share=1.0))
    lag = m["ties_cross"] - m["participants"]
    return 0 if lag < 0 else (1 if lag == 0 else 2)


def _moved_participants() -> int:
    from wijkwijs.havenstad import infrastructure as hi

    return int(hi.demolition_effect()["participants_moved_by_demolition"])


def _moved_to_successor() -> int:
    from wijkwijs.havenstad import infrastructure as hi

    e = hi.demolition_effect()
    share = e["moved_participants_joining_the_successor"] / e["participants_moved_by_demolition"]
    return 3 if share == 0 else (2 if share < 0.25 else (1 if share < 0.75 else 0))


# -- 6.1 what social infrastructure is ------------------------------------------------------
define(Exercise(
    id="6.1-mix-zero",
    kind="choice",
    answer=1,
    options=[
        {"en": "It has no organisations at all", "nl": "Er zijn helemaal geen organisaties"},
        {"en": "All its organisations are of one type",
         "nl": "Al haar organisaties zijn van één soort"},
        {"en": "Every type is equally common", "nl": "Elke soort komt even vaak voor"},
    ],
    hints=[
        {"en": "The mix is an evenness: how evenly the organisations are spread over the "
               "types. Which situation leaves no uncertainty about the type of an "
               "organisation picked at random?",
         "nl": "De mix is een gelijkmatigheid: hoe gelijk de organisaties over de soorten "
               "verdeeld zijn. In welke situatie weet je zeker van welke soort een "
               "willekeurig gekozen organisatie is?"},
        {"en": "Try diversity([3, 0, 0]) and diversity([1, 1, 1]); a buurt without "
               "organisations gets NaN, not 0.",
         "nl": "Probeer diversity([3, 0, 0]) en diversity([1, 1, 1]); een buurt zonder "
               "organisaties krijgt NaN, geen 0."},
    ],
    solution={"en": "b) All organisations are of one type: -sum p ln p = 0 when one p is 1. "
                    "A buurt without organisations has no mix at all (NaN), and equal "
                    "numbers of every type give the maximum, 1.",
              "nl": "b) Alle organisaties zijn van één soort: -som p ln p = 0 als één p gelijk "
                    "is aan 1. Een buurt zonder organisaties heeft helemaal geen mix (NaN), "
                    "en evenveel van elke soort geeft het maximum, 1."},
))

define(Exercise(
    id="6.1-top1-reach",
    kind="number",
    answer=_top1_reach,
    tolerance=0.01,
    hints=[
        {"en": "Use reach_by_income_group for 2019, only the city (code 'GM9901').",
         "nl": "Gebruik reach_by_income_group voor 2019, alleen de stad (code 'GM9901')."},
        {"en": "Read the row 'top_1' and the column 'within_400m' (a share, 0–1).",
         "nl": "Lees de rij 'top_1' en de kolom 'within_400m' (een aandeel, 0–1)."},
    ],
    solution={"en": "hi.reach_by_income_group(2019, code='GM9901').loc['top_1', "
                    "'within_400m']: far below the other groups. In Havenstad the richest 1 % "
                    "live in villa areas with few meeting places nearby.",
              "nl": "hi.reach_by_income_group(2019, code='GM9901').loc['top_1', "
                    "'within_400m']: ver onder de andere groepen. In Havenstad wonen de "
                    "rijkste 1% in villawijken met weinig ontmoetingsplekken in de buurt."},
))

define(Exercise(
    id="6.1-new-centre",
    kind="choice",
    answer=_new_centre,
    options=[{"en": name, "nl": name} for name in NEW_CENTRE_OPTIONS],
    hints=[
        {"en": "A new meeting place helps most where many low-income households live "
               "beyond 400 m of every meeting place. Look at both: households and reach.",
         "nl": "Een nieuwe ontmoetingsplek helpt het meest waar veel huishoudens met een "
               "laag inkomen verder dan 400 m van elke ontmoetingsplek wonen. Kijk naar "
               "allebei: huishoudens en bereik."},
        {"en": "hi.new_centre_gain(2019, 400, group='low') computes the gain of a centre "
               "in every buurt; compare the four options.",
         "nl": "hi.new_centre_gain(2019, 400, group='low') berekent de winst van een "
               "buurthuis in elke buurt; vergelijk de vier opties."},
    ],
    solution={"en": "Perenlaan: it has many low-income households and no meeting place, so "
                    "a centre there brings the most of them within 400 m. Touwslagerij "
                    "already has many meeting places: a new one reaches few households who are not "
                    "reached now.",
              "nl": "Perenlaan: er wonen veel huishoudens met een laag inkomen en er is geen "
                    "ontmoetingsplek, dus een buurthuis daar brengt de meesten binnen 400 m. "
                    "Touwslagerij heeft al veel ontmoetingsplekken: een nieuwe bereikt weinig "
                    "huishoudens die nu nog niet bereikt worden."},
))

# -- 6.2 bridging, bonding, linking ----------------------------------------------------------
define(Exercise(
    id="6.2-cards-bridging",
    kind="set",
    answer=lambda: _cards_of("bridging"),
    hints=[
        {"en": "Bridging ties connect people who differ (in income, background, age); "
               "bonding ties connect people who are alike.",
         "nl": "Overbruggende banden verbinden mensen die verschillen (in inkomen, herkomst, "
               "leeftijd); bindende (bonding) banden verbinden mensen die op elkaar lijken."},
        {"en": "Two cards bring together residents of different groups as equals; the "
               "cards about the municipality are about linking.",
         "nl": "Twee kaarten brengen bewoners van verschillende groepen als gelijken samen; "
               "de kaarten over de gemeente gaan over linking."},
    ],
    solution={"en": "b and d: the repair café and the football club mix residents of "
                    "different ages, backgrounds and incomes. a and f are bonding; c and e "
                    "link residents to the municipality.",
              "nl": "b en d: het repaircafé en de voetbalclub mengen bewoners van "
                    "verschillende leeftijd, herkomst en inkomen. a en f zijn bonding; c en e "
                    "verbinden bewoners met de gemeente (linking)."},
))

define(Exercise(
    id="6.2-cards-linking",
    kind="set",
    answer=lambda: _cards_of("linking"),
    hints=[
        {"en": "Linking ties cross a gradient of power or authority: they connect residents "
               "to institutions such as the municipality (Szreter & Woolcock 2004).",
         "nl": "Linking-banden overbruggen een verschil in macht of gezag: ze verbinden "
               "bewoners met instituties zoals de gemeente (Szreter & Woolcock 2004)."},
        {"en": "Look for the cards in which the municipality appears.",
         "nl": "Zoek de kaarten waarin de gemeente voorkomt."},
    ],
    solution={"en": "c and e: the debt-counselling desk in the community centre and the "
                    "volunteer who helps with the municipality's application both connect "
                    "residents to the government.",
              "nl": "c en e: het schuldhulploket in het buurthuis en de vrijwilliger die helpt "
                    "met de aanvraag bij de gemeente verbinden allebei bewoners met de "
                    "overheid."},
))

define(Exercise(
    id="6.2-example-score",
    kind="number",
    answer=lambda: float(_example()["bridging"]),
    tolerance=0.005,
    hints=[
        {"en": "hi.label_disagreements(2019) lists the organisations labelled bridging "
               "whose participants are not mixed, lowest score first.",
         "nl": "hi.label_disagreements(2019) geeft de organisaties met het label "
               "overbruggend waarvan de deelnemers niet gemengd zijn, laagste score eerst."},
        {"en": "Take the 'bridging' column of its first row.",
         "nl": "Neem de kolom 'bridging' van de eerste rij."},
    ],
    solution={"en": "hi.label_disagreements(2019).iloc[0]['bridging']: below the threshold "
                    "0.8, although the organisation is labelled bridging. Its participants "
                    "are as mixed as its buurt in background and age, but almost all have a "
                    "low income.",
              "nl": "hi.label_disagreements(2019).iloc[0]['bridging']: onder de drempel 0,8, "
                    "hoewel de organisatie het label overbruggend heeft. De deelnemers zijn "
                    "in herkomst en leeftijd even gemengd als de buurt, maar bijna allemaal "
                    "hebben ze een laag inkomen."},
))

define(Exercise(
    id="6.2-example-low-share",
    kind="number",
    answer=_example_low_share,
    tolerance=0.01,
    hints=[
        {"en": "hi.member_profile(id, 'income_group') compares the participants with the "
               "households of the organisation's buurt.",
         "nl": "hi.member_profile(id, 'income_group') vergelijkt de deelnemers met de "
               "huishoudens van de buurt van de organisatie."},
        {"en": "Use the id of the first row of hi.label_disagreements(2019) and read the row "
               "'low', column 'members'.",
         "nl": "Gebruik de id van de eerste rij van hi.label_disagreements(2019) en lees "
               "rij 'low', kolom 'members'."},
    ],
    solution={"en": "About nine in ten participants have a low income, against about six in "
                    "ten households of its buurt: on income, this welfare organisation bonds "
                    "rather than bridges, whatever its label says.",
              "nl": "Ongeveer negen op de tien deelnemers hebben een laag inkomen, tegen "
                    "ongeveer zes op de tien huishoudens in de buurt: op inkomen verbindt deze "
                    "welzijnsorganisatie gelijken in plaats van te overbruggen, wat het label "
                    "ook zegt."},
))

define(Exercise(
    id="6.2-confusion",
    kind="number",
    answer=_bonding_label_computed_bridging,
    tolerance=0.5,
    hints=[
        {"en": "hi.bridging_confusion_table(2019): rows are the computed class, columns "
               "the label.",
         "nl": "hi.bridging_confusion_table(2019): de rijen zijn de berekende klasse, de "
               "kolommen het label."},
        {"en": "Read the row 'bridging' (computed) and the column 'bonding' (labelled).",
         "nl": "Lees de rij 'bridging' (berekend) en de kolom 'bonding' (label)."},
    ],
    solution={"en": "hi.bridging_confusion_table(2019).loc['bridging', 'bonding']: most "
                    "organisations labelled bonding are, by their participants, as mixed as "
                    "their buurt. In the synthetic data the label is drawn per type at "
                    "random, whoever takes part: a label is a claim to check.",
              "nl": "hi.bridging_confusion_table(2019).loc['bridging', 'bonding']: de meeste "
                    "organisaties met het label bonding zijn, naar hun deelnemers, even "
                    "gemengd als hun buurt. In de synthetische data is het label per soort "
                    "willekeurig gegeven, wie er ook meedoet: een label is een bewering om "
                    "te controleren."},
))

define(Exercise(
    id="6.2-shared-place",
    kind="number",
    answer=_shared_bridging_gap,
    tolerance=0.5,
    hints=[
        {"en": "hi.ties_by_shared_place('background') gives the share of ties across "
               "backgrounds for each kind of shared place.",
         "nl": "hi.ties_by_shared_place('background') geeft het aandeel banden tussen "
               "herkomstgroepen voor elke soort gedeelde plek."},
        {"en": "Subtract the 'none' row from the 'bridging' row (column 'cross_share') and "
               "multiply by 100.",
         "nl": "Trek de rij 'none' af van de rij 'bridging' (kolom 'cross_share') en "
               "vermenigvuldig met 100."},
    ],
    solution={"en": "100 × (cross share with a shared bridging organisation − without any "
                    "shared organisation): ties between households who share a bridging "
                    "place cross backgrounds more often, as Feld's foci of chapter 5 lead "
                    "us to expect.",
              "nl": "100 × (aandeel tussen groepen met een gedeelde overbruggende organisatie "
                    "− zonder gedeelde organisatie): banden tussen huishoudens die een "
                    "overbruggende plek delen lopen vaker tussen herkomstgroepen, zoals de "
                    "foci van Feld uit hoofdstuk 5 doen verwachten."},
))

# -- 6.3 brokerage ---------------------------------------------------------------------------
define(Exercise(
    id="6.3-top-broker",
    kind="choice",
    answer=_top_broker_type,
    options=[_TYPE_TEXT[t] for t in BROKER_TYPES],
    hints=[
        {"en": "The broker with the highest betweenness sits on most shortest referral "
               "routes between other organisations.",
         "nl": "De makelaar met de hoogste tussenpositie ligt op de meeste kortste "
               "doorverwijsroutes tussen andere organisaties."},
        {"en": "hi.referral_brokerage(2019, top=1) gives it, with its type.",
         "nl": "hi.referral_brokerage(2019, top=1) geeft die, met de soort."},
    ],
    solution={"en": "A welfare organisation: the organisations residents come to refer on "
                    "to it, and it refers on to the municipal services. The top five are "
                    "welfare organisations and a community centre.",
              "nl": "Een welzijnsorganisatie: organisaties waar bewoners komen verwijzen "
                    "ernaar door, en zij verwijst door naar de gemeentelijke diensten. De top "
                    "vijf bestaat uit welzijnsorganisaties en een buurthuis."},
))

define(Exercise(
    id="6.3-predict-closure",
    kind="choice",
    answer=_closure_band,
    options=[
        {"en": "Nobody", "nl": "Niemand"},
        {"en": "1 to 99", "nl": "1 tot 99"},
        {"en": "100 to 999", "nl": "100 tot 999"},
        {"en": "1,000 or more", "nl": "1.000 of meer"},
    ],
    hints=[
        {"en": "Predict first. Who loses all help? Only households whose every route to a "
               "service runs through the closed organisation.",
         "nl": "Voorspel eerst. Wie verliest alle hulp? Alleen huishoudens van wie elke "
               "route naar een hulpdienst via de gesloten organisatie loopt."},
        {"en": "Check with hi.closure_effect(id)['households_losing_all_help'], the id being "
               "that of hi.referral_brokerage(2019, top=1).",
         "nl": "Controleer met hi.closure_effect(id)['households_losing_all_help'], met de id "
               "van hi.referral_brokerage(2019, top=1)."},
    ],
    solution={"en": "100 to 999: a few hundred households lose every route to help within two "
                    "steps, out of tens of thousands. Few in the city, but for them the "
                    "closure is everything: most of them have a low income.",
              "nl": "100 tot 999: een paar honderd huishoudens verliezen elke route naar hulp "
                    "binnen twee stappen, van de tienduizenden. Weinig voor de stad, maar "
                    "voor hen is de sluiting alles: de meesten hebben een laag inkomen."},
))

define(Exercise(
    id="6.3-closure-low",
    kind="number",
    answer=_closure_low_income,
    tolerance=0.5,
    hints=[
        {"en": "hi.closure_by_income_group(id) splits the households losing all help by "
               "income group.",
         "nl": "hi.closure_by_income_group(id) splitst de huishoudens die alle hulp "
               "verliezen naar inkomensgroep."},
        {"en": "Use the id of the top broker and read row 'low', column 'losing_all_help'.",
         "nl": "Gebruik de id van de grootste makelaar en lees rij 'low', kolom "
               "'losing_all_help'."},
    ],
    solution={"en": "hi.closure_by_income_group(id).loc['low', 'losing_all_help']: about two "
                    "thirds of the households cut off have a low income (bottom 40 %).",
              "nl": "hi.closure_by_income_group(id).loc['low', 'losing_all_help']: ongeveer "
                    "twee derde van de afgesneden huishoudens heeft een laag inkomen "
                    "(laagste 40%)."},
))

define(Exercise(
    id="6.3-explainers",
    kind="number",
    answer=_explainers,
    tolerance=0.5,
    hints=[
        {"en": "hi.linking_by_organisation(2019) has a True/False column "
               "'explains_government_info'.",
         "nl": "hi.linking_by_organisation(2019) heeft een kolom met waar/onwaar, "
               "'explains_government_info'."},
        {"en": "Sum that column: True counts as 1.",
         "nl": "Tel die kolom op: True telt als 1."},
    ],
    solution={"en": "hi.linking_by_organisation(2019)['explains_government_info'].sum(): the "
                    "organisations that could, as in the pandemic, explain government "
                    "information to residents (municipal services themselves not counted).",
              "nl": "hi.linking_by_organisation(2019)['explains_government_info'].sum(): de "
                    "organisaties die, zoals in de pandemie, overheidsinformatie aan "
                    "bewoners kunnen uitleggen (de gemeentelijke diensten zelf niet "
                    "meegeteld)."},
))

# -- 6.4 time, imposition and disruption -----------------------------------------------------
define(Exercise(
    id="6.4-lag",
    kind="number",
    answer=_lag,
    tolerance=0.5,
    hints=[
        {"en": "milestones(run) gives the first year each line reaches half its highest "
               "value; use the explorer's default run, growth_run().",
         "nl": "milestones(run) geeft het eerste jaar waarin elke lijn de helft van haar "
               "hoogste waarde haalt; gebruik de standaardrun van de verkenner, "
               "growth_run()."},
        {"en": "Subtract the year of 'participants' from the year of 'ties_cross'.",
         "nl": "Trek het jaar van 'participants' af van het jaar van 'ties_cross'."},
    ],
    solution={"en": "m = milestones(growth_run()); m['ties_cross'] - m['participants']: ties "
                    "across groups need about a decade more than participation, because "
                    "they need repeated encounters and homophily slows them.",
              "nl": "m = milestones(growth_run()); m['ties_cross'] - m['participants']: "
                    "banden tussen groepen hebben ongeveer tien jaar meer nodig dan "
                    "deelname, omdat ze herhaalde ontmoetingen vragen en homofilie ze "
                    "afremt."},
))

define(Exercise(
    id="6.4-imposed",
    kind="choice",
    answer=_imposed,
    options=[
        {"en": "Sooner than participation", "nl": "Eerder dan de deelname"},
        {"en": "In the same year as participation", "nl": "In hetzelfde jaar als de deelname"},
        {"en": "Still years after participation", "nl": "Nog steeds jaren na de deelname"},
    ],
    hints=[
        {"en": "Predict first: signing everybody up on day one fills the centre. Does it "
               "also make the residents know each other?",
         "nl": "Voorspel eerst: iedereen op dag één inschrijven vult het buurthuis. Zorgt "
               "het er ook voor dat de bewoners elkaar kennen?"},
        {"en": "Check with milestones(growth_run(initial_share=1.0)).",
         "nl": "Controleer met milestones(growth_run(initial_share=1.0))."},
    ],
    solution={"en": "Still years after participation: a full centre is not a connected "
                    "neighbourhood. Ties need repeated encounters, so social infrastructure "
                    "cannot be imposed from above and needs time to develop.",
              "nl": "Nog steeds jaren na de deelname: een vol buurthuis is nog geen "
                    "verbonden buurt. Banden vragen herhaalde ontmoetingen, dus sociale "
                    "infrastructuur kan niet van bovenaf worden opgelegd en heeft tijd "
                    "nodig."},
))

define(Exercise(
    id="6.4-moved-participants",
    kind="number",
    answer=_moved_participants,
    tolerance=0.5,
    hints=[
        {"en": "Join the moves with reason 'demolition' to the participation of the old "
               "centre in its last open year; hi.demolition_effect() does it.",
         "nl": "Koppel de verhuizingen met reden 'demolition' aan de deelname in het oude "
               "buurthuis in zijn laatste open jaar; hi.demolition_effect() doet dat."},
        {"en": "Read 'participants_moved_by_demolition'.",
         "nl": "Lees 'participants_moved_by_demolition' af."},
    ],
    solution={"en": "hi.demolition_effect()['participants_moved_by_demolition']: about one "
                    "in five of the centre's participants was forced out of the buurt by the "
                    "demolition.",
              "nl": "hi.demolition_effect()['participants_moved_by_demolition']: ongeveer één "
                    "op de vijf deelnemers van het buurthuis moest door de sloop de buurt "
                    "uit."},
))

define(Exercise(
    id="6.4-successor",
    kind="choice",
    answer=_moved_to_successor,
    options=[
        {"en": "Most of them", "nl": "De meesten"},
        {"en": "About half", "nl": "Ongeveer de helft"},
        {"en": "A few", "nl": "Een paar"},
        {"en": "Not one of them", "nl": "Niet één"},
    ],
    hints=[
        {"en": "Predict first: the new centre opened next door in the same year. Would "
               "households who had to move away come back to it?",
         "nl": "Voorspel eerst: het nieuwe buurthuis ging in hetzelfde jaar ernaast open. "
               "Zouden huishoudens die weg moesten er terugkomen?"},
        {"en": "Check hi.demolition_effect()['moved_participants_joining_the_successor'].",
         "nl": "Controleer hi.demolition_effect()['moved_participants_joining_the_successor']."},
    ],
    solution={"en": "Not one: of the participants the demolition moved, not one took part in the "
                    "new centre. Relocating the building kept the organisation, not the "
                    "people who made it.",
              "nl": "Niet één: van de deelnemers die door de sloop verhuisden, deed er niet "
                    "één mee in het nieuwe buurthuis. Het gebouw verplaatsen hield de "
                    "organisatie, niet de mensen die haar maakten."},
))

# -- reflections -------------------------------------------------------------------------
define(Reflection(
    "6.1-reflect",
    prompt={"en": "Think of your own neighbourhood (or one you know). Which places and "
                  "organisations would be on its inventory, and which would no statistic "
                  "or map show?",
            "nl": "Denk aan je eigen buurt (of een buurt die je kent). Welke plekken en "
                  "organisaties staan op de inventaris, en welke zou geen statistiek of "
                  "kaart laten zien?"},
    model_answer={"en": "A good answer names formal places (community centre, library, "
                        "school, sports club) and informal ones with a public function "
                        "(a café, a shop, a mosque or church, a bench by the playground), and "
                        "notices that what happens there — who comes, who helps whom — is "
                        "not in the counts. Custers stresses that the work of organisations "
                        "often goes unnoticed in statistics, so being present in the "
                        "neighbourhood is needed.",
                  "nl": "Een goed antwoord noemt formele plekken (buurthuis, bibliotheek, "
                        "school, sportclub) en informele met een publieke functie (een café, "
                        "een winkel, een moskee of kerk, een bankje bij de speeltuin), en "
                        "ziet dat wat daar gebeurt — wie er komt, wie wie helpt — niet in de "
                        "tellingen staat. Custers benadrukt dat het werk van organisaties "
                        "vaak onopgemerkt blijft in de statistieken; aanwezig zijn in de wijk "
                        "is dus nodig."},
))

define(Reflection(
    "6.2-reflect",
    prompt={"en": "An organisation calls itself 'for everybody', but almost all its "
                  "participants have a low income. Is it failing? What would you want to "
                  "know before you judge it?",
            "nl": "Een organisatie noemt zich 'voor iedereen', maar bijna al haar deelnemers "
                  "hebben een laag inkomen. Schiet ze tekort? Wat zou je willen weten voor "
                  "je oordeelt?"},
    model_answer={"en": "Not necessarily: bonding can be what residents need (support among "
                        "equals), and a welfare organisation that reaches low-income "
                        "households may do exactly its job, and link them to help. Before "
                        "judging you would want to know its aims, who lives around it, what "
                        "participants get from it and whether it connects them to others or "
                        "to government. The score measures mixing, not value; organisations "
                        "are 'niet heilig en soms disfunctioneel' (not sacred, and sometimes "
                        "dysfunctional), but their importance is usually underestimated "
                        "(Custers).",
                  "nl": "Niet per se: bonding kan zijn wat bewoners nodig hebben (steun onder "
                        "gelijken), en een welzijnsorganisatie die huishoudens met een laag "
                        "inkomen bereikt, doet misschien precies haar werk, en verbindt hen "
                        "met hulp. Voor een oordeel wil je haar doelen kennen, weten wie er "
                        "rond haar woont, wat deelnemers eraan hebben en of ze hen met "
                        "anderen of met de overheid verbindt. De score meet menging, geen "
                        "waarde; organisaties zijn 'niet heilig en soms disfunctioneel', maar "
                        "hun belang wordt meestal onderschat (Custers)."},
))

define(Reflection(
    "6.3-reflect",
    prompt={"en": "The municipality has to cut its budget and considers closing one "
                  "organisation. Which numbers from this notebook would you put on the "
                  "table, and what would they not tell you?",
            "nl": "De gemeente moet bezuinigen en overweegt één organisatie te sluiten. "
                  "Welke cijfers uit dit notebook zou je op tafel leggen, en wat vertellen "
                  "ze je niet?"},
    model_answer={"en": "The households that would lose every route to help, by income "
                        "group, and the organisations cut off from services, not just the "
                        "number of participants: a small organisation can be the only bridge "
                        "to help. But the referral network records only known links; it "
                        "misses the trust, the explaining and the informal help that make a "
                        "referral work, and whether another organisation could take over. "
                        "That knowledge comes from being in the neighbourhood ('street "
                        "smart', in Custers' words).",
                  "nl": "De huishoudens die elke route naar hulp zouden verliezen, naar "
                        "inkomensgroep, en de organisaties die van hulp worden afgesneden, "
                        "niet alleen het aantal deelnemers: een kleine organisatie kan de "
                        "enige brug naar hulp zijn. Maar het doorverwijsnetwerk kent alleen "
                        "bekende verbindingen; het mist het vertrouwen, het uitleggen en de "
                        "informele hulp die een doorverwijzing laten werken, en of een andere "
                        "organisatie het kan overnemen. Die kennis komt van aanwezig zijn in "
                        "de wijk ('street smart', in de woorden van Custers)."},
))

define(Reflection(
    "6.4-reflect",
    prompt={"en": "A restructuring plan will demolish social-rent homes to make a "
                  "neighbourhood more mixed. What would you build into the plan so that it "
                  "does not break the social infrastructure it finds?",
            "nl": "Een herstructureringsplan gaat sociale huurwoningen slopen om een wijk "
                  "gemengder te maken. Wat zou je in het plan opnemen zodat het de sociale "
                  "infrastructuur die er is niet kapotmaakt?"},
    model_answer={"en": "Map the organisations and who depends on them before the plan is "
                        "final; keep organisations open and in place during the works, or "
                        "move them with their people; give residents who must move a way to "
                        "stay involved; fund organisations structurally rather than by "
                        "project, keep the same contact persons; and give new social "
                        "infrastructure years to grow. Custers: a mixed neighbourhood does "
                        "not yet mean good social infrastructure, it needs time to develop, "
                        "and mixing policy can even disrupt it.",
                  "nl": "Breng de organisaties in kaart, en wie van hen afhangt, voordat het "
                        "plan vastligt; houd organisaties open en op hun plek tijdens de "
                        "werkzaamheden, of verhuis ze mét hun mensen; geef bewoners die "
                        "moeten verhuizen een manier om betrokken te blijven; financier "
                        "organisaties structureel in plaats van per project, houd dezelfde "
                        "aanspreekpunten; en geef nieuwe sociale infrastructuur jaren om te "
                        "groeien. Custers: een gemengde wijk betekent nog geen goede sociale "
                        "infrastructuur, die heeft tijd nodig, en mengingsbeleid kan haar "
                        "zelfs verstoren."},
))
