"""Exercises of notebook 7.3: system world and life world; book smart and street smart.

Nothing here is a number. Two exercises mark the sentences of an invented policy memo and
an invented resident's account (:mod:`wijkwijs.examples.worlds`, whose answer key they
read, so the notebook, the key and the check cannot disagree); four are interpretations
or policy choices with a model explanation; two reflections (the case of a community
centre that is to close, and the end of the notebook) have a model answer on request.

Sources: Habermas (1981/1987), *Theorie des kommunikativen Handelns* / *The Theory of
Communicative Action*, vol. 2; Mensink (2015), "Systeem- en leefwereld: hoe de kloof te
dichten", *Sociale Vraagstukken*; De Boer (2022), "Systeem- versus leefwereld?"
(Perspectivity); Custers, *Een betere wijk begint ín de wijk* (dossier *Lokaal ideaal XL*).

>>> from wijkwijs.exercises import check, get
>>> get("7.3-memo-life").expected()
[3, 6, 8]
>>> print(check("7.3-account-system", ["6", "4", "3"]))
Correct!
"""

from __future__ import annotations

from wijkwijs.examples import worlds
from wijkwijs.exercises import Exercise, Reflection, define


def _marking(exercise_id: str, name: str, world: str, general: dict[str, str],
             specific: dict[str, str]) -> Exercise:
    count = len(worlds.sentences_in(name, world))
    return Exercise(
        id=exercise_id,
        kind="set",
        answer=lambda: worlds.sentences_in(name, world),
        hints=[general,
               {"en": f"There are {count} of them. {specific['en']} Type the numbers "
                      "separated by commas, e.g. 1, 2.",
                "nl": f"Het zijn er {count}. {specific['nl']} Typ de nummers gescheiden "
                      "door komma's, bijvoorbeeld 1, 2."}],
        solution={lang: worlds.solution_text(name, world, lang) for lang in ("en", "nl")},
    )


define(Exercise(
    id="7.3-colonisation",
    kind="choice",
    answer=2,
    options=[
        {"en": "Neighbours who cook together at the community centre disagree about the "
               "menu and settle it by talking it through.",
         "nl": "Buren die samen koken in het buurthuis zijn het oneens over het menu en "
               "komen er samen pratend uit."},
        {"en": "The municipality pays the centre's rent by bank transfer and an official "
               "checks the invoice.",
         "nl": "De gemeente betaalt de huur van het buurthuis per bankoverschrijving en een "
               "ambtenaar controleert de factuur."},
        {"en": "To keep its grant, the cooking group must log every conversation as a "
               "'contact moment', and the volunteers begin to invite the guests who count "
               "best in the figures.",
         "nl": "Om de subsidie te houden moet de kookgroep elk gesprek als 'contactmoment' "
               "registreren, en de vrijwilligers gaan de gasten uitnodigen die het best "
               "tellen in de cijfers."},
    ],
    hints=[
        {"en": "Colonisation is not the system being there: money and administration are "
               "needed. It is money or power taking over a part of life that runs on "
               "people understanding each other.",
         "nl": "Kolonisering is niet dat het systeem er is: geld en bestuur zijn nodig. Het "
               "is dat geld of macht een deel van het leven overneemt dat draait op mensen "
               "die elkaar begrijpen."},
        {"en": "Look for the option in which a grant's way of counting changes how people in "
               "an everyday group treat each other.",
         "nl": "Zoek de optie waarin de telwijze van een subsidie verandert hoe mensen in een "
               "alledaagse groep met elkaar omgaan."},
    ],
    solution={"en": "c) The grant's logic (count contact moments) enters a group that ran on "
                    "mutual understanding, and changes whom the volunteers invite: the "
                    "system steers the lifeworld (Habermas 1981/1987, vol. 2). a) is the "
                    "lifeworld at work; b) is the system doing its own job, with money, "
                    "where it belongs.",
              "nl": "c) De logica van de subsidie (contactmomenten tellen) dringt een groep "
                    "binnen die draaide op onderling begrip, en verandert wie de "
                    "vrijwilligers uitnodigen: het systeem stuurt de leefwereld (Habermas "
                    "1981/1987, deel 2). a) is de leefwereld aan het werk; b) is het systeem "
                    "dat zijn eigen werk doet, met geld, waar het hoort."},
))

define(Exercise(
    id="7.3-two-groups",
    kind="choice",
    answer=1,
    options=[
        {"en": "None: the town hall is the system world and the residents are the life "
               "world; that is what the terms mean.",
         "nl": "Geen: het stadhuis is de systeemwereld en de bewoners zijn de leefwereld; "
               "dat is wat de begrippen betekenen."},
        {"en": "The split into two worlds does not quite hold: officials have a lifeworld "
               "too and residents deal with systems every day; and acting as if the split "
               "were real can make it come true.",
         "nl": "De opdeling in twee werelden klopt niet helemaal: ambtenaren hebben ook een "
               "leefwereld en bewoners hebben elke dag met systemen te maken; en doen alsof "
               "de tweedeling echt is, kan haar waarmaken."},
        {"en": "Cities have no life world left, so the pair does not apply to a wijk.",
         "nl": "Steden hebben geen leefwereld meer, dus het begrippenpaar past niet op een "
               "wijk."},
    ],
    hints=[
        {"en": "Mensink (2015) names three problems with how the pair is used. Which of "
               "the options is one of them?",
         "nl": "Mensink (2015) noemt drie problemen met hoe het begrippenpaar gebruikt "
               "wordt. Welke optie is er een van?"},
        {"en": "Think of a resident who quotes a letter from the municipality to her "
               "neighbours: whose language does she speak?",
         "nl": "Denk aan een bewoner die een brief van de gemeente aan haar buren citeert: "
               "wiens taal spreekt ze?"},
    ],
    solution={"en": "b) Mensink (2015) argues that the division into two worlds does not "
                    "quite hold and that there is a danger of a self-fulfilling prophecy: we "
                    "start to behave as if the dichotomy existed. In Habermas the two are "
                    "ways of looking at one society, not two groups of people; a civil "
                    "servant who cycles to the office does not leave her lifeworld behind "
                    "(De Boer 2022), and a resident who quotes the municipality's letter "
                    "speaks its language.",
              "nl": "b) Mensink (2015) betoogt dat de opdeling in twee werelden niet helemaal "
                    "klopt en dat er een gevaar van een selffulfilling prophecy is: we gaan "
                    "ons gedragen alsof de tweedeling bestaat. Bij Habermas zijn het twee "
                    "manieren om naar één samenleving te kijken, geen twee groepen mensen; "
                    "een ambtenaar die naar kantoor fietst laat haar leefwereld niet achter "
                    "(De Boer 2022), en een bewoner die de brief van de gemeente citeert, "
                    "spreekt de taal van de gemeente."},
))

define(_marking(
    "7.3-memo-life", "memo", "life",
    {"en": "Life-world language speaks of particular people, their relations and what "
           "things mean to them, in their own words; system-world language of money, "
           "rules, indicators, targets and risks to the administration.",
     "nl": "Leefwereldtaal spreekt over bepaalde mensen, hun relaties en wat dingen voor hen "
           "betekenen, in hun eigen woorden; systeemtaal over geld, regels, indicatoren, "
           "taakstellingen en risico's voor het bestuur."},
    {"en": "Sentence 3 (the volunteer's story) is one.",
     "nl": "Zin 3 (het verhaal van de vrijwilliger) is er een."},
))

define(_marking(
    "7.3-account-system", "account", "system",
    {"en": "A resident can speak system-world language too: procedures she had to go "
           "through, the categories of a grant, the words of a letter from the municipality.",
     "nl": "Ook een bewoner kan systeemtaal spreken: procedures die ze moest doorlopen, de "
           "categorieën van een subsidie, de woorden van een brief van de gemeente."},
    {"en": "Sentence 4 (the attendance list) is one.",
     "nl": "Zin 4 (de presentielijst) is er een."},
))

define(Exercise(
    id="7.3-voldoende",
    kind="choice",
    answer=2,
    options=[
        {"en": "That the buurt does not need the centre: it is doing well enough.",
         "nl": "Dat de buurt het buurthuis niet nodig heeft: het gaat er goed genoeg."},
        {"en": "That the centre works well, since its buurt scores 'voldoende'.",
         "nl": "Dat het buurthuis goed werkt, want de buurt scoort 'voldoende'."},
        {"en": "Little about the centre: the class sums up indicators of the area, and the "
               "centre's work, and what closing it would end, stay out of the figures.",
         "nl": "Weinig over het buurthuis: de klasse vat indicatoren van het gebied samen, en "
               "het werk van het buurthuis, en wat sluiten ervan zou beëindigen, blijven "
               "buiten de cijfers."},
    ],
    hints=[
        {"en": "What is a liveability score built from? Is the work of the centre one of "
               "its ingredients?",
         "nl": "Waaruit is een leefbaarheidsscore opgebouwd? Is het werk van het buurthuis "
               "een van de ingrediënten?"},
        {"en": "Custers: such instruments give limited insight into the social "
               "infrastructure, because the work of organisations often goes unnoticed in "
               "the statistics. The 'voldoende' may even be partly the centre's doing.",
         "nl": "Custers: zulke instrumenten geven beperkt inzicht in de sociale "
               "infrastructuur, omdat het werk van organisaties vaak onopgemerkt blijft in "
               "de statistieken. De 'voldoende' kan zelfs deels aan het buurthuis te danken "
               "zijn."},
    ],
    solution={"en": "c) A liveability class signals where extra attention may be needed; it "
                    "does not see the work of organisations (Custers). Neither a) nor b) "
                    "follows: the class may be 'voldoende' partly because of what the centre "
                    "does, and a score says nothing about how well one organisation works. "
                    "To know, you have to ask on the spot.",
              "nl": "c) Een leefbaarheidsklasse signaleert waar extra aandacht nodig kan "
                    "zijn; het werk van organisaties ziet ze niet (Custers). a) en b) volgen "
                    "er niet uit: de klasse kan deels 'voldoende' zijn dankzij wat het "
                    "buurthuis doet, en een score zegt niets over hoe goed één organisatie "
                    "werkt. Om het te weten moet je het ter plekke vragen."},
))

define(Exercise(
    id="7.3-street-smart",
    kind="choice",
    answer=1,
    options=[
        {"en": "Someone who writes excellent policy papers and has a fine nose for the "
               "alderman's political risks.",
         "nl": "Iemand die uitstekende beleidsstukken schrijft en een fijne neus heeft voor "
               "de politieke risico's van de wethouder."},
        {"en": "Someone who can write policy papers and also keeps good contacts with the "
               "organisations of the wijk and knows what goes on there.",
         "nl": "Iemand die beleidsstukken kan schrijven en ook goede contacten onderhoudt met "
               "de organisaties in de wijk en weet wat er speelt."},
        {"en": "A data analyst who refines the wijk's dashboard, so that nobody needs to go "
               "there.",
         "nl": "Een data-analist die het wijkdashboard verfijnt, zodat niemand er meer heen "
               "hoeft."},
    ],
    hints=[
        {"en": "Custers contrasts what civil servants are chosen for now with what the "
               "government could steer towards in hiring.",
         "nl": "Custers zet af waarop ambtenaren nu geselecteerd worden tegen waarop de "
               "overheid bij het aannemen meer zou kunnen sturen."},
        {"en": "'Not only book smart, but also street smart': not only, but also.",
         "nl": "'Niet alleen book smart, maar ook street smart': niet alleen, maar ook."},
    ],
    solution={"en": "b) Custers: the government could steer more towards hiring people who "
                    "keep good contacts with organisations and know what goes on in the "
                    "wijken: policy makers who are not only book smart but also street "
                    "smart. a) is what, he writes, civil servants are often chosen for now "
                    "(writing policy papers, 'bestuurspolitieke gevoeligheid'); c) relies on "
                    "the figures alone, which he warns against.",
              "nl": "b) Custers: de overheid zou meer kunnen sturen op het aannemen van "
                    "mensen die goede contacten met organisaties onderhouden en weten wat er "
                    "in de wijken speelt: beleidsmakers die niet alleen book smart zijn, maar "
                    "ook street smart. a) is waarop ambtenaren volgens hem nu vaak "
                    "geselecteerd worden (beleidsstukken schrijven, bestuurspolitieke "
                    "gevoeligheid); c) vaart alleen op de cijfers, waartegen hij waarschuwt."},
))

define(Reflection(
    "7.3-case-centre",
    prompt={"en": "The municipality wants to close a community centre to save money; the "
                  "liveability class of the buurt is 'voldoende'. What do you need to know "
                  "before you advise, and from whom? Name at least four things, and for "
                  "each whom you would ask.",
            "nl": "De gemeente wil een buurthuis sluiten om te bezuinigen; de "
                  "leefbaarheidsklasse van de buurt is 'voldoende'. Wat moet je weten voordat "
                  "je adviseert, en van wie? Noem minstens vier dingen, en bij elk wie je het "
                  "zou vragen."},
    model_answer={
        "en": "What: who comes (which groups, how often, and who comes nowhere else); what "
              "happens there besides the programme (informal help, a listening ear); whom "
              "the centre refers to and who refers to it (wijkteam, GP, debt counselling, "
              "school); what would replace it, and whether these users can and will go "
              "there (distance, stairs, another group's space); its funding history "
              "(incidental or structural grants, earlier cuts, staff turnover, how long "
              "the contact person has been there); which residents' initiatives depend on "
              "it for a room or a fixed contact person; and whether it works well, since "
              "organisations are not sacred and sometimes dysfunctional (Custers). From "
              "whom: the centre's staff and volunteers; users, and residents who do not "
              "come (ask why); the wijkagent; a GP or practice nurse; the head of a nearby "
              "school; shopkeepers and places of worship; the welfare organisation or "
              "wijkteam; the municipality's own grant files for the funding history. "
              "How: visit at different times, observe and ask (notebook 7.4). The class "
              "'voldoende' answers none of these questions, and may be partly the "
              "centre's own work.",
        "nl": "Wat: wie er komen (welke groepen, hoe vaak, en wie nergens anders komt); wat "
              "er naast het programma gebeurt (informele hulp, een luisterend oor); naar "
              "wie het buurthuis doorverwijst en wie naar het buurthuis verwijst "
              "(wijkteam, huisarts, schuldhulp, school); wat ervoor in de plaats komt, en of "
              "deze bezoekers daar heen kunnen en willen (afstand, trappen, de ruimte van "
              "een andere groep); de financieringsgeschiedenis (incidentele of structurele "
              "subsidie, eerdere bezuinigingen, personeelsverloop, hoe lang het "
              "aanspreekpunt er al is); welke bewonersinitiatieven ervan afhangen voor een "
              "ruimte of een vast aanspreekpunt; en of het goed werkt, want organisaties "
              "zijn niet heilig en soms disfunctioneel (Custers). Van wie: de medewerkers "
              "en vrijwilligers van het buurthuis; bezoekers, en bewoners die niet komen "
              "(vraag waarom); de wijkagent; een huisarts of praktijkondersteuner; de "
              "directeur van een school in de buurt; winkeliers en gebedshuizen; de "
              "welzijnsorganisatie of het wijkteam; de eigen subsidiedossiers van de "
              "gemeente voor de financieringsgeschiedenis. Hoe: ga op verschillende tijden "
              "kijken, observeer en vraag (notebook 7.4). De klasse 'voldoende' beantwoordt "
              "geen van deze vragen, en kan deels het werk van het buurthuis zelf zijn."},
))

define(Reflection(
    "7.3-reflect",
    prompt={"en": "Think of your own work, study or buurt. Where did you last see the system "
                  "world and the life world talk past each other? What would a street-smart "
                  "step have been, and what would it have cost?",
            "nl": "Denk aan je eigen werk, studie of buurt. Waar zag je voor het laatst de "
                  "systeemwereld en de leefwereld langs elkaar heen praten? Wat was een street "
                  "smart stap geweest, en wat had die gekost?"},
    model_answer={
        "en": "For example: a letter announced that a playground would be 'redeveloped "
              "within the framework of the area plan', while the parents who use it heard "
              "only that their children's place would go. A street-smart step: before the "
              "letter, an official visits the playground at school-out time with the "
              "neighbourhood worker, asks the parents what the place is for, and writes "
              "their answers into the memo, so that they count in the decision. It costs "
              "a few hours and the risk of hearing an unwelcome answer; it also shows that "
              "the line does not run between officials and residents, since the official "
              "is a parent somewhere too. This is Custers's point: policy in which the "
              "residents' perspective plays a larger role needs people who know what goes "
              "on in the wijken.",
        "nl": "Bijvoorbeeld: een brief meldde dat een speeltuin 'binnen de kaders van het "
              "gebiedsplan wordt herontwikkeld', terwijl de ouders die er komen alleen "
              "hoorden dat de plek van hun kinderen verdwijnt. Een street smart stap: "
              "vóór de brief gaat een ambtenaar met de buurtwerker bij de speeltuin kijken "
              "als de school uitgaat, vraagt de ouders waar de plek voor is, en schrijft "
              "hun antwoorden in de memo, zodat ze meetellen in het besluit. Het kost een "
              "paar uur en het risico een onwelkom antwoord te horen; het laat ook zien dat "
              "de grens niet tussen ambtenaren en bewoners loopt, want de ambtenaar is "
              "ergens ook ouder. Dit is het punt van Custers: beleid waarin het perspectief "
              "van bewoners een grotere rol speelt, vraagt mensen die weten wat er in de "
              "wijken speelt."},
))
