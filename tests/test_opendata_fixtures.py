"""The committed fixtures of wijkwijs.opendata are what tools/make_opendata_fixtures.py writes.

Text files must match byte for byte. An .xlsx is a zip of XML that openpyxl lays out
differently from one version to the next, so for workbooks the cell values are compared.
"""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "opendata"


def _script():
    spec = importlib.util.spec_from_file_location(
        "make_opendata_fixtures", ROOT / "tools" / "make_opendata_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BUILT = _script().build()


def _cells(data: bytes) -> list[list[list[object]]]:
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    try:
        return [[list(row) for row in sheet.iter_rows(values_only=True)]
                for sheet in workbook.worksheets]
    finally:
        workbook.close()


def test_no_fixture_is_missing_or_left_over():
    committed = {str(p.relative_to(FIXTURES)) for p in FIXTURES.rglob("*") if p.is_file()}
    assert committed == set(BUILT)


@pytest.mark.parametrize("name", sorted(BUILT))
def test_the_committed_fixture_is_what_the_script_writes(name):
    committed = (FIXTURES / name).read_bytes()
    if name.endswith(".xlsx") and not name.startswith("bad/"):
        assert _cells(committed) == _cells(BUILT[name])
    else:
        assert committed == BUILT[name]
