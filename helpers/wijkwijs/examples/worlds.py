"""Chapter 7.3's invented texts: a policy memo and a resident's account, with an answer key.

The pair *systeemwereld* / *leefwereld* (system world / life world) comes from Jürgen
Habermas (1981, *Theorie des kommunikativen Handelns*, vol. 2; English 1987, *The Theory
of Communicative Action*, vol. 2). Custers (*Een betere wijk begint ín de wijk*, in the
dossier *Lokaal ideaal XL*) writes that the two "sluiten niet goed op elkaar aan" (do not
connect well). The exercise of notebook 7.3 asks a learner to mark, sentence by sentence,
which world's language a text speaks:

* **system-world language** coordinates through money, rules and procedures: budgets,
  grants, indicators and standards, targets, savings, risks to the administration;
* **life-world language** speaks of people, their relations and what things mean to
  them, in their own terms: who cooks with whom, who looks out for whom, what a place is.

Both texts are **invented** by the authors of this course, in Dutch and English; the
community centre, the municipality and the resident do not exist. Every sentence carries
its label and a model explanation (:func:`answer_key`), which the notebook shows only on
request (:func:`key_html`, a closed ``<details>`` element).

>>> sentences_in("memo", "life")
[3, 6, 8]
>>> sentences_in("account", "system")
[3, 4, 6]
>>> print(text_markdown("memo", "nl").splitlines()[0])
**Verzonnen beleidsmemo** (door ons geschreven; geen echt document)
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from wijkwijs._validate import check_choice
from wijkwijs.i18n import LANGUAGES, get_language, register, set_language, t

__all__ = ["TEXTS", "WORLDS", "InventedText", "Sentence", "answer_key", "invented_text",
           "key_html", "sentences_in", "solution_text", "text_markdown"]

Text = dict[str, str]

#: The two worlds a sentence can speak the language of.
WORLDS: tuple[str, ...] = ("system", "life")


@dataclass(frozen=True)
class Sentence:
    """One numbered sentence of an invented text, its world and the model explanation."""

    number: int
    text: Text
    world: str
    why: Text


@dataclass(frozen=True)
class InventedText:
    """An invented text: a title (saying it is invented) and its numbered sentences."""

    name: str
    title: Text
    intro: Text
    sentences: tuple[Sentence, ...]


def _s(number: int, world: str, en: str, nl: str, why_en: str, why_nl: str) -> Sentence:
    return Sentence(number, {"en": en, "nl": nl}, world, {"en": why_en, "nl": why_nl})


MEMO = InventedText(
    name="memo",
    title={"en": "**Invented policy memo** (written by us; not a real document)",
           "nl": "**Verzonnen beleidsmemo** (door ons geschreven; geen echt document)"},
    intro={"en": "To: the alderman for the social domain. Subject: review of the grant to "
                 "community centre De Kade (an invented centre in an invented municipality).",
           "nl": "Aan: de wethouder Sociaal Domein. Onderwerp: herijking subsidie buurthuis "
                 "De Kade (een verzonnen buurthuis in een verzonnen gemeente)."},
    sentences=(
        _s(1, "system",
           "Community centre De Kade receives an incidental grant each year from the "
           "Liveability budget.",
           "Buurthuis De Kade ontvangt jaarlijks een incidentele subsidie uit het budget "
           "Leefbaarheid.",
           "System: the centre appears as a budget line and a funding instrument (money).",
           "Systeem: het buurthuis verschijnt als begrotingspost en subsidie-instrument "
           "(geld)."),
        _s(2, "system",
           "In the monitor the buurt scores 'voldoende', and the centre's performance "
           "indicator (visitors per opening hour) lags behind the standard.",
           "In de monitor scoort de buurt 'voldoende' en de prestatie-indicator van het "
           "buurthuis (bezoekers per uur openstelling) blijft achter bij de norm.",
           "System: a score, an indicator and a standard; the centre is known by what "
           "can be counted.",
           "Systeem: een score, een indicator en een norm; het buurthuis is bekend door "
           "wat telbaar is."),
        _s(3, "life",
           "During the working visit a volunteer said that a group of older residents "
           "cooks together there every Tuesday, and that some of them speak to no one "
           "else.",
           "Tijdens het werkbezoek vertelde een vrijwilliger dat een groep oudere bewoners "
           "er elke dinsdag samen kookt, en dat sommigen verder niemand meer spreken.",
           "Life: who does what with whom, and what it means to them, in a volunteer's "
           "words. A memo can carry life-world knowledge; the question is whether it "
           "counts in the decision (sentences 4 and 5 do not use it).",
           "Leefwereld: wie wat met wie doet, en wat het voor hen betekent, in de woorden "
           "van een vrijwilliger. Een memo kan leefwereldkennis bevatten; de vraag is of "
           "die meetelt in het besluit (zin 4 en 5 gebruiken haar niet)."),
        _s(4, "system",
           "It is proposed to end the grant from 1 January and to house the activities "
           "in the multifunctional centre of the adjoining wijk.",
           "Voorgesteld wordt de subsidie per 1 januari te beëindigen en de activiteiten "
           "onder te brengen in het multifunctionele centrum van de naastgelegen wijk.",
           "System: a decision about a grant and the 'housing' of 'activities'; the "
           "people who do them are not in the sentence.",
           "Systeem: een besluit over een subsidie en het 'onderbrengen' van "
           "'activiteiten'; de mensen die ze doen staan niet in de zin."),
        _s(5, "system",
           "This yields a structural saving that fits the savings target.",
           "Dit levert een structurele besparing op die past binnen de taakstelling.",
           "System: money and a target (taakstelling) justify the step.",
           "Systeem: geld en een taakstelling rechtvaardigen de stap."),
        _s(6, "life",
           "The neighbourhood worker knows which families need help but never come to "
           "the counter, and puts them in touch with debt counselling.",
           "De buurtwerker weet welke gezinnen hulp nodig hebben maar nooit aan het loket "
           "komen, en brengt hen in contact met de schuldhulp.",
           "Life: personal knowledge and trust, built up over time. The sentence names "
           "the system (the counter, debt counselling) from the life-world side: this is "
           "the link between resident and government that Custers says organisations "
           "can be.",
           "Leefwereld: persoonlijke kennis en vertrouwen, in de loop van de tijd "
           "opgebouwd. De zin noemt het systeem (het loket, de schuldhulp) vanuit de "
           "leefwereld: dit is de schakel tussen burger en overheid die organisaties "
           "volgens Custers kunnen zijn."),
        _s(7, "system",
           "The risk of administrative unrest is estimated as limited, provided the "
           "communication is carefully prepared.",
           "Het risico op bestuurlijke onrust wordt beperkt geacht, mits de communicatie "
           "zorgvuldig wordt voorbereid.",
           "System: power and the administration's own risk; this is the "
           "'bestuurspolitieke gevoeligheid' (sensitivity to the politics of "
           "administration) that Custers says civil servants are now chosen for.",
           "Systeem: macht en het eigen risico van het bestuur; dit is de "
           "'bestuurspolitieke gevoeligheid' waarop ambtenaren volgens Custers nu vooral "
           "worden geselecteerd."),
        _s(8, "life",
           "Residents call the centre 'our living room': the place where you drop in "
           "without an appointment.",
           "Bewoners noemen het buurthuis 'onze huiskamer': de plek waar je zonder afspraak "
           "binnenloopt.",
           "Life: what the place means, in the residents' own words; 'without an "
           "appointment' is the opposite of a counter.",
           "Leefwereld: wat de plek betekent, in de eigen woorden van bewoners; 'zonder "
           "afspraak' is het tegendeel van een loket."),
    ),
)

ACCOUNT = InventedText(
    name="account",
    title={"en": "**Invented resident's account** (written by us; the resident does not "
                 "exist)",
           "nl": "**Verzonnen verhaal van een bewoner** (door ons geschreven; de bewoner "
                 "bestaat niet)"},
    intro={"en": "A resident aged 71 talks about community centre De Kade (invented).",
           "nl": "Een bewoner van 71 jaar vertelt over buurthuis De Kade (verzonnen)."},
    sentences=(
        _s(1, "life",
           "I have been coming to the centre on Tuesdays for twelve years; it is where I "
           "got to know people again after my husband died.",
           "Ik kom al twaalf jaar op dinsdag in het buurthuis; daar heb ik na de dood van "
           "mijn man weer mensen leren kennen.",
           "Life: a personal history and relations; the centre as a place of meaning.",
           "Leefwereld: een persoonlijke geschiedenis en relaties; het buurthuis als plek "
           "met betekenis."),
        _s(2, "life",
           "When I needed help at home, the neighbourhood worker said: I'll walk over to "
           "the wijkteam with you.",
           "Toen ik hulp nodig had in huis, zei de buurtwerker: ik loop even met je mee "
           "naar het wijkteam.",
           "Life: a personal offer from someone she trusts. The worker is the bridge to "
           "the system (the wijkteam), but the sentence speaks the language of the "
           "relation.",
           "Leefwereld: een persoonlijk aanbod van iemand die ze vertrouwt. De buurtwerker "
           "is de brug naar het systeem (het wijkteam), maar de zin spreekt de taal van "
           "de relatie."),
        _s(3, "system",
           "There I had to have a 'kitchen-table conversation', and I got an assessment "
           "for two hours of household support a week.",
           "Daar moest ik een keukentafelgesprek voeren en kreeg ik een indicatie voor twee "
           "uur huishoudelijke ondersteuning per week.",
           "System: a procedure ('had to') and an assessment of entitlement in hours. "
           "Note that the procedure borrows a life-world name, the kitchen table.",
           "Systeem: een procedure ('moest') en een indicatie in uren. Let op: de "
           "procedure leent een naam uit de leefwereld, de keukentafel."),
        _s(4, "system",
           "Now our cooking group is suddenly called a 'participation pathway', and every "
           "week we have to fill in an attendance list for the grant.",
           "Nu heet onze kookgroep ineens een 'participatietraject' en moeten we elke week "
           "een presentielijst invullen voor de subsidie.",
           "System: the grant's categories and paperwork enter the cooking group, a small "
           "picture of what Habermas calls the colonisation of the lifeworld.",
           "Systeem: de categorieën en formulieren van de subsidie dringen de kookgroep "
           "binnen, een klein beeld van wat Habermas de kolonisering van de leefwereld "
           "noemt."),
        _s(5, "life",
           "We know each other and look out for each other: if someone doesn't turn up, "
           "someone rings her doorbell.",
           "We kennen elkaar en letten op elkaar: als iemand niet komt, belt er iemand bij "
           "haar aan.",
           "Life: mutual care, coordinated by knowing each other, not by a rule.",
           "Leefwereld: zorg voor elkaar, geregeld doordat mensen elkaar kennen, niet door "
           "een regel."),
        _s(6, "system",
           "According to the municipality's letter, the centre 'does not fit the new "
           "policy frameworks'.",
           "Volgens de brief van de gemeente past het buurthuis 'niet binnen de nieuwe "
           "beleidskaders'.",
           "System: she quotes the municipality's language; a resident often has to learn "
           "it to be heard. The line between the worlds does not run between two groups "
           "of people.",
           "Systeem: ze citeert de taal van de gemeente; een bewoner moet die vaak leren "
           "om gehoord te worden. De grens tussen de werelden loopt niet tussen twee "
           "groepen mensen."),
        _s(7, "life",
           "The centre in the other wijk is a twenty-minute walk, and with my knee I "
           "can't manage that.",
           "Het centrum in de andere wijk is twintig minuten lopen, en met mijn knie lukt "
           "me dat niet.",
           "Life: everyday experience that the memo's 'housing the activities elsewhere' "
           "(memo sentence 4) does not see.",
           "Leefwereld: dagelijkse ervaring die het 'elders onderbrengen van de "
           "activiteiten' (zin 4 van de memo) niet ziet."),
    ),
)

#: The invented texts by name.
TEXTS: dict[str, InventedText] = {"memo": MEMO, "account": ACCOUNT}

register({
    "ch7.worlds.number": {"en": "#", "nl": "#"},
    "ch7.worlds.sentence": {"en": "sentence", "nl": "zin"},
    "ch7.worlds.world": {"en": "world", "nl": "wereld"},
    "ch7.worlds.why": {"en": "why", "nl": "waarom"},
    "ch7.worlds.system": {"en": "system world", "nl": "systeemwereld"},
    "ch7.worlds.life": {"en": "life world", "nl": "leefwereld"},
    "ch7.worlds.language.en": {"en": "English", "nl": "Engels"},
    "ch7.worlds.language.nl": {"en": "Dutch (original)", "nl": "Nederlands (origineel)"},
    "ch7.worlds.show_key": {"en": "Show the answer key (after you have checked your answer)",
                            "nl": "Toon de antwoordsleutel (nadat je je antwoord hebt "
                                  "gecontroleerd)"},
    "ch7.worlds.solution": {"en": "Sentences in the language of the {world}: {numbers}. {why}",
                            "nl": "Zinnen in de taal van de {world}: {numbers}. {why}"},
})


def invented_text(name: str) -> InventedText:
    """The invented text ``"memo"`` or ``"account"``.

    >>> invented_text("account").sentences[0].world
    'life'
    """
    check_choice(name, TEXTS, "name")
    return TEXTS[name]


def _world(world: str) -> str:
    check_choice(world, WORLDS, "world")
    return world


def _language(language: str | None) -> str:
    language = language or get_language()
    check_choice(language, LANGUAGES, "language")
    return language


def sentences_in(name: str, world: str) -> list[int]:
    """The numbers of the sentences of text ``name`` that speak ``world``'s language.

    >>> sentences_in("memo", "system")
    [1, 2, 4, 5, 7]
    """
    _world(world)
    return [s.number for s in invented_text(name).sentences if s.world == world]


def text_markdown(name: str, language: str | None = None) -> str:
    """The invented text as Markdown: its title, its intro and a numbered table of its
    sentences in both languages (the current language first).

    >>> "| 8 |" in text_markdown("memo", "en")
    True
    """
    text, language = invented_text(name), _language(language)
    other = [lang for lang in LANGUAGES if lang != language]
    columns = [language, *other]
    head = ["#", *(_tr(f"ch7.worlds.language.{lang}", language) for lang in columns)]
    lines = [text.title[language], "", f"*{text.intro[language]}*", "",
             "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for s in text.sentences:
        cells = [s.text[lang].replace("|", "\\|") for lang in columns]
        lines.append(f"| {s.number} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def answer_key(name: str, language: str | None = None) -> pd.DataFrame:
    """The answer key of text ``name``: each sentence's number, world and model explanation.

    >>> answer_key("account", "en").loc[3, "world"]
    'system'
    """
    language = _language(language)
    rows = [{"number": s.number, "world": s.world, "why": s.why[language]}
            for s in invented_text(name).sentences]
    return pd.DataFrame(rows).set_index("number")


def key_html(name: str, language: str | None = None) -> str:
    """The answer key as a closed HTML ``<details>`` element: it opens only on a click.

    Every text is escaped.

    >>> key_html("memo", "en").startswith("<details")
    True
    """
    language = _language(language)
    summary = _tr("ch7.worlds.show_key", language)
    head = [_tr(f"ch7.worlds.{k}", language) for k in ("number", "world", "why")]
    worlds = {w: _tr(f"ch7.worlds.{w}", language) for w in WORLDS}
    left, keep = 'style="text-align: left"', 'style="text-align: left; white-space: nowrap"'
    rows = "".join(
        f"<tr><td {left}>{s.number}</td><td {keep}>{html.escape(worlds[s.world])}</td>"
        f"<td {left}>{html.escape(s.why[language])}</td></tr>"
        for s in invented_text(name).sentences)
    header = "".join(f"<th {left}>{html.escape(h)}</th>" for h in head)
    return (f'<details class="wijkwijs-key"><summary>{html.escape(summary)}</summary>'
            f"<table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table></details>")


def solution_text(name: str, world: str, language: str) -> str:
    """The worked solution of a marking exercise: the sentences in ``world``'s language
    and, for each sentence, the model explanation.

    >>> solution_text("memo", "life", "en")[:37]
    'Sentences in the language of the life'
    """
    language = _language(language)
    numbers = ", ".join(str(n) for n in sentences_in(name, world))
    why = " ".join(f"({s.number}) {s.why[language]}" for s in invented_text(name).sentences)
    return _tr("ch7.worlds.solution", language, world=_tr(f"ch7.worlds.{world}", language),
               numbers=numbers, why=why)


def _tr(key: str, language: str, **fields: object) -> str:
    """``t(key, **fields)`` in ``language``; the current language is left as it was."""
    before = get_language()
    set_language(language)
    try:
        return t(key, **fields)
    finally:
        set_language(before)
