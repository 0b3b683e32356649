"""Words in another language keep their language in the PDF's tags.

The print view marks words in a language other than the page's (`<span lang="en-GB">`: an
organisation's detail a translation leaves in English, writers/html.py). A screen reader
reading a tagged PDF chooses its voice by the structure element's /Lang, else the document's
(ISO 32000-1, 14.9.2: /Lang on a structure element holds for all of its content; PDF/UA-1,
7.2: a change of language is declared). WeasyPrint (70) tags the span as a /Span but gives
no /Lang to any element but the document, so the English words would be read by the Polish
voice. Its tagging function, `weasyprint.pdf.tags._build_box_tree`, is wrapped (`install`):
each structure element of a box whose HTML element (not the page's <html>) declares a `lang`
gets that /Lang. Nothing else in the tags changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def box_language(box: Any) -> str | None:  # a WeasyPrint box: WeasyPrint has no type information
    """The language a box's own element declares (the page's is the document's /Lang already).
    The print view declares one only where it changes (writers/html.py's spans)."""
    element = getattr(box, "element", None)
    if element is None or getattr(box, "element_tag", None) in ("html", "body"):
        return None
    declared = element.get("lang")
    return str(declared) if declared else None


def install() -> None:
    """Wrap WeasyPrint's tagging (once) so that a box that declares its language tags its /Lang."""
    import pydyf

    try:
        from weasyprint.pdf import tags
    except ImportError:  # a WeasyPrint without tagging (before 63): nothing to add /Lang to
        return
    # A private function: a WeasyPrint that renamed it still prints, without the /Lang
    # (tests/test_english_passages_build.py reads the tags of the version installed).
    if not callable(getattr(tags, "_build_box_tree", None)) or getattr(tags._build_box_tree, "language", False):
        return
    build = tags._build_box_tree

    def with_language(box: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:  # its structure elements: pydyf dictionaries
        declared = box_language(box)
        for element in build(box, *args, **kwargs):  # the box's own elements (html and body: their children's)
            if declared:
                element["Lang"] = pydyf.String(declared)
            yield element

    with_language.language = True  # type: ignore[attr-defined]  # the mark that the wrapping is done, on the function itself
    tags._build_box_tree = with_language
