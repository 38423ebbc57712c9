"""Tests of wijkwijs.havenstad.funding, recomputed from the raw organisations table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from wijkwijs.havenstad import funding
from wijkwijs.havenstad.constants import FIRST_YEAR, FUNDING, LAST_YEAR
from wijkwijs.havenstad.load import havenstad_organisations
from wijkwijs.survival import kaplan_meier


@pytest.fixture(scope="module")
def raw() -> pd.DataFrame:
    return havenstad_organisations()


def test_closures_by_funding_recounted(raw):
    got = funding.closures_by_funding()
    for kind in FUNDING:
        rows = raw[raw["funding"].astype(str) == kind]
        assert got.loc[kind, "total"] == len(rows)
        assert got.loc[kind, "closed"] == int(rows["closed"].notna().sum())
    # the story of the data card (not its counts, which a regeneration may move):
    # project money closes more often than a standing subsidy
    assert got.loc["incidental", "share_closed"] > got.loc["structural", "share_closed"]
    assert got["total"].sum() == len(raw)


def test_turnover_by_funding_recomputed(raw):
    got = funding.turnover_by_funding()
    by_hand = {k: float(np.mean([v for f, v in zip(raw["funding"].astype(str),
                                                    raw["staff_turnover"], strict=True)
                                 if f == k])) for k in FUNDING}
    for kind, value in by_hand.items():
        assert got.loc[kind, "mean"] == pytest.approx(value)
    assert got.loc["incidental", "mean"] > 2 * got.loc["structural", "mean"]
    assert got["organisations"].sum() == len(raw)


def test_lifetimes_by_hand(raw):
    life = funding.organisation_lifetimes().set_index("organisation_id")
    for _, row in raw.iterrows():
        got = life.loc[row["organisation_id"]]
        if pd.isna(row["closed"]):
            assert not got["observed"]
            assert got["duration"] == LAST_YEAR + 1 - row["founded"]
        else:
            assert got["observed"]
            assert got["duration"] == row["closed"] - row["founded"]
        assert got["entry"] == max(0, FIRST_YEAR - 1 - row["founded"])


@pytest.mark.parametrize("delayed", [True, False])
def test_survival_by_funding_is_km_of_each_group(raw, delayed):
    table = funding.survival_by_funding(delayed_entry=delayed)
    for kind in FUNDING:
        rows = raw[raw["funding"].astype(str) == kind]
        closed = rows["closed"].notna().to_numpy()
        end = np.where(closed, rows["closed"].fillna(0).to_numpy(float), LAST_YEAR + 1)
        duration = end - rows["founded"].to_numpy(float)
        entry = np.maximum(0, FIRST_YEAR - 1 - rows["founded"].to_numpy(float))
        expected = kaplan_meier(duration, closed, entry=entry if delayed else None)
        part = table[table["funding"] == kind].drop(columns="funding").reset_index(drop=True)
        pd.testing.assert_frame_equal(part, expected)


def test_closures_per_year_and_the_cuts(raw):
    per_year = funding.closures_by_year()
    counted = raw["closed"].dropna().astype(int)
    for year, n in per_year.items():
        assert n == int((counted == year).sum())
    assert per_year.sum() == len(counted)
    cuts = funding.closures_in_cuts()
    assert cuts["total"] == len(counted)
    # the cuts: four years of twelve hold more than a third of the closures
    assert cuts["share"] > 1 / 3
    assert cuts["in_cuts"] == int(counted.between(2011, 2014).sum())
    with pytest.raises(ValueError, match="first <= last"):
        funding.closures_in_cuts(years=(2014, 2011))


def test_reopenings_2022(raw):
    r = funding.reopenings()
    new = raw[(raw["founded"] == 2022)]
    expected = new[new["predecessor_id"].notna() | new["note"].str.contains("reopen")]
    assert sorted(r["organisation_id"]) == sorted(expected["organisation_id"])
    assert len(r) > 0
    pred = raw.set_index("organisation_id")
    for _, row in r.iterrows():
        assert pd.notna(pred.loc[row["predecessor_id"], "closed"])  # it reopens a closed one
        assert row["predecessor_closed"] == pred.loc[row["predecessor_id"], "closed"]


def test_missing_columns():
    with pytest.raises(ValueError, match="lacks the columns"):
        funding.organisation_lifetimes(pd.DataFrame({"founded": [2000]}))


def test_survival_summary_reads_the_km_steps(raw):
    table = funding.survival_by_funding()
    summary = funding.survival_summary(table, ages=(10, 25))
    counts = funding.closures_by_funding()
    for kind in FUNDING:
        assert summary.loc[kind, "organisations"] == counts.loc[kind, "total"]
        assert summary.loc[kind, "closed"] == counts.loc[kind, "closed"]
        assert summary.loc[kind, "median"] == table.attrs["median"][kind]
        part = table[table["funding"] == kind]
        # by hand: the product of (1 - d/n) over the event times up to the age
        upto = part[(part["time"] <= 10) & (part["at_risk"] > 0)]
        by_hand = float(np.prod(1 - upto["events"] / upto["at_risk"]))
        assert summary.loc[kind, "survival_10"] == pytest.approx(by_hand)
        assert summary.loc[kind, "lower_25"] <= summary.loc[kind, "survival_25"] \
            <= summary.loc[kind, "upper_25"]
    with pytest.raises(ValueError, match="lacks the columns"):
        funding.survival_summary(table.drop(columns="ci_upper"))
    with pytest.raises(ValueError, match="non-negative"):
        funding.survival_summary(table, ages=(-1,))
