"""The translation table: both languages everywhere, every key used exists."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import wijkwijs
from wijkwijs import i18n

PACKAGE = Path(wijkwijs.__file__).resolve().parent


def _import_everything() -> None:
    for info in pkgutil.walk_packages([str(PACKAGE)], prefix="wijkwijs."):
        if info.name.endswith("__main__"):
            continue
        importlib.import_module(info.name)


def test_every_key_used_in_the_library_is_registered_in_both_languages():
    _import_everything()
    used: set[str] = set()
    pattern = re.compile(r"""\bt\(\s*f?["']([a-z0-9_]+\.[a-z0-9_.]+)["']""")
    for path in PACKAGE.rglob("*.py"):
        code = [ln for ln in path.read_text(encoding="utf-8").splitlines()
                if ">>>" not in ln]  # doctest examples may use demo keys
        used |= set(pattern.findall("\n".join(code)))
    assert used, "the scan found no i18n keys at all"
    missing = sorted(k for k in used if k not in i18n.keys() and "{" not in k)
    assert missing == []
    for key in i18n.keys():
        i18n.set_language("nl")
        dutch = i18n._TABLE[key]["nl"]
        i18n.set_language("en")
        assert dutch.strip(), key


def test_language_switch_and_default():
    assert i18n.get_language() == "en"
    i18n.set_language("NL")
    try:
        assert i18n.t("feedback.not_yet") == "Nog niet."
    finally:
        i18n.set_language("en")
    assert i18n.t("feedback.not_yet") == "Not yet."


def test_unknown_language_and_key_are_clear_errors():
    with pytest.raises(ValueError, match="choose one of en, nl"):
        i18n.set_language("fr")
    with pytest.raises(KeyError, match=r"known keys start with: .*feedback"):
        i18n.t("feedbak.correct")


def test_register_demands_both_languages_and_no_conflicts():
    with pytest.raises(ValueError, match="lacks nl"):
        i18n.register({"test.only_en": {"en": "x"}})
    i18n.register({"test.same": {"en": "a", "nl": "b"}})
    i18n.register({"test.same": {"en": "a", "nl": "b"}})  # idempotent
    with pytest.raises(ValueError, match="registered twice"):
        i18n.register({"test.same": {"en": "a", "nl": "c"}})


def test_code_sentences_are_read_from_the_catalogues(tmp_path, monkeypatch):
    """tr(): English as written; Dutch from a gettext catalogue; stale or missing is an error."""
    import polib

    folder = tmp_path / "nl"
    folder.mkdir()
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgctxt=i18n.CODE_CONTEXT, msgid="**{n}** buurten, r = {r:.2f}",
                            msgstr="**{n}** buurten, r = {r:.2f} (Nederlands)"))
    po.append(polib.POEntry(msgctxt=i18n.CODE_CONTEXT, msgid="Old sentence {x}",
                            msgstr="Oude zin {x}", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="A Markdown cell", msgstr="Een Markdown-cel"))
    po.append(polib.POEntry(msgctxt=i18n.CODE_CONTEXT, msgid="{n:,} moves, {share:.1%}, in {year}",
                            msgstr="{n:,} verhuizingen, {share:.1%}, in {year}"))
    po.save(str(folder / "demo.po"))
    monkeypatch.setenv("WIJKWIJS_TRANSLATIONS", str(tmp_path))
    monkeypatch.setattr(i18n, "_CODE_SENTENCES", {})
    i18n.set_language("nl")
    try:
        assert i18n.tr("**{n}** buurten, r = {r:.2f}", n=41, r=0.0159) == (
            "**41** buurten, r = 0,02 (Nederlands)")
        # numbers in Dutch notation; a year stays a year, a string stays as it is
        assert i18n.tr("{n:,} moves, {share:.1%}, in {year}", n=1038, share=0.2931,
                       year="2016") == "1.038 verhuizingen, 29,3%, in 2016"
        with pytest.raises(KeyError, match="no 'nl' translation of the notebook sentence"):
            i18n.tr("Old sentence {x}", x=1)  # fuzzy: stale, so it does not count
        with pytest.raises(KeyError, match="translations/nl/"):
            i18n.tr("A Markdown cell")  # not a code sentence
    finally:
        i18n.set_language("en")
    assert i18n.tr("Old sentence {x}", x=1) == "Old sentence 1"


def test_one_sentence_has_one_translation(tmp_path, monkeypatch):
    import polib

    folder = tmp_path / "nl"
    folder.mkdir()
    for name, dutch in (("a.po", "stijgt"), ("b.po", "neemt toe")):
        po = polib.POFile()
        po.append(polib.POEntry(msgctxt=i18n.CODE_CONTEXT, msgid="rises", msgstr=dutch))
        po.save(str(folder / name))
    monkeypatch.setenv("WIJKWIJS_TRANSLATIONS", str(tmp_path))
    monkeypatch.setattr(i18n, "_CODE_SENTENCES", {})
    i18n.set_language("nl")
    try:
        with pytest.raises(ValueError, match=r"translated differently in a\.po and b\.po"):
            i18n.tr("rises")
    finally:
        i18n.set_language("en")
