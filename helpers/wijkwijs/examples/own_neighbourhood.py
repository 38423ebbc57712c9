"""Chapter 8, *Your own neighbourhood*: the worked examples on real CBS data.

The measures live in :mod:`wijkwijs.opendata.measures`; this module puts them together
the way the chapter shows them:

* :func:`shipped_overview` — the measures of chapters 1 and 2 for every shipped city and
  year (Bron: CBS, CC BY 4.0), with the reason where a file cannot support a measure;
* :func:`published_comparison` — our D over buurten next to the published SCP/CBS
  figures, which were computed over squares of 500 by 500 metres;
* :func:`havenstad_liveability` — the *synthetic* Leefbaarometer-like example file of
  Havenstad next to Havenstad's statistics and its social infrastructure;
* :func:`liveability_contrast` — two synthetic buurten with the same liveability class
  and very different social infrastructure;
* :func:`wijkscan` — a memo of one buurt's figures against its municipality, with the
  questions only a visit can answer.

>>> table = shipped_overview()
>>> table[["city", "year", "low_income_D"]].round(3).to_numpy().tolist()[:2]
[['Amsterdam', 2017, 0.205], ['Amsterdam', 2019, 0.203]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from wijkwijs import opendata
from wijkwijs.havenstad import havenstad_statistics
from wijkwijs.havenstad.constants import CITY_CODE
from wijkwijs.i18n import register, t
from wijkwijs.opendata import measures
from wijkwijs.published import published

__all__ = ["CITY_LABELS", "LIVEABILITY_EXAMPLE", "LIVEABILITY_YEAR", "city_label",
           "contrast_names", "havenstad_liveability", "liveability_contrast",
           "published_comparison",
           "shipped_overview", "wijkscan", "wijkscan_figures"]

#: How the shipped cities are called in tables and titles.
CITY_LABELS: dict[str, str] = {"amsterdam": "Amsterdam", "den_haag": "Den Haag",
                               "rotterdam": "Rotterdam"}
#: The synthetic Leefbaarometer-like example file (``datasets/examples/``).
LIVEABILITY_EXAMPLE = "leefbaarometer_havenstad_synthetic_example.csv"
#: The year of the example file the chapter looks at.
LIVEABILITY_YEAR = 2020
#: Published regions matched to the shipped cities (``datasets/published``).
_PUBLISHED_REGION = {"amsterdam": "Amsterdam", "den_haag": "Den Haag"}

register({
    "ch8.wijkscan.title": {"en": "Wijkscan: {name} ({code}), {city} {year}",
                           "nl": "Wijkscan: {name} ({code}), {city} {year}"},
    "ch8.wijkscan.figures": {"en": "Figures (Bron: CBS, CC BY 4.0)",
                             "nl": "Cijfers (Bron: CBS, CC BY 4.0)"},
    "ch8.wijkscan.header": {
        "en": "| | this buurt | {city} | rank among the buurten (1 = highest) |\n"
              "|---|---|---|---|",
        "nl": "| | deze buurt | {city} | plaats onder de buurten (1 = hoogste) |\n"
              "|---|---|---|---|"},
    "ch8.wijkscan.withheld": {"en": "not published: {reason}",
                              "nl": "niet gepubliceerd: {reason}"},
    "ch8.wijkscan.rank": {"en": "{rank} of {n}", "nl": "{rank} van {n}"},
    "ch8.wijkscan.street": {"en": "Street-level check (go and look)",
                            "nl": "Check op straatniveau (ga kijken)"},
    "ch8.wijkscan.questions": {
        "en": "1. Which places do residents meet in (community centre, youth space, "
              "library, sports club, church or mosque, café, shop)? Which of them are "
              "open to everybody, and which serve one group?\n"
              "2. Which organisations know the residents who need help, and whom do "
              "they refer them to?\n"
              "3. How are these organisations funded (structural or project by "
              "project), and has one closed or moved recently?\n"
              "4. What do residents and professionals say that the figures above do "
              "not show? Note who you spoke to and where.\n"
              "5. Does what you saw change how you read the figures above?",
        "nl": "1. Waar ontmoeten bewoners elkaar (buurthuis, jongerenplek, bibliotheek, "
              "sportclub, kerk of moskee, café, winkel)? Welke plekken zijn voor "
              "iedereen, en welke voor één groep?\n"
              "2. Welke organisaties kennen de bewoners die hulp nodig hebben, en naar "
              "wie verwijzen zij hen door?\n"
              "3. Hoe worden die organisaties gefinancierd (structureel of per project), "
              "en is er onlangs een gesloten of verhuisd?\n"
              "4. Wat vertellen bewoners en professionals dat de cijfers hierboven niet "
              "laten zien? Noteer met wie je sprak en waar.\n"
              "5. Verandert wat je zag hoe je de cijfers hierboven leest?"},
    "ch8.col.inhabitants": {"en": "inhabitants", "nl": "inwoners"},
    "ch8.col.households": {"en": "households", "nl": "huishoudens"},
    "ch8.col.pct_low_income_households": {"en": "% households with a low income",
                                          "nl": "% huishoudens met een laag inkomen"},
    "ch8.col.pct_social_rent": {"en": "% dwellings of housing corporations",
                                "nl": "% woningen van woningcorporaties"},
    "ch8.col.pct_owner_occupied": {"en": "% owner-occupied dwellings",
                                   "nl": "% koopwoningen"},
    "ch8.col.avg_income_per_inhabitant": {"en": "average income per inhabitant (× €1,000)",
                                          "nl": "gemiddeld inkomen per inwoner (× € 1.000)"},
    "ch8.units.buurten": {"en": "buurten", "nl": "buurten"},
    "ch8.units.squares": {"en": "500 m squares", "nl": "vierkanten van 500 m"},
})

#: The figures a wijkscan shows, in order.
WIJKSCAN_COLUMNS: tuple[str, ...] = (
    "inhabitants", "households", "pct_low_income_households", "pct_social_rent",
    "pct_owner_occupied", "avg_income_per_inhabitant")


def city_label(city: str) -> str:
    """The name of a shipped city as the chapter writes it.

    >>> city_label("den_haag")
    'Den Haag'
    """
    if city not in CITY_LABELS:
        raise ValueError(f"city {city!r} is unknown; choose one of {', '.join(CITY_LABELS)}.")
    return CITY_LABELS[city]


def _value(table: pd.DataFrame, share: str, index: str) -> float:
    row = table.loc[table["share"] == share]
    return float(row[index].iloc[0]) if len(row) else np.nan


def shipped_overview() -> pd.DataFrame:
    """The measures of chapters 1 and 2 over the buurten of every shipped city and year.

    Returns
    -------
    pandas.DataFrame
        One row per shipped file: ``city``, ``year``, ``buurten``; for low-income
        households ``low_income_units``, ``low_income_D``, ``low_income_isolation``,
        ``low_income_H`` and ``low_income_withheld``; for corporation (social-rent)
        dwellings ``social_rent_units``, ``social_rent_D``, ``social_rent_H``; the Gini
        of average income per inhabitant between buurten (``income_gini``), and
        ``note``: why a measure is missing (the Rotterdam subset has no household counts
        and no low-income or corporation share).

    Examples
    --------
    >>> o = shipped_overview().set_index(["city", "year"])
    >>> round(float(o.loc[("Den Haag", 2019), "social_rent_D"]), 3)
    0.477
    >>> o.loc[("Rotterdam", 2017), "note"]
    "not computable: the file has no column 'pct_low_income_households'"
    """
    rows = []
    for city, year in opendata.shipped_names():
        kwb = opendata.shipped(city, year)
        table = measures.segregation_table(kwb)
        low = table.loc[table["share"] == "pct_low_income_households"].iloc[0]
        overview = measures.measure_overview(kwb)
        gini = overview.loc[overview["measure"] == "gini", "value"].iloc[0]
        notes = [n for n in dict.fromkeys(table["note"]) if n]
        rows.append({
            "city": city_label(city), "year": year,
            "buurten": int((kwb["level"] == "buurt").sum()),
            "low_income_units": int(low["units"]),
            "low_income_D": low["dissimilarity"],
            "low_income_isolation": low["isolation"],
            "low_income_H": low["entropy_index"],
            "low_income_withheld": low["left_out"] if low["units"] else pd.NA,
            "social_rent_units": int(_value(table, "pct_social_rent", "units")),
            "social_rent_D": _value(table, "pct_social_rent", "dissimilarity"),
            "social_rent_H": _value(table, "pct_social_rent", "entropy_index"),
            "income_gini": gini, "note": notes[0] if notes else ""})
    out = pd.DataFrame(rows)
    out["low_income_withheld"] = out["low_income_withheld"].astype("Int64")
    return out


def published_comparison() -> pd.DataFrame:
    """Our D of low-income households over buurten next to the published D over squares.

    SCP and CBS (*Armoede en sociale uitsluiting 2015*) computed the dissimilarity of
    low-income households against all other households for 2013 over squares of 500 by
    500 metres within each municipality (``datasets/published/low_income_segregation.csv``).
    Ours are over CBS buurten, in 2017 and 2019, with CBS's KWB definition of a low
    income. Different units, years and definitions: the table shows the orders of
    magnitude side by side, it does not measure a change.

    Returns
    -------
    pandas.DataFrame
        One row per shipped city and year with a low-income share: ``region``,
        ``year``, ``units`` (our units), ``D`` (ours), ``published_year``,
        ``published_D``, ``published_units`` and ``source``; then the range and the
        average over all municipalities in 2013 (``year`` and ``D`` empty).

    Examples
    --------
    >>> c = published_comparison()
    >>> c[["region", "year", "published_D"]].head(3).to_numpy().tolist()
    [['Amsterdam', 2017, 0.18], ['Amsterdam', 2019, 0.18], ['Den Haag', 2019, 0.3]]
    """
    figures = published("low_income_segregation")
    figures = figures[figures["year"] == 2013]
    rows = []
    for city, year in opendata.shipped_names():
        if city not in _PUBLISHED_REGION:
            continue
        table = measures.segregation_table(opendata.shipped(city, year),
                                           ["pct_low_income_households"])
        match = figures[figures["region"] == _PUBLISHED_REGION[city]].iloc[0]
        rows.append({"region": city_label(city), "year": year,
                     "units": t("ch8.units.buurten"),
                     "D": float(table["dissimilarity"].iloc[0]),
                     "published_year": int(match["year"]),
                     "published_D": float(match["value_pct"]) / 100,
                     "published_units": t("ch8.units.squares"), "source": match["source"]})
    for _, match in figures[figures["region"].str.startswith("All municipalities")].iterrows():
        rows.append({"region": match["region"], "year": pd.NA, "units": "", "D": np.nan,
                     "published_year": int(match["year"]),
                     "published_D": float(match["value_pct"]) / 100,
                     "published_units": t("ch8.units.squares"), "source": match["source"]})
    out = pd.DataFrame(rows)
    out["year"] = out["year"].astype("Int64")
    return out


def havenstad_liveability(year: int = LIVEABILITY_YEAR) -> pd.DataFrame:
    """The synthetic example export next to Havenstad's statistics and infrastructure.

    Reads ``datasets/examples/leefbaarometer_havenstad_synthetic_example.csv`` with
    :func:`~wijkwijs.opendata.read_leefbaarometer` and joins it (on the buurt code) to
    Havenstad's statistics and its inventory of organisations of that year. *Everything
    here is synthetic*: Havenstad is an invented city, and the score is Leefbaarometer-
    like (five dimensions of a few registered characteristics), not the Leefbaarometer.

    Returns
    -------
    pandas.DataFrame
        One row per buurt of the city: ``code``, ``name``, ``score``, ``deviation``,
        ``class``, ``pct_low_income`` (Havenstad: the national bottom 40 %),
        ``pct_social_rent``, ``organisations`` and ``meeting_places``.

    Examples
    --------
    >>> live = havenstad_liveability()
    >>> len(live), int(live["meeting_places"].sum()) > 0
    (41, True)
    """
    # imported here: Havenstad's infrastructure module loads networkx, which the rest of
    # this module (and checking most exercises) does not need
    from wijkwijs.havenstad.infrastructure import inventory_by_buurt

    lbm = opendata.read_leefbaarometer(opendata.example_path(LIVEABILITY_EXAMPLE))
    stats = havenstad_statistics(year)
    stats = stats[(stats["level"] == "buurt") & (stats["gemeente_code"] == CITY_CODE)]
    stats = stats[["code", "pct_low_income", "pct_social_rent"]]
    inventory = inventory_by_buurt(year)[["organisations", "meeting_places"]].reset_index()
    joined = opendata.join_leefbaarometer(lbm, stats.merge(inventory, on="code"), year=year)
    names = lbm.drop_duplicates("code").set_index("code")["name"]
    joined.insert(1, "name", joined["code"].map(names))
    return joined[["code", "name", "score", "deviation", "class", "pct_low_income",
                   "pct_social_rent", "organisations", "meeting_places"]]


def contrast_names(year: int = LIVEABILITY_YEAR) -> tuple[str, str]:
    """The two city buurten in the same liveability class whose meeting places differ
    most in ``year`` (the one with more first), computed from the data.

    >>> a, b = contrast_names()
    >>> c = liveability_contrast((a, b)).set_index("name")
    >>> same_class = bool(c.loc[a, "class"] == c.loc[b, "class"])
    >>> same_class, bool(c.loc[a, "meeting_places"] > c.loc[b, "meeting_places"])
    (True, True)
    """
    from wijkwijs.havenstad.liveability import same_class_contrasts

    best = same_class_contrasts(year, measure="meeting_places", city_only=True, top=1)
    return str(best["more"].iloc[0]), str(best["fewer"].iloc[0])


def liveability_contrast(names: tuple[str, str] | None = None,
                         year: int = LIVEABILITY_YEAR) -> pd.DataFrame:
    """Two synthetic Havenstad buurten: their liveability next to their infrastructure.

    Without ``names``, the pair of :func:`contrast_names`: the same class, the largest
    gap in meeting places.

    >>> c = liveability_contrast().set_index("name")
    >>> c["class"].nunique(), int(c["meeting_places"].iloc[0] - c["meeting_places"].iloc[1]) >= 4
    (1, True)
    """
    names = contrast_names(year) if names is None else names
    live = havenstad_liveability(year).set_index("name")
    unknown = [n for n in names if n not in live.index]
    if unknown:
        raise ValueError(f"Havenstad has no buurt {unknown[0]!r}; buurten: "
                         f"{', '.join(live.index)}.")
    return live.loc[list(names)].reset_index()


def wijkscan_figures(kwb: pd.DataFrame, code: str) -> pd.DataFrame:
    """One buurt's figures next to its municipality's, with its rank among the buurten.

    Returns one row per figure of :data:`WIJKSCAN_COLUMNS` the file has: ``column``,
    ``label``, ``buurt``, ``gemeente``, ``rank`` (1 = highest, among the buurten with a
    value), ``buurten`` (how many have one) and ``withheld`` (the reason when the
    buurt's value is not published, else empty).

    >>> from wijkwijs import opendata
    >>> f = wijkscan_figures(opendata.shipped("amsterdam", 2019), "BU03630000")
    >>> f.set_index("column").loc["households", ["buurt", "gemeente"]].tolist()
    [755.0, 470223.0]
    """
    buurten = measures.areas(kwb, "buurt")
    if code not in set(buurten["code"]):
        raise ValueError(f"{code!r} is not a buurt of this file; buurt codes start with "
                         f"BU, e.g. {buurten['code'].iloc[0]!r}.")
    gemeente = measures.areas(kwb, "gemeente").iloc[0]
    row = buurten.set_index("code").loc[code]
    present = [c for c in WIJKSCAN_COLUMNS if c in kwb.columns]
    withheld = measures.withheld_values(kwb, [c for c in present if c.startswith(("pct", "avg"))])
    withheld = withheld[withheld["code"] == code].set_index("column")["reason"]
    rows = []
    for column in present:
        values = buurten[column]
        value = float(row[column])
        rank = (int((values > value).sum()) + 1) if not np.isnan(value) else pd.NA
        rows.append({"column": column, "label": t(f"ch8.col.{column}"), "buurt": value,
                     "gemeente": float(gemeente[column]), "rank": rank,
                     "buurten": int(values.notna().sum()),
                     "withheld": withheld.get(column, "")})
    out = pd.DataFrame(rows)
    out["rank"] = out["rank"].astype("Int64")
    return out


def _number(value: float, column: str) -> str:
    if np.isnan(value):
        return "—"
    if column in ("inhabitants", "households"):
        return f"{value:,.0f}"
    return f"{value:.1f}"


def wijkscan(kwb: pd.DataFrame, code: str, *, city: str | None = None) -> str:
    """A *wijkscan* memo of one buurt: its figures, and the street-level check to do.

    The figures (from :func:`wijkscan_figures`) are what the statistics can say; the
    questions are what only a visit can answer (Custers, *Een betere wijk begint ín de
    wijk*: knowledge at street level of how the social infrastructure works).

    Parameters
    ----------
    kwb
        A KWB frame of one municipality.
    code
        The buurt code, e.g. ``"BU03630000"``.
    city
        The name in the title; by default the file's ``gemeente_name``.

    Returns
    -------
    str
        Markdown, in the current language.

    Examples
    --------
    >>> from wijkwijs import opendata
    >>> memo = wijkscan(opendata.shipped("amsterdam", 2019), "BU03630000")
    >>> memo.splitlines()[0]
    '### Wijkscan: Kop Zeedijk (BU03630000), Amsterdam 2019'
    """
    figures = wijkscan_figures(kwb, code)
    buurten = measures.areas(kwb, "buurt").set_index("code")
    name = buurten.loc[code, "name"] or code
    city = city or measures.areas(kwb, "gemeente")["gemeente_name"].iloc[0] or ""
    title = t("ch8.wijkscan.title", name=name, code=code, city=city,
              year=kwb.attrs.get("year", ""))
    lines = [f"### {title}",
             "", f"**{t('ch8.wijkscan.figures')}**", "",
             t("ch8.wijkscan.header", city=city)]
    for record in figures.to_dict("records"):
        here = (t("ch8.wijkscan.withheld", reason=record["withheld"]) if record["withheld"]
                else _number(record["buurt"], record["column"]))
        rank = ("—" if pd.isna(record["rank"])
                else t("ch8.wijkscan.rank", rank=record["rank"], n=record["buurten"]))
        lines.append(f"| {record['label']} | {here} | "
                     f"{_number(record['gemeente'], record['column'])} | {rank} |")
    lines += ["", f"**{t('ch8.wijkscan.street')}**", "", t("ch8.wijkscan.questions")]
    return "\n".join(lines)
