"""Tests for the chapter 0–1 explorers (wijkwijs.explorers.inequality)."""

from __future__ import annotations

from wijkwijs import i18n
from wijkwijs.explorers import inequality as ei
from wijkwijs.widgets import Explorer

INCOMES = [10_000, 20_000, 30_000, 40_000, 100_000]  # mean 40,000; Gini 0.4


# --------------------------------------------------------------------------- the explorer
def test_explorer_is_an_explorer_and_set_changes_outputs():
    ex = ei.redistribution_explorer(INCOMES, budget_neutral=False)
    assert isinstance(ex, Explorer)
    assert "wijkwijs-explorer" in ex.widget._dom_classes
    png, html = ex.plot_view.value, ex.table_view.value
    ex.set(tax_rate=50, transfer=10_000)
    assert ex.plot_view.value != png and ex.table_view.value != html
    # 0.5 * x + 10,000: gaps halve, the mean falls to 30,000 -> Gini 0.4 * 20 / 30
    assert f"{0.4 * 20 / 30:.3f}" in ex.table_view.value
    assert "€10,000" in ex.table_view.value


def test_explorer_budget_neutral_ignores_transfer_and_pays_revenue():
    ex = ei.redistribution_explorer(INCOMES, budget_neutral=True)
    assert ex.controls["transfer"].disabled
    ex.set(tax_rate=50, transfer=20_000)
    assert "0.200" in ex.table_view.value  # (1 - 0.5) * 0.4
    assert "€20,000" in ex.table_view.value  # revenue 0.5 * 40,000 per household
    assert "€40,000" in ex.table_view.value  # the mean is unchanged
    ex.set(budget_neutral=False)
    assert not ex.controls["transfer"].disabled


def test_explorer_labels_follow_the_language():
    try:
        i18n.set_language("nl")
        ex = ei.redistribution_explorer(INCOMES)
        assert ex.controls["tax_rate"].description == "Vlaktaks (%)"
        assert "Voor" in ex.table_view.value
    finally:
        i18n.set_language("en")


def test_every_inequality_label_exists_in_both_languages():
    keys = [k for k in i18n.keys() if k.startswith(("ineq.", "ineqplot."))]
    assert len(keys) > 20
    for key in keys:
        texts = []
        for lang in i18n.LANGUAGES:
            i18n.set_language(lang)
            texts.append(i18n.t(key))
        i18n.set_language("en")
        assert all(t.strip() for t in texts), key


def test_mean_median_explorer_still_works():
    ex = ei.mean_median_explorer()
    ex.set(richest=100_000)
    assert "€41,000" in ex.table_view.value


def test_havenstad_explorer_says_on_its_figure_that_the_city_is_synthetic(monkeypatch):
    from wijkwijs.figures import inequality as fi

    marked = []
    real = fi.mark_synthetic
    monkeypatch.setattr(fi, "mark_synthetic", lambda ax, *a: marked.append(ax) or real(ax, *a))
    ei.redistribution_explorer()  # the default: households of synthetic Havenstad
    assert marked
    marked.clear()
    ei.redistribution_explorer(INCOMES)  # invented incomes of no city: no note
    assert not marked
