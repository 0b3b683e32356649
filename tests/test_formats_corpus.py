"""Each format as a reader meets it, on the leaflet and the corpus's factsheets (built once
each, see conftest.py): every sentence the audio says is in the EPUB's media overlay."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from factsheets.validators.epub_overlay import overlay_coverage

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines

NS = {"x": "http://www.w3.org/1999/xhtml", "s": "http://www.w3.org/ns/SMIL"}


def built_files(root: Path) -> list[Path]:
    """Each factsheet's folder of published files."""
    return sorted(p for p in (root / "build/site/files").iterdir() if p.is_dir())


def overlay_gaps(folder: Path) -> list[str]:
    """The spoken sentences (the audio's timings) that no overlay item plays, or whose item
    points at no element of the text: `check`'s own reading (validators/epub_overlay.py)."""
    spoken = json.loads((folder / f"{folder.name}-sentences.json").read_text(encoding="utf-8"))["sentences"]
    return overlay_coverage(folder / f"{folder.name}.epub", spoken)[1]


def test_the_leaflets_overlay_plays_every_sentence_it_says(built_project):
    [folder] = built_files(built_project)
    assert overlay_gaps(folder) == []


def test_every_corpus_overlay_plays_every_sentence_it_says(built_corpus):
    """Titles, call-out labels, footnotes, table rows, picture descriptions and quotation cues too."""
    gaps = {folder.name: overlay_gaps(folder) for folder in built_files(built_corpus)}
    assert {slug: said for slug, said in gaps.items() if said} == {}


def book_files(folder: Path) -> tuple[etree._Element, etree._Element, str]:
    with zipfile.ZipFile(folder / f"{folder.name}.epub") as book:
        return (etree.fromstring(book.read("EPUB/text.xhtml")), etree.fromstring(book.read("EPUB/content.opf")),
                book.read("EPUB/style.css").decode())


def test_an_epubs_call_outs_are_boxes_that_say_their_weight(built_corpus):
    text, _opf, css = book_files(built_corpus / "build/site/files/annual-reviews")
    titles = ["".join(p.itertext()) for p in text.iterfind(".//x:aside/x:p[@class='admonition-title']", NS)]
    assert titles[0] == "Important: Time limits" and titles[1].startswith("Note: What if")
    assert ".admonition {" in css and "border" in css.split(".admonition {")[1].split("}")[0]


def test_an_epub_with_pictures_says_so_and_shows_their_descriptions(built_corpus):
    text, opf, css = book_files(built_corpus / "build/site/files/applying-for-a-blue-badge")
    metas = [(meta.get("property"), meta.text) for meta in opf.iter("{http://www.idpf.org/2007/opf}meta")]
    assert ("schema:accessMode", "visual") in metas
    assert any(name == "schema:accessibilitySummary" and "pictures" in value for name, value in metas)
    [caption] = text.iterfind(".//x:figure/x:figcaption", NS)
    assert "".join(caption.itertext()).startswith("Picture: A Blue Badge on a car dashboard")
    # Reflow: pictures scale to the page and long addresses wrap.
    assert "max-width: 100%" in css and "overflow-wrap: anywhere" in css


def test_every_corpus_pdf_meets_every_check(built_corpus):
    """Its words in reading order (the summary too), no word alone on a line mid-paragraph,
    no page over a third blank before text that moved (validators/pdf.py, pdf_layout.py)."""
    from factsheets.project import load_project
    from factsheets.validators.pdf import check_pdf

    findings = {}
    for document in load_project(built_corpus).documents:
        slug = document.meta.slug
        pdf = built_corpus / "build/site/files" / slug / f"{slug}-large-print.pdf"
        findings[slug] = [f.message for f in check_pdf(pdf, document)]
    assert {slug: said for slug, said in findings.items() if said} == {}
    assert len(findings) >= 12
