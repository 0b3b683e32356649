"""The website is the same whether MkDocs or ProperDocs (its continuation) builds it."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, copy_project
from factsheets import site_engine

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_the_variable_chooses_and_a_wrong_value_is_refused(monkeypatch):
    monkeypatch.setenv(site_engine.VARIABLE, "ProperDocs")
    assert site_engine.chosen() == "properdocs"
    monkeypatch.setenv(site_engine.VARIABLE, "mkdocs")
    assert site_engine.chosen() == "mkdocs"
    monkeypatch.setenv(site_engine.VARIABLE, "hugo")
    with pytest.raises(SystemExit, match="write mkdocs or properdocs"):
        site_engine.chosen()
    monkeypatch.delenv(site_engine.VARIABLE)
    assert site_engine.chosen() == "mkdocs"  # installed: MkDocs first


def site_with(engine: str, tmp_path: Path) -> Path:
    root = copy_project(tmp_path / engine, FIXTURES / "small")
    env = {**os.environ, site_engine.VARIABLE: engine}
    done = subprocess.run([sys.executable, "-m", "factsheets.cli", "build", "--format", "html", "--quiet"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return root / "build" / "site"


@pytest.mark.engines
def test_mkdocs_and_properdocs_make_the_same_pages(tmp_path):
    by_mkdocs, by_properdocs = site_with("mkdocs", tmp_path), site_with("properdocs", tmp_path)
    files = sorted(p.relative_to(by_mkdocs) for p in by_mkdocs.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(by_properdocs) for p in by_properdocs.rglob("*") if p.is_file())
    assert b"ProperDocs" in (by_properdocs / "index.html").read_bytes()  # it really was ProperDocs
    different = [str(f) for f in files
                 if GENERATOR.sub(b"", (by_mkdocs / f).read_bytes()) != GENERATOR.sub(b"", (by_properdocs / f).read_bytes())]
    assert different == []
