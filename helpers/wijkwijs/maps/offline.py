"""Offline maps: Leaflet and jQuery inlined from the installed XStatic packages.

folium puts ``<script src=…>`` and ``<link href=…>`` elements for Leaflet, jQuery,
Bootstrap, Font Awesome and Leaflet.awesome-markers (all on CDNs) into every page.
:func:`offline` makes a map carry inline copies instead, read from
``xstatic-leaflet`` and ``xstatic-jquery`` (with Leaflet's images as data URIs), so
a map of the synthetic city makes no network request at all.

How it works, with folium's public API only:

1. the map's own list of links (``default_js``/``default_css``, the attributes
   folium's ``JSCSSMixin`` renders) is cut down to the libraries that are kept;
2. an :class:`InlineAssets` element is added to the map's root figure, after the
   map. The figure renders its children in order, so it runs once every element
   of the map has added its links to the figure's header; it then replaces each
   link by the inline element of the same name (``header.add_child(..., name=…)``
   replaces an entry in place), and refuses links it cannot provide.

>>> import folium
>>> page = offline(folium.Map(tiles=None)).get_root().render()
>>> "<script src=" in page, "<link rel=" in page, "Leaflet" in page
(False, False, True)
"""

from __future__ import annotations

import base64
import functools
import importlib
import mimetypes
import re
from pathlib import Path

import branca.element
import folium

__all__ = ["InlineAssets", "RawHtml", "inline_assets", "offline"]

#: The name of the :class:`InlineAssets` element in the root figure.
ASSETS_NAME = "wijkwijs_offline"
_URL_IN_CSS = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")


def _xstatic_dir(package: str) -> Path:
    module = importlib.import_module(f"xstatic.pkg.{package}")
    return Path(module.BASE_DIR)


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


def inline_assets(bootstrap: bool = False, font_awesome: bool = False) -> dict[str, str | None]:
    """What replaces each of folium's default links: inline HTML, or None to drop it.

    The keys are the names folium gives its links (``"leaflet"``, ``"jquery"``,
    ``"leaflet_css"``, …). Leaflet and jQuery (folium's Popup and a few plugins call
    ``$(...)``) are always inlined; Bootstrap and Font Awesome only when asked for;
    awesome-markers and the glyphicons are always dropped.

    >>> assets = inline_assets()
    >>> assets["leaflet"].startswith("<script>"), assets["bootstrap"]
    (True, None)
    """
    assets: dict[str, str | None] = {
        "leaflet": f"<script>{_read_js('leaflet', 'leaflet.js')}</script>",
        "leaflet_css": f"<style>{_read_css('leaflet', 'leaflet.css')}</style>",
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


class RawHtml(branca.element.Element):
    """An element that renders its text as it is (not as a Jinja template).

    A plain ``branca.element.Element(text)`` would compile the 150 kB of Leaflet as
    a template at every render; the page is the same, only slower.

    >>> RawHtml("<script>var a = '{{ not a template }}';</script>").render()
    "<script>var a = '{{ not a template }}';</script>"
    """

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class InlineAssets(branca.element.Element):
    """Swaps the script and style links in the figure's header for inline copies.

    Add it to a root figure after the map (:func:`offline` does this). It draws
    nothing itself: when the figure renders it, every element before it has
    already put its links into the header, and each of them is replaced by the
    inline element of the same name (an empty element if the asset is dropped).
    A link it cannot provide raises a ``ValueError`` naming it.

    >>> import folium
    >>> m = folium.Map(tiles=None)
    >>> _ = m.get_root().add_child(InlineAssets(), name=ASSETS_NAME)
    >>> "cdn.jsdelivr.net" in m.get_root().render()
    False
    """

    def __init__(self, bootstrap: bool = False, font_awesome: bool = False):
        super().__init__()
        self.bootstrap = bool(bootstrap)
        self.font_awesome = bool(font_awesome)

    def render(self, **kwargs) -> str:
        header = self.get_root().header
        assets = inline_assets(self.bootstrap, self.font_awesome)
        # to_dict() lists the header's entries, with the url of every link; an entry
        # of a known name is (re)set even if it is no link, so that an asset inlined
        # by an earlier render with other options goes too
        for name, entry in header.to_dict(depth=1)["children"].items():
            if name in assets:
                header.add_child(RawHtml(assets[name] or ""), name=name)
            elif "url" in entry:  # a JavascriptLink or CssLink wijkwijs cannot replace
                raise ValueError(
                    f"this map needs {name!r} from {entry['url']}, which wijkwijs cannot "
                    "provide offline; remove the element that needs it.")
        return ""


def offline(m: folium.Map, *, bootstrap: bool = False,
            font_awesome: bool = False) -> folium.Map:
    """Make ``m`` render without fetching anything from the internet.

    After ``offline(m)`` the page carries inline copies of Leaflet (JS and CSS,
    with its images as data URIs) and jQuery, read from the installed
    ``xstatic-leaflet`` and ``xstatic-jquery`` packages, instead of folium's CDN
    links. Bootstrap (``xstatic-bootstrap``) and Font Awesome
    (``xstatic-font-awesome``, fonts inlined) are left out unless asked for, and
    awesome-markers and the glyphicons are always left out: use
    ``folium.CircleMarker`` rather than ``folium.Marker`` with an ``Icon``.

    The links are swapped each time the map renders, so elements added later are
    covered too. An element that needs another external file raises a
    ``ValueError`` when the map is rendered. Tile layers are not touched: tiles
    are images a real-place map fetches on purpose. Calling ``offline`` again
    changes the options.

    Returns ``m``, so calls can be chained.

    >>> m = offline(folium.Map(tiles=None))
    >>> page = m.get_root().render()
    >>> "<script src=" in page, "leaflet" in page
    (False, True)
    """
    root = m.get_root()
    if not isinstance(root, branca.element.Figure):
        raise TypeError(f"cannot make a map inside a {type(root).__name__} offline.")
    assets = inline_assets(bootstrap, font_awesome)
    # folium's JSCSSMixin adds one link per entry of these lists at every render; the
    # dropped libraries are left out of the map's own copies (names wijkwijs does not
    # know stay in, so that InlineAssets refuses them loudly)
    m.default_js = [(name, url) for name, url in type(m).default_js
                    if assets.get(name, "") is not None]
    m.default_css = [(name, url) for name, url in type(m).default_css
                     if assets.get(name, "") is not None]
    root.add_child(InlineAssets(bootstrap, font_awesome), name=ASSETS_NAME)
    return m
