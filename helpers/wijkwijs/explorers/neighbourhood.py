"""The explorer of chapter 8: choose a shipped municipality and a column, no code needed.

For civil servants and residents who would rather click than type: a slider that leaves
out the smallest buurten, a dropdown of the shipped CBS files (Bron: CBS, CC BY 4.0) and a
dropdown of columns. The plot ranks the buurten by the column, with the municipality's
value; the table gives the measures of chapters 1 and 2 that the file supports, and says
why when it cannot. The slider asks how much the measures depend on the small buurten
(those with fewer households than it says are left out; a file without household counts,
such as the Rotterdam subset, keeps all its buurten).

>>> ex = municipality_explorer()
>>> ex.set(municipality=("den_haag", 2019))
>>> "0.281" in ex.table_view.value
True
>>> ex.set(min_households=500)
>>> "0.281" in ex.table_view.value
False
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from wijkwijs import i18n, opendata
from wijkwijs.examples.own_neighbourhood import city_label
from wijkwijs.figures.neighbourhood import column_label, plot_buurt_values
from wijkwijs.widgets import Explorer, dropdown, slider

__all__ = ["EXPLORER_COLUMNS", "municipality_explorer", "municipality_table"]

#: The columns the explorer offers, in order.
EXPLORER_COLUMNS: tuple[str, ...] = ("pct_low_income_households", "pct_social_rent",
                                     "avg_income_per_inhabitant", "pct_owner_occupied")

i18n.register({
    "ch8ex.title": {"en": "Your municipality in figures (Bron: CBS, CC BY 4.0)",
                    "nl": "Je gemeente in cijfers (Bron: CBS, CC BY 4.0)"},
    "ch8ex.min_households": {"en": "Leave out buurten with fewer households than",
                             "nl": "Laat buurten weg met minder huishoudens dan"},
    "ch8ex.municipality": {"en": "Municipality and year", "nl": "Gemeente en jaar"},
    "ch8ex.column": {"en": "Column", "nl": "Kolom"},
    "ch8ex.measure": {"en": "measure", "nl": "maat"},
    "ch8ex.of": {"en": "of", "nl": "van"},
    "ch8ex.value": {"en": "value", "nl": "waarde"},
    "ch8ex.units": {"en": "buurten used", "nl": "gebruikte buurten"},
    "ch8ex.note": {"en": "note", "nl": "opmerking"},
    "ch8ex.m.dissimilarity": {"en": "dissimilarity D", "nl": "segregatie-index D"},
    "ch8ex.m.isolation": {"en": "isolation", "nl": "isolatie"},
    "ch8ex.m.entropy_index": {"en": "Theil's H", "nl": "Theils H"},
    "ch8ex.m.gini": {"en": "Gini between buurten", "nl": "Gini tussen buurten"},
    "ch8ex.m.theil": {"en": "Theil's T between buurten", "nl": "Theils T tussen buurten"},
    "ch8ex.m.ratio_top_bottom": {"en": "top fifth / bottom fifth",
                                 "nl": "bovenste vijfde / onderste vijfde"},
    "ch8ex.m.withheld": {"en": "buurten without a value", "nl": "buurten zonder waarde"},
})


@cache
def _kwb(city: str, year: int, min_households: int = 0) -> pd.DataFrame:
    """The shipped file, without the buurten that have fewer than ``min_households``."""
    kwb = opendata.shipped(city, year)
    if min_households <= 0 or "households" not in kwb.columns:
        return kwb
    small = (kwb["level"] == "buurt") & (kwb["households"] < min_households)
    kept = kwb[~small]
    kept.attrs = dict(kwb.attrs)
    return kept


@cache
def _overview(city: str, year: int, min_households: int = 0) -> pd.DataFrame:
    return opendata.measure_overview(_kwb(city, year, min_households))


def municipality_table(municipality: tuple[str, int], column: str,
                       min_households: int = 0) -> pd.DataFrame:
    """The explorer's table: the measures of one shipped file, and the column's gaps.

    >>> table = municipality_table(("rotterdam", 2017), "avg_income_per_inhabitant")
    >>> [str(v) for v in table.iloc[-1].tolist()[:3]]
    ['buurten without a value', 'average income per inhabitant (× €1,000)', '16.0']
    """
    city, year = municipality
    overview = _overview(city, year, int(min_households))
    rows = [{i18n.t("ch8ex.measure"): i18n.t(f"ch8ex.m.{r['measure']}"),
             i18n.t("ch8ex.of"): column_label(r["of"]),
             i18n.t("ch8ex.value"): r["value"], i18n.t("ch8ex.units"): r["units"],
             i18n.t("ch8ex.note"): r["note"]} for r in overview.to_dict("records")]
    kwb = _kwb(city, year, int(min_households))
    if column in kwb.columns:
        missing = int(kwb.loc[kwb["level"] == "buurt", column].isna().sum())
        rows.append({i18n.t("ch8ex.measure"): i18n.t("ch8ex.m.withheld"),
                     i18n.t("ch8ex.of"): column_label(column),
                     i18n.t("ch8ex.value"): float(missing),
                     i18n.t("ch8ex.units"): int((kwb["level"] == "buurt").sum()),
                     i18n.t("ch8ex.note"): ""})
    return pd.DataFrame(rows)


def municipality_explorer(city: str = "amsterdam", year: int = 2019) -> Explorer:
    """A dropdown of the shipped files and one of columns; a ranked plot and the measures.

    Parameters
    ----------
    city, year
        The file shown first (see :func:`wijkwijs.opendata.shipped_names`).
    """
    names = opendata.shipped_names()
    if (city, year) not in names:
        raise ValueError(f"no shipped file for {city!r} {year}; shipped: "
                         f"{', '.join(f'{c} {y}' for c, y in names)}.")
    options = {f"{city_label(c)} {y}": (c, y) for c, y in names}
    columns = {column_label(c): c for c in EXPLORER_COLUMNS}

    def draw(ax, min_households: int, municipality: tuple[str, int], column: str) -> None:
        plot_buurt_values(_kwb(*municipality, int(min_households)), column, ax=ax)

    controls = {"min_households": slider("ch8ex.min_households", 0, 500, 50, value=0),
                "municipality": dropdown("ch8ex.municipality", options, value=(city, year)),
                "column": dropdown("ch8ex.column", columns)}
    return Explorer(controls, plot=draw, table=municipality_table, title="ch8ex.title",
                    figsize=(7.5, 3.6))
