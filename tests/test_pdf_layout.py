"""How the large-print PDF breaks pages (UKAAF large-print guidance), measured on WeasyPrint's layout.

Each rule is checked on constructs of its kind, over a sweep of documents that
move the page breaks through them: paragraphs, long list items, the contact box.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import FIXTURES
from factsheets import model as m
from factsheets.engines import weasyprint as engine
from factsheets.validators.pdf_layout import check_layout, lone_words
from factsheets.validators.pdf_words import check_words, glyphs
from factsheets.writers.pdf_closing_box import CONTINUED_ID, split_closing_box, with_closing_box_parts
from factsheets.project import load_project
from factsheets.transforms import contact_box
from factsheets.writers.print_html import print_document

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines

WORDS = ("When you disagree with a decision about the support your child gets at school you can talk "
         "to the school first and then to the local authority and keep a note of every letter").split()


def text(count: int, start: int = 0) -> str:
    return " ".join(WORDS[(start + i) % len(WORDS)] for i in range(count)) + "."


@pytest.fixture(scope="module")
def base_document() -> m.Document:
    return load_project(FIXTURES / "small").documents[0]


def swept_document(base: m.Document, filler_words: int) -> m.Document:
    """Paragraphs, a list of long items and both contact boxes, pushed down the page by a filler."""
    item = lambda n: m.ListItem((m.Paragraph((m.Text(text(70, n)),)),))  # noqa: E731 - about seven lines
    blocks = (
        contact_box(base.meta, base.organisation, "start"),
        m.Paragraph((m.Text(text(filler_words)),)),
        m.Heading(2, (m.Text("What you can do"),), "what"),
        m.Paragraph((m.Text(text(60, 3) + " These are about:"),)),
        m.ListBlock(False, (item(1), item(2), item(3))),
        m.Paragraph((m.Text(text(90, 5)),)),
        m.Paragraph((m.Text(text(40, 7)),)),
        contact_box(base.meta, base.organisation, "end"),
    )
    return m.Document(base.meta, blocks, base.organisation)


def layout(document: m.Document, size_pt: float = 18):
    import weasyprint

    return weasyprint.HTML(string=print_document(document, size_pt=size_pt)).render()


def fragments(rendered) -> dict:
    """Each paragraph and list item on each page: {element: [(page, lines, bottom, classes)]}.

    `classes` are the classes of the elements around it: "fs-contact" in a contact box,
    "fs-about" in the closing one, "fs-contact-lines" in the list of contact details.
    """
    from weasyprint.formatting_structure import boxes

    found: dict = {}

    def lines(box) -> int:
        count = 0
        for child in box.children:
            if isinstance(child, boxes.LineBox):
                count += 1
            elif isinstance(child, boxes.BlockBox) and child.element is box.element:
                count += lines(child)  # the anonymous box of a list item, beside its marker
        return count

    def walk(box, page: int, parent_element, classes: frozenset):
        element = getattr(box, "element", None)
        if element is not None and element is not parent_element:
            classes = classes | frozenset((element.get("class") or "").split())
        if isinstance(box, boxes.BlockBox) and box.element_tag in ("p", "li") and element is not parent_element:
            bottom = box.position_y + box.margin_height()
            found.setdefault(element, []).append((page, lines(box), bottom, classes))
        if isinstance(box, boxes.ParentBox) and not isinstance(box, boxes.LineBox):
            for child in box.children:
                walk(child, page, element, classes)

    for number, page in enumerate(rendered.pages):
        walk(page._page_box, number, None, frozenset())
    return found


def page_area(rendered, number: int) -> tuple[float, float]:
    box = rendered.pages[number]._page_box
    return box.content_box_y(), box.height


def pages_of(parts) -> set[int]:
    return {page for page, *_ in parts}


def in_box(parts, name: str) -> bool:
    return name in parts[0][3]


# Filler words: about 25 lines at 18 pt, 12 at 24 pt, a line or so at a time.
SWEEP = [(18, words) for words in range(0, 330, 15)] + [(24, words) for words in range(0, 120, 12)]


@pytest.fixture(scope="module")
def sweep(base_document):
    return [((size, words), layout(swept_document(base_document, words), size)) for size, words in SWEEP]


def test_no_paragraph_or_item_leaves_a_single_line_on_a_page(sweep):
    for words, rendered in sweep:
        for element, parts in fragments(rendered).items():
            if len(parts) > 1:
                assert all(lines >= 2 for _, lines, _, _ in parts), (words, element.tag, parts)


def test_the_contact_boxes_never_break_mid_sentence(sweep):
    broken = []
    for words, rendered in sweep:
        for element, parts in fragments(rendered).items():
            if in_box(parts, "fs-contact") and len(pages_of(parts)) > 1:
                broken.append((words, "".join(element.itertext())[:40]))
    assert broken == []


def test_the_contact_details_are_never_split_over_pages(sweep):
    # The first box whole; in the closing box (taller than a page) the heading and the
    # lines of contact details together; only the paragraphs after them may go over.
    for words, rendered in sweep:
        found = fragments(rendered).values()
        assert {p for parts in found if in_box(parts, "fs-contact") and not in_box(parts, "fs-about") for p in pages_of(parts)} == {0}
        closing = [parts for parts in found if in_box(parts, "fs-about")]
        details = [parts for parts in closing if in_box(parts, "fs-contact-lines")]
        heading = closing[0]
        assert len({p for parts in [heading, *details] for p in pages_of(parts)}) == 1, words


def test_a_page_broken_mid_paragraph_is_at_least_two_thirds_full(sweep):
    gaps = []
    for words, rendered in sweep:
        for parts in fragments(rendered).values():
            for (page, _, bottom, _), (next_page, *_) in zip(parts, parts[1:]):
                if next_page != page:
                    top, height = page_area(rendered, page)
                    if bottom - top < height * 2 / 3:
                        gaps.append((words, page + 1, round((bottom - top) / height, 2)))
    assert gaps == []


def test_the_sweep_does_break_paragraphs_items_and_the_closing_box(sweep):
    # Without this, the tests above could pass because nothing ever met a page break.
    split_items = split_paragraphs = box_pages = 0
    for _, rendered in sweep:
        for element, parts in fragments(rendered).items():
            split = len(pages_of(parts)) > 1
            split_items += split and element.tag == "li"
            split_paragraphs += split and element.tag == "p"
        closing_pages = {p for parts in fragments(rendered).values() if in_box(parts, "fs-about") for p in pages_of(parts)}
        box_pages += len(closing_pages) > 1  # the closing box is taller than a page: it runs over two
    assert split_items >= 3 and split_paragraphs >= 3 and box_pages >= 3


@pytest.mark.engines
def test_table_cells_at_24_pt_keep_their_words_whole(base_document):
    """A four-column table of long words at 24 pt: each word on one line (measured on the old
    `overflow-wrap: anywhere`: "Asses|sment", "Commissio|ning", "Headteach|er")."""
    def cell(words):
        return (m.Text(words),)

    table = m.Table((cell("Step"), cell("Who"), cell("Time limit"), cell("Next")),
                    ((cell("Assessment"), cell("Commissioning group"), cell("Sixteen weeks"), cell("Disagreement resolution")),
                     (cell("Review"), cell("Headteacher"), cell("Fifteen days"), cell("Mediation"))))
    rendered = layout(m.Document(base_document.meta, (table,), base_document.organisation), size_pt=24)

    def lines(box) -> list[str]:
        own = [box.text] if getattr(box, "text", None) else []
        return own + [text for child in getattr(box, "children", ()) for text in lines(child)]

    printed = {word for page in rendered.pages for line in lines(page._page_box) for word in line.split()}
    for word in ("Assessment", "Commissioning", "Disagreement", "Headteacher", "Mediation"):
        assert word in printed, printed


# The closing box over two pages (writers/pdf_closing_box.py) --------------------------

def closing_parts(rendered) -> tuple[set[int], set[int]]:
    """The pages the closing box's paragraphs and items are on, and those of its "continued" box."""
    closing, continued = set(), set()
    for parts in fragments(rendered).values():
        if in_box(parts, "fs-about"):
            closing |= pages_of(parts)
        elif in_box(parts, "fs-continued"):
            continued |= pages_of(parts)
    return closing, continued


def test_a_closing_box_taller_than_a_page_goes_on_in_a_box_titled_continued(sweep, base_document):
    """A closing box broken by layout was drawn to the foot of its page with blank lines in it,
    and went on untitled. Laid out again as boxes on a page each, the later ones titled."""
    broken = 0
    for (size, words), rendered in sweep:
        document = swept_document(base_document, words)
        if split_closing_box(document, engine.page_starts(rendered)) is None:
            assert len(closing_parts(rendered)[0]) == 1, (size, words)
            continue
        broken += 1
        # The sweep has laid out the document as it is: only the split ones are laid out here.
        first = Laid(document, rendered)
        last = with_closing_box_parts(document, lambda d, size=size, first=first: first if d is first.document else Laid(d, layout(d, size)))
        closing, continued = closing_parts(last.rendered)
        assert len(closing) == 1 and continued == set(range(max(closing) + 1, max(continued) + 1)), (size, words)
        titles = [m.plain_text(b.title) for b in last.document.blocks if isinstance(b, m.Box) and b.id.startswith(CONTINUED_ID)]
        assert titles and all(t.endswith(" (continued)") for t in titles), titles
    assert broken >= 3  # the sweep does meet a closing box that cannot be whole


class Laid:
    """A document and its layout, with the page starts the PDF writer's engine reports."""

    def __init__(self, document: m.Document, rendered):
        self.document, self.rendered, self.page_starts = document, rendered, engine.page_starts(rendered)


# The check of the laid-out pages (validators/pdf_layout.py) ---------------------------

def rendered_pdf(tmp_path, html: str) -> list[list[dict]]:
    path = tmp_path / "check.pdf"
    engine.render_pdf(html, path, base_url=tmp_path.as_uri() + "/", identifier=b"0" * 32)
    return glyphs(path)


def short_breaks(base: m.Document) -> m.Document:
    words = "Short breaks give disabled children and young people time away from home to "
    paragraph = m.Paragraph((m.Text(words), m.Strong((m.Text("have"),)), m.Text(" fun, make friends and try new things, and give parents a break.")))
    return m.Document(base.meta, (paragraph, m.Paragraph((m.Text(text(40)),))), base.organisation)


def test_a_word_alone_on_a_line_mid_paragraph_is_found(tmp_path, base_document):
    html = print_document(short_breaks(base_document))
    assert lone_words(rendered_pdf(tmp_path, html)) == []
    broken = html.replace(" <strong>have</strong> ", "<br><strong>have</strong><br>")
    assert [(page, word) for page, word, _ in lone_words(rendered_pdf(tmp_path, broken))] == [(1, "have")]


def test_a_page_left_over_a_third_blank_is_found_unless_a_heading_follows(tmp_path, base_document):
    document = short_breaks(base_document)
    html = print_document(document)
    second = f"<p>{text(40)}</p>"
    assert check_layout(tmp_path / "check.pdf", rendered_pdf(tmp_path, html), document) == []
    moved = html.replace(second, f'<p style="break-before: page">{text(40)}</p>')
    [finding] = check_layout(tmp_path / "check.pdf", rendered_pdf(tmp_path, moved), document)
    assert "page 1 is" in finding.message and "blank before text that moved to page 2" in finding.message
    heading = html.replace(second, f'<h2 style="break-before: page">What next</h2>{second}')
    assert check_layout(tmp_path / "check.pdf", rendered_pdf(tmp_path, heading), document) == []


def test_a_pdf_without_the_summary_fails_the_word_check(tmp_path, base_document):
    document = short_breaks(base_document)
    without = replace(document, meta=replace(document.meta, summary=""))
    path = tmp_path / "check.pdf"
    engine.render_pdf(print_document(without), path, base_url=tmp_path.as_uri() + "/", identifier=b"0" * 32)
    said = " ".join(f.message for f in check_words(path, document))
    assert "the word 'small' (after 'A short factsheet A factsheet') is not in the PDF anywhere" in said
    engine.render_pdf(print_document(document), path, base_url=tmp_path.as_uri() + "/", identifier=b"0" * 32)
    assert check_words(path, document) == []
