"""Exercises of chapter 5 (homophily): Schelling's model and tie formation.

Every expected answer is computed by the library (the seeded runs of
:mod:`wijkwijs.examples.homophily`, the homophily measures of :mod:`wijkwijs.models.ties`,
the synthetic Havenstad ties of :mod:`wijkwijs.havenstad.ties`). The tie answers build
networkx graphs, so they import the tie modules when they are computed: loading this bank
imports no graph library.

>>> from wijkwijs.exercises import get
>>> get("5.1-fraction-not-count").expected()
0.5
"""

from __future__ import annotations

import numpy as np

from wijkwijs.examples import homophily as hp
from wijkwijs.exercises import Exercise, define
from wijkwijs.models.schelling import similarity

#: A 3×3 corner of a city: -1 vacant, 0 and 1 the two groups; the centre is group 0.
FRACTION_GRID = np.array([[0, 1, -1],
                          [0, 0, 1],
                          [1, -1, 0]])
#: The class of exercise 5.2-expected-cross: 18 pupils of group A, 12 of group B.
CLASS_GROUPS = ["A"] * 18 + ["B"] * 12
#: Block sizes compared in exercise 5.1-scale.
SCALE_BLOCKS = (2, 5, 10, 25)
#: Kievitbuurt, a sampled buurt of the synthetic Havenstad.
KIEVITBUURT = "BU99010406"
#: The options of exercise 5.2-lifestyle: each household kind of the tie model
#: (``wijkwijs.models.ties.KINDS``) described for learners.
KIND_OPTIONS: dict[str, dict[str, str]] = {
    "family": {"en": "families with young children", "nl": "gezinnen met jonge kinderen"},
    "elderly": {"en": "elderly residents", "nl": "ouderen"},
    "working_class": {"en": "working-class households", "nl": "arbeidershuishoudens"},
    "young_professional": {"en": "young professionals", "nl": "jonge professionals"},
}


def _centre_fraction() -> float:
    return float(similarity(FRACTION_GRID)[1, 1])


def _wish_drop() -> float:
    return hp.schelling_run(0.3).percent_similar - hp.schelling_run(
        0.3, max_similar=0.8).percent_similar


def _most_segregated_block() -> int:
    table = hp.schelling_run(0.3).segregation(SCALE_BLOCKS)
    return int(table.loc[table.dissimilarity.idxmax(), "block_size"])


def _class_expected() -> float:
    import networkx as nx

    from wijkwijs.models.ties import expected_cross_share

    graph = nx.empty_graph(len(CLASS_GROUPS))
    nx.set_node_attributes(graph, dict(enumerate(CLASS_GROUPS)), "group")
    return expected_cross_share(graph, "group")


def _group_a_coleman() -> float:
    from wijkwijs.models.ties import coleman_index

    return float(coleman_index(hp.tie_model().graph, "group")["coleman"].loc[0])


def _bridging_rise() -> float:
    sweep = hp.bridging_sweep((0, 4))
    return float(100 * (sweep.observed.iloc[1] - sweep.observed.iloc[0]))


def _fewest_ties_kind() -> int:
    table = hp.ties_by_kind(hp.tie_model())
    return list(KIND_OPTIONS).index(table.kind.iloc[int(table.mean_ties.to_numpy().argmin())])


def _kievitbuurt_ratio() -> float:
    from wijkwijs.havenstad.ties import havenstad_homophily

    table = havenstad_homophily([KIEVITBUURT])
    return float(table.ratio.iloc[0])


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
    kind="number",
    answer=lambda: hp.schelling_run(0.3).percent_similar,
    tolerance=0.5,
    hints=[
        {"en": "Run the model with schelling_run(threshold) and read its percent_similar.",
         "nl": "Draai het model met schelling_run(drempel) en lees percent_similar af."},
        {"en": "A threshold of 30 % is the fraction 0.3: schelling_run(0.3).percent_similar.",
         "nl": "Een drempel van 30% is het aandeel 0,3: schelling_run(0.3).percent_similar."},
    ],
    solution={"en": "schelling_run(0.3).percent_similar: households who only want 30 % like "
                    "neighbours end up with far more than that on average.",
              "nl": "schelling_run(0.3).percent_similar: huishoudens die maar 30% gelijke "
                    "buren willen, krijgen er gemiddeld veel meer."},
))

define(Exercise(
    id="5.1-diversity-wish",
    kind="number",
    answer=_wish_drop,
    tolerance=0.5,
    hints=[
        {"en": "Run two models with threshold 0.3, one with max_similar=0.8, and compare "
               "their percent_similar.",
         "nl": "Draai twee modellen met drempel 0,3, één met max_similar=0.8, en vergelijk "
               "hun percent_similar."},
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
    id="5.1-scale",
    kind="number",
    answer=_most_segregated_block,
    tolerance=0.0,
    hints=[
        {"en": "Use model.segregation(block_sizes) on the city of schelling_run(0.3).",
         "nl": "Gebruik model.segregation(blokgroottes) op de stad van schelling_run(0.3)."},
        {"en": "Compare the dissimilarity for block sizes 2, 5, 10 and 25 and give the "
               "block size where it is highest.",
         "nl": "Vergelijk de dissimilariteit bij blokgroottes 2, 5, 10 en 25 en geef de "
               "blokgrootte waar die het hoogst is."},
    ],
    solution={"en": "The smallest blocks show the most segregation: the clusters Schelling's "
                    "households form are a few dwellings across, so large blocks average "
                    "them away (the modifiable areal unit problem).",
              "nl": "De kleinste blokken tonen de meeste segregatie: de clusters die "
                    "Schellings huishoudens vormen zijn een paar woningen breed, dus grote "
                    "blokken middelen ze weg (het modifiable areal unit problem)."},
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
    answer=_group_a_coleman,
    tolerance=0.005,
    hints=[
        {"en": "Compute coleman_index(graph, 'group') on tie_model().graph.",
         "nl": "Bereken coleman_index(graph, 'group') op tie_model().graph."},
        {"en": "Group A has the code 0: take the 'coleman' column at row 0.",
         "nl": "Groep A heeft code 0: neem de kolom 'coleman' in rij 0."},
    ],
    solution={"en": "coleman_index(tie_model().graph, 'group')['coleman'].loc[0]: well "
                    "above 0, so group A's ties stay within the group far more than chance.",
              "nl": "coleman_index(tie_model().graph, 'group')['coleman'].loc[0]: ruim "
                    "boven 0, dus de banden van groep A blijven veel vaker binnen de groep "
                    "dan bij toeval."},
))

define(Exercise(
    id="5.2-bridging",
    kind="number",
    answer=_bridging_rise,
    tolerance=0.5,
    hints=[
        {"en": "bridging_sweep((0, 4)) gives the observed cross-group share without and "
               "with four shared places.",
         "nl": "bridging_sweep((0, 4)) geeft het waargenomen aandeel banden tussen groepen "
               "zonder en met vier gedeelde plekken."},
        {"en": "Subtract the first from the second and multiply by 100.",
         "nl": "Trek de eerste af van de tweede en vermenigvuldig met 100."},
    ],
    solution={"en": "100 × (observed with 4 places − observed with 0): shared places "
                    "(Feld's foci) raise the share of ties across groups.",
              "nl": "100 × (waargenomen met 4 plekken − waargenomen met 0): gedeelde plekken "
                    "(Felds foci) verhogen het aandeel banden tussen groepen."},
))

define(Exercise(
    id="5.2-lifestyle",
    kind="choice",
    answer=_fewest_ties_kind,
    options=list(KIND_OPTIONS.values()),
    hints=[
        {"en": "Use ties_by_kind(tie_model()) and compare the mean number of ties.",
         "nl": "Gebruik ties_by_kind(tie_model()) en vergelijk het gemiddelde aantal banden."},
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
    id="5.2-havenstad-ratio",
    kind="number",
    answer=_kievitbuurt_ratio,
    tolerance=0.01,
    hints=[
        {"en": "Use havenstad_homophily([...]) with the code of Kievitbuurt.",
         "nl": "Gebruik havenstad_homophily([...]) met de code van Kievitbuurt."},
        {"en": "Kievitbuurt is BU99010406; read the 'ratio' column (observed / expected).",
         "nl": "Kievitbuurt is BU99010406; lees de kolom 'ratio' (waargenomen / verwacht)."},
    ],
    solution={"en": "havenstad_homophily(['BU99010406']).ratio: well below 1, so in this "
                    "synthetic buurt ties cross backgrounds far less often than chance would "
                    "give.",
              "nl": "havenstad_homophily(['BU99010406']).ratio: ruim onder 1, dus in deze "
                    "synthetische buurt lopen banden veel minder vaak tussen achtergronden "
                    "dan bij toeval."},
))
