"""The EPUB's read-along and page list checked against the recording and the PDF
(validators/epub_overlay.py): a faulty book fails, the corpus's books pass."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from conftest import changed_book, pages_moved_on
from factsheets.validators.epub_overlay import check_entry, check_overlay, check_page_list, overlay_coverage, seconds

# Reads books the real engines built (the corpus, see conftest.py): not in the fast tier.
pytestmark = pytest.mark.engines

TABLE_SLUG = "council-tax-reduction"  # its "Other discounts" table has five rows, each a spoken sentence


def entries(root: Path) -> dict[str, dict]:
    return {entry["slug"]: entry for entry in json.loads((root / "build/manifest.json").read_text(encoding="utf-8"))["factsheets"]}


def test_clock_values_in_every_smil_form():
    assert seconds("0:01:02.500") == 62.5 and seconds("01:02.5") == 62.5 and seconds("7.25") == 7.25


def test_every_corpus_book_plays_all_its_speech_and_pages_where_the_pdf_does(built_corpus):
    found, coverage = {}, {}
    for slug, entry in entries(built_corpus).items():
        book = built_corpus / "build" / entry["formats"]["epub"]
        found[slug] = [f.message for f in check_entry(book, entry, built_corpus / "build", slug)]
        spoken = json.loads((built_corpus / "build" / entry["formats"]["audio_sentences"]).read_text(encoding="utf-8"))["sentences"]
        coverage[slug] = overlay_coverage(book, spoken)[0]
    assert {slug: said for slug, said in found.items() if said} == {}
    assert set(coverage.values()) == {1.0} and len(coverage) >= 12


def test_a_book_whose_overlay_skips_a_tables_rows_fails(built_corpus, tmp_path):
    entry = entries(built_corpus)[TABLE_SLUG]
    book = built_corpus / "build" / entry["formats"]["epub"]
    with zipfile.ZipFile(book) as archive:
        text = archive.read("EPUB/text.xhtml").decode("utf-8")
    rows = set(re.findall(r'<tr id="([^"]+)"', text))
    assert len(rows) >= 4  # each row is an element the overlay can point at
    without_rows = changed_book(book, tmp_path / "rows.epub", "EPUB/text.smil",
                                lambda smil: re.sub(r'\s*<par id="[^"]+"><text src="text.xhtml#(?:' + "|".join(rows) + r')"/>[^\n]*</par>', "", smil))
    [finding] = check_overlay(without_rows, built_corpus / "build" / entry["formats"]["audio_sentences"], TABLE_SLUG)
    assert "spoken sentence(s) are played with nothing highlighted" in finding.message
    assert "of the recording's speech: 4 spoken sentence(s)" in finding.message and "covers 100" not in finding.message


def test_a_book_whose_page_marks_are_a_page_out_fails(built_corpus, tmp_path):
    entry = entries(built_corpus)[TABLE_SLUG]
    book = built_corpus / "build" / entry["formats"]["epub"]
    pdf = built_corpus / "build" / entry["formats"]["large_print_pdf"]
    assert check_page_list(book, pdf, TABLE_SLUG) == []
    [finding] = check_page_list(pages_moved_on(book, tmp_path / "pages.epub"), pdf, TABLE_SLUG)
    assert "wrong place for page(s) 2, 3" in finding.message


def test_every_translation_s_page_list_goes_where_its_pdf_does(translated_site, tmp_path):
    """Arabic, Urdu and Chinese books marked their pages at the wrong paragraphs (an empty key
    for words in those scripts). Each book's page list against its own PDF; the Arabic one,
    its markers moved a page on, fails: the check reads a right-to-left PDF the right way round."""
    root = translated_site.parent.parent
    found = {}
    for slug, entry in entries(root).items():
        book = root / "build" / entry["formats"]["epub"]
        found[slug] = [f.message for f in check_entry(book, entry, root / "build", slug)]
    assert len(found) == 6 and {slug: said for slug, said in found.items() if said} == {}
    arabic = entries(root)["what-if-i-do-not-agree-ar"]
    book, pdf = (root / "build" / arabic["formats"][key] for key in ("epub", "large_print_pdf"))
    [finding] = check_page_list(pages_moved_on(book, tmp_path / "ar.epub"), pdf, "ar")
    assert "wrong place for page(s) 2" in finding.message
