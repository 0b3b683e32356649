"""The website's read-along markup: the audio's block ids on the page, each sentence with its times."""

from __future__ import annotations

import json

from factsheets import model as m
from factsheets.site import SiteRenderer
from factsheets.site_read_along import spoken_by_block


def document_of(*blocks: m.Block) -> m.Document:
    organisation = m.Organisation(
        "Org", "An organisation", "01225 000000", "", None, "a@b.uk", "https://b.uk", None, (), None, "Disclaimer.", "Other formats.", "Series",
    )
    meta = m.Meta("t", "Title", "Summary.", "1", "2024-03", "en-GB", "docs/factsheets/t.md")
    return m.Document(meta, tuple(blocks), organisation)


def said(block: str, *times: tuple[float, float]) -> list[dict]:
    return [{"block": block, "text": "...", "start": a, "end": b} for a, b in times]


TWO_SENTENCES = m.Paragraph((m.Text("Ask the school first. "), m.Strong((m.Text("Then"),)), m.Text(" write to us.")), "intro-p1")


def test_a_paragraph_said_sentence_for_sentence_has_a_span_a_sentence():
    renderer = SiteRenderer(document_of(TWO_SENTENCES), {"intro-p1": said("intro-p1", (1.0, 2.5), (2.5, 4.25))})
    html = renderer.block(TWO_SENTENCES)
    assert html == (
        '<p id="intro-p1" data-fs-from="1.000">'
        '<span id="intro-p1-s1" data-fs-begin="1.000" data-fs-end="2.500">Ask the school first.</span> '
        '<span id="intro-p1-s2" data-fs-begin="2.500" data-fs-end="4.250"><strong>Then</strong> write to us.</span></p>'
    )


def test_a_paragraph_said_in_other_sentences_is_one_stretch():
    # The audio said it as three sentences (a number written out, say): the whole paragraph is highlighted.
    renderer = SiteRenderer(document_of(TWO_SENTENCES), {"intro-p1": said("intro-p1", (1, 2), (2, 3), (3, 4))})
    html = renderer.block(TWO_SENTENCES)
    assert html.startswith('<p id="intro-p1" data-fs-from="1.000" data-fs-begin="1.000" data-fs-end="4.000">Ask the school first. <strong>')
    assert "<span" not in html


def test_headings_list_items_and_glossary_paragraphs_carry_the_audio_s_ids():
    heading = m.Heading(2, (m.Text("Next steps"),), "next-steps")
    item = m.ListBlock(False, (m.ListItem((m.Paragraph((m.Text("Call us."),), "next-steps-p1"),)),))
    definition = m.GlossaryEntry("local-offer", "Local Offer", None, (m.Paragraph((m.Text("What is on offer."),), "top-p1"),), "definition-local-offer")
    spoken = {
        "next-steps": said("next-steps", (5, 6)),
        "next-steps-p1": said("next-steps-p1", (6, 7)),
        "definition-local-offer-top-p1": said("definition-local-offer-top-p1", (8, 9)),
    }
    html = SiteRenderer(document_of(heading, item, definition), spoken).blocks([heading, item, definition])
    assert '<h2 id="next-steps" data-fs-begin="5.000" data-fs-end="6.000">Next steps</h2>' in html
    assert '<li><span id="next-steps-p1" data-fs-from="6.000"><span id="next-steps-p1-s1" data-fs-begin="6.000"' in html
    assert '<p id="definition-local-offer-top-p1" data-fs-from="8.000">' in html


def test_without_timings_the_page_is_as_before(tmp_path):
    assert spoken_by_block(None) == {} and spoken_by_block(tmp_path / "missing.json") == {}
    assert SiteRenderer(document_of(TWO_SENTENCES)).block(TWO_SENTENCES) == "<p>Ask the school first. <strong>Then</strong> write to us.</p>"


def test_the_audio_s_timings_file_is_read_by_block(tmp_path):
    path = tmp_path / "sentences.json"
    sentences = said("", (0, 1)) + said("intro-p1", (1, 2), (2, 3))
    path.write_text(json.dumps({"audio": "x.mp3", "sentences": sentences}), encoding="utf-8")
    assert spoken_by_block(path) == {"intro-p1": sentences[1:]}  # words not in the text ("Quotation:") have no block
