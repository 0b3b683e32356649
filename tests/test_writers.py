"""Writers describe themselves, and everything else follows from that: a writer from
another package, registered by entry point, is built, cached, listed in the manifest
and the site's format box, its options checked from mkdocs.yml, and checked by `check`.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, copy_project

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines

TOY = FIXTURES / "toy_writer"


def with_toy() -> dict[str, str]:
    """The environment in which a process finds the toy writer's entry point."""
    return {**os.environ, "PYTHONPATH": str(TOY)}


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    command = Path(sys.executable).parent / "factsheets"
    return subprocess.run([str(command), *args], cwd=root, env=with_toy(), capture_output=True, text=True, timeout=600)


def set_plugin_block(root: Path, block: str) -> None:
    path = root / "mkdocs.yml"
    path.write_text(path.read_text().replace("  - factsheets\n", "  - factsheets:\n" + block), encoding="utf-8")


@pytest.fixture(scope="module")
def toy_project(built_small, tmp_path_factory) -> Path:
    """The small project with the toy writer switched on, built from the session's built copy:
    the other formats come from its cache, the toy's is made."""
    root = tmp_path_factory.mktemp("toy") / "small"
    shutil.copytree(built_small, root, symlinks=True)
    set_plugin_block(root, "      toy:\n        shout: true\n")
    result = run(root, "build")
    assert result.returncode == 0, result.stderr
    return root


def test_a_writer_from_another_package_is_built_and_listed(toy_project):
    manifest = json.loads((toy_project / "build" / "manifest.json").read_text())
    entry = manifest["factsheets"][0]
    words = toy_project / "build" / entry["formats"]["toy_words"]
    # Its option, from mkdocs.yml, reached it: the headings are in capitals.
    assert words.read_text().splitlines()[0].isupper()
    assert entry["details"]["toy_words"]["lines"] >= 1
    page = (toy_project / "build" / entry["formats"]["html"]).read_text()
    assert "Word list" in page and "every heading, one a line" in page


def test_a_writer_from_another_package_is_cached(toy_project):
    result = run(toy_project, "build")
    assert result.returncode == 0, result.stderr
    assert "0 job(s) built" in result.stdout


# The check of the toy's format alone, as `factsheets check` runs it (run_check), in a process
# that finds the toy's entry point: the whole check (the EPUB under EPUBCheck and Ace, every page
# in Chromium) cost about 40 s of processor time and read nothing of the toy's.
TOY_CHECK = """
import sys
from pathlib import Path
from factsheets.check import run_check
report = run_check(Path(sys.argv[1]), website=False, only={"toy_words"})
print([f.message for f in report.all()])
print([c for checked in report.checked.values() for c in checked])
"""


def test_check_runs_its_validator(toy_project):
    result = subprocess.run([sys.executable, "-c", TOY_CHECK, str(toy_project)], cwd=toy_project, capture_output=True, text=True,
                            env=with_toy(), timeout=600)
    assert result.returncode == 0, result.stderr
    messages, checked = result.stdout.splitlines()
    assert "the word list has" in messages
    assert "toy_words" in checked


def test_its_options_are_checked_with_the_line_in_mkdocs_yml(tmp_path):
    root = copy_project(tmp_path / "p", FIXTURES / "small")
    set_plugin_block(root, "      toy:\n        shuot: true\n")
    result = run(root, "build", "--format", "toy")
    assert result.returncode == 1
    assert "mkdocs.yml:" in result.stderr and "did you mean 'shout'" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    line = int(result.stderr.split("mkdocs.yml:")[1].split(":")[0])
    assert "shuot" in (root / "mkdocs.yml").read_text().splitlines()[line - 1]


def test_its_name_is_in_the_command_line_help(tmp_path):
    result = run(tmp_path, "build", "--help")
    assert "toy (word list)" in result.stdout


@pytest.mark.parametrize("block, words", [
    ("      pdf:\n        print_size: 12\n", "12 pt is not large print"),
    ("      pdf:\n        print_size: big\n", "must be a whole number or a number"),
    ("      audio:\n        rate: true\n", "must be a whole number"),
    ("      braille: 5\n", "'braille' must be a group of settings"),
    ("      pfd:\n        print_size: 18\n", "did you mean 'pdf'"),
])
def test_every_writers_options_are_checked_from_its_own_description(tmp_path, block, words):
    root = copy_project(tmp_path / "p", FIXTURES / "small")
    set_plugin_block(root, block)
    result = run(root, "build", "--format", "print")
    assert result.returncode == 1 and words in result.stderr, result.stderr
    assert result.stderr.startswith("mkdocs.yml:")


def test_a_code_change_changes_the_cache_key(monkeypatch):
    """The key holds a hash of the writer's code and the shared assets (print.css, say)."""
    from factsheets import writers

    before = writers.code_digest("pdf")
    writers.code_digest.cache_clear()
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: real(self) + (b"/* edited */" if self.name == "print.css" else b""))
    assert writers.code_digest("pdf") != before
    # A change to the site's own code changes no writer's output.
    writers.code_digest.cache_clear()
    monkeypatch.setattr(Path, "read_bytes", lambda self: real(self) + (b"# edited" if self.name == "site.py" else b""))
    assert writers.code_digest("pdf") == before
    writers.code_digest.cache_clear()
