"""wijkwijs.opendata.download_kwb through the real cbsodata client, against a local server.

The server, started here on 127.0.0.1, replays a recorded OData v3 response of table
84583NED (tests/fixtures/opendata/odata_server, written by
tools/make_opendata_fixtures.py in the shape the CBS service sends). No test contacts
the internet.
"""

from __future__ import annotations

import json
import math
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qs, unquote, urlparse

import cbsodata
import pytest

from wijkwijs.opendata import (
    DownloadError,
    OfflineError,
    cache_dir,
    cached_downloads,
    download_kwb,
)

RECORDED = Path(__file__).resolve().parent / "fixtures" / "opendata" / "odata_server"


class Replay(BaseHTTPRequestHandler):
    """Serves /ODataFeed/odata/<table>/[<name>] from the recorded files."""

    requests: ClassVar[list[tuple[str, dict[str, list[str]]]]] = []

    def do_GET(self) -> None:  # the name http.server asks for
        url = urlparse(self.path)
        Replay.requests.append((url.path, parse_qs(url.query)))
        parts = [p for p in unquote(url.path).split("/") if p]
        body = None
        if len(parts) in (3, 4) and parts[:2] == ["ODataFeed", "odata"]:
            name = parts[3] if len(parts) == 4 else "root"
            file = RECORDED / parts[2] / f"{name}.json"
            if file.is_file():
                body = file.read_bytes()
        if body is None:
            self.send_error(404, "no such table")
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    Replay.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Replay)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture(autouse=True)
def no_proxies(monkeypatch):
    monkeypatch.setitem(cbsodata.options.requests, "proxies", {})


def test_download_through_cbsodata_then_from_the_cache(server, tmp_path):
    frame = download_kwb("GM0999", 2019, cache=tmp_path, catalog_url=server)
    assert frame.attrs["cache"] == "downloaded"
    assert (frame.attrs["table_id"], frame.attrs["year"]) == ("84583NED", 2019)
    assert frame.attrs["attribution"] == "Bron: CBS, CC BY 4.0"
    # the recorded answer also has BU05180999 (Den Haag), which substringof('0999') matches
    assert sorted(frame.code) == ["BU09990000", "BU09990001", "BU09990100", "BU09990101",
                                  "BU09990102", "GM0999", "WK099900", "WK099901"]
    rows = frame.set_index("code")
    assert rows.loc["BU09990100", "name"] == "Vogelwijk"  # cbsodata put the title there
    assert rows.loc["BU09990100", "pct_low_income_households"] == 30
    assert math.isnan(rows.loc["BU09990101", "pct_social_rent"])  # null in the response
    typed = [q for path, q in Replay.requests if path.endswith("/TypedDataSet")]
    assert typed and typed[0]["$filter"] == ["substringof('0999',WijkenEnBuurten)"]
    cached = tmp_path / "kwb" / "84583NED_GM0999.json"
    assert cached_downloads(tmp_path) == [cached]
    assert json.loads(cached.read_text(encoding="utf-8"))["gemeente_code"] == "GM0999"

    asked = len(Replay.requests)
    again = download_kwb(999, 2019, cache=tmp_path, catalog_url="http://127.0.0.1:9")
    assert again.attrs["cache"] == "hit" and len(Replay.requests) == asked
    assert again.equals(frame)


def test_refresh_downloads_again(server, tmp_path):
    download_kwb("GM0999", 2019, cache=tmp_path, catalog_url=server)
    asked = len(Replay.requests)
    frame = download_kwb("GM0999", 2019, cache=tmp_path, catalog_url=server, refresh=True)
    assert frame.attrs["cache"] == "downloaded" and len(Replay.requests) > asked


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_offline_names_the_shipped_and_cached_alternatives(server, tmp_path):
    offline = f"http://127.0.0.1:{_closed_port()}"
    with pytest.raises(OfflineError) as caught:
        download_kwb("GM0363", 2019, cache=tmp_path, catalog_url=offline, timeout=5)
    message = str(caught.value)
    assert "wijkwijs.opendata.shipped('amsterdam', 2019)" in message
    assert "wijkwijs.opendata.shipped('rotterdam', 2017)" in message
    assert "cache" in message and "empty" in message
    download_kwb("GM0999", 2019, cache=tmp_path, catalog_url=server)
    with pytest.raises(OfflineError, match=r"84583NED_GM0999\.json"):
        download_kwb("GM0363", 2019, cache=tmp_path, catalog_url=offline, timeout=5)


def test_a_table_the_service_does_not_have(server, tmp_path):
    with pytest.raises(DownloadError, match="83765NED"):
        download_kwb("GM0999", 2017, cache=tmp_path, catalog_url=server)
    assert cached_downloads(tmp_path) == []


def test_a_municipality_without_rows(server, tmp_path):
    with pytest.raises(DownloadError, match="no rows for GM0363"):
        download_kwb("GM0363", 2019, cache=tmp_path, catalog_url=server)


@pytest.mark.parametrize(("code", "year", "message"), [
    ("Amsterdam", 2019, "municipality code"), ("GM363", 2019, "municipality code"),
    ("GM0363", 1999, "no KWB table for 1999"),
])
def test_bad_arguments(code, year, message, tmp_path):
    with pytest.raises(ValueError, match=message):
        download_kwb(code, year, cache=tmp_path)


def test_the_cache_folder_can_be_set_by_environment(server, tmp_path, monkeypatch):
    monkeypatch.setenv("WIJKWIJS_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert cache_dir() == tmp_path / "elsewhere"
    download_kwb("GM0999", 2019, catalog_url=server)
    assert (tmp_path / "elsewhere" / "kwb" / "84583NED_GM0999.json").is_file()
    monkeypatch.delenv("WIJKWIJS_CACHE_DIR")
    assert cache_dir().name == "wijkwijs"


def test_offline_true_never_contacts_cbs(server, tmp_path, monkeypatch):
    """``offline=True`` (the notebooks' default) gives the offline message without a
    request, and still reads what the cache has."""
    def refuse(*args, **kwargs):
        raise AssertionError("offline=True contacted CBS")

    with monkeypatch.context() as patch:
        patch.setattr(cbsodata, "get_data", refuse)
        with pytest.raises(OfflineError) as caught:
            download_kwb("GM0999", 2019, cache=tmp_path, offline=True)
    message = str(caught.value)
    assert message.startswith("Did not contact CBS for KWB 2019 (84583NED) of GM0999: "
                              "offline=True")
    assert "wijkwijs.opendata.shipped('amsterdam', 2019)" in message and "empty" in message
    assert Replay.requests == []
    download_kwb("GM0999", 2019, cache=tmp_path, catalog_url=server)
    asked = len(Replay.requests)
    with monkeypatch.context() as patch:
        patch.setattr(cbsodata, "get_data", refuse)
        hit = download_kwb("GM0999", 2019, cache=tmp_path, offline=True)
        assert hit.attrs["cache"] == "hit" and len(Replay.requests) == asked
        with pytest.raises(OfflineError, match=r"84583NED_GM0999\.json"):
            download_kwb("GM0999", 2019, cache=tmp_path, offline=True, refresh=True)


def test_the_offline_message_writes_the_home_folder_as_a_tilde(tmp_path, monkeypatch):
    from pathlib import Path

    from wijkwijs.opendata import download

    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    with pytest.raises(download.OfflineError) as info:
        download.download_kwb("GM0363", 2019, cache=tmp_path / "cache", offline=True)
    assert "~/cache/kwb" in str(info.value) and str(tmp_path) not in str(info.value)
