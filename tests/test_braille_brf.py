"""The BRF: contracted UEB from liblouis, laid out in 40 cells by 25 lines, checked
with the same validators `factsheets check` uses, and read back to print."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factsheets.engines import liblouis
from factsheets.validators import FAILURE
from factsheets.validators.braille import brf_pages, check_braille, check_brf, words, words_kept
from factsheets.writers.braille import brf as layout
from factsheets.writers.braille.text import Piece


@pytest.fixture(scope="module")
def send_files(built_project, send_entry) -> tuple[Path, Path]:
    formats = send_entry["formats"]
    return built_project / "build" / formats["brf"], built_project / "build" / formats["braille_text"]


def test_the_send_brf_meets_every_check(send_files):
    brf, text = send_files
    assert check_braille(brf, text) == []
    assert words_kept(brf, text) >= 0.98


def test_the_manifest_counts_the_braille_pages(send_files, send_entry):
    pages = brf_pages(send_files[0])
    assert send_entry["brf_pages"] == len(pages) > 10
    raw = send_files[0].read_bytes()
    assert raw.count(b"\f") == len(pages) - 1 and b"\n" not in raw.replace(b"\r\n", b"")


def test_the_title_page_and_headings(send_files):
    pages = brf_pages(send_files[0])
    title_page = [line.strip() for line in pages[0]]
    assert ",,S5D ,\"PN]%IP ,S]VICE" in title_page  # SEND Partnership Service
    assert ",V].N #D1 ,JUNE #BJBA" in title_page  # Version 4, June 2021
    lines = [line for page in pages for line in page]
    heading = lines.index(layout.centre(",F/ /EPS"))  # "First steps", centred
    assert lines[heading - 1] == "" and lines[heading + 1] == ""


def test_a_stretch_of_the_send_brf_reads_back_as_the_original(send_files):
    lines = [line.strip() for page in brf_pages(send_files[0]) for line in page[1:]]
    start = next(i for i, line in enumerate(lines) if line.startswith(",GLOBAL ,M$IA;N IS AN"))
    stretch = " ".join(lines[start:start + 4])
    back = liblouis.back_translate(stretch)
    assert back.startswith("Global Mediation is an independent service that will provide a trained mediator to facilitate a discussion.")


def test_no_line_starts_with_a_lone_dash_or_splits_a_word(send_files):
    brf, text = send_files
    for page in brf_pages(brf):
        for line in page:
            assert not re.match(r"^ *(,-|-) ", line), line
    # A word split across lines would be lost from the words read back.
    assert words_kept(brf, text) > 0.99


def translated(text: str) -> liblouis.Translation:
    return liblouis.translate(text)


def test_wrapping_never_splits_words_and_keeps_dashes_at_line_ends():
    text = "The service is free and confidential – and you can choose whether to use it or not, as you wish."
    translation = translated(text)
    lines = layout.wrap(translation, text, 20, 20)
    assert all(len(line) <= 20 for line in lines)
    assert " ".join(lines) == translation.braille
    assert not any(line.startswith(",-") for line in lines)


def test_a_long_address_breaks_after_a_slash():
    text = "See www.globalmediation.co.uk/service/special-educational-needs-disability/ for more."
    translation = translated(text)
    lines = layout.wrap(translation, text, 38, 38)
    assert all(len(line) <= 38 for line in lines)
    assert "".join(lines).replace(" ", "") == translation.braille.replace(" ", "")
    assert any(line.endswith("_/") or line.endswith("-") for line in lines[:-1])
    assert liblouis.back_translate(" ".join(lines)).replace(" ", "").startswith("Seewww.globalmediation.co.uk/service/")


def test_a_heading_is_never_last_on_a_page():
    heading = Piece("heading", "A heading", level=3)
    paragraph = Piece("paragraph", "Words " * 30)  # 4 lines
    two_lines = Piece("paragraph", "Words " * 12)
    shown = "    " + liblouis.translate("A heading").braille
    # 22 lines, then the heading with its blank lines and a line of text would need 4 more.
    items = [paragraph] * 5 + [two_lines, heading, paragraph]
    pages = layout.paginate(layout.blocks(items, liblouis.translate))
    assert [len(page) for page in pages] == [22, 6]
    assert pages[1][:3] == [shown, "", "  " + liblouis.translate("Words " * 30).braille[:36].rsplit(" ", 1)[0]]
    # With one line less before it, the heading and a line of its text fit at the foot.
    pages = layout.paginate(layout.blocks([paragraph] * 5 + [heading, paragraph], liblouis.translate))
    assert pages[0][20:23] == ["", shown, ""] and len(pages[0]) == 24


def test_the_validator_finds_each_fault(tmp_path):
    path = tmp_path / "bad.brf"
    good_page = "".join(f"{'#' + 'ABCDEFGHIJ'[n - 1]:>40}\r\n" for n in [1])
    path.write_bytes((good_page + "X" * 41 + "\r\n" + "lower\r\n" + "a\n").encode("ascii") + b"\f" + ("\r\n" * 30).encode())
    messages = [f.message for f in check_brf(path) if f.level == FAILURE]
    assert any("not BRF" in m for m in messages)
    assert any("CR LF" in m for m in messages)
    assert any("41 cells" in m for m in messages)
    assert any("more than 25" in m for m in messages)
    assert any("page 2 does not start with its page number" in m for m in messages)


def test_the_word_check_fails_when_words_are_lost(tmp_path, send_files):
    brf, text = send_files
    pages = brf_pages(brf)
    short = tmp_path / "short.brf"
    short.write_bytes("\f".join("\r\n".join(page) + "\r\n" for page in pages[: len(pages) // 2]).encode("ascii"))
    assert words_kept(short, text) < 0.98
    assert [f.level for f in check_braille(short, text)] == [FAILURE]


def test_words_are_counted_as_a_reader_would():
    assert words("Young people’s SEN, and the SEN’s") == words("young people's sen and the sen's")


def test_the_preview_is_the_brf_in_braille_dots(built_project, send_entry, send_files):
    preview = (built_project / "build" / send_entry["formats"]["braille_preview"]).read_text(encoding="utf-8-sig")
    dots = liblouis.to_unicode(send_files[0].read_bytes().decode("ascii").replace("\r\n", "\n"))
    assert preview.replace("─" * 40 + "\n", "") == dots.replace("\f", "")
    assert set(preview) <= {chr(c) for c in range(0x2800, 0x2840)} | {"\n", "─"}


def test_the_other_formats_box_links_both_braille_files(built_project, send_entry):
    page = (built_project / "build" / send_entry["formats"]["html"]).read_text(encoding="utf-8")
    assert f"{send_entry['brf_pages']} braille pages" in page
    assert "Braille-ready text" in page and "braille embosser" in page


def test_the_check_command_validator_agrees_with_the_manifest(built_project, send_entry):
    from factsheets.validators.braille import check_entry

    assert check_entry(built_project / "build", send_entry) == []
    wrong = {**send_entry, "brf_pages": send_entry["brf_pages"] + 1}
    assert [f.level for f in check_entry(built_project / "build", wrong)] == [FAILURE]
