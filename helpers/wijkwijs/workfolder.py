"""The learner's work folder: a copy of the course that never overwrites saved work.

``wijkwijs lab`` copies the course into a work folder (``~/wijkwijs-course`` unless told
otherwise) and opens JupyterLab there. :func:`sync` does the copying, by these rules:

* a file that is missing is written (so a learner who wants a notebook afresh deletes it);
* a file that is already what the course would write is left alone;
* a file the learner has not touched since wijkwijs wrote it is brought up to date. "Not
  touched" is known for certain: the folder keeps a manifest (``.wijkwijs/manifest.json``)
  with the SHA-256 of every file wijkwijs wrote, and the file must still have that hash;
* a file the learner has changed is never overwritten. If the course has a new version of
  it, that version is written beside it, as ``NAME.new-VERSION.ipynb``; if the course has
  nothing new, the learner's file is simply kept;
* a file whose history is unknown (no manifest entry, e.g. a folder made by an older
  wijkwijs) counts as the learner's.

Every change is reported, so the learner reads which files were added, updated or put
beside theirs, and why. One folder holds one kind of copy: student copies (solutions
replaced by instructions) or teacher copies (everything), never a mix.

The folder also remembers its language (English or Dutch, ``"en"``/``"nl"``) in the
manifest: the learner chooses once (``wijkwijs lab --language nl``), and every later
:func:`sync` without a language keeps it. Asking for the other language later switches
the folder by the same rules: every notebook the learner has not touched is replaced by
the other language's, and the new language's version of an edited one is put beside it.

:func:`lab_settings_dir` writes the JupyterLab settings the course is served with: the
installation's own, plus an override (JupyterLab's ``overrides.json``) that switches off
its "official Jupyter news" question and its update check; the course runs offline.

>>> import tempfile
>>> from wijkwijs.paths import chapters_dir
>>> folder = Path(tempfile.mkdtemp()) / "course"
>>> first = sync(folder, chapters_dir())
>>> first.added[0], first.beside
('00_welcome.ipynb', [])
>>> sync(folder, chapters_dir()).changed()
False
>>> shutil.rmtree(folder.parent)
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from wijkwijs import __version__
from wijkwijs.student import SOURCE_LANGUAGE, check_language, course_files, untranslated

#: Where wijkwijs keeps its own files inside a work folder (hidden in JupyterLab).
STATE_DIR = ".wijkwijs"
MANIFEST = f"{STATE_DIR}/manifest.json"
KINDS = ("student", "teacher")
LANGUAGE_NAMES = {"en": "English", "nl": "Dutch"}

#: The JupyterLab setting that asks "Would you like to get notified about official
#: Jupyter news?" (``fetchNews``: "none" asks, "false" never fetches) and the update check.
NOTIFICATION_PLUGIN = "@jupyterlab/apputils-extension:notification"
COURSE_OVERRIDES = {NOTIFICATION_PLUGIN: {"fetchNews": "false", "checkForUpdates": False}}


@dataclass
class SyncReport:
    """What :func:`sync` did to a work folder (paths relative to ``folder``)."""

    folder: Path
    kind: str
    version: str
    first_time: bool
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    beside: list[tuple[str, str]] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    language: str = SOURCE_LANGUAGE
    switched_from: str | None = None
    untranslated: list[str] = field(default_factory=list)

    def changed(self) -> bool:
        """Whether any file was written."""
        return bool(self.added or self.updated or self.beside)

    def lines(self) -> list[str]:
        """The report as the lines ``wijkwijs lab`` prints."""
        what = ("student copies: the exercises are yours to solve" if self.kind == "student"
                else "teacher copies, with the worked solutions")
        if self.language != SOURCE_LANGUAGE:
            what = f"{what}; in {LANGUAGE_NAMES[self.language]}"
        out = [f"wijkwijs lab: your course folder is {self.folder} ({what})."]
        if self.switched_from:
            out.append(f"  Switched the course from {LANGUAGE_NAMES[self.switched_from]} to "
                       f"{LANGUAGE_NAMES[self.language]}; your own changes are kept.")
        if self.added:
            verb = "Copied" if self.first_time else "Added"
            out.append(f"  {verb} {_count(self.added)} from wijkwijs {self.version}"
                       + ("." if self.first_time else f": {', '.join(self.added)}."))
        if self.updated:
            out.append(f"  Updated {_count(self.updated)} you had not changed to wijkwijs "
                       f"{self.version}: {', '.join(self.updated)}.")
        if self.beside:
            one = len(self.beside) == 1
            out.append(f"  The course (wijkwijs {self.version}) has changed "
                       f"{_count([mine for mine, _ in self.beside])} that you have edited. "
                       + ("Your file is left as it is; the new version is saved beside it:"
                          if one else "Your files are left as they are; each new version is "
                          "saved beside yours:"))
            out += [f"    {mine}: new version in {new}" for mine, new in self.beside]
        if self.kept:
            out.append(f"  Your own changes are kept in {', '.join(self.kept)}.")
        if self.untranslated:
            out.append(f"  Not translated into {LANGUAGE_NAMES[self.language]} yet, so in "
                       f"English: {_count(self.untranslated)}.")
        if len(out) == 1:
            out.append("  Everything is up to date.")
        if self.first_time:
            out.append("  Your saved work is never overwritten. To start a notebook afresh, "
                       "delete it and run wijkwijs lab again.")
        return out


def _count(names: list[str]) -> str:
    noun = "notebook" if all(n.endswith(".ipynb") for n in names) else "file"
    return f"{len(names)} {noun}{'s' if len(names) != 1 else ''}"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write(path: Path, data: bytes) -> None:
    """Write a file whole or not at all (an interrupted start leaves no half notebook)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.wijkwijs-partial")
    partial.write_bytes(data)
    os.replace(partial, path)


def _read_manifest(folder: Path) -> dict | None:
    path = folder / MANIFEST
    if not path.exists():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        raise ValueError(f"{path} is damaged; wijkwijs cannot tell which files you have "
                         "changed. Move it away (your notebooks stay) and run wijkwijs lab "
                         "again: every file that differs from the course then counts as yours.")
    return manifest


def _beside_name(relative: str, version: str, folder: Path, files: dict, data: bytes) -> str:
    """A free name next to ``relative`` for the course's new version of it."""
    path = Path(relative)
    for n in range(1, 1000):
        tail = "" if n == 1 else f"-{n}"
        candidate = path.with_name(f"{path.stem}.new-{version}{tail}{path.suffix}").as_posix()
        target = folder / candidate
        if not target.exists():
            return candidate
        current = _sha256(target.read_bytes()) if target.is_file() else None
        recorded = files.get(candidate, {}).get("written")
        if current == _sha256(data) or (current is not None and current == recorded):
            return candidate  # already there, or written by wijkwijs and untouched
    raise ValueError(f"too many new versions of {relative} in {folder}; tidy them up")


def folder_language(folder: Path) -> str | None:
    """The language a work folder remembers (``"en"``, ``"nl"``), or None for a new folder.

    A folder made before wijkwijs knew languages holds English copies.

    >>> folder_language(Path("/no/such/folder")) is None
    True
    """
    manifest = _read_manifest(Path(folder).expanduser())
    if manifest is None:
        return None
    return str(manifest.get("language", SOURCE_LANGUAGE))


def checkout_folder(source: Path, language: str | None = None) -> Path:
    """The folder of a source checkout that ``wijkwijs lab --teacher`` serves as it is.

    English (or no language chosen): ``chapters/`` itself; Dutch: ``chapters/nl/``, the
    Dutch twins, which hold only the notebooks translated so far.

    >>> from wijkwijs.paths import chapters_dir
    >>> checkout_folder(chapters_dir(), "nl") == chapters_dir() / "nl"
    True
    """
    source = Path(source)
    language = check_language(language or SOURCE_LANGUAGE)
    folder = source if language == SOURCE_LANGUAGE else source / language
    if not (folder / "00_welcome.ipynb").is_file():
        raise ValueError(f"{folder} has no welcome notebook in {LANGUAGE_NAMES[language]} "
                         "yet; build it with python tools/translations.py build")
    return folder


def sync(folder: Path, source: Path, teacher: bool = False,
         version: str = __version__, language: str | None = None) -> SyncReport:
    """Bring the course from ``source`` into the work folder ``folder``; never lose work.

    Parameters
    ----------
    folder
        The work folder; created if it does not exist.
    source
        The course's ``chapters/`` folder.
    teacher
        Copy the notebooks as they are (with solutions) instead of student copies.
    version
        The course version, used in the names of new versions put beside a learner's file.
    language
        ``"en"`` or ``"nl"``; None keeps the language the folder remembers (English for a
        new folder). A language other than the remembered one switches the folder.

    Returns
    -------
    SyncReport
        Which files were added, updated, put beside the learner's, or kept.

    Raises
    ------
    ValueError
        If ``folder`` is ``source`` itself, holds the other kind of copy, or is a file.
    """
    folder, source = Path(folder).expanduser(), Path(source)
    kind = KINDS[teacher]
    if folder.resolve() == source.resolve():
        raise ValueError(f"{folder} is the course's own chapters folder; choose another "
                         "work folder with --dir")
    if folder.exists() and not folder.is_dir():
        raise ValueError(f"{folder} is a file, not a folder; choose a work folder with --dir")
    manifest = _read_manifest(folder)
    if manifest is not None and manifest.get("kind", kind) != kind:
        raise ValueError(f"{folder} holds {manifest['kind']} copies of the course; open it "
                         f"{'with' if manifest['kind'] == 'teacher' else 'without'} --teacher, "
                         "or choose another folder with --dir")
    remembered = None if manifest is None else str(manifest.get("language", SOURCE_LANGUAGE))
    language = check_language(language or remembered or SOURCE_LANGUAGE)
    report = SyncReport(folder, kind, version, first_time=manifest is None, language=language,
                        switched_from=remembered if remembered not in (None, language)
                        else None, untranslated=untranslated(source, language))
    files = {name: record for name, record in (manifest or {}).get("files", {}).items()
             if isinstance(record, dict)}
    for relative, data in course_files(source, teacher=teacher, language=language).items():
        target, new = folder / relative, _sha256(data)
        record = files.get(relative)
        if not target.exists():
            _write(target, data)
            files[relative] = {"written": new, "course": new}
            report.added.append(relative)
            continue
        current = _sha256(target.read_bytes()) if target.is_file() else None
        if current == new:
            files[relative] = {"written": new, "course": new}
        elif record and current is not None and current == record.get("written"):
            _write(target, data)  # wijkwijs wrote it and nobody changed it since
            files[relative] = {"written": new, "course": new}
            report.updated.append(relative)
        elif record and record.get("course") == new:
            report.kept.append(relative)  # the learner's work; the course has nothing new
        else:
            beside = _beside_name(relative, version, folder, files, data)
            if not (folder / beside).exists() or _sha256((folder / beside).read_bytes()) != new:
                _write(folder / beside, data)
            files[beside] = {"written": new, "course": new}
            files[relative] = {"written": (record or {}).get("written"), "course": new}
            report.beside.append((relative, beside))
    state = {"wijkwijs": version, "kind": kind, "language": language, "files": files}
    _write(folder / MANIFEST, (json.dumps(state, indent=1, sort_keys=True) + "\n").encode())
    return report


def lab_settings_dir(target: Path | None = None, installed: Path | None = None) -> Path:
    """Write the JupyterLab application settings the course is served with; return the dir.

    JupyterLab reads default overrides from ``overrides.json`` in its application
    settings directory (``--LabApp.app_settings_dir``). This writes one in ``target``
    (default ``wijkwijs/jupyterlab-settings`` in Jupyter's data directory, so that no
    course folder and no checkout gets extra files): the installation's own settings
    directory (``installed``, by default JupyterLab's ``<app dir>/settings``) copied, with
    :data:`COURSE_OVERRIDES` merged into its ``overrides.json``. These are defaults: a
    learner can still change them in JupyterLab's Settings editor.

    >>> import tempfile
    >>> settings = lab_settings_dir(Path(tempfile.mkdtemp()))
    >>> json.loads((settings / "overrides.json").read_text())[NOTIFICATION_PLUGIN]
    {'fetchNews': 'false', 'checkForUpdates': False}
    >>> shutil.rmtree(settings)
    """
    if target is None:
        from jupyter_core.paths import jupyter_data_dir

        target = Path(jupyter_data_dir()) / "wijkwijs" / "jupyterlab-settings"
    if installed is None:
        from jupyterlab.commands import get_app_dir

        installed = Path(get_app_dir()) / "settings"
    target = Path(target)
    if Path(installed).is_dir():
        shutil.copytree(installed, target, dirs_exist_ok=True)
    target.mkdir(parents=True, exist_ok=True)
    overrides = {}
    if (Path(installed) / "overrides.json").is_file():
        try:
            overrides = json.loads((Path(installed) / "overrides.json").read_text("utf-8"))
        except ValueError:
            overrides = {}  # JupyterLab itself would ignore a broken file too
    for plugin, values in COURSE_OVERRIDES.items():
        overrides.setdefault(plugin, {}).update(values)
    _write(target / "overrides.json", (json.dumps(overrides, indent=2) + "\n").encode())
    return target
