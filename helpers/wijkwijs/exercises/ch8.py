"""Exercises of chapter 8 (your own neighbourhood): real CBS buurten, read right.

Every expected answer is computed from the shipped CBS snapshot (Bron: CBS, CC BY 4.0)
with :mod:`wijkwijs.opendata` at the moment it is checked, or, for the synthetic city
Havenstad, with :mod:`wijkwijs.examples.own_neighbourhood` (imported when that answer is
computed: Havenstad's infrastructure module loads networkx). The interpretation questions
have a fixed answer, and where it follows from the data (which scale shows more
segregation; why a value is missing) the data are checked first.

>>> from wijkwijs.exercises import get
>>> round(get("8.2-haag-d").expected(), 3)
0.281
"""

from __future__ import annotations

from wijkwijs import opendata
from wijkwijs.exercises import Exercise, Reflection, define

#: The small buurt of exercise 8.1-why-missing (Amsterdam, KWB 2019).
SMALL_BUURT = "BU03630301"
#: The Havenstad buurten of exercise 8.3-meeting-places (synthetic).


def _low_d(city: str, year: int) -> float:
    table = opendata.segregation_table(opendata.shipped(city, year),
                                       ["pct_low_income_households"])
    return float(table["dissimilarity"].iloc[0])


def _inhabitants_gap() -> float:
    check = opendata.quality_check(opendata.shipped("amsterdam", 2017)).set_index("count")
    return float(check.loc["inhabitants", "gemeente"] - check.loc["inhabitants", "buurten"])


def _why_missing() -> int:
    withheld = opendata.withheld_values(opendata.shipped("amsterdam", 2019),
                                        ["pct_low_income_households"])
    reason = withheld.set_index("code").loc[SMALL_BUURT, "reason_key"]
    if reason != "small":  # pragma: no cover - the shipped data fix it
        raise ValueError(f"{SMALL_BUURT} is no longer withheld for its size ({reason})")
    return 1


def _withheld_household_pct() -> float:
    buurten = opendata.areas(opendata.shipped("amsterdam", 2019))
    missing = buurten["pct_low_income_households"].isna()
    return float(100 * buurten.loc[missing, "households"].sum() / buurten["households"].sum())


def _which_scale() -> int:
    table = opendata.scale_table(opendata.shipped("amsterdam", 2019), ["pct_social_rent"])
    d = table.set_index("scale")["dissimilarity"]
    return 0 if d["buurt"] > d["wijk_summed"] else 1


def _change_same_buurten() -> float:
    table = opendata.change_table(opendata.shipped("amsterdam", 2017),
                                  opendata.shipped("amsterdam", 2019),
                                  ["pct_low_income_households"])
    same = table[table["areas"] == "same"].set_index("year")["dissimilarity"]
    return float(same[2019] - same[2017])


def _gini_between() -> float:
    return opendata.inequality_between(opendata.shipped("amsterdam", 2019))["gini"]


def _meeting_places_gap() -> float:
    from wijkwijs.examples import own_neighbourhood as on  # loads Havenstad's networks

    more, fewer = on.contrast_names()
    contrast = on.liveability_contrast((more, fewer)).set_index("name")["meeting_places"]
    return float(contrast[more] - contrast[fewer])


define(Exercise(
    id="8.1-buurten-gap",
    kind="number",
    answer=_inhabitants_gap,
    tolerance=0.5,
    hints=[
        {"en": "Compare the municipality's row with the sum of its buurten: the quality check "
               "does both.",
         "nl": "Vergelijk de rij van de gemeente met de som van haar buurten: de "
               "kwaliteitscontrole doet allebei."},
        {"en": "opendata.quality_check(opendata.shipped('amsterdam', 2017)): the row "
               "'inhabitants', gemeente minus buurten.",
         "nl": "opendata.quality_check(opendata.shipped('amsterdam', 2017)): de rij "
               "'inhabitants', gemeente min buurten."},
    ],
    solution={"en": "The municipality has 844,947 inhabitants, its buurten add up to 843,960: "
                    "987 fewer (about 0.1 %). CBS rounds every buurt count to a multiple of "
                    "5, so a small gap is normal.",
              "nl": "De gemeente heeft 844.947 inwoners, haar buurten samen 843.960: 987 "
                    "minder (ongeveer 0,1 %). CBS rondt elk buurtaantal af op een veelvoud "
                    "van 5, dus een klein verschil is normaal."},
))

define(Exercise(
    id="8.1-why-missing",
    kind="choice",
    answer=_why_missing,
    options=[
        {"en": "nobody in the buurt has a low income, so the share is 0 %",
         "nl": "niemand in de buurt heeft een laag inkomen, dus het aandeel is 0 %"},
        {"en": "CBS did not publish it: the buurt has too few households (privacy, and too "
               "few to be reliable)",
         "nl": "CBS heeft het niet gepubliceerd: de buurt heeft te weinig huishoudens "
               "(privacy, en te weinig om betrouwbaar te zijn)"},
        {"en": "the reader could not read the number in the file",
         "nl": "de lezer kon het getal in het bestand niet lezen"},
        {"en": "the buurt no longer existed in 2019",
         "nl": "de buurt bestond in 2019 niet meer"},
    ],
    hints=[
        {"en": "An empty cell is not a zero. Look at the size of the buurt.",
         "nl": "Een lege cel is geen nul. Kijk naar de omvang van de buurt."},
        {"en": "opendata.withheld_values(kwb, ['pct_low_income_households']) gives the "
               "reason for every buurt without a value; compare its households with the "
               "smallest buurt that has one.",
         "nl": "opendata.withheld_values(kwb, ['pct_low_income_households']) geeft de "
               "reden voor elke buurt zonder waarde; vergelijk het aantal huishoudens met "
               "de kleinste buurt die er wel een heeft."},
    ],
    solution={"en": "b) Gouden Bocht has fewer households than every Amsterdam buurt with a "
                    "published low-income share. CBS does not publish such figures for "
                    "small numbers of households; the reader keeps the empty cell as NaN, "
                    "never as 0.",
              "nl": "b) De Gouden Bocht heeft minder huishoudens dan elke Amsterdamse buurt "
                    "met een gepubliceerd aandeel lage inkomens. CBS publiceert zulke "
                    "cijfers niet voor kleine aantallen huishoudens; de lezer houdt de lege "
                    "cel als NaN, nooit als 0."},
))

define(Exercise(
    id="8.1-withheld-households",
    kind="number",
    answer=_withheld_household_pct,
    tolerance=0.05,
    hints=[
        {"en": "Add up the households of the buurten without a low-income share, and divide "
               "by the households of all buurten.",
         "nl": "Tel de huishoudens op van de buurten zonder aandeel lage inkomens, en deel "
               "door de huishoudens van alle buurten."},
        {"en": "b = opendata.areas(kwb); missing = b.pct_low_income_households.isna(); "
               "100 * b.households[missing].sum() / b.households.sum().",
         "nl": "b = opendata.areas(kwb); missing = b.pct_low_income_households.isna(); "
               "100 * b.households[missing].sum() / b.households.sum()."},
    ],
    solution={"en": "Fewer than 1 % of Amsterdam's households (about 0.7 %) live in the 92 "
                    "buurten without a low-income share in 2019: many buurten are left out, "
                    "but few households, so D over the other buurten hardly changes.",
              "nl": "Minder dan 1 % van de Amsterdamse huishoudens (ongeveer 0,7 %) woont in "
                    "de 92 buurten zonder aandeel lage inkomens in 2019: veel buurten vallen "
                    "weg, maar weinig huishoudens, dus D over de andere buurten verandert "
                    "nauwelijks."},
))

define(Exercise(
    id="8.2-haag-d",
    kind="number",
    answer=lambda: _low_d("den_haag", 2019),
    tolerance=0.005,
    hints=[
        {"en": "Turn the share into counts (share / 100 × households), leave out the buurten "
               "without a value, and compute D.",
         "nl": "Maak van het aandeel aantallen (aandeel / 100 × huishoudens), laat de buurten "
               "zonder waarde weg, en bereken D."},
        {"en": "opendata.segregation_table(opendata.shipped('den_haag', 2019)): the column "
               "dissimilarity.",
         "nl": "opendata.segregation_table(opendata.shipped('den_haag', 2019)): de kolom "
               "dissimilarity."},
    ],
    solution={"en": "D = ½ Σ |x_i/X − y_i/Y| over the 106 buurten with a value: about 0.28. "
                    "More than a quarter of Den Haag's low-income households would have to "
                    "move for every buurt to have the city's share.",
              "nl": "D = ½ Σ |x_i/X − y_i/Y| over de 106 buurten met een waarde: ongeveer "
                    "0,28. Meer dan een kwart van de Haagse huishoudens met een laag inkomen "
                    "zou moeten verhuizen om elke buurt het aandeel van de stad te geven."},
))

define(Exercise(
    id="8.2-which-scale",
    kind="choice",
    answer=_which_scale,
    options=[
        {"en": "over buurten, because adding buurten up to wijken averages out the "
               "differences between the buurten of a wijk",
         "nl": "over buurten, omdat het optellen van buurten tot wijken de verschillen "
               "tussen de buurten van een wijk uitmiddelt"},
        {"en": "over wijken, because wijken hold more dwellings",
         "nl": "over wijken, omdat wijken meer woningen hebben"},
        {"en": "neither: D does not depend on the units",
         "nl": "geen van beide: D hangt niet af van de eenheden"},
    ],
    hints=[
        {"en": "Compute D of corporation dwellings over buurten and over the wijken the same "
               "buurten form: opendata.scale_table(kwb).",
         "nl": "Bereken D van corporatiewoningen over buurten en over de wijken die dezelfde "
               "buurten vormen: opendata.scale_table(kwb)."},
        {"en": "A wijk's share is the average of its buurten. Can an average be further from "
               "the city's share than the buurten it averages?",
         "nl": "Het aandeel van een wijk is het gemiddelde van haar buurten. Kan een "
               "gemiddelde verder van het aandeel van de stad liggen dan de buurten die het "
               "middelt?"},
    ],
    solution={"en": "a) D over buurten is higher. Merging units can only hide the unevenness "
                    "inside them (the modifiable areal unit problem), so the same dwellings "
                    "look less segregated over wijken.",
              "nl": "a) D over buurten is hoger. Eenheden samenvoegen kan de ongelijkheid "
                    "erbinnen alleen verbergen (het modifiable areal unit problem), dus "
                    "dezelfde woningen lijken over wijken minder gesegregeerd."},
))

define(Exercise(
    id="8.2-change-same",
    kind="number",
    answer=_change_same_buurten,
    tolerance=0.0015,
    hints=[
        {"en": "Use only the buurten that have a low-income share in both years, and compute "
               "D in each year; then take 2019 minus 2017.",
         "nl": "Gebruik alleen de buurten die in beide jaren een aandeel lage inkomens "
               "hebben, en bereken D in elk jaar; neem dan 2019 min 2017."},
        {"en": "opendata.change_table(a17, a19, ['pct_low_income_households']): the rows "
               "with areas == 'same'.",
         "nl": "opendata.change_table(a17, a19, ['pct_low_income_households']): de rijen "
               "met areas == 'same'."},
    ],
    solution={"en": "Over the same 377 buurten D hardly moves between 2017 and 2019 (a change "
                    "of a few thousandths): too small, and too short a period, to call a "
                    "trend.",
              "nl": "Over dezelfde 377 buurten verandert D nauwelijks tussen 2017 en 2019 "
                    "(een paar duizendsten): te klein, en een te korte periode, om een trend "
                    "te noemen."},
))

define(Exercise(
    id="8.2-published",
    kind="choice",
    answer=1,
    options=[
        {"en": "low-income segregation in Amsterdam rose between 2013 and 2019",
         "nl": "de segregatie van lage inkomens in Amsterdam nam toe tussen 2013 en 2019"},
        {"en": "nothing about a change: the units (buurten, 500 m squares), the years and "
               "the definitions of a low income differ",
         "nl": "niets over een verandering: de eenheden (buurten, vierkanten van 500 m), de "
               "jaren en de definities van een laag inkomen verschillen"},
        {"en": "buurten always give a higher D than squares",
         "nl": "buurten geven altijd een hogere D dan vierkanten"},
    ],
    hints=[
        {"en": "Read the source column of the published figures: over which units were they "
               "computed?",
         "nl": "Lees de kolom source van de gepubliceerde cijfers: over welke eenheden zijn "
               "ze berekend?"},
        {"en": "A change can only be read from the same measure on the same units. Look at "
               "Den Haag too: is ours higher or lower there?",
         "nl": "Een verandering lees je alleen af aan dezelfde maat op dezelfde eenheden. "
               "Kijk ook naar Den Haag: is de onze daar hoger of lager?"},
    ],
    solution={"en": "b) SCP/CBS computed D for 2013 over 500 m squares; we compute it over "
                    "buurten for 2017 and 2019, with the KWB's low-income definition. The "
                    "numbers are of the same order, but they do not measure a change, and in "
                    "Den Haag ours is the lower one.",
              "nl": "b) SCP/CBS berekenden D voor 2013 over vierkanten van 500 m; wij over "
                    "buurten voor 2017 en 2019, met de lage-inkomensdefinitie van de KWB. De "
                    "getallen zijn van dezelfde orde, maar meten geen verandering, en in Den "
                    "Haag is de onze de lagere."},
))

define(Exercise(
    id="8.2-gini-between",
    kind="number",
    answer=_gini_between,
    tolerance=0.005,
    hints=[
        {"en": "Each buurt counts with its inhabitants, as if everybody had the buurt's "
               "average income per inhabitant.",
         "nl": "Elke buurt telt mee met haar inwoners, alsof iedereen het gemiddelde inkomen "
               "per inwoner van de buurt had."},
        {"en": "opendata.inequality_between(opendata.shipped('amsterdam', 2019))['gini'].",
         "nl": "opendata.inequality_between(opendata.shipped('amsterdam', 2019))['gini']."},
    ],
    solution={"en": "About 0.20: the Gini of the buurt averages, weighted by inhabitants. It "
                    "measures inequality between buurten only; the inequality within buurten "
                    "comes on top (chapter 1, the Theil decomposition).",
              "nl": "Ongeveer 0,20: de Gini van de buurtgemiddelden, gewogen met de inwoners. "
                    "Hij meet alleen de ongelijkheid tussen buurten; de ongelijkheid binnen "
                    "buurten komt erbij (hoofdstuk 1, de Theil-decompositie)."},
))

define(Exercise(
    id="8.3-meeting-places",
    kind="number",
    answer=_meeting_places_gap,
    tolerance=0.5,
    hints=[
        {"en": "The two synthetic buurten have the same liveability class. Count the meeting "
               "places of each in the inventory.",
         "nl": "De twee synthetische buurten hebben dezelfde leefbaarheidsklasse. Tel de "
               "ontmoetingsplekken van elk in de inventaris."},
        {"en": "own_neighbourhood.liveability_contrast(): the column meeting_places, "
               "the first buurt minus the second.",
         "nl": "own_neighbourhood.liveability_contrast(): de kolom meeting_places, "
               "de eerste buurt min de tweede."},
    ],
    solution={"en": "The first buurt has several meeting places more than the second, with "
                    "the same class of the Leefbaarometer-like score (synthetic): the score "
                    "is built from registered characteristics that do not see what the "
                    "places do.",
              "nl": "De eerste buurt heeft een flink aantal ontmoetingsplekken meer dan de "
                    "tweede, met dezelfde klasse van de Leefbaarometer-achtige score "
                    "(synthetisch): de score is gemaakt van geregistreerde kenmerken die "
                    "niet zien wat de plekken doen."},
))

define(Exercise(
    id="8.3-what-statistics-miss",
    kind="choice",
    answer=2,
    options=[
        {"en": "because they are computed for areas that are too large",
         "nl": "omdat ze voor te grote gebieden worden berekend"},
        {"en": "because CBS does not publish the figures of small buurten",
         "nl": "omdat CBS de cijfers van kleine buurten niet publiceert"},
        {"en": "because the work of organisations often goes unnoticed in the statistics",
         "nl": "omdat het werk van organisaties vaak onopgemerkt blijft in de statistieken"},
    ],
    hints=[
        {"en": "The answer is in Custers's text, in the section on knowledge at street "
               "level (Kennis op straatniveau).",
         "nl": "Het antwoord staat in de tekst van Custers, in de paragraaf Kennis op "
               "straatniveau."},
        {"en": "He says what instruments such as the Leefbaarometer can do (indicate where "
               "extra attention is needed) and why they cannot do more.",
         "nl": "Hij zegt wat instrumenten zoals de Leefbaarometer kunnen (aangeven waar extra "
               "aandacht nodig is) en waarom ze niet meer kunnen."},
    ],
    solution={"en": "c) They \"geven uiteindelijk beperkt inzicht in de sociale "
                    "infrastructuur omdat het werk van organisaties vaak onopgemerkt blijft "
                    "in de statistieken\" (in the end give limited insight into the social "
                    "infrastructure, because the work of organisations often goes unnoticed "
                    "in the statistics; Custers, Een betere wijk begint ín de wijk).",
              "nl": "c) Ze \"geven uiteindelijk beperkt inzicht in de sociale infrastructuur "
                    "omdat het werk van organisaties vaak onopgemerkt blijft in de "
                    "statistieken\" (Custers, Een betere wijk begint ín de wijk)."},
))

define(Reflection(
    "8.1-reflect",
    prompt={"en": "Which number about your municipality (or a shipped one) surprised you "
                  "most, and what would you need to know, beyond the file, to trust it?",
            "nl": "Welk getal over je gemeente (of een meegeleverde) verraste je het meest, en "
                  "wat zou je, buiten het bestand, moeten weten om het te vertrouwen?"},
    model_answer={"en": "For example: that about a hundred Amsterdam buurten have no "
                        "low-income share. To trust the other figures I would want to know "
                        "CBS's rules for withholding values (the table explanation), how many "
                        "households the empty buurten hold (few), and whether the buurt "
                        "boundaries changed between years. A figure is trustworthy when you "
                        "know what it counts, over which units, and what it leaves out.",
                  "nl": "Bijvoorbeeld: dat zo'n honderd Amsterdamse buurten geen aandeel "
                        "lage inkomens hebben. Om de andere cijfers te vertrouwen zou ik de "
                        "regels van CBS voor het niet publiceren willen kennen (de "
                        "toelichting), hoeveel huishoudens in de lege buurten wonen (weinig), "
                        "en of de buurtgrenzen tussen de jaren veranderden. Een cijfer is te "
                        "vertrouwen als je weet wat het telt, over welke eenheden, en wat het "
                        "weglaat."},
))

define(Reflection(
    "8.2-reflect",
    prompt={"en": "A report says that the segregation of low incomes in your city fell a "
                  "little between two years. What would you check before you believe it?",
            "nl": "Een rapport zegt dat de segregatie van lage inkomens in je stad tussen twee "
                  "jaren een beetje daalde. Wat zou je controleren voordat je het gelooft?"},
    model_answer={"en": "Whether both years are measured over the same buurten (withheld "
                        "values and new buurt boundaries change the units), at the same "
                        "scale (buurt, wijk, squares), with the same definition of a low "
                        "income; whether the change is larger than rounding and suppression "
                        "could make it; and whether the low-income households moved or the "
                        "city changed around them (gentrification can lower D for a while: "
                        "the segregation paradox of chapter 3).",
                  "nl": "Of beide jaren over dezelfde buurten gemeten zijn (niet-gepubliceerde "
                        "waarden en nieuwe buurtgrenzen veranderen de eenheden), op dezelfde "
                        "schaal (buurt, wijk, vierkanten), met dezelfde definitie van een laag "
                        "inkomen; of de verandering groter is dan afronding en geheimhouding "
                        "kunnen veroorzaken; en of de huishoudens met een laag inkomen "
                        "verhuisden of de stad om hen heen veranderde (gentrificatie kan D een "
                        "tijd laten dalen: de segregatieparadox van hoofdstuk 3)."},
))

define(Reflection(
    "8.3-reflect",
    prompt={"en": "Name one question about your own buurt that no figure in this chapter "
                  "can answer. How, and with whom, would you find the answer?",
            "nl": "Noem één vraag over je eigen buurt die geen enkel cijfer in dit hoofdstuk "
                  "kan beantwoorden. Hoe, en met wie, zou je het antwoord vinden?"},
    model_answer={"en": "For example: where do residents who need help go first, and does "
                        "that place have secure funding? No KWB column or liveability score "
                        "shows it. I would walk the buurt, visit the community centre and the "
                        "places of worship, talk to a welfare worker and to residents, and "
                        "ask who refers whom to whom: knowledge at street level, as Custers "
                        "asks of policy makers who are street smart as well as book smart.",
                  "nl": "Bijvoorbeeld: waar gaan bewoners die hulp nodig hebben als eerste "
                        "heen, en heeft die plek zekere financiering? Geen KWB-kolom of "
                        "leefbaarheidsscore laat het zien. Ik zou door de buurt lopen, het "
                        "buurthuis en de gebedshuizen bezoeken, met een welzijnswerker en met "
                        "bewoners praten, en vragen wie naar wie doorverwijst: kennis op "
                        "straatniveau, zoals Custers vraagt van beleidsmakers die niet alleen "
                        "book smart maar ook street smart zijn."},
))
