"""The ``wijkwijs`` command.

``wijkwijs lab``
    Open the course in JupyterLab at the welcome notebook. The server binds to
    127.0.0.1 only and keeps JupyterLab's token authentication.
``wijkwijs student-notebooks OUTDIR``
    Write copies of the chapters with the solution cells replaced.
``wijkwijs --version``
    Print the version.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from wijkwijs import __version__
from wijkwijs.paths import chapters_dir
from wijkwijs.student import write_student_notebooks

WELCOME = "00_welcome.ipynb"


def course_dir(target: Path | None = None) -> Path:
    """Return the folder JupyterLab should serve.

    In a source checkout (editable install) this is its ``chapters/`` folder. In a
    plain install the packaged chapters are copied once to ``target`` (default
    ``~/wijkwijs-course``); files already there are kept, so a learner's saved work
    is never overwritten.
    """
    source = chapters_dir()
    packaged = source.parent.name == "wijkwijs"
    if target is None and not packaged:
        return source
    target = Path(target or Path.home() / "wijkwijs-course")
    target.mkdir(parents=True, exist_ok=True)
    for path in source.iterdir():
        if path.suffix in {".ipynb", ".cfg"} and not (target / path.name).exists():
            shutil.copy2(path, target / path.name)
    return target


def lab_command(directory: Path, extra: list[str] | None = None) -> list[str]:
    """Return the JupyterLab command line: localhost only, token authentication kept."""
    extra = list(extra or [])
    forbidden = [a for a in extra if a.split("=")[0] in {
        "--ServerApp.token", "--IdentityProvider.token", "--ServerApp.password",
        "--ServerApp.disable_check_xsrf", "--ip", "--ServerApp.ip"}]
    if forbidden:
        raise SystemExit(f"wijkwijs lab will not change {forbidden[0].split('=')[0]}: the "
                         "course server stays on 127.0.0.1 with token authentication.")
    # JupyterLab refuses to start as root (common in containers and on course VMs)
    # unless told so; that changes nothing about who can reach the server.
    as_root = ["--allow-root"] if getattr(os, "geteuid", lambda: -1)() == 0 else []
    return [sys.executable, "-m", "jupyter", "lab", "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.root_dir={directory}", *as_root, *extra, str(directory / WELCOME)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="wijkwijs", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"wijkwijs {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    lab = sub.add_parser("lab", help="open the course in JupyterLab at the welcome notebook")
    lab.add_argument("--dir", type=Path, default=None,
                     help="folder to work in (default: the checkout's chapters/, or "
                          "~/wijkwijs-course for a plain install)")
    lab.add_argument("--dry-run", action="store_true", help="print the command, do not run it")
    student = sub.add_parser("student-notebooks",
                             help="write chapter copies with the solutions replaced")
    student.add_argument("outdir", type=Path)
    student.add_argument("--language", default="en", choices=["en", "nl"])
    args, extra = parser.parse_known_args(argv)
    if args.command == "lab":
        command = lab_command(course_dir(args.dir), extra)
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
