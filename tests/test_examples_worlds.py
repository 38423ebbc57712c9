"""wijkwijs.examples.worlds: chapter 7.3's invented memo and resident's account, and its key."""

from __future__ import annotations

import re

import pytest

from wijkwijs import i18n
from wijkwijs.examples import worlds

#: The key as written by hand, sentence by sentence (the texts are ours, not data).
HAND_KEY = {"memo": {1: "system", 2: "system", 3: "life", 4: "system", 5: "system",
                     6: "life", 7: "system", 8: "life"},
            "account": {1: "life", 2: "life", 3: "system", 4: "system", 5: "life",
                        6: "system", 7: "life"}}


@pytest.fixture(autouse=True)
def _english():
    before = i18n.get_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.mark.parametrize("name", sorted(worlds.TEXTS))
def test_sentences_are_numbered_from_one_and_labelled_in_both_languages(name):
    text = worlds.invented_text(name)
    assert [s.number for s in text.sentences] == list(range(1, len(text.sentences) + 1))
    for s in text.sentences:
        assert s.world in worlds.WORLDS
        for part in (s.text, s.why):
            assert set(part) == set(i18n.LANGUAGES) and all(v.strip() for v in part.values())
        assert s.why["en"].startswith(("System", "Life"))
        assert s.why["en"].split(":")[0].lower() == s.world  # the label says the world
        assert s.why["nl"].split(":")[0] == {"system": "Systeem", "life": "Leefwereld"}[s.world]


@pytest.mark.parametrize("name", sorted(worlds.TEXTS))
def test_the_key_is_the_hand_key_and_both_worlds_occur(name):
    key = worlds.answer_key(name)
    assert key["world"].to_dict() == HAND_KEY[name]
    for world in worlds.WORLDS:
        assert worlds.sentences_in(name, world) == sorted(
            n for n, w in HAND_KEY[name].items() if w == world)
    assert set(worlds.sentences_in(name, "system")) | set(worlds.sentences_in(name, "life")) \
        == set(HAND_KEY[name])


@pytest.mark.parametrize("language", i18n.LANGUAGES)
@pytest.mark.parametrize("name", sorted(worlds.TEXTS))
def test_the_text_says_it_is_invented_and_shows_both_languages(name, language):
    markdown = worlds.text_markdown(name, language)
    first = markdown.splitlines()[0].lower()
    assert ("invented" if language == "en" else "verzonnen") in first
    rows = [line for line in markdown.splitlines() if re.match(r"^\| \d+ \|", line)]
    assert len(rows) == len(worlds.invented_text(name).sentences)
    for row, s in zip(rows, worlds.invented_text(name).sentences, strict=True):
        cells = [c.strip() for c in row.strip("|").split(" | ")]
        other = "nl" if language == "en" else "en"
        assert cells == [str(s.number), s.text[language], s.text[other]]


def test_the_current_language_is_the_default_and_is_left_unchanged():
    i18n.set_language("nl")
    assert worlds.text_markdown("memo") == worlds.text_markdown("memo", "nl")
    assert worlds.key_html("memo", "en") != worlds.key_html("memo")
    worlds.solution_text("memo", "life", "en")
    assert i18n.get_language() == "nl"


def test_the_key_opens_only_on_request_and_escapes_its_text():
    page = worlds.key_html("account", "en")
    assert page.startswith('<details class="wijkwijs-key"><summary>')
    assert " open" not in page.split(">")[0]  # closed until clicked
    assert page.count("<tr>") == 1 + len(worlds.invented_text("account").sentences)
    assert "&#x27;" in page and "'" not in page.split("</summary>")[1]


def test_the_solution_names_the_sentences_and_explains_every_one():
    text = worlds.solution_text("memo", "life", "nl")
    assert text.startswith("Zinnen in de taal van de leefwereld: 3, 6, 8.")
    for s in worlds.invented_text("memo").sentences:
        assert f"({s.number}) {s.why['nl']}" in text


@pytest.mark.parametrize("call, named", [
    (lambda: worlds.invented_text("letter"), "name 'letter'"),
    (lambda: worlds.sentences_in("memo", "lifeworld"), "world 'lifeworld'"),
    (lambda: worlds.text_markdown("memo", "de"), "language 'de'"),
    (lambda: worlds.answer_key(["memo"]), "name ['memo']"),
])
def test_bad_input_is_refused_by_name(call, named):
    with pytest.raises(ValueError, match=re.escape(named)):
        call()
