"""Exercises: immediate feedback, escalating hints, solutions only on request."""

from __future__ import annotations

import pytest

from wijkwijs import exercises as ex
from wijkwijs import i18n

HINTS = [{"en": f"hint {i}", "nl": f"hint-nl {i}"} for i in (1, 2)]
SOLUTION = {"en": "the worked solution", "nl": "de uitgewerkte oplossing"}


@pytest.fixture(autouse=True)
def _fresh():
    ex.reset()
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def _define(id_, kind, answer, **kw):
    ex._REGISTRY.pop(id_, None)
    return ex.define(ex.Exercise(id_, kind, answer, hints=HINTS, solution=SOLUTION, **kw))


def test_number_with_tolerances_and_decimal_comma():
    _define("t.num", "number", lambda: 0.25, tolerance=0.005)
    assert ex.check("t.num", 0.254).correct
    assert ex.check("t.num", "0,252").correct
    assert not ex.check("t.num", 0.26).correct
    _define("t.rel", "number", 1000.0, rel_tolerance=0.01)
    assert ex.check("t.rel", 1009).correct and not ex.check("t.rel", 1011).correct


def test_hints_escalate_and_the_solution_never_leaks():
    _define("t.h", "number", 3)
    first, second, third = (ex.check("t.h", 1) for _ in range(3))
    assert str(first) == "Not yet. Hint 1: hint 1"
    assert str(second) == "Not yet. Hint 2: hint 2"
    assert "last hint" in str(third) and "show_solution('t.h')" in str(third)
    assert all("worked solution" not in str(f) for f in (first, second, third))
    assert str(ex.show_solution("t.h")) == "Solution to t.h: the worked solution"
    assert ex.check("t.h", 3).correct


def test_wrong_form_explains_and_does_not_count_as_a_try():
    _define("t.form", "number", 3)
    assert str(ex.check("t.form", "three")) == "Please answer with a number."
    assert str(ex.check("t.form", 2)) == "Not yet. Hint 1: hint 1"


def test_choice_by_letter_index_or_text():
    opts = [{"en": "Rent", "nl": "Huur"}, {"en": "Buy", "nl": "Koop"}]
    _define("t.c", "choice", 1, options=opts)
    assert ex.check("t.c", "b").correct and ex.check("t.c", 1).correct
    assert ex.check("t.c", " buy ").correct
    assert not ex.check("t.c", "a").correct
    assert "a) Rent; b) Buy" in str(ex.check("t.c", "z"))
    i18n.set_language("nl")
    assert ex.check("t.c", "Koop").correct


def test_set_and_text_answers():
    _define("t.s", "set", lambda: {"Bottom 10%", "top 1%"})
    assert ex.check("t.s", ["top 1%", "bottom 10%"]).correct
    assert not ex.check("t.s", ["top 1%"]).correct
    assert "list or set" in str(ex.check("t.s", "top 1%"))
    _define("t.t", "text", ["homophily", "birds of a feather"])
    assert ex.check("t.t", "  Homophily! ").correct
    assert ex.check("t.t", "Birds of a Feather").correct
    assert not ex.check("t.t", "heterophily").correct


def test_dutch_feedback_and_unknown_ids():
    _define("t.nl", "number", 1)
    i18n.set_language("nl")
    assert str(ex.check("t.nl", 2)) == "Nog niet. Hint 1: hint-nl 1"
    assert str(ex.check("t.nl", 1)) == "Goed zo!"
    i18n.set_language("en")
    with pytest.raises(KeyError, match=r"There is no exercise 't\.nope'"):
        ex.check("t.nope", 1)


def test_bad_definitions_are_refused():
    with pytest.raises(ValueError, match="kind must be one of"):
        ex.Exercise("t.bad", "essay", 1, hints=HINTS)
    with pytest.raises(ValueError, match="needs at least one hint"):
        ex.Exercise("t.bad", "number", 1)
    with pytest.raises(ValueError, match="lacks nl"):
        ex.Exercise("t.bad", "number", 1, hints=[{"en": "x"}])


def test_feedback_html_escapes_and_answer_box_buttons_work():
    _define("t.box", "number", 2)
    shown = []
    box = ex.answer_box("t.box", on_check=shown.append)
    field, check_button, hint_button, solution_button = box.children[0].children
    field.value = "1"
    assert shown[-1].message == "Not yet. Hint 1: hint 1"
    hint_button.click()
    assert shown[-1].message == "Hint 2: hint 2"
    field.value = "2"
    assert shown[-1].correct
    solution_button.click()
    assert "worked solution" in shown[-1].message
    check_button.click()
    assert shown[-1].correct
    feedback = ex.Feedback("x", False, "<b>1 < 2</b>", 1)
    assert "&lt;b&gt;1 &lt; 2&lt;/b&gt;" in feedback._repr_html_()


def test_bank_exercises_are_well_formed_and_their_answers_pass():
    bank = ex.all_exercises()
    assert {"0.1-mean-income", "0.2-what-connects"} <= set(bank)
    for exercise_id, exercise in bank.items():
        if exercise_id.startswith("t."):
            continue
        expected = exercise.expected()
        answer = expected
        if exercise.kind == "text":
            answer = expected if isinstance(expected, str) else next(iter(expected))
        assert ex.check(exercise_id, answer).correct, exercise_id
