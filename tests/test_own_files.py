"""The build's own lock, .builds/ and build/ are what the build made, or the build stops
before opening or removing anything (own_files.py); a build/ not made on this computer is
never read."""

import os

import pytest

from factsheets.build.own_files import BUILDS_DIR, LOCK_FILE, check_own_files, is_marked, mark
from factsheets.errors import SourceError


@pytest.fixture(autouse=True)
def own_key(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture
def root(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    return project


def refused(root) -> str:
    with pytest.raises(SourceError) as raised:
        check_own_files(root, root / "build")
    return str(raised.value)


def made_build(root):
    folder = root / BUILDS_DIR / "build-abc"
    folder.mkdir(parents=True)
    (root / "build").symlink_to(f"{BUILDS_DIR}/build-abc")
    return folder


def test_a_new_project_has_nothing_to_trust(root):
    assert check_own_files(root, root / "build") is False


def test_a_build_made_here_is_trusted(root):
    mark(made_build(root))
    assert check_own_files(root, root / "build") is True


def test_a_build_folder_without_the_mark_is_not_read(root):
    made_build(root)
    assert check_own_files(root, root / "build") is False


def test_a_mark_written_by_someone_else_is_not_this_computers(root, tmp_path, monkeypatch):
    folder = made_build(root)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-computer"))
    mark(folder)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert not is_marked(folder) and check_own_files(root, root / "build") is False


def test_the_key_is_made_once_and_kept_private(root, tmp_path):
    mark(made_build(root))
    key = tmp_path / "cache" / "factsheets" / "build-key"
    assert key.stat().st_mode & 0o077 == 0 and len(key.read_bytes()) == 32
    assert is_marked(root / BUILDS_DIR / "build-abc")


def test_a_lock_that_is_a_link_is_refused_and_its_target_untouched(root, tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    (root / LOCK_FILE).symlink_to(target)
    assert refused(root).startswith(f"{LOCK_FILE}: this should be the build's own lock file, but it is a link")
    assert target.read_text() == "keep me"


def test_a_lock_that_is_a_named_pipe_is_refused(root):
    os.mkfifo(root / LOCK_FILE)
    assert "it is a named pipe" in refused(root)


@pytest.mark.parametrize("target", ["/etc", "glossary", f"{BUILDS_DIR}/../glossary", f"{BUILDS_DIR}/a/b"])
def test_build_pointing_anywhere_but_into_builds_is_refused(root, target):
    (root / "build").symlink_to(target)
    assert refused(root).startswith("build: this link should point to a build in .builds/")


def test_builds_as_a_link_is_refused(root, tmp_path):
    (root / BUILDS_DIR).symlink_to(tmp_path)
    assert refused(root).startswith(f"{BUILDS_DIR}: this should be the folder where the build keeps its builds, but it is a link")


def test_a_build_whose_folder_was_removed_by_hand_starts_afresh(root):
    (root / "build").symlink_to(f"{BUILDS_DIR}/build-gone")
    assert check_own_files(root, root / "build") is False
