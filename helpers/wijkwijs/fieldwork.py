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

__all__ = [
    "AGE_GROUPS", "FIELDS", "FUNDING_KINDS", "ORGANISATION_KINDS", "RECORD_TYPES", "TIME_SLOTS",
    "InventorySummary", "elfproef", "find_personal_data", "load_records", "record_type_of",
    "save_record", "summarise_inventory", "to_jsonl", "validate_record",
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
    "fieldwork.err.mixed": {
        "en": "{file} holds {existing} records; save this {record_type} record in another file.",
        "nl": "{file} bevat {existing}-records; bewaar dit {record_type}-record in een "
              "ander bestand."},
})


# --------------------------------------------------------------------------- personal data

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
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
        raise ValueError(f"record must be a dict; got {type(record).__name__}.")
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
    always either the old or the new version. A file holds records of one type.

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
    line = (json.dumps(validate_record(record), ensure_ascii=False) + "\n").encode("utf-8")
    new_type = json.loads(line)["record_type"]
    old = path.read_bytes() if path.exists() else b""
    existing = _parse(path, old)
    if existing and existing[0]["record_type"] != new_type:
        raise ValueError(i18n.t("fieldwork.err.mixed", file=path.name,
                                existing=existing[0]["record_type"], record_type=new_type))
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
    ``ValueError`` with its line number (the file is not changed).

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
    return pd.DataFrame(records, columns=columns)


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
            raise ValueError(f"frame has no column {column!r}; give the records of an "
                             "inventory (load_records).")
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
