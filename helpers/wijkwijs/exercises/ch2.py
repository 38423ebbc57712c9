"""Exercises of chapter 2 (segregation). Every expected answer is computed by the library.

>>> from wijkwijs.exercises import get
>>> get("2.1-toy-d").expected()
0.5
"""

from __future__ import annotations

from wijkwijs import segregation as seg
from wijkwijs.examples import toy_cities
from wijkwijs.exercises import Exercise, define
from wijkwijs.havenstad import views as hv
from wijkwijs.havenstad.constants import GROUPS


def _toy_isolation() -> float:
    return seg.isolation(toy_cities.toy_counts(), group="low", total="households")


def _toy_theil() -> float:
    return seg.entropy_index(toy_cities.toy_counts(), group="low", total="households")


def _toy_multigroup() -> float:
    return seg.multigroup_information(toy_cities.toy_counts(), list(toy_cities.TOY_BANDS))


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
    id="2.1-toy-movers",
    kind="number",
    answer=toy_cities.toy_movers,
    tolerance=0.05,
    hints=[
        {"en": "D is the share of the group that would have to move for every buurt to "
               "look like the city.",
         "nl": "D is het aandeel van de groep dat zou moeten verhuizen om elke buurt op de "
               "stad te laten lijken."},
        {"en": "Multiply D by the number of low-income households in the city.",
         "nl": "Vermenigvuldig D met het aantal huishoudens met een laag inkomen in de stad."},
    ],
    solution={"en": "D × X = 0.5 × 4 = 2 low-income households (from Noord and Zuid to Oost).",
              "nl": "D × X = 0,5 × 4 = 2 huishoudens met een laag inkomen (van Noord en Zuid "
                    "naar Oost)."},
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
    id="2.1-multigroup-h",
    kind="number",
    answer=_toy_multigroup,
    tolerance=0.005,
    hints=[
        {"en": "Use all three income bands at once: the multigroup information index.",
         "nl": "Gebruik de drie inkomensgroepen tegelijk: de meergroeps-informatie-index."},
        {"en": "seg.multigroup_information(toy_cities.toy_counts(), ['low', 'middle', 'high']).",
         "nl": "seg.multigroup_information(toy_cities.toy_counts(), ['low', 'middle', 'high'])."},
    ],
    solution={"en": "H = Σ t_i (E − E_i)/(T E) with the three-group entropy E = −Σ π_m ln π_m; "
                    "the library gives about 0.27.",
              "nl": "H = Σ t_i (E − E_i)/(T E) met de entropie over drie groepen "
                    "E = −Σ π_m ln π_m; de bibliotheek geeft ongeveer 0,27."},
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
        {"en": "Look at the chart of D per group: which line is highest in 2022?",
         "nl": "Kijk naar de grafiek van D per groep: welke lijn ligt in 2022 het hoogst?"},
        {"en": "Segregation is as much a matter of the rich as of the poor.",
         "nl": "Segregatie is net zo goed een zaak van de rijken als van de armen."},
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
