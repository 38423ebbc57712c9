"""The *wijkscan* app's profile of one neighbourhood, and its one-page memo.

A wijkscan puts together, for one buurt, what the course's chapters measure:

* **key figures** next to the municipality's, with the buurt's rank;
* **segregation in context**: the buurt's share of a group against the municipality's,
  and the municipality's dissimilarity index D at two scales (chapter 2: the index
  depends on the units);
* **social infrastructure** (chapter 6): the inventory, the reach of meeting places and
  the brokers of the referral network — from Havenstad's data, or from a learner's own
  fieldwork inventory (chapter 7, :mod:`wijkwijs.fieldwork`);
* the **liveability class** with chapter 7's caveat beside it: a class is a
  statistical prediction for signalling, not a verdict, and buurten in the same class
  can have very different social infrastructure.

Three kinds of source: Havenstad (*synthetic*: an invented city), a real city shipped
with the course (Bron: CBS, CC BY 4.0; :func:`wijkwijs.opendata.shipped`), or the
learner's own file (chapter 8's :func:`wijkwijs.opendata.read_neighbourhood_file`,
registered with :func:`add_own_file`). :func:`profile` computes a
:class:`WijkscanProfile`; :func:`profile_html` renders it for the app and
:func:`memo_html` as a printable one-page HTML document for a memo. Everything a
learner reads is in English and Dutch (keys ``wscan.*``).

The tables of a source are computed once (:func:`warm_up`), so that the app answers a
change of buurt with look-ups only.

>>> p = profile("havenstad-2019", "BU99010101")
>>> p.name, p.synthetic, p.liveability["class"] in range(1, 10)
('Binnenstad-Noord', True, True)
>>> "<!DOCTYPE html>" in memo_html(p)
True
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from wijkwijs import fieldwork, opendata
from wijkwijs._validate import check_choice
from wijkwijs.examples.own_neighbourhood import WIJKSCAN_COLUMNS, city_label
from wijkwijs.havenstad.constants import ORGANISATION_TYPES, TIE_YEAR
from wijkwijs.havenstad.load import havenstad_statistics
from wijkwijs.i18n import get_language, number, register, t
from wijkwijs.opendata import measures

__all__ = ["HAVENSTAD_YEARS", "INVENTORY_CHOICES", "WijkscanProfile", "add_own_file",
           "memo_html", "neighbourhood_options", "profile", "profile_html",
           "source_options", "warm_up"]

#: The years of Havenstad the app offers: chapter 6's year (the tie survey) and the last.
HAVENSTAD_YEARS: tuple[int, ...] = (TIE_YEAR, 2022)
#: Where the social-infrastructure part comes from.
INVENTORY_CHOICES: tuple[str, ...] = ("city", "example", "mine")
#: Havenstad's key figures, in order (columns of its statistics).
HAVENSTAD_FIGURES: tuple[str, ...] = (
    "population", "households", "mean_income", "pct_low_income", "pct_bottom_10",
    "pct_social_rent", "pct_owner_occupied", "pct_moved_in", "pct_age_65_plus")
#: Havenstad's groups for segregation in context: (share column, group of views).
HAVENSTAD_GROUPS: tuple[tuple[str, str], ...] = (("pct_bottom_10", "bottom_10"),
                                                 ("pct_low_income", "low"))
_OWN_FILES: dict[str, Path] = {}

register({
    "wscan.source.havenstad": {"en": "Havenstad {year} (synthetic)",
                               "nl": "Havenstad {year} (synthetisch)"},
    "wscan.source.file": {"en": "Your file: {name}", "nl": "Je bestand: {name}"},
    "wscan.title": {"en": "Wijkscan: {name} ({code}), {city} {year}",
                    "nl": "Wijkscan: {name} ({code}), {city} {year}"},
    "wscan.synthetic": {"en": "Havenstad is synthetic: an invented city, not a real place. "
                              "Its organisations are invented.",
                        "nl": "Havenstad is synthetisch: een verzonnen stad, geen echte "
                              "plek. De organisaties zijn verzonnen."},
    "wscan.cbs": {"en": "Bron: CBS, CC BY 4.0 (Kerncijfers wijken en buurten).",
                  "nl": "Bron: CBS, CC BY 4.0 (Kerncijfers wijken en buurten)."},
    "wscan.own": {"en": "Figures from your own file {name}.",
                  "nl": "Cijfers uit je eigen bestand {name}."},
    "wscan.h.figures": {"en": "Key figures", "nl": "Kerncijfers"},
    "wscan.h.segregation": {"en": "Segregation in context", "nl": "Segregatie in context"},
    "wscan.h.infrastructure": {"en": "Social infrastructure", "nl": "Sociale infrastructuur"},
    "wscan.h.brokers": {"en": "Brokers: who refers residents on", "nl":
                        "Makelaars: wie verwijst bewoners door"},
    "wscan.h.liveability": {"en": "Liveability class", "nl": "Leefbaarheidsklasse"},
    "wscan.h.caveat": {"en": "What the class cannot tell you", "nl":
                       "Wat de klasse je niet vertelt"},
    "wscan.h.street": {"en": "Go and look", "nl": "Ga kijken"},
    "wscan.col.figure": {"en": "figure", "nl": "cijfer"},
    "wscan.col.here": {"en": "this buurt", "nl": "deze buurt"},
    "wscan.col.rank": {"en": "rank among {n} buurten (1 = highest)",
                       "nl": "plaats onder {n} buurten (1 = hoogste)"},
    "wscan.col.scale": {"en": "units", "nl": "eenheden"},
    "wscan.col.D_of": {"en": "D of {group} (number of units)",
                       "nl": "D van {group} (aantal eenheden)"},
    "wscan.col.measure": {"en": "measure", "nl": "maat"},
    "wscan.col.value": {"en": "value", "nl": "waarde"},
    "wscan.col.name": {"en": "organisation", "nl": "organisatie"},
    "wscan.col.kind": {"en": "kind", "nl": "soort"},
    "wscan.col.betweenness": {"en": "betweenness", "nl": "tussenpositie (betweenness)"},
    "wscan.col.city_rank": {"en": "rank in the network", "nl": "plaats in het netwerk"},
    "wscan.fig.population": {"en": "inhabitants", "nl": "inwoners"},
    "wscan.fig.households": {"en": "households", "nl": "huishoudens"},
    "wscan.fig.mean_income": {"en": "mean standardised income (× €1,000)",
                              "nl": "gemiddeld gestandaardiseerd inkomen (× € 1.000)"},
    "wscan.fig.pct_low_income": {"en": "% low income (national bottom 40 %)",
                                 "nl": "% laag inkomen (landelijk onderste 40 %)"},
    "wscan.fig.pct_bottom_10": {"en": "% lowest incomes (national bottom 10 %)",
                                "nl": "% laagste inkomens (landelijk onderste 10 %)"},
    "wscan.fig.pct_social_rent": {"en": "% social rent (of dwellings)",
                                  "nl": "% sociale huur (van de woningen)"},
    "wscan.fig.pct_owner_occupied": {"en": "% owner-occupied (of dwellings)",
                                     "nl": "% koopwoningen (van de woningen)"},
    "wscan.fig.pct_moved_in": {"en": "% households that moved in this year",
                               "nl": "% huishoudens dit jaar verhuisd naar de buurt"},
    "wscan.fig.pct_age_65_plus": {"en": "% aged 65 or over", "nl": "% 65 jaar of ouder"},
    "wscan.share": {"en": "{group}: {here} % here, {city} % in {where} — {ratio} times "
                          "the municipality's share.",
                    "nl": "{group}: {here} % hier, {city} % in {where} — {ratio} keer het "
                          "aandeel van de gemeente."},
    "wscan.share.none": {"en": "{group}: not published for this buurt.",
                         "nl": "{group}: niet gepubliceerd voor deze buurt."},
    "wscan.seg.explain": {
        "en": "D is the share of the group that would have to move for every unit to "
              "have the municipality's mix (0 = even, 1 = fully apart). It is higher "
              "over small units than over large ones: say which units you used.",
        "nl": "D is het deel van de groep dat zou moeten verhuizen om elke eenheid de mix "
              "van de gemeente te geven (0 = gelijk verdeeld, 1 = volledig gescheiden). "
              "Over kleine eenheden is D hoger dan over grote: zeg welke eenheden je "
              "gebruikte."},
    "wscan.seg.none": {"en": "The file has no share of a group to measure segregation with.",
                       "nl": "Het bestand heeft geen aandeel van een groep om segregatie "
                             "mee te meten."},
    "wscan.inf.organisations": {"en": "organisations", "nl": "organisaties"},
    "wscan.inf.types_present": {"en": "kinds of organisation present",
                                "nl": "soorten organisaties aanwezig"},
    "wscan.inf.mix": {"en": "evenness of the mix (0-1, Pielou)",
                      "nl": "gelijkmatigheid van de mix (0-1, Pielou)"},
    "wscan.inf.meeting_places": {"en": "meeting places", "nl": "ontmoetingsplekken"},
    "wscan.inf.per_1000": {"en": "meeting places per 1,000 inhabitants "
                                 "(municipality's median buurt: {median})",
                           "nl": "ontmoetingsplekken per 1.000 inwoners "
                                 "(mediane buurt van de gemeente: {median})"},
    "wscan.inf.within_400m": {"en": "% of the buurt within 400 m of a meeting place",
                              "nl": "% van de buurt binnen 400 m van een ontmoetingsplek"},
    "wscan.inf.within_800m": {"en": "% of the buurt within 800 m of a meeting place",
                              "nl": "% van de buurt binnen 800 m van een ontmoetingsplek"},
    "wscan.inf.main_kinds": {"en": "most common kinds", "nl": "meest voorkomende soorten"},
    "wscan.inf.linking": {"en": "organisations that refer to formal help",
                          "nl": "organisaties die doorverwijzen naar formele hulp"},
    "wscan.inf.not_inventoried": {"en": "named in referrals but not mapped yet",
                                  "nl": "genoemd bij doorverwijzingen, nog niet in kaart"},
    "wscan.inf.source_city": {"en": "From Havenstad's inventory of organisations (chapter 6).",
                              "nl": "Uit Havenstads inventaris van organisaties "
                                    "(hoofdstuk 6)."},
    "wscan.inf.source_example": {
        "en": "From the invented example inventory of chapter 7 (not of this buurt: it "
              "shows what your own map would give).",
        "nl": "Uit de verzonnen voorbeeldinventaris van hoofdstuk 7 (niet van deze buurt: "
              "hij laat zien wat je eigen kaart zou geven)."},
    "wscan.inf.source_mine": {"en": "From your own fieldwork inventory {file} (chapter 7).",
                              "nl": "Uit je eigen veldwerkinventaris {file} (hoofdstuk 7)."},
    "wscan.inf.none_real": {
        "en": "CBS publishes no inventory of social infrastructure. Map it yourself with "
              "chapter 7's fieldwork forms, then choose your own inventory here.",
        "nl": "CBS publiceert geen inventaris van sociale infrastructuur. Breng haar zelf "
              "in kaart met de veldwerkformulieren van hoofdstuk 7 en kies hier je eigen "
              "inventaris."},
    "wscan.inf.none_mine": {
        "en": "You have no fieldwork inventory yet ({file}). Make one with chapter 7's "
              "inventory form.",
        "nl": "Je hebt nog geen veldwerkinventaris ({file}). Maak er een met het "
              "inventarisformulier van hoofdstuk 7."},
    "wscan.inf.no_reach": {"en": "Reach needs the places' locations; a fieldwork inventory "
                                 "has none.",
                           "nl": "Bereik vraagt de ligging van de plekken; een "
                                 "veldwerkinventaris heeft die niet."},
    "wscan.brokers.none": {"en": "No organisation here stands between others in the "
                                 "referral network (betweenness 0).",
                           "nl": "Geen organisatie hier staat tussen andere in het "
                                 "doorverwijsnetwerk (betweenness 0)."},
    "wscan.live.class": {"en": "class {cls} of 9: {name} (score {score})",
                         "nl": "klasse {cls} van 9: {name} (score {score})"},
    "wscan.live.same": {
        "en": "{n} other buurten of the municipality are in the same class; their meeting "
              "places run from {low} to {high} (this buurt: {here}).",
        "nl": "{n} andere buurten van de gemeente zitten in dezelfde klasse; hun "
              "ontmoetingsplekken lopen van {low} tot {high} (deze buurt: {here})."},
    "wscan.live.synthetic": {"en": "Havenstad's score is Leefbaarometer-like and synthetic.",
                             "nl": "Havenstads score lijkt op de Leefbaarometer en is "
                                   "synthetisch."},
    "wscan.live.none": {
        "en": "No liveability scores are shipped for this source. Download the buurt "
              "export of the Leefbaarometer 3.0 and read it with chapter 8's reader "
              "(opendata.read_leefbaarometer).",
        "nl": "Voor deze bron zijn geen leefbaarheidsscores meegeleverd. Download de "
              "buurtexport van de Leefbaarometer 3.0 en lees hem met de lezer van "
              "hoofdstuk 8 (opendata.read_leefbaarometer)."},
    "wscan.caveat": {
        "en": "A liveability class is a statistical prediction for signalling, not a "
              "verdict and not a causal model: the Leefbaarometer itself says that how "
              "things really are on the spot calls for further research "
              "(leefbaarometer.nl, FAQ). It sees registered characteristics of homes and "
              "surroundings, not what the social infrastructure does: buurten in the "
              "same class can have very different meeting places and brokers "
              "(chapter 7).",
        "nl": "Een leefbaarheidsklasse is een statistische voorspelling om te signaleren, "
              "geen oordeel en geen causaal model: volgens de Leefbaarometer zelf vraagt "
              "hoe het ter plekke echt is om nader onderzoek (leefbaarometer.nl, FAQ). "
              "Hij ziet geregistreerde kenmerken van woningen en omgeving, niet wat de "
              "sociale infrastructuur doet: buurten in dezelfde klasse kunnen heel "
              "verschillende ontmoetingsplekken en makelaars hebben (hoofdstuk 7)."},
    "wscan.street": {
        "en": "Which places do residents meet in, and are they open to everybody? Who "
              "knows the residents who need help, and whom do they refer them to? How are "
              "these organisations funded? Write down what you saw, and who you spoke to "
              "(roles, never private persons).",
        "nl": "Waar ontmoeten bewoners elkaar, en zijn die plekken voor iedereen? Wie kent "
              "de bewoners die hulp nodig hebben, en naar wie verwijzen zij hen door? Hoe "
              "worden die organisaties gefinancierd? Noteer wat je zag en met wie je sprak "
              "(rollen, nooit privépersonen)."},
    "wscan.memo.footer": {"en": "Made with wijkwijs {version} (wijkscan app).",
                          "nl": "Gemaakt met wijkwijs {version} (wijkscan-app)."},
    "wscan.err.code": {"en": "{code!r} is not a buurt of {source}; e.g. {example!r}.",
                       "nl": "{code!r} is geen buurt van {source}; bijvoorbeeld "
                             "{example!r}."},
    "wscan.err.source": {"en": "unknown source {source!r}; choose one of {options}.",
                         "nl": "onbekende bron {source!r}; kies uit {options}."},
    **{f"wscan.type.{k}": {"en": en, "nl": nl} for k, (en, nl) in {
        "community_centre": ("community centre", "buurthuis"),
        "youth_space": ("youth space", "jongerenplek"),
        "welfare_organisation": ("welfare organisation", "welzijnsorganisatie"),
        "volunteer_organisation": ("volunteer organisation", "vrijwilligersorganisatie"),
        "church": ("church", "kerk"), "mosque": ("mosque", "moskee"),
        "gym": ("gym or sports club", "sportschool of sportclub"),
        "cafe": ("café", "café"), "shop": ("shop", "winkel"),
        "library": ("library", "bibliotheek"), "school": ("school", "school"),
        "municipal_service": ("municipal service", "gemeentelijke dienst"),
        "other": ("other", "anders"),
        "not_inventoried": ("not mapped", "niet in kaart")}.items()},
})


@dataclass
class WijkscanProfile:
    """Everything a wijkscan shows of one buurt (numbers raw; :func:`profile_html` formats).

    ``figures``: ``label``, ``here``, ``city``, ``rank``, ``buurten``, ``note``;
    ``segregation``: ``group``, ``scale``, ``units``, ``D``; ``shares``: one sentence per
    group; ``infrastructure``: ``measure`` and ``value`` (text); ``brokers``: ``name``,
    ``kind``, ``betweenness``, ``city_rank``; ``liveability``: ``class``, ``class_name``,
    ``score``, ``same_class`` (a sentence), or None with ``liveability_note``.
    """

    source: str
    source_label: str
    code: str
    name: str
    city: str
    year: int | None
    synthetic: bool
    attribution: str
    figures: pd.DataFrame
    segregation: pd.DataFrame
    shares: list[str]
    infrastructure: pd.DataFrame | None = None
    brokers: pd.DataFrame | None = None
    infrastructure_note: str = ""
    liveability: dict | None = None
    liveability_note: str = ""
    caveat: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return t("wscan.title", name=self.name, code=self.code, city=self.city,
                 year=self.year or "")


# ----------------------------------------------------------------------------- sources

def source_options() -> dict[str, str]:
    """Label → key of every source: Havenstad's years, the shipped files, own files.

    >>> list(source_options().values())[:3]
    ['havenstad-2019', 'havenstad-2022', 'amsterdam-2017']
    """
    options = {t("wscan.source.havenstad", year=y): f"havenstad-{y}" for y in HAVENSTAD_YEARS}
    options |= {f"{city_label(c)} {y} (CBS)": f"{c}-{y}" for c, y in opendata.shipped_names()}
    options |= {t("wscan.source.file", name=p.name): key for key, p in _OWN_FILES.items()}
    return options


def add_own_file(path: str | Path) -> str:
    """Read a learner's own neighbourhood file (chapter 8's reader); return its source key.

    The file needs a ``code`` column of buurt codes (``BU...``) and, for the figures to be
    set in context, a row of its gemeente (``GM...``).
    """
    path = Path(path).expanduser()
    frame = opendata.read_neighbourhood_file(path)
    if not (frame["level"] == "buurt").any():
        raise ValueError(f"{path.name} has no buurt rows (codes starting with BU).")
    key = f"file:{path.resolve()}"
    _OWN_FILES[key] = path
    for cached in (_kwb, _kwb_tables, _kwb_context):
        cached.cache_clear()
    return key


def _parse(source: str) -> tuple[str, int | None]:
    if source.startswith("file:"):
        if source not in _OWN_FILES:
            raise ValueError(t("wscan.err.source", source=source,
                               options=", ".join(source_options().values())))
        return "file", None
    city, _, year = source.rpartition("-")
    valid = {f"havenstad-{y}" for y in HAVENSTAD_YEARS} | {
        f"{c}-{y}" for c, y in opendata.shipped_names()}
    if source not in valid:
        raise ValueError(t("wscan.err.source", source=source, options=", ".join(sorted(valid))))
    return city, int(year)


@cache
def _kwb(source: str) -> pd.DataFrame:
    city, year = _parse(source)
    if city == "file":
        return opendata.read_neighbourhood_file(_OWN_FILES[source])
    return opendata.shipped(city, year)


@cache
def _havenstad(year: int) -> dict:
    """Havenstad's tables of ``year``, computed once (the app then only looks up)."""
    from wijkwijs.havenstad import infrastructure as infra
    from wijkwijs.havenstad import views
    from wijkwijs.havenstad.liveability import liveability_table

    stats = havenstad_statistics(year)
    scale = {group: views.scale_comparison(group, year) for _, group in HAVENSTAD_GROUPS}
    return {"stats": stats.set_index("code"), "scale": scale,
            "inventory": infra.inventory_by_buurt(year), "reach": infra.reach_by_buurt(year),
            "brokers": infra.referral_brokerage(year, top=None),
            "liveability": liveability_table(year).set_index("code")}


@cache
def _fieldwork(choice: str, path: str) -> tuple[pd.DataFrame, pd.DataFrame, object]:
    records = fieldwork.load_records(path, "inventory")
    return (records, fieldwork.inventory_brokerage(records),
            fieldwork.summarise_inventory(records))


def warm_up(sources: list[str] | None = None) -> None:
    """Compute the tables of every source once, so that the app answers with look-ups."""
    for source in sources or list(source_options().values()):
        city, year = _parse(source)
        if city == "havenstad":
            _havenstad(year)
        else:
            _kwb_tables(source)
            _kwb_context(source)


def neighbourhood_options(source: str) -> dict[str, str]:
    """Label (``name (code)``) → code of every buurt of ``source``, sorted by name.

    >>> neighbourhood_options("havenstad-2019")["Binnenstad-Noord (BU99010101)"]
    'BU99010101'
    >>> len(neighbourhood_options("havenstad-2019"))
    53
    """
    city, year = _parse(source)
    if city == "havenstad":
        stats = _havenstad(year)["stats"]
        buurten = stats[stats["level"] == "buurt"]
        pairs = zip(buurten["name"], buurten.index, strict=True)
    else:
        buurten = measures.areas(_kwb(source), "buurt")
        pairs = zip(buurten["name"].fillna(""), buurten["code"], strict=True)
    pairs = sorted(pairs, key=lambda p: (p[0] or p[1], p[1]))
    return {f"{n} ({c})" if n else c: c for n, c in pairs}


# ----------------------------------------------------------------------------- profile

def _check_code(source: str, code: str, options: dict[str, str]) -> None:
    if code not in options.values():
        raise ValueError(t("wscan.err.code", code=code, source=source,
                           example=next(iter(options.values()))))


def _share_sentence(group: str, here: float, city: float, where: str) -> str:
    if not (np.isfinite(here) and np.isfinite(city)) or city <= 0:
        return t("wscan.share.none", group=group)
    return t("wscan.share", group=group, here=number(here, ".1f"), city=number(city, ".1f"),
             where=where, ratio=number(here / city, ".2f"))


def _havenstad_profile(source: str, year: int, code: str) -> WijkscanProfile:
    from wijkwijs.havenstad import views

    tables = _havenstad(year)
    stats = tables["stats"]
    row = stats.loc[code]
    gemeente = stats.loc[row["gemeente_code"]]
    peers = stats[(stats["level"] == "buurt") & (stats["gemeente_code"] == row["gemeente_code"])]
    figures = []
    for column in HAVENSTAD_FIGURES:
        values = peers[column]
        figures.append({"label": t(f"wscan.fig.{column}"), "here": float(row[column]),
                        "city": float(gemeente[column]),
                        "rank": int((values > row[column]).sum()) + 1,
                        "buurten": len(values), "note": "", "column": column})
    seg, shares = [], []
    for column, group in HAVENSTAD_GROUPS:
        label = views.group_label(group)
        shares.append(_share_sentence(label, float(row[column]), float(gemeente[column]),
                                      str(gemeente["name"])))
        for r in tables["scale"][group].to_dict("records"):
            seg.append({"group": label, "scale": views.scale_label(r["level"], r["area"]),
                        "units": int(r["units"]), "D": float(r["D"])})
    live = tables["liveability"].loc[code]
    same = tables["liveability"]
    same = same[(same["gemeente_code"] == row["gemeente_code"]) & (same["class"] == live["class"])
                & (same.index != code)]
    sentence = ""
    if len(same):
        sentence = t("wscan.live.same", n=len(same), low=int(same["meeting_places"].min()),
                     high=int(same["meeting_places"].max()), here=int(live["meeting_places"]))
    return WijkscanProfile(
        source=source, source_label=t("wscan.source.havenstad", year=year), code=code,
        name=str(row["name"]), city=str(gemeente["name"]), year=year, synthetic=True,
        attribution=t("wscan.synthetic"), figures=pd.DataFrame(figures),
        segregation=pd.DataFrame(seg), shares=shares,
        liveability={"class": int(live["class"]), "class_name": str(live["class_name"]),
                     "score": float(live["score"]), "same_class": sentence},
        liveability_note=t("wscan.live.synthetic"), caveat=t("wscan.caveat"))


@cache
def _kwb_context(source: str) -> pd.DataFrame:
    kwb = _kwb(source)
    shares = [s for s in measures.DEFAULT_SHARES if s in kwb.columns]
    if not shares or not (kwb["level"] == "gemeente").any():
        return pd.DataFrame(columns=["share", "scale", "units", "D"])
    table = measures.scale_table(kwb, shares)
    table = table[table["scale"].isin(["buurt", "wijk_cbs"])]
    return pd.DataFrame({"share": table["share"], "scale": table["scale_label"],
                         "units": table["units"].astype(int), "D": table["dissimilarity"]})


@cache
def _kwb_tables(source: str) -> dict:
    """The buurten, the gemeente row and the withheld values of a file, computed once."""
    kwb = _kwb(source)
    buurten = measures.areas(kwb, "buurt").set_index("code")
    gemeente = measures.areas(kwb, "gemeente")
    present = [c for c in WIJKSCAN_COLUMNS if c in kwb.columns]
    withheld = measures.withheld_values(kwb, [c for c in present
                                              if c.startswith(("pct", "avg"))])
    withheld = withheld[withheld["level"] == "buurt"] if "level" in withheld else withheld
    reasons = {(c, col): r for c, col, r in zip(withheld["code"], withheld["column"],
                                                 withheld["reason"], strict=True)}
    return {"buurten": buurten, "gemeente": gemeente.iloc[0] if len(gemeente) else None,
            "present": present, "reasons": reasons,
            "values": {c: buurten[c].to_numpy(dtype=float) for c in present}}


def _kwb_figures(source: str, code: str) -> pd.DataFrame:
    """One buurt's figures, its municipality's and its rank (as
    :func:`~wijkwijs.examples.own_neighbourhood.wijkscan_figures`, from cached tables)."""
    tables = _kwb_tables(source)
    row, gemeente = tables["buurten"].loc[code], tables["gemeente"]
    rows = []
    for column in tables["present"]:
        values = tables["values"][column]
        value = float(row[column])
        rows.append({"label": t(f"ch8.col.{column}"), "here": value,
                     "city": float(gemeente[column]) if gemeente is not None else np.nan,
                     "rank": int((values > value).sum()) + 1 if np.isfinite(value) else pd.NA,
                     "buurten": int(np.isfinite(values).sum()),
                     "note": tables["reasons"].get((code, column), ""), "column": column})
    return pd.DataFrame(rows, columns=["label", "here", "city", "rank", "buurten", "note",
                                       "column"])


def _kwb_profile(source: str, code: str) -> WijkscanProfile:
    city, year = _parse(source)
    kwb = _kwb(source)
    buurten = _kwb_tables(source)["buurten"]
    name = buurten.loc[code, "name"]
    name = code if pd.isna(name) or not str(name) else str(name)
    gemeente_rows = measures.areas(kwb, "gemeente")
    where = (str(gemeente_rows["gemeente_name"].iloc[0]) if len(gemeente_rows)
             else (city_label(city) if city != "file" else ""))
    figures = _kwb_figures(source, code)
    context = _kwb_context(source)
    seg = pd.DataFrame({"group": [t(f"ch8.col.{s}") for s in context["share"]],
                        "scale": context["scale"], "units": context["units"],
                        "D": context["D"]}) if len(context) else pd.DataFrame(
        columns=["group", "scale", "units", "D"])
    shares = []
    for share in dict.fromkeys(context["share"]):
        r = figures[figures["column"] == share]
        if len(r):
            shares.append(_share_sentence(t(f"ch8.col.{share}"), float(r["here"].iloc[0]),
                                          float(r["city"].iloc[0]), where))
    own = city == "file"
    label = (t("wscan.source.file", name=_OWN_FILES[source].name) if own
             else f"{city_label(city)} {year} (CBS)")
    return WijkscanProfile(
        source=source, source_label=label, code=code, name=name, city=where,
        year=kwb.attrs.get("year") if own else year, synthetic=False,
        attribution=(t("wscan.own", name=_OWN_FILES[source].name) if own else t("wscan.cbs")),
        figures=figures, segregation=seg, shares=shares, liveability=None,
        liveability_note=t("wscan.live.none"), caveat=t("wscan.caveat"),
        notes=[] if len(seg) else [t("wscan.seg.none")])


def _type_label(kind: str) -> str:
    return t(f"wscan.type.{kind}") if f"{kind}" in (*ORGANISATION_TYPES, "other",
                                                     "not_inventoried") else str(kind)


def _percent(share: float) -> str:
    return "—" if not np.isfinite(share) else number(100 * share, ".0f")


def _city_infrastructure(p: WijkscanProfile, year: int) -> None:
    tables = _havenstad(year)
    inv = tables["inventory"]
    row = inv.loc[p.code]
    stats = tables["stats"]
    gemeente = stats.loc[p.code, "gemeente_code"]
    peers = stats.index[(stats["level"] == "buurt") & (stats["gemeente_code"] == gemeente)]
    median = float(inv.loc[peers, "meeting_places_per_1000"].median())
    counts = row[list(ORGANISATION_TYPES)].astype(int)
    top = counts[counts > 0].sort_values(ascending=False, kind="stable").head(3)
    reach = tables["reach"].loc[p.code]
    mix = row["mix_shannon"]
    rows = [(t("wscan.inf.organisations"), f"{int(row['organisations'])}"),
            (t("wscan.inf.types_present"), f"{int(row['types_present'])}"),
            (t("wscan.inf.mix"), "—" if pd.isna(mix) else number(float(mix), ".2f")),
            (t("wscan.inf.meeting_places"), f"{int(row['meeting_places'])}"),
            (t("wscan.inf.per_1000", median=number(median, ".1f")),
             number(float(row['meeting_places_per_1000']), ".1f")),
            (t("wscan.inf.within_400m"), _percent(float(reach["within_400m"]))),
            (t("wscan.inf.within_800m"), _percent(float(reach["within_800m"]))),
            (t("wscan.inf.main_kinds"),
             ", ".join(f"{_type_label(k)} ({n})" for k, n in top.items()) or "—")]
    p.infrastructure = pd.DataFrame(rows, columns=["measure", "value"])
    brokers = tables["brokers"]
    ranks = pd.Series(np.arange(1, len(brokers) + 1), index=brokers.index)
    here = brokers[(brokers["buurt_code"] == p.code) & (brokers["betweenness"] > 0)].head(3)
    p.brokers = pd.DataFrame({"name": here["name"].to_numpy(),
                              "kind": [_type_label(k) for k in here["type"]],
                              "betweenness": here["betweenness"].to_numpy(dtype=float),
                              "city_rank": [f"{ranks[i]} / {len(brokers)}" for i in here.index]})
    p.infrastructure_note = t("wscan.inf.source_city")


def _fieldwork_infrastructure(p: WijkscanProfile, choice: str) -> None:
    path = fieldwork.example_file() if choice == "example" else fieldwork.work_file("inventory")
    if not path.is_file():
        p.infrastructure_note = t("wscan.inf.none_mine", file=fieldwork.shown_path(path))
        return
    records, brokerage, summary = _fieldwork(choice, str(path))
    kinds = records["kind"].value_counts().sort_values(ascending=False, kind="stable").head(3)
    mapped = brokerage[brokerage["in_inventory"]]
    rows = [(t("wscan.inf.organisations"), f"{len(records)}"),
            (t("wscan.inf.types_present"), f"{records['kind'].nunique()}"),
            (t("wscan.inf.mix"), "—" if math.isnan(summary.diversity)
             else number(summary.diversity, ".2f")),
            (t("wscan.inf.linking"), f"{int(mapped['linking'].sum())}"),
            (t("wscan.inf.not_inventoried"), f"{int((~brokerage['in_inventory']).sum())}"),
            (t("wscan.inf.main_kinds"),
             ", ".join(f"{_type_label(k)} ({n})" for k, n in kinds.items()))]
    p.infrastructure = pd.DataFrame(rows, columns=["measure", "value"])
    top = brokerage[brokerage["betweenness"] > 0].head(3)
    p.brokers = pd.DataFrame({"name": top.index.to_numpy(),
                              "kind": [_type_label(k) for k in top["kind"]],
                              "betweenness": top["betweenness"].to_numpy(dtype=float),
                              "city_rank": [f"{k} / {len(brokerage)}"
                                            for k in range(1, len(top) + 1)]})
    p.infrastructure_note = (t("wscan.inf.source_example") if choice == "example" else
                             t("wscan.inf.source_mine", file=fieldwork.shown_path(path)))
    p.notes.append(t("wscan.inf.no_reach"))


def profile(source: str, code: str, inventory: str = "city") -> WijkscanProfile:
    """The wijkscan of buurt ``code`` of ``source`` (a key of :func:`source_options`).

    Parameters
    ----------
    source
        ``"havenstad-2019"``, ``"amsterdam-2019"``, ... or a key from :func:`add_own_file`.
    code
        A buurt code of the source (:func:`neighbourhood_options`).
    inventory
        Where the social infrastructure comes from: ``"city"`` (Havenstad's data; a real
        city has none), ``"example"`` (chapter 7's invented example inventory) or
        ``"mine"`` (the learner's ``fieldwork/inventory.jsonl``).

    Examples
    --------
    >>> p = profile("amsterdam-2019", "BU03630000")
    >>> p.name, p.synthetic, p.liveability is None
    ('Kop Zeedijk', False, True)
    >>> profile("havenstad-2019", "BU03630000")
    Traceback (most recent call last):
    ...
    ValueError: 'BU03630000' is not a buurt of havenstad-2019; e.g. 'BU99...'.
    """
    check_choice(inventory, INVENTORY_CHOICES, "inventory")
    city, year = _parse(source)
    _check_code(source, code, neighbourhood_options(source))
    if city == "havenstad":
        p = _havenstad_profile(source, year, code)
    else:
        p = _kwb_profile(source, code)
    if inventory == "city":
        if city == "havenstad":
            _city_infrastructure(p, year)
        else:
            p.infrastructure_note = t("wscan.inf.none_real")
    else:
        _fieldwork_infrastructure(p, inventory)
    return p


# ----------------------------------------------------------------------------- HTML

def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _number(value: object, column: str = "") -> str:
    if value is None or (isinstance(value, float) and not np.isfinite(value)) \
            or value is pd.NA:
        return "—"
    if column in ("population", "households", "inhabitants"):
        return number(float(value), ",.0f")
    if isinstance(value, (int, np.integer)):
        return str(value)
    return number(float(value), ".1f")


def _table(headers: list[str], rows: list[list[object]]) -> str:
    head = "".join(f"<th scope='col'>{_esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_esc(c)}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table class='wscan-table'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def profile_html(p: WijkscanProfile) -> str:
    """The profile as an HTML fragment (every text escaped), as the app shows it."""
    parts = [f"<div class='wscan-profile' lang='{get_language()}'>",
             f"<h3 class='wscan-title'>{_esc(p.title)}</h3>",
             f"<p class='wscan-attribution'><em>{_esc(p.attribution)}</em></p>",
             f"<h4>{_esc(t('wscan.h.figures'))}</h4>"]
    n = int(p.figures["buurten"].max()) if len(p.figures) else 0
    rows = []
    for r in p.figures.to_dict("records"):
        column = r.get("column", "")
        here = (t("ch8.wijkscan.withheld", reason=r["note"]) if r["note"]
                else _number(r["here"], column))
        rank = "—" if pd.isna(r["rank"]) else str(int(r["rank"]))
        rows.append([r["label"], here, _number(r["city"], column), rank])
    parts.append(_table([t("wscan.col.figure"), t("wscan.col.here"), p.city,
                         t("wscan.col.rank", n=n)], rows))
    parts.append(f"<h4>{_esc(t('wscan.h.segregation'))}</h4>")
    parts += [f"<p>{_esc(s)}</p>" for s in p.shares]
    if len(p.segregation):
        groups = list(dict.fromkeys(p.segregation["group"]))
        cells = {(r["scale"], r["group"]): f"{number(r['D'], '.3f')} ({r['units']})"
                 for r in p.segregation.to_dict("records")}
        scales = list(dict.fromkeys(p.segregation["scale"]))
        parts.append(_table([t("wscan.col.scale"), *[t("wscan.col.D_of", group=g)
                                                      for g in groups]],
                            [[s, *[cells.get((s, g), "—") for g in groups]] for s in scales]))
        parts.append(f"<p class='wscan-explain'>{_esc(t('wscan.seg.explain'))}</p>")
    parts += [f"<p>{_esc(s)}</p>" for s in p.notes if s == t("wscan.seg.none")]
    parts.append(f"<h4>{_esc(t('wscan.h.infrastructure'))}</h4>")
    parts.append(f"<p><em>{_esc(p.infrastructure_note)}</em></p>")
    if p.infrastructure is not None:
        parts.append(_table([t("wscan.col.measure"), t("wscan.col.value")],
                            p.infrastructure.to_numpy().tolist()))
    if p.brokers is not None:
        parts.append(f"<h4>{_esc(t('wscan.h.brokers'))}</h4>")
        if len(p.brokers):
            parts.append(_table([t("wscan.col.name"), t("wscan.col.kind"),
                                 t("wscan.col.betweenness"), t("wscan.col.city_rank")],
                                [[r["name"], r["kind"], number(r["betweenness"], ".2g"),
                                  r["city_rank"]] for r in p.brokers.to_dict("records")]))
        else:
            parts.append(f"<p>{_esc(t('wscan.brokers.none'))}</p>")
    parts += [f"<p>{_esc(s)}</p>" for s in p.notes if s != t("wscan.seg.none")]
    if p.liveability is not None:
        live = p.liveability
        verdict = t("wscan.live.class", cls=live["class"], name=live["class_name"],
                    score=number(live["score"], ".2f"))
        verdict = (f"<p class='wscan-class'><strong>{_esc(verdict)}</strong></p>"
                   f"<p>{_esc(live['same_class'])}</p>")
    else:
        verdict = ""
    parts.append(
        "<div class='wscan-liveability' style='display:flex;gap:1.5em;flex-wrap:wrap'>"
        f"<div style='flex:1 1 16em'><h4>{_esc(t('wscan.h.liveability'))}</h4>{verdict}"
        f"<p><em>{_esc(p.liveability_note)}</em></p></div>"
        "<div class='wscan-caveat' role='note' style='flex:1 1 16em;border-left:4px solid "
        "#E69F00;padding-left:0.8em'>"
        f"<h4>{_esc(t('wscan.h.caveat'))}</h4><p>{_esc(p.caveat)}</p></div></div>")
    parts.append(f"<h4>{_esc(t('wscan.h.street'))}</h4><p>{_esc(t('wscan.street'))}</p>")
    parts.append("</div>")
    return "\n".join(parts)


_MEMO_CSS = """
body { font-family: system-ui, sans-serif; font-size: 10pt; line-height: 1.3;
       color: #111; max-width: 48em; margin: 1.5em auto; }
h3 { font-size: 14pt; margin: 0 0 0.2em; } h4 { font-size: 11pt; margin: 0.9em 0 0.3em; }
p { margin: 0.25em 0; }
.wscan-table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
.wscan-table th, .wscan-table td { border-bottom: 1px solid #ccc; padding: 0.15em 0.4em;
                                   text-align: left; vertical-align: top; }
.wscan-explain { font-size: 9pt; color: #333; }
footer { margin-top: 1em; font-size: 8.5pt; color: #555; }
@page { size: A4; margin: 10mm; }
@media print { body { margin: 0; max-width: none; font-size: 8pt; line-height: 1.2; }
               .wscan-table { font-size: 7.5pt; } .wscan-table td { padding: 0 0.3em; }
               h3 { font-size: 12pt; } h4 { font-size: 9pt; margin: 0.5em 0 0.15em;
               break-after: avoid; } }
"""


def memo_html(p: WijkscanProfile) -> str:
    """The profile as a printable one-page HTML document for a memo.

    Self-contained: its style is inline, it loads nothing (no script, no image, no
    font, no link to the network), so it opens and prints offline. The page size is A4.

    >>> page = memo_html(profile("den_haag-2019", "BU05180170"))
    >>> page.startswith("<!DOCTYPE html>"), "<script" in page, "http" in page
    (True, False, False)
    """
    from wijkwijs import __version__

    return ("<!DOCTYPE html>\n"
            f"<html lang='{get_language()}'><head><meta charset='utf-8'>"
            f"<title>{_esc(p.title)}</title><style>{_MEMO_CSS}</style></head><body>\n"
            f"{profile_html(p)}\n"
            f"<footer>{_esc(t('wscan.memo.footer', version=__version__))} "
            f"{_esc(p.attribution)}</footer>\n</body></html>\n")
