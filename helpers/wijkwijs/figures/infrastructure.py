"""Figures of chapter 6, social infrastructure: inventory, reach, bridging, brokerage, time.

Every ``plot_*`` function takes its data first (a table from
:mod:`wijkwijs.havenstad.infrastructure` or a run of
:func:`wijkwijs.models.growth.simulate_growth`) and an optional ``ax`` last, and returns
the :class:`~matplotlib.figure.Figure` it drew on; without ``ax`` it makes a
:class:`~wijkwijs.figures.NotebookFigure`. Every figure of Havenstad says on the axes
that the city is synthetic (``synthetic=True``, the default; the growth model's figures
are of a model, not of Havenstad). Colours are the Okabe–Ito colours of
:mod:`wijkwijs.style`.

Two classes redraw in place for the explorers of :mod:`wijkwijs.explorers.infrastructure`:
:class:`ClosurePanels` (the referral network with a closed organisation, and who loses
help) and :class:`GrowthLines` (participants and ties in the growth model).

>>> import pandas as pd
>>> t = pd.DataFrame({"households": [10, 5], "within_400m": [0.5, 0.2],
...                   "within_800m": [0.9, 0.4]}, index=["low", "high"])
>>> fig = plot_reach_by_income_group(t)
>>> fig.axes[0].get_title()
'Who lives near a meeting place?'
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from wijkwijs import i18n
from wijkwijs.figures import CATEGORICAL, OKABE_ITO, NotebookFigure, label_axes, mark_synthetic
from wijkwijs.havenstad.constants import ORGANISATION_TYPES

__all__ = [
    "ClosurePanels",
    "GrowthLines",
    "network_layout",
    "plot_bridging_by_type",
    "plot_brokers",
    "plot_growth",
    "plot_member_profile",
    "plot_mix_and_reach",
    "plot_reach_by_income_group",
    "plot_referral_network",
    "plot_relocation",
    "plot_shared_place_ties",
    "plot_type_counts",
    "type_label",
]

_TYPE_NAMES = {
    "community_centre": ("Community centre", "Buurthuis"),
    "youth_space": ("Youth space", "Jongerenplek"),
    "welfare_organisation": ("Welfare organisation", "Welzijnsorganisatie"),
    "volunteer_organisation": ("Volunteer organisation", "Vrijwilligersorganisatie"),
    "church": ("Church", "Kerk"),
    "mosque": ("Mosque", "Moskee"),
    "gym": ("Gym or sports club", "Sportschool of -club"),
    "cafe": ("Café", "Café"),
    "shop": ("Shop", "Winkel"),
    "library": ("Library", "Bibliotheek"),
    "school": ("School", "School"),
    "municipal_service": ("Municipal service", "Gemeentelijke dienst"),
}

i18n.register({
    **{f"infra6.type.{k}": {"en": en, "nl": nl} for k, (en, nl) in _TYPE_NAMES.items()},
    "infra6.group.bottom_10": {"en": "Bottom 10 %", "nl": "Laagste 10%"},
    "infra6.group.low": {"en": "Low (bottom 40 %)", "nl": "Laag (laagste 40%)"},
    "infra6.group.middle": {"en": "Middle", "nl": "Midden"},
    "infra6.group.high": {"en": "High (top 20 %)", "nl": "Hoog (hoogste 20%)"},
    "infra6.group.top_1": {"en": "Top 1 %", "nl": "Hoogste 1%"},
    "infra6.types_title": {"en": "Social infrastructure of Havenstad, {year}",
                           "nl": "Sociale infrastructuur van Havenstad, {year}"},
    "infra6.types_x": {"en": "Organisations open", "nl": "Open organisaties"},
    "infra6.types_y": {"en": "Type", "nl": "Soort"},
    "infra6.mix_title": {"en": "Mix and reach per buurt, {year}",
                         "nl": "Mix en bereik per buurt, {year}"},
    "infra6.mix_x": {"en": "Mix of types (Shannon evenness, 0–1)",
                     "nl": "Mix van soorten (Shannon-gelijkmatigheid, 0–1)"},
    "infra6.mix_y": {"en": "Share of homes within {radius} m of a meeting place",
                     "nl": "Aandeel woningen binnen {radius} m van een ontmoetingsplek"},
    "infra6.no_orgs": {"en": "no organisations", "nl": "geen organisaties"},
    "infra6.reach_title": {"en": "Who lives near a meeting place?",
                           "nl": "Wie woont dicht bij een ontmoetingsplek?"},
    "infra6.reach_x": {"en": "Income group (national percentile)",
                       "nl": "Inkomensgroep (landelijk percentiel)"},
    "infra6.reach_y": {"en": "Share of households", "nl": "Aandeel huishoudens"},
    "infra6.within": {"en": "within {radius} m", "nl": "binnen {radius} m"},
    "infra6.bridging_title": {"en": "Computed bridging score against the label, {year}",
                              "nl": "Berekende overbruggingsscore tegen het label, {year}"},
    "infra6.bridging_x": {"en": "Bridging score (1 = as mixed as the buurt)",
                          "nl": "Overbruggingsscore (1 = zo gemengd als de buurt)"},
    "infra6.label.bridging": {"en": "labelled bridging", "nl": "label overbruggend"},
    "infra6.label.bonding": {"en": "labelled bonding", "nl": "label verbindend (bonding)"},
    "infra6.threshold": {"en": "threshold {t:.1f}", "nl": "drempel {t:.1f}"},
    "infra6.profile_title": {"en": "{name}: who takes part?", "nl": "{name}: wie doet mee?"},
    "infra6.profile_y": {"en": "Share", "nl": "Aandeel"},
    "infra6.members": {"en": "participants", "nl": "deelnemers"},
    "infra6.buurt": {"en": "households of its buurt", "nl": "huishoudens van de buurt"},
    "infra6.attr.income_group": {"en": "Income group", "nl": "Inkomensgroep"},
    "infra6.attr.background": {"en": "Background", "nl": "Herkomst"},
    "infra6.attr.age_group": {"en": "Age of the head of household",
                              "nl": "Leeftijd van de hoofdbewoner"},
    "infra6.bg.netherlands": {"en": "Netherlands", "nl": "Nederland"},
    "infra6.bg.europe": {"en": "Europe", "nl": "Europa"},
    "infra6.bg.outside_europe": {"en": "outside Europe", "nl": "buiten Europa"},
    "infra6.age.under_30": {"en": "under 30", "nl": "onder 30"},
    "infra6.age.30_44": {"en": "30–44", "nl": "30–44"},
    "infra6.age.45_64": {"en": "45–64", "nl": "45–64"},
    "infra6.age.65_plus": {"en": "65+", "nl": "65+"},
    "infra6.shared_title": {"en": "Ties across groups ({attribute}), by shared place (2019)",
                            "nl": "Banden tussen groepen ({attribute}), naar gedeelde plek "
                                  "(2019)"},
    "infra6.shared_x": {"en": "What the two households share",
                        "nl": "Wat de twee huishoudens delen"},
    "infra6.shared_y": {"en": "Share of ties across groups", "nl": "Aandeel banden tussen groepen"},
    "infra6.shared.none": {"en": "no organisation", "nl": "geen organisatie"},
    "infra6.shared.bonding_only": {"en": "only bonding ones", "nl": "alleen bonding"},
    "infra6.shared.bridging": {"en": "a bridging one", "nl": "een overbruggende"},
    "infra6.brokers_title": {"en": "Brokers of the referral network, {year}",
                             "nl": "Makelaars in het doorverwijsnetwerk, {year}"},
    "infra6.brokers_x": {"en": "Betweenness (share of shortest routes through it)",
                         "nl": "Tussenpositie (aandeel kortste routes erdoorheen)"},
    "infra6.network_title": {"en": "Referral network, {year}",
                             "nl": "Doorverwijsnetwerk, {year}"},
    "infra6.network_x": {"en": "Organisations with referral links (drawn by a spring layout)",
                         "nl": "Organisaties met doorverwijzingen (veermodel)"},
    "infra6.node.service": {"en": "service (municipal or welfare)",
                            "nl": "hulp (gemeente of welzijn)"},
    "infra6.node.reaches": {"en": "reaches help within {k} steps",
                            "nl": "bereikt hulp binnen {k} stappen"},
    "infra6.node.cut": {"en": "cut off by the closure", "nl": "afgesneden door de sluiting"},
    "infra6.node.none": {"en": "no help within {k} steps", "nl": "geen hulp binnen {k} stappen"},
    "infra6.node.closed": {"en": "closed", "nl": "gesloten"},
    "infra6.k_note": {"en": "help: a service within {k} referral step(s)",
                      "nl": "hulp: een hulpdienst binnen {k} doorverwijsstap(pen)"},
    "infra6.losing_title": {"en": "Households losing all help",
                            "nl": "Huishoudens die alle hulp verliezen"},
    "infra6.losing_y": {"en": "Per 1,000 households of the group",
                        "nl": "Per 1.000 huishoudens van de groep"},
    "infra6.growth_title": {"en": "A community centre in a new mixed neighbourhood",
                            "nl": "Een buurthuis in een nieuwe gemengde wijk"},
    "infra6.growth_x": {"en": "Years since the opening", "nl": "Jaren sinds de opening"},
    "infra6.growth_y": {"en": "Share of the residents", "nl": "Aandeel van de bewoners"},
    "infra6.participants": {"en": "participants", "nl": "deelnemers"},
    "infra6.ties_within": {"en": "ties within a group", "nl": "banden binnen een groep"},
    "infra6.ties_cross": {"en": "ties across groups", "nl": "banden tussen groepen"},
    "infra6.share_part": {"en": "taking part", "nl": "doet mee"},
    "infra6.share_tie": {"en": "with a tie from the centre",
                         "nl": "met een band uit het buurthuis"},
    "infra6.share_cross": {"en": "with a tie across groups", "nl": "met een band tussen groepen"},
    "infra6.demolition": {"en": "demolition", "nl": "sloop"},
    "infra6.closure": {"en": "closure", "nl": "sluiting"},
    "infra6.reopening": {"en": "reopening", "nl": "heropening"},
    "infra6.model_note": {"en": "Model, not data (seeded run)",
                          "nl": "Model, geen data (vaste seed)"},
    "infra6.relocation_title": {"en": "The community centre that moved, 2011–2022",
                                "nl": "Het buurthuis dat verhuisde, 2011–2022"},
    "infra6.relocation_x": {"en": "Year", "nl": "Jaar"},
    "infra6.relocation_y": {"en": "Participating households", "nl": "Deelnemende huishoudens"},
    "infra6.old_centre": {"en": "old centre (demolished buurt)",
                          "nl": "oude buurthuis (gesloopte buurt)"},
    "infra6.successor": {"en": "new centre next door", "nl": "nieuwe buurthuis ernaast"},
    "infra6.successor_from_old": {"en": "of whom took part in the old one",
                                  "nl": "van wie meededen in het oude"},
})

#: The colour of a service node, a node that reaches help, one cut off, one without help.
NODE_COLOURS = {"service": OKABE_ITO["blue"], "reaches": OKABE_ITO["bluish_green"],
                "cut": OKABE_ITO["vermillion"], "none": "#BDBDBD", "closed": "#000000"}


def type_label(kind: str) -> str:
    """The name of an organisation type in the current language.

    >>> type_label("community_centre")
    'Community centre'
    """
    return i18n.t(f"infra6.type.{kind}") if kind in _TYPE_NAMES else str(kind)


def _category_label(attribute: str, value: str) -> str:
    prefix = {"income_group": "infra6.group", "background": "infra6.bg",
              "age_group": "infra6.age"}.get(attribute)
    key = f"{prefix}.{value}"
    return i18n.t(key) if prefix and key in i18n.keys() else str(value)


def _axes(ax, figsize: tuple[float, float] = (6.4, 4.0)):
    if ax is None:
        ax = NotebookFigure(figsize=figsize, layout="constrained").add_subplot()
    return ax.figure, ax


def _require(frame: pd.DataFrame, columns: Sequence[str], name: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"{name} must be a pandas DataFrame; got {type(frame).__name__}.")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} has no column {missing[0]!r}; its columns are "
                         f"{list(frame.columns)}.")


# -- 6.1 inventory and reach -------------------------------------------------------------
def plot_type_counts(inventory: pd.DataFrame, year: int, *, synthetic: bool = True,
                     ax=None) -> Figure:
    """Organisations open per type, summed over the buurten of ``inventory``.

    ``inventory`` is :func:`wijkwijs.havenstad.infrastructure.inventory_by_buurt`.
    """
    _require(inventory, ORGANISATION_TYPES, "inventory")
    fig, ax = _axes(ax, (6.4, 4.2))
    totals = inventory[list(ORGANISATION_TYPES)].sum().sort_values()
    ax.barh([type_label(k) for k in totals.index], totals.to_numpy(), color=CATEGORICAL[0])
    for y, v in enumerate(totals.to_numpy()):
        ax.text(v, y, f" {int(v)}", va="center", fontsize=8)
    label_axes(ax, i18n.t("infra6.types_title", year=year), i18n.t("infra6.types_x"),
               i18n.t("infra6.types_y"))
    ax.set_xlim(0, totals.max() * 1.12)
    if synthetic:
        mark_synthetic(ax)
    return fig


def plot_mix_and_reach(inventory: pd.DataFrame, reach: pd.DataFrame, year: int, *,
                       radius: int = 400, label: Sequence[str] = (), synthetic: bool = True,
                       ax=None) -> Figure:
    """Per buurt: the mix of types (x) against the share of homes within ``radius`` (y).

    Dot area follows the population; buurten without organisations (no mix) stand at
    the left edge in grey. ``label`` names buurten to write beside their dot.
    """
    column = f"within_{radius}m"
    _require(inventory, ("name", "mix_shannon", "population"), "inventory")
    _require(reach, (column,), "reach")
    fig, ax = _axes(ax)
    joined = inventory.join(reach[[column]], how="inner")
    size = 10 + 60 * joined["population"] / joined["population"].max()
    has = joined["mix_shannon"].notna()
    ax.scatter(joined.loc[has, "mix_shannon"], joined.loc[has, column], s=size[has],
               color=CATEGORICAL[0], alpha=0.75, edgecolor="white", linewidth=0.5)
    ax.scatter(np.zeros(int((~has).sum())), joined.loc[~has, column], s=size[~has],
               color="#BDBDBD", edgecolor="#555555", linewidth=0.5,
               label=i18n.t("infra6.no_orgs"))
    for name in label:
        row = joined[joined["name"] == name]
        if len(row):
            x = float(row["mix_shannon"].fillna(0).iloc[0])
            ax.annotate(name, (x, float(row[column].iloc[0])), xytext=(5, 4),
                        textcoords="offset points", fontsize=8)
    label_axes(ax, i18n.t("infra6.mix_title", year=year), i18n.t("infra6.mix_x"),
               i18n.t("infra6.mix_y", radius=radius))
    ax.set_xlim(-0.05, 1.02)
    ax.set_ylim(-0.03, 1.05)
    if (~has).any():
        ax.legend(loc="lower right", bbox_to_anchor=(1.0, 0.06), fontsize=8, frameon=False)
    if synthetic:
        mark_synthetic(ax)
    return fig


def plot_reach_by_income_group(table: pd.DataFrame, *, synthetic: bool = True,
                               ax=None) -> Figure:
    """Bars: the share of each income group's households within each radius.

    ``table`` is :func:`wijkwijs.havenstad.infrastructure.reach_by_income_group`.
    """
    columns = [c for c in table.columns if c.startswith("within_")]
    if not columns:
        raise ValueError("table has no within_<r>m column; use reach_by_income_group().")
    fig, ax = _axes(ax)
    x = np.arange(len(table))
    width = 0.8 / len(columns)
    for i, column in enumerate(columns):
        radius = column.removeprefix("within_").removesuffix("m")
        ax.bar(x + (i - (len(columns) - 1) / 2) * width, table[column].to_numpy(), width,
               color=CATEGORICAL[i], label=i18n.t("infra6.within", radius=radius))
    ax.set_xticks(x, [_category_label("income_group", g) for g in table.index], fontsize=8)
    label_axes(ax, i18n.t("infra6.reach_title"), i18n.t("infra6.reach_x"),
               i18n.t("infra6.reach_y"))
    ax.set_ylim(0, 1.12)
    ax.legend(loc="upper right", ncols=len(columns), fontsize=8, frameon=False)
    if synthetic:
        mark_synthetic(ax)
    return fig


# -- 6.2 bridging ------------------------------------------------------------------------
def plot_bridging_by_type(scores: pd.DataFrame, year: int, *, threshold: float = 0.8,
                          highlight: int | None = None, synthetic: bool = True,
                          ax=None) -> Figure:
    """Each organisation's bridging score by type, coloured by its label.

    ``scores`` is :func:`wijkwijs.havenstad.infrastructure.bridging_by_organisation`;
    organisations without a score (too few participants) are left out. A dashed line
    marks ``threshold`` and a dotted one 1 (as mixed as the buurt); ``highlight`` rings
    one organisation.
    """
    _require(scores, ("type", "orientation", "bridging"), "scores")
    fig, ax = _axes(ax, (6.8, 4.6))
    known = scores[scores["bridging"].notna()]
    types = [t for t in ORGANISATION_TYPES if t in set(known["type"])]
    rng = np.random.default_rng(0)  # a fixed jitter, so the figure is the same every time
    for j, label in enumerate(("bridging", "bonding")):
        part = known[known["orientation"].astype(str) == label]
        y = np.array([types.index(t) for t in part["type"]], dtype=float)
        y += (j - 0.5) * 0.3 + rng.uniform(-0.1, 0.1, y.size)
        ax.scatter(part["bridging"], y, s=14, color=CATEGORICAL[j], alpha=0.8,
                   label=i18n.t(f"infra6.label.{label}"), edgecolor="none")
    if highlight is not None and highlight in known.index:
        row = known.loc[highlight]
        ax.scatter([row["bridging"]], [types.index(row["type"]) - 0.15], s=120,
                   facecolor="none", edgecolor="#000000", linewidth=1.5, zorder=3)
    ax.axvline(threshold, color="#555555", linestyle="--", linewidth=1)
    ax.axvline(1.0, color="#555555", linestyle=":", linewidth=1)
    ax.text(threshold, -0.9, i18n.t("infra6.threshold", t=threshold) + " ", fontsize=8,
            ha="right", va="bottom", color="#555555")
    ax.set_yticks(range(len(types)), [type_label(t) for t in types], fontsize=8)
    label_axes(ax, i18n.t("infra6.bridging_title", year=year), i18n.t("infra6.bridging_x"), "")
    ax.set_ylim(-1.0, len(types) - 0.5)
    ax.legend(loc="lower right", fontsize=8, bbox_to_anchor=(1.0, 0.05))
    if synthetic:
        mark_synthetic(ax)
    return fig


def plot_member_profile(profile: pd.DataFrame, name: str, *, synthetic: bool = True,
                        ax=None) -> Figure:
    """Paired bars: each group's share among the participants and in the buurt.

    ``profile`` is :func:`wijkwijs.havenstad.infrastructure.member_profile`.
    """
    _require(profile, ("members", "buurt"), "profile")
    fig, ax = _axes(ax, (5.6, 3.8))
    attribute = profile.index.name or ""
    x = np.arange(len(profile))
    ax.bar(x - 0.2, profile["members"], 0.4, color=CATEGORICAL[1],
           label=i18n.t("infra6.members"))
    ax.bar(x + 0.2, profile["buurt"], 0.4, color=CATEGORICAL[0], label=i18n.t("infra6.buurt"))
    ax.set_xticks(x, [_category_label(attribute, v) for v in profile.index])
    key = f"infra6.attr.{attribute}"
    label_axes(ax, i18n.t("infra6.profile_title", name=name),
               i18n.t(key) if key in i18n.keys() else attribute, i18n.t("infra6.profile_y"))
    ax.set_ylim(0, 1.1)
    ax.legend(loc="center right", fontsize=8, frameon=False)
    if synthetic:
        mark_synthetic(ax, "upper right")
    return fig


def plot_shared_place_ties(table: pd.DataFrame, attribute: str = "background", *,
                           synthetic: bool = True, ax=None) -> Figure:
    """Bars: the share of ties across groups, by what the two households share.

    ``table`` is :func:`wijkwijs.havenstad.infrastructure.ties_by_shared_place` of
    ``attribute``.
    """
    _require(table, ("ties", "cross_share"), "table")
    fig, ax = _axes(ax, (5.6, 3.8))
    labels = [i18n.t(f"infra6.shared.{v}") if f"infra6.shared.{v}" in i18n.keys() else str(v)
              for v in table.index]
    bars = ax.bar(labels, table["cross_share"], color=[CATEGORICAL[i] for i in
                                                       range(len(table))])
    for bar, n in zip(bars, table["ties"], strict=True):
        ax.text(bar.get_x() + bar.get_width() / 2, bar.get_height(), f"n = {int(n)}",
                ha="center", va="bottom", fontsize=8)
    key = f"infra6.attr.{attribute}"
    what = i18n.t(key) if key in i18n.keys() else attribute
    label_axes(ax, i18n.t("infra6.shared_title", attribute=what.lower()),
               i18n.t("infra6.shared_x"), i18n.t("infra6.shared_y"))
    ax.set_ylim(0, max(0.5, float(table["cross_share"].max()) * 1.3))
    if synthetic:
        mark_synthetic(ax, "upper right")
    return fig


# -- 6.3 brokerage -----------------------------------------------------------------------
def plot_brokers(table: pd.DataFrame, year: int, *, synthetic: bool = True, ax=None) -> Figure:
    """Horizontal bars of betweenness, coloured by type (the highest at the top).

    ``table`` is :func:`wijkwijs.havenstad.infrastructure.referral_brokerage`.
    """
    _require(table, ("name", "type", "betweenness"), "table")
    fig, ax = _axes(ax, (6.8, 3.6))
    rows = table.iloc[::-1]
    kinds = list(dict.fromkeys(table["type"]))
    colours = [CATEGORICAL[kinds.index(t) % len(CATEGORICAL)] for t in rows["type"]]
    ax.barh(rows["name"], rows["betweenness"], color=colours)
    handles = [Line2D([], [], marker="s", linestyle="", color=CATEGORICAL[i % len(CATEGORICAL)],
                      label=type_label(t)) for i, t in enumerate(kinds)]
    ax.legend(handles=handles, loc="center right", fontsize=8)
    ax.tick_params(axis="y", labelsize=8)
    ax.set_xlim(0, float(table["betweenness"].max()) * 1.5)
    label_axes(ax, i18n.t("infra6.brokers_title", year=year), i18n.t("infra6.brokers_x"), "")
    if synthetic:
        mark_synthetic(ax)
    return fig


@cache
def _layout(edges: tuple[tuple[int, int], ...], seed: int) -> dict:
    """The largest component spread over the left four fifths, the small ones stacked
    in a column on the right (a spring layout per component, seeded)."""
    g = nx.Graph(list(edges))
    parts = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c))
    pos: dict = {}
    rest = parts[1:]
    for i, part in enumerate(parts):
        sub = g.subgraph(part)
        inner = nx.spring_layout(sub, seed=seed, k=1.2 / np.sqrt(max(len(sub), 1)),
                                 iterations=200) if len(sub) > 1 else {part[0]: np.zeros(2)}
        xy = np.array([inner[n] for n in part], dtype=float)
        span = np.ptp(xy, axis=0)
        xy = (xy - xy.min(axis=0)) / np.where(span > 0, span, 1.0)
        if i == 0:
            box = (0.0, 0.0, 0.78, 1.0)
        else:
            h = 1.0 / max(len(rest), 1)
            box = (0.85, 1.0 - i * h + 0.15 * h, 0.15, 0.7 * h)
        xy = np.array(box[:2]) + xy * np.array(box[2:]) if len(part) > 1 else \
            np.array([[box[0] + box[2] / 2, box[1] + box[3] / 2]])
        pos.update({n: xy[j] for j, n in enumerate(part)})
    return pos


def network_layout(edges: pd.DataFrame, *, seed: int = 6) -> dict:
    """Node positions of a referral network (a seeded spring layout, cached).

    >>> e = pd.DataFrame({"from_id": [1, 2], "to_id": [2, 3]})
    >>> sorted(network_layout(e))
    [1, 2, 3]
    """
    _require(edges, ("from_id", "to_id"), "edges")
    pairs = tuple(sorted(zip(edges["from_id"].tolist(), edges["to_id"].tolist(), strict=True)))
    return dict(_layout(pairs, int(seed)))


def _node_status(nodes: list, services: set, reach_before: pd.Series, reach_after: pd.Series,
                 removed: set) -> list[str]:
    status = []
    for n in nodes:
        if n in removed:
            status.append("closed")
        elif n in services:
            status.append("service")
        elif reach_after.get(n, 0) > 0:
            status.append("reaches")
        elif reach_before.get(n, 0) > 0:
            status.append("cut")
        else:
            status.append("none")
    return status


def plot_referral_network(edges: pd.DataFrame, services: set, reach_before: pd.Series,
                          reach_after: pd.Series | None = None, *, removed: Sequence = (),
                          year: int = 2019, k: int = 2, label: dict | None = None,
                          synthetic: bool = True, ax=None) -> Figure:
    """The referral network: services, organisations reaching help, and those cut off.

    ``reach_before`` and ``reach_after`` are the services within ``k`` steps of every
    organisation before and after closing ``removed``
    (:func:`wijkwijs.havenstad.infrastructure.referral_reach_of_organisations`). The
    closed organisations are drawn as black crosses; ``label`` maps ids to names to
    write beside their node.
    """
    _require(edges, ("from_id", "to_id"), "edges")
    fig, ax = _axes(ax, (6.4, 5.0))
    pos = network_layout(edges)
    nodes = list(pos)
    xy = np.array([pos[n] for n in nodes])
    index = {n: i for i, n in enumerate(nodes)}
    removed_set = set(removed)
    after = reach_before if reach_after is None else reach_after
    segments = [(xy[index[u]], xy[index[v]]) for u, v in zip(edges["from_id"], edges["to_id"],
                                                             strict=True)]
    from matplotlib.collections import LineCollection

    lines = LineCollection(segments, colors="#999999", linewidths=0.6, alpha=0.7, zorder=1)
    ax.add_collection(lines)
    status = _node_status(nodes, set(services), reach_before, after, removed_set)
    ax.scatter(xy[:, 0], xy[:, 1], s=[45 if s == "service" else 28 for s in status],
               c=[NODE_COLOURS[s] for s in status],
               marker="o", edgecolor="white", linewidth=0.5, zorder=2)
    gone = [index[n] for n in removed_set if n in index]
    if gone:
        ax.scatter(xy[gone, 0], xy[gone, 1], s=110, marker="X", color="#000000", zorder=3)
    for n, text in (label or {}).items():
        if n in index:
            ax.annotate(text, xy[index[n]], xytext=(4, 4), textcoords="offset points",
                        fontsize=7)
    handles = [Line2D([], [], marker="o", linestyle="", color=NODE_COLOURS[s],
                      label=i18n.t(f"infra6.node.{s}", k=k))
               for s in ("service", "reaches", "cut", "none")]
    handles.append(Line2D([], [], marker="X", linestyle="", color="#000000",
                          label=i18n.t("infra6.node.closed")))
    ax.legend(handles=handles, loc="upper left", fontsize=7, framealpha=0.8)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.autoscale_view()
    label_axes(ax, i18n.t("infra6.network_title", year=year), i18n.t("infra6.network_x"), "")
    if synthetic:
        mark_synthetic(ax)
    return fig


def _nice_ceiling(value: float, steps: Sequence[float] = (5, 10, 20, 50, 100, 200, 500, 1000)
                  ) -> float:
    """The smallest of ``steps`` at or above ``value`` (the largest if none is)."""
    for step in steps:
        if value <= step:
            return float(step)
    return float(steps[-1])


class ClosurePanels:
    """The closure explorer's figure: the network (left) and who loses help (right).

    Drawn once as a background (:class:`wijkwijs.figures.blit.BlitFigure`); a change
    only recolours the nodes, moves the cross of the closed organisation and changes the
    bars, so a frame costs little more than encoding the PNG. The bars' scale is one of a
    few fixed ceilings: the background is drawn again only when the ceiling changes.

    Parameters
    ----------
    figure
        The explorer's figure (it is cleared).
    edges, services
        The referral links of the year and the ids of the services.
    year
        The year, for the title.
    ceiling
        The highest bar that will be shown (households per 1,000): fixes the bars'
        scale, so the background never needs drawing again. ``None``: a scale that
        follows the bars.
    dpi
        Resolution of the frames.
    """

    def __init__(self, figure: Figure, edges: pd.DataFrame, services: set, *,
                 year: int = 2019, ceiling: float | None = None, dpi: float = 90) -> None:
        from matplotlib.collections import LineCollection

        from wijkwijs.figures.blit import BlitFigure

        self.figure, self.edges, self.services, self.year = figure, edges, set(services), year
        fig = figure
        fig.clear()
        self.network = fig.add_axes((0.01, 0.02, 0.55, 0.88))
        self.bars_ax = fig.add_axes((0.66, 0.2, 0.32, 0.66))
        pos = network_layout(edges)
        self.nodes = list(pos)
        self.xy = np.array([pos[n] for n in self.nodes])
        index = {n: i for i, n in enumerate(self.nodes)}
        segments = [(self.xy[index[u]], self.xy[index[v]])
                    for u, v in zip(edges["from_id"], edges["to_id"], strict=True)]
        self.network.add_collection(LineCollection(segments, colors="#999999", linewidths=0.6,
                                                   alpha=0.7, zorder=1))
        self.points = self.network.scatter(self.xy[:, 0], self.xy[:, 1], s=28, c="#BDBDBD",
                                           edgecolor="white", linewidth=0.5, zorder=2)
        self.cross = self.network.scatter([np.nan], [np.nan], s=130, marker="X",
                                          color="#000000", zorder=3)
        self.network.set_xticks([])
        self.network.set_yticks([])
        self.network.autoscale_view()
        self.network.set_title(i18n.t("infra6.network_title", year=year), fontsize=10)
        handles = [Line2D([], [], marker="o", linestyle="", color=NODE_COLOURS[s],
                          label=i18n.t(f"infra6.node.{s}", k="k"))
                   for s in ("service", "reaches", "cut", "none")]
        handles.append(Line2D([], [], marker="X", linestyle="", color="#000000",
                              label=i18n.t("infra6.node.closed")))
        self.network.legend(handles=handles, loc="upper left", fontsize=7, framealpha=0.8)
        mark_synthetic(self.network)
        self.k_text = self.network.text(0.01, 0.01, "", transform=self.network.transAxes,
                                        fontsize=8, va="bottom", color="#333333")
        ax = self.bars_ax
        self.bars = None
        ax.set_title(i18n.t("infra6.losing_title"), fontsize=10)
        ax.set_ylabel(i18n.t("infra6.losing_y"), fontsize=9)
        self.frames = BlitFigure(fig, dpi=dpi)
        self.fixed_ceiling = None if ceiling is None else _nice_ceiling(float(ceiling) * 1.15)
        self.ceiling = None

    def draw(self, *, removed: Sequence, reach_before: pd.Series, reach_after: pd.Series,
             losing: pd.DataFrame, k: int = 2) -> None:
        """Update the artists for closing ``removed`` (without rendering).

        ``losing`` is :func:`wijkwijs.havenstad.infrastructure.closure_by_income_group`,
        ``k`` the referral steps the reach was computed with.
        """
        self.k_text.set_text(i18n.t("infra6.k_note", k=k))
        removed = set(removed)
        status = _node_status(self.nodes, self.services, reach_before, reach_after, removed)
        self.points.set_facecolors([NODE_COLOURS[s] for s in status])
        self.points.set_sizes([45 if s == "service" else 28 for s in status])
        gone = [i for i, n in enumerate(self.nodes) if n in removed]
        self.cross.set_offsets(self.xy[gone] if gone else np.array([[np.nan, np.nan]]))
        heights = 1000 * losing["share_losing"].to_numpy()
        ax = self.bars_ax
        if self.bars is None:
            labels = [_category_label("income_group", g) for g in losing.index]
            self.bars = ax.bar(labels, heights, color=NODE_COLOURS["cut"])
            ax.tick_params(axis="x", labelsize=7, rotation=20)
            self.bar_labels = [ax.text(b.get_x() + b.get_width() / 2, 0, "", ha="center",
                                       va="bottom", fontsize=8) for b in self.bars]
        for bar, label, h, n in zip(self.bars, self.bar_labels, heights,
                                    losing["losing_all_help"], strict=True):
            bar.set_height(h)
            label.set_y(h)
            label.set_text(f"{int(n)}")
        ceiling = self.fixed_ceiling or _nice_ceiling(float(heights.max()) * 1.2)
        if ceiling != self.ceiling:
            ax.set_ylim(0, ceiling)
            self.ceiling = ceiling
            self._frozen = False

    def show(self, **state) -> bytes:
        """:meth:`draw` the state and return the figure as a PNG."""
        self.draw(**state)
        if not getattr(self, "_frozen", False):
            self.frames.freeze([self.points, self.cross, self.k_text, *self.bars,
                                *self.bar_labels])
            self._frozen = True
        return self.frames.frame()


# -- 6.4 time, imposition and disruption -------------------------------------------------
def _growth_events(run: pd.DataFrame) -> list[tuple[int, str]]:
    events = []
    moved = run.loc[run["moved"] > 0, "year"]
    events += [(int(y), "demolition") for y in moved]
    is_open = run["centre_open"].to_numpy(dtype=bool)
    for i in range(1, len(run)):
        if is_open[i - 1] and not is_open[i]:
            events.append((int(run["year"].iloc[i]), "closure"))
        elif not is_open[i - 1] and is_open[i]:
            events.append((int(run["year"].iloc[i]), "reopening"))
    return events


def _growth_shares(run: pd.DataFrame) -> list[np.ndarray]:
    return [run["participants"].to_numpy() / run["residents"].to_numpy(),
            run["share_with_tie"].to_numpy(), run["share_with_cross_tie"].to_numpy()]


_GROWTH_STYLES = ({"color": CATEGORICAL[0]}, {"color": CATEGORICAL[1], "linestyle": "--"},
                  {"color": CATEGORICAL[3], "linewidth": 2.2})
_GROWTH_LABELS = ("infra6.share_part", "infra6.share_tie", "infra6.share_cross")
_GROWTH_COLUMNS = ("year", "residents", "participants", "share_with_tie",
                   "share_with_cross_tie", "moved", "centre_open")


def plot_growth(run: pd.DataFrame, *, ax=None) -> Figure:
    """Shares of the residents taking part, with a tie, with a tie across groups, by year.

    ``run`` is :func:`wijkwijs.models.growth.simulate_growth`; a demolition, closure or
    reopening is marked with a vertical line.
    """
    _require(run, _GROWTH_COLUMNS, "run")
    fig, ax = _axes(ax)
    x = run["year"].to_numpy()
    for y, style, key in zip(_growth_shares(run), _GROWTH_STYLES, _GROWTH_LABELS, strict=True):
        ax.plot(x, y, label=i18n.t(key), **style)
    for year, kind in _growth_events(run):
        ax.axvline(year, color="#555555", linestyle=":", linewidth=1)
        ax.text(year, 1.02, f" {i18n.t(f'infra6.{kind}')}", fontsize=8, va="top",
                color="#333333")
    label_axes(ax, i18n.t("infra6.growth_title"), i18n.t("infra6.growth_x"),
               i18n.t("infra6.growth_y"))
    ax.set_xlim(0, x.max())
    ax.set_ylim(0, 1.05)
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    ax.text(0.99, 0.01, i18n.t("infra6.model_note"), transform=ax.transAxes, fontsize=8,
            ha="right", va="bottom", style="italic", color="#333333")
    return fig


class GrowthLines:
    """The growth explorer's axis (the lines of :func:`plot_growth`), updated in place.

    :meth:`show` draws the figure once as a background and returns PNG frames
    (:class:`wijkwijs.figures.blit.BlitFigure`): only the lines and the event markers
    are redrawn, and the background only when the x-axis changes (never with a fixed
    ``x_max``).

    >>> from matplotlib.figure import Figure
    >>> from wijkwijs.models.growth import simulate_growth
    >>> lines = GrowthLines(Figure().add_subplot())
    >>> lines.show(simulate_growth(years=5, seed=1))[:4] == b"\\x89PNG"
    True
    """

    def __init__(self, ax, *, x_max: int | None = None, dpi: float = 90) -> None:
        self.ax = ax
        self.dpi = dpi
        self.x_max = x_max
        self.lines: list[Line2D] = []
        self.markers: list = []
        self._frames = None
        self._years: int | None = None
        self._frozen = False

    def _first(self) -> None:
        ax = self.ax
        for style, key in zip(_GROWTH_STYLES, _GROWTH_LABELS, strict=True):
            (line,) = ax.plot([], [], label=i18n.t(key), **style)
            self.lines.append(line)
        label_axes(ax, i18n.t("infra6.growth_title"), i18n.t("infra6.growth_x"),
                   i18n.t("infra6.growth_y"))
        ax.set_ylim(0, 1.05)
        ax.legend(loc="upper left", fontsize=8, frameon=False)
        ax.text(0.99, 0.01, i18n.t("infra6.model_note"), transform=ax.transAxes,
                fontsize=8, ha="right", va="bottom", style="italic", color="#333333")
        for _ in range(3):  # at most a demolition, a closure and a reopening
            vline = ax.axvline(0, color="#555555", linestyle=":", linewidth=1, visible=False)
            text = ax.text(0, 1.02, "", fontsize=8, va="top", color="#333333", visible=False)
            self.markers.append((vline, text))

    def draw(self, run: pd.DataFrame) -> None:
        """Update the lines and markers for ``run`` (a ``simulate_growth`` table)."""
        _require(run, _GROWTH_COLUMNS, "run")
        x = run["year"].to_numpy()
        if not self.lines:
            self._first()
        for line, y in zip(self.lines, _growth_shares(run), strict=True):
            line.set_data(x, y)
        years = self.x_max or max(1, int(x.max()))
        if years != self._years:
            self.ax.set_xlim(0, years)
            self._years = years
            self._frozen = False
        events = _growth_events(run)
        for i, (vline, text) in enumerate(self.markers):
            if i < len(events):
                year, kind = events[i]
                vline.set_xdata([year, year])
                text.set_x(year)
                text.set_text(f" {i18n.t(f'infra6.{kind}')}")
            vline.set_visible(i < len(events))
            text.set_visible(i < len(events))

    def show(self, run: pd.DataFrame) -> bytes:
        """:meth:`draw` ``run`` and return the figure as a PNG."""
        from wijkwijs.figures.blit import BlitFigure

        self.draw(run)
        if self._frames is None:
            self._frames = BlitFigure(self.ax.figure, dpi=self.dpi)
        if not self._frozen:
            self._frames.freeze([*self.lines, *(a for pair in self.markers for a in pair)])
            self._frozen = True
        return self._frames.frame()


def plot_relocation(table: pd.DataFrame, demolition_year: int, *, synthetic: bool = True,
                    ax=None) -> Figure:
    """Participants of the closed centre and of its successor, year by year.

    ``table`` is :func:`wijkwijs.havenstad.infrastructure.relocation_participation`.
    """
    _require(table, ("old_centre", "successor", "successor_from_old"), "table")
    fig, ax = _axes(ax)
    years = table.index.to_numpy()
    old = table["old_centre"].where(table.index < demolition_year)
    new = table["successor"].where(table.index >= demolition_year)
    ax.plot(years, old, marker="o", color=CATEGORICAL[0], label=i18n.t("infra6.old_centre"))
    ax.plot(years, new, marker="s", color=CATEGORICAL[1], label=i18n.t("infra6.successor"))
    ax.bar(years, table["successor_from_old"].where(table.index >= demolition_year), 0.6,
           color=CATEGORICAL[3], label=i18n.t("infra6.successor_from_old"))
    top = float(table[["old_centre", "successor"]].to_numpy().max()) * 1.35
    ax.set_ylim(0, max(top, 10.0))
    ax.axvline(demolition_year - 0.5, color="#555555", linestyle=":", linewidth=1)
    ax.text(demolition_year - 0.45, top * 0.97, i18n.t("infra6.demolition"), fontsize=8,
            va="top")
    label_axes(ax, i18n.t("infra6.relocation_title"), i18n.t("infra6.relocation_x"),
               i18n.t("infra6.relocation_y"))
    ax.legend(loc="upper left", fontsize=8, bbox_to_anchor=(0.0, 0.9))
    if synthetic:
        mark_synthetic(ax, "upper right")
    return fig
