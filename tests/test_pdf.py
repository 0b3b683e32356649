"""The large-print PDF, checked from the PDF itself: glyphs, tags, metadata, words.

The same validators `factsheets check` uses run on the real built PDF, and on
deliberately broken PDFs to show that they fail.
"""

from __future__ import annotations

import builtins
import json
import shutil
from pathlib import Path

import pikepdf
import pytest

from conftest import FIXTURES, SEND_SLUG, factsheets
from factsheets import model as m
from factsheets.engines import weasyprint as engine
from factsheets.errors import EngineMissing, SourceError
from factsheets.project import load_project
from factsheets.validators import FAILURE
from factsheets.validators.pdf import FOOTER_TOP_PT, check_pdf, check_words, document_words, glyphs
from factsheets.writers.pdf import PdfWriter
from factsheets.writers.pdf_tags import fix_tags
from factsheets.writers.print_html import NO_ALT_TEXT, print_document

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines


@pytest.fixture(scope="module")
def send_document(built_project) -> m.Document:
    return next(d for d in load_project(built_project).documents if d.meta.slug == SEND_SLUG)


@pytest.fixture(scope="module")
def send_pdf(built_project, send_entry) -> Path:
    return built_project / "build" / send_entry["formats"]["large_print_pdf"]


@pytest.fixture(scope="module")
def send_glyphs(send_pdf) -> list[list[dict]]:
    return glyphs(send_pdf)


def page_text(page: list[dict]) -> str:
    return "".join(c["text"] for c in page)


# The real factsheet ----------------------------------------------------------------

def test_the_build_records_the_pdf_and_its_pages(send_entry, send_pdf):
    assert send_entry["formats"]["large_print_pdf"] == f"site/files/{SEND_SLUG}/{SEND_SLUG}-large-print.pdf"
    with pikepdf.open(send_pdf) as pdf:
        assert send_entry["details"]["large_print_pdf"]["pages"] == len(pdf.pages) >= 10


def test_the_real_pdf_meets_every_check(send_pdf, send_document):
    assert check_pdf(send_pdf, send_document) == []


def test_the_check_command_validator_agrees_with_the_manifest(send_pdf, send_document, send_entry):
    from factsheets.validators.pdf import check_entry

    assert check_entry(send_pdf, send_document, send_entry) == []
    wrong = check_entry(send_pdf, send_document, {**send_entry, "details": {"large_print_pdf": {"pages": send_entry["details"]["large_print_pdf"]["pages"] + 1}}})
    assert len(wrong) == 1 and "manifest says" in wrong[0].message


def test_tags_language_title_and_properties(send_pdf, send_document):
    with pikepdf.open(send_pdf) as pdf:
        assert "/StructTreeRoot" in pdf.Root and bool(pdf.Root.MarkInfo.Marked)
        assert str(pdf.Root.Lang) == "en-GB"
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        assert pdf.open_metadata()["dc:title"] == send_document.meta.title
        assert b"pdfuaid:part" in pdf.Root.Metadata.read_bytes()
        info = pdf.docinfo
        assert str(info.Author) == "SEND Partnership Service"
        assert str(info.Subject) == send_document.meta.summary
        assert "SEND Code of Practice" in str(info.Keywords)
        assert str(info.CreationDate).startswith("D:202106")  # the factsheet's date, not the clock's


def test_bookmarks_follow_the_headings(send_pdf, send_document):
    with pikepdf.open(send_pdf) as pdf, pdf.open_outline() as outline:
        top = list(outline.root)
        assert [item.title for item in top] == [send_document.meta.title]
        sections = [item.title for item in top[0].children]
    expected = [m.plain_text(h.children) for h in m.headings(send_document) if h.level == 2]
    assert sections == expected


def test_every_glyph_is_liberation_sans_at_18pt_or_more(send_glyphs):
    chars = [c for page in send_glyphs for c in page]
    assert min(c["size"] for c in chars) == pytest.approx(18, abs=0.05)
    fonts = {c["fontname"].split("+")[1] for c in chars}
    assert fonts == {"Liberation-Sans", "Liberation-Sans-Bold"}
    headings = {round(c["size"], 1) for c in chars if c["fontname"].endswith("Bold")}
    assert max(headings) >= 28  # the title, larger and bold


def test_every_font_is_embedded(send_pdf):
    with pikepdf.open(send_pdf) as pdf:
        fonts = {f.objgen: f for page in pdf.pages for f in page.Resources.Font.values()}
        for font in fonts.values():
            descriptor = font.DescendantFonts[0].FontDescriptor if "/DescendantFonts" in font else font.FontDescriptor
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor or "/FontFile" in descriptor


def test_page_numbers_say_page_n_of_m_in_the_same_place_at_body_size(send_glyphs):
    total = len(send_glyphs)
    places = set()
    for number, page in enumerate(send_glyphs, start=1):
        label = f"Page{number}of{total}"
        last_line = sorted(page, key=lambda c: (c["top"], c["x0"]))
        bottom = max(c["top"] for c in page)
        footer = [c for c in last_line if c["top"] == bottom]
        assert "".join(c["text"] for c in footer) == label
        assert min(c["size"] for c in footer) >= 18 - 0.05
        places.add((round(footer[0]["x0"]), round(footer[0]["top"])))
    assert len(places) == 1


def test_the_first_page_has_title_version_date_and_contact_details(send_glyphs, send_document):
    first = page_text(send_glyphs[0]).replace(" ", "")
    assert send_document.meta.title.replace(" ", "") in first
    assert "Version4,June2021" in first
    assert "01225394382" in first and "send_partnershipservice@bathnes.gov.uk" in first
    last_pages = "".join(page_text(p) for p in send_glyphs[-2:]).replace(" ", "")
    assert "01225394382" in last_pages and "ContacttheSENDPartnershipService" in last_pages


def test_no_page_ends_with_a_heading(send_glyphs):
    # Headings are larger than 18 pt; the last line above the footer is never one.
    for number, page in enumerate(send_glyphs, start=1):
        body = [c for c in page if c["top"] < FOOTER_TOP_PT]
        if not body:
            continue
        bottom = max(c["top"] for c in body)
        last_line = [c for c in body if abs(c["top"] - bottom) < 2]
        assert max(c["size"] for c in last_line) < 18.5, f"page {number} ends with a heading"


def test_text_is_left_aligned_not_justified(send_glyphs):
    # Justified text starts every line of a paragraph at the left margin and ends it at
    # the right: here the right edges of body lines vary widely.
    ends = {}
    for c in send_glyphs[1]:
        if round(c["size"]) == 18 and not c["fontname"].endswith("Bold"):
            ends[round(c["top"])] = max(ends.get(round(c["top"]), 0), c["x1"])
    spread = max(ends.values()) - min(ends.values())
    assert spread > 50


def test_links_are_clickable_and_their_addresses_printed(send_pdf, send_glyphs):
    uris, internal = set(), 0
    with pikepdf.open(send_pdf) as pdf:
        for page in pdf.pages:
            for annot in page.get("/Annots", []):
                action = annot.get("/A")
                if action is not None and "/URI" in action:
                    uris.add(str(action.URI))
                elif "/Dest" in annot or (action is not None and "/D" in action):
                    internal += 1
    assert "http://www.ipsea.org.uk" in uris and "tel:01225394382" in uris
    assert internal >= 5  # glossary terms jump to the PDF's own glossary
    text = "".join(page_text(p) for p in send_glyphs)
    assert "www.gov.uk/government/publications/send-code-of-practice-0-to-25" in text.replace(" ", "")


def test_nothing_is_printed_in_italics_or_past_the_margins(send_glyphs):
    for page in send_glyphs:
        for c in page:
            assert "Italic" not in c["fontname"] and "Oblique" not in c["fontname"]
            assert 56 - 1 <= c["x0"] and c["x1"] <= 595.28 - 56 + 1


def test_every_word_of_the_factsheet_is_in_reading_order(send_pdf, send_document):
    words = document_words(send_document)
    assert len(words) > 2500
    assert check_words(send_pdf, send_document) == []


def test_the_same_sources_give_the_same_bytes(tmp_path, send_document, built_project, send_pdf):
    options = {"print_size": 18, "project_root": built_project}
    first = PdfWriter().write(send_document, tmp_path / "a", options).files["large_print_pdf"]
    second = PdfWriter().write(send_document, tmp_path / "b", options).files["large_print_pdf"]
    assert first.read_bytes() == second.read_bytes() == send_pdf.read_bytes()


def test_the_website_links_to_the_pdf_with_its_size_and_pages(built_project, send_entry):
    page = (built_project / "build" / send_entry["formats"]["html"]).read_text()
    link = f'files/{SEND_SLUG}/{SEND_SLUG}-large-print.pdf">Large print (PDF, '  # type, size and pages in the link's words
    assert link in page
    assert f'{send_entry["details"]["large_print_pdf"]["pages"]} pages)</a>' in page.split(link)[1].split("</li>")[0]


# The validators fail on broken PDFs ---------------------------------------------------

def test_a_truncated_pdf_fails(tmp_path, send_pdf, send_document):
    broken = tmp_path / "truncated.pdf"
    broken.write_bytes(send_pdf.read_bytes()[: 4000])
    findings = check_pdf(broken, send_document)
    assert findings and all(f.level == FAILURE for f in findings)


def test_a_pdf_in_12pt_fails_on_size(tmp_path, send_document):
    small = tmp_path / "small.pdf"
    engine.render_pdf(print_document(send_document, size_pt=12), small, base_url=tmp_path.as_uri() + "/", identifier=b"0" * 32)
    messages = [f.message for f in check_pdf(small, send_document)]
    assert any("12.0 pt" in msg and "smaller than 16 pt" in msg for msg in messages)


def test_an_untagged_pdf_without_language_fails(tmp_path, send_document):
    import weasyprint

    html = print_document(send_document).replace('<html lang="en-GB" dir="ltr">', "<html>").replace("<title>", "<title>Draft ")
    plain = tmp_path / "plain.pdf"
    weasyprint.HTML(string=html).write_pdf(plain)
    messages = " ".join(f.message for f in check_pdf(plain, send_document))
    for expected in ("not tagged", "no /Lang", "DisplayDocTitle", "PDF/UA-1", "dc:title"):
        assert expected in messages


def test_weasyprints_untagged_footer_fails_until_marked_as_an_artifact(tmp_path, send_document):
    import weasyprint

    raw = tmp_path / "raw.pdf"
    weasyprint.HTML(string=print_document(send_document)).write_pdf(raw, pdf_variant="pdf/ua-1")
    messages = [f.message for f in check_pdf(raw, send_document)]
    assert any("neither in the structure tree nor marked as artifacts" in msg for msg in messages)
    assert engine.mark_orphans_as_artifacts(raw) == len(weasyprint.HTML(string=print_document(send_document)).render().pages)
    # What else the writer puts right in WeasyPrint's tags (test_pdf_tags.py): links described by their words.
    fix_tags(raw, print_document(send_document))
    assert check_pdf(raw, send_document) == []


def test_every_missing_word_is_found(send_pdf, send_document):
    first = m.Paragraph((m.Text("Zyzzyva"),), "x", 3)
    second = m.Paragraph((m.Text("Quokkafish"),), "y", 4)
    blocks = list(send_document.blocks)
    changed = m.Document(send_document.meta, (*blocks[:5], first, *blocks[5:], second), send_document.organisation)
    findings = check_words(send_pdf, changed)
    assert [f.message.split("'")[1] for f in findings] == ["Zyzzyva", "Quokkafish"]
    assert all("anywhere" in f.message for f in findings)
    swapped = m.Document(send_document.meta, tuple(reversed(send_document.blocks)), send_document.organisation)
    assert "in reading order" in check_words(send_pdf, swapped)[0].message


# Sizes and bad input -------------------------------------------------------------------

def test_giant_print_is_a_second_file_with_the_same_guarantees(small_project):
    result = factsheets(small_project, "build", "--format", "pdf", "--print-size", "24")
    assert result.returncode == 0, result.stderr
    entry = json.loads((small_project / "build" / "manifest.json").read_text())["factsheets"][0]
    default = small_project / "build" / entry["formats"]["large_print_pdf"]
    giant = small_project / "build" / entry["formats"]["large_print_pdf_24"]
    assert giant.name == "short-large-print-24pt.pdf" and default.name == "short-large-print.pdf"
    assert entry["details"]["large_print_pdf_24"]["pages"] > entry["details"]["large_print_pdf"]["pages"] >= 1
    document = load_project(small_project).documents[0]
    assert check_pdf(giant, document, minimum_pt=24) == []
    assert min(c["size"] for page in glyphs(giant) for c in page) == pytest.approx(24, abs=0.05)
    assert any("below 24" in f.message or "smaller than 24" in f.message for f in check_pdf(default, document, minimum_pt=24))


def test_a_size_below_large_print_is_refused(small_project, tmp_path):
    document = load_project(small_project).documents[0]
    with pytest.raises(SourceError) as error:
        PdfWriter().write(document, tmp_path, {"print_size": 12, "project_root": small_project})
    assert error.value.location.path == "docs/factsheets/short.md" and "not large print" in error.value.message


def test_awkward_input_still_gives_a_valid_readable_pdf_and_warnings(small_project):
    folder = small_project / "docs" / "factsheets"
    shutil.copy(FIXTURES / "pdf-bad-input.md", folder / "awkward.md")
    shutil.copy(FIXTURES / "pdf-photo.png", folder / "pdf-photo.png")
    result = factsheets(small_project, "build", "--format", "pdf")
    assert result.returncode == 0, result.stderr
    assert "docs/factsheets/awkward.md:10: warning: large print: the image 'pdf-photo.png' has no alt text" in result.stderr
    assert "docs/factsheets/awkward.md:14: warning: large print: the table of 8 columns is too wide" in result.stderr
    assert "docs/factsheets/awkward.md:21: warning: large print: the web address 'https://example.org/reports/" in result.stderr
    assert "WeasyPrint" not in result.stderr
    entry = next(e for e in json.loads((small_project / "build" / "manifest.json").read_text())["factsheets"] if e["slug"] == "awkward")
    pdf = small_project / "build" / entry["formats"]["large_print_pdf"]
    document = next(d for d in load_project(small_project).documents if d.meta.slug == "awkward")
    assert check_pdf(pdf, document) == []  # within the margins, every word there, tagged, 18 pt
    with pikepdf.open(pdf) as opened:
        figures = [o for o in opened.objects if isinstance(o, pikepdf.Dictionary) and o.get("/S") == "/Figure"]
        assert [str(f.Alt) for f in figures] == [NO_ALT_TEXT]


def test_without_pango_the_message_names_the_packages(monkeypatch):
    real_import = builtins.__import__

    def no_pango(name, *args, **kwargs):
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pango)
    with pytest.raises(EngineMissing) as error:
        engine.render_pdf("<html></html>", Path("/nonexistent.pdf"), base_url="file:///", identifier=b"0")
    assert "libpango-1.0-0 libpangoft2-1.0-0" in str(error.value)


def test_weasyprint_is_imported_without_asking_gcc_or_ld_for_its_libraries():
    # WeasyPrint tries other systems' library names first; each one ldconfig does not list had
    # ctypes run gcc and ld to look for it (0.2 s of the import). Debian's are in ldconfig's cache.
    import subprocess
    import sys

    program = ("import ctypes.util as u\n"
               "asked = []\n"
               "u._findLib_gcc = lambda name: asked.append(name)\n"
               "from factsheets.engines.weasyprint import _weasyprint\n"
               "_weasyprint().HTML(string='<p>x</p>').write_pdf()\n"
               "print(len(asked))\n")
    run = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "0", run.stderr


def test_the_ordinary_library_search_is_back_after_the_import(monkeypatch):
    import ctypes.util

    asked = []
    monkeypatch.setattr(ctypes.util, "_findLib_gcc", lambda name: asked.append(name))
    with engine.libraries_from_ldconfig_only():
        assert ctypes.util.find_library("no-such-library-anywhere") is None
    assert asked == []
    ctypes.util.find_library("no-such-library-anywhere")
    assert asked == ["no-such-library-anywhere"]
