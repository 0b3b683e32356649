"""Where the closing box is cut when layout breaks it (writers/pdf_closing_box.py), from the
page starts WeasyPrint reports: a unit test of our own logic; the layout itself is tested in
test_pdf_layout.py."""

from __future__ import annotations

from dataclasses import replace

from factsheets import model as m
from factsheets.project import load_project
from factsheets.transforms import CONTACT_END
from factsheets.writers.pdf_closing_box import CONTINUED_ID, closing_box, split_closing_box

from conftest import FIXTURES


def paragraph(words: str) -> m.Paragraph:
    return m.Paragraph((m.Text(words),))


def document_with(box: m.Box) -> m.Document:
    base = load_project(FIXTURES / "small").documents[0]
    return m.Document(base.meta, (paragraph("Some text."), box), base.organisation)


BOX = m.Box("contact", (m.Text("Contact us"),), (
    paragraph("Advice line: 01632 960123"),
    paragraph("In partnership with:"),
    m.ListBlock(False, (m.ListItem((paragraph("Northdale Council"),)), m.ListItem((paragraph("Northdale Health Trust"),)))),
    paragraph("We have made every reasonable effort."),
), id=CONTACT_END)


def test_a_box_on_one_page_is_left_whole():
    starts = [["Some text."], ["Contact us", "Advice line: 01632 960123", "In partnership with:", "Northdale Council",
                              "Northdale Health Trust", "We have made every reasonable effort."]]
    assert split_closing_box(document_with(BOX), starts) is None


def test_a_box_broken_before_a_paragraph_goes_on_in_a_continued_box():
    starts = [["Some text.", "Contact us", "Advice line: 01632 960123", "In partnership with:", "Northdale Council",
               "Northdale Health Trust"], ["We have made every reasonable effort."]]
    split = split_closing_box(document_with(BOX), starts)
    first, second = split.blocks[-2:]
    assert first.id == CONTACT_END and len(first.blocks) == 3
    assert second.id == CONTINUED_ID and m.plain_text(second.title) == "Contact us (continued)"
    assert m.plain_text(second.blocks[0].children) == "We have made every reasonable effort."
    assert closing_box(split)[1] is second  # a part still too long is cut again, from the last part


def test_a_continued_title_keeps_the_english_name_of_a_translation_marked_english():
    name = m.Span("en-GB", "ltr", (m.Text("SEND Partnership Service"),))
    polish = replace(BOX, title=(m.Text("Kontakt: "), name))
    document = document_with(polish)
    document = replace(document, meta=replace(document.meta, language="pl"))
    starts = [["Some text.", "Kontakt: SEND Partnership Service", "Advice line: 01632 960123", "In partnership with:", "Northdale Council",
               "Northdale Health Trust"], ["We have made every reasonable effort."]]
    assert split_closing_box(document, starts).blocks[-1].title == (m.Text("Kontakt: "), name, m.Text(" (ciąg dalszy)"))


def test_a_list_cut_between_its_items_is_two_lists_and_its_label_goes_with_it():
    starts = [["Some text.", "Contact us", "Advice line: 01632 960123", "In partnership with:", "Northdale Council"],
              ["Northdale Health Trust", "We have made every reasonable effort."]]
    first, second = split_closing_box(document_with(BOX), starts).blocks[-2:]
    assert [len(b.items) for b in first.blocks if isinstance(b, m.ListBlock)] == [1]
    assert [len(b.items) for b in second.blocks if isinstance(b, m.ListBlock)] == [1]
    starts = [["Some text.", "Contact us", "Advice line: 01632 960123", "In partnership with:"],
              ["Northdale Council", "Northdale Health Trust", "We have made every reasonable effort."]]
    first, second = split_closing_box(document_with(BOX), starts).blocks[-2:]
    assert [m.plain_text(b.children) for b in second.blocks[:1]] == ["In partnership with:"]  # "with:" is not left alone
