"""Tests for Havenstad's youth-space analyses (wijkwijs.havenstad.street).

Havenstad may be regenerated: these tests assert properties and recompute by other
routes, never frozen counts.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from wijkwijs.havenstad import street as st
from wijkwijs.havenstad.constants import BACKGROUNDS, TIE_YEAR
from wijkwijs.havenstad.infrastructure import member_profile
from wijkwijs.havenstad.load import havenstad_households, havenstad_ties
from wijkwijs.havenstad.ties import havenstad_tie_graph


def test_simpson_by_hand():
    assert st.simpson_diversity(pd.Series(list("aab"))) == pytest.approx(1 - (4 + 1) / 9)
    assert st.simpson_diversity(pd.Series(list("aaaa"))) == 0.0


def test_youth_space_mix_agrees_with_member_profile():
    mix = st.youth_space_mix()
    assert len(mix) > 0 and mix.name.str.startswith("Jongerenplek").all()
    for row in mix.head(3).itertuples():
        profile = member_profile(row.organisation_id, "background", TIE_YEAR)
        assert int(profile.n_members.sum()) == row.participants
        assert row.diversity == pytest.approx(1 - float(np.sum(profile.members ** 2)))
    assert np.allclose(mix.ratio, mix.diversity / mix.catchment_diversity)


def test_youth_participation_counts_every_household_with_children():
    h = havenstad_households(TIE_YEAR)
    families = int((h.children > 0).sum())
    for by in ("background", "head_age"):
        t = st.youth_participation(by)
        assert int(t.households.sum()) == families
        assert ((t.pct >= 0) & (t.pct <= 100)).all()
        assert np.allclose(t.pct, 100 * t.taking_part / t.households)
    assert st.youth_participation().background.tolist() == list(BACKGROUNDS)
    with pytest.raises(ValueError, match="by"):
        st.youth_participation("income")


def test_familiar_faces_are_an_upper_bound_and_ties_recount_from_the_graph():
    f = st.familiar_faces().set_index("background")
    assert (f.mean_other_ties <= f.mean_other_faces).all()
    assert f.loc["all", "households"] == f.drop("all").households.sum()
    # the ties: a household with another background is tied in the buurt's graph
    # only if it is a neighbour there; the share of faces tied is at most 100 %
    assert ((f.pct_faces_tied.dropna() >= 0) & (f.pct_faces_tied.dropna() <= 100)).all()
    # recount the ties of every member household from the buurt graphs (networkx)
    members = st._youth_members(TIE_YEAR)
    total_ties, households = 0, 0
    for code in sorted(havenstad_ties().buurt_code.unique()):
        graph = havenstad_tie_graph(code)
        here = members[members.household_id.isin(list(graph.nodes))]
        for hid, own in here.groupby("household_id"):
            mates = set(here.loc[here.organisation_id.isin(own.organisation_id)
                                 & (here.household_id != hid), "household_id"])
            bg = graph.nodes[hid]["background"]
            total_ties += sum(1 for o in graph[hid]
                              if o in mates and graph.nodes[o]["background"] != bg)
            households += 1
    assert households == f.loc["all", "households"]
    assert total_ties / households == pytest.approx(f.loc["all", "mean_other_ties"])
    with pytest.raises(ValueError):
        st.familiar_faces(2011)
