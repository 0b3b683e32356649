"""The EPUB in community languages: language and direction on the document, English blocks
marked as English, left-to-right stretches isolated in right-to-left text."""

from __future__ import annotations

import pytest
from lxml import etree

from conftest import FIXTURES
from factsheets.project import load_project
from factsheets.writers.epub.xhtml import XhtmlRenderer, content_document

LANGUAGES = FIXTURES / "languages"
NS = {"x": "http://www.w3.org/1999/xhtml"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def documents():
    return {d.meta.language: d for d in load_project(LANGUAGES).documents}


def xhtml(document) -> etree._Element:
    body = XhtmlRenderer(document, set(), {}, {}).blocks(document.blocks)
    return etree.fromstring(content_document(document, body, "style.css").encode("utf-8"))


@pytest.mark.parametrize(("tag", "direction"), [("ar", "rtl"), ("ur", "rtl"), ("zh-Hans", "ltr"), ("pl", "ltr"), ("cy", "ltr")])
def test_the_document_has_its_language_and_direction(documents, tag, direction):
    root = xhtml(documents[tag])
    assert (root.get("lang"), root.get(XML_LANG), root.get("dir")) == (tag, tag, direction)


def test_english_details_and_left_to_right_stretches_are_marked_in_arabic(documents):
    root = xhtml(documents["ar"])
    # The organisation's details a translation leaves in English: each marked English, left to right.
    english = root.xpath("//x:section[contains(@class, 'fs-contact')]//x:span[@lang='en-GB']", namespaces=NS)
    assert english and english[0].get(XML_LANG) == "en-GB" and english[0].get("dir") == "ltr"
    phone = root.xpath("//x:p//x:span[@dir='ltr'][text()='01225 394382']", namespaces=NS)
    assert phone, "the phone number in the Arabic paragraph is isolated left to right"
    name = root.xpath("//x:p//x:span[@lang='en-GB'][text()='SEND Partnership Service']", namespaces=NS)
    assert name and name[0].get(XML_LANG) == "en-GB"


def test_a_latin_script_translation_has_no_isolated_stretches(documents):
    root = xhtml(documents["pl"])
    assert not root.xpath("//x:p//x:span[@dir='ltr']", namespaces=NS)


@pytest.mark.engines
def test_the_ebook_is_not_available_where_its_audio_is_not():
    from factsheets.build.plan import plan_jobs

    jobs = {(j.writer_name, j.slug): j for j in plan_jobs(load_project(LANGUAGES), None, None, {})}
    somali = next(slug for writer, slug in jobs if slug.endswith("-so"))
    arabic = next(slug for writer, slug in jobs if slug.endswith("-ar"))
    assert jobs[("audio", somali)].not_available == "espeak-ng ma laha cod Soomaali ah"
    assert jobs[("epub", somali)].not_available == "espeak-ng ma laha cod Soomaali ah"  # the audio's reason, in Somali
    assert jobs[("epub", arabic)].not_available is None
