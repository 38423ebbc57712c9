"""Course-server helpers: links that give every student their own copy of the course.

On a JupyterHub with `nbgitpuller <https://nbgitpuller.readthedocs.io>`_ installed, a
link of the form ``<hub>/hub/user-redirect/git-pull?repo=…&branch=…&urlpath=…`` clones
a git repository into the student's home folder on the first click, and on every later
click merges the repository's new commits without overwriting the student's own
changes; then it opens ``urlpath``. :func:`nbgitpuller_link` builds that link, with every
part URL-encoded and checked. ``docs/hub.md`` describes the set-up (The Littlest
JupyterHub, Zero to JupyterHub, repo2docker/Binder).

>>> nbgitpuller_link("https://hub.example.org", "https://github.com/uni/wijkwijs-students",
...                  "main", "00_welcome.ipynb")
'https://hub.example.org/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Funi%2Fwijkwijs-students&branch=main&urlpath=lab%2Ftree%2Fwijkwijs-students%2F00_welcome.ipynb'
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode, urlparse

__all__ = ["INTERFACES", "nbgitpuller_link"]

#: Where the link opens the notebook: JupyterLab, the classic notebook, or Voilà.
INTERFACES: dict[str, str] = {"lab": "lab/tree/{path}", "notebook": "tree/{path}",
                              "voila": "voila/render/{path}"}
_BRANCH = re.compile(r"^(?!/)(?!.*(?:\.\.|//|@\{|\.lock$|/$))[A-Za-z0-9._/\-]+$")


def _repo_folder(repo: str) -> str:
    """The folder nbgitpuller clones ``repo`` into: its last path part, without ``.git``."""
    name = repo.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    return name[:-4] if name.endswith(".git") else name


def nbgitpuller_link(hub_url: str, repo: str, branch: str = "main", path: str = "",
                     *, interface: str = "lab", target_folder: str | None = None) -> str:
    """The nbgitpuller link that pulls ``repo`` at ``branch`` and opens ``path`` in it.

    Parameters
    ----------
    hub_url
        The hub's address, ``http(s)://host[:port][/prefix]``, e.g.
        ``"https://hub.example.org"``.
    repo
        The git repository to clone (``https://…``), e.g. the course's student copies
        written with ``wijkwijs student-notebooks``.
    branch
        The branch to pull.
    path
        A notebook or folder inside the repository ('' opens the repository's folder).
    interface
        ``"lab"`` (JupyterLab), ``"notebook"`` (classic) or ``"voila"`` (an app).
    target_folder
        The folder in the student's home to clone into (default: the repository's name).

    Raises
    ------
    ValueError
        For a hub or repository address that is not an http(s) URL with a host, a branch
        name git refuses, an absolute ``path`` or one that climbs out (``..``), or an
        unknown interface.

    Examples
    --------
    >>> link = nbgitpuller_link("https://hub.example.org/course/", "https://git.example.org/c.git",
    ...                         "fall 2025", "chapters/06_1 x.ipynb")
    Traceback (most recent call last):
    ...
    ValueError: branch 'fall 2025' is not a valid git branch name (letters, digits, . _ - /).
    >>> link = nbgitpuller_link("https://hub.example.org/course/", "https://git.example.org/c.git",
    ...                         "fall-2025", "chapters/06_1 x.ipynb", interface="voila")
    >>> link.split("?")[0]
    'https://hub.example.org/course/hub/user-redirect/git-pull'
    >>> link.split("urlpath=")[1]
    'voila%2Frender%2Fc%2Fchapters%2F06_1%2520x.ipynb'
    """
    hub = urlparse(str(hub_url))
    if hub.scheme not in ("http", "https") or not hub.netloc or hub.query or hub.fragment:
        raise ValueError(f"hub_url must be an http(s) address of the hub such as "
                         f"'https://hub.example.org'; got {hub_url!r}.")
    source = urlparse(str(repo))
    if source.scheme not in ("http", "https") or not source.netloc or \
            not source.path.strip("/"):
        raise ValueError(f"repo must be an http(s) address of a git repository such as "
                         f"'https://github.com/owner/name'; got {repo!r}.")
    if not isinstance(branch, str) or not _BRANCH.match(branch):
        raise ValueError(f"branch {branch!r} is not a valid git branch name (letters, "
                         "digits, . _ - /).")
    path = str(path)
    parts = [p for p in path.replace("\\", "/").split("/") if p not in ("", ".")]
    if path.startswith(("/", "\\")) or ".." in parts or re.match(r"^[A-Za-z]:", path):
        raise ValueError(f"path must be relative to the repository, without '..'; "
                         f"got {path!r}.")
    if interface not in INTERFACES:
        raise ValueError(f"interface must be one of {', '.join(INTERFACES)}; "
                         f"got {interface!r}.")
    folder = target_folder or _repo_folder(source.geturl())
    if not folder or "/" in folder or folder in (".", ".."):
        raise ValueError(f"target_folder must be a plain folder name; got {folder!r}.")
    inside = "/".join([folder, *parts])
    urlpath = INTERFACES[interface].format(path=quote(inside, safe="/"))
    query = {"repo": source.geturl(), "branch": branch, "urlpath": urlpath}
    if target_folder:
        query["targetPath"] = target_folder
    base = hub.geturl().rstrip("/")
    return f"{base}/hub/user-redirect/git-pull?{urlencode(query, quote_via=quote, safe='')}"
