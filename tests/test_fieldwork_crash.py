"""The fieldwork store survives a killed kernel: SIGKILL in the middle of a save, many times.

A child process saves large records in a loop (each save rewrites a file of several
megabytes, fsyncs it and renames it, so a save takes long enough to be interrupted) and
prints ``saved N`` after each save returns. It is killed with SIGKILL at a random
moment. After every kill the file must load; hold every record that was reported saved;
and be byte for byte either the version the last reported save wrote or the next one
(the save that was running may have reached its rename before the kill) — never
truncated, never a mix. The backup must load too and be the version before
(or the same one, when the kill fell between a save's two renames).

The test that a failing ``os.replace`` leaves the previous file byte-identical is in
``tests/test_fieldwork.py`` (``test_failed_replace_leaves_the_file_byte_identical``).
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

import pytest

from wijkwijs import fieldwork as fw

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

KILLS = 25  # kills at least; more until MID_SAVE of them landed inside a save
MID_SAVE = 3
MAX_KILLS = 200  # so that a machine too busy to ever kill mid-save fails instead of hanging
BIG = 60_000  # characters of notes per record: a save of record n writes about 2 n * BIG bytes

CHILD = f"""
import sys
from wijkwijs.fieldwork import save_record
path, start = sys.argv[1], int(sys.argv[2])
print("ready", flush=True)
i = start
while True:
    save_record(path, {{"time_slot": "weekend_morning", "place": "p" + str(i), "children": i,
                       "notes": "x" * {BIG}}})
    i += 1
    print("saved", i, flush=True)
"""


def record(i: int) -> dict:
    return {"time_slot": "weekend_morning", "place": f"p{i}", "children": i, "notes": "x" * BIG}


def version(n: int) -> bytes:
    """The exact bytes of the file after ``n`` saves."""
    return fw.to_jsonl(record(i) for i in range(n)).encode("utf-8")


def test_sigkill_mid_save_never_loses_or_truncates(tmp_path):
    p, backup = tmp_path / "walk.jsonl", tmp_path / "walk.jsonl.bak"
    rng = random.Random(11)
    reported = 0  # records reported saved so far
    caught_mid_save = 0
    kill = -1
    while kill + 1 < KILLS or (caught_mid_save < MID_SAVE and kill + 1 < MAX_KILLS):
        kill += 1
        if reported > 40:  # keep each save short enough to be killed in; start afresh
            for f in tmp_path.iterdir():
                f.unlink()
            reported = 0
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(p), str(reported)],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready"
        # kill after the first save returned, at a random moment of a later one: on a
        # busy machine the child may not have begun saving within a fixed delay
        first = child.stdout.readline().split()
        assert first[0] == "saved", first
        time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        lines = first + child.stdout.read().split()
        child.stdout.close()
        said = [int(n) for word, n in zip(lines[::2], lines[1::2], strict=True)
                if word == "saved"]
        now_reported = max(said, default=reported)
        assert now_reported >= reported
        if not p.exists():
            assert now_reported == 0, f"kill {kill}: the file is gone"
            continue
        data = p.read_bytes()
        n = len(fw.load_records(p))  # it loads: no truncated or damaged line
        assert n in (now_reported, now_reported + 1), (kill, n, now_reported)
        assert data == version(n), f"kill {kill}: the file is not exactly version {n}"
        if n == now_reported + 1 or any(x.suffix == ".tmp" for x in tmp_path.iterdir()):
            caught_mid_save += 1
        if backup.exists():  # the version before (or, killed between the two renames
            b = len(fw.load_records(backup))  # of a save, the same version as the file)
            assert b in (n - 1, n) and backup.read_bytes() == version(b), (kill, b, n)
        reported = n  # the next child carries on after the last record in the file
    # the kills did land inside saves (a temp file left, or a save done but not reported)
    assert caught_mid_save >= MID_SAVE, (caught_mid_save, kill + 1)
    assert all(x.name.endswith(".tmp") for x in tmp_path.iterdir()
               if x.name not in ("walk.jsonl", "walk.jsonl.bak"))
