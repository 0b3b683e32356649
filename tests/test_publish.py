"""Publishing: killed at any step (SIGKILL), build/ is the old complete build or the new one,
and the next build succeeds, reusing the cache and removing what the dead build left."""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factsheets.build import build
from factsheets.build.publish import BUILDS_DIR

from conftest import FIXTURES, copy_project, factsheets

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines

BEFORE_PUBLISHING = ["pool", "site", "publish-start", "publish-linked"]
AFTER_PUBLISHING = ["publish-swapped", "publish-done"]


def tree(folder: Path) -> dict[str, str]:
    # .unchanged.json records the build's inputs and files with their times: not an output,
    # and different in every copy by design.
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".unchanged.json"}


def build_killed_at(root: Path, step: str) -> subprocess.CompletedProcess:
    command = Path(sys.executable).parent / "factsheets"
    return subprocess.run([str(command), "build", "--format", "print,pdf"], cwd=root, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "FACTSHEETS_TEST_KILL_AT": step})


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """A project built with one format (the old build), and a copy built again with two (the new one)."""
    old = copy_project(tmp_path_factory.mktemp("old"), FIXTURES / "small")
    assert factsheets(old, "build", "--format", "print").returncode == 0
    new = tmp_path_factory.mktemp("new") / "p"
    shutil.copytree(old, new, symlinks=True)
    assert factsheets(new, "build", "--format", "print,pdf").returncode == 0
    return old, tree(old / "build"), tree(new / "build")


@pytest.fixture
def project(builds, tmp_path):
    root = tmp_path / "p"
    shutil.copytree(builds[0], root, symlinks=True)
    return root


@pytest.mark.parametrize("step", BEFORE_PUBLISHING + AFTER_PUBLISHING)
def test_a_build_killed_at_any_step_leaves_a_complete_build_and_the_next_reuses_the_cache(builds, project, step):
    _, old, new = builds
    killed = build_killed_at(project, step)
    assert killed.returncode == -9, killed.stderr
    assert tree(project / "build") == (old if step in BEFORE_PUBLISHING else new)
    again = factsheets(project, "build", "--format", "print,pdf")
    assert again.returncode == 0, again.stderr
    cached = 1 if step in BEFORE_PUBLISHING else 2  # print from the last build; the PDF too once it was published
    assert f"{2 - cached} job(s) built, {cached} from the cache" in again.stdout, again.stdout
    assert tree(project / "build") == new
    assert [p.name for p in (project / BUILDS_DIR).iterdir()] == [(project / "build").resolve().name]
    assert not list(project.glob(".build-*"))


@pytest.mark.parametrize("step", ["publish-linked", "publish-swapped"])
def test_a_build_folder_from_an_earlier_version_is_replaced_in_one_step(builds, project, step):
    _, old, new = builds
    published = (project / "build").resolve()
    (project / "build").unlink()
    published.rename(project / "build")  # build/ as a plain folder, as earlier versions made it
    killed = build_killed_at(project, step)
    assert killed.returncode == -9, killed.stderr
    assert tree(project / "build") == (old if step == "publish-linked" else new)
    assert factsheets(project, "build", "--format", "print,pdf").returncode == 0
    assert (project / "build").is_symlink() and tree(project / "build") == new
    assert not list(project.glob(".build-*"))


def test_what_a_dead_build_left_is_removed_by_the_next(project):
    for leftover in (".build-new-abc123", ".build-old-4242", f"{BUILDS_DIR}/build-xyz"):
        (project / leftover).mkdir()
        (project / leftover / "half-written.html").write_text("<p>half")
    (project / ".build-link-99").symlink_to(f"{BUILDS_DIR}/build-xyz")
    assert factsheets(project, "build", "--format", "print").returncode == 0
    assert not list(project.glob(".build-*"))
    assert [p.name for p in (project / BUILDS_DIR).iterdir()] == [(project / "build").resolve().name]


def test_build_is_a_path_staff_can_open(project):
    index = project / "build" / "site" / "index.html"
    assert index.is_file() and "<html" in index.read_text()
    assert os.readlink(project / "build").startswith(BUILDS_DIR + "/")  # relative: the project can be moved or copied


def test_a_site_page_altered_in_build_is_not_carried_forward(project):
    page = project / "build/site/factsheets/short.html"
    good = page.read_bytes()
    page.unlink()  # it is hard-linked into the next build: write a new file
    page.write_bytes(good.replace(b"<body", b"<body data-altered", 1))
    result = build(project, formats=["print"])
    assert not result.site_cached
    assert (project / "build/site/factsheets/short.html").read_bytes() == good
    assert build(project, formats=["print"]).site_cached  # and the next, with nothing changed, reuses it
