"""The BRF: contracted UEB from liblouis, laid out in 40 cells by 25 lines, checked
with the same validators `factsheets check` uses, and read back to print."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factsheets.engines import liblouis
from factsheets.validators import FAILURE
from factsheets import model as m
from factsheets.validators.braille import braille_number, brf_pages, check_braille, check_brf, read_back, words, words_kept
from factsheets.writers.braille import brf as layout
from factsheets.writers.braille import text as layout_text
from factsheets.writers.braille.text import Piece, pieces
from test_braille_text import document_of

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines


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
    assert send_entry["details"]["brf"]["braille_pages"] == len(pages) > 10
    raw = send_files[0].read_bytes()
    assert raw.count(b"\f") == len(pages) - 1 and b"\n" not in raw.replace(b"\r\n", b"")


def test_the_title_page_and_headings(send_files):
    pages = brf_pages(send_files[0])
    title_page = [line.strip() for line in pages[0]]
    assert ",,S5D ,\"PN]%IP ,S]VICE" in title_page  # SEND Partnership Service
    assert ",V].N #D1 ,JUNE #BJBA" in title_page  # Version 4, June 2021
    lines = [line for page in pages for line in page]
    heading = lines.index(layout.centre(",F/ /EPS"))  # "First steps", centred
    # A blank line before it (or the page-number line: it starts a page), and after it.
    assert (lines[heading - 1] == "" or lines[heading - 1].strip().startswith("#")) and lines[heading + 1] == ""
    # A level 3 heading in cell 5, a blank line before it and its text straight after.
    heading = lines.index("    ,M$IA;N ADVICE")  # "Mediation advice", in the glossary
    assert (lines[heading - 1] == "" or lines[heading - 1].strip().startswith("#")) and lines[heading + 1].startswith("  ,") and lines[heading + 1][2] != " "


def test_the_end_of_each_quotation_is_in_the_brf(send_files):
    brf, text = send_files
    back = read_back([line for page in brf_pages(brf) for line in page])
    assert text.read_text(encoding="utf-8").count("End of quotation.") == back.count("End of quotation.") == 5


def test_every_web_address_and_email_reads_back_whole(send_files):
    brf, text = send_files
    back = read_back([line for page in brf_pages(brf) for line in page])
    addresses = re.findall(r"(?:www\.|[\w.]+@)\S+[\w/]", text.read_text(encoding="utf-8"))
    assert len(addresses) >= 12
    for address in addresses:
        assert address in back, address
    # No line of the BRF ends or starts at a hyphen inside an address (a print page line is dots 36).
    from factsheets.writers.braille.print_pages import is_page_line

    for page in brf_pages(brf):
        for line in (line for line in page if not is_page_line(line)):
            assert not line.endswith('-"') and not line.strip().startswith("-"), line


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


WORDS = Piece("paragraph", ("Words " * 30).strip())  # 4 lines
ONE_LINE = Piece("paragraph", ("Words " * 6).strip())


def page_lengths(items: list[Piece]) -> list[int]:
    return [len(page) for page in layout.paginate(layout.blocks(items, liblouis.translate))]


@pytest.mark.parametrize("level", [2, 3, 4])
def test_a_heading_keeps_two_lines_of_its_text_with_it(level):
    heading = Piece("heading", "A heading", level=level)
    blank_after = 1 if level <= 2 else 0
    # 20 lines, a blank line and the heading: two lines of text need 2 (+1) more than fit.
    for before in range(18, 24):
        filler = [WORDS] * (before // 4) + [ONE_LINE] * (before % 4)
        pages = layout.paginate(layout.blocks([*filler, heading, WORDS], liblouis.translate))
        heading_line = layout.lay_out(heading, liblouis.translate("A heading"))[0]
        page = next(p for p in pages if heading_line in p)
        at = page.index(heading_line)
        # Under the heading, on its page: at least two lines of its text.
        assert len([line for line in page[at + 1:] if line]) >= 2, (before, page)
        assert page[at + 1:at + 1 + blank_after] == [""] * blank_after


def test_a_heading_followed_by_a_one_line_paragraph_keeps_the_next_line_too():
    heading = Piece("heading", "A heading", level=3)
    items = [WORDS] * 5 + [ONE_LINE, heading, ONE_LINE, WORDS]  # 21 lines, then 1 + 1 + 1 + ...
    pages = layout.paginate(layout.blocks(items, liblouis.translate))
    assert pages[0][-1] != layout.lay_out(heading, liblouis.translate("A heading"))[0]
    assert pages[1][0].strip() == liblouis.translate("A heading").braille


def test_headings_in_a_row_stay_with_each_other_and_their_text():
    main, sub = Piece("heading", "Main", level=2), Piece("heading", "Sub", level=3)
    # 20 lines: a blank line, the main heading, a blank line, the sub-heading and two lines would need 26.
    pages = layout.paginate(layout.blocks([WORDS] * 5 + [main, sub, WORDS], liblouis.translate))
    assert len(pages[0]) == 20 and pages[1][0] == layout.centre(liblouis.translate("Main").braille)


def test_heading_layout_centred_cell_5_and_cell_7():
    pages = layout.paginate(layout.blocks([
        Piece("heading", "Title", level=1), ONE_LINE,
        Piece("heading", "Section", level=3), ONE_LINE,
        Piece("heading", "Part", level=4), ONE_LINE,
    ], liblouis.translate))
    braille = {word: liblouis.translate(word).braille for word in ("Title", "Section", "Part")}
    one = "  " + liblouis.translate(ONE_LINE.text).braille
    assert pages[0] == [layout.centre(braille["Title"]), "", one, "", "    " + braille["Section"], one, "", "      " + braille["Part"], one]


def test_deep_nesting_finishes_and_keeps_lines_readable():
    """A list nested 25 deep: every line fits, keeps room for words, and it takes no time."""
    import signal

    item = m.ListItem((m.Paragraph((m.Text("the deepest point of a long list of things to do"),)),))
    for depth in range(25):
        item = m.ListItem((m.Paragraph((m.Text(f"level {25 - depth} item with some words"),)), m.ListBlock(False, (item,))))
    document = document_of(m.ListBlock(False, (item,)))

    def too_slow(*_):
        raise TimeoutError("the braille layout did not finish")

    signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(20)
    try:
        items = pieces(document)
        pages = layout.paginate(layout.blocks(items, liblouis.translate))
    finally:
        signal.alarm(0)
    lines = [line for page in pages for line in page]
    assert all(len(line) <= layout.CELLS for line in lines)
    assert all(len(line) - len(line.lstrip()) <= layout.CELLS - layout.MIN_TEXT_CELLS for line in lines)
    assert "the deepest point of a long list of things to do" in read_back(lines)


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
    assert f"{send_entry['details']['brf']['braille_pages']} braille pages" in page
    assert "Braille-ready text" in page and "braille embosser" in page


def test_the_check_command_validator_agrees_with_the_manifest(built_project, send_entry):
    from factsheets.validators.braille import check_entry

    assert check_entry(built_project / "build", send_entry) == []
    wrong = {**send_entry, "details": {"brf": {"braille_pages": send_entry["details"]["brf"]["braille_pages"] + 1}}}
    assert [f.level for f in check_entry(built_project / "build", wrong)] == [FAILURE]


def test_a_box_line_says_which_box_and_a_picture_is_a_transcribers_note():
    """A warning's opening line says "Important", a note's "Note": read back, not just dots."""
    document = document_of(
        m.Box("warning", (m.Text("Time limits"),), (m.Paragraph((m.Text("Act within two months."),)),), id="w"),
        m.Box("tip", (m.Text("Good to know"),), (m.Paragraph((m.Text("It is free."),)),), id="n"),
        m.Figure(m.Image("map.png", "A map of the area")),
    )
    lines = [line for page in layout.paginate(layout.blocks(pieces(document), liblouis.translate)) for line in page]
    tops = [line for line in lines if line.startswith("777")]
    assert [len(line) for line in tops] == [40, 40]
    assert [read_back([line.strip("7")]) for line in tops] == ["Box: Important", "Box: Note"]
    bottoms = [line for line in lines if line.startswith("GGG")]
    assert [read_back([line.strip("G")]) for line in bottoms] == ["End of box", "End of box"]
    [picture] = [line for line in lines if "@.<" in line]
    assert picture.strip().startswith("@.<") and picture.endswith("@.>")
    assert read_back([picture.strip()[3:-3]]) == "Picture: A map of the area"


def test_an_item_or_label_never_ends_a_page_with_its_words_on_the_next():
    label = Piece("item", "Facebook: www.facebook.com/the-service-page", marker="•")
    [item_lines] = [block.lines for block in layout.blocks([label], liblouis.translate)]
    assert len(item_lines) == 2  # "• Facebook:" and the address under it
    for before in range(20, 25):
        filler = [ONE_LINE] * before
        pages = layout.paginate(layout.blocks([*filler, label], liblouis.translate))
        page = next(p for p in pages if item_lines[0] in p)
        assert page.index(item_lines[0]) + 1 < len(page), (before, page[-2:])


def box_filling(lines_before: int) -> list[Piece]:
    """A heading, a box of paragraphs and its closing line, `lines_before` text lines in all
    before the closing line (blank lines between the blocks), for the closing line to fall
    where a test wants it."""
    top = Piece("boxline", layout_text.BOX_TOP, marker="Box: Important")
    bottom = Piece("boxline", layout_text.BOX_BOTTOM, marker="End of box")
    items = [Piece("heading", "Help", level=2), WORDS, Piece("heading", "More", level=3), top, Piece("heading", "Time limits", level=3)]
    # heading, blank, 4 words lines, blank, heading, blank, top box line, heading: 11 lines
    return [*items, *[ONE_LINE] * (lines_before - 11), bottom]


@pytest.mark.parametrize("lines_before", [24, 23])
def test_a_box_closing_line_never_starts_a_page_and_a_last_page_of_it_alone_is_folded_back(lines_before):
    """Issue 26: a near-empty last page held only the closing box line."""
    pages = layout.paginate(layout.blocks(box_filling(lines_before), liblouis.translate))
    assert len(pages) == 1 and len(pages[0]) <= layout.TEXT_LINES, pages
    assert pages[0][-1].startswith("GGG")
    assert pages[0].count("") == 3 - (lines_before - 23), pages  # one blank line given up if needed
    heading = next(i for i, line in enumerate(pages[0]) if line.startswith("    ,M"))
    assert pages[0][heading - 1] == ""  # a heading keeps the blank line before it


def test_with_no_blank_line_to_give_the_closing_line_takes_a_line_of_its_box_with_it():
    bottom = Piece("boxline", layout_text.BOX_BOTTOM, marker="End of box")
    pages = layout.paginate(layout.blocks([*[ONE_LINE] * layout.TEXT_LINES, bottom], liblouis.translate))
    assert [len(page) for page in pages] == [layout.TEXT_LINES - 1, 2] and pages[1][1].startswith("GGG")


@pytest.mark.parametrize("label", [Piece("item", "Facebook:"), Piece("paragraph", "You can ask us to:"),
                                   Piece("item", "Email:", marker="•")])
def test_a_label_that_leads_in_to_the_next_line_never_ends_a_page(label):
    """Issue 26: "Facebook:" at the foot of a page, its address at the top of the next."""
    follows = Piece("item", "www.facebook.com/northdale-advice", marker="•")
    [label_line] = layout.blocks([label], liblouis.translate)[0].lines
    for before in range(20, 25):
        pages = layout.paginate(layout.blocks([*[ONE_LINE] * before, label, follows], liblouis.translate))
        page = next(p for p in pages if label_line in p)
        assert page.index(label_line) + 1 < len(page), (before, page[-2:])


def test_a_print_page_change_is_a_line_of_dots_36_and_the_page_number_at_the_right():
    heading = Piece("heading", "Seeking help", level=3)
    body = layout.blocks([ONE_LINE, heading, ONE_LINE], liblouis.translate, {1: 4})
    [lines] = layout.paginate(body)
    at = lines.index("-" * 38 + "#D")
    assert lines[at - 1] == "" and lines[at + 1].startswith("    ,SEEK")  # the heading's blank line before it, none after
    for before in range(20, 25):  # never the last line of a braille page, cut off from its text
        pages = layout.paginate(layout.blocks([*[ONE_LINE] * before, ONE_LINE, ONE_LINE], liblouis.translate, {before + 1: 4}))
        page = next(p for p in pages if "-" * 38 + "#D" in p)
        assert page.index("-" * 38 + "#D") + 1 < len(page), before


def test_the_leaflets_brf_shows_every_page_of_its_large_print_pdf(send_entry, send_files):
    """Issue 26: a braille reader in a meeting finds "page 4" (print_pages.py)."""
    from factsheets.writers.braille.print_pages import is_page_line

    brf, _ = send_files
    shown = [braille_number(line.lstrip("-")) for page in brf_pages(brf) for line in page if is_page_line(line)]
    assert shown == list(range(2, send_entry["details"]["large_print_pdf"]["pages"] + 1))
