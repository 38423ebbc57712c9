"""Downloading one municipality's KWB from CBS, for a learner who is online.

The course never needs this: it ships a real snapshot (:func:`wijkwijs.opendata.shipped`).
:func:`download_kwb` is for a resident who wants *their own* municipality. It uses the
``cbsodata`` client of the CBS open-data (OData v3) service, keeps what it downloaded in
the user's cache folder (``platformdirs.user_cache_dir("wijkwijs")``, or the folder in
the environment variable ``WIJKWIJS_CACHE_DIR``) and reads it with
:func:`~wijkwijs.opendata.read_kwb`, so the result has the same canonical columns.
Offline, it raises :class:`~wijkwijs.opendata.OfflineError` naming what is available
without a network: the shipped snapshot and earlier downloads in the cache.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pandas as pd

from wijkwijs import i18n
from wijkwijs.opendata.errors import DownloadError, OfflineError
from wijkwijs.opendata.kwb import KWB_TABLES, read_kwb
from wijkwijs.opendata.shipped import shipped_names

__all__ = ["CACHE_ENV", "cache_dir", "cached_downloads", "download_kwb"]

#: Environment variable that overrides the cache folder (used by the tests).
CACHE_ENV = "WIJKWIJS_CACHE_DIR"


def cache_dir() -> Path:
    """The folder where downloads are kept (``$WIJKWIJS_CACHE_DIR`` or the user cache).

    >>> import os
    >>> os.environ["WIJKWIJS_CACHE_DIR"] = "/tmp/wijkwijs-cache"
    >>> str(cache_dir())
    '/tmp/wijkwijs-cache'
    >>> del os.environ["WIJKWIJS_CACHE_DIR"]
    """
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    import platformdirs

    return Path(platformdirs.user_cache_dir("wijkwijs"))


def cached_downloads(folder: Path | None = None) -> list[Path]:
    """The KWB downloads already in the cache, e.g. ``kwb/84583NED_GM0363.json``."""
    root = (folder or cache_dir()) / "kwb"
    return sorted(root.glob("*.json")) if root.is_dir() else []



i18n.register({
    "err.download.gemeente": {
        "en": "gemeente_code must be a municipality code such as 'GM0363' (Amsterdam) or "
              "363, not {code}",
        "nl": "gemeente_code moet een gemeentecode zijn, zoals 'GM0363' (Amsterdam) of 363, "
              "niet {code}"},
    "err.download.year": {
        "en": "there is no KWB table for {year}; years: {first}-{last}",
        "nl": "er is geen KWB-tabel voor {year}; jaren: {first}-{last}"},
    "err.download.not_asked": {
        "en": "Did not contact CBS for KWB {year} ({table}) of {gemeente}: {reason}.",
        "nl": "Het CBS is niet benaderd voor de KWB {year} ({table}) van {gemeente}: "
              "{reason}."},
    "err.download.unreachable": {
        "en": "Could not reach CBS to download KWB {year} ({table}) for {gemeente}: {reason}.",
        "nl": "Het CBS was niet bereikbaar om de KWB {year} ({table}) van {gemeente} te "
              "downloaden: {reason}."},
    "err.download.offline_flag": {
        "en": "offline=True (set offline=False when you are online)",
        "nl": "offline=True (zet offline=False als je online bent)"},
    "err.download.shipped": {
        "en": "Without a network you can use the real snapshot shipped with the course: "
              "{offered}.",
        "nl": "Zonder netwerk kun je de echte momentopname gebruiken die bij de cursus zit: "
              "{offered}."},
    "err.download.cached": {
        "en": "Earlier downloads in your cache (read them with read_kwb): {files}.",
        "nl": "Eerdere downloads in je cache (lees ze met read_kwb): {files}."},
    "err.download.empty": {
        "en": "Your download cache ({folder}) is empty.",
        "nl": "Je downloadcache ({folder}) is leeg."},
    "err.download.yourself": {
        "en": "Or download the file yourself from the CBS website and read it with "
              "wijkwijs.opendata.read_kwb(path).",
        "nl": "Of download het bestand zelf van de website van het CBS en lees het met "
              "wijkwijs.opendata.read_kwb(path)."},
    "err.download.cbsodata": {
        "en": "download_kwb needs the cbsodata package: pip install cbsodata (or use "
              "wijkwijs.opendata.shipped(...) without a network)",
        "nl": "download_kwb heeft het pakket cbsodata nodig: pip install cbsodata (of "
              "gebruik wijkwijs.opendata.shipped(...) zonder netwerk)"},
    "err.download.http": {
        "en": "CBS did not deliver table {table} for {gemeente}: {reason}",
        "nl": "Het CBS leverde tabel {table} voor {gemeente} niet: {reason}"},
    "err.download.no_rows": {
        "en": "CBS table {table} has no rows for {gemeente}; is the code right (codes change "
              "when municipalities merge)?",
        "nl": "CBS-tabel {table} heeft geen rijen voor {gemeente}; klopt de code (codes "
              "veranderen als gemeenten samengaan)?"},
})


def _gemeente(code: str | int) -> str:
    text = str(code).strip().upper()
    if re.fullmatch(r"\d{1,4}", text):
        text = f"GM{int(text):04d}"
    if not re.fullmatch(r"GM\d{4}", text):
        raise ValueError(i18n.t("err.download.gemeente", code=repr(code)))
    return text


def shown_path(path: Path) -> str:
    """A path as a message shows it: the home folder written ``~``, so that a stored
    notebook output names no machine's home.

    >>> shown_path(Path.home() / ".cache" / "wijkwijs")
    '~/.cache/wijkwijs'
    >>> shown_path(Path("/data/kwb"))
    '/data/kwb'
    """
    try:
        return "~/" + Path(path).relative_to(Path.home()).as_posix()
    except ValueError:
        return str(path)


def _offline_message(gemeente: str, year: int, table_id: str, reason: Any,
                     folder: Path, *, asked: bool = False) -> str:
    offered = ", ".join(f"wijkwijs.opendata.shipped({city!r}, {y})"
                        for city, y in shipped_names())
    cached = cached_downloads(folder)
    fields = {"year": year, "table": table_id, "gemeente": gemeente, "reason": reason}
    first = i18n.t("err.download.not_asked" if asked else "err.download.unreachable",
                   **fields)
    lines = [first, i18n.t("err.download.shipped", offered=offered)]
    if cached:
        lines.append(i18n.t("err.download.cached",
                            files=", ".join(shown_path(p) for p in cached)))
    else:
        lines.append(i18n.t("err.download.empty", folder=shown_path(folder / "kwb")))
    lines.append(i18n.t("err.download.yourself"))
    return "\n".join(lines)


def download_kwb(gemeente_code: str | int, year: int, *, refresh: bool = False,
                 cache: Path | str | None = None, catalog_url: str | None = None,
                 timeout: float = 60.0, offline: bool = False) -> pd.DataFrame:
    """Download (or take from the cache) the KWB of one municipality and year.

    Parameters
    ----------
    gemeente_code
        The municipality: ``"GM0363"`` (Amsterdam), ``"0363"`` or ``363``.
    year
        A year in :data:`~wijkwijs.opendata.KWB_TABLES` (2013-2024).
    refresh
        Download again even when the cache has the table.
    cache
        The cache folder; by default :func:`cache_dir`.
    catalog_url
        The CBS service (``cbsodata``'s catalog URL), by default CBS's own. A value
        starting with ``http://`` switches off HTTPS (for a local test server).
    timeout
        Seconds to wait for CBS.
    offline
        Never contact CBS: return the cached table, or raise
        :class:`~wijkwijs.opendata.OfflineError` with the same message as when CBS
        cannot be reached (a notebook can show it without touching the network).

    Returns
    -------
    pandas.DataFrame
        As :func:`~wijkwijs.opendata.read_kwb`: the municipality, its wijken and buurten,
        with ``attrs["table_id"]``, ``attrs["year"]`` and ``attrs["cache"]`` (``"hit"``
        or ``"downloaded"``).

    Raises
    ------
    OfflineError
        When CBS cannot be reached (or ``offline=True`` and the cache does not have the
        table); the message names the shipped and cached data.
    DownloadError
        When CBS answers with an error (e.g. a table that does not exist).
    ValueError
        For a malformed gemeente code or a year without a KWB table.
    """
    gemeente = _gemeente(gemeente_code)
    if year not in KWB_TABLES:
        raise ValueError(i18n.t("err.download.year", year=year, first=min(KWB_TABLES),
                                last=max(KWB_TABLES)))
    table_id = KWB_TABLES[year]
    folder = Path(cache) if cache is not None else cache_dir()
    target = folder / "kwb" / f"{table_id}_{gemeente}.json"
    status = "hit"
    if refresh or not target.exists():
        if offline:
            raise OfflineError(_offline_message(
                gemeente, year, table_id, i18n.t("err.download.offline_flag"), folder,
                asked=True))
        records = _fetch(table_id, gemeente, year, folder, catalog_url, timeout)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".part")
        partial.write_text(json.dumps({"table_id": table_id, "gemeente_code": gemeente,
                                       "value": records}, ensure_ascii=False),
                           encoding="utf-8")
        partial.replace(target)
        status = "downloaded"
    frame = read_kwb(target)
    frame.attrs.update({"table_id": table_id, "year": year, "cache": status,
                        "attribution": "Bron: CBS, CC BY 4.0"})
    return frame


def _fetch(table_id: str, gemeente: str, year: int, folder: Path, catalog_url: str | None,
           timeout: float) -> list[dict[str, Any]]:
    try:
        import cbsodata
        import requests
    except ImportError:
        raise ImportError(i18n.t("err.download.cbsodata")) from None
    digits = gemeente[2:]
    use_https = True
    if catalog_url is not None and catalog_url.startswith(("http://", "https://")):
        use_https = catalog_url.startswith("https://")
        catalog_url = catalog_url.split("://", 1)[1].rstrip("/")
    old_https = cbsodata.options.use_https
    cbsodata.options.use_https = use_https
    try:
        records = cbsodata.get_data(table_id, filters=f"substringof('{digits}',"
                                    "WijkenEnBuurten)", catalog_url=catalog_url,
                                    timeout=timeout)
    except (requests.ConnectionError, requests.Timeout) as err:
        raise OfflineError(_offline_message(gemeente, year, table_id, err, folder)) from None
    except requests.HTTPError as err:
        raise DownloadError(i18n.t("err.download.http", table=table_id, gemeente=gemeente,
                                   reason=err)) from None
    finally:
        cbsodata.options.use_https = old_https
    wanted = [r for r in records if _belongs(r, gemeente)]
    if not wanted:
        raise DownloadError(i18n.t("err.download.no_rows", table=table_id, gemeente=gemeente))
    return wanted


def _belongs(record: dict[str, Any], gemeente: str) -> bool:
    code = next((str(v).strip() for k, v in record.items()
                 if k.split("_")[0] == "Codering"), "")
    if not code:
        code = str(record.get("WijkenEnBuurten", "")).strip()
    digits = gemeente[2:]
    return (code == gemeente or code.startswith(f"WK{digits}")
            or code.startswith(f"BU{digits}"))
