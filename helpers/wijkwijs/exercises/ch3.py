"""Exercises of chapter 3 (the segregation paradox).

Every expected answer is computed by running the paradox model
(:mod:`wijkwijs.models.paradox`) through :mod:`wijkwijs.examples.paradox` with
seed :data:`SEED` for :data:`wijkwijs.examples.paradox.YEARS` years; runs are
cached, so checking an answer after the notebook has run costs nothing. Most are
predictions (asked before the output that settles them), readings of a result or
choices between policies; "low income" and "high income" are the model's bottom and
top third of the region's incomes in year 0.
"""

from __future__ import annotations

from wijkwijs.examples import paradox as px
from wijkwijs.exercises import Exercise, Reflection, define
from wijkwijs.segregation import dissimilarity_between

SEED = 0
#: The three-zone example of exercise 3.1-dissimilarity-hand: low- and high-income
#: households in zones A, B and C.
HAND_LOW = (60, 30, 10)
HAND_HIGH = (10, 30, 60)

_LEVER_OPTIONS = [
    {"en": "Protected share of social housing", "nl": "Beschermd deel van de sociale huur"},
    {"en": "Rent regulation for sitting tenants", "nl": "Huurregulering voor zittende huurders"},
    {"en": "New social homes built per year", "nl": "Nieuwe sociale woningen per jaar"},
    {"en": "Social homes sold per year (fewer sales)",
     "nl": "Verkochte sociale woningen per jaar (minder verkoop)"},
]


def default_summary() -> dict[str, float]:
    """The chapter's numbers for the default policy, seed :data:`SEED`."""
    return px.scenario_summary(px.DEFAULT_POLICY, seeds=(SEED,))


def protective_summary() -> dict[str, float]:
    """The chapter's numbers for the protective policy, seed :data:`SEED`."""
    return px.scenario_summary(px.PROTECTIVE_POLICY, seeds=(SEED,))


def displaced_protective_as_percent_of_default() -> float:
    """Households displaced to the suburbs over 30 years, protective as % of default."""
    return 100 * protective_summary()["displaced_to_suburbs"] / \
        default_summary()["displaced_to_suburbs"]


def low_point_decade() -> int:
    """Option of 3.1-predict-low-point: the decade of the city's lowest D (3: at the end)."""
    s = default_summary()
    if s["low_year"] >= px.YEARS:
        return 3
    return min(int(max(s["low_year"] - 1, 0) // 10), 2)


def region_timing() -> int:
    """Option of 3.1-predict-region-timing: region's low point before (0), with (1), after (2)."""
    s = default_summary()
    return 0 if s["metro_low_year"] < s["low_year"] else \
        1 if s["metro_low_year"] == s["low_year"] else 2


def protective_outcome() -> int:
    """Option of 3.2-predict-protective: final city D above its start (0), between (1),
    or within 0.01 of its lowest value, i.e. no long-run rise (2)."""
    s = protective_summary()
    if s["rise_after_low"] <= 0.01:
        return 2
    return 0 if s["d_city_final"] > s["d_city_start"] else 1


def rent_regulation_reading() -> int:
    """Option of 3.2-rent-regulation-reading, computed from where the displaced come from.

    1 (fewer displaced from city homes, more displaced again in the suburbs) when that is
    what the model shows for seeds 0–2; 0 when regulation displaces *more* city tenants;
    2 when neither split changes by more than 2 %.
    """
    seeds = (0, 1, 2)
    default = px.displacement_summary(px.DEFAULT_POLICY, seeds=seeds)
    regulated = px.displacement_summary(
        {**px.DEFAULT_POLICY, "rent_regulation": px.LEVER_STEP["rent_regulation"]}, seeds=seeds)
    city = regulated["from_city"] / default["from_city"] - 1
    suburbs = regulated["from_suburbs"] / default["from_suburbs"] - 1
    if abs(city) <= 0.02 and abs(suburbs) <= 0.02:
        return 2
    if city > 0.02:
        return 0
    return 1 if suburbs > 0 else 2


define(Exercise(
    id="3.1-dissimilarity-hand",
    kind="number",
    answer=lambda: dissimilarity_between(HAND_LOW, HAND_HIGH),
    tolerance=0.005,
    hints=[
        {"en": "For each zone, take its share of all low-income households and its share "
               "of all high-income households; add up the differences and halve the sum.",
         "nl": "Neem per zone het aandeel van alle lage inkomens en het aandeel van alle hoge "
               "inkomens; tel de verschillen op en halveer de som."},
        {"en": "There are 100 low- and 100 high-income households. Zone A holds 0.60 of the "
               "low and 0.10 of the high incomes: a difference of 0.50.",
         "nl": "Er zijn 100 lage en 100 hoge inkomens. Zone A heeft 0,60 van de lage en 0,10 "
               "van de hoge inkomens: een verschil van 0,50."},
        {"en": "The differences are 0.50, 0.00 and 0.50.",
         "nl": "De verschillen zijn 0,50, 0,00 en 0,50."},
    ],
    solution={"en": "D = ½ (|0.60 − 0.10| + |0.30 − 0.30| + |0.10 − 0.60|) = ½ · 1.0 = 0.5: "
                    "half of the low-income households (or of the high-income ones) would "
                    "have to move for both groups to be spread alike.",
              "nl": "D = ½ (|0,60 − 0,10| + |0,30 − 0,30| + |0,10 − 0,60|) = ½ · 1,0 = 0,5: "
                    "de helft van de lage inkomens (of van de hoge) zou moeten verhuizen om "
                    "beide groepen gelijk te spreiden."},
))

define(Exercise(
    id="3.1-predict-low-point",
    kind="choice",
    answer=low_point_decade,
    options=[
        {"en": "In the first decade (years 1–10)", "nl": "In het eerste decennium (jaar 1–10)"},
        {"en": "In the second decade (years 11–20)",
         "nl": "In het tweede decennium (jaar 11–20)"},
        {"en": "In the third decade (years 21–30)", "nl": "In het derde decennium (jaar 21–30)"},
        {"en": "Never: D keeps falling for 30 years",
         "nl": "Nooit: D blijft 30 jaar dalen"},
    ],
    hints=[
        {"en": "Predict first. The young professionals arrive from year 1 and settle next to "
               "the inner ring's residents; sales and rising rents work slowly.",
         "nl": "Voorspel eerst. De jonge professionals komen vanaf jaar 1 en gaan naast de "
               "bewoners van de binnenring wonen; verkoop en stijgende huren werken langzaam."},
        {"en": "Check it: px.low_point(history) returns (year, D) of the lowest city index.",
         "nl": "Controleer het: px.low_point(history) geeft (jaar, D) van de laagste "
               "stadsindex."},
    ],
    solution={"en": "a) The mixing comes fast: the city's D is lowest within the first decade "
                    "(px.low_point(history)), then rises for the rest of the run as the inner "
                    "ring becomes expensive. A run of ten years would show only the good news.",
              "nl": "a) Het mengen gaat snel: de D van de stad is het laagst binnen het eerste "
                    "decennium (px.low_point(history)) en stijgt daarna de rest van de run, "
                    "als de binnenring duur wordt. Een run van tien jaar zou alleen het goede "
                    "nieuws laten zien."},
))

define(Exercise(
    id="3.1-predict-region-timing",
    kind="choice",
    answer=region_timing,
    options=[
        {"en": "Earlier than the city's", "nl": "Eerder dan dat van de stad"},
        {"en": "In the same year", "nl": "In hetzelfde jaar"},
        {"en": "Later than the city's", "nl": "Later dan dat van de stad"},
    ],
    hints=[
        {"en": "Predict first. The suburbs start well-off. What happens to their mix when the "
               "first poorer households who cannot afford the city move there?",
         "nl": "Voorspel eerst. De randgemeenten zijn aan het begin welgesteld. Wat gebeurt er "
               "met hun mix als de eerste armere huishoudens die de stad niet kunnen betalen "
               "er komen wonen?"},
        {"en": "Check it: compare px.low_point(history, 'dissimilarity_metro')[0] with "
               "px.low_point(history)[0].",
         "nl": "Controleer het: vergelijk px.low_point(history, 'dissimilarity_metro')[0] met "
               "px.low_point(history)[0]."},
    ],
    solution={"en": "c) Later. Poorer households moving into well-off suburbs first mix those "
                    "suburbs, so the regional index keeps falling for a few years after the "
                    "city's has turned; then poverty concentrates in the cheapest suburb and "
                    "the regional index rises too.",
              "nl": "c) Later. Armere huishoudens die naar welgestelde randgemeenten trekken, "
                    "mengen die eerst, dus de regionale index daalt nog een paar jaar nadat die "
                    "van de stad is gekeerd; daarna concentreert armoede zich in de "
                    "goedkoopste randgemeente en stijgt ook de regionale index."},
))

define(Exercise(
    id="3.1-read-the-fall",
    kind="choice",
    answer=1,
    options=[
        {"en": "That share of all the city's households moved house",
         "nl": "Dat aandeel van alle huishoudens in de stad is verhuisd"},
        {"en": "The share of low-income households that would have to move to another zone "
               "for both groups to be spread alike is that much smaller",
         "nl": "Het aandeel lage inkomens dat naar een andere zone zou moeten verhuizen om "
               "beide groepen gelijk te spreiden, is zoveel kleiner"},
        {"en": "The city's share of low-income households fell by that much",
         "nl": "Het aandeel lage inkomens in de stad is zoveel gedaald"},
    ],
    hints=[
        {"en": "Go back to the Maths box: how does the course read D?",
         "nl": "Ga terug naar het Maths-blok: hoe leest de cursus D?"},
        {"en": "D compares how two groups are spread over the zones; it says nothing about "
               "how many households moved, nor about how big each group is.",
         "nl": "D vergelijkt hoe twee groepen over de zones verspreid zijn; het zegt niets "
               "over hoeveel huishoudens verhuisden, noch over hoe groot elke groep is."},
    ],
    solution={"en": "b) D is the share of either group that would have to move for both to be "
                    "spread alike. A fall of 0.1 means that ten percentage points fewer of "
                    "the low-income (bottom-third) households would have to move. D says "
                    "nothing about how many moved, and the low-income share of the city "
                    "(notebook section 6) is another measure.",
              "nl": "b) D is het aandeel van een van beide groepen dat zou moeten verhuizen om "
                    "beide gelijk te spreiden. Een daling van 0,1 betekent dat tien "
                    "procentpunt minder van de lage inkomens (laagste derde) zou moeten "
                    "verhuizen. D zegt niets over hoeveel er verhuisden, en het aandeel lage "
                    "inkomens in de stad (paragraaf 6) is een andere maat."},
))

define(Exercise(
    id="3.1-where-did-they-go",
    kind="choice",
    answer=1,
    options=[
        {"en": "Their incomes rose, so they are no longer counted as low-income",
         "nl": "Hun inkomens stegen, dus ze tellen niet meer als laag inkomen"},
        {"en": "They moved to the suburbs, displaced or unable to afford the city",
         "nl": "Ze verhuisden naar de randgemeenten, verdreven of omdat de stad te duur werd"},
        {"en": "They moved into the centre",
         "nl": "Ze verhuisden naar het centrum"},
    ],
    hints=[
        {"en": "In the model, a household's income never changes.",
         "nl": "In het model verandert het inkomen van een huishouden nooit."},
        {"en": "Compare the two lines of the figure with low-income shares.",
         "nl": "Vergelijk de twee lijnen in de figuur met aandelen lage inkomens."},
    ],
    solution={"en": "b) Incomes are fixed in the model, and the centre becomes ever richer. "
                    "The low-income share falls in the city and rises in the suburbs: "
                    "sitting tenants were displaced by rising rents, and low-income newcomers "
                    "could no longer afford the city (Hochstenbach & Musterd 2018 call this "
                    "the suburbanisation of poverty).",
              "nl": "b) Inkomens liggen vast in het model, en het centrum wordt steeds rijker. "
                    "Het aandeel lage inkomens daalt in de stad en stijgt in de randgemeenten: "
                    "zittende huurders werden verdreven door stijgende huren, en nieuwkomers "
                    "met een laag inkomen konden de stad niet meer betalen (Hochstenbach & "
                    "Musterd 2018: suburbanisering van armoede)."},
))

define(Exercise(
    id="3.1-model-limits",
    kind="choice",
    answer=1,
    options=[
        {"en": "Yes: the city's D of low- versus high-income households shows it",
         "nl": "Ja: de D van de stad voor lage en hoge inkomens laat het zien"},
        {"en": "No: the model has only thirds of fixed incomes and no bottom-10 % group, so it "
               "cannot show that group apart from the overall trend",
         "nl": "Nee: het model kent alleen derden van vaste inkomens en geen groep van de "
               "laagste 10 %, dus het kan die groep niet los van de algemene trend laten zien"},
        {"en": "Yes, if you use the regional index instead of the city's",
         "nl": "Ja, als je de regionale index gebruikt in plaats van die van de stad"},
    ],
    hints=[
        {"en": "Which groups does the model's D compare? Read the definition of low and high "
               "income in section 3.",
         "nl": "Welke groepen vergelijkt de D van het model? Lees de definitie van laag en "
               "hoog inkomen in paragraaf 3."},
        {"en": "The finding is about the households with the lowest 10 % of incomes, and "
               "Custers explains it by the shrinking, concentrating social rent stock.",
         "nl": "De bevinding gaat over de huishoudens met de laagste 10 % van de inkomens, en "
               "Custers verklaart haar met de krimpende, zich concentrerende sociale "
               "huurvoorraad."},
    ],
    solution={"en": "b) The model's D compares the bottom and the top third of the year-0 "
                    "incomes. It has no bottom-10 % group, so it cannot test the finding that "
                    "Custers reports from San Millán, Cottineau-Mugadza & van Ham (2025). "
                    "Chapter 2 measures that group in Dutch data and in Havenstad.",
              "nl": "b) De D van het model vergelijkt het laagste en het hoogste derde van de "
                    "inkomens in jaar 0. Het kent geen groep van de laagste 10 %, dus het kan "
                    "de bevinding die Custers overneemt van San Millán, Cottineau-Mugadza & "
                    "van Ham (2025) niet toetsen. Hoofdstuk 2 meet die groep in Nederlandse "
                    "cijfers en in Havenstad."},
))

define(Exercise(
    id="3.2-predict-protective",
    kind="choice",
    answer=protective_outcome,
    options=[
        {"en": "Above its year-0 value: protection only delays the rise",
         "nl": "Boven de waarde van jaar 0: bescherming stelt de stijging alleen uit"},
        {"en": "Below its year-0 value, but clearly above its lowest value: a smaller rise",
         "nl": "Onder de waarde van jaar 0, maar duidelijk boven de laagste waarde: een "
               "kleinere stijging"},
        {"en": "At its lowest value (within 0.01): no long-run rise at all",
         "nl": "Op de laagste waarde (binnen 0,01): helemaal geen stijging op lange termijn"},
    ],
    hints=[
        {"en": "Predict first. Under the protective policy no social home is sold, rents of "
               "sitting tenants are held back strongly and 60 social homes are built a year. "
               "Do the young professionals still come?",
         "nl": "Voorspel eerst. Bij het beschermende beleid wordt geen sociale woning "
               "verkocht, worden huren van zittende huurders sterk afgeremd en komen er 60 "
               "sociale woningen per jaar bij. Komen de jonge professionals nog steeds?"},
        {"en": "Check it: s = px.summarise(protective); compare s['d_city_final'] with "
               "s['d_city_start'] and look at s['rise_after_low'].",
         "nl": "Controleer het: s = px.summarise(protective); vergelijk s['d_city_final'] met "
               "s['d_city_start'] en kijk naar s['rise_after_low']."},
    ],
    solution={"en": "c) The newcomers still come and mix the inner ring, but the homes of the "
                    "low-income households stay, so the mix lasts: the city's D ends at (or "
                    "within 0.01 of) its lowest value, far below its start.",
              "nl": "c) De nieuwkomers komen nog steeds en mengen de binnenring, maar de "
                    "woningen van de lage inkomens blijven, dus de menging blijft: de D van de "
                    "stad eindigt op (of binnen 0,01 van) de laagste waarde, ver onder de "
                    "beginwaarde."},
))

define(Exercise(
    id="3.2-displaced-percent",
    kind="number",
    answer=displaced_protective_as_percent_of_default,
    tolerance=1.0,
    hints=[
        {"en": "Add up 'displaced_to_suburbs' over all years, for both policies.",
         "nl": "Tel 'displaced_to_suburbs' op over alle jaren, voor beide beleidsvormen."},
        {"en": "Divide the protective total by the default total and multiply by 100.",
         "nl": "Deel het totaal bij beschermend beleid door dat bij standaardbeleid en "
               "vermenigvuldig met 100."},
    ],
    solution={"en": "100 * protective['displaced_to_suburbs'] / default['displaced_to_suburbs'] "
                    "with the summaries of both runs (seed 0): a few per cent.",
              "nl": "100 * beschermend['displaced_to_suburbs'] / standaard['displaced_to_suburbs']"
                    " met de samenvattingen van beide runs (seed 0): enkele procenten."},
))

define(Exercise(
    id="3.2-strongest-lever",
    kind="choice",
    answer=lambda: px.LEVERS.index(px.strongest_lever("d_city_final", seeds=(SEED,))),
    options=_LEVER_OPTIONS,
    hints=[
        {"en": "Predict first. Which lever keeps cheap homes in the inner ring once it has "
               "gentrified, not only for the tenants who are there but for every household "
               "that moves in later?",
         "nl": "Voorspel eerst. Welke hendel houdt goedkope woningen in de binnenring als die "
               "gegentrificeerd is, niet alleen voor de huurders die er wonen, maar voor elk "
               "huishouden dat er later komt?"},
        {"en": "Check it: px.strongest_lever('d_city_final', seeds=(0,)) names the lever with "
               "the lowest city D in year 30.",
         "nl": "Controleer het: px.strongest_lever('d_city_final', seeds=(0,)) noemt de hendel "
               "met de laagste D van de stad in jaar 30."},
    ],
    solution={"en": "strongest_lever('d_city_final', seeds=(0,)): in this model, protecting "
                    "social rent from sale keeps the city mixed in the long run far better "
                    "than the other levers moved by the same step.",
              "nl": "strongest_lever('d_city_final', seeds=(0,)): in dit model houdt het "
                    "beschermen van sociale huur tegen verkoop de stad op lange termijn veel "
                    "beter gemengd dan de andere hendels, met dezelfde stap verschoven."},
))

define(Exercise(
    id="3.2-most-low-income-kept",
    kind="choice",
    answer=lambda: px.LEVERS.index(px.strongest_lever("low_share_city_final", seeds=(SEED,))),
    options=_LEVER_OPTIONS,
    hints=[
        {"en": "The council's goal is another one now: not an evenly mixed city, but as many "
               "low-income (bottom-third) households as possible still living in the city in "
               "year 30. Choose before you look at the table.",
         "nl": "Het doel van de raad is nu een ander: geen gelijkmatig gemengde stad, maar "
               "zoveel mogelijk huishoudens met een laag inkomen (laagste derde) die in jaar "
               "30 nog in de stad wonen. Kies voordat je naar de tabel kijkt."},
        {"en": "Check it: px.strongest_lever('low_share_city_final', seeds=(0,)). Is it the "
               "same lever as in the previous exercise?",
         "nl": "Controleer het: px.strongest_lever('low_share_city_final', seeds=(0,)). Is het "
               "dezelfde hendel als in de vorige opdracht?"},
    ],
    solution={"en": "strongest_lever('low_share_city_final', seeds=(0,)): selling fewer social "
                    "homes keeps the most low-income households in the city, while a higher "
                    "protected share keeps the city most evenly mixed. Which lever is 'best' "
                    "depends on what the council wants to achieve.",
              "nl": "strongest_lever('low_share_city_final', seeds=(0,)): minder sociale "
                    "woningen verkopen houdt de meeste lage inkomens in de stad, terwijl een "
                    "groter beschermd deel de stad het gelijkmatigst gemengd houdt. Welke "
                    "hendel 'het best' is, hangt af van wat de raad wil bereiken."},
))

define(Exercise(
    id="3.2-rent-regulation-reading",
    kind="choice",
    answer=rent_regulation_reading,
    options=[
        {"en": "Stronger rent regulation pushes more sitting tenants out of the city",
         "nl": "Sterkere huurregulering drijft meer zittende huurders de stad uit"},
        {"en": "Fewer tenants are displaced from city homes, but fewer homes fall vacant, so "
               "more newcomers find nothing affordable and are displaced again and again "
               "from overpriced suburban homes",
         "nl": "Minder huurders worden uit een woning in de stad verdreven, maar er komen "
               "minder woningen vrij, dus meer nieuwkomers vinden niets betaalbaars en worden "
               "telkens opnieuw uit te dure woningen in de randgemeenten verdreven"},
        {"en": "Nothing changes: the difference is chance",
         "nl": "Er verandert niets: het verschil is toeval"},
    ],
    hints=[
        {"en": "Compare the two rows of the table column by column: which count falls and "
               "which rises?",
         "nl": "Vergelijk de twee rijen van de tabel kolom voor kolom: welk aantal daalt en "
               "welk stijgt?"},
        {"en": "The table averages three seeds, and so does px.displacement_summary. Look at "
               "'Displaced from a city home' and 'Displaced from a suburban home' apart.",
         "nl": "De tabel middelt over drie seeds, en px.displacement_summary ook. Bekijk "
               "'Verdreven uit een woning in de stad' en 'Verdreven uit een woning in een "
               "randgemeente' apart."},
    ],
    solution={"en": "b) Rent regulation does what it promises for sitting tenants: fewer are "
                    "displaced from city homes. But they stay longer, so fewer homes fall "
                    "vacant and the market stays tight; more low-income newcomers find nothing "
                    "they can afford, end in the cheapest suburb paying more than 40 % of their "
                    "income, and are counted as displaced there again and again. The total "
                    "rises although the city loses fewer tenants: a count of 'displaced "
                    "households' needs to say from where.",
              "nl": "b) Huurregulering doet voor zittende huurders wat ze belooft: minder van "
                    "hen worden uit een woning in de stad verdreven. Maar ze blijven langer, "
                    "dus komen er minder woningen vrij en blijft de markt krap; meer "
                    "nieuwkomers met een laag inkomen vinden niets betaalbaars, belanden in de "
                    "goedkoopste randgemeente met meer dan 40 % van hun inkomen aan huur, en "
                    "tellen daar telkens opnieuw als verdreven. Het totaal stijgt terwijl de "
                    "stad minder huurders verliest: een telling van 'verdreven huishoudens' "
                    "moet zeggen waarvandaan."},
))

define(Reflection(
    "3.1-reflect",
    prompt={"en": "A municipality reports that segregation in the city fell for ten years and "
                  "calls its housing policy a success. What would you ask before you agree?",
            "nl": "Een gemeente meldt dat de segregatie in de stad tien jaar lang is gedaald en "
                  "noemt haar woonbeleid een succes. Wat zou je vragen voordat je het eens "
                  "bent?"},
    model_answer={"en": "Where the boundary of the measurement lies (the city or the region), "
                        "where the households with low incomes went and whether they could "
                        "stay, which definition of 'low income' was used (the bottom third, "
                        "the bottom 10 %, a threshold), and how long the series runs: the "
                        "paradox says that a fall in the first decade of gentrification can "
                        "be followed by a rise. Also whether the fall came from the policy or "
                        "from newcomers who would have come anyway.",
                  "nl": "Waar de grens van de meting ligt (de stad of de regio), waar de "
                        "huishoudens met een laag inkomen naartoe gingen en of ze konden "
                        "blijven, welke definitie van 'laag inkomen' is gebruikt (het laagste "
                        "derde, de laagste 10 %, een grens), en hoe lang de reeks loopt: de "
                        "paradox zegt dat een daling in het eerste decennium van gentrificatie "
                        "gevolgd kan worden door een stijging. En of de daling door het beleid "
                        "kwam of door nieuwkomers die toch al zouden komen."},
))

define(Reflection(
    "3.2-reflect",
    prompt={"en": "You advise the council of a gentrifying city. Which lever would you "
                  "recommend, which measure would you report to show that it works, and what "
                  "could the model not tell the council?",
            "nl": "Je adviseert de raad van een stad die gentrificeert. Welke hendel zou je "
                  "aanraden, welke maat zou je rapporteren om te laten zien dat het werkt, en "
                  "wat kon het model de raad niet vertellen?"},
    model_answer={"en": "A good answer first names the goal — an evenly mixed city (protect "
                        "social rent), a city where low-income households can stay (sell "
                        "fewer social homes) or fewer people forced to move — because the "
                        "levers rank differently on each. It reports more than one measure, "
                        "over the region and not just the city, and says from where displaced "
                        "households were displaced. It adds what the model leaves out: costs, "
                        "interest rates, waiting lists, national rules, and whether mixed "
                        "neighbours meet at all (chapters 4–6).",
                  "nl": "Een goed antwoord noemt eerst het doel — een gelijkmatig gemengde "
                        "stad (sociale huur beschermen), een stad waar lage inkomens kunnen "
                        "blijven (minder sociale woningen verkopen) of minder mensen die "
                        "gedwongen moeten verhuizen — omdat de hendels op elke maat anders "
                        "scoren. Het rapporteert meer dan één maat, over de regio en niet "
                        "alleen de stad, en zegt waarvandaan verdreven huishoudens verdreven "
                        "werden. Het voegt toe wat het model weglaat: kosten, rente, "
                        "wachtlijsten, landelijke regels, en of gemengde buren elkaar "
                        "überhaupt ontmoeten (hoofdstukken 4–6)."},
))
