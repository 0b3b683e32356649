"""Tables in the large-print PDF: a short one on one page; a long one with its header
row on every page, tagged as ONE table whose data cells point at their headers.

Real WeasyPrint on tables of several lengths, moved down the page so that page
breaks fall everywhere through them; the PDF's structure tree is read with pikepdf.
"""

from __future__ import annotations

import pikepdf
import pytest

from conftest import FIXTURES
from factsheets import model as m
from factsheets.engines import weasyprint as engine
from factsheets.project import load_project
from factsheets.validators.pdf import check_pdf, glyphs
from factsheets.writers.print_html import print_document

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines

FILLER = ("When you disagree with a decision about the support your child gets at school, talk to the "
          "school first, then to the local authority, and keep a note of every letter and phone call. ")


def cell(text: str) -> tuple:
    return (m.Text(text),)


def table(name: str, rows: int) -> m.Table:
    header = (cell("Step"), cell("When"), cell("What you do"))
    body = tuple((cell(f"{name}{i}"), cell(f"Week {i}"), cell("Ask the school for a meeting")) for i in range(1, rows + 1))
    return m.Table(header, body)


def document_with(tables: list[m.Table], filler_lines: int) -> m.Document:
    base = load_project(FIXTURES / "small").documents[0]
    blocks = [m.Paragraph(cell(FILLER * filler_lines))]
    for number, each in enumerate(tables):
        blocks += [m.Heading(2, cell(f"Table {number + 1}"), f"table-{number + 1}"), each, m.Paragraph(cell(FILLER))]
    return m.Document(base.meta, tuple(blocks), base.organisation)


def render(tmp_path, document: m.Document, name: str):
    path = tmp_path / f"{name}.pdf"
    engine.render_pdf(print_document(document), path, base_url=tmp_path.as_uri() + "/", identifier=b"0" * 32)
    return path


def reachable(pdf) -> list:
    """The structure elements a screen reader reaches, in reading order."""
    found, seen = [], set()

    def walk(element):
        if not isinstance(element, pikepdf.Dictionary) or "/S" not in element or element.objgen in seen:
            return
        seen.add(element.objgen)
        found.append(element)
        kids = element.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []:
            walk(kid)

    for top in pdf.Root.StructTreeRoot.K:
        walk(top)
    return found


def kids(element, tag: str) -> list:
    k = element.get("/K")
    return [e for e in (k if isinstance(k, pikepdf.Array) else [k]) if isinstance(e, pikepdf.Dictionary) and e.get("/S") == tag]


def id_tree(pdf) -> dict:
    names = pdf.Root.StructTreeRoot.IDTree.Names
    return {bytes(names[i]): names[i + 1] for i in range(0, len(names), 2)}


def pages_with(pages: list[list[dict]], word: str) -> set[int]:
    return {n for n, page in enumerate(pages) if word in "".join(c["text"] for c in page)}


@pytest.fixture(scope="module")
def swept(tmp_path_factory):
    """A 3-row, a 10-row and a 25-row table, after 0 to 20 lines' worth of filler paragraphs."""
    folder = tmp_path_factory.mktemp("tables")
    out = []
    for filler in range(0, 21, 5):
        document = document_with([table("Short", 3), table("Ten", 10), table("Long", 25)], filler)
        path = render(folder, document, f"tables-{filler}")
        out.append((filler, document, path, glyphs(path)))
    return out


def test_a_table_of_up_to_ten_rows_stays_on_one_page(swept):
    for filler, _, _, pages in swept:
        for name, rows in (("Short", 3), ("Ten", 10)):
            where = set().union(*(pages_with(pages, f"{name}{i}Week") for i in range(1, rows + 1)))
            assert len(where) == 1, (filler, name, where)


def test_a_long_table_repeats_its_header_row_on_every_page(swept):
    runs_over = 0
    for filler, _, _, pages in swept:
        where = set().union(*(pages_with(pages, f"Long{i}Week") for i in range(1, 26)))
        runs_over += len(where) > 1
        for page in where:
            text = "".join(c["text"] for c in pages[page])
            first_row = min(i for i in range(1, 26) if f"Long{i}Week" in text)
            assert text.index("StepWhenWhatyoudo") < text.index(f"Long{first_row}Week"), (filler, page)
    assert runs_over >= 3  # the sweep does split the long table


def test_each_table_is_one_tagged_table_whose_cells_point_at_their_headers(swept):
    for filler, _, path, _ in swept:
        with pikepdf.open(path) as pdf:
            tables = [e for e in reachable(pdf) if e.get("/S") == "/Table"]
            assert len(tables) == 3, filler
            ids = id_tree(pdf)
            for tagged, rows in zip(tables, (3, 10, 25)):
                heads = [th for head in kids(tagged, "/THead") for tr in kids(head, "/TR") for th in kids(tr, "/TH")]
                assert len(kids(tagged, "/THead")) == 1 and len(heads) == 3
                assert all(th.A.Scope == "/Column" for th in heads)
                body_rows = [tr for body in kids(tagged, "/TBody") for tr in kids(body, "/TR")]
                assert len(body_rows) == rows, (filler, rows)
                for tr in body_rows:
                    for column, td in enumerate(kids(tr, "/TD")):
                        pointed = [ids[bytes(h)] for h in td.A.Headers]
                        assert [p.objgen for p in pointed] == [heads[column].objgen], (filler, rows, column)


def test_the_repeated_header_rows_are_artifacts_and_the_pdf_passes_its_checks(swept):
    for filler, document, path, pages in swept:
        with pikepdf.open(path) as pdf:
            pages_with_headers = sum(
                any(str(op) == "BDC" and operands[0] == pikepdf.Name.Artifact and isinstance(operands[1], pikepdf.Dictionary)
                    and operands[1].get("/Subtype") == "/Header" for operands, op in pikepdf.parse_content_stream(page))
                for page in pdf.pages)
        long_pages = set().union(*(pages_with(pages, f"Long{i}Week") for i in range(1, 26)))
        assert pages_with_headers == len(long_pages) - 1, filler
        if filler in (0, 10):  # the full check takes a while: two of them are enough
            assert check_pdf(path, document) == [], filler


def test_two_tables_one_after_the_other_are_not_joined(tmp_path):
    # Joining goes by the HTML table each part comes from, not by where the parts fall.
    document = document_with([], 0)
    blocks = (*document.blocks, table("First", 25), table("Second", 25))
    path = render(tmp_path, m.Document(document.meta, blocks, document.organisation), "adjacent")
    with pikepdf.open(path) as pdf:
        tables = [e for e in reachable(pdf) if e.get("/S") == "/Table"]
        assert [len(kids(kids(t, "/TBody")[0], "/TR")) for t in tables] == [25, 25]


def test_tables_that_do_not_match_the_layout_are_left_as_weasyprint_tagged_them(tmp_path, swept):
    from factsheets.engines.pdf_tables import join_split_tables

    _, _, path, _ = swept[0]
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(path.read_bytes())
    assert join_split_tables(copy, fragments=[1, 2]) is None  # three tagged tables, two laid out
    assert copy.read_bytes() == path.read_bytes()
