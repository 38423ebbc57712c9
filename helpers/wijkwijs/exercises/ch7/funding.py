"""Exercises of notebook 7.2: under pressure, funding and continuity.

Every expected answer is computed: Havenstad's answers by
:mod:`wijkwijs.havenstad.funding` (they load data, so they import it only when they are
computed: loading this bank loads no data), the survival answers by
:mod:`wijkwijs.survival`, the model answers by :mod:`wijkwijs.models.continuity`. No
Havenstad number is written here: the data may be regenerated, the answers follow.
Three exercises ask for a prediction before the notebook shows what settles it, one is
an interpretation (censoring), one a choice between funding policies.

>>> from wijkwijs.exercises import get
>>> get("7.2-km-by-hand").expected()
0.3
"""

from __future__ import annotations

from wijkwijs.exercises import Exercise, Reflection, define

#: The invented organisations of exercise 7.2-km-by-hand: (years open, closed?).
KM_EXAMPLE: tuple[tuple[int, bool], ...] = ((2, True), (3, True), (3, False), (5, True),
                                            (6, False))
#: The funding types a learner chooses from in 7.2-predict-closures, in option order.
CLOSURE_OPTIONS: tuple[str, ...] = ("structural", "incidental", "own_income", "commercial")
#: The three changes to project money compared in 7.2-policy (overrides of the project
#: regime in :func:`wijkwijs.models.continuity.compare_funding_runs`).
POLICY_OPTIONS: tuple[dict[str, float], ...] = (
    {"cycle_years": 2, "turnover_per_cycle": 0.0},
    {"cycle_years": 4},
    {"cycle_years": 1, "renewal_probability": 0.95},
)
#: Runs averaged for the answer of 7.2-policy.
POLICY_RUNS = 200


# -- answers -----------------------------------------------------------------------------
def _km_by_hand() -> float:
    from wijkwijs.survival import kaplan_meier

    table = kaplan_meier([d for d, _ in KM_EXAMPLE], [c for _, c in KM_EXAMPLE])
    return round(float(table.loc[table["time"] == 5, "survival"].iloc[0]), 6)


def _most_closed() -> int:
    from wijkwijs.havenstad import funding

    share = funding.closures_by_funding()["share_closed"]
    return CLOSURE_OPTIONS.index(str(share.loc[list(CLOSURE_OPTIONS)].idxmax()))


def _median_incidental() -> float:
    from wijkwijs.havenstad import funding

    return float(funding.survival_by_funding().attrs["median"]["incidental"])


def _delayed_entry_effect() -> int:
    """0: the naive median is shorter, 1: about the same (within 10 %), 2: longer."""
    from wijkwijs.havenstad import funding

    delayed = funding.survival_by_funding().attrs["median"]["structural"]
    naive = funding.survival_by_funding(delayed_entry=False).attrs["median"]["structural"]
    if abs(naive - delayed) <= 0.1 * delayed:
        return 1
    return 2 if naive > delayed else 0


def _cuts_share() -> float:
    from wijkwijs.havenstad import funding

    return float(funding.closures_in_cuts()["share"])


def _reopened_after_cuts() -> int:
    """0: most predecessors of the reopenings closed in the cuts (2011–2014), 1: later."""
    from wijkwijs.havenstad import funding

    r = funding.reopenings()
    first, last = funding.CUT_YEARS
    in_cuts = r["predecessor_closed"].astype(float).between(first, last).mean()
    return 0 if in_cuts >= 0.5 else 1


def policy_referrals() -> list[float]:
    """Referrals over ten years for each of :data:`POLICY_OPTIONS` (the model's mean).

    >>> len(policy_referrals())
    3
    """
    from wijkwijs.models.continuity import compare_funding_runs, scenario_totals

    return [float(scenario_totals(compare_funding_runs(runs=POLICY_RUNS, project=option))
                  .loc["referrals", "project"]) for option in POLICY_OPTIONS]


def _best_policy() -> int:
    referrals = policy_referrals()
    return referrals.index(max(referrals))


# -- exercises ---------------------------------------------------------------------------
define(Exercise(
    id="7.2-predict-closures",
    kind="choice",
    answer=_most_closed,
    options=[
        {"en": "Structural (a standing subsidy)", "nl": "Structureel (een vaste subsidie)"},
        {"en": "Incidental (project money for a year or two)",
         "nl": "Incidenteel (projectgeld voor een jaar of twee)"},
        {"en": "Own income (members, rent, donations)",
         "nl": "Eigen inkomsten (leden, huur, giften)"},
        {"en": "Commercial (a café, a shop, a gym)",
         "nl": "Commercieel (een café, een winkel, een sportschool)"},
    ],
    hints=[
        {"en": "Custers names one kind of funding as the cause of closures and staff "
               "turnover. Which one?",
         "nl": "Custers noemt één soort financiering als oorzaak van sluitingen en "
               "personeelsverloop. Welke?"},
        {"en": "funding.closures_by_funding() has the column share_closed; take the "
               "funding type with the largest share.",
         "nl": "funding.closures_by_funding() heeft de kolom share_closed; neem de soort "
               "financiering met het grootste aandeel."},
    ],
    solution={"en": "b) Incidental funding. Project money that must be won again every year "
                    "or two closes a far larger share of its organisations than a standing "
                    "subsidy, in Havenstad as in Custers' account (\"incidentele en precaire "
                    "financiering\"). Commercial organisations close often too, for other "
                    "reasons: they live on their customers.",
              "nl": "b) Incidentele financiering. Projectgeld dat elk jaar of elke twee jaar "
                    "opnieuw binnengehaald moet worden, sluit een veel groter deel van zijn "
                    "organisaties dan een vaste subsidie, in Havenstad net als bij Custers "
                    "(\"incidentele en precaire financiering\"). Commerciële organisaties "
                    "sluiten ook vaak, om andere redenen: ze leven van hun klanten."},
))

define(Exercise(
    id="7.2-km-by-hand",
    kind="number",
    answer=_km_by_hand,
    tolerance=0.005,
    hints=[
        {"en": "Go through the years in order. At each year with a closure, multiply the "
               "survival so far by (1 − closures / organisations still at risk).",
         "nl": "Loop de jaren op volgorde af. Vermenigvuldig bij elk jaar met een sluiting "
               "de overleving tot dan toe met (1 − sluitingen / organisaties nog at risk)."},
        {"en": "Year 2: 5 at risk, 1 closes → 4/5. Year 3: 4 at risk, 1 closes (the other "
               "one of year 3 is censored, still at risk) → × 3/4. Year 5: who is left?",
         "nl": "Jaar 2: 5 at risk, 1 sluit → 4/5. Jaar 3: 4 at risk, 1 sluit (de andere van "
               "jaar 3 is gecensureerd, nog at risk) → × 3/4. Jaar 5: wie is er nog?"},
    ],
    solution={"en": "0.3: S(2) = 4/5 = 0.8; S(3) = 0.8 × 3/4 = 0.6; the organisation "
                    "censored at 3 then leaves the risk set, so at 5 two are at risk and one "
                    "closes: S(5) = 0.6 × 1/2 = 0.3. kaplan_meier([2, 3, 3, 5, 6], "
                    "[1, 1, 0, 1, 0]) gives the same table.",
              "nl": "0,3: S(2) = 4/5 = 0,8; S(3) = 0,8 × 3/4 = 0,6; de organisatie die bij 3 "
                    "gecensureerd is, valt daarna uit de risicogroep, dus bij 5 zijn er twee "
                    "at risk en sluit er één: S(5) = 0,6 × 1/2 = 0,3. kaplan_meier([2, 3, 3, "
                    "5, 6], [1, 1, 0, 1, 0]) geeft dezelfde tabel."},
))

define(Exercise(
    id="7.2-censoring",
    kind="choice",
    answer=2,
    options=[
        {"en": "Leave it out: only the organisations that closed tell us how long "
               "organisations last.",
         "nl": "Laat haar weg: alleen de organisaties die sloten vertellen hoe lang "
               "organisaties bestaan."},
        {"en": "Count it as closed in the last data year: that is the cautious choice.",
         "nl": "Tel haar als gesloten in het laatste jaar van de data: dat is de "
               "voorzichtige keuze."},
        {"en": "Count it as open for as long as we saw it, and no longer: we know it lasted "
               "at least that long.",
         "nl": "Tel haar als open zolang we haar zagen, en niet langer: we weten dat ze "
               "minstens zo lang bestond."},
    ],
    hints=[
        {"en": "What do we actually know about an organisation that is still open today?",
         "nl": "Wat weten we eigenlijk over een organisatie die vandaag nog open is?"},
        {"en": "Leaving the survivors out keeps only the short lives; counting them as "
               "closed shortens their lives. Which option uses exactly what we know?",
         "nl": "De overlevers weglaten houdt alleen de korte levens over; ze als gesloten "
               "tellen maakt hun levens korter. Welke optie gebruikt precies wat we weten?"},
    ],
    solution={"en": "c) It is censored: it lasted at least until the last data year. The "
                    "Kaplan–Meier estimator counts it at risk for every year it was seen and "
                    "then lets it drop out without a closure. Leaving it out (a) or counting "
                    "it as closed (b) both make organisations look shorter-lived than they "
                    "are — and most of all the structurally funded ones, which are the most "
                    "often still open.",
              "nl": "c) Ze is gecensureerd: ze bestond minstens tot het laatste jaar van de "
                    "data. De Kaplan–Meier-schatter telt haar als at risk in elk jaar dat we "
                    "haar zagen en laat haar daarna uitvallen zonder sluiting. Weglaten (a) "
                    "of als gesloten tellen (b) laten organisaties allebei korter lijken te "
                    "bestaan dan ze doen — en het meest de structureel gefinancierde, die het "
                    "vaakst nog open zijn."},
))

define(Exercise(
    id="7.2-median-incidental",
    kind="number",
    answer=_median_incidental,
    tolerance=0.5,
    hints=[
        {"en": "The median lifetime is the first age at which the curve is at or below "
               "one half. Read a first estimate off the figure.",
         "nl": "De mediane levensduur is de eerste leeftijd waarop de curve op of onder de "
               "helft ligt. Lees een eerste schatting af uit de figuur."},
        {"en": "funding.survival_by_funding().attrs['median'] holds the median of every "
               "funding type, in years.",
         "nl": "funding.survival_by_funding().attrs['median'] bevat de mediaan van elke "
               "soort financiering, in jaren."},
    ],
    solution={"en": "funding.survival_by_funding().attrs['median']['incidental']: the age "
                    "at which half of the incidentally funded organisations have closed. It "
                    "is a fraction of the structural median, and its interval (the band in "
                    "the figure) does not overlap the structural curve's at that age.",
              "nl": "funding.survival_by_funding().attrs['median']['incidental']: de leeftijd "
                    "waarop de helft van de incidenteel gefinancierde organisaties gesloten "
                    "is. Ze is een fractie van de structurele mediaan, en haar interval (de "
                    "band in de figuur) overlapt op die leeftijd niet met dat van de "
                    "structurele curve."},
))

define(Exercise(
    id="7.2-delayed-entry",
    kind="choice",
    answer=_delayed_entry_effect,
    options=[
        {"en": "Shorter", "nl": "Korter"},
        {"en": "About the same", "nl": "Ongeveer even lang"},
        {"en": "Longer", "nl": "Langer"},
    ],
    hints=[
        {"en": "An organisation founded in 1960 is in the table only because it was still "
               "open in 2010. Which organisations of 1960 are missing?",
         "nl": "Een organisatie uit 1960 staat alleen in de tabel omdat ze in 2010 nog open "
               "was. Welke organisaties uit 1960 ontbreken?"},
        {"en": "Counting it at risk from its founding adds decades in which it could not "
               "have closed (or it would not be in the table). Compare "
               "survival_by_funding(delayed_entry=False).attrs['median'].",
         "nl": "Haar als at risk tellen vanaf de oprichting voegt decennia toe waarin ze niet "
               "kon sluiten (anders stond ze niet in de tabel). Vergelijk "
               "survival_by_funding(delayed_entry=False).attrs['median']."},
    ],
    solution={"en": "c) Longer. The table holds only organisations that survived until the "
                    "data start: the ones that closed before are missing. Counting the "
                    "survivors at risk from their founding adds years in which none of them "
                    "could close, and survival looks better than it was (survivor bias). "
                    "Delayed entry counts each at risk only from its age in the first data "
                    "year.",
              "nl": "c) Langer. De tabel bevat alleen organisaties die tot het begin van de "
                    "data overleefden: wie eerder sloot, ontbreekt. Wie de overlevers vanaf "
                    "de oprichting at risk telt, voegt jaren toe waarin geen van hen kon "
                    "sluiten, en de overleving lijkt beter dan ze was (survivorship bias). "
                    "Vertraagde instap (delayed entry) telt elke organisatie pas at risk "
                    "vanaf haar leeftijd in het eerste jaar van de data."},
))

define(Exercise(
    id="7.2-cuts-share",
    kind="number",
    answer=_cuts_share,
    tolerance=0.01,
    hints=[
        {"en": "Count the closures of 2011–2014 and divide by all closures in the data. "
               "If closures were spread evenly, four years of twelve would hold a third.",
         "nl": "Tel de sluitingen van 2011–2014 en deel door alle sluitingen in de data. Als "
               "sluitingen gelijk verdeeld waren, zouden vier van de twaalf jaren een derde "
               "bevatten."},
        {"en": "funding.closures_in_cuts() returns the count, the total and the share "
               "(0–1).",
         "nl": "funding.closures_in_cuts() geeft het aantal, het totaal en het aandeel "
               "(0–1)."},
    ],
    solution={"en": "funding.closures_in_cuts()['share']; compare it with the third that "
                    "four ordinary years would hold. Havenstad is synthetic: its generator "
                    "triples the yearly chance of closing for subsidised organisations in "
                    "2011–2014 (the data card), to follow Custers' account that \"na de "
                    "financiële crisis van 2008 is er flink bezuinigd\" (after the 2008 "
                    "financial crisis there were deep cuts). The data show what was put in, "
                    "not evidence about a real city.",
              "nl": "funding.closures_in_cuts()['share']; vergelijk het met het derde dat vier "
                    "gewone jaren zouden bevatten. Havenstad is synthetisch: de generator "
                    "verdrievoudigt in 2011–2014 de jaarlijkse kans op sluiting van "
                    "gesubsidieerde organisaties (de datakaart), om Custers te volgen: \"na de "
                    "financiële crisis van 2008 is er flink bezuinigd\". De data laten zien "
                    "wat erin is gestopt, geen bewijs over een echte stad."},
))

define(Exercise(
    id="7.2-reopenings",
    kind="choice",
    answer=_reopened_after_cuts,
    options=[
        {"en": "Most of them replace organisations that closed in the cuts of 2011–2014",
         "nl": "De meeste vervangen organisaties die sloten in de bezuinigingen van "
               "2011–2014"},
        {"en": "Most of them replace organisations that closed later, from 2015 on",
         "nl": "De meeste vervangen organisaties die later sloten, vanaf 2015"},
    ],
    hints=[
        {"en": "Custers: little was invested in neighbourhood policy after 2008, and the "
               "NPLV has only recently changed that.",
         "nl": "Custers: na 2008 is er nauwelijks geïnvesteerd in wijkenbeleid, en het NPLV "
               "heeft daar pas recent verandering in gebracht."},
        {"en": "funding.reopenings() has the column predecessor_closed: in which years did "
               "the predecessors close?",
         "nl": "funding.reopenings() heeft de kolom predecessor_closed: in welke jaren "
               "sloten de voorgangers?"},
    ],
    solution={"en": "a) Most reopenings of 2022 replace community centres and youth spaces "
                    "that closed in the cuts — a decade without them in their buurten. "
                    "Reopening a building restores a place; the people and the trust that "
                    "were there a decade earlier have to be built again (chapter 6.4).",
              "nl": "a) De meeste heropeningen van 2022 vervangen buurthuizen en jongerenplekken "
                    "die in de bezuinigingen sloten — tien jaar zonder in hun buurt. Een "
                    "gebouw heropenen brengt een plek terug; de mensen en het vertrouwen van "
                    "tien jaar eerder moeten opnieuw worden opgebouwd (hoofdstuk 6.4)."},
))

define(Exercise(
    id="7.2-policy",
    kind="choice",
    answer=_best_policy,
    options=[
        {"en": "Keep two-year project cycles, but tie the worker's contract to the post: "
               "the same worker stays at every renewal",
         "nl": "Houd projectrondes van twee jaar, maar koppel het contract van de werker aan "
               "de functie: bij elke verlenging blijft dezelfde werker"},
        {"en": "Four-year project cycles, with the same chances of renewal and of a new "
               "worker per cycle as now",
         "nl": "Projectrondes van vier jaar, met dezelfde kansen op verlenging en op een "
               "nieuwe werker per ronde als nu"},
        {"en": "Yearly project cycles, each renewed with a chance of 95 %",
         "nl": "Jaarlijkse projectrondes, elk verlengd met een kans van 95%"},
    ],
    hints=[
        {"en": "Referrals need a post that is open (renewals that can fail) and a worker "
               "the residents trust (turnover that resets trust). Which option removes more "
               "of those risks over ten years?",
         "nl": "Doorverwijzingen vragen een functie die open is (verlengingen die kunnen "
               "mislukken) en een werker die bewoners vertrouwen (verloop dat het "
               "vertrouwen terugzet). Welke optie haalt over tien jaar meer van die "
               "risico's weg?"},
        {"en": "Run compare_funding_runs(runs=200, project={...}) for each option and "
               "compare scenario_totals(...).loc['referrals', 'project'].",
         "nl": "Draai compare_funding_runs(runs=200, project={...}) voor elke optie en "
               "vergelijk scenario_totals(...).loc['referrals', 'project']."},
    ],
    solution={"en": "In this model, b) four-year cycles give the most referrals: two "
                    "renewals in ten years instead of four, so the post closes less often, "
                    "and residents keep reaching a worker. Option a) keeps the worker but "
                    "not the money: it closes as often as now. Option c) renews often, and "
                    "each renewal is a chance to close and to lose the worker. For the "
                    "residents' initiatives, which need a fixed contact person, a) does "
                    "better: which policy is best depends on what you value — and the model "
                    "is illustrative, its numbers are assumptions, not measurements.",
              "nl": "In dit model geeft b) rondes van vier jaar de meeste doorverwijzingen: "
                    "twee verlengingen in tien jaar in plaats van vier, dus de functie sluit "
                    "minder vaak, en bewoners bereiken een werker. Optie a) houdt de werker "
                    "maar niet het geld: die sluit even vaak als nu. Optie c) verlengt vaak, "
                    "en elke verlenging is een kans om te sluiten en de werker kwijt te "
                    "raken. Voor bewonersinitiatieven, die een vast aanspreekpunt nodig "
                    "hebben, doet a) het beter: welk beleid het best is, hangt af van wat je "
                    "belangrijk vindt — en het model is illustratief, zijn getallen zijn "
                    "aannames, geen metingen."},
))

# -- reflection --------------------------------------------------------------------------
define(Reflection(
    "7.2-reflect",
    prompt={"en": "A welfare organisation in your municipality is funded by one-year "
                  "project grants. Its results look fine in the yearly report: so many "
                  "activities, so many participants. What would the report miss, and what "
                  "would you ask the people who work there and the residents who come?",
            "nl": "Een welzijnsorganisatie in je gemeente wordt betaald uit projectsubsidies "
                  "van een jaar. In het jaarverslag zien de resultaten er goed uit: zoveel "
                  "activiteiten, zoveel deelnemers. Wat mist het verslag, en wat zou je de "
                  "mensen die er werken en de bewoners die er komen vragen?"},
    model_answer={"en": "A yearly count of activities cannot show continuity: whether "
                        "residents deal with the same worker as last year, how long the "
                        "staff stay, whether trust has been built that lets people bring "
                        "a problem and be referred, and whether residents' initiatives have "
                        "a fixed contact person. Custers: incidental and precarious funding "
                        "brings staff turnover and closures, while social relations need "
                        "\"tijd en zekerheid\" (time and security). Good questions: How long "
                        "have you worked here, and how sure are you of next year? Who do "
                        "residents turn to when you leave? Which initiatives stopped when a "
                        "contact person left? Ask the residents: whom do you go to with a "
                        "problem, and since when? Record roles and durations, not names.",
                  "nl": "Een jaarlijkse telling van activiteiten laat geen continuïteit zien: "
                        "of bewoners met dezelfde werker te maken hebben als vorig jaar, hoe "
                        "lang het personeel blijft, of er vertrouwen is gegroeid waardoor "
                        "mensen met een probleem komen en doorverwezen kunnen worden, en of "
                        "bewonersinitiatieven een vast aanspreekpunt hebben. Custers: "
                        "incidentele en precaire financiering zorgt voor personeelsverloop "
                        "en sluitingen, terwijl sociale relaties \"tijd en zekerheid\" nodig "
                        "hebben. Goede vragen: Hoe lang werk je hier al, en hoe zeker ben je "
                        "van volgend jaar? Bij wie kunnen bewoners terecht als jij weggaat? "
                        "Welke initiatieven stopten toen een contactpersoon vertrok? Vraag "
                        "bewoners: bij wie ga je langs met een probleem, en sinds wanneer? "
                        "Noteer rollen en duur, geen namen."},
))
