"""Exercises of chapter 3 (the segregation paradox).

Every expected number is computed by running the paradox model
(:mod:`wijkwijs.models.paradox`) through :mod:`wijkwijs.examples.paradox` with
seed :data:`SEED` for :data:`wijkwijs.examples.paradox.YEARS` years; runs are
cached, so checking an answer after the notebook has run costs nothing.
"""

from __future__ import annotations

from wijkwijs.examples import paradox as px
from wijkwijs.exercises import Exercise, define
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
    id="3.1-low-point-year",
    kind="number",
    answer=lambda: default_summary()["low_year"],
    tolerance=2,
    hints=[
        {"en": "Look at the city line (solid) in the trajectory figure: where is it lowest?",
         "nl": "Kijk naar de lijn van de stad (doorgetrokken) in de figuur: waar is die het "
               "laagst?"},
        {"en": "In code: history.dissimilarity_city.idxmin(), or low_point(history).",
         "nl": "In code: history.dissimilarity_city.idxmin(), of low_point(history)."},
        {"en": "The low point lies in the first half of the 30 years, before year 15.",
         "nl": "Het dieptepunt ligt in de eerste helft van de 30 jaar, vóór jaar 15."},
    ],
    solution={"en": "low_point(history) returns (year, D) of the lowest city index; with the "
                    "default policy and seed 0 it falls in the first decade. The bottom is "
                    "flat, so any answer within two years counts.",
              "nl": "low_point(history) geeft (jaar, D) van de laagste stadsindex; bij het "
                    "standaardbeleid en seed 0 valt die in het eerste decennium. De bodem is "
                    "vlak, dus elk antwoord binnen twee jaar telt."},
))

define(Exercise(
    id="3.1-fall-to-low-point",
    kind="number",
    answer=lambda: default_summary()["d_city_start"] - default_summary()["d_city_low"],
    tolerance=0.01,
    hints=[
        {"en": "Subtract the lowest city D from the city D in year 0.",
         "nl": "Trek de laagste D van de stad af van de D van de stad in jaar 0."},
        {"en": "summarise(history) gives both: 'd_city_start' and 'd_city_low'.",
         "nl": "summarise(history) geeft beide: 'd_city_start' en 'd_city_low'."},
    ],
    solution={"en": "s = summarise(history); s['d_city_start'] - s['d_city_low'] — a fall of "
                    "more than a tenth of all households in the first decade of gentrification.",
              "nl": "s = summarise(history); s['d_city_start'] - s['d_city_low'] — een daling "
                    "van meer dan een tiende in het eerste decennium van gentrificatie."},
))

define(Exercise(
    id="3.1-metro-low-point-year",
    kind="number",
    answer=lambda: default_summary()["metro_low_year"],
    tolerance=2,
    hints=[
        {"en": "Now look at the dashed line: the whole region, suburbs included.",
         "nl": "Kijk nu naar de gestreepte lijn: de hele regio, randgemeenten inbegrepen."},
        {"en": "low_point(history, 'dissimilarity_metro') gives its year and value.",
         "nl": "low_point(history, 'dissimilarity_metro') geeft het jaar en de waarde."},
        {"en": "It comes a few years later than the city's low point.",
         "nl": "Het komt een paar jaar later dan het dieptepunt van de stad."},
    ],
    solution={"en": "low_point(history, 'dissimilarity_metro')[0]. The regional index keeps "
                    "falling for a few years after the city index has turned, because poorer "
                    "households moving into well-off suburbs first mix those suburbs.",
              "nl": "low_point(history, 'dissimilarity_metro')[0]. De regionale index daalt "
                    "nog een paar jaar nadat de stadsindex is gekeerd, omdat armere "
                    "huishoudens die naar welgestelde randgemeenten trekken die eerst mengen."},
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
                    "households were displaced by rising rents, or newcomers could no longer "
                    "afford the city (Hochstenbach & Musterd 2018 call this the "
                    "suburbanisation of poverty).",
              "nl": "b) Inkomens liggen vast in het model, en het centrum wordt steeds rijker. "
                    "Het aandeel lage inkomens daalt in de stad en stijgt in de randgemeenten: "
                    "huishoudens werden verdreven door stijgende huren, of nieuwkomers konden "
                    "de stad niet meer betalen (Hochstenbach & Musterd 2018: "
                    "suburbanisering van armoede)."},
))

define(Exercise(
    id="3.2-protective-final",
    kind="number",
    answer=lambda: protective_summary()["d_city_final"],
    tolerance=0.01,
    hints=[
        {"en": "Run the protective policy for 30 years and read the city D in the last year.",
         "nl": "Draai het beschermende beleid 30 jaar en lees de D van de stad in het laatste "
               "jaar af."},
        {"en": "run_scenario(PROTECTIVE_POLICY, seed=0) returns the history; take "
               "history.dissimilarity_city.iloc[-1].",
         "nl": "run_scenario(PROTECTIVE_POLICY, seed=0) geeft de history; neem "
               "history.dissimilarity_city.iloc[-1]."},
    ],
    solution={"en": "history, _ = run_scenario(PROTECTIVE_POLICY, seed=0); "
                    "history.dissimilarity_city.iloc[-1]: well below its starting value, "
                    "with no long-run rise.",
              "nl": "history, _ = run_scenario(PROTECTIVE_POLICY, seed=0); "
                    "history.dissimilarity_city.iloc[-1]: ruim onder de beginwaarde, zonder "
                    "stijging op de lange termijn."},
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
        {"en": "Use the table with one lever moved at a time, and compare the column "
               "'D city, final year'.",
         "nl": "Gebruik de tabel met telkens één hendel verschoven, en vergelijk de kolom "
               "'D stad, laatste jaar'."},
        {"en": "The lowest value in year 30 wins. strongest_lever('d_city_final') computes it.",
         "nl": "De laagste waarde in jaar 30 wint. strongest_lever('d_city_final') berekent het."},
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
        {"en": "Same table, another column: 'Low-income share city, final year'. Here the "
               "highest value wins: the most low-income households still live in the city.",
         "nl": "Zelfde tabel, andere kolom: 'Aandeel lage inkomens stad, laatste jaar'. Hier "
               "wint de hoogste waarde: de meeste lage inkomens wonen nog in de stad."},
        {"en": "strongest_lever('low_share_city_final') computes it. Is it the same lever as "
               "in the previous exercise?",
         "nl": "strongest_lever('low_share_city_final') berekent het. Is het dezelfde hendel "
               "als in de vorige opdracht?"},
    ],
    solution={"en": "strongest_lever('low_share_city_final', seeds=(0,)): selling fewer social "
                    "homes keeps the most low-income households in the city, while a higher "
                    "protected share keeps the city most evenly mixed. Which lever is 'best' "
                    "depends on what you measure.",
              "nl": "strongest_lever('low_share_city_final', seeds=(0,)): minder sociale "
                    "woningen verkopen houdt de meeste lage inkomens in de stad, terwijl een "
                    "groter beschermd deel de stad het gelijkmatigst gemengd houdt. Welke "
                    "hendel 'het best' is, hangt af van wat je meet."},
))
