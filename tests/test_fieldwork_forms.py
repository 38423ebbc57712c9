"""wijkwijs.explorers.fieldwork: the forms save, show what was saved, and lose nothing typed."""

from __future__ import annotations

import ipywidgets as w
import pytest

from wijkwijs import fieldwork, i18n
from wijkwijs.explorers.fieldwork import FORM_CLASS, inventory_form, observation_form


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def test_inventory_form_saves_and_shows_the_record(tmp_path):
    p = tmp_path / "kaart.jsonl"
    form = inventory_form(p)
    assert FORM_CLASS in form.widget._dom_classes
    assert "Nothing saved yet" in form.table.value
    f = form.fields
    f["name"].value = "Buurthuis De Brug"
    f["kind"].value = "community_centre"
    f["open_to_all"].value = False
    f["activities"].value = "koffie, taalles ,"
    f["referrals_to"].value = "Wijkteam Zuid"
    f["funding"].value = "structural"
    f["contact_role"].value = "coordinator"
    f["contact_years"].value = 6
    form.save_button.click()
    assert form.saved and "Saved (1 records in kaart.jsonl)" in form.status.value
    row = fieldwork.load_records(p).iloc[0]
    assert row["name"] == "Buurthuis De Brug" and row["activities"] == ["koffie", "taalles"]
    assert row["referrals_to"] == ["Wijkteam Zuid"] and row["contact_years"] == 6
    assert not row["open_to_all"]
    assert "Buurthuis De Brug" in form.table.value and "koffie, taalles" in form.table.value
    again = inventory_form(p)  # a new form (a restarted kernel) shows what was saved
    assert "Buurthuis De Brug" in again.table.value


def test_observation_form_saves_every_field(tmp_path):
    p = tmp_path / "walk.jsonl"
    form = observation_form(p)
    values = {"time_slot": "weekend_evening", "place": "Park", "children": 3, "youth": 4,
              "adults": 5, "elderly": 6, "interactions": "football",
              "language_and_signage": "Dutch", "accessibility": "ramp", "notes": "warm"}
    for name, value in values.items():
        form.fields[name].value = value
    assert form.save()
    form.fields["place"].value = "Plein"
    form.save_button.click()
    frame = fieldwork.load_records(p)
    assert frame["place"].tolist() == ["Park", "Plein"]
    assert {k: frame.iloc[0][k] for k in values} == values


def test_every_control_is_a_labelled_native_control(tmp_path):
    for form in (inventory_form(tmp_path / "a.jsonl"), observation_form(tmp_path / "b.jsonl")):
        for name, control in form.fields.items():
            assert isinstance(control, (w.Text, w.Textarea, w.Dropdown, w.Checkbox,
                                        w.BoundedIntText)), name
            assert control.description and control.tooltip == control.description
        assert form.save_button.description == "Save"


def test_a_refused_save_shows_why_and_keeps_what_was_typed(tmp_path):
    p = tmp_path / "kaart.jsonl"
    form = inventory_form(p)
    form.fields["name"].value = "Moskee Al Amal"
    form.fields["kind"].value = "mosque"
    form.fields["notes"].value = "<b>ask</b> Ahmed, 06-12345678"
    form.fields["activities"].value = "gebed, iftar"
    form.save_button.click()
    assert not form.saved and not p.exists()
    assert "Not saved: notes contains what looks like a Dutch phone number" in form.status.value
    assert "<b>" not in form.status.value and "role=\"alert\"" in form.status.value
    assert form.fields["notes"].value == "<b>ask</b> Ahmed, 06-12345678"
    assert form.fields["activities"].value == "gebed, iftar"
    assert form.fields["name"].value == "Moskee Al Amal"
    form.fields["notes"].value = "ask the board member"
    form.save_button.click()
    assert form.saved and fieldwork.load_records(p)["notes"].tolist() == ["ask the board member"]


def test_a_missing_required_field_is_named(tmp_path):
    form = observation_form(tmp_path / "walk.jsonl")
    assert not form.save()
    assert "place is required" in form.status.value


def test_names_typed_are_shown_escaped(tmp_path):
    form = observation_form(tmp_path / "walk.jsonl")
    form.fields["place"].value = "<script>x</script> plein"
    assert form.save()
    assert "<script>" not in form.table.value and "&lt;script&gt;" in form.table.value


def test_a_damaged_file_is_reported_and_left_alone(tmp_path):
    p = tmp_path / "walk.jsonl"
    p.write_bytes(b'{"time_slot": "weekday_morning", "place": "a"}\n{broken\n')
    form = observation_form(p)
    assert "walk.jsonl line 2: not valid JSON" in form.table.value
    form.fields["place"].value = "Plein"
    assert not form.save()
    assert "line 2" in form.status.value and form.fields["place"].value == "Plein"
    assert p.read_bytes().endswith(b"{broken\n")


def test_dutch_labels(tmp_path):
    i18n.set_language("nl")
    form = observation_form(tmp_path / "walk.jsonl")
    assert form.save_button.description == "Bewaar"
    assert form.fields["elderly"].description == "Ouderen aanwezig"
    assert not form.save() and "Niet bewaard: place is verplicht" in form.status.value
