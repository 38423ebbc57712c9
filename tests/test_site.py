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

from wijkwijs.site import build_site, notebook_title, page_name

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
        assert "require.min.js" not in text and "MathJax.js" not in text


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
