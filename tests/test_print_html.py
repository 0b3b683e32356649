"""The print view: what paper needs that a screen does not."""

from __future__ import annotations

from pathlib import Path

from conftest import LEAFLET, SEND_SLUG
from factsheets import model as m
from factsheets.project import load_project
from factsheets.writers.print_html import (
    NO_ALT_TEXT, PrintRenderer, address_pieces, breakable, is_address, print_css, print_document,
)
import pytest

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines


def send_document() -> m.Document:
    return next(d for d in load_project(LEAFLET).documents if d.meta.slug == SEND_SLUG)


def test_addresses_are_recognised_and_ordinary_words_are_not():
    for word in ("www.ipsea.org.uk", "https://example.org/a", "gov.uk/x", "someone@bathnes.gov.uk", "(www.contact.org.uk/)."):
        assert is_address(word), word
    for word in ("11.67", "school/college", "person-centred", "Headteacher.", "e.g."):
        assert not is_address(word), word


def test_an_address_breaks_only_after_a_slash_or_a_dot():
    long = "https://www.example.org.uk/reports/annual/summary"
    assert address_pieces(long) == ["https://www.example.", "org.", "uk/", "reports/", "annual/", "summary"]
    # A short one moves to the next line whole, and nothing breaks straight after "www".
    assert address_pieces("www.ipsea.org.uk") == ["www.ipsea.org.uk"]
    # A long stretch with only hyphens in it may also break before a hyphen, never after one.
    pieces = address_pieces("gov.uk/first-tier-tribunal-special-educational-needs")
    assert pieces[-3:] == ["-special", "-educational", "-needs"]
    assert "".join(pieces) == "gov.uk/first-tier-tribunal-special-educational-needs"


def test_an_email_breaks_after_its_at_sign_never_at_its_underscore():
    """"send" / "_partnershipservice@..." reads as two words: an address breaks only after
    an @, a slash or a dot."""
    assert address_pieces("send_partnershipservice@bathnes.gov.uk") == ["send_partnershipservice@", "bathnes.", "gov.", "uk"]
    assert address_pieces("www.example.org.uk/search?q=a_b&page=2") == ["www.example.", "org.", "uk/", "search?q=a_b&page=2"]
    # A full stop after an address is not a place to break.
    assert address_pieces("www.example.org.uk/annualreport2026.") == ["www.example.", "org.", "uk/", "annualreport2026."]


def test_breakable_text_keeps_every_character_and_escapes_markup():
    html = breakable("See www.a-b.example.org.uk/reports/x & <more>")
    assert html.replace("\u200b", "").replace("\u2060", "") == "See www.a-b.example.org.uk/reports/x &amp; &lt;more&gt;"
    # A zero-width space where the address may break; a word joiner after a hyphen, where it may not.
    assert "www.a-\u2060b.\u200bexample.\u200borg" in html


def test_the_stylesheet_takes_the_size_asked_for():
    assert "--fs-size: 24pt" in print_css(24)
    assert "--fs-size: 18pt" in print_css(18)


def test_the_print_page_has_language_title_and_metadata_for_the_pdf():
    document = send_document()
    html = print_document(document, date="2021-06")
    assert html.startswith('<!DOCTYPE html>\n<html lang="en-GB" dir="ltr">')
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


# Images and links to other factsheets --------------------------------------------------

def test_the_print_page_shows_its_images_opened_from_the_site_folder(tmp_path):
    from conftest import factsheets
    from test_pdf_images import layout_project
    from factsheets.validators.website import chromium

    root = layout_project(tmp_path / "project")
    result = factsheets(root, "build", "--format", "print")
    assert result.returncode == 0, result.stderr
    page = root / "build" / "site" / "files" / "appeals" / "appeals-print.html"
    assert (page.parent / "images" / "timeline.png").read_bytes() == (root / "docs" / "factsheets" / "timeline.png").read_bytes()
    failed = []
    with chromium() as browser:
        tab = browser.new_page()
        tab.on("requestfailed", lambda request: failed.append(request.url))
        tab.goto(page.as_uri())
        images = tab.eval_on_selector_all("img", "all => all.map(i => [i.getAttribute('src'), i.complete && i.naturalWidth > 0])")
        link = tab.get_attribute("a[href$='short.html']", "href")
    assert images == [["images/timeline.png", True], ["images/pdf-photo.png", True]] and failed == []
    assert link == "../../factsheets/short.html" and (page.parent / link).resolve().is_file()


def test_images_of_the_same_name_from_different_folders_are_both_copied(tmp_path):
    from factsheets.writers.print_sources import copy_images

    root = tmp_path / "project"
    folder = root / "docs" / "factsheets"
    (folder / "pictures").mkdir(parents=True)
    (folder / "map.png").write_bytes(b"first")
    (folder / "pictures" / "map.png").write_bytes(b"second")
    document = send_document()
    meta = m.Meta(**{**document.meta.__dict__, "source": "docs/factsheets/x.md"})
    blocks = (m.Figure(m.Image("map.png", "A", 1)), m.Paragraph((m.Image("pictures/map.png", "B", 2),)))
    copied = copy_images(m.Document(meta, blocks, document.organisation), root, tmp_path / "out")
    assert copied["map.png"] == "images/map.png" and copied["pictures/map.png"].startswith("images/map-")
    assert {(tmp_path / "out" / name).read_bytes() for name in copied.values()} == {b"first", b"second"}


def linking_project(tmp_path: Path, settings: str = "") -> tuple[Path, m.Document]:
    from conftest import FIXTURES, copy_project

    root = copy_project(tmp_path / "project", FIXTURES / "small")
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text() + settings)
    folder = root / "docs" / "factsheets"
    (folder / "other.md").write_text("---\ntitle: Annual reviews\nsummary: x\nversion: 1\ndate: 2024-01\n---\n\nText.\n")
    document = load_project(root).documents[1]
    links = [m.Link(url, (m.Text(words),)) for url, words in (
        ("other.md", "the reviews factsheet"), ("other.html#when", "Annual reviews"), ("/factsheets/other/", "reviews"),
        ("https://example.org/other.md", "elsewhere"), ("short.md", "this one"))]
    return root, m.Document(document.meta, (m.Paragraph(tuple(links)),), document.organisation)


def test_links_to_another_factsheet_are_found_in_every_form(tmp_path):
    from factsheets.writers.print_sources import linked_factsheets

    root, document = linking_project(tmp_path)
    found = linked_factsheets(document, root)
    assert sorted(found) == ["/factsheets/other/", "other.html#when", "other.md"]
    assert {(f.title, f.page, f.url) for f in found.values()} == {("Annual reviews", "factsheets/other.html", None)}


def test_a_link_to_another_factsheet_prints_its_title_and_web_address(tmp_path):
    from factsheets.writers.print_sources import linked_factsheets

    root, document = linking_project(tmp_path, "site_url: https://factsheets.example.org/\n")
    html = print_document(document, factsheets=linked_factsheets(document, root))
    text = html.replace("\u200b", "").replace("\u2060", "")
    assert ('<a href="https://factsheets.example.org/factsheets/other.html">the reviews factsheet</a> '
            '<span class="fs-url">(the factsheet \u201cAnnual reviews\u201d, factsheets.example.org/factsheets/other.html)</span>') in text
    # Words that are already the title are not repeated.
    assert '>Annual reviews</a> <span class="fs-url">(factsheets.example.org/factsheets/other.html)</span>' in text


def test_without_a_site_address_the_title_is_printed_and_the_pdf_link_goes_nowhere(tmp_path):
    from factsheets.writers.print_sources import linked_factsheets

    root, document = linking_project(tmp_path)
    found = linked_factsheets(document, root)
    for_pdf = print_document(document, factsheets=found)
    assert '<strong>the reviews factsheet</strong> <span class="fs-url">(the factsheet \u201cAnnual reviews\u201d)</span>' in for_pdf
    assert 'href="other.md"' not in for_pdf
    on_site = print_document(document, factsheets=found, on_site=True)
    assert '<a href="../../factsheets/other.html">the reviews factsheet</a>' in on_site


def test_a_call_out_opens_with_its_weight_in_words_and_the_summary_is_under_the_title():
    """A warning looked like a note but for a thicker rule: it says "Important", as the audio does."""
    base = send_document()
    boxes = (
        m.Box("warning", (m.Text("Time limits"),), (m.Paragraph((m.Text("Act within two months."),)),), id="w"),
        m.Box("tip", (m.Text("Good to know"),), (m.Paragraph((m.Text("It is free."),)),), id="t"),
        m.Box("note", (m.Text("Note"),), (m.Paragraph((m.Text("Titled by its kind."),)),), id="n"),
    )
    html = print_document(m.Document(base.meta, boxes, base.organisation))
    assert '<p class="fs-callout-title"><strong>Important: Time limits</strong></p>' in html
    assert '<p class="fs-callout-title"><strong>Note: Good to know</strong></p>' in html
    assert '<p class="fs-callout-title"><strong>Note</strong></p>' in html
    title = html.index('<h1 id="title">')
    assert html.index(f'<p class="fs-summary">{base.meta.summary}</p>') > title
