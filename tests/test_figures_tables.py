"""Tables as the notebook shows them (wijkwijs.figures.tables): labelled headers in Dutch."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from IPython.core.formatters import HTMLFormatter

from wijkwijs import i18n
from wijkwijs.figures import tables

DUTCH_CHAPTERS = Path(__file__).resolve().parent.parent / "chapters" / "nl"
_THEAD = re.compile(r"<thead>.*?</thead>", re.DOTALL)
_TH = re.compile(r"<th(?:\s[^>]*)?>(.*?)</th>", re.DOTALL)
_CODE = re.compile(r"<br><code>(.*?)</code>$", re.DOTALL)
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


@pytest.fixture
def dutch():
    i18n.set_language("nl")
    yield
    i18n.set_language("en")


def head_cells(text: str) -> list[str]:
    """The inner HTML of every ``<th>`` in the table's header."""
    head = _THEAD.search(text)
    return _TH.findall(head.group(0)) if head else []


def body(text: str) -> str:
    """Everything but the table's header."""
    return _THEAD.sub("", text)


def test_dutch_headers_show_the_label_and_the_code_name(dutch):
    frame = pd.DataFrame({"pct_social_rent": [41.9], "mean_ties": [2.5]})
    cells = head_cells(tables.relabelled_html(frame))
    assert cells == ["", "% woningen van woningcorporaties<br><code>pct_social_rent</code>",
                     "Gemiddeld aantal banden per bewoner<br><code>mean_ties</code>"]


def test_values_and_their_formatting_do_not_change(dutch):
    frame = pd.DataFrame({"gini_wealth": [0.7771234, 0.79], "year": [2011, 2012],
                          "name": ["<b>Noord</b>", "Zuid & Oost"]})
    plain, labelled = frame._repr_html_(), tables.relabelled_html(frame)
    assert body(labelled) == body(plain)
    assert "&lt;b&gt;Noord&lt;/b&gt;" in labelled


def test_english_is_pandas_own_html_byte_for_byte():
    frame = pd.DataFrame({"pct_social_rent": [41.9], "unknown": [1]}).set_index("unknown")
    assert i18n.get_language() == "en"
    assert tables.relabelled_html(frame) == frame._repr_html_()
    assert tables.dataframe_html(frame) == frame._repr_html_()


def test_ipython_formatter_english_unchanged_dutch_labelled():
    """Through IPython's own HTML formatter, as a notebook shows a table."""
    formatter = HTMLFormatter()
    formatter.for_type(pd.DataFrame, tables.dataframe_html)
    frame = pd.DataFrame({"mean_ties": [1.0]})
    assert formatter(frame) == frame._repr_html_()
    i18n.set_language("nl")
    try:
        assert "<code>mean_ties</code>" in formatter(frame)
    finally:
        i18n.set_language("en")


def test_columns_without_a_label_stay_as_they_are(dutch):
    frame = pd.DataFrame({"no_such_column": [1], 2022: [2], "Al Nederlands": [3]})
    cells = head_cells(tables.relabelled_html(frame))
    assert cells == ["", "no_such_column", "2022", "Al Nederlands"]
    assert tables.column_label("no_such_column") is None
    assert tables.column_label(2022) is None


def test_index_names_are_relabelled(dutch):
    frame = pd.DataFrame({"ties": [3, 4]}, index=pd.Index(["a", "b"], name="income_group"))
    frame.columns.name = "year"
    cells = head_cells(tables.relabelled_html(frame))
    assert "Inkomensgroep<br><code>income_group</code>" in cells
    assert "Jaar<br><code>year</code>" in cells
    assert "Banden<br><code>ties</code>" in cells
    # the index values (rows) are data, not headers: untouched
    assert "<th>a</th>" in body(tables.relabelled_html(frame))


def test_multiindex_columns_and_index(dutch):
    columns = pd.MultiIndex.from_product([["survival", "other"], ["ci_lower", "ci_upper"]],
                                         names=["outcome", None])
    index = pd.MultiIndex.from_tuples([("structural", 2011)], names=["funding", "year"])
    frame = pd.DataFrame([[0.9, 0.95, 1, 2]], columns=columns, index=index)
    text = tables.relabelled_html(frame)
    cells = [_CODE.search(cell).group(1) if _CODE.search(cell) else cell
             for cell in head_cells(text)]
    for name in ("survival", "ci_lower", "ci_upper", "outcome", "funding", "year"):
        assert name in cells
    assert any('colspan="2"' in tag and "Overleving" in tag
               for tag in re.findall(r"<th[^>]*>[^<]*", _THEAD.search(text).group(0)))
    assert "other" in cells
    assert body(text) == body(frame._repr_html_())


def test_names_are_escaped(dutch, monkeypatch):
    monkeypatch.setitem(tables.COLUMN_LABELS, "a<b", {"en": "A < B", "nl": "A < B & C"})
    i18n.register({"column.a<b": {"en": "A < B", "nl": "A < B & C"}})
    frame = pd.DataFrame({"a<b": [1], "x>y": [2]})
    cells = head_cells(tables.relabelled_html(frame))
    assert cells[1] == "A &lt; B &amp; C<br><code>a&lt;b</code>"
    assert cells[2] == "x&gt;y"


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="DataFrame"):
        tables.relabelled_html([1, 2])


def test_install_formatter_outside_ipython_does_nothing():
    assert tables.install_formatter() is False


def test_every_label_has_both_languages_and_one_home():
    keys = tables.label_keys()
    assert not set(tables.COLUMN_LABELS) & set(tables.REUSED_KEYS)
    for name, key in keys.items():
        for language in i18n.LANGUAGES:
            i18n.set_language(language)
            try:
                label = i18n.t(key)
            finally:
                i18n.set_language("en")
            assert label.strip(), (name, language)
    for name, texts in tables.COLUMN_LABELS.items():
        assert set(texts) == set(i18n.LANGUAGES), name


def _dutch_texts() -> set[str]:
    """Every registered Dutch text without fields: headers that are Dutch already."""
    # the modules whose translated headers appear in the Dutch tables
    import wijkwijs.examples.homophily
    import wijkwijs.examples.incomes
    import wijkwijs.examples.wijkscan
    import wijkwijs.exercises.ch6
    import wijkwijs.havenstad.liveability
    import wijkwijs.havenstad.views  # noqa: F401

    i18n.set_language("nl")
    try:
        return {i18n.t(key) for key in i18n.keys() if "{" not in i18n.t(key)}
    finally:
        i18n.set_language("en")


def stored_dutch_headers() -> list[tuple[str, str, bool]]:
    """(notebook, column name, shown with its code name) for every header of every table."""
    found = []
    for path in sorted(DUTCH_CHAPTERS.glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                text = output.get("data", {}).get("text/html", "")
                text = "".join(text) if isinstance(text, list) else text
                if 'class="dataframe"' not in text:
                    continue
                for inner in head_cells(text):
                    code = _CODE.search(inner)
                    name = html.unescape(code.group(1) if code else inner)
                    found.append((path.stem, name, code is not None))
    return found


def test_every_column_name_in_a_dutch_table_has_a_label():
    """Every code name in a stored Dutch table is labelled, and shown labelled.

    A header that is not a name (a number, a phrase) or is already a Dutch text from
    :mod:`wijkwijs.i18n` (``Maat``, ``Waarde``) needs no label.
    """
    headers = stored_dutch_headers()
    assert len({notebook for notebook, _, _ in headers}) >= 20
    keys, dutch = tables.label_keys(), _dutch_texts()
    unlabelled = sorted({(nb, name) for nb, name, _ in headers
                         if name not in keys and _IDENTIFIER.fullmatch(name)
                         and name not in dutch})
    assert not unlabelled, f"column names without a label: {unlabelled}"
    stale = sorted({nb for nb, name, coded in headers if name in keys and not coded})
    assert not stale, f"labelled names shown bare; rebuild these twins: {stale}"
