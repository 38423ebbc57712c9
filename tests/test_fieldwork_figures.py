"""wijkwijs.figures.fieldwork: the figures of a social map and a walk, labelled honestly."""

from __future__ import annotations

import pandas as pd
import pytest

from wijkwijs import fieldwork as fw
from wijkwijs import i18n
from wijkwijs.figures import fieldwork as ff

INVENTED = "Invented example — not a real neighbourhood"


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


@pytest.fixture()
def example():
    return fw.load_records(fw.example_file()), fw.load_records(fw.example_file("observation"))


def test_figures_of_the_example_say_it_is_invented(example):
    inventory, observations = example
    for fig in (ff.plot_type_mix(inventory), ff.plot_referral_network(inventory),
                ff.plot_observation_bridging(observations)):
        assert INVENTED in texts(fig)
        assert fig.axes[0].get_title()


def test_figures_of_the_learners_own_records_do_not(tmp_path):
    p = tmp_path / "mine.jsonl"
    fw.save_record(p, {"name": "A", "kind": "cafe", "referrals_to": ["B"]})
    fw.save_record(p, {"name": "B", "kind": "welfare_organisation"})
    own = fw.load_records(p)
    for fig in (ff.plot_type_mix(own), ff.plot_referral_network(own)):
        assert INVENTED not in texts(fig)
    assert INVENTED in texts(ff.plot_type_mix(own, invented=True))


def test_type_mix_lists_every_kind_with_its_count(example):
    inventory, _ = example
    fig = ff.plot_type_mix(inventory)
    bars = fig.axes[0].patches
    assert len(bars) == len(fw.ORGANISATION_KINDS)
    assert sum(b.get_width() for b in bars) == len(inventory)
    j = fw.summarise_inventory(inventory).diversity
    assert f"{j:.2f}" in fig.axes[0].get_title()


def test_bridging_bars_are_the_computed_ratios(example):
    _, observations = example
    fig = ff.plot_observation_bridging(observations)
    widths = sorted(round(b.get_width(), 6) for b in fig.axes[0].patches)
    expected = fw.observation_bridging(observations)["bridging"].fillna(0).round(6)
    assert widths == sorted(expected)


def test_network_draws_every_named_organisation_and_every_referral(example):
    inventory, _ = example
    fig = ff.plot_referral_network(inventory)
    ax = fig.axes[0]
    names = set(fw.inventory_brokerage(inventory).index)
    labels = {t.get_text() for t in ax.texts} - {INVENTED, ""}
    assert labels == names
    arrows = [t for t in ax.texts if t.get_text() == "" and t.arrow_patch is not None]
    assert len(arrows) == len(fw.summarise_inventory(inventory).edges)


def test_dutch_labels(example):
    i18n.set_language("nl")
    inventory, _ = example
    fig = ff.plot_type_mix(inventory)
    assert fig.axes[0].get_title().startswith("De sociale kaart per soort")
    assert "Verzonnen voorbeeld — geen echte buurt" in texts(fig)


def test_an_empty_inventory_still_draws():
    empty = fw.load_records("/nonexistent.jsonl", "inventory")
    ff.plot_type_mix(empty)
    ff.plot_referral_network(empty)
    assert pd.isna(fw.summarise_inventory(empty).diversity)
