"""Exercises with immediate feedback.

A learner checks an answer against an exercise id and hears at once whether it is
right. A wrong answer gets "not yet" plus a hint, and each further wrong try gets a
more specific hint. The solution is shown only when the learner asks for it with
:func:`show_solution`.

Exercises are defined in the chapter banks of this package (``wijkwijs.exercises.ch0``,
``ch1``, …: one module per chapter, found by their names, so a new chapter only adds a
file). An exercise id starts with its chapter (``"2.1-toy-d"`` lives in ``ch2``), and
checking it loads that one bank only. The banks use the measures, models and Havenstad
layers and never import figures, maps, widgets or explorers, so checking an answer stays
fast. Exercises can expect four kinds of answer:

* ``number``: within an absolute or relative tolerance;
* ``choice``: one option out of a list (letters or the option text);
* ``set``: a collection of items, order ignored;
* ``text``: a short text, compared after folding case, spaces and punctuation,
  against a list of accepted answers.

Expected answers may be callables, so that a number is computed from the data by
the library at the moment it is checked rather than typed in by hand.

Examples
--------
>>> from wijkwijs import exercises as ex
>>> _ = ex.define(ex.Exercise("demo.mean", "number", answer=lambda: (2 + 4) / 2,
...                            tolerance=0.01,
...                            hints=[{"en": "Add them up.", "nl": "Tel ze op."},
...                                   {"en": "Divide the sum by 2.", "nl": "Deel de som door 2."}],
...                            solution={"en": "(2 + 4) / 2 = 3", "nl": "(2 + 4) / 2 = 3"}))
>>> print(ex.check("demo.mean", 4))
Not yet. Hint 1: Add them up.
>>> print(ex.check("demo.mean", 5))
Not yet. Hint 2: Divide the sum by 2.
>>> print(ex.check("demo.mean", 3.001))
Correct!
>>> print(ex.show_solution("demo.mean"))
Solution to demo.mean: (2 + 4) / 2 = 3
"""

from __future__ import annotations

import html
import importlib
import itertools
import math
import numbers
import pkgutil
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from wijkwijs import i18n

Text = dict[str, str]  # {"en": ..., "nl": ...}
KINDS = ("number", "choice", "set", "text")


@dataclass
class Exercise:
    """One exercise: its id, the kind of answer, the expected answer and its hints.

    Parameters
    ----------
    id
        A stable id such as ``"1.2-gini-five"``; chapters refer to it.
    kind
        ``"number"``, ``"choice"``, ``"set"`` or ``"text"``.
    answer
        The expected answer, or a callable without arguments that returns it.
        For ``choice`` it is the index of the right option; for ``text`` a list of
        accepted answers.
    tolerance, rel_tolerance
        Absolute and relative tolerance for ``number`` answers (either may pass).
    options
        For ``choice``: the options, each ``{"en": ..., "nl": ...}``.
    hints
        Hints from general to specific, each ``{"en": ..., "nl": ...}``.
    solution
        The worked solution, shown only on request.
    """

    id: str
    kind: str
    answer: Any
    tolerance: float = 0.0
    rel_tolerance: float = 0.0
    options: list[Text] = field(default_factory=list)
    hints: list[Text] = field(default_factory=list)
    solution: Text = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(
                f"exercise {self.id!r}: kind must be one of {KINDS}, got {self.kind!r}")
        if not self.hints:
            raise ValueError(f"exercise {self.id!r} needs at least one hint")
        for text in [*self.hints, self.solution, *self.options]:
            missing = [lang for lang in i18n.LANGUAGES if lang not in text]
            if missing:
                raise ValueError(f"exercise {self.id!r}: a text lacks {', '.join(missing)}")
        if self.kind == "choice" and not self.options:
            raise ValueError(f"exercise {self.id!r}: a choice exercise needs options")

    def expected(self) -> Any:
        """Return the expected answer (calling it if it is computed)."""
        return self.answer() if callable(self.answer) else self.answer


@dataclass
class Feedback:
    """What :func:`check` returns: shown as text in a notebook."""

    exercise_id: str
    correct: bool
    message: str
    attempts: int

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return self.message

    def __bool__(self) -> bool:
        return self.correct

    def _repr_html_(self) -> str:
        return self.html()

    def html(self) -> str:
        """The feedback as a small HTML status line (what a notebook shows)."""
        colour = "#009E73" if self.correct else "#D55E00"
        symbol = "✔" if self.correct else "✘"
        return (f'<div role="status" style="border-left: 4px solid {colour}; padding: 4px 8px;">'
                f"<strong>{symbol}</strong> {html.escape(self.message)}</div>")


_REGISTRY: dict[str, Exercise] = {}
_REFLECTIONS: dict[str, Reflection] = {}
_ATTEMPTS: dict[str, int] = {}
_BANK_NAME = re.compile(r"ch(\d+)$")



@dataclass
class Reflection:
    """A reflection prompt that ends a notebook: no right answer, a model answer on request.

    The learner writes their own answer in the Markdown cell below the prompt (so it is
    saved with the notebook); :func:`model_answer` (or the button of
    :func:`wijkwijs.widgets.reflection_box`) then shows how an experienced reader would
    answer, to compare with.

    Parameters
    ----------
    id
        A stable id such as ``"6.1-reflect"``.
    prompt
        The question, ``{"en": ..., "nl": ...}``.
    model_answer
        A model answer in a few sentences, ``{"en": ..., "nl": ...}``.

    >>> r = Reflection("demo.reflect", {"en": "Why?", "nl": "Waarom?"},
    ...                {"en": "Because.", "nl": "Daarom."})
    >>> r.text("nl")
    'Daarom.'
    """

    id: str
    prompt: Text
    model_answer: Text

    def __post_init__(self) -> None:
        for text in (self.prompt, self.model_answer):
            missing = [lang for lang in i18n.LANGUAGES if not text.get(lang, "").strip()]
            if missing:
                raise ValueError(f"reflection {self.id!r}: a text lacks {', '.join(missing)}")

    def text(self, language: str | None = None) -> str:
        """The model answer in ``language`` (default: the current language)."""
        return self.model_answer[language or i18n.get_language()]


def define(exercise: Exercise | Reflection) -> Exercise | Reflection:
    """Register an exercise or a reflection (used by the banks ``wijkwijs.exercises.chN``)."""
    registry = _REFLECTIONS if isinstance(exercise, Reflection) else _REGISTRY
    if exercise.id in registry and registry[exercise.id] is not exercise:
        raise ValueError(f"exercise id {exercise.id!r} is defined twice")
    registry[exercise.id] = exercise
    return exercise


def bank_modules() -> list[str]:
    """The chapter banks of this package, in chapter order (``['ch0', 'ch1', …]``).

    >>> bank_modules()[0]
    'ch0'
    """
    found = [(int(m.group(1)), info.name) for info in pkgutil.iter_modules(__path__)
             if (m := _BANK_NAME.match(info.name))]
    return [name for _, name in sorted(found)]


def _load_bank(chapter: str | None = None) -> None:
    """Import the bank of one chapter (``"2"``), or every bank when ``chapter`` is None."""
    names = bank_modules()
    if chapter is not None:
        names = [n for n in names if n == f"ch{chapter}"]
    for name in names:
        importlib.import_module(f"{__name__}.{name}")


def _chapter_of(exercise_id: str) -> str | None:
    head = str(exercise_id).split("-")[0].split(".")[0]
    return head if head.isdigit() else None


def get(exercise_id: str) -> Exercise:
    """Return the exercise with this id, or raise a ``KeyError`` listing the ids."""
    if not isinstance(exercise_id, str):  # e.g. check(1.2, ...): name the id as a text
        _load_bank()
        raise KeyError(i18n.t("feedback.unknown_exercise", id=_as_text(exercise_id),
                              known=", ".join(sorted(_REGISTRY))))
    if exercise_id not in _REGISTRY and _chapter_of(exercise_id) is not None:
        _load_bank(_chapter_of(exercise_id))
    if exercise_id not in _REGISTRY:
        _load_bank()
    if exercise_id not in _REGISTRY:
        prefix = exercise_id.split("-")[0].split(".")[0]
        known = sorted(k for k in _REGISTRY if k.startswith(prefix)) or sorted(_REGISTRY)
        raise KeyError(i18n.t("feedback.unknown_exercise", id=exercise_id,
                              known=", ".join(known)))
    return _REGISTRY[exercise_id]


def all_exercises() -> dict[str, Exercise]:
    """Return every exercise in the bank, by id."""
    _load_bank()
    return dict(_REGISTRY)


#: At most this many items are read from an answer to a set exercise (a generator may be
#: endless); a longer answer is refused as being of the wrong form.
MAX_SET_ITEMS = 1000


def _as_text(value: Any) -> str:
    """``str(value)``, or ``""`` for the rare value that cannot be written out.

    An integer of more than 4,300 digits is one: Python refuses to convert it.

    >>> _as_text(10**5000), _as_text(b"b"), _as_text(None)
    ('', 'b', 'None')
    """
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("utf-8", "replace")
    try:
        return str(value)
    except Exception:  # any value a learner passes must get feedback
        return ""


def _fold(text: Any) -> str:
    text = unicodedata.normalize("NFKD", _as_text(text)).encode("ascii", "ignore").decode()
    text = re.sub(r"[^\w\s%.-]", " ", text.casefold())
    return re.sub(r"\s+", " ", text).strip(" .")


def _as_number(value: Any) -> float | None:
    """The answer as a float, or None when it is not one number.

    Text may use a decimal comma or end in ``%``; a numpy scalar or an array or Series
    holding one value counts as that value. Booleans, complex numbers, ``nan``, infinity
    and anything else that is not a single real number give None. A number too large for
    a float (``10**400``, ``"1e400"``) is a number all the same: it becomes ``±inf``, which no
    expected answer is close to.

    >>> _as_number("0,32"), _as_number(10**400), _as_number(float("nan")), _as_number(1j)
    (0.32, inf, None, None)
    >>> _as_number("-1e400"), _as_number("-inf")
    (-inf, None)
    """
    if isinstance(value, bytes | bytearray):
        value = _as_text(value)
    try:  # numpy scalars, one-element arrays and Series count as their one value
        if not isinstance(value, str | numbers.Number) and _is_single(value):
            if getattr(getattr(value, "dtype", None), "kind", None) in ("b", "c"):
                return None  # numpy booleans and complex numbers
            value = value.item()
    except Exception:
        return None
    if isinstance(value, bool) or (isinstance(value, numbers.Complex)
                                   and not isinstance(value, numbers.Real)):
        return None
    if isinstance(value, str):
        value = value.strip().replace(",", ".").rstrip("%")
    try:
        number = float(value)
    except OverflowError:  # a finite number beyond the float range: 10**400, Fraction, ...
        return _beyond_float_range(value)
    except Exception:  # TypeError, ValueError, or an odd object's own error
        return None
    if math.isinf(number) and isinstance(value, str) and "inf" not in value.casefold():
        return number  # "1e400" or 401 typed digits: a finite number, just very large
    if math.isinf(number) and not isinstance(value, str | float):
        return _beyond_float_range(value)  # Decimal("1e400") is finite, just large
    return number if math.isfinite(number) else None


def _is_single(value: Any) -> bool:
    """Whether ``value`` is an array-like holding exactly one value (``.size == 1``)."""
    size = getattr(value, "size", None)
    return isinstance(size, int) and size == 1 and callable(getattr(value, "item", None))


def _beyond_float_range(value: Any) -> float | None:
    """``±inf`` for a finite number too large for a float, None for anything else."""
    if isinstance(value, numbers.Rational) or (isinstance(value, Decimal)
                                               and value.is_finite()):
        return math.inf if value > 0 else -math.inf
    return None


def _set_items(answer: Any) -> list[Any] | None:
    """The items of an answer to a set exercise, or None when it is not a collection
    of single items (text, a number, a list of lists, an endless generator)."""
    if isinstance(answer, str | bytes | bytearray) or not isinstance(answer, Iterable):
        return None
    try:
        items = list(itertools.islice(answer, MAX_SET_ITEMS + 1))
    except Exception:  # an iterator may fail while it is read
        return None
    if len(items) > MAX_SET_ITEMS:
        return None
    if any(not isinstance(item, str) and isinstance(item, Iterable) for item in items):
        return None  # [["top 1%"]] is not the set {"top 1%"}
    return items


def _is_correct(ex: Exercise, answer: Any) -> tuple[bool, str | None]:
    """Return (correct, problem); ``problem`` explains an answer of the wrong form."""
    expected = ex.expected()
    if ex.kind == "number":
        number = _as_number(answer)
        if number is None:
            return False, i18n.t("feedback.expected_number")
        return math.isclose(number, float(expected), abs_tol=ex.tolerance,
                            rel_tol=ex.rel_tolerance), None
    if ex.kind == "choice":
        options = [o[i18n.get_language()] for o in ex.options]
        letters = [chr(ord("a") + i) for i in range(len(options))]
        if isinstance(answer, numbers.Integral) and not isinstance(answer, bool):
            index = int(answer)
        else:
            folded = _fold(answer)
            matches = [i for i, o in enumerate(options) if _fold(o) == folded]
            if folded in letters:
                index = letters.index(folded)
            else:
                index = matches[0] if matches else None
        if index is None or not 0 <= index < len(options):
            listing = "; ".join(f"{letter}) {o}"
                                for letter, o in zip(letters, options, strict=True))
            return False, i18n.t("feedback.expected_choice", options=listing)
        return index == expected, None
    if ex.kind == "set":
        items = _set_items(answer)
        if items is None:
            return False, i18n.t("feedback.expected_set")
        return {_fold(a) for a in items} == {_fold(e) for e in expected}, None
    accepted = [expected] if isinstance(expected, str) else list(expected)
    return _fold(answer) in {_fold(a) for a in accepted}, None


def check(exercise_id: str, answer: Any) -> Feedback:
    """Check ``answer`` for the exercise and return feedback to show.

    A wrong answer counts as a try and brings the next, more specific hint. An
    answer of the wrong form (text where a number is asked) explains the form and
    does not count as a try.
    """
    ex = get(exercise_id)
    correct, problem = _is_correct(ex, answer)
    if problem is not None:
        return Feedback(exercise_id, False, problem, _ATTEMPTS.get(exercise_id, 0))
    if correct:
        return Feedback(exercise_id, True, i18n.t("feedback.correct"),
                        _ATTEMPTS.get(exercise_id, 0) + 1)
    _ATTEMPTS[exercise_id] = _ATTEMPTS.get(exercise_id, 0) + 1
    return Feedback(exercise_id, False, f"{i18n.t('feedback.not_yet')} {_hint_text(ex)}",
                    _ATTEMPTS[exercise_id])


def _hint_text(ex: Exercise) -> str:
    tries = max(_ATTEMPTS.get(ex.id, 0), 1)
    if tries > len(ex.hints):
        return i18n.t("feedback.no_more_hints", id=ex.id)
    return i18n.t("feedback.hint", number=tries, text=ex.hints[tries - 1][i18n.get_language()])


def hint(exercise_id: str) -> Feedback:
    """Show the next hint without checking an answer (it counts as one step)."""
    ex = get(exercise_id)
    _ATTEMPTS[exercise_id] = _ATTEMPTS.get(exercise_id, 0) + 1
    return Feedback(exercise_id, False, _hint_text(ex), _ATTEMPTS[exercise_id])


def show_solution(exercise_id: str) -> Feedback:
    """Show the worked solution. Only this function ever reveals it."""
    ex = get(exercise_id)
    text = ex.solution.get(i18n.get_language()) or ""
    return Feedback(exercise_id, False, i18n.t("feedback.solution", id=ex.id, text=text),
                    _ATTEMPTS.get(exercise_id, 0))


def reset(exercise_id: str | None = None) -> None:
    """Forget the tries for one exercise (or all), so hints start again."""
    if exercise_id is None:
        _ATTEMPTS.clear()
    else:
        _ATTEMPTS.pop(exercise_id, None)


def check_typed(exercise_id: str, text: str) -> Feedback:
    """Check an answer typed as text, as in :func:`answer_box`'s field.

    For a set exercise the items are separated by commas, or by spaces when the text
    has no comma; any other text is checked as it is (``"0,32"`` is a number with a
    decimal comma).

    >>> _ = define(Exercise("demo.typed", "set", answer=["a", "b"],
    ...                     hints=[{"en": "Two letters.", "nl": "Twee letters."}],
    ...                     solution={"en": "a and b", "nl": "a en b"}))
    >>> print(check_typed("demo.typed", "b, a"))
    Correct!
    >>> print(check_typed("demo.typed", "b a"))
    Correct!
    """
    if get(exercise_id).kind == "set":
        text = str(text)
        parts = text.split(",") if "," in text else text.split()
        return check(exercise_id, [p.strip() for p in parts if p.strip()])
    return check(exercise_id, text)


def get_reflection(reflection_id: str) -> Reflection:
    """Return the reflection with this id, or raise a ``KeyError`` listing the known ones."""
    reflection_id = str(reflection_id)
    if reflection_id not in _REFLECTIONS:
        _load_bank(_chapter_of(reflection_id))
    if reflection_id not in _REFLECTIONS:
        _load_bank()
    if reflection_id not in _REFLECTIONS:
        raise KeyError(i18n.t("feedback.unknown_exercise", id=reflection_id,
                              known=", ".join(sorted(_REFLECTIONS))))
    return _REFLECTIONS[reflection_id]


def all_reflections() -> dict[str, Reflection]:
    """Return every reflection prompt in the banks, by id."""
    _load_bank()
    return dict(_REFLECTIONS)


def model_answer(reflection_id: str) -> Feedback:
    """Show the model answer of a reflection (only on request: call it, or press the button).

    >>> _ = define(Reflection("demo.why", {"en": "Why?", "nl": "Waarom?"},
    ...                       {"en": "Because.", "nl": "Daarom."}))
    >>> print(model_answer("demo.why"))
    Model answer: Because.
    """
    reflection = get_reflection(reflection_id)
    return Feedback(reflection.id, False, i18n.t("feedback.model_answer",
                                                 text=reflection.text()), 0)


i18n.register({
    "feedback.model_answer": {"en": "Model answer: {text}", "nl": "Modelantwoord: {text}"},
})
