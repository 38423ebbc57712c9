"""The wijkwijs command: version, a safe JupyterLab command on a work folder of student
copies that never overwrites a learner's work, student notebooks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

import wijkwijs
from wijkwijs import cli, workfolder
from wijkwijs.student import course_files, exercise_id_of, notebook_text, student_copy

REPO = Path(__file__).resolve().parent.parent
CHAPTERS = REPO / "chapters"
NOTEBOOKS = sorted(p.name for p in CHAPTERS.glob("*.ipynb"))


def run_cli(*args: str, home: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``wijkwijs``; with ``home``, as a user whose home (and Jupyter data) is there."""
    env = dict(os.environ)
    if home is not None:
        env.update(HOME=str(home), JUPYTER_DATA_DIR=str(home / ".local-share-jupyter"))
    return subprocess.run([sys.executable, "-m", "wijkwijs.cli", *args], capture_output=True,
                          text=True, cwd=REPO, env=env)


def _command(result: subprocess.CompletedProcess) -> list[str]:
    """The JupyterLab command a ``--dry-run`` prints (its last line, after the report)."""
    return result.stdout.strip().splitlines()[-1].split()


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"wijkwijs {wijkwijs.__version__}"


def test_lab_binds_to_localhost_keeps_tokens_and_opens_the_welcome_notebook(tmp_path):
    result = run_cli("lab", "--dry-run", home=tmp_path)
    assert result.returncode == 0, result.stderr
    command = _command(result)
    folder = tmp_path / "wijkwijs-course"  # the default work folder
    assert "--ServerApp.ip=127.0.0.1" in command
    assert command[-1] == str(folder / "00_welcome.ipynb")
    assert f"--ServerApp.root_dir={folder}" in command
    assert not [a for a in command if "token" in a.lower() or "password" in a.lower()]
    assert ("--allow-root" in command) == (os.geteuid() == 0)  # JupyterLab's root check only


def test_lab_teacher_opens_the_checkouts_own_chapters_and_writes_nothing_there(tmp_path):
    before = sorted(p.name for p in CHAPTERS.iterdir())
    result = run_cli("lab", "--teacher", "--dry-run", home=tmp_path)
    assert result.returncode == 0, result.stderr
    command = _command(result)
    assert command[-1] == str(CHAPTERS / "00_welcome.ipynb")
    assert f"--ServerApp.root_dir={CHAPTERS}" in command
    assert "teacher notebooks" in result.stdout
    assert sorted(p.name for p in CHAPTERS.iterdir()) == before
    assert not (tmp_path / "wijkwijs-course").exists()


def test_lab_switches_off_the_news_question_and_never_fetches_news(tmp_path):
    result = run_cli("lab", "--dry-run", "--dir", str(tmp_path / "course"), home=tmp_path)
    command = _command(result)
    settings = [a.split("=", 1)[1] for a in command if a.startswith("--LabApp.app_settings_dir=")]
    assert settings == [str(tmp_path / ".local-share-jupyter" / "wijkwijs" /
                             "jupyterlab-settings")]
    overrides = json.loads((Path(settings[0]) / "overrides.json").read_text())
    assert overrides["@jupyterlab/apputils-extension:notification"] == {
        "fetchNews": "false", "checkForUpdates": False}
    assert "--LabApp.news_url=None" in command
    assert "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate" in command


def test_lab_settings_keep_the_installations_own(tmp_path):
    installed = tmp_path / "installed"
    (installed / "overrides.d").mkdir(parents=True)
    (installed / "page_config.json").write_text('{"disabledExtensions": {"x": true}}')
    (installed / "overrides.d" / "site.json").write_text('{"a:b": {"c": 1}}')
    (installed / "overrides.json").write_text(json.dumps({
        "@jupyterlab/apputils-extension:notification": {"doNotDisturbMode": True},
        "@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}))
    target = workfolder.lab_settings_dir(tmp_path / "settings", installed=installed)
    overrides = json.loads((target / "overrides.json").read_text())
    assert overrides == {
        "@jupyterlab/apputils-extension:notification": {
            "doNotDisturbMode": True, "fetchNews": "false", "checkForUpdates": False},
        "@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}
    assert (target / "page_config.json").read_text() == '{"disabledExtensions": {"x": true}}'
    assert (target / "overrides.d" / "site.json").read_text() == '{"a:b": {"c": 1}}'
    assert workfolder.lab_settings_dir(target, installed=tmp_path / "none") == target  # again


@pytest.mark.slow
def test_the_running_server_gives_the_front_end_the_course_settings(tmp_path):
    """The setting reaches JupyterLab: the server hands it to the page as the default."""
    from browser_harness import lab_server, lab_setting

    with lab_server(tmp_path) as (base, token, folder):
        plugin = "@jupyterlab/apputils-extension:notification"
        assert lab_setting(base, token, plugin, "fetchNews") == "false"
        assert lab_setting(base, token, plugin, "checkForUpdates") is False
        with urllib.request.urlopen(f"{base}/lab/api/news?token={token}", timeout=30) as news:
            assert json.loads(news.read()) == {"news": []}
        assert sorted(p.name for p in folder.glob("*.ipynb")) == NOTEBOOKS
    log = (tmp_path / "lab.log").read_text()
    assert log.startswith(f"wijkwijs lab: your course folder is {folder} (student copies")


@pytest.mark.parametrize("unsafe", ["--ServerApp.token=", "--IdentityProvider.token=",
                                    "--ip=0.0.0.0", "--ServerApp.ip=0.0.0.0",
                                    "--ServerApp.disable_check_xsrf=True"])
def test_lab_refuses_to_switch_security_off(unsafe):
    with pytest.raises(SystemExit, match=r"127\.0\.0\.1 with token authentication"):
        cli.lab_command(REPO / "chapters", [unsafe])


def test_plain_install_copies_the_course_without_overwriting(tmp_path, monkeypatch):
    packaged = tmp_path / "site" / "wijkwijs" / "_chapters"
    packaged.mkdir(parents=True)
    (packaged / "00_welcome.ipynb").write_text("{}")
    (packaged / "01_1_x.ipynb").write_text("{}")
    monkeypatch.setattr(cli, "chapters_dir", lambda: packaged)
    target = tmp_path / "course"
    target.mkdir()
    (target / "00_welcome.ipynb").write_text('{"my": "notes"}')
    folder, report = cli.course_dir(target)
    assert folder == target
    assert (target / "00_welcome.ipynb").read_text() == '{"my": "notes"}'  # kept
    assert (target / "01_1_x.ipynb").read_text() == "{}\n"  # copied
    assert report.added == ["01_1_x.ipynb"]
    # --teacher in a plain install: a teacher work folder, never the package's own files
    monkeypatch.setattr(cli, "TEACHER_FOLDER", tmp_path / "teacher")
    folder, report = cli.course_dir(teacher=True)
    assert folder == tmp_path / "teacher" and report.kind == "teacher"
    assert (folder / "01_1_x.ipynb").read_text() == "{}"
    assert sorted(p.name for p in packaged.iterdir()) == ["00_welcome.ipynb", "01_1_x.ipynb"]


def _course(tmp_path: Path) -> Path:
    """A small course: a notebook with a solution, one without, an image and test files."""
    source = tmp_path / "chapters"
    (source / "images").mkdir(parents=True)
    (source / ".ipynb_checkpoints").mkdir()
    cells = [{"cell_type": "markdown", "metadata": {}, "source": ["# Lorenz\n"]},
             {"cell_type": "code", "metadata": {"tags": ["solution"]}, "outputs": [
                 {"output_type": "stream", "name": "stdout", "text": ["Correct!\n"]}],
              "execution_count": 1, "source": ["check('1.2-gini', 0.25)"]}]
    _save(source / "01_2_lorenz.ipynb", {"cells": cells, "metadata": {}, "nbformat": 4})
    _save(source / "00_welcome.ipynb", {"cells": [], "metadata": {}, "nbformat": 4})
    (source / "images" / "lorenz.png").write_bytes(b"\x89PNG fake")
    (source / "nbval_sanitize.cfg").write_text("[regex1]\n")
    (source / ".ipynb_checkpoints" / "00_welcome-checkpoint.ipynb").write_text("{}")
    return source


def _save(path: Path, notebook: dict) -> None:
    path.write_text(notebook_text(notebook), encoding="utf-8")


def _edit(path: Path, text: str) -> None:
    """Change a notebook's first cell, as a learner's edit (or a new course version) does."""
    notebook = json.loads(path.read_text())
    notebook["cells"][0]["source"] = [text]
    _save(path, notebook)


def test_work_folder_holds_student_copies_and_the_files_they_use(tmp_path):
    source = _course(tmp_path)
    folder = tmp_path / "work"
    report = workfolder.sync(folder, source)
    assert report.first_time and report.kind == "student"
    assert sorted(report.added) == ["00_welcome.ipynb", "01_2_lorenz.ipynb",
                                    "images/lorenz.png"]
    assert (folder / "images" / "lorenz.png").read_bytes() == b"\x89PNG fake"
    assert not (folder / "nbval_sanitize.cfg").exists()
    assert not (folder / ".ipynb_checkpoints").exists()
    cell = json.loads((folder / "01_2_lorenz.ipynb").read_text())["cells"][1]
    assert "".join(cell["source"]).startswith("# Exercise 1.2-gini:")
    assert cell["outputs"] == [] and "solution" not in cell["metadata"]["tags"]
    teacher = workfolder.sync(tmp_path / "teacher", source, teacher=True)
    assert (tmp_path / "teacher" / "01_2_lorenz.ipynb").read_bytes() == \
        (source / "01_2_lorenz.ipynb").read_bytes()
    assert teacher.kind == "teacher" and "teacher copies" in teacher.lines()[0]


def test_the_real_course_work_folder_has_every_notebook_without_solutions(tmp_path):
    report = workfolder.sync(tmp_path, CHAPTERS)
    assert sorted(report.added) == sorted(course_files(CHAPTERS)) == NOTEBOOKS
    for name in NOTEBOOKS:
        cells = json.loads((tmp_path / name).read_text())["cells"]
        assert not [c for c in cells if "solution" in c["metadata"].get("tags", [])]
        assert "Correct!" not in (tmp_path / name).read_text()


def test_work_folder_never_overwrites_a_learners_file(tmp_path):
    source, folder = _course(tmp_path), tmp_path / "work"
    first = workfolder.sync(folder, source, version="0.1.0")
    assert "Copied 3 files from wijkwijs 0.1.0." in "\n".join(first.lines())
    again = workfolder.sync(folder, source, version="0.1.0")
    assert not again.changed() and again.kept == []
    assert again.lines()[1] == "  Everything is up to date."
    # The learner edits a notebook: it is theirs, and stays theirs.
    _edit(folder / "01_2_lorenz.ipynb", "my notes")
    mine = (folder / "01_2_lorenz.ipynb").read_bytes()
    edited = workfolder.sync(folder, source, version="0.1.0")
    assert not edited.changed() and edited.kept == ["01_2_lorenz.ipynb"]
    assert edited.lines()[1] == "  Your own changes are kept in 01_2_lorenz.ipynb."
    # A new course version changes both notebooks: the untouched one is brought up to
    # date, the new version of the edited one goes beside it.
    _edit(source / "01_2_lorenz.ipynb", "Lorenz, second edition")
    welcome = json.loads((source / "00_welcome.ipynb").read_text())
    welcome["cells"] = [{"cell_type": "markdown", "metadata": {}, "source": ["Hello"]}]
    _save(source / "00_welcome.ipynb", welcome)
    update = workfolder.sync(folder, source, version="0.2.0")
    assert update.updated == ["00_welcome.ipynb"]
    assert update.beside == [("01_2_lorenz.ipynb", "01_2_lorenz.new-0.2.0.ipynb")]
    assert (folder / "01_2_lorenz.ipynb").read_bytes() == mine
    assert "Lorenz, second edition" in (folder / "01_2_lorenz.new-0.2.0.ipynb").read_text()
    assert "Hello" in (folder / "00_welcome.ipynb").read_text()
    text = "\n".join(update.lines())
    assert "Updated 1 notebook you had not changed to wijkwijs 0.2.0: 00_welcome.ipynb." in text
    assert ("01_2_lorenz.ipynb: new version in 01_2_lorenz.new-0.2.0.ipynb" in text
            and "Your file is left as it is" in text)
    # Said once; the next start keeps both quietly.
    later = workfolder.sync(folder, source, version="0.2.0")
    assert not later.changed() and later.kept == ["01_2_lorenz.ipynb"]
    # Another change of the course: the untouched new version is refreshed in place; once
    # the learner has edited that one too, the next goes beside under a new name.
    _edit(source / "01_2_lorenz.ipynb", "Lorenz, third edition")
    third = workfolder.sync(folder, source, version="0.2.0")
    assert third.beside == [("01_2_lorenz.ipynb", "01_2_lorenz.new-0.2.0.ipynb")]
    assert "third edition" in (folder / "01_2_lorenz.new-0.2.0.ipynb").read_text()
    _edit(folder / "01_2_lorenz.new-0.2.0.ipynb", "my notes on the new version")
    _edit(source / "01_2_lorenz.ipynb", "Lorenz, fourth edition")
    fourth = workfolder.sync(folder, source, version="0.2.0")
    assert fourth.beside == [("01_2_lorenz.ipynb", "01_2_lorenz.new-0.2.0-2.ipynb")]
    assert "my notes on the new version" in \
        (folder / "01_2_lorenz.new-0.2.0.ipynb").read_text()
    assert (folder / "01_2_lorenz.ipynb").read_bytes() == mine
    # A deleted file comes back afresh; the learner's own files are never touched.
    (folder / "00_welcome.ipynb").unlink()
    (folder / "my_project.ipynb").write_text("{}")
    fresh = workfolder.sync(folder, source, version="0.2.0")
    assert fresh.added == ["00_welcome.ipynb"]
    assert (folder / "my_project.ipynb").read_text() == "{}"


def test_a_file_whose_history_is_unknown_counts_as_the_learners(tmp_path):
    source, folder = _course(tmp_path), tmp_path / "work"
    folder.mkdir()
    (folder / "00_welcome.ipynb").write_text('{"from": "an older wijkwijs"}')
    (folder / "01_2_lorenz.ipynb").write_bytes(course_files(source)["01_2_lorenz.ipynb"])
    report = workfolder.sync(folder, source)
    assert report.beside == [("00_welcome.ipynb", f"00_welcome.new-{wijkwijs.__version__}.ipynb")]
    assert report.added == ["images/lorenz.png"]  # the identical notebook is simply kept
    assert (folder / "00_welcome.ipynb").read_text() == '{"from": "an older wijkwijs"}'


def test_one_folder_holds_one_kind_of_copy_and_never_the_course_itself(tmp_path):
    source, folder = _course(tmp_path), tmp_path / "work"
    workfolder.sync(folder, source)
    with pytest.raises(ValueError, match=r"holds student copies.*without --teacher"):
        workfolder.sync(folder, source, teacher=True)
    with pytest.raises(ValueError, match="the course's own chapters folder"):
        workfolder.sync(source, source, teacher=True)
    (tmp_path / "a-file").write_text("")
    with pytest.raises(ValueError, match="is a file, not a folder"):
        workfolder.sync(tmp_path / "a-file", source)
    (folder / workfolder.MANIFEST).write_text("{not json")
    with pytest.raises(ValueError, match="is damaged"):
        workfolder.sync(folder, source)


def test_lab_prints_what_it_did_and_refuses_a_bad_folder(tmp_path):
    folder = tmp_path / "course"
    first = run_cli("lab", "--dry-run", "--dir", str(folder), home=tmp_path)
    assert first.stdout.startswith(f"wijkwijs lab: your course folder is {folder} (student "
                                   "copies: the exercises are yours to solve).\n"
                                   f"  Copied {len(NOTEBOOKS)} notebooks from wijkwijs "
                                   f"{wijkwijs.__version__}.\n")
    assert "Your saved work is never overwritten" in first.stdout
    _edit(folder / "01_2_lorenz_and_gini.ipynb", "my notes")
    second = run_cli("lab", "--dry-run", "--dir", str(folder), home=tmp_path)
    assert "  Your own changes are kept in 01_2_lorenz_and_gini.ipynb.\n" in second.stdout
    assert "my notes" in (folder / "01_2_lorenz_and_gini.ipynb").read_text()
    bad = run_cli("lab", "--dry-run", "--dir", str(CHAPTERS), home=tmp_path)
    assert bad.returncode == 2 and "the course's own chapters folder" in bad.stderr


def test_student_notebooks_replace_every_solution(tmp_path):
    out = tmp_path / "student"
    result = run_cli("student-notebooks", str(out))
    assert result.returncode == 0, result.stderr
    originals = sorted((REPO / "chapters").glob("*.ipynb"))
    assert sorted(p.name for p in out.glob("*.ipynb")) == [p.name for p in originals]
    n_solutions = 0
    for original in originals:
        source = json.loads(original.read_text())
        copy = json.loads((out / original.name).read_text())
        assert len(copy["cells"]) == len(source["cells"])
        for before, after in zip(source["cells"], copy["cells"], strict=True):
            if "solution" in before.get("metadata", {}).get("tags", []):
                n_solutions += 1
                exercise = exercise_id_of(before)
                text = "".join(after["source"])
                assert text.startswith(f"# Exercise {exercise}:")
                assert all(line.startswith("#") for line in text.splitlines())
                assert "exercise" in after["metadata"]["tags"]
            else:
                assert after["source"] == before["source"]
            if after["cell_type"] == "code":
                assert after["outputs"] == []
    assert n_solutions >= 2


def test_student_notebooks_never_overwrite(tmp_path):
    assert run_cli("student-notebooks", str(tmp_path)).returncode == 0
    again = run_cli("student-notebooks", str(tmp_path))
    assert again.returncode != 0
    assert "no saved work is overwritten" in again.stderr


def test_student_copy_in_dutch_and_a_solution_without_id_is_refused():
    nb = {"cells": [{"cell_type": "code", "metadata": {"tags": ["solution"]},
                     "source": "check('1.2-x', 3)", "outputs": [], "execution_count": 1}]}
    copy = student_copy(nb, language="nl")
    assert copy["cells"][0]["source"].startswith("# Opdracht 1.2-x:")
    nb["cells"][0]["source"] = "answer = 3"
    with pytest.raises(ValueError, match="must call check"):
        student_copy(nb)


def test_lab_language_is_chosen_once_and_remembered(tmp_path):
    """``wijkwijs lab --language nl`` makes the work folder Dutch; later runs keep it."""
    folder = tmp_path / "course"
    first = run_cli("lab", "--dry-run", "--dir", str(folder), "--language", "nl", home=tmp_path)
    assert first.returncode == 0, first.stderr
    assert workfolder.folder_language(folder) == "nl"
    welcome = json.loads((folder / "00_welcome.ipynb").read_text(encoding="utf-8"))
    assert "".join(welcome["cells"][0]["source"]).startswith("# Welkom bij wijkwijs")
    again = run_cli("lab", "--dry-run", "--dir", str(folder), home=tmp_path)
    assert again.returncode == 0, again.stderr
    assert workfolder.folder_language(folder) == "nl"
    assert _command(again)[-1] == str(folder / "00_welcome.ipynb")
    teacher = run_cli("lab", "--teacher", "--dry-run", "--language", "nl", home=tmp_path)
    assert f"--ServerApp.root_dir={CHAPTERS / 'nl'}" in _command(teacher)
    bad = run_cli("lab", "--dry-run", "--dir", str(folder), "--language", "fr", home=tmp_path)
    assert bad.returncode != 0 and "invalid choice" in bad.stderr
