r"""Under pressure: how Havenstad's organisations are funded, and how long they last.

Chapter 7 follows Custers: "Veel organisaties hebben nog steeds te maken met
incidentele en precaire financiering. Dit zorgt voor personeelsverloop of het sluiten
van locaties." (Many organisations still depend on incidental and precarious funding.
This brings staff turnover or the closure of locations.) These functions count that in
the organisations table of Havenstad. Havenstad is *synthetic*
(``datasets/havenstad/README.md``): the numbers show the method, not a real city.

Reading the table: ``funding`` is one of
:data:`~wijkwijs.havenstad.constants.FUNDING` (*structureel*, a standing subsidy;
*incidenteel*, project money for a year or two; own income; commercial); an
organisation is open from ``founded`` up to the year before ``closed`` (NA while open),
so it lasted ``closed − founded`` years, and one still open in the last data year
(:data:`~wijkwijs.havenstad.constants.LAST_YEAR`) is *censored* at
``LAST_YEAR + 1 − founded`` years: it lasted at least that long.

Closures are only recorded from :data:`~wijkwijs.havenstad.constants.FIRST_YEAR`
on: an organisation that closed before then is not in the table. Its lifetime from
founding is therefore *left truncated*, and :func:`survival_by_funding` by default
counts an organisation at risk only from the age it had when the data start
(delayed entry, ``entry = max(0, FIRST_YEAR − 1 − founded)``); without it, old
survivors make early survival look better than it was.

* :func:`organisation_lifetimes` — duration, closed or censored, and entry age;
* :func:`closures_by_funding` — closed / total per funding type;
* :func:`turnover_by_funding` — mean yearly staff turnover per funding type;
* :func:`survival_by_funding` — the Kaplan–Meier table per funding type, with medians;
* :func:`closures_by_year`, :func:`closures_in_cuts` — closures per year and the share in
  the cuts after the 2008 crisis (2011–2014);
* :func:`reopenings` — the 2022 reopenings and what they replace.

>>> table = closures_by_funding()
>>> bool(table.loc["incidental", "share_closed"] > table.loc["structural", "share_closed"])
True

(The doctests assert relations, not counts: the data may be regenerated.)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from wijkwijs.havenstad.constants import FIRST_YEAR, FUNDING, LAST_YEAR
from wijkwijs.havenstad.load import havenstad_organisations
from wijkwijs.survival import survival_by_group

__all__ = [
    "CUT_YEARS",
    "closures_by_funding",
    "closures_by_year",
    "closures_in_cuts",
    "organisation_lifetimes",
    "reopenings",
    "survival_by_funding",
    "survival_summary",
    "turnover_by_funding",
]

#: The years of the cuts after the 2008 financial crisis, inclusive.
CUT_YEARS: tuple[int, int] = (2011, 2014)


def organisations(frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """The organisations table (the published one unless ``frame`` is given)."""
    if frame is None:
        return havenstad_organisations()
    missing = {"funding", "founded", "closed"} - set(frame.columns)
    if missing:
        raise ValueError(f"the organisations table lacks the columns {sorted(missing)}.")
    return frame


def organisation_lifetimes(frame: pd.DataFrame | None = None) -> pd.DataFrame:
    r"""One row per organisation: how long it lasted, whether it closed, and its entry age.

    .. math::

        \text{duration} = \begin{cases} \text{closed} - \text{founded} & \text{closed}\\
        \text{LAST\_YEAR} + 1 - \text{founded} & \text{open (censored)}\end{cases},
        \qquad \text{entry} = \max(0,\ \text{FIRST\_YEAR} - 1 - \text{founded})

    Returns
    -------
    pandas.DataFrame
        ``organisation_id``, ``type``, ``funding``, ``founded``, ``closed``,
        ``duration`` (years), ``observed`` (True if it closed) and ``entry`` (its age
        when the data start).

    Examples
    --------
    >>> life = organisation_lifetimes()
    >>> bool(life["observed"].any()), bool((life["entry"] < life["duration"]).all())
    (True, True)
    """
    org = organisations(frame)
    closed = org["closed"].astype("Float64")
    observed = closed.notna().to_numpy()
    end = closed.fillna(LAST_YEAR + 1).to_numpy(dtype=float)
    founded = org["founded"].to_numpy(dtype=float)
    out = pd.DataFrame({
        "organisation_id": org["organisation_id"].to_numpy() if "organisation_id" in org
        else np.arange(len(org)),
        "type": org["type"].to_numpy() if "type" in org else None,
        "funding": org["funding"].to_numpy(),
        "founded": org["founded"].to_numpy(),
        "closed": org["closed"].to_numpy(),
        "duration": end - founded,
        "observed": observed,
        "entry": np.maximum(0.0, FIRST_YEAR - 1 - founded),
    })
    out["funding"] = pd.Categorical(out["funding"], categories=list(FUNDING))
    if (out["duration"] <= 0).any():
        bad = out.loc[out["duration"] <= 0, "organisation_id"].iloc[0]
        raise ValueError(f"organisation {bad!r} closed in or before the year it was founded.")
    return out


def closures_by_funding(frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """Closed and total organisations per funding type, and the share closed.

    Examples
    --------
    >>> table = closures_by_funding()
    >>> table.index.tolist()
    ['structural', 'incidental', 'own_income', 'commercial']
    >>> bool((table["closed"] <= table["total"]).all())
    True
    """
    life = organisation_lifetimes(frame)
    out = life.groupby("funding", observed=False).agg(
        closed=("observed", "sum"), total=("observed", "size"))
    out = out.astype(int)
    out["share_closed"] = out["closed"] / out["total"].where(out["total"] > 0)
    return out


def turnover_by_funding(frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """Mean (and median) yearly staff turnover per funding type, with the count.

    ``staff_turnover`` is the share of staff that leaves in a year.

    Examples
    --------
    >>> t = turnover_by_funding()["mean"]
    >>> bool(t["incidental"] > t["structural"]), bool(t.between(0, 1).all())
    (True, True)
    """
    org = organisations(frame)
    funding = pd.Categorical(org["funding"], categories=list(FUNDING))
    grouped = org["staff_turnover"].groupby(funding, observed=False)
    out = pd.DataFrame({"organisations": grouped.size(), "mean": grouped.mean(),
                        "median": grouped.median()})
    out.index.name = "funding"
    return out


def survival_by_funding(frame: pd.DataFrame | None = None, *,
                        delayed_entry: bool = True) -> pd.DataFrame:
    """Kaplan–Meier survival of organisations by funding type (years since founding).

    Parameters
    ----------
    frame
        The organisations table (default: the published one).
    delayed_entry
        Count an organisation at risk only from its age when the data start (see the
        module docstring); ``False`` gives the naive table from founding.

    Returns
    -------
    pandas.DataFrame
        The table of :func:`wijkwijs.survival.survival_by_group` with a ``funding``
        column; ``attrs["median"]`` holds the median lifetime of each funding type
        (``inf`` when survival stays above one half).

    Examples
    --------
    >>> table = survival_by_funding()
    >>> sorted(table["funding"].unique()) == sorted(FUNDING)
    True
    >>> bool(table.groupby("funding", observed=True)["survival"].is_monotonic_decreasing.all())
    True
    """
    life = organisation_lifetimes(frame)
    return survival_by_group(life, "duration", "observed", "funding",
                             entry="entry" if delayed_entry else None)


def survival_summary(table: pd.DataFrame | None = None, *,
                     ages: tuple[int, ...] = (10, 25)) -> pd.DataFrame:
    """The survival table by funding type: counts, median lifetime and survival at ``ages``.

    Parameters
    ----------
    table
        A table of :func:`survival_by_funding` (default: with delayed entry, from the
        published data).
    ages
        The ages (years since founding) at which to read the survival and its 95 %
        interval: the Kaplan–Meier step valid at that age (the last time at or before
        it).

    Returns
    -------
    pandas.DataFrame
        Indexed by funding type: ``organisations``, ``closed``, ``median`` (years;
        ``inf`` when survival stays above one half) and, for each age ``a``,
        ``survival_a``, ``lower_a`` and ``upper_a``.

    Examples
    --------
    >>> summary = survival_summary()
    >>> summary.columns.tolist()[:5]
    ['organisations', 'closed', 'median', 'survival_10', 'lower_10']
    >>> bool((summary["survival_10"] >= summary["survival_25"]).all())
    True
    """
    if table is None:
        table = survival_by_funding()
    missing = {"funding", "time", "events", "censored", "survival", "ci_lower",
               "ci_upper"} - set(table.columns)
    if missing:
        raise ValueError(f"the survival table lacks the columns {sorted(missing)}.")
    if any(a < 0 for a in ages):
        raise ValueError(f"ages must be non-negative; got {ages}.")
    rows = {}
    for kind in [k for k in FUNDING if (table["funding"].astype(str) == k).any()]:
        part = table[table["funding"].astype(str) == kind]
        row: dict[str, float] = {
            "organisations": float(part["events"].sum() + part["censored"].sum()),
            "closed": float(part["events"].sum()),
            "median": float(table.attrs.get("median", {}).get(kind, np.nan)),
        }
        for age in ages:
            step = part[part["time"] <= age].iloc[-1]
            row[f"survival_{age}"] = float(step["survival"])
            row[f"lower_{age}"] = float(step["ci_lower"])
            row[f"upper_{age}"] = float(step["ci_upper"])
        rows[kind] = row
    out = pd.DataFrame.from_dict(rows, orient="index")
    out[["organisations", "closed"]] = out[["organisations", "closed"]].astype(int)
    out.index.name = "funding"
    return out


def closures_by_year(frame: pd.DataFrame | None = None) -> pd.Series:
    """Closures per year (every year from the first to the last data year).

    >>> int(closures_by_year().sum()) == int(organisation_lifetimes()["observed"].sum())
    True
    """
    org = organisations(frame)
    years = org["closed"].dropna().astype(int)
    out = years.value_counts().reindex(range(FIRST_YEAR, LAST_YEAR + 1), fill_value=0)
    out.index.name = "year"
    out.name = "closures"
    return out.sort_index()


def closures_in_cuts(frame: pd.DataFrame | None = None,
                     years: tuple[int, int] = CUT_YEARS) -> dict[str, float]:
    """How many of all closures fall in the years of the cuts (2011–2014 by default).

    >>> cuts = closures_in_cuts()
    >>> sorted(cuts), 0 <= cuts["in_cuts"] <= cuts["total"]
    (['in_cuts', 'share', 'total'], True)
    """
    first, last = years
    if first > last:
        raise ValueError(f"years must be (first, last) with first <= last; got {years}.")
    per_year = closures_by_year(frame)
    in_cuts = int(per_year.loc[(per_year.index >= first) & (per_year.index <= last)].sum())
    total = int(per_year.sum())
    return {"in_cuts": in_cuts, "total": total, "share": in_cuts / total if total else np.nan}


def reopenings(frame: pd.DataFrame | None = None, year: int = LAST_YEAR) -> pd.DataFrame:
    """Organisations founded in ``year`` that reopen a closed one (2022: NPLV money).

    An organisation counts as a reopening when it names a ``predecessor_id`` or its
    ``note`` says "reopened". The predecessor's type, funding and years are joined.
    (The *Nationaal Programma Leefbaarheid en Veiligheid*, NPLV, is the national
    programme for liveability and safety that Custers mentions.)

    >>> r = reopenings()
    >>> bool(len(r) > 0), bool(r["predecessor_closed"].notna().all())
    (True, True)
    """
    org = organisations(frame)
    new = org[org["founded"] == year]
    note = new["note"].fillna("").astype(str) if "note" in new else ""
    has_predecessor = new["predecessor_id"].notna() if "predecessor_id" in new else False
    mask = has_predecessor | note.str.contains("reopen", case=False)
    found = new[mask]
    columns = [c for c in ("organisation_id", "name", "type", "funding", "buurt_code",
                           "predecessor_id", "note") if c in found]
    out = found[columns].reset_index(drop=True)
    if "predecessor_id" in out:
        before = org.set_index("organisation_id")[["type", "funding", "founded", "closed"]]
        before = before.add_prefix("predecessor_")
        out = out.join(before, on="predecessor_id")
    return out
