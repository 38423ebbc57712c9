"""An interview guide for key figures of a neighbourhood (chapter 7, the fieldwork toolkit).

Statistics show little of what organisations do; the people who work in a buurt see it
every day. The guide has an opening (who you are, why you ask, consent), questions for
each of five key figures, and a closing; every question is in English and Dutch. The
questions ask about *roles, routines and referrals* — what the organisation does, whom
it reaches and misses, where it sends people and who sends people to it, how it is
funded and how long people stay — never about named residents.

The five key figures (:data:`KEY_FIGURES`): a community-centre worker, the *wijkagent*
(the neighbourhood police officer), a GP (*huisarts*), a shopkeeper and a school head.

>>> print(interview_guide("wijkagent").splitlines()[0])
### Interview guide: the wijkagent (neighbourhood police officer)
>>> questions("gp").iloc[0]["part"]
'opening'
"""

from __future__ import annotations

import pandas as pd

from wijkwijs._validate import check_choice
from wijkwijs.i18n import LANGUAGES, get_language

__all__ = ["KEY_FIGURES", "PARTS", "interview_guide", "questions"]

#: The key figures the guide has questions for.
KEY_FIGURES: tuple[str, ...] = ("community_centre", "wijkagent", "gp", "shopkeeper",
                                "school_head")
#: The parts of an interview, in order.
PARTS: tuple[str, ...] = ("opening", "role", "closing")

Q = tuple[str, str]  # (English, Dutch)

OPENING: tuple[Q, ...] = (
    ("Introduce yourself and your course; say what you will do with the answers and that "
     "you will not write down names. Ask for consent to take notes; the interview can stop "
     "at any moment.",
     "Stel jezelf en je opleiding voor; zeg wat je met de antwoorden doet en dat je geen "
     "namen opschrijft. Vraag toestemming om aantekeningen te maken; het gesprek kan op elk "
     "moment stoppen."),
    ("How long have you worked here, and in what role?",
     "Hoe lang werk je hier al, en in welke rol?"),
)

ROLE_QUESTIONS: dict[str, tuple[Q, ...]] = {
    "community_centre": (
        ("Who comes here on an ordinary week, and at what times? Who do you rarely see?",
         "Wie komen hier in een gewone week, en wanneer? Wie zie je zelden?"),
        ("Which activities bring different groups of residents together, and which are "
         "meant for one group?",
         "Welke activiteiten brengen verschillende groepen bewoners samen, en welke zijn "
         "voor één groep bedoeld?"),
        ("When a resident needs help you cannot give, where do you send them? Who sends "
         "people to you?",
         "Als een bewoner hulp nodig heeft die jullie niet kunnen geven, waar stuur je "
         "hem of haar dan heen? Wie stuurt mensen naar jullie?"),
        ("How is the centre funded, for how long, and what happens when a grant ends?",
         "Hoe wordt het buurthuis betaald, voor hoe lang, en wat gebeurt er als een "
         "subsidie afloopt?"),
        ("How often do staff or volunteers change? What does a change mean for residents?",
         "Hoe vaak wisselen medewerkers of vrijwilligers? Wat betekent een wisseling voor "
         "bewoners?"),
    ),
    "wijkagent": (
        ("Which places in the buurt are important meeting places, formal or informal?",
         "Welke plekken in de buurt zijn belangrijke ontmoetingsplekken, formeel of "
         "informeel?"),
        ("Which organisations do you work with, and who do you call when a situation is "
         "not a matter for the police?",
         "Met welke organisaties werk je samen, en wie bel je als iets geen zaak voor de "
         "politie is?"),
        ("What do residents tell you that the figures on crime and nuisance do not show?",
         "Wat vertellen bewoners je dat de cijfers over criminaliteit en overlast niet "
         "laten zien?"),
        ("How do young people use public space here, and where can they go?",
         "Hoe gebruiken jongeren hier de openbare ruimte, en waar kunnen ze terecht?"),
        ("What has changed in the buurt in the years you have worked here?",
         "Wat is er in de buurt veranderd in de jaren dat je hier werkt?"),
    ),
    "gp": (
        ("Without naming patients: which problems behind the complaints do you see "
         "often (loneliness, debts, housing)?",
         "Zonder patiënten te noemen: welke problemen achter de klachten zie je vaak "
         "(eenzaamheid, schulden, wonen)?"),
        ("To which organisations in the buurt do you refer patients for things that are "
         "not medical?",
         "Naar welke organisaties in de buurt verwijs je patiënten voor zaken die niet "
         "medisch zijn?"),
        ("Do those referrals work? What gets in the way (waiting lists, language, a "
         "contact who left)?",
         "Werken die verwijzingen? Wat zit in de weg (wachtlijsten, taal, een "
         "contactpersoon die vertrok)?"),
        ("Which groups of residents find their way to the practice least easily?",
         "Welke groepen bewoners vinden de weg naar de praktijk het minst makkelijk?"),
    ),
    "shopkeeper": (
        ("Who are your regular customers, and do they talk to each other here?",
         "Wie zijn je vaste klanten, en praten ze hier met elkaar?"),
        ("Do people ask you for things other than shopping (directions, help with a "
         "letter, a place to leave a key)?",
         "Vragen mensen je om andere dingen dan boodschappen (de weg, hulp met een brief, "
         "een plek voor een sleutel)?"),
        ("Is there a shopkeepers' association or a contact at the municipality you can "
         "turn to?",
         "Is er een winkeliersvereniging of een aanspreekpunt bij de gemeente waar je "
         "terechtkunt?"),
        ("How has the street changed: shops that closed or opened, new residents?",
         "Hoe is de straat veranderd: winkels die sloten of openden, nieuwe bewoners?"),
    ),
    "school_head": (
        ("Where do your pupils come from: this buurt, or further away? Has that changed?",
         "Waar komen je leerlingen vandaan: uit deze buurt, of van verder weg? Is dat "
         "veranderd?"),
        ("How do parents meet each other here (a parents' room, the school gate, "
         "activities)? Which parents do you rarely see?",
         "Hoe ontmoeten ouders elkaar hier (een ouderkamer, het schoolplein, "
         "activiteiten)? Welke ouders zie je zelden?"),
        ("With which organisations does the school work (youth work, the social team, "
         "the library, sports clubs)?",
         "Met welke organisaties werkt de school samen (jongerenwerk, het wijkteam, de "
         "bibliotheek, sportclubs)?"),
        ("Where can children go after school, and what is missing?",
         "Waar kunnen kinderen na school terecht, en wat ontbreekt er?"),
    ),
}

CLOSING: tuple[Q, ...] = (
    ("Which organisation or person (by role) should I also talk to?",
     "Met welke organisatie of wie (welke rol) zou ik ook moeten praten?"),
    ("What would you want the municipality to know about this buurt?",
     "Wat zou je willen dat de gemeente over deze buurt weet?"),
    ("Thank them; say when and how you will share the (aggregated) results.",
     "Bedank je gesprekspartner; zeg wanneer en hoe je de (samengevatte) uitkomsten deelt."),
)

#: The guide's own words: key -> (English, Dutch).
LABELS: dict[str, Q] = {
    "title": ("Interview guide: {who}", "Gespreksleidraad: {who}"),
    "opening": ("Opening", "Opening"),
    "role": ("Questions for this key figure", "Vragen voor deze sleutelfiguur"),
    "closing": ("Closing", "Afsluiting"),
    "rules": ("Write down roles and what you are told about routines and referrals; no names "
              "of residents, no details that identify a person.",
              "Schrijf rollen op en wat je hoort over routines en verwijzingen; geen namen van "
              "bewoners, geen details waaraan iemand te herkennen is."),
    "community_centre": ("a community-centre worker", "een medewerker van het buurthuis"),
    "wijkagent": ("the wijkagent (neighbourhood police officer)", "de wijkagent"),
    "gp": ("a GP (huisarts)", "een huisarts"),
    "shopkeeper": ("a shopkeeper", "een winkelier"),
    "school_head": ("a school head", "een schooldirecteur"),
}


def _text(question: Q, language: str) -> str:
    return question[0] if language == "en" else question[1]


def questions(role: str, language: str | None = None) -> pd.DataFrame:
    """The questions for ``role`` (one of :data:`KEY_FIGURES`), opening to closing.

    Returns
    -------
    pandas.DataFrame
        Columns ``part`` (:data:`PARTS`) and ``question``, in ``language`` (default: the
        current language).

    >>> int((questions("shopkeeper", "nl")["part"] == "role").sum())
    4
    """
    check_choice(role, KEY_FIGURES, "role")
    language = check_choice(language or get_language(), LANGUAGES, "language")
    rows = [("opening", q) for q in OPENING] + [("role", q) for q in ROLE_QUESTIONS[role]]
    rows += [("closing", q) for q in CLOSING]
    return pd.DataFrame({"part": [p for p, _ in rows],
                         "question": [_text(q, language) for _, q in rows]})


def interview_guide(role: str, language: str | None = None) -> str:
    """The guide for ``role`` as Markdown: a heading, the rule, three numbered parts.

    Show it in a notebook with ``display(Markdown(interview_guide("gp")))``, or copy it
    into a Markdown cell of your own to write your notes under the questions.
    """
    table = questions(role, language)
    language = language or get_language()
    lines = [f"### {_text(LABELS['title'], language).format(who=_text(LABELS[role], language))}",
             "", f"*{_text(LABELS['rules'], language)}*"]
    number = 0
    for part in PARTS:
        lines += ["", f"**{_text(LABELS[part], language)}**", ""]
        for question in table.loc[table["part"] == part, "question"]:
            number += 1
            lines.append(f"{number}. {question}")
    return "\n".join(lines) + "\n"
