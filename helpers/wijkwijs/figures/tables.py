"""Tables as the notebook shows them: column headers in the learner's language.

The library's tables keep their column names in English ``snake_case`` (``pct_social_rent``,
``mean_ties``), because those are the names a learner types. A Dutch notebook shows each
header as a plain Dutch label with the code name under it::

    Aandeel sociale huur (%)
    pct_social_rent

Each column name has one display label, registered with :mod:`wijkwijs.i18n` as
``column.<name>``; a label that already had a key elsewhere (``ch8.col.<name>``,
``paradox.<lever>``, ``live7.dim.<dimension>``, ...) is reused from there, so that a text has
one home. :func:`relabelled_html` renders a DataFrame's HTML with its headers (column
labels, index names, every level of a MultiIndex) relabelled; values and their formatting
are untouched, because only the ``<thead>`` of pandas' own HTML is rewritten.
:func:`install_formatter` hooks it into IPython for every :class:`pandas.DataFrame`; it is
called when :mod:`wijkwijs.figures` is imported. In English the formatter returns pandas'
own HTML, byte for byte.

>>> import pandas as pd
>>> from wijkwijs import i18n
>>> column_label("mean_ties")
'Mean ties per resident'
>>> i18n.set_language("nl")
>>> html = relabelled_html(pd.DataFrame({"mean_ties": [1.5], "other": [2]}))
>>> "Gemiddeld aantal banden per bewoner<br><code>mean_ties</code>" in html
True
>>> "<th>other</th>" in html
True
>>> i18n.set_language("en")
"""

from __future__ import annotations

import html as _html
import importlib
import re
import sys
from typing import Any

from wijkwijs import i18n

__all__ = ["COLUMN_LABELS", "REUSED_KEYS", "column_key", "column_label", "dataframe_html",
           "install_formatter", "label_keys", "relabelled_html"]

#: Column name -> ``(module that registers the key, key)``, for labels that already exist.
REUSED_KEYS: dict[str, tuple[str, str]] = {
    **{name: ("wijkwijs.examples.own_neighbourhood", f"ch8.col.{name}")
       for name in ("inhabitants", "households", "pct_low_income_households",
                    "pct_social_rent", "avg_income_per_inhabitant")},
    **{name: ("wijkwijs.examples.paradox", f"paradox.{name}")
       for name in ("protected_share", "rent_regulation", "new_social_per_year",
                    "social_sales_per_year", "default", "protective")},
    **{name: ("wijkwijs.havenstad.liveability", f"live7.dim.{name}")
       for name in ("physical_environment", "nuisance_and_safety", "social_cohesion",
                    "amenities", "housing_stock")},
    "betweenness": ("wijkwijs.examples.wijkscan", "wscan.col.betweenness"),
    "social_share": ("wijkwijs.figures.segregation", "seg2.resid.social_share"),
    "bottom_10_share": ("wijkwijs.figures.segregation", "seg2.resid.bottom_10"),
    "bottom_20_share": ("wijkwijs.figures.segregation", "seg2.resid.bottom_20"),
    "D_social_rent": ("wijkwijs.figures.segregation", "seg2.resid.d_social"),
    "block_size": ("wijkwijs.figures.homophily", "homo.block_size"),
    "dissimilarity": ("wijkwijs.figures.homophily", "homo.dissimilarity"),
    "D": ("wijkwijs.figures.homophily", "homo.dissimilarity"),
    "theil_h": ("wijkwijs.figures.homophily", "homo.theil"),
    **{name: ("wijkwijs.examples.homophily", f"homo.{name}")
       for name in ("observed", "expected", "assortativity")},
    "ties": ("wijkwijs.examples.homophily", "homo.n_ties"),
    "start": ("wijkwijs.figures.homophily", "homo.baseline_start"),
    "random": ("wijkwijs.figures.homophily", "homo.baseline_random"),
    "equilibrium": ("wijkwijs.figures.homophily", "homo.baseline_eq"),
}

#: Column name -> its display label in each language (registered as ``column.<name>``).
COLUMN_LABELS: dict[str, dict[str, str]] = {
    # places and who they are
    "region": {"en": "Region", "nl": "Regio"},
    "year": {"en": "Year", "nl": "Jaar"},
    "name": {"en": "Name", "nl": "Naam"},
    "code": {"en": "Area code", "nl": "Gebiedscode"},
    "level": {"en": "Level (gemeente, wijk, buurt)", "nl": "Niveau (gemeente, wijk, buurt)"},
    "buurt": {"en": "Buurt", "nl": "Buurt"},
    "buurt_code": {"en": "Buurt code", "nl": "Buurtcode"},
    "wijk_code": {"en": "Wijk code", "nl": "Wijkcode"},
    "gemeente": {"en": "Gemeente (municipality)", "nl": "Gemeente"},
    "wijken": {"en": "Wijken (districts)", "nl": "Wijken"},
    "buurten": {"en": "Buurten (neighbourhoods)", "nl": "Buurten"},
    "city": {"en": "City", "nl": "Stad"},
    "area": {"en": "Area (city or region)", "nl": "Gebied (stad of regio)"},
    "areas": {"en": "Areas", "nl": "Gebieden"},
    "place": {"en": "Place", "nl": "Plek"},
    "where": {"en": "Where", "nl": "Waar"},
    "kind": {"en": "Kind", "nl": "Soort"},
    "type": {"en": "Type", "nl": "Type"},
    "source": {"en": "Source", "nl": "Bron"},
    "note": {"en": "Note", "nl": "Opmerking"},
    "group": {"en": "Group", "nl": "Groep"},
    "indicator": {"en": "Indicator", "nl": "Indicator"},
    "method": {"en": "Method", "nl": "Methode"},
    "column": {"en": "Column", "nl": "Kolom"},
    "meaning": {"en": "Meaning", "nl": "Betekenis"},
    "reason": {"en": "Reason", "nl": "Reden"},
    "ok": {"en": "OK", "nl": "In orde"},
    # incomes and inequality (chapter 1)
    "share_pct": {"en": "Share of income (%)", "nl": "Aandeel in het inkomen (%)"},
    "qualifier": {"en": "Qualifier", "nl": "Kanttekening"},
    "gini_standardised_income": {"en": "Gini, standardised income",
                                 "nl": "Gini, gestandaardiseerd inkomen"},
    "gini_wealth": {"en": "Gini, wealth", "nl": "Gini, vermogen"},
    "income_gini": {"en": "Gini, income", "nl": "Gini, inkomen"},
    "provisional": {"en": "Provisional figure", "nl": "Voorlopig cijfer"},
    "median_wealth_k_eur": {"en": "Median wealth (× €1,000)",
                            "nl": "Mediaan vermogen (× € 1.000)"},
    "household": {"en": "Household", "nl": "Huishouden"},
    "income": {"en": "Income (€)", "nl": "Inkomen (€)"},
    "income_share": {"en": "Share of total income", "nl": "Aandeel in het totale inkomen"},
    "cumulative_household_share": {"en": "Cumulative share of households",
                                   "nl": "Cumulatief aandeel huishoudens"},
    "cumulative_income_share": {"en": "Cumulative share of income",
                                "nl": "Cumulatief aandeel inkomen"},
    "population_share": {"en": "Share of the population", "nl": "Aandeel in de bevolking"},
    "mean": {"en": "Mean income (€)", "nl": "Gemiddeld inkomen (€)"},
    "theil": {"en": "Theil index", "nl": "Theil-index"},
    # income groups and segregation (chapter 2)
    "low": {"en": "Low income", "nl": "Laag inkomen"},
    "middle": {"en": "Middle income", "nl": "Middeninkomen"},
    "high": {"en": "High income", "nl": "Hoog inkomen"},
    "bottom_10": {"en": "Bottom 10%", "nl": "Laagste 10 %"},
    "top_1": {"en": "Richest 1%", "nl": "Rijkste 1 %"},
    "income_group": {"en": "Income group", "nl": "Inkomensgroep"},
    "low_income": {"en": "With a low income", "nl": "Met een laag inkomen"},
    "split_after": {"en": "Split after group", "nl": "Grens na groep"},
    "p": {"en": "Share below the split (p)", "nl": "Aandeel onder de grens (p)"},
    "H": {"en": "Theil's H", "nl": "Theils H"},
    "p_2011": {"en": "p, 2011", "nl": "p, 2011"},
    "p_2022": {"en": "p, 2022", "nl": "p, 2022"},
    "H_2011": {"en": "H, 2011", "nl": "H, 2011"},
    "H_2022": {"en": "H, 2022", "nl": "H, 2022"},
    "change": {"en": "Change", "nl": "Verandering"},
    "value_pct": {"en": "Value (%)", "nl": "Waarde (%)"},
    "low_income_pct": {"en": "Low-income households (%)", "nl": "Huishoudens met laag inkomen (%)"},
    "pct_low_income": {"en": "Low-income households (%)", "nl": "Huishoudens met laag inkomen (%)"},
    "n": {"en": "Number of municipalities (n)", "nl": "Aantal gemeenten (n)"},
    "r": {"en": "Correlation r", "nl": "Correlatie r"},
    "ci_low": {"en": "Interval, lower bound", "nl": "Interval, ondergrens"},
    "ci_high": {"en": "Interval, upper bound", "nl": "Interval, bovengrens"},
    "p_permutation": {"en": "p-value (permutation test)", "nl": "p-waarde (permutatietoets)"},
    "units": {"en": "Units", "nl": "Eenheden"},
    "spatial_D": {"en": "Spatial D", "nl": "Ruimtelijke D"},
    "social_renters": {"en": "Social-rent households", "nl": "Huishoudens in sociale huur"},
    "share_of_households": {"en": "Share of all households",
                            "nl": "Aandeel van alle huishoudens"},
    "bottom_10_in_social_rent": {"en": "Share of the bottom 10% in social rent",
                                 "nl": "Aandeel van de laagste 10 % in sociale huur"},
    "buurten_over_half": {"en": "Buurten with over half social rent",
                          "nl": "Buurten met meer dan de helft sociale huur"},
    # housing and the paradox (chapters 3 and 4)
    "corporation_share_pct": {"en": "Housing-corporation dwellings (%)",
                              "nl": "Corporatiewoningen (%)"},
    "to_buurt": {"en": "To buurt (code)", "nl": "Naar buurt (code)"},
    "to_name": {"en": "To buurt (name)", "nl": "Naar buurt (naam)"},
    "to_gemeente": {"en": "To municipality", "nl": "Naar gemeente"},
    # homophily, Schelling and ties (chapter 5)
    "threshold": {"en": "Threshold (wished share of like neighbours)",
                  "nl": "Drempel (gewenst aandeel gelijke buren)"},
    "start_similar": {"en": "Like neighbours at the start (%)",
                      "nl": "Gelijke buren bij de start (%)"},
    "end_similar": {"en": "Like neighbours at the end (%)",
                    "nl": "Gelijke buren aan het eind (%)"},
    "end_unhappy": {"en": "Unhappy at the end (%)", "nl": "Ontevreden aan het eind (%)"},
    "steps": {"en": "Steps", "nl": "Stappen"},
    "n_blocks": {"en": "Number of blocks", "nl": "Aantal blokken"},
    "excess": {"en": "D beyond chance (equilibrium − random)",
               "nl": "D boven toeval (evenwicht − willekeurig)"},
    "bridging_foci": {"en": "Shared places (bridging foci)",
                      "nl": "Gedeelde plekken (bridging foci)"},
    "ratio": {"en": "Ratio", "nl": "Verhouding"},
    "lifestyle": {"en": "Lifestyle", "nl": "Leefstijl"},
    "residents": {"en": "Residents", "nl": "Bewoners"},
    "mean_ties": {"en": "Mean ties per resident", "nl": "Gemiddeld aantal banden per bewoner"},
    "pct_without_ties": {"en": "Without ties (%)", "nl": "Zonder banden (%)"},
    "mean_ties_on_own_street": {"en": "Mean ties on the own street",
                                "nl": "Gemiddeld aantal banden in de eigen straat"},
    "neighbourhood_places": {"en": "Places in the neighbourhood (mean)",
                             "nl": "Plekken in de buurt (gemiddeld)"},
    "citywide_places": {"en": "Places across the city (mean)",
                        "nl": "Plekken in de hele stad (gemiddeld)"},
    "neighbourhood_ties": {"en": "Ties in the neighbourhood (mean)",
                           "nl": "Banden in de buurt (gemiddeld)"},
    "citywide_ties": {"en": "Ties across the city (mean)",
                      "nl": "Banden in de hele stad (gemiddeld)"},
    "citywide_time": {"en": "Time spent across the city (share)",
                      "nl": "Tijd in de hele stad (aandeel)"},
    "minority_share": {"en": "Minority share", "nl": "Aandeel minderheid"},
    "ses": {"en": "Socio-economic status (SES)", "nl": "Sociaal-economische status (SES)"},
    "diversity": {"en": "Diversity (1 − Σ p²)", "nl": "Diversiteit (1 − Σ p²)"},
    "catchment_diversity": {"en": "Diversity of the families around (1 − Σ p²)",
                            "nl": "Diversiteit van de gezinnen eromheen (1 − Σ p²)"},
    "hunkering": {"en": "Hunkering down", "nl": "Terugtrekken (hunkering down)"},
    "ties_without": {"en": "Ties without hunkering down", "nl": "Banden zonder terugtrekken"},
    "within": {"en": "Ties within the group", "nl": "Banden binnen de groep"},
    "across": {"en": "Ties across groups", "nl": "Banden tussen groepen"},
    "lost_pct": {"en": "Ties lost to hunkering down (%)",
                 "nl": "Banden verloren door terugtrekken (%)"},
    "organisation_id": {"en": "Organisation id", "nl": "Organisatie-id"},
    "orientation": {"en": "Orientation (bridging or bonding)",
                    "nl": "Oriëntatie (bridging of bonding)"},
    "participants": {"en": "Participants", "nl": "Deelnemers"},
    "background": {"en": "Background", "nl": "Herkomst"},
    "head_age": {"en": "Age of the head of household", "nl": "Leeftijd hoofd huishouden"},
    "taking_part": {"en": "Taking part", "nl": "Doen mee"},
    "pct": {"en": "Share (%)", "nl": "Aandeel (%)"},
    "mean_other_faces": {"en": "Familiar faces from another background (mean)",
                         "nl": "Bekende gezichten met een andere herkomst (gemiddeld)"},
    "mean_other_ties": {"en": "Ties to another background (mean)",
                        "nl": "Banden met een andere herkomst (gemiddeld)"},
    "pct_faces_tied": {"en": "Familiar faces that became ties (%)",
                       "nl": "Bekende gezichten die een band werden (%)"},
    # social infrastructure (chapter 6)
    "within_400m": {"en": "Within 400 m (share)", "nl": "Binnen 400 m (aandeel)"},
    "within_800m": {"en": "Within 800 m (share)", "nl": "Binnen 800 m (aandeel)"},
    "labelled": {"en": "Labelled as", "nl": "Gelabeld als"},
    "computed": {"en": "Computed as", "nl": "Berekend als"},
    "members": {"en": "Members", "nl": "Leden"},
    "age_group": {"en": "Age group", "nl": "Leeftijdsgroep"},
    "bridging": {"en": "Bridging", "nl": "Overbruggend (bridging)"},
    "bonding": {"en": "Bonding", "nl": "Verbindend (bonding)"},
    "linking": {"en": "Linking", "nl": "Linking"},
    "shared_place": {"en": "Shared place", "nl": "Gedeelde plek"},
    "cross_share": {"en": "Share of ties across groups", "nl": "Aandeel banden tussen groepen"},
    "in_degree": {"en": "Referrals received (from organisations)",
                  "nl": "Doorverwijzingen ontvangen (van organisaties)"},
    "out_degree": {"en": "Referrals made (to organisations)",
                   "nl": "Doorverwijzingen gedaan (naar organisaties)"},
    "constraint": {"en": "Constraint (Burt)", "nl": "Beperking (constraint, Burt)"},
    "effective_size": {"en": "Effective size (Burt)", "nl": "Effectieve omvang (Burt)"},
    "explains_government_info": {"en": "Explains government information",
                                 "nl": "Legt informatie van de overheid uit"},
    "founded": {"en": "Founded (year)", "nl": "Opgericht (jaar)"},
    "closed": {"en": "Closed", "nl": "Gesloten"},
    "predecessor_id": {"en": "Predecessor (id)", "nl": "Voorganger (id)"},
    "movers_before": {"en": "Movers before", "nl": "Verhuizers ervoor"},
    "movers_after": {"en": "Movers after", "nl": "Verhuizers erna"},
    # liveability, survival and fieldwork (chapter 7)
    "class": {"en": "Liveability class", "nl": "Leefbaarheidsklasse"},
    "more": {"en": "Buurt with more", "nl": "Buurt met meer"},
    "fewer": {"en": "Buurt with fewer", "nl": "Buurt met minder"},
    "more_value": {"en": "Number, buurt with more", "nl": "Aantal, buurt met meer"},
    "fewer_value": {"en": "Number, buurt with fewer", "nl": "Aantal, buurt met minder"},
    "gap": {"en": "Difference", "nl": "Verschil"},
    "score_more": {"en": "Score, buurt with more", "nl": "Score, buurt met meer"},
    "score_fewer": {"en": "Score, buurt with fewer", "nl": "Score, buurt met minder"},
    "time": {"en": "Time (years)", "nl": "Tijd (jaren)"},
    "at_risk": {"en": "Still open (at risk)", "nl": "Nog open (at risk)"},
    "events": {"en": "Closures", "nl": "Sluitingen"},
    "censored": {"en": "Censored (still open)", "nl": "Gecensureerd (nog open)"},
    "survival": {"en": "Survival (share still open)", "nl": "Overleving (aandeel nog open)"},
    "std_error": {"en": "Standard error", "nl": "Standaardfout"},
    "ci_lower": {"en": "95% interval, lower bound", "nl": "95%-interval, ondergrens"},
    "ci_upper": {"en": "95% interval, upper bound", "nl": "95%-interval, bovengrens"},
    "organisations": {"en": "Organisations", "nl": "Organisaties"},
    "median": {"en": "Median lifetime (years)", "nl": "Mediane levensduur (jaren)"},
    "survival_5": {"en": "Still open after 5 years (share)",
                   "nl": "Na 5 jaar nog open (aandeel)"},
    "lower_5": {"en": "After 5 years, lower bound", "nl": "Na 5 jaar, ondergrens"},
    "upper_5": {"en": "After 5 years, upper bound", "nl": "Na 5 jaar, bovengrens"},
    "survival_25": {"en": "Still open after 25 years (share)",
                    "nl": "Na 25 jaar nog open (aandeel)"},
    "lower_25": {"en": "After 25 years, lower bound", "nl": "Na 25 jaar, ondergrens"},
    "upper_25": {"en": "After 25 years, upper bound", "nl": "Na 25 jaar, bovengrens"},
    "funding": {"en": "Funding", "nl": "Financiering"},
    "predecessor_funding": {"en": "Predecessor's funding", "nl": "Financiering voorganger"},
    "predecessor_founded": {"en": "Predecessor founded (year)",
                            "nl": "Voorganger opgericht (jaar)"},
    "predecessor_closed": {"en": "Predecessor closed (year)",
                           "nl": "Voorganger gesloten (jaar)"},
    "outcome": {"en": "Outcome", "nl": "Uitkomst"},
    "structural": {"en": "Structural funding", "nl": "Structurele financiering"},
    "project": {"en": "Project funding", "nl": "Projectfinanciering"},
    "open_to_all": {"en": "Open to all", "nl": "Open voor iedereen"},
    "referrals_to": {"en": "Refers to", "nl": "Verwijst door naar"},
    "referrals_from": {"en": "Referrals from", "nl": "Krijgt doorverwijzingen van"},
    "in_inventory": {"en": "In the inventory", "nl": "In de inventarisatie"},
    "links_to_services": {"en": "Links to services", "nl": "Verbindingen met instanties"},
    "contact_role": {"en": "Role of the contact", "nl": "Rol van de contactpersoon"},
    "contact_years": {"en": "Contact's years there", "nl": "Jaren van de contactpersoon daar"},
    "time_slot": {"en": "Time slot", "nl": "Tijdvak"},
    "children": {"en": "Children", "nl": "Kinderen"},
    "youth": {"en": "Young people", "nl": "Jongeren"},
    "adults": {"en": "Adults", "nl": "Volwassenen"},
    "elderly": {"en": "Older people", "nl": "Ouderen"},
    "interactions": {"en": "Interactions", "nl": "Contacten"},
    # open data of your own municipality (chapter 8)
    "withheld": {"en": "Withheld (areas)", "nl": "Niet gepubliceerd (gebieden)"},
    "no_inhabitants": {"en": "Nobody lives here", "nl": "Hier woont niemand"},
    "no_base": {"en": "No base", "nl": "Geen basis"},
    "small": {"en": "Small", "nl": "Klein"},
    "not_size": {"en": "Not explained by size", "nl": "Niet door de omvang verklaard"},
    "base": {"en": "Base (denominator)", "nl": "Basis (noemer)"},
    "smallest_with_value": {"en": "Smallest area with a value",
                            "nl": "Kleinste gebied met een waarde"},
    "empty": {"en": "Empty", "nl": "Leeg"},
    "in_the_file": {"en": "Name in the file", "nl": "Naam in het bestand"},
    "buurten_rounded_to_5": {"en": "Buurt counts rounded to 5",
                             "nl": "Buurtcijfers afgerond op 5"},
    "total": {"en": "Total", "nl": "Totaal"},
    "count": {"en": "Count", "nl": "Aantal"},
    "gap_pct": {"en": "Difference (%)", "nl": "Verschil (%)"},
    "share": {"en": "Share", "nl": "Aandeel"},
    "left_out": {"en": "Units left out", "nl": "Weggelaten eenheden"},
    "city_pct": {"en": "Whole city (%)", "nl": "Hele stad (%)"},
    "isolation": {"en": "Isolation index", "nl": "Isolatie-index"},
    "entropy_index": {"en": "Entropy index (Theil's H)", "nl": "Entropie-index (Theils H)"},
    "low_income_units": {"en": "Low income: units", "nl": "Laag inkomen: eenheden"},
    "low_income_D": {"en": "Low income: D", "nl": "Laag inkomen: D"},
    "low_income_H": {"en": "Low income: H", "nl": "Laag inkomen: H"},
    "low_income_isolation": {"en": "Low income: isolation", "nl": "Laag inkomen: isolatie"},
    "low_income_withheld": {"en": "Low income: units left out",
                            "nl": "Laag inkomen: weggelaten eenheden"},
    "social_rent_units": {"en": "Social rent: units", "nl": "Sociale huur: eenheden"},
    "social_rent_D": {"en": "Social rent: D", "nl": "Sociale huur: D"},
    "social_rent_H": {"en": "Social rent: H", "nl": "Sociale huur: H"},
    "scale": {"en": "Scale", "nl": "Schaal"},
    "scale_label": {"en": "Scale (described)", "nl": "Schaal (omschreven)"},
    "published_year": {"en": "Published: year", "nl": "Gepubliceerd: jaar"},
    "published_D": {"en": "Published: D", "nl": "Gepubliceerd: D"},
    "published_units": {"en": "Published: units", "nl": "Gepubliceerd: eenheden"},
    "score": {"en": "Liveability score", "nl": "Leefbaarheidsscore"},
    "deviation": {"en": "Deviation from the mean", "nl": "Afwijking van het gemiddelde"},
    "meeting_places": {"en": "Meeting places", "nl": "Ontmoetingsplekken"},
    "who_comes": {"en": "Who comes", "nl": "Wie komt er"},
    "what_happens": {"en": "What happens", "nl": "Wat gebeurt er"},
    "whom_to_ask": {"en": "Whom to ask", "nl": "Wie je kunt vragen"},
}

i18n.register({f"column.{name}": texts for name, texts in COLUMN_LABELS.items()})

_overlap = sorted(set(COLUMN_LABELS) & set(REUSED_KEYS))
if _overlap:  # pragma: no cover - a guard for whoever adds a label
    raise ValueError(f"labels with two homes: {', '.join(_overlap)}")

_loaded: set[str] = set()


def column_key(name: object) -> str | None:
    """The i18n key of a column's display label, or None if it has none.

    Parameters
    ----------
    name
        A column name (or index name); anything but a string has no label.

    Returns
    -------
    str or None
        ``column.<name>``, a reused key such as ``ch8.col.pct_social_rent``, or None.

    >>> column_key("mean_ties"), column_key("pct_social_rent"), column_key("zzz"), column_key(3)
    ('column.mean_ties', 'ch8.col.pct_social_rent', None, None)
    """
    if not isinstance(name, str):
        return None
    if name in COLUMN_LABELS:
        return f"column.{name}"
    if name in REUSED_KEYS:
        module, key = REUSED_KEYS[name]
        if module not in _loaded:
            importlib.import_module(module)  # registers the key
            _loaded.add(module)
        return key
    return None


def column_label(name: object) -> str | None:
    """A column's display label in the current language, or None if it has none.

    >>> column_label("gini_wealth"), column_label("no such column")
    ('Gini, wealth', None)
    """
    key = column_key(name)
    return None if key is None else i18n.t(key)


def label_keys() -> dict[str, str]:
    """Every labelled column name and the i18n key of its label (loads reused keys).

    >>> keys = label_keys()
    >>> keys["mean_ties"], keys["protected_share"]
    ('column.mean_ties', 'paradox.protected_share')
    """
    names = sorted(set(COLUMN_LABELS) | set(REUSED_KEYS))
    return {name: str(column_key(name)) for name in names}


_THEAD = re.compile(r"<thead>.*?</thead>", re.DOTALL)
_TH = re.compile(r"(<th(?:\s[^>]*)?>)(.*?)(</th>)", re.DOTALL)


def _relabel_cell(match: re.Match[str]) -> str:
    opening, inner, closing = match.groups()
    name = _html.unescape(inner)
    label = column_label(name)
    if label is None:
        return match.group(0)
    return f"{opening}{_html.escape(label, quote=False)}<br><code>{inner}</code>{closing}"


def relabelled_html(frame: Any) -> str | None:
    """The notebook HTML of a DataFrame with its headers in the current language.

    Each header with a label shows the label and, under it, the code name in ``<code>``
    (``Gemiddeld aantal banden per bewoner<br><code>mean_ties</code>``), so that a learner
    sees what the column holds and which name to type. Column labels, index names and
    every level of a MultiIndex are relabelled; headers without a label stay as they are.
    Only the table's ``<thead>`` is rewritten, so values and their formatting are pandas'
    own. In English, or when pandas writes no HTML, pandas' own HTML is returned.

    Parameters
    ----------
    frame
        A :class:`pandas.DataFrame`.

    Returns
    -------
    str or None
        The HTML, or None if pandas gives none (``display.notebook_repr_html`` off).

    Raises
    ------
    ValueError
        If ``frame`` is not a DataFrame.

    >>> import pandas as pd
    >>> from wijkwijs import i18n
    >>> frame = pd.DataFrame({"ties": [3]}).rename_axis("buurt")
    >>> relabelled_html(frame) == frame._repr_html_()
    True
    >>> i18n.set_language("nl")
    >>> html = relabelled_html(frame)
    >>> "Banden<br><code>ties</code>" in html, "Buurt<br><code>buurt</code>" in html
    (True, True)
    >>> i18n.set_language("en")
    """
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"frame must be a pandas DataFrame; got {type(frame).__name__}.")
    text = frame._repr_html_()
    if text is None or i18n.get_language() == "en":
        return text
    head = _THEAD.search(text)
    if head is None:
        return text
    new_head = _TH.sub(_relabel_cell, head.group(0))
    return text[:head.start()] + new_head + text[head.end():]


def dataframe_html(frame: Any) -> str | None:
    """IPython's ``text/html`` formatter for a DataFrame (see :func:`install_formatter`).

    In English it returns pandas' own ``frame._repr_html_()``, byte for byte (IPython
    would show no HTML at all for a registered formatter that returned None); in another
    language, :func:`relabelled_html`.

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"mean_ties": [1.0]})
    >>> dataframe_html(frame) == frame._repr_html_()
    True
    """
    if i18n.get_language() == "en":
        return frame._repr_html_()
    return relabelled_html(frame)


def install_formatter() -> bool:
    """Show every DataFrame through :func:`dataframe_html` in a running IPython.

    Does nothing outside IPython (no IPython imported, or ``IPython.get_ipython()`` is
    None). Installing twice is the same as installing once.

    Returns
    -------
    bool
        Whether the formatter is installed.

    >>> install_formatter()  # a doctest runs outside IPython
    False
    """
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return False
    import pandas as pd

    formatter = shell.display_formatter.formatters["text/html"]
    if formatter.type_printers.get(pd.DataFrame) is not dataframe_html:
        formatter.for_type(pd.DataFrame, dataframe_html)
    return True
