"""Interactive maps of neighbourhood indicators, built on folium and Leaflet.

A *choropleth* colours every neighbourhood (*buurt*) by the class its value falls
in. How the classes are cut matters as much as the colours: the same data can
look segregated or mixed depending on the *classification scheme* (Jenks 1977;
Brewer & Pickle 2002, *Evaluation of methods for classifying epidemiological
data on choropleth maps in series*). This module implements three schemes itself,
as plain functions that return the upper bound of every class:

* :func:`quantile_breaks` — every class holds (about) the same number of units;
* :func:`natural_breaks` — Fisher's (1958) exact optimal partition, popularised
  by Jenks (1977) as "natural breaks": the classes that minimise the sum of
  squared deviations from the class means;
* :func:`equal_interval_breaks` — classes of equal width between the minimum and
  the maximum.

Three rules hold for every map made here:

1. **Colour-blind safe.** Ordered values use colours sampled from matplotlib's
   ``cividis`` (or ``viridis``); categories use the Okabe–Ito palette of
   :mod:`wijkwijs.style`.
2. **Every text is HTML-escaped.** Titles, legend entries, layer names,
   tooltips, popups and organisation names are escaped in Python before they
   reach the page, so an organisation called ``<script>alert(1)</script>`` shows
   exactly that text. (folium's own ``GeoJsonTooltip`` and ``Tooltip`` insert
   values as raw HTML, so they are not used.)
3. **Offline.** :func:`offline` (applied by every builder here) replaces the
   CDN links that folium would put in the page by inline copies of Leaflet and
   jQuery from the installed XStatic packages, with Leaflet's images as data
   URIs. A map of the synthetic city makes no network request at all.

The synthetic city (Havenstad) is drawn without tiles, on Leaflet's flat
``CRS.Simple`` with coordinates in metres, and labelled "synthetic city — not a
real place", so a fictional city is never drawn over a real map. For a real
place, pass ``crs="EPSG3857"`` and, only if you want a background map,
``tiles="OpenStreetMap"``: the tiles are then fetched from the internet. Without a
connection the tiles stay blank but the polygons, markers and legends still
draw, since everything else is inline.

Examples
--------
>>> import geopandas as gpd
>>> from shapely.geometry import Point, box
>>> gdf = gpd.GeoDataFrame(
...     {"code": ["BU01", "BU02", "BU03", "BU04"], "income": [21.0, 25.5, 31.0, 48.2]},
...     geometry=[box(0, 0, 500, 500), box(500, 0, 1000, 500),
...               box(0, 500, 500, 1000), box(500, 500, 1000, 1000)])
>>> m = choropleth(gdf, "income", title="Income", k=2, tooltip_columns=["code", "income"])
>>> html = m.get_root().render()
>>> "quantiles, 2 classes" in html, "cdn.jsdelivr.net" in html
(True, False)
>>> orgs = gpd.GeoDataFrame({"name": ["Buurthuis De Brug"], "type": ["community centre"]},
...                         geometry=[Point(250, 250)])
>>> m = add_organisations(m, orgs)
>>> "Buurthuis De Brug" in m.get_root().render()
True
"""

from __future__ import annotations

import base64
import functools
import html
import json
import math
import mimetypes
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import branca.element
import folium
import numpy as np
import pandas as pd
from folium.utilities import JsCode
from jinja2 import Template

from wijkwijs import _validate
from wijkwijs.i18n import register, t
from wijkwijs.figures import CATEGORICAL, SEQUENTIAL_CMAP

__all__ = [
    "NO_DATA_COLOUR",
    "SCHEMES",
    "add_organisations",
    "base_map",
    "choropleth",
    "class_breaks",
    "classify",
    "equal_interval_breaks",
    "natural_breaks",
    "offline",
    "quantile_breaks",
    "sequential_palette",
]

register({
    "maps.scheme.quantiles": {"en": "quantiles", "nl": "kwantielen"},
    "maps.scheme.natural_breaks": {
        "en": "natural breaks (Jenks)", "nl": "natuurlijke grenzen (Jenks)"},
    "maps.scheme.equal_interval": {"en": "equal intervals", "nl": "gelijke intervallen"},
    "maps.legend.classes": {"en": "{scheme}, {k} classes", "nl": "{scheme}, {k} klassen"},
    "maps.legend.one_class": {"en": "{scheme}, 1 class", "nl": "{scheme}, 1 klasse"},
    "maps.legend.no_data": {"en": "no data", "nl": "geen gegevens"},
    "maps.synthetic_label": {
        "en": "Synthetic city — not a real place",
        "nl": "Synthetische stad — geen echte plek"},
    "maps.organisations": {"en": "Organisations", "nl": "Organisaties"},
    "maps.organisation_type": {"en": "type", "nl": "soort"},
})

#: The classification schemes that :func:`class_breaks` knows.
SCHEMES: tuple[str, ...] = ("quantiles", "natural_breaks", "equal_interval")
#: Fill colour of units without a value (a neutral grey, distinct from cividis).
NO_DATA_COLOUR = "#BDBDBD"
_SEQUENTIAL_CMAPS = ("cividis", "viridis")
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
_CRSES = ("Simple", "EPSG3857", "EPSG4326")


# --------------------------------------------------------------------------------------
# Classification schemes
# --------------------------------------------------------------------------------------

def _check_k(values: np.ndarray, k: int, name: str = "values") -> int:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
        raise ValueError(f"k must be a whole number of classes; got {k!r}.")
    k = int(k)
    if k < 1:
        raise ValueError(f"k must be at least 1; got {k}.")
    distinct = np.unique(values).size
    if k > distinct:
        raise ValueError(
            f"k={k} classes is too many: {name} has only {distinct} distinct "
            f"value{'s' if distinct != 1 else ''}; choose k <= {distinct}."
        )
    return k


def quantile_breaks(values: Any, k: int = 5) -> np.ndarray:
    """Upper bounds of ``k`` quantile classes, each holding about ``n / k`` units.

    The bound of class ``i`` (``i = 1 … k``) is the ``100·i/k``-th percentile of the
    values, with linear interpolation between order statistics (numpy's default,
    as in PySAL's ``mapclassify.Quantiles``). The last bound is the maximum.

    A value ``v`` belongs to class ``i`` when ``bound[i-1] < v <= bound[i]``
    (see :func:`classify`).

    Raises ``ValueError`` when ties make two bounds equal, because the map would
    then show fewer classes than asked for.

    Examples
    --------
    >>> quantile_breaks([1, 2, 3, 4, 5, 6, 7, 8], k=4).tolist()
    [2.75, 4.5, 6.25, 8.0]
    >>> quantile_breaks([0, 0, 0, 0, 0, 1, 2], k=3)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: quantiles give only 2 distinct class bounds for k=3 because many values ...
    """
    x = _validate.as_values(values)
    k = _check_k(x, k)
    bounds = np.percentile(x, 100.0 * np.arange(1, k + 1) / k)
    bounds[-1] = x.max()
    unique = np.unique(bounds)
    if unique.size < k:
        vals, counts = np.unique(x, return_counts=True)
        top = int(np.argmax(counts))
        raise ValueError(
            f"quantiles give only {unique.size} distinct class bounds for k={k} because "
            f"many values are tied (e.g. {vals[top]:g} occurs {counts[top]} times); "
            f"choose k <= {unique.size} or scheme='natural_breaks'."
        )
    return bounds


def equal_interval_breaks(values: Any, k: int = 5) -> np.ndarray:
    """Upper bounds of ``k`` classes of equal width between the minimum and maximum.

    ``bound[i] = min + i · (max − min) / k`` for ``i = 1 … k``; the last bound is
    exactly the maximum. Classes may be empty when the values are skewed.

    Examples
    --------
    >>> equal_interval_breaks([0, 1, 2, 10], k=4).tolist()
    [2.5, 5.0, 7.5, 10.0]
    """
    x = _validate.as_values(values)
    k = _check_k(x, k)
    low, high = float(x.min()), float(x.max())
    bounds = low + (high - low) * np.arange(1, k + 1) / k
    bounds[-1] = high
    return bounds


def natural_breaks(values: Any, k: int = 5) -> np.ndarray:
    """Upper bounds of the ``k`` classes with the smallest within-class variance.

    Fisher's (1958, *On grouping for maximum homogeneity*) exact dynamic
    programme, known in cartography as Jenks' natural breaks (Jenks 1977,
    *Optimal data classification for choropleth maps*). Among all ways to cut the
    sorted values into ``k`` contiguous groups it returns one minimising

    .. math:: \\sum_{c=1}^{k} \\sum_{i \\in c} (x_i - \\bar x_c)^2 .

    The programme runs over the distinct values (weighted by how often they
    occur), in ``O(k · m²)`` time for ``m`` distinct values: instant for the
    few hundred neighbourhoods of a city. Every bound is a data value and the
    last bound is the maximum.

    Examples
    --------
    >>> natural_breaks([1, 2, 3, 10, 11, 12, 30], k=3).tolist()
    [3.0, 12.0, 30.0]
    >>> natural_breaks([4, 4, 4, 9], k=2).tolist()
    [4.0, 9.0]
    """
    x = _validate.as_values(values)
    k = _check_k(x, k)
    vals, counts = np.unique(x, return_counts=True)
    m = vals.size
    w = counts.astype(float)
    # prefix sums: S*[j] = sum over the first j distinct values
    sw = np.concatenate([[0.0], np.cumsum(w)])
    sx = np.concatenate([[0.0], np.cumsum(w * vals)])
    sxx = np.concatenate([[0.0], np.cumsum(w * vals * vals)])

    def ssd(i: np.ndarray, j: int) -> np.ndarray:
        """Sum of squared deviations of distinct values i..j-1 (vectorised over i)."""
        n = sw[j] - sw[i]
        s = sx[j] - sx[i]
        return np.maximum(sxx[j] - sxx[i] - s * s / n, 0.0)

    # cost[c][j]: best cost of putting the first j distinct values into c + 1 classes
    cost = np.full((k, m + 1), np.inf)
    start = np.zeros((k, m + 1), dtype=int)  # first distinct value of the last class
    cost[0, 1:] = ssd(np.zeros(m, dtype=int), np.arange(1, m + 1))
    for c in range(1, k):
        for j in range(c + 1, m + 1):
            i = np.arange(c, j)  # the last class holds values i..j-1
            total = cost[c - 1, i] + ssd(i, j)
            best = int(np.argmin(total))
            cost[c, j] = total[best]
            start[c, j] = i[best]
    bounds = np.empty(k)
    j = m
    for c in range(k - 1, -1, -1):
        bounds[c] = vals[j - 1]
        j = start[c, j] if c > 0 else 0
    return bounds


def class_breaks(values: Any, scheme: str = "quantiles", k: int = 5) -> np.ndarray:
    """Upper class bounds for ``values`` under ``scheme`` (one of :data:`SCHEMES`).

    >>> class_breaks([1, 2, 3, 4], "equal_interval", k=3).tolist()
    [2.0, 3.0, 4.0]
    >>> class_breaks([1, 2], "jenks")
    Traceback (most recent call last):
    ...
    ValueError: unknown scheme 'jenks'; choose one of quantiles, natural_breaks, equal_interval.
    """
    functions = {"quantiles": quantile_breaks, "natural_breaks": natural_breaks,
                 "equal_interval": equal_interval_breaks}
    if scheme not in functions:
        raise ValueError(f"unknown scheme {scheme!r}; choose one of {', '.join(SCHEMES)}.")
    return functions[scheme](values, k)


def classify(values: Any, bounds: Any) -> np.ndarray:
    """Class index (0 … k−1) of every value, given the upper class ``bounds``.

    Value ``v`` is in class ``i`` when ``bounds[i-1] < v <= bounds[i]``; values
    at or below the first bound are in class 0.

    >>> classify([1, 2.75, 3, 8], [2.75, 4.5, 6.25, 8.0]).tolist()
    [0, 0, 1, 3]
    """
    x = _validate.as_values(values)
    b = _validate.as_values(bounds, "bounds")
    if np.any(np.diff(b) <= 0):
        raise ValueError("bounds must be strictly increasing.")
    if x.max() > b[-1]:
        raise ValueError(f"value {x.max():g} lies above the last bound {b[-1]:g}.")
    return np.searchsorted(b, x, side="left")


# --------------------------------------------------------------------------------------
# Palettes
# --------------------------------------------------------------------------------------

def sequential_palette(k: int, cmap: str = SEQUENTIAL_CMAP) -> list[str]:
    """``k`` hex colours sampled evenly from a colour-blind-safe matplotlib map.

    ``cmap`` is ``"cividis"`` (the course default) or ``"viridis"``; colours run
    from dark (low values) to light (high values).

    >>> colours = sequential_palette(5)
    >>> len(colours), colours[0], colours[-1]
    (5, '#00224E', '#FEE838')
    """
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    if cmap not in _SEQUENTIAL_CMAPS:
        raise ValueError(
            f"palette {cmap!r} is not one of the colour-blind-safe sequential maps "
            f"{', '.join(_SEQUENTIAL_CMAPS)}; or pass a list of hex colours."
        )
    if int(k) < 1:
        raise ValueError(f"k must be at least 1; got {k}.")
    positions = np.linspace(0.0, 1.0, int(k)) if k > 1 else np.array([0.5])
    return [to_hex(colormaps[cmap](p)).upper() for p in positions]


def _palette(palette: str | Sequence[str], k: int) -> list[str]:
    if isinstance(palette, str):
        return sequential_palette(k, palette)
    colours = list(palette)
    if len(colours) != k:
        raise ValueError(f"palette has {len(colours)} colours but there are {k} classes.")
    for i, colour in enumerate(colours):
        if not isinstance(colour, str) or not _HEX.match(colour):
            raise ValueError(f"palette colour at position {i} is {colour!r}; expected '#RRGGBB'.")
    return colours


# --------------------------------------------------------------------------------------
# Escaping helpers
# --------------------------------------------------------------------------------------

def _esc(value: Any) -> str:
    """HTML-escape any value for display as text."""
    return html.escape(str(value), quote=True)


def _js_string(text: str) -> str:
    """A JavaScript string literal that is safe inside a ``<script>`` element."""
    return (json.dumps(text, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _format_number(value: float, spec: str | None = None) -> str:
    if spec is not None:
        return format(value, spec)
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    magnitude = math.floor(math.log10(abs(value)))
    decimals = 0 if magnitude >= 3 else min(max(2 - magnitude, 0), 4)
    return f"{value:,.{decimals}f}"


def _format_value(value: Any, spec: str | None = None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, np.integer)):
        return f"{int(value):,}" if spec is None else format(int(value), spec)
    if isinstance(value, (float, np.floating)):
        return _format_number(float(value), spec)
    return str(value)


def _table_html(rows: Sequence[tuple[str, str]]) -> str:
    """An HTML table of (label, value) rows; both are escaped here."""
    cells = "".join(
        f'<tr><th style="text-align:left;padding-right:8px">{_esc(label)}</th>'
        f"<td>{_esc(value)}</td></tr>" for label, value in rows)
    return f'<table class="wijkwijs-table">{cells}</table>'


# --------------------------------------------------------------------------------------
# Map elements: controls and content bound safely from Python
# --------------------------------------------------------------------------------------

_BOX_STYLE = ("background:rgba(255,255,255,0.92);padding:6px 10px;border-radius:4px;"
              "box-shadow:0 1px 4px rgba(0,0,0,0.35);font:13px/1.4 system-ui,-apple-system,"
              "'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#222;")


class HtmlControl(folium.MacroElement):
    """A Leaflet control (a box in a map corner) showing ready-made HTML.

    The HTML is built by this module with every text escaped; it is passed to
    the page as a JavaScript string, never through a template literal.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: {{ this.position_js }}});
        {{ this.get_name() }}.onAdd = function (map) {
            var div = L.DomUtil.create("div", {{ this.class_js }});
            div.innerHTML = {{ this.html_js }};
            L.DomEvent.disableClickPropagation(div);
            L.DomEvent.disableScrollPropagation(div);
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, html_text: str, position: str = "bottomright",
                 css_class: str = "wijkwijs-control"):
        super().__init__()
        self._name = "HtmlControl"
        if position not in ("topleft", "topright", "bottomleft", "bottomright"):
            raise ValueError(f"position {position!r} is not a Leaflet corner.")
        self.html = html_text
        self.html_js = _js_string(html_text)
        self.position_js = _js_string(position)
        self.class_js = _js_string(css_class)


class _BindText(folium.MacroElement):
    """Bind an escaped tooltip and/or popup to the parent Leaflet layer."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {%- if this.tooltip_js %}
        {{ this._parent.get_name() }}.bindTooltip({{ this.tooltip_js }}, {sticky: true});
        {%- endif %}
        {%- if this.popup_js %}
        {{ this._parent.get_name() }}.bindPopup({{ this.popup_js }}, {maxWidth: 320});
        {%- endif %}
        {% endmacro %}
    """)

    def __init__(self, tooltip_html: str | None = None, popup_html: str | None = None):
        super().__init__()
        self._name = "BindText"
        self.tooltip_js = _js_string(tooltip_html) if tooltip_html else ""
        self.popup_js = _js_string(popup_html) if popup_html else ""


class _MetricScale(folium.MacroElement):
    """A scale bar in metres only (on CRS.Simple one map unit is one metre)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        L.control.scale({imperial: false}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self):
        super().__init__()
        self._name = "MetricScale"


def _ensure_layer_control(m: folium.Map) -> folium.LayerControl:
    """(Re-)add an expanded LayerControl as the map's last child.

    folium's LayerControl lists the layers that exist when the page is rendered
    and must come after them in the script, so it is moved to the end whenever
    layers are added. ``collapsed=False`` needs no icon image.
    """
    for key, child in list(m._children.items()):
        if isinstance(child, folium.LayerControl):
            del m._children[key]
    control = folium.LayerControl(collapsed=False, position="topright")
    control.add_to(m)
    return control


# --------------------------------------------------------------------------------------
# Offline assets
# --------------------------------------------------------------------------------------

def _xstatic_dir(package: str) -> Path:
    import importlib

    module = importlib.import_module(f"xstatic.pkg.{package}")
    return Path(module.BASE_DIR)


_URL_IN_CSS = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")


@functools.cache
def _read_js(package: str, relative: str) -> str:
    code = (_xstatic_dir(package) / relative).read_text(encoding="utf-8")
    code = re.sub(r"^//# sourceMappingURL=.*$", "", code, flags=re.MULTILINE)
    # keep an inline script from being closed early by its own text
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE)


@functools.cache
def _read_css(package: str, relative: str, drop_truetype: bool = False) -> str:
    """Read a stylesheet and inline every file it references as a data URI."""
    path = _xstatic_dir(package) / relative
    css = path.read_text(encoding="utf-8")
    css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)
    if drop_truetype:  # the woff2 fonts suffice for every current browser
        css = re.sub(r',\s*url\([^)]*\.ttf\)\s*format\(["\']truetype["\']\)', "", css)

    def inline(match: re.Match) -> str:
        target = match.group(2).strip()
        if target.startswith(("data:", "#")):
            return match.group(0)
        if re.match(r"^[a-z]+:", target, flags=re.IGNORECASE) or target.startswith("//"):
            raise ValueError(f"{relative} refers to the external resource {target!r}.")
        file = (path.parent / target.split("?")[0].split("#")[0]).resolve()
        mime = mimetypes.guess_type(file.name)[0] or (
            "font/woff2" if file.suffix == ".woff2" else "application/octet-stream")
        data = base64.b64encode(file.read_bytes()).decode("ascii")
        return f'url("data:{mime};base64,{data}")'

    css = _URL_IN_CSS.sub(inline, css)
    return re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)


def _inline_assets(bootstrap: bool, font_awesome: bool) -> dict[str, str | None]:
    """What replaces each of folium's default links: inline HTML, or None to drop it."""
    assets: dict[str, str | None] = {
        "leaflet": f"<script>{_read_js('leaflet', 'leaflet.js')}</script>",
        "leaflet_css": f"<style>{_read_css('leaflet', 'leaflet.css')}</style>",
        # folium's Popup and a few plugins call jQuery's $(...)
        "jquery": f"<script>{_read_js('jquery', 'jquery.min.js')}</script>",
        "bootstrap": None,
        "bootstrap_css": None,
        "awesome_markers": None,
        "awesome_markers_css": None,
        "awesome_rotate_css": None,
        "glyphicons_css": None,
        "awesome_markers_font_css": None,
    }
    if bootstrap:
        assets["bootstrap"] = (
            f"<script>{_read_js('bootstrap', 'js/bootstrap.bundle.min.js')}</script>")
        assets["bootstrap_css"] = (
            f"<style>{_read_css('bootstrap', 'css/bootstrap.min.css')}</style>")
    if font_awesome:
        assets["awesome_markers_font_css"] = (
            f"<style>{_read_css('font_awesome', 'css/all.min.css', True)}</style>")
    return assets


class _OfflineFigure(branca.element.Figure):
    """A folium/branca Figure whose external script and style links are inlined.

    Every ``JSCSSMixin`` element (the Map itself, plugins) adds its links to the
    figure's header while it renders. This figure renders its children first,
    exactly like ``branca.element.Figure.render``, then swaps each link for the
    inline element of the same name, or drops it, before writing the page.
    """

    _wijkwijs_offline: dict[str, bool]

    def render(self, **kwargs) -> str:
        for child in self._children.values():
            child.render(**kwargs)
        assets = _inline_assets(**self._wijkwijs_offline)
        header = self.header._children
        replaced = {}
        for name, child in header.items():
            if isinstance(child, (branca.element.JavascriptLink, branca.element.CssLink)):
                if name not in assets:
                    raise ValueError(
                        f"this map needs {name!r} from {child.url}, which wijkwijs cannot "
                        "provide offline; remove the element that needs it."
                    )
                if assets[name] is None:
                    continue
                element = branca.element.Element(assets[name])
                element._parent = self.header
                replaced[name] = element
            else:
                replaced[name] = child
        header.clear()
        header.update(replaced)
        return self._template.render(this=self, kwargs=kwargs)


def offline(m: folium.Map, *, bootstrap: bool = False,
            font_awesome: bool = False) -> folium.Map:
    """Make ``m`` render without fetching anything from the internet.

    folium puts ``<script src=…>`` and ``<link href=…>`` elements for Leaflet,
    jQuery, Bootstrap, Font Awesome and Leaflet.awesome-markers (all on CDNs)
    into every page. After ``offline(m)`` the page instead carries inline
    copies of Leaflet (JS and CSS, with its images as data URIs) and jQuery,
    read from the installed ``xstatic-leaflet`` and ``xstatic-jquery`` packages.
    Bootstrap (``xstatic-bootstrap``) and Font Awesome (``xstatic-font-awesome``,
    fonts inlined) are left out unless asked for, and awesome-markers and the
    glyphicons are always left out: use ``folium.CircleMarker`` rather than
    ``folium.Marker`` with an ``Icon``.

    It works by turning the map's root figure into a figure that swaps the
    links for inline elements each time it renders, so elements added later are
    covered too. An element that needs another external file raises a
    ``ValueError`` when the map is rendered. Tile layers are not touched: tiles
    are images a real-place map fetches on purpose.

    Returns ``m``, so calls can be chained.

    >>> m = offline(folium.Map(tiles=None))
    >>> page = m.get_root().render()
    >>> "<script src=" in page, "leaflet" in page
    (False, True)
    """
    root = m.get_root()
    if type(root) is branca.element.Figure:
        # the subclass adds no state of its own, so the figure can become one in place
        root.__class__ = _OfflineFigure
    elif not isinstance(root, _OfflineFigure):
        raise TypeError(f"cannot make a map inside a {type(root).__name__} offline.")
    root._wijkwijs_offline = {"bootstrap": bool(bootstrap), "font_awesome": bool(font_awesome)}
    return m


# --------------------------------------------------------------------------------------
# Base map
# --------------------------------------------------------------------------------------

def _check_crs(crs: str) -> str:
    if crs not in _CRSES:
        raise ValueError(f"crs {crs!r} is not supported; choose one of {', '.join(_CRSES)}.")
    return crs


def _check_bounds(bounds: Sequence[float]) -> tuple[float, float, float, float]:
    b = _validate.as_values(bounds, "bounds")
    if b.size != 4:
        raise ValueError(f"bounds must be (minx, miny, maxx, maxy); got {b.size} numbers.")
    minx, miny, maxx, maxy = (float(v) for v in b)
    if not (minx <= maxx and miny <= maxy):
        raise ValueError(f"bounds must be (minx, miny, maxx, maxy) with min <= max; got {bounds}.")
    return minx, miny, maxx, maxy


def base_map(bounds: Sequence[float], synthetic: bool = True, *, title: str | None = None,
             crs: str = "Simple", tiles: str | None = None,
             height: str | int = "100%") -> folium.Map:
    """An empty, offline map showing ``bounds`` = ``(minx, miny, maxx, maxy)``.

    With ``crs="Simple"`` (the default) the coordinates are plain metres on a
    flat plane (Leaflet's ``CRS.Simple``: x east, y north), as in the synthetic
    city; with ``"EPSG3857"`` (web Mercator) they are longitude and latitude.

    ``synthetic=True`` adds the label "synthetic city — not a real place" and
    refuses ``tiles``: a fictional city is never drawn over a real map. For a
    real place pass ``synthetic=False``, ``crs="EPSG3857"`` and, if wanted,
    ``tiles="OpenStreetMap"`` (fetched online; without a connection the tiles
    stay blank and everything else still draws).

    ``title`` is shown at the top right, escaped.

    >>> m = base_map((0, 0, 4000, 3000), title="Havenstad")
    >>> m.crs, "not a real place" in m.get_root().render()
    ('Simple', True)
    """
    crs = _check_crs(crs)
    minx, miny, maxx, maxy = _check_bounds(bounds)
    if synthetic and tiles is not None:
        raise ValueError("a synthetic city is drawn without tiles: pass tiles=None, or "
                         "synthetic=False for a real place.")
    if crs == "Simple" and tiles is not None:
        raise ValueError("tiles need a geographic crs such as 'EPSG3857', not 'Simple'.")
    centre = [(miny + maxy) / 2, (minx + maxx) / 2]
    options: dict[str, Any] = {}
    if crs == "Simple":
        # metres: zoom 0 is 1 m per pixel, so a city of kilometres needs negative zooms
        options.update(minZoom=-12, maxZoom=6, zoomSnap=0.25, zoomDelta=0.5)
    m = folium.Map(location=centre, tiles=tiles, crs=crs, zoom_start=0 if crs == "Simple" else 12,
                   height=height, **options)
    offline(m)
    _MetricScale().add_to(m)
    m.fit_bounds([[miny, minx], [maxy, maxx]], padding=(12, 12))
    if title is not None:
        HtmlControl(f'<div style="font-size:17px;font-weight:600">{_esc(title)}</div>',
                    position="topright", css_class="wijkwijs-title").add_to(m)
    if synthetic:
        HtmlControl(
            f'<div style="font-style:italic">{_esc(t("maps.synthetic_label"))}</div>',
            position="bottomleft", css_class="wijkwijs-synthetic").add_to(m)
    m.get_root().header.add_child(branca.element.Element(
        f"<style>.wijkwijs-title,.wijkwijs-legend,.wijkwijs-synthetic{{{_BOX_STYLE}}}"
        ".wijkwijs-table th,.wijkwijs-table td{padding:0 4px 0 0;vertical-align:top}</style>"),
        name="wijkwijs_css")
    return m


# --------------------------------------------------------------------------------------
# Geometry helpers
# --------------------------------------------------------------------------------------

def _check_gdf(gdf: Any, name: str) -> None:
    if not hasattr(gdf, "geometry") or not hasattr(gdf, "columns"):
        raise ValueError(f"{name} must be a GeoDataFrame; got {type(gdf).__name__}.")
    if len(gdf) == 0:
        raise ValueError(f"{name} is empty; there is nothing to draw.")
    missing = gdf.geometry.isna() | gdf.geometry.is_empty
    if missing.any():
        label = gdf.index[int(np.flatnonzero(missing.to_numpy())[0])]
        raise ValueError(f"{name} has a missing or empty geometry at row label {label!r}.")


def _to_map_crs(gdf: Any, crs: str, name: str) -> Any:
    """Return ``gdf`` in the coordinates the map expects (metres, or lon/lat)."""
    if crs == "Simple":
        if gdf.crs is not None and gdf.crs.is_geographic:
            raise ValueError(
                f"{name} is in longitude/latitude ({gdf.crs.to_string()}); crs='Simple' "
                "needs metres. Project it first (e.g. gdf.to_crs(28992)) or use crs='EPSG3857'."
            )
        return gdf
    if gdf.crs is None:
        minx, miny, maxx, maxy = gdf.total_bounds
        if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
            raise ValueError(f"{name} has no crs and its coordinates are not longitude/latitude; "
                             "set its crs (gdf.set_crs(...)) first.")
        return gdf
    return gdf.to_crs(4326)


def _check_column(gdf: Any, column: str, name: str) -> None:
    if column not in gdf.columns:
        available = [str(c) for c in gdf.columns if c != gdf.geometry.name]
        raise ValueError(f"column {column!r} is not in {name}; available columns: "
                         f"{', '.join(available)}.")


# --------------------------------------------------------------------------------------
# Choropleth
# --------------------------------------------------------------------------------------

def _legend_html(title: str, subtitle: str, rows: Sequence[tuple[str, str, str]],
                 shape: str = "square") -> str:
    """Legend box: escaped title, subtitle and (colour, label, count) rows."""
    radius = "50%" if shape == "circle" else "2px"
    lines = [f'<div style="font-weight:600;margin-bottom:2px">{_esc(title)}</div>']
    if subtitle:
        lines.append(f'<div style="color:#555;font-size:12px;margin-bottom:4px">'
                     f"{_esc(subtitle)}</div>")
    for colour, label, count in rows:
        lines.append(
            '<div style="display:flex;align-items:center;gap:6px;white-space:nowrap">'
            f'<span style="display:inline-block;width:14px;height:14px;border-radius:{radius};'
            f'background:{colour};border:1px solid #555"></span>'
            f"<span>{_esc(label)}</span>"
            + (f'<span style="color:#666">({_esc(count)})</span>' if count != "" else "")
            + "</div>")
    return "".join(lines)


def choropleth(gdf: Any, column: str, *, title: str, scheme: str = "quantiles", k: int = 5,
               palette: str | Sequence[str] = SEQUENTIAL_CMAP,
               tooltip_columns: Sequence[str] | None = None, legend_title: str | None = None,
               tiles: str | None = None, crs: str = "Simple", synthetic: bool | None = None,
               value_format: str | None = None, height: str | int = "100%") -> folium.Map:
    """A choropleth map of ``gdf[column]``, classified by ``scheme`` into ``k`` classes.

    Parameters
    ----------
    gdf
        GeoDataFrame of (multi)polygons, one row per neighbourhood.
    column
        Numeric column to map. Missing values (NaN) are drawn grey as "no data".
    title
        Title shown on the map.
    scheme, k
        Classification scheme (``"quantiles"``, ``"natural_breaks"``,
        ``"equal_interval"``) and number of classes; see :func:`class_breaks`.
    palette
        ``"cividis"`` (default) or ``"viridis"``, or a list of ``k`` hex colours.
    tooltip_columns
        Columns shown when hovering over a unit (default: just ``column``).
    legend_title
        Legend heading and layer name (default: ``column``).
    tiles, crs
        ``tiles=None`` and ``crs="Simple"`` (metres) for the synthetic city; for a
        real place ``crs="EPSG3857"`` and optionally ``tiles="OpenStreetMap"``.
    synthetic
        Whether to label the map "synthetic city — not a real place"
        (default: ``True`` when ``crs="Simple"``).
    value_format
        Optional format spec for numbers in the legend and tooltips, e.g. ``".1%"``.

    Returns
    -------
    folium.Map
        Offline map with the polygons, an escaped legend naming the scheme
        (e.g. "quantiles, 5 classes") and a layer control.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import box
    >>> gdf = gpd.GeoDataFrame({"share": [0.1, 0.2, 0.4]},
    ...                        geometry=[box(i, 0, i + 1, 1) for i in range(3)])
    >>> m = choropleth(gdf, "share", title="Share", scheme="equal_interval", k=3)
    >>> "equal intervals, 3 classes" in m.get_root().render()
    True
    """
    _check_gdf(gdf, "gdf")
    _check_column(gdf, column, "gdf")
    crs = _check_crs(crs)
    synthetic = crs == "Simple" if synthetic is None else bool(synthetic)
    series = gdf[column]
    if not (pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)):
        numeric = [str(c) for c in gdf.columns if c != gdf.geometry.name
                   and pd.api.types.is_numeric_dtype(gdf[c])
                   and not pd.api.types.is_bool_dtype(gdf[c])]
        raise ValueError(
            f"column {column!r} is not numeric (dtype {series.dtype}); a choropleth needs "
            f"numbers. Numeric columns: {', '.join(numeric) or 'none'}.")
    values = series.to_numpy(dtype=float)
    if np.isinf(values).any():
        label = gdf.index[int(np.flatnonzero(np.isinf(values))[0])]
        raise ValueError(f"column {column!r} has an infinite value at row label {label!r}.")
    present = ~np.isnan(values)
    if not present.any():
        raise ValueError(f"column {column!r} has no values (all NaN).")
    if scheme not in SCHEMES:
        raise ValueError(f"unknown scheme {scheme!r}; choose one of {', '.join(SCHEMES)}.")
    try:
        bounds = class_breaks(values[present], scheme, k)
    except ValueError as exc:
        raise ValueError(f"column {column!r}: {exc}") from None
    colours = _palette(palette, len(bounds))
    classes = np.full(values.size, -1)
    classes[present] = classify(values[present], bounds)

    tooltip_columns = [column] if tooltip_columns is None else list(tooltip_columns)
    for col in tooltip_columns:
        _check_column(gdf, col, "gdf")
    legend_title = column if legend_title is None else legend_title
    shown = _to_map_crs(gdf, crs, "gdf")

    features = []
    for pos, (geometry, cls) in enumerate(zip(shown.geometry, classes, strict=True)):
        row = gdf.iloc[pos]
        tooltip = _table_html([(col, _format_value(row[col], value_format))
                               for col in tooltip_columns])
        fill = colours[cls] if cls >= 0 else NO_DATA_COLOUR
        features.append({
            "type": "Feature",
            "geometry": geometry.__geo_interface__,
            "properties": {
                "wijkwijs_tooltip": tooltip,
                "style": {"fillColor": fill, "color": "#FFFFFF", "weight": 1,
                          "fillOpacity": 0.85, "opacity": 1},
            },
        })

    m = base_map(shown.total_bounds, synthetic, title=title, crs=crs, tiles=tiles,
                 height=height)
    layer = folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=_esc(legend_title),
        on_each_feature=JsCode(
            "function (feature, layer) {"
            " layer.bindTooltip(feature.properties.wijkwijs_tooltip, {sticky: true}); }"),
    )
    layer.add_to(m)

    scheme_name = t(f"maps.scheme.{scheme}")
    n_classes = len(bounds)
    subtitle = (t("maps.legend.one_class", scheme=scheme_name) if n_classes == 1
                else t("maps.legend.classes", scheme=scheme_name, k=n_classes))
    low = float(values[present].min())
    rows = []
    for i, upper in enumerate(bounds):
        lower = low if i == 0 else bounds[i - 1]
        label = (f"{_format_value(float(lower), value_format)} – "
                 f"{_format_value(float(upper), value_format)}")
        rows.append((colours[i], label, str(int((classes == i).sum()))))
    if not present.all():
        rows.append((NO_DATA_COLOUR, t("maps.legend.no_data"), str(int((~present).sum()))))
    HtmlControl(_legend_html(legend_title, subtitle, rows), position="bottomright",
                css_class="wijkwijs-legend").add_to(m)
    _ensure_layer_control(m)
    return m


# --------------------------------------------------------------------------------------
# Organisations
# --------------------------------------------------------------------------------------

def add_organisations(m: folium.Map, orgs_gdf: Any, type_column: str = "type",
                      name_column: str = "name", *,
                      popup_columns: Sequence[str] | None = None,
                      legend_title: str | None = None, radius: float = 6,
                      colours: dict[str, str] | None = None) -> folium.Map:
    """Add organisations as circle markers coloured by type, with a legend.

    Each type becomes its own layer (switchable in the layer control) and
    takes the next Okabe–Ito colour of :data:`wijkwijs.style.CATEGORICAL`
    unless ``colours`` maps it to another hex colour. Hovering a marker shows
    the organisation's name and type; clicking shows them with
    ``popup_columns``. All texts are escaped. Circle markers need no icon
    font or image, so the map stays offline.

    ``orgs_gdf`` holds points in the same kind of coordinates as the map
    (metres for ``crs="Simple"``; anything with a crs for a geographic map).
    Returns ``m``.

    >>> import geopandas as gpd
    >>> from shapely.geometry import Point
    >>> m = base_map((0, 0, 100, 100))
    >>> orgs = gpd.GeoDataFrame({"name": ["A & B"], "type": ["library"]},
    ...                         geometry=[Point(50, 50)])
    >>> "A &amp; B" in add_organisations(m, orgs).get_root().render()
    True
    """
    _check_gdf(orgs_gdf, "orgs_gdf")
    for col in (type_column, name_column, *(popup_columns or ())):
        _check_column(orgs_gdf, col, "orgs_gdf")
    not_points = ~orgs_gdf.geometry.geom_type.isin(["Point"])
    if not_points.any():
        label = orgs_gdf.index[int(np.flatnonzero(not_points.to_numpy())[0])]
        raise ValueError(f"orgs_gdf must hold points; row label {label!r} is a "
                         f"{orgs_gdf.geometry.geom_type[label]}.")
    crs = _check_crs(getattr(m, "crs", "EPSG3857"))
    shown = _to_map_crs(orgs_gdf, crs, "orgs_gdf")
    types = list(dict.fromkeys(str(v) for v in orgs_gdf[type_column]))
    colours = dict(colours or {})
    free = [c for c in CATEGORICAL if c not in colours.values()]
    for kind in types:
        if kind not in colours:
            if not free:
                raise ValueError(
                    f"orgs_gdf has {len(types)} organisation types but the colour-blind-safe "
                    f"palette has {len(CATEGORICAL)} colours; merge types first.")
            colours[kind] = free.pop(0)
        elif not _HEX.match(str(colours[kind])):
            raise ValueError(f"colour for type {kind!r} is {colours[kind]!r}; "
                             "expected '#RRGGBB'.")

    type_label = t("maps.organisation_type")
    groups = {kind: folium.FeatureGroup(name=_esc(kind)) for kind in types}
    for pos, point in enumerate(shown.geometry):
        row = orgs_gdf.iloc[pos]
        kind = str(row[type_column])
        name = _format_value(row[name_column])
        tooltip = (f'<div style="font-weight:600">{_esc(name)}</div>'
                   f'<div>{_esc(kind)}</div>')
        popup = (f'<div style="font-weight:600">{_esc(name)}</div>'
                 + _table_html([(type_label, kind)]
                               + [(col, _format_value(row[col])) for col in popup_columns or ()]))
        marker = folium.CircleMarker(
            location=[point.y, point.x], radius=radius, color="#FFFFFF", weight=1.5,
            fill=True, fill_color=colours[kind], fill_opacity=1.0)
        marker.add_child(_BindText(tooltip, popup))
        marker.add_to(groups[kind])
    for group in groups.values():
        group.add_to(m)

    counts = orgs_gdf[type_column].astype(str).value_counts()
    title = t("maps.organisations") if legend_title is None else legend_title
    rows = [(colours[kind], kind, str(int(counts[kind]))) for kind in types]
    HtmlControl(_legend_html(title, "", rows, shape="circle"), position="bottomleft",
                css_class="wijkwijs-legend").add_to(m)
    if "wijkwijs_css" not in m.get_root().header._children:
        m.get_root().header.add_child(branca.element.Element(
            f"<style>.wijkwijs-legend{{{_BOX_STYLE}}}</style>"), name="wijkwijs_css")
    _ensure_layer_control(m)
    return m
