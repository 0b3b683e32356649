"""Which of WeasyPrint's boxes tag a /Lang of their own (engines/weasyprint_lang.py)."""

from __future__ import annotations

from types import SimpleNamespace
from xml.etree.ElementTree import Element

from factsheets.engines.weasyprint_lang import box_language


def box(tag: str, **attributes: str) -> SimpleNamespace:
    return SimpleNamespace(element=Element(tag, attributes), element_tag=tag)


def test_a_span_in_another_language_tags_it_and_other_boxes_do_not():
    assert box_language(box("span", lang="en-GB")) == "en-GB"
    assert box_language(box("span")) is None and box_language(box("p")) is None
    # The page's own language is the document's /Lang already, and an anonymous box has no element.
    assert box_language(box("html", lang="pl")) is None and box_language(box("body", lang="pl")) is None
    assert box_language(SimpleNamespace(element=None, element_tag=None)) is None
