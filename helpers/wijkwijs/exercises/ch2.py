"""Exercises of chapter 2 (segregation). Every expected answer is computed by the library.

Most exercises are *predict-then-check* (the notebook asks before the cell whose
output settles it, and the answer is the computation), *interpretation* (a choice among
readings of a result) or a *choice between policies* (with a model explanation); every
choice exercise has a no-code answer box in its notebook. Each notebook ends with a
reflection (``2.k-reflect``).

>>> from wijkwijs.exercises import get
>>> get("2.1-toy-d").expected()
0.5
"""

from __future__ import annotations

from wijkwijs import segregation as seg
from wijkwijs.examples import toy_cities
from wijkwijs.exercises import Exercise, Reflection, define
from wijkwijs.havenstad import overall
from wijkwijs.havenstad import views as hv
from wijkwijs.havenstad.constants import GROUPS
from wijkwijs.opendata import municipalities


def _toy_isolation() -> float:
    return seg.isolation(toy_cities.toy_counts(), group="low", total="households")


def _toy_theil() -> float:
    return seg.entropy_index(toy_cities.toy_counts(), group="low", total="households")


def _toy_other_movers() -> float:
    counts = toy_cities.toy_counts()
    others = float((counts["households"] - counts["low"]).sum())
    return float(round(toy_cities.toy_dissimilarity("low") * others, 12))


def _moved_multigroup() -> float:
    moved = toy_cities.toy_counts(toy_cities.move_household(4, "Oost"))
    return seg.multigroup_information(moved, list(toy_cities.TOY_BANDS))


#: A change of D smaller than this counts as "about the same" in a prediction.
SAME = 0.01


def _metro_direction() -> int:
    """0: the metro's D falls like the city's; 1: about the same; 2: it rises."""
    change = float(overall.paradox_summary()["metro_change"])
    return 1 if abs(change) < SAME else (2 if change > 0 else 0)


def _gini_reading() -> int:
    """1 (a weak link in one cross-section) unless some indicator correlates strongly."""
    table = municipalities.gini_link_table(permutations=0)
    return 1 if float(table["r"].abs().max()) < 0.5 else 0


def _d(group: str, year: int, scale: str = "buurt") -> float:
    trend = hv.group_trend(scale=scale)
    return float(trend.loc[trend["year"] == year, group].item())


def _bottom_10_change() -> float:
    return _d("bottom_10", 2022) - _d("bottom_10", 2011)


def _most_separated_group() -> str:
    trend = hv.group_trend(scale="buurt").set_index("year")
    return str(trend.loc[2022].idxmax())


def _highest_social_share_buurt() -> str:
    shares = hv.social_rent_shares(2022)
    return str(shares.loc[shares["social_rent_share"].idxmax(), "name"])


def _checkerboard_spatial_d() -> float:
    table = toy_cities.checkerboard_table().set_index("city")
    return float(table.loc["checkerboard", "spatial_D"])


def _bottom_10_share_social_2022() -> float:
    comp = hv.social_rent_composition().set_index("year")
    return float(comp.loc[2022, "bottom_10_share"])


def _wijk_d_2022() -> float:
    return _d("bottom_10", 2022, "wijk")


define(Exercise(
    id="2.1-toy-d",
    kind="number",
    answer=toy_cities.toy_dissimilarity,
    tolerance=0.005,
    hints=[
        {"en": "D compares each buurt's share of the city's low-income households with its "
               "share of the city's other households.",
         "nl": "D vergelijkt per buurt het aandeel van de lage inkomens van de stad met het "
               "aandeel van de overige huishoudens van de stad."},
        {"en": "D = ½ Σ |x_i/X − y_i/Y| with X = 4 low-income and Y = 6 other households. "
               "Noord: |2/4 − 2/6|.",
         "nl": "D = ½ Σ |x_i/X − y_i/Y| met X = 4 lage inkomens en Y = 6 overige huishoudens. "
               "Noord: |2/4 − 2/6|."},
        {"en": "In code: seg.dissimilarity(toy_cities.toy_counts(), group='low', "
               "total='households').",
         "nl": "In code: seg.dissimilarity(toy_cities.toy_counts(), group='low', "
               "total='households')."},
    ],
    solution={"en": "D = ½ (|2/4 − 2/6| + |2/4 − 1/6| + |0/4 − 3/6|) = ½ (1/6 + 2/6 + 3/6) "
                    "= 0.5.",
              "nl": "D = ½ (|2/4 − 2/6| + |2/4 − 1/6| + |0/4 − 3/6|) = ½ (1/6 + 2/6 + 3/6) "
                    "= 0,5."},
))

define(Exercise(
    id="2.1-toy-movers-others",
    kind="number",
    answer=_toy_other_movers,
    tolerance=0.05,
    hints=[
        {"en": "D can be read from either side: the share of the low-income households, or "
               "the share of the other households, that would have to move.",
         "nl": "D kun je van twee kanten lezen: het deel van de lage inkomens, of het deel "
               "van de overige huishoudens, dat zou moeten verhuizen."},
        {"en": "Multiply D by the number of households that do not have a low income "
               "(10 − 4 = 6).",
         "nl": "Vermenigvuldig D met het aantal huishoudens zonder laag inkomen (10 − 4 = 6)."},
    ],
    solution={"en": "D × Y = 0.5 × 6 = 3 other households (from Oost to Noord and Zuid): the "
                    "same D, more movers, because the other group is larger.",
              "nl": "D × Y = 0,5 × 6 = 3 overige huishoudens (van Oost naar Noord en Zuid): "
                    "dezelfde D, meer verhuizers, omdat de andere groep groter is."},
))

define(Exercise(
    id="2.1-toy-isolation",
    kind="number",
    answer=_toy_isolation,
    tolerance=0.005,
    hints=[
        {"en": "Isolation is the share of low-income households in the buurt of an average "
               "low-income household.",
         "nl": "Isolatie is het aandeel lage inkomens in de buurt van een gemiddeld "
               "huishouden met een laag inkomen."},
        {"en": "xPx = Σ (x_i/X)(x_i/t_i): weight each buurt's low-income share by the share "
               "of the low-income households living there.",
         "nl": "xPx = Σ (x_i/X)(x_i/t_i): weeg het aandeel lage inkomens van elke buurt met "
               "het deel van de lage inkomens dat er woont."},
        {"en": "Noord: (2/4)(2/4); Zuid: (2/4)(2/3); Oost: 0.",
         "nl": "Noord: (2/4)(2/4); Zuid: (2/4)(2/3); Oost: 0."},
    ],
    solution={"en": "xPx = (2/4)(2/4) + (2/4)(2/3) + 0 = 0.25 + 0.333 = 0.583, against a city "
                    "share of 0.4.",
              "nl": "xPx = (2/4)(2/4) + (2/4)(2/3) + 0 = 0,25 + 0,333 = 0,583, tegen een "
                    "aandeel van 0,4 in de hele stad."},
))

define(Exercise(
    id="2.1-toy-theil",
    kind="number",
    answer=_toy_theil,
    tolerance=0.005,
    hints=[
        {"en": "Theil's H compares the entropy (diversity) of each buurt with that of the "
               "city.",
         "nl": "Theils H vergelijkt de entropie (diversiteit) van elke buurt met die van de "
               "stad."},
        {"en": "H = Σ t_i (E − E_i) / (T E) with E(p) = −p ln p − (1−p) ln(1−p).",
         "nl": "H = Σ t_i (E − E_i) / (T E) met E(p) = −p ln p − (1−p) ln(1−p)."},
        {"en": "In code: seg.entropy_index(toy_cities.toy_counts(), group='low', "
               "total='households').",
         "nl": "In code: seg.entropy_index(toy_cities.toy_counts(), group='low', "
               "total='households')."},
    ],
    solution={"en": "E(0.4) = 0.673; Noord E(0.5) = 0.693, Zuid E(2/3) = 0.637, Oost E(0) = 0; "
                    "H = (4(0.673−0.693) + 3(0.673−0.637) + 3(0.673−0)) / (10 × 0.673) = 0.30.",
              "nl": "E(0,4) = 0,673; Noord E(0,5) = 0,693, Zuid E(2/3) = 0,637, Oost E(0) = 0; "
                    "H = (4(0,673−0,693) + 3(0,673−0,637) + 3(0,673−0)) / (10 × 0,673) = 0,30."},
))

define(Exercise(
    id="2.1-move-multigroup",
    kind="number",
    answer=_moved_multigroup,
    tolerance=0.005,
    hints=[
        {"en": "First predict: household 4 (Noord, €45k, high income) moves to Oost, where "
               "the other high incomes live. Do the buurten become more or less alike?",
         "nl": "Voorspel eerst: huishouden 4 (Noord, €45k, hoog inkomen) verhuist naar Oost, "
               "waar de andere hoge inkomens wonen. Gaan de buurten meer of minder op elkaar "
               "lijken?"},
        {"en": "Count again: Noord (2, 1, 0), Zuid (2, 1, 0), Oost (0, 1, 3) low, middle and "
               "high; the city's shares do not change.",
         "nl": "Tel opnieuw: Noord (2, 1, 0), Zuid (2, 1, 0), Oost (0, 1, 3) laag, midden en "
               "hoog; de aandelen van de stad veranderen niet."},
        {"en": "In code: seg.multigroup_information(toy_cities.toy_counts("
               "toy_cities.move_household(4, 'Oost')), ['low', 'middle', 'high']).",
         "nl": "In code: seg.multigroup_information(toy_cities.toy_counts("
               "toy_cities.move_household(4, 'Oost')), ['low', 'middle', 'high'])."},
    ],
    solution={"en": "After the move every high income lives in Oost, so Noord and Zuid lose "
                    "their only high-income household: the multigroup H rises from about 0.27 "
                    "to about 0.44. One move by choice can raise segregation a lot in a small "
                    "city.",
              "nl": "Na de verhuizing wonen alle hoge inkomens in Oost; Noord en Zuid verliezen "
                    "hun enige huishouden met een hoog inkomen: de meergroeps-H stijgt van "
                    "ongeveer 0,27 naar ongeveer 0,44. Eén vrijwillige verhuizing kan in een "
                    "kleine stad de segregatie flink verhogen."},
))

define(Exercise(
    id="2.1-read-d",
    kind="choice",
    answer=1,
    options=[
        {"en": "30% of the buurten are segregated", "nl": "30% van de buurten is gesegregeerd"},
        {"en": "30% of the group (or of the others) would have to move to another buurt for "
               "every buurt to have the city's mix",
         "nl": "30% van de groep (of van de anderen) zou moeten verhuizen om elke buurt de "
               "mix van de stad te geven"},
        {"en": "a member of the group meets 30% group members in the own buurt",
         "nl": "een lid van de groep ontmoet 30% groepsgenoten in de eigen buurt"},
    ],
    hints=[
        {"en": "Duncan & Duncan (1955) read D as a number of moves.",
         "nl": "Duncan & Duncan (1955) lezen D als een aantal verhuizingen."},
        {"en": "The third option describes the isolation index, not D.",
         "nl": "De derde optie beschrijft de isolatie-index, niet D."},
    ],
    solution={"en": "b) D is the share of the group that would have to move to even out the "
                    "city; option c) is isolation.",
              "nl": "b) D is het aandeel van de groep dat zou moeten verhuizen om de stad gelijk "
                    "te verdelen; optie c) is isolatie."},
))

define(Exercise(
    id="2.2-social-rent-buurt",
    kind="text",
    answer=lambda: [_highest_social_share_buurt()],
    hints=[
        {"en": "Look at the map of the social-rent share in 2022 and hover over the darkest "
               "or lightest buurt.",
         "nl": "Kijk op de kaart van het aandeel sociale huur in 2022 en wijs de donkerste of "
               "lichtste buurt aan."},
        {"en": "In code: shares = hv.social_rent_shares(2022), then the name at "
               "shares['social_rent_share'].idxmax().",
         "nl": "In code: shares = hv.social_rent_shares(2022), dan de naam bij "
               "shares['social_rent_share'].idxmax()."},
    ],
    solution={"en": "The buurt with the highest share of social rent in 2022, found with "
                    "hv.social_rent_shares(2022) and idxmax().",
              "nl": "De buurt met het hoogste aandeel sociale huur in 2022, gevonden met "
                    "social_rent_shares(2022) en idxmax()."},
))

define(Exercise(
    id="2.3-bottom-10-change",
    kind="number",
    answer=_bottom_10_change,
    tolerance=0.002,
    hints=[
        {"en": "Compute D of the bottom 10% over the city's buurten in 2011 and in 2022.",
         "nl": "Bereken D van de onderste 10% over de buurten van de stad in 2011 en in 2022."},
        {"en": "hv.group_trend(scale='buurt') has one row per year and a column "
               "'bottom_10'. Subtract 2011 from 2022.",
         "nl": "hv.group_trend(scale='buurt') heeft een rij per jaar en een kolom "
               "'bottom_10'. Trek 2011 af van 2022."},
    ],
    solution={"en": "D(2022) − D(2011) for the bottom 10% is positive: the poorest tenth lives "
                    "more apart, while D of low against high incomes falls.",
              "nl": "D(2022) − D(2011) van de onderste 10% is positief: het armste tiende woont "
                    "meer apart, terwijl D van lage tegen hoge inkomens daalt."},
))

define(Exercise(
    id="2.3-most-separated",
    kind="choice",
    answer=lambda: list(GROUPS).index(_most_separated_group()),
    options=[
        {"en": "bottom 10%", "nl": "onderste 10%"},
        {"en": "low income", "nl": "laag inkomen"},
        {"en": "middle income", "nl": "middeninkomen"},
        {"en": "high income", "nl": "hoog inkomen"},
        {"en": "top 1%", "nl": "bovenste 1%"},
    ],
    hints=[
        {"en": "Before the table appears: which end of the income distribution did section 1 "
               "say lives most apart? Then check with the trend table: which column is "
               "highest in 2022?",
         "nl": "Voordat de tabel verschijnt: welk uiteinde van de inkomensverdeling woont "
               "volgens paragraaf 1 het meest apart? Controleer het dan met de tabel: welke "
               "kolom is in 2022 het hoogst?"},
        {"en": "Custers: segregation is \"minstens zo'n groot probleem bij de rijken\" (at "
               "least as big a problem among the rich). A small group can be very unevenly "
               "spread.",
         "nl": "Custers: segregatie is \"minstens zo'n groot probleem bij de rijken\". Een "
               "kleine groep kan heel ongelijk verdeeld zijn."},
    ],
    solution={"en": "e) The top 1% has the highest D in every year: the richest live most "
                    "apart.",
              "nl": "e) De bovenste 1% heeft elk jaar de hoogste D: de rijksten wonen het meest "
                    "apart."},
))

define(Exercise(
    id="2.3-wijk-d",
    kind="number",
    answer=_wijk_d_2022,
    tolerance=0.002,
    hints=[
        {"en": "Add up the buurten to wijken first, then compute D for the bottom 10%.",
         "nl": "Tel de buurten eerst op tot wijken en bereken dan D voor de onderste 10%."},
        {"en": "hv.group_counts(2022, scale='wijk') gives the wijk counts; or use "
               "hv.group_trend(scale='wijk').",
         "nl": "hv.group_counts(2022, scale='wijk') geeft de aantallen per wijk; of gebruik "
               "hv.group_trend(scale='wijk')."},
    ],
    solution={"en": "seg.dissimilarity(hv.group_counts(2022, scale='wijk'), group='bottom_10', "
                    "total='households'): lower than over buurten, because merging units hides "
                    "the differences inside them.",
              "nl": "seg.dissimilarity(hv.group_counts(2022, scale='wijk'), group='bottom_10', "
                    "total='households'): lager dan over buurten, omdat samenvoegen de "
                    "verschillen binnen de eenheden verbergt."},
))

define(Exercise(
    id="2.3-checkerboard",
    kind="number",
    answer=_checkerboard_spatial_d,
    tolerance=0.005,
    hints=[
        {"en": "Spatial D subtracts the average difference between neighbouring buurten "
               "from D.",
         "nl": "Ruimtelijke D trekt het gemiddelde verschil tussen aangrenzende buurten af "
               "van D."},
        {"en": "Build the adjacency with seg.adjacency_from_polygons(city) and pass it to "
               "seg.spatial_dissimilarity.",
         "nl": "Maak de buurmatrix met seg.adjacency_from_polygons(city) en geef die aan "
               "seg.spatial_dissimilarity."},
    ],
    solution={"en": "On the checkerboard every buurt borders buurten of the other kind, so "
                    "spatial D is far below D = 0.6 (about 0.27); in the two halves it stays "
                    "near 0.5.",
              "nl": "Op het dambord grenst elke buurt aan buurten van de andere soort, dus "
                    "ruimtelijke D ligt ver onder D = 0,6 (ongeveer 0,27); bij de twee helften "
                    "blijft hij rond 0,5."},
))

define(Exercise(
    id="2.4-residual-share",
    kind="number",
    answer=_bottom_10_share_social_2022,
    tolerance=0.005,
    hints=[
        {"en": "Of all households in social rent in the city in 2022, which share belongs to "
               "the national bottom 10%?",
         "nl": "Welk deel van alle sociale huurders in de stad in 2022 hoort bij de landelijk "
               "onderste 10%?"},
        {"en": "hv.social_rent_composition() has a column 'bottom_10_share'.",
         "nl": "hv.social_rent_composition() heeft een kolom 'bottom_10_share'."},
    ],
    solution={"en": "bottom_10_share in 2022 from hv.social_rent_composition(): higher than in "
                    "2011, as social rent becomes housing for the lowest incomes.",
              "nl": "bottom_10_share in 2022 uit hv.social_rent_composition(): hoger dan in 2011, "
                    "nu sociale huur steeds meer huisvesting voor de laagste inkomens wordt."},
))

define(Exercise(
    id="2.3-gini-reading",
    kind="choice",
    answer=_gini_reading,
    options=[
        {"en": "more income inequality causes more segregation: the scatter proves it",
         "nl": "meer inkomensongelijkheid veroorzaakt meer segregatie: het spreidingsdiagram "
               "bewijst het"},
        {"en": "across municipalities, at one moment, the Gini goes at most weakly with the "
               "segregation of non-Western residents; it says nothing about income "
               "segregation or about change over time",
         "nl": "tussen gemeenten, op één moment, hangt de Gini hooguit zwak samen met de "
               "segregatie van niet-westerse bewoners; over inkomenssegregatie of over "
               "verandering in de tijd zegt het niets"},
        {"en": "the low incomes become more segregated when inequality rises",
         "nl": "de lage inkomens raken meer gesegregeerd als de ongelijkheid stijgt"},
    ],
    hints=[
        {"en": "Ask three questions: what is measured (which segregation?), when (one "
               "moment or a change?), and how strong the link is (look at r and its "
               "interval).",
         "nl": "Stel drie vragen: wat is er gemeten (welke segregatie?), wanneer (één moment "
               "of een verandering?) en hoe sterk is het verband (kijk naar r en het "
               "interval)?"},
        {"en": "The indicators of Spierenburg et al. measure where residents with a "
               "non-Western migration background live, not income groups; a correlation "
               "in one cross-section cannot show a cause.",
         "nl": "De indicatoren van Spierenburg e.a. meten waar bewoners met een niet-westerse "
               "migratieachtergrond wonen, niet inkomensgroepen; een correlatie op één "
               "moment kan geen oorzaak aantonen."},
    ],
    solution={"en": "b) The correlations are weak (|r| well below 0.5; only the rank "
                    "correlation with intensity is clearly above zero), in one cross-section "
                    "of municipalities, for the segregation of non-Western residents. Custers's "
                    "claim is about income segregation growing with inequality over time: this "
                    "table can neither confirm nor refute it.",
              "nl": "b) De correlaties zijn zwak (|r| ruim onder 0,5; alleen de "
                    "rangcorrelatie met intensity ligt duidelijk boven nul), op één moment, "
                    "voor de segregatie van niet-westerse bewoners. Custers spreekt over "
                    "inkomenssegregatie die met de ongelijkheid meegroeit in de tijd: deze "
                    "tabel kan dat bevestigen noch weerleggen."},
))

define(Exercise(
    id="2.3-paradox-metro",
    kind="choice",
    answer=_metro_direction,
    options=[
        {"en": "it falls, like the city's", "nl": "die daalt, net als die van de stad"},
        {"en": "it stays about the same (changes by less than 0.01)",
         "nl": "die blijft ongeveer gelijk (verandert minder dan 0,01)"},
        {"en": "it rises", "nl": "die stijgt"},
    ],
    hints=[
        {"en": "Where do the low-income households go who leave the gentrifying city?",
         "nl": "Waar gaan de huishoudens met een laag inkomen heen die de gentrificerende "
               "stad verlaten?"},
        {"en": "Compare overall.paradox_summary()['metro_change'] with 0.01 and 0.",
         "nl": "Vergelijk overall.paradox_summary()['metro_change'] met 0,01 en 0."},
    ],
    solution={"en": "c) From 2016 the city's D falls while the metro's D rises: low-income "
                    "households move from the city to Zuiderpolder, so within the city rich "
                    "and poor live closer together, but over the region they live further "
                    "apart — the segregation paradox.",
              "nl": "c) Vanaf 2016 daalt de D van de stad terwijl die van de regio stijgt: "
                    "huishoudens met een laag inkomen verhuizen van de stad naar Zuiderpolder; "
                    "in de stad wonen arm en rijk dichter bij elkaar, maar over de regio "
                    "verder uit elkaar — de segregatieparadox."},
))

define(Exercise(
    id="2.3-paradox-policy",
    kind="choice",
    answer=1,
    options=[
        {"en": "D of the city's wijken, to see whether the fall holds at a coarser scale",
         "nl": "D over de wijken van de stad, om te zien of de daling ook op grotere schaal "
               "geldt"},
        {"en": "D over the buurten of the city and its suburbs, and where the households "
               "who left the city went",
         "nl": "D over de buurten van stad en randgemeenten, en waar de huishoudens die de "
               "stad verlieten naartoe gingen"},
        {"en": "the isolation of the top 1 % in the city",
         "nl": "de isolatie van de bovenste 1% in de stad"},
    ],
    hints=[
        {"en": "A city's index can fall because people mix, or because some of them are no "
               "longer in the city.",
         "nl": "De index van een stad kan dalen doordat mensen mengen, of doordat een deel "
               "van hen niet meer in de stad woont."},
        {"en": "Which measure would show households who moved out of the city?",
         "nl": "Welke maat laat huishoudens zien die de stad uit verhuisden?"},
    ],
    solution={"en": "b) Only the metropolitan index and the moves show whether the city's "
                    "fall is mixing or displacement. In Havenstad the metro's D rises and "
                    "the moves to Zuiderpolder jump from 2016: the fall in the city hides a "
                    "rise in the region.",
              "nl": "b) Alleen de index van de regio en de verhuizingen laten zien of de "
                    "daling in de stad menging is of verdringing. In Havenstad stijgt de D van "
                    "de regio en springen de verhuizingen naar Zuiderpolder omhoog vanaf 2016: "
                    "de daling in de stad verbergt een stijging in de regio."},
))

define(Exercise(
    id="2.4-policy",
    kind="choice",
    answer=1,
    options=[
        {"en": "demolish social homes in the buurten where they are concentrated and "
               "replace them with owner-occupied homes",
         "nl": "sociale huurwoningen slopen in de buurten waar ze geconcentreerd zijn en "
               "vervangen door koopwoningen"},
        {"en": "add social homes in buurten that have few, and stop selling them in the "
               "gentrifying buurten",
         "nl": "sociale huurwoningen toevoegen in buurten met weinig, en stoppen met "
               "verkopen in de gentrificerende buurten"},
        {"en": "let social homes only to the lowest incomes, even more strictly",
         "nl": "sociale huurwoningen nog strenger alleen aan de laagste inkomens toewijzen"},
    ],
    hints=[
        {"en": "In Havenstad the bottom 10 % live where social rent is. Which policy spreads "
               "social rent without making anybody leave?",
         "nl": "In Havenstad woont de onderste 10% waar de sociale huur is. Welk beleid "
               "spreidt sociale huur zonder dat iemand moet vertrekken?"},
        {"en": "Demolition lowers the concentration in the buurt but its tenants have to "
               "move, and section 4 of notebook 2.3 showed where they tend to go.",
         "nl": "Sloop verlaagt de concentratie in de buurt, maar de huurders moeten "
               "verhuizen, en paragraaf 4 van notebook 2.3 liet zien waar ze vaak heen "
               "gaan."},
    ],
    solution={"en": "b) Spreading social rent over more buurten lowers the concentration of "
                    "the bottom 10 % without displacing anybody. a) lowers D in that buurt, but "
                    "its tenants must leave (in Havenstad often to Zuiderpolder, raising the "
                    "metropolitan index) and, as Custers warns, at worst mixing policy "
                    "disrupts the social infrastructure. c) makes social rent even more a "
                    "provision for the lowest incomes: concentration rises.",
              "nl": "b) Sociale huur over meer buurten spreiden verlaagt de concentratie van de "
                    "onderste 10% zonder iemand te verdringen. a) verlaagt D in die buurt, maar "
                    "de huurders moeten weg (in Havenstad vaak naar Zuiderpolder, wat de index "
                    "van de regio verhoogt) en mengingsbeleid kan, zoals Custers waarschuwt, "
                    "in het slechtste geval de sociale infrastructuur verstoren. c) maakt "
                    "sociale huur nog meer een voorziening voor de laagste inkomens: de "
                    "concentratie stijgt."},
))

define(Reflection(
    "2.1-reflect",
    prompt={"en": "D reads as 'the share that would have to move'. Is moving people a good "
                  "way to think about less segregation? What does D not tell you about a "
                  "city?",
            "nl": "D lees je als 'het deel dat zou moeten verhuizen'. Is mensen verhuizen een "
                  "goede manier om over minder segregatie na te denken? Wat vertelt D je niet "
                  "over een stad?"},
    model_answer={"en": "D is a thought experiment, not a plan: nobody is asked to move, and "
                        "real moves have costs and reasons. D measures evenness only: it "
                        "does not say whether people meet (exposure), where the buurten lie "
                        "(the checkerboard problem of chapter 2.3), or how the result depends "
                        "on the threshold for 'low income' and on the units. It also says "
                        "nothing about what a buurt offers its residents.",
                  "nl": "D is een gedachte-experiment, geen plan: niemand wordt gevraagd te "
                        "verhuizen, en echte verhuizingen hebben kosten en redenen. D meet "
                        "alleen gelijkmatigheid: niet of mensen elkaar ontmoeten "
                        "(blootstelling), niet waar de buurten liggen (het dambordprobleem van "
                        "hoofdstuk 2.3), en niet hoe de uitkomst afhangt van de grens voor "
                        "'laag inkomen' en van de eenheden. Ook zegt D niets over wat een "
                        "buurt zijn bewoners biedt."},
))

define(Reflection(
    "2.2-reflect",
    prompt={"en": "A map of where the bottom 10 % live can help to target support, and it can "
                  "also stigmatise a buurt. How would you show such a map to the residents "
                  "of the darkest buurt?",
            "nl": "Een kaart van waar de onderste 10% woont kan helpen om steun gericht in te "
                  "zetten, en kan een buurt ook stigmatiseren. Hoe zou je zo'n kaart laten "
                  "zien aan de bewoners van de donkerste buurt?"},
    model_answer={"en": "Say what the map measures and what it leaves out (incomes, not "
                        "people's worth or the buurt's strengths), name the classification "
                        "and the definition of the group, and show it next to what the buurt "
                        "has: its organisations and meeting places (the layers of figure "
                        "2.5). Ask residents what they recognise and what the map misses, "
                        "before it is used to decide for them.",
                  "nl": "Zeg wat de kaart meet en wat niet (inkomens, niet de waarde van mensen "
                        "of de sterke kanten van de buurt), noem de klassenindeling en de "
                        "definitie van de groep, en laat haar zien naast wat de buurt heeft: "
                        "haar organisaties en ontmoetingsplekken (de lagen van figuur 2.5). "
                        "Vraag bewoners wat ze herkennen en wat de kaart mist, voordat ze "
                        "gebruikt wordt om over hen te beslissen."},
))

define(Reflection(
    "2.3-reflect",
    prompt={"en": "Havenstad's own index falls while the metropolitan index rises. If you "
                  "wrote the yearly report of the city, and that of Zuiderpolder, which "
                  "numbers would each put first? What would a fair report show?",
            "nl": "De index van Havenstad zelf daalt terwijl die van de regio stijgt. Als je "
                  "het jaarverslag van de stad schreef, en dat van Zuiderpolder, welke cijfers "
                  "zou elk vooraan zetten? Wat zou een eerlijk verslag laten zien?"},
    model_answer={"en": "The city would like to show its falling D; Zuiderpolder its growing "
                        "number of low-income newcomers and the pressure on its services. A "
                        "fair report shows both scales side by side (city and region), the "
                        "moves between them, and the groups separately (low against high "
                        "incomes, the bottom 10 %, the top 1 %), because each tells a "
                        "different story.",
                  "nl": "De stad laat graag haar dalende D zien; Zuiderpolder het groeiende "
                        "aantal nieuwkomers met een laag inkomen en de druk op de "
                        "voorzieningen. Een eerlijk verslag zet beide schalen naast elkaar "
                        "(stad en regio), met de verhuizingen ertussen, en de groepen apart "
                        "(lage tegen hoge inkomens, de onderste 10%, de bovenste 1%), omdat "
                        "elk een ander verhaal vertelt."},
))

define(Reflection(
    "2.4-reflect",
    prompt={"en": "Custers writes that social rent has increasingly become a provision for "
                  "the people with the lowest incomes. What does that targeting gain, and "
                  "what does it cost, for the households and for the buurten?",
            "nl": "Custers schrijft dat sociale huur steeds meer een voorziening is geworden "
                  "voor mensen met de laagste inkomens. Wat levert die gerichtheid op, en wat "
                  "kost ze, voor de huishoudens en voor de buurten?"},
    model_answer={"en": "Gain: the scarce cheap homes go to those who need them most. Cost: "
                        "with fewer social homes, concentrated in a few buurten, the poorest "
                        "households end up living together there, the buurten lose residents "
                        "with middle incomes, and the segregation of the bottom 10 % rises, as "
                        "in Havenstad. Custers calls it a result of government policy in the "
                        "social-rent sector: it can be chosen differently.",
                  "nl": "Winst: de schaarse goedkope woningen gaan naar wie ze het hardst nodig "
                        "heeft. Kosten: met minder sociale huurwoningen, geconcentreerd in "
                        "een paar buurten, komen de armste huishoudens daar bij elkaar te "
                        "wonen, verliezen die buurten bewoners met een middeninkomen en stijgt "
                        "de segregatie van de onderste 10%, zoals in Havenstad. Custers noemt "
                        "het een resultaat van het overheidsbeleid in de sociale huursector: "
                        "er kan ook anders gekozen worden."},
))
