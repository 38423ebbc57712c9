"""Tests for the illustrative hunkering-down × SES model (wijkwijs.models.diversity)."""

from __future__ import annotations

import numpy as np
import pytest

from wijkwijs.models.diversity import effective_hunkering, hunkering_table
from wijkwijs.models.ties import TieModel

SMALL = {"n_streets": 4, "houses_per_street": 15, "seed": 3}


def test_effective_hunkering_is_linear_in_ses():
    assert effective_hunkering(2.0, 0.0, 0.75) == 2.0
    assert effective_hunkering(2.0, 1.0, 0.75) == pytest.approx(0.5)
    assert effective_hunkering(2.0, 1.0, 0.0) == 2.0  # SES does not matter at b = 0
    for bad in ({"ses": -0.1}, {"ses_buffer": 1.2}, {"hunkering": -1.0}):
        args = {"hunkering": 2.0, "ses": 0.5, "ses_buffer": 0.5, **bad}
        with pytest.raises(ValueError, match=next(iter(bad))):
            effective_hunkering(**args)


def test_hunkering_only_removes_ties_of_the_run_without_it():
    """Same seed, lower rates: the ties with hunkering are a subset of those without."""
    plain = TieModel(**SMALL, group_shares=(0.5, 0.5))
    hunker = TieModel(**SMALL, group_shares=(0.5, 0.5), hunkering=2.0)
    plain.run(6)
    hunker.run(6)
    assert not (hunker.adjacency & ~plain.adjacency).any()
    assert hunker.adjacency.sum() < plain.adjacency.sum()


def test_table_recomputes_by_hand_and_orders_as_assumed():
    t = hunkering_table((0.0, 0.5), (0.0, 1.0), hunkering=2.0, ses_buffer=1.0, steps=6,
                        **SMALL)
    assert len(t) == 4
    # a one-group neighbourhood has no diversity, so nothing to hunker about
    one = t[t.minority_share == 0]
    assert (one.diversity == 0).all() and (one.lost_pct == 0).all()
    mixed = t[t.minority_share == 0.5].set_index("ses")
    assert mixed.loc[1.0, "hunkering"] == 0 and mixed.loc[1.0, "lost_pct"] == 0
    assert mixed.loc[0.0, "lost_pct"] > 0
    # within + across = all ties; lost_pct from the two totals
    assert np.allclose(t.within + t.across, t.ties)
    assert np.allclose(t.lost_pct, 100 * (1 - t.ties / t.ties_without))
    # the ties of one run, counted independently from the graph
    model = TieModel(**SMALL, group_shares=(0.5, 0.5), homophily=1.0, hunkering=2.0)
    model.run(6)
    graph = model.graph
    assert mixed.loc[0.0, "ties"] == pytest.approx(2 * graph.number_of_edges()
                                                   / graph.number_of_nodes())


def test_table_is_deterministic_and_checks_input():
    a = hunkering_table((0.25,), (0.5,), steps=3, **SMALL)
    b = hunkering_table((0.25,), (0.5,), steps=3, **SMALL)
    assert a.equals(b)
    with pytest.raises(ValueError, match="minority_shares"):
        hunkering_table((0.7,), (0.5,))
    with pytest.raises(ValueError, match="ses_levels"):
        hunkering_table((0.2,), (1.5,))
