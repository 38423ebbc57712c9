"""The library's layers hold: read every module's imports with ``ast`` and check them.

The dependency direction (``CONTRIBUTING.md`` draws it) is::

    core (_validate, i18n, paths, style, published)
      -> measures and models (inequality, segregation, models/)
      -> Havenstad data and analyses (havenstad/, examples/)   <- exercise banks (exercises/)
      -> figures (figures/) -> maps (maps/) -> widgets and explorers -> notebooks

A module may import wijkwijs modules of its own layer or a lower one, never a higher
one. The pure layers (everything left of figures, and the exercises) import no
plotting, widget or map library, not even inside a function. No module imports
another module's private (``_name``) helper. No module is over 1,000 lines.

Each rule is also tried on small invented modules, so this test would fail on any of
the inversions it is meant to catch.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "helpers" / "wijkwijs"
MAX_LINES = 1_000

#: layer of each top-level part of the package (a module or a subpackage)
LAYER_OF_PART: dict[str, int] = {
    "__init__": 0, "_validate": 0, "i18n": 0, "paths": 0, "style": 0, "published": 0,
    "inequality": 1, "segregation": 1, "models": 1, "infrastructure": 1, "networks": 1,
    "survival": 1,
    "havenstad": 2, "examples": 2, "exercises": 2, "opendata": 2, "fieldwork": 2,
    "figures": 3,
    "maps": 4,
    "widgets": 5, "explorers": 5,
    "student": 6, "cli": 6, "workfolder": 6, "apps": 6, "site": 6, "hub": 6, "translation": 6,
}
LAYER_NAMES = {0: "core", 1: "measures and models", 2: "Havenstad, examples and exercises",
               3: "figures", 4: "maps", 5: "widgets and explorers", 6: "tools"}
PURE_LAYER = 2  # this layer and below draw nothing
VIEW_LIBRARIES = ("matplotlib", "ipywidgets", "folium", "branca", "IPython.display")
FIGURE_FORBIDDEN = ("ipywidgets", "folium", "branca")
MAP_FORBIDDEN = ("ipywidgets",)


def part_of(dotted: str) -> str | None:
    """The top-level part of ``wijkwijs.x.y`` (``"x"``), or None outside wijkwijs."""
    pieces = dotted.split(".")
    if pieces[0] != "wijkwijs":
        return None
    return pieces[1] if len(pieces) > 1 else "__init__"


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imports(tree: ast.AST) -> list[tuple[str, list[str], int]]:
    """Every import in the tree, also inside functions: (module, imported names, line).

    Relative imports are reported with a leading dot, so that the test asks for the
    absolute form the package uses.
    """
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, [], node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            found.append((module, [a.name for a in node.names], node.lineno))
    return found


def wijkwijs_aliases(tree: ast.AST) -> dict[str, str]:
    """Local name -> dotted wijkwijs module, for every ``import``/``from`` of a module."""
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if part_of(alias.name):
                    aliases[alias.asname or alias.name.split(".")[0]] = (
                        alias.name if alias.asname else alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and part_of(node.module or ""):
            for alias in node.names:
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return aliases


def problems_in(source: str, name: str) -> list[str]:
    """The layer problems of one module's source text (``name`` is its dotted name)."""
    tree = ast.parse(source)
    own_part = part_of(name)
    own_layer = LAYER_OF_PART.get(own_part)
    if own_layer is None:
        return [f"{name}: not in the layer map of tests/test_layers.py; add it"]
    problems = []
    for module, names, line in imports(tree):
        where = f"{name} line {line}"
        if module.startswith("."):
            problems.append(f"{where}: relative import {module}; write wijkwijs.…")
            continue
        if own_layer <= PURE_LAYER and module.startswith(VIEW_LIBRARIES):
            problems.append(f"{where}: the {LAYER_NAMES[own_layer]} layer imports {module}")
        if own_part == "figures" and module.startswith(FIGURE_FORBIDDEN):
            problems.append(f"{where}: figures import {module}")
        if own_part == "maps" and module.startswith(MAP_FORBIDDEN):
            problems.append(f"{where}: maps import {module}")
        if part_of(module) is None:
            continue
        # ``from wijkwijs import maps`` imports the part "maps", not the package root
        targets = [f"{module}.{n}" if n in LAYER_OF_PART else module for n in names] \
            if module == "wijkwijs" and names else [module]
        for target in targets:
            target_layer = LAYER_OF_PART.get(part_of(target))
            if target_layer is None:
                problems.append(f"{where}: imports {target}, which has no layer")
            elif target_layer > own_layer:
                problems.append(f"{where}: {LAYER_NAMES[own_layer]} ({name}) imports "
                                f"{LAYER_NAMES[target_layer]} ({target})")
        for imported in names:
            if imported == "_validate":  # the package's shared input checks: meant for all
                continue
            if imported.startswith("_") and not imported.startswith("__") and module != name:
                problems.append(f"{where}: imports the private name {imported} from {module}")
    aliases = wijkwijs_aliases(tree)
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.attr.startswith("_") and not node.attr.startswith("__")):
            target = aliases.get(node.value.id)
            if target is not None and target != name:
                problems.append(f"{name} line {node.lineno}: uses the private name "
                                f"{node.value.id}.{node.attr} of {target}")
    lines = source.count("\n") + 1
    if lines > MAX_LINES:
        problems.append(f"{name}: {lines} lines, more than {MAX_LINES}")
    return problems


def package_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def test_every_module_respects_the_layers():
    problems = []
    for name, path in package_modules().items():
        problems.extend(problems_in(path.read_text(encoding="utf-8"), name))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("name", "source", "expected"), [
    ("wijkwijs.segregation", "import matplotlib.pyplot as plt", "imports matplotlib"),
    ("wijkwijs.models.ties", "def f():\n    import ipywidgets\n", "imports ipywidgets"),
    ("wijkwijs.havenstad.views", "from folium import Map", "imports folium"),
    ("wijkwijs.havenstad.views", "from wijkwijs.figures import segregation",
     "imports figures"),
    ("wijkwijs.exercises.ch2", "from wijkwijs.explorers import segregation as ch2",
     "imports widgets and explorers"),
    ("wijkwijs.exercises.ch1", "from wijkwijs import maps", "imports maps"),
    ("wijkwijs.figures.paradox", "from wijkwijs.explorers.paradox import paradox_explorer",
     "figures (wijkwijs.figures.paradox) imports widgets and explorers"),
    ("wijkwijs.figures.paradox", "import ipywidgets as w", "figures import ipywidgets"),
    ("wijkwijs.maps.builders", "from wijkwijs.widgets import Explorer", "imports widgets"),
    ("wijkwijs.explorers.segregation", "from wijkwijs.havenstad.views import _polygons",
     "private name _polygons"),
    ("wijkwijs.explorers.segregation",
     "from wijkwijs.havenstad import views as hv\nhv._polygons('buurt', 'city')",
     "private name hv._polygons"),
    ("wijkwijs.inequality", "x = 1\n" * (MAX_LINES + 1), "more than 1000"),
    ("wijkwijs.havenstad.load", "from . import constants", "relative import"),
    ("wijkwijs.figures.segregation", "import wijkwijs.explorers.segregation",
     "imports widgets and explorers"),
])
def test_each_inversion_is_caught(name, source, expected):
    problems = problems_in(textwrap.dedent(source), name)
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize(("name", "source"), [
    ("wijkwijs.explorers.segregation", "from wijkwijs.figures import segregation"),
    ("wijkwijs.figures.segregation", "from wijkwijs.havenstad import views as hv"),
    ("wijkwijs.exercises.ch2", "from wijkwijs.havenstad import views as hv"),
    ("wijkwijs.havenstad.views", "from wijkwijs._validate import check_year"),
    ("wijkwijs.maps.builders", "from wijkwijs import _validate"),
    ("wijkwijs.maps.builders", "from wijkwijs.figures import polygons"),
    ("wijkwijs.segregation", "import numpy as np\nnp._NoValue"),  # not a wijkwijs module
    ("wijkwijs.exercises.ch5", "def answer():\n    import networkx\n"),  # a model library
])
def test_allowed_imports_pass(name, source):
    assert problems_in(source, name) == []


def test_checking_an_exercise_imports_no_view_library():
    """In a fresh interpreter, checking every exercise loads no widget, map or pyplot.

    networkx is a model library (the tie model of chapter 5 and the referral networks of
    chapters 6, 7 and 8 build graphs), so only the chapters before the first network
    exercises (0-4) are held to not loading it; the chapters run in order, so a later
    chapter inherits what an earlier one loaded.
    """
    code = textwrap.dedent("""
        import sys
        from wijkwijs import exercises
        out = []
        ids = sorted(exercises.all_exercises())
        heavy = ("ipywidgets", "folium", "matplotlib.pyplot", "networkx")
        loaded_after_import = [m for m in heavy if m in sys.modules]
        chapters = sorted({i.split(".")[0] for i in ids if i[0].isdigit()}, key=int)
        for chapter in chapters:
            for exercise_id in ids:
                if exercise_id.startswith(chapter + "."):
                    exercises.check(exercise_id, 0)
            loaded = [m for m in heavy if m in sys.modules]
            out.append(f"{chapter}:{','.join(loaded)}")
        print(";".join(loaded_after_import) + "|" + "|".join(out))
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    after_import, *per_chapter = result.stdout.strip().split("|")
    assert after_import == "", f"loading the banks imported {after_import}"
    for entry in per_chapter:
        chapter, loaded = entry.split(":")
        loaded = set(filter(None, loaded.split(",")))
        assert not loaded & {"ipywidgets", "folium", "matplotlib.pyplot"}, (chapter, loaded)
        if int(chapter) < 5:
            assert "networkx" not in loaded, (chapter, loaded)
