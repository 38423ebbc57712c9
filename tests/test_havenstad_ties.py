"""Tests for wijkwijs.havenstad.ties: homophily in Havenstad's synthetic tie networks."""

from __future__ import annotations

import pytest

from wijkwijs.havenstad import TIE_YEAR, havenstad_households, havenstad_ties
from wijkwijs.havenstad.ties import havenstad_homophily, havenstad_tie_graph, havenstad_ties_by
from wijkwijs.models.ties import homophily_test


def test_havenstad_graph_keeps_households_without_ties():
    code = "BU99010406"
    g = havenstad_tie_graph(code)
    ties = havenstad_ties(code=code)
    assert g.number_of_edges() == len(ties)
    households = havenstad_households(2019)
    assert g.number_of_nodes() == int((households.buurt_code == code).sum())
    with pytest.raises(ValueError, match="BU00000000"):
        havenstad_tie_graph("BU00000000")


def test_the_tie_survey_has_one_year():
    assert TIE_YEAR == 2019
    with pytest.raises(ValueError, match="tie survey year 2018 is not in the data"):
        havenstad_tie_graph("BU99010406", 2018)


@pytest.mark.parametrize("attribute", ["background", "lifestyle", "tenure"])
def test_havenstad_resident_networks_agree_with_networkx_and_show_homophily(attribute):
    """The measures on Havenstad's synthetic resident networks, checked against networkx."""
    import networkx as nx

    from wijkwijs.models.ties import attribute_assortativity, numeric_assortativity

    codes = sorted(havenstad_ties()["buurt_code"].unique())
    assert len(codes) >= 3
    for code in codes:
        g = havenstad_tie_graph(code)
        assert attribute_assortativity(g, attribute) == pytest.approx(
            nx.attribute_assortativity_coefficient(g, attribute), abs=1e-12)
        assert numeric_assortativity(g, "age_head") == pytest.approx(
            nx.numeric_assortativity_coefficient(g, "age_head"), abs=1e-12)
        test = homophily_test(g, attribute)
        if attribute == "background":  # far fewer cross-group ties than without homophily
            assert test["observed"] < 0.6 * test["expected"]


def test_tables_per_buurt_and_per_lifestyle():
    table = havenstad_homophily(attribute="lifestyle")
    assert table.shape[0] == 4 and table.households.gt(0).all()
    by = havenstad_ties_by("lifestyle")
    assert by.households.sum() == table.households.sum()
