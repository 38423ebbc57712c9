"""Published figures of the Netherlands (``datasets/published/``), each row with its source.

These are real figures, quoted from CBS and SCP publications (see
``datasets/published/README.md``); they are the counterpart of the synthetic city
Havenstad (:mod:`wijkwijs.havenstad`).
"""

from __future__ import annotations

import pandas as pd

from wijkwijs.paths import datasets_dir

PUBLISHED: dict[str, str] = {
    "nl_inequality": "Gini of income and wealth, NL 2011-2022 (CBS 83739NED)",
    "corporation_housing": "share of corporation housing, NL and big cities (CBS)",
    "low_income_cities": "share of low-income households, big cities (CBS, SCP/CBS)",
    "low_income_segregation": "segregation of low-income households (SCP/CBS, CBS)",
    "city_gini": "Gini of standardised income in big cities (CBS via NU.nl, 2018)",
}


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
    frame = pd.read_csv(datasets_dir() / "published" / f"{name}.csv")
    if name == "corporation_housing":
        computed = 100 * frame["corporation_dwellings"] / frame["total_dwellings"]
        frame["share_computed"] = frame["corporation_share_pct"].isna() & computed.notna()
        frame["corporation_share_pct"] = frame["corporation_share_pct"].fillna(computed)
    return frame
