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
``wijkwijs student-notebooks OUTDIR``
    Write copies of the chapters with the solution cells replaced.
``wijkwijs --version``
    Print the version.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from wijkwijs import __version__
from wijkwijs.paths import chapters_dir
from wijkwijs.student import write_student_notebooks
from wijkwijs.workfolder import SyncReport, lab_settings_dir, sync

WELCOME = "00_welcome.ipynb"
STUDENT_FOLDER = Path("~/wijkwijs-course")
TEACHER_FOLDER = Path("~/wijkwijs-course-teacher")

#: Options that would open the server to others; ``wijkwijs lab`` refuses them.
UNSAFE_OPTIONS = frozenset({"--ServerApp.token", "--IdentityProvider.token",
                            "--ServerApp.password", "--ServerApp.disable_check_xsrf", "--ip",
                            "--ServerApp.ip"})


def course_dir(target: Path | None = None,
               teacher: bool = False) -> tuple[Path, SyncReport | None]:
    """Return the folder JupyterLab should serve, and what was copied into it.

    Student copies go to ``target`` (default ``~/wijkwijs-course``), brought up to date
    with :func:`wijkwijs.workfolder.sync`, which never overwrites a learner's changes.
    With ``teacher=True`` and no ``target``, a source checkout serves its own
    ``chapters/`` (nothing is copied, the report is None); a plain install copies the
    full notebooks to ``~/wijkwijs-course-teacher``.
    """
    source = chapters_dir()
    packaged = source.parent.name == "wijkwijs"  # wijkwijs/_chapters inside the package
    if teacher and target is None and not packaged:
        return source, None
    folder = Path(target or (TEACHER_FOLDER if teacher else STUDENT_FOLDER)).expanduser()
    return folder, sync(folder, source, teacher=teacher)


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
    student = sub.add_parser("student-notebooks",
                             help="write chapter copies with the solutions replaced")
    student.add_argument("outdir", type=Path)
    student.add_argument("--language", default="en", choices=["en", "nl"])
    args, extra = parser.parse_known_args(argv)
    if args.command == "lab":
        try:
            directory, report = course_dir(args.dir, teacher=args.teacher)
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
    if extra:
        parser.error(f"unrecognised arguments: {' '.join(extra)}")
    written = write_student_notebooks(chapters_dir(), args.outdir, args.language)
    print(f"wrote {len(written)} student notebooks to {args.outdir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
