"""Shared fixtures: copies of the frozen leaflet, built once, and the command line.

Tests never read the live project (docs/, glossary/, organisation.yml at the top of the
repository): staff edit those, as the README invites, and an edit must not turn the tests red.
They build LEAFLET, a frozen copy of the leaflet as it was, instead. The live project is
still built and checked in CI, by `factsheets build` and `factsheets check`.

The session's built projects (built_project, built_small, built_corpus, checked_project...) are
read, never changed. Under pytest-xdist (`-n 2`) each worker is a session of its own: rather than build
each project once a worker, the first worker to need one builds it into the folder the
workers share, under a file lock, and the others wait for it and read the same copy.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

# One build date for every build of the test run, its own processes' and its workers' (they
# inherit it): MkDocs dates the sitemap by the day it is built (sitemap.xml's lastmod, the gzip
# header), and takes that day from SOURCE_DATE_EPOCH where it is set. A run that went past
# midnight compared the sitemap of a build made the day before with one made the day after.
os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))

# The repository: for its code and scripts only, never its project files (see above).
REPO = Path(__file__).resolve().parents[1]
PROJECT_FILES = ("mkdocs.yml", "organisation.yml", "docs", "glossary", "shared")
FIXTURES = Path(__file__).parent / "fixtures"
LEAFLET = FIXTURES / "leaflet"
SEND_SLUG = "what-if-i-do-not-agree"


# The tiers' markers. A test module marked as a whole with one of them (a line
# `pytestmark = pytest.mark.engines`) holds no test of the fast tier: the fast tier does not
# import it (its imports, Playwright and the engines' bindings among them, were about a second
# of the tier's time).
TIERS = ("engines", "browser", "hostile")
WHOLE_MODULE_TIER = re.compile(r"^pytestmark = pytest\.mark\.(engines|browser|hostile)$", re.MULTILINE)


def pytest_ignore_collect(collection_path: Path, config) -> bool | None:
    """True for a test module that `-m` deselects whatever other tier markers its tests add.
    Only for an expression of the tiers' markers alone; anything else is collected as usual."""
    from itertools import combinations

    from _pytest.mark.expression import Expression

    expression = config.getoption("markexpr")
    if not expression or collection_path.suffix != ".py" or not collection_path.name.startswith("test_"):
        return None
    if set(re.findall(r"\w+", expression)) - {*TIERS, "and", "or", "not"}:
        return None
    marked = WHOLE_MODULE_TIER.search(collection_path.read_text(encoding="utf-8"))
    if not marked:
        return None
    tier = marked.group(1)
    others = [t for t in TIERS if t != tier]
    compiled = Expression.compile(expression)
    marks_a_test_may_have = [{tier, *more} for n in range(len(others) + 1) for more in combinations(others, n)]
    return True if not any(compiled.evaluate(marks.__contains__) for marks in marks_a_test_may_have) else None


def copy_project(dest: Path, source: Path = LEAFLET) -> Path:
    """A copy of a project (the frozen leaflet by default) to build and break freely."""
    dest.mkdir(parents=True, exist_ok=True)
    translated = [p.name for p in source.glob("organisation.*.yml")]  # organisation.cy.yml: a translation's
    for name in (*PROJECT_FILES, *translated):
        item = source / name
        if item.is_dir():
            shutil.copytree(item, dest / name)
        elif item.exists():
            shutil.copy2(item, dest / name)
    return dest


def changed_book(source: Path, target: Path, name: str, change) -> Path:
    """A copy of an EPUB with one of its files changed (change: its text -> the new text)."""
    import zipfile

    with zipfile.ZipFile(source) as book, zipfile.ZipFile(target, "w") as copy:
        for info in book.infolist():
            data = book.read(info.filename)
            copy.writestr(info, change(data.decode("utf-8")).encode("utf-8") if info.filename == name else data)
    return target


def pages_moved_on(source: Path, target: Path) -> Path:
    """A copy of an EPUB whose page markers each say the next page: a page list a page out."""
    import re

    return changed_book(source, target, "EPUB/text.xhtml",
                        lambda text: re.sub(r'id="page-(\d+)"', lambda n: f'id="page-{int(n.group(1)) + 1}"', text))


def factsheets(root: Path, *args: str, timeout: float = 1800) -> subprocess.CompletedProcess:
    """Runs the installed `factsheets` command in a project folder, as staff would."""
    command = Path(sys.executable).parent / "factsheets"
    return subprocess.run([str(command), *args], cwd=root, capture_output=True, text=True, timeout=timeout)


def built_once(tmp_path_factory, name: str, source: Path, *options: str, inside: str | None = None) -> Path:
    """A copy of the project at source (in a folder named `inside`, by default as source is),
    built with every format (and the options) once in the test run: once in this session, or
    once for all pytest-xdist workers (see above)."""
    inside = source.name if inside is None else inside

    def build(folder: Path) -> None:
        result = factsheets(copy_project(folder / inside, source), "build", *options)
        assert result.returncode == 0, result.stderr

    return made_once(tmp_path_factory, name, build) / inside


def made_once(tmp_path_factory, name: str, make) -> Path:
    """A folder that make(folder) fills, once in the test run: once in this session, or once
    for all pytest-xdist workers (the first to ask makes it under a lock; the others wait)."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        folder = tmp_path_factory.mktemp(name)
        make(folder)
        return folder
    shared = tmp_path_factory.getbasetemp().parent / "built-once"  # the run's folder, above each worker's own
    shared.mkdir(exist_ok=True)
    folder, done = shared / name, shared / f"{name}.done"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, or the worker dies
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a worker that failed left
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def built_project(tmp_path_factory) -> Path:
    """The frozen leaflet, copied and built once with every format."""
    return built_once(tmp_path_factory, "project", LEAFLET, inside="")


@pytest.fixture(scope="session")
def checked_project(built_project, tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """A copy of built_project checked with `factsheets check` once in the test run, and what the
    check said. Its results are kept in its build (check/kept.py), so a copy of it checks again
    only what a test changed. Read it, never change it: copy it first, as built_small."""
    import json

    def check(folder: Path) -> None:
        root = folder / "project"
        shutil.copytree(built_project, root, symlinks=True)
        result = factsheets(root, "check")
        (folder / "said.json").write_text(json.dumps([result.returncode, result.stdout, result.stderr]))

    folder = made_once(tmp_path_factory, "checked", check)
    returncode, stdout, stderr = json.loads((folder / "said.json").read_text())
    return folder / "project", subprocess.CompletedProcess(["factsheets", "check"], returncode, stdout, stderr)


@pytest.fixture(scope="session")
def built_small(tmp_path_factory) -> Path:
    """The small fixture project, copied and built once with every format, shared by the test
    modules that need a plain fresh build of it. Read it, never change it: copy it first
    (`shutil.copytree(built_small, dest, symlinks=True)`; build/ is a link)."""
    return built_once(tmp_path_factory, "small-built", FIXTURES / "small", "--quiet")


@pytest.fixture(scope="session")
def manifest(built_project) -> dict:
    import json

    return json.loads((built_project / "build" / "manifest.json").read_text())


@pytest.fixture(scope="session")
def send_entry(manifest) -> dict:
    return next(e for e in manifest["factsheets"] if e["slug"] == SEND_SLUG)


@pytest.fixture
def small_project(tmp_path) -> Path:
    """A small fixture project: one short factsheet, two glossary terms."""
    return copy_project(tmp_path / "small", FIXTURES / "small")


def _built(tmp_path_factory, name: str) -> Path:
    return built_once(tmp_path_factory, name, FIXTURES / name, "--quiet")


@pytest.fixture(scope="session")
def built_corpus(tmp_path_factory) -> Path:
    """The corpus (staff-written factsheets with tables, pictures, call-outs, footnotes, long
    addresses and money), copied and built once with every format. Read it, never change it."""
    return _built(tmp_path_factory, "corpus")


@pytest.fixture(scope="session")
def corpus_site(built_corpus) -> Path:
    """The corpus's website (built_corpus)."""
    return built_corpus / "build" / "site"


@pytest.fixture(scope="session")
def translated_site(tmp_path_factory) -> Path:
    """The leaflet with its sample translations (Welsh, Polish, Arabic, Urdu, Chinese), built
    with every format once: its website. Read it, never change it."""
    return _built(tmp_path_factory, "translated") / "build" / "site"


@pytest.fixture(scope="session")
def languages_site(tmp_path_factory) -> Path:
    """Factsheets written in community languages (not translations), built once: its website."""
    return _built(tmp_path_factory, "languages") / "build" / "site"
