from dataclasses import replace

import pytest

from factsheets import model as m
from factsheets.errors import SourceError
from factsheets.glossary import load_glossary
from factsheets.reader import parse_blocks
from factsheets.walk import inline_runs, iter_blocks, iter_inlines
from factsheets.organisation import load_organisation
from factsheets.transforms import compose, contact_box, is_contact, is_title_line, resolve_terms, title_line

from conftest import LEAFLET

GLOSSARY = load_glossary(LEAFLET / "glossary", LEAFLET, [])
ORGANISATION = load_organisation(LEAFLET / "organisation.yml", LEAFLET)[0]
META = m.Meta("f", "A factsheet", "What it is for.", "3", "2021-06", "en-GB", "f.md")


def resolve(text):
    blocks = parse_blocks(text, "f.md", 5, [])
    return resolve_terms(blocks, GLOSSARY, "f.md", text, 5)


def refs(blocks):
    out = []
    for block in blocks:
        out += [c for c in getattr(block, "children", ()) if isinstance(c, m.TermRef)]
    return out


def test_first_use_of_a_term_links_and_later_uses_do_not():
    blocks, used = resolve("An [[EHC plan]] here.\n\nAn [[EHCP]] there, and the [[Local Offer]].\n")
    assert [(r.term_id, r.first) for r in refs(blocks)] == [
        ("education-health-and-care-plan", True),
        ("education-health-and-care-plan", False),
        ("local-offer", True),
    ]
    assert used == ["education-health-and-care-plan", "local-offer"]


def test_an_undefined_term_is_an_error_naming_its_line():
    with pytest.raises(SourceError) as error:
        resolve("Fine.\n\nSee the [[Parent Carer Forum]].\n")
    assert str(error.value.location) == "f.md:7"
    assert "Parent Carer Forum" in error.value.message


def test_glossary_section_holds_only_the_terms_used_in_alphabetical_order():
    blocks, used = resolve("The [[SEN support]] and an [[EHC plan]].\n")
    composed = compose(blocks, GLOSSARY, used, META, ORGANISATION)
    entries = [b.term_id for b in composed if isinstance(b, m.GlossaryEntry)]
    assert entries == ["education-health-and-care-plan", "sen-support"]
    heading = next(b for b in composed if isinstance(b, m.Heading) and b.id == "glossary")
    assert heading.level == 2
    assert is_title_line(composed[0]) and is_contact(composed[1], "start") and is_contact(composed[-1], "end")


def test_contact_details_are_ordinary_blocks_with_every_partner_and_the_version():
    box = contact_box(META, ORGANISATION, "end")
    assert box.id == "contact-end" and box.kind == "contact"
    text = " ".join(m.plain_text(inline_run) for inline_run in _runs(box))
    for partner in ORGANISATION.partners:
        assert partner.name in text
    assert ORGANISATION.advice_line in text and ORGANISATION.email in text and "Version 3, June 2021" in text
    links = [node.url for block in iter_blocks(box.blocks) for run in inline_runs(block) for node in iter_inlines(run) if isinstance(node, m.Link)]
    assert any(url.startswith("tel:") for url in links) and f"mailto:{ORGANISATION.email}" in links
    ids = [b.id for b in iter_blocks((contact_box(META, ORGANISATION, "start"), box)) if getattr(b, "id", "")]
    assert len(ids) == len(set(ids)), "a box's blocks have ids unique in the document"


def _runs(box):
    return [box.title, *(run for block in iter_blocks(box.blocks) for run in inline_runs(block))]


def test_terms_in_a_call_out_are_resolved():
    text = '!!! note "About [[EHC plan]]s"\n    Ask for an [[EHCP]].\n'
    blocks, used = resolve_terms(parse_blocks(text, "f.md", 5, ["admonition"]), GLOSSARY, "f.md", text, 5)
    box = blocks[0]
    assert isinstance(box, m.Box) and used == ["education-health-and-care-plan"]
    assert isinstance(box.title[1], m.TermRef) and box.title[1].first


def test_every_writer_renders_the_title_line_and_contact_details_from_the_blocks(tmp_path):
    """Change the blocks, and every format changes: no writer builds them by hand any more."""
    from dataclasses import replace

    from conftest import FIXTURES, copy_project
    from factsheets.project import load_project
    from factsheets.site import factsheet_page
    from factsheets.writers.audio import AudioWriter
    from factsheets.writers.braille.text import braille_ready_text, pieces
    from factsheets.writers.print_html import print_document

    root = copy_project(tmp_path / "project", FIXTURES / "small")
    document = load_project(root).documents[0]
    assert is_title_line(document.blocks[0])
    changed = tuple(
        m.Paragraph((m.Text("Changed title line."),), b.id) if is_title_line(b)
        else replace(b, blocks=(*b.blocks, m.Paragraph((m.Text("Changed contact words."),), f"{b.id}-x"))) if is_contact(b, "end")
        else b
        for b in document.blocks)
    document = replace(document, blocks=changed)
    outputs = {
        "print": print_document(document),
        "braille": braille_ready_text(pieces(document)),
        "web": factsheet_page(document, {}, lambda key: "", lambda key: None)[0],
        "audio": AudioWriter().script(document, {"project_root": root}).transcript(),
    }
    for name, text in outputs.items():
        assert "Changed title line." in text and "Changed contact words." in text, name
        assert "Service factsheet. Version" not in text, name


def test_a_translation_that_leaves_the_organisations_name_in_english_marks_it_english_in_its_sentences():
    welsh = replace(META, slug="f-cy", language="cy")
    english_name = m.Span("en-GB", "ltr", (m.Text("SEND Partnership Service"),))
    # organisation.yml read alone: no organisation.cy.yml translates the name.
    assert title_line(welsh, ORGANISATION).children == (m.Strong((m.Text("Taflen ffeithiau "), english_name, m.Text(". Fersiwn 3, Mehefin 2021."))),)
    assert contact_box(welsh, ORGANISATION, "end").title == (m.Text("Cysylltu â "), english_name)
    # A name organisation.cy.yml translates is Welsh: one text with the words around it.
    translated = replace(ORGANISATION, name="Gwasanaeth Partneriaeth SEND", language="cy", english=())
    assert contact_box(welsh, translated, "end").title == (m.Text("Cysylltu â Gwasanaeth Partneriaeth SEND"),)
    # An English factsheet's line is one text, as it always was.
    assert title_line(META, ORGANISATION).children == (m.Strong((m.Text("SEND Partnership Service factsheet. Version 3, June 2021."),)),)
