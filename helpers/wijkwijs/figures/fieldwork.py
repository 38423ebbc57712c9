"""Figures of chapter 7's fieldwork toolkit: a learner's social map and walk, measured.

Every ``plot_*`` takes the records of :mod:`wijkwijs.fieldwork` (or a table made from
them) first and an optional ``ax`` last, and returns the Figure. A figure of the shipped,
invented example says so on the axes: ``invented=None`` (the default) reads it from the
records (``attrs["invented_example"]``, set by :func:`wijkwijs.fieldwork.load_records`),
so a learner who loads their own file gets figures without the note.

>>> from wijkwijs import fieldwork as fw
>>> fig = plot_type_mix(fw.load_records(fw.example_file()))
>>> fig.axes[0].texts[-1].get_text()
'Invented example — not a real neighbourhood'
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from wijkwijs import fieldwork, i18n
from wijkwijs.figures import CATEGORICAL, OKABE_ITO, NotebookFigure, label_axes
from wijkwijs.figures.infrastructure import type_label

__all__ = ["plot_observation_bridging", "plot_referral_network", "plot_type_mix"]

i18n.register({
    "fieldwork.fig.invented": {"en": "Invented example — not a real neighbourhood",
                               "nl": "Verzonnen voorbeeld — geen echte buurt"},
    "fieldwork.fig.mix_title": {"en": "The social map by kind (evenness {j:.2f})",
                                "nl": "De sociale kaart per soort (gelijkmatigheid {j:.2f})"},
    "fieldwork.fig.mix_x": {"en": "organisations", "nl": "organisaties"},
    "fieldwork.fig.missing": {"en": "(none)", "nl": "(geen)"},
    "fieldwork.fig.bridging_title": {"en": "Mixing by visible age group",
                                     "nl": "Menging naar zichtbare leeftijd"},
    "fieldwork.fig.bridging_x": {"en": "bridging ratio (1 = as mixed as the whole walk)",
                                 "nl": "bridging-verhouding (1 = zo gemengd als de hele schouw)"},
    "fieldwork.fig.too_few": {"en": "too few people", "nl": "te weinig mensen"},
    "fieldwork.fig.network_title": {"en": "Referral network of the social map",
                                    "nl": "Verwijsnetwerk van de sociale kaart"},
    "fieldwork.fig.network_x": {"en": "arrow: refers people to; dot size: betweenness",
                                "nl": "pijl: verwijst mensen naar; grootte: betweenness"},
    "fieldwork.fig.service": {"en": "formal help (municipal, welfare)",
                              "nl": "formele hulp (gemeente, welzijn)"},
    "fieldwork.fig.other": {"en": "other organisation on the map",
                            "nl": "andere organisatie op de kaart"},
    "fieldwork.fig.not_inventoried": {"en": "named, not on the map yet",
                                      "nl": "genoemd, nog niet op de kaart"},
    "fieldwork.kind.other": {"en": "Other", "nl": "Anders"},
    "fieldwork.slot.weekday_morning": {"en": "weekday morning", "nl": "doordeweeks ochtend"},
    "fieldwork.slot.weekday_afternoon": {"en": "weekday afternoon", "nl": "doordeweeks middag"},
    "fieldwork.slot.weekday_evening": {"en": "weekday evening", "nl": "doordeweeks avond"},
    "fieldwork.slot.weekend_morning": {"en": "weekend morning", "nl": "weekend ochtend"},
    "fieldwork.slot.weekend_afternoon": {"en": "weekend afternoon", "nl": "weekend middag"},
    "fieldwork.slot.weekend_evening": {"en": "weekend evening", "nl": "weekend avond"},
})

NODE_COLOURS = {"service": OKABE_ITO["blue"], "other": OKABE_ITO["orange"],
                "not_inventoried": "#BDBDBD"}


def _axes(ax, figsize: tuple[float, float]):
    if ax is None:
        ax = NotebookFigure(figsize=figsize, layout="constrained").add_subplot()
    return ax.figure, ax


def _invented(frame: pd.DataFrame, invented: bool | None) -> bool:
    return bool(frame.attrs.get("invented_example", False)) if invented is None else invented


def _mark(ax, where: str = "lower right") -> None:
    """Say on the axes that the records are the invented example."""
    y, va = (0.99, "top") if where.startswith("upper") else (0.01, "bottom")
    ax.text(0.99, y, i18n.t("fieldwork.fig.invented"), transform=ax.transAxes, fontsize=8,
            color="#333333", ha="right", va=va, style="italic", zorder=10,
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1.5})


def _kind_label(kind: str) -> str:
    return i18n.t("fieldwork.kind.other") if kind == "other" else type_label(kind)


def plot_type_mix(records: pd.DataFrame, *, invented: bool | None = None, ax=None) -> Figure:
    """Bars: how many organisations of each kind the inventory holds; every kind is
    listed, so the kinds that are missing show as gaps. The title gives Pielou's
    evenness of the mix (:func:`wijkwijs.fieldwork.summarise_inventory`)."""
    summary = fieldwork.summarise_inventory(records)
    fig, ax = _axes(ax, (6.4, 4.4))
    counts = summary.type_mix.loc["fieldwork"]
    order = sorted(counts.index, key=lambda k: (counts[k], _kind_label(k)))
    values = counts[order].to_numpy()
    ax.barh([_kind_label(k) for k in order], values, color=CATEGORICAL[0])
    for y, v in enumerate(values):
        ax.text(v, y, f" {int(v)}" if v else " " + i18n.t("fieldwork.fig.missing"),
                va="center", fontsize=8, color="#333333" if v else "#777777")
    j = summary.diversity if np.isfinite(summary.diversity) else 0.0
    label_axes(ax, i18n.t("fieldwork.fig.mix_title", j=j), i18n.t("fieldwork.fig.mix_x"), "")
    ax.set_xlim(0, max(float(values.max()) if len(values) else 1.0, 1.0) * 1.35)
    ax.tick_params(axis="y", labelsize=8)
    if _invented(records, invented):
        _mark(ax)
    return fig


def plot_observation_bridging(records: pd.DataFrame, *, min_people: int = 10,
                              invented: bool | None = None, ax=None) -> Figure:
    """Bars: each observation's bridging ratio by visible age group
    (:func:`wijkwijs.fieldwork.observation_bridging`); dotted at 1, dashed at 0.8."""
    table = fieldwork.observation_bridging(records, min_people=min_people)
    fig, ax = _axes(ax, (6.8, 0.9 + 0.45 * max(len(table), 2)))
    labels = [f"{place} ({i18n.t(f'fieldwork.slot.{slot}')})"
              for place, slot in zip(table["place"], table["time_slot"], strict=True)]
    y = np.arange(len(table))[::-1]
    values = table["bridging"].to_numpy(dtype=float)
    ax.barh(y, np.nan_to_num(values), color=[CATEGORICAL[0] if v >= 0.8 else CATEGORICAL[1]
                                             for v in np.nan_to_num(values)])
    for yi, v in zip(y, values, strict=True):
        ax.text(0.0 if np.isnan(v) else v, yi,
                " " + (i18n.t("fieldwork.fig.too_few") if np.isnan(v) else f"{v:.2f}"),
                va="center", fontsize=8)
    ax.axvline(1.0, color="#555555", linestyle=":", linewidth=1)
    ax.axvline(0.8, color="#555555", linestyle="--", linewidth=1)
    ax.set_yticks(y, labels, fontsize=8)
    top = np.nanmax(values) if np.isfinite(values).any() else 1.0
    ax.set_xlim(0, max(1.2, float(top) * 1.2))
    ax.set_ylim(-0.6, len(table) + 0.2)  # room above the bars for the note
    label_axes(ax, i18n.t("fieldwork.fig.bridging_title"), i18n.t("fieldwork.fig.bridging_x"),
               "")
    if _invented(records, invented):
        _mark(ax, "upper right")
    return fig


def _layout(g: nx.DiGraph, seed: int) -> dict:
    """Linked organisations spread by a seeded spring layout over the top four fifths;
    organisations without any referral in a row along the bottom."""
    linked = [n for n in g if g.degree(n) > 0]
    alone = [n for n in g if g.degree(n) == 0]
    pos: dict = {}
    if linked:
        sub = g.subgraph(linked).to_undirected()
        inner = nx.spring_layout(sub, seed=seed, k=2.0 / np.sqrt(len(linked)), iterations=500)
        xy = np.array([inner[n] for n in linked], dtype=float)
        span = np.ptp(xy, axis=0)
        xy = (xy - xy.min(axis=0)) / np.where(span > 0, span, 1.0)
        pos.update({n: np.array([xy[i, 0], 0.22 + 0.78 * xy[i, 1]]) for i, n in enumerate(linked)})
    for i, n in enumerate(alone):
        pos[n] = np.array([(i + 0.5) / max(len(alone), 1) * 0.6, 0.0])
    return pos


def plot_referral_network(records: pd.DataFrame, *, invented: bool | None = None,
                          seed: int = 4, ax=None) -> Figure:
    """The referral network of the inventory: arrows from referrer to receiver, names
    beside the dots, dot size by betweenness (:func:`wijkwijs.fieldwork.inventory_brokerage`);
    formal help, other organisations and names not yet on the map in three colours."""
    table = fieldwork.inventory_brokerage(records)
    edges = fieldwork.summarise_inventory(records).edges
    fig, ax = _axes(ax, (7.2, 5.4))
    g = nx.DiGraph()
    g.add_nodes_from(table.index)
    g.add_edges_from(zip(edges["from_id"], edges["to_id"], strict=True))
    pos = _layout(g, seed)
    for u, v in g.edges:
        ax.annotate("", xy=pos[v], xytext=pos[u], zorder=1,
                    arrowprops={"arrowstyle": "-|>", "color": "#888888", "lw": 0.9,
                                "shrinkA": 7, "shrinkB": 7})

    def group(name: str) -> str:
        kind = table.loc[name, "kind"]
        if kind == "not_inventoried":
            return "not_inventoried"
        return "service" if kind in fieldwork.SERVICE_KINDS else "other"

    for name in table.index:
        size = 40 + 1200 * float(table.loc[name, "betweenness"])
        ax.scatter(*pos[name], s=size, color=NODE_COLOURS[group(name)], edgecolor="white",
                   linewidth=0.8, zorder=2)
        ax.annotate(str(name), pos[name], xytext=(5, 5), textcoords="offset points",
                    fontsize=7, zorder=3)
    handles = [Line2D([], [], marker="o", linestyle="", color=NODE_COLOURS[k],
                      label=i18n.t(f"fieldwork.fig.{k}"))
               for k in ("service", "other", "not_inventoried")]
    ax.legend(handles=handles, loc="upper left", fontsize=7, framealpha=0.85)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.margins(0.18)
    label_axes(ax, i18n.t("fieldwork.fig.network_title"), i18n.t("fieldwork.fig.network_x"), "")
    if _invented(records, invented):
        _mark(ax)
    return fig
