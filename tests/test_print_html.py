"""The print view: what paper needs that a screen does not."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO, SEND_SLUG
from factsheets import model as m
from factsheets.project import load_project
from factsheets.writers.print_html import (
    NO_ALT_TEXT, PrintRenderer, address_pieces, breakable, is_address, print_css, print_document,
)


def send_document() -> m.Document:
    return next(d for d in load_project(REPO).documents if d.meta.slug == SEND_SLUG)


def test_addresses_are_recognised_and_ordinary_words_are_not():
    for word in ("www.ipsea.org.uk", "https://example.org/a", "gov.uk/x", "someone@bathnes.gov.uk", "(www.contact.org.uk/)."):
        assert is_address(word), word
    for word in ("11.67", "school/college", "person-centred", "Headteacher.", "e.g."):
        assert not is_address(word), word


def test_an_address_breaks_after_a_slash_and_before_a_dot():
    long = "https://www.example.org.uk/reports/annual/summary"
    assert address_pieces(long) == ["https://www.example", ".org", ".uk/", "reports/", "annual/", "summary"]
    # A short one moves to the next line whole, and nothing breaks straight after "www".
    assert address_pieces("www.ipsea.org.uk") == ["www.ipsea.org.uk"]
    # A long stretch with only hyphens in it may also break before a hyphen, never after one.
    pieces = address_pieces("gov.uk/first-tier-tribunal-special-educational-needs")
    assert pieces[-3:] == ["-special", "-educational", "-needs"]
    assert "".join(pieces) == "gov.uk/first-tier-tribunal-special-educational-needs"


def test_breakable_text_keeps_every_character_and_escapes_markup():
    html = breakable("See www.a-b.example.org.uk/reports/x & <more>")
    assert html.replace("\u200b", "").replace("\u2060", "") == "See www.a-b.example.org.uk/reports/x &amp; &lt;more&gt;"
    # A zero-width space where the address may break; a word joiner after a hyphen, where it may not.
    assert "www.a-\u2060b\u200b.example\u200b.org" in html


def test_the_stylesheet_takes_the_size_asked_for():
    assert "--fs-size: 24pt" in print_css(24)
    assert "--fs-size: 18pt" in print_css(18)


def test_the_print_page_has_language_title_and_metadata_for_the_pdf():
    document = send_document()
    html = print_document(document, date="2021-06")
    assert html.startswith('<!DOCTYPE html>\n<html lang="en-GB">')
    assert f"<title>{document.meta.title}</title>" in html
    assert '<meta name="author" content="SEND Partnership Service">' in html
    assert '<meta name="dcterms.created" content="2021-06">' in html
    keywords = html.split('<meta name="keywords" content="')[1].split('"')[0]
    assert "SEND Code of Practice" in keywords and "Education Health and Care plan" in keywords


def test_quotations_are_introduced_in_words_with_their_paragraph():
    html = print_document(send_document())
    assert '<p class="fs-quote-label">Quotation (paragraph 11.1):</p><blockquote>' in html
    assert "<em>" not in html and "<i>" not in html


def test_web_addresses_are_written_out_once():
    document = send_document()
    renderer = PrintRenderer(document)
    described = m.Link("http://www.ipsea.org.uk", (m.Text("IPSEA"),))
    assert 'fs-url">(www.ipsea.org.uk)' in renderer.inline(described)
    bare = m.Link("http://www.ipsea.org.uk", (m.Text("www.ipsea.org.uk"),))
    assert "fs-url" not in renderer.inline(bare)


def test_an_image_without_alt_text_is_still_described():
    renderer = PrintRenderer(send_document())
    assert f'alt="{NO_ALT_TEXT}"' in renderer.inline(m.Image("a.png", "", 3))
    assert 'alt="A map"' in renderer.inline(m.Image("a.png", "A map", 3))


def test_the_writer_writes_the_print_page(tmp_path: Path):
    from factsheets.writers.print_html import PrintHtmlWriter

    output = PrintHtmlWriter().write(send_document(), tmp_path, {})
    path = output.files["print_html"]
    assert path.name == f"{SEND_SLUG}-print.html"
    assert "Page &quot;" not in path.read_text() and 'counter(pages)' in path.read_text()
