"""Imports point down: pages → ui → render → db; seed, cli, harness and bench beside; tests on top.

Every import statement counts, those inside functions too, so no arrow can hide from the picture.
"""
import ast

import pytest

from tests.sources import ROOT, package_of, product_sources

PROJECT_PACKAGES = {"db", "render", "ui", "pages", "cli", "seed", "bench", "harness", "tests"}
MAY_IMPORT = {
    "db": {"db"},
    "render": {"render", "db"},
    "seed": {"seed", "db"},
    "cli": {"cli", "render", "db"},
    "ui": {"ui", "render", "db", "seed"},         # seed: the first start fills the default database with the demo
    "pages": {"ui", "render", "db"},
    "harness": {"harness", "db", "seed"},
    "bench": {"bench", "harness", "ui", "render", "db", "seed"},
}
# `python -m db` is the command line other tools call; its entry file hands over to the cli package.
ENTRY_POINTS = {"db/__main__.py": {"cli"}}


def imported_packages(path) -> list[tuple[int, str]]:
    """(line, top-level project package) of every import in `path`, at any depth."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found += [(node.lineno, name.split(".")[0]) for name in names if name.split(".")[0] in PROJECT_PACKAGES]
    return found


def upward_imports(paths) -> list[str]:
    """Each import that leaves the packages its file's layer may use."""
    offenders = []
    for path in paths:
        relative = path.relative_to(ROOT).as_posix()
        allowed = MAY_IMPORT[package_of(path)] | ENTRY_POINTS.get(relative, set())
        offenders += [f"{relative}:{line} imports {package}" for line, package in imported_packages(path)
                      if package not in allowed]
    return offenders


def test_no_import_points_up():
    assert upward_imports(product_sources()) == []


def test_every_folder_has_a_layer():
    assert {package_of(path) for path in product_sources()} <= set(MAY_IMPORT)


def test_the_check_sees_an_import_inside_a_function(tmp_path, monkeypatch):
    fake = tmp_path / "db" / "sneaky.py"
    fake.parent.mkdir()
    fake.write_text("def f():\n    from ui import cache\n    return cache\n", encoding="utf-8")
    monkeypatch.setattr("tests.test_layers.ROOT", tmp_path)
    monkeypatch.setattr("tests.sources.ROOT", tmp_path)
    assert upward_imports([fake]) == ["db/sneaky.py:2 imports ui"]


@pytest.mark.parametrize("package", ["ui", "seed", "render", "cli"])
def test_the_data_layer_imports_nothing_above_it(package):
    assert not [path for path in product_sources() if package_of(path) == "db"
                and any(name == package for _, name in imported_packages(path))
                and path.relative_to(ROOT).as_posix() not in ENTRY_POINTS]
