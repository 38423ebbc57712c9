"""The map of Havenstad's social infrastructure (chapter 6): buurten and organisations.

:func:`infrastructure_map` colours the city's buurten by one measure of
:mod:`wijkwijs.havenstad.infrastructure` (the mix of types, meeting places per 1,000
residents, or the share of homes within 400 m or 800 m of a meeting place) and puts the
open organisations on top, one switchable layer per kind (the twelve types merged into
the eight kinds of :data:`wijkwijs.havenstad.places.ORGANISATION_KINDS`, as the
colour-blind-safe palette has eight colours): switching layers on and off in the layer
control gives a map per type. Offline, escaped, without tiles, labelled synthetic
(:mod:`wijkwijs.maps.builders`).

>>> m = infrastructure_map(2019, "within_400m")
>>> html = m.get_root().render()
>>> "Synthetic city" in html and "Community centre" in html
True
"""

from __future__ import annotations

from collections.abc import Sequence

import folium

from wijkwijs import i18n
from wijkwijs._validate import check_choice
from wijkwijs.havenstad import infrastructure as hi
from wijkwijs.havenstad import places
from wijkwijs.havenstad.constants import TIE_YEAR
from wijkwijs.maps.builders import add_organisations, choropleth

__all__ = ["KIND_KEYS", "MAP_COLUMNS", "infrastructure_map"]

#: The measures a map can show, and their number formats.
MAP_COLUMNS: dict[str, str] = {"mix_shannon": ".2f", "meeting_places_per_1000": ".1f",
                               "within_400m": ".0%", "within_800m": ".0%"}
#: The merged kinds of :data:`~wijkwijs.havenstad.places.ORGANISATION_KINDS` by key.
KIND_KEYS: dict[str, str] = {kind: "infra6.kind." + kind.split(" ")[0].replace("é", "e")
                             for kind in dict.fromkeys(places.ORGANISATION_KINDS.values())}

i18n.register({
    "infra6.kind.community": {"en": "Community centre", "nl": "Buurthuis"},
    "infra6.kind.youth": {"en": "Youth space", "nl": "Jongerenplek"},
    "infra6.kind.welfare": {"en": "Welfare or volunteering",
                            "nl": "Welzijn of vrijwilligerswerk"},
    "infra6.kind.church": {"en": "Church or mosque", "nl": "Kerk of moskee"},
    "infra6.kind.sports": {"en": "Sports", "nl": "Sport"},
    "infra6.kind.cafe": {"en": "Café or shop", "nl": "Café of winkel"},
    "infra6.kind.library": {"en": "Library or school", "nl": "Bibliotheek of school"},
    "infra6.kind.municipal": {"en": "Municipal service", "nl": "Gemeentelijke dienst"},
    "infra6.map.mix_shannon": {"en": "Mix of types (0–1)", "nl": "Mix van soorten (0–1)"},
    "infra6.map.meeting_places_per_1000": {"en": "Meeting places per 1,000 residents",
                                           "nl": "Ontmoetingsplekken per 1.000 inwoners"},
    "infra6.map.within_400m": {"en": "Homes within 400 m of a meeting place",
                               "nl": "Woningen binnen 400 m van een ontmoetingsplek"},
    "infra6.map.within_800m": {"en": "Homes within 800 m of a meeting place",
                               "nl": "Woningen binnen 800 m van een ontmoetingsplek"},
    "infra6.map.title": {"en": "Social infrastructure of Havenstad, {year} (synthetic city)",
                         "nl": "Sociale infrastructuur van Havenstad, {year} (synthetische stad)"},
    "infra6.map.buurt": {"en": "buurt", "nl": "buurt"},
    "infra6.map.organisations": {"en": "organisations", "nl": "organisaties"},
    "infra6.map.meeting_places": {"en": "meeting places", "nl": "ontmoetingsplekken"},
    "infra6.map.legend": {"en": "Organisations (switch kinds on and off top right)",
                          "nl": "Organisaties (zet soorten aan en uit rechtsboven)"},
})


def infrastructure_map(year: int = TIE_YEAR, column: str = "mix_shannon", *,
                       kinds: Sequence[str] | None = None, organisations: bool = True,
                       k: int = 5) -> folium.Map:
    """The city's buurten coloured by ``column``, with the open organisations on top.

    Parameters
    ----------
    year
        The year (organisations open that year).
    column
        One of :data:`MAP_COLUMNS`: ``"mix_shannon"`` (Pielou's evenness of the
        types), ``"meeting_places_per_1000"``, ``"within_400m"`` or ``"within_800m"``.
    kinds
        The merged kinds to show (English names of
        :data:`~wijkwijs.havenstad.places.ORGANISATION_KINDS`, e.g. ``["community
        centre"]``); ``None`` for all, each its own layer.
    organisations
        Put the organisations on the map (``False``: the choropleth alone).
    k
        The number of classes of the choropleth (quantiles).

    Returns
    -------
    folium.Map
    """
    check_choice(column, tuple(MAP_COLUMNS), "column")
    buurten = places.polygons()
    inventory = hi.inventory_by_buurt(year)
    measures = inventory.join(hi.reach_by_buurt(year))
    labels = {"name": i18n.t("infra6.map.buurt"),
              "organisations": i18n.t("infra6.map.organisations"),
              "meeting_places": i18n.t("infra6.map.meeting_places"),
              column: i18n.t(f"infra6.map.{column}")}
    wanted = list(dict.fromkeys(["organisations", "meeting_places", column]))
    gdf = buurten.join(measures[wanted], on="code").rename(columns=labels)
    m = choropleth(gdf, labels[column], title=i18n.t("infra6.map.title", year=year), k=k,
                   tooltip_columns=[labels[c] for c in ["name", *wanted]],
                   value_format=MAP_COLUMNS[column])
    if not organisations:
        return m
    orgs = places.organisation_points(year)
    if kinds is not None:
        unknown = sorted(set(kinds) - set(KIND_KEYS))
        if unknown:
            raise ValueError(f"kinds: {unknown[0]!r} is not a kind; choose from "
                             f"{', '.join(KIND_KEYS)}.")
        orgs = orgs[orgs["kind"].isin(list(kinds))]
    orgs = orgs.assign(shown=orgs["kind"].map(lambda kind: i18n.t(KIND_KEYS[kind])))
    order = [i18n.t(KIND_KEYS[kind]) for kind in KIND_KEYS]
    orgs = orgs.iloc[orgs["shown"].map(order.index).argsort(kind="stable")]
    return add_organisations(m, orgs, type_column="shown", name_column="name", radius=5,
                             legend_title=i18n.t("infra6.map.legend"))
