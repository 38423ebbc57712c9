"""The course-server pieces: nbgitpuller links and the repo2docker configuration."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest
import yaml

from wijkwijs.hub import INTERFACES, nbgitpuller_link

REPO = Path(__file__).resolve().parent.parent


def test_the_link_round_trips_every_part():
    link = nbgitpuller_link("https://hub.uni.nl/course", "https://github.com/uni/ww-2025.git",
                            "students/fall", "chapters/08_1 my town.ipynb")
    url = urlparse(link)
    assert (url.scheme, url.netloc, url.path) == ("https", "hub.uni.nl",
                                                  "/course/hub/user-redirect/git-pull")
    query = parse_qs(url.query, strict_parsing=True)
    assert query == {"repo": ["https://github.com/uni/ww-2025.git"],
                     "branch": ["students/fall"],
                     "urlpath": ["lab/tree/ww-2025/chapters/08_1%20my%20town.ipynb"]}
    # the opened path, decoded once more as the hub does, is the notebook in the clone
    assert unquote(query["urlpath"][0]) == "lab/tree/ww-2025/chapters/08_1 my town.ipynb"
    # nothing in the query is left unencoded
    assert not re.search(r"[ /:]", url.query.replace("%", ""))


@pytest.mark.parametrize("interface", list(INTERFACES))
def test_interfaces_and_target_folder(interface):
    link = nbgitpuller_link("http://127.0.0.1:8000/", "https://example.org/c", "main",
                            "apps/wijkscan.ipynb", interface=interface, target_folder="mine")
    query = parse_qs(urlparse(link).query)
    assert query["targetPath"] == ["mine"]
    assert query["urlpath"][0] == INTERFACES[interface].format(path="mine/apps/wijkscan.ipynb")
    assert link.startswith("http://127.0.0.1:8000/hub/user-redirect/git-pull?")


def test_an_empty_path_opens_the_clone():
    link = nbgitpuller_link("https://hub.example.org", "https://example.org/owner/course")
    assert parse_qs(urlparse(link).query)["urlpath"] == ["lab/tree/course"]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"hub_url": "hub.example.org"}, "hub_url must be an http"),
    ({"hub_url": "ftp://hub.example.org"}, "hub_url must be an http"),
    ({"hub_url": "https://hub.example.org/?x=1"}, "hub_url must be an http"),
    ({"repo": "git@github.com:uni/c.git"}, "repo must be an http"),
    ({"repo": "https://github.com"}, "repo must be an http"),
    ({"branch": "a b"}, "not a valid git branch"),
    ({"branch": "../main"}, "not a valid git branch"),
    ({"branch": ""}, "not a valid git branch"),
    ({"path": "/etc/passwd"}, "path must be relative"),
    ({"path": "chapters/../../x"}, "path must be relative"),
    ({"path": "C:/x"}, "path must be relative"),
    ({"interface": "retro"}, "interface must be one of"),
    ({"target_folder": "a/b"}, "target_folder must be a plain"),
])
def test_bad_parts_are_refused(kwargs, message):
    args = {"hub_url": "https://hub.example.org", "repo": "https://github.com/uni/c",
            "branch": "main", "path": "00_welcome.ipynb", **kwargs}
    with pytest.raises(ValueError, match=message):
        nbgitpuller_link(**args)


def test_environment_yml_is_a_valid_repo2docker_conda_environment():
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    assert isinstance(env, dict) and isinstance(env["dependencies"], list)
    names = [d.split(">")[0].split("=")[0].split("<")[0].strip()
             for d in env["dependencies"] if isinstance(d, str)]
    assert "python" in names and "pip" in names and "jupyterlab" in names
    pip = [d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d]
    assert len(pip) == 1 and isinstance(pip[0], list)
    # repo2docker stages the whole repository before a local pip requirement such as
    # "-e .", so the course's own package is installed without a postBuild
    assert "-e ." in pip[0]
    assert "conda-forge" in env.get("channels", [])


def test_postbuild_if_present_is_an_executable_script():
    for folder in (REPO, REPO / "binder", REPO / ".binder"):
        post = folder / "postBuild"
        if post.exists():
            assert os.access(post, os.X_OK), f"{post} must be executable"
            assert post.read_text().startswith("#!"), f"{post} needs a shebang line"
    # repo2docker reads binder/ or .binder/ instead of the root when one exists: then the
    # environment file must be there too
    for folder in (REPO / "binder", REPO / ".binder"):
        if folder.is_dir():
            assert (folder / "environment.yml").is_file()


def test_docs_give_the_measured_memory_and_the_link_function():
    text = (REPO / "docs" / "hub.md").read_text()
    assert "nbgitpuller_link" in text and "bench_memory" in text
    assert re.search(r"\d+\s*MiB", text) and "students per" in text
