"""The meaning-based column map: which CBS column is which canonical variable.

CBS publishes the *Kerncijfers wijken en buurten* (KWB, "key figures of districts and
neighbourhoods") every year under three kinds of column names, and all three change
from year to year:

* **OData keys** (``AantalInwoners_5``, ``HuishoudensMetEenLaagInkomen_78``): a name plus
  a numeric suffix that is the column's position in that year's table. We match the
  name *without* the suffix, so ``HuishoudensMetEenLaagInkomen_78`` (2019) and
  ``HuishoudensMetEenLaagInkomen_80`` (another year) are the same variable.
* **Labels** (``Bevolking.Aantal.inwoners..aantal.`` in a StatLine CSV written by R, or
  ``Bevolking/Aantal inwoners (aantal)`` in a StatLine download): we lower-case the
  text, keep only letters and digits, and match the end of the label (the theme path in
  front of it varies).
* **Short codes** of the yearly download ``kwb-YYYY.xlsx``/``.csv`` (``a_inw``,
  ``p_wcorpw``, ``p_hh_lkk``), matched case-insensitively.

Every variable keeps CBS's unit: percentages stay percentages (0-100), incomes are in
thousands of euros, as published. Two income shares are easy to confuse and are kept
apart: ``pct_low_income_households`` is CBS's "huishoudens met een laag inkomen" (below
the low-income threshold, short code ``p_hh_lkk``), while
``pct_bottom40_income_households`` is "40% huishoudens met laagste inkomen" (in the
national bottom 40 %, ``p_hh_li``).

>>> identify("HuishoudensMetEenLaagInkomen_78").variable
'pct_low_income_households'
>>> identify("Wonen.Woningen.naar.eigendom.Huurwoningen.In.bezit.woningcorporatie....").variable
'pct_social_rent'
>>> identify("P_WCORPW").variable
'pct_social_rent'
>>> identify("Appartement_48").status  # a CBS column we know but do not read
'known'
>>> match = identify("k_65JaarrOfOude_12")  # mangled in a real file
>>> match.status, match.suggestion
('unknown', 'k_65JaarOfOuder (age_65_plus)')
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

__all__ = [
    "DESCRIPTIONS_NL",
    "ID_COLUMNS",
    "VARIABLES",
    "ColumnMatch",
    "Variable",
    "column_guide",
    "identify",
    "normalise_label",
    "odata_stem",
    "variable",
]


@dataclass(frozen=True)
class Variable:
    """One canonical column: its meaning, unit, and the CBS names it goes by.

    ``kind`` is ``"text"``, ``"count"`` (a whole number >= 0), ``"percent"`` (0 to 100)
    or ``"amount"`` (a number >= 0, such as a density or an income).
    """

    name: str
    kind: str
    description: str
    odata: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    label: str | None = None
    aliases: tuple[str, ...] = ()


def _v(name: str, kind: str, description: str, odata: str | tuple[str, ...] = (),
       codes: str | tuple[str, ...] = (), label: str | None = None,
       aliases: tuple[str, ...] = ()) -> Variable:
    def as_tuple(x: str | tuple[str, ...]) -> tuple[str, ...]:
        return (x,) if isinstance(x, str) else tuple(x)

    return Variable(name, kind, description, as_tuple(odata), as_tuple(codes), label,
                    aliases)


#: Identification columns, in output order. ``gemeente_code`` is derived from ``code``.
ID_COLUMNS: tuple[Variable, ...] = (
    _v("code", "text", "CBS area code: NL00, GM + 4 digits (gemeente, municipality), "
       "WK + 6 (wijk, district), BU + 8 (buurt, neighbourhood); spaces stripped",
       "Codering", ("gwb_code_10", "gwb_code"), r"(^| )codering code$",
       ("buurtcode", "wijkcode", "gemeentecode", "gebiedscode", "statcode", "bu_code",
        "wk_code", "gm_code", "regiocode")),
    _v("level", "text", "land, gemeente, wijk or buurt (from the file, else the code)",
       "SoortRegio", "recs", r"(^| )soort regio omschrijving$", ("soort regio", "niveau")),
    _v("name", "text", "the area's name", (), "regio", r"^wijken en buurten$",
       ("naam", "buurtnaam", "wijknaam", "gebiedsnaam", "buurt", "wijk", "gebied")),
    _v("gemeente_code", "text", "code of the municipality the area lies in (derived)"),
    _v("gemeente_name", "text", "name of the municipality", "Gemeentenaam", "gm_naam",
       r"(^| )gemeentenaam naam$", ("gemeentenaam", "gemeente")),
)

#: The numeric canonical variables, in output order.
VARIABLES: tuple[Variable, ...] = (
    _v("inhabitants", "count", "number of inhabitants", "AantalInwoners", "a_inw",
       r"(^| )aantal inwoners aantal$", ("inwoners", "aantal inwoners", "bevolking",
                                         "population", "residents")),
    _v("men", "count", "inhabitants, men", "Mannen", "a_man", r"geslacht mannen aantal$",
       ("mannen",)),
    _v("women", "count", "inhabitants, women", "Vrouwen", "a_vrouw",
       r"geslacht vrouwen aantal$", ("vrouwen",)),
    _v("age_0_14", "count", "inhabitants aged 0-14", "k_0Tot15Jaar", "a_00_14",
       r"(^| )0 tot 15 jaar aantal$"),
    _v("age_15_24", "count", "inhabitants aged 15-24", "k_15Tot25Jaar", "a_15_24",
       r"(^| )15 tot 25 jaar aantal$"),
    _v("age_25_44", "count", "inhabitants aged 25-44", "k_25Tot45Jaar", "a_25_44",
       r"(^| )25 tot 45 jaar aantal$"),
    _v("age_45_64", "count", "inhabitants aged 45-64", "k_45Tot65Jaar", "a_45_64",
       r"(^| )45 tot 65 jaar aantal$"),
    _v("age_65_plus", "count", "inhabitants aged 65 or older", "k_65JaarOfOuder",
       "a_65_oo", r"(^| )65 jaar of ouder aantal$"),
    _v("western_migration_background", "count",
       "inhabitants with a western migration background (CBS definition up to 2022)",
       "WestersTotaal", "a_w_all", r"(^| )(?<!niet )westers totaal aantal$"),
    _v("non_western_migration_background", "count",
       "inhabitants with a non-western migration background (CBS definition up to 2022)",
       "NietWestersTotaal", "a_nw_all", r"(^| )niet westers totaal aantal$"),
    _v("households", "count", "number of private households", "HuishoudensTotaal", "a_hh",
       r"(^| )huishoudens totaal aantal$", ("huishoudens", "aantal huishoudens")),
    _v("one_person_households", "count", "one-person households",
       "Eenpersoonshuishoudens", "a_1p_hh", r"(^| )eenpersoonshuishoudens aantal$"),
    _v("avg_household_size", "amount", "average household size (persons)",
       "GemiddeldeHuishoudensgrootte", "g_hhgro",
       r"(^| )gemiddelde huishoudensgrootte aantal$"),
    _v("population_density", "amount", "inhabitants per km² of land",
       "Bevolkingsdichtheid", "bev_dich",
       r"(^| )bevolkingsdichtheid aantal inwoners per km( 2)?$"),
    _v("dwellings", "count", "number of dwellings (woningvoorraad, housing stock)",
       "Woningvoorraad", "a_woning", r"(^| )woningvoorraad aantal$",
       ("woningen", "aantal woningen")),
    _v("avg_property_value", "amount",
       "average WOZ value of dwellings (the municipal valuation), × €1,000",
       "GemiddeldeWoningwaarde", ("g_woz", "g_wozbag"),
       r"(^| )gemiddelde woz waarde van woningen x 1 000 euro$"),
    _v("pct_single_family", "percent", "% single-family dwellings (eengezinswoning)",
       "PercentageEengezinswoning", "p_1gezw", r"(^| )percentage eengezinswoning$"),
    _v("pct_multi_family", "percent", "% multi-family dwellings (flats, meergezinswoning)",
       "PercentageMeergezinswoning", "p_mgezw", r"(^| )percentage meergezinswoning$"),
    _v("pct_owner_occupied", "percent", "% owner-occupied dwellings (koopwoningen)",
       "Koopwoningen", "p_koopw", r"(^| )eigendom koopwoningen$",
       ("koopwoningen", "percentage koopwoningen")),
    _v("pct_rented", "percent", "% rented dwellings (huurwoningen), all landlords",
       "HuurwoningenTotaal", "p_huurw", r"(^| )huurwoningen totaal$"),
    _v("pct_social_rent", "percent",
       "% dwellings owned by housing corporations (woningcorporaties, social rent)",
       "InBezitWoningcorporatie", "p_wcorpw", r"(^| )in bezit woningcorporatie$",
       ("corporatiewoningen", "percentage corporatiewoningen", "sociale huur")),
    _v("pct_other_landlords", "percent", "% rented dwellings owned by other landlords",
       "InBezitOverigeVerhuurders", "p_ov_hw", r"(^| )in bezit overige verhuurders$"),
    _v("avg_income_per_recipient", "amount", "average income per income recipient, "
       "× €1,000", "GemiddeldInkomenPerInkomensontvanger", "g_ink_po",
       r"(^| )gemiddeld inkomen per inkomensontvanger x 1 000 euro$"),
    _v("avg_income_per_inhabitant", "amount", "average income per inhabitant, × €1,000",
       "GemiddeldInkomenPerInwoner", "g_ink_pi",
       r"(^| )gemiddeld inkomen per inwoner x 1 000 euro$"),
    _v("pct_bottom40_income_households", "percent",
       "% households in the national bottom 40 % of incomes",
       "k_40HuishoudensMetLaagsteInkomen", "p_hh_li",
       r"(^| )40 huishoudens met laagste inkomen$"),
    _v("pct_top20_income_households", "percent",
       "% households in the national top 20 % of incomes",
       "k_20HuishoudensMetHoogsteInkomen", "p_hh_hi",
       r"(^| )20 huishoudens met hoogste inkomen$"),
    _v("pct_low_income_households", "percent",
       "% households with a low income (below CBS's low-income threshold)",
       "HuishoudensMetEenLaagInkomen", "p_hh_lkk", r"(^| )huishoudens met een laag inkomen$",
       ("lage inkomens", "percentage lage inkomens")),
    _v("pct_social_minimum_households", "percent",
       "% households at or below the social minimum (sociaal minimum)",
       "HuishOnderOfRondSociaalMinimum", "p_hh_osm",
       r"(^| )huish onder of rond sociaal minimum$"),
    _v("area_total_ha", "amount", "total area, hectares", "OppervlakteTotaal", "a_opp_ha",
       r"(^| )oppervlakte totaal ha$"),
    _v("area_land_ha", "amount", "land area, hectares", "OppervlakteLand", "a_lan_ha",
       r"(^| )oppervlakte land ha$"),
    _v("area_water_ha", "amount", "water area, hectares", "OppervlakteWater", "a_wat_ha",
       r"(^| )oppervlakte water ha$"),
    _v("burglaries_per_1000", "amount", "burglaries from homes and sheds per 1,000 "
       "inhabitants", "TotaalDiefstalUitWoningSchuurED", (),
       r"(^| )totaal diefstal uit woning schuur e d per 1 000 inwoners$"),
    _v("vandalism_per_1000", "amount", "vandalism and public-order offences per 1,000 "
       "inhabitants", "VernielingMisdrijfTegenOpenbareOrde", (),
       r"(^| )vernieling misdrijf tegen openbare orde per 1 000 inwoners$"),
    _v("violent_crime_per_1000", "amount", "violent and sexual offences per 1,000 "
       "inhabitants", "GeweldsEnSeksueleMisdrijven", (),
       r"(^| )gewelds en seksuele misdrijven per 1 000 inwoners$"),
)

_ALL = ID_COLUMNS + VARIABLES
_BY_NAME = {v.name: v for v in _ALL}

#: OData names (without suffix) of KWB columns we recognise but do not read.
_KNOWN_ODATA = frozenset(s.lower() for s in (
    "ID", "WijkenEnBuurten", "IndelingswijzigingWijkenEnBuurten", "Ongehuwd", "Gehuwd",
    "Gescheiden", "Verweduwd", "Marokko", "NederlandseAntillenEnAruba", "Suriname",
    "Turkije", "OverigNietWesters", "GeboorteTotaal", "GeboorteRelatief", "SterfteTotaal",
    "SterfteRelatief", "HuishoudensZonderKinderen", "HuishoudensMetKinderen",
    "PercentageBewoond", "PercentageOnbewoond", "EigendomOnbekend", "BouwjaarVoor2000",
    "BouwjaarVanaf2000", "GemiddeldElektriciteitsverbruikTotaal", "Appartement",
    "Tussenwoning", "Hoekwoning", "TweeOnderEenKapWoning", "VrijstaandeWoning",
    "Huurwoning", "EigenWoning", "GemiddeldAardgasverbruikTotaal",
    "PercentageWoningenMetStadsverwarming", "OpleidingsniveauLaag",
    "OpleidingsniveauMiddelbaar", "OpleidingsniveauHoog", "Nettoarbeidsparticipatie",
    "PercentageWerknemers", "PercentageZelfstandigen", "AantalInkomensontvangers",
    "k_40PersonenMetLaagsteInkomen", "k_20PersonenMetHoogsteInkomen", "Actieven1575Jaar",
    "GemGestandaardiseerdInkomenVanHuish", "HuishoudensTot110VanSociaalMinimum",
    "HuishoudensTot120VanSociaalMinimum", "MediaanVermogenVanParticuliereHuish",
    "PersonenPerSoortUitkeringBijstand", "PersonenPerSoortUitkeringAO",
    "PersonenPerSoortUitkeringWW", "PersonenPerSoortUitkeringAOW",
    "JongerenMetJeugdzorgInNatura", "PercentageJongerenMetJeugdzorg", "WmoClienten",
    "WmoClientenRelatief", "BedrijfsvestigingenTotaal", "ALandbouwBosbouwEnVisserij",
    "BFNijverheidEnEnergie", "GIHandelEnHoreca", "HJVervoerInformatieEnCommunicatie",
    "KLFinancieleDienstenOnroerendGoed", "MNZakelijkeDienstverlening",
    "RUCultuurRecreatieOverigeDiensten", "PersonenautoSTotaal",
    "PersonenautoSJongerDan6Jaar", "PersonenautoS6JaarEnOuder",
    "PersonenautoSBrandstofBenzine", "PersonenautoSOverigeBrandstof",
    "PersonenautoSPerHuishouden", "PersonenautoSNaarOppervlakte", "Motorfietsen",
    "AfstandTotHuisartsenpraktijk", "AfstandTotGroteSupermarkt",
    "AfstandTotKinderdagverblijf", "AfstandTotSchool", "ScholenBinnen3Km",
    "MeestVoorkomendePostcode", "Dekkingspercentage", "MateVanStedelijkheid",
    "Omgevingsadressendichtheid",
))

#: Short codes of the yearly download that we recognise but do not read.
_KNOWN_CODES = frozenset((
    "gwb_code_8", "ind_wbi", "jrstatcode", "jaar", "gm_code", "wk_code", "bu_code",
    "p_00_14", "p_15_24", "p_25_44", "p_45_64", "p_65_oo", "a_ongeh", "a_gehuwd", "a_gesch",
    "a_verwed", "p_ongeh", "p_gehuwd", "p_gesch", "p_verwed", "a_marok", "a_antaru",
    "a_surina", "a_turk", "a_ov_nw", "p_w_all", "p_nw_all", "p_marok", "p_ant_aru",
    "p_surina", "p_turk", "p_over_nw", "a_geb", "p_geb", "a_ste", "p_ste", "a_hh_z_k",
    "a_hh_m_k", "p_1p_hh", "p_hh_z_k", "p_hh_m_k", "p_bewndw", "p_leegsw", "p_e_o_w",
    "p_bjj2k", "p_bjo2k", "g_ele", "g_ele_ap", "g_ele_tw", "g_ele_hw", "g_ele_2w",
    "g_ele_vw", "g_ele_hu", "g_ele_ko", "g_gas", "g_gas_ap", "g_gas_tw", "g_gas_hw",
    "g_gas_2w", "g_gas_vw", "g_gas_hu", "g_gas_ko", "p_stadsv", "a_opl_lg", "a_opl_md",
    "a_opl_hg", "p_arb_pp", "p_arb_wn", "p_arb_zs", "a_inkont", "p_ink_li", "p_ink_hi",
    "g_hh_sti", "p_hh_110", "p_hh_120", "m_hh_ver", "a_soz_wb", "a_soz_ao", "a_soz_ww",
    "a_soz_ow", "a_jz_tn", "p_jz_tn", "a_wmo_t", "p_wmo_t", "a_bedv", "a_bed_a",
    "a_bed_bf", "a_bed_gi", "a_bed_hj", "a_bed_kl", "a_bed_mn", "a_bed_ru", "a_pau",
    "a_bst_b", "a_bst_nb", "g_pau_hh", "g_pau_km", "a_m2w", "g_afs_hp", "g_afs_gs",
    "g_afs_kv", "g_afs_sc", "g_3km_sc", "pst_mvp", "pst_dekp", "ste_mvs", "ste_oad",
))

#: First words of StatLine labels (the KWB themes): a label starting with one of these
#: is a CBS column we know of, even when we do not read it.
_KNOWN_THEMES = ("regioaanduiding", "bevolking", "wonen", "energie", "opleidingsniveau",
                 "arbeid", "inkomen", "sociale zekerheid", "zorg", "bedrijfsvestigingen",
                 "motorvoertuigen", "nabijheid", "oppervlakte", "postcode", "stedelijkheid",
                 "criminaliteit")

_ODATA_SUFFIX = re.compile(r"_\d+$")
_BY_STEM = {stem.lower(): v.name for v in _ALL for stem in v.odata}
_BY_CODE = {code.lower(): v.name for v in _ALL for code in v.codes}
_BY_ALIAS = {alias: v.name for v in _ALL for alias in v.aliases}
_LABELS = [(re.compile(v.label), v.name) for v in _ALL if v.label]
_STEM_SPELLING = {stem.lower(): stem for v in _ALL for stem in v.odata}


def odata_stem(key: str) -> str:
    """Return an OData key without its year-specific numeric suffix.

    >>> odata_stem("AantalInwoners_5")
    'AantalInwoners'
    """
    return _ODATA_SUFFIX.sub("", key.strip())


def normalise_label(text: str) -> str:
    """Lower-case ``text`` and keep only its words (letters and digits).

    >>> normalise_label("Bevolking.Aantal.inwoners..aantal.")
    'bevolking aantal inwoners aantal'
    """
    return " ".join(re.sub(r"[^0-9a-zà-ÿ]+", " ", text.lower()).split())


def variable(name: str) -> Variable:
    """Return the canonical :class:`Variable` called ``name``.

    >>> variable("pct_social_rent").codes
    ('p_wcorpw',)
    """
    if name not in _BY_NAME:
        raise ValueError(f"there is no canonical column {name!r}; known: "
                         f"{', '.join(_BY_NAME)}")
    return _BY_NAME[name]


@dataclass(frozen=True)
class ColumnMatch:
    """What a column header means.

    ``status`` is ``"variable"`` (read as ``variable``), ``"known"`` (a CBS column we
    recognise and leave out), ``"index"`` (a row-number column, dropped) or ``"unknown"``
    (not recognised; ``suggestion`` names a near match, e.g. for a mangled key).
    """

    header: str
    status: str
    variable: str | None = None
    suggestion: str | None = None


def identify(header: str, *, aliases: bool = False) -> ColumnMatch:
    """Return what the column ``header`` means (see :class:`ColumnMatch`).

    With ``aliases=True`` plain Dutch and English names such as ``inwoners`` or
    ``buurtcode`` are recognised too (for a user's own file).

    >>> identify("a_inw").variable, identify("AantalInwoners_5").variable
    ('inhabitants', 'inhabitants')
    >>> identify("inwoners").status, identify("inwoners", aliases=True).variable
    ('unknown', 'inhabitants')
    """
    text = str(header).strip()
    lower = text.lower()
    if lower in _BY_NAME:
        return ColumnMatch(text, "variable", lower)
    if lower in _BY_CODE:
        return ColumnMatch(text, "variable", _BY_CODE[lower])
    stem = odata_stem(text).lower()
    if stem in _BY_STEM:
        return ColumnMatch(text, "variable", _BY_STEM[stem])
    label = normalise_label(text)
    for pattern, name in _LABELS:
        if pattern.search(label):
            return ColumnMatch(text, "variable", name)
    if aliases and label in _BY_ALIAS:
        return ColumnMatch(text, "variable", _BY_ALIAS[label])
    if text in ("", "Unnamed: 0") or text.isdigit():
        return ColumnMatch(text, "index")
    if stem in _KNOWN_ODATA or lower in _KNOWN_CODES or label.startswith(_KNOWN_THEMES):
        return ColumnMatch(text, "known")
    return ColumnMatch(text, "unknown", suggestion=_suggest(stem))


def _suggest(stem: str) -> str | None:
    close = difflib.get_close_matches(stem, list(_BY_STEM), n=1, cutoff=0.8)
    if not close:
        return None
    return f"{_STEM_SPELLING[close[0]]} ({_BY_STEM[close[0]]})"


# --------------------------------------------------------------------------
# what each column means, in English and Dutch
# --------------------------------------------------------------------------

#: Dutch meaning of every canonical column (the English one is its ``description``).
DESCRIPTIONS_NL: dict[str, str] = {
    "code": "CBS-gebiedscode: NL00, GM + 4 cijfers (gemeente), WK + 6 (wijk), BU + 8 (buurt)",
    "level": "land, gemeente, wijk of buurt (uit het bestand, anders uit de code)",
    "name": "naam van het gebied",
    "gemeente_code": "code van de gemeente waarin het gebied ligt (afgeleid)",
    "gemeente_name": "naam van de gemeente",
    "inhabitants": "aantal inwoners",
    "men": "inwoners, mannen",
    "women": "inwoners, vrouwen",
    "age_0_14": "inwoners van 0 tot 15 jaar",
    "age_15_24": "inwoners van 15 tot 25 jaar",
    "age_25_44": "inwoners van 25 tot 45 jaar",
    "age_45_64": "inwoners van 45 tot 65 jaar",
    "age_65_plus": "inwoners van 65 jaar of ouder",
    "western_migration_background":
        "inwoners met een westerse migratieachtergrond (CBS-indeling tot 2022)",
    "non_western_migration_background":
        "inwoners met een niet-westerse migratieachtergrond (CBS-indeling tot 2022)",
    "households": "aantal particuliere huishoudens",
    "one_person_households": "eenpersoonshuishoudens",
    "avg_household_size": "gemiddelde huishoudensgrootte (personen)",
    "population_density": "inwoners per km² land",
    "dwellings": "aantal woningen (woningvoorraad)",
    "avg_property_value": "gemiddelde WOZ-waarde van woningen, × € 1.000",
    "pct_single_family": "% eengezinswoningen",
    "pct_multi_family": "% meergezinswoningen (flats)",
    "pct_owner_occupied": "% koopwoningen",
    "pct_rented": "% huurwoningen, alle verhuurders",
    "pct_social_rent": "% woningen in bezit van woningcorporaties (sociale huur)",
    "pct_other_landlords": "% huurwoningen van overige verhuurders",
    "avg_income_per_recipient": "gemiddeld inkomen per inkomensontvanger, × € 1.000",
    "avg_income_per_inhabitant": "gemiddeld inkomen per inwoner, × € 1.000",
    "pct_bottom40_income_households":
        "% huishoudens bij de landelijk 40 % laagste inkomens",
    "pct_top20_income_households": "% huishoudens bij de landelijk 20 % hoogste inkomens",
    "pct_low_income_households": "% huishoudens met een laag inkomen (onder de lage-"
                                 "inkomensgrens van CBS)",
    "pct_social_minimum_households": "% huishoudens onder of rond het sociaal minimum",
    "area_total_ha": "oppervlakte totaal, hectare",
    "area_land_ha": "oppervlakte land, hectare",
    "area_water_ha": "oppervlakte water, hectare",
    "burglaries_per_1000": "diefstal uit woning, schuur e.d. per 1.000 inwoners",
    "vandalism_per_1000": "vernieling en misdrijven tegen de openbare orde per 1.000 inwoners",
    "violent_crime_per_1000": "gewelds- en seksuele misdrijven per 1.000 inwoners",
}

_KIND_TEXT = {
    "text": {"en": "text", "nl": "tekst"},
    "count": {"en": "count", "nl": "aantal"},
    "percent": {"en": "percentage (0-100)", "nl": "percentage (0-100)"},
    "amount": {"en": "number", "nl": "getal"},
}


def column_guide(frame: Any = None, *, language: str | None = None) -> Any:
    """What each canonical column means, in English or Dutch, and where it came from.

    Parameters
    ----------
    frame
        A frame from :func:`~wijkwijs.opendata.read_kwb` (or ``shipped``): the guide
        then lists only its columns, with the file's own column name
        (``attrs["source_columns"]``) and how many cells are empty. Without a frame:
        every canonical column.
    language
        ``"en"`` or ``"nl"``; by default the language of :mod:`wijkwijs.i18n`.

    Returns
    -------
    pandas.DataFrame
        ``column``, ``meaning``, ``kind`` and, with a frame, ``in_the_file`` and
        ``empty`` (missing cells: suppressed by CBS, or not published).

    Examples
    --------
    >>> from wijkwijs import opendata
    >>> guide = column_guide(opendata.shipped("amsterdam", 2019), language="nl")
    >>> guide.set_index("column").loc["pct_social_rent", "meaning"]
    '% woningen in bezit van woningcorporaties (sociale huur)'
    >>> column_guide(language="en").set_index("column").loc["households", "kind"]
    'count'
    """
    import pandas as pd

    from wijkwijs import i18n

    lang = i18n.get_language() if language is None else language
    if lang not in i18n.LANGUAGES:
        raise ValueError(f"language {language!r} is not available; choose one of "
                         f"{', '.join(i18n.LANGUAGES)}.")
    known = [v for v in ID_COLUMNS + VARIABLES
             if frame is None or v.name in getattr(frame, "columns", ())]
    rows = []
    for var in known:
        row = {"column": var.name,
               "meaning": var.description if lang == "en" else DESCRIPTIONS_NL[var.name],
               "kind": _KIND_TEXT[var.kind][lang]}
        if frame is not None:
            row["in_the_file"] = frame.attrs.get("source_columns", {}).get(var.name, "")
            row["empty"] = int(frame[var.name].isna().sum())
        rows.append(row)
    return pd.DataFrame(rows)
