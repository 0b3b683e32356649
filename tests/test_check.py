"""`factsheets check` on the real build: it passes, and it catches what is broken on purpose."""

import json
import shutil

import pytest

from factsheets.check import run_check

from conftest import SEND_SLUG, factsheets, pages_moved_on

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines


@pytest.fixture(scope="module")
def checked(checked_project):
    return checked_project


def test_check_passes_on_the_send_factsheet_with_no_failures(checked):
    root, result = checked
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads((root / "build/check.json").read_text())
    assert data["failures"] == 0
    [entry] = [f for f in data["factsheets"] if f["factsheet"].startswith("What if I do not agree")]
    assert "website" in entry["checked"] and "plain English" in entry["checked"]
    assert "0 failure(s)" in result.stdout


def test_check_writes_a_report_staff_can_read(checked):
    root, _ = checked
    html = (root / "build/report.html").read_text()
    assert '<html lang="en-GB">' in html and "Accessibility check of the factsheets" in html
    assert "How to fix it:" in html and "Meets the standards" in html
    assert not (root / "build/site/report.html").exists(), "the report is for staff, not the public site"


def test_warnings_fail_only_with_strict(checked_copy):
    root = checked_copy
    strict = factsheets(root, "check", "--strict")
    assert strict.returncode == 1 and "warning" in strict.stdout


@pytest.fixture
def checked_copy(checked_project, tmp_path):
    """A copy of the checked project, its kept results with it: a check of it writes its report
    there, and checks again only what the test changed."""
    root = tmp_path / "copy"
    shutil.copytree(checked_project[0], root, symlinks=True)
    return root


@pytest.fixture
def broken_copy(checked_copy):
    return checked_copy


def test_an_image_without_alt_text_is_reported_with_its_line(broken_copy):
    page = broken_copy / f"docs/factsheets/{SEND_SLUG}.md"
    (broken_copy / "docs/factsheets/map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    text = page.read_text()
    page.write_text(text.replace("## First steps\n", "## First steps\n\n![](map.png)\n", 1))
    line = page.read_text().split("\n").index("![](map.png)") + 1
    report = run_check(broken_copy, website=False, only=set())
    found = [f for f in report.all() if "no alt text" in f.message]
    assert found and found[0].line == line and found[0].path == f"docs/factsheets/{SEND_SLUG}.md"


def test_a_low_contrast_colour_on_the_built_page_fails_the_check(broken_copy):
    page = broken_copy / f"build/site/factsheets/{SEND_SLUG}.html"
    page.write_text(page.read_text().replace('<p class="fs-summary">', '<p class="fs-summary" style="color:#bbb">', 1))
    result = factsheets(broken_copy, "check")
    assert result.returncode == 1
    assert "color-contrast" in result.stdout


def _entry(root):
    return next(e for e in json.loads((root / "build/manifest.json").read_text())["factsheets"] if e["slug"] == SEND_SLUG)


def _messages(root, fmt):
    """The check's failures for one format, its validator the only one run (the EPUB's checkers take a minute)."""
    return [f.message for f in run_check(root, website=False, only={fmt}).all() if f.level == "failure" and f.format == fmt]


def test_a_truncated_pdf_fails_the_check(broken_copy):
    pdf = broken_copy / "build" / _entry(broken_copy)["formats"]["large_print_pdf"]
    data = pdf.read_bytes()
    pdf.unlink()  # it is hard-linked into the cache: write a new file
    pdf.write_bytes(data[: len(data) // 2])
    assert _messages(broken_copy, "large_print_pdf")
    assert factsheets(broken_copy, "check").returncode == 1


def widen_a_brf_line(root) -> None:
    """The built BRF's fourth line made 41 cells (a new file, not the hard-linked one changed in place)."""
    brf = root / "build" / _entry(root)["formats"]["brf"]
    data = brf.read_bytes()
    brf.unlink()
    lines = data.split(b"\r\n")
    lines[3] = b"A" * 41
    brf.write_bytes(b"\r\n".join(lines))


def test_a_41_cell_brf_line_fails_the_check(broken_copy):
    widen_a_brf_line(broken_copy)
    assert any("41" in m for m in _messages(broken_copy, "brf")), _messages(broken_copy, "brf")


def test_a_clipped_mp3_fails_the_check(broken_copy):
    mp3 = broken_copy / "build" / _entry(broken_copy)["formats"]["audio_mp3"]
    data = mp3.read_bytes()
    mp3.unlink()
    mp3.write_bytes(data[: len(data) // 3])  # the last two thirds are gone
    assert _messages(broken_copy, "audio_mp3")


def _failures(root, *formats):
    """The check's failures about the build itself, the site's markup and these formats: no other
    format's validator runs (the EPUB's checkers take a minute)."""
    return [f for f in run_check(root, website=False, only=set(formats)).all() if f.level == "failure"]


def _write_manifest(root, data):
    path = root / "build/manifest.json"
    path.unlink()  # hard-linked into nothing else, but written anew as a tamperer would
    path.write_text(data if isinstance(data, str) else json.dumps(data))


@pytest.mark.parametrize("key", ["audio_mp3", "brf", "braille_text", "large_print_pdf", "audio_transcript"])
def test_a_missing_file_is_a_failure_line_not_a_crash(broken_copy, key):
    relative = _entry(broken_copy)["formats"][key]
    (broken_copy / "build" / relative).unlink()
    found = [f.message for f in _failures(broken_copy) if f.format == key]
    assert found == [f"the {key} file {relative} is missing from the last build"], found


@pytest.mark.parametrize("text, why", [
    ("{not json", "cannot be read"),
    ('{"factsheets": 5}', "has no list of factsheets"),
    ("[1, 2]", "has no list of factsheets"),
    ('{"factsheets": [{"slug": "x", "formats": {"brf": 1}}]}', "has an entry that is not a factsheet's"),
    ('{"factsheets": ["x"]}', "has an entry that is not a factsheet's"),
])
def test_a_corrupt_manifest_is_a_failure_line_not_a_crash(broken_copy, text, why):
    _write_manifest(broken_copy, text)
    messages = [f.message for f in _failures(broken_copy)]
    assert any(m.startswith("build/manifest.json ") and why in m for m in messages), messages
    assert "This factsheet is not in the last build." in messages


def test_a_manifest_entry_pointing_outside_build_is_not_read(broken_copy, tmp_path):
    manifest = json.loads((broken_copy / "build/manifest.json").read_text())
    secret = tmp_path / "secret.brf"
    secret.write_text("A" * 80)
    entry = next(e for e in manifest["factsheets"] if e["slug"] == SEND_SLUG)
    entry["formats"]["brf"] = f"../../../../../../../..{secret}"
    _write_manifest(broken_copy, manifest)
    found = [f.message for f in _failures(broken_copy) if f.format == "brf"]
    assert found == [f"the manifest points the brf file outside build/ ({entry['formats']['brf']}); it was not read"], found


def _tamper_page(root, old, new):
    page = root / f"build/site/factsheets/{SEND_SLUG}.html"
    text = page.read_text()
    assert old in text
    page.unlink()
    page.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize("injected, problem", [
    ("<script>alert(1)</script>", "an inline <script> that is not the theme's or ours: 'alert(1)'"),
    ('<script src="https://evil.example/x.js"></script>', "a script from 'https://evil.example/x.js', not from the site"),
    ('<script src="../assets/javascripts/extra.js"></script>', "a script from '../assets/javascripts/extra.js', not from the site"),
    ('<img src="x" onerror="alert(1)" alt="">', "an event-handler attribute onerror= on <img>"),
    ('<a href="java&#9;script:alert(1)">here</a>', "a javascript: address in href= on <a>"),
    ('<a href=" JavaScript:alert(1)">here</a>', "a javascript: address in href= on <a>"),
    ('<iframe src="data:text/html,x"></iframe>', "a data: address in src= on <iframe>"),
])
def test_script_injected_into_a_page_fails_the_check(broken_copy, injected, problem):
    _tamper_page(broken_copy, '<p class="fs-summary">', f'{injected}<p class="fs-summary">')
    found = [f.message for f in _failures(broken_copy) if f.format == "website"]
    assert any(problem in m and m.startswith(f"factsheets/{SEND_SLUG}.html has ") for m in found), found


def test_a_script_in_a_code_block_is_text_and_passes(broken_copy):
    _tamper_page(broken_copy, '<p class="fs-summary">', '<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre><p class="fs-summary">')
    assert [f for f in _failures(broken_copy) if f.format == "website"] == []


def test_a_factsheet_with_no_page_fails_the_check(broken_copy):
    (broken_copy / f"build/site/factsheets/{SEND_SLUG}.html").unlink()
    found = [f for f in _failures(broken_copy) if f.format == "website"]
    assert [f.message for f in found] == [f"the factsheet has no page in the site (factsheets/{SEND_SLUG}.html is missing)"]
    assert found[0].path == f"docs/factsheets/{SEND_SLUG}.md"


def test_a_forged_chapter_cue_fails_the_check(broken_copy):
    vtt = broken_copy / "build" / _entry(broken_copy)["formats"]["audio_chapters"]
    text = vtt.read_text()
    vtt.unlink()
    vtt.write_text(text.replace("\n\n2\n", "\n\n99\n00:00:01.000 --> 00:00:02.000\n<b>Click evil.example</b>\n\n2\n", 1))
    found = [f.message for f in _failures(broken_copy, "audio_chapters") if f.format == "audio_chapters"]
    assert found and "'<b>Click evil.example</b>' at 1.000 s is not one of the recording's chapters" in found[0], found


def test_a_forged_playlist_track_fails_the_check(broken_copy):
    m3u8 = broken_copy / "build" / _entry(broken_copy)["formats"]["audio_playlist"]
    text = m3u8.read_text()
    m3u8.unlink()
    m3u8.write_text(text.replace("#EXTM3U\n", "#EXTM3U\n#EXTINF:5,Listen here\nhttp://evil.example/x.mp3\n", 1))
    found = [f.message for f in _failures(broken_copy, "audio_playlist") if f.format == "audio_playlist"]
    assert found and "are not the 15 chapters the manifest lists" in found[0], found


def test_a_playlist_track_outside_the_factsheet_fails_the_check(broken_copy):
    m3u8 = broken_copy / "build" / _entry(broken_copy)["formats"]["audio_playlist"]
    lines = m3u8.read_text().split("\n")
    lines[2] = "../../../../manifest.json"
    m3u8.unlink()
    m3u8.write_text("\n".join(lines))
    found = [f.message for f in _failures(broken_copy, "audio_playlist") if f.format == "audio_playlist"]
    assert found and "the track '../../../../manifest.json' is not a section file of this factsheet" in found[0], found


def test_check_fails_a_broken_build_in_words_without_a_traceback(broken_copy):
    """The command itself, Chromium and all: a missing MP3 and a script that runs on the page."""
    (broken_copy / "build" / _entry(broken_copy)["formats"]["audio_mp3"]).unlink()
    _tamper_page(broken_copy, '<p class="fs-summary">', '<img src="x" onerror="alert(\'hi\')" alt=""><p class="fs-summary">')
    result = factsheets(broken_copy, "check")
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert "audio_mp3 file" in result.stdout and "is missing from the last build" in result.stdout
    assert "onerror=" in result.stdout and "opened a dialog ('hi')" in result.stdout


def _tamper(root, key, old, new, encoding="utf-8"):
    path = root / "build" / _entry(root)["formats"][key]
    text = path.read_text(encoding=encoding)
    assert old in text, f"{old!r} is not in the {key}"
    path.unlink()  # hard-linked into the cache: write a new file
    path.write_text(text.replace(old, new, 1), encoding=encoding)


@pytest.mark.parametrize("key, typed, what", [
    ("braille_text", '!!! warning "Time limits"', "a call-out"),
    ("braille_text", "[^1]", "a footnote mark"),
    ("audio_transcript", "{{ advice_line }}", "a placeholder"),
    ("audio_transcript", "{: .note }", "settings for a block"),
])
def test_source_syntax_left_in_an_output_fails_the_check(broken_copy, key, typed, what):
    _tamper(broken_copy, key, "First steps", f"First steps {typed}", "utf-8-sig" if key == "audio_transcript" else "utf-8")
    found = [f.message for f in _failures(broken_copy) if f.format == key]
    assert any(typed.split()[0] in m and what in m for m in found), found


def test_a_character_spelled_out_in_the_braille_fails_the_check(broken_copy):
    _tamper(broken_copy, "braille_text", "First steps", "First (latin small letter e with ogonek) steps")
    found = [f for f in _failures(broken_copy) if f.format == "braille_text"]
    assert [f.message for f in found] == [
        "the braille files say '(latin small letter e with ogonek)' (line "
        f"{found[0].message.split('(line ')[1].split(' ')[0]} of the braille-ready text) in place of a character that liblouis could not translate"
    ]
    assert "language:" in found[0].fix


def test_a_page_in_another_language_than_its_factsheet_fails_the_check(broken_copy):
    _tamper_page(broken_copy, '<html lang="en-GB"', '<html lang="cy"')
    found = [f for f in _failures(broken_copy) if "marked as language" in f.message]
    assert len(found) == 1 and "'cy'" in found[0].message and "'en-GB'" in found[0].message
    assert found[0].path == f"docs/factsheets/{SEND_SLUG}.md"


class _Lines:
    """A progress that keeps what `check` says of each factsheet."""

    def __init__(self):
        self.lines: list[str] = []

    def plan(self, total):
        self.total = total

    def factsheet_checked(self, line):
        self.lines.append(line)


def test_a_check_with_nothing_changed_checks_nothing_again_and_finds_the_same(checked_copy):
    root = checked_copy
    before = json.loads((root / "build/check.json").read_text())
    said = _Lines()
    report = run_check(root, progress=said)
    assert said.total == 1 and len(said.lines) == 1
    assert said.lines[0].startswith("What if I do not agree") and said.lines[0].endswith("(unchanged since the last check)"), said.lines
    assert (report.count("failure"), report.count("warning")) == (before["failures"], before["warnings"])
    assert any(p.suffix == ".json" for p in (root / "build/.check-results").iterdir())


def test_a_changed_file_is_checked_again_and_its_fault_found(checked, tmp_path):
    root = tmp_path / "copy"
    shutil.copytree(checked[0], root, symlinks=True)  # with the kept results of the full check
    widen_a_brf_line(root)
    said = _Lines()
    report = run_check(root, website=False, progress=said)
    assert said.lines[0].endswith(" s)") and "checked in" in said.lines[0], said.lines
    assert any("41" in f.message for f in report.all() if f.format == "brf")


def test_check_of_a_named_factsheet_prints_a_line_for_it_and_writes_the_report(checked, tmp_path):
    root = tmp_path / "copy"
    shutil.copytree(checked[0], root, symlinks=True)
    (root / "build/report.html").unlink()
    result = factsheets(root, "check", f"docs/factsheets/{SEND_SLUG}.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("What if I do not agree with decisions about SEN provision?: 0 failures, ")
    assert "(unchanged since the last check)" in result.stdout.splitlines()[0]
    assert "Meets the standards" in (root / "build/report.html").read_text()


def test_check_of_a_file_that_is_no_factsheet_names_it(checked):
    root, _ = checked
    result = factsheets(root, "check", "docs/factsheets/annual-reviews.md")
    assert result.returncode == 1
    assert result.stderr.startswith("docs/factsheets/annual-reviews.md: this is not one of the project's factsheets: name a file in docs/factsheets/"), result.stderr


def test_every_epub_is_checked_by_one_batch_and_a_broken_one_fails_alone(built_project, tmp_path):
    from factsheets.validators.epub_batch import check_books

    book = built_project / "build" / _entry(built_project)["formats"]["epub"]
    broken = tmp_path / "broken.epub"
    broken.write_bytes(book.read_bytes()[: book.stat().st_size // 2])
    told = []
    results = check_books([book, broken], lambda index, problems: told.append(index))
    assert results[0] == [] and sorted(told) == [0, 1]
    assert results[1] and {p.checker for p in results[1]} == {"EPUBCheck", "Ace"}, results[1]


def test_a_new_build_carries_the_kept_results_forward(checked, tmp_path):
    root = tmp_path / "copy"
    shutil.copytree(checked[0], root, symlinks=True)
    kept = sorted(p.name for p in (root / "build/.check-results").iterdir())
    before = (root / "build").resolve()
    page = root / f"docs/factsheets/{SEND_SLUG}.md"
    page.write_text(page.read_text().replace("It might be helpful to ask a friend", "It may help to ask a friend", 1))
    assert factsheets(root, "build", "--format", "print").returncode == 0
    assert (root / "build").resolve() != before  # a new build was published
    assert sorted(p.name for p in (root / "build/.check-results").iterdir()) == kept


def test_the_epub_s_page_list_and_read_along_are_checked_beside_the_batch(broken_copy):
    """EPUBCheck and Ace check every book in one batch; the book's page list and read-along are
    checked with the factsheet's other files. They once ran in neither, and nothing failed."""
    from factsheets.check.factsheet import format_checks
    from factsheets.project import load_project

    build_dir = broken_copy / "build"
    book = build_dir / _entry(broken_copy)["formats"]["epub"]
    shifted = pages_moved_on(book, book.with_name("shifted.epub"))
    project = load_project(broken_copy)
    document = next(d for d in project.documents if d.meta.slug == SEND_SLUG)
    validate = format_checks(build_dir, project.config, {"epub"})["epub"]
    assert validate(book, document, _entry(broken_copy)) == []
    assert any("page list sends a reader to the wrong place" in f.message for f in validate(shifted, document, _entry(broken_copy)))
