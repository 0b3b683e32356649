"""Footnotes, abbreviations, definition lists and {#id}s in each format's renderer (no engine):
the website, the print view, the braille-ready text, the speech script and the EPUB's XHTML.
The outputs below were read by eye in a build of tests/constructs_project.py."""

from __future__ import annotations

import pytest
from lxml import etree

from constructs_project import constructs_project
from factsheets import model as m
from factsheets.project import load_project
from factsheets.site import factsheet_page
from factsheets.writers.audio import AudioWriter
from factsheets.writers.braille.text import braille_ready_text, pieces
from factsheets.writers.constructs import abbreviation_words, fitted_article
from factsheets.writers.epub.xhtml import XhtmlRenderer, content_document
from factsheets.writers.print_html import print_document

EXPANDED = "SENCO (Special Educational Needs Coordinator)"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = constructs_project(tmp_path_factory.mktemp("constructs") / "project")
    return root, load_project(root).documents[0]


def test_the_website_shows_material_footnotes_abbreviations_and_a_definition_list(project):
    _, document = project
    html, _ = factsheet_page(document, {}, lambda x: x, lambda *a: None)
    assert '.<sup id="fnref-timing"><a class="footnote-ref" href="#fn-timing">1</a></sup> Ask' in html
    # One footnotes division, at the end of the text, as Material shows them.
    assert html.count('<div class="footnote"') == 1
    notes = html[html.index('<div class="footnote"'):]
    assert notes.index('id="fn-timing"') < notes.index('id="fn-advice"')
    assert '<a class="footnote-backref" href="#fnref-advice" title="Jump back to footnote 2 in the text">' in notes
    assert html.count('<abbr title="Special Educational Needs Coordinator">SENCO</abbr>') == 3
    assert "<dl " in html and "<dt>Advice</dt><dd>What each person thinks your child needs.</dd>" in html
    assert '<h2 id="before-the-review">' in html and '<a href="#before-the-review">' in html


def test_the_print_view_expands_at_first_use_and_prints_notes_at_the_end_of_each_section(project):
    _, document = project
    html = print_document(document)
    assert html.count(EXPANDED) == 1 and "<abbr" not in html
    assert '<a class="fs-noteref" id="fnref-timing" href="#fn-timing">[1]</a>' in html
    first_notes = html.index('<section class="fs-notes" id="notes-1">')
    assert first_notes < html.index('id="before-the-review"') < html.index('id="notes-2"') < html.index('id="after-the-meeting"')
    # Before the first section the notes' heading is level 2; in a section, level 3.
    assert '<h2 class="fs-notes-title">Notes</h2>' in html and '<h3 class="fs-notes-title">Notes</h3>' in html
    assert '<span class="fs-note-number">[2]</span> Everyone must send' in html
    assert "<dt><strong>Advice</strong></dt>" in html


def test_the_braille_ready_text_expands_and_lists_notes_after_the_section(project):
    _, document = project
    text = braille_ready_text(pieces(document))
    assert ("The Special Educational Needs Coordinator (SENCO) arranges the annual review of your EHC plan.[1] "
            "Ask the SENCO if you are not sure.\n\n### Notes\n\n[1] The review must be held within twelve months of the plan.\n") in text
    assert ("Advice\n  What each person thinks your child needs.\nOutcomes\n"
            "  What your child should achieve by the end of the key stage.\n\n### Notes\n\n[2] Everyone") in text


def test_the_audio_reads_each_note_after_its_paragraph_and_never_its_number(project):
    root, document = project
    transcript = AudioWriter().script(document, {"project_root": root}).transcript()
    assert ("The Special Educational Needs Coordinator (SENCO) arranges the annual review of your EHC plan. "
            "Ask the SENCO if you are not sure.\n\nNote: The review must be held within twelve months of the plan.\n\n[2. Before") in transcript
    assert ("your child.\n\nNote: Everyone must send it at least two weeks before the meeting.\n\n"
            "Advice: What each person thinks your child needs.\n\nOutcomes: What your child") in transcript
    assert "[1]" not in transcript and "Notes" not in transcript
    assert transcript.count("Note:") == 2  # each note once, where first cited


def test_the_epub_marks_note_references_and_footnotes(project):
    _, document = project
    renderer = XhtmlRenderer(document, set())
    page = etree.fromstring(content_document(document, renderer.blocks(document.blocks), "style.css").encode())
    ns = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
    refs = page.xpath("//x:a[@epub:type='noteref']", namespaces=ns)
    asides = page.xpath("//x:aside[@epub:type='footnote']", namespaces=ns)
    assert [(a.get("href"), a.text) for a in refs] == [("#fn-timing", "1"), ("#fn-advice", "2")]
    assert [a.get("id") for a in asides] == ["fn-timing", "fn-advice"]
    assert page.xpath("count(//x:dl/x:dt)", namespaces=ns) == 2


# The first use read as a phrase, never "an EHC, the Education, Health and Care, plan".
@pytest.mark.parametrize("before, letters, expansion, said", [
    ("Your child may have an ", "EHC", "Education, Health and Care", "Your child may have an Education, Health and Care (EHC)"),
    ("The ", "SENCO", "the Special Educational Needs Coordinator", "The Special Educational Needs Coordinator (SENCO)"),
    ("Ask your ", "SENCO", "Special Educational Needs Coordinator", "Ask your Special Educational Needs Coordinator (SENCO)"),
    ("Contact ", "SENCO", "the Special Educational Needs Coordinator", "Contact the Special Educational Needs Coordinator (SENCO)"),
    ("Children with an ", "SEN", "special educational needs", "Children with a special educational needs (SEN)"),
    ("Ask a ", "IPSEA", "Independent Provider of Special Education Advice", "Ask an Independent Provider of Special Education Advice (IPSEA)"),
    ("Apply for a ", "PIP", "Personal Independence Payment", "Apply for a Personal Independence Payment (PIP)"),
    ("A ", "EP", "educational psychologist", "An educational psychologist (EP)"),
])
def test_the_first_use_of_an_abbreviation_reads_as_a_phrase(before, letters, expansion, said):
    written = abbreviation_words(m.Abbreviation(letters, expansion, first=True), before, "en-GB")
    assert fitted_article(before, written, "en-GB") + written == said
    assert abbreviation_words(m.Abbreviation(letters, expansion), before, "en-GB") == letters  # not its first use
    assert abbreviation_words(m.Abbreviation(letters, expansion, first=True), "", "cy") == f"{expansion} ({letters})"


def test_a_note_cited_in_a_heading_is_read_at_the_end_of_its_section(tmp_path):
    root = constructs_project(tmp_path / "project")
    page = root / "docs" / "factsheets" / "annual-reviews.md"
    page.write_text(page.read_text().replace("## After the meeting", "## After the meeting[^later]")
                    + "[^later]: Some schools meet again later.\n")
    document = load_project(root).documents[0]
    transcript = AudioWriter().script(document, {"project_root": root}).transcript()
    assert "After the meeting.\n\nThe SENCO writes a report. Read before the meeting again if you need to.\n\nNote: Some schools meet again later." in transcript


@pytest.mark.parametrize("before, letters, expansion", [
    ("Council Tax Support (", "CTS", "Council Tax Support"),
    ("Ask for an education, health and care (", "EHC", "Education, Health and Care"),  # any case
    ("Ask the Special Educational Needs Coordinator (", "SENCO", "the Special Educational Needs Coordinator"),  # its article
])
def test_an_abbreviation_the_text_spells_out_before_it_is_said_as_its_letters(before, letters, expansion):
    assert abbreviation_words(m.Abbreviation(letters, expansion, first=True), before, "en-GB") == letters
