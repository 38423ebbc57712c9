"""The chapter 8 exercise bank: answers against the shipped CSV files, read with pandas.

The answers are computed by wijkwijs.opendata; here they are recomputed from the raw
canonical files of datasets/cbs with plain pandas and the formulas written out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from wijkwijs import exercises as ex
from wijkwijs.paths import datasets_dir

CBS = datasets_dir() / "cbs"


def _raw(name: str) -> pd.DataFrame:
    return pd.read_csv(CBS / name, dtype={"code": str})


def _d(x, t) -> float:
    x, t = np.asarray(x, float), np.asarray(t, float)
    return 0.5 * float(np.abs(x / x.sum() - (t - x) / (t - x).sum()).sum())


def _low_income(frame: pd.DataFrame) -> pd.DataFrame:
    b = frame[(frame.level == "buurt") & (frame.households > 0)]
    return b.dropna(subset=["pct_low_income_households"])


def test_chapter_8_has_its_exercises_and_reflections():
    ids = [i for i in ex.all_exercises() if i.startswith("8.")]
    assert len(ids) >= 6
    kinds = [ex.get(i).kind for i in ids]
    assert sum(k != "number" for k in kinds) >= 2
    assert {r for r in ex.all_reflections() if r.startswith("8.")} == {
        "8.1-reflect", "8.2-reflect", "8.3-reflect"}


def test_the_numbers_from_the_raw_files():
    a17, a19 = _raw("kwb_amsterdam_2017.csv"), _raw("kwb_amsterdam_2019.csv")
    gm = a17[a17.code == "GM0363"].inhabitants.item()
    assert ex.get("8.1-buurten-gap").expected() == gm - a17[a17.level == "buurt"].inhabitants.sum()
    b19 = a19[a19.level == "buurt"]
    missing = b19.pct_low_income_households.isna()
    assert ex.get("8.1-withheld-households").expected() == pytest.approx(
        100 * b19.households[missing].sum() / b19.households.sum())
    haag = _low_income(_raw("kwb_den_haag_2019.csv"))
    assert ex.get("8.2-haag-d").expected() == pytest.approx(
        _d(haag.pct_low_income_households / 100 * haag.households, haag.households))
    l17, l19 = _low_income(a17), _low_income(a19)
    same = sorted(set(l17.code) & set(l19.code))
    d = {}
    for year, frame in ((2017, l17), (2019, l19)):
        kept = frame[frame.code.isin(same)]
        d[year] = _d(kept.pct_low_income_households / 100 * kept.households, kept.households)
    assert ex.get("8.2-change-same").expected() == pytest.approx(d[2019] - d[2017])
    people = b19[(b19.inhabitants > 0)].dropna(subset=["avg_income_per_inhabitant"])
    x, w = people.avg_income_per_inhabitant.to_numpy(), people.inhabitants.to_numpy()
    gini = (w[:, None] * w[None, :] * np.abs(x[:, None] - x[None, :])).sum() / (
        2 * w.sum() ** 2 * np.average(x, weights=w))
    assert ex.get("8.2-gini-between").expected() == pytest.approx(gini)


def test_the_interpretations_follow_from_the_data():
    a19 = _raw("kwb_amsterdam_2019.csv")
    buurt = a19.set_index("code").loc["BU03630301"]  # the buurt of 8.1-why-missing
    b = a19[(a19.level == "buurt") & a19.pct_low_income_households.notna()]
    assert np.isnan(buurt.pct_low_income_households) and buurt.households > 0
    assert buurt.households < b.households.min()  # smaller than every buurt with a value
    assert ex.check("8.1-why-missing", "b").correct
    rent = a19[(a19.level == "buurt") & (a19.dwellings > 0)].dropna(subset=["pct_social_rent"])
    x, t = rent.pct_social_rent / 100 * rent.dwellings, rent.dwellings
    wijken = pd.DataFrame({"x": x, "t": t, "wijk": "WK" + rent.code.str[2:8]}).groupby("wijk").sum()
    assert _d(x, t) > _d(wijken.x, wijken.t)
    assert ex.check("8.2-which-scale", "a").correct
    assert ex.check("8.2-published", "b").correct
    assert ex.check("8.3-what-statistics-miss", "c").correct
    # the widest gap in meeting places between two city buurten of the same class,
    # recomputed from the published statistics and the organisations table
    from wijkwijs.examples.own_neighbourhood import LIVEABILITY_YEAR as year
    from wijkwijs.havenstad import havenstad_organisations, havenstad_statistics

    stats = havenstad_statistics(year)
    stats = stats[(stats.level == "buurt") & (stats.gemeente_code == "GM9901")]
    orgs = havenstad_organisations()
    places = orgs[(orgs.founded <= year) & (orgs.closed.isna() | (orgs.closed > year))
                  & orgs.meeting_place].groupby("buurt_code").size()
    count = stats.code.map(places).fillna(0).to_numpy()
    cls = stats.liveability_class.to_numpy()
    widest = max(count[i] - count[j] for i in range(len(count)) for j in range(len(count))
                 if cls[i] == cls[j])
    assert ex.get("8.3-meeting-places").expected() == widest
