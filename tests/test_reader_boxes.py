"""Call-outs (`!!!`, `???`) read into Box blocks, and rendered as a box in every format."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from conftest import FIXTURES, copy_project
from factsheets import model as m
from factsheets.project import load_project
from factsheets.reader import parse_blocks
from factsheets.validators import callouts
from factsheets.validators.pdf_words import document_words
from factsheets.writers.audio import AudioWriter
from factsheets.writers.braille.brf import blank_between
from factsheets.writers.braille.text import BOX_BOTTOM, BOX_TOP, braille_ready_text, pieces
from factsheets.writers.epub.xhtml import XhtmlRenderer
from factsheets.writers.print_html import print_css, print_document
from factsheets.site import factsheet_page

BODY = """Start here.

!!! warning "Time limits"
    You have **two months** to appeal.

!!! note
    Keep every letter.

??? info "More about appeals"
    An appeal is free.

???+ reminder
    Ask us.

> **Important:** this stays a quotation.
"""


def boxes(blocks):
    return [b for b in blocks if isinstance(b, m.Box)]


def test_admonitions_and_details_become_boxes_with_titles_and_lines():
    found = boxes(parse_blocks(BODY, "f.md", 10, ["tables"]))  # on even when mkdocs.yml does not list them
    assert [(b.kind, m.plain_text(b.title), b.collapsible, b.expanded, b.line) for b in found] == [
        ("warning", "Time limits", False, True, 12),
        ("note", "Note", False, True, 15),  # no title: the kind's name
        ("info", "More about appeals", True, False, 18),
        ("note", "Reminder", True, True, 21),  # a kind Material does not know: a note, its word the title
    ]
    assert m.plain_text(found[0].blocks[0].children) == "You have two months to appeal."


def test_a_bold_important_in_a_quotation_stays_a_quotation_and_check_suggests_the_box():
    blocks = parse_blocks(BODY, "f.md", 10, [])
    assert isinstance(blocks[-1], m.Quote)
    meta = m.Meta("f", "T", "S", "1", "2024-03", "en-GB", "docs/factsheets/f.md")
    document = m.Document(meta, tuple(blocks), None)  # type: ignore[arg-type]  # the check reads no organisation
    [finding] = callouts.check_document(document)
    assert finding.line == 24 and '!!! warning "Important"' in finding.fix


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("boxes") / "project", FIXTURES / "small")
    path = root / "docs" / "factsheets" / "short.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n" + BODY, encoding="utf-8")
    return load_project(root).documents[0], root


def test_website_uses_material_markup_with_the_title_in_words(document):
    html, _ = factsheet_page(document[0], {}, lambda key: "", lambda key: None)
    assert '<div class="admonition warning" role="note"' in html
    assert '<p class="admonition-title" id="what-you-can-do-box' in html and ">Time limits</p>" in html
    assert '<details class="info"' in html and "<summary" in html and ">More about appeals</summary>" in html
    assert '<details class="note"' in html and " open>" in html  # ???+ starts open
    assert html.count('class="fs-contact') == 1 and '<h2 id="contact-end">Contact the' in html  # once, at the end


def test_print_view_draws_a_ruled_box_kept_on_one_page(document):
    html = print_document(document[0])
    assert '<div class="fs-callout fs-callout-warning"' in html
    assert '<p class="fs-callout-title"><strong>Important: Time limits</strong></p>' in html  # its weight in words, as said
    assert "<details" not in html  # printed open
    css = print_css(18)
    rule = css[css.index(".fs-callout {"):]
    assert "break-inside: avoid" in rule.split("}")[0] and "orphans: 2" in rule.split("}")[0]
    cells = css[css.index("th, td {"):].split("}")[0]
    assert "overflow-wrap: anywhere" not in cells  # at 24 pt a cell's words are not cut mid-word


def test_braille_rules_off_each_box_with_its_title_as_a_heading(document):
    items = pieces(document[0])
    start = next(i for i, p in enumerate(items) if p.kind == "heading" and p.text == "Time limits")
    assert items[start - 1].kind == "boxline" and items[start - 1].text == BOX_TOP
    assert items[start].level == 3
    assert items[start + 2].kind == "boxline" and items[start + 2].text == BOX_BOTTOM
    text = braille_ready_text(items)
    assert "\n\nBox: Important\n\n### Time limits\n" in text  # for a transcriber's software: words, not cells
    # BRF: no blank line just inside the box lines, one outside them.
    assert not blank_between(items[start - 1], items[start]) and not blank_between(items[start + 1], items[start + 2])
    assert blank_between(items[start - 2], items[start - 1])


def test_pdf_word_check_looks_for_every_word_of_each_box(document):
    words = document_words(document[0])
    for word in ("Time", "limits", "two", "months", "Reminder", "Bath", "Clinical", "Commissioning"):
        assert word in words


def test_epub_writes_each_call_out_as_an_aside_note_in_valid_xhtml(document):
    renderer = XhtmlRenderer(document[0], set())
    body = renderer.blocks(document[0].blocks)
    root = ElementTree.fromstring(f'<div xmlns:epub="http://www.idpf.org/2007/ops">{body}</div>')
    asides = root.findall(".//aside")
    assert [a.get("role") for a in asides] == ["note"] * 4
    assert [ElementTree.tostring(a[0], method="text", encoding="unicode") for a in asides][0] == "Important: Time limits"
    assert root.find(".//section[@id='contact-end']") is not None
    assert "sms:" not in body


def test_audio_announces_call_outs_and_reads_the_partners(document):
    script = AudioWriter().script(document[0], {"project_root": document[1]})
    transcript = script.transcript()
    assert "Important: Time limits.\n\nYou have two months to appeal." in transcript
    assert "Note: More about appeals." in transcript and "Note: Reminder." in transcript
    assert "Quotation:\n\nImportant: this stays a quotation." in transcript
    contact = script.sections[-1]
    assert contact.title == "Contact details"
    said = " ".join(u.shown for u in contact.utterances)
    for partner in document[0].organisation.partners:
        assert partner.name.replace("&", "and") in said or partner.name in said


@pytest.mark.engines
def test_brf_box_lines_are_full_lines_of_cells_around_the_box(document, tmp_path):
    from factsheets.writers.braille import BrailleWriter
    from factsheets.engines.liblouis import back_translate

    output = BrailleWriter().write(document[0], tmp_path, {"project_root": document[1]})
    lines = output.files["brf"].read_bytes().decode("ascii").replace("\f", "").split("\r\n")
    # ⠶ (dots 2356) above, ⠛ (dots 1245) below, with the box's words in them ("Box: Important", "End of box").
    tops = [i for i, line in enumerate(lines) if len(line) == 40 and line.startswith("777 ") and line.endswith("7777")]
    bottoms = [i for i, line in enumerate(lines) if len(line) == 40 and line.startswith("GGG ") and line.endswith("GGGG")]
    assert len(tops) == len(bottoms) == 6  # four call-outs and the two contact boxes
    warning = next(i for i in tops if "Time limits" in back_translate(lines[i + 1].strip()))
    assert lines[warning + 1].startswith("    ")  # the title a cell-5 heading, straight under the line
    end = next(i for i in bottoms if i > warning)
    assert "appeal." in back_translate(" ".join(line.strip() for line in lines[warning + 2:end]))  # bold "two months" is marked


@pytest.mark.engines
def test_a_call_out_is_not_split_across_pdf_pages(document):
    import weasyprint

    # The filler leaves room for two of the box's lines at the foot of page 2 (measured without
    # break-inside: avoid, the box then split 3 + 2 lines across pages 2 and 3).
    filler = m.Paragraph((m.Text("Words to fill the page. " * 60),))
    warning = m.Box("warning", (m.Text("Time limits"),), tuple(m.Paragraph((m.Text(f"Step {i} of the appeal."),)) for i in range(1, 5)))
    moved = m.Document(document[0].meta, (filler, warning), document[0].organisation)
    pages = weasyprint.HTML(string=print_document(moved, size_pt=24)).render().pages
    texts = [" ".join(_texts(page._page_box)) for page in pages]
    where = [n for n, text in enumerate(texts) if "Time limits" in text or "Step 4" in text]
    assert len(pages) > 1 and len(set(where)) == 1, texts


def _texts(box) -> list[str]:
    """The words of a laid-out box, in order."""
    own = [box.text] if getattr(box, "text", None) else []
    return own + [text for child in getattr(box, "children", ()) for text in _texts(child)]


def test_a_call_outs_end_is_heard_with_the_call_out_highlighted_in_the_book_and_on_the_page(document):
    from factsheets.site import SiteRenderer

    script = AudioWriter().script(document[0], {"project_root": document[1]})
    said = [u for section in script.sections for u in section.utterances]
    ends = [u for u in said if u.text in ("End of important information.", "End of note.")]
    call_outs = [box for box in boxes(document[0].blocks) if box.kind != "contact"]
    time_limits = call_outs[0]
    assert [u.text for u in ends] == ["End of important information."] + ["End of note."] * 3
    assert [u.block_id for u in ends] == [box.id for box in call_outs]
    # The overlay plays every sentence heard (epub/overlay.py): each block the audio names in a
    # call-out is a target of the book's text, its title and its end included.
    renderer = XhtmlRenderer(document[0], {u.block_id for u in said if u.block_id})
    renderer.blocks(document[0].blocks)
    ids = {ident for box in call_outs for ident in (box.id, f"{box.id}-title", *(inner.id for inner in box.blocks))}
    in_call_outs = [u for u in said if u.block_id in ids]
    assert len(in_call_outs) == 4 * 3  # a title, a paragraph, an end
    assert [u.text for u in in_call_outs if u.block_id not in renderer.sentences] == []
    spoken = {f"{time_limits.id}-title": [{"block": "", "text": "", "start": 1.0, "end": 2.0}],
              time_limits.id: [{"block": "", "text": "", "start": 5.0, "end": 6.5}]}
    page = SiteRenderer(document[0], spoken).block(time_limits)
    assert page.startswith(f'<div class="admonition warning" role="note" id="{time_limits.id}" data-fs-begin="5.000" data-fs-end="6.500"')
    assert f'<p class="admonition-title" id="{time_limits.id}-title" data-fs-begin="1.000" data-fs-end="2.000">' in page
