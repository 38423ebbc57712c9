"""Translations of the chapter notebooks: one gettext catalogue per notebook, no drift.

The English notebook ``chapters/NAME.ipynb`` is the one source. Its translation into
Dutch lives in a standard gettext catalogue, ``translations/nl/NAME.po`` (Poedit, Weblate
and ``polib`` read it), and the Dutch twin ``chapters/nl/NAME.ipynb`` is *built* from the
two; nobody edits a twin by hand.

* **Key.** Each Markdown cell is one entry; its ``msgid`` is the cell's English source,
  whole. Two identical cells share one entry (gettext's own rule: one ``msgid``, one
  translation), so no ``msgctxt`` is needed. The entry's references (``#:``) say where the
  cell stands (``chapters/NAME.ipynb:INDEX``, the cell's index counted from 0); they are
  for the translator's eye only, never used as a key, so inserting a cell upstream
  changes no translation.
* **Extract** (:func:`merge`): a new English cell gets an empty ``msgstr``; a cell whose
  English changed gets the translation of the old text it most resembles, marked
  ``fuzzy`` with the old English as its previous ``msgid`` (``#|``), so the translator sees
  what changed; an entry no cell uses any more becomes obsolete (``#~``), kept as
  translation memory (an English cell that comes back finds it again).
* **Code sentences.** A sentence that a code cell writes itself goes through
  :func:`wijkwijs.i18n.tr` with an English template; :func:`merge` extracts the template
  into the same catalogue with the context ``code`` (:func:`code_sentences`), and ``tr``
  reads its translation when the Dutch twin runs. The code cell stays the same.
* **Check** (:func:`problems`): every Markdown cell and every code sentence must have a
  translation that is not empty and not fuzzy (and a code sentence's translation must
  keep the template's ``{fields}``).
* **Build** (:func:`build`): the English notebook with every Markdown cell translated and
  every code cell unchanged except the language: ``set_language("en")`` and
  ``set_language("nl")`` swap (:func:`swap_language`), so a cell that shows the other
  language for a moment still does so. Outputs are cleared; the ``build`` command of
  ``tools/translations.py`` then executes the twin so that its outputs are Dutch.

>>> nb = {"cells": [
...     {"cell_type": "markdown", "metadata": {}, "source": "# Welcome"},
...     {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
...      "source": 'set_language("en")'}], "metadata": {}, "nbformat": 4,
...     "nbformat_minor": 5}
>>> catalogue, changes = merge(nb, "00_demo")
>>> changes.added
['# Welcome']
>>> catalogue.find("# Welcome").msgstr = "# Welkom"
>>> problems(nb, catalogue)
[]
>>> twin = build(nb, catalogue)
>>> [cell["source"] for cell in twin["cells"]]
['# Welkom', 'set_language("nl")']
"""

from __future__ import annotations

import ast
import copy
import difflib
import json
import re
import string
from dataclasses import dataclass, field
from pathlib import Path

import polib

from wijkwijs.i18n import CODE_CONTEXT

#: The languages a notebook is translated into (English is the source).
TARGET_LANGUAGES: tuple[str, ...] = ("nl",)
SOURCE_LANGUAGE = "en"
#: How alike an old English text must be to a new one (``difflib`` ratio) for its
#: translation to be offered as a fuzzy suggestion rather than dropped.
FUZZY_RATIO = 0.5
_SET_LANGUAGE = re.compile(r"""set_language\(\s*(["'])(en|nl)\1\s*\)""")
_METADATA_KEYS_IGNORED = ("kernelspec", "language_info", "widgets")
#: Cell metadata that execution writes (nbclient's timestamps): not part of a build.
_CELL_METADATA_IGNORED = ("execution",)
HEADER = {
    "Project-Id-Version": "wijkwijs {name}",
    "Report-Msgid-Bugs-To": "",
    "Language-Team": "Dutch",
    "Language": "{language}",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=2; plural=(n != 1);",
}


def cell_source(cell: dict) -> str:
    """A cell's source as one string (nbformat stores it as a string or a list of lines).

    >>> cell_source({"source": ["# A\\n", "b"]})
    '# A\\nb'
    """
    source = cell.get("source", "")
    return source if isinstance(source, str) else "".join(source)


def markdown_cells(notebook: dict) -> list[tuple[int, str]]:
    """``(index, English source)`` of every Markdown cell that has text to translate.

    Empty Markdown cells (the learner's answer cell under a reflection) have nothing to
    translate and stay empty in the twin.

    >>> markdown_cells({"cells": [{"cell_type": "markdown", "source": "Hi"},
    ...                           {"cell_type": "markdown", "source": "  "}]})
    [(0, 'Hi')]
    """
    return [(i, cell_source(c)) for i, c in enumerate(notebook.get("cells", []))
            if c.get("cell_type") == "markdown" and cell_source(c).strip()]


def swap_language(code: str, language: str = "nl") -> str:
    """A code cell's source for the twin in ``language``: the two languages swap.

    ``set_language("en")`` becomes ``set_language(language)`` and the other way round;
    nothing else changes.

    >>> swap_language('set_language("en")  # or "nl"')
    'set_language("nl")  # or "nl"'
    >>> swap_language("set_language('nl'); x = 1")
    "set_language('en'); x = 1"
    """
    if language not in TARGET_LANGUAGES:
        raise ValueError(f"language {language!r} is not a target language; choose one of "
                         f"{', '.join(TARGET_LANGUAGES)}")
    other = {SOURCE_LANGUAGE: language, language: SOURCE_LANGUAGE}

    def replace(match: re.Match) -> str:
        quote, lang = match.group(1), match.group(2)
        return f"set_language({quote}{other.get(lang, lang)}{quote})"

    return _SET_LANGUAGE.sub(replace, code)


def new_catalogue(name: str, language: str = "nl") -> polib.POFile:
    """An empty catalogue for notebook ``name`` with the standard gettext header.

    >>> new_catalogue("06_1_demo").metadata["Language"]
    'nl'
    """
    if language not in TARGET_LANGUAGES:
        raise ValueError(f"language {language!r} is not a target language; choose one of "
                         f"{', '.join(TARGET_LANGUAGES)}")
    po = polib.POFile(wrapwidth=78)
    po.header = (f"Dutch translation of the wijkwijs notebook chapters/{name}.ipynb.\n"
                 "The msgid of each entry is an English Markdown cell, whole. Edit the "
                 "msgstr only;\nthen run: python tools/translations.py build "
                 f"{name}\nFollow chapters/nl/GLOSSARY.md.")
    po.metadata = {k: v.format(name=name, language=language) for k, v in HEADER.items()}
    return po


def read_catalogue(path: Path) -> polib.POFile:
    """Read a catalogue (``.po``) with ``polib``."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no catalogue at {path}")
    return polib.pofile(str(path), wrapwidth=78)


def catalogue_text(po: polib.POFile) -> str:
    """The catalogue as its ``.po`` file holds it (``polib``'s layout, UTF-8)."""
    return str(po).rstrip("\n") + "\n"


@dataclass
class Changes:
    """What :func:`merge` changed in a catalogue (English texts, first 60 characters)."""

    added: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    obsolete: list[str] = field(default_factory=list)
    revived: list[str] = field(default_factory=list)

    def changed(self) -> bool:
        """Whether the English side of the catalogue changed."""
        return bool(self.added or self.fuzzy or self.obsolete or self.revived)


def _short(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line[:60]


def code_sentences(notebook: dict) -> list[tuple[int, str]]:
    """``(index, English template)`` of every sentence a code cell writes through ``tr``.

    A code cell that writes a sentence of its own does it with
    :func:`wijkwijs.i18n.tr` (``display(Markdown(tr("**{n}** buurten", n=n)))``); the
    template is translated in the same catalogue as the Markdown, with the gettext context
    :data:`CODE_CONTEXT`. Only a plain string (not an f-string) can be a template.

    >>> code_sentences({"cells": [{"cell_type": "code",
    ...     "source": 'display(Markdown(tr("In {year}: **{n}** links", year=y, n=n)))'}]})
    [(0, 'In {year}: **{n}** links')]
    """
    out = []
    for index, cell in enumerate(notebook.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        source = cell_source(cell)
        if "tr(" not in source:
            continue
        lines = [line if not line.lstrip().startswith(("%", "!")) else ""
                 for line in source.splitlines()]
        try:
            tree = ast.parse("\n".join(lines))
        except SyntaxError as error:
            raise ValueError(f"code cell {index} does not parse ({error.msg}); its tr() "
                             "sentences cannot be extracted") from None
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and node.args
                    and (getattr(node.func, "id", None) == "tr"
                         or getattr(node.func, "attr", None) == "tr")):
                first = node.args[0]
                if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                    raise ValueError(f"code cell {index}: tr() needs a plain string template "
                                     "(no f-string), so that it can be translated")
                if (index, first.value) not in out:
                    out.append((index, first.value))
    return out


def _texts(notebook: dict) -> list[tuple[str | None, int, str]]:
    """Everything to translate, in cell order: ``(context, index, English)``."""
    items = [(None, i, text) for i, text in markdown_cells(notebook)]
    items += [(CODE_CONTEXT, i, text) for i, text in code_sentences(notebook)]
    return sorted(items, key=lambda item: (item[1], item[0] is not None))


def merge(notebook: dict, name: str, old: polib.POFile | None = None,
          language: str = "nl") -> tuple[polib.POFile, Changes]:
    """Extract the texts of ``notebook`` into a catalogue, keeping ``old``'s work.

    The texts are its Markdown cells (no context) and the sentences its code cells write
    through ``tr`` (context :data:`CODE_CONTEXT`, see :func:`code_sentences`).

    Parameters
    ----------
    notebook
        The English notebook (nbformat JSON as a dict).
    name
        Its file name without ``.ipynb`` (used in the header and references).
    old
        The notebook's catalogue so far, or None for a new one.
    language
        The target language.

    Returns
    -------
    (catalogue, changes)
        The new catalogue, in the notebook's cell order, obsolete entries last, and
        what changed. ``old`` is not modified.

    Examples
    --------
    >>> nb = {"cells": [{"cell_type": "markdown", "source": "The city grows."}]}
    >>> po, _ = merge(nb, "demo")
    >>> po[0].msgstr = "De stad groeit."
    >>> nb["cells"][0]["source"] = "The city grows fast."
    >>> po, changes = merge(nb, "demo", po)
    >>> entry = po[0]
    >>> entry.fuzzy, entry.msgstr, entry.previous_msgid
    (True, 'De stad groeit.', 'The city grows.')
    """
    fresh = new_catalogue(name, language)
    changes = Changes()
    if old is not None:
        fresh.header = old.header or fresh.header
        fresh.metadata.update({k: v for k, v in old.metadata.items() if v})
    previous = {(e.msgctxt, e.msgid): e for e in (old or []) if e.msgid}
    used: set[tuple[str | None, str]] = set()
    by_key: dict[tuple[str | None, str], polib.POEntry] = {}
    for context, index, source in _texts(notebook):
        key, where = (context, source), (f"chapters/{name}.ipynb", str(index))
        if key in by_key:
            if where not in by_key[key].occurrences:
                by_key[key].occurrences.append(where)
            continue
        entry = polib.POEntry(msgid=source, msgstr="", occurrences=[where], msgctxt=context)
        known = previous.get(key)
        if known is not None:
            entry.msgstr, entry.flags = known.msgstr, list(known.flags)
            entry.previous_msgid, entry.comment = known.previous_msgid, known.comment
            entry.tcomment = known.tcomment
            if known.obsolete:
                changes.revived.append(_short(source))
            used.add(key)
        by_key[key] = entry
        fresh.append(entry)
    # A changed English text: the most similar unused old entry of its kind, if alike enough.
    unused = [e for k, e in previous.items() if k not in used and e.msgstr]
    for entry in fresh:
        if (entry.msgctxt, entry.msgid) in previous:
            continue
        best, ratio = None, FUZZY_RATIO
        for candidate in unused:
            if candidate.msgctxt != entry.msgctxt:
                continue
            score = difflib.SequenceMatcher(None, candidate.msgid, entry.msgid,
                                            autojunk=False).ratio()
            if score >= ratio:
                best, ratio = candidate, score
        if best is None:
            changes.added.append(_short(entry.msgid))
            continue
        unused.remove(best)
        used.add((best.msgctxt, best.msgid))
        entry.msgstr, entry.tcomment = best.msgstr, best.tcomment
        entry.previous_msgid = best.previous_msgid if best.fuzzy and best.previous_msgid \
            else best.msgid
        entry.flags = sorted(set(best.flags) | {"fuzzy"})
        changes.fuzzy.append(_short(entry.msgid))
    for key, old_entry in previous.items():
        if key in used or key in by_key:
            continue
        gone = polib.POEntry(msgid=old_entry.msgid, msgstr=old_entry.msgstr,
                             msgctxt=old_entry.msgctxt, tcomment=old_entry.tcomment,
                             obsolete=True, flags=list(old_entry.flags))
        fresh.append(gone)
        if not old_entry.obsolete:
            changes.obsolete.append(_short(old_entry.msgid))
    return fresh, changes


def translations(po: polib.POFile) -> dict[str, str]:
    """The finished translations of a catalogue's Markdown: ``{English: translation}``.

    Fuzzy, empty and obsolete entries are left out: they are not finished. Code sentences
    (context :data:`CODE_CONTEXT`) are read by :func:`wijkwijs.i18n.tr` at run time.
    """
    return {e.msgid: e.msgstr for e in po
            if e.msgid and e.msgstr and not e.fuzzy and not e.obsolete and not e.msgctxt}


def _fields(template: str) -> list[str]:
    """The ``{fields}`` of a ``str.format`` template, as written (with their format)."""
    try:
        return sorted(f"{name}:{spec}" for _, name, spec, _ in
                      string.Formatter().parse(template) if name is not None)
    except ValueError as error:
        return [f"<unparsable: {error}>"]


def problems(notebook: dict, po: polib.POFile, name: str = "") -> list[str]:
    """Why ``po`` does not (yet) translate ``notebook``; empty when it is complete.

    One line per Markdown cell or code sentence: no entry at all (the English is new or
    changed since the last ``extract``), an empty translation, or a stale one (fuzzy: its
    English changed since it was translated); for a code sentence also a translation
    whose ``{fields}`` are not the English template's.

    >>> nb = {"cells": [{"cell_type": "markdown", "source": "Hello"}]}
    >>> problems(nb, new_catalogue("demo"), "demo")  # doctest: +ELLIPSIS
    ["demo cell 0: no entry for this English text (run: ... extract demo): 'Hello'"]
    """
    entries = {(e.msgctxt, e.msgid): e for e in po if not e.obsolete}
    out = []
    prefix = f"{name} " if name else ""
    for context, index, source in _texts(notebook):
        entry = entries.get((context, source))
        where = f"{prefix}cell {index}" + (" (sentence of tr())" if context else "")
        if entry is None:
            out.append(f"{where}: no entry for this English text (run: python "
                       f"tools/translations.py extract {name or 'NAME'}): "
                       f"{_short(source)!r}")
        elif entry.fuzzy:
            out.append(f"{where}: stale translation (fuzzy: the English changed since it "
                       f"was translated; update the msgstr, then remove the fuzzy flag): "
                       f"{_short(source)!r}")
        elif not entry.msgstr.strip():
            out.append(f"{where}: not translated yet: {_short(source)!r}")
        elif context and _fields(entry.msgstr) != _fields(source):
            out.append(f"{where}: the translation's fields {_fields(entry.msgstr)} are not "
                       f"the English {_fields(source)}: {_short(source)!r}")
    return out


def build(notebook: dict, po: polib.POFile, language: str = "nl") -> dict:
    """The twin of ``notebook`` in ``language``, with outputs cleared (not executed).

    Markdown cells are translated, code cells keep their source with
    :func:`swap_language`, every cell keeps its metadata (tags) and id. Raises
    ``ValueError`` listing :func:`problems` when the catalogue is not complete.
    """
    issues = problems(notebook, po)
    if issues:
        raise ValueError(f"the catalogue is not complete ({len(issues)} problem(s)); first: "
                         f"{issues[0]}")
    done = translations(po)
    twin = copy.deepcopy(notebook)
    for cell in twin.get("cells", []):
        source = cell_source(cell)
        for key in _CELL_METADATA_IGNORED:
            cell.get("metadata", {}).pop(key, None)
        if cell.get("cell_type") == "markdown" and source.strip():
            cell["source"] = done[source]
        elif cell.get("cell_type") == "code":
            cell["source"] = swap_language(source, language)
            cell["outputs"] = []
            cell["execution_count"] = None
        else:
            cell["source"] = source
    twin.setdefault("metadata", {})["wijkwijs"] = {"language": language}
    for key in _METADATA_KEYS_IGNORED:
        twin["metadata"].pop(key, None)
    return twin


def _comparable(notebook: dict) -> dict:
    """A notebook without what execution writes (outputs, counts, ids, timestamps, kernel)."""
    cells = []
    for cell in notebook.get("cells", []):
        kept = {k: v for k, v in cell.items()
                if k not in ("outputs", "execution_count", "id")}
        kept["source"] = cell_source(cell)
        kept["metadata"] = {k: v for k, v in cell.get("metadata", {}).items()
                            if k not in _CELL_METADATA_IGNORED}
        cells.append(kept)
    metadata = {k: v for k, v in notebook.get("metadata", {}).items()
                if k not in _METADATA_KEYS_IGNORED}
    return {"cells": cells, "metadata": metadata}


def differences(expected: dict, stored: dict, limit: int = 5) -> list[str]:
    """Where a stored twin differs from what :func:`build` writes, outputs aside.

    >>> a = {"cells": [{"cell_type": "code", "source": "x = 1", "outputs": [1]}]}
    >>> b = {"cells": [{"cell_type": "code", "source": "x = 1", "outputs": []}]}
    >>> differences(a, b)
    []
    >>> b["cells"][0]["source"] = "x = 2"
    >>> differences(a, b)
    ["cell 0 (code): source differs: 'x = 1' != 'x = 2'"]
    """
    want, have = _comparable(expected), _comparable(stored)
    out = []
    if want["metadata"] != have["metadata"]:
        out.append(f"notebook metadata differs: {want['metadata']} != {have['metadata']}")
    if len(want["cells"]) != len(have["cells"]):
        out.append(f"{len(have['cells'])} cells, the build has {len(want['cells'])}")
    for i, (a, b) in enumerate(zip(want["cells"], have["cells"], strict=False)):
        if a == b:
            continue
        kind = a.get("cell_type")
        what = next((k for k in ("cell_type", "source", "metadata", "attachments")
                     if a.get(k) != b.get(k)), "content")
        detail = f": {_short(str(a.get(what)))!r} != {_short(str(b.get(what)))!r}" \
            if what == "source" else ""
        out.append(f"cell {i} ({kind}): {what} differs{detail}")
        if len(out) >= limit:
            break
    return out


def code_differences(english: dict, twin: dict, language: str = "nl") -> list[str]:
    """Code cells of ``twin`` that are not the English ones (with the language swapped).

    >>> en = {"cells": [{"cell_type": "code", "source": 'set_language("en")'}]}
    >>> code_differences(en, {"cells": [{"cell_type": "code", "source": 'set_language("nl")'}]})
    []
    """
    a = [swap_language(cell_source(c), language) for c in english.get("cells", [])
         if c.get("cell_type") == "code"]
    b = [cell_source(c) for c in twin.get("cells", []) if c.get("cell_type") == "code"]
    if len(a) != len(b):
        return [f"{len(b)} code cells, the English notebook has {len(a)}"]
    out = []
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        if x != y:
            xs, ys = x.splitlines(), y.splitlines()
            n = next((k for k, (p, q) in enumerate(zip(xs, ys, strict=False)) if p != q),
                     min(len(xs), len(ys)))
            theirs = ys[n] if n < len(ys) else "(nothing)"
            english = xs[n] if n < len(xs) else "(nothing)"
            out.append(f"code cell {i}, line {n + 1}: {theirs[:60]!r} is not the English "
                       f"{english[:60]!r}")
    return out


def words(text: str) -> int:
    """Words of a Markdown text: runs of letters or digits, markup and formulas aside.

    LaTeX between dollar signs, code in backticks, link targets and HTML tags are left
    out, so the count is that of prose a reader reads.

    >>> words("The **mean** of `x` is $\\\\bar x$ ([see](01_1.ipynb)).")
    5
    """
    text = re.sub(r"\$\$.*?\$\$|\$[^$\n]*\$", " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "] ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return len(re.findall(r"[^\W_]+(?:['’\-][^\W_]+)*", text))


def markdown_words(notebook: dict) -> int:
    """Words in the Markdown cells of a notebook (see :func:`words`)."""
    return sum(words(cell_source(c)) for c in notebook.get("cells", [])
               if c.get("cell_type") == "markdown")


_PROSE_CALL = re.compile(r"""(?:Markdown|print)\(\s*f?(["'])(.*?)\1""", re.S)


def prose_in_code(notebook: dict) -> list[int]:
    """Indices of code cells that write English prose of their own.

    A ``display(Markdown(f"..."))`` or ``print("...")`` whose string holds words is
    English in the twin too, since code cells are not translated: such a sentence
    belongs in the library, through :mod:`wijkwijs.i18n`. A heuristic, for the
    translators' report, not a test.

    >>> prose_in_code({"cells": [{"cell_type": "code",
    ...                           "source": 'display(Markdown(f"In 2019: **{n}** links"))'}]})
    [0]
    >>> prose_in_code({"cells": [{"cell_type": "code", "source": "print(check('x', 1))"}]})
    []
    """
    def has_prose(source: str) -> bool:
        for match in _PROSE_CALL.finditer(source):
            text = re.sub(r"\{[^}]*\}", " ", match.group(2))
            if len(re.findall(r"[A-Za-z]{2,}", text)) >= 2:
                return True
        return False

    return [i for i, c in enumerate(notebook.get("cells", []))
            if c.get("cell_type") == "code" and has_prose(cell_source(c))]


def read_notebook(path: Path) -> dict:
    """A notebook file as a JSON dict."""
    return json.loads(Path(path).read_text(encoding="utf-8"))
