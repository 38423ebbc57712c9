"""Published figures (``datasets/published/``), each row with its source.

These are real figures, quoted from CBS and SCP publications on the Netherlands and,
for the world, from the World Inequality Reports of the World Inequality Lab (see
``datasets/published/README.md``); they are the counterpart of the synthetic city
Havenstad (:mod:`wijkwijs.havenstad`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from wijkwijs.paths import datasets_dir

PUBLISHED: dict[str, str] = {
    "nl_inequality": "Gini of income and wealth, NL 2011-2022 (CBS 83739NED)",
    "corporation_housing": "share of corporation housing, NL and big cities (CBS)",
    "low_income_cities": "share of low-income households, big cities (CBS, SCP/CBS)",
    "low_income_segregation": "segregation of low-income households (SCP/CBS, CBS)",
    "city_gini": "Gini of standardised income in big cities (CBS via NU.nl, 2018)",
    "world_top_shares": "top 10%, top 1% and bottom 50% shares of pre-tax national income, "
                        "world regions (World Inequality Reports 2018 and 2022)",
}

#: The income groups of :func:`world_top_shares`, and how large each is (a fraction of adults).
WORLD_GROUPS: dict[str, float] = {"top_10": 0.10, "top_1": 0.01, "bottom_50": 0.50}
_WORLD_COLUMNS = ("region", "year", "group", "share_pct", "qualifier", "source", "url")


def published_names() -> dict[str, str]:
    """Return the available published tables, name → description.

    >>> "nl_inequality" in published_names()
    True
    """
    return dict(PUBLISHED)


def published(name: str) -> pd.DataFrame:
    """Return a table of published figures, each row with its ``source``.

    Parameters
    ----------
    name
        One of :func:`published_names`.

    Examples
    --------
    >>> gini = published("nl_inequality")
    >>> gini.loc[gini.year == 2011, "gini_standardised_income"].item()
    0.286
    >>> corp = published("corporation_housing")
    >>> round(corp.loc[corp.year == 2017, "corporation_share_pct"].item(), 1)
    29.6
    """
    if name not in PUBLISHED:
        raise ValueError(
            f"there is no published table {name!r}; available: {', '.join(PUBLISHED)}."
        )
    if name == "world_top_shares":
        return world_top_shares()
    frame = pd.read_csv(datasets_dir() / "published" / f"{name}.csv")
    if name == "corporation_housing":
        computed = 100 * frame["corporation_dwellings"] / frame["total_dwellings"]
        frame["share_computed"] = frame["corporation_share_pct"].isna() & computed.notna()
        frame["corporation_share_pct"] = frame["corporation_share_pct"].fillna(computed)
    return frame


def world_top_shares(path: str | Path | None = None) -> pd.DataFrame:
    """Published shares of pre-tax national income of the top 10 %, top 1 % and bottom 50 %.

    The figures are those the World Inequality Reports 2018 and 2022 print in their
    text (World Inequality Database concept: pre-tax national income, adults, income
    split equally within couples), one row per region, year and group, each with the
    publication (``source``) and the page it is printed on (``url``). ``qualifier``
    keeps the report's own words when it rounds ("about", "close to", "more than");
    ``approximate`` is True for those rows.

    Parameters
    ----------
    path
        A CSV file with the same columns; by default the table the course ships,
        ``datasets/published/world_top_shares.csv``.

    Returns
    -------
    pandas.DataFrame
        Columns ``region, year, group, share_pct, qualifier, source, url, approximate``.

    Raises
    ------
    ValueError
        If the file is missing, lacks a column, names an unknown group, has a share
        outside (0, 100], a year that is not a whole number, or a row without its
        source or an ``https://`` address.

    Examples
    --------
    >>> shares = world_top_shares()
    >>> sorted(shares["group"].unique())
    ['bottom_50', 'top_1', 'top_10']
    >>> bool(shares["url"].str.startswith("https://").all())
    True
    """
    path = Path(path) if path is not None else (
        datasets_dir() / "published" / "world_top_shares.csv")
    if not path.is_file():
        raise ValueError(f"there is no file {path}; world_top_shares reads a CSV with the "
                         f"columns {', '.join(_WORLD_COLUMNS)}.")
    frame = pd.read_csv(path, dtype={"qualifier": str, "source": str, "url": str})
    missing = [c for c in _WORLD_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{path.name} lacks the column(s) {', '.join(missing)}.")
    if frame.empty:
        raise ValueError(f"{path.name} has no rows.")
    unknown = sorted(set(frame["group"].astype(str)) - set(WORLD_GROUPS))
    if unknown:
        raise ValueError(f"{path.name}: unknown group(s) {unknown}; known: "
                         f"{', '.join(WORLD_GROUPS)}.")
    share = pd.to_numeric(frame["share_pct"], errors="coerce")
    if not share.between(0, 100, inclusive="right").all():
        raise ValueError(f"{path.name}: every share_pct must be a number in (0, 100].")
    year = pd.to_numeric(frame["year"], errors="coerce")
    if year.isna().any() or (year % 1 != 0).any():
        raise ValueError(f"{path.name}: every year must be a whole number.")
    for column in ("source", "url"):
        text = frame[column].fillna("").astype(str).str.strip()
        if (text.str.len() == 0).any():
            raise ValueError(f"{path.name}: every row needs its {column}.")
    if not frame["url"].astype(str).str.startswith("https://").all():
        raise ValueError(f"{path.name}: every url must start with https://.")
    frame = frame.assign(year=year.astype(int), share_pct=share.astype(float),
                         qualifier=frame["qualifier"].fillna(""))
    frame["approximate"] = frame["qualifier"].ne("")
    return frame
