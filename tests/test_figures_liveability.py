"""Figures of notebook 7.1: titled, labelled, synthetic on the figure, bad input refused."""

from __future__ import annotations

import pytest

from wijkwijs import i18n
from wijkwijs.figures import liveability as fl
from wijkwijs.havenstad import havenstad_statistics
from wijkwijs.havenstad import liveability as hl


def _texts(fig):
    return [t.get_text() for ax in fig.axes for t in ax.texts]


@pytest.fixture(scope="module")
def table():
    return hl.liveability_table(2019, city_only=True)


def test_every_figure_is_titled_labelled_and_says_synthetic(table):
    figures = [fl.plot_class_distribution(hl.class_distribution()),
               fl.plot_dimensions(table, ["Kersenhof", "Kievitbuurt"], year=2019),
               fl.plot_score_against_infrastructure(table, highlight=["Kersenhof"], year=2019),
               fl.plot_dimension_trends(havenstad_statistics())]
    for fig in figures:
        ax = fig.axes[0]
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
        assert i18n.t("havenstad.synthetic_label") in _texts(fig)


def test_the_bars_are_the_data(table):
    dist = hl.class_distribution()
    fig = fl.plot_class_distribution(dist)
    heights = sum(p.get_height() for p in fig.axes[0].patches)
    assert heights == dist.to_numpy().sum()
    fig = fl.plot_dimensions(table, ["Kersenhof"], year=2019)
    widths = [p.get_width() for p in fig.axes[0].patches]
    row = table.set_index("name").loc["Kersenhof"]
    assert widths == pytest.approx([row[d] for d in fl.LIVEABILITY_DIMENSIONS])


def test_dutch_labels(table):
    i18n.set_language("nl")
    try:
        fig = fl.plot_dimensions(table, ["Kersenhof"], year=2019)
        labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
        assert "Woningvoorraad" in labels and "Sociale samenhang" in labels
    finally:
        i18n.set_language("en")


def test_bad_input_is_named(table):
    with pytest.raises(ValueError, match="no buurt 'Nergens'"):
        fl.plot_dimensions(table, ["Nergens"])
    with pytest.raises(ValueError, match="no column 'score'"):
        fl.plot_score_against_infrastructure(table.drop(columns="score"))
    with pytest.raises(ValueError, match="1 to"):
        fl.plot_dimensions(table, [])
    with pytest.raises(ValueError, match="DataFrame"):
        fl.plot_class_distribution([1, 2, 3])
