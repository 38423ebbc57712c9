"""wijkwijs.fieldwork: records are validated, never lost, and hold no personal data."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from wijkwijs import fieldwork as fw
from wijkwijs import i18n
from wijkwijs.networks import brokerage

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "datasets" / "examples" / "fieldwork"


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def obs(i: int = 0, **extra) -> dict:
    return {"time_slot": "weekday_afternoon", "place": f"plein {i}", "children": i, **extra}


def org(name: str = "Buurthuis De Brug", **extra) -> dict:
    return {"name": name, "kind": "community_centre", **extra}


# ------------------------------------------------------------------ records and validation

def test_round_trip_fills_defaults_in_field_order(tmp_path):
    p = tmp_path / "kaart.jsonl"
    fw.save_record(p, org(activities=["koffie", "taalles"], contact_years=4,
                          open_to_all=False, funding="structural", notes="Ĳsselmonde — café"))
    frame = fw.load_records(p)
    assert frame.columns.tolist() == ["record_type", *fw.FIELDS["inventory"]]
    row = frame.iloc[0]
    assert row["activities"] == ["koffie", "taalles"]
    assert row["referrals_to"] == [] and row["contact_years"] == 4
    assert row["open_to_all"] is False or row["open_to_all"] == False  # noqa: E712
    assert row["notes"] == "Ĳsselmonde — café"
    text = p.read_text(encoding="utf-8")
    assert "Ĳsselmonde" in text and text.endswith("\n") and text.count("\n") == 1


@pytest.mark.parametrize("record, field, expected", [
    (obs(children=-1), "children", "whole number of 0 or more"),
    (obs(children=2.5), "children", "whole number"),
    (obs(children=True), "children", "whole number"),
    (obs(youth="3"), "youth", "whole number"),
    (obs(time_slot="noon"), "time_slot", "choose one of weekday_morning"),
    (org(kind="bar"), "kind", "choose one of community_centre"),
    (org(funding="gift"), "funding", "choose one of structural"),
    (org(open_to_all="yes"), "open_to_all", "True or False"),
    (org(activities="koffie"), "activities", "list of texts"),
    (org(activities=["a", 3]), "activities", "list of texts"),
    (org(contact_years=-2), "contact_years", "whole number"),
    (org(name=""), "name", "required"),
    (org(name=7), "name", "must be text"),
    ({"kind": "cafe"}, "name", "required"),
    (org(colour="red"), "colour", "not a field of an inventory record"),
])
def test_bad_values_name_the_field(tmp_path, record, field, expected):
    with pytest.raises(ValueError, match=expected) as err:
        fw.save_record(tmp_path / "r.jsonl", record)
    assert str(err.value).startswith(field)
    assert not (tmp_path / "r.jsonl").exists()


def test_record_type_is_told_or_refused():
    assert fw.record_type_of({"record_type": "observation"}) == "observation"
    with pytest.raises(ValueError, match="record_type 'walk' is unknown"):
        fw.record_type_of({"record_type": "walk"})
    with pytest.raises(ValueError, match="cannot tell the record type"):
        fw.record_type_of({"notes": "x"})
    with pytest.raises(ValueError, match="cannot tell"):
        fw.record_type_of({"name": "x", "place": "y"})


def test_one_file_holds_one_record_type(tmp_path):
    p = tmp_path / "r.jsonl"
    fw.save_record(p, org())
    before = p.read_bytes()
    with pytest.raises(ValueError, match="holds inventory records"):
        fw.save_record(p, obs())
    assert p.read_bytes() == before


def test_dutch_messages():
    i18n.set_language("nl")
    with pytest.raises(ValueError, match="children moet een heel getal"):
        fw.validate_record(obs(children=-1))
    with pytest.raises(ValueError, match="Schrijf geen gegevens van privépersonen"):
        fw.validate_record(obs(notes="bel 0612345678"))


def test_missing_file_loads_empty(tmp_path):
    assert fw.load_records(tmp_path / "none.jsonl").empty
    cols = fw.load_records(tmp_path / "none.jsonl", "inventory").columns
    assert cols.tolist() == ["record_type", *fw.FIELDS["inventory"]]


# ------------------------------------------------------------------ nothing is lost

def test_backup_is_the_previous_version(tmp_path):
    p = tmp_path / "r.jsonl"
    fw.save_record(p, obs(0))
    first = p.read_bytes()
    assert not (tmp_path / "r.jsonl.bak").exists()
    fw.save_record(p, obs(1))
    assert (tmp_path / "r.jsonl.bak").read_bytes() == first
    assert fw.load_records(p)["children"].tolist() == [0, 1]
    assert sorted(x.name for x in tmp_path.iterdir()) == ["r.jsonl", "r.jsonl.bak"]


def test_every_save_goes_through_an_fsynced_temp_file(tmp_path, monkeypatch):
    calls = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (calls.append(("replace", Path(a).parent,
                                                                    Path(b).name)),
                                                     real_replace(a, b))[1])
    p = tmp_path / "r.jsonl"
    fw.save_record(p, obs(0))
    fw.save_record(p, obs(1))
    replaces = [c for c in calls if c != "fsync"]
    assert [c[2] for c in replaces] == ["r.jsonl", "r.jsonl.bak", "r.jsonl"]
    assert all(c[1] == tmp_path for c in replaces)  # the temp file is in the same folder
    assert calls[calls.index(replaces[0]) - 1] == "fsync"  # fsync before the rename


@pytest.mark.parametrize("fail_on", [1, 2])  # the backup's rename, the file's rename
def test_failed_replace_leaves_the_file_byte_identical(tmp_path, monkeypatch, fail_on):
    p = tmp_path / "r.jsonl"
    fw.save_record(p, obs(0))
    fw.save_record(p, obs(1))
    before, backup = p.read_bytes(), (tmp_path / "r.jsonl.bak").read_bytes()
    count = {"n": 0}
    real_replace = os.replace

    def flaky(a, b):
        count["n"] += 1
        if count["n"] == fail_on:
            raise OSError("disk full")
        return real_replace(a, b)

    monkeypatch.setattr(os, "replace", flaky)
    with pytest.raises(OSError, match="disk full"):
        fw.save_record(p, obs(2))
    assert p.read_bytes() == before
    assert sorted(x.name for x in tmp_path.iterdir()) == ["r.jsonl", "r.jsonl.bak"]
    if fail_on == 1:
        assert (tmp_path / "r.jsonl.bak").read_bytes() == backup


def test_failed_write_leaves_no_temp_file(tmp_path, monkeypatch):
    p = tmp_path / "r.jsonl"
    fw.save_record(p, obs(0))
    before = p.read_bytes()

    def broken(fd):
        raise OSError("I/O error")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError, match="I/O error"):
        fw.save_record(p, obs(1))
    assert p.read_bytes() == before
    assert [x.name for x in tmp_path.iterdir()] == ["r.jsonl"]


# Killing the kernel (SIGKILL) in the middle of a save, many times: tests/test_fieldwork_crash.py


# ------------------------------------------------------------------ corrupted files

def corrupt_file(tmp_path: Path) -> Path:
    p = tmp_path / "records.jsonl"
    for i in range(8):
        fw.save_record(p, obs(i))
    lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[6] = lines[6][:25] + "\n"  # line 7 cut off, as by a crashed editor
    p.write_text("".join(lines), encoding="utf-8")
    return p


def test_corrupted_line_is_reported_with_its_number(tmp_path):
    p = corrupt_file(tmp_path)
    with pytest.raises(ValueError) as err:
        fw.load_records(p)
    message = str(err.value)
    assert message.startswith("records.jsonl line 7: not valid JSON (")
    assert message.endswith("; the file was not changed; the last good version is in "
                            "records.jsonl.bak")


def test_save_refuses_a_corrupted_file_and_changes_nothing(tmp_path):
    p = corrupt_file(tmp_path)
    before, backup = p.read_bytes(), (tmp_path / "records.jsonl.bak").read_bytes()
    with pytest.raises(ValueError, match="line 7"):
        fw.save_record(p, obs(8))
    assert p.read_bytes() == before
    assert (tmp_path / "records.jsonl.bak").read_bytes() == backup
    assert fw.load_records(tmp_path / "records.jsonl.bak")["children"].tolist() == list(range(7))


@pytest.mark.parametrize("content, line, problem", [
    (b'{"time_slot": "weekday_morning", "place": "a"}\n[1, 2]\n', 2, "not a valid record"),
    (b'\n\n{"time_slot": "weekday_morning", "place": "a", "children": -3}\n', 3,
     "children must be a whole number"),
    (b'{"time_slot": "weekday_morning", "place": "a"}\n\xff\xfe\n', 2, "not valid JSON"),
    (b'{"time_slot": "weekday_morning", "place": "a"}\n{"name": "b", "kind": "cafe"}\n', 2,
     "holds observation records"),
    (b'{"time_slot": "weekday_morning", "place": "mail me: a@b.nl"}\n', 1, "e-mail"),
])
def test_bad_lines(tmp_path, content, line, problem):
    p = tmp_path / "r.jsonl"
    p.write_bytes(content)
    with pytest.raises(ValueError, match=f"r.jsonl line {line}: .*{problem}") as err:
        fw.save_record(p, obs())
    assert "there is no backup (r.jsonl.bak) yet" in str(err.value)
    assert p.read_bytes() == content


def test_a_last_line_without_newline_is_kept(tmp_path):
    p = tmp_path / "r.jsonl"
    p.write_bytes(json.dumps(fw.validate_record(obs(0))).encode())
    fw.save_record(p, obs(1))
    assert fw.load_records(p)["children"].tolist() == [0, 1]


# ------------------------------------------------------------------ personal data

@pytest.mark.parametrize("text, kind", [
    ("mail naam@voorbeeld.nl", "email"),
    ("J.de.Vries+buurt@gemeente.rotterdam.nl", "email"),
    ("06-12345678", "phone"), ("0612345678", "phone"), ("06 1234 5678", "phone"),
    ("+31 6 12345678", "phone"), ("+31612345678", "phone"), ("0031 6 1234 5678", "phone"),
    ("+31 (0)6 12345678", "phone"), ("010-1234567", "phone"), ("(020) 123 4567", "phone"),
    ("bel 0104 123456 na vijf", "phone"), ("tel.: 070-123 45 67", "phone"),
    ("111222333", "bsn"), ("bsn:123456782.", "bsn"),
])
def test_personal_data_is_found(text, kind):
    assert fw.find_personal_data(text)[0] == kind


@pytest.mark.parametrize("text", [
    "opened in 2019", "2015-2019", "1998 - 2023", "postcode 3011 AB", "3011AB",
    "12 children, 3 youth", "0 elderly", "€ 12.500 subsidy", "1.250.000 euro",
    "123456789",  # nine digits that fail the elfproef
    "000000000", "1234567890", "06", "open 9-17 uur", "12:30-17:00", "ma t/m vr 09.00-17.00",
    "kvk 12345678", "@buurthuis on Instagram", "bus 32 en 38", "0 1 2 3 4 5 6 7 8 9",
])
def test_ordinary_text_is_not_flagged(text):
    assert fw.find_personal_data(text) is None


def test_every_text_field_is_checked(tmp_path):
    for field in ("name", "notes", "target_group", "who_comes", "contact_role"):
        with pytest.raises(ValueError, match=f"^{field} contains what looks like a Dutch phone"):
            fw.validate_record(org(**{field: "Piet 0612345678"}))
    for field in ("activities", "referrals_to", "referrals_from"):
        with pytest.raises(ValueError, match=f"^{field} contains what looks like an e-mail"):
            fw.validate_record(org(**{field: ["ok", "x@y.com"]}))
    with pytest.raises(ValueError, match=r"\(AVG/GDPR\): record roles and counts, not people"):
        fw.validate_record(obs(notes="BSN 111222333"))


def test_the_message_does_not_repeat_the_personal_data():
    with pytest.raises(ValueError) as err:
        fw.validate_record(obs(notes="0612345678"))
    assert "12345678" not in str(err.value)


def bsn_numbers():
    def complete(first8: list[int]) -> str | None:
        total = sum(w * d for w, d in zip(range(9, 1, -1), first8, strict=True))
        last = total % 11
        return None if last == 10 else "".join(map(str, first8)) + str(last)
    return (st.lists(st.integers(0, 9), min_size=8, max_size=8).map(complete)
            .filter(lambda s: s is not None and int(s) > 0))


def dutch_phones():
    """Mobile numbers (06 + 8 digits) and landlines (0 + area code + subscriber: 9 digits)."""
    separators = st.sampled_from(["", " ", "-"])
    mobile = st.builds(lambda p, sep, d: p + sep + d,
                       st.sampled_from(["06", "+316", "+31 6", "0031 6", "+31 (0)6"]),
                       separators, st.from_regex(r"\A[0-9]{8}\Z"))
    area2 = st.builds(lambda a, sep, d: "0" + a + sep + d, st.sampled_from(["10", "20", "70"]),
                      separators, st.from_regex(r"\A[0-9]{7}\Z"))
    area3 = st.builds(lambda a, sep, d: "0" + a + sep + d, st.sampled_from(["229", "513"]),
                      separators, st.from_regex(r"\A[0-9]{6}\Z"))
    return st.one_of(mobile, area2, area3)


emails = st.builds(lambda user, domain, tld: f"{user}@{domain}.{tld}",
                   st.from_regex(r"\A[a-z][a-z0-9._]{0,10}\Z"),
                   st.from_regex(r"\A[a-z][a-z0-9-]{0,10}\Z"),
                   st.sampled_from(["nl", "com", "org"]))
words = st.lists(st.sampled_from(["de", "buurt", "koffie", "Plein", "open", "(zie)", ":", ","]),
                 max_size=4).map(" ".join)


@settings(max_examples=200)
@given(before=words, after=words, secret=st.one_of(emails, dutch_phones(), bsn_numbers()))
@example(before="bel", after="", secret="+31 6 12345678")
def test_personal_data_embedded_in_text_is_found(before, after, secret):
    text = f"{before} {secret} {after}"
    assert fw.find_personal_data(text) is not None
    with pytest.raises(ValueError, match=r"^notes contains what looks like"):
        fw.validate_record(obs(notes=text))


harmless = st.one_of(
    st.integers(1900, 2100).map(str),
    st.tuples(st.integers(1900, 2100), st.integers(1900, 2100)).map(lambda y: f"{y[0]}-{y[1]}"),
    st.builds(lambda n, a: f"{n} {a}", st.integers(1000, 9999), st.from_regex(r"\A[A-Z]{2}\Z")),
    st.integers(0, 10_000).map(lambda n: f"{n} kinderen"),
    st.integers(0, 10**7).map(lambda n: f"€ {n:,}".replace(",", ".")),
    st.integers(0, 10**7).map(lambda n: f"{n} euro"),
)


@settings(max_examples=200)
@given(parts=st.lists(st.one_of(harmless, words), min_size=1, max_size=6))
def test_years_postcodes_counts_and_amounts_are_not_flagged(parts):
    text = ", ".join(parts)
    assert fw.find_personal_data(text) is None
    fw.validate_record(obs(notes=text))


@given(number=bsn_numbers())
def test_elfproef_agrees_with_the_definition(number):
    assert fw.elfproef(number)
    last = int(number[-1])
    assert not fw.elfproef(number[:-1] + str((last + 1) % 10))


# ------------------------------------------------------------------ chapter 6's inputs

def test_summary_gives_the_type_mix_and_edges_for_brokerage():
    frame = pd.DataFrame([
        fw.validate_record(org("A", kind="cafe", referrals_to=["W", "A"])),
        fw.validate_record(org("W", kind="welfare_organisation", referrals_to=["T"],
                               referrals_from=["A", "B"])),
        fw.validate_record(org("L", kind="library")),
    ])
    s = fw.summarise_inventory(frame)
    assert s.edges.values.tolist() == [["A", "W"], ["W", "T"], ["B", "W"]]  # A->W once
    assert s.nodes == ["A", "W", "L"]
    assert s.type_mix.columns.tolist() == list(fw.ORGANISATION_KINDS)
    assert s.type_mix.loc["fieldwork"].sum() == 3 and s.type_mix.loc["fieldwork", "library"] == 1
    import math
    assert s.diversity == pytest.approx(math.log(3) / math.log(len(fw.ORGANISATION_KINDS)))
    b = brokerage(s.edges, nodes=s.nodes)
    assert b.loc["W", "in_degree"] == 2 and b.loc["W", "out_degree"] == 1
    assert math.isnan(b.loc["L", "constraint"])


def test_summary_of_nothing():
    s = fw.summarise_inventory(fw.load_records("/nonexistent/none.jsonl", "inventory"))
    assert s.edges.empty and s.nodes == [] and pd.isna(s.diversity)


def test_summary_refuses_an_observation_log():
    with pytest.raises(ValueError, match="no column 'name'"):
        fw.summarise_inventory(pd.DataFrame([fw.validate_record(obs())]))


# ------------------------------------------------------------------ the shipped example

def load_script():
    spec = importlib.util.spec_from_file_location(
        "make_fieldwork_examples", ROOT / "tools" / "make_fieldwork_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shipped_examples_are_the_scripts_output_and_load():
    files = load_script().build()
    assert set(files) == {"example_inventory.jsonl", "example_observations.jsonl", "README.md"}
    for name, text in files.items():
        assert (EXAMPLES / name).read_bytes() == text.encode("utf-8"), name
    inventory = fw.load_records(EXAMPLES / "example_inventory.jsonl", "inventory")
    observations = fw.load_records(EXAMPLES / "example_observations.jsonl", "observation")
    assert len(inventory) >= 8 and len(observations) >= 6
    assert "invented" in files["README.md"].lower()
    s = fw.summarise_inventory(inventory)
    assert len(s.edges) >= 5
    assert brokerage(s.edges, nodes=s.nodes)["betweenness"].max() > 0


def test_a_long_text_without_spaces_is_checked_in_linear_time():
    """The e-mail pattern started a new match at every letter of a run: 6 s for 32,000
    characters, and a minute for 100,000 (a pasted text, a long link)."""
    import time

    for text in ("x" * 200_000, "a@" + "x" * 200_000, "a@" + "x." * 100_000):
        start = time.process_time()
        assert fw.find_personal_data(text) is None
        assert time.process_time() - start < 2.0
    assert fw.find_personal_data("y" * 50_000 + "@example.nl")[0] == "email"


# ------------------------------------------------------------------ where files go

def test_fieldwork_folder_is_in_the_work_folder(tmp_path, monkeypatch):
    from wijkwijs.workfolder import MANIFEST

    assert fw.WORK_FOLDER_MARKER == MANIFEST
    monkeypatch.delenv(fw.FIELDWORK_DIR_ENV, raising=False)
    (tmp_path / ".wijkwijs").mkdir()
    (tmp_path / MANIFEST).write_text("{}")
    (tmp_path / "sub").mkdir()
    assert fw.fieldwork_folder(tmp_path) == tmp_path / "fieldwork"
    assert fw.fieldwork_folder(tmp_path / "sub") == tmp_path / "fieldwork"
    monkeypatch.chdir(tmp_path)
    assert fw.work_file("kaart") == tmp_path / "fieldwork" / "kaart.jsonl"
    assert fw.shown_path(fw.work_file("kaart")) == "fieldwork/kaart.jsonl"
    monkeypatch.chdir(ROOT / "chapters")  # the course's own notebooks: never into the repo
    assert fw.fieldwork_folder() == Path("~/wijkwijs-course/fieldwork").expanduser()
    assert fw.shown_path(fw.work_file("kaart")) == "~/wijkwijs-course/fieldwork/kaart.jsonl"
    monkeypatch.setenv(fw.FIELDWORK_DIR_ENV, str(tmp_path / "elsewhere"))
    assert fw.work_file("kaart.jsonl") == tmp_path / "elsewhere" / "kaart.jsonl"


@pytest.mark.parametrize("name", ["", "../kaart", "a/b.jsonl", ".hidden", 7, "kaart\nx"])
def test_work_file_takes_a_plain_name(name):
    with pytest.raises(ValueError, match="plain file name"):
        fw.work_file(name)


def test_first_save_makes_the_folder(tmp_path):
    p = tmp_path / "work" / "fieldwork" / "kaart.jsonl"
    fw.save_record(p, org())
    assert len(fw.load_records(p)) == 1


def test_nothing_is_saved_into_the_course_datasets(tmp_path):
    example = fw.example_file("inventory")
    before = example.read_bytes()
    for target in (example, example.with_name("mine.jsonl"),
                   ROOT / "datasets" / "examples" / "fieldwork" / ".." / "x.jsonl"):
        with pytest.raises(ValueError, match="inside the course's datasets folder"):
            fw.save_record(target, org())
    assert example.read_bytes() == before
    assert not example.with_name("mine.jsonl").exists()


def test_example_files_are_marked_invented(tmp_path):
    assert fw.load_records(fw.example_file()).attrs["invented_example"] is True
    assert fw.load_records(fw.example_file("observation")).attrs["invented_example"] is True
    fw.save_record(tmp_path / "m.jsonl", org())
    assert fw.load_records(tmp_path / "m.jsonl").attrs["invented_example"] is False
    with pytest.raises(ValueError, match="record_type 'walk' is unknown"):
        fw.example_file("walk")


# ------------------------------------------------------------------ brokerage and bridging

def test_inventory_brokerage_by_hand():
    """A -> W -> T and B -> W, and L without links: W lies on the shortest paths A->T and
    B->T; normalised betweenness 2 / ((n-1)(n-2)) = 2 / 12 with n = 5 (L counts)."""
    frame = pd.DataFrame([
        fw.validate_record(org("A", kind="cafe", referrals_to=["W"])),
        fw.validate_record(org("W", kind="welfare_organisation", referrals_to=["T"],
                               referrals_from=["B"])),
        fw.validate_record(org("L", kind="library")),
    ])
    b = fw.inventory_brokerage(frame)
    assert b.index[0] == "W" and b.loc["W", "betweenness"] == pytest.approx(2 / 12)
    assert b.loc["T", "kind"] == "not_inventoried" and not b.loc["T", "in_inventory"]
    assert b.loc["L", "in_degree"] == 0 and b.loc["L", "betweenness"] == 0
    assert b.loc["A", "links_to_services"] == 1 and b.loc["B", "linking"]
    assert not b.loc["W", "linking"]  # W is the service; it refers on to T, not inventoried
    assert set(b.index) == {"A", "W", "T", "B", "L"}


def test_inventory_brokerage_without_links_and_empty():
    frame = pd.DataFrame([fw.validate_record(org("A")), fw.validate_record(org("B"))])
    b = fw.inventory_brokerage(frame)
    assert b["betweenness"].tolist() == [0.0, 0.0] and not b["linking"].any()
    assert fw.inventory_brokerage(fw.load_records("/nonexistent.jsonl", "inventory")).empty


def test_observation_bridging_is_chapter_6s_bridging():
    """Recomputed by another route: one row per person through infrastructure.bridging."""
    from wijkwijs.infrastructure import bridging

    frame = fw.load_records(fw.example_file("observation"))
    ours = fw.observation_bridging(frame, min_people=10)
    people = [(i, group) for i, row in frame.iterrows() for group in fw.AGE_GROUPS
              for _ in range(row[group])]
    members = pd.DataFrame(people, columns=["organisation_id", "age"])
    residents = members.assign(buurt_code="walk")[["buurt_code", "age"]]
    orgs = pd.DataFrame({"organisation_id": frame.index, "buurt_code": "walk"})
    theirs = bridging(members, residents, orgs, attributes=["age"], min_members=10)
    assert ours["bridging"].to_numpy() == pytest.approx(theirs["bridging"].to_numpy(),
                                                        nan_ok=True)
    assert ours["people"].tolist() == frame[list(fw.AGE_GROUPS)].sum(axis=1).tolist()


def test_observation_bridging_small_and_uniform():
    frame = pd.DataFrame([fw.validate_record(obs(0, children=3)),
                          fw.validate_record(obs(1, children=20)),
                          fw.validate_record(obs(2, youth=20, children=0))])
    b = fw.observation_bridging(frame)
    assert pd.isna(b.loc[0, "bridging"])  # 3 people: too few to say
    assert b.loc[1, "bridging"] == 0 and b.loc[1, "simpson"] == 0  # one age group only
    with pytest.raises(ValueError, match="no column 'youth'"):
        fw.observation_bridging(frame.drop(columns="youth"))
    with pytest.raises(ValueError, match="min_people must be"):
        fw.observation_bridging(frame, min_people=1)
