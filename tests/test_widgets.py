"""Explorer builders: consistent labelled controls, in-place updates, clear errors."""

from __future__ import annotations

import ipywidgets as w
import pandas as pd
import pytest

import wijkwijs.explorers.inequality  # noqa: F401  (registers the "ineq." labels)
from wijkwijs import i18n
from wijkwijs.widgets import LABEL_WIDTH, Explorer, dropdown, slider, toggle


def test_controls_have_consistent_labels_and_types():
    s_int = slider("ineq.richest", 0, 10, 1, value=3)
    s_float = slider("share", 0.0, 1.0, 0.05, value=0.5)
    d = dropdown("year", {"2011": 2011, "2022": 2022}, value=2022)
    t = toggle("budget")
    assert isinstance(s_int, w.IntSlider) and isinstance(s_float, w.FloatSlider)
    assert s_int.description == "Richest household (€)"  # translated key
    assert s_float.description == "share"  # literal text
    assert d.value == 2022 and isinstance(t, w.Checkbox)
    for control in (s_int, s_float, d):
        assert control.style.description_width == LABEL_WIDTH
    i18n.set_language("nl")
    try:
        assert slider("ineq.richest", 0, 10, 1).description == "Rijkste huishouden (€)"
    finally:
        i18n.set_language("en")


def test_plot_table_and_html_update_in_place():
    calls = []

    def draw(ax, n):
        calls.append(n)
        ax.plot(range(n + 2), [i * n for i in range(n + 2)])
        ax.set_title(f"n = {n}")

    ex = Explorer({"n": slider("n", 1, 5, 1, value=1)}, plot=draw,
                  table=lambda n: pd.DataFrame({"n": [n], "square": [n * n]}),
                  html=lambda n: f"<b>{n}</b>")
    image, table_view, html_view = ex.plot_view, ex.table_view, ex.html_view
    first_png = image.value
    assert first_png[:4] == b"\x89PNG"
    ex.set(n=4)
    assert calls == [1, 4]
    assert ex.plot_view is image and image.value != first_png  # same widget, new pixels
    assert "<td>16</td>" in table_view.value and html_view.value == "<b>4</b>"
    assert ex.updates == 2 and ex.last_update_seconds > 0
    assert "wijkwijs-explorer" in ex.widget._dom_classes


def test_figure_panels_and_no_extra_figure_in_pyplot():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()

    def draw(fig, k):
        for i in range(2):
            fig.add_subplot(1, 2, i + 1).bar([0, 1], [k, i])

    ex = Explorer({"k": slider("k", 1, 3, 1)}, plot=draw, plot_takes="figure")
    ex.set(k=2)
    assert len(ex.figure.axes) == 2
    assert plt.get_fignums() == before


def test_errors_name_the_problem():
    with pytest.raises(ValueError, match="at least one control"):
        Explorer({}, table=lambda: pd.DataFrame())
    with pytest.raises(ValueError, match="at least one view"):
        Explorer({"n": slider("n", 1, 2, 1)})
    ex = Explorer({"n": slider("n", 1, 2, 1)}, html=lambda n: str(n))
    message = r"unknown control\(s\) \['m'\]; this explorer has \['n'\]"
    with pytest.raises(ValueError, match=message):
        ex.set(m=1)


def test_setting_several_controls_redraws_once():
    calls = []
    ex = Explorer({"a": slider("a", 1, 5, 1, value=1), "b": slider("b", 1, 5, 1, value=1)},
                  table=lambda a, b: calls.append((a, b)) or pd.DataFrame({"sum": [a + b]}))
    assert calls == [(1, 1)]
    ex.set(a=2, b=3)
    assert calls == [(1, 1), (2, 3)]  # one redraw for two controls, with both new values
    assert "<td>5</td>" in ex.table_view.value
    ex.set(a=2)  # nothing changed: no redraw
    assert calls == [(1, 1), (2, 3)] and ex.updates == 2
    ex.controls["a"].value = 4  # a learner moving one control still redraws at once
    assert calls[-1] == (4, 3)


def test_without_clearing_the_plot_updates_its_artists():
    lines = []

    def draw(ax, n):
        if not ax.lines:
            lines.append(ax.plot([0, 1], [0, n])[0])
        else:
            ax.lines[0].set_ydata([0, n])

    ex = Explorer({"n": slider("n", 1, 5, 1, value=1)}, plot=draw, clear=False)
    ex.set(n=3)
    assert len(lines) == 1 and ex.figure.axes[0].lines[0] is lines[0]
    assert list(lines[0].get_ydata()) == [0, 3]
    with pytest.raises(ValueError, match="plot_takes must be 'axis' or 'figure'"):
        Explorer({"n": slider("n", 1, 2, 1)}, plot=draw, plot_takes="axes")
