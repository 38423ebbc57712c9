"""Map elements that show text safely: escaping, controls, tooltips, legends, scale bar.

Every text that reaches a map page goes through this module. It is HTML-escaped in
Python (:func:`escape`), assembled into small HTML snippets (:func:`table_html`,
:func:`legend_html`) and handed to Leaflet as a JSON string literal
(:func:`js_string`), never through a template literal or folium's own
``Tooltip``/``GeoJsonTooltip``, which insert values as raw HTML. So an
organisation called ``<script>alert(1)</script>`` shows exactly that text.

The elements are folium ``MacroElement`` subclasses written in the documented
folium pattern: a ``_name`` set in ``__init__`` and a Jinja ``script`` macro that
refers to the element's parent layer as ``this._parent``.

>>> import folium
>>> m = folium.Map(tiles=None)
>>> box = legend_html("<b>Title</b>", "", [("#000000", "a & b", "3")])
>>> _ = HtmlControl(box).add_to(m)
>>> page = m.get_root().render()
>>> "&lt;b&gt;Title&lt;/b&gt;" in page, "a &amp; b" in page, "<b>" in page
(True, True, False)
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Sequence
from typing import Any

import branca.element
import folium
import numpy as np
from jinja2 import Template

from wijkwijs import _validate

__all__ = ["BOX_STYLE", "CORNERS", "LAYER_CONTROL", "STYLESHEET", "BindText", "HtmlControl",
           "MetricScale", "add_stylesheet", "ensure_layer_control", "escape", "format_value",
           "js_string", "legend_html", "table_html"]

#: The corners of a Leaflet map where a control may sit.
CORNERS: tuple[str, ...] = ("topleft", "topright", "bottomleft", "bottomright")
#: The look of every box drawn on a map (title, legends, synthetic-city label).
BOX_STYLE = ("background:rgba(255,255,255,0.92);padding:6px 10px;border-radius:4px;"
             "box-shadow:0 1px 4px rgba(0,0,0,0.35);font:13px/1.4 system-ui,-apple-system,"
             "'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#222;")
#: The stylesheet of the boxes and tables, put once into the page header.
STYLESHEET = (f"<style>.wijkwijs-title,.wijkwijs-legend,.wijkwijs-synthetic{{{BOX_STYLE}}}"
              ".wijkwijs-table th,.wijkwijs-table td{padding:0 4px 0 0;vertical-align:top}"
              "</style>")
#: The name under which the map keeps its one layer control.
LAYER_CONTROL = "wijkwijs_layer_control"


# --------------------------------------------------------------------------------------
# Escaping and formatting
# --------------------------------------------------------------------------------------

def escape(value: Any) -> str:
    """HTML-escape any value for display as text.

    >>> escape("<script>alert('x')</script> & co")
    '&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co'
    """
    return html.escape(str(value), quote=True)


def js_string(text: str) -> str:
    """A JavaScript string literal that is safe inside a ``<script>`` element.

    >>> print(js_string('say "hi" </script>'))
    "say \\"hi\\" \\u003c/script\\u003e"
    """
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


def format_value(value: Any, spec: str | None = None) -> str:
    """A value as the text a legend or tooltip shows (not yet escaped).

    Missing values become "–"; whole numbers get thousands separators; other
    numbers keep about three significant digits unless ``spec`` (a format spec
    such as ``".1%"``) says otherwise.

    >>> format_value(12345), format_value(0.01234), format_value(float("nan"))
    ('12,345', '0.0123', '–')
    >>> format_value(0.256, ".1%"), format_value("Oost")
    ('25.6%', 'Oost')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, np.integer)):
        return f"{int(value):,}" if spec is None else format(int(value), spec)
    if isinstance(value, (float, np.floating)):
        return _format_number(float(value), spec)
    return str(value)


def table_html(rows: Sequence[tuple[str, str]]) -> str:
    """An HTML table of (label, value) rows; both are escaped here.

    >>> table_html([("name", "A & B")])  # doctest: +NORMALIZE_WHITESPACE
    '<table class="wijkwijs-table"><tr><th style="text-align:left;padding-right:8px">name</th><td>A
    &amp; B</td></tr></table>'
    """
    cells = "".join(
        f'<tr><th style="text-align:left;padding-right:8px">{escape(label)}</th>'
        f"<td>{escape(value)}</td></tr>" for label, value in rows)
    return f'<table class="wijkwijs-table">{cells}</table>'


def legend_html(title: str, subtitle: str, rows: Sequence[tuple[str, str, str]],
                shape: str = "square") -> str:
    """Legend box: escaped title, subtitle and (colour, label, count) rows.

    ``shape`` is ``"square"`` (classes of a choropleth) or ``"circle"`` (markers);
    an empty count is left out.

    >>> box = legend_html("Income", "quantiles, 2 classes",
    ...                   [("#00224E", "20 – 30", "8"), ("#FEE838", "30 – 45", "8")])
    >>> box.count("background:#"), "(8)" in box
    (2, True)
    """
    radius = "50%" if shape == "circle" else "2px"
    lines = [f'<div style="font-weight:600;margin-bottom:2px">{escape(title)}</div>']
    if subtitle:
        lines.append(f'<div style="color:#555;font-size:12px;margin-bottom:4px">'
                     f"{escape(subtitle)}</div>")
    for colour, label, count in rows:
        lines.append(
            '<div style="display:flex;align-items:center;gap:6px;white-space:nowrap">'
            f'<span style="display:inline-block;width:14px;height:14px;border-radius:{radius};'
            f'background:{colour};border:1px solid #555"></span>'
            f"<span>{escape(label)}</span>"
            + (f'<span style="color:#666">({escape(count)})</span>' if count != "" else "")
            + "</div>")
    return "".join(lines)


# --------------------------------------------------------------------------------------
# Elements: controls and content bound safely from Python
# --------------------------------------------------------------------------------------

class HtmlControl(folium.MacroElement):
    """A Leaflet control (a box in a map corner) showing ready-made HTML.

    The HTML is built by this module with every text escaped; it is passed to
    the page as a JavaScript string, never through a template literal.

    Parameters
    ----------
    html_text
        The HTML to show (already escaped).
    position
        One of :data:`CORNERS`.
    css_class
        CSS class of the box, e.g. ``"wijkwijs-legend"``.

    Examples
    --------
    >>> HtmlControl("<b>hi</b>", position="middle")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: position 'middle' is unknown; choose one of topleft, topright, ...
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
        _validate.check_choice(position, CORNERS, "position")
        self.html = html_text
        self.html_js = js_string(html_text)
        self.position_js = js_string(position)
        self.class_js = js_string(css_class)


class BindText(folium.MacroElement):
    """Bind an escaped tooltip and/or popup to the parent Leaflet layer.

    Add it as a child of a marker (or any layer); the texts are bound as JSON
    string literals, so they are never run as code.

    >>> marker = folium.CircleMarker([0, 0], radius=4)
    >>> marker.add_child(BindText(escape("<i>shop</i>"))) is marker
    True
    """

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
        self.tooltip_js = js_string(tooltip_html) if tooltip_html else ""
        self.popup_js = js_string(popup_html) if popup_html else ""


class MetricScale(folium.MacroElement):
    """A scale bar in metres only (on CRS.Simple one map unit is one metre).

    >>> m = folium.Map(tiles=None)
    >>> _ = MetricScale().add_to(m)
    >>> "L.control.scale({imperial: false})" in m.get_root().render()
    True
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        L.control.scale({imperial: false}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self):
        super().__init__()
        self._name = "MetricScale"


def ensure_layer_control(m: folium.Map) -> folium.LayerControl:
    """(Re-)add an expanded LayerControl as the map's last child.

    folium's LayerControl lists the layers that exist when the page is rendered
    and must come after them in the script, so it is moved to the end whenever
    layers are added: ``add_child`` with the name :data:`LAYER_CONTROL` and an
    index past the last child replaces the previous control and puts the new
    one last. ``collapsed=False`` needs no icon image. (A LayerControl that
    someone else added under another name is left alone.)

    >>> m = folium.Map(tiles=None)
    >>> _ = ensure_layer_control(m); _ = folium.FeatureGroup(name="shops").add_to(m)
    >>> control = ensure_layer_control(m)
    >>> m.get_root().render().count("L.control.layers(")
    1
    """
    control = folium.LayerControl(collapsed=False, position="topright")
    # to_dict() lists the children by name through branca's public API
    last = len(m.to_dict(depth=1)["children"])
    m.add_child(control, name=LAYER_CONTROL, index=last)
    return control


def add_stylesheet(m: folium.Map) -> folium.Map:
    """Put :data:`STYLESHEET` into the page header of ``m`` (once; repeating is harmless).

    >>> m = add_stylesheet(add_stylesheet(folium.Map(tiles=None)))
    >>> m.get_root().render().count(".wijkwijs-legend")
    1
    """
    m.get_root().header.add_child(branca.element.Element(STYLESHEET), name="wijkwijs_css")
    return m
