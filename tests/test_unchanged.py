"""A build with nothing to do stops before reading the project (build/unchanged.py)."""

from __future__ import annotations

import json
import os

from factsheets.build import unchanged


def project(tmp_path):
    root = tmp_path / "p"
    (root / "docs/factsheets").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: x\n")
    (root / "docs/factsheets/a.md").write_text("# A\n")
    return root


def published(root, print_fingerprint):
    build = root / "build"
    (build / "site/files/a").mkdir(parents=True)
    (build / "site/index.html").write_text("<html>")
    (build / "site/files/a/a.pdf").write_bytes(b"%PDF")
    (build / "manifest.json").write_text(json.dumps({"factsheets": [{"slug": "a", "formats": {"pdf": "site/files/a/a.pdf"}}]}))
    unchanged.save(build, print_fingerprint, [], ["pdf: a"])
    return build


def test_the_fingerprint_changes_with_an_edit_a_new_file_a_removed_one_and_the_arguments(tmp_path):
    root = project(tmp_path)
    first = unchanged.fingerprint(root, {"formats": None})
    assert unchanged.fingerprint(root, {"formats": None}) == first
    page = root / "docs/factsheets/a.md"
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 1_000_000))
    edited = unchanged.fingerprint(root, {"formats": None})
    assert edited != first
    (root / "docs/factsheets/b.md").write_text("# B\n")
    added = unchanged.fingerprint(root, {"formats": None})
    assert added != edited
    (root / "docs/factsheets/b.md").unlink()
    assert unchanged.fingerprint(root, {"formats": None}) == edited
    assert unchanged.fingerprint(root, {"formats": ["pdf"]}) != edited
    # What the build itself writes is not an input: build/ is a link to the published build in .builds/.
    (root / ".builds/build-1").mkdir(parents=True)
    (root / ".builds/build-1/manifest.json").write_text("{}")
    (root / "build").symlink_to(".builds/build-1")
    (root / ".factsheets-build.lock").write_text("")
    assert unchanged.fingerprint(root, {"formats": None}) == edited
    (root / ".builds/build-2").mkdir()
    (root / "build").unlink()
    (root / "build").symlink_to(".builds/build-2")
    assert unchanged.fingerprint(root, {"formats": None}) == edited


def test_the_last_build_is_said_again_only_when_its_fingerprint_matches_and_its_files_are_untouched(tmp_path):
    root = project(tmp_path)
    build = published(root, "abc")
    last = unchanged.last_build(build, "abc")
    assert last is not None and unchanged.said_again(last, build).cached == ["pdf: a"]
    assert unchanged.last_build(build, "other") is None
    (build / "site/files/a/a.pdf").write_bytes(b"%PD")  # damaged by hand
    assert unchanged.last_build(build, "abc") is None
    (build / "site/files/a/a.pdf").unlink()
    assert unchanged.last_build(build, "abc") is None


def test_a_missing_or_unreadable_record_means_a_full_build(tmp_path):
    root = project(tmp_path)
    assert unchanged.last_build(root / "build", "abc") is None
    build = published(root, "abc")
    (build / unchanged.RECORD).write_text("{not json")
    assert unchanged.last_build(build, "abc") is None


def test_a_new_link_to_a_folder_or_a_file_outside_is_a_change(tmp_path):
    root = project(tmp_path)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside/secret.md").write_text("secret")
    before = unchanged.fingerprint(root, {})
    (root / "docs/elsewhere").symlink_to(tmp_path / "outside")
    with_folder = unchanged.fingerprint(root, {})
    assert with_folder != before
    (root / "docs/factsheets/b.md").symlink_to(tmp_path / "outside/secret.md")
    assert unchanged.fingerprint(root, {}) != with_folder


def test_an_edit_of_the_same_length_with_its_time_put_back_is_a_change(tmp_path):
    root = project(tmp_path)
    page = root / "docs/factsheets/a.md"
    times = (page.stat().st_atime_ns, page.stat().st_mtime_ns)
    before = unchanged.fingerprint(root, {})
    page.write_text("# B\n")
    os.utime(page, ns=times)  # as cp -p or an unzip leaves it
    assert unchanged.fingerprint(root, {}) != before


def test_a_folder_called_build_inside_docs_is_an_input(tmp_path):
    root = project(tmp_path)
    (root / "docs/build").mkdir()
    (root / "docs/build/diagram.png").write_bytes(b"one")
    before = unchanged.fingerprint(root, {})
    (root / "docs/build/diagram.png").write_bytes(b"two")
    assert unchanged.fingerprint(root, {}) != before


def test_a_link_to_a_device_or_a_named_pipe_is_not_read(tmp_path):
    # Hostile input: a lexicon linked to /dev/zero, which never ends (the full build refuses it).
    root = project(tmp_path)
    (root / "glossary").mkdir()
    (root / "glossary/zero.yml").symlink_to("/dev/zero")
    os.mkfifo(root / "glossary/pipe.yml")
    first = unchanged.fingerprint(root, {})
    assert unchanged.fingerprint(root, {}) == first
