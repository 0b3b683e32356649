"""Loading a project: the same project whatever path names it."""

from pathlib import Path

from conftest import FIXTURES, copy_project
from factsheets.project import load_project


def test_a_project_named_by_a_relative_path_loads_as_by_its_absolute_one(tmp_path, monkeypatch):
    root = copy_project(tmp_path / "p", FIXTURES / "small")
    monkeypatch.chdir(root)
    relative = load_project(Path("."))
    absolute = load_project(root)
    assert relative.config.root == absolute.config.root == root.resolve()
    assert [d.meta for d in relative.documents] == [d.meta for d in absolute.documents]
