"""Exercises of chapter 1 (inequality): income and wealth, Lorenz and Gini, shares and Theil.

Every expected answer is computed by the library when it is checked: from the
published figures (CBS ``published("nl_inequality")``, the World Inequality Reports'
``world_top_shares()``), from the five households of notebook 1.2 (``LORENZ_FIVE``),
or from the synthetic city Havenstad. Most exercises ask for a prediction before the
output that settles it, a reading of a figure, or a choice between policies; each
notebook ends with a reflection (``1.k-reflect``).

>>> from wijkwijs.exercises import get
>>> round(get("1.2-gini-five").expected(), 3)
0.304
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from wijkwijs.examples.incomes import LORENZ_FIVE, redistribute, richest_gain
from wijkwijs.exercises import Exercise, Reflection, define
from wijkwijs.havenstad.constants import CITY_CODE
from wijkwijs.inequality import (
    bottom_share,
    gini,
    palma,
    percentile_ratio,
    theil_decomposition,
    top_share,
)

#: The flat tax of exercises 1.2-flat-tax and 1.2-which-policy, as a fraction.
FLAT_TAX = 0.30
#: The tax of the three proposals of exercise 1.2-which-policy, and the raise of option c.
POLICY_TAX, POLICY_RAISE = 0.40, 0.10
#: The latest year of the Dutch series used by exercise 1.1-income-gap-euros.
NL_YEAR = 2022
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


def top1_rise(region: str) -> float:
    """Percentage points by which a region's published top 1 % share rose, first to last year."""
    from wijkwijs.published import world_top_shares

    shares = world_top_shares()
    rows = shares[(shares.region == region) & (shares.group == "top_1")].sort_values("year")
    if len(rows) < 2:
        raise ValueError(f"no top 1% series of two or more years for {region!r}.")
    return float(rows.share_pct.iloc[-1] - rows.share_pct.iloc[0])


def dutch_income_trend() -> int:
    """0 rising, 1 no clear trend, 2 falling: the Dutch income Gini series 2011–2022.

    "No clear trend" when the first and last years differ by less than 0.01 and the
    whole series stays within a band of 0.03 (CBS rounds to three decimals).
    """
    series = nl_inequality()["gini_standardised_income"]
    change = float(series.iloc[-1] - series.iloc[0])
    if abs(change) < 0.01 and float(series.max() - series.min()) < 0.03:
        return 1
    return 0 if change > 0 else 2


def _income_gap_k_eur() -> float:
    row = nl_inequality().loc[NL_YEAR]
    return float(2 * row["gini_standardised_income"] * row["mean_standardised_income_k_eur"])


def policy_ginis() -> list[float]:
    """The Gini of the five households after each proposal of exercise 1.2-which-policy."""
    x = np.asarray(LORENZ_FIVE, dtype=float)
    return [gini(redistribute(x, POLICY_TAX, 0.0)),                    # a) tax, spent elsewhere
            gini(redistribute(x, POLICY_TAX, budget_neutral=True)),    # b) tax → basic income
            gini(x * (1 + POLICY_RAISE))]                              # c) everyone +10 %


def _best_policy() -> int:
    ginis = policy_ginis()
    return int(np.argmin(ginis))


def measures_moved_by_the_richest() -> dict[str, bool]:
    """Which measures change when Havenstad's richest 1 % double their income (2022)."""
    x = havenstad_city_households()["income"].to_numpy(float)
    after = richest_gain(x, 0.01, 2.0)
    before_after = {
        "gini": (gini(x), gini(after)),
        "top_1": (top_share(x, 0.01), top_share(after, 0.01)),
        "palma": (palma(x), palma(after)),
        "p90_p10": (percentile_ratio(x), percentile_ratio(after)),
    }
    return {name: not np.isclose(b, a, rtol=1e-9, atol=0) for name, (b, a) in
            before_after.items()}


def _which_measure() -> int:
    moved = measures_moved_by_the_richest()
    if moved["p90_p10"]:
        return 2
    if moved["top_1"] and moved["palma"] and moved["gini"]:
        return 1
    return 0


def _between_share_havenstad() -> float:
    households = havenstad_city_households()
    d = theil_decomposition(households["income"], households["buurt_code"])
    return d.between / d.total


def _palma_havenstad() -> float:
    return palma(havenstad_city_households()["income"])


# --------------------------------------------------------------------------- 1.1
define(Exercise(
    id="1.1-world-drivers",
    kind="choice",
    answer=1,
    options=[
        {"en": "Globalisation alone sets the top share, so the two regions cannot really "
               "differ: one of the series must be wrong",
         "nl": "Globalisering alleen bepaalt het topaandeel, dus de twee regio's kunnen niet "
               "echt verschillen: een van de reeksen moet fout zijn"},
        {"en": "Common forces do not fix the outcome: national policies and institutions "
               "(taxes, wage setting, education, labour-market rules) shape how much of "
               "the income goes to the top",
         "nl": "Gemeenschappelijke krachten bepalen de uitkomst niet: nationaal beleid en "
               "instituties (belastingen, loonvorming, onderwijs, arbeidsmarktregels) "
               "bepalen mee hoeveel inkomen naar de top gaat"},
        {"en": "Western Europe was not touched by globalisation or by disappearing "
               "occupations",
         "nl": "West-Europa werd niet geraakt door globalisering of door verdwijnende "
               "beroepen"},
    ],
    hints=[
        {"en": "Were the United States and Western Europe exposed to the same world "
               "economy after 1980? Then what can explain different outcomes?",
         "nl": "Hadden de Verenigde Staten en West-Europa na 1980 met dezelfde "
               "wereldeconomie te maken? Wat kan dan verschillende uitkomsten verklaren?"},
        {"en": "The World Inequality Lab reads the different speeds as a sign that "
               "country-specific policies and institutions matter (Alvaredo et al. 2017).",
         "nl": "Het World Inequality Lab leest de verschillende snelheden als teken dat "
               "beleid en instituties per land ertoe doen (Alvaredo e.a. 2017)."},
    ],
    solution={"en": "b) Both regions traded in the same world economy and saw the same "
                    "technologies replace routine jobs, yet the United States' top 1% share "
                    "rose several times as much as Western Europe's (compare top1_rise('United "
                    "States') with top1_rise('Western Europe')). Alvaredo, Chancel, Piketty, "
                    "Saez & Zucman (2017) conclude that country-specific policies and "
                    "institutions matter considerably. Option c is false: Europe was "
                    "exposed too.",
              "nl": "b) Beide regio's handelden in dezelfde wereldeconomie en zagen dezelfde "
                    "technologie routinebanen vervangen, maar het aandeel van de top 1% in de "
                    "Verenigde Staten steeg een veelvoud van dat in West-Europa (vergelijk "
                    "top1_rise('United States') met top1_rise('Western Europe')). Alvaredo, "
                    "Chancel, Piketty, Saez & Zucman (2017) concluderen dat beleid en "
                    "instituties per land sterk meetellen. Optie c klopt niet: ook Europa "
                    "werd eraan blootgesteld."},
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
    id="1.1-income-gap-euros",
    kind="number",
    answer=_income_gap_k_eur,
    rel_tolerance=0.01,
    hints=[
        {"en": "Two random households differ on average by 2 × Gini × the mean. Take the "
               f"{NL_YEAR} row of published('nl_inequality').",
         "nl": "Twee willekeurige huishoudens verschillen gemiddeld 2 × Gini × het "
               f"gemiddelde. Neem de rij van {NL_YEAR} uit published('nl_inequality')."},
        {"en": "Multiply 2 × gini_standardised_income × mean_standardised_income_k_eur; the "
               "answer is in thousands of euros.",
         "nl": "Vermenigvuldig 2 × gini_standardised_income × mean_standardised_income_k_eur; "
               "het antwoord is in duizenden euro's."},
    ],
    solution={"en": f"row = nl[nl.year == {NL_YEAR}]; 2 * row.gini_standardised_income.item() "
                    "* row.mean_standardised_income_k_eur.item(): a typical gap between two "
                    "households of somewhat more than half the mean standardised income, in "
                    "thousands of euros (CBS 83739NED; the last year is provisional).",
              "nl": f"rij = nl[nl.year == {NL_YEAR}]; 2 * rij.gini_standardised_income.item() "
                    "* rij.mean_standardised_income_k_eur.item(): een typisch verschil tussen "
                    "twee huishoudens van iets meer dan de helft van het gemiddelde "
                    "gestandaardiseerde inkomen, in duizenden euro's (CBS 83739NED; het "
                    "laatste jaar is voorlopig)."},
))

define(Exercise(
    id="1.1-dutch-trend",
    kind="choice",
    answer=dutch_income_trend,
    options=[
        {"en": "It rose steadily, like the top 1% share in the United States",
         "nl": "Ze steeg gestaag, zoals het aandeel van de top 1% in de Verenigde Staten"},
        {"en": "No clear trend: it moved up and down within a narrow band",
         "nl": "Geen duidelijke trend: ze ging op en neer binnen een smalle band"},
        {"en": "It fell steadily",
         "nl": "Ze daalde gestaag"},
    ],
    hints=[
        {"en": "Look at the income line of the Dutch figure, not the wealth line: compare "
               "the first and the last year, and the highest and the lowest.",
         "nl": "Kijk naar de inkomenslijn van de Nederlandse figuur, niet naar de "
               "vermogenslijn: vergelijk het eerste en het laatste jaar, en het hoogste en "
               "het laagste."},
        {"en": "nl.gini_standardised_income.agg(['first', 'last', 'min', 'max']): how far "
               "apart are these?",
         "nl": "nl.gini_standardised_income.agg(['first', 'last', 'min', 'max']): hoe ver "
               "liggen die uit elkaar?"},
    ],
    solution={"en": "b) The income Gini ends about where it began, and every year lies in a "
                    "narrow band; the two years above 0.30 are single years, not a trend. The "
                    "Netherlands is not one of Piketty's headline cases for income over this "
                    "period. Its wealth Gini is far higher, and that is where the story is.",
              "nl": "b) De inkomens-Gini eindigt ongeveer waar ze begon en elk jaar ligt in een "
                    "smalle band; de twee jaren boven 0,30 zijn losse jaren, geen trend. "
                    "Nederland is voor inkomen in deze periode geen van Piketty's "
                    "voorbeeldlanden. De vermogens-Gini ligt veel hoger, en daar zit het "
                    "verhaal."},
))

define(Reflection(
    "1.1-reflect",
    prompt={"en": "Custers, following Piketty, names globalisation, the liberalisation of "
                  "economies and disappearing occupations as drivers of rising inequality. "
                  "The Dutch income Gini hardly moved from 2011 to 2022. Does that mean "
                  "inequality is not a Dutch problem? Think of wealth, of the very top, and "
                  "of where people live.",
            "nl": "Custers noemt, in navolging van Piketty, globalisering, de liberalisering "
                  "van economieën en het verdwijnen van beroepen als oorzaken van groeiende "
                  "ongelijkheid. De Nederlandse inkomens-Gini bewoog van 2011 tot 2022 "
                  "nauwelijks. Is ongelijkheid dan geen Nederlands probleem? Denk aan "
                  "vermogen, aan de absolute top en aan waar mensen wonen."},
    model_answer={"en": "Not necessarily. A flat income Gini after taxes and benefits shows "
                        "that Dutch redistribution held income inequality steady; it says "
                        "nothing about wealth, which is far more unequal and moves with house "
                        "prices, nor about pension savings, which the CBS wealth figures leave "
                        "out. A Gini is also not very sensitive to the very top: top shares "
                        "can move while the Gini hardly does. And inequality can show up in "
                        "space: Custers, summarising San Millán, Cottineau-Mugadza & van Ham "
                        "(2025), notes that households with the ten per cent lowest incomes "
                        "increasingly live apart from other income groups, and that the "
                        "richest one per cent often live in separate neighbourhoods. Chapter 2 "
                        "measures that.",
                  "nl": "Niet per se. Een vlakke inkomens-Gini na belastingen en toeslagen "
                        "laat zien dat de Nederlandse herverdeling de inkomensongelijkheid "
                        "stabiel hield; ze zegt niets over vermogen, dat veel ongelijker is en "
                        "met de huizenprijzen meebeweegt, en niets over pensioensparen, dat de "
                        "CBS-vermogenscijfers weglaten. Een Gini is ook weinig gevoelig voor "
                        "de absolute top: topaandelen kunnen bewegen terwijl de Gini nauwelijks "
                        "verandert. En ongelijkheid kan zich ruimtelijk tonen: Custers merkt op, "
                        "in zijn samenvatting van San Millán, Cottineau-Mugadza & van Ham "
                        "(2025), dat huishoudens met de tien procent laagste inkomens steeds "
                        "vaker gescheiden van andere inkomensgroepen wonen, en dat de rijkste "
                        "één procent vaak in aparte wijken woont. Hoofdstuk 2 meet dat."},
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
    id="1.2-which-policy",
    kind="choice",
    answer=_best_policy,
    options=[
        {"en": "A 40% flat tax; the revenue is spent on repairing the street, nobody is "
               "paid anything",
         "nl": "Een vlaktaks van 40%; de opbrengst gaat naar het opknappen van de straat, "
               "niemand krijgt iets uitbetaald"},
        {"en": "A 40% flat tax; the revenue is shared out equally as a basic income",
         "nl": "Een vlaktaks van 40%; de opbrengst wordt gelijk verdeeld als basisinkomen"},
        {"en": "Every household gets a 10% raise, paid from outside the street",
         "nl": "Elk huishouden krijgt 10% loonsverhoging, betaald van buiten de straat"},
    ],
    hints=[
        {"en": "The Gini does not change when every income is multiplied by the same "
               "number. Which proposals only multiply?",
         "nl": "De Gini verandert niet als elk inkomen met hetzelfde getal wordt "
               "vermenigvuldigd. Welke voorstellen vermenigvuldigen alleen?"},
        {"en": "a) gives 0.6 x and c) 1.1 x; only b) adds the same amount to everyone. Check: "
               "policy_ginis() in wijkwijs.exercises.ch1.",
         "nl": "a) geeft 0,6 x en c) 1,1 x; alleen b) telt bij iedereen hetzelfde bedrag op. "
               "Controleer: policy_ginis() in wijkwijs.exercises.ch1."},
    ],
    solution={"en": "b) A tax without payments (0.6 x) and a raise for all (1.1 x) change "
                    "every income by the same factor, so every gap and the mean change by that "
                    "factor and the Gini stays the same. Sharing the revenue equally adds the "
                    "same amount to everyone: gaps shrink to 0.6 of what they were while the "
                    "mean stays, so G falls to 0.6 G. The street's repair may still be worth "
                    "it, but not as a way to reduce income inequality.",
              "nl": "b) Een belasting zonder uitkering (0,6 x) en een verhoging voor iedereen "
                    "(1,1 x) veranderen elk inkomen met dezelfde factor, dus elk verschil en "
                    "het gemiddelde veranderen met die factor en de Gini blijft gelijk. De "
                    "opbrengst gelijk verdelen telt bij iedereen hetzelfde bedrag op: de "
                    "verschillen krimpen tot 0,6 keer wat ze waren terwijl het gemiddelde "
                    "blijft, dus G daalt tot 0,6 G. Het opknappen van de straat kan nog steeds "
                    "de moeite waard zijn, maar niet als manier om inkomensongelijkheid te "
                    "verkleinen."},
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
                    "gini(redistribute(LORENZ_FIVE, 0.3, budget_neutral=True)). The Gini "
                    "falls by 30% of itself, not by 0.30.",
              "nl": "y = 0,7 x + 0,3 μ, dus elk |y_i − y_j| = 0,7 |x_i − x_j| en het "
                    "gemiddelde blijft μ: G = 0,7 × 0,304 = 0,2128. In code: "
                    "gini(redistribute(LORENZ_FIVE, 0.3, budget_neutral=True)). De Gini daalt "
                    "met 30% van zichzelf, niet met 0,30."},
))

define(Reflection(
    "1.2-reflect",
    prompt={"en": "A Gini coefficient says how unequal incomes are, not who is poor or why. "
                  "Your municipality proposes a local measure that would lower its Gini. "
                  "What would you want to know besides the Gini before you judged it?",
            "nl": "Een Gini-coëfficiënt zegt hoe ongelijk inkomens zijn, niet wie arm is of "
                  "waarom. Je gemeente stelt een lokale maatregel voor die haar Gini zou "
                  "verlagen. Wat zou je naast de Gini willen weten voordat je erover "
                  "oordeelt?"},
    model_answer={"en": "Who gains and who pays: the share of the poorest (e.g. the bottom "
                        "10% share) and of the top, not only one summary number, because many "
                        "Lorenz curves share a Gini. Whether the mean changes: a tax spent "
                        "elsewhere leaves the Gini alone but makes everyone poorer. Which "
                        "definition of income is used (before or after taxes and benefits, "
                        "per household or standardised). And what the measure does to where "
                        "people live and whom they meet, which no Gini shows: that is the "
                        "subject of notebook 1.3 and chapter 2.",
                  "nl": "Wie wint en wie betaalt: het aandeel van de armsten (bijvoorbeeld het "
                        "aandeel van de onderste 10%) en van de top, niet één samenvattend "
                        "getal, want veel Lorenzcurves hebben dezelfde Gini. Of het gemiddelde "
                        "verandert: een belasting die elders wordt besteed laat de Gini met "
                        "rust maar maakt iedereen armer. Welke inkomensdefinitie wordt "
                        "gebruikt (voor of na belastingen en toeslagen, per huishouden of "
                        "gestandaardiseerd). En wat de maatregel doet met waar mensen wonen en "
                        "wie ze ontmoeten, wat geen Gini laat zien: dat is het onderwerp van "
                        "notebook 1.3 en hoofdstuk 2."},
))

# --------------------------------------------------------------------------- 1.3
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
                    "the top 10% share divided by the bottom 40% share (synthetic data). Above "
                    "1 means the richest tenth together receive more than the poorest four "
                    "tenths together.",
              "nl": f"palma({_LOAD_CITY}['income']): "
                    "het aandeel van de top 10% gedeeld door dat van de onderste 40% "
                    "(synthetische data). Boven 1 betekent dat het rijkste tiende samen meer "
                    "ontvangt dan de armste vier tienden samen."},
))

define(Exercise(
    id="1.3-which-measure",
    kind="choice",
    answer=_which_measure,
    options=[
        {"en": "Only the Gini coefficient", "nl": "Alleen de Gini-coëfficiënt"},
        {"en": "The top 1% share, the Palma ratio and the Gini, but not the P90/P10 ratio",
         "nl": "Het aandeel van de top 1%, de Palma-ratio en de Gini, maar niet de "
               "P90/P10-ratio"},
        {"en": "All four, the P90/P10 ratio too",
         "nl": "Alle vier, ook de P90/P10-ratio"},
    ],
    hints=[
        {"en": "The richest 1% lie above the 90th percentile. Which measures look only at "
               "one household's position, and which at totals?",
         "nl": "De rijkste 1% liggen boven het 90e percentiel. Welke maten kijken alleen naar "
               "de positie van één huishouden, en welke naar totalen?"},
        {"en": "P90 and P10 are the incomes of two households, neither of them in the top "
               "1%. Check with richest_gain(incomes, 0.01, 2) from wijkwijs.examples.incomes.",
         "nl": "P90 en P10 zijn de inkomens van twee huishoudens, geen van beide in de top "
               "1%. Controleer met richest_gain(incomes, 0.01, 2) uit "
               "wijkwijs.examples.incomes."},
    ],
    solution={"en": "b) Doubling the top 1% raises total income, the top 1% and top 10% "
                    "shares (so the Palma ratio) and every gap to the richest (so the Gini). "
                    "The household at P90 and the one at P10 keep their incomes, so P90/P10 "
                    "does not move: it cannot see the very top. In code: "
                    "measures_moved_by_the_richest() in wijkwijs.exercises.ch1.",
              "nl": "b) Als de top 1% verdubbelt, stijgen het totale inkomen, de aandelen van "
                    "de top 1% en de top 10% (dus de Palma-ratio) en elk verschil met de "
                    "rijksten (dus de Gini). Het huishouden op P90 en dat op P10 houden hun "
                    "inkomen, dus P90/P10 beweegt niet: die maat ziet de absolute top niet. "
                    "In code: measures_moved_by_the_richest() in wijkwijs.exercises.ch1."},
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
               "(Pyatt 1976; Lambert & Aronson 1993).",
         "nl": "Bij de Gini blijft een overlapterm over als de inkomens van groepen "
               "overlappen (Pyatt 1976; Lambert & Aronson 1993)."},
    ],
    solution={"en": "b) The Theil index (and the mean log deviation) decompose exactly into "
                    "between and within; Shorrocks (1980) showed that the additively "
                    "decomposable measures are the generalised entropy family. The Gini "
                    "leaves an overlap term (Pyatt 1976; Lambert & Aronson 1993).",
              "nl": "b) De Theil-index (en de mean log deviation) splitsen precies in tussen "
                    "en binnen; Shorrocks (1980) liet zien dat de additief decomponeerbare "
                    "maten de familie van gegeneraliseerde entropie zijn. De Gini houdt een "
                    "overlapterm over (Pyatt 1976; Lambert & Aronson 1993)."},
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

define(Reflection(
    "1.3-reflect",
    prompt={"en": "Part of Havenstad's income inequality lies between its buurten. Is that "
                  "part a problem in itself, or only a description? Think of what it means "
                  "for a child growing up in the poorest buurt, and for the rich who live "
                  "apart.",
            "nl": "Een deel van de inkomensongelijkheid in Havenstad zit tussen de buurten. Is "
                  "dat deel op zich een probleem, of alleen een beschrijving? Denk aan wat "
                  "het betekent voor een kind dat opgroeit in de armste buurt, en aan de "
                  "rijken die apart wonen."},
    model_answer={"en": "The between part is a description: it says how much a buurt tells "
                        "you about a household's income. It becomes a problem through what "
                        "comes with it: schools, facilities and contacts that differ between "
                        "buurten, and neighbours who never meet. Custers stresses that "
                        "segregation is often seen as a problem of and for the poor, but is "
                        "'minstens zo'n groot probleem bij de rijken' (at least as big a "
                        "problem among the rich, our translation). Whether living apart "
                        "matters depends on what connects people across buurten, which is "
                        "the subject of chapters 5 and 6.",
                  "nl": "Het deel tussen buurten is een beschrijving: het zegt hoeveel een "
                        "buurt je vertelt over het inkomen van een huishouden. Het wordt een "
                        "probleem door wat ermee samengaat: scholen, voorzieningen en "
                        "contacten die per buurt verschillen, en buren die elkaar nooit "
                        "ontmoeten. Custers benadrukt dat segregatie vaak wordt gezien als een "
                        "probleem van en voor de armen, maar 'minstens zo'n groot probleem bij "
                        "de rijken' is. Of apart wonen ertoe doet, hangt af van wat mensen "
                        "over buurten heen verbindt: het onderwerp van hoofdstuk 5 en 6."},
))
