"""What the generated city achieves: calibration targets and the story in numbers.

:func:`calibration_table` sets published figures (with their sources) next to what
Havenstad achieves; :func:`story_table` gives, by year, the dissimilarity indices that
carry the course's argument. Both go into the data card ``datasets/havenstad/README.md``.

>>> from wijkwijs.havenstad import havenstad_household_years
>>> story = story_table(havenstad_household_years())
>>> story["year"].tolist()[:3]
[2011, 2012, 2013]
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from wijkwijs.havenstad.constants import CITY_CODE, CITY_NAME, GROUPS
from wijkwijs.havenstad.generate.codes import buurt_prefix
from wijkwijs.havenstad.generate.incomes import national_gini
from wijkwijs.inequality import gini
from wijkwijs.segregation import dissimilarity_between

_CITY_BUURT = buurt_prefix(CITY_CODE)


def _in_group(pc: pd.Series, group: str) -> pd.Series:
    """Whether each national percentile lies in income group ``group`` (see ``GROUPS``)."""
    lo, hi = GROUPS[group]
    return (pc >= lo) & (pc <= hi)


def _panel_groups(hy: pd.DataFrame, year: int, gemeenten: Iterable[str]) -> pd.DataFrame:
    """Households per buurt in ``year`` by income group and social rent."""
    p = hy[(hy["year"] == year) & hy["buurt_code"].str[2:6].radd("GM").isin(list(gemeenten))]
    pc = p["national_percentile"]
    return pd.DataFrame({"buurt": p["buurt_code"], "all": 1,
                         **{group: _in_group(pc, group) for group in GROUPS},
                         "social": p["tenure"] == "social_rent",
                         "income": p["income"]}).groupby("buurt").sum()


def calibration_table(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Targets from published figures, their sources, and what Havenstad achieves.

    ``tables`` needs ``household_years``, ``dwellings`` and ``statistics`` as written.

    >>> from wijkwijs.havenstad import havenstad
    >>> tables = {t: havenstad(t) for t in ("household_years", "dwellings", "statistics")}
    >>> calibration_table(tables).equals(havenstad("calibration"))
    True
    """
    hy = tables["household_years"]
    rows = []
    p13 = hy[(hy["year"] == 2013) & hy["buurt_code"].str.startswith(_CITY_BUURT)]
    rows.append(("Gini of standardised income, national distribution (all years)",
                 "0.29 (0.285-0.306)", "CBS StatLine 83739NED", f"{national_gini():.3f}"))
    rows.append((f"Gini of standardised income, {CITY_NAME} 2013", "0.34-0.37",
                 "CBS via NU.nl 2018-03 (Amsterdam 0.37, Utrecht 0.35, Den Haag 0.34)",
                 f"{gini(p13['income'].to_numpy()):.3f}"))
    rows.append((f"Share of households below the national P10 (low income), {CITY_NAME} 2013",
                 "15-19 %", "CBS news 2015/51 (Rotterdam 18.7, Amsterdam 18.2, "
                 "Den Haag 17.6 %; NL 10.3 %)",
                 f"{100 * _in_group(p13['national_percentile'], 'bottom_10').mean():.1f} %"))
    g13 = _panel_groups(hy, 2013, [CITY_CODE])
    rows.append((f"Dissimilarity low-income (P10) vs other households, {CITY_NAME} 2013",
                 "0.09-0.38", "SCP/CBS Armoede en sociale uitsluiting 2015 (range over "
                 "municipalities 9-38 %; Amsterdam 18 %, Den Haag 30 %; 500 m squares, "
                 "not buurten)",
                 f"{dissimilarity_between(g13['bottom_10'], g13['all'] - g13['bottom_10']):.3f}"))
    dw = tables["dwellings"]
    dwc = dw[dw["buurt_code"].str.startswith(_CITY_BUURT)].groupby("year")[
        ["social_rent", "total"]].sum()
    share = 100 * dwc["social_rent"] / dwc["total"]
    rows.append((f"Corporation (social rent) share of dwellings, {CITY_NAME} 2011",
                 "45-57 %", "CBS news 2003/07 (2001: Rotterdam 57 %, Amsterdam 56 %); "
                 "CBS 71446ned (NL 31 %)", f"{share.loc[2011]:.1f} %"))
    rows.append(("Change in social rent share 2012-2021", "falling (NL 37 -> 34 %)",
                 "CBS via Stadszaken.nl (social rental share NL 2012-2021)",
                 f"{share.loc[2012]:.1f} -> {share.loc[2021]:.1f} %"))
    st = tables["statistics"]
    gm = st[(st["level"] == "gemeente") & (st["code"] == CITY_CODE) & (st["year"] == 2019)]
    rows.append((f"Population share with a background outside Europe, {CITY_NAME} 2019",
                 "30-40 %", "Spierenburg et al. (share non-Western: Amsterdam 0.350, "
                 "Rotterdam 0.386)", f"{gm['pct_background_outside_europe'].item():.1f} %"))
    return pd.DataFrame(rows, columns=["quantity", "target", "source", "achieved"])


def story_table(household_years: pd.DataFrame) -> pd.DataFrame:
    """Dissimilarity indices by year that carry the course's story (buurt level).

    Columns: D low (bottom 40 %) vs high (top 20 %) income in the city and in the
    metropolitan area (city + suburbs); D of the national bottom 10 %, the middle
    (40-80 %) and the top 1 % vs all other households (city); D of social rent vs other
    tenures (city, over occupied dwellings); share of the national bottom quintile among
    social renters.
    """
    hy = household_years
    rows = []
    for year, g in hy.groupby("year", sort=True):
        town = g[g["buurt_code"].str.startswith(_CITY_BUURT)]
        pc, pm = town["national_percentile"], g["national_percentile"]
        social = town["tenure"] == "social_rent"

        def d(a, b, frame=town):
            return round(dissimilarity_between(a.groupby(frame["buurt_code"]).sum(),
                                               b.groupby(frame["buurt_code"]).sum()), 3)

        low, high = _in_group(pc, "low"), _in_group(pc, "high")
        bottom_10, middle, top_1 = (_in_group(pc, k) for k in ("bottom_10", "middle", "top_1"))
        rows.append({"year": int(year), "D_low_high_city": d(low, high),
                     "D_low_high_metro": d(_in_group(pm, "low"), _in_group(pm, "high"), g),
                     "D_bottom_10_city": d(bottom_10, ~bottom_10),
                     "D_middle_city": d(middle, ~middle),
                     "D_top_1_city": d(top_1, ~top_1),
                     "D_social_rent_city": d(social, ~social),
                     "bottom_20_share_of_social_renters": round(float((pc[social] < 20).mean()),
                                                                3)})
    return pd.DataFrame(rows)
