"""Exercises of chapter 1 (inequality): income and wealth, Lorenz and Gini, shares and Theil.

Every expected answer is computed by the library when it is checked: from the
published CBS figures (``published("nl_inequality")``), from the five households
of notebook 1.2 (``LORENZ_FIVE``), or from the synthetic city Havenstad.

>>> from wijkwijs.exercises import get
>>> round(get("1.2-gini-five").expected(), 3)
0.304
"""

from __future__ import annotations

import pandas as pd

from wijkwijs.examples.incomes import LORENZ_FIVE, redistribute
from wijkwijs.exercises import Exercise, define
from wijkwijs.havenstad.constants import CITY_CODE
from wijkwijs.inequality import bottom_share, gini, palma, theil_decomposition

#: The flat tax of exercise 1.2-flat-tax, as a fraction.
FLAT_TAX = 0.30
#: The year of the Havenstad exercises (synthetic data), in the city itself (CITY_CODE).
HAVENSTAD_YEAR = 2022
#: How the notebooks load those households, as the hints write it.
_LOAD_CITY = f"havenstad('household_years', year={HAVENSTAD_YEAR}, code='{CITY_CODE}')"


def nl_inequality() -> pd.DataFrame:
    """The published Dutch Gini series (CBS 83739NED), indexed by year."""
    from wijkwijs.published import published

    return published("nl_inequality").set_index("year")


def havenstad_city_households(year: int = HAVENSTAD_YEAR) -> pd.DataFrame:
    """Households living in the (synthetic) city of Havenstad in ``year``: income and buurt."""
    from wijkwijs.havenstad import havenstad

    return havenstad("household_years", year=year, code=CITY_CODE)


def _gini_gap_2022() -> float:
    row = nl_inequality().loc[2022]
    return float(row["gini_wealth"] - row["gini_standardised_income"])


def _years_income_gini_above_030() -> set[int]:
    series = nl_inequality()["gini_standardised_income"]
    return {int(year) for year in series.index[series > 0.30]}


def _between_share_havenstad() -> float:
    households = havenstad_city_households()
    d = theil_decomposition(households["income"], households["buurt_code"])
    return d.between / d.total


def _palma_havenstad() -> float:
    return palma(havenstad_city_households()["income"])


# --------------------------------------------------------------------------- 1.1
define(Exercise(
    id="1.1-gini-gap-2022",
    kind="number",
    answer=_gini_gap_2022,
    tolerance=0.002,
    hints=[
        {"en": "Look up the 2022 row of published('nl_inequality').",
         "nl": "Zoek de rij van 2022 op in published('nl_inequality')."},
        {"en": "Subtract the column gini_standardised_income from gini_wealth.",
         "nl": "Trek de kolom gini_standardised_income af van gini_wealth."},
    ],
    solution={"en": "nl = published('nl_inequality'); row = nl[nl.year == 2022]; "
                    "row.gini_wealth.item() - row.gini_standardised_income.item() "
                    "(2022 is provisional).",
              "nl": "nl = published('nl_inequality'); rij = nl[nl.year == 2022]; "
                    "rij.gini_wealth.item() - rij.gini_standardised_income.item() "
                    "(2022 is voorlopig)."},
))

define(Exercise(
    id="1.1-gini-meaning",
    kind="choice",
    answer=1,
    options=[
        {"en": "75% of households have no wealth",
         "nl": "75% van de huishoudens heeft geen vermogen"},
        {"en": "Two households picked at random differ on average by 1.5 times the mean",
         "nl": "Twee willekeurige huishoudens verschillen gemiddeld 1,5 keer het gemiddelde"},
        {"en": "The richest 25% own 75% of all wealth",
         "nl": "De rijkste 25% bezit 75% van al het vermogen"},
    ],
    hints=[
        {"en": "The Gini is half of the average gap between two households, divided by "
               "the mean.",
         "nl": "De Gini is de helft van het gemiddelde verschil tussen twee huishoudens, "
               "gedeeld door het gemiddelde."},
        {"en": "So the average gap is 2 × Gini × mean. What is 2 × 0.75?",
         "nl": "Het gemiddelde verschil is dus 2 × Gini × gemiddelde. Hoeveel is 2 × 0,75?"},
    ],
    solution={"en": "b) The mean absolute difference is 2 × G × mean = 1.5 × mean. A Gini "
                    "says nothing directly about who owns what share: many Lorenz curves "
                    "have the same Gini.",
              "nl": "b) Het gemiddelde absolute verschil is 2 × G × gemiddelde = 1,5 × "
                    "gemiddelde. Een Gini zegt niet direct wie welk aandeel bezit: veel "
                    "Lorenzcurves hebben dezelfde Gini."},
))

define(Exercise(
    id="1.1-years-above-030",
    kind="set",
    answer=_years_income_gini_above_030,
    hints=[
        {"en": "Use the column gini_standardised_income of published('nl_inequality').",
         "nl": "Gebruik de kolom gini_standardised_income van published('nl_inequality')."},
        {"en": "Keep the rows where that column is greater than 0.30 and list their years.",
         "nl": "Houd de rijen over waar die kolom groter is dan 0,30 en noem hun jaren."},
    ],
    solution={"en": "nl = published('nl_inequality'); "
                    "set(nl.year[nl.gini_standardised_income > 0.30]): two isolated years, "
                    "not a trend.",
              "nl": "nl = published('nl_inequality'); "
                    "set(nl.year[nl.gini_standardised_income > 0.30]): twee losse jaren, "
                    "geen trend."},
))

# --------------------------------------------------------------------------- 1.2
define(Exercise(
    id="1.2-bottom-two",
    kind="number",
    answer=lambda: bottom_share(LORENZ_FIVE, 0.4),
    tolerance=0.005,
    hints=[
        {"en": "The two poorest households are 40% of the five. Add up their incomes.",
         "nl": "De twee armste huishoudens zijn 40% van de vijf. Tel hun inkomens op."},
        {"en": "Divide (12,000 + 18,000) by the total income, 150,000; answer as a "
               "fraction (0.5 for 50%).",
         "nl": "Deel (12.000 + 18.000) door het totale inkomen, 150.000; antwoord als "
               "fractie (0,5 voor 50%)."},
    ],
    solution={"en": "(12,000 + 18,000) / 150,000 = 0.20: the poorest 40% have 20% of the "
                    "income. That is the point (0.4, 0.2) of the Lorenz curve.",
              "nl": "(12.000 + 18.000) / 150.000 = 0,20: de armste 40% hebben 20% van het "
                    "inkomen. Dat is het punt (0,4; 0,2) van de Lorenzcurve."},
))

define(Exercise(
    id="1.2-gini-five",
    kind="number",
    answer=lambda: gini(LORENZ_FIVE),
    tolerance=0.002,
    hints=[
        {"en": "Use G = (sum of all gaps |x_i - x_j|) / (2 n² μ), with n = 5 and μ the mean.",
         "nl": "Gebruik G = (som van alle verschillen |x_i - x_j|) / (2 n² μ), met n = 5 en "
               "μ het gemiddelde."},
        {"en": "The mean is 30,000. The gaps table sums to 456,000 (each pair counted "
               "twice). Or call gini(LORENZ_FIVE).",
         "nl": "Het gemiddelde is 30.000. De tabel met verschillen telt op tot 456.000 (elk "
               "paar twee keer). Of roep gini(LORENZ_FIVE) aan."},
    ],
    solution={"en": "456,000 / (2 × 25 × 30,000) = 0.304, about the Dutch income Gini.",
              "nl": "456.000 / (2 × 25 × 30.000) = 0,304, ongeveer de Nederlandse "
                    "inkomens-Gini."},
))

define(Exercise(
    id="1.2-flat-tax",
    kind="number",
    answer=lambda: gini(redistribute(LORENZ_FIVE, FLAT_TAX, budget_neutral=True)),
    tolerance=0.002,
    hints=[
        {"en": "Every gap between two households shrinks by the same factor, and the mean "
               "does not change.",
         "nl": "Elk verschil tussen twee huishoudens krimpt met dezelfde factor, en het "
               "gemiddelde verandert niet."},
        {"en": "The factor is 1 − 0.30. Multiply the Gini of the five households by it.",
         "nl": "De factor is 1 − 0,30. Vermenigvuldig de Gini van de vijf huishoudens ermee."},
    ],
    solution={"en": "y = 0.7 x + 0.3 μ, so every |y_i − y_j| = 0.7 |x_i − x_j| and the mean "
                    "stays μ: G = 0.7 × 0.304 = 0.2128. In code: "
                    "gini(redistribute(LORENZ_FIVE, 0.3, budget_neutral=True)).",
              "nl": "y = 0,7 x + 0,3 μ, dus elk |y_i − y_j| = 0,7 |x_i − x_j| en het "
                    "gemiddelde blijft μ: G = 0,7 × 0,304 = 0,2128. In code: "
                    "gini(redistribute(LORENZ_FIVE, 0.3, budget_neutral=True))."},
))

# --------------------------------------------------------------------------- 1.3
define(Exercise(
    id="1.3-palma-name",
    kind="text",
    answer=["Palma", "Palma ratio", "the Palma ratio", "Palma-ratio", "de Palma-ratio",
            "Palma index"],
    hints=[
        {"en": "It is named after the Chilean economist who noticed that the middle "
               "classes hold about half of the income almost everywhere.",
         "nl": "Ze is genoemd naar de Chileense econoom die zag dat de middengroepen bijna "
               "overal ongeveer de helft van het inkomen hebben."},
        {"en": "José Gabriel P…", "nl": "José Gabriel P…"},
    ],
    solution={"en": "The Palma ratio (Palma 2011; Cobham & Sumner 2013).",
              "nl": "De Palma-ratio (Palma 2011; Cobham & Sumner 2013)."},
))

define(Exercise(
    id="1.3-palma-havenstad",
    kind="number",
    answer=_palma_havenstad,
    rel_tolerance=0.01,
    hints=[
        {"en": f"Load the households of the city ({CITY_CODE}) in {HAVENSTAD_YEAR} and use "
               "their income column.",
         "nl": f"Laad de huishoudens van de stad ({CITY_CODE}) in {HAVENSTAD_YEAR} en gebruik "
               "hun inkomenskolom."},
        {"en": f"palma({_LOAD_CITY}['income'])",
         "nl": f"palma({_LOAD_CITY}['income'])"},
    ],
    solution={"en": f"palma({_LOAD_CITY}['income']): "
                    "the top 10% share divided by the bottom 40% share (synthetic data).",
              "nl": f"palma({_LOAD_CITY}['income']): "
                    "het aandeel van de top 10% gedeeld door dat van de onderste 40% "
                    "(synthetische data)."},
))

define(Exercise(
    id="1.3-decomposable",
    kind="choice",
    answer=1,
    options=[
        {"en": "The Gini coefficient", "nl": "De Gini-coëfficiënt"},
        {"en": "The Theil index", "nl": "De Theil-index"},
        {"en": "The P90/P10 ratio", "nl": "De P90/P10-ratio"},
    ],
    hints=[
        {"en": "We want: total = between groups + within groups, exactly, for any groups.",
         "nl": "We willen: totaal = tussen groepen + binnen groepen, precies, voor elke "
               "indeling in groepen."},
        {"en": "For the Gini an overlap term remains when the groups' incomes overlap "
               "(Shorrocks 1980).",
         "nl": "Bij de Gini blijft een overlapterm over als de inkomens van groepen "
               "overlappen (Shorrocks 1980)."},
    ],
    solution={"en": "b) The Theil index (and the mean log deviation) decompose exactly into "
                    "between and within; Shorrocks (1980) showed that the additively "
                    "decomposable measures are the generalised entropy family.",
              "nl": "b) De Theil-index (en de mean log deviation) splitsen precies in tussen "
                    "en binnen; Shorrocks (1980) liet zien dat de additief decomponeerbare "
                    "maten de familie van gegeneraliseerde entropie zijn."},
))

define(Exercise(
    id="1.3-between-share",
    kind="number",
    answer=_between_share_havenstad,
    tolerance=0.01,
    hints=[
        {"en": "Decompose Theil T of the city's household incomes in 2022 by buurt_code.",
         "nl": "Splits de Theil T van de huishoudinkomens in de stad in 2022 naar "
               "buurt_code."},
        {"en": "d = theil_decomposition(h['income'], h['buurt_code']); answer d.between / "
               "d.total as a fraction.",
         "nl": "d = theil_decomposition(h['income'], h['buurt_code']); antwoord d.between / "
               "d.total als fractie."},
    ],
    solution={"en": f"h = {_LOAD_CITY}; "
                    "d = theil_decomposition(h['income'], h['buurt_code']); d.between / d.total. "
                    "The rest, d.within / d.total, is inequality inside the buurten.",
              "nl": f"h = {_LOAD_CITY}; "
                    "d = theil_decomposition(h['income'], h['buurt_code']); d.between / d.total. "
                    "De rest, d.within / d.total, is ongelijkheid binnen de buurten."},
))
