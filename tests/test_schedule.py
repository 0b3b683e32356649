"""Running jobs: a time limit on each, workers that die with the build, failures as data,
and a serial mode that gives the same results in one process."""

import json
import os
import pickle
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from factsheets.build import BuildFailed, Failure, build
from factsheets.errors import Location, SourceError

from conftest import FIXTURES, copy_project, factsheets

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines

FACTSHEET = "docs/factsheets/short.md"


def with_time_limit(root: Path, seconds: float) -> Path:
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - factsheets\n", f"  - factsheets:\n      job_timeout: {seconds}\n"))
    return root


def session_processes(session: int) -> list[str]:
    """Every live process of a session: "pid command line"."""
    found = []
    for folder in Path("/proc").iterdir():
        if not folder.name.isdigit():
            continue
        try:
            fields = (folder / "stat").read_text().rsplit(")", 1)[1].split()
            command = (folder / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if int(fields[3]) == session and fields[0] != "Z":
            found.append(f"{folder.name} {command[:100]}")
    return found


def wait_until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_a_hung_job_is_stopped_and_reported_on_one_line(small_project):
    with_time_limit(small_project, 2)
    started = time.monotonic()
    command = Path(sys.executable).parent / "factsheets"
    # The print view alone: the braille now waits for the PDF, which may itself take 2 s on a busy machine.
    run = subprocess.run([str(command), "build", "--format", "print"], cwd=small_project, capture_output=True,
                         text=True, timeout=120, env={**os.environ, "FACTSHEETS_TEST_HANG": "print"}, start_new_session=True)
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    first = run.stderr.splitlines()[0]
    assert first.startswith(f"{FACTSHEET}: print: took longer than 2 s and was stopped"), run.stderr
    assert "job_timeout in mkdocs.yml" in first
    assert time.monotonic() - started < 60
    assert not (small_project / "build").exists()


def test_a_hung_job_in_serial_mode_is_stopped_too(small_project, monkeypatch):
    with_time_limit(small_project, 1)
    monkeypatch.setenv("FACTSHEETS_TEST_HANG", "print")
    with pytest.raises(BuildFailed) as error:
        build(small_project, formats=["print"], workers=1)
    [failure] = error.value.failures
    assert (failure.slug, failure.writer, failure.location) == ("short", "print", FACTSHEET)
    assert failure.message.startswith("print: took longer than 1 s and was stopped"), failure.message


def test_no_process_of_a_build_survives_a_kill_9(small_project):
    """Workers hang (so they would run for ever); the build is killed with SIGKILL while they do."""
    command = Path(sys.executable).parent / "factsheets"
    run = subprocess.Popen([str(command), "build", "--format", "print,braille"], cwd=small_project, start_new_session=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           env={**os.environ, "FACTSHEETS_TEST_HANG": "print"})
    try:
        # The build, the fork server, its resource tracker, and a worker at least.
        assert wait_until(lambda: sum("forkserver" in p for p in session_processes(run.pid)) >= 2, 60), session_processes(run.pid)
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
        assert wait_until(lambda: not session_processes(run.pid), 5), session_processes(run.pid)
    finally:
        for line in session_processes(run.pid):
            os.kill(int(line.split()[0]), signal.SIGKILL)


def test_a_build_leaves_no_process_running_when_it_exits(small_project):
    command = Path(sys.executable).parent / "factsheets"
    run = subprocess.Popen([str(command), "build", "--format", "print,braille"], cwd=small_project, start_new_session=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert run.wait(timeout=300) == 0
    assert wait_until(lambda: not session_processes(run.pid), 5), session_processes(run.pid)


def tree(folder: Path) -> dict[str, str]:
    import hashlib

    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_serial_mode_builds_the_same_files_in_one_process(built_small, tmp_path):
    pooled, serial = built_small, copy_project(tmp_path / "serial", FIXTURES / "small")  # built_small: a pooled build
    command = Path(sys.executable).parent / "factsheets"
    run = subprocess.Popen([str(command), "build", "--quiet", "--jobs", "1"], cwd=serial, start_new_session=True,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen = set()
    while run.poll() is None:  # nothing but the build itself (and the engines' own helper programs) runs
        seen |= {line.split(" ", 1)[1] for line in session_processes(run.pid)}
        time.sleep(0.05)
    assert run.returncode == 0, run.stderr.read()
    assert not [command for command in seen if "multiprocessing" in command], seen
    serial_files, pooled_files = tree(serial / "build" / "site"), tree(pooled / "build" / "site")
    assert serial_files.keys() == pooled_files.keys()
    # Speech is the one exception: espeak-ng's sound depends on what it said before in the
    # same process, which is why a normal build records each section in a fresh one.
    recorded = [name for name in serial_files if name.endswith((".mp3", "-chapters.vtt"))]  # the sound, and its chapter times
    assert len(recorded) == 6
    # ... and what is made from the sound: its sentence times, the EPUB (the audio writer's recording), and the
    # page and search index that show the recording's length.
    heard = [name for name in serial_files if name.endswith(("-sentences.json", ".epub"))]
    assert len(heard) == 2
    recorded += heard + ["factsheets/short.html", "search/search_index.json", "search/search_index.js"]
    assert {n: h for n, h in serial_files.items() if n not in recorded} == {n: h for n, h in pooled_files.items() if n not in recorded}


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failure_reads_the_same_in_serial_mode_and_in_workers(small_project, jobs):
    page = small_project / FACTSHEET
    # A failure inside the job (a print size that is not large print is refused before any job runs).
    page.write_text(page.read_text().replace("\n---\n", "\naudio:\n  voice: xx-nowhere\n---\n", 1))
    with pytest.raises(BuildFailed) as error:
        build(small_project, formats=["audio"], workers=jobs)
    [failure] = error.value.failures
    assert str(failure).startswith(f"{FACTSHEET}: the audio writer failed: ValueError: espeak-ng has no voice or language called 'xx-nowhere'"), failure


def test_a_failure_crosses_from_a_worker_whole():
    failure = Failure.from_error("short", "audio", FACTSHEET, SourceError(Location("glossary/lexicon.yml", 3), "bad entry"))
    assert pickle.loads(pickle.dumps(failure)) == failure == Failure("short", "audio", "glossary/lexicon.yml:3", "bad entry")


def test_a_lexicon_failure_with_keep_going_marks_the_audio_as_not_available(small_project):
    (small_project / "glossary/lexicon.yml").write_text("- written: SEND\n", encoding="utf-8")  # no spoken form
    result = build(small_project, formats=["print", "audio"], keep_going=True)
    [failure] = result.failures
    assert (failure.slug, failure.writer) == ("short", "audio") and failure.location.startswith("glossary/lexicon.yml:1")
    [entry] = json.loads((small_project / "build/manifest.json").read_text())["factsheets"]
    assert "audio_mp3" in entry["failed"] and "audio_mp3" not in entry["formats"]
    assert "not available at the moment" in (small_project / "build/site/factsheets/short.html").read_text()


@pytest.mark.parametrize("value", ["soon", ".inf", ".nan", "99999"])
def test_job_timeout_must_be_a_number_of_seconds_that_ends(small_project, value):
    with_time_limit(small_project, value)
    result = factsheets(small_project, "build", "--format", "print")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("mkdocs.yml:15: job_timeout must be a number of seconds"), result.stderr


def test_the_epub_is_made_from_the_audio_and_pdf_jobs_and_again_only_when_they_change(small_project):
    first = build(small_project, formats=["epub"])  # built alone, it brings what it is made from
    assert sorted(first.built) == ["audio: short", "epub: short", "pdf: short"]
    assert build(small_project, formats=["epub"]).built == []
    config = small_project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - factsheets\n", "  - factsheets:\n      audio:\n        rate: 190\n"))
    again = build(small_project, formats=["epub"])  # a new recording: a new EPUB around it, the same PDF
    assert sorted(again.built) == ["audio: short", "epub: short"] and again.cached == ["pdf: short"]
    files = small_project / "build/site/files/short"
    with zipfile.ZipFile(files / "short.epub") as archive:
        assert archive.read("EPUB/audio/short.mp3") == (files / "short.mp3").read_bytes()
