"""A small translation table for every string wijkwijs shows a learner.

Each module registers its strings with :func:`register`, in English and Dutch.
A notebook chooses its language once, at the top, with :func:`set_language`;
English is the default. :func:`t` looks a string up and fills in its fields.

Sentences that a notebook's code cell writes itself (``display(Markdown(...))``) go
through :func:`tr`: the English sentence is the template, and its translations live in
the same gettext catalogues as the notebook's Markdown (``translations/nl/NAME.po``,
context ``code``), so the Dutch twin of a notebook runs the very same code cell.

>>> set_language("nl")
>>> t("feedback.correct")
'Goed zo!'
>>> set_language("en")
>>> t("feedback.correct")
'Correct!'
>>> t("no.such.key")
Traceback (most recent call last):
...
KeyError: "no translation for 'no.such.key'; known keys start with: ..."
"""

from __future__ import annotations

import numbers
import string

LANGUAGES: tuple[str, ...] = ("en", "nl")
#: The gettext context of a sentence written by a notebook's code cell (see :func:`tr`).
CODE_CONTEXT = "code"
_TABLE: dict[str, dict[str, str]] = {}
_state = {"language": "en"}
_CODE_SENTENCES: dict[str, dict[str, str]] = {}


def register(entries: dict[str, dict[str, str]]) -> None:
    """Add strings to the table: ``{key: {"en": ..., "nl": ...}}``.

    Every entry needs both languages, so nothing falls back silently.

    >>> register({"demo.hello": {"en": "Hello {name}", "nl": "Hallo {name}"}})
    >>> t("demo.hello", name="Fatima")
    'Hello Fatima'
    """
    for key, texts in entries.items():
        missing = [lang for lang in LANGUAGES if lang not in texts]
        if missing:
            raise ValueError(f"translation {key!r} lacks {', '.join(missing)}")
        if key in _TABLE and _TABLE[key] != texts:
            raise ValueError(f"translation {key!r} is registered twice with different texts")
        _TABLE[key] = dict(texts)


def set_language(language: str) -> None:
    """Choose the language of every wijkwijs message: ``"en"`` or ``"nl"``."""
    lang = str(language).lower().strip()
    if lang not in LANGUAGES:
        raise ValueError(
            f"language {language!r} is not available; choose one of {', '.join(LANGUAGES)}."
        )
    _state["language"] = lang


def get_language() -> str:
    """Return the current language code (``"en"`` by default)."""
    return _state["language"]


def t(key: str, **fields: object) -> str:
    """Return the string ``key`` in the current language, with ``fields`` filled in.

    Numbers among the fields are written the way the language writes them (see
    :func:`number`).

    >>> register({"demo.share": {"en": "{share:.1f} %", "nl": "{share:.1f} %"}})
    >>> set_language("nl"); t("demo.share", share=12.5); set_language("en")
    '12,5 %'
    """
    try:
        text = _TABLE[key][_state["language"]]
    except KeyError:
        prefixes = sorted({k.split(".")[0] for k in _TABLE})
        raise KeyError(
            f"no translation for {key!r}; known keys start with: {', '.join(prefixes)}"
        ) from None
    if not fields:
        return text
    if _state["language"] == "en":
        return text.format(**fields)
    return _LocalNumbers().format(text, **fields)


def number(value: object, spec: str = "") -> str:
    """``format(value, spec)`` in the current language's notation.

    In Dutch a decimal comma and a point between thousands; in English the reverse.

    >>> set_language("nl")
    >>> number(1038.5, ",.1f"), number(0.374, ".2f"), number("BU0363")
    ('1.038,5', '0,37', 'BU0363')
    >>> set_language("en")
    >>> number(1038.5, ",.1f")
    '1,038.5'
    """
    if _state["language"] == "en":
        return format(value, spec)
    return _LocalNumbers().format_field(value, spec)


def tr(template: str, **fields: object) -> str:
    """A sentence a notebook's code cell writes, in the current language.

    ``template`` is the English sentence with ``{fields}`` (format specifications such as
    ``{r:.2f}`` allowed). In English it is filled in as it is; in another language its
    translation is read from the gettext catalogues in ``translations/<language>/``
    (entries with context :data:`CODE_CONTEXT`; fuzzy, i.e. stale, entries do not count).
    A sentence without an up-to-date translation is an error, not English in a Dutch
    notebook: the Dutch twin cannot drift from the English one.

    Numbers are written the way the language writes them: in Dutch a decimal comma and
    a point between thousands (``{n:,}`` gives ``1.038``, ``{r:.2f}`` gives ``0,37``).

    >>> set_language("en")
    >>> tr("**{n:,}** buurten, r = {r:.2f}", n=1038, r=0.0159)
    '**1,038** buurten, r = 0.02'
    """
    language = _state["language"]
    if language == "en":
        return template.format(**fields)
    table = _code_sentences(language)
    if template not in table:
        raise KeyError(f"no {language!r} translation of the notebook sentence "
                       f"{template!r}; run `python tools/translations.py extract` and "
                       f"translate it in translations/{language}/.")
    return _LocalNumbers().format(table[template], **fields)


class _LocalNumbers(string.Formatter):
    """Fills in a template with numbers in Dutch notation (1.038; 0,37)."""

    def format_field(self, value: object, format_spec: str) -> str:
        text = format(value, format_spec)
        if isinstance(value, numbers.Number) and not isinstance(value, bool):
            text = text.translate(_SWAP_SEPARATORS)
        return text


_SWAP_SEPARATORS = str.maketrans({",": ".", ".": ","})


def _code_sentences(language: str) -> dict[str, str]:
    """English template -> translation, for the code sentences of every catalogue."""
    if language not in _CODE_SENTENCES:
        import polib

        from wijkwijs.paths import translations_dir

        table: dict[str, str] = {}
        found_in: dict[str, str] = {}
        for path in sorted((translations_dir() / language).glob("*.po")):
            for entry in polib.pofile(str(path)):
                if (entry.msgctxt == CODE_CONTEXT and entry.msgstr and not entry.obsolete
                        and "fuzzy" not in entry.flags):
                    if entry.msgid in table and table[entry.msgid] != entry.msgstr:
                        raise ValueError(
                            f"the notebook sentence {entry.msgid!r} is translated "
                            f"differently in {found_in[entry.msgid]} and {path.name}; "
                            "give it one translation.")
                    table[entry.msgid] = entry.msgstr
                    found_in[entry.msgid] = path.name
        _CODE_SENTENCES[language] = table
    return _CODE_SENTENCES[language]


def keys() -> list[str]:
    """Return all registered keys (used by the tests to check completeness)."""
    return sorted(_TABLE)


register({
    "feedback.correct": {"en": "Correct!", "nl": "Goed zo!"},
    "feedback.not_yet": {"en": "Not yet.", "nl": "Nog niet."},
    "feedback.hint": {"en": "Hint {number}: {text}", "nl": "Hint {number}: {text}"},
    "feedback.no_more_hints": {
        "en": "That was the last hint. You can ask for the solution with show_solution('{id}').",
        "nl": "Dat was de laatste hint. Vraag de oplossing op met show_solution('{id}').",
    },
    "feedback.solution": {"en": "Solution to {id}: {text}", "nl": "Oplossing van {id}: {text}"},
    "feedback.expected_number": {
        "en": "Please answer with a number.", "nl": "Antwoord met een getal."},
    "feedback.expected_choice": {
        "en": "Please choose one of: {options}.", "nl": "Kies een van: {options}."},
    "feedback.expected_set": {
        "en": "Please answer with a list or set of items, e.g. ['a', 'b'] (in the answer "
              "box: a, b).",
        "nl": "Antwoord met een lijst of verzameling, bijv. ['a', 'b'] (in het antwoordvak: "
              "a, b)."},
    "feedback.unknown_exercise": {
        "en": "There is no exercise {id!r}. Exercises in this chapter: {known}.",
        "nl": "Er is geen opdracht {id!r}. Opdrachten in dit hoofdstuk: {known}."},
    "feedback.attempts": {"en": "attempt {n}", "nl": "poging {n}"},
    "language.set": {"en": "Language: English", "nl": "Taal: Nederlands"},
    "solution.placeholder": {
        "en": "# Exercise {id}: write your own answer here, then check it with\n"
              "# check('{id}', your_answer). Ask for a hint with hint('{id}').",
        "nl": "# Opdracht {id}: schrijf hier je eigen antwoord en controleer het met\n"
              "# check('{id}', jouw_antwoord). Vraag een hint met hint('{id}').",
    },
})
