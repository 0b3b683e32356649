"""Bad input, end to end: a clear `path:line: message`, exit status 1, no traceback,
and the previous build left exactly as it was."""

import hashlib
from pathlib import Path

import pytest

from conftest import copy_project, factsheets

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines

FACTSHEET = "docs/factsheets/short.md"


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def good_build(tmp_path_factory):
    """A small project built once; each test breaks a copy of it."""
    from conftest import FIXTURES

    root = copy_project(tmp_path_factory.mktemp("good"), FIXTURES / "small")
    result = factsheets(root, "build", "--format", "print")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def project(good_build, tmp_path):
    import shutil

    root = tmp_path / "p"
    shutil.copytree(good_build, root)
    return root


def break_and_build(root: Path, path: str, text: str | bytes):
    before = snapshot(root / "build")
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")
    result = factsheets(root, "build", "--format", "print")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(root / "build") == before, "the previous build/ must survive a failed build"
    return result.stderr


GOOD_HEAD = "---\ntitle: Broken\nsummary: s\nversion: 1\ndate: 2024-01\n---\n\n"


@pytest.mark.parametrize(
    "text, where, words",
    [
        ("---\ntitle: [unclosed\n---\n\nText.\n", f"{FACTSHEET}:2:", "YAML is not valid"),
        ("---\nsummary: no title here\n---\n\nText.\n", f"{FACTSHEET}:1:", "no title"),
        (GOOD_HEAD + "Fine.\n\nAsk the [[Parent Carer Forum]].\n", f"{FACTSHEET}:10:", '"Parent Carer Forum" is not in the glossary'),
        (GOOD_HEAD + "See [the other page](missing.md).\n", f"{FACTSHEET}:8:", "does not exist"),
        (GOOD_HEAD + "Hello.\n\n<script>steal()</script>\n", f"{FACTSHEET}:10:", "<script>"),
        (GOOD_HEAD + '<a href="x" onmouseover="steal()">x</a>\n', f"{FACTSHEET}:8:", "event attribute"),
        (GOOD_HEAD + "[Click me](javascript:steal())\n", f"{FACTSHEET}:8:", "javascript: link"),
    ],
    ids=["invalid-yaml", "no-title", "undefined-term", "missing-page", "script", "on-attribute", "javascript-link"],
)
def test_bad_factsheet_stops_the_build_and_says_where(project, text, where, words):
    message = break_and_build(project, FACTSHEET, text)
    assert message.startswith(where), message
    assert words in message


def test_a_file_that_is_not_utf8_names_the_line_of_the_bad_byte(project):
    text = (GOOD_HEAD + "Fine.\n\nCaf\xe9 au lait.\n").encode("latin-1")
    message = break_and_build(project, FACTSHEET, text)
    assert message.startswith(f"{FACTSHEET}:10:") and "not UTF-8" in message


def test_a_second_build_while_one_runs_is_refused_clearly(project):
    import fcntl

    with open(project / ".factsheets-build.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        result = factsheets(project, "build", "--format", "print")
    assert result.returncode == 1
    assert "another build of this project is running" in result.stderr


def test_a_nav_entry_mkdocs_would_refuse_is_named_at_its_line(project):
    # MkDocs itself said "Config value 'nav'" with no line; the schema's Nav spec names the line.
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    message = break_and_build(project, "mkdocs.yml", config.replace("docs_dir: docs", "nav:\n  - 5\ndocs_dir: docs"))
    assert message.startswith(f"mkdocs.yml:{config.split('docs_dir: docs')[0].count(chr(10)) + 2}: 'nav' must be a list of 'Title: page.md' lines"), message


def test_a_setting_outside_the_schema_is_refused_at_its_line_before_mkdocs_reads_it(project):
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    message = break_and_build(project, "mkdocs.yml", config.replace("name: material", "name: materiall"))
    assert message.startswith("mkdocs.yml:5: 'name' must be material"), message


def test_unknown_format_is_named(project):
    result = factsheets(project, "build", "--format", "pdff")
    assert result.returncode == 1 and "unknown format 'pdff'" in result.stderr


def test_a_line_for_each_format_and_a_summary_when_not_a_terminal(project):
    (project / "mkdocs.yml").touch()  # a change: the build reads the project again
    result = factsheets(project, "build", "--format", "print")
    assert result.returncode == 0, result.stderr
    assert "print: 1 from the cache\n" in result.stdout and "short" not in result.stdout
    (project / "mkdocs.yml").touch()
    verbose = factsheets(project, "build", "--format", "print", "--verbose")
    assert "print: short from the cache\n" in verbose.stdout and "print: 1 from the cache" not in verbose.stdout
    assert "0 job(s) built, 1 from the cache" in result.stdout
    assert "Website: " in result.stdout and "build/site/index.html" in result.stdout


def test_quiet_prints_nothing_but_problems(project):
    result = factsheets(project, "build", "--format", "print", "--quiet")
    assert result.returncode == 0 and result.stdout == ""


def test_the_summary_says_how_many_audio_sections_were_recorded_again(project):
    first = factsheets(project, "build", "--format", "audio")
    assert first.returncode == 0, first.stderr
    assert "Audio sections recorded: 4 (0 from the cache)." in first.stdout
    page = project / "docs/factsheets/short.md"
    page.write_text(page.read_text().replace("- ask for help", "- ask us for help"))
    again = factsheets(project, "build", "--format", "audio")
    assert again.returncode == 0, again.stderr
    assert "Audio sections recorded: 1 (3 from the cache)." in again.stdout


def edit(root: Path) -> None:
    page = root / FACTSHEET
    page.write_text(page.read_text().replace("\n---\n", "\n---\n\nOne more line, so the build has work to do.\n", 1))


def run_in_process(root: Path, monkeypatch, capsys, *args: str) -> tuple[int, str]:
    from factsheets import cli

    monkeypatch.chdir(root)
    status = cli.main(["build", "--format", "print", *args])
    return status, capsys.readouterr().err


def test_a_full_disk_in_a_job_is_one_line_naming_the_file(project, monkeypatch, capsys):
    """ENOSPC where a writer's output is saved (serial mode runs the job in this process)."""
    import errno

    from factsheets import cache

    def full(folder, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(folder / "entry.json"))

    before = snapshot(project / "build")
    edit(project)
    monkeypatch.setattr(cache, "save", full)
    status, err = run_in_process(project, monkeypatch, capsys, "--jobs", "1")
    assert status == 1 and "Traceback" not in err
    first = err.splitlines()[0]
    assert first.endswith("/entry.json: print: the disk is full: free some space (or empty the wastebasket), then build again"), err
    assert snapshot(project / "build") == before


def test_a_full_disk_while_publishing_is_one_line(project, monkeypatch, capsys):
    import errno

    from factsheets import build as build_package

    def full(root):
        raise OSError(errno.ENOSPC, "No space left on device", str(root / ".builds"))

    before = snapshot(project / "build")
    monkeypatch.setattr(build_package, "new_build_folder", full)
    status, err = run_in_process(project, monkeypatch, capsys)
    assert status == 1
    assert err.splitlines() == [f"{project / '.builds'}: the disk is full: free some space (or empty the wastebasket), then build again",
                                "The build stopped; the previous build/ folder is unchanged."]
    assert snapshot(project / "build") == before


@pytest.fixture
def small_disk(tmp_path):
    """A 8 MB disk of its own (tmpfs), so that it can really fill up."""
    import subprocess

    mount = tmp_path / "disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def test_a_really_full_disk_stops_the_build_in_one_line(good_build, small_disk):
    import os
    import shutil

    root = small_disk / "p"
    shutil.copytree(good_build, root, symlinks=True)
    before = snapshot(root / "build")
    edit(root)
    stats = os.statvfs(small_disk)
    (small_disk / "filler").write_bytes(b"\0" * (stats.f_bavail * stats.f_frsize - 100_000))  # 100 kB left
    result = factsheets(root, "build", "--format", "print")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "the disk is full: free some space" in result.stderr.splitlines()[0], result.stderr
    assert snapshot(root / "build") == before
    (small_disk / "filler").unlink()
    assert factsheets(root, "build", "--format", "print").returncode == 0  # with room again, it builds


def test_an_immutable_project_folder_stops_the_build_in_one_line(project):
    import subprocess

    before = snapshot(project / "build")
    edit(project)
    subprocess.run(["chattr", "+i", str(project)], check=True)
    try:
        result = factsheets(project, "build", "--format", "print")
    finally:
        subprocess.run(["chattr", "-i", str(project)], check=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(str(project)) and "locked (read-only or immutable; see lsattr)" in first, result.stderr
    assert snapshot(project / "build") == before


def test_a_read_only_disk_stops_the_build_in_one_line(project):
    import subprocess

    before = snapshot(project / "build")
    subprocess.run(["mount", "--bind", str(project), str(project)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(project)], check=True)
        result = factsheets(project, "build", "--format", "print")
    finally:
        subprocess.run(["umount", str(project)], check=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.splitlines()[0] == f"{project / '.factsheets-build.lock'}: this folder is on a read-only disk: build the project in a folder you can write to"
    assert snapshot(project / "build") == before


def test_jobs_must_be_a_count(project):
    result = factsheets(project, "build", "--jobs", "0")
    assert result.returncode == 2 and "'0' is not a number of jobs of 1 or more" in result.stderr


def test_every_problem_of_the_factsheets_is_printed_in_one_run(project):
    (project / "docs" / "factsheets" / "second.md").write_text(GOOD_HEAD + "A [[Local Ofer]].\n", encoding="utf-8")
    message = break_and_build(project, FACTSHEET, GOOD_HEAD + "See [the other page](secnd.md).\n\nAsk the [[Parent Carer Forum]].\n")
    lines = message.splitlines()
    assert lines[:3] == [
        "docs/factsheets/second.md:8: \"Local Ofer\" is not in the glossary: did you mean [[Local Offer]]?",
        f"{FACTSHEET}:8: the link to 'secnd.md' goes to a page that does not exist: did you mean 'second'?",
        f"{FACTSHEET}:10: \"Parent Carer Forum\" is not in the glossary: add a file for it in glossary/, or check the spelling",
    ], message


def test_a_build_with_nothing_changed_says_so_and_leaves_build_as_it_was(project):
    assert factsheets(project, "build", "--format", "print").returncode == 0
    published = (project / "build").resolve()
    result = factsheets(project, "build", "--format", "print")
    assert result.returncode == 0, result.stderr
    assert "Nothing has changed since the last build" in result.stdout
    assert "0 job(s) built, 1 from the cache" in result.stdout
    assert (project / "build").resolve() == published  # not even published again


def test_the_command_leaves_what_it_made_to_the_system_to_free(monkeypatch):
    # The interpreter's own teardown of a build's objects took 0.07 s; frozen, the system frees them with the process.
    import gc
    from importlib.metadata import entry_points

    from factsheets import cli

    [command] = entry_points(group="console_scripts", name="factsheets")
    assert command.value == "factsheets.cli:console"
    monkeypatch.setattr(cli, "main", lambda: 3)
    try:
        assert cli.console() == 3 and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_the_workers_server_starts_first_thing_only_for_a_first_build(tmp_path, monkeypatch):
    from factsheets import cli, processes

    started = []
    monkeypatch.setattr(processes, "start_server", lambda: started.append(Path.cwd()))
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "docs")  # the project is found from a folder inside it, as build finds it
    cli.start_workers_for_a_first_build(None)
    cli.start_workers_for_a_first_build(1)  # --jobs 1: no workers at all
    (tmp_path / "build").mkdir()
    cli.start_workers_for_a_first_build(None)  # a build with no jobs (--format html) has no cache: not a first build
    monkeypatch.chdir(tmp_path.parent)
    cli.start_workers_for_a_first_build(None)  # not in a project
    assert started == [tmp_path / "docs"]


def test_a_folder_the_early_start_cannot_read_is_left_to_the_build(monkeypatch):
    from factsheets import cli, project_root

    def unreadable(start):
        raise PermissionError(13, "Permission denied", str(start / "build"))

    monkeypatch.setattr(project_root, "project_root", unreadable)
    cli.start_workers_for_a_first_build(None)  # no traceback: the build itself says what is wrong, and how to fix it
