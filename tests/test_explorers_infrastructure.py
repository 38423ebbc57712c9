"""Tests for wijkwijs.explorers.infrastructure: the closure and growth explorers show the
numbers of the library's measures, respond to every control, and are keyboard-usable
native controls. Speed is measured in benchmarks/bench_infrastructure.py, not here."""

from __future__ import annotations

import re

import ipywidgets as w
import pandas as pd
import pytest

from wijkwijs.examples.growth import growth_run
from wijkwijs.explorers.infrastructure import (
    NOTHING_CLOSED,
    closure_explorer,
    growth_explorer,
)
from wijkwijs.havenstad import infrastructure as hi


@pytest.fixture(scope="module")
def closure():
    return closure_explorer(top=5)


def _table(explorer) -> pd.DataFrame:
    """The explorer's HTML table as text cells (rows of <td>)."""
    html = explorer.table_view.value
    rows = re.findall(r"<tr>(.*?)</tr>", html, flags=re.S)
    cells = [re.findall(r"<td>(.*?)</td>", row, flags=re.S) for row in rows]
    return pd.DataFrame([c for c in cells if c])


def test_closure_explorer_is_found_and_uses_native_controls(closure):
    assert "wijkwijs-explorer" in closure.widget._dom_classes
    assert isinstance(closure.controls["organisation"], w.Dropdown)
    assert isinstance(closure.controls["k"], w.IntSlider)
    values = [v for _, v in closure.controls["organisation"].options]
    assert values[0] == NOTHING_CLOSED
    assert values[1:] == list(hi.closure_candidates(top=5).index)


def test_closure_table_is_the_removal_effect(closure):
    closure.set(organisation=143, k=2)
    table = _table(closure)
    effect = hi.closure_effect(143, k=2)
    losing = table.iloc[3]
    assert int(str(losing.iloc[2]).replace(",", "")) == int(effect["households_losing_all_help"])
    with_help = table.iloc[2]
    assert int(str(with_help.iloc[1]).replace(",", "")) == int(
        effect["households_with_help_before"])
    assert int(str(with_help.iloc[2]).replace(",", "")) == int(
        effect["households_with_help_after"])
    closure.set(organisation=NOTHING_CLOSED)
    table = _table(closure)
    assert str(table.iloc[3].iloc[2]) == "0"


def test_every_control_changes_the_picture(closure):
    closure.set(organisation=NOTHING_CLOSED, k=2)
    before = closure.plot_view.value
    closure.set(k=3)
    assert closure.plot_view.value != before
    closure.set(organisation=51)
    assert closure.plot_view.value != before


def test_growth_explorer_shows_the_cached_run():
    ex = growth_explorer()
    assert "wijkwijs-explorer" in ex.widget._dom_classes
    assert all(isinstance(c, (w.IntSlider, w.FloatSlider)) for c in ex.controls.values())
    run = growth_run()
    table = _table(ex)
    assert int(table.iloc[0].iloc[1]) == int(run["participants"].iloc[-1])
    assert int(table.iloc[2].iloc[1]) == int(run["ties_cross"].iloc[-1])
    before = ex.plot_view.value
    ex.set(demolition_year=10, share_moved=0.5)
    cut = growth_run(demolition_year=10, share_moved=0.5)
    assert int(_table(ex).iloc[2].iloc[1]) == int(cut["ties_cross"].iloc[-1])
    assert ex.plot_view.value != before
    for name, value in (("years", 30), ("encounter_rate", 2.0), ("homophily", 0.9),
                        ("initial_share", 1.0), ("closure_year", 12), ("reopen_after", 3)):
        previous = ex.plot_view.value
        ex.set(**{name: value})
        assert ex.plot_view.value != previous, name


def test_growth_run_ignores_events_after_the_last_year():
    assert growth_run(years=10, demolition_year=20)["moved"].sum() == 0
    assert growth_run(years=10, closure_year=30)["centre_open"].all()
    reopened = growth_run(years=20, closure_year=8, reopen_after=4)
    assert not reopened.loc[10, "centre_open"] and reopened.loc[12, "centre_open"]
