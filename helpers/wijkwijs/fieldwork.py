"""The store behind the fieldwork toolkit of chapter 7 (street smart): records that are never lost.

Learners walk through a neighbourhood (a *wijkschouw*, a neighbourhood walk-through) and
write down what they see, and make a *sociale kaart* (a "social map": an inventory of the
organisations of a neighbourhood, what they do and whom they refer people to). Two kinds
of record, each a ``dict`` with the fields below:

**organisation inventory** (``record_type = "inventory"``)

=================  =========================================================================
field              what (type)
=================  =========================================================================
``name``           the organisation's name (text, required)
``kind``           its kind, one of :data:`ORGANISATION_KINDS` (required)
``notes``          anything else (text)
``target_group``   whom it is meant for, e.g. "elderly", "everyone" (text)
``open_to_all``    can anyone walk in? (``True``/``False``)
``activities``     what happens there (a list of texts)
``who_comes``      who actually comes, as observed or told (text)
``referrals_to``   organisations it sends people to (a list of names)
``referrals_from`` organisations that send people to it (a list of names)
``funding``        how it is paid for, one of :data:`FUNDING_KINDS`
``contact_role``   the *role* of the person you spoke to, e.g. "coordinator" (text) — a
                   role, never a name
``contact_years``  how many years that person has worked there (non-negative integer)
=================  =========================================================================

**observation log** (``record_type = "observation"``)

========================  ==================================================================
field                     what (type)
========================  ==================================================================
``time_slot``             when, one of :data:`TIME_SLOTS` (required)
``place``                 where, e.g. "square by the library" (text, required)
``children``, ``youth``,  how many people of each visible age group were present
``adults``, ``elderly``   (non-negative integers; :data:`AGE_GROUPS`)
``interactions``          who talked or played with whom (text)
``language_and_signage``  languages heard and on signs (text)
``accessibility``         steps, ramps, benches, lighting (text)
``notes``                 anything else (text)
========================  ==================================================================

The store
---------
:func:`save_record` appends one record to a JSON Lines file (one JSON object per line,
UTF-8), so a damaged line damages only itself. Nothing is lost:

* every save writes the whole new file to a temporary file in the same folder, flushes and
  ``os.fsync``\\ s it and then ``os.replace``\\ s it over the old one (an atomic rename on
  POSIX and Windows): a crash or a killed kernel leaves either the old or the new file,
  never half of one;
* before that the previous version is kept, the same way, as ``<name>.bak``;
* a save that fails leaves the file byte-identical;
* a damaged file is reported with its line number and never rewritten:
  :func:`save_record` refuses to append to it rather than drop the bad line.

Personal data is refused (the AVG, the Dutch name of the GDPR): an e-mail address, a
Dutch phone number or a number that passes the *elfproef* of a BSN (*burgerservicenummer*,
the Dutch citizen service number) in any field raises a ``ValueError`` naming the field.
Record roles and counts, not private persons. See :func:`find_personal_data`.

Where the files go
------------------
A learner's records belong in their own work folder, never in the course's ``datasets/``
(:func:`save_record` refuses to write there). :func:`fieldwork_folder` is the
``fieldwork/`` folder of the work folder that ``wijkwijs lab`` made (the folder a notebook
runs in, recognised by wijkwijs's manifest ``.wijkwijs/manifest.json``), else of
``~/wijkwijs-course``, or ``$WIJKWIJS_FIELDWORK_DIR`` when that is set;
:func:`work_file` names a file in it. :func:`example_file` is the shipped, invented example.

Chapter 6's measures
--------------------
:func:`summarise_inventory` (type mix and referral edges), :func:`inventory_brokerage`
(brokerage and linking in the referral network) and :func:`observation_bridging`
(how mixed, by visible age group, the people at each observed place are, against the
whole walk) apply the measures of :mod:`wijkwijs.infrastructure` and
:mod:`wijkwijs.networks` to a learner's own records.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> save_record(folder / "walk.jsonl", {"time_slot": "weekday_afternoon",
...             "place": "Marktplein", "children": 4, "elderly": 2})
>>> load_records(folder / "walk.jsonl")[["place", "children", "youth", "elderly"]]
         place  children  youth  elderly
0  Marktplein         4      0        2
>>> save_record(folder / "walk.jsonl", {"time_slot": "weekday_evening",
...             "place": "Marktplein", "notes": "call Anna on 06-12345678"})
Traceback (most recent call last):
...
ValueError: notes contains what looks like a Dutch phone number ('06-…'). ...
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from wijkwijs import i18n
from wijkwijs.havenstad.constants import FUNDING, ORGANISATION_TYPES
from wijkwijs.infrastructure import diversity, inventory
from wijkwijs.paths import datasets_dir

__all__ = [
    "AGE_GROUPS", "FIELDS", "FIELDWORK_DIR_ENV", "FUNDING_KINDS", "ORGANISATION_KINDS",
    "RECORD_TYPES", "SERVICE_KINDS", "TIME_SLOTS", "InventorySummary", "elfproef",
    "example_file", "fieldwork_folder", "find_personal_data", "inventory_brokerage",
    "is_example", "load_records", "observation_bridging", "record_type_of", "save_record",
    "shown_path", "summarise_inventory", "to_jsonl", "validate_record", "work_file",
]

#: The kinds of organisation: Havenstad's types (chapter 6) and ``"other"``.
ORGANISATION_KINDS: tuple[str, ...] = (*ORGANISATION_TYPES, "other")
#: How an organisation is paid for: Havenstad's funding kinds and ``"unknown"``.
FUNDING_KINDS: tuple[str, ...] = (*FUNDING, "unknown")
#: When an observation was made.
TIME_SLOTS: tuple[str, ...] = (
    "weekday_morning", "weekday_afternoon", "weekday_evening",
    "weekend_morning", "weekend_afternoon", "weekend_evening",
)
#: The visible age groups counted in an observation.
AGE_GROUPS: tuple[str, ...] = ("children", "youth", "adults", "elderly")
RECORD_TYPES: tuple[str, ...] = ("inventory", "observation")
#: The kinds that count as formal help a referral can *link* residents to (chapter 6).
SERVICE_KINDS: tuple[str, ...] = ("municipal_service", "welfare_organisation")
#: Set this environment variable to keep fieldwork files in another folder.
FIELDWORK_DIR_ENV = "WIJKWIJS_FIELDWORK_DIR"
#: The file by which a wijkwijs work folder is known (``wijkwijs.workfolder.MANIFEST``).
WORK_FOLDER_MARKER = ".wijkwijs/manifest.json"
#: The work folder ``wijkwijs lab`` makes when not told otherwise (``wijkwijs.cli``).
DEFAULT_WORK_FOLDER = Path("~/wijkwijs-course")
_EXAMPLE_FILES = {"inventory": "example_inventory.jsonl",
                  "observation": "example_observations.jsonl"}

# field -> (type, required, default); types: "text", "choice:<name>", "bool", "list", "count"
_CHOICES: dict[str, tuple[str, ...]] = {
    "kind": ORGANISATION_KINDS, "funding": FUNDING_KINDS, "time_slot": TIME_SLOTS,
}
#: The fields of each record type: ``{record_type: {field: (type, required, default)}}``.
FIELDS: dict[str, dict[str, tuple[str, bool, Any]]] = {
    "inventory": {
        "name": ("text", True, ""),
        "kind": ("choice", True, "other"),
        "notes": ("text", False, ""),
        "target_group": ("text", False, ""),
        "open_to_all": ("bool", False, True),
        "activities": ("list", False, ()),
        "who_comes": ("text", False, ""),
        "referrals_to": ("list", False, ()),
        "referrals_from": ("list", False, ()),
        "funding": ("choice", False, "unknown"),
        "contact_role": ("text", False, ""),
        "contact_years": ("count", False, 0),
    },
    "observation": {
        "time_slot": ("choice", True, TIME_SLOTS[0]),
        "place": ("text", True, ""),
        **{group: ("count", False, 0) for group in AGE_GROUPS},
        "interactions": ("text", False, ""),
        "language_and_signage": ("text", False, ""),
        "accessibility": ("text", False, ""),
        "notes": ("text", False, ""),
    },
}

i18n.register({
    "fieldwork.err.unknown_type": {
        "en": "record_type {value!r} is unknown; choose one of {options}.",
        "nl": "record_type {value!r} bestaat niet; kies uit {options}."},
    "fieldwork.err.which_type": {
        "en": "cannot tell the record type: give a 'name' and 'kind' (inventory) or a "
              "'time_slot' and 'place' (observation), or set record_type.",
        "nl": "het soort record is niet duidelijk: geef een 'name' en 'kind' (inventaris) of "
              "een 'time_slot' en 'place' (observatie), of zet record_type."},
    "fieldwork.err.unknown_field": {
        "en": "{field} is not a field of an {record_type} record; the fields are {options}.",
        "nl": "{field} is geen veld van een {record_type}-record; de velden zijn {options}."},
    "fieldwork.err.required": {
        "en": "{field} is required; fill it in.",
        "nl": "{field} is verplicht; vul het in."},
    "fieldwork.err.text": {
        "en": "{field} must be text; got {got}.",
        "nl": "{field} moet tekst zijn; je gaf {got}."},
    "fieldwork.err.bool": {
        "en": "{field} must be True or False; got {got}.",
        "nl": "{field} moet True of False zijn; je gaf {got}."},
    "fieldwork.err.list": {
        "en": "{field} must be a list of texts; got {got}.",
        "nl": "{field} moet een lijst met teksten zijn; je gaf {got}."},
    "fieldwork.err.count": {
        "en": "{field} must be a whole number of 0 or more; got {got}.",
        "nl": "{field} moet een heel getal van 0 of meer zijn; je gaf {got}."},
    "fieldwork.err.choice": {
        "en": "{field} {got} is unknown; choose one of {options}.",
        "nl": "{field} {got} bestaat niet; kies uit {options}."},
    "fieldwork.err.personal": {
        "en": "{field} contains what looks like {what} ({shown}). Do not record private "
              "persons' details (AVG/GDPR): record roles and counts, not people.",
        "nl": "{field} bevat iets dat lijkt op {what} ({shown}). Schrijf geen gegevens van "
              "privépersonen op (AVG): noteer rollen en aantallen, geen mensen."},
    "fieldwork.what.email": {"en": "an e-mail address", "nl": "een e-mailadres"},
    "fieldwork.what.phone": {"en": "a Dutch phone number", "nl": "een Nederlands telefoonnummer"},
    "fieldwork.what.bsn": {"en": "a BSN (citizen service number)",
                           "nl": "een BSN (burgerservicenummer)"},
    "fieldwork.err.corrupt": {
        "en": "{file} line {line}: {problem}; the file was not changed; {backup}",
        "nl": "{file} regel {line}: {problem}; het bestand is niet veranderd; {backup}"},
    "fieldwork.err.not_json": {"en": "not valid JSON ({detail})",
                               "nl": "geen geldige JSON ({detail})"},
    "fieldwork.err.not_record": {"en": "not a valid record ({detail})",
                                 "nl": "geen geldig record ({detail})"},
    "fieldwork.err.backup": {"en": "the last good version is in {name}",
                             "nl": "de laatste goede versie staat in {name}"},
    "fieldwork.err.no_backup": {"en": "there is no backup ({name}) yet",
                                "nl": "er is nog geen reservekopie ({name})"},
    "fieldwork.err.in_datasets": {
        "en": "{file} is inside the course's datasets folder, which holds the course's own "
              "data; save your records in your work folder (fieldwork_folder()).",
        "nl": "{file} staat in de datasets-map van de cursus, met de eigen data van de "
              "cursus; bewaar je records in je werkmap (fieldwork_folder())."},
    "fieldwork.err.file_name": {
        "en": "name must be a plain file name such as 'social_map.jsonl'; got {got}.",
        "nl": "name moet een gewone bestandsnaam zijn, zoals 'social_map.jsonl'; je gaf "
              "{got}."},
    "fieldwork.err.not_dict": {
        "en": "record must be a dict; got {got}.",
        "nl": "record moet een dict zijn; je gaf {got}."},
    "fieldwork.err.no_column_inventory": {
        "en": "frame has no column {column!r}; give the records of an inventory "
              "(load_records).",
        "nl": "frame heeft geen kolom {column!r}; geef de records van een inventaris "
              "(load_records)."},
    "fieldwork.err.no_column_observation": {
        "en": "frame has no column {column!r}; give the records of an observation log "
              "(load_records).",
        "nl": "frame heeft geen kolom {column!r}; geef de records van een "
              "observatielogboek (load_records)."},
    "fieldwork.err.min_people": {
        "en": "min_people must be a whole number of at least 2; got {got}.",
        "nl": "min_people moet een heel getal van minstens 2 zijn; je gaf {got}."},
    "fieldwork.err.mixed": {
        "en": "{file} holds {existing} records; save this {record_type} record in another file.",
        "nl": "{file} bevat {existing}-records; bewaar dit {record_type}-record in een "
              "ander bestand."},
})


# --------------------------------------------------------------------------- personal data

# a match starts only where a run of address characters starts, so a long text without
# spaces is scanned once (without the look-behind, every position of the run was a new
# start: quadratic, 6 s for 32,000 characters)
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+"
                    r"@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
# a Dutch number: +31 / 0031 (optionally "(0)") or 0, then nine digits, each optionally
# preceded by one separator (space, hyphen, dot, bracket)
_PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)31[ \-.]?(?:\(0\)[ \-.]?)?|\(?0)"
                    r"[1-9](?:[ \-.()]{0,2}\d){8}(?!\d)")
_BSN = re.compile(r"(?<!\d)\d{9}(?!\d)")


def elfproef(number: str) -> bool:
    r"""Does a nine-digit number pass the *elfproef* (11-test) of a BSN?

    With the digits :math:`d_1 \dots d_9`:

    .. math:: 9 d_1 + 8 d_2 + 7 d_3 + 6 d_4 + 5 d_5 + 4 d_6 + 3 d_7 + 2 d_8 - d_9
              \equiv 0 \pmod{11}

    Source: Rijksoverheid, *Logisch ontwerp BSN* (the "11-proef" of the
    burgerservicenummer). ``000000000`` passes the sum but is no number; it is ``False``.

    Examples
    --------
    >>> elfproef("111222333"), elfproef("123456782"), elfproef("123456789")
    (True, True, False)
    """
    if len(number) != 9 or not number.isdigit() or int(number) == 0:
        return False
    digits = [int(c) for c in number]
    total = sum(weight * d for weight, d in zip(range(9, 1, -1), digits[:8], strict=True))
    return (total - digits[8]) % 11 == 0


def _shown(match: str) -> str:
    """The start of a match, the rest hidden, for the message."""
    return f"'{match[:3]}…'"


def find_personal_data(text: str) -> tuple[str, str] | None:
    """The first e-mail address, Dutch phone number or BSN-like number in ``text``.

    * e-mail: ``name@domain.tld``;
    * phone: ``06-12345678``, ``0612345678``, ``06 1234 5678``, ``+31 6 12345678``,
      ``+316…``, ``0031…``, ``+31 (0)6…`` and landlines such as ``010-1234567`` or
      ``(020) 123 4567``: a ``0`` or ``+31``, then nine digits with at most two separators
      between two digits;
    * BSN: nine digits in a row that pass the :func:`elfproef`.

    Years (2019), year ranges (2015-2019), postcodes (1234 AB), counts and amounts
    (€ 12.500, 1.250.000) are not flagged.

    Returns
    -------
    tuple of (kind, match) or None
        ``kind`` is ``"email"``, ``"phone"`` or ``"bsn"``.

    Examples
    --------
    >>> find_personal_data("mail j.jansen@example.nl later")
    ('email', 'j.jansen@example.nl')
    >>> find_personal_data("bel +31 6 12345678")
    ('phone', '+31 6 12345678')
    >>> find_personal_data("BSN 111222333")
    ('bsn', '111222333')
    >>> find_personal_data("since 2019, postcode 3011 AB, 12 children, € 12.500") is None
    True
    """
    found = []
    for kind, pattern in (("email", _EMAIL), ("phone", _PHONE), ("bsn", _BSN)):
        for m in pattern.finditer(text):
            if kind == "bsn" and not elfproef(m.group()):
                continue
            found.append((m.start(), kind, m.group()))
            break
    if not found:
        return None
    _, kind, match = min(found)
    return kind, match


def _check_personal(field: str, text: str) -> None:
    hit = find_personal_data(text)
    if hit is not None:
        kind, match = hit
        raise ValueError(i18n.t("fieldwork.err.personal", field=field,
                                what=i18n.t(f"fieldwork.what.{kind}"), shown=_shown(match)))


# --------------------------------------------------------------------------- validation

def record_type_of(record: Mapping[str, Any]) -> str:
    """The record type of ``record``: its ``record_type``, or told by its fields.

    Examples
    --------
    >>> record_type_of({"name": "Buurthuis De Brug", "kind": "community_centre"})
    'inventory'
    >>> record_type_of({"time_slot": "weekend_morning", "place": "Park"})
    'observation'
    """
    given = record.get("record_type")
    if given is not None:
        if given not in RECORD_TYPES:
            raise ValueError(i18n.t("fieldwork.err.unknown_type", value=given,
                                    options=", ".join(RECORD_TYPES)))
        return str(given)
    keys = set(record)
    inventory_like = bool(keys & {"name", "kind"})
    observation_like = bool(keys & {"time_slot", "place"})
    if inventory_like == observation_like:
        raise ValueError(i18n.t("fieldwork.err.which_type"))
    return "inventory" if inventory_like else "observation"


def _check_value(field: str, kind: str, value: Any) -> Any:
    got = repr(value)
    if kind == "text":
        if not isinstance(value, str):
            raise ValueError(i18n.t("fieldwork.err.text", field=field, got=got))
        _check_personal(field, value)
        return value.strip()
    if kind == "choice":
        options = _CHOICES[field]
        if not isinstance(value, str) or value not in options:
            raise ValueError(i18n.t("fieldwork.err.choice", field=field, got=got,
                                    options=", ".join(options)))
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise ValueError(i18n.t("fieldwork.err.bool", field=field, got=got))
        return value
    if kind == "count":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(i18n.t("fieldwork.err.count", field=field, got=got))
        return int(value)
    # a list of texts
    if isinstance(value, str) or not isinstance(value, (list, tuple)) or not all(
            isinstance(item, str) for item in value):
        raise ValueError(i18n.t("fieldwork.err.list", field=field, got=got))
    for item in value:
        _check_personal(field, item)
    return [item.strip() for item in value if item.strip()]


def validate_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """Check a record and return it complete: ``record_type`` first, defaults filled in.

    Raises ``ValueError`` naming the field and what was expected: an unknown field, a
    missing required field, a wrong type, a negative count, an unknown choice, or
    personal data (see :func:`find_personal_data`). Texts are stripped of surrounding
    spaces; empty list items are dropped.

    Examples
    --------
    >>> validate_record({"name": "Bibliotheek West", "kind": "library",
    ...                  "activities": ["reading café", " "]})["activities"]
    ['reading café']
    >>> validate_record({"time_slot": "weekday_morning", "place": "Park", "youth": -1})
    Traceback (most recent call last):
    ...
    ValueError: youth must be a whole number of 0 or more; got -1.
    """
    if not isinstance(record, Mapping):
        raise ValueError(i18n.t("fieldwork.err.not_dict", got=type(record).__name__))
    record_type = record_type_of(record)
    fields = FIELDS[record_type]
    out: dict[str, Any] = {"record_type": record_type}
    for field in record:
        if field != "record_type" and field not in fields:
            raise ValueError(i18n.t("fieldwork.err.unknown_field", field=field,
                                    record_type=record_type, options=", ".join(fields)))
    for field, (kind, required, default) in fields.items():
        if field not in record or record[field] is None:
            if required:
                raise ValueError(i18n.t("fieldwork.err.required", field=field))
            out[field] = list(default) if kind == "list" else default
            continue
        value = _check_value(field, kind, record[field])
        if required and value == "":
            raise ValueError(i18n.t("fieldwork.err.required", field=field))
        out[field] = value
    return out


def to_jsonl(records: Iterable[Mapping[str, Any]]) -> str:
    """Validated records as JSON Lines text: one object per line, keys in field order.

    Examples
    --------
    >>> print(to_jsonl([{"time_slot": "weekend_morning", "place": "Park", "adults": 3}]))
    ... # doctest: +ELLIPSIS
    {"record_type": "observation", "time_slot": "weekend_morning", "place": "Park", ...}
    <BLANKLINE>
    """
    return "".join(json.dumps(validate_record(r), ensure_ascii=False) + "\n" for r in records)


# --------------------------------------------------------------------------- where files go

def _datasets() -> Path | None:
    try:
        return datasets_dir().resolve()
    except FileNotFoundError:
        return None


def _inside_datasets(path: Path) -> bool:
    """Is ``path`` inside the course's own ``datasets/`` folder?"""
    root = _datasets()
    return root is not None and Path(path).expanduser().resolve().is_relative_to(root)


def fieldwork_folder(start: str | os.PathLike[str] | None = None) -> Path:
    """The folder for a learner's fieldwork files: ``fieldwork/`` in their work folder.

    In order: ``$WIJKWIJS_FIELDWORK_DIR`` if set; else the ``fieldwork/`` folder of the
    wijkwijs work folder that ``start`` (default: the current folder, where a notebook
    runs) is in — a folder with wijkwijs's manifest ``.wijkwijs/manifest.json``, as
    ``wijkwijs lab`` makes it; else ``~/wijkwijs-course/fieldwork`` (for a notebook run
    from the course's own ``chapters/``, so nothing is written into the course). The
    folder is not made here; :func:`save_record` makes it on the first save.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> work = pathlib.Path(tempfile.mkdtemp())
    >>> (work / ".wijkwijs").mkdir(); _ = (work / ".wijkwijs" / "manifest.json").write_text("{}")
    >>> fieldwork_folder(work) == work / "fieldwork"
    True
    >>> fieldwork_folder(pathlib.Path(tempfile.mkdtemp())).parts[-2:]
    ('wijkwijs-course', 'fieldwork')
    """
    if os.environ.get(FIELDWORK_DIR_ENV):
        return Path(os.environ[FIELDWORK_DIR_ENV]).expanduser()
    here = Path.cwd() if start is None else Path(start)
    here = here.expanduser().absolute()
    for folder in (here, *here.parents):
        if (folder / WORK_FOLDER_MARKER).is_file():
            return folder / "fieldwork"
    return DEFAULT_WORK_FOLDER.expanduser() / "fieldwork"


def work_file(name: str, start: str | os.PathLike[str] | None = None) -> Path:
    """A file called ``name`` in :func:`fieldwork_folder` (``.jsonl`` added if missing).

    Examples
    --------
    >>> work_file("social_map").name
    'social_map.jsonl'
    >>> work_file("../x.jsonl")
    Traceback (most recent call last):
    ...
    ValueError: name must be a plain file name such as 'social_map.jsonl'; got '../x.jsonl'.
    """
    if not isinstance(name, str) or not re.fullmatch(r"[\w\-][\w\-. ]*", name) \
            or name.startswith("."):
        raise ValueError(i18n.t("fieldwork.err.file_name", got=repr(name)))
    if not name.endswith(".jsonl"):
        name += ".jsonl"
    return fieldwork_folder(start) / name


def example_file(record_type: str = "inventory") -> Path:
    """The shipped, invented example file of ``record_type`` (read it, never save to it).

    Examples
    --------
    >>> example_file("observation").name
    'example_observations.jsonl'
    >>> len(load_records(example_file())) >= 8
    True
    """
    if record_type not in _EXAMPLE_FILES:
        raise ValueError(i18n.t("fieldwork.err.unknown_type", value=record_type,
                                options=", ".join(RECORD_TYPES)))
    return datasets_dir() / "examples" / "fieldwork" / _EXAMPLE_FILES[record_type]


def is_example(path: str | os.PathLike[str]) -> bool:
    """Is ``path`` one of the shipped, invented example files?

    >>> is_example(example_file()), is_example("my_map.jsonl")
    (True, False)
    """
    try:
        target = Path(path).expanduser().resolve()
        return any(target == example_file(kind).resolve() for kind in _EXAMPLE_FILES)
    except FileNotFoundError:
        return False


def shown_path(path: str | os.PathLike[str]) -> str:
    """``path`` as a learner reads it: relative to the current folder when inside it,
    else with the home folder written as ``~`` (outputs then name no machine path).

    >>> shown_path(Path.home() / "wijkwijs-course" / "fieldwork" / "a.jsonl")
    '~/wijkwijs-course/fieldwork/a.jsonl'
    """
    target = Path(path).expanduser().absolute()
    for base, prefix in ((Path.cwd(), ""), (Path.home(), "~/")):
        if target.is_relative_to(base) and target != base:
            return prefix + target.relative_to(base).as_posix()
    return target.as_posix()


# --------------------------------------------------------------------------- the store

def _backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _corrupt(path: Path, line: int, problem: str) -> ValueError:
    backup = _backup_path(path)
    where = (i18n.t("fieldwork.err.backup", name=backup.name) if backup.exists()
             else i18n.t("fieldwork.err.no_backup", name=backup.name))
    return ValueError(i18n.t("fieldwork.err.corrupt", file=path.name, line=line,
                             problem=problem, backup=where))


def _parse(path: Path, data: bytes) -> list[dict[str, Any]]:
    """Every record of the file's bytes, or a ValueError naming the first bad line."""
    records = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise _corrupt(path, number, i18n.t("fieldwork.err.not_json", detail=exc)) from None
        try:
            records.append(validate_record(obj))
        except ValueError as exc:
            raise _corrupt(path, number, i18n.t("fieldwork.err.not_record",
                                                detail=exc)) from None
    if records:
        types = {r["record_type"] for r in records}
        if len(types) > 1:
            first = records[0]["record_type"]
            bad = next(i for i, r in enumerate(records) if r["record_type"] != first)
            raise _corrupt(path, bad + 1, i18n.t("fieldwork.err.not_record", detail=i18n.t(
                "fieldwork.err.mixed", file=path.name, existing=first,
                record_type=records[bad]["record_type"])))
    return records


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where folders cannot be opened (Windows)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, fsync it, then replace ``path``."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_folder(path.parent)


def save_record(path: str | os.PathLike[str], record: Mapping[str, Any]) -> None:
    """Validate ``record`` and append it to the JSON Lines file ``path``, losing nothing.

    The record is checked first (:func:`validate_record`); then the file is read and
    checked whole — a damaged file raises a ``ValueError`` with the line number and is
    left alone (nothing is appended, nothing dropped). The previous version is kept as
    ``<name>.bak``, and the new version is written to a temporary file in the same folder,
    flushed, ``fsync``-ed and renamed over ``path`` with ``os.replace``, so the file is
    always either the old or the new version. A file holds records of one type. The
    folder is made if it does not exist; a file inside the course's ``datasets/`` folder
    is refused (the course's data are not the learner's).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "kaart.jsonl"
    >>> save_record(p, {"name": "Buurthuis De Brug", "kind": "community_centre"})
    >>> save_record(p, {"name": "Moskee Al Amal", "kind": "mosque"})
    >>> len(load_records(p)), len(load_records(p.with_name("kaart.jsonl.bak")))
    (2, 1)
    """
    path = Path(path)
    if _inside_datasets(path):
        raise ValueError(i18n.t("fieldwork.err.in_datasets", file=path.name))
    line = (json.dumps(validate_record(record), ensure_ascii=False) + "\n").encode("utf-8")
    new_type = json.loads(line)["record_type"]
    old = path.read_bytes() if path.exists() else b""
    existing = _parse(path, old)
    if existing and existing[0]["record_type"] != new_type:
        raise ValueError(i18n.t("fieldwork.err.mixed", file=path.name,
                                existing=existing[0]["record_type"], record_type=new_type))
    path.parent.mkdir(parents=True, exist_ok=True)
    if old:
        _write_atomic(_backup_path(path), old)
        if not old.endswith(b"\n"):
            old += b"\n"
    _write_atomic(path, old + line)


def load_records(path: str | os.PathLike[str], record_type: str | None = None) -> pd.DataFrame:
    """All records of the JSON Lines file ``path`` as a DataFrame, one row per record.

    Columns are ``record_type`` and the fields of the record type, in their documented
    order; list fields hold Python lists. A missing or empty file gives an empty frame
    (with the columns of ``record_type`` when given). A damaged line raises a
    ``ValueError`` with its line number (the file is not changed). The frame's
    ``attrs["invented_example"]`` says whether it is the shipped invented example
    (:func:`is_example`), so that figures can say so.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "nothing_yet.jsonl"
    >>> load_records(p, "observation").columns[:4].tolist()
    ['record_type', 'time_slot', 'place', 'children']
    """
    path = Path(path)
    records = _parse(path, path.read_bytes()) if path.exists() else []
    kind = records[0]["record_type"] if records else record_type
    if kind is not None and kind not in RECORD_TYPES:
        raise ValueError(i18n.t("fieldwork.err.unknown_type", value=kind,
                                options=", ".join(RECORD_TYPES)))
    if kind is not None and records and kind != record_type and record_type is not None:
        raise ValueError(i18n.t("fieldwork.err.mixed", file=path.name, existing=kind,
                                record_type=record_type))
    columns = ["record_type", *FIELDS[kind]] if kind is not None else []
    frame = pd.DataFrame(records, columns=columns)
    frame.attrs["invented_example"] = is_example(path)
    return frame


# --------------------------------------------------------------------------- chapter 6

@dataclass(frozen=True)
class InventorySummary:
    """What a *sociale kaart* gives chapter 6's measures.

    Attributes
    ----------
    type_mix
        One row (``"fieldwork"``), one column per kind of :data:`ORGANISATION_KINDS`:
        counts, as :func:`wijkwijs.infrastructure.inventory` gives them.
    diversity
        Pielou's evenness of the mix (:func:`wijkwijs.infrastructure.diversity`,
        Shannon, normalised over all kinds); ``NaN`` without organisations.
    edges
        The referral links, ``from_id`` → ``to_id`` (organisation names), one row per
        link, without self-loops or repeats: ready for
        :func:`wijkwijs.networks.brokerage`.
    nodes
        Every organisation named in the inventory, also those without links.
    """

    type_mix: pd.DataFrame
    diversity: float
    edges: pd.DataFrame
    nodes: list[str]


def summarise_inventory(frame: pd.DataFrame) -> InventorySummary:
    """The type mix and referral network of an organisation inventory.

    ``referrals_to = [B]`` in the record of A is the link A → B; ``referrals_from = [C]``
    is C → A. Both sides naming the same link count once.

    Examples
    --------
    >>> from wijkwijs.networks import brokerage
    >>> f = pd.DataFrame([
    ...     {"name": "A", "kind": "cafe", "referrals_to": ["W"], "referrals_from": []},
    ...     {"name": "W", "kind": "welfare_organisation", "referrals_to": ["T"],
    ...      "referrals_from": ["A", "B"]}])
    >>> s = summarise_inventory(f)
    >>> s.edges.values.tolist()
    [['A', 'W'], ['W', 'T'], ['B', 'W']]
    >>> int(s.type_mix.loc["fieldwork", "cafe"]), round(s.diversity, 3)
    (1, 0.27)
    >>> round(float(brokerage(s.edges, nodes=s.nodes).loc["W", "betweenness"]), 3)
    0.333
    """
    for column in ("name", "kind", "referrals_to", "referrals_from"):
        if column not in frame.columns:
            raise ValueError(i18n.t("fieldwork.err.no_column_inventory", column=column))
    unknown = frame.loc[~frame["kind"].isin(ORGANISATION_KINDS), "kind"]
    if len(unknown):
        raise ValueError(i18n.t("fieldwork.err.choice", field="kind", got=repr(unknown.iloc[0]),
                                options=", ".join(ORGANISATION_KINDS)))
    organisations = pd.DataFrame({"area": "fieldwork", "kind": frame["kind"].astype(object)})
    mix = inventory(organisations, area="area", kind="kind", kinds=list(ORGANISATION_KINDS),
                    areas=["fieldwork"])
    links: list[tuple[str, str]] = []
    for name, to, from_ in zip(frame["name"], frame["referrals_to"], frame["referrals_from"],
                               strict=True):
        links += [(name, other) for other in (to or [])]
        links += [(other, name) for other in (from_ or [])]
    unique = list(dict.fromkeys((a, b) for a, b in links if a != b))
    edges = pd.DataFrame(unique, columns=["from_id", "to_id"])
    value = diversity(mix).iloc[0] if len(frame) else float("nan")
    return InventorySummary(type_mix=mix, diversity=float(value), edges=edges,
                            nodes=list(dict.fromkeys(frame["name"])))


def _summary_kinds(frame: pd.DataFrame) -> dict[str, str]:
    return dict(zip(frame["name"], frame["kind"], strict=True))


def inventory_brokerage(frame: pd.DataFrame) -> pd.DataFrame:
    """Chapter 6's brokerage and linking measures for every organisation of an inventory.

    The referral network of :func:`summarise_inventory` goes through
    :func:`wijkwijs.networks.brokerage` (in- and out-degree, betweenness, Burt's
    constraint and effective size). ``links_to_services`` counts an organisation's
    referrals to formal help — the organisations of :data:`SERVICE_KINDS` in the
    inventory — as :func:`wijkwijs.infrastructure.linking` does; ``linking`` is whether
    there is at least one. Organisations that are only *named* in a referral (not
    inventoried themselves) are kept, with kind ``"not_inventoried"``: a blind spot of
    the map, not an absence.

    Returns
    -------
    pandas.DataFrame
        Indexed by name, sorted by betweenness (highest first), then name: ``kind``,
        ``in_inventory``, ``in_degree``, ``out_degree``, ``betweenness``, ``constraint``,
        ``effective_size``, ``links_to_services``, ``linking``.

    Examples
    --------
    >>> f = pd.DataFrame([
    ...     {"name": "A", "kind": "cafe", "referrals_to": ["W"], "referrals_from": []},
    ...     {"name": "W", "kind": "welfare_organisation", "referrals_to": ["T"],
    ...      "referrals_from": ["A", "B"]}])
    >>> inventory_brokerage(f)[["kind", "betweenness", "linking"]].round(3)
                         kind  betweenness  linking
    name
    W    welfare_organisation        0.333    False
    A                    cafe        0.000     True
    B         not_inventoried        0.000     True
    T         not_inventoried        0.000    False
    """
    from wijkwijs.infrastructure import linking
    from wijkwijs.networks import brokerage

    summary = summarise_inventory(frame)
    kinds = _summary_kinds(frame)
    nodes = list(dict.fromkeys([*summary.nodes, *summary.edges["from_id"],
                                *summary.edges["to_id"]]))
    columns = ["kind", "in_inventory", "in_degree", "out_degree", "betweenness", "constraint",
               "effective_size", "links_to_services", "linking"]
    if not nodes:
        return pd.DataFrame(columns=columns, index=pd.Index([], name="name"))
    if summary.edges.empty:
        table = pd.DataFrame({"in_degree": 0, "out_degree": 0, "betweenness": 0.0,
                              "constraint": float("nan"), "effective_size": float("nan")},
                             index=pd.Index(nodes, name="id"))
    else:
        table = brokerage(summary.edges, nodes=nodes)
    table.index.name = "name"
    table["kind"] = [kinds.get(n, "not_inventoried") for n in table.index]
    table["in_inventory"] = [n in kinds for n in table.index]
    services = [n for n, k in kinds.items() if k in SERVICE_KINDS]
    if services and not summary.edges.empty:
        orgs = pd.DataFrame({"organisation_id": list(table.index),
                             "explains_government_info": False})
        links = linking(orgs, summary.edges, targets=services)
        table["links_to_services"] = links["links_to_targets"].reindex(table.index).astype(int)
    else:
        table["links_to_services"] = 0
    table["linking"] = table["links_to_services"] > 0
    order = sorted(table.index, key=lambda n: (-float(table.loc[n, "betweenness"]), str(n)))
    return table.loc[order, columns]


def observation_bridging(frame: pd.DataFrame, *, min_people: int = 10) -> pd.DataFrame:
    r"""How mixed, by visible age group, the people at each observed place were.

    Chapter 6's bridging ratio (:func:`wijkwijs.infrastructure.bridging`) with the
    people counted at one place and time as the "members" and everyone counted on the
    whole walk as the "area":

    .. math:: b_o = \frac{S(\text{people at observation } o)}{S(\text{everyone counted})},
              \qquad S = 1 - \sum_k \frac{n_k (n_k - 1)}{N (N - 1)}

    over the four visible age groups :data:`AGE_GROUPS`. About 1: as mixed as the walk
    as a whole; well below 1: one age group on its own. Visible age is a rough proxy —
    it says nothing about income or background, which a walk cannot see. Fewer than
    ``min_people`` people give ``NaN``: too few to say.

    Returns
    -------
    pandas.DataFrame
        One row per observation (in file order): ``time_slot``, ``place``, ``people``,
        ``simpson`` and ``bridging``.

    Examples
    --------
    >>> f = pd.DataFrame({"time_slot": ["weekday_morning"] * 2, "place": ["a", "b"],
    ...                   "children": [5, 0], "youth": [5, 0], "adults": [0, 5],
    ...                   "elderly": [0, 5]})
    >>> observation_bridging(f, min_people=2)[["people", "bridging"]].round(3)
       people  bridging
    0      10     0.704
    1      10     0.704

    (Each place: :math:`S = 1 - 40/90 = 0.556`; the walk: :math:`1 - 80/380 = 0.789`.)
    """
    for column in ("time_slot", "place", *AGE_GROUPS):
        if column not in frame.columns:
            raise ValueError(i18n.t("fieldwork.err.no_column_observation", column=column))
    if isinstance(min_people, bool) or not isinstance(min_people, int) or min_people < 2:
        raise ValueError(i18n.t("fieldwork.err.min_people", got=repr(min_people)))
    counts = frame[list(AGE_GROUPS)].astype(int).reset_index(drop=True)
    out = frame[["time_slot", "place"]].reset_index(drop=True).copy()
    out["people"] = counts.sum(axis=1).astype(int)
    if counts.empty:
        out["simpson"] = out["bridging"] = pd.Series(dtype=float)
        return out
    out["simpson"] = diversity(counts, index="simpson", normalise=False).to_numpy()
    walk = float(diversity(counts.sum().to_numpy(), index="simpson", normalise=False))
    ratio = out["simpson"] / walk if walk > 0 else out["simpson"] * float("nan")
    out["bridging"] = ratio.where(out["people"] >= min_people)
    return out
