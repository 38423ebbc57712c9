"""Exercises of notebook 7.4: the fieldwork toolkit (a *wijkschouw* and a *sociale kaart*).

Two are predictions checked by computation on the shipped, invented example records
(:func:`wijkwijs.fieldwork.example_file`): which organisation brokers most, and which
observation is least mixed; one is a computation (the names on nobody's map yet); three
are choices about privacy, interpretation and what to do next, with a model explanation.
The answers are computed by :mod:`wijkwijs.fieldwork` when they are checked: loading this
bank reads no file and builds no graph.

>>> from wijkwijs.exercises import check, get
>>> get("7.4-blind-spot").expected()
['Huisartsenpost Plein']
>>> print(check("7.4-privacy", "c"))
Correct!
"""

from __future__ import annotations

from wijkwijs.exercises import Exercise, Reflection, define

#: The notes of exercise 7.4-privacy (invented): (English, Dutch).
PRIVACY_NOTES: tuple[tuple[str, str], ...] = (
    ("Coordinator, six years in post; refers people to the social team.",
     "Coördinator, zes jaar in dienst; verwijst mensen naar het wijkteam."),
    ("Volunteer says: call her on 06-12345678 for the rota.",
     "Vrijwilliger zegt: bel haar op 06-12345678 voor het rooster."),
    ("Mrs De Vries of Lindelaan 12 comes every morning; she is lonely since her husband "
     "died.",
     "Mevrouw De Vries van de Lindelaan 12 komt elke ochtend; ze is eenzaam sinds haar man "
     "overleed."),
    ("Questions go to info@buurthuis-voorbeeld.nl.",
     "Vragen gaan naar info@buurthuis-voorbeeld.nl."),
)
#: The organisations a learner chooses from in exercise 7.4-predict-broker.
BROKER_OPTIONS: tuple[str, ...] = ("Buurthuis De Brug", "Wijkteam Zuid",
                                   "Bibliotheek Havenstad West", "Café De Hoek")
#: The observations of the example walk, in file order (exercise 7.4-least-mixed).
OBSERVATION_OPTIONS: tuple[tuple[str, str], ...] = (
    ("Marktplein, weekday morning", "Marktplein, doordeweeks ochtend"),
    ("Marktplein, weekday afternoon", "Marktplein, doordeweeks middag"),
    ("Pleintje bij Jongerenplek De Kooi, weekday evening",
     "Pleintje bij Jongerenplek De Kooi, doordeweeks avond"),
    ("Ingang Bibliotheek Havenstad West, weekend morning",
     "Ingang Bibliotheek Havenstad West, weekend ochtend"),
    ("Park aan de Haven, weekend afternoon", "Park aan de Haven, weekend middag"),
    ("Café De Hoek terras, weekend evening", "Café De Hoek terras, weekend avond"),
)


def _example(record_type: str):
    from wijkwijs import fieldwork

    return fieldwork.load_records(fieldwork.example_file(record_type))


def _broker() -> int:
    from wijkwijs import fieldwork

    table = fieldwork.inventory_brokerage(_example("inventory"))
    scores = [float(table.loc[name, "betweenness"]) for name in BROKER_OPTIONS]
    return scores.index(max(scores))


def _blind_spot() -> list[str]:
    from wijkwijs import fieldwork

    table = fieldwork.inventory_brokerage(_example("inventory"))
    return sorted(table.index[~table["in_inventory"].astype(bool)])


def _least_mixed() -> int:
    from wijkwijs import fieldwork

    ratios = fieldwork.observation_bridging(_example("observation"))["bridging"]
    return int(ratios.fillna(float("inf")).to_numpy().argmin())


define(Exercise(
    id="7.4-privacy",
    kind="choice",
    answer=2,
    options=[{"en": en, "nl": nl} for en, nl in PRIVACY_NOTES],
    hints=[
        {"en": "Try each note in a form (or with validate_record): two are refused. Of the "
               "two that are saved, is one still about a private person?",
         "nl": "Probeer elke notitie in een formulier (of met validate_record): twee worden "
               "geweigerd. Gaat een van de twee die bewaard worden toch over een privépersoon?"},
        {"en": "The check finds phone numbers, e-mail addresses and BSNs; it cannot see a "
               "name, an address or a bereavement. Those are yours to leave out.",
         "nl": "De controle vindt telefoonnummers, e-mailadressen en BSN's; een naam, een adres "
               "of een overlijden ziet ze niet. Die moet je zelf weglaten."},
    ],
    solution={"en": "c) It names a resident, her address and her grief: personal (even "
                    "sensitive) data of a private person, which the AVG/GDPR protects, and "
                    "which no pattern check can catch. Write a role and a count instead: "
                    "'several older residents come every morning, some of them lonely'. b) "
                    "and d) are refused (a phone number, an e-mail address); a) is what a "
                    "record should look like.",
              "nl": "c) Die noemt een bewoonster, haar adres en haar verdriet: persoonsgegevens "
                    "(zelfs gevoelige) van een privépersoon, die de AVG beschermt en die geen "
                    "patrooncontrole vindt. Schrijf een rol en een aantal: 'een aantal oudere "
                    "bewoners komt elke ochtend, sommigen eenzaam'. b) en d) worden geweigerd "
                    "(een telefoonnummer, een e-mailadres); a) is hoe een record eruit hoort "
                    "te zien."},
))

define(Exercise(
    id="7.4-predict-broker",
    kind="choice",
    answer=_broker,
    options=[{"en": name, "nl": name} for name in BROKER_OPTIONS],
    hints=[
        {"en": "A broker lies on many of the shortest referral routes between others. "
               "Follow the referrals of the map (referrals_to, referrals_from): which "
               "organisation do routes pass through?",
         "nl": "Een makelaar ligt op veel van de kortste verwijsroutes tussen anderen. Volg de "
               "verwijzingen op de kaart (referrals_to, referrals_from): door welke "
               "organisatie lopen routes?"},
        {"en": "Compute it: fw.inventory_brokerage(inventory)['betweenness'] and compare the "
               "four options.",
         "nl": "Reken het uit: fw.inventory_brokerage(inventory)['betweenness'] en vergelijk "
               "de vier opties."},
    ],
    solution={"en": "The social team (Wijkteam Zuid): it receives people from the community "
                    "centre, the mosque and the youth space and sends them on to the food "
                    "bank and debt help, so many routes run through it. The community centre "
                    "comes second; the café refers nobody and nobody refers to it. On a real "
                    "map: if that one contact person leaves, those routes break.",
              "nl": "Het wijkteam (Wijkteam Zuid): het krijgt mensen van het buurthuis, de "
                    "moskee en de jongerenplek en stuurt ze door naar de voedselbank en de "
                    "schuldhulp, dus veel routes lopen erdoorheen. Het buurthuis is tweede; "
                    "het café verwijst niemand en niemand verwijst ernaar. Op een echte kaart: "
                    "als die ene contactpersoon vertrekt, breken die routes."},
))

define(Exercise(
    id="7.4-blind-spot",
    kind="set",
    answer=_blind_spot,
    hints=[
        {"en": "Some names appear only in the referral fields of other organisations. "
               "inventory_brokerage marks them with in_inventory False.",
         "nl": "Sommige namen staan alleen in de verwijsvelden van andere organisaties. "
               "inventory_brokerage geeft ze in_inventory False."},
        {"en": "brokers.index[~brokers['in_inventory']] lists them; give the names.",
         "nl": "brokers.index[~brokers['in_inventory']] geeft ze; geef de namen."},
    ],
    solution={"en": "Huisartsenpost Plein (the GP post): the community centre gets people "
                    "from it, but nobody has visited it yet. A referral named by one "
                    "organisation is a lead for the next interview (the GP in the interview "
                    "guide), not an absence.",
              "nl": "Huisartsenpost Plein: het buurthuis krijgt er mensen van, maar niemand "
                    "is er nog geweest. Een verwijzing die één organisatie noemt, is een "
                    "aanwijzing voor het volgende gesprek (de huisarts in de "
                    "gespreksleidraad), geen afwezigheid."},
))

define(Exercise(
    id="7.4-least-mixed",
    kind="choice",
    answer=_least_mixed,
    options=[{"en": en, "nl": nl} for en, nl in OBSERVATION_OPTIONS],
    hints=[
        {"en": "Mixing by visible age is high when several age groups are present in "
               "similar numbers, and low when one group is nearly alone.",
         "nl": "De menging naar zichtbare leeftijd is hoog als meerdere leeftijdsgroepen in "
               "vergelijkbare aantallen aanwezig zijn, en laag als één groep bijna alleen is."},
        {"en": "Compute fw.observation_bridging(observations) and find the lowest "
               "'bridging'.",
         "nl": "Bereken fw.observation_bridging(observations) en zoek de laagste "
               "'bridging'."},
    ],
    solution={"en": "The square by the youth space on a weekday evening: almost everyone "
                    "there was young. That is what a youth space is for (bonding among young "
                    "people can be valuable); the number says who was there, not whether the "
                    "place is good.",
              "nl": "Het pleintje bij de jongerenplek op een doordeweekse avond: bijna "
                    "iedereen daar was jong. Daar is een jongerenplek voor (bonding onder "
                    "jongeren kan waardevol zijn); het getal zegt wie er was, niet of de plek "
                    "goed is."},
))

define(Exercise(
    id="7.4-what-mixing-shows",
    kind="choice",
    answer=1,
    options=[
        {"en": "People of different backgrounds and incomes meet in the park.",
         "nl": "Mensen van verschillende herkomst en inkomens ontmoeten elkaar in het park."},
        {"en": "The visible age groups there were about as mixed as on the whole walk; "
               "whether they talked to each other, and who they were otherwise, it does "
               "not say.",
         "nl": "De zichtbare leeftijdsgroepen waren er ongeveer zo gemengd als op de hele "
               "schouw; of ze met elkaar praatten, en wie ze verder waren, zegt het niet."},
        {"en": "The park is the best meeting place of the buurt.",
         "nl": "Het park is de beste ontmoetingsplek van de buurt."},
        {"en": "The park needs no attention from the municipality.",
         "nl": "Het park heeft geen aandacht van de gemeente nodig."},
    ],
    hints=[
        {"en": "What did the observer count? Only people by visible age group, at one time.",
         "nl": "Wat telde de waarnemer? Alleen mensen naar zichtbare leeftijd, op één moment."},
        {"en": "Being in the same place is not yet contact (Custers: physical proximity is "
               "no guarantee of social contact). Read the 'interactions' field.",
         "nl": "Op dezelfde plek zijn is nog geen contact (Custers: fysieke nabijheid is geen "
               "garantie voor sociaal contact). Lees het veld 'interactions'."},
    ],
    solution={"en": "b) The ratio compares the age mix at one place and time with the whole "
                    "walk. It says nothing about income or background (a walk cannot see "
                    "them) nor about contact: the notes say families barbecue side by side. "
                    "One warm Saturday is one observation, not the park.",
              "nl": "b) De verhouding vergelijkt de leeftijdsmix op één plek en moment met de "
                    "hele schouw. Over inkomen of herkomst zegt ze niets (een schouw ziet die "
                    "niet), en ook niet over contact: de aantekeningen zeggen dat gezinnen "
                    "naast elkaar barbecueën. Eén warme zaterdag is één observatie, niet het "
                    "park."},
))

define(Exercise(
    id="7.4-missing-kinds",
    kind="choice",
    answer=1,
    options=[
        {"en": "Conclude that the buurt has no welfare organisation, shop, church or gym, "
               "and ask for funding for them.",
         "nl": "Concluderen dat de buurt geen welzijnsorganisatie, winkel, kerk of "
               "sportschool heeft, en er geld voor vragen."},
        {"en": "First find out whether they are missing from the buurt or from the map: "
               "walk again at other times and ask the key figures whom else to talk to.",
         "nl": "Eerst uitzoeken of ze in de buurt ontbreken of op de kaart: nog eens lopen op "
               "andere tijden en de sleutelfiguren vragen met wie je nog meer moet praten."},
        {"en": "Leave them out of the report: what is not on the map does not matter.",
         "nl": "Ze uit het verslag laten: wat niet op de kaart staat, doet er niet toe."},
    ],
    hints=[
        {"en": "A map made in a few afternoons is a sample of the buurt. Who made it, when, "
               "and whom did they ask?",
         "nl": "Een kaart die in een paar middagen is gemaakt, is een steekproef van de buurt. "
               "Wie maakte hem, wanneer, en wie werd er gevraagd?"},
        {"en": "The interview guide ends with 'which organisation should I also talk to?'. "
               "What is that question for?",
         "nl": "De gespreksleidraad eindigt met 'met welke organisatie zou ik ook moeten "
               "praten?'. Waar is die vraag voor?"},
    ],
    solution={"en": "b) A gap on the map is first a question about the map. Informal places "
                    "(a shop with a public function, a prayer room, a sports club in a "
                    "school gym) are easy to miss. Only when a second walk and the key "
                    "figures confirm it is it a finding about the buurt — and then Custers's "
                    "point holds: social infrastructure cannot be imposed from above; ask "
                    "residents and organisations what they need.",
              "nl": "b) Een gat op de kaart is eerst een vraag over de kaart. Informele plekken "
                    "(een winkel met een publieke functie, een gebedsruimte, een sportclub in "
                    "een schoolgymzaal) mis je makkelijk. Pas als een tweede ronde en de "
                    "sleutelfiguren het bevestigen, is het een bevinding over de buurt — en "
                    "dan geldt Custers' punt: sociale infrastructuur kun je niet van bovenaf "
                    "opleggen; vraag bewoners en organisaties wat ze nodig hebben."},
))

define(Reflection(
    "7.4-reflect",
    prompt={"en": "You have walked through a buurt and made its social map. What did you "
                  "learn there that no statistic of the buurt would have told you — and "
                  "what would you need to check before you tell the municipality?",
            "nl": "Je hebt een buurt geschouwd en er een sociale kaart van gemaakt. Wat heb je "
                  "er geleerd dat geen statistiek van de buurt je had verteld — en wat zou je "
                  "moeten nagaan voor je het de gemeente vertelt?"},
    model_answer={"en": "A good answer names things only presence shows: who actually comes "
                        "to a place and when, which organisations send people to each other "
                        "and through which contact person, how long that person has been "
                        "there, which informal places (a café, a shop, a school's parents' "
                        "room) do public work. Custers's point is that such work often goes "
                        "unnoticed in the statistics, so one has to be present in the "
                        "neighbourhood itself. Before reporting: check that the observations "
                        "cover different days and times, ask the people you interviewed "
                        "whether you understood them, aggregate (roles and counts, no "
                        "persons), and say what the map could not see (income, background, "
                        "people who do not come out).",
                  "nl": "Een goed antwoord noemt wat alleen aanwezigheid laat zien: wie er "
                        "echt naar een plek komt en wanneer, welke organisaties elkaar mensen "
                        "sturen en via welke contactpersoon, hoe lang die er al is, welke "
                        "informele plekken (een café, een winkel, een ouderkamer op school) "
                        "publiek werk doen. Custers' punt is dat dat werk vaak onopgemerkt "
                        "blijft in de statistieken, zodat je in de wijken zelf aanwezig moet "
                        "zijn. Voor je rapporteert: ga na of de observaties verschillende "
                        "dagen en tijden dekken, vraag je gesprekspartners of je hen goed "
                        "begreep, vat samen (rollen en aantallen, geen personen), en zeg wat "
                        "de kaart niet kon zien (inkomen, herkomst, mensen die niet buiten "
                        "komen)."},
))
