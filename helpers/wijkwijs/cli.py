"""The ``wijkwijs`` command.

``wijkwijs lab [--dir FOLDER] [--teacher] [JupyterLab options]``
    Copy the course into a work folder (default ``~/wijkwijs-course``) and open it in
    JupyterLab at the welcome notebook. The copies are student versions, with the worked
    solutions replaced by instructions. A file the learner has changed is never
    overwritten (see :mod:`wijkwijs.workfolder`), and every change is printed.
    ``--teacher`` opens the full notebooks instead: in a source checkout its own
    ``chapters/``, otherwise a teacher work folder (``~/wijkwijs-course-teacher``).
    The server binds to 127.0.0.1 only, keeps JupyterLab's token authentication, and
    neither asks for nor fetches JupyterLab's news.
``wijkwijs app NAME [--language en|nl] [--memo-dir FOLDER] [Voilà options]``
    Serve one of the course's no-code apps (:mod:`wijkwijs.apps`) with Voilà and the
    project's own template: the app's code is hidden, a loading message shows while its
    kernel starts. The same safety rules as ``lab``: 127.0.0.1 only, token
    authentication on (a token is generated, or taken from ``JUPYTER_TOKEN``); options
    that would weaken either are refused. ``wijkwijs app --list`` names the apps.
``wijkwijs site OUTDIR``
    Build the course as a static website (:mod:`wijkwijs.site`): every chapter with its
    stored outputs, navigation, solutions collapsed, nothing loaded from a CDN.
``wijkwijs student-notebooks OUTDIR``
    Write copies of the chapters with the solution cells replaced.
``wijkwijs --version``
    Print the version.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

from wijkwijs import __version__, apps
from wijkwijs.paths import chapters_dir
from wijkwijs.student import write_student_notebooks
from wijkwijs.workfolder import SyncReport, checkout_folder, lab_settings_dir, sync

WELCOME = "00_welcome.ipynb"
STUDENT_FOLDER = Path("~/wijkwijs-course")
TEACHER_FOLDER = Path("~/wijkwijs-course-teacher")

#: Options that would open the server to others; ``wijkwijs lab`` refuses them.
UNSAFE_OPTIONS = frozenset({"--ServerApp.token", "--IdentityProvider.token",
                            "--ServerApp.password", "--ServerApp.disable_check_xsrf", "--ip",
                            "--ServerApp.ip"})


def course_dir(target: Path | None = None, teacher: bool = False,
               language: str | None = None) -> tuple[Path, SyncReport | None]:
    """Return the folder JupyterLab should serve, and what was copied into it.

    Student copies go to ``target`` (default ``~/wijkwijs-course``), brought up to date
    with :func:`wijkwijs.workfolder.sync`, which never overwrites a learner's changes.
    With ``teacher=True`` and no ``target``, a source checkout serves its own
    ``chapters/`` (nothing is copied, the report is None); a plain install copies the
    full notebooks to ``~/wijkwijs-course-teacher``. ``language`` (``"en"``, ``"nl"``)
    chooses the copies' language; the work folder remembers it, so without it the
    folder keeps the language it has (English for a new folder).
    """
    source = chapters_dir()
    packaged = source.parent.name == "wijkwijs"  # wijkwijs/_chapters inside the package
    if teacher and target is None and not packaged:
        return checkout_folder(source, language), None
    folder = Path(target or (TEACHER_FOLDER if teacher else STUDENT_FOLDER)).expanduser()
    return folder, sync(folder, source, teacher=teacher, language=language)

#: Options that would open an app's server to others or switch its token off;
#: ``wijkwijs app`` refuses them.
UNSAFE_APP_OPTIONS = frozenset({"--ip", "--Voila.ip", "--token", "--Voila.token",
                                "--Voila.auto_token", "--IdentityProvider.token",
                                "--PasswordIdentityProvider.token", "--Voila.password",
                                "--Voila.identity_provider_class", "--Voila.authorizer_class",
                                "--Voila.tornado_settings", "--Voila.allow_origin",
                                "--Voila.allow_origin_pat", "--template",
                                "--VoilaConfiguration.template"})
#: The environment variable that tells the wijkscan app where to save memos.
MEMO_DIR_ENV = "WIJKWIJS_MEMO_DIR"
MEMO_FOLDER = Path("~/wijkwijs-course/memos")


def lab_command(directory: Path, extra: list[str] | None = None,
                settings_dir: Path | None = None) -> list[str]:
    """Return the JupyterLab command line: localhost only, token authentication kept.

    ``settings_dir`` is the application settings directory written by
    :func:`wijkwijs.workfolder.lab_settings_dir` (it switches off the news question);
    the server is also told never to fetch news or check for updates.

    >>> command = lab_command(Path("course"))
    >>> command[3:5], command[-1]
    (['lab', '--ServerApp.ip=127.0.0.1'], 'course/00_welcome.ipynb')
    """
    extra = list(extra or [])
    forbidden = [a for a in extra if a.split("=")[0] in UNSAFE_OPTIONS]
    if forbidden:
        raise SystemExit(f"wijkwijs lab will not change {forbidden[0].split('=')[0]}: the "
                         "course server stays on 127.0.0.1 with token authentication.")
    # JupyterLab refuses to start as root (common in containers and on course VMs)
    # unless told so; that changes nothing about who can reach the server.
    as_root = ["--allow-root"] if getattr(os, "geteuid", lambda: -1)() == 0 else []
    settings = [f"--LabApp.app_settings_dir={settings_dir}"] if settings_dir else []
    offline = ["--LabApp.news_url=None",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    return [sys.executable, "-m", "jupyter", "lab", "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.root_dir={directory}", *settings, *offline, *as_root, *extra,
            str(directory / WELCOME)]


def app_command(name: str, extra: list[str] | None = None) -> list[str]:
    """Return the Voilà command line of app ``name``: localhost only, a token required.

    The notebook is served with the project's template (:data:`wijkwijs.apps.TEMPLATE`),
    its code cells stripped, on 127.0.0.1; ``--token`` makes Voilà require a token (its
    own default is none), which it takes from ``JUPYTER_TOKEN`` or generates. Options
    that would change any of this raise ``SystemExit``.

    >>> command = app_command("wijkscan")
    >>> command[1:3], "--Voila.ip=127.0.0.1" in command, "--token" in command
    (['-m', 'voila'], True, True)
    >>> app_command("wijkscan", ["--Voila.ip=0.0.0.0"])
    Traceback (most recent call last):
    ...
    SystemExit: wijkwijs app will not change --Voila.ip: the app stays on 127.0.0.1 ...
    """
    app = apps.get_app(name)
    extra = list(extra or [])
    forbidden = [a for a in extra if a.split("=")[0] in UNSAFE_APP_OPTIONS]
    if forbidden:
        raise SystemExit(f"wijkwijs app will not change {forbidden[0].split('=')[0]}: the "
                         "app stays on 127.0.0.1 with token authentication.")
    notebook = apps.apps_dir() / app.notebook
    return [sys.executable, "-m", "voila", str(notebook), "--Voila.ip=127.0.0.1", "--token",
            f"--template={apps.TEMPLATE}", "--VoilaConfiguration.strip_sources=True",
            "--VoilaConfiguration.show_tracebacks=False", *extra]


def app_environment(language: str = "en", memo_dir: Path | None = None,
                    base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment the app's server (and so its kernel) runs in.

    The project's template folder goes first on ``JUPYTER_PATH``; the app's language and
    the folder its memos are saved to are passed on. The kernels' maths library uses one
    thread unless the caller chose otherwise: an app's matrices are small, and several
    threads per kernel on a busy machine (a class on one server) made a product of a few
    milliseconds take many times longer.
    """
    env = dict(os.environ if base is None else base)
    for threads in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env.setdefault(threads, "1")
    paths = [str(apps.template_root())]
    if env.get("JUPYTER_PATH"):
        paths.append(env["JUPYTER_PATH"])
    env["JUPYTER_PATH"] = os.pathsep.join(paths)
    env[apps.LANGUAGE_ENV] = language
    env[MEMO_DIR_ENV] = str(Path(memo_dir or MEMO_FOLDER).expanduser())
    return env


def _run_app(args: argparse.Namespace, extra: list[str]) -> int:
    if args.list:
        if args.name or extra:
            print("wijkwijs app: --list takes no app name or options", file=sys.stderr)
            return 2
        print("\n".join(apps.list_lines(args.language)))
        return 0
    if not args.name:
        print("wijkwijs app: name an app (wijkwijs app --list shows them)", file=sys.stderr)
        return 2
    try:
        command = app_command(args.name, extra)
    except ValueError as error:
        print(f"wijkwijs app: {error}", file=sys.stderr)
        return 2
    env = app_environment(args.language, args.memo_dir)
    app = apps.get_app(args.name)
    if not args.dry_run and importlib.util.find_spec("voila") is None:
        print("wijkwijs app: Voilà is not installed; install it with pip install 'voila>=0.5,<0.6' "
              "(or conda install -c conda-forge voila).", file=sys.stderr)
        return 2
    print(f"wijkwijs app: starting {app.title_in(args.language)} on 127.0.0.1 (open the "
          "address with its token that Voilà prints below).")
    sys.stdout.flush()
    if args.dry_run:
        print(" ".join(command))
        return 0
    if os.name == "posix":  # become Voilà, so signals reach it directly
        os.execve(command[0], command, env)
    return subprocess.call(command, env=env)


def _run_site(args: argparse.Namespace) -> int:
    from wijkwijs.site import build_site

    start = time.perf_counter()
    try:
        pages = build_site(args.outdir, chapters_dir(), overwrite=args.overwrite)
    except (FileExistsError, ValueError, ModuleNotFoundError) as error:
        print(f"wijkwijs site: {error}", file=sys.stderr)
        return 2
    size = sum(p.stat().st_size for p in Path(args.outdir).rglob("*") if p.is_file())
    print(f"wijkwijs site: wrote {len(pages)} pages to {args.outdir} "
          f"({size / 2**20:.1f} MiB) in {time.perf_counter() - start:.0f} s; open "
          f"{Path(args.outdir) / 'index.html'} in a browser.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="wijkwijs", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"wijkwijs {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    lab = sub.add_parser(
        "lab", help="open the course in JupyterLab at the welcome notebook",
        description="Copy the course into your work folder (student copies; your saved work "
                    "is never overwritten) and open it in JupyterLab.",
        epilog="Other options go to JupyterLab (e.g. --port=8890 --no-browser), except those "
               "that would open the server to others.")
    lab.add_argument("--dir", type=Path, default=None,
                     help=f"work folder (default: {STUDENT_FOLDER}; with --teacher the "
                          f"checkout's chapters/, or {TEACHER_FOLDER} for a plain install)")
    lab.add_argument("--teacher", action="store_true",
                     help="open the full notebooks, with the worked solutions")
    lab.add_argument("--dry-run", action="store_true",
                     help="prepare the work folder and print the JupyterLab command, "
                          "without starting JupyterLab")
    lab.add_argument("--language", choices=["en", "nl"], default=None,
                     help="the course's language, en or nl (the work folder remembers it; "
                          "default: the folder's, else en)")
    app = sub.add_parser(
        "app", help="open one of the course's no-code apps (Voilà)",
        description="Serve a no-code app of the course with Voilà, on 127.0.0.1 with token "
                    "authentication.",
        epilog="Other options go to Voilà (e.g. --port=8867 --no-browser), except those "
               "that would open the server to others or switch its token off.")
    app.add_argument("name", nargs="?", help="the app (see --list)")
    app.add_argument("--list", action="store_true", help="name the apps, one per line")
    app.add_argument("--language", default="en", choices=["en", "nl"],
                     help="the app's language (default: en)")
    app.add_argument("--memo-dir", type=Path, default=None,
                     help=f"where the app saves memos (default: {MEMO_FOLDER})")
    app.add_argument("--dry-run", action="store_true",
                     help="print the Voilà command without starting it")
    site = sub.add_parser("site", help="build the course as a static website",
                          description="Write static HTML pages of every chapter, with their "
                                      "stored outputs, to OUTDIR.")
    site.add_argument("outdir", type=Path)
    site.add_argument("--overwrite", action="store_true",
                      help="replace the pages of an earlier build in OUTDIR")
    student = sub.add_parser("student-notebooks",
                             help="write chapter copies with the solutions replaced")
    student.add_argument("outdir", type=Path)
    student.add_argument("--language", default="en", choices=["en", "nl"])
    args, extra = parser.parse_known_args(argv)
    if args.command == "lab":
        try:
            directory, report = course_dir(args.dir, teacher=args.teacher,
                                           language=args.language)
        except ValueError as error:
            print(f"wijkwijs lab: {error}", file=sys.stderr)
            return 2
        if report is None:
            print(f"wijkwijs lab: opening the teacher notebooks in {directory} itself.")
        else:
            print("\n".join(report.lines()))
        command = lab_command(directory, extra, lab_settings_dir())
        sys.stdout.flush()
        if args.dry_run:
            print(" ".join(command))
            return 0
        if os.name == "posix":  # become JupyterLab, so signals reach it directly
            os.execv(command[0], command)
        return subprocess.call(command)
    if args.command == "app":
        return _run_app(args, extra)
    if extra:
        parser.error(f"unrecognised arguments: {' '.join(extra)}")
    if args.command == "site":
        return _run_site(args)
    written = write_student_notebooks(chapters_dir(), args.outdir, args.language)
    print(f"wrote {len(written)} student notebooks to {args.outdir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
