"""Exercises of chapter 5 (homophily, lifestyles and diversity).

Every expected answer is computed by the library (the seeded runs of
:mod:`wijkwijs.examples.homophily`, the random baseline of
:mod:`wijkwijs.models.schelling`, the homophily measures of :mod:`wijkwijs.models.ties`,
the illustrative hunkering-down model of :mod:`wijkwijs.models.diversity`, the synthetic
Havenstad ties of :mod:`wijkwijs.havenstad.ties` and youth spaces of
:mod:`wijkwijs.havenstad.street`). The tie answers build networkx graphs, so they import
those modules when they are computed: loading this bank imports no graph library.

Most exercises are predictions (asked before the output that settles them, graded by the
computation), interpretations (a choice among readings) or a choice between policies;
none asks to re-read a number printed just above it.

>>> from wijkwijs.exercises import get
>>> get("5.1-fraction-not-count").expected()
0.5
"""

from __future__ import annotations

import numpy as np

from wijkwijs.examples import homophily as hp
from wijkwijs.exercises import Exercise, Reflection, define
from wijkwijs.models.schelling import random_block_dissimilarity, similarity

#: A 3×3 corner of a city: -1 vacant, 0 and 1 the two groups; the centre is group 0.
FRACTION_GRID = np.array([[0, 1, -1],
                          [0, 0, 1],
                          [1, -1, 0]])
#: The class of exercise 5.2-expected-cross: 18 pupils of group A, 12 of group B.
CLASS_GROUPS = ["A"] * 18 + ["B"] * 12
#: Block sizes compared in exercises 5.1-random-city and 5.1-scale.
SCALE_BLOCKS = (2, 5, 10, 25)
#: The options of exercise 5.2-lifestyle: each household kind of the tie model
#: (``wijkwijs.models.ties.KINDS``) described for learners.
KIND_OPTIONS: dict[str, dict[str, str]] = {
    "family": {"en": "families with young children", "nl": "gezinnen met jonge kinderen"},
    "elderly": {"en": "elderly residents", "nl": "ouderen"},
    "working_class": {"en": "working-class households", "nl": "arbeidershuishoudens"},
    "young_professional": {"en": "young professionals", "nl": "jonge professionals"},
}
#: The neighbourhoods compared in exercise 5.3-hunkering-ses: (minority share, SES).
HUNKER_OPTIONS: tuple[tuple[float, float], ...] = ((0.5, 0.0), (0.5, 1.0), (0.0, 0.0))
#: The two levers of exercise 5.3-policy for the diverse, low-SES neighbourhood.
POLICY_PLACES, POLICY_SES = 4, 0.5


def _centre_fraction() -> float:
    return float(similarity(FRACTION_GRID)[1, 1])


def _band(percent: float) -> int:
    """0: below 40 %, 1: 40–60 %, 2: above 60 % (the options of a prediction)."""
    return 0 if percent < 40 else 1 if percent <= 60 else 2


def _threshold_band() -> int:
    return _band(hp.schelling_run(0.3).percent_similar)


def _wish_drop() -> float:
    return hp.schelling_run(0.3).percent_similar - hp.schelling_run(
        0.3, max_similar=0.8).percent_similar


def _random_city_band() -> int:
    d = float(random_block_dissimilarity(hp.schelling_run(0.3).grid, (2,))
              .random_dissimilarity.iloc[0])
    return 0 if d < 0.15 else 1 if d < 0.6 else 2


def _scale_reading() -> int:
    t = hp.block_baseline(hp.schelling_run(0.3), SCALE_BLOCKS)
    chance = t.random.iloc[0] > 0.1 and bool((t.random.diff().dropna() < 0).all())
    clusters = bool((t.excess > 0).all())
    return 1 if chance and clusters else 0 if clusters else 2


def _class_expected() -> float:
    import networkx as nx

    from wijkwijs.models.ties import expected_cross_share

    graph = nx.empty_graph(len(CLASS_GROUPS))
    nx.set_node_attributes(graph, dict(enumerate(CLASS_GROUPS)), "group")
    return expected_cross_share(graph, "group")


def _coleman_with_places() -> float:
    from wijkwijs.models.ties import coleman_index

    return float(coleman_index(hp.tie_model(bridging_foci=4).graph, "group")["coleman"].loc[0])


def _bridging_band() -> int:
    sweep = hp.bridging_sweep((0, 4))
    before, after, expected = sweep.observed.iloc[0], sweep.observed.iloc[1], sweep.expected.iloc[1]
    if after - before < 0.02:
        return 0
    return 1 if after < expected else 2


def _fewest_ties_kind() -> int:
    table = hp.ties_by_kind(hp.tie_model())
    return list(KIND_OPTIONS).index(table.kind.iloc[int(table.mean_ties.to_numpy().argmin())])


def _havenstad_divides() -> int:
    from wijkwijs.havenstad.ties import havenstad_homophily

    background = havenstad_homophily(attribute="background").ratio.mean()
    lifestyle = havenstad_homophily(attribute="lifestyle").ratio.mean()
    return 0 if background < lifestyle else 1


def _lifestyle_reading() -> int:
    gap = hp.lifestyle_gap().set_index("source")
    model_gap = gap.loc["model", "ratio"] < gap.loc["havenstad", "ratio"]
    time_explains = gap.loc["model_equal_time", "ratio"] > gap.loc["model", "ratio"] + 0.2
    places_differ = gap.loc["havenstad", "citywide_places"] < gap.loc[
        "havenstad", "neighbourhood_places"]
    return 1 if model_gap and time_explains and places_differ else 0


def _hunker_table(**kwargs):
    from wijkwijs.models.diversity import hunkering_table

    return hunkering_table((0.0, 0.5), (0.0, 1.0), **kwargs)


def _largest_loss() -> int:
    t = _hunker_table().set_index(["minority_share", "ses"])
    return int(np.argmax([t.loc[option, "lost_pct"] for option in HUNKER_OPTIONS]))


def _confound_reading() -> int:
    from wijkwijs.models.diversity import hunkering_table

    t = hunkering_table((0.0, 0.25, 0.5), (0.0, 1.0))
    without = t.groupby("minority_share").ties_without
    falls = bool((np.diff(without.first().to_numpy()) < 0).all())
    same_across_ses = bool((without.nunique() == 1).all())
    return 1 if falls and same_across_ses else 0


def _policy_choice() -> int:
    from wijkwijs.models.diversity import hunkering_table

    places = hunkering_table((0.5,), (0.0,), bridging_foci=POLICY_PLACES).across.iloc[0]
    ses = hunkering_table((0.5,), (POLICY_SES,)).across.iloc[0]
    return 0 if places > ses else 1


def _youth_reading() -> int:
    from wijkwijs.havenstad.street import youth_space_mix

    ratio = float(youth_space_mix().ratio.median())
    return 1 if 0.8 <= ratio <= 1.25 else 2 if ratio < 0.8 else 0


def _faces_tied() -> float:
    from wijkwijs.havenstad.street import familiar_faces

    f = familiar_faces().set_index("background")
    return float(f.loc["all", "pct_faces_tied"])


define(Exercise(
    id="5.1-fraction-not-count",
    kind="number",
    answer=_centre_fraction,
    tolerance=0.01,
    hints=[
        {"en": "The threshold is a fraction: like neighbours divided by occupied neighbours.",
         "nl": "De drempel is een aandeel: gelijke buren gedeeld door bewoonde buurcellen."},
        {"en": "Vacant cells count neither above nor below the line. Count the occupied "
               "cells around the centre, and how many of them are group 0.",
         "nl": "Lege cellen tellen boven noch onder de streep. Tel de bewoonde cellen rond "
               "het midden, en hoeveel daarvan groep 0 zijn."},
        {"en": "There are 6 occupied neighbours, 3 of them in group 0.",
         "nl": "Er zijn 6 bewoonde buurcellen, waarvan 3 in groep 0."},
    ],
    solution={"en": "similarity(FRACTION_GRID)[1, 1] = 3 / 6 = 0.5: the household is "
                    "(just) happy at a threshold of 0.5, although only 3 of its 8 "
                    "surrounding cells hold a like household.",
              "nl": "similarity(FRACTION_GRID)[1, 1] = 3 / 6 = 0,5: het huishouden is bij "
                    "een drempel van 0,5 (net) tevreden, hoewel maar 3 van de 8 cellen "
                    "eromheen een gelijk huishouden hebben."},
))

define(Exercise(
    id="5.1-schelling-threshold",
    kind="choice",
    answer=_threshold_band,
    options=[
        {"en": "Below 40 %: about what the households ask for",
         "nl": "Onder de 40%: ongeveer wat de huishoudens vragen"},
        {"en": "Between 40 % and 60 %: about as in a randomly mixed city",
         "nl": "Tussen 40% en 60%: ongeveer als in een willekeurig gemengde stad"},
        {"en": "Above 60 %: far more than anyone asks for",
         "nl": "Boven de 60%: veel meer dan iemand vraagt"},
    ],
    hints=[
        {"en": "Predict first, then run hp.schelling_run(0.3) and read its percent_similar.",
         "nl": "Voorspel eerst, draai dan hp.schelling_run(0.3) en lees percent_similar af."},
        {"en": "Every move of an unhappy household also changes the neighbourhoods of the "
               "households it leaves and joins: the effects pile up.",
         "nl": "Elke verhuizing van een ontevreden huishouden verandert ook de buurt van de "
               "huishoudens die het verlaat en waar het bij komt: de effecten stapelen op."},
    ],
    solution={"en": "hp.schelling_run(0.3).percent_similar lies well above 60 %: households "
                    "who ask for only 30 % like neighbours end up with far more (Schelling "
                    "1971).",
              "nl": "hp.schelling_run(0.3).percent_similar ligt ruim boven de 60%: "
                    "huishoudens die maar 30% gelijke buren vragen, krijgen er veel meer "
                    "(Schelling 1971)."},
))

define(Exercise(
    id="5.1-diversity-wish",
    kind="number",
    answer=_wish_drop,
    tolerance=0.5,
    hints=[
        {"en": "Write down your guess first. Then run two models with threshold 0.3, one "
               "with max_similar=0.8, and compare their percent_similar.",
         "nl": "Schrijf eerst je schatting op. Draai dan twee modellen met drempel 0,3, één "
               "met max_similar=0.8, en vergelijk hun percent_similar."},
        {"en": "The answer is the first minus the second, in percentage points.",
         "nl": "Het antwoord is de eerste min de tweede, in procentpunten."},
    ],
    solution={"en": "schelling_run(0.3).percent_similar - schelling_run(0.3, "
                    "max_similar=0.8).percent_similar: a wish for some different neighbours "
                    "undoes part of the segregation (Hart & Case 2014).",
              "nl": "schelling_run(0.3).percent_similar - schelling_run(0.3, "
                    "max_similar=0.8).percent_similar: een wens voor enkele andere buren "
                    "maakt een deel van de segregatie ongedaan (Hart & Case 2014)."},
))

define(Exercise(
    id="5.1-random-city",
    kind="choice",
    answer=_random_city_band,
    options=[
        {"en": "About 0: a random city is perfectly mixed",
         "nl": "Ongeveer 0: een willekeurige stad is volkomen gemengd"},
        {"en": "Clearly above 0, but well below the equilibrium city's D",
         "nl": "Duidelijk boven 0, maar ruim onder de D van de stad in evenwicht"},
        {"en": "About as high as the equilibrium city's D",
         "nl": "Ongeveer even hoog als de D van de stad in evenwicht"},
    ],
    hints=[
        {"en": "A 2×2 block holds at most four households. How often are four households "
               "drawn at random all of one group, or three of one and one of the other?",
         "nl": "Een blok van 2×2 heeft hooguit vier huishoudens. Hoe vaak zijn vier "
               "willekeurig getrokken huishoudens allemaal van één groep, of drie tegen één?"},
        {"en": "Compute it: random_block_dissimilarity(hp.schelling_run(0.3).grid, (2,)).",
         "nl": "Bereken het: random_block_dissimilarity(hp.schelling_run(0.3).grid, (2,))."},
    ],
    solution={"en": "b) With four households per block, chance alone makes many blocks "
                    "uneven: the expected D of a random arrangement of the same households is "
                    "far above 0, though well below the equilibrium city's D.",
              "nl": "b) Met vier huishoudens per blok maakt toeval alleen al veel blokken "
                    "scheef: de verwachte D van een willekeurige verdeling van dezelfde "
                    "huishoudens ligt ver boven 0, maar ruim onder die van de stad in "
                    "evenwicht."},
))

define(Exercise(
    id="5.1-scale",
    kind="choice",
    answer=_scale_reading,
    options=[
        {"en": "All of the fall is the modifiable areal unit problem: large blocks average "
               "the clusters away",
         "nl": "De hele daling is het modifiable areal unit problem: grote blokken middelen "
               "de clusters weg"},
        {"en": "Part of the fall is chance (small blocks are uneven even in a random city), "
               "part is the clusters being averaged away in large blocks",
         "nl": "Een deel van de daling is toeval (kleine blokken zijn ook in een "
               "willekeurige stad scheef), een deel is het wegmiddelen van de clusters"},
        {"en": "Large blocks are really more mixed places to live",
         "nl": "Grote blokken zijn echt gemengdere plekken om te wonen"},
    ],
    hints=[
        {"en": "Compare the two lines of the figure: the random city's D and the "
               "equilibrium city's D. Does the random line fall too?",
         "nl": "Vergelijk de twee lijnen van de figuur: de D van de willekeurige stad en die "
               "van de stad in evenwicht. Daalt de willekeurige lijn ook?"},
        {"en": "hp.block_baseline(...) gives random and excess per block size.",
         "nl": "hp.block_baseline(...) geeft random en excess per blokgrootte."},
    ],
    solution={"en": "b) The random baseline is high in 2×2 blocks and falls with block size, "
                    "so part of the fall is a small-number effect; the excess over it is "
                    "positive at every size and also falls, as the clusters are averaged "
                    "away (the MAUP; Openshaw 1984).",
              "nl": "b) De willekeurige basislijn is hoog bij blokken van 2×2 en daalt met de "
                    "blokgrootte, dus een deel van de daling is een kleine-aantallen-effect; "
                    "het overschot daarboven is bij elke grootte positief en daalt ook, "
                    "doordat de clusters worden weggemiddeld (het MAUP; Openshaw 1984)."},
))

define(Reflection(
    "5.1-reflect",
    prompt={"en": "Schelling's households wanted only a few like neighbours, yet the city "
                  "split. Think of a Dutch city you know: what besides preferences decides "
                  "where people live, and what would the model need to show it?",
            "nl": "Schellings huishoudens wilden maar een paar gelijke buren, toch viel de "
                  "stad uiteen. Denk aan een Nederlandse stad die je kent: wat bepaalt naast "
                  "voorkeuren waar mensen wonen, en wat zou het model nodig hebben om dat te "
                  "laten zien?"},
    model_answer={"en": "Incomes and prices, the housing stock (where social rent, private "
                        "rent and owner-occupied homes are), allocation rules and waiting "
                        "lists, discrimination, and policy such as demolition and "
                        "restructuring. The model would need dwellings with a tenure and a "
                        "price, households with an income, and rules for who may move where; "
                        "chapter 3's paradox model is a step in that direction. The lesson "
                        "that stays: segregation can emerge without anyone wanting it.",
                  "nl": "Inkomens en prijzen, de woningvoorraad (waar sociale huur, "
                        "particuliere huur en koop staan), toewijzingsregels en wachtlijsten, "
                        "discriminatie, en beleid zoals sloop en herstructurering. Het model "
                        "zou woningen met een eigendomsvorm en een prijs nodig hebben, "
                        "huishoudens met een inkomen, en regels voor wie waarheen mag "
                        "verhuizen; het paradoxmodel van hoofdstuk 3 is een stap die kant op. "
                        "De les die blijft: segregatie kan ontstaan zonder dat iemand die wil."},
))

define(Exercise(
    id="5.2-expected-cross",
    kind="number",
    answer=_class_expected,
    tolerance=0.005,
    hints=[
        {"en": "Without homophily a tie joins two different groups with probability 2pq.",
         "nl": "Zonder homofilie verbindt een band twee verschillende groepen met kans 2pq."},
        {"en": "p = 18/30 and q = 12/30.", "nl": "p = 18/30 en q = 12/30."},
    ],
    solution={"en": "2pq = 2 × 0.6 × 0.4 = 0.48: almost half of the friendships would cross "
                    "the groups if group did not matter.",
              "nl": "2pq = 2 × 0,6 × 0,4 = 0,48: bijna de helft van de vriendschappen zou de "
                    "groepen overbruggen als groep er niet toe deed."},
))

define(Exercise(
    id="5.2-coleman",
    kind="number",
    answer=_coleman_with_places,
    tolerance=0.005,
    hints=[
        {"en": "Run the same neighbourhood with four shared places: "
               "hp.tie_model(bridging_foci=4), and compute coleman_index on its graph.",
         "nl": "Draai dezelfde buurt met vier gedeelde plekken: "
               "hp.tie_model(bridging_foci=4), en bereken coleman_index op de graaf."},
        {"en": "Group A has the code 0: take the 'coleman' column at row 0.",
         "nl": "Groep A heeft code 0: neem de kolom 'coleman' in rij 0."},
    ],
    solution={"en": "coleman_index(hp.tie_model(bridging_foci=4).graph, 'group')"
                    "['coleman'].loc[0]: lower than without shared places (Table 5.1), but "
                    "still above 0 — shared places soften homophily, they do not remove it.",
              "nl": "coleman_index(hp.tie_model(bridging_foci=4).graph, 'group')"
                    "['coleman'].loc[0]: lager dan zonder gedeelde plekken (tabel 5.1), maar "
                    "nog boven 0 — gedeelde plekken verzachten homofilie, ze heffen haar niet "
                    "op."},
))

define(Exercise(
    id="5.2-bridging",
    kind="choice",
    answer=_bridging_band,
    options=[
        {"en": "It stays about the same: homophily decides, places do not matter",
         "nl": "Het blijft ongeveer gelijk: homofilie beslist, plekken doen er niet toe"},
        {"en": "It rises, but stays below the share expected without homophily (2pq)",
         "nl": "Het stijgt, maar blijft onder het aandeel zonder homofilie (2pq)"},
        {"en": "It rises above 2pq: shared places make ties prefer the other group",
         "nl": "Het stijgt boven 2pq: gedeelde plekken laten banden de andere groep "
               "verkiezen"},
    ],
    hints=[
        {"en": "Predict first. Then compute hp.bridging_sweep((0, 4)) and compare observed "
               "with expected.",
         "nl": "Voorspel eerst. Bereken dan hp.bridging_sweep((0, 4)) en vergelijk observed "
               "met expected."},
        {"en": "A shared place adds a reason to meet for both groups, but the preference "
               "for similar others is still in the meeting rate.",
         "nl": "Een gedeelde plek geeft beide groepen een reden om elkaar te zien, maar de "
               "voorkeur voor gelijken zit nog steeds in de ontmoetingskans."},
    ],
    solution={"en": "b) Shared places (Feld's foci) raise the cross-group share, but "
                    "homophily still keeps it below 2pq.",
              "nl": "b) Gedeelde plekken (Felds foci) verhogen het aandeel banden tussen "
                    "groepen, maar homofilie houdt het onder 2pq."},
))

define(Exercise(
    id="5.2-lifestyle",
    kind="choice",
    answer=_fewest_ties_kind,
    options=list(KIND_OPTIONS.values()),
    hints=[
        {"en": "Predict first. Then use hp.ties_by_kind(hp.tie_model()) and compare the mean "
               "number of ties.",
         "nl": "Voorspel eerst. Gebruik dan hp.ties_by_kind(hp.tie_model()) en vergelijk het "
               "gemiddelde aantal banden."},
        {"en": "Which kind spends the least time in the neighbourhood?",
         "nl": "Welke groep brengt de minste tijd in de buurt door?"},
    ],
    solution={"en": "Young professionals: city-wide oriented, they spend less time in the "
                    "neighbourhood and join fewer local organisations.",
              "nl": "Jonge professionals: stadsgericht, ze zijn minder in de buurt en doen "
                    "minder mee aan lokale organisaties."},
))

define(Exercise(
    id="5.2-proximity",
    kind="choice",
    answer=1,
    options=[
        {"en": "Their neighbourhood networks are much more diverse than other residents'",
         "nl": "Hun netwerken in de buurt zijn veel diverser dan die van andere bewoners"},
        {"en": "Their neighbourhood networks are hardly more diverse than other residents'",
         "nl": "Hun netwerken in de buurt zijn nauwelijks diverser dan die van andere "
               "bewoners"},
        {"en": "They have no ties in the neighbourhood at all",
         "nl": "Ze hebben helemaal geen banden in de buurt"},
    ],
    hints=[
        {"en": "The title of the article is a question: do people who like diversity "
               "practice diversity?",
         "nl": "De titel van het artikel is een vraag: brengen mensen die van diversiteit "
               "houden die diversiteit ook in praktijk?"},
        {"en": "Living close by and liking the mix is no guarantee of contact.",
         "nl": "Dichtbij wonen en de mix waarderen is geen garantie voor contact."},
    ],
    solution={"en": "b) Blokland & van Eijk (2010) found that residents of a mixed Dutch "
                    "neighbourhood who valued its diversity did not have markedly more "
                    "diverse networks there than other residents.",
              "nl": "b) Blokland & van Eijk (2010) vonden dat bewoners van een gemengde "
                    "Nederlandse wijk die de diversiteit waardeerden daar geen duidelijk "
                    "diversere netwerken hadden dan andere bewoners."},
))

define(Exercise(
    id="5.2-havenstad-divides",
    kind="choice",
    answer=_havenstad_divides,
    options=[
        {"en": "Background divides more: its ratio observed / expected is lower",
         "nl": "Achtergrond verdeelt meer: de verhouding waargenomen / verwacht is lager"},
        {"en": "Lifestyle divides more: its ratio observed / expected is lower",
         "nl": "Leefstijl verdeelt meer: de verhouding waargenomen / verwacht is lager"},
    ],
    hints=[
        {"en": "Predict before you run the lifestyle table. Then compare the mean of the "
               "'ratio' column of havenstad_homophily(attribute=...) for both attributes.",
         "nl": "Voorspel voordat je de leefstijltabel draait. Vergelijk dan het gemiddelde "
               "van de kolom 'ratio' van havenstad_homophily(attribute=...) voor beide."},
        {"en": "The lower the ratio, the fewer ties cross the line compared with chance.",
         "nl": "Hoe lager de verhouding, hoe minder banden de grens oversteken vergeleken "
               "met toeval."},
    ],
    solution={"en": "Compare havenstad_homophily(attribute='background').ratio.mean() with "
                    "the same for 'lifestyle': the lower one divides the synthetic networks "
                    "more. In Havenstad's generator a same background adds more to the "
                    "chance of a tie than a same lifestyle does.",
              "nl": "Vergelijk havenstad_homophily(attribute='background').ratio.mean() met "
                    "hetzelfde voor 'lifestyle': de laagste verdeelt de synthetische "
                    "netwerken het meest. In de generator van Havenstad telt dezelfde "
                    "achtergrond zwaarder mee voor de kans op een band dan dezelfde "
                    "leefstijl."},
))

define(Exercise(
    id="5.2-lifestyle-gap",
    kind="choice",
    answer=_lifestyle_reading,
    options=[
        {"en": "Havenstad's city-wide households are simply more sociable people",
         "nl": "De stadsgerichte huishoudens van Havenstad zijn gewoon socialer"},
        {"en": "The model lets time in the neighbourhood scale every chance to meet; "
               "Havenstad's generator lets lifestyle change only how many organisations a "
               "household joins, so most of its ties (by distance and likeness) are "
               "untouched",
         "nl": "Het model laat de tijd in de buurt elke ontmoetingskans schalen; de "
               "generator van Havenstad laat leefstijl alleen het aantal organisaties "
               "veranderen, dus de meeste banden (door afstand en gelijkenis) blijven gelijk"},
        {"en": "Havenstad has no city-wide oriented households",
         "nl": "Havenstad heeft geen stadsgerichte huishoudens"},
    ],
    hints=[
        {"en": "Look at the row model_equal_time of hp.lifestyle_gap(): what happens to the "
               "model's gap when everybody spends the same time in the neighbourhood?",
         "nl": "Kijk naar de rij model_equal_time van hp.lifestyle_gap(): wat gebeurt er met "
               "het verschil in het model als iedereen even veel tijd in de buurt is?"},
        {"en": "Then compare the places columns of Havenstad: where does lifestyle make a "
               "difference there?",
         "nl": "Vergelijk dan de kolommen met plekken van Havenstad: waar maakt leefstijl "
               "daar verschil?"},
    ],
    solution={"en": "b) In the model a city-wide resident's meeting rate with anyone is "
                    "multiplied by the time spent in the neighbourhood (and joining places "
                    "too): with equal time the gap mostly closes. Havenstad's generator "
                    "gives city-wide households fewer organisations but the same chance of "
                    "a tie by distance and likeness, which produces most ties. Both are "
                    "assumptions; which is closer to real neighbourhoods is an empirical "
                    "question.",
              "nl": "b) In het model wordt de ontmoetingskans van een stadsgerichte bewoner "
                    "met wie dan ook vermenigvuldigd met de tijd in de buurt (en het lid "
                    "worden van plekken ook): bij gelijke tijd verdwijnt het verschil "
                    "grotendeels. De generator van Havenstad geeft stadsgerichte huishoudens "
                    "minder organisaties, maar dezelfde kans op een band door afstand en "
                    "gelijkenis, en daar komen de meeste banden vandaan. Beide zijn "
                    "aannames; welke dichter bij echte buurten ligt, is een empirische "
                    "vraag."},
))

define(Reflection(
    "5.2-reflect",
    prompt={"en": "A mixed street can hold two separate networks. Name one place in a "
                  "neighbourhood you know where residents of different groups do meet, and "
                  "say what makes it work (or not).",
            "nl": "Een gemengde straat kan twee gescheiden netwerken bevatten. Noem één plek "
                  "in een buurt die je kent waar bewoners van verschillende groepen elkaar "
                  "wel tegenkomen, en zeg waardoor dat werkt (of niet)."},
    model_answer={"en": "For example a primary school's playground, a library or a sports "
                        "club: a focus (Feld 1981) that draws both groups for its own reason "
                        "(children, books, sport), at the same times, again and again. It "
                        "works less when the groups use it at different hours, when one "
                        "group runs it, or when it costs money. Repeated light contact there "
                        "(public familiarity) may not become friendship, but it makes the "
                        "neighbourhood feel shared.",
                  "nl": "Bijvoorbeeld het schoolplein van een basisschool, een bibliotheek of "
                        "een sportclub: een focus (Feld 1981) die beide groepen om een eigen "
                        "reden trekt (kinderen, boeken, sport), op dezelfde momenten, keer op "
                        "keer. Het werkt minder als de groepen er op andere tijden komen, als "
                        "één groep de plek runt, of als het geld kost. Herhaald licht contact "
                        "daar (publieke vertrouwdheid) wordt misschien geen vriendschap, maar "
                        "maakt de buurt wel gedeeld."},
))

define(Exercise(
    id="5.3-hunkering-ses",
    kind="choice",
    answer=_largest_loss,
    options=[
        {"en": "A diverse neighbourhood (half and half) of low socio-economic status",
         "nl": "Een diverse buurt (half om half) met een lage sociaal-economische status"},
        {"en": "A diverse neighbourhood (half and half) of high socio-economic status",
         "nl": "Een diverse buurt (half om half) met een hoge sociaal-economische status"},
        {"en": "A one-group neighbourhood of low socio-economic status",
         "nl": "Een buurt met één groep en een lage sociaal-economische status"},
    ],
    hints=[
        {"en": "Predict first. Hunkering down works through the diversity of the street; "
               "in this model its strength falls with SES.",
         "nl": "Voorspel eerst. Terugtrekken werkt via de diversiteit van de straat; in dit "
               "model neemt de sterkte af met de SES."},
        {"en": "Compute hunkering_table((0.0, 0.5), (0.0, 1.0)) and compare lost_pct.",
         "nl": "Bereken hunkering_table((0.0, 0.5), (0.0, 1.0)) en vergelijk lost_pct."},
    ],
    solution={"en": "a) Diverse and low SES: the street is diverse, so there is something to "
                    "hunker down about, and at low SES the assumed buffer is absent. A "
                    "one-group neighbourhood loses nothing (no diversity); at high SES the "
                    "loss is smaller by assumption.",
              "nl": "a) Divers en lage SES: de straat is divers, dus er is reden om je terug "
                    "te trekken, en bij lage SES ontbreekt de aangenomen buffer. Een buurt "
                    "met één groep verliest niets (geen diversiteit); bij hoge SES is het "
                    "verlies volgens de aanname kleiner."},
))

define(Exercise(
    id="5.3-diversity-confound",
    kind="choice",
    answer=_confound_reading,
    options=[
        {"en": "Hunkering down: it is already at work in the run without it",
         "nl": "Terugtrekken: dat werkt al in de run zonder terugtrekken"},
        {"en": "Opportunity: residents prefer similar others and meet at their own group's "
               "school and organisations, and a diverse street has fewer of them nearby, so "
               "fewer ties form even without hunkering down",
         "nl": "Gelegenheid: bewoners verkiezen gelijken en ontmoeten elkaar op de school en "
               "in de organisaties van hun eigen groep, en een diverse straat heeft er minder "
               "van dichtbij, dus er ontstaan minder banden, ook zonder terugtrekken"},
        {"en": "Diverse neighbourhoods are poorer in the model",
         "nl": "Diverse buurten zijn in het model armer"},
    ],
    hints=[
        {"en": "Look at ties_without: does it change with SES? Does it change with the "
               "minority share?",
         "nl": "Kijk naar ties_without: verandert het met de SES? Verandert het met het "
               "aandeel van de minderheid?"},
        {"en": "The run without hunkering has hunkering = 0 by definition; SES changes only "
               "the strength of hunkering down.",
         "nl": "De run zonder terugtrekken heeft per definitie hunkering = 0; SES verandert "
               "alleen de sterkte van het terugtrekken."},
    ],
    solution={"en": "b) Without hunkering the ties still fall with diversity, and SES makes no "
                    "difference to them: residents meet fewer similar others and fewer "
                    "members of their own group's school and organisations (Blau's point "
                    "about opportunity; Feld's foci). Even with homophily set to 0 the "
                    "group-bound foci keep this effect. A study that finds fewer ties in "
                    "diverse places must separate it from hunkering down.",
              "nl": "b) Zonder terugtrekken dalen de banden nog steeds met de diversiteit, en "
                    "SES maakt daarvoor niets uit: bewoners treffen minder gelijken en minder "
                    "leden van de school en organisaties van hun eigen groep (Blau's punt "
                    "over gelegenheid; Felds foci). Ook met homofilie 0 houden de "
                    "groepsgebonden foci dit effect in stand. Een studie die minder banden "
                    "vindt in diverse buurten moet het scheiden van terugtrekken."},
))

define(Exercise(
    id="5.3-policy",
    kind="choice",
    answer=_policy_choice,
    options=[
        {"en": "Four shared places open to both groups (community centre, library, sports "
               "club, youth space)",
         "nl": "Vier gedeelde plekken voor beide groepen (buurthuis, bibliotheek, "
               "sportclub, jongerenplek)"},
        {"en": "Raising the neighbourhood's socio-economic status from 0 to 0.5",
         "nl": "De sociaal-economische status van de buurt verhogen van 0 naar 0,5"},
    ],
    hints=[
        {"en": "Compare the 'across' column (ties across groups per resident) of "
               "hunkering_table((0.5,), (0.0,), bridging_foci=4) and "
               "hunkering_table((0.5,), (0.5,)).",
         "nl": "Vergelijk de kolom 'across' (banden tussen groepen per bewoner) van "
               "hunkering_table((0.5,), (0.0,), bridging_foci=4) en "
               "hunkering_table((0.5,), (0.5,))."},
        {"en": "SES in this model only weakens hunkering down; shared places add reasons "
               "to meet across groups.",
         "nl": "SES verzwakt in dit model alleen het terugtrekken; gedeelde plekken geven "
               "redenen om elkaar over groepen heen te ontmoeten."},
    ],
    solution={"en": "Under the model's assumptions the shared places give more ties across "
                    "groups: SES only softens hunkering down, while shared places add foci "
                    "for both groups. This is a model result, not evidence; real SES also "
                    "brings money, time and organisations the model leaves out.",
              "nl": "Onder de aannames van het model geven de gedeelde plekken meer banden "
                    "tussen groepen: SES verzacht alleen het terugtrekken, gedeelde plekken "
                    "voegen foci voor beide groepen toe. Dit is een modeluitkomst, geen "
                    "bewijs; echte SES brengt ook geld, tijd en organisaties die het model "
                    "weglaat."},
))

define(Exercise(
    id="5.3-youth-mix",
    kind="choice",
    answer=_youth_reading,
    options=[
        {"en": "Youth spaces in Dutch cities mix young people of every background",
         "nl": "Jongerenplekken in Nederlandse steden mengen jongeren van elke achtergrond"},
        {"en": "Nothing about real youth spaces: Havenstad's generator lets families join "
               "by having children, not by background, so the mix is built in",
         "nl": "Niets over echte jongerenplekken: de generator van Havenstad laat gezinnen "
               "meedoen op grond van kinderen, niet van achtergrond, dus de mix zit erin "
               "gebouwd"},
        {"en": "Youth spaces are much more segregated than the families around them",
         "nl": "Jongerenplekken zijn veel gescheidener dan de gezinnen eromheen"},
    ],
    hints=[
        {"en": "Read the module docstring of wijkwijs.havenstad.street: what do the "
               "synthetic data assume?",
         "nl": "Lees de docstring van wijkwijs.havenstad.street: wat nemen de synthetische "
               "data aan?"},
        {"en": "A synthetic city can only show what its generator put in.",
         "nl": "Een synthetische stad kan alleen laten zien wat de generator erin stopte."},
    ],
    solution={"en": "b) The ratios lie near 1 because the generator made it so: youth-space "
                    "participation depends on having children and on distance, not on "
                    "background. The measure is right; the finding is an assumption. Real "
                    "youth spaces need fieldwork (chapter 7).",
              "nl": "b) De verhoudingen liggen bij 1 omdat de generator het zo maakte: "
                    "meedoen aan een jongerenplek hangt af van kinderen en afstand, niet van "
                    "achtergrond. De maat klopt; de uitkomst is een aanname. Echte "
                    "jongerenplekken vragen veldwerk (hoofdstuk 7)."},
))

define(Exercise(
    id="5.3-familiar-faces",
    kind="number",
    answer=_faces_tied,
    tolerance=0.05,
    hints=[
        {"en": "Write down your guess first. Then compute familiar_faces() and take "
               "pct_faces_tied in the row 'all'.",
         "nl": "Schrijf eerst je schatting op. Bereken dan familiar_faces() en neem "
               "pct_faces_tied in de rij 'all'."},
        {"en": "familiar_faces().set_index('background').loc['all', 'pct_faces_tied'].",
         "nl": "familiar_faces().set_index('background').loc['all', 'pct_faces_tied']."},
    ],
    solution={"en": "familiar_faces().set_index('background').loc['all', 'pct_faces_tied']: "
                    "only a small percentage of the faces of another background met in a "
                    "youth space are ties. Most such contact stays light — which is what "
                    "Blokland & Nast (2014) call public familiarity, and what a tie survey "
                    "does not count.",
              "nl": "familiar_faces().set_index('background').loc['all', 'pct_faces_tied']: "
                    "maar een klein percentage van de gezichten met een andere achtergrond "
                    "die je in een jongerenplek tegenkomt, is een band. Het meeste contact "
                    "blijft licht — wat Blokland & Nast (2014) publieke vertrouwdheid "
                    "noemen, en wat een bandenenquête niet telt."},
))

define(Reflection(
    "5.3-reflect",
    prompt={"en": "Custers names individualisation, mobility and diversity as changes that "
                  "affect meeting in the neighbourhood, and street culture as a new way of "
                  "being together. Which of these do you see where you live, and what would "
                  "a municipality need to know before acting on it?",
            "nl": "Custers noemt individualisering, mobiliteit en diversiteit als "
                  "veranderingen die ontmoeting in de wijk raken, en straatcultuur als een "
                  "nieuwe manier van samenzijn. Welke zie je waar jij woont, en wat zou een "
                  "gemeente moeten weten voordat ze erop handelt?"},
    model_answer={"en": "For instance: many residents commute and move often, so few know "
                        "their neighbours; the churches and clubs that once brought people "
                        "together have shrunk; young people meet on a square or at a "
                        "basketball court. Before acting a municipality would need to know "
                        "who meets where, at which hours, and what the places and "
                        "organisations already do — knowledge from the street, not only "
                        "from statistics (Custers). It should also ask whether street "
                        "culture's shadow sides are the whole story, before treating young "
                        "people on the street as a problem.",
                  "nl": "Bijvoorbeeld: veel bewoners forenzen en verhuizen vaak, dus weinigen "
                        "kennen hun buren; de kerken en verenigingen die mensen vroeger "
                        "samenbrachten zijn gekrompen; jongeren zien elkaar op een plein of "
                        "bij een basketbalveld. Voordat ze handelt, moet een gemeente weten "
                        "wie elkaar waar en wanneer ontmoet, en wat de plekken en organisaties "
                        "al doen — kennis van de straat, niet alleen uit statistieken "
                        "(Custers). Ze moet ook vragen of de schaduwzijden van straatcultuur "
                        "het hele verhaal zijn, voordat ze jongeren op straat als probleem "
                        "behandelt."},
))
