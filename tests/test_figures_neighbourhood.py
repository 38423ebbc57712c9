"""wijkwijs.figures.neighbourhood: chapter 8's figures, titled, labelled, with their source.

Figures of CBS data say "Bron: CBS, CC BY 4.0" on the figure and never "synthetic"; the one
figure of Havenstad says it is synthetic and that its score is not the Leefbaarometer.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from wijkwijs import i18n, opendata
from wijkwijs.examples import own_neighbourhood as on
from wijkwijs.figures import neighbourhood as nf


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def amsterdam():
    return opendata.shipped("amsterdam", 2017), opendata.shipped("amsterdam", 2019)


def _texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def _cbs_figures(amsterdam):
    a17, a19 = amsterdam
    joined = opendata.join_geometry(opendata.shipped_geometry("rotterdam"),
                                    opendata.shipped("rotterdam", 2017))
    return {
        "withheld": nf.plot_withheld(a19),
        "values": nf.plot_buurt_values(a19, "pct_low_income_households"),
        "map": nf.plot_map(joined, "avg_income_per_inhabitant"),
        "change": nf.plot_change(opendata.change_in_shares(a17, a19, "pct_social_rent")),
        "scale": nf.plot_scale(opendata.scale_table(a19), city="Amsterdam", year=2019),
        "published": nf.plot_published(on.published_comparison()),
    }


def test_every_cbs_figure_is_titled_and_names_its_source(amsterdam):
    for name, fig in _cbs_figures(amsterdam).items():
        ax = fig.axes[0]
        assert ax.get_title(), name
        if name != "map":
            assert ax.get_xlabel(), name
        texts = " ".join(_texts(fig))
        assert "Bron: CBS, CC BY 4.0" in texts, name
        assert "synthetic" not in (texts + ax.get_title()).lower(), name


def test_the_withheld_figure_counts_every_buurt(amsterdam):
    fig = nf.plot_withheld(amsterdam[1])
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    b = amsterdam[1][amsterdam[1].level == "buurt"]
    missing = b.pct_low_income_households.isna().sum()
    assert labels[0] == f"value published ({len(b) - missing})"
    assert labels[1] == f"not published ({missing})"
    assert labels[2] == "smallest buurt with a value (110)"


def test_the_map_keeps_the_shape_and_greys_what_is_missing():
    joined = opendata.join_geometry(opendata.shipped_geometry("rotterdam"),
                                    opendata.shipped("rotterdam", 2017))
    fig = nf.plot_map(joined, "avg_income_per_inhabitant")
    ax = fig.axes[0]
    latitude = np.mean(joined.total_bounds[[1, 3]])
    assert ax.get_aspect() == pytest.approx(1 / np.cos(np.radians(latitude)))
    assert "grey: no value (16 buurten)" in _texts(fig)
    assert len(fig.axes) == 2  # the colour bar
    with pytest.raises(ValueError, match="GeoDataFrame"):
        nf.plot_map(opendata.shipped("rotterdam", 2017), "pct_owner_occupied")


def test_a_missing_column_gets_a_note_or_an_error():
    rotterdam = opendata.shipped("rotterdam", 2017)
    fig = nf.plot_buurt_values(rotterdam, "pct_low_income_households")
    assert "Rotterdam 2017 has no column 'pct_low_income_households'" in " ".join(_texts(fig))
    fig = nf.plot_withheld(rotterdam, "pct_owner_occupied")  # a share of dwellings: no counts
    assert "has no column 'dwellings'" in " ".join(_texts(fig))
    with pytest.raises(ValueError, match="change_in_shares"):
        nf.plot_change(rotterdam)
    with pytest.raises(ValueError, match="scale_table"):
        nf.plot_scale(rotterdam)
    with pytest.raises(ValueError, match="not a KWB column"):
        nf.column_label("buurthuizen")


def test_the_synthetic_figure_says_so():
    pair = on.contrast_names()
    fig = nf.plot_liveability(on.havenstad_liveability(), year=2020, highlight=pair)
    texts = _texts(fig)
    assert any("synthetic" in t and "not the Leefbaarometer" in t for t in texts)
    assert pair[0] in texts and pair[1] in texts
    assert "Bron: CBS" not in " ".join(texts)


def test_the_figures_speak_dutch(amsterdam):
    i18n.set_language("nl")
    try:
        fig = nf.plot_withheld(amsterdam[1])
        assert fig.axes[0].get_title().startswith("Welke buurten hebben geen waarde?")
        assert nf.column_label("pct_social_rent") == "% woningen van woningcorporaties"
    finally:
        i18n.set_language("en")
