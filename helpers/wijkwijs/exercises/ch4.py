"""Exercises of chapter 4 (mixing neighbourhoods: the policy, its promise, its effects).

Notebook 4.1 (the policy and its promise) asks readings of the article and the
research, a prediction about Havenstad's restructured buurt and a choice between
policies. Notebook 4.2 (the restructuring lever) asks predictions about the paradox
model's restructuring lever (asked before the output that settles them), a hand
computation of D, a choice between policies and readings of Havenstad's demolition
moves. Every answer that depends on data or a model run is computed here: from
:func:`wijkwijs.models.paradox.restructuring_effects` (the chapter's settings, means over
its seeds) and from :mod:`wijkwijs.havenstad.restructuring`. In the model "low income"
is the bottom third of the region's incomes in year 0; in Havenstad it is the national
bottom 40 %.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from wijkwijs.exercises import Exercise, Reflection, define
from wijkwijs.havenstad import restructuring as hr
from wijkwijs.models import paradox
from wijkwijs.segregation import dissimilarity_between

#: The three zones of exercise 4.2-hand-demolition: low- and high-income households in
#: A (to be restructured), B (well-off) and C (where the displaced households go).
HAND_LOW_BEFORE = (60, 40, 50)
HAND_HIGH_BEFORE = (20, 80, 10)
#: 20 low-income households of A move to C; 20 new high-income owners move into A.
HAND_LOW_AFTER = (40, 40, 70)
HAND_HIGH_AFTER = (40, 80, 10)
#: Changes smaller than this (in D or a share) count as "about the same".
SMALL = 0.01


@cache
def effects() -> pd.DataFrame:
    """The chapter's table: :func:`~wijkwijs.models.paradox.restructuring_effects`."""
    return paradox.restructuring_effects().set_index("setting")


def _three_way(change: float, small: float = SMALL) -> int:
    """0 if ``change`` ≤ −small (falls), 1 if within ±small, 2 if ≥ small (rises)."""
    return 0 if change <= -small else 2 if change >= small else 1


def zone_mix_option() -> int:
    """4.2-predict-zone-mix: the restructured zone's low-income share, inner-2, 120 homes."""
    return _three_way(float(effects().loc["inner-2, 120", "zone_low_change_year"]), 0.05)


def city_d_option() -> int:
    """4.2-predict-city-d: the city's D in the demolition year, inner-2, 120 homes."""
    return _three_way(float(effects().loc["inner-2, 120", "d_city_change_year"]))


def suburb_share_option() -> int:
    """4.2-predict-suburb-share: does doubling the demolition raise the share to suburbs?

    0: a smaller share, 1: about the same (within 0.03), 2: a larger share; from the
    mean of both zones.
    """
    t = effects().share_to_suburbs
    change = ((t["inner-2, 120"] - t["inner-2, 60"]) + (t["outer-3, 120"] - t["outer-3, 60"])) / 2
    return _three_way(float(change), 0.03)


#: The policies of 4.2-policy-regional: label -> setting of the effects table (None: none).
REGIONAL_POLICIES: tuple[str | None, ...] = ("inner-2, 120", "outer-3, 120", None)


def regional_policy_option() -> int:
    """4.2-policy-regional: the policy with the lowest regional D in the final year."""
    t = effects().d_metro_change_final
    values = [0.0 if p is None else float(t[p]) for p in REGIONAL_POLICIES]
    return values.index(min(values))


def hand_demolition_change() -> float:
    """4.2-hand-demolition: D after minus D before, in the three-zone example."""
    return (dissimilarity_between(HAND_LOW_AFTER, HAND_HIGH_AFTER)
            - dissimilarity_between(HAND_LOW_BEFORE, HAND_HIGH_BEFORE))


def meeuwenhof_mix_option() -> int:
    """4.1-predict-buurt-mix: the restructured buurt's low-income share (national bottom
    40 %) in the last year against the year before the demolition: 0 higher, 1 within
    5 points, 2 lower by more than 5 points."""
    h = hr.buurt_history().set_index("year")
    change = float(h.low.iloc[-1] - h.low.loc[hr.RESTRUCTURING_YEAR - 1])
    return 0 if change > 0.05 else 2 if change < -0.05 else 1


def stayed_in_city_option() -> int:
    """4.2-predict-stay: share of the demolition's movers who stayed in the city, in thirds."""
    share = hr.restructuring_summary()["stayed_in_city"]
    return 0 if share < 1 / 3 else 1 if share <= 2 / 3 else 2


def low_income_share_to_zuiderpolder() -> float:
    """4.2-low-income-zuiderpolder: share of the low-income movers (national bottom 40 %)
    who went to Zuiderpolder, in per cent."""
    t = hr.demolition_destinations()
    return 100 * float(t.loc["low", "Zuiderpolder"] / t.loc["low"].sum())


# -- notebook 4.1 -----------------------------------------------------------------------
define(Exercise(
    id="4.1-arguments-for",
    kind="choice",
    answer=0,
    options=[
        {"en": "Mixing can reduce a neighbourhood's stigma, and very strong segregation such "
               "as in US ghettos and French banlieues should be prevented",
         "nl": "Menging kan het stigma van een wijk verminderen, en een te sterke segregatie "
               "zoals in Amerikaanse ghetto's en Franse banlieues moet worden voorkomen"},
        {"en": "Physical mixing leads to mixed communities, in which 'kansarme' residents "
               "pull themselves up by their 'kansrijke' neighbours",
         "nl": "Fysieke menging leidt tot gemengde gemeenschappen, waarin 'kansarme' bewoners "
               "zich optrekken aan hun 'kansrijke' buren"},
        {"en": "Mixed neighbourhoods always have more social cohesion",
         "nl": "Gemengde wijken hebben altijd meer sociale samenhang"},
    ],
    hints=[
        {"en": "Read the question carefully: which argument does Custers himself accept "
               "('Er zijn zeker argumenten voor dergelijk beleid')?",
         "nl": "Lees de vraag goed: welk argument aanvaardt Custers zelf ('Er zijn zeker "
               "argumenten voor dergelijk beleid')?"},
        {"en": "One option is the 'classic policy ideal' he calls unrealistic; another is the "
               "'myth' his article opens with.",
         "nl": "Eén optie is het 'klassieke beleidsideaal' dat hij onrealistisch noemt; een "
               "andere is de 'mythe' waarmee zijn artikel opent."},
    ],
    solution={"en": "a) Custers grants two arguments: less stigma, and preventing very strong "
                    "segregation (US ghettos, French banlieues). b) is the paternalistic ideal "
                    "he says rarely works in practice; c) is the myth in his opening lines.",
              "nl": "a) Custers erkent twee argumenten: minder stigma, en het voorkomen van te "
                    "sterke segregatie (Amerikaanse ghetto's, Franse banlieues). b) is het "
                    "paternalistische ideaal dat volgens hem in de praktijk nauwelijks werkt; "
                    "c) is de mythe uit zijn openingszinnen."},
))

define(Exercise(
    id="4.1-why-rarely",
    kind="choice",
    answer=1,
    options=[
        {"en": "Because the well-off newcomers soon move away again",
         "nl": "Omdat de welgestelde nieuwkomers snel weer vertrekken"},
        {"en": "Because people mostly form ties with people like themselves, and groups with "
               "different lifestyles live past each other",
         "nl": "Omdat mensen vooral banden aangaan met mensen die op hen lijken, en groepen "
               "met verschillende leefstijlen langs elkaar leven"},
        {"en": "Because mixed neighbourhoods have more crime",
         "nl": "Omdat gemengde wijken meer criminaliteit hebben"},
    ],
    hints=[
        {"en": "Custers names a 'sociological regularity' and a second reason about how "
               "different residents use their neighbourhood.",
         "nl": "Custers noemt een 'sociologische wetmatigheid' en een tweede reden over hoe "
               "verschillende bewoners hun buurt gebruiken."},
        {"en": "'Birds of a feather flock together' and the young urban professionals' "
               "city-wide lifestyle.",
         "nl": "'Birds of a feather flock together' en de buurtoverstijgende leefstijl van "
               "young urban professionals."},
    ],
    solution={"en": "b) Homophily ('birds of a feather flock together') and different "
                    "lifestyles: yuppies live their social life across the whole city, while "
                    "families with young children, older people and working-class residents "
                    "are oriented to the neighbourhood. Physical proximity guarantees no "
                    "contact. Chapter 5 models both.",
              "nl": "b) Homofilie ('birds of a feather flock together') en verschillende "
                    "leefstijlen: yuppen leven hun sociale leven door de hele stad, terwijl "
                    "gezinnen met jonge kinderen, ouderen en arbeiders op de buurt gericht "
                    "zijn. Fysieke nabijheid garandeert geen contact. Hoofdstuk 5 modelleert "
                    "beide."},
))

define(Exercise(
    id="4.1-diversity-seekers",
    kind="choice",
    answer=2,
    options=[
        {"en": "Their networks were more mixed, so attracting them integrates a neighbourhood",
         "nl": "Hun netwerken waren gemengder, dus wie hen aantrekt, integreert een buurt"},
        {"en": "They avoided the neighbourhood's shops and public spaces altogether",
         "nl": "Ze meden de winkels en openbare ruimte van de buurt helemaal"},
        {"en": "A liking for diversity could not be shown to turn into more diverse networks "
               "or practices; it may help local businesses and public life",
         "nl": "Een voorkeur voor diversiteit bleek niet aantoonbaar te leiden tot diversere "
               "netwerken of praktijken; wel kan ze lokale zaken en het openbare leven helpen"},
    ],
    hints=[
        {"en": "This is a reading of Blokland & van Eijk (2010), summarised above the "
               "exercise: what did they find about the networks of 'diversity-seekers'?",
         "nl": "Dit gaat over Blokland & van Eijk (2010), samengevat boven de opgave: wat "
               "vonden ze over de netwerken van 'diversiteitszoekers'?"},
        {"en": "Their conclusion is cautious: a preference is not a practice.",
         "nl": "Hun conclusie is voorzichtig: een voorkeur is nog geen praktijk."},
    ],
    solution={"en": "c) In a mixed Rotterdam neighbourhood, residents attracted by its "
                    "diversity did not have networks or practices that demonstrably integrated "
                    "minorities; the authors see possible gains for local businesses and "
                    "public space. Even the most willing middle-class residents do not carry "
                    "out the policy's ideal on their own.",
              "nl": "c) In een gemengde Rotterdamse buurt hadden bewoners die door de "
                    "diversiteit werden aangetrokken geen netwerken of praktijken die "
                    "minderheden aantoonbaar integreerden; de auteurs zien mogelijke winst "
                    "voor lokale zaken en de openbare ruimte. Zelfs de meest welwillende "
                    "middenklassebewoners voeren het beleidsideaal niet vanzelf uit."},
))

define(Exercise(
    id="4.1-predict-buurt-mix",
    kind="choice",
    answer=meeuwenhof_mix_option,
    options=[
        {"en": "Higher than before the demolition", "nl": "Hoger dan voor de sloop"},
        {"en": "About the same (within 5 percentage points)",
         "nl": "Ongeveer gelijk (binnen 5 procentpunt)"},
        {"en": "Lower by more than 5 percentage points",
         "nl": "Meer dan 5 procentpunt lager"},
    ],
    hints=[
        {"en": "Predict first, from Figure 4.1: which homes were demolished, and which were "
               "built in their place? Who can rent or buy the new ones?",
         "nl": "Voorspel eerst, met Figuur 4.1: welke woningen werden gesloopt, en welke "
               "kwamen ervoor in de plaats? Wie kan de nieuwe huren of kopen?"},
        {"en": "Check it: in hr.buurt_history(), compare 'low' in the last year with the year "
               "before hr.RESTRUCTURING_YEAR.",
         "nl": "Controleer het: vergelijk in hr.buurt_history() 'low' in het laatste jaar met "
               "het jaar voor hr.RESTRUCTURING_YEAR."},
    ],
    solution={"en": "Social rent was demolished and owner-occupied and private-rent homes were "
                    "built, so the buurt's share of low-income households (national bottom "
                    "40 %) falls: by this measure the buurt got mixed. Figure 4.2 shows how "
                    "far, and the next notebook asks where the households who left went.",
              "nl": "Sociale huur werd gesloopt en er kwamen koop- en particuliere "
                    "huurwoningen voor in de plaats, dus het aandeel huishoudens met een laag "
                    "inkomen (landelijk laagste 40 %) in de buurt daalt: naar deze maat is de "
                    "buurt gemengd. Figuur 4.2 laat zien hoeveel, en het volgende notebook "
                    "vraagt waar de vertrokken huishoudens heen gingen."},
))

define(Exercise(
    id="4.1-policy-choice",
    kind="choice",
    answer=1,
    options=[
        {"en": "Demolish a third of the social homes and build owner-occupied homes, counting "
               "on the newcomers to lift the sitting tenants",
         "nl": "Een derde van de sociale huurwoningen slopen en koopwoningen bouwen, in de "
               "verwachting dat de nieuwkomers de zittende huurders meetrekken"},
        {"en": "Add middle-segment homes where that forces nobody to move, and give the "
               "buurthuis and youth space long-term funding",
         "nl": "Woningen in het middensegment toevoegen waar niemand daarvoor hoeft te "
               "verhuizen, en het buurthuis en de jongerenplek langdurig financieren"},
        {"en": "Sell all social homes as they fall vacant, so that the buurt mixes by itself",
         "nl": "Alle sociale huurwoningen verkopen zodra ze leegkomen, zodat de buurt vanzelf "
               "mengt"},
    ],
    hints=[
        {"en": "Weigh each option against the evidence of this notebook: what does mixing "
               "achieve (reputation, liveability), what does it not (ties across groups), "
               "and what can demolition break?",
         "nl": "Weeg elke optie tegen het bewijs in dit notebook: wat bereikt menging "
               "(reputatie, leefbaarheid), wat niet (banden tussen groepen), en wat kan sloop "
               "kapotmaken?"},
        {"en": "Custers: at worst mixing policy disrupts the social infrastructure, when "
               "organisations must move or users must leave because their homes are "
               "demolished.",
         "nl": "Custers: in het slechtste geval verstoort mengingsbeleid de sociale "
               "infrastructuur, als organisaties moeten verhuizen of gebruikers vertrekken "
               "omdat hun huizen worden gesloopt."},
    ],
    solution={"en": "b) It keeps what the research credits to mixing (a better reputation, "
                    "more choice for residents who do well and want to stay) without the "
                    "forced moves, and it invests in the places where contact between groups "
                    "actually happens. a) relies on the paternalistic ideal, which the "
                    "evidence does not support, and breaks ties and organisations; c) mixes "
                    "only by shrinking the homes that the lowest incomes can get.",
              "nl": "b) Het behoudt wat onderzoek aan menging toeschrijft (een betere "
                    "reputatie, meer keus voor bewoners die vooruitkomen en willen blijven) "
                    "zonder gedwongen verhuizingen, en investeert in de plekken waar contact "
                    "tussen groepen echt ontstaat. a) leunt op het paternalistische ideaal, "
                    "dat het bewijs niet steunt, en breekt banden en organisaties; c) mengt "
                    "alleen door de woningen te laten krimpen die de laagste inkomens kunnen "
                    "krijgen."},
))

define(Reflection(
    "4.1-reflect",
    prompt={"en": "Think of a neighbourhood you know that was 'mixed' by demolition and new "
                  "building (or imagine one). Who gained, who lost, and what would you need to "
                  "know to judge whether the mixing worked?",
            "nl": "Denk aan een wijk die je kent die door sloop en nieuwbouw 'gemengd' is (of "
                  "stel je er een voor). Wie won er, wie verloor er, en wat zou je moeten "
                  "weten om te beoordelen of de menging werkte?"},
    model_answer={"en": "Gains: often a better reputation, better homes, more choice for "
                        "residents who do well. Losses: the tenants whose homes went, their "
                        "ties and the organisations they used; the lowest incomes lose homes "
                        "they can get. To judge it you need to follow the people, not only "
                        "the place (where did the tenants go, did they get better homes?), "
                        "to look at the city and the region, not only the buurt, and to know "
                        "whether contact between groups grew at all, which statistics on "
                        "the mix cannot show.",
                  "nl": "Winst: vaak een betere reputatie, betere woningen, meer keus voor "
                        "bewoners die vooruitkomen. Verlies: de huurders van de gesloopte "
                        "woningen, hun banden en de organisaties die ze gebruikten; de "
                        "laagste inkomens verliezen woningen die ze kunnen krijgen. Om het "
                        "te beoordelen moet je de mensen volgen, niet alleen de plek (waar "
                        "gingen de huurders heen, kregen ze betere woningen?), naar de stad "
                        "en de regio kijken, niet alleen naar de buurt, en weten of het "
                        "contact tussen groepen überhaupt groeide, wat statistieken over de "
                        "mix niet laten zien."},
))

# -- notebook 4.2 -----------------------------------------------------------------------
define(Exercise(
    id="4.2-hand-demolition",
    kind="number",
    answer=hand_demolition_change,
    tolerance=0.005,
    hints=[
        {"en": "Compute D before and after, each as ½ Σ |low share − high share| over the "
               "three zones, with shares of each group's own total; then subtract.",
         "nl": "Bereken D voor en na, elk als ½ Σ |aandeel laag − aandeel hoog| over de drie "
               "zones, met aandelen van het eigen totaal van elke groep; trek dan af."},
        {"en": "Before: 150 low- and 110 high-income households. After: still 150 low, but "
               "130 high (20 newcomers). dissimilarity_between(low, high) does each D.",
         "nl": "Voor: 150 lage en 110 hoge inkomens. Na: nog steeds 150 lage, maar 130 hoge "
               "(20 nieuwkomers). dissimilarity_between(laag, hoog) berekent elke D."},
        {"en": "D before is about 0.46, D after about 0.39.",
         "nl": "D voor is ongeveer 0,46, D na ongeveer 0,39."},
    ],
    solution={"en": "D falls by about 0.07: A becomes mixed (40 low, 40 high). But zone C, "
                    "where the displaced households went, becomes poorer still (70 low, 10 "
                    "high): the city-wide index hides a new concentration.",
              "nl": "D daalt met ongeveer 0,07: A wordt gemengd (40 laag, 40 hoog). Maar zone "
                    "C, waar de verdreven huishoudens heen gingen, wordt nog armer (70 laag, "
                    "10 hoog): de index voor de hele stad verbergt een nieuwe concentratie."},
))

_THREE_WAY = [
    {"en": "It falls", "nl": "Die daalt"},
    {"en": "It stays about the same", "nl": "Die blijft ongeveer gelijk"},
    {"en": "It rises", "nl": "Die stijgt"},
]

define(Exercise(
    id="4.2-predict-zone-mix",
    kind="choice",
    answer=zone_mix_option,
    options=[
        {"en": "It falls by more than 5 percentage points",
         "nl": "Het daalt met meer dan 5 procentpunt"},
        {"en": "It stays within 5 percentage points", "nl": "Het blijft binnen 5 procentpunt"},
        {"en": "It rises by more than 5 percentage points",
         "nl": "Het stijgt met meer dan 5 procentpunt"},
    ],
    hints=[
        {"en": "Predict first: 120 social homes, mostly rented by low-income households, "
               "become owner-occupied homes that only better-off newcomers can afford.",
         "nl": "Voorspel eerst: 120 sociale huurwoningen, vooral gehuurd door lage inkomens, "
               "worden koopwoningen die alleen beter verdienende nieuwkomers kunnen betalen."},
        {"en": "Check it: effects.loc['inner-2, 120', 'zone_low_change_year'] is the change of "
               "the zone's low-income share against the same run without restructuring.",
         "nl": "Controleer het: effects.loc['inner-2, 120', 'zone_low_change_year'] is de "
               "verandering van het aandeel lage inkomens in de zone tegenover dezelfde run "
               "zonder herstructurering."},
    ],
    solution={"en": "a) The zone itself is mixed at once: its low-income share drops well "
                    "below what it would have been. This is what restructuring promises, and "
                    "in the zone it delivers.",
              "nl": "a) De zone zelf is meteen gemengd: het aandeel lage inkomens zakt ver "
                    "onder wat het anders was geweest. Dit belooft herstructurering, en in de "
                    "zone maakt ze het waar."},
))

define(Exercise(
    id="4.2-predict-city-d",
    kind="choice",
    answer=city_d_option,
    options=[
        {"en": "It falls (by 0.01 or more)", "nl": "Die daalt (met 0,01 of meer)"},
        {"en": "It changes by less than 0.01", "nl": "Die verandert minder dan 0,01"},
        {"en": "It rises (by 0.01 or more)", "nl": "Die stijgt (met 0,01 of meer)"},
    ],
    hints=[
        {"en": "Predict first: the zone got mixed. But where do its 100-odd displaced "
               "households go, and which zones have the social vacancies they can take?",
         "nl": "Voorspel eerst: de zone is gemengd. Maar waar gaan de ruim honderd verdreven "
               "huishoudens heen, en welke zones hebben de sociale huurwoningen die ze "
               "kunnen krijgen?"},
        {"en": "Check it: effects.loc['inner-2, 120', 'd_city_change_year'].",
         "nl": "Controleer het: effects.loc['inner-2, 120', 'd_city_change_year']."},
    ],
    solution={"en": "The city's D does not fall: the displaced low-income households move to "
                    "the zones where social rent is left, which were already poorer, and to "
                    "the suburbs, while high-income newcomers buy the new homes. The "
                    "mixing of one zone is undone at the scale of the city (Bolt, van Kempen "
                    "& van Weesep 2009 found the same in Dutch cities).",
              "nl": "De D van de stad daalt niet: de verdreven lage inkomens verhuizen naar de "
                    "zones waar nog sociale huur is, die al armer waren, en naar de "
                    "randgemeenten, terwijl hoge inkomens de nieuwe woningen kopen. De "
                    "menging van één zone wordt op de schaal van de stad tenietgedaan (Bolt, "
                    "van Kempen & van Weesep 2009 vonden hetzelfde in Nederlandse steden)."},
))

define(Exercise(
    id="4.2-predict-suburb-share",
    kind="choice",
    answer=suburb_share_option,
    options=[
        {"en": "A smaller share", "nl": "Een kleiner aandeel"},
        {"en": "About the same share", "nl": "Ongeveer hetzelfde aandeel"},
        {"en": "A larger share", "nl": "Een groter aandeel"},
    ],
    hints=[
        {"en": "Predict first: the displaced households choose first (urgency), but the "
               "city's social vacancies in one year are limited.",
         "nl": "Voorspel eerst: de verdreven huishoudens kiezen als eersten (urgentie), maar "
               "het aantal vrije sociale huurwoningen in de stad is per jaar beperkt."},
        {"en": "Check it: compare the column share_to_suburbs of the 60-home and the 120-home "
               "rows, for both zones.",
         "nl": "Controleer het: vergelijk de kolom share_to_suburbs van de rijen met 60 en met "
               "120 woningen, voor beide zones."},
    ],
    solution={"en": "c) A larger share: once the city's vacant social homes of that year are "
                    "taken, the rest can only go where homes are built or cheap, the suburbs. "
                    "A big demolition in one go pushes more people out of the city than the "
                    "same demolition in phases would.",
              "nl": "c) Een groter aandeel: zijn de vrije sociale huurwoningen van dat jaar "
                    "in de stad eenmaal bezet, dan kan de rest alleen nog waar gebouwd wordt "
                    "of waar het goedkoop is: de randgemeenten. Eén grote sloop in één keer "
                    "duwt meer mensen de stad uit dan dezelfde sloop in fasen."},
))

define(Exercise(
    id="4.2-policy-regional",
    kind="choice",
    answer=regional_policy_option,
    options=[
        {"en": "Demolish 120 social homes in inner-2", "nl": "120 sociale huurwoningen slopen "
                                                             "in inner-2"},
        {"en": "Demolish 120 social homes in outer-3", "nl": "120 sociale huurwoningen slopen "
                                                             "in outer-3"},
        {"en": "Demolish nothing", "nl": "Niets slopen"},
    ],
    hints=[
        {"en": "The council's goal is the region's segregation in the final year, not the "
               "zone's mix. Which column of the table answers that?",
         "nl": "Het doel van de raad is de segregatie in de regio in het laatste jaar, niet de "
               "mix van de zone. Welke kolom van de tabel beantwoordt dat?"},
        {"en": "d_metro_change_final is with minus without restructuring: 'demolish nothing' "
               "has a change of 0.",
         "nl": "d_metro_change_final is met min zonder herstructurering: 'niets slopen' heeft "
               "een verandering van 0."},
    ],
    solution={"en": "c) In the model neither demolition lowers the region's D in the last "
                    "year of the run: both raise it, because the displaced households "
                    "concentrate in the remaining social rent and in the suburbs. If the "
                    "goal is regional segregation, restructuring is the wrong lever; chapter "
                    "3's levers (protecting and building social rent) act on it.",
              "nl": "c) In het model verlaagt geen van beide slopen de D van de regio in het "
                    "laatste jaar van de run: beide verhogen hem, omdat de verdreven "
                    "huishoudens zich concentreren in de overgebleven sociale huur en in de "
                    "randgemeenten. Is "
                    "het doel de segregatie in de regio, dan is herstructurering de verkeerde "
                    "hendel; de hendels van hoofdstuk 3 (sociale huur beschermen en bouwen) "
                    "werken daarop."},
))

define(Exercise(
    id="4.2-predict-stay",
    kind="choice",
    answer=stayed_in_city_option,
    options=[
        {"en": "Less than a third", "nl": "Minder dan een derde"},
        {"en": "Between a third and two thirds", "nl": "Tussen een derde en twee derde"},
        {"en": "More than two thirds", "nl": "Meer dan twee derde"},
    ],
    hints=[
        {"en": "Predict first: in Havenstad, from the year of the restructuring on, a "
               "low-income household forced out of a city home looks first in the cheap "
               "suburb Zuiderpolder, most of the time.",
         "nl": "Voorspel eerst: in Havenstad zoekt een huishouden met een laag inkomen dat "
               "vanaf het jaar van de herstructurering uit een stadswoning moet, meestal "
               "eerst in de goedkope randgemeente Zuiderpolder."},
        {"en": "Check it: hr.restructuring_summary()['stayed_in_city'] (the same buurt "
               "counts as the city).",
         "nl": "Controleer het: hr.restructuring_summary()['stayed_in_city'] (de eigen buurt "
               "telt als stad)."},
    ],
    solution={"en": "Compute it with hr.restructuring_summary()['stayed_in_city']. In "
                    "Havenstad most of the low-income movers leave the city for Zuiderpolder, "
                    "while most middle-income movers stay: Figure 4.6 shows the split.",
              "nl": "Bereken het met hr.restructuring_summary()['stayed_in_city']. In "
                    "Havenstad verlaten de meeste verhuizers met een laag inkomen de stad naar "
                    "Zuiderpolder, terwijl de meeste met een middeninkomen blijven: Figuur "
                    "4.6 laat de verdeling zien."},
))

define(Exercise(
    id="4.2-low-income-zuiderpolder",
    kind="number",
    answer=low_income_share_to_zuiderpolder,
    tolerance=0.5,
    hints=[
        {"en": "Take the row 'low' of the destination table: the households in the national "
               "bottom 40 % moved by the demolition.",
         "nl": "Neem de rij 'low' van de bestemmingstabel: de huishoudens in de landelijk "
               "laagste 40 % die door de sloop moesten verhuizen."},
        {"en": "Divide its Zuiderpolder count by the row's total and multiply by 100.",
         "nl": "Deel het aantal in Zuiderpolder door het totaal van de rij en vermenigvuldig "
               "met 100."},
    ],
    solution={"en": "100 · t.loc['low', 'Zuiderpolder'] / t.loc['low'].sum(), with t = "
                    "hr.demolition_destinations(): the large majority of the low-income "
                    "movers went to one cheap suburb.",
              "nl": "100 · t.loc['low', 'Zuiderpolder'] / t.loc['low'].sum(), met t = "
                    "hr.demolition_destinations(): de grote meerderheid van de verhuizers met "
                    "een laag inkomen ging naar één goedkope randgemeente."},
))

define(Exercise(
    id="4.2-what-havenstad-shows",
    kind="choice",
    answer=1,
    options=[
        {"en": "That in Dutch cities most tenants of demolished homes end up in the suburbs",
         "nl": "Dat in Nederlandse steden de meeste huurders van gesloopte woningen in de "
               "randgemeenten belanden"},
        {"en": "Nothing about real cities on its own: Havenstad is synthetic, and where its "
               "movers go follows the rules written into its generator; for real cities we "
               "need studies that followed real movers",
         "nl": "Op zichzelf niets over echte steden: Havenstad is synthetisch, en waar zijn "
               "verhuizers heen gaan volgt uit de regels in de generator; voor echte steden "
               "zijn studies nodig die echte verhuizers volgden"},
        {"en": "That urgency status for forced movers does not work",
         "nl": "Dat urgentie voor gedwongen verhuizers niet werkt"},
    ],
    hints=[
        {"en": "Where does Havenstad's data come from?",
         "nl": "Waar komen de gegevens van Havenstad vandaan?"},
        {"en": "Read the generator's scenario (wijkwijs.havenstad.generate.scenario): "
               "SUBURB_P_FORCED sets how often a forced mover looks in the suburb first.",
         "nl": "Lees het scenario van de generator (wijkwijs.havenstad.generate.scenario): "
               "SUBURB_P_FORCED bepaalt hoe vaak een gedwongen verhuizer eerst in de "
               "randgemeente zoekt."},
    ],
    solution={"en": "b) The figure teaches how to follow movers and what to ask, but its "
                    "pattern was put in by the course's authors. Studies of real Dutch "
                    "restructuring followed the movers: many relocated within the city, often "
                    "to similar neighbourhoods nearby (Bolt & van Kempen 2010), and many got a "
                    "better dwelling thanks to their priority (Kleinhans & van der Laan "
                    "Bouma-Doff 2008).",
              "nl": "b) De figuur leert hoe je verhuizers volgt en wat je moet vragen, maar "
                    "het patroon is er door de makers van de cursus in gestopt. Onderzoek naar "
                    "echte Nederlandse herstructurering volgde de verhuizers: velen verhuisden "
                    "binnen de stad, vaak naar vergelijkbare buurten dichtbij (Bolt & van "
                    "Kempen 2010), en velen kregen een betere woning dankzij hun voorrang "
                    "(Kleinhans & van der Laan Bouma-Doff 2008)."},
))

define(Reflection(
    "4.2-reflect",
    prompt={"en": "A housing association proposes to demolish 300 social homes in one go and "
                  "build owner-occupied homes. Using the model and Havenstad, what would you "
                  "ask it to change or to promise, and which measure would you ask it to "
                  "report afterwards?",
            "nl": "Een woningcorporatie stelt voor om 300 sociale huurwoningen in één keer te "
                  "slopen en er koopwoningen voor te bouwen. Wat zou je haar, met het model en "
                  "Havenstad in gedachten, vragen te veranderen of te beloven, en welke maat "
                  "zou je haar achteraf laten rapporteren?"},
    model_answer={"en": "Phase the demolition, so that the city's social vacancies can take "
                        "the movers and fewer are pushed to the suburbs; rebuild part of the "
                        "social rent, in this or other well-off buurten; give movers priority "
                        "and a right to return; keep the buurthuis and other organisations "
                        "open during the works (chapter 6). Report not only the buurt's mix "
                        "but where every mover went and how they live now, and D of the city "
                        "and of the region, for low incomes defined the same way before and "
                        "after.",
                  "nl": "De sloop faseren, zodat de vrije sociale huur in de stad de "
                        "verhuizers kan opvangen en er minder naar de randgemeenten worden "
                        "geduwd; een deel van de sociale huur terugbouwen, hier of in "
                        "welgestelde buurten; verhuizers voorrang en een terugkeerrecht "
                        "geven; het buurthuis en andere organisaties tijdens de werkzaamheden "
                        "openhouden (hoofdstuk 6). Rapporteer niet alleen de mix van de buurt "
                        "maar waar elke verhuizer heen ging en hoe die nu woont, en de D van "
                        "stad en regio, voor lage inkomens die voor en na hetzelfde zijn "
                        "gedefinieerd."},
))
