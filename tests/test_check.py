"""`factsheets check` on the real build: it passes, and it catches what is broken on purpose."""

import json
import shutil

import pytest

from factsheets.check import run_check

from conftest import SEND_SLUG, factsheets


@pytest.fixture(scope="module")
def checked(built_project):
    result = factsheets(built_project, "check")
    return built_project, result


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


def test_warnings_fail_only_with_strict(checked):
    root, _ = checked
    strict = factsheets(root, "check", "--strict")
    assert strict.returncode == 1 and "warning" in strict.stdout


@pytest.fixture
def broken_copy(built_project, tmp_path):
    root = tmp_path / "copy"
    shutil.copytree(built_project, root, symlinks=True)
    return root


def test_an_image_without_alt_text_is_reported_with_its_line(broken_copy):
    page = broken_copy / f"docs/factsheets/{SEND_SLUG}.md"
    (broken_copy / "docs/factsheets/map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    text = page.read_text()
    page.write_text(text.replace("## First steps\n", "## First steps\n\n![](map.png)\n", 1))
    line = page.read_text().split("\n").index("![](map.png)") + 1
    report = run_check(broken_copy, website=False)
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
    return [f.message for f in run_check(root, website=False).all() if f.level == "failure" and f.format == fmt]


def test_a_truncated_pdf_fails_the_check(broken_copy):
    pdf = broken_copy / "build" / _entry(broken_copy)["formats"]["large_print_pdf"]
    data = pdf.read_bytes()
    pdf.unlink()  # it is hard-linked into the cache: write a new file
    pdf.write_bytes(data[: len(data) // 2])
    assert _messages(broken_copy, "large_print_pdf")
    assert factsheets(broken_copy, "check").returncode == 1


def test_a_41_cell_brf_line_fails_the_check(broken_copy):
    brf = broken_copy / "build" / _entry(broken_copy)["formats"]["brf"]
    data = brf.read_bytes()
    brf.unlink()
    lines = data.split(b"\r\n")
    lines[3] = b"A" * 41
    brf.write_bytes(b"\r\n".join(lines))
    assert any("41" in m for m in _messages(broken_copy, "brf")), _messages(broken_copy, "brf")


def test_a_clipped_mp3_fails_the_check(broken_copy):
    mp3 = broken_copy / "build" / _entry(broken_copy)["formats"]["audio_mp3"]
    data = mp3.read_bytes()
    mp3.unlink()
    mp3.write_bytes(data[: len(data) // 3])  # the last two thirds are gone
    assert _messages(broken_copy, "audio_mp3")
