"""wijkwijs.examples.interview_guide: every key figure, both languages, no personal data."""

from __future__ import annotations

import pytest

from wijkwijs import fieldwork, i18n
from wijkwijs.examples import interview_guide as ig


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def test_the_five_key_figures_of_the_issue():
    assert ig.KEY_FIGURES == ("community_centre", "wijkagent", "gp", "shopkeeper",
                              "school_head")
    assert set(ig.ROLE_QUESTIONS) == set(ig.KEY_FIGURES)


@pytest.mark.parametrize("role", ig.KEY_FIGURES)
@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_each_guide_opens_with_consent_and_has_its_own_questions(role, language):
    q = ig.questions(role, language)
    assert q["part"].tolist()[0] == "opening" and q["part"].tolist()[-1] == "closing"
    assert (q["part"] == "role").sum() >= 4
    assert q["question"].str.strip().astype(bool).all()
    consent = "consent" if language == "en" else "toestemming"
    assert consent in q["question"].iloc[0]
    text = ig.interview_guide(role, language)
    assert text.startswith("### ") and text.count("\n1. ") == 1
    for number, question in enumerate(q["question"], start=1):
        assert f"{number}. {question}" in text


def test_every_question_is_in_english_and_dutch_and_differs():
    pairs = [*ig.OPENING, *ig.CLOSING, *(p for qs in ig.ROLE_QUESTIONS.values() for p in qs)]
    for en, nl in pairs:
        assert en.strip() and nl.strip() and en != nl


def test_the_guide_follows_the_current_language_and_holds_no_personal_data():
    i18n.set_language("nl")
    assert ig.interview_guide("gp").startswith("### Gespreksleidraad: een huisarts")
    for role in ig.KEY_FIGURES:
        for language in i18n.LANGUAGES:
            assert fieldwork.find_personal_data(ig.interview_guide(role, language)) is None


def test_an_unknown_role_or_language_is_named():
    with pytest.raises(ValueError, match="role"):
        ig.questions("mayor")
    with pytest.raises(ValueError, match="language"):
        ig.questions("gp", "de")
