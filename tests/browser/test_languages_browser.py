"""The translations' web pages in Debian's Chromium: each page in its own language and direction,
search in every language, and left-to-right numbers kept in order on right-to-left pages.

A frozen copy of the project with its sample translations (tests/fixtures/translated/) is built
by MkDocs alone (`mkdocs build`, no other format): these tests are about the pages, not the
downloads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, copy_project
from factsheets.validators.website import chromium, search_results

pytestmark = [pytest.mark.browser, pytest.mark.engines]

PAGES = {
    "what-if-i-do-not-agree": ("en-GB", "ltr"),
    "what-if-i-do-not-agree-cy": ("cy", "ltr"),
    "what-if-i-do-not-agree-pl": ("pl", "ltr"),
    "what-if-i-do-not-agree-ar": ("ar", "rtl"),
    "what-if-i-do-not-agree-ur": ("ur", "rtl"),
    "what-if-i-do-not-agree-zh-Hans": ("zh-Hans", "ltr"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("languages"), FIXTURES / "translated")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run([str(mkdocs), "build", "-q", "-d", str(root / "site")], cwd=root, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def browser():
    with chromium() as shared:
        yield shared


def _open(browser, url: str):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url, wait_until="load")
    return page


def test_each_page_is_in_its_factsheets_language_and_direction_with_materials_words(browser, site):
    for slug, (lang, direction) in PAGES.items():
        page = _open(browser, (site / "factsheets" / f"{slug}.html").as_uri())
        try:
            found = page.evaluate("[document.documentElement.lang, document.documentElement.dir, document.body.dir]")
            assert found == [lang, direction, direction], slug
            alternates = page.evaluate("[...document.querySelectorAll('link[rel=alternate][hreflang]')].map(l => l.hreflang)")
            assert sorted(alternates) == sorted(lang for lang, _ in PAGES.values()), slug
            assert page.locator("nav.fs-languages a[hreflang]").count() == len(PAGES) - 1, slug
        finally:
            page.close()
    page = _open(browser, (site / "factsheets" / "what-if-i-do-not-agree-ar.html").as_uri())
    try:
        assert page.locator("input.md-search__input").get_attribute("placeholder") == "بحث"  # Material's Arabic
        assert page.locator("nav.fs-languages").inner_text().startswith("نشرة المعلومات هذه باللغات:")
    finally:
        page.close()


@pytest.mark.parametrize("word", ["complaint", "benderfynu", "zdecydować", "المشورة", "مخاوفك", "ضروریات", "مطمئن", "第一步", "特殊教育"])
def test_search_finds_words_in_every_language(browser, site, word):
    url = (site / "index.html").as_uri()
    assert search_results(browser, url, word) >= 1


def test_search_finds_nothing_for_a_word_that_is_not_there(browser, site):
    assert search_results(browser, (site / "index.html").as_uri(), "zł") == 0


# Where on the screen the first and the last digits of a link's text are.
DIGIT_POSITIONS_JS = """(selector) => {
  const link = document.querySelector(selector);
  const text = link.firstChild;
  const at = (start, end) => { const r = document.createRange(); r.setStart(text, start); r.setEnd(text, end); return r.getBoundingClientRect().left; };
  return [text.textContent, at(0, 1), at(text.textContent.length - 1, text.textContent.length)];
}"""


@pytest.mark.parametrize("slug", ["what-if-i-do-not-agree-ar", "what-if-i-do-not-agree-ur"])
def test_a_phone_number_on_a_right_to_left_page_reads_left_to_right(browser, site, slug):
    page = _open(browser, (site / "factsheets" / f"{slug}.html").as_uri())
    try:
        number, first, last = page.evaluate(DIGIT_POSITIONS_JS, "section.fs-contact a[href^='tel:']")
        assert number == "01225 394382"
        assert first < last  # "01225" on the left, as written, not "394382 01225"
    finally:
        page.close()
