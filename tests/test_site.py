"""``wijkwijs site``: a page per chapter, links that resolve, figures and maps, no CDN."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from wijkwijs.site import MATHJAX_DIR, build_site, notebook_title, page_name

REPO = Path(__file__).resolve().parent.parent
CHAPTERS = REPO / "chapters"
NOTEBOOKS = sorted(CHAPTERS.glob("*.ipynb"))
DUTCH = sorted((CHAPTERS / "nl").glob("*.ipynb"))


class _Refs(HTMLParser):
    """Every (tag, attribute, value) of href/src attributes, outside iframes' srcdoc."""

    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.refs.append((tag, name, value))


def refs(text: str) -> list[tuple[str, str, str]]:
    parser = _Refs()
    parser.feed(text)
    return parser.refs


class _Prose(HTMLParser):
    """The text a reader sees and MathJax typesets: outside script, style, pre and code."""

    SKIP = frozenset({"script", "style", "pre", "code", "textarea"})

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.depth += tag in self.SKIP

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


#: A formula in a page's prose, as MathJax's tex2jax finds it.
FORMULA = re.compile(r"\$[^$]+\$|\\\(.+?\\\)|\\\[.+?\\\]", re.S)


def prose(text: str) -> str:
    parser = _Prose()
    parser.feed(text)
    return "".join(parser.parts)


def pages(site: Path) -> list[Path]:
    """The chapter pages (not the indexes), English and Dutch."""
    return [p for p in sorted(site.rglob("*.html"))
            if p.name != "index.html" and MATHJAX_DIR not in p.as_posix()]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "site"
    result = subprocess.run([sys.executable, "-m", "wijkwijs.cli", "site", str(out)],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    written = re.match(r"wijkwijs site: wrote (\d+) pages", result.stdout)
    assert written and int(written[1]) == len(list(out.rglob("*.html")))
    return out


def _outputs(notebook: Path) -> list[dict]:
    cells = json.loads(notebook.read_text())["cells"]
    return [o for c in cells if c["cell_type"] == "code" for o in c.get("outputs", [])]


def test_every_chapter_has_a_page_listed_in_the_index(site):
    index = (site / "index.html").read_text()
    for notebook in NOTEBOOKS:
        page = site / page_name(notebook)
        assert page.is_file(), f"no page for {notebook.name}"
        assert f"href='{page.name}'" in index
        title = notebook_title(json.loads(notebook.read_text()), notebook.stem)
        assert f"<title>{title}" in page.read_text() or title.split()[0] in page.read_text()
    for notebook in DUTCH:
        assert (site / "nl" / page_name(notebook)).is_file()


def test_internal_links_resolve(site):
    broken = []
    for page in sorted(site.rglob("*.html")):
        for tag, _attr, value in refs(page.read_text()):
            url = urlparse(value)
            if url.scheme or value.startswith(("#", "//", "data:", "mailto:")) or not url.path:
                continue
            if tag in ("a", "link") and not (page.parent / unquote(url.path)).exists():
                broken.append(f"{page.relative_to(site)} -> {value}")
    assert broken == []


def test_nothing_is_loaded_from_the_network(site):
    for page in sorted(site.rglob("*.html")):
        text = page.read_text()
        loads = [(tag, v) for tag, attr, v in refs(text)
                 if (tag in ("script", "img", "iframe", "link", "source", "video", "audio")
                     and re.match(r"(https?:)?//", v))]
        assert loads == [], f"{page.name} loads {loads[:3]}"
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), page.name
        assert not re.search(r"@import\s+(url\()?\s*['\"]?(https?:)?//", text), page.name
        assert "require.min.js" not in text
        root = "../" if page.parent != site else ""
        assert all(v.startswith(f"{root}{MATHJAX_DIR}/") for tag, _a, v in refs(text)
                   if tag == "script" and "mathjax" in v.lower()), page.name
        assert not re.search(r"cdn\.|mathjax\.org|cloudflare", " ".join(
            v for tag, _a, v in refs(text) if tag != "a" and not v.startswith("data:")),
            re.I), page.name


def test_figures_and_maps_appear(site):
    n_figures = n_maps = 0
    for notebook in NOTEBOOKS:
        outputs = _outputs(notebook)
        text = (site / page_name(notebook)).read_text()
        if any("image/png" in o.get("data", {}) for o in outputs):
            assert any(tag == "img" and v.startswith("data:image/png;base64,")
                       for tag, _a, v in refs(text)), notebook.name
            n_figures += 1
        if any("leaflet" in "".join(o.get("data", {}).get("text/html", "")).lower()
               for o in outputs):
            assert "leaflet" in text.lower() and "<iframe" in text, notebook.name
            n_maps += 1
    assert n_figures >= 10 and n_maps >= 2


def test_solutions_are_collapsed_and_explorers_explained(site):
    for notebook in NOTEBOOKS:
        cells = json.loads(notebook.read_text())["cells"]
        solutions = sum("solution" in c["metadata"].get("tags", []) for c in cells)
        text = (site / page_name(notebook)).read_text()
        assert text.count('<details class="wijkwijs-solution">') == solutions, notebook.name
        assert "<details class=\"wijkwijs-solution\" open" not in text
        widgets = sum("application/vnd.jupyter.widget-view+json" in o.get("data", {})
                      for o in _outputs(notebook))
        assert text.count("wijkwijs-explorer-note") >= (1 if widgets else 0)


def test_navigation_links_every_page_to_its_neighbours(site):
    names = [page_name(p) for p in NOTEBOOKS]
    for k, name in enumerate(names):
        links = [v for tag, attr, v in refs((site / name).read_text()) if tag == "a"]
        assert links.count("index.html") == 2  # at the top and at the bottom
        if k:
            assert links.count(names[k - 1]) >= 2
        if k + 1 < len(names):
            assert links.count(names[k + 1]) >= 2


def test_a_folder_with_other_files_is_never_overwritten(tmp_path):
    (tmp_path / "mine.txt").write_text("keep")
    with pytest.raises(FileExistsError, match="not a wijkwijs site"):
        build_site(tmp_path, only=["00_welcome.ipynb"])
    assert (tmp_path / "mine.txt").read_text() == "keep"
    out = tmp_path / "site"
    build_site(out, only=["00_welcome.ipynb"])
    with pytest.raises(FileExistsError, match="--overwrite"):
        build_site(out, only=["00_welcome.ipynb"])
    pages = build_site(out, only=["00_welcome.ipynb"], overwrite=True)
    assert out / "index.html" in pages
    with pytest.raises(ValueError, match=r"no notebook 'nope\.ipynb'"):
        build_site(tmp_path / "other", only=["nope.ipynb"])


def test_pages_with_formulas_use_the_local_mathjax(site):
    with_math = {"en": 0, "nl": 0}
    for page in pages(site):
        root = "../" if page.parent != site else ""
        scripts = [v for tag, attr, v in refs(page.read_text()) if tag == "script"]
        local = [v for v in scripts if v.startswith(f"{root}{MATHJAX_DIR}/MathJax.js?")]
        if FORMULA.search(prose(page.read_text())):
            with_math["nl" if root else "en"] += 1
            assert len(local) == 1, f"{page.relative_to(site)} has formulas, no MathJax"
            assert "config=TeX-AMS-MML_HTMLorMML-full" in local[0]
            assert f"locale={'nl' if root else 'en'}" in local[0]
        else:
            assert local == [], f"{page.relative_to(site)} loads MathJax for no formula"
    assert with_math["en"] >= 10 and with_math["nl"] >= 10, with_math


def test_every_file_a_page_loads_is_in_the_site(site):
    missing = []
    for page in sorted(site.rglob("*.html")):
        if MATHJAX_DIR in page.as_posix():
            continue
        for tag, _attr, value in refs(page.read_text()):
            url = urlparse(value)
            if tag == "a" or url.scheme or value.startswith(("#", "//")) or not url.path:
                continue
            if not (page.parent / unquote(url.path)).is_file():
                missing.append(f"{page.relative_to(site)} -> {value}")
    assert missing == []


def test_the_site_ships_only_the_mathjax_it_needs(site):
    mathjax = site / MATHJAX_DIR
    assert (mathjax / "MathJax.js").is_file() and (mathjax / "LICENSE").is_file()
    assert (mathjax / "jax/output/HTML-CSS/fonts/STIX-Web/fontdata.js").is_file()
    size = sum(p.stat().st_size for p in mathjax.rglob("*") if p.is_file())
    assert size < 2.5 * 2**20, f"{size / 2**20:.1f} MiB of MathJax"
    for unused in ("jax/output/SVG", "extensions/a11y", "localization/de", "config/Safe.js"):
        assert not (mathjax / unused).exists(), unused


def test_a_missing_mathjax_package_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "jupyter_server_mathjax", None)  # import fails
    with pytest.raises(ModuleNotFoundError, match=r"jupyter-server-mathjax.*pip install "
                                                  r"jupyter-server-mathjax"):
        build_site(tmp_path / "site", only=["00_welcome.ipynb"])
    assert not (tmp_path / "site").exists()


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Chromium at /usr/bin/chromium")
@pytest.mark.parametrize("folder", ["", "nl"], ids=["en", "nl"])
def test_formulas_render_offline_in_chromium(site, folder):
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    page_file = site / folder / "02_1_measuring_segregation.html"
    assert "\\tfrac12" in prose(page_file.read_text())  # raw TeX before MathJax runs
    network: list[str] = []
    files: list[str] = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(("file:", "data:", "about:", "blob:")):
            files.append(url)
            request_route.continue_()
        else:
            network.append(url)
            request_route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                             args=["--no-sandbox", "--disable-gpu"])
        try:
            context = browser.new_context(locale="nl-NL" if folder else "en-GB")
            context.route("**/*", route)
            page = context.new_page()
            failed: list[str] = []
            page.on("requestfailed", lambda r: failed.append(r.url))
            page.goto(page_file.as_uri())
            page.wait_for_function("window.MathJax && MathJax.isReady === true",
                                   timeout=30_000)
            page.evaluate("() => new Promise(done => MathJax.Hub.Queue(() => done(1)))")
            rendered = page.evaluate(
                "document.querySelectorAll('.MathJax, .MathJax_Display, .MathJax_CHTML, "
                "mjx-container').length")
            errors = page.evaluate(
                "document.querySelectorAll('.MathJax_Error, merror, .mjx-merror').length")
            text = page.evaluate("document.body.innerText")
            a11y = page.evaluate("MathJax.Extension['accessibility-menu'].modules.length")
        finally:
            browser.close()
    assert network == []
    assert [u for u in failed if u.startswith("file:")] == []
    for url in files:
        if url.startswith("file:"):
            assert Path(unquote(urlparse(url).path)).is_file(), url
    assert any(MATHJAX_DIR + "/fonts/" in u for u in files)  # the web fonts load
    assert rendered >= 10 and errors == 0
    assert a11y == 0  # no menu item loads the accessibility explorer the site lacks
    assert "\\tfrac" not in text and "$D" not in text
