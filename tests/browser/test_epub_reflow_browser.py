"""Each corpus EPUB's text as a reading system shows it (its own stylesheet, in Chromium):
at 400 px wide nothing scrolls sideways (pictures scale, tables and addresses wrap), and at
200% text nothing is clipped (WCAG 1.4.10 reflow and 1.4.4 resize text)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from factsheets.validators.website import chromium

pytestmark = pytest.mark.browser

# What is wider than the page: the document itself, or an element whose content is cut off.
OVERFLOW_JS = """
() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter(e => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && (box.right > width + 1 || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible');
  }).map(e => e.tagName + (e.id ? '#' + e.id : '') + ': ' + (e.textContent || e.getAttribute('src') || '').slice(0, 40));
  return {page: document.documentElement.scrollWidth, width, wide};
}
"""


def unpacked(root: Path, target: Path) -> list[Path]:
    books = []
    for epub in sorted((root / "build/site/files").glob("*/*.epub")):
        folder = target / epub.stem
        with zipfile.ZipFile(epub) as book:
            book.extractall(folder)
        books.append(folder / "EPUB/text.xhtml")
    return books


@pytest.mark.parametrize(("width", "text_size"), ((400, "100%"), (640, "200%")), ids=("400px", "200%-text"))
def test_every_corpus_book_reflows(built_corpus, tmp_path, width, text_size):
    overflowing = {}
    with chromium() as browser:
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        for text in unpacked(built_corpus, tmp_path):
            page.goto(text.as_uri(), wait_until="load")
            page.add_style_tag(content=f"html {{ font-size: {text_size}; }}")
            found = page.evaluate(OVERFLOW_JS)
            if found["page"] > found["width"] or found["wide"]:
                overflowing[text.parent.parent.name] = found
        context.close()
    assert overflowing == {}
