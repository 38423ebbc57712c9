"""The course's no-code apps: notebooks that ``wijkwijs app NAME`` serves with Voilà.

An app is a notebook in ``apps/`` (shipped in a wheel as ``wijkwijs/_apps``) whose code is
hidden: Voilà runs it in a fresh kernel and shows only its outputs, so a civil servant
or a resident uses the course's tools without reading code. :data:`APPS` is the
registry — name, title in English and Dutch, notebook — that ``wijkwijs app --list``
prints, one app a line. The Voilà template the apps are served with (``wijkwijs``: a
loading message while the kernel starts, nothing fetched from a CDN) lives in
``apps/share/voila/templates/wijkwijs`` (:func:`template_root`).

Where the apps are found, in this order (as :mod:`wijkwijs.paths` does for the chapters):

1. the environment variable ``WIJKWIJS_APPS``, if set;
2. a copy inside the installed package (``wijkwijs/_apps``);
3. the ``apps/`` folder of the source checkout.

An app reads its language from ``WIJKWIJS_LANGUAGE`` (set by ``wijkwijs app
--language``; :func:`app_language`).

>>> [app.name for app in APPS.values()]
['wijkscan', 'policy-lab', 'homophily']
>>> get_app("wijkscan").title_in("nl")
'Wijkscan: het profiel van een buurt'
>>> (apps_dir() / get_app("wijkscan").notebook).is_file()
True
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from wijkwijs.i18n import LANGUAGES

__all__ = ["APPS", "LANGUAGE_ENV", "App", "app_language", "apps_dir", "get_app",
           "list_lines", "template_root"]

#: The environment variable an app reads its language from.
LANGUAGE_ENV = "WIJKWIJS_LANGUAGE"
#: The name of the project's Voilà template.
TEMPLATE = "wijkwijs"

_PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class App:
    """One app: its name on the command line, its titles, its notebook in ``apps/``."""

    name: str
    title: dict[str, str]
    notebook: str

    def title_in(self, language: str = "en") -> str:
        """The app's title in ``language`` (``"en"`` or ``"nl"``)."""
        if language not in self.title:
            raise ValueError(f"language {language!r} is not available; choose one of "
                             f"{', '.join(LANGUAGES)}.")
        return self.title[language]


#: Every app, by name, in the order ``wijkwijs app --list`` prints them.
APPS: dict[str, App] = {
    "wijkscan": App(
        "wijkscan",
        {"en": "Wijkscan: the profile of a neighbourhood",
         "nl": "Wijkscan: het profiel van een buurt"},
        "wijkscan.ipynb"),
    "policy-lab": App(
        "policy-lab",
        {"en": "Policy lab: housing policy, restructuring and social infrastructure",
         "nl": "Beleidslab: woonbeleid, herstructurering en sociale infrastructuur"},
        "policy_lab.ipynb"),
    "homophily": App(
        "homophily",
        {"en": "Schelling and ties: how mild preferences sort a city",
         "nl": "Schelling en banden: hoe milde voorkeuren een stad sorteren"},
        "homophily.ipynb"),
}


def get_app(name: str) -> App:
    """The app called ``name``; a ValueError lists the apps there are.

    >>> get_app("policy")
    Traceback (most recent call last):
    ...
    ValueError: there is no app 'policy'; the apps are: wijkscan, policy-lab, ... --list).
    """
    if name not in APPS:
        raise ValueError(f"there is no app {name!r}; the apps are: {', '.join(APPS)} "
                         "(wijkwijs app --list).")
    return APPS[name]


def list_lines(language: str = "en") -> list[str]:
    """One line per app: its name, then its title (``wijkwijs app --list``).

    >>> list_lines()[0]
    'wijkscan    Wijkscan: the profile of a neighbourhood'
    """
    width = max(len(name) for name in APPS)
    return [f"{app.name:<{width}}  {app.title_in(language)}" for app in APPS.values()]


def apps_dir() -> Path:
    """The folder holding the app notebooks (``apps/``)."""
    candidates = []
    if os.environ.get("WIJKWIJS_APPS"):
        candidates.append(Path(os.environ["WIJKWIJS_APPS"]))
    candidates += [_PACKAGE_DIR / "_apps", _PACKAGE_DIR.parent.parent / "apps"]
    marker = next(iter(APPS.values())).notebook
    for candidate in candidates:
        if (candidate / marker).is_file():
            return candidate
    raise FileNotFoundError(
        f"wijkwijs could not find its apps/ folder (looked for {marker!r} in: "
        f"{', '.join(str(c) for c in candidates)}). Reinstall wijkwijs, or set "
        "WIJKWIJS_APPS to the folder.")


def template_root() -> Path:
    """The Jupyter data folder holding the apps' Voilà template (``voila/templates/wijkwijs``).

    ``wijkwijs app`` puts it first on ``JUPYTER_PATH``, so Voilà finds the template there
    and Voilà's own templates (which it extends) where they are installed.

    >>> (template_root() / "voila" / "templates" / TEMPLATE / "index.html.j2").is_file()
    True
    """
    return apps_dir() / "share"


def app_language(default: str = "en") -> str:
    """The language an app shows: ``WIJKWIJS_LANGUAGE`` if it names one, else ``default``.

    >>> os.environ[LANGUAGE_ENV] = "nl"; app_language()
    'nl'
    >>> del os.environ[LANGUAGE_ENV]; app_language()
    'en'
    """
    language = os.environ.get(LANGUAGE_ENV, default).strip().lower()
    return language if language in LANGUAGES else default
