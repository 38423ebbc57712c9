"""Chapter 8's research projects: one brief and one template per audience.

Three audiences take the course (see the welcome notebook), and each gets a project that
joins the figures of chapter 8 to what only a visit shows:

* ``"university"`` — a research question on Havenstad (synthetic) or real CBS data, and
  a report template;
* ``"civil_servants"`` — a *wijkscan* memo: the figures of one buurt
  (:func:`wijkwijs.examples.own_neighbourhood.wijkscan`) plus a street-level check;
* ``"residents"`` — a walk through your own buurt and an inventory of its places
  (:func:`inventory_sheet`), after the kinds of organisations and places Custers
  (*Een betere wijk begint ín de wijk*) counts as the social infrastructure.

Every text is in English and Dutch (:mod:`wijkwijs.i18n`); a learner copies the template
into a Markdown cell or a file of their own.

>>> print(research_brief("residents").splitlines()[0])
### Residents: a walk and an inventory of your own buurt
>>> list(inventory_sheet().columns)[:3]
['kind', 'name', 'where']
"""

from __future__ import annotations

import pandas as pd

from wijkwijs._validate import check_choice
from wijkwijs.i18n import get_language, register, t

__all__ = ["AUDIENCES", "PLACE_KINDS", "inventory_sheet", "report_template",
           "research_brief"]

#: The three audiences of the course, in the order the chapter shows them.
AUDIENCES: tuple[str, ...] = ("university", "civil_servants", "residents")

#: The kinds of organisations and places that Custers names as the social
#: infrastructure of a buurt (English, Dutch).
PLACE_KINDS: tuple[tuple[str, str], ...] = (
    ("community centre", "buurthuis"),
    ("meeting place for young people", "ontmoetingsplek voor jongeren"),
    ("volunteer organisation", "vrijwilligersorganisatie"),
    ("welfare organisation", "welzijnsorganisatie"),
    ("church", "kerk"),
    ("mosque", "moskee"),
    ("gym", "sportschool"),
    ("café", "café"),
    ("shop", "winkel"),
    ("other (say what)", "anders (zeg wat)"),
)

register({
    "ch8.brief.university": {
        "en": """### University: a research question and a report

**Question.** Choose one, or make your own, and write it down before you compute
anything:

1. *Scale.* Is low-income segregation in Amsterdam or Den Haag higher over buurten than
   over wijken, and by how much? What does that say about the scale at which households
   are sorted?
2. *Tenure.* Is the social-rent stock more segregated than low-income households? Custers
   (*Een betere wijk begint ín de wijk*) links the separation of the lowest incomes to
   social rent that is shrinking and concentrated in a limited number of areas: do the
   figures of one city fit that reading?
3. *Change.* Did D change between 2017 and 2019 over the same buurten of Amsterdam, and is
   the change larger than what withheld buurten alone could cause?
4. *Havenstad (synthetic).* In the synthetic city, does the Leefbaarometer-like score
   tell apart buurten with and without meeting places?

**Method.** The measures of chapters 1 and 2 through `wijkwijs.opendata`; say which
buurten you left out and why; compare at least two scales or two years; and add one
observation that is not in the statistics (a visit, an interview, a document: chapter
7, *street smart*).

**Deliverable.** A report of 1,500–2,500 words following the template below.""",
        "nl": """### Universiteit: een onderzoeksvraag en een verslag

**Vraag.** Kies er een, of bedenk er zelf een, en schrijf hem op voordat je iets
berekent:

1. *Schaal.* Is de segregatie van lage inkomens in Amsterdam of Den Haag over buurten
   hoger dan over wijken, en hoeveel? Wat zegt dat over de schaal waarop huishoudens
   gesorteerd worden?
2. *Eigendom.* Is de sociale huurvoorraad sterker gesegregeerd dan de huishoudens met
   een laag inkomen? Custers (*Een betere wijk begint ín de wijk*) verbindt de scheiding
   van de laagste inkomens met sociale huur die afneemt en geconcentreerd raakt in een
   beperkt aantal wijken: passen de cijfers van één stad bij die lezing?
3. *Verandering.* Veranderde D tussen 2017 en 2019 over dezelfde buurten van Amsterdam,
   en is die verandering groter dan wat niet-gepubliceerde buurten alleen kunnen
   veroorzaken?
4. *Havenstad (synthetisch).* Onderscheidt de Leefbaarometer-achtige score in de
   synthetische stad buurten met en zonder ontmoetingsplekken?

**Methode.** De maten van hoofdstuk 1 en 2 met `wijkwijs.opendata`; zeg welke buurten je
wegliet en waarom; vergelijk minstens twee schalen of twee jaren; en voeg één
waarneming toe die niet in de statistiek staat (een bezoek, een interview, een document:
hoofdstuk 7, *street smart*).

**Product.** Een verslag van 1.500–2.500 woorden volgens het sjabloon hieronder."""},
    "ch8.brief.civil_servants": {
        "en": """### Civil servants: a wijkscan memo

**Task.** Write a memo of at most two pages on one buurt of your municipality for a
colleague who has to decide about it.

1. *Figures.* Print the buurt's figures next to the municipality's with
   `own_neighbourhood.wijkscan(kwb, code)`; say which values CBS did not publish and
   what that means (withheld is not zero).
2. *Street-level check.* Visit the buurt (an hour is enough to start) and answer the
   questions of the memo: which places and organisations are there, whom do they serve,
   how are they funded, what do residents and professionals say?
3. *Reading.* Where do the figures and the visit agree, and where not? Which decision
   would you take on the figures alone, and would you still take it after the visit?

**Deliverable.** The memo, with the template below; figures with their source (Bron:
CBS, CC BY 4.0), observations with date and place.""",
        "nl": """### Ambtenaren: een wijkscan-memo

**Opdracht.** Schrijf een memo van hooguit twee kantjes over één buurt in je gemeente,
voor een collega die erover moet beslissen.

1. *Cijfers.* Zet de cijfers van de buurt naast die van de gemeente met
   `own_neighbourhood.wijkscan(kwb, code)`; zeg welke waarden CBS niet publiceerde en wat
   dat betekent (niet gepubliceerd is niet nul).
2. *Check op straatniveau.* Bezoek de buurt (een uur is genoeg om te beginnen) en
   beantwoord de vragen van de memo: welke plekken en organisaties zijn er, voor wie,
   hoe worden ze gefinancierd, wat zeggen bewoners en professionals?
3. *Lezing.* Waar stemmen de cijfers en het bezoek overeen, en waar niet? Welk besluit
   zou je op de cijfers alleen nemen, en zou je het na het bezoek nog steeds nemen?

**Product.** De memo, met het sjabloon hieronder; cijfers met hun bron (Bron: CBS,
CC BY 4.0), waarnemingen met datum en plaats."""},
    "ch8.brief.residents": {
        "en": """### Residents: a walk and an inventory of your own buurt

**Task.** Walk through your buurt for an hour and write down the places where people
meet or find help.

1. Before you go, look up your buurt's figures (notebook 8.1 or 8.2): how many live
   there, how many households have a low income, how many homes are social rent?
2. On the walk, fill in one row of the inventory for every place you find: what kind it
   is, its name, where it is, who comes there, what happens there, and whom you could
   ask about it.
3. Afterwards: what did you find that the figures do not show? Which place would you
   miss most if it closed?

**Deliverable.** Your inventory (the table below) and three sentences on what you
learned. Keep the names of people you spoke to out of it, unless they agree.""",
        "nl": """### Bewoners: een wandeling en een inventaris van je eigen buurt

**Opdracht.** Wandel een uur door je buurt en schrijf de plekken op waar mensen elkaar
ontmoeten of hulp vinden.

1. Zoek vooraf de cijfers van je buurt op (notebook 8.1 of 8.2): hoeveel mensen wonen
   er, hoeveel huishoudens hebben een laag inkomen, hoeveel woningen zijn sociale huur?
2. Vul tijdens de wandeling voor elke plek die je vindt één regel van de inventaris in:
   wat voor plek het is, de naam, waar het is, wie er komt, wat er gebeurt, en wie je
   erover kunt vragen.
3. Daarna: wat vond je dat de cijfers niet laten zien? Welke plek zou je het meest
   missen als hij sloot?

**Product.** Je inventaris (de tabel hieronder) en drie zinnen over wat je leerde.
Laat de namen van mensen met wie je sprak weg, tenzij ze het goed vinden."""},
    "ch8.template.university": {
        "en": """```markdown
# [Title]
**Author(s), date.**

## 1. Question
[One sentence, written before computing anything.]

## 2. Why it matters
[Two or three sources: e.g. Custers, *Een betere wijk begint ín de wijk*; San Millán,
Cottineau-Mugadza & van Ham (2025), *Tijdschrift voor Economische en Sociale
Geografie* 116, 508–530.]

## 3. Data
[Which file (CBS table id and year, or Havenstad: synthetic), which municipality, how
many buurten; which buurten were left out and why (withheld values); the quality check.]

## 4. Method
[The measures and their formulas; the scales or years compared.]

## 5. Results
[Tables and figures with numbers printed by code; captions with the source.]

## 6. What the numbers cannot tell
[Withheld values, the definition of a low income, buurt boundaries and scale, what
squares of 500 m would show; one observation from outside the statistics.]

## 7. Conclusion
[The answer to the question, and how sure you are.]

## Sources and data statement
[References. "Bron: CBS, CC BY 4.0" for CBS figures; Havenstad is synthetic.]
```""",
        "nl": """```markdown
# [Titel]
**Auteur(s), datum.**

## 1. Vraag
[Eén zin, opgeschreven voordat je iets berekent.]

## 2. Waarom het ertoe doet
[Twee of drie bronnen: bv. Custers, *Een betere wijk begint ín de wijk*; San Millán,
Cottineau-Mugadza & van Ham (2025), *Tijdschrift voor Economische en Sociale
Geografie* 116, 508–530.]

## 3. Gegevens
[Welk bestand (CBS-tabel en jaar, of Havenstad: synthetisch), welke gemeente, hoeveel
buurten; welke buurten weggelaten zijn en waarom (niet-gepubliceerde waarden); de
kwaliteitscontrole.]

## 4. Methode
[De maten en hun formules; de vergeleken schalen of jaren.]

## 5. Resultaten
[Tabellen en figuren met getallen die code afdrukt; bijschriften met de bron.]

## 6. Wat de cijfers niet kunnen vertellen
[Niet-gepubliceerde waarden, de definitie van een laag inkomen, buurtgrenzen en schaal,
wat vierkanten van 500 m zouden laten zien; één waarneming van buiten de statistiek.]

## 7. Conclusie
[Het antwoord op de vraag, en hoe zeker je bent.]

## Bronnen en gegevens
[Literatuur. "Bron: CBS, CC BY 4.0" bij cijfers van CBS; Havenstad is synthetisch.]
```"""},
    "ch8.template.civil_servants": {
        "en": """```markdown
# Wijkscan [buurt], [municipality] — [date]
**For:** [colleague, decision]   **By:** [name]

## The figures (Bron: CBS, CC BY 4.0, KWB [year])
[The table of own_neighbourhood.wijkscan(kwb, code); values not published, and why.]

## What I saw (visit of [date], [time], [route])
- Places and organisations: [...]
- Who they serve, how they are funded: [...]
- What residents and professionals said: [...]

## Where figures and visit agree, and where not
[...]

## Advice
[What to decide, what to find out first, whom to involve.]
```""",
        "nl": """```markdown
# Wijkscan [buurt], [gemeente] — [datum]
**Voor:** [collega, besluit]   **Door:** [naam]

## De cijfers (Bron: CBS, CC BY 4.0, KWB [jaar])
[De tabel van own_neighbourhood.wijkscan(kwb, code); niet-gepubliceerde waarden, en waarom.]

## Wat ik zag (bezoek van [datum], [tijd], [route])
- Plekken en organisaties: [...]
- Voor wie, hoe gefinancierd: [...]
- Wat bewoners en professionals zeiden: [...]

## Waar cijfers en bezoek overeenstemmen, en waar niet
[...]

## Advies
[Wat te besluiten, wat eerst uit te zoeken, wie te betrekken.]
```"""},
    "ch8.template.residents": {
        "en": """```markdown
# My buurt: [name] — walk of [date]

| kind of place | name | where | who comes | what happens | whom to ask |
|---|---|---|---|---|---|
| | | | | | |

What the figures do not show: [...]
The place I would miss most: [...], because [...]
```""",
        "nl": """```markdown
# Mijn buurt: [naam] — wandeling van [datum]

| soort plek | naam | waar | wie komt er | wat gebeurt er | wie kun je vragen |
|---|---|---|---|---|---|
| | | | | | |

Wat de cijfers niet laten zien: [...]
De plek die ik het meest zou missen: [...], omdat [...]
```"""},
})


def research_brief(audience: str) -> str:
    """The research brief of one audience (Markdown, current language).

    >>> research_brief("university").splitlines()[0]
    '### University: a research question and a report'
    """
    check_choice(audience, AUDIENCES, "audience")
    return t(f"ch8.brief.{audience}")


def report_template(audience: str) -> str:
    """The template of one audience's deliverable, as a Markdown code block to copy.

    >>> report_template("civil_servants").splitlines()[1]
    '# Wijkscan [buurt], [municipality] — [date]'
    """
    check_choice(audience, AUDIENCES, "audience")
    return t(f"ch8.template.{audience}")


def inventory_sheet(language: str | None = None) -> pd.DataFrame:
    """An empty inventory of a buurt's places, one row per kind Custers names.

    The kinds are those of Custers (*Een betere wijk begint ín de wijk*): community
    centres, meeting places for young people, volunteer and welfare organisations, and
    private organisations with a public function such as churches, mosques, gyms, cafés
    and shops. Fill in one row per place; add rows for a kind you find more than once.

    >>> sheet = inventory_sheet("nl")
    >>> sheet["kind"].tolist()[:2], bool(sheet["name"].eq("").all())
    (['buurthuis', 'ontmoetingsplek voor jongeren'], True)
    """
    lang = get_language() if language is None else check_choice(language, ("en", "nl"),
                                                                 "language")
    kinds = [en if lang == "en" else nl for en, nl in PLACE_KINDS]
    columns = ["name", "where", "who_comes", "what_happens", "whom_to_ask"]
    return pd.DataFrame({"kind": kinds, **{c: [""] * len(kinds) for c in columns}})
