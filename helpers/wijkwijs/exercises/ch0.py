"""Exercises of chapter 0 (welcome): practise checking an answer, predicting, reading."""

from __future__ import annotations

import numpy as np

from wijkwijs.examples.incomes import FIVE_BASE, five_incomes
from wijkwijs.exercises import Exercise, Reflection, define

WELCOME_INCOMES = [20_000, 30_000, 70_000]
#: The richest income of exercise 0.3-predict-median (the explorer's largest value).
RICHEST = 1_000_000
_MEDIAN_OPTIONS = [
    {"en": "The median rises about as much as the mean",
     "nl": "De mediaan stijgt ongeveer even veel als het gemiddelde"},
    {"en": "The median rises a little", "nl": "De mediaan stijgt een beetje"},
    {"en": "The median does not move", "nl": "De mediaan verandert niet"},
]


def median_change() -> float:
    """How much the median of the five households moves when the richest earns a million.

    >>> median_change()
    0.0
    """
    return float(np.median(five_incomes(RICHEST)) - np.median(FIVE_BASE))


def _median_option() -> int:
    change = median_change()
    mean_change = float(np.mean(five_incomes(RICHEST)) - np.mean(FIVE_BASE))
    if change == 0:
        return 2
    return 0 if change > 0.5 * mean_change else 1


define(Exercise(
    id="0.1-mean-income",
    kind="number",
    answer=lambda: sum(WELCOME_INCOMES) / len(WELCOME_INCOMES),
    tolerance=1.0,
    hints=[
        {"en": "The mean is the sum of the incomes divided by the number of households.",
         "nl": "Het gemiddelde is de som van de inkomens gedeeld door het aantal huishoudens."},
        {"en": "The sum is 120,000 and there are 3 households.",
         "nl": "De som is 120.000 en er zijn 3 huishoudens."},
    ],
    solution={"en": "(20,000 + 30,000 + 70,000) / 3 = 40,000 euro.",
              "nl": "(20.000 + 30.000 + 70.000) / 3 = 40.000 euro."},
))

define(Exercise(
    id="0.2-what-connects",
    kind="choice",
    answer=2,
    options=[
        {"en": "Nothing more: once the homes are mixed, residents of all incomes will mix",
         "nl": "Niets meer: als de woningen gemengd zijn, mengen bewoners van alle inkomens"},
        {"en": "A higher liveability score for the neighbourhood",
         "nl": "Een hogere leefbaarheidsscore voor de buurt"},
        {"en": "Places and organisations where residents meet: the social infrastructure",
         "nl": "Plekken en organisaties waar bewoners elkaar ontmoeten: de sociale infrastructuur"},
    ],
    hints=[
        {"en": "The course argues that mixing homes alone does not make people meet: people "
               "tend to befriend people like themselves, and lifestyles differ.",
         "nl": "De cursus stelt dat alleen woningen mengen mensen niet samenbrengt: mensen "
               "zoeken doorgaans mensen die op hen lijken, en leefstijlen verschillen."},
        {"en": "A liveability score is a statistic about an area; think instead of community "
               "centres, sports clubs, mosques and cafés.",
         "nl": "Een leefbaarheidsscore is een statistiek over een gebied; denk liever aan "
               "buurthuizen, sportclubs, moskeeën en cafés."},
    ],
    solution={"en": "c) The social infrastructure: places and organisations that bring "
                    "residents together, refer them on for help and link them to government. "
                    "Custers: physical proximity is no guarantee of social contact; for that "
                    "a good social infrastructure is needed.",
              "nl": "c) De sociale infrastructuur: plekken en organisaties die bewoners "
                    "samenbrengen, doorverwijzen voor hulp en hen verbinden met de overheid. "
                    "Custers: fysieke nabijheid is allerminst een garantie voor sociaal "
                    "contact; daarvoor is een goede sociale infrastructuur nodig."},
))

define(Exercise(
    id="0.3-predict-median",
    kind="choice",
    answer=_median_option,
    options=_MEDIAN_OPTIONS,
    hints=[
        {"en": "The median is the income of the middle household when the five are put in "
               "order. Does raising the richest income change who is in the middle?",
         "nl": "De mediaan is het inkomen van het middelste huishouden als je de vijf op "
               "volgorde zet. Verandert een hoger topinkomen wie in het midden staat?"},
        {"en": "Check it: compare np.median(five_incomes(45_000)) with "
               "np.median(five_incomes(1_000_000)), or move the explorer's slider.",
         "nl": "Controleer het: vergelijk np.median(five_incomes(45_000)) met "
               "np.median(five_incomes(1_000_000)), of schuif met de schuifregelaar."},
    ],
    solution={"en": "c) The median does not move: the middle household stays the middle "
                    "household, while the mean follows the richest one up. That is why "
                    "statistics on inequality often report medians.",
              "nl": "c) De mediaan verandert niet: het middelste huishouden blijft in het "
                    "midden, terwijl het gemiddelde met het rijkste huishouden meestijgt. "
                    "Daarom rapporteren statistieken over ongelijkheid vaak medianen."},
))

define(Reflection(
    "0.1-reflect",
    prompt={"en": "Think of a neighbourhood you know. Who lives there, and where do residents "
                  "of different incomes actually meet — or do they not meet at all?",
            "nl": "Denk aan een buurt die je kent. Wie wonen er, en waar ontmoeten bewoners "
                  "met verschillende inkomens elkaar echt — of ontmoeten ze elkaar helemaal "
                  "niet?"},
    model_answer={"en": "A good answer names who lives there (owners and tenants, families, "
                        "older people, students) and then real places: the school gate, a "
                        "sports club, a supermarket, a community centre, a mosque or church, "
                        "a playground. It may notice that some groups live side by side "
                        "without meeting, for instance because their social life takes place "
                        "elsewhere in the city. Those are the course's questions: who lives "
                        "apart from whom (chapters 1–3), why living close does not mean "
                        "meeting (chapters 4–5), and what does connect residents (chapters "
                        "6–8).",
                  "nl": "Een goed antwoord noemt wie er wonen (eigenaren en huurders, gezinnen, "
                        "ouderen, studenten) en dan echte plekken: het schoolplein, een "
                        "sportclub, een supermarkt, een buurthuis, een moskee of kerk, een "
                        "speeltuin. Het merkt misschien op dat sommige groepen naast elkaar "
                        "wonen zonder elkaar te ontmoeten, bijvoorbeeld omdat hun sociale "
                        "leven zich elders in de stad afspeelt. Dat zijn de vragen van de "
                        "cursus: wie woont gescheiden van wie (hoofdstukken 1–3), waarom "
                        "dichtbij wonen niet betekent dat je elkaar ontmoet (hoofdstukken "
                        "4–5), en wat bewoners wel verbindt (hoofdstukken 6–8)."},
))
