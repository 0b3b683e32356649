"""A factsheet page is marked with its factsheet's language and direction."""

from factsheets import model as m
from factsheets.validators import FAILURE
from factsheets.validators.site_language import check_page_language, page_language


def _document(language: str) -> m.Document:
    meta = m.Meta("x", "T", "", "1", "2021-06", language, "docs/factsheets/x.md")
    organisation = m.Organisation("O", "", "1", "", None, "a@b.cd", "https://x", None, (), None, "", "", "O")
    return m.Document(meta, (), organisation)


def test_reads_the_html_elements_lang_and_dir():
    assert page_language('<!doctype html><html lang="ar" dir="rtl" class="no-js"><body dir="rtl">') == ("ar", "rtl")
    assert page_language("<html class=x>") == (None, None)


def test_a_page_marked_english_for_an_arabic_factsheet_fails(tmp_path):
    page = tmp_path / "x.html"
    page.write_text('<html lang="en-GB" class="no-js">', encoding="utf-8")
    findings = check_page_language(page, _document("ar"))
    assert [f.level for f in findings] == [FAILURE, FAILURE]
    assert findings[0].message == "The page x.html is marked as language 'en-GB', but the factsheet is in 'ar'."
    assert findings[1].message == "The page x.html is laid out left to right, but Arabic is written right to left."


def test_a_page_with_its_factsheets_language_passes(tmp_path):
    page = tmp_path / "x.html"
    page.write_text('<html lang="ar" dir="rtl">', encoding="utf-8")
    assert check_page_language(page, _document("ar")) == []
    page.write_text('<html lang="cy" dir="ltr">', encoding="utf-8")
    assert check_page_language(page, _document("cy")) == []
