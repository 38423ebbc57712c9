"""Exercises of notebook 7.1, what the statistics see (the liveability score of Havenstad).

The answers are computed from synthetic Havenstad by
:mod:`wijkwijs.havenstad.liveability`; the analyses load data, so they are imported
when an answer is computed, not when the bank is loaded.

>>> from wijkwijs.exercises import get
>>> get("7.1-what-r-says").expected()
1
"""

from __future__ import annotations

from wijkwijs.exercises import Exercise, Reflection, define

#: The bands of the prediction in exercise 7.1-predict-r: (lowest, highest) |r|, sign.
CORRELATION_BANDS: tuple[tuple[float, float], ...] = ((-1.0, -0.5), (-0.5, -0.2),
                                                      (-0.2, 0.2), (0.2, 0.5), (0.5, 1.0))
#: The year of the notebook's comparisons (chapter 6's year).
YEAR = 2019


def _correlation_band() -> int:
    from wijkwijs.havenstad.liveability import score_infrastructure_correlation

    r = score_infrastructure_correlation(YEAR, permutations=1)["pearson_r"]
    return next(i for i, (low, high) in enumerate(CORRELATION_BANDS) if low <= r < high
                or (high == 1.0 and r == 1.0))


def _largest_dimension_gap() -> int:
    from wijkwijs.havenstad.generate.liveability import LIVEABILITY_DIMENSIONS
    from wijkwijs.havenstad.liveability import liveability_table, same_class_contrasts

    best = same_class_contrasts(YEAR, top=1).iloc[0]
    rows = liveability_table(YEAR).set_index("name")
    gaps = {d: abs(rows.loc[best["more"], d] - rows.loc[best["fewer"], d])
            for d in LIVEABILITY_DIMENSIONS}
    return list(LIVEABILITY_DIMENSIONS).index(max(gaps, key=gaps.get))


def _same_class_gap() -> float:
    from wijkwijs.havenstad.liveability import same_class_contrasts

    return float(same_class_contrasts(YEAR, top=1)["gap"].iloc[0])


_DIMENSION_OPTIONS = [
    {"en": "physical environment", "nl": "fysieke omgeving"},
    {"en": "nuisance and safety", "nl": "overlast en onveiligheid"},
    {"en": "social cohesion", "nl": "sociale samenhang"},
    {"en": "amenities", "nl": "voorzieningen"},
    {"en": "housing stock", "nl": "woningvoorraad"},
]

define(Exercise(
    id="7.1-predict-r",
    kind="choice",
    answer=_correlation_band,
    options=[
        {"en": "strongly negative (r below −0.5)", "nl": "sterk negatief (r onder −0,5)"},
        {"en": "weakly negative (−0.5 to −0.2)", "nl": "zwak negatief (−0,5 tot −0,2)"},
        {"en": "about zero (−0.2 to 0.2)", "nl": "ongeveer nul (−0,2 tot 0,2)"},
        {"en": "weakly positive (0.2 to 0.5)", "nl": "zwak positief (0,2 tot 0,5)"},
        {"en": "strongly positive (above 0.5)", "nl": "sterk positief (boven 0,5)"},
    ],
    hints=[
        {"en": "Predict before you compute: which of the score's five dimensions counts "
               "community centres, welfare work or referrals?",
         "nl": "Voorspel voordat je rekent: welke van de vijf dimensies van de score telt "
               "buurthuizen, welzijnswerk of doorverwijzingen?"},
        {"en": "Then check: hl.score_infrastructure_correlation(2019)['pearson_r'] "
               "(meeting places per 1,000 residents, the 41 city buurten).",
         "nl": "Controleer dan: hl.score_infrastructure_correlation(2019)['pearson_r'] "
               "(ontmoetingsplekken per 1.000 inwoners, de 41 buurten van de stad)."},
    ],
    solution={"en": "About zero. None of the five dimensions is built from what the "
                    "organisations do, so the score and the meeting places hardly go "
                    "together; the 95 % interval is wide and includes zero.",
              "nl": "Ongeveer nul. Geen van de vijf dimensies is gemaakt van wat de "
                    "organisaties doen, dus de score en de ontmoetingsplekken gaan nauwelijks "
                    "samen op; het 95%-interval is breed en bevat nul."},
))

define(Exercise(
    id="7.1-what-r-says",
    kind="choice",
    answer=1,
    options=[
        {"en": "Meeting places do not make a buurt more liveable.",
         "nl": "Ontmoetingsplekken maken een buurt niet leefbaarder."},
        {"en": "The score is not built to see them: a correlation near zero says nothing "
               "about what the places are worth to residents.",
         "nl": "De score is niet gemaakt om ze te zien: een correlatie rond nul zegt niets "
               "over wat de plekken waard zijn voor bewoners."},
        {"en": "Buurten with many meeting places need none of them.",
         "nl": "Buurten met veel ontmoetingsplekken hebben er geen nodig."},
        {"en": "The score is wrong and should be ignored.",
         "nl": "De score klopt niet en moet genegeerd worden."},
    ],
    hints=[
        {"en": "Ask what went into the score, and whether a correlation between buurten can "
               "show what a place does for the people who use it.",
         "nl": "Vraag je af wat er in de score zit, en of een correlatie tussen buurten kan "
               "laten zien wat een plek doet voor de mensen die er komen."},
        {"en": "The Leefbaarometer calls itself a signalling instrument, not a causal model.",
         "nl": "De Leefbaarometer noemt zichzelf een signaleringsinstrument, geen causaal "
               "model."},
    ],
    solution={"en": "b) The score predicts how residents judge their surroundings from "
                    "registered characteristics; it was never meant to count the work of "
                    "organisations. Its silence about them is a limit of the instrument, not "
                    "evidence that they do not matter (a). It is not 'wrong' either (d): it "
                    "signals where to look.",
              "nl": "b) De score voorspelt uit geregistreerde kenmerken hoe bewoners hun "
                    "omgeving beoordelen; hij is nooit bedoeld om het werk van organisaties "
                    "te tellen. Dat hij erover zwijgt is een grens van het instrument, geen "
                    "bewijs dat ze er niet toe doen (a). 'Fout' is hij ook niet (d): hij "
                    "wijst aan waar je moet kijken."},
))

define(Exercise(
    id="7.1-which-dimension",
    kind="choice",
    answer=_largest_dimension_gap,
    options=_DIMENSION_OPTIONS,
    hints=[
        {"en": "The two buurten of the contrast are in the same class. Predict: where do "
               "their scores differ most, if not in their social infrastructure?",
         "nl": "De twee buurten van het contrast zitten in dezelfde klasse. Voorspel: waar "
               "verschillen hun scores het meest, als het niet hun sociale infrastructuur "
               "is?"},
        {"en": "Compare the five dimension columns of hl.liveability_table(2019) for the "
               "two buurten (Figure 7.2).",
         "nl": "Vergelijk de vijf dimensiekolommen van hl.liveability_table(2019) voor de "
               "twee buurten (figuur 7.2)."},
    ],
    solution={"en": "Compute the absolute difference in each dimension; the largest is the "
                    "answer. The dimensions move with housing, density, location, moves and "
                    "registered incidents — not with meeting places.",
              "nl": "Bereken het absolute verschil in elke dimensie; het grootste is het "
                    "antwoord. De dimensies bewegen mee met woningen, dichtheid, ligging, "
                    "verhuizingen en geregistreerde incidenten — niet met ontmoetingsplekken."},
))

define(Exercise(
    id="7.1-same-class-gap",
    kind="number",
    answer=_same_class_gap,
    tolerance=0.5,
    hints=[
        {"en": "Among the city's buurten in the same class, find the pair whose meeting "
               "places differ most.",
         "nl": "Zoek onder de buurten van de stad in dezelfde klasse het paar waarvan de "
               "ontmoetingsplekken het meest verschillen."},
        {"en": "Group the table by class: in each class the largest gap is the maximum minus "
               "the minimum of meeting_places; take the largest over the classes.",
         "nl": "Groepeer de tabel per klasse: in elke klasse is het grootste verschil het "
               "maximum min het minimum van meeting_places; neem het grootste over de "
               "klassen."},
    ],
    solution={"en": "city.groupby('class')['meeting_places'] gives max - min per class; the "
                    "largest of these is the gap: two buurten with the same class, one with "
                    "that many more meeting places than the other (hl.same_class_contrasts "
                    "lists the pairs).",
              "nl": "city.groupby('class')['meeting_places'] geeft max - min per klasse; de "
                    "grootste daarvan is het verschil: twee buurten met dezelfde klasse, de "
                    "een met zoveel meer ontmoetingsplekken dan de ander "
                    "(hl.same_class_contrasts geeft de paren)."},
))

define(Exercise(
    id="7.1-policy",
    kind="choice",
    answer=2,
    options=[
        {"en": "Close a community centre in every buurt of class 7 or higher: those buurten "
               "are fine.",
         "nl": "Sluit een buurthuis in elke buurt met klasse 7 of hoger: die buurten zijn "
               "in orde."},
        {"en": "Send the new worker to the buurt with the lowest class, without further "
               "questions.",
         "nl": "Stuur de nieuwe werker naar de buurt met de laagste klasse, zonder verdere "
               "vragen."},
        {"en": "Use the low classes to choose where to look, then map the organisations "
               "with staff and residents before deciding.",
         "nl": "Gebruik de lage klassen om te kiezen waar je gaat kijken, en breng dan met "
               "medewerkers en bewoners de organisaties in kaart voordat je besluit."},
    ],
    hints=[
        {"en": "What does the instrument say it is for — signalling, or deciding?",
         "nl": "Waarvoor zegt het instrument dat het is — signaleren, of besluiten?"},
        {"en": "Custers: instruments can indicate where extra attention is needed, but give "
               "limited insight into social infrastructure; you have to be in the wijken.",
         "nl": "Custers: instrumenten kunnen aangeven waar extra aandacht nodig is, maar geven "
               "beperkt inzicht in de sociale infrastructuur; je moet in de wijken zelf zijn."},
    ],
    solution={"en": "c) The score signals where to look; what the organisations do has to be "
                    "learned in the buurt itself (notebook 7.4). a) would cut what the score "
                    "cannot see; b) skips the question of what is already there.",
              "nl": "c) De score signaleert waar je moet kijken; wat de organisaties doen moet "
                    "je in de buurt zelf leren (notebook 7.4). a) snijdt in wat de score niet "
                    "ziet; b) slaat de vraag over wat er al is."},
))

define(Reflection(
    "7.1-reflect",
    prompt={"en": "Your municipality ranks its buurten by a liveability score. Name one "
                  "thing in a buurt you know that such a score would miss, and how you "
                  "would find out about it.",
            "nl": "Je gemeente rangschikt haar buurten op een leefbaarheidsscore. Noem één "
                  "ding in een buurt die je kent dat zo'n score mist, en hoe je het te weten "
                  "zou komen."},
    model_answer={"en": "For example the volunteer who runs homework help in a church hall, "
                        "the shopkeeper who knows which elderly neighbours have not been seen, "
                        "or a welfare worker who has built trust over years. None of these is "
                        "a registered characteristic. You find out by being there: walking "
                        "the buurt, asking the community centre, the wijkagent, a school, a "
                        "GP or shopkeepers who else residents turn to, and mapping it "
                        "(the sociale kaart of notebook 7.4).",
                  "nl": "Bijvoorbeeld de vrijwilliger die huiswerkbegeleiding geeft in een "
                        "kerkzaal, de winkelier die weet welke oudere buren al een tijd niet "
                        "gezien zijn, of een welzijnswerker die in jaren vertrouwen heeft "
                        "opgebouwd. Geen daarvan is een geregistreerd kenmerk. Je komt het te "
                        "weten door er te zijn: door de buurt lopen, het buurthuis, de "
                        "wijkagent, een school, een huisarts of winkeliers vragen bij wie "
                        "bewoners nog meer terechtkunnen, en dat in kaart brengen (de sociale "
                        "kaart van notebook 7.4)."},
))
