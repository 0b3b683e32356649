"""The build engine: incremental, deterministic, atomic, selective, and a failure loses nothing."""

import hashlib
import json
import os
import shutil
import signal
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest

from factsheets import build as build_module
from factsheets import site_adapter
from factsheets.build import BuildFailed, build

from conftest import FIXTURES, copy_project, factsheets

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines


# .unchanged.json is the build's record of its inputs (their paths, sizes and times), not an
# output: two copies of a project differ in it by design.
def tree(folder: Path, skip=("cache", ".unchanged.json")) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.relative_to(folder).parts[0] not in skip
    }


@pytest.fixture
def two_factsheets(tmp_path) -> Path:
    """The small project with a second factsheet that uses a different glossary term."""
    return with_another_factsheet(copy_project(tmp_path / "p", FIXTURES / "small"))


def with_another_factsheet(root: Path) -> Path:
    (root / "docs/factsheets/other.md").write_text(
        "---\ntitle: Another factsheet\nsummary: Used to see what a change rebuilds.\nversion: 1\ndate: 2024-04\n---\n\n"
        "Only the [[SEND Code of Practice]] is named here.\n",
        encoding="utf-8",
    )
    return root


def test_nothing_changed_rebuild_does_no_writer_work(two_factsheets):
    first = build(two_factsheets, formats=["print"])
    assert sorted(first.built) == ["print: other", "print: short"]
    second = build(two_factsheets, formats=["print"])
    assert second.built == [] and sorted(second.cached) == ["print: other", "print: short"]
    assert second.site_cached


def test_the_site_is_made_ready_while_jobs_run_and_not_when_nothing_changed(two_factsheets, monkeypatch):
    prepared = []
    prepare = site_adapter.prepare_site
    monkeypatch.setattr(site_adapter, "prepare_site", lambda *args: prepared.append(prepare(*args)) or prepared[-1])
    build(two_factsheets, formats=["print"])
    assert len(prepared) == 1
    build(two_factsheets, formats=["print"])  # nothing to run: a nothing-changed rebuild stays quick
    assert len(prepared) == 1


def test_a_nothing_changed_rebuild_loads_no_engine(built_small, tmp_path):
    """What keeps it quick: only the reading and the cache's checks, none of the engines' libraries."""
    import subprocess
    import sys

    # Every format: the session's built copy, with the second factsheet made here.
    root = with_another_factsheet(shutil.copytree(built_small, tmp_path / "built", symlinks=True))
    build(root)
    engines = ("numpy", "mutagen", "weasyprint", "louis", "pyttsx3", "mkdocs", "jinja2")
    code = (
        "import sys; from pathlib import Path; from factsheets.build import build; result = build(Path('.'));"
        f"print(len(result.built), [name for name in {engines!r} if name in sys.modules])"
    )
    rebuilt = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert rebuilt.stdout.split("\n")[-2] == "0 []", rebuilt.stdout


def test_editing_one_factsheet_rebuilds_only_its_jobs_and_the_site(two_factsheets):
    build(two_factsheets, formats=["print"])
    page = two_factsheets / "docs/factsheets/other.md"
    page.write_text(page.read_text().replace("is named here", "is the only term named here"))
    again = build(two_factsheets, formats=["print"])
    assert again.built == ["print: other"] and not again.site_cached
    assert "only term named" in (two_factsheets / "build/site/factsheets/other.html").read_text()


def test_editing_shared_text_rebuilds_the_site_that_shows_it(two_factsheets):
    """The site's cache key reads the shared/ folder too: a page that brings in shared text
    (--8<--) shows the edit, where the site once came from the cache with the old text."""
    config = two_factsheets / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - toc", "  - toc\n  - pymdownx.snippets:\n      base_path: [shared]"))
    (two_factsheets / "shared").mkdir()
    shared = two_factsheets / "shared/contact-us.md"
    shared.write_text("Call us on Monday.\n")
    index = two_factsheets / "docs/index.md"
    index.write_text(index.read_text() + '\n--8<-- "contact-us.md"\n')
    build(two_factsheets, formats=["print"])
    assert "Call us on Monday." in (two_factsheets / "build/site/index.html").read_text()
    shared.write_text("Call us on Tuesday.\n")
    again = build(two_factsheets, formats=["print"])
    assert not again.site_cached
    assert "Call us on Tuesday." in (two_factsheets / "build/site/index.html").read_text()


def test_editing_a_glossary_entry_rebuilds_exactly_the_factsheets_that_use_it(two_factsheets):
    build(two_factsheets, formats=["print"])
    entry = two_factsheets / "glossary/local-offer.md"  # used by short.md only
    entry.write_text(entry.read_text().replace("every local authority", "each local authority"))
    again = build(two_factsheets, formats=["print"])
    assert again.built == ["print: short"]


def test_a_corrupted_cache_entry_is_rebuilt_not_published(two_factsheets):
    build(two_factsheets, formats=["print"])
    [cached] = (two_factsheets / "build/cache/print/short").iterdir()
    html = cached / "short-print.html"
    good = html.read_bytes()
    html.write_bytes(good[:100])  # truncated (it is hard-linked into the site too)
    again = build(two_factsheets, formats=["print"])
    assert again.built == ["print: short"]
    assert (two_factsheets / "build/site/files/short/short-print.html").read_bytes() == good


def test_same_sources_give_byte_identical_outputs(built_small, tmp_path):
    # Two fresh builds in two folders: the session's shared one and one of its own.
    roots = [built_small, copy_project(tmp_path / "two", FIXTURES / "small")]
    result = factsheets(roots[1], "build", "--quiet")
    assert result.returncode == 0, result.stderr
    first, second = (tree(root / "build") for root in roots)
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
    manifest = json.loads((roots[0] / "build/manifest.json").read_text())
    assert manifest["factsheets"][0]["formats"]


def test_selecting_one_factsheet_builds_only_it(two_factsheets):
    build(two_factsheets, formats=["print"])
    (two_factsheets / "build/cache/print/short").rename(two_factsheets / "gone")  # forget short's cache
    page = two_factsheets / "docs/factsheets/other.md"
    page.write_text(page.read_text() + "\nMore.\n")
    again = build(two_factsheets, formats=["print"], factsheets=[page])
    assert again.built == ["print: other"]
    assert any("not built this time" in w.message for w in again.warnings)


def give_other_a_bad_voice(root: Path) -> None:
    """A real failure, inside a worker: espeak-ng has no such voice (a print size that is not
    large print is refused sooner, when the project is read)."""
    page = root / "docs/factsheets/other.md"
    page.write_text(page.read_text().replace("date: 2024-04\n", "date: 2024-04\naudio:\n  voice: xx-nowhere\n"))


def test_a_failed_job_is_reported_and_nothing_is_published(two_factsheets):
    build(two_factsheets, formats=["print"])
    before = tree(two_factsheets / "build", skip=())
    give_other_a_bad_voice(two_factsheets)
    with pytest.raises(BuildFailed) as error:
        build(two_factsheets, formats=["print", "audio"])
    [failure] = map(str, error.value.failures)
    assert failure.startswith("docs/factsheets/other.md: the audio writer failed: ValueError: espeak-ng has no voice"), failure
    assert tree(two_factsheets / "build", skip=()) == before


def test_keep_going_publishes_the_rest_and_marks_the_failed_format(two_factsheets):
    give_other_a_bad_voice(two_factsheets)
    result = build(two_factsheets, formats=["print", "audio"], keep_going=True)
    assert len(result.failures) == 1
    entries = {e["slug"]: e for e in json.loads((two_factsheets / "build/manifest.json").read_text())["factsheets"]}
    assert entries["other"]["failed"] == ["audio_mp3", "audio_transcript", "audio_playlist", "audio_chapters", "audio_sentences"]
    assert "audio_mp3" not in entries["other"]["formats"] and "print_html" in entries["other"]["formats"]
    assert entries["short"]["formats"]["audio_mp3"] == "site/files/short/short.mp3"
    assert "not available at the moment" in (two_factsheets / "build/site/factsheets/other.html").read_text()


def test_an_unexpected_error_names_the_factsheet_the_writer_and_the_place():
    try:
        {}["missing"]
    except KeyError as error:
        caught = error
    job = build_module.Job("audio", "other", SimpleNamespace(meta=SimpleNamespace(source="docs/factsheets/other.md")), {}, "k", True)
    described = build_module.describe_failure(job, caught)
    assert described.startswith("docs/factsheets/other.md: the audio writer failed: KeyError: 'missing' (in test_build.py:")


def test_an_error_in_a_worker_names_the_place_in_our_code_not_the_pool(two_factsheets):
    page = two_factsheets / "docs/factsheets/other.md"
    page.write_text(page.read_text().replace("date: 2024-04\n", "date: 2024-04\naudio:\n  voice: xx-nowhere\n"))
    with pytest.raises(BuildFailed) as error:
        build(two_factsheets, formats=["audio"])
    [failure] = map(str, error.value.failures)
    assert failure.startswith("docs/factsheets/other.md: the audio writer failed: ValueError: espeak-ng has no voice or language called 'xx-nowhere'"), failure
    assert "(in speech.py:" in failure, failure


def children(pid: int | str) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def worker_pids() -> list[int]:
    """The build's worker processes: children of the fork server this process started."""
    workers = []
    for child in children("self"):
        try:
            if b"forkserver" in Path(f"/proc/{child}/cmdline").read_bytes():
                workers += children(child)
        except OSError:
            continue
    return workers


LONG_PARAGRAPH = "The service helps families to understand the help their child can have at school and at home. " * 3


@contextmanager
def killing_workers(limit: int | None):
    """Kills the build's worker processes as they appear, as the kernel does when memory runs
    out: the first `limit` of them, or every one."""
    stop, killed = threading.Event(), []

    def kill():
        while not stop.is_set() and (limit is None or len(killed) < limit):
            for pid in worker_pids()[:1]:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    continue
                killed.append(pid)
            time.sleep(0.0005)

    killer = threading.Thread(target=kill)
    killer.start()
    try:
        yield killed
    finally:
        stop.set()
        killer.join()


def test_a_worker_that_dies_loses_no_job(two_factsheets):
    with killing_workers(limit=1) as killed:  # the first worker: it records a section, a long job
        result = build(two_factsheets, formats=["audio"])
    assert len(killed) == 1
    assert not result.failures and sorted(result.built) == ["audio: other", "audio: short"]
    assert any("a worker process stopped unexpectedly" in str(w) for w in result.warnings)
    entries = {e["slug"]: e for e in json.loads((two_factsheets / "build/manifest.json").read_text())["factsheets"]}
    assert all("audio_mp3" in entries[slug]["formats"] for slug in ("other", "short"))


def test_a_job_whose_worker_dies_every_time_is_reported_and_nothing_is_published(two_factsheets):
    # A print job of a short factsheet takes a few milliseconds: on a loaded machine both once
    # finished before the killer found their processes, and the build succeeded. Four hundred
    # paragraphs make each job last a few hundred milliseconds.
    for page in (two_factsheets / "docs/factsheets").glob("*.md"):
        page.write_text(page.read_text(encoding="utf-8") + "\n" + "\n\n".join([LONG_PARAGRAPH] * 400) + "\n", encoding="utf-8")
    with killing_workers(limit=None):
        with pytest.raises(BuildFailed) as error:
            build(two_factsheets, formats=["print"])
    # Whichever died twice is reported so (one may still, rarely, finish first).
    said = sorted(map(str, error.value.failures))
    assert said and set(said) <= {
        f"docs/factsheets/{slug}.md: the print writer failed: WorkerDied: its worker process stopped unexpectedly, twice "
        "(a crash in an engine, or killed for want of memory)" for slug in ("other", "short")
    }, said
    assert not (two_factsheets / "build").exists()


def test_editing_one_paragraph_records_only_its_audio_section_again(two_factsheets):
    first = build(two_factsheets, formats=["audio"])
    sections = len([p for p in first.parts_built if p.startswith("audio: short:")])
    assert sections >= 3
    before = tree(two_factsheets / "build/site/files/short")
    page = two_factsheets / "docs/factsheets/short.md"
    page.write_text(page.read_text().replace("- call us.", "- call us today."))
    again = build(two_factsheets, formats=["audio"])
    assert sorted(again.built) == ["audio: short"] and sorted(again.cached) == ["audio: other"]
    [remade] = again.parts_built
    assert remade.startswith("audio: short: 02-what-you-can-do"), again.parts_built
    after = tree(two_factsheets / "build/site/files/short")
    changed = sorted(name for name in after if after[name] != before.get(name))
    assert [n for n in changed if "-sections/" in n] == ["short-sections/02-what-you-can-do.mp3"], changed
    assert "call us today" in (two_factsheets / "build/site/files/short/short-audio-script.txt").read_text()


def test_naming_a_file_that_is_not_a_factsheet_is_an_error(two_factsheets):
    from factsheets.errors import SourceError

    with pytest.raises(SourceError) as error:
        build(two_factsheets, formats=["print"], factsheets=[two_factsheets / "docs/index.md"])
    assert "not a factsheet" in error.value.message


def test_building_one_format_after_an_edit_keeps_the_others_marked_older(small_project):
    """README: naming formats limits the work to them, the rest comes from the last build.
    After an edit the rest is older than the text: kept on the site, and marked as such."""
    build(small_project, formats=["print", "pdf", "braille"])
    factsheet = small_project / "docs/factsheets/short.md"
    factsheet.write_text(factsheet.read_text(encoding="utf-8").replace("You can:", "You can also:"), encoding="utf-8")
    result = build(small_project, formats=["pdf"])  # not the braille, which is made from the PDF
    entry = result.manifest["factsheets"][0]
    assert {"print_html", "large_print_pdf", "brf", "braille_text"} <= set(entry["formats"])
    assert (small_project / "build/site" / entry["formats"]["brf"].removeprefix("site/")).is_file()
    assert set(entry["older"]) == {"print_html", "braille_text", "brf", "pef", "braille_preview"}
    assert any("kept from the last build, older than the text" in str(w) for w in result.warnings)
    page = (small_project / "build/site/factsheets/short.html").read_text(encoding="utf-8")
    download = page[page.index("fs-downloads"):]
    pdf_item = download[download.index("Large print"):].split("</li>")[0]
    assert "older than the page" not in pdf_item
    braille_item = download[download.index("Braille-ready text"):][:400]
    assert "older than the page" in braille_item
    from factsheets.check import run_check

    told = [f for f in run_check(small_project, website=False, only={"large_print_pdf", "brf"}).all()
            if "older text" in f.message]
    assert [(f.format, f.level) for f in told] == [("brf", "failure")]
    again = build(small_project, formats=["print", "braille"])  # brought up to date: the mark goes
    assert "older" not in again.manifest["factsheets"][0]
