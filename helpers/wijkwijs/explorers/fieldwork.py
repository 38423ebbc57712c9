"""The fieldwork forms of chapter 7: a *sociale kaart* and a *wijkschouw* log that lose nothing.

* :func:`inventory_form` — one organisation per save (an organisation inventory record of
  :mod:`wijkwijs.fieldwork`);
* :func:`observation_form` — one time slot and place per save (an observation record).

Each form is a box of labelled native controls (text fields, dropdowns, a checkbox,
number fields; all usable with the keyboard), a *Save* button, a status line and a table
of the records saved so far. *Save* calls :func:`wijkwijs.fieldwork.save_record`; a refused
record (a wrong value, personal data) shows the reason and keeps everything typed in the
form. The box has the CSS class ``wijkwijs-form``.

Examples
--------
>>> import tempfile, pathlib
>>> form = observation_form(pathlib.Path(tempfile.mkdtemp()) / "walk.jsonl")
>>> form.fields["place"].value = "Marktplein"
>>> form.fields["children"].value = 3
>>> form.save_button.click()
>>> form.saved, "Marktplein" in form.table.value
(True, True)
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import ipywidgets as w

from wijkwijs import fieldwork, i18n
from wijkwijs.widgets import LABEL_WIDTH, html_escape

__all__ = ["FieldworkForm", "inventory_form", "observation_form"]

FORM_CLASS = "wijkwijs-form"

i18n.register({
    "fieldwork.form.inventory_title": {"en": "Social map: one organisation",
                                       "nl": "Sociale kaart: één organisatie"},
    "fieldwork.form.observation_title": {"en": "Neighbourhood walk: one observation",
                                         "nl": "Wijkschouw: één observatie"},
    "fieldwork.form.save": {"en": "Save", "nl": "Bewaar"},
    "fieldwork.form.saved": {"en": "Saved ({n} records in {file}).",
                             "nl": "Bewaard ({n} records in {file})."},
    "fieldwork.form.not_saved": {"en": "Not saved: {reason}", "nl": "Niet bewaard: {reason}"},
    "fieldwork.form.nothing_yet": {"en": "Nothing saved yet.", "nl": "Nog niets bewaard."},
    "fieldwork.form.list_hint": {"en": "separate with commas", "nl": "scheid met komma's"},
    "fieldwork.form.privacy": {
        "en": "Write down roles and counts, never names, phone numbers or e-mail addresses "
              "of people (AVG/GDPR).",
        "nl": "Schrijf rollen en aantallen op, nooit namen, telefoonnummers of e-mailadressen "
              "van mensen (AVG)."},
    "fieldwork.field.name": {"en": "Name of the organisation", "nl": "Naam van de organisatie"},
    "fieldwork.field.kind": {"en": "Kind", "nl": "Soort"},
    "fieldwork.field.notes": {"en": "Notes", "nl": "Aantekeningen"},
    "fieldwork.field.target_group": {"en": "Meant for", "nl": "Bedoeld voor"},
    "fieldwork.field.open_to_all": {"en": "Anyone can walk in", "nl": "Iedereen kan binnenlopen"},
    "fieldwork.field.activities": {"en": "Activities", "nl": "Activiteiten"},
    "fieldwork.field.who_comes": {"en": "Who actually comes", "nl": "Wie er echt komen"},
    "fieldwork.field.referrals_to": {"en": "Refers people to", "nl": "Verwijst mensen naar"},
    "fieldwork.field.referrals_from": {"en": "Gets people from", "nl": "Krijgt mensen van"},
    "fieldwork.field.funding": {"en": "Funding", "nl": "Financiering"},
    "fieldwork.field.contact_role": {"en": "Role of your contact (no name)",
                                     "nl": "Rol van je contactpersoon (geen naam)"},
    "fieldwork.field.contact_years": {"en": "Years they have worked there",
                                      "nl": "Jaren dat die er werkt"},
    "fieldwork.field.time_slot": {"en": "When", "nl": "Wanneer"},
    "fieldwork.field.place": {"en": "Place", "nl": "Plek"},
    "fieldwork.field.children": {"en": "Children present", "nl": "Kinderen aanwezig"},
    "fieldwork.field.youth": {"en": "Youth present", "nl": "Jongeren aanwezig"},
    "fieldwork.field.adults": {"en": "Adults present", "nl": "Volwassenen aanwezig"},
    "fieldwork.field.elderly": {"en": "Elderly present", "nl": "Ouderen aanwezig"},
    "fieldwork.field.interactions": {"en": "Interactions", "nl": "Contact tussen mensen"},
    "fieldwork.field.language_and_signage": {"en": "Language and signage",
                                             "nl": "Taal en borden"},
    "fieldwork.field.accessibility": {"en": "Accessibility", "nl": "Toegankelijkheid"},
})

_LONG_TEXT = {"notes", "interactions", "who_comes", "language_and_signage", "accessibility"}


def _control(field: str, kind: str, default: Any) -> w.Widget:
    label = i18n.t(f"fieldwork.field.{field}")
    style = {"description_width": LABEL_WIDTH}
    layout = w.Layout(width="40em")
    if kind == "choice":
        options = getattr(fieldwork, {"kind": "ORGANISATION_KINDS", "funding": "FUNDING_KINDS",
                                      "time_slot": "TIME_SLOTS"}[field])
        control: w.Widget = w.Dropdown(options=list(options), value=default,
                                       description=label, style=style, layout=layout)
    elif kind == "bool":
        control = w.Checkbox(value=bool(default), description=label, style=style, indent=True)
    elif kind == "count":
        control = w.BoundedIntText(value=int(default), min=0, max=1_000_000, description=label,
                                   style=style, layout=w.Layout(width="20em"))
    elif kind == "list":
        control = w.Text(value="", description=label, style=style, layout=layout,
                         placeholder=i18n.t("fieldwork.form.list_hint"))
    elif field in _LONG_TEXT:
        control = w.Textarea(value="", description=label, style=style, layout=layout, rows=2)
    else:
        control = w.Text(value="", description=label, style=style, layout=layout)
    control.tooltip = label  # shown on hover and read by screen readers
    return control


class FieldworkForm:
    """A form for one record type of :mod:`wijkwijs.fieldwork`, saving to one file.

    Attributes
    ----------
    path
        The JSON Lines file records are saved to.
    fields
        Field name → its control.
    save_button, status, table
        The *Save* button, the status line (HTML) and the table of saved records (HTML).
    widget
        The whole form, a ``VBox`` with the CSS class ``wijkwijs-form``.
    saved
        Whether the last click on *Save* saved the record.
    """

    def __init__(self, path: str | os.PathLike[str], record_type: str) -> None:
        self.path = Path(path)
        self.record_type = record_type
        self.fields = {name: _control(name, kind, default)
                       for name, (kind, _, default) in fieldwork.FIELDS[record_type].items()}
        self.save_button = w.Button(description=i18n.t("fieldwork.form.save"),
                                    button_style="primary", icon="save",
                                    tooltip=i18n.t("fieldwork.form.save"))
        self.status = w.HTML(value="")
        self.table = w.HTML(value="")
        self.saved = False
        self.save_button.on_click(lambda _button: self.save())
        title = w.HTML(f"<h3>{html_escape(i18n.t(f'fieldwork.form.{record_type}_title'))}</h3>"
                       f"<p>{html_escape(i18n.t('fieldwork.form.privacy'))}</p>")
        self.widget = w.VBox([title, *self.fields.values(), self.save_button, self.status,
                              self.table])
        self.widget.add_class(FORM_CLASS)
        self.refresh_table()

    def record(self) -> dict[str, Any]:
        """The record the form holds now (list fields split at commas)."""
        out: dict[str, Any] = {"record_type": self.record_type}
        for name, control in self.fields.items():
            kind = fieldwork.FIELDS[self.record_type][name][0]
            value = control.value
            if kind == "list":
                value = [part.strip() for part in str(value).split(",") if part.strip()]
            out[name] = value
        return out

    def save(self) -> bool:
        """Save the form's record; show the outcome. The controls keep their values."""
        try:
            fieldwork.save_record(self.path, self.record())
        except (ValueError, OSError) as exc:
            self.saved = False
            self.status.value = ('<span role="alert" style="color:#b00020">'
                                 f"{html_escape(i18n.t('fieldwork.form.not_saved', reason=exc))}"
                                 "</span>")
            return False
        self.saved = True
        n = self.refresh_table()
        message = i18n.t("fieldwork.form.saved", n=n, file=self.path.name)
        self.status.value = f'<span role="status">{html_escape(message)}</span>'
        return True

    def refresh_table(self) -> int:
        """Show the records saved so far; return how many there are."""
        try:
            frame = fieldwork.load_records(self.path, self.record_type)
        except ValueError as exc:  # a damaged file: say so, change nothing
            self.table.value = f'<p role="alert">{html_escape(str(exc))}</p>'
            return 0
        if frame.empty:
            self.table.value = f"<p>{html_escape(i18n.t('fieldwork.form.nothing_yet'))}</p>"
            return 0
        shown = frame.drop(columns="record_type").copy()
        for column in shown.columns:
            if shown[column].map(lambda v: isinstance(v, list)).any():
                shown[column] = shown[column].map(", ".join)
        self.table.value = shown.to_html(index=False, escape=True, border=0)
        return len(frame)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


def inventory_form(path: str | os.PathLike[str]) -> FieldworkForm:
    """A form for the organisation inventory (the *sociale kaart*) saved in ``path``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> form = inventory_form(pathlib.Path(tempfile.mkdtemp()) / "kaart.jsonl")
    >>> form.fields["name"].value = "Buurthuis De Brug"
    >>> form.fields["contact_role"].value = "Anna, anna@example.nl"
    >>> form.save()
    False
    >>> "e-mail" in form.status.value, form.fields["name"].value
    (True, 'Buurthuis De Brug')
    """
    return FieldworkForm(path, "inventory")


def observation_form(path: str | os.PathLike[str]) -> FieldworkForm:
    """A form for the observation log of a *wijkschouw* saved in ``path``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> form = observation_form(pathlib.Path(tempfile.mkdtemp()) / "walk.jsonl")
    >>> sorted(form.widget._dom_classes)
    ['wijkwijs-form']
    """
    return FieldworkForm(path, "observation")
