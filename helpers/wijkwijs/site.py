"""The course as a static website: ``wijkwijs site OUTDIR``.

Every chapter notebook becomes one HTML page with its stored outputs — figures as
embedded PNG, folium maps as the self-contained HTML the notebooks store (Leaflet
inlined, no tiles) — plus an index page with the table of contents. Dutch twins in
``chapters/nl/`` (when there are any) get pages under ``nl/`` and a language link.

How, and why this tool: the pages are made by **nbconvert** (already installed with
JupyterLab, so no new dependency) with a template of our own (:data:`TEMPLATE`), which
extends nbconvert's ``lab`` template and

* loads nothing from a CDN: no require.js, no Mermaid, no widget manager, and MathJax
  from the site itself (nbconvert's ``lab`` template would fetch all four from the
  network). Formulas are typeset by MathJax 2.7 with the files of the package
  ``jupyter-server-mathjax``, of which the site keeps only the part that TeX input with
  the HTML-CSS output and the STIX-Web fonts can load (:data:`MATHJAX_FILES`, about
  2 MiB of the package's 10), in ``_static/mathjax/``; each page with a formula refers to
  it by a relative path, so the site works from ``file://`` and from any web server.
  Explorers, which need a running kernel, are replaced by a note saying how to open
  them (``wijkwijs lab`` or ``wijkwijs app``);
* adds navigation (contents, previous, next, the other language) to every page;
* collapses the worked solutions (cells tagged ``solution``) into a ``<details>``
  element that the reader opens on purpose;
* rewrites links between notebooks (``02_1_x.ipynb``) to the pages (``02_1_x.html``).

Jupyter Book and Sphinx with MyST-NB were the alternatives; both are extra dependencies
whose default themes load web fonts or scripts from the network, and neither is needed
to turn executed notebooks into pages. The build is offline and deterministic: it
reads the stored outputs and executes nothing. (No search: nbconvert has none; the
index lists every notebook with its title.)

>>> import tempfile
>>> out = Path(tempfile.mkdtemp()) / "site"
>>> pages = build_site(out, only=["00_welcome.ipynb"])
>>> [p.relative_to(out).as_posix() for p in pages][:2]
['00_welcome.html', 'index.html']
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Sequence
from pathlib import Path

from wijkwijs.paths import chapters_dir

__all__ = ["MATHJAX_DIR", "MATHJAX_FILES", "SITE_LANGUAGES", "TEMPLATE", "build_site",
           "has_math", "mathjax_source", "notebook_title", "page_name"]

#: Languages of the site, and where their notebooks are (relative to ``chapters/``).
SITE_LANGUAGES: dict[str, str] = {"en": ".", "nl": "nl"}
_MARKER = ".wijkwijs-site"

#: Where the site keeps its copy of MathJax (relative to the site's root).
MATHJAX_DIR = "_static/mathjax"

#: The part of ``jupyter_server_mathjax/static`` (MathJax 2.7.9, ~10 MiB) that the site
#: copies: every file that TeX input, the HTML-CSS output with the STIX-Web web fonts and
#: the (trimmed) context menu can load, and nothing of the other outputs (SVG), inputs
#: (MathML, AsciiMath), the accessibility explorer or the other languages. The package
#: has no CommonHTML output and no TeX fonts; the combined configuration is the only way
#: to load its TeX input and HTML-CSS output. Recorded in Chromium over every page of the
#: course as it is now: each page loads ``MathJax.js``, the configuration and
#: ``fontdata.js``, then the glyph tables and ``woff`` files of the characters it shows
#: (31 files, 0.7 MiB, for the whole course). The folders below are whole because a new
#: formula may need another glyph table (``\mathbb``: DoubleStruck), a TeX extension
#: loaded by its macro (``\color``, ``\cancel``, ``\boldsymbol``), a part of the
#: operator table or the table layout (``mtable.js``); a missing one would stall the page.
#: The context menu keeps its help (``HelpDialog.js``) and loses the items that would load
#: the renderers, fonts, languages and accessibility explorer the site does not ship.
MATHJAX_FILES: tuple[str, ...] = (
    "LICENSE", "MathJax.js", "config/TeX-AMS-MML_HTMLorMML-full.js",
    "jax/output/HTML-CSS/fonts/STIX-Web", "fonts/HTML-CSS/STIX-Web/woff",
    "jax/output/HTML-CSS/autoload", "jax/element/mml/optable", "extensions/TeX",
    "extensions/HelpDialog.js", "localization/nl",
)

#: MathJax's configuration on every page with a formula (``{root}``: the relative path
#: to the site's root, ``{locale}``: the page's language).
_MATHJAX_SCRIPT = """<script type="text/x-mathjax-config">
MathJax.Hub.Config({
  tex2jax: {inlineMath: [["$", "$"], ["\\\\(", "\\\\)"]],
            displayMath: [["$$", "$$"], ["\\\\[", "\\\\]"]],
            processEscapes: true, processEnvironments: true},
  TeX: {equationNumbers: {autoNumber: "AMS", useLabelIds: true}},
  "HTML-CSS": {availableFonts: [], preferredFont: null, webFont: "STIX-Web",
               imageFont: null, linebreaks: {automatic: true}},
  MathMenu: {showRenderer: false, showFontMenu: false, showLocale: false,
             showMathPlayer: false},
  displayAlign: "center", messageStyle: "none"
});
// The site has no accessibility explorer (extensions/a11y, 3.7 MiB): its three menu
// items would load files that are not there, so they are left out of the menu.
MathJax.Hub.Register.StartupHook("End Config", function () {
  var a11y = MathJax.Extension["accessibility-menu"];
  if (a11y) { a11y.modules = []; }
});
MathJax.Hub.Register.StartupHook("Accessibility Menu Ready", function () {
  var menu = MathJax.Menu.menu.FindId("Accessibility"), items = menu && menu.submenu.items;
  if (items && items[items.length - 1] instanceof MathJax.Menu.ITEM.RULE) { items.pop(); }
});
</script>
<script src="{root}{mathjax}/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full&amp;locale={locale}">
</script>"""

_MATH = re.compile(r"\$[^$]+\$|\\\(|\\\[|\\begin\{")

_TEXT = {
    "en": {"contents": "Contents", "previous": "Previous", "next": "Next",
           "other": "Nederlands", "solution": "Worked solution (open when you have tried)",
           "explorer": "Interactive explorer: it needs a running Python kernel. Open this "
                       "notebook with <code>wijkwijs lab</code> to use it.",
           "title": "wijkwijs — a course on inequality, segregation and social "
                    "infrastructure",
           "intro": "The course's notebooks with their stored outputs. Havenstad is a "
                    "synthetic city: it describes no real place or person. To run the "
                    "notebooks and use the explorers, install the course and open it with "
                    "<code>wijkwijs lab</code>; the no-code apps open with "
                    "<code>wijkwijs app NAME</code>."},
    "nl": {"contents": "Inhoud", "previous": "Vorige", "next": "Volgende",
           "other": "English", "solution": "Uitgewerkte oplossing (open als je het zelf "
                                           "hebt geprobeerd)",
           "explorer": "Interactieve verkenner: die heeft een draaiende Python-kernel nodig. "
                       "Open dit notebook met <code>wijkwijs lab</code> om hem te gebruiken.",
           "title": "wijkwijs — een cursus over ongelijkheid, segregatie en sociale "
                    "infrastructuur",
           "intro": "De notebooks van de cursus met hun opgeslagen uitvoer. Havenstad is een "
                    "synthetische stad: hij beschrijft geen echte plek of persoon. Installeer "
                    "de cursus en open hem met <code>wijkwijs lab</code> om de notebooks te "
                    "draaien en de verkenners te gebruiken; de apps zonder code openen met "
                    "<code>wijkwijs app NAAM</code>."},
}

#: The nbconvert template of the site's pages (extends nbconvert's ``lab`` template).
TEMPLATE = r"""
{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}
{{ resources.wijkwijs_mathjax }}
{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block extra_css -%}
<style>
nav.wijkwijs-nav { display: flex; gap: 1.2em; flex-wrap: wrap; padding: 0.6em 1em;
  border-bottom: 1px solid #ccc; font-family: sans-serif; background: #f7f7f7; }
nav.wijkwijs-nav.bottom { border-top: 1px solid #ccc; border-bottom: none; }
nav.wijkwijs-nav a { color: #0b5394; }
details.wijkwijs-solution { border-left: 4px solid #E69F00; margin: 0.5em 0;
  padding-left: 0.6em; }
details.wijkwijs-solution > summary { cursor: pointer; font-family: sans-serif;
  padding: 0.3em 0; }
.wijkwijs-explorer-note { font-family: sans-serif; background: #eef5fb; padding: 0.5em 0.8em;
  border-left: 4px solid #0072B2; }
</style>
{%- endblock extra_css -%}
{%- block body_header -%}
{{ super() }}
{{ resources.wijkwijs_nav }}
{%- endblock body_header -%}
{%- block body_footer -%}
{{ resources.wijkwijs_nav_bottom }}
{{ super() }}
{%- endblock body_footer -%}
{%- block any_cell -%}
{%- if 'solution' in cell.metadata.get('tags', []) -%}
<details class="wijkwijs-solution"><summary>{{ resources.wijkwijs_solution }}</summary>
{{ super() }}
</details>
{%- else -%}
{{ super() }}
{%- endif -%}
{%- endblock any_cell -%}
{%- block data_widget_view -%}
<div class="wijkwijs-explorer-note">{{ resources.wijkwijs_explorer }}</div>
{%- endblock data_widget_view -%}
"""

_IPYNB_LINK = re.compile(r"""(href=["'])(?!https?:|//|#)([^"'#]*?)\.ipynb(#[^"']*)?(["'])""")


def _page_link(match: re.Match, own: set[str] | None) -> str:
    """A link to a notebook, made a link to its page; from a Dutch page to a notebook
    without a Dutch twin, a link to the English page."""
    target = match[2]
    up = "../" if own is not None and Path(target).name not in own and "/" not in target \
        else ""
    return f"{match[1]}{up}{target}.html{match[3] or ''}{match[4]}"


def page_name(notebook: str | Path) -> str:
    """The page of a notebook: ``02_1_x.ipynb`` -> ``02_1_x.html``."""
    return Path(notebook).with_suffix(".html").name


def notebook_title(notebook: dict, fallback: str) -> str:
    """The first Markdown heading of a notebook (without ``#``), else ``fallback``.

    >>> notebook_title({"cells": [{"cell_type": "markdown", "source": "# 1.2 Lorenz"}]}, "x")
    '1.2 Lorenz'
    """
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", "")).splitlines():
                if line.startswith("#"):
                    return re.sub(r"[*_`]", "", line.lstrip("#").strip())
    return fallback


def mathjax_source() -> Path:
    """The folder of MathJax's files in the installed package ``jupyter-server-mathjax``.

    Raises
    ------
    ModuleNotFoundError
        If the package is not installed (or lacks its MathJax files), with how to install it.

    >>> (mathjax_source() / "MathJax.js").is_file()
    True
    """
    how = ("wijkwijs site needs the package jupyter-server-mathjax for the formulas (MathJax "
           "2.7, served from the site itself): install it with `pip install "
           "jupyter-server-mathjax` or `conda install -c conda-forge jupyter-server-mathjax` "
           "(or reinstall the course: `pip install -e .`).")
    try:
        import jupyter_server_mathjax
    except ImportError:
        raise ModuleNotFoundError(how, name="jupyter_server_mathjax") from None
    static = Path(jupyter_server_mathjax.__file__).parent / "static"
    missing = [part for part in MATHJAX_FILES if not (static / part).exists()]
    if missing:
        raise ModuleNotFoundError(f"{how} The installed copy in {static} lacks {missing[0]}.",
                                  name="jupyter_server_mathjax")
    return static


def _copy_mathjax(static: Path, target: Path) -> None:
    """Copy :data:`MATHJAX_FILES` from ``static`` to ``target``."""
    for part in MATHJAX_FILES:
        source, dest = static / part, target / part
        if source.is_dir():
            shutil.copytree(source, dest, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, dest)


def has_math(notebook: dict) -> bool:
    """Whether a notebook shows a formula: ``$...$``, ``\\(``, ``\\[`` or ``\\begin{`` in a
    Markdown cell or in a Markdown or LaTeX output (code and plain-text output are never
    typeset).

    >>> has_math({"cells": [{"cell_type": "markdown", "source": "where $D$ is"}]})
    True
    >>> has_math({"cells": [{"cell_type": "code", "source": "x = '$1 $2'", "outputs": []}]})
    False
    """
    for cell in notebook.get("cells", []):
        texts = ["".join(cell.get("source", ""))] if cell.get("cell_type") == "markdown" \
            else ["".join(output.get("data", {}).get(kind, ""))
                  for output in cell.get("outputs", []) for kind in ("text/markdown",
                                                                     "text/latex")]
        if any(_MATH.search(text) for text in texts):
            return True
    return False


def _mathjax_head(root: str, language: str) -> str:
    """The page's MathJax scripts; ``root`` is the relative path to the site's root."""
    return (_MATHJAX_SCRIPT.replace("{root}", root).replace("{mathjax}", MATHJAX_DIR)
            .replace("{locale}", language))


def _nav(language: str, index: str, prev: tuple[str, str] | None,
         nxt: tuple[str, str] | None, other: str | None, where: str = "top") -> str:
    text = _TEXT[language]
    items = [f"<a href='{index}'>{text['contents']}</a>"]
    if prev:
        items.append(f"<a href='{prev[0]}' rel='prev'>← {text['previous']}: "
                     f"{html.escape(prev[1])}</a>")
    if nxt:
        items.append(f"<a href='{nxt[0]}' rel='next'>{text['next']}: "
                     f"{html.escape(nxt[1])} →</a>")
    if other:
        items.append(f"<a href='{other}' hreflang='{'nl' if language == 'en' else 'en'}'>"
                     f"{text['other']}</a>")
    cls = "wijkwijs-nav" + (" bottom" if where == "bottom" else "")
    return f"<nav class='{cls}' aria-label='{text['contents']}'>{' · '.join(items)}</nav>"


def _index_page(language: str, entries: list[tuple[str, str]], other: str | None) -> str:
    text = _TEXT[language]
    rows = "\n".join(f"<li><a href='{href}'>{html.escape(title)}</a></li>"
                     for href, title in entries)
    switch = (f"<p><a href='{other}' hreflang='{'nl' if language == 'en' else 'en'}'>"
              f"{text['other']}</a></p>" if other else "")
    return (f"<!DOCTYPE html>\n<html lang='{language}'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{html.escape(text['title'])}</title><style>body {{ font-family: "
            "system-ui, sans-serif; max-width: 50em; margin: 2em auto; padding: 0 1em; "
            "line-height: 1.45; }} li {{ margin: 0.3em 0; }}</style></head><body>"
            f"<h1>{html.escape(text['title'])}</h1><p>{text['intro']}</p>{switch}"
            f"<ol>\n{rows}\n</ol></body></html>\n")


def _exporter():
    import jinja2
    from nbconvert import HTMLExporter

    return HTMLExporter(extra_loaders=[jinja2.DictLoader({"wijkwijs_site.html.j2": TEMPLATE})],
                        template_file="wijkwijs_site.html.j2", exclude_input_prompt=True,
                        exclude_output_prompt=True)


def _prepare(out: Path, overwrite: bool) -> None:
    if out.exists() and any(out.iterdir()):
        if not (out / _MARKER).exists():
            raise FileExistsError(f"{out} is not empty and is not a wijkwijs site; choose an "
                                  "empty or new folder.")
        if not overwrite:
            raise FileExistsError(f"{out} holds an earlier build; pass --overwrite to "
                                  "replace it.")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / _MARKER).write_text("built by wijkwijs site; the folder is replaced on "
                               "--overwrite\n", encoding="utf-8")


def build_site(outdir: str | Path, source: str | Path | None = None, *,
               overwrite: bool = False, only: Sequence[str] | None = None) -> list[Path]:
    """Write the site to ``outdir``; return the pages written (sorted by path).

    Parameters
    ----------
    outdir
        A new or empty folder (or an earlier build, with ``overwrite=True``).
    source
        The ``chapters/`` folder (default :func:`wijkwijs.paths.chapters_dir`).
    overwrite
        Replace an earlier build in ``outdir``; a folder that is not a build is never
        touched.
    only
        Build only these notebooks (names), e.g. for a quick look or a test.

    Raises
    ------
    FileExistsError
        If ``outdir`` holds other files, or an earlier build without ``overwrite``.
    ValueError
        If ``only`` names a notebook that is not in ``source``.
    ModuleNotFoundError
        If ``jupyter-server-mathjax`` (the formulas' MathJax) is not installed; nothing is
        written then.
    """
    import nbformat

    source = Path(source) if source is not None else chapters_dir()
    out = Path(outdir)
    books = {lang: sorted((source / sub).glob("*.ipynb")) for lang, sub in SITE_LANGUAGES.items()}
    if only is not None:
        unknown = [n for n in only if not (source / n).is_file()]
        if unknown:
            raise ValueError(f"no notebook {unknown[0]!r} in {source}")
        books = {lang: [p for p in paths if p.name in set(only)]
                 for lang, paths in books.items()}
    mathjax = mathjax_source()
    _prepare(out, overwrite)
    _copy_mathjax(mathjax, out / MATHJAX_DIR)
    exporter = _exporter()
    written: list[Path] = []
    for language, paths in books.items():
        if not paths:
            continue
        folder = out if language == "en" else out / SITE_LANGUAGES[language]
        folder.mkdir(parents=True, exist_ok=True)
        other_lang = "nl" if language == "en" else "en"
        other_names = {p.name for p in books.get(other_lang, [])}
        prefix_other = "nl/" if language == "en" else "../"
        notebooks = [(p, nbformat.reads(p.read_text(encoding="utf-8"), as_version=4))
                     for p in paths]
        titles = [notebook_title(nb, p.stem) for p, nb in notebooks]
        own = None if language == "en" else {p.stem for p in paths}
        root = "" if language == "en" else "../"

        for k, (path, data) in enumerate(notebooks):
            prev = (page_name(paths[k - 1]), titles[k - 1]) if k else None
            nxt = (page_name(paths[k + 1]), titles[k + 1]) if k + 1 < len(paths) else None
            other = prefix_other + page_name(path) if path.name in other_names else None
            resources = {
                "metadata": {"name": titles[k]}, "language_code": language,
                "wijkwijs_nav": _nav(language, "index.html", prev, nxt, other),
                "wijkwijs_nav_bottom": _nav(language, "index.html", prev, nxt, other,
                                            "bottom"),
                "wijkwijs_solution": html.escape(_TEXT[language]["solution"]),
                "wijkwijs_explorer": _TEXT[language]["explorer"],
                "wijkwijs_mathjax": _mathjax_head(root, language) if has_math(data) else ""}
            body, _ = exporter.from_notebook_node(data, resources)
            body = _IPYNB_LINK.sub(lambda m, own=own: _page_link(m, own), body)
            target = folder / page_name(path)
            target.write_text(body, encoding="utf-8")
            written.append(target)
        other_index = ("nl/index.html" if language == "en" and books.get("nl")
                       else "../index.html" if language != "en" else None)
        index = folder / "index.html"
        index.write_text(_index_page(language, list(zip([page_name(p) for p in paths], titles,
                                                        strict=True)), other_index),
                         encoding="utf-8")
        written.append(index)
    return sorted(written)
